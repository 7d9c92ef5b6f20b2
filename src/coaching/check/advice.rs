//! What the question coach says: the one-line reasons and the rephrasing
//! tips, built from the question itself where it can.

use super::*;

pub(super) const CLOSED: &str = "It can be answered with a yes, a no or one word, so it closes the \
    conversation instead of opening it.";
pub(super) const MENU: &str =
    "It offers a menu, so they pick one of your answers instead of giving their own.";
pub(super) const OPEN_UP: &str = "an open question lets them answer in their own words.";
pub(super) const PITCH: &str = "It's a pitch, not a question: it talks about your offer before you know \
    what they need.";
pub(super) const RANKS: &str = "matters most|most important|top priority|biggest priority";
pub(super) const DROP_IT: &str =
    "Drop \"{cue}\" and ask it straight, so the answer is theirs to give.";
pub(super) const WHY_NOT_TIP: &str = "\"What would need to be true for this to make sense for you?\" — \
    then listen for the real reasons.";
pub(super) const HOW_BAD_TIP: &str =
    "\"How is that working for you today?\" — ask how it is, not how bad it is.";
pub(super) const BENEFIT_TIP: &str = "\"What are you hoping to improve?\" — ask what they want instead of \
    offering an easy yes.";
pub(super) const ROSY_TIP: &str = "\"What would a good result look like for you?\" — let them paint it \
    rather than painting it for them.";
pub(super) const ALWAYS_TIP: &str = "\"Tell me about the last time that happened.\" — one real moment, \
    without \"always\" or \"never\".";
pub(super) const WHAT_IF_TIP: &str = "\"What would make the biggest difference for you right now?\" — learn \
    what matters before you share results.";
pub(super) const TIMING: &str =
    "\"What's driving your timing on this?\" — ask about their timeline, not yours.";
pub(super) const PROCESS: &str = "\"What needs to happen on your side before a decision?\" — ask about \
    their process, not for the signature.";
pub(super) const YOURS: Say = Say {
    why: "It's about your targets, not their needs; they'll hear that you need the deal.",
    tip: TIMING,
};
pub(super) const OFFER: Say = Say {
    why: "It leans on an expiring offer to hurry them; people resent being rushed.",
    tip: TIMING,
};
pub(super) const DEADLINE: Say = Say {
    why: "It pushes them to decide on your timeline, which puts them on the defensive.",
    tip: TIMING,
};
pub(super) const CLOSE: Say = Say {
    why: "It asks for the decision before they've said they're ready, which pushes them back.",
    tip: PROCESS,
};
pub(super) const SCARCE_SAY: Say = Say {
    why: "It hurries them with others' interest or few left, or leaves them no say; people \
        resent being rushed.",
    tip: TIMING,
};
pub(super) const PAST_DOUBT: Say = Say {
    why: "It steps past the doubt they voiced to the next step; a doubt not heard comes back \
        later, bigger.",
    tip: "\"What would you need to feel sure about it?\" — stay with the doubt before the next \
        step.",
};
pub(super) const CHASE: Say = Say {
    why: "It chases them again for an answer, which tells them your clock matters more than theirs.",
    tip: "\"What's happening on your side that I should know about?\" — ask what has changed, once.",
};
pub(super) const TAKE_IT_SAY: Say = Say {
    why: "It asks what it will take to win, which puts your deal ahead of their problem.",
    tip: "\"What would a good outcome look like for you?\" — ask what they need, not what it takes.",
};
pub(super) const IF_WE: Say = Say {
    why: "It's a conditional close: it trades a concession for a commitment before you know \
        what matters to them.",
    tip: "\"What would need to be true for this to work for you?\" — find out what matters first.",
};

pub(super) const BLAME_SAY: Say = Say {
    why: "It puts them on trial (\"{cue}\"): they'll defend themselves instead of telling you \
        what happened.",
    tip: "\"What got in the way?\" — ask what happened, then say how it landed for you.",
};
pub(super) const LABEL_SAY: Say = Say {
    why: "It labels them (\"{cue}\"): people defend who they are before they talk about what \
        happened.",
    tip: "\"What's making this hard for you?\" — describe what you saw, not what they are, and \
        ask for their side.",
};
pub(super) const GUILT_SAY: Say = Say {
    why: "It asks through guilt (\"{cue}\"), so any yes you get will be grudging.",
    tip: "\"This matters to me because… How do you see it?\" — say what you need, not what \
        they owe you.",
};

pub(super) fn loaded(cue: &str, say: &Say) -> (String, String) {
    (say.why.replace("{cue}", cue), say.tip.into())
}

/// At most `max` words, or nothing: long quotes make poor tips.
pub(super) fn short(r: &Reading, from: usize, to: usize, max: usize) -> Option<String> {
    (to > from && to - from <= max).then(|| r.text(from, to))
}

pub(super) fn capital(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
}

pub(super) fn closed(r: &Reading) -> (String, String) {
    let k = r.part_of(r.at);
    let menu = short(r, r.starts[k], r.end(k), 12).filter(|_| r.menu && r.head != Head::Closed);
    if let Some(ask) = menu {
        let tip = format!(
            "\"{}?\" — leave the options out so they can name their own.",
            capital(&ask)
        );
        return (MENU.into(), tip);
    }
    let tip = closed_tip(r).map(|ask| format!("\"{ask}\" — {OPEN_UP}"));
    (
        CLOSED.into(),
        tip.unwrap_or_else(|| {
            "Start with what or how (\"How do you see…?\", \"What's your experience with…?\") so \
            they answer in their own words."
                .into()
        }),
    )
}

pub(super) fn closed_tip(r: &Reading) -> Option<String> {
    let (w, at, end) = (&r.low[..], r.at, r.end(r.part_of(r.at)));
    if r.head != Head::Closed {
        return None;
    }
    if w[at..end].contains(&"budget") {
        return Some("How is budget set for something like this?".into());
    }
    // "Is there anyone else involved?" → "Who else is involved?"
    let any = (at..end).find(|&i| is("anything anyone anybody", w[i]) && get(w, i + 1) == "else");
    if let Some(i) = any {
        let who = if w[i] == "anything" { "What" } else { "Who" };
        let from = i + 2 + usize::from(is("that who", get(w, i + 2)));
        let rest = short(r, from, end, 8)?;
        let (a, b) = (get(w, from), get(w, from + 1));
        return Some(if is("i we you they", a) && is_aux(b) {
            let tail = short(r, from + 2, end, 8).unwrap_or_default();
            format!("{who} else {b} {} {tail}?", r.words[from].text).replace(" ?", "?")
        } else if a.ends_with("ed") {
            format!("{who} else is {rest}?")
        } else {
            format!("{who} else {rest}?")
        });
    }
    // "Do you know who signs?" → "Tell me who signs."
    let wh = (at + 2..end).find(|&i| {
        is(WH, base(w[i]))
            && is(
                "know about sure remember understand me that explain tell see",
                w[i - 1],
            )
    });
    if let Some(i) = wh {
        return short(r, i, end, 12).map(|rest| format!("Tell me {rest}."));
    }
    // "Do you have a plan for Q3?" → "What does your plan for Q3 look like today?"
    let subject = get(w, at + 1);
    let verb = at + 2;
    let have = (is("do does", w[at]) && get(w, verb) == "have")
        || (is("have has", w[at]) && get(w, verb) == "got");
    if have && is("you they we", subject) {
        let article = is("a an the any some", get(w, verb + 1));
        let thing = short(r, verb + 1 + usize::from(article), end, 6)?;
        let owner = match subject {
            "you" => "your",
            "they" => "their",
            _ => "our",
        };
        let plural =
            is("any some", get(w, verb + 1)) || (end == verb + 2 && w[verb + 1].ends_with('s'));
        return Some(if plural {
            format!("What {thing} do {subject} have?")
        } else {
            let today = if is("today now", w[end - 1]) {
                ""
            } else {
                " today"
            };
            format!("What does {owner} {thing} look like{today}?")
        });
    }
    // "Are you happy with your vendor?" → "How do you feel about your vendor?"
    if is("are", w[at]) && subject == "you" && is("with about", get(w, at + 3)) {
        return short(r, at + 4, end, 8).map(|x| format!("How do you feel about {x}?"));
    }
    None
}

pub(super) fn leading(r: &Reading, (cue, tip): (String, &str)) -> (String, String) {
    let why = format!(
        "It suggests its own answer (\"{cue}\"), so you'll hear agreement rather than what they really think."
    );
    let time = find(&r.low, "time to").map(|i| i + 2);
    let first = r.low[0];
    let said = short(r, 0, r.end(0), 12).filter(|_| r.tag);
    let tip = if let Some(rest) = time.and_then(|i| short(r, i, r.end(r.part_of(i)), 8)) {
        format!("\"How are you thinking about when to {rest}?\" — it leaves the answer to them.")
    } else if RANKS.split('|').any(|p| r.has(p)) {
        "\"What matters most to you here?\" — let them rank it.".into()
    } else if !tip.is_empty() {
        tip.replace("{cue}", &cue)
    } else if let Some(said) = said {
        let lower = is("you your the we it this that they our there", base(first));
        let said = said
            .get(first.len()..)
            .filter(|_| lower)
            .map_or(said.clone(), |rest| format!("{first}{rest}"));
        format!(
            "\"My understanding is {said} — what am I missing?\" — say what you think and invite a correction."
        )
    } else {
        "\"How do you see it?\" — leave your view out, ask for theirs, then listen.".into()
    };
    (why, tip)
}

pub(super) fn statement(read: &[Reading], note: bool) -> (String, String) {
    let tip = "Turn it into a question about them: start with what or how, then let them talk.";
    let Some(r) = read.iter().find(|r| r.head == Head::Note).filter(|_| note) else {
        let message = "It's a statement, not a question, so it gives them nothing to answer.";
        return (message.into(), tip.into());
    };
    let message = "It reads like a note to yourself, not words you'd say to them.".to_string();
    // "ask about …", "find out who …": what to learn; "send …", "pitch …": an action.
    let learn = "ask find check confirm probe explore dig learn figure discuss cover raise \
        remember qualify nail talk go clarify review";
    let skip = "out up about on into them him her to";
    let from = (r.at + 1..r.low.len()).find(|&i| !is(skip, r.low[i]) && !is(NOTES, r.low[i]));
    let (from, w) = (from.unwrap_or(r.low.len()), &r.low[..]);
    let embedded = is(
        "they you we he she it their the i many much long often",
        get(w, from + 1),
    );
    let ask = if !w[r.at..from].iter().any(|x| is(learn, x)) {
        None
    } else if w[from..].contains(&"budget") {
        Some("How is budget set for something like this?".to_string())
    } else if is(WH, base(get(w, from))) && embedded {
        short(r, from, w.len(), 10).map(|x| format!("Tell me {x}."))
    } else if is(WH, base(get(w, from))) {
        short(r, from, w.len(), 10).map(|x| format!("{}?", capital(&x)))
    } else {
        short(r, from, w.len(), 6).map(|x| format!("How are you thinking about {x}?"))
    };
    let tip = ask.map_or(tip.into(), |a| {
        format!("\"{a}\" — write the words you'll say to them.")
    });
    (message, tip)
}

pub(super) fn pitch_tip(read: &[Reading]) -> String {
    let topic = read.iter().filter(|r| r.pitch()).find_map(|r| {
        let w = &r.low[..r.end(0)];
        let verb = w.iter().position(|x| is("cut cuts save saves reduce reduces lower lowers boost boosts increase increases improve improves", x))?;
        let stop = "by in for with up to and of from on at per";
        let len = w[verb + 1..].iter().take_while(|x| !is(stop, x) && !x.contains('%')).count();
        short(r, verb + 1, verb + 1 + len, 3)
    });
    let ask = topic.map_or("What are you trying to improve right now?".into(), |t| {
        format!("What's happening with {t} on your side right now?")
    });
    format!("\"{ask}\" — find out whether it matters to them before you pitch.")
}

pub(super) fn stacked(asked: &[&Reading]) -> (String, String) {
    let message =
        "It asks several things at once; they'll answer the easiest part and the rest gets lost.";
    let r = asked[0];
    let end = r.joins.first().map_or(r.low.len(), |j| j.0);
    let mark = if r.head == Head::Request { "." } else { "?" };
    let tip = short(r, 0, end, 20).filter(|_| end >= 2).map_or_else(
        || "Ask one thing at a time and let each answer lead you to the next.".into(),
        |first| format!("Ask one thing at a time: start with \"{}{mark}\" and let the answer lead you to the next.", capital(&first)),
    );
    (message.into(), tip)
}

/// The reason and tip for a kind the model finds where the rules named no
/// cause: said of the kind, with the question's own words where they help.
pub(super) fn unexplained(kind: Kind, read: &[Reading]) -> (String, String) {
    let asked: Vec<&Reading> = read.iter().filter(|r| r.asks_something()).collect();
    let ours = read
        .iter()
        .any(|r| r.low.iter().any(|w| is("us our ours we we're we've", w)));
    match kind {
        Kind::Closed => match asked.first() {
            Some(r) => closed(r),
            None => (
                CLOSED.into(),
                "Start with what or how (\"How do you see…?\") so they answer in their own words."
                    .into(),
            ),
        },
        Kind::Leading if ours => (
            "It takes for granted that your offer helps, so you'll hear agreement rather than \
                what they really think."
                .into(),
            BENEFIT_TIP.into(),
        ),
        Kind::Leading => (
            "It suggests its own answer, so you'll hear agreement rather than what they really \
                think."
                .into(),
            "\"How do you see it?\" — leave your view out, ask for theirs, then listen.".into(),
        ),
        Kind::Statement => statement(read, read.iter().any(|r| r.head == Head::Note)),
        Kind::Stacked if !asked.is_empty() => stacked(&asked),
        Kind::Stacked => (
            "It asks several things at once; they'll answer the easiest part and the rest gets \
                lost."
                .into(),
            "Ask one thing at a time and let each answer lead you to the next.".into(),
        ),
        Kind::Loaded => (
            "It carries blame, a label or guilt, so they'll defend themselves instead of telling \
                you what happened."
                .into(),
            BLAME_SAY.tip.into(),
        ),
        Kind::Pressure => {
            let say = if read.iter().any(|r| r.first_of(URGENT).is_some()) {
                &DEADLINE
            } else {
                &CLOSE
            };
            (say.why.into(), say.tip.into())
        }
    }
}
