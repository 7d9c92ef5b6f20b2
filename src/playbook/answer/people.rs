//! A `people` answer (DESIGN.md section 4): from YAML, a list of records
//! (`- {name: Jane Smith, roles: [economic], rating: 2}`) or of names, each
//! field checked and every misfit placed at the field (or the role) that
//! has it; from typed text, a name a line. Either way each person is named
//! once, at most [`MAX_PEOPLE`] of them, as many as the question allows.

use super::{Misfit, count, expected};
use crate::diag::Loc;
use crate::playbook::model::{Answer, Influence, Mode, Person, Question, Role};
use crate::text::{did_you_mean, one_of};
use crate::yaml::{Node, Value};

/// The fields of a `people` record, in the order they are written.
pub const PERSON_FIELDS: [&str; 6] = ["name", "roles", "influence", "mode", "rating", "win"];

/// The most people one answer may hold: a buying committee, not a phone
/// book, and a bound on what a hostile file can make coach compare.
pub const MAX_PEOPLE: usize = 500;

/// A `people` answer from YAML: a list of maps (`- name: Jane Smith`,
/// `roles: [economic]`, ...), or of plain names. Every misfit is reported,
/// each at the field (or the role) that has it.
pub(super) fn from_node(q: &Question, node: &Node) -> Result<Option<Answer>, Vec<Misfit>> {
    let items = match &node.value {
        Value::Null => return Ok(None),
        Value::Seq(items) => items,
        other => {
            return Err(vec![
                format!("expected {}, found {}", expected(q), other.describe()).into(),
            ]);
        }
    };
    if items.len() > MAX_PEOPLE {
        return Err(vec![Misfit {
            at: Some(items[MAX_PEOPLE].loc),
            reason: format!(
                "a list holds at most {MAX_PEOPLE} people; found {}",
                items.len()
            ),
        }]);
    }
    let mut misfits = Vec::new();
    let mut at = |loc: Loc, reason: String| {
        misfits.push(Misfit {
            at: Some(loc),
            reason,
        })
    };
    let mut out = Vec::with_capacity(items.len());
    let mut seen = std::collections::HashSet::new();
    for item in items {
        let person = match &item.value {
            Value::Str(name) => Person {
                name: name.trim().to_string(),
                ..Person::default()
            },
            Value::Map(entries) => {
                let mut person = Person::default();
                for (key, value) in entries {
                    if !PERSON_FIELDS.contains(&key.name.as_str()) {
                        let mut reason = format!(
                            "a person has no `{}`; the fields are {}",
                            key.name,
                            one_of(&PERSON_FIELDS)
                        );
                        if let Some(close) = did_you_mean(&key.name, PERSON_FIELDS) {
                            reason.push_str(&format!("; did you mean `{close}`?"));
                        }
                        at(key.loc, reason);
                        continue;
                    }
                    if let Err((loc, reason)) = person_field(&mut person, &key.name, value) {
                        at(loc.unwrap_or(value.loc), reason);
                    }
                }
                person
            }
            other => {
                at(
                    item.loc,
                    format!(
                        "expected a person (a name, or a mapping with `name:`), found {}",
                        other.describe()
                    ),
                );
                continue;
            }
        };
        if !named(&person.name) {
            at(
                item.loc,
                "each person needs a name with a letter or digit in it (like `- name: Jane Smith`)"
                    .into(),
            );
            continue;
        }
        // The same person twice is placed at the second.
        if !seen.insert(crate::people::fold(&person.name)) {
            at(item.loc, twice(&person.name));
            continue;
        }
        out.push(person);
    }
    if !misfits.is_empty() {
        return Err(misfits);
    }
    checked(q, out).map_err(|reason| vec![reason.into()])
}

/// Whether a name has something to read in it.
fn named(name: &str) -> bool {
    name.chars().any(char::is_alphanumeric)
}

/// One field of a person's record, checked; an error may name a place
/// inside the value (one role of a list).
fn person_field(
    person: &mut Person,
    field: &str,
    value: &Node,
) -> Result<(), (Option<Loc>, String)> {
    let whole = |reason: String| (None, reason);
    if matches!(value.value, Value::Null) {
        return Ok(());
    }
    fn pick<T: Copy>(
        field: &str,
        text: &str,
        parse: fn(&str) -> Option<T>,
        names: Vec<&'static str>,
    ) -> Result<T, String> {
        parse(text).ok_or_else(|| {
            let mut reason = format!("`{text}` is no {field}: it is one of {}", one_of(&names));
            if let Some(close) = did_you_mean(text, names.iter().copied()) {
                reason.push_str(&format!("; did you mean `{close}`?"));
            }
            reason
        })
    }
    let text = |what: &str| match &value.value {
        Value::Str(t) => Ok(t.trim().to_string()),
        other => Err((
            None,
            format!("`{field}` is {what}, found {}", other.describe()),
        )),
    };
    match field {
        "name" => person.name = text("a name (text)")?,
        "win" => {
            let win = value
                .scalar_text()
                .ok_or_else(|| whole(format!("`win` is text, found {}", value.value.describe())))?;
            person.win = Some(win.trim().to_string()).filter(|w| !w.is_empty());
        }
        "influence" => {
            let t = text("one of high, medium or low")?;
            person.influence =
                Some(pick("influence", &t, Influence::parse, Influence::names()).map_err(whole)?)
        }
        "mode" => {
            let t = text("one of growth, trouble, even_keel or overconfident")?;
            person.mode = Some(pick("mode", &t, Mode::parse, Mode::names()).map_err(whole)?)
        }
        "roles" => {
            let items: Vec<(Loc, String)> = match &value.value {
                Value::Str(t) => t
                    .split(',')
                    .map(|r| (value.loc, r.trim().to_string()))
                    .collect(),
                Value::Seq(items) => items
                    .iter()
                    .map(|i| {
                        i.as_str()
                            .map(|t| (i.loc, t.trim().to_string()))
                            .ok_or_else(|| {
                                (
                                    Some(i.loc),
                                    format!(
                                        "`roles` is a list of roles, found {} in it",
                                        i.value.describe()
                                    ),
                                )
                            })
                    })
                    .collect::<Result<_, _>>()?,
                other => {
                    return Err(whole(format!(
                        "`roles` is a list of roles, found {}",
                        other.describe()
                    )));
                }
            };
            for (loc, t) in items.iter().filter(|(_, t)| !t.is_empty()) {
                let role =
                    pick("role", t, Role::parse, Role::names()).map_err(|r| (Some(*loc), r))?;
                if !person.roles.contains(&role) {
                    person.roles.push(role);
                }
            }
        }
        "rating" => {
            let range = "`rating` is a whole number from -5 (against you) to +5 (for you)";
            let n = match &value.value {
                Value::Int(n) => Some(*n),
                Value::Str(t) => signed(t.trim()),
                Value::Float(_) => return Err(whole(format!("{range}, found a decimal number"))),
                other => return Err(whole(format!("{range}, found {}", other.describe()))),
            };
            match n {
                Some(n) if (-5..=5).contains(&n) => person.rating = Some(n as i8),
                Some(n) => return Err(whole(format!("{range}, found {n}"))),
                None => {
                    let t = value.scalar_text().unwrap_or_default();
                    return Err(whole(format!(
                        "{range}, found `{}`",
                        crate::text::printable_line(&t)
                    )));
                }
            }
        }
        _ => {}
    }
    Ok(())
}

/// `3`, `+3` or `-3`: one sign at most, then digits.
fn signed(t: &str) -> Option<i64> {
    let digits = t.strip_prefix(['+', '-']).unwrap_or(t);
    if digits.is_empty() || digits.len() > 3 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: i64 = digits.parse().ok()?;
    Some(if t.starts_with('-') { -n } else { n })
}

/// People checked as a whole: named, each once, as many as the question allows.
pub(super) fn checked(q: &Question, people: Vec<Person>) -> Result<Option<Answer>, String> {
    let people: Vec<Person> = people.into_iter().filter(|p| named(&p.name)).collect();
    let mut seen = std::collections::HashSet::new();
    for p in &people {
        if !seen.insert(crate::people::fold(&p.name)) {
            return Err(twice(&p.name));
        }
    }
    if people.is_empty() {
        return Ok(None);
    }
    count(q, people.len(), "person", "people")?;
    Ok(Some(Answer::People(people)))
}

fn twice(name: &str) -> String {
    format!("`{name}` is listed twice: give each person one record")
}

#[cfg(test)]
mod tests {
    use super::super::tests::{node, q};
    use super::super::{fits, from_node};
    use super::*;
    use crate::playbook::QuestionType;

    #[test]
    fn people_are_records_checked_field_by_field() {
        let mut question = q(QuestionType::People);
        question.max = Some(3);
        let yaml = "\n  - name: Dana Lee\n    roles: [economic, Coach]\n    influence: high\n    mode: even keel\n    rating: +2\n    win: a calmer quarter\n  - Mo Reyes\n  - {name: Sam Park, roles: technical, rating: '-3'}";
        let Ok(Some(Answer::People(people))) = from_node(&question, &node(yaml)) else {
            panic!("{:?}", from_node(&question, &node(yaml)));
        };
        assert_eq!(
            people[0],
            Person {
                name: "Dana Lee".into(),
                roles: vec![Role::Economic, Role::Coach],
                influence: Some(Influence::High),
                mode: Some(Mode::EvenKeel),
                rating: Some(2),
                win: Some("a calmer quarter".into()),
            }
        );
        assert_eq!(people[1].name, "Mo Reyes");
        assert_eq!(people[1].roles, []);
        assert_eq!(
            (people[2].roles.clone(), people[2].rating),
            (vec![Role::Technical], Some(-3))
        );
        // Each misfit names the field, what it takes, and where it is.
        let cases = [
            (
                "[{name: A, rating: 7}]",
                1,
                23,
                "`rating` is a whole number from -5 (against you) to +5 (for you), found 7",
            ),
            (
                "[{name: A, roles: [signer]}]",
                1,
                23,
                "`signer` is no role: it is one of `economic`, `user`, `technical` or `coach`",
            ),
            (
                "[{name: A, mode: trubble}]",
                1,
                21,
                "`trubble` is no mode: it is one of `growth`, `trouble`, `even_keel` or `overconfident`; did you mean `trouble`?",
            ),
            (
                "[{name: A, influense: high}]",
                1,
                15,
                "a person has no `influense`; the fields are `name`, `roles`, `influence`, `mode`, `rating` or `win`; did you mean `influence`?",
            ),
            (
                "[{roles: [user]}]",
                1,
                5,
                "each person needs a name with a letter or digit in it (like `- name: Jane Smith`)",
            ),
            (
                "[[a]]",
                1,
                5,
                "expected a person (a name, or a mapping with `name:`), found a list",
            ),
        ];
        for (yaml, line, col, want) in cases {
            let got = &from_node(&question, &node(yaml)).unwrap_err()[0];
            assert_eq!(got.reason, want, "{yaml}");
            let at = got.at.expect(yaml);
            assert_eq!((at.line, at.col), (line, col), "{yaml}");
        }
        assert_eq!(
            from_node(&question, &node("[A, B, a]")).unwrap_err()[0].reason,
            "`a` is listed twice: give each person one record"
        );
        assert_eq!(
            from_node(&question, &node("[A, B, C, D]")).unwrap_err()[0].reason,
            "expected at most 3 people, found 4"
        );
        assert_eq!(
            from_node(&question, &node("Dana")).unwrap_err()[0].reason,
            "expected a list of people, each a mapping like `{name: Jane Smith, roles: [economic]}`, found a string"
        );
        assert_eq!(from_node(&question, &node("[]")), Ok(None));
        // Every misfit is reported, each where it is; a role at the role.
        let all = from_node(
            &question,
            &node("[{name: A, mode: troubel, rating: '++3'}, {name: B, roles: [user, usr]}, '  ', \"\\u200b\"]"),
        )
        .unwrap_err();
        let found: Vec<(usize, &str)> = all
            .iter()
            .map(|m| (m.at.unwrap().col, m.reason.split(':').next().unwrap()))
            .collect();
        assert_eq!(
            found,
            [
                (21, "`troubel` is no mode"),
                (
                    38,
                    "`rating` is a whole number from -5 (against you) to +5 (for you), found `++3`"
                ),
                (70, "`usr` is no role"),
                (
                    77,
                    "each person needs a name with a letter or digit in it (like `- name"
                ),
                (
                    83,
                    "each person needs a name with a letter or digit in it (like `- name"
                ),
            ]
        );
        assert_eq!(
            from_node(&question, &node("[{name: A, rating: 2.0}]")).unwrap_err()[0].reason,
            "`rating` is a whole number from -5 (against you) to +5 (for you), found a decimal number"
        );
        // An answer from elsewhere fits while the count does.
        assert!(fits(&question, &Answer::People(people.clone())));
        question.max = Some(2);
        assert!(!fits(&question, &Answer::People(people)));
        assert!(!fits(&question, &Answer::List(vec!["Dana".into()])));
    }
}
