//! The cluster suggestions, test by test as the method goes: normalise, stem, find concepts,
//! compare, group, explain, and never panic.

use leidraad::suggest::compound::Known;
use leidraad::suggest::eval::{
    adjusted_rand_index, ari_from_pairs, cross_validate, pair_counts, parse_dictionary, resolve_ambiguous, score,
    term_sources_with, word_overlap_clusters, Cut, Dataset, Principle,
};
use leidraad::suggest::lexicon::{concept_ids_of, CONCEPTS};
use leidraad::suggest::normalise::{content_stems, fold, stem, tokenize};
use leidraad::suggest::{
    similar, similarity_matrix, suggest_clusters, suggest_with_reasons, wire, SimilarIndex, Suggestion,
    SIMILAR_THRESHOLD,
};
use proptest::prelude::*;

fn sim(a: &str, b: &str) -> f32 {
    // Similarity inside a small board, so that IDF is not degenerate.
    let board = [a, b, "veiligheid is de ondergrens", "leren door te doen"];
    similarity_matrix(&board)[1]
}

fn assert_partition(n: usize, groups: &[Vec<usize>]) {
    let mut seen = vec![0usize; n];
    for g in groups {
        assert!(!g.is_empty(), "empty group in {groups:?}");
        for &m in g {
            assert!(m < n, "index {m} out of range {n}");
            seen[m] += 1;
        }
    }
    assert!(seen.iter().all(|&c| c == 1), "not a partition: {groups:?}");
}

// ---------- normalisation ----------

#[test]
fn case_and_diacritics_are_folded() {
    assert_eq!(fold("Één Gezin, één Plan"), "een gezin, een plan");
    assert_eq!(fold("Cliënt CRÈCHE coördinator"), "client creche coordinator");
}

#[test]
fn decomposed_accents_read_like_composed_ones() {
    let composed = tokenize("één cliënt");
    let decomposed = tokenize("e\u{301}e\u{301}n clie\u{308}nt");
    let f = |t: &[leidraad::suggest::normalise::Token]| t.iter().map(|x| x.folded.clone()).collect::<Vec<_>>();
    assert_eq!(f(&composed), f(&decomposed));
}

#[test]
fn stop_words_are_dropped() {
    assert_eq!(
        content_stems("De inwoner staat in het centrum van de zorg"),
        content_stems("inwoner staat centrum zorg")
    );
    assert_eq!(content_stems("de het een en van in op"), Vec::<String>::new());
}

#[test]
fn hyphens_slashes_and_brackets_separate_words() {
    let words: Vec<String> =
        tokenize("wijk-, buurt- en kerngerichtheid; (Pleeg)ouders/verzorgers").into_iter().map(|t| t.folded).collect();
    assert_eq!(words, vec!["wijk", "buurt", "en", "kerngerichtheid", "pleeg", "ouders", "verzorgers"]);
}

#[test]
fn the_numeral_one_reads_as_een() {
    let a: Vec<String> = tokenize("1 gezin").into_iter().map(|t| t.folded).collect();
    assert_eq!(a, vec!["een", "gezin"]);
}

#[test]
fn surface_keeps_the_diacritics_for_display() {
    let t = tokenize("Cliënt");
    assert_eq!(t[0].surface, "cliënt");
    assert_eq!(t[0].folded, "client");
}

// ---------- stemming ----------

#[test]
fn plural_and_singular_share_a_stem() {
    assert_eq!(stem("wijken"), stem("wijk"));
    assert_eq!(stem("voorzieningen"), stem("voorziening"));
    assert_eq!(stem("professionals"), stem("professional"));
    assert_eq!(stem("gezinnen"), stem("gezin"));
}

#[test]
fn derived_forms_share_a_stem() {
    assert_eq!(stem("zelfredzaamheid"), stem("zelfredzaam"));
    assert_eq!(stem("normale"), stem("normaal"));
}

// ---------- lexicon merges ----------

#[test]
fn eigen_regie_and_zelfredzaamheid_are_the_same_concept() {
    assert_eq!(concept_ids_of("eigen regie"), vec!["eigen_kracht"]);
    assert_eq!(concept_ids_of("meer zelfredzaamheid"), vec!["eigen_kracht"]);
    assert_eq!(concept_ids_of("Eigen kracht"), vec!["eigen_kracht"]);
    assert!(sim("eigen regie", "zelfredzaamheid") > 0.8);
}

#[test]
fn dichtbij_in_de_wijk_and_nabij_are_the_same_concept() {
    for t in
        ["zorg dichtbij", "hulp in de wijk", "ondersteuning zo nabij mogelijk", "dicht bij huis", "wijkgerichte teams"]
    {
        assert_eq!(concept_ids_of(t), vec!["dichtbij"], "{t}");
    }
}

#[test]
fn integraal_ontschot_and_een_gezin_een_plan_are_the_same_concept() {
    for t in ["integraal werken", "ontschotting", "één gezin, één plan, één regisseur", "1 gezin 1 plan"] {
        assert_eq!(concept_ids_of(t), vec!["integraal"], "{t}");
    }
    // A statement may hold more than one concept.
    assert_eq!(concept_ids_of("ontschotte budgetten"), vec!["integraal", "sturing"]);
}

#[test]
fn eigen_regie_is_not_read_as_steering_but_gemeente_regie_is() {
    assert_eq!(concept_ids_of("regie op het eigen leven"), vec!["eigen_kracht"]);
    assert_eq!(concept_ids_of("de gemeente voert de regie"), vec!["sturing"]);
    assert_eq!(concept_ids_of("procesregie bij de gemeente"), vec!["sturing"]);
}

#[test]
fn minder_regels_and_bureaucratie_are_the_same_concept_but_regelen_is_not() {
    assert_eq!(concept_ids_of("minder regels"), vec!["eenvoud"]);
    assert_eq!(concept_ids_of("minder bureaucratie"), vec!["eenvoud"]);
    assert!(concept_ids_of("de financiering regelen").iter().all(|c| *c != "eenvoud"));
}

#[test]
fn a_narrower_concept_shares_with_its_broader_one() {
    // mantelzorg is "sociaal netwerk", which belongs to "eigen kracht".
    assert!(sim("ruimte voor mantelzorgers", "eigen kracht") > 0.2);
    assert!(sim("ruimte voor mantelzorgers", "minder bureaucratie") < 0.01);
}

#[test]
fn statements_without_a_shared_word_can_be_similar() {
    assert!(sim("Lokaal wat lokaal kan", "in de buurt") > 0.8);
    assert!(sim("Voorkomen is beter dan genezen", "vroegsignalering") > 0.5);
    assert!(sim("Lokaal wat lokaal kan", "voorkomen is beter dan genezen") < 0.01);
}

#[test]
fn every_concept_has_a_label_and_terms_that_find_it() {
    for c in CONCEPTS {
        assert!(!c.label.is_empty() && c.terms().next().is_some(), "{}", c.id);
        // Some plain term of each concept (no wildcard) is recognised as that concept.
        let plain = c.terms().find(|t| !t.contains('*') && !t.starts_with('='));
        if let Some(t) = plain {
            assert!(concept_ids_of(t).contains(&c.id), "{} does not find {}", t, c.id);
        }
    }
}

// ---------- clustering ----------

const BOARD: [&str; 9] = [
    "Eigen regie van de inwoner",
    "Dichtbij, in de wijk",
    "Zelfredzaamheid en eigen kracht",
    "Integraal werken: één gezin, één plan",
    "Zorg zo nabij mogelijk",
    "Ontschotten van budgetten",
    "Inwoners nemen zelf de regie",
    "Lokaal wat lokaal kan",
    "Niet doorverwijzen maar erbij halen",
];

#[test]
fn every_statement_is_in_exactly_one_group() {
    let groups = suggest_clusters(&BOARD);
    assert_partition(BOARD.len(), &groups);
}

#[test]
fn the_number_of_groups_follows_from_the_statements() {
    let groups = suggest_clusters(&BOARD);
    assert_eq!(groups, vec![vec![0, 2, 6], vec![1, 4, 7], vec![3, 5, 8]]);
}

#[test]
fn empty_board_gives_no_groups_and_one_card_one_group() {
    assert!(suggest_clusters(&[]).is_empty());
    assert_eq!(suggest_clusters(&["preventie"]), vec![vec![0]]);
}

#[test]
fn identical_statements_are_grouped_together() {
    let texts = ["Eigen kracht", "Minder regels", "Eigen kracht", "Preventie", "Minder regels"];
    let groups = suggest_clusters(&texts);
    assert_partition(texts.len(), &groups);
    let group_of = |i: usize| groups.iter().position(|g| g.contains(&i));
    assert_eq!(group_of(0), group_of(2));
    assert_eq!(group_of(1), group_of(4));
    assert_ne!(group_of(0), group_of(1));
}

#[test]
fn unrelated_statements_stay_apart() {
    let texts = ["veiligheid is de ondergrens", "houd het simpel", "leren door te doen", "zakelijk partnerschap"];
    assert_eq!(suggest_clusters(&texts).len(), 4);
}

#[test]
fn groups_are_ordered_and_the_result_is_deterministic() {
    let a = suggest_clusters(&BOARD);
    let b = suggest_clusters(&BOARD);
    assert_eq!(a, b);
    for g in &a {
        assert!(g.windows(2).all(|w| w[0] < w[1]));
    }
    assert!(a.windows(2).all(|w| w[0][0] < w[1][0]));
}

// ---------- explanations ----------

#[test]
fn reasons_are_readable_words_not_stems() {
    let s = suggest_with_reasons(&BOARD);
    let members: Vec<Vec<usize>> = s.iter().map(|x| x.members.clone()).collect();
    assert_eq!(members, suggest_clusters(&BOARD));
    assert_eq!(s[0].shared_terms[0], "eigen kracht");
    assert_eq!(s[1].shared_terms[0], "dichtbij");
    assert_eq!(s[2].shared_terms[0], "integraal werken");
}

#[test]
fn shared_words_keep_their_written_form() {
    let texts = ["Cliënten hebben keuzevrijheid", "Meer keuzevrijheid voor cliënten", "Veiligheid voorop"];
    let s: Vec<Suggestion> = suggest_with_reasons(&texts);
    let group = s.iter().find(|g| g.members == vec![0, 1]).expect("the two keuzevrijheid cards together");
    assert!(group.shared_terms.contains(&"inwoner centraal".to_string()), "{:?}", group.shared_terms);
}

// ---------- similar while typing ----------

#[test]
fn similar_finds_the_card_that_means_the_same() {
    let hits = similar(&BOARD, "zelfregie");
    let found: Vec<usize> = hits.iter().map(|h| h.0).collect();
    assert!(!found.is_empty());
    for i in &found[..3] {
        assert!([0, 2, 6].contains(i), "{hits:?}");
    }
}

#[test]
fn similar_is_best_first_and_above_the_threshold() {
    let hits = similar(&BOARD, "zorg in de wijk, dicht bij de mensen");
    assert!(!hits.is_empty());
    assert!(hits.windows(2).all(|w| w[0].1 >= w[1].1));
    assert!(hits.iter().all(|h| h.1 >= SIMILAR_THRESHOLD && h.1 <= 1.0));
    assert!(similar(&BOARD, "kwaliteit van jeugdbescherming").is_empty());
}

#[test]
fn similar_on_an_empty_board_or_text_finds_nothing() {
    assert!(similar(&[], "eigen kracht").is_empty());
    assert!(similar(&BOARD, "").is_empty());
    assert!(similar(&BOARD, "de het een").is_empty());
    let index = SimilarIndex::new(&BOARD);
    assert_eq!(index.len(), BOARD.len());
    assert_eq!(index.query("lokaal"), similar(&BOARD, "lokaal"));
}

#[test]
fn the_looks_like_answer_across_the_two_modules_is_exactly_the_query() {
    // What the page sends (the cards' texts, then the typed text) and reads back equals
    // `SimilarIndex::query` on the page's side, similarities to the bit.
    let (all, lens) = wire::encode_texts(&BOARD);
    let index = SimilarIndex::new(&wire::decode_texts(&all, &lens));
    let direct = SimilarIndex::new(&BOARD);
    for typed in
        ["zorg in de wijk, dicht bij de mensen", "lokaal", "eigen kracht", "", "kwaliteit van jeugdbescherming"]
    {
        let found = wire::decode_similar(&wire::similar_answer(&index, typed));
        assert_eq!(found, direct.query(typed), "{typed}");
        let bits = |v: &[(usize, f32)]| v.iter().map(|(i, s)| (*i, s.to_bits())).collect::<Vec<_>>();
        assert_eq!(bits(&found), bits(&direct.query(typed)), "{typed}");
    }
    assert!(!wire::decode_similar(&wire::similar_answer(&index, "zorg in de wijk, dicht bij de mensen")).is_empty());
    assert_eq!(wire::decode_similar(&[3, 1.0f32.to_bits(), 7]), vec![(3, 1.0)]);
}

// ---------- robustness ----------

#[test]
fn odd_inputs_do_not_panic() {
    let long = "eigen kracht ".repeat(800);
    let no_spaces = "x".repeat(10_000);
    let texts = [
        "",
        "   ",
        "🙂🙂🙂",
        "\u{200F}\u{202E}eigen regie\u{202C}",
        "مرحبا بالعالم",
        "İstanbul ǅemal ﬁnance",
        "e\u{301}\u{301}\u{301}",
        &long,
        &no_spaces,
        "1 2 3 4 5",
        "\0\t\n",
    ];
    let groups = suggest_clusters(&texts);
    assert_partition(texts.len(), &groups);
    let _ = suggest_with_reasons(&texts);
    for t in &texts {
        let _ = similar(&texts, t);
        let _ = tokenize(t);
    }
}

// ---------- evaluation ----------

#[test]
fn ari_is_one_for_the_same_partition_under_other_names() {
    assert!((adjusted_rand_index(&[0, 0, 1, 1, 2], &["a", "a", "b", "b", "c"]) - 1.0).abs() < 1e-12);
    assert!(adjusted_rand_index(&[0, 0, 1, 1], &[0, 1, 0, 1]) < 0.0);
}

#[test]
fn an_ambiguous_statement_takes_the_label_of_its_group() {
    let p = |theme: &str, alt: Option<&str>| Principle {
        title: String::new(),
        explanation: None,
        theme: theme.into(),
        ambiguous: alt.is_some(),
        alt_theme: alt.map(|a| a.into()),
    };
    let items = [p("a", None), p("a", None), p("b", Some("a")), p("b", None)];
    let refs: Vec<&Principle> = items.iter().collect();
    assert_eq!(resolve_ambiguous(&refs, &[vec![0, 1, 2], vec![3]]), vec!["a", "a", "a", "b"]);
    assert_eq!(resolve_ambiguous(&refs, &[vec![0, 1], vec![2, 3]]), vec!["a", "a", "b", "b"]);
}

#[test]
fn pair_counted_ari_over_all_pairs_is_the_standard_ari() {
    let truth: Vec<String> = ["a", "a", "b", "b", "c", "c", "c"].iter().map(|s| s.to_string()).collect();
    let pred = [0usize, 0, 0, 1, 1, 2, 2];
    let all = pair_counts(&truth, &pred, &|_, _| true);
    assert!((ari_from_pairs(all) - adjusted_rand_index(&truth, &pred)).abs() < 1e-9);
}

#[test]
fn cross_validation_leaves_out_terms_found_only_in_the_held_out_set() {
    let Some(data) = dev_set() else { return };
    // With no method texts nothing counts as general, so every term a held-out set uses is
    // left out of its fold, and the figure must not exceed the in-sample one by much.
    let cv = cross_validate(&data, &[], false);
    assert_eq!(cv.folds.len(), data.sets.len());
    assert!(cv.terms_left_out > data.sets.len(), "{}", cv.terms_left_out);
    let items = data.principles();
    let titles: Vec<String> = items.iter().map(|p| p.text(false)).collect();
    let refs: Vec<&str> = titles.iter().map(|s| s.as_str()).collect();
    assert!(cv.ari < score(&items, &suggest_clusters(&refs)).ari, "{}", cv.ari);
}

// ---------- generalisation: filler, compounds, title above explanation, a second idea ----------

#[test]
fn filler_words_never_make_cards_share_something() {
    assert_eq!(sim("Maatwerk boven standaardoplossingen", "Preventie gaat boven genezing"), 0.0);
    assert_eq!(sim("Langs de lijnen van elkaar heen", "Elkaar helpen langs de weg heen"), 0.0);
}

#[test]
fn compounds_split_into_known_words() {
    let known = Known::new(["keuken", "tafel", "gesprek", "zorg", "gezondheid"]);
    assert_eq!(known.split("keukentafelgesprek"), vec!["keuken", "tafel", "gesprek"]);
    assert_eq!(known.split("gezondheidszorg"), vec!["gezondheid", "zorg"]);
    assert!(known.split("ontschotting").is_empty());
    assert!(known.split("").is_empty());
    assert!(sim("Het keukentafelgesprek als start", "Een goed gesprek voeren") > 0.0);
}

#[test]
fn the_title_weighs_more_than_the_explanation() {
    let board = [
        "Preventie voorop\nWe werken samen met scholen",
        "Voorkomen is beter dan genezen",
        "Samenwerken met scholen en partners",
        "veiligheid is de ondergrens",
    ];
    let m = similarity_matrix(&board);
    assert!(m[1] > m[2], "title match {} should beat explanation match {}", m[1], m[2]);
    assert!(m[2] > 0.0, "the explanation still counts");
}

#[test]
fn a_card_with_a_second_idea_notes_the_other_group() {
    let board = [
        "Preventie voorop",
        "Inzetten op preventie en vroegsignalering",
        "Voorkomen is beter dan genezen",
        "Eigen kracht van inwoners",
        "Zelfredzaamheid versterken",
        "Eigen regie bij de inwoner",
        "Meer preventie en meer eigen verantwoordelijkheid",
    ];
    let s = suggest_with_reasons(&board);
    let home = s.iter().find(|g| g.members.contains(&6)).expect("card 6 is in a group");
    assert!(home.members.len() > 1, "{s:?}");
    let note = home.also_fits.iter().find(|a| a.card == 6).unwrap_or_else(|| panic!("no note in {s:?}"));
    assert!(!note.terms.is_empty() && note.terms.iter().all(|t| !home.shared_terms.contains(t)), "{s:?}");
    // Cards with one idea get no note.
    assert!(s.iter().flat_map(|g| &g.also_fits).all(|a| a.card == 6), "{s:?}");
}

/// The labelled dev set, shipped in `data/principles-dev.json`. Missing data is a
/// failure, not a skip: a quality claim that is not checked should not pass.
fn dev_set() -> Option<Dataset> {
    let path = std::env::var("LEIDRAAD_DEV_DATA")
        .unwrap_or_else(|_| format!("{}/data/principles-dev.json", env!("CARGO_MANIFEST_DIR")));
    let json = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("the dev set is needed at {path} (or set LEIDRAAD_DEV_DATA): {e}"));
    Some(Dataset::from_json(&json).expect("the dev set parses"))
}

#[test]
fn suggestions_clearly_beat_word_overlap_on_the_dev_set() {
    let Some(data) = dev_set() else { return };
    let items = data.principles();
    for with_explanation in [true, false] {
        let texts: Vec<String> = items.iter().map(|p| p.text(with_explanation)).collect();
        let refs: Vec<&str> = texts.iter().map(|s| s.as_str()).collect();
        let ours = score(&items, &suggest_clusters(&refs));
        let base = score(&items, &word_overlap_clusters(&refs, Cut::Modularity));
        assert!(ours.ari > base.ari + 0.3, "ours {ours:?} baseline {base:?}");
        assert!((8..=25).contains(&ours.groups), "{ours:?}");
    }
}

// ---------- invariants over random input ----------

fn statement() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        Just("eigen".to_string()),
        Just("kracht".to_string()),
        Just("regie".to_string()),
        Just("wijk".to_string()),
        Just("één".to_string()),
        Just("1".to_string()),
        Just("gezin".to_string()),
        Just("plan".to_string()),
        Just("preventie".to_string()),
        Just("de".to_string()),
        Just("🙂".to_string()),
        Just("\u{200F}".to_string()),
        "[a-zA-Zëéï]{1,12}",
        any::<String>(),
    ];
    prop::collection::vec(word, 0..12).prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn random_boards_are_partitioned(texts in prop::collection::vec(statement(), 0..40)) {
        let refs: Vec<&str> = texts.iter().map(|s| s.as_str()).collect();
        let groups = suggest_clusters(&refs);
        assert_partition(refs.len(), &groups);
        let with_reasons = suggest_with_reasons(&refs);
        let members: Vec<Vec<usize>> = with_reasons.iter().map(|s| s.members.clone()).collect();
        prop_assert_eq!(members, groups);
    }

    #[test]
    fn random_queries_give_valid_ranked_hits(texts in prop::collection::vec(statement(), 0..30), q in statement()) {
        let refs: Vec<&str> = texts.iter().map(|s| s.as_str()).collect();
        let hits = similar(&refs, &q);
        prop_assert!(hits.iter().all(|&(i, s)| i < refs.len() && (SIMILAR_THRESHOLD..=1.0).contains(&s)));
        prop_assert!(hits.windows(2).all(|w| w[0].1 >= w[1].1));
        let mut idx: Vec<usize> = hits.iter().map(|h| h.0).collect();
        idx.sort();
        idx.dedup();
        prop_assert_eq!(idx.len(), hits.len());
    }

    #[test]
    fn similarity_is_symmetric_and_bounded(texts in prop::collection::vec(statement(), 1..20)) {
        let refs: Vec<&str> = texts.iter().map(|s| s.as_str()).collect();
        let n = refs.len();
        let m = similarity_matrix(&refs);
        for i in 0..n {
            prop_assert_eq!(m[i * n + i], 0.0);
            for j in 0..n {
                prop_assert!((0.0..=1.0).contains(&m[i * n + j]));
                prop_assert!((m[i * n + j] - m[j * n + i]).abs() < 1e-5);
            }
        }
    }
}

// ---------- scale ----------

/// A board of `n` distinct statements from the field's vocabulary (deterministic).
fn big_board(n: usize) -> Vec<String> {
    let phrases = [
        "eigen regie",
        "zorg dichtbij in de wijk",
        "integraal werken",
        "minder regels",
        "preventie voorop",
        "ruimte voor de professional",
        "samenwerken met partners",
        "leren en verbeteren",
        "veiligheid is de ondergrens",
        "meedoen naar vermogen",
        "de inwoner centraal",
        "sociale basis versterken",
    ];
    let words = ["gezin", "buurt", "school", "werk", "wonen", "schulden", "mantelzorg", "sport", "taal", "geld"];
    (0..n)
        .map(|i| {
            let p = phrases[i % phrases.len()];
            let w = words[(i / phrases.len()) % words.len()];
            format!("{p} met {w} kaart{i}")
        })
        .collect()
}

#[test]
fn twenty_thousand_cards_never_panic_and_stay_bounded() {
    use leidraad::suggest::{
        suggest_for_board, suggest_with_stats, Suggested, EDGE_BUDGET, MAX_LOOSE_CARDS, MIN_NEIGHBOURS, POSTINGS_BUDGET,
    };
    let texts = big_board(20_000);
    let refs: Vec<&str> = texts.iter().map(|s| s.as_str()).collect();
    let (groups, stats) = suggest_with_stats(&refs);
    let members: Vec<Vec<usize>> = groups.iter().map(|g| g.members.clone()).collect();
    assert_partition(refs.len(), &members);
    // Cards that say the same thing are grouped; not everything is one group.
    assert!(groups.iter().any(|g| g.members.len() >= 2));
    assert!(groups.len() > 1);
    // No structure grows with the square of the cards: the graph is bounded by the edge budget
    // (or the minimum neighbours per card) and the index walk by its budget.
    assert_eq!(stats.cards, 20_000);
    assert!(stats.neighbours <= (EDGE_BUDGET / 20_000).max(MIN_NEIGHBOURS), "{stats:?}");
    assert!(stats.edges <= stats.cards * stats.neighbours, "{stats:?}");
    assert!(stats.edges <= EDGE_BUDGET.max(20_000 * MIN_NEIGHBOURS), "{stats:?}");
    assert!(stats.postings_visited <= POSTINGS_BUDGET, "{stats:?}");
    // The board's entry point answers with the groups at this size and refuses plainly above it.
    assert!(matches!(suggest_for_board(&refs[..1000]), Suggested::Groups(g) if !g.is_empty()));
    let too_many = big_board(MAX_LOOSE_CARDS + 1);
    let refs: Vec<&str> = too_many.iter().map(|s| s.as_str()).collect();
    assert_eq!(suggest_for_board(&refs), Suggested::TooManyCards { cards: MAX_LOOSE_CARDS + 1, max: MAX_LOOSE_CARDS });
}

#[test]
fn the_graph_keeps_every_similar_pair_on_a_board_of_workshop_size() {
    // Up to the edge budget nothing is pruned, so the groups are those of the full matrix:
    // the same average linkage and cut computed on the n×n similarities.
    let texts = big_board(300);
    let refs: Vec<&str> = texts.iter().map(|s| s.as_str()).collect();
    let n = refs.len();
    let m = similarity_matrix(&refs);
    let dense = leidraad::suggest::cluster::cluster_by_modularity(&m, n, 1.5);
    assert_eq!(suggest_clusters(&refs), dense);
    let (sparse, stats) = leidraad::suggest::suggest_with_stats(&refs);
    assert_eq!(sparse.into_iter().map(|s| s.members).collect::<Vec<_>>(), dense);
    assert_eq!(stats.skipped_terms, 0);
    let nonzero = (0..n).flat_map(|i| (i + 1..n).map(move |j| (i, j))).filter(|&(i, j)| m[i * n + j] > 0.0).count();
    assert_eq!(stats.edges, nonzero);
}

/// Average linkage the slow, obvious way: join the two groups whose members are most similar on
/// average, recomputing that average from the matrix each time. The merge heights, most similar
/// first.
fn naive_average_linkage(sim: &[f32], n: usize) -> Vec<f32> {
    let mut groups: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    let mut heights = Vec::new();
    while groups.len() > 1 {
        let mean = |a: &[usize], b: &[usize]| {
            let total: f64 = a.iter().flat_map(|&i| b.iter().map(move |&j| f64::from(sim[i * n + j]))).sum();
            total / (a.len() * b.len()) as f64
        };
        let mut best = (0, 1, f64::NEG_INFINITY);
        for a in 0..groups.len() {
            for b in a + 1..groups.len() {
                let m = mean(&groups[a], &groups[b]);
                if m > best.2 {
                    best = (a, b, m);
                }
            }
        }
        let taken = groups.remove(best.1);
        groups[best.0].extend(taken);
        heights.push(best.2 as f32);
    }
    heights.sort_by(|a, b| b.total_cmp(a));
    heights
}

#[test]
fn the_fast_linkage_builds_the_dendrogram_of_the_obvious_one() {
    // Random symmetric similarity matrices, a third of the pairs without any similarity (89:
    // the fast one compacts its matrix twice on the way).
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((state >> 40) as f32) / ((1u64 << 24) as f32)
    };
    for n in [2usize, 3, 5, 8, 13, 21, 34, 89] {
        let mut sim = vec![0f32; n * n];
        for i in 0..n {
            for j in i + 1..n {
                let v = if next() < 0.33 { 0.0 } else { next() };
                sim[i * n + j] = v;
                sim[j * n + i] = v;
            }
        }
        let fast: Vec<f32> = leidraad::suggest::cluster::average_linkage(&sim, n).iter().map(|m| m.height).collect();
        let slow = naive_average_linkage(&sim, n);
        assert_eq!(fast.len(), slow.len(), "n = {n}");
        for (f, s) in fast.iter().zip(&slow) {
            assert!((f - s).abs() < 1e-4, "n = {n}: {fast:?} against {slow:?}");
        }
        // The version that reuses the matrix gives the groups of the one that copies it.
        assert_eq!(
            leidraad::suggest::cluster::cluster_matrix_by_modularity(sim.clone(), n, 1.5),
            leidraad::suggest::cluster::cluster_by_modularity(&sim, n, 1.5),
            "n = {n}"
        );
    }
}

/// The method texts of `data/method/` as (file name, text), the digest first.
fn method_texts() -> Vec<(String, String)> {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut paths: Vec<std::path::PathBuf> = std::fs::read_dir(format!("{root}/data/method"))
        .expect("data/method")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.file_name().and_then(|n| n.to_str()) != Some("README.md"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("").to_string();
            (name, std::fs::read_to_string(p).expect("method text"))
        })
        .collect()
}

/// The folded words of one method text, in order.
fn method_words(name: &str) -> Vec<String> {
    let text = method_texts().into_iter().find(|(n, _)| n == name).map(|(_, t)| fold(&t)).unwrap_or_default();
    text.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect()
}

/// The rows of `data/lexicon-dictionary.tsv`.
fn dictionary() -> Vec<leidraad::suggest::eval::DictionaryWord> {
    let root = env!("CARGO_MANIFEST_DIR");
    parse_dictionary(&std::fs::read_to_string(format!("{root}/data/lexicon-dictionary.tsv")).expect("dictionary"))
}

/// The text of `data/lexicon-sources.tsv`.
fn sources_table() -> String {
    let root = env!("CARGO_MANIFEST_DIR");
    std::fs::read_to_string(format!("{root}/data/lexicon-sources.tsv")).expect("data/lexicon-sources.tsv")
}

/// Its rows, split on tabs.
fn source_rows(table: &str) -> Vec<Vec<&str>> {
    table.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).map(|l| l.split('\t').collect()).collect()
}

#[test]
fn every_lexicon_entry_says_where_it_came_from() {
    // The table data/lexicon-sources.tsv names, for every term of the lexicon, the first method
    // text that has its wording, else the general resource that ties it to one, or "none" with a
    // note; it must agree with the lexicon as it is.
    let table = sources_table();
    let rows = source_rows(&table);
    let method = method_texts();
    assert_eq!(method.first().map(|m| m.0.as_str()), Some("METHOD.md"), "the digest is searched first");
    let data = dev_set().expect("data/principles-dev.json");
    let sources = term_sources_with(&data, &method, &dictionary());
    let terms: usize = CONCEPTS.iter().map(|c| c.terms().count()).sum();
    assert_eq!(sources.len(), terms);
    assert_eq!(rows.len(), terms, "one row per lexicon term");
    for (row, s) in rows.iter().zip(&sources) {
        let source = s.source.as_deref().unwrap_or("none");
        let dev_sets = s.dev_sets.to_string();
        let expected = [s.concept, s.term, source, dev_sets.as_str()];
        assert_eq!(row.get(..4), Some(&expected[..]), "row {row:?} against {s:?}");
        if s.source.is_none() {
            assert!(
                row.get(4).map(|n| !n.trim().is_empty()).unwrap_or(false),
                "a term without a source says so: {row:?}"
            );
        }
    }
}

#[test]
fn every_row_of_the_general_resources_points_at_a_method_text_that_has_it() {
    // A freedict row derives from a term of the same concept whose own source is that method
    // text; a simplemma row names words that the method text has; a compound row joins two
    // method words. Only the resources' own step
    // (the translation, the lemma) is not checked here: scripts/lexicon-dictionary.py repeats it.
    let table = sources_table();
    let rows = source_rows(&table);
    let method = method_texts();
    let dict = dictionary();
    for resource in ["freedict", "simplemma", "compound"] {
        assert!(dict.iter().any(|d| d.resource == resource), "{resource}");
    }
    for d in &dict {
        assert!(CONCEPTS.iter().any(|c| c.id == d.concept), "{d:?}");
        match d.resource.as_str() {
            "freedict" => assert!(
                rows.iter().any(|r| r.first() == Some(&d.concept.as_str())
                    && r.get(1) == Some(&d.via.as_str())
                    && r.get(2) == Some(&d.via_source.as_str())),
                "the via term is a term of the concept found in the method text: {d:?}"
            ),
            "simplemma" => {
                let via: Vec<&str> = d.via.split(' ').collect();
                let words = method_words(&d.via_source);
                assert!(words.windows(via.len()).any(|w| w == via.as_slice()), "{d:?} is in {}", d.via_source);
            }
            "compound" => {
                // Two method words (up to the named text) written together, with a linking letter or two.
                let upto: Vec<String> = method
                    .iter()
                    .take_while(|(n, _)| *n != d.via_source)
                    .map(|(n, _)| n.clone())
                    .chain([d.via_source.clone()])
                    .collect();
                let words: Vec<String> = upto.iter().flat_map(|n| method_words(n)).collect();
                let (modifier, head) = d.via.split_once(" + ").expect("PART + PART");
                assert!(words.iter().any(|w| w == modifier) && words.iter().any(|w| w == head), "{d:?}");
                let link = d.word.strip_prefix(modifier).and_then(|r| r.strip_suffix(head));
                assert!(matches!(link, Some("" | "s" | "e" | "en")), "{d:?}");
            }
            other => panic!("unknown resource {other}: {d:?}"),
        }
    }
    // A term sourced by a resource names one of its rows.
    for r in rows.iter().filter(|r| r.get(2).map(|s| s.ends_with(".txt)") || s.ends_with(".md)")).unwrap_or(false)) {
        assert!(dict.iter().any(|d| Some(&d.source().as_str()) == r.get(2)), "{r:?}");
    }
}

#[test]
fn a_resource_s_finding_counts_as_general_for_its_own_concept_only() {
    // "nabijheid" is a freedict synonym of dichtbij's "dichtbij": general for dichtbij, and the same
    // word as a row of another concept would not make dichtbij's term general.
    let data = dev_set().expect("data/principles-dev.json");
    let row = |concept: &str| leidraad::suggest::eval::DictionaryWord {
        concept: concept.into(),
        word: "nabijheid".into(),
        via: "dichtbij".into(),
        via_source: "METHOD.md".into(),
        resource: "freedict".into(),
    };
    let general = |dict: &[leidraad::suggest::eval::DictionaryWord]| {
        leidraad::suggest::eval::term_origins_with(&data, &[], dict)
            .into_iter()
            .find(|o| o.term == "nabijheid")
            .map(|o| o.general)
    };
    assert_eq!(general(&[]), Some(false));
    assert_eq!(general(&[row("dichtbij")]), Some(true));
    assert_eq!(general(&[row("preventie")]), Some(false));
}

// ---------- across two wasm modules (suggest::wire) ----------

/// What the board's panel shows from `suggest_for_board`: the groups of two or more.
fn shown(s: leidraad::suggest::Suggested) -> leidraad::suggest::Suggested {
    use leidraad::suggest::Suggested;
    match s {
        Suggested::Groups(g) => Suggested::Groups(g.into_iter().filter(|g| g.members.len() >= 2).collect()),
        other => other,
    }
}

/// The whole trip: the page writes the texts, the module reads them and answers, the page reads
/// the answer.
fn through_the_module(texts: &[&str]) -> Option<leidraad::suggest::Suggested> {
    use leidraad::suggest::wire;
    let (all, lens) = wire::encode_texts(texts);
    wire::decode_answer(&wire::answer(&wire::decode_texts(&all, &lens)))
}

#[test]
fn the_module_s_answer_is_what_the_board_got_before() {
    use leidraad::suggest::suggest_for_board;
    let path = format!("{}/data/principles-dev.json", env!("CARGO_MANIFEST_DIR"));
    let data = Dataset::from_json(&std::fs::read_to_string(path).unwrap()).unwrap();
    for full in [false, true] {
        let texts: Vec<String> = data.principles().iter().map(|p| p.text(full)).collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let direct = shown(suggest_for_board(&refs));
        // The dev set has groups with reasons and cards with a second idea: the test sees all parts.
        let leidraad::suggest::Suggested::Groups(groups) = &direct else { panic!("groups expected") };
        assert!(groups.iter().any(|g| !g.also_fits.is_empty()) && groups.iter().all(|g| !g.shared_terms.is_empty()));
        assert_eq!(through_the_module(&refs), Some(direct));
    }
    let board = big_board(1000);
    let refs: Vec<&str> = board.iter().map(String::as_str).collect();
    assert_eq!(through_the_module(&refs), Some(shown(suggest_for_board(&refs))));
    assert_eq!(through_the_module(&[]), Some(leidraad::suggest::Suggested::Groups(vec![])));
}

#[test]
fn too_many_cards_cross_the_module_too() {
    use leidraad::suggest::{wire, Suggested, MAX_LOOSE_CARDS};
    let texts = vec![""; MAX_LOOSE_CARDS + 1];
    assert_eq!(
        wire::decode_answer(&wire::answer(&texts)),
        Some(Suggested::TooManyCards { cards: MAX_LOOSE_CARDS + 1, max: MAX_LOOSE_CARDS })
    );
    // Not an answer (a module of another version): nothing, not a wrong board.
    assert_eq!(wire::decode_answer("x\ty"), None);
    assert_eq!(wire::decode_answer("!12"), None);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn random_boards_cross_the_module_unchanged(texts in prop::collection::vec(statement(), 0..40)) {
        let refs: Vec<&str> = texts.iter().map(|s| s.as_str()).collect();
        let (all, lens) = leidraad::suggest::wire::encode_texts(&refs);
        prop_assert_eq!(leidraad::suggest::wire::decode_texts(&all, &lens), refs.clone());
        prop_assert_eq!(through_the_module(&refs), Some(shown(leidraad::suggest::suggest_for_board(&refs))));
    }
}
