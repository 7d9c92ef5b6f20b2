//! The filters `history`, `stats` and `export` share, checked once at the
//! edge and then applied to each session's head (its top-level keys), so a
//! session that does not match is never parsed in full.

use jiff::civil::Date;

use super::dates::parse_day;
use crate::cli::Filters;
use crate::error::{Error, Result};
use crate::people::NameFilter;
use crate::playbook::Kind;
use crate::store::Head;

/// Validated filters: names folded once, dates as dates.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    pub with: Option<NameFilter>,
    pub account: Option<NameFilter>,
    pub kind: Option<Kind>,
    pub playbook: Option<String>,
    /// First and last day, inclusive.
    pub since: Option<Date>,
    pub until: Option<Date>,
}

impl Filter {
    pub fn new(f: &Filters, today: Date) -> Result<Filter> {
        let name = |s: &Option<String>| s.as_deref().and_then(NameFilter::new);
        let day = |s: &Option<String>| -> Result<Option<Date>> {
            s.as_deref().map(|s| parse_day(s, today)).transpose()
        };
        let (since, until) = (day(&f.since)?, day(&f.until)?);
        if let (Some(s), Some(u)) = (since, until)
            && s > u
        {
            return Err(Error::Usage(format!(
                "--since {s} is after --until {u}: no session can match"
            )));
        }
        let kind = match f.kind.as_deref() {
            None => None,
            Some("prep") => Some(Kind::Prep),
            Some("debrief") => Some(Kind::Debrief),
            Some(other) => {
                return Err(Error::Usage(format!(
                    "--kind is `prep` or `debrief`, not `{other}`"
                )));
            }
        };
        Ok(Filter {
            with: name(&f.with),
            account: name(&f.account),
            kind,
            playbook: f
                .playbook
                .as_deref()
                .map(|p| p.trim().to_lowercase())
                .filter(|p| !p.is_empty()),
            since,
            until,
        })
    }

    /// Whether a session with this head passes every filter. Names match
    /// a part of the name (see `store::people`), the playbook by its whole
    /// name, and the date by the session's own calendar day.
    pub fn keeps(&self, h: &Head) -> bool {
        let has =
            |field: &str, want: &Option<NameFilter>| want.as_ref().is_none_or(|w| w.matches(field));
        let day = h.date.date();
        has(&h.with, &self.with)
            && has(&h.account, &self.account)
            && self.kind.is_none_or(|k| k == h.kind)
            && self
                .playbook
                .as_deref()
                .is_none_or(|p| h.playbook.trim().to_lowercase() == p)
            && self.since.is_none_or(|s| day >= s)
            && self.until.is_none_or(|u| day <= u)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head(with: &str, account: &str, kind: Kind, playbook: &str, date: &str) -> Head {
        Head {
            path: "x.md".into(),
            id: "x".into(),
            kind,
            playbook: playbook.into(),
            with: with.into(),
            account: account.into(),
            date: date.parse().unwrap(),
            prep: None,
        }
    }

    fn filters(pairs: &[(&str, &str)]) -> Filters {
        let mut f = Filters::default();
        for (k, v) in pairs {
            let v = Some(v.to_string());
            match *k {
                "with" => f.with = v,
                "account" => f.account = v,
                "kind" => f.kind = v,
                "playbook" => f.playbook = v,
                "since" => f.since = v,
                "until" => f.until = v,
                _ => unreachable!(),
            }
        }
        f
    }

    #[test]
    fn filters_keep_what_they_name() {
        let today: Date = "2026-11-22".parse().unwrap();
        let jane = head(
            "Jane Smith",
            "Acme Corp",
            Kind::Prep,
            "discovery",
            "2026-11-22T14:03:00+01:00",
        );
        let zoe = head(
            "Zoë Ünal",
            "Überbau GmbH",
            Kind::Debrief,
            "debrief",
            "2026-11-15T09:00:00-05:00",
        );
        type Case<'a> = (&'a [(&'a str, &'a str)], bool, bool);
        let cases: &[Case] = &[
            (&[], true, true),
            (&[("with", "jane")], true, false),
            (&[("with", "SMITH")], true, false),
            (&[("with", "zoë")], false, true),
            (&[("with", "ZOË ü")], false, true),
            (&[("account", "acme")], true, false),
            (&[("account", "überbau")], false, true),
            (&[("kind", "debrief")], false, true),
            (&[("kind", "prep")], true, false),
            (&[("playbook", "Discovery")], true, false),
            (&[("playbook", "disc")], false, false),
            (&[("since", "2026-11-16")], true, false),
            (&[("since", "7d")], true, true),
            (&[("since", "6d")], true, false),
            (&[("until", "2026-11-15")], false, true),
            (&[("until", "yesterday")], false, true),
            (
                &[("since", "2026-11-15"), ("until", "2026-11-15")],
                false,
                true,
            ),
            (&[("since", "today"), ("with", "jane")], true, false),
            (&[("since", "today"), ("with", "zoe")], false, false),
        ];
        for (pairs, keeps_jane, keeps_zoe) in cases {
            let f = Filter::new(&filters(pairs), today).unwrap();
            assert_eq!(f.keeps(&jane), *keeps_jane, "jane {pairs:?}");
            assert_eq!(f.keeps(&zoe), *keeps_zoe, "zoe {pairs:?}");
        }
    }

    #[test]
    fn bad_filters_are_usage_errors() {
        let today: Date = "2026-11-22".parse().unwrap();
        for pairs in [
            &[("since", "tomorrow")][..],
            &[("until", "2026-13-01")],
            &[("since", "2026-11-20"), ("until", "2026-11-19")],
            &[("kind", "call")],
        ] {
            let err = Filter::new(&filters(pairs), today).unwrap_err();
            assert_eq!(err.code(), crate::error::code::USAGE, "{pairs:?}");
        }
    }
}
