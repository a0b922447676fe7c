//! The live room's protocol: what devices in one room and the room's server say to each other,
//! and who may do what. Plain Rust and serde, no browser and no runtime, so the server
//! (`server/`) and the pages run the very same code.
//!
//! A room is an ordered log of the domain's own actions. A client sends [`ClientFrame::Submit`];
//! the server checks it ([`permit`], then [`Workshop::apply`]), gives it the next sequence
//! number, stores it, and only then sends [`ServerFrame::Confirmed`] to the facilitator and the
//! tables. Each of them applies the confirmed entries in order ([`Live::replay`]) and so holds
//! the same workshop. A participant gets its [`Seat`] instead (`seat`: what its page shows, made
//! by the server, sent again when it changes), so a phone holds no workshop.
//! A refusal goes to its sender only ([`ServerFrame::Refused`]).
//!
//! Frames are JSON objects with one field, named for the frame, e.g.
//! `{"hello":{"room":"K7XM3P","client":"c-…","seen":0}}` or
//! `{"submit":{"cseq":1,"op":{"act":["AddCard","card-1","src-1",null,"Eigen regie"]}}}`; an
//! action is an array, its name first ([`wire`]). Not a `"t"` field inside the frame: serde
//! reads such a frame twice (first into a buffer, to find the tag), and that buffered reader
//! of every action and workshop cost the pages about 20 KB of wasm.

use std::collections::BTreeMap;

mod client;
pub use client::{Client, Next, Saved};
mod host;
mod seat;
pub use host::{grouped, inverse, Host, HostKept, UndoError, UNDO_LIMIT};
pub use seat::{Heard, MyCard, Named, Row, Seat, SeatKept, SeatStep, Seated, ToSeat};
mod table;
pub use table::{offers, parse_table_link, table_link, Control, TABLE_FRAGMENT};
pub mod wire;

use serde::{Deserialize, Serialize};

use crate::workshop::variants::{named_variants, read_struct};
use crate::workshop::{Action, Applied, DomainError, Field, Id, Stage, Workshop};

/// Alphabet of room codes: capitals and digits that cannot be mistaken for one another when
/// read aloud or from a projector (no 0/O, 1/I/L, 2/Z, 5/S, 6/G, 8/B).
pub const CODE_ALPHABET: &[u8] = b"ACDEFHJKMNPRTUVWXY3479";
/// Characters in a room code: 22^6, over a hundred million codes.
pub const CODE_LEN: usize = 6;

/// A typed code as stored: capitals, without spaces or dashes; `None` if it cannot be one.
pub fn normalise_code(typed: &str) -> Option<String> {
    let code: String = typed.chars().filter(|c| !matches!(c, ' ' | '-')).map(|c| c.to_ascii_uppercase()).collect();
    (code.len() == CODE_LEN && code.bytes().all(|b| CODE_ALPHABET.contains(&b))).then_some(code)
}

/// Who a device is in a room; the key it joins with decides it. Read by its name
/// ([`named_variants!`]: serde's derived enum reader is about 1 KB of wasm per enum).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", try_from = "String")]
pub enum Role {
    /// The facilitator's device: everything, including locks, reveal and finalise.
    Facilitator,
    /// A laptop at a table: the whole workshop page, but no locks, reveal, finalise or files.
    Table,
    /// A participant's phone or laptop: their own cards under the open source, their own dots.
    Participant,
}

named_variants!(Role { Facilitator = "facilitator", Table = "table", Participant = "participant" });

/// A room member as others see them: a small number, so a client's id (which proves who it is
/// when it comes back) is never sent to anyone else.
pub type Author = u32;

/// What the facilitator has opened for participants. Room state, not workshop data: it is not
/// part of the workshop file.
/// Read by the small record reader ([`read_struct!`]: serde's derive also reads every struct
/// from an array, never written), as are the other structs of the live path.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Floor {
    /// The source participants write cards under; `None`: writing is closed.
    pub input: Option<Id>,
    /// Whether participants may cast their own dots.
    pub voting: bool,
}

read_struct!(Floor = default { input, voting });

/// One thing a client asks the room to do. Written and read by hand ([`wire`]), in the form
/// rooms store in their logs: `{"act":[…]}` or `{"floor":{…}}`.
#[derive(Clone, Debug, PartialEq)]
pub enum Op {
    /// A workshop action, checked and applied by the one `Workshop::apply`.
    Act(Action),
    /// The facilitator opens or closes writing and voting for participants.
    Floor(Floor),
}

/// A confirmed step of the room's log.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Entry {
    /// Its place in the room's order: 1, 2, 3, … without gaps.
    pub seq: u64,
    /// Who sent it.
    pub author: Author,
    /// The sender's own number for it, so the sender can match it to what it sent.
    pub cseq: u64,
    /// What was done.
    pub op: Op,
}

read_struct!(Entry { seq, author, cseq, op });

/// Frames a client sends.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClientFrame {
    /// The first frame on a connection: join `room` (its code). Without `key` as a participant;
    /// with the table or facilitator key in that role. `client` is the device's own random id
    /// (kept on the device, so a reload is the same member); `seen` is the last `seq` it holds
    /// (0: nothing yet), so it gets only what it missed.
    Hello {
        room: String,
        #[serde(default)]
        key: Option<String>,
        client: String,
        #[serde(default)]
        seen: u64,
    },
    /// Do `op`. `cseq` counts up per client (1, 2, …); a resent `cseq` is done once only.
    Submit { cseq: u64, op: Op },
}

/// Frames the server sends. Read by hand ([`wire`]), as an object with one field named for the
/// frame, the form serde's derive writes here.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ServerFrame {
    /// The answer to `Hello`: the role, the member's number, the highest `cseq` of this client
    /// the room has handled (resend only what comes after), and the state: `snapshot` at
    /// `snapshot_seq` (absent when the client's `seen` is recent enough) followed by `tail`.
    Welcome { role: Role, you: Author, acked: u64, snapshot_seq: u64, snapshot: Option<Box<Live>>, tail: Vec<Entry> },
    /// A confirmed entry, sent to every member once it is stored.
    Confirmed(Entry),
    /// `cseq` was refused and changed nothing; sent to its sender only.
    Refused { cseq: u64, reason: Refusal },
    /// Something about the connection itself; after most of these the server closes it.
    Problem { problem: Problem },
}

/// Why a submitted step was refused. Typed, so the sender's screen says it in its language.
/// On the wire an array, its name first ([`wire`]): `["Locked","collect"]`, `["TooFast"]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The workshop's own rules refused it (the same reasons as on one laptop).
    Domain(DomainError),
    /// This role may not do this (e.g. a participant locking a step).
    NotYourRole,
    /// The facilitator has locked this step.
    Locked(Stage),
    /// A participant may change only their own cards and dots.
    NotYours,
    /// The facilitator has not opened this source for writing.
    WritingClosed,
    /// The facilitator has not opened voting.
    VotingClosed,
    /// Too many steps too fast (from this device, or from the whole room). Like every refusal
    /// it uses up its `cseq`: to try again later, send it as a new step with a new `cseq`.
    TooFast,
}

/// Something wrong with a connection rather than with one step. Read by its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", try_from = "String")]
pub enum Problem {
    /// A frame that is not one of [`ClientFrame`] (not JSON, unknown kind, missing fields).
    BadFrame,
    /// No room has this code (it may have been closed or expired).
    UnknownRoom,
    /// The key does not belong to this room.
    WrongKey,
    /// The first frame must be `Hello`, once.
    NotJoined,
    /// Too many join attempts from this address; try again in a minute.
    TooManyJoins,
    /// The room has as many devices as it may have.
    RoomFull,
    /// The server holds as many rooms as it may.
    ServerFull,
    /// This device sent far too much too fast; the connection is closed.
    Flood,
    /// The facilitator closed the room; it is deleted from the server.
    Closed,
}

named_variants!(Problem {
    BadFrame = "bad_frame",
    UnknownRoom = "unknown_room",
    WrongKey = "wrong_key",
    NotJoined = "not_joined",
    TooManyJoins = "too_many_joins",
    RoomFull = "room_full",
    ServerFull = "server_full",
    Flood = "flood",
    Closed = "closed",
});

/// A room's whole state: the workshop, what is open for participants, and who made which card
/// and voter (a participant may change only their own).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Live {
    /// The shared workshop.
    pub workshop: Workshop,
    /// What participants may do now.
    pub floor: Floor,
    /// The member who added each card and voter.
    pub owners: BTreeMap<Id, Author>,
}

read_struct!(Live { workshop, floor = default, owners = default });

impl Live {
    /// A room starting from this workshop.
    pub fn new(workshop: Workshop) -> Live {
        Live { workshop, ..Live::default() }
    }

    /// The server's step: checks the role, then applies. On `Err` nothing changed.
    pub fn submit(&mut self, role: Role, author: Author, op: Op) -> Result<Option<Applied>, Refusal> {
        permit(role, author, self, &op)?;
        self.replay(author, op)
    }

    /// Applies a step the server has already checked (a confirmed entry, or the log read back):
    /// `Ok(None)` for a floor change. Deterministic, so every replica ends up the same.
    pub fn replay(&mut self, author: Author, op: Op) -> Result<Option<Applied>, Refusal> {
        match op {
            Op::Act(action) => {
                let owned = match &action {
                    Action::AddCard { id, .. } | Action::AddVoter { id, .. } => Some(id.clone()),
                    _ => None,
                };
                let applied = self.workshop.apply(action).map_err(Refusal::Domain)?;
                if let Some(id) = owned {
                    self.owners.insert(id, author);
                }
                Ok(Some(applied))
            }
            Op::Floor(floor) => {
                if floor.input.as_ref().is_some_and(|s| self.workshop.source(s).is_none()) {
                    return Err(Refusal::Domain(DomainError::NotFound(Field::Source)));
                }
                self.floor = floor;
                Ok(None)
            }
        }
    }

    /// Whether `author` made the card or voter `id`.
    fn owns(&self, author: Author, id: &Id) -> bool {
        self.owners.get(id) == Some(&author)
    }
}

/// Whether `role` (member `author`) may do `op` in a room in state `live`. Pure: the server
/// calls it before `apply`, and a page can call it to offer only what will be accepted.
///
/// - The facilitator may do everything (`apply` still refuses a step the facilitator locked).
/// - A locked step is refused for everyone else.
/// - A table may do everything but locks, reveal, finalise, reopen and replacing or merging
///   whole files.
/// - A participant may add cards under the source opened for writing and edit or delete their
///   own cards there; once voting is open, join as a voter once, place and withdraw their own
///   dots, set their own recognition marks and say which group they belong to. Nothing else.
pub fn permit(role: Role, author: Author, live: &Live, op: &Op) -> Result<(), Refusal> {
    if role == Role::Facilitator {
        return Ok(());
    }
    let Op::Act(action) = op else {
        return Err(Refusal::NotYourRole);
    };
    if let Some(stage) = action.stage().filter(|s| live.workshop.locks.contains(s)) {
        return Err(Refusal::Locked(stage));
    }
    use Action::*;
    match (role, action) {
        (
            Role::Table,
            SetLock { .. } | RevealVotes { .. } | Finalise { .. } | Reopen | Replace { .. } | Merge { .. },
        ) => Err(Refusal::NotYourRole),
        (Role::Table, _) => Ok(()),
        (_, AddCard { source, .. }) => writing_open(live, source),
        (_, EditCard { id, .. } | RemoveCard { id }) => match live.workshop.cards.iter().find(|c| &c.id == id) {
            // Unknown: `apply` says so (it may have been removed on another screen).
            None => Ok(()),
            Some(card) if !live.owns(author, &card.id) => Err(Refusal::NotYours),
            Some(card) => writing_open(live, &card.source),
        },
        (_, AddVoter { .. }) if !live.floor.voting => Err(Refusal::VotingClosed),
        (_, AddVoter { .. }) => {
            let has_voter = live.workshop.voting.voters.iter().any(|v| live.owns(author, &v.id));
            if has_voter {
                Err(Refusal::NotYours)
            } else {
                Ok(())
            }
        }
        (
            _,
            CastDot { voter, .. } | WithdrawDot { voter, .. } | Recognise { voter, .. } | SetVoterGroup { voter, .. },
        ) => {
            if !live.floor.voting {
                Err(Refusal::VotingClosed)
            } else if live.owns(author, voter) {
                Ok(())
            } else {
                Err(Refusal::NotYours)
            }
        }
        _ => Err(Refusal::NotYourRole),
    }
}

/// A participant writes only under the source the facilitator opened.
fn writing_open(live: &Live, source: &Id) -> Result<(), Refusal> {
    if live.floor.input.as_ref() == Some(source) {
        Ok(())
    } else {
        Err(Refusal::WritingClosed)
    }
}

/// A client's copy of the room: the confirmed state, and its own steps the server has not yet
/// confirmed (shown at once, "local echo", and sent again after a reconnect).
#[derive(Clone, Debug, Default)]
pub struct Replica {
    /// The state after the last confirmed entry.
    pub confirmed: Live,
    /// The `seq` of the last confirmed entry applied.
    pub seq: u64,
    /// This member's number in the room (from `Welcome`).
    pub you: Author,
    /// Sent but not confirmed or refused yet, oldest first.
    pub pending: Vec<(u64, Op)>,
}

impl Replica {
    /// Takes in a `Welcome`: the snapshot (if any), then the tail; drops pending steps the
    /// server already handled (`acked`). Entries already held are skipped.
    pub fn welcome(&mut self, you: Author, acked: u64, snapshot_seq: u64, snapshot: Option<Live>, tail: Vec<Entry>) {
        self.you = you;
        if let Some(live) = snapshot {
            self.confirmed = live;
            self.seq = snapshot_seq;
        }
        for entry in tail {
            self.confirm(entry);
        }
        self.pending.retain(|(cseq, _)| *cseq > acked);
    }

    /// Applies a confirmed entry in order (an entry already held is skipped) and drops the
    /// matching pending step. `false` when the entry does not follow on: a `seq` was missed,
    /// so the client should join again with `seen` to get what it lacks.
    pub fn confirm(&mut self, entry: Entry) -> bool {
        if entry.seq <= self.seq {
            return true;
        }
        if entry.seq != self.seq + 1 {
            return false;
        }
        if entry.author == self.you {
            self.pending.retain(|(cseq, _)| *cseq != entry.cseq);
        }
        self.seq = entry.seq;
        // The server applied it to the same state, so it applies here too.
        let _ = self.confirmed.replay(entry.author, entry.op);
        true
    }

    /// Forgets a refused pending step.
    pub fn refused(&mut self, cseq: u64) {
        self.pending.retain(|(c, _)| *c != cseq);
    }

    /// What the screen shows: the confirmed state with this device's pending steps on top
    /// (a pending step that no longer applies is left out).
    pub fn view(&self) -> Live {
        let mut live = self.confirmed.clone();
        for (_, op) in &self.pending {
            let _ = live.replay(self.you, op.clone());
        }
        live
    }
}
