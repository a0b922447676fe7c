//! Merging a workshop file from another laptop: united by id, nothing lost or duplicated, the
//! open workshop wins conflicts and says so, damaged files are refused, one undoable step.

mod common;

use std::collections::{BTreeSet, HashMap};

use common::*;
use leidraad::workshop::*;
use proptest::prelude::*;

fn merge(ours: &Workshop, theirs: &Workshop) -> Merged {
    merged(ours, theirs).unwrap_or_else(|e| panic!("merge refused: {e:?}"))
}

fn id_set(w: &Workshop) -> BTreeSet<String> {
    w.all_ids().map(|i| i.to_string()).collect()
}

fn conflict(field: Field, of: Option<&str>) -> Conflict {
    Conflict { field, id: of.map(id) }
}

/// Laptop A and laptop B both start from [`seeded`] and add different material.
fn laptops() -> (Workshop, Workshop) {
    let mut a = seeded();
    add_source(&mut a, "s-a", SourceKind::Case, "Casus jongere met schulden");
    add_card(&mut a, "k-a1", "s-a", Some("g-1"), "Eén gezin, één plan");
    add_card(&mut a, "k-a2", "s-1", None, "Preventief werken");
    cluster_cards(&mut a, "c-a", "Eén plan", &["k-a1", "k-a2"]);
    add_voter(&mut a, "v-a", "Anouk");
    cast(&mut a, "v-a", "c-a");

    let mut b = seeded();
    ok(&mut b, Action::AddGroup { id: id("g-b"), name: "Partners".into() });
    add_source(&mut b, "s-b", SourceKind::Appreciative, "Buurtsportcoach");
    add_card(&mut b, "k-b1", "s-b", Some("g-b"), "Zorg dichtbij");
    cluster_cards(&mut b, "c-b", "Zorg dichtbij", &["k-b1"]);
    add_voter(&mut b, "v-b", "Bas");
    cast(&mut b, "v-b", "c-b");
    cast(&mut b, "v-b", "c-2");
    ok(&mut b, Action::Promote { id: id("p-b"), cluster: id("c-b") });
    ok(
        &mut b,
        Action::SetTension {
            id: id("t-b"),
            a: id("p-b"),
            b: id("p-2"),
            note: String::new(),
            priority: Some(id("p-b")),
        },
    );
    (a, b)
}

#[test]
fn merging_a_file_from_another_laptop_unites_everything_by_id() {
    let (a, b) = laptops();
    let m = merge(&a, &b);
    let w = &m.workshop;
    assert_eq!(w.check(), Ok(()));
    let expected: BTreeSet<String> = id_set(&a).union(&id_set(&b)).cloned().collect();
    assert_eq!(id_set(w), expected, "nothing lost");
    assert_eq!(w.all_ids().count(), expected.len(), "nothing duplicated");
    // Their material came along, with its references intact.
    let card = w.cards.iter().find(|c| c.id == id("k-b1")).expect("their card");
    assert_eq!(
        (card.source.as_str(), card.group.as_ref().map(Id::as_str), card.cluster.as_ref().map(Id::as_str)),
        ("s-b", Some("g-b"), Some("c-b"))
    );
    assert_eq!(w.voting.dots_used(&id("v-b")), 2);
    assert_eq!(w.voting.dots_used(&id("v-a")), 1);
    assert!(w.principles.iter().any(|p| p.id == id("p-b") && p.from_cluster == Some(id("c-b"))));
    assert!(w.tensions.iter().any(|t| t.id == id("t-b")));
    // Our own material is untouched.
    for card in &a.cards {
        assert!(w.cards.contains(card), "{card:?} kept");
    }
    assert!(m.report.conflicts.is_empty(), "{:?}", m.report.conflicts);
    assert!(m.report.skipped.is_empty());
    let added: HashMap<Field, usize> = m.report.added.iter().copied().collect();
    assert_eq!(added.get(&Field::Group), Some(&1));
    assert_eq!(added.get(&Field::Source), Some(&1));
    assert_eq!(added.get(&Field::Card), Some(&1));
    assert_eq!(added.get(&Field::Cluster), Some(&1));
    assert_eq!(added.get(&Field::Voter), Some(&1));
    assert_eq!(added.get(&Field::Principle), Some(&1));
    assert_eq!(added.get(&Field::Tension), Some(&1));
    assert_eq!(m.report.added_total(), 7);
}

#[test]
fn merging_the_same_file_twice_changes_nothing_the_second_time() {
    let (a, b) = laptops();
    let once = merge(&a, &b).workshop;
    let twice = merge(&once, &b);
    assert_eq!(twice.workshop, once);
    assert_eq!(twice.report.added_total(), 0);
    // And a file merged with itself is itself.
    assert_eq!(merge(&a, &a).workshop, a);
    assert_eq!(merge(&a, &a).report, MergeReport::default());
}

#[test]
fn merging_a_into_b_and_b_into_a_gives_the_same_ids() {
    let (a, b) = laptops();
    let ab = merge(&a, &b).workshop;
    let ba = merge(&b, &a).workshop;
    assert_eq!(id_set(&ab), id_set(&ba));
    assert_eq!(ab.cards.len(), ba.cards.len());
    assert_eq!(ab.voting.votes.len(), ba.voting.votes.len());
}

#[test]
fn a_conflict_keeps_the_open_workshops_version_and_is_reported() {
    let mut ours = seeded();
    let mut theirs = seeded();
    ok(
        &mut ours,
        Action::EditCard { id: id("k-1"), text: "Normaliseren, niet medicaliseren".into(), group: Some(id("g-1")) },
    );
    ok(&mut theirs, Action::EditCard { id: id("k-1"), text: "Gewoon opgroeien".into(), group: Some(id("g-1")) });
    ok(&mut theirs, Action::RenameCluster { id: id("c-2"), name: "Inwoner aan zet".into() });
    ok(
        &mut theirs,
        Action::EditPrinciple { id: id("p-2"), field: PrincipleField::Meaning, value: "Ruimte om af te wijken".into() },
    );
    ok(&mut ours, Action::EditSetup { field: SetupField::Title, value: "Principes Ede".into() });
    ok(&mut theirs, Action::EditSetup { field: SetupField::Title, value: "Principes Ede 2.0".into() });
    ok(&mut theirs, Action::EditSetup { field: SetupField::Facilitator, value: "Movisie".into() });

    let m = merge(&ours, &theirs);
    let w = &m.workshop;
    assert_eq!(
        w.cards.iter().find(|c| c.id == id("k-1")).map(|c| c.text.as_str()),
        Some("Normaliseren, niet medicaliseren")
    );
    assert_eq!(w.cluster(&id("c-2")).map(|c| c.name.as_str()), Some("Eigen regie"));
    assert_eq!(w.principles.iter().find(|p| p.id == id("p-2")).map(|p| p.text.meaning.as_str()), Some(""));
    assert_eq!(w.setup.title, "Principes Ede");
    // A setup text we left empty is taken from them, not a conflict.
    assert_eq!(w.setup.facilitator, "Movisie");
    for expected in [
        conflict(Field::Card, Some("k-1")),
        conflict(Field::Cluster, Some("c-2")),
        conflict(Field::Principle, Some("p-2")),
        conflict(Field::Title, None),
    ] {
        assert!(m.report.conflicts.contains(&expected), "{expected:?} not in {:?}", m.report.conflicts);
    }
    assert_eq!(m.report.conflicts.len(), 4);
    assert_eq!(id_set(w), id_set(&ours), "a conflict adds no second copy");
}

#[test]
fn a_damaged_other_file_is_refused_and_ours_is_unchanged() {
    let ours = seeded();
    let mut broken = other_laptop();
    broken.cards[0].source = id("s-weg");
    assert_eq!(merged(&ours, &broken), Err(DomainError::OtherFileDamaged));
    let mut twice = other_laptop();
    twice.clusters.push(twice.clusters[0].clone());
    assert_eq!(merged(&ours, &twice), Err(DomainError::OtherFileDamaged));

    let mut w = ours.clone();
    assert_eq!(refused(&mut w, Action::Merge { other: Box::new(broken.clone()) }), DomainError::OtherFileDamaged);
    let mut h = History::new(ours.clone());
    let before = h.clone();
    assert_eq!(h.apply(Action::Merge { other: Box::new(broken) }), Err(DomainError::OtherFileDamaged));
    assert_eq!(h, before);
}

#[test]
fn one_id_used_for_two_kinds_of_thing_is_refused_as_a_clash() {
    let ours = seeded();
    let mut theirs = Workshop::default();
    // Their source happens to carry the id of our card.
    add_source(&mut theirs, "k-1", SourceKind::Data, "Monitor sociaal domein");
    assert_eq!(merged(&ours, &theirs), Err(DomainError::IdClash));
    let mut w = ours.clone();
    assert_eq!(refused(&mut w, Action::Merge { other: Box::new(theirs) }), DomainError::IdClash);
}

#[test]
fn a_merge_through_history_is_one_undoable_step() {
    let (a, b) = laptops();
    let mut h = History::new(a.clone());
    h.apply(Action::Merge { other: Box::new(b.clone()) }).expect("merged");
    assert_eq!(*h.present(), merge(&a, &b).workshop);
    assert!(h.undo());
    assert_eq!(*h.present(), a);
    assert!(!h.can_undo());
    assert!(h.redo());
    assert_eq!(*h.present(), merge(&a, &b).workshop);
}

#[test]
fn votes_of_a_voter_already_known_stay_ours() {
    let ours = seeded(); // v-1 has a dot on c-1
    let mut theirs = seeded();
    ok(&mut theirs, Action::WithdrawDot { voter: id("v-1"), cluster: id("c-1") });
    cast(&mut theirs, "v-1", "c-2");
    let m = merge(&ours, &theirs);
    let v1: Vec<&Vote> = m.workshop.voting.votes.iter().filter(|v| v.voter == id("v-1")).collect();
    assert_eq!(v1, [&Vote { voter: id("v-1"), cluster: id("c-1"), dots: 1 }]);
    assert!(m.report.conflicts.contains(&conflict(Field::Voter, Some("v-1"))), "the voter is named");
    // Also when the file only has fewer dots.
    let mut fewer = seeded();
    ok(&mut fewer, Action::WithdrawDot { voter: id("v-1"), cluster: id("c-1") });
    assert!(merge(&ours, &fewer).report.conflicts.contains(&conflict(Field::Voter, Some("v-1"))));
    // Each differing count waits, side by side, as this screen's and the file's.
    let waiting: Vec<(&Wording, &str)> =
        m.workshop.disagreements.iter().map(|d| (&d.about, d.theirs.as_str())).collect();
    assert_eq!(
        waiting,
        [
            (&Wording::Dots { voter: id("v-1"), cluster: id("c-1") }, "0"),
            (&Wording::Dots { voter: id("v-1"), cluster: id("c-2") }, "1"),
        ]
    );
    assert_eq!(m.workshop.check(), Ok(()));
}

#[test]
fn a_new_voters_dots_are_kept_within_our_rules() {
    let mut ours = seeded();
    ok(&mut ours, Action::WithdrawDot { voter: id("v-1"), cluster: id("c-1") });
    ok(&mut ours, Action::WithdrawDot { voter: id("v-2"), cluster: id("c-2") });
    ok(&mut ours, Action::SetVoteRules { dots_per_voter: 2, max_per_cluster: 1 });
    cast(&mut ours, "v-1", "c-1");

    let mut theirs = seeded();
    ok(&mut theirs, Action::WithdrawDot { voter: id("v-1"), cluster: id("c-1") });
    ok(&mut theirs, Action::WithdrawDot { voter: id("v-2"), cluster: id("c-2") });
    ok(&mut theirs, Action::SetVoteRules { dots_per_voter: 6, max_per_cluster: 3 });
    ok(&mut theirs, Action::CreateCluster { id: id("c-9"), name: "Vertrouwen".into() });
    add_voter(&mut theirs, "v-new", "Noor");
    for cl in ["c-1", "c-1", "c-1", "c-2", "c-9"] {
        cast(&mut theirs, "v-new", cl);
    }
    let m = merge(&ours, &theirs);
    let w = &m.workshop;
    assert_eq!(w.check(), Ok(()));
    assert_eq!((w.voting.dots_per_voter, w.voting.max_per_cluster), (2, 1), "our rules stay");
    assert_eq!(w.voting.dots_used(&id("v-new")), 2);
    assert!(w.voting.votes.iter().filter(|v| v.voter == id("v-new")).all(|v| v.dots <= 1));
}

#[test]
fn a_principle_promoted_from_the_same_cluster_on_both_laptops_is_not_duplicated() {
    let mut ours = seeded();
    ok(&mut ours, Action::Promote { id: id("p-ours"), cluster: id("c-2") });
    let mut theirs = seeded();
    ok(&mut theirs, Action::Promote { id: id("p-theirs"), cluster: id("c-2") });
    ok(
        &mut theirs,
        Action::SetTension { id: id("t-theirs"), a: id("p-theirs"), b: id("p-1"), note: String::new(), priority: None },
    );

    let m = merge(&ours, &theirs);
    let w = &m.workshop;
    assert_eq!(w.check(), Ok(()));
    let from_c2: Vec<&str> =
        w.principles.iter().filter(|p| p.from_cluster == Some(id("c-2"))).map(|p| p.id.as_str()).collect();
    assert_eq!(from_c2, ["p-ours"]);
    assert!(w.tensions.iter().all(|t| t.id != id("t-theirs")), "a tension on the skipped principle is skipped too");
    assert!(m.report.skipped.contains(&conflict(Field::Principle, Some("p-theirs"))));
    assert!(m.report.skipped.contains(&conflict(Field::Tension, Some("t-theirs"))));
}

#[test]
fn a_tension_on_the_same_pair_is_kept_once() {
    let mut ours = seeded();
    add_principle(&mut ours, "p-3", "Zorg dichtbij");
    let mut theirs = ours.clone();
    ok(
        &mut ours,
        Action::SetTension { id: id("t-ours"), a: id("p-2"), b: id("p-3"), note: String::new(), priority: None },
    );
    ok(
        &mut theirs,
        Action::SetTension { id: id("t-theirs"), a: id("p-3"), b: id("p-2"), note: "Omgekeerd".into(), priority: None },
    );
    let m = merge(&ours, &theirs);
    assert_eq!(m.workshop.check(), Ok(()));
    let ids: Vec<&str> = m.workshop.tensions.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["t-1", "t-ours"]);
    assert!(m.report.conflicts.contains(&conflict(Field::Tension, Some("t-theirs"))));
}

#[test]
fn removed_material_stays_removed_and_can_be_restored_from_the_other_file() {
    // Was: removed material comes back by itself. Now it stays removed, is offered whole,
    // and comes back (with its cards in their cluster) when the group restores it.
    let mut ours = seeded();
    ok(&mut ours, Action::RemoveSource { id: id("s-2") });
    let theirs = seeded();
    let m = merge(&ours, &theirs);
    assert!(m.workshop.source(&id("s-2")).is_none(), "deleted here stays deleted");
    let offered: Vec<&str> = m.report.restorable.iter().map(|i| i.id().as_str()).collect();
    assert_eq!(offered, ["s-2", "k-3", "k-4"]);
    let mut w = m.workshop;
    for item in m.report.restorable {
        ok(&mut w, Action::Restore { item: Box::new(item) });
    }
    assert!(w.source(&id("s-2")).is_some());
    assert_eq!(cards_in(&w, Some("c-2")), ["k-3"]);
    assert_eq!(w.check(), Ok(()));
    assert!(merge(&w, &theirs).report.restorable.is_empty(), "restored: nothing left to offer");
}

#[test]
fn a_principle_deleted_here_does_not_come_back_with_the_other_file() {
    let mut ours = seeded();
    ok(&mut ours, Action::RemovePrinciple { id: id("p-2") });
    let mut theirs = seeded();
    add_principle(&mut theirs, "p-5", "Integraal werken");
    let m = merge(&ours, &theirs);
    let ids: Vec<&str> = m.workshop.principles.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["p-1", "p-5"]);
    assert_eq!(m.report.added, [(Field::Principle, 1)]);
    // The principle and the tension that went with it are offered, whole.
    let offered: Vec<(Field, &str)> = m.report.restorable.iter().map(|i| (i.field(), i.label())).collect();
    assert_eq!(offered, [(Field::Principle, "Ruimte voor de professional"), (Field::Tension, "Wie beslist?")]);
    let mut w = m.workshop;
    for item in m.report.restorable {
        ok(&mut w, Action::Restore { item: Box::new(item) });
    }
    assert!(w.principles.iter().any(|p| p.id == id("p-2")));
    assert!(w.tensions.iter().any(|t| t.id == id("t-1")));
    assert!(w.deleted.is_empty(), "restored items have no tombstone");
}

#[test]
fn a_deleted_id_never_names_anything_again() {
    // A merge tells a deleted item from a new one by the id in its tombstone: a new principle
    // or tension under a deleted id would be taken for the deleted one (found by the fork
    // property below, whose laptops reused an id of the workshop they started from).
    let mut w = seeded();
    ok(&mut w, Action::RemovePrinciple { id: id("p-2") });
    assert_eq!(
        refused(&mut w, Action::AddPrinciple { id: id("p-2"), title: "Nieuw".into() }),
        DomainError::DuplicateId(Field::Principle)
    );
    assert_eq!(
        refused(&mut w, Action::CreateCluster { id: id("t-1"), name: "Nieuw".into() }),
        DomainError::DuplicateId(Field::Cluster),
        "the tension deleted with it too, whatever kind of thing would take its id"
    );
    // Restoring the deleted item itself takes its tombstone away first, so that still works.
    let m = merge(&w, &seeded());
    for item in m.report.restorable {
        ok(&mut w, Action::Restore { item: Box::new(item) });
    }
    assert!(w.principles.iter().any(|p| p.id == id("p-2")));
}

#[test]
fn every_kind_of_deletion_is_remembered_and_kept_in_a_merge() {
    let mut base = seeded();
    ok(
        &mut base,
        Action::AddOption {
            id: id("opt-1"),
            title: "Budget".into(),
            description: String::new(),
            amount: String::new(),
        },
    );
    ok(
        &mut base,
        Action::AddWhisper {
            id: id("wh-1"),
            principle: id("p-1"),
            layer: Layer::Board,
            author: String::new(),
            text: "Omdat".into(),
        },
    );
    ok(&mut base, Action::SaveVersion { id: id("ver-1"), name: "1.0".into(), date: String::new() });
    ok(&mut base, Action::CreateCluster { id: id("c-9"), name: "Leeg".into() });
    let mut ours = base.clone();
    for action in [
        Action::RemoveTension { id: id("t-1") },
        Action::RemoveWhisper { id: id("wh-1") },
        Action::RemoveOption { id: id("opt-1") },
        Action::RemoveVersion { id: id("ver-1") },
        Action::RemovePrinciple { id: id("p-2") },
        Action::RemoveCard { id: id("k-4") },
        Action::MergeClusters { from: id("c-9"), into: id("c-2") },
        Action::RemoveVoter { id: id("v-2") },
        Action::RemoveOutcome { id: id("o-1") },
        Action::RemoveCard { id: id("k-3") },
        Action::Ungroup { id: id("c-2") },
        Action::RemoveSource { id: id("s-2") },
        Action::RemoveGroup { id: id("g-2") },
    ] {
        ok(&mut ours, action);
    }
    let buried: BTreeSet<&str> = ours.deleted.iter().map(|t| t.id.as_str()).collect();
    let gone: BTreeSet<String> = id_set(&base).difference(&id_set(&ours)).cloned().collect();
    assert_eq!(buried, gone.iter().map(String::as_str).collect(), "every deleted id has a tombstone");
    assert_eq!(gone.len(), 13);
    let ats: Vec<u64> = ours.deleted.iter().map(|t| t.at).collect();
    assert!(ats.windows(2).all(|w| w[0] < w[1]), "each deletion later than the one before: {ats:?}");
    let m = merge(&ours, &base);
    assert_eq!(id_set(&m.workshop), id_set(&ours), "nothing deleted came back");
    let offered: BTreeSet<String> = m.report.restorable.iter().map(|i| i.id().to_string()).collect();
    assert_eq!(offered, gone, "each deleted item is offered");
    assert_eq!(m.workshop.check(), Ok(()));
}

#[test]
fn tombstones_and_waiting_decisions_survive_the_file_and_old_files_still_open() {
    let mut ours = seeded();
    ok(&mut ours, Action::RemoveCard { id: id("k-4") });
    let mut theirs = seeded();
    ok(&mut theirs, Action::RenameCluster { id: id("c-2"), name: "Zelf aan zet".into() });
    let w = merge(&ours, &theirs).workshop;
    assert_eq!(w.disagreements.len(), 1);
    let again = leidraad::format::from_json(&leidraad::format::to_json(&w)).expect("reads back");
    assert_eq!(again, w);
    // A file written before tombstones existed has neither part, and opens as before.
    let plain = leidraad::format::to_json(&seeded());
    assert!(!plain.contains("deleted") && !plain.contains("disagreements") && !plain.contains("settled"));
    assert_eq!(leidraad::format::from_json(&plain).map(|w| w.deleted.len()), Ok(0));
    // A file whose waiting text is about nothing, or too long, is refused like any damage.
    let mut odd = w.clone();
    odd.disagreements[0].about = Wording::Cluster(id("c-weg"));
    assert!(matches!(odd.check(), Err(Integrity::Dangling { .. })));
    let mut long = w.clone();
    long.disagreements[0].theirs = "x".repeat(limits::CLUSTER + 1);
    assert!(matches!(long.check(), Err(Integrity::TooLong { .. })));
    let mut many = w;
    many.deleted = (0..=limits::TOMBSTONES as u64).map(|at| Tombstone { id: id(&format!("k-{at}")), at }).collect();
    assert_eq!(many.check(), Err(Integrity::BadSet));
}

#[test]
fn tombstones_stay_bounded_forgetting_the_oldest() {
    let mut w = seeded();
    for i in 0..limits::TOMBSTONES + 5 {
        let card = format!("kx-{i}");
        add_card(&mut w, &card, "s-1", None, "Tijdelijk");
        ok(&mut w, Action::RemoveCard { id: id(&card) });
    }
    assert_eq!(w.deleted.len(), limits::TOMBSTONES);
    assert_eq!(w.deleted[0].id, id("kx-5"));
    assert_eq!(w.check(), Ok(()));
}

#[test]
fn their_tombstone_never_removes_what_is_here_but_is_kept_for_a_third_file() {
    let ours = seeded();
    let mut theirs = seeded();
    ok(&mut theirs, Action::RemoveCard { id: id("k-4") });
    add_card(&mut theirs, "k-b", "s-1", None, "Tijdelijk");
    ok(&mut theirs, Action::RemoveCard { id: id("k-b") });
    let w = merge(&ours, &theirs).workshop;
    assert!(w.cards.iter().any(|c| c.id == id("k-4")), "our card stays");
    let buried: Vec<&str> = w.deleted.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(buried, ["k-b"]);
}

/// Ours and theirs from [`seeded`], worded differently in every kind of text.
fn worded_differently() -> (Workshop, Workshop) {
    let ours = seeded();
    let mut theirs = seeded();
    for action in [
        Action::EditSetup { field: SetupField::Title, value: "Principes 2.0".into() },
        Action::EditOutcome { id: id("o-1"), text: "Iedereen doet mee".into() },
        Action::RenameGroup { id: id("g-1"), name: "Bewoners".into() },
        Action::EditSource { id: id("s-1"), title: "Cijfers jeugd".into(), notes: "Uit de monitor".into() },
        Action::EditCard { id: id("k-1"), text: "Gewoon opgroeien".into(), group: Some(id("g-1")) },
        Action::RenameCluster { id: id("c-2"), name: "Zelf aan zet".into() },
        Action::EditPrinciple { id: id("p-2"), field: PrincipleField::Title, value: "Ruimte voor vakmanschap".into() },
        Action::EditPrinciple {
            id: id("p-2"),
            field: PrincipleField::Meaning,
            value: "De professional beslist".into(),
        },
        Action::SetTension {
            id: id("t-1"),
            a: id("p-1"),
            b: id("p-2"),
            note: "Wie heeft het laatste woord?".into(),
            priority: None,
        },
    ] {
        ok(&mut theirs, action);
    }
    (ours, theirs)
}

#[test]
fn a_different_wording_in_every_kind_of_item_waits_side_by_side_until_decided() {
    let (ours, theirs) = worded_differently();
    let mut h = History::new(ours.clone());
    h.apply(Action::Merge { other: Box::new(theirs.clone()) }).expect("merged");
    let w = h.present().clone();
    let waiting: Vec<(Field, String, &str)> = w
        .disagreements
        .iter()
        .map(|d| (d.about.field(), d.about.ours(&w).unwrap_or("?".into()).into_owned(), d.theirs.as_str()))
        .collect();
    let waiting: Vec<(Field, &str, &str)> = waiting.iter().map(|(f, o, t)| (*f, o.as_str(), *t)).collect();
    assert_eq!(
        waiting,
        [
            (Field::Outcome, "Inwoners doen mee", "Iedereen doet mee"),
            (Field::Group, "Inwoners", "Bewoners"),
            (Field::Source, "Cijfers jeugdhulp", "Cijfers jeugd"),
            (Field::SourceNotes, "", "Uit de monitor"),
            (Field::Card, "Normaliseren", "Gewoon opgroeien"),
            (Field::Cluster, "Eigen regie", "Zelf aan zet"),
            (Field::Principle, "Ruimte voor de professional", "Ruimte voor vakmanschap"),
            (Field::Principle, "", "De professional beslist"),
            (Field::Tension, "Wie beslist?", "Wie heeft het laatste woord?"),
        ]
    );
    assert_eq!(w.setup.title, "Principes 2.0", "an empty setup text here is simply taken");
    assert_eq!(id_set(&w), id_set(&ours));
    // Undo and redo keep them (they are state); merging again adds none twice.
    h.undo();
    assert!(h.present().disagreements.is_empty());
    h.redo();
    assert_eq!(h.present().disagreements.len(), 9);
    assert_eq!(merge(&w, &theirs).workshop, w);
}

#[test]
fn deciding_keeps_this_text_theirs_or_both() {
    let (ours, theirs) = worded_differently();
    let mut w = merge(&ours, &theirs).workshop;
    let decide = |w: &mut Workshop, field: Field, keep: Keep| {
        let d = w.disagreements.iter().find(|d| d.about.field() == field).expect("waiting").clone();
        ok(w, Action::Decide { about: d.about, theirs: d.theirs, keep });
    };
    decide(&mut w, Field::Outcome, Keep::Ours);
    assert_eq!(w.setup.outcomes[0].text, "Inwoners doen mee");
    decide(&mut w, Field::Group, Keep::Theirs);
    assert_eq!(w.group(&id("g-1")).map(|g| g.name.as_str()), Some("Bewoners"));
    decide(&mut w, Field::Card, Keep::Both(id("k-both")));
    let both: Vec<(&str, Option<&str>)> = w
        .cards
        .iter()
        .filter(|c| ["k-1", "k-both"].contains(&c.id.as_str()))
        .map(|c| (c.text.as_str(), c.cluster.as_ref().map(Id::as_str)))
        .collect();
    assert_eq!(both, [("Normaliseren", Some("c-1")), ("Gewoon opgroeien", Some("c-1"))]);
    decide(&mut w, Field::Cluster, Keep::Both(id("unused")));
    assert_eq!(w.cluster(&id("c-2")).map(|c| c.name.as_str()), Some("Eigen regie / Zelf aan zet"));
    decide(&mut w, Field::Tension, Keep::Both(id("unused")));
    assert_eq!(w.tensions[0].note, "Wie beslist? / Wie heeft het laatste woord?");
    decide(&mut w, Field::SourceNotes, Keep::Both(id("unused")));
    assert_eq!(w.source(&id("s-1")).map(|s| s.notes.as_str()), Some("Uit de monitor"));
    assert_eq!(w.disagreements.len(), 3, "the undecided ones stay");
    // Deciding twice, or on a text that no longer waits, is refused and changes nothing.
    let before = w.clone();
    let gone = Action::Decide { about: Wording::Group(id("g-1")), theirs: "Bewoners".into(), keep: Keep::Theirs };
    assert_eq!(refused(&mut w, gone), DomainError::NotFound(Field::Group));
    assert_eq!(w, before);
    // A lock on the step holds the decision back too.
    ok(&mut w, Action::SetLock { stage: Stage::Concretise, locked: true });
    let d = w.disagreements.iter().find(|d| d.about.field() == Field::Principle).expect("waiting").clone();
    assert_eq!(
        refused(&mut w, Action::Decide { about: d.about, theirs: d.theirs, keep: Keep::Theirs }),
        DomainError::Locked(Stage::Concretise)
    );
    // Deleting the item drops what waited on it.
    ok(&mut w, Action::RemoveSource { id: id("s-1") });
    assert!(w.disagreements.iter().all(|d| d.about.item() != Some(&id("s-1"))));
}

#[test]
fn a_decision_is_remembered_so_merging_the_same_file_again_asks_nothing_new() {
    let (ours, theirs) = worded_differently();
    let mut w = merge(&ours, &theirs).workshop;
    let waiting = w.disagreements.clone();
    assert_eq!(waiting.len(), 9);
    // Decide each: this one, theirs or both, in turn.
    for (n, d) in waiting.iter().enumerate() {
        let keep = [Keep::Ours, Keep::Theirs, Keep::Both(id(&format!("k-both-{n}")))][n % 3].clone();
        ok(&mut w, Action::Decide { about: d.about.clone(), theirs: d.theirs.clone(), keep });
    }
    assert!(w.disagreements.is_empty());
    assert_eq!(w.settled.len(), 9);
    // The same file again: nothing waits, nothing changes.
    let again = merge(&w, &theirs);
    assert_eq!(again.report.disagreements, 0);
    assert_eq!(again.workshop, w);
    // A new wording in the file still waits; the decided ones do not come back.
    let mut newer = theirs.clone();
    ok(&mut newer, Action::RenameCluster { id: id("c-2"), name: "Regie bij de inwoner".into() });
    let m = merge(&w, &newer);
    assert_eq!(
        m.workshop.disagreements,
        [Disagreement { about: Wording::Cluster(id("c-2")), theirs: "Regie bij de inwoner".into() }]
    );
    // The record is part of the file, without the declined words, and reads back.
    let json = leidraad::format::to_json(&w);
    assert!(json.contains("\"settled\""));
    assert!(!json.contains("Iedereen doet mee"), "a declined wording stays behind only as a fingerprint");
    assert_eq!(leidraad::format::from_json(&json), Ok(w.clone()));
    // A record that is not a fingerprint, or too many, is refused like any damage.
    let mut odd = w.clone();
    odd.settled[0].theirs = "Iedereen doet mee".into();
    assert_eq!(odd.check(), Err(Integrity::BadSet));
    let mut many = w.clone();
    let one = many.settled[0].clone();
    many.settled = (0..=limits::SETTLED as u64).map(|at| Settled { at, ..one.clone() }).collect();
    assert_eq!(many.check(), Err(Integrity::BadSet));
    // A decision is one undoable step with its record.
    let mut h = History::new(merge(&ours, &theirs).workshop);
    let d = h.present().disagreements[0].clone();
    h.apply(Action::Decide { about: d.about, theirs: d.theirs, keep: Keep::Ours }).expect("decided");
    assert_eq!(h.present().settled.len(), 1);
    h.undo();
    assert!(h.present().settled.is_empty());
    assert_eq!(h.present().disagreements.len(), 9);
    // Deleting the item forgets its record too.
    ok(&mut w, Action::RemoveTension { id: id("t-1") });
    assert!(w.settled.iter().all(|s| s.about.item() != Some(&id("t-1"))));
    assert_eq!(w.settled.len(), 8);
}

/// Ours and theirs from [`seeded`], holding every kind of value (not a text) differently.
fn valued_differently() -> (Workshop, Workshop) {
    let ours = seeded();
    let mut theirs = seeded();
    for action in [
        Action::MoveCards { cards: vec![id("k-2")], to: Some(id("c-2")) },
        Action::EditCard { id: id("k-3"), text: "Eigen regie".into(), group: Some(id("g-1")) },
        Action::WithdrawDot { voter: id("v-2"), cluster: id("c-2") },
        Action::CastDot { voter: id("v-2"), cluster: id("c-1") },
        Action::SetPrincipleKind { id: id("p-2"), kind: PrincipleKind::Value },
        Action::SetPrincipleOutcome { id: id("p-2"), outcome: Some(id("o-1")) },
        Action::SetTension {
            id: id("t-1"),
            a: id("p-1"),
            b: id("p-2"),
            note: "Wie beslist?".into(),
            priority: Some(id("p-2")),
        },
    ] {
        ok(&mut theirs, action);
    }
    // No action moves a card to another source or changes a source's type, but a file can
    // hold them (written by another version, or by hand).
    theirs.cards.iter_mut().find(|c| c.id == id("k-4")).expect("card").source = id("s-1");
    theirs.sources.iter_mut().find(|s| s.id == id("s-2")).expect("source").kind = SourceKind::Case;
    assert_eq!(theirs.check(), Ok(()));
    (ours, theirs)
}

#[test]
fn every_other_kind_of_difference_waits_side_by_side_and_is_named() {
    let (ours, theirs) = valued_differently();
    let m = merge(&ours, &theirs);
    let w = &m.workshop;
    let waiting: Vec<(&Wording, String, &str)> = w
        .disagreements
        .iter()
        .map(|d| (&d.about, d.about.ours(w).expect("here").into_owned(), d.theirs.as_str()))
        .collect();
    let dots = |voter: &str, cluster: &str| Wording::Dots { voter: id(voter), cluster: id(cluster) };
    assert_eq!(
        waiting,
        [
            (&Wording::CardCluster(id("k-2")), "c-1".to_string(), "c-2"),
            (&Wording::CardGroup(id("k-3")), "g-2".to_string(), "g-1"),
            (&Wording::CardSource(id("k-4")), "s-2".to_string(), "s-1"),
            (&Wording::SourceKind(id("s-2")), "appreciative".to_string(), "case"),
            (&dots("v-2", "c-1"), "0".to_string(), "1"),
            (&dots("v-2", "c-2"), "1".to_string(), "0"),
            (&Wording::PrincipleKind(id("p-2")), "transformation_goal".to_string(), "value"),
            (&Wording::PrincipleOutcome(id("p-2")), String::new(), "o-1"),
            (&Wording::TensionPriority(id("t-1")), String::new(), "p-2"),
        ]
    );
    assert!(w.disagreements.iter().all(|d| !d.about.is_text()));
    assert_eq!(m.report.disagreements, 9);
    // Until decided, this screen's values stay, and the report names every item.
    assert_eq!(w.cards, ours.cards);
    assert_eq!(
        (&w.sources, &w.voting, &w.principles, &w.tensions),
        (&ours.sources, &ours.voting, &ours.principles, &ours.tensions)
    );
    let named: Vec<(Field, &str)> = m.report.named.iter().map(|(f, n)| (*f, n.as_str())).collect();
    for expected in [
        (Field::Card, "Niemand is normaal"),
        (Field::Card, "Eigen regie"),
        (Field::Card, "Vertrouwen in de professional"),
        (Field::Source, "Geslaagd voorbeeld wijkteam"),
        (Field::Voter, "Bram"),
        (Field::Principle, "Ruimte voor de professional"),
        (Field::Tension, "Normaliseren – Ruimte voor de professional"),
    ] {
        assert!(named.contains(&expected), "{expected:?} not named in {named:?}");
    }
    // Merging again adds none twice.
    assert_eq!(merge(w, &theirs).workshop, *w);
}

#[test]
fn taking_the_files_value_or_keeping_this_one_for_every_kind() {
    let (ours, theirs) = valued_differently();
    let merged_once = merge(&ours, &theirs).workshop;
    // Taking every value of the file gives the file's values.
    let mut w = merged_once.clone();
    for d in merged_once.disagreements.iter().cloned() {
        ok(&mut w, Action::Decide { about: d.about, theirs: d.theirs, keep: Keep::Theirs });
    }
    assert!(w.disagreements.is_empty());
    assert_eq!(w.cards, theirs.cards);
    assert_eq!(w.sources, theirs.sources);
    let dots = |w: &Workshop, voter: &str| {
        let mut v: Vec<(String, u32)> =
            w.voting.votes.iter().filter(|x| x.voter == id(voter)).map(|x| (x.cluster.to_string(), x.dots)).collect();
        v.sort();
        v
    };
    assert_eq!(dots(&w, "v-2"), [("c-1".to_string(), 1)]);
    assert_eq!(w.principles, theirs.principles);
    assert_eq!(w.tensions, theirs.tensions);
    assert_eq!(w.check(), Ok(()));
    // Keeping every value of this screen keeps this screen's, and the same file asks nothing.
    let mut w = merged_once.clone();
    for d in merged_once.disagreements.iter().cloned() {
        ok(&mut w, Action::Decide { about: d.about, theirs: d.theirs, keep: Keep::Ours });
    }
    assert_eq!((&w.cards, &w.sources, &w.voting), (&ours.cards, &ours.sources, &ours.voting));
    assert_eq!((&w.principles, &w.tensions), (&ours.principles, &ours.tensions));
    assert_eq!(merge(&w, &theirs).report.disagreements, 0);
    // "Both" is no choice for a value: refused, nothing changes.
    let mut w = merged_once.clone();
    let d = w.disagreements[0].clone();
    let before = w.clone();
    assert_eq!(
        refused(&mut w, Action::Decide { about: d.about, theirs: d.theirs, keep: Keep::Both(id("k-new")) }),
        DomainError::BothValues
    );
    assert_eq!(w, before);
    // The file's dots count only within this screen's rules.
    let ours = seeded();
    let mut theirs = seeded();
    // (Rules change only before the first dot: as in a file that started with other rules.)
    theirs.voting.max_per_cluster = 2;
    theirs.voting.votes[0].dots = 2;
    assert_eq!(theirs.voting.votes[0], Vote { voter: id("v-1"), cluster: id("c-1"), dots: 2 });
    let mut w = merge(&ours, &theirs).workshop;
    let d = w.disagreements.iter().find(|d| matches!(d.about, Wording::Dots { .. })).expect("waiting").clone();
    assert_eq!(d.theirs, "2");
    let before = w.clone();
    assert_eq!(
        refused(&mut w, Action::Decide { about: d.about, theirs: d.theirs, keep: Keep::Theirs }),
        DomainError::MaxPerCluster(1)
    );
    assert_eq!(w, before);
    // A waiting value that names nothing here is refused in a file like any damage.
    let mut odd = merged_once;
    odd.disagreements[0].theirs = "c-weg".into();
    assert!(matches!(odd.check(), Err(Integrity::Dangling { .. })));
}

#[test]
fn a_merge_respects_the_locked_steps() {
    let ours = seeded();
    let theirs = other_laptop(); // new source, card, cluster, voter, principle
    for (stage, refused_as) in [(Stage::Collect, Stage::Collect), (Stage::Cluster, Stage::Cluster)] {
        let mut w = ours.clone();
        ok(&mut w, Action::SetLock { stage, locked: true });
        let before = w.clone();
        assert_eq!(
            refused(&mut w, Action::Merge { other: Box::new(theirs.clone()) }),
            DomainError::MergeLocked(refused_as)
        );
        assert_eq!(w, before);
    }
    // A file that changes nothing in the locked step merges.
    let mut w = ours.clone();
    ok(&mut w, Action::SetLock { stage: Stage::Collect, locked: true });
    let mut only_after = seeded();
    ok(
        &mut only_after,
        Action::AddOption {
            id: id("opt-1"),
            title: "Budget".into(),
            description: String::new(),
            amount: String::new(),
        },
    );
    ok(&mut w, Action::Merge { other: Box::new(only_after) });
    assert_eq!(w.after.options.len(), 1);
}

#[test]
fn eight_and_eight_different_principles_are_refused_for_the_twelve_principle_limit() {
    let ours = with_principles(8);
    let mut theirs = Workshop::default();
    for i in 0..8 {
        add_principle(&mut theirs, &format!("q-{i}"), &format!("Ander principe {i}"));
    }
    assert_eq!(merged(&ours, &theirs), Err(DomainError::MergeSetTooLarge { together: 16, max: 12 }));
    let said =
        leidraad::i18n::error(&DomainError::MergeSetTooLarge { together: 16, max: 12 }, leidraad::i18n::Lang::Nl);
    assert!(said.contains("16") && said.contains("12"), "{said}");
    assert!(!said.contains("passen niet bij elkaar"), "{said}");
}

#[test]
fn their_final_verdict_is_taken_only_for_the_same_set() {
    let mut ours = with_principles(5);
    let mut theirs = ours.clone();
    ok(&mut theirs, Action::Finalise { reason: None });
    assert_eq!(merge(&ours, &theirs).workshop.finalised, Some(Finalised { reason: None }));
    ok(&mut ours, Action::EditPrinciple { id: id("p-0"), field: PrincipleField::Meaning, value: "Anders".into() });
    assert_eq!(merge(&ours, &theirs).workshop.finalised, None);
}

// --- Random forks of one workshop -------------------------------------------------------------

/// What kind of thing each id names.
fn kinds(w: &Workshop) -> HashMap<String, &'static str> {
    let mut out = HashMap::new();
    let mut put = |ids: Vec<&Id>, kind: &'static str| {
        for i in ids {
            out.insert(i.to_string(), kind);
        }
    };
    put(w.setup.outcomes.iter().map(|x| &x.id).collect(), "outcome");
    put(w.setup.groups.iter().map(|x| &x.id).collect(), "group");
    put(w.sources.iter().map(|x| &x.id).collect(), "source");
    put(w.cards.iter().map(|x| &x.id).collect(), "card");
    put(w.clusters.iter().map(|x| &x.id).collect(), "cluster");
    put(w.voting.voters.iter().map(|x| &x.id).collect(), "voter");
    put(w.principles.iter().map(|x| &x.id).collect(), "principle");
    put(w.tensions.iter().map(|x| &x.id).collect(), "tension");
    put(w.after.tasks.iter().map(|x| &x.id).collect(), "task");
    put(w.after.indicators.iter().map(|x| &x.id).collect(), "indicator");
    out
}

fn reported(r: &MergeReport) -> BTreeSet<String> {
    let offered = r.restorable.iter().map(|i| i.id().to_string());
    r.conflicts.iter().chain(&r.skipped).filter_map(|c| c.id.as_ref().map(|i| i.to_string())).chain(offered).collect()
}

/// Everything of `ours` is in `merged`, unchanged.
fn keeps_all_of(ours: &Workshop, m: &Workshop) -> Result<(), TestCaseError> {
    macro_rules! each {
        ($list:expr, $in:expr) => {
            for x in &$list {
                prop_assert!($in.contains(x), "lost or changed: {:?}", x);
            }
        };
    }
    each!(ours.setup.outcomes, m.setup.outcomes);
    each!(ours.setup.groups, m.setup.groups);
    each!(ours.sources, m.sources);
    each!(ours.cards, m.cards);
    each!(ours.clusters, m.clusters);
    each!(ours.voting.voters, m.voting.voters);
    each!(ours.voting.votes, m.voting.votes);
    each!(ours.principles, m.principles);
    each!(ours.tensions, m.tensions);
    each!(ours.after.tasks, m.after.tasks);
    each!(ours.after.indicators, m.after.indicators);
    each!(ours.after.owners, m.after.owners);
    each!(ours.after.assumptions, m.after.assumptions);
    prop_assert!(ours.after.adoption == Adoption::default() || ours.after.adoption == m.after.adoption);
    prop_assert!(ours.after.evaluation == Evaluation::default() || ours.after.evaluation == m.after.evaluation);
    prop_assert_eq!(
        (ours.voting.dots_per_voter, ours.voting.max_per_cluster),
        (m.voting.dots_per_voter, m.voting.max_per_cluster)
    );
    for (mine, now) in [
        (&ours.setup.title, &m.setup.title),
        (&ours.setup.organisation, &m.setup.organisation),
        (&ours.setup.date, &m.setup.date),
        (&ours.setup.facilitator, &m.setup.facilitator),
    ] {
        prop_assert!(mine.is_empty() || mine == now);
    }
    if ours.finalised.is_some() {
        prop_assert_eq!(&ours.finalised, &m.finalised);
    }
    Ok(())
}

/// Every item both sides hold with different content is reported as a conflict.
fn reports_every_difference(ours: &Workshop, theirs: &Workshop, r: &MergeReport) -> Result<(), TestCaseError> {
    macro_rules! each {
        ($field:expr, $mine:expr, $other:expr) => {
            for x in &$other {
                if let Some(mine) = $mine.iter().find(|m| m.id == x.id) {
                    if mine != x {
                        let c = Conflict { field: $field, id: Some(x.id.clone()) };
                        prop_assert!(r.conflicts.contains(&c), "unreported: {:?}", c);
                    }
                }
            }
        };
    }
    each!(Field::Outcome, ours.setup.outcomes, theirs.setup.outcomes);
    each!(Field::Group, ours.setup.groups, theirs.setup.groups);
    each!(Field::Source, ours.sources, theirs.sources);
    each!(Field::Card, ours.cards, theirs.cards);
    each!(Field::Cluster, ours.clusters, theirs.clusters);
    each!(Field::Voter, ours.voting.voters, theirs.voting.voters);
    each!(Field::Principle, ours.principles, theirs.principles);
    each!(Field::Tension, ours.tensions, theirs.tensions);
    each!(Field::Task, ours.after.tasks, theirs.after.tasks);
    each!(Field::Indicator, ours.after.indicators, theirs.after.indicators);
    Ok(())
}

fn forks() -> impl Strategy<Value = (Workshop, Workshop)> {
    (played(25), proptest::collection::vec(action(), 0..=30), proptest::collection::vec(action(), 0..=30)).prop_map(
        |(base, a, b)| {
            let a: Vec<Action> = a.into_iter().map(|x| on_laptop(x, &base, "a")).collect();
            let b: Vec<Action> = b.into_iter().map(|x| on_laptop(x, &base, "b")).collect();
            (play(base.clone(), a), play(base, b))
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(256), ..ProptestConfig::default() })]

    /// Two laptops continue one workshop; merging either way loses nothing, duplicates
    /// nothing, keeps the open workshop's version, and a second merge changes nothing.
    #[test]
    fn merging_forks_of_one_workshop_loses_nothing_and_is_idempotent((a, b) in forks()) {
        let (ka, kb) = (kinds(&a), kinds(&b));
        let clash = ka.iter().any(|(i, k)| kb.get(i).is_some_and(|other| other != k));
        for (ours, theirs) in [(&a, &b), (&b, &a)] {
            let result = merged(ours, theirs);
            // One id naming two kinds of thing can only be merged if the merge leaves it out.
            if clash && result.is_err() {
                prop_assert_eq!(result, Err(DomainError::IdClash));
                continue;
            }
            let m = match result {
                Ok(m) => m,
                Err(e) => return Err(TestCaseError::fail(format!("merge refused: {e:?}"))),
            };
            let w = &m.workshop;
            prop_assert_eq!(w.check(), Ok(()));
            keeps_all_of(ours, w)?;
            reports_every_difference(ours, theirs, &m.report)?;
            // Every id is ours, or theirs unless reported; none twice.
            let mut expected: BTreeSet<String> = id_set(ours);
            let left_out = reported(&m.report);
            expected.extend(id_set(theirs).into_iter().filter(|i| !left_out.contains(i)));
            let got = id_set(w);
            prop_assert!(expected.is_subset(&got), "lost: {:?}", expected.difference(&got).collect::<Vec<_>>());
            prop_assert!(got.is_subset(&id_set(ours).union(&id_set(theirs)).cloned().collect()));
            prop_assert_eq!(w.all_ids().count(), got.len());
            // Idempotent.
            let again = merged(w, theirs);
            prop_assert_eq!(again.map(|x| x.workshop), Ok(w.clone()));
            // One undoable step; or, when it would change a step locked here, refused
            // naming that step, and nothing changes.
            let mut h = History::new(ours.clone());
            let step = h.apply(Action::Merge { other: Box::new(theirs.clone()) });
            if let Err(DomainError::MergeLocked(stage)) = step {
                prop_assert!(ours.locks.contains(&stage));
                prop_assert_eq!(h.present(), ours);
                prop_assert!(!h.can_undo());
                continue;
            }
            prop_assert!(step.is_ok());
            prop_assert_eq!(h.present(), w);
            h.undo();
            prop_assert_eq!(h.present(), ours);
        }
        if let (Ok(ab), Ok(ba)) = (merged(&a, &b), merged(&b, &a)) {
            // Both ways hold the same ids, apart from what either merge reported and left out.
            let allowed: BTreeSet<String> = reported(&ab.report).union(&reported(&ba.report)).cloned().collect();
            let (x, y) = (id_set(&ab.workshop), id_set(&ba.workshop));
            let differ: Vec<&String> = x.symmetric_difference(&y).filter(|i| !allowed.contains(*i)).collect();
            prop_assert!(differ.is_empty(), "differ: {:?}", differ);
        }
    }
}

#[test]
fn a_waiting_value_that_names_what_an_action_removed_goes_with_it() {
    // Found by the session property test: the file has card k-2 in cluster c-2; here c-2 is
    // then merged into c-1, so "put it in c-2" can no longer be chosen, and the file stays sound.
    let (ours, theirs) = valued_differently();
    let mut w = merge(&ours, &theirs).workshop;
    let about = Wording::CardCluster(id("k-2"));
    assert!(w.disagreements.iter().any(|d| d.about == about));
    let waiting = w.disagreements.len();
    ok(&mut w, Action::MergeClusters { from: id("c-2"), into: id("c-1") });
    assert!(!w.disagreements.iter().any(|d| d.about == about || d.theirs == "c-2"));
    assert!(w.disagreements.len() < waiting);
    assert_eq!(w.check(), Ok(()));
}

// --- The set in practice (format version 3): owners, adoption, actions, indicators,
// assumption checks and the evaluation are merged like the rest.

fn task(tid: &str, principle: &str, what: &str, status: Progress) -> Action {
    Action::SetTask(Box::new(Task {
        id: id(tid),
        principle: id(principle),
        implication: Implication::Access,
        who: "Wijkteam".into(),
        what: what.into(),
        due: "2027-03-01".into(),
        status,
    }))
}

fn indicator(iid: &str, name: &str, measured: &str) -> Action {
    Action::SetIndicator(Box::new(Indicator {
        id: id(iid),
        outcome: id("o-1"),
        name: name.into(),
        source: "CBS".into(),
        baseline: "62 %".into(),
        baseline_date: "2026-01-01".into(),
        target: "75 %".into(),
        measured: measured.into(),
        measured_date: String::new(),
    }))
}

fn owners(principle: &str, owner: &str, ambassadors: &[&str]) -> Action {
    Action::SetOwners(Ownership {
        principle: id(principle),
        owner: owner.into(),
        ambassadors: ambassadors.iter().map(|a| a.to_string()).collect(),
    })
}

fn assumption(principle: &str, answer: Answer, note: &str) -> Action {
    Action::CheckAssumption { principle: id(principle), answer: Some(answer), note: note.into() }
}

/// Both laptops start from one set in practice; the other laptop then changes every part
/// and adds an action, an indicator, owners and an assumption check of its own.
fn practised_differently() -> (Workshop, Workshop) {
    let mut base = seeded();
    ok(&mut base, owners("p-1", "Anna", &["Bram"]));
    ok(&mut base, task("a-1", "p-1", "Folder maken", Progress::Open));
    ok(&mut base, indicator("i-1", "Meedoen", ""));
    ok(&mut base, assumption("p-1", Answer::Yes, "Klopt nog"));
    let adoption = Adoption { by: Some(Adopter::College), planned: "2027-01-10".into(), ..Adoption::default() };
    ok(&mut base, Action::SetAdoption(adoption.clone()));
    let evaluation = Evaluation { held: "2027-12-01".into(), decision: Some(Decision::Keep), note: String::new() };
    ok(&mut base, Action::SetEvaluation(evaluation.clone()));

    let mut theirs = base.clone();
    ok(&mut theirs, task("a-1", "p-1", "Folder maken", Progress::Done));
    ok(&mut theirs, task("a-2", "p-2", "Training geven", Progress::Busy));
    ok(&mut theirs, indicator("i-1", "Meedoen", "70 %"));
    ok(&mut theirs, indicator("i-2", "Eenzaamheid", ""));
    ok(&mut theirs, owners("p-1", "Carla", &["Bram", "Dirk"]));
    ok(&mut theirs, owners("p-2", "Eva", &[]));
    ok(&mut theirs, assumption("p-1", Answer::No, "Klopt niet meer"));
    ok(&mut theirs, assumption("p-2", Answer::Partly, ""));
    ok(&mut theirs, Action::SetAdoption(Adoption { decided: "2027-02-01".into(), ..adoption }));
    ok(&mut theirs, Action::SetEvaluation(Evaluation { note: "Goed gegaan".into(), ..evaluation }));
    (base, theirs)
}

fn practice(w: &Workshop) -> Vec<&Disagreement> {
    w.disagreements.iter().filter(|d| matches!(d.about, Wording::Practice(_))).collect()
}

#[test]
fn the_set_in_practice_of_the_other_file_is_merged_not_dropped() {
    let (ours, theirs) = practised_differently();
    let m = merge(&ours, &theirs);
    let (w, r) = (&m.workshop, &m.report);
    assert_eq!(w.check(), Ok(()));
    // Only theirs: added.
    assert!(w.after.tasks.iter().any(|t| t.id == id("a-2") && t.what == "Training geven"));
    assert!(w.after.indicators.iter().any(|i| i.id == id("i-2")));
    assert!(w.after.owners.iter().any(|o| o.principle == id("p-2") && o.owner == "Eva"));
    assert!(w.after.assumptions.iter().any(|a| a.principle == id("p-2") && a.answer == Answer::Partly));
    for kind in [Field::Task, Field::Indicator, Field::Person, Field::Assumption] {
        assert!(r.added.contains(&(kind, 1)), "{kind:?} in {:?}", r.added);
    }
    // On both sides, differently: this screen's stays, named, and the file's waits.
    assert_eq!(w.after.tasks.iter().find(|t| t.id == id("a-1")).map(|t| t.status), Some(Progress::Open));
    assert_eq!(w.after.owners.iter().find(|o| o.principle == id("p-1")).map(|o| o.owner.as_str()), Some("Anna"));
    assert_eq!(w.after.adoption, ours.after.adoption);
    assert_eq!(w.after.evaluation, ours.after.evaluation);
    for c in [
        conflict(Field::Task, Some("a-1")),
        conflict(Field::Indicator, Some("i-1")),
        conflict(Field::Person, Some("p-1")),
        conflict(Field::Assumption, Some("p-1")),
        conflict(Field::Adoption, None),
        conflict(Field::Evaluation, None),
    ] {
        assert!(r.conflicts.contains(&c), "{c:?} in {:?}", r.conflicts);
    }
    assert!(r.named.contains(&(Field::Task, "Folder maken".into())), "{:?}", r.named);
    assert!(r.named.contains(&(Field::Person, "Normaliseren".into())), "{:?}", r.named);
    let waiting: Vec<Wording> = practice(w).iter().map(|d| d.about.clone()).collect();
    assert_eq!(
        waiting,
        [
            Wording::Practice(Practice::Task(id("a-1"))),
            Wording::Practice(Practice::Indicator(id("i-1"))),
            Wording::Practice(Practice::Owners(id("p-1"))),
            Wording::Practice(Practice::Assumption(id("p-1"))),
            Wording::Practice(Practice::Adoption),
            Wording::Practice(Practice::Evaluation),
        ]
    );
    assert_eq!(r.disagreements, 6);
    let report = leidraad::i18n::FilesText::merge_report(r, leidraad::i18n::Lang::Nl);
    assert!(report.contains("actie „Folder maken”") && report.contains("besluit over de set"), "{report}");
    // The waiting records survive the file.
    let again = leidraad::format::from_json(&leidraad::format::to_json(w)).expect("reads back");
    assert_eq!(&again, w);
    // Empty here, filled in the file: taken, and nothing waits.
    let m = merge(&seeded(), &theirs);
    assert_eq!(m.workshop.after.adoption, theirs.after.adoption);
    assert_eq!(m.workshop.after.evaluation, theirs.after.evaluation);
    assert_eq!(m.workshop.after.owners, theirs.after.owners);
    assert_eq!(m.workshop.after.tasks, theirs.after.tasks);
    assert!(m.report.added.contains(&(Field::Adoption, 1)) && m.report.added.contains(&(Field::Task, 2)));
    assert!(practice(&m.workshop).is_empty());
}

#[test]
fn deciding_a_practice_difference_keeps_this_one_takes_the_files_or_keeps_both_owners() {
    let (ours, theirs) = practised_differently();
    let merged_w = merge(&ours, &theirs).workshop;
    let mut h = History::new(merged_w.clone());
    let waiting = |w: &Workshop, p: Practice| {
        w.disagreements.iter().find(|d| d.about == Wording::Practice(p.clone())).expect("waiting").clone()
    };
    let decide = |h: &mut History, p: Practice, keep: Keep| {
        let d = waiting(h.present(), p);
        h.apply(Action::Decide { about: d.about, theirs: d.theirs, keep }).expect("decided");
    };
    decide(&mut h, Practice::Task(id("a-1")), Keep::Theirs);
    assert_eq!(h.present().after.tasks.iter().find(|t| t.id == id("a-1")).map(|t| t.status), Some(Progress::Done));
    // Undo is exact.
    h.undo();
    assert_eq!(h.present(), &merged_w);
    decide(&mut h, Practice::Task(id("a-1")), Keep::Ours);
    assert_eq!(h.present().after.tasks, merged_w.after.tasks);
    decide(&mut h, Practice::Indicator(id("i-1")), Keep::Theirs);
    let i = h.present().after.indicators.iter().find(|i| i.id == id("i-1")).expect("kept").clone();
    assert_eq!(i.measured, "70 %");
    decide(&mut h, Practice::Adoption, Keep::Theirs);
    assert_eq!(h.present().after.adoption, theirs.after.adoption);
    decide(&mut h, Practice::Evaluation, Keep::Ours);
    assert_eq!(h.present().after.evaluation, ours.after.evaluation);
    decide(&mut h, Practice::Assumption(id("p-1")), Keep::Theirs);
    let a = h.present().after.assumptions.iter().find(|a| a.principle == id("p-1")).expect("kept").clone();
    assert_eq!((a.answer, a.note.as_str()), (Answer::No, "Klopt niet meer"));
    // "Keep both" is for owners only: every name stays, this owner first.
    let mut w = h.present().clone();
    let d = waiting(&w, Practice::Owners(id("p-1")));
    let both = Action::Decide { about: d.about.clone(), theirs: d.theirs.clone(), keep: Keep::Both(id("x-1")) };
    ok(&mut w, both);
    let o = w.after.owners.iter().find(|o| o.principle == id("p-1")).expect("owners");
    assert_eq!((o.owner.as_str(), o.ambassadors.clone()), ("Anna", vec!["Bram".into(), "Carla".into(), "Dirk".into()]));
    assert!(practice(&w).is_empty(), "all decided");
    // Merging the same file again asks nothing new.
    assert!(practice(&merge(&w, &theirs).workshop).is_empty());
    let mut w = h.present().clone();
    decide(&mut h, Practice::Owners(id("p-1")), Keep::Theirs);
    assert_eq!(
        h.present().after.owners.iter().find(|o| o.principle == id("p-1")).map(|o| o.owner.as_str()),
        Some("Carla")
    );
    // "Keep both" of a record that is no list of names is refused, and nothing changes.
    let mut again = merge(&ours, &theirs).workshop;
    let d = waiting(&again, Practice::Task(id("a-1")));
    let e = refused(&mut again, Action::Decide { about: d.about, theirs: d.theirs, keep: Keep::Both(id("x-2")) });
    assert_eq!(e, DomainError::BothValues);
    // Removing the action drops what waited on it; the set's own records wait on nothing.
    let mut fresh = merge(&ours, &theirs).workshop;
    ok(&mut fresh, Action::RemoveTask(id("a-1")));
    assert!(!practice(&fresh).iter().any(|d| d.about == Wording::Practice(Practice::Task(id("a-1")))));
    assert_eq!(fresh.check(), Ok(()));
    // Deciding an after-the-charter record is never held back by a lock.
    ok(&mut w, Action::SetLock { stage: Stage::Concretise, locked: true });
    let d = waiting(&w, Practice::Owners(id("p-1")));
    ok(&mut w, Action::Decide { about: d.about, theirs: d.theirs, keep: Keep::Ours });
}

#[test]
fn an_action_or_indicator_deleted_here_stays_deleted_and_can_be_restored() {
    let (base, theirs) = practised_differently();
    let mut ours = base;
    ok(&mut ours, Action::RemoveTask(id("a-1")));
    ok(&mut ours, Action::RemoveIndicator(id("i-1")));
    assert!(ours.deleted.iter().any(|t| t.id == id("a-1")) && ours.deleted.iter().any(|t| t.id == id("i-1")));
    let m = merge(&ours, &theirs);
    let w = &m.workshop;
    assert!(!w.after.tasks.iter().any(|t| t.id == id("a-1")));
    assert!(!w.after.indicators.iter().any(|i| i.id == id("i-1")));
    let offered: Vec<(Field, &str)> = m.report.restorable.iter().map(|i| (i.field(), i.label())).collect();
    assert_eq!(offered, [(Field::Task, "Folder maken"), (Field::Indicator, "Meedoen")]);
    let mut w = w.clone();
    for item in m.report.restorable.clone() {
        ok(&mut w, Action::Restore { item: Box::new(item) });
    }
    assert_eq!(w.after.tasks.iter().find(|t| t.id == id("a-1")).map(|t| t.status), Some(Progress::Done));
    assert_eq!(w.after.indicators.iter().find(|i| i.id == id("i-1")).map(|i| i.measured.as_str()), Some("70 %"));
    assert!(w.deleted.iter().all(|t| t.id != id("a-1") && t.id != id("i-1")));
    // An action on a principle deleted here goes with it, restorable once the principle is back.
    let mut ours = seeded();
    ok(&mut ours, Action::RemovePrinciple { id: id("p-2") });
    let m = merge(&ours, &theirs);
    assert!(m.report.restorable.iter().any(|i| i.id() == &id("a-2")));
    assert!(!m.workshop.after.owners.iter().any(|o| o.principle == id("p-2")));
    assert_eq!(m.workshop.check(), Ok(()));
}

#[test]
fn practice_items_on_a_principle_left_out_are_left_out_and_named_and_limits_hold() {
    // Both laptops made a principle of cluster c-2, with different ids: theirs is left out,
    // and so is what hangs on it.
    let mut ours = seeded();
    ok(&mut ours, Action::Promote { id: id("p-a"), cluster: id("c-2") });
    let mut theirs = seeded();
    ok(&mut theirs, Action::Promote { id: id("p-b"), cluster: id("c-2") });
    ok(&mut theirs, task("a-9", "p-b", "Spreekuur", Progress::Open));
    ok(&mut theirs, owners("p-b", "Eva", &[]));
    let m = merge(&ours, &theirs);
    for c in [conflict(Field::Task, Some("a-9")), conflict(Field::Person, Some("p-b"))] {
        assert!(m.report.skipped.contains(&c), "{c:?} in {:?}", m.report.skipped);
    }
    assert!(m.workshop.after.tasks.is_empty() && m.workshop.after.owners.is_empty());
    // Actions beyond the limit are not added, and named.
    let mut full = seeded();
    for n in 0..limits::TASKS {
        ok(&mut full, task(&format!("a-{n}"), "p-1", "Actie", Progress::Open));
    }
    let mut other = seeded();
    ok(&mut other, task("a-nieuw", "p-1", "Nog een", Progress::Open));
    let m = merge(&full, &other);
    assert_eq!(m.workshop.after.tasks.len(), limits::TASKS);
    assert_eq!(m.report.full, [conflict(Field::Task, Some("a-nieuw"))]);
    let report = leidraad::i18n::FilesText::merge_report(&m.report, leidraad::i18n::Lang::Nl);
    assert!(report.contains("1 actie, omdat er niet meer bij passen"), "{report}");
}
