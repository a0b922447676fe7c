//! Times opening a workshop file the way the app does: read the file (`format::from_json`, which
//! parses and checks it) and then replace the workshop with it (`Action::Replace` through the
//! undo history, which takes the checked workshop without checking again). Also times the
//! integrity check alone.
//!
//!     cargo run --release --example open_bench [-- RUNS]
//!
//! Workshops are made up: many voters (each with one vote) or many cards (in a few clusters).
//! Files are written compactly. Prints the median of RUNS runs (default 5) per size.

use large::workshop;
use leidraad::format;
use leidraad::workshop::{Action, History, Workshop};
use std::time::Duration;
use timing::median_of as time;

#[path = "../tests/common/large.rs"]
mod large;
#[path = "common/timing.rs"]
mod timing;

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn main() {
    let runs: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(5).max(1);
    println!("Opening a workshop file (native, release, median of {runs} runs)");
    println!(
        "{:>8} {:>7} {:>9} {:>12} {:>10} {:>16}",
        "voters", "cards", "file KB", "from_json", "check", "open (read+use)"
    );
    for (voters, cards) in [(1_000, 0), (10_000, 0), (60_000, 0), (0, 3_000), (0, 20_000)] {
        let w = workshop(voters, cards);
        let text =
            serde_json::json!({ "format": format::FORMAT, "version": format::VERSION, "workshop": &w }).to_string();
        if let Err(e) = format::from_json(&text) {
            println!("{voters:>8} {cards:>7} {:>9} refused: {e}", text.len() / 1024);
            continue;
        }
        let t_read = time(runs, || {
            std::hint::black_box(format::from_json(&text).is_ok());
        });
        let t_check = time(runs, || {
            std::hint::black_box(w.check().is_ok());
        });
        let t_open = time(runs, || {
            let mut history = History::new(Workshop::default());
            if let Ok(read) = format::read(&text) {
                std::hint::black_box(history.apply(Action::Replace { workshop: Box::new(read) }).is_ok());
            }
        });
        println!(
            "{voters:>8} {cards:>7} {:>9} {:>9.1} ms {:>7.2} ms {:>13.1} ms",
            text.len() / 1024,
            ms(t_read),
            ms(t_check),
            ms(t_open)
        );
    }
    // Beyond what a file may hold, the check alone: linear means twice the voters, twice the time.
    println!("\nThe integrity check alone (no file: these are over the size limit)");
    println!("{:>8} {:>10}", "voters", "check");
    for voters in [60_000, 120_000, 240_000] {
        let w = workshop(voters, 0);
        let t_check = time(runs, || {
            std::hint::black_box(w.check().is_ok());
        });
        println!("{voters:>8} {:>7.1} ms", ms(t_check));
    }
}
