//! The live room's protocol: who may do what (the role check), the frames as JSON, and a
//! client's replica that shows its own steps at once and ends up equal to the server's.

mod common;

use common::*;
use leidraad::live::*;
use leidraad::workshop::*;
use proptest::prelude::*;

const FAC: Author = 1;
const ANNA: Author = 2;
const BRAM: Author = 3;

/// A room on the collected board, with writing open under `s-ede` and voting open; Anna (2)
/// has written `k-anna` there and is voter `v-2`.
fn room() -> Live {
    let mut live = Live::new(clustered());
    live.submit(Role::Facilitator, FAC, Op::Floor(Floor { input: Some(id("s-ede")), voting: true })).unwrap();
    live.submit(Role::Participant, ANNA, add_card("k-anna", "s-ede")).unwrap();
    live.submit(Role::Participant, ANNA, act(Action::AddVoter { id: id("v-2"), name: "Anna".into() })).unwrap();
    live
}

fn act(action: Action) -> Op {
    Op::Act(action)
}

fn add_card(card: &str, source: &str) -> Op {
    act(Action::AddCard { id: id(card), source: id(source), group: Some(id("g-inw")), text: "Dichtbij".into() })
}

/// Submits and checks the refusal changed nothing.
fn refused_as(live: &mut Live, role: Role, author: Author, op: Op) -> Refusal {
    let before = live.clone();
    let refusal = live.submit(role, author, op).expect_err("should be refused");
    assert_eq!(*live, before, "a refused step changes nothing");
    refusal
}

#[test]
fn a_participant_writes_and_changes_only_their_own_cards_under_the_open_source() {
    let mut live = room();
    assert_eq!(live.owners.get(&id("k-anna")), Some(&ANNA));
    let edit = |card: &str| act(Action::EditCard { id: id(card), text: "Nabij".into(), group: None });
    live.submit(Role::Participant, ANNA, edit("k-anna")).unwrap();
    assert_eq!(refused_as(&mut live, Role::Participant, BRAM, edit("k-anna")), Refusal::NotYours);
    assert_eq!(refused_as(&mut live, Role::Participant, ANNA, edit("k-1")), Refusal::NotYours);
    let remove = |card: &str| act(Action::RemoveCard { id: id(card) });
    assert_eq!(refused_as(&mut live, Role::Participant, BRAM, remove("k-anna")), Refusal::NotYours);
    // Not under the source opened for writing.
    assert_eq!(refused_as(&mut live, Role::Participant, BRAM, add_card("k-x", "s-casus")), Refusal::WritingClosed);
    live.submit(Role::Participant, ANNA, remove("k-anna")).unwrap();
    assert!(live.workshop.cards.iter().all(|c| c.id != id("k-anna")));
}

#[test]
fn closing_writing_stops_participants_adding_editing_and_deleting() {
    let mut live = room();
    live.submit(Role::Facilitator, FAC, Op::Floor(Floor { input: None, voting: true })).unwrap();
    assert_eq!(refused_as(&mut live, Role::Participant, ANNA, add_card("k-y", "s-ede")), Refusal::WritingClosed);
    let edit = act(Action::EditCard { id: id("k-anna"), text: "Later".into(), group: None });
    assert_eq!(refused_as(&mut live, Role::Participant, ANNA, edit), Refusal::WritingClosed);
    // A table still writes wherever it likes.
    live.submit(Role::Table, BRAM, add_card("k-t", "s-casus")).unwrap();
}

#[test]
fn a_participant_casts_only_their_own_dots_and_only_while_voting_is_open() {
    let mut live = room();
    let cast = |voter: &str| act(Action::CastDot { voter: id(voter), cluster: id("c-norm") });
    live.submit(Role::Participant, ANNA, cast("v-2")).unwrap();
    assert_eq!(live.workshop.voting.dots_on(&id("c-norm")), 1);
    assert_eq!(refused_as(&mut live, Role::Participant, BRAM, cast("v-2")), Refusal::NotYours);
    assert_eq!(refused_as(&mut live, Role::Participant, ANNA, cast("v-anna")), Refusal::NotYours);
    // One voter per participant.
    let again = act(Action::AddVoter { id: id("v-2b"), name: "Anna".into() });
    assert_eq!(refused_as(&mut live, Role::Participant, ANNA, again), Refusal::NotYours);
    live.submit(Role::Facilitator, FAC, Op::Floor(Floor { input: None, voting: false })).unwrap();
    assert_eq!(refused_as(&mut live, Role::Participant, ANNA, cast("v-2")), Refusal::VotingClosed);
    let withdraw = act(Action::WithdrawDot { voter: id("v-2"), cluster: id("c-norm") });
    assert_eq!(refused_as(&mut live, Role::Participant, ANNA, withdraw), Refusal::VotingClosed);
    let join = act(Action::AddVoter { id: id("v-3"), name: "Bram".into() });
    assert_eq!(refused_as(&mut live, Role::Participant, BRAM, join), Refusal::VotingClosed);
}

#[test]
fn the_domain_still_refuses_what_it_refuses_on_one_laptop() {
    let mut live = room();
    live.submit(Role::Facilitator, FAC, act(Action::SetVoteRules { dots_per_voter: 2, max_per_cluster: 1 })).unwrap();
    let cast = |cluster: &str| act(Action::CastDot { voter: id("v-2"), cluster: id(cluster) });
    live.submit(Role::Participant, ANNA, cast("c-norm")).unwrap();
    assert_eq!(
        refused_as(&mut live, Role::Participant, ANNA, cast("c-norm")),
        Refusal::Domain(DomainError::MaxPerCluster(1))
    );
    let empty = act(Action::AddCard { id: id("k-e"), source: id("s-ede"), group: None, text: "  ".into() });
    assert_eq!(refused_as(&mut live, Role::Participant, ANNA, empty), Refusal::Domain(DomainError::Empty(Field::Card)));
}

#[test]
fn participants_and_tables_may_not_lock_reveal_finalise_or_replace() {
    let mut live = room();
    let facilitator_only = [
        act(Action::SetLock { stage: Stage::Collect, locked: true }),
        act(Action::RevealVotes { revealed: true }),
        act(Action::Finalise { reason: Some("Zo".into()) }),
        act(Action::Reopen),
        act(Action::Replace { workshop: Box::new(Workshop::default().checked().expect("an empty workshop is valid")) }),
        act(Action::Merge { other: Box::default() }),
    ];
    for op in facilitator_only {
        assert_eq!(refused_as(&mut live, Role::Table, BRAM, op.clone()), Refusal::NotYourRole, "{op:?}");
        assert_eq!(refused_as(&mut live, Role::Participant, ANNA, op), Refusal::NotYourRole);
    }
    let floor = Op::Floor(Floor::default());
    assert_eq!(refused_as(&mut live, Role::Table, BRAM, floor.clone()), Refusal::NotYourRole);
    assert_eq!(refused_as(&mut live, Role::Participant, ANNA, floor), Refusal::NotYourRole);
    // What a table does at its laptop, a participant may not.
    let cluster = act(Action::CreateCluster { id: id("c-new"), name: "Nieuw".into() });
    assert_eq!(refused_as(&mut live, Role::Participant, ANNA, cluster.clone()), Refusal::NotYourRole);
    live.submit(Role::Table, BRAM, cluster).unwrap();
    live.submit(Role::Facilitator, FAC, act(Action::RevealVotes { revealed: true })).unwrap();
    assert!(live.workshop.voting.revealed);
}

#[test]
fn a_locked_step_is_refused_for_everyone_but_the_facilitator_who_unlocks_it() {
    let mut live = room();
    live.submit(Role::Facilitator, FAC, act(Action::SetLock { stage: Stage::Collect, locked: true })).unwrap();
    assert_eq!(
        refused_as(&mut live, Role::Participant, ANNA, add_card("k-z", "s-ede")),
        Refusal::Locked(Stage::Collect)
    );
    assert_eq!(refused_as(&mut live, Role::Table, BRAM, add_card("k-z", "s-ede")), Refusal::Locked(Stage::Collect));
    let unlock = act(Action::SetLock { stage: Stage::Collect, locked: false });
    assert_eq!(refused_as(&mut live, Role::Table, BRAM, unlock.clone()), Refusal::NotYourRole);
    // The facilitator is held by the lock too (as on one laptop), and may lift it.
    assert_eq!(
        refused_as(&mut live, Role::Facilitator, FAC, add_card("k-z", "s-ede")),
        Refusal::Domain(DomainError::Locked(Stage::Collect))
    );
    live.submit(Role::Facilitator, FAC, unlock).unwrap();
    live.submit(Role::Participant, ANNA, add_card("k-z", "s-ede")).unwrap();
}

#[test]
fn opening_a_source_that_does_not_exist_is_refused() {
    let mut live = room();
    let floor = Op::Floor(Floor { input: Some(id("s-weg")), voting: false });
    assert_eq!(
        refused_as(&mut live, Role::Facilitator, FAC, floor),
        Refusal::Domain(DomainError::NotFound(Field::Source))
    );
}

#[test]
fn frames_are_small_tagged_json_and_read_back_the_same() {
    let hello: ClientFrame = serde_json::from_str(r#"{"t":"hello","room":"K7XM3P","client":"c-1"}"#).unwrap();
    assert_eq!(hello, ClientFrame::Hello { room: "K7XM3P".into(), key: None, client: "c-1".into(), seen: 0 });
    let submit = ClientFrame::Submit { cseq: 7, op: add_card("k-9", "s-ede") };
    let text = serde_json::to_string(&submit).unwrap();
    assert!(text.starts_with(r#"{"t":"submit","cseq":7,"op":{"act":{"AddCard":"#), "{text}");
    assert_eq!(serde_json::from_str::<ClientFrame>(&text).unwrap(), submit);
    let refused = ServerFrame::Refused { cseq: 3, reason: Refusal::Domain(DomainError::NoDotsLeft) };
    let text = serde_json::to_string(&refused).unwrap();
    assert_eq!(text, r#"{"t":"refused","cseq":3,"reason":{"domain":"NoDotsLeft"}}"#);
    assert_eq!(serde_json::from_str::<ServerFrame>(&text).unwrap(), refused);
    let entry = ServerFrame::Confirmed(Entry { seq: 4, author: 2, cseq: 9, op: Op::Floor(Floor::default()) });
    let text = serde_json::to_string(&entry).unwrap();
    assert_eq!(serde_json::from_str::<ServerFrame>(&text).unwrap(), entry);
    let problem = ServerFrame::Problem { problem: Problem::WrongKey };
    assert_eq!(serde_json::to_string(&problem).unwrap(), r#"{"t":"problem","problem":"wrong_key"}"#);
}

#[test]
fn malformed_frames_are_errors_not_panics() {
    for text in [
        "",
        "null",
        "[]",
        r#"{"t":"hello"}"#,
        r#"{"t":"nope"}"#,
        r#"{"t":"submit","cseq":-1,"op":{"act":"Reopen"}}"#,
        r#"{"t":"submit","cseq":1,"op":{"act":{"AddCard":{"id":"<b>","source":"s","group":null,"text":"x"}}}}"#,
    ] {
        assert!(serde_json::from_str::<ClientFrame>(text).is_err(), "{text}");
    }
}

#[test]
fn a_replica_shows_its_own_steps_at_once_and_matches_the_confirmed_order() {
    let mut server = room();
    let mut anna = Replica::default();
    anna.welcome(ANNA, 0, 0, Some(server.clone()), Vec::new());
    // Anna adds a card: on her screen at once, before the server has it.
    anna.pending.push((1, add_card("k-a2", "s-ede")));
    assert!(anna.view().workshop.cards.iter().any(|c| c.id == id("k-a2")));
    assert!(anna.confirmed.workshop.cards.iter().all(|c| c.id != id("k-a2")));
    // Meanwhile the facilitator's step is confirmed first; Anna's card comes after it.
    let mut log = Vec::new();
    for (seq, (author, role, cseq, op)) in (1..).zip([
        (FAC, Role::Facilitator, 1, act(Action::CreateCluster { id: id("c-f"), name: "Fac".into() })),
        (ANNA, Role::Participant, 1, add_card("k-a2", "s-ede")),
    ]) {
        server.submit(role, author, op.clone()).unwrap();
        log.push(Entry { seq, author, cseq, op });
    }
    assert!(anna.confirm(log[0].clone()));
    assert_eq!(anna.pending.len(), 1, "still waiting for her own step");
    assert!(anna.confirm(log[1].clone()));
    assert!(anna.pending.is_empty());
    assert_eq!(anna.confirmed, server);
    assert_eq!(anna.view(), server);
    // An entry held twice is skipped; a gap is reported.
    assert!(anna.confirm(log[1].clone()));
    assert!(!anna.confirm(Entry { seq: 9, ..log[1].clone() }));
    assert_eq!(anna.confirmed, server);
}

#[test]
fn a_late_joiner_gets_the_snapshot_and_the_tail() {
    let mut server = room();
    let snapshot = server.clone();
    let mut tail = Vec::new();
    for (i, card) in ["k-l1", "k-l2"].into_iter().enumerate() {
        server.submit(Role::Participant, ANNA, add_card(card, "s-ede")).unwrap();
        tail.push(Entry { seq: 10 + i as u64, author: ANNA, cseq: 5 + i as u64, op: add_card(card, "s-ede") });
    }
    let mut late = Replica { pending: vec![(1, add_card("k-mine", "s-ede"))], ..Replica::default() };
    late.welcome(BRAM, 1, 9, Some(snapshot), tail);
    assert_eq!(late.confirmed, server);
    assert_eq!(late.seq, 11);
    assert!(late.pending.is_empty(), "acked steps are not sent again");
}

fn participant_op() -> BoxedStrategy<Op> {
    let cards = proptest::sample::select(vec!["k-1", "k-anna", "k-new", "k-x"]);
    let sources = proptest::sample::select(vec!["s-ede", "s-casus"]);
    let voters = proptest::sample::select(vec!["v-2", "v-anna", "v-9"]);
    let clusters = proptest::sample::select(vec!["c-norm", "c-prev"]);
    prop_oneof![
        (cards.clone(), sources).prop_map(|(c, s)| add_card(c, s)),
        cards.clone().prop_map(|c| act(Action::EditCard { id: id(c), text: "Anders".into(), group: None })),
        cards.prop_map(|c| act(Action::RemoveCard { id: id(c) })),
        (voters.clone(), clusters.clone()).prop_map(|(v, c)| act(Action::CastDot { voter: id(v), cluster: id(c) })),
        (voters.clone(), clusters).prop_map(|(v, c)| act(Action::WithdrawDot { voter: id(v), cluster: id(c) })),
        voters.prop_map(|v| act(Action::AddVoter { id: id(v), name: "X".into() })),
        action().prop_map(Op::Act),
        any::<bool>().prop_map(|voting| Op::Floor(Floor { input: None, voting })),
    ]
    .boxed()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(128)))]

    /// Whatever a participant sends, the room changes only by their own cards and dots, and a
    /// refusal changes nothing.
    #[test]
    fn a_participant_changes_only_their_own_cards_and_dots(ops in proptest::collection::vec(participant_op(), 1..30)) {
        let mut live = room();
        for op in ops {
            let before = live.clone();
            match live.submit(Role::Participant, BRAM, op.clone()) {
                Err(_) => prop_assert_eq!(&live, &before),
                Ok(_) => {
                    let Op::Act(action) = op else { panic!("a participant changed the floor") };
                    let allowed = matches!(action, Action::AddCard { .. } | Action::EditCard { .. }
                        | Action::RemoveCard { .. } | Action::AddVoter { .. } | Action::CastDot { .. }
                        | Action::WithdrawDot { .. });
                    prop_assert!(allowed, "{:?}", action);
                    // Anna's card and dots are never touched by Bram.
                    prop_assert_eq!(
                        live.workshop.cards.iter().find(|c| c.id == id("k-anna")),
                        before.workshop.cards.iter().find(|c| c.id == id("k-anna"))
                    );
                    let dots = |l: &Live| l.workshop.voting.votes.iter().filter(|v| v.voter == id("v-2")).cloned().collect::<Vec<_>>();
                    prop_assert_eq!(dots(&live), dots(&before));
                }
            }
        }
    }
}
