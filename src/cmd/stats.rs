//! `coach stats`: the user's trends over the sessions the filters keep
//! (see `history::stats` for the figures).

use std::collections::HashSet;
use std::io::Write;

use crate::cli::StatsArgs;
use crate::error::Result;
use crate::history::{Filter, stats};
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
    let report = stats::compute(&sessions, reliability);
    write!(crate::stdout(), "{}", stats::render(&report))?;
    Ok(())
}
