//! Any bytes given as an answers file (against the built-in discovery
//! playbook) end in answers or located diagnostics, never a panic.
#![no_main]

use std::sync::OnceLock;

use coach::diag::Source;
use coach::playbook::Playbook;
use coach::prompt::scripted::AnswersFile;
use libfuzzer_sys::fuzz_target;

fn playbook() -> &'static Playbook {
    static PLAYBOOK: OnceLock<Playbook> = OnceLock::new();
    PLAYBOOK.get_or_init(|| {
        let text = coach::playbook::builtin::get("discovery").expect("the default playbook");
        coach::playbook::load::parse(&Source::new("discovery.yaml", text), "discovery")
            .expect("the default playbook loads")
    })
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let source = Source::new("answers.yaml", text);
    let _ = AnswersFile::counterpart(&source);
    let _ = AnswersFile::parse(&source, playbook());
});
