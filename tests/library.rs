//! The inspiration library: the bundled sets are complete and verbatim, search finds what a
//! facilitator would type, and a borrowed principle fits on a card under a named source.

use std::sync::OnceLock;

use leidraad::library::{self, from_fetched, shorten, wire, Hit, Library, LibraryError, Unavailable};
use leidraad::workshop::{limits, Action, CountingIds, IdSource, SourceKind, Workshop};

/// The library file the build copies into `dist/` (and the app fetches on first open).
const DATA: &str = include_str!("../data/library.json");

fn lib() -> &'static Library {
    static PARSED: OnceLock<Library> = OnceLock::new();
    PARSED.get_or_init(|| Library::parse(DATA).expect("the shipped library parses"))
}

#[test]
fn the_bundled_library_holds_every_published_set() {
    let lib = lib();
    assert_eq!(lib.sets.len(), 19);
    assert_eq!(lib.len(), 103);
    for set in &lib.sets {
        assert!(!set.owner.trim().is_empty());
        assert!(set.source.starts_with("http"), "{}", set.source);
        assert!(set.year.is_none_or(|y| (1990..=2030).contains(&y)), "{:?}", set.year);
    }
}

#[test]
fn the_library_is_small_enough_to_fetch_at_once() {
    // Fetched whole when the library is first opened: keep it small.
    assert!(DATA.len() < 40 * 1024, "library is {} bytes", DATA.len());
}

#[test]
fn a_fetched_library_is_read_and_a_failed_fetch_says_why() {
    assert_eq!(from_fetched(Some(DATA)).as_ref(), Ok(lib()));
    // No answer (offline, server gone, not found) is told apart from a file that is broken.
    assert_eq!(from_fetched(None), Err(Unavailable::Unreachable));
    assert_eq!(from_fetched(Some("<html>niet gevonden</html>")), Err(Unavailable::Broken));
    assert_eq!(
        from_fetched(Some(r#"{"sets":[{"owner":"","source":"https://x.nl","principles":[]}]}"#)),
        Err(Unavailable::Broken)
    );
    assert_eq!(library::FILE, "library.json");
}

#[test]
fn the_build_copies_the_library_beside_the_app() {
    // The app fetches `library.json` beside boot.js; the build must put it there.
    let build =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/build.sh")).expect("build script");
    assert!(build
        .lines()
        .any(|l| l.trim_start().starts_with("cp") && l.contains("data/library.json") && l.contains("dist/")));
}

#[test]
fn principles_are_kept_verbatim_from_the_dev_set() {
    // The library is a trimmed copy of the dev set shipped in `data/`: every title and
    // explanation must match it exactly. Missing data is a failure, never a skip.
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/principles-dev.json");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("the dev set is needed at {path}: {e}"));
    let shared: serde_json::Value = serde_json::from_str(&text).expect("shared data is JSON");
    let sets = shared["sets"].as_array().expect("sets");
    assert_eq!(sets.len(), lib().sets.len());
    for (ours, theirs) in lib().sets.iter().zip(sets) {
        assert!(theirs["owner"].as_str().unwrap_or_default().starts_with(&ours.owner));
        assert_eq!(theirs["source"].as_str(), Some(ours.source.as_str()));
        let ps = theirs["principles"].as_array().expect("principles");
        assert_eq!(ps.len(), ours.principles.len());
        for (p, q) in ours.principles.iter().zip(ps) {
            assert_eq!(Some(p.title.as_str()), q["title"].as_str());
            assert_eq!(p.explanation.as_deref(), q["explanation"].as_str());
        }
    }
}

#[test]
fn searching_eigen_regie_finds_those_words_first_in_titles() {
    let lib = lib();
    let hits = lib.search("eigen regie");
    assert!(!hits.is_empty());
    let (_, first) = lib.get(hits[0]).expect("hit exists");
    let folded = first.title.to_lowercase();
    assert!(folded.contains("eigen") && folded.contains("regie"), "{}", first.title);
    for h in &hits {
        let (set, p) = lib.get(*h).expect("hit exists");
        let all = format!("{} {} {} {}", p.title, p.explanation.as_deref().unwrap_or(""), set.owner, set.about)
            .to_lowercase();
        assert!(all.contains("eigen") && all.contains("regie"), "{all}");
    }
}

#[test]
fn search_ignores_case_and_accents_and_an_empty_query_shows_all() {
    let lib = lib();
    assert_eq!(lib.search("").len(), lib.len());
    assert_eq!(lib.search("   ").len(), lib.len());
    assert_eq!(lib.search("PREVENTIE"), lib.search("preventie"));
    assert_eq!(lib.search("Fryslân"), lib.search("fryslan"));
    assert!(!lib.search("fryslan").is_empty());
    assert!(lib.search("zzzqqq").is_empty());
}

#[test]
fn search_by_owner_finds_a_whole_set() {
    let lib = lib();
    let zutphen = lib.sets.iter().position(|s| s.owner == "Gemeente Zutphen").expect("Zutphen is in the library");
    let hits = lib.search("zutphen");
    assert_eq!(hits.len(), lib.sets[zutphen].principles.len());
    assert!(hits.iter().all(|h| h.set == zutphen));
}

#[test]
fn search_finds_other_forms_of_a_word_and_the_same_idea_in_other_words() {
    let lib = lib();
    let text = |h: &Hit| {
        let (set, p) = lib.get(*h).expect("hit exists");
        format!("{} {} {} {}", p.title, p.explanation.as_deref().unwrap_or(""), set.owner, set.about).to_lowercase()
    };
    let hits = lib.search("ontschotten");
    assert!(hits.iter().any(|h| text(h).contains("ontschotting")), "{:?}", hits.iter().map(text).collect::<Vec<_>>());
    assert!(lib.search("zzzqqq huis").is_empty());
    let small = Library::parse(
        r#"{"sets":[{"owner":"Gemeente Voorbeeld","about":"","year":null,"source":"https://example.org/p",
        "principles":[{"title":"Preventie voorop","explanation":null},{"title":"Zorg dichtbij","explanation":null}]}]}"#,
    )
    .expect("a small library parses");
    let hits = small.search("dichtbij huis");
    assert_eq!(hits.len(), 1);
    assert_eq!(small.get(hits[0]).map(|(_, p)| p.title.as_str()), Some("Zorg dichtbij"));
}

#[test]
fn the_suggestion_module_gives_the_normalised_search_s_hits_in_the_same_order() {
    // The workshop page runs the literal search itself and asks the suggestion module for the
    // normalised one (src/library/wire.rs): the library's texts go over once, then each query.
    let lib = lib();
    let (all, lens) = wire::texts(lib);
    assert_eq!(lens.len(), 2 * lib.len());
    let index = wire::index(&all, &lens);
    assert_eq!(index.len(), lib.len());
    let mut several = 0;
    for q in [
        "ontschotten",
        "dichtbij huis",
        "eigen regie",
        "samenwerken",
        "preventief werken",
        "inwoners centraal",
        "vertrouwen in professionals",
        "de het een",
        "zzzqqq",
        "",
        "Fryslân",
    ] {
        let native = lib.search_normalised(q);
        assert_eq!(wire::decode(lib, &wire::answer(&index, q)), native, "{q}");
        if native.len() > 1 {
            several += 1;
        }
    }
    // The order is compared, not only the set: some queries find several principles.
    assert!(several >= 3, "{several} queries found more than one principle");
    // And together with the literal search, exactly what the native search gives.
    for q in ["ontschotten", "eigen regie", "zzzqqq huis", ""] {
        let literal = lib.search_words(q);
        let both = if literal.is_empty() && !q.trim().is_empty() { lib.search_normalised(q) } else { literal };
        assert_eq!(both, lib.search(q), "{q}");
    }
    // A place the library does not have is left out.
    assert_eq!(wire::decode(lib, &[u32::MAX, 0]), vec![Hit { set: 0, principle: 0 }]);
}

#[test]
fn search_never_panics_on_odd_input() {
    for q in ["(", "\u{0301}", "é", "🙂🙂", &"a".repeat(10_000), "eigen\u{200f}regie", "\0"] {
        let _ = lib().search(q);
    }
    assert!(lib().get(Hit { set: 999, principle: 0 }).is_none());
    assert!(lib().get(Hit { set: 0, principle: 999 }).is_none());
}

#[test]
fn a_borrowed_principle_becomes_a_card_under_a_source_named_after_the_owner() {
    let lib = lib();
    let mut ids = CountingIds::default();
    let mut w = Workshop::default();
    for set in &lib.sets {
        let title = set.source_title();
        assert!(
            title.starts_with(set.owner.trim_end_matches('…').get(..10).unwrap_or(&set.owner))
                || title.len() <= limits::SOURCE_TITLE
        );
        if let Some(y) = set.year {
            assert!(title.contains(&y.to_string()) || title.ends_with('…'), "{title}");
        }
        let source = ids.next_id("src");
        w.apply(Action::AddSource {
            id: source.clone(),
            kind: SourceKind::Data,
            title: title.clone(),
            notes: set.source_notes(),
        })
        .unwrap_or_else(|e| panic!("{title}: {e}"));
        assert!(w.sources.last().is_some_and(|s| s.notes.contains(&set.source)));
        for p in &set.principles {
            let text = p.card_text();
            w.apply(Action::AddCard {
                id: ids.next_id("card"),
                source: source.clone(),
                group: None,
                text: text.clone(),
            })
            .unwrap_or_else(|e| panic!("{text}: {e}"));
        }
    }
    assert_eq!(w.cards.len(), lib.len());
    let zutphen = lib.sets.iter().find(|s| s.owner == "Gemeente Zutphen").expect("Zutphen");
    assert_eq!(zutphen.source_title(), "Gemeente Zutphen (2017)");
}

#[test]
fn card_text_is_verbatim_unless_too_long_then_cut_at_a_word() {
    let lib = lib();
    let mut cut = 0;
    for set in &lib.sets {
        for p in &set.principles {
            let text = p.card_text();
            assert!(text.chars().count() <= limits::CARD);
            if p.title.chars().count() <= limits::CARD {
                assert_eq!(text, p.title.trim());
            } else {
                cut += 1;
                assert!(text.ends_with('…'));
                assert!(p.title.starts_with(text.trim_end_matches('…')));
            }
        }
    }
    assert!(cut <= 3, "{cut} principles cut");
    assert_eq!(shorten("kort", 10), "kort");
    assert_eq!(shorten("een twee drie vier", 10), "een twee…");
    assert_eq!(shorten("ééééééééééééé", 5).chars().count(), 5);
}

#[test]
fn broken_library_text_is_refused_with_a_reason() {
    assert!(matches!(Library::parse("nope"), Err(LibraryError::NotJson(_))));
    assert_eq!(
        Library::parse(r#"{"sets":[{"owner":"","source":"https://x.nl","principles":[{"title":"a"}]}]}"#),
        Err(LibraryError::Incomplete(0))
    );
    assert_eq!(
        Library::parse(r#"{"sets":[{"owner":"X","source":"javascript:alert(1)","principles":[{"title":"a"}]}]}"#),
        Err(LibraryError::BadSource(0))
    );
    assert_eq!(
        Library::parse(r#"{"sets":[{"owner":"X","source":"https://x.nl","principles":[]}]}"#),
        Err(LibraryError::Incomplete(0))
    );
    assert!(Library::parse(r#"{"sets":[]}"#).is_ok_and(|l| l.is_empty()));
}
