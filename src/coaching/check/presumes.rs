//! What a sentence takes for granted: a pitch or a claim before the question
//! (a statement, whatever follows it), and the words inside a question that
//! give the wanted answer away (leading).

use super::*;

impl Reading<'_> {
    /// "We cut costs by 40%": a sentence that opens on the seller's offer.
    pub(super) fn pitch(&self) -> bool {
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

    /// A sentence that asks nothing and makes a claim the question then rests
    /// on: about our offer ("We've just launched SSO."), about an option ("The
    /// flat is £150 cheaper."), or about them ("You seem stressed lately.").
    /// An observation of the asker's own ("I saw you're hiring.") is context.
    pub(super) fn claims(&self) -> bool {
        if self.opens() || self.tag {
            return false;
        }
        let w = &self.low[..];
        let i = w.iter().position(|x| !is(LEAD_INS, x)).unwrap_or(0);
        let i = i + usize::from(is(VOCATIVES, get(w, i)));
        // "I genuinely think our onboarding is the best": the claim after the opinion.
        let opinion = (get(w, i) == "i" || get(w, i) == "i'm")
            && w[i + 1..w.len().min(i + 3)]
                .iter()
                .any(|x| is("think believe reckon feel sure", x));
        let i = if opinion {
            (i + 1..w.len())
                .find(|&k| is("think believe reckon feel sure", w[k]))
                .map_or(i, |k| k + 1 + usize::from(is("that like", get(w, k + 1))))
        } else {
            i
        };
        let (first, next) = (get(w, i), get(w, i + 1));
        // "…far better than what the other agency pitched", "…switched to us".
        let compared = (1..w.len()).any(|k| {
            w[k] == "than"
                && (w[k - 1].ends_with("er") || is("more less", get(w, k.wrapping_sub(2))))
        });
        let testimonial = !is("i we", first)
            && self
                .first_of("to us|with us|chose us|picked us|never looked back")
                .is_some();
        // "…is only £1,100 a month": a price or a saving, whoever says it.
        let priced = w
            .iter()
            .any(|x| x.starts_with(['$', '£', '€']) || x.contains('%'))
            && w.iter()
                .any(|x| is("only just cheaper save saves costs less off", x));
        let shared = self
            .first_of("we spoke|we talked|we met|we discussed|we agreed|we covered|we chatted|we mentioned")
            .is_some();
        let figure = w.iter().any(|x| {
            x.contains('%')
                || x.starts_with(['$', '£', '€'])
                || x.starts_with(|c: char| c.is_ascii_digit())
        });
        let claim_verb = w.iter().any(|x| {
            is(
                "has have gives saves costs means includes comes offers works is are cheaper \
                faster better only save see get cut",
                x,
            )
        });
        let feeling = self
            .first_of("must have been|must be|sounds like|sounds really|that sounds|that's tough|that's hard|that's a lot|that's great|that's amazing")
            .is_some();
        if feeling {
            return false;
        }
        priced
            || compared
            || testimonial
            || (is(PITCH_SUBJ, first) && !shared)
            || (is("your my everything", first)
                && w.iter()
                    .any(|x| is("best strongest clearly only never hosted included free", x)))
            || (is(
                "this these the a an that it's there's companies clients customers teams most",
                first,
            ) && (figure || claim_verb))
            || (is("you you're you've", first) && is("always never", next))
    }

    /// Whether it speaks of the asker's own offer: "switching to us", "our
    /// new portal", "the room I showed you".
    pub(super) fn of_ours(&self) -> bool {
        self.low.iter().any(|w| is("us our ours", w))
            || self
                .first_of("i showed|we showed|i sent|we sent|i put|i made|i built|i wrote|we built|we made|i found|we found|i picked|i chose|i booked|i did|the trial|the pilot|the demo")
                .is_some()
    }

    /// The words that give the wanted answer away, and a tip for them
    /// (empty: built from the question).
    pub(super) fn leading(&self) -> Option<(String, &'static str)> {
        let (w, at) = (&self.low[..], self.at);
        let (first, near) = (get(w, at), &w[at..w.len().min(at + 6)]);
        let closed = self.head == Head::Closed;
        let last = self.part(self.starts.len() - 1);
        // "How come…" asks why.
        let first = if starts_at(w, at, "how come") {
            "why"
        } else {
            first
        };
        let why_not = (first == "why" && get(w, at + 1) == "not" && w.len() > at + 2)
            || (starts_at(w, at, "why don't you") && request(w, at + 3).is_none());
        let adj = at + 1 + usize::from(is("much more many", get(w, at + 1)));
        let adj = adj + usize::from(get(w, adj) == "more" && adj > at + 1);
        // "How many more deals could you close…": a gain presumed.
        let more = is("much many", get(w, at + 1)) && get(w, at + 2) == "more";
        let would = w[at..]
            .iter()
            .any(|x| is("would could will", x) || x.ends_with("'d"));
        let losing = is("much many", get(w, at + 1)) && w[at..].iter().any(|x| is(LOSING, x));
        let praised = (at..w.len()).find(|&i| {
            is("our my", w[i]) && w[i + 1..w.len().min(i + 3)].iter().any(|x| is(PRAISE, x))
        });
        let future = w
            .iter()
            .any(|x| is("will would", x) || x.ends_with("'ll") || x.ends_with("'d"));
        let wants = near.iter().position(|x| is("want like love", x));
        let wants = wants.filter(|&i| get(near, i + 1) == "to" && is(BENEFIT, get(near, i + 2)));
        let always = near
            .iter()
            .find(|x| first == "why" && is("always never ever even", x));
        // Words before the question are context: "you mentioned it was a nightmare, what…".
        let from_here = |list: &'static str| {
            let start = self.starts[self.part_of(at)];
            list.split('|')
                .map(str::trim)
                .find(|p| self.at_phrase(p).is_some_and(|i| i >= start))
        };
        let found = if let Some(p) = self.first_of(LOADED).or_else(|| from_here(JUDGED)) {
            (p.to_string(), DROP_IT)
        } else if self.tag {
            (format!("…, {}?", last.join(" ")), "")
        } else if let Some(p) = from_here(FRAMES) {
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
        } else if first == "how" && more && would {
            (w[at..at + 3].join(" "), ROSY_TIP)
        } else if first == "how" && losing {
            (w[at..at + 2].join(" "), HOW_BAD_TIP)
        } else if let Some(i) = praised {
            (w[i..w.len().min(i + 3)].join(" "), ROSY_TIP)
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
        } else if let Some(p) = self.first_of(GAINS).filter(|_| self.of_ours() || future) {
            (p.to_string(), BENEFIT_TIP)
        } else {
            let p = self
                .first_of("what if i told you|what if i said|what would you say if i told you")?;
            (p.to_string(), WHAT_IF_TIP)
        };
        Some(found)
    }
}
