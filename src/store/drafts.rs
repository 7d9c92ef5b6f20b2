//! Drafts on disk: `$COACH_HOME/drafts/<id>.yaml`, one an unfinished
//! session, written atomically after every answer. A draft is claimed
//! without a race (its first write never replaces a file), found by the one
//! lookup (`latest`, id, prefix or path), and removed only once its notes
//! are written. A draft whose `id` is not a session id (edited by hand into
//! `../x`, say) is refused, so no path is built from a file's content.

use std::path::{Path, PathBuf};

use super::Store;
use super::files::{private_dir, read_source, remove, remove_if_stale_temp, write_back};
use super::lookup::{self, Named, Noun, Wanted};
use crate::error::{Error, Result};
use crate::playbook::Kind;
use crate::session::draft::Draft;
use crate::session::valid_id;

impl Named for Draft {
    fn name(&self) -> &str {
        &self.id
    }
}

impl Store {
    fn draft_path(&self, id: &str) -> PathBuf {
        self.drafts_dir().join(format!("{id}.yaml"))
    }

    /// Give `draft` an id of its own, `base` or `base-2`, `base-3`…, used by no
    /// session and no other draft, and write it. The first write never
    /// replaces a file, so two coach processes started in the same minute
    /// for the same person cannot share a draft.
    pub fn claim_draft(&self, draft: &mut Draft, base: &str) -> Result<()> {
        private_dir(&self.drafts_dir())?;
        for n in 1..10_000 {
            draft.id = if n == 1 {
                base.to_string()
            } else {
                format!("{base}-{n}")
            };
            if self.notes_dir.join(format!("{}.md", draft.id)).exists() {
                continue;
            }
            match write_back(&self.draft_path(&draft.id), &render(draft)?, false) {
                Ok(()) => return Ok(()),
                Err(e) if e.is_already_exists() => continue,
                Err(e) => return Err(e),
            }
        }
        Err(Error::Other(anyhow::anyhow!(
            "too many drafts named {base}"
        )))
    }

    /// Write the draft (atomically, replacing its previous state).
    pub fn save_draft(&self, draft: &Draft) -> Result<()> {
        write_back(&self.draft_path(&draft.id), &render(draft)?, true)
    }

    pub fn remove_draft(&self, id: &str) -> Result<()> {
        remove(&self.draft_path(id))
    }

    /// Every readable draft of `kind`, newest first, and a warning line for
    /// each one that cannot be read (it is left alone).
    pub fn drafts(&self, kind: Kind) -> (Vec<Draft>, Vec<String>) {
        match self.every_draft() {
            Ok((mut drafts, warnings)) => {
                drafts.retain(|d| d.kind == kind);
                (drafts, warnings)
            }
            Err(err) => (Vec::new(), vec![format!("warning: {err}")]),
        }
    }

    /// Every draft, newest first, and the warnings; none when there is no
    /// drafts directory, an error when it cannot be read.
    fn every_draft(&self) -> Result<(Vec<Draft>, Vec<String>)> {
        let dir = self.drafts_dir();
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok((Vec::new(), Vec::new()));
            }
            Err(e) => return Err(Error::io("read the drafts directory", &dir, e)),
        };
        let mut warnings = Vec::new();
        let mut drafts: Vec<Draft> = entries
            .filter_map(|e| e.ok())
            .filter(|e| !remove_if_stale_temp(e))
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
            .filter_map(|p| match read(&p) {
                Ok(d) => Some(d),
                Err(err) => {
                    warnings.push(format!(
                        "warning: skipping a draft that cannot be read: {}",
                        err.render()
                    ));
                    None
                }
            })
            .collect();
        drafts.sort_by(|a, b| (b.started, &b.id).cmp(&(a.started, &a.id)));
        Ok((drafts, warnings))
    }

    /// The draft of `kind` that `text` names: empty or `latest` for the
    /// newest, an id, a unique prefix, or the path of a draft file.
    pub fn draft(&self, kind: Kind, text: &str) -> Result<Draft> {
        let (every, warnings) = self.every_draft()?;
        super::print_warnings(&warnings);
        let noun = Noun {
            one: match kind {
                Kind::Prep => "prep draft",
                Kind::Debrief => "debrief draft",
            },
            many: "drafts",
            hint: "`coach prep --resume` and `coach debrief --resume` continue the newest",
            none_yet: "nothing is unfinished",
        };
        let wanted = match Wanted::parse(text, "yaml") {
            Wanted::Path(path) => Wanted::Id(self.draft_id_of(&path)?),
            other => other,
        };
        let (drafts, others): (Vec<Draft>, Vec<Draft>) =
            every.into_iter().partition(|d| d.kind == kind);
        match lookup::pick(&drafts, &wanted, noun) {
            Ok(draft) => Ok(draft.clone()),
            // A draft of the other kind says how to continue it.
            Err(err @ (Error::Unknown { .. } | Error::NotFound(_))) => {
                let other = match &wanted {
                    Wanted::Id(id) => others.iter().find(|d| d.id == id.to_ascii_lowercase()),
                    _ => None,
                };
                Err(match other {
                    Some(d) => Error::Usage(format!(
                        "{} is a {} draft; continue it with `coach {} --resume {}`",
                        d.id,
                        d.kind.as_str(),
                        d.kind.as_str(),
                        d.id
                    )),
                    None => err,
                })
            }
            Err(err) => Err(err),
        }
    }

    /// The id of the draft file at `path`, which must be in the drafts directory.
    fn draft_id_of(&self, path: &Path) -> Result<String> {
        let dir = std::path::absolute(self.drafts_dir()).unwrap_or_else(|_| self.drafts_dir());
        let inside = std::path::absolute(path)
            .ok()
            .and_then(|p| p.parent().map(|d| d == dir))
            .unwrap_or(false);
        match path.file_stem().and_then(|s| s.to_str()) {
            Some(stem) if inside => Ok(stem.to_string()),
            _ => Err(Error::Usage(format!(
                "{} is not a draft in {}; coach resumes only its own drafts",
                path.display(),
                dir.display()
            ))),
        }
    }
}

/// Text handed to the editor is kept in the drafts directory, private to
/// the user, until it is read back.
impl crate::prompt::editor::Scratch for Store {
    fn write_scratch(&self, name: &str, text: &str) -> Result<PathBuf> {
        let path = self
            .drafts_dir()
            .join(format!("{name}-{}.md", std::process::id()));
        write_back(&path, text.as_bytes(), true)?;
        Ok(path)
    }

    fn take_scratch(&self, path: &Path) -> Result<String> {
        let text = read_source(path)
            .map_err(|e| {
                Error::Other(anyhow::anyhow!(
                    "{e}; your text is kept in {}",
                    path.display()
                ))
            })?
            .text;
        remove(path)?;
        Ok(text)
    }
}

fn render(draft: &Draft) -> Result<Vec<u8>> {
    serde_saphyr::to_string(draft)
        .map(String::into_bytes)
        .map_err(|e| Error::Other(anyhow::anyhow!("could not write the draft: {e}")))
}

fn read(path: &Path) -> Result<Draft> {
    let source = read_source(path)?;
    let draft: Draft = serde_saphyr::from_str(&source.text).map_err(|e| {
        Error::Invalid(format!(
            "{}: {}",
            path.display(),
            e.render_with_formatter(&serde_saphyr::UserMessageFormatter)
        ))
    })?;
    // The file's own name locates it: an id that is not a session id, or
    // not the file's name, is refused, so no path is built from content.
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    if !valid_id(&draft.id) || draft.id != stem {
        return Err(Error::Invalid(format!(
            "{}: the draft's id `{}` is not its file's name `{stem}`; restore it (letters a-z, digits and `-`)",
            path.display(),
            crate::text::printable_line(&draft.id)
        )));
    }
    Ok(draft)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::playbook::Answer;
    use crate::session::Answers;

    fn draft(id: &str, started: &str) -> Draft {
        Draft {
            id: id.into(),
            kind: Kind::Prep,
            playbook: "discovery".into(),
            with: "Jane".into(),
            account: String::new(),
            started: started.parse().unwrap(),
            answers: Answers(vec![("objective".into(), Answer::Text("Learn".into()))]),
            asked: vec!["objective".into(), "upfront_contract".into()],
            prep: None,
            call_at: None,
            participants: Vec::new(),
            title: None,
            coach_version: "0".into(),
            playbook_file: None,
        }
    }

    #[test]
    fn drafts_round_trip_and_are_found_by_prefix_or_age() {
        let tmp = tempfile::tempdir().unwrap();
        let store = Store::at(tmp.path());
        let old = draft("2026-11-20-0900-jane-prep", "2026-11-20T09:00:00+01:00");
        let new = draft("2026-11-22-1403-jane-prep", "2026-11-22T14:03:00+01:00");
        store.save_draft(&old).unwrap();
        store.save_draft(&new).unwrap();
        let find = |text: &str| store.draft(Kind::Prep, text);
        assert_eq!(find("").unwrap(), new);
        assert_eq!(find("latest").unwrap(), new);
        assert_eq!(find("2026-11-20").unwrap(), old);
        let path = store.drafts_dir().join("2026-11-20-0900-jane-prep.yaml");
        assert_eq!(find(&path.display().to_string()).unwrap(), old);
        assert_eq!(find("/elsewhere/x.yaml").unwrap_err().code(), 2);
        assert_eq!(find("2026-11").unwrap_err().code(), 2);
        assert_eq!(find("1999").unwrap_err().code(), 66);
        let mut debrief = new.clone();
        debrief.id = "2026-11-21-0900-jane-debrief".into();
        debrief.kind = Kind::Debrief;
        store.save_draft(&debrief).unwrap();
        let other = find("2026-11-21-0900-jane-debrief").unwrap_err();
        assert_eq!(other.code(), 2);
        assert!(
            other
                .to_string()
                .contains("coach debrief --resume 2026-11-21-0900-jane-debrief"),
            "{other}"
        );
        std::fs::write(store.drafts_dir().join("broken.yaml"), "id: [").unwrap();
        let mut evil = old.clone();
        evil.id = "../../victim".into();
        std::fs::write(
            store.drafts_dir().join("evil.yaml"),
            serde_saphyr::to_string(&evil).unwrap(),
        )
        .unwrap();
        let (found, warnings) = store.drafts(Kind::Prep);
        assert_eq!(found.len(), 2);
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(
            warnings
                .iter()
                .any(|w| w.contains("is not its file's name")),
            "{warnings:?}"
        );
        store.remove_draft(&new.id).unwrap();
        assert_eq!(find("").unwrap(), old);
        let mut again = old.clone();
        store
            .claim_draft(&mut again, "2026-11-20-0900-jane-prep")
            .unwrap();
        assert_eq!(again.id, "2026-11-20-0900-jane-prep-2");
        // The exact id still wins over its `-2` sibling.
        assert_eq!(find("2026-11-20-0900-jane-prep").unwrap(), old);
        assert_eq!(find("2026-11-20-0900-jane-prep-").unwrap().id, again.id);
    }
}
