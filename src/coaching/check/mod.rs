//! The question coach: reads a question the user means to ask and says, in plain
//! words, what will keep it from working (closed, leading, a statement, stacked,
//! pressure, loaded) and how to ask it better.
//!
//! Two readers work on it. The rules read a light parse: the text is split
//! into sentences and those into parts (between commas, colons, dashes), each
//! word is compared in any of its forms ("deciding" finds "decide"), and each
//! sentence is read for where its question starts — after a lead-in ("so",
//! "ok"), a name ("Mum, …"), an intro clause, or inside a run-on ("…so are we
//! doing it or not") — and how: a question word, a helper verb and its subject,
//! a request (tell me, walk me through, "I was wondering if you could…"), a
//! note to self, or none. Pressure is read from cues that each name one thing
//! (`pressure.rs`); what a sentence presumes, a pitch before the question or
//! a leading word inside it, in `presumes.rs`; blame, labels and guilt in
//! `blame.rs`. The rules give each finding its reason and tip. Then a
//! small linear model (`model.rs`) weighs the rules' verdicts and cues with the
//! words around them and decides which kinds stand; it was chosen over the
//! rules alone by its figures on the held-out corpus (`corpus.rs`).
//! Edge cases, decided as a coach would:
//!
//! - "Could you tell me more about…", "Would you walk me through…", "Would you
//!   mind sharing…" and "Can I ask how…" are soft open requests, not closed;
//!   "Can you tell me if…" is closed, because the answer is still yes or no.
//! - who/which/when/where and "how many" are open by form even when the answer
//!   is short; only yes/no shapes and menus ("…, price or speed?") are closed.
//! - A tag ("…, right?") is leading and closed; "Is that right?" on its own is
//!   a fair check, only closed.
//! - Context before a question ("I saw you're hiring. How's onboarding?") is
//!   fine; a pitch before it ("We cut costs by 40%. …") is a statement.
//! - "and" between two questions stacks them, "or" only after a comma ("…, or
//!   what…"); "who or what…" asks one thing. "or" inside a yes/no question or a
//!   short list after a question is a menu: closed.
//! - Leading is judged in questions only: "Surely that's enough." is a statement.
//! - Asking for a next step ("Would you be open to a pilot?") is only closed;
//!   asking for the signature, the seller's deadline, a conditional close or an
//!   expiring offer is pressure — also in a clause after the question ("…? The
//!   offer ends Friday."). Their own dates and papers ("When does your
//!   contract expire?", "Could you send me a copy of the contract?") are not.
//! - An instruction that speaks of them in the third person ("Explain why
//!   their vendor fails them.") is a note to self; one to them ("Describe your
//!   process.") is an open request.

use std::collections::HashSet;

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Closed,
    Leading,
    Statement,
    Stacked,
    Pressure,
    Loaded,
}

/// Every kind, in the order findings come in.
pub const KINDS: [Kind; 6] = [
    Kind::Closed,
    Kind::Leading,
    Kind::Statement,
    Kind::Stacked,
    Kind::Pressure,
    Kind::Loaded,
];

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Closed => "closed",
            Kind::Leading => "leading",
            Kind::Statement => "statement",
            Kind::Stacked => "stacked",
            Kind::Pressure => "pressure",
            Kind::Loaded => "loaded",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub kind: Kind,
    pub message: String,
    pub suggestion: String,
}

/// What will keep `question` from working, in the order closed, leading,
/// statement, stacked, pressure, loaded; empty for an open, single, neutral question.
/// The rules read it and say why; the model weighs their verdicts with the
/// words around them and decides which kinds stand.
pub fn check(question: &str) -> Vec<Finding> {
    reading(question, |read| judge(read, question))
}

/// The kinds `question` has, as [`check`] finds them, without the advice:
/// empty for an open, neutral question.
pub fn kinds(question: &str) -> Vec<Kind> {
    reading(question, |read| {
        let (_, decided) = decide(read, question);
        KINDS
            .into_iter()
            .zip(decided)
            .filter(|(_, yes)| *yes)
            .map(|(k, _)| k)
            .collect()
    })
}

/// Whether `sentence`, said without a `?`, still asks: it opens, after a
/// lead-in, as a request for them to tell ("tell me about…", "walk me
/// through…", "I'm curious how…", "could you describe…"). Only its first
/// words are read, so it is cheap enough for every sentence of a call.
pub fn opens_request(sentence: &str) -> bool {
    let sets = request_sets();
    // The first word, read into one buffer, turns most sentences away.
    let mut first = String::new();
    for word in sentence.split_whitespace() {
        first.clear();
        first.extend(
            word.chars()
                .map(straight)
                .filter(|c| c.is_alphanumeric() || *c == '\'')
                .flat_map(char::to_lowercase),
        );
        if !sets.leads.contains(first.as_str()) {
            break;
        }
    }
    let first = first.as_str();
    if !(sets.verbs.contains(first) || sets.askers.contains(first) || sets.modals.contains(first)) {
        return false;
    }
    let low: Vec<String> = sentence
        .split_whitespace()
        .take(12)
        .map(|w| {
            w.chars()
                .map(straight)
                .filter(|c| c.is_alphanumeric() || *c == '\'')
                .flat_map(char::to_lowercase)
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect();
    let words: Vec<&str> = low.iter().map(String::as_str).collect();
    could_request(&words) && head(&words, false).0 == Head::Request
}

/// Whether `words` can open a request at all, from a few set lookups: most
/// sentences of a call cannot, and the full reading is kept for the rest.
fn could_request(words: &[&str]) -> bool {
    let sets = request_sets();
    let Some(i) = words.iter().position(|w| !sets.leads.contains(w)) else {
        return false;
    };
    let next = || words[i + 1..].iter().take(6);
    if sets.verbs.contains(words[i]) {
        true
    } else if sets.askers.contains(words[i]) {
        next().any(|w| sets.keen.contains(w))
    } else if sets.modals.contains(words[i]) {
        next().any(|w| sets.verbs.contains(w) || matches!(*w, "possible" | "mind" | "ask"))
    } else {
        false
    }
}

/// The words a request can open with, as sets.
struct RequestSets {
    leads: HashSet<&'static str>,
    /// "tell", "walk", "describe", "say"…
    verbs: HashSet<&'static str>,
    /// "I'm (curious)", "we'd (love to hear)"…
    askers: HashSet<&'static str>,
    keen: HashSet<&'static str>,
    /// "could (you describe)", "would (you mind)"…
    modals: HashSet<&'static str>,
}

fn request_sets() -> &'static RequestSets {
    static SETS: std::sync::OnceLock<RequestSets> = std::sync::OnceLock::new();
    SETS.get_or_init(|| {
        let set =
            |lists: &[&'static str]| lists.iter().flat_map(|l| l.split_whitespace()).collect();
        RequestSets {
            leads: set(&[LEAD_INS]),
            verbs: set(&[REQ_ANY, REQ_ME, "say saying"]),
            askers: set(&["i i'm im i'd id we we'd we're just really so"]),
            keen: set(&[
                "curious wonder wondering wondered love like keen interested eager \
                grateful appreciate hoping hope wanted trying welcome",
            ]),
            modals: set(&[MODALS, "do are is any"]),
        }
    })
}

/// A question is judged by its first sentences, each by its first words: a
/// pasted page gets an answer as quick as a question does.
const MAX_SENTENCES: usize = 40;
const MAX_WORDS: usize = 400;

/// `question` split and read, handed to `f`.
fn reading<R>(question: &str, f: impl FnOnce(&[Reading]) -> R) -> R {
    let sentences = split(question);
    let read: Vec<Reading> = sentences
        .iter()
        .take(MAX_SENTENCES)
        .map(Reading::of)
        .collect();
    f(&read)
}

/// What the rules find, and which kinds the model lets stand.
fn decide(read: &[Reading], question: &str) -> (Vec<Finding>, [bool; KINDS.len()]) {
    if read.is_empty() {
        return (Vec::new(), [false; KINDS.len()]);
    }
    let found = rules(read);
    let decided = model::decide(&model::features(read, &found, question));
    (found, decided)
}

fn judge(read: &[Reading], question: &str) -> Vec<Finding> {
    let (found, decided) = decide(read, question);
    let mut out = Vec::new();
    let loaded = decided[5];
    for (kind, yes) in KINDS.into_iter().zip(decided) {
        if !yes {
            continue;
        }
        let finding = match found.iter().find(|f| f.kind == kind) {
            Some(f) => f.clone(),
            None => {
                let (message, suggestion) = unexplained(kind, read);
                Finding {
                    kind,
                    message,
                    suggestion,
                }
            }
        };
        out.push(echo_free(finding, question));
    }
    if loaded {
        // A rewrite built from a loaded question's own words would keep the
        // blame it warns about: the other kinds give their general tips.
        for f in out.iter_mut().filter(|f| f.kind != Kind::Loaded) {
            f.suggestion = unexplained(f.kind, &[]).1;
        }
    }
    out
}

/// A finding whose rewrite would only say the question again gets the kind's
/// general tip instead.
fn echo_free(mut finding: Finding, question: &str) -> Finding {
    let words = |t: &str| -> Vec<String> {
        t.split(|c: char| !c.is_alphanumeric() && c != '\'')
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let quoted = finding.suggestion.split('"').nth(1).unwrap_or("");
    if !quoted.is_empty() && words(quoted) == words(question) {
        finding.suggestion = unexplained(finding.kind, &[]).1;
    }
    finding
}

/// What the rules find, each kind with its reason and tip.
fn rules(read: &[Reading]) -> Vec<Finding> {
    let asked: Vec<&Reading> = read.iter().filter(|r| r.asks_something()).collect();
    let mut out = Vec::new();
    let mut add = |kind, (message, suggestion): (String, String)| {
        out.push(Finding {
            kind,
            message,
            suggestion,
        });
    };
    if let Some(r) = asked.iter().find(|r| r.is_closed()) {
        add(Kind::Closed, closed(r));
    }
    let gain_claimed = read
        .iter()
        .any(|r| !r.asks_something() && (r.pitch() || r.claims()));
    let sizes_it = |r: &&&Reading| {
        r.first_of("how much would that|how much would it|what would that|how would you spend|what would you do with|how much time would")
            .is_some()
    };
    if let Some((r, cue)) = asked.iter().find_map(|r| r.leading().map(|c| (r, c))) {
        add(Kind::Leading, leading(r, cue));
    } else if let Some(r) = asked.iter().find(sizes_it).filter(|_| gain_claimed) {
        add(
            Kind::Leading,
            leading(r, ("how much would that".into(), BENEFIT_TIP)),
        );
    }
    let note = read.iter().any(|r| r.head == Head::Note);
    let first_ask = read.iter().position(|r| r.asks_something());
    let claim = first_ask.is_some_and(|f| read[..f].iter().any(Reading::claims));
    if read.iter().any(Reading::pitch) || claim {
        add(Kind::Statement, (PITCH.into(), pitch_tip(read)));
    } else if asked.is_empty() && !read.is_empty() {
        add(Kind::Statement, statement(read, note));
    }
    if asked.len() >= 2 || asked.iter().any(|r| !r.joins.is_empty()) {
        add(Kind::Stacked, stacked(&asked));
    }
    // A need of the asker's in one sentence and a time in another: "Can you
    // fix it today? I need it for the board."
    let cues: Vec<_> = read.iter().map(Reading::cues).collect();
    let split_push = cues.iter().any(|c| c.demand || c.seller) && cues.iter().any(|c| c.urgent);
    let say = read.iter().find_map(Reading::pressure);
    if let Some(say) = say.or(split_push.then_some(&DEADLINE)) {
        add(Kind::Pressure, (say.why.into(), say.tip.into()));
    }
    if let Some((cue, say)) = read.iter().find_map(Reading::loaded) {
        add(Kind::Loaded, loaded(&cue, say));
    }
    out
}

mod advice;
mod blame;
mod model;
mod opening;
mod pressure;
mod presumes;
mod reading;
mod tokens;
mod words;

pub use words::stem;

use advice::*;
use opening::*;
use reading::*;
use tokens::*;
use words::*;

#[cfg(test)]
mod corpus;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod train;
