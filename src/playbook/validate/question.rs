//! The rules of one question: its keys, its type, choices, range, default,
//! conditions and nudges, and the keys only a debrief may use.

use std::collections::HashMap;

use super::read::Map;
use super::{CHOICE_KEYS, CONTEXT_NAMES, Checker, LABEL_KEYS, NUDGE_KEYS, QUESTION_KEYS};
use crate::diag::Loc;
use crate::playbook::answer;
use crate::playbook::model::{
    Check, Choice, Depth, Kind, Labels, Meaning, Nudge, Question, QuestionType,
};
use crate::text::did_you_mean;
use crate::yaml::{Node, Value};

impl<'s> Checker<'s> {
    pub(super) fn question(
        &mut self,
        node: &Node,
        known: &mut Vec<String>,
        question_ids: &mut HashMap<String, Loc>,
    ) -> Option<Question> {
        let map = self.map(node, "a question", QUESTION_KEYS)?;
        let id = self.string(&map, "id", true).map(|(id, n)| {
            if self.id(&id, n.loc, "question") {
                if CONTEXT_NAMES.contains(&id.as_str()) || id == "prep" {
                    self.error(
                        n.loc,
                        format!("`{id}` is a reserved name; choose another question id"),
                    );
                }
                self.unique(question_ids, &id, n.loc, "question");
            }
            id
        });
        let ask = self.opt_template(&map, "ask", known, true);
        let help = self.opt_template(&map, "help", known, false);
        let ty = match self.string(&map, "type", false) {
            None => Some(QuestionType::Text),
            Some((text, n)) => QuestionType::parse(&text).or_else(|| {
                let d = self.error(n.loc, format!("unknown type `{text}`"));
                if let Some(close) = did_you_mean(&text, QuestionType::ALL) {
                    d.label = Some(format!("did you mean `{close}`?"));
                }
                d.help = Some(format!("type is one of: {}", QuestionType::ALL.join(", ")));
                None
            }),
        };
        let choices = self.choices(&map, ty);
        let choices_from = self.string(&map, "choices_from", false).map(|(text, n)| {
            if self.kind == Kind::Prep {
                self.error(n.loc, "`choices_from` is only for debrief playbooks")
                    .help = Some("a prep playbook has no earlier session to take choices from; list `choices` instead".into());
            } else if !text.starts_with("prep.") {
                self.error(n.loc, format!("`choices_from` must name a prep answer as `prep.<id>`, found `{text}`"));
            }
            text
        });
        let plan = self.string(&map, "plan", false).map(|(text, n)| {
            if self.kind == Kind::Prep {
                self.error(n.loc, "`plan` is only for debrief playbooks")
                    .help = Some(
                    "`plan` names the prep question a debrief question is held against".into(),
                );
            }
            text
        });
        let depth = match self.string(&map, "depth", false) {
            None => None,
            Some((text, _)) if text == "core" => Some(Depth::Core),
            Some((text, _)) if text == "full" => Some(Depth::Full),
            Some((text, n)) => {
                let d = self.error(n.loc, format!("unknown depth `{text}`"));
                if let Some(close) = did_you_mean(&text, Depth::ALL) {
                    d.label = Some(format!("did you mean `{close}`?"));
                }
                d.help = Some("`depth: core` puts a question on the default walk; `full` (the default) asks it only with --full".into());
                None
            }
        };
        let means = self.means(&map, ty, id.as_deref().unwrap_or("?"));
        let min = self.integer(&map, "min");
        let max = self.integer(&map, "max");
        let labels = self.labels(&map, ty);
        let required = self.boolean(&map, "required").unwrap_or(false);
        let check = match self.string(&map, "check", false) {
            None => None,
            Some((text, n)) if text == "questions" => {
                if !matches!(
                    ty,
                    Some(QuestionType::List | QuestionType::Text | QuestionType::Long) | None
                ) {
                    self.error(
                        n.loc,
                        "`check: questions` needs a question of type list, text or long",
                    );
                }
                Some(Check::Questions)
            }
            Some((text, n)) => {
                self.error(n.loc, format!("unknown check `{text}`")).help =
                    Some("the only check is `questions`".into());
                None
            }
        };
        let when = self.string(&map, "when", false).map(|(text, n)| {
            self.expression(&text, n.loc, known, "when");
            text
        });
        let nudge = self.opt_template(&map, "nudge", known, false);
        // From here on the question's own answer is known too.
        let mut with_self = known.clone();
        if let Some(id) = &id {
            with_self.push(id.clone());
        }
        let nudges = self.nudges(&map, &with_self);

        let mut question = Question {
            id: id.clone()?,
            ask: ask?,
            help,
            ty: ty?,
            choices,
            choices_from,
            min: min.map(|(n, _)| n),
            max: max.map(|(n, _)| n),
            labels,
            default: None,
            required,
            when,
            plan,
            depth,
            means,
            check,
            nudge,
            nudges,
        };
        self.range(&question, min, max);
        if question.ty.has_choices()
            && question.choices.is_empty()
            && question.choices_from.is_none()
        {
            let loc = map.get("type").map_or(map.loc, |n| n.loc);
            self.error(
                loc,
                format!("a `{}` question needs `choices`", question.ty.as_str()),
            )
            .help = Some("list the options under `choices:`, one `- option` a line".into());
        }
        let (lo, hi) = question.scale_range();
        let range_broken = question.ty == QuestionType::Scale && lo > hi
            || matches!((question.min, question.max), (Some(lo), Some(hi)) if lo > hi);
        if let Some(default) = map.get("default").filter(|_| !range_broken) {
            match answer::from_node(&question, default) {
                Ok(value) => question.default = value,
                Err(misfits) => {
                    for misfit in misfits {
                        self.error(
                            misfit.at.unwrap_or(default.loc),
                            format!("`default` does not fit the question: {}", misfit.reason),
                        );
                    }
                }
            }
        }
        known.push(question.id.clone());
        Some(question)
    }

    /// `means:`: a meaning of the vocabulary, for this kind of playbook and
    /// this type of question, used once in the playbook.
    fn means(&mut self, map: &Map, ty: Option<QuestionType>, id: &str) -> Option<Meaning> {
        let (text, node) = self.string(map, "means", false)?;
        let Some(meaning) = Meaning::parse(&text) else {
            let kind = self.kind;
            let names: Vec<&str> = Meaning::ALL
                .into_iter()
                .filter(|m| m.fits_kind(kind))
                .map(Meaning::as_str)
                .collect();
            let d = self.error(node.loc, format!("unknown meaning `{text}`"));
            if let Some(close) = did_you_mean(&text, names.iter().copied()) {
                d.label = Some(format!("did you mean `{close}`?"));
            }
            d.help = Some(format!(
                "the meanings of a {} playbook are: {}",
                kind.as_str(),
                names.join(", ")
            ));
            return None;
        };
        if !meaning.fits_kind(self.kind) {
            let other = match self.kind {
                Kind::Prep => "debrief",
                Kind::Debrief => "prep",
            };
            self.error(
                node.loc,
                format!(
                    "`{text}` is a meaning for a {other} playbook, and this one is a {}",
                    self.kind.as_str()
                ),
            )
            .help = Some(format!(
                "remove `means: {text}`, or move the question to a {other} playbook"
            ));
            return None;
        }
        let types = meaning.types();
        if let Some(ty) = ty.filter(|t| !types.contains(t)) {
            let allowed: Vec<&str> = types.iter().map(|t| t.as_str()).collect();
            self.error(
                node.loc,
                format!(
                    "`means: {text}` needs a question of type {}, and this one is `{}`",
                    allowed.join(" or "),
                    ty.as_str()
                ),
            )
            .help = Some(format!(
                "change `type:` to {}, or remove `means:`",
                allowed.join(" or ")
            ));
            return None;
        }
        if meaning == Meaning::AskedQuestions && map.get("choices_from").is_none() {
            self.error(node.loc, "`means: asked_questions` takes its choices from the prep's planned questions")
                .help = Some("add `choices_from: prep.<id>`, naming the prep question that means `planned_questions`".into());
        }
        if let Some((first, first_id)) = self.meanings.get(&meaning) {
            let place = format!("{}:{}:{}", self.source.name, first.line, first.col);
            self.error(node.loc, format!("the meaning `{text}` is used twice"))
                .help = Some(format!(
                "`{first_id}` means `{text}` already ({place}); a meaning names one question in a playbook: remove one of them"
            ));
            return None;
        }
        self.meanings.insert(meaning, (node.loc, id.to_string()));
        Some(meaning)
    }

    fn choices(&mut self, map: &Map, ty: Option<QuestionType>) -> Vec<Choice> {
        let Some(items) = self.seq(map, "choices", false) else {
            return Vec::new();
        };
        if let Some(ty) = ty.filter(|t| !t.has_choices()) {
            let loc = map.get("choices").map_or(map.loc, |n| n.loc);
            self.error(loc, format!("a `{}` question has no `choices`", ty.as_str()))
                .help = Some("use `type: choice` (pick one) or `type: multi` (pick several), or remove `choices`".into());
            return Vec::new();
        }
        let mut seen: HashMap<String, Loc> = HashMap::new();
        let mut out = Vec::new();
        for item in items {
            let choice = match &item.value {
                Value::Map(_) => {
                    let Some(m) = self.map(item, "a choice", CHOICE_KEYS) else {
                        continue;
                    };
                    let value = self.string(&m, "value", true).map(|(v, _)| v);
                    let label = self.string(&m, "label", false).map(|(v, _)| v);
                    let hint = self.string(&m, "hint", false).map(|(v, _)| v);
                    let Some(value) = value else { continue };
                    Choice::Full { value, label, hint }
                }
                Value::Seq(_) | Value::Null => {
                    self.error(
                        item.loc,
                        format!(
                            "a choice must be text or {{value, label, hint}}, found {}",
                            item.value.describe()
                        ),
                    );
                    continue;
                }
                _ => Choice::Plain(item.scalar_text().unwrap_or_default()),
            };
            if let Some(first) = seen.get(choice.value()) {
                self.error(item.loc, format!("duplicate choice `{}`", choice.value()))
                    .help = Some(format!(
                    "the same value is already listed at line {}",
                    first.line
                ));
            } else {
                seen.insert(choice.value().to_string(), item.loc);
            }
            out.push(choice);
        }
        out
    }

    fn labels(&mut self, map: &Map, ty: Option<QuestionType>) -> Option<Labels> {
        let node = map.get("labels")?;
        if ty.is_some_and(|t| t != QuestionType::Scale) {
            self.error(
                node.loc,
                "`labels` names the ends of a scale; this question is not a `scale`",
            );
            return None;
        }
        let m = self.map(node, "`labels`", LABEL_KEYS)?;
        let low = self.string(&m, "low", false).map(|(v, _)| v);
        let high = self.string(&m, "high", false).map(|(v, _)| v);
        Some(Labels { low, high })
    }

    fn nudges(&mut self, map: &Map, known: &[String]) -> Vec<Nudge> {
        let mut out = Vec::new();
        for item in self.seq(map, "nudges", false).unwrap_or_default() {
            let Some(m) = self.map(item, "a nudge", NUDGE_KEYS) else {
                continue;
            };
            let when = self.string(&m, "when", true);
            let say = self.string(&m, "say", true);
            if let Some((text, n)) = &when {
                self.expression(text, n.loc, known, "when");
            }
            if let Some((text, n)) = &say {
                self.template(text, n.loc, known, "say");
            }
            if let (Some((when, _)), Some((say, _))) = (when, say) {
                out.push(Nudge { when, say });
            }
        }
        out
    }

    fn range(&mut self, q: &Question, min: Option<(i64, Loc)>, max: Option<(i64, Loc)>) {
        // Every point of a scale is a line in the terminal's list.
        const MAX_SCALE_POINTS: i64 = 100;
        // A multi can only ask for as many as it offers.
        if let (QuestionType::Multi, Some((lo, loc)), false) = (q.ty, min, q.choices.is_empty())
            && usize::try_from(lo).is_ok_and(|lo| lo > q.choices.len())
        {
            self.error(
                loc,
                format!(
                    "`min` asks for {lo} choices, and the question offers {}",
                    q.choices.len()
                ),
            );
        }
        if !q.ty.has_range() {
            for (key, v) in [("min", min), ("max", max)] {
                if let Some((_, loc)) = v {
                    self.error(loc, format!("`{key}` does not apply to a `{}` question", q.ty.as_str()))
                        .help = Some("`min` and `max` apply to scale and number (values) and to list and multi (item counts)".into());
                }
            }
            return;
        }
        let (lo, hi) = if q.ty == QuestionType::Scale {
            q.scale_range()
        } else {
            match (q.min, q.max) {
                (Some(lo), Some(hi)) => (lo, hi),
                _ => return,
            }
        };
        if lo > hi {
            let loc = min.or(max).map_or(Loc::default(), |(_, l)| l);
            self.error(loc, format!("`min` ({lo}) is greater than `max` ({hi})"));
        } else if q.ty == QuestionType::Scale
            && hi
                .checked_sub(lo)
                .is_none_or(|span| span >= MAX_SCALE_POINTS)
        {
            let loc = max.or(min).map_or(Loc::default(), |(_, l)| l);
            self.error(
                loc,
                format!(
                    "a scale spans at most {MAX_SCALE_POINTS} points; this one spans {lo} to {hi}"
                ),
            )
            .help = Some(
                "for a wider range of whole numbers, use `type: number` with `min` and `max`"
                    .into(),
            );
        }
        if matches!(
            q.ty,
            QuestionType::List | QuestionType::Multi | QuestionType::People
        ) && lo < 0
        {
            let loc = min.map_or(Loc::default(), |(_, l)| l);
            self.error(loc, "`min` counts items (or people) and cannot be negative");
        }
    }
}
