//! The writers of `coach export`: JSON (one array), JSON lines, CSV and one
//! Markdown document. CSV has one row per session: the session's own keys,
//! then one column per meaning met (`outcome`, `talk_share`, …: the same
//! column whatever the playbook calls the question), then one
//! `answers.<id>` column per question id met (in the order first met); lists are joined with `; ` and fields are quoted as RFC 4180 says
//! (records end in CRLF; a field with a comma, quote or line break is put in
//! quotes, its quotes doubled). A cell that a spreadsheet would run as a
//! formula is neutralised with a leading `'`, and CSV and Markdown text is
//! made safe for a terminal (`text::printable`); JSON escapes what it must.

use std::io::{self, Write};

use crate::playbook::{Answer, Meaning};
use crate::session::{FollowUp, Session};

pub fn json(out: &mut impl Write, sessions: &[Session]) -> io::Result<()> {
    crate::text::write_json(out, sessions, true)
}

pub fn jsonl(out: &mut impl Write, sessions: &[Session]) -> io::Result<()> {
    for s in sessions {
        crate::text::write_json(&mut *out, s, false)?;
    }
    Ok(())
}

const COLUMNS: &[&str] = &[
    "id",
    "kind",
    "playbook",
    "playbook_version",
    "title",
    "with",
    "account",
    "date",
    "tags",
    "prep",
    "skipped",
    "nudges",
    "followups",
    "listen.talk_share",
    "listen.questions",
    "listen.longest_monologue_seconds",
    "coach_version",
];

pub fn csv(out: &mut impl Write, sessions: &[Session]) -> io::Result<()> {
    let mut answer_ids: Vec<&str> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for s in sessions {
        for (id, _) in &s.answers.0 {
            if seen.insert(id.as_str()) {
                answer_ids.push(id);
            }
        }
    }
    let meanings: Vec<Meaning> = Meaning::ALL
        .into_iter()
        .filter(|m| sessions.iter().any(|s| s.means.id(*m).is_some()))
        .collect();
    let header: Vec<String> = COLUMNS
        .iter()
        .map(|c| c.to_string())
        .chain(meanings.iter().map(|m| m.as_str().to_string()))
        .chain(answer_ids.iter().map(|id| format!("answers.{id}")))
        .collect();
    record(out, header.iter().map(String::as_str))?;
    for s in sessions {
        let listen = s.listen.as_ref();
        let fields = [
            s.id.clone(),
            s.kind.as_str().into(),
            s.playbook.clone(),
            s.playbook_version.to_string(),
            s.title.clone(),
            s.with.clone(),
            s.account.clone(),
            s.date.to_string(),
            s.tags.join("; "),
            s.prep.clone().unwrap_or_default(),
            s.skipped.join("; "),
            s.nudges.join("; "),
            s.followups
                .iter()
                .map(followup)
                .collect::<Vec<_>>()
                .join("; "),
            listen.map(|l| l.talk_share.to_string()).unwrap_or_default(),
            listen.map(|l| l.questions.to_string()).unwrap_or_default(),
            listen
                .and_then(|l| l.longest_monologue_seconds)
                .map(|x| x.to_string())
                .unwrap_or_default(),
            s.coach_version.clone(),
        ];
        let meant = meanings
            .iter()
            .map(|m| s.meant(*m).map(Answer::display).unwrap_or_default());
        let answers = answer_ids.iter().map(|want| {
            s.answers
                .0
                .iter()
                .find(|(id, _)| id == want)
                .map(|(_, a)| a.display())
                .unwrap_or_default()
        });
        let row: Vec<String> = fields.into_iter().chain(meant).chain(answers).collect();
        record(out, row.iter().map(String::as_str))?;
    }
    Ok(())
}

fn followup(f: &FollowUp) -> String {
    match &f.due {
        Some(due) => format!("{}: {} (due {due})", f.owner, f.what),
        None => format!("{}: {}", f.owner, f.what),
    }
}

/// One CSV record (RFC 4180), every cell made safe for a spreadsheet.
pub(super) fn record<'a>(
    out: &mut impl Write,
    fields: impl Iterator<Item = &'a str>,
) -> io::Result<()> {
    for (n, field) in fields.enumerate() {
        if n > 0 {
            out.write_all(b",")?;
        }
        // Text that reaches a spreadsheet or a terminal: no formulas, no
        // controls, no bidi tricks.
        let safe = crate::text::printable(&neutral(field));
        let field = safe.as_str();
        if field.contains([',', '"', '\n', '\r']) {
            write!(out, "\"{}\"", field.replace('"', "\"\""))?;
        } else {
            out.write_all(field.as_bytes())?;
        }
    }
    out.write_all(b"\r\n")
}

/// A cell a spreadsheet would run as a formula (a leading `=`, `+`, `-`,
/// `@`, tab or CR) gets a `'` in front, so it shows as text; a number, even
/// a signed one, is left as it is.
fn neutral(field: &str) -> std::borrow::Cow<'_, str> {
    let risky = field.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let t = field.trim();
    let number = t.bytes().any(|b| b.is_ascii_digit())
        && t.bytes()
            .all(|b| b.is_ascii_digit() || b"+-.eE".contains(&b))
        && t.parse::<f64>().is_ok();
    if risky && !number {
        std::borrow::Cow::Owned(format!("'{field}"))
    } else {
        std::borrow::Cow::Borrowed(field)
    }
}

/// Every session in one Markdown document, each under its own heading.
/// A follow-up marked done (`FollowUp::done`) is a ticked task.
pub fn markdown(out: &mut impl Write, sessions: &[Session]) -> io::Result<()> {
    // Each session is written whole, then made safe for a terminal: the
    // document is for reading, and may well be read with `cat`.
    for (n, s) in sessions.iter().enumerate() {
        let mut doc = Vec::new();
        if n == 0 {
            intro(&mut doc, sessions.len())?;
        }
        session_markdown(&mut doc, s)?;
        out.write_all(crate::text::printable(&String::from_utf8_lossy(&doc)).as_bytes())?;
    }
    if sessions.is_empty() {
        intro(out, 0)?;
    }
    Ok(())
}

fn intro(out: &mut impl Write, count: usize) -> io::Result<()> {
    let noun = if count == 1 { "session" } else { "sessions" };
    writeln!(out, "# Coach sessions\n\n{count} {noun}, newest first.")
}

fn session_markdown(out: &mut impl Write, s: &Session) -> io::Result<()> {
    writeln!(out, "\n## {}\n", one_line(&s.title))?;
    writeln!(out, "- id: `{}`", s.id)?;
    writeln!(out, "- kind: {}", s.kind.as_str())?;
    writeln!(out, "- date: {}", s.date)?;
    writeln!(out, "- with: {}", one_line(&s.with))?;
    writeln!(out, "- account: {}", one_line(&s.account))?;
    writeln!(
        out,
        "- playbook: {} (version {})",
        s.playbook, s.playbook_version
    )?;
    if let Some(prep) = &s.prep {
        writeln!(out, "- prep: [[{prep}]]")?;
    }
    if let Some(l) = &s.listen {
        writeln!(
            out,
            "- measured: talk share {:.0}%, {} questions",
            l.talk_share * 100.0,
            l.questions
        )?;
    }
    if !s.answers.0.is_empty() {
        writeln!(out, "\n### Answers\n")?;
        for (id, answer) in &s.answers.0 {
            match answer {
                Answer::List(items) => {
                    writeln!(out, "- **{id}**:")?;
                    for item in items {
                        writeln!(out, "  - {}", indented(item, "    "))?;
                    }
                }
                Answer::People(people) => {
                    writeln!(out, "- **{id}**:")?;
                    for p in people {
                        writeln!(out, "  - {}", indented(&p.display(), "    "))?;
                    }
                }
                other => writeln!(out, "- **{id}**: {}", indented(&other.display(), "  "))?,
            }
        }
    }
    if !s.skipped.is_empty() {
        writeln!(out, "\nSkipped: {}", s.skipped.join(", "))?;
    }
    if !s.followups.is_empty() {
        writeln!(out, "\n### Follow-ups\n")?;
        for f in &s.followups {
            let (mark, when) = match f.done {
                Some(day) => ("- [x]", format!(" (done {day})")),
                None => (crate::session::notes::TASK, String::new()),
            };
            writeln!(
                out,
                "{mark} {}{when} (`{}`)",
                indented(&followup(f), "  "),
                f.id
            )?;
        }
    }
    if !s.nudges.is_empty() {
        writeln!(out, "\n### Nudges\n")?;
        for n in &s.nudges {
            writeln!(out, "- {}", indented(n, "  "))?;
        }
    }
    Ok(())
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Multi-line text kept inside its list item.
fn indented(text: &str, indent: &str) -> String {
    text.trim_end().replace('\n', &format!("\n{indent}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_never_run_as_formulas() {
        let mut out = Vec::new();
        let cells = [
            "=HYPERLINK(\"x\")",
            "+1+2",
            "-2",
            "-3.5",
            "+inf",
            "@SUM(A1)",
            "\tx",
            "\r=1",
            "a=b",
            "42",
        ];
        record(&mut out, cells.into_iter()).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "\"'=HYPERLINK(\"\"x\"\")\",'+1+2,-2,-3.5,'+inf,'@SUM(A1),'\tx,\'\\u{d}=1,a=b,42\r\n"
        );
    }

    #[test]
    fn csv_quotes_as_rfc_4180_says() {
        let mut out = Vec::new();
        record(
            &mut out,
            ["a", "b,c", "say \"hi\"", "two\nlines", ""].into_iter(),
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n"
        );
    }
}
