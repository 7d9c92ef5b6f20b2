//! `coach config`: the effective configuration and where each value came from
//! (default, file, environment, flag); `coach config path`: the paths coach
//! uses. Both print plain aligned lines on stdout, one setting a line.

use std::io::Write;

use crate::cli::{ColorChoice, ConfigArgs};
use crate::config::{self, Origin};
use crate::error::Result;
use crate::store::Store;
use crate::text::printable_line;

pub fn run(args: ConfigArgs, store: &Store, color: ColorChoice) -> Result<()> {
    let rows = match args.what.as_deref() {
        Some("path") => paths(store),
        _ => settings(store, color),
    };
    let width = rows.iter().map(|r| r.0.len()).max().unwrap_or(0);
    let mut out = crate::stdout();
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

fn settings(store: &Store, color: ColorChoice) -> Vec<Row> {
    let unset = || "(not set)".to_string();
    let (playbook, playbook_origin) = store.default_playbook();
    let me = store.config.me.clone();
    let editor = store.editor();
    let (color, color_origin) = store.color(color);
    let (full, full_origin) = store.full_walk();
    vec![
        (
            "config",
            file_line(store),
            store.config_file.as_ref().map(|(_, o)| o.to_string()),
        ),
        (
            "home",
            store.home.display().to_string(),
            Some(store.home_origin.to_string()),
        ),
        (
            "notes_dir",
            store.notes_dir.display().to_string(),
            Some(store.notes_origin.to_string()),
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
            "emails",
            if store.config.emails.is_empty() {
                unset()
            } else {
                store.config.emails.join(", ")
            },
            Some(
                if store.config.emails.is_empty() {
                    Origin::Default
                } else {
                    Origin::File
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
        (
            "depth",
            if full { "full" } else { "core" }.to_string(),
            Some(full_origin.to_string()),
        ),
    ]
}

fn paths(store: &Store) -> Vec<Row> {
    let mut rows = vec![
        ("config", file_line(store), None),
        ("data", store.home.display().to_string(), None),
        ("notes", store.notes_dir.display().to_string(), None),
        ("drafts", store.drafts_dir().display().to_string(), None),
    ];
    for dir in &store.playbook_dirs {
        let name = if Some(dir) == store.user_playbooks.as_ref() {
            "playbooks"
        } else {
            "team playbooks"
        };
        rows.push((name, dir.display().to_string(), None));
    }
    rows
}

fn file_line(store: &Store) -> String {
    let Some((path, _)) = &store.config_file else {
        return "(no config directory found)".to_string();
    };
    let mut line = path.display().to_string();
    if !store.config_found {
        line.push_str(" (not found: defaults apply)");
    }
    line
}
