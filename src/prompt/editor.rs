//! Writing text in the user's own editor (`$VISUAL`, else `$EDITOR`, else
//! the config's `editor`, as the store resolved it) on a private file coach
//! owns. The file is removed only after its text is read back; when the
//! editor fails, the text stays there and the error says where.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::Context as _;

use crate::error::{Error, Result};

/// Where text handed to the editor is kept while it is open: a private
/// file in a directory coach owns (the store's drafts directory).
pub trait Scratch {
    /// Write `text` to a new private file named after `name`; its path.
    fn write_scratch(&self, name: &str, text: &str) -> Result<PathBuf>;
    /// The text now in the file at `path`, read back; the file is removed.
    fn take_scratch(&self, path: &Path) -> Result<String>;
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

/// Open `editor` on a scratch file holding `initial`; return the text saved
/// there.
pub fn edit(editor: &str, scratch: &dyn Scratch, name: &str, initial: &str) -> Result<String> {
    let path = scratch.write_scratch(name, initial)?;
    open(editor, &path).map_err(|e| {
        Error::Other(anyhow::anyhow!(
            "{e}; your text is kept in {}",
            path.display()
        ))
    })?;
    scratch.take_scratch(&path)
}
