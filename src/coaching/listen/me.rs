//! The user among the speakers (`--me`), and the figures as `coach listen
//! --format json` prints them.
//!
//! `--me` is matched as coach matches every person (`crate::people`): the
//! whole name, else whole words of one speaker's name (`alex` or `kim` for
//! "Alex Kim"), else the start of a word of one. Two such speakers are
//! ambiguous and none is an error, both naming the speakers so the user can
//! pick.

use std::fmt;

use serde::Serialize;
use serde::ser::SerializeMap;

use super::bands::{Note, notes};
use super::figures::UNKNOWN;
use super::{Analysis, Format, Monologue, Speaker, Warning};
use crate::coaching::check::{self, KINDS, Kind};
use crate::people::{self, Match};

/// The JSON document: the contract's fields first (DESIGN.md section 3),
/// then more detail. Without `me`, the user's figures are `null`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report<'a> {
    pub me: Option<&'a str>,
    pub talk_share: Option<f64>,
    pub questions: Option<u64>,
    pub longest_monologue_seconds: Option<f64>,
    /// The mean pause before my turns that follow another speaker.
    pub patience_seconds: Option<f64>,
    /// My turns that start before the other speaker has stopped.
    pub interruptions: Option<u64>,
    /// Each question I asked, judged by the question coach.
    pub questions_by_kind: Option<ByKind>,
    /// The questions of mine the coach found something in, in call order.
    pub flagged_questions: Vec<Flagged>,
    pub speakers: &'a [Speaker],
    pub longest_monologue_words: Option<u64>,
    pub format: Format,
    pub timed: bool,
    pub duration_seconds: Option<f64>,
    pub monologues: &'a [Monologue],
    /// The user's figures against the bands; empty without `me`.
    pub coaching: Vec<Note>,
    pub warnings: &'a [Warning],
}

/// How many of my questions were open (nothing found) and how many had each
/// kind; a question with two kinds counts under both.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ByKind {
    pub open: u64,
    /// In the order of [`KINDS`].
    pub kinds: [u64; KINDS.len()],
}

impl ByKind {
    /// Each kind that was found, with its count: `[(Closed, 3), …]`.
    pub fn found(&self) -> impl Iterator<Item = (Kind, u64)> + '_ {
        KINDS.into_iter().zip(self.kinds).filter(|(_, n)| *n > 0)
    }
}

impl Serialize for ByKind {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(1 + KINDS.len()))?;
        map.serialize_entry("open", &self.open)?;
        for (kind, n) in KINDS.iter().zip(self.kinds) {
            map.serialize_entry(kind.as_str(), &n)?;
        }
        map.end()
    }
}

/// A question of mine the question coach found something in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Flagged {
    pub question: String,
    pub kinds: Vec<Kind>,
}

/// `speaker`'s questions (the sentences ending in `?`), each judged.
pub fn judge_questions(speaker: &Speaker) -> (ByKind, Vec<Flagged>) {
    let mut by_kind = ByKind::default();
    let mut flagged = Vec::new();
    for asked in speaker.asked.iter().filter(|a| a.question) {
        let kinds = check::kinds(&asked.text);
        if kinds.is_empty() {
            by_kind.open += 1;
            continue;
        }
        for kind in &kinds {
            if let Some(i) = KINDS.iter().position(|k| k == kind) {
                by_kind.kinds[i] += 1;
            }
        }
        flagged.push(Flagged {
            question: asked.text.clone(),
            kinds,
        });
    }
    (by_kind, flagged)
}

/// Why `--me` found no one speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MeError {
    NotFound {
        name: String,
        speakers: Vec<String>,
    },
    Ambiguous {
        name: String,
        candidates: Vec<String>,
    },
}

impl fmt::Display for MeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let show = |names: &[String]| {
            names
                .iter()
                .map(|n| format!("\"{}\"", crate::text::printable_line(n)))
                .collect::<Vec<_>>()
                .join(", ")
        };
        match self {
            MeError::NotFound { name, speakers } => write!(
                f,
                "nobody called \"{}\" speaks in this transcript; the speakers are {}. \
                 Pass one of them, spelled as shown (case does not matter).",
                crate::text::printable_line(name),
                show(speakers)
            ),
            MeError::Ambiguous { name, candidates } => write!(
                f,
                "\"{}\" could be any of {}; pass the whole name.",
                crate::text::printable_line(name),
                show(candidates)
            ),
        }
    }
}

impl std::error::Error for MeError {}

impl MeError {
    /// The error coach exits with, for the transcript `file`: two speakers
    /// `--me` could be are a usage error listing them (2); nobody is bad
    /// data naming the speakers (65).
    pub fn into_error(self, file: &str) -> crate::error::Error {
        match self {
            MeError::Ambiguous { name, candidates } => crate::error::Error::Ambiguous {
                what: "speakers",
                wanted: name,
                candidates,
                advice: "pass the whole name, as the transcript spells it",
            },
            not_found => crate::error::Error::Invalid(format!("{file}: {not_found}")),
        }
    }
}

impl Analysis {
    /// The speaker `name` names (see the module docs), saying why when there
    /// is no one speaker.
    pub fn find(&self, name: &str) -> Result<&Speaker, MeError> {
        let named = self
            .speakers
            .iter()
            .filter(|s| s.name != UNKNOWN)
            .map(|s| s.name.as_str());
        let not_found = || MeError::NotFound {
            name: name.to_string(),
            speakers: self.speakers.iter().map(Speaker::shown).collect(),
        };
        match people::resolve(name, named) {
            Match::Whole(n) | Match::Part(n) => self
                .speakers
                .iter()
                .find(|s| s.name == n)
                .ok_or_else(not_found),
            Match::New(_) => Err(not_found()),
            Match::Several { names, .. } => Err(MeError::Ambiguous {
                name: name.to_string(),
                candidates: names,
            }),
        }
    }

    /// The JSON document, for the user `me` when given.
    pub fn report(&self, me: Option<&str>) -> Result<Report<'_>, MeError> {
        let me = me.map(|name| self.find(name)).transpose()?;
        let judged = me.map(judge_questions);
        let (questions_by_kind, flagged_questions) = match judged {
            Some((by_kind, flagged)) => (Some(by_kind), flagged),
            None => (None, Vec::new()),
        };
        Ok(Report {
            me: me.map(|s| s.name.as_str()),
            talk_share: me.map(|s| s.share),
            questions: me.map(|s| s.questions),
            longest_monologue_seconds: me.and_then(|s| s.longest_monologue_seconds),
            patience_seconds: me.and_then(|s| s.patience_seconds),
            interruptions: me.and_then(|s| s.interruptions),
            questions_by_kind,
            flagged_questions,
            speakers: &self.speakers,
            longest_monologue_words: me.map(|s| s.longest_monologue_words),
            format: self.format,
            timed: self.timed,
            duration_seconds: self.duration_seconds,
            monologues: &self.monologues,
            coaching: me.map(notes).unwrap_or_default(),
            warnings: &self.warnings,
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::coaching::listen::{MeError, analyse};

    const CALL: &str = "Alex Kim: Hello.\nSam Kim: Hi.\nAlexandra Lee: Hey.\nJo: Yo.\n";

    #[test]
    fn finds_me() {
        let analysis = analyse(CALL).unwrap();
        let cases: &[(&str, Result<&str, &str>)] = &[
            ("Alex Kim", Ok("Alex Kim")),
            ("alex kim", Ok("Alex Kim")),
            ("  ALEX   KIM ", Ok("Alex Kim")),
            ("alex", Ok("Alex Kim")),
            ("alexandra", Ok("Alexandra Lee")),
            ("lee", Ok("Alexandra Lee")),
            ("jo", Ok("Jo")),
            ("kim", Err("ambiguous")),
            ("al", Err("ambiguous")),
            ("alexa", Ok("Alexandra Lee")),
            ("Robin", Err("not found")),
            ("", Err("not found")),
        ];
        for (name, want) in cases {
            let got = match analysis.find(name) {
                Ok(speaker) => Ok(speaker.name.as_str()),
                Err(MeError::Ambiguous { .. }) => Err("ambiguous"),
                Err(MeError::NotFound { .. }) => Err("not found"),
            };
            assert_eq!(got, *want, "{name:?}");
        }
    }

    #[test]
    fn errors_name_the_speakers() {
        let analysis = analyse(CALL).unwrap();
        let err = analysis.find("Robin").unwrap_err().to_string();
        assert!(
            err.contains("\"Alex Kim\", \"Sam Kim\", \"Alexandra Lee\", \"Jo\""),
            "{err}"
        );
        let err = analysis.find("kim").unwrap_err().to_string();
        assert!(
            err.contains("\"Alex Kim\", \"Sam Kim\"; pass the whole name"),
            "{err}"
        );
    }

    #[test]
    fn report_without_me_has_null_figures() {
        let analysis = analyse(CALL).unwrap();
        let json = serde_json::to_value(analysis.report(None).unwrap()).unwrap();
        for key in ["me", "talk_share", "questions", "longest_monologue_seconds"] {
            assert!(json[key].is_null(), "{key}: {json}");
        }
        assert_eq!(json["speakers"].as_array().unwrap().len(), 4);
        let json = serde_json::to_value(analysis.report(Some("jo")).unwrap()).unwrap();
        assert_eq!(json["me"], "Jo");
        assert_eq!(json["talk_share"], 0.25);
        assert_eq!(json["questions"], 0);
        assert_eq!(json["coaching"].as_array().unwrap().len(), 3);
    }
}
