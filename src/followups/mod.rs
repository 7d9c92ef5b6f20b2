//! Follow-ups: the next steps agreed in a debrief, kept as promises with an
//! owner, a what and a due date, and tracked until they are done.
//!
//! - [`due`]: due dates as people say them ("by Friday", "next week"),
//!   read relative to the day of the conversation;
//! - [`item`]: a next step as typed, turned into a [`FollowUp`](crate::session::FollowUp);
//! - [`log`]: the format of the append-only done log, so sessions are never
//!   rewritten (the store writes and reads it);
//! - [`list`]: every follow-up across the debriefs, in listing order, and
//!   the reliability figure shown by `coach followups` and the next prep.

pub mod due;
pub mod item;
pub mod list;
pub mod log;

pub use due::parse_due;
pub use item::{Parsed, next_steps, parse_item};
pub use list::{Followups, Item, Reliability, collect, reliability_of};
