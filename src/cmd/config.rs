//! `coach config`: the effective configuration and where each value came from
//! (default, file, environment, flag); `coach config path`: the paths coach
//! uses. Both print plain aligned lines on stdout, one setting a line.

use std::io::Write;
use std::path::PathBuf;

use crate::cli::{ColorChoice, ConfigArgs};
use crate::config::{self, Origin};
use crate::error::Result;
use crate::session::store::Store;
use crate::text::printable_line;

pub fn run(args: ConfigArgs, home: Option<PathBuf>) -> Result<()> {
    let home_origin = home_origin(home.as_deref());
    let store = Store::open(home)?;
    let config = config::current()?;
    let rows = match args.what.as_deref() {
        Some("path") => paths(&store, config),
        _ => settings(&store, config, home_origin),
    };
    let width = rows.iter().map(|r| r.0.len()).max().unwrap_or(0);
    let mut out = std::io::stdout().lock();
    for (name, value, origin) in rows {
        let value = printable_line(&value);
        match origin {
            Some(origin) => writeln!(out, "{name:<width$}  {value}  ({origin})")?,
            None => writeln!(out, "{name:<width$}  {value}")?,
        }
    }
    out.flush()?;
    Ok(())
}

type Row = (&'static str, String, Option<String>);

/// Whether `--home` came from the flag or from `COACH_HOME` (clap merges them).
fn home_origin(home: Option<&std::path::Path>) -> Origin {
    let env = std::env::var_os("COACH_HOME").filter(|v| !v.is_empty());
    match (home.filter(|h| !h.as_os_str().is_empty()), env) {
        (None, _) => Origin::Default,
        (Some(h), Some(env)) if h.as_os_str() == env => Origin::Environment("COACH_HOME"),
        (Some(_), _) => Origin::Flag("--home"),
    }
}

fn settings(store: &Store, config: &config::Config, home: Origin) -> Vec<Row> {
    let unset = || "(not set)".to_string();
    let (notes, notes_origin) = config.notes_dir(&store.home);
    let (playbook, playbook_origin) = config.default_playbook();
    let me = config.me.clone();
    let editor = config.editor();
    // `--color` is global; by the time a command runs only its value is known,
    // and `auto` reads as "not given".
    let (color, color_origin) = config.color(current_color_flag());
    vec![
        (
            "config",
            file_line(config),
            config.path_origin.map(|o| o.to_string()),
        ),
        (
            "home",
            store.home.display().to_string(),
            Some(home.to_string()),
        ),
        (
            "notes_dir",
            notes.display().to_string(),
            Some(notes_origin.to_string()),
        ),
        (
            "default_playbook",
            playbook.to_string(),
            Some(playbook_origin.to_string()),
        ),
        (
            "me",
            me.clone().unwrap_or_else(unset),
            Some(
                if me.is_some() {
                    Origin::File
                } else {
                    Origin::Default
                }
                .to_string(),
            ),
        ),
        (
            "editor",
            editor.as_ref().map_or_else(unset, |e| e.0.clone()),
            Some(editor.map_or(Origin::Default, |e| e.1).to_string()),
        ),
        (
            "color",
            config::color_name(color).to_string(),
            Some(color_origin.to_string()),
        ),
    ]
}

fn paths(store: &Store, config: &config::Config) -> Vec<Row> {
    let mut rows = vec![
        ("config", file_line(config), None),
        ("data", store.home.display().to_string(), None),
        ("notes", store.notes_dir().display().to_string(), None),
        ("drafts", store.drafts_dir().display().to_string(), None),
    ];
    let user = crate::playbook::load::user_dir();
    for dir in crate::playbook::load::search_dirs() {
        let name = if Some(&dir) == user.as_ref() {
            "playbooks"
        } else {
            "team playbooks"
        };
        rows.push((name, dir.display().to_string(), None));
    }
    rows
}

fn file_line(config: &config::Config) -> String {
    if config.path.as_os_str().is_empty() {
        return "(no config directory found)".to_string();
    }
    let mut line = config.path.display().to_string();
    if !config.found {
        line.push_str(" (not found: defaults apply)");
    }
    line
}

/// The `--color` value of this run, read back from the command line.
fn current_color_flag() -> ColorChoice {
    use clap::Parser as _;
    crate::cli::Cli::try_parse()
        .map(|cli| cli.color)
        .unwrap_or(ColorChoice::Auto)
}
