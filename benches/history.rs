//! Benchmark of reading many sessions with the shipped `coach` binary:
//! `coach history --with NAME` (a filter that keeps 1 session in 200) and
//! `coach export --format csv` (every session parsed in full), at 1,000,
//! 10,000 and 100,000 sessions.
//!
//! Run it with `cargo bench --bench history` (or `-- 1000 10000` for other
//! sizes). A generator writes realistic notes files to a temporary
//! `COACH_HOME`: preps and debriefs of 200 counterparts at 60 accounts over
//! three years, answers with commas, quotes and line breaks, follow-ups and
//! measured transcripts, and a Markdown body, as coach writes them. Each
//! command runs several times with a warm file cache; the report gives the
//! median and fastest wall time, the time per 1,000 sessions (flat when
//! cost grows linearly), and the peak resident memory of one run measured
//! with `/usr/bin/time` where it exists. Set `COACH_BENCH_HOME=DIR` to keep
//! the generated sessions there (files already there are not rewritten). Targets (2 cores): `history --with`
//! over 100,000 sessions under 300 ms and 50 MiB.

#[path = "timing/mod.rs"]
mod timing;
use timing::measure;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

use coach::playbook::{Answer, Kind};
use coach::session::{Answers, FollowUp, Measured, Session};

const PEOPLE: &[&str] = &[
    "Jane", "Omar", "Priya", "Lars", "Zoë", "Kwame", "Mei", "Diego", "Anika", "Tomás",
];
const SURNAMES: &[&str] = &[
    "Smith", "Haddad", "Iyer", "Berg", "Ünal", "Mensah", "Chen", "Ruiz", "Kowalski", "O'Neil",
    "Dubois", "Sato", "Novak", "Okafor", "Larsen", "Rossi", "Kim", "Silva", "Nguyen", "Fischer",
];
const ACCOUNTS: &[&str] = &[
    "Acme Corp",
    "Globex",
    "Initech",
    "Umbrella, Inc.",
    "Hooli",
    "Stark \"Industries\"",
];

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.replace('_', "").parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![1_000, 10_000, 100_000]
    } else {
        sizes
    };
    let exe = env!("CARGO_BIN_EXE_coach");
    // COACH_BENCH_HOME keeps the generated sessions for another run.
    let dir = tempfile::tempdir().expect("temporary directory");
    let home = std::env::var_os("COACH_BENCH_HOME")
        .map_or_else(|| dir.path().join("home"), std::path::PathBuf::from);
    let notes = home.join("sessions");
    std::fs::create_dir_all(&notes).expect("notes directory");
    println!(
        "coach history benchmark, {} CPU(s); median / fastest wall time, per 1,000 sessions, peak memory",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    let mut written = 0;
    for n in sizes {
        let started = Instant::now();
        for i in written..n {
            write_session(&notes, i);
        }
        written = written.max(n);
        eprintln!("(wrote {n} sessions in {:.1?})", started.elapsed());
        let runs = if n >= 100_000 { 5 } else { 11 };
        let history = ["history", "--with", "Priya Iyer"];
        let export = ["export", "--format", "csv"];
        for (label, args) in [
            ("history --with \"Priya Iyer\"", &history[..]),
            ("export --format csv", &export[..]),
        ] {
            let times = measure(1, runs, || run(exe, &home, args));
            let peak = peak_kib(exe, &home, args);
            let median = times[times.len() / 2];
            println!(
                "{n:>7} sessions  {label:<30} {:>9.1?} {:>9.1?} {:>8.2?}/1k {:>10}",
                median,
                times[0],
                median / (n as u32 / 1000).max(1),
                peak.map_or("–".into(), |k| format!("{:.1} MiB", k as f64 / 1024.0)),
            );
        }
    }
}

fn run(exe: &str, home: &Path, args: &[&str]) {
    let status = command(exe, home, args).status().expect("run coach");
    assert!(status.success(), "coach {args:?} failed");
}

fn command(exe: &str, home: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(exe);
    cmd.args(args)
        .env("COACH_HOME", home)
        .env("COACH_NOW", "2026-11-22T14:03:00+01:00")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    cmd
}

/// Peak resident memory of one run, in KiB, from `/usr/bin/time -f %M`.
fn peak_kib(exe: &str, home: &Path, args: &[&str]) -> Option<u64> {
    let out = Command::new("/usr/bin/time")
        .args(["-f", "%M", exe])
        .args(args)
        .env("COACH_HOME", home)
        .env("COACH_NOW", "2026-11-22T14:03:00+01:00")
        .stdout(Stdio::null())
        .output()
        .ok()?;
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .last()?
        .trim()
        .parse()
        .ok()
}

/// A deterministic pseudo-random number for session `i` and salt `k`.
fn pick(i: usize, k: usize, n: usize) -> usize {
    let mut x = (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
        ^ (k as u64).wrapping_mul(0xC2B2_AE3D_27D4_EB4F);
    x ^= x >> 31;
    x = x.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x ^= x >> 29;
    (x % n as u64) as usize
}

/// Session `i`: counterpart `i % 200`, every other one a debrief.
pub fn session(i: usize) -> Session {
    let person = i % 200;
    let with = format!("{} {}", PEOPLE[person % 10], SURNAMES[person / 10]);
    let account = ACCOUNTS[person % ACCOUNTS.len()].to_string();
    let day = jiff::civil::date(2024, 1, 1)
        .checked_add(jiff::Span::new().days((i * 1096 / 100_000.max(i + 1)) as i64))
        .unwrap_or(jiff::civil::date(2026, 11, 1));
    let (hh, mm) = (8 + pick(i, 1, 10), pick(i, 2, 60));
    let date = format!("{day}T{hh:02}:{mm:02}:00+01:00");
    let kind = if (i + i / 200).is_multiple_of(2) {
        Kind::Prep
    } else {
        Kind::Debrief
    };
    let slug = coach::text::slug(&with, "x");
    let id = format!("{day}-{hh:02}{mm:02}-{slug}-{}-{i}", kind.as_str());
    let mut answers = vec![
        (
            "objective".to_string(),
            Answer::Text(format!("Learn how {account} decides, and who else cares")),
        ),
        (
            "business_result".into(),
            Answer::Text("Cut onboarding time in half, \"at least\"\nbefore spring".into()),
        ),
        (
            "planned_questions".into(),
            Answer::List(vec![
                "How do decisions like this get made?".into(),
                "What happens if you do nothing?".into(),
                "Who else should be in the room, and why?".into(),
            ]),
        ),
        ("neediness".into(), Answer::Int(1 + pick(i, 3, 5) as i64)),
    ];
    let mut followups = Vec::new();
    let mut listen = None;
    if kind == Kind::Debrief {
        let outcome = ["advance", "continuation", "no_sale"][pick(i, 4, 3)];
        answers.extend([
            ("outcome".to_string(), Answer::Text(outcome.into())),
            ("talk_share".into(), Answer::Int(30 + pick(i, 5, 40) as i64)),
            (
                "questions_asked".into(),
                Answer::Int(4 + pick(i, 6, 12) as i64),
            ),
            ("felt_needy".into(), Answer::Int(1 + pick(i, 7, 5) as i64)),
            ("took_over".into(), Answer::Int(1 + pick(i, 8, 5) as i64)),
            (
                "objections".into(),
                Answer::List(vec![
                    "Another login for agents".into(),
                    "Price, again".into(),
                ]),
            ),
        ]);
        for n in 1..=2 {
            followups.push(FollowUp {
                id: format!("{id}#{n}"),
                owner: if n == 1 { "me".into() } else { "them".into() },
                what: "send the pilot plan".into(),
                due: Some(day.checked_add(jiff::Span::new().days(5)).unwrap_or(day)),
                done: None,
            });
        }
        if i % 5 == 1 {
            listen = Some(Measured {
                transcript: format!("/calls/{id}.vtt"),
                me: "Sam Seller".into(),
                talk_share: 0.3 + pick(i, 9, 40) as f64 / 100.0,
                questions: 5 + pick(i, 10, 10) as u64,
                longest_monologue_seconds: Some(40.0 + pick(i, 11, 80) as f64),
                ..Default::default()
            });
        }
    }
    let playbook = if kind == Kind::Prep {
        "discovery"
    } else {
        "debrief"
    };
    Session {
        title: format!("Discovery call with {with} ({account})"),
        prep: (kind == Kind::Debrief).then(|| id.replace("debrief", "prep")),
        id,
        kind,
        playbook: playbook.into(),
        playbook_version: 1,
        with,
        account,
        date: date.parse().expect("an RFC 3339 time"),
        tags: vec!["coach".into(), kind.as_str().into()],
        answers: Answers(answers),
        // As coach writes them now: what the questions mean, with each session.
        means: coach::playbook::builtin::meanings(playbook),
        skipped: vec!["competition".into()],
        plan_vs_actual: Vec::new(),
        nudges: vec![
            "You have not named a personal win yet. Ask what a good outcome would mean for them."
                .into(),
        ],
        followups,
        listen,
        call_at: None,
        participants: Vec::new(),
        coach_version: "0.1.0".into(),
    }
}

fn write_session(dir: &Path, i: usize) {
    let s = session(i);
    let path = dir.join(format!("{}.md", s.id));
    if path.exists() {
        return;
    }
    let front = serde_saphyr::to_string(&s).expect("front matter");
    let mut body = format!("---\n{front}---\n# {}\n\n", s.title);
    for (id, a) in &s.answers.0 {
        body.push_str(&format!("## {id}\n\n{}\n\n", a.display()));
    }
    std::fs::write(path, body).expect("write a session");
}
