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
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ą' => "a",
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' | 'Ą' => "A",
        'æ' | 'Æ' => "ae",
        'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => "c",
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

/// One line of user text made safe for a terminal: control characters (escape
/// sequences included) are shown as `\u{..}` instead of being sent raw.
pub fn printable_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() && c != '\t' {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
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
    match quoted.len() {
        0 => String::new(),
        1 => quoted[0].clone(),
        n => format!("{} or {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}

#[cfg(test)]
mod tests {
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
        assert_eq!(printable("one\r\ntwo"), "one\ntwo");
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
