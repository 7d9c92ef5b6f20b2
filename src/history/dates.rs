//! Dates as `--since` and `--until` take them: `YYYY-MM-DD`, `today`,
//! `yesterday`, or a span back from today in jiff's friendly format (`7d`,
//! `4w`, `3mo`, `1y`, `2 weeks`, `1w 2d`). "Today" is the date of
//! `COACH_NOW` when it is set.

use jiff::civil::Date;
use jiff::{Span, ToSpan as _};

use crate::error::{Error, Result};

/// The day `text` names, counted back from `today`. A span is the day that
/// long before today (so `1d` is yesterday and `0d` today); `3d` and
/// `3d ago` mean the same.
pub fn parse_day(text: &str, today: Date) -> Result<Date> {
    let t = text.trim().to_ascii_lowercase();
    let bad = || {
        Error::Usage(format!(
            "`{text}` is not a date: use YYYY-MM-DD (2026-11-01), a span back from today \
             (7d, 4w, 3mo), today or yesterday"
        ))
    };
    match t.as_str() {
        "today" => return Ok(today),
        "yesterday" => return today.checked_sub(1.day()).map_err(|_| bad()),
        _ => {}
    }
    // A date and time (`2026-11-22T10:00`) is not a day.
    if t.contains(':') {
        return Err(bad());
    }
    if let Ok(date) = t.parse::<Date>() {
        return Ok(date);
    }
    let span: Span = t.parse().map_err(|_| bad())?;
    let clock = span.get_hours() != 0
        || span.get_minutes() != 0
        || span.get_seconds() != 0
        || span.get_milliseconds() != 0
        || span.get_microseconds() != 0
        || span.get_nanoseconds() != 0;
    if clock {
        return Err(Error::Usage(format!(
            "`{text}` counts hours or less; --since and --until take days, weeks, months or years (7d, 4w)"
        )));
    }
    today.checked_sub(span.abs()).map_err(|_| bad())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_as_people_type_them() {
        let today: Date = "2026-11-22".parse().unwrap();
        let cases = [
            ("2026-11-01", Some("2026-11-01")),
            (" 2026-02-28 ", Some("2026-02-28")),
            ("today", Some("2026-11-22")),
            ("Yesterday", Some("2026-11-21")),
            ("0d", Some("2026-11-22")),
            ("1d", Some("2026-11-21")),
            ("7d", Some("2026-11-15")),
            ("3d ago", Some("2026-11-19")),
            ("7 days", Some("2026-11-15")),
            ("90d", Some("2026-08-24")),
            ("4w", Some("2026-10-25")),
            ("1w", Some("2026-11-15")),
            ("1w 2d", Some("2026-11-13")),
            ("1mo", Some("2026-10-22")),
            ("1y", Some("2025-11-22")),
            ("2026-02-30", None),
            ("2026-11-22T10:00", None),
            ("5h", None),
            ("d", None),
            ("99999999999w", None),
            ("", None),
            ("last week", None),
        ];
        for (text, want) in cases {
            let got = parse_day(text, today).ok().map(|d| d.to_string());
            assert_eq!(got.as_deref(), want, "{text}");
        }
        let err = parse_day("soon", today).unwrap_err().to_string();
        assert!(err.contains("YYYY-MM-DD") && err.contains("7d"), "{err}");
        let err = parse_day("5h", today).unwrap_err().to_string();
        assert!(err.contains("hours"), "{err}");
    }
}
