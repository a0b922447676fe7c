//! Not a page: the board's cluster suggestions as a wasm module of their own
//! (`dist/leidraad-suggest.js` + `leidraad-suggest_bg.wasm`). Built with the `suggest` profile
//! (opt-level 3, then `wasm-opt -O3`: the engine is hot numeric code, the pages are built for
//! size) and fetched by the workshop page only when suggestions are first asked for
//! (`src/ui/suggest_panel.rs`), or when Collect is shown with cards, for its "looks like a card
//! already there" while typing, and by the inspiration library when it is opened, for its search
//! by other word forms. Question and answer: `leidraad::suggest::wire`, `leidraad::library::wire`.

#[cfg(target_arch = "wasm32")]
mod module {
    use std::cell::RefCell;

    use leidraad::library::{normalised, wire as library_wire};
    use leidraad::suggest::{wire, SimilarIndex};
    use wasm_bindgen::prelude::*;

    thread_local! {
        /// Collect's cards, indexed for "looks like" (replaced when the cards change).
        static CARDS: RefCell<SimilarIndex> = RefCell::new(SimilarIndex::new(&[]));
        /// The inspiration library's texts, indexed for its normalised search (kept for the visit).
        static LIBRARY: RefCell<normalised::Index> = RefCell::new(normalised::Index::new([]));
    }

    /// The suggestions for the loose cards' texts (written one after the other, `lens` their
    /// lengths in bytes), as [`wire::answer`] writes them.
    #[wasm_bindgen]
    pub fn suggest(texts: &str, lens: &[u32]) -> String {
        wire::answer(&wire::decode_texts(texts, lens))
    }

    /// Indexes the cards' texts (written like [`suggest`]'s) for [`similar_query`], in place of
    /// the cards indexed before.
    #[wasm_bindgen]
    pub fn similar_index(texts: &str, lens: &[u32]) {
        let index = SimilarIndex::new(&wire::decode_texts(texts, lens));
        CARDS.with(|c| *c.borrow_mut() = index);
    }

    /// The indexed cards that look like `typed`, as [`wire::similar_answer`] writes them.
    #[wasm_bindgen]
    pub fn similar_query(typed: &str) -> Vec<u32> {
        CARDS.with(|c| wire::similar_answer(&c.borrow(), typed))
    }

    /// Indexes the library's texts ([`library_wire::texts`]) for [`library_search`], in place of
    /// any indexed before.
    #[wasm_bindgen]
    pub fn library_index(texts: &str, lens: &[u32]) {
        let index = library_wire::index(texts, lens);
        LIBRARY.with(|l| *l.borrow_mut() = index);
    }

    /// The library's principles found by other word forms or the same idea, as
    /// [`library_wire::answer`] writes them.
    #[wasm_bindgen]
    pub fn library_search(query: &str) -> Vec<u32> {
        LIBRARY.with(|l| library_wire::answer(&l.borrow(), query))
    }
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("Not a page: the suggestion module, built by scripts/build.sh and fetched by the workshop page.");
}
