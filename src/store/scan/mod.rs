//! The fast session reader. Each notes file is read in 8 KiB pieces only up
//! to the closing `---` of its front matter (one read for most files); the
//! top-level scalar keys that filtering needs are picked out by hand and
//! nested lines are skipped as bytes. When the hand scan is not sure (a
//! block or multi-line scalar, a duplicate, missing or odd key, a key line
//! that is not UTF-8) the file goes to the full YAML reader instead, which
//! gives either the session or the diagnostic for a one-line warning.
//!
//! So a file is fully checked only when it is shown: a file with broken
//! YAML deep in its answers is warned about when it passes the filters,
//! and left out silently when the filters leave it out anyway.
//!
//! The directory is listed while one reader thread per core
//! (`std::thread::scope`) reads the names already listed. There is no
//! index or cache to go stale; `benches/history.rs` measures what the scan
//! costs. `head` is the hand reader of one file.
//!
//! Only regular files are read: a symlink, FIFO or device named `*.md` is
//! skipped with a warning, so nothing outside the notes directory is
//! followed and nothing blocks; a head is read at most
//! `files::MAX_FILE_BYTES` deep.

mod head;

use std::path::{Path, PathBuf};

pub use head::{Found, read_head};

use super::files::read_source;
use crate::diag::Diagnostics;
use crate::error::{Error, Result};
use crate::playbook::Kind;
use crate::session::read::front_matter;
use crate::session::{Moment, Session};

/// The top-level keys of a session: enough to filter, sort and find it.
#[derive(Debug, Clone, PartialEq)]
pub struct Head {
    pub path: PathBuf,
    pub id: String,
    pub kind: Kind,
    pub playbook: String,
    pub with: String,
    pub account: String,
    pub date: Moment,
    pub prep: Option<String>,
}

impl Head {
    pub(super) fn of(path: &Path, s: &Session) -> Head {
        Head {
            path: path.to_path_buf(),
            id: s.id.clone(),
            kind: s.kind,
            playbook: s.playbook.clone(),
            with: s.with.clone(),
            account: s.account.clone(),
            date: s.date,
            prep: s.prep.clone(),
        }
    }
}

impl super::lookup::Named for Head {
    fn name(&self) -> &str {
        &self.id
    }
}

/// The heads kept, newest first, one warning line per skipped file, and the
/// files skipped because coach may not read them.
#[derive(Debug, Default)]
pub struct Scan {
    pub heads: Vec<Head>,
    pub warnings: Vec<String>,
    pub denied: Vec<PathBuf>,
}

impl Scan {
    /// When nothing was found: permission denied on a skipped file is the
    /// real cause (exit 1), not "no such session".
    pub fn denied_error(&self) -> Option<Error> {
        self.denied.first().map(|path| {
            Error::io(
                "read",
                path,
                std::io::Error::from(std::io::ErrorKind::PermissionDenied),
            )
        })
    }
}

/// Scan every `*.md` file directly in `dir`, keeping the heads `keep` accepts.
/// The directory is listed on this thread while one reader per core works
/// through the names already listed, so listing and reading overlap.
pub fn scan(dir: &Path, keep: impl Fn(&Head) -> bool + Sync) -> Result<Scan> {
    let Some(entries) = list(dir)? else {
        return Ok(Scan::default());
    };
    let mut skipped = Vec::new();
    let entries = entries.filter_map(|entry| match entry {
        Ok(path) => Some(path),
        Err(warning) => {
            skipped.push(warning);
            None
        }
    });
    let (tx, rx) = std::sync::mpsc::channel::<Vec<PathBuf>>();
    let rx = std::sync::Mutex::new(rx);
    let read = || {
        let mut out = Scan::default();
        let mut buf = Vec::with_capacity(head::CHUNK);
        loop {
            let batch = rx.lock().unwrap_or_else(|e| e.into_inner()).recv();
            let Ok(batch) = batch else { break };
            for path in batch {
                match head::read_head_with(&path, &mut buf) {
                    Found::Head(h) if keep(&h) => out.heads.push(h),
                    Found::Broken(skip) => {
                        if skip.denied {
                            out.denied.push(path.clone());
                        }
                        out.warnings.push(skip.warning);
                    }
                    _ => {}
                }
            }
        }
        out
    };
    let parts: Vec<Scan> = std::thread::scope(|s| {
        let readers: Vec<_> = (0..cores()).map(|_| s.spawn(read)).collect();
        let mut batch = Vec::with_capacity(BATCH);
        for path in entries {
            batch.push(path);
            if batch.len() == BATCH {
                // The readers only stop once the sender is dropped.
                let _ = tx.send(std::mem::replace(&mut batch, Vec::with_capacity(BATCH)));
            }
        }
        let _ = tx.send(batch);
        drop(tx);
        readers
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    let mut all = Scan {
        heads: Vec::new(),
        warnings: skipped,
        denied: Vec::new(),
    };
    for part in parts {
        all.heads.extend(part.heads);
        all.warnings.extend(part.warnings);
        all.denied.extend(part.denied);
    }
    all.warnings.sort();
    sort_newest_first(&mut all.heads);
    Ok(all)
}

/// File names handed to a reader at a time.
const BATCH: usize = 256;

fn cores() -> usize {
    std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(16)
}

/// Newest first by instant, then by id, so equal times list the same way.
pub fn sort_newest_first(heads: &mut [Head]) {
    heads.sort_by(|a, b| (b.date, &b.id).cmp(&(a.date, &a.id)));
}

/// Parse the heads' sessions in full, in order, skipping (with a warning)
/// any whose front matter turns out to be broken, and stopping at `limit`.
/// Each session is turned into what the caller keeps of it on the reading
/// threads, so a long listing never holds every session at once.
pub fn load_with<T: Send>(
    heads: &[Head],
    limit: Option<usize>,
    keep: impl Fn(&Head, Session) -> T + Sync,
) -> (Vec<T>, Vec<String>) {
    let mut out = Vec::new();
    let mut warnings = Vec::new();
    let want = limit.unwrap_or(usize::MAX);
    let batch = limit.unwrap_or(heads.len()).clamp(1, 4096);
    for chunk in heads.chunks(batch) {
        if out.len() >= want {
            break;
        }
        let read = par_chunks(chunk, |part| {
            part.iter()
                .map(|h| {
                    full(&h.path)
                        .map(|s| keep(h, s))
                        .map_err(|skip| skip.warning)
                })
                .collect::<Vec<_>>()
        });
        for result in read.into_iter().flatten() {
            match result {
                Ok(t) if out.len() < want => out.push(t),
                Ok(_) => {}
                Err(w) => warnings.push(w),
            }
        }
    }
    (out, warnings)
}

/// Why a notes file was skipped: the one-line warning, and whether the
/// cause is that coach may not read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skip {
    pub warning: String,
    pub denied: bool,
}

/// The session in a notes file, or why it is skipped.
pub fn full(path: &Path) -> std::result::Result<Session, Skip> {
    let source = match read_source(path) {
        Ok(s) => s,
        Err(Error::BadData(d)) => {
            return Err(Skip {
                warning: one_line(&d),
                denied: false,
            });
        }
        Err(e) => {
            let denied = matches!(&e, Error::Io { source, .. } if source.kind() == std::io::ErrorKind::PermissionDenied);
            return Err(Skip {
                warning: format!("{}: warning: skipped: {e}", path.display()),
                denied,
            });
        }
    };
    front_matter(&source).map_err(|d| Skip {
        warning: one_line(&d),
        denied: false,
    })
}

/// `file:line:col: warning: skipped: message`, on one line.
fn one_line(diags: &Diagnostics) -> String {
    let Some(d) = diags.0.first() else {
        return "warning: skipped a file".into();
    };
    let message = d.message.lines().next().unwrap_or_default();
    format!(
        "{}:{}:{}: warning: skipped: {message}",
        d.file,
        d.loc.line.max(1),
        d.loc.col.max(1)
    )
}

/// The `*.md` entries directly in the notes directory, as they are listed:
/// the path of each regular file, or the warning for one that is not (a
/// symlink, FIFO or device); `None` when there is no notes directory yet.
fn list(dir: &Path) -> Result<Option<impl Iterator<Item = std::result::Result<PathBuf, String>>>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Error::io("read the notes directory", dir, e)),
    };
    Ok(Some(entries.filter_map(|e| e.ok()).filter_map(|e| {
        if super::files::remove_if_stale_temp(&e) {
            return None;
        }
        let path = e.path();
        if path.extension().is_none_or(|x| x != "md") {
            return None;
        }
        match e.file_type() {
            Ok(t) if t.is_file() => Some(Ok(path)),
            Ok(t) if t.is_dir() => None,
            Ok(t) => {
                let what = if t.is_symlink() {
                    "a symbolic link"
                } else {
                    "not a regular file"
                };
                Some(Err(format!(
                    "{}: warning: skipped: {what}; coach reads only the notes files in this directory",
                    path.display()
                )))
            }
            Err(_) => None,
        }
    })))
}

/// Run `f` over `items` split into one chunk per core, results in order.
pub fn par_chunks<T: Sync, R: Send>(items: &[T], f: impl Fn(&[T]) -> R + Sync) -> Vec<R> {
    let cores = cores();
    if cores == 1 || items.len() < 64 {
        return vec![f(items)];
    }
    let size = items.len().div_ceil(cores);
    std::thread::scope(|s| {
        let handles: Vec<_> = items.chunks(size).map(|c| s.spawn(|| f(c))).collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

#[cfg(test)]
mod tests;
