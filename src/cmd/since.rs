//! The next prep learns from the last debrief: when a prep starts for someone
//! debriefed before, coach shows what was learned, what is still unknown and
//! the follow-ups still open, and offers what was learned as answers to
//! confirm rather than questions to ask again.

use std::io::Write;

use crate::flow::Flow;
use crate::history::scan::{Head, sessions};
use crate::playbook::{Answer, Kind, load};
use crate::session::store::Store;
use crate::session::{FollowUp, Session};
use crate::text::printable;

/// What the last debrief with this person taught.
pub struct Since {
    pub debrief: Session,
    /// Prep question id, the debrief's question as asked, and what was learned.
    pub learned: Vec<(String, String, Answer)>,
    /// The debrief's questions held against a plan that got no answer.
    pub unknown: Vec<String>,
    pub open: Vec<FollowUp>,
}

/// The latest debrief with `with` (ignoring case), read for what it learned.
pub fn last_debrief(store: &Store, with: &str) -> Option<Since> {
    let same =
        |h: &Head| h.kind == Kind::Debrief && h.with.trim().eq_ignore_ascii_case(with.trim());
    let (_, debrief) = sessions(store, same).into_iter().next()?;
    let playbook = load::find(&debrief.playbook, &load::search_dirs()).ok();
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
    let done = crate::followups::done_ids(store);
    let open = debrief
        .followups
        .iter()
        .filter(|f| !done.contains(&f.id))
        .cloned()
        .collect();
    Some(Since {
        debrief,
        learned,
        unknown,
        open,
    })
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

    /// The block shown before the prep starts.
    pub fn show(&self, store: &Store, mut out: impl Write) -> std::io::Result<()> {
        let d = &self.debrief;
        let when = d.date.get(..10).unwrap_or(&d.date);
        // The debrief's questions are templates; render them for this person.
        let env = minijinja::Environment::new();
        let ctx = minijinja::context! { with => &d.with, account => &d.account };
        let ask = |text: &str| {
            env.render_str(text, &ctx)
                .unwrap_or_else(|_| text.to_string())
        };
        let pad = " ".repeat(11);
        let line = |label: &str, text: &str| {
            crate::text::wrap(&printable(text), 100, &pad).replacen(
                &pad,
                &format!("  {label:<8} "),
                1,
            )
        };
        writeln!(
            out,
            "\nSince your last conversation with {} ({when}, {}):",
            printable(&d.with),
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
        for f in &self.open {
            let due = f
                .due
                .as_deref()
                .map_or(String::new(), |d| format!(" (due {d})"));
            writeln!(
                out,
                "{}",
                line("open", &format!("{}: {}{due}", f.owner, f.what))
            )?;
        }
        if let Some(r) = crate::followups::reliability(store, Some(&d.with)) {
            writeln!(out, "  {r}")?;
        }
        Ok(())
    }
}
