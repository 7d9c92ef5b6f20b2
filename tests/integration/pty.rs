//! The real terminal UI of `coach prep`, driven through a pseudo-terminal as
//! a person would: typing answers, arrow keys and Space in selects, Ctrl-C.

use std::process::Command;

use rexpect::process::WaitStatus;
use rexpect::reader::Options;
use rexpect::session::PtySession;

use crate::env::TestEnv;

const DOWN: &str = "\x1b[B";
const UP: &str = "\x1b[A";

pub fn start(cmd: Command, strip_ansi: bool) -> PtySession {
    let options = Options::new()
        .timeout_ms(Some(15_000))
        .strip_ansi_escape_codes(strip_ansi);
    rexpect::spawn_with_options(cmd, options).expect("spawn coach in a pty")
}

/// `coach ARGS` with the test environment, in a pseudo-terminal.
fn spawn(env: &TestEnv, args: &[&str], strip_ansi: bool) -> PtySession {
    let mut cmd = env.command();
    cmd.args(args).env("TERM", "xterm");
    start(cmd, strip_ansi)
}

/// A test home with the discovery prep of the fixture answers saved.
fn prepped() -> TestEnv {
    let env = TestEnv::new();
    env.coach()
        .args(["prep", "--format", "none", "--answers"])
        .arg(crate::env::fixture("answers/discovery.yaml"))
        .run()
        .success();
    env
}

/// The notes of the debrief saved in `env`.
fn debrief_notes(env: &TestEnv) -> String {
    let debrief = env
        .notes()
        .into_iter()
        .find(|p| p.to_string_lossy().ends_with("-debrief.md"))
        .expect("a debrief was saved");
    std::fs::read_to_string(debrief).unwrap()
}

/// Press keys: send them and flush, so coach sees them at once.
pub fn key(p: &mut PtySession, keys: &str) {
    p.send(keys).unwrap();
    p.flush().unwrap();
}

pub fn exit_code(p: &mut PtySession) -> i32 {
    match p.process_mut().wait().expect("wait for coach") {
        WaitStatus::Exited(_, code) => code,
        other => panic!("coach did not exit normally: {other:?}"),
    }
}

/// A whole discovery prep (`--full`), typed as a person would.
#[test]
fn a_full_discovery_prep_typed_in_a_terminal() {
    let env = TestEnv::new();
    let mut p = spawn(
        &env,
        &[
            "prep",
            "--full",
            "--with",
            "Jane Smith",
            "--account",
            "Acme Corp",
        ],
        true,
    );
    p.exp_string("What is this call for").unwrap();
    p.send_line("Understand their onboarding").unwrap();
    p.exp_string("single sales objective").unwrap();
    p.send_line("40 seats, 48k, by March").unwrap();
    p.exp_string("How will you open the call").unwrap();
    p.exp_string("an empty line ends it").unwrap();
    p.send_line("Thirty minutes, their goals first").unwrap();
    p.send_line("").unwrap();
    p.exp_string("trying to accomplish").unwrap();
    p.send_line("Cut onboarding time in half").unwrap();
    p.send_line("").unwrap();
    p.exp_string("rather than next year").unwrap();
    p.send_line("").unwrap(); // left empty: a nudge follows
    p.exp_string("personally").unwrap();
    p.send_line("Recognition from the new VP").unwrap();
    p.exp_string("bring Jane Smith their personal win").unwrap();
    p.send_line("").unwrap();
    // A select starts on "(no answer)": two steps down is trouble.
    p.exp_string("Pick one").unwrap();
    key(&mut p, DOWN);
    key(&mut p, DOWN);
    key(&mut p, "\r");
    p.exp_string("how this decision will be made").unwrap();
    p.send_line("").unwrap();
    // A multi-select: mark economic and user.
    p.exp_string("Pick any").unwrap();
    key(&mut p, " ");
    key(&mut p, DOWN);
    key(&mut p, " ");
    key(&mut p, "\r");
    // `economic_buyer` is hidden: the economic buyer was marked.
    p.exp_string("Who might disagree").unwrap();
    p.send_line("").unwrap();
    p.exp_string("see you, your offer").unwrap();
    p.send_line("").unwrap();
    p.exp_string("other options").unwrap();
    p.send_line("").unwrap();
    p.exp_string("Which questions will you ask").unwrap();
    p.send_line("What would make this quarter a success for you?")
        .unwrap();
    p.send_line("How do decisions like this get made?").unwrap();
    p.send_line("").unwrap();
    p.exp_string("their other options can't").unwrap();
    p.exp_string("an empty line ends it").unwrap();
    p.send_line("Their own tickets as practice; unlike the LMS, which is clunky")
        .unwrap();
    p.send_line("").unwrap();
    p.exp_string("A strength is what you do well").unwrap();
    p.exp_string("which need of").unwrap();
    p.send_line("").unwrap();
    p.exp_string("honestly need").unwrap();
    p.send_line("A pilot this quarter").unwrap();
    // A scale starts on "(no answer)"; three steps down is 3.
    p.exp_string("How much do you need this particular deal")
        .unwrap();
    p.exp_string("1 to 5").unwrap();
    key(&mut p, DOWN);
    key(&mut p, DOWN);
    key(&mut p, DOWN);
    key(&mut p, "\r");
    p.exp_string("One item a line").unwrap();
    p.send_line("").unwrap();
    p.exp_string("take over as the expert").unwrap();
    p.exp_string("1 to 5").unwrap();
    key(&mut p, DOWN);
    key(&mut p, DOWN);
    key(&mut p, "\r");
    p.exp_string("not the right fit").unwrap();
    p.send_line("").unwrap();
    p.exp_string("best commitment").unwrap();
    p.send_line("A two-team pilot in January").unwrap();
    p.exp_string("least you will accept").unwrap();
    p.send_line("A second call with the VP").unwrap();
    p.exp_string("want different things").unwrap();
    p.send_line("").unwrap();
    // The review: the table, then Save.
    p.exp_string("Save these notes?").unwrap();
    key(&mut p, "\r");
    p.exp_string("2026-11-22-1403-jane-smith-prep.md").unwrap();
    p.exp_eof().unwrap();
    assert_eq!(exit_code(&mut p), 0);

    let notes = std::fs::read_to_string(env.only_notes()).unwrap();
    for line in [
        "objective: Understand their onboarding",
        "business_result: Cut onboarding time in half",
        "response_mode: trouble",
        "influences:\n  - economic\n  - user",
        "neediness: 3",
        "expert_urge: 2",
        "best_action: A two-team pilot in January",
        "sales_objective: 40 seats, 48k, by March",
        "  - What would make this quarter a success for you?",
        "- [ ] What would make this quarter a success for you?",
        "- [ ] How do decisions like this get made?",
        "- why_now",
        "- economic_buyer",
    ] {
        assert!(notes.contains(line), "notes lack {line:?}:\n{notes}");
    }
}

/// The playbook's coaching is on screen: intro, stance, a section's `why`,
/// a question's `help`, and a nudge after an empty answer.
#[test]
fn help_why_and_nudges_are_shown() {
    let env = TestEnv::new();
    let mut p = spawn(
        &env,
        &["prep", "--with", "Jane Smith", "--account", "Acme Corp"],
        true,
    );
    p.exp_string("Discovery call").unwrap();
    p.exp_string("Your stance").unwrap();
    p.exp_string("Listen so hard that it hurts").unwrap();
    p.exp_string("Why this call").unwrap();
    p.exp_string("valid business reason for the meeting")
        .unwrap(); // the section's why
    p.exp_string("worth Jane Smith's time").unwrap(); // the ask, rendered
    p.exp_string("Write the valid business reason").unwrap(); // its help's first sentence
    p.exp_string("(? for more)").unwrap();
    p.send_line("?").unwrap(); // the rest of it, then the same question
    p.exp_string("This is the line you will open with").unwrap();
    p.send_line("Learn how they onboard").unwrap();
    // On the default walk the next question is the business result.
    p.exp_string("2 of 11").unwrap();
    p.exp_string("trying to accomplish").unwrap();
    p.process_mut().exit().ok();
}

/// Five one-line questions, for the tests of interrupted sessions.
fn five_questions(env: &TestEnv) -> String {
    let mut text = String::from(
        "title: Five\nkind: prep\nsections:\n  - id: s\n    title: S\n    questions:\n",
    );
    for n in 1..=5 {
        text.push_str(&format!(
            "      - id: q{n}\n        ask: Question number {n}?\n"
        ));
    }
    env.write("five.yaml", &text).to_str().unwrap().to_string()
}

fn answer_three(p: &mut PtySession) {
    for n in 1..=3 {
        p.exp_string(&format!("Question number {n}?")).unwrap();
        p.send_line(&format!("Answer {n}")).unwrap();
    }
    p.exp_string("Question number 4?").unwrap();
}

/// Ctrl-C inside a prompt ends coach with 130, keeps every answer given in a
/// draft, says how to resume, and restores the cursor.
#[test]
fn ctrl_c_keeps_a_draft_exits_130_and_restores_the_cursor() {
    let env = TestEnv::new();
    let playbook = five_questions(&env);
    let mut p = spawn(
        &env,
        &[
            "prep",
            "--with",
            "Jane Smith",
            "--account",
            "Acme",
            "--playbook",
            &playbook,
        ],
        false,
    );
    answer_three(&mut p);
    p.send_control('c').unwrap();
    let rest = p.exp_eof().unwrap();
    assert!(rest.contains("coach: interrupted. Your answers are saved in a draft; continue with: coach prep --resume 2026-11-22-1403-jane-smith-prep"), "{rest:?}");
    assert!(
        rest.contains("\x1b[?25h"),
        "cursor not shown again: {rest:?}"
    );
    assert_eq!(exit_code(&mut p), 130);
    assert!(env.notes().is_empty());
    let draft = std::fs::read_to_string(
        env.home()
            .join("drafts/2026-11-22-1403-jane-smith-prep.yaml"),
    )
    .unwrap();
    assert!(
        draft.contains(
            "answers:\n  q1: Answer 1\n  q2: Answer 2\n  q3: Answer 3\nasked:\n- q1\n- q2\n- q3\n"
        ),
        "{draft}"
    );
}

/// `kill -9` between two answers loses nothing: `--resume` shows what was
/// answered and continues at the fourth question; the finished session
/// removes its draft.
#[test]
fn kill_9_then_resume_continues_at_the_fourth_question() {
    let env = TestEnv::new();
    let playbook = five_questions(&env);
    let mut p = spawn(
        &env,
        &[
            "prep",
            "--with",
            "Jane Smith",
            "--account",
            "Acme",
            "--playbook",
            &playbook,
        ],
        true,
    );
    answer_three(&mut p);
    p.process_mut()
        .kill(rexpect::process::Signal::SIGKILL)
        .unwrap();

    // A draft names its playbook by id; one read from a file is given again.
    let mut p = spawn(&env, &["prep", "--resume"], true);
    p.exp_string("--playbook PATH").unwrap();
    p.exp_eof().unwrap();
    let mut p = spawn(&env, &["prep", "--resume", "--playbook", &playbook], true);
    p.exp_string("Resuming 2026-11-22-1403-jane-smith-prep (3 answered so far).")
        .unwrap();
    p.exp_string("Answer 3").unwrap(); // the table of what is kept
    p.exp_string("Question number 4?").unwrap();
    p.send_line("Answer 4").unwrap();
    p.exp_string("Question number 5?").unwrap();
    p.send_line("Answer 5").unwrap();
    p.exp_string("Save these notes?").unwrap();
    key(&mut p, "\r");
    p.exp_eof().unwrap();
    assert_eq!(exit_code(&mut p), 0);
    let notes = std::fs::read_to_string(env.only_notes()).unwrap();
    assert!(notes.contains("answers:\n  q1: Answer 1\n  q2: Answer 2\n  q3: Answer 3\n  q4: Answer 4\n  q5: Answer 5\n"), "{notes}");
    assert!(
        notes.contains("date: \"2026-11-22T14:03:00+01:00\""),
        "{notes}"
    );
    let drafts: Vec<_> = std::fs::read_dir(env.home().join("drafts"))
        .unwrap()
        .collect();
    assert!(drafts.is_empty(), "the draft should be gone: {drafts:?}");
}

/// A playbook with one `long` question, and a fake editor that appends a line
/// to the file it is given and exits with `status`.
fn editor_setup(env: &TestEnv, status: i32) -> (std::path::PathBuf, std::path::PathBuf) {
    let playbook = env.write(
        "long.yaml",
        "title: Long\nkind: prep\nsections:\n  - id: s\n    title: S\n    questions:\n      - id: story\n        ask: What happened?\n        type: long\n",
    );
    let editor = env.write(
        "fake-editor",
        &format!(
            "#!/bin/sh\nprintf 'Written in the editor\\nSecond line\\n' >> \"$1\"\nexit {status}\n"
        ),
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    (playbook, editor)
}

fn spawn_with_editor(
    env: &TestEnv,
    playbook: &std::path::Path,
    editor: &std::path::Path,
) -> PtySession {
    let playbook = playbook.to_str().unwrap();
    let args = [
        "prep",
        "--with",
        "Sam",
        "--account",
        "",
        "--format",
        "json",
        "--playbook",
        playbook,
    ];
    let mut cmd = env.command();
    cmd.args(args).env("TERM", "xterm").env("EDITOR", editor);
    start(cmd, true)
}

/// `long` answers are written in `$EDITOR`, on a file coach owns.
#[test]
fn long_answers_are_written_in_the_editor() {
    let env = TestEnv::new();
    let (playbook, editor) = editor_setup(&env, 0);
    let mut p = spawn_with_editor(&env, &playbook, &editor);
    p.exp_string("What happened?").unwrap();
    p.exp_string("Opening").unwrap();
    p.exp_string("Save these notes?").unwrap();
    key(&mut p, "\r");
    p.exp_eof().unwrap();
    assert_eq!(exit_code(&mut p), 0);
    let notes = std::fs::read_to_string(env.only_notes()).unwrap();
    assert!(
        notes.contains("story: |-\n    Written in the editor\n    Second line\n"),
        "{notes}"
    );
    // The scratch file is gone once the answer is read back.
    let left: Vec<_> = std::fs::read_dir(env.home().join("drafts"))
        .unwrap()
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

/// When the editor fails, coach says so and where the text it left is kept,
/// and the answer is typed in the terminal instead.
#[test]
fn a_failing_editor_hands_over_to_typing_and_says_where_the_text_is() {
    let env = TestEnv::new();
    let (playbook, editor) = editor_setup(&env, 3);
    let mut p = spawn_with_editor(&env, &playbook, &editor);
    p.exp_string("failed (exit status: 3); your text is kept in")
        .unwrap();
    p.exp_string("type it here instead").unwrap();
    p.exp_string("an empty line ends it").unwrap();
    p.send_line("Typed instead").unwrap();
    p.send_line("").unwrap();
    p.exp_string("Save these notes?").unwrap();
    key(&mut p, "\r");
    p.exp_eof().unwrap();
    assert_eq!(exit_code(&mut p), 0);
    let notes = std::fs::read_to_string(env.only_notes()).unwrap();
    assert!(notes.contains("story: Typed instead\n"), "{notes}");
    // What the editor wrote is still where coach said.
    let kept: Vec<_> = std::fs::read_dir(env.home().join("drafts"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(
        std::fs::read_to_string(&kept[0]).unwrap(),
        "Written in the editor\nSecond line\n"
    );
}

/// An editor that returns at once without a change (`code` without
/// `--wait`, `EDITOR=true`) is not opened again and again for a required
/// answer: typing takes over, with how to set a waiting editor, and one
/// Ctrl-C ends the prep with 130 and a draft.
#[test]
fn an_editor_that_does_not_wait_hands_over_to_typing_and_one_ctrl_c_ends_it() {
    let env = TestEnv::new();
    let playbook = env.write(
        "required-long.yaml",
        "title: Long\nkind: prep\nsections:\n  - id: s\n    title: S\n    questions:\n      - id: first\n        ask: First?\n      - id: story\n        ask: What happened?\n        type: long\n        required: true\n      - id: more\n        ask: And then?\n        type: long\n",
    );
    let mut cmd = env.command();
    cmd.args(["prep", "--with", "Sam", "--account", "", "--playbook"])
        .arg(&playbook)
        .env("TERM", "xterm")
        .env("EDITOR", "true");
    let mut p = start(cmd, true);
    p.exp_string("First?").unwrap();
    p.send_line("One").unwrap();
    p.exp_string("`true` returned at once without a change")
        .unwrap();
    p.exp_string("code --wait").unwrap();
    p.exp_string("an empty line ends it").unwrap();
    p.send_line("It rained").unwrap();
    p.send_line("").unwrap();
    // The next long answer is typed too: the editor is not tried again.
    p.exp_string("And then?").unwrap();
    p.exp_string("an empty line ends it").unwrap();
    p.send_control('c').unwrap();
    let rest = p.exp_eof().unwrap();
    assert!(!rest.contains("Opening true"), "{rest}");
    assert_eq!(exit_code(&mut p), 130);
    let drafts: Vec<_> = std::fs::read_dir(env.home().join("drafts"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    let draft = std::fs::read_to_string(&drafts[0]).unwrap();
    assert!(draft.contains("story: It rained"), "{draft}");
}

/// Enter on a scale or a choice with no default records nothing: a hurried
/// debrief invents no score. A required one says it needs an answer.
#[test]
fn enter_on_a_scale_or_choice_without_a_default_records_nothing() {
    let env = TestEnv::new();
    let playbook = env.write(
        "picks.yaml",
        "title: Picks\nkind: prep\nsections:\n  - id: s\n    title: S\n    questions:\n      - id: score\n        ask: How did it go?\n        type: scale\n      - id: mood\n        ask: Which mood?\n        type: choice\n        choices: [calm, tense]\n      - id: must\n        ask: Pick one you must?\n        type: choice\n        choices: [yes, no]\n        required: true\n      - id: kept\n        ask: With a default?\n        type: scale\n        default: 4\n",
    );
    let mut p = spawn(
        &env,
        &[
            "prep",
            "--with",
            "Sam",
            "--account",
            "",
            "--playbook",
            playbook.to_str().unwrap(),
        ],
        true,
    );
    p.exp_string("1 of 4").unwrap();
    p.exp_string("How did it go?").unwrap();
    p.exp_string("(no answer)").unwrap();
    key(&mut p, "\r");
    p.exp_string("2 of 4").unwrap();
    p.exp_string("Which mood?").unwrap();
    p.exp_string("(no answer)").unwrap();
    key(&mut p, "\r");
    p.exp_string("Pick one you must?").unwrap();
    p.exp_string("(no answer)").unwrap();
    key(&mut p, "\r");
    p.exp_string("This one needs an answer").unwrap();
    key(&mut p, DOWN);
    key(&mut p, "\r");
    p.exp_string("With a default?").unwrap();
    key(&mut p, "\r");
    p.exp_string("Save these notes?").unwrap();
    key(&mut p, "\r");
    p.exp_eof().unwrap();
    assert_eq!(exit_code(&mut p), 0);
    let notes = std::fs::read_to_string(env.only_notes()).unwrap();
    assert!(
        notes.contains("answers:\n  must: 'yes'\n  kept: 4\n")
            || notes.contains("answers:\n  must: \"yes\"\n  kept: 4\n"),
        "{notes}"
    );
    assert!(notes.contains("skipped:\n- score\n- mood\n"), "{notes}");
}

/// The review step: change an answer, and a question it now reveals is asked.
#[test]
fn the_review_changes_an_answer_and_asks_what_it_reveals() {
    let env = TestEnv::new();
    let playbook = env.write(
        "review.yaml",
        "title: Review\nkind: prep\nsections:\n  - id: s\n    title: S\n    questions:\n      - id: known\n        ask: Do you know who signs?\n        type: yesno\n        required: true\n      - id: signer\n        ask: Who signs?\n        when: known\n      - id: goal\n        ask: What is the goal?\n",
    );
    let path = playbook.to_str().unwrap();
    let mut p = spawn(
        &env,
        &[
            "prep",
            "--with",
            "Jane",
            "--account",
            "Acme",
            "--playbook",
            path,
        ],
        true,
    );
    p.exp_string("Do you know who signs?").unwrap();
    p.exp_string("yes or no").unwrap();
    key(&mut p, "n");
    p.exp_string("What is the goal?").unwrap();
    p.send_line("A pilot").unwrap();
    p.exp_string("Save these notes?").unwrap();
    key(&mut p, DOWN);
    key(&mut p, "\r");
    p.exp_string("Which answer?").unwrap();
    key(&mut p, "\r"); // the first row: `known`
    p.exp_string("Do you know who signs?").unwrap();
    p.exp_string("yes or no").unwrap();
    key(&mut p, "y");
    p.exp_string("Who signs?").unwrap();
    p.send_line("Priya, the VP").unwrap();
    p.exp_string("Save these notes?").unwrap();
    key(&mut p, "\r");
    p.exp_eof().unwrap();
    assert_eq!(exit_code(&mut p), 0);
    let notes = std::fs::read_to_string(env.only_notes()).unwrap();
    assert!(
        notes.contains("answers:\n  known: true\n  signer: Priya, the VP\n  goal: A pilot\n"),
        "{notes}"
    );
    assert!(notes.contains("skipped: []"), "{notes}");
}

/// Planned questions are checked as they are typed: a flagged one is shown
/// with its reason and tip, and can be rephrased (and is checked again).
#[test]
fn planned_questions_are_coached_as_they_are_typed() {
    let env = TestEnv::new();
    let playbook = env.write(
        "ask.yaml",
        "title: Ask\nkind: prep\nsections:\n  - id: s\n    title: S\n    questions:\n      - id: planned_questions\n        ask: Which questions will you ask?\n        type: list\n        check: questions\n",
    );
    let path = playbook.to_str().unwrap();
    let mut p = spawn(
        &env,
        &[
            "prep",
            "--with",
            "Jane",
            "--account",
            "Acme",
            "--playbook",
            path,
        ],
        true,
    );
    p.exp_string("Which questions will you ask?").unwrap();
    p.send_line("Do you have a budget?").unwrap();
    p.send_line("What matters most to you this year?").unwrap();
    p.send_line("").unwrap();
    // (rexpect reads bytes as Latin-1, so match the ASCII part of the line.)
    p.exp_string("Do you have a budget?").unwrap();
    p.exp_string(" is closed. (the question coach)").unwrap();
    p.exp_string("How is budget set for something like this?")
        .unwrap();
    p.exp_string("Rephrase it").unwrap();
    key(&mut p, "\r");
    // The rephrasing starts from the question as typed: clear it, type anew.
    // Ctrl-H, not DEL: between keys the tty is in cooked mode, where DEL is
    // the erase character and could be swallowed.
    key(&mut p, &"\x08".repeat(30));
    p.send_line("How is budget set for something like this?")
        .unwrap();
    p.exp_string("Save these notes?").unwrap();
    key(&mut p, "\r");
    p.exp_eof().unwrap();
    assert_eq!(exit_code(&mut p), 0);
    let notes = std::fs::read_to_string(env.only_notes()).unwrap();
    assert!(
        notes.contains("planned_questions:\n  - How is budget set for something like this?\n  - What matters most to you this year?\n"),
        "{notes}"
    );
    assert!(notes.contains("nudges: []"), "{notes}");
}

/// A debrief in the terminal: the prep is picked from a select of recent
/// preps, the plan is shown above its question, and the planned questions
/// come back as a multi-select.
#[test]
fn a_debrief_picks_its_prep_and_offers_the_planned_questions() {
    let env = prepped();
    let playbook = env.write(
        "after.yaml",
        "title: After\nkind: debrief\nsections:\n  - id: s\n    title: S\n    questions:\n      - id: commitment\n        ask: What did {{ with }} commit to?\n        plan: best_action\n      - id: asked_questions\n        ask: Which of your planned questions did you ask?\n        type: multi\n        choices_from: prep.planned_questions\n        when: prep\n",
    );
    let path = playbook.to_str().unwrap();
    let mut p = spawn(&env, &["debrief", "--playbook", path], true);
    p.exp_string("Which prep was this conversation for?")
        .unwrap();
    p.exp_string("Jane Smith, Acme Corp  (discovery)").unwrap();
    key(&mut p, "\r");
    p.exp_string("What did Jane Smith commit to?").unwrap();
    p.exp_string("Planned: Agree a two-team pilot").unwrap();
    // The plan is shown, not typed in: what happened is typed from empty.
    p.send_line("A second call with Priya").unwrap();
    p.exp_string("Pick any").unwrap();
    p.exp_string("How do decisions like this usually get made here?")
        .unwrap();
    key(&mut p, " ");
    key(&mut p, DOWN);
    key(&mut p, DOWN);
    key(&mut p, " ");
    key(&mut p, "\r");
    p.exp_string("Save these notes?").unwrap();
    key(&mut p, "\r");
    p.exp_eof().unwrap();
    assert_eq!(exit_code(&mut p), 0);
    let notes = debrief_notes(&env);
    assert!(
        notes.contains("prep: 2026-11-22-1403-jane-smith-prep\n"),
        "{notes}"
    );
    assert!(
        notes.contains("  commitment: A second call with Priya\n"),
        "{notes}"
    );
    assert!(
        notes.contains("  asked_questions:\n  - What does a new agent's first week look like today?\n  - How do decisions like this usually get made here?\n"),
        "{notes}"
    );
}

/// The next prep learns from the last debrief: what was learned, what is
/// still unknown and the open follow-ups come first, and learned facts are
/// offered to confirm rather than asked again.
#[test]
fn the_next_prep_starts_from_the_last_debrief() {
    let env = prepped();
    env.coach()
        .env("COACH_NOW", "2026-11-24T16:30:00+01:00")
        .args([
            "debrief",
            "--prep",
            "latest",
            "--format",
            "none",
            "--answers",
        ])
        .arg(crate::env::fixture("answers/debrief.yaml"))
        .run()
        .success();
    let mut p = spawn(
        &env,
        &[
            "prep",
            "--full",
            "--with",
            "Jane Smith",
            "--account",
            "Acme Corp",
        ],
        true,
    );
    p.exp_string("Since your last conversation with Jane Smith (2026-11-24")
        .unwrap();
    p.exp_string(
        // Wrapped to the terminal's 80 columns.
        "learned   What did Jane Smith actually say they want to accomplish: Halve",
    )
    .unwrap();
    p.exp_string("unknown   What did Jane Smith actually say a good outcome would")
        .unwrap();
    p.exp_string("open      me: send the pilot plan (due 2026-11-27)")
        .unwrap();
    p.exp_string("What is this call for").unwrap();
    p.send_line("Agree the pilot").unwrap();
    p.exp_string("single sales objective").unwrap();
    p.send_line("").unwrap();
    p.exp_string("How will you open the call").unwrap();
    p.send_line("").unwrap();
    p.exp_string("trying to accomplish?").unwrap();
    p.exp_string("Learned last time: Halve ramp time for new support agents")
        .unwrap();
    p.exp_string("Keep this answer?").unwrap();
    p.process_mut().exit().ok();
}

/// A part of a known name typed at the terminal is that person, and coach
/// says so; the since-last-time thread follows the settled name.
#[test]
fn a_part_of_a_known_name_typed_at_the_terminal_is_that_person() {
    let env = TestEnv::new();
    let answers = std::fs::read_to_string(crate::env::fixture("answers/discovery.yaml"))
        .unwrap()
        .replace("with: Jane Smith", "with: Priya Raman");
    env.coach()
        .args(["prep", "--format", "none", "--answers"])
        .arg(env.write("priya.yaml", &answers))
        .run()
        .success();
    let playbook = env.write(
        "short.yaml",
        "title: Short\nkind: prep\nsections:\n  - id: s\n    title: S\n    questions:\n      - id: objective\n        ask: What is the call with {{ with }} for?\n",
    );
    let mut p = spawn(
        &env,
        &[
            "prep",
            "--format",
            "none",
            "--playbook",
            playbook.to_str().unwrap(),
        ],
        true,
    );
    p.exp_string("Who is the conversation with?").unwrap();
    p.send_line("raman").unwrap();
    p.exp_string("as Priya Raman, from your notes").unwrap();
    // Her account is known: offered as it is, kept with Enter.
    p.exp_string("Which organisation").unwrap();
    p.exp_string("From your last conversation with them")
        .unwrap();
    key(&mut p, "\r");
    p.exp_string("What is the call with Priya Raman for?")
        .unwrap();
    p.send_line("Meet the signer").unwrap();
    p.exp_string("Save these notes?").unwrap();
    key(&mut p, "\r");
    p.exp_eof().unwrap();
    assert_eq!(exit_code(&mut p), 0);
    let notes = env
        .notes()
        .into_iter()
        .find(|n| n.to_string_lossy().ends_with("priya-raman-prep-2.md"))
        .expect("a second prep with Priya Raman");
    let text = std::fs::read_to_string(notes).unwrap();
    assert!(text.contains("\nwith: Priya Raman\n"), "{text}");
    assert!(text.contains("\naccount: Acme Corp\n"), "{text}");
}

/// A debrief interrupted with Ctrl-C keeps its answers and its link to the
/// prep; `coach debrief --resume` continues it.
#[test]
fn an_interrupted_debrief_resumes_with_its_prep() {
    let env = prepped();
    let playbook = env.write(
        "after.yaml",
        "title: After\nkind: debrief\nsections:\n  - id: s\n    title: S\n    questions:\n      - id: happened\n        ask: What happened?\n      - id: commitment\n        ask: What did {{ with }} commit to?\n        plan: best_action\n",
    );
    let path = playbook.to_str().unwrap();
    let mut p = spawn(
        &env,
        &["debrief", "--prep", "latest", "--playbook", path],
        false,
    );
    p.exp_string("What happened?").unwrap();
    p.send_line("A good talk").unwrap();
    p.exp_string("commit to?").unwrap();
    p.send_control('c').unwrap();
    let rest = p.exp_eof().unwrap();
    // The playbook came from a file, so the command names it again.
    assert!(
        rest.contains(&format!(
            "continue with: coach debrief --resume 2026-11-22-1403-jane-smith-debrief --playbook {path}"
        )),
        "{rest:?}"
    );
    assert_eq!(exit_code(&mut p), 130);

    let mut p = spawn(&env, &["debrief", "--resume", "--playbook", path], true);
    p.exp_string("Resuming 2026-11-22-1403-jane-smith-debrief (1 answered so far).")
        .unwrap();
    p.exp_string("What did Jane Smith commit to?").unwrap();
    p.exp_string("Planned: Agree a two-team pilot").unwrap();
    p.send_line("A second call").unwrap();
    p.exp_string("Save these notes?").unwrap();
    key(&mut p, "\r");
    p.exp_eof().unwrap();
    assert_eq!(exit_code(&mut p), 0);
    let notes = debrief_notes(&env);
    assert!(
        notes.contains("prep: 2026-11-22-1403-jane-smith-prep\n"),
        "{notes}"
    );
    assert!(
        notes.contains("answers:\n  happened: A good talk\n  commitment: A second call\n"),
        "{notes}"
    );
    assert!(
        std::fs::read_dir(env.home().join("drafts"))
            .unwrap()
            .next()
            .is_none()
    );
}

/// The plan above a debrief question is shown, not typed in: Enter on the
/// empty answer records nothing, and the up arrow brings the plan into the
/// line to edit.
#[test]
fn a_planned_answer_is_shown_but_not_prefilled() {
    let env = prepped();
    let playbook = env.write(
        "after.yaml",
        "title: After\nkind: debrief\nsections:\n  - id: s\n    title: S\n    questions:\n      - id: commitment\n        ask: What did {{ with }} commit to?\n        plan: best_action\n      - id: next\n        ask: And the step after that?\n        plan: best_action\n",
    );
    let path = playbook.to_str().unwrap();
    let mut p = spawn(
        &env,
        &["debrief", "--prep", "latest", "--playbook", path],
        true,
    );
    p.exp_string("What did Jane Smith commit to?").unwrap();
    p.exp_string("Planned: Agree a two-team pilot").unwrap();
    p.exp_string("brings it in to edit)").unwrap();
    p.send_line("").unwrap();
    p.exp_string("And the step after that?").unwrap();
    p.exp_string("brings it in to edit)").unwrap();
    key(&mut p, UP);
    p.send_line(" by Friday").unwrap();
    p.exp_string("Save these notes?").unwrap();
    key(&mut p, "\r");
    p.exp_eof().unwrap();
    assert_eq!(exit_code(&mut p), 0);
    let notes = debrief_notes(&env);
    assert!(!notes.contains("  commitment:"), "{notes}");
    assert!(notes.contains("skipped:\n- commitment\n"), "{notes}");
    assert!(
        notes.contains("  next: Agree a two-team pilot starting in January, with Priya in the kick-off by Friday\n"),
        "{notes}"
    );
}

/// A next step with no date, or one that cannot be read, is asked for its
/// date at the terminal; an empty answer leaves it undated.
#[test]
fn a_next_step_without_a_date_is_asked_for_one() {
    let env = TestEnv::new();
    let playbook = env.write(
        "after.yaml",
        "title: After\nkind: debrief\nsections:\n  - id: s\n    title: S\n    questions:\n      - id: next\n        means: next_steps\n        ask: What happens next?\n        type: list\n",
    );
    let path = playbook.to_str().unwrap();
    let mut p = spawn(
        &env,
        &["debrief", "--with", "Jane Smith", "--playbook", path],
        true,
    );
    p.exp_string("What happens next?").unwrap();
    p.send_line("call the GP").unwrap();
    p.send_line("Priya: send the deck by the board meeting")
        .unwrap();
    p.send_line("").unwrap();
    p.exp_string("Save these notes?").unwrap();
    key(&mut p, "\r");
    p.exp_string("No date was given").unwrap();
    p.send_line("2026-11-30").unwrap();
    p.exp_string("could not be read as a date").unwrap();
    p.send_line("").unwrap();
    p.exp_eof().unwrap();
    assert_eq!(exit_code(&mut p), 0);
    let notes = std::fs::read_to_string(&env.notes()[0]).unwrap();
    assert!(
        notes.contains("  what: call the GP\n  due: \"2026-11-30\"\n"),
        "{notes}"
    );
    assert!(
        notes.contains("  owner: Priya\n  what: send the deck by the board meeting\n"),
        "{notes}"
    );
}

/// Text a prompt offers to edit (a playbook's default, a debrief's plan) is
/// shown like any other text: escape sequences and bidi overrides made
/// visible, never sent to the terminal.
#[test]
fn offered_text_never_takes_over_the_terminal() {
    let env = TestEnv::new();
    let playbook = env.write(
        "hostile.yaml",
        "title: H\nkind: prep\nsections:\n  - id: s\n    title: S\n    questions:\n      - id: t\n        ask: What now?\n        default: \"A\\e]52;c;SGVsbG8=\\a\\u009b2J\\u202eB\"\n",
    );
    let path = playbook.to_str().unwrap();
    let mut p = spawn(&env, &["prep", "--with", "Jane", "--playbook", path], false);
    let mut seen = p.exp_string("What now?").unwrap();
    // The offered text is there, its escapes visible as text.
    seen.push_str(&p.exp_string("52;c;SGVsbG8=").unwrap());
    key(&mut p, "\r");
    seen.push_str(&p.exp_string("Save these notes?").unwrap());
    key(&mut p, "\r");
    seen.push_str(&p.exp_eof().unwrap());
    assert_eq!(exit_code(&mut p), 0);
    for raw in ["\x1b]52", "\u{9b}", "\u{202e}"] {
        assert!(
            !seen.contains(raw),
            "{raw:?} reached the terminal:\n{seen:?}"
        );
    }
    assert!(seen.contains("\\u{1b}]52;c;SGVsbG8="), "{seen:?}");
}

/// `debrief --transcript` shows what was measured beside the estimate at
/// the review, before saving, and the notes say the same.
#[test]
fn a_debrief_shows_the_transcript_beside_the_estimate_before_saving() {
    let env = TestEnv::new();
    let playbook = env.write(
        "listen.yaml",
        "title: Listen\nkind: debrief\nsections:\n  - id: s\n    title: S\n    questions:\n      - id: my_share\n        ask: What share of the talking was yours?\n        type: number\n        means: talk_share\n",
    );
    let transcript = crate::env::fixture("transcripts/plain-discovery.txt");
    let mut cmd = env.command();
    cmd.args([
        "debrief",
        "--with",
        "Sam",
        "--account",
        "",
        "--format",
        "none",
        "--playbook",
    ])
    .arg(&playbook)
    .arg("--transcript")
    .arg(&transcript)
    .args(["--me", "Alex Kim"])
    .env("TERM", "xterm");
    let mut p = start(cmd, true);
    p.exp_string("What share of the talking was yours?")
        .unwrap();
    p.send_line("30").unwrap();
    p.exp_string("you guessed 30%, the transcript says 55%")
        .unwrap();
    p.exp_string("Save these notes?").unwrap();
    key(&mut p, "\r");
    p.exp_eof().unwrap();
    assert_eq!(exit_code(&mut p), 0);
    let notes = std::fs::read_to_string(env.only_notes()).unwrap();
    assert_eq!(
        notes
            .matches("you guessed 30%, the transcript says 55%")
            .count(),
        2,
        "once in the front matter, once in the body:\n{notes}"
    );
}

/// `debrief --transcript` at a terminal: the planned questions heard in the
/// call (in other words) come ticked in the multi-select, to confirm or
/// change, and the figures are on screen before it.
#[test]
fn planned_questions_heard_in_the_call_come_ticked_to_confirm() {
    let env = prepped();
    let playbook = env.write(
        "after.yaml",
        "title: After\nkind: debrief\nsections:\n  - id: s\n    title: S\n    questions:\n      - id: asked_questions\n        ask: Which of your planned questions did you ask?\n        type: multi\n        choices_from: prep.planned_questions\n        means: asked_questions\n",
    );
    let call = env.write(
        "call.txt",
        "Alex Kim: So how do decisions like this get made over there?\nJane Smith: Priya signs.\n",
    );
    let mut cmd = env.command();
    cmd.args([
        "debrief",
        "--format",
        "none",
        "--me",
        "Alex Kim",
        "--playbook",
    ])
    .arg(&playbook)
    .arg("--transcript")
    .arg(&call)
    .env("TERM", "xterm");
    let mut p = start(cmd, true);
    p.exp_string("Which prep was this conversation for?")
        .unwrap();
    key(&mut p, "\r");
    p.exp_string("From the transcript, you (Alex Kim)").unwrap();
    p.exp_string("Planned questions heard in the call: 1 of 3")
        .unwrap();
    p.exp_string("Heard in the call").unwrap();
    p.exp_string("Pick any").unwrap();
    // Accepted as ticked.
    key(&mut p, "\r");
    p.exp_string("Save these notes?").unwrap();
    key(&mut p, "\r");
    p.exp_eof().unwrap();
    assert_eq!(exit_code(&mut p), 0);
    let notes = debrief_notes(&env);
    assert!(
        notes.contains(
            "  asked_questions:\n  - How do decisions like this usually get made here?\n"
        ),
        "{notes}"
    );
}

/// What rexpect read (each byte as a char) as the UTF-8 text it was.
fn utf8(read: &str) -> String {
    let bytes: Vec<u8> = read.chars().map(|c| c as u32 as u8).collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// `coach ARGS` in a pseudo-terminal of `cols` columns.
fn spawn_at(env: &TestEnv, cols: u16, args: &[&str]) -> PtySession {
    start(at_width(env, cols, args), true)
}

/// `coach ARGS` as a command for a pseudo-terminal of `cols` columns.
fn at_width(env: &TestEnv, cols: u16, args: &[&str]) -> Command {
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(format!("stty cols {cols} rows 40; exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_coach"))
        .args(args);
    for (key, value) in env.vars() {
        cmd.env(key, value);
    }
    cmd.env("TERM", "xterm");
    cmd
}

/// At 80 columns every table fits, the follow-ups are numbered and
/// `--done 1` marks the first; history keeps each id on one line.
#[test]
fn tables_fit_80_columns_and_follow_ups_go_by_number() {
    let env = TestEnv::new();
    let id = env.prep("Jane Smith", None);
    env.coach()
        .env("COACH_NOW", "2026-11-24T16:30:00+01:00")
        .args(["debrief", "--prep", &id, "--format", "none", "--answers"])
        .arg(crate::env::fixture("answers/debrief.yaml"))
        .run()
        .success();
    let answers = crate::env::fixture("answers/discovery.yaml");
    let mut shown = Vec::new();
    for args in [
        vec!["followups"],
        vec!["history"],
        vec!["stats"],
        vec!["prep", "--no-input", "--answers", answers.to_str().unwrap()],
    ] {
        let mut p = spawn_at(&env, 80, &args);
        let out = utf8(&p.exp_eof().unwrap());
        assert_eq!(exit_code(&mut p), 0, "{args:?}: {out}");
        for line in out.lines() {
            let width = line.trim_end_matches('\r').chars().count();
            assert!(width <= 80, "{args:?}: {width} columns: {line}");
        }
        shown.push(out);
    }
    assert!(
        shown[0].contains("│ 1 ┆ me    ┆ send the pilot plan"),
        "{}",
        shown[0]
    );
    assert!(
        shown[1].contains("2026-11-24-1630-jane-smith-debrief"),
        "{}",
        shown[1]
    );
    let mut p = spawn_at(&env, 80, &["followups", "--done", "1"]);
    let out = utf8(&p.exp_eof().unwrap());
    assert_eq!(exit_code(&mut p), 0);
    assert!(
        out.contains("Marked done: 2026-11-24-1630-jane-smith-debrief#1"),
        "{out}"
    );
    assert!(out.contains("send the pilot plan"), "{out}");
}

fn one_question(env: &TestEnv, ty: &str) -> String {
    let text = format!(
        "title: One\nkind: prep\nsections:\n  - id: s\n    title: S\n    questions:\n      - id: answer\n        ask: Your answer?\n        type: {ty}\n      - id: next\n        ask: Next one?\n"
    );
    env.write(&format!("one-{ty}.yaml"), &text)
        .to_str()
        .unwrap()
        .to_string()
}

fn saved_answers(env: &TestEnv, p: &mut PtySession) -> String {
    p.exp_string("Save these notes?").unwrap();
    key(p, "\r");
    p.exp_eof().unwrap();
    assert_eq!(exit_code(p), 0);
    std::fs::read_to_string(env.only_notes()).unwrap()
}

/// Two lines pasted from an email into a one-line answer are one answer
/// (the break a space); the next question is not answered by line 2. Into a
/// list, they are two items.
#[test]
fn a_bracketed_paste_is_one_answer() {
    let env = TestEnv::new();
    let playbook = one_question(&env, "text");
    let mut p = spawn(
        &env,
        &[
            "prep",
            "--with",
            "Sam",
            "--account",
            "",
            "--playbook",
            &playbook,
        ],
        true,
    );
    p.exp_string("Your answer?").unwrap();
    key(
        &mut p,
        "\x1b[200~Thanks for the call.\r\nCan we meet Tuesday?\x1b[201~",
    );
    key(&mut p, "\r");
    p.exp_string("Next one?").unwrap();
    key(&mut p, "\r");
    let notes = saved_answers(&env, &mut p);
    assert!(
        notes.contains("answer: Thanks for the call. Can we meet Tuesday?\n"),
        "{notes}"
    );
    assert!(!notes.contains("next:"), "{notes}");

    let env = TestEnv::new();
    let playbook = one_question(&env, "list");
    let mut p = spawn(
        &env,
        &[
            "prep",
            "--with",
            "Sam",
            "--account",
            "",
            "--playbook",
            &playbook,
        ],
        true,
    );
    p.exp_string("Your answer?").unwrap();
    key(&mut p, "\x1b[200~send the deck\nbook the demo\x1b[201~");
    key(&mut p, "\r");
    key(&mut p, "\r");
    p.exp_string("Next one?").unwrap();
    key(&mut p, "\r");
    let notes = saved_answers(&env, &mut p);
    assert!(
        notes.contains("answer:\n  - send the deck\n  - book the demo\n"),
        "{notes}"
    );
}

/// The line-editing keys every shell has work in an answer.
#[test]
fn line_editing_keys_work() {
    let env = TestEnv::new();
    let playbook = one_question(&env, "text");
    let mut p = spawn(
        &env,
        &[
            "prep",
            "--with",
            "Sam",
            "--account",
            "",
            "--playbook",
            &playbook,
        ],
        true,
    );
    p.exp_string("Your answer?").unwrap();
    // Type, then Ctrl-U clears it all.
    key(&mut p, "a wrong start");
    key(&mut p, "\x15");
    key(&mut p, "world");
    // Ctrl-A to the start, insert; Ctrl-E to the end, add.
    key(&mut p, "\x01hello ");
    key(&mut p, "\x05 again");
    // Ctrl-W removes the last word (its space stays, as in a shell).
    key(&mut p, "\x17\x08");
    key(&mut p, "!");
    // Home, then Delete the first letter; End.
    key(&mut p, "\x1b[H\x1b[3~H\x1b[F");
    key(&mut p, "\r");
    p.exp_string("Next one?").unwrap();
    key(&mut p, "\r");
    let notes = saved_answers(&env, &mut p);
    assert!(notes.contains("answer: Hello world!\n"), "{notes}");
}

/// The screen a stream of output leaves: printable text, `\r`, `\n`, and
/// the cursor moves and erases a line editor uses (CSI A/B/C/D/G/K/J).
fn screen(stream: &str, cols: usize) -> Vec<String> {
    let mut rows: Vec<Vec<char>> = vec![Vec::new()];
    let (mut r, mut c) = (0usize, 0usize);
    let mut chars = stream.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '\r' => c = 0,
            '\n' => {
                r += 1;
                if rows.len() <= r {
                    rows.push(Vec::new());
                }
            }
            '\x1b' if chars.peek() == Some(&'[') => {
                chars.next();
                let mut arg = String::new();
                while let Some(&d) = chars.peek() {
                    if d.is_ascii_digit() || d == ';' || d == '?' {
                        arg.push(d);
                        chars.next();
                    } else {
                        break;
                    }
                }
                let n: usize = arg.parse().unwrap_or(1).max(1);
                match chars.next() {
                    Some('A') => r = r.saturating_sub(n),
                    Some('B') => r += n,
                    Some('C') => c += n,
                    Some('D') => c = c.saturating_sub(n),
                    Some('G') => c = n - 1,
                    Some('K') if arg == "2" => rows[r].clear(),
                    Some('K') => rows[r].truncate(c),
                    Some('J') => {
                        rows[r].truncate(c);
                        rows.truncate(r + 1);
                    }
                    _ => {}
                }
                while rows.len() <= r {
                    rows.push(Vec::new());
                }
            }
            ch if ch.is_control() => {}
            ch => {
                if c >= cols {
                    r += 1;
                    c = 0;
                    if rows.len() <= r {
                        rows.push(Vec::new());
                    }
                }
                let row = &mut rows[r];
                while row.len() < c {
                    row.push(' ');
                }
                if c < row.len() {
                    row[c] = ch;
                } else {
                    row.push(ch);
                }
                c += 1;
            }
        }
    }
    rows.into_iter().map(|r| r.into_iter().collect()).collect()
}

/// An answer longer than a 60-column terminal wraps and is redrawn in
/// place: once on screen, however it was drawn.
#[test]
fn a_wrapped_answer_is_on_screen_once() {
    let env = TestEnv::new();
    let playbook = one_question(&env, "text");
    let args = [
        "prep",
        "--with",
        "Sam",
        "--account",
        "",
        "--playbook",
        &playbook,
    ];
    let mut p = start(at_width(&env, 60, &args), false);
    p.exp_string("Your answer?").unwrap();
    let long = "We talked about the pilot, the budget for next year and who signs";
    key(&mut p, long);
    key(&mut p, "\r");
    let seen = utf8(&p.exp_string("Next one?").unwrap());
    let rows = screen(&seen, 60);
    let shown = rows
        .iter()
        .filter(|r| r.contains("We talked about"))
        .count();
    assert_eq!(shown, 1, "{rows:#?}");
    assert!(
        rows.iter()
            .any(|r| r.starts_with("o signs") || r.contains("signs")),
        "{rows:#?}"
    );
    key(&mut p, "\r");
    let notes = saved_answers(&env, &mut p);
    assert!(notes.contains(&format!("answer: {long}\n")), "{notes}");
}

/// Without colour (`NO_COLOR`, as every test here runs) the multi-select
/// still shows which row the cursor is on.
#[test]
fn the_multi_select_cursor_shows_without_colour() {
    let env = TestEnv::new();
    let playbook = env.write(
        "multi.yaml",
        "title: Multi\nkind: prep\nsections:\n  - id: s\n    title: S\n    questions:\n      - id: who\n        ask: Who is in it?\n        type: multi\n        choices: [first choice, second choice]\n",
    );
    let mut p = spawn(
        &env,
        &[
            "prep",
            "--with",
            "Sam",
            "--account",
            "",
            "--playbook",
            playbook.to_str().unwrap(),
        ],
        true,
    );
    p.exp_string("Pick any").unwrap();
    let before = utf8(&p.exp_string("second choice").unwrap());
    assert!(before.contains("❯ ⬚ first choice"), "{before:?}");
    key(&mut p, DOWN);
    let moved = utf8(&p.exp_string("second choice").unwrap());
    assert!(
        moved.contains("  ⬚ first choice") && moved.ends_with("❯ ⬚ "),
        "{moved:?}"
    );
    p.process_mut().exit().ok();
}

/// `<` goes back one question, its answer offered to change, and the
/// answers after it are kept.
#[test]
fn going_back_a_question_keeps_the_later_answers() {
    let env = TestEnv::new();
    let playbook = five_questions(&env);
    let mut p = spawn(
        &env,
        &[
            "prep",
            "--with",
            "Sam",
            "--account",
            "",
            "--playbook",
            &playbook,
        ],
        true,
    );
    p.exp_string("Question number 1?").unwrap();
    p.send_line("First").unwrap();
    p.exp_string("Question number 2?").unwrap();
    p.send_line("Second").unwrap();
    p.exp_string("Question number 3?").unwrap();
    p.send_line("<").unwrap();
    // Back at 2, its answer there to edit: Ctrl-U and type it again.
    p.exp_string("2 of 5").unwrap();
    p.exp_string("Question number 2?").unwrap();
    key(&mut p, "\x15");
    p.send_line("Second, better").unwrap();
    p.exp_string("Question number 3?").unwrap();
    p.send_line("Third").unwrap();
    p.exp_string("Question number 4?").unwrap();
    p.send_line("").unwrap();
    p.exp_string("Question number 5?").unwrap();
    p.send_line("").unwrap();
    let notes = saved_answers(&env, &mut p);
    assert!(
        notes.contains("answers:\n  q1: First\n  q2: Second, better\n  q3: Third\n"),
        "{notes}"
    );
}

/// The review's list of answers redraws in place at 120 columns however
/// long the questions, and Esc leaves it back to the review.
#[test]
fn the_review_list_redraws_in_place_and_esc_leaves_it() {
    let env = TestEnv::new();
    let long = "What would a really good outcome of this whole conversation look like for you and for them, in a year?";
    let mut text = String::from(
        "title: Long asks\nkind: prep\nsections:\n  - id: s\n    title: S\n    questions:\n",
    );
    for n in 1..=3 {
        text.push_str(&format!("      - id: q{n}\n        ask: \"{n}. {long}\"\n"));
    }
    let playbook = env.write("long-asks.yaml", &text);
    let path = playbook.to_str().unwrap();
    let args = ["prep", "--with", "Sam", "--account", "", "--playbook", path];
    let mut p = start(at_width(&env, 120, &args), false);
    for n in 1..=3 {
        p.exp_string(&format!("{n}. What would")).unwrap();
        p.send_line(&format!("Answer {n}")).unwrap();
    }
    p.exp_string("Save these notes?").unwrap();
    key(&mut p, DOWN);
    key(&mut p, "\r");
    let mut seen = String::new();
    seen.push_str(&utf8(&p.exp_string("Which answer?").unwrap()));
    for _ in 0..3 {
        key(&mut p, DOWN);
    }
    key(&mut p, "\x1b");
    seen.push_str(&utf8(&p.exp_string("Save these notes?").unwrap()));
    let rows = screen(&seen, 120);
    let copies = rows.iter().filter(|r| r.contains("[Answer 2]")).count();
    assert!(
        copies <= 1,
        "{copies} copies of the list:\n{}",
        rows.join("\n")
    );
    key(&mut p, "\r");
    p.exp_eof().unwrap();
    assert_eq!(exit_code(&mut p), 0);
    assert!(env.notes().len() == 1);
}

/// A `people` question is asked person by person at a narrow terminal:
/// a name, their part (Space to mark), influence, mode and rating picked,
/// their win typed. A name given twice is refused on the spot, `<` takes
/// back the person just added, and an empty name ends the list.
#[test]
fn people_are_asked_one_at_a_time() {
    let env = TestEnv::new();
    let playbook = one_question(&env, "people");
    let mut p = spawn_at(
        &env,
        40,
        &[
            "prep",
            "--with",
            "Sam",
            "--account",
            "",
            "--playbook",
            &playbook,
        ],
    );
    p.exp_string("Your answer?").unwrap();
    p.exp_string("One person at a time").unwrap();
    p.exp_string("person 1").unwrap();
    p.send_line("Dana Lee").unwrap();
    p.exp_string("part").unwrap();
    key(&mut p, " ");
    for _ in 0..3 {
        key(&mut p, DOWN);
    }
    key(&mut p, " ");
    key(&mut p, "\r");
    p.exp_string("word weighs").unwrap();
    key(&mut p, DOWN);
    key(&mut p, "\r");
    p.exp_string("sees their situation").unwrap();
    key(&mut p, DOWN);
    key(&mut p, DOWN);
    key(&mut p, "\r");
    p.exp_string("backs you").unwrap();
    for _ in 0..3 {
        key(&mut p, DOWN);
    }
    key(&mut p, "\r");
    p.exp_string("wins personally").unwrap();
    p.send_line("a calmer quarter").unwrap();
    p.exp_string("person 2").unwrap();
    p.send_line("dana  LEE").unwrap();
    p.exp_string("on the list already").unwrap();
    p.send_line("Mo").unwrap();
    p.exp_string("part").unwrap();
    key(&mut p, "\r");
    for _ in 0..3 {
        p.exp_string("no answer").unwrap();
        key(&mut p, "\r");
    }
    p.exp_string("wins personally").unwrap();
    key(&mut p, "\r");
    p.exp_string("person 3").unwrap();
    p.send_line("<").unwrap();
    p.exp_string("took back Mo").unwrap();
    p.exp_string("person 2").unwrap();
    key(&mut p, "\r");
    p.exp_string("Next one?").unwrap();
    key(&mut p, "\r");
    let notes = saved_answers(&env, &mut p);
    assert!(
        notes.contains(
            "answer:\n  - name: Dana Lee\n    roles:\n    - economic\n    - coach\n    influence: high\n    mode: trouble\n    rating: 3\n    win: a calmer quarter\n"
        ),
        "{notes}"
    );
    assert!(!notes.contains("name: Mo"), "{notes}");
    assert!(
        notes.contains("| Dana Lee | economic, coach | high | trouble | +3 | a calmer quarter |"),
        "{notes}"
    );
}
