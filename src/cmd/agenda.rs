//! `coach agenda FILE.ics [--days N] [--format table|json]`: the meetings
//! ahead and which are prepped (see `crate::calendar::agenda`).

use std::io::Write;

use crate::calendar::agenda::agenda;
use crate::cli::{AgendaArgs, ListFormat};
use crate::error::Result;
use crate::playbook::Kind;
use crate::store::Store;
use crate::text::printable_line;

pub fn run(args: AgendaArgs, store: &Store) -> Result<()> {
    let meetings = store.meetings(&args.file)?;
    let me = store.me();
    let withs: Vec<String> = meetings
        .iter()
        .filter_map(|m| m.people(&me).map(|(w, _)| w.name.clone()))
        .collect();
    let loaded = store.sessions(|h| {
        h.kind == Kind::Prep && withs.iter().any(|w| crate::people::same(&h.with, w))
    })?;
    loaded.print_warnings();
    let preps: Vec<_> = loaded.found.into_iter().map(|(_, s)| s).collect();
    let rows = agenda(&meetings, &me, &store.now(), args.days, &preps, |w| {
        store.account_of(w).ok().flatten()
    });
    let mut out = crate::stdout();
    match args.format {
        ListFormat::Json => {
            crate::text::write_json(&mut out, &rows, true)?;
        }
        ListFormat::Table if rows.is_empty() => writeln!(
            out,
            "No meetings in the next {} days in {}.",
            args.days,
            args.file.display()
        )?,
        ListFormat::Table => {
            let mut table = crate::report::new_table(
                ["When", "Meeting", "With", "Account", "Prep"],
                crate::report::stdout_width(),
            );
            let dash = |t: Option<&str>| t.map_or("—".to_string(), printable_line);
            for r in &rows {
                table.add_row([
                    r.start.minute(),
                    printable_line(&r.title),
                    dash(r.with.as_deref()),
                    dash(r.account.as_deref()),
                    r.prep.clone().unwrap_or_else(|| "not yet".into()),
                ]);
            }
            writeln!(out, "{table}")?;
            if let Some(id) = rows.iter().find_map(|r| r.prep.as_deref()) {
                writeln!(out, "A prep's card: coach card {id}")?;
            }
            if let Some(r) = rows.iter().find(|r| r.prep.is_none()) {
                writeln!(
                    out,
                    "Prepare one: coach prep --invite {} --event {}",
                    args.file.display(),
                    r.uid
                )?;
            }
        }
    }
    out.flush()?;
    Ok(())
}
