//! Notes as a Markdown vault reads them — related sessions linked with
//! `[[id]]`, follow-ups as tasks that `show` and `export` tick once the
//! done log says so — and the CSV files HubSpot and Salesforce import,
//! read back with the csv crate.

use crate::env::{TestEnv, fixture};

const LATER: &str = "2026-11-24T16:30:00+01:00";

/// A discovery prep, its debrief, and the next prep with Jane.
fn thread(env: &TestEnv) -> (String, String, String) {
    let prep = env.prep("Jane Smith", None);
    let debrief = env
        .coach()
        .env("COACH_NOW", LATER)
        .args(["debrief", "--prep", &prep, "--format", "json", "--answers"])
        .arg(fixture("answers/debrief.yaml"))
        .run()
        .success()
        .stdout_json()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let next = env
        .coach()
        .env("COACH_NOW", "2026-11-28T09:00:00+01:00")
        .args(["prep", "--format", "json", "--answers"])
        .arg(fixture("answers/discovery.yaml"))
        .run()
        .success()
        .stdout_json()["id"]
        .as_str()
        .unwrap()
        .to_string();
    (prep, debrief, next)
}

fn notes_of(env: &TestEnv, id: &str) -> String {
    std::fs::read_to_string(env.notes_dir().join(format!("{id}.md"))).unwrap()
}

#[test]
fn sessions_link_each_other_and_done_follow_ups_are_ticked() {
    let env = TestEnv::new();
    let (prep, debrief, next) = thread(&env);
    assert!(notes_of(&env, &debrief).contains(&format!("Held against the prep [[{prep}]].")));
    assert!(notes_of(&env, &next).contains(&format!("Last time: [[{debrief}]]")));
    let body = notes_of(&env, &debrief);
    assert!(body.contains("- [ ] me: send the pilot plan"), "{body}");
    // Mark the first done: the file stays as written, show and export tick it.
    env.coach()
        .env("COACH_NOW", "2026-11-25T10:00:00+01:00")
        .args(["followups", "--done", &format!("{debrief}#1")])
        .run()
        .success();
    assert_eq!(
        notes_of(&env, &debrief),
        body,
        "a session is never rewritten"
    );
    let shown = env.coach().args(["show", &debrief]).run().success();
    assert!(
        shown.stdout().contains("- [x] me: send the pilot plan")
            && shown.stdout().contains("(done 2026-11-25)"),
        "{}",
        shown.stdout()
    );
    assert!(
        shown
            .stdout()
            .contains("- [ ] them: share the security questionnaire"),
        "{}",
        shown.stdout()
    );
    let md = env
        .coach()
        .args(["export", "--format", "markdown"])
        .run()
        .success();
    assert!(
        md.stdout()
            .contains("- [x] me: send the pilot plan (due 2026-11-27) (done 2026-11-25)"),
        "{}",
        md.stdout()
    );
    assert!(
        md.stdout().contains(&format!("- prep: [[{prep}]]")),
        "{}",
        md.stdout()
    );
    // Redacted, the tick survives the renamed ids.
    let red = env
        .coach()
        .args(["export", "--format", "markdown", "--redact"])
        .run()
        .success();
    assert!(
        red.stdout()
            .contains("- [x] me: (redacted) (due 2026-11-27) (done 2026-11-25)"),
        "{}",
        red.stdout()
    );
}

#[test]
fn crm_files_have_the_columns_each_crm_imports() {
    let env = TestEnv::new();
    thread(&env);
    // A counterpart whose name a spreadsheet would run.
    env.prep("=HYPERLINK(\"http://x.example\")", None);
    for (format, header) in [
        (
            "hubspot",
            vec![
                "Meeting name",
                "Start time",
                "End time",
                "Meeting notes",
                "Outcome",
                "Contact name",
                "Company name",
            ],
        ),
        (
            "salesforce",
            vec![
                "Subject",
                "StartDateTime",
                "EndDateTime",
                "Description",
                "Who",
                "What",
            ],
        ),
    ] {
        let out = env
            .coach()
            .args(["export", "--format", format])
            .run()
            .success();
        assert!(
            out.stdout().contains("\r\n"),
            "RFC 4180 ends records with CRLF"
        );
        let mut reader = csv::Reader::from_reader(out.stdout().as_bytes());
        assert_eq!(reader.headers().unwrap().iter().collect::<Vec<_>>(), header);
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 4, "one row a session");
        let debrief = rows
            .iter()
            .find(|r| r[0].starts_with("Discovery call debrief"))
            .unwrap();
        assert_eq!(&debrief[1], LATER);
        assert_eq!(&debrief[2], "2026-11-24T17:00:00+01:00");
        assert!(debrief[3].contains("Outcome: advance"), "{:?}", &debrief[3]);
        assert!(
            debrief[3].contains("Next step: me: send the pilot plan"),
            "{:?}",
            &debrief[3]
        );
        let (who, what) = if format == "hubspot" { (5, 6) } else { (4, 5) };
        assert_eq!((&debrief[who], &debrief[what]), ("Jane Smith", "Acme Corp"));
        if format == "hubspot" {
            assert_eq!(&debrief[4], "Completed");
        }
        let hostile = rows.iter().find(|r| r[who].contains("HYPERLINK")).unwrap();
        assert!(
            hostile[who].starts_with("'="),
            "neutralised: {:?}",
            &hostile[who]
        );
    }
}
