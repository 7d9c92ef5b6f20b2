//! `coach debrief` through the real binary: prep, then debrief against it.

use serde_json::json;

use crate::env::{TestEnv, fixture};

const LATER: &str = "2026-11-24T16:30:00+01:00";

fn prep(env: &TestEnv, playbook: &str, answers: &str, now: &str) {
    env.coach()
        .env("COACH_NOW", now)
        .args([
            "prep",
            "--format",
            "none",
            "--playbook",
            playbook,
            "--answers",
        ])
        .arg(fixture(answers))
        .run()
        .success();
}

/// The debrief answers (and snapshots) for a shipped prep: one a pair,
/// since the planned questions it ticks are that prep's.
fn answers_for(prep: &str) -> &'static str {
    match prep {
        "discovery" => "debrief",
        "group-decision" => "group-debrief",
        "personal" => "personal-debrief",
        "repair" => "repair-debrief",
        "follow-up" => "debrief-after-follow-up",
        "negotiation" => "debrief-after-negotiation",
        "renewal" => "debrief-after-renewal",
        "proposal" => "debrief-after-proposal",
        _ => "debrief-after-internal",
    }
}

/// Each shipped prep and its debrief, answered from files: the JSON (with
/// `prep` and `plan_vs_actual`) and the notes, snapshotted. The preps for
/// the calls after the first share the generic debrief; each pair has its
/// own snapshot.
#[test]
fn every_shipped_pair_prep_then_debrief() {
    for (prep_playbook, debrief_playbook) in [
        ("discovery", "debrief"),
        ("group-decision", "group-debrief"),
        ("personal", "personal-debrief"),
        ("repair", "personal-debrief"),
        ("follow-up", "debrief"),
        ("negotiation", "debrief"),
        ("renewal", "debrief"),
        ("proposal", "debrief"),
        ("internal", "debrief"),
    ] {
        let env = TestEnv::new();
        prep(
            &env,
            prep_playbook,
            &format!("answers/{prep_playbook}.yaml"),
            crate::env::NOW,
        );
        let out = env
            .coach()
            .env("COACH_NOW", LATER)
            .args([
                "debrief",
                "--prep",
                "latest",
                "--format",
                "json",
                "--answers",
            ])
            .arg(fixture(&format!(
                "answers/{}.yaml",
                answers_for(prep_playbook)
            )))
            .run()
            .success();
        let doc = out.stdout_json();
        assert_eq!(doc["kind"], "debrief");
        assert_eq!(
            doc["playbook"], debrief_playbook,
            "the prep playbook names its debrief"
        );
        assert!(doc["prep"].as_str().unwrap().ends_with("-prep"));
        assert!(!doc["plan_vs_actual"].as_array().unwrap().is_empty());
        let notes_path = doc["notes_path"].as_str().unwrap().to_string();
        let notes = std::fs::read_to_string(notes_path).unwrap();
        env.settings().bind(|| {
            let name = answers_for(prep_playbook);
            insta::assert_snapshot!(format!("{name}-json"), out.stdout());
            insta::assert_snapshot!(format!("{name}-notes"), notes);
        });
    }
}

#[test]
fn the_latest_prep_for_a_person_is_found() {
    let env = TestEnv::new();
    prep(
        &env,
        "discovery",
        "answers/discovery.yaml",
        "2026-11-20T09:00:00+01:00",
    );
    prep(
        &env,
        "discovery",
        "answers/discovery.yaml",
        "2026-11-22T14:03:00+01:00",
    );
    prep(
        &env,
        "personal",
        "answers/personal.yaml",
        "2026-11-23T08:00:00+01:00",
    );
    let answers = env.write("a.yaml", "answers:\n  outcome: continuation\n");
    let run = |args: &[&str]| {
        let doc = env
            .coach()
            .env("COACH_NOW", LATER)
            .args(args)
            .arg("--answers")
            .arg(&answers)
            .args(["--format", "json"])
            .run()
            .success()
            .stdout_json();
        std::fs::remove_file(doc["notes_path"].as_str().unwrap()).unwrap();
        doc["prep"].as_str().map(str::to_owned)
    };
    assert_eq!(
        run(&["debrief", "--with", "jane smith"]).as_deref(),
        Some("2026-11-22-1403-jane-smith-prep")
    );
    assert_eq!(
        run(&["debrief", "--prep", "latest", "--playbook", "debrief"]).as_deref(),
        Some("2026-11-23-0800-mum-prep")
    );
    assert_eq!(
        run(&["debrief", "--prep", "2026-11-20"]).as_deref(),
        Some("2026-11-20-0900-jane-smith-prep")
    );
    let path = env.notes_dir().join("2026-11-20-0900-jane-smith-prep.md");
    assert_eq!(
        run(&["debrief", "--prep", path.to_str().unwrap()]).as_deref(),
        Some("2026-11-20-0900-jane-smith-prep")
    );
    env.coach()
        .args(["debrief", "--prep", "2026-11", "--answers"])
        .arg(&answers)
        .run()
        .code(2)
        .stderr_has("could be any of 3 preps");
    env.coach()
        .args(["debrief", "--prep", "1999", "--answers"])
        .arg(&answers)
        .run()
        .code(66);
}

#[test]
fn a_debrief_without_a_prep_says_so() {
    let env = TestEnv::new();
    let out = env
        .coach()
        .env("COACH_NOW", LATER)
        .args([
            "debrief",
            "--with",
            "Jane Smith",
            "--account",
            "Acme",
            "--format",
            "json",
            "--answers",
        ])
        .arg(env.write(
            "a.yaml",
            "answers:\n  outcome: continuation\n  commitment: Nothing yet\n",
        ))
        .run()
        .success()
        .stderr_has("No prep with Jane Smith was found: this debrief goes on without one.")
        .stderr_lacks("No prep is linked");
    let doc = out.stdout_json();
    assert_eq!(doc["prep"], serde_json::Value::Null);
    assert_eq!(doc["plan_vs_actual"][0]["planned"], serde_json::Value::Null);
    let notes = std::fs::read_to_string(doc["notes_path"].as_str().unwrap()).unwrap();
    assert!(
        notes.contains("_This debrief has no prep: nothing was planned to hold it against._"),
        "{notes}"
    );
    // Without a prep, the questions that need one are not asked, and an
    // answers file cannot answer them.
    assert!(
        doc["skipped"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s == "asked_questions")
    );
    env.coach()
        .args(["debrief", "--with", "Jane Smith", "--answers"])
        .arg(fixture("answers/debrief.yaml"))
        .run()
        .code(65)
        .stderr_has("`asked_questions` takes its choices from `prep.planned_questions`, and this session has no prep answer there");
}

#[test]
fn a_prep_playbook_naming_a_missing_debrief_is_a_clear_error() {
    let env = TestEnv::new();
    let playbook = env.write(
        "team/renewal.yaml",
        "title: Renewal\nkind: prep\ndebrief: renewal-debreif\nsections:\n  - id: s\n    title: S\n    questions:\n      - id: goal\n        ask: Goal?\n",
    );
    env.coach()
        .env("COACH_PLAYBOOK_PATH", playbook.parent().unwrap())
        .args([
            "prep",
            "--playbook",
            "renewal",
            "--with",
            "Jane",
            "--no-input",
            "--format",
            "none",
        ])
        .run()
        .success();
    let answers = env.write("a.yaml", "answers:\n  outcome: advance\n");
    env.coach()
        .env("COACH_PLAYBOOK_PATH", playbook.parent().unwrap())
        .args(["debrief", "--with", "Jane", "--answers"])
        .arg(&answers)
        .run()
        .code(66)
        .stderr_has(
            "the prep playbook `renewal` names `debrief: renewal-debreif`, which cannot be found",
        );
    // `playbook validate` points at the key itself.
    env.coach()
        .env("COACH_PLAYBOOK_PATH", playbook.parent().unwrap())
        .args(["playbook", "validate", "renewal"])
        .run()
        .code(65)
        .stderr_has("renewal.yaml:3:10: error: `debrief: renewal-debreif` names a playbook that is neither given beside this one nor on the search path");
}

#[test]
fn plans_of_a_debrief_must_name_questions_of_its_prep() {
    let env = TestEnv::new();
    let team = env.dir.path().join("team");
    env.write("team/renewal.yaml", "title: Renewal\nkind: prep\ndebrief: renewal-debrief\nsections:\n  - id: s\n    title: S\n    questions:\n      - id: goal\n        ask: Goal?\n");
    env.write("team/renewal-debrief.yaml", "title: After\nkind: debrief\nsections:\n  - id: s\n    title: S\n    questions:\n      - id: got\n        ask: What did they say?\n        plan: gaol\n");
    env.coach()
        .env("COACH_PLAYBOOK_PATH", &team)
        .args(["playbook", "validate", "renewal"])
        .run()
        .code(65)
        .stderr_has("renewal-debrief.yaml:9:15: error: `plan: gaol` names a question the prep playbook `renewal` does not have")
        .stderr_has("did you mean `goal`?");
}

/// The prep after a debrief shows what was learned, what is still unknown and
/// the open follow-ups; the JSON of a debrief carries its follow-ups.
#[test]
fn follow_ups_are_kept_and_counted() {
    let env = TestEnv::new();
    prep(&env, "discovery", "answers/discovery.yaml", crate::env::NOW);
    let doc = env
        .coach()
        .env("COACH_NOW", LATER)
        .args([
            "debrief",
            "--prep",
            "latest",
            "--format",
            "json",
            "--answers",
        ])
        .arg(fixture("answers/debrief.yaml"))
        .run()
        .success()
        .stdout_json();
    let followups = doc["followups"].as_array().unwrap();
    let brief: Vec<(String, String, String)> = followups
        .iter()
        .map(|f| {
            (
                f["owner"].as_str().unwrap().into(),
                f["what"].as_str().unwrap().into(),
                f["due"].as_str().unwrap_or("").into(),
            )
        })
        .collect();
    let row = |o: &str, w: &str, d: &str| (o.to_string(), w.to_string(), d.to_string());
    assert_eq!(
        brief,
        vec![
            row("me", "send the pilot plan", "2026-11-27"),
            row("them", "share the security questionnaire", "2026-12-01"),
            row("Priya", "book the IT review", "2026-12-04"),
        ]
    );
    let list = env
        .coach()
        .env("COACH_NOW", "2026-11-29T09:00:00+01:00")
        .args(["followups", "--format", "json"])
        .run()
        .success()
        .stdout_json();
    assert_eq!(list["followups"][0]["status"], "overdue");
    assert_eq!(list["followups"][0]["what"], "send the pilot plan");
}

/// The latest prep debriefed from `answers` against the Zoom fixture call,
/// with me as Alex: the JSON document.
fn debrief_zoom_call(env: &TestEnv, answers: &str) -> serde_json::Value {
    env.coach()
        .env("COACH_NOW", LATER)
        .args([
            "debrief", "--prep", "latest", "--format", "json", "--me", "alex",
        ])
        .arg("--transcript")
        .arg(fixture("transcripts/zoom-discovery.vtt"))
        .arg("--answers")
        .arg(fixture(answers))
        .run()
        .success()
        .stdout_json()
}

/// `--transcript FILE --me NAME` stores the measured figures in the debrief
/// and sets them beside the user's own estimates.
#[test]
fn a_transcript_is_measured_beside_the_estimates() {
    let env = TestEnv::new();
    prep(&env, "discovery", "answers/discovery.yaml", crate::env::NOW);
    let doc = debrief_zoom_call(&env, "answers/debrief.yaml");
    assert_eq!(doc["listen"]["me"], "Alex Kim");
    assert_eq!(doc["listen"]["talk_share"], 0.5191);
    assert_eq!(doc["listen"]["questions"], 6);
    assert_eq!(doc["listen"]["longest_monologue_seconds"], 66.0);
    let nudges: Vec<&str> = doc["nudges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap())
        .collect();
    assert!(nudges.contains(&"Talk share: you guessed 55%, the transcript says 52% (the best-converting calls were near 43%)."), "{nudges:#?}");
    assert!(
        nudges.contains(&"Questions: you guessed 9, the transcript counts 6."),
        "{nudges:#?}"
    );
    let notes = std::fs::read_to_string(doc["notes_path"].as_str().unwrap()).unwrap();
    assert!(notes.contains("listen:\n  transcript: "), "{notes}");
    // A name the transcript does not know stops coach before anything is saved.
    env.coach()
        .args(["debrief", "--prep", "latest", "--me", "zed", "--transcript"])
        .arg(fixture("transcripts/zoom-discovery.vtt"))
        .arg("--answers")
        .arg(fixture("answers/debrief.yaml"))
        .run()
        .code(65)
        .stderr_has("the speakers are \"Alex Kim\", \"Jane Doe\", \"Sam Patel\"");
    assert_eq!(env.notes().len(), 2);
}

/// A talk at home with a transcript gets its figures beside the user's own
/// guess, and no sales call study: no band, no "best-converting".
#[test]
fn a_talk_at_home_is_not_held_to_sales_calls() {
    // Nor is a talk with a colleague, though its debrief is the generic one.
    for (playbook, debrief) in [("personal", "personal-debrief"), ("internal", "debrief")] {
        held_to_no_sales_bands(playbook, debrief);
    }
}

fn held_to_no_sales_bands(playbook: &str, debrief: &str) {
    let env = TestEnv::new();
    prep(
        &env,
        playbook,
        &format!("answers/{playbook}.yaml"),
        crate::env::NOW,
    );
    let answers = format!("answers/{}.yaml", answers_for(playbook));
    let doc = debrief_zoom_call(&env, &answers);
    assert_eq!(doc["playbook"], debrief);
    let nudges: Vec<&str> = doc["nudges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap())
        .collect();
    let share: Vec<&&str> = nudges
        .iter()
        .filter(|n| n.starts_with("Talk share:"))
        .collect();
    assert_eq!(share.len(), 1, "{nudges:#?}");
    assert!(
        share[0].ends_with("the transcript says 52%."),
        "{nudges:#?}"
    );
    let notes = std::fs::read_to_string(doc["notes_path"].as_str().unwrap()).unwrap();
    // The bands of the call studies; the generic debrief's own text may
    // still name a count of questions.
    let bands: &[&str] = match debrief {
        "debrief" => &["best-converting", "Gong"],
        _ => &["best-converting", "Gong", "11–14"],
    };
    for sales in bands {
        assert!(!notes.contains(sales), "{sales:?} in {notes}");
    }
}

/// The names `--speaker` gave a diarized transcript's labels are kept with
/// the debrief's figures, so the notes say who was who.
#[test]
fn a_debrief_keeps_the_speaker_names_it_used() {
    let env = TestEnv::new();
    prep(&env, "discovery", "answers/discovery.yaml", crate::env::NOW);
    let doc = env
        .coach()
        .env("COACH_NOW", LATER)
        .args([
            "debrief", "--prep", "latest", "--format", "json", "--me", "alex",
        ])
        .arg("--transcript")
        .arg(fixture("transcripts/whisperx-diarized.srt"))
        .args([
            "--speaker",
            "SPEAKER_00=Alex Kim",
            "--speaker",
            "SPEAKER_01=Jane Smith",
        ])
        .args(["--speaker", "SPEAKER_02=Jane Smith"])
        .arg("--answers")
        .arg(fixture("answers/debrief.yaml"))
        .run()
        .success()
        .stdout_json();
    assert_eq!(doc["listen"]["me"], "Alex Kim");
    assert_eq!(doc["listen"]["talk_share"], 0.3);
    let notes = std::fs::read_to_string(doc["notes_path"].as_str().unwrap()).unwrap();
    assert!(
        notes.contains("  speakers:\n    SPEAKER_00: Alex Kim\n    SPEAKER_01: Jane Smith\n    SPEAKER_02: Jane Smith\n"),
        "{notes}"
    );
}

/// A notes file edited by hand into invalid front matter is skipped with a
/// warning naming it, and the debrief carries on with the good ones.
#[test]
fn a_hand_broken_session_file_is_skipped_with_a_warning() {
    let env = TestEnv::new();
    prep(&env, "discovery", "answers/discovery.yaml", crate::env::NOW);
    let broken = env.notes_dir().join("2026-11-23-0900-jane-smith-prep.md");
    std::fs::write(
        &broken,
        "---\nid: 2026-11-23-0900-jane-smith-prep\nkind: prep\nwith: [Jane\n---\n# notes\n",
    )
    .unwrap();
    std::fs::write(env.notes_dir().join("README.md"), "# Not a session\n").unwrap();
    let out = env
        .coach()
        .env("COACH_NOW", LATER)
        .args([
            "debrief",
            "--with",
            "Jane Smith",
            "--format",
            "json",
            "--answers",
        ])
        .arg(env.write("a.yaml", "answers:\n  outcome: continuation\n"))
        .run()
        .success()
        .stderr_has(&format!(
            "{}:4:7: warning: skipped: invalid front matter",
            broken.display()
        ))
        // Files that are not sessions are ignored quietly.
        .stderr_lacks("README.md");
    assert_eq!(out.stdout_json()["prep"], "2026-11-22-1403-jane-smith-prep");
}

/// A debrief run without a prep sees `prep` as undefined: a template or a
/// condition that reads it unguarded gives nothing, never an error.
#[test]
fn a_debrief_without_a_prep_reads_prep_as_nothing() {
    let env = TestEnv::new();
    let playbook = env.write(
        "unguarded.yaml",
        "title: D\nkind: debrief\nsections:\n  - id: s\n    title: S\n    questions:\n      - id: got_best\n        ask: \"You hoped for {{ prep.answers.best_action }}{{ prep.means.best_action }}. What did you get?\"\n      - id: risky\n        ask: Why?\n        when: \"prep.answers.risk >= 4\"\n",
    );
    let doc = env
        .coach()
        .args([
            "debrief",
            "--with",
            "Sam",
            "--account",
            "",
            "--format",
            "json",
            "--no-input",
            "--playbook",
        ])
        .arg(&playbook)
        .run()
        .success()
        .stdout_json();
    assert_eq!(doc["prep"], serde_json::Value::Null);
    let notes = std::fs::read_to_string(doc["notes_path"].as_str().unwrap()).unwrap();
    assert!(
        notes.contains("You hoped for . What did you get?"),
        "{notes}"
    );
    assert!(!notes.contains("Why?"), "{notes}");
}

/// `prep.<id>` is short for `prep.answers.<id>`.
#[test]
fn prep_id_is_short_for_the_prep_answer() {
    let env = TestEnv::new();
    let id = env.prep("Jane Smith", Some("Learn how they onboard"));
    let playbook = env.write(
        "short.yaml",
        "title: D\nkind: debrief\nsections:\n  - id: s\n    title: S\n    questions:\n      - id: got\n        ask: \"You meant to: {{ prep.objective }}. Did you?\"\n",
    );
    env.coach()
        .args(["playbook", "validate"])
        .arg(&playbook)
        .run()
        .success();
    let doc = env
        .coach()
        .args([
            "debrief",
            "--prep",
            &id,
            "--format",
            "json",
            "--no-input",
            "--playbook",
        ])
        .arg(&playbook)
        .run()
        .success()
        .stdout_json();
    let notes = std::fs::read_to_string(doc["notes_path"].as_str().unwrap()).unwrap();
    assert!(
        notes.contains("You meant to: Learn how they onboard. Did you?"),
        "{notes}"
    );
}

/// The planned questions asked in other words are heard in the transcript:
/// shown before anything is saved, with the figures, and ticked in the
/// debrief when the answers file does not say which were asked; an answers
/// file that does say keeps its own answer.
#[test]
fn planned_questions_heard_in_the_transcript_are_ticked() {
    let env = TestEnv::new();
    prep(&env, "discovery", "answers/discovery.yaml", crate::env::NOW);
    let call = env.write(
        "call.txt",
        "Alex Kim: Thanks for making the time, Jane.\n\
         Jane Smith: Happy to.\n\
         Alex Kim: So what does the first week look like for a new agent right now?\n\
         Jane Smith: Mostly shadowing.\n\
         Alex Kim: Do you have a budget for this?\n\
         Jane Smith: Some.\n\
         Alex Kim: And walk me through how decisions like this get made around here.\n\
         Jane Smith: Priya signs.\n",
    );
    let answers = std::fs::read_to_string(fixture("answers/debrief.yaml")).unwrap();
    let start = answers.find("  asked_questions:").unwrap();
    let end = answers.find("  talk_share:").unwrap();
    let without = format!("{}{}", &answers[..start], &answers[end..]);
    // A debrief of the call with this answers file.
    let debrief = |name: &str, answers: &str| {
        let file = env.write(name, answers);
        env.coach()
            .env("COACH_NOW", LATER)
            .args([
                "debrief", "--prep", "latest", "--format", "json", "--me", "alex",
            ])
            .arg("--transcript")
            .arg(&call)
            .arg("--answers")
            .arg(&file)
            .run()
            .success()
    };
    let out = debrief("debrief-without-asked.yaml", &without);
    let stderr = out.stderr();
    assert!(
        stderr.contains("From the transcript, you (Alex Kim): talked "),
        "{stderr}"
    );
    assert!(
        stderr.contains("2 questions (1 open, 1 closed)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("Planned questions heard in the call: 2 of 3"),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "you said: \"So what does the first week look like for a new agent right now?\""
        ),
        "{stderr}"
    );
    let doc = out.stdout_json();
    assert_eq!(
        doc["answers"]["asked_questions"],
        json!([
            "What does a new agent's first week look like today?",
            "How do decisions like this usually get made here?"
        ])
    );
    assert_eq!(doc["listen"]["questions_by_kind"]["closed"], 1);
    assert_eq!(doc["listen"]["questions_by_kind"]["open"], 1);
    // The answers file's own answer stands.
    let given = answers.replace(
        "    - How do decisions like this usually get made here?\n",
        "",
    );
    let doc = debrief("debrief-given.yaml", &given).stdout_json();
    assert_eq!(
        doc["answers"]["asked_questions"],
        json!(["What does a new agent's first week look like today?"])
    );
}
