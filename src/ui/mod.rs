//! The Yew interface. Components render state and turn DOM events into actions; the only
//! state they keep is transient (what is being dragged, typed or selected).
//!
//! Two pages are built from this module: the workshop (default) and, with the feature
//! `after-tools`, the after-the-charter tools. Each compiles in only its own phase views, so
//! the views of the other page are unused there.
#![cfg_attr(feature = "after-tools", allow(dead_code, unused_imports))]

pub mod after;
mod app;
mod board;
mod boot;
mod charter;
mod collect;
mod concretise;
pub mod facilitate;
mod files;
mod platform;
mod reduce;
mod setup;
mod state;
mod suggest_panel;
mod widgets;

pub use app::{App, Config};
pub use boot::start;
pub use platform::STORAGE_KEY;
pub use state::{AppState, Msg, Phase, Storage};

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::{Lang, T};
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
}

impl Ctx {
    /// A fixed text in the current language.
    pub fn t(&self, key: T) -> &'static str {
        key.get(self.lang)
    }

    /// Sends a workshop action.
    pub fn act(&self, action: Action) {
        self.dispatch.dispatch(Msg::Do(action));
    }

    /// Sends any message.
    pub fn send(&self, msg: Msg) {
        self.dispatch.dispatch(msg);
    }
}

/// The context, for components below `App`.
#[hook]
pub fn use_ctx() -> Ctx {
    use_context::<Ctx>().expect("Ctx is provided by App")
}
