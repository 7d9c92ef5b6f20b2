//! A next step as people type it ("me: send the pilot plan by Friday",
//! "Jane to send the deck by Tuesday", "They will share the questionnaire
//! next week") turned into a follow-up: who, what, and by when.
//!
//! The owner is a label before a colon (`me:`, `them:`, `Priya:`), else the
//! subject of the sentence (`I`/`We` → me, `They`/`He`/`She` → them, a
//! capitalised name followed by `to`, `will`, `is going to`… → that name),
//! else `me`: a next step written as a bare instruction is the user's own.
//!
//! The due date is the longest run of words at the end that [`parse_due`]
//! understands. When the item ends in a due phrase it cannot read ("by the
//! board meeting"), that phrase is handed back so the caller can ask; the
//! item's text keeps it, so nothing typed is lost if no date is given.

use jiff::civil::Date;

use super::due::{parse_due, weekday};
use crate::playbook::Answer;
use crate::session::FollowUp;

/// The next steps of a debrief (its answer meaning `next_steps`), each
/// parsed into a follow-up of `session_id`: one a list item, or one a line
/// of a text answer.
pub fn next_steps(answer: Option<&Answer>, session_id: &str, session_date: Date) -> Vec<Parsed> {
    let items: Vec<&str> = match answer {
        Some(Answer::List(items)) => items.iter().map(String::as_str).collect(),
        Some(Answer::Text(text)) => text.lines().collect(),
        _ => Vec::new(),
    };
    items
        .into_iter()
        .filter(|item| !item.trim().is_empty())
        .enumerate()
        .map(|(n, item)| parse_item(item, n + 1, session_id, session_date))
        .collect()
}

/// A parsed next step, and the due phrase that could not be read, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    pub followup: FollowUp,
    /// The due phrase when it could NOT be parsed, so the caller can ask.
    pub due_text: Option<String>,
}

/// Parse the `n`th (from 1) next step of a session held on `session_date`.
pub fn parse_item(text: &str, n: usize, session_id: &str, session_date: Date) -> Parsed {
    let line = strip_bullet(text.trim());
    let (owner, rest) = owner(line);
    let rest = tidy_end(rest.trim());
    let (what, due, due_text) = split_due(rest, session_date);
    Parsed {
        followup: FollowUp {
            id: FollowUp::id_for(session_id, n),
            owner,
            what,
            due,
            done: None,
        },
        due_text,
    }
}

/// Words that start a bare instruction, not a name ("Send to legal").
const VERBS: &[&str] = &[
    "add",
    "agree",
    "align",
    "also",
    "answer",
    "arrange",
    "ask",
    "book",
    "bring",
    "build",
    "call",
    "chase",
    "check",
    "circle",
    "clarify",
    "close",
    "collect",
    "come",
    "confirm",
    "connect",
    "create",
    "deliver",
    "demo",
    "dial",
    "discuss",
    "do",
    "draft",
    "email",
    "explore",
    "find",
    "finish",
    "follow",
    "forward",
    "gather",
    "get",
    "give",
    "go",
    "help",
    "intro",
    "introduce",
    "invite",
    "keep",
    "let",
    "look",
    "loop",
    "make",
    "meet",
    "move",
    "next",
    "open",
    "pass",
    "ping",
    "plan",
    "prepare",
    "present",
    "provide",
    "pull",
    "push",
    "put",
    "reach",
    "read",
    "remind",
    "reply",
    "respond",
    "return",
    "review",
    "run",
    "schedule",
    "see",
    "send",
    "set",
    "share",
    "show",
    "sign",
    "sort",
    "speak",
    "start",
    "submit",
    "take",
    "talk",
    "tell",
    "test",
    "text",
    "then",
    "todo",
    "try",
    "update",
    "walk",
    "work",
    "write",
];

/// What may follow the subject before the action itself, longest first.
const MODALS: &[&str] = &[
    "am going to",
    "are going to",
    "is going to",
    "going to",
    "need to",
    "needs to",
    "have to",
    "has to",
    "promised to",
    "promise to",
    "agreed to",
    "agree to",
    "committed to",
    "offered to",
    "will",
    "shall",
    "would",
    "can",
    "must",
    "should",
    "to",
];

/// Without list markers: "- ", "* [ ] ", "1. ", "2) ".
fn strip_bullet(mut line: &str) -> &str {
    loop {
        let rest = line
            .strip_prefix("[ ]")
            .or_else(|| line.strip_prefix("[x]"))
            .or_else(|| line.strip_prefix(['-', '*', '•', '–', '·']))
            .or_else(|| {
                let digits = line.trim_start_matches(|c: char| c.is_ascii_digit());
                (digits.len() < line.len())
                    .then(|| digits.strip_prefix(['.', ')']))
                    .flatten()
            });
        match rest {
            Some(rest) if rest.starts_with(char::is_whitespace) => line = rest.trim_start(),
            _ => return line,
        }
    }
}

/// The owner and the rest of the line.
fn owner(line: &str) -> (String, &str) {
    // A label: "me: …", "Priya: …", "Jane Smith: …".
    if let Some((label, rest)) = line.split_once(':') {
        let label = label.trim();
        if let Some(who) = pronoun(label).or_else(|| is_name(label).then(|| label.to_string())) {
            return (who, rest);
        }
    }
    let spans = words(line);
    let word = |i: usize| spans.get(i).map(|&(s, e)| &line[s..e]);
    let after = |i: usize| spans.get(i).map_or("", |&(s, _)| &line[s..]);
    let Some(first) = word(0) else {
        return ("me".into(), line);
    };
    let lower = first.to_lowercase().replace('’', "'");
    let contracted = lower
        .strip_suffix("'ll")
        .or_else(|| lower.strip_suffix("'m"))
        .or_else(|| lower.strip_suffix("'re"))
        .unwrap_or(&lower);
    let subject = match contracted {
        "i" | "we" => Some("me"),
        "they" | "he" | "she" => Some("them"),
        // "me to send…", "them to share…"
        "me" | "them" if modal(after(1)).is_some() => Some(contracted),
        _ => None,
    };
    if let Some(who) = subject {
        let rest = after(1);
        return (who.into(), modal(rest).unwrap_or(rest));
    }
    // "Jane to send…", "Jane Smith will share…": a name of up to three words.
    for k in 1..=3.min(spans.len().saturating_sub(1)) {
        let name = &line[..spans[k - 1].1];
        if !is_name(name) {
            break;
        }
        if let Some(rest) = modal(after(k)) {
            return (name.to_string(), rest);
        }
    }
    ("me".into(), line)
}

/// `me` or `them` for the words people use for either side.
fn pronoun(label: &str) -> Option<String> {
    let lower = label.to_lowercase();
    match lower.as_str() {
        "me" | "i" | "we" | "us" | "myself" | "mine" | "our side" | "my side" => Some("me".into()),
        "them" | "they" | "their side" | "he" | "she" => Some("them".into()),
        _ => None,
    }
}

/// Capitalised words, at most four, that are not an instruction or a date.
fn is_name(text: &str) -> bool {
    let parts: Vec<&str> = text.split_whitespace().collect();
    let Some(first) = parts.first() else {
        return false;
    };
    let first = first.to_lowercase();
    parts.len() <= 4
        && parts.iter().all(|w| {
            w.starts_with(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
        })
        && !VERBS.contains(&first.as_str())
        && weekday(&first).is_none()
        && parse_due(text, jiff::civil::date(2000, 1, 1)).is_none()
        && pronoun(&first).is_none()
}

/// The text after a leading modal ("will", "is going to", "to"), if there is one.
fn modal(text: &str) -> Option<&str> {
    MODALS.iter().find_map(|m| {
        let head = text.get(..m.len())?;
        let rest = &text[m.len()..];
        (head.eq_ignore_ascii_case(m) && rest.starts_with(char::is_whitespace))
            .then(|| rest.trim_start())
    })
}

/// The item's text, its due date, and a due phrase that could not be read.
fn split_due(rest: &str, from: Date) -> (String, Option<Date>, Option<String>) {
    let spans = words(rest);
    let lower = |i: usize| {
        let (s, e) = spans[i];
        rest[s..e]
            .to_lowercase()
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_string()
    };
    let n = spans.len();
    // The longest readable due phrase at the end, leaving some text before it.
    for k in (1..n.min(9)).rev() {
        let start = n - k;
        if matches!(
            lower(start - 1).as_str(),
            "for"
                | "of"
                | "from"
                | "the"
                | "a"
                | "an"
                | "about"
                | "since"
                | "last"
                | "every"
                | "each"
                | "per"
        ) {
            continue;
        }
        if k == 1 && !lone_due_word(&lower(start)) {
            continue;
        }
        let phrase = &rest[spans[start].0..];
        if let Some(due) = parse_due(phrase, from) {
            return (
                tidy_end(&rest[..spans[start].0]).to_string(),
                Some(due),
                None,
            );
        }
    }
    // A due phrase that cannot be read: the last "by …", "before …", "until …".
    let unread = (1..n).rev().find(|&i| {
        let left = n - i - 1;
        let word = lower(i);
        let next = if left > 0 {
            lower(i + 1)
        } else {
            String::new()
        };
        let agent = lower(i - 1).ends_with("ed");
        (1..=5).contains(&left)
            && match word.as_str() {
                "by" => !agent && !MEANS.contains(&next.as_str()),
                "before" | "until" | "till" | "due" | "deadline" => true,
                _ => false,
            }
    });
    let due_text = unread.map(|i| tidy_end(&rest[spans[i].0..]).to_string());
    (rest.to_string(), None, due_text)
}

/// "by email", "by phone": how, not when.
const MEANS: &[&str] = &[
    "email", "e-mail", "mail", "phone", "post", "hand", "courier", "slack", "teams", "zoom",
    "text", "letter", "video", "chat", "then", "now",
];

/// A single trailing word that is a due date by itself ("send it tomorrow");
/// "sat" or "may" at the end of a sentence usually is not.
fn lone_due_word(word: &str) -> bool {
    matches!(word, "today" | "tonight" | "tomorrow" | "eod" | "cob")
        || (word.len() > 4 && weekday(word).is_some())
        || (word.starts_with(|c: char| c.is_ascii_digit()) && word.contains(['-', '/']))
}

/// Byte spans of the whitespace-separated words of `text`.
fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// Without trailing separators: "send the deck, by" → "send the deck".
fn tidy_end(text: &str) -> &str {
    text.trim_end_matches(|c: char| c.is_whitespace() || ",;:-–—(.".contains(c))
}

#[cfg(test)]
#[path = "item_tests.rs"]
mod tests;
