//! Checking the names a `when` expression or a template uses: each must be
//! `with`, `account`, an answer given before it, or in a debrief `prep`.

use super::read::Map;
use super::{CONTEXT_NAMES, Checker};
use crate::diag::Loc;
use crate::playbook::model::Kind;
use crate::template;
use crate::text::did_you_mean;

impl<'s> Checker<'s> {
    /// Names a `when` or template may use at this point of the playbook.
    fn check_names(
        &mut self,
        names: impl IntoIterator<Item = String>,
        loc: Loc,
        known: &[String],
        field: &str,
    ) {
        let mut names: Vec<String> = names.into_iter().collect();
        names.sort();
        for name in names {
            if known.contains(&name)
                || CONTEXT_NAMES.contains(&name.as_str())
                || self.env.globals().any(|(g, _)| g == name)
            {
                continue;
            }
            let loc = self.narrow(loc, &name);
            if name == "prep" {
                if self.kind == Kind::Prep {
                    self.error(loc, format!("{field} uses `prep`, which is only known in a debrief playbook"))
                        .help = Some("a prep playbook runs before the conversation, so there is no earlier session to refer to".into());
                }
                continue;
            }
            if self.all_questions.contains_key(&name) {
                self.error(loc, format!("{field} uses `{name}`, which is asked later"))
                    .help = Some("a condition or text can only use answers given before it; move the question up or the condition down".into());
                continue;
            }
            let candidates: Vec<&str> = known
                .iter()
                .map(String::as_str)
                .chain(CONTEXT_NAMES.iter().copied())
                .collect();
            let d = self.error(
                loc,
                format!("{field} uses `{name}`, which is not a question of this playbook"),
            );
            if let Some(close) = did_you_mean(&name, candidates) {
                d.label = Some(format!("did you mean `{close}`?"));
            }
        }
    }

    /// The place of `name` itself inside the text that starts at `loc`, when
    /// it can be found on that line or the few after it (block scalars).
    fn narrow(&self, loc: Loc, name: &str) -> Loc {
        let lines = self
            .source
            .text
            .lines()
            .enumerate()
            .skip(loc.line.saturating_sub(1))
            .take(30);
        for (i, line) in lines {
            let start = if i + 1 == loc.line {
                line.char_indices()
                    .nth(loc.col.saturating_sub(1))
                    .map_or(line.len(), |(b, _)| b)
            } else {
                0
            };
            let mut from = start;
            while let Some(at) = line[from..].find(name) {
                let byte = from + at;
                let before = line[..byte].chars().next_back();
                let after = line[byte + name.len()..].chars().next();
                let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
                if !word(before) && !word(after) {
                    return Loc::new(
                        i + 1,
                        line[..byte].chars().count() + 1,
                        name.chars().count(),
                    );
                }
                from = byte + name.len();
            }
        }
        loc
    }

    pub(super) fn expression(&mut self, text: &str, loc: Loc, known: &[String], field: &str) {
        let names = match self.env.compile_expression(text) {
            Ok(expr) => {
                let names = expr.undeclared_variables(false);
                let trial = template::may_run_away(text)
                    .then(|| template::holds(&self.env, text, &trial_context(), &self.budget).err())
                    .flatten();
                self.within_limits(trial, loc, field);
                names
            }
            Err(err) => {
                self.error(loc, format!("`{field}` is not a valid expression: {}", jinja_reason(&err)))
                    .help = Some("conditions look like `neediness >= 4`, `'economic' in influences` or `not decision_known`".into());
                return;
            }
        };
        self.check_names(names, loc, known, &format!("`{field}`"));
    }

    pub(super) fn template(&mut self, text: &str, loc: Loc, known: &[String], field: &str) {
        let names = match self.env.template_from_str(text) {
            Ok(t) => {
                let names = t.undeclared_variables(false);
                let trial = template::may_run_away(text)
                    .then(|| {
                        template::render(&self.env, text, &trial_context(), &self.budget).err()
                    })
                    .flatten();
                self.within_limits(trial, loc, field);
                names
            }
            Err(err) => {
                self.error(
                    loc,
                    format!("`{field}` is not a valid template: {}", jinja_reason(&err)),
                )
                .help = Some(
                    "insert answers with `{{ name }}`; write `{{ '{{' }}` for a literal `{{`"
                        .into(),
                );
                return;
            }
        };
        self.check_names(names, loc, known, &format!("`{field}`"));
    }

    pub(super) fn opt_template(
        &mut self,
        map: &Map,
        key: &str,
        known: &[String],
        required: bool,
    ) -> Option<String> {
        let (text, node) = self.string(map, key, required)?;
        self.template(&text, node.loc, known, key);
        Some(text)
    }
}

impl Checker<'_> {
    /// A template or expression that runs out of its limits before any
    /// answer is given will do so at every run: say so at its place.
    fn within_limits(&mut self, failure: Option<template::Failure>, loc: Loc, field: &str) {
        // The shared budget runs out once; what comes after it is not news.
        if matches!(failure, Some(template::Failure::Budget)) && self.budget_spent {
            return;
        }
        self.budget_spent |= matches!(failure, Some(template::Failure::Budget));
        if let Some(failure @ (template::Failure::Limit | template::Failure::Budget)) = failure {
            self.error(loc, format!("`{field}`: {}", failure.reason()))
                .help = Some(format!(
                "a playbook's texts and conditions are short; cut the loop or the repetition (each render may take {} steps)",
                template::FUEL
            ));
        }
    }
}

/// What a trial run sees: a counterpart, and no answers yet.
fn trial_context() -> std::collections::BTreeMap<String, minijinja::Value> {
    std::collections::BTreeMap::from([
        ("with".to_string(), minijinja::Value::from("Jane Smith")),
        ("account".to_string(), minijinja::Value::from("Acme Corp")),
    ])
}

fn jinja_reason(err: &minijinja::Error) -> String {
    err.detail().map_or_else(|| err.to_string(), str::to_owned)
}
