//! The thread across calls (DESIGN.md sections 3 and 4): what the last
//! debrief with someone said, read by meaning so it works whatever the
//! playbooks call their questions, and how the next prep uses it.
//!
//! - What a debrief learned about a *fact* (their business result, personal
//!   win, decision process, influences) is offered back to the next prep's
//!   question with that meaning, to confirm rather than ask again.
//! - *Targets* (objective, best and minimum action) are planned afresh:
//!   the last outcome and commitment are shown beside them, never filled in.
//! - Planned questions the debrief did not tick as asked start the next plan.
//! - Anything else learned is shown above the question it was held against.
//!
//! What a debrief said is read by `session::thread` ([`Said`]); the card
//! (`coach card`) reads the same to show what was learned since the prep.

use std::io::Write;

use crate::error::Result;
use crate::flow::Flow;
use crate::followups::{Item, Reliability, reliability_of};
use crate::playbook::{Answer, Kind, Meaning, Playbook};
use crate::session::Session;
use crate::session::thread::Said;
use crate::store::Store;
use crate::text::printable;

/// What the last debrief with this person taught, for the next prep.
pub struct Since {
    pub debrief: Session,
    pub said: Said,
    /// Whether the prep it was held against followed the next prep's
    /// playbook: only then does a prep question id mean the same question.
    pub same_playbook: bool,
    /// That debrief's follow-ups not yet done.
    pub open: Vec<Item>,
    /// How reliably the user kept their promises to this person.
    pub reliability: Option<Reliability>,
}

/// What `debrief` said, read with its playbook and the prep it was held
/// against (read quietly: a prep is not the place for warnings about old
/// files); the prep's playbook id beside it.
pub fn said(store: &Store, debrief: &Session) -> (Said, Option<String>) {
    let playbook = store.playbook_by_id(&debrief.playbook).ok();
    let prep = debrief
        .prep
        .as_deref()
        .filter(|id| crate::session::valid_id(id))
        .and_then(|id| store.session(id, Some(Kind::Prep)).ok())
        .map(|(_, s)| s);
    let said = Said::of(debrief, playbook.as_ref(), prep.as_ref());
    (said, prep.map(|p| p.playbook))
}

/// The latest debrief with `with` (the same person), read for what it
/// said, for a prep that follows `next`.
pub fn last_debrief(store: &Store, with: &str, next: &Playbook) -> Result<Option<Since>> {
    let Some((_, debrief)) = store.latest(Kind::Debrief, with)? else {
        return Ok(None);
    };
    let (said, prep_playbook) = said(store, &debrief);
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
        said,
        same_playbook: prep_playbook.as_deref() == Some(next.id.as_str()),
        open,
        reliability,
    }))
}

impl Since {
    /// Offer what was learned to the next prep, question by question, as
    /// the module says: facts to confirm, targets beside the last outcome,
    /// unasked questions as the start of the plan.
    pub fn offer<'p>(&self, mut flow: Flow<'p>, next: &Playbook) -> Flow<'p> {
        for l in &self.said.learned {
            match l.meaning {
                Some(m) if m.is_fact() => {
                    if let Some(q) = next.meaning(m) {
                        flow =
                            flow.with_earlier(&q.id, "Learned last time", l.answer.clone(), true);
                    }
                }
                // A commitment is not the next call's target.
                Some(m) if m.is_target() => {}
                _ if !self.same_playbook => {}
                _ => {
                    if let Some(q) = next.question(&l.plan).filter(|q| !is_target(q.means)) {
                        flow =
                            flow.with_earlier(&q.id, "Learned last time", l.answer.clone(), false);
                    }
                }
            }
        }
        if let Some(last) = &self.said.last {
            for q in next.questions().filter(|q| is_target(q.means)) {
                flow = flow.with_earlier(&q.id, "Last time", Answer::Text(last.clone()), false);
            }
        }
        if let Some(q) = next.meaning(Meaning::PlannedQuestions)
            && !self.said.unasked.is_empty()
        {
            let list = Answer::List(self.said.unasked.clone());
            flow = flow.with_earlier(&q.id, "Not asked last time", list, true);
        }
        flow
    }

    /// The block shown before the prep starts, `width` columns wide.
    pub fn show(&self, mut out: impl Write, width: usize) -> std::io::Result<()> {
        let d = &self.debrief;
        // The debrief's questions are templates; render them for this person.
        let ask = |text: &str| crate::flow::render_for(text, &d.with, &d.account);
        let pad = " ".repeat(12);
        let line = |label: &str, text: &str| {
            crate::text::wrap(&printable(text), width, &pad).replacen(
                &pad,
                &format!("  {label:<9} "),
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
        if let Some(last) = &self.said.last {
            writeln!(out, "{}", line("outcome", last))?;
        }
        // A commitment is in the outcome line already.
        for l in self.said.learned.iter().filter(|l| !is_target(l.meaning)) {
            let text = format!(
                "{}: {}",
                ask(&l.ask).trim_end_matches('?'),
                l.answer.display()
            );
            writeln!(out, "{}", line("learned", &text))?;
        }
        for question in &self.said.unknown {
            writeln!(out, "{}", line("unknown", &ask(question)))?;
        }
        for question in &self.said.unasked {
            writeln!(out, "{}", line("not asked", question))?;
        }
        for i in &self.open {
            let due = i.due().map_or(String::new(), |d| format!(" (due {d})"));
            let text = format!("{}: {}{due}", i.followup.owner, i.followup.what);
            writeln!(out, "{}", line("open", &text))?;
        }
        if let Some(r) = self.reliability {
            writeln!(out, "{}", line("promises", &r.gently()))?;
        }
        Ok(())
    }
}

fn is_target(meaning: Option<Meaning>) -> bool {
    meaning.is_some_and(Meaning::is_target)
}
