//! Small text helpers shared by the loaders and the renderers: did-you-mean
//! suggestions, slugs for file names, and making user text safe to print.

/// The candidate closest to `word`, when it is close enough to be a likely
/// typo (an adjacent swap counts as one edit: `aks` → `ask`); of equally
/// close ones, the first.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    closest(word, candidates, false)
}

/// [`did_you_mean`] for long names typed in part (session ids): a candidate
/// is also compared by its start, as long as what was typed.
pub fn did_you_mean_start<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    closest(word, candidates, true)
}

/// Ignoring case, within a third of the longer of the two compared.
fn closest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    by_start: bool,
) -> Option<&'a str> {
    let word = word.trim().to_lowercase();
    let len = word.chars().count();
    if len == 0 {
        return None;
    }
    candidates
        .into_iter()
        .filter_map(|c| {
            let lower = c.to_lowercase();
            let whole = strsim::osa_distance(&word, &lower);
            let within = |d: usize, other: &str| d <= (other.chars().count().max(len) / 3).max(1);
            let start: String = lower.chars().take(len).collect();
            let by_start = by_start.then(|| strsim::osa_distance(&word, &start));
            match by_start {
                Some(d) if d < whole && within(d, &start) => Some((d, c)),
                _ if within(whole, &lower) => Some((whole, c)),
                _ => None,
            }
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// The first sentence of a text, and the rest when there is more: a
/// sentence ends with `.`, `!` or `?` and a space (or a line break).
pub fn first_sentence(text: &str) -> (&str, Option<&str>) {
    let text = text.trim();
    let end = text.char_indices().find_map(|(i, c)| {
        let next = text[i + c.len_utf8()..].chars().next();
        (matches!(c, '.' | '!' | '?') && next.is_some_and(char::is_whitespace))
            .then_some(i + c.len_utf8())
    });
    match end {
        Some(end) => (
            &text[..end],
            Some(text[end..].trim_start()).filter(|r| !r.is_empty()),
        ),
        None => (text, None),
    }
}

/// At most `width` characters, with `…` when cut.
pub fn fit(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let cut: String = text.chars().take(width.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

/// A choice value as people read it: `no_sale` → `no sale`.
pub fn spaced(value: &str) -> String {
    value.replace('_', " ")
}

/// A short, safe file-name part from free text: lowercase ASCII letters, digits
/// and single dashes, at most 40 characters; `fallback` when nothing is left.
pub fn slug(text: &str, fallback: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(fold_accent) {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= 40 {
            break;
        }
    }
    let out = out.trim_matches('-');
    if out.is_empty() {
        fallback.to_string()
    } else {
        out.to_string()
    }
}

/// Latin letters with marks, folded to ASCII so "Jürgen Müller" → "jurgen-muller".
pub fn fold_accent(c: char) -> impl Iterator<Item = char> {
    let folded: &str = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ą' | 'ă' => "a",
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' | 'Ą' | 'Ă' => "A",
        'æ' | 'Æ' => "ae",
        'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => "c",
        'ğ' | 'ġ' | 'Ğ' | 'Ġ' => "g",
        'ı' | 'į' | 'İ' | 'Į' => "i",
        'ľ' | 'ĺ' | 'ļ' | 'Ľ' | 'Ĺ' | 'Ļ' => "l",
        'ŕ' | 'Ŕ' => "r",
        'ț' | 'ţ' | 'Ț' | 'Ţ' => "t",
        'ș' | 'Ș' => "s",
        'ő' | 'ơ' | 'Ő' | 'Ơ' => "o",
        'ű' | 'ų' | 'ư' | 'Ű' | 'Ų' | 'Ư' => "u",
        'ė' | 'Ė' => "e",
        'ď' | 'đ' | 'Ď' | 'Đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ę' | 'Ě' => {
            "e"
        }
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' => "i",
        'ł' | 'Ł' => "l",
        'ñ' | 'ń' | 'ň' | 'Ñ' | 'Ń' | 'Ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' => {
            "o"
        }
        'œ' | 'Œ' => "oe",
        'ř' | 'Ř' => "r",
        'ś' | 'š' | 'ş' | 'Ś' | 'Š' | 'Ş' => "s",
        'ß' => "ss",
        'ť' | 'Ť' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' => "u",
        'ý' | 'ÿ' | 'Ý' => "y",
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => "z",
        _ => "",
    };
    let single = folded.is_empty().then_some(c);
    folded.chars().chain(single)
}

/// One line of text from a file or an argument made safe for a terminal:
/// C0 and C1 controls (escape sequences included), DEL, and the invisible
/// format characters that reorder or hide text (bidi overrides and
/// isolates, zero-width spaces, line separators) are shown as `\u{..}`
/// instead of being sent raw. This is the one output boundary: tables,
/// cards, prompts, notes shown on screen and error messages all pass
/// through it. Notes files keep the text exactly as typed.
pub fn printable_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if unsafe_for_terminal(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether `c` must not reach a terminal as it is. Tabs pass; the joiners
/// (U+200C, U+200D) pass too, since emoji and several scripts need them.
pub fn unsafe_for_terminal(c: char) -> bool {
    (c.is_control() && c != '\t')
        || matches!(
            c,
            '\u{ad}'
                | '\u{600}'..='\u{605}'
                | '\u{61c}'
                | '\u{6dd}'
                | '\u{70f}'
                | '\u{890}'..='\u{891}'
                | '\u{8e2}'
                | '\u{180e}'
                | '\u{200b}'
                | '\u{200e}'..='\u{200f}'
                | '\u{2028}'..='\u{202e}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{206f}'
                | '\u{feff}'
                | '\u{fff9}'..='\u{fffb}'
                | '\u{110bd}'
                | '\u{110cd}'
                | '\u{13430}'..='\u{1343f}'
                | '\u{1bca0}'..='\u{1bca3}'
                | '\u{1d173}'..='\u{1d17a}'
                | '\u{e0001}'
                | '\u{e0020}'..='\u{e007f}'
        )
}

/// `value` as JSON on `out` (pretty, or one line), then a newline. JSON
/// escapes control characters itself; here the rest of what
/// [`unsafe_for_terminal`] names is written as `\u` escapes (four hex digits) too, so the
/// document means the same and can be printed to a terminal safely.
pub fn write_json<W: std::io::Write, T: serde::Serialize + ?Sized>(
    mut out: W,
    value: &T,
    pretty: bool,
) -> std::io::Result<()> {
    if pretty {
        let f = SafeJson(serde_json::ser::PrettyFormatter::new());
        value.serialize(&mut serde_json::Serializer::with_formatter(&mut out, f))?;
    } else {
        let f = SafeJson(serde_json::ser::CompactFormatter);
        value.serialize(&mut serde_json::Serializer::with_formatter(&mut out, f))?;
    }
    out.write_all(b"\n")
}

/// A JSON formatter that escapes what a terminal must not see raw.
struct SafeJson<F>(F);

impl<F: serde_json::ser::Formatter> serde_json::ser::Formatter for SafeJson<F> {
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        out: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            if unsafe_for_terminal(c) {
                out.write_all(&fragment.as_bytes()[start..i])?;
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    write!(out, "\\u{unit:04x}")?;
                }
                start = i + c.len_utf8();
            }
        }
        out.write_all(&fragment.as_bytes()[start..])
    }

    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// User text for a terminal, keeping its line breaks.
pub fn printable(text: &str) -> String {
    text.split('\n')
        .map(|line| printable_line(line.strip_suffix('\r').unwrap_or(line)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Word-wrap `text` to `width` columns, each line starting with `indent`.
/// Paragraph breaks (blank lines) are kept; single line breaks become spaces.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    let width = width.saturating_sub(indent.chars().count()).max(20);
    let mut out = Vec::new();
    for paragraph in text.split("\n\n") {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
                out.push(format!("{indent}{line}"));
                line.clear();
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        if !line.is_empty() {
            out.push(format!("{indent}{line}"));
        }
        out.push(String::new());
    }
    out.pop();
    out.join("\n")
}

/// `a`, `a or b`, `a, b or c`, each in backticks.
pub fn one_of(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| format!("`{i}`")).collect();
    joined(&quoted, "or")
}

/// `a`, `a and b`, `a, b and c`.
pub fn and_list(items: &[String]) -> String {
    joined(items, "and")
}

fn joined(items: &[String], last: &str) -> String {
    match items.len() {
        0 => String::new(),
        1 => items[0].clone(),
        n => format!("{} {last} {}", items[..n - 1].join(", "), items[n - 1]),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_first_sentence_and_the_rest() {
        assert_eq!(
            first_sentence("Ask it. Then listen.\nReally."),
            ("Ask it.", Some("Then listen.\nReally."))
        );
        assert_eq!(first_sentence("One only."), ("One only.", None));
        assert_eq!(first_sentence("What? Why"), ("What?", Some("Why")));
        assert_eq!(first_sentence("3.5 weeks"), ("3.5 weeks", None));
    }

    use super::*;

    #[test]
    fn suggests_close_words_only() {
        let keys = ["id", "ask", "help", "type", "required"];
        assert_eq!(did_you_mean("aks", keys), Some("ask"));
        assert_eq!(did_you_mean("requird", keys), Some("required"));
        assert_eq!(did_you_mean("Type", keys), Some("type"));
        assert_eq!(did_you_mean("colour", keys), None);
        assert_eq!(did_you_mean("", keys), None);
        let ids = ["2026-11-22-1403-jane-prep", "2026-11-22-1403-jane-prep-2"];
        assert_eq!(did_you_mean_start("2026-11-22-1430", ids), Some(ids[0]));
        assert_eq!(did_you_mean_start("jane", ids), None);
    }

    #[test]
    fn slugs_are_short_and_safe() {
        assert_eq!(slug("Jane Smith", "x"), "jane-smith");
        assert_eq!(slug("../../etc/x", "x"), "etc-x");
        assert_eq!(slug("Jürgen Müller-Weiß", "x"), "jurgen-muller-weiss");
        assert_eq!(slug("🎉🎉", "someone"), "someone");
        assert_eq!(slug("?!...", "someone"), "someone");
        assert!(slug(&"a".repeat(300), "x").len() <= 40);
        assert_eq!(slug("  A  --  B ", "x"), "a-b");
    }

    #[test]
    fn control_characters_are_made_visible() {
        assert_eq!(printable_line("a\u{1b}[31mb"), "a\\u{1b}[31mb");
        assert_eq!(
            printable_line("\u{1b}]52;c;aGk=\u{7}"),
            "\\u{1b}]52;c;aGk=\\u{7}"
        );
        assert_eq!(printable_line("abc\u{202e}fed"), "abc\\u{202e}fed");
        assert_eq!(printable_line("x\u{9b}2J\u{2029}"), "x\\u{9b}2J\\u{2029}");
        // Emoji sequences and tabs are left alone.
        assert_eq!(printable_line("👩\u{200d}💻\tok"), "👩\u{200d}💻\tok");
        assert_eq!(printable("one\r\ntwo"), "one\ntwo");
    }

    #[test]
    fn json_is_the_same_document_with_nothing_raw() {
        let value =
            serde_json::json!({"name": "Eve\u{1b}]52;c;x\u{7}\u{202e}\u{9b}\u{7f}😀", "n": [1, 2]});
        let mut out = Vec::new();
        write_json(&mut out, &value, true).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.chars().all(|c| !unsafe_for_terminal(c) || c == '\n'),
            "{text:?}"
        );
        assert!(
            text.contains("\\u202e") && text.contains("\\u001b"),
            "{text}"
        );
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, value);
        let mut line = Vec::new();
        write_json(&mut line, &value, false).unwrap();
        assert_eq!(line.iter().filter(|b| **b == b'\n').count(), 1);
    }

    #[test]
    fn wraps_words_and_keeps_paragraphs() {
        let text =
            "one two three four five six seven eight nine ten eleven twelve thirteen\n\nnext";
        assert_eq!(
            wrap(text, 30, "  "),
            "  one two three four five six\n  seven eight nine ten eleven\n  twelve thirteen\n\n  next"
        );
    }

    #[test]
    fn lists_read_as_english() {
        assert_eq!(one_of(&["a"]), "`a`");
        assert_eq!(one_of(&["a", "b", "c"]), "`a`, `b` or `c`");
    }
}
