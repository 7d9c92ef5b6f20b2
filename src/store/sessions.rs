//! Sessions on disk: saving a new one's notes (never over another file) and
//! finding the one a command names, through the one lookup.

use std::path::PathBuf;

use super::Store;
use super::files::{private_dir, read_source, write_back};
use super::lookup::{self, Noun, Wanted};
use super::scan;
use crate::error::{Error, Result};
use crate::playbook::Kind;
use crate::session::Session;
use crate::session::read::front_matter;

impl Store {
    /// Write a new session's notes as `<id>.md`, adding `-2`, `-3`… to the id
    /// rather than replacing a file. `render` gets the final id.
    pub fn save_session(
        &self,
        session: &mut Session,
        render: impl Fn(&Session) -> Result<String>,
    ) -> Result<PathBuf> {
        let dir = &self.notes_dir;
        // A directory that cannot be made is its own error, not a name clash.
        private_dir(dir)?;
        let base = session.id.clone();
        for n in 1..10_000 {
            session.set_id(if n == 1 {
                base.clone()
            } else {
                format!("{base}-{n}")
            });
            let path = dir.join(format!("{}.md", session.id));
            if path.exists() {
                continue;
            }
            match write_back(&path, render(session)?.as_bytes(), false) {
                Ok(()) => return Ok(path),
                Err(e) if e.is_already_exists() => continue,
                Err(e) => return Err(e),
            }
        }
        Err(Error::Other(anyhow::anyhow!(
            "too many sessions named {base} in {}",
            dir.display()
        )))
    }

    /// The session `text` names (a path, `latest`, an id or a unique
    /// prefix), of `kind` when one is given, with the path of its notes.
    pub fn session(&self, text: &str, kind: Option<Kind>) -> Result<(PathBuf, Session)> {
        let noun = match kind {
            None => Noun {
                one: "session",
                many: "sessions",
                hint: "`coach history` lists their ids",
                none_yet: "`coach prep` starts one",
            },
            Some(Kind::Prep) => Noun {
                one: "prep",
                many: "preps",
                hint: "`coach history --kind prep` lists their ids",
                none_yet: "run `coach prep` first",
            },
            Some(Kind::Debrief) => Noun {
                one: "debrief",
                many: "debriefs",
                hint: "`coach history --kind debrief` lists their ids",
                none_yet: "run `coach debrief` after a call",
            },
        };
        if text.trim().is_empty() {
            return Err(Error::Usage(format!(
                "name the {}: its id, a unique prefix of one, `latest`, or the path of its notes",
                noun.one
            )));
        }
        let path = match Wanted::parse(text, "md") {
            Wanted::Path(path) => path,
            wanted => {
                let all = self.heads(|_| true)?;
                super::print_warnings(&all.warnings);
                let of_kind: Vec<&scan::Head> = all
                    .heads
                    .iter()
                    .filter(|h| kind.is_none_or(|k| h.kind == k))
                    .collect();
                match lookup::pick(&of_kind, &wanted, noun) {
                    Ok(head) => head.path.clone(),
                    // Nothing found, and a file coach may not read: that is why.
                    Err(Error::Unknown { .. } | Error::NotFound(_)) if !all.denied.is_empty() => {
                        return Err(all.denied_error().unwrap_or_else(|| {
                            Error::Invalid("a notes file cannot be read".into())
                        }));
                    }
                    Err(err @ Error::Unknown { .. }) => {
                        let Wanted::Id(id) = &wanted else {
                            return Err(err);
                        };
                        // The exact id of a session of another kind says so.
                        if let (Some(k), Some(other)) =
                            (kind, all.heads.iter().find(|h| h.id == *id))
                        {
                            return Err(wrong_kind(id, other.kind, k));
                        }
                        // A notes file by that name that could not be read
                        // says why, rather than "no such session".
                        // (Only a plain file: a symlink there is not followed.)
                        let named = self.notes_dir.join(format!("{id}.md"));
                        let plain = std::fs::symlink_metadata(&named).is_ok_and(|m| m.is_file());
                        if !crate::session::valid_id(id) || !plain {
                            return Err(err);
                        }
                        named
                    }
                    Err(err) => return Err(err),
                }
            }
        };
        let source = read_source(&path)?;
        let session = front_matter(&source).map_err(Error::BadData)?;
        if let Some(k) = kind
            && session.kind != k
        {
            return Err(wrong_kind(&path.display().to_string(), session.kind, k));
        }
        Ok((path, session))
    }
}

fn wrong_kind(what: &str, is: Kind, wanted: Kind) -> Error {
    Error::Usage(format!(
        "{what} is a {} session, not a {}",
        is.as_str(),
        wanted.as_str()
    ))
}
