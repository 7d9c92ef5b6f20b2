//! Turning what a person wrote (a YAML value in a playbook default or an
//! answers file, or a line typed at a prompt) into a typed [`Answer`] for a
//! question, with a message that says what was expected when it does not fit.

mod people;

pub use people::{MAX_PEOPLE, PERSON_FIELDS};

use super::model::{Answer, Person, Question, QuestionType};
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
        return people::from_node(q, node);
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
        QuestionType::People => people::checked(
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

/// Whether `n` items fit the question's `min`/`max`.
pub(super) fn count(q: &Question, n: usize, one: &str, many: &str) -> Result<(), String> {
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

    pub(super) fn q(ty: QuestionType) -> Question {
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

    pub(super) fn node(yaml: &str) -> Node {
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
