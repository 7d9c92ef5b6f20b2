//! What a question *is*, whatever its id (DESIGN.md section 4, `means:`): a
//! closed vocabulary of meanings, the kind of playbook and the types each
//! allows, and how the thread across calls treats each — facts about the
//! counterpart are offered back, targets are planned afresh. Every command
//! that needs an answer for what it is (the card, follow-ups, stats, the
//! transcript comparison, redaction, the next prep) finds it through a
//! meaning, never through a question id.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::model::{Kind, QuestionType};

/// What a question is, for the commands that need it.
///
/// Prep: `objective`, `business_result`, `personal_win`, `decision_process`,
/// `buying_influences`, `planned_questions`, `best_action`, `minimum_action`,
/// `neediness`, `one_up`. Debrief: `outcome`, `commitment`,
/// `commitment_vs_minimum`, `next_steps`, `asked_questions`, `talk_share`,
/// `questions_asked`, `learned`, `neediness`, `one_up`. Each is used at most
/// once in a playbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Meaning {
    // Prep.
    Objective,
    BusinessResult,
    PersonalWin,
    DecisionProcess,
    BuyingInfluences,
    PlannedQuestions,
    BestAction,
    MinimumAction,
    // Both: how needy the user is (or felt), how much they took over.
    Neediness,
    OneUp,
    // Debrief.
    Outcome,
    Commitment,
    CommitmentVsMinimum,
    NextSteps,
    AskedQuestions,
    TalkShare,
    QuestionsAsked,
    Learned,
}

use Meaning::*;
use QuestionType as T;

impl Meaning {
    pub const ALL: [Meaning; 18] = [
        Objective,
        BusinessResult,
        PersonalWin,
        DecisionProcess,
        BuyingInfluences,
        PlannedQuestions,
        BestAction,
        MinimumAction,
        Neediness,
        OneUp,
        Outcome,
        Commitment,
        CommitmentVsMinimum,
        NextSteps,
        AskedQuestions,
        TalkShare,
        QuestionsAsked,
        Learned,
    ];

    /// The name a playbook writes after `means:`.
    pub fn as_str(self) -> &'static str {
        match self {
            Objective => "objective",
            BusinessResult => "business_result",
            PersonalWin => "personal_win",
            DecisionProcess => "decision_process",
            BuyingInfluences => "buying_influences",
            PlannedQuestions => "planned_questions",
            BestAction => "best_action",
            MinimumAction => "minimum_action",
            Neediness => "neediness",
            OneUp => "one_up",
            Outcome => "outcome",
            Commitment => "commitment",
            CommitmentVsMinimum => "commitment_vs_minimum",
            NextSteps => "next_steps",
            AskedQuestions => "asked_questions",
            TalkShare => "talk_share",
            QuestionsAsked => "questions_asked",
            Learned => "learned",
        }
    }

    pub fn parse(name: &str) -> Option<Meaning> {
        Self::ALL.into_iter().find(|m| m.as_str() == name)
    }

    pub fn names() -> impl Iterator<Item = &'static str> {
        Self::ALL.into_iter().map(Meaning::as_str)
    }

    /// Whether a playbook of `kind` may use this meaning.
    pub fn fits_kind(self, kind: Kind) -> bool {
        match self {
            Neediness | OneUp => true,
            Objective | BusinessResult | PersonalWin | DecisionProcess | BuyingInfluences
            | PlannedQuestions | BestAction | MinimumAction => kind == Kind::Prep,
            _ => kind == Kind::Debrief,
        }
    }

    /// The question types this meaning allows.
    pub fn types(self) -> &'static [QuestionType] {
        match self {
            Objective | BestAction | MinimumAction | Commitment => &[T::Text],
            BusinessResult | PersonalWin | DecisionProcess => &[T::Text, T::Long, T::List],
            BuyingInfluences => &[T::Multi, T::People],
            AskedQuestions => &[T::Multi],
            PlannedQuestions | NextSteps => &[T::List],
            Neediness | OneUp => &[T::Scale],
            Outcome | CommitmentVsMinimum => &[T::Choice],
            // A percent: a scale spans at most 100 points, and 1 to 5 is no percent.
            TalkShare | QuestionsAsked => &[T::Number],
            Learned => &[T::Long, T::List],
        }
    }

    /// A fact about the counterpart: what a debrief learned about it is
    /// offered back, to confirm, in the next prep with them.
    pub fn is_fact(self) -> bool {
        matches!(
            self,
            BusinessResult | PersonalWin | DecisionProcess | BuyingInfluences
        )
    }

    /// A target for one call: planned afresh each time, with the last
    /// outcome shown beside it, never filled from the last call.
    pub fn is_target(self) -> bool {
        matches!(self, Objective | BestAction | MinimumAction)
    }

    /// Words in a question id that suggest this meaning (for `lint`).
    fn hints(self) -> &'static [&'static str] {
        match self {
            Objective => &["objective", "purpose", "aim"],
            BusinessResult => &["business_result", "result", "goal", "goals"],
            PersonalWin => &["personal_win", "win", "stake"],
            DecisionProcess => &["decision_process", "decision", "decide", "decides"],
            BuyingInfluences => &["buying_influences", "influences", "influencers"],
            PlannedQuestions => &["planned_questions", "questions"],
            BestAction => &["best_action", "best"],
            MinimumAction => &["minimum_action", "minimum"],
            Neediness => &["neediness", "needy"],
            OneUp => &["one_up", "expert", "took_over"],
            Outcome => &["outcome"],
            Commitment => &["commitment", "agreed"],
            CommitmentVsMinimum => &["commitment_vs_minimum"],
            NextSteps => &["next_steps", "actions", "followups", "follow_ups"],
            AskedQuestions => &["asked_questions", "asked"],
            TalkShare => &["talk_share", "talk"],
            QuestionsAsked => &["questions_asked"],
            Learned => &["learned", "surprises", "lessons"],
        }
    }

    /// The meaning a question id looks like, for a question of type `ty` in
    /// a playbook of `kind`: the id is the meaning's name or one of its
    /// words, or a two-part id has one of its words as a part
    /// (`single_objective`, `outcome_kind`). Longer ids are not guessed at.
    pub fn suggested(id: &str, ty: QuestionType, kind: Kind) -> Option<Meaning> {
        let parts: Vec<&str> = id.split('_').collect();
        let fits = |m: &Meaning| m.fits_kind(kind) && m.types().contains(&ty);
        let whole = Self::ALL
            .into_iter()
            .filter(fits)
            .find(|m| m.as_str() == id);
        whole.or_else(|| {
            Self::ALL.into_iter().filter(fits).find(|m| {
                m.hints().iter().any(|h| {
                    id == *h || (parts.len() == 2 && !h.contains('_') && parts.contains(h))
                })
            })
        })
    }
}

/// The meanings a prep should declare, and a debrief; `lint` warns when one
/// is missing, since a command goes without it.
pub const EXPECTED: [(Kind, Meaning, &str); 5] = [
    (Kind::Prep, Objective, "the card has no objective to show"),
    (
        Kind::Prep,
        PlannedQuestions,
        "the card has no questions to show, and no unasked question is carried to the next prep",
    ),
    (
        Kind::Prep,
        BestAction,
        "the card has no commitment to aim for",
    ),
    (
        Kind::Debrief,
        Outcome,
        "`coach stats` cannot count this debrief's outcome",
    ),
    (
        Kind::Debrief,
        NextSteps,
        "no follow-ups are made from this debrief",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_match_serde() {
        for m in Meaning::ALL {
            assert_eq!(Meaning::parse(m.as_str()), Some(m));
            assert_eq!(
                serde_json::to_value(m).unwrap(),
                serde_json::Value::from(m.as_str())
            );
        }
        assert_eq!(Meaning::parse("objectives"), None);
    }

    #[test]
    fn every_meaning_is_for_some_kind_and_type() {
        for m in Meaning::ALL {
            assert!(m.fits_kind(Kind::Prep) || m.fits_kind(Kind::Debrief));
            assert!(!m.types().is_empty());
            assert!(!(m.is_fact() && m.is_target()));
        }
    }

    #[test]
    fn ids_that_look_like_a_meaning_are_suggested() {
        let s = |id, ty| Meaning::suggested(id, ty, Kind::Prep);
        assert_eq!(s("single_objective", T::Text), Some(Objective));
        assert_eq!(s("planned_questions", T::List), Some(PlannedQuestions));
        assert_eq!(s("their_decision", T::Long), Some(DecisionProcess));
        // The type must fit, and the kind.
        assert_eq!(s("single_objective", T::Scale), None);
        assert_eq!(s("outcome", T::Choice), None);
        assert_eq!(
            Meaning::suggested("outcome_kind", T::Choice, Kind::Debrief),
            Some(Outcome)
        );
        assert_eq!(
            Meaning::suggested("agreed_actions", T::List, Kind::Debrief),
            Some(NextSteps)
        );
        assert_eq!(s("weather", T::Text), None);
        // Only short ids are guessed at.
        assert_eq!(
            Meaning::suggested("best_guess_of_talk", T::Number, Kind::Debrief),
            None
        );
    }
}
