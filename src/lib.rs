//! `coach`: a local-first coach for conversations that matter.
//!
//! The binary (`src/main.rs`) only parses the command line and maps errors to
//! exit codes; everything else lives here, so benchmarks and fuzz targets can
//! call the same code the command runs.
//!
//! Output goes through two doors defined here: [`stdout()`] for what a
//! command prints and [`note!`] for lines on stderr. Neither panics nor fails
//! when its reader closes early; what they carry is made safe for a terminal
//! by `text::printable` (and `text::write_json` for JSON) before it is written.

/// A line for people on stderr (notices, warnings). A closed stderr is
/// the reader's choice: the line is dropped, never a panic, and the command
/// goes on to its normal exit code.
#[macro_export]
macro_rules! note {
    ($($arg:tt)*) => {{
        use ::std::io::Write as _;
        let _ = writeln!(::std::io::stderr(), $($arg)*);
    }};
}

/// Standard output for a command. A reader that closes the pipe early
/// (`coach history | head -1`) is its choice: what is left is dropped and
/// the command ends with its normal exit code, never a panic.
pub fn stdout() -> Quiet<std::io::StdoutLock<'static>> {
    Quiet {
        inner: std::io::stdout().lock(),
        closed: false,
    }
}

/// A writer that drops what it cannot write once its reader has gone.
pub struct Quiet<W> {
    inner: W,
    closed: bool,
}

impl<W: std::io::Write> std::io::Write for Quiet<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.closed {
            return Ok(buf.len());
        }
        match self.inner.write(buf) {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(buf.len())
            }
            other => other,
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self.inner.flush() {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            _ if self.closed => Ok(()),
            other => other,
        }
    }
}

pub mod account;
pub mod calendar;
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
pub mod pairs;
pub mod people;
pub mod playbook;
pub mod prompt;
pub mod report;
pub mod session;
pub mod signal;
pub mod store;
pub mod template;
pub mod text;
pub mod workflow;
pub mod yaml;
