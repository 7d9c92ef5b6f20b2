//! Which planned questions a call asked, in other words: each planned
//! question is held against what the user asked in the transcript (their
//! questions and their requests), and paired with the one that asks the
//! same thing, if any.
//!
//! The method, chosen by its figures on `tests/fixtures/paraphrases/` (see
//! the tests, which hold it against plain word overlap): each side becomes
//! the set of its words, lowercased, without fillers ("um", "you know", "I
//! guess"), each stemmed ("deciding" = "decide") and mapped to its concept
//! when it has common synonyms ("supplier" = "vendor", "sign off" =
//! "approve", "spend" = "budget"). Small words stay: "do you have" and "how
//! many" say what kind of answer a question wants. A pair scores the share
//! of words the two have in common (Jaccard); pairs are taken best first,
//! each planned question and each sentence at most once, down to a
//! threshold (the best on the tuning calls; the user confirms each tick).
//! Dropping function words, weighting rare words, and a penalty for asking a
//! different kind of answer all scored worse on the tuning calls.

use std::collections::HashMap;

use crate::coaching::check::stem;

/// A pair must score at least this to count as the same question.
pub const THRESHOLD: f64 = 0.2;

/// For each of `planned`, the index in `said` of the sentence that asked it,
/// or `None`; each sentence answers one planned question at most.
pub fn match_planned(planned: &[&str], said: &[&str]) -> Vec<Option<usize>> {
    match_above(planned, said, THRESHOLD)
}

/// [`match_planned`] with its threshold given.
pub(crate) fn match_above(planned: &[&str], said: &[&str], threshold: f64) -> Vec<Option<usize>> {
    let planned_words: Vec<Vec<String>> = planned.iter().map(|p| content(p)).collect();
    let said_words: Vec<Vec<String>> = said.iter().map(|s| content(s)).collect();
    best_pairs(planned.len(), said.len(), threshold, |p, s| {
        similarity(&planned_words[p], &said_words[s])
    })
}

/// For each of `planned` planned questions, the sentence of `said` paired
/// with it: every pair scoring at least `threshold`, best first, each side
/// used once.
pub(crate) fn best_pairs(
    planned: usize,
    said: usize,
    threshold: f64,
    score: impl Fn(usize, usize) -> f64,
) -> Vec<Option<usize>> {
    let mut pairs = Vec::new();
    for p in 0..planned {
        for s in 0..said {
            let score = score(p, s);
            if score >= threshold {
                pairs.push((score, p, s));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut out = vec![None; planned];
    let mut used = vec![false; said];
    for (_, p, s) in pairs {
        if out[p].is_none() && !used[s] {
            out[p] = Some(s);
            used[s] = true;
        }
    }
    out
}

/// The share of words two sentences have in common (sorted, unique), 0..=1.
fn similarity(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let shared = a.iter().filter(|w| b.binary_search(w).is_ok()).count();
    shared as f64 / (a.len() + b.len() - shared) as f64
}

/// A sentence's words, lowercased, without fillers, each stemmed and mapped
/// to its concept: sorted, each once.
pub fn content(text: &str) -> Vec<String> {
    let low = text
        .chars()
        .map(|c| match c {
            '\u{2019}' | '\u{2018}' | '`' => '\'',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect::<String>();
    let words: Vec<&str> = low
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .map(|w| w.trim_matches('\''))
        .filter(|w| !w.is_empty())
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if let Some((len, concept)) = phrase_at(&words, i) {
            if !concept.is_empty() {
                out.push(concept.to_string());
            }
            i += len;
            continue;
        }
        let word = words[i].strip_suffix("n't").unwrap_or(words[i]);
        let word = ["'s", "'re", "'ve", "'ll", "'d", "'m"]
            .iter()
            .find_map(|s| word.strip_suffix(s))
            .unwrap_or(word);
        i += 1;
        if word.is_empty() || FILLERS.split_whitespace().any(|s| s == word) {
            continue;
        }
        let stemmed = stem(word);
        out.push(concept_of(&stemmed).unwrap_or(&stemmed).to_string());
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Several words that say one thing (or nothing): `(length, concept)`, an
/// empty concept for a filler.
fn phrase_at(words: &[&str], i: usize) -> Option<(usize, &'static str)> {
    PHRASES.iter().find_map(|(phrase, concept)| {
        let parts: Vec<&str> = phrase.split(' ').collect();
        let fits =
            words.len() >= i + parts.len() && parts.iter().zip(&words[i..]).all(|(p, w)| p == w);
        fits.then_some((parts.len(), *concept))
    })
}

/// The concept a stemmed word stands for, when it has common synonyms.
fn concept_of(stemmed: &str) -> Option<&'static str> {
    static BY_STEM: std::sync::OnceLock<HashMap<String, &'static str>> = std::sync::OnceLock::new();
    let by_stem = BY_STEM.get_or_init(|| {
        let mut map = HashMap::new();
        for (concept, words) in CONCEPTS {
            for w in words.split_whitespace() {
                map.entry(stem(w).into_owned()).or_insert(*concept);
            }
        }
        map
    });
    by_stem.get(stemmed).copied()
}

/// Phrases read as one concept, or as nothing (fillers).
const PHRASES: &[(&str, &str)] = &[
    ("you know", ""),
    ("i mean", ""),
    ("i guess", ""),
    ("kind of", ""),
    ("sort of", ""),
    ("sign off", "approve"),
    ("signs off", "approve"),
    ("signed off", "approve"),
    ("sign-off", "approve"),
    ("green light", "approve"),
    ("go ahead", "approve"),
    ("day to day", "daily"),
    ("day-to-day", "daily"),
    ("at the moment", "current"),
    ("right now", "current"),
    ("these days", "current"),
    ("keep you up at night", "worry"),
    ("in charge", "own"),
    ("on your plate", "priority"),
];

/// Concepts with their common words (any form of each word).
const CONCEPTS: &[(&str, &str)] = &[
    ("decide", "decide decision choose choice pick select"),
    ("buy", "buy purchase procure procurement order"),
    ("approve", "approve approval authorise authorize"),
    (
        "budget",
        "budget money spend cost price pricing fund funding afford pay invest investment \
         ballpark rate fee fees quote numbers",
    ),
    (
        "team",
        "team staff people folks colleague employee crew department",
    ),
    ("involve", "involve stakeholder"),
    (
        "problem",
        "problem issue challenge pain struggle headache trouble difficult frustrate \
         frustration blocker obstacle wrong fail failure",
    ),
    ("goal", "goal objective aim target achieve accomplish hope"),
    (
        "success",
        "success successful win measure metric kpi outcome",
    ),
    ("time", "timeline timing deadline date schedule"),
    (
        "vendor",
        "vendor supplier provider partner carrier forwarder agency",
    ),
    ("current", "current currently today existing now"),
    ("tool", "tool system software platform solution"),
    (
        "worry",
        "worry concern fear afraid risk nervous anxious scared",
    ),
    ("priority", "priority important matter critical"),
    ("change", "change different shift switch move"),
    ("feel", "feel feeling felt"),
    (
        "process",
        "process steps stage stages round rounds workflow approach",
    ),
    ("happen", "happen"),
    ("like", "love enjoy prefer proud keep"),
    ("start", "start begin launch live"),
    ("own", "own owner responsible lead leading"),
    ("need", "need require requirement must essential mandatory"),
    ("amount", "volume volumes number quantity"),
    ("stock", "stock inventory"),
    ("ship", "ship shipping shipment deliver delivery freight"),
    ("child", "child children kid kids son daughter"),
    ("parent", "parent mum mom mother dad father"),
    ("job", "job role position headcount"),
    ("hire", "hire hiring recruit recruiting"),
    ("happy", "happy satisfied pleased"),
    ("help", "help support assist"),
    ("plan", "plan plans planning"),
    ("contract", "contract agreement"),
    ("customer", "customer client"),
    ("home", "home house"),
    ("money", "savings"),
];

/// Words that fill speech without asking anything.
const FILLERS: &str = "um uh er erm uhm hmm like just really so okay ok well yeah right guys \
    honestly actually basically literally";

#[cfg(test)]
mod tests;
