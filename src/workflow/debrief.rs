//! `debrief`: after a conversation, hold what happened against the prep
//! point by point, set the transcript's figures beside the user's guesses,
//! and turn what was agreed into follow-ups.

use std::path::PathBuf;

use super::transcript::{as_answer, estimates, measure, planned_heard, summary};
use super::walk::{new_draft, record, save, walk};
use super::who::{Given, Purpose, counterpart, no_prep_with, pick, settle};
use super::{Answering, Finished, resume, terminal};
use crate::error::{Error, Result};
use crate::flow::Prompter;
use crate::flow::{self, Nudged, Outcome, PrepContext};
use crate::followups;
use crate::people::{self, Match};
use crate::playbook::{Kind, Meaning, Playbook, Question, QuestionType};
use crate::prompt::scripted::AnswersFile;
use crate::session::Session;
use crate::store::Store;
use crate::store::files::read_source;
use crate::store::lookup::Wanted;
use crate::text::printable_line;

/// The debrief run when neither the command line nor the prep's playbook names one.
pub const DEFAULT_DEBRIEF: &str = "debrief";

/// What `coach debrief` was asked to do.
#[derive(Debug, Clone, Default)]
pub struct Debrief {
    /// `--prep ID|PATH|latest`.
    pub prep: Option<String>,
    pub with: Option<String>,
    pub account: Option<String>,
    pub playbook: Option<String>,
    /// `--transcript FILE --me NAME`.
    pub transcript: Option<(PathBuf, String)>,
    /// `--speaker LABEL=NAME`, for the transcript.
    pub speakers: Vec<(String, String)>,
    pub answering: Answering,
    /// `--resume [ID]`: the draft to continue (empty: the newest).
    pub resume: Option<String>,
}

pub fn debrief(store: &Store, req: Debrief) -> Result<Finished> {
    let can_ask = req.answering.can_ask(store)?;
    // Measure the transcript first: a mistake there should stop coach before
    // anyone types an answer.
    let heard = match &req.transcript {
        Some((file, me)) => Some(measure(store, file, me, &req.speakers)?),
        None => None,
    };
    let resumed = req
        .resume
        .as_deref()
        .map(|text| resume(store, Kind::Debrief, text))
        .transpose()?;
    let mut terminal = can_ask.then(|| terminal(store));
    // The answers file is read once; its `with` finds the prep like --with.
    let answers = req.answering.file.as_deref().map(read_source).transpose()?;
    let (file_with, _) = answers
        .as_ref()
        .map(AnswersFile::counterpart)
        .unwrap_or_default();
    let Linked { prep, person } = match &resumed {
        Some(draft) => match draft.prep.as_deref() {
            // The draft's link is content: an id, never a path.
            Some(id) if !crate::session::valid_id(id) => {
                crate::note!(
                    "warning: the draft's prep `{}` is not a session id; continuing without it",
                    printable_line(id)
                );
                Linked::default()
            }
            Some(id) => match store.session(id, Some(Kind::Prep)) {
                Ok(found) => Linked::prep(found),
                Err(Error::Unknown { .. }) => {
                    crate::note!("warning: the draft's prep {id} is gone; continuing without it");
                    Linked::default()
                }
                Err(err) => {
                    crate::note!(
                        "warning: the draft's prep {id} cannot be read, so this debrief goes on without it:\n{}",
                        err.render()
                    );
                    Linked::default()
                }
            },
            None => Linked::default(),
        },
        None => find_prep(
            store,
            req.prep.as_deref(),
            req.with.clone().or(file_with.clone()).as_deref(),
            terminal.as_mut().map(|t| t as &mut dyn Prompter),
        )?,
    };
    let playbook = match &resumed {
        Some(draft) => super::resumed_playbook(store, draft, req.playbook.as_deref())?,
        None => debrief_playbook(
            store,
            req.playbook.as_deref(),
            prep.as_ref().map(|(_, s)| s),
        )?,
    };
    let playbook_id = playbook.id.clone();
    let prep_cx = prep.as_ref().map(|(_, s)| PrepContext {
        id: s.id.clone(),
        with: s.with.clone(),
        account: s.account.clone(),
        answers: s.answers.0.clone(),
        means: s.means.clone(),
        skipped: s.skipped.clone(),
    });
    // `choices_from: prep.<id>` questions take their choices from the prep.
    let playbook = flow::with_prep_choices(&playbook, prep_cx.as_ref());
    let file = match &answers {
        Some(source) => AnswersFile::parse(source, &playbook).map_err(Error::BadData)?,
        None => AnswersFile::default(),
    };
    let given = match (&resumed, &prep) {
        (Some(d), _) => Given::Settled {
            with: d.with.clone(),
            account: d.account.clone(),
        },
        (None, Some((_, s))) => Given::Settled {
            with: s.with.clone(),
            account: s.account.clone(),
        },
        // `--with` was looked for and settled, and has no prep; their
        // account is kept unless told otherwise.
        (None, None) if person.is_some() => {
            let with = person.clone().unwrap_or_default();
            let account = match req.account.clone().or(file.account.clone()) {
                Some(account) => account,
                None => store.account_of(&with)?.unwrap_or_default(),
            };
            Given::Settled { with, account }
        }
        (None, None) => Given::Typed {
            with: req.with.clone().or(file.with.clone()),
            account: req.account.clone().or(file.account.clone()),
            from_file: req.answering.file.is_some(),
        },
    };
    let mut cx = counterpart(
        store,
        given,
        terminal.as_mut().map(|t| t as &mut dyn Prompter),
        "who was the conversation with? Pass --with NAME or --prep ID (or `with:` in the answers file)",
    )?;
    cx.prep = prep_cx;
    // `--with` without a prep has said so already.
    if prep.is_none() && resumed.is_none() && person.is_none() {
        crate::note!("No prep is linked: this debrief stands on its own, and its notes say so.");
    }

    let mut draft = match resumed {
        Some(draft) => draft,
        None => new_draft(store, Kind::Debrief, &playbook_id, &cx, terminal.is_some())?,
    };
    draft.playbook_file = super::playbook_file(req.playbook.as_deref());
    let reviewed = terminal.is_some();
    let mut script = req.answering.scripted().then_some(file.answers);
    // What the transcript says is on screen before the walk; the planned
    // questions heard are offered to confirm at a terminal, and fill the
    // answer an answers file left out.
    let heard_planned = heard.as_ref().and_then(|h| planned_heard(h, &playbook));
    if let Some(h) = &heard {
        let total = playbook
            .meaning(Meaning::AskedQuestions)
            .map_or(0, |q| q.choices.len());
        crate::note!("{}", summary(h, heard_planned.as_ref(), total));
    }
    let offered = match (&heard_planned, script.as_mut(), reviewed) {
        (Some((id, pairs)), Some(answers), false) if !answers.contains_key(id) => {
            answers.insert(id.clone(), Some(as_answer(pairs)));
            crate::note!(
                "The answers file does not say which planned questions were asked: coach \
                 ticked the {} heard in the transcript.",
                pairs.len()
            );
            None
        }
        (Some((id, pairs)), _, true) => Some((id.clone(), as_answer(pairs))),
        _ => None,
    };
    let measured = heard.map(|h| h.measured);
    // What the transcript measured is set beside the estimates in the
    // review, the summary and the notes alike.
    let prep_playbook = prep.as_ref().map(|(_, s)| s.playbook.as_str());
    let beside = measured
        .clone()
        .map(|m| estimates(m, &playbook, prep_playbook));
    let offer = |flow| {
        let flow = match beside {
            Some(extra) => crate::flow::Flow::with_extra_nudges(flow, extra),
            None => flow,
        };
        match offered {
            Some((id, answer)) => flow.with_earlier(&id, "Heard in the call", answer, true),
            None => flow,
        }
    };
    let (outcome, mut terminal) = walk(store, &playbook, &cx, &mut draft, offer, terminal, script)?;
    let kept = reviewed && !draft.asked.is_empty();

    let mut session = record(&draft, &playbook, &cx, &outcome);
    session.listen = measured;
    let day = session.date.date();
    let outcome = follow_ups(
        &mut session,
        outcome,
        day,
        terminal.as_mut().map(|t| t as &mut dyn Prompter),
    )?;
    let path = save(store, &mut session, &outcome, &playbook, &draft, kept)?;
    Ok(Finished {
        session,
        outcome,
        path,
        reviewed,
    })
}

/// The prep a debrief is held against (with the path of its notes), and the
/// person `--with` was settled as when it has none.
#[derive(Default)]
struct Linked {
    prep: Option<(PathBuf, Session)>,
    person: Option<String>,
}

impl Linked {
    fn prep(found: (PathBuf, Session)) -> Linked {
        Linked {
            prep: Some(found),
            person: None,
        }
    }
}

/// The prep to hold the debrief against: `--prep ID|PATH|latest` (`latest`
/// with `--with`: that person's latest), else the latest prep with
/// `--with`, else (in a terminal) one picked from the recent ones. `None` is
/// a debrief without a prep; when `--with` finds none, it says so, and the
/// person `--with` was settled as comes back beside it.
fn find_prep(
    store: &Store,
    prep: Option<&str>,
    with: Option<&str>,
    prompter: Option<&mut dyn Prompter>,
) -> Result<Linked> {
    match (prep, with) {
        (Some(text), Some(with)) if Wanted::parse(text, "md") == Wanted::Latest => {
            let person = settle(store, with, Purpose::Find)?;
            match store.latest(Kind::Prep, &person.name)? {
                Some(found) => Ok(Linked::prep(found)),
                None => Err(no_prep_with(with, &person)),
            }
        }
        (Some(text), with) => {
            let found = store.session(text, Some(Kind::Prep))?;
            // `--with` beside a prep must be that prep's person.
            if let Some(with) = with
                && !matches!(
                    people::resolve(with, [found.1.with.as_str()]),
                    Match::Whole(_) | Match::Part(_)
                )
            {
                return Err(Error::Usage(format!(
                    "the prep {} is with {}, not {}: drop --with, or name that person's prep",
                    found.1.id,
                    printable_line(&found.1.with),
                    printable_line(with)
                )));
            }
            Ok(Linked::prep(found))
        }
        (None, Some(with)) => {
            let person = settle(store, with, Purpose::Find)?;
            let found = store.latest(Kind::Prep, &person.name)?;
            if found.is_none() {
                let close = match &person.closest {
                    Some(c) => format!(" (did you mean {}?)", printable_line(c)),
                    None => String::new(),
                };
                crate::note!(
                    "No prep with {} was found{close}: this debrief goes on without one.",
                    printable_line(&person.name)
                );
            }
            Ok(Linked {
                prep: found,
                person: Some(person.name),
            })
        }
        (None, None) => match prompter {
            Some(p) => Ok(Linked {
                prep: pick_prep(store, p)?,
                person: None,
            }),
            None => Ok(Linked::default()),
        },
    }
}

/// Pick the prep from the recent ones, newest first.
fn pick_prep(store: &Store, prompter: &mut dyn Prompter) -> Result<Option<(PathBuf, Session)>> {
    let loaded = store.sessions(|h| h.kind == Kind::Prep)?;
    loaded.print_warnings();
    let recent: Vec<(PathBuf, Session)> = loaded.found.into_iter().take(15).collect();
    if recent.is_empty() {
        return Ok(None);
    }
    let mut items: Vec<String> = recent
        .iter()
        .map(|(_, s)| {
            let account = if s.account.is_empty() {
                String::new()
            } else {
                format!(", {}", s.account)
            };
            crate::text::printable_line(&format!(
                "{}  {}{account}  ({})",
                s.date.minute(),
                s.with,
                s.playbook
            ))
        })
        .collect();
    items.push("No prep: debrief on its own".into());
    let picked = pick(prompter, "Which prep was this conversation for?", &items)?;
    Ok(picked.and_then(|n| recent.into_iter().nth(n)))
}

/// `--playbook`, else the debrief the prep's playbook names, else `debrief`,
/// loaded and checked to be a debrief playbook.
fn debrief_playbook(store: &Store, flag: Option<&str>, prep: Option<&Session>) -> Result<Playbook> {
    let (name, named_by) = match (flag, prep) {
        (Some(name), _) => (name.to_string(), None),
        (None, Some(prep)) => match store
            .playbook_by_id(&prep.playbook)
            .ok()
            .and_then(|p| p.debrief)
        {
            Some(name) => (name, Some(prep.playbook.clone())),
            None => (DEFAULT_DEBRIEF.to_string(), None),
        },
        (None, None) => (DEFAULT_DEBRIEF.to_string(), None),
    };
    let playbook = match (store.playbook(&name), named_by) {
        (Err(Error::NotFound(why)), Some(prep_playbook)) => {
            return Err(Error::NotFound(format!(
                "the prep playbook `{prep_playbook}` names `debrief: {name}`, which cannot be found: {why}\n  \
                 fix its `debrief:` key, or choose one with --playbook"
            )));
        }
        (result, _) => result?,
    };
    if playbook.kind != Kind::Debrief {
        return Err(Error::Usage(format!(
            "`{}` is a {} playbook; `coach debrief` follows debrief playbooks",
            playbook.id,
            playbook.kind.as_str()
        )));
    }
    Ok(playbook)
}

/// Turn the next steps into follow-ups with owners and due dates; a due date
/// that cannot be read, or none at all, is asked for in a terminal, else
/// noted as a nudge.
fn follow_ups(
    session: &mut Session,
    mut outcome: Outcome,
    day: jiff::civil::Date,
    mut prompter: Option<&mut dyn Prompter>,
) -> Result<Outcome> {
    let mut out = Vec::new();
    let question = session
        .means
        .id(Meaning::NextSteps)
        .unwrap_or_default()
        .to_string();
    let steps = followups::next_steps(session.meant(Meaning::NextSteps), &session.id, day);
    for parsed in steps {
        let mut followup = parsed.followup;
        if followup.due.is_none() {
            let phrase = parsed.due_text;
            match prompter.as_deref_mut() {
                Some(p) => followup.due = ask_due(p, &followup.what, phrase.as_deref())?,
                None => {
                    let text = match phrase {
                        Some(phrase) => format!(
                            "Could not read the due date \"{phrase}\" of \"{}\"; give it as YYYY-MM-DD.",
                            followup.what
                        ),
                        None => format!(
                            "\"{}\" has no date; add one (\"by Friday\", YYYY-MM-DD) if you'd like a reminder.",
                            followup.what
                        ),
                    };
                    session.nudges.push(text.clone());
                    outcome.nudges.push(Nudged {
                        question: question.clone(),
                        text,
                    });
                }
            }
        }
        out.push(followup);
    }
    session.followups = out;
    Ok(outcome)
}

/// Ask for the due date of a next step whose date could not be read
/// (`phrase`), or that has none.
fn ask_due(
    prompter: &mut dyn Prompter,
    what: &str,
    phrase: Option<&str>,
) -> Result<Option<jiff::civil::Date>> {
    let help = match phrase {
        Some(phrase) => format!(
            "“{phrase}” could not be read as a date: give it as YYYY-MM-DD, or leave it empty."
        ),
        None => "No date was given: a date keeps it from slipping (YYYY-MM-DD), or leave it \
            empty."
            .to_string(),
    };
    let mut q = Question::text("due", &format!("When is “{what}” due?"), Some(&help), false);
    q.ty = QuestionType::Date;
    let answer = super::who::ask_text(prompter, &q)?;
    Ok(answer.and_then(|d| d.parse().ok()))
}
