//! Follow-ups across sessions: every debrief's promises with the done marks
//! of the log, in the order `coach followups` shows them, and the
//! reliability figure computed from them. The store reads the files
//! (`Store::followups`); this is what is made of them.

use std::fmt;

use jiff::civil::Date;
use serde::Serialize;

use super::log::Marks;
use crate::session::{FollowUp, Session};

/// A follow-up with the session it came from and whether it is done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub followup: FollowUp,
    /// The counterpart and their organisation.
    pub with: String,
    pub account: String,
    /// The id of the debrief it was agreed in, and that debrief's day.
    pub session: String,
    pub session_date: Date,
    /// The day it was marked done.
    pub done: Option<Date>,
}

impl Item {
    pub fn id(&self) -> &str {
        &self.followup.id
    }

    pub fn due(&self) -> Option<Date> {
        self.followup.due
    }

    /// Agreed with `name` (the same person, as `crate::people` matches).
    pub fn is_with(&self, name: &str) -> bool {
        crate::people::same(&self.with, name)
    }

    /// One of the user's own promises.
    pub fn is_mine(&self) -> bool {
        self.followup.owner.trim().eq_ignore_ascii_case("me")
    }

    pub fn is_overdue(&self, today: Date) -> bool {
        self.done.is_none() && self.due().is_some_and(|due| due < today)
    }

    /// Days from `today` to the due date: negative when it has passed.
    pub fn days_left(&self, today: Date) -> Option<i64> {
        self.due().map(|due| i64::from((due - today).get_days()))
    }

    /// For a promise that has come due or been done: was it kept on time?
    /// Done on or before the due day (or done, with no due day) is kept.
    pub fn kept_on_time(&self, today: Date) -> Option<bool> {
        match (self.done, self.due()) {
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

/// The follow-ups of `sessions` with the done marks applied, in listing
/// order (see [`sort`]); `warnings` are the files skipped on the way.
pub fn collect(sessions: Vec<Session>, marks: Marks, mut warnings: Vec<String>) -> Followups {
    let mut items = Vec::new();
    for session in sessions {
        let session_date = session.date.date();
        for followup in session.followups {
            items.push(Item {
                done: marks.done.get(&followup.id).copied(),
                followup,
                with: session.with.clone(),
                account: session.account.clone(),
                session: session.id.clone(),
                session_date,
            });
        }
    }
    warnings.extend(marks.warnings);
    sort(&mut items);
    Followups { items, warnings }
}

/// Open first, then overdue before due before undated (so by due date, the
/// most overdue on top), then by the session they came from.
pub fn sort(items: &mut [Item]) {
    // Overdue means due before today, so by due date overdue comes first.
    // The items arrive in session order (file names start with the date),
    // and a stable sort keeps it among equals.
    items.sort_by_key(|i| (i.done.is_some(), i.due().is_none(), i.due(), i.session_date));
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

impl Reliability {
    /// Said in passing, as the next prep with someone greets the user: a
    /// count, not a grade ("2 of 3 promises kept").
    pub fn gently(&self) -> String {
        let noun = if self.promises == 1 {
            "promise"
        } else {
            "promises"
        };
        format!("{} of {} {noun} kept", self.kept, self.promises)
    }
}

/// The figure over `items` (all of them, or those with one counterpart);
/// `None` when no promise has come due yet.
pub fn reliability_of<'a>(
    items: impl IntoIterator<Item = &'a Item>,
    today: Date,
) -> Option<Reliability> {
    let kept: Vec<bool> = items
        .into_iter()
        .filter(|i| i.is_mine())
        .filter_map(|i| i.kept_on_time(today))
        .collect();
    (!kept.is_empty()).then(|| Reliability::new(kept.iter().filter(|k| **k).count(), kept.len()))
}

#[cfg(test)]
#[path = "list_tests.rs"]
mod tests;
