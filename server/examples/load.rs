//! Load benchmark of the live room server (not a test: it measures, it does not judge).
//!
//! Starts the real server binary on loopback, then for 1, 10 and 100 rooms of 30 devices
//! (5 tables, 25 participants) lets every device add a card every 2 seconds on average, a
//! busy moment of a real workshop. Prints steps per second, the latency from sending a step to
//! its receipt by every device of the room that is told it (p50, p95, max), and the server's
//! memory per room. The tables get every step; a participant gets its seat, which shows only
//! its own cards, so a step reaches the tables and, when a participant took it, that
//! participant (the seat that has handled it).
//!
//!   cargo build --profile server -p leidraad-server --bins --examples
//!   /work/target-server/server/examples/load            # or $CARGO_TARGET_DIR/server/examples/load
//!   ROOMS=1,10 SECONDS=10 .../load                      # other sizes

use std::collections::HashMap;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use futures_util::{SinkExt, StreamExt};
use leidraad::live::*;
use leidraad::workshop::*;
use tokio_tungstenite::tungstenite::Message;

const DEVICES: usize = 30;
const TABLES: usize = 5;
/// Each device sends a step every this long on average.
const EVERY: Duration = Duration::from_secs(2);

/// Per room: for each step (its author and cseq), how many devices have it, the slowest, and
/// how many are told it.
type Receipts = Arc<Mutex<HashMap<(u32, u64), (usize, Duration, usize)>>>;

/// Notes that one more device has step `key`, sent at `sent_at`.
fn receipt(receipts: &Receipts, sent_at: &SentAt, key: (u32, u64)) {
    let at = sent_at.lock().ok().and_then(|s| s.get(&key).copied());
    if let (Some((at, told)), Ok(mut r)) = (at, receipts.lock()) {
        let slot = r.entry(key).or_insert((0, Duration::ZERO, told));
        slot.0 += 1;
        slot.1 = slot.1.max(at.elapsed());
    }
}

/// Per step: when it was sent, and how many devices are told it: every table, and its sender
/// when that is a participant.
type SentAt = Mutex<HashMap<(u32, u64), (Instant, usize)>>;

fn id(text: &str) -> Id {
    Id::parse(text).unwrap_or_else(|| panic!("id {text}"))
}

fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

async fn post_room(addr: &str, body: &str) -> (String, String, String) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut s = tokio::net::TcpStream::connect(addr).await.expect("connect");
    let req = format!(
        "POST /live/rooms HTTP/1.1\r\nhost: {addr}\r\nconnection: close\r\ncontent-length: {}\r\n\r\n{body}",
        body.len()
    );
    s.write_all(req.as_bytes()).await.expect("write");
    let mut out = String::new();
    s.read_to_string(&mut out).await.expect("read");
    let json = out.split("\r\n\r\n").nth(1).unwrap_or_default();
    let v: serde_json::Value = serde_json::from_str(json).unwrap_or_else(|_| panic!("room: {out}"));
    let s = |k: &str| v[k].as_str().unwrap_or_default().to_string();
    (s("code"), s("key"), s("table_key"))
}

fn board() -> Workshop {
    let mut w = Workshop::default();
    let _ = w.apply(Action::AddGroup { id: id("g-inw"), name: "Inwoners".into() });
    let _ = w.apply(Action::AddSource {
        id: id("s-1"),
        kind: SourceKind::Case,
        title: "Casus".into(),
        notes: String::new(),
    });
    let _ = w.apply(Action::CreateCluster { id: id("c-1"), name: "Dichtbij".into() });
    w
}

/// One device: joins, then sends a card every `EVERY` (from a random start) until `until`,
/// and notes for every confirmed entry how long after sending it arrived here.
#[allow(clippy::too_many_arguments)]
async fn device(
    addr: String,
    code: String,
    key: Option<String>,
    n: usize,
    start: Instant,
    until: Instant,
    receipts: Receipts,
    sent_at: Arc<SentAt>,
) -> usize {
    let (mut ws, _) = tokio_tungstenite::connect_async(format!("ws://{addr}/live/ws")).await.expect("ws");
    let hello = ClientFrame::Hello { room: code, key, client: format!("dev-{n}"), seen: 0 };
    ws.send(Message::text(serde_json::to_string(&hello).unwrap_or_default())).await.expect("hello");
    let mut you = 0;
    let mut cseq = 0u64;
    // A participant's own steps its seat has not handled yet.
    let mut waiting = Vec::new();
    let offset = Duration::from_millis((n as u64 * 7919) % EVERY.as_millis() as u64);
    let mut tick = tokio::time::interval_at((start + offset).into(), EVERY);
    let mut sent = 0;
    loop {
        tokio::select! {
            _ = tick.tick(), if Instant::now() < until => {
                cseq += 1;
                let op = if n < TABLES && cseq % 2 == 0 {
                    // Tables move the cards they wrote.
                    Op::Act(Action::MoveCards { cards: vec![id(&format!("k-{n}-{}", cseq - 1))], to: Some(id("c-1")) })
                } else {
                    Op::Act(Action::AddCard { id: id(&format!("k-{n}-{cseq}")), source: id("s-1"), group: Some(id("g-inw")), text: format!("Kaart {n} {cseq}") })
                };
                let told = TABLES + usize::from(n >= TABLES);
                if let Ok(mut s) = sent_at.lock() { s.insert((you, cseq), (Instant::now(), told)); }
                waiting.push(cseq);
                let text = serde_json::to_string(&ClientFrame::Submit { cseq, op }).unwrap_or_default();
                if ws.send(Message::text(text)).await.is_err() { break }
                sent += 1;
            }
            msg = ws.next() => {
                let Some(Ok(Message::Text(text))) = msg else { break };
                if n >= TABLES {
                    match serde_json::from_str::<ToSeat>(&text) {
                        Ok(ToSeat::Seat(seat)) => {
                            you = seat.you;
                            for c in waiting.iter().filter(|c| **c <= seat.acked) {
                                receipt(&receipts, &sent_at, (you, *c));
                            }
                            waiting.retain(|c| *c > seat.acked);
                        }
                        Ok(ToSeat::Refused { reason, .. }) => eprintln!("refused: {reason:?}"),
                        Ok(ToSeat::Problem { problem }) => { eprintln!("problem: {problem:?}"); break }
                        Err(e) => eprintln!("{e}"),
                    }
                } else {
                    match serde_json::from_str::<ServerFrame>(&text) {
                        Ok(ServerFrame::Welcome { you: me, .. }) => you = me,
                        Ok(ServerFrame::Confirmed(e)) => receipt(&receipts, &sent_at, (e.author, e.cseq)),
                        Ok(ServerFrame::Refused { reason, .. }) => eprintln!("refused: {reason:?}"),
                        Ok(ServerFrame::Problem { problem }) => { eprintln!("problem: {problem:?}"); break }
                        Err(e) => eprintln!("{e}"),
                    }
                }
                if Instant::now() > until + Duration::from_secs(3) { break }
            }
            _ = tokio::time::sleep_until((until + Duration::from_secs(3)).into()) => break,
        }
    }
    sent
}

async fn scenario(addr: &str, pid: u32, rooms: usize, seconds: u64) {
    let before = rss_kib(pid);
    let file = leidraad::format::to_json(&board());
    let mut keys = Vec::new();
    for _ in 0..rooms {
        keys.push(post_room(addr, &file).await);
    }
    let start = Instant::now() + Duration::from_secs(2);
    let until = start + Duration::from_secs(seconds);
    let mut tasks = Vec::new();
    let mut all = Vec::new();
    for (code, key, table_key) in &keys {
        let receipts: Receipts = Arc::default();
        let sent_at = Arc::default();
        all.push(receipts.clone());
        // The facilitator opens the source for writing.
        let (mut ws, _) = tokio_tungstenite::connect_async(format!("ws://{addr}/live/ws")).await.expect("ws");
        let hello = ClientFrame::Hello { room: code.clone(), key: Some(key.clone()), client: "fac".into(), seen: 0 };
        let _ = ws.send(Message::text(serde_json::to_string(&hello).unwrap_or_default())).await;
        let floor = ClientFrame::Submit { cseq: 1, op: Op::Floor(Floor { input: Some(id("s-1")), voting: false }) };
        let _ = ws.send(Message::text(serde_json::to_string(&floor).unwrap_or_default())).await;
        let _ = ws.next().await;
        let _ = ws.next().await;
        drop(ws);
        for n in 0..DEVICES {
            let key = (n < TABLES).then(|| table_key.clone());
            tasks.push(tokio::spawn(device(
                addr.to_string(),
                code.clone(),
                key,
                n,
                start,
                until,
                receipts.clone(),
                Arc::clone(&sent_at),
            )));
        }
    }
    let mut sent = 0;
    for t in tasks {
        sent += t.await.unwrap_or(0);
    }
    let after = rss_kib(pid);
    let mut latencies = Vec::new();
    let (mut complete, mut frames) = (0, 0);
    for r in &all {
        if let Ok(r) = r.lock() {
            for (count, slowest, told) in r.values() {
                frames += count;
                if count == told {
                    complete += 1;
                    latencies.push(*slowest);
                }
            }
        }
    }
    latencies.sort();
    let pct = |p: f64| {
        latencies
            .get(((latencies.len() as f64 * p) as usize).min(latencies.len().saturating_sub(1)))
            .copied()
            .unwrap_or_default()
    };
    println!(
        "{rooms:>4} rooms x {DEVICES} devices: {sent} steps in {seconds} s = {:.0} steps/s ({:.0} frames out/s); \
         received by every device told it: {complete}; latency to the last of them p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms; \
         server memory {:.0} MiB (+{:.0} KiB per room)",
        sent as f64 / seconds as f64,
        frames as f64 / seconds as f64,
        pct(0.5).as_secs_f64() * 1000.0,
        pct(0.95).as_secs_f64() * 1000.0,
        latencies.last().copied().unwrap_or_default().as_secs_f64() * 1000.0,
        after as f64 / 1024.0,
        after.saturating_sub(before) as f64 / rooms as f64,
    );
}

#[tokio::main]
async fn main() {
    let exe = std::env::current_exe().expect("own path");
    let server =
        exe.parent().and_then(|examples| examples.parent()).map(|p| p.join("leidraad-server")).expect("target folder");
    let dir = std::env::temp_dir().join(format!("leidraad-load-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let mut child = Command::new(&server)
        .env("PORT", "0")
        .env("HOST", "127.0.0.1")
        .env("LEIDRAAD_DB", dir.join("rooms.sqlite3"))
        .env("LEIDRAAD_JOIN_RATE", "100000")
        .env("LEIDRAAD_MAX_ROOMS", "1000")
        .stdout(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| {
            panic!(
                "{}: {e} (build it: cargo build --profile server -p leidraad-server --bins --examples)",
                server.display()
            )
        });
    let mut line = String::new();
    let _ = std::io::BufRead::read_line(&mut std::io::BufReader::new(child.stdout.take().expect("stdout")), &mut line);
    let addr = line.split("http://").nth(1).and_then(|r| r.split('/').next()).expect("address").to_string();
    let rooms: Vec<usize> =
        std::env::var("ROOMS").unwrap_or("1,10,100".into()).split(',').filter_map(|n| n.parse().ok()).collect();
    let seconds = std::env::var("SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(20);
    println!("leidraad-server {} on {addr}, one step per device every {} s", server.display(), EVERY.as_secs());
    for n in rooms {
        scenario(&addr, child.id(), n, seconds).await;
    }
    let _ = child.kill();
    let _ = child.wait();
    let _ = std::fs::remove_dir_all(&dir);
}
