//! Memory and time of the undo history: 200 edits on a large workshop, then undo and redo
//! every one of them.
//!
//!     cargo run --release --example undo_bench [-- RUNS]
//!
//! Memory is counted by a counting allocator: the bytes still allocated after the edits minus
//! before them (the workshop itself not included), so it is what undo and redo keep. Times are
//! the median over all steps, and of that the median of RUNS runs (default 5).

use large::{id, workshop};
use leidraad::workshop::{Action, History, Workshop};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

#[path = "../tests/common/large.rs"]
mod large;

/// Counts the bytes allocated now, so memory is measured, not estimated.
struct Counting;

static NOW: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        NOW.fetch_add(layout.size(), Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        NOW.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const EDITS: usize = 200;

fn mb(bytes: usize) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times.get(times.len() / 2).copied().unwrap_or_default()
}

/// A workshop of `cards` cards with texts near a real card's length.
fn big(cards: usize) -> Workshop {
    let mut w = workshop(0, cards);
    for (i, c) in w.cards.iter_mut().enumerate() {
        c.text = format!(
            "Inwoners houden zelf de regie over hun ondersteuning, ook als meerdere partijen betrokken zijn ({i})"
        );
    }
    w
}

/// The `n`th edit: a mix of what a group does most (edit a card, move a card, rename a
/// cluster, add a card).
fn edit(n: usize, cards: usize) -> Action {
    let card = |i: usize| id(&format!("card-{}", (i * 7919) % cards));
    match n % 4 {
        0 => Action::EditCard { id: card(n), text: format!("Zorg dichtbij, bewerkt {n}"), group: None },
        1 => Action::MoveCards { cards: vec![card(n)], to: Some(id(&format!("cl-{}", n % 40))) },
        2 => Action::RenameCluster { id: id(&format!("cl-{}", n % 40)), name: format!("Cluster, hernoemd {n}") },
        _ => Action::AddCard {
            id: id(&format!("new-{n}")),
            source: id("src-1"),
            group: None,
            text: format!("Nieuw {n}"),
        },
    }
}

fn main() {
    let runs: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(5).max(1);
    println!("Undo history: {EDITS} edits, then undo and redo each (native, release, median of {runs} runs)");
    println!(
        "{:>7} {:>12} {:>14} {:>12} {:>10} {:>9} {:>9}",
        "cards", "one copy MB", "history MB", "estimate MB", "apply ms", "undo ms", "redo ms"
    );
    for cards in [3_000, 20_000] {
        let w = big(cards);
        let copy = {
            let before = NOW.load(Ordering::Relaxed);
            let c = w.clone();
            let size = NOW.load(Ordering::Relaxed) - before;
            drop(c);
            size
        };
        let (mut memory, mut estimate, mut apply, mut undo, mut redo) = (vec![], vec![], vec![], vec![], vec![]);
        for _ in 0..runs {
            let mut history = History::new(w.clone());
            let start = NOW.load(Ordering::Relaxed);
            let mut times = Vec::with_capacity(EDITS);
            for n in 0..EDITS {
                let action = edit(n, cards);
                let t = Instant::now();
                history.apply(action).expect("every edit is valid");
                times.push(t.elapsed());
            }
            // The workshop itself grew by the added cards: count only what the history keeps.
            let present_growth = {
                let before = NOW.load(Ordering::Relaxed);
                let c: Workshop = history.present().clone();
                let now = NOW.load(Ordering::Relaxed) - before;
                drop(c);
                now as isize - copy as isize
            };
            memory.push((NOW.load(Ordering::Relaxed) as isize - start as isize - present_growth).max(0) as usize);
            estimate.push(history.kept_bytes());
            apply.push(median(times));
            assert_eq!(history.undo_steps(), EDITS, "every edit can be undone");
            let mut times = Vec::with_capacity(EDITS);
            while history.can_undo() {
                let t = Instant::now();
                history.undo();
                times.push(t.elapsed());
            }
            assert_eq!(history.present(), &w, "undo is exact");
            undo.push(median(times));
            let mut times = Vec::with_capacity(EDITS);
            while history.can_redo() {
                let t = Instant::now();
                history.redo();
                times.push(t.elapsed());
            }
            redo.push(median(times));
        }
        memory.sort();
        estimate.sort();
        println!(
            "{cards:>7} {:>12.2} {:>14.2} {:>12.2} {:>10.2} {:>9.2} {:>9.2}",
            mb(copy),
            mb(memory[memory.len() / 2]),
            mb(estimate[estimate.len() / 2]),
            ms(median(apply)),
            ms(median(undo)),
            ms(median(redo)),
        );
    }
}
