//! The notes file: YAML front matter that holds the data, then a Markdown
//! body for people (stance, each section's answers, questions to ask as a
//! checklist, nudges). The body is never read back.

use std::fmt::Write;

use super::Session;
use crate::error::Result;
use crate::flow::Outcome;
use crate::playbook::Answer;
use crate::text::printable;

/// `last` is the last debrief with the same person, linked from a prep.
pub fn render(
    session: &Session,
    outcome: &Outcome,
    playbook_title: &str,
    last: Option<&str>,
) -> Result<String> {
    let front = serde_saphyr::to_string(session)
        .map_err(|e| anyhow::anyhow!("could not write the session's front matter: {e}"))?;
    let mut out = String::with_capacity(front.len() + 1024);
    out.push_str("---\n");
    out.push_str(&front);
    if !front.ends_with('\n') {
        out.push('\n');
    }
    out.push_str("---\n");
    body(&mut out, session, outcome, playbook_title, last);
    Ok(out)
}

fn body(
    out: &mut String,
    s: &Session,
    outcome: &Outcome,
    playbook_title: &str,
    last: Option<&str>,
) {
    let who = if s.account.is_empty() {
        inline(&s.with)
    } else {
        format!("{}, {}", inline(&s.with), inline(&s.account))
    };
    let _ = writeln!(out, "# {} — {who}\n", inline(playbook_title));
    let when = s.date.minute();
    let _ = writeln!(
        out,
        "*{} · {when} · playbook `{}` v{}*\n",
        capitalise(s.kind.as_str()),
        s.playbook,
        s.playbook_version
    );
    if let Some(last) = last {
        let _ = writeln!(out, "Last time: [[{last}]]\n");
    }
    if let Some(call) = &s.call_at {
        let _ = writeln!(out, "**The call:** {}\n", call.minute());
    }
    if !s.participants.is_empty() {
        let names: Vec<String> = s.participants.iter().map(|p| inline(p)).collect();
        let _ = writeln!(
            out,
            "**Also in the meeting:** {}\n",
            crate::text::and_list(&names)
        );
    }
    if s.kind == crate::playbook::Kind::Debrief {
        debrief(out, s, outcome);
    }
    if !outcome.stance.is_empty() {
        out.push_str("## Stance\n\n");
        for reminder in &outcome.stance {
            let _ = writeln!(out, "- {}", inline(reminder));
        }
        out.push('\n');
    }
    for section in &outcome.sections {
        let _ = writeln!(out, "## {}\n", inline(&section.title));
        for row in &section.rows {
            let _ = writeln!(out, "**{}**\n", inline(&row.ask));
            match &row.answer {
                None => out.push_str("_No answer._\n\n"),
                Some(Answer::List(items)) => {
                    let mark = if row.is_question_list { "- [ ] " } else { "- " };
                    for item in items {
                        let _ = writeln!(out, "{mark}{}", inline(item));
                    }
                    out.push('\n');
                }
                Some(Answer::People(people)) => people_table(out, people),
                Some(Answer::Text(text)) if row.is_question_list => {
                    let _ = writeln!(out, "- [ ] {}\n", inline(text));
                }
                Some(answer) => {
                    let _ = writeln!(out, "{}\n", block(&answer.display()));
                }
            }
        }
    }
    if !outcome.nudges.is_empty() {
        out.push_str("## Nudges\n\n");
        for nudge in &outcome.nudges {
            let _ = writeln!(out, "- {}", inline(&nudge.text));
        }
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
}

/// The buying influences as a table: one row a person.
fn people_table(out: &mut String, people: &[crate::playbook::Person]) {
    out.push_str("| Name | Roles | Influence | Mode | Rating | Personal win |\n");
    out.push_str("| --- | --- | --- | --- | --- | --- |\n");
    let cell = |t: &str| {
        let t = inline(t).replace('|', "\\|");
        if t.is_empty() { "—".to_string() } else { t }
    };
    for p in people {
        let roles: Vec<&str> = p.roles.iter().map(|r| r.as_str()).collect();
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            cell(&p.name),
            cell(&roles.join(", ")),
            cell(p.influence.map_or("", |i| i.as_str())),
            cell(p.mode.map_or("", |m| m.label())),
            cell(&p.rating.map_or(String::new(), |r| format!("{r:+}"))),
            cell(p.win.as_deref().unwrap_or("")),
        );
    }
    out.push('\n');
}

/// A debrief's link to its prep, its plan against what happened, and the
/// follow-ups it agreed.
fn debrief(out: &mut String, s: &Session, outcome: &Outcome) {
    match &s.prep {
        None => {
            out.push_str("_This debrief has no prep: nothing was planned to hold it against._\n\n")
        }
        Some(prep) => {
            let _ = writeln!(out, "Held against the prep [[{prep}]].\n");
        }
    }
    if !outcome.plan_vs_actual.is_empty() {
        out.push_str("## Plan against what happened\n\n| Question | Planned | Actual |\n| --- | --- | --- |\n");
        for row in &outcome.plan_vs_actual {
            let cell = |t: &Option<Answer>| {
                t.as_ref().map_or("—".to_string(), |t| {
                    inline(&t.display()).replace('|', "\\|")
                })
            };
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                inline(&row.ask).replace('|', "\\|"),
                cell(&row.planned),
                cell(&row.actual)
            );
        }
        out.push('\n');
        let unlearned: Vec<_> = outcome
            .plan_vs_actual
            .iter()
            .filter(|r| r.planned.is_some() && r.actual.is_none())
            .collect();
        if !unlearned.is_empty() {
            out.push_str("**Planned but not learned:**\n\n");
            for row in unlearned {
                let _ = writeln!(out, "- {}", inline(&row.ask));
            }
            out.push('\n');
        }
    }
    if !s.followups.is_empty() {
        out.push_str("## Follow-ups\n\n");
        for f in &s.followups {
            let due = f.due.map_or(String::new(), |d| format!(" (due {d})"));
            let _ = writeln!(
                out,
                "{} {}: {}{due}",
                TASK,
                inline(&f.owner),
                inline(&f.what)
            );
        }
        out.push('\n');
    }
}

/// How a follow-up opens in the notes: a Markdown task, as vaults read it.
pub const TASK: &str = "- [ ]";

/// The notes' body with the follow-ups marked done in the done log ticked
/// (`- [x] … (done 2026-11-25)`): what `coach show` prints. The file itself
/// is never rewritten; the n-th task under `## Follow-ups` is the session's
/// n-th follow-up.
pub fn ticked(
    body: &str,
    s: &Session,
    done: &std::collections::HashMap<String, jiff::civil::Date>,
) -> String {
    let mut out = String::with_capacity(body.len() + 64);
    let mut in_followups = false;
    let mut n = 0;
    for line in body.split_inclusive('\n') {
        if line.starts_with("## ") {
            in_followups = line.trim_end() == "## Follow-ups";
        }
        if in_followups && line.starts_with(TASK) {
            let day = s.followups.get(n).and_then(|f| done.get(&f.id));
            n += 1;
            if let Some(day) = day {
                let rest = line[TASK.len()..].trim_end_matches(['\n', '\r']);
                let _ = writeln!(out, "- [x]{rest} (done {day})");
                continue;
            }
        }
        out.push_str(line);
    }
    out
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// User text on one Markdown line: line breaks become spaces, control
/// characters are made visible.
fn inline(text: &str) -> String {
    let one_line: Vec<&str> = text.split_whitespace().collect();
    escape_line_start(&printable(&one_line.join(" ")))
}

/// User text as Markdown paragraphs: lines that would turn into headings,
/// rules or front-matter fences are escaped.
fn block(text: &str) -> String {
    printable(text.trim())
        .lines()
        .map(escape_line_start)
        .collect::<Vec<_>>()
        .join("\n")
}

fn escape_line_start(line: &str) -> String {
    let trimmed = line.trim_start();
    let risky = trimmed.starts_with('#')
        || trimmed.starts_with("---")
        || trimmed.starts_with("===")
        || trimmed.starts_with("```")
        || trimmed.starts_with('>')
        || trimmed.starts_with('<');
    if risky {
        format!("\\{trimmed}")
    } else {
        line.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_text_cannot_break_the_document() {
        assert_eq!(
            block("---\n# not a heading\nplain"),
            "\\---\n\\# not a heading\nplain"
        );
        assert_eq!(inline("two\nlines"), "two lines");
        assert_eq!(inline("bell\u{7}"), "bell\\u{7}");
    }
}
