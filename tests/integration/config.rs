//! The config file: precedence (flag > environment > file > default), the
//! values wired into commands, and errors located with a did-you-mean.

use crate::env::{TestEnv, fixture};

fn config_file(env: &TestEnv, text: &str) {
    env.write("config/config.yaml", text);
}

/// The `coach config` line for `key`, with its runs of spaces squeezed.
fn line(text: &str, key: &str) -> String {
    let line = text
        .lines()
        .find(|l| l.split_whitespace().next() == Some(key))
        .unwrap_or_else(|| panic!("no `{key}` line in:\n{text}"));
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn defaults_apply_without_a_file() {
    let env = TestEnv::new();
    let out = env
        .coach()
        .arg("config")
        .env_remove("NO_COLOR")
        .run()
        .success();
    let text = env.redact(out.stdout());
    assert_eq!(
        line(&text, "config"),
        "config [TMP]/config/config.yaml (not found: defaults apply) (environment: COACH_CONFIG)"
    );
    assert_eq!(
        line(&text, "home"),
        "home [TMP]/home (environment: COACH_HOME)"
    );
    assert_eq!(
        line(&text, "notes_dir"),
        "notes_dir [TMP]/home/sessions (default)"
    );
    assert_eq!(
        line(&text, "default_playbook"),
        "default_playbook discovery (default)"
    );
    assert_eq!(line(&text, "me"), "me (not set) (default)");
    assert_eq!(line(&text, "editor"), "editor (not set) (default)");
    assert_eq!(line(&text, "color"), "color auto (default)");
}

#[test]
fn flag_beats_environment_beats_file_beats_default() {
    let env = TestEnv::new();
    config_file(
        &env,
        "# mine\nnotes_dir: ~/notes\ndefault_playbook: personal\nme: Alex Kim\neditor: nano\ncolor: always\n",
    );
    // The file over the defaults.
    let out = env
        .coach()
        .arg("config")
        .env_remove("NO_COLOR")
        .run()
        .success();
    let text = env.redact(out.stdout());
    assert_eq!(line(&text, "notes_dir"), "notes_dir [TMP]/notes (file)");
    assert_eq!(
        line(&text, "default_playbook"),
        "default_playbook personal (file)"
    );
    assert_eq!(line(&text, "me"), "me Alex Kim (file)");
    assert_eq!(line(&text, "editor"), "editor nano (file)");
    assert_eq!(line(&text, "color"), "color always (file)");
    // The environment over the file.
    let out = env
        .coach()
        .arg("config")
        .env("EDITOR", "vim")
        .env("NO_COLOR", "1")
        .run()
        .success();
    let text = env.redact(out.stdout());
    assert_eq!(line(&text, "editor"), "editor vim (environment: EDITOR)");
    assert_eq!(line(&text, "color"), "color never (environment: NO_COLOR)");
    // A flag over the environment.
    let home = env.dir.path().join("elsewhere");
    let out = env
        .coach()
        .args(["config", "--color", "always", "--home"])
        .arg(&home)
        .run()
        .success();
    let text = env.redact(out.stdout());
    assert_eq!(line(&text, "color"), "color always (flag: --color)");
    assert_eq!(line(&text, "home"), "home [TMP]/elsewhere (flag: --home)");
}

#[test]
fn configured_values_reach_the_commands() {
    let env = TestEnv::new();
    let notes = env.dir.path().join("my-notes");
    config_file(
        &env,
        &format!(
            "notes_dir: {}\ndefault_playbook: personal\nme: Alex Kim\n",
            notes.display()
        ),
    );
    // `default_playbook` without --playbook, and `notes_dir` for the file.
    let doc = env
        .coach()
        .args(["prep", "--format", "json", "--answers"])
        .arg(fixture("answers/personal.yaml"))
        .run()
        .success()
        .stdout_json();
    assert_eq!(doc["playbook"], "personal");
    let path = doc["notes_path"].as_str().unwrap();
    assert!(path.starts_with(&notes.display().to_string()), "{path}");
    assert!(!env.notes_dir().exists());
    // `coach config path` agrees.
    let out = env.run(["config", "path"]).success();
    let text = env.redact(out.stdout());
    assert_eq!(line(&text, "notes"), "notes [TMP]/my-notes");
    assert_eq!(line(&text, "drafts"), "drafts [TMP]/home/drafts");
    // `me` for `listen` without --me.
    let doc = env
        .coach()
        .args(["listen", "--format", "json"])
        .arg(fixture("transcripts/plain-discovery.txt"))
        .run()
        .success()
        .stdout_json();
    assert_eq!(doc["me"], "Alex Kim");
}

#[test]
fn errors_name_file_line_and_column_with_a_suggestion() {
    let env = TestEnv::new();
    config_file(
        &env,
        "me: Alex\nedtor: vim\ncolor: allways\nnotes_dir: notes\n",
    );
    let out = env.run(["config"]).code(65);
    assert!(out.stdout().is_empty(), "stdout: {}", out.stdout());
    let text = env.redact(out.stderr());
    for expected in [
        "[TMP]/config/config.yaml:2:1: error: unknown key `edtor`",
        "did you mean `editor`?",
        "[TMP]/config/config.yaml:3:8: error: `color` should be `auto`, `always` or `never`, not `allways`",
        "did you mean `always`?",
        "[TMP]/config/config.yaml:4:12: error: `notes_dir` should be an absolute path",
        "error: 3 problems in [TMP]/config/config.yaml",
    ] {
        assert!(text.contains(expected), "{expected}\nin:\n{text}");
    }
    // Commands that read the config stop too; a YAML error is located.
    config_file(&env, "me: [Alex\n");
    let out = env.run(["followups"]).code(65);
    let stderr = env.redact(out.stderr());
    assert!(stderr.contains("[TMP]/config/config.yaml:"), "{stderr}");
}
