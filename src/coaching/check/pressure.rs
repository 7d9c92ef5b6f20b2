//! Pressure: pushing for a decision, or for the seller's deadline. Read from
//! cues that each name one thing — a decision asked of them, a time, an offer
//! that runs out, the seller's own numbers, their own paperwork — and the few
//! ways they combine into a push. The model sees the same cues.

use super::*;

/// A push by itself, whatever else is said.
const PUSHES: &str = "why wait|no reason to wait|kept us waiting|keep us waiting|\
    what are you waiting for|why delay|hold off any longer|dragging your feet|\
    sitting on the fence|finally going to|ever going to|finally make|over the line|\
    across the line|get you to yes|put you down|pencil you in|sign you up|call it done|\
    win your business|earn your business|get your business|lock in|lock it in|lock this in|\
    get a verbal|give me a verbal|verbal today|verbal now|just say yes|seal the deal|\
    pull the trigger|green light|go-ahead|done deal|make it official|ink dry|finish line|\
    first invoice|on the order form|another buyer|other buyers|other viewings|another offer|\
    other offers|someone else interested|won't be around|miss out|early bird|early-bird|\
    lose this one|lose it to|shall i tell them|shall i just tell|shall i let them know|how would you like to pay|card or bank|roll your contract over|straight answer|how soon can|\
    time to move forward|time to sign|time to commit|time to go ahead|time to get started|\
    time to make a decision|time to decide|time to proceed|time to pull";
/// The close: asking for it, or for its timing, is a push.
/// The close's one-word acts, stemmed: "are you signing…".
const CLOSE_WORDS: &str = "sign commit buy purchas proceed decid order renew switch upgrad";
const CLOSE_ACTS: &str = "sign|commit|buy|purchase|proceed|go ahead|move forward|moving forward|\
    wrap this up|wrap it up|wrapped up|get this done|get it done|go with us|going with us|\
    choose us|pick us|switch to us|take it|accept it|accept the offer|close this|close the deal|close it|get you started|\
    get you onboarded|make up your mind|make up ur mind|make your mind up|a yes|say yes|signature";
/// A decision in general: a push only when it comes with a time, or is asked
/// of them outright ("Can you decide by Friday?", "When can we get started?").
const DECISIONS: &str = "decide|decision|an answer|your answer|make the call|agree|approve|close|\
    sign off|sign-off|book|booked|confirm|start|started|kick off|kickoff|kick-off|get going|go live|reserve|\
    a deal|the deal|order|place the order|upgrade|switch|renew|extend";
/// The paperwork of a deal.
const PAPERS: &str = "paperwork|contract|order form|po|purchase order|docusign|signature|agreement|\
    invoice|welcome pack|terms|proposal|quote";
/// Their own papers, as facts to ask about: not a push.
const THEIRS: &str = "your contract|your current|your existing|your licence|your license|\
    your renewal|their contract|their licence|their license|copy of|the current|the existing|\
    the old|nda|dpa|your agreement|your deal|your lease|your subscription";
/// The asker's own need, set on the other person.
const DEMANDS: &str = "i need|we need|i'll need|i have to|we have to|i've got to|need to know|\
    needs our answer|needs an answer|needs your answer|it has to|this has to|that has to|have it by|have this by|\
    get it to me|get it back to me|let me know by|turn this around|turn it around|i want it|\
    i want this|i've promised|i promised|i've told|otherwise i'll|or i'll|i'm withholding";
/// Time: asked, or set.
const WHEN: &str = "when|how soon|how quickly|how fast|quickest|fastest|soonest|earliest|what time|\
    which date|what date|start date|go-live date|by when|timeline for signing";
const LIMITS: &str = "only until|only till|until|till|expire|expires|expiring|ends|runs out|\
    run out|disappears|goes up|go up|going up|increase kicks in|won't last|last chance|\
    left|last few|last one|last two|fills up|fill up|before they go|before it goes|\
    only available|only good|only valid|valid until|valid till|due by|hold|holds|honour|honor|cut-off|cutoff";
/// The asker offering to take the deal's next step for them: "Shall I
/// grab it for you?", "Can I book you in for the installation?", "Want me to
/// hold the slot?", "Should we pencil in the go-live?".
const OFFERS_TO: &str = "shall i|shall we|should i|should we|can i|could i|may i|want me to|\
    do you want me to|do u want me to|would you like me to|are you happy for me to|happy for me to|\
    ok if i|okay if i|let me";
const DEAL_ACTS: &str = "book grab hold save secure reserve raise send set lock pencil put \
    schedule register enrol enroll process draw add start get";
const DEAL_THINGS: &str = "place spot slot slots booth seat seats unit units order invoice contract \
    paperwork installation go-live golive shipment deposit renewal deal delivery licence license \
    subscription cohort it one them that";
/// Chasing an answer they owe: "any update?", "circling back", "me again".
const CHASES: &str = "sorry to chase|sorry to bug|final reminder|last reminder|final notice|\
    late fee|late fees|following up for|one last time|bumping this|top of your inbox|gentle reminder|\
    friendly reminder|still waiting on|still waiting for|heard back|\
    any update|any updates|any news|any word|any movement|any thoughts on|\
    any progress|circling back|following up again|checking again|checking in again|chasing again|\
    chase again|bumping this|asking again|me again|just nudging|quick nudge|where did you land|\
    where did the team land|what's the holdup|whats the holdup|what's the hold up|what's the latest|\
    whats the latest|whats the status|what's the status|where are we at|where are we on";
/// A chase said more than once: "again", "since Tuesday", "third time".
const REPEATED: &str = "again|since|yet|third time|second time|fourth time|fifth time|\
    final reminder|last reminder|final notice|late fee|late fees|one last time|another nudge|still waiting|\
    keeps asking|keep asking|is asking|breathing down";
/// What only happens after a yes, asked as settled: "the first delivery",
/// "when we set you up", "after go-live". A cue for the model: the same words
/// are fair once they have decided.
const AFTER_YES: &str = "first delivery|first shipment|first order|first print run|first collection|\
    first cohort|day one|go-live|go live|kick-off|kickoff|kick off|when we set|once we're up and running|\
    up and running|switch you on|welcome call|onboarding questionnaire|admin credentials|\
    login details|billing contact|installers|engineer booked|migrated over|switched over";
/// Others wanting it, few left, or no say in it: a push said outright.
const SCARCE: &str = "spoken for|snapped up|selling fast|going fast|won't hang around|last batch|\
    lot of interest|lots of interest|high demand|like it or not|no matter what|or else|\
    take it or leave it|whether you like|around forever|be around for long|not going to last|\
    won't be there|price rise|price increase|prices rise|prices increase|still on the table|\
    while it's still|while you still can|get in before|general sale|before someone else";
/// A doubt they voiced, conceded before a "but": "I know you weren't sure…".
const CONCEDE: &str = "know|hear|understand|get|appreciate|realise|realize|see|understood|\
    fair enough|granted|sure";
const DOUBTS: &str = "unsure sure concern concerns concerned nervous worried hesitant doubt doubts \
    wait waiting decided thinking fence ready yes timing price budget cost expensive \
    reservations feet thoughts results pilot review convinced keen";
/// The next step asked for after stepping past a doubt.
const NEXT_STEPS: &str = "start book schedule go proceed sign confirm order set arrange put send \
    pencil lock begin kick move get deliver delivery install ship ring commit decide buy purchase \
    pilot trial roll launch day date week";
const OFFER_NOUNS: &str = "offer|discount|price|pricing|rate|rates|promotion|promo|slot|slots|deposit|\
    seat|seats|cohort|founder|launch|bonus|incentive|quote";

/// The cues a sentence carries; `model.rs` reads them as features too.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Cues {
    pub(super) push: bool,
    pub(super) close: bool,
    pub(super) decision: bool,
    pub(super) papers: bool,
    pub(super) theirs: bool,
    pub(super) when: bool,
    pub(super) demand: bool,
    pub(super) urgent: bool,
    pub(super) offer_ends: bool,
    pub(super) seller: bool,
    pub(super) take_it: bool,
    pub(super) assume: bool,
    pub(super) us: bool,
    pub(super) chase: bool,
    pub(super) after_yes: bool,
    pub(super) scarce: bool,
    pub(super) past_doubt: bool,
    pub(super) dated: bool,
}

impl Cues {
    pub(super) fn names(&self) -> impl Iterator<Item = &'static str> {
        [
            (self.push, "push"),
            (self.close, "close"),
            (self.decision, "decision"),
            (self.papers, "papers"),
            (self.theirs, "theirs"),
            (self.when, "when"),
            (self.demand, "demand"),
            (self.urgent, "urgent"),
            (self.offer_ends, "offer_ends"),
            (self.seller, "seller"),
            (self.take_it, "take_it"),
            (self.assume, "assume"),
            (self.us, "us"),
            (self.chase, "chase"),
            (self.after_yes, "after_yes"),
            (self.scarce, "scarce"),
            (self.past_doubt, "past_doubt"),
            (self.dated, "dated"),
        ]
        .into_iter()
        .filter(|(on, _)| *on)
        .map(|(_, name)| name)
    }
}

/// "by Friday", "before the 15th", "by thurs", "before my 3pm", "before the
/// all-hands": a deadline set in words.
fn deadline(w: &[&str]) -> bool {
    const EVENTS: &str = "meeting call board all-hands launch deadline weekend holidays break \
        review demo trip wedding party handover freeze";
    const DAYS: &str = "monday tuesday wednesday thursday friday saturday sunday mon tue tues \
        wed weds thu thur thurs fri sat sun tomorrow tonight then eod eow cob the end month-end \
        quarter-end year-end close noon lunch lunchtime";
    (0..w.len()).any(|i| {
        is("by before until till", w[i]) && {
            let next = get(w, i + 1);
            let next = if next == "the" { get(w, i + 2) } else { next };
            let period = "week weekend month quarter year friday monday tuesday wednesday thursday";
            is(DAYS, next)
                || (is("before by", w[i]) && is("my our", get(w, i + 1)))
                || (get(w, i + 1) == "the" && is(EVENTS, next))
                || next.starts_with(|c: char| c.is_ascii_digit())
                || next == "end"
                || (is("next this", next)
                    && is(period, get(w, i + 2 + usize::from(get(w, i + 1) == "the"))))
        }
    })
}

impl Reading<'_> {
    /// "now" beside a decision ("can we just decide now"), not "for now",
    /// "by now" or "between now and…".
    fn soon_now(&self) -> bool {
        let w = &self.low[..];
        (0..w.len()).any(|i| {
            let acts = |k: usize| {
                let one = |list: &str| list.split('|').any(|p| self.at_phrase(p.trim()) == Some(k));
                one(DECISIONS) || one(CLOSE_ACTS)
            };
            w[i] == "now"
                && !is(
                    "for until by between from till up",
                    get(w, i.wrapping_sub(1)),
                )
                && (i.saturating_sub(4)..i).any(acts)
        })
    }

    pub(super) fn cues(&self) -> Cues {
        let w = &self.low[..];
        let theirs = self.first_of(THEIRS).is_some();
        Cues {
            push: self.first_of(PUSHES).is_some(),
            close: self.first_of(CLOSE_ACTS).is_some(),
            decision: self.first_of(DECISIONS).is_some(),
            papers: self.first_of(PAPERS).is_some(),
            theirs,
            when: self.first_of(WHEN).is_some(),
            demand: self.first_of(DEMANDS).is_some(),
            urgent: self.first_of(URGENT).is_some()
                || self.soon_now()
                || deadline(w)
                || self.first_of("sign now|decide now|commit now|start now|buy now|yes now|order now|book now").is_some(),
            offer_ends: self.first_of(OFFER_NOUNS).is_some()
                && self.first_of(LIMITS).is_some()
                && !theirs
                || self.first_of(OFFERS).is_some() && !theirs,
            seller: self.first_of(SELLER_NEEDS).is_some(),
            take_it: self.first_of(TAKE_IT).is_some(),
            assume: self.assumes(),
            us: w.iter().any(|x| is("us our we we're we've i i'm i've my", x)),
            chase: self.first_of(CHASES).is_some(),
            after_yes: self.first_of(AFTER_YES).is_some() && !theirs,
            scarce: self.scarce(),
            past_doubt: self.past_doubt(),
            dated: w.iter().any(|x| class(x) == Some("TIME"))
                || self.first_of("next week|this week|the week after").is_some(),
        }
    }

    /// "Only 12 units at this price", "we've had a lot of interest", "whether
    /// you like it or not": others wanting it, few left, or no say.
    fn scarce(&self) -> bool {
        let w = &self.low[..];
        // "I'm holding the ballroom for you until 5pm Thursday."
        let held = (0..w.len()).any(|i| {
            is("hold holding held keep keeping reserve reserving", w[i])
                && w[i.saturating_sub(3)..i]
                    .iter()
                    .any(|x| is("i i'm i'll i've we we're we'll we've", x))
                && w[i + 1..w.len().min(i + 7)]
                    .iter()
                    .any(|x| is("until till", x))
        });
        let number = |x: &str| {
            x.starts_with(|c: char| c.is_ascii_digit())
                || is(
                    "one two three four five six seven eight nine ten a few handful",
                    x,
                )
        };
        let only_n = (0..w.len()).any(|i| {
            w[i] == "only"
                && number(get(w, i + 1))
                && !is("you your u ur they their", get(w, i.wrapping_sub(1)))
        });
        let whether = self.has("whether") && self.has("or not");
        (only_n || whether || held || self.first_of(SCARCE).is_some())
            && self.first_of(THEIRS).is_none()
    }

    /// "I know you weren't sure about the sofa, but which day works for
    /// delivery?": the doubt they voiced stepped past to the next step.
    fn past_doubt(&self) -> bool {
        let w = &self.low[..];
        let Some(but) = w.iter().position(|x| is("but though although anyway", x)) else {
            return false;
        };
        let conceded = (0..but.min(5)).any(|i| CONCEDE.split('|').any(|p| starts_at(w, i, p)))
            && self.stems[..but].iter().any(|x| is_stem(DOUBTS, x));
        conceded && self.stems[but + 1..].iter().any(|x| is_stem(NEXT_STEPS, x))
    }

    /// "…before you go on holiday", "…before your budget freeze": a deadline
    /// set by their calendar, for the asker's sake.
    fn before_theirs(&self) -> bool {
        let w = &self.low[..];
        (0..w.len()).any(|i| is("before by", w[i]) && is("you your then", get(w, i + 1)))
    }

    /// "Can I put you down for…", "Is there any reason we can't start Monday?",
    /// "Which start date works for you?": the decision taken as made.
    fn assumes(&self) -> bool {
        let w = &self.low[..];
        let any_reason = (0..w.len()).any(|i| {
            starts_at(w, i, "any reason")
                && w[i + 2..w.len().min(i + 6)]
                    .iter()
                    .any(|x| is("can't cannot wouldn't shouldn't won't couldn't not", x))
        });
        any_reason || self.first_of(ASSUMED).is_some() || (self.has("once you") && self.has("sign"))
    }

    /// "Shall I grab it for you?": the asker offers to take the deal's next
    /// step, as if it were agreed.
    fn offers_to_act(&self) -> bool {
        let w = &self.low[..];
        let at = (self.at..w.len().min(self.at + 3))
            .find(|&i| OFFERS_TO.split('|').any(|p| starts_at(w, i, p)));
        let Some(at) = at else {
            return false;
        };
        let acts = (at + 1..w.len().min(at + 7)).find(|&i| is(DEAL_ACTS, w[i]));
        acts.is_some_and(|i| {
            (i + 1..w.len().min(i + 7)).any(|j| is(DEAL_THINGS, w[j]))
                && (w.iter().any(|x| is("you your u ur yours", x))
                    || self.first_of(PAPERS).is_some())
        }) && self.first_of(THEIRS).is_none()
    }

    /// "get the contract signed", "have it signed by Friday": the signature
    /// made the aim, not asked about ("How do you usually get contracts
    /// approved?" asks about their process).
    fn gets_it_signed(&self) -> bool {
        let w = &self.low[..];
        let usual = w
            .iter()
            .any(|x| is("usually usual normally typically generally tend process", x));
        !usual
            && (0..w.len()).any(|i| {
                is("get got have getting", w[i])
                    && (i + 1..w.len().min(i + 5)).any(|j| is("signed inked", w[j]))
            })
    }

    /// Pushing for a decision, or for the seller's deadline.
    pub(super) fn pressure(&self) -> Option<&'static Say> {
        let c = self.cues();
        let w = &self.low[..];
        let subject = get(w, self.at + 1);
        // Asked of them (or of "us"): a "you" right after the question starts,
        // or their decision named ("have your decision by…").
        let to_them = (self.at + 1..w.len().min(self.at + 4)).any(|i| is("you we i u", w[i]))
            || get(w, self.at) == "any"
            || self
                .first_of("your decision|your answer|your signature|your go-ahead")
                .is_some();
        // Their papers are facts to ask about; ours, moved on our side, a push.
        let pushed = c.papers
            && !c.theirs
            && self.asks_something()
            && (0..w.len()).any(|i| {
                is("i we i'll we'll", w[i])
                    && is("send get raise start issue draw put have", get(w, i + 1))
            });
        // "When can we get started?", "How soon can you sign?"
        let when_we = (0..w.len()).any(|i| {
            let asks_time = base(w[i]) == "when"
                || starts_at(w, i, "how soon")
                || starts_at(w, i, "how quickly")
                || starts_at(w, i, "how fast");
            let aux = (i + 1..w.len().min(i + 4)).find(|&j| is_aux(w[j]));
            let modal = aux.is_some_and(|j| {
                is(MODALS, w[j])
                    || starts_at(w, j, "do you want")
                    || starts_at(w, j, "are you going")
            });
            asks_time && modal && aux.is_some_and(|j| is("you we u i", get(w, j + 1)))
        });
        let timed = c.urgent || when_we;
        // Asking when: "When can we…", "How soon…", "What date…" — not "When you took…".
        let head_word = base(get(w, self.at));
        let soonest =
            self.head == Head::Open && self.first_of("earliest|soonest|quickest|fastest").is_some();
        let asks_when = (head_word == "when" && !is(SUBJECTS, base(get(w, self.at + 1))))
            || soonest
            || [
                "how soon",
                "how quickly",
                "how fast",
                "what time",
                "what date",
                "which date",
            ]
            .iter()
            .any(|p| starts_at(w, self.at, p));
        // Their papers asked for by a date: "Could you get the PO raised this week?"
        let papers_due = c.papers && !c.theirs && c.urgent && to_them;
        let closing = (c.close && (timed || asks_when || to_them))
            || ((c.decision || pushed) && timed)
            || papers_due
            || (c.close && self.before_theirs());
        // "How can we get you in the door by the 1st?", "How do we make the 30th happen?"
        let how_we = starts_at(w, self.at, "how can we")
            || starts_at(w, self.at, "how do we")
            || starts_at(w, self.at, "how do i")
            || self.first_of("quickest way|fastest way").is_some();
        // "If we can match their price, will you sign?"
        let if_we = (0..w.len()).find(|&i| w[i] == "if" && is("we i", base(get(w, i + 1))));
        let if_we = if_we.is_some_and(|i| {
            (i..w.len()).any(|j| is("will would can could are", w[j]) && get(w, j + 1) == "you")
        });
        let asking = is(MODALS, get(w, self.at))
            || starts_at(w, self.at, "do you want to")
            || starts_at(w, self.at, "are you willing to")
            || starts_at(w, self.at, "any chance");
        let ask_close = self.head == Head::Closed && asking && to_them && c.close && !c.theirs;
        let closing = closing && !c.theirs;
        // "Can you start the bathroom on Monday?": an action asked by a date.
        let by_then = self.head == Head::Closed
            && asking
            && is("you u", subject)
            && (deadline(w) || self.before_theirs());
        // "Are you in or not?", "so we doing this or not", "in or out?"
        let ends = |tail: &[&str]| self.low.ends_with(tail);
        let short = self.low.len() <= 8;
        let ultimatum = (self.head == Head::Closed || short || ends(&["in", "or", "out"]))
            && (ends(&["or", "not"]) || ends(&["in", "or", "out"]) || ends(&["yes", "or", "no"]));
        let chased = c.chase && (self.first_of(REPEATED).is_some() || c.seller);
        // "Is Thursday a good day for you to sign?", "we're signing on the
        // 9th?": the close given a day; not "Did you sign it on Monday?".
        let past = is("did was were had have has", get(w, self.at));
        let close_dated = c.close && c.dated && !past && !c.theirs && self.asks_something();
        // "Are you deciding this month?", "are we signing on the 9th?": the
        // decision asked as planned, by a day.
        let planned = is("are r", get(w, self.at))
            && is("you we u", subject)
            && (self.at + 2..w.len().min(self.at + 4))
                .any(|i| w[i].ends_with("ing") && is(CLOSE_WORDS, &stem(w[i])))
            && (c.urgent || c.dated);
        // "Why not lock the dates in now?", "why wouldn't you sign today?": the
        // close, asked why not.
        let why_not = (starts_at(w, self.at, "why not") || starts_at(w, self.at, "why wouldn't"))
            && (c.close || c.push || w.contains(&"now"));
        // "ready to accept the offer", "ready to put the house on the market".
        let ready = (0..w.len()).any(|i| {
            starts_at(w, i, "ready to")
                && is(
                    "accept put take pay book order sign commit buy decide proceed start choose",
                    base(get(w, i + 2)),
                )
        });
        if c.seller {
            Some(&YOURS)
        } else if chased {
            Some(&CHASE)
        } else if c.scarce {
            Some(&SCARCE_SAY)
        } else if c.offer_ends {
            Some(&OFFER)
        } else if c.past_doubt {
            Some(&PAST_DOUBT)
        } else if c.take_it && (c.close || c.decision || self.has("get you")) {
            Some(&TAKE_IT_SAY)
        } else if if_we {
            Some(&IF_WE)
        } else if self.first_of(READY).is_some()
            || c.assume
            || c.push
            || ask_close
            || ultimatum
            || ready
            || close_dated
            || planned
            || why_not
            || self.offers_to_act()
            || (self.gets_it_signed() && !c.theirs)
        {
            Some(&CLOSE)
        } else if ((closing || c.demand || how_we) && c.urgent) || by_then {
            Some(&DEADLINE)
        } else if closing && (when_we || asks_when) {
            Some(&CLOSE)
        } else {
            None
        }
    }
}
