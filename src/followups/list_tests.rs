use std::fs;

use jiff::civil::date;

use super::*;

/// Sunday 22 November 2026, as `COACH_NOW` in the integration tests.
const TODAY: Date = date(2026, 11, 22);

fn item(id: &str, owner: &str, due: Option<&str>, done: Option<&str>) -> Item {
    Item {
        followup: FollowUp {
            id: id.into(),
            owner: owner.into(),
            what: format!("do {id}"),
            due: due.map(str::to_owned),
        },
        due: due.map(|d| d.parse().unwrap()),
        with: "Jane Smith".into(),
        account: "Acme".into(),
        session: id.split('#').next().unwrap().into(),
        session_date: Some(date(2026, 11, 1)),
        done: done.map(|d| d.parse().unwrap()),
    }
}

fn ids(items: &[Item]) -> Vec<&str> {
    items.iter().map(Item::id).collect()
}

#[test]
fn overdue_first_then_by_due_date_undated_last_done_at_the_end() {
    let mut items = vec![
        item("a#1", "me", None, None),
        item("a#2", "me", Some("2026-11-30"), None),
        item("a#3", "them", Some("2026-11-10"), None),
        item("a#4", "me", Some("2026-11-01"), Some("2026-11-01")),
        item("a#5", "me", Some("2026-11-21"), None),
        item("a#6", "me", Some("2026-11-22"), None),
    ];
    let mut b = item("b#1", "me", Some("2026-11-21"), None);
    b.session_date = Some(date(2026, 11, 2));
    items.insert(0, b);
    sort(&mut items);
    assert_eq!(
        ids(&items),
        ["a#3", "a#5", "b#1", "a#6", "a#2", "a#1", "a#4"]
    );
    let overdue: Vec<bool> = items.iter().map(|i| i.is_overdue(TODAY)).collect();
    assert_eq!(overdue, [true, true, true, false, false, false, false]);
    assert_eq!(items[0].days_left(TODAY), Some(-12));
    assert_eq!(items[3].days_left(TODAY), Some(0));
    assert_eq!(items[5].days_left(TODAY), None);
}

#[test]
fn reliability_counts_my_promises_that_came_due() {
    let items = vec![
        // Kept: done on the day, done early, done with no due day.
        item("a#1", "me", Some("2026-11-20"), Some("2026-11-20")),
        item("a#2", "Me", Some("2026-11-30"), Some("2026-11-18")),
        item("a#3", "me", None, Some("2026-11-19")),
        // Not kept: done late, and open past its day.
        item("a#4", "me", Some("2026-11-10"), Some("2026-11-12")),
        item("a#5", "me", Some("2026-11-21"), None),
        // Not counted: not due yet, undated and open, someone else's.
        item("a#6", "me", Some("2026-11-22"), None),
        item("a#7", "me", None, None),
        item("a#8", "them", Some("2026-11-01"), None),
        item("a#9", "Priya", Some("2026-11-01"), Some("2026-11-05")),
    ];
    let r = reliability_of(&items, TODAY, None).unwrap();
    assert_eq!(r, Reliability::new(3, 5));
    assert_eq!(r.to_string(), "You kept 3 of 5 promises on time (60%)");
    assert_eq!(
        reliability_of(&items, TODAY, Some("  jane SMITH ")),
        Some(r)
    );
    assert_eq!(reliability_of(&items, TODAY, Some("Raj")), None);
    assert_eq!(reliability_of(&items[5..], TODAY, None), None);
}

#[test]
fn percentages_round_to_whole_numbers() {
    let cases = [(2, 3, 67), (1, 3, 33), (1, 8, 13), (0, 4, 0), (7, 7, 100)];
    for (kept, promises, percent) in cases {
        assert_eq!(Reliability::new(kept, promises).percent, percent);
    }
    assert_eq!(
        Reliability::new(1, 1).to_string(),
        "You kept 1 of 1 promise on time (100%)"
    );
}

#[test]
fn items_are_found_by_id_or_unique_prefix() {
    let items = vec![
        item("2026-11-20-0900-jane-debrief#1", "me", None, None),
        item("2026-11-20-0900-jane-debrief#10", "me", None, None),
        item("2026-11-21-1000-raj-debrief#1", "me", None, None),
    ];
    let found = |w: &str| find(&items, w).map(|i| i.id().to_string());
    assert_eq!(
        found("2026-11-20-0900-jane-debrief#1").unwrap(),
        "2026-11-20-0900-jane-debrief#1"
    );
    assert_eq!(
        found("2026-11-21").unwrap(),
        "2026-11-21-1000-raj-debrief#1"
    );
    let ambiguous = found("2026-11-20").unwrap_err();
    assert_eq!(ambiguous.code(), crate::error::code::USAGE);
    assert!(ambiguous.to_string().contains("any of 2"), "{ambiguous}");
    let unknown = found("2026-11-21-1000-raj-debrief#2").unwrap_err();
    assert_eq!(unknown.code(), crate::error::code::NOT_FOUND);
    assert!(unknown.to_string().contains("did you mean"), "{unknown}");
    assert_eq!(found("").unwrap_err().code(), crate::error::code::NOT_FOUND);
}

const DEBRIEF: &str = "---
id: 2026-11-20-0900-jane-smith-debrief
kind: debrief
playbook: debrief
playbook_version: 1
title: Debrief with Jane Smith
with: Jane Smith
account: Acme Corp
date: 2026-11-20T09:00:00+01:00
tags: [coach, debrief]
answers: {}
skipped: []
nudges: []
followups:
- id: 2026-11-20-0900-jane-smith-debrief#1
  owner: me
  what: send the pilot plan
  due: 2026-11-21
- id: 2026-11-20-0900-jane-smith-debrief#2
  owner: them
  what: share the questionnaire
  due: next Friday
- id: 2026-11-20-0900-jane-smith-debrief#3
  owner: me
  what: book a call
  due: when pigs fly
coach_version: 0.1.0
---
# Debrief
";

#[test]
fn gathers_debriefs_and_skips_what_it_cannot_read() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store {
        home: tmp.path().to_path_buf(),
    };
    let notes = store.notes_dir();
    fs::create_dir_all(&notes).unwrap();
    fs::write(notes.join("2026-11-20-0900-jane-smith-debrief.md"), DEBRIEF).unwrap();
    // A prep with follow-ups does not count; nor do other files.
    let prep = DEBRIEF
        .replace("kind: debrief", "kind: prep")
        .replace("jane-smith-debrief", "jane-smith-prep");
    fs::write(notes.join("2026-11-19-0900-jane-smith-prep.md"), prep).unwrap();
    fs::write(notes.join("README.md"), "# my notes, with followups\n").unwrap();
    fs::write(notes.join("x.txt"), DEBRIEF.replace("Jane", "Txt")).unwrap();
    let broken = DEBRIEF.replace("kind: debrief\n", "kind: [debrief\n");
    fs::write(notes.join("2026-11-21-broken.md"), broken).unwrap();

    let found = gather(&store).unwrap();
    assert_eq!(found.items.len(), 3, "{:#?}", found.items);
    let first = &found.items[0];
    assert_eq!(first.id(), "2026-11-20-0900-jane-smith-debrief#1");
    assert_eq!(first.with, "Jane Smith");
    assert_eq!(first.session, "2026-11-20-0900-jane-smith-debrief");
    assert_eq!(first.session_date, Some(date(2026, 11, 20)));
    // A hand-written phrase is read relative to the session's day.
    assert_eq!(found.items[1].due, Some(date(2026, 11, 27)));
    assert_eq!(found.items[2].due, None);

    assert_eq!(found.warnings.len(), 2, "{:#?}", found.warnings);
    let broken = notes.join("2026-11-21-broken.md").display().to_string();
    assert!(
        found.warnings[1].starts_with(&format!(
            "{broken}:3:7: warning: skipped: invalid front matter"
        )),
        "{}",
        found.warnings[1]
    );
    assert!(!found.warnings[1].contains('\n'));
    assert!(found.warnings[0].contains("#3 has a due date coach cannot read (`when pigs fly`)"));
}

#[test]
fn done_marks_come_from_the_log() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store {
        home: tmp.path().to_path_buf(),
    };
    fs::create_dir_all(store.notes_dir()).unwrap();
    fs::write(store.notes_dir().join("d.md"), DEBRIEF).unwrap();
    let now = date(2026, 11, 22)
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .unwrap();
    log::append(&store, "2026-11-20-0900-jane-smith-debrief#1", TODAY, &now).unwrap();
    let found = gather(&store).unwrap();
    let done: Vec<Option<Date>> = found.items.iter().map(|i| i.done).collect();
    // The done one sorts last.
    assert_eq!(done, [None, None, Some(TODAY)]);
    assert_eq!(
        done_ids(&store),
        HashSet::from(["2026-11-20-0900-jane-smith-debrief#1".to_string()])
    );
    // Done a day late.
    assert_eq!(
        reliability_of(&found.items, TODAY, Some("Jane Smith")),
        Some(Reliability::new(0, 1))
    );
}

#[test]
fn no_notes_directory_means_no_follow_ups() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store {
        home: tmp.path().join("nothing"),
    };
    let found = gather(&store).unwrap();
    assert!(found.items.is_empty() && found.warnings.is_empty());
    assert_eq!(reliability_of(&found.items, TODAY, None), None);
}
