//! Wall-clock benchmark of the shipped `coach` binary (DESIGN.md section 9):
//! `coach prep --answers` on a 25-question playbook, and `coach --help`.
//!
//! Run it with `cargo bench --bench prep`. It builds coach in release mode,
//! writes a playbook and an answers file to a temporary directory, runs each
//! command many times and prints the median, the 95th percentile and the
//! fastest run. Times include process start, parsing, the flow, and the
//! fsync'd, atomic write of the notes file.

#[path = "timing/mod.rs"]
mod timing;
use timing::{measure, report};

use std::fmt::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};

const RUNS: usize = 200;

fn main() {
    let exe = env!("CARGO_BIN_EXE_coach");
    let dir = tempfile::tempdir().expect("temporary directory");
    let (playbook, answers) = write_inputs(dir.path());
    let home = dir.path().join("home");

    let prep = measure(10, RUNS, || {
        let status = Command::new(exe)
            .args(["prep", "--playbook"])
            .arg(&playbook)
            .arg("--answers")
            .arg(&answers)
            .args(["--format", "none"])
            .env("COACH_HOME", &home)
            .env("COACH_NOW", "2026-11-22T14:03:00+01:00")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("run coach");
        assert!(status.success(), "coach prep failed");
    });
    let help = measure(10, RUNS, || {
        let status = Command::new(exe)
            .arg("--help")
            .stdout(Stdio::null())
            .status()
            .expect("run coach");
        assert!(status.success());
    });

    println!(
        "coach benchmark: {RUNS} runs each, {} CPU(s)",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    println!(
        "{:<44} {:>9} {:>9} {:>9}",
        "command", "median", "p95", "min"
    );
    report("prep --answers (25 questions, notes written)", &prep);
    report("--help", &help);
}

/// A 25-question prep playbook using every question type, templates, `when`
/// and nudges, and an answers file that answers all of it.
fn write_inputs(dir: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let types = [
        "text", "long", "list", "choice", "multi", "yesno", "scale", "number", "date",
    ];
    let mut playbook = String::from(
        "id: bench\ntitle: Benchmark call\nkind: prep\nintro: Prepare for {{ with }} at {{ account }}.\n\
         stance:\n  - Listen to {{ with }}.\nsections:\n",
    );
    let mut answers = String::from("with: Jane Smith\naccount: Acme Corp\nanswers:\n");
    for s in 0..5 {
        let _ = write!(
            playbook,
            "  - id: s{s}\n    title: Section {s}\n    why: Why section {s} matters to {{{{ with }}}}.\n    questions:\n"
        );
        for q in 0..5 {
            let n = s * 5 + q;
            let ty = types[n % types.len()];
            let _ = write!(
                playbook,
                "      - id: q{n}\n        ask: Question {n} for {{{{ with }}}}?\n        help: Why question {n} matters.\n        type: {ty}\n        nudge: Question {n} was left empty.\n"
            );
            if n > 0 {
                let _ = writeln!(playbook, "        when: q0 != 'skip'");
            }
            let value = match ty {
                "choice" => {
                    playbook.push_str("        choices: [growth, trouble, even_keel]\n");
                    "trouble".to_string()
                }
                "multi" => {
                    playbook.push_str("        choices: [economic, user, technical, coach]\n");
                    "[economic, user]".to_string()
                }
                "scale" => {
                    playbook.push_str("        nudges:\n          - when: \"q6 >= 4\"\n            say: Slow down.\n");
                    "4".to_string()
                }
                "list" => "[How do decisions get made?, What would success look like?]".to_string(),
                "long" => "\"Two lines\\nof text\"".to_string(),
                "yesno" => "true".to_string(),
                "number" => "12".to_string(),
                "date" => "2026-12-01".to_string(),
                _ => format!("Answer {n}"),
            };
            let _ = writeln!(answers, "  q{n}: {value}");
        }
    }
    let playbook_path = dir.join("bench.yaml");
    let answers_path = dir.join("answers.yaml");
    std::fs::write(&playbook_path, playbook).expect("write playbook");
    std::fs::write(&answers_path, answers).expect("write answers");
    (playbook_path, answers_path)
}
