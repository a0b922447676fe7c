//! The workshop page's live build (`leidraad-room.js`): the workshop page with the live room in
//! it (the Live menu, the join screen, the room's connection and its steps). `boot.js` starts
//! it instead of the workshop page only on a page the room's server sent, and only when the
//! page leads or joins a room: going live was just asked for (see `ui::live::offer_live_switch`),
//! a room is kept on this device (a reload while live), or the address holds a table link. So
//! the page everyone else loads carries none of the room's code.

#[cfg(target_arch = "wasm32")]
fn main() {
    use leidraad::ui::{self, pages::WorkshopApp};
    ui::live::offer_live();
    ui::start::<WorkshopApp>(|config| config);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Leidraad runs in the browser: build it with scripts/build.sh and open dist/index.html.");
}
