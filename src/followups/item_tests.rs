//! The item table: next steps as people type them, and what coach reads.

use jiff::civil::{Date, date};

use super::*;

/// Wednesday 18 November 2026.
const WED: Date = date(2026, 11, 18);

/// Text | owner | what | due | the due phrase that could not be read.
const TABLE: &str = "
me: send the pilot plan by Friday                      | me         | send the pilot plan                    | 2026-11-20 |
them: share the security questionnaire by 2026-12-01   | them       | share the security questionnaire       | 2026-12-01 |
Priya: intro to IT next week                           | Priya      | intro to IT                            | 2026-11-27 |
send pricing                                           | me         | send pricing                           |            |
We will send the revised proposal by end of month.     | me         | send the revised proposal              | 2026-11-30 |
I'll book the follow-up call by Tuesday                | me         | book the follow-up call                | 2026-11-24 |
I’ll call Raj tomorrow                                 | me         | call Raj                               | 2026-11-19 |
I am going to draft the SOW                            | me         | draft the SOW                          |            |
I'm going to draft the SOW on Monday                   | me         | draft the SOW                          | 2026-11-23 |
They will check with legal in two weeks                | them       | check with legal                       | 2026-12-02 |
they'll confirm the budget                             | them       | confirm the budget                     |            |
She promised to send the org chart within a week       | them       | send the org chart                     | 2026-11-25 |
Jane to send the deck by Tuesday                       | Jane       | send the deck                          | 2026-11-24 |
Jane Smith will loop in procurement on Dec 1           | Jane Smith | loop in procurement                    | 2026-12-01 |
IT to provide a test account in 3 business days        | IT         | provide a test account                 | 2026-11-23 |
- Send to legal by Friday                              | me         | Send to legal                          | 2026-11-20 |
1. me: draft the SOW (by Monday)                       | me         | draft the SOW                          | 2026-11-23 |
* [ ] Them: intro to the CFO, before Friday            | them       | intro to the CFO                       | 2026-11-19 |
Follow up with Jane in 3 days                          | me         | Follow up with Jane                    | 2026-11-21 |
send the contract EOD                                  | me         | send the contract                      | 2026-11-18 |
Next steps: schedule demo                              | me         | Next steps: schedule demo              |            |
send pricing by the board meeting                      | me         | send pricing by the board meeting      |            | by the board meeting
me: send the contract by 12/1                          | me         | send the contract by 12/1              |            | by 12/1
share the roadmap before the offsite                   | me         | share the roadmap before the offsite   |            | before the offsite
send the deck by email                                 | me         | send the deck by email                 |            |
get it signed by Jane                                  | me         | get it signed by Jane                  |            |
book the room for Tuesday                              | me         | book the room for Tuesday              |            |
review the plan for next week                          | me         | review the plan for next week          |            |
write up notes from the meeting that sat               | me         | write up notes from the meeting that sat |          |
";

#[test]
fn items_as_people_type_them() {
    let mut wrong = Vec::new();
    for row in TABLE.lines().filter(|l| !l.trim().is_empty()) {
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        let [text, owner, what, due, unread] = cells[..] else {
            panic!("a table row needs five cells: {row}");
        };
        let some = |s: &str| (!s.is_empty()).then(|| s.to_string());
        let want = Parsed {
            followup: FollowUp {
                id: "s#3".into(),
                owner: owner.into(),
                what: what.into(),
                due: some(due).map(|d| d.parse().expect("an ISO date in the table")),
                done: None,
            },
            due_text: some(unread),
        };
        let got = parse_item(text, 3, "s", WED);
        if got != want {
            wrong.push(format!("  {text:?}\n    got  {got:?}\n    want {want:?}"));
        }
    }
    assert!(
        wrong.is_empty(),
        "items read wrongly:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn ids_number_items_within_their_session() {
    let p = parse_item("me: x", 1, "2026-11-22-1530-jane-debrief", WED);
    assert_eq!(p.followup.id, "2026-11-22-1530-jane-debrief#1");
}

proptest::proptest! {
    #[test]
    fn any_text_parses_without_panicking(text in "\\PC{0,80}") {
        let p = parse_item(&text, 1, "s", WED);
        proptest::prop_assert!(!p.followup.owner.is_empty());
    }
}

#[test]
fn next_steps_come_from_a_list_or_the_lines_of_a_text() {
    use crate::playbook::Answer;
    let list = Answer::List(vec![
        "me: send the plan by Friday".into(),
        "Jane to call Raj".into(),
    ]);
    let parsed = next_steps(Some(&list), "s", WED);
    let owners: Vec<&str> = parsed.iter().map(|p| p.followup.owner.as_str()).collect();
    assert_eq!(owners, ["me", "Jane"]);
    assert_eq!(parsed[1].followup.id, "s#2");
    let text = Answer::Text("send the deck\n\nbook a demo\n".into());
    assert_eq!(next_steps(Some(&text), "s", WED).len(), 2);
    assert!(next_steps(None, "s", WED).is_empty());
}
