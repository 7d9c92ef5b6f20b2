//! How a part of a sentence opens: a question word, a helper verb, a soft
//! request ("could you walk me through…"), a note to self, or none.

use super::words::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Head {
    Open,
    Closed,
    Request,
    Note,
    Plain,
}

/// How a part opens, read after any lead-in ("so", "ok"), and where.
pub(super) fn head(w: &[&str], asks: bool) -> (Head, usize) {
    let i = w.iter().position(|x| !is(LEAD_INS, x)).unwrap_or(0);
    let (first, next) = (get(w, i), base(get(w, i + 1)));
    let head = if starts_at(w, i, "any chance") && is("you u we i", get(w, i + 2)) {
        // "Any chance you could send the deck?": a yes/no request.
        let modal = i + 3;
        if is(MODALS, get(w, modal)) {
            soft(w, modal, i + 2).unwrap_or(Head::Closed)
        } else {
            Head::Closed
        }
    } else if is(WH, base(first)) {
        // Without a question mark, "what we do is…" is a statement.
        let clause = !asks && first == base(first) && is("i we you they he she", next);
        if clause { Head::Plain } else { Head::Open }
    } else if is(AUX_ALWAYS, first)
        || (is(AUX_SUBJ, first) && (asks || is(SUBJECTS, next)))
        // "would tuesday or wednesday work better": a menu, typed without `?`.
        || (is(MODALS, first) && !is("be been have", next) && w[i + 1..].contains(&"or"))
    {
        soft(w, i, i + 1).unwrap_or(Head::Closed)
    } else if !asks
        && is("u you ur youre", first)
        && (next.ends_with("ing") || is("free around up ok okay alright ready busy home", next))
    {
        // "u coming to the team lunch or nah": the helper verb dropped, as texts do.
        Head::Closed
    } else if let Some(after) = prompt(w, i) {
        if_whether(w, after)
    } else if let Some(after) = request(w, i) {
        // "Explain why their vendor fails them.": said of them, not to them.
        let to_them = w.iter().any(|x| {
            is(
                "you your yours yourself yourselves you're you've you'd you'll u ur",
                x,
            )
        });
        let of_them = w.iter().any(|x| {
            is(
                "they them their theirs he him his she her hers we our us me my i",
                x,
            )
        });
        if to_them || asks || !of_them || !is(REQ_ANY, get(w, i)) {
            if_whether(w, after)
        } else {
            Head::Note
        }
    } else if is(NOTES, first) && asks {
        Head::Closed // "Need a lift to the station?"
    } else if is(NOTES, first) {
        Head::Note
    } else {
        Head::Plain
    };
    (head, i)
}

/// An open request stays open unless it asks "if" or "whether" — and a
/// request after the "if" is still a request ("I was wondering if you could
/// tell me how…", "I'd be grateful if you could outline…").
pub(super) fn if_whether(w: &[&str], after: usize) -> Head {
    if !is("if whether", get(w, after)) {
        return Head::Request;
    }
    let you = after + 1;
    let asks = is("you u", get(w, you)) && is(MODALS, get(w, you + 1));
    match asks.then(|| soft(w, you + 1, you)).flatten() {
        Some(Head::Request) => Head::Request,
        _ => Head::Closed,
    }
}

/// "Could you tell me…", "Would you mind sharing…", "Are you able to walk me
/// through…", "Can I ask how…": soft requests, not yes/no questions.
pub(super) fn soft(w: &[&str], i: usize, subject: usize) -> Option<Head> {
    let mut j = i.max(subject) + 1;
    // "Would it be possible (for you) to…", "Is it possible for you to…"
    if get(w, subject) == "it" {
        j += usize::from(get(w, j) == "be");
        if get(w, j) != "possible" {
            return None;
        }
        j += 1;
        if get(w, j) == "for" && is("you u", get(w, j + 1)) {
            j += 2;
        }
        let learn = is(LEARN, get(w, j + 1)).then_some(j + 2);
        return (get(w, j) == "to").then(|| {
            request(w, j + 1)
                .or(learn)
                .map_or(Head::Closed, |a| if_whether(w, a))
        });
    }
    // "Would you be so kind as to…"
    if starts_at(w, j, "be so kind as to") {
        j += 5;
    }
    let mut softened = false;
    let fillers = "please maybe perhaps possibly just kindly quickly briefly mind terribly \
        awfully be willing able open happy like care to";
    while is(fillers, get(w, j)) {
        softened |= is("mind willing able open happy", get(w, j));
        j += 1;
    }
    if !(is(MODALS, w[i]) || (softened && is("do are", w[i]))) {
        return None;
    }
    let after = match get(w, subject) {
        "you" | "u" => request(w, j)?,
        "i" if get(w, j) == "ask" => j + 1,
        // "Could I trouble you to walk me through…"
        "i" if starts_at(w, j, "trouble you to") => request(w, j + 3)?,
        _ => return None,
    };
    Some(if_whether(w, after))
}

/// "Describe…", "Tell me…", "Walk us through…", "Say more…": where the request ends.
pub(super) fn request(w: &[&str], i: usize) -> Option<usize> {
    let (verb, next) = (get(w, i), get(w, i + 1));
    // "Share your screen" asks for a thing; "share how…" for their story.
    let thing = verb == "share"
        && !is(
            "how what why where who when more about some a an your with",
            next,
        );
    let thing = thing
        || (verb == "share"
            && next == "your"
            && !is(
                "thoughts view views experience perspective story take",
                get(w, i + 2),
            ));
    if is(REQ_ANY, verb) && !is("our my", next) && !thing {
        Some(i + 1)
    } else if is(REQ_ME, verb) && is("through over", next) {
        Some(i + 2)
    } else if is(REQ_ME, verb) && is("me us", next) && is("through about over", get(w, i + 2)) {
        // "Talk me through the decision you made": their story, whatever it is about.
        Some(i + 3)
    } else if is(REQ_ME, verb) && is("me us", next) {
        let object = &w[(i + 2).min(w.len())..w.len().min(i + 5)];
        let object = &object[..object
            .iter()
            .position(|x| is(WH, base(x)))
            .unwrap_or(object.len())];
        let answer = object
            .iter()
            .any(|x| is("answer decision yes go-ahead commitment", x));
        (!answer).then_some(i + 2)
    } else if (is(REQ_ME, verb) && is("to with", next) && is("me us", get(w, i + 2)))
        || (verb == "paint" && starts_at(w, i + 1, "a picture"))
    {
        Some(i + 3)
    } else if is("say saying", verb) && is("more a", next) {
        Some(i + 2)
    } else {
        None
    }
}

/// "I'm curious…", "I wonder…", "I'd love to hear…": an open prompt.
pub(super) fn prompt(w: &[&str], i: usize) -> Option<usize> {
    let mine = |j: usize| (j.saturating_sub(3)..j).any(|k| is("i i'd i'm i'll we'd we", w[k]));
    (i..w.len())
        .filter(|&j| j < i + 5 || mine(j))
        .find_map(|j| match w[j] {
            "curious" | "wonder" | "wondering" | "wondered" => Some(j + 1),
            "welcome" if is("your any", get(w, j + 1)) => Some(j + 3),
            "wanted" | "hoping" | "hope" | "trying" | "keen"
                if get(w, j + 1) == "to"
                    && (is(LEARN, get(w, j + 2)) || is("work figure get check", get(w, j + 2))) =>
            {
                (j + 3..w.len().min(j + 8)).find(|&k| is(WH, base(w[k])))
            }
            "grateful" | "appreciate" if (j + 1..w.len().min(j + 3)).any(|k| w[k] == "if") => {
                (j + 1..w.len().min(j + 3)).find(|&k| w[k] == "if")
            }
            "love" | "like" | "want" | "keen" | "interested" | "eager"
                if get(w, j + 1) == "to" && is(LEARN, get(w, j + 2)) =>
            {
                Some(j + 3)
            }
            "interested" if get(w, j + 1) == "in" => Some(j + 2),
            _ => None,
        })
}
