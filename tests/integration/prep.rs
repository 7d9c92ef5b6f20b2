//! `coach prep` through its real interface, without a terminal.

use crate::env::{TestEnv, fixture};

const PLAYBOOKS: [&str; 9] = [
    "discovery",
    "group-decision",
    "follow-up",
    "negotiation",
    "renewal",
    "proposal",
    "internal",
    "personal",
    "repair",
];

/// Every shipped playbook, answered from a file: the JSON document on stdout
/// and the notes file, snapshotted.
#[test]
fn every_shipped_playbook_by_answers_file() {
    for id in PLAYBOOKS {
        let env = TestEnv::new();
        let answers = fixture(&format!("answers/{id}.yaml"));
        let out = env
            .coach()
            .args(["prep", "--playbook", id, "--format", "json", "--answers"])
            .arg(&answers)
            .run()
            .success();
        let stdout = out.stdout();
        let json = out.stdout_json();
        let notes = env.only_notes();
        assert_eq!(json["notes_path"], notes.display().to_string());
        assert_eq!(json["playbook"], id);
        let text = std::fs::read_to_string(&notes).unwrap();
        env.settings().bind(|| {
            insta::assert_snapshot!(format!("{id}-json"), stdout);
            insta::assert_snapshot!(format!("{id}-notes"), text);
        });
    }
}

#[test]
fn table_output_ends_with_the_notes_path() {
    let env = TestEnv::new();
    let out = env
        .coach()
        .args(["prep", "--answers"])
        .arg(fixture("answers/discovery.yaml"))
        .run()
        .success();
    let stdout = env.redact(out.stdout());
    let last = stdout.lines().last().unwrap();
    assert_eq!(
        last,
        "[TMP]/home/sessions/2026-11-22-1403-jane-smith-prep.md"
    );
    insta::assert_snapshot!("discovery-table", stdout);
}

#[test]
fn format_none_prints_only_the_path() {
    let env = TestEnv::new();
    let out = env
        .coach()
        .args(["prep", "--format", "none", "--answers"])
        .arg(fixture("answers/discovery.yaml"))
        .run()
        .success();
    assert_eq!(
        out.stdout(),
        format!(
            "{}\n",
            env.notes_dir()
                .join("2026-11-22-1403-jane-smith-prep.md")
                .display()
        ),
        "only the notes path"
    );
}

#[test]
fn no_terminal_and_no_flags_is_a_usage_error() {
    let env = TestEnv::new();
    let out = env
        .run(["prep", "--with", "Jane"])
        .code(2)
        .stderr_has("--answers FILE")
        .stderr_has("--no-input");
    assert_eq!(out.stdout(), "", "nothing on stdout");
    assert!(env.notes().is_empty());
}

#[test]
fn no_input_lists_the_required_questions_left() {
    let env = TestEnv::new();
    let out = env
        .run([
            "prep",
            "--no-input",
            "--with",
            "Jane Smith",
            "--account",
            "Acme",
        ])
        .code(65);
    insta::assert_snapshot!("no-input-missing", out.stderr());
    assert!(env.notes().is_empty());
}

#[test]
fn no_input_takes_defaults_when_nothing_is_required() {
    let env = TestEnv::new();
    let playbook = env.write(
        "quick.yaml",
        "title: Quick check\nkind: prep\nsections:\n  - id: s\n    title: S\n    questions:\n      - id: mood\n        ask: How do you feel?\n        type: scale\n        default: 3\n      - id: ready\n        ask: Ready?\n        type: yesno\n        default: true\n      - id: note\n        ask: Anything else?\n        nudge: Nothing else for {{ with }}.\n",
    );
    let out = env
        .coach()
        .args([
            "prep",
            "--no-input",
            "--with",
            "Sam",
            "--format",
            "json",
            "--playbook",
        ])
        .arg(&playbook)
        .run()
        .success();
    let json = out.stdout_json();
    assert_eq!(
        json["answers"],
        serde_json::json!({"mood": 3, "ready": true})
    );
    assert_eq!(json["skipped"], serde_json::json!(["note"]));
    assert_eq!(json["nudges"], serde_json::json!(["Nothing else for Sam."]));
    assert_eq!(json["playbook"], "quick");
    assert_eq!(json["account"], "");
}

#[test]
fn who_is_required_without_a_terminal() {
    let env = TestEnv::new();
    let answers = env.write("a.yaml", "answers:\n  objective: x\n");
    env.coach()
        .args(["prep", "--answers"])
        .arg(&answers)
        .run()
        .code(2)
        .stderr_has("--with NAME");
}

#[test]
fn flags_win_over_the_answers_file() {
    let env = TestEnv::new();
    let out = env
        .coach()
        .args([
            "prep",
            "--with",
            "Jane Doe",
            "--format",
            "json",
            "--answers",
        ])
        .arg(fixture("answers/discovery.yaml"))
        .run()
        .success();
    let json = out.stdout_json();
    assert_eq!(json["with"], "Jane Doe");
    assert_eq!(json["account"], "Acme Corp");
    assert_eq!(json["id"], "2026-11-22-1403-jane-doe-prep");
}

#[test]
fn a_bad_answers_file_reports_every_problem_with_its_place() {
    let env = TestEnv::new();
    let answers = env.write(
        "answers.yaml",
        "with: Jane\nanswers:\n  objectve: Learn\n  neediness: 7\n  influences: [economic, buyer]\n  best_action: [a, b]\n",
    );
    let out = env
        .coach()
        .args(["prep", "--answers"])
        .arg(&answers)
        .run()
        .code(65);
    let stderr = env.redact(out.stderr());
    insta::assert_snapshot!("bad-answers", stderr);
    assert!(env.notes().is_empty());
}

/// A `people` answer is checked person by person, each problem placed at
/// the field that has it: an unknown mode, a rating out of range, a person
/// with no name, the same person twice.
#[test]
fn people_in_an_answers_file_are_checked_where_they_are_written() {
    let env = TestEnv::new();
    let answers = env.write(
        "answers.yaml",
        "with: Tom Reyes\nanswers:\n  influences:\n    - name: Tom Reyes\n      mode: calm\n",
    );
    let out = env
        .coach()
        .args(["prep", "--playbook", "group-decision", "--answers"])
        .arg(&answers)
        .run()
        .code(65);
    let stderr = env.redact(out.stderr());
    insta::assert_snapshot!("bad-people", stderr);
    for (yaml, place, says) in [
        (
            "    - {name: Tom, rating: 9}\n",
            "4:27",
            "`rating` is a whole number from -5",
        ),
        ("    - roles: [user]\n", "4:7", "each person needs a name"),
        ("    - Tom\n    - TOM\n", "5:7", "`TOM` is listed twice"),
        (
            "    - {name: Tom, role: user}\n",
            "4:19",
            "a person has no `role`",
        ),
    ] {
        let answers = env.write(
            "answers.yaml",
            &format!("with: Tom\nanswers:\n  influences:\n{yaml}"),
        );
        env.coach()
            .args(["prep", "--playbook", "group-decision", "--answers"])
            .arg(&answers)
            .run()
            .code(65)
            .stderr_has(&format!(
                "{}:{place}: error: the answer to `influences` does not fit: {says}",
                answers.display()
            ));
    }
    // A list longer than a buying committee is refused at once, not compared.
    let many: String = (0..600).map(|n| format!("    - Pérson {n}\n")).collect();
    let answers = env.write(
        "many.yaml",
        &format!("with: Tom\nanswers:\n  influences:\n{many}"),
    );
    env.coach()
        .args(["prep", "--playbook", "group-decision", "--answers"])
        .arg(&answers)
        .timeout(std::time::Duration::from_secs(20))
        .run()
        .code(65)
        .stderr_has("a list holds at most 500 people; found 600");
    assert!(env.notes().is_empty());
}

#[test]
fn broken_yaml_in_an_answers_file_points_at_the_line() {
    let env = TestEnv::new();
    let answers = env.write(
        "answers.yaml",
        "with: Jane\nanswers:\n  objective: [unclosed\n  best_action: x\n",
    );
    env.coach()
        .args(["prep", "--answers"])
        .arg(&answers)
        .run()
        .code(65)
        .stderr_has(&format!("{}:4:", answers.display()));
}

#[test]
fn a_broken_playbook_is_reported_with_file_line_and_column() {
    let env = TestEnv::new();
    let playbook = env.write(
        "broken.yaml",
        "title: Broken\nkind: prepp\nsections:\n  - id: Goals\n    title: Goals\n    questions:\n      - id: goal\n        aks: What is the goal?\n        type: txt\n        required: maybe\n      - id: goal\n        ask: Again?\n        when: budgt > 3\n        choices: [a, b]\n",
    );
    let out = env
        .coach()
        .args(["prep", "--no-input", "--with", "Jane", "--playbook"])
        .arg(&playbook)
        .run()
        .code(65);
    let stderr = env.redact(out.stderr());
    insta::assert_snapshot!("broken-playbook", stderr);
}

#[test]
fn unknown_playbook_is_not_found() {
    let env = TestEnv::new();
    env.run([
        "prep",
        "--no-input",
        "--with",
        "Jane",
        "--playbook",
        "discovry",
    ])
    .code(66)
    .stderr_has("did you mean `discovery`?");
    env.run([
        "prep",
        "--no-input",
        "--with",
        "Jane",
        "--playbook",
        "missing/file.yaml",
    ])
    .code(66);
}

#[test]
fn playbooks_are_found_on_the_search_path_and_override_built_ins() {
    let env = TestEnv::new();
    env.write(
        "team/discovery.yaml",
        "title: Team discovery\nkind: prep\nsections:\n  - id: s\n    title: S\n    questions:\n      - id: goal\n        ask: Goal?\n        default: Learn\n",
    );
    let json = env
        .coach()
        .env("COACH_PLAYBOOK_PATH", env.dir.path().join("team"))
        .args(["prep", "--no-input", "--with", "Jane", "--format", "json"])
        .run()
        .success()
        .stdout_json();
    assert_eq!(json["title"], "Team discovery with Jane");
    assert_eq!(json["answers"], serde_json::json!({"goal": "Learn"}));
}

#[test]
fn a_session_is_never_overwritten() {
    let env = TestEnv::new();
    for _ in 0..3 {
        env.coach()
            .args(["prep", "--format", "none", "--answers"])
            .arg(fixture("answers/discovery.yaml"))
            .run()
            .success();
    }
    let names: Vec<String> = env
        .notes()
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        [
            "2026-11-22-1403-jane-smith-prep-2.md",
            "2026-11-22-1403-jane-smith-prep-3.md",
            "2026-11-22-1403-jane-smith-prep.md"
        ]
    );
    let second =
        std::fs::read_to_string(env.notes_dir().join("2026-11-22-1403-jane-smith-prep-2.md"))
            .unwrap();
    assert!(
        second.starts_with("---\nid: 2026-11-22-1403-jane-smith-prep-2\n"),
        "{second}"
    );
}

#[cfg(unix)]
#[test]
fn notes_are_private_to_the_user() {
    use std::os::unix::fs::PermissionsExt;
    let env = TestEnv::new();
    env.coach()
        .args(["prep", "--format", "none", "--answers"])
        .arg(fixture("answers/discovery.yaml"))
        .run()
        .success();
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&env.only_notes()), 0o600);
    assert_eq!(mode(&env.notes_dir()), 0o700);
    assert_eq!(mode(&env.home()), 0o700);
}

#[test]
fn a_debrief_playbook_is_refused_by_prep() {
    let env = TestEnv::new();
    let playbook = env.write(
        "after.yaml",
        "title: After\nkind: debrief\nsections:\n  - id: s\n    title: S\n    questions:\n      - id: what\n        ask: What happened?\n",
    );
    env.coach()
        .args(["prep", "--no-input", "--with", "Jane", "--playbook"])
        .arg(&playbook)
        .run()
        .code(2)
        .stderr_has("is a debrief playbook");
}

#[test]
fn an_invalid_coach_now_is_a_usage_error() {
    let env = TestEnv::new();
    env.coach()
        .env("COACH_NOW", "tomorrow")
        .args(["prep", "--answers"])
        .arg(fixture("answers/discovery.yaml"))
        .run()
        .code(2)
        .stderr_has("COACH_NOW");
}

/// Without a terminal, what the question coach finds in the planned
/// questions goes into the nudges.
#[test]
fn flagged_planned_questions_become_nudges() {
    let env = TestEnv::new();
    let answers = env.write(
        "a.yaml",
        "with: Jane\nanswers:\n  objective: Learn\n  business_result: Grow\n  best_action: A pilot\n  planned_questions:\n    - Can you sign today?\n    - How do decisions like this get made?\n",
    );
    let json = env
        .coach()
        .args(["prep", "--format", "json", "--answers"])
        .arg(&answers)
        .run()
        .success()
        .stdout_json();
    let nudges: Vec<&str> = json["nudges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap())
        .collect();
    let flagged: Vec<&&str> = nudges
        .iter()
        .filter(|n| n.starts_with("\"Can you sign today?\" is closed and pressure:"))
        .collect();
    assert_eq!(flagged.len(), 1, "{nudges:#?}");
    assert!(
        !nudges
            .iter()
            .any(|n| n.contains("How do decisions like this get made?\" is")),
        "{nudges:#?}"
    );
}

/// The nudge against negative selling fires on the user's own words that run
/// an alternative down, quoting them, and not on an alternative merely named.
#[test]
fn only_running_an_alternative_down_is_nudged() {
    for playbook in ["discovery", "group-decision"] {
        let nudges = |options: &str| -> Vec<String> {
            let env = TestEnv::new();
            let answers = env.write(
                "a.yaml",
                &format!(
                    "with: Jane\naccount: Acme\nanswers:\n  objective: Learn\n  \
                     business_result: Grow\n  best_action: A pilot\n  competing_ideas:\n{options}"
                ),
            );
            let json = env
                .coach()
                .args([
                    "prep",
                    "--playbook",
                    playbook,
                    "--format",
                    "json",
                    "--answers",
                ])
                .arg(&answers)
                .run()
                .success()
                .stdout_json();
            let all = json["nudges"].as_array().unwrap().iter();
            all.map(|n| n.as_str().unwrap().to_string())
                .filter(|n| n.starts_with("You wrote"))
                .collect()
        };
        let named = nudges("    - Salesforce\n    - building it themselves\n");
        assert!(named.is_empty(), "{playbook}: {named:#?}");
        let ran_down =
            nudges("    - Salesforce, which is clunky and overpriced\n    - doing nothing\n");
        assert_eq!(ran_down.len(), 1, "{playbook}: {ran_down:#?}");
        assert!(
            ran_down[0].starts_with("You wrote \"clunky\"."),
            "{ran_down:#?}"
        );
    }
}
