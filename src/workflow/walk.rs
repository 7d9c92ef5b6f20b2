//! What prep and debrief share: a new draft, the walk through the playbook
//! (answers file, terminal, or both), the session record the walk makes,
//! and saving its notes before the draft is dropped.

use std::collections::HashMap;
use std::path::PathBuf;

use crate::error::{Error, Result};
use crate::flow::Prompter;
use crate::flow::{Context, Flow, Outcome};
use crate::playbook::{Answer, Kind, Playbook};
use crate::prompt::scripted::Scripted;
use crate::prompt::terminal::Terminal;
use crate::report;
use crate::session::draft::Draft;
use crate::session::{Answers, Moment, Session};
use crate::store::Store;
use crate::text::slug;

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
    let started = Moment::of(&store.now());
    let base = format!(
        "{}-{}-{}",
        started.id_stamp(),
        slug(&cx.with, "someone"),
        kind.as_str()
    );
    let mut draft = Draft {
        id: base.clone(),
        kind,
        playbook: playbook.to_string(),
        with: cx.with.clone(),
        account: cx.account.clone(),
        started,
        answers: Answers::default(),
        asked: Vec::new(),
        prep: cx.prep.as_ref().map(|p| p.id.clone()),
        call_at: None,
        participants: Vec::new(),
        title: None,
        coach_version: env!("CARGO_PKG_VERSION").to_string(),
        playbook_file: None,
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
            crate::note!(
                "Resuming {} ({} answered so far).",
                draft.id,
                draft.answers.0.len()
            );
            if typed {
                crate::note!(
                    "{}",
                    report::table(&flow.outcome()?, report::stderr_width())
                );
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
            (None, None) => Err(Error::Usage(
                "nothing to answer with: pass --answers FILE or --no-input, or run coach in a terminal"
                    .into(),
            )),
        }
    };
    let kept = typed && !draft.asked.is_empty();
    let (outcome, terminal) = result.map_err(|err| keep_draft(err, store, draft, kept))?;
    if !outcome.missing.is_empty() {
        return Err(missing(&outcome));
    }
    Ok((outcome, terminal))
}

/// The session record of a finished walk: the draft's id and start, the
/// playbook, who it was with, and what the walk produced.
pub fn record(draft: &Draft, playbook: &Playbook, cx: &Context, outcome: &Outcome) -> Session {
    Session {
        id: draft.id.clone(),
        kind: draft.kind,
        playbook: playbook.id.clone(),
        playbook_version: playbook.version,
        title: draft
            .title
            .clone()
            .unwrap_or_else(|| title(&playbook.title, cx)),
        with: cx.with.clone(),
        account: cx.account.clone(),
        date: draft.started,
        tags: vec!["coach".into(), draft.kind.as_str().into()],
        prep: cx.prep.as_ref().map(|p| p.id.clone()),
        answers: Answers(outcome.answers.clone()),
        means: playbook.meanings(),
        plan_vs_actual: outcome.plan_vs_actual.clone(),
        skipped: outcome.skipped.clone(),
        nudges: outcome.nudges.iter().map(|n| n.text.clone()).collect(),
        followups: Vec::new(),
        listen: None,
        call_at: draft.call_at,
        participants: draft.participants.clone(),
        coach_version: env!("CARGO_PKG_VERSION").to_string(),
    }
}

/// Write the notes (never over another file) and only then drop the draft;
/// a failure keeps the draft when a person typed the answers (`kept`).
pub fn save(
    store: &Store,
    session: &mut Session,
    outcome: &Outcome,
    playbook: &Playbook,
    draft: &Draft,
    kept: bool,
) -> Result<PathBuf> {
    // A prep links the last debrief with the same person, as vaults link.
    let last = match session.kind {
        Kind::Prep => store
            .heads(|h| h.kind == Kind::Debrief && crate::people::same(&h.with, &session.with))
            .ok()
            .and_then(|scan| scan.heads.into_iter().next())
            .map(|h| h.id),
        Kind::Debrief => None,
    };
    let path = store
        .save_session(session, |s| {
            crate::session::notes::render(s, outcome, &playbook.title, last.as_deref())
        })
        .map_err(|err| keep_draft(err, store, draft, kept))?;
    store.remove_draft(&draft.id)?;
    Ok(path)
}

/// The error that stopped a session, saying where the answers are: in a
/// draft to resume (`kept`), or nowhere because nothing was typed yet (the
/// empty draft is removed).
fn keep_draft(err: Error, store: &Store, draft: &Draft, kept: bool) -> Error {
    if !kept {
        let _ = store.remove_draft(&draft.id);
    }
    let resume = format!("continue with: {}", draft.resume_command());
    match err {
        Error::Interrupted(_) if kept => {
            Error::Interrupted(format!("Your answers are saved in a draft; {resume}"))
        }
        Error::Interrupted(_) => {
            Error::Interrupted("Nothing was answered yet, so nothing was saved.".into())
        }
        Error::Other(_) | Error::Io { .. } | Error::Invalid(_) if kept => Error::Other(
            anyhow::anyhow!("{err:#}\nYour answers are kept in a draft; fix this, then {resume}"),
        ),
        other => other,
    }
}

/// The error for required questions still without an answer.
fn missing(outcome: &Outcome) -> Error {
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

/// `Discovery call with Jane Smith (Acme Corp)`.
pub fn title(playbook_title: &str, cx: &Context) -> String {
    if cx.account.is_empty() {
        format!("{playbook_title} with {}", cx.with)
    } else {
        format!("{playbook_title} with {} ({})", cx.with, cx.account)
    }
}
