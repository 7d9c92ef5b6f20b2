//! RFC 5545's syntax, read into a tree that remembers lines: content lines
//! unfolded (a line break followed by one space or tab continues the line,
//! however the file ends its lines), each split into its name, parameters
//! (quoted values and value lists kept whole) and value, and the
//! `BEGIN`/`END` pairs made into components. Every problem is a diagnostic
//! at its line and column. The reader is bounded: at most [`MAX_DEPTH`]
//! nested components and [`MAX_LINES`] content lines, so a hostile file
//! cannot take the stack or the memory.

use crate::diag::{Diagnostic, Diagnostics, Loc, Source};

/// Components nested deeper than this are refused (a calendar holds an
/// event that holds an alarm: three). The reader keeps a stack, not a
/// recursion, so depth costs memory only; the limit is insurance.
pub const MAX_DEPTH: usize = 256;
/// Content lines in one file (a year of a busy calendar is a few tens of
/// thousands).
pub const MAX_LINES: usize = 500_000;

/// One content line: `NAME;PARAM=VALUE:value`, the name and parameter
/// names in upper case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Property {
    pub name: String,
    pub params: Vec<(String, String)>,
    pub value: String,
    /// Where the (first physical line of the) content line starts, and the
    /// column its value starts at.
    pub line: usize,
    pub col: usize,
}

impl Property {
    /// The parameter `name` (upper case), unquoted.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// A `BEGIN:NAME` … `END:NAME` block.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Component {
    pub name: String,
    pub properties: Vec<Property>,
    pub components: Vec<Component>,
    pub line: usize,
}

impl Component {
    /// The first property called `name`.
    pub fn get(&self, name: &str) -> Option<&Property> {
        self.properties.iter().find(|p| p.name == name)
    }

    /// Every property called `name`, in order.
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Property> + 'a {
        self.properties.iter().filter(move |p| p.name == name)
    }

    /// The sub-components called `name`, in order.
    pub fn children<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Component> + 'a {
        self.components.iter().filter(move |c| c.name == name)
    }
}

/// The `VCALENDAR`s of `source`.
pub fn parse(source: &Source) -> Result<Vec<Component>, Diagnostics> {
    let fail = |line: usize, col: usize, message: String, help: &str| {
        let mut d = Diagnostic::new(source, Loc::new(line, col, 1), message);
        if !help.is_empty() {
            d = d.help(help);
        }
        Diagnostics(vec![d])
    };
    let text = source.text.strip_prefix('\u{feff}').unwrap_or(&source.text);
    if !text
        .trim_start()
        .to_ascii_uppercase()
        .starts_with("BEGIN:VCALENDAR")
    {
        return Err(fail(
            1,
            1,
            "not a calendar file: it does not start with `BEGIN:VCALENDAR`".into(),
            "export the meeting from your calendar as an .ics file (an invite's attachment is one)",
        ));
    }
    let mut stack: Vec<Component> = Vec::new();
    let mut done: Vec<Component> = Vec::new();
    for (count, (line, content)) in unfold(text).enumerate() {
        if count >= MAX_LINES {
            return Err(fail(
                line,
                1,
                format!(
                    "the file has more than {MAX_LINES} lines; coach reads calendars up to that"
                ),
                "export only the weeks you need",
            ));
        }
        if content.trim().is_empty() {
            continue;
        }
        let p = property(&content, line).map_err(|(col, m)| fail(line, col, m, ""))?;
        match p.name.as_str() {
            "BEGIN" => {
                if stack.len() >= MAX_DEPTH {
                    return Err(fail(
                        line,
                        1,
                        format!("components are nested more than {MAX_DEPTH} deep"),
                        "",
                    ));
                }
                stack.push(Component {
                    name: p.value.trim().to_ascii_uppercase(),
                    line,
                    ..Component::default()
                });
            }
            "END" => {
                let name = p.value.trim().to_ascii_uppercase();
                let Some(open) = stack.pop() else {
                    return Err(fail(line, 1, format!("`END:{name}` with nothing open"), ""));
                };
                if open.name != name {
                    return Err(fail(
                        line,
                        1,
                        format!(
                            "`END:{name}` closes `BEGIN:{}` of line {}",
                            open.name, open.line
                        ),
                        &format!("end it with `END:{}`", open.name),
                    ));
                }
                match stack.last_mut() {
                    Some(parent) => parent.components.push(open),
                    None => done.push(open),
                }
            }
            _ => match stack.last_mut() {
                Some(open) => open.properties.push(p),
                None => {
                    return Err(fail(
                        line,
                        1,
                        format!("`{}` outside any `BEGIN:`/`END:` block", p.name),
                        "",
                    ));
                }
            },
        }
    }
    if let Some(open) = stack.last() {
        return Err(fail(
            open.line,
            1,
            format!("`BEGIN:{}` is never closed", open.name),
            &format!("add `END:{}` after its last line", open.name),
        ));
    }
    Ok(done)
}

/// The unfolded content lines with the number of the line each starts on.
fn unfold(text: &str) -> impl Iterator<Item = (usize, String)> + '_ {
    let mut lines = text.split('\n').enumerate().peekable();
    std::iter::from_fn(move || {
        let (n, first) = lines.next()?;
        let mut content = first.strip_suffix('\r').unwrap_or(first).to_string();
        while let Some((_, next)) = lines.peek() {
            match next.strip_prefix([' ', '\t']) {
                Some(rest) => {
                    content.push_str(rest.strip_suffix('\r').unwrap_or(rest));
                    lines.next();
                }
                None => break,
            }
        }
        Some((n + 1, content))
    })
}

/// `NAME *(";" param) ":" value`; an error is the column and the message.
fn property(content: &str, line: usize) -> Result<Property, (usize, String)> {
    let name_end = content.find([';', ':']).ok_or((
        1,
        "a line without `:` between its name and value".to_string(),
    ))?;
    let name = content[..name_end].trim();
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        return Err((
            1,
            format!(
                "`{}` is no property name",
                crate::text::printable_line(name)
            ),
        ));
    }
    let mut params = Vec::new();
    let mut rest = &content[name_end..];
    let mut at = name_end;
    while let Some(after) = rest.strip_prefix(';') {
        at += 1;
        let eq = after
            .find('=')
            .ok_or((at + 1, "a parameter without `=`".to_string()))?;
        let key = after[..eq].trim().to_ascii_uppercase();
        let mut value = String::new();
        let mut i = eq + 1;
        let bytes = after.as_bytes();
        // Values, comma-separated, each plain or quoted.
        loop {
            if bytes.get(i) == Some(&b'"') {
                let close = after[i + 1..].find('"').ok_or((
                    at + i + 1,
                    "a quoted parameter value is never closed".to_string(),
                ))?;
                value.push_str(&after[i + 1..i + 1 + close]);
                i += close + 2;
            } else {
                let end = after[i..]
                    .find([',', ';', ':'])
                    .map_or(after.len(), |e| i + e);
                value.push_str(&after[i..end]);
                i = end;
            }
            if bytes.get(i) == Some(&b',') {
                value.push(',');
                i += 1;
            } else {
                break;
            }
        }
        params.push((key, value));
        at += i;
        rest = &after[i..];
    }
    let value = rest
        .strip_prefix(':')
        .ok_or((at + 1, "expected `:` before the value".to_string()))?;
    Ok(Property {
        name: name.to_ascii_uppercase(),
        params,
        value: value.to_string(),
        line,
        col: content[..content.len() - value.len()].chars().count() + 1,
    })
}

/// A TEXT value with RFC 5545's escapes undone: `\n`, `\,`, `\;`, `\\`.
pub fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Component {
        parse(&Source::new("t.ics", text)).unwrap().remove(0)
    }

    #[test]
    fn folded_lines_params_and_escapes() {
        let cal = one(
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY;LANGUAGE=en:Hello \r\n world\\, again\r\nATTENDEE;CN=\"Kim, Alex\";ROLE=REQ-PARTICIPANT\r\n\t:mailto:a@x.example\r\ndescription:one\\ntwo\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        );
        let event = &cal.components[0];
        let summary = event.get("SUMMARY").unwrap();
        assert_eq!(unescape(&summary.value), "Hello world, again");
        assert_eq!(summary.param("LANGUAGE"), Some("en"));
        let attendee = event.get("ATTENDEE").unwrap();
        assert_eq!(attendee.param("CN"), Some("Kim, Alex"));
        assert_eq!(attendee.value, "mailto:a@x.example");
        assert_eq!(attendee.line, 5);
        assert_eq!(
            unescape(&event.get("DESCRIPTION").unwrap().value),
            "one\ntwo"
        );
    }

    #[test]
    fn broken_files_are_located() {
        let err = |text: &str| parse(&Source::new("t.ics", text)).unwrap_err().to_string();
        assert!(err("# Notes\n").contains("t.ics:1:1: error: not a calendar file"));
        let open = err("BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:x\n");
        assert!(
            open.contains("t.ics:2:1: error: `BEGIN:VEVENT` is never closed"),
            "{open}"
        );
        let crossed = err("BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VCALENDAR\n");
        assert!(
            crossed.contains("t.ics:3:1: error: `END:VCALENDAR` closes `BEGIN:VEVENT` of line 2"),
            "{crossed}"
        );
        assert!(
            err("BEGIN:VCALENDAR\nSUMMARY x\nEND:VCALENDAR\n")
                .contains("t.ics:2:1: error: a line without `:`")
        );
        let quote = err("BEGIN:VCALENDAR\nX;CN=\"open:v\nEND:VCALENDAR\n");
        assert!(
            quote.contains("t.ics:2:6: error: a quoted parameter value is never closed"),
            "{quote}"
        );
        let deep = format!(
            "BEGIN:VCALENDAR\n{}{}END:VCALENDAR\n",
            "BEGIN:X\n".repeat(300),
            "END:X\n".repeat(300)
        );
        assert!(err(&deep).contains("nested more than 256 deep"));
    }
}
