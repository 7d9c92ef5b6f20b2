//! The one-screen card for the last minute before a call (`coach card`):
//! the objective, their business result and personal win, the three
//! questions most worth asking (open ones first), the best and minimum
//! commitment, the open follow-ups with them, and one stance reminder.
//!
//! It always fits in 24 lines of 80 columns: each field is cut to at most two
//! lines, each question to one, and at most three follow-ups are listed.

use dialoguer::console::style;

use crate::playbook::Answer;
use crate::session::Session;
use crate::text::{printable_line, wrap};

/// The screen the card must fit.
pub const WIDTH: usize = 80;
pub const HEIGHT: usize = 24;

/// Labels are padded to this many columns.
const LABEL: usize = 10;

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
    let day = prep.date.date();
    lines.push(bold(&fit(
        &printable_line(&format!("{who} · {} · {day}", prep.playbook)),
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
