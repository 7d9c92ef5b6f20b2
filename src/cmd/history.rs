//! `coach history`: the sessions, newest first, through the shared filters,
//! as a table for people or JSON / JSON lines for scripts.

use std::collections::HashSet;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use comfy_table::{ContentArrangement, Table, presets};
use serde::Serialize;

use crate::cli::{HistoryArgs, HistoryFormat};
use crate::error::Result;
use crate::history::{Filter, Head, scan};
use crate::session::Session;
use crate::session::store::{self, Store};
use crate::text::printable_line;

/// One row of the listing, as JSON prints it.
#[derive(Debug, Serialize)]
pub struct Row {
    pub id: String,
    pub kind: &'static str,
    pub date: String,
    pub with: String,
    pub account: String,
    pub playbook: String,
    pub title: String,
    /// A debrief's outcome answer, when it has one.
    pub outcome: Option<String>,
    /// Follow-ups of a debrief not yet marked done.
    pub open_followups: usize,
    pub notes_path: String,
}

impl Row {
    pub fn new(head: &Head, s: Session, done: &HashSet<String>) -> Row {
        Row {
            kind: s.kind.as_str(),
            outcome: s
                .answers
                .0
                .iter()
                .find(|(id, _)| id == "outcome")
                .map(|(_, a)| a.display()),
            open_followups: s.followups.iter().filter(|f| !done.contains(&f.id)).count(),
            notes_path: head.path.display().to_string(),
            id: s.id,
            date: s.date,
            with: s.with,
            account: s.account,
            playbook: s.playbook,
            title: s.title,
        }
    }
}

pub fn run(args: HistoryArgs, home: Option<PathBuf>) -> Result<()> {
    let store = Store::open(home)?;
    let filter = Filter::new(&args.filters, store::now()?.date())?;
    let found = scan::scan(&store.notes_dir(), |h| filter.keeps(h))?;
    let done = crate::followups::done_ids(&store);
    let (rows, broken) = scan::load_with(&found.heads, args.limit, |h, s| Row::new(h, s, &done));
    for warning in found.warnings.iter().chain(&broken) {
        eprintln!("{}", printable_line(warning));
    }
    let mut out = std::io::stdout().lock();
    match args.format {
        HistoryFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &rows).map_err(anyhow::Error::from)?;
            writeln!(out)?;
        }
        HistoryFormat::Jsonl => {
            for row in &rows {
                serde_json::to_writer(&mut out, row).map_err(anyhow::Error::from)?;
                writeln!(out)?;
            }
        }
        HistoryFormat::Table if rows.is_empty() => {
            eprintln!(
                "No sessions match. `coach prep` starts one; `coach history` without filters lists them all."
            );
        }
        HistoryFormat::Table => {
            let width = std::io::stdout()
                .is_terminal()
                .then(|| usize::from(dialoguer::console::Term::stdout().size().1));
            writeln!(out, "{}", table(&rows, width))?;
        }
    }
    Ok(())
}

/// The listing as a table at `width` columns (`None`: 100).
pub fn table(rows: &[Row], width: Option<usize>) -> Table {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(width.unwrap_or(100).clamp(40, 200) as u16)
        .set_header([
            "date", "kind", "with", "account", "playbook", "outcome", "open", "id",
        ]);
    for r in rows {
        table.add_row([
            r.date.get(..16).unwrap_or(&r.date).replace('T', " "),
            r.kind.to_string(),
            printable_line(&r.with),
            printable_line(&r.account),
            printable_line(&r.playbook),
            r.outcome.as_deref().map(printable_line).unwrap_or_default(),
            if r.open_followups == 0 {
                String::new()
            } else {
                r.open_followups.to_string()
            },
            r.id.clone(),
        ]);
    }
    table
}
