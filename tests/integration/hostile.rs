//! Files, names and places an attacker could hand coach, and the safe
//! result for each: nothing outside coach's files is touched, no session is
//! replaced, every command returns within seconds with a clear error, no
//! raw escape byte or bidi control reaches the terminal, no name survives
//! redaction, and no CSV cell runs as a formula.

use std::path::Path;
use std::time::Duration;

use crate::env::{Out, TestEnv, fixture};

/// How long any hostile case may take before it counts as a hang.
const QUICK: Duration = Duration::from_secs(10);

/// No byte a terminal would act on: C0 controls but tab and newline, DEL,
/// C1 controls, and the bidi and zero-width format characters.
#[track_caller]
fn safe_for_a_terminal(out: &Out) {
    for (stream, text) in [("stdout", out.stdout()), ("stderr", out.stderr())] {
        let bad: Vec<char> = text
            .chars()
            .filter(|&c| c != '\n' && coach::text::unsafe_for_terminal(c))
            .collect();
        assert!(bad.is_empty(), "{stream} carries {bad:?}:\n{text}");
    }
}

#[cfg(unix)]
fn symlink(target: &Path, link: &Path) {
    std::os::unix::fs::symlink(target, link).unwrap();
}

#[test]
fn a_draft_whose_id_is_a_path_touches_nothing_outside() {
    let env = TestEnv::new();
    let victim = env.write("victim.md", "precious\n");
    env.write(
        "home/drafts/evil.yaml",
        "id: ../../victim\nkind: prep\nplaybook: discovery\nwith: Eve\naccount: ''\n\
         started: 2026-11-22T14:03:00+01:00\nanswers: {}\nasked: []\ncoach_version: 0.1.0\n",
    );
    for resume in ["evil", ""] {
        env.coach()
            .args(["prep", "--resume", resume, "--answers"])
            .arg(fixture("answers/discovery.yaml"))
            .run()
            .code(66)
            .stderr_has("not its file's name");
    }
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious\n");
    assert!(env.home().join("drafts/evil.yaml").exists());
    assert!(env.notes().is_empty());
}

#[test]
fn a_hostile_prep_link_or_playbook_name_is_never_a_path() {
    let env = TestEnv::new();
    let outside = env.write("outside.md", "---\nid: x\n---\n");
    // A debrief draft whose prep link points outside: used as an id only.
    env.write(
        "home/drafts/2026-11-22-1403-eve-debrief.yaml",
        &format!(
            "id: 2026-11-22-1403-eve-debrief\nkind: debrief\nplaybook: debrief\nwith: Eve\n\
             account: ''\nstarted: 2026-11-22T14:03:00+01:00\nanswers: {{}}\nasked: []\n\
             prep: {}\ncoach_version: 0.1.0\n",
            outside.display()
        ),
    );
    env.coach()
        .args(["debrief", "--resume", "--answers"])
        .arg(env.write("o.yaml", "answers:\n  outcome: continuation\n"))
        .run()
        .success()
        .stderr_has("is not a session id; continuing without it");
    // A session whose id is a path is refused where it is read.
    let id = env.prep("Jane Smith", None);
    let path = env.notes_dir().join(format!("{id}.md"));
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replacen(&format!("id: {id}"), "id: ../../escape", 1),
    )
    .unwrap();
    env.coach()
        .arg("show")
        .arg(&path)
        .run()
        .code(65)
        .stderr_has("is not a session id");
}

#[test]
fn export_never_replaces_a_session_or_a_file_without_force() {
    let env = TestEnv::new();
    let id = env.prep("Jane Smith", None);
    let session = env.notes_dir().join(format!("{id}.md"));
    let before = std::fs::read(&session).unwrap();
    for force in [false, true] {
        let mut cmd = env
            .coach()
            .args(["export", "--format", "csv", "-o"])
            .arg(&session);
        if force {
            cmd = cmd.arg("--force");
        }
        cmd.run().code(2).stderr_has("inside coach's own files");
    }
    env.coach()
        .args(["export", "--format", "csv", "-o"])
        .arg(env.home().join("followups.log"))
        .arg("--force")
        .run()
        .code(2);
    assert_eq!(std::fs::read(&session).unwrap(), before);
    let existing = env.write("out.csv", "mine\n");
    env.coach()
        .args(["export", "--format", "csv", "-o"])
        .arg(&existing)
        .run()
        .code(2)
        .stderr_has("add --force");
    assert_eq!(std::fs::read_to_string(&existing).unwrap(), "mine\n");
    env.coach()
        .args(["export", "--format", "csv", "--force", "-o"])
        .arg(&existing)
        .run()
        .success();
    assert!(
        std::fs::read_to_string(&existing)
            .unwrap()
            .starts_with("id,kind")
    );
    env.coach()
        .args(["export", "--format", "csv", "-o"])
        .arg(env.dir.path())
        .run()
        .code(2)
        .stderr_has("is a directory");
}

#[cfg(unix)]
#[test]
fn devices_fifos_and_symlinks_never_hang_or_lead_outside() {
    let env = TestEnv::new();
    env.prep("Jane Smith", None);
    let notes = env.notes_dir();
    symlink(Path::new("/dev/zero"), &notes.join("zero.md"));
    let status = std::process::Command::new("mkfifo")
        .arg(notes.join("fifo.md"))
        .status()
        .unwrap();
    assert!(status.success());
    // A session outside the notes directory, linked in: not followed.
    let outside = env.write("elsewhere/2026-01-01-0900-outsider-prep.md", "");
    std::fs::copy(env.notes()[0].clone(), &outside).unwrap();
    let text = std::fs::read_to_string(&outside)
        .unwrap()
        .replace("Jane Smith", "Outsider");
    std::fs::write(&outside, text).unwrap();
    symlink(&outside, &notes.join("linked.md"));
    for args in [
        &["history"][..],
        &["history", "--with", "outsider"],
        &["show", "latest"],
        &["stats"],
        &["export", "--format", "json"],
        &["card"],
        &["followups"],
    ] {
        let out = env.coach().args(args).timeout(QUICK).run();
        assert!(
            out.stderr().contains("symbolic link") && out.stderr().contains("not a regular file"),
            "{args:?}: {}",
            out.stderr()
        );
        assert!(
            !out.stdout().contains("Outsider"),
            "{args:?} followed the link"
        );
        out.success();
    }
    // Devices where a file is expected are refused at once, with exit 2.
    let link = env.dir.path().join("playbook.yaml");
    symlink(Path::new("/dev/zero"), &link);
    let cases: [(Vec<&std::ffi::OsStr>, Option<&str>); 4] = [
        (
            vec!["prep".as_ref(), "--answers".as_ref(), "/dev/zero".as_ref()],
            None,
        ),
        (
            vec![
                "debrief".as_ref(),
                "--prep".as_ref(),
                "/dev/zero".as_ref(),
                "--no-input".as_ref(),
            ],
            None,
        ),
        (
            vec![
                "prep".as_ref(),
                "--no-input".as_ref(),
                "--with".as_ref(),
                "Eve".as_ref(),
                "--playbook".as_ref(),
                link.as_os_str(),
            ],
            None,
        ),
        (vec!["history".as_ref()], Some("/dev/zero")),
    ];
    for (args, config) in cases {
        let mut cmd = env.coach().args(&args).timeout(QUICK);
        if let Some(config) = config {
            cmd = cmd.env("COACH_CONFIG", config);
        }
        cmd.run().code(2).stderr_has("not a regular file");
    }
}

#[test]
fn runaway_templates_stop_with_a_located_error() {
    let env = TestEnv::new();
    let loops = "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}";
    for (field, playbook) in [
        (
            "intro",
            format!(
                "title: T\nkind: prep\nintro: \"{loops}\"\nsections:\n  - id: s\n    title: S\n    questions:\n      - id: q\n        ask: Why?\n"
            ),
        ),
        (
            "stance",
            "title: T\nkind: prep\nstance:\n  - \"{{ 'x' * 90000000 }}\"\nsections:\n  - id: s\n    title: S\n    questions:\n      - id: q\n        ask: Why?\n".to_string(),
        ),
        (
            "say",
            format!(
                "title: T\nkind: prep\nsections:\n  - id: s\n    title: S\n    questions:\n      - id: q\n        ask: Why?\n        nudges:\n          - when: \"q\"\n            say: \"{loops}\"\n"
            ),
        ),
    ] {
        let path = env.write(&format!("{field}.yaml"), &playbook);
        env.coach()
            .args(["playbook", "validate"])
            .arg(&path)
            .timeout(QUICK)
            .run()
            .code(65)
            .stderr_has(&format!("{}:", path.display()))
            .stderr_has("would run too long or build too much text");
        env.coach()
            .args(["prep", "--with", "Eve", "--playbook"])
            .arg(&path)
            .arg("--answers")
            .arg(env.write("q.yaml", "answers:\n  q: Because\n"))
            .timeout(QUICK)
            .run()
            .code(65);
    }
}

#[test]
fn a_scale_too_wide_or_too_far_is_refused_where_it_is_written() {
    let env = TestEnv::new();
    for (min, max, expect) in [
        ("1", "2000000000", "a scale spans at most 100 points"),
        (
            "-9223372036854775808",
            "9223372036854775807",
            "a scale spans at most 100 points",
        ),
    ] {
        let path = env.write(
            "wide.yaml",
            &format!(
                "title: T\nkind: prep\nsections:\n  - id: s\n    title: S\n    questions:\n      - id: q\n        ask: How much?\n        type: scale\n        min: {min}\n        max: {max}\n"
            ),
        );
        env.coach()
            .args(["playbook", "validate"])
            .arg(&path)
            .timeout(QUICK)
            .run()
            .code(65)
            .stderr_has(&format!("{}:11:", path.display()))
            .stderr_has(expect);
    }
}

#[test]
fn names_and_texts_never_take_over_the_terminal() {
    let env = TestEnv::new();
    let hostile = "Eve \u{1b}]52;c;cHduZWQ=\u{7}\u{1b}[2J\u{202e}gnp.exe\u{9b}1m\u{200b}";
    let id = env.prep(hostile, None);
    env.coach()
        .args(["debrief", "--prep", &id, "--format", "none", "--answers"])
        .arg(env.write(
            "o.yaml",
            "answers:\n  outcome: continuation\n  next_steps:\n    - \"Eve\\e[31m: call back\"\n",
        ))
        .run()
        .success();
    let playbook = env.write(
        "config/playbooks/evil.yaml",
        "title: \"Evil \\e[2J\\u202e\"\nkind: prep\nsummary: \"\\e]0;owned\\a\"\nsections:\n  - id: s\n    title: \"S\\e[5m\"\n    questions:\n      - id: q\n        ask: \"Why \\e[8m?\"\n",
    );
    let runs: Vec<Out> = vec![
        env.run(["card"]),
        env.run(["card", "--with", "eve"]),
        env.run(["history"]),
        env.run(["history", "--format", "json"]),
        env.run(["history", "--format", "jsonl"]),
        env.run(["show", &id]),
        env.run(["show", &id, "--format", "json"]),
        env.run(["followups"]),
        env.run(["followups", "--format", "json"]),
        env.run(["stats"]),
        env.run(["export", "--format", "json"]),
        env.run(["export", "--format", "markdown"]),
        env.run(["playbook", "list"]),
        env.run(["playbook", "show", "evil"]),
        env.coach()
            .args(["playbook", "validate"])
            .arg(&playbook)
            .run(),
        env.run(["show", "\u{1b}[2Jnope"]),
        env.run(["card", "--with", "\u{202e}nobody\u{1b}]52;c;x\u{7}"]),
        env.run(["check", "Why \u{1b}[2J are you \u{202e}so slow?"]),
        env.run(["playbook", "show", "\u{1b}[2J"]),
        env.coach()
            .args(["listen", "-", "--me", "alex"])
            .stdin("Alex: Hi?\nEve\u{1b}[2J\u{202e}: Hello.\n")
            .run(),
    ];
    for out in &runs {
        safe_for_a_terminal(out);
    }
    // What was hostile is shown, visibly.
    assert!(
        runs[0].stdout().contains("Eve \\u{1b}]52;c;"),
        "{}",
        runs[0].stdout()
    );
    assert!(
        runs[5].stdout().contains("\\u{202e}gnp.exe"),
        "{}",
        runs[5].stdout()
    );
    // The notes keep what was typed, exactly.
    let notes = std::fs::read_to_string(env.notes_dir().join(format!("{id}.md"))).unwrap();
    let front: coach::session::Session =
        coach::session::read::front_matter(&coach::diag::Source::new("n.md", notes)).unwrap();
    assert_eq!(front.with, hostile);
    // JSON says the same, escaped.
    let doc = env
        .run(["show", &id, "--format", "json"])
        .success()
        .stdout_json();
    assert_eq!(doc["with"], hostile);
}

#[test]
fn redaction_leaves_no_name_in_any_format() {
    let env = TestEnv::new();
    for with in ["Jo Li", "JO LI", "İlkay Gündoğan", "ilkay gundogan"] {
        env.prep(with, None);
    }
    for format in ["json", "jsonl", "csv", "markdown"] {
        let out = env
            .run(["export", "--format", format, "--redact"])
            .success();
        let text = out.stdout().to_lowercase();
        for name in ["jo li", "jo-li", "ilkay", "i̇lkay", "gündoğan", "gundogan"] {
            assert!(!text.contains(name), "{format}: `{name}` in\n{text}");
        }
        // Two people, whatever their case or accents.
        assert!(
            text.contains("counterpart 2") || text.contains("counterpart-2"),
            "{format}"
        );
        assert!(
            !text.contains("counterpart 3") && !text.contains("counterpart-3"),
            "{format}"
        );
    }
}

#[test]
fn csv_cells_never_run_as_spreadsheet_formulas() {
    let env = TestEnv::new();
    env.prep("=HYPERLINK(\"http://evil\",\"x\")", None);
    env.prep("@SUM(1+1)", None);
    let out = env.run(["export", "--format", "csv"]).success();
    let mut reader = csv::ReaderBuilder::new().from_reader(out.stdout().as_bytes());
    let headers = reader.headers().unwrap().clone();
    for record in reader.records() {
        let record = record.unwrap();
        for (cell, header) in record.iter().zip(headers.iter()) {
            let number = cell.trim().parse::<f64>().is_ok();
            assert!(
                number || !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{header}: {cell:?}"
            );
        }
    }
    assert!(out.stdout().contains("'=HYPERLINK"));
}

#[test]
fn coach_never_writes_what_it_could_not_read_back() {
    let env = TestEnv::new();
    let big = "x".repeat(3 * 1024 * 1024);
    let text = std::fs::read_to_string(fixture("answers/discovery.yaml"))
        .unwrap()
        .replace(
            "objective: Understand how new hires are onboarded today and whether we can help",
            &format!("objective: {big}"),
        );
    let answers = env.write("big.yaml", &text);
    env.coach()
        .args(["prep", "--answers"])
        .arg(&answers)
        .timeout(QUICK)
        .run()
        .code(65)
        .stderr_has("more than the 4194304 coach reads back");
    assert!(env.notes().is_empty());
}

#[test]
fn a_closed_stream_ends_quietly_with_the_normal_exit_code() {
    let env = TestEnv::new();
    let path = env.write(
        "leading.yaml",
        "title: Leading\nkind: prep\nsections:\n  - id: s\n    title: S\n    questions:\n      - id: q\n        ask: What will you ask?\n        help: For example \"Don't you think it's time to upgrade?\"\n        type: list\n",
    );
    let path = path.to_str().unwrap();
    for (args, want) in [
        (vec!["playbook", "lint", path], 1),
        (vec!["playbook", "list"], 0),
        (vec!["show", "nobody"], 66),
        (vec!["man"], 0),
    ] {
        let mut cmd = env.command();
        cmd.args(&args)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        let mut child = cmd.spawn().unwrap();
        // The reader goes away before coach writes a word.
        drop(child.stdout.take());
        drop(child.stderr.take());
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(want), "{args:?}: {status:?}");
    }
}

#[test]
fn temporary_files_of_a_killed_run_are_cleaned_up() {
    let env = TestEnv::new();
    env.prep("Jane Smith", None);
    let stale = env.notes_dir().join(".coach-abc123.tmp");
    let fresh = env.notes_dir().join(".coach-def456.tmp");
    for path in [&stale, &fresh] {
        std::fs::write(path, "half a session").unwrap();
    }
    let hour_ago = std::time::SystemTime::now() - Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(&stale)
        .unwrap()
        .set_modified(hour_ago)
        .unwrap();
    env.run(["history"]).success();
    assert!(!stale.exists(), "a stale temporary file is removed");
    assert!(
        fresh.exists(),
        "one that may be another run's is left alone"
    );
}

#[cfg(target_os = "linux")]
#[test]
fn an_unreadable_notes_directory_says_so() {
    use std::os::unix::fs::PermissionsExt as _;
    let env = TestEnv::new();
    env.prep("Jane Smith", None);
    let open = std::fs::Permissions::from_mode(0o755);
    std::fs::set_permissions(env.dir.path(), open.clone()).unwrap();
    std::fs::set_permissions(env.home(), open).unwrap();
    std::fs::set_permissions(env.notes_dir(), std::fs::Permissions::from_mode(0o000)).unwrap();
    for args in [
        vec!["card"],
        vec!["card", "--with", "jane"],
        vec!["debrief", "--with", "jane", "--no-input"],
        vec!["history"],
    ] {
        env.coach()
            .args(&args)
            .unprivileged()
            .run()
            .code(1)
            .stderr_has("permission denied");
    }
    std::fs::set_permissions(env.notes_dir(), std::fs::Permissions::from_mode(0o700)).unwrap();
}

#[cfg(unix)]
#[test]
fn completion_never_runs_a_file_name_as_code() {
    let env = TestEnv::new();
    env.prep("Jane Smith", None);
    std::fs::write(env.notes_dir().join("$(touch${IFS}PWNED).md"), "").unwrap();
    let script = env.write(
        "coach.bash",
        env.run(["completions", "bash"]).success().stdout(),
    );
    let bin = env.dir.path().join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    symlink(Path::new(env!("CARGO_BIN_EXE_coach")), &bin.join("coach"));
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = env
        .command()
        .env("PATH", path)
        .current_dir(env.dir.path())
        .args(["--version"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let Ok(out) = std::process::Command::new("bash")
        .current_dir(env.dir.path())
        .envs(env.vars())
        .env("PATH", format!("{}:/usr/bin:/bin", bin.display()))
        .arg("-c")
        .arg(format!(
            "source {}; COMP_WORDS=(coach show ''); COMP_CWORD=2; _coach_dynamic coach '' show; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            script.display()
        ))
        .output()
    else {
        eprintln!("bash is not installed; skipping");
        return;
    };
    let offered = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        offered.trim(),
        "2026-11-22-1403-jane-smith-prep",
        "{offered}"
    );
    assert!(
        !env.dir.path().join("PWNED").exists(),
        "a file name ran as code"
    );
}

#[cfg(unix)]
#[test]
fn export_is_judged_by_where_it_lands() {
    let env = TestEnv::new();
    let id = env.prep("Jane Smith", None);
    let session = env.notes_dir().join(format!("{id}.md"));
    let before = std::fs::read(&session).unwrap();
    let sneaky = env.home().join("nope/../sessions").join(format!("{id}.md"));
    env.coach()
        .args(["export", "--format", "json", "--force", "-o"])
        .arg(&sneaky)
        .run()
        .code(2)
        .stderr_has("inside coach's own files");
    assert_eq!(std::fs::read(&session).unwrap(), before);
    assert!(!env.home().join("nope").exists());
    let fifo = env.dir.path().join("pipe");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    env.coach()
        .args(["export", "--format", "json", "--force", "-o"])
        .arg(&fifo)
        .timeout(QUICK)
        .run()
        .code(2)
        .stderr_has("not a regular file");
}

#[cfg(unix)]
#[test]
fn named_files_are_never_followed_out_of_coach_s_directories() {
    let env = TestEnv::new();
    env.prep("Jane Smith", None);
    // A session id that is a symlink out of the notes directory.
    let outside = env.write(
        "secret.md",
        "---\nid: 2026-11-22-1406-x-prep\n---\ntop secret\n",
    );
    symlink(&outside, &env.notes_dir().join("2026-11-22-1406-x-prep.md"));
    let out = env.run(["show", "2026-11-22-1406-x-prep"]).code(66);
    assert!(!out.stdout().contains("top secret"));
    // A draft naming its playbook by a path is not read through it.
    env.write(
        "home/drafts/2026-11-22-1403-jane-prep.yaml",
        &format!(
            "id: 2026-11-22-1403-jane-prep\nkind: prep\nplaybook: {}\nwith: Jane\naccount: ''\n\
             started: 2026-11-22T14:03:00+01:00\nanswers: {{}}\nasked: []\ncoach_version: 0.1.0\n",
            outside.display()
        ),
    );
    let out = env
        .coach()
        .args(["prep", "--resume", "--no-input"])
        .run()
        .code(66)
        .stderr_has("--playbook PATH");
    assert!(!out.stderr().contains("top secret"));
}

#[test]
fn many_small_loops_together_stop_too() {
    let env = TestEnv::new();
    let mut playbook =
        String::from("title: T\nkind: prep\nsections:\n- id: s\n  title: S\n  questions:\n");
    for n in 0..1000 {
        playbook.push_str(&format!(
            "  - {{id: q{n}, ask: \"{{% for i in range(66000) %}}{{% endfor %}}x\"}}\n"
        ));
    }
    let path = env.write("config/playbooks/slow.yaml", &playbook);
    env.coach()
        .args(["playbook", "validate", "slow"])
        .timeout(QUICK)
        .run()
        .code(65)
        .stderr_has("would run too long");
    // Listed quickly, as a playbook with problems.
    env.coach()
        .args(["playbook", "list"])
        .timeout(QUICK)
        .run()
        .success()
        .stdout_has("✗ 1 problem(s)");
    env.coach()
        .args(["prep", "--with", "Eve", "--no-input", "--playbook"])
        .arg(&path)
        .timeout(QUICK)
        .run()
        .code(65)
        .stderr_has("too long");
}

#[test]
fn arguments_and_places_are_shown_safely_too() {
    let env = TestEnv::new();
    safe_for_a_terminal(&env.run(["x\u{202e}y\u{9b}2J\rz"]).code(2));
    safe_for_a_terminal(
        &env.run(["show", "--format", "\u{1b}]52;c;QQ==\u{7}"])
            .code(2),
    );
    let home = env.dir.path().join("h\u{1b}]52;c;QQ==\u{7}");
    for format in ["table", "json", "none"] {
        let out = env
            .coach()
            .args(["prep", "--format", format, "--answers"])
            .arg(fixture("answers/discovery.yaml"))
            .env("COACH_HOME", &home)
            .run()
            .success();
        safe_for_a_terminal(&out);
    }
}

#[test]
fn a_multi_cannot_ask_for_more_than_it_offers() {
    let env = TestEnv::new();
    let path = env.write(
        "multi.yaml",
        "title: T\nkind: prep\nsections:\n  - id: s\n    title: S\n    questions:\n      - id: q\n        ask: Which?\n        type: multi\n        choices: [a]\n        min: 9223372036854775807\n",
    );
    env.coach()
        .args(["playbook", "validate"])
        .arg(&path)
        .run()
        .code(65)
        .stderr_has("asks for 9223372036854775807 choices, and the question offers 1");
}

#[cfg(target_os = "linux")]
#[test]
fn unreadable_notes_drafts_and_playbooks_say_so() {
    use std::os::unix::fs::PermissionsExt as _;
    let env = TestEnv::new();
    let id = env.prep("Jane Smith", None);
    let closed = std::fs::Permissions::from_mode(0o000);
    let open = std::fs::Permissions::from_mode(0o755);
    for dir in [env.dir.path().to_path_buf(), env.home(), env.notes_dir()] {
        std::fs::set_permissions(dir, open.clone()).unwrap();
    }
    let denied = |out: Out| {
        out.code(1).stderr_has("permission denied");
    };
    // The only prep cannot be read: that is why nothing is found.
    let notes = env.notes_dir().join(format!("{id}.md"));
    std::fs::set_permissions(&notes, closed.clone()).unwrap();
    denied(env.coach().args(["show", "latest"]).unprivileged().run());
    denied(env.coach().args(["card"]).unprivileged().run());
    denied(
        env.coach()
            .args(["debrief", "--with", "Jane Smith", "--no-input"])
            .unprivileged()
            .run(),
    );
    std::fs::set_permissions(&notes, std::fs::Permissions::from_mode(0o644)).unwrap();
    // The drafts directory, a playbook directory, a playbook file.
    let drafts = env.home().join("drafts");
    std::fs::create_dir_all(&drafts).unwrap();
    std::fs::set_permissions(&drafts, closed.clone()).unwrap();
    denied(
        env.coach()
            .args(["prep", "--resume", "--no-input"])
            .unprivileged()
            .run(),
    );
    let playbooks = env.dir.path().join("config/playbooks");
    std::fs::create_dir_all(&playbooks).unwrap();
    std::fs::set_permissions(env.dir.path().join("config"), open.clone()).unwrap();
    let mine = env.write(
        "config/playbooks/mine.yaml",
        "title: Mine\nkind: prep\nsections: []\n",
    );
    std::fs::set_permissions(&mine, closed.clone()).unwrap();
    denied(
        env.coach()
            .args(["playbook", "validate", "mine"])
            .unprivileged()
            .run(),
    );
    std::fs::set_permissions(&playbooks, closed).unwrap();
    denied(
        env.coach()
            .args(["prep", "--with", "Eve", "--no-input", "--playbook", "mine"])
            .unprivileged()
            .run(),
    );
}
