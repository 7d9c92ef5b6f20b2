//! Reading a playbook out of the located YAML tree: every key, type, id,
//! expression and template is checked, and every problem is reported with its
//! place, so a person who edits a playbook by hand can fix it in one pass.

use std::collections::HashMap;

use super::model::{Kind, Meaning, Playbook, Section};
use crate::diag::{Diagnostic, Diagnostics, Loc, Source};
use crate::text::{did_you_mean, one_of};
use crate::yaml::{Node, Value};

mod names;
mod question;
mod read;

use read::Map;

const PLAYBOOK_KEYS: &[&str] = &[
    "id", "title", "kind", "version", "summary", "intro", "stance", "debrief", "sections",
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
    "depth",
    "means",
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
        env: crate::template::environment(),
        budget: crate::template::Budget::default(),
        budget_spent: false,
        all_questions: HashMap::new(),
        kind: Kind::Prep,
        meanings: HashMap::new(),
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

pub(super) struct Checker<'s> {
    source: &'s Source,
    diags: Diagnostics,
    env: minijinja::Environment<'static>,
    /// The steps the trial renders of this playbook's texts may take.
    budget: crate::template::Budget,
    /// Whether running out of it was reported already.
    budget_spent: bool,
    /// Every question id in the file with its place, to tell "later" from "unknown".
    all_questions: HashMap<String, Loc>,
    kind: Kind,
    /// Each meaning used so far, with its place: a meaning is used once.
    meanings: HashMap<Meaning, (Loc, String)>,
}

impl<'s> Checker<'s> {
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
        let debrief = self.string(&map, "debrief", false).map(|(name, node)| {
            if self.kind == Kind::Debrief {
                self.error(node.loc, "`debrief` names the debrief to run after a prep; a debrief playbook has none")
                    .help = Some("remove `debrief:` here, and name this playbook in the prep's `debrief:` instead".into());
            } else if name.is_empty()
                || !name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            {
                self.error(node.loc, format!("`{name}` is not a valid playbook id"))
                    .help = Some("name the debrief playbook by its id, like `debrief`".into());
            }
            name
        });
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
            debrief,
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
}
