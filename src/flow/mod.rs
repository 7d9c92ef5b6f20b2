//! The flow engine: walks a playbook's sections and questions in order,
//! evaluating `when` conditions and templates against the answers so far,
//! asking through a [`Prompter`], and returning everything a session records.
//!
//! It is pure: no terminal, no files, no clock. That is what lets the whole
//! coaching flow be tested in memory.
//!
//! - [`outcome`]: what a walk starts from (the [`Context`]) and produces
//!   (the [`Outcome`], and the [`Progress`] a draft keeps);
//! - [`prompter`]: the [`Prompter`] trait, the one way the flow talks to a
//!   person; `crate::prompt` holds the terminal and the answers file that
//!   implement it;
//! - `values`: answers as templates and people see them.

mod outcome;
mod prompter;
mod values;

use std::collections::{BTreeMap, HashMap, HashSet};

use minijinja::{Environment, Value};

pub use outcome::{
    Context, Nudged, Outcome, PlanVsActual, PrepContext, Progress, Row, SectionOutcome,
};
pub use prompter::{Prompt, Prompter, Review, shown_help};
pub use values::{render_for, with_prep_choices};

use values::{labelled, value};

use crate::coaching;
use crate::error::{Error, Result};
use crate::playbook::{Answer, Playbook, Question, Section, answer};
use crate::template;

/// Called after every answer, with everything answered so far.
pub type Observer<'o> = Box<dyn FnMut(&Progress) -> Result<()> + 'o>;

/// Coaching from outside the playbook, drawn from the answers so far (what
/// a transcript measured, set beside the user's estimates).
pub type Extra<'o> = Box<dyn Fn(&[(String, Answer)]) -> Vec<Nudged> + 'o>;

pub struct Flow<'p> {
    playbook: &'p Playbook,
    cx: Context,
    env: Environment<'static>,
    /// The steps all of this walk's templates may still take.
    budget: template::Budget,
    answers: HashMap<String, Answer>,
    asked: HashSet<String>,
    observer: Option<Observer<'p>>,
    earlier: HashMap<String, Earlier>,
    /// `--full`: every question, not only the default walk's (`depth: core`).
    full: bool,
    /// Whether the playbook marks a default walk at all.
    has_core: bool,
    extra: Option<Extra<'p>>,
    /// The questions asked in this walk, in order: where `<` goes back to.
    history: Vec<String>,
}

/// Something known of a question from an earlier session, shown above it.
#[derive(Debug, Clone)]
struct Earlier {
    label: String,
    answer: Answer,
    /// Whether the answer starts from it (a fact to confirm), or it is only
    /// shown (a target planned afresh).
    prefill: bool,
}

impl<'p> Flow<'p> {
    pub fn new(playbook: &'p Playbook, cx: Context) -> Self {
        Flow {
            playbook,
            cx,
            env: template::environment(),
            budget: template::Budget::default(),
            answers: HashMap::new(),
            asked: HashSet::new(),
            observer: None,
            earlier: HashMap::new(),
            full: false,
            has_core: playbook.has_core(),
            extra: None,
            history: Vec::new(),
        }
    }

    /// Walk every question (`--full`), not only those marked `depth: core`.
    pub fn full(mut self, full: bool) -> Self {
        self.full = full;
        self
    }

    /// Whether `q` is on this walk: every question with `--full` or when the
    /// playbook marks none `core`; else the core ones, and any already
    /// answered (a draft, an answers file), so nothing given is dropped.
    fn on_walk(&self, q: &Question, prompter: Option<&dyn Prompter>) -> bool {
        self.full
            || q.depth == Some(crate::playbook::model::Depth::Core)
            || !self.has_core
            || self.answers.contains_key(&q.id)
            || prompter.is_some_and(|p| p.has_answer(&q.id))
    }

    /// Start from answers given earlier; they are not asked again.
    pub fn with_answers(mut self, answers: impl IntoIterator<Item = (String, Answer)>) -> Self {
        for (id, answer) in answers {
            self.asked.insert(id.clone());
            self.answers.insert(id, answer);
        }
        self
    }

    /// Continue from a draft: its answers are kept and what it asked is not
    /// asked again.
    pub fn resume(mut self, progress: &Progress) -> Self {
        self.asked.extend(progress.asked.iter().cloned());
        self = self.with_answers(progress.answers.iter().cloned());
        self
    }

    /// Add `extra`'s coaching to the nudges, wherever they are shown (the
    /// review, the summary, the notes), so all of them say the same.
    pub fn with_extra_nudges(mut self, extra: Extra<'p>) -> Self {
        self.extra = Some(extra);
        self
    }

    /// Call `observer` after every answer (to write a draft).
    pub fn observe(mut self, observer: Observer<'p>) -> Self {
        self.observer = Some(observer);
        self
    }

    /// Everything asked and answered so far, in playbook order.
    pub fn progress(&self) -> Progress {
        let mut progress = Progress::default();
        for q in self.playbook.questions() {
            if let Some(a) = self.answers.get(&q.id) {
                progress.answers.push((q.id.clone(), a.clone()));
            }
            if self.asked.contains(&q.id) {
                progress.asked.push(q.id.clone());
            }
        }
        progress
    }

    /// Walk the whole playbook, then let the user review and change answers
    /// until they save.
    pub fn run(mut self, prompter: &mut dyn Prompter) -> Result<Outcome> {
        let base = self.base_context();
        let intro = self.render_opt(self.playbook.intro.as_deref(), &base, "intro")?;
        let stance = self.stance(&base)?;
        prompter.start(&self.playbook.title, intro.as_deref(), &stance)?;
        loop {
            match self.walk(Some(prompter)) {
                // Ask the previous question again; every later answer stays.
                Err(Error::Back) => {
                    if let Some(previous) = self.history.pop() {
                        self.asked.remove(&previous);
                    }
                    continue;
                }
                other => other?,
            };
            let outcome = self.outcome()?;
            match prompter.review(&outcome)? {
                Review::Save => return Ok(outcome),
                Review::Change(id) => match self.change(&id, prompter) {
                    // Back from a changed answer is back at the review.
                    Err(Error::Back) => {}
                    other => other?,
                },
            }
        }
    }

    fn base_context(&self) -> BTreeMap<String, Value> {
        let mut ctx = BTreeMap::new();
        ctx.insert("with".to_string(), Value::from(self.cx.with.clone()));
        ctx.insert("account".to_string(), Value::from(self.cx.account.clone()));
        if let Some(prep) = &self.cx.prep {
            let answers: BTreeMap<String, Value> = prep
                .answers
                .iter()
                .map(|(k, a)| (k.clone(), value(a)))
                .collect();
            // `prep.<id>` is short for `prep.answers.<id>` (the fields below win).
            let mut map: BTreeMap<String, Value> = answers.clone();
            map.insert("id".to_string(), Value::from(prep.id.clone()));
            map.insert("with".to_string(), Value::from(prep.with.clone()));
            map.insert("account".to_string(), Value::from(prep.account.clone()));
            map.insert("answers".to_string(), Value::from(answers));
            let means: BTreeMap<String, Value> = prep
                .meant()
                .map(|(m, a)| (m.to_string(), value(a)))
                .collect();
            map.insert("means".to_string(), Value::from(means));
            ctx.insert("prep".to_string(), Value::from(map));
        }
        ctx
    }

    /// What a question was planned as (a debrief's `plan`), or what an
    /// earlier session said of it (`with_earlier`), to show above the prompt.
    fn earlier(&self, q: &Question) -> Option<Earlier> {
        if let (Some(plan), Some(prep)) = (&q.plan, &self.cx.prep) {
            // Shown above an empty answer: Enter must not record the plan
            // as what happened. People are the exception: the records
            // planned for are the start of what the meeting showed, each
            // one gone through (`prompt::people`), not typed again.
            return prep.answer(plan).map(|a| Earlier {
                label: "Planned".to_string(),
                answer: a.clone(),
                prefill: q.ty == crate::playbook::QuestionType::People,
            });
        }
        self.earlier.get(&q.id).cloned()
    }

    /// Show `answer` above question `id`, labelled (e.g. "Learned last
    /// time"); with `prefill`, the answer starts from it, as something to
    /// confirm rather than ask afresh.
    pub fn with_earlier(mut self, id: &str, label: &str, answer: Answer, prefill: bool) -> Self {
        let earlier = Earlier {
            label: label.to_string(),
            answer,
            prefill,
        };
        self.earlier.insert(id.to_string(), earlier);
        self
    }

    fn stance(&self, ctx: &BTreeMap<String, Value>) -> Result<Vec<String>> {
        self.playbook
            .stance
            .iter()
            .map(|s| self.render(s, ctx, "stance"))
            .collect()
    }

    /// One pass over the playbook. With a prompter, questions that are shown
    /// and not yet asked are asked; without one, only visibility is computed.
    /// Returns, per section, the shown questions.
    fn walk(
        &mut self,
        mut prompter: Option<&mut dyn Prompter>,
    ) -> Result<Vec<(&'p Section, Vec<&'p Question>)>> {
        // Where each question stands in the walk, as the answers so far tell
        // (only a count: a condition that fails here fails where it is met).
        let order: Vec<&'p str> = match prompter {
            Some(_) => self
                .walk(None)
                .unwrap_or_default()
                .iter()
                .flat_map(|(_, qs)| qs.iter().map(|q| q.id.as_str()))
                .collect(),
            None => Vec::new(),
        };
        let mut ctx = self.base_context();
        let mut shown = Vec::new();
        let mut seen = 0;
        for section in &self.playbook.sections {
            if !self.condition(section.when.as_deref(), &ctx, &section.id)? {
                continue;
            }
            let mut questions = Vec::new();
            let mut announced = false;
            for q in &section.questions {
                if !self.on_walk(q, prompter.as_deref())
                    || !self.condition(q.when.as_deref(), &ctx, &q.id)?
                {
                    continue;
                }
                seen += 1;
                if let Some(p) = prompter.as_deref_mut()
                    && !self.asked.contains(&q.id)
                {
                    if !announced {
                        let why = self.render_opt(section.why.as_deref(), &ctx, &section.id)?;
                        p.section(&section.title, why.as_deref())?;
                        announced = true;
                    }
                    let at = order
                        .iter()
                        .position(|id| *id == q.id)
                        .map_or(seen, |i| i + 1);
                    self.ask(q, &ctx, p, Some((at, order.len().max(at))))?;
                }
                if let Some(answer) = self.answers.get(&q.id) {
                    ctx.insert(q.id.clone(), value(answer));
                }
                questions.push(q);
            }
            shown.push((section, questions));
        }
        Ok(shown)
    }

    fn ask(
        &mut self,
        q: &Question,
        ctx: &BTreeMap<String, Value>,
        prompter: &mut dyn Prompter,
        progress: Option<(usize, usize)>,
    ) -> Result<()> {
        let earlier = self.earlier(q);
        // An earlier answer is offered as the starting text when it fits.
        let offered = earlier
            .as_ref()
            .filter(|e| e.prefill)
            .map(|e| e.answer.clone())
            .filter(|a| answer::fits(q, a));
        let prompt = Prompt {
            question: q,
            ask: self.render(&q.ask, ctx, &q.id)?,
            help: self.render_opt(q.help.as_deref(), ctx, &q.id)?,
            current: self
                .answers
                .get(&q.id)
                .cloned()
                .or_else(|| q.default.clone())
                .or(offered),
            earlier: earlier.map(|e| (e.label, labelled(q, e.answer).display())),
            progress,
        };
        let answer = prompter.ask(&prompt)?;
        self.asked.insert(q.id.clone());
        self.history.push(q.id.clone());
        match answer {
            Some(a) => {
                self.answers.insert(q.id.clone(), a);
            }
            None => {
                self.answers.remove(&q.id);
            }
        }
        if self.observer.is_some() {
            let progress = self.progress();
            if let Some(observer) = self.observer.as_mut() {
                observer(&progress)?;
            }
        }
        let mut ctx = ctx.clone();
        if let Some(a) = self.answers.get(&q.id) {
            ctx.insert(q.id.clone(), value(a));
        }
        // The prompter shows question checks itself, as they are typed.
        for text in self.nudges_for(q, &ctx, false)? {
            prompter.nudge(&text)?;
        }
        Ok(())
    }

    /// Ask one question again (from the review), then walk again so that
    /// questions its new answer reveals are asked.
    fn change(&mut self, id: &str, prompter: &mut dyn Prompter) -> Result<()> {
        let Some(q) = self.playbook.question(id) else {
            return Ok(());
        };
        match self.context_at(id)? {
            Some(ctx) => self.ask(q, &ctx, prompter, None),
            None => Ok(()),
        }
    }

    /// The context a question is asked in: the answers of the questions shown
    /// before it. `None` when the question itself is hidden.
    fn context_at(&self, id: &str) -> Result<Option<BTreeMap<String, Value>>> {
        let mut ctx = self.base_context();
        for section in &self.playbook.sections {
            let shown = self.condition(section.when.as_deref(), &ctx, &section.id)?;
            for q in &section.questions {
                let shown = shown
                    && self.on_walk(q, None)
                    && self.condition(q.when.as_deref(), &ctx, &q.id)?;
                if q.id == id {
                    return Ok(shown.then_some(ctx));
                }
                if let Some(answer) = self.answers.get(&q.id).filter(|_| shown) {
                    ctx.insert(q.id.clone(), value(answer));
                }
            }
        }
        Ok(None)
    }

    /// The playbook's nudges for a question, and with `checks`, what the
    /// question coach finds in an answer with `check: questions`.
    fn nudges_for(
        &self,
        q: &Question,
        ctx: &BTreeMap<String, Value>,
        checks: bool,
    ) -> Result<Vec<String>> {
        let mut out = Vec::new();
        let empty = !self.answers.contains_key(&q.id);
        if let Some(text) = q.nudge.as_ref().filter(|_| empty) {
            out.push(self.render(text, ctx, &q.id)?);
        }
        for nudge in &q.nudges {
            if self.condition(Some(&nudge.when), ctx, &q.id)? {
                out.push(self.render(&nudge.say, ctx, &q.id)?);
            }
        }
        if checks && q.check.is_some() {
            let items = match self.answers.get(&q.id) {
                Some(Answer::List(items)) => items.clone(),
                Some(Answer::Text(text)) => vec![text.clone()],
                _ => Vec::new(),
            };
            out.extend(items.iter().filter_map(|item| coaching::summary(item)));
        }
        Ok(out)
    }

    /// What the session holds now: shown questions, their answers, nudges.
    pub fn outcome(&mut self) -> Result<Outcome> {
        let shown = self.walk(None)?;
        let mut out = Outcome {
            stance: self.stance(&self.base_context())?,
            ..Outcome::default()
        };
        let shown_ids: HashSet<&str> = shown
            .iter()
            .flat_map(|(_, qs)| qs.iter().map(|q| q.id.as_str()))
            .collect();
        let mut ctx = self.base_context();
        for (section, questions) in &shown {
            let mut rows = Vec::new();
            for q in questions {
                let answer = self.answers.get(&q.id).cloned();
                if let Some(a) = &answer {
                    ctx.insert(q.id.clone(), value(a));
                    out.answers.push((q.id.clone(), a.clone()));
                } else {
                    out.skipped.push(q.id.clone());
                    if q.required {
                        out.missing.push(q.id.clone());
                    }
                }
                for text in self.nudges_for(q, &ctx, true)? {
                    out.nudges.push(Nudged {
                        question: q.id.clone(),
                        text,
                    });
                }
                let ask = self.render(&q.ask, &ctx, &q.id)?;
                if let Some(plan) = &q.plan {
                    out.plan_vs_actual.push(PlanVsActual {
                        question: q.id.clone(),
                        plan: plan.clone(),
                        ask: ask.clone(),
                        planned: self.earlier(q).map(|e| e.answer),
                        actual: answer.clone(),
                    });
                }
                rows.push(Row {
                    id: q.id.clone(),
                    ask,
                    answer: answer.map(|a| labelled(q, a)),
                    is_question_list: q.check.is_some(),
                });
            }
            if rows.is_empty() {
                continue;
            }
            out.sections.push(SectionOutcome {
                id: section.id.clone(),
                title: section.title.clone(),
                rows,
            });
        }
        if let Some(extra) = &self.extra {
            out.nudges.extend(extra(&out.answers));
        }
        // Hidden questions count as skipped too, in playbook order.
        let order: Vec<&str> = self.playbook.questions().map(|q| q.id.as_str()).collect();
        for id in &order {
            if !shown_ids.contains(id) {
                out.skipped.push(id.to_string());
            }
        }
        out.skipped
            .sort_by_key(|id| order.iter().position(|o| o == id));
        Ok(out)
    }

    fn condition(
        &self,
        expr: Option<&str>,
        ctx: &BTreeMap<String, Value>,
        at: &str,
    ) -> Result<bool> {
        let Some(expr) = expr else { return Ok(true) };
        template::holds(&self.env, expr, ctx, &self.budget).map_err(|e| self.fail(at, "when", &e))
    }

    fn render(&self, template: &str, ctx: &BTreeMap<String, Value>, at: &str) -> Result<String> {
        if !template.contains("{{") && !template.contains("{%") && !template.contains("{#") {
            return Ok(template.trim_end().to_string());
        }
        template::render(&self.env, template, ctx, &self.budget)
            .map(|s| s.trim_end().to_string())
            .map_err(|e| self.fail(at, "template", &e))
    }

    fn render_opt(
        &self,
        template: Option<&str>,
        ctx: &BTreeMap<String, Value>,
        at: &str,
    ) -> Result<Option<String>> {
        template.map(|t| self.render(t, ctx, at)).transpose()
    }

    fn fail(&self, at: &str, what: &str, err: &template::Failure) -> Error {
        let hint = match err {
            template::Failure::Limit | template::Failure::Budget => format!(
                "; `coach playbook validate {}` shows where",
                self.playbook.id
            ),
            template::Failure::Jinja(_) => String::new(),
        };
        Error::Invalid(format!(
            "playbook `{}`: the {what} of `{at}` failed: {}{hint}",
            self.playbook.id,
            err.reason(),
        ))
    }
}

#[cfg(test)]
mod depth_tests;
#[cfg(test)]
mod tests;
