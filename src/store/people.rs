//! The one way a person is matched, wherever coach looks for a counterpart
//! (`card --with`, `debrief --with`, the next prep's "since last time", the
//! follow-ups and promises kept with someone, the filters of `history`,
//! `stats` and `export`).
//!
//! Names are compared after Unicode case folding, with runs of white space
//! as one space: "ZOË  ÅNGSTRÖM" is "Zoë Ångström". A name typed on the
//! command line finds a known person by the whole name, or by a part that
//! starts a word of exactly one known name (`priya` is Priya Raman when she
//! is the only Priya); two candidates are an error listing them. The
//! filters of history, stats and export may match a part of several names.

use crate::error::{Error, Result};

/// `name` folded for comparing: Unicode lower case with the full case
/// folding of `ß`/`ẞ` (ss) and final sigma, white space collapsed.
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
                c => out.push(c),
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

/// A name typed for a counterpart, settled against the people coach knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Match {
    /// The whole name of someone known (spelled as typed).
    Whole(String),
    /// A part of one known person's name: their name as the notes spell it.
    Part(String),
    /// Nobody known: a new person, as typed.
    New(String),
}

impl Match {
    /// The name to use from here on.
    pub fn name(&self) -> &str {
        match self {
            Match::Whole(n) | Match::Part(n) | Match::New(n) => n,
        }
    }

    pub fn is_known(&self) -> bool {
        !matches!(self, Match::New(_))
    }
}

/// Who `typed` is among `known` (newest first; the same person may appear
/// under several spellings). Two or more people a part could be is an
/// error listing them.
pub fn resolve<'a>(typed: &str, known: impl IntoIterator<Item = &'a str>) -> Result<Match> {
    let typed = typed.split_whitespace().collect::<Vec<_>>().join(" ");
    let want = fold(&typed);
    let mut parts: Vec<(&str, String)> = Vec::new();
    for name in known {
        let folded = fold(name);
        if folded == want {
            return Ok(Match::Whole(typed));
        }
        if !want.is_empty()
            && starts_a_word(&folded, &want)
            && !parts.iter().any(|(_, f)| *f == folded)
        {
            parts.push((name.trim(), folded));
        }
    }
    match parts.len() {
        0 => Ok(Match::New(typed)),
        1 => Ok(Match::Part(parts[0].0.to_string())),
        _ => Err(Error::Ambiguous {
            what: "people",
            wanted: typed,
            candidates: parts.into_iter().map(|(n, _)| n.to_string()).collect(),
            advice: "give the whole name",
        }),
    }
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
    fn names_fold_across_case_and_space() {
        assert_eq!(fold("  ZOË   ÅNGSTRÖM "), "zoë ångström");
        assert!(same("Zoë Ångström", "ZOË ÅNGSTRÖM"));
        assert!(same("jane  smith", "Jane Smith"));
        assert!(same("Straße", "STRASSE"));
        assert!(same("ΟΔΥΣΣΕΥΣ", "Οδυσσευς"));
        assert!(!same("Jane Smith", "Jane Smyth"));
        assert!(!same("Jane", "Jane Smith"));
    }

    #[test]
    fn a_part_finds_exactly_one_person() {
        let known = [
            "Priya Raman",
            "Jane Smith",
            "PRIYA RAMAN",
            "Jean-Luc Picard",
        ];
        let r = |t: &str| resolve(t, known).map_err(|e| (e.code(), e.to_string()));
        assert_eq!(r("priya"), Ok(Match::Part("Priya Raman".into())));
        assert_eq!(r("RAMAN"), Ok(Match::Part("Priya Raman".into())));
        assert_eq!(r("priya raman"), Ok(Match::Whole("priya raman".into())));
        assert_eq!(r("luc"), Ok(Match::Part("Jean-Luc Picard".into())));
        assert_eq!(r("iya"), Ok(Match::New("iya".into())));
        assert_eq!(r("Omar"), Ok(Match::New("Omar".into())));
        let two = ["Priya Raman", "Priya Shah", "Priya"];
        assert_eq!(resolve("Priya", two).unwrap(), Match::Whole("Priya".into()));
        let (code, text) = resolve("pri", two)
            .map_err(|e| (e.code(), e.to_string()))
            .unwrap_err();
        assert_eq!(code, 2);
        assert!(
            text.contains("any of 3 people:\n  Priya Raman\n  Priya Shah\n  Priya\n"),
            "{text}"
        );
        let unicode = ["Zoë Ångström"];
        assert_eq!(
            resolve("ZOË ÅNGSTRÖM", unicode).unwrap(),
            Match::Whole("ZOË ÅNGSTRÖM".into())
        );
        assert_eq!(
            resolve("ångström", unicode).unwrap(),
            Match::Part("Zoë Ångström".into())
        );
    }

    #[test]
    fn filters_match_any_part() {
        let f = NameFilter::new("SMITH").unwrap();
        assert!(f.matches("Jane Smith") && f.matches("Bob Smithers"));
        assert!(!f.matches("Jane Smyth"));
        let f = NameFilter::new("zoë ü").unwrap();
        assert!(f.matches("ZOË ÜNAL"));
        assert!(NameFilter::new("  ").is_none());
    }
}
