//! The browser at the edge of the shell: each window or document event listener, and each
//! timer, as a named hook, so the shell only says which ones it uses. Listeners are added in
//! effects (never while rendering, which also runs natively) and removed when the shell goes.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::functional::Hook;
use yew::prelude::*;

use super::platform;
use super::state::{AppState, Msg, Storage};
use super::steps::Phase;
use crate::format;
use crate::i18n::Lang;

type Dispatch = UseReducerDispatcher<AppState>;

/// The autosave's memory, shared by the hooks that write or compare saves.
#[derive(Clone)]
pub struct Autosave {
    timer: Rc<RefCell<Option<Timeout>>>,
    /// The file text waiting for the timer, so leaving the page can write it at once.
    waiting: Rc<RefCell<Option<String>>>,
    /// The text this tab wrote last, so a save by another tab can be told apart from our own.
    last_written: Rc<RefCell<Option<String>>>,
}

impl Autosave {
    /// Forgets the pending save, so nothing of a cleared workshop is written afterwards.
    pub fn cancel(&self) {
        self.timer.borrow_mut().take();
        self.waiting.borrow_mut().take();
    }

    /// Writes the text waiting for autosave, if any; `Some(ok)` when something was written.
    fn write_waiting(&self) -> Option<bool> {
        let text = self.waiting.borrow_mut().take()?;
        let ok = platform::save(&text);
        *self.last_written.borrow_mut() = Some(text);
        Some(ok)
    }
}

/// Autosave, debounced: each change restarts a short timer; when it runs out the workshop is
/// written and the storage state (saved or failed) is set. Off when `on` is false (a workshop
/// given by the host or a test) and while storage holds something unreadable or newer.
#[hook]
pub fn use_autosave(state: &UseReducerHandle<AppState>, on: bool) -> Autosave {
    let save =
        Autosave { timer: use_mut_ref(|| None), waiting: use_mut_ref(|| None), last_written: use_mut_ref(|| None) };
    {
        let (state, save) = (state.clone(), save.clone());
        use_effect_with(state.revision, move |_| {
            if on && matches!(state.storage, Storage::Ok | Storage::Failed) && state.revision > 0 {
                *save.waiting.borrow_mut() = Some(format::to_json(state.workshop()));
                let dispatch = state.dispatcher();
                let writer = save.clone();
                *save.timer.borrow_mut() = Some(Timeout::new(300, move || {
                    if let Some(ok) = writer.write_waiting() {
                        dispatch.dispatch(Msg::SetStorage(if ok { Storage::Ok } else { Storage::Failed }));
                    }
                }));
            }
        });
    }
    save
}

/// Leaving the page (`pagehide`): a field still being typed in commits its text first (its
/// change event dispatches, and the reducer runs at once), then whatever is waiting is written.
pub fn use_save_on_leave(state: &UseReducerHandle<AppState>, save: &Autosave, on: bool) -> impl Hook<Output = ()> {
    let (handle, save) = (state.clone(), save.clone());
    use_effect_with((), move |_| {
        let listener = web_sys::window().map(|w| {
            EventListener::new(&w, "pagehide", move |_| {
                let before = handle.revision;
                platform::blur_active();
                if handle.revision != before && on && handle.storage == Storage::Ok {
                    *save.waiting.borrow_mut() = Some(format::to_json(handle.workshop()));
                }
                save.write_waiting();
            })
        });
        move || drop(listener)
    })
}

/// Another tab saving the same workshop (`storage` event): this tab stops saving and asks.
pub fn use_storage_events(dispatch: Dispatch, save: &Autosave) -> impl Hook<Output = ()> {
    let last_written = save.last_written.clone();
    use_effect_with((), move |_| {
        let listener = web_sys::window().map(|w| {
            EventListener::new(&w, "storage", move |event| {
                let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else { return };
                if event.key().as_deref() == Some(platform::STORAGE_KEY) {
                    let theirs = event.new_value();
                    if theirs.is_some() && theirs != *last_written.borrow() {
                        dispatch.dispatch(Msg::SetStorage(Storage::ChangedElsewhere));
                    }
                }
            })
        });
        move || drop(listener)
    })
}

/// Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y undo and redo, except while typing (the field's own undo
/// goes first).
pub fn use_shortcuts(dispatch: Dispatch) -> impl Hook<Output = ()> {
    use_effect_with((), move |_| {
        let listener = web_sys::window().and_then(|w| w.document()).map(|d| {
            // Not passive: preventDefault stops the browser's own undo in the page.
            EventListener::new_with_options(
                &d,
                "keydown",
                EventListenerOptions::enable_prevent_default(),
                move |event| {
                    let Some(e) = event.dyn_ref::<web_sys::KeyboardEvent>() else { return };
                    if !(e.ctrl_key() || e.meta_key()) || is_typing(e) {
                        return;
                    }
                    // Only ASCII "z" and "y" matter, so ASCII lowercasing is enough (and keeps
                    // the Unicode lowercasing of whole strings out of the wasm).
                    let key = e.key().to_ascii_lowercase();
                    let msg = match (key.as_str(), e.shift_key()) {
                        ("z", false) => Msg::Undo,
                        ("z", true) | ("y", _) => Msg::Redo,
                        _ => return,
                    };
                    e.prevent_default();
                    dispatch.dispatch(msg);
                },
            )
        });
        move || drop(listener)
    })
}

fn is_typing(e: &web_sys::KeyboardEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .map(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || el.has_attribute("contenteditable")
        })
        .unwrap_or(false)
}

/// Fold-out menus (`<details>`) close on Escape, on a click elsewhere and on a step change,
/// and only one is open at a time.
#[hook]
pub fn use_dismiss_menus(phase: Phase) {
    use_effect_with((), move |_| {
        let document = web_sys::window().and_then(|w| w.document());
        let listeners = document.map(|d| {
            let on_click = EventListener::new(&d, "click", |event| {
                // Only a person's click: a download link clicked by the app must not close its menu.
                if !event.is_trusted() {
                    return;
                }
                let target = event.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
                platform::close_menus(|menu| !target.as_ref().is_some_and(|t| menu.contains(Some(t))));
            });
            let on_key = EventListener::new(&d, "keydown", |event| {
                let Some(e) = event.dyn_ref::<web_sys::KeyboardEvent>() else { return };
                if e.key() == "Escape" {
                    if let Some(menu) = platform::close_menus(|_| true) {
                        platform::focus_summary(&menu);
                    }
                }
            });
            (on_click, on_key)
        });
        move || drop(listeners)
    });
    use_effect_with(phase, |_| {
        platform::close_menus(|_| true);
    });
}

/// Remembers the interface language on this device for the next visit.
pub fn use_remember_lang(lang: Lang) -> impl Hook<Output = ()> {
    use_effect_with(lang, move |lang| platform::set_setting(platform::LANG_KEY, lang.code()))
}

/// Panics shortly after the first render when asked: only for the test of the crash message.
pub fn use_crash_test(crash: bool) -> impl Hook<Output = ()> {
    use_effect_with((), move |_| {
        if crash {
            Timeout::new(50, || panic!("crash test requested by data-crash-test")).forget();
        }
    })
}
