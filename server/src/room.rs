//! One room: a task that owns the room's state. Every step of the room passes through it, one
//! after the other, so the order it confirms is the one order everybody applies.
//!
//! A batch of waiting commands is checked and applied in memory, the confirmed steps are
//! written in one commit, and only after the commit are they sent to the members.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::ws::Utf8Bytes;
use leidraad::live::{Author, Entry, Live, Op, Problem, Refusal, Role, Seat, ServerFrame};
use serde::Serialize;
use serde_json::value::RawValue;
use tokio::sync::{mpsc, oneshot};

use crate::limit::Bucket;
use crate::store::{Stored, Write};
use crate::{now, Shared};

/// A snapshot is written every this many steps, so loading a room replays at most this many.
pub const SNAPSHOT_EVERY: usize = 200;
/// A room with no device connected leaves memory after this long (it stays on disk).
const IDLE: Duration = Duration::from_secs(300);
/// Most commands taken into one batch (one commit).
const BATCH: usize = 256;

/// What connections and the web handlers ask of a room.
pub enum Cmd {
    /// A device joins with this key (none: participant).
    Join {
        key: Option<String>,
        client: String,
        seen: u64,
        outbox: mpsc::Sender<Utf8Bytes>,
        reply: oneshot::Sender<Result<Joined, Problem>>,
    },
    /// A step from a joined connection.
    Submit { conn: u64, cseq: u64, op: Op },
    /// The connection is gone.
    Leave { conn: u64 },
    /// The room as a workshop file, for the facilitator's or a table's key.
    File { key: String, reply: oneshot::Sender<Result<String, Problem>> },
    /// Delete the room (with the facilitator's key; `None`: it expired).
    Close { key: Option<String>, reply: oneshot::Sender<Result<(), Problem>> },
}

/// A connection that joined.
#[derive(Debug, Clone, Copy)]
pub struct Joined {
    /// The connection's number in the room.
    pub conn: u64,
}

struct Member {
    author: Author,
    /// The highest `cseq` handled for this device (confirmed or refused).
    acked: u64,
}

struct Conn {
    client: String,
    role: Role,
    outbox: mpsc::Sender<Utf8Bytes>,
    /// A participant's seat as last sent (participants get their seat, not the room's log).
    seat: Option<Seat>,
}

/// The welcome as sent: the snapshot is kept as JSON text, not parsed again for each joiner.
/// The same fields as [`ServerFrame::Welcome`], inside a field named for the frame.
#[derive(Serialize)]
struct WelcomeFrame<'a> {
    welcome: WelcomeOut<'a>,
}

#[derive(Serialize)]
struct WelcomeOut<'a> {
    role: Role,
    you: Author,
    acked: u64,
    snapshot_seq: u64,
    snapshot: Option<&'a RawValue>,
    tail: &'a [Entry],
}

/// A room's state in memory.
pub struct Room {
    code: String,
    facilitator_key: String,
    table_key: String,
    live: Live,
    seq: u64,
    /// The last snapshot (JSON) and its seq; `tail` holds every entry after it.
    base: Box<RawValue>,
    base_seq: u64,
    tail: Vec<Entry>,
    members: HashMap<String, Member>,
    next_author: Author,
    conns: HashMap<u64, Conn>,
    next_conn: u64,
    bucket: Bucket,
    shared: Arc<Shared>,
}

impl Room {
    /// The room as stored: the snapshot, then the log after it replayed.
    pub fn from_stored(code: &str, stored: Stored, shared: Arc<Shared>) -> Result<Room, String> {
        let (base_seq, base_text) =
            stored.snapshot.unwrap_or((0, serde_json::to_string(&Live::default()).unwrap_or_default()));
        let mut live: Live = serde_json::from_str(&base_text).map_err(|e| format!("room {code}: snapshot: {e}"))?;
        let base = RawValue::from_string(base_text).map_err(|e| format!("room {code}: snapshot: {e}"))?;
        let mut tail = Vec::with_capacity(stored.log.len());
        let mut seq = base_seq;
        for (s, author, cseq, op) in stored.log {
            let op: Op = serde_json::from_str(&op).map_err(|e| format!("room {code}: step {s}: {e}"))?;
            // It was accepted on this very state before, so it is accepted again.
            if let Err(e) = live.replay(author, op.clone()) {
                return Err(format!("room {code}: step {s} no longer applies: {e:?}"));
            }
            seq = s;
            tail.push(Entry { seq: s, author, cseq, op });
        }
        let mut members: HashMap<String, Member> =
            stored.members.into_iter().map(|(client, author)| (client, Member { author, acked: 0 })).collect();
        for (author, acked) in stored.acked {
            if let Some(m) = members.values_mut().find(|m| m.author == author) {
                m.acked = acked;
            }
        }
        let next_author = members.values().map(|m| m.author).max().unwrap_or(0) + 1;
        let config = &shared.config;
        Ok(Room {
            code: code.to_string(),
            facilitator_key: stored.facilitator_key,
            table_key: stored.table_key,
            live,
            seq,
            base,
            base_seq,
            tail,
            members,
            next_author,
            conns: HashMap::new(),
            next_conn: 1,
            bucket: Bucket::new(config.room_rate, config.room_rate * 2.0),
            shared: shared.clone(),
        })
    }

    /// Runs the room until it is closed, its store fails, or it has been idle for a while.
    pub async fn run(mut self, mut rx: mpsc::Receiver<Cmd>, generation: u64) {
        loop {
            let first = if self.conns.is_empty() {
                // Idle too long (the timeout) ends the room's task just as a closed channel does.
                tokio::time::timeout(IDLE, rx.recv()).await.ok().flatten()
            } else {
                rx.recv().await
            };
            let Some(first) = first else { break };
            let mut batch = vec![first];
            while batch.len() < BATCH {
                match rx.try_recv() {
                    Ok(cmd) => batch.push(cmd),
                    Err(_) => break,
                }
            }
            match self.handle(batch).await {
                Ok(true) => {}
                Ok(false) => break,
                Err(e) => {
                    // The state in memory may be ahead of the disk: drop it; devices reconnect,
                    // get the stored state and send again what was not acknowledged.
                    eprintln!("room {}: the store failed, unloading: {e}", self.code);
                    break;
                }
            }
        }
        self.shared.forget(&self.code, generation);
    }

    /// Handles a batch; `Ok(false)` when the room was closed.
    async fn handle(&mut self, batch: Vec<Cmd>) -> Result<bool, String> {
        let mut writes = Vec::new();
        let mut confirmed = Vec::new();
        let mut joins = Vec::new();
        let mut files = Vec::new();
        let mut close = None;
        // Whether a step was handled (confirmed or refused): participants' seats may change.
        let mut stepped = false;
        for cmd in batch {
            match cmd {
                Cmd::Join { key, client, seen, outbox, reply } => {
                    let Some(role) = self.role_of(key.as_deref()) else {
                        let _ = reply.send(Err(Problem::WrongKey));
                        continue;
                    };
                    if self.conns.len() + joins.len() >= self.shared.config.max_clients {
                        let _ = reply.send(Err(Problem::RoomFull));
                        continue;
                    }
                    if !self.members.contains_key(&client) {
                        let author = self.next_author;
                        self.next_author += 1;
                        writes.push(Write::Member { room: self.code.clone(), client: client.clone(), author });
                        self.members.insert(client.clone(), Member { author, acked: 0 });
                    }
                    joins.push((client, role, seen, outbox, reply));
                }
                Cmd::Submit { conn, cseq, op } => {
                    let Some(c) = self.conns.get(&conn) else { continue };
                    let Some(member) = self.members.get_mut(&c.client) else { continue };
                    if cseq <= member.acked {
                        continue; // sent again after a reconnect: done once already
                    }
                    member.acked = cseq;
                    stepped = true;
                    let author = member.author;
                    if !self.bucket.take() {
                        refuse(&c.outbox, cseq, Refusal::TooFast);
                        continue;
                    }
                    match self.live.submit(c.role, author, op.clone()) {
                        Ok(_) => {
                            self.seq += 1;
                            let op_json = serde_json::to_string(&op).map_err(|e| e.to_string())?;
                            writes.push(Write::Append {
                                room: self.code.clone(),
                                seq: self.seq,
                                author,
                                cseq,
                                op: op_json,
                                now: now(),
                            });
                            confirmed.push(Entry { seq: self.seq, author, cseq, op });
                        }
                        Err(reason) => refuse(&c.outbox, cseq, reason),
                    }
                }
                Cmd::Leave { conn } => {
                    self.conns.remove(&conn);
                }
                Cmd::File { key, reply } => files.push((key, reply)),
                Cmd::Close { key, reply } => {
                    if key.is_some_and(|k| self.role_of(Some(&k)) != Some(Role::Facilitator)) {
                        let _ = reply.send(Err(Problem::WrongKey));
                    } else {
                        close = Some(reply);
                    }
                }
            }
        }
        self.tail.extend(confirmed.iter().cloned());
        if self.tail.len() >= SNAPSHOT_EVERY {
            let state = serde_json::to_string(&self.live).map_err(|e| e.to_string())?;
            writes.push(Write::Snapshot { room: self.code.clone(), seq: self.seq, state: state.clone() });
            self.base = RawValue::from_string(state).map_err(|e| e.to_string())?;
            self.base_seq = self.seq;
            self.tail.clear();
        }
        if close.is_some() {
            writes.push(Write::DeleteRoom { code: self.code.clone() });
        }
        if !writes.is_empty() {
            self.shared.store.write(writes).await?;
        }
        // Stored: now tell everyone, in order: the whole steps to the facilitator and tables,
        // to each participant its seat when it changed.
        for entry in &confirmed {
            let text = frame(&ServerFrame::Confirmed(entry.clone()));
            self.conns.retain(|_, c| c.seat.is_some() || c.outbox.try_send(text.clone()).is_ok());
        }
        if stepped {
            let (live, members) = (&self.live, &self.members);
            self.conns.retain(|_, c| {
                let Some(old) = &c.seat else { return true };
                let seat = seat_of(live, members, &c.client);
                if seat == *old {
                    return true;
                }
                let sent = c.outbox.try_send(seat_frame(&seat)).is_ok();
                c.seat = Some(seat);
                sent
            });
        }
        for (client, role, seen, outbox, reply) in joins {
            let conn = self.next_conn;
            self.next_conn += 1;
            let (hello, seat) = if role == Role::Participant {
                let seat = seat_of(&self.live, &self.members, &client);
                (seat_frame(&seat), Some(seat))
            } else {
                (self.welcome(&client, role, seen), None)
            };
            if outbox.try_send(hello).is_ok() && reply.send(Ok(Joined { conn })).is_ok() {
                self.conns.insert(conn, Conn { client, role, outbox, seat });
            }
        }
        for (key, reply) in files {
            let answer = match self.role_of(Some(&key)) {
                Some(Role::Facilitator | Role::Table) => Ok(leidraad::format::to_json(&self.live.workshop)),
                _ => Err(Problem::WrongKey),
            };
            let _ = reply.send(answer);
        }
        if let Some(reply) = close {
            let text = frame(&ServerFrame::Problem { problem: Problem::Closed });
            for c in self.conns.values() {
                let _ = c.outbox.try_send(text.clone());
            }
            self.conns.clear();
            let _ = reply.send(Ok(()));
            return Ok(false);
        }
        Ok(true)
    }

    /// The role a key gives in this room; `None` for a wrong key.
    fn role_of(&self, key: Option<&str>) -> Option<Role> {
        match key {
            None => Some(Role::Participant),
            Some(k) if same(k, &self.facilitator_key) => Some(Role::Facilitator),
            Some(k) if same(k, &self.table_key) => Some(Role::Table),
            Some(_) => None,
        }
    }

    /// The welcome for a device that holds everything up to `seen`: only the entries after it
    /// when the room still has them in its tail, else the snapshot and the whole tail.
    fn welcome(&self, client: &str, role: Role, seen: u64) -> Utf8Bytes {
        let member = self.members.get(client);
        let recent = seen >= self.base_seq && seen <= self.seq && seen > 0;
        let from = if recent { (seen - self.base_seq) as usize } else { 0 };
        let out = WelcomeOut {
            role,
            you: member.map_or(0, |m| m.author),
            acked: member.map_or(0, |m| m.acked),
            snapshot_seq: self.base_seq,
            snapshot: (!recent).then_some(&*self.base),
            tail: &self.tail[from.min(self.tail.len())..],
        };
        serde_json::to_string(&WelcomeFrame { welcome: out }).unwrap_or_default().into()
    }
}

/// A participant's seat now: what its page shows of the room.
fn seat_of(live: &Live, members: &HashMap<String, Member>, client: &str) -> Seat {
    let member = members.get(client);
    live.seat(member.map_or(0, |m| m.author), member.map_or(0, |m| m.acked))
}

/// The seat as sent: the same JSON as [`ToSeat::Seat`], without copying it into one.
#[derive(Serialize)]
struct SeatFrame<'a> {
    seat: &'a Seat,
}

fn seat_frame(seat: &Seat) -> Utf8Bytes {
    serde_json::to_string(&SeatFrame { seat }).unwrap_or_default().into()
}

/// A frame as the text sent on the socket.
pub fn frame(frame: &ServerFrame) -> Utf8Bytes {
    // Serialising these plain types cannot fail.
    serde_json::to_string(frame).unwrap_or_default().into()
}

fn refuse(outbox: &mpsc::Sender<Utf8Bytes>, cseq: u64, reason: Refusal) {
    let _ = outbox.try_send(frame(&ServerFrame::Refused { cseq, reason }));
}

/// Compares keys in time that does not depend on where they differ.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
