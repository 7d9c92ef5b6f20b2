//! Meetings read from invites in the shapes calendars write (the files in
//! `tests/fixtures/invites/`, written by hand in each program's syntax).

use super::*;

fn read(name: &str) -> Vec<Meeting> {
    let path = format!(
        "{}/tests/fixtures/invites/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
    meetings(&Source::new(name, text), &now(Offset::constant(1)))
        .unwrap_or_else(|d| panic!("{name}: {d}"))
}

use jiff::tz::Offset;

/// 2026-11-22 14:03 in a zone of `offset`.
fn now(offset: Offset) -> jiff::ZonedDateTime {
    utc("2026-11-22T13:03:00Z").to_zoned_datetime(TimeZone::fixed(offset))
}

fn utc(t: &str) -> Timestamp {
    t.parse().unwrap()
}

fn me() -> Me {
    Me {
        name: Some("Alex Kim".into()),
        emails: vec!["alex.kim@example.com".into()],
    }
}

#[test]
fn an_outlook_zone_is_read_from_its_vtimezone() {
    let text = "BEGIN:VCALENDAR\r\nBEGIN:VTIMEZONE\r\nTZID:W. Europe Standard Time\r\nBEGIN:STANDARD\r\nDTSTART:16010101T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\nEND:STANDARD\r\nBEGIN:DAYLIGHT\r\nDTSTART:16010101T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART;TZID=\"W. Europe Standard Time\":20261208T140000\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:b\r\nDTSTART;TZID=W. Europe Standard Time:20260710T140000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let m = meetings(&Source::new("o.ics", text), &now(Offset::UTC)).unwrap();
    assert_eq!(m[0].start, utc("2026-12-08T13:00:00Z"), "winter: +01:00");
    assert_eq!(m[1].start, utc("2026-07-10T12:00:00Z"), "summer: +02:00");
}

#[test]
fn names_are_turned_round_and_made_from_addresses() {
    assert_eq!(turned_round("Kim, Alex"), "Alex Kim");
    assert_eq!(turned_round("Reyes,  Tom"), "Tom Reyes");
    assert_eq!(
        turned_round("Acme, Inc. Sales Team, EU"),
        "Acme, Inc. Sales Team, EU"
    );
    assert_eq!(name_of_address("lee.chen@globex.example"), "Lee Chen");
}

#[test]
fn a_broken_time_is_located_at_its_value() {
    let text = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:x\nDTSTART:2026-12-03 10:00\nEND:VEVENT\nBEGIN:VEVENT\nDTSTART;TZID=Mars/Olympus:20261203T100000\nEND:VEVENT\nEND:VCALENDAR\n";
    let err = meetings(&Source::new("b.ics", text), &now(Offset::UTC))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("b.ics:4:9: error: `2026-12-03 10:00` is not an iCalendar date or time"),
        "{err}"
    );
    assert!(
        err.contains("b.ics:7:27: error: unknown time zone `Mars/Olympus`"),
        "{err}"
    );
    let none = meetings(
        &Source::new("n.ics", "BEGIN:VCALENDAR\nEND:VCALENDAR\n"),
        &now(Offset::UTC),
    )
    .unwrap_err()
    .to_string();
    assert!(none.contains("holds no event"), "{none}");
}

/// The counterpart and the others of a meeting, by name.
fn cast(m: &Meeting) -> (String, Vec<String>) {
    let (first, rest) = m.people(&me()).expect("someone besides me");
    (
        first.name.clone(),
        rest.iter().map(|a| a.name.clone()).collect(),
    )
}

#[test]
fn a_google_invite() {
    let m = read("google.ics");
    assert_eq!(m.len(), 1);
    let m = &m[0];
    assert_eq!(m.uid, "7kukuqrfedlm2f9t3vmb2bkppn@google.com");
    assert_eq!(m.start, utc("2026-12-03T15:00:00Z"));
    assert_eq!(m.end, Some(utc("2026-12-03T15:30:00Z")));
    assert_eq!(m.title, "Acme onboarding — next steps");
    assert_eq!(m.made, Some(utc("2026-11-20T14:59:00Z")));
    assert_eq!(cast(m), ("Jane Smith".into(), vec!["Mo Reyes".into()]));
}

#[test]
fn an_outlook_teams_invite() {
    let m = &read("outlook.ics")[0];
    assert_eq!(m.start, utc("2026-12-08T13:00:00Z"));
    assert_eq!(m.title, "Northwind renewal review");
    assert!(
        m.uid.starts_with("040000008200E00074C5B7101A82E008") && m.uid.len() == 112,
        "{}",
        m.uid
    );
    // Alex is `Kim, Alex` <ALEX.KIM@EXAMPLE.COM>; the room is no person;
    // the organiser, after the attendees, is one of the others.
    assert_eq!(m.attendees[0].name, "Alex Kim");
    assert!(m.attendees[2].resource);
    assert_eq!(cast(m), ("Tom Reyes".into(), vec!["Priya Raman".into()]));
}

#[test]
fn an_apple_export_with_several_events() {
    let m = read("apple.ics");
    assert_eq!(m.len(), 3);
    assert_eq!(m[0].start, utc("2026-11-15T09:00:00Z"));
    assert_eq!(cast(&m[0]).0, "Sam Okafor");
    assert_eq!(m[1].start, utc("2026-12-04T16:30:00Z"));
    assert_eq!(m[1].title, "Lunch chat with Zoë Ångström");
    assert_eq!(cast(&m[1]), ("Zoë Ångström".into(), vec![]));
    assert!(m[2].all_day);
    assert!(m[2].people(&me()).is_none(), "a holiday has nobody");
}

#[test]
fn utc_times_lower_case_names_and_an_address_alone() {
    let m = read("utc-several.ics");
    let starts: Vec<Timestamp> = m.iter().map(|m| m.start).collect();
    assert_eq!(
        starts,
        [
            "2026-11-23T09:00:00Z",
            "2026-11-25T13:30:00Z",
            "2026-12-01T08:00:00Z",
            "2026-12-15T17:00:00Z"
        ]
        .map(utc)
    );
    assert_eq!(m[0].title, "Kickoff prep: Acme, round 1");
    assert_eq!(m[1].title, "Northwind pricing call; bring numbers");
    assert_eq!(m[2].title, "Early sync with Tom");
    assert_eq!(cast(&m[2]).0, "Tom Reyes");
    assert_eq!(cast(&m[3]).0, "Lee Chen");
}

#[test]
fn hostile_files_are_read_or_refused_with_their_place() {
    let deep = read("hostile-deep.ics");
    assert_eq!(deep[0].title, "Survived the nesting");
    // Control characters are kept as written; printing makes them safe.
    let control = read("hostile-control.ics");
    assert!(control[0].title.contains('\u{1b}'));
    assert_eq!(control[0].attendees[1].name, "IT Support\\nAdmin");
    let err = |name: &str| {
        let path = format!(
            "{}/tests/fixtures/invites/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
        meetings(&Source::new(name, text), &now(Offset::UTC))
            .unwrap_err()
            .to_string()
    };
    assert!(err("broken-no-end.ics").contains(
        "broken-no-end.ics:12:1: error: `END:VCALENDAR` closes `BEGIN:VEVENT` of line 4"
    ));
    assert!(err("broken-bad-date.ics").contains(
        "broken-bad-date.ics:7:9: error: `2026-12-03 10:00` is not an iCalendar date or time"
    ));
    assert!(err("broken-unknown-tz.ics").contains("broken-unknown-tz.ics:7:"));
    assert!(err("broken-unknown-tz.ics").contains("unknown time zone `Mars/Olympus_Mons`"));
    assert!(
        err("broken-not-ics.ics").contains("broken-not-ics.ics:1:1: error: not a calendar file")
    );
}

#[test]
fn a_repeating_meeting_has_each_start_around_now() {
    let cal = |rule: &str, extra: &str| {
        format!(
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:r\r\nDTSTART;TZID=America/New_York:20261027T090000\r\n{rule}\r\n{extra}END:VEVENT\r\nEND:VCALENDAR\r\n"
        )
    };
    let starts = |text: String| {
        meetings(&Source::new("r.ics", text), &now(Offset::UTC)).unwrap()[0]
            .starts
            .clone()
    };
    // Tuesdays and Thursdays at 9:00 New York, across the end of summer
    // time (1 November): 13:00Z before, 14:00Z after; one left out.
    let weekly = starts(cal(
        "RRULE:FREQ=WEEKLY;BYDAY=TU,TH;COUNT=5",
        "EXDATE;TZID=America/New_York:20261103T090000\r\n",
    ));
    assert_eq!(
        weekly,
        [
            "2026-10-27T13:00:00Z",
            "2026-10-29T13:00:00Z",
            "2026-11-05T14:00:00Z",
            "2026-11-10T14:00:00Z"
        ]
        .map(utc),
        "five given by COUNT, the third left out"
    );
    // Every other month on its second Tuesday, until the new year.
    let monthly = starts(cal(
        "RRULE:FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU;UNTIL=20270101T000000Z",
        "",
    ));
    assert_eq!(
        monthly,
        ["2026-10-27T13:00:00Z", "2026-12-08T14:00:00Z"].map(utc)
    );
    // A daily stand-up since 2019 keeps only the starts around now.
    let text = cal("RRULE:FREQ=DAILY", "").replace("20261027", "20190107");
    let daily = starts(text);
    assert_eq!(
        daily[0],
        utc("2019-01-07T14:00:00Z"),
        "the first start stays"
    );
    assert_eq!(
        daily[1],
        utc("2025-11-21T14:00:00Z"),
        "then a year before now"
    );
    assert!(daily.len() <= super::repeat::MAX_STARTS);
}
