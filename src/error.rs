//! The one error type every command returns, and the exit code each kind maps
//! to (DESIGN.md section 6). Errors that name something (a file, a session, a
//! person) carry it as data, so the exit code is chosen here and only here.

use std::fmt;
use std::path::PathBuf;

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
    /// A name that fits more than one thing: each candidate, so the user can
    /// pick (exit 2).
    #[error("{}", ambiguous(.what, .wanted, .candidates, .advice))]
    Ambiguous {
        /// What was looked for, plural: "sessions", "people".
        what: &'static str,
        wanted: String,
        candidates: Vec<String>,
        /// How to say which one: "give more of the id".
        advice: &'static str,
    },
    /// A playbook, answers file or session file is malformed; every problem found.
    #[error("{0}")]
    BadData(Diagnostics),
    /// Bad data with no location to point at.
    #[error("{0}")]
    Invalid(String),
    /// A playbook or transcript that does not exist, with the message to show.
    #[error("{0}")]
    NotFound(String),
    /// A session, draft, follow-up or person with no match (exit 66).
    #[error("{}", unknown(.what, .wanted, .suggestion.as_deref(), .hint))]
    Unknown {
        /// What was looked for, singular: "session", "prep", "draft".
        what: &'static str,
        wanted: String,
        /// The closest name there is, when one is close.
        suggestion: Option<String>,
        /// Where to look, or what to do instead.
        hint: String,
    },
    /// A file coach could not read or write, and why. Not found is 66; any
    /// other reason (permission denied, a disk error) is a failure, 1.
    #[error("cannot {doing} {}: {}", .path.display(), io_reason(.source))]
    Io {
        doing: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The user pressed Ctrl-C; the text says what was kept and how to go on.
    #[error("interrupted")]
    Interrupted(String),
    /// The user asked to go back to the previous question (`<`); the flow
    /// handles it, and it ends nothing else.
    #[error("there is no earlier question to go back to")]
    Back,
    /// Anything else (a failed editor, ...), with its context chain.
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn code(&self) -> u8 {
        match self {
            Error::Usage(_) | Error::Ambiguous { .. } => code::USAGE,
            Error::BadData(_) | Error::Invalid(_) => code::BAD_DATA,
            Error::NotFound(_) | Error::Unknown { .. } => code::NOT_FOUND,
            Error::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound => {
                code::NOT_FOUND
            }
            Error::Io { .. } | Error::Other(_) | Error::Back => code::FAILURE,
            Error::Interrupted(_) => code::INTERRUPTED,
        }
    }

    /// An I/O error on `path`, while doing `doing` ("read", "write", ...).
    pub fn io(doing: &'static str, path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            doing,
            path: path.into(),
            source,
        }
    }

    /// Whether the error is an existing file that was kept (never replaced).
    pub fn is_already_exists(&self) -> bool {
        matches!(self, Error::Io { source, .. } if source.kind() == std::io::ErrorKind::AlreadyExists)
    }

    /// Whether the output was cut off by its reader closing the pipe.
    pub fn is_broken_pipe(&self) -> bool {
        let broken = |e: &std::io::Error| e.kind() == std::io::ErrorKind::BrokenPipe;
        match self {
            Error::Io { source, .. } => broken(source),
            Error::Other(err) => err.chain().any(|cause| {
                cause.downcast_ref::<std::io::Error>().is_some_and(broken)
                    || cause
                        .downcast_ref::<serde_json::Error>()
                        .and_then(|e| e.io_error_kind())
                        .is_some_and(|k| k == std::io::ErrorKind::BrokenPipe)
            }),
            _ => false,
        }
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

/// At most this many candidates are listed; the rest are counted.
const LISTED: usize = 8;

fn ambiguous(what: &str, wanted: &str, candidates: &[String], advice: &str) -> String {
    let mut out = format!("`{wanted}` could be any of {} {what}:", candidates.len());
    for c in candidates.iter().take(LISTED) {
        out.push_str("\n  ");
        out.push_str(&crate::text::printable_line(c));
    }
    if candidates.len() > LISTED {
        out.push_str(&format!("\n  … and {} more", candidates.len() - LISTED));
    }
    out.push_str(&format!("\n{advice}"));
    out
}

fn unknown(what: &str, wanted: &str, suggestion: Option<&str>, hint: &str) -> String {
    let mut out = format!("no {what} `{}`", crate::text::printable_line(wanted));
    if let Some(close) = suggestion {
        out.push_str(&format!(
            "; did you mean `{}`?",
            crate::text::printable_line(close)
        ));
    }
    if !hint.is_empty() {
        out.push_str(&format!("\n  {hint}"));
    }
    out
}

/// The reason as a person would say it, without Rust's `(os error 13)`.
fn io_reason(err: &std::io::Error) -> impl fmt::Display + '_ {
    struct Reason<'a>(&'a std::io::Error);
    impl fmt::Display for Reason<'_> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            use std::io::ErrorKind::*;
            match self.0.kind() {
                NotFound => f.write_str("no such file or directory"),
                PermissionDenied => f.write_str("permission denied"),
                AlreadyExists => f.write_str("it already exists"),
                NotADirectory => f.write_str("not a directory"),
                IsADirectory => f.write_str("it is a directory"),
                StorageFull => f.write_str("the disk is full"),
                ReadOnlyFilesystem => f.write_str("the file system is read-only"),
                _ => {
                    let text = self.0.to_string();
                    let plain = text.split(" (os error").next().unwrap_or(&text);
                    f.write_str(plain)
                }
            }
        }
    }
    Reason(err)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_has_its_exit_code() {
        let io = |kind| Error::io("read", "/x", std::io::Error::from(kind));
        assert_eq!(io(std::io::ErrorKind::NotFound).code(), code::NOT_FOUND);
        assert_eq!(
            io(std::io::ErrorKind::PermissionDenied).code(),
            code::FAILURE
        );
        assert_eq!(
            io(std::io::ErrorKind::PermissionDenied).to_string(),
            "cannot read /x: permission denied"
        );
        let many = Error::Ambiguous {
            what: "sessions",
            wanted: "2026".into(),
            candidates: (0..10).map(|n| format!("s{n}")).collect(),
            advice: "give more of the id",
        };
        assert_eq!(many.code(), code::USAGE);
        let text = many.to_string();
        assert!(
            text.starts_with("`2026` could be any of 10 sessions:\n  s0\n"),
            "{text}"
        );
        assert!(text.contains("… and 2 more\ngive more of the id"), "{text}");
        let none = Error::Unknown {
            what: "session",
            wanted: "x".into(),
            suggestion: Some("y".into()),
            hint: "`coach history` lists them".into(),
        };
        assert_eq!(none.code(), code::NOT_FOUND);
        assert_eq!(
            none.to_string(),
            "no session `x`; did you mean `y`?\n  `coach history` lists them"
        );
    }
}
