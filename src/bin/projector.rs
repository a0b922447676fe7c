//! The projector view of the workshop page (`leidraad-projector.js`): the second window the
//! facilitator opens on the projector (the workshop page's address with `?leidraad=projector`),
//! which follows the working one. `boot.js` starts it instead of the workshop page for that
//! address, so the page everyone loads carries none of the projector's screens.

#[cfg(target_arch = "wasm32")]
fn main() {
    use leidraad::ui::{self, facilitate};
    ui::start::<facilitate::Projector>(|config| facilitate::ProjectorProps { lang: config.lang });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Leidraad runs in the browser: build it with scripts/build.sh and open dist/index.html.");
}
