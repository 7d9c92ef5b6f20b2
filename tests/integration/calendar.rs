//! Calendar invites: `coach prep --invite` takes the meeting (who, who
//! else, when, its title) from Google, Outlook/Teams and Apple files, and
//! `coach agenda` lists the days ahead with the prep made for each.

use crate::env::{TestEnv, fixture};

fn invite(name: &str) -> std::path::PathBuf {
    fixture(&format!("invites/{name}"))
}

/// A home where the user is Alex Kim, with a discovery answers file that
/// names nobody (the invite does).
fn alex() -> (TestEnv, std::path::PathBuf) {
    let env = TestEnv::new();
    env.write(
        "config/config.yaml",
        "me: Alex Kim\nemails: [alex.kim@example.com]\n",
    );
    let text = std::fs::read_to_string(fixture("answers/discovery.yaml"))
        .unwrap()
        .replace("with: Jane Smith\n", "")
        .replace("account: Acme Corp\n", "");
    let answers = env.write("answers.yaml", &text);
    (env, answers)
}

#[test]
fn a_google_invite_gives_the_counterpart_the_others_and_the_time() {
    let (env, answers) = alex();
    // An earlier session with Jane at Acme gives the account.
    env.prep("Jane Smith", None);
    let doc = env
        .coach()
        .args(["prep", "--format", "json", "--invite"])
        .arg(invite("google.ics"))
        .arg("--answers")
        .arg(&answers)
        .run()
        .success()
        .stdout_json();
    assert_eq!(doc["with"], "Jane Smith");
    assert_eq!(doc["account"], "Acme Corp");
    assert_eq!(doc["title"], "Acme onboarding — next steps");
    assert_eq!(doc["call_at"], "2026-12-03T16:00:00+01:00");
    assert_eq!(doc["participants"], serde_json::json!(["Mo Reyes"]));
    let notes = std::fs::read_to_string(doc["notes_path"].as_str().unwrap()).unwrap();
    assert!(
        notes.contains("\ncall_at: \"2026-12-03T16:00:00+01:00\"\nparticipants:\n- Mo Reyes\n"),
        "{notes}"
    );
    assert!(notes.contains("**The call:** 2026-12-03 16:00"), "{notes}");
}

#[test]
fn outlook_apple_and_several_events() {
    let (env, answers) = alex();
    let prep = |file: &str, event: Option<&str>| {
        let mut c = env
            .coach()
            .args(["prep", "--format", "json", "--invite"])
            .arg(invite(file));
        if let Some(uid) = event {
            c = c.args(["--event", uid]);
        }
        c.arg("--answers").arg(&answers).run()
    };
    // Outlook: a Windows time zone from the file's VTIMEZONE, "Kim, Alex"
    // in capitals is the user, the room is no one.
    let doc = prep("outlook.ics", None).success().stdout_json();
    assert_eq!(doc["with"], "Tom Reyes");
    assert_eq!(doc["call_at"], "2026-12-08T14:00:00+01:00");
    assert_eq!(doc["participants"], serde_json::json!(["Priya Raman"]));
    // Apple: the next event that has not started, not the past one or the holiday.
    let doc = prep("apple.ics", None).success().stdout_json();
    assert_eq!(doc["with"], "Zoë Ångström");
    assert_eq!(doc["call_at"], "2026-12-04T17:30:00+01:00");
    // Several events: the next, or the one named.
    let doc = prep("utc-several.ics", None).success().stdout_json();
    assert_eq!(doc["title"], "Kickoff prep: Acme, round 1");
    let doc = prep("utc-several.ics", Some("uid-4@test"))
        .success()
        .stdout_json();
    assert_eq!(doc["with"], "Lee Chen");
    prep("utc-several.ics", Some("uid-5@test"))
        .code(66)
        .stderr_has("no event `uid-5@test`; did you mean `uid-1@test`?");
}

#[test]
fn a_broken_or_hostile_invite_is_a_located_error() {
    let (env, answers) = alex();
    for (file, says) in [
        (
            "broken-no-end.ics",
            "broken-no-end.ics:12:1: error: `END:VCALENDAR` closes `BEGIN:VEVENT` of line 4",
        ),
        (
            "broken-bad-date.ics",
            "broken-bad-date.ics:7:9: error: `2026-12-03 10:00` is not an iCalendar date or time",
        ),
        (
            "broken-unknown-tz.ics",
            "error: unknown time zone `Mars/Olympus_Mons`",
        ),
        (
            "broken-not-ics.ics",
            "broken-not-ics.ics:1:1: error: not a calendar file",
        ),
        (
            "broken-invalid-utf8.ics",
            "broken-invalid-utf8.ics:10:21: error: the file is not valid UTF-8",
        ),
    ] {
        env.coach()
            .args(["prep", "--invite"])
            .arg(invite(file))
            .arg("--answers")
            .arg(&answers)
            .run()
            .code(65)
            .stderr_has(says);
    }
    // Escape codes in a title or a name never reach the terminal raw.
    let out = env
        .coach()
        .args(["agenda", "--days", "30"])
        .arg(invite("hostile-control.ics"))
        .run()
        .success();
    assert!(
        !out.stdout().contains('\u{1b}') && !out.stdout().contains('\u{202e}'),
        "{}",
        out.stdout()
    );
    env.coach()
        .args(["prep", "--invite", "/nowhere/x.ics", "--answers"])
        .arg(&answers)
        .run()
        .code(66)
        .stderr_has("no calendar file at /nowhere/x.ics");
    assert!(env.notes().is_empty());
}

#[test]
fn the_agenda_says_which_meetings_are_prepped() {
    let (env, answers) = alex();
    env.coach()
        .args(["prep", "--format", "none", "--invite"])
        .arg(invite("utc-several.ics"))
        .args(["--event", "uid-3@test", "--answers"])
        .arg(&answers)
        .run()
        .success();
    // Priya is prepped without the invite, after it was made.
    let text = std::fs::read_to_string(&answers).unwrap();
    let priya = env.write(
        "priya.yaml",
        &format!("with: Priya Raman\naccount: Northwind\n{text}"),
    );
    env.coach()
        .args(["prep", "--format", "none", "--answers"])
        .arg(priya)
        .run()
        .success();
    let doc = env
        .coach()
        .args(["agenda", "--days", "14", "--format", "json"])
        .arg(invite("utc-several.ics"))
        .run()
        .success()
        .stdout_json();
    let rows = doc.as_array().unwrap();
    let row = |uid: &str| {
        rows.iter()
            .find(|r| r["uid"] == uid)
            .unwrap_or_else(|| panic!("{uid} in {doc:#}"))
    };
    assert_eq!(
        rows.len(),
        3,
        "the 15 December call is beyond 14 days: {doc:#}"
    );
    assert_eq!(row("uid-1@test")["prep"], serde_json::Value::Null);
    assert_eq!(
        row("uid-2@test")["prep"],
        "2026-11-22-1403-priya-raman-prep"
    );
    assert_eq!(row("uid-2@test")["account"], "Northwind");
    assert_eq!(row("uid-3@test")["prep"], "2026-11-22-1403-tom-reyes-prep");
    assert_eq!(row("uid-3@test")["start"], "2026-12-01T09:00:00+01:00");
    // Inside the test's directory, so the hint's path is the same anywhere.
    let here = env.dir.path().join("calendar.ics");
    std::fs::copy(invite("utc-several.ics"), &here).unwrap();
    let out = env
        .coach()
        .args(["agenda", "--days", "30"])
        .arg(&here)
        .run()
        .success();
    env.settings()
        .bind(|| insta::assert_snapshot!("agenda", env.redact(out.stdout())));
}

#[test]
fn a_bad_email_in_the_config_is_placed() {
    let env = TestEnv::new();
    env.write(
        "config/config.yaml",
        "emails: [alex.kim@example.com, not an address]\n",
    );
    env.coach()
        .args(["config"])
        .run()
        .code(65)
        .stderr_has("config.yaml:1:32: error: `not an address` is not an email address");
}
