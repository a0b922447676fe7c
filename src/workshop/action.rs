//! Everything a user can do to a workshop, as data. The UI only builds these; `apply` decides.

use serde::{Deserialize, Serialize};

use super::after::{Adoption, Answer, Area, Evaluation, Indicator, Layer, Ownership, Task, Verdict};
use super::check::Checked;
use super::fields::PrincipleField;
use super::merge::{Item, Keep, Wording};
use super::model::{PrincipleKind, Recognition, RouteQuestion, SourceKind, Stage, Workshop};
use super::variants::own_names;
use super::Id;

own_names! {
/// Which setup text is being edited.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String")]
pub enum SetupField {
    Title,
    Organisation,
    Date,
    Facilitator,
}
}

impl Action {
    /// The stage this action belongs to; a locked stage refuses it. `None`: always allowed.
    pub fn stage(&self) -> Option<Stage> {
        use Action::*;
        Some(match self {
            EditSetup { .. }
            | AddOutcome { .. }
            | EditOutcome { .. }
            | RemoveOutcome { .. }
            | AddGroup { .. }
            | RenameGroup { .. }
            | RemoveGroup { .. } => Stage::Setup,
            AddSource { .. }
            | EditSource { .. }
            | RemoveSource { .. }
            | AddCard { .. }
            | EditCard { .. }
            | RemoveCard { .. }
            | AnswerRoute { .. }
            | AddAnswerCard { .. } => Stage::Collect,
            CreateCluster { .. }
            | RenameCluster { .. }
            | MoveCards { .. }
            | ClusterCards { .. }
            | MergeClusters { .. }
            | Ungroup { .. }
            | AcceptSuggestion { .. } => Stage::Cluster,
            SetVoteRules { .. }
            | AddVoter { .. }
            | RemoveVoter { .. }
            | CastDot { .. }
            | WithdrawDot { .. }
            | RevealVotes { .. }
            | SetVoterGroup { .. }
            | Recognise { .. }
            | Promote { .. }
            | AddPrinciple { .. }
            | RemovePrinciple { .. }
            | MovePrinciple { .. }
            | SetTension { .. }
            | RemoveTension { .. } => Stage::Reduce,
            EditPrinciple { .. } | SetPrincipleKind { .. } | SetPrincipleOutcome { .. } => Stage::Concretise,
            Decide { about, .. } => return about.stage(),
            Restore { item } => return item.stage(),
            Finalise { .. }
            | Reopen
            | SetLock { .. }
            | Replace { .. }
            | Merge { .. }
            | AddOption { .. }
            | EditOption { .. }
            | RemoveOption { .. }
            | Assess { .. }
            | AnswerCongruence { .. }
            | AddWhisper { .. }
            | RemoveWhisper { .. }
            | SaveVersion { .. }
            | RemoveVersion { .. }
            | SetEvaluationDate { .. }
            | SetOwners(_)
            | SetAdoption(_)
            | SetTask(_)
            | RemoveTask(_)
            | SetIndicator(_)
            | RemoveIndicator(_)
            | CheckAssumption { .. }
            | SetEvaluation(_) => return None,
        })
    }
}

impl Action {
    /// Whether this action adds a principle to the set or takes one out: a final set is then a
    /// draft again.
    pub fn changes_set(&self) -> bool {
        matches!(self, Action::Promote { .. } | Action::AddPrinciple { .. } | Action::RemovePrinciple { .. })
            || matches!(self, Action::Restore { item } if matches!(**item, super::merge::Item::Principle(_)))
    }
}

/// One user intention, named as the workshop names it. Written and read as a JSON array by
/// `live::wire` (a room's steps are actions), not by serde's derive.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    // --- Voorbereiden (setup)
    EditSetup {
        field: SetupField,
        value: String,
    },
    AddOutcome {
        id: Id,
        text: String,
    },
    EditOutcome {
        id: Id,
        text: String,
    },
    RemoveOutcome {
        id: Id,
    },
    AddGroup {
        id: Id,
        name: String,
    },
    RenameGroup {
        id: Id,
        name: String,
    },
    RemoveGroup {
        id: Id,
    },

    // --- Verzamelen (collect)
    AddSource {
        id: Id,
        kind: SourceKind,
        title: String,
        notes: String,
    },
    EditSource {
        id: Id,
        title: String,
        notes: String,
    },
    /// Removes the source and the cards harvested from it (undo brings both back).
    RemoveSource {
        id: Id,
    },
    AddCard {
        id: Id,
        source: Id,
        group: Option<Id>,
        text: String,
    },
    EditCard {
        id: Id,
        text: String,
        group: Option<Id>,
    },
    RemoveCard {
        id: Id,
    },
    /// Answers one of the source's route questions; an empty text takes the answer away.
    AnswerRoute {
        source: Id,
        question: RouteQuestion,
        text: String,
    },
    /// Adds a card harvested from one of the source's route questions: the card keeps which.
    AddAnswerCard {
        id: Id,
        source: Id,
        question: RouteQuestion,
        group: Option<Id>,
        text: String,
    },

    // --- Clusteren (cluster)
    CreateCluster {
        id: Id,
        name: String,
    },
    RenameCluster {
        id: Id,
        name: String,
    },
    /// Moves cards into a cluster, or back to "not grouped" with `None`.
    MoveCards {
        cards: Vec<Id>,
        to: Option<Id>,
    },
    /// Creates a cluster from selected cards in one step (also how a cluster is split).
    ClusterCards {
        id: Id,
        name: String,
        cards: Vec<Id>,
    },
    /// All cards of `from` go to `into`; `from` disappears.
    MergeClusters {
        from: Id,
        into: Id,
    },
    /// The cluster disappears; its cards go back to "not grouped" (*opheffen*).
    Ungroup {
        id: Id,
    },
    /// Accepts a suggested group: a new cluster holding these cards (one undoable step).
    AcceptSuggestion {
        id: Id,
        name: String,
        cards: Vec<Id>,
    },

    // --- Kiezen (reduce)
    SetVoteRules {
        dots_per_voter: u32,
        max_per_cluster: u32,
    },
    AddVoter {
        id: Id,
        name: String,
    },
    RemoveVoter {
        id: Id,
    },
    CastDot {
        voter: Id,
        cluster: Id,
    },
    WithdrawDot {
        voter: Id,
        cluster: Id,
    },
    /// Reveals or hides the result: the dots and the recognition round together.
    RevealVotes {
        revealed: bool,
    },
    /// Puts a voter in a group at the table, or in none with `None` (the split by group).
    SetVoterGroup {
        voter: Id,
        group: Option<Id>,
    },
    /// Marks how strongly a voter recognises a cluster, or clears the mark with `None`.
    Recognise {
        voter: Id,
        cluster: Id,
        level: Option<Recognition>,
    },
    /// Promotes a cluster to a principle; the title starts as the cluster's name.
    Promote {
        id: Id,
        cluster: Id,
    },
    /// Adds a principle that does not come from a cluster.
    AddPrinciple {
        id: Id,
        title: String,
    },
    RemovePrinciple {
        id: Id,
    },
    /// Moves a principle one place up (`-1`) or down (`1`) in the charter order.
    MovePrinciple {
        id: Id,
        by: i8,
    },
    SetTension {
        id: Id,
        a: Id,
        b: Id,
        note: String,
        priority: Option<Id>,
    },
    RemoveTension {
        id: Id,
    },

    // --- Concretiseren (concretise)
    EditPrinciple {
        id: Id,
        field: PrincipleField,
        value: String,
    },
    SetPrincipleKind {
        id: Id,
        kind: PrincipleKind,
    },
    SetPrincipleOutcome {
        id: Id,
        outcome: Option<Id>,
    },

    // --- Charter
    Finalise {
        reason: Option<String>,
    },
    Reopen,

    // --- After the charter (*na het charter*)
    AddOption {
        id: Id,
        title: String,
        description: String,
        amount: String,
    },
    EditOption {
        id: Id,
        title: String,
        description: String,
        amount: String,
    },
    /// Removes the option and its verdicts.
    RemoveOption {
        id: Id,
    },
    /// Sets (or with `None` clears) the verdict of an option on a principle.
    Assess {
        option: Id,
        principle: Id,
        verdict: Option<Verdict>,
        reason: String,
    },
    /// Sets (or with `None` clears) a congruence answer.
    AnswerCongruence {
        principle: Id,
        area: Area,
        question: u8,
        answer: Option<Answer>,
        note: String,
    },
    AddWhisper {
        id: Id,
        principle: Id,
        layer: Layer,
        author: String,
        text: String,
    },
    RemoveWhisper {
        id: Id,
    },
    /// Saves the current set as a named, dated version.
    SaveVersion {
        id: Id,
        name: String,
        date: String,
    },
    RemoveVersion {
        id: Id,
    },
    SetEvaluationDate {
        date: String,
    },

    // --- In practice, after the workshop (format version 3): owners, adoption, actions, the
    // results monitor and the evaluation after a year. Never locked, like the rest after the
    // charter. Each carries the record it sets, read by that record's own small reader (a
    // variant with named fields gets serde's derived reader, which every page carries).
    /// Sets a principle's owner and ambassadors (an empty owner and no ambassadors clears them).
    SetOwners(Ownership),
    /// Sets the set's adoption route; a decision date marks it adopted.
    SetAdoption(Adoption),
    /// Adds an action, or changes the one with this id (what, who, due, status).
    SetTask(Box<Task>),
    RemoveTask(Id),
    /// Adds an indicator to an intended outcome, or changes the one with this id (the values
    /// measured at the evaluation too).
    SetIndicator(Box<Indicator>),
    RemoveIndicator(Id),
    /// Answers (or with `None` clears) "does the assumption still hold?" for a principle.
    CheckAssumption {
        principle: Id,
        answer: Option<Answer>,
        note: String,
    },
    /// Records the evaluation: when it was held and what it decided about the set.
    SetEvaluation(Evaluation),

    // --- Facilitation
    /// Locks or unlocks a stage (*fase vergrendelen*).
    SetLock {
        stage: Stage,
        locked: bool,
    },

    // --- Files
    /// Replaces the whole workshop (an imported file, or a fresh start); undo brings the old one
    /// back. Only a checked workshop can replace it, so the check runs once, when it is made.
    Replace {
        workshop: Box<Checked>,
    },
    /// Unites a workshop from another laptop into this one (see `merge`).
    Merge {
        other: Box<Workshop>,
    },
    /// Settles a wording difference a merge found: keep this text, theirs, or both.
    Decide {
        about: Wording,
        theirs: String,
        keep: Keep,
    },
    /// Brings back an item the merged file still had but that was deleted here.
    Restore {
        item: Box<Item>,
    },
}

impl Action {
    /// Whether this action can delete items (and so leaves tombstones).
    pub fn deletes(&self) -> bool {
        use Action::*;
        matches!(
            self,
            RemoveOutcome { .. }
                | RemoveGroup { .. }
                | RemoveSource { .. }
                | RemoveCard { .. }
                | MergeClusters { .. }
                | Ungroup { .. }
                | RemoveVoter { .. }
                | RemovePrinciple { .. }
                | RemoveTension { .. }
                | RemoveOption { .. }
                | RemoveWhisper { .. }
                | RemoveVersion { .. }
                | RemoveTask(_)
                | RemoveIndicator(_)
        )
    }
}
