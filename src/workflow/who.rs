//! Who the conversation is with: as given (flag, answers file, draft or
//! prep), else asked in the terminal. A name a person types at a terminal is
//! settled against the people coach already knows — the one person matcher
//! (`store::people`), so `priya` is Priya Raman when she is the only Priya,
//! and coach says so. A script (an answers file, `--no-input`) names people
//! in full: its names are taken as they are. A known person keeps their
//! account unless told otherwise: at a terminal it is asked with the known
//! one filled in, from a file it is taken as it is (coach says so).

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
        /// Answering from a file: a known account is taken as it is, not asked.
        from_file: bool,
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
        Given::Typed {
            with,
            account,
            from_file,
        } => {
            let at_terminal = prompter.is_some();
            let mut prompter = prompter;
            let asked = with.as_ref().is_none_or(|w| w.trim().is_empty());
            let typed = match (
                with.filter(|w| !w.trim().is_empty()),
                prompter.as_deref_mut(),
            ) {
                (Some(with), _) => with,
                (None, Some(p)) => ask_text(p, &name_question())?.unwrap_or_default(),
                (None, None) => return Err(Error::Usage(how.to_string())),
            };
            let with = if at_terminal {
                settle(store, &typed, Purpose::Name)?.name
            } else {
                typed
            };
            let account = match account {
                Some(account) => account,
                None => {
                    let known = store.account_of(&with)?;
                    match prompter {
                        // Asked when the name was, or (typing) to confirm the one known.
                        Some(p) if asked || (known.is_some() && !from_file) => {
                            ask_account(p, known)?.unwrap_or_default()
                        }
                        _ => {
                            if let Some(known) = &known {
                                crate::note!(
                                    "Account: {} (from your notes with {}; give --account to change it).",
                                    crate::text::printable_line(known),
                                    crate::text::printable_line(&with)
                                );
                            }
                            known.unwrap_or_default()
                        }
                    }
                }
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

/// `typed` settled against the accounts in the notes, as a person's name
/// is: the whole name, or a part of exactly one (the user is told). An
/// account the notes do not name is not found, with the closest one.
pub fn settle_account(store: &Store, typed: &str) -> Result<String> {
    if typed.trim().is_empty() {
        return Err(Error::Usage(
            "the account is empty: give its name, like `coach account \"Acme Corp\"`".into(),
        ));
    }
    let known = store.accounts()?;
    let found = match people::resolve(typed, known.iter().map(String::as_str)) {
        Match::Several { typed, names } => {
            return Err(Error::Ambiguous {
                what: "accounts",
                wanted: typed,
                candidates: names,
                advice: "give the whole name",
            });
        }
        other => other,
    };
    match found {
        Match::Whole(name) => Ok(name),
        Match::Part(name) => {
            crate::note!(
                "Taking “{}” as {}, from your notes.",
                crate::text::printable_line(typed.trim()),
                crate::text::printable_line(&name)
            );
            Ok(name)
        }
        _ => Err(Error::Unknown {
            what: "session at account",
            wanted: typed.trim().to_string(),
            suggestion: people::closest(typed, known.iter().map(String::as_str))
                .map(str::to_owned),
            hint: "`coach history` lists your sessions with their accounts; `coach prep --account NAME` starts one".into(),
        }),
    }
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

fn name_question() -> Question {
    Question::text(
        "with",
        "Who is the conversation with?",
        Some("Their name, as you would write it in your notes."),
        true,
    )
}

/// Ask for the organisation, starting from the one the notes know.
fn ask_account(prompter: &mut dyn Prompter, known: Option<String>) -> Result<Option<String>> {
    let help = match &known {
        Some(_) => "From your last conversation with them; press Enter to keep it, or change it.",
        None => "Leave it empty for a conversation outside work.",
    };
    let q = Question::text(
        "account",
        "Which organisation are they with?",
        Some(help),
        false,
    );
    ask_from(prompter, &q, known)
}

/// Ask one question that is not in the playbook.
pub fn ask_text(prompter: &mut dyn Prompter, q: &Question) -> Result<Option<String>> {
    ask_from(prompter, q, None)
}

/// Ask one question that is not in the playbook, starting from `current`.
fn ask_from(
    prompter: &mut dyn Prompter,
    q: &Question,
    current: Option<String>,
) -> Result<Option<String>> {
    let prompt = Prompt {
        question: q,
        ask: q.ask.clone(),
        help: q.help.clone(),
        current: current.map(crate::playbook::Answer::Text),
        earlier: None,
        progress: None,
    };
    loop {
        match prompter.ask(&prompt) {
            // Nothing comes before these questions: `<` asks again.
            Err(crate::error::Error::Back) => continue,
            other => return Ok(other?.map(|a| a.display())),
        }
    }
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
    // Picking where to go on is no answer to invent: start on the first.
    let picked = ask_from(prompter, &q, Some("0".to_string()))?;
    Ok(picked.and_then(|n| n.parse().ok()))
}
