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
use crate::i18n::{self, Lang};
use crate::workshop::Workshop;

type Dispatch = UseReducerDispatcher<AppState>;
/// The workshop waiting for the autosave, and whether it goes aside.
type Waiting = Option<(bool, Rc<Workshop>)>;

/// The autosave's memory, shared by the hooks that write or compare saves.
#[derive(Clone)]
pub struct Autosave {
    timer: Rc<RefCell<Option<Timeout>>>,
    /// The workshop waiting for the timer, and whether it goes aside (beside an unreadable
    /// stored workshop), so leaving the page can write it at once. Kept as the shared workshop
    /// and written out only when the timer runs out: on a big board, serialising on every
    /// change would slow down each move by the size of the whole workshop.
    waiting: Rc<RefCell<Waiting>>,
    /// The text this tab wrote last, so a save by another tab can be told apart from our own.
    last_written: Rc<RefCell<Option<String>>>,
    dispatch: Dispatch,
}

impl Autosave {
    /// Forgets the pending save, so nothing of a cleared workshop is written afterwards.
    pub fn cancel(&self) {
        self.timer.borrow_mut().take();
        self.waiting.borrow_mut().take();
    }

    /// Writes the text waiting for autosave, if any, then sets the storage state from the
    /// result. `leaving`: the page is going, so the text is also written at once where that can
    /// be done synchronously.
    fn write_waiting(&self, leaving: bool) {
        let Some((aside, workshop)) = self.waiting.borrow_mut().take() else { return };
        let text = format::to_json(&workshop);
        *self.last_written.borrow_mut() = Some(text.clone());
        let dispatch = self.dispatch.clone();
        let key = if aside { platform::ASIDE_KEY } else { platform::STORAGE_KEY };
        if leaving {
            platform::save_now(key, &text);
        }
        yew::platform::spawn_local(async move {
            let len = text.encode_utf16().count();
            let ok = platform::save(key, text.into()).await;
            let space_low = ok && platform::space_low(len).await;
            dispatch.dispatch(Msg::Saved { ok, space_low });
        });
    }
}

/// Reads the stored workshop once, when the shell first renders (IndexedDB answers later), and
/// puts it in place of the placeholder. Off when `on` is false (a workshop given by the host or
/// a test).
#[hook]
pub fn use_load(dispatch: Dispatch, fresh: impl Fn() -> Workshop + 'static, lang: Lang, on: bool) {
    use_effect_with((), move |_| {
        if on {
            yew::platform::spawn_local(async move {
                let platform::Loaded { stored, aside, works } = platform::load().await;
                let (workshop, storage) = match stored {
                    platform::Stored::Workshop(w) => (*w, Storage::Ok),
                    // Private mode or storage switched off: say so from the start.
                    platform::Stored::Nothing if !works => (fresh(), Storage::Failed),
                    platform::Stored::Nothing => (fresh(), Storage::NotYet),
                    platform::Stored::Unreadable { raw, error } => {
                        let storage = Storage::Unreadable {
                            raw: raw.into(),
                            reason: i18n::file_error(&error, lang),
                            aside: aside.is_some(),
                        };
                        (aside.unwrap_or_else(fresh), storage)
                    }
                };
                dispatch.dispatch(Msg::Loaded { workshop: Box::new(workshop), storage });
            });
        }
    });
}

/// Autosave, debounced: each change restarts a short timer; when it runs out the workshop is
/// written and the storage state (saved or failed) is set. Off when `on` is false (a workshop
/// given by the host or a test), while loading and after another tab saved; beside an
/// unreadable stored workshop it writes under a key of its own.
#[hook]
pub fn use_autosave(state: &UseReducerHandle<AppState>, on: bool) -> Autosave {
    let save = Autosave {
        timer: use_mut_ref(|| None),
        waiting: use_mut_ref(|| None),
        last_written: use_mut_ref(|| None),
        dispatch: state.dispatcher(),
    };
    {
        let (state, save) = (state.clone(), save.clone());
        use_effect_with(state.revision, move |_| {
            if let Some(aside) = state.storage.saves_aside().filter(|_| on && state.revision > 0) {
                *save.waiting.borrow_mut() = Some((aside, state.history.present_rc()));
                let writer = save.clone();
                *save.timer.borrow_mut() = Some(Timeout::new(300, move || writer.write_waiting(false)));
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
                if let Some(aside) = handle.storage.saves_aside().filter(|_| on && handle.revision != before) {
                    *save.waiting.borrow_mut() = Some((aside, handle.history.present_rc()));
                }
                save.write_waiting(true);
            })
        });
        move || drop(listener)
    })
}

/// Another tab of the app on this device saved (the storage channel, or a `storage` event
/// where the app saves in local storage): this tab stops saving and asks. Another tab cleared
/// the device: `cleared` forgets this tab's workshop too, so it is never written back.
pub fn use_storage_events(dispatch: Dispatch, save: &Autosave, cleared: Callback<()>) -> impl Hook<Output = ()> {
    let last_written = save.last_written.clone();
    let save = save.clone();
    use_effect_with((), move |_| {
        let changed = dispatch.clone();
        let tabs = platform::listen_to_tabs(move |word| match word.as_str() {
            "saved" => changed.dispatch(Msg::SetStorage(Storage::ChangedElsewhere)),
            "cleared" => {
                save.cancel();
                cleared.emit(());
            }
            _ => {}
        });
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
        move || drop((tabs, listener))
    })
}

/// Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y undo and redo. While a text field holds edits not yet
/// committed (typed since it got focus, was committed, or the workshop was undone), the keys
/// belong to the field's own undo; otherwise to the workshop. The browser's undo is never let
/// loose on a field without such edits: its history spans the whole page, so it would revert
/// another field's text on screen, which the app would then save as a new change.
pub fn use_shortcuts(dispatch: Dispatch) -> impl Hook<Output = ()> {
    use_effect_with((), move |_| {
        // The field being typed in and its value before the first uncommitted edit.
        let typing: Rc<RefCell<Option<(web_sys::Element, String)>>> = Rc::default();
        let listeners = web_sys::window().and_then(|w| w.document()).map(|d| {
            let started = typing.clone();
            // `beforeinput` still sees the value before the edit: the committed one.
            let before = EventListener::new(&d, "beforeinput", move |event| {
                let Some(el) = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
                let mut t = started.borrow_mut();
                if t.as_ref().is_none_or(|(field, _)| *field != el) {
                    *t = field_value(&el).map(|v| (el, v));
                }
            });
            let committed = typing.clone();
            let change = EventListener::new(&d, "change", move |_| *committed.borrow_mut() = None);
            let keys = EventListener::new_with_options(
                &d,
                "keydown",
                // Not passive: preventDefault stops the browser's own undo in the page.
                EventListenerOptions::enable_prevent_default(),
                move |event| {
                    let Some(e) = event.dyn_ref::<web_sys::KeyboardEvent>() else { return };
                    if !(e.ctrl_key() || e.meta_key()) {
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
                    let target = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
                    if let Some(el) = &target {
                        if el.has_attribute("contenteditable") {
                            return;
                        }
                        let edited = typing.borrow().as_ref().is_some_and(|(field, before)| {
                            field == el && field_value(el).is_some_and(|now| now != *before)
                        });
                        if edited {
                            return;
                        }
                    }
                    *typing.borrow_mut() = None;
                    e.prevent_default();
                    dispatch.dispatch(msg);
                },
            );
            (before, change, keys)
        });
        move || drop(listeners)
    })
}

/// The text of an `<input>` or `<textarea>`; `None` for anything else.
fn field_value(el: &web_sys::Element) -> Option<String> {
    if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        return Some(input.value());
    }
    el.dyn_ref::<web_sys::HtmlTextAreaElement>().map(|a| a.value())
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

/// Panics shortly after the workshop is on screen when asked: only for the test of the crash
/// message (`crash` turns true once the stored workshop is loaded).
pub fn use_crash_test(crash: bool) -> impl Hook<Output = ()> {
    use_effect_with(crash, move |&crash| {
        if crash {
            Timeout::new(50, || panic!("crash test requested by data-crash-test")).forget();
        }
    })
}
