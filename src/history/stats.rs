//! The figures of `coach stats` over a set of sessions: how many were held,
//! how many preps got a debrief, the outcomes, talk share and questions (the
//! user's estimate and what transcripts measured), promises kept on time,
//! and stance scores over time drawn as sparklines.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use crate::followups::Reliability;
use crate::playbook::{Answer, Kind, Meaning};
use crate::session::Session;

#[derive(Debug, Default, PartialEq)]
pub struct Stats {
    pub sessions: usize,
    pub preps: usize,
    pub debriefs: usize,
    /// Debriefs of sales conversations (not of a built-in talk at home): the
    /// sales call studies' bands and the sales outcomes are shown only
    /// beside these.
    pub sales_debriefs: usize,
    /// Preps that a debrief among the sessions was held against.
    pub preps_debriefed: usize,
    /// Debriefs by outcome (the answer meaning `outcome`): the three of
    /// Conceptual Selling first, always, then any other value met.
    pub outcomes: Vec<(String, usize)>,
    /// Averages: talk share in percent, questions per call.
    pub talk_share_estimated: Option<f64>,
    pub talk_share_measured: Option<f64>,
    pub questions_estimated: Option<f64>,
    pub questions_measured: Option<f64>,
    pub reliability: Option<Reliability>,
    pub first_day: Option<jiff::civil::Date>,
    pub last_day: Option<jiff::civil::Date>,
    /// Per debrief, oldest first.
    pub talk_share_trend: Vec<f64>,
    pub questions_trend: Vec<f64>,
    /// How needy the user felt (`neediness`), how much they took over (`one_up`).
    pub felt_needy_trend: Vec<f64>,
    pub took_over_trend: Vec<f64>,
}

/// The outcomes every report names, even when none was met.
const OUTCOMES: [&str; 3] = ["advance", "continuation", "no_sale"];

fn number(s: &Session, meaning: Meaning) -> Option<f64> {
    match s.meant(meaning)? {
        Answer::Int(n) => Some(*n as f64),
        Answer::Text(t) => t.trim().parse().ok(),
        _ => None,
    }
}

fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

/// The figures over `sessions` (in any order); `reliability` comes from the
/// follow-ups of these sessions; `preps` names the playbook of each prep a
/// debrief may follow (those among `sessions` are read from them).
pub fn compute(
    sessions: &[Session],
    reliability: Option<Reliability>,
    preps: &HashMap<String, String>,
) -> Stats {
    let mut playbook_of: HashMap<&str, &str> = preps
        .iter()
        .map(|(id, playbook)| (id.as_str(), playbook.as_str()))
        .collect();
    playbook_of.extend(
        sessions
            .iter()
            .filter(|p| p.kind == Kind::Prep)
            .map(|p| (p.id.as_str(), p.playbook.as_str())),
    );
    let mut by_date: Vec<&Session> = sessions.iter().collect();
    by_date.sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
    let debriefed: HashSet<&str> = sessions.iter().filter_map(|s| s.prep.as_deref()).collect();
    let mut st = Stats {
        sessions: sessions.len(),
        outcomes: OUTCOMES.iter().map(|o| (o.to_string(), 0)).collect(),
        reliability,
        first_day: by_date.first().map(|s| s.date.date()),
        last_day: by_date.last().map(|s| s.date.date()),
        ..Stats::default()
    };
    let mut measured_share = Vec::new();
    let mut measured_questions = Vec::new();
    for s in by_date {
        match s.kind {
            Kind::Prep => {
                st.preps += 1;
                st.preps_debriefed += usize::from(debriefed.contains(s.id.as_str()));
                continue;
            }
            Kind::Debrief => st.debriefs += 1,
        }
        let prep = s
            .prep
            .as_deref()
            .and_then(|id| playbook_of.get(id).copied());
        st.sales_debriefs += usize::from(crate::playbook::builtin::sales_call(
            [s.playbook.as_str()].into_iter().chain(prep),
        ));
        if let Some(Answer::Text(outcome)) = s.meant(Meaning::Outcome) {
            let outcome = outcome.trim();
            match st.outcomes.iter_mut().find(|(o, _)| o == outcome) {
                Some((_, n)) => *n += 1,
                None => st.outcomes.push((outcome.to_string(), 1)),
            }
        }
        let trends = [
            (Meaning::TalkShare, &mut st.talk_share_trend),
            (Meaning::QuestionsAsked, &mut st.questions_trend),
            (Meaning::Neediness, &mut st.felt_needy_trend),
            (Meaning::OneUp, &mut st.took_over_trend),
        ];
        for (meaning, trend) in trends {
            trend.extend(number(s, meaning));
        }
        if let Some(l) = &s.listen {
            measured_share.push(l.talk_share * 100.0);
            measured_questions.push(l.questions as f64);
        }
    }
    st.talk_share_estimated = mean(&st.talk_share_trend);
    st.questions_estimated = mean(&st.questions_trend);
    st.talk_share_measured = mean(&measured_share);
    st.questions_measured = mean(&measured_questions);
    st
}

/// Values as a row of block characters, `lo` the lowest and `hi` the
/// highest; the most recent `max` values only.
pub fn sparkline(values: &[f64], lo: f64, hi: f64, max: usize) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let span = (hi - lo).max(f64::EPSILON);
    values[values.len().saturating_sub(max)..]
        .iter()
        .map(|v| {
            let at = ((v.clamp(lo, hi) - lo) / span * 7.0).round() as usize;
            BARS[at.min(7)]
        })
        .collect()
}

fn percent(part: usize, whole: usize) -> u32 {
    if whole == 0 {
        0
    } else {
        ((part * 200 + whole) / (whole * 2)) as u32
    }
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The report for people; `labels` names outcome values as their
/// playbooks label them (a value without one is shown with spaces).
pub fn render(st: &Stats, labels: &HashMap<String, String>) -> String {
    let mut out = String::new();
    let _ = render_into(&mut out, st, labels);
    out
}

fn render_into(out: &mut String, st: &Stats, labels: &HashMap<String, String>) -> std::fmt::Result {
    if st.sessions == 0 {
        return writeln!(
            out,
            "No sessions match. `coach history` lists what there is."
        );
    }
    let span = match (&st.first_day, &st.last_day) {
        (Some(a), Some(b)) if a == b => format!(", on {a}"),
        (Some(a), Some(b)) => format!(", {a} to {b}"),
        _ => String::new(),
    };
    writeln!(
        out,
        "Sessions: {} ({}, {}){span}",
        st.sessions,
        count(st.preps, "prep", "preps"),
        count(st.debriefs, "debrief", "debriefs")
    )?;
    if st.preps > 0 {
        writeln!(
            out,
            "Preps followed by a debrief: {} of {} ({}%)",
            st.preps_debriefed,
            st.preps,
            percent(st.preps_debriefed, st.preps)
        )?;
    }
    if st.debriefs > 0 {
        // Talks at home only: the sales outcomes none of them can have are
        // not named.
        let outcomes: Vec<String> = st
            .outcomes
            .iter()
            .filter(|(o, n)| *n > 0 || (st.sales_debriefs > 0 && OUTCOMES.contains(&o.as_str())))
            .map(|(o, n)| {
                let name = labels
                    .get(o)
                    .cloned()
                    .unwrap_or_else(|| crate::text::spaced(o));
                format!("{n} {}", crate::text::printable_line(&name))
            })
            .collect();
        if !outcomes.is_empty() {
            writeln!(out, "Outcomes: {}", outcomes.join(", "))?;
        }
    }
    let fig = |v: Option<f64>, unit: &str| v.map_or("–".to_string(), |v| format!("{v:.0}{unit}"));
    let fig1 = |v: Option<f64>| v.map_or("–".to_string(), |v| format!("{v:.1}"));
    // The bands are from studies of sales calls: said beside sales debriefs only.
    let band = |text: &'static str| if st.sales_debriefs > 0 { text } else { "" };
    if st.debriefs > 0 {
        writeln!(
            out,
            "Talk share: estimated {}, measured {}{}",
            fig(st.talk_share_estimated, "%"),
            fig(st.talk_share_measured, "%"),
            band(" (Gong Labs: near 43% did best)")
        )?;
        writeln!(
            out,
            "Questions per call: estimated {}, measured {}{}",
            fig1(st.questions_estimated),
            fig1(st.questions_measured),
            band(" (11–14 did best in discovery)")
        )?;
    }
    match st.reliability {
        Some(r) => writeln!(out, "Follow-ups: {r}")?,
        None => writeln!(out, "Follow-ups: none of yours has come due yet")?,
    }
    // A playbook's own scale may be wider than 1 to 5.
    let scale = |values: &[f64]| {
        let lo = values.iter().copied().fold(1.0, f64::min);
        let hi = values.iter().copied().fold(5.0, f64::max);
        (lo, hi)
    };
    let (needy_lo, needy_hi) = scale(&st.felt_needy_trend);
    let (over_lo, over_hi) = scale(&st.took_over_trend);
    let needy = format!("felt needy ({needy_lo}–{needy_hi})");
    let over = format!("took over ({over_lo}–{over_hi})");
    let trends = [
        ("talk share (0–100%)", &st.talk_share_trend, 0.0, 100.0),
        ("questions asked", &st.questions_trend, 0.0, 20.0),
        (needy.as_str(), &st.felt_needy_trend, needy_lo, needy_hi),
        (over.as_str(), &st.took_over_trend, over_lo, over_hi),
    ];
    if trends.iter().any(|t| t.1.len() >= 2) {
        writeln!(
            out,
            "\nTrends over the debriefs, oldest to newest (the last 40):"
        )?;
        for (label, values, lo, hi) in trends {
            if values.len() >= 2 {
                writeln!(out, "  {label:<20} {}", sparkline(values, lo, hi, 40))?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::playbook::Meanings;
    use crate::session::{Answers, Measured};

    fn s(
        id: &str,
        kind: Kind,
        date: &str,
        prep: Option<&str>,
        answers: Vec<(&str, Answer)>,
    ) -> Session {
        Session {
            id: id.into(),
            kind,
            playbook: "p".into(),
            playbook_version: 1,
            title: "t".into(),
            with: "Jane".into(),
            account: "Acme".into(),
            date: date.parse().unwrap(),
            tags: vec![],
            prep: prep.map(str::to_string),
            means: Meanings(
                answers
                    .iter()
                    .map(|(k, _)| (k.to_string(), format!("q_{k}")))
                    .collect(),
            ),
            answers: Answers(
                answers
                    .into_iter()
                    .map(|(k, v)| (format!("q_{k}"), v))
                    .collect(),
            ),
            skipped: vec![],
            plan_vs_actual: vec![],
            nudges: vec![],
            followups: vec![],
            listen: None,
            call_at: None,
            participants: Vec::new(),
            coach_version: "0.1.0".into(),
        }
    }

    #[test]
    fn figures_over_sessions() {
        let mut d2 = s(
            "d2",
            Kind::Debrief,
            "2026-11-20T10:00:00Z",
            None,
            vec![
                ("outcome", Answer::Text("no_sale".into())),
                ("talk_share", Answer::Int(70)),
                ("neediness", Answer::Int(5)),
            ],
        );
        d2.listen = Some(Measured {
            transcript: "t".into(),
            me: "me".into(),
            talk_share: 0.6,
            questions: 4,
            ..Default::default()
        });
        let list = vec![
            d2,
            s("p1", Kind::Prep, "2026-11-01T10:00:00Z", None, vec![]),
            s("p2", Kind::Prep, "2026-11-05T10:00:00Z", None, vec![]),
            s(
                "d3",
                Kind::Debrief,
                "2026-11-21T10:00:00Z",
                None,
                vec![("outcome", Answer::Text("won".into()))],
            ),
            s(
                "d1",
                Kind::Debrief,
                "2026-11-02T10:00:00Z",
                Some("p1"),
                vec![
                    ("outcome", Answer::Text("advance".into())),
                    ("talk_share", Answer::Int(40)),
                    ("questions_asked", Answer::Int(12)),
                    ("neediness", Answer::Int(1)),
                ],
            ),
        ];
        let st = compute(&list, None, &HashMap::new());
        assert_eq!(
            (st.sessions, st.preps, st.debriefs, st.preps_debriefed),
            (5, 2, 3, 1)
        );
        let outcomes: Vec<(&str, usize)> =
            st.outcomes.iter().map(|(o, n)| (o.as_str(), *n)).collect();
        assert_eq!(
            outcomes,
            [
                ("advance", 1),
                ("continuation", 0),
                ("no_sale", 1),
                ("won", 1)
            ]
        );
        assert_eq!(st.talk_share_estimated, Some(55.0));
        assert_eq!(st.talk_share_measured, Some(60.0));
        assert_eq!(st.questions_estimated, Some(12.0));
        assert_eq!(st.felt_needy_trend, [1.0, 5.0]);
        assert_eq!(st.first_day, Some(jiff::civil::date(2026, 11, 1)));
        let text = render(&st, &HashMap::new());
        assert!(
            text.contains("Preps followed by a debrief: 1 of 2 (50%)"),
            "{text}"
        );
        assert!(text.contains("felt needy (1–5)     ▁█"), "{text}");
        assert!(
            text.contains("Outcomes: 1 advance, 0 continuation, 1 no sale, 1 won"),
            "{text}"
        );
        assert!(
            render(&compute(&[], None, &HashMap::new()), &HashMap::new())
                .starts_with("No sessions")
        );
        let labels = HashMap::from([("won".to_string(), "Won it".to_string())]);
        assert!(
            render(&st, &labels).contains(", 1 Won it"),
            "{}",
            render(&st, &labels)
        );
    }

    /// Talks at home get their own figures, without the sales call studies'
    /// bands or the sales outcomes they cannot have; one sales debrief among
    /// them brings both back.
    #[test]
    fn talks_at_home_are_not_held_to_sales_bands() {
        let home = |id: &str, outcome: &str| {
            let mut d = s(
                id,
                Kind::Debrief,
                "2026-11-20T10:00:00Z",
                None,
                vec![
                    ("outcome", Answer::Text(outcome.into())),
                    ("talk_share", Answer::Int(50)),
                ],
            );
            d.playbook = "personal-debrief".into();
            d
        };
        let list = vec![home("h1", "closer"), home("h2", "agreed")];
        let text = render(&compute(&list, None, &HashMap::new()), &HashMap::new());
        assert!(
            text.contains("Talk share: estimated 50%, measured –\n"),
            "{text}"
        );
        assert!(!text.contains("Gong") && !text.contains("11–14"), "{text}");
        assert!(text.contains("Outcomes: 1 closer, 1 agreed\n"), "{text}");
        assert!(!text.contains("no sale"), "{text}");

        let mut mixed = list;
        mixed.push(s(
            "d1",
            Kind::Debrief,
            "2026-11-21T10:00:00Z",
            None,
            vec![("outcome", Answer::Text("advance".into()))],
        ));
        let text = render(&compute(&mixed, None, &HashMap::new()), &HashMap::new());
        assert!(text.contains("(Gong Labs: near 43% did best)"), "{text}");
        assert!(text.contains("0 continuation"), "{text}");

        // A generic debrief of a talk with a colleague is no sales call either.
        let mut internal = s(
            "d2",
            Kind::Debrief,
            "2026-11-21T10:00:00Z",
            None,
            vec![("talk_share", Answer::Int(40))],
        );
        internal.prep = Some("p-internal".into());
        let preps = HashMap::from([("p-internal".to_string(), "internal".to_string())]);
        let text = render(&compute(&[internal.clone()], None, &preps), &HashMap::new());
        assert!(!text.contains("Gong"), "{text}");
        let text = render(
            &compute(&[internal], None, &HashMap::new()),
            &HashMap::new(),
        );
        assert!(
            text.contains("Gong"),
            "an unknown prep counts as a sales call: {text}"
        );
    }

    #[test]
    fn sparklines_span_their_scale() {
        assert_eq!(sparkline(&[1.0, 2.0, 3.0, 4.0, 5.0], 1.0, 5.0, 40), "▁▃▅▆█");
        assert_eq!(sparkline(&[0.0, 100.0, 250.0], 0.0, 100.0, 2), "██");
        assert_eq!(sparkline(&[], 0.0, 1.0, 5), "");
    }
}
