//! `coach prep`: walk a prep playbook before a conversation and save notes.

use std::path::PathBuf;

use crate::cli::PrepArgs;
use crate::error::{Error, Result};
use crate::playbook::Kind;
use crate::playbook::load;
use crate::prompt::scripted::AnswersFile;
use crate::prompt::terminal::Terminal;
use crate::session::draft::Draft;
use crate::session::store::Store;

use super::session::{counterpart, new_draft, print, save, session_from, terminal_or_script, walk};

pub fn run(args: PrepArgs, home: Option<PathBuf>) -> Result<()> {
    let store = Store::open(home)?;
    let resumed = match &args.resume {
        Some(id) => Some(pick_draft(&store, Kind::Prep, id)?),
        None => None,
    };
    let name = match &resumed {
        Some(draft) => draft.playbook.as_str(),
        None => match args.playbook.as_deref() {
            Some(name) => name,
            None => crate::config::current()?.default_playbook().0,
        },
    };
    let playbook = load::find(name, &load::search_dirs())?;
    if playbook.kind != Kind::Prep {
        return Err(Error::Usage(format!(
            "`{}` is a {} playbook; `coach prep` follows prep playbooks",
            playbook.id,
            playbook.kind.as_str()
        )));
    }

    let scripted = args.answers.is_some() || args.no_input;
    let interactive = terminal_or_script(scripted)?;
    let file = match &args.answers {
        Some(path) => AnswersFile::load(path, &playbook)?,
        None => AnswersFile::default(),
    };
    let can_ask = interactive && !args.no_input;
    let mut terminal = can_ask.then(|| Terminal::new(store.drafts_dir()));

    let (with, account) = match &resumed {
        Some(draft) => (Some(draft.with.clone()), Some(draft.account.clone())),
        None => (
            args.with.clone().or(file.with.clone()),
            args.account.clone().or(file.account.clone()),
        ),
    };
    let cx = counterpart(
        with,
        account,
        terminal.as_mut(),
        "who is the conversation with? Pass --with NAME (or `with:` in the answers file)",
    )?;

    let mut draft = match resumed {
        Some(draft) => draft,
        None => new_draft(&store, Kind::Prep, name, &cx, terminal.is_some())?,
    };
    let reviewed_on_terminal = terminal.is_some();
    // Only a person at a terminal sees (and can confirm) what was learned.
    let since = terminal
        .as_ref()
        .and_then(|_| super::since::last_debrief(&store, &cx.with));
    if let (Some(since), Some(_)) = (&since, &terminal) {
        since.show(&store, std::io::stderr())?;
    }
    let script = scripted.then_some(file.answers);
    let offer = |flow| match &since {
        Some(since) => since.offer(flow),
        None => flow,
    };
    let (outcome, _) = walk(&store, &playbook, &cx, &mut draft, offer, terminal, script)?;
    let keeps_draft = reviewed_on_terminal && !draft.asked.is_empty();

    let mut session = session_from(&draft, &playbook, &cx, &outcome);
    let path = save(&store, &mut session, &outcome, &playbook, keeps_draft)?;
    print(
        &args.format,
        &session,
        &outcome,
        &path,
        reviewed_on_terminal,
    )
}

/// The error that stopped a session, saying where the answers are: in a
/// draft to resume (`kept`), or nowhere because nothing was typed yet (the
/// empty draft is removed).
pub(super) fn keep_draft(err: Error, store: &Store, kind: Kind, id: &str, kept: bool) -> Error {
    if !kept {
        let _ = store.remove_draft(id);
    }
    let resume = format!("continue with: coach {} --resume {id}", kind.as_str());
    match err {
        Error::Interrupted(_) if kept => {
            Error::Interrupted(format!("Your answers are saved in a draft; {resume}"))
        }
        Error::Interrupted(_) => {
            Error::Interrupted("Nothing was answered yet, so nothing was saved.".into())
        }
        Error::Other(e) if kept => Error::Other(anyhow::anyhow!(
            "{e:#}\nYour answers are kept in a draft; fix this, then {resume}"
        )),
        other => other,
    }
}

/// The draft to resume: by id, or the newest (listing the others).
pub(super) fn pick_draft(store: &Store, kind: Kind, id: &str) -> Result<Draft> {
    let id = Some(id).filter(|i| !i.is_empty());
    let draft = store.find_draft(kind, id)?;
    if id.is_none() {
        let all = store.drafts(kind);
        if all.len() > 1 {
            eprintln!("Unfinished drafts, newest first:");
            for d in &all {
                eprintln!(
                    "  {}  {} answered, with {}",
                    d.id,
                    d.answers.0.len(),
                    d.with
                );
            }
            eprintln!(
                "Continuing the newest; name another with `coach {} --resume ID`.",
                kind.as_str()
            );
        }
    }
    Ok(draft)
}
