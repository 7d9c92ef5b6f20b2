//! `export --redact`: counterpart and account names become stable
//! pseudonyms (`Counterpart 1`, `Account 1`, numbered in the order they
//! first appear, oldest session first), and sensitive free text is dropped.
//!
//! What counts as sensitive: every free-text answer. Without the playbook
//! coach cannot tell a choice from typed text, so a text or list answer is
//! kept only when its question id is on a short allowlist of choice
//! questions ([`KEPT_TEXT`]); yes/no and number answers (scales, counts)
//! are kept. Nudges (which quote answers) are dropped, a follow-up keeps
//! only its id, owner (`me`, `them` or `someone`) and due date, and a
//! transcript's file name and speaker name are dropped. Every remaining
//! string (ids, titles, tags, prep ids) has each original name replaced: the
//! whole name, its slug as ids spell it, and each word of three letters or
//! more, ignoring case.

use std::collections::HashMap;

use crate::playbook::Answer;
use crate::session::Session;
use crate::text::slug;

/// Text answers kept by `--redact`: choice questions whose values are
/// coach's own words, never the user's.
pub const KEPT_TEXT: &[&str] = &["outcome", "commitment_vs_minimum"];

const DROPPED: &str = "(redacted)";

/// Redact `sessions` (newest first, as listed) in place.
pub fn redact(sessions: &mut [Session]) {
    let mut people: HashMap<String, String> = HashMap::new();
    let mut accounts: HashMap<String, String> = HashMap::new();
    let mut needles: Vec<(String, String)> = Vec::new();
    for s in sessions.iter().rev() {
        pseudonym(&s.with, "Counterpart", &mut people, &mut needles);
        pseudonym(&s.account, "Account", &mut accounts, &mut needles);
    }
    // Longest first, so a whole name goes before the words in it.
    needles.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
    needles.dedup_by(|a, b| a.0.eq_ignore_ascii_case(&b.0));
    let clean = |text: &str| scrub(text, &needles);
    for s in sessions.iter_mut() {
        s.with = people.get(s.with.trim()).cloned().unwrap_or_default();
        s.account = accounts.get(s.account.trim()).cloned().unwrap_or_default();
        s.id = clean(&s.id);
        s.title = clean(&s.title);
        s.prep = s.prep.as_deref().map(clean);
        s.tags = s.tags.iter().map(|t| clean(t)).collect();
        s.skipped = s.skipped.iter().map(|t| clean(t)).collect();
        s.nudges.clear();
        s.answers.0.retain(|(id, a)| match a {
            Answer::Bool(_) | Answer::Int(_) => true,
            Answer::Text(_) | Answer::List(_) => KEPT_TEXT.contains(&id.as_str()),
        });
        for (_, a) in &mut s.answers.0 {
            if let Answer::Text(t) = a {
                *t = clean(t);
            }
        }
        for f in &mut s.followups {
            f.id = clean(&f.id);
            f.what = DROPPED.into();
            let owner = f.owner.trim().to_ascii_lowercase();
            f.owner = if owner == "me" || owner == "them" {
                owner
            } else {
                "someone".into()
            };
        }
        if let Some(l) = &mut s.listen {
            l.transcript = DROPPED.into();
            l.me = "me".into();
        }
    }
}

/// Give `name` its pseudonym (once) and add what to look for in other text.
fn pseudonym(
    name: &str,
    label: &str,
    seen: &mut HashMap<String, String>,
    needles: &mut Vec<(String, String)>,
) {
    let name = name.trim();
    if name.is_empty() || seen.contains_key(name) {
        return;
    }
    let alias = format!("{label} {}", seen.len() + 1);
    let alias_slug = slug(&alias, "x");
    needles.push((name.to_string(), alias.clone()));
    let name_slug = slug(name, "");
    if !name_slug.is_empty() {
        needles.push((name_slug.clone(), alias_slug.clone()));
    }
    for word in name
        .split(|c: char| !c.is_alphanumeric())
        .chain(name_slug.split('-'))
    {
        if word.chars().count() >= 3 {
            needles.push((word.to_string(), alias.clone()));
        }
    }
    seen.insert(name.to_string(), alias);
}

/// `text` with every needle replaced, ignoring case.
fn scrub(text: &str, needles: &[(String, String)]) -> String {
    let mut out = text.to_string();
    for (needle, alias) in needles {
        out = replace_ignoring_case(&out, needle, alias);
    }
    out
}

fn replace_ignoring_case(hay: &str, needle: &str, with: &str) -> String {
    if needle.is_empty() {
        return hay.to_string();
    }
    let lower_hay = hay.to_lowercase();
    let lower_needle = needle.to_lowercase();
    if lower_hay.len() != hay.len() {
        // Lower-casing moved byte offsets: match exactly and in lower case.
        return hay.replace(needle, with).replace(&lower_needle, with);
    }
    let mut out = String::with_capacity(hay.len());
    let mut rest = 0;
    while let Some(at) = lower_hay[rest..].find(&lower_needle) {
        let start = rest + at;
        if !hay.is_char_boundary(start) || !hay.is_char_boundary(start + needle.len()) {
            break;
        }
        out.push_str(&hay[rest..start]);
        out.push_str(with);
        rest = start + lower_needle.len();
    }
    out.push_str(&hay[rest..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::playbook::Kind;
    use crate::session::{Answers, FollowUp, Measured};

    pub fn session(with: &str, account: &str, date: &str) -> Session {
        let s = slug(with, "x");
        Session {
            id: format!("{}-{s}-debrief", &date[..10]),
            kind: Kind::Debrief,
            playbook: "debrief".into(),
            playbook_version: 1,
            title: format!("Debrief with {with} ({account})"),
            with: with.into(),
            account: account.into(),
            date: date.parse().unwrap(),
            tags: vec!["coach".into()],
            prep: Some(format!("{}-{s}-prep", &date[..10])),
            answers: Answers(vec![
                ("outcome".into(), Answer::Text("advance".into())),
                ("learned".into(), Answer::Text(format!("{with} said yes"))),
                (
                    "objections".into(),
                    Answer::List(vec![format!("{account} is slow")]),
                ),
                ("talk_share".into(), Answer::Int(40)),
            ]),
            skipped: vec![],
            nudges: vec![format!("Ask {with} more.")],
            followups: vec![FollowUp {
                id: format!("{}-{s}-debrief#1", &date[..10]),
                owner: with.split(' ').next().unwrap().into(),
                what: format!("call {account}"),
                due: Some(jiff::civil::date(2026, 12, 1)),
            }],
            listen: Some(Measured {
                transcript: format!("/calls/{s}.vtt"),
                me: "Sam Seller".into(),
                talk_share: 0.4,
                questions: 9,
                longest_monologue_seconds: None,
            }),
            coach_version: "0.1.0".into(),
        }
    }

    #[test]
    fn names_become_stable_pseudonyms_and_leave_no_trace() {
        let mut list = vec![
            session("Zoë Ünal", "Überbau GmbH", "2026-11-20T10:00:00+01:00"),
            session("Jane Smith", "Acme Corp", "2026-11-10T10:00:00+01:00"),
            session("jane smith", "ACME CORP", "2026-11-01T10:00:00+01:00"),
        ];
        redact(&mut list);
        let text = serde_json::to_string(&list).unwrap().to_lowercase();
        for name in [
            "jane",
            "smith",
            "zoë",
            "zoe",
            "ünal",
            "unal",
            "überbau",
            "uberbau",
            "acme",
            "sam seller",
            "said yes",
            "is slow",
        ] {
            assert!(!text.contains(name), "{name} in {text}");
        }
        assert_eq!(list[2].with, "Counterpart 1");
        assert_eq!(list[1].with, "Counterpart 2");
        assert_eq!(list[0].with, "Counterpart 3");
        assert_eq!(list[1].account, "Account 2");
        let kept: Vec<&str> = list[0]
            .answers
            .0
            .iter()
            .map(|(id, _)| id.as_str())
            .collect();
        assert_eq!(kept, ["outcome", "talk_share"]);
        assert_eq!(list[0].followups[0].owner, "someone");
        assert!(list[0].id.contains("counterpart-3"), "{}", list[0].id);
    }

    #[test]
    fn replacing_ignores_case() {
        assert_eq!(
            replace_ignoring_case("Jane and JANE's jane", "jane", "X"),
            "X and X's X"
        );
        assert_eq!(
            replace_ignoring_case("İstanbul Jane", "Jane", "X"),
            "İstanbul X"
        );
    }
}
