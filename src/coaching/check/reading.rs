//! One sentence, read: where its question starts and how (after a lead-in, a
//! name, an intro, or inside a run-on), its tags and menus, and the further
//! questions joined onto it. What it presumes, pushes or blames is read from
//! this in `presumes.rs`, `pressure.rs` and `blame.rs`.

use super::*;

/// One sentence, read: how it opens, and what else it asks.
pub(super) struct Reading<'a> {
    pub(super) words: Vec<&'a Word>,
    pub(super) low: Vec<&'a str>,
    /// Each word's stem, so that a list's "decide" finds "deciding".
    pub(super) stems: Vec<std::borrow::Cow<'a, str>>,
    pub(super) vocab: std::collections::HashSet<std::borrow::Cow<'a, str>>,
    /// Where each part begins.
    pub(super) starts: Vec<usize>,
    pub(super) asks: bool,
    pub(super) head: Head,
    /// The head's first word.
    pub(super) at: usize,
    /// Further questions joined on by "and", "or", "but": where, and how they open.
    pub(super) joins: Vec<(usize, Head)>,
    pub(super) menu: bool,
    pub(super) tag: bool,
    pub(super) aside: bool,
}

/// What the coach says about one cause: why it will not help, and a tip.
/// An empty tip is built from the question itself.
pub(super) struct Say {
    pub(super) why: &'static str,
    pub(super) tip: &'static str,
}

impl<'a> Reading<'a> {
    pub(super) fn of(s: &'a Sentence) -> Self {
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

    pub(super) fn part(&self, k: usize) -> &[&'a str] {
        &self.low[self.starts[k]..self.end(k)]
    }

    pub(super) fn end(&self, k: usize) -> usize {
        self.starts.get(k + 1).copied().unwrap_or(self.low.len())
    }

    pub(super) fn part_of(&self, i: usize) -> usize {
        self.starts.partition_point(|&s| s <= i).saturating_sub(1)
    }

    /// Whether the words of `phrase`, in any of their forms, occur in a row.
    pub(super) fn has(&self, phrase: &str) -> bool {
        self.at_phrase(phrase).is_some()
    }

    /// Where `phrase` (in any of its words' forms) first occurs.
    pub(super) fn at_phrase(&self, phrase: &str) -> Option<usize> {
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

    /// The first phrase of `list` (`|` between phrases) that occurs. Each
    /// list is split and stemmed once, then kept: the lists are constants,
    /// and this runs for every sentence of every question.
    pub(super) fn first_of(&self, list: &'static str) -> Option<&'static str> {
        type Phrases = Vec<(&'static str, Vec<String>)>;
        thread_local! {
            static LISTS: std::cell::RefCell<std::collections::HashMap<(usize, usize), std::rc::Rc<Phrases>>> =
                Default::default();
        }
        let phrases = LISTS.with(|lists| {
            lists
                .borrow_mut()
                .entry((list.as_ptr() as usize, list.len()))
                .or_insert_with(|| {
                    let split = list
                        .split('|')
                        .map(str::trim)
                        .map(|p| (p, p.split(' ').map(|w| stem(w).into_owned()).collect()))
                        .collect();
                    std::rc::Rc::new(split)
                })
                .clone()
        });
        phrases.iter().find_map(|(phrase, want)| {
            let first = want.first()?;
            if !self.vocab.contains(first.as_str()) {
                return None;
            }
            let n = want.len();
            (0..self.stems.len().saturating_sub(n - 1))
                .any(|i| self.stems[i..i + n].iter().zip(want).all(|(a, b)| a == b))
                .then_some(*phrase)
        })
    }

    pub(super) fn opens(&self) -> bool {
        matches!(self.head, Head::Open | Head::Closed | Head::Request)
    }

    pub(super) fn asks_something(&self) -> bool {
        self.opens() && !self.aside
    }

    pub(super) fn is_closed(&self) -> bool {
        self.head == Head::Closed || self.menu || self.joins.iter().any(|j| j.1 == Head::Closed)
    }

    /// The first part that opens as a question, after a lead-in and a name
    /// ("Mum, how…", "hey sis what…"); a later one after an intro ("In your
    /// view, what…"), when the sentence ends with `?`, or when it has a
    /// question's own shape ("…, how does that get coordinated").
    pub(super) fn read_head(&mut self) {
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
        // "I take it you'd prefer…": an assumption put as a question, with or
        // without its `?` ("i assume the budget's approved then").
        let frame = self
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
    pub(super) fn read_inner_head(&mut self) {
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
            // "…in October where do you want me to focus first": a question
            // word, then a helper verb before its subject, is a question
            // wherever it stands ("what we do is…" has no helper first).
            let wh_inverted = is("what how who why when where which", word)
                && is_aux(next)
                && is("you u i we they he she it that this ur", get(w, j + 2));
            // "…what I'm still not clear on is how the routes get planned"
            let unclear = prev == "is"
                && is("how what who why when where", word)
                && (j.saturating_sub(5)..j)
                    .any(|k| is("clear sure unsure curious wondering", w[k]));
            inverted || asked || wh_inverted || unclear
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
    pub(super) fn named(&self, i: usize) -> bool {
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
    pub(super) fn shaped(&self, h: Head, at: usize) -> bool {
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
    pub(super) fn read_joins(&mut self) {
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
    pub(super) fn offers_options(&self) -> bool {
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
    pub(super) fn text(&self, from: usize, to: usize) -> String {
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
