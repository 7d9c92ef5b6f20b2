//! The running totals behind the figures: per speaker, the current run of
//! cues by one speaker, and the three longest runs. Only these are kept while
//! a transcript streams past, so memory stays flat however long the call.
//!
//! - *Speaking time* is the sum of a speaker's cue durations. Where two of
//!   one speaker's cues overlap (rolling captions do this), the shared time
//!   counts once; two speakers talking at once both get the time.
//! - A *monologue* is a run of consecutive cues by one speaker, measured from
//!   its first start to its last end (pauses inside included). Without times,
//!   its length is its words.
//! - *Share* is a speaker's part of all speaking time, or of all words when
//!   the transcript has no usable times.
//! - *Patience* is the mean pause before a speaker's turns that follow
//!   another speaker and start after they stopped; a turn that starts before
//!   the other speaker's cue has ended is an *interruption*.

use std::collections::HashMap;

use super::timing::{Ms, seconds};
use super::words::{Asked, Counts};
use super::{Monologue, Problem, Speaker};

/// More speakers than this means the names are not names.
pub const MAX_SPEAKERS: usize = 1000;

/// The most sentences that ask kept for one speaker: a call has far fewer,
/// and a file of many calls stays bounded (the count goes on).
pub const MAX_ASKED: usize = 2000;

/// Who said the text before the first named speaker.
pub const UNKNOWN: &str = "Unknown speaker";

#[derive(Debug, Default)]
pub struct Tally {
    names: Vec<String>,
    /// `--speaker LABEL=NAME`: a label (folded) and the name it stands for.
    aliases: HashMap<String, String>,
    /// Per speaker, the other spellings and labels merged into it.
    labels: Vec<Vec<String>>,
    exact: HashMap<String, usize>,
    folded: HashMap<String, usize>,
    totals: Vec<Totals>,
    run: Option<Run>,
    by_time: Top,
    by_words: Top,
    unknown: Option<usize>,
    /// The first line whose speaker is not known.
    pub first_unknown_line: Option<usize>,
    /// The first start and the last end of any cue.
    extent: Option<(Ms, Ms)>,
}

#[derive(Debug, Default, Clone)]
struct Totals {
    ms: Ms,
    /// The stretch this speaker's latest cues cover, overlaps merged.
    covered: Option<(Ms, Ms)>,
    words: u64,
    questions: u64,
    asked: Vec<Asked>,
    turns: u64,
    longest_ms: Ms,
    longest_words: u64,
    /// Pauses before turns that follow another speaker, summed, and how many.
    waited_ms: Ms,
    waits: u64,
    interruptions: u64,
}

#[derive(Debug, Clone)]
struct Run {
    speaker: usize,
    start: Option<Ms>,
    end: Option<Ms>,
    words: u64,
    line: usize,
}

impl Run {
    fn ms(&self) -> Ms {
        match (self.start, self.end) {
            (Some(start), Some(end)) => end.saturating_sub(start),
            _ => 0,
        }
    }
}

/// The three longest runs, longest first; the earlier wins a tie.
#[derive(Debug, Default)]
struct Top(Vec<Run>);

impl Top {
    fn offer(&mut self, run: &Run, key: fn(&Run) -> u64) {
        let at = self.0.iter().position(|r| key(run) > key(r));
        match at {
            Some(at) => self.0.insert(at, run.clone()),
            None if self.0.len() < 3 => self.0.push(run.clone()),
            None => return,
        }
        self.0.truncate(3);
    }
}

/// What [`Tally::finish`] hands back.
pub struct Figures {
    pub speakers: Vec<Speaker>,
    pub monologues: Vec<Monologue>,
    /// Shares come from time (else from words).
    pub timed: bool,
    pub duration_ms: Option<Ms>,
}

/// More labels than this are not listed for one speaker.
const MAX_LABELS: usize = 8;

fn tidy(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Tally {
    /// A tally that reads each `(label, name)` of `naming` as that name: a
    /// diarized label named, or a misspelling merged into the right one.
    pub fn named(naming: &[(String, String)]) -> Tally {
        let aliases = naming
            .iter()
            .map(|(label, name)| (tidy(label).to_lowercase(), tidy(name)))
            .collect();
        Tally {
            aliases,
            ..Tally::default()
        }
    }

    /// The speaker called `name`, added on first sight. Names match ignoring
    /// case and runs of spaces; the first spelling is the one shown, unless
    /// `--speaker` names it.
    pub fn intern(&mut self, name: &str, line: usize) -> Result<usize, Problem> {
        if let Some(&index) = self.exact.get(name) {
            return Ok(index);
        }
        let label = tidy(name);
        let (tidy, folded) = match self.aliases.get(&label.to_lowercase()) {
            Some(to) => (to.clone(), to.to_lowercase()),
            None => (label.clone(), label.to_lowercase()),
        };
        let index = match self.folded.get(&folded) {
            Some(&index) => index,
            None => {
                if self.names.len() >= MAX_SPEAKERS {
                    return Err(Problem::new(
                        line,
                        format!(
                            "more than {MAX_SPEAKERS} different speakers; this does not look like a call"
                        ),
                    ));
                }
                self.names.push(tidy.clone());
                self.labels.push(Vec::new());
                self.totals.push(Totals::default());
                self.folded.insert(folded, self.names.len() - 1);
                self.names.len() - 1
            }
        };
        let seen = &mut self.labels[index];
        if label != tidy && seen.len() < MAX_LABELS && !seen.contains(&label) {
            seen.push(label);
        }
        // Spellings are remembered to skip the folding next time, up to a
        // bound, so odd spacing and case cannot grow the map without end.
        if self.exact.len() < 4 * MAX_SPEAKERS {
            self.exact.insert(name.to_string(), index);
        }
        Ok(index)
    }

    /// The stand-in for text before anyone is named.
    pub fn unknown(&mut self, line: usize) -> Result<usize, Problem> {
        self.first_unknown_line.get_or_insert(line);
        match self.unknown {
            Some(index) => Ok(index),
            None => {
                let index = self.intern(UNKNOWN, line)?;
                self.unknown = Some(index);
                Ok(index)
            }
        }
    }

    #[cfg(test)]
    pub fn name(&self, speaker: usize) -> &str {
        &self.names[speaker]
    }

    /// Whether anyone has a real name.
    pub fn has_named_speaker(&self) -> bool {
        (0..self.names.len()).any(|i| Some(i) != self.unknown)
    }

    /// A sentence `speaker` asked something in (up to [`MAX_ASKED`]).
    pub fn asked(&mut self, speaker: usize, asked: Asked) {
        let kept = &mut self.totals[speaker].asked;
        if kept.len() < MAX_ASKED {
            kept.push(asked);
        }
    }

    /// One speaker's part of a cue: `time` is `None` when the cue has no
    /// usable times, and otherwise runs forwards.
    pub fn utterance(
        &mut self,
        speaker: usize,
        time: Option<(Ms, Ms)>,
        counts: Counts,
        line: usize,
    ) {
        let totals = &mut self.totals[speaker];
        totals.words += counts.words;
        totals.questions += counts.questions;
        if let Some((start, end)) = time {
            // Time shared with this speaker's cues just before counts once.
            let shared = totals
                .covered
                .map_or(0, |(from, to)| end.min(to).saturating_sub(start.max(from)));
            totals.ms += end - start - shared;
            totals.covered = Some(match totals.covered {
                Some((from, to)) if start <= to && end >= from => (from.min(start), to.max(end)),
                _ => (start, end),
            });
            self.extent = Some(match self.extent {
                None => (start, end),
                Some((first, last)) => (first.min(start), last.max(end)),
            });
        }
        match &mut self.run {
            Some(run) if run.speaker == speaker => {
                run.words += counts.words;
                if let Some((start, end)) = time {
                    run.start = Some(run.start.map_or(start, |s| s.min(start)));
                    run.end = Some(run.end.map_or(end, |e| e.max(end)));
                }
            }
            _ => {
                // How this turn follows the other speaker's: after a pause,
                // or before they stopped.
                let before = self.run.as_ref().and_then(|r| r.end);
                if let (Some(stopped), Some((start, _))) = (before, time) {
                    let totals = &mut self.totals[speaker];
                    if start >= stopped {
                        totals.waited_ms += start - stopped;
                        totals.waits += 1;
                    } else {
                        totals.interruptions += 1;
                    }
                }
                self.close_run();
                self.totals[speaker].turns += 1;
                self.run = Some(Run {
                    speaker,
                    start: time.map(|t| t.0),
                    end: time.map(|t| t.1),
                    words: counts.words,
                    line,
                });
            }
        }
    }

    fn close_run(&mut self) {
        if let Some(run) = self.run.take() {
            let totals = &mut self.totals[run.speaker];
            totals.longest_ms = totals.longest_ms.max(run.ms());
            totals.longest_words = totals.longest_words.max(run.words);
            self.by_time.offer(&run, Run::ms);
            self.by_words.offer(&run, |r| r.words);
        }
    }

    /// The figures; `has_times` says whether the format carries times.
    pub fn finish(mut self, has_times: bool) -> Figures {
        self.close_run();
        let total_ms: Ms = self.totals.iter().map(|t| t.ms).sum();
        let total_words: u64 = self.totals.iter().map(|t| t.words).sum();
        let timed = has_times && total_ms > 0;
        let share = |part: u64, whole: u64| {
            let ratio = if whole == 0 {
                0.0
            } else {
                part as f64 / whole as f64
            };
            (ratio * 10_000.0).round() / 10_000.0
        };
        let when = |ms: Ms| timed.then(|| seconds(ms));
        let speakers = self
            .names
            .iter()
            .zip(&mut self.totals)
            .zip(&self.labels)
            .map(|((name, t), labels)| Speaker {
                name: name.clone(),
                labels: labels.clone(),
                seconds: when(t.ms),
                share: if timed {
                    share(t.ms, total_ms)
                } else {
                    share(t.words, total_words)
                },
                words: t.words,
                questions: t.questions,
                asked: std::mem::take(&mut t.asked),
                longest_monologue_seconds: when(t.longest_ms),
                longest_monologue_words: t.longest_words,
                turns: t.turns,
                patience_seconds: (timed && t.waits > 0).then(|| seconds(t.waited_ms / t.waits)),
                interruptions: timed.then_some(t.interruptions),
            })
            .collect();
        let top = if timed { &self.by_time } else { &self.by_words };
        let monologues = top
            .0
            .iter()
            .map(|run| Monologue {
                speaker: self.names[run.speaker].clone(),
                start_seconds: run.start.filter(|_| timed).map(seconds),
                end_seconds: run.end.filter(|_| timed).map(seconds),
                seconds: when(run.ms()),
                words: run.words,
                line: run.line,
            })
            .collect();
        Figures {
            speakers,
            monologues,
            timed,
            duration_ms: self
                .extent
                .filter(|_| timed)
                .map(|(first, last)| last - first),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn said(words: u64, questions: u64) -> Counts {
        Counts { words, questions }
    }

    /// An utterance: speaker, (start s, end s), words, questions.
    type Said<'a> = (&'a str, Option<(u64, u64)>, u64, u64);

    fn tally(script: &[Said], has_times: bool) -> Figures {
        let mut tally = Tally::default();
        for (line, (name, time, words, questions)) in script.iter().enumerate() {
            let who = tally.intern(name, line + 1).unwrap();
            let time = time.map(|(s, e)| (s * 1000, e * 1000));
            tally.utterance(who, time, said(*words, *questions), line + 1);
        }
        tally.finish(has_times)
    }

    #[test]
    fn monologues_run_across_cues_and_pauses() {
        let figures = tally(
            &[
                ("A", Some((0, 10)), 20, 0),
                ("A", Some((12, 30)), 30, 1),
                ("B", Some((30, 35)), 5, 1),
                ("A", Some((40, 50)), 15, 0),
                ("B", Some((50, 100)), 80, 0),
            ],
            true,
        );
        let a = &figures.speakers[0];
        assert_eq!(
            (a.seconds, a.words, a.questions, a.turns),
            (Some(38.0), 65, 1, 2)
        );
        assert_eq!(
            a.longest_monologue_seconds,
            Some(30.0),
            "0..30 with a pause"
        );
        assert_eq!(a.longest_monologue_words, 50);
        let b = &figures.speakers[1];
        assert_eq!(
            (b.seconds, b.longest_monologue_seconds),
            (Some(55.0), Some(50.0))
        );
        assert_eq!(a.share, 0.4086);
        let top: Vec<(&str, Option<f64>, usize)> = figures
            .monologues
            .iter()
            .map(|m| (m.speaker.as_str(), m.start_seconds, m.line))
            .collect();
        assert_eq!(
            top,
            [
                ("B", Some(50.0), 5),
                ("A", Some(0.0), 1),
                ("A", Some(40.0), 4)
            ]
        );
        assert_eq!(figures.duration_ms, Some(100_000));
    }

    #[test]
    fn overlap_by_one_speaker_counts_once_and_crosstalk_counts_for_both() {
        let figures = tally(
            &[
                ("A", Some((0, 10)), 1, 0),
                ("A", Some((5, 15)), 1, 0),
                ("B", Some((12, 20)), 1, 0),
            ],
            true,
        );
        assert_eq!(figures.speakers[0].seconds, Some(15.0));
        assert_eq!(figures.speakers[1].seconds, Some(8.0));
    }

    #[test]
    fn without_times_words_stand_in() {
        let figures = tally(
            &[("A", None, 30, 2), ("A", None, 10, 0), ("B", None, 60, 1)],
            false,
        );
        assert!(!figures.timed);
        let a = &figures.speakers[0];
        assert_eq!(
            (a.seconds, a.share, a.longest_monologue_words),
            (None, 0.4, 40)
        );
        assert_eq!(figures.monologues[0].speaker, "B");
        assert_eq!(figures.monologues[0].seconds, None);
        assert_eq!(figures.duration_ms, None);
    }

    #[test]
    fn cues_of_no_length_fall_back_to_words() {
        let figures = tally(
            &[("A", Some((5, 5)), 3, 0), ("B", Some((6, 6)), 1, 0)],
            true,
        );
        assert!(!figures.timed);
        assert_eq!(figures.speakers[0].share, 0.75);
    }

    #[test]
    fn names_and_the_unknown_speaker() {
        let mut tally = Tally::default();
        let unknown = tally.unknown(3).unwrap();
        assert!(!tally.has_named_speaker());
        let alex = tally.intern("Alex  Kim", 4).unwrap();
        assert_eq!(tally.intern("ALEX KIM", 5).unwrap(), alex);
        assert_eq!(tally.name(alex), "Alex Kim");
        assert_eq!(tally.unknown(9).unwrap(), unknown);
        assert_eq!(tally.first_unknown_line, Some(3));
        assert!(tally.has_named_speaker());
        for n in 0..MAX_SPEAKERS - 2 {
            tally.intern(&format!("S{n}"), 10).unwrap();
        }
        assert!(tally.intern("One Too Many", 11).is_err());
    }
}
