//! The board's suggestions across two wasm modules: the workshop page sends the loose cards'
//! texts to the suggestion module (`src/bin/suggest.rs`, built for speed and fetched when first
//! asked for) and reads its answer back. Both sides are plain functions here, tested natively.
//!
//! - **Question**: the texts written one after the other, with each text's length in bytes
//!   ([`encode_texts`]); the module cuts them apart again ([`decode_texts`]).
//! - **Answer** ([`answer`]): `!cards max` when there are too many loose cards, else one line
//!   per proposed group of two or more cards: its members (indices, space separated), a tab,
//!   its shared terms (separated by `|`), then per card with a second idea a tab, the card and
//!   the other group's terms (`card|term|term`). Terms never hold a tab, a newline or a `|`:
//!   they are words as written (letters and digits) or the lexicon's labels.
//!
//! [`decode_answer`] gives exactly what [`suggest_for_board`] gives, without the groups of one.
//!
//! Collect's "looks like a card already there" while typing asks the same module: the page sends
//! the cards' texts once per change of the cards (the module keeps a [`SimilarIndex`] of them),
//! then each typed text. The **answer** ([`similar_answer`]) is what [`SimilarIndex::query`]
//! gives, as numbers: per card found its index, then its similarity's bits (`f32::to_bits`, so
//! [`decode_similar`] gives exactly the same value, and the page needs no float reading).

use super::{suggest_for_board, AlsoFits, SimilarIndex, Suggested, Suggestion};

/// The texts as one string and each one's length in bytes.
pub fn encode_texts(texts: &[&str]) -> (String, Vec<u32>) {
    let mut all = String::with_capacity(texts.iter().map(|t| t.len()).sum());
    let mut lens = Vec::with_capacity(texts.len());
    for t in texts {
        all.push_str(t);
        lens.push(t.len() as u32);
    }
    (all, lens)
}

/// The texts of [`encode_texts`] again. A length that does not fit (never from
/// [`encode_texts`]) gives an empty text rather than a panic.
pub fn decode_texts<'a>(all: &'a str, lens: &[u32]) -> Vec<&'a str> {
    let mut at = 0usize;
    lens.iter()
        .map(|&len| {
            let end = at.saturating_add(len as usize);
            let text = all.get(at..end).unwrap_or("");
            at = end;
            text
        })
        .collect()
}

/// The module's answer for the texts: [`suggest_for_board`] written as described above.
pub fn answer(texts: &[&str]) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    match suggest_for_board(texts) {
        Suggested::TooManyCards { cards, max } => {
            let _ = write!(out, "!{cards} {max}");
        }
        Suggested::Groups(groups) => {
            for g in groups.iter().filter(|g| g.members.len() >= 2) {
                for (i, m) in g.members.iter().enumerate() {
                    let _ = write!(out, "{}{m}", if i == 0 { "" } else { " " });
                }
                out.push('\t');
                out.push_str(&g.shared_terms.join("|"));
                for a in &g.also_fits {
                    let _ = write!(out, "\t{}", a.card);
                    for t in &a.terms {
                        out.push('|');
                        out.push_str(t);
                    }
                }
                out.push('\n');
            }
        }
    }
    out
}

/// The groups of an [`answer`], or `None` when it is not one (a module of another version).
pub fn decode_answer(answer: &str) -> Option<Suggested> {
    if let Some(rest) = answer.strip_prefix('!') {
        let (cards, max) = rest.split_once(' ')?;
        return Some(Suggested::TooManyCards { cards: cards.parse().ok()?, max: max.parse().ok()? });
    }
    let terms = |s: &str| -> Vec<String> { s.split('|').filter(|t| !t.is_empty()).map(str::to_string).collect() };
    let mut groups = Vec::new();
    for line in answer.lines() {
        let mut fields = line.split('\t');
        let members = fields.next()?.split(' ').map(|m| m.parse().ok()).collect::<Option<Vec<usize>>>()?;
        let shared_terms = terms(fields.next()?);
        let mut also_fits = Vec::new();
        for f in fields {
            let (card, rest) = f.split_once('|').unwrap_or((f, ""));
            also_fits.push(AlsoFits { card: card.parse().ok()?, terms: terms(rest) });
        }
        groups.push(Suggestion { members, shared_terms, also_fits });
    }
    Some(Suggested::Groups(groups))
}

/// The cards of `index` that look like `typed` ([`SimilarIndex::query`]), written as described
/// above: index, similarity's bits, index, ...
pub fn similar_answer(index: &SimilarIndex, typed: &str) -> Vec<u32> {
    index.query(typed).into_iter().flat_map(|(i, s)| [i as u32, s.to_bits()]).collect()
}

/// The (index, similarity) list of a [`similar_answer`]; an odd last number (never from
/// [`similar_answer`]) is left out.
pub fn decode_similar(answer: &[u32]) -> Vec<(usize, f32)> {
    answer.chunks_exact(2).map(|p| (p[0] as usize, f32::from_bits(p[1]))).collect()
}
