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

/// The posters tab: one A4 poster per principle, each with its SVG download. Plain functions,
/// not components: they keep no state, and each component costs code in the wasm.
pub fn posters_view(w: &Shared, lang: Lang) -> Html {
    let t = |k: &dyn Text| k.text(lang);
    let all = posters(w, lang);
    html! {
        <div class="ld-share">
            <p class="ld-hint ld-noprint">{ t(&AfterText::PostersIntro) }</p>
            <div class="ld-actions ld-noprint">
                <button type="button" class="ld-button ld-primary" onclick={print_page()}>{ t(&AfterText::PrintPosters) }</button>
            </div>
            <div class="ld-posters">
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
