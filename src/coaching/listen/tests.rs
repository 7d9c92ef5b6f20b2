//! The readers end to end, from text to figures: one table per format
//! feature, the figure definitions, and bad input. The real transcripts are
//! tested through the binary in `tests/integration/listen.rs`.

use super::warnings::SHOWN_PER_KIND;
use super::*;

/// Each speaker as (name, seconds, words, questions).
type Row<'a> = (&'a str, Option<f64>, u64, u64);

fn rows(analysis: &Analysis) -> Vec<(String, Option<f64>, u64, u64)> {
    analysis
        .speakers
        .iter()
        .map(|s| (s.name.clone(), s.seconds, s.words, s.questions))
        .collect()
}

fn owned(want: &[Row]) -> Vec<(String, Option<f64>, u64, u64)> {
    want.iter()
        .map(|(n, s, w, q)| (n.to_string(), *s, *w, *q))
        .collect()
}

#[test]
fn format_features() {
    let cases: &[(&str, &str, Format, &[Row])] = &[
        (
            "Teams: closed voice spans",
            "WEBVTT\n\n00:00:00.000 --> 00:00:04.000\n<v Alex Kim>Thanks for making time today.</v>\n\n\
             00:00:04.000 --> 00:00:10.000\n<v Jane Doe>Happy to. Where should we start?</v>\n",
            Format::WebVtt,
            &[("Alex Kim", Some(4.0), 5, 0), ("Jane Doe", Some(6.0), 6, 1)],
        ),
        (
            "Teams: several voice spans in one cue, over several lines",
            "WEBVTT\n\n00:00:00.000 --> 00:00:06.000\n<v Alex>one two\nthree four</v>\n<v Jane>five six?</v>\n",
            Format::WebVtt,
            &[("Alex", Some(4.0), 4, 0), ("Jane", Some(2.0), 2, 1)],
        ),
        (
            "voice tag with a class, left open, carried into the next cue",
            "WEBVTT\nKind: captions\nLanguage: en\n\n00:00:01.000 --> 00:00:03.000\n<v.loud Alex> we are \n\n\
             00:00:03.000 --> 00:00:05.000\nstill talking\n",
            Format::WebVtt,
            &[("Alex", Some(4.0), 4, 0)],
        ),
        (
            "Zoom WebVTT: BOM, CRLF, NOTE/STYLE/REGION, cue numbers, settings, mm:ss.mmm",
            "\u{feff}WEBVTT\r\n\r\nNOTE exported by hand\r\nAlex: not a cue\r\n\r\nSTYLE\r\n::cue { color: lime }\r\n\r\n\
             REGION\r\nid:fred width:40%\r\n\r\n1\r\n00:01.000 --> 00:04.000 align:start line:0\r\n\
             Alex Kim: How do decisions get made?\r\n\r\n2\r\n00:04.500 --> 00:09.500 position:10%\r\n\
             Jane Doe: Usually by committee.\r\n",
            Format::WebVtt,
            &[("Alex Kim", Some(3.0), 5, 1), ("Jane Doe", Some(5.0), 3, 0)],
        ),
        (
            "SRT: numbers, commas, a prefix only where the speaker changes, no blank line at the end",
            "1\n00:00:00,000 --> 00:00:02,000\nTravis: When you first get\nstarted, it's\n\n\
             2\n00:00:02,000 --> 00:00:05,000\nalmost guaranteed?\n\n3\n00:00:05,000 --> 00:00:06,500\nSarah: Yes.",
            Format::Srt,
            &[("Travis", Some(5.0), 8, 1), ("Sarah", Some(1.5), 1, 0)],
        ),
        (
            "SRT with lone CR line ends and no cue numbers",
            "00:00:00,000 --> 00:00:02,000\rAlex: one two\r\r00:00:02,000 --> 00:00:03,000\rSam: three\r",
            Format::Srt,
            &[("Alex", Some(2.0), 2, 0), ("Sam", Some(1.0), 1, 0)],
        ),
        (
            "cue numbers with the blank line missing, and a number that is text",
            "1\n00:00:00,000 --> 00:00:01,000\nAlex: How many?\n42\n2\n00:00:01,000 --> 00:00:02,000\nSam: two\n",
            Format::Srt,
            &[("Alex", Some(1.0), 3, 1), ("Sam", Some(1.0), 1, 0)],
        ),
        (
            "plain Name: text lines, a line without a name continues",
            "Alex Kim: Hi Jane, how are things?\nJane Doe: Good, thanks.\nBusy week though.\n\n\
             Alex Kim: Tell me more?\n",
            Format::Plain,
            &[("Alex Kim", None, 8, 2), ("Jane Doe", None, 5, 0)],
        ),
        (
            "tags, entities and SRT overrides are not words",
            "WEBVTT\n\n00:00.000 --> 00:01.000\n<v Alex><i>Q&amp;A</i> &amp; <c.yellow>more</c>?</v>\n\n\
             00:01.000 --> 00:02.000\n{\\an8}<00:00:01.500>still&nbsp;Alex\n",
            Format::WebVtt,
            &[("Alex", Some(2.0), 4, 1)],
        ),
        (
            "a cue without a speaker continues the speaker before, across cues",
            "WEBVTT\n\n00:00.000 --> 00:01.000\n<v Alex>so what do you</v>\n\n\
             00:01.000 --> 00:02.000\nthink?\n\n00:02.000 --> 00:03.000\n<v Sam>Fine.\n\n00:03.000 --> 00:05.000\nReally.\n",
            Format::WebVtt,
            &[("Alex", Some(2.0), 5, 1), ("Sam", Some(3.0), 2, 0)],
        ),
    ];
    for (why, text, format, want) in cases {
        let analysis = analyse(text).unwrap_or_else(|p| panic!("{why}: {p}"));
        assert_eq!(analysis.format, *format, "{why}");
        assert_eq!(rows(&analysis), owned(want), "{why}");
        assert!(
            analysis.warnings.is_empty(),
            "{why}: {:?}",
            analysis.warnings
        );
    }
}

#[test]
fn questions_count_sentences_ending_in_a_question_mark() {
    let cases: &[(&str, u64)] = &[
        ("Alex: really?? You did what?! Why? No.", 3),
        ("Alex: So what do you\nthink?", 1),
        ("Alex: Is that right?\nSam: ?", 1),
        ("Alex: A point. Another!", 0),
    ];
    for (text, want) in cases {
        let analysis = analyse(text).unwrap();
        assert_eq!(analysis.speakers[0].questions, *want, "{text:?}");
    }
}

#[test]
fn monologues_run_across_cues_from_first_start_to_last_end() {
    let text = "WEBVTT\n\n00:00.000 --> 00:10.000\n<v A>one\n\n00:12.000 --> 00:30.000\ntwo\n\n\
                00:30.000 --> 00:31.000\n<v B>three\n\n00:31.000 --> 00:45.000\n<v A>four\n";
    let analysis = analyse(text).unwrap();
    let a = &analysis.speakers[0];
    assert_eq!(a.seconds, Some(42.0));
    assert_eq!(a.longest_monologue_seconds, Some(30.0));
    assert_eq!(a.turns, 2);
    let top: Vec<(&str, Option<f64>, Option<f64>, usize)> = analysis
        .monologues
        .iter()
        .map(|m| (m.speaker.as_str(), m.start_seconds, m.seconds, m.line))
        .collect();
    assert_eq!(
        top,
        [
            ("A", Some(0.0), Some(30.0), 3),
            ("A", Some(31.0), Some(14.0), 12),
            ("B", Some(30.0), Some(1.0), 9),
        ]
    );
    assert_eq!(analysis.duration_seconds, Some(45.0));
}

#[test]
fn bad_input_is_a_problem_with_a_line() {
    let cases: &[(&[u8], usize, &str)] = &[
        (b"", 0, "the file is empty"),
        (b"\n \r\n\t\n", 0, "the file is empty"),
        (
            b"# Meeting notes\nAlex: hi\n",
            1,
            "does not look like a transcript",
        ),
        (b"\n\nhello world\n", 3, "starts with `hello world`"),
        (b"\x00\x01\x02binary", 1, "does not look like a transcript"),
        (b"{\"speakers\": []}", 0, "no segments found"),
        (b"{\"segments\": [", 1, "not WhisperX JSON"),
        (b"{\"segments\": [{\"text\": 3}]}", 1, "not WhisperX JSON"),
        (b"WEBVTT\n\nNOTE nothing here\n", 0, "no cues found"),
        (
            b"WEBVTT\n\n00:00.000 --> 00:01.000\nno names here\n",
            0,
            "no speaker names found",
        ),
        (b"\xFF\xFEW\x00E\x00", 1, "UTF-16"),
    ];
    for (bytes, line, message) in cases {
        let problem = match analyse_reader(*bytes) {
            Err(ListenError::Bad(problem)) => problem,
            other => panic!("{bytes:?}: {other:?}"),
        };
        assert_eq!(problem.line, *line, "{bytes:?}: {problem}");
        assert!(problem.message.contains(message), "{bytes:?}: {problem}");
        assert!(problem.line > 0 || problem.help.is_some(), "{problem}");
    }
}

#[test]
fn damaged_cues_are_warnings_with_their_line() {
    let head = "WEBVTT\n\n00:00.000 --> 00:10.000\n<v A>one two\n\n";
    let cases: &[(&str, &[Row], usize, &str)] = &[
        (
            "00:20.000 --> 00:15.000\n<v B>backwards\n",
            &[("A", Some(10.0), 2, 0), ("B", Some(0.0), 1, 0)],
            6,
            "this cue ends (00:00:15.000) before it starts (00:00:20.000)",
        ),
        (
            "00:05.000 --> 00:15.000\n<v A>again\n",
            &[("A", Some(15.0), 3, 0)],
            6,
            "before the cue at line 3 ends (00:00:10.000); the same speaker's time",
        ),
        (
            "00:08.000 --> 00:12.000\n<v B>over you\n",
            &[("A", Some(10.0), 2, 0), ("B", Some(4.0), 2, 0)],
            6,
            "both speakers' time counts",
        ),
        (
            "00:30.000 --> 00:40.000\n<v B>later\n\n00:20.000 --> 00:25.000\n<v B>earlier\n",
            &[("A", Some(10.0), 2, 0), ("B", Some(15.0), 2, 0)],
            9,
            "cues are out of order",
        ),
        (
            "00:20.000 --> soon\n<v B>whenever\n",
            &[("A", Some(10.0), 2, 0), ("B", Some(0.0), 1, 0)],
            6,
            "cannot read the times",
        ),
        (
            "a stray line\nanother\n\n00:20.000 --> 00:21.000\n<v B>ok\n",
            &[("A", Some(10.0), 2, 0), ("B", Some(1.0), 1, 0)],
            6,
            "no timing line",
        ),
    ];
    for (tail, want, line, message) in cases {
        let analysis = analyse(&format!("{head}{tail}")).unwrap();
        assert_eq!(rows(&analysis), owned(want), "{tail:?}");
        let warning = &analysis.warnings[0];
        assert_eq!(warning.line, *line, "{tail:?}: {warning:?}");
        assert!(warning.message.contains(message), "{tail:?}: {warning:?}");
    }
}

#[test]
fn bytes_that_are_not_utf8_are_read_with_one_warning() {
    let bytes = b"Alex: caf\xE9 time?\nSam: na\xEFve\nAlex: ok\n";
    let analysis = analyse_reader(&bytes[..]).unwrap();
    assert_eq!(analysis.speakers[0].words, 3);
    assert_eq!(analysis.speakers[0].questions, 1);
    assert_eq!(
        analysis.warnings,
        [Warning {
            line: 1,
            message: "bytes that are not UTF-8 are shown as \u{fffd} (2 lines in all)".into()
        }]
    );
}

#[test]
fn text_before_anyone_is_named_is_unknown_with_a_warning() {
    let text =
        "WEBVTT\n\n00:00.000 --> 00:02.000\nhello there\n\n00:02.000 --> 00:04.000\n<v Alex>hi\n";
    let analysis = analyse(text).unwrap();
    assert_eq!(
        rows(&analysis),
        owned(&[
            ("Unknown speaker", Some(2.0), 2, 0),
            ("Alex", Some(2.0), 1, 0)
        ])
    );
    assert_eq!(analysis.warnings[0].line, 4);
    assert!(
        analysis.find("unknown").is_err(),
        "the stand-in is not a person"
    );
}

#[test]
fn many_warnings_of_a_kind_are_counted_not_listed() {
    let mut text = String::from("WEBVTT\n\n");
    for i in 0..50 {
        let (start, end) = (i * 2, i * 2 + 3);
        text.push_str(&format!(
            "{:02}:{:02}.000 --> {:02}:{:02}.000\n<v A>word\n\n",
            start / 60,
            start % 60,
            end / 60,
            end % 60
        ));
    }
    let analysis = analyse(&text).unwrap();
    assert_eq!(
        analysis.warnings.len(),
        SHOWN_PER_KIND + 1,
        "{:?}",
        analysis.warnings
    );
    let last = analysis.warnings.last().unwrap();
    assert_eq!(
        last.message,
        "46 more cues that overlap the same speaker's cue before, from this line on (not shown one by one)"
    );
    assert_eq!(analysis.speakers[0].seconds, Some(101.0));
}

#[test]
fn zero_length_cues_fall_back_to_words_and_say_so() {
    let text = "1\n00:00:01,000 --> 00:00:01,000\nAlex: one two three\n\n\
                2\n00:00:01,000 --> 00:00:01,000\nSam: four\n";
    let analysis = analyse(text).unwrap();
    assert!(!analysis.timed);
    assert_eq!(analysis.speakers[0].share, 0.75);
    assert!(analysis.warnings[0].message.contains("shares are by words"));
}

/// Pieces of real transcripts, shuffled into nonsense.
const PIECES: &[&str] = &[
    "WEBVTT",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "00:00:01.000 --> 00:00:04.000",
    "00:05.000 --> 00:01.000",
    "-->",
    "1",
    "42",
    "NOTE",
    "STYLE",
    "<v Alex>",
    "<v>",
    "</v>",
    "<v.x Sam Lee>",
    "<i>",
    "<",
    ">",
    "{\\an8}",
    "Alex Kim: ",
    "Jane: ",
    "hello",
    "really??",
    "?!",
    "?",
    "&amp;",
    "&nbsp;",
    "&",
    " ",
    "\u{feff}",
    "\u{fffd}",
    "é",
    "\t",
    ":",
];

proptest::proptest! {
    #[test]
    fn never_panics_on_bytes(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..400)) {
        let _ = analyse_reader(&bytes[..]);
    }

    #[test]
    fn never_panics_on_transcript_pieces(
        picks in proptest::collection::vec(0..PIECES.len(), 0..200)
    ) {
        let text: String = picks.iter().map(|&i| PIECES[i]).collect();
        if let Ok(analysis) = analyse(&text) {
            let total: f64 = analysis.speakers.iter().map(|s| s.share).sum();
            proptest::prop_assert!(total <= 1.001, "shares add up to {total}");
            proptest::prop_assert!(analysis.monologues.len() <= 3);
        }
    }
}
