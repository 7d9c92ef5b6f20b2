//! Any bytes given as the config file end in a config or located
//! diagnostics, never a panic.
#![no_main]

use coach::diag::Source;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let _ = coach::config::parse(
        &Source::new("config.yaml", text),
        Some(std::path::Path::new("/home/fuzz")),
    );
});
