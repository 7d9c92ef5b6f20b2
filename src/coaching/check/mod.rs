//! The question coach: reads a question the user means to ask and says, in plain
//! words, what will keep it from working (closed, leading, a statement, stacked,
//! pressure) and how to ask it better.
//!
//! The rules are English heuristics a sales coach can explain: word lists and
//! word order, no grammar model. The text is split into sentences and those into
//! parts (between commas, colons, dashes), and each part is read from its first
//! words after a lead-in like "so" or "ok": a question word (what, how…), a
//! helper verb (do, is, can…), a request (tell me, walk me through…), a note to
//! self (ask, find out…), or none. `check_tests.rs` holds the example table the
//! rules are tuned against. Edge cases, decided as a coach would:
//!
//! - "Could you tell me more about…", "Would you walk me through…", "Would you
//!   mind sharing…" and "Can I ask how…" are soft open requests, not closed;
//!   "Can you tell me if…" is closed, because the answer is still yes or no.
//! - who/which/when/where and "how many" are open by form even when the answer
//!   is short; only yes/no shapes and menus ("…, price or speed?") are closed.
//! - A tag ("…, right?") is leading and closed; "Is that right?" on its own is
//!   a fair check, only closed.
//! - Context before a question ("I saw you're hiring. How's onboarding?") is
//!   fine; a pitch before it ("We cut costs by 40%. …") is a statement.
//! - "and" between two questions stacks them, "or" only after a comma ("…, or
//!   what…"); "who or what…" asks one thing. "or" inside a yes/no question or a
//!   short list after a question is a menu: closed.
//! - Leading is judged in questions only: "Surely that's enough." is a statement.
//! - Asking for a next step ("Would you be open to a pilot?") is only closed;
//!   asking for the signature, the seller's deadline, a conditional close or an
//!   expiring offer is pressure.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Closed,
    Leading,
    Statement,
    Stacked,
    Pressure,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Closed => "closed",
            Kind::Leading => "leading",
            Kind::Statement => "statement",
            Kind::Stacked => "stacked",
            Kind::Pressure => "pressure",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub kind: Kind,
    pub message: String,
    pub suggestion: String,
}

/// What will keep `question` from working, in the order closed, leading,
/// statement, stacked, pressure; empty for an open, single, neutral question.
pub fn check(question: &str) -> Vec<Finding> {
    let sentences = split(question);
    let read: Vec<Reading> = sentences.iter().map(Reading::of).collect();
    let asked: Vec<&Reading> = read.iter().filter(|r| r.asks_something()).collect();
    let mut out = Vec::new();
    let mut add = |kind, (message, suggestion): (String, String)| {
        out.push(Finding {
            kind,
            message,
            suggestion,
        });
    };
    if let Some(r) = asked.iter().find(|r| r.is_closed()) {
        add(Kind::Closed, closed(r));
    }
    if let Some((r, cue)) = asked.iter().find_map(|r| r.leading().map(|c| (r, c))) {
        add(Kind::Leading, leading(r, cue));
    }
    let note = read.iter().any(|r| r.head == Head::Note);
    if read.iter().any(Reading::pitch) {
        add(Kind::Statement, (PITCH.into(), pitch_tip(&read)));
    } else if asked.is_empty() && !read.is_empty() {
        add(Kind::Statement, statement(&read, note));
    }
    if asked.len() >= 2 || asked.iter().any(|r| !r.joins.is_empty()) {
        add(Kind::Stacked, stacked(&asked));
    }
    if let Some(say) = read.iter().find_map(Reading::pressure) {
        add(Kind::Pressure, (say.why.into(), say.tip.into()));
    }
    out
}

mod advice;
mod opening;
mod tokens;
mod words;

use advice::*;
use opening::*;
use tokens::*;
use words::*;

// ---- reading a sentence ----

/// One sentence, read: how it opens, and what else it asks.
struct Reading<'a> {
    words: Vec<&'a Word>,
    low: Vec<&'a str>,
    vocab: std::collections::HashSet<&'a str>,
    /// Where each part begins.
    starts: Vec<usize>,
    asks: bool,
    head: Head,
    /// The head's first word.
    at: usize,
    /// Further questions joined on by "and", "or", "but": where, and how they open.
    joins: Vec<(usize, Head)>,
    menu: bool,
    tag: bool,
    aside: bool,
}

/// What the coach says about one cause: why it will not help, and a tip.
/// An empty tip is built from the question itself.
struct Say {
    why: &'static str,
    tip: &'static str,
}

impl<'a> Reading<'a> {
    fn of(s: &'a Sentence) -> Self {
        let words: Vec<&Word> = s.parts.iter().flatten().collect();
        let low: Vec<&str> = words.iter().map(|w| w.low.as_str()).collect();
        let starts = s.parts.iter().scan(0, |n, p| {
            *n += p.len();
            Some(*n - p.len())
        });
        let mut r = Reading {
            vocab: low.iter().copied().collect(),
            starts: starts.collect(),
            words,
            low,
            asks: s.asks,
            head: Head::Plain,
            at: 0,
            joins: Vec::new(),
            menu: false,
            tag: false,
            aside: false,
        };
        r.read_head();
        r.read_joins();
        r
    }

    fn part(&self, k: usize) -> &[&'a str] {
        &self.low[self.starts[k]..self.end(k)]
    }

    fn end(&self, k: usize) -> usize {
        self.starts.get(k + 1).copied().unwrap_or(self.low.len())
    }

    fn part_of(&self, i: usize) -> usize {
        self.starts.partition_point(|&s| s <= i).saturating_sub(1)
    }

    fn has(&self, phrase: &str) -> bool {
        let first = phrase.split(' ').next().unwrap_or("");
        self.vocab.contains(first) && find(&self.low, phrase).is_some()
    }

    fn first_of(&self, list: &'static str) -> Option<&'static str> {
        list.split('|').map(str::trim).find(|p| self.has(p))
    }

    fn opens(&self) -> bool {
        matches!(self.head, Head::Open | Head::Closed | Head::Request)
    }

    fn asks_something(&self) -> bool {
        self.opens() && !self.aside
    }

    fn is_closed(&self) -> bool {
        self.head == Head::Closed || self.menu || self.joins.iter().any(|j| j.1 == Head::Closed)
    }

    /// The first part that opens as a question; a later one only after an
    /// intro ("In your view, what…") or when the sentence ends with `?`.
    fn read_head(&mut self) {
        (self.head, self.at) = head(self.part(0), self.asks);
        let intro = self.asks || self.part(0).len() <= 2 || is(INTROS, self.low[0]);
        if !self.opens() && intro {
            for k in 1..self.starts.len() {
                let (h, i) = head(self.part(k), self.asks);
                let at = self.starts[k] + i;
                if matches!(h, Head::Open | Head::Closed | Head::Request)
                    && (self.asks || get(&self.low, at) != "which")
                {
                    (self.head, self.at) = (h, at);
                    break;
                }
            }
        }
        let last = self.part(self.starts.len() - 1);
        let several = self.starts.len() > 1;
        self.tag = self.asks
            && last.len() <= 3
            && (is(TAGS, last[0])
                || (several && negative(last[0]))
                || last == ["am", "i", "right"])
            && (several || self.low.len() <= 2);
        self.aside = self.head == Head::Plain && self.low.iter().all(|w| is(ASIDES, w));
        if self.head == Head::Plain && self.asks && !self.aside {
            self.head = Head::Closed; // "You're using Salesforce?"
        }
    }

    /// "Who decides, and when?", "What do you need and does IT agree?"
    fn read_joins(&mut self) {
        if !self.opens() {
            return;
        }
        let between = self.low.iter().position(|w| *w == "between");
        for j in self.at + 1..self.low.len() {
            if !is("and but plus or", self.low[j]) {
                continue;
            }
            let k = (j + 1..self.low.len()).find(|&k| !is("also then so", self.low[k]));
            let mut k = k.unwrap_or(self.low.len());
            if is("for by to with from in", get(&self.low, k)) && is(WH, get(&self.low, k + 1)) {
                k += 1; // "…, and for whom?"
            }
            let (next, after) = (get(&self.low, k), base(get(&self.low, k + 1)));
            let or = self.low[j] == "or";
            if is(WH, base(next))
                && between.is_none_or(|b| b > j)
                && (!or || self.starts.binary_search(&j).is_ok())
            {
                self.joins.push((j, Head::Open));
            } else if is_aux(next) && is(PRONOUNS, after) {
                if or && self.head == Head::Closed {
                    self.menu = true; // "Do you want to start now, or would you rather wait?"
                } else {
                    self.joins.push((j, Head::Closed));
                }
            }
        }
        self.menu |= self.offers_options();
    }

    /// "…, price or speed?", "…: price, speed, or support?", "Which… or…",
    /// "either… or…", "prefer… or…": a menu of answers to pick from.
    fn offers_options(&self) -> bool {
        if !matches!(self.head, Head::Open | Head::Request) {
            return false;
        }
        let rest: Vec<&[&str]> = (self.part_of(self.at) + 1..self.starts.len())
            .map(|k| self.part(k))
            .collect();
        let short = rest.iter().any(|p| {
            (3..=8).contains(&p.len())
                && p[1..].contains(&"or")
                && !is(WH, base(p[0]))
                && !is_aux(p[0])
        });
        let list = rest.len() >= 2
            && rest.last().is_some_and(|p| p[0] == "or" && p.len() <= 4)
            && rest[..rest.len() - 1].iter().all(|p| p.len() <= 3);
        let after = &self.low[self.at..];
        let or_after = |w: &str| {
            let i = after.iter().position(|x| *x == w);
            i.is_some_and(|i| after[i..].contains(&"or"))
        };
        short
            || list
            || ["which", "either", "prefer", "rather"]
                .into_iter()
                .any(or_after)
    }

    /// "We cut costs by 40%": a sentence that opens on the seller's offer.
    fn pitch(&self) -> bool {
        let p = self.part(0);
        let i = p.iter().position(|x| !is(LEAD_INS, x)).unwrap_or(0);
        let product = is("this the", get(p, i))
            && is(
                "product tool platform solution software feature app",
                get(p, i + 1),
            );
        let cue = |w: &&str| {
            is(PITCH_CUES, w)
                || w.contains('%')
                || w.starts_with('$')
                || (w.len() > 1 && w.ends_with('x') && w[..w.len() - 1].parse::<f32>().is_ok())
        };
        (is(PITCH_SUBJ, get(p, i)) || product)
            && !(self.opens() && self.part_of(self.at) == 0)
            && p.iter().any(cue)
    }

    /// The words that give the wanted answer away, and a tip for them
    /// (empty: built from the question).
    fn leading(&self) -> Option<(String, &'static str)> {
        let (w, at) = (&self.low[..], self.at);
        let (first, near) = (get(w, at), &w[at..w.len().min(at + 6)]);
        let closed = self.head == Head::Closed;
        let last = self.part(self.starts.len() - 1);
        let why_not = (first == "why" && get(w, at + 1) == "not" && w.len() > at + 2)
            || (starts_at(w, at, "why don't you") && request(w, at + 3).is_none());
        let adj = at + 1 + usize::from(is("much more", get(w, at + 1)));
        let wants = near.iter().position(|x| is("want like love", x));
        let wants = wants.filter(|&i| get(near, i + 1) == "to" && is(BENEFIT, get(near, i + 2)));
        let always = near
            .iter()
            .find(|x| first == "why" && is("always never ever even", x));
        let found = if let Some(p) = self.first_of(LOADED) {
            (p.to_string(), DROP_IT)
        } else if self.tag {
            (format!("…, {}?", last.join(" ")), "")
        } else if let Some(p) = self.first_of(FRAMES) {
            (p.to_string(), "")
        } else if negative(first) {
            (format!("{first} {}", get(w, at + 1)), "")
        } else if let Some(p) = self.first_of(WHY_NOT).or(why_not.then_some("why not")) {
            (p.to_string(), WHY_NOT_TIP)
        } else if first == "how" && is(LOADED_ADJ, get(w, adj)) {
            let rosy = is("better easier great amazing awesome nice wonderful", w[adj]);
            (
                w[at..=adj].join(" "),
                if rosy { ROSY_TIP } else { HOW_BAD_TIP },
            )
        } else if closed && near.contains(&"really") {
            ("really".into(), DROP_IT)
        } else if let Some(i) = wants.filter(|_| closed) {
            (near[..i + 3].join(" "), BENEFIT_TIP)
        } else if let Some(x) = always {
            (
                x.to_string(),
                if is("always never", x) {
                    ALWAYS_TIP
                } else {
                    ""
                },
            )
        } else {
            let p = self
                .first_of("what if i told you|what if i said|what would you say if i told you")?;
            (p.to_string(), WHAT_IF_TIP)
        };
        Some(found)
    }

    /// Pushing for a decision, or for the seller's deadline.
    fn pressure(&self) -> Option<&'static Say> {
        let w = &self.low[..];
        let closing = self.first_of(CLOSE_WORDS).is_some();
        let win = closing || self.has("your business") || self.has("get you");
        // "If we can match their price, will you sign?"
        let if_we = (0..w.len()).find(|&i| w[i] == "if" && is("we i", base(get(w, i + 1))));
        let if_we = if_we.is_some_and(|i| {
            (i..w.len()).any(|j| is("will would can could are", w[j]) && get(w, j + 1) == "you")
        });
        // "When can we get started?", "How soon can you sign?": an assumptive close.
        let assume = (0..w.len()).any(|i| {
            let j = i + 1 + usize::from(w[i] == "how");
            (w[i] == "when" || starts_at(w, i, "how soon"))
                && is("can could shall should do would", get(w, j))
                && is("we you i", get(w, j + 1))
                && (w[j + 2..]
                    .iter()
                    .find(|x| !is("want like to be able ready get", x)))
                .is_some_and(|v| is("sign start started begin close proceed order kick", v))
        });
        let asking = is(MODALS, get(w, self.at))
            || starts_at(w, self.at, "do you want to")
            || starts_at(w, self.at, "are you willing to");
        let ask_close =
            self.head == Head::Closed && asking && is("you we i", get(w, self.at + 1)) && closing;
        let soon = |i: usize| {
            is("now", get(w, i))
                || starts_at(w, i, "right now")
                || URGENT.split('|').any(|p| starts_at(w, i, p.trim()))
        };
        let decide_now = (0..w.len()).any(|i| {
            is(
                "decide decision answer yes commit sign start buy order",
                w[i],
            ) && soon(i + 1)
        });
        if self.first_of(SELLER_NEEDS).is_some() {
            Some(&YOURS)
        } else if self.first_of(OFFERS).is_some() {
            Some(&OFFER)
        } else if self.first_of(TAKE_IT).is_some() && win {
            Some(&TAKE_IT_SAY)
        } else if if_we {
            Some(&IF_WE)
        } else if self.first_of(READY).is_some() || assume || ask_close {
            Some(&CLOSE)
        } else if (closing && self.first_of(URGENT).is_some()) || decide_now {
            Some(&DEADLINE)
        } else {
            None
        }
    }

    /// The original words from `from` to `to`, with a comma between parts.
    fn text(&self, from: usize, to: usize) -> String {
        let mut out = String::new();
        for i in from..to.min(self.words.len()) {
            if i > from {
                out.push_str(if self.starts.binary_search(&i).is_ok() {
                    ", "
                } else {
                    " "
                });
            }
            out.push_str(&self.words[i].text);
        }
        out
    }
}

#[cfg(test)]
mod tests;
