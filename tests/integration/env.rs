//! A test environment: a temporary `COACH_HOME`, an empty config directory,
//! a fixed clock, no colour and no editor, so runs are reproducible and never
//! touch the real user's files.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

pub const NOW: &str = "2026-11-22T14:03:00+01:00";

pub struct TestEnv {
    pub dir: tempfile::TempDir,
}

impl TestEnv {
    pub fn new() -> Self {
        TestEnv {
            dir: tempfile::tempdir().expect("temporary directory"),
        }
    }

    pub fn home(&self) -> PathBuf {
        self.dir.path().join("home")
    }

    pub fn notes_dir(&self) -> PathBuf {
        self.home().join("sessions")
    }

    /// `coach` with this environment's home, config and clock.
    pub fn coach(&self) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_coach"));
        for (key, value) in self.vars() {
            cmd.env(key, value);
        }
        for key in ["COACH_PLAYBOOK_PATH", "VISUAL", "EDITOR", "CLICOLOR_FORCE"] {
            cmd.env_remove(key);
        }
        cmd
    }

    /// The variables every run gets, for commands built another way (a pty).
    pub fn vars(&self) -> Vec<(&'static str, String)> {
        vec![
            ("COACH_HOME", self.home().display().to_string()),
            (
                "COACH_CONFIG",
                self.dir
                    .path()
                    .join("config/config.yaml")
                    .display()
                    .to_string(),
            ),
            ("COACH_NOW", NOW.to_string()),
            ("NO_COLOR", "1".to_string()),
            ("HOME", self.dir.path().display().to_string()),
        ]
    }

    /// Write a file under the environment's directory and return its path.
    pub fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        path
    }

    /// Replace this environment's paths so output can be snapshotted.
    pub fn redact(&self, text: &str) -> String {
        text.replace(&self.dir.path().display().to_string(), "[TMP]")
    }

    /// The one notes file written so far.
    pub fn only_notes(&self) -> PathBuf {
        let files = self.notes();
        assert_eq!(files.len(), 1, "expected one notes file, found {files:?}");
        files.into_iter().next().unwrap()
    }

    pub fn notes(&self) -> Vec<PathBuf> {
        let Ok(entries) = std::fs::read_dir(self.notes_dir()) else {
            return Vec::new();
        };
        let mut files: Vec<PathBuf> = entries.map(|e| e.unwrap().path()).collect();
        files.sort();
        files
    }
}

/// The repository's fixture directory.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}
