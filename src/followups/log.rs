//! The done log's format: `$COACH_HOME/followups.log`, one JSON line a
//! follow-up marked done, `{"id": .., "done": "YYYY-MM-DD", "at": RFC 3339}`.
//!
//! Marks live there, not in the sessions, so a session's notes are never
//! rewritten. The log is only ever appended to (`store::done_log` does it,
//! one write a line), so two coach processes cannot lose each other's marks,
//! and a damaged line costs that one mark, never the rest.

use std::collections::HashMap;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::session::Moment;

/// The file name, under `$COACH_HOME`.
pub const FILE_NAME: &str = "followups.log";

#[derive(Debug, Serialize, Deserialize)]
struct Line {
    id: String,
    done: Date,
    at: String,
}

/// The done marks read from a log.
#[derive(Debug, Default)]
pub struct Marks {
    /// The day each follow-up was marked done (the earliest, if marked twice).
    pub done: HashMap<String, Date>,
    /// One line for each damaged line skipped, naming the file and line.
    pub warnings: Vec<String>,
}

/// The marks in a log's bytes; `name` is the log's path, for warnings.
pub fn parse(bytes: &[u8], name: &str) -> Marks {
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
                "{name}:{}: warning: skipped a damaged line of the done log: {why}",
                i + 1
            )),
        }
    }
    marks
}

fn parse_line(raw: &[u8]) -> std::result::Result<(String, Date), String> {
    #[derive(Deserialize)]
    struct Loose {
        id: String,
        done: String,
    }
    let line: Loose = serde_json::from_slice(raw).map_err(|e| e.to_string())?;
    let date = line
        .done
        .parse::<Date>()
        .map_err(|_| format!("`{}` is not a date like 2026-11-22", line.done))?;
    if line.id.trim().is_empty() {
        return Err("the follow-up id is empty".into());
    }
    Ok((line.id, date))
}

/// The line that marks `id` done on `done`, written at `at` (with its newline).
pub fn line(id: &str, done: Date, at: Moment) -> String {
    let line = Line {
        id: id.to_string(),
        done,
        at: at.to_string(),
    };
    let json = serde_json::to_string(&line).expect("a done mark is plain JSON");
    format!("{json}\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn marks_read_back_and_damaged_lines_are_skipped() {
        let at: Moment = "2026-11-22T14:03:00+01:00".parse().unwrap();
        let one = line("s#1", date(2026, 11, 22), at);
        assert_eq!(
            one,
            "{\"id\":\"s#1\",\"done\":\"2026-11-22\",\"at\":\"2026-11-22T14:03:00+01:00\"}\n"
        );
        // A good line, garbage, a bad date, an empty id, bytes that are not
        // UTF-8, a line cut short, and the first line marked again.
        let mut text = one.clone().into_bytes();
        text.extend_from_slice(b"garbage\n\n");
        text.extend_from_slice(br#"{"id":"a#2","done":"Friday","at":"x"}"#);
        text.extend_from_slice(b"\n");
        text.extend_from_slice(br#"{"id":" ","done":"2026-11-20","at":"x"}"#);
        text.extend_from_slice(b"\n\x00\xff\n");
        text.extend_from_slice(br#"{"id":"a#3","do"#);
        text.extend_from_slice(b"\n");
        text.extend_from_slice(line("s#1", date(2026, 11, 23), at).as_bytes());
        let marks = parse(&text, "log");
        assert_eq!(marks.done.len(), 1);
        assert_eq!(
            marks.done["s#1"],
            date(2026, 11, 22),
            "the first mark counts"
        );
        let lines: Vec<&str> = marks
            .warnings
            .iter()
            .map(|w| w.split(": warning").next().unwrap())
            .collect();
        assert_eq!(
            lines,
            ["log:2", "log:4", "log:5", "log:6", "log:7"],
            "{:#?}",
            marks.warnings
        );
        assert!(marks.warnings[1].contains("`Friday` is not a date"));
    }
}
