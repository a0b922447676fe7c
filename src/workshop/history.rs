//! Undo and redo, exact and small.
//!
//! A step does not keep a copy of the workshop (0.85 MB per step at 3,000 cards, over a GB
//! after 200 edits at 20,000 cards). It keeps a [`Patch`]: for each list that can grow long
//! (cards, sources, clusters, votes, principles, what was deleted, open disagreements) the one
//! run of items that differs (a splice), for every other part its other value when it changed.
//! The short lists (groups, tensions, the after-the-charter records ...) are copied whole: a
//! splice costs code in the wasm per item type, a copy of a list of tens costs nothing there. Computed by
//! comparing the states before and after `apply`, not derived from the action, so undo stays
//! exact for every action there is or will be, with no inverse to write per action; an edit
//! of one card keeps one card. Applying a patch gives the patch that reverses it, so undo and
//! redo are the same operation. Chosen over keyframes with replay (undo would replay actions:
//! slower, and memory still grows with whole copies).
//!
//! What a step costs besides its patch: `apply` works on a copy of the workshop, because the
//! screens still hold the workshop as it was (they compare it by pointer) and a refused action
//! must leave it untouched; the copy becomes the new present and the old one is freed once no
//! screen shows it, so it is passing work, not memory kept per step. The cards, the one list
//! that runs into the thousands, are shared ([`super::Card`] is a pointer to its fields): the
//! copy takes a pointer per card, the comparison below skips every card both sides share by
//! pointer, and freeing the old workshop frees no card, so a move copies, compares and frees
//! one card, not the workshop's texts (on a board of 3,000 cards this copy, comparison and
//! freeing took about 3 ms of each keyboard move). A splice keeps the card's pointer too. At
//! 20,000 cards 200 edits keep about 0.2 MB for undo (`tests/history.rs`), against 1.16 GB when
//! each step was a copy.
//!
//! The steps are shared: a copy of a history (the app's state is copied on every message, most
//! of which touch no step) copies two pointers, and a change to a shared history copies only
//! the list of pointers to its steps, never a patch.
//!
//! The history is bounded twice: at most [`History::LIMIT`] steps, and at most
//! [`History::MEMORY`] bytes (estimated) kept for undo and redo together; the oldest steps go
//! first, the last one always stays.

use std::collections::VecDeque;
use std::rc::Rc;

use serde::Serialize;

use super::after::Aftercare;
use super::model::{Setup, Voting};
use super::{Action, Applied, DomainError, Workshop};

/// The workshop now, with the steps before (undo) and after (redo) it. A copy of a history
/// shares its steps (the app's state is copied on every message, most of which touch no step).
#[derive(Clone, Debug, PartialEq)]
pub struct History {
    present: Rc<Workshop>,
    steps: Rc<Steps>,
}

/// The steps of a history; copied only when a shared history changes, and then only pointers.
#[derive(Clone, Debug, Default, PartialEq)]
struct Steps {
    past: VecDeque<Rc<Step>>,
    future: Vec<Rc<Step>>,
    /// Estimated bytes of every step in `past` and `future`.
    kept: usize,
}

/// A patch and its estimated size.
#[derive(Clone, Debug, PartialEq)]
struct Step {
    patch: Patch,
    bytes: usize,
}

impl Step {
    fn new(patch: Patch) -> Step {
        let bytes = patch.bytes();
        Step { patch, bytes }
    }
}

impl History {
    /// How many steps can be undone at most.
    pub const LIMIT: usize = 200;
    /// Most bytes (estimated) kept for undo and redo; beyond it the oldest steps are dropped.
    pub const MEMORY: usize = 48 * 1024 * 1024;

    /// Starts a history at this workshop, with nothing to undo.
    pub fn new(workshop: Workshop) -> History {
        History { present: Rc::new(workshop), steps: Rc::default() }
    }

    /// The workshop as it is now.
    pub fn present(&self) -> &Workshop {
        &self.present
    }

    /// The workshop now, shared.
    pub fn present_rc(&self) -> Rc<Workshop> {
        Rc::clone(&self.present)
    }

    /// Estimated bytes kept for undo and redo (not counting the workshop now).
    pub fn kept_bytes(&self) -> usize {
        self.steps.kept
    }

    /// How many steps can be undone now.
    pub fn undo_steps(&self) -> usize {
        self.steps.past.len()
    }

    /// Whether two histories share their steps (a copy does, until one of them changes).
    pub fn shares_steps(&self, other: &History) -> bool {
        Rc::ptr_eq(&self.steps, &other.steps)
    }

    /// Applies an action as one undoable step. On error nothing changes, not even redo.
    /// An action that changes nothing (renaming to the same name) is not recorded. Says what
    /// happened, as `Workshop::apply` told it.
    pub fn apply(&mut self, action: Action) -> Result<Applied, DomainError> {
        let mut next = (*self.present).clone();
        let applied = next.apply(action)?;
        let back = Patch::between(&self.present, &next);
        if !back.is_empty() {
            self.present = Rc::new(next);
            let steps = Rc::make_mut(&mut self.steps);
            steps.kept -= steps.future.drain(..).map(|s| s.bytes).sum::<usize>();
            let step = Step::new(back);
            steps.kept += step.bytes;
            steps.past.push_back(Rc::new(step));
            while steps.past.len() > Self::LIMIT || (steps.kept > Self::MEMORY && steps.past.len() > 1) {
                if let Some(old) = steps.past.pop_front() {
                    steps.kept -= old.bytes;
                }
            }
        }
        Ok(applied)
    }

    /// Goes one step back; `false` when there is nothing to undo.
    pub fn undo(&mut self) -> bool {
        self.shift(true)
    }

    /// Goes one step forward again; `false` when there is nothing to redo.
    pub fn redo(&mut self) -> bool {
        self.shift(false)
    }

    /// Undoes (`back`) or redoes one step, moving it to the other side. The steps are only
    /// copied (as pointers) when there is a step to move and another history shares them.
    fn shift(&mut self, back: bool) -> bool {
        if (back && !self.can_undo()) || (!back && !self.can_redo()) {
            return false;
        }
        let steps = Rc::make_mut(&mut self.steps);
        let Some(step) = (if back { steps.past.pop_back() } else { steps.future.pop() }) else { return false };
        let other = patch(&mut self.present, &mut steps.kept, step);
        if back {
            steps.future.push(other);
        } else {
            steps.past.push_back(other);
        }
        true
    }

    /// Whether there is a step to undo.
    pub fn can_undo(&self) -> bool {
        !self.steps.past.is_empty()
    }

    /// Whether there is a step to redo.
    pub fn can_redo(&self) -> bool {
        !self.steps.future.is_empty()
    }
}

/// Applies a step to the present and returns the step that reverses it, keeping `kept` (the
/// bytes of every step) true. The present is always a new `Rc` (screens compare it by
/// pointer); it is only copied when a screen still holds the old one, and the step's patch only
/// when another copy of the history still holds the step.
fn patch(present: &mut Rc<Workshop>, kept: &mut usize, step: Rc<Step>) -> Rc<Step> {
    let rc = std::mem::take(present);
    let mut w = Rc::try_unwrap(rc).unwrap_or_else(|shared| (*shared).clone());
    let bytes = step.bytes;
    let patch = Rc::try_unwrap(step).map_or_else(|shared| shared.patch.clone(), |s| s.patch);
    let reverse = Step::new(patch.apply(&mut w));
    *present = Rc::new(w);
    *kept = *kept - bytes + reverse.bytes;
    Rc::new(reverse)
}

/// One run of a list replaced by another: `remove` items at `at` give way to `insert`.
#[derive(Clone, Debug, PartialEq)]
struct Splice<T> {
    at: usize,
    remove: usize,
    insert: Vec<T>,
}

impl<T: Clone + PartialEq + Serialize> Splice<T> {
    /// The splice that turns `new` back into `old`; `None` when they are equal. Only the run
    /// between the common start and the common end is kept.
    fn between(old: &[T], new: &[T]) -> Option<Splice<T>> {
        let start = old.iter().zip(new).take_while(|(a, b)| a == b).count();
        if start == old.len() && start == new.len() {
            return None;
        }
        let room = old.len().min(new.len()) - start;
        let end = old.iter().rev().zip(new.iter().rev()).take(room).take_while(|(a, b)| a == b).count();
        Some(Splice { at: start, remove: new.len() - start - end, insert: old[start..old.len() - end].to_vec() })
    }

    /// Applies the splice and returns the one that reverses it.
    fn apply(self, list: &mut Vec<T>) -> Splice<T> {
        // A patch only meets the state it was made from; the bounds keep a mistake from panicking.
        let at = self.at.min(list.len());
        let end = (at + self.remove).min(list.len());
        let inserted = self.insert.len();
        // Split and extend rather than `Vec::splice`: the same moves with less code per type.
        let tail = list.split_off(end);
        let removed = list.split_off(at);
        list.extend(self.insert);
        list.extend(tail);
        Splice { at, remove: inserted, insert: removed }
    }

    fn bytes(&self) -> usize {
        std::mem::size_of::<Self>() + self.insert.len() * std::mem::size_of::<T>() + heap(&self.insert)
    }
}

/// Bytes a value keeps on the heap, estimated by the length of its JSON: its texts and ids,
/// plus a little per field. Written as the file is (compact, `format::to_json`), so the wasm
/// carries no second copy of the writing code (the pretty writer was one: about 12 KB).
fn heap<T: Serialize + ?Sized>(value: &T) -> usize {
    serde_json::to_vec(value).map_or(0, |text| text.len())
}

/// Declares [`Patch`]: one optional splice per long list of the workshop and one optional
/// value per other part, each named by its path in [`Workshop`].
macro_rules! patch {
    (lists { $($l:ident: $lt:ty = $($lp:ident).+;)* } values { $($v:ident: $vt:ty = $($vp:ident).+;)* }) => {
        /// What one step changed, as what turns the workshop into the other side of the step.
        #[derive(Clone, Debug, PartialEq)]
        struct Patch {
            $($l: Option<Splice<$lt>>,)*
            $($v: Option<$vt>,)*
        }

        impl Patch {
            /// The patch that turns `new` back into `old`.
            fn between(old: &Workshop, new: &Workshop) -> Patch {
                every_part_is_listed(new);
                Patch {
                    $($l: Splice::between(&old.$($lp).+, &new.$($lp).+),)*
                    $($v: (old.$($vp).+ != new.$($vp).+).then(|| old.$($vp).+.clone()),)*
                }
            }

            /// Applies the patch and returns the one that reverses it.
            fn apply(self, w: &mut Workshop) -> Patch {
                Patch {
                    $($l: self.$l.map(|s| s.apply(&mut w.$($lp).+)),)*
                    $($v: self.$v.map(|v| std::mem::replace(&mut w.$($vp).+, v)),)*
                }
            }

            fn is_empty(&self) -> bool {
                $(self.$l.is_none() &&)* $(self.$v.is_none() &&)* true
            }

            fn bytes(&self) -> usize {
                std::mem::size_of::<Self>()
                    $(+ self.$l.as_ref().map_or(0, Splice::bytes))*
                    $(+ self.$v.as_ref().map_or(0, heap))*
            }
        }
    };
}

patch! {
    lists {
        sources: super::Source = sources;
        cards: super::Card = cards;
        clusters: super::Cluster = clusters;
        votes: super::Vote = voting.votes;
        marks: super::Mark = voting.marks;
        principles: super::Principle = principles;
        deleted: super::merge::Tombstone = deleted;
        disagreements: super::merge::Disagreement = disagreements;
        settled: super::merge::Settled = settled;
    }
    values {
        title: String = setup.title;
        organisation: String = setup.organisation;
        date: String = setup.date;
        facilitator: String = setup.facilitator;
        outcomes: Vec<super::Outcome> = setup.outcomes;
        groups: Vec<super::Group> = setup.groups;
        dots_per_voter: u32 = voting.dots_per_voter;
        max_per_cluster: u32 = voting.max_per_cluster;
        voters: Vec<super::Voter> = voting.voters;
        revealed: bool = voting.revealed;
        tensions: Vec<super::Tension> = tensions;
        finalised: Option<super::Finalised> = finalised;
        locks: Vec<super::Stage> = locks;
        options: Vec<super::BudgetOption> = after.options;
        assessments: Vec<super::Assessment> = after.assessments;
        congruence: Vec<super::CongruenceAnswer> = after.congruence;
        whispers: Vec<super::Whisper> = after.whispers;
        versions: Vec<super::CharterVersion> = after.versions;
        evaluation_date: String = after.evaluation_date;
        owners: Vec<super::Ownership> = after.owners;
        adoption: super::Adoption = after.adoption;
        tasks: Vec<super::Task> = after.tasks;
        indicators: Vec<super::Indicator> = after.indicators;
        assumptions: Vec<super::AssumptionCheck> = after.assumptions;
        evaluation: super::Evaluation = after.evaluation;
    }
}

/// Names every field of the workshop, so a field added to the model without a place in
/// [`Patch`] is a compile error here rather than a change that undo silently keeps.
fn every_part_is_listed(w: &Workshop) {
    let Workshop {
        setup: Setup { title: _, organisation: _, date: _, facilitator: _, outcomes: _, groups: _ },
        sources: _,
        cards: _,
        clusters: _,
        voting: Voting { dots_per_voter: _, max_per_cluster: _, voters: _, votes: _, revealed: _, marks: _ },
        principles: _,
        tensions: _,
        finalised: _,
        locks: _,
        deleted: _,
        disagreements: _,
        settled: _,
        after:
            Aftercare {
                options: _,
                assessments: _,
                congruence: _,
                whispers: _,
                versions: _,
                evaluation_date: _,
                owners: _,
                adoption: _,
                tasks: _,
                indicators: _,
                assumptions: _,
                evaluation: _,
            },
    } = w;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_splice_keeps_only_the_run_that_differs_and_reverses_exactly() {
        let old = vec![1, 2, 3, 4, 5];
        let new = vec![1, 2, 9, 9, 4, 5];
        let back = Splice::between(&old, &new).expect("they differ");
        assert_eq!((back.at, back.remove, back.insert.clone()), (2, 2, vec![3]));
        let mut list = new.clone();
        let forward = back.apply(&mut list);
        assert_eq!(list, old);
        forward.apply(&mut list);
        assert_eq!(list, new);
        assert_eq!(Splice::between(&old, &old), None);
        // Repeated items: the common start and end never overlap.
        let (a, b) = (vec![7, 7], vec![7, 7, 7]);
        let mut list = b.clone();
        Splice::between(&a, &b).expect("differ").apply(&mut list);
        assert_eq!(list, a);
    }
}
