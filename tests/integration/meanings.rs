//! A team's own playbooks get every feature: the Green Sheet pair in
//! `tests/fixtures/playbooks/green-sheet` uses none of the shipped ids and
//! says what its questions mean. Card, follow-ups, the transcript set beside
//! the estimates, stats, export and the thread across three calls all work
//! on it through the binary.

use std::path::PathBuf;

use crate::env::{Coach, TestEnv, fixture};
use crate::pty::{exit_code, key, start};

fn team() -> PathBuf {
    fixture("playbooks/green-sheet")
}

fn answers(name: &str) -> PathBuf {
    team().join("answers").join(name)
}

/// `coach` with the team's playbooks on the search path, at `now`.
fn coach<'e>(env: &'e TestEnv, now: &str) -> Coach<'e> {
    env.coach()
        .env("COACH_PLAYBOOK_PATH", team())
        .env("COACH_NOW", now)
}

fn prep(env: &TestEnv, now: &str, file: &str) -> serde_json::Value {
    coach(env, now)
        .args([
            "prep",
            "--playbook",
            "call-plan",
            "--format",
            "json",
            "--answers",
        ])
        .arg(answers(file))
        .run()
        .success()
        .stdout_json()
}

fn debrief(env: &TestEnv, now: &str, file: &str, extra: &[&str]) -> serde_json::Value {
    coach(env, now)
        .args(["debrief", "--with", "Ana Ruiz", "--format", "json"])
        .args(extra)
        .arg("--answers")
        .arg(answers(file))
        .run()
        .success()
        .stdout_json()
}

#[test]
fn the_team_playbooks_validate_and_lint_clean() {
    let env = TestEnv::new();
    let out = coach(&env, "2026-12-01T09:00:00+01:00")
        .args(["playbook", "lint", "call-plan", "call-review"])
        .run()
        .success();
    assert!(!out.stderr().contains("warning"), "{}", out.stderr());
    coach(&env, "2026-12-01T09:00:00+01:00")
        .args(["playbook", "show", "call-review"])
        .run()
        .success()
        .stdout_has("means: outcome")
        .stdout_has("means: next_steps")
        .stdout_has("held against: hope_for");
}

#[test]
fn a_playbook_with_its_own_ids_gets_every_feature() {
    let env = TestEnv::new();
    let transcript = fixture("transcripts/plain-discovery.txt");
    prep(&env, "2026-12-01T09:00:00+01:00", "prep-1.yaml");
    let doc = debrief(
        &env,
        "2026-12-01T11:00:00+01:00",
        "debrief-1.yaml",
        &[
            "--transcript",
            transcript.to_str().unwrap(),
            "--me",
            "Alex Kim",
        ],
    );
    // Follow-ups from the question meaning `next_steps`.
    let owners: Vec<&str> = doc["followups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["owner"].as_str().unwrap())
        .collect();
    assert_eq!(owners, ["me", "Ana"]);
    // The transcript set beside the estimates of `talk_share` and `questions_asked`.
    let nudges = doc["nudges"].to_string();
    assert!(
        nudges.contains("you guessed 35%, the transcript says 55%"),
        "{nudges}"
    );
    assert!(
        nudges.contains("you guessed 9, the transcript counts 6"),
        "{nudges}"
    );

    let listed = coach(&env, "2026-12-02T09:00:00+01:00")
        .args(["followups", "--format", "json"])
        .run()
        .success();
    listed
        .stdout_has("send the two-depot pilot outline")
        .stdout_has("book the COO meeting");

    let card = coach(&env, "2026-12-02T09:00:00+01:00")
        .args(["card", "--with", "Ana Ruiz"])
        .run()
        .success();
    let card = card.stdout();
    for line in [
        "Objective Agree whether a routing pilot is worth a second meeting",
        "Their win Being seen as the one who fixed peak season",
        "Best      A pilot with two depots from January",
        "Minimum   A second meeting with the COO on the calendar",
    ] {
        assert!(card.contains(line), "{line} not in\n{card}");
    }

    let stats = coach(&env, "2026-12-02T09:00:00+01:00")
        .args(["stats"])
        .run()
        .success();
    stats
        .stdout_has("Outcomes: 1 Advance, 0 Continuation, 0 No sale")
        .stdout_has("Talk share: estimated 35%, measured 55%")
        .stdout_has("Questions per call: estimated 9.0, measured 6.0");

    // History and export name the outcome by meaning, and so does redaction.
    coach(&env, "2026-12-02T09:00:00+01:00")
        .args(["history", "--kind", "debrief", "--format", "json"])
        .run()
        .success()
        .stdout_has("\"outcome\": \"advance\"");
    let csv = coach(&env, "2026-12-02T09:00:00+01:00")
        .args(["export", "--format", "csv", "--kind", "debrief", "--redact"])
        .run()
        .success();
    let rows = csv_rows(csv.stdout());
    let at = rows[0]
        .iter()
        .position(|c| c == "outcome")
        .expect("an outcome column");
    assert_eq!(rows[1][at], "advance");
    for secret in ["Borealis", "Ana", "retail contract", "two-depot"] {
        assert!(
            !csv.stdout().contains(secret),
            "{secret} in {}",
            csv.stdout()
        );
    }
    let jsonl = coach(&env, "2026-12-02T09:00:00+01:00")
        .args(["export", "--format", "jsonl", "--redact"])
        .run()
        .success();
    for secret in [
        "Borealis",
        "Ana",
        "retail contract",
        "two-depot",
        "peak season",
    ] {
        assert!(
            !jsonl.stdout().contains(secret),
            "{secret} in {}",
            jsonl.stdout()
        );
    }
}

/// The records of an RFC 4180 text: quoted fields, doubled quotes, CRLF.
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut field) = (Vec::new(), Vec::new(), String::new());
    let (mut quoted, mut chars) = (false, text.chars().peekable());
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(std::mem::take(&mut field)),
            ('\r', false) => {}
            ('\n', false) => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (c, _) => field.push(c),
        }
    }
    rows
}

/// Notes written before playbooks declared meanings have no `means:`; the
/// built-in playbooks' sessions are read with those playbooks' meanings.
#[test]
fn notes_from_before_meanings_keep_every_feature() {
    let env = TestEnv::new();
    let id = env.prep("Jane Smith", Some("Understand their onboarding"));
    env.coach()
        .env("COACH_NOW", "2026-11-24T16:30:00+01:00")
        .args(["debrief", "--prep", &id, "--format", "none", "--answers"])
        .arg(fixture("answers/debrief.yaml"))
        .run()
        .success();
    for notes in env.notes() {
        let text = std::fs::read_to_string(&notes).unwrap();
        let mut kept = Vec::new();
        let mut skipping = false;
        for line in text.lines() {
            if line.starts_with("means:") {
                skipping = true;
                continue;
            }
            if skipping && line.starts_with("  ") {
                continue;
            }
            skipping = false;
            kept.push(line);
        }
        assert!(kept.len() < text.lines().count(), "no means in {text}");
        std::fs::write(&notes, kept.join("\n") + "\n").unwrap();
    }
    env.run(["stats"])
        .success()
        .stdout_has("Outcomes: 1 Advance")
        .stdout_has("Talk share: estimated 55%");
    env.run(["card", "--with", "Jane Smith"])
        .success()
        .stdout_has("Objective Understand their onboarding")
        .stdout_has("Last time advance");
}

/// A prep of the team's own with no `debrief:` gets the built-in debrief,
/// whose `plan:` and `choices_from:` name meanings: they find the prep's
/// questions by meaning.
#[test]
fn the_built_in_debrief_follows_a_prep_of_any_ids() {
    let env = TestEnv::new();
    let text = std::fs::read_to_string(team().join("call-plan.yaml"))
        .unwrap()
        .replace("debrief: call-review\n", "");
    let own = env.write("own/call-plan.yaml", &text);
    env.coach()
        .env("COACH_NOW", "2026-12-01T09:00:00+01:00")
        .args(["prep", "--format", "none", "--playbook"])
        .arg(&own)
        .arg("--answers")
        .arg(answers("prep-1.yaml"))
        .run()
        .success();
    let doc = env
        .coach()
        .env("COACH_NOW", "2026-12-01T11:00:00+01:00")
        .args(["debrief", "--with", "Ana Ruiz", "--format", "json", "--answers"])
        .arg(env.write(
            "built-in-debrief.yaml",
            "answers:\n  outcome: advance\n  asked_questions:\n    - How would you know a pilot had worked?\n  learned_result: Keep the retail contract\n",
        ))
        .run()
        .success()
        .stdout_json();
    assert_eq!(doc["playbook"], "debrief");
    let rows = doc["plan_vs_actual"].as_array().unwrap();
    let planned = |q: &str| {
        rows.iter()
            .find(|r| r["question"] == q)
            .map(|r| r["planned"].clone())
            .unwrap()
    };
    assert_eq!(
        planned("learned_result"),
        "Cut missed delivery windows before the peak season"
    );
    assert_eq!(
        planned("commitment"),
        "A pilot with two depots from January"
    );
    // A plan this prep has no question for is dropped, not held against nothing.
    assert!(
        rows.iter().all(|r| r["question"] != "learned_view"),
        "{rows:?}"
    );
    let card = env.run(["card", "--with", "Ana Ruiz"]).success();
    let card = card.stdout();
    assert!(
        card.contains("They want learned: Keep the retail contract"),
        "{card}"
    );
    assert!(
        card.contains("What happens today when a delivery window is missed?"),
        "{card}"
    );
    assert!(
        !card.contains("How would you know a pilot had worked?"),
        "{card}"
    );
}

#[test]
fn plan_against_actual_keeps_its_types() {
    let env = TestEnv::new();
    prep(&env, "2026-12-01T09:00:00+01:00", "prep-1.yaml");
    let doc = debrief(&env, "2026-12-01T11:00:00+01:00", "debrief-1.yaml", &[]);
    let rows = doc["plan_vs_actual"].as_array().unwrap();
    let row = rows.iter().find(|r| r["question"] == "got_to").unwrap();
    assert_eq!(row["plan"], "hope_for");
    assert_eq!(row["planned"], "A pilot with two depots from January");
    // A list answer held against a list stays a list, in JSON and the notes.
    let text = r#"
title: Lists
kind: debrief
sections:
  - id: s
    title: S
    questions:
      - id: got_questions
        ask: Which questions did they ask you?
        type: list
        plan: to_ask
"#;
    let playbook = env.write("lists.yaml", text);
    let out = coach(&env, "2026-12-01T12:00:00+01:00")
        .args([
            "debrief",
            "--with",
            "Ana Ruiz",
            "--format",
            "json",
            "--playbook",
        ])
        .arg(&playbook)
        .arg("--answers")
        .arg(env.write(
            "lists-answers.yaml",
            "answers:\n  got_questions: [How much?, When?]\n",
        ))
        .run()
        .success();
    let doc = out.stdout_json();
    let row = &doc["plan_vs_actual"][0];
    assert_eq!(row["planned"].as_array().unwrap().len(), 3);
    assert_eq!(row["actual"], serde_json::json!(["How much?", "When?"]));
    let notes = std::fs::read_to_string(doc["notes_path"].as_str().unwrap()).unwrap();
    assert!(
        notes.contains("  actual:\n  - How much?\n  - When?\n"),
        "{notes}"
    );
}

/// Three calls with one person: prep → debrief → prep (at a terminal) →
/// debrief → card.
#[test]
fn the_thread_runs_across_three_calls() {
    let env = TestEnv::new();
    prep(&env, "2026-12-01T09:00:00+01:00", "prep-1.yaml");
    debrief(&env, "2026-12-01T11:00:00+01:00", "debrief-1.yaml", &[]);

    // Before the second call the card shows what the debrief learned, the
    // last outcome, and only the planned questions not yet asked.
    let card = coach(&env, "2026-12-07T09:00:00+01:00")
        .args(["card", "--with", "Ana"])
        .run()
        .success();
    let card = card.stdout();
    assert!(
        card.contains("They want learned: Missed windows cost them"),
        "{card}"
    );
    assert!(
        card.contains("Last time advance — agreed: A second meeting with the COO"),
        "{card}"
    );
    assert!(
        card.contains("1. How would you know a pilot had worked?"),
        "{card}"
    );
    assert!(
        card.contains("2. Who else should be in the room next time?"),
        "{card}"
    );
    assert!(
        !card.contains("What happens today"),
        "asked already:\n{card}"
    );

    // The second prep at a terminal, with what the file does not answer
    // asked there: the account is kept, the learned fact is offered to
    // confirm, the target is planned afresh beside the last outcome, and
    // the questions not asked start the plan.
    let partial = env.write(
        "partial.yaml",
        "with: Ana Ruiz\nanswers:\n  single_objective: Get the COO to agree the pilot scope\n  what_is_in_it: Peak season without a missed window\n  pressure: 3\n  at_least: Finance's payback criteria in writing\n",
    );
    let mut cmd = env.command();
    cmd.env("COACH_PLAYBOOK_PATH", team())
        .env("COACH_NOW", "2026-12-08T09:00:00+01:00")
        .env("TERM", "xterm")
        .args([
            "prep",
            "--playbook",
            "call-plan",
            "--format",
            "none",
            "--answers",
        ])
        .arg(&partial);
    let mut p = start(cmd, true);
    p.exp_string("Since your last conversation with Ana Ruiz")
        .unwrap();
    p.exp_string("not asked Who else should be in the room next time?")
        .unwrap();
    // A fact: offered as the answer, kept with Enter.
    p.exp_string("What is Ana Ruiz trying to fix or achieve?")
        .unwrap();
    p.exp_string("Learned last time: Missed windows cost them")
        .unwrap();
    p.exp_string("Keep this answer?").unwrap();
    key(&mut p, "\r");
    p.exp_string("Who decides, and how?").unwrap();
    p.exp_string("Learned last time: Ana and the COO decide together")
        .unwrap();
    p.exp_string("Keep this answer?").unwrap();
    key(&mut p, "\r");
    // Learned against a question that means nothing to coach: shown above
    // it, and the answer starts empty.
    p.exp_string("How does Ana Ruiz see us so far?").unwrap();
    p.exp_string("Learned last time: Promising, but they worry")
        .unwrap();
    p.send_line("Promising; size is the worry").unwrap();
    // The questions not asked last time start the plan.
    p.exp_string("Which questions will you ask?").unwrap();
    p.exp_string("Not asked last time: How would you know a pilot had worked?")
        .unwrap();
    p.exp_string("Keep this answer?").unwrap();
    key(&mut p, "\r");
    // A target: the last outcome beside it, the answer typed afresh.
    p.exp_string("What is the best commitment you could ask Ana Ruiz for?")
        .unwrap();
    p.exp_string("Last time: advance").unwrap();
    // (rexpect reads bytes one by one: the dash between is not matched.)
    p.exp_string("agreed: A second meeting with the COO next Thursday")
        .unwrap();
    p.send_line("The COO agrees the pilot scope and a start date")
        .unwrap();
    p.exp_string("Save these notes?").unwrap();
    key(&mut p, "\r");
    p.exp_eof().unwrap();
    assert_eq!(exit_code(&mut p), 0);

    let second = env
        .notes()
        .into_iter()
        .find(|n| {
            n.to_string_lossy()
                .ends_with("2026-12-08-0900-ana-ruiz-prep.md")
        })
        .expect("the second prep");
    let text = std::fs::read_to_string(second).unwrap();
    for want in [
        "\naccount: Borealis Freight\n",
        "  concept: Missed windows cost them their biggest retail contract last year\n",
        "  how_they_buy: Ana and the COO decide together; finance checks payback\n",
        "  their_view: Promising; size is the worry\n",
        "  to_ask:\n  - How would you know a pilot had worked?\n  - Who else should be in the room next time?\n",
        "  hope_for: The COO agrees the pilot scope and a start date\n",
    ] {
        assert!(text.contains(want), "{want:?} not in\n{text}");
    }

    // The second debrief, then the card before the third call.
    coach(&env, "2026-12-08T11:00:00+01:00")
        .args(["debrief", "--with", "Ana Ruiz", "--format", "none", "--answers"])
        .arg(env.write(
            "debrief-2.yaml",
            "answers:\n  got_to: The COO agreed the pilot scope\n  outcome_kind: continuation\n  real_concept: Keep the retail contract they still have\n  ticked:\n    - Who else should be in the room next time?\n  agreed_actions:\n    - \"me: send the pilot contract by 2026-12-18\"\n",
        ))
        .run()
        .success();
    let card = coach(&env, "2026-12-09T09:00:00+01:00")
        .args(["card", "--with", "Ana Ruiz"])
        .run()
        .success();
    let card = card.stdout();
    assert!(
        card.contains("Objective Get the COO to agree the pilot scope"),
        "{card}"
    );
    assert!(
        card.contains("They want learned: Keep the retail contract they still have"),
        "{card}"
    );
    assert!(
        card.contains("Their win Peak season without a missed window"),
        "{card}"
    );
    assert!(
        card.contains("Last time continuation — agreed: The COO agreed the pilot scope"),
        "{card}"
    );
    assert!(
        card.contains("1. How would you know a pilot had worked?"),
        "{card}"
    );
    assert!(
        !card.contains("Who else should be in the room"),
        "asked already:\n{card}"
    );
    assert!(
        card.contains("send the pilot contract (due 2026-12-18)"),
        "{card}"
    );
}

/// A later prep with someone known keeps their account in an answers file,
/// unless the file or a flag says otherwise.
#[test]
fn a_known_persons_account_is_kept_unless_told_otherwise() {
    let env = TestEnv::new();
    prep(&env, "2026-12-01T09:00:00+01:00", "prep-1.yaml");
    let kept = prep(&env, "2026-12-08T09:00:00+01:00", "prep-2.yaml");
    assert_eq!(kept["account"], "Borealis Freight");
    let moved = coach(&env, "2026-12-09T09:00:00+01:00")
        .args([
            "prep",
            "--playbook",
            "call-plan",
            "--format",
            "json",
            "--account",
            "Nordlys AS",
            "--answers",
        ])
        .arg(answers("prep-2.yaml"))
        .run()
        .success()
        .stdout_json();
    assert_eq!(moved["account"], "Nordlys AS");
    // The latest account is the one kept from now on.
    let later = prep(&env, "2026-12-10T09:00:00+01:00", "prep-2.yaml");
    assert_eq!(later["account"], "Nordlys AS");
    // `account: ""` in the file says: none this time.
    let text = std::fs::read_to_string(answers("prep-2.yaml"))
        .unwrap()
        .replace("with: Ana Ruiz\n", "with: Ana Ruiz\naccount: \"\"\n");
    let none = coach(&env, "2026-12-11T09:00:00+01:00")
        .args([
            "prep",
            "--playbook",
            "call-plan",
            "--format",
            "json",
            "--answers",
        ])
        .arg(env.write("no-account.yaml", &text))
        .run()
        .success()
        .stdout_json();
    assert_eq!(none["account"], "");
}
