//! `coach agenda`: the meetings of a calendar file in the days ahead, each
//! with its counterpart, their account as the notes know it, and the prep
//! made for it — one whose `call_at` is the meeting's start, else one with
//! that person made after the invite was and before the meeting.

use jiff::{SignedDuration, Timestamp};
use serde::Serialize;

use super::{Me, Meeting};
use crate::session::{Moment, Session};

/// One meeting of the agenda, as `--format json` prints it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    pub uid: String,
    pub start: Moment,
    pub title: String,
    pub with: Option<String>,
    pub account: Option<String>,
    pub prep: Option<String>,
}

/// The meetings (not all-day events) starting from `now` for `days` days,
/// in order; `preps` are the preps with any of their counterparts, and
/// `account_of` gives a person's account from the notes.
pub fn agenda(
    meetings: &[Meeting],
    me: &Me,
    now: &jiff::ZonedDateTime,
    days: u32,
    preps: &[Session],
    account_of: impl Fn(&str) -> Option<String>,
) -> Vec<Row> {
    let from = now.timestamp();
    let until = from
        .checked_add(SignedDuration::from_hours(24 * i64::from(days)))
        .unwrap_or(Timestamp::MAX);
    // Each start of a repeating meeting is a meeting of its own.
    let mut ahead: Vec<(&Meeting, Timestamp)> = meetings
        .iter()
        .filter(|m| !m.all_day)
        .flat_map(|m| {
            m.starts
                .iter()
                .filter(|s| **s >= from && **s < until)
                .map(move |s| (m, *s))
        })
        .collect();
    ahead.sort_by_key(|(_, start)| *start);
    ahead
        .into_iter()
        .map(|(m, start)| {
            let with = m.people(me).map(|(w, _)| w.name.clone());
            let prep = with.as_deref().and_then(|w| prep_for(m, start, w, preps));
            Row {
                uid: m.uid.clone(),
                start: Moment::of(&start.to_zoned_datetime(now.time_zone().clone())),
                title: m.title.clone(),
                account: with.as_deref().and_then(&account_of),
                with,
                prep,
            }
        })
        .collect()
}

/// The prep for meeting `m` starting at `start` with `with`: the latest
/// with its `call_at` at the start, else the latest with them made between
/// the invite (or, for a later start of a repeating meeting, the week
/// before it) and the meeting; the week before when the invite does not say
/// when it was made.
pub fn prep_for(m: &Meeting, start: Timestamp, with: &str, preps: &[Session]) -> Option<String> {
    let theirs = || {
        preps
            .iter()
            .filter(move |p| crate::people::same(&p.with, with))
    };
    let latest = |it: &mut dyn Iterator<Item = &Session>| {
        it.max_by_key(|p| p.date.timestamp()).map(|p| p.id.clone())
    };
    let at_start =
        latest(&mut theirs().filter(|p| p.call_at.is_some_and(|c| c.timestamp() == start)));
    let week_before = start - SignedDuration::from_hours(24 * 7);
    let since = match m.made {
        Some(made) if start == m.start => made,
        Some(made) => made.max(week_before),
        None => week_before,
    };
    at_start.or_else(|| {
        latest(&mut theirs().filter(|p| {
            p.call_at.is_none() && p.date.timestamp() >= since && p.date.timestamp() <= start
        }))
    })
}
