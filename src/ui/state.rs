//! The app's state: the workshop history plus what only the screen needs (language, phase,
//! the last message). The reducer sends every workshop change through `History::apply`.

use std::rc::Rc;

use yew::Reducible;

use super::steps::Phase;
use crate::i18n::{self, Lang};
use crate::workshop::{Action, History, Workshop};

/// What the app knows about browser storage.
#[derive(Clone, Debug, PartialEq)]
pub enum Storage {
    /// Saving works (or nothing was tried yet).
    Ok,
    /// The stored text could not be read; it is kept untouched and autosave is off until the
    /// user chooses to start anew.
    Unreadable { raw: Rc<str>, reason: String },
    /// The last save failed (quota, private mode): work is only in memory.
    Failed,
    /// Another tab saved this workshop; this tab stops saving until the user chooses.
    ChangedElsewhere,
}

/// A message for the user: an error from the domain or a confirmation.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub text: String,
    pub is_error: bool,
}

/// Everything the app renders from.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub history: History,
    pub lang: Lang,
    pub phase: Phase,
    pub notice: Option<Notice>,
    pub storage: Storage,
    /// Grows with every change to the workshop, so autosave knows when to run.
    pub revision: u64,
}

/// What the screen asks of the state.
#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    /// A workshop action: goes through `History::apply`.
    Do(Action),
    Undo,
    Redo,
    SetLang(Lang),
    Go(Phase),
    Say(String),
    DismissNotice,
    SetStorage(Storage),
    /// The workshop was wiped from this device: start afresh with no undo history (nothing of
    /// the old workshop may come back on a shared laptop). `cleared` says whether storage agreed.
    ClearDevice {
        fresh: Box<Workshop>,
        cleared: bool,
    },
}

impl AppState {
    /// Starts from a workshop read from storage (or a new one).
    pub fn new(workshop: Workshop, lang: Lang, storage: Storage) -> AppState {
        AppState { history: History::new(workshop), lang, phase: Phase::Setup, notice: None, storage, revision: 0 }
    }

    /// The workshop as it is now.
    pub fn workshop(&self) -> &Workshop {
        self.history.present()
    }
}

impl Reducible for AppState {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut next = (*self).clone();
        match msg {
            Msg::Do(action) => {
                let before = next.history.present_rc();
                match next.history.apply(action) {
                    Ok(()) => {
                        if !Rc::ptr_eq(&before, &next.history.present_rc()) {
                            next.revision += 1;
                        }
                        next.notice = None;
                    }
                    Err(e) => next.notice = Some(Notice { text: i18n::error(&e, next.lang), is_error: true }),
                }
            }
            Msg::Undo => {
                if next.history.undo() {
                    next.revision += 1;
                }
            }
            Msg::Redo => {
                if next.history.redo() {
                    next.revision += 1;
                }
            }
            Msg::SetLang(lang) => next.lang = lang,
            Msg::Go(phase) => {
                next.phase = phase;
                next.notice = None;
            }
            Msg::Say(text) => next.notice = Some(Notice { text, is_error: false }),
            Msg::DismissNotice => next.notice = None,
            Msg::ClearDevice { fresh, cleared } => {
                next.history = History::new(*fresh);
                next.storage = Storage::Ok;
                next.phase = Phase::Setup;
                let text = if cleared { crate::i18n::T::DeviceCleared } else { crate::i18n::T::DeviceNotCleared };
                next.notice = Some(Notice { text: text.get(next.lang).to_string(), is_error: !cleared });
            }
            Msg::SetStorage(storage) => {
                if next.storage == storage {
                    return self;
                }
                next.storage = storage;
            }
        }
        Rc::new(next)
    }
}
