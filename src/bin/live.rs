//! The participant page of a live room (`dist/join.html`, the address the room's QR code
//! gives): join with the room code, write cards, place one's own dots.

#[cfg(target_arch = "wasm32")]
fn main() {
    leidraad::ui::start::<leidraad::ui::live::Participant>(|config| leidraad::ui::live::ParticipantProps {
        lang: config.lang,
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Leidraad runs in the browser: build it with scripts/build.sh and open dist/join.html.");
}
