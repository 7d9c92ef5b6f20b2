//! `coach check`: the question coach through the real binary, from arguments
//! and from stdin, as text and as JSON.

use std::io::Write;
use std::process::{Command, Stdio};

use rexpect::process::WaitStatus;

use crate::env::{Coach, TestEnv};

/// The text output a person reads, for the example from the help screen.
#[test]
fn text_output_for_a_leading_question() {
    let out = Coach::new()
        .args(["check", "Don't you think it's time to upgrade?"])
        .run()
        .success();
    assert_eq!(out.stderr(), "", "nothing on stderr");
    insta::assert_snapshot!("leading-text", out.stdout());
}

#[test]
fn each_argument_is_checked_in_order_and_the_exit_code_is_zero() {
    let out = Coach::new()
        .args([
            "check",
            "Do you have a budget?",
            "What would a good outcome look like for you?",
            "Who decides, and when?",
        ])
        .run()
        .code(0);
    let text = out.stdout();
    let budget = text.find("Do you have a budget?").unwrap();
    let outcome = text.find("What would a good outcome").unwrap();
    let decides = text.find("Who decides, and when?").unwrap();
    assert!(budget < outcome && outcome < decides, "{text}");
    assert!(text.contains("  closed "), "{text}");
    assert!(text.contains("  open, single and neutral — good"), "{text}");
    assert!(text.contains("  stacked "), "{text}");
    assert!(
        text.contains("How is budget set for something like this?"),
        "{text}"
    );
    assert!(
        text.ends_with("3 questions checked: 1 good, 2 to rework (2 findings).\n"),
        "{text}"
    );
}

#[test]
fn json_is_one_array_in_input_order() {
    let questions = [
        "Can you sign today?",
        "How do decisions like this get made?",
        "Our tool cuts costs by 40%.",
    ];
    let out = Coach::new()
        .args(["check", "--format", "json"])
        .args(questions)
        .run()
        .success();
    assert_eq!(out.stderr(), "", "nothing on stderr");
    let json = out.stdout_json();
    let items = json.as_array().expect("an array");
    let asked: Vec<&str> = items
        .iter()
        .map(|i| i["question"].as_str().unwrap())
        .collect();
    assert_eq!(asked, questions);
    assert_eq!(items[0]["kinds"], serde_json::json!(["closed", "pressure"]));
    assert_eq!(items[1]["kinds"], serde_json::json!([]));
    assert_eq!(items[1]["findings"], serde_json::json!([]));
    assert_eq!(items[2]["kinds"], serde_json::json!(["statement"]));
    for item in items {
        let findings = item["findings"].as_array().unwrap();
        let kinds: Vec<&serde_json::Value> = findings.iter().map(|f| &f["kind"]).collect();
        assert_eq!(
            item["kinds"].as_array().unwrap().iter().collect::<Vec<_>>(),
            kinds
        );
        for f in findings {
            let keys: Vec<&String> = f.as_object().unwrap().keys().collect();
            assert_eq!(keys, ["kind", "message", "suggestion"]);
            assert!(!f["message"].as_str().unwrap().is_empty());
            assert!(!f["suggestion"].as_str().unwrap().is_empty());
        }
    }
}

#[test]
fn stdin_gives_one_question_a_line_and_skips_blank_lines() {
    let json = Coach::new()
        .args(["check", "--format", "json"])
        .stdin("Do you have a budget?\r\n\n   \n  What would a good outcome look like for you?  \nask about budget")
        .run()
        .success()
        .stdout_json();
    let asked: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["question"].as_str().unwrap())
        .collect();
    assert_eq!(
        asked,
        [
            "Do you have a budget?",
            "What would a good outcome look like for you?",
            "ask about budget"
        ]
    );
    assert_eq!(json[2]["kinds"], serde_json::json!(["statement"]));
}

#[test]
fn empty_stdin_checks_nothing() {
    let env = TestEnv::new();
    let out = env
        .coach()
        .args(["check", "--format", "json"])
        .stdin("\n \n")
        .run()
        .success();
    assert_eq!(out.stdout(), "[]\n", "an empty array");
    let out = env.coach().arg("check").stdin("").run().success();
    assert_eq!(out.stdout(), "No questions to check.\n", "a sentence");
}

#[test]
fn control_characters_are_shown_not_sent() {
    let out = Coach::new()
        .args(["check", "Do you \u{1b}[31mhave a budget?"])
        .run()
        .success()
        .stdout_has("Do you \\u{1b}[31mhave a budget?");
    assert!(
        !out.stdout().contains('\u{1b}'),
        "an escape reached stdout: {:?}",
        out.stdout()
    );
}

/// A reader that stops early (`coach check < big | head -1`) is no error.
#[test]
fn a_closed_pipe_is_quiet() {
    let env = TestEnv::new();
    let mut child = Command::new(env!("CARGO_BIN_EXE_coach"))
        .arg("check")
        .envs(env.vars())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // nobody reads what coach writes
    let input = "Do you have a budget?\n".repeat(20_000);
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

/// With no arguments and a terminal on stdin there is nothing to read.
#[test]
fn no_questions_at_a_terminal_is_a_usage_error() {
    let env = TestEnv::new();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_coach"));
    cmd.arg("check").envs(env.vars()).env("TERM", "xterm");
    let mut p = rexpect::session::spawn_command(cmd, Some(15_000)).unwrap();
    p.exp_string("pass them as arguments").unwrap();
    p.exp_eof().unwrap();
    match p.process_mut().wait().unwrap() {
        WaitStatus::Exited(_, code) => assert_eq!(code, 2),
        other => panic!("coach did not exit: {other:?}"),
    }
}

/// Blame, labels and guilt are the `loaded` kind, and its rewrite drops the label.
#[test]
fn a_loaded_question_is_flagged_without_keeping_the_label() {
    let out = Coach::new()
        .args([
            "check",
            "--format",
            "json",
            "Why are you so stubborn about the car, Dad?",
            "What got in the way of the fix?",
        ])
        .run()
        .success();
    let json = out.stdout_json();
    assert_eq!(json[0]["kinds"], serde_json::json!(["loaded"]));
    let finding = &json[0]["findings"][0];
    assert!(
        finding["message"].as_str().unwrap().contains("so stubborn"),
        "{finding}"
    );
    assert!(
        !finding["suggestion"].as_str().unwrap().contains("stubborn"),
        "{finding}"
    );
    assert_eq!(json[1]["kinds"], serde_json::json!([]));
}
