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
    let head = if is(WH, base(first)) {
        // Without a question mark, "what we do is…" is a statement.
        let clause = !asks && first == base(first) && is("i we you they he she", next);
        if clause { Head::Plain } else { Head::Open }
    } else if is(AUX_ALWAYS, first) || (is(AUX_SUBJ, first) && (asks || is(SUBJECTS, next))) {
        soft(w, i).unwrap_or(Head::Closed)
    } else if let Some(after) = prompt(w, i).or_else(|| request(w, i)) {
        if_whether(w, after)
    } else if is(NOTES, first) {
        Head::Note
    } else {
        Head::Plain
    };
    (head, i)
}

/// An open request stays open unless it asks "if" or "whether".
pub(super) fn if_whether(w: &[&str], after: usize) -> Head {
    if is("if whether", get(w, after)) {
        Head::Closed
    } else {
        Head::Request
    }
}

/// "Could you tell me…", "Would you mind sharing…", "Are you able to walk me
/// through…", "Can I ask how…": soft requests, not yes/no questions.
pub(super) fn soft(w: &[&str], i: usize) -> Option<Head> {
    let mut j = i + 2;
    let mut softened = false;
    let fillers = "please maybe perhaps possibly just kindly quickly briefly mind be willing \
        able open happy like care to";
    while is(fillers, get(w, j)) {
        softened |= is("mind willing able open happy", get(w, j));
        j += 1;
    }
    if !(is(MODALS, w[i]) || (softened && is("do are", w[i]))) {
        return None;
    }
    let after = match get(w, i + 1) {
        "you" => request(w, j)?,
        "i" if get(w, j) == "ask" => j + 1,
        _ => return None,
    };
    Some(if_whether(w, after))
}

/// "Describe…", "Tell me…", "Walk us through…", "Say more…": where the request ends.
pub(super) fn request(w: &[&str], i: usize) -> Option<usize> {
    let (verb, next) = (get(w, i), get(w, i + 1));
    if is(REQ_ANY, verb) && !is("our my", next) {
        Some(i + 1)
    } else if is(REQ_ME, verb) && is("me us", next) {
        let object = &w[(i + 2).min(w.len())..w.len().min(i + 4)];
        let answer = object
            .iter()
            .any(|x| is("answer decision yes go-ahead commitment", x));
        (!answer).then_some(i + 2)
    } else if is(REQ_ME, verb) && is("to with", next) && is("me us", get(w, i + 2)) {
        Some(i + 3)
    } else if is("say saying", verb) && is("more a", next) {
        Some(i + 2)
    } else {
        None
    }
}

/// "I'm curious…", "I wonder…", "I'd love to hear…": an open prompt.
pub(super) fn prompt(w: &[&str], i: usize) -> Option<usize> {
    (i..w.len().min(i + 5)).find_map(|j| match w[j] {
        "curious" | "wonder" | "wondering" => Some(j + 1),
        "love" | "like" | "want" | "keen" | "interested" | "eager"
            if get(w, j + 1) == "to" && is(LEARN, get(w, j + 2)) =>
        {
            Some(j + 3)
        }
        "interested" if get(w, j + 1) == "in" => Some(j + 2),
        _ => None,
    })
}
