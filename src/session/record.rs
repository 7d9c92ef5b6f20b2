//! The session record: what a notes file's YAML front matter holds
//! (DESIGN.md section 5), and the JSON document `--format json` prints.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::Moment;
use crate::flow::PlanVsActual;
use crate::playbook::{Answer, Kind, Meaning, Meanings};

/// Whether `id` is a session id as coach makes them: lowercase ASCII
/// letters, digits and single dashes (`2026-11-22-1403-jane-smith-prep-2`),
/// so it can name a file and never a path.
pub fn valid_id(id: &str) -> bool {
    (1..=200).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub id: String,
    pub kind: Kind,
    pub playbook: String,
    pub playbook_version: u32,
    pub title: String,
    pub with: String,
    pub account: String,
    /// When the session was held, with the local offset.
    pub date: Moment,
    pub tags: Vec<String>,
    /// The prep a debrief is held against.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prep: Option<String>,
    /// When the conversation is (from `--invite`); a prep made ahead of it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub call_at: Option<Moment>,
    /// The others in the meeting, beside `with` (from `--invite`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<String>,
    pub answers: Answers,
    /// What the questions mean (meaning → question id), from the playbook:
    /// how every command finds an answer for what it is. Always written,
    /// `{}` when the playbook declares none, so that a file without the
    /// key is known to be from before meanings (`session::read`).
    #[serde(default)]
    pub means: Meanings,
    pub skipped: Vec<String>,
    pub nudges: Vec<String>,
    /// Debrief only: each question with a plan, what was planned and what happened.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub plan_vs_actual: Vec<PlanVsActual>,
    /// Debrief only: the next steps agreed, as promises with owners and dates.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub followups: Vec<FollowUp>,
    /// Debrief only: the user's figures measured from the call's transcript.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub listen: Option<Measured>,
    pub coach_version: String,
}

/// What `coach listen` measured for the user in the call's transcript.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Measured {
    pub transcript: String,
    /// The user's name as the transcript spells it.
    pub me: String,
    /// Share of the speaking time (of the words, without times), 0..=1.
    pub talk_share: f64,
    pub questions: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub longest_monologue_seconds: Option<f64>,
    /// The mean pause before my turns that follow another speaker.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub patience_seconds: Option<f64>,
    /// My turns that started before the other speaker had stopped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interruptions: Option<u64>,
    /// My questions by what the question coach found: `open`, `closed`, ….
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub questions_by_kind: std::collections::BTreeMap<String, u64>,
    /// The names `--speaker LABEL=NAME` gave the transcript's labels.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub speakers: std::collections::BTreeMap<String, String>,
}

/// A next step agreed in a conversation: who does what, by when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    /// `<session id>#<n>`: stable, so it can be marked done later.
    pub id: String,
    /// `me`, `them`, or a person's name.
    pub owner: String,
    pub what: String,
    /// The day it is due, when one was given (`YYYY-MM-DD` in the notes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<jiff::civil::Date>,
    /// The day it was marked done, as the done log says: filled in for an
    /// export (so a team's files say which promises were kept), never
    /// written into the notes, whose file is never rewritten.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done: Option<jiff::civil::Date>,
}

impl FollowUp {
    /// The id of the `n`th (from 1) follow-up of the session `session`.
    pub fn id_for(session: &str, n: usize) -> String {
        format!("{session}#{n}")
    }
}

impl Session {
    /// The answer to question `id`, unless it is empty.
    pub fn answer(&self, id: &str) -> Option<&Answer> {
        self.answers
            .0
            .iter()
            .find(|(k, _)| k == id)
            .map(|(_, a)| a)
            .filter(|a| !a.is_empty())
    }

    /// The answer to the question that means `meaning`, unless it is empty.
    pub fn meant(&self, meaning: Meaning) -> Option<&Answer> {
        self.answer(self.means.id(meaning)?)
    }

    /// Give the session another id (`-2` added when its name is taken); the
    /// ids of its follow-ups follow, so they stay unique.
    pub fn set_id(&mut self, id: String) {
        let old = format!("{}#", self.id);
        for f in &mut self.followups {
            if let Some(n) = f.id.strip_prefix(&old) {
                f.id = format!("{id}#{n}");
            }
        }
        self.id = id;
    }
}

/// Answers by question id, in the order the playbook asks them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Answers(pub Vec<(String, Answer)>);

impl Serialize for Answers {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        crate::pairs::serialize(&self.0, serializer)
    }
}

impl<'de> Deserialize<'de> for Answers {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::pairs::deserialize(deserializer, "a mapping of question ids to answers").map(Answers)
    }
}

/// The JSON document of `--format json`: the session and where its notes are.
#[derive(Debug, Serialize)]
pub struct SessionJson<'a> {
    pub id: &'a str,
    pub kind: Kind,
    pub playbook: &'a str,
    pub playbook_version: u32,
    pub title: &'a str,
    pub with: &'a str,
    pub account: &'a str,
    pub date: Moment,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub call_at: Option<Moment>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    pub participants: &'a [String],
    pub notes_path: String,
    pub answers: &'a Answers,
    /// What the questions mean: meaning → question id.
    #[serde(skip_serializing_if = "Meanings::is_empty")]
    pub means: &'a Meanings,
    pub skipped: &'a [String],
    pub nudges: &'a [String],
    /// Debrief only: `prep` and `plan_vs_actual`.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub debrief: Option<DebriefJson<'a>>,
    #[serde(skip_serializing_if = "<[FollowUp]>::is_empty")]
    pub followups: &'a [FollowUp],
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listen: Option<&'a Measured>,
}

#[derive(Debug, Serialize)]
pub struct DebriefJson<'a> {
    /// The prep the debrief was held against; null without one.
    pub prep: Option<&'a str>,
    /// Each question with a plan: what was planned, what happened.
    pub plan_vs_actual: &'a [PlanVsActual],
}

impl Session {
    /// The JSON document of `--format json`; a debrief adds its plan against
    /// what happened.
    pub fn to_json<'a>(&'a self, notes_path: &std::path::Path) -> SessionJson<'a> {
        SessionJson {
            id: &self.id,
            kind: self.kind,
            playbook: &self.playbook,
            playbook_version: self.playbook_version,
            title: &self.title,
            with: &self.with,
            account: &self.account,
            date: self.date,
            call_at: self.call_at,
            participants: &self.participants,
            notes_path: notes_path.display().to_string(),
            answers: &self.answers,
            means: &self.means,
            skipped: &self.skipped,
            nudges: &self.nudges,
            debrief: (self.kind == Kind::Debrief).then_some(DebriefJson {
                prep: self.prep.as_deref(),
                plan_vs_actual: &self.plan_vs_actual,
            }),
            followups: &self.followups,
            listen: self.listen.as_ref(),
        }
    }
}
