//! Benchmark of the question coach: every question of the held-out corpus
//! checked in-process (the first check also reads the model's weights), and
//! the same questions through `coach check --format json` on stdin.
//!
//! Run it with `cargo bench --bench check`. It prints the median, the 95th
//! percentile and the fastest run.

#[path = "timing/mod.rs"]
mod timing;
use timing::{measure, report};

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use coach::coaching::check::check;

const HELD_OUT: [&str; 2] = [
    include_str!("../tests/fixtures/questions/held-out-3/n-field.tsv"),
    include_str!("../tests/fixtures/questions/held-out-3/o-mixed.tsv"),
];

fn main() {
    let questions: Vec<&str> = HELD_OUT
        .iter()
        .flat_map(|text| text.lines())
        .filter_map(|l| l.split_once('\t').map(|(_, q)| q))
        .collect();
    let first = Instant::now();
    std::hint::black_box(check(questions[0]));
    println!("first check, weights read: {:.2} ms", ms(first.elapsed()));

    let one = measure(1, 20, || {
        for q in &questions {
            std::hint::black_box(check(q));
        }
    });
    let per = |d: Duration| d / questions.len() as u32;
    let per_question: Vec<Duration> = one.iter().map(|d| per(*d)).collect();
    report(
        &format!("one question (mean over {})", questions.len()),
        &per_question,
    );

    let input = questions.join("\n");
    let exe = env!("CARGO_BIN_EXE_coach");
    let binary = measure(1, 20, || {
        let mut child = Command::new(exe)
            .args(["check", "--format", "json"])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .expect("run coach");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input.as_bytes())
            .expect("write questions");
        assert!(child.wait().expect("coach ran").success());
    });
    report(
        &format!("coach check, {} questions on stdin", questions.len()),
        &binary,
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
