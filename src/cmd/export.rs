//! `coach export`: the sessions the filters keep, newest first, as JSON,
//! JSON lines, CSV, one Markdown document, or the CSV HubSpot or Salesforce
//! imports, to stdout or `-o FILE`;
//! `--redact` hides names and sensitive free text (see `history::redact`).

use std::io::Write;

use anyhow::Context as _;

use crate::cli::{ExportArgs, ExportFormat};
use crate::error::Result;
use crate::history::{Filter, crm, export, redact};
use crate::session::Session;
use crate::store::Store;
use crate::store::files::write_private;
use crate::text::printable_line;

pub fn run(args: ExportArgs, store: &Store) -> Result<()> {
    if let Some(path) = &args.output {
        store.export_target(path, args.force)?;
    }
    let filter = Filter::new(&args.filters, store.now().date())?;
    let loaded = store.sessions(|h| filter.keeps(h))?;
    loaded.print_warnings();
    let mut sessions: Vec<Session> = loaded.found.into_iter().map(|(_, s)| s).collect();
    // Each promise says whether it was kept, as the done log does.
    let done = store.marks()?.done;
    for f in sessions.iter_mut().flat_map(|s| s.followups.iter_mut()) {
        f.done = done.get(&f.id).copied();
    }
    if args.redact {
        redact::redact(&mut sessions);
    }
    match &args.output {
        Some(path) => {
            let mut bytes = Vec::new();
            write(&mut bytes, args.format, &sessions).context("cannot write the export")?;
            write_private(path, &bytes, args.force)?;
            crate::note!(
                "Exported {} sessions to {}",
                sessions.len(),
                printable_line(&path.display().to_string())
            );
        }
        None => {
            let mut out = std::io::BufWriter::new(crate::stdout());
            write(&mut out, args.format, &sessions)?;
            out.flush()?;
        }
    }
    Ok(())
}

fn write(out: &mut impl Write, format: ExportFormat, sessions: &[Session]) -> std::io::Result<()> {
    match format {
        ExportFormat::Json => export::json(out, sessions),
        ExportFormat::Jsonl => export::jsonl(out, sessions),
        ExportFormat::Csv => export::csv(out, sessions),
        ExportFormat::Markdown => export::markdown(out, sessions),
        ExportFormat::Hubspot => crm::hubspot(out, sessions),
        ExportFormat::Salesforce => crm::salesforce(out, sessions),
    }
}
