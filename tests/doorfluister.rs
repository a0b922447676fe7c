//! The doorfluister-check as a hint: on pairs written for it (`tests/data/whisper-pairs.tsv`,
//! half paraphrases of a principle's why, half unrelated answers), a paraphrase should look
//! like the why and rank above an unrelated answer. Prints the figures the report quotes.

use leidraad::after::doorfluister::{looks_like, similarity};

/// (why, answer, is a paraphrase) from the committed pairs.
fn pairs() -> Vec<(String, String, bool)> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/whisper-pairs.tsv");
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut parts = l.split('\t');
            Some((parts.next()?.to_string(), parts.next()?.to_string(), parts.next()? == "1"))
        })
        .collect()
}

#[test]
fn a_paraphrase_ranks_above_an_unrelated_answer() {
    let pairs = pairs();
    let paraphrases = pairs.iter().filter(|p| p.2).count();
    assert!(pairs.len() >= 40 && paraphrases * 2 == pairs.len(), "{} pairs, {paraphrases} paraphrases", pairs.len());
    let scored: Vec<(&str, f32, bool)> =
        pairs.iter().map(|(why, a, p)| (why.as_str(), similarity(why, a), *p)).collect();
    // Per why: its paraphrase against its unrelated answer.
    let mut same_why = (0, 0);
    for (why, s, _) in scored.iter().filter(|x| x.2) {
        for (_, u, _) in scored.iter().filter(|x| !x.2 && x.0 == *why) {
            same_why.1 += 1;
            if s > u {
                same_why.0 += 1;
            }
        }
    }
    // Over all pairs: every paraphrase against every unrelated answer (the AUC).
    let (mut above, mut all) = (0usize, 0usize);
    for (_, s, _) in scored.iter().filter(|x| x.2) {
        for (_, u, _) in scored.iter().filter(|x| !x.2) {
            all += 1;
            if s > u {
                above += 1;
            }
        }
    }
    let hinted = scored.iter().filter(|(_, s, p)| looks_like(*s) == *p).count();
    eprintln!(
        "doorfluister pairs: {} of {} paraphrases above the unrelated answer to the same why; {above} of {all} \
         ({:.0}%) over all pairs; the hint right on {hinted} of {} pairs",
        same_why.0,
        same_why.1,
        100.0 * above as f64 / all as f64,
        scored.len()
    );
    for (why, s, p) in &scored {
        if looks_like(*s) != *p {
            eprintln!("  hint wrong ({s:.2}, paraphrase: {p}): {why:.50}");
        }
    }
    assert!(same_why.0 * 10 >= same_why.1 * 9, "at least 90% of paraphrases rank above the unrelated answer");
    assert!(above * 10 >= all * 9, "at least 90% over all pairs");
    assert!(hinted * 10 >= scored.len() * 8, "the hint is right on at least 80% of the pairs");
}

#[test]
fn the_example_from_practice_a_paraphrase_looks_like_and_must_does_not() {
    let why = "Ouderen blijven zo lang mogelijk zelfstandig thuis wonen, met hulp uit de buurt.";
    let paraphrase = "Mensen op leeftijd moeten in hun eigen huis kunnen blijven, geholpen door buren.";
    let must = "Omdat het moet van de gemeente.";
    assert!(similarity(why, paraphrase) > similarity(why, must));
    assert!(looks_like(similarity(why, paraphrase)));
    assert!(!looks_like(similarity(why, must)));
}
