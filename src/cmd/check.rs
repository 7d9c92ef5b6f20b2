//! `coach check`: the question coach on the command line. Questions come from
//! the arguments, or one a line from stdin; each is shown with what the coach
//! finds in it. Findings are advice, so the exit code is 0 either way.

use std::io::{Read, Write};

use dialoguer::console::style;
use serde::Serialize;

use crate::cli::{CheckArgs, CheckFormat};
use crate::coaching::check::{Finding, Kind, check};
use crate::error::{Error, Result};
use crate::store::Env;
use crate::store::files::MAX_FILE_BYTES;
use crate::text::{printable_line, wrap};

/// One checked question, as `--format json` prints it.
#[derive(Serialize)]
struct Checked {
    question: String,
    kinds: Vec<Kind>,
    findings: Vec<Finding>,
}

pub fn run(args: CheckArgs, env: &Env) -> Result<()> {
    let questions = questions(args.questions, env)?;
    let checked: Vec<Checked> = questions
        .into_iter()
        .map(|question| {
            let findings = check(&question);
            let kinds = findings.iter().map(|f| f.kind).collect();
            Checked {
                question,
                kinds,
                findings,
            }
        })
        .collect();
    let mut out = crate::stdout();
    let written = match args.format {
        CheckFormat::Json => crate::text::write_json(&mut out, &checked, true),
        CheckFormat::Text => write!(
            out,
            "{}",
            text(&checked, crate::report::stdout_width().clamp(40, 90))
        ),
    };
    match written.and_then(|()| out.flush()) {
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

/// The arguments, or with none, the non-blank lines of stdin (at most
/// [`MAX_FILE_BYTES`] of them, like any file coach reads).
fn questions(args: Vec<String>, env: &Env) -> Result<Vec<String>> {
    if args.is_empty() {
        if env.stdin_tty {
            return Err(Error::Usage(
                "no questions to check: pass them as arguments \
                 (coach check \"What matters most to you?\") or pipe them in, one a line"
                    .into(),
            ));
        }
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .take(MAX_FILE_BYTES as u64 + 1)
            .read_to_end(&mut bytes)?;
        if bytes.len() > MAX_FILE_BYTES {
            return Err(Error::Invalid(format!(
                "standard input holds more than {MAX_FILE_BYTES} bytes of questions; check them in parts"
            )));
        }
        let input = String::from_utf8_lossy(&bytes);
        return Ok(input.lines().filter_map(keep).collect());
    }
    Ok(args.iter().filter_map(|a| keep(a)).collect())
}

fn keep(line: &str) -> Option<String> {
    let line = line.trim();
    (!line.is_empty()).then(|| line.to_string())
}

/// Each question, its findings with reason and tip, then a tally, wrapped
/// at `width` columns.
fn text(checked: &[Checked], width: usize) -> String {
    const INDENT: &str = "              ";
    let mut out = String::new();
    for (n, c) in checked.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        out.push_str(&format!("{}\n", style(printable_line(&c.question)).bold()));
        if c.findings.is_empty() {
            out.push_str(&format!(
                "  {}\n",
                style("open, single and neutral — good").green()
            ));
        }
        for f in &c.findings {
            let reason = wrap(&printable_line(&f.message), width, INDENT);
            let tip = wrap(
                &format!("Try: {}", printable_line(&f.suggestion)),
                width,
                INDENT,
            );
            let label = format!("  {:<12}", f.kind.as_str());
            out.push_str(&format!(
                "{}{}\n",
                style(label).yellow(),
                &reason[INDENT.len()..]
            ));
            out.push_str(&format!("{}\n", style(tip).dim()));
        }
    }
    let good = checked.iter().filter(|c| c.findings.is_empty()).count();
    let flagged = checked.len() - good;
    let findings: usize = checked.iter().map(|c| c.findings.len()).sum();
    if !checked.is_empty() {
        out.push('\n');
    }
    out.push_str(&match checked.len() {
        0 => "No questions to check.\n".to_string(),
        n => format!(
            "{n} {} checked: {good} good, {flagged} to rework ({findings} {}).\n",
            if n == 1 { "question" } else { "questions" },
            if findings == 1 { "finding" } else { "findings" },
        ),
    });
    out
}
