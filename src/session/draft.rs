//! Drafts: an unfinished session, written after every answer so that a crash,
//! a closed terminal, Ctrl-C or `kill -9` loses nothing. `coach prep --resume`
//! (and `coach debrief --resume`)
//! continues a draft; a finished session removes its draft only after the
//! notes file is safely written.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::Answers;
use super::store::{self, Store};
use crate::diag::Source;
use crate::error::{Error, Result};
use crate::flow::Progress;
use crate::playbook::Kind;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    /// The draft's name: its file stem, and the id the notes will get.
    pub id: String,
    pub kind: Kind,
    /// The playbook as it was named: an id on the search path or a path.
    pub playbook: String,
    pub with: String,
    pub account: String,
    /// When the session started, RFC 3339.
    pub started: String,
    pub answers: Answers,
    /// Questions already put to the user, answered or left empty.
    pub asked: Vec<String>,
    /// A debrief's prep, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prep: Option<String>,
    pub coach_version: String,
}

impl Draft {
    pub fn progress(&self) -> Progress {
        Progress {
            answers: self.answers.0.clone(),
            asked: self.asked.clone(),
        }
    }

    pub fn update(&mut self, progress: &Progress) {
        self.answers = Answers(progress.answers.clone());
        self.asked = progress.asked.clone();
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
        store::private_dir(&self.drafts_dir())?;
        for n in 1..10_000 {
            draft.id = if n == 1 {
                base.to_string()
            } else {
                format!("{base}-{n}")
            };
            if self.notes_dir().join(format!("{}.md", draft.id)).exists() {
                continue;
            }
            match store::write_private(&self.draft_path(&draft.id), &render(draft)?, false) {
                Ok(()) => return Ok(()),
                Err(e) if store::already_exists(&e) => continue,
                Err(e) => return Err(e),
            }
        }
        Err(Error::Other(anyhow::anyhow!(
            "too many drafts named {base}"
        )))
    }

    /// Write the draft (atomically, replacing its previous state).
    pub fn save_draft(&self, draft: &Draft) -> Result<()> {
        store::write_private(&self.draft_path(&draft.id), &render(draft)?, true)
    }

    pub fn remove_draft(&self, id: &str) -> Result<()> {
        match std::fs::remove_file(self.draft_path(id)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(Error::from(e)),
            _ => Ok(()),
        }
    }

    /// Every readable draft, newest first; unreadable ones are reported on
    /// stderr and left alone.
    pub fn drafts(&self, kind: Kind) -> Vec<Draft> {
        let Ok(entries) = std::fs::read_dir(self.drafts_dir()) else {
            return Vec::new();
        };
        let mut drafts: Vec<Draft> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
            .filter_map(|p| match read(&p) {
                Ok(d) => Some(d),
                Err(err) => {
                    eprintln!(
                        "warning: skipping a draft that cannot be read:\n{}",
                        err.render()
                    );
                    None
                }
            })
            .filter(|d: &Draft| d.kind == kind)
            .collect();
        drafts.sort_by(|a, b| b.started.cmp(&a.started).then(b.id.cmp(&a.id)));
        drafts
    }

    /// The draft named by `id` (a unique prefix is enough), or the newest one.
    pub fn find_draft(&self, kind: Kind, id: Option<&str>) -> Result<Draft> {
        let drafts = self.drafts(kind);
        if drafts.is_empty() {
            return Err(Error::NotFound(format!(
                "there are no unfinished {} drafts in {}",
                kind.as_str(),
                self.drafts_dir().display()
            )));
        }
        let Some(id) = id else {
            return Ok(drafts.into_iter().next().expect("not empty"));
        };
        let matching: Vec<&Draft> = drafts.iter().filter(|d| d.id.starts_with(id)).collect();
        match matching.as_slice() {
            [one] => Ok((*one).clone()),
            [] => Err(Error::NotFound(format!(
                "no draft `{id}`; unfinished drafts: {}",
                drafts
                    .iter()
                    .map(|d| d.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))),
            many => Err(Error::Usage(format!(
                "`{id}` matches {} drafts: {}; give more of the id",
                many.len(),
                many.iter()
                    .map(|d| d.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))),
        }
    }
}

fn render(draft: &Draft) -> Result<Vec<u8>> {
    serde_saphyr::to_string(draft)
        .map(String::into_bytes)
        .map_err(|e| Error::Other(anyhow::anyhow!("could not write the draft: {e}")))
}

fn read(path: &Path) -> Result<Draft> {
    let source: Source = crate::playbook::load::read_source(path)?;
    serde_saphyr::from_str(&source.text).map_err(|e| {
        Error::Invalid(format!(
            "{}: {}",
            path.display(),
            e.render_with_formatter(&serde_saphyr::UserMessageFormatter)
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::playbook::Answer;

    fn draft(id: &str, started: &str) -> Draft {
        Draft {
            id: id.into(),
            kind: Kind::Prep,
            playbook: "discovery".into(),
            with: "Jane".into(),
            account: String::new(),
            started: started.into(),
            answers: Answers(vec![("objective".into(), Answer::Text("Learn".into()))]),
            asked: vec!["objective".into(), "upfront_contract".into()],
            prep: None,
            coach_version: "0".into(),
        }
    }

    #[test]
    fn drafts_round_trip_and_are_found_by_prefix_or_age() {
        let tmp = tempfile::tempdir().unwrap();
        let store = Store {
            home: tmp.path().to_path_buf(),
        };
        let old = draft("2026-11-20-0900-jane-prep", "2026-11-20T09:00:00+01:00");
        let new = draft("2026-11-22-1403-jane-prep", "2026-11-22T14:03:00+01:00");
        store.save_draft(&old).unwrap();
        store.save_draft(&new).unwrap();
        assert_eq!(store.find_draft(Kind::Prep, None).unwrap(), new);
        assert_eq!(
            store.find_draft(Kind::Prep, Some("2026-11-20")).unwrap(),
            old
        );
        assert_eq!(
            store
                .find_draft(Kind::Prep, Some("2026-11"))
                .unwrap_err()
                .code(),
            2
        );
        assert_eq!(
            store
                .find_draft(Kind::Prep, Some("1999"))
                .unwrap_err()
                .code(),
            66
        );
        std::fs::write(store.drafts_dir().join("broken.yaml"), "id: [").unwrap();
        assert_eq!(store.drafts(Kind::Prep).len(), 2);
        store.remove_draft(&new.id).unwrap();
        assert_eq!(store.find_draft(Kind::Prep, None).unwrap(), old);
        let mut again = old.clone();
        store
            .claim_draft(&mut again, "2026-11-20-0900-jane-prep")
            .unwrap();
        assert_eq!(again.id, "2026-11-20-0900-jane-prep-2");
        assert_eq!(
            store
                .find_draft(Kind::Prep, Some("2026-11-20-0900-jane-prep"))
                .unwrap_err()
                .code(),
            2
        );
    }
}
