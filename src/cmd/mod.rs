//! One file per command. `run` sets up what every command shares (colour)
//! and dispatches.

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
mod session;
mod shell;
mod show;
mod since;
mod stats;

use crate::cli::{Cli, ColorChoice, Command};
use crate::error::Result;

pub fn run(cli: Cli) -> Result<()> {
    set_color(cli.color);
    match cli.command {
        Command::Prep(args) => prep::run(args, cli.home),
        Command::Debrief(args) => debrief::run(args, cli.home),
        Command::Followups(args) => followups::run(args, cli.home),
        Command::Check(args) => check::run(args),
        Command::Listen(args) => listen::run(args),
        Command::Playbook(cmd) => playbook::run(cmd),
        Command::History(args) => history::run(args, cli.home),
        Command::Show(args) => show::run(args, cli.home),
        Command::Stats(args) => stats::run(args, cli.home),
        Command::Export(args) => export::run(args, cli.home),
        Command::Card(args) => card::run(args, cli.home),
        Command::Config(args) => config::run(args, cli.home),
        Command::Completions { shell } => shell::completions(shell),
        Command::Man => shell::man(),
    }
}

/// `--color` (other than `auto`), then `NO_COLOR`, `CLICOLOR_FORCE`, the
/// config file's `color`, then whether each stream is a terminal: stdout and
/// stderr are decided apart, so a pipe never gets escape codes.
fn set_color(choice: ColorChoice) {
    use dialoguer::console;
    // A broken config file is reported by the commands that read it.
    let choice = match crate::config::current() {
        Ok(config) => config.color(choice).0,
        Err(_) => crate::config::Config::default().color(choice).0,
    };
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
