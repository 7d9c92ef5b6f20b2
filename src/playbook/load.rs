//! Finding a playbook by name or path along the search path, and reading it.
//!
//! Search order (DESIGN.md section 4): an explicit path, the directories of
//! `COACH_PLAYBOOK_PATH`, the config directory's `playbooks/`, then the
//! playbooks built into the binary. A user file with a built-in's id wins.

use std::path::{Path, PathBuf};

use super::builtin;
use super::model::Playbook;
use super::validate;
use crate::diag::{Diagnostic, Diagnostics, Loc, Source};
use crate::error::{Error, Result};
use crate::text::did_you_mean;

/// The directories searched for playbooks, in order: the team directories of
/// `COACH_PLAYBOOK_PATH`, then the user's own.
pub fn search_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::env::var_os("COACH_PLAYBOOK_PATH")
        .map(|v| {
            std::env::split_paths(&v)
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        })
        .unwrap_or_default();
    dirs.extend(user_dir());
    dirs
}

/// The user's own playbook directory: `playbooks/` in the config directory.
pub fn user_dir() -> Option<PathBuf> {
    crate::session::store::config_dir().map(|c| c.join("playbooks"))
}

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
    fn of_file(path: &Path) -> Origin {
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        if user_dir().is_some_and(|u| u == dir) {
            Origin::User(path.to_path_buf())
        } else {
            Origin::Team(path.to_path_buf())
        }
    }

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

fn looks_like_path(arg: &str) -> bool {
    arg.contains(std::path::MAIN_SEPARATOR)
        || arg.contains('/')
        || arg.ends_with(".yaml")
        || arg.ends_with(".yml")
}

/// Find and load a playbook by name or path.
pub fn find(arg: &str, dirs: &[PathBuf]) -> Result<Playbook> {
    locate(arg, dirs)?.parse()
}

/// Find a playbook's text by name or path, without checking it.
pub fn locate(arg: &str, dirs: &[PathBuf]) -> Result<Found> {
    if looks_like_path(arg) {
        let path = PathBuf::from(arg);
        if !path.is_file() {
            return Err(Error::NotFound(format!(
                "no playbook file at {}",
                path.display()
            )));
        }
        return read_found(&path, Origin::Path(path.clone()));
    }
    for dir in dirs {
        for ext in ["yaml", "yml"] {
            let path = dir.join(format!("{arg}.{ext}"));
            if path.is_file() {
                return read_found(&path, Origin::of_file(&path));
            }
        }
    }
    for dir in dirs {
        for path in yaml_files(dir) {
            if declares_id(&path, arg) {
                return read_found(&path, Origin::of_file(&path));
            }
        }
    }
    if let Some(text) = builtin::get(arg) {
        return Ok(Found {
            source: Source::new(format!("<built-in>/{arg}.yaml"), text),
            stem: arg.to_string(),
            origin: Origin::Builtin,
        });
    }
    let mut names: Vec<String> = builtin::BUILTIN
        .iter()
        .map(|(n, _)| n.to_string())
        .collect();
    for dir in dirs {
        names.extend(yaml_files(dir).iter().filter_map(|p| stem(p)));
    }
    let mut message = format!("no playbook named `{arg}`");
    if let Some(close) = did_you_mean(arg, names.iter().map(String::as_str)) {
        message.push_str(&format!("; did you mean `{close}`?"));
    }
    message.push_str(&format!(
        "\n  known playbooks: {}\n  searched: {}",
        names.join(", "),
        if dirs.is_empty() {
            "the built-in playbooks".to_string()
        } else {
            let shown: Vec<String> = dirs.iter().map(|d| d.display().to_string()).collect();
            format!("{}, then the built-in playbooks", shown.join(", "))
        }
    ));
    Err(Error::NotFound(message))
}

fn read_found(path: &Path, origin: Origin) -> Result<Found> {
    Ok(Found {
        source: read_source(path)?,
        stem: stem(path).unwrap_or_default(),
        origin,
    })
}

/// Every playbook on the search path, first the files in search order, then
/// the built-ins; a later one whose id is already taken is marked as hidden.
pub fn catalog(dirs: &[PathBuf]) -> Vec<(Found, Result<Playbook>, bool)> {
    let mut out: Vec<(Found, Result<Playbook>, bool)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let files = dirs.iter().flat_map(|d| yaml_files(d));
    let found: Vec<Result<Found>> = files
        .map(|p| {
            let origin = Origin::of_file(&p);
            read_found(&p, origin)
        })
        .chain(builtin::BUILTIN.iter().map(|(id, text)| {
            Ok(Found {
                source: Source::new(format!("<built-in>/{id}.yaml"), *text),
                stem: id.to_string(),
                origin: Origin::Builtin,
            })
        }))
        .collect();
    for item in found {
        let Ok(found) = item else { continue };
        let parsed = found.parse();
        let id = parsed.as_ref().map_or(found.stem.clone(), |p| p.id.clone());
        let hidden = !seen.insert(id);
        out.push((found, parsed, hidden));
    }
    out
}

fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml")))
        .collect();
    files.sort();
    files
}

fn stem(path: &Path) -> Option<String> {
    path.file_stem().and_then(|s| s.to_str()).map(str::to_owned)
}

/// A cheap look for a top-level `id: NAME` line, before a full parse.
fn declares_id(path: &Path, id: &str) -> bool {
    std::fs::read_to_string(path).is_ok_and(|text| {
        text.lines().any(|line| {
            line.strip_prefix("id:")
                .map(|rest| {
                    rest.split('#')
                        .next()
                        .unwrap_or("")
                        .trim()
                        .trim_matches(['"', '\''])
                        == id
                })
                .unwrap_or(false)
        })
    })
}

/// Read a hand-edited text file: size-limited, and UTF-8 or a diagnostic that
/// points at the first bad byte.
pub fn read_source(path: &Path) -> Result<Source> {
    let name = path.display().to_string();
    let meta =
        std::fs::metadata(path).map_err(|e| Error::NotFound(format!("cannot read {name}: {e}")))?;
    if meta.len() > crate::yaml::MAX_FILE_BYTES as u64 {
        let mut d = Diagnostics::default();
        d.push(Diagnostic::new(
            &Source::new(name.clone(), ""),
            Loc::default(),
            format!(
                "the file is {} bytes; coach reads files of at most {} bytes",
                meta.len(),
                crate::yaml::MAX_FILE_BYTES
            ),
        ));
        return Err(Error::BadData(d));
    }
    let bytes =
        std::fs::read(path).map_err(|e| Error::NotFound(format!("cannot read {name}: {e}")))?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Source::new(name, text)),
        Err(err) => {
            let good = &err.as_bytes()[..err.utf8_error().valid_up_to()];
            let good = String::from_utf8_lossy(good);
            let line = good.matches('\n').count() + 1;
            let col = good.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            let text = String::from_utf8_lossy(err.as_bytes()).into_owned();
            let source = Source::new(name, text);
            let mut d = Diagnostics::default();
            d.push(
                Diagnostic::new(
                    &source,
                    Loc::new(line, col, 1),
                    "the file is not valid UTF-8",
                )
                .help("save the file as UTF-8 text"),
            );
            Err(Error::BadData(d))
        }
    }
}

/// Parse and check playbook text.
pub fn parse(source: &Source, stem: &str) -> Result<Playbook, Diagnostics> {
    let tree = crate::yaml::parse(source)?;
    validate::playbook(source, &tree, stem)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_loads() {
        for (id, text) in builtin::BUILTIN {
            let source = Source::new(format!("{id}.yaml"), *text);
            let playbook = parse(&source, id).unwrap_or_else(|d| panic!("{d}"));
            assert_eq!(playbook.id, *id);
        }
    }

    #[test]
    fn unknown_names_suggest_the_closest() {
        let err = find("discovry", &[]).unwrap_err();
        assert_eq!(err.code(), 66);
        assert!(
            err.to_string().contains("did you mean `discovery`?"),
            "{err}"
        );
    }
}
