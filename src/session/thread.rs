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
    /// Read `debrief`: its `plan:` links from its playbook (else from the
    /// plan it recorded), each link's meaning from the prep it was held
    /// against (else from `next`, the playbook of the next prep).
    pub fn of(
        debrief: &Session,
        playbook: Option<&Playbook>,
        prep: Option<&Session>,
        next: Option<&Playbook>,
    ) -> Said {
        let meaning_of = |plan: &str| {
            prep.and_then(|p| p.means.of(plan))
                .or_else(|| next.and_then(|n| n.question(plan)).and_then(|q| q.means))
        };
        let answer_of = |id: &str| {
            debrief
                .answers
                .0
                .iter()
                .find(|(k, _)| k == id)
                .map(|(_, a)| a)
                .filter(|a| !a.is_empty())
        };
        let mut said = Said::default();
        let links: Vec<(String, String, String)> = match playbook {
            Some(p) => p
                .questions()
                .filter_map(|q| Some((q.id.clone(), q.plan.clone()?, q.ask.clone())))
                .collect(),
            None => debrief
                .plan_vs_actual
                .iter()
                .map(|r| (r.question.clone(), r.plan.clone(), r.question.clone()))
                .collect(),
        };
        for (id, plan, ask) in links {
            match answer_of(&id) {
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
        if debrief.means.id(Meaning::AskedQuestions).is_some() {
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
        let text = |m| debrief.meant(m).map(Answer::display);
        said.last = match (text(Meaning::Outcome), text(Meaning::Commitment)) {
            (Some(o), Some(c)) => Some(format!("{} — agreed: {c}", o.replace('_', " "))),
            (Some(o), None) => Some(o.replace('_', " ")),
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
        let said = Said::of(&debrief, Some(&playbook), Some(&prep), None);
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
    fn unasked_keeps_plan_order_and_ignores_spacing() {
        let planned = ["A?", " B? ", "C?"].map(String::from);
        assert_eq!(unasked(&planned, &["B?".to_string()]), ["A?", "C?"]);
    }
}
