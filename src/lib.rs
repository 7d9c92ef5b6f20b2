//! `coach`: a local-first coach for conversations that matter.
//!
//! The binary (`src/main.rs`) only parses the command line and maps errors to
//! exit codes; everything else lives here, so benchmarks and fuzz targets can
//! call the same code the command runs.

pub mod card;
pub mod cli;
pub mod cmd;
pub mod coaching;
pub mod config;
pub mod diag;
pub mod error;
pub mod flow;
pub mod followups;
pub mod history;
pub mod people;
pub mod playbook;
pub mod prompt;
pub mod report;
pub mod session;
pub mod signal;
pub mod store;
pub mod text;
pub mod workflow;
pub mod yaml;
