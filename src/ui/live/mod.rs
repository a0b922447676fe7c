//! The live room's pages: the participant page (its own binary, `src/bin/live.rs`), the
//! facilitator's side of the workshop page (`host`: the Live menu and the join screen), and the
//! connection they share. Only the pages that use a room link this in: the workshop page's
//! live build (`src/bin/room.rs`) calls [`offer_live`]; the app state reaches the rest through
//! the room itself. The workshop page everyone loads calls [`offer_live_switch`]: the Live menu
//! without any room code, which reloads into the live build when asked (`switch`).

use std::cell::Cell;

use yew::prelude::*;

use super::state::AppState;

mod host;
mod link;
mod participant;
mod switch;

pub use switch::MenuProps;

pub use host::{Hooks, InRoom, LiveMenu, LiveMsg};
pub use participant::{Participant, ParticipantProps};

/// Makes the Live menu.
type Menu = fn(UseReducerHandle<AppState>) -> Html;

thread_local! {
    static MENU: Cell<Option<Menu>> = const { Cell::new(None) };
}

/// Offers the Live menu in this page's header (when the room's server sent the page).
pub fn offer_live() {
    MENU.with(|m| m.set(Some(|state| html! { <LiveMenu {state} /> })));
}

/// Offers the Live switch in this page's header (when the room's server sent the page): going
/// live reloads the page into its live build, which holds the room (see `switch`).
pub fn offer_live_switch() {
    MENU.with(|m| m.set(Some(|state| html! { <switch::LiveSwitch {state} /> })));
}

/// The Live menu, on a page that offers it.
pub(crate) fn menu(state: UseReducerHandle<AppState>) -> Option<Html> {
    MENU.with(Cell::get).map(|make| make(state))
}
