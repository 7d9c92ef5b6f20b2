//! The one way a person is matched, wherever coach looks for one: a
//! counterpart (`card --with`, `debrief --with`, the next prep's "since last
//! time", the follow-ups and promises kept with someone, the filters of
//! `history`, `stats` and `export`) or the user among a transcript's
//! speakers (`--me`).
//!
//! Names are compared after Unicode case folding, with Latin accents folded
//! and runs of white space as one space: "ZOË  ÅNGSTRÖM" is "Zoë Ångström",
//! and so is "zoe angstrom". A name typed on the command line finds a known
//! person by the whole name; else by whole words of exactly one known name
//! (`alex` is Alex Kim, not Alexandra Lee); else by a part that starts a
//! word of exactly one (`priya` is Priya Raman when she is the only Priya).
//! Two or more candidates are an error listing them. The filters of
//! history, stats and export may match a part of several names.
//!
//! It is pure: the store hands it the names it knows.

use crate::error::{Error, Result};

/// `name` folded for comparing: Unicode lower case with the full case
/// folding of `ß`/`ẞ` (ss) and final sigma, Latin accents dropped, white
/// space collapsed.
pub fn fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars().flat_map(char::to_lowercase) {
            match c {
                'ß' => out.push_str("ss"),
                'ς' => out.push('σ'),
                // Combining marks (a decomposed accent, the dot of `İ`).
                '\u{300}'..='\u{36f}' => {}
                c => out.extend(crate::text::fold_accent(c)),
            }
        }
    }
    out
}

/// Whether two names are the same person's.
pub fn same(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        let mut x = a.split_ascii_whitespace();
        let mut y = b.split_ascii_whitespace();
        loop {
            match (x.next(), y.next()) {
                (None, None) => return true,
                (Some(p), Some(q)) if p.eq_ignore_ascii_case(q) => {}
                _ => return false,
            }
        }
    }
    fold(a) == fold(b)
}

/// A `--with` filter of history, stats and export: a part of the name,
/// anywhere in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameFilter(String);

impl NameFilter {
    /// `None` for an empty filter.
    pub fn new(part: &str) -> Option<NameFilter> {
        let folded = fold(part);
        (!folded.is_empty()).then_some(NameFilter(folded))
    }

    pub fn matches(&self, name: &str) -> bool {
        let needle = self.0.as_str();
        let plain = |t: &str| t.is_ascii() && !t.contains("  ") && !t.contains(['\t', '\n', '\r']);
        if plain(name) && needle.is_ascii() {
            let (h, n) = (name.as_bytes(), needle.as_bytes());
            return h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n));
        }
        fold(name).contains(needle)
    }
}

/// A typed name, settled against the people coach knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Match {
    /// The whole name of someone known, as the notes spell it (the newest).
    Whole(String),
    /// A part of one known person's name: their name as the notes spell it.
    Part(String),
    /// Nobody known: a new person, as typed.
    New(String),
    /// A part of several people's names.
    Several { typed: String, names: Vec<String> },
}

impl Match {
    /// The one person, or the error listing the people a part could be.
    pub fn one(self) -> Result<Match> {
        match self {
            Match::Several { typed, names } => Err(Error::Ambiguous {
                what: "people",
                wanted: typed,
                candidates: names,
                advice: "give the whole name",
            }),
            other => Ok(other),
        }
    }

    /// The name to use from here on (the typed text, for several).
    pub fn name(&self) -> &str {
        match self {
            Match::Whole(n) | Match::Part(n) | Match::New(n) => n,
            Match::Several { typed, .. } => typed,
        }
    }
}

/// Who `typed` is among `known` (newest first; the same person may appear
/// under several spellings).
pub fn resolve<'a>(typed: &str, known: impl IntoIterator<Item = &'a str>) -> Match {
    let typed = typed.split_whitespace().collect::<Vec<_>>().join(" ");
    let want = fold(&typed);
    // Each known person once, by folded name, newest spelling first.
    let mut people: Vec<(&str, String)> = Vec::new();
    for name in known {
        let folded = fold(name);
        if !folded.is_empty() && !people.iter().any(|(_, f)| *f == folded) {
            people.push((name.trim(), folded));
        }
    }
    if let Some((name, _)) = people.iter().find(|(_, f)| *f == want) {
        return Match::Whole(name.to_string());
    }
    if want.is_empty() {
        return Match::New(typed);
    }
    let words: Vec<&str> = want.split(' ').collect();
    let tiers: [&dyn Fn(&str) -> bool; 2] = [
        &|folded: &str| {
            let have: Vec<&str> = folded.split(' ').collect();
            have.windows(words.len()).any(|w| w == words.as_slice())
        },
        &|folded: &str| starts_a_word(folded, &want),
    ];
    for fits in tiers {
        let found: Vec<&str> = people
            .iter()
            .filter(|(_, f)| fits(f))
            .map(|(n, _)| *n)
            .collect();
        match found.as_slice() {
            [] => continue,
            [one] => return Match::Part(one.to_string()),
            many => {
                return Match::Several {
                    typed,
                    names: many.iter().map(|n| n.to_string()).collect(),
                };
            }
        }
    }
    Match::New(typed)
}

/// The known name closest to `typed`, when it is close enough to be a typo:
/// of a whole name, or, for one word typed, of one word of a name
/// (`nortwind` is Northwind Logistics).
pub fn closest<'a>(typed: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let known: Vec<&str> = known.into_iter().collect();
    let typed = fold(typed);
    let folded: Vec<String> = known.iter().map(|n| fold(n)).collect();
    if let Some(close) = crate::text::did_you_mean(&typed, folded.iter().map(String::as_str)) {
        return folded.iter().position(|f| f == close).map(|i| known[i]);
    }
    if typed.contains(' ') {
        return None;
    }
    let words: Vec<(usize, &str)> = folded
        .iter()
        .enumerate()
        .flat_map(|(i, f)| f.split(' ').map(move |w| (i, w)))
        .collect();
    let close = crate::text::did_you_mean(&typed, words.iter().map(|(_, w)| *w))?;
    words
        .iter()
        .find(|(_, w)| *w == close)
        .map(|(i, _)| known[*i])
}

/// Whether `part` occurs in `name` where a word of it starts.
fn starts_a_word(name: &str, part: &str) -> bool {
    name.match_indices(part).any(|(i, _)| {
        name[..i]
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || matches!(c, '-' | '\'' | '’' | '.' | '('))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typo_finds_the_closest_name_or_word_of_one() {
        let known = ["Northwind Logistics", "Jane Smith"];
        assert_eq!(closest("Jane Smyth", known), Some("Jane Smith"));
        assert_eq!(closest("nortwind", known), Some("Northwind Logistics"));
        assert_eq!(closest("Mo Reyes", known), None);
        assert_eq!(closest("Acme", known), None);
    }

    #[test]
    fn names_fold_across_case_accents_and_space() {
        assert_eq!(fold("  ZOË   ÅNGSTRÖM "), "zoe angstrom");
        assert!(same("Zoë Ångström", "ZOË ÅNGSTRÖM"));
        assert!(same("Zoë Ångström", "zoe angstrom"));
        assert!(same("jane  smith", "Jane Smith"));
        assert!(same("Straße", "STRASSE"));
        assert!(same("İstanbul", "istanbul"));
        assert!(same("Zoe\u{308}", "Zoë"));
        assert!(same("ΟΔΥΣΣΕΥΣ", "Οδυσσευς"));
        assert!(!same("Jane Smith", "Jane Smyth"));
        assert!(!same("Jane", "Jane Smith"));
    }

    #[test]
    fn whole_words_come_before_the_start_of_a_word() {
        let known = [
            "Priya Raman",
            "Jane Smith",
            "PRIYA RAMAN",
            "Jean-Luc Picard",
            "Alex Kim",
            "Alexandra Lee",
            "Sam Kim",
        ];
        let r = |t: &str| resolve(t, known);
        assert_eq!(r("priya"), Match::Part("Priya Raman".into()));
        assert_eq!(r("RAMAN"), Match::Part("Priya Raman".into()));
        assert_eq!(r("priya raman"), Match::Whole("Priya Raman".into()));
        assert_eq!(r("luc"), Match::Part("Jean-Luc Picard".into()));
        assert_eq!(r("alex"), Match::Part("Alex Kim".into()));
        assert_eq!(r("alexa"), Match::Part("Alexandra Lee".into()));
        assert_eq!(
            r("kim"),
            Match::Several {
                typed: "kim".into(),
                names: vec!["Alex Kim".into(), "Sam Kim".into()]
            }
        );
        assert_eq!(r("iya"), Match::New("iya".into()));
        assert_eq!(r("Omar"), Match::New("Omar".into()));
        assert_eq!(r(""), Match::New("".into()));
        let err = r("al").one().unwrap_err();
        assert_eq!(err.code(), 2);
        assert!(
            err.to_string()
                .contains("any of 2 people:\n  Alex Kim\n  Alexandra Lee\n"),
            "{err}"
        );
        let two = ["Priya Raman", "Priya Shah", "Priya"];
        assert_eq!(resolve("PRIYA", two), Match::Whole("Priya".into()));
        let unicode = ["Zoë Ångström"];
        assert_eq!(
            resolve("ZOË ÅNGSTRÖM", unicode),
            Match::Whole("Zoë Ångström".into())
        );
        assert_eq!(
            resolve("angstrom", unicode),
            Match::Part("Zoë Ångström".into())
        );
        assert_eq!(closest("Jane Smyth", known), Some("Jane Smith"));
        assert_eq!(closest("Robin", known), None);
    }

    #[test]
    fn filters_match_any_part() {
        let f = NameFilter::new("SMITH").unwrap();
        assert!(f.matches("Jane Smith") && f.matches("Bob Smithers"));
        assert!(!f.matches("Jane Smyth"));
        let f = NameFilter::new("zoë ü").unwrap();
        assert!(f.matches("ZOË ÜNAL"));
        assert!(f.matches("Zoe Unal"));
        assert!(NameFilter::new("  ").is_none());
    }
}
