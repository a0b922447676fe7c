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
//!
//! Measured on the workshop page and not taken (`scripts/size-live.sh`, `scripts/size.mjs`):
//! the writer as one function over a list of `&dyn` fields per variant, written into JSON text
//! and handed on as a `RawValue` (wasm 1.3 KB smaller raw, but 0.5 KiB larger gzip, and the
//! participant page 2.2 KiB larger); the reader as one slot per field read from a `RawValue`
//! by `serde_json::from_str` (a copy of the reader per field type: live share 52.8 -> 54.6 KiB).

use serde::de::{Error, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Author, Entry, Live, Op, Problem, Refusal, Role, SeatStep, ServerFrame, ToSeat};
use crate::workshop::variants::read_struct;
use crate::workshop::{Action, DomainError};

/// Reads the next field of an action; a missing one is an error.
fn next<'de, A: SeqAccess<'de>, T: Deserialize<'de>>(seq: &mut A, name: &str) -> Result<T, A::Error> {
    seq.next_element()?.ok_or_else(|| A::Error::custom(format_args!("{name} is missing a field")))
}

/// `Serialize` and `Deserialize` of an enum `$ty`, and the list of its variants' names (`$names`),
/// from one list of its variants, each with its fields as the variant names them:
/// `Name { a, b }`, `Name {}` or `Name(a)`. Written as an array, its name first.
macro_rules! wire {
    ($ty:ident as $names:ident: $($variant:ident $fields:tt),+ $(,)?) => {
        /// The name of every kind, as written first in its array.
        pub const $names: &[&str] = &[$(stringify!($variant)),+];

        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                match self {
                    $(wire!(@pattern $ty $variant $fields) => {
                        let mut seq = s.serialize_seq(None)?;
                        seq.serialize_element(stringify!($variant))?;
                        wire!(@write seq $fields);
                        seq.end()
                    })+
                }
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<$ty, D::Error> {
                struct Read;
                impl<'de> Visitor<'de> for Read {
                    type Value = $ty;
                    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                        f.write_str("[name, fields...]")
                    }
                    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<$ty, A::Error> {
                        let tag: String = next(&mut seq, "")?;
                        let value = match tag.as_str() {
                            $(stringify!($variant) => wire!(@read seq $ty $variant $fields),)+
                            _ => return Err(A::Error::unknown_variant(&tag, $names)),
                        };
                        end(seq, &tag)?;
                        Ok(value)
                    }
                }
                d.deserialize_seq(Read)
            }
        }
    };
    (@pattern $ty:ident $variant:ident { $($f:ident),* }) => { $ty::$variant { $($f),* } };
    (@pattern $ty:ident $variant:ident ( $($f:ident),* )) => { $ty::$variant ( $($f),* ) };
    (@write $seq:ident { $($f:ident),* }) => { $($seq.serialize_element($f)?;)* };
    (@write $seq:ident ( $($f:ident),* )) => { $($seq.serialize_element($f)?;)* };
    (@read $seq:ident $ty:ident $variant:ident { $($f:ident),* }) => {{
        $(let $f = next(&mut $seq, stringify!($variant))?;)*
        $ty::$variant { $($f),* }
    }};
    (@read $seq:ident $ty:ident $variant:ident ( $($f:ident),* )) => {{
        $(let $f = next(&mut $seq, stringify!($variant))?;)*
        $ty::$variant ( $($f),* )
    }};
}

/// The end of an array: more fields than its kind has is an error.
fn end<'de, A: SeqAccess<'de>>(mut seq: A, name: &str) -> Result<(), A::Error> {
    match seq.next_element::<IgnoredAny>()? {
        Some(_) => Err(A::Error::custom(format_args!("{name} has too many fields"))),
        None => Ok(()),
    }
}

wire! {
    Action as NAMES:
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

wire! {
    Refusal as REFUSALS:
    Domain(error),
    NotYourRole {},
    Locked(stage),
    NotYours {},
    WritingClosed {},
    VotingClosed {},
    TooFast {},
}

wire! {
    DomainError as DOMAIN_ERRORS:
    Empty(field),
    NotOneLine(field),
    TooLong { field, max },
    NotFound(field),
    DuplicateId(field),
    GroupInUse { cards },
    SameCluster {},
    NothingSelected {},
    ClusterIsPrinciple {},
    NoDotsLeft {},
    MaxPerCluster(max),
    NoDotToWithdraw {},
    OutOfRange { what, min, max },
    VotesAlreadyCast {},
    TensionNeedsTwo {},
    TensionExists {},
    PriorityNotInTension {},
    ReasonRequired {},
    OtherFileDamaged {},
    IdClash {},
    SetFull(max),
    Locked(stage),
    MergeSetTooLarge { together, max },
    MergeLocked(stage),
    AlreadyPromoted {},
    BothValues {},
    NotADate(field),
    TooMany { what, max },
}

/// `Deserialize` of an enum `$ty` written as a JSON object with one field named for its kind
/// (the names in `$names`): each arm reads the field's value with `$map.next_value()`. A second
/// field is an error.
macro_rules! one_field {
    ($ty:ident as $expecting:literal, $names:expr, $map:ident: $($name:literal => $read:expr),+ $(,)?) => {
        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<$ty, D::Error> {
                struct Read;
                impl<'de> Visitor<'de> for Read {
                    type Value = $ty;
                    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                        f.write_str($expecting)
                    }
                    fn visit_map<A: MapAccess<'de>>(self, mut $map: A) -> Result<$ty, A::Error> {
                        let key: String = $map.next_key()?.ok_or_else(|| A::Error::custom("an empty object"))?;
                        let value = match key.as_str() {
                            $($name => $read,)+
                            _ => return Err(A::Error::unknown_variant(&key, $names)),
                        };
                        only($map, value)
                    }
                }
                d.deserialize_map(Read)
            }
        }
    };
}

/// A room step is a JSON object with one field named for its kind, `{"act":[…]}` or
/// `{"floor":{…}}`: the form rooms have stored in their logs since the first version, so it
/// stays. Written by hand for the same reason as actions: serde's derived enum reader is large.
impl Serialize for Op {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(1))?;
        match self {
            Op::Act(action) => map.serialize_entry("act", action)?,
            Op::Floor(floor) => map.serialize_entry("floor", floor)?,
        }
        map.end()
    }
}

one_field! {
    Op as "a step: {\"act\": …} or {\"floor\": …}", &["act", "floor"], map:
    "act" => Op::Act(map.next_value()?),
    "floor" => Op::Floor(map.next_value()?),
}

/// The end of an object that has one field: a second one is an error.
fn only<'de, A: MapAccess<'de>, T>(mut map: A, value: T) -> Result<T, A::Error> {
    match map.next_key::<IgnoredAny>()? {
        Some(_) => Err(A::Error::custom("one field only")),
        None => Ok(value),
    }
}

/// The names of [`ServerFrame`]'s kinds, as the field its object has.
pub const SERVER_FRAMES: &[&str] = &["welcome", "confirmed", "refused", "problem"];

// A frame from the server, read by hand: an object with one field named for the frame (as
// serde's derive writes it, the server's side), its fields read by the small record reader
// (with serde's derived readers of this enum and its structs the workshop page was 3.1 KiB
// gzip larger).
one_field! {
    ServerFrame as "a frame: {\"welcome\": …}, {\"confirmed\": …}, …", SERVER_FRAMES, map:
    "welcome" => {
        let Welcome { role, you, acked, snapshot_seq, snapshot, tail } = map.next_value()?;
        ServerFrame::Welcome { role, you, acked, snapshot_seq, snapshot, tail }
    },
    "confirmed" => ServerFrame::Confirmed(map.next_value()?),
    "refused" => {
        let Refused { cseq, reason } = map.next_value()?;
        ServerFrame::Refused { cseq, reason }
    },
    "problem" => ServerFrame::Problem { problem: map.next_value::<Problems>()?.problem },
}

/// The names of [`ToSeat`]'s kinds, as the field its object has.
pub const TO_SEAT: &[&str] = &["seat", "refused", "problem"];

// A frame from the room to a participant, read by hand as `ServerFrame` is (the same readers
// of a refusal and a problem).
one_field! {
    ToSeat as "a frame: {\"seat\": …}, {\"refused\": …} or {\"problem\": …}", TO_SEAT, map:
    "seat" => ToSeat::Seat(map.next_value()?),
    "refused" => {
        let Refused { cseq, reason } = map.next_value()?;
        ToSeat::Refused { cseq, reason }
    },
    "problem" => ToSeat::Problem { problem: map.next_value::<Problems>()?.problem },
}

/// The fields of [`ServerFrame::Welcome`].
struct Welcome {
    role: Role,
    you: Author,
    acked: u64,
    snapshot_seq: u64,
    snapshot: Option<Box<Live>>,
    tail: Vec<Entry>,
}

read_struct!(Welcome { role, you, acked, snapshot_seq, snapshot = default, tail });

/// The fields of [`ServerFrame::Refused`].
struct Refused {
    cseq: u64,
    reason: Refusal,
}

read_struct!(Refused { cseq, reason });

/// The field of [`ServerFrame::Problem`].
struct Problems {
    problem: Problem,
}

read_struct!(Problems { problem });

// A participant's steps: each the same array as the action of that name (tested).
wire! {
    SeatStep as SEAT_STEPS:
    AddCard { id, source, group, text },
    EditCard { id, text, group },
    RemoveCard { id },
    AddVoter { id, name },
    SetVoterGroup { voter, group },
    CastDot { voter, cluster },
    WithdrawDot { voter, cluster },
    Recognise { voter, cluster, level },
}
