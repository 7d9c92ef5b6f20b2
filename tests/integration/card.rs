//! `coach card`: the one-screen card before a call, from the latest prep.

use crate::env::{TestEnv, fixture};

fn prep(env: &TestEnv, answers: &std::path::Path) -> String {
    let playbook = match answers.file_stem().and_then(|s| s.to_str()) {
        Some("personal") => "personal",
        _ => "discovery",
    };
    let doc = env
        .coach()
        .args([
            "prep",
            "--format",
            "json",
            "--playbook",
            playbook,
            "--answers",
        ])
        .arg(answers)
        .run()
        .success()
        .stdout_json();
    doc["id"].as_str().unwrap().to_string()
}

fn fits(card: &str) {
    assert!(
        card.lines().count() <= 24,
        "{} lines:\n{card}",
        card.lines().count()
    );
    for line in card.lines() {
        assert!(
            line.chars().count() <= 80,
            "{} columns: {line}",
            line.chars().count()
        );
    }
}

#[test]
fn the_card_for_jane() {
    let env = TestEnv::new();
    let id = prep(&env, &fixture("answers/discovery.yaml"));
    env.coach()
        .args(["debrief", "--prep", &id, "--format", "none", "--answers"])
        .arg(fixture("answers/debrief.yaml"))
        .env("COACH_NOW", "2026-11-22T16:00:00+01:00")
        .run()
        .success();
    let out = env.run(["card", "--with", "jane smith"]).success();
    let card = out.stdout();
    fits(card);
    insta::assert_snapshot!("card-jane", card);
    // The same prep by id prefix, and the latest prep without arguments.
    assert_eq!(env.run(["card", &id[..13]]).success().stdout(), card);
    assert_eq!(env.run(["card"]).success().stdout(), card);
}

#[test]
fn open_questions_come_first_and_other_playbooks_show_what_exists() {
    let env = TestEnv::new();
    let text = std::fs::read_to_string(fixture("answers/discovery.yaml"))
        .unwrap()
        .replace(
            "    - What does a new agent's first week look like today?\n",
            "    - Do you have a budget?\n    - Can you sign today?\n    - What does a new agent's first week look like today?\n",
        );
    let answers = env.write("closed.yaml", &text);
    prep(&env, &answers);
    let out = env.run(["card", "--with", "Jane"]).success();
    let card = out.stdout();
    let asks: Vec<&str> = card
        .lines()
        .filter(|l| l.starts_with("  ") && l.contains(". "))
        .collect();
    assert_eq!(
        asks,
        [
            "  1. What does a new agent's first week look like today?",
            "  2. How will you know the new onboarding is working?",
            "  3. How do decisions like this usually get made here?",
        ],
        "{card}"
    );
    // A personal prep has none of the discovery ids: the card is short, not empty.
    prep(&env, &fixture("answers/personal.yaml"));
    let out = env.run(["card", "--with", "mum"]).success();
    let card = out.stdout();
    fits(card);
    assert!(card.starts_with("Mum"), "{card}");
}

#[test]
fn long_answers_still_fit_one_screen() {
    let env = TestEnv::new();
    let long = "a very long answer that goes on and on ".repeat(12);
    let mut text = std::fs::read_to_string(fixture("answers/discovery.yaml")).unwrap();
    for key in ["objective", "personal_win", "best_action", "minimum_action"] {
        let start = text.find(&format!("\n  {key}: ")).unwrap() + 1;
        let end = start + text[start..].find('\n').unwrap();
        text.replace_range(start..end, &format!("  {key}: {long}"));
    }
    text = text.replace(
        "    - What does a new agent's first week look like today?\n",
        &format!("    - How {long}?\n").repeat(8),
    );
    text = text.replace(
        "with: Jane Smith",
        &format!("with: Jane {}", "Smith".repeat(30)),
    );
    let answers = env.write("long.yaml", &text);
    prep(&env, &answers);
    let out = env.run(["card"]).success();
    let card = out.stdout();
    fits(card);
    assert!(card.contains('…'), "{card}");
}

#[test]
fn no_prep_is_not_found() {
    let env = TestEnv::new();
    env.run(["card"]).code(66).stderr_has("no prep yet");
    prep(&env, &fixture("answers/discovery.yaml"));
    env.run(["card", "--with", "Nobody"])
        .code(66)
        .stderr_has("no prep with `Nobody`");
    env.run(["card", "1999"])
        .code(66)
        .stderr_has("no prep `1999`");
}
