//! Times the cluster suggestions natively on the boards the browser benchmark uses, and shows
//! where the time goes.
//!
//!     cargo run --release --example suggest_bench [-- [--runs=9] [--sizes=100,300,1000,3000,20000] [--texts=titles|full]]
//!
//! The boards are those of `node scripts/bench.mjs --only=suggest`: the dev set's titles in turn,
//! from the 104th card on with one of six short phrases appended (`--texts=full` uses title and
//! explanation instead). Each line gives the median of the runs (9 by default; 3 from 3,000
//! cards, 1 from 10,000) of `suggest_for_board`, the call the board's panel makes, with the
//! fastest and slowest run. `--profile` adds the share of each step on the largest board below
//! 3,000 cards (reading the cards, the similarity graph, the linkage and cut, the reasons).

use leidraad::suggest::eval::Dataset;
use leidraad::suggest::{profile_steps, suggest_for_board};
use std::time::Duration;

#[path = "common/timing.rs"]
mod timing;

/// The board texts of `scripts/bench.mjs`: base texts in turn, with a phrase from the second round on.
fn board(base: &[String], n: usize) -> Vec<String> {
    const EXTRA: [&str; 6] = [
        "in de praktijk",
        "voor iedereen",
        "samen met partners",
        "vanaf het begin",
        "zonder drempels",
        "in gewone taal",
    ];
    (0..n)
        .map(|i| {
            let t = &base[i % base.len()];
            let t = if i >= base.len() { format!("{t} {}", EXTRA[(i / base.len()) % EXTRA.len()]) } else { t.clone() };
            // The board cuts a card at 200 characters.
            t.chars().take(200).collect()
        })
        .collect()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |name: &str| args.iter().find_map(|a| a.strip_prefix(name)).map(str::to_string);
    let path = format!("{}/data/principles-dev.json", env!("CARGO_MANIFEST_DIR"));
    let data = match std::fs::read_to_string(&path).map_err(|e| e.to_string()).and_then(|j| Dataset::from_json(&j)) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            std::process::exit(1);
        }
    };
    let full = arg("--texts=").map(|t| t == "full").unwrap_or(false);
    let base: Vec<String> = data.principles().iter().map(|p| p.text(full)).collect();
    let runs_arg: Option<usize> = arg("--runs=").and_then(|r| r.parse().ok());
    let sizes: Vec<usize> = arg("--sizes=")
        .map(|l| l.split(',').filter_map(|x| x.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![100, 300, 1000, 3000, 20_000]);
    println!(
        "suggest_for_board, native release build, {} ({} base texts)",
        if full { "title + explanation" } else { "titles" },
        base.len()
    );
    println!("{:>6} {:>12} {:>12} {:>12} {:>5}", "cards", "median", "min", "max", "runs");
    for &n in &sizes {
        let runs = runs_arg.unwrap_or(if n >= 10_000 {
            1
        } else if n >= 3000 {
            3
        } else {
            9
        });
        let texts = board(&base, n);
        let refs: Vec<&str> = texts.iter().map(|s| s.as_str()).collect();
        // Warm up: the lexicon is compiled once per page, not per run.
        std::hint::black_box(suggest_for_board(&refs));
        let mut times: Vec<Duration> = (0..runs.max(1))
            .map(|_| {
                timing::median_of(1, || {
                    std::hint::black_box(suggest_for_board(&refs));
                })
            })
            .collect();
        times.sort();
        println!(
            "{:>6} {:>9.2} ms {:>9.2} ms {:>9.2} ms {:>5}",
            n,
            ms(times[times.len() / 2]),
            ms(times[0]),
            ms(times[times.len() - 1]),
            times.len()
        );
    }
    if args.iter().any(|a| a == "--profile") {
        let Some(&n) = sizes.iter().filter(|&&n| n < 3000).max() else { return };
        let texts = board(&base, n);
        let refs: Vec<&str> = texts.iter().map(|s| s.as_str()).collect();
        let runs = runs_arg.unwrap_or(9);
        let mut per_step: Vec<(&'static str, Vec<Duration>)> = Vec::new();
        for _ in 0..runs.max(1) {
            for (k, (name, d)) in profile_steps(&refs).into_iter().enumerate() {
                match per_step.get_mut(k) {
                    Some(e) => e.1.push(d),
                    None => per_step.push((name, vec![d])),
                }
            }
        }
        println!("\nsteps at {n} cards (median of {runs}):");
        for (name, mut d) in per_step {
            d.sort();
            println!("  {:<40} {:>9.2} ms", name, ms(d[d.len() / 2]));
        }
    }
}
