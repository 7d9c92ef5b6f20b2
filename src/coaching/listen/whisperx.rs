//! WhisperX JSON: `{"segments": [{"start": 0.0, "end": 4.2, "text": "…",
//! "speaker": "SPEAKER_00"}, …], …}`. The segments are read one at a time as
//! the file streams past (serde's visitor, never the whole document), so a
//! 100 MB file needs little memory; everything else in the file (word
//! timings, the language) is skipped unread.

use std::cell::Cell;
use std::fmt;
use std::io::{BufRead, Read};
use std::rc::Rc;

use serde::Deserialize;
use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::timing::Ms;
use super::warnings::Kind;
use super::words::{Counter, Counts};
use super::{Problem, Sink};

/// Whether the text `reader` holds starts like a JSON document (after a
/// byte-order mark and blanks), looked at without reading it.
pub fn looks_like_json<R: BufRead>(reader: &mut R) -> std::io::Result<bool> {
    let buf = reader.fill_buf()?;
    let buf = buf.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(buf);
    Ok(buf.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{'))
}

/// Read the segments into `sink`; how many there were.
pub fn read<R: Read>(reader: R, sink: &mut Sink) -> Result<u64, Problem> {
    let line = Rc::new(Cell::new(1));
    let counting = Counting {
        inner: reader,
        line: line.clone(),
        bom: true,
    };
    let mut de = serde_json::Deserializer::from_reader(counting);
    let mut segments = 0;
    let top = Top {
        sink,
        line: &line,
        segments: &mut segments,
    };
    de.deserialize_map(top).map_err(|e| {
        let at = if e.line() > 0 { e.line() } else { line.get() };
        Problem::new(at, format!("not WhisperX JSON: {e}")).help(
            "coach reads WhisperX's JSON output: an object whose `segments` list holds \
             `{\"start\", \"end\", \"text\", \"speaker\"}`",
        )
    })?;
    de.end()
        .map_err(|e| Problem::new(e.line(), format!("not WhisperX JSON: {e}")))?;
    Ok(segments)
}

/// Counts line ends as serde reads, so a segment's problem can name its line.
struct Counting<R> {
    inner: R,
    line: Rc<Cell<usize>>,
    bom: bool,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let mut n = self.inner.read(buf)?;
        if self.bom && n >= 3 && buf.starts_with(b"\xEF\xBB\xBF") {
            buf.copy_within(3..n, 0);
            n -= 3;
        }
        self.bom = false;
        let ends = buf[..n].iter().filter(|b| **b == b'\n').count();
        self.line.set(self.line.get() + ends);
        Ok(n)
    }
}

struct Top<'s, 'l> {
    sink: &'s mut Sink,
    line: &'l Rc<Cell<usize>>,
    segments: &'s mut u64,
}

impl<'de> Visitor<'de> for Top<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object with `segments`")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            if key == "segments" {
                map.next_value_seed(Segments {
                    sink: &mut *self.sink,
                    line: self.line,
                    segments: &mut *self.segments,
                })?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(())
    }
}

struct Segments<'s, 'l> {
    sink: &'s mut Sink,
    line: &'l Rc<Cell<usize>>,
    segments: &'s mut u64,
}

impl<'de> DeserializeSeed<'de> for Segments<'_, '_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

#[derive(Deserialize)]
struct Segment {
    start: Option<f64>,
    end: Option<f64>,
    #[serde(default)]
    text: String,
    speaker: Option<String>,
}

impl<'de> Visitor<'de> for Segments<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of segments")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        use serde::de::Error;
        while let Some(segment) = seq.next_element::<Segment>()? {
            let line = self.line.get();
            *self.segments += 1;
            let speaker = match &segment.speaker {
                Some(name) if !name.trim().is_empty() => self.sink.tally.intern(name, line),
                _ => self.sink.tally.unknown(line),
            }
            .map_err(|p| A::Error::custom(p.message))?;
            let mut counts = Counts::default();
            let mut counter = Counter::default();
            counter.feed(&segment.text, &mut counts);
            counter.boundary(&mut counts);
            counter.end_sentence();
            for asked in counter.asked {
                self.sink.tally.asked(speaker, asked);
            }
            let ms = |s: f64| (s.is_finite() && s >= 0.0).then(|| (s * 1000.0).round() as Ms);
            let time = match (segment.start.and_then(ms), segment.end.and_then(ms)) {
                (Some(start), Some(end)) if end >= start => Some((start, end)),
                (Some(_), Some(_)) => {
                    self.sink.warnings.push(Kind::Backwards, line, || {
                        "this segment ends before it starts; its time is not counted".to_string()
                    });
                    None
                }
                _ => None,
            };
            self.sink.tally.utterance(speaker, time, counts, line);
        }
        Ok(())
    }
}
