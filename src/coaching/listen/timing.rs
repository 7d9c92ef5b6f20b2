//! Cue timings: `00:01:02.500 --> 00:01:04.000 align:start`, as WebVTT and
//! SRT write them. Times are whole milliseconds, so sums never drift.
//!
//! Accepted, beyond the letter of either format: `,` or `.` before the
//! fraction (SRT uses a comma); hours left out (`01:02.500`, as Zoom and the
//! WebVTT spec allow); one to three fraction digits, or none; any cue settings
//! or SRT coordinates after the end time (ignored); no spaces around `-->`.

/// Milliseconds from the start of the recording.
pub type Ms = u64;

/// The start and end of a cue, or `None` when the line has `-->` but the
/// times around it cannot be read.
pub fn parse_timing(line: &str) -> Option<(Ms, Ms)> {
    let (left, right) = line.split_once("-->")?;
    let start = parse_timestamp(left.trim())?;
    let end_text = right.split_whitespace().next()?;
    let end = parse_timestamp(end_text)?;
    Some((start, end))
}

/// `hh:mm:ss.mmm`, `mm:ss.mmm`, with `,` or `.`; hours may have more digits.
pub fn parse_timestamp(text: &str) -> Option<Ms> {
    let (clock, fraction) = match text.find(['.', ',']) {
        Some(at) => (&text[..at], Some(&text[at + 1..])),
        None => (text, None),
    };
    let mut parts = clock.split(':');
    let (first, second, third) = (parts.next()?, parts.next()?, parts.next());
    if parts.next().is_some() {
        return None;
    }
    let (hours, minutes, seconds) = match third {
        Some(seconds) => (
            number(first, 1, 6)?,
            two_digits(second)?,
            two_digits(seconds)?,
        ),
        None => (0, number(first, 1, 6)?, two_digits(second)?),
    };
    if seconds >= 60 || (third.is_some() && minutes >= 60) {
        return None;
    }
    let millis = match fraction {
        None => 0,
        Some(digits) => {
            let value = number(digits, 1, 3)?;
            value * [100, 10, 1][digits.len() - 1]
        }
    };
    Some(((hours * 60 + minutes) * 60 + seconds) * 1000 + millis)
}

fn two_digits(text: &str) -> Option<u64> {
    number(text, 2, 2)
}

/// A run of `min..=max` ASCII digits.
fn number(text: &str, min: usize, max: usize) -> Option<u64> {
    let ok = (min..=max).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit());
    ok.then(|| text.parse().ok()).flatten()
}

/// `m:ss`, or `h:mm:ss` from an hour up, for people.
pub fn clock(ms: Ms) -> String {
    let total = (ms + 500) / 1000;
    let (hours, minutes, seconds) = (total / 3600, total / 60 % 60, total % 60);
    if hours > 0 {
        format!("{hours}:{minutes:02}:{seconds:02}")
    } else {
        format!("{minutes}:{seconds:02}")
    }
}

/// Seconds as JSON shows them: milliseconds exactly, as a decimal.
pub fn seconds(ms: Ms) -> f64 {
    ms as f64 / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps() {
        let cases: &[(&str, Option<Ms>)] = &[
            ("00:00:01.000", Some(1_000)),
            ("01:02:03.456", Some(3_723_456)),
            ("00:00:00,179", Some(179)),
            ("02:03.456", Some(123_456)),
            ("75:00.000", Some(4_500_000)),
            ("100:00:00.000", Some(360_000_000)),
            ("00:00:01", Some(1_000)),
            ("00:00:01.5", Some(1_500)),
            ("00:00:01.05", Some(1_050)),
            ("0:00:01.000", Some(1_000)),
            ("00:60:00.000", None),
            ("00:00:60.000", None),
            ("00:00:1.000", None),
            ("00:00:01.0000", None),
            ("00:00:01.", None),
            ("00:00:0a.000", None),
            ("1.000", None),
            ("00:00:00:01.000", None),
            ("", None),
            ("-1:00.000", None),
            ("9999999:00:00.000", None),
        ];
        for (text, want) in cases {
            assert_eq!(parse_timestamp(text), *want, "{text:?}");
        }
    }

    #[test]
    fn timing_lines() {
        let cases: &[(&str, Option<(Ms, Ms)>)] = &[
            ("00:00:00.599 --> 00:00:04.069", Some((599, 4_069))),
            ("00:00:00,179 --> 00:00:02,399", Some((179, 2_399))),
            ("00:01.000 --> 00:04.000", Some((1_000, 4_000))),
            (
                "00:00:01.000 --> 00:00:04.000 align:start position:10% line:0",
                Some((1_000, 4_000)),
            ),
            (
                "00:00:01,000 --> 00:00:04,000 X1:40 X2:600",
                Some((1_000, 4_000)),
            ),
            ("00:00:01.000-->00:00:04.000", Some((1_000, 4_000))),
            ("00:00:01.000 --> 00:00:04.000\t", Some((1_000, 4_000))),
            ("00:00:05.000 --> 00:00:01.000", Some((5_000, 1_000))),
            ("00:00:01.000 -->", None),
            ("banana --> 00:00:04.000", None),
            ("00:00:01.000 -> 00:00:04.000", None),
        ];
        for (line, want) in cases {
            assert_eq!(parse_timing(line), *want, "{line:?}");
        }
    }

    #[test]
    fn clocks_for_people() {
        for (ms, want) in [
            (0, "0:00"),
            (59_499, "0:59"),
            (59_500, "1:00"),
            (135_000, "2:15"),
            (3_600_000, "1:00:00"),
            (7_265_000, "2:01:05"),
        ] {
            assert_eq!(clock(ms), want, "{ms}");
        }
    }
}
