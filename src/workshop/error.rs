//! Why an action was refused. Typed, so the UI can say it in the user's language (`i18n`).

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::variants::own_names;

// Serde: a live room tells a refused action's reason to its sender (`crate::live`); read by
// its name through the text reader the named choices share (see `variants`).
own_names! {
/// What a message is about, to name it in an error.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String")]
pub enum Field {
    Title,
    Organisation,
    Date,
    Facilitator,
    Outcome,
    Group,
    Source,
    SourceNotes,
    Card,
    Cluster,
    Voter,
    Principle,
    PrincipleText,
    Tension,
    Reason,
    /// A yardstick option.
    BudgetOption,
    /// A verdict's or answer's note.
    Note,
    /// A participant's "why".
    Whisper,
    /// A saved charter version.
    Version,
    /// A congruence question.
    Question,
    /// A principle's owner or ambassador.
    Person,
    /// The adoption decision's reference (*kenmerk*).
    Reference,
    /// An action (who, what).
    Task,
    /// An indicator of the results monitor.
    Indicator,
    /// The answer to a route's question.
    Answer,
    /// The set's adoption route.
    Adoption,
    /// A principle's assumption check at the evaluation.
    Assumption,
    /// The evaluation after a year.
    Evaluation,
}
}

/// An action that `apply` refused; the workshop is unchanged. A live room sends it to the
/// step's sender as an array, its name first (`crate::live::wire`).
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum DomainError {
    /// A required text was empty (after trimming).
    #[error("{0:?} is empty")]
    Empty(Field),
    /// A line break in a text that is one line (a title or name).
    #[error("{0:?} must be one line")]
    NotOneLine(Field),
    /// A text was longer than the charter can hold.
    #[error("{field:?} is longer than {max} characters")]
    TooLong { field: Field, max: usize },
    /// An id did not name an existing item (it may have been removed on another screen).
    #[error("{0:?} not found")]
    NotFound(Field),
    /// An id was already in use.
    #[error("{0:?} id already in use")]
    DuplicateId(Field),
    /// A group cannot be removed while cards or voters still name it.
    #[error("group still used by {cards} cards")]
    GroupInUse { cards: usize },
    /// Merging a cluster into itself.
    #[error("a cluster cannot be merged with itself")]
    SameCluster,
    /// An action on a selection got no items.
    #[error("nothing selected")]
    NothingSelected,
    /// A cluster that became a principle cannot be removed or merged away.
    #[error("cluster is already a principle")]
    ClusterIsPrinciple,
    /// The voter has placed all dots.
    #[error("no dots left")]
    NoDotsLeft,
    /// The voter has placed the most dots allowed on this cluster.
    #[error("at most {0} dots on one cluster")]
    MaxPerCluster(u32),
    /// Withdrawing a dot that was not placed.
    #[error("no dot to withdraw")]
    NoDotToWithdraw,
    /// A number outside what the method allows.
    #[error("{what:?} must be between {min} and {max}")]
    OutOfRange { what: Field, min: u32, max: u32 },
    /// Voting rules cannot change once dots are placed (it would make the count unfair).
    #[error("votes already cast")]
    VotesAlreadyCast,
    /// A tension needs two different chosen principles.
    #[error("a tension needs two different principles")]
    TensionNeedsTwo,
    /// That pair already has a tension.
    #[error("these two principles already have a tension")]
    TensionExists,
    /// The priority of a tension must be one of its two principles.
    #[error("priority must be one of the two principles")]
    PriorityNotInTension,
    /// Finalising outside five to eight principles needs a written reason.
    #[error("a reason is required outside five to eight principles")]
    ReasonRequired,
    /// The file to merge is damaged (a reference names nothing, an id is used twice).
    #[error("the other file is damaged")]
    OtherFileDamaged,
    /// The two files use one id for different things; merging would break references.
    #[error("the files use one id for different things")]
    IdClash,
    /// The set already holds the most principles a one-page charter can carry.
    #[error("at most {0} principles")]
    SetFull(usize),
    /// The facilitator has locked this stage.
    #[error("stage {0:?} is locked")]
    Locked(super::model::Stage),
    /// The two files together hold more principles than a charter can carry.
    #[error("together {together} principles, at most {max}")]
    MergeSetTooLarge { together: usize, max: usize },
    /// The other file changes a stage the facilitator has locked.
    #[error("the merge changes the locked stage {0:?}")]
    MergeLocked(super::model::Stage),
    /// The cluster already became a principle.
    #[error("cluster already promoted")]
    AlreadyPromoted,
    /// "Keep both" asked of a value a merge found (a cluster, a type, a number): one stays.
    #[error("a value cannot be kept twice")]
    BothValues,
    /// A date that is not a calendar date `YYYY-MM-DD`.
    #[error("{0:?} is not a date")]
    NotADate(Field),
    /// A list after the workshop is at its most items.
    #[error("at most {max} of {what:?}")]
    TooMany { what: Field, max: usize },
}
