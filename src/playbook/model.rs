//! The playbook format (DESIGN.md section 4) as Rust types. The JSON Schema
//! that editors use is generated from these types, so their doc comments are
//! the descriptions a playbook author sees.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use super::meaning::Meaning;
pub use super::person::{Influence, Mode, Person, Role};

/// A conversation plan: sections of questions walked in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Playbook {
    /// Name used with `--playbook`; defaults to the file stem. Lowercase letters, digits and `-`.
    #[serde(default)]
    #[schemars(regex(pattern = r"^[a-z0-9-]+$"), example = &"renewal-call")]
    pub id: String,
    /// Shown at the top of the session and in its notes.
    #[schemars(length(min = 1), example = &"Renewal call")]
    pub title: String,
    /// Whether this playbook prepares a conversation or debriefs one.
    pub kind: Kind,
    /// Bump when the questions change; stored with each session.
    #[serde(default = "default_version")]
    #[schemars(range(min = 1))]
    pub version: u32,
    /// One line for `coach playbook list`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Text shown before the first section (a template).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intro: Option<String>,
    /// Stance reminders shown at the start and written into the notes (templates).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stance: Vec<String>,
    /// Prep only: the debrief playbook `coach debrief` runs after this prep.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[a-z0-9-]+$"), example = &"renewal-debrief")]
    pub debrief: Option<String>,
    /// The sections, in order. At least one.
    #[schemars(length(min = 1))]
    pub sections: Vec<Section>,
}

fn default_version() -> u32 {
    1
}

/// `prep` before a conversation, `debrief` after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Prep,
    Debrief,
}

impl Kind {
    pub const ALL: [&'static str; 2] = ["prep", "debrief"];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Prep => "prep",
            Kind::Debrief => "debrief",
        }
    }
}

/// A group of questions with a shared purpose.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Unique in the playbook: `[a-z][a-z0-9_]*`.
    #[schemars(regex(pattern = r"^[a-z][a-z0-9_]*$"), example = &"their_goals")]
    pub id: String,
    /// Heading shown when the section starts.
    #[schemars(length(min = 1))]
    pub title: String,
    /// Coaching text shown when the section starts (a template).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why: Option<String>,
    /// An expression; the section is skipped unless it is true.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
    /// The questions, in order. At least one.
    #[schemars(length(min = 1))]
    pub questions: Vec<Question>,
}

/// One question put to the user.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Unique in the playbook: `[a-z][a-z0-9_]*`. Answers are stored and named by it.
    #[schemars(regex(pattern = r"^[a-z][a-z0-9_]*$"), example = &"business_result")]
    pub id: String,
    /// The prompt (a template: `{{ with }}` is the counterpart's name).
    #[schemars(length(min = 1), example = &"What is {{ with }} trying to accomplish this year?")]
    pub ask: String,
    /// A coaching tip shown under the prompt: why it matters and how to find out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// What kind of answer is expected.
    #[serde(rename = "type", default)]
    pub ty: QuestionType,
    /// The options of a `choice` or `multi` question.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<Choice>,
    /// Debrief only: build the choices from a list answer of the prep, as `prep.<id>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^prep\.[a-z][a-z0-9_]*$"), example = &"prep.planned_questions")]
    pub choices_from: Option<String>,
    /// `scale` and `number`: the lowest value; `list` and `multi`: the fewest items.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<i64>,
    /// `scale` and `number`: the highest value; `list` and `multi`: the most items.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<i64>,
    /// `scale`: what the two ends mean.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub labels: Option<Labels>,
    /// The answer offered when the user gives none; must fit the type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<Answer>,
    /// Whether the session can be saved without an answer.
    #[serde(default, skip_serializing_if = "is_false")]
    pub required: bool,
    /// An expression; the question is skipped unless it is true.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
    /// Debrief only: the prep question this one is held against.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<String>,
    /// `core`: on the default walk, which fits the minutes before a call;
    /// the others are asked only with `--full`. A playbook with no `core`
    /// question is walked whole.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub depth: Option<Depth>,
    /// What this question is, so that every command that needs it finds it
    /// whatever the id (the card, follow-ups, stats, the next prep).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub means: Option<Meaning>,
    /// `questions`: every item of the answer is checked as a question to ask.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check: Option<Check>,
    /// Shown in the summary when this is left empty (a template).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nudge: Option<String>,
    /// Coaching triggered by the answer.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub nudges: Vec<Nudge>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// The kind of answer a question takes: `text` (one line), `long` (several
/// paragraphs, in `$VISUAL`/`$EDITOR`), `list` (items, one a line), `choice`
/// (one of `choices`), `multi` (any of `choices`), `yesno`, `scale` (a whole
/// number from `min` to `max`, default 1 to 5), `number`, `date`
/// (`YYYY-MM-DD`), `people` (the buying influences: one record a person,
/// see `Person`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum QuestionType {
    #[default]
    Text,
    Long,
    List,
    Choice,
    Multi,
    Yesno,
    Scale,
    Number,
    Date,
    People,
}

impl QuestionType {
    pub const ALL: [&'static str; 10] = [
        "text", "long", "list", "choice", "multi", "yesno", "scale", "number", "date", "people",
    ];

    pub fn as_str(self) -> &'static str {
        Self::ALL[self as usize]
    }

    pub fn parse(name: &str) -> Option<Self> {
        use QuestionType::*;
        [
            Text, Long, List, Choice, Multi, Yesno, Scale, Number, Date, People,
        ]
        .into_iter()
        .find(|t| t.as_str() == name)
    }

    pub fn has_choices(self) -> bool {
        matches!(self, QuestionType::Choice | QuestionType::Multi)
    }

    /// Whether `min`/`max` mean something for this type.
    pub fn has_range(self) -> bool {
        matches!(
            self,
            QuestionType::Scale
                | QuestionType::Number
                | QuestionType::List
                | QuestionType::Multi
                | QuestionType::People
        )
    }
}

/// An option of a `choice` or `multi` question: a plain value, or a value with
/// a label to show and a hint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged, deny_unknown_fields)]
pub enum Choice {
    Plain(String),
    Full {
        /// What is stored and used in expressions.
        value: String,
        /// What the user sees; defaults to the value.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        label: Option<String>,
        /// A short explanation shown beside the label.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        hint: Option<String>,
    },
}

impl Choice {
    pub fn value(&self) -> &str {
        match self {
            Choice::Plain(v) | Choice::Full { value: v, .. } => v,
        }
    }

    pub fn label(&self) -> &str {
        match self {
            Choice::Plain(v) => v,
            Choice::Full { value, label, .. } => label.as_deref().unwrap_or(value),
        }
    }

    pub fn hint(&self) -> Option<&str> {
        match self {
            Choice::Plain(_) => None,
            Choice::Full { hint, .. } => hint.as_deref(),
        }
    }
}

/// Names for the two ends of a scale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Labels {
    /// What the lowest value means.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub low: Option<String>,
    /// What the highest value means.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high: Option<String>,
}

/// Whether a question is on the default walk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Depth {
    Core,
    Full,
}

impl Depth {
    pub const ALL: [&'static str; 2] = ["core", "full"];
}

/// Checks run on a question's answer: `questions`, each item is a question
/// the user means to ask, and the question coach checks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Check {
    Questions,
}

/// Coaching shown when an answer makes `when` true.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Nudge {
    /// An expression over the answers so far, this one included.
    pub when: String,
    /// What to say (a template).
    pub say: String,
}

/// An answer: text, list, choice and date answers are strings or lists of
/// strings, yes/no a boolean, scale and number a whole number, people a
/// list of records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Answer {
    Bool(bool),
    Int(i64),
    Text(String),
    List(Vec<String>),
    People(Vec<Person>),
}

impl Answer {
    /// Whether the answer says nothing: blank text or an empty list.
    pub fn is_empty(&self) -> bool {
        match self {
            Answer::Text(t) => t.trim().is_empty(),
            Answer::List(items) => items.iter().all(|i| i.trim().is_empty()),
            Answer::People(people) => people.iter().all(|p| p.name.trim().is_empty()),
            Answer::Bool(_) | Answer::Int(_) => false,
        }
    }

    /// The answer as one line of text, lists joined with `; `.
    pub fn display(&self) -> String {
        match self {
            Answer::Bool(true) => "yes".into(),
            Answer::Bool(false) => "no".into(),
            Answer::Int(n) => n.to_string(),
            Answer::Text(s) => s.clone(),
            Answer::List(items) => items.join("; "),
            Answer::People(people) => people
                .iter()
                .map(Person::display)
                .collect::<Vec<_>>()
                .join(" · "),
        }
    }
}

impl Playbook {
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.sections.iter().flat_map(|s| s.questions.iter())
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions().find(|q| q.id == id)
    }

    /// Whether some question is marked `depth: core`: then the default
    /// walk is those questions only.
    pub fn has_core(&self) -> bool {
        self.questions().any(|q| q.depth == Some(Depth::Core))
    }

    /// The question that means `meaning`, if the playbook has one.
    pub fn meaning(&self, meaning: Meaning) -> Option<&Question> {
        self.questions().find(|q| q.means == Some(meaning))
    }

    /// Each meaning the playbook declares, with its question's id, in order.
    pub fn meanings(&self) -> Meanings {
        Meanings(
            self.questions()
                .filter_map(|q| q.means.map(|m| (m.as_str().to_string(), q.id.clone())))
                .collect(),
        )
    }
}

impl Question {
    /// The scale's range, `min..=max`, defaulting to 1..=5.
    pub fn scale_range(&self) -> (i64, i64) {
        (self.min.unwrap_or(1), self.max.unwrap_or(5))
    }
}

impl Question {
    /// A plain one-line question, for prompts that are not in a playbook
    /// (who the conversation is with) and for tests.
    pub fn text(id: &str, ask: &str, help: Option<&str>, required: bool) -> Question {
        Question {
            id: id.to_string(),
            ask: ask.to_string(),
            help: help.map(str::to_owned),
            ty: QuestionType::Text,
            choices: Vec::new(),
            choices_from: None,
            min: None,
            max: None,
            labels: None,
            default: None,
            required,
            when: None,
            plan: None,
            depth: None,
            means: None,
            check: None,
            nudge: None,
            nudges: Vec::new(),
        }
    }
}

/// What a session's questions mean: meaning name → question id, in the
/// order the playbook asks them. Kept in each session's front matter, so a
/// session is read by meaning without its playbook. Names stay text, so a
/// file naming a meaning this version does not know still reads.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meanings(pub Vec<(String, String)>);

impl Meanings {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The id of the question that means `meaning`.
    pub fn id(&self, meaning: Meaning) -> Option<&str> {
        self.0
            .iter()
            .find(|(m, _)| m == meaning.as_str())
            .map(|(_, id)| id.as_str())
    }

    /// The meaning of question `id`.
    pub fn of(&self, id: &str) -> Option<Meaning> {
        self.0
            .iter()
            .find(|(_, q)| q == id)
            .and_then(|(m, _)| Meaning::parse(m))
    }
}

impl Serialize for Meanings {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        crate::pairs::serialize(&self.0, serializer)
    }
}

impl<'de> Deserialize<'de> for Meanings {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::pairs::deserialize(deserializer, "a mapping of meanings to question ids")
            .map(Meanings)
    }
}

/// The JSON Schema of the playbook format, generated from these types.
pub fn schema() -> serde_json::Value {
    let mut schema = serde_json::to_value(schemars::schema_for!(Playbook))
        .expect("a schema is always valid JSON");
    if let Some(map) = schema.as_object_mut() {
        map.insert("title".into(), "coach playbook".into());
    }
    // A prep has no earlier session: no `plan:` or `choices_from:` in it.
    if let Some(map) = schema.as_object_mut() {
        let debrief_keys = serde_json::json!({
            "if": { "properties": { "kind": { "const": "prep" } }, "required": ["kind"] },
            "then": { "properties": { "sections": { "items": { "properties": { "questions": {
                "items": { "not": { "anyOf": [
                    { "required": ["plan"] },
                    { "required": ["choices_from"] }
                ] } }
            } } } } } }
        });
        map.insert("allOf".into(), serde_json::Value::Array(vec![debrief_keys]));
    }
    // `id` defaults to the file's name, not to "" (which is no valid id).
    if let Some(id) = schema
        .pointer_mut("/properties/id")
        .and_then(|v| v.as_object_mut())
    {
        id.remove("default");
    }
    schema
}

/// The schema as `coach playbook schema` prints it and the repository keeps it.
pub fn schema_text() -> String {
    let mut text = serde_json::to_string_pretty(&schema()).expect("a schema serialises");
    text.push('\n');
    text
}
