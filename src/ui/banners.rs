//! What the shell says above the step: the storage banner (unreadable save, saving failed,
//! another tab saved) and the notice line (an error from the domain or a confirmation).

use yew::prelude::*;

use super::config::{fresh_workshop, Config};
use super::platform;
use super::state::{Msg, Notice, Storage};
use super::{use_ctx, Ctx, Shared};
use crate::format;
use crate::i18n::{CommonText, DeviceText};
use crate::workshop::Action;

/// Props of [`StorageBanner`].
#[derive(Properties, PartialEq)]
pub struct BannerProps {
    pub storage: Storage,
    /// The last save left little room in this browser's storage.
    pub space_low: bool,
    pub workshop: Shared,
    pub config: Config,
}

/// Says when the work is not safely saved on this device, with what the user can do about it.
#[function_component(StorageBanner)]
pub fn storage_banner(props: &BannerProps) -> Html {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let download_current = {
        let w = props.workshop.clone();
        Callback::from(move |_| platform::download_workshop(&w))
    };
    let space = props.space_low.then(|| {
        html! {
            <div class="ld-banner" role="alert">
                <p>{ DeviceText::SpaceLow.get(lang) }</p>
                <button type="button" class="ld-button" onclick={download_current.clone()}>{ DeviceText::DownloadWorkshop.get(lang) }</button>
            </div>
        }
    });
    let storage = match &props.storage {
        Storage::Ok | Storage::NotYet | Storage::Loading => html! {},
        Storage::Unreadable { raw, reason, aside } => {
            let raw_dl = {
                let raw = raw.clone();
                Callback::from(move |_| platform::download("leidraad-opgeslagen-tekst.txt", "text/plain", &raw))
            };
            let start_new = {
                let ctx = ctx.clone();
                let config = props.config.clone();
                Callback::from(move |_| {
                    if platform::confirm(DeviceText::StartNewConfirm.get(lang)) {
                        let fresh = fresh_workshop(&config, lang, &mut platform::BrowserIds);
                        // Built through `apply`, so it passes; a failure would only keep the old one.
                        if let Ok(fresh) = fresh.checked() {
                            ctx.act(Action::Replace { workshop: Box::new(fresh) });
                        }
                        ctx.send(Msg::SetStorage(Storage::NotYet));
                        yew::platform::spawn_local(platform::forget_aside());
                    }
                })
            };
            html! {
                <div class="ld-banner ld-banner-error" role="alert">
                    <p>{ DeviceText::StorageUnreadable.get(lang) }</p>
                    <p class="ld-small">{ reason }</p>
                    <p>{ if *aside { DeviceText::SavedAside.get(lang) } else { DeviceText::SavingAside.get(lang) } }</p>
                    <div class="ld-row">
                        <button type="button" class="ld-button" onclick={raw_dl}>{ DeviceText::DownloadRaw.get(lang) }</button>
                        <button type="button" class="ld-button ld-quiet" onclick={start_new}>{ DeviceText::StartNew.get(lang) }</button>
                    </div>
                </div>
            }
        }
        Storage::Failed => html! {
            <div class="ld-banner ld-banner-error" role="alert">
                <p>{ DeviceText::StorageFailed.get(lang) }</p>
                <button type="button" class="ld-button" onclick={download_current}>{ DeviceText::DownloadWorkshop.get(lang) }</button>
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
                    let (ctx, text) = (ctx.clone(), format::to_json(&w));
                    yew::platform::spawn_local(async move {
                        let ok = platform::save(platform::STORAGE_KEY, text.into()).await;
                        ctx.send(Msg::SetStorage(if ok { Storage::Ok } else { Storage::Failed }));
                    });
                })
            };
            html! {
                <div class="ld-banner" role="alert">
                    <p>{ DeviceText::OtherTab.get(lang) }</p>
                    <div class="ld-row">
                        <button type="button" class="ld-button" onclick={reload}>{ DeviceText::Reload.get(lang) }</button>
                        <button type="button" class="ld-button ld-quiet" onclick={keep}>{ DeviceText::KeepThis.get(lang) }</button>
                        <button type="button" class="ld-button ld-quiet" onclick={download_current}>{ DeviceText::DownloadWorkshop.get(lang) }</button>
                    </div>
                </div>
            }
        }
    };
    html! { <>{ storage }{ for space }</> }
}

/// The last notice, in a polite live region that is always there (so it is announced). A plain
/// function, not a component: it has no state of its own.
pub fn notice_line(notice: Option<&Notice>, ctx: &Ctx) -> Html {
    html! {
        <div class="ld-notice-area" role="status" aria-live="polite">
            if let Some(n) = notice {
                <p class={classes!("ld-notice", n.is_error.then_some("ld-notice-error"))}>
                    <span>{ &n.text }</span>
                    <button type="button" class="ld-link" onclick={ctx.dispatch.to_callback().reform(|_| Msg::DismissNotice)}>
                        { ctx.t(CommonText::Close) }
                    </button>
                </p>
            }
        </div>
    }
}
