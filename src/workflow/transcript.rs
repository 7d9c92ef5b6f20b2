//! What a debrief takes from the call's transcript (`--transcript FILE --me
//! NAME`): the user's figures, stored in the debrief and set beside their own
//! estimates; the planned questions they asked in other words, offered as the
//! answer meaning `asked_questions`; and all of it on screen before the walk,
//! so it is seen before anything is saved.

use std::collections::BTreeMap;

use crate::coaching::asked::match_planned;
use crate::coaching::check::KINDS;
use crate::coaching::listen::{Flagged, beside_estimates, clock};
use crate::error::Result;
use crate::flow::{Extra, Nudged};
use crate::playbook::{Answer, Meaning, Playbook};
use crate::session::Measured;
use crate::store::Store;
use crate::text::printable_line;

/// What the transcript says about the user.
pub struct Heard {
    pub measured: Measured,
    /// What I asked, in call order: questions, and requests without a `?`.
    asked: Vec<String>,
    /// My questions the question coach found something in.
    flagged: Vec<Flagged>,
}

/// The user's figures in the call's transcript (`coach listen`'s measure).
pub fn measure(
    store: &Store,
    file: &std::path::Path,
    me: &str,
    speakers: &[(String, String)],
) -> Result<Heard> {
    let name = file.display().to_string();
    let analysis = store.transcript(file, speakers)?;
    let report = analysis
        .report(Some(me))
        .map_err(|err| err.into_error(&name))?;
    let mine = report
        .me
        .and_then(|me| analysis.speakers.iter().find(|s| s.name == me));
    let by_kind = report.questions_by_kind.as_ref().map(|k| {
        let mut map = BTreeMap::from([("open".to_string(), k.open)]);
        map.extend(
            KINDS
                .iter()
                .zip(k.kinds)
                .map(|(kind, n)| (kind.as_str().to_string(), n)),
        );
        map
    });
    Ok(Heard {
        measured: Measured {
            transcript: name,
            me: report.me.unwrap_or(me).to_string(),
            talk_share: report.talk_share.unwrap_or_default(),
            questions: report.questions.unwrap_or_default(),
            longest_monologue_seconds: report.longest_monologue_seconds,
            patience_seconds: report.patience_seconds,
            interruptions: report.interruptions,
            questions_by_kind: by_kind.unwrap_or_default(),
            speakers: speakers.iter().cloned().collect(),
        },
        asked: mine
            .map(|s| s.asked.iter().map(|a| a.text.clone()).collect())
            .unwrap_or_default(),
        flagged: report.flagged_questions.clone(),
    })
}

/// The planned questions heard in the call: the id of the question meaning
/// `asked_questions`, and each planned question (one of its choices) that
/// was asked, with what was said. `None` when the playbook has no such
/// question or the prep planned none.
pub fn planned_heard(
    heard: &Heard,
    playbook: &Playbook,
) -> Option<(String, Vec<(String, String)>)> {
    let q = playbook.meaning(Meaning::AskedQuestions)?;
    let planned: Vec<String> = q.choices.iter().map(|c| c.value().to_string()).collect();
    if planned.is_empty() {
        return None;
    }
    let planned_refs: Vec<&str> = planned.iter().map(String::as_str).collect();
    let said: Vec<&str> = heard.asked.iter().map(String::as_str).collect();
    let pairs = match_planned(&planned_refs, &said)
        .into_iter()
        .zip(&planned)
        .filter_map(|(at, plan)| at.map(|i| (plan.clone(), said[i].to_string())))
        .collect();
    Some((q.id.clone(), pairs))
}

/// The matched planned questions as the answer to their question.
pub fn as_answer(pairs: &[(String, String)]) -> Answer {
    Answer::List(pairs.iter().map(|(plan, _)| plan.clone()).collect())
}

/// Flagged questions shown on screen; the notes keep only the counts.
const FLAGGED_SHOWN: usize = 3;

/// The figures and what was heard, for the screen before the walk.
pub fn summary(
    heard: &Heard,
    planned: Option<&(String, Vec<(String, String)>)>,
    total: usize,
) -> String {
    let m = &heard.measured;
    let mut line = vec![format!("talked {:.0}%", m.talk_share * 100.0)];
    let kinds: Vec<String> = std::iter::once("open")
        .chain(KINDS.iter().map(|k| k.as_str()))
        .filter_map(|k| m.questions_by_kind.get(k).map(|n| (k, *n)))
        .filter(|(_, n)| *n > 0)
        .map(|(k, n)| format!("{n} {k}"))
        .collect();
    line.push(match kinds.is_empty() {
        true => format!("{} questions", m.questions),
        false => format!("{} questions ({})", m.questions, kinds.join(", ")),
    });
    if let Some(s) = m.longest_monologue_seconds {
        line.push(format!(
            "longest monologue {}",
            clock((s * 1000.0).round() as u64)
        ));
    }
    if let Some(p) = m.patience_seconds {
        line.push(format!("waited {p:.1} s before answering"));
    }
    if let Some(n) = m.interruptions {
        line.push(format!("cut in {n} time{}", if n == 1 { "" } else { "s" }));
    }
    let mut out = format!(
        "From the transcript, you ({}): {}.",
        printable_line(&m.me),
        line.join(" · ")
    );
    for f in heard.flagged.iter().take(FLAGGED_SHOWN) {
        let kinds: Vec<&str> = f.kinds.iter().map(|k| k.as_str()).collect();
        out.push_str(&format!(
            "\n  {}: \"{}\"",
            kinds.join(", "),
            printable_line(&f.question)
        ));
    }
    if let Some((_, pairs)) = planned {
        out.push_str(&format!(
            "\nPlanned questions heard in the call: {} of {total}",
            pairs.len()
        ));
        for (plan, said) in pairs {
            out.push_str(&format!(
                "\n  ✓ {}\n      you said: \"{}\"",
                printable_line(plan),
                printable_line(said)
            ));
        }
    }
    out
}

/// What the transcript measured beside the user's own estimates (the
/// answers meaning `talk_share` and `questions_asked`), as nudges.
/// `prep_playbook` is the playbook of the prep it follows, if any: a
/// debrief of a talk at home or with a colleague gets no sales bands.
pub fn estimates<'p>(m: Measured, playbook: &Playbook, prep_playbook: Option<&str>) -> Extra<'p> {
    let id = |meaning| playbook.meaning(meaning).map(|q| q.id.clone());
    let (share, asked) = (id(Meaning::TalkShare), id(Meaning::QuestionsAsked));
    let sales = crate::playbook::builtin::sales_call(
        [playbook.id.as_str()].into_iter().chain(prep_playbook),
    );
    Box::new(move |answers: &[(String, Answer)]| {
        let estimate = |id: &Option<String>| {
            answers.iter().find_map(|(k, a)| match a {
                Answer::Int(n) if Some(k) == id.as_ref() => Some(*n),
                _ => None,
            })
        };
        beside_estimates(
            m.talk_share,
            m.questions,
            estimate(&share),
            estimate(&asked),
            sales,
        )
        .into_iter()
        .map(|text| Nudged {
            question: share.clone().unwrap_or_default(),
            text,
        })
        .collect()
    })
}
