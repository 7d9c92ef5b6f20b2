//! `coach followups`: the promises from every debrief, overdue first, with the
//! counterpart and the session each came from, and how reliably the user
//! keeps their own. Open ones are numbered as listed; `--done N` (or the
//! full `SESSION#N` id) marks one done in the done log; the sessions
//! themselves are never rewritten.

use std::io::Write;

use comfy_table::{ColumnConstraint, Table};
use jiff::civil::Date;
use serde::Serialize;

use crate::cli::{FollowupsArgs, ListFormat};
use crate::error::Result;
use crate::followups::{Item, Reliability, reliability_of};
use crate::store::lookup::{self, Noun};
use crate::store::{Store, print_warnings};
use crate::text::printable_line;

pub fn run(args: FollowupsArgs, store: &Store) -> Result<()> {
    let today = store.now().date();
    let mut found = store.followups()?;
    print_warnings(&found.warnings);
    match args.done {
        Some(wanted) => {
            let noun = Noun {
                one: "follow-up",
                many: "follow-ups",
                hint: "`coach followups` numbers the open ones; `--format json` gives every id",
                none_yet: "a debrief's next steps become follow-ups",
            };
            let open = found.items.iter().filter(|i| i.done.is_none()).count();
            let item = match wanted.trim().parse::<usize>() {
                // A short reference: the number `coach followups` lists it by
                // (a longer number is the start of an id, like `2026`).
                Ok(n) if wanted.trim().len() <= 4 && (1..=open).contains(&n) => {
                    numbered(&found.items, n)?
                }
                Ok(n)
                    if wanted.trim().len() <= 4
                        && !found
                            .items
                            .iter()
                            .any(|i| i.id().starts_with(wanted.trim())) =>
                {
                    numbered(&found.items, n)?
                }
                _ => lookup::by_id(&found.items, &wanted, noun)?,
            }
            .clone();
            let already = item.done;
            if already.is_none() {
                store.mark_done(item.id(), today)?;
                for i in found.items.iter_mut().filter(|i| i.id() == item.id()) {
                    i.done = Some(today);
                }
            }
            let reliability = reliability_of(&found.items, today);
            let marked = Item {
                done: Some(already.unwrap_or(today)),
                ..item
            };
            show_marked(&marked, already, reliability, today, args.format)
        }
        None => {
            let reliability = reliability_of(&found.items, today);
            let shown: Vec<&Item> = found
                .items
                .iter()
                .filter(|i| args.all || i.done.is_none())
                .collect();
            let hidden = found.items.len() - shown.len();
            show_list(&shown, hidden, reliability, today, args.format)
        }
    }
}

/// The open follow-up listed as number `n` (from 1) by `coach followups`.
fn numbered(items: &[Item], n: usize) -> Result<&Item> {
    let open: Vec<&Item> = items.iter().filter(|i| i.done.is_none()).collect();
    match n.checked_sub(1).and_then(|i| open.get(i)) {
        Some(item) => Ok(item),
        None => Err(crate::error::Error::Usage(format!(
            "there is no open follow-up {n}: `coach followups` lists {} (1 to {}); give its number or its id",
            open.len(),
            open.len()
        ))),
    }
}

/// One follow-up as `--format json` prints it.
#[derive(Serialize)]
struct ItemJson<'a> {
    id: &'a str,
    owner: &'a str,
    what: &'a str,
    due: Option<String>,
    /// The short reference `--done` takes (open ones only).
    #[serde(skip_serializing_if = "Option::is_none")]
    number: Option<usize>,
    /// `open`, `overdue` or `done`.
    status: &'static str,
    done: Option<String>,
    /// Days until the due date, negative when overdue; none when done or undated.
    days_left: Option<i64>,
    with: &'a str,
    account: &'a str,
    session: &'a str,
    session_date: Option<String>,
}

impl<'a> ItemJson<'a> {
    fn new(item: &'a Item, today: Date, number: Option<usize>) -> Self {
        ItemJson {
            id: item.id(),
            number,
            owner: &item.followup.owner,
            what: &item.followup.what,
            due: item.due().map(|d| d.to_string()),
            status: status(item, today),
            done: item.done.map(|d| d.to_string()),
            days_left: item.done.is_none().then(|| item.days_left(today)).flatten(),
            with: &item.with,
            account: &item.account,
            session: &item.session,
            session_date: Some(item.session_date.to_string()),
        }
    }
}

fn status(item: &Item, today: Date) -> &'static str {
    if item.done.is_some() {
        "done"
    } else if item.is_overdue(today) {
        "overdue"
    } else {
        "open"
    }
}

#[derive(Serialize)]
struct ListJson<'a> {
    today: String,
    followups: Vec<ItemJson<'a>>,
    reliability: Option<Reliability>,
}

#[derive(Serialize)]
struct MarkedJson<'a> {
    marked: ItemJson<'a>,
    /// It had been marked done before; nothing was written.
    already_done: bool,
    reliability: Option<Reliability>,
}

fn show_list(
    items: &[&Item],
    hidden: usize,
    reliability: Option<Reliability>,
    today: Date,
    format: ListFormat,
) -> Result<()> {
    let mut out = crate::stdout();
    if format == ListFormat::Json {
        let doc = ListJson {
            today: today.to_string(),
            followups: numbers(items)
                .map(|(i, n)| ItemJson::new(i, today, n))
                .collect(),
            reliability,
        };
        crate::text::write_json(&mut out, &doc, true)?;
        return Ok(());
    }
    if items.is_empty() {
        let more = if hidden > 0 {
            format!(" ({hidden} done; `coach followups --all` shows them)")
        } else {
            String::new()
        };
        writeln!(out, "No open follow-ups{more}.")?;
    } else {
        writeln!(out, "{}", table(items, today))?;
        let open = items.iter().filter(|i| i.done.is_none()).count();
        let overdue = items.iter().filter(|i| i.is_overdue(today)).count();
        writeln!(out, "{open} open, {overdue} overdue.")?;
        if open > 0 {
            writeln!(
                out,
                "Mark one done: coach followups --done N (its number, or its id)."
            )?;
        }
    }
    if let Some(r) = reliability {
        writeln!(out, "{r}")?;
    }
    Ok(())
}

fn show_marked(
    item: &Item,
    already: Option<Date>,
    reliability: Option<Reliability>,
    today: Date,
    format: ListFormat,
) -> Result<()> {
    let mut out = crate::stdout();
    if format == ListFormat::Json {
        let doc = MarkedJson {
            marked: ItemJson::new(item, today, None),
            already_done: already.is_some(),
            reliability,
        };
        crate::text::write_json(&mut out, &doc, true)?;
        return Ok(());
    }
    match already {
        Some(day) => writeln!(
            out,
            "{} was already marked done on {day}; nothing changed.",
            item.id()
        )?,
        None => writeln!(out, "Marked done: {}", item.id())?,
    }
    let due = item.due().map_or(String::new(), |d| format!(", due {d}"));
    writeln!(
        out,
        "  {}: {} ({}{due})",
        printable_line(&item.followup.owner),
        printable_line(&item.followup.what),
        printable_line(&item.with),
    )?;
    if let Some(r) = reliability {
        writeln!(out, "{r}")?;
    }
    Ok(())
}

/// Each listed item with its number: open ones are numbered 1, 2, … in
/// listing order (what `--done N` takes); done ones have none.
fn numbers<'i>(items: &'i [&'i Item]) -> impl Iterator<Item = (&'i Item, Option<usize>)> {
    let mut n = 0;
    items.iter().map(move |i| {
        let number = i.done.is_none().then(|| {
            n += 1;
            n
        });
        (*i, number)
    })
}

fn table(items: &[&Item], today: Date) -> Table {
    let mut table = crate::report::new_table(
        ["#", "Owner", "What", "Due", "With"],
        crate::report::stdout_width(),
    );
    for (item, n) in numbers(items) {
        table.add_row([
            n.map_or(String::new(), |n| n.to_string()),
            printable_line(&item.followup.owner),
            printable_line(&item.followup.what),
            due_cell(item, today),
            printable_line(&item.with),
        ]);
    }
    // The number is what `--done` takes, and the due cell is short: neither
    // is broken across lines; the text columns wrap instead.
    for i in [0, 3] {
        if let Some(column) = table.column_mut(i) {
            column.set_constraint(ColumnConstraint::ContentWidth);
        }
    }
    table
}

/// The due date and how far off it is: "2026-11-20\noverdue by 2 days".
fn due_cell(item: &Item, today: Date) -> String {
    let when = match (item.done, item.days_left(today)) {
        (Some(done), _) => format!("done {done}"),
        (None, None) => return "—".into(),
        (None, Some(0)) => "due today".into(),
        (None, Some(1)) => "due tomorrow".into(),
        (None, Some(-1)) => "overdue by 1 day".into(),
        (None, Some(n)) if n < 0 => format!("overdue by {} days", -n),
        (None, Some(n)) => format!("due in {n} days"),
    };
    match item.due() {
        Some(due) => format!("{due}\n{when}"),
        None => when,
    }
}
