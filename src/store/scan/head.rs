//! The hand reader of one notes file's head: its front matter read in
//! 8 KiB pieces only up to the closing `---`, the top-level scalar keys a
//! filter needs picked out by hand and nested lines skipped as bytes. When
//! it is not sure (a block or multi-line scalar, a duplicate, missing or odd
//! key, a key line that is not UTF-8) it says so, and the file goes to the
//! full YAML reader instead.

use std::io::Read as _;
use std::path::Path;

use super::{Head, full};
use crate::playbook::Kind;
use crate::session::Moment;
use crate::store::files::MAX_FILE_BYTES;

/// What one file turned out to be.
#[derive(Debug)]
pub enum Found {
    NotSession,
    Head(Head),
    /// A coach session that cannot be read or is broken: why.
    Broken(super::Skip),
}

/// Read a file's head, falling back to the full reader when unsure.
pub fn read_head(path: &Path) -> Found {
    read_head_with(path, &mut Vec::new())
}

/// How much of a file is read at a time: most front matter fits in one.
pub(super) const CHUNK: usize = 8192;

/// [`read_head`] with a buffer reused from file to file.
pub(super) fn read_head_with(path: &Path, buf: &mut Vec<u8>) -> Found {
    match quick_head(path, buf) {
        Quick::Head(h) => Found::Head(h),
        Quick::NotSession => Found::NotSession,
        Quick::Unsure => match full(path) {
            Ok(s) => Found::Head(Head::of(path, &s)),
            Err(w) => Found::Broken(w),
        },
    }
}

pub(super) enum Quick {
    NotSession,
    Head(Head),
    Unsure,
}

#[derive(Default)]
struct Keys {
    id: Option<String>,
    kind: Option<String>,
    playbook: Option<String>,
    with: Option<String>,
    account: Option<String>,
    date: Option<String>,
    prep: Option<String>,
    coach_version: bool,
}

pub(super) fn quick_head(path: &Path, buf: &mut Vec<u8>) -> Quick {
    let Ok((mut file, _)) = crate::store::files::open_regular(path) else {
        return Quick::Unsure;
    };
    buf.clear();
    let mut keys = Keys::default();
    // The last line held a scalar we kept: an indented line after it would
    // continue that scalar, which the hand scan does not follow.
    let mut after_kept = false;
    // Bytes of `buf` already split into lines.
    let mut done = 0;
    let mut first = true;
    let mut eof = false;
    loop {
        let Some(nl) = buf[done..].iter().position(|&b| b == b'\n') else {
            if eof {
                return if is_session(&keys) {
                    Quick::Unsure
                } else {
                    Quick::NotSession
                };
            }
            // Read on only when no whole line is left: one read is usually
            // the whole front matter.
            let len = buf.len();
            if len > MAX_FILE_BYTES {
                return Quick::Unsure;
            }
            buf.resize(len + CHUNK, 0);
            match file.read(&mut buf[len..]) {
                Ok(n) => {
                    buf.truncate(len + n);
                    if n == 0 {
                        eof = true;
                        buf.push(b'\n');
                    }
                }
                Err(_) => return Quick::Unsure,
            }
            continue;
        };
        let raw = &buf[done..done + nl];
        done += nl + 1;
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        if first {
            if raw != b"---" {
                return Quick::NotSession;
            }
            first = false;
            continue;
        }
        if raw.starts_with(b"---") && raw[3..].iter().all(|b| b.is_ascii_whitespace()) {
            break;
        }
        // Nested lines (answers, lists) are skipped as bytes: only the
        // top-level keys are read as text.
        if matches!(raw.first(), Some(b' ' | b'\t')) {
            if after_kept && !raw.iter().all(|b| b.is_ascii_whitespace()) {
                return Quick::Unsure;
            }
            continue;
        }
        after_kept = false;
        let wanted = raw.iter().position(|&b| b == b':').is_some_and(|colon| {
            matches!(
                &raw[..colon],
                b"id"
                    | b"kind"
                    | b"playbook"
                    | b"with"
                    | b"account"
                    | b"date"
                    | b"prep"
                    | b"coach_version"
            )
        });
        if !wanted {
            continue;
        }
        let Ok(line) = std::str::from_utf8(raw) else {
            return Quick::Unsure;
        };
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let slot = match key {
            "id" => &mut keys.id,
            "kind" => &mut keys.kind,
            "playbook" => &mut keys.playbook,
            "with" => &mut keys.with,
            "account" => &mut keys.account,
            "date" => &mut keys.date,
            "prep" => &mut keys.prep,
            "coach_version" => {
                keys.coach_version = true;
                continue;
            }
            _ => continue,
        };
        if slot.is_some() {
            return Quick::Unsure; // a duplicate key: let the full reader say so
        }
        match scalar(value) {
            Some(v) => *slot = Some(v),
            None => return Quick::Unsure,
        }
        after_kept = true;
    }
    if !is_session(&keys) {
        return Quick::NotSession;
    }
    let kind = match keys.kind.as_deref() {
        Some("prep") => Kind::Prep,
        Some("debrief") => Kind::Debrief,
        _ => return Quick::Unsure,
    };
    let (Some(id), Some(playbook), Some(with), Some(account), Some(date)) =
        (keys.id, keys.playbook, keys.with, keys.account, keys.date)
    else {
        return Quick::Unsure;
    };
    let Ok(date) = date.parse::<Moment>() else {
        return Quick::Unsure;
    };
    if !crate::session::valid_id(&id) {
        return Quick::Unsure;
    }
    Quick::Head(Head {
        path: path.to_path_buf(),
        id,
        kind,
        playbook,
        with,
        account,
        date,
        prep: keys.prep,
    })
}

/// Front matter is a coach session's when it has an id or a coach version.
fn is_session(keys: &Keys) -> bool {
    keys.id.is_some() || keys.coach_version
}

/// A one-line YAML scalar as text, or `None` when the hand scan cannot be
/// sure what it means.
pub(super) fn scalar(raw: &str) -> Option<String> {
    // YAML trims only spaces and tabs, not every Unicode space.
    let v = raw.trim_matches([' ', '\t']);
    let first = v.chars().next()?;
    match first {
        '"' => {
            let inner = v.strip_prefix('"')?.strip_suffix('"')?;
            if inner.contains(['\\', '"']) {
                serde_saphyr::from_str::<String>(v).ok()
            } else {
                Some(inner.to_string())
            }
        }
        '\'' => {
            let inner = v.strip_prefix('\'')?.strip_suffix('\'')?;
            if inner.replace("''", "").contains('\'') {
                return None;
            }
            Some(inner.replace("''", "'"))
        }
        '>' | '|' | '&' | '*' | '!' | '[' | '{' | '%' | '@' | '`' | '#' | '-' | '?' => None,
        _ if v.contains(" #") || v.contains(": ") || v == "~" || v == "null" => None,
        _ => Some(v.to_string()),
    }
}
