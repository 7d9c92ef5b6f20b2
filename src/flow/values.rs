//! Answers as templates and people see them: a value for the template
//! context, a label for the summary and the notes, choices taken from the
//! prep, and a text rendered for a counterpart outside a walk. A question
//! without an answer is left out of the context (undefined), so
//! `'x' in roles` is simply false and `{{ goal }}` prints nothing; the
//! `none` test (`template::environment`) treats it as none.

use std::collections::BTreeMap;

use minijinja::Value;

use super::PrepContext;
use crate::playbook::{Answer, Playbook, Question, QuestionType};
use crate::template;

/// A debrief playbook fitted to its prep: the choices of each
/// `choices_from: prep.<id>` question taken from that list answer of the
/// prep (none without a prep), and a `plan:` the prep has no question for
/// (a debrief that follows preps of other playbooks, as the default one
/// does) dropped, so the question is asked plainly rather than held
/// against nothing.
pub fn with_prep_choices(playbook: &Playbook, prep: Option<&PrepContext>) -> Playbook {
    let mut out = playbook.clone();
    for q in out.sections.iter_mut().flat_map(|s| s.questions.iter_mut()) {
        if let (Some(plan), Some(prep)) = (&q.plan, prep)
            && !prep.knows(plan)
        {
            q.plan = None;
        }
        let Some(from) = q
            .choices_from
            .as_deref()
            .and_then(|f| f.strip_prefix("prep."))
        else {
            continue;
        };
        let items = match prep.and_then(|p| p.answer(from)) {
            Some(Answer::List(items)) => items.clone(),
            Some(Answer::Text(text)) => vec![text.clone()],
            _ => Vec::new(),
        };
        q.choices = items
            .into_iter()
            .map(crate::playbook::model::Choice::Plain)
            .collect();
    }
    out
}

/// A playbook's text rendered for a counterpart alone, outside a walk (the
/// card's stance reminder, the last debrief's questions in the next prep); a
/// template that fails shows as written.
pub fn render_for(text: &str, with: &str, account: &str) -> String {
    let ctx = BTreeMap::from([
        ("with".to_string(), Value::from(with)),
        ("account".to_string(), Value::from(account)),
    ]);
    let budget = template::Budget::default();
    template::render(&template::environment(), text, &ctx, &budget)
        .unwrap_or_else(|_| text.to_string())
}

/// An answer as people read it: choice labels rather than values, and a
/// scale value with its range (`4 of 5 (desperate)`).
pub(super) fn labelled(q: &Question, answer: Answer) -> Answer {
    let label = |v: &String| {
        q.choices
            .iter()
            .find(|c| c.value() == v)
            .map_or_else(|| v.clone(), |c| c.label().to_string())
    };
    match answer {
        Answer::Int(n) if q.ty == QuestionType::Scale => {
            let (lo, hi) = q.scale_range();
            let labels = q.labels.as_ref();
            let end = match n {
                n if n == lo => labels.and_then(|l| l.low.as_deref()),
                n if n == hi => labels.and_then(|l| l.high.as_deref()),
                _ => None,
            };
            Answer::Text(match end {
                Some(end) => format!("{n} of {hi} ({end})"),
                None => format!("{n} of {hi}"),
            })
        }
        Answer::Text(v) if q.ty.has_choices() => Answer::Text(label(&v)),
        Answer::List(items) if q.ty.has_choices() => {
            Answer::List(items.iter().map(label).collect())
        }
        other => other,
    }
}

/// An answer as a template value: a string, a list of strings, a bool, an
/// integer, or a list of people's records.
pub(super) fn value(answer: &Answer) -> Value {
    match answer {
        Answer::Bool(b) => Value::from(*b),
        Answer::Int(n) => Value::from(*n),
        Answer::Text(s) => Value::from(s.as_str()),
        Answer::List(items) => Value::from(items.clone()),
        // Records: `p.name`, `'economic' in p.roles`, `p.rating < 0`.
        Answer::People(people) => Value::from(people.iter().map(person).collect::<Vec<_>>()),
    }
}

/// A person's record as a template value: a map of the fields known.
fn person(p: &crate::playbook::Person) -> Value {
    let mut map = BTreeMap::from([("name", Value::from(p.name.as_str()))]);
    let roles: Vec<&str> = p.roles.iter().map(|r| r.as_str()).collect();
    map.insert("roles", Value::from(roles));
    if let Some(i) = p.influence {
        map.insert("influence", Value::from(i.as_str()));
    }
    if let Some(m) = p.mode {
        map.insert("mode", Value::from(m.as_str()));
    }
    if let Some(r) = p.rating {
        map.insert("rating", Value::from(r));
    }
    if let Some(w) = &p.win {
        map.insert("win", Value::from(w.as_str()));
    }
    Value::from(map)
}
