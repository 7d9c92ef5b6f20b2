//! Finding a playbook by name or path along the search path, and reading it.
//!
//! Search order (DESIGN.md section 4): an explicit path, the directories of
//! `COACH_PLAYBOOK_PATH`, the config directory's `playbooks/`, then the
//! playbooks built into the binary. A user file with a built-in's id wins.

use std::path::{Path, PathBuf};

use super::Store;
use super::files::{read_source, write_private};
use crate::diag::Source;
use crate::error::{Error, Result};
use crate::playbook::Playbook;
use crate::playbook::builtin;
use crate::playbook::load::{Found, Origin};
use crate::text::did_you_mean;

impl Store {
    /// Find and load a playbook by name or path.
    pub fn playbook(&self, arg: &str) -> Result<Playbook> {
        self.locate_playbook(arg)?.parse()
    }

    /// Find and load a playbook by its id only, never a path: for a name
    /// read from a file (a session's `playbook:`), so no path comes from
    /// content.
    pub fn playbook_by_id(&self, id: &str) -> Result<Playbook> {
        let is_id = !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !is_id {
            return Err(Error::Invalid(format!(
                "`{}` is not a playbook id (letters a-z, digits and `-`)",
                crate::text::printable_line(id)
            )));
        }
        self.playbook(id)
    }

    /// Find a playbook's text by name or path, without checking it.
    pub fn locate_playbook(&self, arg: &str) -> Result<Found> {
        let dirs = &self.playbook_dirs;
        if looks_like_path(arg) {
            let path = PathBuf::from(arg);
            // A device or directory there is refused by the reader, saying so.
            if !path.exists() {
                return Err(Error::NotFound(format!(
                    "no playbook file at {}",
                    path.display()
                )));
            }
            return read_found(&path, Origin::Path(path.clone()));
        }
        // One rule, the catalog's too: directories in search order; in each,
        // the file named `<id>.yaml` that is that id, then the first file
        // (by name) that declares it, then a file of that name whatever it
        // declares.
        for dir in dirs {
            // Anything by that name is read, so a device or FIFO there is
            // refused, saying so, rather than passed over.
            let named = ["yaml", "yml"]
                .iter()
                .map(|ext| dir.join(format!("{arg}.{ext}")))
                .find(|p| std::fs::symlink_metadata(p).is_ok());
            if let Some(path) = &named
                && declared_id(path).is_none_or(|id| id == arg)
            {
                return read_found(path, self.origin_of(path));
            }
            for path in yaml_files(dir)? {
                if declared_id(&path).as_deref() == Some(arg) {
                    return read_found(&path, self.origin_of(&path));
                }
            }
            if let Some(path) = &named {
                return read_found(path, self.origin_of(path));
            }
        }
        if let Some(text) = builtin::get(arg) {
            return Ok(builtin_found(arg, text));
        }
        let mut names: Vec<String> = builtin::BUILTIN
            .iter()
            .map(|(n, _)| n.to_string())
            .collect();
        for dir in dirs {
            names.extend(yaml_files(dir)?.iter().filter_map(|p| stem(p)));
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

    /// Every playbook on the search path, first the files in search order, then
    /// the built-ins; a later one whose id is already taken is marked as hidden.
    pub fn playbook_catalog(&self) -> Vec<(Found, Result<Playbook>, bool)> {
        let mut out: Vec<(Found, Result<Playbook>, bool)> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut files = Vec::new();
        for dir in &self.playbook_dirs {
            match yaml_files(dir) {
                Ok(mut found) => {
                    // The file named as its id first, as `locate_playbook` takes it.
                    found.sort_by_key(|p| declared_id(p).is_some_and(|id| Some(id) != stem(p)));
                    files.extend(found)
                }
                Err(err) => {
                    crate::note!("warning: {}", crate::text::printable_line(&err.to_string()))
                }
            }
        }
        let found: Vec<Result<Found>> = files
            .iter()
            .map(|p| read_found(p, self.origin_of(p)))
            .chain(
                builtin::BUILTIN
                    .iter()
                    .map(|(id, text)| Ok(builtin_found(id, text))),
            )
            .collect();
        for item in found {
            let found = match item {
                Ok(found) => found,
                // A file that cannot be read is named, not hidden.
                Err(err) => {
                    crate::note!(
                        "warning: skipped a playbook: {}",
                        crate::text::printable(&err.render())
                    );
                    continue;
                }
            };
            let parsed = found.parse();
            let id = parsed.as_ref().map_or(found.stem.clone(), |p| p.id.clone());
            let hidden = !seen.insert(id);
            out.push((found, parsed, hidden));
        }
        out
    }

    /// Write a new playbook `<name>.yaml` into the user's own directory,
    /// never over one that is there, with the JSON Schema its modeline
    /// points at (`../schema/`) beside the directory; the new file's path.
    pub fn create_playbook(&self, name: &str, text: &str) -> Result<PathBuf> {
        let dir = self.user_playbooks.clone().ok_or_else(|| {
            Error::Usage("cannot find your config directory; set COACH_CONFIG".into())
        })?;
        for ext in ["yaml", "yml"] {
            let existing = dir.join(format!("{name}.{ext}"));
            if existing.exists() {
                return Err(Error::Other(anyhow::anyhow!(
                    "{} already exists; coach never overwrites a playbook. Edit that file, or choose another name",
                    existing.display()
                )));
            }
        }
        let path = dir.join(format!("{name}.yaml"));
        // The modeline says `../schema/playbook.schema.json`, as in a team's
        // checkout (`playbooks/` beside `schema/`): the schema is written
        // there beside the user's folder too, so the file works in both.
        let schema = self
            .config_dir
            .as_ref()
            .map(|c| c.join("schema").join("playbook.schema.json"));
        write_private(&path, text.as_bytes(), false)?;
        if let Some(schema) = &schema {
            if let Some(dir) = schema.parent() {
                super::files::private_dir(dir)?;
            }
            write_private(
                schema,
                crate::playbook::model::schema_text().as_bytes(),
                true,
            )?;
        }
        Ok(path)
    }

    /// The user's own directory, or a team's.
    fn origin_of(&self, path: &Path) -> Origin {
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        if self.user_playbooks.as_ref() == Some(&dir) {
            Origin::User(path.to_path_buf())
        } else {
            Origin::Team(path.to_path_buf())
        }
    }
}

fn builtin_found(id: &str, text: &str) -> Found {
    Found {
        source: Source::new(format!("<built-in>/{id}.yaml"), text),
        stem: id.to_string(),
        origin: Origin::Builtin,
    }
}

/// Whether a `--playbook` argument names a file rather than an id.
pub fn looks_like_path(arg: &str) -> bool {
    arg.contains(std::path::MAIN_SEPARATOR)
        || arg.contains('/')
        || arg.ends_with(".yaml")
        || arg.ends_with(".yml")
}

fn read_found(path: &Path, origin: Origin) -> Result<Found> {
    Ok(Found {
        source: read_source(path)?,
        stem: stem(path).unwrap_or_default(),
        origin,
    })
}

/// The `*.yaml` and `*.yml` files of a playbook directory, sorted; none
/// when it does not exist, an error when it cannot be read.
fn yaml_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io("read the playbook directory", dir, e)),
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .filter(|e| !super::files::remove_if_stale_temp(e))
        .map(|e| e.path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml")))
        .collect();
    files.sort();
    Ok(files)
}

fn stem(path: &Path) -> Option<String> {
    path.file_stem().and_then(|s| s.to_str()).map(str::to_owned)
}

/// The id a file declares in a top-level `id: NAME` line, by a cheap look
/// before a full parse; none when it has none (or cannot be read).
fn declared_id(path: &Path) -> Option<String> {
    let source = read_source(path).ok()?;
    source.text.lines().find_map(|line| {
        let rest = line.strip_prefix("id:")?;
        let id = rest
            .split('#')
            .next()
            .unwrap_or("")
            .trim()
            .trim_matches(['"', '\'']);
        Some(id.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_names_suggest_the_closest() {
        let tmp = tempfile::tempdir().unwrap();
        let err = Store::at(tmp.path()).playbook("discovry").unwrap_err();
        assert_eq!(err.code(), 66);
        assert!(
            err.to_string().contains("did you mean `discovery`?"),
            "{err}"
        );
    }
}
