//! History: reading many sessions fast, and what `coach history`, `show`,
//! `stats` and `export` make of them.
//!
//! - [`scan`]: the fast reader. It reads each notes file only up to the
//!   closing `---` of its front matter, picks out the top-level scalar keys
//!   the filters need (id, kind, playbook, with, account, date, prep) by
//!   hand, and reads the files in parallel. Anything the hand scan is unsure
//!   of (a block scalar, a multi-line plain scalar, a missing key) goes to
//!   the full YAML reader, so the result is always what serde would say.
//!   Only the sessions that pass the filters are then parsed in full. There
//!   is no index or cache: the notes files are the only copy of the data.
//! - [`dates`]: `--since` / `--until` as people type them.
//! - [`filter`]: the filters shared by history, stats and export.
//! - [`stats`]: the figures and small terminal charts of `coach stats`.
//! - [`export`]: the JSON, JSON lines, CSV and Markdown writers.
//! - [`redact`]: pseudonyms for names and dropping sensitive free text.

pub mod dates;
pub mod export;
pub mod filter;
pub mod redact;
pub mod scan;
pub mod stats;

pub use filter::Filter;
pub use scan::{Head, Scan};
