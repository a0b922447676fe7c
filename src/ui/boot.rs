//! Mounting into the host page, and the friendly crash message.

use wasm_bindgen::{JsCast, JsValue};

use yew::BaseComponent;

use super::config::Config;
use super::platform;
use super::steps::Phase;
use crate::i18n::{DeviceText, Lang};

/// Starts a page: finds the mount element (`#leidraad` or `[data-leidraad]`, else a new one at
/// the end of `<body>`), reads its `data-` configuration, installs the crash message and renders
/// the page's root component `C` with the props `props` makes from the configuration.
pub fn start<C>(props: impl FnOnce(Config) -> C::Properties)
where
    C: BaseComponent,
{
    if let Some((root, config)) = mount() {
        yew::Renderer::<C>::with_root_and_props(root, props(config)).render();
    }
}

/// The mount element and its configuration, with the crash message installed. Not generic, so
/// a binary that can start two root components (the workshop and its projector) has it once.
#[inline(never)]
fn mount() -> Option<(web_sys::Element, Config)> {
    let document = web_sys::window()?.document()?;
    let root = document.query_selector("#leidraad, [data-leidraad]").ok().flatten().or_else(|| {
        let div = document.create_element("div").ok()?;
        document.body()?.append_child(&div).ok()?;
        Some(div)
    })?;
    let lang = root.get_attribute("data-lang").map(|c| Lang::from_code(&c));
    install_panic_message(lang.unwrap_or_default());
    let list = |name: &str| -> Option<Vec<String>> {
        root.get_attribute(name).map(|v| v.split(',').map(|x| x.trim().to_string()).filter(|x| !x.is_empty()).collect())
    };
    let config = Config {
        lang,
        start: None,
        title: root.get_attribute("data-title").filter(|t| !t.trim().is_empty()),
        groups: list("data-groups"),
        phases: list("data-phases").map(|l| l.iter().filter_map(|s| Phase::from_slug(s)).collect()),
        crash_test: root.has_attribute("data-crash-test"),
        live: root.has_attribute("data-live"),
        after_href: root.get_attribute("data-after-href").filter(|h| !h.trim().is_empty()),
        workshop_href: root.get_attribute("data-workshop-href").filter(|h| !h.trim().is_empty()),
    };
    Some((root, config))
}

/// On a panic the app stops; this puts a plain message with a download of the last autosave
/// in its place. It uses no Rust code after the panic: a plain link to a Blob.
///
/// Installed through Yew, which otherwise replaces any panic hook with its own when it renders.
fn install_panic_message(lang: Lang) {
    yew::set_custom_panic_hook(Box::new(move |info| {
        web_sys::console::error_1(&format!("Leidraad: {info}").into());
        let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
        let Ok(box_el) = document.create_element("div") else { return };
        box_el.set_class_name("ld-crash");
        let _ = box_el.set_attribute("role", "alert");
        let p = document.create_element("p").ok();
        if let Some(p) = &p {
            p.set_text_content(Some(DeviceText::Crashed.get(lang)));
            let _ = box_el.append_child(p);
        }
        // What this tab last read or wrote (IndexedDB cannot be waited for after a panic).
        let saved = platform::last_stored().or_else(|| platform::setting(platform::STORAGE_KEY).map(Into::into));
        if let Some(text) = saved {
            let parts = js_sys::Array::of1(&JsValue::from_str(&text));
            let options = web_sys::BlobPropertyBag::new();
            options.set_type("application/json");
            let url = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
                .ok()
                .and_then(|b| web_sys::Url::create_object_url_with_blob(&b).ok());
            if let (Some(url), Ok(a)) = (url, document.create_element("a")) {
                if let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() {
                    a.set_href(&url);
                    a.set_download("leidraad-werksessie.json");
                    a.set_class_name("ld-button");
                    a.set_text_content(Some(DeviceText::DownloadWorkshop.get(lang)));
                    let _ = box_el.append_child(&a);
                }
            }
        }
        let root = document
            .query_selector("#leidraad, [data-leidraad]")
            .ok()
            .flatten()
            .or_else(|| document.body().map(Into::into));
        if let Some(root) = root {
            let _ = root.prepend_with_node_1(&box_el);
        }
    }));
}
