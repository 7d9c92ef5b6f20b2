//! What `prep` and `debrief` share at the edge: asking who the conversation
//! is with, the error for unanswered required questions, the session title,
//! and printing a saved session in the chosen format.

use std::io::IsTerminal;

use crate::cli::Format;
use crate::error::{Error, Result};
use crate::flow::{Context, Outcome};
use crate::playbook::Question;
use crate::prompt::terminal::Terminal;
use crate::prompt::{Prompt, Prompter};
use crate::report;
use crate::session::Session;

/// The error for required questions still without an answer.
pub fn missing(outcome: &Outcome) -> Error {
    let asks: Vec<&crate::flow::Row> = outcome.sections.iter().flat_map(|s| &s.rows).collect();
    let list: Vec<String> = outcome
        .missing
        .iter()
        .map(|id| {
            let ask = asks
                .iter()
                .find(|r| r.id == *id)
                .map_or("", |r| r.ask.as_str());
            format!("  {id}: {ask}")
        })
        .collect();
    Error::Invalid(format!(
        "required questions have no answer:\n{}\nanswer them in the answers file (under `answers:`), or run coach in a terminal",
        list.join("\n")
    ))
}

/// Ask who the conversation is with, when no flag or file said.
pub fn who(terminal: &mut Terminal, account: Option<String>) -> Result<(String, String)> {
    let q = Question::text(
        "with",
        "Who is the conversation with?",
        Some("Their name, as you would write it in your notes."),
        true,
    );
    let with = ask_text(terminal, &q)?.unwrap_or_default();
    let account = match account {
        Some(a) => a,
        None => {
            let q = Question::text(
                "account",
                "Which organisation are they with?",
                Some("Leave it empty for a conversation outside work."),
                false,
            );
            ask_text(terminal, &q)?.unwrap_or_default()
        }
    };
    Ok((with, account))
}

fn ask_text(terminal: &mut Terminal, q: &Question) -> Result<Option<String>> {
    let prompt = Prompt {
        question: q,
        ask: q.ask.clone(),
        help: q.help.clone(),
        current: None,
        earlier: None,
    };
    Ok(terminal.ask(&prompt)?.map(|a| a.display()))
}

pub fn title(playbook_title: &str, cx: &Context) -> String {
    if cx.account.is_empty() {
        format!("{playbook_title} with {}", cx.with)
    } else {
        format!("{playbook_title} with {} ({})", cx.with, cx.account)
    }
}

pub fn print(
    format: &Format,
    session: &Session,
    outcome: &Outcome,
    path: &std::path::Path,
    reviewed: bool,
) -> Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &session.to_json(path, &outcome.plan_vs_actual))
                .map_err(anyhow::Error::from)?;
            writeln!(out)?;
            eprintln!("Notes saved to {}", path.display());
        }
        Format::Table => {
            // The review already showed the table in this terminal.
            if !(reviewed && std::io::stdout().is_terminal()) {
                writeln!(out, "{}", report::table(outcome, None))?;
                if let Some(plan) = report::plan_table(outcome, None) {
                    writeln!(out, "{plan}")?;
                }
                write!(out, "{}", report::nudges(outcome))?;
                writeln!(out)?;
            }
            writeln!(out, "{}", path.display())?;
        }
        Format::None => writeln!(out, "{}", path.display())?,
    }
    Ok(())
}
