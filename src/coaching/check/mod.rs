//! The question coach: reads a question the user means to ask and says, in plain
//! words, what will keep it from working (closed, leading, a statement, stacked,
//! pressure, loaded) and how to ask it better.
//!
//! Two readers work on it. The rules read a light parse: the text is split
//! into sentences and those into parts (between commas, colons, dashes), each
//! word is compared in any of its forms ("deciding" finds "decide"), and each
//! sentence is read for where its question starts — after a lead-in ("so",
//! "ok"), a name ("Mum, …"), an intro clause, or inside a run-on ("…so are we
//! doing it or not") — and how: a question word, a helper verb and its subject,
//! a request (tell me, walk me through, "I was wondering if you could…"), a
//! note to self, or none. Pressure is read from cues that each name one thing
//! (`pressure.rs`); what a sentence presumes, a pitch before the question or
//! a leading word inside it, in `presumes.rs`; blame, labels and guilt in
//! `blame.rs`. The rules give each finding its reason and tip. Then a
//! small linear model (`model.rs`) weighs the rules' verdicts and cues with the
//! words around them and decides which kinds stand; it was chosen over the
//! rules alone by its figures on the held-out corpus (`corpus.rs`).
//! Edge cases, decided as a coach would:
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
//!   expiring offer is pressure — also in a clause after the question ("…? The
//!   offer ends Friday."). Their own dates and papers ("When does your
//!   contract expire?", "Could you send me a copy of the contract?") are not.
//! - An instruction that speaks of them in the third person ("Explain why
//!   their vendor fails them.") is a note to self; one to them ("Describe your
//!   process.") is an open request.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Closed,
    Leading,
    Statement,
    Stacked,
    Pressure,
    Loaded,
}

/// Every kind, in the order findings come in.
pub const KINDS: [Kind; 6] = [
    Kind::Closed,
    Kind::Leading,
    Kind::Statement,
    Kind::Stacked,
    Kind::Pressure,
    Kind::Loaded,
];

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Closed => "closed",
            Kind::Leading => "leading",
            Kind::Statement => "statement",
            Kind::Stacked => "stacked",
            Kind::Pressure => "pressure",
            Kind::Loaded => "loaded",
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
/// statement, stacked, pressure, loaded; empty for an open, single, neutral question.
/// The rules read it and say why; the model weighs their verdicts with the
/// words around them and decides which kinds stand.
pub fn check(question: &str) -> Vec<Finding> {
    reading(question, |read| judge(read, question))
}

/// A question is judged by its first sentences, each by its first words: a
/// pasted page gets an answer as quick as a question does.
const MAX_SENTENCES: usize = 40;
const MAX_WORDS: usize = 400;

/// `question` split and read, handed to `f`.
fn reading<R>(question: &str, f: impl FnOnce(&[Reading]) -> R) -> R {
    let sentences = split(question);
    let read: Vec<Reading> = sentences
        .iter()
        .take(MAX_SENTENCES)
        .map(Reading::of)
        .collect();
    f(&read)
}

fn judge(read: &[Reading], question: &str) -> Vec<Finding> {
    if read.is_empty() {
        return Vec::new();
    }
    let found = rules(read);
    let decided = model::decide(&model::features(read, &found, question));
    let mut out = Vec::new();
    let loaded = decided[5];
    for (kind, yes) in KINDS.into_iter().zip(decided) {
        if !yes {
            continue;
        }
        let finding = match found.iter().find(|f| f.kind == kind) {
            Some(f) => f.clone(),
            None => {
                let (message, suggestion) = unexplained(kind, read);
                Finding {
                    kind,
                    message,
                    suggestion,
                }
            }
        };
        out.push(echo_free(finding, question));
    }
    if loaded {
        // A rewrite built from a loaded question's own words would keep the
        // blame it warns about: the other kinds give their general tips.
        for f in out.iter_mut().filter(|f| f.kind != Kind::Loaded) {
            f.suggestion = unexplained(f.kind, &[]).1;
        }
    }
    out
}

/// A finding whose rewrite would only say the question again gets the kind's
/// general tip instead.
fn echo_free(mut finding: Finding, question: &str) -> Finding {
    let words = |t: &str| -> Vec<String> {
        t.split(|c: char| !c.is_alphanumeric() && c != '\'')
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let quoted = finding.suggestion.split('"').nth(1).unwrap_or("");
    if !quoted.is_empty() && words(quoted) == words(question) {
        finding.suggestion = unexplained(finding.kind, &[]).1;
    }
    finding
}

/// What the rules find, each kind with its reason and tip.
fn rules(read: &[Reading]) -> Vec<Finding> {
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
    let gain_claimed = read
        .iter()
        .any(|r| !r.asks_something() && (r.pitch() || r.claims()));
    let sizes_it = |r: &&&Reading| {
        r.first_of("how much would that|how much would it|what would that|how would you spend|what would you do with|how much time would")
            .is_some()
    };
    if let Some((r, cue)) = asked.iter().find_map(|r| r.leading().map(|c| (r, c))) {
        add(Kind::Leading, leading(r, cue));
    } else if let Some(r) = asked.iter().find(sizes_it).filter(|_| gain_claimed) {
        add(
            Kind::Leading,
            leading(r, ("how much would that".into(), BENEFIT_TIP)),
        );
    }
    let note = read.iter().any(|r| r.head == Head::Note);
    let first_ask = read.iter().position(|r| r.asks_something());
    let claim = first_ask.is_some_and(|f| read[..f].iter().any(Reading::claims));
    if read.iter().any(Reading::pitch) || claim {
        add(Kind::Statement, (PITCH.into(), pitch_tip(read)));
    } else if asked.is_empty() && !read.is_empty() {
        add(Kind::Statement, statement(read, note));
    }
    if asked.len() >= 2 || asked.iter().any(|r| !r.joins.is_empty()) {
        add(Kind::Stacked, stacked(&asked));
    }
    // A need of the asker's in one sentence and a time in another: "Can you
    // fix it today? I need it for the board."
    let cues: Vec<_> = read.iter().map(Reading::cues).collect();
    let split_push = cues.iter().any(|c| c.demand || c.seller) && cues.iter().any(|c| c.urgent);
    let say = read.iter().find_map(Reading::pressure);
    if let Some(say) = say.or(split_push.then_some(&DEADLINE)) {
        add(Kind::Pressure, (say.why.into(), say.tip.into()));
    }
    if let Some((cue, say)) = read.iter().find_map(Reading::loaded) {
        add(Kind::Loaded, loaded(&cue, say));
    }
    out
}

mod advice;
mod blame;
mod model;
mod opening;
mod pressure;
mod presumes;
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
    /// Each word's stem, so that a list's "decide" finds "deciding".
    stems: Vec<std::borrow::Cow<'a, str>>,
    vocab: std::collections::HashSet<std::borrow::Cow<'a, str>>,
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
        let mut words: Vec<&Word> = Vec::new();
        let mut parts = Vec::new();
        for p in &s.parts {
            let room = MAX_WORDS - words.len();
            if room == 0 {
                break;
            }
            words.extend(p.iter().take(room));
            parts.push(p.len().min(room));
        }
        let low: Vec<&str> = words.iter().map(|w| w.low.as_str()).collect();
        let starts = parts.iter().scan(0, |n, len| {
            *n += len;
            Some(*n - len)
        });
        let mut r = Reading {
            stems: low.iter().map(|w| stem(w)).collect(),
            vocab: low.iter().map(|w| stem(w)).collect(),
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

    /// Whether the words of `phrase`, in any of their forms, occur in a row.
    fn has(&self, phrase: &str) -> bool {
        self.at_phrase(phrase).is_some()
    }

    /// Where `phrase` (in any of its words' forms) first occurs.
    fn at_phrase(&self, phrase: &str) -> Option<usize> {
        if !self
            .vocab
            .contains(&stem(phrase.split(' ').next().unwrap_or("")))
        {
            return None;
        }
        let want: Vec<_> = phrase.split(' ').map(stem).collect();
        let n = want.len();
        (0..self.stems.len().saturating_sub(n - 1))
            .find(|&i| self.stems[i..i + n].iter().zip(&want).all(|(a, b)| a == b))
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

    /// The first part that opens as a question, after a lead-in and a name
    /// ("Mum, how…", "hey sis what…"); a later one after an intro ("In your
    /// view, what…"), when the sentence ends with `?`, or when it has a
    /// question's own shape ("…, how does that get coordinated").
    fn read_head(&mut self) {
        (self.head, self.at) = head(self.part(0), self.asks);
        if self.head == Head::Plain && self.named(self.at) {
            let (h, i) = head(&self.part(0)[self.at + 1..], self.asks);
            (self.head, self.at) = (h, self.at + 1 + i);
        }
        let intro = self.asks || self.part(0).len() <= 2 || is(INTROS, self.low[0]);
        let parts = self.starts.len();
        let tail = self.part(parts - 1);
        let tail_tag = parts > 1
            && ((tail.len() == 2 && is_aux(tail[0]) && is(PRONOUNS, tail[1]))
                || (tail.len() <= 3 && (is(TAGS, tail[0]) || is("innit yeah eh", tail[0]))));
        if !self.opens() {
            for k in 1..parts - usize::from(tail_tag) {
                let (h, i) = head(self.part(k), self.asks);
                let at = self.starts[k] + i;
                if matches!(h, Head::Open | Head::Closed | Head::Request)
                    && (self.asks || get(&self.low, at) != "which")
                    && (intro || self.shaped(h, at))
                {
                    (self.head, self.at) = (h, at);
                    break;
                }
            }
        }
        if !self.opens() {
            self.read_inner_head();
        }
        let last = self.part(self.starts.len() - 1);
        let several = self.starts.len() > 1;
        // "…, right?", "…, are you?", "ur coming sunday right": a claim with a
        // tag asks for agreement, with or without the question mark.
        let pair_tag = several && last.len() == 2 && is_aux(last[0]) && is(PRONOUNS, last[1]);
        let word_tag = last.len() <= 3
            && (is(TAGS, last[0])
                || is("innit yeah eh", last[0])
                || (several && negative(last[0])))
            || last == ["am", "i", "right"];
        let n = self.low.len();
        let bare_pair = !several
            && n >= 4
            && negative(self.low[n - 2])
            && is_aux(self.low[n - 2])
            && is(PRONOUNS, self.low[n - 1]);
        // "…arent really cutting it anymore are they": a claim the tag turns round.
        let bare_flip = !several
            && n >= 5
            && is_aux(self.low[n - 2])
            && !negative(self.low[n - 2])
            && is(PRONOUNS, self.low[n - 1])
            && !is_aux(self.low[0])
            && self.low[1..n - 2]
                .iter()
                .any(|x| negative(x) || *x == "not");
        let bare = bare_pair
            || bare_flip
            || !several
                && self.low.len() >= 4
                && is("right innit yeah eh", self.low[self.low.len() - 1])
                && !is(
                    "all the that's is be alright turn",
                    self.low[self.low.len() - 2],
                );
        let head_before_tail = self.part_of(self.at) + 1 < self.starts.len();
        self.tag = (self.asks && word_tag && (several || self.low.len() <= 2))
            || (pair_tag && (!self.opens() || head_before_tail) && self.head != Head::Open)
            || (!self.asks && several && word_tag && !is("no ok okay", last[0]))
            || bare;
        // "I take it you'd prefer…": an assumption put as a question.
        let frame = self.asks
            && self
                .first_of(ASSUMING)
                .is_some_and(|p| self.at_phrase(p) == Some(self.at));
        if (self.tag || frame) && self.head == Head::Plain {
            self.head = Head::Closed;
        }
        self.aside = self.head == Head::Plain && self.low.iter().all(|w| is(ASIDES, w));
        if self.head == Head::Plain && self.asks && !self.aside {
            self.head = Head::Closed; // "You're using Salesforce?"
        }
    }

    /// A question inside a run-on, with no comma before it: "…the quote is
    /// only valid till Friday so are we doing it or not", "…so how are you
    /// covering the workload". A helper verb before its subject, or a
    /// question word after "so", "and" or "but", starts it.
    fn read_inner_head(&mut self) {
        let w = &self.low;
        // Not in a closing tag: "…, are you?", "…cutting it anymore are they".
        let last = self.starts[self.starts.len() - 1];
        let end = if w.len() - last <= 3 { last } else { w.len() };
        let end = end.min(w.len().saturating_sub(2));
        let found = (1..end).find(|&j| {
            let (prev, word, next) = (w[j - 1], w[j], get(w, j + 1));
            let doing = is("do does did", word) && is("you u any that this anyone anything", next);
            let inverted = is_aux(word)
                && (!is("do does did have has had", word) || doing)
                && (is("you u we they", next) || doing)
                && !is(SUBJECTS, prev)
                && !is(WH, base(prev))
                && !is(
                    "if whether that than so as because when once until unless",
                    prev,
                )
                || (prev == "so" && is_aux(word) && is("you u we they", next));
            let asked = is("so and but then", prev)
                && is("what how who why when where", base(word))
                && (j + 1..w.len().min(j + 5)).any(|k| is_aux(base(w[k])));
            inverted || asked
        });
        if let Some(j) = found {
            let (h, i) = head(&w[j..], true);
            if matches!(h, Head::Open | Head::Closed | Head::Request) {
                (self.head, self.at) = (h, j + i);
            }
        }
    }

    /// Whether the word at `i` names the person spoken to, with a question
    /// right after it: "Dad how are you…", "Priya, what…".
    fn named(&self, i: usize) -> bool {
        let (word, next) = (get(&self.low, i), base(get(&self.low, i + 1)));
        let name = self.words.get(i).is_some_and(|w| {
            w.text.starts_with(|c: char| c.is_uppercase())
                && w.text.chars().all(char::is_alphabetic)
                && !is(SUBJECTS, &w.low)
                && !is(WH, &w.low)
                && !is_aux(&w.low)
                && i + 1 < self.end(0)
        });
        (is(VOCATIVES, word) || name) && (is(WH, next) || is_aux(next))
    }

    /// A later part that reads as a question without a `?`: a question word
    /// and a verb or subject ("what actually happened", "how does it…"), a
    /// helper verb and its subject ("is that…"), or a request.
    fn shaped(&self, h: Head, at: usize) -> bool {
        let (first, next) = (base(get(&self.low, at)), base(get(&self.low, at + 1)));
        match h {
            Head::Request => true,
            Head::Open => {
                let verb = (at + 1..self.low.len().min(at + 5)).any(|j| is_aux(base(self.low[j])));
                is("what how who why which", first)
                    && (verb
                        || is(SUBJECTS, next)
                        || is("actually exactly really usually much many long often", next)
                        || next.ends_with("ed"))
            }
            Head::Closed => is(SUBJECTS, next),
            _ => false,
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
            // Skip fillers and "if so"/"if not": "and also what…", "and, if so, what…".
            const FILLERS: &str = "also then so roughly maybe perhaps just secondly separately \
                finally generally typically usually";
            let k = (j + 1..self.low.len()).find(|&k| {
                let if_so = (is("if", self.low[k]) && is("so not yes", get(&self.low, k + 1)))
                    || (is("so not yes", self.low[k]) && get(&self.low, k.wrapping_sub(1)) == "if");
                !is(FILLERS, self.low[k]) && !if_so
            });
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
            } else if is_aux(next)
                && (is(SUBJECTS, after)
                    || is(VOCATIVES, after)
                    || self
                        .words
                        .get(k + 1)
                        .is_some_and(|w| w.text.starts_with(char::is_uppercase)))
            {
                if or && self.head == Head::Closed {
                    self.menu = true; // "Do you want to start now, or would you rather wait?"
                } else {
                    self.joins.push((j, Head::Closed));
                }
            }
        }
        // "What do you like about it, what don't you like?": a second question
        // after a comma, with no "and".
        for k in self.part_of(self.at) + 1..self.starts.len() {
            let (h, i) = head(self.part(k), self.asks);
            let at = self.starts[k] + i;
            let joined = self
                .joins
                .iter()
                .any(|j| j.0 + 1 >= self.starts[k] && j.0 < self.end(k));
            let subordinate = is(
                "when where which if as once whenever",
                base(get(&self.low, self.at)),
            ) && is(SUBJECTS, base(get(&self.low, self.at + 1)))
                || is("which", get(&self.low, at))
                || self.end(self.part_of(self.at)) - self.at <= 2; // "I'm curious, how…"
            if !joined
                && !subordinate
                && matches!(h, Head::Open | Head::Closed)
                && i == 0
                && self.shaped(h, at)
                && !self.tag
            {
                self.joins.push((at, h));
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
mod corpus;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod train;
