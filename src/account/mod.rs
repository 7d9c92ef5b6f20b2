//! The Blue Sheet of one account (`coach account`, DESIGN.md section 3):
//! everyone its sessions say influences the decision, put together, and the
//! red flags where the user is blind.
//!
//! What is known of a person comes from three places, read oldest session
//! first so that the latest word wins, each fact keeping the session it
//! came from: the `with` of each session (that person was met); a prep's
//! `buying_influences` answer — a `people` list, or a `multi` of the parts
//! its counterpart plays; and what a debrief learned against that list (a
//! `people` answer held against it by `plan:`). A debrief's list is the
//! people as the meeting showed them: someone planned for and left out of
//! it has left the sheet, until a later session names them again. A name
//! is one person as everywhere (`crate::people`): the same name, or a part
//! of exactly one known name (`Tom` is Tom Reyes).
//!
//! Red flags, as Strategic Selling uses them: a part nobody plays, an
//! economic buyer never met, a high-influence person against you or of
//! unknown mode, someone in even keel or overconfident mode (no gap, no sale
//! yet), no session in the last [`QUIET_DAYS`] days. It is pure: the
//! command hands it the sessions; `flags` finds the red flags, `render`
//! lays the sheet out as text and JSON.

mod flags;
mod render;

pub use flags::flags_line;
pub use render::{json, render};

use jiff::civil::Date;
use serde::Serialize;

use crate::people::same;
use crate::playbook::{Answer, Influence, Meaning, Mode, Person, Role};
use crate::session::Session;

/// Days without a session after which an account has gone quiet.
pub const QUIET_DAYS: i32 = 30;

/// A fact and the session that said it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sourced<T> {
    pub value: T,
    pub from: String,
}

/// Everything known of one person at the account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Known {
    pub name: String,
    pub roles: Option<Sourced<Vec<Role>>>,
    pub influence: Option<Sourced<Influence>>,
    pub mode: Option<Sourced<Mode>>,
    pub rating: Option<Sourced<i8>>,
    pub win: Option<Sourced<String>>,
    /// The latest session they were the counterpart of, if any.
    pub met: Option<String>,
    /// The latest session that said anything of them.
    pub last_seen: String,
}

impl Known {
    fn plays(&self, role: Role) -> bool {
        self.roles.as_ref().is_some_and(|r| r.value.contains(&role))
    }

    /// Each session this person's facts came from, with the facts, oldest
    /// first: `("…-prep", ["roles", "influence"])`.
    pub fn sources(&self) -> Vec<(&str, Vec<&'static str>)> {
        let mut out: Vec<(&str, Vec<&'static str>)> = Vec::new();
        let facts = [
            ("roles", self.roles.as_ref().map(|s| s.from.as_str())),
            (
                "influence",
                self.influence.as_ref().map(|s| s.from.as_str()),
            ),
            ("mode", self.mode.as_ref().map(|s| s.from.as_str())),
            ("rating", self.rating.as_ref().map(|s| s.from.as_str())),
            ("win", self.win.as_ref().map(|s| s.from.as_str())),
            ("met", self.met.as_deref()),
        ];
        for (fact, from) in facts {
            let Some(from) = from else { continue };
            match out.iter_mut().find(|(id, _)| *id == from) {
                Some((_, list)) => list.push(fact),
                None => out.push((from, vec![fact])),
            }
        }
        out.sort_by(|a, b| a.0.cmp(b.0));
        out
    }
}

/// One red flag: a stable `kind` for scripts and a sentence for people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RedFlag {
    pub kind: &'static str,
    pub message: String,
    /// The flag in a few words, for the one line on the card and in a prep.
    #[serde(skip)]
    pub short: String,
}

/// The account's Blue Sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub name: String,
    pub sessions: usize,
    /// The newest session's id and day.
    pub last: Option<(String, Date)>,
    /// In the order they were first named.
    pub people: Vec<Known>,
    pub red_flags: Vec<RedFlag>,
}

/// Put together what `sessions` (any order; those of other accounts are
/// left out) say of the people at `account`, as of `today`.
pub fn blue_sheet(account: &str, sessions: &[Session], today: Date) -> Account {
    let mut ours: Vec<&Session> = sessions
        .iter()
        .filter(|s| same(&s.account, account))
        .collect();
    ours.sort_by(|a, b| (a.date.timestamp(), &a.id).cmp(&(b.date.timestamp(), &b.id)));
    let mut people: Vec<Known> = Vec::new();
    for s in &ours {
        if !s.with.trim().is_empty() {
            let known = entry(&mut people, &s.with, &s.id);
            known.met = Some(s.id.clone());
            if let Some(Answer::List(values)) = s.meant(Meaning::BuyingInfluences) {
                let roles: Vec<Role> = values.iter().filter_map(|v| Role::parse(v)).collect();
                if !roles.is_empty() {
                    known.roles = Some(sourced(roles, s));
                }
            }
        }
        if let Some(Answer::People(records)) = s.meant(Meaning::BuyingInfluences) {
            for p in records {
                learn(entry(&mut people, &p.name, &s.id), p, s);
            }
        }
        for (planned, learned) in learned_people(s, &ours) {
            // Who was planned for and is not on the meeting's list has left.
            people.retain(|k| {
                !planned.iter().any(|p| same(&p.name, &k.name))
                    || learned.iter().any(|p| same(&p.name, &k.name))
            });
            for p in learned {
                learn(entry(&mut people, &p.name, &s.id), p, s);
            }
        }
    }
    let last = ours.last().map(|s| (s.id.clone(), s.date.date()));
    let name = ours
        .last()
        .map_or(account.trim().to_string(), |s| s.account.trim().to_string());
    let red_flags = flags::red_flags(&people, last.as_ref().map(|(_, d)| *d), today);
    Account {
        name,
        sessions: ours.len(),
        last,
        people,
        red_flags,
    }
}

/// What debrief `s` learned of the people: each `people` answer held (by
/// `plan:`) against its prep's buying influences (or against a prep coach
/// cannot read), with the people that prep planned for.
fn learned_people<'s>(s: &'s Session, ours: &[&'s Session]) -> Vec<(&'s [Person], &'s [Person])> {
    let prep = s
        .prep
        .as_deref()
        .and_then(|id| ours.iter().find(|p| p.id == id));
    s.plan_vs_actual
        .iter()
        .filter(|row| prep.is_none_or(|p| p.means.of(&row.plan) == Some(Meaning::BuyingInfluences)))
        .filter_map(|row| match (&row.planned, s.answer(&row.question)) {
            (planned, Some(Answer::People(learned))) => {
                let planned: &[Person] = match planned {
                    Some(Answer::People(p)) => p,
                    _ => &[],
                };
                Some((planned, learned.as_slice()))
            }
            _ => None,
        })
        .collect()
}

fn sourced<T>(value: T, s: &Session) -> Sourced<T> {
    Sourced {
        value,
        from: s.id.clone(),
    }
}

/// The person called `name` — the same name, or one of which either is a
/// part and no other is — added when new; they were seen in session `id`.
fn entry<'a>(people: &'a mut Vec<Known>, name: &str, id: &str) -> &'a mut Known {
    let part_of = |a: &str, b: &str| {
        matches!(
            crate::people::resolve(a, [b]),
            crate::people::Match::Part(_)
        )
    };
    let found = people.iter().position(|k| same(&k.name, name)).or_else(|| {
        let parts: Vec<usize> = (0..people.len())
            .filter(|&i| part_of(name, &people[i].name) || part_of(&people[i].name, name))
            .collect();
        (parts.len() == 1).then(|| parts[0])
    });
    let at = match found {
        Some(at) => at,
        None => {
            people.push(Known {
                name: String::new(),
                roles: None,
                influence: None,
                mode: None,
                rating: None,
                win: None,
                met: None,
                last_seen: id.to_string(),
            });
            people.len() - 1
        }
    };
    let known = &mut people[at];
    // The latest spelling of the name is the one shown; the fuller when a
    // part of it was written.
    let spelled = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if same(&known.name, &spelled) || known.name.is_empty() || !part_of(&spelled, &known.name) {
        known.name = spelled;
    }
    known.last_seen = id.to_string();
    known
}

/// What a `people` record says, over what was known: a field it leaves
/// out keeps the earlier word.
fn learn(known: &mut Known, p: &Person, s: &Session) {
    if !p.roles.is_empty() {
        known.roles = Some(sourced(p.roles.clone(), s));
    }
    if let Some(i) = p.influence {
        known.influence = Some(sourced(i, s));
    }
    if let Some(m) = p.mode {
        known.mode = Some(sourced(m, s));
    }
    if let Some(r) = p.rating {
        known.rating = Some(sourced(r, s));
    }
    if let Some(w) = p.win.as_deref().filter(|w| !w.trim().is_empty()) {
        known.win = Some(sourced(w.trim().to_string(), s));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::playbook::{Kind, Meanings};
    use crate::session::Answers;

    fn session(id: &str, day: &str, with: &str, answers: Vec<(&str, Answer)>) -> Session {
        Session {
            id: id.into(),
            kind: Kind::Prep,
            playbook: "group-decision".into(),
            playbook_version: 1,
            title: String::new(),
            with: with.into(),
            account: "Northwind".into(),
            date: format!("{day}T10:00:00+00:00").parse().unwrap(),
            tags: vec![],
            prep: None,
            answers: Answers(answers.into_iter().map(|(k, v)| (k.into(), v)).collect()),
            means: Meanings(vec![("buying_influences".into(), "influences".into())]),
            skipped: vec![],
            nudges: vec![],
            plan_vs_actual: vec![],
            followups: vec![],
            listen: None,
            call_at: None,
            participants: Vec::new(),
            coach_version: "0.1.0".into(),
        }
    }

    fn person(name: &str, roles: &[Role]) -> Person {
        Person {
            name: name.into(),
            roles: roles.to_vec(),
            ..Person::default()
        }
    }

    #[test]
    fn the_latest_word_wins_and_keeps_its_session() {
        let first = session(
            "a",
            "2026-11-01",
            "Maria Lopez",
            vec![(
                "influences",
                Answer::People(vec![
                    Person {
                        mode: Some(Mode::EvenKeel),
                        rating: Some(1),
                        win: Some("board story".into()),
                        ..person("Tom Reyes", &[Role::Economic])
                    },
                    person("Maria Lopez", &[Role::Coach]),
                ]),
            )],
        );
        // The debrief after it: Tom as the meeting showed him (Maria left out
        // of the list, so she has left the sheet), and a part of a name.
        let learned = Answer::People(vec![
            Person {
                mode: Some(Mode::Trouble),
                ..person("Tom Reyes", &[])
            },
            person("Dana", &[Role::User]),
        ]);
        let mut second = session(
            "b",
            "2026-11-20",
            "TOM  reyes",
            vec![("learned", learned.clone())],
        );
        second.kind = Kind::Debrief;
        second.prep = Some("a".into());
        second.means = Meanings::default();
        second.plan_vs_actual = vec![crate::flow::PlanVsActual {
            question: "learned".into(),
            plan: "influences".into(),
            ask: String::new(),
            planned: first.answer("influences").cloned(),
            actual: Some(learned),
        }];
        // A later prep names Dana in full; she is the same person.
        let third = session(
            "c",
            "2026-11-21",
            "Dana Lee",
            vec![(
                "influences",
                Answer::People(vec![person("Dana Lee", &[Role::Technical])]),
            )],
        );
        let other = Session {
            account: "Elsewhere".into(),
            ..session("z", "2026-11-25", "Tom Reyes", vec![])
        };
        // Given newest first, as the store lists them.
        let sheet = blue_sheet(
            "northwind",
            &[other, third, second, first],
            "2026-11-30".parse().unwrap(),
        );
        assert_eq!(sheet.sessions, 3);
        let names: Vec<&str> = sheet.people.iter().map(|k| k.name.as_str()).collect();
        assert_eq!(
            names,
            ["Tom Reyes", "Dana Lee"],
            "Maria has left; Dana is Dana Lee"
        );
        assert_eq!(
            sheet.people[1].roles.as_ref().map(|r| r.value.clone()),
            Some(vec![Role::Technical])
        );
        let tom = &sheet.people[0];
        assert_eq!(
            tom.roles,
            Some(Sourced {
                value: vec![Role::Economic],
                from: "a".into()
            })
        );
        assert_eq!(
            tom.mode.as_ref().map(|m| (m.value, m.from.as_str())),
            Some((Mode::Trouble, "b"))
        );
        assert_eq!(tom.rating.as_ref().map(|r| r.value), Some(1));
        assert_eq!(tom.met.as_deref(), Some("b"));
        assert_eq!(tom.last_seen, "b");
        assert_eq!(
            tom.sources(),
            [
                ("a", vec!["roles", "rating", "win"]),
                ("b", vec!["mode", "met"])
            ]
        );
        let kinds: Vec<&str> = sheet.red_flags.iter().map(|f| f.kind).collect();
        assert_eq!(kinds, ["no_user", "no_coach"]);
    }

    #[test]
    fn each_red_flag_is_raised_where_the_sheet_is_blind() {
        let s = session(
            "a",
            "2026-10-01",
            "Maria Lopez",
            vec![(
                "influences",
                Answer::People(vec![
                    Person {
                        influence: Some(Influence::High),
                        rating: Some(-2),
                        ..person("Tom Reyes", &[Role::Economic])
                    },
                    Person {
                        mode: Some(Mode::Overconfident),
                        ..person("Priya Shah", &[Role::Technical])
                    },
                ]),
            )],
        );
        let sheet = blue_sheet("Northwind", &[s], "2026-11-30".parse().unwrap());
        let kinds: Vec<&str> = sheet.red_flags.iter().map(|f| f.kind).collect();
        assert_eq!(
            kinds,
            [
                "no_user",
                "no_coach",
                "economic_not_met",
                "high_influence_against",
                "high_influence_mode_unknown",
                "overconfident",
                "no_recent_session"
            ]
        );
        assert_eq!(
            flags_line(&sheet).unwrap(),
            "nobody uses it; nobody guides you; never met Tom Reyes, who signs; Tom Reyes rates you -2; how Tom Reyes sees it is unknown; Priya Shah is overconfident; no session in 60 days."
        );
    }

    #[test]
    fn only_the_buying_influences_are_read() {
        // A people question that means nothing (who came to a party) is no
        // account's Blue Sheet.
        let s = session(
            "a",
            "2026-11-29",
            "Jane Smith",
            vec![(
                "guests",
                Answer::People(vec![person("Tom Reyes", &[Role::Economic])]),
            )],
        );
        let sheet = blue_sheet("Northwind", &[s], "2026-11-30".parse().unwrap());
        let names: Vec<&str> = sheet.people.iter().map(|k| k.name.as_str()).collect();
        assert_eq!(names, ["Jane Smith"]);
    }

    #[test]
    fn a_multi_answer_gives_the_counterparts_roles() {
        let s = session(
            "a",
            "2026-11-29",
            "Jane Smith",
            vec![(
                "influences",
                Answer::List(vec!["economic".into(), "user".into()]),
            )],
        );
        let sheet = blue_sheet("Northwind", &[s], "2026-11-30".parse().unwrap());
        assert_eq!(sheet.people.len(), 1);
        assert!(sheet.people[0].plays(Role::Economic));
        let kinds: Vec<&str> = sheet.red_flags.iter().map(|f| f.kind).collect();
        assert_eq!(kinds, ["no_technical", "no_coach"]);
        assert_eq!(
            flags_line(&blue_sheet("Nobody", &[], "2026-11-30".parse().unwrap())).as_deref(),
            Some("nobody signs; nobody uses it; nobody screens it; nobody guides you.")
        );
    }
}
