//! `coach playbook validate` and `lint`: every playbook involved checked
//! together — the files named (found by each other before the search path)
//! or the whole search path — with the links between a prep and its debrief
//! checked from either side, each problem in the file where it is fixed.

use std::io::Write;

use crate::diag::Diagnostics;
use crate::error::{Error, Result};
use crate::playbook::load::{self, Found, Origin};
use crate::playbook::{Kind, Playbook, link, lint};
use crate::store::Store;
use crate::text::{printable, printable_line};

/// `validate` and `lint`: every named playbook, or every one on the search
/// path, checked together. The links between a prep and its debrief are
/// checked from either side: the playbooks named on the command line find
/// each other before the search path, a debrief is held against every prep
/// that names it, and each problem is reported in the file where it is fixed.
pub(super) fn check(store: &Store, names: &[String], lint: bool) -> Result<()> {
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
pub(super) fn warn_duplicates(catalog: &[(Found, Result<Playbook>, bool)]) {
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
