//! Coaching that reads what the user wrote and said: the question coach
//! (`check`), the transcript figures (`listen`), which planned questions
//! a call asked in other words (`asked`), and words that run an alternative
//! down (`runs_down`).

pub mod asked;
pub mod check;
pub mod listen;
pub mod runs_down;

use check::Finding;

/// The kinds found, in words: `closed`, `closed and leading`.
pub fn kinds(findings: &[Finding]) -> String {
    let names: Vec<String> = findings
        .iter()
        .map(|f| f.kind.as_str().to_string())
        .collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// One line for the nudges when the question coach flags `question`: what
/// kind of question it is, why that will not help, and how to ask instead.
pub fn summary(question: &str) -> Option<String> {
    let findings = check::check(question);
    if findings.is_empty() {
        return None;
    }
    let reasons: Vec<&str> = findings.iter().map(|f| f.message.as_str()).collect();
    let tips: Vec<&str> = findings.iter().map(|f| f.suggestion.as_str()).collect();
    Some(format!(
        "\"{}\" is {}: {} {}",
        question.trim(),
        kinds(&findings),
        reasons.join(" "),
        tips.join(" ")
    ))
}
