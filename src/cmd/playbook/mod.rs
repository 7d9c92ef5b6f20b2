//! `coach playbook`: list, show, validate, lint, new and schema — working
//! with the playbook files people edit by hand. `check` is validate and
//! lint, across every playbook involved.

use std::fmt::Write as _;
use std::io::Write;

use serde::Serialize;

use crate::cli::{ListFormat, PlaybookCommand, StarterKind};
use crate::error::{Error, Result};
use crate::playbook::load::{self, Found};
use crate::playbook::{Playbook, QuestionType, model};
use crate::prompt::editor;
use crate::store::Store;
use crate::store::files::read_source;
use crate::text::{printable, printable_line};

mod check;

const STARTER: &str = include_str!("../../playbook/starter.yaml");
const DEBRIEF_STARTER: &str = include_str!("../../playbook/starter-debrief.yaml");

pub fn run(cmd: PlaybookCommand, store: &Store) -> Result<()> {
    match cmd {
        PlaybookCommand::List { format } => list(store, format),
        PlaybookCommand::Show { name } => show(store, &name),
        PlaybookCommand::Validate { names } => check::check(store, &names, false),
        PlaybookCommand::Lint { names } => check::check(store, &names, true),
        PlaybookCommand::New { name, from, kind } => new(store, &name, from.as_deref(), kind),
        PlaybookCommand::Schema => {
            let mut out = crate::stdout();
            out.write_all(model::schema_text().as_bytes())?;
            Ok(())
        }
    }
}

#[derive(Serialize)]
struct Listed<'a> {
    id: String,
    kind: Option<&'static str>,
    title: Option<&'a str>,
    version: Option<u32>,
    summary: Option<&'a str>,
    source: &'static str,
    path: Option<String>,
    /// Another playbook earlier on the search path has the same id.
    overridden: bool,
    /// Why the file cannot be used, when it cannot.
    error: Option<String>,
}

fn list(store: &Store, format: ListFormat) -> Result<()> {
    let catalog = store.playbook_catalog();
    check::warn_duplicates(&catalog);
    let rows: Vec<Listed> = catalog
        .iter()
        .map(|(found, parsed, hidden)| {
            let p = parsed.as_ref().ok();
            Listed {
                id: p.map_or(found.stem.clone(), |p| p.id.clone()),
                kind: p.map(|p| p.kind.as_str()),
                title: p.map(|p| p.title.as_str()),
                version: p.map(|p| p.version),
                summary: p.and_then(|p| p.summary.as_deref()),
                source: found.origin.kind(),
                path: found.origin.path().map(|p| p.display().to_string()),
                overridden: *hidden,
                error: parsed.as_ref().err().map(|e| match e {
                    Error::BadData(d) => format!(
                        "{} problem(s); run `coach playbook validate {}`",
                        d.0.len(),
                        found.source.name
                    ),
                    other => other.to_string(),
                }),
            }
        })
        .collect();
    let mut out = crate::stdout();
    if format == ListFormat::Json {
        crate::text::write_json(&mut out, &rows, true)?;
        return Ok(());
    }
    let mut table = crate::report::new_table(
        ["Playbook", "Kind", "Title", "Version", "Source"],
        crate::report::stdout_width(),
    );
    for row in &rows {
        let mut source = match &row.path {
            Some(path) => format!("{} {path}", row.source),
            None => row.source.to_string(),
        };
        if row.overridden {
            source.push_str(" (overridden)");
        }
        // The title, and under it the one-line summary.
        let title = match (&row.error, row.summary) {
            (Some(e), _) => format!("✗ {}", printable_line(e)),
            (None, Some(summary)) => format!(
                "{}\n{}",
                printable_line(row.title.unwrap_or_default()),
                printable_line(summary)
            ),
            (None, None) => printable_line(row.title.unwrap_or_default()),
        };
        table.add_row([
            printable_line(&row.id),
            row.kind.unwrap_or("?").to_string(),
            title,
            row.version.map_or(String::new(), |v| v.to_string()),
            printable_line(&source),
        ]);
    }
    writeln!(out, "{table}")?;
    Ok(())
}

fn show(store: &Store, name: &str) -> Result<()> {
    let found = store.locate_playbook(name)?;
    let playbook = found.parse()?;
    let mut out = crate::stdout();
    // A playbook's text may come from anywhere: made safe as a whole.
    write!(out, "{}", printable(&outline(&playbook, &found)))?;
    Ok(())
}

/// A playbook as a readable outline: sections, questions, conditions, nudges.
fn outline(p: &Playbook, found: &Found) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{} — {} ({}, version {})",
        p.id,
        p.title,
        p.kind.as_str(),
        p.version
    );
    let _ = writeln!(
        s,
        "source: {}",
        found
            .origin
            .path()
            .map_or("built-in".to_string(), |p| p.display().to_string())
    );
    if let Some(summary) = &p.summary {
        let _ = writeln!(s, "{summary}");
    }
    if let Some(debrief) = &p.debrief {
        let _ = writeln!(s, "debrief: {debrief}");
    }
    if let Some(intro) = &p.intro {
        let _ = writeln!(s, "\nIntro: {}", one_line(intro));
    }
    if !p.stance.is_empty() {
        let _ = writeln!(s, "\nStance:");
        for reminder in &p.stance {
            let _ = writeln!(s, "  • {}", one_line(reminder));
        }
    }
    let mut n = 0;
    for (i, section) in p.sections.iter().enumerate() {
        let _ = writeln!(s, "\n{}. {} [{}]", i + 1, section.title, section.id);
        if let Some(when) = &section.when {
            let _ = writeln!(s, "   only when: {when}");
        }
        if let Some(why) = &section.why {
            let _ = writeln!(s, "   why: {}", one_line(why));
        }
        for q in &section.questions {
            n += 1;
            let mut kind = q.ty.as_str().to_string();
            if q.ty == QuestionType::Scale {
                let (lo, hi) = q.scale_range();
                let _ = write!(kind, " {lo}–{hi}");
            }
            if q.required {
                kind.push_str(", required");
            }
            if q.check.is_some() {
                kind.push_str(", checked as questions");
            }
            let _ = writeln!(s, "   {n:>2}. {}  ({} · {kind})", one_line(&q.ask), q.id);
            if let Some(help) = &q.help {
                let _ = writeln!(s, "       help: {}", one_line(help));
            }
            if q.depth == Some(model::Depth::Core) {
                let _ = writeln!(s, "       on the default walk (depth: core)");
            }
            if let Some(m) = q.means {
                let _ = writeln!(s, "       means: {}", m.as_str());
            }
            if let Some(plan) = &q.plan {
                let _ = writeln!(s, "       held against: {plan}");
            }
            if let Some(from) = &q.choices_from {
                let _ = writeln!(s, "       choices from: {from}");
            }
            if q.ty != QuestionType::Scale && (q.min.is_some() || q.max.is_some()) {
                let bound = |b: Option<i64>| b.map_or("…".to_string(), |n| n.to_string());
                let what = if q.ty.has_choices() || q.ty == QuestionType::List {
                    " items"
                } else {
                    ""
                };
                let _ = writeln!(s, "       {} to {}{what}", bound(q.min), bound(q.max));
            }
            if let Some(labels) = &q.labels {
                let _ = writeln!(
                    s,
                    "       ends: {} … {}",
                    labels.low.as_deref().unwrap_or("—"),
                    labels.high.as_deref().unwrap_or("—")
                );
            }
            if let Some(when) = &q.when {
                let _ = writeln!(s, "       only when: {when}");
            }
            if !q.choices.is_empty() {
                let labels: Vec<&str> = q.choices.iter().map(|c| c.label()).collect();
                let _ = writeln!(s, "       choices: {}", labels.join(" | "));
            }
            if let Some(d) = &q.default {
                let _ = writeln!(s, "       default: {}", d.display());
            }
            if let Some(nudge) = &q.nudge {
                let _ = writeln!(s, "       if empty: {}", one_line(nudge));
            }
            for nudge in &q.nudges {
                let _ = writeln!(s, "       if {}: {}", nudge.when, one_line(&nudge.say));
            }
        }
    }
    s
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn new(store: &Store, name: &str, from: Option<&str>, kind: StarterKind) -> Result<()> {
    let valid = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !valid {
        return Err(Error::Usage(format!(
            "`{name}` is not a valid playbook id: use only a-z, 0-9 and `-` (like `renewal-call`)"
        )));
    }
    let text = match from {
        Some(from) => {
            let found = store.locate_playbook(from)?;
            found.parse()?;
            with_id(&found.source.text, name)
        }
        None => match kind {
            StarterKind::Prep => STARTER,
            StarterKind::Debrief => DEBRIEF_STARTER,
        }
        .replace("{{id}}", name),
    };
    let path = store.create_playbook(name, &text)?;
    crate::note!("Created {}", printable_line(&path.display().to_string()));
    if let Some((editor, _)) = store.editor().filter(|_| store.env().stdin_tty) {
        editor::open(&editor, &path).map_err(Error::Other)?;
        let source = read_source(&path)?;
        if let Err(diags) = load::parse(&source, name) {
            crate::note!("{}\n", printable(&diags.to_string()));
            return Err(Error::Invalid(format!(
                "the playbook is saved but has problems; fix them and run `coach playbook validate {}`",
                path.display()
            )));
        }
    }
    writeln!(
        crate::stdout(),
        "{}",
        printable_line(&path.display().to_string())
    )?;
    Ok(())
}

/// The playbook text with its `id:` line set to `id` (or one added on top),
/// and its schema modeline pointing where `new` writes the schema.
fn with_id(text: &str, id: &str) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    let mut replaced = false;
    for line in text.lines() {
        if line.starts_with("# yaml-language-server:") {
            out.push_str("# yaml-language-server: $schema=../schema/playbook.schema.json\n");
        } else if !replaced && line.starts_with("id:") {
            let _ = writeln!(out, "id: {id}");
            replaced = true;
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    if !replaced {
        out = format!("id: {id}\n{out}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Source;
    use crate::playbook::{Kind, link, lint};

    #[test]
    fn the_starter_is_a_valid_playbook() {
        let text = STARTER.replace("{{id}}", "renewal");
        let playbook = load::parse(&Source::new("renewal.yaml", text), "renewal")
            .unwrap_or_else(|d| panic!("{d}"));
        assert_eq!(playbook.id, "renewal");
        assert!(playbook.questions().any(|q| q.check.is_some()));
    }

    #[test]
    fn the_debrief_starter_is_a_valid_debrief_with_its_meanings() {
        let text = DEBRIEF_STARTER.replace("{{id}}", "renewal-debrief");
        let source = Source::new("renewal-debrief.yaml", text);
        let playbook = load::parse(&source, "renewal-debrief").unwrap_or_else(|d| panic!("{d}"));
        assert_eq!(playbook.kind, Kind::Debrief);
        assert!(lint::lint(&source, &playbook).is_empty());
        // It fits the starter prep: its plans name the starter's meanings.
        let prep =
            load::parse(&Source::new("p.yaml", STARTER.replace("{{id}}", "p")), "p").unwrap();
        assert!(link::check_pair(&prep, &source).is_empty());
    }

    #[test]
    fn a_copy_gets_the_new_id() {
        let text = "# yaml-language-server: $schema=../schema/playbook.schema.json\nid: discovery\ntitle: T\n";
        assert_eq!(
            with_id(text, "mine"),
            "# yaml-language-server: $schema=../schema/playbook.schema.json\nid: mine\ntitle: T\n"
        );
        assert_eq!(with_id("title: T\n", "mine"), "id: mine\ntitle: T\n");
    }
}
