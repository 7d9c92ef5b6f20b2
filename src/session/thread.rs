//! What a debrief said about its plan, read by meaning (DESIGN.md section
//! 4): what it learned against each planned question and what that
//! question means, what stayed unknown, which planned questions were asked
//! and which not, and the outcome with the commitment. The next prep
//! (`workflow::since`) and the card read it; it is pure.

use crate::playbook::{Answer, Meaning, Playbook};
use crate::session::Session;

/// One thing a debrief learned, held against a prep question.
#[derive(Debug, Clone, PartialEq)]
pub struct Learned {
    /// The prep question it was held against (`plan:`).
    pub plan: String,
    /// What that prep question means, when known.
    pub meaning: Option<Meaning>,
    /// The debrief's question as written (a template).
    pub ask: String,
    pub answer: Answer,
}

/// What a debrief said about its plan, read by meaning.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Said {
    pub learned: Vec<Learned>,
    /// The debrief's questions held against a plan that got no answer.
    pub unknown: Vec<String>,
    /// The planned questions ticked as asked; `None` when the debrief does
    /// not say which were asked.
    pub asked: Option<Vec<String>>,
    /// The prep's planned questions that were not asked.
    pub unasked: Vec<String>,
    /// The outcome and the commitment, as one line.
    pub last: Option<String>,
}

impl Said {
    /// Read `debrief`: its `plan:` links as it recorded them (else, for
    /// notes from before they were recorded, from its playbook), each
    /// link's meaning from the prep it was held against (or the link's own
    /// name, when that is a meaning, as the shipped debriefs write them).
    pub fn of(debrief: &Session, playbook: Option<&Playbook>, prep: Option<&Session>) -> Said {
        let meaning_of = |plan: &str| prep.and_then(|p| p.means.of(plan)).or(Meaning::parse(plan));
        let links: Vec<(String, String, String)> = if debrief.plan_vs_actual.is_empty() {
            playbook
                .into_iter()
                .flat_map(|p| p.questions())
                .filter_map(|q| Some((q.id.clone(), q.plan.clone()?, q.ask.clone())))
                .collect()
        } else {
            debrief
                .plan_vs_actual
                .iter()
                .map(|r| {
                    let ask = if r.ask.is_empty() {
                        &r.question
                    } else {
                        &r.ask
                    };
                    (r.question.clone(), r.plan.clone(), ask.clone())
                })
                .collect()
        };
        let mut said = Said::default();
        for (id, plan, ask) in links {
            match debrief.answer(&id) {
                Some(answer) => said.learned.push(Learned {
                    meaning: meaning_of(&plan),
                    plan,
                    ask,
                    answer: answer.clone(),
                }),
                None if debrief.skipped.contains(&id) => said.unknown.push(ask),
                None => {}
            }
        }
        // Which planned questions were asked; a question left empty does
        // not say, so nothing is assumed from it.
        if let Some(id) = debrief.means.id(Meaning::AskedQuestions)
            && !debrief.skipped.iter().any(|s| s == id)
        {
            let asked = match debrief.meant(Meaning::AskedQuestions) {
                Some(Answer::List(items)) => items.clone(),
                _ => Vec::new(),
            };
            if let Some(Answer::List(planned)) =
                prep.and_then(|p| p.meant(Meaning::PlannedQuestions))
            {
                said.unasked = unasked(planned, &asked);
            }
            said.asked = Some(asked);
        }
        let text = |m| debrief.meant(m).map(|a| crate::text::spaced(&a.display()));
        said.last = match (text(Meaning::Outcome), text(Meaning::Commitment)) {
            (Some(o), Some(c)) => Some(format!("{o} — agreed: {c}")),
            (Some(o), None) => Some(o),
            (None, Some(c)) => Some(format!("agreed: {c}")),
            (None, None) => None,
        };
        said
    }
}

/// The planned questions not among those asked, in plan order.
pub fn unasked(planned: &[String], asked: &[String]) -> Vec<String> {
    planned
        .iter()
        .filter(|q| !q.trim().is_empty() && !asked.iter().any(|a| a.trim() == q.trim()))
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::playbook::Kind;
    use crate::playbook::Meanings;
    use crate::session::Answers;

    fn session(kind: Kind, answers: &[(&str, Answer)], means: &[(&str, &str)]) -> Session {
        Session {
            id: "2026-11-20-1000-jane-debrief".into(),
            kind,
            playbook: "mine".into(),
            playbook_version: 1,
            title: "t".into(),
            with: "Jane".into(),
            account: "Acme".into(),
            date: "2026-11-20T10:00:00Z".parse().unwrap(),
            tags: vec![],
            prep: None,
            answers: Answers(
                answers
                    .iter()
                    .map(|(k, a)| (k.to_string(), a.clone()))
                    .collect(),
            ),
            means: Meanings(
                means
                    .iter()
                    .map(|(m, id)| (m.to_string(), id.to_string()))
                    .collect(),
            ),
            skipped: vec!["got_view".into()],
            nudges: vec![],
            plan_vs_actual: vec![],
            followups: vec![],
            listen: None,
            call_at: None,
            participants: Vec::new(),
            coach_version: "0".into(),
        }
    }

    fn list(items: &[&str]) -> Answer {
        Answer::List(items.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn a_debrief_is_read_by_meaning() {
        let debrief_yaml = "title: D\nkind: debrief\nsections:\n  - id: s\n    title: S\n    questions:\n      - id: got_goal\n        ask: Their goal?\n        plan: aim\n      - id: got_view\n        ask: Their view?\n        plan: view\n      - id: agreed\n        ask: Agreed?\n        plan: best\n      - id: ticked\n        ask: Asked?\n        type: multi\n        choices_from: prep.qs\n";
        let source = crate::diag::Source::new("d.yaml", debrief_yaml);
        let playbook = crate::playbook::load::parse(&source, "d").unwrap();
        let prep = session(
            Kind::Prep,
            &[("qs", list(&["How do you decide?", "Who else is involved?"]))],
            &[
                ("business_result", "aim"),
                ("best_action", "best"),
                ("planned_questions", "qs"),
            ],
        );
        let debrief = session(
            Kind::Debrief,
            &[
                ("got_goal", Answer::Text("Halve onboarding".into())),
                ("agreed", Answer::Text("A pilot".into())),
                ("ticked", list(&["How do you decide?"])),
                ("result", Answer::Text("advance".into())),
            ],
            &[
                ("asked_questions", "ticked"),
                ("outcome", "result"),
                ("commitment", "agreed"),
            ],
        );
        let said = Said::of(&debrief, Some(&playbook), Some(&prep));
        let learned: Vec<(&str, Option<Meaning>)> = said
            .learned
            .iter()
            .map(|l| (l.plan.as_str(), l.meaning))
            .collect();
        assert_eq!(
            learned,
            [
                ("aim", Some(Meaning::BusinessResult)),
                ("best", Some(Meaning::BestAction))
            ]
        );
        assert_eq!(said.unknown, ["Their view?"]);
        assert_eq!(said.unasked, ["Who else is involved?"]);
        assert_eq!(said.last.as_deref(), Some("advance — agreed: A pilot"));
    }

    #[test]
    fn a_skipped_asked_questions_says_nothing_was_asked_or_not() {
        let prep = session(
            Kind::Prep,
            &[("qs", list(&["A?", "B?"]))],
            &[("planned_questions", "qs")],
        );
        let mut debrief = session(Kind::Debrief, &[], &[("asked_questions", "ticked")]);
        debrief.skipped = vec!["ticked".into()];
        let said = Said::of(&debrief, None, Some(&prep));
        assert_eq!(said.asked, None);
        assert!(said.unasked.is_empty());
        // Answered with none ticked: every planned question is still to ask.
        debrief.skipped.clear();
        let said = Said::of(&debrief, None, Some(&prep));
        assert_eq!(said.unasked, ["A?", "B?"]);
    }

    #[test]
    fn unasked_keeps_plan_order_and_ignores_spacing() {
        let planned = ["A?", " B? ", "C?"].map(String::from);
        assert_eq!(unasked(&planned, &["B?".to_string()]), ["A?", "C?"]);
    }
}
