//! The CSV files two CRMs import (`export --format hubspot|salesforce`):
//! one row a session, as a meeting (HubSpot) or an event (Salesforce).
//! The columns are DESIGN's; every cell goes through the one CSV writer
//! (`export::record`: RFC 4180 quoting, CRLF, formulas neutralised). Times
//! are ISO 8601 with their offset: the call's (`call_at`) when the session
//! knows it, else the session's own. coach does not keep a meeting's end,
//! so the end is the start plus [`MINUTES`] minutes.

use std::io::{self, Write};

use crate::playbook::{Kind, Meaning};
use crate::session::Session;

use super::export::record;

/// The length given to a meeting whose end coach does not know.
pub const MINUTES: i64 = 30;

pub const HUBSPOT: [&str; 7] = [
    "Meeting name",
    "Start time",
    "End time",
    "Meeting notes",
    "Outcome",
    "Contact name",
    "Company name",
];

pub const SALESFORCE: [&str; 6] = [
    "Subject",
    "StartDateTime",
    "EndDateTime",
    "Description",
    "Who",
    "What",
];

pub fn hubspot(out: &mut impl Write, sessions: &[Session]) -> io::Result<()> {
    record(out, HUBSPOT.into_iter())?;
    for s in sessions {
        let (start, end) = times(s);
        // HubSpot's meeting outcomes: a prep is for a meeting to come.
        let outcome = match s.kind {
            Kind::Prep => "Scheduled",
            Kind::Debrief => "Completed",
        };
        let notes = notes(s);
        record(
            out,
            [
                s.title.as_str(),
                &start,
                &end,
                &notes,
                outcome,
                &s.with,
                &s.account,
            ]
            .into_iter(),
        )?;
    }
    Ok(())
}

pub fn salesforce(out: &mut impl Write, sessions: &[Session]) -> io::Result<()> {
    record(out, SALESFORCE.into_iter())?;
    for s in sessions {
        let (start, end) = times(s);
        let notes = notes(s);
        record(
            out,
            [s.title.as_str(), &start, &end, &notes, &s.with, &s.account].into_iter(),
        )?;
    }
    Ok(())
}

/// The start and end, ISO 8601 with the offset.
fn times(s: &Session) -> (String, String) {
    let start = s.call_at.unwrap_or(s.date);
    let end = start
        .zoned()
        .checked_add(jiff::SignedDuration::from_mins(MINUTES))
        .map_or_else(
            |_| start.to_string(),
            |z| crate::session::Moment::of(&z).to_string(),
        );
    (start.to_string(), end)
}

/// What a CRM user reads in the meeting's notes: the session's plan or
/// what happened, by meaning, then the follow-ups and where the notes are.
fn notes(s: &Session) -> String {
    let mut lines: Vec<String> = Vec::new();
    for (label, meaning) in [
        ("Objective", Meaning::Objective),
        ("Their business result", Meaning::BusinessResult),
        ("Their personal win", Meaning::PersonalWin),
        ("How they decide", Meaning::DecisionProcess),
        ("Best outcome", Meaning::BestAction),
        ("Least outcome", Meaning::MinimumAction),
        ("Outcome", Meaning::Outcome),
        ("Agreed", Meaning::Commitment),
        ("Learned", Meaning::Learned),
    ] {
        if let Some(a) = s.meant(meaning).filter(|a| !a.is_empty()) {
            let text = a.display();
            lines.push(format!(
                "{label}: {}",
                text.split_whitespace().collect::<Vec<_>>().join(" ")
            ));
        }
    }
    for f in &s.followups {
        let due = f.due.map_or(String::new(), |d| format!(" (due {d})"));
        lines.push(format!("Next step: {}: {}{due}", f.owner, f.what));
    }
    if !s.participants.is_empty() {
        lines.push(format!("Also there: {}", s.participants.join(", ")));
    }
    lines.push(format!("coach session {}", s.id));
    lines.join("\n")
}
