//! The timer in the header: a countdown per phase, always in sight, and the facilitator's menu
//! beside it with start, pause, reset, a setting for the minutes and the (optional) sound, and
//! what the page adds (the projector, the step's lock). The time is computed from timestamps at
//! every render; a ticker only asks for a new render, so a slowed-down background tab is still
//! right.

use gloo::events::EventListener;
use gloo::timers::callback::Interval;
use yew::prelude::*;

use super::clock::{Timer, Timers, MAX_MINUTES, MIN_MINUTES};
use super::edge::{self, Channel};
use super::wire::Wire;
use crate::i18n::{FacilitateText, Lang};
use crate::ui::{use_ctx, Phase};

/// Re-renders four times a second while `active`, and at once when the tab becomes visible.
#[hook]
pub fn use_ticker(active: bool) {
    let tick = use_state(|| 0u32);
    use_effect_with(active, move |active| {
        let handles = active.then(|| {
            let t = tick.clone();
            let interval = Interval::new(250, move || t.set(t.wrapping_add(1)));
            let t = tick.clone();
            let visible = web_sys::window()
                .and_then(|w| w.document())
                .map(|d| EventListener::new(&d, "visibilitychange", move |_| t.set(t.wrapping_add(1))));
            (interval, visible)
        });
        move || drop(handles)
    });
}

/// The countdown and, at the end, the calm signal "Tijd is om" (colour and words, no blinking).
/// `phase_name` is for the label ("Timer voor Verzamelen"); `now` is the time to show it at
/// (`Date.now()`: the caller's ticker renders it anew). A plain function, not a component: it
/// keeps no state, and each component costs code in the wasm.
pub fn countdown(timer: &Timer, lang: Lang, phase_name: &str, now: f64) -> Html {
    let over = timer.is_over(now);
    let paused = !timer.is_running() && timer.is_started() && !over;
    html! {
        <span class={classes!("ld-countdown", over.then_some("ld-countdown-over"), paused.then_some("ld-countdown-paused"))}
            data-over={over.to_string()}>
            <span class="ld-visually-hidden">{ format!("{} {}: ", FacilitateText::TimerFor.get(lang), phase_name) }</span>
            <span class="ld-countdown-clock" role="timer">{ timer.clock(now) }</span>
            if paused {
                <span class="ld-countdown-note">{ format!(" ({})", FacilitateText::Paused.get(lang)) }</span>
            }
            // Present from the start, so screen readers announce the end once when it appears.
            <span class="ld-countdown-end" role="status">
                if over { { FacilitateText::TimeUp.get(lang) } }
            </span>
        </span>
    }
}

#[derive(Properties, PartialEq)]
pub struct TimerControlProps {
    pub phase: Phase,
    /// The rest of the facilitator's menu, after the timer.
    #[prop_or_default]
    pub children: Html,
}

/// The countdown of the current phase in the header tools, and the facilitator's menu (a
/// fold-out that floats over the page) with the timer's controls and `children`.
#[function_component(TimerControl)]
pub fn timer_control(p: &TimerControlProps) -> Html {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let timers = use_state(edge::load_timers);
    let channel = use_memo((), |_| Channel::open());
    let open = use_state(|| false);
    let slug = p.phase.slug();
    let timer = timers.get(slug);
    let minutes_text = use_state(|| timer.set_minutes().to_string());
    use_ticker(timer.is_running());
    let now = edge::now();
    let over = timer.is_over(now);

    // Keep the minutes field in step with the phase shown.
    {
        let minutes_text = minutes_text.clone();
        let m = timer.set_minutes();
        use_effect_with((slug, m), move |(_, m)| minutes_text.set(m.to_string()));
    }
    // The optional tone, once, when this phase's time runs out while it is on screen.
    {
        let previous = use_mut_ref(|| (slug, over));
        let sound = timers.sound;
        use_effect_with((slug, over), move |&(slug, over)| {
            let (was_slug, was_over) = *previous.borrow();
            if sound && over && !was_over && was_slug == slug {
                edge::chime();
            }
            *previous.borrow_mut() = (slug, over);
        });
    }

    let commit = {
        let (timers, channel) = (timers.clone(), channel.clone());
        move |next: Timers| {
            edge::save_timers(&next);
            if let Some(c) = channel.as_ref() {
                c.post(&Wire::Timers { timers: next.clone() });
            }
            timers.set(next);
        }
    };
    let change = {
        let (timers, commit) = (timers.clone(), commit.clone());
        move |f: fn(&mut Timer, f64)| {
            let (timers, commit) = (timers.clone(), commit.clone());
            Callback::from(move |_: MouseEvent| {
                let mut next = (*timers).clone();
                next.update(slug, |t| f(t, edge::now()));
                commit(next);
            })
        }
    };
    let start = change(|t, now| t.start(now));
    let pause = change(|t, now| t.pause(now));
    let reset = change(|t, _| t.reset());
    let set_minutes = {
        let (timers, commit, minutes_text) = (timers.clone(), commit.clone(), minutes_text.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let m = minutes_text.trim().parse::<u32>().unwrap_or(0).clamp(MIN_MINUTES, MAX_MINUTES);
            minutes_text.set(m.to_string());
            let mut next = (*timers).clone();
            next.update(slug, |t| *t = Timer::minutes(m));
            commit(next);
        })
    };
    // Done setting the time: the settings close and focus goes back to their button.
    let set_minutes = {
        let open = open.clone();
        set_minutes.reform(move |e: SubmitEvent| {
            open.set(false);
            super::super::platform::focus("#ld-timer-settings-toggle");
            e
        })
    };
    let toggle_sound = {
        let (timers, commit) = (timers.clone(), commit.clone());
        Callback::from(move |_: Event| {
            let mut next = (*timers).clone();
            next.sound = !next.sound;
            commit(next);
        })
    };
    let toggle_open = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let close_on_escape = {
        let open = open.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                // Only the settings close, not the menu around them.
                e.stop_propagation();
                open.set(false);
                super::super::platform::focus("#ld-timer-settings-toggle");
            }
        })
    };
    let phase_name = p.phase.label(lang);
    let group_label = format!("{} {}", ctx.t(FacilitateText::TimerFor), phase_name);

    html! {
        <>
        <div class={classes!("ld-timer", over.then_some("ld-timer-over"), (!timer.is_started()).then_some("ld-timer-idle"))}>
            { countdown(&timer, lang, phase_name, now) }
        </div>
        <details class="ld-menu ld-tool-menu ld-facilitate">
            <summary class="ld-button ld-quiet">{ ctx.t(FacilitateText::Facilitate) }</summary>
            <div class="ld-menu-body ld-menu-pop">
                <div class="ld-timer-controls ld-row" role="group" aria-label={group_label}>
                    if timer.is_running() && !over {
                        <button type="button" class="ld-button ld-quiet" onclick={pause}>{ ctx.t(FacilitateText::Pause) }</button>
                    } else if !over {
                        <button type="button" class="ld-button ld-quiet" onclick={start}>
                            { ctx.t(if timer.is_started() { FacilitateText::Resume } else { FacilitateText::Start }) }
                        </button>
                    }
                    <button type="button" class="ld-button ld-quiet" onclick={reset} disabled={!timer.is_started()}>
                        { ctx.t(FacilitateText::Reset) }
                    </button>
                    <button type="button" id="ld-timer-settings-toggle" class="ld-button ld-quiet"
                        aria-expanded={(*open).to_string()} aria-controls="ld-timer-settings" onclick={toggle_open}>
                        { ctx.t(FacilitateText::TimerSettings) }
                    </button>
                </div>
                if *open {
                    <div id="ld-timer-settings" class="ld-timer-settings" onkeydown={close_on_escape}>
                        <form class="ld-row ld-row-end" onsubmit={set_minutes}>
                            <div class="ld-field">
                                <label for="ld-timer-minutes">{ ctx.t(FacilitateText::Minutes) }</label>
                                <input id="ld-timer-minutes" type="number" inputmode="numeric"
                                    min={MIN_MINUTES.to_string()} max={MAX_MINUTES.to_string()}
                                    value={(*minutes_text).clone()}
                                    oninput={{ let m = minutes_text.clone(); Callback::from(move |e: InputEvent| m.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().value())) }} />
                            </div>
                            <button type="submit" class="ld-button ld-primary">{ ctx.t(FacilitateText::SetMinutes) }</button>
                        </form>
                        <div class="ld-check">
                            <input id="ld-timer-sound" type="checkbox" checked={timers.sound} onchange={toggle_sound} />
                            <label for="ld-timer-sound">{ ctx.t(FacilitateText::Sound) }</label>
                        </div>
                        <p class="ld-hint">{ ctx.t(FacilitateText::TimerHelp) }</p>
                    </div>
                }
                { p.children.clone() }
            </div>
        </details>
        </>
    }
}
