//! `coach card [ID | --with NAME]`: one screen for the last minute before the
//! call, from the latest prep for that counterpart (or the prep named by ID):
//! the objective, their business result and personal win, the three
//! questions most worth asking (open ones first), the best and minimum
//! commitment, the open follow-ups with them, and one stance reminder.
//!
//! It always fits in 24 lines of 80 columns: each field is cut to at most two
//! lines, each question to one, and at most three follow-ups are listed.

use std::io::Write;
use std::path::PathBuf;

use dialoguer::console::style;

use crate::cli::CardArgs;
use crate::error::{Error, Result};
use crate::history::scan::sessions;
use crate::playbook::{Answer, Kind, load};
use crate::session::Session;
use crate::session::store::Store;
use crate::text::{printable_line, wrap};

/// The screen the card must fit.
pub const WIDTH: usize = 80;
pub const HEIGHT: usize = 24;

/// Labels are padded to this many columns.
const LABEL: usize = 10;

pub fn run(args: CardArgs, home: Option<PathBuf>) -> Result<()> {
    let store = Store::open(home)?;
    let preps: Vec<Session> = sessions(&store, |h| h.kind == Kind::Prep)
        .into_iter()
        .map(|(_, s)| s)
        .collect();
    let prep = pick(&preps, &args)?;
    let open = open_followups(&store, &prep.with)?;
    let stance = stance(prep);
    let card = render(prep, &open, stance.as_deref());
    let mut out = std::io::stdout().lock();
    out.write_all(card.as_bytes())?;
    out.flush()?;
    Ok(())
}

/// The prep the card is for: by id (or unique prefix), by counterpart, or
/// the latest. `preps` is newest first.
fn pick<'a>(preps: &'a [Session], args: &CardArgs) -> Result<&'a Session> {
    if let Some(id) = &args.id {
        if let Some(exact) = preps.iter().find(|s| s.id == *id) {
            return Ok(exact);
        }
        let matches: Vec<&Session> = preps.iter().filter(|s| s.id.starts_with(id)).collect();
        return match matches.as_slice() {
            [one] => Ok(one),
            [] => Err(Error::NotFound(format!(
                "no prep with an id starting `{id}`; `coach history --kind prep` lists them"
            ))),
            many => Err(Error::Usage(format!(
                "`{id}` matches {} preps: {}; give more of the id",
                many.len(),
                many.iter()
                    .map(|s| s.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))),
        };
    }
    if let Some(with) = &args.with {
        let wanted = with.trim().to_lowercase();
        let same = preps
            .iter()
            .find(|s| s.with.trim().to_lowercase() == wanted);
        let like = || {
            preps
                .iter()
                .find(|s| s.with.to_lowercase().contains(&wanted))
        };
        return same.or_else(like).ok_or_else(|| {
            Error::NotFound(format!(
                "no prep with `{with}` yet; run `coach prep --with \"{with}\"` first"
            ))
        });
    }
    preps.first().ok_or_else(|| {
        Error::NotFound("no prep yet; run `coach prep` first, then `coach card`".into())
    })
}

/// Open follow-ups agreed with this counterpart, in listing order.
fn open_followups(store: &Store, with: &str) -> Result<Vec<String>> {
    let found = crate::followups::gather(store)?;
    Ok(found
        .items
        .iter()
        .filter(|i| i.done.is_none() && i.with.trim().eq_ignore_ascii_case(with.trim()))
        .map(|i| {
            let due = i
                .followup
                .due
                .as_deref()
                .map_or(String::new(), |d| format!(" (due {d})"));
            format!("{}: {}{due}", i.followup.owner, i.followup.what)
        })
        .collect())
}

/// The prep playbook's first stance reminder, rendered for this counterpart.
fn stance(prep: &Session) -> Option<String> {
    let playbook = load::find(&prep.playbook, &load::search_dirs()).ok()?;
    let text = playbook.stance.first()?;
    let env = minijinja::Environment::new();
    let ctx = minijinja::context! { with => &prep.with, account => &prep.account };
    Some(env.render_str(text, ctx).unwrap_or_else(|_| text.clone()))
}

fn answer<'a>(prep: &'a Session, id: &str) -> Option<&'a Answer> {
    prep.answers
        .0
        .iter()
        .find(|(k, _)| k == id)
        .map(|(_, a)| a)
        .filter(|a| !matches!(a, Answer::Text(t) if t.trim().is_empty()))
        .filter(|a| !matches!(a, Answer::List(l) if l.is_empty()))
}

/// The planned questions, open ones (no finding from the question coach)
/// first, at most three.
pub fn best_questions(questions: &[String]) -> Vec<&str> {
    let (open, flagged): (Vec<&String>, Vec<&String>) = questions
        .iter()
        .filter(|q| !q.trim().is_empty())
        .partition(|q| crate::coaching::check::check(q).is_empty());
    open.into_iter()
        .chain(flagged)
        .take(3)
        .map(|q| q.trim())
        .collect()
}

/// The card's text: at most [`HEIGHT`] lines of at most [`WIDTH`] columns.
pub fn render(prep: &Session, open: &[String], stance: Option<&str>) -> String {
    let mut lines: Vec<String> = Vec::new();
    let who = if prep.account.trim().is_empty() {
        prep.with.trim().to_string()
    } else {
        format!("{}, {}", prep.with.trim(), prep.account.trim())
    };
    let day = prep.date.get(..10).unwrap_or(&prep.date);
    lines.push(bold(&fit(
        &format!("{who} · {} · {day}", prep.playbook),
        WIDTH,
    )));
    lines.push("─".repeat(WIDTH));
    for (label, id) in [
        ("Objective", "objective"),
        ("Business", "business_result"),
        ("Personal", "personal_win"),
    ] {
        if let Some(a) = answer(prep, id) {
            field(&mut lines, label, &a.display());
        }
    }
    if let Some(Answer::List(questions)) = answer(prep, "planned_questions") {
        lines.push(bold("Ask"));
        for (n, q) in best_questions(questions).iter().enumerate() {
            lines.push(fit(&format!("  {}. {}", n + 1, printable_line(q)), WIDTH));
        }
    }
    for (label, id) in [("Best", "best_action"), ("Minimum", "minimum_action")] {
        if let Some(a) = answer(prep, id) {
            field(&mut lines, label, &a.display());
        }
    }
    if !open.is_empty() {
        lines.push(bold("Open follow-ups"));
        let shown = if open.len() > 3 { 2 } else { open.len() };
        for item in &open[..shown] {
            lines.push(fit(&format!("  • {}", printable_line(item)), WIDTH));
        }
        if open.len() > shown {
            lines.push(format!(
                "  … and {} more (coach followups)",
                open.len() - shown
            ));
        }
    }
    if let Some(stance) = stance {
        field(&mut lines, "Stance", stance);
    }
    lines.truncate(HEIGHT);
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

/// `Label     value`, wrapped under itself, cut to two lines.
fn field(lines: &mut Vec<String>, label: &str, value: &str) {
    let pad = " ".repeat(LABEL);
    let value = printable_line(&value.replace('\n', " "));
    let wrapped = wrap(&value, WIDTH, &pad);
    let mut body: Vec<String> = wrapped.lines().map(str::to_string).collect();
    if body.is_empty() {
        return;
    }
    if body.len() > 2 {
        body.truncate(2);
        let last = format!("{} …", body[1].trim_end());
        body[1] = fit(&last, WIDTH);
        if !body[1].ends_with('…') {
            body[1] = fit(&format!("{last}…"), WIDTH);
        }
    }
    for (n, line) in body.into_iter().enumerate() {
        let line = fit(&line, WIDTH);
        if n == 0 {
            let rest = line.get(LABEL..).unwrap_or("");
            lines.push(format!("{}{rest}", bold(&format!("{label:<LABEL$}"))));
        } else {
            lines.push(line);
        }
    }
}

/// At most `width` characters, with `…` when cut.
fn fit(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let cut: String = text.chars().take(width - 1).collect();
    format!("{}…", cut.trim_end())
}

fn bold(text: &str) -> String {
    style(text).bold().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_questions_come_first() {
        let qs: Vec<String> = [
            "Do you have a budget?",
            "How do decisions like this get made?",
            "Can you sign today?",
            "What would make this a success for you?",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            best_questions(&qs),
            [
                "How do decisions like this get made?",
                "What would make this a success for you?",
                "Do you have a budget?"
            ]
        );
    }

    #[test]
    fn fit_cuts_with_an_ellipsis() {
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("abc", 4), "abc");
    }
}
