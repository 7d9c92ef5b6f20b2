//! The one error type every command returns, and the exit code each kind maps to
//! (DESIGN.md section 6).

use crate::diag::Diagnostics;

/// Exit codes, as the product contract fixes them.
pub mod code {
    pub const FAILURE: u8 = 1;
    pub const USAGE: u8 = 2;
    pub const BAD_DATA: u8 = 65;
    pub const NOT_FOUND: u8 = 66;
    pub const INTERRUPTED: u8 = 130;
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The command line asks for something coach cannot do as asked.
    #[error("{0}")]
    Usage(String),
    /// A playbook, answers file or session file is malformed; every problem found.
    #[error("{0}")]
    BadData(Diagnostics),
    /// Bad data with no location to point at.
    #[error("{0}")]
    Invalid(String),
    /// A playbook or session that does not exist.
    #[error("{0}")]
    NotFound(String),
    /// The user pressed Ctrl-C; the text says what was kept and how to go on.
    #[error("interrupted")]
    Interrupted(String),
    /// Anything else (I/O, a failed editor, ...), with its context chain.
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn code(&self) -> u8 {
        match self {
            Error::Usage(_) => code::USAGE,
            Error::BadData(_) | Error::Invalid(_) => code::BAD_DATA,
            Error::NotFound(_) => code::NOT_FOUND,
            Error::Interrupted(_) => code::INTERRUPTED,
            Error::Other(_) => code::FAILURE,
        }
    }

    /// Whether the output was cut off by its reader closing the pipe.
    pub fn is_broken_pipe(&self) -> bool {
        let Error::Other(err) = self else {
            return false;
        };
        err.chain().any(|cause| {
            cause
                .downcast_ref::<std::io::Error>()
                .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
                || cause
                    .downcast_ref::<serde_json::Error>()
                    .and_then(|e| e.io_error_kind())
                    .is_some_and(|k| k == std::io::ErrorKind::BrokenPipe)
        })
    }

    /// The text shown on stderr: diagnostics as they are, everything else as
    /// `error: ...` with its causes.
    pub fn render(&self) -> String {
        match self {
            Error::BadData(diags) => diags.to_string(),
            Error::Interrupted(advice) if advice.is_empty() => "coach: interrupted".to_string(),
            Error::Interrupted(advice) => format!("coach: interrupted. {advice}"),
            Error::Other(err) => format!("error: {err:#}"),
            other => format!("error: {other}"),
        }
    }
}

impl From<std::io::Error> for Error {
    fn from(err: std::io::Error) -> Self {
        if err.kind() == std::io::ErrorKind::Interrupted {
            Error::Interrupted(String::new())
        } else {
            Error::Other(err.into())
        }
    }
}
