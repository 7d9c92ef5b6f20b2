//! History: what `coach history`, `stats` and `export` make of many
//! sessions. The store reads them (`store::scan`, the fast front-matter
//! reader); the filters here decide which are kept before any is parsed in
//! full.
//!
//! - [`dates`]: `--since` / `--until` as people type them.
//! - [`filter`]: the filters shared by history, stats and export.
//! - [`stats`]: the figures and small terminal charts of `coach stats`.
//! - [`export`]: the JSON, JSON lines, CSV and Markdown writers.
//! - [`crm`]: the CSV files HubSpot and Salesforce import.
//! - [`redact`]: pseudonyms for names and dropping sensitive free text.

pub mod crm;
pub mod dates;
pub mod export;
pub mod filter;
pub mod redact;
pub mod stats;

pub use filter::Filter;
