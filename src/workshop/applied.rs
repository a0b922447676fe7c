//! What an applied action did, told once by `apply`, so the screen can say it (a notice, a
//! spoken announcement, the merge report) without working it out a second time.

use super::merge::MergeReport;
use super::Id;

/// What [`super::Workshop::apply`] did. Only an accepted action has one: a refused action
/// returns a `DomainError` and changes nothing.
#[derive(Clone, Debug, PartialEq)]
pub struct Applied {
    /// The change, with what the screen needs to tell it.
    pub change: Change,
    /// The set had been declared final and is a draft again, because it gained or lost a
    /// principle: it has to be finalised anew.
    pub reopened: bool,
}

impl Applied {
    /// A change with nothing more to tell than the action itself.
    pub fn done() -> Applied {
        Applied { change: Change::Done, reopened: false }
    }
}

/// The kind of change an accepted action made.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// The workshop changed as the action says (a text edited, an item added); nothing more to tell.
    Done,
    /// Cards went into the cluster `to`, or back to "not grouped" with `None`: each card, in
    /// board order, with where it was before.
    Moved { to: Option<Id>, cards: Vec<CardMove> },
    /// A file from another laptop was united with this one: what it added, where the two
    /// disagreed, what was left out. Computed once, by `apply`.
    Merged(MergeReport),
    /// The whole workshop was replaced (a file opened, a fresh start).
    Replaced,
    /// A principle joined the set (promoted from a cluster, or written by the group).
    PrincipleAdded(Id),
    /// A principle left the set, with its tensions and after-the-charter notes.
    PrincipleRemoved(Id),
}

/// One card that moved, and the cluster it came from (`None`: not grouped).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CardMove {
    /// The card that moved.
    pub card: Id,
    /// Where it was before the move.
    pub from: Option<Id>,
}
