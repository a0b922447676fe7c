//! The file menu in the header: download the workshop (JSON) or Markdown, open a file to
//! continue, merge a file from another laptop. A file that cannot be used changes nothing and
//! says why, in the menu itself.

use gloo::events::EventListener;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::config::{fresh_workshop, Config};
use super::platform;
use super::{use_ctx, Ctx, Msg, Shared};
use crate::charter::to_markdown;
use crate::export::name::file_name;
use crate::format::{self, FileError};
use crate::i18n::{self, CharterText, FilesText, Lang, Text};
use crate::workshop::{Action, Applied, Change, CountingIds, Workshop};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub workshop: Shared,
}

/// Offers the Markdown export as a download.
pub fn download_markdown(w: &Workshop, lang: Lang) {
    let name = file_name("leidraad", &w.setup.title, "md");
    platform::download(&name, "text/markdown;charset=utf-8", &to_markdown(w, lang));
}

#[derive(Clone, Copy, PartialEq)]
enum Purpose {
    Open,
    Merge,
}

/// The last outcome of opening or merging, shown in the menu.
#[derive(Clone, PartialEq)]
struct Outcome {
    error: bool,
    text: String,
}

#[function_component(FileMenu)]
pub fn file_menu(p: &Props) -> Html {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let outcome = use_state(|| None::<Outcome>);
    let latest = use_mut_ref(|| p.workshop.clone());
    *latest.borrow_mut() = p.workshop.clone();
    let reading = use_mut_ref(|| None::<EventListener>);
    // What a new workshop on this page holds: replacing only that loses nothing.
    let config = use_context::<Config>().unwrap_or_default();
    let l = |k: &dyn Text| k.text(lang);

    let pick = |purpose: Purpose| {
        let (ctx, outcome, latest, reading) = (ctx.clone(), outcome.clone(), latest.clone(), reading.clone());
        let config = config.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|list| list.get(0)) else {
                return;
            };
            // Let the same file be chosen again later.
            input.set_value("");
            let unreadable = FilesText::FileUnreadable.get(ctx.lang);
            let done = {
                let (ctx, outcome, latest, config) = (ctx.clone(), outcome.clone(), latest.clone(), config.clone());
                move |text: Result<String, FileError>| {
                    let ours = latest.borrow().clone();
                    let fresh = fresh_workshop(&config, ctx.lang, &mut CountingIds::default());
                    let untouched = ours.is_untouched(&fresh);
                    apply_file(&ctx, untouched, purpose, text, outcome.setter());
                }
            };
            if file.size() > format::MAX_BYTES as f64 {
                done(Err(FileError::TooLarge { max: format::MAX_BYTES }));
                return;
            }
            let Ok(reader) = web_sys::FileReader::new() else {
                outcome.set(Some(Outcome { error: true, text: unreadable.into() }));
                return;
            };
            let r = reader.clone();
            let outcome2 = outcome.clone();
            *reading.borrow_mut() = Some(EventListener::once(&reader, "loadend", move |_| {
                match r.result().ok().and_then(|v| v.as_string()) {
                    Some(text) => done(Ok(text)),
                    None => outcome2.set(Some(Outcome { error: true, text: unreadable.into() })),
                }
            }));
            if reader.read_as_text(&file).is_err() {
                outcome.set(Some(Outcome { error: true, text: unreadable.into() }));
            }
        })
    };
    let download_json = {
        let w = p.workshop.clone();
        Callback::from(move |_| platform::download_workshop(&w))
    };
    let download_md = {
        let w = p.workshop.clone();
        Callback::from(move |_| download_markdown(&w, lang))
    };
    let clear = {
        let outcome = outcome.clone();
        Callback::from(move |_| outcome.set(None))
    };
    html! {
        <details class="ld-file-menu">
            <summary class="ld-button ld-quiet" aria-label={l(&FilesText::FileMenuLabel)}>{ l(&FilesText::Files) }</summary>
            <div class="ld-file-panel">
                <div class="ld-file-item">
                    <button type="button" class="ld-button" onclick={download_json} aria-describedby="ld-json-help">{ l(&FilesText::DownloadJson) }</button>
                    <p class="ld-hint" id="ld-json-help">{ l(&FilesText::DownloadJsonHelp) }</p>
                </div>
                <div class="ld-file-item">
                    <button type="button" class="ld-button" onclick={download_md}>{ l(&CharterText::DownloadMarkdown) }</button>
                </div>
                if !ctx.offers(crate::live::Control::Files) {
                    <p class="ld-hint ld-file-item">{ l(&crate::i18n::HostText::OnlyFiles) }</p>
                } else {
                <div class="ld-file-item ld-file-pick">
                    <input type="file" id="ld-open-file" class="ld-visually-hidden" accept=".json,application/json"
                        aria-describedby="ld-open-help" onchange={pick(Purpose::Open)} onclick={clear.clone()} />
                    <label for="ld-open-file" class="ld-button">{ l(&FilesText::OpenFile) }</label>
                    <p class="ld-hint" id="ld-open-help">{ l(&FilesText::OpenFileHelp) }</p>
                </div>
                <div class="ld-file-item ld-file-pick">
                    <input type="file" id="ld-merge-file" class="ld-visually-hidden" accept=".json,application/json"
                        aria-describedby="ld-merge-help" onchange={pick(Purpose::Merge)} onclick={clear} />
                    <label for="ld-merge-file" class="ld-button">{ l(&FilesText::MergeFile) }</label>
                    <p class="ld-hint" id="ld-merge-help">{ l(&FilesText::MergeFileHelp) }</p>
                </div>
                }
                <div class="ld-file-outcome" role="status" aria-live="polite">
                    if let Some(o) = &*outcome {
                        <p class={classes!("ld-notice", o.error.then_some("ld-notice-error"))} data-error={o.error.to_string()}>{ &o.text }</p>
                    }
                </div>
            </div>
        </details>
    }
}

/// Opens or merges a file's text and shows in the menu what became of it (nothing when the
/// user cancelled). A merge is computed once, by `apply`, and its report comes back from there.
fn apply_file(
    ctx: &Ctx,
    untouched: bool,
    purpose: Purpose,
    text: Result<String, FileError>,
    outcome: UseStateSetter<Option<Outcome>>,
) {
    let lang = ctx.lang;
    let theirs = match text.and_then(|t| format::read(&t)) {
        Ok(w) => w,
        Err(e) => return outcome.set(Some(Outcome { error: true, text: i18n::file_error(&e, lang) })),
    };
    match purpose {
        Purpose::Open => {
            // Anything that would be replaced is asked about, even a name or a date alone.
            if !untouched && !platform::confirm(FilesText::ReplaceConfirm.get(lang)) {
                return outcome.set(None);
            }
            ctx.act(Action::Replace { workshop: Box::new(theirs) });
            let text = FilesText::Opened.get(lang).to_string();
            ctx.send(Msg::Say(text.clone()));
            outcome.set(Some(Outcome { error: false, text }));
        }
        Purpose::Merge => {
            // The reducer writes the same report as the app's notice.
            let reply = Callback::from(move |result: Result<Applied, _>| {
                outcome.set(match result {
                    Ok(Applied { change: Change::Merged(report), .. }) => {
                        Some(Outcome { error: false, text: FilesText::merge_report(&report, lang) })
                    }
                    Ok(_) => None,
                    Err(e) => Some(Outcome { error: true, text: i18n::error(&e, lang) }),
                })
            });
            ctx.send(Msg::DoThen(Action::Merge { other: Box::new(theirs.into_inner()) }, reply));
        }
    }
}
