//! A server in the test's own process (or the real binary), and a device that talks the live
//! protocol over a real WebSocket, holding a `Replica` as a page will.

#![allow(dead_code)] // each test file uses its own part of these helpers

use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use leidraad::live::*;
use leidraad::workshop::*;
use leidraad_server::{Config, Shared};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::Message;

/// The longest any test waits for one frame: a hang fails the test instead of blocking CI.
pub const PATIENCE: Duration = Duration::from_secs(30);

/// A fresh folder for a test's database.
pub fn scratch() -> PathBuf {
    static N: AtomicU32 = AtomicU32::new(0);
    let dir = std::env::temp_dir().join(format!(
        "leidraad-server-test-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Settings for a test: a fresh database, generous limits unless the test sets its own.
pub fn config() -> Config {
    Config {
        db: scratch().join("rooms.sqlite3"),
        dist: scratch(),
        client_rate: 1000.0,
        room_rate: 10_000.0,
        join_rate: 10_000.0,
        ..Config::default()
    }
}

/// A running server in this process.
pub struct Server {
    pub addr: String,
    pub shared: Arc<Shared>,
}

/// Starts a server with these settings on a free loopback port.
pub async fn start(config: Config) -> Server {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    let (router, shared) = leidraad_server::app(config).unwrap();
    tokio::spawn(async move {
        axum::serve(listener, router.into_make_service_with_connect_info::<std::net::SocketAddr>()).await.unwrap();
    });
    Server { addr, shared }
}

/// A plain HTTP/1.1 request; returns the status, the headers (lower-case) and the body.
pub async fn http(addr: &str, method: &str, path: &str, headers: &[(&str, &str)], body: &str) -> (u16, String, String) {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    let mut request =
        format!("{method} {path} HTTP/1.1\r\nhost: {addr}\r\nconnection: close\r\ncontent-length: {}\r\n", body.len());
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str("\r\n");
    request.push_str(body);
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut response = Vec::new();
    tokio::time::timeout(PATIENCE, stream.read_to_end(&mut response)).await.unwrap().unwrap();
    let text = String::from_utf8_lossy(&response).to_string();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    // A chunked body: keep only the chunks' data.
    let body =
        if head.to_ascii_lowercase().contains("transfer-encoding: chunked") { unchunk(body) } else { body.to_string() };
    (status, head.to_ascii_lowercase(), body)
}

fn unchunk(mut body: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = body.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 || rest.len() < n {
            break;
        }
        out.push_str(&rest[..n]);
        body = rest[n..].trim_start_matches("\r\n");
    }
    out
}

/// A new room's code and keys.
pub struct RoomKeys {
    pub code: String,
    pub key: String,
    pub table_key: String,
}

/// Makes a room from this workshop (through `POST /live/rooms`, as a file).
pub async fn create_room(addr: &str, workshop: &Workshop) -> RoomKeys {
    let (status, _, body) = http(addr, "POST", "/live/rooms", &[], &leidraad::format::to_json(workshop)).await;
    assert_eq!(status, 201, "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    let s = |k: &str| v[k].as_str().unwrap().to_string();
    RoomKeys { code: s("code"), key: s("key"), table_key: s("table_key") }
}

/// The room as its workshop file says, downloaded with the facilitator's key.
pub async fn download(addr: &str, room: &RoomKeys) -> Workshop {
    let (status, _, body) =
        http(addr, "GET", &format!("/live/rooms/{}/file", room.code), &[("x-room-key", &room.key)], "").await;
    assert_eq!(status, 200, "{body}");
    leidraad::format::from_json(&body).unwrap()
}

type Socket = tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<TcpStream>>;

/// One device in a room.
pub struct Device {
    pub socket: Socket,
    pub replica: Replica,
    pub role: Option<Role>,
    pub client: String,
    pub next_cseq: u64,
    /// Refusals received, with their cseq.
    pub refused: Vec<(u64, Refusal)>,
    /// Problems received.
    pub problems: Vec<Problem>,
    /// Whether every confirmed entry followed on from the one before.
    pub in_order: bool,
    /// A participant's seat as the room last sent it (participants get no log).
    pub seat: Option<Seat>,
}

/// What [`Device::next`] read: a frame of the room's log, or a participant's new seat.
#[derive(Debug, PartialEq)]
pub enum Got {
    Frame(ServerFrame),
    Seat,
}

/// Opens a WebSocket to the server.
pub async fn socket(addr: &str) -> Socket {
    let (socket, _) = tokio_tungstenite::connect_async(format!("ws://{addr}/live/ws")).await.unwrap();
    socket
}

impl Device {
    /// Connects and says hello; waits for the welcome (or a problem).
    pub async fn join(addr: &str, code: &str, key: Option<&str>, client: &str) -> Device {
        let mut d = Device {
            socket: socket(addr).await,
            replica: Replica::default(),
            role: None,
            client: client.to_string(),
            next_cseq: 1,
            refused: Vec::new(),
            problems: Vec::new(),
            in_order: true,
            seat: None,
        };
        d.hello(code, key).await;
        d
    }

    /// Says hello on the current socket with what the replica holds.
    pub async fn hello(&mut self, code: &str, key: Option<&str>) {
        let hello = ClientFrame::Hello {
            room: code.to_string(),
            key: key.map(str::to_string),
            client: self.client.clone(),
            seen: self.replica.seq,
        };
        self.send_frame(&hello).await;
        while self.role.is_none() && self.problems.is_empty() {
            if self.next().await.is_none() {
                break;
            }
        }
    }

    /// Connects again (after the server restarted or the network dropped), resending what
    /// was not confirmed.
    pub async fn reconnect(&mut self, addr: &str, code: &str, key: Option<&str>) {
        self.socket = socket(addr).await;
        self.role = None;
        self.hello(code, key).await;
        for (cseq, op) in self.replica.pending.clone() {
            self.send_frame(&ClientFrame::Submit { cseq, op }).await;
        }
    }

    pub async fn send_frame(&mut self, frame: &ClientFrame) {
        self.send_text(&serde_json::to_string(frame).unwrap()).await;
    }

    pub async fn send_text(&mut self, text: &str) {
        let _ = self.socket.send(Message::text(text)).await;
    }

    /// Submits a step: pending at once (local echo), then sent. Returns its cseq.
    pub async fn submit(&mut self, op: Op) -> u64 {
        let cseq = self.next_cseq;
        self.next_cseq += 1;
        self.replica.pending.push((cseq, op.clone()));
        self.send_frame(&ClientFrame::Submit { cseq, op }).await;
        cseq
    }

    pub async fn act(&mut self, action: Action) -> u64 {
        self.submit(Op::Act(action)).await
    }

    /// Reads one frame and takes it in; `None` when the connection ended.
    pub async fn next(&mut self) -> Option<Got> {
        loop {
            let message = tokio::time::timeout(PATIENCE, self.socket.next()).await.expect("a frame in time");
            let text = match message {
                Some(Ok(Message::Text(t))) => t.to_string(),
                Some(Ok(Message::Close(_))) | Some(Err(_)) | None => return None,
                Some(Ok(_)) => continue,
            };
            if text.starts_with(r#"{"seat""#) {
                let Ok(ToSeat::Seat(seat)) = serde_json::from_str(&text) else { panic!("{text}") };
                // Only a participant gets a seat; what it handled is no longer pending.
                self.role = Some(Role::Participant);
                self.replica.pending.retain(|(cseq, _)| *cseq > seat.acked);
                self.seat = Some(*seat);
                return Some(Got::Seat);
            }
            let frame: ServerFrame = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
            match frame.clone() {
                ServerFrame::Welcome { role, you, acked, snapshot_seq, snapshot, tail } => {
                    self.role = Some(role);
                    self.replica.welcome(you, acked, snapshot_seq, snapshot.map(|s| *s), tail);
                }
                ServerFrame::Confirmed(entry) => self.in_order &= self.replica.confirm(entry),
                ServerFrame::Refused { cseq, reason } => {
                    self.replica.refused(cseq);
                    self.refused.push((cseq, reason));
                }
                ServerFrame::Problem { problem } => self.problems.push(problem),
            }
            return Some(Got::Frame(frame));
        }
    }

    /// Reads until nothing this device sent is waiting any more.
    pub async fn settle(&mut self) {
        while !self.replica.pending.is_empty() {
            if self.next().await.is_none() {
                break;
            }
        }
    }

    /// Reads until the replica has reached `seq`.
    pub async fn catch_up(&mut self, seq: u64) {
        while self.replica.seq < seq {
            if self.next().await.is_none() {
                break;
            }
        }
    }

    /// Reads until a refusal or problem arrives, or the connection ends.
    pub async fn expect_refusal(&mut self) -> Option<ServerFrame> {
        loop {
            match self.next().await {
                Some(Got::Frame(f @ (ServerFrame::Refused { .. } | ServerFrame::Problem { .. }))) => return Some(f),
                Some(_) => continue,
                None => return None,
            }
        }
    }

    /// The ids of a participant's own cards, as its seat shows them.
    pub fn my_cards(&self) -> Vec<Id> {
        self.seat.iter().flat_map(|s| &s.cards).map(|c| c.id.clone()).collect()
    }

    /// The workshop as this device holds it.
    pub fn workshop(&self) -> &Workshop {
        &self.replica.confirmed.workshop
    }
}

pub fn id(text: &str) -> Id {
    Id::parse(text).unwrap()
}

/// A workshop ready for a live session: two groups, two sources, three clusters.
pub fn board() -> Workshop {
    let mut w = Workshop::default();
    let mut ok = |a: Action| w.apply(a).map(|_| ()).unwrap();
    ok(Action::AddGroup { id: id("g-inw"), name: "Inwoners".into() });
    ok(Action::AddGroup { id: id("g-bel"), name: "Beleid".into() });
    ok(Action::AddSource {
        id: id("s-ede"),
        kind: SourceKind::Data,
        title: "Cijfers Ede".into(),
        notes: String::new(),
    });
    ok(Action::AddSource { id: id("s-casus"), kind: SourceKind::Case, title: "Casus".into(), notes: String::new() });
    for (c, name) in [("c-1", "Dichtbij"), ("c-2", "Normaal"), ("c-3", "Samen")] {
        ok(Action::CreateCluster { id: id(c), name: name.into() });
    }
    ok(Action::SetVoteRules { dots_per_voter: 3, max_per_cluster: 3 });
    w
}
