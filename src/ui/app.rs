//! The app shell: header with the steps, undo/redo and language; messages; the phase view.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::charter::CharterView;
use super::concretise::ConcretiseView;
use super::facilitate;
use super::files::FileMenu;
use super::platform::{self, Stored};
use super::reduce::ReduceView;
use super::state::{AppState, Msg, Phase, Storage};
use super::{board::Board, collect::Collect, setup::SetupView, Ctx, Shared};
use crate::format;
use crate::i18n::{self, Lang, T};
use crate::workshop::{Action, CountingIds, IdSource, SetupField, Workshop};

/// What the host page configures (from `data-` attributes on the mount element).
#[derive(Clone, Debug, Default, PartialEq, Properties)]
pub struct Config {
    /// Interface language; otherwise the user's last choice, otherwise Dutch.
    #[prop_or_default]
    pub lang: Option<Lang>,
    /// Starts from this workshop instead of reading storage (tests, server-side rendering).
    #[prop_or_default]
    pub start: Option<Rc<Workshop>>,
    /// Title for a new workshop (`data-title`).
    #[prop_or_default]
    pub title: Option<String>,
    /// Groups at the table for a new workshop (`data-groups`, comma-separated).
    #[prop_or_default]
    pub groups: Option<Vec<String>>,
    /// Which phases the step bar shows (`data-phases`, e.g. `collect,cluster`); all when unset.
    #[prop_or_default]
    pub phases: Option<Vec<Phase>>,
    /// The after-the-charter page (`data-after-href`, default `after.html`).
    #[prop_or_default]
    pub after_href: Option<String>,
    /// The workshop page, for the link back (`data-workshop-href`, default `index.html`).
    #[prop_or_default]
    pub workshop_href: Option<String>,
    /// Panics after the first render: only for the test of the crash message (`data-crash-test`).
    #[prop_or_default]
    pub crash_test: bool,
}

impl Config {
    /// The phases to show, in workshop order.
    pub fn shown_phases(&self) -> Vec<Phase> {
        let here = Phase::ALL.iter().copied().filter(|p| p.in_this_page());
        match &self.phases {
            Some(list) if list.iter().any(|p| p.in_this_page()) => here.filter(|p| list.contains(p)).collect(),
            _ => here.collect(),
        }
    }

    /// Where the other page is: the after-the-charter tools from the workshop, and back.
    pub fn other_page(&self) -> &str {
        if cfg!(feature = "after-tools") {
            self.workshop_href.as_deref().unwrap_or("index.html")
        } else {
            self.after_href.as_deref().unwrap_or("after.html")
        }
    }
}

/// A new workshop with the four groups of the method, named in the user's language, or the
/// host page's preset title and groups.
pub fn fresh_workshop(config: &Config, lang: Lang, ids: &mut impl IdSource) -> Workshop {
    let default_groups = [T::GroupResidents, T::GroupPolicy, T::GroupPractice, T::GroupPartners].map(|t| t.get(lang));
    let mut w = Workshop::with_default_groups(ids, default_groups);
    if let Some(groups) = &config.groups {
        let mut preset = Workshop::default();
        for name in groups {
            let _ = preset.apply(Action::AddGroup { id: ids.next_id("grp"), name: name.clone() });
        }
        if !preset.setup.groups.is_empty() {
            w.setup.groups = preset.setup.groups;
        }
    }
    if let Some(title) = &config.title {
        let _ = w.apply(Action::EditSetup { field: SetupField::Title, value: title.clone() });
    }
    w
}

fn initial_state(config: &Config) -> AppState {
    let mut state = initial_state_all(config);
    state.phase = config.shown_phases().first().copied().unwrap_or(Phase::Setup);
    state
}

fn initial_state_all(config: &Config) -> AppState {
    let lang =
        config.lang.or_else(|| platform::setting(platform::LANG_KEY).map(|c| Lang::from_code(&c))).unwrap_or_default();
    if let Some(w) = &config.start {
        return AppState::new((**w).clone(), lang, Storage::Ok);
    }
    match platform::load() {
        Stored::Workshop(w) => AppState::new(*w, lang, Storage::Ok),
        // Private mode or storage switched off: say so from the start, not only after a change.
        Stored::Nothing if !platform::storage_works() => {
            AppState::new(fresh_workshop(config, lang, &mut platform::BrowserIds), lang, Storage::Failed)
        }
        Stored::Nothing => AppState::new(fresh_workshop(config, lang, &mut platform::BrowserIds), lang, Storage::Ok),
        Stored::Unreadable { raw, error } => AppState::new(
            fresh_workshop(config, lang, &mut CountingIds::default()),
            lang,
            Storage::Unreadable { raw: raw.into(), reason: i18n::file_error(&error, lang) },
        ),
    }
}

/// The whole app.
#[function_component(App)]
pub fn app(config: &Config) -> Html {
    let state = use_reducer(|| initial_state(config));
    let ctx = Ctx { lang: state.lang, dispatch: state.dispatcher() };
    let autosave_on = config.start.is_none();

    // Autosave, debounced: each change restarts a short timer. The text waiting to be written
    // is kept apart, so leaving the page writes it at once; the text last written is kept so a
    // save by another tab can be told apart from our own.
    let timer = use_mut_ref(|| None::<Timeout>);
    let waiting = use_mut_ref(|| None::<String>);
    let last_written = use_mut_ref(|| None::<String>);
    {
        let state = state.clone();
        let (timer, waiting, last_written) = (timer.clone(), waiting.clone(), last_written.clone());
        use_effect_with(state.revision, move |_| {
            if autosave_on && matches!(state.storage, Storage::Ok | Storage::Failed) && state.revision > 0 {
                *waiting.borrow_mut() = Some(format::to_json(state.workshop()));
                let dispatch = state.dispatcher();
                *timer.borrow_mut() = Some(Timeout::new(300, move || {
                    if let Some(ok) = write_waiting(&waiting, &last_written) {
                        dispatch.dispatch(Msg::SetStorage(if ok { Storage::Ok } else { Storage::Failed }));
                    }
                }));
            }
        });
    }
    {
        // Leaving the page: a field still being typed in commits its text first (its change
        // event dispatches, and the reducer runs at once), then whatever is waiting is written.
        let (waiting, last_written, handle) = (waiting.clone(), last_written.clone(), state.clone());
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                EventListener::new(&w, "pagehide", move |_| {
                    let before = handle.revision;
                    platform::blur_active();
                    if handle.revision != before && autosave_on && handle.storage == Storage::Ok {
                        *waiting.borrow_mut() = Some(format::to_json(handle.workshop()));
                    }
                    write_waiting(&waiting, &last_written);
                })
            });
            move || drop(listener)
        });
    }
    // Another tab saving the same workshop.
    {
        let dispatch = state.dispatcher();
        let last_written = last_written.clone();
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
        });
    }
    // Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y, except while typing (the field's own undo goes first).
    {
        let dispatch = state.dispatcher();
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
                        let key = e.key().to_lowercase();
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
        });
    }
    {
        let lang = state.lang;
        use_effect_with(lang, move |lang| platform::set_setting(platform::LANG_KEY, lang.code()));
    }
    // Fold-out menus (<details>) close on Escape, on a click elsewhere and on a step change,
    // and only one is open at a time.
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
    {
        let phase = state.phase;
        use_effect_with(phase, |_| {
            platform::close_menus(|_| true);
        });
    }

    // "Clear this device": nothing of this workshop stays in storage, in the pending autosave
    // or in the undo history (a shared laptop in a public session).
    let on_clear = {
        let (timer, waiting, dispatch) = (timer.clone(), waiting.clone(), state.dispatcher());
        let (config, lang) = (config.clone(), state.lang);
        Callback::from(move |_| {
            timer.borrow_mut().take();
            waiting.borrow_mut().take();
            let cleared = platform::clear_device();
            let fresh = fresh_workshop(&config, lang, &mut platform::BrowserIds);
            dispatch.dispatch(Msg::ClearDevice { fresh: Box::new(fresh), cleared });
        })
    };
    {
        let crash = config.crash_test;
        use_effect_with((), move |_| {
            if crash {
                Timeout::new(50, || panic!("crash test requested by data-crash-test")).forget();
            }
        });
    }

    let shown = config.shown_phases();
    let phase = if shown.contains(&state.phase) { state.phase } else { shown.first().copied().unwrap_or(Phase::Setup) };
    let workshop = Shared(state.history.present_rc());
    facilitate::use_projector_feed(phase, state.lang, workshop.clone());
    // Each page compiles in only its own views, so each stays within its size budget.
    #[cfg(not(feature = "after-tools"))]
    let phase_view = match phase {
        Phase::Setup => html! { <SetupView workshop={workshop.clone()} /> },
        Phase::Collect => html! { <Collect workshop={workshop.clone()} /> },
        Phase::Cluster => html! { <Board workshop={workshop.clone()} /> },
        Phase::Reduce => html! { <ReduceView workshop={workshop.clone()} /> },
        Phase::Concretise => html! { <ConcretiseView workshop={workshop.clone()} /> },
        Phase::Charter => html! { <CharterView workshop={workshop.clone()} /> },
        Phase::After => html! {},
    };
    #[cfg(feature = "after-tools")]
    let phase_view = html! { <super::after::AfterView workshop={workshop.clone()} /> };

    html! {
        <ContextProvider<Ctx> context={ctx.clone()}>
        <div class="leidraad" lang={state.lang.code()} data-phase={phase.slug()}>
            <a class="ld-skip" href="#ld-main" onclick={Callback::from(|e: MouseEvent| {
                // Focus the content without touching the host page's URL hash or history.
                e.prevent_default();
                platform::focus("#ld-main");
            })}>{ ctx.t(T::SkipToContent) }</a>
            <Header state={state.clone()} phases={shown.clone()} {on_clear} other_page={AttrValue::from(config.other_page().to_string())} />
            <StorageBanner storage={state.storage.clone()} workshop={workshop.clone()} config={config.clone()} />
            <div class="ld-notice-area" role="status" aria-live="polite">
                if let Some(n) = &state.notice {
                    <p class={classes!("ld-notice", n.is_error.then_some("ld-notice-error"))}>
                        <span>{ &n.text }</span>
                        <button type="button" class="ld-link" onclick={ctx.dispatch.to_callback().reform(|_| Msg::DismissNotice)}>
                            { ctx.t(T::Close) }
                        </button>
                    </p>
                }
            </div>
            <div class="ld-live ld-visually-hidden" role="status" aria-live="assertive" aria-atomic="true">{ state.announcement.clone() }</div>
            <main id="ld-main" class="ld-main" tabindex="-1">
                <facilitate::LockBar {phase} workshop={workshop.clone()} />
                { phase_view }
            </main>
        </div>
        </ContextProvider<Ctx>>
    }
}

/// Writes the text waiting for autosave, if any; `Some(ok)` when something was written.
fn write_waiting(waiting: &RefCell<Option<String>>, last_written: &RefCell<Option<String>>) -> Option<bool> {
    let text = waiting.borrow_mut().take()?;
    let ok = platform::save(&text);
    *last_written.borrow_mut() = Some(text);
    Some(ok)
}

fn is_typing(e: &web_sys::KeyboardEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .map(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || el.has_attribute("contenteditable")
        })
        .unwrap_or(false)
}

#[derive(Properties, PartialEq)]
struct HeaderProps {
    state: UseReducerHandle<AppState>,
    phases: Vec<Phase>,
    on_clear: Callback<()>,
    /// The other page: the after-the-charter tools, or back to the workshop.
    other_page: AttrValue,
}

#[function_component(Header)]
fn header(props: &HeaderProps) -> Html {
    let state = &props.state;
    let lang = state.lang;
    let send = state.dispatcher().to_callback();
    let w = state.workshop();
    let title = if w.setup.title.is_empty() { T::AppTagline.get(lang).to_string() } else { w.setup.title.clone() };
    let other = if lang == Lang::Nl { Lang::En } else { Lang::Nl };
    let saved = match state.storage {
        Storage::Ok => T::Saved.get(lang),
        _ => "",
    };
    let after_page = cfg!(feature = "after-tools");
    let number = |p: Phase| Phase::ALL.iter().position(|x| *x == p).map_or(0, |i| i + 1);
    html! {
        <header class="ld-header">
            <div class="ld-brand">
                <p class="ld-logo">{ T::AppName.get(lang) }</p>
                <h1 class="ld-title">{ title }</h1>
            </div>
            <nav class="ld-steps" aria-label={T::Phases.get(lang)}>
                <ol>
                if after_page {
                    <li><a class="ld-step ld-step-link" href={props.other_page.clone()}>{ T::BackToWorkshop.get(lang) }</a></li>
                }
                { for props.phases.iter().map(|p| {
                    let p = *p;
                    let current = p == state.phase;
                    html! {
                        <li key={p.slug()}>
                            <button type="button" class={classes!("ld-step", current.then_some("ld-step-current"))}
                                aria-current={current.then_some("step")}
                                onclick={send.reform(move |_| Msg::Go(p))}>
                                <span class="ld-step-n" aria-hidden="true">{ number(p) }</span>
                                { p.label(lang) }
                                if facilitate::is_locked(w, p) { <facilitate::LockMark {lang} /> }
                            </button>
                        </li>
                    }
                }) }
                if !after_page {
                    <li>
                        <a class="ld-step ld-step-link" href={props.other_page.clone()}>
                            <span class="ld-step-n" aria-hidden="true">{ number(Phase::After) }</span>
                            { Phase::After.label(lang) }
                        </a>
                    </li>
                }
                </ol>
            </nav>
            <div class="ld-tools">
                if !after_page {
                    <facilitate::TimerControl phase={state.phase} />
                    <facilitate::ProjectorButton />
                }
                <button type="button" class="ld-button ld-quiet" disabled={!state.history.can_undo()}
                    aria-keyshortcuts="Control+Z" onclick={send.reform(|_| Msg::Undo)}>
                    <span aria-hidden="true">{ "↶ " }</span>{ T::Undo.get(lang) }
                </button>
                <button type="button" class="ld-button ld-quiet" disabled={!state.history.can_redo()}
                    aria-keyshortcuts="Control+Shift+Z" onclick={send.reform(|_| Msg::Redo)}>
                    <span aria-hidden="true">{ "↷ " }</span>{ T::Redo.get(lang) }
                </button>
                <button type="button" class="ld-button ld-quiet" lang={other.code()}
                    aria-label={T::SwitchLanguageLabel.get(lang)} onclick={send.reform(move |_| Msg::SetLang(other))}>
                    { T::SwitchLanguage.get(lang) }
                </button>
                <FileMenu workshop={Shared(state.history.present_rc())} />
                <DeviceMenu workshop={Shared(state.history.present_rc())} on_clear={props.on_clear.clone()} />
                <span class="ld-saved">{ saved }</span>
            </div>
        </header>
    }
}

#[derive(Properties, PartialEq)]
struct BannerProps {
    storage: Storage,
    workshop: Shared,
    config: Config,
}

#[function_component(StorageBanner)]
fn storage_banner(props: &BannerProps) -> Html {
    let ctx = super::use_ctx();
    let lang = ctx.lang;
    let download_current = {
        let w = props.workshop.clone();
        Callback::from(move |_| platform::download_workshop(&w))
    };
    match &props.storage {
        Storage::Ok => html! {},
        Storage::Unreadable { raw, reason } => {
            let raw_dl = {
                let raw = raw.clone();
                Callback::from(move |_| platform::download("leidraad-opgeslagen-tekst.txt", "text/plain", &raw))
            };
            let start_new = {
                let ctx = ctx.clone();
                let config = props.config.clone();
                Callback::from(move |_| {
                    if platform::confirm(T::StartNewConfirm.get(lang)) {
                        let fresh = fresh_workshop(&config, lang, &mut platform::BrowserIds);
                        ctx.act(Action::Replace { workshop: Box::new(fresh) });
                        ctx.send(Msg::SetStorage(Storage::Ok));
                    }
                })
            };
            html! {
                <div class="ld-banner ld-banner-error" role="alert">
                    <p>{ T::StorageUnreadable.get(lang) }</p>
                    <p class="ld-small">{ reason }</p>
                    <div class="ld-row">
                        <button type="button" class="ld-button" onclick={raw_dl}>{ T::DownloadRaw.get(lang) }</button>
                        <button type="button" class="ld-button ld-quiet" onclick={start_new}>{ T::StartNew.get(lang) }</button>
                    </div>
                </div>
            }
        }
        Storage::Failed => html! {
            <div class="ld-banner ld-banner-error" role="alert">
                <p>{ T::StorageFailed.get(lang) }</p>
                <button type="button" class="ld-button" onclick={download_current}>{ T::DownloadWorkshop.get(lang) }</button>
            </div>
        },
        Storage::ChangedElsewhere => {
            let reload = Callback::from(|_| {
                if let Some(w) = web_sys::window() {
                    let _ = w.location().reload();
                }
            });
            let keep = {
                let ctx = ctx.clone();
                let w = props.workshop.clone();
                Callback::from(move |_| {
                    let ok = platform::save(&format::to_json(&w));
                    ctx.send(Msg::SetStorage(if ok { Storage::Ok } else { Storage::Failed }));
                })
            };
            html! {
                <div class="ld-banner" role="alert">
                    <p>{ T::OtherTab.get(lang) }</p>
                    <div class="ld-row">
                        <button type="button" class="ld-button" onclick={reload}>{ T::Reload.get(lang) }</button>
                        <button type="button" class="ld-button ld-quiet" onclick={keep}>{ T::KeepThis.get(lang) }</button>
                        <button type="button" class="ld-button ld-quiet" onclick={download_current}>{ T::DownloadWorkshop.get(lang) }</button>
                    </div>
                </div>
            }
        }
    }
}

#[derive(Properties, PartialEq)]
struct DeviceMenuProps {
    workshop: Shared,
    on_clear: Callback<()>,
}

/// "Dit apparaat": download the work, or wipe it from this (shared) laptop.
#[function_component(DeviceMenu)]
fn device_menu(p: &DeviceMenuProps) -> Html {
    let ctx = super::use_ctx();
    let download = {
        let w = p.workshop.clone();
        Callback::from(move |_| platform::download_workshop(&w))
    };
    let clear = {
        let (on_clear, lang) = (p.on_clear.clone(), ctx.lang);
        Callback::from(move |_| {
            if platform::confirm(T::ClearDeviceConfirm.get(lang)) {
                on_clear.emit(());
            }
        })
    };
    html! {
        <details class="ld-menu ld-device">
            <summary>{ ctx.t(T::ThisDevice) }</summary>
            <div class="ld-menu-body ld-menu-pop">
                <p class="ld-hint">{ ctx.t(T::ThisDeviceHelp) }</p>
                <button type="button" class="ld-button" onclick={download}>{ ctx.t(T::DownloadFirst) }</button>
                <button type="button" class="ld-button ld-danger" onclick={clear}>{ ctx.t(T::ClearDevice) }</button>
            </div>
        </details>
    }
}
