//! `coach stats`: the user's trends over the sessions the filters keep
//! (see `history::stats` for the figures).

use std::collections::HashSet;
use std::io::Write;
use std::path::PathBuf;

use crate::cli::StatsArgs;
use crate::error::Result;
use crate::history::{Filter, scan, stats};
use crate::session::Session;
use crate::session::store::{self, Store};
use crate::text::printable_line;

pub fn run(args: StatsArgs, home: Option<PathBuf>) -> Result<()> {
    let store = Store::open(home)?;
    let today = store::now()?.date();
    let filter = Filter::new(&args.filters, today)?;
    let found = scan::scan(&store.notes_dir(), |h| filter.keeps(h))?;
    let (loaded, broken) = scan::load(&found.heads, None);
    for warning in found.warnings.iter().chain(&broken) {
        eprintln!("{}", printable_line(warning));
    }
    let sessions: Vec<Session> = loaded.into_iter().map(|(_, s)| s).collect();
    let ids: HashSet<&str> = sessions.iter().map(|s| s.id.as_str()).collect();
    // Promises from these sessions only; the follow-up reader's own warnings
    // repeat the ones above, so they are not shown twice.
    let items: Vec<_> = crate::followups::gather(&store)?
        .items
        .into_iter()
        .filter(|i| ids.contains(i.session.as_str()))
        .collect();
    let reliability = crate::followups::reliability_of(&items, today, None);
    let report = stats::compute(&sessions, reliability);
    write!(std::io::stdout().lock(), "{}", stats::render(&report))?;
    Ok(())
}
