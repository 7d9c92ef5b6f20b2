//! Counting words and questions in cue text, fed in pieces (the text between
//! tags, line by line) so nothing is kept.
//!
//! - A *word* is a run of non-space characters holding at least one letter or
//!   digit: `podcast . Now` is two words, `well-known` and `Q&amp;A` are one.
//! - A *sentence end* is a run of `?`, `!`, `.` or `…` (and their full-width
//!   forms) at the end of a word, closing quotes and brackets allowed after
//!   it: `right?"` ends a sentence, `3.5` and `e.g` do not.
//! - A *question* is a sentence end holding at least one `?`, after a
//!   sentence with at least one word. So `really??`, `what?!` and `why?!?`
//!   are one question each, `What? Why?` is two, and a `?` with no words
//!   before it (a cue that is only `?`) is none.
//!
//! A sentence may run across cues of the same speaker (`what do you` then
//! `think?` is one question); a change of speaker starts a new sentence.
//!
//! Each question's words are kept too (its last [`MAX_SENTENCE`] bytes, so a
//! run-on without full stops stays bounded), for the question coach and for
//! matching the planned questions, and so is a sentence that asks without a
//! `?`: a request such as "tell me about your team." or "walk me through it".

/// Running counts for one stream of text by one speaker at a time.
#[derive(Debug, Default, Clone)]
pub struct Counter {
    /// The current word has a letter or digit (and was counted).
    in_word: bool,
    /// Inside a possible sentence end: `Some(holds a ?)`.
    tail: Option<bool>,
    /// The sentence so far has a word.
    sentence_has_word: bool,
    /// The sentence so far, words joined by one space (its end only, past
    /// [`MAX_SENTENCE`] bytes).
    sentence: String,
    /// Sentences that asked something, finished and not yet handed on.
    pub asked: Vec<Asked>,
}

/// A sentence the speaker asked something in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asked {
    pub text: String,
    /// Ends with `?` (a request without one is not a question).
    pub question: bool,
}

/// The most of one sentence that is kept: a question's end is what asks.
pub const MAX_SENTENCE: usize = 300;

/// What a piece of text added.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub words: u64,
    pub questions: u64,
}

impl Counter {
    /// Count `text`, a piece of a line; pieces of one line join without a
    /// space (`hel<b>lo</b>` is one word).
    pub fn feed(&mut self, text: &str, counts: &mut Counts) {
        let mut rest = text;
        while let Some(c) = rest.chars().next() {
            if c == '&'
                && let Some((len, is_space)) = entity(rest)
            {
                match (is_space, decoded(&rest[1..len - 1])) {
                    (true, _) => self.boundary(counts),
                    (false, Some(c)) => self.sentence.push(c),
                    (false, None) => {}
                }
                rest = &rest[len..];
                continue;
            }
            rest = &rest[c.len_utf8()..];
            if c.is_whitespace() {
                self.boundary(counts);
                continue;
            }
            self.keep(c);
            if c.is_alphanumeric() {
                self.tail = None;
                if !self.in_word {
                    self.in_word = true;
                    counts.words += 1;
                }
                self.sentence_has_word = true;
            } else if is_terminal(c) {
                let has_question = matches!(c, '?' | '？');
                self.tail = Some(self.tail.unwrap_or(false) || has_question);
            } else if !is_closer(c) {
                self.tail = None;
            }
        }
    }

    /// A word ends here: at a space, the end of a line or the end of a span.
    pub fn boundary(&mut self, counts: &mut Counts) {
        if let Some(has_question) = self.tail.take() {
            let asked = has_question && self.sentence_has_word;
            if asked {
                counts.questions += 1;
            }
            // The buffer stays for the next sentence; only what asked is copied.
            if asked || (self.sentence_has_word && requests(&self.sentence)) {
                self.asked.push(Asked {
                    text: self.sentence.clone(),
                    question: asked,
                });
            }
            self.sentence.clear();
            self.sentence_has_word = false;
        } else if !self.sentence.is_empty() && !self.sentence.ends_with(' ') {
            self.sentence.push(' ');
        }
        self.in_word = false;
    }

    /// Another speaker starts: whatever was unfinished is not theirs, and
    /// a request left without a full stop is theirs.
    pub fn new_speaker(&mut self) {
        self.end_sentence();
        let asked = std::mem::take(&mut self.asked);
        *self = Counter {
            asked,
            ..Counter::default()
        };
    }

    /// The text ends here (a speaker's turn, a segment): an unfinished
    /// sentence that is a request counts as asked.
    pub fn end_sentence(&mut self) {
        if self.tail.is_none() && self.sentence_has_word && requests(&self.sentence) {
            self.asked.push(Asked {
                text: self.sentence.trim_end().to_string(),
                question: false,
            });
        }
        self.sentence.clear();
        self.sentence_has_word = false;
    }

    /// Keep `c` in the sentence, cutting its start once it runs long (at a
    /// space, so no word is cut).
    fn keep(&mut self, c: char) {
        self.sentence.push(c);
        if self.sentence.len() > 2 * MAX_SENTENCE {
            let from = self.sentence.len() - MAX_SENTENCE;
            let cut = self.sentence[from..]
                .find(' ')
                .map_or(from, |i| from + i + 1);
            let cut = (cut..=self.sentence.len())
                .find(|&i| self.sentence.is_char_boundary(i))
                .unwrap_or(self.sentence.len());
            self.sentence.drain(..cut);
        }
    }
}

/// Whether a sentence without a `?` asks all the same: it opens, after a
/// lead-in, as a request for them to tell ("tell me…", "walk me through…",
/// "describe…", "I'm curious…", "I'd love to hear…").
fn requests(sentence: &str) -> bool {
    crate::coaching::check::opens_request(sentence)
}

/// The character an entity such as `amp` or `#39` stands for, if common.
fn decoded(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "#39" | "apos" | "rsquo" => Some('\''),
        "quot" => Some('"'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        _ => None,
    }
}

fn is_terminal(c: char) -> bool {
    matches!(c, '?' | '!' | '.' | '…' | '？' | '！' | '。')
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | ')' | ']' | '}' | '”' | '’' | '»' | '›' | '*' | '_'
    )
}

/// An HTML character reference at the start of `text` (`&amp;`, `&#39;`):
/// its length, and whether it is a space (`&nbsp;`). Other references count
/// as punctuation, neither a letter nor a sentence end.
fn entity(text: &str) -> Option<(usize, bool)> {
    let body = text.get(1..)?;
    let end = body.find(';')?;
    let name = &body[..end];
    let ok = (1..=8).contains(&name.len())
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'#');
    ok.then(|| (end + 2, matches!(name, "nbsp" | "#160" | "#xA0" | "#xa0")))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each piece fed in turn, a boundary after each line (`\n`).
    fn count(text: &str) -> (u64, u64) {
        let mut counter = Counter::default();
        let mut counts = Counts::default();
        for line in text.split('\n') {
            counter.feed(line, &mut counts);
            counter.boundary(&mut counts);
        }
        (counts.words, counts.questions)
    }

    #[test]
    fn words() {
        let cases: &[(&str, u64)] = &[
            ("", 0),
            ("hello world", 2),
            ("  spaced   out  ", 2),
            ("podcast . Now", 2),
            ("this one , um ,", 3),
            ("well-known don't 3.5", 3),
            ("Q&amp;A &amp; more", 2),
            ("one&nbsp;two", 2),
            ("— ... ♪", 0),
            ("two\nlines", 2),
            ("Grüße, 東京", 2),
        ];
        for (text, want) in cases {
            assert_eq!(count(text).0, *want, "{text:?}");
        }
    }

    #[test]
    fn questions() {
        let cases: &[(&str, u64, &str)] = &[
            ("What is your name?", 1, "plain"),
            ("really??", 1, "a run of ? is one question"),
            ("You did what?!", 1, "?! is one question"),
            ("You did what!?", 1, "!? too"),
            ("Why?!?", 1, "any run holding a ?"),
            ("What? Why?", 2, "two sentences"),
            ("What?Why?", 1, "no space: the first ? is inside a word"),
            ("Ready? Yes. Go!", 1, "only sentences ending in ?"),
            ("?", 0, "no words before it"),
            ("Okay. ?", 0, "a lone ? after a finished sentence"),
            ("listen to you ? So", 1, "a stray space before the ?"),
            ("Did he say \"why?\"", 1, "closing quote after the ?"),
            ("(is it?)", 1, "closing bracket after the ?"),
            ("see example.com/?q=1 now", 0, "a ? inside a word"),
            ("Is it 3.5? Or 4?", 2, "decimal point is not a sentence end"),
            ("e.g. what?", 1, "abbreviation then question"),
            ("what do you\nthink?", 1, "a sentence across lines"),
            ("Was it…?", 1, "ellipsis then ?"),
            ("本当？", 1, "full-width question mark"),
            ("No question here.", 0, "statement"),
        ];
        for (text, want, why) in cases {
            assert_eq!(count(text).1, *want, "{why}: {text:?}");
        }
    }

    #[test]
    fn a_new_speaker_starts_a_new_sentence() {
        let mut counter = Counter::default();
        let mut counts = Counts::default();
        counter.feed("so what do you", &mut counts);
        counter.boundary(&mut counts);
        counter.new_speaker();
        counter.feed("?", &mut counts);
        counter.boundary(&mut counts);
        assert_eq!(
            counts,
            Counts {
                words: 4,
                questions: 0
            }
        );
    }

    /// What was asked in `text`, fed as [`count`] feeds it, then ended.
    fn asked(text: &str) -> Vec<(String, bool)> {
        let mut counter = Counter::default();
        let mut counts = Counts::default();
        for line in text.split('\n') {
            counter.feed(line, &mut counts);
            counter.boundary(&mut counts);
        }
        counter.end_sentence();
        counter
            .asked
            .into_iter()
            .map(|a| (a.text, a.question))
            .collect()
    }

    #[test]
    fn what_was_asked_keeps_its_words() {
        let q = |t: &str| (t.to_string(), true);
        let r = |t: &str| (t.to_string(), false);
        let cases: &[(&str, &[(String, bool)])] = &[
            ("Hi. How are   you?", &[q("How are you?")]),
            ("what do you\nthink?", &[q("what do you think?")]),
            ("Q&amp;A first? Sure.", &[q("Q&A first?")]),
            ("It&#39;s fine, isn&#39;t it?", &[q("It's fine, isn't it?")]),
            (
                "Tell me about your team. We sell tools.",
                &[r("Tell me about your team.")],
            ),
            (
                "so walk me through how you decide",
                &[r("so walk me through how you decide")],
            ),
            ("We decide in May. Ready? Go!", &[q("Ready?")]),
            ("?", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(asked(text), *want, "{text:?}");
        }
    }

    #[test]
    fn a_run_on_keeps_its_end_only() {
        let long = format!(
            "{} so what matters most to you?",
            "and then we ".repeat(200)
        );
        let got = asked(&long);
        assert_eq!(got.len(), 1);
        let text = &got[0].0;
        assert!(text.len() <= 2 * MAX_SENTENCE, "{}", text.len());
        assert!(text.ends_with("so what matters most to you?"), "{text}");
        assert!(
            text.starts_with("and ") || text.starts_with("then ") || text.starts_with("we "),
            "{text}"
        );
    }

    #[test]
    fn a_new_speaker_hands_on_an_unfinished_request() {
        let mut counter = Counter::default();
        let mut counts = Counts::default();
        counter.feed("tell me more about that", &mut counts);
        counter.boundary(&mut counts);
        counter.new_speaker();
        counter.feed("sure", &mut counts);
        counter.boundary(&mut counts);
        counter.end_sentence();
        let asked: Vec<&str> = counter.asked.iter().map(|a| a.text.as_str()).collect();
        assert_eq!(asked, ["tell me more about that"]);
    }

    #[test]
    fn pieces_of_one_word_join() {
        let mut counter = Counter::default();
        let mut counts = Counts::default();
        for piece in ["hel", "lo", " wor", "ld?"] {
            counter.feed(piece, &mut counts);
        }
        counter.boundary(&mut counts);
        assert_eq!(
            counts,
            Counts {
                words: 2,
                questions: 1
            }
        );
    }
}
