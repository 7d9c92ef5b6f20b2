//! YAML read into a tree that remembers where every node came from.
//!
//! Playbooks and answers files are written by hand, so coach reads them in two
//! steps: serde-saphyr parses the text (syntax, duplicate keys, tabs, limits
//! against hostile input) into this located tree, and the loaders then check
//! the tree against what they expect, reporting every problem with its place.

use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;

use crate::diag::{Diagnostic, Diagnostics, Loc, Source};

/// Files larger than this are refused before parsing.
pub const MAX_FILE_BYTES: usize = 4 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub loc: Loc,
    pub value: Value,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    Map(Vec<(Key, Node)>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Key {
    pub name: String,
    pub loc: Loc,
}

impl Value {
    /// How the value's type is named in messages: "a string", "a list", ...
    pub fn describe(&self) -> &'static str {
        match self {
            Value::Null => "nothing",
            Value::Bool(_) => "true/false",
            Value::Int(_) => "a whole number",
            Value::Float(_) => "a decimal number",
            Value::Str(_) => "a string",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }
}

impl Node {
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The scalar as text, as a person reading the file would see it.
    pub fn scalar_text(&self) -> Option<String> {
        match &self.value {
            Value::Str(s) => Some(s.clone()),
            Value::Int(n) => Some(n.to_string()),
            Value::Float(x) => Some(x.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }
}

/// Parse `source` into a located tree, or the diagnostic that says what is wrong.
pub fn parse(source: &Source) -> Result<Node, Diagnostics> {
    parse_one(source).map_err(|d| Diagnostics(vec![*d]))
}

fn parse_one(source: &Source) -> Result<Node, Box<Diagnostic>> {
    if source.text.len() > MAX_FILE_BYTES {
        return Err(Box::new(Diagnostic::new(
            source,
            Loc::default(),
            format!(
                "the file is {} bytes; coach reads files of at most {} bytes",
                source.text.len(),
                MAX_FILE_BYTES
            ),
        )));
    }
    if source.text.trim().is_empty() {
        return Err(Box::new(Diagnostic::new(
            source,
            Loc::default(),
            "the file is empty",
        )));
    }
    // Only true/false are booleans: `no`, `y` or `on` as an id, a choice or a
    // text answer stay the words the person wrote (YAML 1.2, not 1.1).
    let options = serde_saphyr::options! {
        with_snippet: false,
        strict_booleans: true,
        budget: serde_saphyr::budget! {
            max_depth: 48,
            max_aliases: 256,
            max_anchors: 256,
            max_nodes: 100_000,
            max_documents: 1,
        },
    };
    match serde_saphyr::from_str_with_options::<Spanned<Raw>>(&source.text, options) {
        Ok(tree) => Ok(lower(tree)),
        Err(err) => {
            use serde_saphyr::MessageFormatter;
            let message = serde_saphyr::UserMessageFormatter.format_message(&err);
            let loc = err
                .location()
                .map(|l| {
                    Loc::new(
                        l.line() as usize,
                        l.column() as usize,
                        (l.span().len() as usize).max(1),
                    )
                })
                .unwrap_or_default();
            Err(Box::new(located(source, loc, &message)))
        }
    }
}

/// The parser's error at the place a person fixes it, with a help line
/// for the mistakes made by hand: a tab (reported where the parser noticed
/// it, often the line before: moved to the tab itself), a colon in a
/// value, a key indented out of line.
fn located(source: &Source, loc: Loc, message: &str) -> Diagnostic {
    let lines: Vec<&str> = source.text.lines().collect();
    if message.contains("tab") {
        // The first tab in the indentation at or after the reported line.
        let tab = lines
            .iter()
            .enumerate()
            .skip(loc.line.saturating_sub(1))
            .find_map(|(i, l)| {
                let indent = &l[..l.len() - l.trim_start().len()];
                indent
                    .find('\t')
                    .map(|b| (i + 1, indent[..b].chars().count() + 1))
            });
        let loc = tab.map_or(loc, |(line, col)| Loc::new(line, col, 1));
        return Diagnostic::new(source, loc, yaml_message(message))
            .help("YAML indents with spaces only; replace the tab with spaces");
    }
    let diag = Diagnostic::new(source, loc, yaml_message(message));
    if message.contains("mapping values are not allowed") {
        let line = lines.get(loc.line.saturating_sub(1)).copied().unwrap_or("");
        let key_end = line
            .find(": ")
            .or_else(|| line.strip_suffix(':').map(|l| l.len()));
        let at = line
            .char_indices()
            .nth(loc.col.saturating_sub(1))
            .map_or(line.len(), |(b, _)| b);
        return match key_end {
            // A second `: ` after the key's: the value holds a colon.
            Some(end) if end < at => diag.help(format!(
                "a value with `: ` in it must be quoted: {}\"{}\"",
                line[..end + 2].trim_start(),
                line[end + 2..].trim().replace('"', "\\\"")
            )),
            _ => diag.help(
                "this line's key is indented differently from the keys around it; line it up with its siblings (spaces only)",
            ),
        };
    }
    diag
}

fn yaml_message(message: &str) -> String {
    let message = message.trim();
    let message = message.strip_prefix("error: ").unwrap_or(message);
    format!("invalid YAML: {message}")
}

fn loc_of(location: &serde_saphyr::Location) -> Loc {
    Loc::new(
        location.line() as usize,
        location.column() as usize,
        (location.span().len() as usize).max(1),
    )
}

fn lower(node: Spanned<Raw>) -> Node {
    let loc = loc_of(&node.referenced);
    let value = match node.value {
        Raw::Null => Value::Null,
        Raw::Bool(b) => Value::Bool(b),
        Raw::Int(n) => Value::Int(n),
        Raw::Float(x) => Value::Float(x),
        Raw::Str(s) => Value::Str(s),
        Raw::Seq(items) => Value::Seq(items.into_iter().map(lower).collect()),
        Raw::Map(entries) => Value::Map(
            entries
                .into_iter()
                .map(|(k, v)| {
                    let key = Key {
                        loc: loc_of(&k.referenced),
                        name: k.value,
                    };
                    (key, lower(v))
                })
                .collect(),
        ),
    };
    Node { loc, value }
}

/// What serde-saphyr hands over: any YAML value, each child with its span.
enum Raw {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Spanned<Raw>>),
    Map(Vec<(Spanned<String>, Spanned<Raw>)>),
}

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Raw, D::Error> {
        deserializer.deserialize_any(RawVisitor)
    }
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = Raw;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_unit<E>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }
    fn visit_none<E>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }
    fn visit_bool<E>(self, b: bool) -> Result<Raw, E> {
        Ok(Raw::Bool(b))
    }
    fn visit_i64<E>(self, n: i64) -> Result<Raw, E> {
        Ok(Raw::Int(n))
    }
    fn visit_u64<E>(self, n: u64) -> Result<Raw, E> {
        Ok(i64::try_from(n).map_or(Raw::Float(n as f64), Raw::Int))
    }
    fn visit_i128<E>(self, n: i128) -> Result<Raw, E> {
        Ok(i64::try_from(n).map_or(Raw::Float(n as f64), Raw::Int))
    }
    fn visit_u128<E>(self, n: u128) -> Result<Raw, E> {
        Ok(i64::try_from(n).map_or(Raw::Float(n as f64), Raw::Int))
    }
    fn visit_f64<E>(self, x: f64) -> Result<Raw, E> {
        Ok(Raw::Float(x))
    }
    fn visit_str<E>(self, s: &str) -> Result<Raw, E> {
        Ok(Raw::Str(s.to_owned()))
    }
    fn visit_string<E>(self, s: String) -> Result<Raw, E> {
        Ok(Raw::Str(s))
    }
    fn visit_bytes<E: serde::de::Error>(self, _: &[u8]) -> Result<Raw, E> {
        Err(E::custom("binary values are not supported"))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Raw, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Raw::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Raw, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Spanned<String>>()? {
            let value = map.next_value()?;
            entries.push((key, value));
        }
        Ok(Raw::Map(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(text: &str) -> Result<Node, Box<Diagnostic>> {
        parse_one(&Source::new("t.yaml", text))
    }

    #[test]
    fn keeps_locations_of_keys_and_values() {
        let node = parse_str("title: Hi\nsections:\n  - id: a\n").unwrap();
        let Value::Map(entries) = node.value else {
            panic!("not a map")
        };
        assert_eq!(entries[0].0.name, "title");
        assert_eq!(entries[0].1.loc, Loc::new(1, 8, 2));
        let Value::Seq(items) = &entries[1].1.value else {
            panic!("not a seq")
        };
        let Value::Map(inner) = &items[0].value else {
            panic!("not a map")
        };
        assert_eq!(inner[0].0.loc.line, 3);
        assert_eq!(inner[0].0.loc.col, 5);
    }

    #[test]
    fn only_true_and_false_are_booleans() {
        let node = parse_str("a: [yes, no, y, n, on, off, true, False]\n").unwrap();
        let Value::Map(entries) = node.value else {
            panic!("not a map")
        };
        let Value::Seq(items) = &entries[0].1.value else {
            panic!("not a seq")
        };
        let values: Vec<&Value> = items.iter().map(|n| &n.value).collect();
        let s = |t: &str| Value::Str(t.into());
        assert_eq!(
            values,
            [
                &s("yes"),
                &s("no"),
                &s("y"),
                &s("n"),
                &s("on"),
                &s("off"),
                &Value::Bool(true),
                &Value::Bool(false)
            ]
        );
    }

    #[test]
    fn syntax_errors_and_duplicates_have_places() {
        let err = parse_str("a: 1\na: 2\n").unwrap_err();
        assert_eq!((err.loc.line, err.loc.col), (2, 1));
        assert!(err.message.contains("duplicate"), "{}", err.message);
        let err = parse_str("a:\n\tb: 1\n").unwrap_err();
        assert_eq!(err.loc.line, 2);
        assert!(err.help.is_some());
        // A tab before a key is shown where it is, not on the line above.
        let err = parse_str("a:\n  b: 1\n\tc: 2\n").unwrap_err();
        assert_eq!((err.loc.line, err.loc.col), (3, 1), "{}", err.message);
        let err = parse_str("a: b: c\n").unwrap_err();
        assert_eq!(
            err.help.as_deref(),
            Some("a value with `: ` in it must be quoted: a: \"b: c\"")
        );
        let err = parse_str("").unwrap_err();
        assert_eq!(err.message, "the file is empty");
    }

    #[test]
    fn hostile_input_is_refused() {
        let deep = "[".repeat(20_000);
        assert!(parse_str(&deep).is_err());
        let bomb = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\ng: [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n";
        assert!(parse_str(bomb).is_err());
    }
}
