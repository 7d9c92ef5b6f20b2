//! The prep and debrief workflow: from a request to a saved session.
//!
//! A session starts a draft (or resumes one), settles who it is with, walks
//! the playbook through a [`Prompter`](crate::flow::Prompter) — the
//! terminal, an answers file, or both — writing the draft after every typed
//! answer, then saves the notes and only then drops the draft. `prep` adds
//! what the last debrief with the same person learned; `debrief` finds the
//! prep it is held against, the transcript's figures and the follow-ups.
//!
//! - [`prep`], [`debrief`]: the two workflows, one call each;
//! - `walk`: what both share (draft, walk, record, save);
//! - [`who`]: who the conversation is with, matched to known people;
//! - [`since`]: the thread from the last debrief into the next prep;
//! - `transcript`: what a debrief takes from the call's transcript;
//! - [`account()`]: an account's Blue Sheet from its sessions, and the one
//!   line of red flags the card and the next prep show.

pub mod debrief;
mod invite;
pub mod prep;
pub mod since;
mod transcript;
mod walk;
pub mod who;

use std::path::PathBuf;

use crate::error::{Error, Result};
use crate::flow::Outcome;
use crate::playbook::{Kind, Playbook};
use crate::prompt::terminal::Terminal;
use crate::session::Session;
use crate::session::draft::Draft;
use crate::store::Store;

pub use debrief::{Debrief, debrief};
pub use invite::Invite;
pub use prep::{Prep, prep};

/// The Blue Sheet of `account` (a name the notes use) from every session at it.
pub fn account(store: &Store, account: &str) -> Result<crate::account::Account> {
    let loaded = store.account_sessions(account)?;
    loaded.print_warnings();
    let sessions: Vec<Session> = loaded.found.into_iter().map(|(_, s)| s).collect();
    Ok(crate::account::blue_sheet(
        account,
        &sessions,
        store.now().date(),
    ))
}

/// The account's red flags in one line, when it has sessions and flags:
/// what the card and the next prep with someone there show.
pub fn red_flags_line(store: &Store, account: &str) -> Result<Option<String>> {
    if account.trim().is_empty() {
        return Ok(None);
    }
    let sheet = self::account(store, account)?;
    if sheet.sessions == 0 {
        return Ok(None);
    }
    Ok(crate::account::flags_line(&sheet))
}

/// A saved session: its record, what the walk showed, where its notes are,
/// and whether a person reviewed it in the terminal.
#[derive(Debug)]
pub struct Finished {
    pub session: Session,
    pub outcome: Outcome,
    pub path: PathBuf,
    pub reviewed: bool,
}

/// How the questions are answered.
#[derive(Debug, Clone, Default)]
pub struct Answering {
    /// `--answers FILE`.
    pub file: Option<PathBuf>,
    /// `--no-input`: never prompt.
    pub no_input: bool,
}

impl Answering {
    fn scripted(&self) -> bool {
        self.file.is_some() || self.no_input
    }

    /// Whether a person can be asked: stdin and stderr are terminals and
    /// `--no-input` is not given. With no terminal and no script a session
    /// cannot run: a usage error that names both flags.
    fn can_ask(&self, store: &Store) -> Result<bool> {
        let env = store.env();
        let interactive = env.stdin_tty && env.stderr_tty;
        if !interactive && !self.scripted() {
            return Err(Error::Usage(
                "no terminal to ask in: pass --answers FILE to answer from a file, \
                 or --no-input to take the playbook's defaults"
                    .into(),
            ));
        }
        Ok(interactive && !self.no_input)
    }
}

/// The terminal prompter, with the store's editor and scratch space.
fn terminal(store: &Store) -> Terminal {
    Terminal::new(store.editor().map(|(e, _)| e), Box::new(store.clone()))
}

/// The file `--playbook` named, when it named one by path: said again in
/// the command that resumes the draft.
fn playbook_file(flag: Option<&str>) -> Option<PathBuf> {
    flag.filter(|arg| crate::store::playbooks::looks_like_path(arg))
        .and_then(|arg| std::path::absolute(arg).ok())
}

/// The playbook a resumed draft continues. A draft names its playbook by id
/// (never a path, so none comes from a file's content); a playbook given
/// by path when the session started is given again with `--playbook`,
/// which must be the one with that id.
fn resumed_playbook(store: &Store, draft: &Draft, flag: Option<&str>) -> Result<Playbook> {
    let Some(arg) = flag else {
        return store.playbook_by_id(&draft.playbook).map_err(|err| match err {
            Error::NotFound(why) | Error::Invalid(why) => Error::NotFound(format!(
                "{why}\n  the draft {} follows the playbook `{}`; if it is a file, pass it again: \
                 coach {} --resume {} --playbook PATH",
                draft.id,
                crate::text::printable_line(&draft.playbook),
                draft.kind.as_str(),
                draft.id
            )),
            other => other,
        });
    };
    let playbook = store.playbook(arg)?;
    if playbook.id != draft.playbook {
        return Err(Error::Usage(format!(
            "the draft {} follows the playbook `{}`, and {arg} is `{}`",
            draft.id,
            crate::text::printable_line(&draft.playbook),
            playbook.id
        )));
    }
    Ok(playbook)
}

/// The draft to resume (`text`: empty for the newest), listing the others
/// when the newest is taken.
fn resume(store: &Store, kind: Kind, text: &str) -> Result<Draft> {
    let draft = store.draft(kind, text)?;
    if text.trim().is_empty() {
        let (all, _) = store.drafts(kind);
        if all.len() > 1 {
            crate::note!("Unfinished drafts, newest first:");
            for d in &all {
                crate::note!(
                    "  {}  {} answered, with {}",
                    d.id,
                    d.answers.0.len(),
                    crate::text::printable_line(&d.with)
                );
            }
            crate::note!(
                "Continuing the newest; name another with `coach {} --resume ID`.",
                kind.as_str()
            );
        }
    }
    Ok(draft)
}
