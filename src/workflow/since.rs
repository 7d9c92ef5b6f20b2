//! The next prep learns from the last debrief: when a prep starts for someone
//! debriefed before, coach shows what was learned, what is still unknown and
//! the follow-ups still open, and offers what was learned as answers to
//! confirm rather than questions to ask again.

use std::io::Write;

use crate::error::Result;
use crate::flow::Flow;
use crate::followups::{Item, Reliability, reliability_of};
use crate::playbook::{Answer, Kind};
use crate::session::Session;
use crate::store::Store;
use crate::text::printable;

/// What the last debrief with this person taught.
pub struct Since {
    pub debrief: Session,
    /// Prep question id, the debrief's question as asked, and what was learned.
    pub learned: Vec<(String, String, Answer)>,
    /// The debrief's questions held against a plan that got no answer.
    pub unknown: Vec<String>,
    /// That debrief's follow-ups not yet done.
    pub open: Vec<Item>,
    /// How reliably the user kept their promises to this person.
    pub reliability: Option<Reliability>,
}

/// The latest debrief with `with` (the same person), read for what it learned.
pub fn last_debrief(store: &Store, with: &str) -> Result<Option<Since>> {
    let Some((_, debrief)) = store.latest(Kind::Debrief, with)? else {
        return Ok(None);
    };
    let playbook = store.playbook_by_id(&debrief.playbook).ok();
    let mut learned = Vec::new();
    let mut unknown = Vec::new();
    for q in playbook.iter().flat_map(|p| p.questions()) {
        let Some(plan) = &q.plan else { continue };
        match debrief.answers.0.iter().find(|(id, _)| *id == q.id) {
            Some((_, answer)) => learned.push((plan.clone(), q.ask.clone(), answer.clone())),
            None if debrief.skipped.contains(&q.id) => unknown.push(q.ask.clone()),
            None => {}
        }
    }
    // A prep is not the place for warnings about old files: read quietly.
    let items = store.followups().map(|f| f.items).unwrap_or_default();
    let today = store.now().date();
    let theirs: Vec<&Item> = items.iter().filter(|i| i.is_with(with)).collect();
    let reliability = reliability_of(theirs.iter().copied(), today);
    let open = theirs
        .into_iter()
        .filter(|i| i.session == debrief.id && i.done.is_none())
        .cloned()
        .collect();
    Ok(Some(Since {
        debrief,
        learned,
        unknown,
        open,
        reliability,
    }))
}

impl Since {
    /// Offer each learned answer as the starting answer to the prep question
    /// it was held against.
    pub fn offer<'p>(&self, mut flow: Flow<'p>) -> Flow<'p> {
        for (prep_question, _, answer) in &self.learned {
            flow = flow.with_earlier(prep_question, "Learned last time", answer.clone());
        }
        flow
    }

    /// The block shown before the prep starts, `width` columns wide.
    pub fn show(&self, mut out: impl Write, width: usize) -> std::io::Result<()> {
        let d = &self.debrief;
        // The debrief's questions are templates; render them for this person.
        let ask = |text: &str| crate::flow::render_for(text, &d.with, &d.account);
        let pad = " ".repeat(11);
        let line = |label: &str, text: &str| {
            crate::text::wrap(&printable(text), width, &pad).replacen(
                &pad,
                &format!("  {label:<8} "),
                1,
            )
        };
        writeln!(
            out,
            "\nSince your last conversation with {} ({}, {}):",
            printable(&d.with),
            d.date.date(),
            d.id
        )?;
        for (_, question, answer) in &self.learned {
            let text = format!(
                "{}: {}",
                ask(question).trim_end_matches('?'),
                answer.display()
            );
            writeln!(out, "{}", line("learned", &text))?;
        }
        for question in &self.unknown {
            writeln!(out, "{}", line("unknown", &ask(question)))?;
        }
        for i in &self.open {
            let due = i.due().map_or(String::new(), |d| format!(" (due {d})"));
            let text = format!("{}: {}{due}", i.followup.owner, i.followup.what);
            writeln!(out, "{}", line("open", &text))?;
        }
        if let Some(r) = self.reliability {
            writeln!(out, "  {r}")?;
        }
        Ok(())
    }
}
