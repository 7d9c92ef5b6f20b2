//! Diagnostics for hand-edited files: `path:line:col: error: message`, the
//! offending line and a caret under the spot, as a compiler shows them.
//!
//! Every loader (playbooks, answers files) collects all the problems it finds
//! into [`Diagnostics`] so the user can fix them in one pass.

use std::fmt;

/// A position in a source file: 1-based line and column (in characters), and
/// the length in characters of what is wrong (at least 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Loc {
    pub line: usize,
    pub col: usize,
    pub len: usize,
}

impl Loc {
    pub fn new(line: usize, col: usize, len: usize) -> Self {
        Loc { line, col, len }
    }
}

/// A file being checked: its name as shown to the user and its text.
#[derive(Debug, Clone)]
pub struct Source {
    pub name: String,
    pub text: String,
}

impl Source {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        Source {
            name: name.into(),
            text: text.into(),
        }
    }

    fn line(&self, line: usize) -> Option<&str> {
        if line == 0 {
            return None;
        }
        self.text.lines().nth(line - 1)
    }
}

/// An error stops the file from being used; a warning is advice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Severity {
    #[default]
    Error,
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub file: String,
    pub loc: Loc,
    pub message: String,
    /// Shown next to the caret: a did-you-mean, or what to write instead.
    pub label: Option<String>,
    /// Shown below the snippet: how to fix it.
    pub help: Option<String>,
    source_line: Option<String>,
}

impl Diagnostic {
    pub fn new(source: &Source, loc: Loc, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: source.name.clone(),
            loc,
            message: message.into(),
            label: None,
            help: None,
            source_line: source.line(loc.line).map(str::to_owned),
        }
    }

    pub fn warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

/// The most characters of a source line shown under a diagnostic.
const WINDOW: usize = 160;

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Loc { line, col, len } = self.loc;
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        if line == 0 {
            writeln!(f, "{}: {level}: {}", self.file, self.message)?;
        } else {
            writeln!(f, "{}:{line}:{col}: {level}: {}", self.file, self.message)?;
        }
        if let Some(text) = &self.source_line {
            let gutter = line.to_string().len();
            // A long line is shown as a window around the column, so a
            // one-line file of megabytes does not flood the terminal.
            let chars: Vec<char> = text.chars().collect();
            let at = col.saturating_sub(1).min(chars.len());
            let start = if chars.len() > WINDOW {
                at.saturating_sub(WINDOW / 2).min(chars.len() - WINDOW)
            } else {
                0
            };
            let end = (start + WINDOW).min(chars.len());
            let piece = |from: usize, to: usize| -> String {
                crate::text::printable_line(&chars[from..to].iter().collect::<String>())
            };
            let before = if start > 0 { "…" } else { "" };
            let after = if end < chars.len() { "…" } else { "" };
            let shown = format!("{before}{}{after}", piece(start, end));
            writeln!(f, "{:gutter$} |", "")?;
            writeln!(f, "{line} | {shown}")?;
            let lead: String = format!("{before}{}", piece(start, at.max(start)))
                .chars()
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            let carets = "^".repeat(len.clamp(1, 80));
            match &self.label {
                Some(label) => writeln!(f, "{:gutter$} | {lead}{carets} {label}", "")?,
                None => writeln!(f, "{:gutter$} | {lead}{carets}", "")?,
            }
        } else if let Some(label) = &self.label {
            writeln!(f, "  = note: {label}")?;
        }
        if let Some(help) = &self.help {
            let gutter = if self.source_line.is_some() {
                line.to_string().len()
            } else {
                1
            };
            writeln!(f, "{:gutter$} = help: {help}", "")?;
        }
        Ok(())
    }
}

/// All the problems found in one or more files, in the order they appear.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    pub fn push(&mut self, diag: Diagnostic) {
        self.0.push(diag);
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `Ok(())` when nothing was found, else the diagnostics sorted by place.
    pub fn into_result(mut self) -> Result<(), Diagnostics> {
        if self.0.is_empty() {
            return Ok(());
        }
        self.0.sort_by(|a, b| {
            (&a.file, a.loc.line, a.loc.col).cmp(&(&b.file, b.loc.line, b.loc.col))
        });
        self.0.dedup();
        Err(self)
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for diag in &self.0 {
            writeln!(f, "{diag}")?;
        }
        let n = self.0.len();
        let files: std::collections::BTreeSet<&str> =
            self.0.iter().map(|d| d.file.as_str()).collect();
        let files: Vec<&str> = files.into_iter().collect();
        let (level, what) = if self.0.iter().all(|d| d.severity == Severity::Warning) {
            ("warning", "warning")
        } else {
            ("error", "problem")
        };
        write!(
            f,
            "{level}: {n} {what}{} in {}",
            if n == 1 { "" } else { "s" },
            files.join(", ")
        )
    }
}

impl std::error::Error for Diagnostics {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_line_is_shown_as_a_window_around_the_place() {
        let line = format!("{}BAD{}", "a".repeat(100_000), "b".repeat(100_000));
        let src = Source::new("p.yaml", line.clone());
        let d = Diagnostic::new(&src, Loc::new(1, 100_001, 3), "here");
        let text = d.to_string();
        assert!(text.len() < 1_000, "{} bytes", text.len());
        let lines: Vec<&str> = text.lines().collect();
        let caret = lines[3].find('^').unwrap();
        let bad = lines[2].find("BAD").unwrap();
        // The caret sits under the spot (both lines share the gutter).
        assert_eq!(
            lines[3][..caret].chars().count(),
            lines[2][..bad].chars().count()
        );
        // Escapes before the spot do not push the caret off it.
        let src = Source::new("p.yaml", "x: \u{1b}[31m BAD\n");
        let d = Diagnostic::new(&src, Loc::new(1, 10, 3), "here");
        let text = d.to_string();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[3].find('^'), lines[2].find("BAD"), "{text}");
    }

    #[test]
    fn renders_location_line_and_caret() {
        let src = Source::new("p.yaml", "id: x\n  aks: Hello\n");
        let d = Diagnostic::new(&src, Loc::new(2, 3, 3), "unknown key `aks`")
            .label("did you mean `ask`?")
            .help("keys of a question are: id, ask, help");
        assert_eq!(
            d.to_string(),
            "p.yaml:2:3: error: unknown key `aks`\n  |\n2 |   aks: Hello\n  |   ^^^ did you mean `ask`?\n  = help: keys of a question are: id, ask, help\n"
        );
    }

    #[test]
    fn sorts_and_counts() {
        let src = Source::new("p.yaml", "a\nb\n");
        let mut all = Diagnostics::default();
        all.push(Diagnostic::new(&src, Loc::new(2, 1, 1), "second"));
        all.push(Diagnostic::new(&src, Loc::new(1, 1, 1), "first"));
        let err = all.into_result().unwrap_err();
        assert_eq!(err.0[0].message, "first");
        assert!(err.to_string().ends_with("error: 2 problems in p.yaml"));
    }
}
