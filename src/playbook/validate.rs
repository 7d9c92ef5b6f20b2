//! Reading a playbook out of the located YAML tree: every key, type, id,
//! expression and template is checked, and every problem is reported with its
//! place, so a person who edits a playbook by hand can fix it in one pass.

use std::collections::HashMap;

use super::answer;
use super::model::{Check, Choice, Kind, Labels, Nudge, Playbook, Question, QuestionType, Section};
use crate::diag::{Diagnostic, Diagnostics, Loc, Source};
use crate::text::{did_you_mean, one_of};
use crate::yaml::{Key, Node, Value};

const PLAYBOOK_KEYS: &[&str] = &[
    "id", "title", "kind", "version", "summary", "intro", "stance", "sections",
];
const SECTION_KEYS: &[&str] = &["id", "title", "why", "when", "questions"];
const QUESTION_KEYS: &[&str] = &[
    "id",
    "ask",
    "help",
    "type",
    "choices",
    "choices_from",
    "min",
    "max",
    "labels",
    "default",
    "required",
    "when",
    "plan",
    "check",
    "nudge",
    "nudges",
];
const CHOICE_KEYS: &[&str] = &["value", "label", "hint"];
const LABEL_KEYS: &[&str] = &["low", "high"];
const NUDGE_KEYS: &[&str] = &["when", "say"];
/// Names every expression and template may use besides the answers.
const CONTEXT_NAMES: &[&str] = &["with", "account"];

/// Check the tree of a playbook file; `stem` is the file name without extension,
/// the id when the file names none.
pub fn playbook(source: &Source, tree: &Node, stem: &str) -> Result<Playbook, Diagnostics> {
    let mut cx = Checker {
        source,
        diags: Diagnostics::default(),
        env: minijinja::Environment::new(),
        all_questions: HashMap::new(),
        kind: Kind::Prep,
    };
    let playbook = cx.playbook(tree, stem);
    cx.diags.into_result()?;
    playbook.ok_or_else(|| unreachable_empty(source))
}

fn unreachable_empty(source: &Source) -> Diagnostics {
    let mut d = Diagnostics::default();
    d.push(Diagnostic::new(
        source,
        Loc::default(),
        "the playbook could not be read",
    ));
    d
}

struct Checker<'s> {
    source: &'s Source,
    diags: Diagnostics,
    env: minijinja::Environment<'static>,
    /// Every question id in the file with its place, to tell "later" from "unknown".
    all_questions: HashMap<String, Loc>,
    kind: Kind,
}

/// A mapping whose keys were checked against the ones allowed.
struct Map<'n> {
    loc: Loc,
    entries: &'n [(Key, Node)],
    what: &'static str,
}

impl<'n> Map<'n> {
    fn get(&self, key: &str) -> Option<&'n Node> {
        self.entries
            .iter()
            .find(|(k, _)| k.name == key)
            .map(|(_, v)| v)
    }
}

impl<'s> Checker<'s> {
    fn error(&mut self, loc: Loc, message: impl Into<String>) -> &mut Diagnostic {
        self.diags.push(Diagnostic::new(self.source, loc, message));
        self.diags.0.last_mut().expect("just pushed")
    }

    fn map<'n>(&mut self, node: &'n Node, what: &'static str, allowed: &[&str]) -> Option<Map<'n>> {
        let Value::Map(entries) = &node.value else {
            self.error(
                node.loc,
                format!(
                    "expected {what} (a mapping of keys), found {}",
                    node.value.describe()
                ),
            );
            return None;
        };
        for (key, _) in entries {
            if !allowed.contains(&key.name.as_str()) {
                let d = self.error(key.loc, format!("unknown key `{}` in {what}", key.name));
                if let Some(close) = did_you_mean(&key.name, allowed.iter().copied()) {
                    d.label = Some(format!("did you mean `{close}`?"));
                }
                d.help = Some(format!("the keys of {what} are: {}", allowed.join(", ")));
            }
        }
        Some(Map {
            loc: node.loc,
            entries,
            what,
        })
    }

    fn missing(&mut self, map: &Map, key: &str) {
        let loc = map.entries.first().map_or(map.loc, |(k, _)| k.loc);
        self.error(loc, format!("{} needs `{key}`", map.what)).help =
            Some(format!("add `{key}:` to {}", map.what));
    }

    /// A text value (any scalar is taken as its text).
    fn string<'n>(
        &mut self,
        map: &Map<'n>,
        key: &str,
        required: bool,
    ) -> Option<(String, &'n Node)> {
        let node = map.get(key);
        match node.map(|n| (&n.value, n)) {
            None | Some((Value::Null, _)) => {
                if required {
                    self.missing(map, key);
                }
                None
            }
            Some((Value::Seq(_) | Value::Map(_), n)) => {
                self.error(
                    n.loc,
                    format!("`{key}` must be text, found {}", n.value.describe()),
                );
                None
            }
            Some((_, n)) => {
                let text = n.scalar_text().unwrap_or_default();
                if required && text.trim().is_empty() {
                    self.error(n.loc, format!("`{key}` must not be empty"));
                }
                Some((text, n))
            }
        }
    }

    fn boolean(&mut self, map: &Map, key: &str) -> Option<bool> {
        let node = map.get(key)?;
        match &node.value {
            Value::Bool(b) => Some(*b),
            Value::Null => None,
            other => {
                let found = node
                    .scalar_text()
                    .map_or(other.describe().to_string(), |t| format!("`{t}`"));
                self.error(
                    node.loc,
                    format!("`{key}` must be true or false, found {found}"),
                );
                None
            }
        }
    }

    fn integer(&mut self, map: &Map, key: &str) -> Option<(i64, Loc)> {
        let node = map.get(key)?;
        match &node.value {
            Value::Int(n) => Some((*n, node.loc)),
            Value::Null => None,
            other => {
                let found = node
                    .scalar_text()
                    .map_or(other.describe().to_string(), |t| format!("`{t}`"));
                self.error(
                    node.loc,
                    format!("`{key}` must be a whole number, found {found}"),
                );
                None
            }
        }
    }

    fn seq<'n>(&mut self, map: &Map<'n>, key: &str, required: bool) -> Option<&'n [Node]> {
        match map.get(key) {
            None => {
                if required {
                    self.missing(map, key);
                }
                None
            }
            Some(Node {
                value: Value::Seq(items),
                loc,
            }) => {
                if required && items.is_empty() {
                    self.error(*loc, format!("`{key}` must list at least one item"));
                }
                Some(items)
            }
            Some(Node {
                value: Value::Null,
                loc,
            }) => {
                if required {
                    self.error(*loc, format!("`{key}` must list at least one item"));
                }
                None
            }
            Some(node) => {
                self.error(
                    node.loc,
                    format!("`{key}` must be a list, found {}", node.value.describe()),
                )
                .help = Some(format!(
                    "write each item of `{key}` on its own line after `- `"
                ));
                None
            }
        }
    }

    fn id(&mut self, text: &str, loc: Loc, what: &str) -> bool {
        let mut chars = text.chars();
        let ok = chars.next().is_some_and(|c| c.is_ascii_lowercase())
            && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !ok {
            self.error(loc, format!("`{text}` is not a valid {what} id"))
                .help = Some(
                "ids start with a lowercase letter and use only a-z, 0-9 and `_` (like `business_result`)"
                    .into(),
            );
        }
        ok
    }

    /// Names a `when` or template may use at this point of the playbook.
    fn check_names(
        &mut self,
        names: impl IntoIterator<Item = String>,
        loc: Loc,
        known: &[String],
        field: &str,
    ) {
        let mut names: Vec<String> = names.into_iter().collect();
        names.sort();
        for name in names {
            if known.contains(&name)
                || CONTEXT_NAMES.contains(&name.as_str())
                || self.env.globals().any(|(g, _)| g == name)
            {
                continue;
            }
            if name == "prep" {
                let msg = if self.kind == Kind::Prep {
                    "`prep` is only known in a debrief playbook"
                } else {
                    continue;
                };
                self.error(loc, format!("{field} uses {msg}"));
                continue;
            }
            if self.all_questions.contains_key(&name) {
                self.error(loc, format!("{field} uses `{name}`, which is asked later"))
                    .help = Some("a condition or text can only use answers given before it; move the question up or the condition down".into());
                continue;
            }
            let candidates: Vec<&str> = known
                .iter()
                .map(String::as_str)
                .chain(CONTEXT_NAMES.iter().copied())
                .collect();
            let d = self.error(
                loc,
                format!("{field} uses `{name}`, which is not a question of this playbook"),
            );
            if let Some(close) = did_you_mean(&name, candidates) {
                d.label = Some(format!("did you mean `{close}`?"));
            }
        }
    }

    fn expression(&mut self, text: &str, loc: Loc, known: &[String], field: &str) {
        let names = match self.env.compile_expression(text) {
            Ok(expr) => expr.undeclared_variables(false),
            Err(err) => {
                self.error(loc, format!("`{field}` is not a valid expression: {}", jinja_reason(&err)))
                    .help = Some("conditions look like `neediness >= 4`, `'economic' in influences` or `not decision_known`".into());
                return;
            }
        };
        self.check_names(names, loc, known, &format!("`{field}`"));
    }

    fn template(&mut self, text: &str, loc: Loc, known: &[String], field: &str) {
        let names = match self.env.template_from_str(text) {
            Ok(t) => t.undeclared_variables(false),
            Err(err) => {
                self.error(
                    loc,
                    format!("`{field}` is not a valid template: {}", jinja_reason(&err)),
                )
                .help = Some(
                    "insert answers with `{{ name }}`; write `{{ '{{' }}` for a literal `{{`"
                        .into(),
                );
                return;
            }
        };
        self.check_names(names, loc, known, &format!("`{field}`"));
    }

    fn opt_template(
        &mut self,
        map: &Map,
        key: &str,
        known: &[String],
        required: bool,
    ) -> Option<String> {
        let (text, node) = self.string(map, key, required)?;
        self.template(&text, node.loc, known, key);
        Some(text)
    }

    fn playbook(&mut self, tree: &Node, stem: &str) -> Option<Playbook> {
        let map = self.map(tree, "a playbook", PLAYBOOK_KEYS)?;
        self.collect_question_ids(&map);

        let id = match self.string(&map, "id", false) {
            Some((id, node)) => {
                let ok = !id.is_empty()
                    && id
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
                if !ok {
                    self.error(node.loc, format!("`{id}` is not a valid playbook id"))
                        .help =
                        Some("playbook ids use only a-z, 0-9 and `-` (like `discovery`)".into());
                }
                id
            }
            None => stem.to_string(),
        };
        let title = self.string(&map, "title", true).map(|(t, _)| t);
        let kind = match self.string(&map, "kind", true) {
            Some((text, node)) => match text.as_str() {
                "prep" => Some(Kind::Prep),
                "debrief" => Some(Kind::Debrief),
                other => {
                    let d = self.error(node.loc, format!("unknown kind `{other}`"));
                    if let Some(close) = did_you_mean(other, Kind::ALL) {
                        d.label = Some(format!("did you mean `{close}`?"));
                    }
                    d.help = Some(format!("kind is {}", one_of(&Kind::ALL)));
                    None
                }
            },
            None => None,
        };
        self.kind = kind.unwrap_or(Kind::Prep);
        let version = match self.integer(&map, "version") {
            Some((n, loc)) if n < 1 || n > i64::from(u32::MAX) => {
                self.error(
                    loc,
                    format!("`version` must be a whole number of at least 1, found {n}"),
                );
                1
            }
            Some((n, _)) => n as u32,
            None => 1,
        };
        let summary = self.string(&map, "summary", false).map(|(t, _)| t);
        let base: Vec<String> = Vec::new();
        let intro = self.opt_template(&map, "intro", &base, false);
        let mut stance = Vec::new();
        for node in self.seq(&map, "stance", false).unwrap_or_default() {
            match node.scalar_text() {
                Some(text) => {
                    self.template(&text, node.loc, &base, "stance");
                    stance.push(text);
                }
                None => {
                    self.error(
                        node.loc,
                        format!(
                            "a stance reminder must be text, found {}",
                            node.value.describe()
                        ),
                    );
                }
            }
        }
        let mut sections = Vec::new();
        let mut known = Vec::new();
        let mut section_ids: HashMap<String, Loc> = HashMap::new();
        let mut question_ids: HashMap<String, Loc> = HashMap::new();
        for node in self.seq(&map, "sections", true).unwrap_or_default() {
            if let Some(section) =
                self.section(node, &mut known, &mut section_ids, &mut question_ids)
            {
                sections.push(section);
            }
        }
        Some(Playbook {
            id,
            title: title?,
            kind: kind?,
            version,
            summary,
            intro,
            stance,
            sections,
        })
    }

    /// A first pass over the raw tree for every question id, so a reference to a
    /// later question can be told from a typo.
    fn collect_question_ids(&mut self, map: &Map) {
        let Some(Node {
            value: Value::Seq(sections),
            ..
        }) = map.get("sections")
        else {
            return;
        };
        for section in sections {
            let Value::Map(entries) = &section.value else {
                continue;
            };
            let Some((
                _,
                Node {
                    value: Value::Seq(questions),
                    ..
                },
            )) = entries.iter().find(|(k, _)| k.name == "questions")
            else {
                continue;
            };
            for q in questions {
                let Value::Map(entries) = &q.value else {
                    continue;
                };
                if let Some((_, n)) = entries.iter().find(|(k, _)| k.name == "id")
                    && let Some(id) = n.as_str()
                {
                    self.all_questions.entry(id.to_string()).or_insert(n.loc);
                }
            }
        }
    }

    fn unique(&mut self, seen: &mut HashMap<String, Loc>, id: &str, loc: Loc, what: &str) {
        if let Some(first) = seen.get(id) {
            self.error(loc, format!("duplicate {what} id `{id}`")).help = Some(format!(
                "`{id}` is already used at line {}; ids must be unique in a playbook",
                first.line
            ));
        } else {
            seen.insert(id.to_string(), loc);
        }
    }

    fn section(
        &mut self,
        node: &Node,
        known: &mut Vec<String>,
        section_ids: &mut HashMap<String, Loc>,
        question_ids: &mut HashMap<String, Loc>,
    ) -> Option<Section> {
        let map = self.map(node, "a section", SECTION_KEYS)?;
        let id = self.string(&map, "id", true).map(|(id, n)| {
            if self.id(&id, n.loc, "section") {
                self.unique(section_ids, &id, n.loc, "section");
            }
            id
        });
        let title = self.string(&map, "title", true).map(|(t, _)| t);
        let why = self.opt_template(&map, "why", known, false);
        let when = self.string(&map, "when", false).map(|(text, n)| {
            self.expression(&text, n.loc, known, "when");
            text
        });
        let mut questions = Vec::new();
        for q in self.seq(&map, "questions", true).unwrap_or_default() {
            if let Some(question) = self.question(q, known, question_ids) {
                questions.push(question);
            }
        }
        Some(Section {
            id: id?,
            title: title?,
            why,
            when,
            questions,
        })
    }

    fn question(
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
        if let Some(default) = map.get("default") {
            match answer::from_node(&question, default) {
                Ok(value) => question.default = value,
                Err(reason) => {
                    self.error(
                        default.loc,
                        format!("`default` does not fit the question: {reason}"),
                    );
                }
            }
        }
        known.push(question.id.clone());
        Some(question)
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
        }
        if matches!(q.ty, QuestionType::List | QuestionType::Multi) && lo < 0 {
            let loc = min.map_or(Loc::default(), |(_, l)| l);
            self.error(loc, "`min` counts items and cannot be negative");
        }
    }
}

fn jinja_reason(err: &minijinja::Error) -> String {
    err.detail().map_or_else(|| err.to_string(), str::to_owned)
}
