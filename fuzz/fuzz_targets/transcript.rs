//! Any bytes given as a call transcript end in figures or a located
//! problem, never a panic or a hang; the figures hold together.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(analysis) = coach::coaching::listen::analyse_reader(data) else {
        return;
    };
            // Each share is rounded to four places, so the sum may be off by that.
    let share: f64 = analysis.speakers.iter().map(|s| s.share).sum();
    let slack = 1e-4 * analysis.speakers.len() as f64;
    assert!(
        share.is_finite() && share <= 1.0 + slack,
        "shares add up to {share}"
    );
    if let Some(first) = analysis.speakers.first() {
        let _ = analysis.report(Some(&first.name));
    }
    let _ = analysis.report(Some("someone who is not there"));
});
