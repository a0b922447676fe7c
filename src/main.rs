//! The browser entry: read the host page's configuration, install the crash message, mount.

#[cfg(target_arch = "wasm32")]
fn main() {
    leidraad::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Leidraad runs in the browser: build it with scripts/build.sh and open dist/index.html.");
}
