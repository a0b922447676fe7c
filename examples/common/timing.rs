//! Timing for the benchmark examples: the median of several runs of one piece of work.

use std::time::{Duration, Instant};

/// The median time of `runs` runs of `f` (no warm-up: callers that need one run `f` first).
pub fn median_of<F: FnMut()>(runs: usize, mut f: F) -> Duration {
    let mut times: Vec<Duration> = (0..runs.max(1))
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}
