//! Property tests of the loader: no input makes it panic, and a valid
//! playbook written out as YAML reads back unchanged.

use proptest::collection::vec;
use proptest::prelude::*;

use super::load;
use super::model::{
    Answer, Check, Choice, Kind, Labels, Nudge, Playbook, Question, QuestionType, Section,
};
use crate::diag::Source;

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
        let _ = load::parse(&Source::new("p.yaml", text), "p");
    }

    #[test]
    fn yaml_shaped_text_never_panics(lines in vec(yamlish_line(), 0..30)) {
        let _ = load::parse(&Source::new("p.yaml", lines.join("\n")), "p");
    }

    #[test]
    fn a_valid_playbook_reads_back_unchanged(playbook in playbook()) {
        let text = serde_saphyr::to_string(&playbook).expect("serialises");
        let read = load::parse(&Source::new("p.yaml", text.clone()), "p")
            .unwrap_or_else(|d| panic!("{d}\n---\n{text}"));
        prop_assert_eq!(read, playbook, "{}", text);
    }
}

/// Lines built from the playbook format's own words, to reach deep into the checks.
fn yamlish_line() -> impl Strategy<Value = String> {
    let keys = prop::sample::select(vec![
        "id",
        "title",
        "kind",
        "version",
        "sections",
        "questions",
        "ask",
        "type",
        "choices",
        "default",
        "min",
        "max",
        "when",
        "nudges",
        "say",
        "labels",
        "low",
        "required",
        "aks",
    ]);
    let values = prop::sample::select(vec![
        "",
        "prep",
        "debrief",
        "scale",
        "choice",
        "multi",
        "yesno",
        "[a, b]",
        "{value: x}",
        "3",
        "-1",
        "true",
        "maybe",
        "\"{{ with }}\"",
        "x >= 4",
        "'a' in b",
        "&a [1]",
        "*a",
        "|",
        "~",
    ]);
    (0usize..8, prop::bool::ANY, keys, values).prop_map(|(indent, dash, key, value)| {
        format!(
            "{}{}{key}: {value}",
            " ".repeat(indent),
            if dash { "- " } else { "" }
        )
    })
}

/// Free text with no template syntax: letters, digits, punctuation, accents.
fn text() -> impl Strategy<Value = String> {
    "[A-Za-z0-9][A-Za-z0-9 ,.;:!?'\"#&*()é—-]{0,40}".prop_map(|s| s.trim_end().to_string())
}

fn ty() -> impl Strategy<Value = QuestionType> {
    prop::sample::select(vec![
        QuestionType::Text,
        QuestionType::Long,
        QuestionType::List,
        QuestionType::Choice,
        QuestionType::Multi,
        QuestionType::Yesno,
        QuestionType::Scale,
        QuestionType::Number,
        QuestionType::Date,
    ])
}

fn question(id: String) -> impl Strategy<Value = Question> {
    (
        ty(),
        text(),
        prop::option::of(text()),
        prop::bool::ANY,
        prop::option::of(text()),
        vec(text(), 1..4),
        prop::bool::ANY,
    )
        .prop_map(
            move |(ty, ask, help, required, nudge, choice_texts, full)| {
                let mut q = Question::text(&id, &ask, help.as_deref(), required);
                q.ty = ty;
                q.nudge = nudge;
                if ty.has_choices() {
                    let mut values: Vec<String> = choice_texts
                        .iter()
                        .enumerate()
                        .map(|(i, t)| format!("c{i} {t}"))
                        .collect();
                    values.dedup();
                    q.choices = values
                        .into_iter()
                        .map(|v| {
                            if full {
                                Choice::Full {
                                    label: Some(v.to_uppercase()),
                                    hint: None,
                                    value: v,
                                }
                            } else {
                                Choice::Plain(v)
                            }
                        })
                        .collect();
                    q.default = Some(Answer::Text(q.choices[0].value().to_string()))
                        .filter(|_| ty == QuestionType::Choice);
                }
                match ty {
                    QuestionType::Scale => {
                        q.min = Some(0);
                        q.max = Some(10);
                        q.labels = Some(Labels {
                            low: Some("calm".into()),
                            high: None,
                        });
                        q.default = Some(Answer::Int(7));
                        q.nudges = vec![Nudge {
                            when: format!("{id} and {id} >= 8"),
                            say: "Slow down.".into(),
                        }];
                    }
                    QuestionType::List => q.check = Some(Check::Questions),
                    QuestionType::Yesno => q.default = Some(Answer::Bool(true)),
                    QuestionType::Date => q.default = Some(Answer::Text("2026-12-01".into())),
                    _ => {}
                }
                q
            },
        )
}

fn playbook() -> impl Strategy<Value = Playbook> {
    let sections = vec(1usize..4, 1..4).prop_flat_map(|sizes| {
        let sections: Vec<_> = sizes
            .iter()
            .enumerate()
            .map(|(s, &n)| {
                let questions: Vec<_> = (0..n).map(|i| question(format!("q{s}_{i}"))).collect();
                (text(), prop::option::of(text()), questions).prop_map(
                    move |(title, why, questions)| Section {
                        id: format!("s{s}"),
                        title,
                        why,
                        when: (s > 0).then(|| "q0_0 is not none".to_string()),
                        questions,
                    },
                )
            })
            .collect();
        sections
    });
    (
        text(),
        1u32..5,
        prop::option::of(text()),
        vec(text(), 0..3),
        sections,
    )
        .prop_map(|(title, version, summary, stance, sections)| Playbook {
            id: "p".into(),
            title,
            kind: Kind::Prep,
            version,
            summary,
            intro: None,
            stance,
            debrief: None,
            sections,
        })
}
