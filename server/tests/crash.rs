//! The real server binary killed with SIGKILL in the middle of a session and started again on
//! the same file: every acknowledged step is still there, and devices resume from their last
//! sequence number, resending only what was never acknowledged.

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

use common::*;
use leidraad::live::*;
use leidraad::workshop::*;

/// Starts the binary on a free port with this database; returns it and its address.
fn spawn(db: &Path) -> (Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_leidraad-server"))
        .env("PORT", "0")
        .env("HOST", "127.0.0.1")
        .env("LEIDRAAD_DB", db)
        .env("LEIDRAAD_DIST", db.parent().unwrap())
        .env("LEIDRAAD_CLIENT_RATE", "1000")
        .env("LEIDRAAD_ROOM_RATE", "10000")
        .env("LEIDRAAD_JOIN_RATE", "10000")
        .stdout(Stdio::piped())
        .spawn()
        .expect("the server binary starts");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    // "Leidraad: http://127.0.0.1:PORT/  (Ctrl+C stops)"
    let addr = line.split("http://").nth(1).and_then(|r| r.split('/').next()).unwrap().to_string();
    (child, addr)
}

fn card(n: usize) -> Action {
    Action::AddCard { id: id(&format!("k-{n}")), source: id("s-ede"), group: None, text: format!("Kaart {n}") }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killing_the_server_loses_no_acknowledged_step_and_devices_resume_where_they_were() {
    let db = scratch().join("rooms.sqlite3");
    let (mut server, addr) = spawn(&db);
    let room = create_room(&addr, &board()).await;
    let mut fac = Device::join(&addr, &room.code, Some(&room.key), "fac").await;
    fac.submit(Op::Floor(Floor { input: Some(id("s-ede")), voting: false })).await;
    let mut anna = Device::join(&addr, &room.code, None, "anna").await;
    // Enough steps for a snapshot and a tail after it.
    for n in 0..260 {
        anna.act(card(n)).await;
    }
    anna.settle().await;
    // Steps in flight when the server dies: some acknowledged, some perhaps not.
    for n in 260..300 {
        anna.act(card(n)).await;
    }
    // (a seat comes per batch of steps the room handled, not per step)
    while anna.my_cards().len() < 270 {
        anna.next().await;
    }
    // A participant's seat lists its own cards as the room acknowledged them.
    let acknowledged = anna.my_cards();
    let acked = anna.seat.as_ref().map_or(0, |s| s.acked);
    assert!(acknowledged.len() >= 270, "{}", acknowledged.len());

    server.kill().expect("SIGKILL");
    server.wait().unwrap();

    let (mut server, addr) = spawn(&db);
    // The room survives with every acknowledged card; the device resumes from `seq`.
    anna.reconnect(&addr, &room.code, None).await;
    assert_eq!(anna.role, Some(Role::Participant));
    assert!(anna.seat.as_ref().is_some_and(|s| s.acked >= acked), "the server has at least what it acknowledged");
    let held = anna.my_cards();
    for card in &acknowledged {
        assert!(held.contains(card), "{card} survived");
    }
    // What was not acknowledged was sent again, once.
    anna.settle().await;
    assert!(anna.refused.is_empty(), "{:?}", anna.refused);
    let w = download(&addr, &room).await;
    assert_eq!(w.cards.len(), 300);
    while anna.my_cards().len() < 300 {
        anna.next().await;
    }
    assert_eq!(anna.my_cards(), w.cards.iter().map(|c| c.id.clone()).collect::<Vec<_>>());
    // Her own cards are still hers: she may edit them after the restart.
    anna.act(Action::EditCard { id: id("k-0"), text: "Nog steeds van mij".into(), group: None }).await;
    anna.settle().await;
    assert!(anna.refused.is_empty(), "{:?}", anna.refused);

    // The facilitator resumes too, from the seq it held.
    fac.catch_up(1).await;
    let held = fac.replica.seq;
    fac.reconnect(&addr, &room.code, Some(&room.key)).await;
    assert!(fac.replica.seq > held);
    assert_eq!(*fac.workshop(), download(&addr, &room).await);
    server.kill().unwrap();
    server.wait().unwrap();
}
