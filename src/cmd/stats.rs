//! `coach stats`: the user's trends over the sessions the filters keep
//! (see `history::stats` for the figures).

use std::collections::{HashMap, HashSet};
use std::io::Write;

use crate::cli::StatsArgs;
use crate::error::Result;
use crate::history::{Filter, stats};
use crate::playbook::{Kind, Meaning};
use crate::session::Session;
use crate::store::Store;

pub fn run(args: StatsArgs, store: &Store) -> Result<()> {
    let today = store.now().date();
    let filter = Filter::new(&args.filters, today)?;
    let loaded = store.sessions(|h| filter.keeps(h))?;
    loaded.print_warnings();
    let sessions: Vec<Session> = loaded.found.into_iter().map(|(_, s)| s).collect();
    let ids: HashSet<&str> = sessions.iter().map(|s| s.id.as_str()).collect();
    // Promises from these sessions only; the follow-up reader's own warnings
    // repeat the ones above, so they are not shown twice.
    let all = store.followups()?.items;
    let items = all.iter().filter(|i| ids.contains(i.session.as_str()));
    let reliability = crate::followups::reliability_of(items, today);
    // Which playbook each prep was, for the debriefs that follow one (a
    // talk with a colleague is no sales call); the heads alone say it.
    let preps: HashMap<String, String> = store
        .heads(|h| h.kind == Kind::Prep)?
        .heads
        .into_iter()
        .map(|h| (h.id, h.playbook))
        .collect();
    let report = stats::compute(&sessions, reliability, &preps);
    let labels = outcome_labels(store, &sessions);
    write!(crate::stdout(), "{}", stats::render(&report, &labels))?;
    Ok(())
}

/// How the debriefs' playbooks name each outcome value: the label of the
/// choice (up to a ` — ` hint), read from each playbook once.
fn outcome_labels(store: &Store, sessions: &[Session]) -> HashMap<String, String> {
    // In a fixed order, so the same notes always give the same names.
    let ids: std::collections::BTreeSet<&str> = sessions
        .iter()
        .filter(|s| s.kind == Kind::Debrief)
        .map(|s| s.playbook.as_str())
        .collect();
    let mut labels = HashMap::new();
    for playbook in ids
        .into_iter()
        .filter_map(|id| store.playbook_by_id(id).ok())
    {
        let Some(q) = playbook.meaning(Meaning::Outcome) else {
            continue;
        };
        for c in &q.choices {
            let label = c.label().split(" — ").next().unwrap_or(c.label()).trim();
            labels
                .entry(c.value().to_string())
                .or_insert_with(|| label.to_string());
        }
    }
    labels
}
