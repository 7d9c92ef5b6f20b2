//! Tests of the fast session reader.

use super::head::{Quick, quick_head, scalar};
use super::*;

#[test]
fn scalars_the_hand_scan_reads() {
    let cases = [
        (" Jane Smith", Some("Jane Smith")),
        (
            " \"2026-11-22T14:03:00+01:00\"",
            Some("2026-11-22T14:03:00+01:00"),
        ),
        (" \"Jane \\\"JJ\\\" Smith\"", Some("Jane \"JJ\" Smith")),
        (" 'O''Brien'", Some("O'Brien")),
        (" \"\"", Some("")),
        (" >-", None),
        (" |", None),
        ("", None),
        (" Jane # a comment", None),
        (" ~", None),
        (" [a, b]", None),
        (" \"unclosed", None),
    ];
    for (raw, want) in cases {
        assert_eq!(scalar(raw).as_deref(), want, "{raw:?}");
    }
}

fn file(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

const GOOD: &str = "---\nid: 2026-11-22-1403-jane-prep\nkind: prep\nplaybook: discovery\nplaybook_version: 1\ntitle: T\nwith: Jane\naccount: Acme\ndate: \"2026-11-22T14:03:00+01:00\"\ntags: [coach]\nanswers:\n  with: not this one\nskipped: []\nnudges: []\ncoach_version: 0.1.0\n---\n# body\nid: nope\n";

#[test]
fn heads_are_read_by_hand_or_in_full() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let Found::Head(h) = read_head(&file(d, "a.md", GOOD)) else {
        panic!()
    };
    assert_eq!(
        (h.id.as_str(), h.with.as_str(), h.kind),
        ("2026-11-22-1403-jane-prep", "Jane", Kind::Prep)
    );
    // A folded scalar goes to the full reader and reads the same.
    let folded = GOOD.replace("with: Jane\n", "with: >-\n  Jane\n");
    let Found::Head(h2) = read_head(&file(d, "b.md", &folded)) else {
        panic!()
    };
    assert_eq!(h2.with, "Jane");
    // A plain scalar continued on the next line, likewise.
    let multi = GOOD.replace("account: Acme\n", "account: Acme\n  Corp\n");
    let Found::Head(h3) = read_head(&file(d, "c.md", &multi)) else {
        panic!()
    };
    assert_eq!(h3.account, "Acme Corp");
    assert!(matches!(
        read_head(&file(d, "n.md", "# notes\n")),
        Found::NotSession
    ));
    assert!(matches!(
        read_head(&file(d, "f.md", "---\ntitle: blog\n---\n")),
        Found::NotSession
    ));
    let broken = GOOD.replace("playbook: discovery", "playbook: [discovery");
    let Found::Broken(super::Skip { warning: w, .. }) = read_head(&file(d, "x.md", &broken)) else {
        panic!()
    };
    assert!(w.contains("x.md:") && w.contains("warning: skipped"), "{w}");
    let no_kind = GOOD.replace("kind: prep\n", "");
    assert!(matches!(
        read_head(&file(d, "k.md", &no_kind)),
        Found::Broken(_)
    ));
}

#[test]
fn a_scan_keeps_sorts_and_warns() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    for n in 0..100 {
        let text = GOOD
            .replace("2026-11-22-1403-jane-prep", &format!("s{n:03}"))
            .replace("14:03", &format!("{:02}:{:02}", n / 60, n % 60))
            .replace(
                "with: Jane",
                if n % 2 == 0 {
                    "with: Jane"
                } else {
                    "with: Omar"
                },
            );
        file(d, &format!("s{n:03}.md"), &text);
    }
    file(d, "broken.md", &GOOD.replace("kind: prep", "kind: [prep"));
    file(d, "notes.txt", "not markdown");
    let s = scan(d, |h| h.with == "Jane").unwrap();
    assert_eq!(s.heads.len(), 50);
    assert_eq!(s.heads[0].id, "s098");
    assert_eq!(s.heads[49].id, "s000");
    assert_eq!(s.warnings.len(), 1, "{:?}", s.warnings);
    let (loaded, warnings) = load_with(&s.heads, Some(3), |_, s| s);
    assert_eq!(loaded.len(), 3);
    assert!(warnings.is_empty());
    assert!(scan(&d.join("missing"), |_| true).unwrap().heads.is_empty());
}

/// What the hand scan made of a file, and what the full reader made of it.
fn both(dir: &Path, text: &str) -> (Quick, std::result::Result<Session, super::Skip>) {
    let path = file(dir, "s.md", text);
    let quick = quick_head(&path, &mut Vec::new());
    (quick, full(&path))
}

/// The hand scan and the full reader agree on every field they both read:
/// when both read the file, the heads are the same; when the hand scan says
/// "not a session", the full reader fails too. When it is unsure it hands
/// the file to the full reader, which is then right by definition. (A file
/// whose YAML is broken below the keys the hand scan reads may still be
/// listed by its head: the full reader warns about it when it is shown.)
fn agree(dir: &Path, text: &str) -> std::result::Result<(), String> {
    let path = dir.join("s.md");
    match both(dir, text) {
        (Quick::Head(h), Ok(s)) if h == Head::of(&path, &s) => Ok(()),
        (Quick::Head(h), Ok(s)) => Err(format!(
            "the hand scan read {h:?}\nthe full reader read {:?}",
            Head::of(&path, &s)
        )),
        (Quick::Head(_), Err(_)) => Ok(()),
        (Quick::NotSession, Ok(s)) => Err(format!(
            "the hand scan saw no session, the full reader read {s:?}"
        )),
        (Quick::NotSession, Err(_)) | (Quick::Unsure, _) => Ok(()),
    }
}

/// Ways people (and other tools) edit a notes file by hand. Each takes the
/// file's text and returns it changed; `{}` in a value is the old value.
const EDITS: &[(&str, &str, &str)] = &[
    ("CRLF line endings", "\n", "\r\n"),
    ("a folded scalar", "\nwith: ", "\nwith: >-\n  "),
    ("a literal scalar", "\naccount: ", "\naccount: |\n  "),
    ("single quotes", "\nplaybook: ", "\nplaybook: 'p-"),
    (
        "a comment after a value",
        "\nkind: prep\n",
        "\nkind: prep # edited\n",
    ),
    ("a duplicate key", "\nkind: ", "\nid: again\nkind: "),
    ("a key removed", "\naccount: ", "\nx_account: "),
    ("a capitalised kind", "kind: prep", "kind: Prep"),
    ("a byte order mark", "---\n", "\u{feff}---\n"),
    ("spaces after the fence", "\n---\n#", "\n---   \n#"),
    ("a space before the colon", "\nwith:", "\nwith :"),
    ("a null value", "\naccount: ", "\naccount: ~ #"),
    ("a tab after the colon", "\nwith: ", "\nwith:\t"),
    ("a date without an offset", "+01:00", ""),
    ("a date-only date", "T14:03:00+01:00", ""),
    ("a document end marker", "\n---\n#", "\n...\n---\n#"),
    ("an indented key", "\nprep: ", "\n  prep: "),
    ("a flow mapping", "\nanswers:", "\nanswers: {a: 1}\nx:"),
    ("an anchor", "\nwith: ", "\nwith: &who "),
    (
        "a trailing no-break space",
        "\nwith: Jane Smith",
        "\nwith: Jane Smith\u{a0}",
    ),
    (
        "a quoted number",
        "\nplaybook: discovery",
        "\nplaybook: 123",
    ),
    ("a boolean", "\nplaybook: discovery", "\nplaybook: true"),
    ("a kind in quotes", "kind: prep", "kind: \"prep\""),
];

const DEBRIEF_FILE: &str = "---\nid: 2026-11-22-1530-jane-smith-debrief\nkind: prep\nplaybook: discovery\nplaybook_version: 1\ntitle: Debrief\nwith: Jane Smith\naccount: Acme Corp\ndate: 2026-11-22T14:03:00+01:00\ntags: [coach, prep]\nprep: 2026-11-22-1403-jane-smith-prep\nanswers:\n  with: an answer that looks like a key\n  date: 2020-01-01T00:00:00Z\nskipped: []\nnudges: []\ncoach_version: 0.1.0\n---\n# Debrief\nid: not this\n";

#[test]
fn the_hand_scan_agrees_with_the_full_reader_on_hand_edited_files() {
    let tmp = tempfile::tempdir().unwrap();
    let mut wrong = Vec::new();
    agree(tmp.path(), DEBRIEF_FILE).unwrap();
    for (what, from, to) in EDITS {
        assert!(
            DEBRIEF_FILE.contains(from),
            "{what}: `{from:?}` is not in the file"
        );
        let text = DEBRIEF_FILE.replacen(from, to, 1);
        if let Err(why) = agree(tmp.path(), &text) {
            wrong.push(format!("{what}:\n{why}"));
        }
        // Applied everywhere, too.
        let text = DEBRIEF_FILE.replace(from, to);
        if let Err(why) = agree(tmp.path(), &text) {
            wrong.push(format!("{what} (everywhere):\n{why}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n\n"));
}

mod generated {
    use proptest::prelude::*;

    use super::*;
    use crate::playbook::Answer;
    use crate::session::{Answers, Moment};

    /// Names and titles as people type them: quotes, colons, hashes, dashes,
    /// leading and trailing spaces, accents, emoji, control characters.
    fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            "[A-Za-z][a-z]{0,8}( [A-Z][a-z]{0,8})?",
            "[ -~]{0,24}",
            "\\PC{0,16}",
            Just(String::new()),
            Just("O'Brien: \"JJ\" #1".to_string()),
            Just("- dash".to_string()),
            Just("null".to_string()),
            Just("yes".to_string()),
            Just("Zoë Ångström ".to_string()),
            Just("a\u{a0}".to_string()),
        ]
    }

    fn moment() -> impl Strategy<Value = Moment> {
        (0i64..2_000_000_000, -50_400i32..50_400).prop_map(|(s, o)| {
            let ts = jiff::Timestamp::from_second(s).unwrap();
            let offset = jiff::tz::Offset::from_seconds(o - o % 60).unwrap();
            Moment::of(&ts.to_zoned_datetime(jiff::tz::TimeZone::fixed(offset)))
        })
    }

    fn session() -> impl Strategy<Value = Session> {
        (
            "[a-z0-9][a-z0-9-]{0,30}[a-z0-9]",
            prop::bool::ANY,
            text(),
            text(),
            text(),
            moment(),
            prop::option::of("[a-z0-9-]{1,20}"),
            text(),
        )
            .prop_map(
                |(id, prep, playbook, with, account, date, link, answer)| Session {
                    id,
                    kind: if prep { Kind::Prep } else { Kind::Debrief },
                    playbook,
                    playbook_version: 1,
                    title: format!("{with} call"),
                    with,
                    account,
                    date,
                    tags: vec!["coach".into()],
                    prep: link,
                    answers: Answers(vec![("with".into(), Answer::Text(answer))]),
                    means: Default::default(),
                    skipped: vec![],
                    plan_vs_actual: vec![],
                    nudges: vec![],
                    followups: vec![],
                    listen: None,
                    call_at: None,
                    participants: Vec::new(),
                    coach_version: "0.1.0".into(),
                },
            )
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

        /// Sessions as coach writes them, and then hand-edited.
        #[test]
        fn the_hand_scan_agrees_with_the_full_reader(s in session(), edit in 0..=EDITS.len()) {
            let tmp = tempfile::tempdir().unwrap();
            let front = serde_saphyr::to_string(&s).unwrap();
            let written = format!("---\n{front}---\n# Notes\n");
            // What coach writes is always read back by the hand scan or, when
            // it is unsure, by the full reader; never lost.
            let path = file(tmp.path(), "w.md", &written);
            match read_head(&path) {
                Found::Head(h) => prop_assert_eq!(h, Head::of(&path, &s)),
                other => prop_assert!(false, "{:?} for\n{}", other, written),
            }
            let text = match EDITS.get(edit) {
                Some((_, from, to)) => written.replacen(from, to, 1),
                None => written,
            };
            if let Err(why) = agree(tmp.path(), &text) {
                prop_assert!(false, "{}\nfor\n{}", why, text);
            }
        }
    }
}
