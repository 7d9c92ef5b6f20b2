//! Who the conversation is with: as given (flag, answers file, draft or
//! prep), else asked in the terminal. A name a person types at a terminal is
//! settled against the people coach already knows — the one person matcher
//! (`store::people`), so `priya` is Priya Raman when she is the only Priya,
//! and coach says so. A script (an answers file, `--no-input`) names people
//! in full: its names are taken as they are, and no notes are read for them.

use crate::error::{Error, Result};
use crate::flow::Context;
use crate::flow::{Prompt, Prompter};
use crate::people::{self, Match};
use crate::playbook::model::Choice;
use crate::playbook::{Question, QuestionType};
use crate::store::Store;

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
                settle(store, &typed, Purpose::Name)?.name
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

/// A typed name, settled against the people in the notes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// The name to use: the known person's, or as typed for someone new.
    pub name: String,
    /// Whether the notes know them.
    pub known: bool,
    /// For someone new: the known name closest to what was typed.
    pub closest: Option<String>,
}

/// What a typed name is for: finding someone known, or naming the
/// counterpart of a new session (where a new name is fine).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Find,
    Name,
}

/// `typed` settled against the people in the notes: a part of one known
/// name is taken as that person, and the user is told so; a part of
/// several is an error listing them; an empty name is a usage error.
pub fn settle(store: &Store, typed: &str, purpose: Purpose) -> Result<Person> {
    if typed.trim().is_empty() {
        return Err(Error::Usage(
            "the name is empty: give the person's name, like --with \"Jane Smith\"".into(),
        ));
    }
    let known = store.people()?;
    let found = people::resolve(typed, known.iter().map(String::as_str)).one()?;
    if let Match::Part(name) = &found {
        let more = match purpose {
            Purpose::Find => "",
            Purpose::Name => " For someone new, give the whole name.",
        };
        crate::note!(
            "Taking “{}” as {}, from your notes.{more}",
            crate::text::printable_line(typed.trim()),
            crate::text::printable_line(name)
        );
    }
    let closest = match &found {
        Match::New(_) => {
            people::closest(typed, known.iter().map(String::as_str)).map(str::to_owned)
        }
        _ => None,
    };
    Ok(Person {
        name: found.name().to_string(),
        known: !matches!(found, Match::New(_)),
        closest,
    })
}

/// The error for a person with no prep: did-you-mean the closest known name.
pub fn no_prep_with(typed: &str, person: &Person) -> Error {
    Error::Unknown {
        what: "prep with",
        wanted: typed.trim().to_string(),
        suggestion: person.closest.clone(),
        hint: format!("run `coach prep --with \"{}\"` first", person.name),
    }
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
