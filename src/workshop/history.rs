//! Undo and redo: earlier states are kept whole (shared, not copied), so undo is exact.

use std::rc::Rc;

use super::{Action, Applied, DomainError, Workshop};

/// The workshop now, with the states before (undo) and after (redo) it.
#[derive(Clone, Debug, PartialEq)]
pub struct History {
    present: Rc<Workshop>,
    past: Vec<Rc<Workshop>>,
    future: Vec<Rc<Workshop>>,
}

impl History {
    /// How many steps can be undone at most.
    pub const LIMIT: usize = 200;

    /// Starts a history at this workshop, with nothing to undo.
    pub fn new(workshop: Workshop) -> History {
        History { present: Rc::new(workshop), past: Vec::new(), future: Vec::new() }
    }

    /// The workshop as it is now.
    pub fn present(&self) -> &Workshop {
        &self.present
    }

    /// The workshop now, shared.
    pub fn present_rc(&self) -> Rc<Workshop> {
        Rc::clone(&self.present)
    }

    /// Applies an action as one undoable step. On error nothing changes, not even redo.
    /// An action that changes nothing (renaming to the same name) is not recorded. Says what
    /// happened, as `Workshop::apply` told it.
    pub fn apply(&mut self, action: Action) -> Result<Applied, DomainError> {
        let mut next = (*self.present).clone();
        let applied = next.apply(action)?;
        if next != *self.present {
            self.past.push(std::mem::replace(&mut self.present, Rc::new(next)));
            if self.past.len() > Self::LIMIT {
                self.past.remove(0);
            }
            self.future.clear();
        }
        Ok(applied)
    }

    /// Goes one step back; `false` when there is nothing to undo.
    pub fn undo(&mut self) -> bool {
        match self.past.pop() {
            Some(prev) => {
                self.future.push(std::mem::replace(&mut self.present, prev));
                true
            }
            None => false,
        }
    }

    /// Goes one step forward again; `false` when there is nothing to redo.
    pub fn redo(&mut self) -> bool {
        match self.future.pop() {
            Some(next) => {
                self.past.push(std::mem::replace(&mut self.present, next));
                true
            }
            None => false,
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }
}
