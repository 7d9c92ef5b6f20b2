//! One file per command: each turns its arguments into one call and prints
//! the result. `run` opens the store (the environment, the config file, the
//! places and the clock, resolved once), sets up colour and dispatches.

mod account;
mod agenda;
mod card;
mod check;
mod config;
mod debrief;
mod export;
mod followups;
mod history;
mod listen;
mod playbook;
mod prep;
mod shell;
mod show;
mod stats;

use std::io::Write;

use crate::cli::{Cli, ColorChoice, Command, Format};
use crate::error::Result;
use crate::store::{Env, Store};
use crate::workflow::Finished;

pub fn run(cli: Cli) -> Result<()> {
    let env = Env::capture();
    let store = Store::open(cli.home.clone(), env.clone());
    set_color(cli.color, &env, store.as_ref().ok());
    match cli.command {
        // These need nothing from the store: a broken config file or home
        // does not stop them.
        Command::Check(args) => check::run(args, &env),
        Command::Completions { shell } => shell::completions(shell),
        Command::Man => shell::man(),
        Command::Prep(args) => prep::run(args, &store?),
        Command::Debrief(args) => debrief::run(args, &store?),
        Command::Followups(args) => followups::run(args, &store?),
        Command::Listen(args) => listen::run(args, &store?),
        Command::Playbook(cmd) => playbook::run(cmd, &store?),
        Command::History(args) => history::run(args, &store?),
        Command::Show(args) => show::run(args, &store?),
        Command::Stats(args) => stats::run(args, &store?),
        Command::Export(args) => export::run(args, &store?),
        Command::Card(args) => card::run(args, &store?),
        Command::Account(args) => account::run(args, &store?),
        Command::Agenda(args) => agenda::run(args, &store?),
        Command::Config(args) => config::run(args, &store?, cli.color),
    }
}

/// `--color` (other than `auto`), then `NO_COLOR`, `CLICOLOR_FORCE`, the
/// config file's `color`, then whether each stream is a terminal: stdout and
/// stderr are decided apart, so a pipe never gets escape codes. A broken
/// config file counts as saying nothing (the command reports it).
fn set_color(flag: ColorChoice, env: &Env, store: Option<&Store>) {
    use dialoguer::console;
    let file = store.and_then(|s| s.config.color);
    let (choice, _) = crate::config::color(flag, env.no_color, env.clicolor_force, file);
    let (stdout, stderr) = match choice {
        ColorChoice::Always => (true, true),
        ColorChoice::Never => (false, false),
        ColorChoice::Auto => (
            console::Term::stdout().features().colors_supported(),
            console::Term::stderr().features().colors_supported(),
        ),
    };
    console::set_colors_enabled(stdout);
    console::set_colors_enabled_stderr(stderr);
}

/// Print a saved prep or debrief in the chosen format: the session as one
/// JSON document, the summary table (unless the review already showed it in
/// this terminal) and the notes path, or the path alone.
fn print_finished(format: Format, done: &Finished, store: &Store) -> Result<()> {
    let mut out = crate::stdout();
    let (session, outcome, path) = (&done.session, &done.outcome, &done.path);
    match format {
        Format::Json => {
            crate::text::write_json(&mut out, &session.to_json(path), true)?;
            crate::note!("Notes saved to {}", shown(path));
        }
        Format::Table => {
            if !(done.reviewed && store.env().stdout_tty) {
                let width = crate::report::stdout_width();
                writeln!(out, "{}", crate::report::table(outcome, width))?;
                if let Some(plan) = crate::report::plan_table(outcome, width) {
                    writeln!(out, "{plan}")?;
                }
                write!(out, "{}", crate::report::nudges(outcome, width))?;
                writeln!(out)?;
            }
            writeln!(out, "{}", shown(path))?;
        }
        Format::None => writeln!(out, "{}", shown(path))?,
    }
    Ok(())
}

/// A path as it is shown: made safe for the terminal like any other text.
fn shown(path: &std::path::Path) -> String {
    crate::text::printable_line(&path.display().to_string())
}
