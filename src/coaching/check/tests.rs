//! The question coach's unit tests: the tokenizer, odd input, and what the
//! coach says. The labelled corpus and its figures are in `corpus.rs`.

use super::corpus::{held_out, tuning};
use super::*;

const C: Kind = Kind::Closed;
const L: Kind = Kind::Leading;
const S: Kind = Kind::Statement;
const ST: Kind = Kind::Stacked;
const P: Kind = Kind::Pressure;
const LO: Kind = Kind::Loaded;

// ---- the tokenizer ----

/// Each sentence as its parts' lowercase words, and whether it asks.
fn parts(text: &str) -> Vec<(Vec<Vec<String>>, bool)> {
    split(text)
        .into_iter()
        .map(|s| {
            let words = s
                .parts
                .iter()
                .map(|p| p.iter().map(|w| w.low.clone()).collect());
            (words.collect(), s.asks)
        })
        .collect()
}

fn one(text: &str) -> Vec<String> {
    let sentences = parts(text);
    assert_eq!(sentences.len(), 1, "{text:?}: {sentences:?}");
    sentences[0].0.concat()
}

#[test]
fn apostrophes_are_straightened_and_restored() {
    assert_eq!(one("Don\u{2019}t you think"), ["don't", "you", "think"]);
    assert_eq!(one("dont you think"), ["don't", "you", "think"]);
    assert_eq!(
        one("Isnt it, wouldnt it, wont you"),
        ["isn't", "it", "wouldn't", "it", "won't", "you"]
    );
    assert_eq!(one("whats next"), ["what's", "next"]);
    assert_eq!(one("Want went"), ["want", "went"]);
    assert_eq!(
        one("'too slow' and the customers' view"),
        ["too", "slow", "and", "the", "customers", "view"]
    );
    assert_eq!(
        one("R&D & sales, u and ur team"),
        ["r&d", "and", "sales", "you", "and", "your", "team"]
    );
}

#[test]
fn numbers_abbreviations_and_hyphens_stay_whole() {
    assert_eq!(
        one("Cut 3.5 hours, e.g. on 10,000 month-end reports"),
        [
            "cut",
            "3.5",
            "hours",
            "e.g",
            "on",
            "10,000",
            "month-end",
            "reports"
        ]
    );
    assert_eq!(one("Is it 40% or $20?"), ["is", "it", "40%", "or", "$20"]);
    assert_eq!(one("us vs. them"), ["us", "vs", "them"]);
}

#[test]
fn sentences_and_parts() {
    let s = parts("Who decides?? And when?!  Thanks.\r\nok");
    let asks: Vec<bool> = s.iter().map(|(_, a)| *a).collect();
    assert_eq!(asks, [true, true, false, false]);
    let s = parts("What matters \u{2014} price, speed - or support: tell me");
    assert_eq!(s[0].0.len(), 5);
    assert_eq!(parts("one; two\nthree").len(), 3);
}

#[test]
fn empty_and_blank_input_gives_nothing() {
    for text in ["", " ", "\n\t \r\n", "???", "...", "?!", " , ; - "] {
        assert!(check(text).is_empty(), "{text:?}");
        assert!(parts(text).is_empty(), "{text:?}");
    }
}

#[test]
fn odd_input_never_panics() {
    let odd = [
        "\u{0}\u{1b}[31m?",
        "\u{130}stanbul?",
        "K\u{212a}?",
        "you, right",
        "If",
        "if we",
        "when can we",
        "how soon",
        "and and and?",
        "or?",
        "what, or",
        "Why don't you",
        "ready to",
        "time to",
        "x'",
        "'",
        "\u{1F600}\u{1F600}?",
        "anything else",
        "is there anyone else",
        "do you have",
        "Are you happy with",
        "find out",
        "we cut",
        "Tell me. Tell me. Tell me.",
    ];
    for text in odd {
        for f in check(text) {
            assert!(
                !f.message.contains('\n') && !f.suggestion.contains('\n'),
                "{text:?}"
            );
        }
    }
}

#[test]
fn a_megabyte_is_read_in_linear_time() {
    let cases = [
        "Do you have a budget, and who decides, or what? ".repeat(21_000),
        "a".repeat(1 << 20),
        "?".repeat(1 << 20),
        "we cut costs by 40% and ".repeat(45_000),
        ", ".repeat(1 << 19),
        "if we sign today when can we ".repeat(37_000),
    ];
    for text in cases {
        assert!(text.len() >= 1_000_000);
        let start = std::time::Instant::now();
        let findings = check(&text);
        let took = start.elapsed();
        eprintln!("{took:?} for {:?}", &text[..20]);
        assert!(took.as_secs() < 10, "{took:?} for {:?}…", &text[..20]);
        for f in findings {
            assert!(f.suggestion.len() < 400, "a tip quotes at most a few words");
        }
    }
}

// ---- what the coach says ----

/// Every question of the corpus, whatever its findings: each is one line
/// with a tip, and no tip offers the question back as its own rewrite.
#[test]
fn every_finding_is_one_line_with_a_new_tip() {
    let rows = tuning().into_iter().chain(held_out());
    for q in rows
        .map(|r| r.question)
        .chain(ISSUE_EXAMPLES.iter().map(|(q, _)| *q))
    {
        for f in check(q) {
            for text in [&f.message, &f.suggestion] {
                assert!(!text.is_empty() && !text.contains('\n'), "{q:?}: {text:?}");
                assert!(text.ends_with('.'), "{q:?}: {text:?}");
            }
            assert!(
                !same(&f.suggestion, q),
                "{q:?} is its own rewrite: {:?}",
                f.suggestion
            );
        }
    }
}

/// The misses reported with the question-coach issue, each with what a coach
/// says of it: pressure in word forms, idioms and clauses after the question;
/// dates and papers of their own that are no pressure; polite requests that
/// are open; quiet leading; stacked with "and also"; notes to self.
const ISSUE_EXAMPLES: &[(&str, &[Kind])] = &[
    ("Are you deciding this month?", &[C, P]),
    ("When are you buying?", &[P]),
    ("How do we get this over the line?", &[P]),
    ("Can we lock in the price?", &[C, P]),
    (
        "What would it take to win your business this quarter?",
        &[P],
    ),
    (
        "What do you think of the plan? This offer only runs until Friday.",
        &[P],
    ),
    ("Can I put you down for the annual plan?", &[C, P]),
    ("Is there any reason we can't start Monday?", &[C, P]),
    (
        "When are you going to make up your mind about the house?",
        &[P],
    ),
    ("When does your contract expire?", &[]),
    ("When does your licence expire?", &[]),
    ("Could you send me a copy of the contract?", &[C]),
    ("Has legal signed off on the NDA?", &[C]),
    (
        "I was wondering if you could tell me how the team works.",
        &[],
    ),
    ("Is it possible for you to describe the process?", &[]),
    ("Would it be possible to talk through the rollout?", &[]),
    (
        "How much time do you think you'd save by switching to us?",
        &[L],
    ),
    ("What do you like most about our new dashboard?", &[L]),
    ("How excited is the team about the launch?", &[L]),
    ("You're not still angry about it, are you?", &[C, L]),
    ("I take it you'd prefer the annual plan?", &[C, L]),
    ("What worked and also what didn't?", &[ST]),
    ("Is there a deadline and, if so, what drives it?", &[C, ST]),
    ("Explain why their vendor is failing them.", &[S]),
    ("Share the roadmap slide.", &[S]),
];

/// Every case gets exactly its kinds; the misses are listed.
fn assert_kinds(cases: &[(&str, &[Kind])]) {
    let misses: Vec<String> = cases
        .iter()
        .filter(|(q, want)| kinds(q) != *want)
        .map(|(q, want)| format!("{q:?}: want {want:?}, got {:?}", kinds(q)))
        .collect();
    assert!(misses.is_empty(), "{}", misses.join("\n"));
}

#[test]
fn the_issue_examples() {
    assert_kinds(ISSUE_EXAMPLES);
}

/// Whether a tip's quoted rewrite says the question again.
fn same(tip: &str, question: &str) -> bool {
    let quoted = tip.split('"').nth(1).unwrap_or("");
    let norm = |t: &str| {
        t.to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric() || *c == ' ')
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    !quoted.is_empty() && norm(quoted) == norm(question)
}

/// The loaded questions of the at-home issue, at home and at work, and the
/// neutral ones beside them.
const LOADED_EXAMPLES: &[(&str, &[Kind])] = &[
    ("What is wrong with you, Mom?", &[LO]),
    ("How could you hide the fall from me?", &[LO]),
    ("Why didn't you tell me you fell again?", &[LO]),
    (
        "Don't you think it's time to stop being so stubborn about the house?",
        &[C, L, LO],
    ),
    ("Why haven't your people fixed this yet?", &[LO]),
    ("Why are you so stubborn?", &[LO]),
    (
        "After everything I've done for you, you can't even call?",
        &[C, LO],
    ),
    ("What got in the way of the fix?", &[]),
    ("How is your mum coping since the fall?", &[]),
    ("Why did you choose your current vendor?", &[]),
];

#[test]
fn loaded_questions_are_found_and_neutral_ones_left_alone() {
    assert_kinds(LOADED_EXAMPLES);
}

/// Pressure without the deal's usual words — scarcity, a doubt stepped past,
/// the close given a day, a failure counted against them — beside the neutral
/// questions that share their words.
#[test]
fn pushes_and_charges_read_from_their_shape() {
    assert_kinds(&[
        (
            "Only three units left at this price and two are already spoken for.",
            &[S, P],
        ),
        ("How many units do you have left in the warehouse?", &[]),
        (
            "I know you weren't sure about the price, but shall we book the install for Monday?",
            &[C, P],
        ),
        ("Is Thursday a good day for you to sign?", &[C, P]),
        ("Did you sign the lease on Thursday?", &[C]),
        ("Are you ready to accept the offer?", &[C, P]),
        ("How did your team manage to lose the order twice?", &[LO]),
        (
            "How do we stop losing orders every time the system updates?",
            &[],
        ),
    ]);
    let say = |q: &str| {
        check(q)
            .into_iter()
            .find(|f| f.kind == P)
            .map(|f| f.message)
            .unwrap_or_default()
    };
    assert!(say("Only two slots left and one is spoken for.").contains("few left"));
    assert!(
        say("I hear your doubts on timing, but shall we get the kickoff booked?").contains("doubt")
    );
}

/// No finding of a loaded question suggests words that keep the blame: the
/// label, the verdict or the accusing frame the coach warns about.
#[test]
fn a_loaded_questions_tips_never_keep_the_loaded_words() {
    let blaming = |w: &str| {
        is(LABELS, w) || is(MILD_LABELS, w) || is("wrong stubborn always never didn't haven't", w)
    };
    let questions = tuning().into_iter().map(|r| r.question);
    let questions = questions.chain(LOADED_EXAMPLES.iter().map(|(q, _)| *q));
    for q in questions {
        let findings = check(q);
        if !findings.iter().any(|f| f.kind == LO) {
            continue;
        }
        let low = q.to_lowercase();
        for word in low
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .filter(|w| blaming(w))
        {
            for f in &findings {
                let tip: Vec<String> = f
                    .suggestion
                    .to_lowercase()
                    .split(|c: char| !c.is_alphanumeric() && c != '\'')
                    .map(String::from)
                    .collect();
                assert!(
                    !tip.iter().any(|t| t == word),
                    "{q:?}: the {:?} tip keeps {word:?}: {:?}",
                    f.kind,
                    f.suggestion
                );
            }
        }
    }
}

fn tip(question: &str, kind: Kind) -> String {
    let findings = check(question);
    let found = findings.into_iter().find(|f| f.kind == kind);
    found
        .unwrap_or_else(|| panic!("{question:?} is not {kind:?}"))
        .suggestion
}

#[test]
fn tips_are_built_from_the_question() {
    let cases = [
        (
            "Do you have a budget?",
            C,
            "\"How is budget set for something like this?\"",
        ),
        (
            "Do you have a plan for Q3?",
            C,
            "\"What does your plan for Q3 look like today?\"",
        ),
        (
            "Do you have any concerns?",
            C,
            "\"What concerns do you have?\"",
        ),
        (
            "Is there anything else I should know?",
            C,
            "\"What else should I know?\"",
        ),
        (
            "Is there anyone else involved?",
            C,
            "\"Who else is involved?\"",
        ),
        (
            "Do you know who signs off on purchases?",
            C,
            "\"Tell me who signs off on purchases.\"",
        ),
        (
            "Are you happy with your current vendor?",
            C,
            "\"How do you feel about your current vendor?\"",
        ),
        (
            "Which matters more, price or speed?",
            C,
            "\"Which matters more?\"",
        ),
        (
            "Don't you think it's time to upgrade?",
            L,
            "\"How are you thinking about when to upgrade?\"",
        ),
        (
            "Wouldn't you agree speed matters most?",
            L,
            "\"What matters most to you here?\"",
        ),
        (
            "You need this by Q3, right?",
            L,
            "\"My understanding is you need this by Q3 — what am I missing?\"",
        ),
        ("Obviously you want fewer errors?", L, "Drop \"obviously\""),
        (
            "Our tool cuts costs by 40%.",
            S,
            "\"What's happening with costs on your side right now?\"",
        ),
        ("find out who signs", S, "\"Who signs?\""),
        (
            "ask about budget",
            S,
            "\"How is budget set for something like this?\"",
        ),
        ("Who decides, and when?", ST, "start with \"Who decides?\""),
        (
            "Tell me about your team. What do they do?",
            ST,
            "start with \"Tell me about your team.\"",
        ),
        ("Can you sign today?", P, "before a decision"),
        ("This offer expires Friday.", P, "timing"),
    ];
    for (question, kind, want) in cases {
        let got = tip(question, kind);
        assert!(got.contains(want), "{question:?}: {got:?} lacks {want:?}");
    }
}

#[test]
fn kinds_have_names() {
    let names: Vec<&str> = KINDS.iter().map(|k| k.as_str()).collect();
    assert_eq!(
        names,
        [
            "closed",
            "leading",
            "statement",
            "stacked",
            "pressure",
            "loaded"
        ]
    );
    assert_eq!(
        serde_json::to_string(&KINDS).unwrap(),
        r#"["closed","leading","statement","stacked","pressure","loaded"]"#
    );
}

proptest::proptest! {
    #[test]
    fn any_text_is_checked_without_panicking(text in "\\PC{0,200}") {
        for f in check(&text) {
            proptest::prop_assert!(!f.message.contains('\n') && !f.suggestion.contains('\n'));
        }
    }

    #[test]
    fn kinds_come_in_the_fixed_order(words in proptest::collection::vec(
        "(do|you|what|and|or|obviously|sign|today|we|cut|\\?|,|\\.|right|if|will|isn't|tell|me)", 0..25)
    ) {
        let text = words.join(" ");
        let kinds = kinds(&text);
        let order: Vec<usize> = kinds.iter().map(|k| KINDS.iter().position(|a| a == k).unwrap()).collect();
        proptest::prop_assert!(order.windows(2).all(|w| w[0] < w[1]), "{text:?}: {kinds:?}");
    }
}

#[test]
fn requests_without_a_question_mark_are_told_apart() {
    for yes in [
        "Tell me about your team.",
        "so walk me through how you decide",
        "Could you describe the process",
        "I\u{2019}m curious how that started.",
        "I'd love to hear how it went",
        "Say more about that.",
        "Describe a good week for you",
    ] {
        assert!(opens_request(yes), "{yes}");
    }
    for no in [
        "We sell tools.",
        "I think that's right.",
        "Explain why their vendor is failing them.",
        "Tell them I said hi.",
        "Could be worse.",
        "",
    ] {
        assert!(!opens_request(no), "{no}");
    }
}

#[test]
fn kinds_are_the_kinds_check_finds() {
    for r in tuning().iter().step_by(7) {
        let found: Vec<Kind> = check(r.question).iter().map(|f| f.kind).collect();
        assert_eq!(kinds(r.question), found, "{}", r.question);
    }
}
