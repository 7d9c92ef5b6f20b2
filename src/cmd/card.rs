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
    let flags = crate::workflow::red_flags_line(store, &prep.account)?;
    let card = crate::card::render(
        &prep,
        since.as_ref(),
        &open,
        stance.as_deref(),
        flags.as_deref(),
    );
    let mut out = crate::stdout();
    out.write_all(card.as_bytes())?;
    out.flush()?;
    Ok(())
}

/// What the debrief after this prep said: the latest one held against
/// it, else the latest one on its own since. The card shows what it learned
/// rather than the prep's guesses.
fn since(store: &Store, prep: &Session) -> Result<Option<Said>> {
    let debriefs = store.sessions(|h| {
        h.kind == Kind::Debrief
            && h.date >= prep.date
            && crate::people::same(&h.with, &prep.with)
            && h.prep.as_deref().is_none_or(|p| p == prep.id)
    })?;
    let mut found = debriefs.found.into_iter().map(|(_, s)| s);
    let Some(first) = found.next() else {
        return Ok(None);
    };
    let debrief = match first.prep {
        Some(_) => first,
        None => std::iter::once(first.clone())
            .chain(found)
            .find(|d| d.prep.is_some())
            .unwrap_or(first),
    };
    Ok(Some(since::said(store, &debrief).0))
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
