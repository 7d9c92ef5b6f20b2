//! Reading a call transcript from disk or standard input for `coach listen`
//! and `coach debrief --transcript`. The file is streamed (a 100 MB file
//! needs little memory) and must be a regular file; `-` reads standard
//! input when it is not a terminal.

use std::io::BufReader;
use std::path::Path;

use super::Store;
use super::files::open_regular;
use crate::coaching::listen::{Analysis, ListenError, analyse_named};
use crate::diag::Diagnostics;
use crate::error::{Error, Result};

impl Store {
    /// The transcript's figures, with `naming` (`--speaker LABEL=NAME`)
    /// applied, or an error naming the file (and the line, where there is one).
    pub fn transcript(&self, path: &Path, naming: &[(String, String)]) -> Result<Analysis> {
        let name = transcript_name(path);
        if path == Path::new("-") {
            if self.env().stdin_tty {
                return Err(Error::Usage(
                    "`-` reads the transcript from standard input: pipe it in \
                     (coach listen - < call.vtt), or pass the file's path"
                        .into(),
                ));
            }
            return analyse_named(std::io::stdin().lock(), naming)
                .map_err(|err| problem(&name, err));
        }
        let (file, _) = open_regular(path).map_err(|err| match err {
            Error::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound => {
                Error::NotFound(format!("no transcript at {name}"))
            }
            other => other,
        })?;
        analyse_named(BufReader::with_capacity(1 << 16, file), naming)
            .map_err(|err| problem(&name, err))
    }
}

/// How a transcript is named in messages: its path, or "standard input".
pub fn transcript_name(path: &Path) -> String {
    if path == Path::new("-") {
        "standard input".to_string()
    } else {
        path.display().to_string()
    }
}

fn problem(name: &str, err: ListenError) -> Error {
    match err {
        ListenError::Bad(problem) => Error::BadData(Diagnostics(vec![problem.diagnostic(name)])),
        ListenError::Io(err) => Error::io("read", name, err),
    }
}
