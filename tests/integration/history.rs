//! `coach history`, `show`, `stats` and `export` over notes files written
//! by hand, as a user's notes directory holds them. "Today" is 2026-11-22
//! (`COACH_NOW`).

use crate::env::TestEnv;

/// Write a session's notes file; `extra` goes into the front matter before
/// `coach_version` (answers, follow-ups, ...).
fn session(env: &TestEnv, id: &str, kind: &str, with: &str, account: &str, extra: &str) {
    let date = format!("{}T{}:{}:00+01:00", &id[..10], &id[11..13], &id[13..15]);
    let playbook = if kind == "prep" {
        "discovery"
    } else {
        "debrief"
    };
    let text = format!(
        "---\nid: {id}\nkind: {kind}\nplaybook: {playbook}\nplaybook_version: 1\n\
         title: \"Call with {with} ({account})\"\nwith: \"{with}\"\naccount: \"{account}\"\n\
         date: \"{date}\"\ntags: [coach, {kind}]\n{extra}skipped: []\n\
         nudges: [\"Ask {with} about the budget.\"]\ncoach_version: 0.1.0\n---\n\
         # Call with {with}\n\nNotes for people.\n"
    );
    std::fs::create_dir_all(env.notes_dir()).unwrap();
    std::fs::write(env.notes_dir().join(format!("{id}.md")), text).unwrap();
}

const JANE_PREP: &str = "2026-11-10-0900-jane-smith-prep";
const JANE_DEBRIEF: &str = "2026-11-12-1500-jane-smith-debrief";
const RAJ_PREP: &str = "2026-11-21-1000-raj-patel-prep";
const OLD: &str = "2026-08-01-1000-zoe-unal-prep";

/// Four sessions, a hand-broken file, and files that are not sessions.
fn notes(env: &TestEnv) {
    session(
        env,
        JANE_PREP,
        "prep",
        "Jane Smith",
        "Acme Corp",
        "answers:\n  objective: \"Learn, then \\\"listen\\\"\\nsecond line\"\n  neediness: 2\n",
    );
    session(
        env,
        JANE_DEBRIEF,
        "debrief",
        "Jane Smith",
        "Acme Corp",
        &format!(
            "prep: {JANE_PREP}\nanswers:\n  outcome: advance\n  talk_share: 55\n  questions_asked: 9\n  \
         felt_needy: 3\n  took_over: 2\n  learned: Jane said Acme Corp, Inc. wants \"speed\"\n  \
         objections: [price, another login]\nfollowups:\n- id: {JANE_DEBRIEF}#1\n  owner: me\n  \
         what: send the plan\n  due: 2026-11-14\n- id: {JANE_DEBRIEF}#2\n  owner: Jane\n  what: intro\n"
        ),
    );
    session(
        env,
        RAJ_PREP,
        "prep",
        "Raj Patel",
        "Globex",
        "answers: {}\n",
    );
    session(
        env,
        OLD,
        "prep",
        "Zoë Ünal",
        "Überbau GmbH",
        "answers: {}\n",
    );
    std::fs::write(
        env.notes_dir().join("2026-11-15-0800-broken-prep.md"),
        "---\nid: 2026-11-15-0800-broken-prep\nkind: prep\nplaybook: [discovery\nwith: Ann\n---\n",
    )
    .unwrap();
    std::fs::write(env.notes_dir().join("todo.md"), "# Just my own notes\n").unwrap();
    std::fs::write(
        env.notes_dir().join("blog.md"),
        "---\ntitle: Not coach\n---\n",
    )
    .unwrap();
}

fn ids(stdout: &str) -> Vec<String> {
    stdout
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

#[test]
fn history_filters_newest_first() {
    let env = TestEnv::new();
    notes(&env);
    let cases: &[(&[&str], &[&str])] = &[
        (&[], &[RAJ_PREP, JANE_DEBRIEF, JANE_PREP, OLD]),
        (&["--with", "JANE"], &[JANE_DEBRIEF, JANE_PREP]),
        (&["--account", "globex"], &[RAJ_PREP]),
        (&["--account", "überbau"], &[OLD]),
        (&["--kind", "debrief"], &[JANE_DEBRIEF]),
        (&["--playbook", "discovery"], &[RAJ_PREP, JANE_PREP, OLD]),
        (&["--since", "7d"], &[RAJ_PREP]),
        (&["--since", "yesterday"], &[RAJ_PREP]),
        (
            &["--since", "2026-11-10", "--until", "2026-11-12"],
            &[JANE_DEBRIEF, JANE_PREP],
        ),
        (&["--until", "2026-11-10"], &[JANE_PREP, OLD]),
        (
            &["--since", "4w", "--limit", "2"],
            &[RAJ_PREP, JANE_DEBRIEF],
        ),
        (&["--with", "nobody"], &[]),
    ];
    for (args, want) in cases {
        let out = env
            .coach()
            .arg("history")
            .args(*args)
            .args(["--format", "jsonl"])
            .run()
            .success();
        assert_eq!(ids(out.stdout()), *want, "{args:?}");
    }
}

#[test]
fn a_hand_broken_file_is_skipped_with_one_warning() {
    let env = TestEnv::new();
    notes(&env);
    let out = env.run(["history", "--format", "json"]).success();
    let stderr = out.stderr();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("2026-11-15-0800-broken-prep.md:4:") && stderr.contains("warning"),
        "{stderr}"
    );
    let rows = out.stdout_json();
    assert_eq!(rows.as_array().unwrap().len(), 4);
    assert_eq!(rows[1]["outcome"], "advance");
    assert_eq!(rows[1]["open_followups"], 2);
    // The table shows the same sessions.
    env.run(["history"])
        .success()
        .stdout_has("Jane Smith")
        .stdout_has("advance");
}

#[test]
fn show_takes_a_unique_prefix() {
    let env = TestEnv::new();
    notes(&env);
    let out = env.run(["show", "2026-11-12"]).success();
    assert!(
        out.stdout().starts_with("# Call with Jane Smith"),
        "{}",
        out.stdout()
    );
    let out = env.run(["show", "2026-11-1", "--format", "json"]).code(2);
    let err = out.stderr();
    assert!(
        err.contains("could be any of") && err.contains(JANE_PREP) && err.contains(JANE_DEBRIEF),
        "{err}"
    );
    let json = env
        .run(["show", JANE_DEBRIEF, "--format", "json"])
        .success()
        .stdout_json();
    assert_eq!(json["prep"], JANE_PREP);
    assert_eq!(json["followups"][1]["owner"], "Jane");
    env.run(["show", "2025"]).code(66).stderr_has("no session");
}

#[test]
fn csv_reads_back_with_a_real_parser() {
    let env = TestEnv::new();
    notes(&env);
    let out = env
        .run(["export", "--format", "csv", "--with", "jane"])
        .success();
    let mut reader = csv::Reader::from_reader(out.stdout().as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("{name} in {header:?}"))
    };
    assert_eq!(&rows[0][col("id")], JANE_DEBRIEF);
    assert_eq!(
        &rows[0][col("answers.learned")],
        "Jane said Acme Corp, Inc. wants \"speed\""
    );
    assert_eq!(&rows[0][col("answers.objections")], "price; another login");
    assert_eq!(
        &rows[1][col("answers.objective")],
        "Learn, then \"listen\"\nsecond line"
    );
    assert_eq!(&rows[1][col("answers.outcome")], "");
}

#[test]
fn redaction_leaves_no_original_name() {
    let env = TestEnv::new();
    notes(&env);
    for format in ["json", "jsonl", "csv", "markdown"] {
        let out = env
            .run(["export", "--redact", "--format", format])
            .success();
        let text = out.stdout().to_lowercase();
        for name in [
            "jane", "smith", "raj", "patel", "acme", "globex", "zoë", "zoe", "ünal", "unal",
            "überbau", "said",
        ] {
            assert!(!text.contains(name), "{format}: `{name}` in {text}");
        }
        assert!(
            text.contains("counterpart 1") || text.contains("counterpart-1"),
            "{format}: {text}"
        );
    }
}

#[test]
fn export_writes_a_private_file() {
    let env = TestEnv::new();
    notes(&env);
    let path = env.dir.path().join("out/sessions.md");
    env.coach()
        .args(["export", "--format", "markdown", "-o"])
        .arg(&path)
        .run()
        .success();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("# Coach sessions\n\n4 sessions"), "{text}");
}

#[test]
fn stats_sum_up_the_period() {
    let env = TestEnv::new();
    notes(&env);
    let out = env.run(["stats", "--since", "30d"]).success();
    let text = out.stdout();
    assert!(text.contains("Sessions: 3 (2 preps, 1 debrief)"), "{text}");
    assert!(
        text.contains("Preps followed by a debrief: 1 of 2 (50%)"),
        "{text}"
    );
    assert!(
        text.contains("Outcomes: 1 Advance, 0 Continuation, 0 No sale"),
        "{text}"
    );
    assert!(text.contains("Talk share: estimated 55%"), "{text}");
    assert!(text.contains("You kept 0 of 1 promise on time"), "{text}");
    env.run(["stats", "--since", "2026-11-30", "--until", "2026-11-01"])
        .code(2);
}
