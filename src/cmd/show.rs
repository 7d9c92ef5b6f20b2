//! `coach show ID`: one session's notes, named as every command names a
//! session (an id, a unique prefix, `latest` or a path); the notes as
//! written for people, or `--format json` with the whole session as its
//! front matter holds it.

use std::io::Write;

use serde::Serialize;

use crate::cli::{ShowArgs, ShowFormat};
use crate::error::Result;
use crate::session::Session;
use crate::store::Store;
use crate::store::files::read_source;
use crate::text::printable;

#[derive(Serialize)]
struct Shown<'a> {
    #[serde(flatten)]
    session: &'a Session,
    notes_path: String,
}

pub fn run(args: ShowArgs, store: &Store) -> Result<()> {
    let (path, session) = store.session(&args.id, None)?;
    let mut out = crate::stdout();
    match args.format {
        ShowFormat::Json => {
            let shown = Shown {
                session: &session,
                notes_path: path.display().to_string(),
            };
            crate::text::write_json(&mut out, &shown, true)?;
        }
        ShowFormat::Markdown => {
            let text = read_source(&path)?.text;
            // Follow-ups done since are ticked, as the done log says.
            let done = store.marks()?.done;
            let body = crate::session::notes::ticked(body(&text), &session, &done);
            writeln!(out, "{}", printable(body.trim_end()))?;
        }
    }
    Ok(())
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
