//! A participant's seat in a room: the small view of the room that the server makes for one
//! participant ([`Seat`]), the few steps a participant takes ([`SeatStep`]), and the device's side of
//! it ([`Seated`]), without the browser.
//!
//! The participant page holds no workshop and runs no `Workshop::apply`: that would put the
//! whole domain and the workshop's reader on a phone (about 220 KiB). The server, which applies
//! every step of the room anyway, sends each participant only what its page shows: the source
//! open for writing, the groups, its own cards, and while voting is open the clusters with its
//! own dots and marks (the totals once revealed). It sends a new seat whenever that changes,
//! and it is the only truth the page keeps. The participant's own steps are shown at once on
//! top of it ([`Seat::apply`], a prediction with the same rules as [`permit`](super::permit)
//! and `apply` for these few steps; tests hold the two together) until a seat that has
//! handled them (`acked`) or a refusal comes back.

use serde::Serialize;

use super::{Author, Live, Problem, Refusal};
use crate::workshop::variants::read_struct;
use crate::workshop::{limits, Action, DomainError, Field, Id, Recognition, Stage};

/// Something with an id and a name: a source open for writing, a group.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Named {
    pub id: Id,
    pub name: String,
}

/// One of the participant's own cards.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MyCard {
    pub id: Id,
    pub source: Id,
    pub group: Option<Id>,
    pub text: String,
}

// The seat's parts are read by the small record reader (`read_struct!`: serde's derive also
// reads each from an array, never written); an absent optional field reads as `None`, as with
// the derive.
read_struct!(Named { id, name });
read_struct!(MyCard { id, source, group = default, text });

/// A cluster to place dots on, with the participant's own dots and mark.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Row {
    pub id: Id,
    pub name: String,
    /// The participant's own dots on it.
    pub mine: u32,
    /// Everyone's dots on it; 0 while the dots are hidden.
    pub total: u32,
    /// The participant's own recognition of it.
    pub mark: Option<Recognition>,
}

read_struct!(Row { id, name, mine, total, mark = default });

/// What a participant's page shows of the room, as the server made it for this member.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Seat {
    /// This member's number in the room.
    pub you: Author,
    /// The highest `cseq` of this member the room has handled (confirmed or refused).
    pub acked: u64,
    /// The steps the facilitator has locked.
    pub locks: Vec<Stage>,
    /// The source open for writing; `None`: writing is closed.
    pub writing: Option<Named>,
    /// The workshop's groups, to say which one a card comes from.
    pub groups: Vec<Named>,
    /// The participant's own cards, in the workshop's order.
    pub cards: Vec<MyCard>,
    /// Whether voting is open for participants.
    pub voting: bool,
    /// The voter the participant joined voting as.
    pub voter: Option<Id>,
    /// Dots per voter, and at most this many of them on one cluster.
    pub dots: u32,
    pub max_per_cluster: u32,
    /// Whether the totals are shown.
    pub revealed: bool,
    /// The clusters, while voting is open (empty otherwise).
    pub clusters: Vec<Row>,
}

read_struct!(Seat {
    you,
    acked,
    locks,
    writing = default,
    groups,
    cards,
    voting,
    voter = default,
    dots,
    max_per_cluster,
    revealed,
    clusters,
});

impl Seat {
    /// Dots the participant has left.
    pub fn left(&self) -> u32 {
        let used = self.clusters.iter().fold(0u32, |n, r| n.saturating_add(r.mine));
        self.dots.saturating_sub(used)
    }

    /// Takes `step` on this seat as the room would: `Err` with the room's reason when it would
    /// refuse it, and then nothing changed.
    pub fn apply(&mut self, step: &SeatStep) -> Result<(), Refusal> {
        let stage = step.stage();
        if self.locks.contains(&stage) {
            return Err(Refusal::Locked(stage));
        }
        match step {
            SeatStep::AddCard { id, source, group, text } => {
                self.writable(source)?;
                let text = limits::required(text, Field::Card, limits::CARD).map_err(Refusal::Domain)?;
                self.known_group(group.as_ref())?;
                let card = MyCard { id: id.clone(), source: source.clone(), group: group.clone(), text };
                self.cards.push(card);
            }
            SeatStep::EditCard { id, text, group } => {
                let at = self.card(id)?;
                self.writable(&self.cards[at].source.clone())?;
                let text = limits::required(text, Field::Card, limits::CARD).map_err(Refusal::Domain)?;
                self.known_group(group.as_ref())?;
                let card = &mut self.cards[at];
                card.text = text;
                card.group = group.clone();
            }
            SeatStep::RemoveCard { id } => {
                let at = self.card(id)?;
                self.writable(&self.cards[at].source.clone())?;
                self.cards.remove(at);
            }
            SeatStep::AddVoter { id, name } => {
                if !self.voting {
                    return Err(Refusal::VotingClosed);
                }
                if self.voter.is_some() {
                    return Err(Refusal::NotYours);
                }
                limits::one_line(name, Field::Voter, limits::VOTER, true).map_err(Refusal::Domain)?;
                self.voter = Some(id.clone());
            }
            SeatStep::SetVoterGroup { voter, group } => {
                self.own_voter(voter)?;
                self.known_group(group.as_ref())?;
            }
            SeatStep::CastDot { voter, cluster } => {
                self.own_voter(voter)?;
                let left = self.left();
                let (max, revealed) = (self.max_per_cluster, self.revealed);
                let row = self.row(cluster)?;
                if left == 0 {
                    return Err(Refusal::Domain(DomainError::NoDotsLeft));
                }
                if row.mine >= max {
                    return Err(Refusal::Domain(DomainError::MaxPerCluster(max)));
                }
                row.mine += 1;
                row.total += u32::from(revealed);
            }
            SeatStep::WithdrawDot { voter, cluster } => {
                self.own_voter(voter)?;
                let revealed = self.revealed;
                let row = self.row(cluster)?;
                if row.mine == 0 {
                    return Err(Refusal::Domain(DomainError::NoDotToWithdraw));
                }
                row.mine -= 1;
                row.total = row.total.saturating_sub(u32::from(revealed));
            }
            SeatStep::Recognise { voter, cluster, level } => {
                self.own_voter(voter)?;
                self.row(cluster)?.mark = *level;
            }
        }
        Ok(())
    }

    fn writable(&self, source: &Id) -> Result<(), Refusal> {
        match &self.writing {
            Some(open) if &open.id == source => Ok(()),
            _ => Err(Refusal::WritingClosed),
        }
    }

    fn known_group(&self, group: Option<&Id>) -> Result<(), Refusal> {
        match group {
            Some(g) if !self.groups.iter().any(|n| &n.id == g) => {
                Err(Refusal::Domain(DomainError::NotFound(Field::Group)))
            }
            _ => Ok(()),
        }
    }

    fn card(&self, id: &Id) -> Result<usize, Refusal> {
        // Not among one's own: someone else's, or gone; the room says which.
        self.cards.iter().position(|c| &c.id == id).ok_or(Refusal::NotYours)
    }

    fn own_voter(&self, voter: &Id) -> Result<(), Refusal> {
        if !self.voting {
            Err(Refusal::VotingClosed)
        } else if self.voter.as_ref() == Some(voter) {
            Ok(())
        } else {
            Err(Refusal::NotYours)
        }
    }

    fn row(&mut self, cluster: &Id) -> Result<&mut Row, Refusal> {
        let row = self.clusters.iter_mut().find(|r| &r.id == cluster);
        row.ok_or(Refusal::Domain(DomainError::NotFound(Field::Cluster)))
    }
}

impl Live {
    /// The seat of participant `author` in this room, who has had steps up to `acked` handled.
    pub fn seat(&self, author: Author, acked: u64) -> Seat {
        let w = &self.workshop;
        let named = |id: &Id, name: &str| Named { id: id.clone(), name: name.to_string() };
        let voter = self.voter_of(author).cloned();
        let voting = &w.voting;
        let clusters = if self.floor.voting {
            let row = |c: &crate::workshop::Cluster| Row {
                id: c.id.clone(),
                name: c.name.clone(),
                mine: voter.as_ref().map_or(0, |v| self.dots_on(v, &c.id)),
                total: if voting.revealed { voting.dots_on(&c.id) } else { 0 },
                mark: voter.as_ref().and_then(|v| voting.mark(v, &c.id)),
            };
            w.clusters.iter().map(row).collect()
        } else {
            Vec::new()
        };
        Seat {
            you: author,
            acked,
            locks: w.locks.to_vec(),
            writing: self.floor.input.as_ref().and_then(|s| w.source(s)).map(|s| named(&s.id, &s.title)),
            groups: w.setup.groups.iter().map(|g| named(&g.id, &g.name)).collect(),
            cards: self
                .cards_of(author)
                .map(|c| MyCard {
                    id: c.id.clone(),
                    source: c.source.clone(),
                    group: c.group.clone(),
                    text: c.text.clone(),
                })
                .collect(),
            voting: self.floor.voting,
            voter,
            dots: voting.dots_per_voter,
            max_per_cluster: voting.max_per_cluster,
            revealed: voting.revealed,
            clusters,
        }
    }
}

/// A step a participant may take: on the wire the very same array as the [`Action`] of that
/// name (`wire`; a test holds each to it), so the room reads it as that action, while the
/// participant page links neither the whole `Action` nor its reader.
#[derive(Clone, Debug, PartialEq)]
pub enum SeatStep {
    AddCard { id: Id, source: Id, group: Option<Id>, text: String },
    EditCard { id: Id, text: String, group: Option<Id> },
    RemoveCard { id: Id },
    AddVoter { id: Id, name: String },
    SetVoterGroup { voter: Id, group: Option<Id> },
    CastDot { voter: Id, cluster: Id },
    WithdrawDot { voter: Id, cluster: Id },
    Recognise { voter: Id, cluster: Id, level: Option<Recognition> },
}

impl SeatStep {
    /// The stage it belongs to, as [`Action::stage`] says (tested), for the locks.
    pub fn stage(&self) -> Stage {
        match self {
            SeatStep::AddCard { .. } | SeatStep::EditCard { .. } | SeatStep::RemoveCard { .. } => Stage::Collect,
            _ => Stage::Reduce,
        }
    }
}

impl From<SeatStep> for Action {
    fn from(step: SeatStep) -> Action {
        match step {
            SeatStep::AddCard { id, source, group, text } => Action::AddCard { id, source, group, text },
            SeatStep::EditCard { id, text, group } => Action::EditCard { id, text, group },
            SeatStep::RemoveCard { id } => Action::RemoveCard { id },
            SeatStep::AddVoter { id, name } => Action::AddVoter { id, name },
            SeatStep::SetVoterGroup { voter, group } => Action::SetVoterGroup { voter, group },
            SeatStep::CastDot { voter, cluster } => Action::CastDot { voter, cluster },
            SeatStep::WithdrawDot { voter, cluster } => Action::WithdrawDot { voter, cluster },
            SeatStep::Recognise { voter, cluster, level } => Action::Recognise { voter, cluster, level },
        }
    }
}

/// Frames the room sends a participant: its seat (the answer to its hello, and again whenever
/// it changes), a refusal of one of its steps, or a problem with the connection. `Refused` and
/// `Problem` are written as the same [`ServerFrame`](super::ServerFrame)s (tested).
/// Read by hand (`wire`), as [`ServerFrame`](super::ServerFrame) is.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ToSeat {
    Seat(Box<Seat>),
    Refused { cseq: u64, reason: Refusal },
    Problem { problem: Problem },
}

/// Frames a participant sends: the same JSON as [`ClientFrame`](super::ClientFrame)'s
/// `Hello` (without a key) and `Submit` of an action (tested), written without linking those.
#[derive(Serialize)]
#[serde(rename_all = "snake_case")]
enum FromSeat<'a> {
    Hello { room: &'a str, client: &'a str },
    Submit { cseq: u64, op: Act<'a> },
}

#[derive(Serialize)]
struct Act<'a> {
    act: &'a SeatStep,
}

fn text(frame: &FromSeat) -> String {
    // Plain strings and numbers: writing them cannot fail.
    serde_json::to_string(frame).unwrap_or_default()
}

/// What a participant's device keeps in local storage for its room, so a reload or a closed tab
/// loses nothing.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct SeatKept {
    /// The room's code.
    pub room: String,
    /// The device's own id in the room (a reload is the same member).
    pub client: String,
    /// The last `cseq` used.
    pub cseq: u64,
    /// Steps sent or queued but not handled yet, oldest first.
    pub pending: Vec<(u64, SeatStep)>,
    /// The seat as the room last sent it.
    pub seat: Option<Seat>,
}

read_struct!(SeatKept { room, client, cseq = default, pending = default, seat = default });

/// What the page should do after a frame from the room.
#[derive(Clone, Debug, PartialEq)]
pub enum Heard {
    /// Send these frames (queued steps, after the first seat on a connection); often none.
    Send(Vec<String>),
    /// The room said something about the connection; see [`Seated::problem`]. `stop`: do not
    /// connect again (the room is gone).
    Problem { stop: bool },
}

/// A participant's device in a room: the seat the room sent, its own steps not handled yet,
/// and the refusals its user has not read yet.
#[derive(Clone, Debug, Default)]
pub struct Seated {
    pub room: String,
    pub client: String,
    /// The seat as the room last sent it (`None` before the first).
    pub seat: Option<Seat>,
    /// Steps sent or queued, not handled yet, oldest first.
    pub pending: Vec<(u64, SeatStep)>,
    /// Whether the connection is open and the room answered: only then are steps sent at once.
    pub joined: bool,
    /// Steps the room refused, newest last; the page lists why until dismissed.
    pub refused: Vec<Refusal>,
    /// The last problem the room reported about the connection.
    pub problem: Option<Problem>,
    cseq: u64,
}

impl Seated {
    /// A device joining `room`, or coming back to it with what it kept (when for the same room).
    pub fn new(room: &str, client: String, kept: Option<SeatKept>) -> Seated {
        let mut me = Seated { room: room.to_string(), client, ..Seated::default() };
        if let Some(kept) = kept.filter(|k| k.room == room) {
            me.client = kept.client;
            me.cseq = kept.cseq;
            me.pending = kept.pending;
            me.seat = kept.seat;
        }
        me
    }

    /// What to keep in local storage now.
    pub fn kept(&self) -> SeatKept {
        SeatKept {
            room: self.room.clone(),
            client: self.client.clone(),
            cseq: self.cseq,
            pending: self.pending.clone(),
            seat: self.seat.clone(),
        }
    }

    /// The first frame on a new connection.
    pub fn hello(&self) -> String {
        text(&FromSeat::Hello { room: &self.room, client: &self.client })
    }

    /// The connection dropped: steps wait until the next seat.
    pub fn disconnected(&mut self) {
        self.joined = false;
    }

    /// How many steps wait for the room.
    pub fn waiting(&self) -> usize {
        self.pending.len()
    }

    /// What to show: the seat with this device's waiting steps on top (a waiting step that no
    /// longer applies is left out); `None` before the room's first seat.
    pub fn view(&self) -> Option<Seat> {
        let mut seat = self.seat.clone()?;
        for (_, step) in &self.pending {
            let _ = seat.apply(step);
        }
        Some(seat)
    }

    /// Queues `step` (shown at once) and returns the frame to send now, or `None` while the
    /// connection is down. `Err` when the room would refuse it; nothing is queued then.
    pub fn submit(&mut self, step: SeatStep) -> Result<Option<String>, Refusal> {
        let mut view = self.view().ok_or(Refusal::WritingClosed)?;
        view.apply(&step)?;
        self.cseq += 1;
        let frame = self.joined.then(|| text(&FromSeat::Submit { cseq: self.cseq, op: Act { act: &step } }));
        self.pending.push((self.cseq, step));
        Ok(frame)
    }

    /// Takes in a frame from the room (its text; one that cannot be read is ignored).
    pub fn receive(&mut self, frame: &str) -> Heard {
        let Ok(frame) = serde_json::from_str::<ToSeat>(frame) else { return Heard::Send(Vec::new()) };
        match frame {
            ToSeat::Seat(seat) => {
                let acked = seat.acked;
                self.pending.retain(|(cseq, _)| *cseq > acked);
                self.seat = Some(*seat);
                // A step queued before a reload may have a cseq the room already used.
                self.cseq = self.cseq.max(acked);
                if self.joined {
                    return Heard::Send(Vec::new());
                }
                // The first seat on this connection: send again what is still queued; the room
                // does each `cseq` once only.
                self.joined = true;
                self.problem = None;
                let frames = self
                    .pending
                    .iter()
                    .map(|(cseq, step)| text(&FromSeat::Submit { cseq: *cseq, op: Act { act: step } }));
                Heard::Send(frames.collect())
            }
            ToSeat::Refused { cseq, reason } => {
                if self.pending.iter().any(|(c, _)| *c == cseq) {
                    self.refused.push(reason);
                }
                self.pending.retain(|(c, _)| *c != cseq);
                Heard::Send(Vec::new())
            }
            ToSeat::Problem { problem } => {
                self.problem = Some(problem);
                self.joined = false;
                Heard::Problem { stop: matches!(problem, Problem::UnknownRoom | Problem::WrongKey | Problem::Closed) }
            }
        }
    }

    /// Forgets the refusals the user has read.
    pub fn dismiss(&mut self) {
        self.refused.clear();
    }
}
