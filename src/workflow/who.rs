//! Who the conversation is with: as given (flag, answers file, draft or
//! prep), else asked in the terminal. A name a person types at a terminal is
//! settled against the people coach already knows — the one person matcher
//! (`store::people`), so `priya` is Priya Raman when she is the only Priya,
//! and coach says so. A script (an answers file, `--no-input`) names people
//! in full: its names are taken as they are, and no notes are read for them.

use crate::error::{Error, Result};
use crate::flow::Context;
use crate::flow::{Prompt, Prompter};
use crate::playbook::model::Choice;
use crate::playbook::{Question, QuestionType};
use crate::store::Store;
use crate::store::people::{self, Match};

/// How the counterpart was given.
pub enum Given {
    /// Typed by the user (a flag, the answers file): matched to a known person.
    Typed {
        with: Option<String>,
        account: Option<String>,
    },
    /// Taken from a draft or a prep: already settled.
    Settled { with: String, account: String },
}

/// The context of a new session: who it is with and their organisation.
/// `how` is the usage error when nobody can be asked.
pub fn counterpart(
    store: &Store,
    given: Given,
    prompter: Option<&mut dyn Prompter>,
    how: &str,
) -> Result<Context> {
    let (with, account) = match given {
        Given::Settled { with, account } => (with, account),
        Given::Typed { with, account } => {
            let at_terminal = prompter.is_some();
            let (typed, account) = match (with.filter(|w| !w.trim().is_empty()), prompter) {
                (Some(with), _) => (with, account.unwrap_or_default()),
                (None, Some(p)) => ask(p, account)?,
                (None, None) => return Err(Error::Usage(how.to_string())),
            };
            let with = if at_terminal {
                settle(store, &typed)?.name().to_string()
            } else {
                typed
            };
            (with, account)
        }
    };
    Ok(Context {
        with: with.trim().to_string(),
        account: account.trim().to_string(),
        prep: None,
    })
}

/// `typed` settled against the people in the notes; a part of one known
/// name is taken as that person, and the user is told so.
pub fn settle(store: &Store, typed: &str) -> Result<Match> {
    let found = people::resolve(typed, known(store)?.iter().map(String::as_str))?;
    if let Match::Part(name) = &found {
        eprintln!(
            "Taking “{}” as {}, from your notes; give the whole name for someone new.",
            crate::text::printable_line(typed.trim()),
            crate::text::printable_line(name)
        );
    }
    Ok(found)
}

/// Everyone the notes name as a counterpart, newest first.
fn known(store: &Store) -> Result<Vec<String>> {
    let scan = store.heads(|h| !h.with.trim().is_empty())?;
    Ok(scan.heads.into_iter().map(|h| h.with).collect())
}

fn ask(prompter: &mut dyn Prompter, account: Option<String>) -> Result<(String, String)> {
    let q = Question::text(
        "with",
        "Who is the conversation with?",
        Some("Their name, as you would write it in your notes."),
        true,
    );
    let with = ask_text(prompter, &q)?.unwrap_or_default();
    let account = match account {
        Some(a) => a,
        None => {
            let q = Question::text(
                "account",
                "Which organisation are they with?",
                Some("Leave it empty for a conversation outside work."),
                false,
            );
            ask_text(prompter, &q)?.unwrap_or_default()
        }
    };
    Ok((with, account))
}

/// Ask one question that is not in the playbook.
pub fn ask_text(prompter: &mut dyn Prompter, q: &Question) -> Result<Option<String>> {
    let prompt = Prompt {
        question: q,
        ask: q.ask.clone(),
        help: q.help.clone(),
        current: None,
        earlier: None,
    };
    Ok(prompter.ask(&prompt)?.map(|a| a.display()))
}

/// Ask the user to pick one of `items` (as shown); the index picked.
pub fn pick(prompter: &mut dyn Prompter, ask: &str, items: &[String]) -> Result<Option<usize>> {
    let mut q = Question::text("pick", ask, None, true);
    q.ty = QuestionType::Choice;
    q.choices = items
        .iter()
        .enumerate()
        .map(|(n, label)| Choice::Full {
            value: n.to_string(),
            label: Some(label.clone()),
            hint: None,
        })
        .collect();
    let picked = ask_text(prompter, &q)?;
    Ok(picked.and_then(|n| n.parse().ok()))
}
