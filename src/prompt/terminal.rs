//! Asking in a real terminal: picks with dialoguer, typed lines with a
//! line editor (rustyline, on the terminal). Everything is drawn on the
//! terminal (stderr), so stdout stays free for the summary or the JSON
//! document.
//!
//! Ctrl-C inside a prompt returns [`Error::Interrupted`] instead of killing
//! the process: a handler is installed (`crate::signal`), and console's key
//! reader turns the keypress into an `Interrupted` I/O error that dialoguer
//! passes up.

use std::io::Write;

use dialoguer::console::{Style, StyledObject, Term, style};
use dialoguer::{Confirm, MultiSelect, Select};

use super::editor;
use crate::error::{Error, Result};
use crate::flow::Outcome;
use crate::flow::{Prompt, Prompter, Review};
use crate::playbook::{Answer, QuestionType, answer};
use crate::text::{printable, printable_line, wrap};

/// How soon an editor may return, unchanged, before coach takes it as one
/// that does not wait.
const EDITOR_MOMENT: std::time::Duration = std::time::Duration::from_millis(1500);

pub struct Terminal {
    pub(super) term: Term,
    pub(super) theme: super::theme::CoachTheme,
    /// The editor for `long` answers, and where it writes them.
    editor: Option<String>,
    scratch: Box<dyn editor::Scratch>,
    /// The rest of the tip of the question being asked, shown on `?`.
    more_help: std::cell::RefCell<Option<String>>,
    /// The line editor, made at the first typed answer.
    line_editor: std::cell::RefCell<Option<LineEditor>>,
    /// What the up arrow brings back into the line to edit: the plan or the
    /// earlier answer shown above the question being asked, never typed in
    /// for the user.
    recall: std::cell::RefCell<Option<String>>,
}

type LineEditor = rustyline::Editor<(), rustyline::history::DefaultHistory>;

impl Terminal {
    pub fn new(editor: Option<String>, scratch: Box<dyn editor::Scratch>) -> Self {
        crate::signal::install();
        Terminal {
            term: Term::stderr(),
            theme: super::theme::CoachTheme::default(),
            editor,
            scratch,
            more_help: std::cell::RefCell::new(None),
            line_editor: std::cell::RefCell::new(None),
            recall: std::cell::RefCell::new(None),
        }
    }

    /// Columns for prose: the terminal's width, kept readable.
    fn width(&self) -> usize {
        crate::report::columns(&self.term).clamp(40, 100)
    }

    pub(super) fn line(&self, text: &str) -> Result<()> {
        self.term.write_line(text)?;
        Ok(())
    }

    fn check_interrupt(&self) -> Result<()> {
        if crate::signal::take_interrupt() {
            return Err(Error::Interrupted(String::new()));
        }
        Ok(())
    }

    /// One line typed at the terminal, with the keys every shell has
    /// (Ctrl-A/E/U/W/K, Alt-B/F, Home/End, Delete, arrows), wrapped and
    /// redrawn in place however long it gets; a paste (bracketed) comes in
    /// whole, its line breaks kept. Dialoguer's input has neither the keys
    /// nor bracketed paste, so this is rustyline, on the terminal itself.
    /// Ctrl-C is an interruption; Ctrl-D on an empty line is an empty one.
    fn read_line(&self, prompt: &str, initial: Option<&str>) -> Result<String> {
        use rustyline::config::{Behavior, Config};
        use rustyline::error::ReadlineError;
        let config = Config::builder()
            .behavior(Behavior::PreferTerm)
            .auto_add_history(false)
            .bracketed_paste(true)
            .build();
        let failed = |e: ReadlineError| Error::Other(anyhow::anyhow!("the terminal: {e}"));
        // One editor for the whole session: it reads ahead, and what a fast
        // typist sent for the next prompt must not go with it.
        let mut slot = self.line_editor.borrow_mut();
        if slot.is_none() {
            *slot = Some(rustyline::Editor::with_config(config).map_err(failed)?);
        }
        let Some(editor) = slot.as_mut() else {
            unreachable!("just set");
        };
        // The history holds only what this prompt offers to recall.
        editor.clear_history().map_err(failed)?;
        if let Some(text) = self.recall.borrow().as_deref() {
            editor.add_history_entry(printable(text)).map_err(failed)?;
        }
        let prompt = if prompt.is_empty() {
            "› ".to_string()
        } else {
            format!("{} › ", printable_line(prompt))
        };
        let read = match initial.filter(|t| !t.is_empty()) {
            // Text offered to edit (a default, a plan) is shown like any other.
            Some(text) => editor.readline_with_initial(&prompt, (&printable(text), "")),
            None => editor.readline(&prompt),
        };
        match read {
            Ok(text) => Ok(text),
            Err(ReadlineError::Interrupted) => Err(Error::Interrupted(String::new())),
            Err(ReadlineError::Eof) => Ok(String::new()),
            Err(e) => Err(failed(e)),
        }
    }

    /// A one-line answer: a pasted block is one answer, its line breaks
    /// made spaces. `?` shows the rest of the question's tip and asks again.
    pub(super) fn input(
        &self,
        prompt: &str,
        initial: Option<&str>,
        allow_empty: bool,
    ) -> Result<String> {
        loop {
            let text = self.read_line(prompt, initial)?;
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            if text == "<" {
                return Err(Error::Back);
            }
            match text.as_str() {
                "?" if self.more_help()? => {}
                "" if !allow_empty => {}
                _ => return Ok(text),
            }
        }
    }

    /// Show the rest of the tip of the question being asked (on `?`);
    /// whether there was any.
    fn more_help(&self) -> Result<bool> {
        let Some(more) = self.more_help.borrow().clone() else {
            return Ok(false);
        };
        let width = self.width();
        self.line(
            &style_err(wrap(&printable(&more), width, "  "))
                .dim()
                .to_string(),
        )?;
        Ok(true)
    }

    /// Free text typed line by line; an empty line ends it. A paste is
    /// taken line for line (blank lines inside it kept), and does not end it.
    fn lines(&self, numbered: bool) -> Result<Vec<String>> {
        let mut lines: Vec<String> = Vec::new();
        loop {
            let label = if numbered {
                (lines.len() + 1).to_string()
            } else {
                String::new()
            };
            let read = self.read_line(&label, None)?;
            if read.contains('\n') || read.contains('\r') {
                lines.extend(read.lines().map(|l| l.trim_end_matches('\r').to_string()));
                continue;
            }
            if read.trim() == "<" && lines.is_empty() {
                return Err(Error::Back);
            }
            if read.trim() == "?" && self.more_help()? {
                continue;
            }
            if read.trim().is_empty() {
                while lines.last().is_some_and(|l| l.trim().is_empty()) {
                    lines.pop();
                }
                return Ok(lines);
            }
            lines.push(read);
        }
    }

    /// Keep an earlier list or long answer, or write it again.
    fn keep(&self, current: &Option<Answer>) -> Result<bool> {
        let Some(current) = current else {
            return Ok(false);
        };
        self.line(&format!(
            "  {} {}",
            style_err("now:").dim(),
            printable(&current.display())
        ))?;
        Confirm::with_theme(&self.theme)
            .with_prompt("Keep this answer?")
            .default(true)
            .interact_on(&self.term)
            .map_err(io)
    }

    fn long(&mut self, prompt: &Prompt) -> Result<Option<Answer>> {
        let Some(editor) = self.editor.clone() else {
            if self.keep(&prompt.current)? {
                return Ok(prompt.current.clone());
            }
            self.line(&format!(
                "  {}",
                style_err("Type your answer; an empty line ends it.").dim()
            ))?;
            let text = self.lines(false)?.join("\n");
            return answer::from_text(prompt.question, &text).map_err(Error::Invalid);
        };
        let current = match &prompt.current {
            Some(Answer::Text(t)) => t.as_str(),
            _ => "",
        };
        self.line(&format!(
            "  {}",
            style_err(format!("Opening {editor}; save and close it to go on.")).dim()
        ))?;
        let started = std::time::Instant::now();
        let why = match editor::edit(&editor, self.scratch.as_ref(), &prompt.question.id, current) {
            // An editor that returns at once with nothing changed did not
            // wait for the user (`code` without `--wait`, `EDITOR=true`).
            Ok(text) if text == current && started.elapsed() < EDITOR_MOMENT => format!(
                "`{editor}` returned at once without a change, so it did not wait for you \
                 (for VS Code, set EDITOR=\"code --wait\")"
            ),
            Ok(text) => {
                self.line(&format!(
                    "  {} {}",
                    style_err("✔").green(),
                    printable(&first_line(&text))
                ))?;
                return answer::from_text(prompt.question, &text).map_err(Error::Invalid);
            }
            Err(err @ Error::Interrupted(_)) => return Err(err),
            Err(err) => format!("{err:#}"),
        };
        // Type here instead, for the rest of this session.
        self.editor = None;
        self.line(
            &style_err(format!("  {}; type it here instead.", printable(&why)))
                .yellow()
                .to_string(),
        )?;
        self.long(prompt)
    }

    fn ask_once(&mut self, prompt: &Prompt) -> Result<Option<Answer>> {
        let q = prompt.question;
        let optional = !q.required;
        let current = prompt.current.clone();
        match q.ty {
            QuestionType::Text => {
                let initial = current.as_ref().map(Answer::display);
                let text = self.input("", initial.as_deref(), optional)?;
                answer::from_text(q, &text).map_err(Error::Invalid)
            }
            QuestionType::Number | QuestionType::Date => {
                let initial = current.as_ref().map(Answer::display);
                let hint = if q.ty == QuestionType::Date {
                    "YYYY-MM-DD"
                } else {
                    "number"
                };
                let text = self.input(hint, initial.as_deref(), optional)?;
                answer::from_text(q, &text).map_err(Error::Invalid)
            }
            QuestionType::Long => self.long(prompt),
            QuestionType::People => self.people(prompt),
            QuestionType::List => {
                if self.keep(&current)? {
                    return Ok(current);
                }
                self.line(&format!(
                    "  {}",
                    style_err("One item a line; an empty line ends the list.").dim()
                ))?;
                let lines = self.lines(true)?;
                answer::from_text(q, &lines.join("\n")).map_err(Error::Invalid)
            }
            QuestionType::Choice => {
                let items: Vec<String> = q
                    .choices
                    .iter()
                    .map(|c| match c.hint() {
                        Some(h) => printable_line(&format!("{} — {}", c.label(), h)),
                        None => printable_line(c.label()),
                    })
                    .collect();
                let at = match &current {
                    Some(Answer::Text(v)) => q.choices.iter().position(|c| c.value() == v),
                    _ => None,
                };
                let picked = self.pick("Pick one (↑/↓, Enter)", items, at)?;
                Ok(picked
                    .and_then(|n| q.choices.get(n))
                    .map(|c| Answer::Text(c.value().to_string())))
            }
            QuestionType::Multi => {
                let chosen: Vec<String> = match &current {
                    Some(Answer::List(v)) => v.clone(),
                    _ => Vec::new(),
                };
                let items: Vec<(String, bool)> = q
                    .choices
                    .iter()
                    .map(|c| {
                        let label = match c.hint() {
                            Some(h) => printable_line(&format!("{} — {}", c.label(), h)),
                            None => printable_line(c.label()),
                        };
                        (label, chosen.iter().any(|v| v == c.value()))
                    })
                    .collect();
                let picked = MultiSelect::with_theme(&self.theme)
                    .with_prompt("Pick any (Space to mark, Enter when done)")
                    .items_checked(items)
                    .interact_on(&self.term)
                    .map_err(io)?;
                let values: Vec<String> = picked
                    .into_iter()
                    .map(|i| q.choices[i].value().to_string())
                    .collect();
                answer::from_text(q, &values.join("\n")).map_err(Error::Invalid)
            }
            QuestionType::Yesno => {
                let mut confirm = Confirm::with_theme(&self.theme).with_prompt("yes or no");
                if let Some(Answer::Bool(b)) = current {
                    confirm = confirm.default(b);
                }
                if optional {
                    return Ok(confirm
                        .interact_on_opt(&self.term)
                        .map_err(io)?
                        .map(Answer::Bool));
                }
                Ok(Some(Answer::Bool(
                    confirm.interact_on(&self.term).map_err(io)?,
                )))
            }
            QuestionType::Scale => {
                let (lo, hi) = q.scale_range();
                let labels = q.labels.as_ref();
                let items: Vec<String> = (lo..=hi)
                    .map(|n| {
                        let end = if n == lo {
                            labels.and_then(|l| l.low.as_deref())
                        } else if n == hi {
                            labels.and_then(|l| l.high.as_deref())
                        } else {
                            None
                        };
                        match end {
                            Some(label) => printable_line(&format!("{n} — {label}")),
                            None => n.to_string(),
                        }
                    })
                    .collect();
                let at = match current {
                    Some(Answer::Int(n)) if (lo..=hi).contains(&n) => Some((n - lo) as usize),
                    _ => None,
                };
                let picked = self.pick(&format!("{lo} to {hi} (↑/↓, Enter)"), items, at)?;
                Ok(picked.map(|i| Answer::Int(lo + i as i64)))
            }
        }
    }

    /// One of `items`, starting on `at` (an answer given before, or the
    /// default). With nothing given, the cursor starts on "no answer", so
    /// Enter in a hurry records nothing rather than an invented score;
    /// `None` is that choice.
    pub(super) fn pick(
        &self,
        prompt: &str,
        items: Vec<String>,
        at: Option<usize>,
    ) -> Result<Option<usize>> {
        let mut rows = Vec::with_capacity(items.len() + 1);
        rows.push(NO_ANSWER.to_string());
        rows.extend(items);
        let picked = Select::with_theme(&self.theme)
            .with_prompt(prompt)
            .items(&rows)
            .default(at.map_or(0, |n| n + 1))
            .interact_on(&self.term)
            .map_err(io)?;
        Ok(picked.checked_sub(1))
    }
}

/// The first row of every pick: choosing it leaves the question empty.
const NO_ANSWER: &str = "(no answer)";

/// Text styled for stderr, where the terminal prompter writes: its colour
/// follows stderr's setting, not stdout's.
pub(super) fn style_err<D>(text: D) -> StyledObject<D> {
    style(text).for_stderr()
}

/// Wrapped text whose first line starts with `mark` and the rest line up under it.
fn bullet(text: &str, width: usize, mark: &str) -> String {
    let pad = " ".repeat(mark.chars().count());
    let wrapped = wrap(text, width, &pad);
    format!("{mark}{}", &wrapped[pad.len()..])
}

fn first_line(text: &str) -> String {
    let line = text.trim().lines().next().unwrap_or("").to_string();
    if text.trim().lines().count() > 1 {
        format!("{line} …")
    } else {
        line
    }
}

pub(super) fn io(err: dialoguer::Error) -> Error {
    let dialoguer::Error::IO(err) = err;
    Error::from(err)
}

impl Prompter for Terminal {
    fn start(&mut self, title: &str, intro: Option<&str>, stance: &[String]) -> Result<()> {
        let width = self.width();
        self.line("")?;
        self.line(&style_err(printable_line(title)).bold().to_string())?;
        if let Some(intro) = intro {
            self.line(&wrap(&printable(intro), width, ""))?;
        }
        if !stance.is_empty() {
            self.line("")?;
            self.line(&style_err("Your stance").bold().to_string())?;
            for reminder in stance {
                self.line(&bullet(&printable(reminder), width, "  • "))?;
            }
        }
        Ok(())
    }

    fn section(&mut self, title: &str, why: Option<&str>) -> Result<()> {
        let width = self.width();
        self.line("")?;
        self.line(
            &style_err(format!("── {} ", printable_line(title)))
                .cyan()
                .bold()
                .to_string(),
        )?;
        if let Some(why) = why {
            self.line(
                &Style::new()
                    .for_stderr()
                    .italic()
                    .apply_to(wrap(&printable(why), width, "  "))
                    .to_string(),
            )?;
        }
        Ok(())
    }

    fn ask(&mut self, prompt: &Prompt) -> Result<Option<Answer>> {
        self.check_interrupt()?;
        let width = self.width();
        self.line("")?;
        let marker = if prompt.question.required {
            style_err(" (required)").dim().to_string()
        } else {
            String::new()
        };
        let at = match prompt.progress {
            Some((n, total)) => style_err(format!("{n} of {total} · ")).dim().to_string(),
            None => String::new(),
        };
        self.line(&format!(
            "{at}{}{marker}",
            style_err(printable(&prompt.ask)).bold()
        ))?;
        // Shown, not typed in: Enter never records it as the answer; the up
        // arrow brings it into the line to edit.
        let one_line = matches!(
            prompt.question.ty,
            QuestionType::Text | QuestionType::Number | QuestionType::Date
        );
        let offered = prompt.current.is_none() && one_line;
        *self.recall.borrow_mut() = None;
        if let Some((label, text)) = &prompt.earlier {
            self.line(
                &style_err(bullet(&printable(text), width, &format!("  {label}: ")))
                    .cyan()
                    .to_string(),
            )?;
            if offered {
                self.line(&format!(
                    "  {}",
                    style_err("(↑ brings it in to edit)").dim().italic()
                ))?;
                *self.recall.borrow_mut() = Some(text.clone());
            }
        }
        // The tip's first sentence; the rest is one `?` away (`shown_help`).
        *self.more_help.borrow_mut() = None;
        if let Some(help) = &prompt.help {
            let (shown, rest) = crate::flow::shown_help(prompt.question, help);
            let more = match rest {
                Some(_) => format!(" {}", style_err("(? for more)").italic()),
                None => String::new(),
            };
            self.line(&format!(
                "{}{more}",
                style_err(wrap(&printable(shown), width, "  ")).dim()
            ))?;
            *self.more_help.borrow_mut() = rest.map(str::to_owned);
        }
        loop {
            match self.ask_once(prompt) {
                Ok(None) if prompt.question.required => {
                    self.line(
                        &style_err("  This one needs an answer before the notes can be saved.")
                            .yellow()
                            .to_string(),
                    )?;
                }
                Err(Error::Invalid(reason)) => {
                    self.line(
                        &style_err(format!("  {reason}; try again."))
                            .yellow()
                            .to_string(),
                    )?;
                }
                Ok(Some(answer)) if prompt.question.check.is_some() => {
                    return self.coach_questions(answer);
                }
                other => return other,
            }
        }
    }

    fn nudge(&mut self, text: &str) -> Result<()> {
        let width = self.width();
        self.line(
            &style_err(bullet(&printable(text), width, "  ➜ "))
                .yellow()
                .to_string(),
        )?;
        Ok(())
    }

    fn review(&mut self, outcome: &Outcome) -> Result<Review> {
        self.check_interrupt()?;
        self.line("")?;
        self.line(&crate::report::table(outcome, self.width()).to_string())?;
        for nudge in &outcome.nudges {
            self.nudge(&nudge.text)?;
        }
        self.line("")?;
        let choice = Select::with_theme(&self.theme)
            .with_prompt("Save these notes?")
            .items(["Save", "Change an answer"])
            .default(0)
            .interact_on(&self.term)
            .map_err(io)?;
        if choice == 0 {
            return Ok(Review::Save);
        }
        let rows: Vec<(&str, String)> = outcome
            .sections
            .iter()
            .flat_map(|s| s.rows.iter())
            .map(|r| {
                let answer = r
                    .answer
                    .as_ref()
                    .map(|a| printable(&a.display()))
                    .unwrap_or_else(|| "—".into());
                let answer: String = answer.chars().take(40).collect();
                // One screen line each, or the list cannot redraw in place.
                let room = crate::report::columns(&self.term).saturating_sub(4).max(20);
                let label = format!("{}  [{}]", printable_line(&r.ask), printable_line(&answer));
                (r.id.as_str(), crate::text::fit(&label, room))
            })
            .collect();
        let picked = Select::with_theme(&self.theme)
            .with_prompt("Which answer? (Esc: back)")
            .items(rows.iter().map(|(_, label)| label))
            .default(0)
            .max_length(12)
            .interact_on_opt(&self.term)
            .map_err(io)?;
        match picked {
            Some(n) => Ok(Review::Change(rows[n].0.to_string())),
            // Esc: back to the review, nothing changed.
            None => self.review(outcome),
        }
    }
}

impl Drop for Terminal {
    fn drop(&mut self) {
        let _ = self.term.show_cursor();
        let _ = std::io::stderr().flush();
    }
}
