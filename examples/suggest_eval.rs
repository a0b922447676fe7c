//! Measures the cluster suggestions on the labelled dev set, against a word-overlap baseline,
//! and times them.
//!
//!     cargo run --release --example suggest_eval [-- [PATH.json] [--groups] [--folds] [--sizes=100,300] [--sources]
//!         [--sweep] [--knobs=CONCEPT,RESOLUTION,EXPLANATION,COMPOUND] [--nested]]
//!
//! PATH defaults to `$LEIDRAAD_DEV_DATA`, else `data/principles-dev.json` in the
//! crate. The leave-one-set-out figure uses the method texts in `data/method/` as the general
//! source of the lexicon; `--folds` prints each fold; `--sweep` the figures with each
//! grid point's knobs fixed in every fold; `--nested` the figures with knobs tuned as
//! `Tuning::Nested` (slow); `--sources` prints only the table of
//! where each lexicon term came from (`data/lexicon-sources.tsv`). `--groups` also prints the suggested groups with their reasons. `--sizes` chooses the
//! board sizes timed (default 100, 300, 1000, 3000, 20000). Peak memory is counted by a global
//! allocator wrapper: the most bytes allocated at once during one `suggest_with_reasons`.

use leidraad::suggest::eval::{
    cross_validate_knobs, cross_validate_with, parse_dictionary, score, term_sources_with, word_overlap_clusters, Cut,
    Dataset, DictionaryWord, Knobs, Principle, Score, Tuning, COMPOUND_WEIGHTS, KNOB_GRID,
};
use leidraad::suggest::{suggest_clusters, suggest_clusters_with, suggest_with_reasons, Options, SimilarIndex};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

#[path = "common/timing.rs"]
mod timing;

/// The system allocator, counting the bytes in use and their peak.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc(layout);
        if !p.is_null() {
            let now = IN_USE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// Peak extra bytes allocated while `f` runs.
fn peak_bytes<F: FnOnce()>(f: F) -> usize {
    let base = IN_USE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    f();
    PEAK.load(Ordering::Relaxed).saturating_sub(base)
}

fn data_path(args: &[String]) -> String {
    if let Some(p) = args.iter().find(|a| !a.starts_with("--")) {
        return p.clone();
    }
    if let Ok(p) = std::env::var("LEIDRAAD_DEV_DATA") {
        return p;
    }
    format!("{}/data/principles-dev.json", env!("CARGO_MANIFEST_DIR"))
}

/// The method's own texts (`data/method/`), the general source for the lexicon; empty if absent.
fn method_texts() -> Vec<String> {
    named_method_texts().into_iter().map(|(_, t)| t).collect()
}

/// [`method_texts`] with their file names.
fn named_method_texts() -> Vec<(String, String)> {
    let dir = format!("{}/data/method", env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<std::path::PathBuf> = match std::fs::read_dir(&dir) {
        Ok(d) => d
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.file_name().and_then(|n| n.to_str()).map(|n| n != "README.md").unwrap_or(false))
            .collect(),
        Err(_) => Vec::new(),
    };
    // METHOD.md (the digest) first, then the seeds.
    paths.sort();
    paths
        .iter()
        .filter_map(|p| {
            let name = p.file_name()?.to_str()?.to_string();
            Some((name, std::fs::read_to_string(p).ok()?))
        })
        .collect()
}

/// What general Dutch resources tie to the method texts (`data/lexicon-dictionary.tsv`, made by
/// `scripts/lexicon-dictionary.py`); empty if absent.
fn dictionary() -> Vec<DictionaryWord> {
    let path = format!("{}/data/lexicon-dictionary.tsv", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path).map(|t| parse_dictionary(&t)).unwrap_or_default()
}

/// The lexicon's sources as the table `data/lexicon-sources.tsv` holds them.
fn print_sources(data: &Dataset) {
    println!("# Where each lexicon term (src/suggest/lexicon.rs) came from. Made by");
    println!("#   cargo run --release --example suggest_eval -- --sources > data/lexicon-sources.tsv");
    println!("# and checked by tests/suggest.rs. Columns: concept, term, source, dev sets, note.");
    println!("# source: the first of the method's texts (data/method/: METHOD.md, then the seeds) in which");
    println!("#   the term's wording is found; else a general Dutch resource that ties it to a method text");
    println!("#   (data/lexicon-dictionary.tsv): \"simplemma (WORDS in TEXT)\", its wording lemmatised is");
    println!("#   there, or \"freedict (TERM in TEXT)\", a synonym of the concept's TERM in the Dutch-English");
    println!("#   dictionary; else \"none\": no general source, written by hand with the dev set in view (the");
    println!("#   cross-validation leaves such a term out of every fold whose held-out set contains it).");
    println!("# dev sets: in how many of the 19 labelled dev sets the wording occurs.");
    for t in term_sources_with(data, &named_method_texts(), &dictionary()) {
        let (source, note) = match &t.source {
            Some(s) => (s.as_str(), ""),
            None => ("none", "hand-written with the dev set in view"),
        };
        println!("{}\t{}\t{}\t{}\t{}", t.concept, t.term, source, t.dev_sets, note);
    }
}

fn cell(s: Score) -> String {
    format!("{:>6.3} {:>4} ({:>2})", s.ari, s.groups, s.multi)
}

/// Statements for timing: the dev texts, each varied with a few words of two others, so that
/// no two are identical (a deterministic linear congruential generator, no dependency).
fn synthetic(base: &[String], n: usize) -> Vec<String> {
    let words: Vec<&str> = base.iter().flat_map(|t| t.split_whitespace()).collect();
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (state >> 33) as usize
    };
    (0..n)
        .map(|i| {
            let mut t = base[i % base.len()].clone();
            if i >= base.len() {
                for _ in 0..(2 + next() % 3) {
                    t.push(' ');
                    t.push_str(words[next() % words.len()]);
                }
            }
            t
        })
        .collect()
}

fn time<F: FnMut()>(runs: usize, mut f: F) -> Duration {
    if runs > 1 {
        f(); // warm up (lexicon compilation, allocator)
    }
    timing::median_of(runs, f)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = data_path(&args);
    let json = match std::fs::read_to_string(&path) {
        Ok(j) => j,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            std::process::exit(1);
        }
    };
    let data = match Dataset::from_json(&json) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("cannot parse {path}: {e}");
            std::process::exit(1);
        }
    };
    if args.iter().any(|a| a == "--sources") {
        print_sources(&data);
        return;
    }
    let items: Vec<&Principle> = data.principles();
    let full: Vec<String> = items.iter().map(|p| p.text(true)).collect();
    let titles: Vec<String> = items.iter().map(|p| p.text(false)).collect();
    let full_refs: Vec<&str> = full.iter().map(|s| s.as_str()).collect();
    let title_refs: Vec<&str> = titles.iter().map(|s| s.as_str()).collect();
    let ambiguous = items.iter().filter(|p| p.alternative().is_some()).count();
    let mut themes: Vec<&str> = items.iter().map(|p| p.theme.as_str()).collect();
    themes.sort();
    themes.dedup();

    println!(
        "Dev set: {} statements, {} themes used ({} defined), {} ambiguous",
        items.len(),
        themes.len(),
        data.themes.len(),
        ambiguous
    );
    println!("ARI against the theme labels (ambiguous items: theme or alt_theme, whichever agrees with their group)");
    println!("groups = all groups (groups of 2 or more)\n");
    println!("{:<46} {:<20} {:<20}", "method", "title + explanation", "title only");
    println!("{:<46} {:<20} {:<20}", "", "   ARI groups", "   ARI groups");

    let no_lex = Options { lexicon: false, ..Options::default() };
    type Run<'a> = Box<dyn Fn(&[&str]) -> Vec<Vec<usize>> + 'a>;
    let mut rows: Vec<(String, Run)> = vec![
        ("suggest (stems + lexicon, modularity cut)".into(), Box::new(|t: &[&str]| suggest_clusters(t))),
        ("  ablation: stems only, no lexicon".into(), Box::new(move |t: &[&str]| suggest_clusters_with(t, &no_lex))),
        (
            "baseline: word overlap, Jaccard, modularity".into(),
            Box::new(|t: &[&str]| word_overlap_clusters(t, Cut::Modularity)),
        ),
        (
            "baseline: word overlap, Jaccard, cut at 0.25".into(),
            Box::new(|t: &[&str]| word_overlap_clusters(t, Cut::Threshold(0.25))),
        ),
    ];
    // The baseline at its best fixed cut on this very set (an optimistic upper bound for it).
    let sweep = |t: &[&str]| {
        let mut best: Option<(f32, Score)> = None;
        for k in 1..=60 {
            let th = k as f32 * 0.01;
            let s = score(&items, &word_overlap_clusters(t, Cut::Threshold(th)));
            if best.map(|(_, b)| s.ari > b.ari).unwrap_or(true) {
                best = Some((th, s));
            }
        }
        best
    };
    for (name, run) in rows.drain(..) {
        println!(
            "{:<46} {:<20} {:<20}",
            name,
            cell(score(&items, &run(&full_refs))),
            cell(score(&items, &run(&title_refs)))
        );
    }
    if let (Some((tf, sf)), Some((tt, st))) = (sweep(&full_refs), sweep(&title_refs)) {
        println!(
            "{:<46} {:<20} {:<20}",
            format!("baseline: Jaccard, best cut (oracle {tf:.2}/{tt:.2})"),
            cell(sf),
            cell(st)
        );
    }
    println!("{:<46} {:>6} {:>4}", "reference labels", "1.000", themes.len());

    // Leave-one-set-out: for each set, the lexicon terms that may have been written from it and
    // the knobs are taken from the other sets only (see `cross_validate`).
    let method = method_texts();
    if method.is_empty() {
        println!("\n(no method texts in data/method: cross-validation skipped)");
    } else {
        let dict = dictionary();
        let cv_full = cross_validate_with(&data, &method, &dict, true);
        let cv_title = cross_validate_with(&data, &method, &dict, false);
        println!(
            "\nLeave-one-set-out cross-validation ({} folds; pairs with a held-out statement, pooled)",
            data.sets.len()
        );
        println!("{:<46} {:<20} {:<20}", "", "title + explanation", "title only");
        println!(
            "{:<46} {:>6.3}{:<14} {:>6.3}",
            "suggest, in-sample (as above)",
            score(&items, &suggest_clusters(&full_refs)).ari,
            "",
            score(&items, &suggest_clusters(&title_refs)).ari
        );
        println!("{:<46} {:>6.3}{:<14} {:>6.3}", "suggest, cross-validated", cv_full.ari, "", cv_title.ari);
        // Stricter: only the digest's own Dutch terms count as general, not the guide's and the
        // municipal pages' wording (a lower bound on what the lexicon knows beforehand), and of
        // the resources only what they tie to the digest.
        let digest: Vec<String> = method.iter().take(1).cloned().collect();
        let digest_dict: Vec<DictionaryWord> = dict.iter().filter(|d| d.via_source == "METHOD.md").cloned().collect();
        println!(
            "{:<46} {:>6.3}{:<14} {:>6.3}",
            "suggest, cross-validated, strict (digest only)",
            cross_validate_with(&data, &digest, &digest_dict, true).ari,
            "",
            cross_validate_with(&data, &digest, &digest_dict, false).ari
        );
        // Cross-validated and strict, title + explanation and titles, with the knobs chosen as `t` says.
        let four = |t: Tuning| {
            [
                cross_validate_knobs(&data, &method, &dict, true, t).ari,
                cross_validate_knobs(&data, &method, &dict, false, t).ari,
                cross_validate_knobs(&data, &digest, &digest_dict, true, t).ari,
                cross_validate_knobs(&data, &digest, &digest_dict, false, t).ari,
            ]
        };
        if args.iter().any(|a| a == "--nested") {
            // Knobs chosen with the other sets scored as unseen too (see `Tuning::Nested`; slow).
            let [a, b, c, d] = four(Tuning::Nested);
            println!("{:<46} {a:>6.3}{:<14} {b:>6.3}", "  knobs tuned nested: cross-validated", "");
            println!("{:<46} {c:>6.3}{:<14} {d:>6.3}", "  knobs tuned nested: strict", "");
        }
        println!(
            "  lexicon terms left out per fold (not in the method texts, found in the held-out set): {:.1} on average",
            cv_title.terms_left_out as f64 / data.sets.len().max(1) as f64
        );
        if let Some(k) = args.iter().find_map(|a| a.strip_prefix("--knobs=")) {
            // One setting in every fold: --knobs=CONCEPT,RESOLUTION,EXPLANATION,COMPOUND.
            let v: Vec<f64> = k.split(',').filter_map(|x| x.trim().parse().ok()).collect();
            if let [c, r, e, w] = v[..] {
                let k = Knobs {
                    concept_weight: c as f32,
                    resolution: r,
                    explanation_weight: e as f32,
                    compound_weight: w as f32,
                };
                let [a, b, c, d] = four(Tuning::Fixed(k));
                println!("\n{k:?} in every fold: {a:.3} / {b:.3}   strict {c:.3} / {d:.3}");
            }
        }
        if args.iter().any(|a| a == "--sweep") {
            // Every fold with the same knobs: which settings hold on held-out sets.
            println!("\nFixed knobs in every fold (cross-validated, then strict; title + explanation / titles)");
            for &g in KNOB_GRID {
                for &compound_weight in COMPOUND_WEIGHTS {
                    let k = Knobs { compound_weight, ..g };
                    let [a, b, c, d] = four(Tuning::Fixed(k));
                    println!(
                        "  concept {:.1} resolution {:.1} compound {:.1}: {a:.3} / {b:.3}   strict {c:.3} / {d:.3}",
                        k.concept_weight, k.resolution, k.compound_weight
                    );
                }
            }
        }
        if args.iter().any(|a| a == "--folds") {
            for (k, ((af, kf), (at, kt))) in cv_full.folds.iter().zip(&cv_title.folds).enumerate() {
                println!(
                    "  fold {k:>2}: title+expl {af:>6.3} {kf:?}\n           title {at:>6.3} {kt:?}  {}",
                    data.sets[k].owner.chars().take(40).collect::<String>()
                );
            }
        }
    }

    if args.iter().any(|a| a == "--groups") {
        for (label, refs) in [("title + explanation", &full_refs), ("title only", &title_refs)] {
            println!("\nSuggested groups, {label}:");
            for (g, s) in suggest_with_reasons(refs).iter().enumerate() {
                println!("  group {g} [{}]", s.shared_terms.join(", "));
                for &m in &s.members {
                    let p = items[m];
                    let alt = p.alternative().map(|a| format!(" / {a}")).unwrap_or_default();
                    println!("    {m:>3} {:<28} {}", format!("{}{alt}", p.theme), p.title);
                }
            }
        }
    }

    let sizes: Vec<usize> = args
        .iter()
        .find_map(|a| a.strip_prefix("--sizes="))
        .map(|l| l.split(',').filter_map(|x| x.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![100, 300, 1000, 3000, 20_000]);
    println!("\nTiming (native, release, median of 9 runs; 3 runs from 3000 cards, 1 from 10000)");
    println!(
        "{:>6} {:>16} {:>22} {:>18} {:>20} {:>10}",
        "n", "suggest_clusters", "suggest_with_reasons", "SimilarIndex::new", "SimilarIndex query", "peak MB"
    );
    for n in sizes {
        let runs = if n >= 10_000 {
            1
        } else if n >= 3000 {
            3
        } else {
            9
        };
        let texts = synthetic(&full, n);
        let refs: Vec<&str> = texts.iter().map(|s| s.as_str()).collect();
        let t_clusters = time(runs, || {
            std::hint::black_box(suggest_clusters(&refs));
        });
        let t_reasons = time(runs, || {
            std::hint::black_box(suggest_with_reasons(&refs));
        });
        let peak = peak_bytes(|| {
            std::hint::black_box(suggest_with_reasons(&refs));
        });
        let t_index = time(runs, || {
            std::hint::black_box(SimilarIndex::new(&refs));
        });
        let index = SimilarIndex::new(&refs);
        let t_query = time(9, || {
            std::hint::black_box(index.query("Zorg dichtbij, in de wijk, met eigen regie voor de inwoner"));
        });
        println!(
            "{:>6} {:>13.2} ms {:>19.2} ms {:>15.2} ms {:>17.3} ms {:>10.1}",
            n,
            t_clusters.as_secs_f64() * 1e3,
            t_reasons.as_secs_f64() * 1e3,
            t_index.as_secs_f64() * 1e3,
            t_query.as_secs_f64() * 1e3,
            peak as f64 / 1e6
        );
    }
}
