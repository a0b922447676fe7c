//! A participant's seat in a live room: the server's view for one participant, the steps a
//! participant sends (the same arrays as the actions), the page's prediction of its own steps
//! held to what the room really does, and the device's queue and reconciliation.

mod common;

use common::id;
use leidraad::live::*;
use leidraad::workshop::*;

const FAC: Author = 1;
const ANNA: Author = 2;
const BRAM: Author = 3;

/// A room on the clustered board with writing open under `s-ede` and voting open (three dots,
/// at most one per cluster); Bram has written `k-bram` and voted once as `v-3`.
fn room() -> Live {
    let mut live = Live::new(common::clustered());
    let rules = Action::SetVoteRules { dots_per_voter: 3, max_per_cluster: 1 };
    live.submit(Role::Facilitator, FAC, Op::Act(rules)).unwrap();
    live.submit(Role::Facilitator, FAC, Op::Floor(Floor { input: Some(id("s-ede")), voting: true })).unwrap();
    let card = Action::AddCard { id: id("k-bram"), source: id("s-ede"), group: None, text: "Van Bram".into() };
    live.submit(Role::Participant, BRAM, Op::Act(card)).unwrap();
    live.submit(Role::Participant, BRAM, Op::Act(Action::AddVoter { id: id("v-3"), name: "Bram".into() })).unwrap();
    let cluster = live.workshop.clusters[0].id.clone();
    live.submit(Role::Participant, BRAM, Op::Act(Action::CastDot { voter: id("v-3"), cluster })).unwrap();
    live
}

/// One step of every kind a participant takes.
fn samples() -> Vec<SeatStep> {
    let (v, c) = (id("v-2"), id("c-1"));
    vec![
        SeatStep::AddCard { id: id("k-a1"), source: id("s-ede"), group: Some(id("g-inw")), text: "Dichtbij".into() },
        SeatStep::EditCard { id: id("k-a1"), text: "Nog dichterbij".into(), group: None },
        SeatStep::RemoveCard { id: id("k-a1") },
        SeatStep::AddVoter { id: v.clone(), name: "Anna".into() },
        SeatStep::SetVoterGroup { voter: v.clone(), group: Some(id("g-inw")) },
        SeatStep::CastDot { voter: v.clone(), cluster: c.clone() },
        SeatStep::WithdrawDot { voter: v.clone(), cluster: c.clone() },
        SeatStep::Recognise { voter: v, cluster: c, level: Some(Recognition::Strong) },
    ]
}

#[test]
fn a_participants_step_is_written_as_the_very_action_of_its_name() {
    let samples = samples();
    assert_eq!(samples.len(), wire::SEAT_STEPS.len(), "a sample of every kind");
    for step in samples {
        let action = Action::from(step.clone());
        let text = serde_json::to_string(&step).unwrap();
        assert_eq!(text, serde_json::to_string(&action).unwrap());
        assert_eq!(serde_json::from_str::<Action>(&text).unwrap(), action);
        assert_eq!(serde_json::from_str::<SeatStep>(&text).unwrap(), step);
        assert_eq!(Some(step.stage()), action.stage(), "{text}: locked with its action");
        assert!(wire::NAMES.contains(&text[2..].split('"').next().unwrap()));
    }
}

#[test]
fn the_participant_pages_frames_are_the_rooms_frames() {
    let mut seated = Seated::new("K7XM3P", "dev-anna".into(), None);
    let hello: ClientFrame = serde_json::from_str(&seated.hello()).unwrap();
    assert_eq!(hello, ClientFrame::Hello { room: "K7XM3P".into(), key: None, client: "dev-anna".into(), seen: 0 });
    seated.receive(&serde_json::to_string(&ToSeat::Seat(Box::new(room().seat(ANNA, 0)))).unwrap());
    let step = samples().remove(0);
    let sent = seated.submit(step.clone()).unwrap().expect("sent at once");
    let submit: ClientFrame = serde_json::from_str(&sent).unwrap();
    assert_eq!(submit, ClientFrame::Submit { cseq: 1, op: Op::Act(step.into()) });
    // What the room writes to everyone is read by the participant page too.
    for frame in [
        ServerFrame::Refused { cseq: 1, reason: Refusal::Domain(DomainError::MaxPerCluster(1)) },
        ServerFrame::Refused { cseq: 1, reason: Refusal::Locked(Stage::Collect) },
        ServerFrame::Problem { problem: Problem::Closed },
    ] {
        let text = serde_json::to_string(&frame).unwrap();
        let read = serde_json::from_str::<ToSeat>(&text).unwrap();
        match (read, frame) {
            (ToSeat::Refused { cseq, reason }, ServerFrame::Refused { cseq: c, reason: r }) => {
                assert_eq!((cseq, reason), (c, r))
            }
            (ToSeat::Problem { problem }, ServerFrame::Problem { problem: p }) => assert_eq!(problem, p),
            other => panic!("{other:?}"),
        }
    }
}

/// The name a frame to a participant is written under. A match without `_`: a new kind does not
/// compile until it is named here, and the test below fails until it has a sample.
fn to_seat_kind(frame: &ToSeat) -> &'static str {
    match frame {
        ToSeat::Seat(_) => "seat",
        ToSeat::Refused { .. } => "refused",
        ToSeat::Problem { .. } => "problem",
    }
}

#[test]
fn every_kind_of_frame_to_a_participant_reads_back_the_same_by_the_hand_written_reader() {
    let mut voting = room();
    voting.workshop.voting.revealed = true;
    let samples = [
        ToSeat::Seat(Box::new(room().seat(ANNA, 0))),
        ToSeat::Seat(Box::new(voting.seat(BRAM, 3))),
        ToSeat::Seat(Box::default()),
        ToSeat::Refused { cseq: 2, reason: Refusal::Domain(DomainError::NoDotsLeft) },
        ToSeat::Problem { problem: Problem::UnknownRoom },
    ];
    let kinds = common::round_trip_kinds(samples, to_seat_kind);
    assert_eq!(kinds, wire::TO_SEAT, "a kind of frame without a sample that round-trips");
    for bad in [r#"{}"#, r#"{"welcome":{}}"#, r#"{"seat":{"you":1}}"#, r#"{"problem":{"problem":"flood"},"seat":{}}"#] {
        assert!(serde_json::from_str::<ToSeat>(bad).is_err(), "{bad}");
    }
    // What a phone kept: only its room and id are required; its queue and seat read back.
    let kept: SeatKept = serde_json::from_str(r#"{"room":"K7XM3P","client":"dev-1"}"#).unwrap();
    assert_eq!(kept, SeatKept { room: "K7XM3P".into(), client: "dev-1".into(), ..SeatKept::default() });
    let mut seated = Seated::new("K7XM3P", "dev-1".into(), None);
    seated.receive(&serde_json::to_string(&ToSeat::Seat(Box::new(room().seat(ANNA, 0)))).unwrap());
    seated.disconnected();
    seated.submit(samples_first()).unwrap();
    let kept = seated.kept();
    assert_eq!(serde_json::from_str::<SeatKept>(&serde_json::to_string(&kept).unwrap()).unwrap(), kept);
}

fn samples_first() -> SeatStep {
    samples().remove(0)
}

#[test]
fn a_rooms_stored_steps_keep_their_form() {
    // Rooms store each step as JSON in their log: the form must not change.
    let act = r#"{"act":["AddCard","k-a1","s-ede",null,"Dichtbij"]}"#;
    let op: Op = serde_json::from_str(act).unwrap();
    assert_eq!(
        op,
        Op::Act(Action::AddCard { id: id("k-a1"), source: id("s-ede"), group: None, text: "Dichtbij".into() })
    );
    assert_eq!(serde_json::to_string(&op).unwrap(), act);
    let floor = r#"{"floor":{"input":"s-ede","voting":true}}"#;
    let op: Op = serde_json::from_str(floor).unwrap();
    assert_eq!(op, Op::Floor(Floor { input: Some(id("s-ede")), voting: true }));
    assert_eq!(serde_json::to_string(&op).unwrap(), floor);
    for bad in [r#"{}"#, r#"{"nope":1}"#, r#"{"act":["Reopen"],"floor":{}}"#, r#"["act"]"#] {
        assert!(serde_json::from_str::<Op>(bad).is_err(), "{bad}");
    }
}

#[test]
fn every_refusal_travels_and_comes_back_the_same() {
    let refusals = [
        Refusal::Domain(DomainError::Empty(Field::Card)),
        Refusal::Domain(DomainError::TooLong { field: Field::Card, max: 200 }),
        Refusal::Domain(DomainError::OutOfRange { what: Field::Voter, min: 1, max: 9 }),
        Refusal::Domain(DomainError::Locked(Stage::Reduce)),
        Refusal::Domain(DomainError::NoDotsLeft),
        Refusal::NotYourRole,
        Refusal::Locked(Stage::Collect),
        Refusal::NotYours,
        Refusal::WritingClosed,
        Refusal::VotingClosed,
        Refusal::TooFast,
    ];
    for r in refusals {
        let text = serde_json::to_string(&r).unwrap();
        assert_eq!(serde_json::from_str::<Refusal>(&text).unwrap(), r, "{text}");
    }
    assert_eq!(serde_json::to_string(&Refusal::Locked(Stage::Collect)).unwrap(), r#"["Locked","collect"]"#);
}

/// The seat's prediction of a step agrees with the room: the same refusal, or the same seat as
/// the room then makes.
fn agrees(live: &mut Live, author: Author, step: SeatStep) -> Result<(), Refusal> {
    let mut seat = live.seat(author, 0);
    let predicted = seat.apply(&step);
    let real = live.submit(Role::Participant, author, Op::Act(step.clone().into())).map(|_| ());
    assert_eq!(predicted, real, "{step:?}");
    assert_eq!(seat, live.seat(author, 0), "{step:?}: the seat shows what the room holds");
    real
}

#[test]
fn the_seat_predicts_what_the_room_does_with_a_participants_steps() {
    let mut live = room();
    let c1 = live.workshop.clusters[0].id.clone();
    let c2 = live.workshop.clusters[1].id.clone();
    let v = id("v-2");
    let add = |k: &str, source: &str, text: &str| SeatStep::AddCard {
        id: id(k),
        source: id(source),
        group: Some(id("g-inw")),
        text: text.into(),
    };
    // Cards: under the open source only, not empty, one's own only.
    assert_eq!(agrees(&mut live, ANNA, add("k-a1", "s-ede", "Dichtbij")), Ok(()));
    assert_eq!(agrees(&mut live, ANNA, add("k-a2", "s-casus", "Elders")), Err(Refusal::WritingClosed));
    assert!(matches!(agrees(&mut live, ANNA, add("k-a3", "s-ede", "  ")), Err(Refusal::Domain(DomainError::Empty(_)))));
    let edit = SeatStep::EditCard { id: id("k-a1"), text: "Nog dichterbij".into(), group: None };
    assert_eq!(agrees(&mut live, ANNA, edit), Ok(()));
    let other = SeatStep::EditCard { id: id("k-bram"), text: "Van Anna".into(), group: None };
    assert_eq!(agrees(&mut live, ANNA, other), Err(Refusal::NotYours));
    // Dots: as oneself only, within the rules.
    let cast = |c: &Id| SeatStep::CastDot { voter: v.clone(), cluster: c.clone() };
    assert_eq!(agrees(&mut live, ANNA, cast(&c1)), Err(Refusal::NotYours), "not a voter yet");
    assert_eq!(agrees(&mut live, ANNA, SeatStep::AddVoter { id: v.clone(), name: "Anna".into() }), Ok(()));
    let again = SeatStep::AddVoter { id: id("v-22"), name: "Anna".into() };
    assert_eq!(agrees(&mut live, ANNA, again), Err(Refusal::NotYours), "one voter per member");
    assert_eq!(agrees(&mut live, ANNA, cast(&c1)), Ok(()));
    assert_eq!(agrees(&mut live, ANNA, cast(&c1)), Err(Refusal::Domain(DomainError::MaxPerCluster(1))));
    let withdraw = |c: &Id| SeatStep::WithdrawDot { voter: v.clone(), cluster: c.clone() };
    assert_eq!(agrees(&mut live, ANNA, withdraw(&c2)), Err(Refusal::Domain(DomainError::NoDotToWithdraw)));
    let mark = SeatStep::Recognise { voter: v.clone(), cluster: c2.clone(), level: Some(Recognition::Little) };
    assert_eq!(agrees(&mut live, ANNA, mark), Ok(()));
    let group = SeatStep::SetVoterGroup { voter: v.clone(), group: Some(id("g-inw")) };
    assert_eq!(agrees(&mut live, ANNA, group), Ok(()));
    let bram = SeatStep::CastDot { voter: id("v-3"), cluster: c2.clone() };
    assert_eq!(agrees(&mut live, ANNA, bram), Err(Refusal::NotYours));
    // Until the dots run out.
    let mut refused = None;
    for c in live.workshop.clusters.clone().iter().cycle().take(20) {
        if let Err(r) = agrees(&mut live, ANNA, cast(&c.id)) {
            if r == Refusal::Domain(DomainError::NoDotsLeft) {
                refused = Some(r);
                break;
            }
        }
    }
    assert_eq!(refused, Some(Refusal::Domain(DomainError::NoDotsLeft)));
    assert_eq!(live.seat(ANNA, 0).left(), 0);
    // Revealed: the totals show, and one's own dots change them at once.
    live.submit(Role::Facilitator, FAC, Op::Act(Action::RevealVotes { revealed: true })).unwrap();
    assert!(live.seat(ANNA, 0).clusters.iter().any(|r| r.total > r.mine), "Bram's dot counts");
    assert_eq!(agrees(&mut live, ANNA, withdraw(&c1)), Ok(()));
    // Locks and a closed floor.
    live.submit(Role::Facilitator, FAC, Op::Act(Action::SetLock { stage: Stage::Collect, locked: true })).unwrap();
    assert_eq!(agrees(&mut live, ANNA, add("k-a4", "s-ede", "Te laat")), Err(Refusal::Locked(Stage::Collect)));
    live.submit(Role::Facilitator, FAC, Op::Floor(Floor::default())).unwrap();
    assert_eq!(agrees(&mut live, ANNA, cast(&c1)), Err(Refusal::VotingClosed));
    assert_eq!(agrees(&mut live, ANNA, SeatStep::RemoveCard { id: id("k-a1") }), Err(Refusal::Locked(Stage::Collect)));
}

#[test]
fn a_seat_shows_only_what_the_participant_page_shows() {
    let live = room();
    let anna = live.seat(ANNA, 7);
    assert_eq!((anna.you, anna.acked), (ANNA, 7));
    assert!(anna.cards.is_empty(), "Bram's card is not Anna's");
    assert_eq!(anna.writing.as_ref().map(|s| s.id.clone()), Some(id("s-ede")));
    assert_eq!(anna.clusters.len(), live.workshop.clusters.len());
    assert!(anna.clusters.iter().all(|r| r.total == 0), "totals hidden until revealed");
    let bram = live.seat(BRAM, 0);
    assert_eq!(bram.cards.len(), 1);
    assert_eq!(bram.clusters.iter().map(|r| r.mine).sum::<u32>(), 1);
    // Voting closed: no clusters at all.
    let mut closed = live.clone();
    closed.submit(Role::Facilitator, FAC, Op::Floor(Floor { input: None, voting: false })).unwrap();
    let seat = closed.seat(BRAM, 0);
    assert!(seat.clusters.is_empty() && seat.writing.is_none() && seat.cards.len() == 1);
}

#[test]
fn a_device_shows_its_steps_at_once_queues_them_offline_and_reconciles_with_the_room() {
    let mut live = room();
    let seat = |live: &Live, acked| serde_json::to_string(&ToSeat::Seat(Box::new(live.seat(ANNA, acked)))).unwrap();
    let mut phone = Seated::new("K7XM3P", "dev-anna".into(), None);
    assert_eq!(phone.submit(samples().remove(0)), Err(Refusal::WritingClosed), "nothing to write under yet");
    assert_eq!(phone.receive(&seat(&live, 0)), Heard::Send(vec![]));
    assert!(phone.joined);
    let add = |k: &str| SeatStep::AddCard { id: id(k), source: id("s-ede"), group: None, text: format!("Kaart {k}") };
    assert!(phone.submit(add("k-a1")).unwrap().is_some());
    assert_eq!(phone.view().unwrap().cards.len(), 1, "shown at once");
    // Offline: queued, shown, kept on the device.
    phone.disconnected();
    assert_eq!(phone.submit(add("k-a2")).unwrap(), None);
    assert_eq!(phone.waiting(), 2);
    let kept = serde_json::to_string(&phone.kept()).unwrap();
    let mut phone = Seated::new("K7XM3P", String::new(), Some(serde_json::from_str(&kept).unwrap()));
    assert_eq!(phone.view().unwrap().cards.len(), 2, "still shown after a reload");
    // The room had confirmed the first before the drop: the next seat says so, and only the
    // second is sent again.
    live.submit(Role::Participant, ANNA, Op::Act(add("k-a1").into())).unwrap();
    let Heard::Send(again) = phone.receive(&seat(&live, 1)) else { panic!() };
    assert_eq!(again.len(), 1);
    assert_eq!(
        serde_json::from_str::<ClientFrame>(&again[0]).unwrap(),
        ClientFrame::Submit { cseq: 2, op: Op::Act(add("k-a2").into()) }
    );
    // A refusal drops it and says why; the next seat holds only what the room has.
    let refused = ServerFrame::Refused { cseq: 2, reason: Refusal::Locked(Stage::Collect) };
    phone.receive(&serde_json::to_string(&refused).unwrap());
    assert_eq!(phone.refused, vec![Refusal::Locked(Stage::Collect)]);
    phone.receive(&seat(&live, 2));
    assert_eq!(phone.waiting(), 0);
    assert_eq!(phone.view(), Some(live.seat(ANNA, 2)));
    // A new step never reuses a cseq the room has handled.
    let sent = phone.submit(add("k-a3")).unwrap().unwrap();
    assert!(sent.contains(r#""cseq":3"#), "{sent}");
    // The room closed: stop.
    let closed = serde_json::to_string(&ServerFrame::Problem { problem: Problem::Closed }).unwrap();
    assert_eq!(phone.receive(&closed), Heard::Problem { stop: true });
    assert!(!phone.joined);
}
