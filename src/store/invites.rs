//! Reading a calendar file for `coach prep --invite` and `coach agenda`:
//! a regular file, bounded like every hand-edited file, read as UTF-8 (a
//! bad byte is placed), and its meetings in the user's time zone.

use std::path::Path;

use super::Store;
use super::files::read_source;
use crate::calendar::{Me, Meeting, meetings};
use crate::error::{Error, Result};

impl Store {
    /// The meetings of the calendar file at `path`.
    pub fn meetings(&self, path: &Path) -> Result<Vec<Meeting>> {
        let source = read_source(path).map_err(|err| match err {
            Error::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound => {
                Error::NotFound(format!("no calendar file at {}", path.display()))
            }
            other => other,
        })?;
        meetings(&source, &self.now()).map_err(Error::BadData)
    }

    /// How the user is known on an invite: config `me` and `emails`.
    pub fn me(&self) -> Me {
        Me {
            name: self.config.me.clone(),
            emails: self.config.emails.clone(),
        }
    }
}
