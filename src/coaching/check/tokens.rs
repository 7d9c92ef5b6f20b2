//! Splitting a question into sentences, parts and words.

use super::words::*;

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Word {
    pub(super) text: String,
    pub(super) low: String,
}

/// A sentence, as parts between commas, colons, dashes and brackets.
#[derive(Debug, Default)]
pub(super) struct Sentence {
    pub(super) parts: Vec<Vec<Word>>,
    pub(super) asks: bool,
}

/// Sentences end at `?`, `.`, `!`, `;` and line breaks; "e.g.", "3.5" and
/// "10,000" do not end anything. Linear in the length of the text.
pub(super) fn split(text: &str) -> Vec<Sentence> {
    let (mut out, mut sentence, mut part) = (Vec::new(), Sentence::default(), Vec::new());
    let mut raw = String::new();
    let mut chars = text.chars().map(straight).peekable();
    let mut prev = ' ';
    while let Some(c) = chars.next() {
        let next = chars.peek().copied().unwrap_or(' ');
        let joins =
            (matches!(c, '-' | '.' | '/') && prev.is_alphanumeric() && next.is_alphanumeric())
                || (c == ',' && prev.is_ascii_digit() && next.is_ascii_digit());
        if c.is_alphanumeric() || matches!(c, '\'' | '%' | '$' | '&' | '#') || joins {
            raw.push(c);
        } else {
            push_word(&mut part, &mut raw);
            let abbreviation = |p: &Vec<Word>| {
                p.last().is_some_and(|w: &Word| {
                    is("e.g i.e vs etc mr mrs ms dr approx inc ltd u.s", &w.low)
                })
            };
            match c {
                '.' if prev != ' ' && abbreviation(&part) => {}
                '?' | '.' | '!' | ';' | '\n' | '\r' => {
                    end_part(&mut sentence, &mut part);
                    if !sentence.parts.is_empty() {
                        sentence.asks = c == '?';
                        out.push(std::mem::take(&mut sentence));
                    } else if let (Some(last), '?') = (out.last_mut(), c) {
                        last.asks = true; // "?!" or "??"
                    }
                }
                ',' | ':' | '—' | '–' | '-' | '(' | ')' | '[' | ']' | '"' | '…' | '/' | '|' => {
                    end_part(&mut sentence, &mut part)
                }
                _ => {}
            }
        }
        prev = c;
    }
    push_word(&mut part, &mut raw);
    end_part(&mut sentence, &mut part);
    if !sentence.parts.is_empty() {
        out.push(sentence);
    }
    out
}

pub(super) fn straight(c: char) -> char {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02bc}' | '`' | '\u{b4}' | '\u{2032}' => '\'',
        '\u{201c}' | '\u{201d}' | '\u{201e}' => '"',
        '\u{ff1f}' => '?',
        c => c,
    }
}

/// Contractions typed without an apostrophe, and shorthand.
pub(super) const FIXES: &str = "& and|u you|ur your|y why|b4 before|2moro tomorrow|tmrw tomorrow|tmr tomorrow|tonite tonight|2nite tonight|\
    wk week|wkend weekend|wd would|gr8 great|msg message|gonna going|wanna want|gotta got|nah no|r are|ya you|pls please|plz please|\
    wen when|whn when|wat what|wot what|wht what|whts what's|wats what's|hw how|abt about|\
    ppl people|mtg meeting|n and|cn can|cud could|wud would|shud should|thru through|tho though|coz because|cuz because|bc because|\
    im i'm|ive i've|youre you're|theyre they're|weve we've|\
    whats what's|hows how's|whos who's|wheres where's|whens when's|whys why's|thats that's";

pub(super) fn push_word(part: &mut Vec<Word>, raw: &mut String) {
    let text = raw.trim_matches('\'');
    if !text.is_empty() {
        let mut low = text.to_lowercase();
        static FIXED: std::sync::OnceLock<std::collections::HashMap<&str, &str>> =
            std::sync::OnceLock::new();
        let fixes = FIXED.get_or_init(|| {
            FIXES
                .split('|')
                .filter_map(|f| f.trim().split_once(' '))
                .collect()
        });
        let fixed = fixes.get(low.as_str()).copied();
        let nt = low.len() > 3 && low.ends_with("nt");
        if let Some(fixed) = fixed {
            low = fixed.to_string();
        } else if nt && is_aux(&format!("{}'t", &low[..low.len() - 1])) {
            low = format!("{}'t", &low[..low.len() - 1]); // "dont" → "don't"
        }
        part.push(Word {
            text: text.to_string(),
            low,
        });
    }
    raw.clear();
}

pub(super) fn end_part(sentence: &mut Sentence, part: &mut Vec<Word>) {
    if !part.is_empty() {
        sentence.parts.push(std::mem::take(part));
    }
}
