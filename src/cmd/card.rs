//! `coach card [ID | --with NAME]`: the one-screen card (see `crate::card`)
//! from the latest prep for that counterpart, the prep named by ID (as every
//! command names a session), or the latest prep.

use std::io::Write;

use crate::cli::CardArgs;
use crate::error::Result;
use crate::playbook::Kind;
use crate::session::Session;
use crate::session::thread::Said;
use crate::store::Store;
use crate::workflow::since;
use crate::workflow::who::{Purpose, no_prep_with, settle};

pub fn run(args: CardArgs, store: &Store) -> Result<()> {
    let prep = match (&args.id, &args.with) {
        (_, Some(with)) => {
            let person = settle(store, with, Purpose::Find)?;
            match store.latest(Kind::Prep, &person.name)? {
                Some((_, prep)) => prep,
                None => return Err(no_prep_with(with, &person)),
            }
        }
        (id, None) => {
            let id = id.as_deref().unwrap_or("latest");
            store.session(id, Some(Kind::Prep))?.1
        }
    };
    let open = open_followups(store, &prep.with)?;
    let stance = stance(store, &prep);
    let since = since(store, &prep)?;
    let card = crate::card::render(&prep, since.as_ref(), &open, stance.as_deref());
    let mut out = crate::stdout();
    out.write_all(card.as_bytes())?;
    out.flush()?;
    Ok(())
}

/// What the latest debrief with this counterpart said, when it came after
/// the prep: the card shows what it learned rather than the prep's guesses.
fn since(store: &Store, prep: &Session) -> Result<Option<Said>> {
    let Some((_, debrief)) = store.latest(Kind::Debrief, &prep.with)? else {
        return Ok(None);
    };
    if debrief.date < prep.date {
        return Ok(None);
    }
    let (playbook, linked) = since::context(store, &debrief);
    let next = store.playbook_by_id(&prep.playbook).ok();
    let linked =
        linked.or_else(|| (debrief.prep.as_deref() == Some(&prep.id)).then(|| prep.clone()));
    Ok(Some(Said::of(
        &debrief,
        playbook.as_ref(),
        linked.as_ref(),
        next.as_ref(),
    )))
}

/// Open follow-ups agreed with this counterpart, in listing order.
fn open_followups(store: &Store, with: &str) -> Result<Vec<String>> {
    let found = store.followups()?;
    Ok(found
        .items
        .iter()
        .filter(|i| i.done.is_none() && i.is_with(with))
        .map(|i| {
            let due = i.due().map_or(String::new(), |d| format!(" (due {d})"));
            format!("{}: {}{due}", i.followup.owner, i.followup.what)
        })
        .collect())
}

/// The prep playbook's first stance reminder, rendered for this counterpart.
fn stance(store: &Store, prep: &Session) -> Option<String> {
    let playbook = store.playbook_by_id(&prep.playbook).ok()?;
    let text = playbook.stance.first()?;
    Some(crate::flow::render_for(text, &prep.with, &prep.account))
}
