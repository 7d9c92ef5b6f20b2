//! The `coach` command: parse the command line, run the command, and turn an
//! error into one message on stderr and an exit code (DESIGN.md section 6).

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = coach::cli::Cli::parse();
    match coach::cmd::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`coach followups | head -1`) is the reader's choice.
        Err(err) if err.is_broken_pipe() => ExitCode::SUCCESS,
        Err(err) => {
            // Messages quote names and files: made safe for the terminal here.
            coach::note!("{}", coach::text::printable(&err.render()));
            ExitCode::from(err.code())
        }
    }
}
