//! The user's configuration file (`COACH_CONFIG`, else
//! `~/.config/coach/config.yaml`): `notes_dir`, `default_playbook`, `me`,
//! `emails`, `editor`, `color` and `depth`. Every key is optional; a missing file means the
//! defaults. The text is read like a playbook, through the located YAML tree,
//! so an unknown key or a bad value is reported with `file:line:col` and a
//! did-you-mean. Finding and reading the file is the store's job; this module
//! only parses text and applies the precedence rules to values handed in.
//!
//! Precedence, everywhere: flag > environment > file > default. Each effective
//! value carries its [`Origin`] so `coach config` can say where it came from.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::cli::ColorChoice;
use crate::diag::{Diagnostic, Diagnostics, Source};
use crate::text::{did_you_mean, one_of};
use crate::yaml::{Node, Value};

/// The keys a config file may hold, in the order `coach config` shows them.
pub const KEYS: [&str; 7] = [
    "notes_dir",
    "default_playbook",
    "me",
    "emails",
    "editor",
    "color",
    "depth",
];

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
    pub notes_dir: Option<PathBuf>,
    pub default_playbook: Option<String>,
    pub me: Option<String>,
    /// The user's addresses, to find them among an invite's attendees.
    pub emails: Vec<String>,
    pub editor: Option<String>,
    pub color: Option<ColorChoice>,
    /// `depth: full`: every prep walks every question, as with `--full`.
    pub full: Option<bool>,
}

/// The editor: `VISUAL`, `EDITOR`, then the file's `editor`.
pub fn editor(
    visual: Option<&str>,
    editor: Option<&str>,
    file: Option<&str>,
) -> Option<(String, Origin)> {
    let set = |v: Option<&str>| v.filter(|v| !v.trim().is_empty()).map(str::to_owned);
    set(visual)
        .map(|v| (v, Origin::Environment("VISUAL")))
        .or_else(|| set(editor).map(|v| (v, Origin::Environment("EDITOR"))))
        .or_else(|| set(file).map(|v| (v, Origin::File)))
}

/// Colour: a `--color` other than `auto`, then `NO_COLOR`, then
/// `CLICOLOR_FORCE`, then the file's `color`, then `auto`.
pub fn color(
    flag: ColorChoice,
    no_color: bool,
    clicolor_force: bool,
    file: Option<ColorChoice>,
) -> (ColorChoice, Origin) {
    if flag != ColorChoice::Auto {
        return (flag, Origin::Flag("--color"));
    }
    if no_color {
        return (ColorChoice::Never, Origin::Environment("NO_COLOR"));
    }
    if clicolor_force {
        return (ColorChoice::Always, Origin::Environment("CLICOLOR_FORCE"));
    }
    match file {
        Some(c) => (c, Origin::File),
        None => (ColorChoice::Auto, Origin::Default),
    }
}

pub fn color_name(c: ColorChoice) -> &'static str {
    match c {
        ColorChoice::Auto => "auto",
        ColorChoice::Always => "always",
        ColorChoice::Never => "never",
    }
}

/// Parse and check a config file's text, reporting every problem at once.
/// `home` is the user's home directory, for a `notes_dir` starting `~/`.
pub fn parse(source: &Source, home: Option<&Path>) -> Result<Config, Diagnostics> {
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
            "notes_dir" => text()
                .and_then(|t| directory(source, node, &t, home))
                .map(|p| {
                    config.notes_dir = Some(p);
                }),
            "default_playbook" => text().map(|t| config.default_playbook = Some(t)),
            "me" => text().map(|t| config.me = Some(t)),
            "emails" => emails(source, node).map(|e| config.emails = e),
            "editor" => text().map(|t| config.editor = Some(t)),
            "color" => text().and_then(|t| color_value(source, node, &t)).map(|c| {
                config.color = Some(c);
            }),
            "depth" => text().and_then(|t| match t.as_str() {
                "core" | "full" => {
                    config.full = Some(t == "full");
                    Ok(())
                }
                other => Err(Box::new(
                    Diagnostic::new(source, node.loc, format!("unknown depth `{other}`"))
                        .help("depth is `core` (the default walk, for the minutes before a call) or `full` (every question)"),
                )),
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

/// `emails`: one address, or a list of them.
fn emails(source: &Source, node: &Node) -> Result<Vec<String>, Box<Diagnostic>> {
    let items: Vec<&Node> = match &node.value {
        Value::Seq(items) => items.iter().collect(),
        _ => vec![node],
    };
    items
        .into_iter()
        .map(|item| {
            let text = string(source, "emails", item)?;
            if text.contains('@') && !text.contains(char::is_whitespace) {
                Ok(text)
            } else {
                Err(Box::new(
                    Diagnostic::new(source, item.loc, format!("`{text}` is not an email address"))
                        .help("list your addresses, like `emails: [alex@acme.example, alex.kim@gmail.example]`"),
                ))
            }
        })
        .collect()
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
fn directory(
    source: &Source,
    node: &Node,
    text: &str,
    home: Option<&Path>,
) -> Result<PathBuf, Box<Diagnostic>> {
    let path = match text.strip_prefix("~/").or((text == "~").then_some("")) {
        Some(rest) => match home {
            Some(home) => home.join(rest),
            None => {
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

fn color_value(source: &Source, node: &Node, text: &str) -> Result<ColorChoice, Box<Diagnostic>> {
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
        parse(
            &Source::new("config.yaml", text),
            Some(Path::new("/home/alex")),
        )
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
    fn precedence_is_flag_environment_file_default() {
        let always = Some(ColorChoice::Always);
        assert_eq!(
            color(ColorChoice::Never, false, true, always),
            (ColorChoice::Never, Origin::Flag("--color"))
        );
        assert_eq!(
            color(ColorChoice::Auto, true, true, always),
            (ColorChoice::Never, Origin::Environment("NO_COLOR"))
        );
        assert_eq!(
            color(ColorChoice::Auto, false, false, always),
            (ColorChoice::Always, Origin::File)
        );
        assert_eq!(
            color(ColorChoice::Auto, false, false, None),
            (ColorChoice::Auto, Origin::Default)
        );
        assert_eq!(
            editor(Some(" "), Some("vi"), Some("nano")),
            Some(("vi".into(), Origin::Environment("EDITOR")))
        );
        assert_eq!(
            editor(None, None, Some("nano")),
            Some(("nano".into(), Origin::File))
        );
        let c = parse_str("notes_dir: ~/notes\n").unwrap();
        assert_eq!(c.notes_dir, Some(PathBuf::from("/home/alex/notes")));
    }
}
