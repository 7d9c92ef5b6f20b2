//! Warnings about damaged input, a few of each kind with their line, the
//! rest counted, so a damaged 100 MB file still gives a short list.

use super::Warning;

/// The kinds of warning; each is shown a few times, then counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Encoding,
    NoSpeaker,
    NoTimes,
    BadTiming,
    Backwards,
    OutOfOrder,
    Overlap,
    Crosstalk,
    NotACue,
}

impl Kind {
    /// What the hidden ones are, for the line that counts them.
    fn plural(self) -> &'static str {
        match self {
            Kind::Encoding => "lines with bytes that are not UTF-8",
            Kind::NoSpeaker => "lines with no speaker",
            Kind::NoTimes => "notes about times",
            Kind::BadTiming => "cues whose times cannot be read",
            Kind::Backwards => "cues that end before they start",
            Kind::OutOfOrder => "cues that start before the cue above them",
            Kind::Overlap => "cues that overlap the same speaker's cue before",
            Kind::Crosstalk => "cues that start before another speaker's cue ends",
            Kind::NotACue => "blocks that are not cues",
        }
    }
}

/// Shown for each kind before the rest are only counted.
pub const SHOWN_PER_KIND: usize = 3;

/// Warnings, a few of each kind, so a damaged 100 MB file gives a short list.
#[derive(Default)]
pub struct Warnings {
    shown: Vec<Warning>,
    /// Per kind: how many were seen, and the line of the first not shown.
    counts: Vec<(Kind, usize, usize)>,
}

impl Warnings {
    pub fn push(&mut self, kind: Kind, line: usize, message: impl FnOnce() -> String) {
        let at = match self.counts.iter().position(|(k, _, _)| *k == kind) {
            Some(at) => at,
            None => {
                self.counts.push((kind, 0, 0));
                self.counts.len() - 1
            }
        };
        let (_, seen, first_hidden) = &mut self.counts[at];
        *seen += 1;
        if *seen <= SHOWN_PER_KIND {
            self.shown.push(Warning {
                line,
                message: message(),
            });
        } else if *seen == SHOWN_PER_KIND + 1 {
            *first_hidden = line;
        }
    }

    pub fn finish(mut self) -> Vec<Warning> {
        for (kind, seen, first_hidden) in &self.counts {
            if *seen > SHOWN_PER_KIND {
                self.shown.push(Warning {
                    line: *first_hidden,
                    message: format!(
                        "{} more {}, from this line on (not shown one by one)",
                        seen - SHOWN_PER_KIND,
                        kind.plural()
                    ),
                });
            }
        }
        self.shown.sort_by_key(|w| w.line);
        self.shown
    }
}
