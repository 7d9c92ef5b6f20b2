//! The store: coach's one edge to the disk, the environment and the clock.
//!
//! [`Store::open`] resolves, once, everything a command needs from its
//! surroundings — the data home, the config file and what it says, the
//! notes and drafts directories, the playbook search path and "now" — into
//! plain values. The rest of coach takes them from here; nothing below the
//! store reads the environment or the disk itself, and nothing the store
//! uses imports it back.
//!
//! - [`env`]: the snapshot of environment variables and terminals;
//! - [`files`]: the bounded read and the atomic, private write;
//! - [`scan`]: the fast reader of many notes files;
//! - [`lookup`]: the one way a session, draft or follow-up is named (a
//!   person is matched by `crate::people`, with the names read here);
//! - [`drafts`], [`done_log`], [`playbooks`]: drafts, the follow-ups' done
//!   log and the playbook search path on disk.

pub mod done_log;
pub mod drafts;
pub mod env;
pub mod files;
pub mod invites;
pub mod lookup;
pub mod playbooks;
pub mod scan;
pub mod sessions;
pub mod transcripts;

use std::path::{Path, PathBuf};

use jiff::ZonedDateTime;

pub use env::Env;
pub use scan::{Head, Scan};

use crate::cli::ColorChoice;
use crate::config::{self, Config, Origin};
use crate::error::{Error, Result};
use crate::people;
use crate::playbook::Kind;
use crate::session::Session;

/// Where coach keeps and finds things, what the config file says, and the
/// clock, for one run.
#[derive(Debug, Clone)]
pub struct Store {
    /// The data root (`--home`, `COACH_HOME`, else the platform data directory).
    pub home: PathBuf,
    pub home_origin: Origin,
    /// Where session notes live (the config's `notes_dir`, else `<home>/sessions`).
    pub notes_dir: PathBuf,
    pub notes_origin: Origin,
    /// The config file's path and who chose it; `None` without a config directory.
    pub config_file: Option<(PathBuf, Origin)>,
    /// Whether the config file exists (a missing one means the defaults).
    pub config_found: bool,
    /// What the config file says.
    pub config: Config,
    /// The directory holding the config file (and the user's `playbooks/`).
    pub config_dir: Option<PathBuf>,
    /// The playbook search path: `COACH_PLAYBOOK_PATH`, then the user's own directory.
    pub playbook_dirs: Vec<PathBuf>,
    /// The user's own playbook directory: `playbooks/` in the config directory.
    pub user_playbooks: Option<PathBuf>,
    env: Env,
    clock: Clock,
}

/// "Now": fixed by `COACH_NOW`, or the system clock.
#[derive(Debug, Clone)]
enum Clock {
    Fixed(ZonedDateTime),
    System,
}

impl Store {
    /// Resolve the places, read the config file and set the clock. A broken
    /// config file or `COACH_NOW` is reported here, before anything is done.
    pub fn open(home_flag: Option<PathBuf>, env: Env) -> Result<Store> {
        let config_file = match &env.config {
            Some(file) => Some((file.clone(), Origin::Environment("COACH_CONFIG"))),
            None => env
                .config_dir
                .as_ref()
                .map(|d| (d.join("coach").join("config.yaml"), Origin::Default)),
        };
        let config_dir = config_file
            .as_ref()
            .and_then(|(f, _)| f.parent().map(Path::to_path_buf));
        let (config, config_found) = match &config_file {
            Some((path, _)) => read_config(path, env.user_home.as_deref())?,
            None => (Config::default(), false),
        };
        let (home, home_origin) = match (home_flag.filter(|h| !h.as_os_str().is_empty()), &env.home)
        {
            (Some(flag), _) => (flag, Origin::Flag("--home")),
            (None, Some(var)) => (var.clone(), Origin::Environment("COACH_HOME")),
            (None, None) => match &env.data_dir {
                Some(data) => (data.join("coach"), Origin::Default),
                None => {
                    return Err(Error::Usage(
                        "cannot find your home directory; set COACH_HOME".into(),
                    ));
                }
            },
        };
        let home =
            std::path::absolute(&home).map_err(|e| Error::io("use as coach's home", &home, e))?;
        let (notes_dir, notes_origin) = match &config.notes_dir {
            Some(dir) => (dir.clone(), Origin::File),
            None => (home.join("sessions"), Origin::Default),
        };
        let user_playbooks = config_dir.as_ref().map(|c| c.join("playbooks"));
        let mut playbook_dirs = env.playbook_dirs();
        playbook_dirs.extend(user_playbooks.clone());
        let clock = match &env.now {
            Some(text) => Clock::Fixed(parse_now(text.trim()).ok_or_else(|| {
                Error::Usage(format!(
                    "COACH_NOW is `{text}`, not an RFC 3339 time like 2026-11-22T14:03:00+01:00"
                ))
            })?),
            None => Clock::System,
        };
        Ok(Store {
            home,
            home_origin,
            notes_dir,
            notes_origin,
            config_file,
            config_found,
            config,
            config_dir,
            playbook_dirs,
            user_playbooks,
            env,
            clock,
        })
    }

    /// A store rooted at `home` with nothing else set: no config file, the
    /// system clock. For tests and benchmarks.
    pub fn at(home: impl Into<PathBuf>) -> Store {
        let env = Env {
            home: Some(home.into()),
            ..Env::default()
        };
        Store::open(None, env).expect("a store with only a home opens")
    }

    /// The environment this store was opened with.
    pub fn env(&self) -> &Env {
        &self.env
    }

    /// Scratch space for drafts and for text handed to an editor.
    pub fn drafts_dir(&self) -> PathBuf {
        self.home.join("drafts")
    }

    /// "Now", in the offset of `COACH_NOW` or the system's time zone.
    pub fn now(&self) -> ZonedDateTime {
        match &self.clock {
            Clock::Fixed(z) => z.clone(),
            Clock::System => ZonedDateTime::now(),
        }
    }

    /// The editor for long answers and new playbooks, and where it was set.
    pub fn editor(&self) -> Option<(String, Origin)> {
        config::editor(
            self.env.visual.as_deref(),
            self.env.editor.as_deref(),
            self.config.editor.as_deref(),
        )
    }

    /// Whether to colour output, given the `--color` flag.
    pub fn color(&self, flag: ColorChoice) -> (ColorChoice, Origin) {
        config::color(
            flag,
            self.env.no_color,
            self.env.clicolor_force,
            self.config.color,
        )
    }

    /// Whether a prep walks every question (config `depth: full`), and where
    /// that came from; `--full` says so for one prep.
    pub fn full_walk(&self) -> (bool, Origin) {
        match self.config.full {
            Some(full) => (full, Origin::File),
            None => (false, Origin::Default),
        }
    }

    /// The prep playbook used without `--playbook`.
    pub fn default_playbook(&self) -> (&str, Origin) {
        match &self.config.default_playbook {
            Some(name) => (name, Origin::File),
            None => (crate::playbook::builtin::DEFAULT_PREP, Origin::Default),
        }
    }

    /// The heads of the notes files `keep` accepts, newest first.
    pub fn heads(&self, keep: impl Fn(&Head) -> bool + Sync) -> Result<Scan> {
        scan::scan(&self.notes_dir, keep)
    }

    /// The sessions whose heads `keep` accepts, newest first, parsed in full,
    /// with a warning line for each file skipped on the way. Only the kept
    /// files are parsed, so finding a person's latest prep among years of
    /// notes stays quick.
    pub fn sessions(&self, keep: impl Fn(&Head) -> bool + Sync) -> Result<Loaded> {
        let scan = self.heads(keep)?;
        let (found, mut warnings) = scan::load_with(&scan.heads, None, |h, s| (h.path.clone(), s));
        warnings.splice(0..0, scan.warnings);
        Ok(Loaded { found, warnings })
    }

    /// Check that `path` may take an export: never inside coach's home or
    /// notes directory (where it could replace a session or the done log),
    /// however the path is spelled (`..`, symlinked or missing directories);
    /// never a directory, device or FIFO; an existing file only with `force`.
    pub fn export_target(&self, path: &Path, force: bool) -> Result<()> {
        let resolved = resolved(path);
        let own = [&self.notes_dir, &self.home]
            .into_iter()
            .find(|dir| resolved.starts_with(self::resolved(dir)));
        if let Some(dir) = own {
            return Err(Error::Usage(format!(
                "{} is inside coach's own files ({}); write the export somewhere else",
                path.display(),
                dir.display()
            )));
        }
        match std::fs::symlink_metadata(path) {
            Ok(meta) if meta.is_dir() => Err(Error::Usage(format!(
                "{} is a directory; name the file to write, like {}/sessions.csv",
                path.display(),
                path.display()
            ))),
            Ok(meta) if !meta.is_file() => Err(Error::Usage(format!(
                "{} is not a regular file (a link, device or FIFO); coach replaces only files",
                path.display()
            ))),
            Ok(_) if !force => Err(Error::Usage(format!(
                "{} already exists; coach does not replace it unless you add --force",
                path.display()
            ))),
            _ => Ok(()),
        }
    }

    /// Everyone the notes name as a counterpart, newest first.
    pub fn people(&self) -> Result<Vec<String>> {
        let scan = self.heads(|h| !h.with.trim().is_empty())?;
        Ok(scan.heads.into_iter().map(|h| h.with).collect())
    }

    /// Every account the notes name, newest first.
    pub fn accounts(&self) -> Result<Vec<String>> {
        let scan = self.heads(|h| !h.account.trim().is_empty())?;
        Ok(scan.heads.into_iter().map(|h| h.account).collect())
    }

    /// Every session at `account` (matched as one name), newest first, read
    /// in full, with a warning line for each file skipped.
    pub fn account_sessions(&self, account: &str) -> Result<Loaded> {
        self.sessions(|h| !account.trim().is_empty() && people::same(&h.account, account))
    }

    /// The account of the latest session with `with` (matched as one
    /// person) that names one: where a later conversation with them is.
    pub fn account_of(&self, with: &str) -> Result<Option<String>> {
        let scan = self.heads(|h| !h.account.trim().is_empty() && people::same(&h.with, with))?;
        Ok(scan.heads.into_iter().next().map(|h| h.account))
    }

    /// The latest session of `kind` with `with` (matched as one person).
    /// Only the newest is parsed in full (the next, if it is broken).
    pub fn latest(&self, kind: Kind, with: &str) -> Result<Option<(PathBuf, Session)>> {
        let scan = self.heads(|h| h.kind == kind && people::same(&h.with, with))?;
        let (found, warnings) = scan::load_with(&scan.heads, Some(1), |h, s| (h.path.clone(), s));
        print_warnings(&scan.warnings);
        print_warnings(&warnings);
        match (found.into_iter().next(), scan.denied_error()) {
            // None readable, and one coach may not read: that is why.
            (None, Some(denied)) => Err(denied),
            (found, _) => Ok(found),
        }
    }
}

/// Sessions read in full, newest first, and the files skipped on the way.
#[derive(Debug, Default)]
pub struct Loaded {
    pub found: Vec<(PathBuf, Session)>,
    pub warnings: Vec<String>,
}

impl Loaded {
    /// Name each skipped file on stderr, one line each.
    pub fn print_warnings(&self) {
        print_warnings(&self.warnings);
    }
}

/// Warnings about files, one line each on stderr, made safe to print.
pub fn print_warnings(warnings: &[String]) {
    for warning in warnings {
        crate::note!("{}", crate::text::printable_line(warning));
    }
}

/// Where `path` really is: absolute, each `..` applied, and every part that
/// exists resolved through its symlinks, so a path through a directory that
/// does not exist yet is judged by where it will land.
fn resolved(path: &Path) -> PathBuf {
    use std::path::Component;
    let whole = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = PathBuf::new();
    for part in whole.components() {
        match part {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => {
                out.push(other);
                if let Ok(real) = std::fs::canonicalize(&out) {
                    out = real;
                }
            }
        }
    }
    out
}

/// The config file's values, and whether it exists.
fn read_config(path: &Path, user_home: Option<&Path>) -> Result<(Config, bool)> {
    match std::fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok((Config::default(), false));
        }
        _ => {}
    }
    let source = files::read_source(path)?;
    let config = config::parse(&source, user_home).map_err(Error::BadData)?;
    Ok((config, true))
}

fn parse_now(text: &str) -> Option<ZonedDateTime> {
    let moment: crate::session::Moment = text.parse().ok()?;
    Some(moment.zoned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_come_from_flag_environment_then_platform() {
        let tmp = tempfile::tempdir().unwrap();
        let env = Env {
            home: Some(tmp.path().join("env-home")),
            data_dir: Some(tmp.path().join("data")),
            config_dir: Some(tmp.path().join("config")),
            playbook_path: Some(std::env::join_paths(["/team/a", "", "/team/b"]).unwrap()),
            now: Some("2026-11-22T14:03:00+01:00".into()),
            ..Env::default()
        };
        let store = Store::open(Some(tmp.path().join("flag")), env.clone()).unwrap();
        assert_eq!(store.home, tmp.path().join("flag"));
        assert_eq!(store.home_origin, Origin::Flag("--home"));
        assert_eq!(store.notes_dir, tmp.path().join("flag/sessions"));
        let config = tmp.path().join("config/coach");
        assert_eq!(store.config_dir.as_deref(), Some(config.as_path()));
        assert_eq!(
            store.playbook_dirs,
            [
                PathBuf::from("/team/a"),
                PathBuf::from("/team/b"),
                config.join("playbooks")
            ]
        );
        assert_eq!(
            store.now().strftime("%Y-%m-%dT%H:%M:%S%:z").to_string(),
            "2026-11-22T14:03:00+01:00"
        );
        let store = Store::open(None, env.clone()).unwrap();
        assert_eq!(store.home_origin, Origin::Environment("COACH_HOME"));
        let platform = Env {
            home: None,
            ..env.clone()
        };
        assert_eq!(
            Store::open(None, platform).unwrap().home,
            tmp.path().join("data/coach")
        );
        let bad_now = Env {
            now: Some("yesterday".into()),
            ..env
        };
        let err = Store::open(None, bad_now).unwrap_err();
        assert_eq!(err.code(), crate::error::code::USAGE);
    }

    #[test]
    fn the_config_file_is_read_once_with_its_places() {
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("c/config.yaml");
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, "notes_dir: /srv/notes\neditor: nano\n").unwrap();
        let env = Env {
            home: Some(tmp.path().join("h")),
            config: Some(file.clone()),
            visual: Some("code --wait".into()),
            ..Env::default()
        };
        let store = Store::open(None, env.clone()).unwrap();
        assert!(store.config_found);
        assert_eq!(store.notes_dir, PathBuf::from("/srv/notes"));
        assert_eq!(store.notes_origin, Origin::File);
        assert_eq!(
            store.editor(),
            Some(("code --wait".into(), Origin::Environment("VISUAL")))
        );
        assert_eq!(store.user_playbooks, Some(tmp.path().join("c/playbooks")));
        std::fs::write(&file, "notes_dir: relative\n").unwrap();
        let err = Store::open(None, env.clone()).unwrap_err();
        assert_eq!(err.code(), crate::error::code::BAD_DATA);
        std::fs::remove_file(&file).unwrap();
        let store = Store::open(None, env).unwrap();
        assert!(!store.config_found);
        assert_eq!(store.notes_dir, tmp.path().join("h/sessions"));
    }
}
