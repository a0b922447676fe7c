//! Phase locks (*fase vergrendelen*): a toggle in the phase header and a mark in the step bar.
//! The domain refuses a locked stage's actions; this only shows the lock and switches it.

use yew::prelude::*;

use crate::i18n::{FacilitateText, Lang};
use crate::ui::{use_ctx, Phase, Shared};
use crate::workshop::{Action, Workshop};

/// Whether the facilitator has locked this phase.
pub fn is_locked(w: &Workshop, phase: Phase) -> bool {
    phase.stage().is_some_and(|s| w.locks.contains(&s))
}

#[derive(Properties, PartialEq)]
pub struct LockBarProps {
    pub phase: Phase,
    pub workshop: Shared,
}

/// Above the phase: whether it is locked, in words, and the button to lock or unlock it.
#[function_component(LockBar)]
pub fn lock_bar(p: &LockBarProps) -> Html {
    let ctx = use_ctx();
    let Some(stage) = p.phase.stage() else { return html! {} };
    let locked = p.workshop.locks.contains(&stage);
    let toggle = {
        let ctx = ctx.clone();
        Callback::from(move |_| ctx.act(Action::SetLock { stage, locked: !locked }))
    };
    html! {
        <div class={classes!("ld-lockbar", locked.then_some("ld-lockbar-locked"))} data-locked={locked.to_string()}>
            if locked {
                <p class="ld-lockbar-text">
                    <LockIcon />
                    // One span, so the flex gap falls after the icon and not before the full stop.
                    <span><strong>{ ctx.t(FacilitateText::Locked) }</strong>{ ". " }{ ctx.t(FacilitateText::LockedHelp) }</span>
                </p>
            } else {
                <p class="ld-lockbar-text ld-hint">{ ctx.t(FacilitateText::LockHint) }</p>
            }
            <button type="button" class={classes!("ld-button", if locked { "ld-primary" } else { "ld-quiet" })}
                onclick={toggle}>
                if !locked { <LockIcon /> }
                { ctx.t(if locked { FacilitateText::UnlockStep } else { FacilitateText::LockStep }) }
            </button>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct LockMarkProps {
    pub lang: Lang,
}

/// The padlock in the step bar, with its meaning in words for screen readers.
#[function_component(LockMark)]
pub fn lock_mark(p: &LockMarkProps) -> Html {
    html! {
        <span class="ld-lock-mark" title={FacilitateText::Locked.get(p.lang)}>
            <LockIcon />
            <span class="ld-visually-hidden">{ format!(" ({})", FacilitateText::LockedStep.get(p.lang)) }</span>
        </span>
    }
}

/// A small padlock; decoration only (the words are always there too).
#[function_component(LockIcon)]
pub fn lock_icon() -> Html {
    html! {
        <svg class="ld-lock-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <path d="M4.5 7V5a3.5 3.5 0 0 1 7 0v2" fill="none" stroke="currentColor" stroke-width="1.8" />
            <rect x="2.5" y="7" width="11" height="8" rx="1.5" fill="currentColor" />
        </svg>
    }
}
