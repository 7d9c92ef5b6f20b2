//! Due dates as people say them in a debrief ("by Friday", "next week",
//! "Dec 1"), read relative to the day of the conversation.
//!
//! The rules, where a phrase could mean more than one day:
//!
//! - A bare weekday ("Friday", "by Friday", "on Friday") is the next such day
//!   *after* the conversation: said on a Wednesday, Friday is in two days;
//!   said on a Friday, it is next week's.
//! - "this Friday" is the Friday of the current week when it is still ahead
//!   (today included), else the next one.
//! - "next Friday" is the Friday of next week (weeks start on Monday): said on
//!   a Wednesday it is nine days away, not two. On a weekend "next week" is
//!   the week that starts on Monday.
//! - A vague period resolves to the *last* day it can fairly mean, so a promise
//!   is never overdue before it was late: "this week" / "end of week" → the
//!   first Friday on or after the day, "next week" → Friday of next week,
//!   "early next week" → Tuesday, "end of the month" / "this month" → its last
//!   day, "next month" → the last day of next month, "weekend" → Sunday.
//! - "in 3 days", "within a week", "in two weeks", "in a month" count from the
//!   day of the conversation; "in 2 business days" skips Saturdays and Sundays.
//! - A month and day without a year ("Dec 1", "1 December", "December 1st") is
//!   the next such date on or after the day: the year rolls forward when it
//!   has passed. "the 15th" is the next 15th.
//! - "before Friday" is the day before; "before the end of the month" is the
//!   same as "by the end of the month".
//! - Numeric dates other than ISO (`12/1`, `1.12.`) could be either order, and
//!   give `None`, as does anything else not understood: the caller asks.

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

/// The day a due phrase names, counted from `from`, or `None` when it cannot
/// tell (the caller should ask).
pub fn parse_due(phrase: &str, from: Date) -> Option<Date> {
    let owned = tokens(phrase);
    let mut t: Vec<&str> = owned.iter().map(String::as_str).collect();
    let mut before = false;
    // Words that introduce a due date but add nothing to it.
    loop {
        t = match t.as_slice() {
            [
                "by" | "on" | "until" | "till" | "til" | "due" | "latest" | "deadline",
                rest @ ..,
            ]
            | ["no" | "not", "later", "than", rest @ ..]
            | ["at", "latest", rest @ ..]
            | ["eod" | "cob" | "eob", rest @ ..]
            | ["end", "day" | "business", rest @ ..]
            | ["close", "business", rest @ ..]
                if !rest.is_empty() =>
            {
                rest.to_vec()
            }
            ["before", rest @ ..] if !rest.is_empty() => {
                before = true;
                rest.to_vec()
            }
            _ => break,
        };
    }
    if before && t.first() == Some(&"end") {
        // "before the end of the month" means "by" it.
        before = false;
    }
    let (date, exact) = loop {
        if let Some(found) = core(&t, from) {
            break found;
        }
        // "Friday EOD", "tomorrow morning", "Monday at 10am": drop the time.
        let cut = trailing_noise(&t)?;
        t.truncate(t.len() - cut);
        if t.is_empty() {
            return None;
        }
    };
    match (before, exact) {
        (false, _) => Some(date),
        (true, true) => date.yesterday().ok(),
        (true, false) => None,
    }
}

/// Lowercase words without punctuation, `the` and `of`: "by the end of the
/// month." → `by end month`.
fn tokens(phrase: &str) -> Vec<String> {
    let cleaned: String = phrase
        .to_lowercase()
        .chars()
        .map(|c| match c {
            ',' | ';' | '!' | '?' | '(' | ')' | '[' | ']' | '"' | '“' | '”' => ' ',
            '’' => '\'',
            c => c,
        })
        .collect();
    let mut out = Vec::new();
    for word in cleaned.split_whitespace() {
        // "end-of-week" is three words; "2026-12-01" is one.
        let parts: Vec<&str> = if word.starts_with(|c: char| c.is_ascii_digit()) {
            vec![word]
        } else {
            word.split('-').collect()
        };
        for part in parts {
            let part = part.trim_matches(|c| matches!(c, '.' | '\'' | ':'));
            if !part.is_empty() && part != "the" && part != "of" {
                out.push(part.to_string());
            }
        }
    }
    out
}

/// How many words at the end are a time of day or "end of day", if any.
fn trailing_noise(t: &[&str]) -> Option<usize> {
    match t {
        [.., "end", "day" | "business"] | [.., "close", "business"] | [.., "at", "latest"] => {
            Some(2)
        }
        [.., "at", time] if is_time(time) => Some(2),
        [
            ..,
            "eod" | "cob" | "eob" | "latest" | "morning" | "afternoon" | "evening" | "night",
        ]
        | [.., "noon" | "midday" | "lunch" | "lunchtime"] => Some(1),
        [.., time] if is_time(time) && (time.ends_with('m') || time.contains(':')) => Some(1),
        _ => None,
    }
}

/// `10`, `10am`, `5:30pm`, `17:00`, `noon`.
fn is_time(word: &str) -> bool {
    if matches!(word, "noon" | "midday") {
        return true;
    }
    let digits = word.trim_end_matches("am").trim_end_matches("pm");
    let mut parts = digits.splitn(2, ':');
    let hour = parts.next().unwrap_or("");
    let minute = parts.next();
    let short_number = |s: &str, max: u32| {
        !s.is_empty() && s.len() <= 2 && s.parse::<u32>().is_ok_and(|n| n <= max)
    };
    short_number(hour, 24) && minute.is_none_or(|m| m.len() == 2 && short_number(m, 59))
}

/// The date a phrase (without its lead-in words) names, and whether it names
/// one exact day (so "before" it is the day before) rather than a period.
fn core(t: &[&str], from: Date) -> Option<(Date, bool)> {
    let day = |d: Option<Date>| d.map(|d| (d, true));
    let period = |d: Option<Date>| d.map(|d| (d, false));
    let next_monday = monday_of(from).checked_add(7.days()).ok()?;
    match t {
        [iso] if iso.starts_with(|c: char| c.is_ascii_digit()) && iso.len() >= 8 => {
            day(iso_date(iso))
        }
        ["today" | "tonight" | "eod" | "cob" | "eob" | "now"]
        | ["end", "day" | "business"]
        | ["close", "business"]
        | ["this", "morning" | "afternoon" | "evening"] => day(Some(from)),
        ["tomorrow" | "tmrw" | "tmr"] => day(from.tomorrow().ok()),
        ["day", "after", "tomorrow"] => day(add_days(from, 2)),
        [wd] | ["end", wd] if weekday(wd).is_some() => {
            day(weekday(wd).and_then(|w| after(from, w)))
        }
        ["this", wd] if weekday(wd).is_some() => {
            day(weekday(wd).and_then(|w| on_or_after(from, w)))
        }
        ["next", wd] | [wd, "next", "week"] | ["next", "week", wd] | ["next", "week", "on", wd]
            if weekday(wd).is_some() =>
        {
            day(weekday(wd).and_then(|w| in_week(next_monday, w)))
        }
        [wd, rest @ ..] if weekday(wd).is_some() && rest.len() >= 2 => {
            // "Friday, December 4": the weekday must agree with the date.
            let (date, _) = month_day(rest, from)?;
            (date.weekday() == weekday(wd)?).then_some((date, true))
        }
        ["this" | "end", "week"] | ["end" | "later", "this", "week"] | ["eow"] => {
            period(on_or_after(from, Weekday::Friday))
        }
        ["next", "week"] | ["end", "next", "week"] => period(in_week(next_monday, Weekday::Friday)),
        ["start" | "beginning", "next", "week"] => period(Some(next_monday)),
        ["early", "next", "week"] => period(in_week(next_monday, Weekday::Tuesday)),
        ["mid" | "middle", "next", "week"] => period(in_week(next_monday, Weekday::Wednesday)),
        ["week", "after", "next"] => period(add_days(next_monday, 7 + 4)),
        ["weekend" | "eowe"] | ["this" | "end", "weekend"] => {
            period(on_or_after(from, Weekday::Sunday))
        }
        ["next", "weekend"] => period(in_week(next_monday, Weekday::Sunday)),
        ["end", "month"]
        | ["month", "end"]
        | ["eom"]
        | ["this", "month"]
        | ["end" | "later", "this", "month"] => period(Some(from.last_of_month())),
        ["next", "month"] | ["end", "next", "month"] => {
            period(months_on(from, 1).map(Date::last_of_month))
        }
        ["start" | "beginning", "next", "month"] => {
            period(months_on(from, 1).map(Date::first_of_month))
        }
        ["end", "year"]
        | ["year", "end"]
        | ["eoy"]
        | ["this", "year"]
        | ["end", "this", "year"] => period(Some(from.last_of_year())),
        ["end", "quarter"] | ["quarter", "end"] | ["eoq"] | ["this", "quarter"] => {
            period(quarter_end(from, 0))
        }
        ["next", "quarter"] | ["end", "next", "quarter"] => period(quarter_end(from, 1)),
        ["end", month] if month_number(month).is_some() => {
            let month = month_number(month)?;
            // The end of this year's month unless it has passed.
            let end = |year: i16| Some(Date::new(year, month, 1).ok()?.last_of_month());
            period(
                end(from.year())
                    .filter(|d| *d >= from)
                    .or_else(|| end(from.year() + 1)),
            )
        }
        ["in" | "within", rest @ ..] => period(relative(rest, from)),
        [rest @ .., "from", "now" | "today"] | [rest @ .., "later"] if !rest.is_empty() => {
            period(relative(rest, from))
        }
        _ => month_day(t, from),
    }
}

/// "3 days", "two weeks", "a month", "2 business days", "a week's time",
/// "the next week" after `from`.
fn relative(t: &[&str], from: Date) -> Option<Date> {
    let t = t.strip_prefix(&["next"]).unwrap_or(t);
    // "within the next week": one, when no count is given.
    let (n, rest) = number(t).unwrap_or((1, t));
    let (unit, rest) = match rest {
        ["business" | "working" | "work", "day" | "days", rest @ ..] => ("business", rest),
        [unit, rest @ ..] => (unit.trim_end_matches("'s"), rest),
        [] => return None,
    };
    if !matches!(rest, [] | ["time"]) {
        return None;
    }
    match unit {
        "day" | "days" => add_days(from, n),
        "week" | "weeks" | "wk" | "wks" => add_days(from, n * 7),
        "fortnight" | "fortnights" => add_days(from, n * 14),
        "month" | "months" => months_on(from, n),
        "year" | "years" => from.checked_add(n.years()).ok(),
        "business" => {
            let mut d = from;
            let mut left = n;
            while left > 0 {
                d = d.tomorrow().ok()?;
                if !matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday) {
                    left -= 1;
                }
            }
            Some(d)
        }
        _ => None,
    }
}

/// A count at the start of `t`: digits, a number word, "a", "a couple", "a few".
fn number<'a, 'b>(t: &'a [&'b str]) -> Option<(i64, &'a [&'b str])> {
    let (n, used) = match t {
        ["a", "couple", ..] => (2, 2),
        ["a", "few", ..] => (3, 2),
        ["couple", ..] => (2, 1),
        ["few", ..] => (3, 1),
        [word, ..] => {
            let n = match *word {
                "a" | "an" | "one" => 1,
                "two" => 2,
                "three" => 3,
                "four" => 4,
                "five" => 5,
                "six" => 6,
                "seven" => 7,
                "eight" => 8,
                "nine" => 9,
                "ten" => 10,
                "eleven" => 11,
                "twelve" => 12,
                digits if digits.len() <= 3 && digits.bytes().all(|b| b.is_ascii_digit()) => {
                    digits.parse().ok()?
                }
                _ => return None,
            };
            (n, 1)
        }
        [] => return None,
    };
    Some((n, &t[used..]))
}

/// "Dec 1", "1 December", "December 1st 2026", "the 15th".
fn month_day(t: &[&str], from: Date) -> Option<(Date, bool)> {
    let date = match t {
        [d, m] | [m, d] if month_number(m).is_some() && day_number(d, false).is_some() => {
            rolled(month_number(m)?, day_number(d, false)?, from)
        }
        [d, m, y] | [m, d, y] if month_number(m).is_some() && day_number(d, false).is_some() => {
            let year: i16 = y.parse().ok().filter(|y| (1000..=9999).contains(y))?;
            Date::new(year, month_number(m)?, day_number(d, false)?).ok()
        }
        [d] => {
            let d = day_number(d, true)?;
            // The next such day of a month, skipping months too short for it.
            (0..12).find_map(|k| {
                let month = months_on(from.first_of_month(), k)?;
                Date::new(month.year(), month.month(), d)
                    .ok()
                    .filter(|date| *date >= from)
            })
        }
        _ => None,
    }?;
    Some((date, true))
}

/// A month and day on or after `from`, in this year or a later one.
fn rolled(month: i8, day: i8, from: Date) -> Option<Date> {
    // Eight years reach the next 29 February.
    (0..8).find_map(|k| {
        Date::new(from.year().checked_add(k)?, month, day)
            .ok()
            .filter(|d| *d >= from)
    })
}

/// `2026-12-01` or `2026/12/01`.
fn iso_date(word: &str) -> Option<Date> {
    let sep = if word.contains('-') { '-' } else { '/' };
    let parts: Vec<&str> = word.split(sep).collect();
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    if y.len() != 4 || !(1..=2).contains(&m.len()) || !(1..=2).contains(&d.len()) {
        return None;
    }
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok()
}

fn month_number(word: &str) -> Option<i8> {
    Some(match word {
        "jan" | "january" => 1,
        "feb" | "february" => 2,
        "mar" | "march" => 3,
        "apr" | "april" => 4,
        "may" => 5,
        "jun" | "june" => 6,
        "jul" | "july" => 7,
        "aug" | "august" => 8,
        "sep" | "sept" | "september" => 9,
        "oct" | "october" => 10,
        "nov" | "november" => 11,
        "dec" | "december" => 12,
        _ => return None,
    })
}

/// `1`..`31`, with or without `st`/`nd`/`rd`/`th` (required when `ordinal`).
fn day_number(word: &str, ordinal: bool) -> Option<i8> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    let suffix_ok = match suffix {
        "" => !ordinal,
        "st" | "nd" | "rd" | "th" => true,
        _ => false,
    };
    if !suffix_ok || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

pub(super) fn weekday(word: &str) -> Option<Weekday> {
    Some(match word {
        "mon" | "monday" => Weekday::Monday,
        "tue" | "tues" | "tuesday" => Weekday::Tuesday,
        "wed" | "weds" | "wednesday" => Weekday::Wednesday,
        "thu" | "thur" | "thurs" | "thursday" => Weekday::Thursday,
        "fri" | "friday" => Weekday::Friday,
        "sat" | "saturday" => Weekday::Saturday,
        "sun" | "sunday" => Weekday::Sunday,
        _ => return None,
    })
}

fn add_days(d: Date, n: i64) -> Option<Date> {
    d.checked_add(n.days()).ok()
}

fn months_on(d: Date, n: i64) -> Option<Date> {
    d.checked_add(n.months()).ok()
}

fn monday_of(d: Date) -> Date {
    add_days(d, -i64::from(d.weekday().to_monday_zero_offset())).unwrap_or(d)
}

fn in_week(monday: Date, w: Weekday) -> Option<Date> {
    add_days(monday, i64::from(w.to_monday_zero_offset()))
}

/// The next `w` strictly after `d`.
fn after(d: Date, w: Weekday) -> Option<Date> {
    let k = d.weekday().until(w);
    add_days(d, if k == 0 { 7 } else { i64::from(k) })
}

fn on_or_after(d: Date, w: Weekday) -> Option<Date> {
    add_days(d, i64::from(d.weekday().until(w)))
}

/// The last day of this quarter (`ahead` 0) or a later one.
fn quarter_end(d: Date, ahead: i64) -> Option<Date> {
    let last_month = (d.month() - 1) / 3 * 3 + 3;
    let end = Date::new(d.year(), last_month, 1).ok()?;
    months_on(end, ahead * 3).map(Date::last_of_month)
}

#[cfg(test)]
#[path = "due_tests.rs"]
mod tests;
