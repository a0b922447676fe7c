//! Doorfluister-check (seed 004): people from every layer write why a principle exists; their
//! words are set beside the charter's meaning and policy theory. Blind by default (nobody sees
//! the why or earlier answers before writing), and each answer gets a hint, "lijkt op" or
//! "lijkt niet op", to start the conversation: never a score on a person.

use yew::prelude::*;

use super::{download, file_name, select_value};
use crate::after::doorfluister::{looks_like, percent};
use crate::after::{doorfluister, doorfluister_markdown, Band};
use crate::i18n::{AfterText, Text};
use crate::ui::platform::{confirm, new_id};
use crate::ui::widgets::TextField;
use crate::ui::{use_ctx, Msg, Shared};
use crate::workshop::{limits, Action, Id, Layer};

#[derive(Properties, PartialEq)]
pub struct WhispersProps {
    pub workshop: Shared,
}

fn layer_slug(l: Layer) -> &'static str {
    match l {
        Layer::Board => "board",
        Layer::Policy => "policy",
        Layer::Practice => "practice",
        Layer::Partners => "partners",
        Layer::Residents => "residents",
    }
}

fn band_class(b: Band) -> &'static str {
    match b {
        Band::Kept => "ld-band-kept",
        Band::Partly => "ld-band-partly",
        Band::Lost => "ld-band-lost",
    }
}

/// The doorfluister tab: a form for the next answer, then the comparison.
#[function_component(WhispersView)]
pub fn whispers_view(p: &WhispersProps) -> Html {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let t = |k: &dyn Text| k.text(lang);
    let w = &p.workshop;
    let principle = use_state(|| None::<Id>);
    let layer = use_state(|| Layer::Board);
    let author = use_state(String::new);
    let text = use_state(String::new);
    // Blind by default: nobody sees the charter's why or earlier answers before writing theirs.
    let hidden = use_state(|| true);
    let chosen = principle
        .as_ref()
        .and_then(|id| w.principles.iter().find(|p| &p.id == id))
        .or_else(|| w.principles.first())
        .map(|p| p.id.clone());
    let onsubmit = {
        let (ctx, chosen, layer, author, text) =
            (ctx.clone(), chosen.clone(), layer.clone(), author.clone(), text.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(pid) = chosen.clone() else { return };
            if text.trim().is_empty() {
                return;
            }
            let action = Action::AddWhisper {
                id: new_id("why"),
                principle: pid,
                layer: *layer,
                author: (*author).clone(),
                text: (*text).clone(),
            };
            // "Added", and an empty form, only once it is there: a refused text stays to be fixed.
            let (author, text) = (author.clone(), text.clone());
            let done = Callback::from(move |()| {
                author.set(String::new());
                text.set(String::new());
            });
            ctx.send(Msg::DoSay(action, AfterText::WhisperAdded.get(ctx.lang).to_string(), done));
        })
    };
    let md = {
        let w = w.clone();
        Callback::from(move |_| {
            download(
                &file_name("doorfluister-check", &w.setup.title, "md"),
                "text/markdown;charset=utf-8",
                &doorfluister_markdown(&w, lang),
            )
        })
    };
    let report = doorfluister(w);
    html! {
        <div class="ld-whispers">
            <p class="ld-hint">{ t(&AfterText::WhispersIntro) }</p>
            <form class="ld-card-box ld-new-whisper" {onsubmit} aria-labelledby="ld-new-whisper-h">
                <h3 id="ld-new-whisper-h">{ t(&AfterText::NewWhisper) }</h3>
                <div class="ld-grid-2">
                    <div class="ld-field">
                        <label for="ld-why-principle">{ t(&AfterText::Principle) }</label>
                        <select id="ld-why-principle" onchange={{ let s = principle.clone(); Callback::from(move |e: Event| s.set(Id::parse(&select_value(&e)))) }}>
                            { for w.principles.iter().enumerate().map(|(i, pr)| html! {
                                <option key={pr.id.as_str()} value={pr.id.as_str().to_string()} selected={Some(&pr.id) == chosen.as_ref()}>
                                    { format!("{}. {}", i + 1, pr.title) }
                                </option>
                            }) }
                        </select>
                    </div>
                    <div class="ld-field">
                        <label for="ld-why-layer">{ t(&AfterText::Layer) }</label>
                        <select id="ld-why-layer" onchange={{ let s = layer.clone(); Callback::from(move |e: Event| {
                            let v = select_value(&e);
                            if let Some(l) = Layer::ALL.into_iter().find(|l| layer_slug(*l) == v) { s.set(l) }
                        }) }}>
                            { for Layer::ALL.into_iter().map(|l| html! {
                                <option key={layer_slug(l)} value={layer_slug(l)} selected={l == *layer}>{ AfterText::layer(l).get(lang) }</option>
                            }) }
                        </select>
                    </div>
                </div>
                <TextField id="ld-why-author" label={t(&AfterText::Author)} value={(*author).clone()} max={limits::WHISPER_AUTHOR}
                    oninput={{ let s = author.clone(); Callback::from(move |v| s.set(v)) }} />
                <TextField id="ld-why-text" label={t(&AfterText::WhyText)} value={(*text).clone()} max={limits::WHISPER}
                    multiline=true required=true oninput={{ let s = text.clone(); Callback::from(move |v| s.set(v)) }} />
                <button type="submit" class="ld-button ld-primary">{ t(&AfterText::AddWhisper) }</button>
            </form>
            <div class="ld-after-check">
                <input id="ld-why-hide" type="checkbox" checked={*hidden}
                    onchange={{ let h = hidden.clone(); Callback::from(move |_| h.set(!*h)) }} />
                <label for="ld-why-hide">{ t(&AfterText::HideAnswers) }</label>
            </div>
            if *hidden {
                <p class="ld-hint">{ t(&AfterText::BlindNote) }</p>
            } else {
                <div class="ld-why-list">
                { for report.principles.iter().map(|c| html! {
                    <section key={c.principle.as_str()} class="ld-card-box ld-why" aria-labelledby={format!("ld-why-{}", c.principle.as_str())}>
                        <h3 id={format!("ld-why-{}", c.principle.as_str())}>{ &c.title }</h3>
                        if c.why.is_empty() {
                            <p class="ld-hint">{ t(&AfterText::NoStatedWhy) }</p>
                        } else {
                            <p class="ld-stated-why"><strong>{ format!("{}: ", t(&AfterText::StatedWhy)) }</strong>{ &c.why }</p>
                        }
                        if c.whispers.is_empty() {
                            <p class="ld-empty">{ t(&AfterText::NoWhispers) }</p>
                        } else {
                            <ul class="ld-whisper-list">
                            { for c.whispers.iter().map(|x| {
                                let remove = {
                                    let (ctx, id) = (ctx.clone(), x.whisper.clone());
                                    Callback::from(move |_| {
                                        if confirm(AfterText::ConfirmRemoveWhisper.get(ctx.lang)) {
                                            ctx.act(Action::RemoveWhisper { id: id.clone() });
                                        }
                                    })
                                };
                                html! {
                                    <li key={x.whisper.as_str()} class={classes!("ld-whisper", x.band.map(band_class))}>
                                        <p class="ld-whisper-who">
                                            <strong>{ AfterText::layer(x.layer).get(lang) }</strong>
                                            if !x.author.is_empty() { { format!(" · {}", x.author) } }
                                        </p>
                                        <p class="ld-whisper-text">{ &x.text }</p>
                                        if let Some(s) = x.similarity {
                                            <p class="ld-whisper-score">
                                                <span class={classes!("ld-band", if looks_like(s) { "ld-band-kept" } else { "ld-band-lost" })}>
                                                    { if looks_like(s) { t(&AfterText::BandKept) } else { t(&AfterText::BandLost) } }
                                                </span>
                                                { " " }<span class="ld-hint">{ t(&AfterText::HintNote) }</span>
                                            </p>
                                        }
                                        if !x.missing.is_empty() {
                                            <p class="ld-whisper-missing">{ format!("{}: {}", t(&AfterText::Missing), x.missing.join(", ")) }</p>
                                        }
                                        <button type="button" class="ld-button ld-quiet ld-small" onclick={remove}
                                            aria-label={format!("{}: {} ({})", t(&AfterText::RemoveWhisper), AfterText::layer(x.layer).get(lang), c.title)}>
                                            { t(&AfterText::RemoveWhisper) }</button>
                                    </li>
                                }
                            }) }
                            </ul>
                        }
                    </section>
                }) }
                </div>
                <section class="ld-per-layer" aria-labelledby="ld-per-layer-h">
                    <h3 id="ld-per-layer-h">{ t(&AfterText::PerLayer) }</h3>
                    <table class="ld-table">
                        <thead><tr>
                            <th scope="col">{ t(&AfterText::Layer) }</th>
                            <th scope="col" class="ld-num">{ t(&AfterText::Answers) }</th>
                            <th scope="col" class="ld-num">{ t(&AfterText::Average) }</th>
                            <th scope="col" class="ld-num">{ t(&AfterText::BandLost) }</th>
                        </tr></thead>
                        <tbody>
                        { for report.layers.iter().map(|l| html! {
                            <tr key={layer_slug(l.layer)}>
                                <th scope="row">{ AfterText::layer(l.layer).get(lang) }</th>
                                <td class="ld-num">{ l.count }</td>
                                <td class="ld-num">{ l.average.map(percent).unwrap_or_else(|| "–".into()) }</td>
                                <td class="ld-num">{ l.lost }</td>
                            </tr>
                        }) }
                        </tbody>
                    </table>
                    <p class="ld-hint">{ t(&AfterText::MethodNote) }</p>
                </section>
                <div class="ld-actions">
                    <button type="button" class="ld-button" onclick={md}>{ t(&AfterText::DownloadMarkdown) }</button>
                </div>
            }
        </div>
    }
}
