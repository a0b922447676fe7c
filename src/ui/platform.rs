//! The browser edge: storage, files, ids, dialogs. Small functions so the domain never sees
//! web-sys, and components call one named thing for each outside effect.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbRequest, IdbTransactionMode};

use crate::format::{self, FileError};
use crate::workshop::{Id, IdSource, Workshop};

/// The key of the autosaved workshop (the version is inside the text), in IndexedDB and, where
/// that is missing or for a workshop saved by an older build, in local storage.
pub const STORAGE_KEY: &str = "leidraad.workshop";
/// The key of the work typed while the stored workshop cannot be read: that one stays untouched.
pub const ASIDE_KEY: &str = "leidraad.workshop.aside";
/// The local-storage key of the chosen language.
pub const LANG_KEY: &str = "leidraad.lang";
/// The IndexedDB database and its one object store (text values under the keys above).
const DB: &str = "leidraad";
/// The channel on which tabs of the app on this device tell each other about saves and clearing.
const STORAGE_CHANNEL: &str = "leidraad.storage";
/// What local storage holds at most, in UTF-16 units (about 5.2 million in current browsers).
const LOCAL_LIMIT: f64 = 5_000_000.0;

thread_local! {
    /// The open database, once [`load`] has opened it; `None` where IndexedDB is unavailable.
    static DATABASE: RefCell<Option<IdbDatabase>> = const { RefCell::new(None) };
    /// The text last read or written under [`STORAGE_KEY`], for the crash message's download
    /// (a panic cannot wait for IndexedDB).
    static LAST_STORED: RefCell<Option<Rc<str>>> = const { RefCell::new(None) };
    /// This tab's end of the storage channel: posts from it never reach its own listener.
    static CHANNEL: Option<web_sys::BroadcastChannel> = web_sys::BroadcastChannel::new(STORAGE_CHANNEL).ok();
}

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

/// What [`load`] found: the stored workshop, the work kept aside from an unreadable one, and
/// whether this browser can save at all.
pub struct Loaded {
    pub stored: Stored,
    pub aside: Option<Workshop>,
    pub works: bool,
}

fn local() -> Option<web_sys::Storage> {
    // Natively (tests, server-side rendering) there is no browser to ask.
    if cfg!(not(target_arch = "wasm32")) {
        return None;
    }
    web_sys::window()?.local_storage().ok().flatten()
}

fn database() -> Option<IdbDatabase> {
    DATABASE.with(|d| d.borrow().clone())
}

/// Waits for an IndexedDB request; its result, or `Err` when it failed.
async fn answer(request: &IdbRequest) -> Result<JsValue, JsValue> {
    let done = js_sys::Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    JsFuture::from(done).await?;
    request.result()
}

/// Opens (and at first creates) the app's database; `None` where IndexedDB is missing or refused.
async fn open_database() -> Option<IdbDatabase> {
    if cfg!(not(target_arch = "wasm32")) {
        return None;
    }
    let request = web_sys::window()?.indexed_db().ok()??.open_with_u32(DB, 1).ok()?;
    let creating = request.clone();
    let create = Closure::once(move || {
        if let Some(db) = creating.result().ok().and_then(|r| r.dyn_into::<IdbDatabase>().ok()) {
            let _ = db.create_object_store(DB);
        }
    });
    request.set_onupgradeneeded(Some(create.as_ref().unchecked_ref()));
    let db = answer(&request).await.ok()?.dyn_into::<IdbDatabase>().ok();
    request.set_onupgradeneeded(None);
    db
}

/// Runs one change on the object store; `true` once the transaction has been committed.
async fn change(db: &IdbDatabase, what: impl FnOnce(&IdbObjectStore) -> Result<IdbRequest, JsValue>) -> bool {
    let Ok(tx) = db.transaction_with_str_and_mode(DB, IdbTransactionMode::Readwrite) else { return false };
    if tx.object_store(DB).and_then(|store| what(&store)).is_err() {
        return false;
    }
    let done = js_sys::Promise::new(&mut |resolve, reject| {
        tx.set_oncomplete(Some(&resolve));
        tx.set_onerror(Some(&reject));
        tx.set_onabort(Some(&reject));
    });
    JsFuture::from(done).await.is_ok()
}

/// The text under a key: local storage first, else IndexedDB. Local storage holds the key only
/// where the app saves there (no IndexedDB), where an older build saved, or where leaving the
/// page wrote it at once and IndexedDB may not have finished: each time it is the newer text
/// (a save that reaches IndexedDB removes it).
async fn read(key: &str) -> Option<String> {
    if let Some(text) = local().and_then(|s| s.get_item(key).ok().flatten()) {
        return Some(text);
    }
    if let Some(db) = database() {
        let request = db.transaction_with_str(DB).and_then(|tx| tx.object_store(DB)).and_then(|s| s.get(&key.into()));
        if let Ok(request) = request {
            return answer(&request).await.ok().and_then(|v| v.as_string());
        }
    }
    None
}

/// Opens the storage and reads the autosaved workshop, and the work kept aside from an
/// unreadable one.
pub async fn load() -> Loaded {
    let db = open_database().await;
    let works = db.is_some() || local_works();
    DATABASE.with(|d| *d.borrow_mut() = db);
    let aside = read(ASIDE_KEY).await.and_then(|t| format::from_json(&t).ok());
    let stored = match read(STORAGE_KEY).await {
        None => Stored::Nothing,
        Some(raw) => {
            LAST_STORED.with(|l| *l.borrow_mut() = Some(raw.as_str().into()));
            match format::from_json(&raw) {
                Ok(w) => Stored::Workshop(Box::new(w)),
                Err(error) => Stored::Unreadable { raw, error },
            }
        }
    };
    Loaded { stored, aside, works }
}

/// Whether local storage lets us write (not in some private modes, or when switched off).
fn local_works() -> bool {
    let Some(s) = local() else { return false };
    let probe = "leidraad.probe";
    let ok = s.set_item(probe, "1").is_ok();
    let _ = s.remove_item(probe);
    ok
}

/// Writes the autosave under `key` and tells the other tabs. `false` when storage is full or
/// unavailable. A workshop saved by an older build in local storage is removed once it is safe
/// in IndexedDB (that frees local storage's few megabytes).
pub async fn save(key: &'static str, text: Rc<str>) -> bool {
    let ok = match database() {
        Some(db) => {
            let ok = change(&db, |store| store.put_with_key(&JsValue::from_str(&text), &key.into())).await;
            if ok {
                if let Some(s) = local() {
                    let _ = s.remove_item(key);
                }
            }
            ok
        }
        None => local().map(|s| s.set_item(key, &text).is_ok()).unwrap_or(false),
    };
    if ok && key == STORAGE_KEY {
        LAST_STORED.with(|l| *l.borrow_mut() = Some(text));
        tell_tabs("saved");
    }
    ok
}

/// Writes `text` under `key` in local storage at once, for a page being left: IndexedDB's
/// write may not finish once the page is gone. Failure (too large) leaves the IndexedDB write.
pub fn save_now(key: &str, text: &str) {
    if let Some(s) = local() {
        let _ = s.set_item(key, text);
    }
}

/// Whether the browser has little room left after a save of `len` UTF-16 units: less than
/// another copy of the same size (IndexedDB, asked through `navigator.storage.estimate()` where
/// the browser offers it), or four fifths of local storage's limit used.
pub async fn space_low(len: usize) -> bool {
    let len = len as f64;
    if database().is_none() {
        return len > 0.8 * LOCAL_LIMIT;
    }
    let Some(manager) = web_sys::window().map(|w| w.navigator().storage()) else { return false };
    let Some(estimate) = manager.estimate().ok().map(JsFuture::from) else { return false };
    let Ok(estimate) = estimate.await.map(JsCast::unchecked_into::<web_sys::StorageEstimate>) else { return false };
    match (estimate.get_quota(), estimate.get_usage()) {
        (Some(quota), Some(usage)) => quota - usage < 2.0 * len,
        _ => false,
    }
}

/// The text last stored as the workshop, for the crash message (no waiting after a panic).
pub fn last_stored() -> Option<Rc<str>> {
    LAST_STORED.with(|l| l.try_borrow().ok().and_then(|l| l.clone()))
}

/// Posts a word to the app's other tabs on this device.
fn tell_tabs(word: &str) {
    CHANNEL.with(|c| c.as_ref().map(|c| c.post_message(&word.into())));
}

/// The word another tab posted on the storage channel (`"saved"` or `"cleared"`), given to
/// `heard`, for as long as the returned listener is kept.
pub fn listen_to_tabs(heard: impl Fn(String) + 'static) -> Option<EventListener> {
    CHANNEL.with(|c| {
        c.as_ref().map(|c| {
            EventListener::new(c, "message", move |event| {
                if let Some(word) = event.dyn_ref::<web_sys::MessageEvent>().and_then(|m| m.data().as_string()) {
                    heard(word);
                }
            })
        })
    })
}

/// Removes everything Leidraad keeps in this browser's storage, in IndexedDB and in local
/// storage, and tells the other tabs to forget it too. `false` when storage refused.
pub async fn clear_device() -> bool {
    // Told before and after: a tab hearing the first stops its pending save at once.
    tell_tabs("cleared");
    LAST_STORED.with(|l| l.borrow_mut().take());
    let mut ok = match local() {
        Some(s) => {
            let len = s.length().unwrap_or(0);
            let keys: Vec<String> =
                (0..len).filter_map(|i| s.key(i).ok().flatten()).filter(|k| k.starts_with("leidraad.")).collect();
            keys.iter().all(|k| s.remove_item(k).is_ok())
        }
        None => true,
    };
    if let Some(db) = database() {
        ok &= change(&db, IdbObjectStore::clear).await;
    }
    tell_tabs("cleared");
    ok
}

/// Forgets the work kept aside (the user chose to start anew over the unreadable workshop).
pub async fn forget_aside() {
    if let Some(db) = database() {
        change(&db, |store| store.delete(&ASIDE_KEY.into())).await;
    }
    if let Some(s) = local() {
        let _ = s.remove_item(ASIDE_KEY);
    }
}

/// Reads a small setting (from local storage: read at once, while the page starts).
pub fn setting(key: &str) -> Option<String> {
    local().and_then(|s| s.get_item(key).ok().flatten())
}

/// Writes a small setting; failure is harmless.
pub fn set_setting(key: &str, value: &str) {
    if let Some(s) = local() {
        let _ = s.set_item(key, value);
    }
}

/// Removes a small setting; failure is harmless.
pub fn remove_setting(key: &str) {
    if let Some(s) = local() {
        let _ = s.remove_item(key);
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

/// The address of a file the build puts beside `boot.js` (the inspiration library, the
/// suggestions' module): beside `boot.js` also when a host page embeds the app from a static
/// folder, else beside the page.
pub fn asset_url(file: &str) -> String {
    let document = web_sys::window().and_then(|w| w.document());
    let page = document.as_ref().and_then(|d| d.base_uri().ok().flatten()).unwrap_or_default();
    let boot = document
        .and_then(|d| d.query_selector("script[src*='boot.js']").ok().flatten())
        .and_then(|s| s.get_attribute("src"))
        .and_then(|src| web_sys::Url::new_with_base(&src, &page).ok())
        .map(|u| u.href())
        .unwrap_or(page);
    web_sys::Url::new_with_base(file, &boot).map(|u| u.href()).unwrap_or_else(|_| file.to_string())
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

/// Gives the focus to the element matching `selector` just before the browser draws the next
/// frame (the element is looked up then). Focusing at once, right after a render, made the
/// browser bring the page's style and layout up to date there and then (to scroll the element
/// into view), and again for the frame: about a quarter of a keyboard move on a board of 3,000
/// cards. Just before the frame that work is the frame's own, done once; the focus is drawn in
/// the very frame that shows the moved card.
pub fn focus_before_next_frame(selector: String) {
    let Some(window) = web_sys::window() else { return };
    let focus = wasm_bindgen::closure::Closure::once_into_js(move || focus(&selector));
    if window.request_animation_frame(focus.unchecked_ref()).is_err() {
        // No frame to wait for: focus at once.
        if let Ok(f) = focus.dyn_into::<js_sys::Function>() {
            let _ = f.call0(&wasm_bindgen::JsValue::NULL);
        }
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

/// Writes `value` under `key` in this tab's session storage; `false` when the browser refused.
pub fn set_session(key: &str, value: &str) -> bool {
    session().is_some_and(|s| s.set_item(key, value).is_ok())
}

/// Reads and removes `key` from this tab's session storage.
pub fn take_session(key: &str) -> Option<String> {
    let s = session()?;
    let value = s.get_item(key).ok().flatten();
    let _ = s.remove_item(key);
    value
}

/// Whether the browser knows itself online (`navigator.onLine`: `false` means surely offline).
pub fn online() -> bool {
    web_sys::window().is_some_and(|w| w.navigator().on_line())
}

/// Loads this page again (from the browser's cache where it can).
pub fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// The step this tab last showed on a page (its slug), so a reload or the way back from the
/// after-the-charter page returns there. Per tab (session storage), and never in the URL: the
/// host page's address and history stay the host's.
pub fn remembered_step(page: &str) -> Option<String> {
    session().and_then(|s| s.get_item(&format!("leidraad.step.{page}")).ok().flatten())
}

/// Remembers the step a page shows, for [`remembered_step`]; failure is harmless.
pub fn remember_step(page: &str, slug: &str) {
    set_session(&format!("leidraad.step.{page}"), slug);
}
