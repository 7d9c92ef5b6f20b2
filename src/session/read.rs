//! Reading a notes file back: only its YAML front matter, which holds the
//! data (the Markdown body is for people and never read). A file edited by
//! hand into invalid front matter gets a diagnostic with file, line and
//! column, so a listing can skip it with one clear warning.

use crate::diag::{Diagnostic, Diagnostics, Loc, Source};

use super::Session;
use crate::playbook::{Meaning, Meanings};

/// What the questions of a session written before meanings existed meant:
/// its built-in playbook's meanings, or for a playbook of the user's own,
/// what coach read then — the answers whose ids were a meaning's name.
fn legacy_meanings(session: &Session) -> Meanings {
    let builtin = crate::playbook::builtin::meanings(&session.playbook);
    if !builtin.is_empty() {
        return builtin;
    }
    let ids = session
        .answers
        .0
        .iter()
        .map(|(id, _)| id)
        .chain(&session.skipped);
    Meanings(
        ids.filter_map(|id| Meaning::parse(id))
            .filter(|m| m.fits_kind(session.kind))
            .map(|m| (m.as_str().to_string(), m.as_str().to_string()))
            .collect(),
    )
}

/// Whether the text starts like a coach notes file (front matter first).
pub fn looks_like_session(text: &str) -> bool {
    text.starts_with("---\n") || text.starts_with("---\r\n")
}

/// The session in a notes file's front matter.
pub fn front_matter(source: &Source) -> Result<Session, Diagnostics> {
    let fail = |loc: Loc, message: String| Diagnostics(vec![Diagnostic::new(source, loc, message)]);
    let text = source.text.as_str();
    if !looks_like_session(text) {
        return Err(fail(
            Loc::new(1, 1, 1),
            "not a coach notes file: it does not start with a `---` line".into(),
        ));
    }
    let body = &text[text.find('\n').map_or(text.len(), |i| i + 1)..];
    // The closing `---` on a line of its own.
    let mut end = None;
    let mut offset = 0;
    for line in body.split_inclusive('\n') {
        if line.trim_end() == "---" {
            end = Some(offset);
            break;
        }
        offset += line.len();
    }
    let Some(end) = end else {
        return Err(fail(
            Loc::new(1, 1, 3),
            "the front matter is never closed: add a `---` line after it".into(),
        ));
    };
    let yaml = &body[..end];
    let options = serde_saphyr::options! {
        with_snippet: false,
        strict_booleans: true,
        budget: serde_saphyr::budget! { max_depth: 32, max_aliases: 64, max_documents: 1 },
    };
    let mut session =
        serde_saphyr::from_str_with_options::<Session>(yaml, options).map_err(|err| {
            use serde_saphyr::MessageFormatter;
            // The front matter starts on the file's second line.
            let loc = err.location().map_or(Loc::new(2, 1, 1), |l| {
                Loc::new(
                    l.line() as usize + 1,
                    l.column() as usize,
                    (l.span().len() as usize).max(1),
                )
            });
            let message = serde_saphyr::UserMessageFormatter.format_message(&err);
            fail(loc, format!("invalid front matter: {message}"))
        })?;
    // Ids name files: one that could be a path is refused.
    if !super::valid_id(&session.id) {
        let line = yaml
            .lines()
            .position(|l| l.starts_with("id:"))
            .map_or(2, |i| i + 2);
        return Err(Diagnostics(vec![
            Diagnostic::new(
                source,
                Loc::new(line, 1, 2),
                format!(
                    "the id `{}` is not a session id",
                    crate::text::printable_line(&session.id)
                ),
            )
            .help("a session id has only letters a-z, digits and `-`, like 2026-11-22-1403-jane-smith-prep"),
        ]));
    }
    // Notes written before playbooks said what their questions mean have
    // no `means:` key (coach writes one always, `{}` when there are none).
    if !yaml.lines().any(|l| l.starts_with("means:")) {
        session.means = legacy_meanings(&session);
    }
    Ok(session)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::playbook::{Answer, Kind};
    use crate::session::Answers;

    fn session() -> Session {
        Session {
            id: "2026-11-22-1403-jane-prep".into(),
            kind: Kind::Prep,
            playbook: "discovery".into(),
            playbook_version: 1,
            title: "Discovery call with Jane".into(),
            with: "Jane".into(),
            account: String::new(),
            date: "2026-11-22T14:03:00+01:00".parse().unwrap(),
            tags: vec!["coach".into(), "prep".into()],
            prep: None,
            answers: Answers(vec![
                (
                    "objective".into(),
                    Answer::Text("Learn: what matters?\n---\nreally".into()),
                ),
                ("neediness".into(), Answer::Int(4)),
                ("ready".into(), Answer::Bool(true)),
                (
                    "questions".into(),
                    Answer::List(vec!["How?".into(), "no".into()]),
                ),
                (
                    "influences".into(),
                    Answer::People(vec![
                        crate::playbook::Person {
                            name: "Dana: Lee".into(),
                            roles: vec![crate::playbook::Role::Economic],
                            influence: Some(crate::playbook::Influence::High),
                            mode: Some(crate::playbook::Mode::EvenKeel),
                            rating: Some(-2),
                            win: Some("yes\nno".into()),
                        },
                        crate::playbook::Person {
                            name: "Mo".into(),
                            ..Default::default()
                        },
                    ]),
                ),
            ]),
            means: crate::playbook::Meanings(vec![("objective".into(), "objective".into())]),
            skipped: vec!["why_now".into()],
            nudges: vec!["Slow down.".into()],
            plan_vs_actual: Vec::new(),
            followups: Vec::new(),
            listen: None,
            call_at: None,
            participants: Vec::new(),
            coach_version: "0.1.0".into(),
        }
    }

    #[test]
    fn a_written_session_reads_back() {
        let s = session();
        let text = format!(
            "---\n{}---\n# Body\n\n---\nmore\n",
            serde_saphyr::to_string(&s).unwrap()
        );
        assert_eq!(front_matter(&Source::new("s.md", text)).unwrap(), s);
    }

    #[test]
    fn notes_from_before_meanings_are_read_as_coach_read_them_then() {
        use crate::playbook::Meaning;
        let mut s = session();
        s.plan_vs_actual = vec![crate::flow::PlanVsActual {
            question: "learned_result".into(),
            plan: "business_result".into(),
            ask: "What did you learn?".into(),
            planned: Some(Answer::List(vec!["a".into(), "b".into()])),
            actual: Some(Answer::Int(3)),
        }];
        let without_means = |s: &Session| {
            let text = serde_saphyr::to_string(s).unwrap();
            let kept: Vec<&str> = text
                .lines()
                .filter(|l| !l.starts_with("means:") && !l.starts_with("  objective: objective"))
                .collect();
            format!("---\n{}\n---\n", kept.join("\n"))
        };
        // A built-in playbook's session: that playbook's meanings.
        let read = front_matter(&Source::new("s.md", without_means(&s))).unwrap();
        assert_eq!(read.means.id(Meaning::Objective), Some("objective"));
        assert_eq!(read.means.id(Meaning::OneUp), Some("expert_urge"));
        // Plan against actual keeps its types.
        assert_eq!(read.plan_vs_actual, s.plan_vs_actual);
        // A playbook of the user's own: the answers named like a meaning.
        s.playbook = "my-own".into();
        let read = front_matter(&Source::new("s.md", without_means(&s))).unwrap();
        assert_eq!(read.means.id(Meaning::Objective), Some("objective"));
        assert_eq!(read.means.id(Meaning::Neediness), Some("neediness"));
        assert_eq!(read.means.id(Meaning::PlannedQuestions), None);
        // A session written now says it has no meanings, and keeps none.
        s.means = Default::default();
        let text = format!("---\n{}---\n", serde_saphyr::to_string(&s).unwrap());
        assert!(text.contains("means: {}"), "{text}");
        assert!(
            front_matter(&Source::new("s.md", text))
                .unwrap()
                .means
                .is_empty()
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 200, ..Default::default() })]

        /// Whatever a person typed, control characters and all, is stored
        /// faithfully and reads back the same.
        #[test]
        fn any_answer_text_round_trips(text in "\\PC*|[\\x00-\\x1f\\x7f ]{0,20}", items in proptest::collection::vec(".*", 0..4)) {
            let mut s = session();
            s.answers = Answers(vec![("a".into(), Answer::Text(text)), ("b".into(), Answer::List(items))]);
            s.with = "Jane \u{1b}[31m".into();
            let file = format!("---\n{}---\n", serde_saphyr::to_string(&s).unwrap());
            proptest::prop_assert_eq!(front_matter(&Source::new("s.md", file)).unwrap(), s);
        }

        #[test]
        fn arbitrary_text_never_panics(text in "\\PC{0,300}") {
            let _ = front_matter(&Source::new("s.md", format!("---\n{text}\n---\n")));
            let _ = front_matter(&Source::new("s.md", text));
        }
    }

    #[test]
    fn a_megabyte_answer_round_trips() {
        let mut s = session();
        s.answers = Answers(vec![(
            "a".into(),
            Answer::Text("word \t\u{7} ".repeat(200_000)),
        )]);
        let file = format!("---\n{}---\n", serde_saphyr::to_string(&s).unwrap());
        assert_eq!(front_matter(&Source::new("s.md", file)).unwrap(), s);
    }

    #[test]
    fn broken_front_matter_is_located() {
        let text = "---\nid: x\nkind: prep\nplaybook: [\n---\nbody\n";
        let err = front_matter(&Source::new("s.md", text)).unwrap_err();
        assert!(err.0[0].loc.line >= 4, "{err}");
        assert!(err.to_string().starts_with("s.md:"), "{err}");
        let err = front_matter(&Source::new("s.md", "# just notes\n")).unwrap_err();
        assert!(err.to_string().contains("not a coach notes file"), "{err}");
        let err = front_matter(&Source::new("s.md", "---\nid: x\n")).unwrap_err();
        assert!(err.to_string().contains("never closed"), "{err}");
        let err = front_matter(&Source::new("s.md", "---\nid: x\nkind: prep\n---\n")).unwrap_err();
        assert!(err.to_string().contains("invalid front matter"), "{err}");
    }
}
