//! Asking a `people` question in the terminal: the buying influences one
//! person at a time — a name typed, then what is known of them picked
//! (roles, influence, mode, how strongly they back you) and their personal
//! win typed. People known already (an earlier answer, or the plan a
//! debrief holds them against) are offered to keep, go through one by one,
//! or start afresh. Each record is checked as it is made (a name, each
//! person once, the question's `min`/`max`), so nothing typed is thrown
//! away at the end.

use dialoguer::{MultiSelect, Select};

use super::terminal::{Terminal, io, style_err};
use crate::error::{Error, Result};
use crate::flow::Prompt;
use crate::playbook::{Answer, Influence, Mode, Person, Role};
use crate::text::{printable, printable_line};

/// What to do with the people known already.
const START: [&str; 3] = [
    "Keep them as they are",
    "Go through them one by one",
    "Start afresh",
];

/// Shown before the first name is asked.
pub const HOW: &str =
    "One person at a time: a name, then what you know of them. An empty name ends the list.";

/// What to do with one known person.
const EACH: [&str; 3] = ["Still right", "Change", "Remove"];

impl Terminal {
    pub(super) fn people(&self, prompt: &Prompt) -> Result<Option<Answer>> {
        let q = prompt.question;
        let known = match &prompt.current {
            Some(Answer::People(people)) if !people.is_empty() => people.clone(),
            _ => Vec::new(),
        };
        let mut out: Vec<Person> = Vec::new();
        if !known.is_empty() {
            // A plan is shown above the question already.
            if prompt.earlier.is_none() {
                for p in &known {
                    self.line(&format!("  · {}", printable(&p.display())))?;
                }
            }
            // What was planned is gone through, not kept with one Enter.
            let start = Select::with_theme(&self.theme)
                .with_prompt("These people")
                .items(START)
                .default(usize::from(prompt.earlier.is_some()))
                .interact_on(&self.term)
                .map_err(io)?;
            match start {
                0 => return Ok(Some(Answer::People(known))),
                1 => {
                    for p in known {
                        self.line(&format!("  {}", style_err(printable(&p.display())).bold()))?;
                        let each = Select::with_theme(&self.theme)
                            .with_prompt(printable_line(&p.name))
                            .items(EACH)
                            .default(0)
                            .interact_on(&self.term)
                            .map_err(io)?;
                        match each {
                            0 => out.push(p),
                            1 => out.push(self.person(&p.name, &p)?),
                            _ => {}
                        }
                    }
                }
                _ => {}
            }
        }
        self.line(&format!("  {}", style_err(HOW).dim()))?;
        let max = q.max.map_or(usize::MAX, |m| m.max(0) as usize);
        let min = q.min.map_or(0, |m| m.max(0) as usize);
        while out.len() < max {
            let name = match self.input(&format!("person {}", out.len() + 1), None, true) {
                Ok(name) => name,
                // `<` takes back the person just added, or goes back a question.
                Err(Error::Back) => match out.pop() {
                    Some(p) => {
                        self.line(&format!("  took back {}", printable_line(&p.name)))?;
                        continue;
                    }
                    None => return Err(Error::Back),
                },
                Err(e) => return Err(e),
            };
            if name.is_empty() {
                if out.len() >= min {
                    break;
                }
                let more = min - out.len();
                self.line(
                    &style_err(format!(
                        "  This asks for at least {min} people; name {more} more."
                    ))
                    .yellow()
                    .to_string(),
                )?;
                continue;
            }
            if out.iter().any(|p| crate::people::same(&p.name, &name)) {
                self.line(
                    &style_err(format!(
                        "  {} is on the list already.",
                        printable_line(&name)
                    ))
                    .yellow()
                    .to_string(),
                )?;
                continue;
            }
            out.push(self.person(&name, &Person::default())?);
        }
        // The count and the names were checked as they were typed.
        Ok((!out.is_empty()).then_some(Answer::People(out)))
    }

    /// What is known of `name`, starting from `was`.
    fn person(&self, name: &str, was: &Person) -> Result<Person> {
        let who = printable_line(name);
        let roles: Vec<(String, bool)> = Role::ALL
            .iter()
            .map(|r| (r.label().to_string(), was.roles.contains(r)))
            .collect();
        let picked = MultiSelect::with_theme(&self.theme)
            .with_prompt(format!("{who}'s part (Space to mark, Enter when done)"))
            .items_checked(roles)
            .interact_on(&self.term)
            .map_err(io)?;
        let roles = picked.into_iter().map(|i| Role::ALL[i]).collect();
        let influence = self.pick_of(
            &format!("How much {who}'s word weighs"),
            Influence::ALL,
            Influence::label,
            was.influence,
        )?;
        let mode = self.pick_of(
            &format!("How {who} sees their situation"),
            Mode::ALL,
            Mode::hint,
            was.mode,
        )?;
        const RATINGS: [i8; 11] = [5, 4, 3, 2, 1, 0, -1, -2, -3, -4, -5];
        let rating = self.pick_of(
            &format!("How strongly {who} backs you"),
            &RATINGS,
            |r| match r {
                5 => "+5 (for you all the way)",
                4 => "+4",
                3 => "+3",
                2 => "+2",
                1 => "+1",
                0 => "0 (neither)",
                -1 => "-1",
                -2 => "-2",
                -3 => "-3",
                -4 => "-4",
                _ => "-5 (against you)",
            },
            was.rating,
        )?;
        let win = self.input(
            &format!("what {who} wins personally"),
            was.win.as_deref(),
            true,
        )?;
        Ok(Person {
            name: name.to_string(),
            roles,
            influence,
            mode,
            rating,
            win: Some(win).filter(|w| !w.is_empty()),
        })
    }

    /// One of `values`, starting on `was`; `None` for no answer.
    fn pick_of<T: Copy + PartialEq>(
        &self,
        prompt: &str,
        values: &[T],
        label: fn(T) -> &'static str,
        was: Option<T>,
    ) -> Result<Option<T>> {
        let items = values.iter().map(|v| label(*v).to_string()).collect();
        let at = was.and_then(|w| values.iter().position(|v| *v == w));
        let picked = self.pick(&format!("{prompt} (↑/↓, Enter)"), items, at)?;
        Ok(picked.map(|i| values[i]))
    }
}
