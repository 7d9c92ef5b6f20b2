//! Transcripts with start times only (DESIGN.md section 3): Otter's text
//! export (`Name  0:15` above each turn's text) and Google Meet transcripts
//! saved as text (a title, `00:01:02` lines that open blocks, `Name: text`
//! lines, `Transcription ended after …`).
//!
//! A turn (Otter) or block (Meet) lasts until the next one starts; a block's
//! time is split between its lines by their words; the last one lasts its
//! words at the call's pace so far. Only the block being read is held, so
//! memory stays flat however long the call.

use super::spans::{CueText, name_prefix};
use super::timing::{Ms, parse_timestamp};
use super::warnings::Kind;
use super::words::Counts;
use super::{Problem, Sink};

/// No real turn runs this many lines.
const MAX_PARTS: usize = 1000;
/// The pace of a call with one block only: 150 words a minute.
const MS_PER_WORD: Ms = 400;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Otter,
    Meet,
}

pub struct Turns {
    pub style: Style,
    text: CueText,
    block: Option<Block>,
    /// Words and time of the blocks read, for the last one's pace.
    pace: (u64, Ms),
    /// Blocks read.
    pub cues: u64,
}

struct Block {
    start: Ms,
    /// Who said how much, line by line.
    parts: Vec<(usize, Counts, usize)>,
}

/// `Name  0:15` or `Name  1:02:03`: an Otter turn's speaker and start.
pub fn otter_header(line: &str) -> Option<(&str, Ms)> {
    let line = line.trim();
    let (name, time) = line.rsplit_once(char::is_whitespace)?;
    if !time.contains(':') || time.contains(['.', ',']) {
        return None;
    }
    let start = parse_timestamp(time)?;
    let name = name.trim();
    // The name rules of `Name: text`, so a line of speech ending in a time
    // ("we met at 10:30") is not a turn.
    let probe = format!("{name}:");
    let (named, _) = name_prefix(&probe)?;
    (named.len() == name.len()).then_some((name, start))
}

/// `00:01:02` alone on a line: a Meet block's start.
pub fn meet_start(line: &str) -> Option<Ms> {
    let t = line.trim();
    let shape = t.len() >= 7 && t.bytes().filter(|b| *b == b':').count() == 2;
    shape.then(|| parse_timestamp(t)).flatten()
}

impl Turns {
    pub fn new(style: Style) -> Self {
        Turns {
            style,
            text: CueText::default(),
            block: None,
            pace: (0, 0),
            cues: 0,
        }
    }

    pub fn line(&mut self, number: usize, line: &str, sink: &mut Sink) -> Result<(), Problem> {
        if line.trim().is_empty() {
            return Ok(());
        }
        match self.style {
            Style::Otter => {
                if let Some((name, start)) = otter_header(line) {
                    let speaker = sink.tally.intern(name, number)?;
                    self.start(start, number, sink);
                    self.text.speak_as(speaker, &mut sink.tally);
                    return Ok(());
                }
                if self.block.is_none() {
                    return Ok(());
                }
                // Speech: a `Word: ` inside it is not a speaker.
                self.text.speech(number, line, &mut sink.tally)?;
            }
            Style::Meet => {
                if let Some(start) = meet_start(line) {
                    self.start(start, number, sink);
                    return Ok(());
                }
                let ended = line.trim_start().starts_with("Transcription ended after");
                if self.block.is_none() || ended {
                    return Ok(());
                }
                self.text.line(number, line, &mut sink.tally)?;
            }
        }
        let parts: Vec<_> = self.text.take().collect();
        if let Some(block) = &mut self.block {
            if block.parts.len() + parts.len() > MAX_PARTS {
                return Err(Problem::new(
                    number,
                    format!(
                        "a turn of more than {MAX_PARTS} lines; this does not look like a transcript"
                    ),
                ));
            }
            for span in parts {
                block.parts.push((span.speaker, span.counts, number));
            }
        }
        Ok(())
    }

    /// A block starts at `start`: the one before ends there.
    fn start(&mut self, start: Ms, number: usize, sink: &mut Sink) {
        if let Some(block) = self.block.take() {
            if start < block.start {
                sink.warnings.push(Kind::OutOfOrder, number, || {
                    "this turn starts before the one above it; the one above is counted as \
                     taking no time"
                        .to_string()
                });
            }
            let end = start.max(block.start);
            self.emit(block, end, sink);
        }
        self.cues += 1;
        self.block = Some(Block {
            start,
            parts: Vec::new(),
        });
    }

    /// The last block, at the call's pace so far.
    pub fn finish(&mut self, sink: &mut Sink) {
        self.text.finish(&mut sink.tally);
        if let Some(block) = self.block.take() {
            let words: u64 = block.parts.iter().map(|p| p.1.words).sum();
            let per_word = match self.pace {
                (w, ms) if w > 0 && ms > 0 => ms / w,
                _ => MS_PER_WORD,
            };
            let end = block.start + words * per_word;
            self.emit(block, end, sink);
        }
    }

    /// Hand `block`'s lines to the tally, its time split by their words.
    fn emit(&mut self, block: Block, end: Ms, sink: &mut Sink) {
        let length = end - block.start;
        let words: u64 = block.parts.iter().map(|p| p.1.words).sum();
        self.pace.0 += words;
        self.pace.1 += length;
        let mut at = block.start;
        let n = block.parts.len();
        for (i, (speaker, counts, line)) in block.parts.into_iter().enumerate() {
            // By words; a block of no words is shared out evenly.
            let part = if i + 1 == n {
                end - at
            } else {
                (length * counts.words)
                    .checked_div(words)
                    .unwrap_or(length / n as Ms)
            };
            sink.tally
                .utterance(speaker, Some((at, at + part)), counts, line);
            at += part;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn otter_headings() {
        assert_eq!(otter_header("Priya Shah  0:00"), Some(("Priya Shah", 0)));
        assert_eq!(
            otter_header("Tom Reyes  1:02:03"),
            Some(("Tom Reyes", 3_723_000))
        );
        assert_eq!(
            otter_header("Speaker 2  12:05"),
            Some(("Speaker 2", 725_000))
        );
        assert_eq!(otter_header("we met at 10:30"), None);
        assert_eq!(otter_header("Tom Reyes  0:00.500"), None);
        assert_eq!(otter_header("0:15"), None);
    }

    #[test]
    fn meet_block_starts() {
        assert_eq!(meet_start("00:01:02"), Some(62_000));
        assert_eq!(meet_start("  01:00:00 "), Some(3_600_000));
        assert_eq!(meet_start("1:02"), None);
        assert_eq!(meet_start("Anna: at 10:30:00"), None);
    }
}
