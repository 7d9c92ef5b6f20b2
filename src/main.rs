//! The `coach` command: parse the command line, run the command, and turn an
//! error into one message on stderr and an exit code (DESIGN.md section 6).

use std::process::ExitCode;

use clap::Parser;
use clap::error::ErrorKind;

fn main() -> ExitCode {
    let cli = match coach::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => return usage(&err),
    };
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

/// Help and the version as clap writes them; a mistake on the command line
/// made safe for the terminal (it quotes what was typed), exit 2.
fn usage(err: &clap::Error) -> ExitCode {
    if matches!(
        err.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) && err.exit_code() == 0
    {
        // A reader that closes early is its choice.
        let _ = err.print();
        return ExitCode::SUCCESS;
    }
    let text = err.render().to_string();
    coach::note!("{}", coach::text::printable(text.trim_end()));
    ExitCode::from(u8::try_from(err.exit_code()).unwrap_or(coach::error::code::USAGE))
}
