//! Gathering follow-ups: every debrief's promises in the notes directory,
//! with the done marks of the log, in the order `coach followups` shows them,
//! and the reliability figure computed from them.

use std::collections::HashSet;
use std::fmt;
use std::path::Path;

use jiff::civil::Date;
use serde::Serialize;

use super::{due::parse_due, log};
use crate::error::{Error, Result};
use crate::playbook::Kind;
use crate::session::store::{self, Store};
use crate::session::{FollowUp, Session};

/// A follow-up with the session it came from and whether it is done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub followup: FollowUp,
    /// The due date, when there is one coach can read.
    pub due: Option<Date>,
    /// The counterpart and their organisation.
    pub with: String,
    pub account: String,
    /// The id of the debrief it was agreed in, and that debrief's day.
    pub session: String,
    pub session_date: Option<Date>,
    /// The day it was marked done.
    pub done: Option<Date>,
}

impl Item {
    pub fn id(&self) -> &str {
        &self.followup.id
    }

    /// One of the user's own promises.
    pub fn is_mine(&self) -> bool {
        self.followup.owner.trim().eq_ignore_ascii_case("me")
    }

    pub fn is_overdue(&self, today: Date) -> bool {
        self.done.is_none() && self.due.is_some_and(|due| due < today)
    }

    /// Days from `today` to the due date: negative when it has passed.
    pub fn days_left(&self, today: Date) -> Option<i64> {
        self.due.map(|due| i64::from((due - today).get_days()))
    }

    /// For a promise that has come due or been done: was it kept on time?
    /// Done on or before the due day (or done, with no due day) is kept.
    pub fn kept_on_time(&self, today: Date) -> Option<bool> {
        match (self.done, self.due) {
            (Some(done), Some(due)) => Some(done <= due),
            (Some(_), None) => Some(true),
            (None, _) if self.is_overdue(today) => Some(false),
            (None, _) => None,
        }
    }
}

/// Every follow-up found, in listing order, and what was skipped on the way.
#[derive(Debug, Default)]
pub struct Followups {
    pub items: Vec<Item>,
    /// One line for each file or log line skipped, naming the file and line.
    pub warnings: Vec<String>,
}

/// Read every debrief in the notes directory and the done log, in listing
/// order (see [`sort`]).
pub fn gather(store: &Store) -> Result<Followups> {
    let mut out = Followups::default();
    // Only debriefs hold follow-ups; the scanner reads just their heads first.
    let mut scan = crate::history::scan::scan(&store.notes_dir(), |h| h.kind == Kind::Debrief)?;
    scan.heads.sort_by(|a, b| a.path.cmp(&b.path));
    let (sessions, warnings) =
        crate::history::scan::load_with(&scan.heads, None, |h, s| (h.path.clone(), s));
    out.warnings.extend(scan.warnings);
    out.warnings.extend(warnings);
    for (path, session) in sessions {
        add_session(&mut out, session, &path);
    }
    // By file, as a person would look for them.
    out.warnings.sort();
    let marks = log::read(&log::path(store))?;
    out.warnings.extend(marks.warnings);
    for item in &mut out.items {
        item.done = marks.done.get(item.id()).copied();
    }
    sort(&mut out.items);
    Ok(out)
}

/// Open first, then overdue before due before undated (so by due date, the
/// most overdue on top), then by the session they came from.
pub fn sort(items: &mut [Item]) {
    // Overdue means due before today, so by due date overdue comes first.
    // The items arrive in session order (file names start with the date),
    // and a stable sort keeps it among equals.
    items.sort_by_key(|i| (i.done.is_some(), i.due.is_none(), i.due, i.session_date));
}

fn add_session(out: &mut Followups, session: Session, path: &Path) {
    let session_date = session.date.get(..10).and_then(|d| d.parse::<Date>().ok());
    for followup in session.followups {
        let written = followup
            .due
            .as_deref()
            .map(str::trim)
            .filter(|d| !d.is_empty());
        let due = written.and_then(|text| {
            text.parse::<Date>()
                .ok()
                .or_else(|| session_date.and_then(|from| parse_due(text, from)))
        });
        if let (Some(text), None) = (written, due) {
            out.warnings.push(format!(
                "{}: warning: follow-up {} has a due date coach cannot read (`{text}`); it is listed without one",
                path.display(),
                followup.id
            ));
        }
        out.items.push(Item {
            followup,
            due,
            with: session.with.clone(),
            account: session.account.clone(),
            session: session.id.clone(),
            session_date,
            done: None,
        });
    }
}

/// The follow-up named by `wanted`: its exact id, or a prefix of just one.
pub fn find<'a>(items: &'a [Item], wanted: &str) -> Result<&'a Item> {
    let wanted = wanted.trim();
    if let Some(item) = items.iter().find(|i| i.id() == wanted) {
        return Ok(item);
    }
    let mut matches: Vec<&Item> = items
        .iter()
        .filter(|i| !wanted.is_empty() && i.id().starts_with(wanted))
        .collect();
    // The same id twice (a copied notes file) is still one follow-up.
    matches.sort_by(|a, b| a.id().cmp(b.id()));
    matches.dedup_by(|a, b| a.id() == b.id());
    match matches.as_slice() {
        [one] => Ok(one),
        [] => {
            let hint = crate::text::did_you_mean(wanted, items.iter().map(Item::id))
                .map_or(String::new(), |id| format!(" (did you mean `{id}`?)"));
            Err(Error::NotFound(format!(
                "no follow-up `{wanted}`{hint}; `coach followups --all` lists their ids"
            )))
        }
        many => {
            let ids: Vec<&str> = many.iter().map(|i| i.id()).collect();
            let more = ids.len().saturating_sub(5);
            let mut shown = ids.into_iter().take(5).collect::<Vec<_>>().join(", ");
            if more > 0 {
                shown.push_str(&format!(" and {more} more"));
            }
            Err(Error::Usage(format!(
                "`{wanted}` could be any of {} follow-ups: {shown}; give more of the id",
                many.len()
            )))
        }
    }
}

/// How often the user kept their promises on time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Reliability {
    /// Promises done on or before their due day.
    pub kept: usize,
    /// The user's own follow-ups that are done or overdue.
    pub promises: usize,
    /// `kept` of `promises`, rounded to a whole percent.
    pub percent: u32,
}

impl Reliability {
    pub fn new(kept: usize, promises: usize) -> Reliability {
        let percent = if promises == 0 {
            0
        } else {
            ((kept * 200 + promises) / (promises * 2)) as u32
        };
        Reliability {
            kept,
            promises,
            percent,
        }
    }
}

impl fmt::Display for Reliability {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let noun = if self.promises == 1 {
            "promise"
        } else {
            "promises"
        };
        write!(
            f,
            "You kept {} of {} {noun} on time ({}%)",
            self.kept, self.promises, self.percent
        )
    }
}

/// The figure over `items`, for one counterpart (ignoring case) or all;
/// `None` when no promise has come due yet.
pub fn reliability_of(items: &[Item], today: Date, with: Option<&str>) -> Option<Reliability> {
    let with = with.map(|w| w.trim().to_lowercase());
    let kept: Vec<bool> = items
        .iter()
        .filter(|i| i.is_mine())
        .filter(|i| {
            with.as_deref()
                .is_none_or(|w| i.with.trim().to_lowercase() == w)
        })
        .filter_map(|i| i.kept_on_time(today))
        .collect();
    (!kept.is_empty()).then(|| Reliability::new(kept.iter().filter(|k| **k).count(), kept.len()))
}

/// The reliability figure for the next prep with `with` (or overall): read
/// quietly, since a prep is not the place for warnings about old files.
pub fn reliability(store: &Store, with: Option<&str>) -> Option<Reliability> {
    let today = store::now().ok()?.date();
    let found = gather(store).ok()?;
    reliability_of(&found.items, today, with)
}

/// The ids of every follow-up marked done (damaged log lines are ignored).
pub fn done_ids(store: &Store) -> HashSet<String> {
    log::read(&log::path(store))
        .map(|marks| marks.done.into_keys().collect())
        .unwrap_or_default()
}

#[cfg(test)]
#[path = "list_tests.rs"]
mod tests;
