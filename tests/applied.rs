//! What `apply` says happened: where cards went, what a merge added (computed once), that a
//! final set became a draft again; a refused action says nothing and changes nothing.

mod common;

use common::*;
use leidraad::workshop::*;

fn moved(card: &str, from: Option<&str>) -> CardMove {
    CardMove { card: id(card), from: from.map(id) }
}

#[test]
fn moving_a_card_reports_where_it_went() {
    let mut w = seeded();
    // k-2 is in "Normaliseren", k-4 is not grouped; listed out of board order and twice.
    let applied = w
        .apply(Action::MoveCards { cards: vec![id("k-4"), id("k-2"), id("k-4")], to: Some(id("c-2")) })
        .expect("the move is allowed");
    assert_eq!(
        applied,
        Applied {
            change: Change::Moved { to: Some(id("c-2")), cards: vec![moved("k-2", Some("c-1")), moved("k-4", None)] },
            reopened: false,
        }
    );
    assert_eq!(cards_in(&w, Some("c-2")), ["k-2", "k-3", "k-4"]);

    // Back to "not grouped", and a new cluster from a selection, say the same.
    let back = w.apply(Action::MoveCards { cards: vec![id("k-3")], to: None }).expect("allowed");
    assert_eq!(back.change, Change::Moved { to: None, cards: vec![moved("k-3", Some("c-2"))] });
    let new = w
        .apply(Action::ClusterCards { id: id("c-3"), name: "Vertrouwen".into(), cards: vec![id("k-4")] })
        .expect("allowed");
    assert_eq!(new.change, Change::Moved { to: Some(id("c-3")), cards: vec![moved("k-4", Some("c-2"))] });
}

#[test]
fn merging_reports_once_what_it_added() {
    let ours = seeded();
    let theirs = other_laptop();
    let expected = merged(&ours, &theirs).expect("the files merge");
    assert!(expected.report.added_total() > 0, "the other laptop adds something");

    let mut h = History::new(ours.clone());
    let applied = h.apply(Action::Merge { other: Box::new(theirs.clone()) }).expect("merged");
    assert_eq!(applied, Applied { change: Change::Merged(expected.report), reopened: false });
    assert_eq!(*h.present(), expected.workshop);

    // Again: nothing new, said so, and no step recorded.
    let again = h.apply(Action::Merge { other: Box::new(theirs) }).expect("merged again");
    let Change::Merged(report) = again.change else { panic!("a merge reports a merge: {again:?}") };
    assert_eq!(report.added_total(), 0);
    assert!(h.undo());
    assert_eq!(*h.present(), ours);
    assert!(!h.can_undo());
}

#[test]
fn a_refused_action_reports_nothing_and_changes_nothing() {
    let mut w = seeded();
    ok(&mut w, Action::SetLock { stage: Stage::Cluster, locked: true });
    let mut h = History::new(w.clone());
    let before = h.clone();
    let result = h.apply(Action::MoveCards { cards: vec![id("k-4")], to: Some(id("c-1")) });
    assert_eq!(result, Err(DomainError::Locked(Stage::Cluster)));
    assert_eq!(h, before);
    assert_eq!(refused(&mut w, Action::MoveCards { cards: vec![], to: None }), DomainError::Locked(Stage::Cluster));
}

#[test]
fn a_final_set_that_gains_or_loses_a_principle_reports_it_is_a_draft_again() {
    let mut w = with_principles(5);
    let first = w.principles[0].id.clone();
    let done = w.apply(Action::Finalise { reason: None }).expect("five principles finalise");
    assert_eq!(done, Applied::done());

    let added = w.apply(Action::AddPrinciple { id: id("p-nieuw"), title: "Samen leren".into() }).expect("room");
    assert_eq!(added, Applied { change: Change::PrincipleAdded(id("p-nieuw")), reopened: true });
    assert_eq!(w.finalised, None);

    // Not final any more: the next change reopens nothing.
    let removed = w.apply(Action::RemovePrinciple { id: first.clone() }).expect("removed");
    assert_eq!(removed, Applied { change: Change::PrincipleRemoved(first), reopened: false });

    // Editing a text of a final set keeps it final.
    ok(&mut w, Action::Finalise { reason: None });
    let edited = w
        .apply(Action::EditPrinciple { id: id("p-nieuw"), field: PrincipleField::Meaning, value: "Wij leren".into() })
        .expect("fits");
    assert_eq!(edited, Applied::done());
    assert!(w.finalised.is_some());
}

#[test]
fn replacing_the_workshop_reports_it() {
    let mut w = seeded();
    let applied = w
        .apply(Action::Replace { workshop: Box::new(other_laptop().checked().expect("a sound file")) })
        .expect("replaced");
    assert_eq!(applied.change, Change::Replaced);
}

#[test]
fn a_preset_workshop_is_built_through_apply() {
    let mut ids = CountingIds::default();
    let defaults = ["Inwoners", "Beleid", "Uitvoering", "Partners"];
    let w = Workshop::preset(&mut ids, defaults, Some(["Jeugd", " ", "Wijkteam"]), Some("Sessie Ede"));
    let names: Vec<&str> = w.setup.groups.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(names, ["Jeugd", "Wijkteam"], "an empty name is left out");
    assert_eq!(w.setup.title, "Sessie Ede");
    assert_eq!(w.check(), Ok(()));

    // No usable preset group: the method's four; a title too long is left out.
    let long = "x".repeat(limits::TITLE + 1);
    let w = Workshop::preset(&mut ids, defaults, Some([""]), Some(long.as_str()));
    assert_eq!(w.setup.groups.len(), 4);
    assert_eq!(w.setup.title, "");
    let w = Workshop::preset(&mut ids, defaults, None::<[&str; 0]>, None);
    assert_eq!(w.setup.groups.len(), 4);
}

#[test]
fn whether_an_action_would_reopen_the_final_set_is_known_before_it_is_applied() {
    let mut w = with_principles(5);
    let first = w.principles[0].id.clone();
    let add = Action::AddPrinciple { id: id("p-nieuw"), title: "Samen leren".into() };
    let remove = Action::RemovePrinciple { id: first.clone() };
    let edit = Action::EditPrinciple { id: first.clone(), field: PrincipleField::Meaning, value: "Wij leren".into() };
    assert!(!w.would_reopen(&add), "a draft has nothing to reopen");

    ok(&mut w, Action::Finalise { reason: None });
    let before = w.clone();
    assert!(w.would_reopen(&add));
    assert!(w.would_reopen(&remove));
    assert!(!w.would_reopen(&edit), "editing a text keeps the set final");
    assert!(
        !w.would_reopen(&Action::AddPrinciple { id: id("p-leeg"), title: " ".into() }),
        "a refused action reopens nothing"
    );
    assert!(!w.would_reopen(&Action::RemovePrinciple { id: id("p-weg") }), "nothing to remove");
    assert_eq!(w, before, "asking changes nothing");

    // What it foretold is what apply then reports; a locked step reopens nothing.
    assert!(w.apply(remove).expect("removed").reopened);
    ok(&mut w, Action::Finalise { reason: Some("Vier is genoeg voor dit jaar".into()) });
    ok(&mut w, Action::SetLock { stage: Stage::Reduce, locked: true });
    assert!(!w.would_reopen(&add));
}
