//! Shared fixtures for the domain tests: a small workshop as a group would build it, helpers
//! that assert "refused means unchanged", and proptest strategies for random action sequences.

#![allow(dead_code)]

use leidraad::workshop::*;
use proptest::prelude::*;
use proptest::strategy::Union;
use serde_json::Value;

/// An id from readable test text.
pub fn id(text: &str) -> Id {
    Id::parse(text).expect("a valid test id")
}

/// Applies an action that must be accepted.
#[track_caller]
pub fn ok(w: &mut Workshop, action: Action) {
    if let Err(e) = w.apply(action.clone()) {
        panic!("{action:?} was refused: {e:?}");
    }
}

/// Applies an action that must be refused, checks the workshop did not change, returns why.
#[track_caller]
pub fn refused(w: &mut Workshop, action: Action) -> DomainError {
    let before = w.clone();
    match w.apply(action.clone()) {
        Ok(applied) => panic!("{action:?} was accepted ({applied:?}), expected a refusal"),
        Err(e) => {
            assert_eq!(*w, before, "refused {action:?} ({e:?}) changed the workshop");
            e
        }
    }
}

/// A fresh workshop with the four groups the method names, ids from a counter.
pub fn with_groups(ids: &mut CountingIds) -> Workshop {
    Workshop::with_default_groups(ids, ["Inwoners", "Beleid", "Uitvoering", "Partners"])
}

pub fn add_source(w: &mut Workshop, sid: &str, kind: SourceKind, title: &str) {
    ok(w, Action::AddSource { id: id(sid), kind, title: title.into(), notes: String::new() });
}

pub fn add_card(w: &mut Workshop, cid: &str, source: &str, group: Option<&str>, text: &str) {
    ok(w, Action::AddCard { id: id(cid), source: id(source), group: group.map(id), text: text.into() });
}

pub fn cluster_cards(w: &mut Workshop, cl: &str, name: &str, cards: &[&str]) {
    ok(w, Action::ClusterCards { id: id(cl), name: name.into(), cards: cards.iter().map(|c| id(c)).collect() });
}

pub fn add_voter(w: &mut Workshop, v: &str, name: &str) {
    ok(w, Action::AddVoter { id: id(v), name: name.into() });
}

pub fn cast(w: &mut Workshop, voter: &str, cluster: &str) {
    ok(w, Action::CastDot { voter: id(voter), cluster: id(cluster) });
}

pub fn add_principle(w: &mut Workshop, p: &str, title: &str) {
    ok(w, Action::AddPrinciple { id: id(p), title: title.into() });
}

/// The cluster a card is in (panics when the card is gone).
pub fn cluster_of(w: &Workshop, card: &str) -> Option<Id> {
    w.cards.iter().find(|c| c.id == id(card)).expect("card exists").cluster.clone()
}

/// Ids of the cards in a cluster, sorted.
pub fn cards_in(w: &Workshop, cluster: Option<&str>) -> Vec<String> {
    let cl = cluster.map(id);
    let mut out: Vec<String> = w.cards_in(cl.as_ref()).map(|c| c.id.to_string()).collect();
    out.sort();
    out
}

/// Every id in the workshop, sorted, as text.
pub fn all_ids(w: &Workshop) -> Vec<String> {
    let mut out: Vec<String> = w.all_ids().map(|i| i.to_string()).collect();
    out.sort();
    out
}

/// A board as after collecting: two sources (Ede's figures, a case), five cards from two
/// groups, one outcome and two voters; nothing grouped yet.
///
/// Groups: `g-inw` (Inwoners), `g-bel` (Beleid). Sources: `s-ede`, `s-casus`.
/// Cards: `k-1`..`k-3` from `s-ede`, `k-4`, `k-5` from `s-casus`.
pub fn collected() -> Workshop {
    let mut w = Workshop::default();
    ok(&mut w, Action::EditSetup { field: SetupField::Title, value: "Leidende principes sociaal domein".into() });
    ok(&mut w, Action::EditSetup { field: SetupField::Organisation, value: "Gemeente Ede".into() });
    ok(&mut w, Action::AddOutcome { id: id("o-1"), text: "Meer jeugdigen groeien gezond op".into() });
    ok(&mut w, Action::AddGroup { id: id("g-inw"), name: "Inwoners".into() });
    ok(&mut w, Action::AddGroup { id: id("g-bel"), name: "Beleid".into() });
    add_source(&mut w, "s-ede", SourceKind::Data, "Veel diagnoses op sommige scholen");
    add_source(&mut w, "s-casus", SourceKind::Case, "Casus gezin met vier hulpverleners");
    add_card(&mut w, "k-1", "s-ede", Some("g-inw"), "Niemand is normaal");
    add_card(&mut w, "k-2", "s-ede", Some("g-bel"), "Normaliseren");
    add_card(&mut w, "k-3", "s-ede", None, "Preventief werken");
    add_card(&mut w, "k-4", "s-casus", Some("g-inw"), "Eén gezin, één plan, één regisseur");
    add_card(&mut w, "k-5", "s-casus", Some("g-bel"), "Zorg dichtbij");
    add_voter(&mut w, "v-anna", "Anna");
    add_voter(&mut w, "v-bram", "Bram");
    w
}

/// [`collected`] with three clusters: `c-norm` {k-1, k-2}, `c-prev` {k-3}, `c-plan` {k-4};
/// `k-5` stays not grouped.
pub fn clustered() -> Workshop {
    let mut w = collected();
    cluster_cards(&mut w, "c-norm", "Normaliseren", &["k-1", "k-2"]);
    cluster_cards(&mut w, "c-prev", "Preventief werken", &["k-3"]);
    cluster_cards(&mut w, "c-plan", "Eén gezin, één plan", &["k-4"]);
    w
}

/// A workshop with `n` principles added by hand (`p-0`..), nothing else.
pub fn with_principles(n: usize) -> Workshop {
    let mut w = Workshop::default();
    for i in 0..n {
        add_principle(&mut w, &format!("p-{i}"), &format!("Principe {i}"));
    }
    w
}

// ---------------------------------------------------------------------------------------------
// Random action sequences.

/// A small id pool per kind, so random actions often hit existing items and often miss.
pub const OUTCOMES: &[&str] = &["o-1", "o-2"];
pub const GROUPS: &[&str] = &["g-1", "g-2", "g-3"];
pub const SOURCES: &[&str] = &["s-1", "s-2", "s-3"];
pub const CARDS: &[&str] = &["k-1", "k-2", "k-3", "k-4", "k-5", "k-6"];
pub const CLUSTERS: &[&str] = &["c-1", "c-2", "c-3", "c-4"];
pub const VOTERS: &[&str] = &["v-1", "v-2", "v-3"];
pub const PRINCIPLES: &[&str] = &["p-1", "p-2", "p-3", "p-4", "p-5"];
pub const TENSIONS: &[&str] = &["t-1", "t-2", "t-3"];
/// Actions and indicators of the set in practice.
pub const TASKS: &[&str] = &["a-1", "a-2"];
pub const INDICATORS: &[&str] = &["i-1", "i-2"];

pub fn pool() -> Vec<&'static str> {
    [OUTCOMES, GROUPS, SOURCES, CARDS, CLUSTERS, VOTERS, PRINCIPLES, TENSIONS, TASKS, INDICATORS].concat()
}

/// The starting point of random sequences: part of the pool already exists.
/// Outcome o-1; groups g-1, g-2; sources s-1, s-2; cards k-1..k-4; clusters c-1 {k-1, k-2},
/// c-2 {k-3}; voters v-1, v-2 with some dots; principles p-1 (from c-1), p-2; tension t-1.
pub fn seeded() -> Workshop {
    let mut w = Workshop::default();
    ok(&mut w, Action::AddOutcome { id: id("o-1"), text: "Inwoners doen mee".into() });
    ok(&mut w, Action::AddGroup { id: id("g-1"), name: "Inwoners".into() });
    ok(&mut w, Action::AddGroup { id: id("g-2"), name: "Beleid".into() });
    add_source(&mut w, "s-1", SourceKind::Data, "Cijfers jeugdhulp");
    add_source(&mut w, "s-2", SourceKind::Appreciative, "Geslaagd voorbeeld wijkteam");
    add_card(&mut w, "k-1", "s-1", Some("g-1"), "Normaliseren");
    add_card(&mut w, "k-2", "s-1", None, "Niemand is normaal");
    add_card(&mut w, "k-3", "s-2", Some("g-2"), "Eigen regie");
    add_card(&mut w, "k-4", "s-2", None, "Vertrouwen in de professional");
    cluster_cards(&mut w, "c-1", "Normaliseren", &["k-1", "k-2"]);
    cluster_cards(&mut w, "c-2", "Eigen regie", &["k-3"]);
    add_voter(&mut w, "v-1", "Anna");
    add_voter(&mut w, "v-2", "Bram");
    cast(&mut w, "v-1", "c-1");
    cast(&mut w, "v-2", "c-2");
    ok(&mut w, Action::Promote { id: id("p-1"), cluster: id("c-1") });
    add_principle(&mut w, "p-2", "Ruimte voor de professional");
    ok(
        &mut w,
        Action::SetTension { id: id("t-1"), a: id("p-1"), b: id("p-2"), note: "Wie beslist?".into(), priority: None },
    );
    w
}

/// A file from another laptop that started from [`seeded`]: one conflict (c-1 renamed),
/// new material in pool ids (s-3, k-6, c-3, v-3 with dots, p-5).
pub fn other_laptop() -> Workshop {
    let mut w = seeded();
    ok(&mut w, Action::RenameCluster { id: id("c-1"), name: "Gewoon opgroeien".into() });
    add_source(&mut w, "s-3", SourceKind::Case, "Casus mantelzorger");
    add_card(&mut w, "k-6", "s-3", Some("g-2"), "Eén plan");
    let answer = "Ze werkten samen aan één plan.".into();
    ok(&mut w, Action::AnswerRoute { source: id("s-3"), question: RouteQuestion::CaseOutsider, text: answer });
    cluster_cards(&mut w, "c-3", "Integraal werken", &["k-6"]);
    add_voter(&mut w, "v-3", "Carla");
    cast(&mut w, "v-3", "c-3");
    add_principle(&mut w, "p-5", "Integraal werken");
    w
}

/// An id from a kind's pool, now and then from the whole pool (a wrong kind).
pub fn pick(kind: &'static [&'static str]) -> BoxedStrategy<Id> {
    prop_oneof![
        5 => proptest::sample::select(kind.to_vec()),
        1 => proptest::sample::select(pool()),
    ]
    .prop_map(id)
    .boxed()
}

/// Texts: mostly fine, some empty or blank, some just over a limit (60, 200, 2000 chars).
pub fn text() -> BoxedStrategy<String> {
    prop_oneof![
        8 => "[a-zë ]{1,16}",
        1 => Just(String::new()),
        1 => Just("   ".to_string()),
        1 => (55usize..=65).prop_map(|n| "w".repeat(n)),
        1 => (195usize..=205).prop_map(|n| "é".repeat(n)),
        1 => Just("x".repeat(2001)),
    ]
    .boxed()
}

fn setup_field() -> impl Strategy<Value = SetupField> {
    proptest::sample::select(vec![
        SetupField::Title,
        SetupField::Organisation,
        SetupField::Date,
        SetupField::Facilitator,
    ])
}

fn route_question() -> impl Strategy<Value = RouteQuestion> {
    proptest::sample::select(RouteQuestion::ALL.to_vec())
}

fn principle_field() -> impl Strategy<Value = PrincipleField> {
    use PrincipleField::*;
    // Every field of the table but the closing questions, which are drawn with numbers past six.
    let named: Vec<PrincipleField> = PrincipleField::all().filter(|f| !matches!(f, Closing(_))).collect();
    prop_oneof![proptest::sample::select(named), (0u8..=7).prop_map(Closing),]
}

fn cards() -> impl Strategy<Value = Vec<Id>> {
    proptest::collection::vec(pick(CARDS), 0..=3)
}

/// Any action but `Merge`, over the id pool.
pub fn action() -> BoxedStrategy<Action> {
    use proptest::option::of;
    let arms: Vec<BoxedStrategy<Action>> = vec![
        (setup_field(), text()).prop_map(|(field, value)| Action::EditSetup { field, value }).boxed(),
        (pick(OUTCOMES), text()).prop_map(|(id, text)| Action::AddOutcome { id, text }).boxed(),
        (pick(OUTCOMES), text()).prop_map(|(id, text)| Action::EditOutcome { id, text }).boxed(),
        pick(OUTCOMES).prop_map(|id| Action::RemoveOutcome { id }).boxed(),
        (pick(GROUPS), text()).prop_map(|(id, name)| Action::AddGroup { id, name }).boxed(),
        (pick(GROUPS), text()).prop_map(|(id, name)| Action::RenameGroup { id, name }).boxed(),
        pick(GROUPS).prop_map(|id| Action::RemoveGroup { id }).boxed(),
        (pick(SOURCES), proptest::sample::select(SourceKind::ALL.to_vec()), text(), text())
            .prop_map(|(id, kind, title, notes)| Action::AddSource { id, kind, title, notes })
            .boxed(),
        (pick(SOURCES), text(), text()).prop_map(|(id, title, notes)| Action::EditSource { id, title, notes }).boxed(),
        pick(SOURCES).prop_map(|id| Action::RemoveSource { id }).boxed(),
        (pick(CARDS), pick(SOURCES), of(pick(GROUPS)), text())
            .prop_map(|(id, source, group, text)| Action::AddCard { id, source, group, text })
            .boxed(),
        (pick(CARDS), pick(SOURCES), of(pick(GROUPS)), text())
            .prop_map(|(id, source, group, text)| Action::AddCard { id, source, group, text })
            .boxed(),
        // The routes' questions: any question on any source (one of another route is refused).
        (pick(SOURCES), route_question(), text())
            .prop_map(|(source, question, text)| Action::AnswerRoute { source, question, text })
            .boxed(),
        (pick(CARDS), pick(SOURCES), route_question(), of(pick(GROUPS)), text())
            .prop_map(|(id, source, question, group, text)| Action::AddAnswerCard { id, source, question, group, text })
            .boxed(),
        (pick(CARDS), text(), of(pick(GROUPS)))
            .prop_map(|(id, text, group)| Action::EditCard { id, text, group })
            .boxed(),
        pick(CARDS).prop_map(|id| Action::RemoveCard { id }).boxed(),
        (pick(CLUSTERS), text()).prop_map(|(id, name)| Action::CreateCluster { id, name }).boxed(),
        (pick(CLUSTERS), text()).prop_map(|(id, name)| Action::RenameCluster { id, name }).boxed(),
        (cards(), of(pick(CLUSTERS))).prop_map(|(cards, to)| Action::MoveCards { cards, to }).boxed(),
        (pick(CLUSTERS), text(), cards())
            .prop_map(|(id, name, cards)| Action::ClusterCards { id, name, cards })
            .boxed(),
        (pick(CLUSTERS), pick(CLUSTERS)).prop_map(|(from, into)| Action::MergeClusters { from, into }).boxed(),
        pick(CLUSTERS).prop_map(|id| Action::Ungroup { id }).boxed(),
        (pick(CLUSTERS), text(), cards())
            .prop_map(|(id, name, cards)| Action::AcceptSuggestion { id, name, cards })
            .boxed(),
        (0u32..=22, 0u32..=6)
            .prop_map(|(dots_per_voter, max_per_cluster)| Action::SetVoteRules { dots_per_voter, max_per_cluster })
            .boxed(),
        (pick(VOTERS), text()).prop_map(|(id, name)| Action::AddVoter { id, name }).boxed(),
        pick(VOTERS).prop_map(|id| Action::RemoveVoter { id }).boxed(),
        (pick(VOTERS), pick(CLUSTERS)).prop_map(|(voter, cluster)| Action::CastDot { voter, cluster }).boxed(),
        (pick(VOTERS), pick(CLUSTERS)).prop_map(|(voter, cluster)| Action::CastDot { voter, cluster }).boxed(),
        (pick(VOTERS), pick(CLUSTERS)).prop_map(|(voter, cluster)| Action::WithdrawDot { voter, cluster }).boxed(),
        any::<bool>().prop_map(|revealed| Action::RevealVotes { revealed }).boxed(),
        (pick(VOTERS), of(pick(GROUPS))).prop_map(|(voter, group)| Action::SetVoterGroup { voter, group }).boxed(),
        (pick(VOTERS), pick(CLUSTERS), of(proptest::sample::select(Recognition::ALL.to_vec())))
            .prop_map(|(voter, cluster, level)| Action::Recognise { voter, cluster, level })
            .boxed(),
        (pick(PRINCIPLES), pick(CLUSTERS)).prop_map(|(id, cluster)| Action::Promote { id, cluster }).boxed(),
        (pick(PRINCIPLES), pick(CLUSTERS)).prop_map(|(id, cluster)| Action::Promote { id, cluster }).boxed(),
        (pick(PRINCIPLES), text()).prop_map(|(id, title)| Action::AddPrinciple { id, title }).boxed(),
        pick(PRINCIPLES).prop_map(|id| Action::RemovePrinciple { id }).boxed(),
        (pick(PRINCIPLES), -2i8..=2).prop_map(|(id, by)| Action::MovePrinciple { id, by }).boxed(),
        (pick(TENSIONS), pick(PRINCIPLES), pick(PRINCIPLES), text(), of(pick(PRINCIPLES)))
            .prop_map(|(id, a, b, note, priority)| Action::SetTension { id, a, b, note, priority })
            .boxed(),
        pick(TENSIONS).prop_map(|id| Action::RemoveTension { id }).boxed(),
        (pick(PRINCIPLES), principle_field(), text())
            .prop_map(|(id, field, value)| Action::EditPrinciple { id, field, value })
            .boxed(),
        (pick(PRINCIPLES), proptest::sample::select(vec![PrincipleKind::TransformationGoal, PrincipleKind::Value]))
            .prop_map(|(id, kind)| Action::SetPrincipleKind { id, kind })
            .boxed(),
        (pick(PRINCIPLES), of(pick(OUTCOMES)))
            .prop_map(|(id, outcome)| Action::SetPrincipleOutcome { id, outcome })
            .boxed(),
        of(text()).prop_map(|reason| Action::Finalise { reason }).boxed(),
        Just(Action::Reopen).boxed(),
        // The set in practice (merged like the rest): a few values each, so two laptops differ.
        (pick(TASKS), pick(PRINCIPLES), text(), proptest::sample::select(Progress::ALL.to_vec()))
            .prop_map(|(id, principle, what, status)| {
                let (implication, who, due) = (Implication::Access, String::new(), String::new());
                Action::SetTask(Box::new(Task { id, principle, implication, who, what, due, status }))
            })
            .boxed(),
        pick(TASKS).prop_map(Action::RemoveTask).boxed(),
        (pick(INDICATORS), pick(OUTCOMES), text(), proptest::sample::select(vec!["", "62 %", "70 %"]))
            .prop_map(|(id, outcome, name, measured)| {
                Action::SetIndicator(Box::new(Indicator {
                    id,
                    outcome,
                    name,
                    source: String::new(),
                    baseline: String::new(),
                    baseline_date: String::new(),
                    target: String::new(),
                    measured: measured.into(),
                    measured_date: String::new(),
                }))
            })
            .boxed(),
        pick(INDICATORS).prop_map(Action::RemoveIndicator).boxed(),
        (pick(PRINCIPLES), text(), proptest::collection::vec(text(), 0..=2))
            .prop_map(|(principle, owner, ambassadors)| Action::SetOwners(Ownership { principle, owner, ambassadors }))
            .boxed(),
        (pick(PRINCIPLES), of(proptest::sample::select(vec![Answer::Yes, Answer::Partly, Answer::No])), text())
            .prop_map(|(principle, answer, note)| Action::CheckAssumption { principle, answer, note })
            .boxed(),
        (of(proptest::sample::select(vec![Adopter::College, Adopter::Council])), any::<bool>())
            .prop_map(|(by, planned)| {
                let planned = if planned { "2027-01-10" } else { "" }.to_string();
                Action::SetAdoption(Adoption { by, planned, ..Adoption::default() })
            })
            .boxed(),
        (of(proptest::sample::select(vec![Decision::Keep, Decision::Revise])), text())
            .prop_map(|(decision, note)| Action::SetEvaluation(Evaluation { held: String::new(), decision, note }))
            .boxed(),
        // Locks are rare (one arm of many) so sessions still get work done between them.
        (proptest::sample::select(Stage::ALL.to_vec()), any::<bool>())
            .prop_map(|(stage, locked)| Action::SetLock { stage, locked })
            .boxed(),
    ];
    Union::new(arms).boxed()
}

/// Any action, including now and then merging [`other_laptop`]'s file.
pub fn action_or_merge() -> BoxedStrategy<Action> {
    prop_oneof![
        40 => action(),
        1 => Just(Action::Merge { other: Box::new(other_laptop()) }),
    ]
    .boxed()
}

/// One step at the table: an action through history, or undo, or redo.
#[derive(Clone, Debug)]
pub enum Step {
    Do(Action),
    Undo,
    Redo,
}

pub fn step() -> BoxedStrategy<Step> {
    prop_oneof![
        8 => action_or_merge().prop_map(Step::Do),
        1 => Just(Step::Undo),
        1 => Just(Step::Redo),
    ]
    .boxed()
}

/// Applies actions in turn, skipping refused ones: a workshop as a real session leaves it.
pub fn play(mut w: Workshop, actions: Vec<Action>) -> Workshop {
    for a in actions {
        let _ = w.apply(a);
    }
    w
}

/// A workshop built from [`seeded`] by up to `n` random actions.
pub fn played(n: usize) -> BoxedStrategy<Workshop> {
    proptest::collection::vec(action(), 0..=n).prop_map(|actions| play(seeded(), actions)).boxed()
}

/// Renames, inside an action, every pool id that `keep` does not hold to `side`-prefixed
/// text, so two laptops forking one workshop never invent the same id.
pub fn on_laptop(action: Action, keep: &Workshop, side: &str) -> Action {
    let known: Vec<String> = keep.all_ids().map(|i| i.to_string()).collect();
    let pool = pool();
    let mut value = serde_json::to_value(&action).expect("actions serialise");
    fn walk(v: &mut Value, f: &dyn Fn(&str) -> Option<String>) {
        match v {
            Value::String(s) => {
                if let Some(new) = f(s) {
                    *s = new;
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|x| walk(x, f)),
            Value::Object(map) => map.values_mut().for_each(|x| walk(x, f)),
            _ => {}
        }
    }
    walk(&mut value, &|s| (pool.contains(&s) && !known.iter().any(|k| k == s)).then(|| format!("{side}-{s}")));
    serde_json::from_value(value).expect("a renamed action still reads")
}

/// Cases per property: 256 in the ordinary test run; `PROPTEST_CASES=N` runs more (a fuzzing
/// run; the figure is reported in the issue notes).
pub fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(default)
}

/// Writes each sample, checks it is an object with one field named for its kind, reads it back
/// unchanged, and returns the kinds in first-seen order (for comparing with the wire's list of
/// names, so that a kind without a sample fails).
#[track_caller]
pub fn round_trip_kinds<T>(samples: impl IntoIterator<Item = T>, kind_of: fn(&T) -> &'static str) -> Vec<&'static str>
where
    T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
{
    let mut kinds = Vec::new();
    for frame in samples {
        let text = serde_json::to_string(&frame).unwrap();
        let kind = kind_of(&frame);
        assert!(text.starts_with(&format!("{{\"{kind}\":")), "{text}");
        assert_eq!(serde_json::from_str::<T>(&text).unwrap(), frame, "{text}");
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
    }
    kinds
}
