//! Completions, the man page and output hygiene: every shell's script is
//! generated, bash and fish load theirs and complete playbook names and
//! session ids; no escape codes with NO_COLOR or a pipe; a closed pipe is quiet.

use std::process::Command;

use crate::env::{Coach, TestEnv, fixture};

/// A PATH where `coach` is this build, for the scripts to call.
fn path_with_coach() -> String {
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_coach"));
    let dir = bin.parent().unwrap().display().to_string();
    format!("{dir}:{}", std::env::var("PATH").unwrap_or_default())
}

/// One saved prep, so there is a session id to complete.
fn one_prep(env: &TestEnv) -> String {
    let doc = env
        .coach()
        .args(["prep", "--format", "json", "--answers"])
        .arg(fixture("answers/discovery.yaml"))
        .run()
        .success()
        .stdout_json();
    doc["id"].as_str().unwrap().to_string()
}

fn shell(env: &TestEnv, program: &str, script: &str) -> std::process::Output {
    let mut cmd = Command::new(program);
    cmd.arg("-c").arg(script).env("PATH", path_with_coach());
    for (key, value) in env.vars() {
        cmd.env(key, value);
    }
    cmd.output()
        .unwrap_or_else(|e| panic!("cannot run {program}: {e}"))
}

#[test]
fn every_shell_gets_a_script() {
    let env = TestEnv::new();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = env.run(["completions", shell]).success();
        let text = out.stdout();
        assert!(text.contains("coach"), "{shell}");
        assert!(text.len() > 1000, "{shell}: {} bytes", text.len());
    }
}

#[test]
fn bash_loads_the_script_and_completes_playbooks_and_ids() {
    let env = TestEnv::new();
    let id = one_prep(&env);
    let script = r#"
        set -e
        source <(coach completions bash)
        complete -p coach
        COMP_WORDS=(coach prep --playbook di); COMP_CWORD=3; _coach_dynamic coach di --playbook
        echo "playbooks: ${COMPREPLY[*]}"
        COMP_WORDS=(coach show 2026); COMP_CWORD=2; _coach_dynamic coach 2026 show
        echo "sessions: ${COMPREPLY[*]}"
        COMP_WORDS=(coach pr); COMP_CWORD=1; _coach_dynamic coach pr coach
        echo "commands: ${COMPREPLY[*]}"
    "#;
    let out = shell(&env, "bash", script);
    let text = String::from_utf8_lossy(&out.stdout);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{text}\n{err}");
    assert!(err.is_empty(), "{err}");
    assert!(text.contains("-F _coach_dynamic coach"), "{text}");
    assert!(text.contains("playbooks: discovery\n"), "{text}");
    assert!(text.contains(&format!("sessions: {id}\n")), "{text}");
    assert!(text.contains("commands: prep"), "{text}");
}

#[test]
fn fish_loads_the_script_and_completes_playbooks_and_ids() {
    if Command::new("fish").arg("--version").output().is_err() {
        println!("skipped: fish is not installed (.ci/run installs it)");
        return;
    }
    let env = TestEnv::new();
    let id = one_prep(&env);
    let script = r#"
        coach completions fish | source; or exit 1
        complete -C 'coach prep --playbook di'
        complete -C 'coach card 2026'
    "#;
    let out = shell(&env, "fish", script);
    let text = String::from_utf8_lossy(&out.stdout);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{text}\n{err}");
    assert!(err.is_empty(), "{err}");
    assert!(text.lines().any(|l| l == "discovery"), "{text}");
    assert!(text.lines().any(|l| l.starts_with(&id)), "{text}");
}

#[test]
fn the_man_page_is_roff_from_the_same_definitions() {
    let out = Coach::new().arg("man").run().success();
    let text = out.stdout();
    assert!(text.contains(".TH coach 1"), "{text}");
    for name in [
        "prep",
        "debrief",
        "card",
        "config",
        "completions",
        "\\-\\-color",
    ] {
        assert!(text.contains(name), "{name}");
    }
}

#[test]
fn no_escape_codes_with_no_color_or_a_pipe() {
    let env = TestEnv::new();
    let check = |coach: Coach| {
        let out = coach
            .args(["check", "Do you have a budget?"])
            .run()
            .success();
        format!("{}{}", out.stdout(), out.stderr())
    };
    // NO_COLOR (set by TestEnv), even with CLICOLOR_FORCE.
    assert!(!check(env.coach().env("CLICOLOR_FORCE", "1")).contains('\u{1b}'));
    // No NO_COLOR: stdout is a pipe here, so still none.
    assert!(!check(env.coach().env_remove("NO_COLOR")).contains('\u{1b}'));
    // The config file cannot force colour onto a pipe under NO_COLOR either.
    env.write("config/config.yaml", "color: always\n");
    assert!(!check(env.coach()).contains('\u{1b}'));
    // What forcing looks like, so the checks above can fail.
    assert!(check(env.coach().env_remove("NO_COLOR")).contains('\u{1b}'));
    assert!(check(env.coach().args(["--color", "always"])).contains('\u{1b}'));
}

#[test]
fn a_closed_pipe_exits_quietly() {
    let env = TestEnv::new();
    one_prep(&env);
    for command in [
        "coach completions bash",
        "coach man",
        "coach card",
        "coach config path",
        "coach check 'Do you have a budget?' 'Who decides, and when?'",
    ] {
        let out = shell(
            &env,
            "bash",
            &format!("set -o pipefail; {command} | head -1"),
        );
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{command}: {:?}\n{err}", out.status);
        assert!(err.is_empty(), "{command}: {err}");
        assert_eq!(
            String::from_utf8_lossy(&out.stdout).lines().count(),
            1,
            "{command}"
        );
    }
}
