//! `coach export`: the sessions the filters keep, newest first, as JSON,
//! JSON lines, CSV or one Markdown document, to stdout or `-o FILE`;
//! `--redact` hides names and sensitive free text (see `history::redact`).

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context as _;

use crate::cli::{ExportArgs, ExportFormat};
use crate::error::Result;
use crate::history::{Filter, export, redact, scan};
use crate::session::Session;
use crate::session::store::{self, Store, write_private};
use crate::text::printable_line;

pub fn run(args: ExportArgs, home: Option<PathBuf>) -> Result<()> {
    let store = Store::open(home)?;
    let filter = Filter::new(&args.filters, store::now()?.date())?;
    let found = scan::scan(&store.notes_dir(), |h| filter.keeps(h))?;
    let (loaded, broken) = scan::load(&found.heads, None);
    for warning in found.warnings.iter().chain(&broken) {
        eprintln!("{}", printable_line(warning));
    }
    let mut sessions: Vec<Session> = loaded.into_iter().map(|(_, s)| s).collect();
    if args.redact {
        redact::redact(&mut sessions);
    }
    match &args.output {
        Some(path) => {
            let mut bytes = Vec::new();
            write(&mut bytes, args.format, &sessions).context("cannot write the export")?;
            write_private(path, &bytes, true)?;
            eprintln!("Exported {} sessions to {}", sessions.len(), path.display());
        }
        None => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
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
    }
}
