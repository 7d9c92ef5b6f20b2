//! `prep`: walk a prep playbook before a conversation and save the notes.

use std::path::PathBuf;

use super::walk::{new_draft, record, save, walk};
use super::who::{Given, counterpart};
use super::{Answering, Finished, resume, terminal};
use crate::error::{Error, Result};
use crate::flow::Prompter;
use crate::playbook::Kind;
use crate::prompt::scripted::AnswersFile;
use crate::store::Store;
use crate::store::files::read_source;

/// What `coach prep` was asked to do.
#[derive(Debug, Clone, Default)]
pub struct Prep {
    pub playbook: Option<String>,
    pub with: Option<String>,
    pub account: Option<String>,
    /// `--invite FILE [--event UID]`: the meeting to prepare.
    pub invite: Option<super::Invite>,
    pub answering: Answering,
    /// `--resume [ID]`: the draft to continue (empty: the newest).
    pub resume: Option<String>,
    /// `--full`: every question, not only the default walk.
    pub full: bool,
}

pub fn prep(store: &Store, req: Prep) -> Result<Finished> {
    let resumed = req
        .resume
        .as_deref()
        .map(|text| resume(store, Kind::Prep, text))
        .transpose()?;
    let playbook = match (&resumed, &req.playbook) {
        (Some(draft), flag) => super::resumed_playbook(store, draft, flag.as_deref())?,
        (None, Some(name)) => store.playbook(name)?,
        (None, None) => store.playbook(store.default_playbook().0)?,
    };
    if playbook.kind != Kind::Prep {
        return Err(Error::Usage(format!(
            "`{}` is a {} playbook; `coach prep` follows prep playbooks",
            playbook.id,
            playbook.kind.as_str()
        )));
    }
    let can_ask = req.answering.can_ask(store)?;
    let file = match &req.answering.file {
        Some(path) => AnswersFile::parse(&read_source(path)?, &playbook).map_err(Error::BadData)?,
        None => AnswersFile::default(),
    };
    let mut terminal = can_ask.then(|| terminal(store));
    let meeting = match &req.invite {
        Some(invite) => Some(super::invite::pick(store, invite)?),
        None => None,
    };
    let given = match &resumed {
        Some(draft) => Given::Settled {
            with: draft.with.clone(),
            account: draft.account.clone(),
        },
        None => Given::Typed {
            with: req
                .with
                .clone()
                .or(meeting.as_ref().map(|m| m.with.clone()))
                .or(file.with.clone()),
            account: req.account.clone().or(file.account.clone()),
            from_file: req.answering.file.is_some(),
        },
    };
    let cx = counterpart(
        store,
        given,
        terminal.as_mut().map(|t| t as &mut dyn Prompter),
        "who is the conversation with? Pass --with NAME (or `with:` in the answers file)",
    )?;

    let mut draft = match resumed {
        Some(draft) => draft,
        None => new_draft(store, Kind::Prep, &playbook.id, &cx, terminal.is_some())?,
    };
    if let Some(m) = meeting {
        draft.call_at = Some(m.call_at);
        draft.participants = m.participants;
        draft.title = Some(m.title).filter(|t| !t.trim().is_empty());
    }
    draft.playbook_file = super::playbook_file(req.playbook.as_deref());
    let reviewed = terminal.is_some();
    // Only a person at a terminal sees (and can confirm) what was learned.
    let since = match &terminal {
        Some(_) => super::since::last_debrief(store, &cx.with, &playbook)?,
        None => None,
    };
    if let Some(since) = &since {
        since.show(
            std::io::stderr(),
            crate::report::stderr_width().clamp(40, 100),
        )?;
    }
    // Where the account's Blue Sheet is blind, before planning the call. A
    // notes directory that cannot be read is reported where it matters,
    // when the notes are saved.
    if let Some(flags) = super::red_flags_line(store, &cx.account).unwrap_or(None) {
        crate::note!(
            "Red flags at {}: {}\n  (`coach account \"{}\"` shows the people and where each fact comes from.)",
            crate::text::printable_line(&cx.account),
            crate::text::printable_line(&flags),
            crate::text::printable_line(&cx.account)
        );
    }
    let script = req.answering.scripted().then_some(file.answers);
    let full = req.full || store.full_walk().0;
    let offer = |flow| match &since {
        Some(since) => since.offer(flow, &playbook).full(full),
        None => crate::flow::Flow::full(flow, full),
    };
    let (outcome, _) = walk(store, &playbook, &cx, &mut draft, offer, terminal, script)?;
    let kept = reviewed && !draft.asked.is_empty();
    let mut session = record(&draft, &playbook, &cx, &outcome);
    let path: PathBuf = save(store, &mut session, &outcome, &playbook, &draft, kept)?;
    Ok(Finished {
        session,
        outcome,
        path,
        reviewed,
    })
}
