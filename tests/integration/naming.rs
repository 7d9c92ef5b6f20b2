//! One way to name a session and one way to match a person, through every
//! command that takes one: `show`, `card`, `debrief --prep`, `--resume`,
//! `followups --done`, `debrief --with`, `card --with` and the filters.

use crate::env::{TestEnv, fixture};

const JANE: &str = "2026-11-22-1403-jane-smith-prep";

fn debrief(env: &TestEnv, args: &[&str]) -> serde_json::Value {
    env.coach()
        .args(["debrief", "--format", "json", "--answers"])
        .arg(fixture("answers/debrief.yaml"))
        .args(args)
        .env("COACH_NOW", "2026-11-22T16:00:00+01:00")
        .run()
        .success()
        .stdout_json()
}

/// `prep --resume TEXT`, answered from the discovery answers; its JSON.
fn resume(env: &TestEnv, text: &str) -> serde_json::Value {
    env.coach()
        .args(["prep", "--format", "json", "--resume", text, "--answers"])
        .arg(fixture("answers/discovery.yaml"))
        .run()
        .success()
        .stdout_json()
}

/// A draft as coach writes one, for `--resume`.
fn draft(env: &TestEnv, id: &str, started: &str) {
    env.write(
        &format!("home/drafts/{id}.yaml"),
        &format!(
            "id: {id}\nkind: prep\nplaybook: discovery\nwith: Raj Patel\naccount: Initech\n\
             started: {started}\nanswers:\n  objective: Learn about {id}\nasked:\n- objective\n\
             coach_version: 0.1.0\n"
        ),
    );
}

#[test]
fn two_preps_in_the_same_minute_keep_their_exact_ids_everywhere() {
    let env = TestEnv::new();
    assert_eq!(env.prep("Jane Smith", Some("First things first")), JANE);
    let second = env.prep("Jane Smith", Some("The second call"));
    assert_eq!(second, format!("{JANE}-2"));
    // show: the exact id, not "matches 2".
    let shown = env.run(["show", JANE, "--format", "json"]).success();
    assert_eq!(shown.stdout_json()["id"], JANE);
    assert_eq!(
        env.run(["show", &second, "--format", "json"])
            .success()
            .stdout_json()["id"],
        second.as_str()
    );
    // card: the exact id's prep.
    env.run(["card", JANE])
        .success()
        .stdout_has("First things first");
    env.run(["card", &second])
        .success()
        .stdout_has("The second call");
    // debrief --prep: the exact id (this exited 2 before).
    assert_eq!(debrief(&env, &["--prep", JANE])["prep"], JANE);
    // --resume: the exact draft id, with its -2 sibling left alone.
    draft(
        &env,
        "2026-11-21-0900-raj-patel-prep",
        "2026-11-21T09:00:00+01:00",
    );
    draft(
        &env,
        "2026-11-21-0900-raj-patel-prep-2",
        "2026-11-21T09:00:00+01:00",
    );
    let resumed = resume(&env, "2026-11-21-0900-raj-patel-prep");
    assert_eq!(resumed["id"], "2026-11-21-0900-raj-patel-prep");
    assert_eq!(resumed["with"], "Raj Patel");
    assert_eq!(
        resumed["answers"]["objective"],
        "Learn about 2026-11-21-0900-raj-patel-prep"
    );
    assert!(
        env.home()
            .join("drafts/2026-11-21-0900-raj-patel-prep-2.yaml")
            .exists()
    );
    // A prefix of both is ambiguous, and says which they are.
    env.run(["show", "2026-11-22-1403-jane"])
        .code(2)
        .stderr_has(&format!("any of 2 sessions:\n  {JANE}\n  {JANE}-2\n"));
    env.run(["card", "2026-11-22"])
        .code(2)
        .stderr_has("give more of the id");
}

#[test]
fn latest_is_the_newest_everywhere() {
    let env = TestEnv::new();
    env.run(["show", "latest"])
        .code(66)
        .stderr_has("no session yet");
    env.run(["card", "latest"])
        .code(66)
        .stderr_has("no prep yet");
    env.prep("Jane Smith", Some("Older"));
    let newest = env
        .coach()
        .args(["prep", "--format", "json", "--answers"])
        .arg(fixture("answers/discovery.yaml"))
        .env("COACH_NOW", "2026-11-22T15:00:00+01:00")
        .run()
        .success()
        .stdout_json()["id"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(
        env.run(["show", "latest", "--format", "json"])
            .success()
            .stdout_json()["id"],
        newest.as_str()
    );
    env.run(["card", "latest"])
        .success()
        .stdout_has("Understand how new hires");
    // The debrief is the newest session now, but `card latest` is the latest prep.
    assert_eq!(
        debrief(&env, &["--prep", "latest"])["prep"],
        newest.as_str()
    );
    env.run(["card", "latest"]).success();
    let debrief_id = env
        .run(["show", "latest", "--format", "json"])
        .success()
        .stdout_json()["id"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(debrief_id.ends_with("-debrief"), "{debrief_id}");
    // A path names a session too.
    let path = env.notes_dir().join(format!("{JANE}.md"));
    env.coach()
        .arg("show")
        .arg(&path)
        .run()
        .success()
        .stdout_has("Older");
    // --resume latest is the newest draft.
    draft(
        &env,
        "2026-11-20-0900-raj-patel-prep",
        "2026-11-20T09:00:00+01:00",
    );
    draft(
        &env,
        "2026-11-21-0900-raj-patel-prep",
        "2026-11-21T09:00:00+01:00",
    );
    let resumed = resume(&env, "latest");
    assert_eq!(resumed["id"], "2026-11-21-0900-raj-patel-prep");
}

#[test]
fn an_unknown_id_suggests_the_closest_and_a_debrief_is_not_a_prep() {
    let env = TestEnv::new();
    env.prep("Jane Smith", Some("Learn"));
    env.run(["show", "2026-11-22-1430-jane"])
        .code(66)
        .stderr_has(&format!(
            "no session `2026-11-22-1430-jane`; did you mean `{JANE}`?"
        ));
    env.run(["card", "1999"])
        .code(66)
        .stderr_has("no prep `1999`");
    let debrief_id = debrief(&env, &["--prep", JANE])["id"]
        .as_str()
        .unwrap()
        .to_string();
    env.run(["card", &debrief_id])
        .code(2)
        .stderr_has("is a debrief session, not a prep");
    env.coach()
        .args(["debrief", "--prep", &debrief_id, "--no-input"])
        .run()
        .code(2)
        .stderr_has("is a debrief session, not a prep");
    // A follow-up is named the same way: an exact id or a unique prefix.
    let first = format!("{debrief_id}#1");
    env.run(["followups", "--done", &first])
        .success()
        .stdout_has(&format!("Marked done: {first}"));
    env.run(["followups", "--done", &debrief_id])
        .code(2)
        .stderr_has("any of 3 follow-ups");
    env.run(["followups", "--done", &format!("{debrief_id}#9")])
        .code(66)
        .stderr_has("did you mean");
}

#[test]
fn a_unicode_name_is_one_person_in_card_debrief_history_and_followups() {
    let env = TestEnv::new();
    let id = env.prep("Zoë Ångström", Some("Learn what Zoë needs"));
    env.run(["card", "--with", "ZOË ÅNGSTRÖM"])
        .success()
        .stdout_has("Learn what Zoë needs");
    // debrief --with finds her prep (it went on without one before).
    let done = debrief(&env, &["--with", "ZOË ÅNGSTRÖM"]);
    assert_eq!(done["prep"], id.as_str());
    assert_eq!(done["with"], "Zoë Ångström");
    let history = env
        .run(["history", "--with", "zoë ångström", "--format", "json"])
        .success()
        .stdout_json();
    assert_eq!(history.as_array().unwrap().len(), 2);
    let followups = env
        .run(["followups", "--format", "json"])
        .success()
        .stdout_json();
    let items = followups["followups"].as_array().unwrap();
    assert_eq!(items.len(), 3);
    assert!(
        items.iter().all(|i| i["with"] == "Zoë Ångström"),
        "{items:?}"
    );
    // Her open follow-ups are on her card, however her name is typed.
    env.run(["card", "--with", "zoë ångström"])
        .success()
        .stdout_has("Open follow-ups")
        .stdout_has("send the pilot plan");
    // A debrief --with a part of her name is hers, prep or no prep.
    let again = env
        .coach()
        .args([
            "debrief",
            "--format",
            "json",
            "--with",
            "zoë",
            "--prep",
            "latest",
            "--answers",
        ])
        .arg(env.write("outcome.yaml", "answers:\n  outcome: continuation\n"))
        .env("COACH_NOW", "2026-11-23T09:00:00+01:00")
        .run()
        .success();
    assert_eq!(again.stdout_json()["with"], "Zoë Ångström");
    // A part of her name that fits only her finds her, and coach says so.
    env.run(["card", "--with", "ångström"])
        .success()
        .stdout_has("Learn what Zoë needs")
        .stderr_has("Taking “ångström” as Zoë Ångström");
}

#[test]
fn a_part_of_a_name_fits_one_person_or_lists_them() {
    let env = TestEnv::new();
    env.prep("Priya Raman", Some("Meet Priya R"));
    let shah = env.prep("Priya Shah", Some("Meet Priya S"));
    env.run(["card", "--with", "raman"])
        .success()
        .stdout_has("Meet Priya R");
    env.run(["card", "--with", "priya"])
        .code(2)
        .stderr_has("any of 2 people:")
        .stderr_has("Priya Raman")
        .stderr_has("Priya Shah")
        .stderr_has("give the whole name");
    env.coach()
        .args(["debrief", "--with", "PRIYA", "--no-input"])
        .run()
        .code(2)
        .stderr_has("any of 2 people");
    assert_eq!(debrief(&env, &["--with", "shah"])["prep"], shah.as_str());
    // A script names people in full: a prep from an answers file takes
    // its name as it is (at a terminal, a part is settled: see pty.rs).
    let again = env
        .coach()
        .args([
            "prep",
            "--format",
            "json",
            "--with",
            "Priya Raman",
            "--answers",
        ])
        .arg(fixture("answers/discovery.yaml"))
        .run()
        .success();
    assert_eq!(again.stdout_json()["with"], "Priya Raman");
    // The filters of history may match a part of several names.
    let both = env
        .run([
            "history", "--with", "priya", "--kind", "prep", "--format", "json",
        ])
        .success();
    assert_eq!(both.stdout_json().as_array().unwrap().len(), 3);
}

#[test]
fn a_debrief_with_someone_without_a_prep_says_so() {
    let env = TestEnv::new();
    let done = env
        .coach()
        .args([
            "debrief",
            "--format",
            "json",
            "--with",
            "Nobody Known",
            "--answers",
        ])
        .arg(env.write("outcome.yaml", "answers:\n  outcome: continuation\n"))
        .run()
        .success();
    let (_, stderr) = done.redacted();
    assert!(
        stderr.starts_with(
            "No prep with Nobody Known was found: this debrief goes on without one.\n"
        ),
        "{stderr}"
    );
    assert_eq!(done.stdout_json()["prep"], serde_json::Value::Null);
    // Known now, from that debrief: a part of the name is that person, prep or not.
    let again = env
        .coach()
        .args([
            "debrief",
            "--format",
            "json",
            "--with",
            "nobody",
            "--answers",
        ])
        .arg(env.write("outcome.yaml", "answers:\n  outcome: continuation\n"))
        .run()
        .success()
        .stderr_has("Taking “nobody” as Nobody Known")
        .stderr_has("No prep with Nobody Known was found");
    assert_eq!(again.stdout_json()["with"], "Nobody Known");
    env.coach()
        .args([
            "debrief",
            "--prep",
            "latest",
            "--with",
            "Nobody Known",
            "--no-input",
        ])
        .run()
        .code(66)
        .stderr_has("no prep with `Nobody Known`");
}

/// A file coach may not read is a failure (1) that says so, not "not found".
#[cfg(target_os = "linux")]
#[test]
fn permission_denied_is_reported_as_such() {
    use std::os::unix::fs::PermissionsExt as _;
    let env = TestEnv::new();
    env.prep("Jane Smith", Some("Learn"));
    let open = std::fs::Permissions::from_mode(0o755);
    std::fs::set_permissions(env.dir.path(), open.clone()).unwrap();
    std::fs::set_permissions(env.home(), open.clone()).unwrap();
    std::fs::set_permissions(env.notes_dir(), open).unwrap();
    let notes = env.notes_dir().join(format!("{JANE}.md"));
    let answers = env.write("answers.yaml", "with: Jane\nanswers: {}\n");
    let config = env.write("config/config.yaml", "me: Alex\n");
    for file in [&notes, &answers, &config] {
        std::fs::set_permissions(file, std::fs::Permissions::from_mode(0o000)).unwrap();
    }
    let denied = |out: crate::env::Out, path: &std::path::Path| {
        out.code(1).stderr_has(&format!(
            "cannot read {}: permission denied",
            path.display()
        ));
    };
    denied(env.coach().args(["history"]).unprivileged().run(), &config);
    std::fs::set_permissions(&config, std::fs::Permissions::from_mode(0o644)).unwrap();
    denied(
        env.coach().arg("show").arg(&notes).unprivileged().run(),
        &notes,
    );
    // By its id too: the file is there, so "no such session" would be wrong.
    denied(
        env.coach().args(["show", JANE]).unprivileged().run(),
        &notes,
    );
    denied(
        env.coach()
            .arg("debrief")
            .arg("--prep")
            .arg(&notes)
            .arg("--no-input")
            .unprivileged()
            .run(),
        &notes,
    );
    denied(
        env.coach()
            .args(["prep", "--answers"])
            .arg(&answers)
            .unprivileged()
            .run(),
        &answers,
    );
}

#[test]
fn a_notes_file_that_cannot_be_read_says_why_when_named() {
    let env = TestEnv::new();
    env.prep("Jane Smith", Some("Learn"));
    let path = env.notes_dir().join(format!("{JANE}.md"));
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("date: ", "date: 2026-11-31T")).unwrap();
    // By id: the file's own problem (65), not "no session" (66).
    env.run(["show", JANE])
        .code(65)
        .stderr_has(&format!("{}:", path.display()))
        .stderr_has("invalid front matter");
    // By prefix or latest: the file is named in a warning.
    env.run(["show", "latest"])
        .code(66)
        .stderr_has("warning: skipped");
}

#[test]
fn names_are_checked_before_they_are_used() {
    let env = TestEnv::new();
    env.prep("Jane Smith", Some("Learn"));
    let debrief_id = debrief(&env, &["--prep", JANE])["id"]
        .as_str()
        .unwrap()
        .to_string();
    // Empty names are usage errors, not "latest" or a guess.
    env.run(["show", ""]).code(2).stderr_has("name the session");
    env.run(["card", "--with", ""])
        .code(2)
        .stderr_has("the name is empty");
    env.run(["followups", "--done", ""])
        .code(2)
        .stderr_has("name the follow-up");
    // A did-you-mean offers the original, not its -2 sibling.
    env.prep("Jane Smith", Some("Again"));
    env.run(["show", "2026-11-22-1430-jane-smith-prep"])
        .code(66)
        .stderr_has(&format!("did you mean `{JANE}`?"));
    // Ids are lower case; a shouted one is the same id.
    env.run(["show", &JANE.to_uppercase()]).success();
    // A typo in a person's name is caught.
    env.run(["card", "--with", "Jane Smyth"])
        .code(66)
        .stderr_has("did you mean `Jane Smith`?");
    // A prep given beside another person's name is refused.
    env.coach()
        .args([
            "debrief",
            "--prep",
            JANE,
            "--with",
            "Priya Shah",
            "--no-input",
        ])
        .run()
        .code(2)
        .stderr_has("is with Jane Smith, not Priya Shah");
    // A prep draft is not resumed as a debrief, and says how it is.
    draft(
        &env,
        "2026-11-21-0900-raj-patel-prep",
        "2026-11-21T09:00:00+01:00",
    );
    env.coach()
        .args([
            "debrief",
            "--resume",
            "2026-11-21-0900-raj-patel-prep",
            "--no-input",
        ])
        .run()
        .code(2)
        .stderr_has("coach prep --resume 2026-11-21-0900-raj-patel-prep");
    // Two debriefs saved in the same minute keep their follow-ups apart.
    let second = debrief(&env, &["--prep", JANE]);
    assert_eq!(second["id"], format!("{debrief_id}-2"));
    let ids: Vec<String> = env
        .run(["followups", "--all", "--format", "json"])
        .success()
        .stdout_json()["followups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids.len(), 6);
    let unique: std::collections::BTreeSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), 6, "{ids:?}");
    assert!(ids.contains(&format!("{debrief_id}-2#1")), "{ids:?}");
}

#[test]
fn an_answers_file_names_the_person_like_the_flag() {
    let env = TestEnv::new();
    env.prep("Zoë Ångström", Some("Learn"));
    // `with:` in the answers file finds her prep, as --with would; accents
    // and case aside.
    let answers = std::fs::read_to_string(fixture("answers/debrief.yaml"))
        .unwrap()
        .replace("answers:\n", "with: zoe angstrom\nanswers:\n");
    let done = env
        .coach()
        .args(["debrief", "--format", "json", "--answers"])
        .arg(env.write("zoe.yaml", &answers))
        .run()
        .success()
        .stdout_json();
    assert_eq!(done["with"], "Zoë Ångström");
    assert!(
        done["prep"]
            .as_str()
            .unwrap()
            .ends_with("zoe-angstrom-prep")
    );
}

#[test]
fn me_is_matched_like_every_person() {
    let transcript = "Alex Kim: Hello, how are things?\nSam Kim: Fine.\nJo Lee: Hi.\n";
    let env = TestEnv::new();
    let file = env.write("call.txt", transcript);
    env.coach()
        .arg("listen")
        .arg(&file)
        .args(["--me", "kim"])
        .run()
        .code(2)
        .stderr_has("any of 2 speakers:\n  Alex Kim\n  Sam Kim\n");
    let me = env
        .coach()
        .arg("listen")
        .arg(&file)
        .args(["--me", "ALEX", "--format", "json"])
        .run()
        .success()
        .stdout_json();
    assert_eq!(me["me"], "Alex Kim");
}
