//! Tests of the flow engine with an in-memory prompter: what is asked, in
//! which order, with which rendered texts, and what the outcome holds.

use std::collections::{HashMap, VecDeque};

use super::*;
use crate::diag::Source;

/// Everything the flow told the prompter, in order.
#[derive(Debug, Clone, PartialEq)]
enum Call {
    Start {
        title: String,
        intro: Option<String>,
        stance: Vec<String>,
    },
    Section {
        title: String,
        why: Option<String>,
    },
    Ask {
        id: String,
        ask: String,
        help: Option<String>,
        current: Option<Answer>,
    },
    Nudge(String),
    Review,
}

/// Answers from per-question queues (a question without one, or whose queue
/// is used up, gets no answer), reviews from a queue (then `Save`).
#[derive(Default)]
struct Fake {
    answers: HashMap<String, VecDeque<Option<Answer>>>,
    reviews: VecDeque<Review>,
    calls: Vec<Call>,
    /// The outcome shown at each review.
    reviewed: Vec<Outcome>,
}

impl Fake {
    fn new() -> Self {
        Fake::default()
    }

    /// The next time `id` is asked, answer `answer`.
    fn answer(mut self, id: &str, answer: impl Into<Option<Answer>>) -> Self {
        self.answers
            .entry(id.to_string())
            .or_default()
            .push_back(answer.into());
        self
    }

    fn review(mut self, review: Review) -> Self {
        self.reviews.push_back(review);
        self
    }

    /// The ids of the questions asked, in order.
    fn asked(&self) -> Vec<&str> {
        self.calls
            .iter()
            .filter_map(|c| match c {
                Call::Ask { id, .. } => Some(id.as_str()),
                _ => None,
            })
            .collect()
    }

    /// The one `Ask` call for `id`.
    fn prompt(&self, id: &str) -> &Call {
        let found: Vec<&Call> = self
            .calls
            .iter()
            .filter(|c| matches!(c, Call::Ask { id: i, .. } if i == id))
            .collect();
        assert_eq!(
            found.len(),
            1,
            "`{id}` asked {} times: {:#?}",
            found.len(),
            self.calls
        );
        found[0]
    }
}

impl Prompter for Fake {
    fn start(&mut self, title: &str, intro: Option<&str>, stance: &[String]) -> Result<()> {
        self.calls.push(Call::Start {
            title: title.to_string(),
            intro: intro.map(str::to_owned),
            stance: stance.to_vec(),
        });
        Ok(())
    }

    fn section(&mut self, title: &str, why: Option<&str>) -> Result<()> {
        self.calls.push(Call::Section {
            title: title.to_string(),
            why: why.map(str::to_owned),
        });
        Ok(())
    }

    fn ask(&mut self, prompt: &Prompt) -> Result<Option<Answer>> {
        let id = prompt.question.id.clone();
        self.calls.push(Call::Ask {
            id: id.clone(),
            ask: prompt.ask.clone(),
            help: prompt.help.clone(),
            current: prompt.current.clone(),
        });
        Ok(self
            .answers
            .get_mut(&id)
            .and_then(VecDeque::pop_front)
            .flatten())
    }

    fn nudge(&mut self, text: &str) -> Result<()> {
        self.calls.push(Call::Nudge(text.to_string()));
        Ok(())
    }

    fn review(&mut self, outcome: &Outcome) -> Result<Review> {
        self.calls.push(Call::Review);
        self.reviewed.push(outcome.clone());
        Ok(self.reviews.pop_front().unwrap_or(Review::Save))
    }
}

fn playbook(text: &str) -> Playbook {
    crate::playbook::load::parse(&Source::new("t.yaml", text), "t")
        .unwrap_or_else(|d| panic!("the test playbook does not load:\n{d}"))
}

fn cx() -> Context {
    Context {
        with: "Jane".into(),
        account: "Acme".into(),
        prep: None,
    }
}

fn run(playbook: &Playbook, fake: &mut Fake) -> Outcome {
    Flow::new(playbook, cx())
        .run(fake)
        .unwrap_or_else(|e| panic!("the flow failed: {e}"))
}

/// The message of the `Error::Invalid` the flow is expected to stop with.
/// It exits 65 (data error).
fn invalid(playbook: &Playbook, fake: &mut Fake) -> String {
    let err = Flow::new(playbook, cx()).run(fake).unwrap_err();
    assert_eq!(err.code(), 65, "{err:?}");
    let Error::Invalid(message) = err else {
        panic!("expected Error::Invalid, got {err:?}");
    };
    message
}

fn text(s: &str) -> Answer {
    Answer::Text(s.to_string())
}

fn list(items: &[&str]) -> Answer {
    Answer::List(items.iter().map(|s| s.to_string()).collect())
}

fn ask(id: &str, ask: &str, help: Option<&str>, current: Option<Answer>) -> Call {
    Call::Ask {
        id: id.into(),
        ask: ask.into(),
        help: help.map(str::to_owned),
        current,
    }
}

fn section(title: &str, why: Option<&str>) -> Call {
    Call::Section {
        title: title.into(),
        why: why.map(str::to_owned),
    }
}

fn nudged(question: &str, text: &str) -> Nudged {
    Nudged {
        question: question.into(),
        text: text.into(),
    }
}

fn answers(pairs: &[(&str, Answer)]) -> Vec<(String, Answer)> {
    pairs
        .iter()
        .map(|(id, a)| (id.to_string(), a.clone()))
        .collect()
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

/// Per section of the outcome: its id and the ids of its rows.
fn rows(outcome: &Outcome) -> Vec<(&str, Vec<&str>)> {
    outcome
        .sections
        .iter()
        .map(|s| {
            (
                s.id.as_str(),
                s.rows.iter().map(|r| r.id.as_str()).collect(),
            )
        })
        .collect()
}

// 1. Order

const ORDER: &str = r#"
id: order
title: Order test
kind: prep
intro: "Before you talk to {{ with }}."
stance:
  - "Listen to {{ with }} at {{ account }}."
  - Plain reminder.
sections:
  - id: first
    title: First
    why: "Why {{ with }} matters."
    questions:
      - id: a
        ask: A?
        help: Help for a.
      - id: b
        ask: B?
  - id: second
    title: Second
    questions:
      - id: c
        ask: C?
"#;

#[test]
fn sections_and_questions_are_asked_in_playbook_order() {
    let pb = playbook(ORDER);
    let mut fake = Fake::new()
        .answer("a", text("one"))
        .answer("c", text("three"));
    let outcome = run(&pb, &mut fake);
    assert_eq!(
        fake.calls,
        vec![
            Call::Start {
                title: "Order test".into(),
                intro: Some("Before you talk to Jane.".into()),
                stance: strings(&["Listen to Jane at Acme.", "Plain reminder."]),
            },
            section("First", Some("Why Jane matters.")),
            ask("a", "A?", Some("Help for a."), None),
            ask("b", "B?", None, None),
            section("Second", None),
            ask("c", "C?", None, None),
            Call::Review,
        ]
    );
    assert_eq!(
        outcome.stance,
        strings(&["Listen to Jane at Acme.", "Plain reminder."])
    );
    assert_eq!(
        rows(&outcome),
        vec![("first", vec!["a", "b"]), ("second", vec!["c"])]
    );
    assert_eq!(
        outcome.sections[0].rows,
        vec![
            Row {
                id: "a".into(),
                ask: "A?".into(),
                answer: Some(text("one")),
                is_question_list: false,
            },
            Row {
                id: "b".into(),
                ask: "B?".into(),
                answer: None,
                is_question_list: false,
            },
        ]
    );
    assert_eq!(outcome.sections[1].title, "Second");
    assert_eq!(
        outcome.answers,
        answers(&[("a", text("one")), ("c", text("three"))])
    );
    assert_eq!(outcome.skipped, strings(&["b"]));
    assert_eq!(fake.reviewed, vec![outcome]);
}

// 2. Templates

const TEMPLATES: &str = r#"
id: templates
title: Templates
kind: prep
intro: "{% if account %}Prep for {{ account }}.{% else %}Prep for {{ with }}.{% endif %}"
stance:
  - "{{ with }} first."
sections:
  - id: s1
    title: S1
    questions:
      - id: goal
        ask: "What does {{ with }} at {{ account }} want?"
        help: "{% if account %}Ask about {{ account }}.{% else %}Ask about them.{% endif %}"
  - id: s2
    title: S2
    why: "You heard: {{ goal }}."
    questions:
      - id: next
        ask: "How will {{ with }} get to {{ goal }}?"
        help: "{{ goal | upper }}!"
"#;

#[test]
fn templates_use_the_context_and_earlier_answers() {
    let pb = playbook(TEMPLATES);
    let mut fake = Fake::new()
        .answer("goal", text("growth"))
        .answer("next", text("hiring"));
    let outcome = run(&pb, &mut fake);
    assert_eq!(
        fake.calls,
        vec![
            Call::Start {
                title: "Templates".into(),
                intro: Some("Prep for Acme.".into()),
                stance: strings(&["Jane first."]),
            },
            section("S1", None),
            ask(
                "goal",
                "What does Jane at Acme want?",
                Some("Ask about Acme."),
                None
            ),
            section("S2", Some("You heard: growth.")),
            ask(
                "next",
                "How will Jane get to growth?",
                Some("GROWTH!"),
                None
            ),
            Call::Review,
        ]
    );
    // The rows of the outcome are rendered the same way.
    assert_eq!(
        outcome.sections[1].rows[0].ask,
        "How will Jane get to growth?"
    );
}

#[test]
fn templates_take_the_else_branch_without_an_account() {
    let pb = playbook(TEMPLATES);
    let mut fake = Fake::new().answer("goal", text("growth"));
    let cx = Context {
        with: "Jane".into(),
        account: String::new(),
        prep: None,
    };
    Flow::new(&pb, cx).run(&mut fake).unwrap();
    assert_eq!(
        fake.calls[..3],
        [
            Call::Start {
                title: "Templates".into(),
                intro: Some("Prep for Jane.".into()),
                stance: strings(&["Jane first."]),
            },
            section("S1", None),
            ask(
                "goal",
                "What does Jane at  want?",
                Some("Ask about them."),
                None
            ),
        ]
    );
}

// 3. `when`

const WHEN: &str = r#"
id: when
title: When
kind: prep
sections:
  - id: s
    title: S
    questions:
      - id: goal
        ask: Goal?
        type: choice
        choices: [grow, keep]
      - id: grow_how
        ask: How to grow?
        when: "goal == 'grow'"
      - id: keep_how
        ask: How to keep?
        when: "goal == 'keep'"
      - id: roles
        ask: Roles?
        type: multi
        choices: [economic, user, technical]
      - id: econ
        ask: The economic buyer?
        when: "'economic' in roles"
      - id: user_q
        ask: The users?
        when: "'user' in roles"
      - id: known
        ask: Decision known?
        type: yesno
      - id: unknown_why
        ask: Why unknown?
        when: "not known"
      - id: neediness
        ask: Neediness?
        type: scale
      - id: slow
        ask: Slow down how?
        when: "neediness >= 4"
      - id: calm
        ask: Calm how?
        when: "neediness < 4"
      - id: left
        ask: Left empty?
      - id: about_left
        ask: Why empty?
        when: "left is none"
      - id: left_given
        ask: Given?
        when: "left is not none"
  - id: growing
    title: Growing
    when: "goal == 'grow'"
    questions:
      - id: growth_rate
        ask: Rate?
        type: number
  - id: keeping
    title: Keeping
    why: Keep them.
    when: "goal == 'keep'"
    questions:
      - id: churn
        ask: Churn?
"#;

/// Every question has an answer ready, so only `when` decides what is asked.
fn when_fake(goal: &str, roles: &[&str], known: bool, neediness: i64) -> Fake {
    Fake::new()
        .answer("goal", text(goal))
        .answer("grow_how", text("hire"))
        .answer("keep_how", text("retain"))
        .answer("roles", list(roles))
        .answer("econ", text("Bob"))
        .answer("user_q", text("Ann"))
        .answer("known", Answer::Bool(known))
        .answer("unknown_why", text("new"))
        .answer("neediness", Answer::Int(neediness))
        .answer("slow", text("breathe"))
        .answer("calm", text("fine"))
        .answer("left", None)
        .answer("about_left", text("forgot"))
        .answer("left_given", text("yes"))
        .answer("growth_rate", Answer::Int(10))
        .answer("churn", text("low"))
}

#[test]
fn when_hides_and_shows_questions_and_sections() {
    let pb = playbook(WHEN);
    let mut fake = when_fake("grow", &["economic"], false, 4);
    let outcome = run(&pb, &mut fake);
    assert_eq!(
        fake.asked(),
        vec![
            "goal",
            "grow_how",
            "roles",
            "econ",
            "known",
            "unknown_why",
            "neediness",
            "slow",
            "left",
            "about_left",
            "growth_rate"
        ]
    );
    assert!(fake.calls.contains(&section("Growing", None)));
    assert!(!fake.calls.contains(&section("Keeping", Some("Keep them."))));
    assert_eq!(
        rows(&outcome),
        vec![
            (
                "s",
                vec![
                    "goal",
                    "grow_how",
                    "roles",
                    "econ",
                    "known",
                    "unknown_why",
                    "neediness",
                    "slow",
                    "left",
                    "about_left"
                ]
            ),
            ("growing", vec!["growth_rate"]),
        ]
    );
    assert_eq!(
        outcome.answers,
        answers(&[
            ("goal", text("grow")),
            ("grow_how", text("hire")),
            ("roles", list(&["economic"])),
            ("econ", text("Bob")),
            ("known", Answer::Bool(false)),
            ("unknown_why", text("new")),
            ("neediness", Answer::Int(4)),
            ("slow", text("breathe")),
            ("about_left", text("forgot")),
            ("growth_rate", Answer::Int(10)),
        ])
    );
    assert_eq!(
        outcome.skipped,
        strings(&["keep_how", "user_q", "calm", "left", "left_given", "churn"])
    );
}

#[test]
fn when_shows_the_other_branch_for_other_answers() {
    let pb = playbook(WHEN);
    let mut fake = when_fake("keep", &["user", "technical"], true, 3);
    let outcome = run(&pb, &mut fake);
    assert_eq!(
        fake.asked(),
        vec![
            "goal",
            "keep_how",
            "roles",
            "user_q",
            "known",
            "neediness",
            "calm",
            "left",
            "about_left",
            "churn"
        ]
    );
    assert!(fake.calls.contains(&section("Keeping", Some("Keep them."))));
    assert!(!fake.calls.contains(&section("Growing", None)));
    assert_eq!(
        rows(&outcome),
        vec![
            (
                "s",
                vec![
                    "goal",
                    "keep_how",
                    "roles",
                    "user_q",
                    "known",
                    "neediness",
                    "calm",
                    "left",
                    "about_left"
                ]
            ),
            ("keeping", vec!["churn"]),
        ]
    );
    assert_eq!(
        outcome.skipped,
        strings(&[
            "grow_how",
            "econ",
            "unknown_why",
            "slow",
            "left",
            "left_given",
            "growth_rate"
        ])
    );
    assert_eq!(
        outcome
            .answers
            .iter()
            .map(|(id, _)| id.as_str())
            .collect::<Vec<_>>(),
        vec![
            "goal",
            "keep_how",
            "roles",
            "user_q",
            "known",
            "neediness",
            "calm",
            "about_left",
            "churn"
        ]
    );
}

#[test]
fn when_sees_none_for_a_question_hidden_earlier() {
    // `grow_how` is hidden, so its scripted answer is never given; a later
    // condition on it sees none.
    let pb = playbook(
        r#"
id: hidden-none
title: Hidden none
kind: prep
sections:
  - id: s
    title: S
    questions:
      - id: goal
        ask: Goal?
      - id: grow_how
        ask: How?
        when: "goal == 'grow'"
      - id: after
        ask: After?
        when: "grow_how is none"
"#,
    );
    let mut fake = Fake::new()
        .answer("goal", text("keep"))
        .answer("grow_how", text("hire"))
        .answer("after", text("ok"));
    let outcome = run(&pb, &mut fake);
    assert_eq!(fake.asked(), vec!["goal", "after"]);
    assert_eq!(outcome.skipped, strings(&["grow_how"]));
    assert_eq!(
        outcome.answers,
        answers(&[("goal", text("keep")), ("after", text("ok"))])
    );
}

#[test]
fn when_in_a_skipped_list_is_false() {
    let pb = playbook(WHEN);
    // `roles` left empty: DESIGN.md says it is `none` in later expressions,
    // and `'economic' in roles` should just be false.
    let mut fake = when_fake("grow", &[], false, 4);
    fake.answers.insert("roles".into(), VecDeque::from([None]));
    let outcome = Flow::new(&pb, cx())
        .run(&mut fake)
        .expect("`'economic' in roles` with no roles");
    assert!(!fake.asked().contains(&"econ"));
    assert!(outcome.skipped.contains(&"econ".to_string()));
}

// 4. Defaults

#[test]
fn current_is_the_default_when_there_is_no_answer_yet() {
    let pb = playbook(
        r#"
id: defaults
title: Defaults
kind: prep
sections:
  - id: s
    title: S
    questions:
      - id: tone
        ask: Tone?
        type: choice
        choices: [warm, cool]
        default: cool
      - id: level
        ask: Level?
        type: scale
        default: 3
      - id: plain
        ask: Plain?
      - id: tags
        ask: Tags?
        type: list
        default: [a, b]
      - id: ok
        ask: Ok?
        type: yesno
        default: true
"#,
    );
    let mut fake = Fake::new();
    let outcome = run(&pb, &mut fake);
    assert_eq!(
        fake.calls[1..6],
        [
            section("S", None),
            ask("tone", "Tone?", None, Some(text("cool"))),
            ask("level", "Level?", None, Some(Answer::Int(3))),
            ask("plain", "Plain?", None, None),
            ask("tags", "Tags?", None, Some(list(&["a", "b"]))),
        ]
    );
    assert_eq!(
        fake.calls[6],
        ask("ok", "Ok?", None, Some(Answer::Bool(true)))
    );
    // A default is only offered: the prompter gave no answer, so none is kept.
    assert_eq!(outcome.answers, vec![]);
}

// 5. Required

#[test]
fn required_questions_left_empty_are_missing() {
    let pb = playbook(
        r#"
id: required
title: Required
kind: prep
sections:
  - id: s
    title: S
    questions:
      - id: must
        ask: Must?
        required: true
      - id: may
        ask: May?
      - id: must_given
        ask: Given?
        required: true
      - id: must_hidden
        ask: Hidden?
        required: true
        when: "may"
"#,
    );
    let mut fake = Fake::new().answer("must_given", text("yes"));
    let outcome = run(&pb, &mut fake);
    assert_eq!(fake.asked(), vec!["must", "may", "must_given"]);
    assert_eq!(outcome.missing, strings(&["must"]));
    assert_eq!(outcome.skipped, strings(&["must", "may", "must_hidden"]));
    assert_eq!(outcome.answers, answers(&[("must_given", text("yes"))]));
}

// 6. Every type

#[test]
fn every_type_keeps_its_answer_in_playbook_order() {
    let pb = playbook(
        r#"
id: types
title: Types
kind: prep
sections:
  - id: one
    title: One
    questions:
      - id: t_text
        ask: Text?
      - id: t_long
        ask: Long?
        type: long
      - id: t_list
        ask: List?
        type: list
      - id: t_choice
        ask: Choice?
        type: choice
        choices: [grow, keep]
      - id: t_multi
        ask: Multi?
        type: multi
        choices: [x, y, z]
  - id: two
    title: Two
    questions:
      - id: t_yesno
        ask: Yes?
        type: yesno
      - id: t_scale
        ask: Scale?
        type: scale
      - id: t_number
        ask: Number?
        type: number
      - id: t_date
        ask: Date?
        type: date
      - id: echo
        ask: "{{ t_scale + 1 }} {{ t_yesno }} {{ t_multi | join(',') }} {{ t_number * 2 }} {{ t_list | length }} {{ t_date }}"
"#,
    );
    let given = [
        ("t_text", text("hello")),
        ("t_long", text("line one\nline two")),
        ("t_list", list(&["a", "b", "c"])),
        ("t_choice", text("keep")),
        ("t_multi", list(&["x", "z"])),
        ("t_yesno", Answer::Bool(true)),
        ("t_scale", Answer::Int(4)),
        ("t_number", Answer::Int(-7)),
        ("t_date", text("2026-12-01")),
    ];
    // Scripted in reverse, to show the order comes from the playbook.
    let mut fake = given
        .iter()
        .rev()
        .fold(Fake::new(), |f, (id, a)| f.answer(id, a.clone()));
    let outcome = run(&pb, &mut fake);
    assert_eq!(outcome.answers, answers(&given));
    assert_eq!(
        fake.asked(),
        vec![
            "t_text", "t_long", "t_list", "t_choice", "t_multi", "t_yesno", "t_scale", "t_number",
            "t_date", "echo"
        ]
    );
    // The answers reach templates as their types: integers, a bool, lists.
    assert_eq!(
        fake.prompt("echo"),
        &ask("echo", "5 True x,z -14 3 2026-12-01", None, None)
    );
    assert_eq!(
        outcome
            .sections
            .iter()
            .flat_map(|s| &s.rows)
            .map(|r| r.answer.clone())
            .collect::<Vec<_>>(),
        given
            .iter()
            .map(|(id, a)| match (*id, a) {
                // Rows are for people: a scale shows its range.
                ("t_scale", _) => Some(text("4 of 5")),
                _ => Some(a.clone()),
            })
            .chain([None])
            .collect::<Vec<_>>()
    );
    assert_eq!(outcome.skipped, strings(&["echo"]));
}

// 7. Nudges

const NUDGES: &str = r#"
id: nudges
title: Nudges
kind: prep
sections:
  - id: s
    title: S
    questions:
      - id: budget
        ask: Budget?
        nudge: "Ask {{ with }} about money next time."
      - id: neediness
        ask: Neediness?
        type: scale
        nudges:
          - when: "neediness and neediness >= 4"
            say: "{{ with }}: a {{ neediness }} is too needy."
          - when: "neediness and neediness <= 1"
            say: Too calm.
      - id: after
        ask: After?
"#;

#[test]
fn nudges_fire_when_empty_and_when_their_condition_holds() {
    let pb = playbook(NUDGES);
    let mut fake = Fake::new()
        .answer("neediness", Answer::Int(5))
        .answer("after", text("x"));
    let outcome = run(&pb, &mut fake);
    assert_eq!(
        fake.calls[1..],
        [
            section("S", None),
            ask("budget", "Budget?", None, None),
            Call::Nudge("Ask Jane about money next time.".into()),
            ask("neediness", "Neediness?", None, None),
            Call::Nudge("Jane: a 5 is too needy.".into()),
            ask("after", "After?", None, None),
            Call::Review,
        ]
    );
    assert_eq!(
        outcome.nudges,
        vec![
            nudged("budget", "Ask Jane about money next time."),
            nudged("neediness", "Jane: a 5 is too needy."),
        ]
    );
}

#[test]
fn nudges_stay_quiet_when_answered_and_their_condition_fails() {
    let pb = playbook(NUDGES);
    let mut fake = Fake::new()
        .answer("budget", text("10k"))
        .answer("neediness", Answer::Int(3));
    let outcome = run(&pb, &mut fake);
    assert!(
        !fake.calls.iter().any(|c| matches!(c, Call::Nudge(_))),
        "{:#?}",
        fake.calls
    );
    assert_eq!(outcome.nudges, vec![]);
}

#[test]
fn nudges_pick_the_condition_that_holds() {
    let pb = playbook(NUDGES);
    let mut fake = Fake::new()
        .answer("budget", text("10k"))
        .answer("neediness", Answer::Int(1));
    let outcome = run(&pb, &mut fake);
    assert_eq!(
        fake.calls[3..5],
        [
            ask("neediness", "Neediness?", None, None),
            Call::Nudge("Too calm.".into())
        ]
    );
    assert_eq!(outcome.nudges, vec![nudged("neediness", "Too calm.")]);
}

// 8. Review

const REVIEW: &str = r#"
id: review
title: Review
kind: prep
sections:
  - id: s
    title: S
    questions:
      - id: goal
        ask: Goal?
        type: choice
        choices: [grow, keep]
        nudges:
          - when: "goal == 'grow'"
            say: "Ask {{ with }} how fast."
          - when: "goal == 'keep'"
            say: "Ask {{ with }} what could go wrong."
      - id: grow_how
        ask: How to grow?
        when: "goal == 'grow'"
      - id: keep_how
        ask: How to keep?
        when: "goal == 'keep'"
      - id: last
        ask: Last?
"#;

#[test]
fn a_changed_answer_is_walked_again() {
    let pb = playbook(REVIEW);
    let mut fake = Fake::new()
        .answer("goal", text("grow"))
        .answer("goal", text("keep"))
        .answer("grow_how", text("hire"))
        .answer("keep_how", text("retain"))
        .answer("last", text("done"))
        .review(Review::Change("goal".into()))
        .review(Review::Save);
    let outcome = run(&pb, &mut fake);
    assert_eq!(
        fake.calls[1..],
        [
            section("S", None),
            ask("goal", "Goal?", None, None),
            Call::Nudge("Ask Jane how fast.".into()),
            ask("grow_how", "How to grow?", None, None),
            ask("last", "Last?", None, None),
            Call::Review,
            // The change: asked again with the earlier answer offered...
            ask("goal", "Goal?", None, Some(text("grow"))),
            Call::Nudge("Ask Jane what could go wrong.".into()),
            // ...then the question it reveals, once; `last` is not asked again.
            section("S", None),
            ask("keep_how", "How to keep?", None, None),
            Call::Review,
        ]
    );
    let first = &fake.reviewed[0];
    assert_eq!(
        first.answers,
        answers(&[
            ("goal", text("grow")),
            ("grow_how", text("hire")),
            ("last", text("done"))
        ])
    );
    assert_eq!(first.skipped, strings(&["keep_how"]));
    assert_eq!(first.nudges, vec![nudged("goal", "Ask Jane how fast.")]);

    assert_eq!(
        outcome.answers,
        answers(&[
            ("goal", text("keep")),
            ("keep_how", text("retain")),
            ("last", text("done"))
        ])
    );
    assert_eq!(outcome.skipped, strings(&["grow_how"]));
    assert_eq!(
        outcome.nudges,
        vec![nudged("goal", "Ask Jane what could go wrong.")]
    );
    assert_eq!(
        rows(&outcome),
        vec![("s", vec!["goal", "keep_how", "last"])]
    );
    assert_eq!(fake.reviewed.len(), 2);
    assert_eq!(fake.reviewed[1], outcome);
}

#[test]
fn a_changed_question_does_not_see_hidden_answers() {
    let pb = playbook(
        r#"
id: stale
title: Stale
kind: prep
sections:
  - id: s
    title: S
    questions:
      - id: known
        ask: Known?
        type: yesno
      - id: who
        ask: Who?
        when: known
      - id: next
        ask: "Next with {{ who or 'nobody' }}?"
        nudges:
          - when: "who"
            say: "Bring {{ who }} in."
"#,
    );
    let mut fake = Fake::new()
        .answer("known", Answer::Bool(true))
        .answer("known", Answer::Bool(false))
        .answer("who", text("Bob"))
        .answer("next", text("call"))
        .answer("next", text("email"))
        .review(Review::Change("known".into()))
        .review(Review::Change("next".into()));
    let outcome = run(&pb, &mut fake);
    // `who` is hidden now, so the walk and the outcome see it as none...
    assert_eq!(outcome.skipped, strings(&["who"]));
    assert_eq!(outcome.sections[0].rows[1].ask, "Next with nobody?");
    assert_eq!(outcome.nudges, vec![]);
    // ...and so must the changed question: no stale "Bob", no nudge about him.
    let last_ask = fake
        .calls
        .iter()
        .rev()
        .find(|c| matches!(c, Call::Ask { .. }))
        .unwrap();
    assert_eq!(
        last_ask,
        &ask("next", "Next with nobody?", None, Some(text("call")))
    );
    // The first pass, with `who` shown, nudged once; the change must not again.
    let bob = Call::Nudge("Bring Bob in.".into());
    assert_eq!(
        fake.calls.iter().filter(|c| **c == bob).count(),
        1,
        "{:#?}",
        fake.calls
    );
}

// 9. `with_answers`

#[test]
fn answers_given_up_front_are_not_asked_again() {
    let pb = playbook(REVIEW);
    let mut fake = Fake::new()
        .answer("goal", text("keep"))
        .answer("grow_how", text("hire"))
        .answer("last", text("done"));
    let outcome = Flow::new(&pb, cx())
        .with_answers([("goal".to_string(), text("grow"))])
        .run(&mut fake)
        .unwrap();
    assert_eq!(
        fake.calls[1..],
        [
            section("S", None),
            ask("grow_how", "How to grow?", None, None),
            ask("last", "Last?", None, None),
            Call::Review,
        ]
    );
    assert_eq!(
        outcome.answers,
        answers(&[
            ("goal", text("grow")),
            ("grow_how", text("hire")),
            ("last", text("done"))
        ])
    );
    assert_eq!(outcome.nudges, vec![nudged("goal", "Ask Jane how fast.")]);
}

// 10. Runtime errors

#[test]
fn a_failing_when_names_the_playbook_and_the_question() {
    let pb = playbook(
        r#"
id: broken
title: Broken
kind: prep
sections:
  - id: s
    title: S
    questions:
      - id: goal
        ask: Goal?
      - id: bad
        ask: Bad?
        when: "goal - 3"
"#,
    );
    let mut fake = Fake::new().answer("goal", text("grow"));
    let message = invalid(&pb, &mut fake);
    assert!(
        message.starts_with("playbook `broken`: the when of `bad` failed: "),
        "{message}"
    );
    assert_eq!(fake.asked(), vec!["goal"]);
}

#[test]
fn a_failing_section_when_names_the_section() {
    let pb = playbook(
        r#"
id: broken
title: Broken
kind: prep
sections:
  - id: s
    title: S
    questions:
      - id: goal
        ask: Goal?
  - id: later
    title: Later
    when: "goal - 3"
    questions:
      - id: more
        ask: More?
"#,
    );
    let mut fake = Fake::new().answer("goal", text("grow"));
    let message = invalid(&pb, &mut fake);
    assert!(
        message.starts_with("playbook `broken`: the when of `later` failed: "),
        "{message}"
    );
}

#[test]
fn a_failing_template_names_the_question() {
    let pb = playbook(
        r#"
id: broken
title: Broken
kind: prep
sections:
  - id: s
    title: S
    questions:
      - id: goal
        ask: Goal?
      - id: bad
        ask: "{{ goal - 3 }}?"
"#,
    );
    let mut fake = Fake::new().answer("goal", text("grow"));
    let message = invalid(&pb, &mut fake);
    assert!(
        message.starts_with("playbook `broken`: the template of `bad` failed: "),
        "{message}"
    );
}

#[test]
fn comments_are_removed_from_texts() {
    let pb = playbook(
        r#"
id: comment
title: Comment
kind: prep
sections:
  - id: s
    title: S
    questions:
      - id: goal
        ask: "Goal?{# ask it softly #}"
"#,
    );
    let mut fake = Fake::new();
    run(&pb, &mut fake);
    assert_eq!(fake.prompt("goal"), &ask("goal", "Goal?", None, None));
}

#[test]
fn people_records_are_seen_by_conditions_templates_and_nudges() {
    use crate::playbook::{Mode, Person, Role};
    let p = playbook(
        "title: T\nkind: prep\nsections:\n  - id: s\n    title: S\n    questions:\n      - id: group\n        ask: Who?\n        type: people\n        nudges:\n          - when: group and not named(group, 'economic')\n            say: Nobody signs.\n          - when: group and group | selectattr('mode', 'in', ['even_keel']) | list\n            say: \"{{ group | selectattr('mode', 'in', ['even_keel']) | map(attribute='name') | join(' and ') }} see no gap.\"\n      - id: signer_win\n        ask: \"What does {{ named(group, 'economic') or 'the one who signs' }} need?\"\n      - id: guide\n        ask: \"What does {{ named(group, 'coach') }} say?\"\n        when: named(group, 'coach')\n",
    );
    let person = |name: &str, roles: Vec<Role>, mode: Option<Mode>| Person {
        name: name.into(),
        roles,
        mode,
        ..Person::default()
    };
    // Nobody signs, one sees no gap, nobody guides.
    let mut fake = Fake::new().answer(
        "group",
        Answer::People(vec![
            person("Mo", vec![Role::User], Some(Mode::EvenKeel)),
            person("Sam", vec![Role::Technical], None),
        ]),
    );
    let out = run(&p, &mut fake);
    let nudges: Vec<&str> = out.nudges.iter().map(|n| n.text.as_str()).collect();
    assert_eq!(nudges, ["Nobody signs.", "Mo see no gap."]);
    let asked = asked_texts(&fake);
    assert_eq!(asked, ["Who?", "What does the one who signs need?"]);
    // Two who sign, one who guides.
    let mut fake = Fake::new().answer(
        "group",
        Answer::People(vec![
            person(
                "Dana",
                vec![Role::Economic, Role::Coach],
                Some(Mode::Growth),
            ),
            person("Lee", vec![Role::Economic], None),
        ]),
    );
    let out = run(&p, &mut fake);
    assert!(out.nudges.is_empty(), "{:?}", out.nudges);
    let asked = asked_texts(&fake);
    assert_eq!(
        asked,
        [
            "Who?",
            "What does Dana and Lee need?",
            "What does Dana say?"
        ]
    );
}

/// The questions as they were asked, in order.
fn asked_texts(fake: &Fake) -> Vec<String> {
    fake.calls
        .iter()
        .filter_map(|c| match c {
            Call::Ask { ask, .. } => Some(ask.clone()),
            _ => None,
        })
        .collect()
}
