//! Na het charter: the tools a municipality uses once the set is there, as tabs.
//! Meetlat (yardstick), Congruentie, Doorfluister-check, Versies, and what goes home: the
//! posters and the residents' version; then the set in practice (`practice`): owners and
//! adoption, actions, the results monitor and the evaluation after a year. One file per tool.
//! Shown on the after-the-charter page (`src/ui/pages/after.rs`, `dist/after.html`).

mod congruence;
mod doorfluister;
mod posters;
mod practice;
mod versions;
mod yardstick;

use yew::prelude::*;

use super::platform;
use super::{use_ctx, Shared};
use crate::export::name::file_name;
use crate::i18n::{AfterText, PracticeText, Text};

/// The tools, in the order of the tabs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tool {
    Yardstick,
    Congruence,
    Whispers,
    Versions,
    Posters,
    Residents,
    Owners,
    Actions,
    Monitor,
    Evaluation,
}

impl Tool {
    const ALL: [Tool; 10] = [
        Tool::Yardstick,
        Tool::Congruence,
        Tool::Whispers,
        Tool::Versions,
        Tool::Posters,
        Tool::Residents,
        Tool::Owners,
        Tool::Actions,
        Tool::Monitor,
        Tool::Evaluation,
    ];

    fn slug(self) -> &'static str {
        match self {
            Tool::Yardstick => "yardstick",
            Tool::Congruence => "congruence",
            Tool::Whispers => "whispers",
            Tool::Versions => "versions",
            Tool::Posters => "posters",
            Tool::Residents => "residents",
            Tool::Owners => "owners",
            Tool::Actions => "actions",
            Tool::Monitor => "monitor",
            Tool::Evaluation => "evaluation",
        }
    }

    fn label(self) -> &'static dyn Text {
        match self {
            Tool::Yardstick => &AfterText::TabYardstick,
            Tool::Congruence => &AfterText::TabCongruence,
            Tool::Whispers => &AfterText::TabWhispers,
            Tool::Versions => &AfterText::TabVersions,
            Tool::Posters => &AfterText::TabPosters,
            Tool::Residents => &AfterText::TabResidents,
            Tool::Owners => &PracticeText::TabOwners,
            Tool::Actions => &PracticeText::TabActions,
            Tool::Monitor => &PracticeText::TabMonitor,
            Tool::Evaluation => &PracticeText::TabEvaluation,
        }
    }
}

/// Props of [`AfterView`].
#[derive(Properties, PartialEq)]
pub struct AfterProps {
    pub workshop: Shared,
}

/// The after-the-charter phase: an intro and six tabs (WAI-ARIA tabs: arrow keys, Home, End).
#[function_component(AfterView)]
pub fn after_view(p: &AfterProps) -> Html {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let tab = use_state(|| Tool::Yardstick);
    let t = |k: &dyn Text| k.text(lang);
    let current = *tab;
    let onkeydown = {
        let tab = tab.clone();
        Callback::from(move |e: KeyboardEvent| {
            let at = Tool::ALL.iter().position(|t| *t == *tab).unwrap_or(0);
            let next = match e.key().as_str() {
                "ArrowRight" => (at + 1) % Tool::ALL.len(),
                "ArrowLeft" => (at + Tool::ALL.len() - 1) % Tool::ALL.len(),
                "Home" => 0,
                "End" => Tool::ALL.len() - 1,
                _ => return,
            };
            e.prevent_default();
            let to = Tool::ALL[next];
            tab.set(to);
            platform::focus(&format!("#ld-tab-{}", to.slug()));
        })
    };
    let panel = if p.workshop.principles.is_empty() {
        html! { <p class="ld-empty">{ t(&AfterText::NoPrinciples) }</p> }
    } else {
        match current {
            Tool::Yardstick => html! { <yardstick::YardstickView workshop={p.workshop.clone()} /> },
            Tool::Congruence => html! { <congruence::CongruenceView workshop={p.workshop.clone()} /> },
            Tool::Whispers => html! { <doorfluister::WhispersView workshop={p.workshop.clone()} /> },
            Tool::Versions => html! { <versions::VersionsView workshop={p.workshop.clone()} /> },
            Tool::Posters => posters::posters_view(&p.workshop, lang),
            Tool::Residents => posters::residents_view(&p.workshop, lang),
            Tool::Owners => html! { <practice::OwnersView workshop={p.workshop.clone()} /> },
            Tool::Actions => html! { <practice::ActionsView workshop={p.workshop.clone()} /> },
            Tool::Monitor => html! { <practice::MonitorView workshop={p.workshop.clone()} /> },
            Tool::Evaluation => {
                let tab = tab.clone();
                let open = Callback::from(move |tool: Tool| {
                    tab.set(tool);
                    platform::focus(&format!("#ld-tab-{}", tool.slug()));
                });
                html! { <practice::EvaluationView workshop={p.workshop.clone()} {open} /> }
            }
        }
    };
    html! {
        <section class="ld-phase ld-after" aria-labelledby="ld-after-h">
            <div class="ld-after-head">
                <h2 id="ld-after-h">{ t(&AfterText::PhaseAfter) }</h2>
                <p class="ld-intro">{ t(&AfterText::AfterIntro) }</p>
            </div>
            <div class="ld-tabs" role="tablist" aria-label={t(&AfterText::Tools)}>
                { for Tool::ALL.iter().map(|&tool| {
                    let selected = tool == current;
                    let tab = tab.clone();
                    html! {
                        <button type="button" role="tab" key={tool.slug()} id={format!("ld-tab-{}", tool.slug())}
                            class={classes!("ld-tab", selected.then_some("ld-tab-on"))}
                            aria-selected={if selected { "true" } else { "false" }}
                            aria-controls={selected.then(|| format!("ld-panel-{}", tool.slug()))}
                            tabindex={if selected { "0" } else { "-1" }}
                            onclick={Callback::from(move |_| tab.set(tool))}
                            onkeydown={onkeydown.clone()}>
                            { t(tool.label()) }
                        </button>
                    }
                }) }
            </div>
            <div class="ld-tab-panel" role="tabpanel" id={format!("ld-panel-{}", current.slug())}
                aria-labelledby={format!("ld-tab-{}", current.slug())} data-tool={current.slug()}>
                { panel }
            </div>
        </section>
    }
}

/// A `<select>`'s value from its change event.
fn select_value(e: &Event) -> String {
    super::widgets::select_value(e)
}

/// An `<input>` or `<textarea>`'s value from its change event.
fn field_value(e: &Event) -> String {
    if let Some(t) = e.target_dyn_into::<web_sys::HtmlTextAreaElement>() {
        return t.value();
    }
    super::widgets::input_value(e)
}

/// Opens the browser's print dialog (the print CSS leaves only what the tab prints: the
/// yardstick's overview, the posters, the residents' text, the evaluation's summary).
fn print_page() -> Callback<MouseEvent> {
    Callback::from(|_| {
        if let Some(win) = web_sys::window() {
            let _ = win.print();
        }
    })
}

/// Offers an export as a download.
fn download(name: &str, mime: &str, text: &str) {
    platform::download(name, mime, text);
}
