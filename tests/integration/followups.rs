//! `coach followups` over debrief notes written by hand, as a user's notes
//! directory holds them. "Today" is Sunday 2026-11-22 (`COACH_NOW`).

use std::path::PathBuf;

use crate::env::TestEnv;

/// Write a debrief's notes file with these `(owner, what, due)` follow-ups.
fn debrief(env: &TestEnv, id: &str, with: &str, items: &[(&str, &str, Option<&str>)]) -> PathBuf {
    let date = format!("{}T{}:{}:00+01:00", &id[..10], &id[11..13], &id[13..15]);
    let mut text = format!(
        "---\nid: {id}\nkind: debrief\nplaybook: debrief\nplaybook_version: 1\n\
         title: Debrief with {with}\nwith: {with}\naccount: Acme Corp\ndate: {date}\n\
         tags: [coach, debrief]\nanswers:\n  next_steps: [whatever was typed]\n\
         skipped: []\nnudges: []\nfollowups:\n"
    );
    for (n, (owner, what, due)) in items.iter().enumerate() {
        text.push_str(&format!(
            "- id: {id}#{}\n  owner: {owner}\n  what: {what}\n",
            n + 1
        ));
        if let Some(due) = due {
            text.push_str(&format!("  due: {due}\n"));
        }
    }
    text.push_str("coach_version: 0.1.0\n---\n# Debrief with someone\n\nNotes for people.\n");
    let path = env.notes_dir().join(format!("{id}.md"));
    std::fs::create_dir_all(env.notes_dir()).unwrap();
    std::fs::write(&path, text).unwrap();
    path
}

const JANE: &str = "2026-11-10-0900-jane-smith-debrief";
const RAJ: &str = "2026-11-18-1600-raj-patel-debrief";

/// Two debriefs: overdue, due today, later and undated items, mine and theirs.
fn two_debriefs(env: &TestEnv) {
    debrief(
        env,
        JANE,
        "Jane Smith",
        &[
            ("me", "send the pilot plan", Some("2026-11-13")),
            (
                "them",
                "share the security questionnaire",
                Some("2026-12-01"),
            ),
            ("me", "think about pricing tiers", None),
        ],
    );
    debrief(
        env,
        RAJ,
        "Raj Patel",
        &[
            ("me", "send pricing", Some("2026-11-20")),
            ("Priya", "intro to IT", Some("2026-11-22")),
        ],
    );
}

fn listed_ids(doc: &serde_json::Value) -> Vec<String> {
    doc["followups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn open_items_overdue_first_with_counterpart_and_session() {
    let env = TestEnv::new();
    two_debriefs(&env);
    let out = env.run(["followups"]).success();
    assert_eq!(out.stderr(), "", "nothing on stderr");
    insta::assert_snapshot!("list-table", out.stdout());

    let doc = env
        .run(["followups", "--format", "json"])
        .success()
        .stdout_json();
    assert_eq!(
        listed_ids(&doc),
        [
            format!("{JANE}#1"),
            format!("{RAJ}#1"),
            format!("{RAJ}#2"),
            format!("{JANE}#2"),
            format!("{JANE}#3"),
        ]
    );
}

#[test]
fn json_shape() {
    let env = TestEnv::new();
    two_debriefs(&env);
    let doc = env
        .run(["followups", "--format", "json"])
        .success()
        .stdout_json();
    assert_eq!(doc["today"], "2026-11-22");
    let first = &doc["followups"][0];
    assert_eq!(
        *first,
        serde_json::json!({
            "id": format!("{JANE}#1"),
            "number": 1,
            "owner": "me",
            "what": "send the pilot plan",
            "due": "2026-11-13",
            "status": "overdue",
            "done": null,
            "days_left": -9,
            "with": "Jane Smith",
            "account": "Acme Corp",
            "session": JANE,
            "session_date": "2026-11-10",
        })
    );
    let statuses: Vec<&str> = doc["followups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["overdue", "overdue", "open", "open", "open"]);
    assert_eq!(doc["followups"][4]["due"], serde_json::Value::Null);
    assert_eq!(
        doc["reliability"],
        serde_json::json!({"kept": 0, "promises": 2, "percent": 0})
    );
}

#[test]
fn marking_done_appends_to_the_log_and_never_rewrites_the_session() {
    let env = TestEnv::new();
    two_debriefs(&env);
    let notes = env.notes_dir().join(format!("{RAJ}.md"));
    let before = std::fs::read(&notes).unwrap();

    let out = env
        .run(["followups", "--done", &format!("{RAJ}#1")])
        .success();
    assert_eq!(
        out.stdout(),
        format!(
            "Marked done: {RAJ}#1\n  me: send pricing (Raj Patel, due 2026-11-20)\n\
             You kept 0 of 2 promises on time (0%)\n"
        )
    );
    assert_eq!(
        std::fs::read(&notes).unwrap(),
        before,
        "the session is untouched"
    );
    let log = env.home().join("followups.log");
    assert_eq!(
        std::fs::read_to_string(&log).unwrap(),
        format!(
            "{{\"id\":\"{RAJ}#1\",\"done\":\"2026-11-22\",\"at\":\"2026-11-22T14:03:00+01:00\"}}\n"
        )
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&log).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }

    // Marking it again changes nothing and says so.
    let out = env
        .run(["followups", "--done", &format!("{RAJ}#1")])
        .success();
    assert!(
        out.stdout().starts_with(&format!(
            "{RAJ}#1 was already marked done on 2026-11-22; nothing changed.\n"
        )),
        "{}",
        out.stdout()
    );
    assert_eq!(std::fs::read_to_string(&log).unwrap().lines().count(), 1);

    // Gone from the open list; back with --all, done and last.
    let open = env
        .run(["followups", "--format", "json"])
        .success()
        .stdout_json();
    assert!(!listed_ids(&open).contains(&format!("{RAJ}#1")));
    let all = env
        .run(["followups", "--all", "--format", "json"])
        .success()
        .stdout_json();
    let last = all["followups"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["id"], format!("{RAJ}#1"));
    assert_eq!(last["status"], "done");
    assert_eq!(last["done"], "2026-11-22");
    assert_eq!(last["days_left"], serde_json::Value::Null);
    env.run(["followups", "--all"])
        .success()
        .stdout_has("done 2026-11-22");
}

#[test]
fn items_are_named_by_id_or_a_unique_prefix() {
    let env = TestEnv::new();
    two_debriefs(&env);
    // Exact ids.
    env.run([
        "followups",
        "--done",
        "2026-11-10-0900-jane-smith-debrief#3",
    ])
    .success();
    env.run([
        "followups",
        "--done",
        "2026-11-18-1600-raj-patel-debrief#2",
        "--format",
        "json",
    ])
    .success()
    .stdout_has("\"already_done\": false");
    // Unknown: 66, with a did-you-mean.
    env.run(["followups", "--done", &format!("{RAJ}#9")])
        .code(66)
        .stderr_has("no follow-up")
        .stderr_has("did you mean");
    // Ambiguous: 2, naming the candidates.
    env.run(["followups", "--done", "2026-11-10"])
        .code(2)
        .stderr_has("could be any of 3 follow-ups");
    let log = std::fs::read_to_string(env.home().join("followups.log")).unwrap();
    assert_eq!(log.lines().count(), 2);
}

#[test]
fn a_unique_prefix_marks_that_item() {
    let env = TestEnv::new();
    two_debriefs(&env);
    debrief(
        &env,
        "2026-11-19-1000-solo-debrief",
        "Solo",
        &[("me", "one thing", None)],
    );
    let out = env.run(["followups", "--done", "2026-11-19"]).success();
    assert!(
        out.stdout()
            .starts_with("Marked done: 2026-11-19-1000-solo-debrief#1\n"),
        "{}",
        out.stdout()
    );
}

#[test]
fn reliability_counts_promises_kept_on_time() {
    let env = TestEnv::new();
    debrief(
        &env,
        JANE,
        "Jane Smith",
        &[
            ("me", "kept early", Some("2026-11-13")),
            ("me", "done late", Some("2026-11-13")),
            ("me", "still overdue", Some("2026-11-20")),
            ("me", "done today, due later", Some("2026-11-30")),
            ("me", "not due yet", Some("2026-11-30")),
            ("them", "their overdue promise", Some("2026-11-11")),
        ],
    );
    debrief(&env, RAJ, "Raj Patel", &[("me", "kept, no date", None)]);
    // Marks made on earlier days, as the log would hold them.
    env.write(
        "home/followups.log",
        &format!(
            "{{\"id\":\"{JANE}#1\",\"done\":\"2026-11-12\",\"at\":\"2026-11-12T10:00:00+01:00\"}}\n\
             {{\"id\":\"{JANE}#2\",\"done\":\"2026-11-15\",\"at\":\"2026-11-15T10:00:00+01:00\"}}\n\
             {{\"id\":\"{RAJ}#1\",\"done\":\"2026-11-19\",\"at\":\"2026-11-19T10:00:00+01:00\"}}\n"
        ),
    );
    env.run(["followups", "--done", &format!("{JANE}#4")])
        .success();
    // Kept: #1, #4, Raj's. Not kept: #2 (late), #3 (overdue).
    let out = env.run(["followups"]).success();
    assert!(
        out.stdout()
            .ends_with("You kept 3 of 5 promises on time (60%)\n"),
        "{}",
        out.stdout()
    );
    let doc = env
        .run(["followups", "--format", "json"])
        .success()
        .stdout_json();
    assert_eq!(
        doc["reliability"],
        serde_json::json!({"kept": 3, "promises": 5, "percent": 60})
    );

    // The figure the next prep with a counterpart shows (names match ignoring case).
    let store = coach::store::Store::at(env.home());
    let items = store.followups().unwrap().items;
    let today = jiff::civil::date(2026, 11, 22);
    let with = |name: &'static str| {
        items
            .iter()
            .filter(move |i| coach::people::same(&i.with, name))
    };
    let jane = coach::followups::reliability_of(with("jane smith"), today).unwrap();
    assert_eq!(jane.to_string(), "You kept 2 of 4 promises on time (50%)");
    assert_eq!(
        coach::followups::reliability_of(with("Nobody"), today),
        None
    );
}

#[test]
fn a_hand_broken_session_is_skipped_with_a_warning() {
    let env = TestEnv::new();
    two_debriefs(&env);
    let broken = debrief(
        &env,
        "2026-11-21-1000-broken-debrief",
        "Broken",
        &[("me", "lost", None)],
    );
    let text = std::fs::read_to_string(&broken).unwrap();
    std::fs::write(&broken, text.replace("  owner: me\n", "  owner: [me\n")).unwrap();
    // Not a session at all: ignored without a word.
    env.write("home/sessions/README.md", "# My notes\n");
    let out = env.run(["followups"]).success();
    let warnings = env.redact(out.stderr());
    assert_eq!(warnings.lines().count(), 1, "{warnings}");
    assert!(
        warnings.starts_with("[TMP]/home/sessions/2026-11-21-1000-broken-debrief.md:17:"),
        "{warnings}"
    );
    assert!(warnings.contains("warning: skipped"), "{warnings}");
    out.stdout_has("Raj Patel");
    // With JSON the warning still goes to stderr, and stdout stays one document.
    let out = env.run(["followups", "--format", "json"]).success();
    assert_eq!(out.stdout_json()["followups"].as_array().unwrap().len(), 5);
    out.stderr_has("warning: skipped");
}

#[test]
fn a_damaged_log_line_is_skipped_with_a_warning() {
    let env = TestEnv::new();
    two_debriefs(&env);
    env.write(
        "home/followups.log",
        &format!("not json\n{{\"id\":\"{RAJ}#1\",\"done\":\"2026-11-21\",\"at\":\"x\"}}\n"),
    );
    let out = env.run(["followups", "--format", "json"]).success();
    assert_eq!(
        env.redact(out.stderr())
            .lines()
            .next()
            .unwrap()
            .split(": warning")
            .next(),
        Some("[TMP]/home/followups.log:1")
    );
    assert!(!listed_ids(&out.stdout_json()).contains(&format!("{RAJ}#1")));
}

#[test]
fn nothing_to_follow_up() {
    let env = TestEnv::new();
    let out = env.run(["followups"]).success();
    assert_eq!(out.stdout(), "No open follow-ups.\n", "a sentence");
    let doc = env
        .run(["followups", "--format", "json"])
        .success()
        .stdout_json();
    assert_eq!(
        doc,
        serde_json::json!({"today": "2026-11-22", "followups": [], "reliability": null})
    );
    env.run(["followups", "--done", "anything"]).code(66);
    assert!(!env.home().join("followups.log").exists());
}

#[test]
fn a_follow_up_is_marked_done_by_its_number_as_listed() {
    let env = TestEnv::new();
    two_debriefs(&env);
    let out = env.run(["followups", "--done", "2"]).success();
    out.stdout_has(&format!("Marked done: {RAJ}#1"))
        .stdout_has("send pricing");
    // The numbers are of the open ones, so the list closes up.
    let doc = env
        .run(["followups", "--format", "json"])
        .success()
        .stdout_json();
    let second = &doc["followups"][1];
    assert_eq!(
        (second["number"].as_u64(), second["what"].as_str()),
        (Some(2), Some("intro to IT"))
    );
    env.run(["followups", "--done", "9"])
        .code(2)
        .stderr_has("there is no open follow-up 9: `coach followups` lists 4 (1 to 4)");
}
