//! Careful with what people type: private files, never an overwrite, safe
//! names, and a clear error for every kind of bad input.

use std::process::{Command, Stdio};

use crate::env::{TestEnv, fixture};

/// Two (here four) coach processes finishing in the same minute for the same
/// person all keep their notes.
#[test]
fn sessions_finishing_together_all_keep_their_notes() {
    let env = TestEnv::new();
    let children: Vec<_> = (0..4)
        .map(|_| {
            let mut cmd = Command::new(env!("CARGO_BIN_EXE_coach"));
            cmd.args(["prep", "--format", "none", "--answers"])
                .arg(fixture("answers/discovery.yaml"));
            for (key, value) in env.vars() {
                cmd.env(key, value);
            }
            cmd.stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let names: Vec<String> = env
        .notes()
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 4, "{names:?}");
    for name in &names {
        assert!(
            name.starts_with("2026-11-22-1403-jane-smith-prep"),
            "{name}"
        );
    }
}

/// Names from user input always give a short, safe file name inside the
/// notes directory.
#[test]
fn names_become_safe_short_slugs() {
    let long = "Ö".repeat(150) + &"x".repeat(150);
    for (with, expected) in [
        ("../../etc/x", "2026-11-22-1403-etc-x-prep.md"),
        ("🎉🎉🎉", "2026-11-22-1403-someone-prep.md"),
        ("?!/\\..", "2026-11-22-1403-someone-prep.md"),
        (
            "Zoë O'Brien-Łukasz",
            "2026-11-22-1403-zoe-o-brien-lukasz-prep.md",
        ),
        (
            long.as_str(),
            "2026-11-22-1403-oooooooooooooooooooooooooooooooooooooooo-prep.md",
        ),
    ] {
        let env = TestEnv::new();
        let json = env
            .coach()
            .args(["prep", "--no-input", "--format", "json", "--playbook"])
            .arg(env.write("p.yaml", "title: P\nkind: prep\nsections:\n  - id: s\n    title: S\n    questions:\n      - id: q\n        ask: Q?\n"))
            .args(["--with", with])
            .run()
            .success()
            .stdout_json();
        assert_eq!(json["with"], with, "the name itself is kept as typed");
        let notes = env.only_notes();
        assert_eq!(notes.parent().unwrap(), env.notes_dir());
        assert_eq!(notes.file_name().unwrap().to_string_lossy(), expected);
    }
}

/// A notes directory that cannot be used is a clear error, not a panic.
#[test]
fn an_unusable_notes_directory_is_a_clear_error() {
    let env = TestEnv::new();
    std::fs::create_dir_all(env.home()).unwrap();
    std::fs::write(env.notes_dir(), "not a directory").unwrap();
    let out = env
        .coach()
        .args(["prep", "--answers"])
        .arg(fixture("answers/discovery.yaml"))
        .run()
        .code(1)
        .stderr_has(&format!(
            "cannot create the directory {}: a file is in the way",
            env.notes_dir().display()
        ));
    assert_eq!(out.stdout(), "", "nothing on stdout");
}

/// A full disk (simulated with a file-size limit: writes past it fail) leaves
/// no half-written file behind and says what happened.
#[cfg(unix)]
#[test]
fn a_full_disk_leaves_no_partial_file() {
    let env = TestEnv::new();
    std::fs::create_dir_all(env.notes_dir()).unwrap();
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg("trap '' XFSZ; ulimit -f 2; exec \"$0\" prep --format none --answers \"$1\"")
        .arg(env!("CARGO_BIN_EXE_coach"))
        .arg(fixture("answers/discovery.yaml"));
    for (key, value) in env.vars() {
        cmd.env(key, value);
    }
    let out = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("cannot write") && stderr.contains("File too large"),
        "{stderr}"
    );
    let left: Vec<_> = std::fs::read_dir(env.notes_dir()).unwrap().collect();
    assert!(left.is_empty(), "a partial file was left: {left:?}");
}

/// Answers of a megabyte, or with control characters, are stored faithfully
/// and rendered safely in the table and in Markdown.
#[test]
fn huge_and_control_character_answers_are_kept_and_shown_safely() {
    let env = TestEnv::new();
    let big = "all work and no play ".repeat(50_000);
    let answers = env.write(
        "a.yaml",
        &format!(
            "with: \"Jane \\e[31mRed\"\nanswers:\n  objective: \"Ring \\a the bell \\e[2J\"\n  business_result: \"{big}\"\n  best_action: x\n"
        ),
    );
    let out = env
        .coach()
        .args(["prep", "--answers"])
        .arg(&answers)
        .run()
        .success();
    let table = out.stdout();
    assert!(
        !table.contains('\u{1b}') && !table.contains('\u{7}'),
        "raw control characters in the table"
    );
    assert!(
        table.contains("Ring \\u{7} the bell \\u{1b}[2J"),
        "{}",
        &table[..2000.min(table.len())]
    );
    let path = env.only_notes();
    let text = std::fs::read_to_string(&path).unwrap();
    let body = &text[text[4..].find("\n---\n").unwrap() + 8..];
    assert!(
        !body.contains('\u{1b}') && !body.contains('\u{7}'),
        "raw control characters in the Markdown body"
    );
    let session =
        coach::session::read::front_matter(&coach::diag::Source::new("n.md", text.clone()))
            .unwrap();
    assert_eq!(session.with, "Jane \u{1b}[31mRed");
    let by_id = |id: &str| {
        session
            .answers
            .0
            .iter()
            .find(|(k, _)| k == id)
            .unwrap()
            .1
            .display()
    };
    assert_eq!(by_id("objective"), "Ring \u{7} the bell \u{1b}[2J");
    assert_eq!(by_id("business_result"), big.trim());
}

/// The answers-file error table: each mistake, its message and its place.
#[test]
fn answers_file_errors_name_the_file_line_and_column() {
    let cases = [
        (
            "with: Jane\nanswers:\n  objectve: x\n",
            "a.yaml:3:3: error: `objectve` is not a question of playbook `discovery`",
            "did you mean `objective`?",
        ),
        (
            "with: Jane\nanswers:\n  neediness: high\n",
            "a.yaml:3:14: error: the answer to `neediness` does not fit: expected a whole number from 1 to 5, found `high`",
            "",
        ),
        (
            "with: Jane\nanswers:\n  neediness: 0\n",
            "a.yaml:3:14: error: the answer to `neediness` does not fit: expected a whole number from 1 to 5, found 0",
            "",
        ),
        (
            "with: Jane\nanswers:\n  response_mode: growht\n",
            "a.yaml:3:18: error: the answer to `response_mode` does not fit: `growht` is not one of",
            "did you mean `growth`?",
        ),
        (
            "with: Jane\nanswers:\n  influences: [economic, boss]\n",
            "a.yaml:3:15: error: the answer to `influences` does not fit: `boss` is not one of",
            "",
        ),
        (
            "with: Jane\nanswers:\n  objective: {a: b}\n",
            "a.yaml:3:14: error: the answer to `objective` does not fit: expected one line of text, found a mapping",
            "",
        ),
        (
            "with: Jane\nanswers:\n  objective: [unclosed\n",
            "a.yaml:3:14: error: invalid YAML: unclosed bracket '['",
            "",
        ),
        (
            "with: Jane\nanswres:\n  objective: x\n",
            "a.yaml:2:1: error: unknown key `answres` in the answers file",
            "did you mean `answers`?",
        ),
        (
            "- just\n- a list\n",
            "a.yaml:1:1: error: expected a mapping, found a list",
            "",
        ),
        (
            "with: Jane\nanswers:\n  objective: x\n  objective: y\n",
            "a.yaml:4:3: error: invalid YAML: duplicate mapping key",
            "",
        ),
        (
            "with: Jane\nanswers: [x]\n",
            "a.yaml:2:10: error: `answers` must map question ids to answers, found a list",
            "",
        ),
    ];
    for (text, message, label) in cases {
        let env = TestEnv::new();
        env.write("a.yaml", text);
        let out = env
            .coach()
            .current_dir(env.dir.path())
            .args(["prep", "--answers", "a.yaml"])
            .run()
            .code(65);
        let stderr = out.stderr();
        assert!(
            stderr.contains(message),
            "expected {message:?} in:\n{stderr}"
        );
        assert!(stderr.contains(label), "expected {label:?} in:\n{stderr}");
        assert!(env.notes().is_empty());
    }
}
