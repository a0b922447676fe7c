//! The projector view: a read-only, large-type, high-contrast rendering of what the working
//! window shows, in a second window on the same laptop. The working window feeds it over the
//! BroadcastChannel; at start the projector reads what was saved, then asks for the rest.

use std::rc::Rc;

use yew::prelude::*;

use super::clock::Timers;
use super::edge::{self, Channel};
use super::locks::{is_locked, lock_icon};
use super::timer::{countdown, use_ticker};
use super::wire::{View, Wire};
use crate::format;
use crate::i18n::{self, ChooseText, ClusterText, CollectText, CommonText, FacilitateText, Lang, SetupText};
use crate::ui::platform::{self, Stored};
use crate::ui::{use_ctx, Msg, Phase, Screen, Shared};
use crate::workshop::{limits, PrincipleKind, Workshop};

/// Publishes what the working window shows to projector windows: the view (phase and language)
/// always to local storage, and view plus workshop over the channel once a projector has said
/// hello (so a session without projector does not serialise the workshop twice).
#[hook]
pub fn use_projector_feed(phase: Phase, number: (usize, usize), lang: Lang, workshop: Shared) {
    // Opened in an effect, never while rendering: rendering also runs natively (tests, SSR).
    let channel = use_mut_ref(|| None::<Channel>);
    let heard = use_mut_ref(|| false);
    let latest = use_mut_ref(|| None::<(View, Shared)>);
    {
        let (channel, heard, latest) = (channel.clone(), heard.clone(), latest.clone());
        use_effect_with((), move |_| {
            *channel.borrow_mut() = Channel::open();
            let listener = channel.borrow().clone().map(|c| {
                let reply = c.clone();
                let listener = c.listen(move |wire| {
                    if wire == Wire::Hello {
                        *heard.borrow_mut() = true;
                        if let Some((view, w)) = &*latest.borrow() {
                            reply.post(&Wire::State { view: view.clone(), workshop: format::to_json(w) });
                        }
                    }
                });
                c.post(&Wire::Ping);
                listener
            });
            move || drop(listener)
        });
    }
    use_effect_with((phase, number, lang, workshop), move |(phase, number, lang, workshop)| {
        let view = View::new(*phase, *lang, *number);
        match channel.borrow().as_ref() {
            Some(c) if *heard.borrow() => {
                c.post(&Wire::State { view: view.clone(), workshop: format::to_json(workshop) })
            }
            Some(_) => {}
            // Without BroadcastChannel the projector can only read storage.
            None => edge::save_view(&view),
        }
        *latest.borrow_mut() = Some((view, workshop.clone()));
    });
}

/// The header button that opens the projector view in a new window.
#[function_component(ProjectorButton)]
pub fn projector_button() -> Html {
    let ctx = use_ctx();
    let onclick = {
        let ctx = ctx.clone();
        Callback::from(move |_| {
            if !edge::open_projector() {
                let url = edge::projector_url().unwrap_or_default();
                ctx.send(Msg::Say(format!("{} {url}", ctx.t(FacilitateText::ProjectorBlocked))));
            }
        })
    };
    html! {
        <button type="button" class="ld-button ld-quiet" aria-label={ctx.t(FacilitateText::OpenProjectorLabel)} {onclick}>
            { screen_icon() }{ ctx.t(FacilitateText::OpenProjector) }
        </button>
    }
}

/// A small screen on a stand; decoration only. A plain function, not a component: each
/// component costs code in the wasm, and this one has no state to keep.
fn screen_icon() -> Html {
    html! {
        <svg class="ld-lock-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <rect x="1.5" y="2" width="13" height="9" rx="1" fill="none" stroke="currentColor" stroke-width="1.8" />
            <path d="M8 11v3M5 14.5h6" stroke="currentColor" stroke-width="1.8" />
        </svg>
    }
}

/// How the projector page starts.
#[derive(Clone, Debug, Default, PartialEq, Properties)]
pub struct ProjectorProps {
    /// The host page's language, until the working window says which one it uses.
    #[prop_or_default]
    pub lang: Option<Lang>,
}

/// What the projector shows.
#[derive(Clone, PartialEq)]
struct Seen {
    view: Option<View>,
    workshop: Option<Shared>,
    timers: Timers,
}

/// The projector page (opened as `?leidraad=projector`). Read-only: it sends no actions.
#[function_component(Projector)]
pub fn projector(p: &ProjectorProps) -> Html {
    let seen = use_state(|| Seen { view: edge::load_view(), workshop: None, timers: edge::load_timers() });
    // Messages from the working window; the latest state is read through a ref, since the
    // listener lives as long as the page.
    {
        let seen = seen.clone();
        let current = use_mut_ref(|| (*seen).clone());
        *current.borrow_mut() = (*seen).clone();
        use_effect_with((), move |_| {
            // The stored workshop, unless the working window answered first (IndexedDB is read later).
            let (stored_seen, stored_current) = (seen.clone(), current.clone());
            yew::platform::spawn_local(async move {
                if let Stored::Workshop(w) = platform::load().await.stored {
                    let mut next = stored_current.borrow().clone();
                    if next.workshop.is_none() {
                        next.workshop = Some(Shared(Rc::new(*w)));
                        *stored_current.borrow_mut() = next.clone();
                        stored_seen.set(next);
                    }
                }
            });
            let channel = Channel::open();
            let listener = channel.clone().map(|c| {
                let reply = c.clone();
                let listener = c.listen(move |wire| {
                    let mut next = current.borrow().clone();
                    match wire {
                        Wire::Ping => return reply.post(&Wire::Hello),
                        Wire::Hello => return,
                        Wire::State { view, workshop } => {
                            next.view = Some(view);
                            // The same checks as any file: a damaged text is not shown.
                            if let Ok(w) = format::from_json(&workshop) {
                                next.workshop = Some(Shared(Rc::new(w)));
                            }
                        }
                        Wire::Timers { timers } => next.timers = timers,
                    }
                    *current.borrow_mut() = next.clone();
                    seen.set(next);
                });
                c.post(&Wire::Hello);
                listener
            });
            move || drop(listener)
        });
    }

    let lang = seen
        .view
        .as_ref()
        .map(View::lang)
        .or(p.lang)
        .or_else(|| platform::setting(platform::LANG_KEY).map(|c| Lang::from_code(&c)))
        .unwrap_or_default();
    let phase = seen.view.as_ref().and_then(View::phase);
    use_ticker(phase.is_some_and(|p| seen.timers.get(p.slug()).is_running()));
    {
        let title = format!("{} – {}", FacilitateText::ProjectorTitle.get(lang), CommonText::AppName.get(lang));
        use_effect_with(title, |title| {
            if let Some(d) = web_sys::window().and_then(|w| w.document()) {
                d.set_title(title);
            }
        });
    }

    let fit = use_fit(seen.view.clone(), seen.workshop.clone());

    let (Some(phase), Some(w)) = (phase, seen.workshop.clone()) else {
        return html! {
            <div class="leidraad ld-projector" lang={lang.code()}>
                <main class="ld-proj-main">
                    <h1>{ FacilitateText::ProjectorTitle.get(lang) }</h1>
                    <p class="ld-proj-wait" role="status">{ FacilitateText::ProjectorWaiting.get(lang) }</p>
                </main>
            </div>
        };
    };
    let title =
        if w.setup.title.is_empty() { CommonText::AppTagline.get(lang).to_string() } else { w.setup.title.clone() };
    let (number, total) = seen.view.as_ref().and_then(View::numbering).unwrap_or((phase.number(), Phase::ALL.len()));
    let locked = is_locked(&w, phase);
    let timer = seen.timers.get(phase.slug());
    let now = edge::now();
    let body = match phase.screen() {
        Screen::Setup => setup_screen(&w, lang),
        Screen::Collect => collect_screen(&w, lang),
        Screen::Board => board_screen(&w, lang),
        Screen::Reduce => reduce_screen(&w, lang),
        Screen::Set => set_screen(&w, lang),
    };
    html! {
        <div class="leidraad ld-projector" lang={lang.code()} data-phase={phase.slug()}>
            <header class="ld-proj-head">
                <div>
                    <p class="ld-proj-brand">{ format!("{} · {}", CommonText::AppName.get(lang), FacilitateText::ProjectorTitle.get(lang)) }</p>
                    <h1 class="ld-proj-title">{ title }</h1>
                    <p class="ld-proj-step">
                        { format!("{} {number} / {total}: ", FacilitateText::Step.get(lang)) }
                        <strong>{ phase.label(lang) }</strong>
                        if locked {
                            <span class="ld-proj-locked">{ lock_icon() }{ FacilitateText::Locked.get(lang) }</span>
                        }
                    </p>
                </div>
                if timer.is_started() {
                    <div class="ld-proj-timer">
                        { countdown(&timer, lang, phase.label(lang), now) }
                    </div>
                }
            </header>
            // Focusable, so a screen that does not fit (a long ranking with the split by group) can be
            // scrolled by keyboard too.
            <main class="ld-proj-main" tabindex="0" aria-label={phase.label(lang)} data-fit={fit.to_string()}>
                { body }
            </main>
            <footer class="ld-proj-foot"><p>{ FacilitateText::ProjectorReadOnly.get(lang) }</p></footer>
        </div>
    }
}

/// How many steps (0 to [`FIT_STEPS`]) the projector's type is made smaller so that everything
/// fits on the screen without scrolling (see `.ld-proj-main[data-fit]` in facilitate.css). Starts
/// large again whenever what is shown or the window's size changes, then steps down after each
/// render while the content is taller than the room under the projector's heading.
#[hook]
fn use_fit(view: Option<View>, workshop: Option<Shared>) -> u8 {
    let fit = use_state(|| 0u8);
    let size = use_state(|| (0, 0));
    {
        let size = size.setter();
        use_effect_with((), move |_| {
            let listener = edge::on_resize(move |s| size.set(s));
            move || drop(listener)
        });
    }
    {
        let fit = fit.setter();
        use_effect_with((view, workshop, *size), move |_| fit.set(0));
    }
    {
        let fit = fit.clone();
        use_effect(move || {
            if *fit < FIT_STEPS && edge::projector_overflows() {
                fit.set(*fit + 1);
            }
        });
    }
    *fit
}

/// The smallest the projector's type gets (see facilitate.css): half its size.
const FIT_STEPS: u8 = 6;

// What each step shows on the projector: plain functions, not components (each component
// costs code in the wasm; these keep no state and the projector renders them once per change).

fn setup_screen(w: &Workshop, lang: Lang) -> Html {
    // The date as people say it ("12 maart 2027"), not as the date field stores it.
    let date = crate::export::date::date(&w.setup.date, lang);
    let meta: Vec<&str> = [w.setup.organisation.as_str(), date.as_str(), w.setup.facilitator.as_str()]
        .into_iter()
        .filter(|s| !s.trim().is_empty())
        .collect();
    html! {
        <>
            if !meta.is_empty() {
                <p class="ld-proj-meta">{ meta.join(" · ") }</p>
            }
            <section aria-labelledby="ld-proj-outcomes">
                <h2 id="ld-proj-outcomes">{ FacilitateText::Outcomes.get(lang) }</h2>
                if w.setup.outcomes.is_empty() {
                    <p class="ld-proj-empty">{ SetupText::NoOutcomes.get(lang) }</p>
                }
                <ul class="ld-proj-list">
                    { for w.setup.outcomes.iter().map(|o| html! { <li key={o.id.as_str()}>{ &o.text }</li> }) }
                </ul>
            </section>
            <section aria-labelledby="ld-proj-groups">
                <h2 id="ld-proj-groups">{ FacilitateText::Groups.get(lang) }</h2>
                <ul class="ld-proj-tags">
                    { for w.setup.groups.iter().map(|g| html! { <li key={g.id.as_str()}>{ &g.name }</li> }) }
                </ul>
            </section>
        </>
    }
}

fn collect_screen(w: &Workshop, lang: Lang) -> Html {
    if w.sources.is_empty() {
        return html! { <p class="ld-proj-empty">{ CollectText::NoSources.get(lang) }</p> };
    }
    html! {
        <>
            <p class="ld-proj-meta">{ i18n::cards(w.cards.len(), lang) }</p>
            <ul class="ld-proj-grid">
            { for w.sources.iter().map(|s| {
                let cards: Vec<_> = w.cards.iter().filter(|c| c.source == s.id).collect();
                html! {
                    <li key={s.id.as_str()} class="ld-proj-box">
                        <p class="ld-proj-kind">{ i18n::source_kind(s.kind, lang) }</p>
                        <h2>{ &s.title }</h2>
                        if cards.is_empty() {
                            <p class="ld-proj-empty">{ FacilitateText::NoCardsShown.get(lang) }</p>
                        }
                        <ul class="ld-proj-cards">
                            { for cards.iter().map(|c| html! { <li key={c.id.as_str()}>{ &c.text }</li> }) }
                        </ul>
                    </li>
                }
            }) }
            </ul>
        </>
    }
}

fn board_screen(w: &Workshop, lang: Lang) -> Html {
    if w.cards.is_empty() {
        return html! { <p class="ld-proj-empty">{ ClusterText::NoCardsYet.get(lang) }</p> };
    }
    let loose: Vec<_> = w.cards_in(None).collect();
    html! {
        <ul class="ld-proj-grid">
            { for w.clusters.iter().map(|cl| {
                let cards: Vec<_> = w.cards_in(Some(&cl.id)).collect();
                html! {
                    <li key={cl.id.as_str()} class="ld-proj-box">
                        <h2>{ &cl.name }</h2>
                        <p class="ld-proj-kind">{ i18n::cards(cards.len(), lang) }</p>
                        <ul class="ld-proj-cards">
                            { for cards.iter().map(|c| html! { <li key={c.id.as_str()}>{ &c.text }</li> }) }
                        </ul>
                    </li>
                }
            }) }
            if !loose.is_empty() {
                <li key="ld-loose" class="ld-proj-box ld-proj-loose">
                    <h2>{ FacilitateText::NotGrouped.get(lang) }</h2>
                    <p class="ld-proj-kind">{ i18n::cards(loose.len(), lang) }</p>
                    <ul class="ld-proj-cards">
                        { for loose.iter().map(|c| html! { <li key={c.id.as_str()}>{ &c.text }</li> }) }
                    </ul>
                </li>
            }
        </ul>
    }
}

fn reduce_screen(w: &Workshop, lang: Lang) -> Html {
    let revealed = w.voting.revealed;
    html! {
        <div class="ld-proj-two">
            <section aria-labelledby="ld-proj-result">
                <h2 id="ld-proj-result">{ ChooseText::Results.get(lang) }</h2>
                if w.clusters.is_empty() {
                    <p class="ld-proj-empty">{ ChooseText::NoClusters.get(lang) }</p>
                } else if !revealed {
                    <p class="ld-proj-empty">{ FacilitateText::ResultHidden.get(lang) }</p>
                    <ul class="ld-proj-list">
                        { for w.clusters.iter().map(|c| html! { <li key={c.id.as_str()}>{ &c.name }</li> }) }
                    </ul>
                } else {
                    <ol class="ld-proj-ranking">
                    { for w.ranking().into_iter().map(|(c, dots)| html! {
                        <li key={c.id.as_str()}>
                            <span class="ld-proj-rank-name">{ &c.name }</span>
                            <span class="ld-proj-dots">{ i18n::dots(dots, lang) }</span>
                        </li>
                    }) }
                    </ol>
                    { crate::ui::reduce::split::dominance_notes(w, lang) }
                    { crate::ui::reduce::split::split_table(w, lang) }
                }
            </section>
            <section aria-labelledby="ld-proj-set">
                <h2 id="ld-proj-set">{ FacilitateText::ChosenSet.get(lang) }</h2>
                { set_size(w.principles.len(), lang) }
                <ol class="ld-proj-list ld-proj-numbered">
                    { for w.principles.iter().map(|pr| html! { <li key={pr.id.as_str()}>{ &pr.title }</li> }) }
                </ol>
            </section>
        </div>
    }
}

fn set_screen(w: &Workshop, lang: Lang) -> Html {
    html! {
        <>
            { set_size(w.principles.len(), lang) }
            <ol class="ld-proj-set">
            { for w.principles.iter().map(|pr| html! {
                <li key={pr.id.as_str()}>
                    <h2>{ &pr.title }</h2>
                    <p class="ld-proj-kind">{ match pr.kind { PrincipleKind::TransformationGoal => FacilitateText::Goal, PrincipleKind::Value => FacilitateText::Value }.get(lang) }</p>
                    if !pr.text.meaning.is_empty() {
                        <p class="ld-proj-meaning">{ &pr.text.meaning }</p>
                    }
                </li>
            }) }
            </ol>
        </>
    }
}

/// "6 principes: een goede set…", or plainly that none is chosen yet.
fn set_size(n: usize, lang: Lang) -> Html {
    if n == 0 {
        return html! { <p class="ld-proj-empty">{ FacilitateText::NoSetYet.get(lang) }</p> };
    }
    let verdict = if n < limits::SET_MIN {
        ChooseText::SetTooFew
    } else if n > limits::SET_MAX {
        ChooseText::SetTooMany
    } else {
        ChooseText::SetGood
    };
    let good = verdict == ChooseText::SetGood;
    html! {
        <p class={classes!("ld-proj-size", (!good).then_some("ld-proj-size-warn"))}>
            <strong>{ format!("{}: ", i18n::principles(n, lang)) }</strong>{ verdict.get(lang) }
        </p>
    }
}
