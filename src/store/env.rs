//! The environment coach reads, captured once when a command starts: the
//! `COACH_*` variables, the editor and colour variables, the platform's
//! directories (XDG on Linux and macOS) and which streams are terminals.
//!
//! Nothing else in coach calls `std::env`: every value reaches the code that
//! needs it through [`Env`] and the [`Store`](super::Store) made from it, so a
//! test can hand in any environment it likes.

use std::ffi::OsString;
use std::io::IsTerminal;
use std::path::PathBuf;

use etcetera::BaseStrategy;

/// A snapshot of everything coach reads from its surroundings.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Env {
    /// `COACH_HOME`: the data root.
    pub home: Option<PathBuf>,
    /// `COACH_CONFIG`: the config file.
    pub config: Option<PathBuf>,
    /// `COACH_PLAYBOOK_PATH`: extra playbook directories, as the variable holds them.
    pub playbook_path: Option<OsString>,
    /// `COACH_NOW`: a fixed "now", RFC 3339.
    pub now: Option<String>,
    /// `VISUAL`, then `EDITOR`.
    pub visual: Option<String>,
    pub editor: Option<String>,
    /// `NO_COLOR` is set (to anything but the empty string).
    pub no_color: bool,
    /// `CLICOLOR_FORCE` is set to something other than `0`.
    pub clicolor_force: bool,
    /// The platform's data and config directories, and the user's home.
    pub data_dir: Option<PathBuf>,
    pub config_dir: Option<PathBuf>,
    pub user_home: Option<PathBuf>,
    /// Which standard streams are terminals.
    pub stdin_tty: bool,
    pub stdout_tty: bool,
    pub stderr_tty: bool,
}

impl Env {
    /// Read the process environment.
    pub fn capture() -> Env {
        let os = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
        let text = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        let base = etcetera::choose_base_strategy().ok();
        Env {
            home: os("COACH_HOME").map(PathBuf::from),
            config: os("COACH_CONFIG").map(PathBuf::from),
            playbook_path: os("COACH_PLAYBOOK_PATH"),
            now: text("COACH_NOW"),
            visual: text("VISUAL"),
            editor: text("EDITOR"),
            no_color: os("NO_COLOR").is_some(),
            clicolor_force: std::env::var("CLICOLOR_FORCE")
                .is_ok_and(|v| !v.is_empty() && v != "0"),
            data_dir: base.as_ref().map(|b| b.data_dir()),
            config_dir: base.as_ref().map(|b| b.config_dir()),
            user_home: etcetera::home_dir().ok(),
            stdin_tty: std::io::stdin().is_terminal(),
            stdout_tty: std::io::stdout().is_terminal(),
            stderr_tty: std::io::stderr().is_terminal(),
        }
    }

    /// The directories of `COACH_PLAYBOOK_PATH`, in order.
    pub fn playbook_dirs(&self) -> Vec<PathBuf> {
        self.playbook_path
            .as_deref()
            .map(|v| {
                std::env::split_paths(v)
                    .filter(|p| !p.as_os_str().is_empty())
                    .collect()
            })
            .unwrap_or_default()
    }
}
