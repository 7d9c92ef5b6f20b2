//! Any bytes given to the playbook loader end in a playbook or diagnostics,
//! never a panic, a hang or a crash.
#![no_main]

use coach::diag::Source;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(playbook) = coach::playbook::load::parse(&Source::new("fuzz.yaml", text), "fuzz") {
        // A playbook that loads must also serialise and load again.
        let again = serde_saphyr::to_string(&playbook).expect("a loaded playbook serialises");
        let reread = coach::playbook::load::parse(&Source::new("again.yaml", again), "fuzz");
        assert!(reread.is_ok(), "a loaded playbook must load again");
    }
});
