//! A moment as the notes write it: an instant with the offset it was
//! written in (`2026-11-22T14:03:00+01:00`, RFC 3339). Sessions and drafts
//! carry their start as a [`Moment`], so dates are compared as dates and
//! sorted as instants, never cut out of strings.

use std::fmt;
use std::str::FromStr;

use jiff::civil::{Date, DateTime};
use jiff::tz::{Offset, TimeZone};
use jiff::{Timestamp, ZonedDateTime};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Moment {
    at: Timestamp,
    offset: Offset,
}

impl Moment {
    /// `z` to the whole second, in its own offset.
    pub fn of(z: &ZonedDateTime) -> Moment {
        let at = Timestamp::from_second(z.timestamp().as_second()).unwrap_or(z.timestamp());
        Moment {
            at,
            offset: z.offset(),
        }
    }

    pub fn timestamp(&self) -> Timestamp {
        self.at
    }

    /// The wall-clock time where it was written.
    pub fn local(&self) -> DateTime {
        self.offset.to_datetime(self.at)
    }

    /// The calendar day where it was written.
    pub fn date(&self) -> Date {
        self.local().date()
    }

    pub fn zoned(&self) -> ZonedDateTime {
        self.at.to_zoned_datetime(TimeZone::fixed(self.offset))
    }

    /// `2026-11-22 14:03`, for tables and headings.
    pub fn minute(&self) -> String {
        self.local().strftime("%Y-%m-%d %H:%M").to_string()
    }

    /// `2026-11-22-1403`, the start of a session id.
    pub fn id_stamp(&self) -> String {
        self.local().strftime("%Y-%m-%d-%H%M").to_string()
    }
}

impl fmt::Display for Moment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.at.display_with_offset(self.offset))
    }
}

impl FromStr for Moment {
    type Err = String;

    /// RFC 3339 with an offset or `Z`; a bare date or a time without an
    /// offset is refused, since the instant would be a guess.
    fn from_str(text: &str) -> Result<Moment, String> {
        let bad = || {
            format!(
                "`{text}` is not a date and time with an offset, like 2026-11-22T14:03:00+01:00"
            )
        };
        let text = text.trim();
        let at: Timestamp = text.parse().map_err(|_| bad())?;
        let pieces = jiff::fmt::temporal::Pieces::parse(text).map_err(|_| bad())?;
        let offset = pieces.to_numeric_offset().unwrap_or(Offset::UTC);
        Ok(Moment { at, offset })
    }
}

impl PartialOrd for Moment {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// By instant; equal instants by offset, so the order is total.
impl Ord for Moment {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.at, self.offset.seconds()).cmp(&(other.at, other.offset.seconds()))
    }
}

impl Serialize for Moment {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Moment {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moments_keep_their_offset_and_sort_as_instants() {
        let m: Moment = "2026-11-22T14:03:00+01:00".parse().unwrap();
        assert_eq!(m.to_string(), "2026-11-22T14:03:00+01:00");
        assert_eq!(m.minute(), "2026-11-22 14:03");
        assert_eq!(m.id_stamp(), "2026-11-22-1403");
        assert_eq!(m.date(), jiff::civil::date(2026, 11, 22));
        // 23:30 at -05:00 is the next day in UTC, and still the 22nd there.
        let late: Moment = "2026-11-22T23:30:00-05:00".parse().unwrap();
        assert_eq!(late.date(), jiff::civil::date(2026, 11, 22));
        let utc: Moment = "2026-11-23T01:00:00Z".parse().unwrap();
        assert_eq!(utc.to_string(), "2026-11-23T01:00:00+00:00");
        assert!(m < utc && utc < late);
        for bad in ["2026-11-22", "2026-11-22T14:03:00", "yesterday", ""] {
            assert!(bad.parse::<Moment>().is_err(), "{bad}");
        }
        let z = m.zoned();
        assert_eq!(Moment::of(&z), m);
    }
}
