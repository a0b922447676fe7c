//! A device's side of a room, without the browser: what it sends, what it keeps on the device
//! while the connection is down, and what it tells its user. The page (`ui::live`) only moves
//! frames between this and a WebSocket, so all of this is tested natively (`tests/live.rs`).

use serde::Serialize;

use super::{Author, ClientFrame, Entry, Live, Op, Problem, Refusal, Replica, Role, ServerFrame};

/// What a device keeps in local storage for one room, so a reload or a closed tab loses
/// nothing: who it is in the room, the room as last confirmed (so queued steps still show while
/// the server cannot be reached) and the steps the room has not confirmed yet.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Saved {
    /// The room's code.
    pub room: String,
    /// The device's own id in the room (a reload is the same member).
    pub client: String,
    /// The last `cseq` used; the next step gets the one after it.
    pub cseq: u64,
    /// Steps sent or queued but not confirmed or refused yet, oldest first.
    pub pending: Vec<(u64, Op)>,
    /// The room's state after entry `seq`, and this member's number in it.
    pub confirmed: Option<Box<Live>>,
    pub seq: u64,
    pub you: Author,
}

crate::workshop::variants::read_struct!(Saved {
    room,
    client,
    cseq = default,
    pending = default,
    confirmed = default,
    seq = default,
    you = default,
});

/// What the page should do after a frame from the server.
#[derive(Clone, Debug, PartialEq)]
pub enum Next {
    /// Send these frames (queued steps, after a welcome); often none.
    Send(Vec<ClientFrame>),
    /// A confirmed entry did not follow on: connect again, to get what was missed.
    Rejoin,
    /// The room said something about the connection; see [`Client::problem`]. `stop`: do not
    /// connect again (the room is gone, or the key is wrong).
    Problem { stop: bool },
}

/// A device in a room: its replica, its queue and the refusals its user has not seen yet.
#[derive(Clone, Debug, Default)]
pub struct Client {
    /// The room's code.
    pub room: String,
    /// The facilitator's or table's key; `None` for a participant.
    pub key: Option<String>,
    /// The device's own id in the room.
    pub client: String,
    /// The room's state as this device knows it.
    pub replica: Replica,
    /// The role the room gave (after the first welcome).
    pub role: Option<Role>,
    /// Whether the connection is open and welcomed: only then are steps sent at once.
    pub joined: bool,
    /// Steps the room refused, with why, newest last; the page lists them until dismissed.
    pub refused: Vec<(Op, Refusal)>,
    /// The last problem the room reported about the connection.
    pub problem: Option<Problem>,
    /// The last `cseq` used.
    cseq: u64,
}

impl Client {
    /// A device joining `room`, or coming back to it with what it kept (`saved`, when it is for
    /// the same room): its queued steps are shown at once and sent after the welcome.
    pub fn new(room: &str, key: Option<String>, client: String, saved: Option<Saved>) -> Client {
        let mut me = Client { room: room.to_string(), key, client, ..Client::default() };
        if let Some(saved) = saved.filter(|s| s.room == room) {
            me.client = saved.client;
            me.cseq = saved.cseq;
            me.replica.pending = saved.pending;
            if let Some(live) = saved.confirmed {
                me.replica.confirmed = *live;
                me.replica.seq = saved.seq;
                me.replica.you = saved.you;
            }
        }
        me
    }

    /// What to keep in local storage now.
    pub fn saved(&self) -> Saved {
        Saved {
            room: self.room.clone(),
            client: self.client.clone(),
            cseq: self.cseq,
            pending: self.replica.pending.clone(),
            confirmed: Some(Box::new(self.replica.confirmed.clone())),
            seq: self.replica.seq,
            you: self.replica.you,
        }
    }

    /// The first frame on a new connection: only what this device has not seen is sent back.
    pub fn hello(&self) -> ClientFrame {
        ClientFrame::Hello {
            room: self.room.clone(),
            key: self.key.clone(),
            client: self.client.clone(),
            seen: self.replica.seq,
        }
    }

    /// The connection dropped: steps wait in the queue until the next welcome.
    pub fn disconnected(&mut self) {
        self.joined = false;
    }

    /// Whether any step waits for the room.
    pub fn waiting(&self) -> usize {
        self.replica.pending.len()
    }

    /// The state to show: the confirmed room with this device's own waiting steps on top.
    pub fn view(&self) -> Live {
        self.replica.view()
    }

    /// This member's number in the room (0 until the first welcome).
    pub fn you(&self) -> Author {
        self.replica.you
    }

    /// Queues `op` (shown at once) and returns the frame to send now, or `None` while the
    /// connection is down (it is sent after the next welcome). `Err` when this device can tell
    /// already that the room would refuse it; nothing is queued then.
    pub fn submit(&mut self, op: Op) -> Result<Option<ClientFrame>, Refusal> {
        let mut view = self.view();
        if let Some(role) = self.role {
            super::permit(role, self.you(), &view, &op)?;
        }
        // The step must apply on top of what is shown, or it would vanish from the screen.
        view.replay(self.you(), op.clone())?;
        self.cseq += 1;
        self.replica.pending.push((self.cseq, op.clone()));
        Ok(self.joined.then_some(ClientFrame::Submit { cseq: self.cseq, op }))
    }

    /// Takes in a frame from the room.
    pub fn receive(&mut self, frame: ServerFrame) -> Next {
        match frame {
            ServerFrame::Welcome { role, you, acked, snapshot_seq, snapshot, tail } => {
                self.welcome(role, you, acked, snapshot_seq, snapshot.map(|b| *b), tail)
            }
            ServerFrame::Confirmed(entry) => {
                if self.replica.confirm(entry) {
                    Next::Send(Vec::new())
                } else {
                    Next::Rejoin
                }
            }
            ServerFrame::Refused { cseq, reason } => {
                if let Some((_, op)) = self.replica.pending.iter().find(|(c, _)| *c == cseq) {
                    self.refused.push((op.clone(), reason));
                }
                self.replica.refused(cseq);
                Next::Send(Vec::new())
            }
            ServerFrame::Problem { problem } => {
                self.problem = Some(problem);
                self.joined = false;
                let stop = matches!(problem, Problem::UnknownRoom | Problem::WrongKey | Problem::Closed);
                Next::Problem { stop }
            }
        }
    }

    fn welcome(
        &mut self,
        role: Role,
        you: Author,
        acked: u64,
        snapshot_seq: u64,
        snapshot: Option<Live>,
        tail: Vec<Entry>,
    ) -> Next {
        // A member number from an earlier visit may differ only if the room was recreated;
        // the room is the judge of whose steps are whose.
        self.replica.welcome(you, acked, snapshot_seq, snapshot, tail);
        self.role = Some(role);
        self.joined = true;
        self.problem = None;
        // A step queued before a reload may have a cseq the room already used (it never saw
        // this device's later counter): never reuse one.
        self.cseq = self.cseq.max(acked);
        // What is still queued comes after `acked` (the replica dropped the rest): send it again;
        // the room does each `cseq` once only.
        let frames = self.replica.pending.iter().map(|(cseq, op)| ClientFrame::Submit { cseq: *cseq, op: op.clone() });
        Next::Send(frames.collect())
    }

    /// Forgets the refusals the user has read.
    pub fn dismiss(&mut self) {
        self.refused.clear();
    }
}

impl Live {
    /// The cards `author` wrote, in the workshop's order.
    pub fn cards_of(&self, author: Author) -> impl Iterator<Item = &crate::workshop::Card> {
        self.workshop.cards.iter().filter(move |c| self.owns(author, &c.id))
    }

    /// The voter `author` joined voting as, if any (one per member).
    pub fn voter_of(&self, author: Author) -> Option<&crate::workshop::Id> {
        self.workshop.voting.voters.iter().map(|v| &v.id).find(|id| self.owns(author, id))
    }

    /// The dots `voter` placed on `cluster`.
    pub fn dots_on(&self, voter: &crate::workshop::Id, cluster: &crate::workshop::Id) -> u32 {
        // One entry per voter and cluster.
        let votes = &self.workshop.voting.votes;
        votes.iter().find(|v| &v.voter == voter && &v.cluster == cluster).map_or(0, |v| v.dots)
    }
}
