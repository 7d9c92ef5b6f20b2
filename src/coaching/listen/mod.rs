//! Transcript metrics for `coach listen` (and `coach debrief --transcript`):
//! how much each speaker talked, asked and held forth, read from a call
//! transcript (DESIGN.md section 3).
//!
//! Three kinds of transcript are read, told apart by their content, not the
//! file name:
//! - WebVTT with voice spans, `<v Jane Doe>text</v>`, as Teams writes it;
//! - WebVTT or SRT whose cue text starts `Name: `, as Zoom writes it, or a
//!   diarized label, `[SPEAKER_00]: `, as WhisperX writes it;
//! - Otter's text export and Google Meet transcripts saved as text, which
//!   give start times only (`turns.rs`);
//! - WhisperX JSON, its segments streamed one at a time (`whisperx.rs`);
//! - plain `Name: text` lines without times.
//!
//! Text with no speaker continues the speaker before it. The transcript is
//! read line by line and only running totals are kept, so a 100 MB file needs
//! little memory. Damaged input gets a [`Warning`] with its line (bytes that
//! are not UTF-8, cues that run backwards or overlap) or, when nothing useful
//! can be read, a [`Problem`].
//!
//! The module is pure: [`analyse`] takes text, [`analyse_reader`] any
//! `BufRead`. The figures are defined in `figures.rs` and `words.rs`; the
//! bands the user is held against in `bands.rs`.

mod bands;
mod captions;
mod figures;
mod me;
mod plain;
mod read;
mod spans;
mod timing;
mod turns;
mod warnings;
mod whisperx;
mod words;

use std::fmt;
use std::io::BufRead;

use serde::Serialize;

pub use bands::{Figure, Note, SOURCE as BANDS_SOURCE, Verdict, beside_estimates, notes};
pub use me::{ByKind, Flagged, MeError, Report};
pub use timing::clock;

use captions::{Captions, Dialect};
use figures::Tally;
use plain::Plain;
use read::Lines;
use turns::{Style, Turns};
use warnings::{Kind, Warnings};

/// How the transcript was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    WebVtt,
    Srt,
    Otter,
    Meet,
    #[serde(rename = "whisperx-json")]
    WhisperxJson,
    Plain,
}

impl Format {
    pub fn describe(self) -> &'static str {
        match self {
            Format::WebVtt => "WebVTT",
            Format::Srt => "SRT",
            Format::Otter => "Otter text",
            Format::Meet => "Google Meet text",
            Format::WhisperxJson => "WhisperX JSON",
            Format::Plain => "Plain `Name: text` lines",
        }
    }
}

/// Everything `coach listen` measures in one transcript.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Analysis {
    pub format: Format,
    /// Shares and monologues come from cue times; `false`: from words.
    pub timed: bool,
    /// From the first cue's start to the last cue's end.
    pub duration_seconds: Option<f64>,
    /// In the order they first speak.
    pub speakers: Vec<Speaker>,
    /// The three longest monologues, longest first.
    pub monologues: Vec<Monologue>,
    pub warnings: Vec<Warning>,
}

/// One speaker's figures. `seconds` and `longest_monologue_seconds` are
/// `None` when the transcript has no times.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Speaker {
    pub name: String,
    /// The labels (`SPEAKER_01`) and spellings `--speaker` named as this one.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<String>,
    pub seconds: Option<f64>,
    /// Part of all speaking time (or of all words, without times), 0..=1.
    pub share: f64,
    pub words: u64,
    pub questions: u64,
    /// What they asked, in order: their questions and their requests without
    /// a `?` ("tell me about…"), up to [`figures::MAX_ASKED`]; never printed
    /// in the speakers list.
    #[serde(skip)]
    pub asked: Vec<words::Asked>,
    pub longest_monologue_seconds: Option<f64>,
    pub longest_monologue_words: u64,
    /// How many times they took the floor.
    pub turns: u64,
    /// The mean pause before their turns that follow another speaker and
    /// start after they stopped; `None` without times or such turns.
    pub patience_seconds: Option<f64>,
    /// Their turns that start before the other speaker's cue has ended;
    /// `None` without times.
    pub interruptions: Option<u64>,
}

impl Speaker {
    /// The name, with the labels `--speaker` merged into it: "Jane Doe
    /// (SPEAKER_00)".
    pub fn shown(&self) -> String {
        if self.labels.is_empty() {
            self.name.clone()
        } else {
            format!("{} ({})", self.name, self.labels.join(", "))
        }
    }
}

/// A run of consecutive cues by one speaker.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Monologue {
    pub speaker: String,
    pub start_seconds: Option<f64>,
    pub end_seconds: Option<f64>,
    pub seconds: Option<f64>,
    pub words: u64,
    /// The line where it starts.
    pub line: usize,
}

/// Something odd in the transcript that the figures worked around.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// 1-based; 0 when it is about the whole file.
    pub line: usize,
    pub message: String,
}

/// Why a transcript could not be read: where, what, and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1-based; 0 when it is about the whole file.
    pub line: usize,
    pub message: String,
    pub help: Option<String>,
}

impl Problem {
    /// The problem as the loaders show one: `file:line:1: error: ...`.
    pub fn diagnostic(&self, file: &str) -> crate::diag::Diagnostic {
        let diag = crate::diag::Diagnostic::new(
            &crate::diag::Source::new(file, ""),
            crate::diag::Loc::new(self.line, 1, 1),
            &self.message,
        );
        match &self.help {
            Some(help) => diag.help(help),
            None => diag,
        }
    }

    pub fn new(line: usize, message: impl Into<String>) -> Self {
        Problem {
            line,
            message: message.into(),
            help: None,
        }
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "line {}: ", self.line)?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for Problem {}

/// Reading a transcript fails because of what is in it, or because it
/// cannot be read at all.
#[derive(Debug, thiserror::Error)]
pub enum ListenError {
    #[error("{0}")]
    Bad(Problem),
    #[error("cannot read the transcript: {0}")]
    Io(#[from] std::io::Error),
}

const FORMATS_HELP: &str = "coach listen reads WebVTT (`WEBVTT` then cues with `<v Name>` voice tags \
     or `Name: ` text), SRT (numbered cues whose text starts `Name: ` or `[SPEAKER_00]: `), Otter \
     text (`Name  0:15` above each turn), Google Meet text (`00:01:02` lines opening blocks of \
     `Name: text`), or plain `Name: text` lines";

/// The figures for a whole transcript held in memory.
pub fn analyse(text: &str) -> Result<Analysis, Problem> {
    analyse_reader(text.as_bytes()).map_err(|err| match err {
        ListenError::Bad(problem) => problem,
        ListenError::Io(err) => Problem::new(0, err.to_string()),
    })
}

/// The figures for a transcript read line by line from `reader`.
pub fn analyse_reader<R: BufRead>(reader: R) -> Result<Analysis, ListenError> {
    analyse_named(reader, &[])
}

/// The same, with each `(label, name)` of `naming` read as that name
/// (`--speaker LABEL=NAME`): diarized labels named, misspellings merged.
pub fn analyse_named<R: BufRead>(
    mut reader: R,
    naming: &[(String, String)],
) -> Result<Analysis, ListenError> {
    let mut sink = Sink {
        tally: Tally::named(naming),
        warnings: Warnings::default(),
    };
    if whisperx::looks_like_json(&mut reader)? {
        let segments = whisperx::read(reader, &mut sink)?;
        return conclude(Format::WhisperxJson, segments, sink, None);
    }
    let mut lines = Lines::new(reader);
    let mut parser: Option<Parser> = None;
    // A Meet transcript opens with its title: a few lines before the first
    // block's time are let pass, and if no block starts, the first is wrong.
    let mut preamble: Option<(ListenError, usize)> = None;
    while let Some((number, line)) = lines.next_line()? {
        let parser = match &mut parser {
            Some(parser) => parser,
            None if line.trim().is_empty() => continue,
            None if turns::meet_start(line).is_some() => {
                parser.insert(Parser::Turns(Turns::new(Style::Meet)))
            }
            None => match preamble.take() {
                Some((first, seen)) if seen >= 3 => return Err(first),
                Some((first, seen)) => {
                    preamble = Some((first, seen + 1));
                    continue;
                }
                None => match Parser::detect(number, line) {
                    Ok(found) => parser.insert(found),
                    Err(first) => {
                        preamble = Some((first, 1));
                        continue;
                    }
                },
            },
        };
        parser.line(number, line, &mut sink)?;
    }
    if let (None, Some((first, _))) = (&parser, preamble) {
        return Err(first);
    }
    let Some(mut parser) = parser else {
        return Err(ListenError::Bad(
            Problem::new(0, "the file is empty").help(FORMATS_HELP),
        ));
    };
    parser.finish(&mut sink)?;
    let invalid = lines.first_invalid.map(|line| (line, lines.invalid_lines));
    conclude(parser.format(), parser.cues(), sink, invalid)
}

/// The figures from what the reader put in `sink`, or why there are none;
/// `invalid`: the first line that was not UTF-8, and how many were.
fn conclude(
    format: Format,
    cues: u64,
    mut sink: Sink,
    invalid: Option<(usize, usize)>,
) -> Result<Analysis, ListenError> {
    if cues == 0 {
        let what = match format {
            Format::WhisperxJson => "no segments found: the `segments` list is missing or empty",
            _ => {
                "no cues found: no block has a timing line such as `00:00:01.000 --> 00:00:04.000`"
            }
        };
        return Err(ListenError::Bad(Problem::new(0, what).help(FORMATS_HELP)));
    }
    if !sink.tally.has_named_speaker() {
        return Err(ListenError::Bad(
            Problem::new(0, "no speaker names found, so there is nobody to measure").help(
                "coach listen needs `<v Name>` voice tags (Teams) or cue text starting \
                 `Name: ` (Zoom); plain captions without names cannot be split by speaker",
            ),
        ));
    }
    if let Some((line, count)) = invalid {
        let more = match count {
            1 => String::new(),
            n => format!(" ({n} lines in all)"),
        };
        sink.warnings.push(Kind::Encoding, line, || {
            format!("bytes that are not UTF-8 are shown as \u{fffd}{more}")
        });
    }
    if let Some(line) = sink.tally.first_unknown_line {
        sink.warnings.push(Kind::NoSpeaker, line, || {
            format!(
                "text before the first named speaker is counted as `{}`",
                figures::UNKNOWN
            )
        });
    }
    let figures = sink.tally.finish(format != Format::Plain);
    if format != Format::Plain && !figures.timed {
        sink.warnings.push(Kind::NoTimes, 0, || {
            "no cue has a usable length, so shares are by words".to_string()
        });
    }
    Ok(Analysis {
        format,
        timed: figures.timed,
        duration_seconds: figures.duration_ms.map(timing::seconds),
        speakers: figures.speakers,
        monologues: figures.monologues,
        warnings: sink.warnings.finish(),
    })
}

/// The reader for the format the first non-blank line shows.
enum Parser {
    Captions(Captions),
    Turns(Turns),
    Plain(Plain),
}

impl Parser {
    fn detect(number: usize, line: &str) -> Result<Parser, ListenError> {
        let trimmed = line.trim();
        let webvtt = line
            .strip_prefix("WEBVTT")
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']));
        if webvtt {
            return Ok(Parser::Captions(Captions::new(Dialect::WebVtt)));
        }
        if trimmed.contains("-->") || captions::is_cue_number(trimmed) {
            return Ok(Parser::Captions(Captions::new(Dialect::Srt)));
        }
        if turns::otter_header(line).is_some() {
            return Ok(Parser::Turns(Turns::new(Style::Otter)));
        }
        if spans::name_prefix(line).is_some() {
            return Ok(Parser::Plain(Plain::default()));
        }
        let start: String = trimmed.chars().take(40).collect();
        Err(ListenError::Bad(
            Problem::new(
                number,
                format!(
                    "this does not look like a transcript: it starts with `{}`",
                    crate::text::printable_line(&start)
                ),
            )
            .help(FORMATS_HELP),
        ))
    }

    fn line(&mut self, number: usize, line: &str, sink: &mut Sink) -> Result<(), Problem> {
        match self {
            Parser::Captions(p) => p.line(number, line, sink),
            Parser::Turns(p) => p.line(number, line, sink),
            Parser::Plain(p) => p.line(number, line, sink),
        }
    }

    fn finish(&mut self, sink: &mut Sink) -> Result<(), Problem> {
        match self {
            Parser::Captions(p) => p.finish(sink),
            Parser::Turns(p) => {
                p.finish(sink);
                Ok(())
            }
            Parser::Plain(p) => {
                p.finish(sink);
                Ok(())
            }
        }
    }

    fn format(&self) -> Format {
        match self {
            Parser::Captions(p) => p.format(),
            Parser::Turns(p) => match p.style {
                Style::Otter => Format::Otter,
                Style::Meet => Format::Meet,
            },
            Parser::Plain(_) => Format::Plain,
        }
    }

    fn cues(&self) -> u64 {
        match self {
            Parser::Captions(p) => p.cues,
            Parser::Turns(p) => p.cues,
            Parser::Plain(p) => p.lines,
        }
    }
}

impl From<Problem> for ListenError {
    fn from(problem: Problem) -> Self {
        ListenError::Bad(problem)
    }
}

/// Where the readers put what they find.
#[derive(Default)]
struct Sink {
    tally: Tally,
    warnings: Warnings,
}

#[cfg(test)]
mod tests;
