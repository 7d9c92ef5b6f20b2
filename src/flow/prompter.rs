//! How the flow talks to a person: the [`Prompter`] trait and the
//! [`Prompt`] it is handed. The flow knows only this; the terminal and the
//! answers file (`crate::prompt`) implement it, and tests use a fake.

use super::Outcome;
use crate::error::Result;
use crate::playbook::{Answer, Question, QuestionType};

/// One question, ready to show: its texts rendered for this session.
#[derive(Debug, Clone)]
pub struct Prompt<'a> {
    pub question: &'a Question,
    /// The question as asked (template rendered).
    pub ask: String,
    /// The coaching tip shown under it (template rendered).
    pub help: Option<String>,
    /// What to offer: the answer given before (when changing it) or the default.
    pub current: Option<Answer>,
    /// What was planned for this (a debrief's `plan`) or learned before, with
    /// its label ("Planned"), shown above the prompt.
    pub earlier: Option<(String, String)>,
    /// Where the question is in the walk: the `n`th of `total` to be shown
    /// (as far as the answers so far tell); none outside a walk.
    pub progress: Option<(usize, usize)>,
}

/// What the user decides at the review step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Review {
    Save,
    Change(String),
}

pub trait Prompter {
    /// Before the first section: the playbook's title, intro and stance reminders.
    fn start(&mut self, title: &str, intro: Option<&str>, stance: &[String]) -> Result<()>;
    /// A section begins: its title and its coaching text.
    fn section(&mut self, title: &str, why: Option<&str>) -> Result<()>;
    /// Ask one question. `None` is no answer.
    fn ask(&mut self, prompt: &Prompt) -> Result<Option<Answer>>;
    /// Coaching triggered by the answer just given.
    fn nudge(&mut self, text: &str) -> Result<()>;
    /// The session is complete: save it, or change an answer first.
    fn review(&mut self, outcome: &Outcome) -> Result<Review>;
    /// Whether the prompter holds an answer to question `id` already (an
    /// answers file): such a question is asked even off the default walk.
    fn has_answer(&self, _id: &str) -> bool {
        false
    }
}

/// What of a question's tip is shown at first, and the rest, one key (`?`)
/// away: where the answer is typed on a line, the first sentence; where it
/// is picked from a list, or written in an editor (neither can take a `?`),
/// all of it.
pub fn shown_help<'h>(q: &Question, help: &'h str) -> (&'h str, Option<&'h str>) {
    match q.ty {
        QuestionType::Choice
        | QuestionType::Multi
        | QuestionType::Scale
        | QuestionType::Yesno
        | QuestionType::Long => (help.trim(), None),
        _ => crate::text::first_sentence(help),
    }
}
