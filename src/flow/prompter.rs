//! How the flow talks to a person: the [`Prompter`] trait and the
//! [`Prompt`] it is handed. The flow knows only this; the terminal and the
//! answers file (`crate::prompt`) implement it, and tests use a fake.

use super::Outcome;
use crate::error::Result;
use crate::playbook::{Answer, Question};

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
}
