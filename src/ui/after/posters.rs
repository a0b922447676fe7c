//! What goes home beyond the charter: a poster per principle (printed all at once, one per
//! page, or downloaded each as SVG) and the set in plain words for residents (printed, or as
//! Markdown). On the after-the-charter page, so none of it adds to the workshop page.

use yew::prelude::*;

use super::print_page;
use super::{download, file_name};
use crate::charter::poster::{poster_file_name, poster_svg, posters};
use crate::charter::residents::{residents, residents_markdown};
use crate::i18n::{AfterText, HomeText, Lang, Text};
use crate::ui::Shared;

/// The posters tab: one poster per principle, each with its SVG download.
pub fn posters_view(w: &Shared, lang: Lang) -> Html {
    html! { <Posters workshop={w.clone()} {lang} /> }
}

#[derive(Properties, PartialEq)]
struct PostersProps {
    workshop: Shared,
    lang: Lang,
}

/// The posters, printed on A4 or A3: the same poster, scaled by the square root of two in print
/// (`styles/charter.css`, a named page of A3). The SVG has A4's proportions, which are A3's too.
/// The paper is a choice of this screen, not part of the workshop.
#[function_component(Posters)]
fn posters_tab(p: &PostersProps) -> Html {
    let lang = p.lang;
    let a3 = use_state(|| false);
    let t = |k: &dyn Text| k.text(lang);
    let all = posters(&p.workshop, lang);
    let paper = |big: bool, label: AfterText| {
        let a3 = a3.clone();
        let id = if big { "ld-paper-a3" } else { "ld-paper-a4" };
        html! {
            <div class="ld-radio">
                <input type="radio" name="ld-poster-paper" {id} checked={*a3 == big} onchange={Callback::from(move |_| a3.set(big))} />
                <label for={id}>{ t(&label) }</label>
            </div>
        }
    };
    html! {
        <div class="ld-share">
            <p class="ld-hint ld-noprint">{ t(&AfterText::PostersIntro) }</p>
            <fieldset class="ld-paper ld-noprint">
                <legend>{ t(&AfterText::PosterSize) }</legend>
                <div class="ld-kinds">
                    { paper(false, AfterText::PosterA4) }
                    { paper(true, AfterText::PosterA3) }
                </div>
            </fieldset>
            <div class="ld-actions ld-noprint">
                <button type="button" class="ld-button ld-primary" onclick={print_page()}>{ t(&AfterText::PrintPosters) }</button>
            </div>
            <div class="ld-posters" data-paper={a3.then_some("a3")}>
            { for all.into_iter().map(|poster| {
                let svg = {
                    let poster = poster.clone();
                    Callback::from(move |_| download(&poster_file_name(&poster), "image/svg+xml", &poster_svg(&poster, lang)))
                };
                let label = |k: HomeText| k.get(lang);
                html! {
                    <div class="ld-poster-wrap" key={poster.number}>
                        <button type="button" class="ld-button ld-noprint" onclick={svg}>
                            { format!("{} {} (SVG)", t(&AfterText::DownloadPoster), poster.number) }
                        </button>
                        <article class="ld-poster" data-long={(poster.title.chars().count() > 36).then_some("true")}>
                            <p class="ld-poster-n" aria-hidden="true">{ poster.number }</p>
                            <h3 class="ld-poster-title">{ &poster.title }</h3>
                            if !poster.meaning.is_empty() {
                                <p class="ld-poster-label">{ label(HomeText::PosterMeaning) }</p>
                                <p class="ld-poster-text">{ &poster.meaning }</p>
                            }
                            if !poster.why.is_empty() {
                                <p class="ld-poster-label">{ label(HomeText::PosterWhy) }</p>
                                <p class="ld-poster-text">{ &poster.why }</p>
                            }
                            if !poster.serves.is_empty() {
                                <p class="ld-poster-label">{ label(HomeText::ServesOnPoster) }</p>
                                <p class="ld-poster-text">{ &poster.serves }</p>
                            }
                            <p class="ld-poster-foot">{ &poster.workshop }
                                if !poster.date.is_empty() { { " · " }{ &poster.date } }
                            </p>
                        </article>
                    </div>
                }
            }) }
            </div>
        </div>
    }
}

/// The residents' tab: the whole set in plain words, to print or download as Markdown.
pub fn residents_view(w: &Shared, lang: Lang) -> Html {
    let t = |k: &dyn Text| k.text(lang);
    let r = residents(w, lang);
    let md = {
        let w = w.clone();
        Callback::from(move |_| {
            download(&file_name("inwoners", &w.setup.title, "md"), "text/markdown", &residents_markdown(&w, lang))
        })
    };
    let label = |k: HomeText| k.get(lang);
    html! {
        <div class="ld-share">
            <p class="ld-hint ld-noprint">{ t(&AfterText::ResidentsTabIntro) }</p>
            <div class="ld-actions ld-noprint">
                <button type="button" class="ld-button ld-primary" onclick={print_page()}>{ t(&AfterText::PrintResidents) }</button>
                <button type="button" class="ld-button" onclick={md}>{ t(&AfterText::DownloadMarkdown) }</button>
            </div>
            <article class="ld-residents">
                <h3>{ &r.title }</h3>
                if !r.organisation.is_empty() { <p><strong>{ &r.organisation }</strong></p> }
                <p>{ label(HomeText::ResidentsIntro) }</p>
                if r.draft { <p><em>{ label(HomeText::ResidentsDraft) }</em></p> }
                <ol>
                { for r.items.iter().enumerate().map(|(i, item)| html! {
                    <li key={i}>
                        <h4>{ &item.title }</h4>
                        { for [(HomeText::PosterMeaning, &item.meaning), (HomeText::PosterWhy, &item.why), (HomeText::ResidentsBrings, &item.brings)]
                            .into_iter().filter(|(_, x)| !x.is_empty()).map(|(k, x)| html! {
                                <p><strong>{ label(k) }</strong>{ " " }{ x }</p>
                            }) }
                    </li>
                }) }
                </ol>
                if let Some(e) = &r.evaluation { <p>{ e }</p> }
                <p>{ label(HomeText::ResidentsQuestions) }</p>
            </article>
        </div>
    }
}
