//! `prep --invite FILE [--event UID]`: the meeting a prep is for, from a
//! calendar file — the event named, else the next one that has not
//! started — and who it is with once the user (config `me` and `emails`)
//! is set apart: the counterpart, the others, when, and its title.

use std::path::PathBuf;

use crate::calendar::Meeting;
use crate::error::{Error, Result};
use crate::session::Moment;
use crate::store::Store;

/// The invite a prep was asked to take its meeting from.
#[derive(Debug, Clone)]
pub struct Invite {
    pub file: PathBuf,
    pub event: Option<String>,
}

/// What a prep takes from the meeting.
#[derive(Debug, Clone)]
pub struct Picked {
    pub with: String,
    pub participants: Vec<String>,
    pub call_at: Moment,
    pub title: String,
}

pub fn pick(store: &Store, invite: &Invite) -> Result<Picked> {
    let meetings = store.meetings(&invite.file)?;
    let (m, start) = chosen(store, invite, &meetings)?;
    let me = store.me();
    if me.name.is_none() && me.emails.is_empty() {
        crate::note!(
            "warning: coach does not know which attendee is you; set `me` and `emails` in the config (`coach config path` shows where)"
        );
    }
    let Some((with, others)) = m.people(&me) else {
        return Err(Error::Usage(format!(
            "the meeting “{}” in {} names nobody besides you; pass --with NAME",
            crate::text::printable_line(&m.title),
            invite.file.display()
        )));
    };
    let zone = store.now().time_zone().clone();
    Ok(Picked {
        with: with.name.clone(),
        participants: others.iter().map(|a| a.name.clone()).collect(),
        call_at: Moment::of(&start.to_zoned_datetime(zone)),
        title: m.title.clone(),
    })
}

/// The event named by `--event`, else the next meeting (not an all-day
/// event) that has not started; with the start meant — for a repeating
/// event, its next.
fn chosen<'m>(
    store: &Store,
    invite: &Invite,
    meetings: &'m [Meeting],
) -> Result<(&'m Meeting, jiff::Timestamp)> {
    let file = invite.file.display();
    let now = store.now().timestamp();
    let next = |m: &Meeting| m.starts.iter().copied().find(|s| *s >= now);
    if let Some(uid) = invite.event.as_deref() {
        return meetings
            .iter()
            .find(|m| m.uid == uid.trim())
            .map(|m| (m, next(m).unwrap_or(m.start)))
            .ok_or_else(|| Error::Unknown {
                what: "event",
                wanted: uid.trim().to_string(),
                suggestion: crate::store::lookup::closest(
                    uid,
                    meetings.iter().map(|m| m.uid.as_str()),
                )
                .map(str::to_owned),
                hint: format!("`coach agenda {file}` lists its events with their UIDs"),
            });
    }
    meetings
        .iter()
        .filter(|m| !m.all_day)
        .filter_map(|m| next(m).map(|s| (m, s)))
        .min_by_key(|(_, s)| *s)
        .ok_or_else(|| {
            Error::NotFound(format!(
                "no meeting in {file} starts after now; name one with --event UID (`coach agenda {file} --days 365` lists them)"
            ))
        })
}
