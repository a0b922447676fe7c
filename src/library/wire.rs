//! The library's normalised search across two wasm modules: the workshop page runs the literal
//! search itself and, where it finds nothing, asks the suggestion module (`src/bin/suggest.rs`),
//! which carries the lexicon and stemmer this page does not. Both sides are plain functions here,
//! tested natively.
//!
//! - **The library** ([`texts`]): once per visit, every principle's title and the rest of its
//!   text ([`Library::normalised_texts`]), two texts per principle in library order, written as
//!   the suggestions' question is ([`crate::suggest::wire::encode_texts`]). The module keeps an
//!   [`Index`] of them ([`index`]).
//! - **A search** ([`answer`]): the query as it is; the answer is the places of the principles
//!   found, best first ([`Index::search`]), which [`decode`] turns into the same [`Hit`]s, in the
//!   same order, as [`Library::search_normalised`] gives.

use super::normalised::Index;
use super::{Hit, Library};
use crate::suggest::wire::{decode_texts, encode_texts};

/// The library's texts for the module's [`index`]: (all texts, their lengths in bytes).
pub fn texts(lib: &Library) -> (String, Vec<u32>) {
    let texts = lib.normalised_texts();
    let flat: Vec<&str> = texts.iter().flat_map(|(title, rest)| [*title, rest.as_str()]).collect();
    encode_texts(&flat)
}

/// The module's index of the library's [`texts`]. A last text without its pair (never from
/// [`texts`]) is left out.
pub fn index(all: &str, lens: &[u32]) -> Index {
    let texts = decode_texts(all, lens);
    Index::new(texts.chunks_exact(2).map(|p| (p[0], p[1])))
}

/// The module's answer to a search: the places of the principles found, best first.
pub fn answer(index: &Index, query: &str) -> Vec<u32> {
    index.search(query).into_iter().map(|i| i as u32).collect()
}

/// The hits of an [`answer`] in `lib`; a place the library does not have (never from the
/// module's index of this library) is left out.
pub fn decode(lib: &Library, answer: &[u32]) -> Vec<Hit> {
    lib.hits_at(answer.iter().map(|&i| i as usize))
}
