//! What puts the other person on the defence: blame ("why didn't you…", "how
//! could you…"), a label ("so stubborn"), or guilt ("after everything I've
//! done"). Read in every sentence, because a remark can blame as well as a
//! question can ("You never lift a finger.").

use super::*;

impl Reading<'_> {
    /// The words that blame, label or guilt the other, and what to say of them.
    pub(super) fn loaded(&self) -> Option<(String, &'static Say)> {
        let w = &self.low[..];
        if let Some(p) = self.first_of(GUILT) {
            return Some((p.into(), &GUILT_SAY));
        }
        if let Some(p) = self.first_of(VERDICTS) {
            return Some((p.into(), &BLAME_SAY));
        }
        if let Some(i) = (0..w.len()).find(|&i| self.accuses(i)) {
            return Some((w[i..w.len().min(i + 3)].join(" "), &BLAME_SAY));
        }
        if let Some(i) = self.failed_again() {
            return Some((w[i..w.len().min(i + 3)].join(" "), &BLAME_SAY));
        }
        if let Some(i) = (0..w.len()).find(|&i| self.labels(i)) {
            let from = i.saturating_sub(usize::from(is("so such", get(w, i.wrapping_sub(1)))));
            return Some((w[from..=i].join(" "), &LABEL_SAY));
        }
        // "You never listen.", "…you never listen, do you?": always or never,
        // said of them (in a question, "why… always" is the accuser).
        let at = (0..w.len())
            .find(|&i| is("you you're your", w[i]) && is("always never", get(w, i + 1)))?;
        (!self.opens() || self.tag).then(|| (w[at..at + 2].join(" "), &BLAME_SAY))
    }

    /// "why didn't you…", "why haven't your people…", "why does nobody…",
    /// "why do you always…", "how could you…", "what kind of son…", at `i`.
    fn accuses(&self, i: usize) -> bool {
        let w = &self.low[..];
        let (next, who) = (get(w, i + 1), get(w, i + 2));
        let them = |x: &str| is("you your you're he she they their his her nobody no-one", x);
        match w[i] {
            "why" if negative(next) && !is("wouldn't don't shouldn't", next) && them(who) => {
                // "Why don't you tell me about…" is a request.
                !(is("don't won't", next) && request(w, i + 3).is_some())
            }
            // "why do you always…", "why is it that you only ring when…",
            // "how come ur never home": a charge about them, in a why.
            "why" | "come" if w[i] == "why" || get(w, i.wrapping_sub(1)) == "how" => {
                let rest = &w[i + 1..w.len().min(i + 9)];
                let person = rest.iter().position(|x| them(x));
                let charge = |x: &&str| is("always never still ever again", x);
                person.is_some_and(|p| rest[p..].iter().any(charge))
                    || rest.windows(2).any(|p| p == ["every", "single"])
            }
            "how" if next == "could" && them(who) => {
                let verb = get(w, i + 3);
                !is(
                    "see imagine picture use apply help improve benefit get start",
                    verb,
                ) && !verb.is_empty()
            }
            "what" | "which" if is("kind sort type", next) && who == "of" => {
                is(PEOPLE, get(w, i + 3))
            }
            // "…is the report still not done", "…you still haven't paid".
            "still" if negative(next) || next == "not" => {
                let before = &w[i.saturating_sub(4)..i];
                before.iter().any(|x| them(x) || is("the this it", x)) && self.opens()
            }
            _ => false,
        }
    }

    /// "How did your team manage to lose it twice?", "you missed the call
    /// again": a failure of theirs counted, or marvelled at. Where the failure
    /// is named.
    fn failed_again(&self) -> Option<usize> {
        const DONE: &str = "lost missed broke broken forgot dropped messed botched failed flaked \
            screwed lied ignored skipped blew";
        const FAILS: &str = "lose miss break forget drop mess botch fail flake screw lie ignore \
            skip blow";
        let w = &self.low[..];
        let them = w
            .iter()
            .any(|x| is("you you're your u ur they their your lot", x));
        let counted = self
            .first_of("again|twice|third time|fourth time|every time|once again|yet again|every single time")
            .is_some();
        let marvelled = self.first_of("manage to|managed to|capable of").is_some();
        // "did you miss…", "managed to lose…", "you missed…": done, not "how
        // do you stop losing…".
        let did = w.iter().any(|x| is("did didn't", x));
        let at =
            (0..w.len()).find(|&i| is(DONE, w[i]) || (is(FAILS, w[i]) && (did || marvelled)))?;
        (them && (counted || marvelled) && !is("i we", get(w, at.wrapping_sub(1)))).then_some(at)
    }

    /// A word that labels a person, after what says it of them: "so
    /// stubborn", "being selfish", "you're lazy", "such a child".
    fn labels(&self, i: usize) -> bool {
        let w = &self.low[..];
        let before = &w[i.saturating_sub(3)..i];
        let near = |list: &'static str| before.iter().any(|x| is(list, x));
        let said_of = near("you you're your being so such he's she's they're stop");
        (is(LABELS, w[i]) && said_of)
            || (is(MILD_LABELS, w[i]) && is("so such being", get(w, i.wrapping_sub(1))))
    }
}
