//! Charter: the one-page A4 sheet, finalising the set, print (PDF) and Markdown.
//!
//! The sheet is shown at its printed size. Its type size comes from [`Charter::fit`]; after
//! each render the real height is measured, and if the estimate was too hopeful the sheet steps
//! down once more. When even the smallest type does not fit, nothing is cut silently: the step
//! says which parts fall off the page and what to shorten, before anyone prints.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::files::download_markdown;
use super::reduce::SetStatusLine;
use super::widgets::TextField;
use super::{use_ctx, Shared};
use crate::charter::{Charter, Part, SetSize, COMPACT};
use crate::export::name::slug;
use crate::i18n::{CharterText, ChooseText, CommonText, Lang, Text};
use crate::workshop::{limits, Action, Workshop};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub workshop: Shared,
}

/// The charter phase.
#[function_component(CharterView)]
pub fn view(p: &Props) -> Html {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let w: &Workshop = &p.workshop;
    let charter = Charter::of(w, lang);
    let estimate = charter.fit();
    // Extra steps found by measuring, and at the smallest type the parts measured off the
    // page, valid for this workshop and language only.
    let fit = use_state(|| (p.workshop.clone(), lang, 0u8, None::<Vec<Part>>));
    let current = fit.0 == p.workshop && fit.1 == lang;
    let extra = if current { fit.2 } else { 0 };
    let step = (estimate.density + extra).min(COMPACT);
    // The browser's measure when there is one; until then the estimate.
    let cut = fit.3.clone().filter(|_| current && step == COMPACT).unwrap_or(estimate.cut);
    {
        let (fit, key) = (fit.clone(), p.workshop.clone());
        use_effect_with((step, p.workshop.clone(), lang), move |(step, _, lang)| {
            if *step < COMPACT && sheet_overflows() {
                fit.set((key, *lang, extra + 1, None));
            } else if *step == COMPACT {
                let measured = parts_off_page();
                if fit.3.as_ref() != Some(&measured) || fit.0 != key || fit.1 != *lang {
                    fit.set((key, *lang, extra, Some(measured)));
                }
            }
        });
    }
    let print = Callback::from(|_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let md = {
        let (w, lang) = (p.workshop.clone(), lang);
        Callback::from(move |_| download_markdown(&w, lang))
    };
    let l = |k: &dyn Text| k.text(lang);
    html! {
        <section class="ld-phase ld-charter" aria-labelledby="ld-charter-h">
            <div class="ld-charter-controls">
                <h2 id="ld-charter-h">{ l(&CommonText::PhaseCharter) }</h2>
                <p class="ld-intro">{ l(&CharterText::CharterIntro) }</p>
                <SetStatusLine n={w.principles.len()} />
                <Finalise workshop={p.workshop.clone()} />
                if !cut.is_empty() {
                    <p class="ld-notice ld-notice-error" id="ld-charter-cut" data-cut={cut.iter().map(|p| p.key()).collect::<Vec<_>>().join(" ")}>
                        { l(&CharterText::DoesNotFit) }{ " " }{ part_names(&cut, lang) }{ ". " }{ l(&CharterText::ShortenAdvice) }
                    </p>
                }
                <div class="ld-row">
                    <button type="button" class="ld-button ld-primary" onclick={print}
                        aria-describedby={if cut.is_empty() { "ld-print-help" } else { "ld-charter-cut ld-print-help" }}>{ l(&CharterText::PrintPdf) }</button>
                    <button type="button" class="ld-button" onclick={md}>{ l(&CharterText::DownloadMarkdown) }</button>
                </div>
                <p class="ld-hint" id="ld-print-help">{ l(&CharterText::PrintHelp) }</p>
                <h3 class="ld-preview-h">{ l(&CharterText::Preview) }</h3>
            </div>
            <div class="ld-sheet-wrap">
                { sheet(&charter, step, lang, slug(&w.setup.title)) }
            </div>
        </section>
    }
}

/// "de spanningen en de deelnemers": the parts, named in the user's language.
fn part_names(parts: &[Part], lang: Lang) -> String {
    let name = |p: &Part| {
        match p {
            Part::Header => CharterText::PartHeader,
            Part::Principles => CharterText::PartPrinciples,
            Part::Outcomes => CharterText::PartOutcomes,
            Part::Tensions => CharterText::PartTensions,
            Part::Participants => CharterText::PartParticipants,
        }
        .get(lang)
    };
    let names: Vec<&str> = parts.iter().map(name).collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => {
            format!("{} {} {last}", rest.join(", "), ChooseText::And.get(lang))
        }
        _ => names.concat(),
    }
}

/// The sheet, its content, and how many pixels the printable height is (297 mm with 11 mm
/// padding top and bottom: 275 mm, less a little for rounding).
fn measure() -> Option<(web_sys::Element, web_sys::HtmlElement, f64)> {
    let doc = web_sys::window().and_then(|w| w.document())?;
    let find =
        |sel: &str| doc.query_selector(sel).ok().flatten().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    let (sheet, inner) = (find(".leidraad .ld-sheet")?, find(".leidraad .ld-sheet-inner")?);
    let room = f64::from(sheet.offset_height()) / 297.0 * 273.0;
    Some((sheet.into(), inner, room))
}

/// Whether the sheet's content is taller than the page's printable area.
fn sheet_overflows() -> bool {
    measure().is_some_and(|(_, inner, room)| f64::from(inner.offset_height()) > room)
}

/// The parts whose end lies below the printable area, top to bottom.
fn parts_off_page() -> Vec<Part> {
    let Some((sheet, inner, room)) = measure() else { return Vec::new() };
    let top = inner.offset_top();
    Part::ALL
        .into_iter()
        .filter(|part| {
            let sel = format!("[data-part=\"{}\"]", part.key());
            sheet
                .query_selector(&sel)
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                .is_some_and(|e| f64::from(e.offset_top() + e.offset_height() - top) > room)
        })
        .collect()
}

#[derive(Properties, PartialEq)]
struct FinaliseProps {
    workshop: Shared,
}

/// Declare the set final (with a reason outside five to eight), or reopen it.
#[function_component(Finalise)]
fn finalise(p: &FinaliseProps) -> Html {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let w: &Workshop = &p.workshop;
    let reason = use_state(|| w.finalised.as_ref().and_then(|f| f.reason.clone()).unwrap_or_default());
    let good = SetSize::of(w.principles.len()) == SetSize::Good;
    let l = |k: &dyn Text| k.text(lang);
    let may = ctx.offers(crate::live::Control::Finalise);
    if let Some(f) = &w.finalised {
        let reopen = {
            let ctx = ctx.clone();
            Callback::from(move |_| ctx.act(Action::Reopen))
        };
        return html! {
            <div class="ld-finalise ld-row">
                <p class="ld-finalised"><span aria-hidden="true">{ "✓ " }</span>{ l(&CharterText::Finalised) }{ " " }
                    { crate::charter::adoption_line(w, lang).unwrap_or_else(|| l(&CharterText::StillToAdopt).to_string()) }
                    if let Some(r) = &f.reason { { " " }{ l(&CharterText::ReasonOnCharter) }{ " " }{ r } }
                </p>
                if may {
                    <button type="button" class="ld-button ld-quiet" onclick={reopen}>{ l(&CharterText::Reopen) }</button>
                } else {
                    <p class="ld-hint">{ l(&crate::i18n::HostText::OnlyFinalise) }</p>
                }
            </div>
        };
    }
    if !may {
        return html! { <p class="ld-hint ld-finalise">{ l(&crate::i18n::HostText::OnlyFinalise) }</p> };
    }
    let onsubmit = {
        let (ctx, reason) = (ctx.clone(), reason.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let r = reason.trim().to_string();
            ctx.act(Action::Finalise { reason: if good || r.is_empty() { None } else { Some(r) } });
        })
    };
    html! {
        <form class="ld-finalise" {onsubmit}>
            if !good {
                <TextField id="ld-reason" label={l(&CharterText::Reason)} value={(*reason).clone()} max={limits::REASON} multiline=true
                    oninput={{ let r = reason.clone(); Callback::from(move |v| r.set(v)) }} />
            }
            <button type="submit" class="ld-button">{ if good { l(&CharterText::Finalise) } else { l(&CharterText::FinaliseAnyway) } }</button>
        </form>
    }
}

/// The printed page. Every user text is a text node. A plain function, not a component: it
/// has no state of its own, and each component costs code in the wasm. `step` is the density,
/// `file` the name part for printing to PDF.
fn sheet(c: &Charter, step: u8, lang: Lang, file: String) -> Html {
    let l = |k: &dyn Text| k.text(lang);
    let cols = crate::charter::principle_columns(c.principles.len());
    let status = if c.draft {
        (CharterText::DraftMark, l(&CharterText::DraftExplain).to_string())
    } else {
        (CharterText::Finalised, c.adopted.clone().unwrap_or_else(|| l(&CharterText::StillToAdopt).to_string()))
    };
    let more = |n: usize| -> Html {
        if n == 0 {
            html! {}
        } else {
            html! { <p class="ld-sheet-more">{ format!("{} +{n}", l(&CharterText::MoreNotShown)) }</p> }
        }
    };
    html! {
        <article class="ld-sheet" data-density={step.to_string()} data-file={file} aria-label={l(&CharterText::Preview)}>
            <div class="ld-sheet-inner">
                <header class="ld-sheet-head" data-part="header">
                    if !c.organisation.is_empty() {
                        <p class="ld-sheet-org">{ &c.organisation }</p>
                    }
                    <p class="ld-sheet-title">{ &c.title }</p>
                    if !c.date.is_empty() {
                        <p class="ld-sheet-date">{ &c.date }</p>
                    }
                    if let Some(e) = &c.evaluation {
                        <p class="ld-sheet-date ld-sheet-evaluation">{ e }</p>
                    }
                </header>
                // The draft mark, or (once the group finished the set) who still has to adopt it;
                // a departure from five to eight keeps the warning's look either way.
                <p class={if c.draft || c.reason.is_some() { "ld-sheet-draft" } else { "ld-sheet-adopt" }}>
                    <strong>{ l(&status.0) }</strong>{ " " }{ status.1 }{ " " }
                    if let Some(r) = &c.reason {
                        <strong>{ l(&CharterText::ReasonOnCharter) }</strong>{ " " }{ r }
                    }
                </p>
                <section class="ld-sheet-section" data-part="principles">
                    <h4>{ l(&CharterText::CharterPrinciples) }
                        if c.whys_left_out {
                            { " " }<span class="ld-sheet-h-note">{ l(&CharterText::WhysElsewhere) }</span>
                        }
                    </h4>
                    <ol class="ld-sheet-principles" data-cols={cols.to_string()}>
                    { for c.principles.iter().map(|pr| html! {
                        <li key={pr.number}>
                            <span class="ld-sheet-n" aria-hidden="true">{ pr.number }</span>
                            <div>
                                <p class="ld-sheet-ptitle">{ &pr.title }{ " " }<span class="ld-sheet-kind">{ pr.kind }</span></p>
                                if !pr.meaning.is_empty() {
                                    <p class="ld-sheet-meaning">{ &pr.meaning }</p>
                                }
                                if !pr.why.is_empty() {
                                    <p class="ld-sheet-why"><strong>{ l(&CharterText::CharterWhy) }</strong>{ " " }{ &pr.why }</p>
                                }
                                if !pr.serves.is_empty() {
                                    <p class="ld-sheet-serves"><strong>{ l(&CharterText::CharterServes) }</strong>{ " " }{ &pr.serves }</p>
                                }
                            </div>
                        </li>
                    }) }
                    </ol>
                </section>
                if c.outcomes_apart() {
                    <section class="ld-sheet-section" data-part="outcomes">
                        <h4>{ l(&CharterText::CharterOutcomes) }</h4>
                        <ul class="ld-sheet-outcomes">
                            { for c.outcomes.iter().enumerate().map(|(i, o)| html! { <li key={i}>{ o }</li> }) }
                        </ul>
                        { more(c.outcomes_more) }
                    </section>
                }
                if !c.tensions.is_empty() {
                    <section class="ld-sheet-section" data-part="tensions">
                        <h4>{ l(&CharterText::CharterTensions) }</h4>
                        <ul class="ld-sheet-tensions">
                        { for c.tensions.iter().enumerate().map(|(i, t)| html! {
                            <li key={i}>
                                <p class="ld-sheet-pair"><strong>{ format!("{} ↔ {}", t.a, t.b) }</strong>
                                    { " — " }
                                    { match &t.first {
                                        Some(f) => format!("{f} {}", l(&ChooseText::First)),
                                        None => l(&ChooseText::NotChosen).to_string(),
                                    } }
                                </p>
                                if !t.note.is_empty() {
                                    <p class="ld-sheet-note">{ &t.note }</p>
                                }
                            </li>
                        }) }
                        </ul>
                        { more(c.tensions_more) }
                    </section>
                }
                if !c.groups.is_empty() {
                    <footer class="ld-sheet-foot" data-part="participants">
                        <strong>{ l(&CharterText::Participants) }</strong>{ " " }{ c.groups.join(", ") }
                        if c.groups_more > 0 { { format!(" +{}", c.groups_more) } }
                    </footer>
                }
            </div>
        </article>
    }
}
