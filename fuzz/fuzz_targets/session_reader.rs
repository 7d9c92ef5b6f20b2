//! Any bytes given to the notes-file reader end in a session or a located
//! diagnostic, never a panic.
#![no_main]

use coach::diag::Source;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = coach::session::read::front_matter(&Source::new("fuzz.md", text.into_owned()));
});
