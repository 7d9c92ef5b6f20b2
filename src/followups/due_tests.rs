//! The due-date table: each phrase, said on a fixed day, and the day it means.

use jiff::civil::{Date, Weekday, date};

use super::parse_due;

const WED: Date = date(2026, 11, 18);
const FRI: Date = date(2026, 11, 20);
const SUN: Date = date(2026, 11, 22);
/// A month end that is a Monday.
const NOV_30: Date = date(2026, 11, 30);
/// A 31st before a short month, on a Saturday.
const JAN_31: Date = date(2026, 1, 31);
const DEC_30: Date = date(2026, 12, 30);

fn check(from: Date, table: &[(&str, Option<&str>)]) {
    let mut wrong = Vec::new();
    for (phrase, want) in table {
        let got = parse_due(phrase, from).map(|d| d.to_string());
        if got.as_deref() != *want {
            wrong.push(format!(
                "  {phrase:?} from {from}: got {got:?}, want {want:?}"
            ));
        }
    }
    assert!(wrong.is_empty(), "wrong due dates:\n{}", wrong.join("\n"));
}

#[test]
fn the_fixed_days_are_what_the_table_assumes() {
    assert_eq!(WED.weekday(), Weekday::Wednesday);
    assert_eq!(FRI.weekday(), Weekday::Friday);
    assert_eq!(SUN.weekday(), Weekday::Sunday);
    assert_eq!(NOV_30.weekday(), Weekday::Monday);
    assert_eq!(JAN_31.weekday(), Weekday::Saturday);
}

#[test]
fn said_on_a_wednesday() {
    check(
        WED,
        &[
            ("2026-12-01", Some("2026-12-01")),
            ("by 2026-12-01", Some("2026-12-01")),
            ("2027/01/15", Some("2027-01-15")),
            ("today", Some("2026-11-18")),
            ("tonight", Some("2026-11-18")),
            ("EOD", Some("2026-11-18")),
            ("by end of day", Some("2026-11-18")),
            ("tomorrow", Some("2026-11-19")),
            ("the day after tomorrow", Some("2026-11-20")),
            // A bare weekday: the next one after today.
            ("Friday", Some("2026-11-20")),
            ("by Friday", Some("2026-11-20")),
            ("on Friday.", Some("2026-11-20")),
            ("fri", Some("2026-11-20")),
            ("Monday", Some("2026-11-23")),
            ("Wednesday", Some("2026-11-25")),
            ("this Friday", Some("2026-11-20")),
            ("this Wednesday", Some("2026-11-18")),
            // "next": the day in next week.
            ("next Friday", Some("2026-11-27")),
            ("by next Tuesday", Some("2026-11-24")),
            ("Friday next week", Some("2026-11-27")),
            ("this week", Some("2026-11-20")),
            ("end of week", Some("2026-11-20")),
            ("by the end of the week", Some("2026-11-20")),
            ("later this week", Some("2026-11-20")),
            ("end-of-week", Some("2026-11-20")),
            ("next week", Some("2026-11-27")),
            ("by end of next week", Some("2026-11-27")),
            ("early next week", Some("2026-11-24")),
            ("the week after next", Some("2026-12-04")),
            ("the weekend", Some("2026-11-22")),
            ("end of the month", Some("2026-11-30")),
            ("by month end", Some("2026-11-30")),
            ("end of next month", Some("2026-12-31")),
            ("next month", Some("2026-12-31")),
            ("beginning of next month", Some("2026-12-01")),
            ("end of the year", Some("2026-12-31")),
            ("end of quarter", Some("2026-12-31")),
            ("next quarter", Some("2027-03-31")),
            ("end of December", Some("2026-12-31")),
            ("in 3 days", Some("2026-11-21")),
            ("in two weeks", Some("2026-12-02")),
            ("in 2 weeks' time", Some("2026-12-02")),
            ("within a week", Some("2026-11-25")),
            ("within the next week", Some("2026-11-25")),
            ("a week from today", Some("2026-11-25")),
            ("in a couple of days", Some("2026-11-20")),
            ("in a fortnight", Some("2026-12-02")),
            ("in a month", Some("2026-12-18")),
            ("in 2 business days", Some("2026-11-20")),
            ("in 3 working days", Some("2026-11-23")),
            ("Dec 1", Some("2026-12-01")),
            ("1 December", Some("2026-12-01")),
            ("December 1st", Some("2026-12-01")),
            ("by the 1st of December", Some("2026-12-01")),
            ("Dec. 1, 2027", Some("2027-12-01")),
            ("Nov 18", Some("2026-11-18")),
            // Already past this year: next year's.
            ("Nov 1", Some("2027-11-01")),
            ("Feb 29", Some("2028-02-29")),
            ("the 15th", Some("2026-12-15")),
            ("the 20th", Some("2026-11-20")),
            ("Friday, November 20", Some("2026-11-20")),
            ("before Friday", Some("2026-11-19")),
            ("before Dec 1", Some("2026-11-30")),
            ("before the end of the month", Some("2026-11-30")),
            ("Friday EOD", Some("2026-11-20")),
            ("tomorrow morning", Some("2026-11-19")),
            ("Monday at 10am", Some("2026-11-23")),
            ("by Friday 5:30pm", Some("2026-11-20")),
            ("no later than Friday", Some("2026-11-20")),
            ("BY FRIDAY", Some("2026-11-20")),
            // Cannot tell: the caller asks.
            ("12/1", None),
            ("1.12.", None),
            ("soon", None),
            ("asap", None),
            ("when the budget is approved", None),
            ("", None),
            ("next", None),
            ("december", None),
            ("Feb 30", None),
            ("2026-13-01", None),
            ("in a bit", None),
            ("before next week", None),
            ("Thursday, November 20", None),
            ("by email", None),
            ("the 32nd", None),
            ("15", None),
        ],
    );
}

#[test]
fn said_on_a_friday() {
    check(
        FRI,
        &[
            ("Friday", Some("2026-11-27")),
            ("by Friday", Some("2026-11-27")),
            ("this Friday", Some("2026-11-20")),
            ("next Friday", Some("2026-11-27")),
            ("Monday", Some("2026-11-23")),
            ("this week", Some("2026-11-20")),
            ("end of week", Some("2026-11-20")),
            ("next week", Some("2026-11-27")),
            ("in 1 business day", Some("2026-11-23")),
            ("weekend", Some("2026-11-22")),
        ],
    );
}

#[test]
fn said_on_a_sunday() {
    check(
        SUN,
        &[
            ("Friday", Some("2026-11-27")),
            ("next Friday", Some("2026-11-27")),
            ("this week", Some("2026-11-27")),
            ("next week", Some("2026-11-27")),
            ("Monday", Some("2026-11-23")),
            ("next Monday", Some("2026-11-23")),
            ("Sunday", Some("2026-11-29")),
            ("this weekend", Some("2026-11-22")),
            ("next weekend", Some("2026-11-29")),
        ],
    );
}

#[test]
fn said_at_a_month_end() {
    check(
        NOV_30,
        &[
            ("end of the month", Some("2026-11-30")),
            ("end of next month", Some("2026-12-31")),
            ("next month", Some("2026-12-31")),
            ("in a month", Some("2026-12-30")),
            ("the 30th", Some("2026-11-30")),
            ("the 1st", Some("2026-12-01")),
            ("Nov 30", Some("2026-11-30")),
            ("Nov 29", Some("2027-11-29")),
            ("end of November", Some("2026-11-30")),
            ("Friday", Some("2026-12-04")),
            ("next week", Some("2026-12-11")),
        ],
    );
    check(
        JAN_31,
        &[
            ("in a month", Some("2026-02-28")),
            ("end of next month", Some("2026-02-28")),
            ("the 31st", Some("2026-01-31")),
            ("tomorrow", Some("2026-02-01")),
            ("this week", Some("2026-02-06")),
            ("next week", Some("2026-02-06")),
        ],
    );
}

#[test]
fn said_at_a_year_end() {
    check(
        DEC_30,
        &[
            ("Jan 5", Some("2027-01-05")),
            ("Dec 1", Some("2027-12-01")),
            ("next month", Some("2027-01-31")),
            ("end of the year", Some("2026-12-31")),
            ("next week", Some("2027-01-08")),
            ("next quarter", Some("2027-03-31")),
        ],
    );
}

proptest::proptest! {
    /// Whatever is typed, the parser answers without panicking, and a date
    /// it gives is never before the day it was said.
    #[test]
    fn never_panics_nor_goes_back(phrase in "\\PC{0,40}", days in 0i64..40_000) {
        let from = date(1990, 1, 1).checked_add(jiff::Span::new().days(days)).unwrap();
        // An explicit year may well be in the past; anything else may not.
        let has_year = phrase.as_bytes().windows(4).any(|w| w.iter().all(u8::is_ascii_digit));
        if let Some(due) = parse_due(&phrase, from).filter(|_| !has_year) {
            proptest::prop_assert!(due >= from.yesterday().unwrap(), "{phrase:?} from {from} gave {due}");
        }
    }
}
