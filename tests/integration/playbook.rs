//! `coach playbook`: validation with places, the schema, and the authoring
//! commands, through the real binary.

use std::path::PathBuf;
use std::time::Duration;

use crate::env::{Coach, TestEnv, fixture};

/// One fixture per validation rule: the exact messages and places.
#[test]
fn every_invalid_fixture_is_reported_with_its_place() {
    let dir = fixture("invalid");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(files.len() >= 20, "{files:?}");
    for file in files {
        let name = file.file_stem().unwrap().to_string_lossy().into_owned();
        let env = TestEnv::new();
        let out = env
            .coach()
            .current_dir(&dir)
            .args(["playbook", "validate"])
            .arg(file.file_name().unwrap())
            .run()
            .code(65);
        let stderr = out.stderr();
        assert!(stderr.contains(&format!("{name}.yaml")), "{stderr}");
        insta::assert_snapshot!(format!("invalid-{name}"), stderr);
    }
}

#[test]
fn every_shipped_playbook_validates_and_lints_clean() {
    let env = TestEnv::new();
    env.run(["playbook", "validate"])
        .success()
        .stdout_has("ok  discovery")
        .stdout_has("ok  personal");
    env.run(["playbook", "lint"]).success();
}

/// Hostile YAML ends in a clear error, never a hang or a crash.
#[test]
fn hostile_yaml_is_refused_quickly() {
    let env = TestEnv::new();
    let bomb = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\ng: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\nh: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]\ni: [*h, *h, *h, *h, *h, *h, *h, *h, *h]\n";
    let deep = format!(
        "title: Deep\nkind: prep\nsections: {}{}\n",
        "[".repeat(20_000),
        "]".repeat(20_000)
    );
    let mut huge = String::from("title: Huge\nkind: prep\nsummary: ");
    huge.push_str(&"x".repeat(50 * 1024 * 1024));
    for (name, text, expect) in [
        ("bomb.yaml", bomb.to_string(), "invalid YAML"),
        ("deep.yaml", deep, "invalid YAML"),
        ("huge.yaml", huge, "coach reads files of at most"),
    ] {
        let path = env.write(name, &text);
        env.coach()
            .args(["playbook", "validate"])
            .arg(&path)
            .timeout(Duration::from_secs(20))
            .run()
            .code(65)
            .stderr_has(expect);
    }
}

#[test]
fn the_schema_in_the_repository_is_current() {
    let out = Coach::new().args(["playbook", "schema"]).run().success();
    let printed = out.stdout();
    let kept = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/schema/playbook.schema.json"
    ))
    .unwrap();
    assert!(
        printed == kept,
        "schema/playbook.schema.json is out of date: run `cargo run -- playbook schema > schema/playbook.schema.json`"
    );
}

/// The repository's schema and a validator for it.
fn schema() -> (serde_json::Value, jsonschema::Validator) {
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../../schema/playbook.schema.json")).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("a valid JSON Schema");
    (schema, validator)
}

fn yaml_to_json(text: &str) -> serde_json::Value {
    serde_saphyr::from_str(text).expect("YAML")
}

/// Every file in `playbooks/`: its path and its text, in name order.
fn shipped_playbooks() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/playbooks");
    let mut shipped: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    shipped.sort();
    assert!(shipped.len() >= 6, "{shipped:?}");
    shipped
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            (path.display().to_string(), text)
        })
        .collect()
}

#[test]
fn the_schema_accepts_shipped_playbooks_and_rejects_mistakes() {
    let (_, validator) = schema();
    for (name, text) in shipped_playbooks() {
        let errors: Vec<String> = validator
            .iter_errors(&yaml_to_json(&text))
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:?}");
    }
    let good = "title: T\nkind: prep\nsections:\n  - id: s\n    title: S\n    questions:\n      - id: q\n        ask: Q?\n        type: choice\n        choices: [a, {value: b, label: B, hint: h}]\n";
    assert!(validator.is_valid(&yaml_to_json(good)));
    for bad in [
        good.replace("ask: Q?", "aks: Q?"),
        good.replace("kind: prep", "kind: prepp"),
        good.replace("type: choice", "type: choice\n        required: maybe"),
        good.replace("hint: h", "hnit: h"),
        good.replace("title: T\n", ""),
    ] {
        assert!(!validator.is_valid(&yaml_to_json(&bad)), "accepted:\n{bad}");
    }
}

/// The schema is as strict as the loader where a schema can say it: every
/// invalid fixture rejected for such a reason is rejected by the schema too.
#[test]
fn the_schema_rejects_what_the_loader_rejects_where_a_schema_can_say_it() {
    let (schema, validator) = schema();
    for name in [
        "bad-ids",
        "empty-questions",
        "empty-sections",
        "missing-keys",
        "unknown-key",
        "unknown-kind",
        "unknown-type",
        "wrong-type",
        "means-unknown",
        "debrief-keys-in-prep",
    ] {
        let text = std::fs::read_to_string(fixture(&format!("invalid/{name}.yaml"))).unwrap();
        assert!(
            !validator.is_valid(&yaml_to_json(&text)),
            "the schema accepts {name}.yaml, which the loader rejects"
        );
    }
    let good = "title: T\nkind: prep\nsections:\n  - id: s\n    title: S\n    questions:\n      - id: q\n        ask: Q?\n";
    assert!(validator.is_valid(&yaml_to_json(good)));
    for bad in [
        format!("version: 0\n{good}"),
        format!("id: \"\"\n{good}"),
        good.replace("id: q", "id: Q-1"),
        good.replace("ask: Q?", "ask: Q?\n        depth: deep"),
        good.replace("ask: Q?", "ask: Q?\n        choices_from: planned"),
    ] {
        assert!(!validator.is_valid(&yaml_to_json(&bad)), "accepted:\n{bad}");
    }
    // Enums are plain lists of names, so an editor can say which.
    let types = &schema["$defs"]["QuestionType"];
    assert_eq!(types["enum"].as_array().map(Vec::len), Some(10), "{types}");
}

#[test]
fn shipped_playbooks_carry_the_schema_modeline() {
    for (name, text) in shipped_playbooks() {
        assert!(
            text.starts_with("# yaml-language-server: $schema=../schema/playbook.schema.json\n"),
            "{name}"
        );
    }
}

#[test]
fn list_shows_built_in_user_and_team_playbooks() {
    let env = TestEnv::new();
    let team = env.dir.path().join("team");
    env.write("team/discovery.yaml", "title: Team discovery\nkind: prep\nsummary: Ours.\nsections:\n  - id: s\n    title: S\n    questions:\n      - id: q\n        ask: Q?\n");
    env.write("team/broken.yaml", "title: [\n");
    env.write("config/playbooks/renewal.yaml", "title: Renewal\nkind: prep\nversion: 3\nsections:\n  - id: s\n    title: S\n    questions:\n      - id: q\n        ask: Q?\n");
    let json = env
        .coach()
        .env("COACH_PLAYBOOK_PATH", &team)
        .args(["playbook", "list", "--format", "json"])
        .run()
        .success()
        .stdout_json();
    let rows: Vec<(String, String, bool, bool)> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap().to_string(),
                r["source"].as_str().unwrap().to_string(),
                r["overridden"].as_bool().unwrap(),
                r["error"].is_null(),
            )
        })
        .collect();
    let row = |id: &str, source: &str, overridden: bool, ok: bool| {
        (id.to_string(), source.to_string(), overridden, ok)
    };
    assert_eq!(
        rows,
        vec![
            row("broken", "team", false, false),
            row("discovery", "team", false, true),
            row("renewal", "user", false, true),
            row("discovery", "built-in", true, true),
            row("group-decision", "built-in", false, true),
            row("follow-up", "built-in", false, true),
            row("negotiation", "built-in", false, true),
            row("renewal", "built-in", true, true),
            row("proposal", "built-in", false, true),
            row("internal", "built-in", false, true),
            row("personal", "built-in", false, true),
            row("repair", "built-in", false, true),
            row("debrief", "built-in", false, true),
            row("group-debrief", "built-in", false, true),
            row("personal-debrief", "built-in", false, true),
        ]
    );
    assert_eq!(json[2]["version"], 3);
    assert_eq!(json[1]["summary"], "Ours.");
}

#[test]
fn show_prints_the_flow_as_an_outline() {
    let out = Coach::new()
        .args(["playbook", "show", "personal"])
        .run()
        .success();
    insta::assert_snapshot!("show-personal", out.stdout());
}

#[test]
fn new_writes_a_starter_and_never_overwrites() {
    let env = TestEnv::new();
    let path = env.dir.path().join("config/playbooks/renewal.yaml");
    let out = env.run(["playbook", "new", "renewal"]).success();
    assert_eq!(
        out.stdout(),
        format!("{}\n", path.display()),
        "the new file's path"
    );
    let text = std::fs::read_to_string(&path).unwrap();
    // The modeline of the shipped playbooks and a team's checkout, with
    // the schema where it points.
    assert!(
        text.starts_with("# yaml-language-server: $schema=../schema/playbook.schema.json\n"),
        "{text}"
    );
    assert!(
        env.dir
            .path()
            .join("config/schema/playbook.schema.json")
            .is_file()
    );
    // It loads, and is found by name.
    env.run(["playbook", "validate", "renewal"]).success();
    // A second `new` with the same name leaves the file alone.
    std::fs::write(&path, "# mine\n").unwrap();
    env.run(["playbook", "new", "renewal"])
        .code(1)
        .stderr_has("never overwrites");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "# mine\n");
}

#[test]
fn new_from_copies_a_playbook_under_the_new_id() {
    let env = TestEnv::new();
    env.run(["playbook", "new", "my-discovery", "--from", "discovery"])
        .success();
    let json = env
        .run(["playbook", "list", "--format", "json"])
        .success()
        .stdout_json();
    assert_eq!(json[0]["id"], "my-discovery");
    assert_eq!(json[0]["title"], "Discovery call");
    env.run(["playbook", "new", "Bad Name"]).code(2);
}

#[test]
fn lint_warns_with_places_and_exits_1() {
    let env = TestEnv::new();
    let path = env.write(
        "leading.yaml",
        "title: Leading\nkind: prep\nsections:\n  - id: s\n    title: S\n    questions:\n      - id: q\n        ask: What will you ask?\n        help: For example \"Don't you think it's time to upgrade?\"\n        type: list\n",
    );
    let out = env
        .coach()
        .args(["playbook", "lint"])
        .arg(&path)
        .run()
        .code(1);
    let stderr = env.redact(out.stderr());
    assert!(
        stderr.contains("leading.yaml:3:1: warning: no question has `check: questions`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("leading.yaml:4:9: warning: section `s` has no `why`"),
        "{stderr}"
    );
    assert!(stderr.contains("leading.yaml:9:28: warning: the example question in `help` \"Don't you think it's time to upgrade?\" is closed and leading"), "{stderr}");
    env.coach()
        .args(["playbook", "validate"])
        .arg(&path)
        .run()
        .success();
}

/// A team's prep and debrief, copied into a folder with one mistake each
/// way, as `(dir, prep path, debrief path)`.
fn team_pair(env: &TestEnv, plan: &str, debrief_key: &str) -> (PathBuf, PathBuf, PathBuf) {
    let from = fixture("playbooks/green-sheet");
    let prep = std::fs::read_to_string(from.join("call-plan.yaml"))
        .unwrap()
        .replace("debrief: call-review", debrief_key);
    let debrief = std::fs::read_to_string(from.join("call-review.yaml"))
        .unwrap()
        .replace("plan: concept", &format!("plan: {plan}"));
    let prep = env.write("team/call-plan.yaml", &prep);
    let debrief = env.write("team/call-review.yaml", &debrief);
    (prep.parent().unwrap().to_path_buf(), prep, debrief)
}

#[test]
fn a_prep_and_its_debrief_are_checked_together_from_either_side() {
    let env = TestEnv::new();
    // Given side by side on the command line, they find each other.
    let (dir, prep, debrief) = team_pair(&env, "concept", "debrief: call-review");
    env.coach()
        .args(["playbook", "validate"])
        .arg(&prep)
        .arg(&debrief)
        .run()
        .success()
        .stdout_has("ok  call-plan")
        .stdout_has("ok  call-review");

    // A plan naming no prep question: found from the debrief alone, in the
    // debrief's file, with a did-you-mean, …
    let (dir2, prep, debrief) = team_pair(&env, "concpt", "debrief: call-review");
    assert_eq!(dir, dir2);
    let alone = env
        .coach()
        .env("COACH_PLAYBOOK_PATH", &dir)
        .current_dir(&dir)
        .args(["playbook", "validate", "call-review.yaml"])
        .run()
        .code(65);
    insta::assert_snapshot!("team-plan-from-the-debrief", alone.stderr());
    // … from the prep alone (the debrief is on the search path), and once
    // when both are given.
    env.coach()
        .env("COACH_PLAYBOOK_PATH", &dir)
        .args(["playbook", "validate"])
        .arg(&prep)
        .run()
        .code(65)
        .stderr_has("call-review.yaml:33:15: error: `plan: concpt`");
    let both = env
        .coach()
        .args(["playbook", "validate"])
        .arg(&prep)
        .arg(&debrief)
        .run()
        .code(65);
    assert_eq!(
        both.stderr().matches("`plan: concpt`").count(),
        1,
        "{}",
        both.stderr()
    );
    both.stdout_has("ok  call-plan")
        .stdout_has("FAIL  call-review");
}

#[test]
fn a_wrong_debrief_name_is_reported_with_the_other_problems_of_its_file() {
    let env = TestEnv::new();
    let (dir, _, _) = team_pair(&env, "concept", "debrief: call-reveiw");
    let text = std::fs::read_to_string(dir.join("call-plan.yaml"))
        .unwrap()
        .replace(
            "        means: planned_questions\n",
            "        means: planned_questions\n        aks: typo\n",
        );
    std::fs::write(dir.join("call-plan.yaml"), text).unwrap();
    let out = env
        .coach()
        .env("COACH_PLAYBOOK_PATH", &dir)
        .current_dir(&dir)
        .args(["playbook", "validate", "call-plan.yaml"])
        .run()
        .code(65);
    insta::assert_snapshot!("team-debrief-name-beside-other-problems", out.stderr());
}

/// `prep.answers.<id>`, `prep.means.<meaning>` and `prep.<name>` in a
/// debrief's templates and conditions are checked against the prep that
/// names it; `lint` points at a `prep` printed without a guard.
#[test]
fn prep_references_are_checked_against_the_linked_prep() {
    let env = TestEnv::new();
    let (dir, prep, _) = team_pair(&env, "concept", "debrief: call-review");
    let debrief = std::fs::read_to_string(dir.join("call-review.yaml"))
        .unwrap()
        .replace(
            "        ask: What did {{ with }} agree to?\n",
            "        ask: \"You hoped for {{ prep.answers.hope_fr }}; {{ prep.means.objectiv }} {{ prep.goal }}. What did {{ with }} agree to?\"\n        help: Prose that says prep.md or prep.e.g. is not code.\n",
        );
    let debrief = env.write("team/call-review.yaml", &debrief);
    let out = env
        .coach()
        .current_dir(&dir)
        .args(["playbook", "validate", "call-plan.yaml", "call-review.yaml"])
        .run()
        .code(65);
    insta::assert_snapshot!("team-prep-references", out.stderr());
    // Spelled right, it validates, and lint says it is printed unguarded.
    let fixed = std::fs::read_to_string(&debrief).unwrap().replace(
        "{{ prep.answers.hope_fr }}; {{ prep.means.objectiv }} {{ prep.goal }}",
        "{{ prep.answers.hope_for }}",
    );
    std::fs::write(&debrief, fixed).unwrap();
    env.coach()
        .args(["playbook", "validate"])
        .arg(&prep)
        .arg(&debrief)
        .run()
        .success();
    env.coach()
        .args(["playbook", "lint"])
        .arg(&prep)
        .arg(&debrief)
        .run()
        .code(1)
        .stderr_has("warning: `ask` prints `prep` without `{% if prep %}`");
}

/// Two files with one id in a team folder: a warning naming both, and
/// `list`, `show` and `prep` use the same one.
#[test]
fn two_files_with_one_id_are_warned_about_and_every_command_uses_the_same() {
    let env = TestEnv::new();
    let one = "id: shared\ntitle: The first\nkind: prep\nsections:\n  - id: s\n    title: S\n    questions:\n      - id: q\n        ask: First?\n";
    env.write("team/b-shared.yaml", one);
    env.write(
        "team/a-shared.yaml",
        &one.replace("The first", "The second")
            .replace("First?", "Second?"),
    );
    let dir = env.home().parent().unwrap().join("team");
    let list = env
        .coach()
        .env("COACH_PLAYBOOK_PATH", &dir)
        .args(["playbook", "list", "--format", "json"])
        .run()
        .success();
    let rows = list.stdout_json();
    list.stderr_has("have the id `shared`")
        .stderr_has("a-shared.yaml is used, ")
        .stderr_has("b-shared.yaml is not");
    let active: Vec<&serde_json::Value> = rows
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["id"] == "shared" && r["overridden"] == false)
        .collect();
    assert_eq!(active.len(), 1);
    assert_eq!(active[0]["title"], "The second");
    // Named on the command line, as a team's CI does, they are warned about too.
    env.coach()
        .args(["playbook", "validate"])
        .arg(dir.join("a-shared.yaml"))
        .arg(dir.join("b-shared.yaml"))
        .run()
        .success()
        .stderr_has("have the id `shared`");
    env.coach()
        .env("COACH_PLAYBOOK_PATH", &dir)
        .args(["playbook", "show", "shared"])
        .run()
        .success()
        .stdout_has("shared — The second");
    env.coach()
        .env("COACH_PLAYBOOK_PATH", &dir)
        .args([
            "prep",
            "--playbook",
            "shared",
            "--with",
            "Sam",
            "--no-input",
            "--format",
            "json",
        ])
        .run()
        .success()
        .stdout_has("\"title\": \"The second with Sam\"");
}

/// `playbook new --kind debrief` writes a debrief starter with its meanings,
/// valid and lint-clean beside the prep starter.
#[test]
fn a_debrief_starter_comes_with_its_meanings() {
    let env = TestEnv::new();
    env.run(["playbook", "new", "renewal"]).success();
    let out = env
        .run(["playbook", "new", "renewal-debrief", "--kind", "debrief"])
        .success();
    let path = out.stdout().trim().to_string();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("kind: debrief\n") && text.contains("means: next_steps"),
        "{text}"
    );
    env.run(["playbook", "lint", "renewal-debrief"]).success();
    env.run(["playbook", "show", "renewal-debrief"])
        .success()
        .stdout_has("means: outcome")
        .stdout_has("choices from: prep.planned_questions");
}

/// A team's prep may name a built-in debrief: it fits itself to the prep
/// (by meaning) and is never failed for the prep's ids.
#[test]
fn a_prep_naming_a_built_in_debrief_validates() {
    let env = TestEnv::new();
    let prep = env.write(
        "own/mine.yaml",
        "title: Mine\nkind: prep\ndebrief: debrief\nsections:\n  - id: s\n    title: S\n    questions:\n      - id: aim\n        ask: Aim?\n        means: objective\n",
    );
    env.coach()
        .args(["playbook", "validate"])
        .arg(&prep)
        .run()
        .success()
        .stdout_has("ok  mine");
}
