//! `coach playbook`: list, show, validate, lint, new and schema — working
//! with the playbook files people edit by hand.

use std::fmt::Write as _;
use std::io::Write;

use serde::Serialize;

use crate::cli::{ListFormat, PlaybookCommand};
use crate::diag::Diagnostics;
use crate::error::{Error, Result};
use crate::playbook::load::{self, Found};
use crate::playbook::{Playbook, QuestionType, link, lint, model};
use crate::prompt::editor;
use crate::store::Store;
use crate::store::files::read_source;
use crate::text::{printable, printable_line};

const STARTER: &str = include_str!("../playbook/starter.yaml");

pub fn run(cmd: PlaybookCommand, store: &Store) -> Result<()> {
    match cmd {
        PlaybookCommand::List { format } => list(store, format),
        PlaybookCommand::Show { name } => show(store, &name),
        PlaybookCommand::Validate { names } => check(store, &names, false),
        PlaybookCommand::Lint { names } => check(store, &names, true),
        PlaybookCommand::New { name, from } => new(store, &name, from.as_deref()),
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
        let title = match &row.error {
            Some(e) => format!("✗ {e}"),
            None => row.title.unwrap_or_default().to_string(),
        };
        table.add_row([
            printable_line(&row.id),
            row.kind.unwrap_or("?").to_string(),
            printable_line(&title),
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
            if let Some(m) = q.means {
                let _ = writeln!(s, "       means: {}", m.as_str());
            }
            if let Some(plan) = &q.plan {
                let _ = writeln!(s, "       held against: {plan}");
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

/// `validate` and `lint`: every named playbook, or every one on the search path.
fn check(store: &Store, names: &[String], lint: bool) -> Result<()> {
    let mut targets: Vec<Result<Found>> = Vec::new();
    if names.is_empty() {
        targets.extend(
            store
                .playbook_catalog()
                .into_iter()
                .map(|(found, _, _)| Ok(found)),
        );
    } else {
        targets.extend(names.iter().map(|n| store.locate_playbook(n)));
    }
    let (mut broken, mut missing, mut warned, mut warnings) = (0, 0, 0, 0);
    let mut unreadable: Option<Error> = None;
    let mut out = crate::stdout();
    let total = targets.len();
    for target in targets {
        let found = match target {
            Ok(found) => found,
            Err(Error::BadData(diags)) => {
                broken += 1;
                crate::note!("{}\n", printable(&diags.to_string()));
                continue;
            }
            // Not found is one thing; a file that cannot be read (permission,
            // a device) is another, and keeps its own exit code.
            Err(err) if err.code() == crate::error::code::NOT_FOUND => {
                crate::note!("{}", printable(&err.render()));
                missing += 1;
                continue;
            }
            Err(err) => {
                match &unreadable {
                    // The first is the command's error, said at the end.
                    None => unreadable = Some(err),
                    Some(_) => crate::note!("{}", printable(&err.render())),
                }
                continue;
            }
        };
        match found.parse() {
            Ok(playbook) => {
                // A prep and the debrief it names must agree on the plan.
                let links = links(store, &found, &playbook);
                if !links.is_empty() {
                    broken += 1;
                    crate::note!("{}\n", printable(&Diagnostics(links).to_string()));
                    writeln!(
                        out,
                        "FAIL  {}  ({})",
                        playbook.id,
                        printable_line(&found.source.name)
                    )?;
                    continue;
                }
                let advice = if lint {
                    lint::lint(&found.source, &playbook)
                } else {
                    Vec::new()
                };
                if advice.is_empty() {
                    writeln!(
                        out,
                        "ok  {}  ({})",
                        playbook.id,
                        printable_line(&found.source.name)
                    )?;
                } else {
                    warned += 1;
                    warnings += advice.len();
                    crate::note!("{}\n", printable(&Diagnostics(advice).to_string()));
                    writeln!(
                        out,
                        "warn  {}  ({})",
                        playbook.id,
                        printable_line(&found.source.name)
                    )?;
                }
            }
            Err(Error::BadData(diags)) => {
                broken += 1;
                crate::note!("{}\n", printable(&diags.to_string()));
                writeln!(
                    out,
                    "FAIL  {}  ({})",
                    printable_line(&found.stem),
                    printable_line(&found.source.name)
                )?;
            }
            Err(other) => return Err(other),
        }
    }
    drop(out);
    if let Some(err) = unreadable {
        return Err(err);
    }
    if broken > 0 {
        return Err(Error::Invalid(format!(
            "{broken} of {total} playbooks have problems"
        )));
    }
    if missing > 0 {
        return Err(Error::NotFound(format!(
            "{missing} of {total} playbooks were not found"
        )));
    }
    if warnings > 0 {
        return Err(Error::Other(anyhow::anyhow!(
            "{warnings} coaching warning{} in {warned} of {total} playbooks",
            if warnings == 1 { "" } else { "s" }
        )));
    }
    Ok(())
}

/// For a prep that names its debrief: the debrief must exist, and its
/// `plan:` and `choices_from:` must name questions of this prep.
fn links(store: &Store, found: &Found, playbook: &Playbook) -> Vec<crate::diag::Diagnostic> {
    let Some(name) = playbook.debrief.as_deref() else {
        return Vec::new();
    };
    let debrief = store
        .locate_playbook(name)
        .ok()
        .and_then(|d| d.parse().ok().map(|p| (d, p)));
    if let Some(problem) =
        link::missing_debrief(&found.source, playbook, debrief.as_ref().map(|(_, p)| p))
    {
        return vec![problem];
    }
    debrief.map_or_else(Vec::new, |(d, _)| link::check_pair(playbook, &d.source))
}

fn new(store: &Store, name: &str, from: Option<&str>) -> Result<()> {
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
        None => STARTER.replace("{{id}}", name),
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
            out.push_str("# yaml-language-server: $schema=../playbook.schema.json\n");
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

    #[test]
    fn the_starter_is_a_valid_playbook() {
        let text = STARTER.replace("{{id}}", "renewal");
        let playbook = load::parse(&Source::new("renewal.yaml", text), "renewal")
            .unwrap_or_else(|d| panic!("{d}"));
        assert_eq!(playbook.id, "renewal");
        assert!(playbook.questions().any(|q| q.check.is_some()));
    }

    #[test]
    fn a_copy_gets_the_new_id() {
        let text = "# yaml-language-server: $schema=../schema/playbook.schema.json\nid: discovery\ntitle: T\n";
        assert_eq!(
            with_id(text, "mine"),
            "# yaml-language-server: $schema=../playbook.schema.json\nid: mine\ntitle: T\n"
        );
        assert_eq!(with_id("title: T\n", "mine"), "id: mine\ntitle: T\n");
    }
}
