//! Plain transcripts: one `Name: text` line per turn, no times. A line with no
//! name continues the speaker before it; blank lines are ignored. Each line
//! counts as one cue, so a monologue is a run of lines by one speaker and is
//! measured in words.

use super::spans::CueText;
use super::{Problem, Sink};

#[derive(Default)]
pub struct Plain {
    text: CueText,
    /// Non-blank lines read.
    pub lines: u64,
}

impl Plain {
    pub fn line(&mut self, number: usize, line: &str, sink: &mut Sink) -> Result<(), Problem> {
        if line.trim().is_empty() {
            return Ok(());
        }
        self.lines += 1;
        self.text.line(number, line, &mut sink.tally)?;
        for span in self.text.take() {
            sink.tally
                .utterance(span.speaker, None, span.counts, number);
        }
        Ok(())
    }

    /// The end of the input: a last request without a full stop is asked.
    pub fn finish(&mut self, sink: &mut Sink) {
        self.text.finish(&mut sink.tally);
    }
}
