//! `coach show ID`: one session's notes, found by its id or a unique prefix
//! of it; the notes as written for people, or `--format json` with the
//! whole session as its front matter holds it.

use std::io::Write;
use std::path::PathBuf;

use serde::Serialize;

use crate::cli::{ShowArgs, ShowFormat};
use crate::error::{Error, Result};
use crate::history::{Head, scan};
use crate::session::Session;
use crate::session::store::Store;
use crate::text::printable;

#[derive(Serialize)]
struct Shown<'a> {
    #[serde(flatten)]
    session: &'a Session,
    notes_path: String,
}

pub fn run(args: ShowArgs, home: Option<PathBuf>) -> Result<()> {
    let store = Store::open(home)?;
    let wanted = args.id.trim().trim_end_matches(".md");
    let found = scan::scan(&store.notes_dir(), |h| {
        !wanted.is_empty() && h.id.starts_with(wanted)
    })?;
    let head = pick(&found.heads, wanted)?;
    let session = scan::full(&head.path).map_err(|w| {
        Error::Invalid(format!(
            "{w}; fix the front matter, or read the file as it is: {}",
            head.path.display()
        ))
    })?;
    let mut out = std::io::stdout().lock();
    match args.format {
        ShowFormat::Json => {
            let shown = Shown {
                session: &session,
                notes_path: head.path.display().to_string(),
            };
            serde_json::to_writer_pretty(&mut out, &shown).map_err(anyhow::Error::from)?;
            writeln!(out)?;
        }
        ShowFormat::Markdown => {
            let text = std::fs::read_to_string(&head.path)
                .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", head.path.display()))?;
            writeln!(out, "{}", printable(body(&text).trim_end()))?;
        }
    }
    Ok(())
}

/// The session with exactly this id, else the only one whose id starts so.
pub fn pick<'a>(heads: &'a [Head], wanted: &str) -> Result<&'a Head> {
    if let Some(h) = heads.iter().find(|h| h.id == wanted) {
        return Ok(h);
    }
    match heads {
        [one] => Ok(one),
        [] => Err(Error::NotFound(format!(
            "no session `{wanted}`; `coach history` lists their ids"
        ))),
        many => {
            let mut ids: Vec<&str> = many.iter().map(|h| h.id.as_str()).collect();
            ids.sort_unstable();
            let more = ids.len().saturating_sub(5);
            let mut shown = ids[..ids.len().min(5)].join(", ");
            if more > 0 {
                shown.push_str(&format!(" and {more} more"));
            }
            Err(Error::Usage(format!(
                "`{wanted}` could be any of {} sessions: {shown}; give more of the id",
                many.len()
            )))
        }
    }
}

/// The Markdown after the front matter.
fn body(text: &str) -> &str {
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return text;
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        offset += line.len();
        if line.trim_end() == "---" {
            return rest[offset..].trim_start_matches(['\n', '\r']);
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_body_follows_the_front_matter() {
        assert_eq!(
            body("---\nid: x\n---\n\n# Notes\n---\nmore\n"),
            "# Notes\n---\nmore\n"
        );
        assert_eq!(body("# plain\n"), "# plain\n");
    }
}
