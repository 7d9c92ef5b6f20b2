//! `coach account`: the Blue Sheet of one account, put together from a
//! group prep with people, preps with two of them and a debrief — each
//! person's facts, the session each came from, the red flags — and the one
//! line of flags on the card and in the next prep.

use crate::env::{TestEnv, fixture};

const ACCOUNT: &str = "Northwind Logistics";

/// A prep at Northwind with `with`, on `now`, from the discovery answers.
fn discovery_with(env: &TestEnv, with: &str, now: &str) -> String {
    let text = std::fs::read_to_string(fixture("answers/discovery.yaml"))
        .unwrap()
        .replace("with: Jane Smith", &format!("with: {with}"))
        .replace("account: Acme Corp", &format!("account: {ACCOUNT}"));
    let answers = env.write("discovery-answers.yaml", &text);
    id_of(
        env.coach()
            .env("COACH_NOW", now)
            .args(["prep", "--format", "json", "--answers"])
            .arg(answers)
            .run()
            .success()
            .stdout_json(),
    )
}

fn id_of(doc: serde_json::Value) -> String {
    doc["id"].as_str().unwrap().to_string()
}

/// The group prep (people), preps with two of them, the group debrief.
fn northwind(env: &TestEnv) -> (String, String, String, String) {
    let group = id_of(
        env.coach()
            .env("COACH_NOW", "2026-11-10T09:00:00+01:00")
            .args([
                "prep",
                "--playbook",
                "group-decision",
                "--format",
                "json",
                "--answers",
            ])
            .arg(fixture("answers/group-decision.yaml"))
            .run()
            .success()
            .stdout_json(),
    );
    let maria = discovery_with(env, "Maria Lopez", "2026-11-12T09:00:00+01:00");
    let priya = discovery_with(env, "Priya Shah", "2026-11-14T09:00:00+01:00");
    let debrief = id_of(
        env.coach()
            .env("COACH_NOW", "2026-11-20T17:00:00+01:00")
            .args(["debrief", "--prep", &group, "--format", "json", "--answers"])
            .arg(fixture("answers/group-debrief.yaml"))
            .run()
            .success()
            .stdout_json(),
    );
    (group, maria, priya, debrief)
}

fn person<'a>(doc: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    doc["people"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == name)
        .unwrap_or_else(|| panic!("{name} is not in {doc:#}"))
}

fn kinds(doc: &serde_json::Value) -> Vec<&str> {
    doc["red_flags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect()
}

#[test]
fn the_blue_sheet_puts_every_session_at_an_account_together() {
    let env = TestEnv::new();
    let (group, maria, priya, debrief) = northwind(&env);
    let doc = env
        .coach()
        .args(["account", "northwind", "--format", "json"])
        .run()
        .success()
        .stderr_has("Taking “northwind” as Northwind Logistics")
        .stdout_json();
    assert_eq!(doc["account"], ACCOUNT);
    assert_eq!(doc["sessions"], 4);

    // Tom: planned in the prep, updated by the debrief; never met.
    let tom = person(&doc, "Tom Reyes");
    assert_eq!(tom["roles"], serde_json::json!(["economic"]));
    assert_eq!(tom["influence"], "high");
    assert_eq!(
        tom["mode"], "trouble",
        "the debrief's word wins over the prep's even_keel"
    );
    assert_eq!(tom["rating"], 1);
    assert_eq!(
        tom["win"],
        "A clean story for the board about service levels"
    );
    assert_eq!(tom["met"], false);
    assert_eq!(tom["last_seen"], debrief.as_str());
    assert_eq!(tom["sources"]["mode"], debrief.as_str());
    assert_eq!(tom["sources"]["roles"], debrief.as_str());

    // Maria: a record in the prep, the debrief, and a prep of her own.
    let m = person(&doc, "Maria Lopez");
    assert_eq!(m["roles"], serde_json::json!(["user", "coach"]));
    assert_eq!(m["met"], true);
    assert_eq!(m["last_seen"], debrief.as_str());
    assert_eq!(m["sources"]["met"], maria.as_str());
    // Her own win is the prep's: the debrief left it out.
    assert_eq!(m["win"], "Fewer night calls about late trucks");
    assert_eq!(m["sources"]["win"], group.as_str());

    // Priya: screens it, weighs heavily now, against us, mode unknown.
    let p = person(&doc, "Priya Shah");
    assert_eq!(p["roles"], serde_json::json!(["technical"]));
    assert_eq!(
        (p["influence"].as_str(), p["rating"].as_i64()),
        (Some("high"), Some(-2))
    );
    assert_eq!(p["met"], true);
    assert_eq!(p["sources"]["met"], priya.as_str());
    assert_eq!(p["mode"], serde_json::Value::Null);

    // Ken was planned for and left off the meeting's list: he has left the
    // sheet. The night shift came from the debrief.
    assert!(!doc.to_string().contains("Ken Ito"), "{doc:#}");
    assert_eq!(
        person(&doc, "Night-shift planners")["sources"]["roles"],
        debrief.as_str()
    );

    assert_eq!(
        kinds(&doc),
        [
            "economic_not_met",
            "high_influence_against",
            "high_influence_mode_unknown"
        ]
    );
    let flags = doc["red_flags"].as_array().unwrap();
    assert_eq!(
        flags[0]["message"],
        "You have never had a session with Tom Reyes, who signs."
    );

    // The table says the same, with where each fact came from.
    let out = env.coach().args(["account", ACCOUNT]).run().success();
    env.settings()
        .bind(|| insta::assert_snapshot!("northwind-table", out.stdout()));
}

#[test]
fn red_flags_follow_the_sessions() {
    let env = TestEnv::new();
    northwind(&env);
    // Six weeks later, the account has gone quiet.
    let doc = env
        .coach()
        .env("COACH_NOW", "2027-01-05T09:00:00+01:00")
        .args(["account", ACCOUNT, "--format", "json"])
        .run()
        .success()
        .stdout_json();
    assert_eq!(
        kinds(&doc),
        [
            "economic_not_met",
            "high_influence_against",
            "high_influence_mode_unknown",
            "no_recent_session"
        ]
    );
    // The next prep with someone there shows the flags in one line.
    let text = std::fs::read_to_string(fixture("answers/discovery.yaml"))
        .unwrap()
        .replace("with: Jane Smith", "with: Tom Reyes")
        .replace("account: Acme Corp", &format!("account: {ACCOUNT}"))
        // The parts he plays, as a discovery prep records them (`multi`).
        .replace("influences: [user, coach]", "influences: [economic]");
    let answers = env.write("tom.yaml", &text);
    env.coach()
        .env("COACH_NOW", "2027-01-05T09:00:00+01:00")
        .args(["prep", "--format", "none", "--answers"])
        .arg(&answers)
        .run()
        .success()
        .stderr_has(&format!(
            "Red flags at {ACCOUNT}: never met Tom Reyes, who signs; Priya Shah rates you -2; how Priya Shah sees it is unknown; no session in 46 days.\n"
        ));
    // Meeting Tom, and a session today, clear both.
    let doc = env
        .coach()
        .env("COACH_NOW", "2027-01-05T10:00:00+01:00")
        .args(["account", ACCOUNT, "--format", "json"])
        .run()
        .success()
        .stdout_json();
    assert_eq!(person(&doc, "Tom Reyes")["met"], true);
    assert_eq!(
        person(&doc, "Tom Reyes")["roles"],
        serde_json::json!(["economic"])
    );
    assert_eq!(
        kinds(&doc),
        ["high_influence_against", "high_influence_mode_unknown"]
    );
    // The card of that prep shows them too.
    env.coach()
        .env("COACH_NOW", "2027-01-05T10:00:00+01:00")
        .args(["card", "--with", "Tom Reyes"])
        .run()
        .success()
        .stdout_has("Red flags Priya Shah rates you -2; how Priya Shah sees it is unknown.");
}

#[test]
fn an_account_with_no_sessions_is_not_found() {
    let env = TestEnv::new();
    northwind(&env);
    env.coach()
        .args(["account", "Nortwind"])
        .run()
        .code(66)
        .stderr_has("no session at account `Nortwind`; did you mean `Northwind Logistics`?");
    env.coach()
        .args(["account", "  "])
        .run()
        .code(2)
        .stderr_has("the account is empty");
}
