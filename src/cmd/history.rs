//! `coach history`: the sessions, newest first, through the shared filters,
//! as a table for people or JSON / JSON lines for scripts.

use std::collections::HashSet;
use std::io::Write;

use comfy_table::Table;
use serde::Serialize;

use crate::cli::{HistoryArgs, HistoryFormat};
use crate::error::Result;
use crate::history::Filter;
use crate::playbook::{Answer, Meaning};
use crate::session::{Moment, Session};
use crate::store::{Head, Store, print_warnings, scan};
use crate::text::printable_line;

/// One row of the listing, as JSON prints it.
#[derive(Debug, Serialize)]
pub struct Row {
    pub id: String,
    pub kind: &'static str,
    pub date: Moment,
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
            outcome: s.meant(Meaning::Outcome).map(Answer::display),
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

pub fn run(args: HistoryArgs, store: &Store) -> Result<()> {
    let filter = Filter::new(&args.filters, store.now().date())?;
    let found = store.heads(|h| filter.keeps(h))?;
    let done: HashSet<String> = store.marks()?.done.into_keys().collect();
    let (rows, broken) = scan::load_with(&found.heads, args.limit, |h, s| Row::new(h, s, &done));
    print_warnings(&found.warnings);
    print_warnings(&broken);
    let mut out = crate::stdout();
    match args.format {
        HistoryFormat::Json => {
            crate::text::write_json(&mut out, &rows, true)?;
        }
        HistoryFormat::Jsonl => {
            for row in &rows {
                crate::text::write_json(&mut out, row, false)?;
            }
        }
        HistoryFormat::Table if rows.is_empty() => {
            crate::note!(
                "No sessions match. `coach prep` starts one; `coach history` without filters lists them all."
            );
        }
        HistoryFormat::Table => {
            // Compact only on a narrow terminal: a file or a pipe gets every column.
            let width = crate::report::stdout_width();
            let compact = store.env().stdout_tty && width < COMPACT_BELOW;
            writeln!(out, "{}", table(&rows, width, compact))?;
        }
    }
    Ok(())
}

/// Below this many columns of a terminal the listing keeps only what names a session:
/// its id (which holds the date, the person and the kind), the person in
/// full, the outcome and the open follow-ups.
const COMPACT_BELOW: usize = 110;

/// The listing as a table at `width` columns, `compact` on a narrow terminal.
pub fn table(rows: &[Row], width: usize, compact: bool) -> Table {
    let header: &[&str] = if compact {
        &["id", "with", "outcome", "open"]
    } else {
        &[
            "date", "kind", "with", "account", "playbook", "outcome", "open", "id",
        ]
    };
    let mut table = crate::report::new_table(header.iter().copied(), width);
    for r in rows {
        let open = if r.open_followups == 0 {
            String::new()
        } else {
            r.open_followups.to_string()
        };
        let outcome = r.outcome.as_deref().map(printable_line).unwrap_or_default();
        if compact {
            table.add_row([r.id.clone(), printable_line(&r.with), outcome, open]);
        } else {
            table.add_row([
                r.date.minute(),
                r.kind.to_string(),
                printable_line(&r.with),
                printable_line(&r.account),
                printable_line(&r.playbook),
                outcome,
                open,
                r.id.clone(),
            ]);
        }
    }
    // On a narrow terminal the id, which `show` and `card` take, stays whole.
    if let Some(column) = table.column_mut(0).filter(|_| compact) {
        column.set_constraint(comfy_table::ColumnConstraint::ContentWidth);
    }
    table
}
