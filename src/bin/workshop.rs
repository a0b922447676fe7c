//! The workshop page (`dist/index.html`), or its projector view when the page is opened with
//! `?leidraad=projector` (a second window that follows the working one).

#[cfg(target_arch = "wasm32")]
fn main() {
    use leidraad::ui::{self, facilitate, pages::WorkshopApp};
    if facilitate::is_projector_page() {
        ui::start::<facilitate::Projector>(|config| facilitate::ProjectorProps { lang: config.lang });
    } else {
        // The Live menu, for when the room's server sent this page.
        ui::live::offer_live();
        ui::start::<WorkshopApp>(|config| config);
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Leidraad runs in the browser: build it with scripts/build.sh and open dist/index.html.");
}
