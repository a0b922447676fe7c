//! The browser edge: storage, files, ids, dialogs. Small functions so the domain never sees
//! web-sys, and components call one named thing for each outside effect.

use wasm_bindgen::JsCast;

use crate::format::{self, FileError};
use crate::workshop::{Id, IdSource, Workshop};

/// The local-storage key of the autosaved workshop (the version is inside the text).
pub const STORAGE_KEY: &str = "leidraad.workshop";
/// The local-storage key of the chosen language.
pub const LANG_KEY: &str = "leidraad.lang";

/// What was found in storage at start.
pub enum Stored {
    Nothing,
    Workshop(Box<Workshop>),
    /// Text that is there but cannot be read: never overwritten without the user's choice.
    Unreadable {
        raw: String,
        error: FileError,
    },
}

fn storage() -> Option<web_sys::Storage> {
    // Natively (tests, server-side rendering) there is no browser to ask.
    if cfg!(not(target_arch = "wasm32")) {
        return None;
    }
    web_sys::window()?.local_storage().ok().flatten()
}

/// Reads the autosaved workshop.
pub fn load() -> Stored {
    let Some(raw) = storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten()) else {
        return Stored::Nothing;
    };
    match format::from_json(&raw) {
        Ok(w) => Stored::Workshop(Box::new(w)),
        Err(error) => Stored::Unreadable { raw, error },
    }
}

/// Whether this browser lets us write at all (not in some private modes, or when switched off).
pub fn storage_works() -> bool {
    let Some(s) = storage() else { return false };
    let probe = "leidraad.probe";
    let ok = s.set_item(probe, "1").is_ok();
    let _ = s.remove_item(probe);
    ok
}

/// Writes the autosave. `false` when storage is full or unavailable.
pub fn save(text: &str) -> bool {
    storage().map(|s| s.set_item(STORAGE_KEY, text).is_ok()).unwrap_or(false)
}

/// Removes everything Leidraad keeps in this browser's storage. `false` when storage refused.
pub fn clear_device() -> bool {
    let Some(s) = storage() else { return true };
    let len = s.length().unwrap_or(0);
    let keys: Vec<String> =
        (0..len).filter_map(|i| s.key(i).ok().flatten()).filter(|k| k.starts_with("leidraad.")).collect();
    keys.iter().all(|k| s.remove_item(k).is_ok())
}

/// Reads a small setting.
pub fn setting(key: &str) -> Option<String> {
    storage().and_then(|s| s.get_item(key).ok().flatten())
}

/// Writes a small setting; failure is harmless.
pub fn set_setting(key: &str, value: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(key, value);
    }
}

/// Offers text as a file download, without any server.
pub fn download(filename: &str, mime: &str, text: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Ok(a) = document.create_element("a") {
        if let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() {
            a.set_href(&url);
            a.set_download(filename);
            a.set_hidden(true);
            if let Some(body) = document.body() {
                let _ = body.append_child(&a);
                a.click();
                let _ = body.remove_child(&a);
            }
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Offers the whole workshop as its file (the autosave format), named after its title like
/// every other download (`leidraad-sociaal-domein.json`), from whichever menu.
pub fn download_workshop(workshop: &crate::workshop::Workshop) {
    let name = crate::export::name::file_name("leidraad", &workshop.setup.title, "json");
    download(&name, "application/json", &crate::format::to_json(workshop));
}

/// Asks yes or no with the browser's own (keyboard-accessible) dialog.
pub fn confirm(question: &str) -> bool {
    web_sys::window().and_then(|w| w.confirm_with_message(question).ok()).unwrap_or(false)
}

/// Moves keyboard focus to the first element matching a CSS selector (after a re-render).
pub fn focus(selector: &str) {
    let el = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = el {
        let _ = el.focus();
    }
}

/// Closes the app's open fold-out menus for which `close` says yes; returns the last one closed.
pub fn close_menus(close: impl Fn(&web_sys::Element) -> bool) -> Option<web_sys::Element> {
    let document = web_sys::window()?.document()?;
    let open =
        document.query_selector_all(".leidraad details.ld-menu[open], .leidraad details.ld-file-menu[open]").ok()?;
    let mut last = None;
    for i in 0..open.length() {
        if let Some(menu) = open.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
            if close(&menu) {
                let _ = menu.remove_attribute("open");
                last = Some(menu);
            }
        }
    }
    last
}

/// Takes focus from the element that has it, so a field being edited commits its text.
pub fn blur_active() {
    let active = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element());
    if let Some(el) = active.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.blur();
    }
}

/// Puts focus back on a menu's own button (its `<summary>`).
pub fn focus_summary(menu: &web_sys::Element) {
    if let Some(s) =
        menu.query_selector("summary").ok().flatten().and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = s.focus();
    }
}

/// Random ids from the browser's cryptographic generator, unique across laptops.
pub struct BrowserIds;

impl IdSource for BrowserIds {
    fn next_id(&mut self, prefix: &str) -> Id {
        let mut bits = [0u8; 12];
        let crypto = web_sys::window().and_then(|w| w.crypto().ok());
        let filled = crypto.map(|c| c.get_random_values_with_u8_array(&mut bits).is_ok()).unwrap_or(false);
        if !filled {
            // Without crypto (very old browsers): time and Math.random, still unlikely to clash.
            let t = js_sys::Date::now() as u64;
            bits[..8].copy_from_slice(&t.to_le_bytes());
            let r = (js_sys::Math::random() * f64::from(u32::MAX)) as u32;
            bits[8..].copy_from_slice(&r.to_le_bytes());
        }
        Id::from_random(prefix, bits)
    }
}

/// A fresh id for a new item.
pub fn new_id(prefix: &str) -> Id {
    BrowserIds.next_id(prefix)
}

fn session() -> Option<web_sys::Storage> {
    // Natively (tests, server-side rendering) there is no browser to ask.
    if cfg!(not(target_arch = "wasm32")) {
        return None;
    }
    web_sys::window()?.session_storage().ok().flatten()
}

/// The step this tab last showed on a page (its slug), so a reload or the way back from the
/// after-the-charter page returns there. Per tab (session storage), and never in the URL: the
/// host page's address and history stay the host's.
pub fn remembered_step(page: &str) -> Option<String> {
    session().and_then(|s| s.get_item(&format!("leidraad.step.{page}")).ok().flatten())
}

/// Remembers the step a page shows, for [`remembered_step`]; failure is harmless.
pub fn remember_step(page: &str, slug: &str) {
    if let Some(s) = session() {
        let _ = s.set_item(&format!("leidraad.step.{page}"), slug);
    }
}
