//! How a workshop [`Action`] is written and read: one JSON array, its name first and then its
//! fields in order, e.g. `["AddCard","card-1","src-1",null,"Eigen regie"]` or `["Reopen"]`.
//!
//! A room's steps come back to every device as actions, so the workshop page and the
//! participant page both read every kind of action. serde's derived reader gave each variant its
//! own visitor, reading a JSON object and also a JSON array, inlined into serde_json's readers
//! (about 180 KB of wasm on each page). This reader is one match on the name, then one
//! `next_element` per field: the code per field type is shared by every variant.
//!
//! Writer and reader come from one list ([`wire!`]): the writer's match names every variant
//! and every field (no `..`), so a new variant, or a new field, does not compile until it is in
//! the list, and then it is read too. `tests/live.rs` writes and reads one sample of every name
//! in [`NAMES`].

use serde::de::{Error, IgnoredAny, SeqAccess, Visitor};
use serde::ser::SerializeSeq;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::workshop::Action;

/// Reads the next field of an action; a missing one is an error.
fn next<'de, A: SeqAccess<'de>, T: Deserialize<'de>>(seq: &mut A, name: &str) -> Result<T, A::Error> {
    seq.next_element()?.ok_or_else(|| A::Error::custom(format_args!("action {name} is missing a field")))
}

/// `Action`'s `Serialize` and `Deserialize`, and [`NAMES`], from one list of its variants, each
/// with its fields as the variant names them: `Name { a, b }`, `Name {}` or `Name(a)`.
macro_rules! wire {
    ($($variant:ident $fields:tt),+ $(,)?) => {
        /// The name of every kind of action, as written first in its array.
        pub const NAMES: &[&str] = &[$(stringify!($variant)),+];

        impl Serialize for Action {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                match self {
                    $(wire!(@pattern $variant $fields) => {
                        let mut seq = s.serialize_seq(None)?;
                        seq.serialize_element(stringify!($variant))?;
                        wire!(@write seq $fields);
                        seq.end()
                    })+
                }
            }
        }

        impl<'de> Deserialize<'de> for Action {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Action, D::Error> {
                struct Read;
                impl<'de> Visitor<'de> for Read {
                    type Value = Action;
                    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                        f.write_str("an action: [name, fields...]")
                    }
                    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Action, A::Error> {
                        let tag: String = next(&mut seq, "")?;
                        let action = match tag.as_str() {
                            $(stringify!($variant) => wire!(@read seq $variant $fields),)+
                            _ => return Err(A::Error::unknown_variant(&tag, NAMES)),
                        };
                        if seq.next_element::<IgnoredAny>()?.is_some() {
                            return Err(A::Error::custom(format_args!("action {tag} has too many fields")));
                        }
                        Ok(action)
                    }
                }
                d.deserialize_seq(Read)
            }
        }
    };
    (@pattern $variant:ident { $($f:ident),* }) => { Action::$variant { $($f),* } };
    (@pattern $variant:ident ( $($f:ident),* )) => { Action::$variant ( $($f),* ) };
    (@write $seq:ident { $($f:ident),* }) => { $($seq.serialize_element($f)?;)* };
    (@write $seq:ident ( $($f:ident),* )) => { $($seq.serialize_element($f)?;)* };
    (@read $seq:ident $variant:ident { $($f:ident),* }) => {{
        $(let $f = next(&mut $seq, stringify!($variant))?;)*
        Action::$variant { $($f),* }
    }};
    (@read $seq:ident $variant:ident ( $($f:ident),* )) => {{
        $(let $f = next(&mut $seq, stringify!($variant))?;)*
        Action::$variant ( $($f),* )
    }};
}

wire! {
    EditSetup { field, value },
    AddOutcome { id, text },
    EditOutcome { id, text },
    RemoveOutcome { id },
    AddGroup { id, name },
    RenameGroup { id, name },
    RemoveGroup { id },
    AddSource { id, kind, title, notes },
    EditSource { id, title, notes },
    RemoveSource { id },
    AddCard { id, source, group, text },
    EditCard { id, text, group },
    RemoveCard { id },
    AnswerRoute { source, question, text },
    AddAnswerCard { id, source, question, group, text },
    CreateCluster { id, name },
    RenameCluster { id, name },
    MoveCards { cards, to },
    ClusterCards { id, name, cards },
    MergeClusters { from, into },
    Ungroup { id },
    AcceptSuggestion { id, name, cards },
    SetVoteRules { dots_per_voter, max_per_cluster },
    AddVoter { id, name },
    RemoveVoter { id },
    CastDot { voter, cluster },
    WithdrawDot { voter, cluster },
    RevealVotes { revealed },
    SetVoterGroup { voter, group },
    Recognise { voter, cluster, level },
    Promote { id, cluster },
    AddPrinciple { id, title },
    RemovePrinciple { id },
    MovePrinciple { id, by },
    SetTension { id, a, b, note, priority },
    RemoveTension { id },
    EditPrinciple { id, field, value },
    SetPrincipleKind { id, kind },
    SetPrincipleOutcome { id, outcome },
    Finalise { reason },
    Reopen {},
    AddOption { id, title, description, amount },
    EditOption { id, title, description, amount },
    RemoveOption { id },
    Assess { option, principle, verdict, reason },
    AnswerCongruence { principle, area, question, answer, note },
    AddWhisper { id, principle, layer, author, text },
    RemoveWhisper { id },
    SaveVersion { id, name, date },
    RemoveVersion { id },
    SetEvaluationDate { date },
    SetOwners(owners),
    SetAdoption(adoption),
    SetTask(task),
    RemoveTask(id),
    SetIndicator(indicator),
    RemoveIndicator(id),
    CheckAssumption { principle, answer, note },
    SetEvaluation(evaluation),
    SetLock { stage, locked },
    Replace { workshop },
    Merge { other },
    Decide { about, theirs, keep },
    Restore { item },
}
