//! The facilitator's page in a live room (`live::Host`), against a small stand-in for the
//! server (the role check and `apply`, a number, everyone told): its steps are shown at once
//! and confirmed in order with other people's; undo takes back only its own last step, through
//! the inverse step, and says so when that is no longer possible; what it keeps on the device
//! brings it back after a reload.

mod common;

use common::*;
use leidraad::live::*;
use leidraad::workshop::*;

/// One room: the server's state and log. The facilitator is member 1, a table member 3.
struct Server {
    live: Live,
    log: Vec<Entry>,
}

impl Server {
    fn new(w: Workshop) -> Server {
        Server { live: Live::new(w), log: Vec::new() }
    }

    /// What the server does with a frame from `author`: check, apply, number; the answer.
    fn handle(&mut self, role: Role, author: Author, frame: ClientFrame) -> ServerFrame {
        let ClientFrame::Submit { cseq, op } = frame else { panic!("only steps here") };
        match self.live.submit(role, author, op.clone()) {
            Ok(_) => {
                let entry = Entry { seq: self.log.len() as u64 + 1, author, cseq, op };
                self.log.push(entry.clone());
                ServerFrame::Confirmed(entry)
            }
            Err(reason) => ServerFrame::Refused { cseq, reason },
        }
    }
}

/// The facilitator's page in a room made from `w`, welcomed as member 1.
fn host(w: &Workshop) -> Host {
    let mut h = Host::started("K7XM3P", "key".into(), "table".into(), "dev-1".into(), w.clone());
    let welcome = ServerFrame::Welcome {
        role: Role::Facilitator,
        you: 1,
        acked: 0,
        snapshot_seq: 0,
        snapshot: None,
        tail: vec![],
    };
    assert_eq!(h.client.receive(welcome), Next::Send(vec![]));
    h
}

/// A room made from `clustered()` and the facilitator's page in it.
fn room() -> (Server, Host) {
    let start = clustered();
    (Server::new(start.clone()), host(&start))
}

/// The page does `action`; the server confirms it to the page.
fn step(h: &mut Host, server: &mut Server, action: Action) {
    let frame = h.act(action, &mut CountingIds(100)).expect("the page accepts it").expect("sent at once");
    let answer = server.handle(Role::Facilitator, 1, frame);
    assert!(matches!(answer, ServerFrame::Confirmed(_)), "{answer:?}");
    h.client.receive(answer);
}

/// Someone else in the room does `action`; the page hears it.
fn other(h: &mut Host, server: &mut Server, action: Action) {
    let answer =
        server.handle(Role::Table, 3, ClientFrame::Submit { cseq: server.log.len() as u64 + 1, op: Op::Act(action) });
    assert!(matches!(answer, ServerFrame::Confirmed(_)), "{answer:?}");
    h.client.receive(answer);
}

/// The page undoes; every frame goes to the server and is confirmed back.
fn undo(h: &mut Host, server: &mut Server) -> Result<(), UndoError> {
    for frame in h.undo()? {
        let answer = server.handle(Role::Facilitator, 1, frame);
        assert!(matches!(answer, ServerFrame::Confirmed(_)), "{answer:?}");
        h.client.receive(answer);
    }
    Ok(())
}

fn card<'a>(w: &'a Workshop, text: &str) -> Option<&'a Card> {
    w.cards.iter().find(|c| c.text == text)
}

#[test]
fn undo_takes_back_only_the_pages_own_steps_through_their_inverse() {
    let (mut server, mut h) = room();
    step(
        &mut h,
        &mut server,
        Action::AddCard { id: id("k-new"), source: id("s-ede"), group: None, text: "Samen met inwoners".into() },
    );
    step(
        &mut h,
        &mut server,
        Action::EditCard { id: id("k-1"), text: "Niemand is gewoon".into(), group: Some(id("g-inw")) },
    );
    step(&mut h, &mut server, Action::MoveCards { cards: vec![id("k-5"), id("k-3")], to: Some(id("c-norm")) });
    // Someone else writes a card in between: no undo of this page may take it away.
    other(
        &mut h,
        &mut server,
        Action::AddCard { id: id("k-table"), source: id("s-casus"), group: None, text: "Van de tafel".into() },
    );
    step(&mut h, &mut server, Action::RemoveCard { id: id("k-4") });
    assert_eq!(h.workshop(), server.live.workshop, "the page shows the room");
    assert!(card(&h.workshop(), "Eén gezin, één plan, één regisseur").is_none());

    // The removed card comes back, in its cluster, with its text, source and group.
    undo(&mut h, &mut server).unwrap();
    let back = card(&h.workshop(), "Eén gezin, één plan, één regisseur").cloned().expect("restored");
    assert_eq!((back.source.as_str(), back.group.as_ref().map(Id::as_str)), ("s-casus", Some("g-inw")));
    assert_eq!(back.cluster.as_ref().map(Id::as_str), Some("c-plan"));
    assert_ne!(back.id.as_str(), "k-4", "the removal is remembered; the card comes back as a new card");
    // The move: each card back to where it came from.
    undo(&mut h, &mut server).unwrap();
    assert_eq!(cluster_of(&h.workshop(), "k-5"), None);
    assert_eq!(cluster_of(&h.workshop(), "k-3"), Some(id("c-prev")));
    // The edit: the old text and group.
    undo(&mut h, &mut server).unwrap();
    let k1 = h.workshop().cards.iter().find(|c| c.id.as_str() == "k-1").cloned().unwrap();
    assert_eq!((k1.text.as_str(), k1.group.as_ref().map(Id::as_str)), ("Niemand is normaal", Some("g-inw")));
    // The added card goes; the table's card stays.
    undo(&mut h, &mut server).unwrap();
    assert!(card(&h.workshop(), "Samen met inwoners").is_none());
    assert!(card(&h.workshop(), "Van de tafel").is_some(), "other people's work is never undone");
    assert_eq!(undo(&mut h, &mut server), Err(UndoError::Nothing));
    assert!(!h.can_undo());
    assert_eq!(h.workshop(), server.live.workshop, "the room and the page agree");
    assert_eq!(h.client.waiting(), 0);
}

#[test]
fn undo_is_refused_plainly_once_someone_else_changed_what_it_touched() {
    let (mut server, mut h) = room();
    step(&mut h, &mut server, Action::EditCard { id: id("k-2"), text: "Gewoon doen".into(), group: None });
    step(&mut h, &mut server, Action::MoveCards { cards: vec![id("k-5")], to: Some(id("c-prev")) });
    // The table moves the card on, and changes the text this page wrote.
    other(&mut h, &mut server, Action::MoveCards { cards: vec![id("k-5")], to: Some(id("c-plan")) });
    other(&mut h, &mut server, Action::EditCard { id: id("k-2"), text: "Gewoon samen doen".into(), group: None });
    let before = h.workshop();
    assert_eq!(undo(&mut h, &mut server), Err(UndoError::ChangedSince));
    assert_eq!(undo(&mut h, &mut server), Err(UndoError::ChangedSince));
    assert_eq!(h.workshop(), before, "nothing changed, nothing sent");
    assert_eq!(h.client.waiting(), 0);
    assert_eq!(cluster_of(&h.workshop(), "k-5"), Some(id("c-plan")));

    // A card someone else removed in the meantime is not brought back by undoing an edit.
    step(&mut h, &mut server, Action::EditCard { id: id("k-1"), text: "Iedereen is gewoon".into(), group: None });
    other(&mut h, &mut server, Action::RemoveCard { id: id("k-1") });
    assert_eq!(undo(&mut h, &mut server), Err(UndoError::ChangedSince));
    assert!(h.workshop().cards.iter().all(|c| c.id.as_str() != "k-1"));
}

#[test]
fn a_step_without_an_inverse_is_said_and_the_one_before_it_is_next() {
    let (mut server, mut h) = room();
    step(
        &mut h,
        &mut server,
        Action::AddCard { id: id("k-new"), source: id("s-ede"), group: None, text: "Dichtbij".into() },
    );
    step(&mut h, &mut server, Action::CreateCluster { id: id("c-new"), name: "Nieuw".into() });
    assert_eq!(undo(&mut h, &mut server), Err(UndoError::NotThisKind));
    assert!(h.workshop().cluster(&id("c-new")).is_some(), "the cluster stays");
    undo(&mut h, &mut server).unwrap();
    assert!(card(&h.workshop(), "Dichtbij").is_none());
}

#[test]
fn what_the_page_keeps_brings_it_back_into_the_room_after_a_reload() {
    let (mut server, mut h) = room();
    step(
        &mut h,
        &mut server,
        Action::AddCard { id: id("k-new"), source: id("s-ede"), group: None, text: "Bevestigd".into() },
    );
    h.client.disconnected();
    // Done while the connection was down: queued, shown, kept.
    let queued =
        h.act(Action::EditCard { id: id("k-3"), text: "Nog niet verstuurd".into(), group: None }, &mut CountingIds(0));
    assert_eq!(queued, Ok(None));
    let kept: HostKept = serde_json::from_str(&serde_json::to_string(&h.kept()).unwrap()).unwrap();
    assert_eq!((kept.key.as_str(), kept.table_key.as_str(), kept.saved.room.as_str()), ("key", "table", "K7XM3P"));
    let back = Host::resumed(kept);
    assert_eq!(back.workshop(), h.workshop(), "the same workshop on screen at once");
    assert_eq!(back.client.key.as_deref(), Some("key"));
    assert!(matches!(back.client.hello(), ClientFrame::Hello { seen: 1, .. }), "{:?}", back.client.hello());
    assert_eq!(back.client.waiting(), 1, "the queued step is sent after the welcome");
}

#[test]
fn the_page_opens_writing_for_one_source_and_the_room_follows() {
    let (mut server, mut h) = room();
    let floor = Floor { input: Some(id("s-casus")), voting: true };
    let frame = h.set_floor(floor.clone()).unwrap().unwrap();
    let answer = server.handle(Role::Facilitator, 1, frame);
    h.client.receive(answer);
    assert_eq!((h.floor(), server.live.floor.clone()), (floor.clone(), floor));
    // A source that is not there is refused on the page already.
    assert!(h.set_floor(Floor { input: Some(id("s-none")), voting: false }).is_err());
}

#[test]
fn the_code_is_shown_in_two_groups_for_reading_aloud() {
    assert_eq!(grouped("K7XM3P"), "K7X M3P");
    assert_eq!(grouped(""), "");
}

#[test]
fn inverse_has_no_step_for_kinds_it_does_not_know() {
    let w = clustered();
    let mut ids = CountingIds(0);
    assert!(inverse(&w, &Action::Ungroup { id: id("c-norm") }, &mut ids).is_none());
    assert!(inverse(&w, &Action::EditCard { id: id("k-none"), text: "x".into(), group: None }, &mut ids).is_none());
}

/// A 64-digit table key as the server makes them.
const TABLE_KEY: &str = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

#[test]
fn the_table_link_carries_the_code_and_table_key_in_its_fragment_and_reads_back() {
    let link = table_link("http://laptop:8080/index.html?leidraad=projector#old", "K7XM3P", TABLE_KEY);
    assert_eq!(link, format!("http://laptop:8080/index.html#table=K7XM3P.{TABLE_KEY}"));
    let want = Some(("K7XM3P".to_string(), TABLE_KEY.to_string()));
    assert_eq!(parse_table_link(&link), want);
    // Pasted with spaces around it, only the fragment, or the code typed in small letters.
    assert_eq!(parse_table_link(&format!("  {link}\n")), want);
    assert_eq!(parse_table_link(&format!("#table=K7XM3P.{TABLE_KEY}")), want);
    assert_eq!(parse_table_link(&format!("table=k7x-m3p.{}", TABLE_KEY.to_uppercase())), want);
    // Not a table link: a participant's link, no key, a cut-off or mistyped key, a wrong code.
    for wrong in [
        "http://laptop:8080/join.html#K7XM3P".to_string(),
        "http://laptop:8080/#table=K7XM3P".to_string(),
        format!("#table=K7XM3P.{}", &TABLE_KEY[..20]),
        format!("#table=K7XM3P.{}", TABLE_KEY.replace('a', "x")),
        format!("#table=K0XM3P.{TABLE_KEY}"),
        String::new(),
    ] {
        assert_eq!(parse_table_link(&wrong), None, "{wrong}");
    }
}

#[test]
fn a_page_offers_only_the_controls_its_role_may_use() {
    for control in Control::ALL {
        assert!(offers(None, control), "{control:?} on one laptop");
        assert!(offers(Some(Role::Facilitator), control), "{control:?} for the facilitator");
        assert!(!offers(Some(Role::Table), control), "{control:?} not for a table");
        assert!(!offers(Some(Role::Participant), control), "{control:?} not for a participant");
        // Offered exactly when the room's own role check takes such a step.
        let open = Live::new(clustered());
        for role in [Role::Facilitator, Role::Table, Role::Participant] {
            let permitted = permit(role, 1, &open, &control.sample()).is_ok();
            assert_eq!(offers(Some(role), control), permitted, "{control:?} for {role:?}");
        }
    }
}

/// The server's welcome to a table (member 3) with the room as it is.
fn welcome_table(h: &mut Host, server: &Server) {
    let welcome = ServerFrame::Welcome {
        role: Role::Table,
        you: 3,
        acked: 0,
        snapshot_seq: server.log.len() as u64,
        snapshot: Some(Box::new(server.live.clone())),
        tail: vec![],
    };
    assert_eq!(h.client.receive(welcome), Next::Send(vec![]));
}

#[test]
fn a_table_joins_with_its_key_works_and_undoes_only_its_own_steps() {
    let (mut server, mut facilitator) = room();
    step(
        &mut facilitator,
        &mut server,
        Action::AddCard { id: id("k-lead"), source: id("s-ede"), group: None, text: "Van de begeleider".into() },
    );
    let mut table = Host::table("K7XM3P", TABLE_KEY.into(), "dev-t".into());
    assert_eq!(table.role(), Role::Table, "a table before the welcome too");
    assert!(!table.has_state(), "it shows its own workshop until the room's arrives");
    assert!(matches!(table.client.hello(), ClientFrame::Hello { key: Some(k), .. } if k == TABLE_KEY));
    welcome_table(&mut table, &server);
    assert!(table.has_state());
    assert_eq!(table.workshop(), server.live.workshop, "the table shows the room");

    // What a table may not do is refused on the table itself, before anything is sent.
    let lock = table.act(Action::SetLock { stage: Stage::Collect, locked: true }, &mut CountingIds(0));
    assert_eq!(lock, Err(Refusal::NotYourRole));
    assert_eq!(table.client.waiting(), 0);

    // A card from the table reaches the room; undo takes back the table's own card only.
    let add = Action::AddCard { id: id("k-tafel"), source: id("s-casus"), group: None, text: "Van tafel 2".into() };
    let frame = table.act(add, &mut CountingIds(200)).unwrap().expect("sent at once");
    let answer = server.handle(Role::Table, 3, frame);
    table.client.receive(answer.clone());
    facilitator.client.receive(answer);
    assert!(card(&facilitator.workshop(), "Van tafel 2").is_some(), "the facilitator sees the table's card");
    for frame in table.undo().unwrap() {
        let answer = server.handle(Role::Table, 3, frame);
        table.client.receive(answer.clone());
        facilitator.client.receive(answer);
    }
    assert!(card(&facilitator.workshop(), "Van tafel 2").is_none());
    assert!(card(&table.workshop(), "Van de begeleider").is_some(), "the facilitator's card stays");
    assert_eq!(table.undo(), Err(UndoError::Nothing), "the facilitator's steps are not the table's to undo");

    // Kept as a table, with the table key, and back as a table after a reload.
    let kept: HostKept = serde_json::from_str(&serde_json::to_string(&table.kept()).unwrap()).unwrap();
    assert!(kept.table);
    assert_eq!((kept.key.as_str(), kept.table_key.as_str()), (TABLE_KEY, ""), "a table hands out no key");
    let back = Host::resumed(kept);
    assert!(back.table && back.has_state());
    assert_eq!(back.role(), Role::Table);
    assert_eq!(back.workshop(), table.workshop());
    // The facilitator's kept room, from before tables existed, is still the facilitator's.
    let old: HostKept = serde_json::from_str(r#"{"saved":{"room":"K7XM3P","client":"dev-1"},"key":"k"}"#).unwrap();
    assert_eq!(Host::resumed(old).role(), Role::Facilitator);
}
