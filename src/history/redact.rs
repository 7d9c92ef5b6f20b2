//! `export --redact`: counterpart and account names become stable
//! pseudonyms (`Counterpart 1`, `Account 1`, numbered in the order they
//! first appear, oldest session first), and sensitive free text is dropped.
//!
//! What counts as sensitive: every free-text answer. Without the playbook
//! coach cannot tell a choice from typed text, so a text or list answer is
//! kept only when its question means one of a short allowlist of choice
//! meanings ([`KEPT_TEXT`]) and the text is shaped like a choice value (a
//! hand-edited `means:` cannot keep free text); yes/no and number answers
//! (scales, counts) are kept, lists never. Nudges (which quote answers) are dropped, a follow-up keeps
//! only its id, owner (`me`, `them` or `someone`) and due date, and a
//! transcript's file name and speaker name are dropped. Every remaining
//! string (ids, titles, tags, prep ids) has each original name replaced:
//! matched on whole words, with the Unicode case and accent folding of
//! `crate::people` (so "JANE smith", "jane-smith" and "Jané Smith" are all
//! found), the whole name first, then each word of it (and of its slug, as
//! ids spell it) of three letters or more. One person is one pseudonym,
//! however their name is cased.

use std::collections::HashMap;

use crate::people::fold;
use crate::playbook::{Answer, Meaning};
use crate::session::Session;
use crate::text::slug;

/// Text answers kept by `--redact`: the meanings of choice questions whose
/// values are the playbook's words, never the user's.
pub const KEPT_TEXT: [Meaning; 2] = [Meaning::Outcome, Meaning::CommitmentVsMinimum];

const DROPPED: &str = "(redacted)";

/// Redact `sessions` (newest first, as listed) in place.
pub fn redact(sessions: &mut [Session]) {
    let mut people: HashMap<String, String> = HashMap::new();
    let mut accounts: HashMap<String, String> = HashMap::new();
    let mut needles: Vec<Needle> = Vec::new();
    for s in sessions.iter().rev() {
        pseudonym(&s.with, "Counterpart", &mut people, &mut needles);
        pseudonym(&s.account, "Account", &mut accounts, &mut needles);
    }
    // Longest first, so a whole name goes before the words in it.
    needles.sort_by(|a, b| {
        b.words
            .len()
            .cmp(&a.words.len())
            .then(a.words.cmp(&b.words))
    });
    needles.dedup_by(|a, b| a.words == b.words);
    let text = |t: &str| scrub(t, &needles, false);
    let id = |t: &str| scrub(t, &needles, true);
    let alias = |seen: &HashMap<String, String>, name: &str| {
        seen.get(&fold(name)).cloned().unwrap_or_default()
    };
    for s in sessions.iter_mut() {
        s.with = alias(&people, &s.with);
        s.account = alias(&accounts, &s.account);
        // Ids carry the counterpart's slug (cut at 40 characters, so parts of
        // a name may be left): the whole slug part is replaced.
        let who = s.with.clone();
        let rename = |t: &str| id_with_alias(t, &who).unwrap_or_else(|| id(t));
        s.id = rename(&s.id);
        s.title = text(&s.title);
        s.prep = s.prep.as_deref().map(rename);
        s.tags = s.tags.iter().map(|t| id(t)).collect();
        s.skipped = s.skipped.iter().map(|t| id(t)).collect();
        s.nudges.clear();
        let kept: Vec<String> = KEPT_TEXT
            .iter()
            .filter_map(|m| s.means.id(*m).map(str::to_owned))
            .collect();
        // A session's `means:` can be edited by hand: only a text that is
        // shaped like a choice value is kept, never a list.
        s.answers.0.retain(|(id, a)| match a {
            Answer::Bool(_) | Answer::Int(_) => true,
            Answer::Text(t) => kept.contains(id) && is_choice_value(t),
            // People's names, and what the user thinks of them.
            Answer::List(_) | Answer::People(_) => false,
        });
        // The plan against what happened quotes answers: only numbers and
        // yes/no stay, as in the answers.
        let numeric = |a: &mut Option<Answer>| {
            if matches!(
                a,
                Some(Answer::Text(_) | Answer::List(_) | Answer::People(_))
            ) {
                *a = None;
            }
        };
        for row in &mut s.plan_vs_actual {
            row.ask = text(&row.ask);
            numeric(&mut row.planned);
            numeric(&mut row.actual);
        }
        for (_, a) in &mut s.answers.0 {
            if let Answer::Text(t) = a {
                *t = text(t);
            }
        }
        for f in &mut s.followups {
            f.id = rename(&f.id);
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
            // The names given to speaker labels are people's names.
            l.speakers.clear();
        }
    }
}

/// Whether `text` is shaped like a choice value (`advance`, `no_sale`):
/// short, lowercase ASCII letters, digits, `_` and `-`, no spaces.
fn is_choice_value(text: &str) -> bool {
    (1..=40).contains(&text.len())
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

/// A session (or follow-up) id, `<date>-<time>-<slug>-<kind>[-n][#n]`, with
/// its slug replaced by the pseudonym's; `None` for an id of another shape.
fn id_with_alias(id: &str, alias: &str) -> Option<String> {
    let (base, item) = match id.split_once('#') {
        Some((base, n)) => (base, format!("#{n}")),
        None => (id, String::new()),
    };
    let stamp = base.get(..16)?;
    let shape = stamp.bytes().enumerate().all(|(i, b)| {
        if matches!(i, 4 | 7 | 10 | 15) {
            b == b'-'
        } else {
            b.is_ascii_digit()
        }
    });
    if !shape {
        return None;
    }
    let rest = &base[16..];
    for kind in ["-prep", "-debrief"] {
        let Some(at) = rest.rfind(kind) else { continue };
        let tail = &rest[at + kind.len()..];
        let counted = tail
            .strip_prefix('-')
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        if at > 0 && (tail.is_empty() || counted) {
            let who = slug(alias, "someone");
            return Some(format!("{stamp}{who}{kind}{tail}{item}"));
        }
    }
    None
}

/// A name to find, as folded words, and the pseudonym that replaces it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Needle {
    words: Vec<String>,
    alias: String,
}

/// Give `name` its pseudonym (once per person) and add what to look for in
/// other text: the whole name, and its words (and its slug's) of three
/// letters or more, so a short name never replaces letters inside others.
fn pseudonym(
    name: &str,
    label: &str,
    seen: &mut HashMap<String, String>,
    needles: &mut Vec<Needle>,
) {
    let key = fold(name);
    if key.is_empty() || seen.contains_key(&key) {
        return;
    }
    let alias = format!("{label} {}", seen.len() + 1);
    let whole: Vec<String> = words(name).map(|(s, e)| fold(&name[s..e])).collect();
    let name_slug = slug(name, "");
    let parts = words(name)
        .map(|(s, e)| &name[s..e])
        .chain(words(&name_slug).map(|(s, e)| &name_slug[s..e]))
        .filter(|w| w.chars().count() >= 3)
        .map(|w| vec![fold(w)]);
    if !whole.is_empty() {
        needles.push(Needle {
            words: whole,
            alias: alias.clone(),
        });
    }
    for part in parts {
        needles.push(Needle {
            words: part,
            alias: alias.clone(),
        });
    }
    seen.insert(key, alias);
}

/// The byte spans of the words of `text`: runs of letters and digits.
fn words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                spans.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push((s, text.len()));
    }
    spans.into_iter()
}

/// `text` with every run of words that is a needle replaced by its alias
/// (as a slug, `counterpart-1`, in ids).
fn scrub(text: &str, needles: &[Needle], in_id: bool) -> String {
    let spans: Vec<(usize, usize)> = words(text).collect();
    let folded: Vec<String> = spans.iter().map(|&(s, e)| fold(&text[s..e])).collect();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut i = 0;
    while i < spans.len() {
        let hit = needles.iter().find(|n| {
            folded
                .get(i..i + n.words.len())
                .is_some_and(|w| w == n.words.as_slice())
        });
        match hit {
            Some(n) => {
                let (start, end) = (spans[i].0, spans[i + n.words.len() - 1].1);
                out.push_str(&text[copied..start]);
                if in_id {
                    out.push_str(&slug(&n.alias, "someone"));
                } else {
                    out.push_str(&n.alias);
                }
                copied = end;
                i += n.words.len();
            }
            None => i += 1,
        }
    }
    out.push_str(&text[copied..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::playbook::{Kind, Meanings};
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
                ("result_kind".into(), Answer::Text("advance".into())),
                ("learned".into(), Answer::Text(format!("{with} said yes"))),
                (
                    "objections".into(),
                    Answer::List(vec![format!("{account} is slow")]),
                ),
                ("talk_share".into(), Answer::Int(40)),
                (
                    "influences".into(),
                    Answer::People(vec![crate::playbook::Person {
                        name: "Mo Reyes".into(),
                        win: Some(format!("{account} promotion")),
                        rating: Some(-2),
                        ..Default::default()
                    }]),
                ),
            ]),
            // Kept by meaning, whatever the question's id.
            means: Meanings(vec![("outcome".into(), "result_kind".into())]),
            skipped: vec![],
            plan_vs_actual: vec![crate::flow::PlanVsActual {
                question: "got_goal".into(),
                plan: "goal".into(),
                ask: format!("What did {with} of {account} say?"),
                planned: Some(Answer::Text(format!("{account} grows"))),
                actual: Some(Answer::List(vec![format!("{with} said yes")])),
            }],
            nudges: vec![format!("Ask {with} more.")],
            followups: vec![FollowUp {
                id: format!("{}-{s}-debrief#1", &date[..10]),
                owner: with.split(' ').next().unwrap().into(),
                what: format!("call {account}"),
                due: Some(jiff::civil::date(2026, 12, 1)),
                done: None,
            }],
            listen: Some(Measured {
                transcript: format!("/calls/{s}.vtt"),
                me: "Sam Seller".into(),
                talk_share: 0.4,
                questions: 9,
                ..Default::default()
            }),
            call_at: None,
            participants: Vec::new(),
            coach_version: "0.1.0".into(),
        }
    }

    #[test]
    fn a_hand_edited_meaning_keeps_no_free_text() {
        let mut list = vec![session(
            "Jane Smith",
            "Acme Corp",
            "2026-11-20T10:00:00+01:00",
        )];
        list[0].means = Meanings(vec![
            ("outcome".into(), "learned".into()),
            ("commitment_vs_minimum".into(), "objections".into()),
        ]);
        redact(&mut list);
        let kept: Vec<&str> = list[0]
            .answers
            .0
            .iter()
            .map(|(id, _)| id.as_str())
            .collect();
        assert_eq!(kept, ["talk_share"]);
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
            "mo reyes",
            "promotion",
        ] {
            assert!(!text.contains(name), "{name} in {text}");
        }
        // "jane smith" and "Jane Smith" are one person, one pseudonym.
        assert_eq!(list[2].with, "Counterpart 1");
        assert_eq!(list[1].with, "Counterpart 1");
        assert_eq!(list[0].with, "Counterpart 2");
        assert_eq!(list[1].account, "Account 1");
        assert_eq!(list[0].account, "Account 2");
        let kept: Vec<&str> = list[0]
            .answers
            .0
            .iter()
            .map(|(id, _)| id.as_str())
            .collect();
        assert_eq!(kept, ["result_kind", "talk_share"]);
        assert_eq!(list[0].followups[0].owner, "someone");
        assert!(list[0].id.contains("counterpart-2"), "{}", list[0].id);
    }

    #[test]
    fn names_are_found_on_whole_words_however_they_are_written() {
        let mut list = vec![
            session("Jo Li", "İstanbul Partners", "2026-11-20T10:00:00+01:00"),
            session("JO LI", "istanbul partners", "2026-11-10T10:00:00+01:00"),
        ];
        list[0].title = "Call with Jo Li of İSTANBUL PARTNERS, Joan's team".into();
        redact(&mut list);
        assert_eq!(list[0].with, "Counterpart 1");
        assert_eq!(
            list[1].with, "Counterpart 1",
            "one person, whatever the case"
        );
        assert_eq!(list[0].account, "Account 1");
        // Short names only replace whole words; "Joan" keeps its letters.
        assert_eq!(
            list[0].title,
            "Call with Counterpart 1 of Account 1, Joan's team"
        );
        assert!(
            list[0].id.contains("counterpart-1-debrief"),
            "{}",
            list[0].id
        );
        let mut long = vec![session(
            "Maximiliana Alexandrovna Konstantinopolskaya",
            "Acme",
            "2026-11-20T10:00:00+01:00",
        )];
        redact(&mut long);
        let text = serde_json::to_string(&long).unwrap().to_lowercase();
        assert!(!text.contains("konstantinopol"), "{text}");
        assert_eq!(
            id_with_alias("2026-11-22-1403-nguyen-van-an-prep-2#3", "Counterpart 7"),
            Some("2026-11-22-1403-counterpart-7-prep-2#3".into())
        );
        assert_eq!(id_with_alias("my-own-notes", "Counterpart 1"), None);
    }
}
