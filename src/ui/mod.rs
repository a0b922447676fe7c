//! The Yew interface. Components render state and turn DOM events into actions; the only
//! state they keep is transient (what is being dragged, typed or selected).
//!
//! The steps are described once (`steps`); every page shares one shell (`app`: header,
//! banners, the browser hooks) and adds its own steps' views (`pages`). Each page is a binary
//! of this crate (`src/bin/`), so each links in only its own views.

pub mod after;
mod app;
mod banners;
mod board;
mod boot;
mod charter;
mod collect;
mod concretise;
mod config;
pub mod facilitate;
mod files;
mod header;
mod hooks;
pub mod live;
mod merge_practice;
mod merge_report;
pub mod pages;
mod platform;
mod reduce;
mod setup;
mod state;
mod steps;
mod suggest_panel;
mod widgets;

pub use app::{AppPage, Shell};
pub use boot::start;
pub use config::{fresh_workshop, Config};
pub use platform::STORAGE_KEY;
pub use state::{AppState, Msg, Storage};
pub use steps::{Page, Phase, Screen, Step, STEPS};

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::{Lang, Text};
use crate::workshop::{Action, Workshop};

/// The workshop as props: compared by pointer, since `History` replaces it on every change.
#[derive(Clone, Debug)]
pub struct Shared(pub Rc<Workshop>);

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for Shared {
    type Target = Workshop;
    fn deref(&self) -> &Workshop {
        &self.0
    }
}

/// What every component may use: the language and a way to send messages.
#[derive(Clone, PartialEq)]
pub struct Ctx {
    pub lang: Lang,
    pub dispatch: yew::functional::UseReducerDispatcher<AppState>,
    /// The page's role in its live workshop (`None`: not live): controls the room would refuse
    /// are not offered.
    pub role: Option<crate::live::Role>,
}

impl Ctx {
    /// Whether this page offers `control` (a table in a live workshop does not lock, reveal,
    /// finalise or open files).
    pub fn offers(&self, control: crate::live::Control) -> bool {
        crate::live::offers(self.role, control)
    }

    /// A fixed text in the current language.
    pub fn t(&self, key: impl Text) -> &'static str {
        key.text(self.lang)
    }

    /// Sends a workshop action.
    pub fn act(&self, action: Action) {
        self.dispatch.dispatch(Msg::Do(action));
    }

    /// Sends any message.
    pub fn send(&self, msg: Msg) {
        self.dispatch.dispatch(msg);
    }

    /// Sends a workshop action and runs `done` only once `apply` accepted it (clear a form,
    /// close an editor), so a refused form keeps what was typed.
    pub fn act_then(&self, action: Action, done: Callback<()>) {
        self.send(Msg::DoThen(
            action,
            Callback::from(move |r: Result<_, _>| {
                if r.is_ok() {
                    done.emit(())
                }
            }),
        ));
    }
}

/// The context, for components below `App`.
#[hook]
pub fn use_ctx() -> Ctx {
    use_context::<Ctx>().expect("Ctx is provided by App")
}
