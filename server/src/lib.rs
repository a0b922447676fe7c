//! Leidraad's live room server: serves the built app (`dist/`) under the app's strict
//! Content-Security-Policy, and runs live rooms where every device shares one workshop.
//!
//! - `POST /live/rooms` (body: empty, or a workshop file) makes a room: `{code, key, table_key}`.
//! - `GET /live/ws` is the WebSocket of the protocol in `leidraad::live`.
//! - `GET /live/rooms/{code}/file` (header `x-room-key`) downloads the room as a workshop file.
//! - `DELETE /live/rooms/{code}` (header `x-room-key`: the facilitator's) closes and deletes it.
//! - `GET /live/rooms/{code}/qr.svg` is the QR code of the join address.

mod config;
mod http;
mod limit;
mod room;
mod store;
mod ws;

pub use room::SNAPSHOT_EVERY;

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

pub use config::Config;
use limit::Bucket;
use room::{Cmd, Room};
use store::Store;
use tokio::sync::mpsc;

/// What every handler and room shares.
pub struct Shared {
    config: Config,
    store: Store,
    /// Rooms in memory: code → (generation, the room task's queue).
    rooms: Mutex<HashMap<String, (u64, mpsc::Sender<Cmd>)>>,
    /// Join attempts and new rooms per address.
    joins: Mutex<HashMap<IpAddr, Bucket>>,
    generation: AtomicU64,
}

impl Shared {
    /// The room's queue, loading the room from disk if it is not in memory; `None`: no such room.
    async fn room(self: &Arc<Self>, code: &str) -> Result<Option<mpsc::Sender<Cmd>>, String> {
        if let Some(tx) = self.loaded(code) {
            return Ok(Some(tx));
        }
        let Some(stored) = self.store.load(code).await? else {
            return Ok(None);
        };
        let room = Room::from_stored(code, stored, self.clone())?;
        let mut rooms = self.rooms.lock().map_err(|_| "rooms poisoned".to_string())?;
        // Another connection may have loaded it meanwhile: use that one.
        if let Some((_, tx)) = rooms.get(code).filter(|(_, tx)| !tx.is_closed()) {
            return Ok(Some(tx.clone()));
        }
        let (tx, rx) = mpsc::channel(1024);
        let generation = self.generation.fetch_add(1, Ordering::Relaxed);
        rooms.insert(code.to_string(), (generation, tx.clone()));
        tokio::spawn(room.run(rx, generation));
        Ok(Some(tx))
    }

    fn loaded(&self, code: &str) -> Option<mpsc::Sender<Cmd>> {
        let rooms = self.rooms.lock().ok()?;
        rooms.get(code).filter(|(_, tx)| !tx.is_closed()).map(|(_, tx)| tx.clone())
    }

    /// Sends a command to a room; once more after reloading if the room just left memory.
    async fn send(self: &Arc<Self>, code: &str, mut cmd: Cmd) -> Result<bool, String> {
        for _ in 0..2 {
            let Some(tx) = self.room(code).await? else { return Ok(false) };
            match tx.send(cmd).await {
                Ok(()) => return Ok(true),
                Err(back) => cmd = back.0,
            }
        }
        Err("the room did not answer".into())
    }

    /// A room task that ended takes itself out of the table (unless a newer one replaced it).
    fn forget(&self, code: &str, generation: u64) {
        if let Ok(mut rooms) = self.rooms.lock() {
            if rooms.get(code).is_some_and(|(g, _)| *g == generation) {
                rooms.remove(code);
            }
        }
    }

    /// Whether this address may try another join or new room now.
    fn may_join(&self, addr: IpAddr) -> bool {
        let Ok(mut joins) = self.joins.lock() else { return false };
        let per_minute = self.config.join_rate;
        joins.entry(addr).or_insert_with(|| Bucket::new(per_minute / 60.0, per_minute.max(1.0))).take()
    }
}

/// Seconds since 1970.
fn now() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64)
}

/// Opens the store and returns the app, ready to serve (also used by the tests, in-process).
pub fn app(config: Config) -> Result<(axum::Router, Arc<Shared>), String> {
    let store = Store::open(&config.db)?;
    let shared = Arc::new(Shared {
        config,
        store,
        rooms: Mutex::new(HashMap::new()),
        joins: Mutex::new(HashMap::new()),
        generation: AtomicU64::new(1),
    });
    Ok((http::router(shared.clone()), shared))
}

/// Serves on `listener` until the process ends, deleting expired rooms as it goes.
pub async fn serve(listener: tokio::net::TcpListener, config: Config) -> Result<(), String> {
    let (router, shared) = app(config)?;
    tokio::spawn(expire(shared));
    axum::serve(listener, router.into_make_service_with_connect_info::<SocketAddr>()).await.map_err(|e| e.to_string())
}

/// Every ten minutes: [`sweep`].
async fn expire(shared: Arc<Shared>) {
    let mut tick = tokio::time::interval(Duration::from_secs(600));
    loop {
        tick.tick().await;
        sweep(&shared).await;
    }
}

/// Deletes rooms unchanged for longer than the retention (telling their devices the room is
/// closed), and forgets addresses whose join limit has recovered. Returns how many rooms went.
pub async fn sweep(shared: &Arc<Shared>) -> usize {
    if let Ok(mut joins) = shared.joins.lock() {
        joins.retain(|_, b| !b.is_idle());
    }
    let before = now() - shared.config.retention.as_secs() as i64;
    let Ok(codes) = shared.store.expired(before).await else { return 0 };
    let mut gone = 0;
    for code in codes {
        let (reply, done) = tokio::sync::oneshot::channel();
        if let Ok(true) = shared.send(&code, Cmd::Close { key: None, reply }).await {
            gone += usize::from(matches!(done.await, Ok(Ok(()))));
        }
    }
    gone
}
