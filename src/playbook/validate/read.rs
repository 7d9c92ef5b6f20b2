//! Reading typed values out of the located tree: a mapping with only the
//! keys allowed (did-you-mean for the others), text, booleans, whole numbers,
//! lists and ids, each mistake reported at its place.

use super::Checker;
use crate::diag::{Diagnostic, Loc};
use crate::text::did_you_mean;
use crate::yaml::{Key, Node, Value};

/// A mapping whose keys were checked against the ones allowed.
pub(super) struct Map<'n> {
    pub loc: Loc,
    pub entries: &'n [(Key, Node)],
    pub what: &'static str,
}

impl<'n> Map<'n> {
    pub fn get(&self, key: &str) -> Option<&'n Node> {
        self.entries
            .iter()
            .find(|(k, _)| k.name == key)
            .map(|(_, v)| v)
    }
}

impl<'s> Checker<'s> {
    pub(super) fn error(&mut self, loc: Loc, message: impl Into<String>) -> &mut Diagnostic {
        self.diags.push(Diagnostic::new(self.source, loc, message));
        self.diags.0.last_mut().expect("just pushed")
    }

    pub(super) fn map<'n>(
        &mut self,
        node: &'n Node,
        what: &'static str,
        allowed: &[&str],
    ) -> Option<Map<'n>> {
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

    pub(super) fn missing(&mut self, map: &Map, key: &str) {
        let loc = map.entries.first().map_or(map.loc, |(k, _)| k.loc);
        // "question `goal` needs `ask`" when the mapping has an id to name it by.
        let named = map
            .get("id")
            .and_then(Node::scalar_text)
            .map(|id| format!("{} `{id}`", map.what.trim_start_matches("a ")));
        let what = named.unwrap_or_else(|| map.what.to_string());
        self.error(loc, format!("{what} needs `{key}`")).help =
            Some(format!("add `{key}:` to {what}"));
    }

    /// A text value (any scalar is taken as its text).
    pub(super) fn string<'n>(
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

    pub(super) fn boolean(&mut self, map: &Map, key: &str) -> Option<bool> {
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

    pub(super) fn integer(&mut self, map: &Map, key: &str) -> Option<(i64, Loc)> {
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

    pub(super) fn seq<'n>(
        &mut self,
        map: &Map<'n>,
        key: &str,
        required: bool,
    ) -> Option<&'n [Node]> {
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

    pub(super) fn id(&mut self, text: &str, loc: Loc, what: &str) -> bool {
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
}
