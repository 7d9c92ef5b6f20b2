//! The one way a session (or a draft, or a follow-up) is named on the
//! command line. Wherever a command takes one — `show`, `card`,
//! `debrief --prep`, `--resume`, `followups --done` — it accepts the same
//! things, resolved here:
//!
//! - a path to the file (anything with a `/`, or an existing `*.md` file);
//! - `latest` (or nothing, where the name is optional): the newest;
//! - a full id: an exact id always wins, even when it is also the start of
//!   its `-2` sibling's;
//! - a unique prefix of an id.
//!
//! Two or more candidates exit 2 listing them; none exits 66 with the
//! closest id, when one is close.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Something with an id that can be looked up.
pub trait Named {
    fn name(&self) -> &str;
}

impl<T: Named> Named for &T {
    fn name(&self) -> &str {
        (**self).name()
    }
}

/// What a session argument says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Wanted {
    /// The newest.
    Latest,
    /// A file, named by its path.
    Path(PathBuf),
    /// An id, or the start of one.
    Id(String),
}

impl Wanted {
    /// Read an argument: empty or `latest` is the newest; a path is a path
    /// when it has a separator or is an existing file with `extension`;
    /// anything else an id (with a trailing `.extension` dropped).
    pub fn parse(text: &str, extension: &str) -> Wanted {
        let text = text.trim();
        if text.is_empty() || text.eq_ignore_ascii_case("latest") {
            return Wanted::Latest;
        }
        let dotted = format!(".{extension}");
        if text.contains('/') || text.contains(std::path::MAIN_SEPARATOR) {
            return Wanted::Path(PathBuf::from(text));
        }
        if let Some(stem) = text.strip_suffix(&dotted) {
            if Path::new(text).is_file() {
                return Wanted::Path(PathBuf::from(text));
            }
            return Wanted::Id(stem.to_string());
        }
        Wanted::Id(text.to_string())
    }
}

/// How to speak of what is looked up, in messages.
#[derive(Debug, Clone, Copy)]
pub struct Noun {
    /// "session", "prep", "draft", "follow-up".
    pub one: &'static str,
    /// "sessions", "preps", ...
    pub many: &'static str,
    /// Where the user can see the ids: "`coach history` lists them".
    pub hint: &'static str,
    /// What to do when there is none at all: "`coach prep` starts one".
    pub none_yet: &'static str,
}

/// The item of `items` (newest first) that `wanted` names. `Latest` is the
/// first; a path must be resolved by the caller before.
pub fn pick<'a, T: Named>(items: &'a [T], wanted: &Wanted, noun: Noun) -> Result<&'a T> {
    match wanted {
        Wanted::Latest => items
            .first()
            .ok_or_else(|| Error::NotFound(format!("no {} yet; {}", noun.one, noun.none_yet))),
        Wanted::Id(id) => by_id(items, id, noun),
        Wanted::Path(path) => Err(Error::Usage(format!(
            "{} is a path; name the {} by its id",
            path.display(),
            noun.one
        ))),
    }
}

/// The item whose id is exactly `id`, else the only one whose id starts so.
pub fn by_id<'a, T: Named>(items: &'a [T], id: &str, noun: Noun) -> Result<&'a T> {
    // Ids are lower case; a shouted one is the same id.
    let id = id.trim().to_ascii_lowercase();
    let id = id.as_str();
    if id.is_empty() {
        return Err(Error::Usage(format!(
            "name the {}: its id, or a unique prefix of one",
            noun.one
        )));
    }
    if let Some(exact) = items.iter().find(|i| i.name() == id) {
        return Ok(exact);
    }
    let mut matches: Vec<&T> = items
        .iter()
        .filter(|i| !id.is_empty() && i.name().starts_with(id))
        .collect();
    // The same id twice (a copied notes file) is still one.
    let mut ids: Vec<&str> = matches.iter().map(|i| i.name()).collect();
    ids.sort_unstable();
    ids.dedup();
    match ids.len() {
        0 => Err(Error::Unknown {
            what: noun.one,
            wanted: id.to_string(),
            suggestion: closest(id, items.iter().map(Named::name)).map(str::to_owned),
            hint: noun.hint.to_string(),
        }),
        1 => Ok(matches.swap_remove(0)),
        _ => Err(Error::Ambiguous {
            what: noun.many,
            wanted: id.to_string(),
            candidates: ids.into_iter().map(str::to_owned).collect(),
            advice: "give more of the id",
        }),
    }
}

/// The id closest to `typed`, compared whole and by its start (so a typo in
/// a prefix still finds the session), as `text::did_you_mean` judges close;
/// of equally close ones, the shortest (the original before its `-2`).
pub fn closest<'a>(typed: &str, ids: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let mut ids: Vec<&str> = ids.collect();
    ids.sort_by_key(|id| id.len());
    crate::text::did_you_mean_start(typed, ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    struct S(&'static str);
    impl Named for S {
        fn name(&self) -> &str {
            self.0
        }
    }

    const NOUN: Noun = Noun {
        one: "session",
        many: "sessions",
        hint: "`coach history` lists them",
        none_yet: "`coach prep` starts one",
    };

    fn found(items: &[S], text: &str) -> std::result::Result<&'static str, (u8, String)> {
        pick(items, &Wanted::parse(text, "md"), NOUN)
            .map(|s| s.0)
            .map_err(|e| (e.code(), e.to_string()))
    }

    #[test]
    fn exact_ids_win_then_unique_prefixes() {
        let items = [
            S("2026-11-22-1403-jane-smith-prep-2"),
            S("2026-11-22-1403-jane-smith-prep"),
            S("2026-11-20-0900-raj-prep"),
            S("2026-11-20-0900-raj-prep"),
        ];
        assert_eq!(
            found(&items, "2026-11-22-1403-jane-smith-prep"),
            Ok("2026-11-22-1403-jane-smith-prep")
        );
        assert_eq!(
            found(&items, "2026-11-22-1403-jane-smith-prep.md"),
            Ok("2026-11-22-1403-jane-smith-prep")
        );
        assert_eq!(
            found(&items, "latest"),
            Ok("2026-11-22-1403-jane-smith-prep-2")
        );
        assert_eq!(found(&items, ""), Ok("2026-11-22-1403-jane-smith-prep-2"));
        assert_eq!(found(&items, "2026-11-20"), Ok("2026-11-20-0900-raj-prep"));
        let (code, text) = found(&items, "2026-11-22").unwrap_err();
        assert_eq!(code, 2);
        assert!(text.contains("any of 2 sessions"), "{text}");
        assert!(
            text.contains("\n  2026-11-22-1403-jane-smith-prep\n"),
            "{text}"
        );
        let (code, text) = found(&items, "2026-11-22-1430").unwrap_err();
        assert_eq!(code, 66);
        assert!(
            text.contains("did you mean `2026-11-22-1403-jane-smith-prep"),
            "{text}"
        );
        let (code, text) = found(&items, "jane").unwrap_err();
        assert_eq!(code, 66);
        assert!(!text.contains("did you mean"), "{text}");
        assert_eq!(
            found(&[], "latest").unwrap_err(),
            (66, "no session yet; `coach prep` starts one".into())
        );
    }

    #[test]
    fn paths_are_told_from_ids() {
        assert_eq!(Wanted::parse(" Latest ", "md"), Wanted::Latest);
        assert_eq!(
            Wanted::parse("notes/x.md", "md"),
            Wanted::Path(PathBuf::from("notes/x.md"))
        );
        assert_eq!(Wanted::parse("x.md", "md"), Wanted::Id("x".into()));
        assert_eq!(Wanted::parse("x.yaml", "yaml"), Wanted::Id("x".into()));
        assert_eq!(Wanted::parse("2026-11", "md"), Wanted::Id("2026-11".into()));
    }
}
