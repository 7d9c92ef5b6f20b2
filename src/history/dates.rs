//! Dates as `--since` and `--until` take them: `YYYY-MM-DD`, `today`,
//! `yesterday`, or a count of days or weeks back from today (`7d`, `4w`).
//! "Today" is the date of `COACH_NOW` when it is set.

use jiff::ToSpan as _;
use jiff::civil::Date;

use crate::error::{Error, Result};

/// The day `text` names, counted back from `today`. `Nd` is the day `N`
/// days before today (so `1d` is yesterday and `0d` today); `Nw` is `7N`
/// days before.
pub fn parse_day(text: &str, today: Date) -> Result<Date> {
    let t = text.trim().to_ascii_lowercase();
    let bad = || {
        Error::Usage(format!(
            "`{text}` is not a date: use YYYY-MM-DD (2026-11-01), 7d (days back), 4w (weeks back), today or yesterday"
        ))
    };
    match t.as_str() {
        "today" => return Ok(today),
        "yesterday" => return today.checked_sub(1.day()).map_err(|_| bad()),
        _ => {}
    }
    if let Some(n) = t.strip_suffix('d').and_then(|n| n.parse::<i64>().ok()) {
        return back(today, n).ok_or_else(bad);
    }
    if let Some(n) = t.strip_suffix('w').and_then(|n| n.parse::<i64>().ok()) {
        return n
            .checked_mul(7)
            .and_then(|d| back(today, d))
            .ok_or_else(bad);
    }
    t.parse::<Date>().map_err(|_| bad())
}

fn back(today: Date, days: i64) -> Option<Date> {
    if !(0..=3_000_000).contains(&days) {
        return None;
    }
    today.checked_sub(days.days()).ok()
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
            ("90d", Some("2026-08-24")),
            ("4w", Some("2026-10-25")),
            ("1w", Some("2026-11-15")),
            ("2026-02-30", None),
            ("-3d", None),
            ("d", None),
            ("7 days", None),
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
    }
}
