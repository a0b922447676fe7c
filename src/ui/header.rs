//! The header of every page: the title, the step bar, and the tools (undo/redo, language, the
//! file and device menus, plus what the page adds, such as the timer).

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
    pub on_clear: Callback<()>,
    /// Step-bar items before and after this page's steps: links to the other pages.
    pub links_before: Html,
    pub links_after: Html,
    /// What the page adds to the tools.
    pub tools: Html,
}

/// The header with the step bar.
#[function_component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    let state = &props.state;
    let lang = state.lang;
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
                <p class="ld-logo">{ CommonText::AppName.get(lang) }</p>
                <h1 class="ld-title">{ title }</h1>
            </div>
            <nav class="ld-steps" aria-label={CommonText::Phases.get(lang)}>
                <ol>
                { props.links_before.clone() }
                { for props.phases.iter().map(|p| {
                    let p = *p;
                    let current = p == state.phase;
                    html! {
                        <li key={p.slug()}>
                            <button type="button" class={classes!("ld-step", current.then_some("ld-step-current"))}
                                aria-current={current.then_some("step")}
                                onclick={send.reform(move |_| Msg::Go(p))}>
                                <span class="ld-step-n" aria-hidden="true">{ p.number() }</span>
                                { p.label(lang) }
                                if facilitate::is_locked(w, p) { <facilitate::LockMark {lang} /> }
                            </button>
                        </li>
                    }
                }) }
                { props.links_after.clone() }
                </ol>
            </nav>
            <div class="ld-tools">
                { props.tools.clone() }
                <button type="button" class="ld-button ld-quiet" disabled={!state.history.can_undo()}
                    aria-keyshortcuts="Control+Z" onclick={send.reform(|_| Msg::Undo)}>
                    <span aria-hidden="true">{ "↶ " }</span>{ CommonText::Undo.get(lang) }
                </button>
                <button type="button" class="ld-button ld-quiet" disabled={!state.history.can_redo()}
                    aria-keyshortcuts="Control+Shift+Z" onclick={send.reform(|_| Msg::Redo)}>
                    <span aria-hidden="true">{ "↷ " }</span>{ CommonText::Redo.get(lang) }
                </button>
                <button type="button" class="ld-button ld-quiet" lang={other.code()}
                    aria-label={CommonText::SwitchLanguageLabel.get(lang)} onclick={send.reform(move |_| Msg::SetLang(other))}>
                    { CommonText::SwitchLanguage.get(lang) }
                </button>
                <FileMenu workshop={Shared(state.history.present_rc())} />
                <DeviceMenu workshop={Shared(state.history.present_rc())} on_clear={props.on_clear.clone()} />
                <span class="ld-saved">{ saved }</span>
            </div>
        </header>
    }
}

/// A step-bar item that leads to another page: a link styled as a step, numbered when it
/// stands for a step (`None` for a way back).
pub fn step_link(href: AttrValue, number: Option<usize>, label: &'static str) -> Html {
    html! {
        <li>
            <a class="ld-step ld-step-link" {href}>
                if let Some(n) = number { <span class="ld-step-n" aria-hidden="true">{ n }</span> }
                { label }
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
        <details class="ld-menu ld-device">
            <summary>{ ctx.t(DeviceText::ThisDevice) }</summary>
            <div class="ld-menu-body ld-menu-pop">
                <p class="ld-hint">{ ctx.t(DeviceText::ThisDeviceHelp) }</p>
                <button type="button" class="ld-button" onclick={download}>{ ctx.t(DeviceText::DownloadFirst) }</button>
                <button type="button" class="ld-button ld-danger" onclick={clear}>{ ctx.t(DeviceText::ClearDevice) }</button>
            </div>
        </details>
    }
}
