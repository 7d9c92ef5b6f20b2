//! `coach`: a local-first coach for conversations that matter.
//!
//! This file only wires the pieces together: parse the command line, run the
//! command, and turn an error into one message on stderr and an exit code.

mod cli;
mod cmd;
mod diag;
mod error;
mod flow;
mod playbook;
mod prompt;
mod report;
mod session;
mod text;
mod yaml;

use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = <cli::Cli as clap::Parser>::parse();
    match cmd::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("{}", err.render());
            ExitCode::from(err.code())
        }
    }
}
