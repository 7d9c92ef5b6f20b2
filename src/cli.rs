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
    /// Data directory for sessions and drafts; COACH_HOME sets it too [default: the platform data directory]
    #[arg(long, global = true, value_name = "DIR")]
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
coach prep --answers answers.yaml --format json\n  \
coach prep --resume"
    )]
    Prep(PrepArgs),
    /// After a conversation: hold what happened against the prep, and keep the promises
    #[command(after_help = "Examples:\n  coach debrief --with \"Jane Smith\"\n  \
coach debrief --prep latest\n  \
coach debrief --prep 2026-11-22-1403-jane-smith-prep --answers debrief.yaml --format json\n  \
coach debrief --with \"Jane Smith\" --transcript call.vtt --me \"Alex Kim\"")]
    Debrief(DebriefArgs),
    /// Promises from your debriefs: open follow-ups across all sessions, overdue first
    #[command(
        after_help = "Examples:\n  coach followups\n  coach followups --done 1\n  \
coach followups --done 2026-11-22-1530-jane-smith-debrief#2\n  coach followups --all --format json"
    )]
    Followups(FollowupsArgs),
    /// Measure how much you listened, from a call transcript (Teams, Zoom, WhisperX, Otter, Meet or Name: text)
    #[command(
        after_help = "Examples:\n  coach listen meeting.vtt --me \"Alex Kim\"\n  \
coach listen call.srt --me alex --format json"
    )]
    Listen(ListenArgs),
    /// Check questions you mean to ask: closed, leading, stacked, pressure, loaded, or not a question
    #[command(
        after_help = "Examples:\n  coach check \"Don't you think it's time to upgrade?\"\n  \
coach check \"Do you have a budget?\" \"Who decides, and when?\"\n  \
coach check --format json < questions.txt"
    )]
    Check(CheckArgs),
    /// Work with playbooks: list, show, validate, lint, new, schema
    #[command(subcommand)]
    Playbook(PlaybookCommand),
    /// Past sessions, newest first
    #[command(
        after_help = "Examples:\n  coach history --with jane --since 4w\n  coach history --kind debrief --format jsonl"
    )]
    History(HistoryArgs),
    /// One session's notes: by id, a unique prefix of one, `latest`, or a path
    #[command(
        after_help = "Examples:\n  coach show latest\n  coach show 2026-11-22-1403\n  coach show 2026-11-22-1403-jane-smith-prep --format json"
    )]
    Show(ShowArgs),
    /// Your trends: sessions, outcomes, talk share, questions, promises kept
    #[command(after_help = "Examples:\n  coach stats\n  coach stats --with jane --since 90d")]
    Stats(StatsArgs),
    /// Export sessions as JSON, JSON lines, CSV or one Markdown document
    #[command(
        after_help = "Examples:\n  coach export --format csv -o sessions.csv\n  coach export --format markdown --with jane --redact"
    )]
    Export(ExportArgs),
    /// Upcoming meetings from a calendar file (.ics), and which are prepped
    #[command(
        after_help = "Examples:\n  coach agenda ~/Downloads/calendar.ics\n  coach agenda invite.ics --days 14 --format json"
    )]
    Agenda(AgendaArgs),
    /// The Blue Sheet of an account: everyone known to influence its decision, and the red flags
    #[command(
        after_help = "Examples:\n  coach account \"Acme Corp\"\n  coach account acme --format json"
    )]
    Account(AccountArgs),
    /// A one-screen card for the last minute before a call
    #[command(
        after_help = "Examples:\n  coach card --with \"Jane Smith\"\n  coach card 2026-11-22-1403"
    )]
    Card(CardArgs),
    /// The effective configuration and where each value came from; `path` lists coach's paths
    #[command(after_help = "Examples:\n  coach config\n  coach config path")]
    Config(ConfigArgs),
    /// Print a shell completion script
    #[command(
        after_help = "Examples:\n  coach completions bash > ~/.local/share/bash-completion/completions/coach\n  \
coach completions fish > ~/.config/fish/completions/coach.fish"
    )]
    Completions {
        /// The shell to complete for
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff)
    #[command(after_help = "Example:\n  coach man > ~/.local/share/man/man1/coach.1")]
    Man,
}

/// Filters shared by `history`, `stats` and `export`.
#[derive(Debug, Clone, Args, Default)]
pub struct Filters {
    /// Only sessions with this person (case-insensitive substring)
    #[arg(long = "with", value_name = "NAME")]
    pub with: Option<String>,
    /// Only sessions with this organisation (case-insensitive substring)
    #[arg(long, value_name = "NAME")]
    pub account: Option<String>,
    /// Only preps or only debriefs
    #[arg(long, value_name = "KIND", value_parser = ["prep", "debrief"])]
    pub kind: Option<String>,
    /// Only sessions of this playbook
    #[arg(long, value_name = "NAME")]
    pub playbook: Option<String>,
    /// From this date on: YYYY-MM-DD, a span back from today (7d, 4w, 3mo), today or yesterday
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Up to and including this date: YYYY-MM-DD, a span back from today (7d, 4w), today or yesterday
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
}

#[derive(Debug, Args)]
pub struct HistoryArgs {
    #[command(flatten)]
    pub filters: Filters,
    /// At most this many sessions
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    #[arg(long, value_enum, default_value_t = HistoryFormat::Table, value_name = "FORMAT")]
    pub format: HistoryFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum HistoryFormat {
    Table,
    Json,
    Jsonl,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// A session id, a unique prefix of one, `latest`, or the path of a notes file
    #[arg(value_name = "ID")]
    pub id: String,
    #[arg(long, value_enum, default_value_t = ShowFormat::Markdown, value_name = "FORMAT")]
    pub format: ShowFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    Markdown,
    Json,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    #[command(flatten)]
    pub filters: Filters,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: ExportFormat,
    #[command(flatten)]
    pub filters: Filters,
    /// Replace names with stable pseudonyms and drop sensitive free text
    #[arg(long)]
    pub redact: bool,
    /// Write to this file instead of stdout (never into coach's own directories)
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// With -o: replace the file if it exists
    #[arg(long, requires = "output")]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Json,
    Jsonl,
    Csv,
    Markdown,
    Hubspot,
    Salesforce,
}

#[derive(Debug, Args)]
pub struct AgendaArgs {
    /// The calendar file (.ics): an invite, or an export of your calendar
    #[arg(value_name = "FILE.ics")]
    pub file: PathBuf,
    /// How many days ahead, from now
    #[arg(long, default_value_t = 7, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=3660))]
    pub days: u32,
    #[arg(long, value_enum, default_value_t = ListFormat::Table, value_name = "FORMAT")]
    pub format: ListFormat,
}

#[derive(Debug, Args)]
pub struct AccountArgs {
    /// The account (a part of its name is enough when it fits only one)
    #[arg(value_name = "NAME")]
    pub name: String,
    #[arg(long, value_enum, default_value_t = ListFormat::Table, value_name = "FORMAT")]
    pub format: ListFormat,
}

#[derive(Debug, Args)]
pub struct CardArgs {
    /// A prep: its id, a unique prefix of one, `latest`, or the path of its notes
    #[arg(value_name = "ID", conflicts_with = "with")]
    pub id: Option<String>,
    /// The latest prep with this person (a part of the name is enough when it fits only one)
    #[arg(long = "with", value_name = "NAME")]
    pub with: Option<String>,
}

#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// `path`: the paths coach uses
    #[arg(value_name = "path", value_parser = ["path"])]
    pub what: Option<String>,
}

#[derive(Debug, Args)]
pub struct DebriefArgs {
    /// The prep to hold the conversation against: its id, a unique prefix of one, `latest` (with --with: theirs), or the path of its notes
    #[arg(long, value_name = "ID|PATH|latest")]
    pub prep: Option<String>,

    /// The person you talked with (without --prep: their latest prep; a part of the name is enough when it fits only one)
    #[arg(long = "with", value_name = "NAME")]
    pub with: Option<String>,

    /// Their organisation (for a debrief without a prep)
    #[arg(long, value_name = "NAME")]
    pub account: Option<String>,

    /// Debrief playbook [default: the one the prep's playbook names, else `debrief`]
    #[arg(long, value_name = "NAME|PATH")]
    pub playbook: Option<String>,

    /// Take answers from a YAML file: {with: .., answers: {question_id: value}}
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,

    /// Continue an unfinished debrief from its draft: the newest, or the one named by ID (a unique prefix, or the draft's path); with --playbook PATH when it followed a file
    #[arg(
        long,
        value_name = "ID",
        num_args = 0..=1,
        default_missing_value = "",
        conflicts_with_all = ["prep", "with", "account"]
    )]
    pub resume: Option<String>,

    /// The call's transcript: your talk share and questions, and which planned questions you asked (needs --me)
    #[arg(long, value_name = "FILE", requires = "me")]
    pub transcript: Option<PathBuf>,

    /// Your name as the transcript spells it
    #[arg(long, value_name = "NAME", requires = "transcript")]
    pub me: Option<String>,

    /// Name a transcript's speaker label, or merge a misspelt name (repeatable): --speaker SPEAKER_00="Jane Doe"
    #[arg(long = "speaker", value_name = "LABEL=NAME", value_parser = speaker_name, requires = "transcript")]
    pub speakers: Vec<(String, String)>,

    /// Never prompt: use the answers file and defaults, and fail listing what is missing
    #[arg(long)]
    pub no_input: bool,

    /// What to print when the session is saved
    #[arg(long, value_enum, default_value_t = Format::Table, value_name = "FORMAT")]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct FollowupsArgs {
    /// Show done follow-ups too
    #[arg(long)]
    pub all: bool,

    /// Mark a follow-up done: its number as `coach followups` lists it, or its id (SESSION#N; a unique prefix is enough)
    #[arg(long, value_name = "ITEM")]
    pub done: Option<String>,

    /// Table for people, JSON for scripts
    #[arg(long, value_enum, default_value_t = ListFormat::Table, value_name = "FORMAT")]
    pub format: ListFormat,
}

#[derive(Debug, Args)]
pub struct ListenArgs {
    /// The transcript: WebVTT (Teams, Zoom), SRT (Zoom, WhisperX), WhisperX JSON, Otter or Google Meet text, or plain `Name: text` lines
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// Your name as the transcript spells it (ignoring case and accents; a part that fits one speaker is enough)
    #[arg(long, value_name = "NAME")]
    pub me: Option<String>,

    /// Name a speaker label, or merge a misspelt name into the right one (repeatable): --speaker SPEAKER_00="Jane Doe"
    #[arg(long = "speaker", value_name = "LABEL=NAME", value_parser = speaker_name)]
    pub speakers: Vec<(String, String)>,

    /// Table for people, JSON for scripts
    #[arg(long, value_enum, default_value_t = ListFormat::Table, value_name = "FORMAT")]
    pub format: ListFormat,
}

/// `LABEL=NAME` of `--speaker`.
fn speaker_name(text: &str) -> Result<(String, String), String> {
    match text.split_once('=') {
        Some((label, name)) if !label.trim().is_empty() && !name.trim().is_empty() => {
            Ok((label.trim().to_string(), name.trim().to_string()))
        }
        _ => Err(format!(
            "expected LABEL=NAME, for example --speaker SPEAKER_00=\"Jane Doe\"; got `{text}`"
        )),
    }
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Questions to check; with none, one question a line is read from stdin
    #[arg(value_name = "QUESTION")]
    pub questions: Vec<String>,

    /// How to print the findings
    #[arg(long, value_enum, default_value_t = CheckFormat::Text, value_name = "FORMAT")]
    pub format: CheckFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Each question with its findings, a reason and a better way to ask
    Text,
    /// One JSON array, in input order
    Json,
}

#[derive(Debug, Subcommand)]
pub enum PlaybookCommand {
    /// List the playbooks on the search path, built-in ones included
    #[command(after_help = "Examples:\n  coach playbook list\n  coach playbook list --format json")]
    List {
        /// Table for people, JSON for scripts
        #[arg(long, value_enum, default_value_t = ListFormat::Table, value_name = "FORMAT")]
        format: ListFormat,
    },
    /// Show a playbook's flow as a readable outline
    #[command(after_help = "Example:\n  coach playbook show discovery")]
    Show {
        /// A playbook name or path
        #[arg(value_name = "NAME|PATH")]
        name: String,
    },
    /// Check playbooks and report every problem with file, line and column
    #[command(
        after_help = "Examples:\n  coach playbook validate\n  coach playbook validate my-call.yaml"
    )]
    Validate {
        /// Playbook names or paths [default: every playbook on the search path]
        #[arg(value_name = "NAME|PATH")]
        names: Vec<String>,
    },
    /// Validate, then check the coaching: example questions, question checks, section whys, meanings
    #[command(after_help = "Examples:\n  coach playbook lint\n  coach playbook lint my-call.yaml")]
    Lint {
        /// Playbook names or paths [default: every playbook on the search path]
        #[arg(value_name = "NAME|PATH")]
        names: Vec<String>,
    },
    /// Start a new playbook in your playbook directory and open it in your editor
    #[command(
        after_help = "Examples:\n  coach playbook new renewal\n  coach playbook new renewal-debrief --kind debrief\n  coach playbook new my-discovery --from discovery"
    )]
    New {
        /// The new playbook's id (lowercase letters, digits and `-`)
        #[arg(value_name = "NAME")]
        name: String,
        /// Start from a copy of this playbook instead of the starter
        #[arg(long, value_name = "NAME", conflicts_with = "kind")]
        from: Option<String>,
        /// Which starter: a prep (before the conversation) or a debrief (after it)
        #[arg(long, value_enum, default_value_t = StarterKind::Prep)]
        kind: StarterKind,
    },
    /// Print the JSON Schema of the playbook format
    #[command(after_help = "Example:\n  coach playbook schema > playbook.schema.json")]
    Schema,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
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

    /// Take the meeting from a calendar invite (.ics): who it is with, who else, when, its title
    #[arg(long, value_name = "FILE.ics", conflicts_with = "resume")]
    pub invite: Option<PathBuf>,

    /// With --invite: the event to prepare (its UID), when the file holds several [default: the next one]
    #[arg(long, value_name = "UID", requires = "invite")]
    pub event: Option<String>,

    /// Take answers from a YAML file: {with: .., account: .., answers: {question_id: value}}
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,

    /// Never prompt: use the answers file and defaults, and fail listing what is missing
    #[arg(long)]
    pub no_input: bool,

    /// Walk every question of the playbook, not only the default walk for the minutes before a call (its `depth: core` questions)
    #[arg(long)]
    pub full: bool,

    /// Continue an unfinished prep from its draft: the newest, or the one named by ID (a unique prefix, or the draft's path); with --playbook PATH when it followed a file
    #[arg(
        long,
        value_name = "ID",
        num_args = 0..=1,
        default_missing_value = "",
        conflicts_with_all = ["with", "account"]
    )]
    pub resume: Option<String>,

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

/// The starter `coach playbook new` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StarterKind {
    Prep,
    Debrief,
}
