//! The facilitator's device in its room, without the browser: the room's keys kept on the
//! device, the workshop page's steps sent as room steps, and undo of one's own steps through
//! their inverse (never by putting back an old whole workshop, which would erase what others
//! did since). The workshop page (`ui::live::host`) only moves frames and shows the result;
//! all of this is tested natively (`tests/live_host.rs`).

use serde::Serialize;

use super::{Client, ClientFrame, Floor, Live, Op, Refusal, Role, Saved};
use crate::workshop::{Action, Card, Id, IdSource, Workshop};

/// How many of one's own steps can be undone in a room at most.
pub const UNDO_LIMIT: usize = 50;

/// What the facilitator's (or a table's) device keeps in local storage for its room, so a
/// reload rejoins it.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct HostKept {
    pub saved: Saved,
    /// The key this device joins with: the facilitator's (whoever holds it leads the room), or
    /// on a table the table key.
    pub key: String,
    /// The key for a laptop at a table (empty on a table itself: it does not hand it out).
    pub table_key: String,
    /// Whether this device is a laptop at a table.
    pub table: bool,
}

crate::workshop::variants::read_struct!(HostKept { saved, key, table_key = default, table = default });

/// The code as it is read aloud and shown: two groups of three, `K7X M3P`.
pub fn grouped(code: &str) -> String {
    let mid = code.len() / 2;
    match (code.get(..mid), code.get(mid..)) {
        (Some(a), Some(b)) if !a.is_empty() => format!("{a} {b}"),
        _ => code.to_string(),
    }
}

/// One of this device's own steps that can be undone: how it left the cards it touched (it is
/// undone only while they are still so) and the steps that undo it.
#[derive(Clone, Debug, PartialEq)]
struct Undo {
    touched: Vec<(Id, Option<Card>)>,
    inverse: Vec<Action>,
}

/// Why an undo in a room did not happen.
#[derive(Clone, Debug, PartialEq)]
pub enum UndoError {
    /// Nothing of this device's own is left to undo.
    Nothing,
    /// This kind of step cannot be undone in a room.
    NotThisKind,
    /// Someone changed or removed what the step touched since: undoing it would erase their work.
    ChangedSince,
    /// The room refused the undoing step.
    Refused(Refusal),
}

/// The steps that undo `action` on the workshop `before` it, with the cards it touches; `None`
/// for a kind of step that has no inverse here. A removed card comes back as a new card (with
/// `ids`' next id) with the same text, source, group and cluster: the removal is remembered.
pub fn inverse(before: &Workshop, action: &Action, ids: &mut impl IdSource) -> Option<(Vec<Id>, Vec<Action>)> {
    let card = |id: &Id| before.cards.iter().find(|c| &c.id == id);
    match action {
        Action::AddCard { id, .. } => Some((vec![id.clone()], vec![Action::RemoveCard { id: id.clone() }])),
        Action::EditCard { id, .. } => {
            let old = card(id)?;
            Some((
                vec![id.clone()],
                vec![Action::EditCard { id: id.clone(), text: old.text.clone(), group: old.group.clone() }],
            ))
        }
        Action::MoveCards { cards, .. } => {
            // Back to where each card was, one step per cluster it came from.
            let mut back: Vec<(Option<Id>, Vec<Id>)> = Vec::new();
            for id in cards {
                let from = card(id)?.cluster.clone();
                match back.iter_mut().find(|(to, _)| *to == from) {
                    Some((_, list)) => list.push(id.clone()),
                    None => back.push((from, vec![id.clone()])),
                }
            }
            let steps = back.into_iter().map(|(to, cards)| Action::MoveCards { cards, to }).collect();
            Some((cards.clone(), steps))
        }
        Action::RemoveCard { id } => {
            let old = card(id)?;
            let new = ids.next_id("card");
            let mut steps = vec![Action::AddCard {
                id: new.clone(),
                source: old.source.clone(),
                group: old.group.clone(),
                text: old.text.clone(),
            }];
            if let Some(cluster) = &old.cluster {
                steps.push(Action::MoveCards { cards: vec![new.clone()], to: Some(cluster.clone()) });
            }
            Some((vec![id.clone(), new], steps))
        }
        _ => None,
    }
}

/// The facilitator's (or a table's) page in a room: the room's client, the table key to show,
/// and the page's own steps that can still be undone, newest last.
#[derive(Clone, Debug)]
pub struct Host {
    pub client: Client,
    pub table_key: String,
    /// Whether this device joined as a table (with the table key).
    pub table: bool,
    undo: Vec<Option<Undo>>,
}

impl Host {
    /// A room just made from `workshop` (its state before any step, as the server holds it).
    pub fn started(code: &str, key: String, table_key: String, client: String, workshop: Workshop) -> Host {
        let mut c = Client::new(code, Some(key), client, None);
        c.replica.confirmed = Live::new(workshop);
        Host { client: c, table_key, table: false, undo: Vec::new() }
    }

    /// A laptop at a table joining `code` with the table key from its table link. It has no
    /// state of the room until the welcome ([`Host::has_state`]).
    pub fn table(code: &str, table_key: String, client: String) -> Host {
        Host {
            client: Client::new(code, Some(table_key), client, None),
            table_key: String::new(),
            table: true,
            undo: Vec::new(),
        }
    }

    /// Back in the room this device kept (a reload): its last confirmed state and queued steps.
    pub fn resumed(kept: HostKept) -> Host {
        let code = kept.saved.room.clone();
        let client = kept.saved.client.clone();
        Host {
            client: Client::new(&code, Some(kept.key), client, Some(kept.saved)),
            table_key: kept.table_key,
            table: kept.table,
            undo: Vec::new(),
        }
    }

    /// What to keep in local storage now.
    pub fn kept(&self) -> HostKept {
        HostKept {
            saved: self.client.saved(),
            key: self.client.key.clone().unwrap_or_default(),
            table_key: self.table_key.clone(),
            table: self.table,
        }
    }

    /// The role this device has in the room: as the room said in its welcome, and before that
    /// the one its key is for.
    pub fn role(&self) -> Role {
        self.client.role.unwrap_or(if self.table { Role::Table } else { Role::Facilitator })
    }

    /// Whether this device holds the room's state: a table that has not been welcomed yet
    /// (and kept nothing from an earlier visit) knows nothing of it, and shows its own
    /// workshop until it does.
    pub fn has_state(&self) -> bool {
        !self.table || self.client.role.is_some() || self.client.replica.seq > 0
    }

    /// The room's code.
    pub fn code(&self) -> &str {
        &self.client.room
    }

    /// The workshop to show: the room as confirmed, with this device's waiting steps on top.
    pub fn workshop(&self) -> Workshop {
        self.client.view().workshop
    }

    /// What participants may do now, as shown.
    pub fn floor(&self) -> Floor {
        self.client.view().floor
    }

    /// Sends a workshop step (shown at once); remembers how to undo it. `Ok(frame)`: send it
    /// now (`None` while the connection is down: it goes after the next welcome).
    pub fn act(&mut self, action: Action, ids: &mut impl IdSource) -> Result<Option<ClientFrame>, Refusal> {
        let before = self.workshop();
        let undo = inverse(&before, &action, ids);
        let frame = self.client.submit(Op::Act(action))?;
        let after = self.workshop();
        let step = undo.map(|(touched, inverse)| Undo {
            touched: touched
                .into_iter()
                .map(|id| (id.clone(), after.cards.iter().find(|c| c.id == id).cloned()))
                .collect(),
            inverse,
        });
        self.undo.push(step);
        if self.undo.len() > UNDO_LIMIT {
            self.undo.remove(0);
        }
        Ok(frame)
    }

    /// Opens or closes writing and voting for participants.
    pub fn set_floor(&mut self, floor: Floor) -> Result<Option<ClientFrame>, Refusal> {
        self.client.submit(Op::Floor(floor))
    }

    /// Whether one of this device's own steps is left to try to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Undoes this device's last own step through its inverse, if what it touched is still as
    /// it left it; the frames to send now. On `Err` nothing changed (a step of a kind that
    /// cannot be undone, or changed since, is forgotten: the one before it is next).
    pub fn undo(&mut self) -> Result<Vec<ClientFrame>, UndoError> {
        let step = self.undo.pop().ok_or(UndoError::Nothing)?.ok_or(UndoError::NotThisKind)?;
        let now = self.workshop();
        let unchanged = step.touched.iter().all(|(id, was)| now.cards.iter().find(|c| &c.id == id) == was.as_ref());
        if !unchanged {
            return Err(UndoError::ChangedSince);
        }
        // All of it applies, or none of it is sent.
        let mut trial = self.client.view();
        for action in &step.inverse {
            trial.replay(self.client.you(), Op::Act(action.clone())).map_err(|_| UndoError::ChangedSince)?;
        }
        let mut frames = Vec::new();
        for action in step.inverse {
            if let Some(frame) = self.client.submit(Op::Act(action)).map_err(UndoError::Refused)? {
                frames.push(frame);
            }
        }
        Ok(frames)
    }
}
