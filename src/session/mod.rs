//! Sessions: one run of a playbook. `record` is the data kept in a notes
//! file's front matter, `moment` its typed time, `notes` renders the file,
//! `read` reads its front matter back, `draft` is an unfinished one, and
//! `thread` reads what a debrief said about its plan.
//! Where they live on disk is the store's business (`crate::store`).

pub mod draft;
pub mod moment;
pub mod notes;
pub mod read;
pub mod record;
pub mod thread;

pub use moment::Moment;
pub use record::{Answers, FollowUp, Measured, Session, valid_id};
