//! Merging the set in practice (format version 3): owners and ambassadors, the adoption,
//! actions, the results monitor's indicators, the assumption checks and the evaluation. The
//! same rule as the rest of a merge (see `merge`):
//! - actions and indicators are united by id, within their limits (what does not fit is named
//!   in the report); one deleted here stays deleted and is offered for restoring;
//! - owners and the assumption check per principle, the adoption and the evaluation: empty
//!   here and filled in the other file is taken from the file;
//! - a record both sides filled in differently keeps this screen's and waits side by side as a
//!   [`Disagreement`] about a [`Practice`] record (the other file's record, whole, as JSON),
//!   until the group keeps this one or takes the file's (owners: or keeps both, all names);
//! - what hangs on a principle left out of the merge is left out too, and named.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::action::Action;
use super::after::{Adoption, AssumptionCheck, Evaluation, Indicator, Ownership, Task};
use super::error::Field;
use super::merge::{unite, Conflict, Disagreement, Item, MergeReport, Wording};
use super::model::Workshop;
use super::{limits, Id};

/// A record of the set in practice that a merge found different (see [`Wording::Practice`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Practice {
    /// An action, by its id.
    Task(Id),
    /// An indicator, by its id.
    Indicator(Id),
    /// A principle's owner and ambassadors, by the principle.
    Owners(Id),
    /// The adoption route.
    Adoption,
    /// A principle's assumption check, by the principle.
    Assumption(Id),
    /// The evaluation after a year.
    Evaluation,
}

/// Most characters a record may have as JSON: far more than any record within the limits.
pub const RECORD: usize = 8_000;

/// A record as the text a [`Disagreement`] keeps.
fn json<T: Serialize>(record: &T) -> String {
    serde_json::to_string(record).unwrap_or_default()
}

fn read<'a, T: Deserialize<'a>>(text: &'a str) -> Option<T> {
    serde_json::from_str(text).ok()
}

impl Practice {
    /// The item it belongs to (an action, an indicator or a principle); `None`: the set's own.
    pub fn item(&self) -> Option<&Id> {
        match self {
            Practice::Task(id) | Practice::Indicator(id) | Practice::Owners(id) | Practice::Assumption(id) => Some(id),
            Practice::Adoption | Practice::Evaluation => None,
        }
    }

    /// What kind of thing it is, to name it.
    pub fn field(&self) -> Field {
        match self {
            Practice::Task(_) => Field::Task,
            Practice::Indicator(_) => Field::Indicator,
            Practice::Owners(_) => Field::Person,
            Practice::Adoption => Field::Adoption,
            Practice::Assumption(_) => Field::Assumption,
            Practice::Evaluation => Field::Evaluation,
        }
    }

    /// Whether "keep both" makes sense: for owners (every name stays).
    pub fn keeps_both(&self) -> bool {
        matches!(self, Practice::Owners(_))
    }

    /// This workshop's record as JSON (`null` for a principle without owners or assumption
    /// check); `None` when what it belongs to is gone.
    pub fn ours(&self, w: &Workshop) -> Option<String> {
        let principle = |id: &Id| w.principles.iter().any(|p| &p.id == id);
        Some(match self {
            Practice::Task(id) => json(w.after.tasks.iter().find(|x| &x.id == id)?),
            Practice::Indicator(id) => json(w.after.indicators.iter().find(|x| &x.id == id)?),
            Practice::Owners(id) => {
                principle(id).then_some(())?;
                json(&w.after.owners.iter().find(|x| &x.principle == id))
            }
            Practice::Assumption(id) => {
                principle(id).then_some(())?;
                json(&w.after.assumptions.iter().find(|x| &x.principle == id))
            }
            Practice::Adoption => json(&w.after.adoption),
            Practice::Evaluation => json(&w.after.evaluation),
        })
    }

    /// The action that makes the other file's record (`theirs`, as JSON) this workshop's;
    /// `None` when it does not read as that record or names what is not here.
    pub fn take(&self, w: &Workshop, theirs: &str) -> Option<Action> {
        let principle = |id: &Id| w.principles.iter().any(|p| &p.id == id);
        let outcome = |id: &Id| w.setup.outcomes.iter().any(|o| &o.id == id);
        Some(match self {
            Practice::Task(id) => {
                let t: Task = read(theirs)?;
                (&t.id == id && principle(&t.principle)).then_some(())?;
                Action::SetTask(Box::new(t))
            }
            Practice::Indicator(id) => {
                let i: Indicator = read(theirs)?;
                (&i.id == id && outcome(&i.outcome)).then_some(())?;
                Action::SetIndicator(Box::new(i))
            }
            Practice::Owners(id) => {
                let o: Ownership = read(theirs)?;
                (&o.principle == id && principle(id)).then_some(())?;
                Action::SetOwners(o)
            }
            Practice::Assumption(id) => {
                let a: AssumptionCheck = read(theirs)?;
                (&a.principle == id && principle(id)).then_some(())?;
                Action::CheckAssumption { principle: a.principle, answer: Some(a.answer), note: a.note }
            }
            Practice::Adoption => Action::SetAdoption(read(theirs)?),
            Practice::Evaluation => Action::SetEvaluation(read(theirs)?),
        })
    }

    /// Owners, both kept: this owner stays (or theirs, when there is none here); every other
    /// name, their owner too, becomes an ambassador.
    pub fn both(&self, w: &Workshop, theirs: &str) -> Option<Action> {
        let Practice::Owners(id) = self else { return None };
        let other: Ownership = read(theirs)?;
        (&other.principle == id).then_some(())?;
        let mine = w.after.owners.iter().find(|x| &x.principle == id);
        let mut owner = mine.map(|m| m.owner.clone()).unwrap_or_default();
        let mut names: Vec<String> = mine.map(|m| m.ambassadors.clone()).unwrap_or_default();
        if owner.is_empty() {
            owner.clone_from(&other.owner);
        } else if !other.owner.is_empty() {
            names.push(other.owner.clone());
        }
        names.extend(other.ambassadors);
        let mut seen = HashSet::new();
        names.retain(|n| n != &owner && seen.insert(n.clone()));
        Some(Action::SetOwners(Ownership { principle: id.clone(), owner, ambassadors: names }))
    }
}

/// Unites the other file's set in practice into `w` (see the module's rule); `skipped` are
/// their principles left out of the merge.
pub(super) fn unite_practice(
    w: &mut Workshop,
    theirs: &Workshop,
    buried: &HashSet<Id>,
    skipped: &[Id],
    r: &mut MergeReport,
) {
    let mut tasks = Vec::new();
    for t in &theirs.after.tasks {
        // One this workshop has too stays ours (and is named if it differs).
        if skipped.contains(&t.principle) && !w.after.tasks.iter().any(|x| x.id == t.id) {
            left_out(r, Field::Task, &t.id);
        } else {
            tasks.push(t.clone());
        }
    }
    let tasks = within(&w.after.tasks, tasks, |t| &t.id, (buried, Field::Task, limits::TASKS), r);
    unite(&mut w.after.tasks, &tasks, |t| &t.id, (buried, Field::Task, Item::Task), r);
    let indicators = theirs.after.indicators.clone();
    let indicators =
        within(&w.after.indicators, indicators, |i| &i.id, (buried, Field::Indicator, limits::INDICATORS), r);
    unite(&mut w.after.indicators, &indicators, |i| &i.id, (buried, Field::Indicator, Item::Indicator), r);

    per_principle(&mut w.after.owners, &theirs.after.owners, |o| &o.principle, Field::Person, skipped, r);
    per_principle(&mut w.after.assumptions, &theirs.after.assumptions, |a| &a.principle, Field::Assumption, skipped, r);
    one(&mut w.after.adoption, &theirs.after.adoption, Field::Adoption, r);
    one(&mut w.after.evaluation, &theirs.after.evaluation, Field::Evaluation, r);
}

fn added(r: &mut MergeReport, field: Field, n: usize) {
    if n > 0 {
        r.added.push((field, n));
    }
}

/// The set's one record (adoption, evaluation): taken when empty here; named when both differ.
fn one<T: Clone + Default + PartialEq>(mine: &mut T, other: &T, field: Field, r: &mut MergeReport) {
    let empty = T::default();
    if *other == empty || mine == other {
    } else if *mine == empty {
        mine.clone_from(other);
        added(r, field, 1);
    } else {
        r.conflicts.push(Conflict { field, id: None });
    }
}

/// Their items, less the new ones that no longer fit within `cap` beside ours: those are named
/// in the report (`MergeReport::full`).
fn within<T>(
    ours: &[T],
    theirs: Vec<T>,
    key: fn(&T) -> &Id,
    (buried, field, cap): (&HashSet<Id>, Field, usize),
    r: &mut MergeReport,
) -> Vec<T> {
    let mut room = cap.saturating_sub(ours.len());
    let mut kept = Vec::with_capacity(theirs.len());
    for item in theirs {
        let new = !ours.iter().any(|x| key(x) == key(&item)) && !buried.contains(key(&item));
        if new && room == 0 {
            r.full.push(Conflict { field, id: Some(key(&item).clone()) });
            continue;
        }
        room -= usize::from(new);
        kept.push(item);
    }
    kept
}

/// Their new items that hang on what is not here: an action without its principle, an
/// indicator without its outcome go to the report (restorable); owners and assumption checks
/// of a principle that is gone are dropped, like verdicts.
pub(super) fn settle_practice(w: &mut Workshop, here: &dyn Fn(&Id) -> bool, restorable: &mut Vec<Item>) {
    w.after.tasks.retain(|t| {
        here(&t.principle) || {
            restorable.push(Item::Task(t.clone()));
            false
        }
    });
    w.after.indicators.retain(|i| {
        here(&i.outcome) || {
            restorable.push(Item::Indicator(i.clone()));
            false
        }
    });
    w.after.owners.retain(|o| here(&o.principle));
    w.after.assumptions.retain(|a| here(&a.principle));
}

/// Each record both files filled in differently, as a [`Disagreement`] (the file's record
/// whole), where this workshop can take it.
pub(super) fn practice_disagreements(ours: &Workshop, theirs: &Workshop, w: &Workshop) -> Vec<Disagreement> {
    let mut found = Vec::new();
    let mut differ = |about: Practice, mine: Option<String>, other: String| {
        let about = Wording::Practice(about);
        if mine.is_some_and(|m| m != other) && about.takes(w, &other) {
            found.push(Disagreement { about, theirs: other });
        }
    };
    let (o, t) = (&ours.after, &theirs.after);
    for x in &t.tasks {
        differ(Practice::Task(x.id.clone()), o.tasks.iter().find(|m| m.id == x.id).map(json), json(x));
    }
    for x in &t.indicators {
        differ(Practice::Indicator(x.id.clone()), o.indicators.iter().find(|m| m.id == x.id).map(json), json(x));
    }
    for x in &t.owners {
        let mine = o.owners.iter().find(|m| m.principle == x.principle);
        differ(Practice::Owners(x.principle.clone()), mine.map(|m| json(&Some(m))), json(&Some(x)));
    }
    for x in &t.assumptions {
        let mine = o.assumptions.iter().find(|m| m.principle == x.principle);
        differ(Practice::Assumption(x.principle.clone()), mine.map(|m| json(&Some(m))), json(&Some(x)));
    }
    // Empty on either side is no difference: an empty one here was taken from the file.
    if o.adoption != Adoption::default() && t.adoption != Adoption::default() {
        differ(Practice::Adoption, Some(json(&o.adoption)), json(&t.adoption));
    }
    if o.evaluation != Evaluation::default() && t.evaluation != Evaluation::default() {
        differ(Practice::Evaluation, Some(json(&o.evaluation)), json(&t.evaluation));
    }
    found
}

/// Restores an action or indicator the other file still had, through the action that sets it.
pub(super) fn restore_action(item: &Item) -> Option<Action> {
    match item {
        Item::Task(t) => Some(Action::SetTask(Box::new(t.clone()))),
        Item::Indicator(i) => Some(Action::SetIndicator(Box::new(i.clone()))),
        _ => None,
    }
}

/// Records kept one per principle (owners, assumption checks): the file's is taken where this
/// workshop has none for that principle, a different one is a conflict, and one on a principle the
/// merge left out is named as left out.
fn per_principle<T: Clone + PartialEq>(
    mine: &mut Vec<T>,
    theirs: &[T],
    principle: fn(&T) -> &Id,
    field: Field,
    skipped: &[Id],
    r: &mut MergeReport,
) {
    let mut taken = 0;
    for t in theirs {
        match mine.iter().find(|x| principle(x) == principle(t)) {
            _ if skipped.contains(principle(t)) => left_out(r, field, principle(t)),
            Some(m) if m != t => r.conflicts.push(Conflict { field, id: Some(principle(t).clone()) }),
            Some(_) => {}
            None => {
                mine.push(t.clone());
                taken += 1;
            }
        }
    }
    added(r, field, taken);
}

/// Names an item of the other file that the merge left out (its principle was left out).
fn left_out(r: &mut MergeReport, field: Field, id: &Id) {
    r.skipped.push(Conflict { field, id: Some(id.clone()) });
}
