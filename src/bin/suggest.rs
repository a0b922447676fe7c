//! Not a page: the board's cluster suggestions as a wasm module of their own
//! (`dist/leidraad-suggest.js` + `leidraad-suggest_bg.wasm`). Built with the `suggest` profile
//! (opt-level 3, then `wasm-opt -O3`: the engine is hot numeric code, the pages are built for
//! size) and fetched by the workshop page only when suggestions are first asked for
//! (`src/ui/suggest_panel.rs`). Question and answer: `leidraad::suggest::wire`.

#[cfg(target_arch = "wasm32")]
mod module {
    use leidraad::suggest::wire;
    use wasm_bindgen::prelude::*;

    /// The suggestions for the loose cards' texts (written one after the other, `lens` their
    /// lengths in bytes), as [`wire::answer`] writes them.
    #[wasm_bindgen]
    pub fn suggest(texts: &str, lens: &[u32]) -> String {
        wire::answer(&wire::decode_texts(texts, lens))
    }
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("Not a page: the suggestion module, built by scripts/build.sh and fetched by the workshop page.");
}
