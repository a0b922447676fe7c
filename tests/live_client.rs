//! A device's side of a live room (`live::Client`), against a small stand-in for the server
//! that does what `server/` does with a step: the role check and `apply`, a number, an answer.
//! Offline queueing, resending after a reconnect, refusals listed after it, and the code check.

mod common;

use common::*;
use leidraad::live::*;
use leidraad::workshop::*;

/// The server's side of one room, in memory: the state, the log and what each member had
/// handled. The participant is member 2; the facilitator member 1.
struct Server {
    live: Live,
    log: Vec<Entry>,
    acked: u64,
}

impl Server {
    fn new() -> Server {
        let mut live = Live::new(clustered());
        live.submit(Role::Facilitator, 1, Op::Floor(Floor { input: Some(id("s-ede")), voting: true })).unwrap();
        Server { live, log: Vec::new(), acked: 0 }
    }

    /// The facilitator does something directly in the room.
    fn facilitator(&mut self, op: Op) {
        self.live.submit(Role::Facilitator, 1, op.clone()).unwrap();
        let seq = self.log.len() as u64 + 1;
        self.log.push(Entry { seq, author: 1, cseq: seq, op });
    }

    fn welcome(&self, seen: u64) -> ServerFrame {
        // A real server sends the snapshot to a device that has seen nothing; here the snapshot
        // is the start, and the whole log is the tail.
        let mut start = Live::new(clustered());
        start.floor = Floor { input: Some(id("s-ede")), voting: true };
        let snapshot = (seen == 0).then(|| Box::new(start));
        let tail = self.log.iter().filter(|e| e.seq > seen).cloned().collect();
        ServerFrame::Welcome { role: Role::Participant, you: 2, acked: self.acked, snapshot_seq: 0, snapshot, tail }
    }

    /// Handles one frame of the participant, as the server does: once per `cseq`.
    fn handle(&mut self, frame: ClientFrame) -> Option<ServerFrame> {
        let ClientFrame::Submit { cseq, op } = frame else { return None };
        if cseq <= self.acked {
            return None;
        }
        self.acked = cseq;
        Some(match self.live.submit(Role::Participant, 2, op.clone()) {
            Ok(_) => {
                let seq = self.log.len() as u64 + 1;
                let entry = Entry { seq, author: 2, cseq, op };
                self.log.push(entry.clone());
                ServerFrame::Confirmed(entry)
            }
            Err(reason) => ServerFrame::Refused { cseq, reason },
        })
    }
}

fn card(cid: &str, text: &str) -> Op {
    Op::Act(Action::AddCard { id: id(cid), source: id("s-ede"), group: None, text: text.into() })
}

/// Connects `client`: hello, welcome, and every resent frame through the server.
fn connect(client: &mut Client, server: &mut Server) {
    let ClientFrame::Hello { seen, .. } = client.hello() else { panic!("the first frame is hello") };
    let Next::Send(frames) = client.receive(server.welcome(seen)) else { panic!("a welcome is taken in") };
    for f in frames {
        if let Some(answer) = server.handle(f) {
            client.receive(answer);
        }
    }
}

#[test]
fn steps_taken_offline_are_shown_kept_and_sent_once_on_reconnect() {
    let mut server = Server::new();
    let mut phone = Client::new("K7XM3P", None, "dev-1".into(), None);
    connect(&mut phone, &mut server);
    phone.disconnected();
    // Offline: nothing to send now, but the card is on the screen and in what is kept.
    assert_eq!(phone.submit(card("k-a", "Dichtbij")).unwrap(), None);
    assert!(phone.view().cards_of(2).any(|c| c.id == id("k-a")));
    assert_eq!(phone.waiting(), 1);
    let kept = phone.saved();
    assert_eq!(kept.pending.len(), 1);

    // The page is reloaded: a new client from what was kept, the same member.
    let kept: Saved = serde_json::from_str(&serde_json::to_string(&kept).unwrap()).unwrap();
    let mut reloaded = Client::new("K7XM3P", None, "dev-other".into(), Some(kept));
    assert_eq!(reloaded.client, "dev-1", "a reload is the same member");
    assert!(reloaded.view().workshop.cards.iter().any(|c| c.id == id("k-a")), "shown before the room answers");
    connect(&mut reloaded, &mut server);
    assert_eq!(reloaded.waiting(), 0);
    assert_eq!(reloaded.view(), server.live, "the device holds the room's state");
    assert_eq!(server.log.iter().filter(|e| e.author == 2).count(), 1);

    // Resending what the room already handled changes nothing (it answers nothing).
    assert_eq!(server.handle(ClientFrame::Submit { cseq: 1, op: card("k-a", "Dichtbij") }), None);
}

#[test]
fn after_a_reconnect_only_what_the_room_has_not_handled_is_sent_again() {
    let mut server = Server::new();
    let mut phone = Client::new("K7XM3P", None, "dev-1".into(), None);
    connect(&mut phone, &mut server);
    let first = phone.submit(card("k-a", "Een")).unwrap().expect("sent at once while connected");
    let second = phone.submit(card("k-b", "Twee")).unwrap().expect("sent at once while connected");
    // The room handled the first; the connection dropped before either answer arrived.
    server.handle(first);
    drop(second);
    phone.disconnected();
    let ClientFrame::Hello { seen, .. } = phone.hello() else { panic!() };
    let Next::Send(frames) = phone.receive(server.welcome(seen)) else { panic!() };
    assert_eq!(frames.len(), 1, "only the second is sent again");
    assert!(matches!(&frames[0], ClientFrame::Submit { cseq: 2, .. }));
    for f in frames {
        let answer = server.handle(f).unwrap();
        phone.receive(answer);
    }
    assert_eq!(phone.view(), server.live);
    // New steps never reuse a number the room has seen.
    let ClientFrame::Submit { cseq, .. } = phone.submit(card("k-c", "Drie")).unwrap().unwrap() else { panic!() };
    assert_eq!(cseq, 3);
}

#[test]
fn what_the_room_refuses_after_a_reconnect_is_listed_for_the_user() {
    let mut server = Server::new();
    let mut phone = Client::new("K7XM3P", None, "dev-1".into(), None);
    connect(&mut phone, &mut server);
    phone.disconnected();
    phone.submit(card("k-a", "Geschreven in de trein")).unwrap();
    // Meanwhile the facilitator closes writing.
    server.facilitator(Op::Floor(Floor { input: None, voting: true }));
    connect(&mut phone, &mut server);
    assert_eq!(phone.waiting(), 0);
    assert_eq!(phone.refused.len(), 1);
    assert_eq!(phone.refused[0].1, Refusal::WritingClosed);
    assert!(phone.view().workshop.cards.iter().all(|c| c.id != id("k-a")), "a refused card is not shown");
    phone.dismiss();
    assert!(phone.refused.is_empty());
}

#[test]
fn a_step_the_room_would_refuse_is_refused_on_the_device_and_not_queued() {
    let mut server = Server::new();
    let mut phone = Client::new("K7XM3P", None, "dev-1".into(), None);
    connect(&mut phone, &mut server);
    let not_mine = Op::Act(Action::EditCard { id: id("k-1"), text: "Anders".into(), group: None });
    assert_eq!(phone.submit(not_mine), Err(Refusal::NotYours));
    let empty = card("k-e", "   ");
    assert_eq!(phone.submit(empty), Err(Refusal::Domain(DomainError::Empty(Field::Card))));
    assert_eq!(phone.waiting(), 0);
    assert_eq!(phone.saved().cseq, 0, "no number used up");
}

#[test]
fn a_missed_entry_asks_for_a_rejoin_and_a_closed_room_stops_trying() {
    let mut server = Server::new();
    let mut phone = Client::new("K7XM3P", None, "dev-1".into(), None);
    connect(&mut phone, &mut server);
    let entry = Entry { seq: 5, author: 1, cseq: 5, op: Op::Floor(Floor::default()) };
    assert_eq!(phone.receive(ServerFrame::Confirmed(entry)), Next::Rejoin);
    assert_eq!(phone.receive(ServerFrame::Problem { problem: Problem::Closed }), Next::Problem { stop: true });
    assert!(!phone.joined);
    assert_eq!(phone.receive(ServerFrame::Problem { problem: Problem::TooManyJoins }), Next::Problem { stop: false });
}

#[test]
fn a_typed_room_code_is_read_the_way_the_server_reads_it() {
    assert_eq!(normalise_code(" k7x-m3p ").as_deref(), Some("K7XM3P"));
    assert_eq!(normalise_code("K7XM3"), None);
    assert_eq!(normalise_code("K7XM3O"), None, "O is not in the alphabet: it looks like 0");
}

#[test]
fn a_participant_sees_their_own_cards_voter_and_dots() {
    let mut server = Server::new();
    let mut phone = Client::new("K7XM3P", None, "dev-1".into(), None);
    connect(&mut phone, &mut server);
    for op in [card("k-a", "Een"), Op::Act(Action::AddVoter { id: id("v-a"), name: "Anoniem".into() })] {
        let f = phone.submit(op).unwrap().unwrap();
        let answer = server.handle(f).unwrap();
        phone.receive(answer);
    }
    let cast = Op::Act(Action::CastDot { voter: id("v-a"), cluster: id("c-norm") });
    let f = phone.submit(cast).unwrap().unwrap();
    phone.receive(server.handle(f).unwrap());
    let view = phone.view();
    assert_eq!(view.cards_of(2).map(|c| c.id.to_string()).collect::<Vec<_>>(), ["k-a"]);
    assert_eq!(view.voter_of(2), Some(&id("v-a")));
    assert_eq!(view.dots_on(&id("v-a"), &id("c-norm")), 1);
    assert_eq!(view.dots_on(&id("v-a"), &id("c-prev")), 0);
}
