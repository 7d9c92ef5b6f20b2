//! What a walk starts from and what it produces: who the conversation is
//! with (and, in a debrief, its prep), the rows, answers and nudges of the
//! finished walk, and the progress a draft keeps along the way.

use crate::playbook::{Answer, Meaning, Meanings};

/// Who the conversation is with; the start of every template's context.
#[derive(Debug, Clone, Default)]
pub struct Context {
    pub with: String,
    pub account: String,
    /// In a debrief: the prep it is held against.
    pub prep: Option<PrepContext>,
}

/// What a debrief knows of its prep: `prep.with`, `prep.account`,
/// `prep.answers.<id>` and `prep.means.<meaning>` in templates and
/// conditions.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PrepContext {
    pub id: String,
    pub with: String,
    pub account: String,
    pub answers: Vec<(String, Answer)>,
    pub means: Meanings,
    /// The prep's questions left without an answer (shown or hidden).
    pub skipped: Vec<String>,
}

impl PrepContext {
    /// The prep's answer that a `plan:` or `choices_from: prep.<name>`
    /// names: the question `name`, else the question that means `name`, so
    /// a debrief that names meanings (as the shipped ones do) follows a
    /// prep of any ids.
    pub fn answer(&self, name: &str) -> Option<&Answer> {
        let by_id = |id: &str| self.answers.iter().find(|(k, _)| k == id).map(|(_, a)| a);
        by_id(name).or_else(|| by_id(self.means.id(Meaning::parse(name)?)?))
    }

    /// Whether the prep has (or had, unanswered) the question a `plan:` or
    /// `choices_from:` names, by id or by meaning.
    pub fn knows(&self, name: &str) -> bool {
        self.answer(name).is_some()
            || self.skipped.iter().any(|s| s == name)
            || Meaning::parse(name).is_some_and(|m| self.means.id(m).is_some())
    }

    /// Each meaning of the prep with its answer.
    pub fn meant(&self) -> impl Iterator<Item = (&str, &Answer)> {
        self.means.0.iter().filter_map(|(m, id)| {
            let answer = self.answers.iter().find(|(k, _)| k == id)?;
            Some((m.as_str(), &answer.1))
        })
    }
}

/// A debrief question held against its plan: what was planned, what
/// happened, each value with its type (a list stays a list).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PlanVsActual {
    /// The debrief question.
    pub question: String,
    /// The prep question it is held against.
    #[serde(default)]
    pub plan: String,
    /// The debrief question as it was asked.
    #[serde(default)]
    pub ask: String,
    pub planned: Option<Answer>,
    pub actual: Option<Answer>,
}

/// A shown question with its answer as people read it (choice labels rather
/// than values), for the summary and the notes.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub id: String,
    pub ask: String,
    pub answer: Option<Answer>,
    pub is_question_list: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SectionOutcome {
    pub id: String,
    pub title: String,
    pub rows: Vec<Row>,
}

/// Coaching produced by an answer (or by its absence).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nudged {
    pub question: String,
    pub text: String,
}

/// Everything a finished walk produced.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Outcome {
    pub stance: Vec<String>,
    pub sections: Vec<SectionOutcome>,
    /// Answers in playbook order, shown questions only.
    pub answers: Vec<(String, Answer)>,
    /// Questions left without an answer: hidden by `when` or left empty.
    pub skipped: Vec<String>,
    pub nudges: Vec<Nudged>,
    /// Required questions still without an answer.
    pub missing: Vec<String>,
    /// Debrief questions with a `plan`, in order.
    pub plan_vs_actual: Vec<PlanVsActual>,
}

/// What has been asked and answered so far, in playbook order: what a draft
/// keeps so that nothing typed is lost.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Progress {
    pub answers: Vec<(String, Answer)>,
    /// Questions already put to the user, answered or left empty.
    pub asked: Vec<String>,
}
