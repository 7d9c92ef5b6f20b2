//! Sessions: one run of a playbook. `record` is the data kept in a notes
//! file's front matter, `notes` renders the file, `store` owns every path
//! and every write under `COACH_HOME`.

pub mod draft;
pub mod notes;
pub mod read;
pub mod record;
pub mod store;

pub use record::{Answers, FollowUp, Measured, Session};
