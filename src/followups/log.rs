//! The done log: `$COACH_HOME/followups.log`, one JSON line a follow-up
//! marked done, `{"id": .., "done": "YYYY-MM-DD", "at": RFC 3339}`.
//!
//! Marks live here, not in the sessions, so a session's notes are never
//! rewritten. The log is only ever appended to (O_APPEND, one write a line),
//! so two coach processes cannot lose each other's marks, and a damaged line
//! costs that one mark, never the rest.

use std::collections::HashMap;
use std::fs;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::session::store::{self, Store};

/// The file name, under `$COACH_HOME`.
pub const FILE_NAME: &str = "followups.log";

#[derive(Debug, Serialize, Deserialize)]
struct Line {
    id: String,
    done: String,
    at: String,
}

/// Where the done log of a store is.
pub fn path(store: &Store) -> PathBuf {
    store.home.join(FILE_NAME)
}

/// The done marks read from a log.
#[derive(Debug, Default)]
pub struct Marks {
    /// The day each follow-up was marked done (the earliest, if marked twice).
    pub done: HashMap<String, Date>,
    /// One line for each damaged line skipped, naming the file and line.
    pub warnings: Vec<String>,
}

/// Read the log at `path`; a missing log has no marks.
pub fn read(path: &Path) -> Result<Marks> {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Marks::default()),
        Err(e) => {
            return Err(anyhow::Error::new(e)
                .context(format!("cannot read {}", path.display()))
                .into());
        }
    };
    let mut marks = Marks::default();
    for (i, raw) in bytes.split(|b| *b == b'\n').enumerate() {
        if raw.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match parse_line(raw) {
            Ok((id, date)) => {
                let first = marks.done.entry(id).or_insert(date);
                *first = (*first).min(date);
            }
            Err(why) => marks.warnings.push(format!(
                "{}:{}: warning: skipped a damaged line of the done log: {why}",
                path.display(),
                i + 1
            )),
        }
    }
    Ok(marks)
}

fn parse_line(raw: &[u8]) -> std::result::Result<(String, Date), String> {
    let line: Line = serde_json::from_slice(raw).map_err(|e| e.to_string())?;
    let date = line
        .done
        .parse::<Date>()
        .map_err(|_| format!("`{}` is not a date like 2026-11-22", line.done))?;
    if line.id.trim().is_empty() {
        return Err("the follow-up id is empty".into());
    }
    Ok((line.id, date))
}

/// Append a done mark for `id`, made on `at`, counting as done on `done`.
/// The log and its directory are created private to the user.
pub fn append(store: &Store, id: &str, done: Date, at: &jiff::ZonedDateTime) -> Result<()> {
    store::private_dir(&store.home)?;
    let path = path(store);
    let what = || format!("cannot write {}", path.display());
    let mut options = fs::OpenOptions::new();
    options.read(true).append(true).create(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(&path).with_context(what)?;
    // A line cut short by a crash must not swallow this one.
    let mut lead = "";
    if file.metadata().with_context(what)?.len() > 0 {
        let mut last = [0u8; 1];
        file.seek(SeekFrom::End(-1)).with_context(what)?;
        file.read_exact(&mut last).with_context(what)?;
        if last[0] != b'\n' {
            lead = "\n";
        }
    }
    let line = Line {
        id: id.to_string(),
        done: done.to_string(),
        at: at.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string(),
    };
    let json = serde_json::to_string(&line).map_err(anyhow::Error::from)?;
    file.write_all(format!("{lead}{json}\n").as_bytes())
        .with_context(what)?;
    file.sync_data().with_context(what)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn now() -> jiff::ZonedDateTime {
        date(2026, 11, 22)
            .at(14, 3, 0, 0)
            .to_zoned_datetime(jiff::tz::TimeZone::fixed(jiff::tz::offset(1)))
            .unwrap()
    }

    #[test]
    fn marks_are_appended_and_read_back() {
        let tmp = tempfile::tempdir().unwrap();
        let store = Store {
            home: tmp.path().join("home"),
        };
        append(&store, "s#1", date(2026, 11, 22), &now()).unwrap();
        append(&store, "s#2", date(2026, 11, 21), &now()).unwrap();
        append(&store, "s#1", date(2026, 11, 23), &now()).unwrap();
        let text = fs::read_to_string(path(&store)).unwrap();
        assert_eq!(
            text.lines().next().unwrap(),
            r#"{"id":"s#1","done":"2026-11-22","at":"2026-11-22T14:03:00+01:00"}"#
        );
        assert_eq!(text.lines().count(), 3);
        let marks = read(&path(&store)).unwrap();
        assert!(marks.warnings.is_empty());
        assert_eq!(
            marks.done["s#1"],
            date(2026, 11, 22),
            "the first mark counts"
        );
        assert_eq!(marks.done["s#2"], date(2026, 11, 21));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&path(&store)), 0o600);
            assert_eq!(mode(&store.home), 0o700);
        }
    }

    #[test]
    fn damaged_lines_are_skipped_with_a_warning() {
        let tmp = tempfile::tempdir().unwrap();
        let store = Store {
            home: tmp.path().to_path_buf(),
        };
        let log = path(&store);
        // A good line, garbage, a bad date, an empty id, and a line cut short.
        fs::write(
            &log,
            "{\"id\":\"a#1\",\"done\":\"2026-11-20\",\"at\":\"x\"}\n\
             garbage\n\n\
             {\"id\":\"a#2\",\"done\":\"Friday\",\"at\":\"x\"}\n\
             {\"id\":\" \",\"done\":\"2026-11-20\",\"at\":\"x\"}\n\
             \u{0}\u{ff}\n\
             {\"id\":\"a#3\",\"do",
        )
        .unwrap();
        // The next mark starts on a line of its own.
        append(&store, "a#4", date(2026, 11, 22), &now()).unwrap();
        let marks = read(&log).unwrap();
        let mut ids: Vec<&str> = marks.done.keys().map(String::as_str).collect();
        ids.sort();
        assert_eq!(ids, ["a#1", "a#4"]);
        let lines: Vec<String> = marks
            .warnings
            .iter()
            .map(|w| w.split(": warning").next().unwrap().to_string())
            .collect();
        let name = log.display();
        assert_eq!(
            lines,
            [2, 4, 5, 6, 7].map(|n| format!("{name}:{n}")),
            "{:#?}",
            marks.warnings
        );
        assert!(marks.warnings[1].contains("`Friday` is not a date"));
    }

    #[test]
    fn a_missing_log_has_no_marks() {
        let tmp = tempfile::tempdir().unwrap();
        let marks = read(&tmp.path().join("none.log")).unwrap();
        assert!(marks.done.is_empty() && marks.warnings.is_empty());
    }
}
