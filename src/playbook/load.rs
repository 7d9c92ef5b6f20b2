//! A playbook's text turned into a checked [`Playbook`], and what is known
//! of where the text came from. Finding the text along the search path is
//! the store's job (`store::playbooks`); this module never touches the disk.

use std::path::{Path, PathBuf};

use super::model::Playbook;
use super::validate;
use crate::diag::{Diagnostics, Source};
use crate::error::{Error, Result};

/// Where a playbook was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Built into coach.
    Builtin,
    /// The user's own playbook directory.
    User(PathBuf),
    /// A directory of `COACH_PLAYBOOK_PATH` (a team's shared playbooks).
    Team(PathBuf),
    /// A path given on the command line.
    Path(PathBuf),
}

impl Origin {
    /// `built-in`, `user`, `team` or `path`.
    pub fn kind(&self) -> &'static str {
        match self {
            Origin::Builtin => "built-in",
            Origin::User(_) => "user",
            Origin::Team(_) => "team",
            Origin::Path(_) => "path",
        }
    }

    pub fn path(&self) -> Option<&Path> {
        match self {
            Origin::Builtin => None,
            Origin::User(p) | Origin::Team(p) | Origin::Path(p) => Some(p),
        }
    }
}

/// A playbook's text, found but not yet checked.
#[derive(Debug, Clone)]
pub struct Found {
    pub source: Source,
    /// The file name without extension: the id when the file names none.
    pub stem: String,
    pub origin: Origin,
}

impl Found {
    pub fn parse(&self) -> Result<Playbook> {
        parse(&self.source, &self.stem).map_err(Error::BadData)
    }
}

/// Parse and check playbook text.
pub fn parse(source: &Source, stem: &str) -> Result<Playbook, Diagnostics> {
    let tree = crate::yaml::parse(source)?;
    validate::playbook(source, &tree, stem)
}

#[cfg(test)]
mod tests {
    use super::super::builtin;
    use super::*;

    #[test]
    fn every_builtin_loads() {
        for (id, text) in builtin::BUILTIN {
            let source = Source::new(format!("{id}.yaml"), *text);
            let playbook = parse(&source, id).unwrap_or_else(|d| panic!("{d}"));
            assert_eq!(playbook.id, *id);
        }
    }
}
