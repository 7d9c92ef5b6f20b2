//! Answers from a file (`--answers FILE`) or from defaults alone (`--no-input`).
//!
//! The answers file is YAML: `{with: .., account: .., answers: {id: value}}`.
//! It is checked whole against the playbook before anything is asked, and
//! every problem is reported with its place. What the file does not answer
//! goes to the terminal when there is one, else takes the question's default.

use std::collections::HashMap;

use crate::diag::{Diagnostic, Diagnostics, Source};
use crate::error::Result;
use crate::flow::Outcome;
use crate::flow::{Prompt, Prompter, Review};
use crate::playbook::{Answer, Playbook, answer};
use crate::text::did_you_mean;
use crate::yaml::{Node, Value};

const FILE_KEYS: &[&str] = &["with", "account", "answers"];

/// A checked answers file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AnswersFile {
    pub with: Option<String>,
    pub account: Option<String>,
    /// `None` for a question the file leaves empty on purpose (`id: ~`).
    pub answers: HashMap<String, Option<Answer>>,
}

impl AnswersFile {
    /// The `with` and `account` an answers file names, read before its
    /// answers can be checked (a debrief needs them to find its prep, and
    /// the prep to choose its playbook). Problems are left to [`parse`](Self::parse).
    pub fn counterpart(source: &Source) -> (Option<String>, Option<String>) {
        let Ok(tree) = crate::yaml::parse(source) else {
            return (None, None);
        };
        let Value::Map(entries) = &tree.value else {
            return (None, None);
        };
        let text = |key: &str| {
            entries
                .iter()
                .find(|(k, _)| k.name == key)
                .and_then(|(_, node)| match &node.value {
                    Value::Seq(_) | Value::Map(_) | Value::Null => None,
                    _ => node.scalar_text(),
                })
                .filter(|t| !t.trim().is_empty())
        };
        (text("with"), text("account"))
    }

    pub fn parse(source: &Source, playbook: &Playbook) -> Result<Self, Diagnostics> {
        let tree = crate::yaml::parse(source)?;
        let mut diags = Diagnostics::default();
        let mut file = AnswersFile::default();
        let Value::Map(entries) = &tree.value else {
            diags.push(
                Diagnostic::new(source, tree.loc, format!("expected a mapping, found {}", tree.value.describe()))
                    .help("an answers file looks like `with: Jane`, `account: Acme`, `answers: {question_id: value}`"),
            );
            return Err(diags);
        };
        for (key, node) in entries {
            match key.name.as_str() {
                "with" | "account" => {
                    let value = match &node.value {
                        Value::Null => None,
                        Value::Seq(_) | Value::Map(_) => {
                            diags.push(Diagnostic::new(
                                source,
                                node.loc,
                                format!(
                                    "`{}` must be text, found {}",
                                    key.name,
                                    node.value.describe()
                                ),
                            ));
                            None
                        }
                        _ => node.scalar_text(),
                    };
                    if key.name == "with" {
                        file.with = value;
                    } else {
                        file.account = value;
                    }
                }
                "answers" => file.answers = answers(source, node, playbook, &mut diags),
                other => {
                    let mut d = Diagnostic::new(
                        source,
                        key.loc,
                        format!("unknown key `{other}` in the answers file"),
                    )
                    .help("the keys of an answers file are: with, account, answers");
                    if let Some(close) = did_you_mean(other, FILE_KEYS.iter().copied()) {
                        d = d.label(format!("did you mean `{close}`?"));
                    }
                    diags.push(d);
                }
            }
        }
        diags.into_result().map(|()| file)
    }
}

fn answers(
    source: &Source,
    node: &Node,
    playbook: &Playbook,
    diags: &mut Diagnostics,
) -> HashMap<String, Option<Answer>> {
    let mut out = HashMap::new();
    let entries = match &node.value {
        Value::Map(entries) => entries,
        Value::Null => return out,
        other => {
            diags.push(Diagnostic::new(
                source,
                node.loc,
                format!(
                    "`answers` must map question ids to answers, found {}",
                    other.describe()
                ),
            ));
            return out;
        }
    };
    let ids: Vec<&str> = playbook.questions().map(|q| q.id.as_str()).collect();
    let mut listed = false;
    for (key, value) in entries {
        let Some(q) = playbook.question(&key.name) else {
            let mut d = Diagnostic::new(
                source,
                key.loc,
                format!(
                    "`{}` is not a question of playbook `{}`",
                    key.name, playbook.id
                ),
            );
            if let Some(close) = did_you_mean(&key.name, ids.iter().copied()) {
                d = d.label(format!("did you mean `{close}`?"));
            }
            if !listed {
                d = d.help(format!(
                    "the questions of `{}` are: {}",
                    playbook.id,
                    ids.join(", ")
                ));
                listed = true;
            }
            diags.push(d);
            continue;
        };
        if let Some(from) = q.choices_from.as_deref().filter(|_| q.choices.is_empty()) {
            diags.push(
                Diagnostic::new(
                    source,
                    value.loc,
                    format!("`{}` takes its choices from `{from}`, and this session has no prep answer there", q.id),
                )
                .help("leave it out of the answers file, or link the debrief to its prep with --prep"),
            );
            continue;
        }
        match answer::from_node(q, value) {
            Ok(a) => {
                out.insert(q.id.clone(), a);
            }
            Err(misfits) => {
                for misfit in misfits {
                    diags.push(Diagnostic::new(
                        source,
                        misfit.at.unwrap_or(value.loc),
                        format!("the answer to `{}` does not fit: {}", q.id, misfit.reason),
                    ));
                }
            }
        }
    }
    out
}

/// Answers from a file, then from the terminal (if any), then defaults.
pub struct Scripted {
    answers: HashMap<String, Option<Answer>>,
    fallback: Option<Box<dyn Prompter>>,
    pending_start: Option<(String, Option<String>, Vec<String>)>,
    pending_section: Option<(String, Option<String>)>,
    fallback_asked: bool,
}

impl Scripted {
    pub fn new(
        answers: HashMap<String, Option<Answer>>,
        fallback: Option<Box<dyn Prompter>>,
    ) -> Self {
        Scripted {
            answers,
            fallback,
            pending_start: None,
            pending_section: None,
            fallback_asked: false,
        }
    }
}

impl Prompter for Scripted {
    fn has_answer(&self, id: &str) -> bool {
        self.answers.contains_key(id)
    }

    fn start(&mut self, title: &str, intro: Option<&str>, stance: &[String]) -> Result<()> {
        self.pending_start = Some((title.to_string(), intro.map(str::to_owned), stance.to_vec()));
        Ok(())
    }

    fn section(&mut self, title: &str, why: Option<&str>) -> Result<()> {
        self.pending_section = Some((title.to_string(), why.map(str::to_owned)));
        Ok(())
    }

    fn ask(&mut self, prompt: &Prompt) -> Result<Option<Answer>> {
        if let Some(answer) = self.answers.get(&prompt.question.id) {
            return Ok(answer.clone());
        }
        let Some(terminal) = self.fallback.as_deref_mut() else {
            // Only the playbook's default: a planned or earlier answer offered
            // as a starting text must not pass for what happened.
            return Ok(prompt.question.default.clone());
        };
        // Show the intro and the section only once the terminal asks something.
        if let Some((title, intro, stance)) = self.pending_start.take() {
            terminal.start(&title, intro.as_deref(), &stance)?;
        }
        if let Some((title, why)) = self.pending_section.take() {
            terminal.section(&title, why.as_deref())?;
        }
        self.fallback_asked = true;
        terminal.ask(prompt)
    }

    fn nudge(&mut self, text: &str) -> Result<()> {
        match self.fallback.as_deref_mut() {
            Some(terminal) if self.fallback_asked => terminal.nudge(text),
            _ => Ok(()),
        }
    }

    fn review(&mut self, outcome: &Outcome) -> Result<Review> {
        match self.fallback.as_deref_mut() {
            Some(terminal) if self.fallback_asked => terminal.review(outcome),
            _ => Ok(Review::Save),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn playbook() -> Playbook {
        let text = "title: T\nkind: prep\nsections:\n  - id: s\n    title: S\n    questions:\n      - id: goal\n        ask: Goal?\n      - id: mood\n        ask: Mood?\n        type: scale\n";
        crate::playbook::load::parse(&Source::new("p.yaml", text), "p").unwrap()
    }

    #[test]
    fn reads_a_good_file() {
        let src = Source::new(
            "a.yaml",
            "with: Jane\naccount: Acme\nanswers:\n  goal: Grow\n  mood: 2\n",
        );
        let file = AnswersFile::parse(&src, &playbook()).unwrap();
        assert_eq!(file.with.as_deref(), Some("Jane"));
        assert_eq!(file.answers["mood"], Some(Answer::Int(2)));
    }

    #[test]
    fn reports_every_problem_with_its_place() {
        let src = Source::new("a.yaml", "wiht: Jane\nanswers:\n  gaol: Grow\n  mood: 9\n");
        let err = AnswersFile::parse(&src, &playbook()).unwrap_err();
        let text = err.to_string();
        assert_eq!(err.len(), 3, "{text}");
        assert!(
            text.contains("a.yaml:1:1: error: unknown key `wiht`"),
            "{text}"
        );
        assert!(text.contains("did you mean `with`?"), "{text}");
        assert!(
            text.contains("a.yaml:3:3: error: `gaol` is not a question of playbook `p`"),
            "{text}"
        );
        assert!(text.contains("did you mean `goal`?"), "{text}");
        assert!(text.contains("a.yaml:4:9: error: the answer to `mood` does not fit: expected a whole number from 1 to 5, found 9"), "{text}");
    }
}
