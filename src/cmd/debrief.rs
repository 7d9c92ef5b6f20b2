//! `coach debrief`: after a conversation, hold what happened against the prep
//! point by point, and turn what was agreed into follow-ups.

use std::path::{Path, PathBuf};

use dialoguer::Select;
use dialoguer::theme::ColorfulTheme;

use crate::cli::DebriefArgs;
use crate::error::{Error, Result};
use crate::flow::{self, Outcome, PrepContext};
use crate::followups;
use crate::history::scan::sessions;
use crate::playbook::{Answer, Kind, load};
use crate::prompt::scripted::AnswersFile;
use crate::prompt::terminal::Terminal;
use crate::session::store::{self, Store};
use crate::session::{FollowUp, Measured, Session, read};

use super::prep::pick_draft;
use super::session::{counterpart, new_draft, print, save, session_from, terminal_or_script, walk};

/// The debrief run when neither the command line nor the prep's playbook names one.
pub const DEFAULT_DEBRIEF: &str = "debrief";

/// The question whose answer holds the next steps agreed.
const NEXT_STEPS: &str = "next_steps";

pub fn run(args: DebriefArgs, home: Option<PathBuf>) -> Result<()> {
    let store = Store::open(home)?;
    let scripted = args.answers.is_some() || args.no_input;
    let interactive = terminal_or_script(scripted)?;
    let can_ask = interactive && !args.no_input;
    // Measure the transcript first: a mistake there should stop coach before
    // anyone types an answer.
    let measured = match (&args.transcript, &args.me) {
        (Some(file), Some(me)) => Some(measure(file, me)?),
        _ => None,
    };
    let resumed = match &args.resume {
        Some(id) => Some(pick_draft(&store, Kind::Debrief, id)?),
        None => None,
    };
    let prep = match &resumed {
        Some(draft) => draft.prep.as_deref().and_then(|id| {
            let found = sessions(&store, |h| h.id == id).into_iter().next();
            if found.is_none() {
                eprintln!("warning: the draft's prep {id} is gone; continuing without it");
            }
            found
        }),
        None => find_prep(&store, &args, can_ask)?,
    };
    let playbook_name = match &resumed {
        Some(draft) => draft.playbook.clone(),
        None => debrief_playbook(&args, prep.as_ref().map(|(_, s)| s))?,
    };
    let playbook = load::find(&playbook_name, &load::search_dirs())?;
    let prep_cx = prep.as_ref().map(|(_, s)| PrepContext {
        id: s.id.clone(),
        with: s.with.clone(),
        account: s.account.clone(),
        answers: s.answers.0.clone(),
    });
    // `choices_from: prep.<id>` questions take their choices from the prep.
    let playbook = flow::with_prep_choices(&playbook, prep_cx.as_ref());
    let file = match &args.answers {
        Some(path) => AnswersFile::load(path, &playbook)?,
        None => AnswersFile::default(),
    };
    let mut terminal = can_ask.then(|| Terminal::new(store.drafts_dir()));

    let (with, account) = match (&resumed, &prep) {
        (Some(d), _) => (Some(d.with.clone()), Some(d.account.clone())),
        (None, Some((_, s))) => (Some(s.with.clone()), Some(s.account.clone())),
        (None, None) => (
            args.with.clone().or(file.with.clone()),
            args.account.clone().or(file.account.clone()),
        ),
    };
    let mut cx = counterpart(
        with,
        account,
        terminal.as_mut(),
        "who was the conversation with? Pass --with NAME or --prep ID (or `with:` in the answers file)",
    )?;
    cx.prep = prep_cx;
    if prep.is_none() && resumed.is_none() {
        eprintln!("No prep is linked: this debrief stands on its own, and its notes say so.");
    }

    let mut draft = match resumed {
        Some(draft) => draft,
        None => new_draft(
            &store,
            Kind::Debrief,
            &playbook_name,
            &cx,
            terminal.is_some(),
        )?,
    };
    let reviewed_on_terminal = terminal.is_some();
    let script = scripted.then_some(file.answers);
    let (outcome, mut terminal) =
        walk(&store, &playbook, &cx, &mut draft, |f| f, terminal, script)?;
    let keeps_draft = reviewed_on_terminal && !draft.asked.is_empty();
    let now = store::now()?;

    let mut session = session_from(&draft, &playbook, &cx, &outcome);
    session.listen = measured;
    let outcome = follow_ups(&mut session, outcome, now.date(), terminal.as_mut())?;
    let outcome = beside_estimates(&mut session, outcome);
    let path = save(&store, &mut session, &outcome, &playbook, keeps_draft)?;
    print(
        &args.format,
        &session,
        &outcome,
        &path,
        reviewed_on_terminal,
    )
}

/// The user's figures in the call's transcript (`coach listen`'s measure).
fn measure(file: &Path, me: &str) -> Result<Measured> {
    let name = file.display().to_string();
    let analysis = super::listen::read(file, &name)?;
    let report = analysis
        .report(Some(me))
        .map_err(|err| Error::Invalid(format!("{name}: {err}")))?;
    Ok(Measured {
        transcript: name,
        me: report.me.unwrap_or(me).to_string(),
        talk_share: report.talk_share.unwrap_or_default(),
        questions: report.questions.unwrap_or_default(),
        longest_monologue_seconds: report.longest_monologue_seconds,
    })
}

/// Set what the transcript measured beside the user's own estimates: people
/// misjudge how much they talk, and seeing the gap is the lesson.
fn beside_estimates(session: &mut Session, mut outcome: Outcome) -> Outcome {
    let Some(m) = &session.listen else {
        return outcome;
    };
    let estimate = |id: &str| match session.answers.0.iter().find(|(k, _)| k == id) {
        Some((_, Answer::Int(n))) => Some(*n),
        _ => None,
    };
    let share = (m.talk_share * 100.0).round() as i64;
    let mut lines = vec![match estimate("talk_share") {
        Some(guess) => format!(
            "Talk share: you guessed {guess}%, the transcript says {share}% (the best-converting calls were near 43%)."
        ),
        None => format!(
            "Talk share: the transcript says you talked {share}% of the call (the best-converting calls were near 43%)."
        ),
    }];
    lines.push(match estimate("questions_asked") {
        Some(guess) => format!(
            "Questions: you guessed {guess}, the transcript counts {}.",
            m.questions
        ),
        None => format!("Questions: the transcript counts {} from you.", m.questions),
    });
    for text in lines {
        session.nudges.push(text.clone());
        outcome.nudges.push(flow::Nudged {
            question: "talk_share".into(),
            text,
        });
    }
    outcome
}

/// The prep to hold the debrief against: `--prep ID|PATH|latest`, else the
/// latest prep with `--with`, else (in a terminal) one picked from the
/// recent ones. `None` is a debrief without a prep.
fn find_prep(
    store: &Store,
    args: &DebriefArgs,
    can_ask: bool,
) -> Result<Option<(PathBuf, Session)>> {
    if let Some(arg) = args.prep.as_deref()
        && (arg.contains('/') || arg.ends_with(".md"))
    {
        let path = Path::new(arg);
        let source = load::read_source(path)?;
        let session = read::front_matter(&source).map_err(Error::BadData)?;
        if session.kind != Kind::Prep {
            return Err(Error::Usage(format!(
                "{arg} is a {} session, not a prep",
                session.kind.as_str()
            )));
        }
        return Ok(Some((path.to_path_buf(), session)));
    }
    let wanted = args.prep.as_deref().filter(|p| *p != "latest");
    let preps: Vec<(PathBuf, Session)> = sessions(store, |h| {
        h.kind == Kind::Prep && wanted.is_none_or(|id| h.id.starts_with(id))
    });
    let same_person = |s: &Session| {
        args.with
            .as_deref()
            .is_none_or(|w| s.with.trim().eq_ignore_ascii_case(w.trim()))
    };
    match args.prep.as_deref() {
        Some("latest") => {
            let found = preps.into_iter().find(|(_, s)| same_person(s));
            found
                .map(Some)
                .ok_or_else(|| Error::NotFound(no_prep_message(args.with.as_deref())))
        }
        Some(id) => {
            let matching: Vec<(PathBuf, Session)> = preps
                .into_iter()
                .filter(|(_, s)| s.id.starts_with(id))
                .collect();
            match matching.len() {
                1 => Ok(matching.into_iter().next()),
                0 => Err(Error::NotFound(format!(
                    "no prep session `{id}` in {}",
                    store.notes_dir().display()
                ))),
                n => Err(Error::Usage(format!(
                    "`{id}` matches {n} preps: {}; give more of the id",
                    matching
                        .iter()
                        .map(|(_, s)| s.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ))),
            }
        }
        None if args.with.is_some() => Ok(preps.into_iter().find(|(_, s)| same_person(s))),
        None if can_ask && !preps.is_empty() => pick_prep(preps),
        None => Ok(None),
    }
}

fn no_prep_message(with: Option<&str>) -> String {
    match with {
        Some(w) => {
            format!("there is no prep with `{w}` yet; debrief without --prep, or prep first")
        }
        None => "there are no preps yet; debrief without --prep, or run `coach prep` first".into(),
    }
}

/// Pick the prep from the recent ones, newest first.
fn pick_prep(preps: Vec<(PathBuf, Session)>) -> Result<Option<(PathBuf, Session)>> {
    let recent: Vec<(PathBuf, Session)> = preps.into_iter().take(15).collect();
    let mut items: Vec<String> = recent
        .iter()
        .map(|(_, s)| {
            let when = s.date.get(..16).unwrap_or(&s.date).replace('T', " ");
            let account = if s.account.is_empty() {
                String::new()
            } else {
                format!(", {}", s.account)
            };
            crate::text::printable(&format!("{when}  {}{account}  ({})", s.with, s.playbook))
        })
        .collect();
    items.push("No prep: debrief on its own".into());
    let picked = Select::with_theme(&ColorfulTheme::default())
        .with_prompt("Which prep was this conversation for?")
        .items(&items)
        .default(0)
        .interact_on(&dialoguer::console::Term::stderr())
        .map_err(|dialoguer::Error::IO(e)| Error::from(e))?;
    Ok(recent.into_iter().nth(picked))
}

/// `--playbook`, else the debrief the prep's playbook names, else `debrief`:
/// checked here, and returned as it should be named again (in a draft).
fn debrief_playbook(args: &DebriefArgs, prep: Option<&Session>) -> Result<String> {
    let dirs = load::search_dirs();
    let (name, named_by) = match (&args.playbook, prep) {
        (Some(name), _) => (name.clone(), None),
        (None, Some(prep)) => match load::find(&prep.playbook, &dirs)
            .ok()
            .and_then(|p| p.debrief)
        {
            Some(name) => (name, Some(prep.playbook.clone())),
            None => (DEFAULT_DEBRIEF.to_string(), None),
        },
        (None, None) => (DEFAULT_DEBRIEF.to_string(), None),
    };
    let playbook = match (load::find(&name, &dirs), named_by) {
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
    Ok(name)
}

/// Turn the next steps into follow-ups with owners and due dates; a due date
/// that cannot be read is asked for in a terminal, else noted as a nudge.
fn follow_ups(
    session: &mut Session,
    mut outcome: Outcome,
    date: jiff::civil::Date,
    mut terminal: Option<&mut Terminal>,
) -> Result<Outcome> {
    let items = match session.answers.0.iter().find(|(id, _)| id == NEXT_STEPS) {
        Some((_, Answer::List(items))) => items.clone(),
        Some((_, Answer::Text(text))) => text.lines().map(str::to_owned).collect(),
        _ => return Ok(outcome),
    };
    let mut out: Vec<FollowUp> = Vec::new();
    for (n, item) in items.iter().enumerate() {
        let parsed = followups::parse_item(item, n + 1, &session.id, date);
        let mut followup = parsed.followup;
        if let Some(phrase) = parsed.due_text {
            match terminal.as_deref_mut() {
                Some(t) => followup.due = t.ask_due(&followup.what, &phrase)?,
                None => {
                    let text = format!(
                        "Could not read the due date \"{phrase}\" of \"{}\"; give it as YYYY-MM-DD.",
                        followup.what
                    );
                    session.nudges.push(text.clone());
                    outcome.nudges.push(flow::Nudged {
                        question: NEXT_STEPS.into(),
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
