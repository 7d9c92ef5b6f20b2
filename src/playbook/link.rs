//! Checks across two playbooks: a prep and the debrief its `debrief:` names.
//! A debrief's `plan:` and `choices_from: prep.<name>` must name questions
//! that prep really has (by id, or by a meaning it declares), the planned
//! questions an `asked_questions` picks from must be the prep's
//! `planned_questions`, and the prep's `debrief:` must name a debrief
//! playbook.

use super::model::{Kind, Meaning, Playbook, QuestionType};
use crate::diag::{Diagnostic, Loc, Source};
use crate::text::did_you_mean;
use crate::yaml::{Node, Value};

/// The place of the value of top-level `key` in a playbook file.
pub fn key_loc(source: &Source, key: &str) -> Loc {
    crate::yaml::parse(source)
        .ok()
        .and_then(|tree| match tree.value {
            Value::Map(entries) => entries
                .into_iter()
                .find(|(k, _)| k.name == key)
                .map(|(_, v)| v.loc),
            _ => None,
        })
        .unwrap_or(Loc::new(1, 1, 1))
}

/// A prep whose `debrief:` names a playbook that is not there, or not a debrief.
pub fn missing_debrief(
    prep_source: &Source,
    prep: &Playbook,
    found: Option<&Playbook>,
) -> Option<Diagnostic> {
    let name = prep.debrief.as_deref()?;
    let loc = key_loc(prep_source, "debrief");
    match found {
        None => Some(
            Diagnostic::new(
                prep_source,
                loc,
                format!("`debrief: {name}` names a playbook that is neither given beside this one nor on the search path"),
            )
            .help("name a debrief playbook that `coach playbook list` shows, like `debrief`"),
        ),
        Some(d) if d.kind != Kind::Debrief => Some(Diagnostic::new(
            prep_source,
            loc,
            format!(
                "`debrief: {name}` names a {} playbook, not a debrief",
                d.kind.as_str()
            ),
        )),
        Some(_) => None,
    }
}

/// Every `plan:`, `choices_from:` and `prep.…` reference of the debrief
/// that the prep cannot answer.
pub fn check_pair(prep: &Playbook, debrief_source: &Source) -> Vec<Diagnostic> {
    let Ok(tree) = crate::yaml::parse(debrief_source) else {
        return Vec::new();
    };
    let ids: Vec<&str> = prep.questions().map(|q| q.id.as_str()).collect();
    let mut out = prep_references(prep, debrief_source);
    for question in question_nodes(&tree) {
        for key in ["plan", "choices_from"] {
            let Some(node) = entry(question, key) else {
                continue;
            };
            let Some(text) = node.scalar_text() else {
                continue;
            };
            let id = if key == "choices_from" {
                text.strip_prefix("prep.").unwrap_or(&text)
            } else {
                text.as_str()
            };
            // A name the prep has no question for may be a meaning it declares.
            let found = prep
                .question(id)
                .or_else(|| Meaning::parse(id).and_then(|m| prep.meaning(m)));
            let asked = entry(question, "means")
                .and_then(Node::scalar_text)
                .as_deref()
                == Some(Meaning::AskedQuestions.as_str());
            match found {
                None => {
                    let mut d = Diagnostic::new(
                        debrief_source,
                        node.loc,
                        format!(
                            "`{key}: {text}` names a question the prep playbook `{}` does not have",
                            prep.id
                        ),
                    )
                    .help(format!(
                        "`{}` names this debrief in its `debrief:` key; its questions are: {}",
                        prep.id,
                        ids.join(", ")
                    ));
                    if let Some(close) = did_you_mean(id, ids.iter().copied()) {
                        d = d.label(format!("did you mean `{close}`?"));
                    }
                    out.push(d);
                }
                Some(q)
                    if key == "choices_from"
                        && !matches!(q.ty, QuestionType::List | QuestionType::Multi) =>
                {
                    out.push(Diagnostic::new(
                        debrief_source,
                        node.loc,
                        format!("`choices_from: {text}` needs a list answer, but `{id}` in `{}` is a `{}` question", prep.id, q.ty.as_str()),
                    ));
                }
                Some(q)
                    if key == "choices_from"
                        && asked
                        && q.means != Some(Meaning::PlannedQuestions) =>
                {
                    out.push(
                        Diagnostic::new(
                            debrief_source,
                            node.loc,
                            format!(
                                "`means: asked_questions` picks from the prep's planned questions, but `{}` in `{}` does not mean `planned_questions`",
                                q.id, prep.id
                            ),
                        )
                        .help("name the prep question that has `means: planned_questions`, or add that meaning to it"),
                    );
                }
                Some(_) => {}
            }
        }
    }
    out
}

/// Every `prep.answers.<id>`, `prep.means.<meaning>` and `prep.<name>` in
/// the debrief's templates and conditions that the prep cannot give: an id
/// it does not have, a meaning it does not declare, a name the context has
/// not (it holds `id`, `with`, `account`, `answers` and `means`).
fn prep_references(prep: &Playbook, debrief_source: &Source) -> Vec<Diagnostic> {
    const FIELDS: [&str; 5] = ["id", "with", "account", "answers", "means"];
    let ids: Vec<&str> = prep.questions().map(|q| q.id.as_str()).collect();
    let declared: Vec<&str> = Meaning::ALL
        .into_iter()
        .filter(|m| prep.meaning(*m).is_some())
        .map(Meaning::as_str)
        .collect();
    let word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let mut out = Vec::new();
    // Only code is read: a `when` (on its line or the block under it), and
    // what is inside `{{ }}` and `{% %}`; prose that says "prep." is prose.
    let mut when_block: Option<usize> = None;
    for (n, line) in debrief_source.text.lines().enumerate() {
        let indent = line.len() - line.trim_start().len();
        let key = line.trim_start().trim_start_matches("- ");
        if when_block.is_some_and(|at| indent <= at && !line.trim().is_empty()) {
            when_block = None;
        }
        let in_when = when_block.is_some() || key.starts_with("when:");
        if key.starts_with("when:") && matches!(key[5..].trim(), ">-" | ">" | "|" | "|-") {
            when_block = Some(indent);
        }
        let code = |at: usize| {
            in_when || {
                let before = &line[..at];
                let open = before.rfind("{{").max(before.rfind("{%"));
                let close = before.rfind("}}").max(before.rfind("%}"));
                open.is_some() && open > close
            }
        };
        let mut from = 0;
        while let Some(at) = line[from..].find("prep.").map(|i| i + from) {
            from = at + 5;
            if line[..at]
                .chars()
                .next_back()
                .is_some_and(|c| word(c) || c == '.')
                || !code(at)
            {
                continue;
            }
            let rest = &line[at + 5..];
            let name: String = rest.chars().take_while(|c| word(*c)).collect();
            let (what, wanted, known, place): (&str, String, Vec<&str>, usize) = match name.as_str()
            {
                "answers" | "means" => {
                    let Some(after) = rest[name.len()..].strip_prefix('.') else {
                        continue;
                    };
                    let inner: String = after.chars().take_while(|c| word(*c)).collect();
                    let offset = at + 5 + name.len() + 1;
                    if name == "answers" {
                        ("a question", inner, ids.clone(), offset)
                    } else if Meaning::parse(&inner).is_some() {
                        // A meaning this prep does not declare is nothing, as
                        // in a debrief that follows preps of many kinds.
                        continue;
                    } else {
                        ("a meaning", inner, Meaning::names().collect(), offset)
                    }
                }
                field if FIELDS.contains(&field) => continue,
                // `prep.<id>` is short for `prep.answers.<id>`.
                _ => {
                    let known: Vec<&str> =
                        FIELDS.iter().copied().chain(ids.iter().copied()).collect();
                    ("a name", name.clone(), known, at + 5)
                }
            };
            if wanted.is_empty() || known.contains(&wanted.as_str()) {
                continue;
            }
            let col = line[..place].chars().count() + 1;
            let loc = Loc::new(n + 1, col, wanted.chars().count().max(1));
            let message = match what {
                "a question" => format!(
                    "`prep.answers.{wanted}` names a question the prep playbook `{}` does not have",
                    prep.id
                ),
                "a meaning" => format!("`prep.means.{wanted}` is not a meaning"),
                _ => format!(
                    "`prep.{wanted}` is neither a question of the prep playbook `{}` nor something a debrief knows of its prep",
                    prep.id
                ),
            };
            let help = match what {
                "a question" => format!("its questions are: {}", ids.join(", ")),
                "a meaning" => format!(
                    "the meanings are: {}; this prep declares: {}",
                    Meaning::names().collect::<Vec<_>>().join(", "),
                    declared.join(", ")
                ),
                _ => format!(
                    "a debrief knows `prep.id`, `prep.with`, `prep.account`, `prep.answers.<id>` (or `prep.<id>`) and `prep.means.<meaning>`; the prep's questions are: {}",
                    ids.join(", ")
                ),
            };
            let mut d = Diagnostic::new(debrief_source, loc, message).help(help);
            if let Some(close) = did_you_mean(&wanted, known.iter().copied()) {
                d = d.label(format!("did you mean `{close}`?"));
            }
            out.push(d);
        }
    }
    out
}

fn entry<'n>(node: &'n Node, key: &str) -> Option<&'n Node> {
    match &node.value {
        Value::Map(entries) => entries.iter().find(|(k, _)| k.name == key).map(|(_, v)| v),
        _ => None,
    }
}

fn question_nodes(tree: &Node) -> Vec<&Node> {
    let mut out = Vec::new();
    if let Some(Node {
        value: Value::Seq(sections),
        ..
    }) = entry(tree, "sections")
    {
        for section in sections {
            if let Some(Node {
                value: Value::Seq(questions),
                ..
            }) = entry(section, "questions")
            {
                out.extend(questions.iter());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::playbook::load::parse;

    #[test]
    fn plans_must_name_questions_of_the_prep() {
        let prep = parse(
            &Source::new("p.yaml", "title: P\nkind: prep\ndebrief: d\nsections:\n  - id: s\n    title: S\n    questions:\n      - id: goal\n        ask: Goal?\n      - id: planned\n        ask: Questions?\n        type: list\n"),
            "p",
        )
        .unwrap();
        let text = "title: D\nkind: debrief\nsections:\n  - id: s\n    title: S\n    questions:\n      - id: got\n        ask: Got?\n        plan: gaol\n      - id: asked\n        ask: Asked?\n        type: multi\n        choices_from: prep.goal\n      - id: fine\n        ask: Fine?\n        plan: goal\n";
        let source = Source::new("d.yaml", text);
        parse(&source, "d").unwrap();
        let found: Vec<String> = check_pair(&prep, &source)
            .iter()
            .map(|d| format!("{}:{} {}", d.loc.line, d.loc.col, d.message))
            .collect();
        assert_eq!(
            found,
            [
                "9:15 `plan: gaol` names a question the prep playbook `p` does not have",
                "13:23 `choices_from: prep.goal` needs a list answer, but `goal` in `p` is a `text` question",
            ]
        );
        let missing = missing_debrief(
            &Source::new("p.yaml", "title: P\nkind: prep\ndebrief: d\n"),
            &prep,
            None,
        )
        .unwrap();
        assert_eq!((missing.loc.line, missing.loc.col), (3, 10));
    }
}
