//! `coach listen`: real and written transcripts through the binary, as JSON
//! and as a table, and what bad input gets.
//!
//! The expected figures for the real transcripts were counted independently
//! by `tests/fixtures/transcripts/hand_count.py` (it shares no code with
//! coach: blank-line blocks, a regex for the speaker, its own word and
//! question rules), and the simple ones checked by hand from the cue times;
//! see the comment on each test.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::env::{Coach, TestEnv, fixture};

fn transcript(name: &str) -> PathBuf {
    fixture(&format!("transcripts/{name}"))
}

/// The shared folder beside the repository, absent in a fresh clone.
fn shared(name: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/fixtures/transcripts")
        .join(name);
    if path.is_file() {
        Some(path)
    } else {
        eprintln!(
            "skipped: {} is not there (it lives outside the repository and is never copied in)",
            path.display()
        );
        None
    }
}

fn json_of(env: &TestEnv, path: &Path, me: Option<&str>) -> Value {
    let mut coach = env
        .coach()
        .arg("listen")
        .arg(path)
        .args(["--format", "json"]);
    if let Some(me) = me {
        coach = coach.args(["--me", me]);
    }
    let out = coach.run().success();
    assert_eq!(out.stderr(), "", "nothing on stderr");
    out.stdout_json()
}

/// (name, seconds, share, words, questions, longest monologue seconds)
fn speakers(json: &Value) -> Vec<(String, f64, f64, u64, u64, f64)> {
    json["speakers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["name"].as_str().unwrap().to_string(),
                s["seconds"].as_f64().unwrap(),
                s["share"].as_f64().unwrap(),
                s["words"].as_u64().unwrap(),
                s["questions"].as_u64().unwrap(),
                s["longest_monologue_seconds"].as_f64().unwrap(),
            )
        })
        .collect()
}

fn rows(want: &[(&str, f64, f64, u64, u64, f64)]) -> Vec<(String, f64, f64, u64, u64, f64)> {
    want.iter()
        .map(|(n, s, sh, w, q, l)| (n.to_string(), *s, *sh, *w, *q, *l))
        .collect()
}

/// Teams-style voice tags, opened once a turn and never closed, with a stray
/// `<v a>` inside Gerry Hanley's turn at 00:03:56.130 (counted as a speaker
/// `a`, as written) and "Pablo Molinda", a typo, kept apart from "Pablo
/// Molina". By hand: Michael Young's first turn runs 00:00:00.599 to
/// 00:00:29.100, 28.501 s; Pablo Molina speaks 00:00:57.400 to 00:01:12.000,
/// 14.6 s; the cue with `<v a>` (7.16 s, 6 words then 5) gives Gerry 3.905 s
/// and `a` the rest. The rest by `hand_count.py`.
#[test]
fn voice_tag_transcript_figures_match_the_hand_count() {
    let env = TestEnv::new();
    let json = json_of(&env, &transcript("voice-tags-itaccess.vtt"), None);
    assert_eq!(
        speakers(&json),
        rows(&[
            ("Michael Young", 58.781, 0.1726, 169, 0, 28.501),
            ("Tracy Mitrano", 109.052, 0.3202, 305, 0, 56.14),
            ("Pablo Molina", 14.6, 0.0429, 31, 0, 14.6),
            ("Edward Ray", 28.081, 0.0825, 65, 0, 16.02),
            ("Gerry Hanley", 43.545, 0.1279, 92, 0, 25.36),
            ("Pablo Molinda", 27.101, 0.0796, 74, 0, 27.191),
            ("a", 36.905, 0.1084, 81, 0, 37.065),
            ("Bruce Maas", 22.5, 0.0661, 60, 0, 22.5),
        ])
    );
    assert_eq!(json["format"], "webvtt");
    assert_eq!(json["me"], Value::Null);
    assert_eq!(json["talk_share"], Value::Null);
    assert_eq!(json["warnings"], json!([]));
    let monologues: Vec<(&str, f64, f64)> = json["monologues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            let start = m["start_seconds"].as_f64().unwrap();
            (
                m["speaker"].as_str().unwrap(),
                start,
                m["seconds"].as_f64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        monologues,
        [
            ("Tracy Mitrano", 179.98, 56.14),
            ("Tracy Mitrano", 98.5, 39.6),
            ("a", 240.035, 37.065),
        ]
    );
}

/// SRT, `Name:` only where the speaker changes (10 of 222 cues), commas in
/// the times, no blank line at the end. Figures by `hand_count.py`; the 15
/// question marks in the file are 13 for Travis and 2 for Gilon.
#[test]
fn speaker_prefix_srt_figures_match_the_hand_count() {
    let Some(path) = shared("podcast-speaker-prefix.srt") else {
        return;
    };
    let env = TestEnv::new();
    let json = json_of(&env, &path, Some("travis"));
    assert_eq!(
        speakers(&json),
        rows(&[
            ("Travis", 461.014, 0.6385, 1561, 13, 183.89),
            ("Sarah", 97.837, 0.1355, 280, 0, 51.811),
            ("Gilon", 163.217, 0.226, 636, 2, 71.52),
        ])
    );
    assert_eq!(json["me"], "Travis");
    assert_eq!(json["talk_share"], 0.6385);
    assert_eq!(json["questions"], 13);
    assert_eq!(json["longest_monologue_seconds"], 183.89);
    assert_eq!(json["monologues"][0]["start_seconds"], 376.629);
}

/// Our own Zoom-style file: BOM, CRLF, NOTE and STYLE blocks, cue numbers and
/// settings, `mm:ss.mmm`, and cue 11 with no name (still Alex). By hand:
/// Alex 4.5+12+5+6+36+30+15 = 108.5 s of 209 s (0.5191), 98 words, 6
/// questions ("really??"-style runs count once: `weeks??`, `Late?!`); his
/// longest run is cues 10–11, 01:34 to 02:40 = 66 s.
#[test]
fn zoom_transcript_with_me() {
    let path = transcript("zoom-discovery.vtt");
    let bytes = std::fs::read(&path).unwrap();
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBFWEBVTT\r\n"),
        "fixture lost its BOM or CRLF"
    );
    let env = TestEnv::new();
    let json = json_of(&env, &path, Some("ALEX KIM"));
    assert_eq!(
        speakers(&json),
        rows(&[
            ("Alex Kim", 108.5, 0.5191, 98, 6, 66.0),
            ("Jane Doe", 78.0, 0.3732, 63, 1, 25.0),
            ("Sam Patel", 22.5, 0.1077, 17, 0, 15.0),
        ])
    );
    let head: Value = ["me", "talk_share", "questions", "longest_monologue_seconds"]
        .iter()
        .map(|k| (k.to_string(), json[k].clone()))
        .collect::<serde_json::Map<_, _>>()
        .into();
    assert_eq!(
        head,
        json!({"me": "Alex Kim", "talk_share": 0.5191, "questions": 6, "longest_monologue_seconds": 66.0})
    );
    let verdicts: Vec<&str> = json["coaching"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["verdict"].as_str().unwrap())
        .collect();
    assert_eq!(verdicts, ["high", "low", "high"]);
}

#[test]
fn table_output_with_me() {
    let env = TestEnv::new();
    let out = env
        .coach()
        .arg("listen")
        .arg(transcript("zoom-discovery.vtt"))
        .args(["--me", "alex"])
        .run()
        .success();
    assert_eq!(out.stderr(), "", "nothing on stderr");
    let text = out.stdout();
    insta::assert_snapshot!(text, @r#"
    WebVTT, 3 speakers, 3:30 from the first cue to the last.
    ┌───────────┬──────┬───────────────────┬───────┬───────────┬───────────────────┐
    │ Speaker   ┆ Time ┆ Share of time     ┆ Words ┆ Questions ┆ Longest monologue │
    ╞═══════════╪══════╪═══════════════════╪═══════╪═══════════╪═══════════════════╡
    │ Alex Kim  ┆ 1:49 ┆ ██████░░░░░░  52% ┆    98 ┆         6 ┆              1:06 │
    │ Jane Doe  ┆ 1:18 ┆ ████░░░░░░░░  37% ┆    63 ┆         1 ┆              0:25 │
    │ Sam Patel ┆ 0:23 ┆ █░░░░░░░░░░░  11% ┆    17 ┆         0 ┆              0:15 │
    └───────────┴──────┴───────────────────┴───────┴───────────┴───────────────────┘

    You (Alex Kim):
      ➜ talked 52% of the time (band: about 43%)
        You did most of the talking. Next time, after each point ask what they think, and let the
        silence do some work.
      ➜ asked 6 questions (band: 11–14 in discovery)
        A few more open questions would let them tell you what matters; prepare some before the next
        call (`coach check` helps).
      ➜ longest monologue 1:06
        Long enough to lose them; after a minute or so, check in with a question.
      · waited 0.0 s on average before answering; you never started before they had stopped
      · your questions, as coach check reads them: 4 open, 2 closed
          closed: "Six weeks??"
          closed: "Late?!"
      Bands: Gong Labs' published call studies (talk-to-listen 43:57 converted best; 11–14 questions did
      best in discovery calls).

    Longest monologues:
      1. Alex Kim — 1:06, from 1:34
      2. Jane Doe — 0:25, from 3:05
      3. Jane Doe — 0:21, from 0:44
    "#);
}

#[test]
fn without_times_words_stand_in_and_the_table_says_so() {
    let env = TestEnv::new();
    let path = transcript("plain-discovery.txt");
    let json = json_of(&env, &path, Some("jane"));
    assert_eq!(json["format"], "plain");
    assert_eq!(json["timed"], false);
    assert_eq!(json["speakers"][0]["seconds"], Value::Null);
    assert_eq!(json["speakers"][0]["words"], 98);
    assert_eq!(json["speakers"][0]["longest_monologue_words"], 43);
    assert_eq!(json["talk_share"], 0.3539);
    assert_eq!(json["longest_monologue_seconds"], Value::Null);
    let out = env.coach().arg("listen").arg(&path).run().success();
    let text = out.stdout();
    assert!(
        text.contains("There are no times, so shares and monologues are measured in words."),
        "{text}"
    );
    assert!(text.contains("Share of words"), "{text}");
    assert!(
        text.contains("1. Alex Kim — 43 words, from line 10"),
        "{text}"
    );
    assert!(text.contains("Pass --me with your name"), "{text}");
}

#[test]
fn the_format_comes_from_the_content_not_the_name() {
    let env = TestEnv::new();
    let text = std::fs::read_to_string(transcript("voice-tags-itaccess.vtt")).unwrap();
    let path = env.write("call.txt", &text);
    let json = json_of(&env, &path, Some("tracy"));
    assert_eq!(json["format"], "webvtt");
    assert_eq!(json["me"], "Tracy Mitrano");

    let piped = env
        .coach()
        .args(["listen", "-", "--format", "json"])
        .stdin(text)
        .run()
        .success()
        .stdout_json();
    assert_eq!(
        piped["speakers"], json["speakers"],
        "`-` reads standard input"
    );
}

#[test]
fn me_matching_nobody_lists_the_speakers() {
    let out = Coach::new()
        .arg("listen")
        .arg(transcript("zoom-discovery.vtt"))
        .args(["--me", "Robin", "--format", "json"])
        .run()
        .code(65)
        .stderr_has(
            "nobody called \"Robin\" speaks in this transcript; the speakers are \"Alex Kim\", \"Jane Doe\", \"Sam Patel\"",
        );
    assert_eq!(out.stdout(), "", "nothing on stdout");
}

#[test]
fn bad_files_get_an_error_naming_file_and_line() {
    let env = TestEnv::new();
    let cases: &[(&str, &[u8], i32, &str)] = &[
        ("empty.vtt", b"", 65, "empty.vtt: error: the file is empty"),
        (
            "notes.md",
            b"# Call notes\nAlex: hi\n",
            65,
            "notes.md:1:1: error: this does not look like a transcript",
        ),
        (
            "captions.vtt",
            b"WEBVTT\n\n00:00.000 --> 00:01.000\nno names\n",
            65,
            "no speaker names found",
        ),
    ];
    for (name, bytes, code, message) in cases {
        let path = env.dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let out = env.coach().arg("listen").arg(&path).run().code(*code);
        assert_eq!(out.stdout(), "", "{name}: nothing on stdout");
        let stderr = env.redact(out.stderr());
        assert!(stderr.contains(message), "{name}: {stderr}");
    }
    env.run(["listen", "no-such-call.vtt"])
        .code(66)
        .stderr_has("no transcript at no-such-call.vtt");
}

#[test]
fn damaged_transcripts_warn_on_stderr_and_keep_stdout_json() {
    let env = TestEnv::new();
    let path = env.dir.path().join("damaged.vtt");
    std::fs::write(
        &path,
        b"WEBVTT\n\n00:00.000 --> 00:05.000\n<v Alex>caf\xE9 first\n\n\
          00:09.000 --> 00:06.000\n<v Sam>backwards\n\n00:04.000 --> 00:08.000\n<v Sam>over\n",
    )
    .unwrap();
    let out = env
        .coach()
        .arg("listen")
        .arg(&path)
        .args(["--format", "json"])
        .run()
        .success();
    let json = out.stdout_json();
    assert_eq!(json["speakers"][0]["seconds"], 5.0);
    assert_eq!(json["speakers"][1]["seconds"], 4.0);
    let stderr = env.redact(out.stderr());
    for expected in [
        "[TMP]/damaged.vtt:4:1: warning: bytes that are not UTF-8",
        "[TMP]/damaged.vtt:6:1: warning: this cue ends (00:00:06.000) before it starts (00:00:09.000)",
        "[TMP]/damaged.vtt:9:1: warning: this cue starts at 00:00:04.000, before the cue at line 3 ends",
    ] {
        assert!(stderr.contains(expected), "{expected}\n{stderr}");
    }
    assert_eq!(json["warnings"].as_array().unwrap().len(), 3);
}

/// WhisperX labels (`[SPEAKER_00]: `) are speakers until named; `--speaker`
/// names them and merges two labels of one person. Figures by hand from the
/// cue times: SPEAKER_00 speaks 4 s + 2 s, SPEAKER_01 6 s, SPEAKER_02 8 s.
#[test]
fn diarized_labels_are_named_and_merged_with_speaker() {
    let env = TestEnv::new();
    let path = transcript("whisperx-diarized.srt");
    let labels = json_of(&env, &path, None);
    let names: Vec<&str> = labels["speakers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["SPEAKER_00", "SPEAKER_01", "SPEAKER_02"]);

    let out = env
        .coach()
        .arg("listen")
        .arg(&path)
        .args(["--format", "json", "--me", "alex"])
        .args(["--speaker", "SPEAKER_00=Alex Kim"])
        .args([
            "--speaker",
            "speaker_01=Jane Doe",
            "--speaker",
            "SPEAKER_02 = Jane Doe",
        ])
        .run()
        .success();
    let json = out.stdout_json();
    let got: Vec<(String, f64, f64, u64, u64, f64)> = speakers(&json);
    assert_eq!(
        got,
        [
            ("Alex Kim".to_string(), 6.0, 0.3, 16, 2, 4.0),
            ("Jane Doe".to_string(), 14.0, 0.7, 21, 0, 8.0),
        ]
    );
    assert_eq!(
        json["speakers"][1]["labels"],
        json!(["SPEAKER_01", "SPEAKER_02"])
    );
    assert_eq!(json["me"], "Alex Kim");
    assert_eq!(json["talk_share"], 0.3);
}

/// `--speaker` without `=` is a usage error that shows the form.
#[test]
fn a_speaker_without_a_name_is_a_usage_error() {
    Coach::new()
        .arg("listen")
        .arg(transcript("whisperx-diarized.srt"))
        .args(["--speaker", "SPEAKER_00"])
        .run()
        .code(2)
        .stderr_has("expected LABEL=NAME");
}

/// A `me` from the config that does not speak in this call still gets the
/// table, and a note naming who does speak.
#[test]
fn a_configured_me_not_in_the_call_still_shows_the_figures() {
    let env = TestEnv::new();
    env.write("config/config.yaml", "me: Robin Hart\n");
    let out = env
        .coach()
        .arg("listen")
        .arg(transcript("whisperx-diarized.srt"))
        .run()
        .success();
    assert!(out.stdout().contains("SPEAKER_01"), "{}", out.stdout());
    let err = out.stderr();
    assert!(err.contains("nobody called \"Robin Hart\""), "{err}");
    assert!(
        err.contains("\"SPEAKER_00\", \"SPEAKER_01\", \"SPEAKER_02\""),
        "{err}"
    );
    assert!(err.contains("--speaker LABEL="), "{err}");
}

/// The shares shown in the table add up to 100%, whatever their rounding.
#[test]
fn shares_shown_add_up_to_100() {
    let env = TestEnv::new();
    let text = "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n<v A>one\n\n00:00:01.000 --> 00:00:02.000\n<v B>two\n\n00:00:02.000 --> 00:00:03.000\n<v C>three\n";
    let path = env.write("thirds.vtt", text);
    let out = env.coach().arg("listen").arg(&path).run().success();
    let percents: u32 = out
        .stdout()
        .lines()
        .filter_map(|l| l.split('%').next()?.rsplit(' ').next()?.parse::<u32>().ok())
        .sum();
    assert_eq!(percents, 100, "{}", out.stdout());
}

/// Patience and interruptions on a call built for them (by hand from the
/// cue times): Alex waits 1.5 s once and starts once before Jane stops at
/// 20 s; Jane waits 2 s once and starts once before Alex stops at 15 s.
#[test]
fn patience_and_interruptions() {
    let env = TestEnv::new();
    let text = "WEBVTT\n\n00:00:00.000 --> 00:00:05.000\n<v Alex>So how does the team plan shifts today?\n\n\
        00:00:07.000 --> 00:00:12.000\n<v Jane>On a whiteboard, mostly.\n\n\
        00:00:13.500 --> 00:00:15.000\n<v Alex>And who keeps it current?\n\n\
        00:00:14.000 --> 00:00:20.000\n<v Jane>Priya does, when she remembers.\n\n\
        00:00:19.000 --> 00:00:22.000\n<v Alex>Sorry, go on.\n";
    let path = env.write("built.vtt", text);
    let out = env
        .coach()
        .arg("listen")
        .arg(&path)
        .args(["--format", "json", "--me", "alex"])
        .run()
        .success();
    let json = out.stdout_json();
    assert_eq!(json["patience_seconds"], 1.5);
    assert_eq!(json["interruptions"], 1);
    let jane = &json["speakers"][1];
    assert_eq!(jane["name"], "Jane");
    assert_eq!(jane["patience_seconds"], 2.0);
    assert_eq!(jane["interruptions"], 1);
    let table = env
        .coach()
        .arg("listen")
        .arg(&path)
        .args(["--me", "alex"])
        .run()
        .success();
    assert!(
        table.stdout().contains(
            "waited 1.5 s on average before answering; you started once before they had stopped"
        ),
        "{}",
        table.stdout()
    );
}

/// Otter's text export and a Google Meet transcript saved as text, which give
/// start times only. The figures were counted independently by
/// `tests/fixtures/transcripts/turn_count.py` (DESIGN.md's timing rule: a turn
/// lasts until the next starts, a block's time split by words, the last at the
/// call's pace so far).
#[test]
fn otter_and_meet_text_by_the_start_times_rule() {
    let env = TestEnv::new();
    let otter = json_of(&env, &transcript("otter-followup.txt"), Some("priya"));
    assert_eq!(otter["format"], "otter");
    let got: Vec<(String, f64, f64, u64, u64)> = speakers(&otter)
        .into_iter()
        .map(|(n, s, sh, w, q, _)| (n, s, sh, w, q))
        .collect();
    assert_eq!(
        got,
        [
            ("Priya Shah".to_string(), 22.75, 0.4483, 38, 3),
            ("Tom Reyes".to_string(), 28.0, 0.5517, 40, 0),
        ]
    );
    assert_eq!(otter["talk_share"], 0.4483);
    let meet = json_of(&env, &transcript("meet-standup.txt"), None);
    assert_eq!(meet["format"], "meet");
    let got: Vec<(String, f64, f64, u64, u64)> = speakers(&meet)
        .into_iter()
        .map(|(n, s, sh, w, q, _)| (n, s, sh, w, q))
        .collect();
    assert_eq!(
        got,
        [
            ("Anna Berg".to_string(), 12.477, 0.3855, 16, 2),
            ("Luis Ortega".to_string(), 14.162, 0.4375, 18, 0),
            ("Mei Chen".to_string(), 5.728, 0.177, 7, 1),
        ]
    );
}

/// Bad Otter and Meet input: a turn out of order is warned about with its
/// line, a file with a title and no block is refused naming line 1, and
/// neither panics.
#[test]
fn bad_otter_and_meet_input() {
    let env = TestEnv::new();
    let otter = env.write(
        "back.txt",
        "Ann Lee  0:10\nHello there.\n\nBo Kim  0:05\nHi.\n\nAnn Lee  0:20\nBye.\n",
    );
    let out = env.coach().arg("listen").arg(&otter).run().success();
    assert!(
        out.stderr()
            .contains("back.txt:4:1: warning: this turn starts before the one above it"),
        "{}",
        out.stderr()
    );
    let meet = env.write(
        "meet.txt",
        "Weekly sync\nTranscript\n00:00:20\nAnn Lee: First.\n00:00:10\nBo Kim: Second.\n",
    );
    let out = env.coach().arg("listen").arg(&meet).run().success();
    assert!(
        out.stderr()
            .contains("meet.txt:5:1: warning: this turn starts before the one above it"),
        "{}",
        out.stderr()
    );
    let title_only = env.write("title.txt", "Weekly sync\nTranscript\nNothing was said.\n");
    env.coach()
        .arg("listen")
        .arg(&title_only)
        .run()
        .code(65)
        .stderr_has("title.txt:1:1: error: this does not look like a transcript");
}

/// WhisperX JSON: the same call as `whisperx-diarized.srt`, so the same
/// figures (by hand from its times), labels named with `--speaker`.
#[test]
fn whisperx_json_gives_the_figures_of_its_srt() {
    let env = TestEnv::new();
    let run = |name: &str| {
        env.coach()
            .arg("listen")
            .arg(transcript(name))
            .args(["--format", "json", "--me", "alex"])
            .args([
                "--speaker",
                "SPEAKER_00=Alex Kim",
                "--speaker",
                "SPEAKER_01=Jane Doe",
            ])
            .args(["--speaker", "SPEAKER_02=Jane Doe"])
            .run()
            .success()
            .stdout_json()
    };
    let (json, srt) = (run("whisperx-diarized.json"), run("whisperx-diarized.srt"));
    assert_eq!(json["format"], "whisperx-json");
    assert_eq!(speakers(&json), speakers(&srt));
    assert_eq!(json["talk_share"], 0.3);
}

/// Broken WhisperX JSON is refused with its line, a segment that runs
/// backwards is warned about with its line, and neither panics.
#[test]
fn bad_whisperx_json() {
    let env = TestEnv::new();
    let broken = env.write(
        "broken.json",
        "{\n  \"segments\": [\n    {\"start\": 0.0, \"end\": 1.0,\n",
    );
    env.coach()
        .arg("listen")
        .arg(&broken)
        .run()
        .code(65)
        .stderr_has("broken.json:4:1: error: not WhisperX JSON");
    let backwards = env.write(
        "back.json",
        "{\"segments\": [\n{\"start\": 0.0, \"end\": 2.0, \"text\": \"Hi there.\", \"speaker\": \"A\"},\n{\"start\": 5.0, \"end\": 3.0, \"text\": \"Hello.\", \"speaker\": \"B\"}\n]}\n",
    );
    let out = env.coach().arg("listen").arg(&backwards).run().success();
    assert!(
        out.stderr()
            .contains("back.json:3:1: warning: this segment ends before it starts"),
        "{}",
        out.stderr()
    );
    let empty = env.write("empty.json", "{\"segments\": []}\n");
    env.coach()
        .arg("listen")
        .arg(&empty)
        .run()
        .code(65)
        .stderr_has("no segments found");
}

/// Every question I ask is judged by the question coach, a question split
/// over two cues is one, a request without a `?` is not a question, and the
/// other speaker's questions are not mine. Each flagged question gets the
/// kinds `coach check` gives it: one judgement everywhere.
#[test]
fn my_questions_are_judged_by_kind() {
    let env = TestEnv::new();
    let text = "1\n00:00:00,000 --> 00:00:04,000\n[SPEAKER_00]: Thanks for the time. How does the team plan shifts\n\n\
        2\n00:00:04,000 --> 00:00:06,000\n[SPEAKER_00]: today?\n\n\
        3\n00:00:07,000 --> 00:00:12,000\n[SPEAKER_01]: On a whiteboard. Do you want the details?\n\n\
        4\n00:00:13,000 --> 00:00:18,000\n[SPEAKER_00]: Yes please. Do you have a budget for this? Tell me about the rota.\n\n\
        5\n00:00:19,000 --> 00:00:25,000\n[SPEAKER_01]: Some.\n\n\
        6\n00:00:26,000 --> 00:00:30,000\n[SPEAKER_00]: Wouldn't you agree the whiteboard is a mess? Can you sign today?\n";
    let path = env.write("kinds.srt", text);
    let json = env
        .coach()
        .arg("listen")
        .arg(&path)
        .args(["--format", "json", "--me", "Alex"])
        .args([
            "--speaker",
            "SPEAKER_00=Alex",
            "--speaker",
            "SPEAKER_01=Jane",
        ])
        .run()
        .success()
        .stdout_json();
    assert_eq!(json["questions"], 4);
    assert_eq!(
        json["questions_by_kind"],
        json!({"open": 1, "closed": 3, "leading": 1, "statement": 0, "stacked": 0, "pressure": 1, "loaded": 0})
    );
    let flagged: Vec<(String, Value)> = json["flagged_questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["question"].as_str().unwrap().to_string(),
                f["kinds"].clone(),
            )
        })
        .collect();
    let asked: Vec<&str> = flagged.iter().map(|(q, _)| q.as_str()).collect();
    assert_eq!(
        asked,
        [
            "Do you have a budget for this?",
            "Wouldn't you agree the whiteboard is a mess?",
            "Can you sign today?"
        ]
    );
    for (question, kinds) in &flagged {
        let checked = env
            .coach()
            .args(["check", "--format", "json", question])
            .run()
            .success()
            .stdout_json();
        assert_eq!(&checked[0]["kinds"], kinds, "{question}");
    }
    let table = env
        .coach()
        .arg("listen")
        .arg(&path)
        .args(["--me", "Alex", "--speaker", "SPEAKER_00=Alex"])
        .run()
        .success();
    assert!(
        table.stdout().contains(
            "your questions, as coach check reads them: 1 open, 3 closed, 1 leading, 1 pressure"
        ),
        "{}",
        table.stdout()
    );
}

/// In every fixture, each of my questions is judged once: open plus flagged
/// is the count of questions.
#[test]
fn every_format_judges_each_question_once() {
    let env = TestEnv::new();
    let cases = [
        ("zoom-discovery.vtt", "Alex Kim"),
        ("plain-discovery.txt", "Alex Kim"),
        ("otter-followup.txt", "Priya"),
        ("meet-standup.txt", "Anna"),
        ("whisperx-diarized.json", "SPEAKER_00"),
    ];
    for (name, me) in cases {
        let path = transcript(name);
        let json = env
            .coach()
            .arg("listen")
            .arg(&path)
            .args(["--format", "json", "--me", me])
            .run()
            .success()
            .stdout_json();
        let judged = json["questions_by_kind"]["open"].as_u64().unwrap()
            + json["flagged_questions"].as_array().unwrap().len() as u64;
        assert_eq!(
            judged,
            json["questions"].as_u64().unwrap(),
            "{name}: {json}"
        );
        assert!(
            json["questions"].as_u64().unwrap() > 0,
            "{name} has questions of mine"
        );
    }
}
