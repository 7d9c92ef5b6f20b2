//! Benchmark of `coach listen` (issue #6): a generated 2-hour, 5-speaker
//! Teams-style transcript analysed in memory (target: under 20 ms), the same
//! call as WhisperX SRT and JSON, Otter and Meet text (the same target), the
//! Teams file through the `coach` binary, and a 100 MB transcript streamed from
//! disk (target: under a second, with memory that does not grow with it).
//!
//! Run it with `cargo bench --bench listen`. It prints the median, the 95th
//! percentile and the fastest run, and on Linux the peak memory of the
//! process before and after the 100 MB file.

#[path = "timing/mod.rs"]
mod timing;
use timing::{measure, report};

use std::fmt::Write as _;
use std::fs::File;
use std::io::{BufReader, BufWriter, Write};
use std::process::{Command, Stdio};
use std::time::Duration;

use coach::coaching::listen::{analyse, analyse_reader};

const RUNS: usize = 200;
const SPEAKERS: [&str; 5] = [
    "Alex Kim",
    "Jane Doe",
    "Sam Patel",
    "Maria Garcia",
    "Wei Chen",
];
const WORDS: [&str; 16] = [
    "we", "need", "the", "rollout", "to", "work", "for", "every", "team", "and", "budget",
    "timing", "matters", "most", "here", "really",
];

fn main() {
    let two_hours = generate(7_200_000, usize::MAX);
    let analysis = analyse(&two_hours).expect("the generated transcript reads");
    let cues = two_hours.matches("-->").count();
    assert_eq!(analysis.speakers.len(), 5);

    let judged = analysis.report(Some("alex")).expect("Alex speaks");
    let my_questions = judged.questions.unwrap_or_default();
    let in_memory = measure(1, RUNS, || {
        let analysis = analyse(&two_hours).expect("reads");
        std::hint::black_box(analysis);
    });
    // What `listen --me` does in all: read, then judge each of my questions.
    let with_me = measure(1, RUNS / 4, || {
        let analysis = analyse(&two_hours).expect("reads");
        let report = analysis.report(Some("alex")).expect("Alex speaks");
        std::hint::black_box(report.questions_by_kind);
    });

    let formats: Vec<(&str, String, Vec<Duration>)> = other_formats(&call(7_200_000, usize::MAX))
        .into_iter()
        .map(|(name, text)| {
            let read = analyse(&text).expect("the generated transcript reads");
            assert_eq!(read.speakers.len(), 5, "{name}");
            let times = measure(1, RUNS / 4, || {
                let analysis = analyse(&text).expect("reads");
                let report = analysis
                    .report(Some("SPEAKER_00"))
                    .or_else(|_| analysis.report(Some("alex")))
                    .expect("Alex speaks");
                assert!(report.questions_by_kind.is_some());
                std::hint::black_box(report.questions_by_kind);
            });
            (name, text, times)
        })
        .collect();

    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("two-hours.vtt");
    std::fs::write(&path, &two_hours).expect("write transcript");
    let exe = env!("CARGO_BIN_EXE_coach");
    let binary = measure(1, 50, || {
        let status = Command::new(exe)
            .arg("listen")
            .arg(&path)
            .args(["--me", "alex", "--format", "json"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("run coach");
        assert!(status.success(), "coach listen failed");
    });

    let big = dir.path().join("hundred-mb.vtt");
    write_big(&big, 100 << 20);
    let big_size = std::fs::metadata(&big).map(|m| m.len()).unwrap_or(0);
    let peak_before = peak_memory_kib();
    let streamed = measure(1, 3, || {
        let file = BufReader::with_capacity(1 << 16, File::open(&big).expect("open"));
        let analysis = analyse_reader(file).expect("the big transcript reads");
        std::hint::black_box(analysis);
    });
    let peak_after = peak_memory_kib();

    println!(
        "coach listen benchmark, {} CPU(s)",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    println!("{:<52} {:>9} {:>9} {:>9}", "what", "median", "p95", "min");
    report(
        &format!(
            "analyse: 2 h, 5 speakers, {cues} cues, {} KiB",
            two_hours.len() >> 10
        ),
        &in_memory,
    );
    report(
        &format!("the same, and my {my_questions} questions judged (--me)"),
        &with_me,
    );
    for (name, text, times) in &formats {
        report(
            &format!(
                "the same call as {name}, {} KiB, --me judged",
                text.len() >> 10
            ),
            times,
        );
    }
    report("coach listen --format json (same file, process)", &binary);
    report(
        &format!("analyse_reader: {} MiB streamed from disk", big_size >> 20),
        &streamed,
    );
    if let (Some(before), Some(after)) = (peak_before, peak_after) {
        println!(
            "peak memory of the process: {} MiB before the {} MiB file, {} MiB after",
            before / 1024,
            big_size >> 20,
            after / 1024
        );
    }
    let slowest = formats
        .iter()
        .map(|(_, _, times)| times[times.len() / 2])
        .chain([with_me[with_me.len() / 2]])
        .max()
        .unwrap_or_default();
    println!(
        "target: 2-hour transcript under 20 ms in every format: {}",
        if slowest < Duration::from_millis(20) {
            "met"
        } else {
            "MISSED"
        }
    );
}

/// One cue of a generated call.
struct Cue {
    speaker: usize,
    start: u64,
    end: u64,
    text: String,
}

/// A call: cues of 1.5–7 s, turns of one to eight cues, one cue in six with
/// a question, until `length_ms` or about `max_bytes` of WebVTT.
fn call(length_ms: u64, max_bytes: usize) -> Vec<Cue> {
    let mut cues = Vec::new();
    let mut random = Lcg(42);
    let (mut at, mut speaker, mut left_in_turn, mut bytes) = (0u64, 0usize, 0u64, 8usize);
    while at < length_ms && bytes < max_bytes {
        if left_in_turn == 0 {
            speaker = (speaker + 1 + random.below(4) as usize) % SPEAKERS.len();
            left_in_turn = 1 + random.below(8);
        }
        left_in_turn -= 1;
        let length = 1_500 + random.below(5_500);
        let mut text = String::new();
        for i in 0..(4 + random.below(14)) {
            if i > 0 {
                text.push(' ');
            }
            text.push_str(WORDS[random.below(WORDS.len() as u64) as usize]);
        }
        text.push(if random.below(6) == 0 { '?' } else { '.' });
        bytes += text.len() + 45;
        cues.push(Cue {
            speaker,
            start: at,
            end: at + length,
            text,
        });
        at += length + random.below(400);
    }
    cues
}

/// A Teams-style WebVTT transcript of `call(length_ms, max_bytes)`.
fn generate(length_ms: u64, max_bytes: usize) -> String {
    let mut out = String::from("WEBVTT\n\n");
    for c in call(length_ms, max_bytes) {
        let _ = write!(
            out,
            "{} --> {}\n<v {}>{}</v>\n\n",
            stamp(c.start),
            stamp(c.end),
            SPEAKERS[c.speaker],
            c.text
        );
    }
    out
}

/// The same call in the other formats coach reads: WhisperX SRT and JSON
/// (speakers as labels), Otter text (turns) and Google Meet text (blocks
/// of about half a minute).
fn other_formats(cues: &[Cue]) -> Vec<(&'static str, String)> {
    let (mut srt, mut json, mut otter, mut meet) = (
        String::new(),
        String::from("{\"segments\": [\n"),
        String::new(),
        String::new(),
    );
    let mut block_at = None;
    for (i, c) in cues.iter().enumerate() {
        let srt_stamp = |ms: u64| stamp(ms).replace('.', ",");
        let _ = write!(
            srt,
            "{}\n{} --> {}\n[SPEAKER_{:02}]: {}\n\n",
            i + 1,
            srt_stamp(c.start),
            srt_stamp(c.end),
            c.speaker,
            c.text
        );
        let comma = if i + 1 < cues.len() { "," } else { "" };
        let _ = writeln!(
            json,
            "{{\"start\": {:.3}, \"end\": {:.3}, \"text\": \" {}\", \"speaker\": \"SPEAKER_{:02}\"}}{comma}",
            c.start as f64 / 1000.0,
            c.end as f64 / 1000.0,
            c.text,
            c.speaker
        );
        if i == 0 || cues[i - 1].speaker != c.speaker {
            let (h, m, s) = (
                c.start / 3_600_000,
                c.start / 60_000 % 60,
                c.start / 1000 % 60,
            );
            let _ = write!(otter, "\n{}  {h}:{m:02}:{s:02}\n", SPEAKERS[c.speaker]);
        }
        let _ = writeln!(otter, "{}", c.text);
        if block_at.is_none_or(|at| c.start >= at + 30_000) {
            block_at = Some(c.start);
            let _ = writeln!(meet, "{}", &stamp(c.start)[..8]);
        }
        let _ = writeln!(meet, "{}: {}", SPEAKERS[c.speaker], c.text);
    }
    json.push_str("]}\n");
    vec![
        ("WhisperX SRT", srt),
        ("WhisperX JSON", json),
        ("Otter text", otter),
        ("Google Meet text", meet),
    ]
}

/// About `bytes` of transcript, written in pieces so the writer stays small.
fn write_big(path: &std::path::Path, bytes: u64) {
    let mut file = BufWriter::new(File::create(path).expect("create"));
    file.write_all(b"WEBVTT\n\n").expect("write");
    let chunk = generate(u64::MAX, 1 << 20);
    let body = chunk.strip_prefix("WEBVTT\n\n").unwrap_or(&chunk);
    // The same cues again and again, each copy moved later in time.
    let copy_ms = 1_000 * 3_600 * 100;
    let mut written = 0u64;
    let mut copy = 0u64;
    while written < bytes {
        let shifted = shift(body, copy * copy_ms);
        file.write_all(shifted.as_bytes()).expect("write");
        written += shifted.len() as u64;
        copy += 1;
    }
    file.flush().expect("flush");
}

/// `body` with every timing moved `by` milliseconds later.
fn shift(body: &str, by: u64) -> String {
    let mut out = String::with_capacity(body.len() + body.len() / 20);
    for line in body.split_inclusive('\n') {
        match line.trim_end().split_once(" --> ") {
            Some((start, end)) => {
                let _ = writeln!(
                    out,
                    "{} --> {}",
                    stamp(parse(start) + by),
                    stamp(parse(end) + by)
                );
            }
            None => out.push_str(line),
        }
    }
    out
}

fn stamp(ms: u64) -> String {
    let (h, m, s, f) = (ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
    format!("{h:02}:{m:02}:{s:02}.{f:03}")
}

fn parse(stamp: &str) -> u64 {
    let (clock, millis) = stamp.split_once('.').expect("a fraction");
    let parts: Vec<u64> = clock
        .split(':')
        .map(|p| p.parse().expect("digits"))
        .collect();
    ((parts[0] * 60 + parts[1]) * 60 + parts[2]) * 1000 + millis.parse::<u64>().expect("digits")
}

/// A small, fixed pseudo-random sequence, so every run measures the same text.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

/// The process's peak resident memory in KiB (Linux only).
fn peak_memory_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
