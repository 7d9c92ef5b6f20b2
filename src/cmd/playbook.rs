//! `coach playbook`: list, show, validate, lint, new and schema — working
//! with the playbook files people edit by hand.

use std::fmt::Write as _;
use std::io::Write;

use serde::Serialize;

use crate::cli::{ListFormat, PlaybookCommand, StarterKind};
use crate::diag::Diagnostics;
use crate::error::{Error, Result};
use crate::playbook::load::{self, Found, Origin};
use crate::playbook::{Kind, Playbook, QuestionType, link, lint, model};
use crate::prompt::editor;
use crate::store::Store;
use crate::store::files::read_source;
use crate::text::{printable, printable_line};

const STARTER: &str = include_str!("../playbook/starter.yaml");
const DEBRIEF_STARTER: &str = include_str!("../playbook/starter-debrief.yaml");

pub fn run(cmd: PlaybookCommand, store: &Store) -> Result<()> {
    match cmd {
        PlaybookCommand::List { format } => list(store, format),
        PlaybookCommand::Show { name } => show(store, &name),
        PlaybookCommand::Validate { names } => check(store, &names, false),
        PlaybookCommand::Lint { names } => check(store, &names, true),
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
    warn_duplicates(&catalog);
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

/// `validate` and `lint`: every named playbook, or every one on the search
/// path, checked together. The links between a prep and its debrief are
/// checked from either side: the playbooks named on the command line find
/// each other before the search path, a debrief is held against every prep
/// that names it, and each problem is reported in the file where it is fixed.
fn check(store: &Store, names: &[String], lint: bool) -> Result<()> {
    let mut targets: Vec<Result<Found>> = Vec::new();
    if names.is_empty() {
        let catalog = store.playbook_catalog();
        warn_duplicates(&catalog);
        targets.extend(catalog.into_iter().map(|(found, _, _)| Ok(found)));
    } else {
        targets.extend(names.iter().map(|n| store.locate_playbook(n)));
    }
    let (mut broken, mut missing, mut warned, mut warnings) = (0, 0, 0, 0);
    let mut unreadable: Option<Error> = None;
    let total = targets.len();
    let mut checked: Vec<(Found, std::result::Result<Playbook, Diagnostics>)> = Vec::new();
    for target in targets {
        match target {
            Ok(found) => {
                let parsed = load::parse(&found.source, &found.stem);
                checked.push((found, parsed));
            }
            Err(Error::BadData(diags)) => {
                broken += 1;
                crate::note!("{}\n", printable(&diags.to_string()));
            }
            // Not found is one thing; a file that cannot be read (permission,
            // a device) is another, and keeps its own exit code.
            Err(err) if err.code() == crate::error::code::NOT_FOUND => {
                crate::note!("{}", printable(&err.render()));
                missing += 1;
            }
            Err(err) => match &unreadable {
                // The first is the command's error, said at the end.
                None => unreadable = Some(err),
                Some(_) => crate::note!("{}", printable(&err.render())),
            },
        }
    }
    let peers: Vec<(&Found, &Playbook)> = checked
        .iter()
        .filter_map(|(f, p)| p.as_ref().ok().map(|p| (f, p)))
        .collect();
    // Files named on the command line (`validate team/*.yaml`) are warned
    // about as the search path's are: two of one folder with one id.
    if !names.is_empty() {
        for (n, (found, playbook)) in peers.iter().enumerate() {
            let Some(path) = found.origin.path() else {
                continue;
            };
            let twin = peers[..n].iter().find(|(f, p)| {
                p.id == playbook.id
                    && f.origin
                        .path()
                        .is_some_and(|q| q != path && q.parent() == path.parent())
            });
            if let Some((first, _)) = twin {
                crate::note!(
                    "warning: two playbooks in {} have the id `{}`: {} and {}; give one another id",
                    printable_line(&path.parent().unwrap_or(path).display().to_string()),
                    printable_line(&playbook.id),
                    printable_line(&first.source.name),
                    printable_line(&found.source.name)
                );
            }
        }
    }
    // Preps on the search path, for the debriefs they name.
    let path_preps: Vec<(Found, Playbook)> = if checked
        .iter()
        .any(|(_, p)| matches!(p, Ok(p) if p.kind == Kind::Debrief))
    {
        store
            .playbook_catalog()
            .into_iter()
            .filter(|(_, _, hidden)| !hidden)
            .filter_map(|(f, p, _)| p.ok().map(|p| (f, p)))
            .filter(|(_, p)| p.kind == Kind::Prep && p.debrief.is_some())
            .collect()
    } else {
        Vec::new()
    };
    let mut out = crate::stdout();
    for (found, parsed) in &checked {
        let mut problems = match parsed {
            Ok(_) => Vec::new(),
            Err(diags) => diags.0.clone(),
        };
        if let Ok(playbook) = parsed {
            problems.extend(links(store, found, playbook, &peers, &path_preps));
        } else if let Some(d) = debrief_named_in_broken(store, found, &peers) {
            // A broken prep's `debrief:` is checked beside its other problems.
            problems.push(d);
        }
        let name = parsed.as_ref().map_or(found.stem.clone(), |p| p.id.clone());
        let file = printable_line(&found.source.name);
        let name = printable_line(&name);
        if !problems.is_empty() {
            // In the order of the files, then of their lines.
            problems.sort_by(|a, b| {
                (a.file != found.source.name, &a.file, a.loc.line, a.loc.col).cmp(&(
                    b.file != found.source.name,
                    &b.file,
                    b.loc.line,
                    b.loc.col,
                ))
            });
            broken += 1;
            crate::note!("{}\n", printable(&Diagnostics(problems).to_string()));
            writeln!(out, "FAIL  {name}  ({file})")?;
            continue;
        }
        let advice = match (lint, parsed) {
            (true, Ok(playbook)) => lint::lint(&found.source, playbook),
            _ => Vec::new(),
        };
        if advice.is_empty() {
            writeln!(out, "ok  {name}  ({file})")?;
        } else {
            warned += 1;
            warnings += advice.len();
            crate::note!("{}\n", printable(&Diagnostics(advice).to_string()));
            writeln!(out, "warn  {name}  ({file})")?;
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

/// Two files of one directory with the same id: a warning naming both, and
/// which one every command uses (the first the catalog lists).
fn warn_duplicates(catalog: &[(Found, Result<Playbook>, bool)]) {
    let id = |(f, p, _): &(Found, Result<Playbook>, bool)| {
        p.as_ref().map_or(f.stem.clone(), |p| p.id.clone())
    };
    for (n, hidden) in catalog.iter().enumerate().filter(|(_, e)| e.2) {
        let Some(path) = hidden.0.origin.path() else {
            continue;
        };
        let used = catalog[..n].iter().find(|e| {
            id(e) == id(hidden) && e.0.origin.path().and_then(|p| p.parent()) == path.parent()
        });
        if let Some(used) = used.and_then(|e| e.0.origin.path()) {
            crate::note!(
                "warning: two playbooks in {} have the id `{}`: {} is used, {} is not; give one another id",
                printable_line(&path.parent().unwrap_or(path).display().to_string()),
                printable_line(&id(hidden)),
                printable_line(&used.display().to_string()),
                printable_line(&path.display().to_string())
            );
        }
    }
}

/// The playbook with id `id`: one being checked with it first, else the
/// one the search path finds.
fn peer<'a>(
    store: &Store,
    id: &str,
    peers: &'a [(&'a Found, &'a Playbook)],
) -> Option<(std::borrow::Cow<'a, Found>, std::borrow::Cow<'a, Playbook>)> {
    use std::borrow::Cow;
    if let Some((f, p)) = peers.iter().find(|(_, p)| p.id == id) {
        return Some((Cow::Borrowed(*f), Cow::Borrowed(*p)));
    }
    let found = store.locate_playbook(id).ok()?;
    let playbook = found.parse().ok()?;
    Some((Cow::Owned(found), Cow::Owned(playbook)))
}

/// The problems of the links of a valid playbook, in its own file: a prep's
/// `debrief:` must name a debrief (and, when that debrief is not checked
/// beside it, the debrief's plan must fit this prep); a debrief's `plan:`
/// and `choices_from:` must fit every prep that names it.
fn links(
    store: &Store,
    found: &Found,
    playbook: &Playbook,
    peers: &[(&Found, &Playbook)],
    path_preps: &[(Found, Playbook)],
) -> Vec<crate::diag::Diagnostic> {
    match playbook.kind {
        Kind::Prep => {
            let Some(name) = playbook.debrief.as_deref() else {
                return Vec::new();
            };
            let debrief = peer(store, name, peers);
            if let Some(problem) = link::missing_debrief(
                &found.source,
                playbook,
                debrief.as_ref().map(|(_, p)| p.as_ref()),
            ) {
                return vec![suggest_debrief(store, peers, problem, name)];
            }
            // A debrief checked beside it reports its own plan; a built-in
            // one fits itself to any prep at run time (by meaning, dropping
            // a plan the prep has no question for), and cannot be edited.
            let beside = peers.iter().any(|(_, p)| p.id == name);
            match debrief {
                Some((d, _)) if !beside && d.origin != Origin::Builtin => {
                    link::check_pair(playbook, &d.source)
                }
                _ => Vec::new(),
            }
        }
        Kind::Debrief if found.origin == Origin::Builtin => Vec::new(),
        Kind::Debrief => {
            let mut preps: Vec<&Playbook> = peers
                .iter()
                .map(|(_, p)| *p)
                .filter(|p| p.kind == Kind::Prep && p.debrief.as_deref() == Some(&playbook.id))
                .collect();
            for (_, p) in path_preps {
                if p.debrief.as_deref() == Some(&playbook.id) && !preps.iter().any(|q| q.id == p.id)
                {
                    preps.push(p);
                }
            }
            let mut out: Vec<crate::diag::Diagnostic> = Vec::new();
            for prep in preps {
                for d in link::check_pair(prep, &found.source) {
                    if !out.contains(&d) {
                        out.push(d);
                    }
                }
            }
            out
        }
    }
}

/// For a prep with other problems: its `debrief:` checked all the same,
/// read from the file, so a typo there is reported in the same pass.
fn debrief_named_in_broken(
    store: &Store,
    found: &Found,
    peers: &[(&Found, &Playbook)],
) -> Option<crate::diag::Diagnostic> {
    let tree = crate::yaml::parse(&found.source).ok()?;
    let crate::yaml::Value::Map(entries) = &tree.value else {
        return None;
    };
    let text = |key: &str| {
        entries
            .iter()
            .find(|(k, _)| k.name == key)
            .and_then(|(_, v)| v.scalar_text())
    };
    let name = text("debrief")?;
    if text("kind").as_deref() == Some("debrief") {
        return None;
    }
    let stub = Playbook {
        id: found.stem.clone(),
        title: String::new(),
        kind: Kind::Prep,
        version: 1,
        summary: None,
        intro: None,
        stance: Vec::new(),
        debrief: Some(name.clone()),
        sections: Vec::new(),
    };
    let debrief = peer(store, &name, peers);
    link::missing_debrief(
        &found.source,
        &stub,
        debrief.as_ref().map(|(_, p)| p.as_ref()),
    )
    .map(|d| suggest_debrief(store, peers, d, &name))
}

/// The closest debrief id, beside the playbooks checked or on the search
/// path, as the did-you-mean of a `debrief:` that names none.
fn suggest_debrief(
    store: &Store,
    peers: &[(&Found, &Playbook)],
    problem: crate::diag::Diagnostic,
    name: &str,
) -> crate::diag::Diagnostic {
    let catalog = store.playbook_catalog();
    let ids: Vec<&str> = peers
        .iter()
        .map(|(_, p)| *p)
        .chain(catalog.iter().filter_map(|(_, p, _)| p.as_ref().ok()))
        .filter(|p| p.kind == Kind::Debrief)
        .map(|p| p.id.as_str())
        .collect();
    match crate::text::did_you_mean(name, ids.iter().copied()) {
        Some(close) => problem.label(format!("did you mean `{close}`?")),
        None => problem,
    }
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
