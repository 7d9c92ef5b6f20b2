//! Lines of a transcript, read one at a time so a 100 MB file needs no more
//! memory than its longest line.
//!
//! Line ends may be LF, CRLF or a lone CR (WebVTT allows all three). A UTF-8
//! byte-order mark at the start is dropped. Bytes that are not UTF-8 are
//! decoded lossily (shown as U+FFFD) and remembered, so the caller can warn
//! once with the first line number. A line longer than [`MAX_LINE`] stops the
//! read: no transcript has one, and reading it whole would break the memory
//! bound.

use std::borrow::Cow;
use std::io::BufRead;

use super::{ListenError, Problem};

/// The longest line read (1 MiB); a caption line is rarely over 200 bytes.
pub const MAX_LINE: usize = 1 << 20;

pub struct Lines<R> {
    reader: R,
    buf: Vec<u8>,
    decoded: String,
    number: usize,
    /// The last line ended in CR: a LF that follows belongs to it.
    after_cr: bool,
    done: bool,
    /// The first line with bytes that are not UTF-8, and how many such lines.
    pub first_invalid: Option<usize>,
    pub invalid_lines: usize,
}

impl<R: BufRead> Lines<R> {
    pub fn new(reader: R) -> Self {
        Lines {
            reader,
            buf: Vec::with_capacity(256),
            decoded: String::new(),
            number: 0,
            after_cr: false,
            done: false,
            first_invalid: None,
            invalid_lines: 0,
        }
    }

    /// The next line and its 1-based number, without its line end.
    pub fn next_line(&mut self) -> Result<Option<(usize, &str)>, ListenError> {
        if self.done {
            return Ok(None);
        }
        self.buf.clear();
        let ended = self.fill_line()?;
        if !ended && self.buf.is_empty() {
            self.done = true;
            return Ok(None);
        }
        self.number += 1;
        if self.number == 1 {
            check_encoding(&self.buf)?;
            if self.buf.starts_with(b"\xEF\xBB\xBF") {
                self.buf.drain(..3);
            }
        }
        let text = match String::from_utf8_lossy(&self.buf) {
            Cow::Borrowed(text) => text,
            Cow::Owned(text) => {
                self.first_invalid.get_or_insert(self.number);
                self.invalid_lines += 1;
                self.decoded = text;
                &self.decoded
            }
        };
        Ok(Some((self.number, text)))
    }

    /// Appends one line's bytes to `buf`; `false` at the end of the input.
    fn fill_line(&mut self) -> Result<bool, ListenError> {
        loop {
            let available = match self.reader.fill_buf() {
                Ok(bytes) => bytes,
                Err(err) if err.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(err) => return Err(ListenError::Io(err)),
            };
            if available.is_empty() {
                return Ok(false);
            }
            let mut start = 0;
            if self.after_cr {
                self.after_cr = false;
                if available[0] == b'\n' {
                    start = 1;
                }
            }
            let rest = &available[start..];
            match rest.iter().position(|&b| b == b'\n' || b == b'\r') {
                Some(at) => {
                    self.after_cr = rest[at] == b'\r';
                    self.buf.extend_from_slice(&rest[..at]);
                    self.reader.consume(start + at + 1);
                    self.check_length()?;
                    return Ok(true);
                }
                None => {
                    self.buf.extend_from_slice(rest);
                    let used = available.len();
                    self.reader.consume(used);
                    self.check_length()?;
                }
            }
        }
    }

    fn check_length(&self) -> Result<(), ListenError> {
        if self.buf.len() > MAX_LINE {
            return Err(ListenError::Bad(Problem::new(
                self.number + 1,
                "this line is longer than 1 MiB, so the file does not look like a transcript",
            )));
        }
        Ok(())
    }
}

/// UTF-16 and UTF-32 files decode to noise as UTF-8; say what they are instead.
fn check_encoding(first: &[u8]) -> Result<(), ListenError> {
    let utf16 = first.starts_with(b"\xFF\xFE") || first.starts_with(b"\xFE\xFF");
    if utf16 {
        return Err(ListenError::Bad(
            Problem::new(1, "the file is UTF-16 text; coach reads UTF-8")
                .help("save the transcript as UTF-8 (most editors offer it under Save As)"),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(bytes: &[u8]) -> (Vec<(usize, String)>, Option<usize>) {
        // A tiny buffer so lines and CRLF pairs straddle buffer boundaries.
        let reader = std::io::BufReader::with_capacity(3, bytes);
        let mut lines = Lines::new(reader);
        let mut out = Vec::new();
        while let Some((n, text)) = lines.next_line().unwrap() {
            out.push((n, text.to_string()));
        }
        (out, lines.first_invalid)
    }

    #[test]
    fn line_ends_bom_and_encoding() {
        // (why, bytes, lines read, first line that is not UTF-8)
        type Case<'a> = (&'a str, &'a [u8], &'a [&'a str], Option<usize>);
        let cases: &[Case] = &[
            ("lf", b"a\nb\n", &["a", "b"], None),
            ("crlf", b"a\r\nb\r\n", &["a", "b"], None),
            ("lone cr", b"a\rb\r", &["a", "b"], None),
            ("no final end", b"a\nb", &["a", "b"], None),
            ("blank lines kept", b"a\n\r\n\nb", &["a", "", "", "b"], None),
            ("bom dropped", b"\xEF\xBB\xBFWEBVTT\r\n", &["WEBVTT"], None),
            (
                "bom only on line 1",
                b"a\n\xEF\xBB\xBFb",
                &["a", "\u{feff}b"],
                None,
            ),
            (
                "latin-1 byte",
                b"ok\ncaf\xE9\nok",
                &["ok", "caf\u{fffd}", "ok"],
                Some(2),
            ),
            ("empty", b"", &[], None),
        ];
        for (name, bytes, want, invalid) in cases {
            let (got, first_invalid) = read_all(bytes);
            let texts: Vec<&str> = got.iter().map(|(_, t)| t.as_str()).collect();
            assert_eq!(&texts, want, "{name}");
            let numbers: Vec<usize> = got.iter().map(|(n, _)| *n).collect();
            assert_eq!(numbers, (1..=want.len()).collect::<Vec<_>>(), "{name}");
            assert_eq!(first_invalid, *invalid, "{name}");
        }
    }

    #[test]
    fn refuses_utf16_and_endless_lines() {
        let mut lines = Lines::new(&b"\xFF\xFEW\0E\0"[..]);
        let Err(ListenError::Bad(problem)) = lines.next_line() else {
            panic!("UTF-16 accepted");
        };
        assert!(problem.message.contains("UTF-16"), "{problem}");

        let long = vec![b'x'; MAX_LINE + 10];
        let mut lines = Lines::new(&long[..]);
        let Err(ListenError::Bad(problem)) = lines.next_line() else {
            panic!("endless line accepted");
        };
        assert_eq!(problem.line, 1);
    }
}
