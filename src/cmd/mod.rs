//! One file per command. `run` sets up what every command shares (colour)
//! and dispatches.

mod check;
mod debrief;
mod followups;
mod listen;
mod playbook;
mod prep;
mod session;
mod since;

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
    }
}

fn set_color(choice: ColorChoice) {
    use dialoguer::console;
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let enabled = match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => !no_color && console::Term::stderr().features().colors_supported(),
    };
    console::set_colors_enabled(enabled);
    console::set_colors_enabled_stderr(enabled);
}
