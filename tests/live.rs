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
fn frames_are_small_json_named_by_their_one_field_and_read_back_the_same() {
    let hello: ClientFrame = serde_json::from_str(r#"{"hello":{"room":"K7XM3P","client":"c-1"}}"#).unwrap();
    assert_eq!(hello, ClientFrame::Hello { room: "K7XM3P".into(), key: None, client: "c-1".into(), seen: 0 });
    let submit = ClientFrame::Submit { cseq: 7, op: add_card("k-9", "s-ede") };
    let text = serde_json::to_string(&submit).unwrap();
    assert_eq!(text, r#"{"submit":{"cseq":7,"op":{"act":["AddCard","k-9","s-ede","g-inw","Dichtbij"]}}}"#);
    assert_eq!(serde_json::from_str::<ClientFrame>(&text).unwrap(), submit);
    let refused = ServerFrame::Refused { cseq: 3, reason: Refusal::Domain(DomainError::NoDotsLeft) };
    let text = serde_json::to_string(&refused).unwrap();
    assert_eq!(text, r#"{"refused":{"cseq":3,"reason":["Domain",["NoDotsLeft"]]}}"#);
    assert_eq!(serde_json::from_str::<ServerFrame>(&text).unwrap(), refused);
    let entry = ServerFrame::Confirmed(Entry { seq: 4, author: 2, cseq: 9, op: Op::Floor(Floor::default()) });
    let text = serde_json::to_string(&entry).unwrap();
    assert_eq!(serde_json::from_str::<ServerFrame>(&text).unwrap(), entry);
    let welcome = ServerFrame::Welcome {
        role: Role::Table,
        you: 4,
        acked: 2,
        snapshot_seq: 1,
        snapshot: Some(Box::new(room())),
        tail: vec![Entry { seq: 2, author: 1, cseq: 5, op: act(Action::Reopen) }],
    };
    let text = serde_json::to_string(&welcome).unwrap();
    assert!(text.starts_with(r#"{"welcome":{"role":"table","you":4,"#), "{text}");
    assert_eq!(serde_json::from_str::<ServerFrame>(&text).unwrap(), welcome);
    let problem = ServerFrame::Problem { problem: Problem::WrongKey };
    assert_eq!(serde_json::to_string(&problem).unwrap(), r#"{"problem":{"problem":"wrong_key"}}"#);
}

/// The name a frame from the server is written under. A match without `_`: a new kind of frame
/// does not compile until it is named here, and then the test below fails until it has a sample.
fn server_frame_kind(frame: &ServerFrame) -> &'static str {
    match frame {
        ServerFrame::Welcome { .. } => "welcome",
        ServerFrame::Confirmed(_) => "confirmed",
        ServerFrame::Refused { .. } => "refused",
        ServerFrame::Problem { .. } => "problem",
    }
}

#[test]
fn every_kind_of_server_frame_reads_back_the_same_by_the_hand_written_reader() {
    let entry = Entry { seq: 2, author: 1, cseq: 5, op: act(Action::Reopen) };
    let samples = [
        // With a snapshot and without (the member's `seen` was recent enough).
        ServerFrame::Welcome {
            role: Role::Facilitator,
            you: 1,
            acked: 0,
            snapshot_seq: 1,
            snapshot: Some(Box::new(room())),
            tail: vec![entry.clone()],
        },
        ServerFrame::Welcome {
            role: Role::Participant,
            you: 3,
            acked: 4,
            snapshot_seq: 0,
            snapshot: None,
            tail: vec![],
        },
        ServerFrame::Confirmed(entry),
        ServerFrame::Confirmed(Entry { seq: 3, author: 1, cseq: 6, op: Op::Floor(Floor::default()) }),
        ServerFrame::Refused { cseq: 1, reason: Refusal::TooFast },
        ServerFrame::Problem { problem: Problem::Flood },
    ];
    let kinds = common::round_trip_kinds(samples, server_frame_kind);
    assert_eq!(kinds, wire::SERVER_FRAMES, "a kind of frame without a sample that round-trips");
    // The welcome as the server writes it (its own struct, the snapshot as raw JSON) may leave
    // out an absent snapshot.
    let short = r#"{"welcome":{"role":"table","you":2,"acked":0,"snapshot_seq":0,"tail":[]}}"#;
    let read = serde_json::from_str::<ServerFrame>(short).unwrap();
    assert!(matches!(read, ServerFrame::Welcome { role: Role::Table, snapshot: None, .. }), "{read:?}");
    for bad in [
        r#"{}"#,
        r#"{"nope":{}}"#,
        r#"{"problem":{"problem":"flood"},"refused":{"cseq":1,"reason":["TooFast"]}}"#,
        r#"{"problem":{"problem":"nope"}}"#,
        r#"{"refused":{"cseq":1}}"#,
        r#"{"confirmed":{"seq":1,"author":1,"cseq":1}}"#,
        r#"{"welcome":{"role":"judge","you":2,"acked":0,"snapshot_seq":0,"tail":[]}}"#,
        r#"["problem","flood"]"#,
    ] {
        assert!(serde_json::from_str::<ServerFrame>(bad).is_err(), "{bad}");
    }
}

#[test]
fn every_role_and_problem_reads_back_by_its_name() {
    for role in [Role::Facilitator, Role::Table, Role::Participant] {
        let text = serde_json::to_string(&role).unwrap();
        assert_eq!(serde_json::from_str::<Role>(&text).unwrap(), role, "{text}");
    }
    use Problem::*;
    let all = [BadFrame, UnknownRoom, WrongKey, NotJoined, TooManyJoins, RoomFull, ServerFull, Flood, Closed];
    // A match without `_`: a new problem does not compile until it is in the list above.
    for problem in all {
        match problem {
            BadFrame | UnknownRoom | WrongKey | NotJoined | TooManyJoins | RoomFull | ServerFull | Flood | Closed => {}
        }
        let text = serde_json::to_string(&problem).unwrap();
        assert_eq!(serde_json::from_str::<Problem>(&text).unwrap(), problem, "{text}");
    }
    let e = serde_json::from_str::<Role>(r#""judge""#).expect_err("no such role");
    assert!(e.to_string().starts_with("unknown variant `judge`, expected one of `facilitator`"), "{e}");
}

#[test]
fn a_room_state_reads_back_with_its_optional_parts_left_out() {
    let live = room();
    let text = serde_json::to_string(&live).unwrap();
    assert_eq!(serde_json::from_str::<Live>(&text).unwrap(), live);
    // The form a room's snapshot may have without floor or owners: they read as their defaults.
    let bare = format!(r#"{{"workshop":{}}}"#, serde_json::to_string(&live.workshop).unwrap());
    assert_eq!(serde_json::from_str::<Live>(&bare).unwrap(), Live::new(live.workshop.clone()));
    assert_eq!(serde_json::from_str::<Floor>("{}").unwrap(), Floor::default());
    assert!(serde_json::from_str::<Live>(r#"{"floor":{}}"#).is_err(), "the workshop is required");
    // What a device kept: only its room and id are required.
    let kept: Saved = serde_json::from_str(r#"{"room":"K7XM3P","client":"dev-1"}"#).unwrap();
    assert_eq!(kept, Saved { room: "K7XM3P".into(), client: "dev-1".into(), ..Saved::default() });
}

/// One action of every kind. A new kind does not compile until `live::wire` lists it (its writer
/// names every variant), and then the test below fails until it has a sample here.
fn sample_of_every_action() -> Vec<Action> {
    let p = || id("p-1");
    let card = Card::from(CardData {
        id: id("k-1"),
        text: "Dichtbij".into(),
        source: id("s-1"),
        group: None,
        cluster: Some(id("c-1")),
        question: None,
    });
    vec![
        Action::EditSetup { field: SetupField::Organisation, value: "Gemeente Ede".into() },
        Action::AddOutcome { id: id("o-1"), text: "Iedereen doet mee".into() },
        Action::EditOutcome { id: id("o-1"), text: "Iedereen telt mee".into() },
        Action::RemoveOutcome { id: id("o-1") },
        Action::AddGroup { id: id("g-1"), name: "Inwoners".into() },
        Action::RenameGroup { id: id("g-1"), name: "Bewoners".into() },
        Action::RemoveGroup { id: id("g-1") },
        Action::AddSource { id: id("s-1"), kind: SourceKind::Data, title: "Cijfers".into(), notes: "n\"\\".into() },
        Action::EditSource { id: id("s-1"), title: "Casus".into(), notes: String::new() },
        Action::RemoveSource { id: id("s-1") },
        Action::AddCard { id: id("k-1"), source: id("s-1"), group: None, text: "Één loket 😀".into() },
        Action::EditCard { id: id("k-1"), text: "Eén plek".into(), group: Some(id("g-1")) },
        Action::RemoveCard { id: id("k-1") },
        Action::AnswerRoute { source: id("s-1"), question: RouteQuestion::DataSee, text: "Meer wachtlijsten".into() },
        Action::AddAnswerCard {
            id: id("k-2"),
            source: id("s-1"),
            question: RouteQuestion::CaseOutsider,
            group: Some(id("g-1")),
            text: "Samen kijken".into(),
        },
        Action::CreateCluster { id: id("c-1"), name: "Nabijheid".into() },
        Action::RenameCluster { id: id("c-1"), name: "Dichtbij".into() },
        Action::MoveCards { cards: vec![id("k-1"), id("k-2")], to: None },
        Action::ClusterCards { id: id("c-2"), name: "Samen".into(), cards: vec![id("k-1")] },
        Action::MergeClusters { from: id("c-2"), into: id("c-1") },
        Action::Ungroup { id: id("c-1") },
        Action::AcceptSuggestion { id: id("c-3"), name: "Regie".into(), cards: vec![] },
        Action::SetVoteRules { dots_per_voter: 5, max_per_cluster: 2 },
        Action::AddVoter { id: id("v-1"), name: "Anna".into() },
        Action::RemoveVoter { id: id("v-1") },
        Action::CastDot { voter: id("v-1"), cluster: id("c-1") },
        Action::WithdrawDot { voter: id("v-1"), cluster: id("c-1") },
        Action::RevealVotes { revealed: true },
        Action::SetVoterGroup { voter: id("v-1"), group: Some(id("g-1")) },
        Action::SetVoterGroup { voter: id("v-1"), group: None },
        Action::Recognise { voter: id("v-1"), cluster: id("c-1"), level: Some(Recognition::Little) },
        Action::Recognise { voter: id("v-1"), cluster: id("c-1"), level: None },
        Action::Promote { id: p(), cluster: id("c-1") },
        Action::AddPrinciple { id: p(), title: "Eigen regie".into() },
        Action::RemovePrinciple { id: p() },
        Action::MovePrinciple { id: p(), by: -1 },
        Action::SetTension { id: id("t-1"), a: p(), b: id("p-2"), note: "Soms".into(), priority: Some(p()) },
        Action::RemoveTension { id: id("t-1") },
        Action::EditPrinciple { id: p(), field: PrincipleField::Meaning, value: "Wat het betekent".into() },
        Action::SetPrincipleKind { id: p(), kind: PrincipleKind::Value },
        Action::SetPrincipleOutcome { id: p(), outcome: Some(id("o-1")) },
        Action::Finalise { reason: Some("Akkoord".into()) },
        Action::Reopen,
        Action::AddOption {
            id: id("opt-1"),
            title: "Minder uren".into(),
            description: "d".into(),
            amount: "€ 5".into(),
        },
        Action::EditOption { id: id("opt-1"), title: "t".into(), description: String::new(), amount: "2 fte".into() },
        Action::RemoveOption { id: id("opt-1") },
        Action::Assess { option: id("opt-1"), principle: p(), verdict: Some(Verdict::InLine), reason: "r".into() },
        Action::AnswerCongruence { principle: p(), area: Area::ALL[1], question: 2, answer: None, note: "n".into() },
        Action::AddWhisper {
            id: id("w-1"),
            principle: p(),
            layer: Layer::ALL[0],
            author: "Bram".into(),
            text: "x".into(),
        },
        Action::RemoveWhisper { id: id("w-1") },
        Action::SaveVersion { id: id("ver-1"), name: "1.0".into(), date: "2026-12-03".into() },
        Action::RemoveVersion { id: id("ver-1") },
        Action::SetEvaluationDate { date: "2027-12-03".into() },
        Action::SetOwners(Ownership { principle: p(), owner: "Wethouder".into(), ambassadors: vec!["Anna".into()] }),
        Action::SetAdoption(Adoption {
            by: Some(Adopter::Council),
            planned: "2027-01-01".into(),
            ..Adoption::default()
        }),
        Action::SetTask(Box::new(Task {
            id: id("act-1"),
            principle: p(),
            implication: Implication::Access,
            who: "Wijkteam".into(),
            what: "Spreekuur".into(),
            due: String::new(),
            status: Progress::default(),
        })),
        Action::RemoveTask(id("act-1")),
        Action::SetIndicator(Box::new(Indicator {
            id: id("ind-1"),
            outcome: id("o-1"),
            name: "Wachttijd".into(),
            source: String::new(),
            baseline: "12".into(),
            baseline_date: String::new(),
            target: "6".into(),
            measured: String::new(),
            measured_date: String::new(),
        })),
        Action::RemoveIndicator(id("ind-1")),
        Action::CheckAssumption { principle: p(), answer: Some(Answer::Partly), note: "n".into() },
        Action::SetEvaluation(Evaluation {
            held: "2027-12-01".into(),
            decision: Some(Decision::Revise),
            note: String::new(),
        }),
        Action::SetLock { stage: Stage::Collect, locked: true },
        Action::Replace { workshop: Box::new(collected().checked().expect("a sound workshop")) },
        Action::Merge { other: Box::new(clustered()) },
        Action::Decide {
            about: Wording::Dots { voter: id("v-1"), cluster: id("c-1") },
            theirs: "3".into(),
            keep: Keep::Both(id("k-9")),
        },
        Action::Restore { item: Box::new(Item::Card(card)) },
    ]
}

#[test]
fn every_kind_of_action_is_written_as_a_named_array_and_reads_back_the_same() {
    let mut written = std::collections::BTreeSet::new();
    for action in sample_of_every_action() {
        let text = serde_json::to_string(&action).expect("an action writes");
        let array: Vec<serde_json::Value> = serde_json::from_str(&text).expect("an action is an array");
        let name = array[0].as_str().expect("its name comes first").to_string();
        assert_eq!(serde_json::from_str::<Action>(&text).expect("it reads back"), action, "{text}");
        // Inside a frame too, as a room sends it.
        let frame = ServerFrame::Confirmed(Entry { seq: 1, author: 1, cseq: 1, op: act(action) });
        let text = serde_json::to_string(&frame).unwrap();
        assert_eq!(serde_json::from_str::<ServerFrame>(&text).expect("the frame reads back"), frame);
        written.insert(name);
    }
    // Every name the writer knows (it names every variant: a new one does not compile until
    // it is in live::wire) has a sample here, and no two kinds share a name.
    let names: std::collections::BTreeSet<String> = wire::NAMES.iter().map(|n| n.to_string()).collect();
    assert_eq!(names.len(), wire::NAMES.len(), "a name written twice");
    assert_eq!(written, names, "a kind of action without a sample that round-trips");
}

#[test]
fn malformed_frames_are_errors_not_panics() {
    for text in [
        "",
        "null",
        "[]",
        "{}",
        r#"{"hello":{}}"#,
        r#"{"nope":{}}"#,
        r#"{"hello":{"room":"K7XM3P","client":"c-1"},"submit":{}}"#,
        // The old form, with the frame's name inside it.
        r#"{"t":"hello","room":"K7XM3P","client":"c-1"}"#,
        r#"{"submit":{"cseq":-1,"op":{"act":["Reopen"]}}}"#,
        // An action: not an array, in the old object form, nameless, unknown, short, long,
        // with a field of the wrong type, or an id that is not one.
        r#"{"submit":{"cseq":1,"op":{"act":"Reopen"}}}"#,
        r#"{"submit":{"cseq":1,"op":{"act":{"RevealVotes":{"revealed":true}}}}}"#,
        r#"{"submit":{"cseq":1,"op":{"act":[]}}}"#,
        r#"{"submit":{"cseq":1,"op":{"act":[7]}}}"#,
        r#"{"submit":{"cseq":1,"op":{"act":["Nope"]}}}"#,
        r#"{"submit":{"cseq":1,"op":{"act":["AddCard","k-1","s-1",null]}}}"#,
        r#"{"submit":{"cseq":1,"op":{"act":["Reopen",1]}}}"#,
        r#"{"submit":{"cseq":1,"op":{"act":["RevealVotes","yes"]}}}"#,
        r#"{"submit":{"cseq":1,"op":{"act":["SetLock","nope",true]}}}"#,
        r#"{"submit":{"cseq":1,"op":{"act":["AddCard","<b>","s",null,"x"]}}}"#,
        r#"{"submit":{"cseq":1,"op":{"act":["Restore",{"Card":{"id":"k 1"}}]}}}"#,
    ] {
        assert!(serde_json::from_str::<ClientFrame>(text).is_err(), "{text}");
    }
    let unknown = serde_json::from_str::<Action>(r#"["Nope"]"#).expect_err("no such action");
    assert!(unknown.to_string().starts_with("unknown variant `Nope`, expected one of `EditSetup`"), "{unknown}");
    let short = serde_json::from_str::<Action>(r#"["AddCard","k-1"]"#).expect_err("fields missing");
    assert!(short.to_string().starts_with("AddCard is missing a field"), "{short}");
    let long = serde_json::from_str::<Action>(r#"["RemoveCard","k-1","k-2"]"#).expect_err("a field too many");
    assert!(long.to_string().starts_with("RemoveCard has too many fields"), "{long}");
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
