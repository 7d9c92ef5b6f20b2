//! Timed captions: WebVTT and SRT share one block structure (an optional
//! identifier or cue number, a timing line, text lines, a blank line), so one
//! reader serves both. WebVTT adds a `WEBVTT` header (with metadata lines such
//! as `Kind: captions` under it) and `NOTE`, `STYLE` and `REGION` blocks,
//! which are skipped.
//!
//! Lenient where real files are sloppy: a timing line right after cue text
//! starts a new cue even without the blank line (a cue number just before it
//! is dropped); a block with no timing line is skipped with a warning; a cue
//! whose times cannot be read, or that ends before it starts, keeps its words
//! but not its time. A cue that starts before the one above it ends is
//! warned about: the same speaker's shared time counts once, two speakers
//! talking over each other both get it.

use super::spans::{CueText, Span};
use super::timing::{Ms, parse_timing};
use super::{Format, Kind, Problem, Sink};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    WebVtt,
    Srt,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Under `WEBVTT`, until the first blank line.
    Header,
    /// Between blocks.
    Between,
    /// Inside a block that is not a cue.
    Skip,
    /// After a cue identifier or number (on that line), before its timing.
    Id(usize),
    /// In a cue's text.
    Text,
}

/// The cue being read: the line of its timing, and its times if readable.
struct Cue {
    line: usize,
    time: Option<(Ms, Ms)>,
}

/// The cues read so far, for overlap checks: the latest start, and the
/// latest end with its cue's line and the speaker of that cue's last words.
struct Before {
    start: Ms,
    start_line: usize,
    end: Ms,
    end_line: usize,
    speaker: usize,
}

pub struct Captions {
    dialect: Dialect,
    state: State,
    cue: Option<Cue>,
    /// A number in cue text: the next cue's number if a timing line follows.
    pending_number: Option<(usize, String)>,
    text: CueText,
    spans: Vec<Span>,
    before: Option<Before>,
    /// Cues read, empty ones included.
    pub cues: u64,
}

impl Captions {
    pub fn new(dialect: Dialect) -> Self {
        Captions {
            dialect,
            state: match dialect {
                Dialect::WebVtt => State::Header,
                Dialect::Srt => State::Between,
            },
            cue: None,
            pending_number: None,
            text: CueText::default(),
            spans: Vec::new(),
            before: None,
            cues: 0,
        }
    }

    pub fn format(&self) -> Format {
        match self.dialect {
            Dialect::WebVtt => Format::WebVtt,
            Dialect::Srt => Format::Srt,
        }
    }

    pub fn line(&mut self, number: usize, line: &str, sink: &mut Sink) -> Result<(), Problem> {
        let blank = line.trim().is_empty();
        let timing = line.contains("-->");
        match self.state {
            State::Header if timing => self.start_cue(number, line, sink),
            State::Header if blank => self.state = State::Between,
            State::Header => {} // metadata such as `Kind: captions`
            State::Between if blank => {}
            State::Between if timing => self.start_cue(number, line, sink),
            State::Between if self.dialect == Dialect::WebVtt && is_block_keyword(line) => {
                self.state = State::Skip;
            }
            State::Between => self.state = State::Id(number),
            State::Id(_) if timing => self.start_cue(number, line, sink),
            State::Id(id_line) => {
                sink.warnings.push(Kind::NotACue, id_line, || {
                    "this block has no timing line (`00:00:01.000 --> 00:00:04.000`), so it is skipped"
                        .to_string()
                });
                self.state = if blank { State::Between } else { State::Skip };
            }
            State::Skip if blank => self.state = State::Between,
            State::Skip => {}
            State::Text if blank => {
                self.finish_cue(sink)?;
                self.state = State::Between;
            }
            State::Text if timing => {
                self.pending_number = None;
                self.finish_cue(sink)?;
                self.start_cue(number, line, sink);
            }
            State::Text if is_cue_number(line.trim()) => {
                self.flush_number(sink)?;
                self.pending_number = Some((number, line.to_string()));
            }
            State::Text => {
                self.flush_number(sink)?;
                self.text.line(number, line, &mut sink.tally)?;
            }
        }
        Ok(())
    }

    /// The end of the input: the last cue needs no blank line after it.
    pub fn finish(&mut self, sink: &mut Sink) -> Result<(), Problem> {
        if self.state == State::Text {
            self.finish_cue(sink)?;
        }
        self.text.finish(&mut sink.tally);
        Ok(())
    }

    fn start_cue(&mut self, number: usize, line: &str, sink: &mut Sink) {
        let time = parse_timing(line);
        if time.is_none() {
            sink.warnings.push(Kind::BadTiming, number, || {
                "cannot read the times on this line; the cue's words count, its time does not"
                    .to_string()
            });
        }
        self.cue = Some(Cue { line: number, time });
        self.state = State::Text;
    }

    /// A number in the text that no timing line followed was text after all.
    fn flush_number(&mut self, sink: &mut Sink) -> Result<(), Problem> {
        match self.pending_number.take() {
            Some((number, text)) => self.text.line(number, &text, &mut sink.tally),
            None => Ok(()),
        }
    }

    fn finish_cue(&mut self, sink: &mut Sink) -> Result<(), Problem> {
        self.flush_number(sink)?;
        let Some(cue) = self.cue.take() else {
            return Ok(());
        };
        self.cues += 1;
        self.spans.clear();
        self.spans.extend(self.text.take());
        let (Some(first), Some(last)) = (self.spans.first(), self.spans.last()) else {
            return Ok(()); // an empty cue: nobody said anything
        };
        let (first, last) = (first.speaker, last.speaker);
        let mut time = cue.time;
        if let Some((start, end)) = time
            && end < start
        {
            sink.warnings.push(Kind::Backwards, cue.line, || {
                format!(
                    "this cue ends ({}) before it starts ({}); its words count, its time does not",
                    stamp(end),
                    stamp(start)
                )
            });
            time = None;
        }
        if let Some((start, end)) = time {
            self.check_order(&cue, start, first, sink);
            self.before = Some(match self.before.take() {
                // An earlier cue still ends last: keep its end and speaker.
                Some(before) if before.end >= end => Before {
                    start,
                    start_line: cue.line,
                    ..before
                },
                _ => Before {
                    start,
                    start_line: cue.line,
                    end,
                    end_line: cue.line,
                    speaker: last,
                },
            });
        }
        split(&self.spans, time, |span, part| {
            sink.tally
                .utterance(span.speaker, part, span.counts, cue.line);
        });
        Ok(())
    }

    fn check_order(&self, cue: &Cue, start: Ms, speaker: usize, sink: &mut Sink) {
        let Some(before) = &self.before else { return };
        if start < before.start {
            sink.warnings.push(Kind::OutOfOrder, cue.line, || {
                format!(
                    "this cue starts at {}, before the cue at line {} ({}); cues are out of order",
                    stamp(start),
                    before.start_line,
                    stamp(before.start)
                )
            });
        } else if start < before.end {
            let (kind, what) = if speaker == before.speaker {
                (
                    Kind::Overlap,
                    "the same speaker's time they share counts once",
                )
            } else {
                (
                    Kind::Crosstalk,
                    "both speakers' time counts (talking over each other?)",
                )
            };
            sink.warnings.push(kind, cue.line, || {
                format!(
                    "this cue starts at {}, before the cue at line {} ends ({}); {what}",
                    stamp(start),
                    before.end_line,
                    stamp(before.end)
                )
            });
        }
    }
}

/// Share a cue's time among its spans by their words (evenly when it has
/// none): `<v A>one two</v><v B>three</v>` over 3 s gives A 2 s, then B 1 s.
fn split(spans: &[Span], time: Option<(Ms, Ms)>, mut each: impl FnMut(&Span, Option<(Ms, Ms)>)) {
    let total: u64 = spans.iter().map(|s| s.counts.words).sum();
    let mut done = 0u64;
    for (i, span) in spans.iter().enumerate() {
        let (from, to, whole) = if total > 0 {
            (done, done + span.counts.words, total)
        } else {
            (i as u64, i as u64 + 1, spans.len() as u64)
        };
        done += span.counts.words;
        let part = time.map(|(start, end)| {
            let length = u128::from(end - start);
            let at = |k: u64| start + (length * u128::from(k) / u128::from(whole)) as Ms;
            (at(from), at(to))
        });
        each(span, part);
    }
}

/// `hh:mm:ss.mmm`, as the file writes it.
fn stamp(ms: Ms) -> String {
    let (h, m, s, f) = (ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
    format!("{h:02}:{m:02}:{s:02}.{f:03}")
}

/// `NOTE`, `STYLE` or `REGION`, alone or followed by a space.
fn is_block_keyword(line: &str) -> bool {
    ["NOTE", "STYLE", "REGION"].iter().any(|word| {
        line.strip_prefix(word)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']))
    })
}

/// An SRT cue number: digits only.
pub fn is_cue_number(line: &str) -> bool {
    (1..=10).contains(&line.len()) && line.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coaching::listen::words::Counts;

    #[test]
    fn splits_time_by_words() {
        let span = |speaker, words| Span {
            speaker,
            counts: Counts {
                words,
                questions: 0,
            },
        };
        type Case<'a> = (&'a [Span], Option<(Ms, Ms)>, &'a [Option<(Ms, Ms)>]);
        let cases: &[Case] = &[
            (&[span(0, 5)], Some((1000, 4000)), &[Some((1000, 4000))]),
            (
                &[span(0, 2), span(1, 1)],
                Some((0, 3000)),
                &[Some((0, 2000)), Some((2000, 3000))],
            ),
            (
                &[span(0, 6), span(1, 5)],
                Some((236_130, 243_290)),
                &[Some((236_130, 240_035)), Some((240_035, 243_290))],
            ),
            (
                &[span(0, 0), span(1, 0)],
                Some((0, 1000)),
                &[Some((0, 500)), Some((500, 1000))],
            ),
            (&[span(0, 3), span(1, 1)], None, &[None, None]),
        ];
        for (spans, time, want) in cases {
            let mut got = Vec::new();
            split(spans, *time, |_, part| got.push(part));
            assert_eq!(&got, want, "{time:?}");
        }
    }

    #[test]
    fn block_keywords_and_numbers() {
        for (line, keyword) in [
            ("NOTE", true),
            ("NOTE a comment", true),
            ("STYLE", true),
            ("REGION", true),
            ("NOTES", false),
            ("Note", false),
        ] {
            assert_eq!(is_block_keyword(line), keyword, "{line}");
        }
        for (line, number) in [("1", true), ("222", true), ("1a", false), ("", false)] {
            assert_eq!(is_cue_number(line), number, "{line}");
        }
        assert_eq!(stamp(3_723_456), "01:02:03.456");
    }
}
