//! Tables, and how wide the terminal is: the one place coach sets up
//! comfy-table and measures columns. Also the summary table shown at the end
//! of a session (and at the review step) — section, question and answer, one
//! row per question shown — and a debrief's plan against what happened.

use comfy_table::{ContentArrangement, Table, presets};
use dialoguer::console::Term;

use crate::flow::Outcome;
use crate::playbook::Answer;
use crate::text::printable;

/// Longest answer shown in a table cell; the notes keep everything.
const CELL_CHARS: usize = 400;

/// Output that is not a terminal (a pipe, a file) is laid out this wide.
pub const NOT_A_TERMINAL: usize = 100;

/// A terminal's columns.
pub fn columns(term: &Term) -> usize {
    usize::from(term.size().1)
}

/// Columns for what goes to stdout: the terminal's, or [`NOT_A_TERMINAL`].
pub fn stdout_width() -> usize {
    width_of(&Term::stdout())
}

/// Columns for what goes to stderr (prompts, notices): the terminal's, or
/// [`NOT_A_TERMINAL`].
pub fn stderr_width() -> usize {
    width_of(&Term::stderr())
}

fn width_of(term: &Term) -> usize {
    if term.is_term() {
        columns(term)
    } else {
        NOT_A_TERMINAL
    }
}

/// A table in coach's style, at most `width` columns wide (40 to 200), its
/// cells wrapped to fit.
pub fn new_table<T: Into<comfy_table::Cell>>(
    header: impl IntoIterator<Item = T>,
    width: usize,
) -> Table {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(width.clamp(40, 200) as u16)
        .force_no_tty()
        .set_header(header);
    table
}

/// The summary at `width` columns.
pub fn table(outcome: &Outcome, width: usize) -> Table {
    let mut table = new_table(["Section", "Question", "Answer"], width);
    for section in &outcome.sections {
        for (i, row) in section.rows.iter().enumerate() {
            let title = if i == 0 { section.title.as_str() } else { "" };
            table.add_row([
                printable(title),
                printable(&row.ask),
                cell(row.answer.as_ref()),
            ]);
        }
    }
    table
}

/// A debrief's plan against what happened, and what was planned but not
/// learned; `None` when no question has a plan.
pub fn plan_table(outcome: &Outcome, width: usize) -> Option<String> {
    if outcome.plan_vs_actual.is_empty() {
        return None;
    }
    let mut table = new_table(["Held against the plan", "Planned", "Actual"], width);
    for row in &outcome.plan_vs_actual {
        // A list is shown one item a line, so it reads as the list it is.
        let text = |t: &Option<Answer>| match t {
            None => "—".to_string(),
            Some(Answer::List(items)) => items
                .iter()
                .map(|i| format!("• {}", clip(&printable(i))))
                .collect::<Vec<_>>()
                .join("\n"),
            Some(a) => clip(&printable(&a.display())),
        };
        table.add_row([printable(&row.ask), text(&row.planned), text(&row.actual)]);
    }
    let mut out = table.to_string();
    let unlearned: Vec<String> = outcome
        .plan_vs_actual
        .iter()
        .filter(|r| r.planned.is_some() && r.actual.is_none())
        .map(|r| format!("  • {}", printable(&r.ask)))
        .collect();
    if !unlearned.is_empty() {
        out.push_str("\nPlanned but not learned:\n");
        out.push_str(&unlearned.join("\n"));
    }
    Some(out)
}

/// The nudges, one a line, to print under the table.
/// The nudges, one a paragraph wrapped to `width` columns.
pub fn nudges(outcome: &Outcome, width: usize) -> String {
    outcome
        .nudges
        .iter()
        .map(|n| {
            let wrapped = crate::text::wrap(&printable(&n.text), width, "  ");
            format!("➜ {}\n", wrapped.trim_start())
        })
        .collect()
}

fn cell(answer: Option<&Answer>) -> String {
    let text = match answer {
        None => return "—".to_string(),
        Some(Answer::List(items)) => items
            .iter()
            .map(|i| format!("• {i}"))
            .collect::<Vec<_>>()
            .join("\n"),
        Some(Answer::People(people)) => people
            .iter()
            .map(|p| format!("• {}", p.display()))
            .collect::<Vec<_>>()
            .join("\n"),
        Some(a) => a.display(),
    };
    clip(&printable(&text))
}

fn clip(text: &str) -> String {
    if text.chars().count() > CELL_CHARS {
        let cut: String = text.chars().take(CELL_CHARS).collect();
        format!("{cut}…")
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::{Nudged, Row, SectionOutcome};

    #[test]
    fn shows_each_section_once_and_marks_empty_answers() {
        let outcome = Outcome {
            sections: vec![SectionOutcome {
                id: "goals".into(),
                title: "Their goals".into(),
                rows: vec![
                    Row {
                        id: "a".into(),
                        ask: "What matters?".into(),
                        answer: Some(Answer::Text("Speed".into())),
                        is_question_list: false,
                    },
                    Row {
                        id: "b".into(),
                        ask: "Who decides?".into(),
                        answer: None,
                        is_question_list: false,
                    },
                    Row {
                        id: "c".into(),
                        ask: "Questions?".into(),
                        answer: Some(Answer::List(vec!["How?".into(), "Why\u{1b}?".into()])),
                        is_question_list: true,
                    },
                ],
            }],
            nudges: vec![Nudged {
                question: "b".into(),
                text: "Find out who decides.".into(),
            }],
            ..Outcome::default()
        };
        let text = table(&outcome, 60).to_string();
        assert_eq!(text.matches("Their goals").count(), 1, "{text}");
        assert!(text.contains("—"), "{text}");
        assert!(text.contains("• How?"), "{text}");
        assert!(text.contains("Why\\u{1b}?"), "{text}");
        assert!(!text.contains('\u{1b}'), "{text}");
        assert_eq!(nudges(&outcome, 80), "➜ Find out who decides.\n");
    }
}
