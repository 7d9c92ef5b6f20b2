//! Drafts: an unfinished session, written after every answer so that a crash,
//! a closed terminal, Ctrl-C or `kill -9` loses nothing. `coach prep --resume`
//! (and `coach debrief --resume`) continues a draft; a finished session
//! removes its draft only after the notes file is safely written. This is the
//! record; `store::drafts` keeps it on disk.

use serde::{Deserialize, Serialize};

use super::{Answers, Moment};
use crate::flow::Progress;
use crate::playbook::Kind;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    /// The draft's name: its file stem, and the id the notes will get.
    pub id: String,
    pub kind: Kind,
    /// The playbook's id (never a path: one given by path is given again
    /// with `--playbook` to resume).
    pub playbook: String,
    pub with: String,
    pub account: String,
    /// When the session started.
    pub started: Moment,
    pub answers: Answers,
    /// Questions already put to the user, answered or left empty.
    pub asked: Vec<String>,
    /// A debrief's prep, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prep: Option<String>,
    /// A prep's meeting, from `--invite`: when, and who else is in it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub call_at: Option<crate::session::Moment>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<String>,
    /// The meeting's own title (the invite's `SUMMARY`), for the notes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    pub coach_version: String,
    /// The file the playbook was read from, when it was given by path: said
    /// in the command that resumes, never written to or read from a draft.
    #[serde(skip)]
    pub playbook_file: Option<std::path::PathBuf>,
}

impl Draft {
    pub fn progress(&self) -> Progress {
        Progress {
            answers: self.answers.0.clone(),
            asked: self.asked.clone(),
        }
    }

    /// The command that continues this draft.
    pub fn resume_command(&self) -> String {
        let mut command = format!("coach {} --resume {}", self.kind.as_str(), self.id);
        if let Some(file) = &self.playbook_file {
            let file = file.display().to_string();
            let plain = file
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "/._-+:@".contains(c));
            if plain {
                command.push_str(&format!(" --playbook {file}"));
            } else {
                command.push_str(&format!(" --playbook '{}'", file.replace('\'', "'\\''")));
            }
        }
        command
    }

    pub fn update(&mut self, progress: &Progress) {
        self.answers = Answers(progress.answers.clone());
        self.asked = progress.asked.clone();
    }
}
