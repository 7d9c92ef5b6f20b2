//! Timing shared by the benchmarks: runs after warm-up runs, sorted, and one
//! line a measurement with the median, the 95th percentile and the fastest.

use std::time::{Duration, Instant};

/// `runs` timed runs of `run` after `warmup` untimed ones, fastest first.
pub fn measure(warmup: usize, runs: usize, mut run: impl FnMut()) -> Vec<Duration> {
    for _ in 0..warmup {
        run();
    }
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            run();
            start.elapsed()
        })
        .collect();
    times.sort();
    times
}

/// Prints `name` and the median, p95 and fastest of sorted `times`.
#[allow(dead_code)] // not every benchmark prints this way
pub fn report(name: &str, times: &[Duration]) {
    let ms = |d: Duration| format!("{:.3} ms", d.as_secs_f64() * 1000.0);
    let p95 = times[(times.len() * 95 / 100).min(times.len() - 1)];
    println!(
        "{name:<52} {:>10} {:>10} {:>10}",
        ms(times[times.len() / 2]),
        ms(p95),
        ms(times[0])
    );
}
