//! The question coach at the prompt: each planned question the user types
//! for a `check: questions` answer is checked as it is entered; a flagged one
//! is shown with the reason and a tip, and the user keeps, rephrases (checked
//! again) or drops it.

use dialoguer::Select;

use super::terminal::{Terminal, io, style_err};
use crate::coaching::{self, check};
use crate::error::Result;
use crate::playbook::Answer;
use crate::text::printable;

impl Terminal {
    /// The question coach, as the user's planned questions are entered: each
    /// flagged one is shown with the reason and a tip, and the user keeps it,
    /// rephrases it (checked again) or drops it.
    pub(super) fn coach_questions(&self, answer: Answer) -> Result<Option<Answer>> {
        let single = matches!(answer, Answer::Text(_));
        let mut kept = Vec::new();
        for item in items(answer) {
            let mut current = item;
            loop {
                let findings = check::check(&current);
                if findings.is_empty() {
                    kept.push(current);
                    break;
                }
                self.line(&format!(
                    "  {} {}",
                    style_err(format!(
                        "“{}” is {}.",
                        printable(&current),
                        coaching::kinds(&findings)
                    ))
                    .yellow(),
                    style_err("(the question coach)").dim()
                ))?;
                for f in &findings {
                    self.line(&format!("    {}", printable(&f.message)))?;
                    self.line(&format!(
                        "    {} {}",
                        style_err("Try:").bold(),
                        printable(&f.suggestion)
                    ))?;
                }
                let choice = Select::with_theme(&self.theme)
                    .with_prompt("This question")
                    .items(["Rephrase it", "Keep it as it is", "Drop it"])
                    .default(0)
                    .interact_on(&self.term)
                    .map_err(io)?;
                match choice {
                    // `<` here goes back to this choice, not to the last question.
                    0 => match self.input("", Some(&current), true) {
                        Err(crate::error::Error::Back) => continue,
                        other => current = other?,
                    },
                    1 => {
                        kept.push(current);
                        break;
                    }
                    _ => break,
                }
                if current.trim().is_empty() {
                    break;
                }
            }
        }
        Ok(match (single, kept.is_empty()) {
            (_, true) => None,
            (true, false) => Some(Answer::Text(kept.remove(0))),
            (false, false) => Some(Answer::List(kept)),
        })
    }
}

/// The answer as the list of questions it holds.
fn items(answer: Answer) -> Vec<String> {
    match answer {
        Answer::List(items) => items,
        Answer::Text(text) => vec![text],
        other => vec![other.display()],
    }
}
