//! The rooms on disk: one SQLite file holding, per room, its keys, its members' numbers, an
//! append-only log of confirmed steps and the latest snapshot.
//!
//! One thread owns the connection. It takes every write waiting in its queue into one
//! transaction (group commit), so a busy server pays one sync for many steps, and answers each
//! writer only after `COMMIT` returned: a room acknowledges a step only after that, so an
//! acknowledged step is on disk before anyone hears of it.
//!
//! Durability: WAL with `synchronous=FULL`: each commit syncs the WAL to the disk, so a
//! confirmed step survives not only the process being killed (SIGKILL: `NORMAL` would already
//! do, the WAL being in the OS's cache) but also the machine losing power. Group commit keeps
//! the cost of that sync low.

use std::path::Path;

use rusqlite::{params, Connection, OptionalExtension};
use tokio::sync::{mpsc, oneshot};

/// One change to the rooms on disk.
#[derive(Debug)]
pub enum Write {
    /// A new room with its keys.
    CreateRoom { code: String, facilitator_key: String, table_key: String, now: i64 },
    /// A member's number in a room, kept so a returning device is the same member.
    Member { room: String, client: String, author: u32 },
    /// A confirmed step, as JSON (`live::Op`).
    Append { room: String, seq: u64, author: u32, cseq: u64, op: String, now: i64 },
    /// The room's whole state (`live::Live`, JSON) after `seq`; replaces the one before.
    Snapshot { room: String, seq: u64, state: String },
    /// Deletes a room and everything of it.
    DeleteRoom { code: String },
}

/// A room as read back from disk.
#[derive(Debug, Default)]
pub struct Stored {
    /// The facilitator's key.
    pub facilitator_key: String,
    /// The key for tables' laptops.
    pub table_key: String,
    /// Each device id with its member number.
    pub members: Vec<(String, u32)>,
    /// The latest snapshot: its seq and state (JSON); `None` before the first.
    pub snapshot: Option<(u64, String)>,
    /// The log after the snapshot: (seq, author, cseq, op JSON), in order.
    pub log: Vec<(u64, u32, u64, String)>,
    /// Per member, the highest `cseq` in the whole log (so a resent step is not done twice).
    pub acked: Vec<(u32, u64)>,
}

enum Request {
    Write(Vec<Write>, oneshot::Sender<Result<(), String>>),
    Load(String, oneshot::Sender<Result<Option<Stored>, String>>),
    Count(oneshot::Sender<Result<usize, String>>),
    Expired(i64, oneshot::Sender<Result<Vec<String>, String>>),
}

/// A handle to the store's thread; cheap to clone.
#[derive(Clone)]
pub struct Store {
    tx: mpsc::UnboundedSender<Request>,
}

/// A failure of the store, as text for the log (the client gets no details).
pub type StoreError = String;

impl Store {
    /// Opens (or creates) the file and starts the store's thread.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let conn = Connection::open(path).map_err(|e| format!("cannot open {}: {e}", path.display()))?;
        conn.execute_batch(
            "PRAGMA journal_mode=WAL;
             PRAGMA synchronous=FULL;
             PRAGMA foreign_keys=ON;
             CREATE TABLE IF NOT EXISTS rooms (
                 code TEXT PRIMARY KEY, facilitator_key TEXT NOT NULL, table_key TEXT NOT NULL,
                 created INTEGER NOT NULL, touched INTEGER NOT NULL);
             CREATE TABLE IF NOT EXISTS members (
                 room TEXT NOT NULL REFERENCES rooms(code) ON DELETE CASCADE,
                 client TEXT NOT NULL, author INTEGER NOT NULL, PRIMARY KEY (room, client));
             CREATE TABLE IF NOT EXISTS log (
                 room TEXT NOT NULL REFERENCES rooms(code) ON DELETE CASCADE,
                 seq INTEGER NOT NULL, author INTEGER NOT NULL, cseq INTEGER NOT NULL, op TEXT NOT NULL,
                 PRIMARY KEY (room, seq)) WITHOUT ROWID;
             CREATE TABLE IF NOT EXISTS snapshots (
                 room TEXT PRIMARY KEY REFERENCES rooms(code) ON DELETE CASCADE,
                 seq INTEGER NOT NULL, state TEXT NOT NULL);",
        )
        .map_err(|e| format!("cannot prepare {}: {e}", path.display()))?;
        let (tx, rx) = mpsc::unbounded_channel();
        std::thread::Builder::new()
            .name("store".into())
            .spawn(move || run(conn, rx))
            .map_err(|e| format!("cannot start the store: {e}"))?;
        Ok(Store { tx })
    }

    /// Writes all of `writes` in one transaction; returns once committed.
    pub async fn write(&self, writes: Vec<Write>) -> Result<(), StoreError> {
        let (done, wait) = oneshot::channel();
        self.tx.send(Request::Write(writes, done)).map_err(|_| "the store stopped".to_string())?;
        wait.await.map_err(|_| "the store stopped".to_string())?
    }

    /// Reads a room back; `None` when there is no such room.
    pub async fn load(&self, code: &str) -> Result<Option<Stored>, StoreError> {
        let (done, wait) = oneshot::channel();
        self.tx.send(Request::Load(code.to_string(), done)).map_err(|_| "the store stopped".to_string())?;
        wait.await.map_err(|_| "the store stopped".to_string())?
    }

    /// How many rooms there are.
    pub async fn count(&self) -> Result<usize, StoreError> {
        let (done, wait) = oneshot::channel();
        self.tx.send(Request::Count(done)).map_err(|_| "the store stopped".to_string())?;
        wait.await.map_err(|_| "the store stopped".to_string())?
    }

    /// Codes of rooms with no change since `before` (seconds since 1970).
    pub async fn expired(&self, before: i64) -> Result<Vec<String>, StoreError> {
        let (done, wait) = oneshot::channel();
        self.tx.send(Request::Expired(before, done)).map_err(|_| "the store stopped".to_string())?;
        wait.await.map_err(|_| "the store stopped".to_string())?
    }
}

/// The store's thread: takes requests in order; consecutive writes share one transaction.
fn run(mut conn: Connection, mut rx: mpsc::UnboundedReceiver<Request>) {
    let mut next = rx.blocking_recv();
    while let Some(request) = next.take() {
        match request {
            Request::Write(writes, done) => {
                let mut batch = vec![(writes, done)];
                // Every write already waiting joins this transaction.
                while let Ok(more) = rx.try_recv() {
                    match more {
                        Request::Write(w, d) => batch.push((w, d)),
                        other => {
                            next = Some(other);
                            break;
                        }
                    }
                }
                let result = commit(&mut conn, batch.iter().flat_map(|(w, _)| w)).map_err(|e| e.to_string());
                for (_, done) in batch {
                    let _ = done.send(result.clone());
                }
            }
            Request::Load(code, done) => {
                let _ = done.send(load(&conn, &code).map_err(|e| e.to_string()));
            }
            Request::Count(done) => {
                let count = conn.query_row("SELECT count(*) FROM rooms", [], |r| r.get::<_, i64>(0));
                let _ = done.send(count.map(|n| n as usize).map_err(|e| e.to_string()));
            }
            Request::Expired(before, done) => {
                let _ = done.send(expired(&conn, before).map_err(|e| e.to_string()));
            }
        }
        if next.is_none() {
            next = rx.blocking_recv();
        }
    }
}

fn commit<'a>(conn: &mut Connection, writes: impl Iterator<Item = &'a Write>) -> rusqlite::Result<()> {
    let tx = conn.transaction()?;
    for write in writes {
        match write {
            Write::CreateRoom { code, facilitator_key, table_key, now } => {
                tx.execute(
                    "INSERT INTO rooms (code, facilitator_key, table_key, created, touched) VALUES (?1, ?2, ?3, ?4, ?4)",
                    params![code, facilitator_key, table_key, now],
                )?;
            }
            Write::Member { room, client, author } => {
                tx.execute(
                    "INSERT OR IGNORE INTO members (room, client, author) VALUES (?1, ?2, ?3)",
                    params![room, client, author],
                )?;
            }
            Write::Append { room, seq, author, cseq, op, now } => {
                tx.prepare_cached("INSERT INTO log (room, seq, author, cseq, op) VALUES (?1, ?2, ?3, ?4, ?5)")?
                    .execute(params![room, *seq as i64, author, *cseq as i64, op])?;
                tx.prepare_cached("UPDATE rooms SET touched = ?2 WHERE code = ?1")?.execute(params![room, now])?;
            }
            Write::Snapshot { room, seq, state } => {
                tx.execute(
                    "INSERT OR REPLACE INTO snapshots (room, seq, state) VALUES (?1, ?2, ?3)",
                    params![room, *seq as i64, state],
                )?;
            }
            Write::DeleteRoom { code } => {
                tx.execute("DELETE FROM rooms WHERE code = ?1", params![code])?;
            }
        }
    }
    tx.commit()
}

fn load(conn: &Connection, code: &str) -> rusqlite::Result<Option<Stored>> {
    let keys = conn
        .query_row("SELECT facilitator_key, table_key FROM rooms WHERE code = ?1", params![code], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })
        .optional()?;
    let Some((facilitator_key, table_key)) = keys else {
        return Ok(None);
    };
    let members = conn
        .prepare("SELECT client, author FROM members WHERE room = ?1")?
        .query_map(params![code], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let snapshot = conn
        .query_row("SELECT seq, state FROM snapshots WHERE room = ?1", params![code], |r| {
            Ok((r.get::<_, i64>(0)? as u64, r.get::<_, String>(1)?))
        })
        .optional()?;
    let after = snapshot.as_ref().map_or(0, |s| s.0) as i64;
    let log = conn
        .prepare("SELECT seq, author, cseq, op FROM log WHERE room = ?1 AND seq > ?2 ORDER BY seq")?
        .query_map(params![code, after], |r| {
            Ok((r.get::<_, i64>(0)? as u64, r.get(1)?, r.get::<_, i64>(2)? as u64, r.get(3)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let acked = conn
        .prepare("SELECT author, max(cseq) FROM log WHERE room = ?1 GROUP BY author")?
        .query_map(params![code], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as u64)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Some(Stored { facilitator_key, table_key, members, snapshot, log, acked }))
}

fn expired(conn: &Connection, before: i64) -> rusqlite::Result<Vec<String>> {
    conn.prepare("SELECT code FROM rooms WHERE touched <= ?1")?.query_map(params![before], |r| r.get(0))?.collect()
}
