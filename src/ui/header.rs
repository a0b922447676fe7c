//! The header of every page: the title, the tools (undo/redo, language, what the page adds
//! such as the facilitator's menu, the file and device menus) and the step bar.

use yew::prelude::*;

use super::facilitate;
use super::files::FileMenu;
use super::platform;
use super::state::{AppState, Msg, Storage};
use super::steps::Phase;
use super::{use_ctx, Shared};
use crate::i18n::{CommonText, DeviceText, Lang};

/// Props of [`Header`].
#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub state: UseReducerHandle<AppState>,
    /// This page's steps, shown as buttons.
    pub phases: Vec<Phase>,
    /// The number of the first of them in the step bar (see `Config::first_number`).
    pub first_number: usize,
    pub on_clear: Callback<()>,
    /// Step-bar items before and after this page's steps: links to the other pages.
    pub links_before: Html,
    pub links_after: Html,
    /// What the page adds to the tools.
    pub tools: Html,
}

/// The header: the title, one row of tools (undo/redo and the language at hand, the rest in
/// menus that float over the page) and the step bar. Compact, so that the step's content
/// starts on the first screen, also on a phone.
#[function_component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    let state = &props.state;
    let lang = state.lang;
    // Only on a page the live room's server sent (see `Config::live`).
    let live = use_context::<super::Config>().is_some_and(|c| c.live);
    let send = state.dispatcher().to_callback();
    let w = state.workshop();
    let title =
        if w.setup.title.is_empty() { CommonText::AppTagline.get(lang).to_string() } else { w.setup.title.clone() };
    let other = if lang == Lang::Nl { Lang::En } else { Lang::Nl };
    let saved = match state.storage {
        Storage::Ok => CommonText::Saved.get(lang),
        _ => "",
    };
    html! {
        <header class="ld-header">
            <div class="ld-brand">
                <p class="ld-logo">{ CommonText::AppName.get(lang) }<span class="ld-saved">{ saved }</span></p>
                <h1 class="ld-title">{ title }</h1>
            </div>
            <div class="ld-tools">
                // Below a wide screen only the arrows show; the words stay the buttons' names.
                <button type="button" class="ld-button ld-quiet" disabled={!state.can_undo()}
                    title={CommonText::Undo.get(lang)} aria-keyshortcuts="Control+Z" onclick={send.reform(|_| Msg::Undo)}>
                    <span aria-hidden="true">{ "↶" }</span><span class="ld-tool-label">{ CommonText::Undo.get(lang) }</span>
                </button>
                <button type="button" class="ld-button ld-quiet" disabled={!state.can_redo()}
                    title={CommonText::Redo.get(lang)} aria-keyshortcuts="Control+Shift+Z" onclick={send.reform(|_| Msg::Redo)}>
                    <span aria-hidden="true">{ "↷" }</span><span class="ld-tool-label">{ CommonText::Redo.get(lang) }</span>
                </button>
                <button type="button" class="ld-button ld-quiet" lang={other.code()}
                    aria-label={CommonText::SwitchLanguageLabel.get(lang)} onclick={send.reform(move |_| Msg::SetLang(other))}>
                    { CommonText::SwitchLanguage.get(lang) }
                </button>
                { props.tools.clone() }
                if live { { super::live::menu(state.clone()).unwrap_or_default() } }
                <FileMenu workshop={Shared(state.history.present_rc())} />
                <DeviceMenu workshop={Shared(state.history.present_rc())} on_clear={props.on_clear.clone()} />
            </div>
            <nav class="ld-steps" aria-label={CommonText::Phases.get(lang)}>
                <ol>
                { props.links_before.clone() }
                { for props.phases.iter().enumerate().map(|(i, p)| {
                    let p = *p;
                    let current = p == state.phase;
                    html! {
                        <li key={p.slug()}>
                            <button type="button" class={classes!("ld-step", current.then_some("ld-step-current"))}
                                aria-current={current.then_some("step")}
                                onclick={send.reform(move |_| Msg::Go(p))}>
                                <span class="ld-step-n" aria-hidden="true">{ props.first_number + i }</span>
                                <span class="ld-step-label">{ p.label(lang) }</span>
                                if facilitate::is_locked(w, p) { { facilitate::lock_mark(lang) } }
                            </button>
                        </li>
                    }
                }) }
                { props.links_after.clone() }
                </ol>
            </nav>
        </header>
    }
}

/// A step-bar item that leads to another page: a link styled as a step, numbered when it
/// stands for a step (`None` for a way back).
pub fn step_link(href: AttrValue, number: Option<usize>, label: &'static str) -> Html {
    html! {
        <li>
            <a class={classes!("ld-step", "ld-step-link", number.is_none().then_some("ld-step-back"))} {href}>
                if let Some(n) = number { <span class="ld-step-n" aria-hidden="true">{ n }</span> }
                <span class="ld-step-label">{ label }</span>
            </a>
        </li>
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
    let ctx = use_ctx();
    let download = {
        let w = p.workshop.clone();
        Callback::from(move |_| platform::download_workshop(&w))
    };
    let clear = {
        let (on_clear, lang) = (p.on_clear.clone(), ctx.lang);
        Callback::from(move |_| {
            if platform::confirm(DeviceText::ClearDeviceConfirm.get(lang)) {
                on_clear.emit(());
            }
        })
    };
    html! {
        <details class="ld-menu ld-tool-menu ld-device">
            <summary class="ld-button ld-quiet">{ ctx.t(DeviceText::ThisDevice) }</summary>
            <div class="ld-menu-body ld-menu-pop">
                <p class="ld-hint">{ ctx.t(DeviceText::ThisDeviceHelp) }</p>
                <button type="button" class="ld-button" onclick={download}>{ ctx.t(DeviceText::DownloadFirst) }</button>
                <button type="button" class="ld-button ld-danger" onclick={clear}>{ ctx.t(DeviceText::ClearDevice) }</button>
            </div>
        </details>
    }
}
