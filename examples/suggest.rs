//! Try the cluster suggestions on your own long-list.
//!
//!     cargo run --release --example suggest < statements.txt
//!
//! Reads one statement per line (blank lines are skipped) and prints one line per statement:
//! its index (0-based, counting the non-blank lines) and its group number, tab-separated. With
//! `--reasons` it then prints each group's shared terms and members.

use leidraad::suggest::suggest_with_reasons;
use std::io::{BufRead, Write};

fn main() {
    let reasons = std::env::args().skip(1).any(|a| a == "--reasons");
    let stdin = std::io::stdin();
    let mut lines: Vec<String> = Vec::new();
    for line in stdin.lock().lines() {
        match line {
            Ok(l) => {
                if !l.trim().is_empty() {
                    lines.push(l.trim().to_string());
                }
            }
            Err(e) => {
                eprintln!("stopped reading: {e}");
                break;
            }
        }
    }
    let refs: Vec<&str> = lines.iter().map(|s| s.as_str()).collect();
    let suggestions = suggest_with_reasons(&refs);
    let mut group_of = vec![0usize; refs.len()];
    for (g, s) in suggestions.iter().enumerate() {
        for &m in &s.members {
            if let Some(slot) = group_of.get_mut(m) {
                *slot = g;
            }
        }
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for (i, g) in group_of.iter().enumerate() {
        if writeln!(out, "{i}\t{g}").is_err() {
            return;
        }
    }
    if reasons {
        for (g, s) in suggestions.iter().enumerate() {
            let _ = writeln!(out, "\n# group {g}: {}", s.shared_terms.join(", "));
            for &m in &s.members {
                let _ = writeln!(out, "#   {m}\t{}", refs.get(m).copied().unwrap_or(""));
            }
        }
    }
}
