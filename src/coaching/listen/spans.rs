//! Who says what inside cue text: voice spans (`<v Jane Doe>…</v>`, as Teams
//! writes them), a `Name: ` at the start of a line (as Zoom writes it), and
//! text with neither, which continues the speaker before it — in this cue or
//! an earlier one. Once a file has used a voice tag, `Name: ` is not looked
//! for again: a Teams line such as `Agenda: pricing` is speech, not a speaker.
//!
//! Other markup is dropped: WebVTT tags (`<i>`, `<c.loud>`, `<00:00:01.000>`),
//! SRT's HTML-like tags and `{\an8}`-style overrides. Only counts are kept,
//! and the sentences that ask something, handed to the tally as each ends.

use super::Problem;
use super::figures::Tally;
use super::words::{Counter, Counts};

/// No real cue changes voice this often; more means the file is not captions.
const MAX_SPANS: usize = 1000;

/// One speaker's part of a cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub speaker: usize,
    pub counts: Counts,
}

/// The cue being read, and who is talking, which carries on to later cues.
#[derive(Debug, Default)]
pub struct CueText {
    spans: Vec<Span>,
    speaker: Option<usize>,
    counter: Counter,
    /// The file names speakers with voice tags, so `Word: ` is just text.
    voices_seen: bool,
}

impl CueText {
    /// Read one line of cue text (a plain transcript line is one, too).
    pub fn line(&mut self, number: usize, text: &str, tally: &mut Tally) -> Result<(), Problem> {
        let mut rest = text;
        if let Some((name, after)) = name_prefix(text).filter(|_| !self.voices_seen) {
            self.switch(tally.intern(name, number)?, tally);
            rest = after;
        }
        while !rest.is_empty() {
            let (piece, markup, after) = next_markup(rest);
            self.text(piece, number, tally)?;
            if let Markup::Voice(name) = markup {
                self.voices_seen = true;
                self.switch(tally.intern(name, number)?, tally);
            }
            rest = after;
        }
        self.end_word(tally);
        Ok(())
    }

    /// Read a line of speech: a `Word: ` at its start is speech too.
    pub fn speech(&mut self, number: usize, text: &str, tally: &mut Tally) -> Result<(), Problem> {
        let seen = std::mem::replace(&mut self.voices_seen, true);
        let read = self.line(number, text, tally);
        self.voices_seen = seen;
        read
    }

    /// What follows is `speaker`'s (a turn's heading named them).
    pub fn speak_as(&mut self, speaker: usize, tally: &mut Tally) {
        self.switch(speaker, tally);
    }

    /// The transcript ends: a request left without a full stop is asked.
    pub fn finish(&mut self, tally: &mut Tally) {
        self.counter.end_sentence();
        self.hand_over(tally);
    }

    /// The spans read since the last call, in order; cleared for the next cue.
    pub fn take(&mut self) -> std::vec::Drain<'_, Span> {
        self.spans.drain(..)
    }

    fn text(&mut self, piece: &str, number: usize, tally: &mut Tally) -> Result<(), Problem> {
        if piece.is_empty() {
            return Ok(());
        }
        if self.open_span().is_none() {
            if piece.trim().is_empty() {
                self.end_word(tally);
                return Ok(());
            }
            let speaker = match self.speaker {
                Some(speaker) => speaker,
                None => tally.unknown(number)?,
            };
            self.speaker = Some(speaker);
            if self.spans.len() >= MAX_SPANS {
                return Err(Problem::new(
                    number,
                    format!("this cue changes speaker more than {MAX_SPANS} times"),
                ));
            }
            self.spans.push(Span {
                speaker,
                counts: Counts::default(),
            });
        }
        if let Some(span) = self.spans.last_mut() {
            self.counter.feed(piece, &mut span.counts);
        }
        self.hand_over(tally);
        Ok(())
    }

    /// The last span, when it is the current speaker's.
    fn open_span(&mut self) -> Option<&mut Span> {
        let speaker = self.speaker?;
        self.spans.last_mut().filter(|s| s.speaker == speaker)
    }

    fn end_word(&mut self, tally: &mut Tally) {
        let mut spare = Counts::default();
        let counter = &mut self.counter;
        match self
            .speaker
            .and_then(|s| self.spans.last_mut().filter(|l| l.speaker == s))
        {
            Some(span) => counter.boundary(&mut span.counts),
            None => counter.boundary(&mut spare),
        }
        self.hand_over(tally);
    }

    /// What the current speaker asked, to the tally.
    fn hand_over(&mut self, tally: &mut Tally) {
        if self.counter.asked.is_empty() {
            return;
        }
        match self.speaker {
            Some(speaker) => {
                for asked in self.counter.asked.drain(..) {
                    tally.asked(speaker, asked);
                }
            }
            None => self.counter.asked.clear(),
        }
    }

    fn switch(&mut self, speaker: usize, tally: &mut Tally) {
        self.end_word(tally);
        if self.speaker != Some(speaker) {
            self.counter.new_speaker();
            self.hand_over(tally);
            self.speaker = Some(speaker);
        }
    }
}

#[derive(Debug, PartialEq, Eq)]
enum Markup<'a> {
    None,
    Voice(&'a str),
    Other,
}

/// The text before the next tag, the tag, and what follows it.
fn next_markup(text: &str) -> (&str, Markup<'_>, &str) {
    let mut from = 0;
    while let Some(at) = text[from..].find(['<', '{']).map(|i| i + from) {
        let after = &text[at + 1..];
        let closing = if text[at..].starts_with('<') {
            '>'
        } else {
            '}'
        };
        let opens_tag = match closing {
            '>' => after.starts_with(|c: char| c.is_alphanumeric() || c == '/'),
            _ => after.starts_with('\\'),
        };
        if let (true, Some(len)) = (opens_tag, after.find(closing)) {
            let inner = &after[..len];
            let markup = match (closing, voice_name(inner)) {
                ('>', Some(name)) => Markup::Voice(name),
                _ => Markup::Other,
            };
            return (&text[..at], markup, &after[len + 1..]);
        }
        from = at + 1;
    }
    (text, Markup::None, "")
}

/// The name in a voice tag's inside: `v Jane Doe`, `v.loud Jane`.
fn voice_name(inner: &str) -> Option<&str> {
    let rest = inner.strip_prefix('v')?;
    if !(rest.starts_with('.') || rest.starts_with(char::is_whitespace)) {
        return None;
    }
    let (_, name) = rest.split_once(char::is_whitespace)?;
    let name = name.trim();
    (!name.is_empty()).then_some(name)
}

/// Lower-case words allowed inside a name: `Ludwig van Beethoven`.
const PARTICLES: &[&str] = &[
    "al", "bin", "da", "das", "de", "del", "della", "den", "der", "di", "do", "dos", "du", "ibn",
    "la", "le", "van", "von", "y", "zu",
];

/// `Name: text` at the start of a line: the name and the text after the colon.
///
/// A name is one to five words, at most 40 characters, of letters, digits
/// and `.'’-()_`; it starts with a letter, and each word starts with a
/// capital or a digit (a few particles like `van` excepted). The colon is
/// followed by a space or ends the line. This keeps wrapped lines such as
/// `so here's the thing: we` and `at 10:30` from being read as speakers.
pub fn name_prefix(line: &str) -> Option<(&str, &str)> {
    let text = line.trim_start();
    // WhisperX: `[SPEAKER_00]: text`, a diarized label to be named.
    if let Some(rest) = text.strip_prefix('[') {
        let (label, after) = rest.split_once(']')?;
        let after = after.strip_prefix(':').unwrap_or(after);
        let label_like = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == ' ';
        let ok = !label.is_empty() && label.len() <= 40 && label.chars().all(label_like);
        return (ok && (after.is_empty() || after.starts_with(char::is_whitespace)))
            .then(|| (label.trim(), after));
    }
    let colon = text.find(':')?;
    let (name, after) = (text[..colon].trim_end(), &text[colon + 1..]);
    if !(after.is_empty() || after.starts_with(char::is_whitespace)) {
        return None;
    }
    let allowed = |c: char| c.is_alphanumeric() || " .'’-()_".contains(c);
    if name.chars().count() > 40 || !name.chars().all(allowed) {
        return None;
    }
    if !name.starts_with(char::is_alphabetic) {
        return None;
    }
    let mut words = 0;
    for (i, word) in name.split_whitespace().enumerate() {
        words += 1;
        let first = word.chars().find(|c| c.is_alphanumeric())?;
        if first.is_lowercase() && (i == 0 || !PARTICLES.contains(&word)) {
            return None;
        }
    }
    (1..=5).contains(&words).then_some((name, after))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_prefixes() {
        let cases: &[(&str, Option<&str>)] = &[
            ("Alex Kim: Hello there", Some("Alex Kim")),
            ("Travis: When you first get", Some("Travis")),
            ("  Sam:  indented", Some("Sam")),
            ("Speaker 1: hi", Some("Speaker 1")),
            ("Jean-Luc Picard: Engage.", Some("Jean-Luc Picard")),
            ("Mary O'Brien: yes", Some("Mary O'Brien")),
            ("Dr. Smith: next", Some("Dr. Smith")),
            ("Ludwig van Beethoven: da da", Some("Ludwig van Beethoven")),
            ("Alex Kim (Acme): hi", Some("Alex Kim (Acme)")),
            ("Zoë Ångström: hej", Some("Zoë Ångström")),
            ("Alex Kim:", Some("Alex Kim")),
            ("Q: what then?", Some("Q")),
            ("so here's the thing: we", None),
            ("at 10:30 we met", None),
            ("Meet at 10:30", None),
            ("https://example.com", None),
            ("Note to self, really: no", None),
            ("Why not? Because: reasons", None),
            ("1: first", None),
            ("00:01: hi", None),
            ("The Quick Brown Fox Jumps Over: no", None),
            ("alex: lower-case first word", None),
            (": no name", None),
            ("No colon here", None),
            ("Kim:no space", None),
            ("A Very Long Name That Goes On And On Forever: hi", None),
        ];
        for (line, want) in cases {
            assert_eq!(name_prefix(line).map(|(n, _)| n), *want, "{line:?}");
        }
    }

    #[test]
    fn markup() {
        let cases: &[(&str, &str, Markup, &str)] = &[
            ("plain", "plain", Markup::None, ""),
            (
                "<v Jane Doe>Hi</v>",
                "",
                Markup::Voice("Jane Doe"),
                "Hi</v>",
            ),
            ("<v.loud  Jane >Hi", "", Markup::Voice("Jane"), "Hi"),
            ("a <i>b</i>", "a ", Markup::Other, "b</i>"),
            ("</v> after", "", Markup::Other, " after"),
            ("<00:00:01.000>word", "", Markup::Other, "word"),
            ("{\\an8}top", "", Markup::Other, "top"),
            ("a < b and c > d", "a < b and c > d", Markup::None, ""),
            ("x <unclosed", "x <unclosed", Markup::None, ""),
            ("<v>no name</v>", "", Markup::Other, "no name</v>"),
            ("<vid>not a voice", "", Markup::Other, "not a voice"),
            ("{not a tag}", "{not a tag}", Markup::None, ""),
        ];
        for (text, before, want, after) in cases {
            let (got_before, got, got_after) = next_markup(text);
            assert_eq!(
                (got_before, &got, got_after),
                (*before, want, *after),
                "{text:?}"
            );
        }
    }

    fn spans(lines: &[&str]) -> (Vec<(String, u64, u64)>, Tally) {
        let mut tally = Tally::default();
        let mut cue = CueText::default();
        for (i, line) in lines.iter().enumerate() {
            cue.line(i + 1, line, &mut tally).unwrap();
        }
        let spans = cue
            .take()
            .map(|s| {
                (
                    tally.name(s.speaker).to_string(),
                    s.counts.words,
                    s.counts.questions,
                )
            })
            .collect();
        (spans, tally)
    }

    #[test]
    fn speakers_in_cue_text() {
        type Case<'a> = (&'a str, &'a [&'a str], &'a [(&'a str, u64, u64)]);
        let cases: &[Case] = &[
            (
                "closed voice spans, two in a cue",
                &["<v Alex Kim>Hi there.</v> <v Sam Lee>Hello? Who's this?</v>"],
                &[("Alex Kim", 2, 0), ("Sam Lee", 3, 2)],
            ),
            (
                "an unclosed voice runs on to the next line",
                &["<v Alex Kim> we are", "committed to it?"],
                &[("Alex Kim", 5, 1)],
            ),
            (
                "a voice span across lines, then another",
                &["<v Alex>one two", "three</v><v Sam>four"],
                &[("Alex", 3, 0), ("Sam", 1, 0)],
            ),
            (
                "text after </v> stays with that speaker",
                &["<v Alex>one</v> two"],
                &[("Alex", 2, 0)],
            ),
            (
                "a Name: prefix",
                &["Alex Kim: What brings you here?", "Tell me more."],
                &[("Alex Kim", 7, 1)],
            ),
            (
                "a prefix on each line",
                &["Alex: Why?", "Sam: Because."],
                &[("Alex", 1, 1), ("Sam", 1, 0)],
            ),
            (
                "no speaker: unknown until one is named",
                &["just text", "Alex: then a name"],
                &[("Unknown speaker", 2, 0), ("Alex", 3, 0)],
            ),
            (
                "tags inside a word do not split it",
                &["<v Alex>hel<b>lo</b> <i>world</i>?"],
                &[("Alex", 2, 1)],
            ),
            (
                "names match ignoring case and spacing",
                &["<v Alex  Kim>one</v><v alex kim>two"],
                &[("Alex Kim", 2, 0)],
            ),
            ("a voice tag with no text", &["<v Alex></v>"], &[]),
            (
                "after a voice tag, Word: is text",
                &["<v Alex>The plan.", "Agenda: pricing"],
                &[("Alex", 4, 0)],
            ),
        ];
        for (why, lines, want) in cases {
            let (got, _) = spans(lines);
            let want: Vec<(String, u64, u64)> = want
                .iter()
                .map(|(n, w, q)| (n.to_string(), *w, *q))
                .collect();
            assert_eq!(got, want, "{why}");
        }
    }

    #[test]
    fn the_speaker_carries_on_into_the_next_cue() {
        let mut tally = Tally::default();
        let mut cue = CueText::default();
        cue.line(1, "<v Alex>so what do you", &mut tally).unwrap();
        let first: Vec<Span> = cue.take().collect();
        cue.line(3, "think?", &mut tally).unwrap();
        let second: Vec<Span> = cue.take().collect();
        assert_eq!(first[0].speaker, second[0].speaker);
        assert_eq!(
            second[0].counts,
            Counts {
                words: 1,
                questions: 1
            }
        );
    }
}
