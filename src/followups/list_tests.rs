use jiff::civil::date;

use super::*;
use crate::session::read::front_matter;

/// Sunday 22 November 2026, as `COACH_NOW` in the integration tests.
const TODAY: Date = date(2026, 11, 22);

fn item(id: &str, owner: &str, due: Option<&str>, done: Option<&str>) -> Item {
    Item {
        followup: FollowUp {
            id: id.into(),
            owner: owner.into(),
            what: format!("do {id}"),
            due: due.map(|d| d.parse().unwrap()),
            done: None,
        },
        with: "Jane Smith".into(),
        account: "Acme".into(),
        session: id.split('#').next().unwrap().into(),
        session_date: date(2026, 11, 1),
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
    b.session_date = date(2026, 11, 2);
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
    let r = reliability_of(&items, TODAY).unwrap();
    assert_eq!(r, Reliability::new(3, 5));
    assert_eq!(r.to_string(), "You kept 3 of 5 promises on time (60%)");
    assert_eq!(reliability_of(&items[5..], TODAY), None);
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
  due: 2026-11-27
- id: 2026-11-20-0900-jane-smith-debrief#3
  owner: me
  what: book a call
coach_version: 0.1.0
---
# Debrief
";

fn debrief(text: &str) -> Session {
    front_matter(&crate::diag::Source::new("d.md", text)).unwrap()
}

#[test]
fn follow_ups_come_with_their_session_and_done_marks() {
    let mut marks = Marks::default();
    marks
        .done
        .insert("2026-11-20-0900-jane-smith-debrief#1".into(), TODAY);
    marks.warnings.push("log:3: warning: skipped".into());
    let later = DEBRIEF.replace("2026-11-20", "2026-11-21");
    let found = collect(
        vec![debrief(DEBRIEF), debrief(&later)],
        marks,
        vec!["x.md:3:7: warning: skipped".into()],
    );
    assert_eq!(found.items.len(), 6);
    let first = &found.items[0];
    assert_eq!(first.id(), "2026-11-21-0900-jane-smith-debrief#1");
    assert_eq!(first.with, "Jane Smith");
    assert_eq!(first.session, "2026-11-21-0900-jane-smith-debrief");
    assert_eq!(first.session_date, date(2026, 11, 21));
    let done: Vec<Option<Date>> = found.items.iter().map(|i| i.done).collect();
    // The done one sorts last, the undated ones before it.
    assert_eq!(done, [None, None, None, None, None, Some(TODAY)]);
    assert_eq!(found.items[3].due(), None);
    assert_eq!(
        found.warnings,
        ["x.md:3:7: warning: skipped", "log:3: warning: skipped"]
    );
    // Done a day late.
    assert_eq!(
        reliability_of(
            found
                .items
                .iter()
                .filter(|i| i.session.starts_with("2026-11-20")),
            TODAY
        ),
        Some(Reliability::new(0, 1))
    );
}
