//! Turning what a person wrote (a YAML value in a playbook default or an
//! answers file, or a line typed at a prompt) into a typed [`Answer`] for a
//! question, with a message that says what was expected when it does not fit.

use super::model::{Answer, Influence, Mode, Person, Question, QuestionType, Role};
use crate::diag::Loc;
use crate::text::{did_you_mean, one_of};
use crate::yaml::{Node, Value};

/// Why a YAML value does not fit a question, and where inside it (a field
/// of one person in a `people` answer); `None` is the value as a whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Misfit {
    pub at: Option<Loc>,
    pub reason: String,
}

impl From<String> for Misfit {
    fn from(reason: String) -> Self {
        Misfit { at: None, reason }
    }
}

/// Check a YAML value against the question. `Ok(None)` means no answer (null
/// or an empty string or list); an error is every misfit found.
pub fn from_node(q: &Question, node: &Node) -> Result<Option<Answer>, Vec<Misfit>> {
    if q.ty == QuestionType::People {
        return people_from_node(q, node);
    }
    scalar_or_list(q, node).map_err(|reason| vec![reason.into()])
}

fn scalar_or_list(q: &Question, node: &Node) -> Result<Option<Answer>, String> {
    match (&node.value, q.ty) {
        (Value::Null, _) => Ok(None),
        (Value::Seq(items), QuestionType::List | QuestionType::Multi) => {
            let mut texts = Vec::with_capacity(items.len());
            for item in items {
                match item.scalar_text() {
                    Some(t) => texts.push(t),
                    None => {
                        return Err(format!(
                            "expected a list of strings, found {} in the list",
                            item.value.describe()
                        ));
                    }
                }
            }
            list(q, texts)
        }
        (Value::Seq(_) | Value::Map(_), _) => Err(format!(
            "expected {}, found {}",
            expected(q),
            node.value.describe()
        )),
        (Value::Bool(b), QuestionType::Yesno) => Ok(Some(Answer::Bool(*b))),
        (Value::Int(n), QuestionType::Scale | QuestionType::Number) => int(q, *n).map(Some),
        (Value::Float(_), QuestionType::Scale | QuestionType::Number) => {
            Err(format!("expected {}, found a decimal number", expected(q)))
        }
        (Value::Bool(_), QuestionType::Scale | QuestionType::Number | QuestionType::Date) => {
            Err(format!("expected {}, found true/false", expected(q)))
        }
        (Value::Int(_) | Value::Float(_), QuestionType::Yesno | QuestionType::Date) => {
            Err(format!("expected {}, found a number", expected(q)))
        }
        _ => {
            let text = node.scalar_text().unwrap_or_default();
            from_text(q, &text)
        }
    }
}

/// Check typed text against the question: a number for `number`, a date for
/// `date`, one line per item for `list`. `Ok(None)` for blank text.
pub fn from_text(q: &Question, text: &str) -> Result<Option<Answer>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    match q.ty {
        QuestionType::Text | QuestionType::Long => Ok(Some(Answer::Text(text.to_string()))),
        QuestionType::List | QuestionType::Multi => {
            list(q, text.lines().map(str::to_owned).collect())
        }
        QuestionType::Choice => choice(q, text).map(|v| Some(Answer::Text(v))),
        QuestionType::Yesno => match text.to_lowercase().as_str() {
            "y" | "yes" | "true" | "on" => Ok(Some(Answer::Bool(true))),
            "n" | "no" | "false" | "off" => Ok(Some(Answer::Bool(false))),
            _ => Err(format!("expected yes or no, found `{text}`")),
        },
        QuestionType::Scale | QuestionType::Number => match text.parse::<i64>() {
            Ok(n) => int(q, n).map(Some),
            Err(_) => Err(format!("expected {}, found `{text}`", expected(q))),
        },
        QuestionType::Date => match text.parse::<jiff::civil::Date>() {
            Ok(d) if text.len() == 10 => Ok(Some(Answer::Text(d.to_string()))),
            _ => Err(format!(
                "expected a date as YYYY-MM-DD (like 2026-12-01), found `{text}`"
            )),
        },
        // Typed text is a name a line; the rest of each record is asked.
        QuestionType::People => people(
            q,
            text.lines()
                .map(|name| Person {
                    name: name.trim().to_string(),
                    ..Person::default()
                })
                .collect(),
        ),
    }
}

/// The fields of a `people` record, in the order they are written.
pub const PERSON_FIELDS: [&str; 6] = ["name", "roles", "influence", "mode", "rating", "win"];

/// The most people one answer may hold: a buying committee, not a phone
/// book, and a bound on what a hostile file can make coach compare.
pub const MAX_PEOPLE: usize = 500;

/// A `people` answer from YAML: a list of maps (`- name: Jane Smith`,
/// `roles: [economic]`, ...), or of plain names. Every misfit is reported,
/// each at the field (or the role) that has it.
fn people_from_node(q: &Question, node: &Node) -> Result<Option<Answer>, Vec<Misfit>> {
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
    people(q, out).map_err(|reason| vec![reason.into()])
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
fn people(q: &Question, people: Vec<Person>) -> Result<Option<Answer>, String> {
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

/// Whether `n` items fit the question's `min`/`max`.
fn count(q: &Question, n: usize, one: &str, many: &str) -> Result<(), String> {
    let n = n as i64;
    let name = |k: i64| if k == 1 { one } else { many };
    if let Some(min) = q.min.filter(|&m| n < m) {
        return Err(format!("expected at least {min} {}, found {n}", name(min)));
    }
    if let Some(max) = q.max.filter(|&m| n > m) {
        return Err(format!("expected at most {max} {}, found {n}", name(max)));
    }
    Ok(())
}

/// Whether an answer given elsewhere (a prep's, a draft's) is a valid answer
/// to this question as it stands.
pub fn fits(q: &Question, a: &Answer) -> bool {
    let in_choices = |v: &String| q.choices.iter().any(|c| c.value() == v);
    match (q.ty, a) {
        (QuestionType::Text | QuestionType::Long, Answer::Text(_)) => true,
        (QuestionType::List, Answer::List(_)) => true,
        (QuestionType::Yesno, Answer::Bool(_)) => true,
        (QuestionType::Scale | QuestionType::Number, Answer::Int(n)) => int(q, *n).is_ok(),
        (QuestionType::Choice, Answer::Text(v)) => in_choices(v),
        (QuestionType::Multi, Answer::List(vs)) => vs.iter().all(in_choices),
        (QuestionType::Date, Answer::Text(t)) => from_text(q, t).is_ok(),
        (QuestionType::People, Answer::People(p)) => count(q, p.len(), "", "").is_ok(),
        _ => false,
    }
}

/// What the question expects, in words: "a whole number from 1 to 5".
pub fn expected(q: &Question) -> String {
    match q.ty {
        QuestionType::Text => "one line of text".into(),
        QuestionType::Long => "text".into(),
        QuestionType::List => "a list of strings".into(),
        QuestionType::Choice => format!("one of {}", one_of(&values(q))),
        QuestionType::Multi => format!("a list of {}", one_of(&values(q))),
        QuestionType::Yesno => "yes or no".into(),
        QuestionType::Scale => {
            let (lo, hi) = q.scale_range();
            format!("a whole number from {lo} to {hi}")
        }
        QuestionType::Number => match (q.min, q.max) {
            (Some(lo), Some(hi)) => format!("a whole number from {lo} to {hi}"),
            (Some(lo), None) => format!("a whole number of at least {lo}"),
            (None, Some(hi)) => format!("a whole number of at most {hi}"),
            (None, None) => "a whole number".into(),
        },
        QuestionType::Date => "a date as YYYY-MM-DD".into(),
        QuestionType::People => {
            "a list of people, each a mapping like `{name: Jane Smith, roles: [economic]}`".into()
        }
    }
}

fn values(q: &Question) -> Vec<&str> {
    q.choices.iter().map(|c| c.value()).collect()
}

fn int(q: &Question, n: i64) -> Result<Answer, String> {
    let (lo, hi) = match q.ty {
        QuestionType::Scale => {
            let (lo, hi) = q.scale_range();
            (Some(lo), Some(hi))
        }
        _ => (q.min, q.max),
    };
    if lo.is_some_and(|lo| n < lo) || hi.is_some_and(|hi| n > hi) {
        return Err(format!("expected {}, found {n}", expected(q)));
    }
    Ok(Answer::Int(n))
}

/// A choice value, matched exactly, or by label or case when unambiguous.
fn choice(q: &Question, text: &str) -> Result<String, String> {
    if let Some(c) = q.choices.iter().find(|c| c.value() == text) {
        return Ok(c.value().to_string());
    }
    let lower = text.to_lowercase();
    if let Some(c) = q
        .choices
        .iter()
        .find(|c| c.value().to_lowercase() == lower || c.label().to_lowercase() == lower)
    {
        return Ok(c.value().to_string());
    }
    let mut message = format!("`{text}` is not one of {}", one_of(&values(q)));
    if let Some(close) = did_you_mean(text, values(q)) {
        message.push_str(&format!("; did you mean `{close}`?"));
    }
    Err(message)
}

fn list(q: &Question, items: Vec<String>) -> Result<Option<Answer>, String> {
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        let item = item.trim();
        if item.is_empty() {
            continue;
        }
        if q.ty == QuestionType::Multi {
            let value = choice(q, item)?;
            if !out.contains(&value) {
                out.push(value);
            }
        } else {
            out.push(item.to_string());
        }
    }
    if out.is_empty() {
        return Ok(None);
    }
    count(q, out.len(), "item(s)", "item(s)")?;
    Ok(Some(Answer::List(out)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Source;
    use crate::playbook::model::Choice;
    use crate::playbook::{Influence, Mode, Person, Role};

    fn q(ty: QuestionType) -> Question {
        Question {
            id: "q".into(),
            ask: "?".into(),
            help: None,
            ty,
            choices: vec![
                Choice::Plain("growth".into()),
                Choice::Full {
                    value: "even_keel".into(),
                    label: Some("Even keel".into()),
                    hint: None,
                },
            ],
            choices_from: None,
            min: None,
            max: None,
            labels: None,
            default: None,
            required: false,
            when: None,
            plan: None,
            depth: None,
            means: None,
            check: None,
            nudge: None,
            nudges: vec![],
        }
    }

    fn node(yaml: &str) -> Node {
        let tree = crate::yaml::parse(&Source::new("t", format!("v: {yaml}"))).unwrap();
        let Value::Map(mut entries) = tree.value else {
            unreachable!()
        };
        entries.remove(0).1
    }

    #[test]
    fn every_type_from_yaml() {
        use QuestionType::*;
        type Case = (
            QuestionType,
            &'static str,
            Result<Option<Answer>, &'static str>,
        );
        let cases: Vec<Case> = vec![
            (Text, "hello", Ok(Some(Answer::Text("hello".into())))),
            (Text, "5000", Ok(Some(Answer::Text("5000".into())))),
            (Text, "''", Ok(None)),
            (
                Long,
                "|\n  one\n  two",
                Ok(Some(Answer::Text("one\ntwo".into()))),
            ),
            (
                List,
                "[a, b]",
                Ok(Some(Answer::List(vec!["a".into(), "b".into()]))),
            ),
            (List, "[]", Ok(None)),
            (Choice, "growth", Ok(Some(Answer::Text("growth".into())))),
            (
                Choice,
                "Even keel",
                Ok(Some(Answer::Text("even_keel".into()))),
            ),
            (
                Choice,
                "grwoth",
                Err("`grwoth` is not one of `growth` or `even_keel`; did you mean `growth`?"),
            ),
            (
                Multi,
                "[growth, growth, even_keel]",
                Ok(Some(Answer::List(vec![
                    "growth".into(),
                    "even_keel".into(),
                ]))),
            ),
            (Yesno, "true", Ok(Some(Answer::Bool(true)))),
            (Yesno, "maybe", Err("expected yes or no, found `maybe`")),
            (Scale, "3", Ok(Some(Answer::Int(3)))),
            (
                Scale,
                "6",
                Err("expected a whole number from 1 to 5, found 6"),
            ),
            (
                Scale,
                "2.5",
                Err("expected a whole number from 1 to 5, found a decimal number"),
            ),
            (Number, "-7", Ok(Some(Answer::Int(-7)))),
            (
                Date,
                "2026-12-01",
                Ok(Some(Answer::Text("2026-12-01".into()))),
            ),
            (
                Date,
                "2026-02-30",
                Err("expected a date as YYYY-MM-DD (like 2026-12-01), found `2026-02-30`"),
            ),
            (Text, "[a]", Err("expected one line of text, found a list")),
        ];
        for (ty, yaml, want) in cases {
            let got = from_node(&q(ty), &node(yaml)).map_err(|m| m[0].reason.clone());
            assert_eq!(got, want.map_err(str::to_owned), "{ty:?} {yaml}");
        }
    }

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

    #[test]
    fn list_counts_are_checked() {
        let mut question = q(QuestionType::List);
        question.min = Some(2);
        question.max = Some(3);
        assert_eq!(
            from_text(&question, "one"),
            Err("expected at least 2 item(s), found 1".into())
        );
        assert!(from_text(&question, "one\ntwo").is_ok());
        let multi = q(QuestionType::Multi);
        assert_eq!(
            from_text(&multi, "growth\neven_keel"),
            Ok(Some(Answer::List(vec![
                "growth".into(),
                "even_keel".into()
            ])))
        );
        assert_eq!(
            from_text(&question, "1\n2\n3\n4"),
            Err("expected at most 3 item(s), found 4".into())
        );
    }
}
