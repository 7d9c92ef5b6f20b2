//! Meetings from a calendar file (`coach prep --invite`, `coach agenda`):
//! each `VEVENT` of an RFC 5545 file as a [`Meeting`] — its start as an
//! instant (UTC, a `TZID` that names an IANA zone, a `TZID` defined by the
//! file's own `VTIMEZONE` as Outlook writes them, or the user's local time
//! for a floating time), its title, its organiser and attendees — and who
//! the counterpart is once the user is recognised among them.
//!
//! `ics` reads the syntax; this module gives it meaning; `agenda` lists
//! the days ahead with the prep made for each meeting. Both are pure: the
//! store reads the file (bounded) and hands over the text and the zone.

pub mod agenda;
pub mod ics;
mod repeat;
mod zone;

use jiff::Timestamp;
use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;

use crate::diag::{Diagnostic, Diagnostics, Loc, Source};
use ics::{Component, Property, unescape};

/// One person on an invite.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attendee {
    /// Their name (`CN`, `Last, First` turned round), else one made from the
    /// address (`lee.chen@…` is Lee Chen).
    pub name: String,
    pub email: Option<String>,
    /// A room or a piece of equipment (`CUTYPE=ROOM|RESOURCE`), not a person.
    pub resource: bool,
}

/// One event of a calendar file.
#[derive(Debug, Clone, PartialEq)]
pub struct Meeting {
    pub uid: String,
    pub start: Timestamp,
    pub end: Option<Timestamp>,
    /// An all-day event (`VALUE=DATE`): a day, not a meeting.
    pub all_day: bool,
    pub title: String,
    pub organizer: Option<Attendee>,
    pub attendees: Vec<Attendee>,
    /// When the invite was made (`CREATED`, else `DTSTAMP`).
    pub made: Option<Timestamp>,
    /// Every start of the event: `start` alone, or each that its `RRULE`
    /// gives, without its `EXDATE`s (see `repeat`).
    pub starts: Vec<Timestamp>,
    /// The line its `BEGIN:VEVENT` is on.
    pub line: usize,
}

/// How the user is recognised on an invite: config `me` and `emails`.
#[derive(Debug, Clone, Default)]
pub struct Me {
    pub name: Option<String>,
    pub emails: Vec<String>,
}

impl Me {
    pub fn is(&self, a: &Attendee) -> bool {
        let email = a.email.as_deref().unwrap_or("");
        self.emails
            .iter()
            .any(|e| e.trim().eq_ignore_ascii_case(email))
            || self
                .name
                .as_deref()
                .is_some_and(|n| crate::people::same(n, &a.name))
    }
}

impl Meeting {
    /// The counterpart, and everyone else who takes part: the first attendee
    /// who is not the user, else the organiser who is not; rooms left out.
    pub fn people(&self, me: &Me) -> Option<(&Attendee, Vec<&Attendee>)> {
        let others: Vec<&Attendee> = self
            .attendees
            .iter()
            .chain(&self.organizer)
            .filter(|a| !a.resource && !me.is(a))
            .fold(Vec::new(), |mut seen, a| {
                if !seen.iter().any(|s: &&Attendee| same_person(s, a)) {
                    seen.push(a);
                }
                seen
            });
        let (first, rest) = others.split_first()?;
        Some((first, rest.to_vec()))
    }
}

fn same_person(a: &Attendee, b: &Attendee) -> bool {
    match (&a.email, &b.email) {
        (Some(x), Some(y)) => x.eq_ignore_ascii_case(y),
        _ => crate::people::same(&a.name, &b.name),
    }
}

/// Every event of `source`, in the order written. `now`'s zone is the zone
/// of a floating time (no `Z`, no `TZID`) and of an all-day event's day.
/// `now` is when the file is read: a repeating event's starts are those
/// around it.
pub fn meetings(source: &Source, now: &jiff::ZonedDateTime) -> Result<Vec<Meeting>, Diagnostics> {
    let local = now.time_zone();
    let calendars = ics::parse(source)?;
    let mut out = Vec::new();
    let mut problems = Diagnostics::default();
    for cal in &calendars {
        if cal.name != "VCALENDAR" {
            continue;
        }
        for event in cal.children("VEVENT") {
            match meeting(source, cal, event, local, now.timestamp()) {
                Ok(m) => out.push(m),
                Err(d) => problems.0.push(*d),
            }
        }
    }
    if !problems.0.is_empty() {
        return Err(problems);
    }
    if out.is_empty() {
        return Err(Diagnostics(vec![
            Diagnostic::new(
                source,
                Loc::new(1, 1, 1),
                "the calendar holds no event (`VEVENT`)",
            )
            .help("export the meeting itself, not only the calendar's settings"),
        ]));
    }
    Ok(out)
}

fn meeting(
    source: &Source,
    cal: &Component,
    event: &Component,
    local: &TimeZone,
    now: Timestamp,
) -> Result<Meeting, Box<Diagnostic>> {
    let at = |p: &Property, message: String| {
        Box::new(Diagnostic::new(
            source,
            Loc::new(p.line, p.col, p.value.chars().count().max(1)),
            message,
        ))
    };
    let Some(dtstart) = event.get("DTSTART") else {
        return Err(Box::new(
            Diagnostic::new(
                source,
                Loc::new(event.line, 1, 1),
                "this event has no start (`DTSTART`)",
            )
            .help("a meeting needs a start time; export it again from your calendar"),
        ));
    };
    let (start, all_day) = when(cal, dtstart, local).map_err(|m| at(dtstart, m))?;
    let starts = repeat::starts(cal, event, dtstart, start, local, now);
    let end = match event.get("DTEND") {
        Some(p) => Some(when(cal, p, local).map_err(|m| at(p, m))?.0),
        None => None,
    };
    let stamp = |name: &str| {
        event
            .get(name)
            .and_then(|p| when(cal, p, local).ok())
            .map(|(t, _)| t)
    };
    Ok(Meeting {
        uid: event
            .get("UID")
            .map_or_else(String::new, |p| p.value.trim().to_string()),
        start,
        end,
        all_day,
        title: event
            .get("SUMMARY")
            .map_or_else(String::new, |p| unescape(&p.value).trim().to_string()),
        organizer: event.get("ORGANIZER").map(attendee),
        attendees: event.all("ATTENDEE").map(attendee).collect(),
        made: stamp("CREATED").or_else(|| stamp("DTSTAMP")),
        starts,
        line: event.line,
    })
}

/// A `DATE` or `DATE-TIME` value as an instant, and whether it is a date.
fn when(cal: &Component, p: &Property, local: &TimeZone) -> Result<(Timestamp, bool), String> {
    let (dt, form) = civil(&p.value).ok_or_else(|| {
        format!(
            "`{}` is not an iCalendar date or time: expected `YYYYMMDD`, `YYYYMMDDTHHMMSS` or `YYYYMMDDTHHMMSSZ`",
            crate::text::printable_line(p.value.trim())
        )
    })?;
    Ok((instant(cal, p, dt, form, local)?, form == Form::Date))
}

/// How a date or time value was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Date,
    Utc,
    /// In the property's `TZID`, or floating without one.
    Local,
}

/// `YYYYMMDD`, `YYYYMMDDTHHMMSS` or `YYYYMMDDTHHMMSSZ` as a civil time.
fn civil(value: &str) -> Option<(DateTime, Form)> {
    let v = value.trim();
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let num = |s: &str| s.parse::<i16>().ok();
    let (date, time) = match v.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (v, None),
    };
    if date.len() != 8 || !digits(date) {
        return None;
    }
    let day = Date::new(
        num(&date[..4])?,
        num(&date[4..6])? as i8,
        num(&date[6..])? as i8,
    )
    .ok()?;
    let Some(time) = time else {
        return Some((day.to_datetime(jiff::civil::Time::midnight()), Form::Date));
    };
    let (clock, form) = match time.strip_suffix(['Z', 'z']) {
        Some(c) => (c, Form::Utc),
        None => (time, Form::Local),
    };
    if clock.len() != 6 || !digits(clock) {
        return None;
    }
    let dt = DateTime::new(
        day.year(),
        day.month(),
        day.day(),
        num(&clock[..2])? as i8,
        num(&clock[2..4])? as i8,
        // A leap second is the minute's last.
        (num(&clock[4..])? as i8).min(59),
        0,
    )
    .ok()?;
    Some((dt, form))
}

/// The instant of civil time `dt`, written as `p` writes its value: in UTC,
/// in its `TZID`, or in the user's zone (a date, a floating time).
fn instant(
    cal: &Component,
    p: &Property,
    dt: DateTime,
    form: Form,
    local: &TimeZone,
) -> Result<Timestamp, String> {
    let zoned = match (form, p.param("TZID")) {
        (Form::Utc, _) => dt.to_zoned_datetime(TimeZone::UTC),
        (Form::Local, Some(tzid)) => return zone::resolve(cal, tzid, dt).map(|z| z.timestamp()),
        _ => dt.to_zoned_datetime(local.clone()),
    };
    zoned.map(|z| z.timestamp()).map_err(|e| e.to_string())
}

/// An `ATTENDEE` or `ORGANIZER`.
fn attendee(p: &Property) -> Attendee {
    let value = p.value.trim();
    let email = value
        .get(..7)
        .filter(|s| s.eq_ignore_ascii_case("mailto:"))
        .map(|_| value[7..].trim().to_string())
        .or_else(|| p.param("EMAIL").map(|e| e.trim().to_string()))
        .filter(|e| e.contains('@'));
    let name = match p.param("CN").map(|n| caret_decoded(n).trim().to_string()) {
        Some(cn) if !cn.is_empty() => turned_round(&cn),
        _ => email.as_deref().map_or_else(String::new, name_of_address),
    };
    let resource = p
        .param("CUTYPE")
        .is_some_and(|c| c.eq_ignore_ascii_case("ROOM") || c.eq_ignore_ascii_case("RESOURCE"));
    Attendee {
        name,
        email,
        resource,
    }
}

/// A parameter value with RFC 6868's escapes undone (`^'` a quote, `^n` a
/// line break, here a space, `^^` a caret); a backslash is only a backslash.
fn caret_decoded(value: &str) -> String {
    value
        .replace("^^", "\u{0}")
        .replace("^'", "\"")
        .replace("^n", " ")
        .replace("^N", " ")
        .replace('\u{0}', "^")
}

/// `Kim, Alex` (a directory's order) as `Alex Kim`; other names as written.
fn turned_round(name: &str) -> String {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    match name.split_once(", ") {
        Some((last, first))
            if !first.contains(',')
                && first.split(' ').count() <= 2
                && last.split(' ').count() <= 2
                && name
                    .chars()
                    .all(|c| c.is_alphabetic() || " ,'-.".contains(c)) =>
        {
            format!("{first} {last}")
        }
        _ => name,
    }
}

/// `lee.chen@globex.example` as `Lee Chen`.
fn name_of_address(email: &str) -> String {
    let local = email.split('@').next().unwrap_or(email);
    local
        .split(['.', '_', '-', '+'])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests;
