//! A team without a server: each person's `export --format jsonl --redact`
//! in one shared folder, and the documented DuckDB query
//! (`docs/team/team-table.sql`) giving the team table over those files —
//! run here with DuckDB's Python package, installed into the test's own
//! virtual environment from PyPI, and its numbers checked.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::env::{TestEnv, fixture};

/// A Python with DuckDB, in the target directory (installed once).
fn duckdb_python() -> PathBuf {
    let venv = Path::new(env!("CARGO_TARGET_TMPDIR")).join("duckdb-venv");
    let python = venv.join("bin/python");
    let ready = Command::new(&python)
        .args(["-c", "import duckdb"])
        .status()
        .is_ok_and(|s| s.success());
    if !ready {
        let made = Command::new("python3")
            .args(["-m", "venv"])
            .arg(&venv)
            .status()
            .expect("python3 runs");
        assert!(made.success(), "python3 -m venv failed");
        let pip = Command::new(&python)
            .args(["-m", "pip", "install", "--quiet", "duckdb==2.0.1"])
            .status()
            .expect("pip runs");
        assert!(
            pip.success(),
            "pip install duckdb failed (the test needs PyPI)"
        );
    }
    python
}

/// One person's sessions: a prep and its debrief on `day` (a Monday
/// week's Tuesday), from `debrief` answers.
fn week(env: &TestEnv, day: &str, debrief: &str) {
    env.coach()
        .env("COACH_NOW", format!("{day}T09:00:00+01:00"))
        .args(["prep", "--format", "none", "--answers"])
        .arg(fixture("answers/discovery.yaml"))
        .run()
        .success();
    let answers = env.write("debrief.yaml", debrief);
    env.coach()
        .env("COACH_NOW", format!("{day}T17:00:00+01:00"))
        .args([
            "debrief",
            "--prep",
            "latest",
            "--format",
            "none",
            "--answers",
        ])
        .arg(answers)
        .run()
        .success();
}

#[test]
fn the_team_table_comes_from_each_persons_redacted_export() {
    let standard = std::fs::read_to_string(fixture("answers/debrief.yaml")).unwrap();
    let no_sale = standard
        .replace("outcome: advance", "outcome: no_sale")
        .replace("talk_share: 55", "talk_share: 35");
    let alex = TestEnv::new();
    week(&alex, "2026-11-17", &standard);
    week(&alex, "2026-11-18", &no_sale);
    week(&alex, "2026-11-24", &standard);
    // Alex kept two promises of the first week.
    for n in ["1", "2"] {
        alex.coach()
            .env("COACH_NOW", "2026-11-20T10:00:00+01:00")
            .args(["followups", "--done", n])
            .run()
            .success();
    }
    let sam = TestEnv::new();
    week(&sam, "2026-11-19", &standard);

    let shared = tempfile::tempdir().unwrap();
    std::fs::create_dir(shared.path().join("team")).unwrap();
    for (name, env) in [("alex", &alex), ("sam", &sam)] {
        env.coach()
            .env("COACH_NOW", "2026-11-30T09:00:00+01:00")
            .args(["export", "--format", "jsonl", "--redact", "-o"])
            .arg(shared.path().join(format!("team/{name}.jsonl")))
            .run()
            .success();
    }
    let query = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/team/team-table.sql"),
    )
    .unwrap();
    let out = Command::new(duckdb_python())
        .current_dir(shared.path())
        .args([
            "-c",
            "import duckdb, json, sys\nrows = duckdb.sql(sys.argv[1]).fetchall()\nprint(json.dumps([[str(c) if c is not None else None for c in r] for r in rows]))",
            &query,
        ])
        .output()
        .expect("the query runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows: Vec<Vec<Option<String>>> = serde_json::from_slice(&out.stdout).unwrap();
    let s = |v: &[&str]| v.iter().map(|c| Some(c.to_string())).collect::<Vec<_>>();
    // person, week, sessions, debriefs, advance, continuation, no_sale,
    // talk share, promises, kept.
    assert_eq!(
        rows,
        vec![
            s(&[
                "alex",
                "2026-11-16",
                "4",
                "2",
                "1",
                "0",
                "1",
                "45.0",
                "6",
                "2"
            ]),
            s(&[
                "alex",
                "2026-11-23",
                "2",
                "1",
                "1",
                "0",
                "0",
                "55.0",
                "3",
                "0"
            ]),
            s(&[
                "sam",
                "2026-11-16",
                "2",
                "1",
                "1",
                "0",
                "0",
                "55.0",
                "3",
                "0"
            ]),
        ]
    );
}
