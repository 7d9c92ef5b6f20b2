//! Tests of the fast session reader.

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
    let Found::Broken(w) = read_head(&file(d, "x.md", &broken)) else {
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
    let (loaded, warnings) = load(&s.heads, Some(3));
    assert_eq!(loaded.len(), 3);
    assert!(warnings.is_empty());
    assert!(scan(&d.join("missing"), |_| true).unwrap().heads.is_empty());
}
