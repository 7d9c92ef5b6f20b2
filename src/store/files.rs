//! The one way coach reads a file and the one way it writes one.
//!
//! Reads are of regular files only (a directory, FIFO or device is refused
//! before it is opened, so nothing blocks) and bounded: at most
//! [`MAX_FILE_BYTES`] are read, whatever the file system says its size is.
//! Writes go to a temporary file in the same directory, are fsync'd and then
//! renamed into place; directories coach creates are 0700 and files 0600 on
//! Unix, and a write that must not replace anything fails instead.

use std::fs;
use std::io::{Read as _, Write as _};
use std::path::Path;

use crate::diag::{Diagnostic, Diagnostics, Loc, Source};
use crate::error::{Error, Result};

pub use crate::yaml::MAX_FILE_BYTES;

/// Read a hand-edited text file: a regular file, size-limited, and UTF-8 or
/// a diagnostic that points at the first bad byte.
pub fn read_source(path: &Path) -> Result<Source> {
    let name = path.display().to_string();
    let bytes = read_bounded(path, MAX_FILE_BYTES)?.ok_or_else(|| {
        Error::BadData(Diagnostics(vec![Diagnostic::new(
            &Source::new(name.clone(), ""),
            Loc::default(),
            format!(
                "the file is over {} MiB; coach reads files of at most {MAX_FILE_BYTES} bytes",
                MAX_FILE_BYTES >> 20
            ),
        )]))
    })?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Source::new(name, text)),
        Err(err) => {
            let good = &err.as_bytes()[..err.utf8_error().valid_up_to()];
            let good = String::from_utf8_lossy(good);
            let line = good.matches('\n').count() + 1;
            let col = good.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            let text = String::from_utf8_lossy(err.as_bytes()).into_owned();
            let source = Source::new(name, text);
            let d = Diagnostic::new(
                &source,
                Loc::new(line, col, 1),
                "the file is not valid UTF-8",
            )
            .help("save the file as UTF-8 text");
            Err(Error::BadData(Diagnostics(vec![d])))
        }
    }
}

/// The bytes of the regular file at `path`, or `None` when it holds more
/// than `limit` bytes. Anything that is not a regular file is an error that
/// says what it is.
pub fn read_bounded(path: &Path, limit: usize) -> Result<Option<Vec<u8>>> {
    let (file, meta) = open_regular(path)?;
    let mut bytes = Vec::with_capacity((meta.len() as usize).min(limit) + 1);
    file.take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io("read", path, e))?;
    Ok((bytes.len() <= limit).then_some(bytes))
}

/// The regular file at `path`, opened for reading, and what it is. It is
/// opened without waiting (so a FIFO cannot block the open) and then
/// checked as opened, so a file swapped for a FIFO or device between a
/// check and the open is refused too.
pub fn open_regular(path: &Path) -> Result<(fs::File, fs::Metadata)> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    let file = options.open(path).map_err(|e| Error::io("read", path, e))?;
    let meta = file.metadata().map_err(|e| Error::io("read", path, e))?;
    regular(path, &meta)?;
    Ok((file, meta))
}

/// An error unless `meta` is a regular file's.
pub fn regular(path: &Path, meta: &fs::Metadata) -> Result<()> {
    if meta.is_file() {
        return Ok(());
    }
    let what = if meta.is_dir() {
        "a directory"
    } else {
        "not a regular file (a device, FIFO or socket)"
    };
    Err(Error::Usage(format!(
        "{} is {what}; coach reads only regular files here",
        path.display()
    )))
}

/// Create `dir` and its missing parents, private to the user.
pub fn private_dir(dir: &Path) -> Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir).map_err(|e| {
        let e = match e.kind() {
            std::io::ErrorKind::AlreadyExists => std::io::Error::other("a file is in the way"),
            _ => e,
        };
        Error::io("create the directory", dir, e)
    })
}

/// Write `bytes` to `path` atomically and privately (0600). With `replace`
/// false an existing file is never touched: the write fails with
/// `AlreadyExists` instead (see [`Error::is_already_exists`]).
pub fn write_private(path: &Path, bytes: &[u8], replace: bool) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    private_dir(dir)?;
    let fail = |e: std::io::Error| Error::io("write", path, e);
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP.0)
        .suffix(TEMP.1)
        .tempfile_in(dir)
        .map_err(fail)?;
    tmp.write_all(bytes).map_err(fail)?;
    tmp.as_file().sync_all().map_err(fail)?;
    if replace {
        tmp.persist(path).map_err(|e| fail(e.error))?;
    } else {
        tmp.persist_noclobber(path).map_err(|e| fail(e.error))?;
    }
    // Make the rename itself durable.
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Write a file coach will read back (notes, drafts, text for the editor):
/// never larger than the reader takes, so coach never writes what it would
/// then refuse.
pub fn write_back(path: &Path, bytes: &[u8], replace: bool) -> Result<()> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Error::Invalid(format!(
            "{} would be {} bytes, more than the {MAX_FILE_BYTES} coach reads back, so it is not written; \
             shorten the longest answers",
            path.display(),
            bytes.len()
        )));
    }
    write_private(path, bytes, replace)
}

/// The prefix and suffix of [`write_private`]'s temporary files.
const TEMP: (&str, &str) = (".coach-", ".tmp");

/// Whether `entry` is a temporary file a killed coach left behind: one of
/// [`write_private`]'s, untouched for ten minutes (a live write takes
/// milliseconds). Such a file is removed; the answer says whether it was.
pub fn remove_if_stale_temp(entry: &fs::DirEntry) -> bool {
    let name = entry.file_name();
    let Some(name) = name.to_str() else {
        return false;
    };
    if !(name.starts_with(TEMP.0) && name.ends_with(TEMP.1)) {
        return false;
    }
    let old = entry
        .metadata()
        .ok()
        .filter(fs::Metadata::is_file)
        .and_then(|m| m.modified().ok())
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|age| age > std::time::Duration::from_secs(600));
    old && fs::remove_file(entry.path()).is_ok()
}

/// Remove a file that may already be gone.
pub fn remove(path: &Path) -> Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(Error::io("remove", path, e)),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let kept = write_private(&path, b"two", false).unwrap_err();
        assert!(kept.is_already_exists(), "{kept}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "one");
        write_private(&path, b"three", true).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "three");
        let leftovers: Vec<_> = fs::read_dir(path.parent().unwrap()).unwrap().collect();
        assert_eq!(leftovers.len(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_without_blocking_even_when_swapped_in() {
        let tmp = tempfile::tempdir().unwrap();
        let fifo = tmp.path().join("f.yaml");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            return;
        }
        // Opened first, checked as opened: no writer is needed to get an answer.
        let err = open_regular(&fifo).unwrap_err();
        assert!(err.to_string().contains("not a regular file"), "{err}");
        assert!(read_source(&fifo).is_err());
    }

    #[test]
    fn reads_are_bounded_and_of_regular_files() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("f.txt");
        fs::write(&path, "12345").unwrap();
        assert_eq!(read_bounded(&path, 5).unwrap(), Some(b"12345".to_vec()));
        assert_eq!(read_bounded(&path, 4).unwrap(), None);
        let dir = read_source(tmp.path()).unwrap_err();
        assert!(dir.to_string().contains("is a directory"), "{dir}");
        let missing = read_source(&tmp.path().join("none")).unwrap_err();
        assert_eq!(missing.code(), crate::error::code::NOT_FOUND);
        #[cfg(unix)]
        {
            let device = read_source(Path::new("/dev/zero")).unwrap_err();
            assert!(
                device.to_string().contains("not a regular file"),
                "{device}"
            );
        }
        fs::write(&path, b"ok\n\xffno").unwrap();
        let bad = read_source(&path).unwrap_err().to_string();
        assert!(
            bad.contains(":2:1: error: the file is not valid UTF-8"),
            "{bad}"
        );
    }
}
