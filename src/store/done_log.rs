//! The follow-ups' done log on disk (`$COACH_HOME/followups.log`; its format
//! is `followups::log`), and every follow-up across the debriefs with the
//! log's marks applied.

use std::fs;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::PathBuf;

use jiff::civil::Date;

use super::Store;
use super::files::{private_dir, read_bounded};
use crate::error::{Error, Result};
use crate::followups::log::{self, FILE_NAME, Marks};
use crate::followups::{self, Followups};
use crate::playbook::Kind;
use crate::session::Moment;

impl super::lookup::Named for crate::followups::Item {
    fn name(&self) -> &str {
        self.id()
    }
}

/// The done log is read at most this far (a million marks).
const MAX_LOG_BYTES: usize = 128 * 1024 * 1024;

impl Store {
    pub fn done_log(&self) -> PathBuf {
        self.home.join(FILE_NAME)
    }

    /// The done marks; a missing log has none.
    pub fn marks(&self) -> Result<Marks> {
        let path = self.done_log();
        match read_bounded(&path, MAX_LOG_BYTES) {
            Ok(Some(bytes)) => Ok(log::parse(&bytes, &path.display().to_string())),
            Ok(None) => Err(Error::Invalid(format!(
                "{} is larger than {MAX_LOG_BYTES} bytes; move it aside to start a new one",
                path.display()
            ))),
            Err(Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
                Ok(Marks::default())
            }
            Err(e) => Err(e),
        }
    }

    /// Append a done mark for `id`, counting as done on `done`. The log and
    /// its directory are created private to the user; a line cut short by a
    /// crash never swallows this one.
    pub fn mark_done(&self, id: &str, done: Date) -> Result<()> {
        private_dir(&self.home)?;
        let path = self.done_log();
        let fail = |e: std::io::Error| Error::io("write", &path, e);
        let mut options = fs::OpenOptions::new();
        options.read(true).append(true).create(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt as _;
            // Without waiting, so a FIFO there cannot block; checked as opened.
            options.mode(0o600).custom_flags(libc::O_NONBLOCK);
        }
        let mut file = options.open(&path).map_err(fail)?;
        super::files::regular(&path, &file.metadata().map_err(fail)?)?;
        let mut lead = "";
        if file.metadata().map_err(fail)?.len() > 0 {
            let mut last = [0u8; 1];
            file.seek(SeekFrom::End(-1)).map_err(fail)?;
            file.read_exact(&mut last).map_err(fail)?;
            if last[0] != b'\n' {
                lead = "\n";
            }
        }
        let line = log::line(id, done, Moment::of(&self.now()));
        file.write_all(format!("{lead}{line}").as_bytes())
            .map_err(fail)?;
        file.sync_data().map_err(fail)?;
        Ok(())
    }

    /// Every debrief's follow-ups with the done marks, in listing order.
    pub fn followups(&self) -> Result<Followups> {
        // Only debriefs hold follow-ups; the scanner reads just their heads first.
        let mut scan = self.heads(|h| h.kind == Kind::Debrief)?;
        scan.heads.sort_by(|a, b| a.path.cmp(&b.path));
        let (sessions, mut warnings) = super::scan::load_with(&scan.heads, None, |_, s| s);
        warnings.extend(scan.warnings);
        warnings.sort();
        let marks = self.marks()?;
        Ok(followups::collect(sessions, marks, warnings))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn marks_are_appended_privately_and_read_back() {
        let tmp = tempfile::tempdir().unwrap();
        let store = Store::at(tmp.path().join("home"));
        assert!(store.marks().unwrap().done.is_empty());
        store.mark_done("s#1", date(2026, 11, 22)).unwrap();
        // A line cut short by a crash: the next mark starts a line of its own.
        let mut f = fs::OpenOptions::new()
            .append(true)
            .open(store.done_log())
            .unwrap();
        f.write_all(b"{\"id\":\"a#3\",\"do").unwrap();
        store.mark_done("s#2", date(2026, 11, 21)).unwrap();
        let marks = store.marks().unwrap();
        assert_eq!(marks.done.len(), 2);
        assert_eq!(marks.done["s#2"], date(2026, 11, 21));
        assert_eq!(marks.warnings.len(), 1, "{:?}", marks.warnings);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &std::path::Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&store.done_log()), 0o600);
            assert_eq!(mode(&store.home), 0o700);
        }
    }
}
