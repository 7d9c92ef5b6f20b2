//! Where coach keeps its files, and the one way it writes them: a temporary
//! file in the same directory, fsync, rename. Directories coach creates are
//! 0700 and files 0600 on Unix, and a session file is never replaced.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use etcetera::BaseStrategy;

use super::Session;
use crate::error::{Error, Result};

/// The data directories of one user.
#[derive(Debug, Clone)]
pub struct Store {
    pub home: PathBuf,
}

impl Store {
    /// `--home` / `COACH_HOME`, else the platform data directory. Reads the
    /// config file too, so a broken one is reported before anything is done.
    pub fn open(home: Option<PathBuf>) -> Result<Store> {
        crate::config::current()?;
        let home = match home.filter(|h| !h.as_os_str().is_empty()) {
            Some(h) => std::path::absolute(&h)
                .with_context(|| format!("cannot use {} as coach's home", h.display()))?,
            None => etcetera::choose_base_strategy()
                .map_err(|e| {
                    Error::Usage(format!(
                        "cannot find your home directory ({e}); set COACH_HOME"
                    ))
                })?
                .data_dir()
                .join("coach"),
        };
        Ok(Store { home })
    }

    /// The config file's `notes_dir`, else `<home>/sessions`.
    pub fn notes_dir(&self) -> PathBuf {
        crate::config::loaded_notes_dir()
            .map_or_else(|| self.home.join("sessions"), Path::to_path_buf)
    }

    /// Scratch space for drafts and for text handed to an editor.
    pub fn drafts_dir(&self) -> PathBuf {
        self.home.join("drafts")
    }

    /// Write a new session's notes as `<id>.md`, adding `-2`, `-3`… to the id
    /// rather than replacing a file. `render` gets the final id.
    pub fn save_session(
        &self,
        session: &mut Session,
        render: impl Fn(&Session) -> Result<String>,
    ) -> Result<PathBuf> {
        let dir = self.notes_dir();
        // A directory that cannot be made is its own error, not a name clash.
        private_dir(&dir)?;
        let base = session.id.clone();
        for n in 1..10_000 {
            session.id = if n == 1 {
                base.clone()
            } else {
                format!("{base}-{n}")
            };
            let path = dir.join(format!("{}.md", session.id));
            if path.exists() {
                continue;
            }
            match write_private(&path, render(session)?.as_bytes(), false) {
                Ok(()) => return Ok(path),
                Err(e) if already_exists(&e) => continue,
                Err(e) => return Err(e),
            }
        }
        Err(Error::Other(anyhow::anyhow!(
            "too many sessions named {base} in {}",
            dir.display()
        )))
    }
}

/// Whether a write failed because the file is already there (and so was kept).
pub fn already_exists(err: &Error) -> bool {
    matches!(err, Error::Other(e) if e.downcast_ref::<io::Error>().is_some_and(|e| e.kind() == io::ErrorKind::AlreadyExists))
}

/// The config directory: the folder of `COACH_CONFIG`, else `~/.config/coach`.
pub fn config_dir() -> Option<PathBuf> {
    if let Some(file) = std::env::var_os("COACH_CONFIG").filter(|v| !v.is_empty()) {
        return PathBuf::from(file).parent().map(Path::to_path_buf);
    }
    etcetera::choose_base_strategy()
        .ok()
        .map(|s| s.config_dir().join("coach"))
}

/// Create `dir` and its missing parents, private to the user.
pub fn private_dir(dir: &Path) -> Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder
        .create(dir)
        .with_context(|| format!("cannot create the directory {}", dir.display()))?;
    Ok(())
}

/// Write `bytes` to `path` atomically and privately (0600). With `replace`
/// false an existing file is never touched: the write fails with
/// `AlreadyExists` instead.
pub fn write_private(path: &Path, bytes: &[u8], replace: bool) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    private_dir(dir)?;
    let what = || format!("cannot write {}", path.display());
    let mut tmp = tempfile::Builder::new()
        .prefix(".coach-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .with_context(what)?;
    tmp.write_all(bytes).with_context(what)?;
    tmp.as_file().sync_all().with_context(what)?;
    if replace {
        tmp.persist(path).map_err(|e| e.error).with_context(what)?;
    } else {
        tmp.persist_noclobber(path)
            .map_err(|e| anyhow::Error::new(e.error))?;
    }
    // Make the rename itself durable.
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// "Now": `COACH_NOW` (RFC 3339) when set, for tests and reproducible output.
pub fn now() -> Result<jiff::ZonedDateTime> {
    match std::env::var("COACH_NOW") {
        Ok(text) if !text.trim().is_empty() => parse_now(text.trim()).ok_or_else(|| {
            Error::Usage(format!(
                "COACH_NOW is `{text}`, not an RFC 3339 time like 2026-11-22T14:03:00+01:00"
            ))
        }),
        _ => Ok(jiff::ZonedDateTime::now()),
    }
}

fn parse_now(text: &str) -> Option<jiff::ZonedDateTime> {
    let ts: jiff::Timestamp = text.parse().ok()?;
    let pieces = jiff::fmt::temporal::Pieces::parse(text).ok()?;
    let offset = pieces.to_numeric_offset().unwrap_or(jiff::tz::Offset::UTC);
    Some(ts.to_zoned_datetime(jiff::tz::TimeZone::fixed(offset)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coach_now_keeps_its_offset() {
        let z = parse_now("2026-11-22T14:03:00+01:00").unwrap();
        assert_eq!(
            z.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string(),
            "2026-11-22T14:03:00+01:00"
        );
        assert!(parse_now("yesterday").is_none());
    }

    #[cfg(unix)]
    #[test]
    fn writes_are_private_and_never_replace() {
        use std::os::unix::fs::PermissionsExt;
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("new/dir/file.md");
        write_private(&path, b"one", false).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "one");
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(path.parent().unwrap()), 0o700);
        assert!(write_private(&path, b"two", false).is_err());
        assert_eq!(fs::read_to_string(&path).unwrap(), "one");
        write_private(&path, b"three", true).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "three");
        let leftovers: Vec<_> = fs::read_dir(path.parent().unwrap()).unwrap().collect();
        assert_eq!(leftovers.len(), 1);
    }
}
