//! The after-the-charter page (`dist/after.html`): yardstick, congruence, doorfluister-check
//! and versions, on the workshop saved by the workshop page.

#[cfg(target_arch = "wasm32")]
fn main() {
    leidraad::ui::start::<leidraad::ui::pages::AfterApp>(|config| config);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Leidraad runs in the browser: build it with scripts/build.sh and open dist/after.html.");
}
