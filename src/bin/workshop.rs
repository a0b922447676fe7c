//! The workshop page (`dist/index.html`). Its projector view (`?leidraad=projector`) is a build
//! of its own (src/bin/projector.rs), and so is the page with the live room in it
//! (src/bin/room.rs): `boot.js` picks the build.

#[cfg(target_arch = "wasm32")]
fn main() {
    use leidraad::ui::{self, pages::WorkshopApp};
    // The Live switch, for when the room's server sent this page: going live reloads the page
    // into its live build (src/bin/room.rs), so this page holds no room code.
    ui::live::offer_live_switch();
    ui::start::<WorkshopApp>(|config| config);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Leidraad runs in the browser: build it with scripts/build.sh and open dist/index.html.");
}
