//! Writing text in the user's own editor (`$VISUAL`, else `$EDITOR`) on a
//! private file coach owns. The file is removed only after its text is read
//! back; when the editor fails, the text stays there and the error says where.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::Context as _;

use crate::error::{Error, Result};
use crate::session::store;

/// The editor command the user set, if any: `VISUAL`, `EDITOR`, then the
/// config file's `editor`.
pub fn configured() -> Option<String> {
    let file = crate::config::current().ok().and_then(|c| c.editor.clone());
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.trim().is_empty())
        .or(file)
}

/// Run `editor` on `path` and wait for it. The command goes through `sh`, so
/// `code --wait` works too.
pub fn open(editor: &str, path: &Path) -> anyhow::Result<()> {
    crate::signal::install();
    let _editing = crate::signal::Editing::start();
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("coach-editor")
        .arg(path)
        .status()
        .with_context(|| format!("could not start the editor `{editor}`"))?;
    if !status.success() {
        anyhow::bail!("the editor `{editor}` failed ({status})");
    }
    Ok(())
}

/// Open `editor` on `<dir>/<name>-<pid>.md` holding `initial`; return the text
/// saved there.
pub fn edit(editor: &str, dir: &Path, name: &str, initial: &str) -> Result<String> {
    let path: PathBuf = dir.join(format!("{name}-{}.md", std::process::id()));
    store::write_private(&path, initial.as_bytes(), true)?;
    open(editor, &path).map_err(|e| {
        Error::Other(anyhow::anyhow!(
            "{e}; your text is kept in {}",
            path.display()
        ))
    })?;
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("could not read back {}", path.display()))?;
    let _ = std::fs::remove_file(&path);
    Ok(text)
}
