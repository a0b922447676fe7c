//! Phase locks (*fase vergrendelen*): a toggle in the facilitator's menu, a bar above a locked
//! step (with the way to unlock it) and a mark in the step bar. The domain refuses a locked
//! stage's actions; this only shows the lock and switches it.

use yew::prelude::*;

use crate::i18n::{FacilitateText, HostText, Lang};
use crate::live::Control;
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

/// The action that locks or unlocks the phase's stage; `None` when the phase cannot be locked.
fn toggle(ctx: &crate::ui::Ctx, p: &LockBarProps) -> Option<(bool, Callback<MouseEvent>)> {
    let stage = p.phase.stage()?;
    let locked = p.workshop.locks.contains(&stage);
    let ctx = ctx.clone();
    Some((locked, Callback::from(move |_| ctx.act(Action::SetLock { stage, locked: !locked }))))
}

/// Above a locked phase: that it is locked, in words, and the button to unlock it (on a table
/// in a live workshop, that only the facilitator unlocks it). Nothing above an open phase:
/// locking is in the facilitator's menu ([`LockToggle`]).
#[function_component(LockBar)]
pub fn lock_bar(p: &LockBarProps) -> Html {
    let ctx = use_ctx();
    let Some((true, unlock)) = toggle(&ctx, p) else { return html! {} };
    let may = ctx.offers(Control::Lock);
    html! {
        <div class="ld-lockbar ld-lockbar-locked" data-locked="true">
            <p class="ld-lockbar-text">
                { lock_icon() }
                // One span, so the flex gap falls after the icon and not before the full stop.
                <span><strong>{ ctx.t(FacilitateText::Locked) }</strong>{ ". " }{ ctx.t(FacilitateText::LockedHelp) }</span>
            </p>
            if may {
                <button type="button" class="ld-button ld-primary" onclick={unlock}>{ ctx.t(FacilitateText::UnlockStep) }</button>
            } else {
                <p class="ld-lockbar-text">{ ctx.t(HostText::OnlyUnlock) }</p>
            }
        </div>
    }
}

/// In the facilitator's menu: lock this phase, with what a lock is for. A locked phase is
/// unlocked from its [`LockBar`], the one place that says it is locked.
#[function_component(LockToggle)]
pub fn lock_toggle(p: &LockBarProps) -> Html {
    let ctx = use_ctx();
    match toggle(&ctx, p) {
        Some((false, _)) if !ctx.offers(Control::Lock) => {
            html! { <p class="ld-hint">{ ctx.t(HostText::OnlyLock) }</p> }
        }
        None => html! { <p class="ld-hint">{ ctx.t(FacilitateText::NothingToLock) }</p> },
        Some((true, _)) => html! { <p class="ld-hint">{ ctx.t(FacilitateText::LockedHelp) }</p> },
        Some((false, onclick)) => html! {
            <div class="ld-lock-toggle">
                <button type="button" class="ld-button ld-quiet" aria-describedby="ld-lock-hint" {onclick}>
                    { lock_icon() }{ ctx.t(FacilitateText::LockStep) }
                </button>
                <p class="ld-hint" id="ld-lock-hint">{ ctx.t(FacilitateText::LockHint) }</p>
            </div>
        },
    }
}

/// The padlock in the step bar, with its meaning in words for screen readers. This and
/// [`lock_icon`] are plain functions, not components: each component costs code in the wasm.
pub fn lock_mark(lang: Lang) -> Html {
    html! {
        <span class="ld-lock-mark" title={FacilitateText::Locked.get(lang)}>
            { lock_icon() }
            <span class="ld-visually-hidden">{ format!(" ({})", FacilitateText::LockedStep.get(lang)) }</span>
        </span>
    }
}

/// A small padlock; decoration only (the words are always there too).
pub fn lock_icon() -> Html {
    html! {
        <svg class="ld-lock-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <path d="M4.5 7V5a3.5 3.5 0 0 1 7 0v2" fill="none" stroke="currentColor" stroke-width="1.8" />
            <rect x="2.5" y="7" width="11" height="8" rx="1.5" fill="currentColor" />
        </svg>
    }
}
