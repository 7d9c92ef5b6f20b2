//! The user's configuration file (`COACH_CONFIG`, else
//! `~/.config/coach/config.yaml`): `notes_dir`, `default_playbook`, `me`,
//! `editor` and `color`. Every key is optional; a missing file means the
//! defaults. The file is read like a playbook, through the located YAML tree,
//! so an unknown key or a bad value is reported with `file:line:col` and a
//! did-you-mean.
//!
//! Precedence, everywhere: flag > environment > file > default. Each effective
//! value carries its [`Origin`] so `coach config` can say where it came from.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use etcetera::BaseStrategy;

use crate::cli::ColorChoice;
use crate::diag::{Diagnostic, Diagnostics, Source};
use crate::error::{Error, Result};
use crate::text::{did_you_mean, one_of};
use crate::yaml::{Node, Value};

/// The keys a config file may hold, in the order `coach config` shows them.
pub const KEYS: [&str; 5] = ["notes_dir", "default_playbook", "me", "editor", "color"];

/// Where an effective value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Default,
    File,
    /// The variable's name.
    Environment(&'static str),
    /// The flag, as typed.
    Flag(&'static str),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Default => f.write_str("default"),
            Origin::File => f.write_str("file"),
            Origin::Environment(var) => write!(f, "environment: {var}"),
            Origin::Flag(flag) => write!(f, "flag: {flag}"),
        }
    }
}

/// What the config file says; `None` where it says nothing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    /// The config file's path, and whether `COACH_CONFIG` chose it.
    pub path: PathBuf,
    pub path_origin: Option<Origin>,
    /// Whether the file exists (a missing file means the defaults).
    pub found: bool,
    pub notes_dir: Option<PathBuf>,
    pub default_playbook: Option<String>,
    pub me: Option<String>,
    pub editor: Option<String>,
    pub color: Option<ColorChoice>,
}

/// The config file's path: `COACH_CONFIG`, else `config.yaml` in the
/// platform config directory (`~/.config/coach` on Linux and macOS).
pub fn file_path() -> Option<(PathBuf, Origin)> {
    if let Some(file) = std::env::var_os("COACH_CONFIG").filter(|v| !v.is_empty()) {
        return Some((PathBuf::from(file), Origin::Environment("COACH_CONFIG")));
    }
    let dir = etcetera::choose_base_strategy().ok()?.config_dir();
    Some((dir.join("coach").join("config.yaml"), Origin::Default))
}

/// The configuration of this run, read once. A broken file is an error for
/// every command that needs a configured value.
pub fn current() -> Result<&'static Config> {
    match CURRENT.get_or_init(|| load().map_err(Cached::from)) {
        Ok(config) => Ok(config),
        Err(Cached::Bad(diags)) => Err(Error::BadData(diags.clone())),
        Err(Cached::Other(message)) => Err(Error::Invalid(message.clone())),
    }
}

/// The config file's notes directory, when [`current`] has read it (as
/// `Store::open` does). A store made by hand, in tests, keeps the default.
pub fn loaded_notes_dir() -> Option<&'static Path> {
    match CURRENT.get() {
        Some(Ok(config)) => config.notes_dir.as_deref(),
        _ => None,
    }
}

static CURRENT: OnceLock<std::result::Result<Config, Cached>> = OnceLock::new();

/// An error kept for every later caller of [`current`].
enum Cached {
    Bad(Diagnostics),
    Other(String),
}

impl From<Error> for Cached {
    fn from(err: Error) -> Self {
        match err {
            Error::BadData(d) => Cached::Bad(d),
            other => Cached::Other(other.to_string()),
        }
    }
}

/// Read the config file from disk (no caching).
pub fn load() -> Result<Config> {
    let Some((path, origin)) = file_path() else {
        return Ok(Config::default());
    };
    let base = Config {
        path: path.clone(),
        path_origin: Some(origin),
        ..Config::default()
    };
    if !path.exists() {
        return Ok(base);
    }
    let source = crate::playbook::load::read_source(&path)?;
    let config = parse(&source).map_err(Error::BadData)?;
    Ok(Config {
        found: true,
        ..config.with_path(path, origin)
    })
}

impl Config {
    fn with_path(mut self, path: PathBuf, origin: Origin) -> Config {
        self.path = path;
        self.path_origin = Some(origin);
        self
    }

    /// The notes directory: the file's `notes_dir`, else `<home>/sessions`.
    pub fn notes_dir(&self, home: &Path) -> (PathBuf, Origin) {
        match &self.notes_dir {
            Some(dir) => (dir.clone(), Origin::File),
            None => (home.join("sessions"), Origin::Default),
        }
    }

    /// The prep playbook used without `--playbook`.
    pub fn default_playbook(&self) -> (&str, Origin) {
        match &self.default_playbook {
            Some(name) => (name, Origin::File),
            None => (crate::playbook::builtin::DEFAULT_PREP, Origin::Default),
        }
    }

    /// The editor: `VISUAL`, `EDITOR`, then the file's `editor`.
    pub fn editor(&self) -> Option<(String, Origin)> {
        for var in ["VISUAL", "EDITOR"] {
            if let Ok(value) = std::env::var(var)
                && !value.trim().is_empty()
            {
                return Some((value, Origin::Environment(var)));
            }
        }
        self.editor.clone().map(|e| (e, Origin::File))
    }

    /// Colour: a `--color` other than `auto`, then `NO_COLOR`, then
    /// `CLICOLOR_FORCE`, then the file's `color`, then `auto`.
    pub fn color(&self, flag: ColorChoice) -> (ColorChoice, Origin) {
        if flag != ColorChoice::Auto {
            return (flag, Origin::Flag("--color"));
        }
        if env_set("NO_COLOR") {
            return (ColorChoice::Never, Origin::Environment("NO_COLOR"));
        }
        if std::env::var("CLICOLOR_FORCE").is_ok_and(|v| !v.is_empty() && v != "0") {
            return (ColorChoice::Always, Origin::Environment("CLICOLOR_FORCE"));
        }
        match self.color {
            Some(c) => (c, Origin::File),
            None => (ColorChoice::Auto, Origin::Default),
        }
    }
}

fn env_set(var: &str) -> bool {
    std::env::var_os(var).is_some_and(|v| !v.is_empty())
}

pub fn color_name(c: ColorChoice) -> &'static str {
    match c {
        ColorChoice::Auto => "auto",
        ColorChoice::Always => "always",
        ColorChoice::Never => "never",
    }
}

/// Parse and check a config file's text, reporting every problem at once.
pub fn parse(source: &Source) -> Result<Config, Diagnostics> {
    let mut config = Config::default();
    // An empty file, or one of only comments, is a config with nothing set.
    if source
        .text
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
    {
        return Ok(config);
    }
    let tree = crate::yaml::parse(source)?;
    let entries = match tree.value {
        Value::Null => return Ok(config),
        Value::Map(entries) => entries,
        other => {
            let d = Diagnostic::new(
                source,
                tree.loc,
                format!(
                    "the config file should be a mapping of keys to values, not {}",
                    other.describe()
                ),
            )
            .help(format!("known keys: {}", KEYS.join(", ")));
            return Err(Diagnostics(vec![d]));
        }
    };
    let mut problems = Diagnostics::default();
    for (key, node) in &entries {
        let text = || string(source, &key.name, node);
        let result = match key.name.as_str() {
            "notes_dir" => text().and_then(|t| directory(source, node, &t)).map(|p| {
                config.notes_dir = Some(p);
            }),
            "default_playbook" => text().map(|t| config.default_playbook = Some(t)),
            "me" => text().map(|t| config.me = Some(t)),
            "editor" => text().map(|t| config.editor = Some(t)),
            "color" => text().and_then(|t| color(source, node, &t)).map(|c| {
                config.color = Some(c);
            }),
            other => {
                let mut d = Diagnostic::new(source, key.loc, format!("unknown key `{other}`"));
                if let Some(close) = did_you_mean(other, KEYS) {
                    d = d.label(format!("did you mean `{close}`?"));
                }
                Err(Box::new(d.help(format!("known keys: {}", KEYS.join(", ")))))
            }
        };
        if let Err(d) = result {
            problems.push(*d);
        }
    }
    problems.into_result()?;
    Ok(config)
}

/// A non-empty string value.
fn string(source: &Source, key: &str, node: &Node) -> Result<String, Box<Diagnostic>> {
    match &node.value {
        Value::Str(s) if !s.trim().is_empty() => Ok(s.trim().to_string()),
        Value::Str(_) => Err(Box::new(
            Diagnostic::new(source, node.loc, format!("`{key}` is empty"))
                .help("give it a value, or remove the line to use the default"),
        )),
        other => Err(Box::new(Diagnostic::new(
            source,
            node.loc,
            format!("`{key}` should be a string, not {}", other.describe()),
        ))),
    }
}

/// An absolute directory, or one starting with `~/`.
fn directory(source: &Source, node: &Node, text: &str) -> Result<PathBuf, Box<Diagnostic>> {
    let path = match text.strip_prefix("~/").or((text == "~").then_some("")) {
        Some(rest) => match etcetera::home_dir() {
            Ok(home) => home.join(rest),
            Err(_) => {
                return Err(Box::new(Diagnostic::new(
                    source,
                    node.loc,
                    "cannot find your home directory to expand `~`",
                )));
            }
        },
        None => PathBuf::from(text),
    };
    if !path.is_absolute() {
        return Err(Box::new(
            Diagnostic::new(
                source,
                node.loc,
                format!("`notes_dir` should be an absolute path, not `{text}`"),
            )
            .help("write the full path, or start it with `~/`"),
        ));
    }
    Ok(path)
}

fn color(source: &Source, node: &Node, text: &str) -> Result<ColorChoice, Box<Diagnostic>> {
    let names = ["auto", "always", "never"];
    match text {
        "auto" => Ok(ColorChoice::Auto),
        "always" => Ok(ColorChoice::Always),
        "never" => Ok(ColorChoice::Never),
        other => {
            let mut d = Diagnostic::new(
                source,
                node.loc,
                format!("`color` should be {}, not `{other}`", one_of(&names)),
            );
            if let Some(close) = did_you_mean(other, names) {
                d = d.label(format!("did you mean `{close}`?"));
            }
            Err(Box::new(d))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(text: &str) -> Result<Config, Diagnostics> {
        parse(&Source::new("config.yaml", text))
    }

    #[test]
    fn reads_every_key() {
        let c = parse_str(
            "notes_dir: /notes\ndefault_playbook: personal\nme: Alex Kim\neditor: nano\ncolor: never\n",
        )
        .unwrap();
        assert_eq!(c.notes_dir, Some(PathBuf::from("/notes")));
        assert_eq!(c.default_playbook.as_deref(), Some("personal"));
        assert_eq!(c.me.as_deref(), Some("Alex Kim"));
        assert_eq!(c.editor.as_deref(), Some("nano"));
        assert_eq!(c.color, Some(ColorChoice::Never));
        assert_eq!(parse_str("# nothing yet\n\n").unwrap(), Config::default());
    }

    #[test]
    fn every_problem_is_located_with_a_suggestion() {
        let err = parse_str("me: Alex\nedtor: vim\ncolor: nevr\nnotes_dir: notes\n").unwrap_err();
        let text = err.to_string();
        assert_eq!(err.len(), 3, "{text}");
        assert!(
            text.contains("config.yaml:2:1: error: unknown key `edtor`"),
            "{text}"
        );
        assert!(text.contains("did you mean `editor`?"), "{text}");
        assert!(
            text.contains("config.yaml:3:8: error: `color` should be"),
            "{text}"
        );
        assert!(text.contains("did you mean `never`?"), "{text}");
        assert!(
            text.contains("config.yaml:4:12: error: `notes_dir` should be an absolute path"),
            "{text}"
        );
        let err = parse_str("me: [a, b]\n").unwrap_err();
        assert!(
            err.to_string()
                .contains("`me` should be a string, not a list"),
            "{err}"
        );
        let err = parse_str("- me\n").unwrap_err();
        assert!(err.to_string().contains("should be a mapping"), "{err}");
    }

    #[test]
    fn colour_precedence_puts_the_flag_first() {
        let c = Config {
            color: Some(ColorChoice::Always),
            ..Config::default()
        };
        assert_eq!(
            c.color(ColorChoice::Never),
            (ColorChoice::Never, Origin::Flag("--color"))
        );
    }
}
