//! The app's state: the workshop history plus what only the screen needs (language, phase,
//! the last message, what was last announced). The reducer sends every workshop change through
//! `History::apply`, and writes the notice and the spoken announcement from what `apply` says
//! happened, so nothing is said before the result is known.

use std::rc::Rc;

use yew::Reducible;

use super::steps::Phase;
use crate::i18n::{self, Lang};
use crate::workshop::{Action, Applied, Change, DomainError, History, Workshop};

/// What the app knows about browser storage.
#[derive(Clone, Debug, PartialEq)]
pub enum Storage {
    /// The stored workshop is still being read (IndexedDB answers later): nothing is shown
    /// and nothing is saved, so an empty workshop never overwrites the stored one.
    Loading,
    /// Saving works, but nothing of this workshop has been written yet (a first start, or just
    /// after clearing): the header does not claim it is saved.
    NotYet,
    /// The workshop is stored on this device.
    Ok,
    /// The stored text could not be read; it is kept untouched. What is typed now is saved
    /// under a key of its own (`aside` once that worked), until the user chooses to start anew.
    Unreadable { raw: Rc<str>, reason: String, aside: bool },
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
    /// What a screen reader is told at once (one live region, rendered by the app shell):
    /// the keyboard carry's steps, and the outcome of a move — the move, or why it was refused.
    pub announcement: String,
    pub storage: Storage,
    /// Grows with every change to the workshop, so autosave knows when to run.
    pub revision: u64,
    /// The last merge's report, for the merge panel's list of what the file still had (what
    /// waits for a decision is in the workshop itself).
    pub last_merge: Option<Rc<crate::workshop::MergeReport>>,
    /// The last save left little room in this browser's storage: the user is told before the
    /// workshop grows past what can be kept.
    pub space_low: bool,
    /// The live workshop this page leads, if it is live (see `ui::live`).
    pub room: Option<super::live::InRoom>,
}

/// What the screen asks of the state.
#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    /// A workshop action: goes through `History::apply`.
    Do(Action),
    /// A workshop action whose outcome a component shows itself (the file menu shows the merge
    /// report): the reply gets what `apply` said. It runs inside the reducer, so it may set the
    /// component's own state but must not send to the app state.
    DoThen(Action, yew::Callback<Result<Applied, DomainError>>),
    /// A workshop action told, once `apply` accepted it, with this notice (the library's "card
    /// added"), after which `done` runs; a refusal is told as always and `done` does not run.
    DoSay(Action, String, yew::Callback<()>),
    /// Tells the screen reader something at once (a step of the keyboard carry).
    Announce(String),
    Undo,
    Redo,
    SetLang(Lang),
    Go(Phase),
    Say(String),
    /// Tells the user of a problem (nothing was changed).
    Warn(String),
    DismissNotice,
    SetStorage(Storage),
    /// The stored workshop has been read (or found missing or unreadable): it replaces the
    /// placeholder shown while loading, with no undo history and nothing to save yet.
    Loaded {
        workshop: Box<Workshop>,
        storage: Storage,
    },
    /// An autosave finished: `ok` whether it was written, `space_low` whether the browser has
    /// little room left after it.
    Saved {
        ok: bool,
        space_low: bool,
    },
    /// The workshop was wiped from this device: start afresh with no undo history (nothing of
    /// the old workshop may come back on a shared laptop). `cleared` says whether storage agreed.
    ClearDevice {
        fresh: Box<Workshop>,
        cleared: bool,
    },
    /// Something about the live workshop (see `ui::live::LiveMsg`), with the code that handles it.
    Live(super::live::LiveMsg, &'static super::live::Hooks),
}

impl Storage {
    /// Whether the autosave writes, and where: `Some(true)` beside an unreadable stored workshop,
    /// `Some(false)` in the usual place, `None` while loading or after another tab saved.
    pub fn saves_aside(&self) -> Option<bool> {
        match self {
            Storage::NotYet | Storage::Ok | Storage::Failed => Some(false),
            Storage::Unreadable { .. } => Some(true),
            Storage::Loading | Storage::ChangedElsewhere => None,
        }
    }
}

impl AppState {
    /// Starts from a workshop read from storage (or a new one).
    pub fn new(workshop: Workshop, lang: Lang, storage: Storage) -> AppState {
        AppState {
            history: History::new(workshop),
            lang,
            phase: Phase::Setup,
            notice: None,
            announcement: String::new(),
            storage,
            revision: 0,
            last_merge: None,
            space_low: false,
            room: None,
        }
    }

    /// Applies an action and writes what to tell the user from its outcome: the notice (a
    /// merge report, or why it was refused) and, for an action whose success is spoken, the
    /// announcement (where the cards went, or the refusal instead).
    fn act(&mut self, action: Action) -> Result<Applied, DomainError> {
        // Moving cards is what the board speaks (the keyboard carry ends in it).
        let spoken = matches!(action, Action::MoveCards { .. });
        let before = self.history.present_rc();
        // Live: the step also goes to the room, once it applies here.
        let to_room = self.room.as_ref().map(|room| (room.hooks().act, action.clone()));
        let result = self.history.apply(action);
        match &result {
            Ok(applied) => {
                if !Rc::ptr_eq(&before, &self.history.present_rc()) {
                    self.revision += 1;
                }
                if let Change::Merged(report) = &applied.change {
                    self.last_merge = Some(Rc::new(report.clone()));
                }
                self.notice = match &applied.change {
                    Change::Merged(report) => {
                        Some(Notice { text: i18n::FilesText::merge_report(report, self.lang), is_error: false })
                    }
                    _ => None,
                };
                self.announcement = match &applied.change {
                    Change::Moved { to, cards } if spoken => {
                        let w = self.history.present();
                        let column = match to {
                            None => i18n::ClusterText::Unclustered.get(self.lang).to_string(),
                            Some(id) => w.cluster(id).map(|c| c.name.clone()).unwrap_or_default(),
                        };
                        i18n::cards_moved(cards.len(), &column, self.lang)
                    }
                    _ => String::new(),
                };
            }
            Err(e) => {
                let text = i18n::error(e, self.lang);
                self.announcement = if spoken { text.clone() } else { String::new() };
                self.notice = Some(Notice { text, is_error: true });
            }
        }
        if let (Ok(_), Some((act, action))) = (&result, to_room) {
            act(self, action);
        }
        result
    }

    /// The workshop as it is now.
    pub fn workshop(&self) -> &Workshop {
        self.history.present()
    }

    /// Whether Undo has something to try: in a live workshop, this device's own steps.
    pub fn can_undo(&self) -> bool {
        match &self.room {
            Some(room) => room.0.host.can_undo(),
            None => self.history.can_undo(),
        }
    }

    /// This page's role in its live workshop (`None`: not live).
    pub fn role(&self) -> Option<crate::live::Role> {
        self.room.as_ref().map(|room| room.0.host.role())
    }

    /// Whether Redo has something to do (never in a live workshop).
    pub fn can_redo(&self) -> bool {
        self.room.is_none() && self.history.can_redo()
    }
}

impl Reducible for AppState {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut next = (*self).clone();
        match msg {
            Msg::Do(action) => {
                let _ = next.act(action);
            }
            Msg::DoThen(action, reply) => reply.emit(next.act(action)),
            Msg::DoSay(action, said, done) => {
                if next.act(action).is_ok() {
                    next.notice = Some(Notice { text: said, is_error: false });
                    done.emit(());
                }
            }
            Msg::Announce(text) => next.announcement = text,
            // Live: undo only one's own steps, through the room (see `ui::live`).
            Msg::Undo if next.room.is_some() => {
                if let Some(undo) = next.room.as_ref().map(|r| r.hooks().undo) {
                    undo(&mut next);
                }
            }
            Msg::Redo if next.room.is_some() => {
                if let Some(redo) = next.room.as_ref().map(|r| r.hooks().redo) {
                    redo(&mut next);
                }
            }
            Msg::Live(msg, hooks) => (hooks.reduce)(&mut next, msg),
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
                next.announcement.clear();
            }
            Msg::Say(text) => next.notice = Some(Notice { text, is_error: false }),
            Msg::Warn(text) => next.notice = Some(Notice { text, is_error: true }),
            Msg::DismissNotice => next.notice = None,
            Msg::ClearDevice { fresh, cleared } => {
                next.history = History::new(*fresh);
                next.last_merge = None;
                next.storage = Storage::Ok;
                next.storage = Storage::NotYet;
                next.space_low = false;
                next.phase = Phase::Setup;
                next.announcement.clear();
                let text = if cleared {
                    crate::i18n::DeviceText::DeviceCleared
                } else {
                    crate::i18n::DeviceText::DeviceNotCleared
                };
                next.notice = Some(Notice { text: text.get(next.lang).to_string(), is_error: !cleared });
            }
            Msg::SetStorage(storage) => {
                // Another tab's save must not hide the way out of an unreadable stored workshop.
                let keep = matches!(next.storage, Storage::Loading | Storage::Unreadable { .. })
                    && storage == Storage::ChangedElsewhere;
                if next.storage == storage || keep {
                    return self;
                }
                next.storage = storage;
            }
            Msg::Loaded { workshop, storage } => {
                next.history = History::new(*workshop);
                next.storage = storage;
            }
            Msg::Saved { ok, space_low } => {
                let storage = match &self.storage {
                    Storage::Unreadable { raw, reason, .. } => {
                        Storage::Unreadable { raw: raw.clone(), reason: reason.clone(), aside: ok }
                    }
                    // A save that ends after another tab saved changes nothing.
                    Storage::Loading | Storage::ChangedElsewhere => self.storage.clone(),
                    _ if ok => Storage::Ok,
                    _ => Storage::Failed,
                };
                if storage == self.storage && space_low == self.space_low {
                    return self;
                }
                next.storage = storage;
                next.space_low = space_low;
            }
        }
        Rc::new(next)
    }
}
