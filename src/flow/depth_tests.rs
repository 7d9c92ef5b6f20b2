//! The default walk (`depth: core`): which questions it asks, that nothing
//! given is dropped off it, and that each shipped prep's default walk fits
//! the ten minutes before a call — at most 12 questions and 900 words on
//! screen, counted from everything the walk hands the prompter.

use std::collections::HashSet;

use super::*;
use crate::diag::Source;
use crate::playbook::{Kind, Meaning, QuestionType, builtin};

/// Answers every question with the least that fits, and keeps every word
/// the walk would put on screen.
#[derive(Default)]
struct Reader {
    words: Vec<String>,
    asked: Vec<String>,
}

impl Reader {
    fn read(&mut self, text: &str) {
        self.words.extend(
            text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '%'))
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase),
        );
    }
}

impl Prompter for Reader {
    fn start(&mut self, title: &str, intro: Option<&str>, stance: &[String]) -> Result<()> {
        self.read(title);
        self.read(intro.unwrap_or(""));
        stance.iter().for_each(|s| self.read(s));
        Ok(())
    }

    fn section(&mut self, title: &str, why: Option<&str>) -> Result<()> {
        self.read(title);
        self.read(why.unwrap_or(""));
        Ok(())
    }

    fn ask(&mut self, prompt: &Prompt) -> Result<Option<Answer>> {
        let q = prompt.question;
        self.asked.push(q.id.clone());
        self.read(&prompt.ask);
        if let Some(help) = &prompt.help {
            self.read(shown_help(q, help).0);
        }
        for c in &q.choices {
            self.read(c.label());
            self.read(c.hint().unwrap_or(""));
        }
        Ok(Some(match q.ty {
            QuestionType::Choice => Answer::Text(q.choices[0].value().to_string()),
            QuestionType::Multi | QuestionType::List => Answer::List(vec!["Something".into()]),
            QuestionType::Yesno => Answer::Bool(true),
            QuestionType::Scale | QuestionType::Number => Answer::Int(q.scale_range().0),
            QuestionType::Date => Answer::Text("2026-12-01".into()),
            QuestionType::Text | QuestionType::Long => Answer::Text("Something".into()),
            QuestionType::People => {
                // One person, and everything the terminal shows to ask of them.
                use crate::playbook::{Influence, Mode, Person, Role};
                self.read(crate::prompt::people::HOW);
                Role::ALL.iter().for_each(|r| self.read(r.label()));
                Influence::ALL.iter().for_each(|i| self.read(i.label()));
                Mode::ALL.iter().for_each(|m| self.read(m.hint()));
                self.read("Jane's part How much Jane's word weighs How Jane sees their situation How strongly Jane backs you +5 (for you all the way) 0 (neither) -5 (against you) what Jane wins personally");
                Answer::People(vec![Person {
                    name: "Jane".into(),
                    ..Person::default()
                }])
            }
        }))
    }

    fn nudge(&mut self, text: &str) -> Result<()> {
        self.read(text);
        Ok(())
    }

    fn review(&mut self, _: &Outcome) -> Result<Review> {
        Ok(Review::Save)
    }
}

fn cx() -> Context {
    Context {
        with: "Jane Smith".into(),
        account: "Acme Corp".into(),
        prep: None,
    }
}

#[test]
fn each_shipped_prep_fits_the_ten_minutes_before_a_call() {
    for (id, text) in builtin::BUILTIN {
        let playbook = crate::playbook::load::parse(&Source::new(*id, *text), id).unwrap();
        if playbook.kind != Kind::Prep {
            continue;
        }
        let mut reader = Reader::default();
        Flow::new(&playbook, cx()).run(&mut reader).unwrap();
        let distinct: HashSet<&String> = reader.words.iter().collect();
        eprintln!(
            "{id}: {} questions, {} words on screen ({} distinct)",
            reader.asked.len(),
            reader.words.len(),
            distinct.len()
        );
        assert!(reader.asked.len() <= 12, "{id} asks {:?}", reader.asked);
        assert!(
            reader.words.len() <= 900,
            "{id} shows {} words",
            reader.words.len()
        );
        // The default walk still covers what a prep is for.
        let meanings: Vec<Meaning> = reader
            .asked
            .iter()
            .filter_map(|q| playbook.question(q).and_then(|q| q.means))
            .collect();
        use crate::playbook::Meaning::*;
        for m in [
            Objective,
            BusinessResult,
            PersonalWin,
            DecisionProcess,
            PlannedQuestions,
            BestAction,
            MinimumAction,
            Neediness,
        ] {
            assert!(meanings.contains(&m), "{id}'s default walk lacks {m:?}");
        }
        // `--full` walks everything.
        let mut full = Reader::default();
        Flow::new(&playbook, cx())
            .full(true)
            .run(&mut full)
            .unwrap();
        assert!(full.asked.len() > reader.asked.len(), "{id}");
    }
}

#[test]
fn only_core_questions_are_asked_unless_full_or_already_answered() {
    let text = "title: T\nkind: prep\nsections:\n  - id: s\n    title: S\n    questions:\n      - id: a\n        ask: A?\n        depth: core\n      - id: b\n        ask: B?\n      - id: c\n        ask: C?\n        required: true\n";
    let playbook = crate::playbook::load::parse(&Source::new("t.yaml", text), "t").unwrap();
    let mut reader = Reader::default();
    let out = Flow::new(&playbook, cx()).run(&mut reader).unwrap();
    assert_eq!(reader.asked, ["a"]);
    // A required question off the walk is not missing: it is not asked.
    assert!(out.missing.is_empty());
    assert_eq!(out.skipped, ["b", "c"]);
    // An answer already given (a draft, an earlier session) is kept.
    let mut reader = Reader::default();
    let out = Flow::new(&playbook, cx())
        .with_answers([("b".to_string(), Answer::Text("kept".into()))])
        .run(&mut reader)
        .unwrap();
    assert_eq!(reader.asked, ["a"]);
    assert!(out.answers.iter().any(|(id, _)| id == "b"));
    let mut reader = Reader::default();
    Flow::new(&playbook, cx())
        .full(true)
        .run(&mut reader)
        .unwrap();
    assert_eq!(reader.asked, ["a", "b", "c"]);
}
