//! What `prep` and `debrief` share at the edge: asking who the conversation
//! is with, the error for unanswered required questions, the session title,
//! and printing a saved session in the chosen format.

use std::collections::HashMap;
use std::io::IsTerminal;

use crate::cli::Format;
use crate::error::{Error, Result};
use crate::flow::{Context, Flow, Outcome};
use crate::playbook::{Answer, Kind, Playbook, Question};
use crate::prompt::scripted::Scripted;
use crate::prompt::terminal::Terminal;
use crate::prompt::{Prompt, Prompter};
use crate::report;
use crate::session::draft::Draft;
use crate::session::store::{self, Store};
use crate::session::{Answers, Session};
use crate::text::slug;

/// The session record of a finished walk: the draft's id and start, the
/// playbook, who it was with, and what the walk produced.
pub fn session_from(
    draft: &Draft,
    playbook: &Playbook,
    cx: &Context,
    outcome: &Outcome,
) -> Session {
    Session {
        id: draft.id.clone(),
        kind: draft.kind,
        playbook: playbook.id.clone(),
        playbook_version: playbook.version,
        title: title(&playbook.title, cx),
        with: cx.with.clone(),
        account: cx.account.clone(),
        date: draft.started.clone(),
        tags: vec!["coach".into(), draft.kind.as_str().into()],
        prep: cx.prep.as_ref().map(|p| p.id.clone()),
        answers: Answers(outcome.answers.clone()),
        skipped: outcome.skipped.clone(),
        nudges: outcome.nudges.iter().map(|n| n.text.clone()).collect(),
        followups: Vec::new(),
        listen: None,
        coach_version: env!("CARGO_PKG_VERSION").to_string(),
    }
}

/// Write the notes (never over another file) and only then drop the draft;
/// a failure keeps the draft when a person typed the answers.
pub fn save(
    store: &Store,
    session: &mut Session,
    outcome: &Outcome,
    playbook: &Playbook,
    kept: bool,
) -> Result<std::path::PathBuf> {
    let draft_id = session.id.clone();
    let path = store
        .save_session(session, |s| {
            crate::session::notes::render(s, outcome, &playbook.title)
        })
        .map_err(|err| super::prep::keep_draft(err, store, session.kind, &draft_id, kept))?;
    store.remove_draft(&draft_id)?;
    Ok(path)
}

/// A draft for a new session, `<date>-<time>-<who>-<kind>`; written (and so
/// claimed) at once when a person is typing, since a script can simply run
/// again.
pub fn new_draft(
    store: &Store,
    kind: Kind,
    playbook: &str,
    cx: &Context,
    claim: bool,
) -> Result<Draft> {
    let now = store::now()?;
    let base = format!(
        "{}-{}-{}",
        now.strftime("%Y-%m-%d-%H%M"),
        slug(&cx.with, "someone"),
        kind.as_str()
    );
    let mut draft = Draft {
        id: base.clone(),
        kind,
        playbook: playbook.to_string(),
        with: cx.with.clone(),
        account: cx.account.clone(),
        started: now.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string(),
        answers: Answers::default(),
        asked: Vec::new(),
        prep: cx.prep.as_ref().map(|p| p.id.clone()),
        coach_version: env!("CARGO_PKG_VERSION").to_string(),
    };
    if claim {
        store.claim_draft(&mut draft, &base)?;
    }
    Ok(draft)
}

/// Walk the playbook from where the draft stands: through the answers file
/// (`script`, handing the rest to the terminal if there is one) or the
/// terminal, writing the draft after every answer a person types. On any
/// error the draft is kept or dropped and the message says how to resume.
/// The terminal comes back when it was used directly.
pub fn walk<'p>(
    store: &'p Store,
    playbook: &'p Playbook,
    cx: &Context,
    draft: &'p mut Draft,
    offer: impl FnOnce(Flow<'p>) -> Flow<'p>,
    terminal: Option<Terminal>,
    script: Option<HashMap<String, Option<Answer>>>,
) -> Result<(Outcome, Option<Terminal>)> {
    let typed = terminal.is_some();
    let result = {
        let mut flow = offer(Flow::new(playbook, cx.clone()).resume(&draft.progress()));
        if !draft.asked.is_empty() {
            eprintln!(
                "Resuming {} ({} answered so far).",
                draft.id,
                draft.answers.0.len()
            );
            if typed {
                eprintln!("{}", report::table(&flow.outcome()?, None));
            }
        }
        if typed {
            let draft = &mut *draft;
            flow = flow.observe(Box::new(move |progress| {
                draft.update(progress);
                store.save_draft(draft)
            }));
        }
        match (script, terminal) {
            (Some(answers), terminal) => {
                let fallback = terminal.map(|t| Box::new(t) as Box<dyn Prompter>);
                flow.run(&mut Scripted::new(answers, fallback))
                    .map(|o| (o, None))
            }
            (None, Some(mut t)) => flow.run(&mut t).map(|o| (o, Some(t))),
            (None, None) => unreachable!("without a script there is a terminal"),
        }
    };
    let kept = typed && !draft.asked.is_empty();
    let (outcome, terminal) =
        result.map_err(|err| super::prep::keep_draft(err, store, draft.kind, &draft.id, kept))?;
    if !outcome.missing.is_empty() {
        return Err(missing(&outcome));
    }
    Ok((outcome, terminal))
}

/// The error for required questions still without an answer.
pub fn missing(outcome: &Outcome) -> Error {
    let asks: Vec<&crate::flow::Row> = outcome.sections.iter().flat_map(|s| &s.rows).collect();
    let list: Vec<String> = outcome
        .missing
        .iter()
        .map(|id| {
            let ask = asks
                .iter()
                .find(|r| r.id == *id)
                .map_or("", |r| r.ask.as_str());
            format!("  {id}: {ask}")
        })
        .collect();
    Error::Invalid(format!(
        "required questions have no answer:\n{}\nanswer them in the answers file (under `answers:`), or run coach in a terminal",
        list.join("\n")
    ))
}

/// Ask who the conversation is with, when no flag or file said.
/// Whether a person can be asked (stdin and stderr are terminals). With no
/// terminal and no script (`--answers`, `--no-input`) a session cannot run:
/// a usage error that names both flags.
pub fn terminal_or_script(scripted: bool) -> Result<bool> {
    let interactive = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    if !interactive && !scripted {
        return Err(Error::Usage(
            "no terminal to ask in: pass --answers FILE to answer from a file, \
             or --no-input to take the playbook's defaults"
                .into(),
        ));
    }
    Ok(interactive)
}

/// Who the conversation is with and their organisation: as given (flag,
/// answers file, draft or prep), else asked in the terminal, else a usage
/// error that says how to give them (`how`).
pub fn counterpart(
    with: Option<String>,
    account: Option<String>,
    terminal: Option<&mut Terminal>,
    how: &str,
) -> Result<Context> {
    let (with, account) = match (with.filter(|w| !w.trim().is_empty()), terminal) {
        (Some(with), _) => (with, account.unwrap_or_default()),
        (None, Some(t)) => who(t, account)?,
        (None, None) => return Err(Error::Usage(how.to_string())),
    };
    Ok(Context {
        with: with.trim().to_string(),
        account: account.trim().to_string(),
        prep: None,
    })
}

fn who(terminal: &mut Terminal, account: Option<String>) -> Result<(String, String)> {
    let q = Question::text(
        "with",
        "Who is the conversation with?",
        Some("Their name, as you would write it in your notes."),
        true,
    );
    let with = ask_text(terminal, &q)?.unwrap_or_default();
    let account = match account {
        Some(a) => a,
        None => {
            let q = Question::text(
                "account",
                "Which organisation are they with?",
                Some("Leave it empty for a conversation outside work."),
                false,
            );
            ask_text(terminal, &q)?.unwrap_or_default()
        }
    };
    Ok((with, account))
}

fn ask_text(terminal: &mut Terminal, q: &Question) -> Result<Option<String>> {
    let prompt = Prompt {
        question: q,
        ask: q.ask.clone(),
        help: q.help.clone(),
        current: None,
        earlier: None,
    };
    Ok(terminal.ask(&prompt)?.map(|a| a.display()))
}

pub fn title(playbook_title: &str, cx: &Context) -> String {
    if cx.account.is_empty() {
        format!("{playbook_title} with {}", cx.with)
    } else {
        format!("{playbook_title} with {} ({})", cx.with, cx.account)
    }
}

pub fn print(
    format: &Format,
    session: &Session,
    outcome: &Outcome,
    path: &std::path::Path,
    reviewed: bool,
) -> Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &session.to_json(path, &outcome.plan_vs_actual))
                .map_err(anyhow::Error::from)?;
            writeln!(out)?;
            eprintln!("Notes saved to {}", path.display());
        }
        Format::Table => {
            // The review already showed the table in this terminal.
            if !(reviewed && std::io::stdout().is_terminal()) {
                writeln!(out, "{}", report::table(outcome, None))?;
                if let Some(plan) = report::plan_table(outcome, None) {
                    writeln!(out, "{plan}")?;
                }
                write!(out, "{}", report::nudges(outcome))?;
                writeln!(out)?;
            }
            writeln!(out, "{}", path.display())?;
        }
        Format::None => writeln!(out, "{}", path.display())?,
    }
    Ok(())
}
