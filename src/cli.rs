//! The command line, as clap definitions. Completions and the man page are
//! generated from these same definitions, so every flag lives here and only here.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "coach",
    version,
    about = "Prepare for a conversation that matters, then learn from it.",
    long_about = "coach walks you through a \"seek to understand\" playbook before an important \
conversation and keeps your notes as Markdown files you own. Nothing leaves your machine.",
    after_help = "Example:\n  coach prep --with \"Jane Smith\" --account \"Acme Corp\""
)]
pub struct Cli {
    /// Data directory for sessions and drafts [default: the platform data directory]
    #[arg(long, global = true, env = "COACH_HOME", value_name = "DIR")]
    pub home: Option<PathBuf>,

    /// When to use colour in terminal output
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Prepare for a conversation: walk through a playbook and save notes
    #[command(
        after_help = "Examples:\n  coach prep --with \"Jane Smith\" --account \"Acme Corp\"\n  \
coach prep --playbook group-decision --with \"Buying committee\" --account Acme\n  \
coach prep --answers answers.yaml --format json"
    )]
    Prep(PrepArgs),
}

#[derive(Debug, Args)]
pub struct PrepArgs {
    /// Playbook to follow: a name on the search path or a path to a YAML file [default: discovery]
    #[arg(long, value_name = "NAME|PATH")]
    pub playbook: Option<String>,

    /// The person you will talk with
    #[arg(long = "with", value_name = "NAME")]
    pub with: Option<String>,

    /// Their organisation
    #[arg(long, value_name = "NAME")]
    pub account: Option<String>,

    /// Take answers from a YAML file: {with: .., account: .., answers: {question_id: value}}
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,

    /// Never prompt: use the answers file and defaults, and fail listing what is missing
    #[arg(long)]
    pub no_input: bool,

    /// What to print when the session is saved
    #[arg(long, value_enum, default_value_t = Format::Table, value_name = "FORMAT")]
    pub format: Format,
}

/// Output of a finished session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The summary table, then the notes path
    Table,
    /// The session as one JSON document
    Json,
    /// Only the notes path
    None,
}
