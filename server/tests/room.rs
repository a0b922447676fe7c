//! The live room server, in this process over real WebSockets: many devices converge on the
//! server's workshop, in one order; resent steps are done once; a late joiner gets the state;
//! roles and locks are enforced; bad input and floods are refused and change nothing.

mod common;

use common::*;
use leidraad::live::*;
use leidraad::workshop::*;
use leidraad_server::Config;

fn open_floor() -> Op {
    Op::Floor(Floor { input: Some(id("s-ede")), voting: true })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fifty_devices_adding_moving_and_voting_at_once_end_with_the_servers_workshop() {
    let server = start(config()).await;
    let room = create_room(&server.addr, &board()).await;
    let mut facilitator = Device::join(&server.addr, &room.code, Some(&room.key), "fac").await;
    facilitator.submit(open_floor()).await;
    facilitator.settle().await;

    let mut tasks = Vec::new();
    for n in 0..50 {
        let addr = server.addr.clone();
        let code = room.code.clone();
        let table_key = room.table_key.clone();
        tasks.push(tokio::spawn(async move {
            // Every fifth device is a table's laptop, the rest are participants' phones.
            let table = n % 5 == 0;
            let key = table.then_some(table_key.as_str());
            let mut d = Device::join(&addr, &code, key, &format!("dev-{n}")).await;
            for k in 0..3 {
                let card = id(&format!("k-{n}-{k}"));
                d.act(Action::AddCard {
                    id: card,
                    source: id("s-ede"),
                    group: Some(id("g-inw")),
                    text: format!("Kaart {n} {k}"),
                })
                .await;
            }
            if table {
                // Tables move cards, their own and others' (which may not be there yet: refused then).
                for k in 0..3 {
                    let cards = vec![id(&format!("k-{n}-{k}")), id(&format!("k-{}-0", (n + 1) % 50))];
                    d.act(Action::MoveCards { cards, to: Some(id(&format!("c-{}", 1 + k % 3))) }).await;
                }
            } else {
                let voter = id(&format!("v-{n}"));
                d.act(Action::AddVoter { id: voter.clone(), name: format!("Deelnemer {n}") }).await;
                for c in ["c-1", "c-2", "c-1", "c-3"] {
                    d.act(Action::CastDot { voter: voter.clone(), cluster: id(c) }).await;
                }
            }
            d.settle().await;
            d
        }));
    }
    let mut devices = Vec::new();
    for t in tasks {
        devices.push(t.await.unwrap());
    }
    // Everything was handled; one last step marks the end for everyone.
    facilitator.act(Action::EditSetup { field: SetupField::Title, value: "Klaar".into() }).await;
    facilitator.settle().await;
    let last = facilitator.replica.seq;
    let server_workshop = download(&server.addr, &room).await;
    assert_eq!(*facilitator.workshop(), server_workshop);
    assert_eq!(server_workshop.cards.len(), 150, "every card arrived once");
    for d in &mut devices {
        if d.role == Some(Role::Participant) {
            // A participant holds its seat, not the workshop: its own three cards and dots.
            let seat = d.seat.as_ref().expect("a seat");
            assert_eq!(seat.cards.len(), 3, "{}", d.client);
            assert!(seat.voter.is_some() && seat.left() == 0, "{}: {seat:?}", d.client);
            assert!(d.replica.pending.is_empty(), "{}: nothing left pending", d.client);
            continue;
        }
        d.catch_up(last).await;
        assert!(d.in_order, "{}: every entry followed on from the one before", d.client);
        assert_eq!(*d.workshop(), server_workshop, "{} holds the server's workshop", d.client);
        assert_eq!(d.replica.view(), d.replica.confirmed, "nothing left pending");
    }
    // Each participant placed three dots and was refused the fourth; no one else's.
    let voting = &server_workshop.voting;
    assert_eq!(voting.voters.len(), 40);
    for v in &voting.voters {
        let dots: u32 = voting.votes.iter().filter(|x| x.voter == v.id).map(|x| x.dots).sum();
        assert_eq!(dots, 3, "{}", v.id);
    }
    for d in devices.iter().filter(|d| d.role == Some(Role::Participant)) {
        assert_eq!(d.refused, vec![(8, Refusal::Domain(DomainError::NoDotsLeft))], "{}", d.client);
    }
}

#[tokio::test]
async fn a_step_sent_again_is_done_once() {
    let server = start(config()).await;
    let room = create_room(&server.addr, &board()).await;
    let mut fac = Device::join(&server.addr, &room.code, Some(&room.key), "fac").await;
    let add = Action::AddCard { id: id("k-1"), source: id("s-ede"), group: None, text: "Dichtbij".into() };
    let cseq = fac.act(add.clone()).await;
    fac.settle().await;
    // The same step again on the same connection, and after a reconnect that lost the answer.
    fac.send_frame(&ClientFrame::Submit { cseq, op: Op::Act(add.clone()) }).await;
    fac.replica.pending.push((cseq, Op::Act(add)));
    fac.reconnect(&server.addr, &room.code, Some(&room.key)).await;
    assert!(fac.replica.pending.is_empty(), "the welcome says it was handled");
    fac.act(Action::EditSetup { field: SetupField::Title, value: "Daarna".into() }).await;
    fac.settle().await;
    let w = download(&server.addr, &room).await;
    assert_eq!(w.cards.len(), 1);
    assert_eq!(fac.replica.seq, 2, "two steps in the log, not three");
    assert!(fac.refused.is_empty(), "a duplicate is not refused as a second card: it is dropped");
}

#[tokio::test]
async fn a_late_joiner_gets_the_snapshot_and_the_tail_and_a_returning_one_only_what_it_missed() {
    let server = start(config()).await;
    let room = create_room(&server.addr, &board()).await;
    let mut table = Device::join(&server.addr, &room.code, Some(&room.table_key), "table").await;
    let mut early = Device::join(&server.addr, &room.code, Some(&room.table_key), "early").await;
    let steps = leidraad_server::SNAPSHOT_EVERY + 50;
    for n in 0..steps {
        table
            .act(Action::AddCard {
                id: id(&format!("k-{n}")),
                source: id("s-casus"),
                group: None,
                text: format!("Kaart {n}"),
            })
            .await;
    }
    table.settle().await;
    early.catch_up(120).await;
    drop(early.socket);

    let late = Device::join(&server.addr, &room.code, Some(&room.table_key), "late").await;
    assert_eq!(late.replica.seq, steps as u64);
    assert_eq!(late.workshop(), table.workshop());
    assert_eq!(late.workshop().cards.len(), steps);

    // The early one comes back holding 120 steps: it gets the snapshot (120 is before it) and the tail.
    let mut early = Device { socket: socket(&server.addr).await, role: None, ..early };
    let welcome_from = early.replica.seq;
    early.hello(&room.code, Some(&room.table_key)).await;
    assert_eq!(welcome_from, 120);
    assert_eq!(early.workshop(), table.workshop());

    // One more step; a device that holds everything up to the snapshot gets only the tail.
    table.act(Action::EditSetup { field: SetupField::Title, value: "Nog één".into() }).await;
    table.settle().await;
    let mut resumed = Device { socket: socket(&server.addr).await, role: None, ..late };
    resumed
        .send_frame(&ClientFrame::Hello {
            room: room.code.clone(),
            key: Some(room.table_key.clone()),
            client: "late".into(),
            seen: steps as u64,
        })
        .await;
    match resumed.next().await {
        Some(Got::Frame(ServerFrame::Welcome { snapshot, tail, .. })) => {
            assert!(snapshot.is_none(), "no snapshot for a device that is nearly up to date");
            assert_eq!(tail.len(), 1);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(resumed.workshop(), table.workshop());

    // A participant joining late gets only its seat: no log, no snapshot of the whole workshop.
    let phone = Device::join(&server.addr, &room.code, None, "phone").await;
    assert_eq!(phone.role, Some(Role::Participant));
    assert_eq!(phone.replica.seq, 0, "no step of the log reached it");
    let seat = phone.seat.expect("its seat");
    assert!(
        seat.cards.is_empty() && seat.writing.is_none() && seat.groups.len() == table.workshop().setup.groups.len()
    );
}

#[tokio::test]
async fn roles_and_locks_are_enforced_by_the_server_and_refusals_go_to_the_sender_only() {
    let server = start(config()).await;
    let room = create_room(&server.addr, &board()).await;
    let mut fac = Device::join(&server.addr, &room.code, Some(&room.key), "fac").await;
    let mut table = Device::join(&server.addr, &room.code, Some(&room.table_key), "table").await;
    let mut anna = Device::join(&server.addr, &room.code, None, "anna").await;
    assert_eq!(
        (fac.role, table.role, anna.role),
        (Some(Role::Facilitator), Some(Role::Table), Some(Role::Participant))
    );
    fac.submit(open_floor()).await;
    fac.settle().await;

    let lock = Action::SetLock { stage: Stage::Collect, locked: true };
    let cseq = anna.act(lock.clone()).await;
    assert_eq!(anna.expect_refusal().await, Some(ServerFrame::Refused { cseq, reason: Refusal::NotYourRole }));
    let cseq = table.act(lock.clone()).await;
    assert_eq!(table.expect_refusal().await, Some(ServerFrame::Refused { cseq, reason: Refusal::NotYourRole }));
    let cseq = anna.submit(Op::Floor(Floor::default())).await;
    assert_eq!(anna.expect_refusal().await, Some(ServerFrame::Refused { cseq, reason: Refusal::NotYourRole }));

    fac.act(lock).await;
    fac.settle().await;
    let card = |k: &str| Action::AddCard { id: id(k), source: id("s-ede"), group: None, text: "Dichtbij".into() };
    let cseq = anna.act(card("k-a")).await;
    let told = anna.expect_refusal().await;
    assert_eq!(told, Some(ServerFrame::Refused { cseq, reason: Refusal::Locked(Stage::Collect) }));
    let cseq = table.act(card("k-t")).await;
    let told = table.expect_refusal().await;
    assert_eq!(told, Some(ServerFrame::Refused { cseq, reason: Refusal::Locked(Stage::Collect) }));

    // The facilitator heard none of those refusals, and the room holds no card.
    fac.act(Action::SetLock { stage: Stage::Collect, locked: false }).await;
    fac.settle().await;
    assert!(fac.refused.is_empty());
    let w = download(&server.addr, &room).await;
    assert!(w.cards.is_empty() && w.locks.is_empty());

    // A participant may now write under the open source, but not under another.
    anna.act(card("k-a")).await;
    anna.settle().await;
    let cseq =
        anna.act(Action::AddCard { id: id("k-b"), source: id("s-casus"), group: None, text: "Elders".into() }).await;
    let told = anna.expect_refusal().await;
    assert_eq!(told, Some(ServerFrame::Refused { cseq, reason: Refusal::WritingClosed }));
    assert_eq!(download(&server.addr, &room).await.cards.len(), 1);
}

#[tokio::test]
async fn wrong_keys_unknown_rooms_and_malformed_frames_get_clear_answers_and_change_nothing() {
    let server = start(Config { max_frame: 4096, ..config() }).await;
    let room = create_room(&server.addr, &board()).await;
    let before = download(&server.addr, &room).await;

    let wrong = Device::join(&server.addr, &room.code, Some("not-the-key"), "w").await;
    assert_eq!(wrong.problems, [Problem::WrongKey]);
    let unknown = Device::join(&server.addr, "AAAAAA", None, "u").await;
    assert_eq!(unknown.problems, [Problem::UnknownRoom]);
    let not_a_code = Device::join(&server.addr, "0OIL12", None, "u").await;
    assert_eq!(not_a_code.problems, [Problem::BadFrame]);
    // Codes are read as typed: lower case, with a dash.
    let typed = format!("{}-{}", room.code[..3].to_lowercase(), &room.code[3..]);
    let mut anna = Device::join(&server.addr, &typed, None, "anna").await;
    assert_eq!(anna.role, Some(Role::Participant));

    // A first frame that is not hello.
    let mut s = Device { socket: socket(&server.addr).await, ..Device::join(&server.addr, "AAAAAA", None, "x").await };
    s.problems.clear();
    s.send_text(r#"{"submit":{"cseq":1,"op":{"act":["Reopen"]}}}"#).await;
    assert_eq!(s.expect_refusal().await, Some(ServerFrame::Problem { problem: Problem::NotJoined }));

    // Malformed frames on a joined connection: each answered, the connection stays.
    let bad_frames = [
        "",
        "{",
        "null",
        r#"{"submit":{}}"#,
        r#"{"submit":{"cseq":1,"op":{"act":["Nope"]}}}"#,
        r#"{"submit":{"cseq":1,"op":{"act":["AddCard","k-1"]}}}"#,
        r#"{"t":"submit","cseq":1,"op":{"act":["Reopen"]}}"#,
    ];
    for bad in bad_frames {
        anna.send_text(bad).await;
        assert_eq!(anna.expect_refusal().await, Some(ServerFrame::Problem { problem: Problem::BadFrame }), "{bad}");
    }
    anna.send_frame(&ClientFrame::Hello {
        room: room.code.clone(),
        key: Some(room.key.clone()),
        client: "anna".into(),
        seen: 0,
    })
    .await;
    assert_eq!(
        anna.expect_refusal().await,
        Some(ServerFrame::Problem { problem: Problem::NotJoined }),
        "no second hello"
    );
    let _ = futures_util::SinkExt::send(
        &mut anna.socket,
        tokio_tungstenite::tungstenite::Message::Binary(vec![1, 2, 3].into()),
    )
    .await;
    assert_eq!(anna.expect_refusal().await, Some(ServerFrame::Problem { problem: Problem::BadFrame }));
    // An oversized frame closes the connection.
    let huge = serde_json::to_string(&ClientFrame::Submit {
        cseq: 1,
        op: Op::Act(Action::EditSetup { field: SetupField::Title, value: "x".repeat(10_000) }),
    })
    .unwrap();
    anna.send_text(&huge).await;
    assert_eq!(anna.expect_refusal().await, None, "closed");
    assert_eq!(download(&server.addr, &room).await, before, "nothing changed");
}

#[tokio::test]
async fn a_flood_is_refused_and_then_closed_and_the_room_takes_only_what_the_limit_allows() {
    let server = start(Config { client_rate: 2.0, ..config() }).await;
    let room = create_room(&server.addr, &board()).await;
    let mut fac = Device::join(&server.addr, &room.code, Some(&room.key), "fac").await;
    for n in 0..200 {
        let title = format!("Titel {n}");
        fac.send_frame(&ClientFrame::Submit {
            cseq: n + 1,
            op: Op::Act(Action::EditSetup { field: SetupField::Title, value: title }),
        })
        .await;
    }
    let mut too_fast = 0;
    while let Some(frame) = fac.next().await {
        if matches!(frame, Got::Frame(ServerFrame::Refused { reason: Refusal::TooFast, .. })) {
            too_fast += 1;
        }
    }
    assert_eq!(fac.problems, [Problem::Flood]);
    assert!(too_fast >= 20, "{too_fast}");
    // Only the burst got through (twice the rate, and a little for the time it took).
    assert!(fac.replica.seq <= 6, "{}", fac.replica.seq);
}

#[tokio::test]
async fn a_whole_room_is_limited_too() {
    let server = start(Config { room_rate: 2.0, ..config() }).await;
    let room = create_room(&server.addr, &board()).await;
    let mut devices = Vec::new();
    for n in 0..4 {
        devices.push(Device::join(&server.addr, &room.code, Some(&room.table_key), &format!("t{n}")).await);
    }
    for d in &mut devices {
        for _ in 0..3 {
            d.act(Action::EditSetup { field: SetupField::Title, value: d.client.clone() }).await;
        }
    }
    let mut refused = 0;
    for d in &mut devices {
        d.settle().await;
        refused += d.refused.iter().filter(|(_, r)| *r == Refusal::TooFast).count();
    }
    assert!(refused >= 6, "12 steps at once against a room burst of 4: {refused} refused");
}

#[tokio::test]
async fn joins_from_one_address_are_limited_so_codes_cannot_be_guessed_quickly() {
    let server = start(Config { join_rate: 5.0, ..config() }).await;
    let mut problems = Vec::new();
    for n in 0..8 {
        problems.extend(Device::join(&server.addr, "AAAAAA", None, &format!("g{n}")).await.problems);
    }
    assert_eq!(problems[..5], [Problem::UnknownRoom; 5]);
    assert_eq!(problems[5..], [Problem::TooManyJoins; 3]);
}

#[tokio::test]
async fn caps_on_rooms_and_devices_are_clear_refusals() {
    let server = start(Config { max_rooms: 1, max_clients: 2, ..config() }).await;
    let room = create_room(&server.addr, &board()).await;
    let (status, _, body) = http(&server.addr, "POST", "/live/rooms", &[], "").await;
    assert_eq!((status, body.as_str()), (503, r#"{"problem":"server_full"}"#));
    let _a = Device::join(&server.addr, &room.code, None, "a").await;
    let _b = Device::join(&server.addr, &room.code, None, "b").await;
    let c = Device::join(&server.addr, &room.code, None, "c").await;
    assert_eq!(c.problems, [Problem::RoomFull]);
    // A file that is not a workshop is refused with the reader's reason.
    let (status, _, body) = http(&server.addr, "POST", "/live/rooms", &[], r#"{"format":"iets anders"}"#).await;
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("bad_file"));
}

#[tokio::test]
async fn closing_a_room_deletes_it_and_tells_every_device() {
    let server = start(config()).await;
    let room = create_room(&server.addr, &board()).await;
    let mut anna = Device::join(&server.addr, &room.code, None, "anna").await;
    let path = format!("/live/rooms/{}", room.code);
    let (status, _, _) = http(&server.addr, "DELETE", &path, &[("x-room-key", &room.table_key)], "").await;
    assert_eq!(status, 403, "only the facilitator closes");
    let (status, _, _) = http(&server.addr, "GET", &format!("{path}/file"), &[("x-room-key", "nee")], "").await;
    assert_eq!(status, 403);
    let (status, _, _) = http(&server.addr, "DELETE", &path, &[("x-room-key", &room.key)], "").await;
    assert_eq!(status, 204);
    assert_eq!(anna.expect_refusal().await, Some(ServerFrame::Problem { problem: Problem::Closed }));
    let again = Device::join(&server.addr, &room.code, None, "anna").await;
    assert_eq!(again.problems, [Problem::UnknownRoom]);
    let (status, _, _) = http(&server.addr, "GET", &format!("{path}/file"), &[("x-room-key", &room.key)], "").await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn rooms_past_their_retention_are_deleted() {
    let server = start(Config { retention: std::time::Duration::ZERO, ..config() }).await;
    let room = create_room(&server.addr, &board()).await;
    assert_eq!(leidraad_server::sweep(&server.shared).await, 1);
    let gone = Device::join(&server.addr, &room.code, None, "a").await;
    assert_eq!(gone.problems, [Problem::UnknownRoom]);
    let kept = start(config()).await;
    create_room(&kept.addr, &board()).await;
    assert_eq!(leidraad_server::sweep(&kept.shared).await, 0);
}

#[tokio::test]
async fn the_join_qr_code_is_an_svg_of_the_join_address() {
    let server = start(Config { public_url: Some("http://192.0.2.7:8080".into()), ..config() }).await;
    let (status, head, body) = http(&server.addr, "GET", "/live/rooms/K7XM3P/qr.svg", &[], "").await;
    assert_eq!(status, 200);
    assert!(head.contains("content-type: image/svg+xml"), "{head}");
    assert!(body.contains("<svg") && body.contains("<path"), "{body}");
    let (status, _, _) = http(&server.addr, "GET", "/live/rooms/%3Cscript%3E/qr.svg", &[], "").await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn the_app_is_served_with_the_strict_content_security_policy() {
    let config = config();
    std::fs::write(config.dist.join("index.html"), "<!doctype html><title>Leidraad</title>").unwrap();
    std::fs::write(config.dist.join("leidraad_bg.wasm"), [0, 97, 115, 109]).unwrap();
    // Not real gzip: the test only tells which of the two files was sent.
    std::fs::write(config.dist.join("leidraad_bg.wasm.gz"), "packed").unwrap();
    std::fs::write(config.dist.join("index.html.gz"), "packed").unwrap();
    let page = r#"<body><div id="leidraad" data-lang="nl"></div></body>"#;
    std::fs::create_dir_all(config.dist.join("workshop")).unwrap();
    std::fs::write(config.dist.join("workshop/index.html"), page).unwrap();
    std::fs::write(config.dist.join("workshop/after.html"), page).unwrap();
    let server = start(config).await;
    let (status, head, body) = http(&server.addr, "GET", "/", &[], "").await;
    assert_eq!(status, 200);
    assert!(body.contains("Leidraad"));
    assert!(
        head.contains("content-security-policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'"),
        "{head}"
    );
    assert!(head.contains("content-type: text/html; charset=utf-8"));
    let (_, head, _) = http(&server.addr, "GET", "/leidraad_bg.wasm", &[], "").await;
    assert!(head.contains("content-type: application/wasm"));
    // Only this server offers the Live switch: it marks the workshop page's mount element.
    assert!(!body.contains("data-live"), "no mount element, no mark: {body}");
    let (_, _, body) = http(&server.addr, "GET", "/workshop/index.html", &[], "").await;
    assert!(body.contains(r#"<div id="leidraad" data-live data-lang="nl">"#), "{body}");
    let (_, _, body) = http(&server.addr, "GET", "/workshop/after.html", &[], "").await;
    assert!(!body.contains("data-live"), "the after-the-charter page has no Live switch: {body}");
    // The gzip copy beside a file goes to a browser that accepts gzip; the plain file to others.
    let (_, head, body) = http(&server.addr, "GET", "/leidraad_bg.wasm", &[("accept-encoding", "gzip, br")], "").await;
    assert!(head.contains("content-encoding: gzip") && head.contains("vary: accept-encoding"), "{head}");
    assert_eq!(body, "packed", "the .gz copy was sent");
    let (_, head, body) = http(&server.addr, "GET", "/leidraad_bg.wasm", &[("accept-encoding", "br")], "").await;
    assert!(!head.contains("content-encoding") && head.contains("vary: accept-encoding"), "{head}");
    assert_eq!(body.as_bytes(), [0, 97, 115, 109]);
    let (_, head, body) = http(&server.addr, "GET", "/", &[("accept-encoding", "gzip")], "").await;
    assert!(!head.contains("content-encoding") && body.contains("Leidraad"), "HTML is marked, never a copy: {head}");
    let (status, _, _) = http(&server.addr, "GET", "/../Cargo.toml", &[], "").await;
    assert!(status == 403 || status == 404, "{status}");
    let (status, _, _) = http(&server.addr, "GET", "/%2e%2e/Cargo.toml", &[], "").await;
    assert!(status == 403 || status == 404, "{status}");
}
