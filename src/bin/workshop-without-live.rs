//! Not a page: the workshop page's binary (`src/bin/workshop.rs`) without its Live switch, so
//! that nothing of the live room is linked in. `scripts/size-live.sh` builds it beside the real
//! one; the difference in size is what the live room costs the page everyone loads.

#[cfg(target_arch = "wasm32")]
fn main() {
    use leidraad::ui::{self, pages::WorkshopApp};
    ui::start::<WorkshopApp>(|config| config);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Not a page: built by scripts/size-live.sh to measure the live room's share.");
}
