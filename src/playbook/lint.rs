//! Coaching checks on a playbook that is already valid (`coach playbook
//! lint`): example questions in `help` texts and `choices` that the question
//! coach would flag, a prep playbook whose planned questions are never
//! checked, sections that do not say why they matter, meanings a command
//! needs and the playbook does not declare, and ids that look like a
//! meaning without `means:`. All are warnings, each with its place in the
//! file.

use super::meaning::{EXPECTED, Meaning};
use super::model::{Kind, Playbook};
use crate::coaching::{self, check};
use crate::diag::{Diagnostic, Loc, Source};
use crate::yaml::{Node, Value};

pub fn lint(source: &Source, playbook: &Playbook) -> Vec<Diagnostic> {
    let Ok(tree) = crate::yaml::parse(source) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let sections_key = entry(&tree, "sections");
    if playbook.kind == Kind::Prep && !playbook.questions().any(|q| q.check.is_some()) {
        let loc = sections_key.map_or(Loc::new(1, 1, 1), |(k, _)| k);
        out.push(
            Diagnostic::new(source, loc, "no question has `check: questions`, so the questions the user plans to ask are never checked")
                .warning()
                .help("add `check: questions` to the list question where the user writes the questions they will ask"),
        );
    }
    for (kind, meaning, without) in EXPECTED {
        if kind == playbook.kind && playbook.meaning(meaning).is_none() {
            let loc = sections_key.map_or(Loc::new(1, 1, 1), |(k, _)| k);
            out.push(
                Diagnostic::new(
                    source,
                    loc,
                    format!("no question means `{}`, so {without}", meaning.as_str()),
                )
                .warning()
                .help(format!(
                    "add `means: {}` to the question that asks it ({})",
                    meaning.as_str(),
                    types(meaning)
                )),
            );
        }
    }
    for q in playbook.questions().filter(|q| q.means.is_none()) {
        // A question held against the plan (`learned_result`) is a fact
        // learned about a planned answer, not the debrief's own `learned`.
        let Some(meaning) = Meaning::suggested(&q.id, q.ty, playbook.kind)
            .filter(|m| playbook.meaning(*m).is_none())
            .filter(|m| !(q.plan.is_some() && *m == Meaning::Learned))
        else {
            continue;
        };
        let loc = question_id_loc(&tree, &q.id).unwrap_or(Loc::new(1, 1, 1));
        out.push(
            Diagnostic::new(
                source,
                loc,
                format!("`{}` looks like it means `{}`", q.id, meaning.as_str()),
            )
            .warning()
            .help(format!(
                "if it does, add `means: {}` to the question, so the commands that need it find it",
                meaning.as_str()
            )),
        );
    }
    if playbook.kind == Kind::Debrief {
        unguarded_prep(source, &tree, false, &mut out);
    }
    let Some((
        _,
        Node {
            value: Value::Seq(sections),
            ..
        },
    )) = sections_key
    else {
        return out;
    };
    for section in sections {
        if entry(section, "why").is_none() {
            let (loc, id) = entry(section, "id")
                .map(|(_, n)| (n.loc, n.scalar_text().unwrap_or_default()))
                .unwrap_or((section.loc, String::new()));
            out.push(
                Diagnostic::new(source, loc, format!("section `{id}` has no `why`"))
                    .warning()
                    .help("a `why` is shown when the section starts: one or two sentences on what it is for and why it matters"),
            );
        }
        let Some((
            _,
            Node {
                value: Value::Seq(questions),
                ..
            },
        )) = entry(section, "questions")
        else {
            continue;
        };
        for question in questions {
            if let Some((_, help)) = entry(question, "help") {
                let text = help.scalar_text().unwrap_or_default();
                for example in quoted_questions(&text) {
                    out.extend(flag(
                        source,
                        help,
                        &example,
                        "the example question in `help`",
                    ));
                }
            }
            if let Some((
                _,
                Node {
                    value: Value::Seq(choices),
                    ..
                },
            )) = entry(question, "choices")
            {
                for choice in choices {
                    let texts: Vec<&Node> = match &choice.value {
                        Value::Map(_) => ["value", "label", "hint"]
                            .iter()
                            .filter_map(|k| entry(choice, k).map(|(_, n)| n))
                            .collect(),
                        _ => vec![choice],
                    };
                    for node in texts {
                        let text = node.scalar_text().unwrap_or_default();
                        if text.trim_end().ends_with('?') {
                            out.extend(flag(source, node, text.trim(), "the choice"));
                        }
                    }
                }
            }
        }
    }
    out
}

/// Texts that print `prep.…` without `{% if prep %}` around them, nor a
/// `when` above them that tests `prep`: run without a prep they print
/// nothing there, and the sentence reads oddly.
fn unguarded_prep(source: &Source, node: &Node, guarded: bool, out: &mut Vec<Diagnostic>) {
    const TEXTS: [&str; 6] = ["intro", "why", "ask", "help", "nudge", "say"];
    match &node.value {
        Value::Map(entries) => {
            let guarded = guarded
                || entries.iter().any(|(k, v)| {
                    k.name == "when" && v.scalar_text().is_some_and(|t| t.contains("prep"))
                });
            for (key, value) in entries {
                let text = value.scalar_text().unwrap_or_default();
                let prints = text
                    .split("{{")
                    .skip(1)
                    .any(|t| t.trim_start().starts_with("prep."));
                if TEXTS.contains(&key.name.as_str())
                    && prints
                    && !guarded
                    && !text.contains("if prep")
                {
                    out.push(
                        Diagnostic::new(
                            source,
                            value.loc,
                            format!("`{}` prints `prep` without `{{% if prep %}}`", key.name),
                        )
                        .warning()
                        .help("a debrief run without a prep prints nothing there; wrap it: {% if prep %}…{% endif %}"),
                    );
                }
                unguarded_prep(source, value, guarded, out);
            }
        }
        Value::Seq(items) => items
            .iter()
            .for_each(|i| unguarded_prep(source, i, guarded, out)),
        _ => {}
    }
}

/// The place of the `id` value of question `id` in the tree.
fn question_id_loc(tree: &Node, id: &str) -> Option<Loc> {
    let (_, sections) = entry(tree, "sections")?;
    let Value::Seq(sections) = &sections.value else {
        return None;
    };
    sections
        .iter()
        .filter_map(|section| match entry(section, "questions") {
            Some((
                _,
                Node {
                    value: Value::Seq(qs),
                    ..
                },
            )) => Some(qs),
            _ => None,
        })
        .flatten()
        .filter_map(|q| entry(q, "id").map(|(_, n)| n))
        .find(|n| n.scalar_text().as_deref() == Some(id))
        .map(|n| n.loc)
}

/// "a list question", "a text, long or list question".
fn types(meaning: Meaning) -> String {
    let names: Vec<&str> = meaning.types().iter().map(|t| t.as_str()).collect();
    match names.as_slice() {
        [one] => format!("a {one} question"),
        [rest @ .., last] => format!("a {} or {last} question", rest.join(", ")),
        [] => String::new(),
    }
}

/// The key's location and the value of `key` in a mapping node.
fn entry<'n>(node: &'n Node, key: &str) -> Option<(Loc, &'n Node)> {
    let Value::Map(entries) = &node.value else {
        return None;
    };
    entries
        .iter()
        .find(|(k, _)| k.name == key)
        .map(|(k, v)| (k.loc, v))
}

/// Questions quoted in a text: "…?" or “…?”.
fn quoted_questions(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(['"', '“']) {
        let open = rest[start..].chars().next().unwrap_or('"');
        let close = if open == '“' { '”' } else { '"' };
        let after = &rest[start + open.len_utf8()..];
        let Some(end) = after.find(close) else { break };
        let quoted = after[..end].trim();
        if quoted.ends_with('?') {
            out.push(quoted.to_string());
        }
        rest = &after[end + close.len_utf8()..];
    }
    out
}

/// A warning per finding of the question coach on `example`, placed at the
/// example itself when it can be found in the file, else at `node`.
fn flag(source: &Source, node: &Node, example: &str, what: &str) -> Vec<Diagnostic> {
    let findings = check::check(example);
    if findings.is_empty() {
        return Vec::new();
    }
    let loc = find_in_source(source, node.loc, example).unwrap_or(node.loc);
    let reasons: Vec<&str> = findings.iter().map(|f| f.message.as_str()).collect();
    let tips: Vec<&str> = findings.iter().map(|f| f.suggestion.as_str()).collect();
    vec![
        Diagnostic::new(
            source,
            loc,
            format!(
                "{what} \"{example}\" is {}: {}",
                coaching::kinds(&findings),
                reasons.join(" ")
            ),
        )
        .warning()
        .help(tips.join(" ")),
    ]
}

/// Where `needle` starts on or after `from`, when it sits on one line.
fn find_in_source(source: &Source, from: Loc, needle: &str) -> Option<Loc> {
    let len = needle.chars().count();
    for (i, line) in source
        .text
        .lines()
        .enumerate()
        .skip(from.line.saturating_sub(1))
    {
        if let Some(byte) = line.find(needle) {
            let col = line[..byte].chars().count() + 1;
            return Some(Loc::new(i + 1, col, len));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_quoted_questions() {
        assert_eq!(
            quoted_questions(r#"Ask "What matters most?" or “How do you decide?”, not "yes"."#),
            vec![
                "What matters most?".to_string(),
                "How do you decide?".to_string()
            ]
        );
        assert!(quoted_questions("No quotes here?").is_empty());
        assert!(quoted_questions("An \"unclosed quote?").is_empty());
    }

    #[test]
    fn warns_about_missing_whys_and_unchecked_questions() {
        let text = "title: T\nkind: prep\nsections:\n  - id: s\n    title: S\n    questions:\n      - id: q\n        ask: Q?\n";
        let source = Source::new("t.yaml", text);
        let playbook = super::super::load::parse(&source, "t").unwrap();
        let warnings = lint(&source, &playbook);
        let messages: Vec<String> = warnings
            .iter()
            .map(|d| format!("{}:{} {}", d.loc.line, d.loc.col, d.message))
            .collect();
        assert_eq!(
            messages,
            vec![
                "3:1 no question has `check: questions`, so the questions the user plans to ask are never checked".to_string(),
                "3:1 no question means `objective`, so the card has no objective to show".to_string(),
                "3:1 no question means `planned_questions`, so the card has no questions to show, and no unasked question is carried to the next prep".to_string(),
                "3:1 no question means `best_action`, so the card has no commitment to aim for".to_string(),
                "4:9 section `s` has no `why`".to_string(),
            ]
        );
    }

    #[test]
    fn ids_that_look_like_a_meaning_get_a_suggestion() {
        let text = "title: T\nkind: debrief\nsections:\n  - id: s\n    title: S\n    why: W\n    questions:\n      - id: outcome_kind\n        ask: How did it end?\n        type: choice\n        choices: [advance, no_sale]\n      - id: agreed_actions\n        ask: Next steps?\n        type: list\n        means: next_steps\n";
        let source = Source::new("t.yaml", text);
        let playbook = super::super::load::parse(&source, "t").unwrap();
        let messages: Vec<String> = lint(&source, &playbook)
            .iter()
            .map(|d| format!("{}:{} {}", d.loc.line, d.loc.col, d.message))
            .collect();
        assert_eq!(
            messages,
            [
                "3:1 no question means `outcome`, so `coach stats` cannot count this debrief's outcome",
                "8:13 `outcome_kind` looks like it means `outcome`",
            ]
        );
    }
}
