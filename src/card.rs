//! The one-screen card for the last minute before a call (`coach card`):
//! the objective, their business result and personal win, the three
//! questions most worth asking (open ones first, the ones the question
//! coach flags marked), the best and minimum commitment, the open
//! follow-ups with them, and one stance reminder. Every field is found by
//! its meaning, so a playbook of any ids fills it.
//!
//! When a debrief came after the prep, the card shows what it learned in
//! place of the prep's guesses, the last outcome, and only the planned
//! questions not yet asked. The account's red flags (`crate::account`)
//! take one field.
//!
//! It always fits in 24 lines of 80 columns: each field is cut to at most two
//! lines, each question to one, and at most three follow-ups are listed.

use dialoguer::console::style;

use crate::playbook::{Answer, Meaning};
use crate::session::Session;
use crate::session::thread::{Said, unasked};
use crate::text::{fit, printable_line, wrap};

/// The screen the card must fit.
pub const WIDTH: usize = 80;
pub const HEIGHT: usize = 24;

/// Labels are padded to this many columns.
const LABEL: usize = 10;

/// The planned questions, open ones (no finding from the question coach)
/// first, at most three, each with what the question coach calls it when
/// it flags it ("closed", "leading and stacked").
pub fn best_questions(questions: &[String]) -> Vec<(&str, Option<String>)> {
    let checked: Vec<(&str, Option<String>)> = questions
        .iter()
        .map(|q| q.trim())
        .filter(|q| !q.is_empty())
        .map(|q| {
            let findings = crate::coaching::check::check(q);
            let flag = (!findings.is_empty()).then(|| crate::coaching::kinds(&findings));
            (q, flag)
        })
        .collect();
    let (open, flagged): (Vec<_>, Vec<_>) = checked.into_iter().partition(|(_, f)| f.is_none());
    open.into_iter().chain(flagged).take(3).collect()
}

/// The card's text: at most [`HEIGHT`] lines of at most [`WIDTH`] columns.
/// `since` is what a debrief after the prep said, if one did.
pub fn render(
    prep: &Session,
    since: Option<&Said>,
    open: &[String],
    stance: Option<&str>,
    red_flags: Option<&str>,
) -> String {
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
    if let Some(a) = prep.meant(Meaning::Objective) {
        field(&mut lines, "Objective", &a.display());
    }
    for (label, meaning) in [
        ("They want", Meaning::BusinessResult),
        ("Their win", Meaning::PersonalWin),
    ] {
        // What the debrief learned replaces the prep's guess.
        let learned = since
            .into_iter()
            .flat_map(|s| &s.learned)
            .find(|l| l.meaning == Some(meaning));
        match (learned, prep.meant(meaning)) {
            (Some(l), _) => field(
                &mut lines,
                label,
                &format!("learned: {}", l.answer.display()),
            ),
            (None, Some(a)) => field(&mut lines, label, &a.display()),
            (None, None) => {}
        }
    }
    if let Some(last) = since.and_then(|s| s.last.as_deref()) {
        field(&mut lines, "Last time", last);
    }
    if let Some(flags) = red_flags {
        field(&mut lines, "Red flags", flags);
    }
    if let Some(Answer::List(planned)) = prep.meant(Meaning::PlannedQuestions) {
        let questions = match since.and_then(|s| s.asked.as_deref()) {
            Some(asked) => unasked(planned, asked),
            None => planned.clone(),
        };
        if !questions.is_empty() {
            lines.push(bold("Ask"));
        }
        for (n, (q, flag)) in best_questions(&questions).iter().enumerate() {
            // The mark goes first, so cutting a long question never drops it.
            let flag = flag.as_ref().map_or(String::new(), |f| format!("[{f}] "));
            lines.push(fit(
                &format!("  {}. {flag}{}", n + 1, printable_line(q)),
                WIDTH,
            ));
        }
    }
    for (label, meaning) in [
        ("Best", Meaning::BestAction),
        ("Minimum", Meaning::MinimumAction),
    ] {
        if let Some(a) = prep.meant(meaning) {
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
        let best = best_questions(&qs);
        let texts: Vec<&str> = best.iter().map(|(q, _)| *q).collect();
        assert_eq!(
            texts,
            [
                "How do decisions like this get made?",
                "What would make this a success for you?",
                "Do you have a budget?"
            ]
        );
        assert_eq!(best[0].1, None);
        assert_eq!(best[2].1.as_deref(), Some("closed"));
    }

    #[test]
    fn fit_cuts_with_an_ellipsis() {
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("abc", 4), "abc");
    }
}
