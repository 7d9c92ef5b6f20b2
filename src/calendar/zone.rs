//! What a `TZID` means. An IANA name (`Europe/Berlin`, Google's and
//! Apple's) is looked up in jiff's time zone database, which knows every
//! past and future rule; a name that is not one (`W. Europe Standard
//! Time`, as Outlook writes) is read from the file's own `VTIMEZONE`: its
//! `STANDARD` and `DAYLIGHT` observances, each an onset (`DTSTART`, yearly
//! by `RRULE:FREQ=YEARLY;BYMONTH=..;BYDAY=..`, or on `RDATE`s) and the
//! offset it brings (`TZOFFSETTO`). The observance in force is the one with
//! the latest onset before the time.

use jiff::ZonedDateTime as Zoned;
use jiff::civil::{Date, DateTime};
use jiff::tz::{Offset, TimeZone};

use super::ics::Component;

pub fn resolve(cal: &Component, tzid: &str, dt: DateTime) -> Result<Zoned, String> {
    let tzid = tzid.trim();
    let iana = |name: &str| TimeZone::get(name.trim().trim_start_matches('/')).ok();
    let defined = cal
        .children("VTIMEZONE")
        .find(|z| z.get("TZID").is_some_and(|p| p.value.trim() == tzid));
    let zone = iana(tzid).or_else(|| {
        defined
            .and_then(|z| z.get("X-LIC-LOCATION"))
            .and_then(|p| iana(&p.value))
    });
    if let Some(tz) = zone {
        return dt.to_zoned_datetime(tz).map_err(|e| e.to_string());
    }
    let Some(defined) = defined else {
        return Err(format!(
            "unknown time zone `{}`: it is no IANA name (like Europe/Berlin), and the file defines no `VTIMEZONE` for it",
            crate::text::printable_line(tzid)
        ));
    };
    let offset = offset_at(defined, dt).ok_or_else(|| {
        format!(
            "the file's `VTIMEZONE` for `{}` has no observance with a readable `DTSTART` and `TZOFFSETTO`",
            crate::text::printable_line(tzid)
        )
    })?;
    dt.to_zoned_datetime(TimeZone::fixed(offset))
        .map_err(|e| e.to_string())
}

/// The offset the zone's rules give local time `dt`.
fn offset_at(zone: &Component, dt: DateTime) -> Option<Offset> {
    let mut best: Option<(DateTime, Offset)> = None;
    let mut earliest: Option<(DateTime, Offset)> = None;
    for o in zone
        .components
        .iter()
        .filter(|c| c.name == "STANDARD" || c.name == "DAYLIGHT")
    {
        let Some(base) = o.get("DTSTART").and_then(|p| local(&p.value)) else {
            continue;
        };
        let Some(to) = o.get("TZOFFSETTO").and_then(|p| offset(&p.value)) else {
            continue;
        };
        let mut onsets = vec![base];
        if let Some(rule) = o.get("RRULE") {
            for year in [dt.year() - 1, dt.year()] {
                if let Some(onset) = yearly(&rule.value, base, year) {
                    onsets.push(onset);
                }
            }
        }
        for rdate in o.all("RDATE") {
            onsets.extend(rdate.value.split(',').filter_map(local));
        }
        for onset in onsets.into_iter().filter(|t| *t >= base) {
            if onset <= dt && best.is_none_or(|(b, _)| onset > b) {
                best = Some((onset, to));
            }
            if earliest.is_none_or(|(e, _)| onset < e) {
                earliest = Some((onset, to));
            }
        }
    }
    best.or(earliest).map(|(_, o)| o)
}

/// The onset in `year` of a yearly rule: `BYMONTH` and `BYDAY` (`-1SU`,
/// `2SU`), else the day of the first onset; at the first onset's time.
fn yearly(rule: &str, base: DateTime, year: i16) -> Option<DateTime> {
    let part = |key: &str| {
        rule.split(';')
            .filter_map(|kv| kv.split_once('='))
            .find(|(k, _)| k.trim().eq_ignore_ascii_case(key))
            .map(|(_, v)| v.trim())
    };
    if !part("FREQ")?.eq_ignore_ascii_case("YEARLY") {
        return None;
    }
    if part("UNTIL")
        .and_then(local)
        .is_some_and(|until| until.year() < year)
    {
        return None;
    }
    let month = part("BYMONTH").map_or(Some(base.month()), |m| m.parse().ok())?;
    let day = match part("BYDAY") {
        None => Date::new(year, month, base.day()).ok()?,
        Some(by) => {
            let (n, weekday) = super::repeat::by_day(by.split(',').next()?)?;
            Date::new(year, month, 1)
                .ok()?
                .nth_weekday_of_month(if n == 0 { 1 } else { n }, weekday)
                .ok()?
        }
    };
    Some(day.to_datetime(base.time()))
}

/// `YYYYMMDDTHHMMSS` (a `Z` or none) as local time.
fn local(v: &str) -> Option<DateTime> {
    let v = v.trim().trim_end_matches(['Z', 'z']);
    let (d, t) = v.split_once('T').unwrap_or((v, "000000"));
    if d.len() != 8 || t.len() != 6 || !(d.bytes().chain(t.bytes()).all(|b| b.is_ascii_digit())) {
        return None;
    }
    let n = |s: &str| s.parse::<i16>().ok();
    DateTime::new(
        n(&d[..4])?,
        n(&d[4..6])? as i8,
        n(&d[6..])? as i8,
        n(&t[..2])? as i8,
        n(&t[2..4])? as i8,
        n(&t[4..])?.min(59) as i8,
        0,
    )
    .ok()
}

/// `+0100`, `-0500`, `+053000`.
fn offset(v: &str) -> Option<Offset> {
    let v = v.trim();
    let (sign, digits) = match v.as_bytes().first()? {
        b'+' => (1, &v[1..]),
        b'-' => (-1, &v[1..]),
        _ => return None,
    };
    if !(digits.len() == 4 || digits.len() == 6) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = |s: &str| s.parse::<i32>().ok();
    let secs = n(&digits[..2])? * 3600
        + n(&digits[2..4])? * 60
        + if digits.len() == 6 {
            n(&digits[4..])?
        } else {
            0
        };
    Offset::from_seconds(sign * secs).ok()
}
