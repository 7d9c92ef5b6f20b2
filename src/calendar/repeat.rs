//! The starts of a repeating event: its `DTSTART`, then each one its
//! `RRULE` gives — `FREQ=DAILY|WEEKLY|MONTHLY|YEARLY` with `INTERVAL`,
//! `COUNT`, `UNTIL`, `BYDAY` (weekdays for a weekly rule, `2TU` or `-1FR`
//! for a monthly one) and `BYMONTHDAY` — less the `EXDATE`s. Each start is
//! stepped in the event's own civil time and then placed in its zone, so a
//! weekly 9:00 stays 9:00 across a change of summer time. Only the starts
//! around now are kept (from a year before to [`YEARS`] years after), at
//! most [`MAX_STARTS`] of them, after at most [`MAX_STEPS`] steps (a daily
//! meeting since 1990 is 13,000). Other rule
//! parts (`BYSETPOS`, `BYWEEKNO`, …) are not read: the rule's plain steps
//! are taken.

use jiff::Timestamp;
use jiff::civil::{Date, DateTime, Weekday};
use jiff::tz::TimeZone;

use super::ics::{Component, Property};
use super::{Form, civil, instant};

pub const MAX_STARTS: usize = 1000;
pub const YEARS: i64 = 2;
pub const MAX_STEPS: i64 = 40_000;

pub fn starts(
    cal: &Component,
    event: &Component,
    dtstart: &Property,
    first: Timestamp,
    local: &TimeZone,
    now: Timestamp,
) -> Vec<Timestamp> {
    let day = jiff::SignedDuration::from_hours(24);
    let (from, to) = (now - day * 366, now + day * (366 * YEARS as i32));
    let mut out = vec![first];
    let (Some(rule), Some((base, form))) = (event.get("RRULE"), civil(&dtstart.value)) else {
        return out;
    };
    let part = |key: &str| {
        rule.value
            .split(';')
            .filter_map(|kv| kv.split_once('='))
            .find(|(k, _)| k.trim().eq_ignore_ascii_case(key))
            .map(|(_, v)| v.trim().to_ascii_uppercase())
    };
    let interval: i64 = part("INTERVAL")
        .and_then(|v| v.parse().ok())
        .filter(|n| *n > 0)
        .unwrap_or(1);
    let count: usize = part("COUNT")
        .and_then(|v| v.parse().ok())
        .unwrap_or(usize::MAX);
    // Every start the rule gives counts toward COUNT, kept or not.
    let mut given = 1;
    let until: Option<Timestamp> = part("UNTIL").and_then(|v| {
        let (dt, f) = civil(&v)?;
        // An UNTIL date covers its whole day.
        let dt = if f == Form::Date {
            dt.date().to_datetime(jiff::civil::Time::MAX)
        } else {
            dt
        };
        instant(
            cal,
            dtstart,
            dt,
            if f == Form::Utc { Form::Utc } else { form },
            local,
        )
        .ok()
    });
    let days: Vec<(i8, Weekday)> = part("BYDAY")
        .map(|v| v.split(',').filter_map(by_day).collect())
        .unwrap_or_default();
    let month_day: Option<i8> = part("BYMONTHDAY").and_then(|v| v.split(',').next()?.parse().ok());
    let excluded: Vec<Timestamp> = event
        .all("EXDATE")
        .flat_map(|p| {
            p.value
                .split(',')
                .filter_map(|v| {
                    let (dt, f) = civil(v)?;
                    instant(cal, p, dt, f, local).ok()
                })
                .collect::<Vec<_>>()
        })
        .collect();
    // Candidate civil starts, in order, one period at a time.
    let mut candidates: Vec<DateTime> = Vec::new();
    let freq = part("FREQ").unwrap_or_default();
    for period in 0..=MAX_STEPS {
        let step = period * interval;
        candidates.clear();
        match freq.as_str() {
            "DAILY" => candidates.push(shift_days(base, step)),
            "WEEKLY" if days.is_empty() => candidates.push(shift_days(base, 7 * step)),
            "WEEKLY" => {
                let monday = shift_days(
                    base,
                    7 * step - i64::from(base.weekday().to_monday_zero_offset()),
                );
                for (_, wd) in &days {
                    candidates.push(shift_days(monday, i64::from(wd.to_monday_zero_offset())));
                }
                candidates.sort();
            }
            "MONTHLY" => {
                let months = i64::from(base.month()) - 1 + step;
                let year = base.year() as i64 + months.div_euclid(12);
                let month = (months.rem_euclid(12) + 1) as i8;
                let Ok(first_day) = Date::new(year as i16, month, 1) else {
                    break;
                };
                let day = match (days.first(), month_day) {
                    (Some((n, wd)), _) => first_day
                        .nth_weekday_of_month(if *n == 0 { 1 } else { *n }, *wd)
                        .ok(),
                    (None, Some(d)) if d > 0 => Date::new(year as i16, month, d).ok(),
                    (None, Some(d)) => first_day
                        .last_of_month()
                        .checked_add(jiff::Span::new().days(i64::from(d) + 1))
                        .ok(),
                    (None, None) => Date::new(year as i16, month, base.day()).ok(),
                };
                candidates.extend(day.map(|d| d.to_datetime(base.time())));
            }
            "YEARLY" => {
                let year = base.year() as i64 + step;
                candidates.extend(
                    Date::new(year as i16, base.month(), base.day())
                        .ok()
                        .map(|d| d.to_datetime(base.time())),
                );
            }
            _ => return out,
        }
        for dt in candidates.iter().filter(|dt| **dt > base) {
            if given >= count || out.len() >= MAX_STARTS {
                return without(out, &excluded);
            }
            given += 1;
            let Ok(at) = instant(cal, dtstart, *dt, form, local) else {
                continue;
            };
            if until.is_some_and(|u| at > u) || at > to {
                return without(out, &excluded);
            }
            if at >= from {
                out.push(at);
            }
        }
    }
    without(out, &excluded)
}

fn without(mut starts: Vec<Timestamp>, excluded: &[Timestamp]) -> Vec<Timestamp> {
    starts.retain(|s| !excluded.contains(s));
    starts
}

fn shift_days(dt: DateTime, days: i64) -> DateTime {
    dt.checked_add(jiff::Span::new().days(days))
        .unwrap_or(DateTime::MAX)
}

/// `MO`, `2TU`, `-1FR`: which one in the period (0 for each), and the day.
pub(super) fn by_day(v: &str) -> Option<(i8, Weekday)> {
    let v = v.trim().to_ascii_uppercase();
    let (n, wd) = v.split_at(v.len().checked_sub(2)?);
    let n: i8 = if n.is_empty() { 0 } else { n.parse().ok()? };
    let wd = match wd {
        "MO" => Weekday::Monday,
        "TU" => Weekday::Tuesday,
        "WE" => Weekday::Wednesday,
        "TH" => Weekday::Thursday,
        "FR" => Weekday::Friday,
        "SA" => Weekday::Saturday,
        "SU" => Weekday::Sunday,
        _ => return None,
    };
    Some((n, wd))
}
