//! The workshop domain, action by action, as the method runs: set up, collect, cluster,
//! vote, promote, concretise, finalise; then undo/redo and random sessions (proptest).

mod common;

use common::*;
use leidraad::workshop::limits;
use leidraad::workshop::*;
use proptest::prelude::*;

// --- Voorbereiden (setup) ---------------------------------------------------------------------

#[test]
fn a_new_workshop_starts_with_the_four_groups_of_the_method() {
    let mut ids = CountingIds::default();
    let w = with_groups(&mut ids);
    let names: Vec<&str> = w.setup.groups.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(names, ["Inwoners", "Beleid", "Uitvoering", "Partners"]);
    assert_eq!(w.setup.groups[0].id, id("grp-1"));
    assert_eq!(w.setup.groups[3].id, id("grp-4"));
    assert_eq!(w.check(), Ok(()));
}

#[test]
fn opening_a_file_over_a_workshop_with_only_setup_or_voters_would_replace_work() {
    let mut ids = CountingIds::default();
    let fresh = with_groups(&mut ids);
    // A new workshop on another page load draws other ids for the same groups: nothing to lose.
    let mut other_ids = CountingIds::default();
    let _ = other_ids.next_id("grp");
    let again = with_groups(&mut other_ids);
    assert_ne!(again.setup.groups[0].id, fresh.setup.groups[0].id);
    assert!(again.is_untouched(&fresh));
    let changes = [
        Action::EditSetup { field: SetupField::Organisation, value: "Gemeente Vlissingen".into() },
        Action::EditSetup { field: SetupField::Facilitator, value: "Sam de Vries".into() },
        Action::EditSetup { field: SetupField::Date, value: "2027-03-14".into() },
        Action::AddGroup { id: id("grp-9"), name: "Jongerenraad".into() },
        Action::AddVoter { id: id("v-1"), name: "Tafel 1".into() },
        Action::SetLock { stage: Stage::Collect, locked: true },
    ];
    for action in changes {
        let mut w = again.clone();
        ok(&mut w, action.clone());
        assert!(!w.is_untouched(&fresh), "{action:?} is work that opening a file would replace");
    }
}

#[test]
fn setup_fields_are_stored_trimmed_and_may_be_left_empty() {
    let mut w = Workshop::default();
    for (field, value) in [
        (SetupField::Title, "  Leidende principes Vlissingen "),
        (SetupField::Organisation, "Gemeente Vlissingen"),
        (SetupField::Date, "2027-03-14"),
        (SetupField::Facilitator, "Movisie"),
    ] {
        ok(&mut w, Action::EditSetup { field, value: value.into() });
    }
    assert_eq!(w.setup.title, "Leidende principes Vlissingen");
    assert_eq!(w.setup.organisation, "Gemeente Vlissingen");
    assert_eq!(w.setup.date, "2027-03-14");
    assert_eq!(w.setup.facilitator, "Movisie");
    ok(&mut w, Action::EditSetup { field: SetupField::Facilitator, value: "   ".into() });
    assert_eq!(w.setup.facilitator, "");
}

#[test]
fn each_setup_field_refuses_text_over_its_limit() {
    for (field, f, max) in [
        (SetupField::Title, Field::Title, limits::TITLE),
        (SetupField::Organisation, Field::Organisation, limits::ORGANISATION),
        (SetupField::Date, Field::Date, limits::DATE),
        (SetupField::Facilitator, Field::Facilitator, limits::FACILITATOR),
    ] {
        let mut w = Workshop::default();
        // Characters count, not bytes: "ë" is two bytes.
        ok(&mut w, Action::EditSetup { field, value: "ë".repeat(max) });
        let err = refused(&mut w, Action::EditSetup { field, value: "ë".repeat(max + 1) });
        assert_eq!(err, DomainError::TooLong { field: f, max });
    }
}

#[test]
fn outcomes_are_added_edited_and_removed() {
    let mut w = Workshop::default();
    ok(&mut w, Action::AddOutcome { id: id("o-1"), text: " Jeugdigen groeien gezond op ".into() });
    assert_eq!(w.setup.outcomes[0].text, "Jeugdigen groeien gezond op");
    ok(&mut w, Action::EditOutcome { id: id("o-1"), text: "Inwoners doen mee".into() });
    assert_eq!(w.setup.outcomes[0].text, "Inwoners doen mee");
    assert_eq!(
        refused(&mut w, Action::AddOutcome { id: id("o-2"), text: " ".into() }),
        DomainError::Empty(Field::Outcome)
    );
    assert_eq!(
        refused(&mut w, Action::EditOutcome { id: id("o-1"), text: "x".repeat(limits::OUTCOME + 1) }),
        DomainError::TooLong { field: Field::Outcome, max: limits::OUTCOME }
    );
    assert_eq!(
        refused(&mut w, Action::AddOutcome { id: id("o-1"), text: "Nog een".into() }),
        DomainError::DuplicateId(Field::Outcome)
    );
    assert_eq!(
        refused(&mut w, Action::EditOutcome { id: id("o-9"), text: "Nee".into() }),
        DomainError::NotFound(Field::Outcome)
    );
    ok(&mut w, Action::RemoveOutcome { id: id("o-1") });
    assert!(w.setup.outcomes.is_empty());
    assert_eq!(refused(&mut w, Action::RemoveOutcome { id: id("o-1") }), DomainError::NotFound(Field::Outcome));
}

#[test]
fn removing_an_outcome_unlinks_the_principles_that_served_it() {
    let mut w = with_principles(2);
    ok(&mut w, Action::AddOutcome { id: id("o-1"), text: "Inwoners doen mee".into() });
    ok(&mut w, Action::SetPrincipleOutcome { id: id("p-0"), outcome: Some(id("o-1")) });
    ok(&mut w, Action::RemoveOutcome { id: id("o-1") });
    assert_eq!(w.principles[0].outcome, None);
    assert_eq!(w.check(), Ok(()));
}

#[test]
fn groups_are_renamed_and_an_unused_group_removed() {
    let mut ids = CountingIds::default();
    let mut w = with_groups(&mut ids);
    ok(&mut w, Action::RenameGroup { id: id("grp-4"), name: "Maatschappelijke partners".into() });
    assert_eq!(w.group(&id("grp-4")).map(|g| g.name.as_str()), Some("Maatschappelijke partners"));
    assert_eq!(
        refused(&mut w, Action::RenameGroup { id: id("grp-4"), name: "".into() }),
        DomainError::Empty(Field::Group)
    );
    assert_eq!(
        refused(&mut w, Action::AddGroup { id: id("grp-9"), name: "g".repeat(limits::GROUP + 1) }),
        DomainError::TooLong { field: Field::Group, max: limits::GROUP }
    );
    ok(&mut w, Action::RemoveGroup { id: id("grp-3") });
    assert_eq!(w.setup.groups.len(), 3);
    assert!(w.group(&id("grp-3")).is_none());
}

#[test]
fn a_group_cannot_be_removed_while_cards_name_it() {
    let mut w = collected();
    assert_eq!(refused(&mut w, Action::RemoveGroup { id: id("g-inw") }), DomainError::GroupInUse { cards: 2 });
    // Once its cards name another group, it can go.
    ok(&mut w, Action::EditCard { id: id("k-1"), text: "Niemand is normaal".into(), group: None });
    ok(&mut w, Action::EditCard { id: id("k-4"), text: "Eén gezin, één plan".into(), group: Some(id("g-bel")) });
    ok(&mut w, Action::RemoveGroup { id: id("g-inw") });
    assert_eq!(w.check(), Ok(()));
}

#[test]
fn an_id_already_used_by_any_kind_of_item_is_refused() {
    let mut w = collected();
    assert_eq!(
        refused(&mut w, Action::AddGroup { id: id("k-1"), name: "Partners".into() }),
        DomainError::DuplicateId(Field::Group)
    );
    assert_eq!(
        refused(
            &mut w,
            Action::AddSource { id: id("g-inw"), kind: SourceKind::Case, title: "Casus".into(), notes: String::new() }
        ),
        DomainError::DuplicateId(Field::Source)
    );
    assert_eq!(
        refused(&mut w, Action::CreateCluster { id: id("v-anna"), name: "Vertrouwen".into() }),
        DomainError::DuplicateId(Field::Cluster)
    );
    assert_eq!(
        refused(&mut w, Action::AddPrinciple { id: id("o-1"), title: "Vertrouwen".into() }),
        DomainError::DuplicateId(Field::Principle)
    );
    assert_eq!(
        refused(&mut w, Action::AddCard { id: id("s-ede"), source: id("s-ede"), group: None, text: "Dubbel".into() }),
        DomainError::DuplicateId(Field::Card)
    );
}

// --- Verzamelen (collect) ---------------------------------------------------------------------

#[test]
fn a_source_is_added_with_its_route_and_edited() {
    let mut w = Workshop::default();
    ok(
        &mut w,
        Action::AddSource {
            id: id("s-1"),
            kind: SourceKind::Appreciative,
            title: " Succes in de wijk ".into(),
            notes: "Wat werkte: één vast gezicht.".into(),
        },
    );
    let s = w.source(&id("s-1")).expect("source added");
    assert_eq!(
        (s.kind, s.title.as_str(), s.notes.as_str()),
        (SourceKind::Appreciative, "Succes in de wijk", "Wat werkte: één vast gezicht.")
    );
    ok(&mut w, Action::EditSource { id: id("s-1"), title: "Succes in Noord".into(), notes: String::new() });
    assert_eq!(w.sources[0].title, "Succes in Noord");
    assert_eq!(w.sources[0].notes, "");
    assert_eq!(
        refused(&mut w, Action::EditSource { id: id("s-1"), title: "  ".into(), notes: String::new() }),
        DomainError::Empty(Field::Source)
    );
    assert_eq!(
        refused(
            &mut w,
            Action::EditSource { id: id("s-1"), title: "Titel".into(), notes: "n".repeat(limits::SOURCE_NOTES + 1) }
        ),
        DomainError::TooLong { field: Field::SourceNotes, max: limits::SOURCE_NOTES }
    );
    assert_eq!(
        refused(&mut w, Action::EditSource { id: id("s-2"), title: "Titel".into(), notes: String::new() }),
        DomainError::NotFound(Field::Source)
    );
}

#[test]
fn removing_a_source_removes_its_cards_and_undo_brings_them_back() {
    let start = clustered();
    let mut h = History::new(start.clone());
    h.apply(Action::RemoveSource { id: id("s-ede") }).expect("source removed");
    let w = h.present();
    assert!(w.source(&id("s-ede")).is_none());
    assert_eq!(all_card_ids(w), ["k-4", "k-5"]);
    assert_eq!(w.check(), Ok(()));
    assert!(h.undo());
    assert_eq!(*h.present(), start);
    assert_eq!(all_card_ids(h.present()), ["k-1", "k-2", "k-3", "k-4", "k-5"]);
    assert_eq!(cluster_of(h.present(), "k-1"), Some(id("c-norm")));
}

fn all_card_ids(w: &Workshop) -> Vec<String> {
    w.cards.iter().map(|c| c.id.to_string()).collect()
}

#[test]
fn a_card_keeps_where_it_came_from_and_who_wrote_it() {
    let w = collected();
    let card = &w.cards[0];
    assert_eq!(card.text, "Niemand is normaal");
    assert_eq!(card.source, id("s-ede"));
    assert_eq!(card.group, Some(id("g-inw")));
    assert_eq!(card.cluster, None);
}

#[test]
fn an_empty_card_is_refused() {
    let mut w = collected();
    for text in ["", "   ", "\n\t"] {
        let err =
            refused(&mut w, Action::AddCard { id: id("k-9"), source: id("s-ede"), group: None, text: text.into() });
        assert_eq!(err, DomainError::Empty(Field::Card));
    }
    let err = refused(&mut w, Action::EditCard { id: id("k-1"), text: " ".into(), group: None });
    assert_eq!(err, DomainError::Empty(Field::Card));
}

#[test]
fn a_card_longer_than_the_limit_is_refused_counting_characters() {
    let mut w = collected();
    ok(&mut w, Action::AddCard { id: id("k-9"), source: id("s-ede"), group: None, text: "é".repeat(limits::CARD) });
    let err = refused(
        &mut w,
        Action::AddCard { id: id("k-10"), source: id("s-ede"), group: None, text: "é".repeat(limits::CARD + 1) },
    );
    assert_eq!(err, DomainError::TooLong { field: Field::Card, max: limits::CARD });
    let err = refused(&mut w, Action::EditCard { id: id("k-1"), text: "a".repeat(limits::CARD + 1), group: None });
    assert_eq!(err, DomainError::TooLong { field: Field::Card, max: limits::CARD });
}

#[test]
fn a_card_must_name_an_existing_source_and_group() {
    let mut w = collected();
    let err =
        refused(&mut w, Action::AddCard { id: id("k-9"), source: id("s-weg"), group: None, text: "Vertrouwen".into() });
    assert_eq!(err, DomainError::NotFound(Field::Source));
    let err = refused(
        &mut w,
        Action::AddCard { id: id("k-9"), source: id("s-ede"), group: Some(id("g-weg")), text: "Vertrouwen".into() },
    );
    assert_eq!(err, DomainError::NotFound(Field::Group));
    let err = refused(&mut w, Action::EditCard { id: id("k-1"), text: "Vertrouwen".into(), group: Some(id("g-weg")) });
    assert_eq!(err, DomainError::NotFound(Field::Group));
    let err = refused(&mut w, Action::EditCard { id: id("k-9"), text: "Vertrouwen".into(), group: None });
    assert_eq!(err, DomainError::NotFound(Field::Card));
}

#[test]
fn a_card_is_edited_and_removed() {
    let mut w = clustered();
    ok(
        &mut w,
        Action::EditCard {
            id: id("k-1"),
            text: " Niemand is normaal, iedereen doet mee ".into(),
            group: Some(id("g-bel")),
        },
    );
    let card = &w.cards[0];
    assert_eq!(card.text, "Niemand is normaal, iedereen doet mee");
    assert_eq!(card.group, Some(id("g-bel")));
    assert_eq!(card.cluster, Some(id("c-norm")), "editing keeps the card in its cluster");
    ok(&mut w, Action::RemoveCard { id: id("k-1") });
    assert_eq!(cards_in(&w, Some("c-norm")), ["k-2"]);
    assert_eq!(refused(&mut w, Action::RemoveCard { id: id("k-1") }), DomainError::NotFound(Field::Card));
}

// --- Clusteren (cluster) ----------------------------------------------------------------------

#[test]
fn clustering_cards_creates_a_named_cluster_holding_them() {
    let mut w = collected();
    cluster_cards(&mut w, "c-1", "  Normaliseren ", &["k-1", "k-2"]);
    assert_eq!(w.cluster(&id("c-1")).map(|c| c.name.as_str()), Some("Normaliseren"));
    assert_eq!(cards_in(&w, Some("c-1")), ["k-1", "k-2"]);
    assert_eq!(cards_in(&w, None), ["k-3", "k-4", "k-5"]);
}

#[test]
fn an_empty_cluster_is_created_and_renamed() {
    let mut w = collected();
    ok(&mut w, Action::CreateCluster { id: id("c-1"), name: "Zorg dichtbij".into() });
    assert!(cards_in(&w, Some("c-1")).is_empty());
    ok(&mut w, Action::RenameCluster { id: id("c-1"), name: "Dichtbij huis".into() });
    assert_eq!(w.clusters[0].name, "Dichtbij huis");
    assert_eq!(
        refused(&mut w, Action::RenameCluster { id: id("c-1"), name: " ".into() }),
        DomainError::Empty(Field::Cluster)
    );
    assert_eq!(
        refused(&mut w, Action::RenameCluster { id: id("c-1"), name: "n".repeat(limits::CLUSTER + 1) }),
        DomainError::TooLong { field: Field::Cluster, max: limits::CLUSTER }
    );
    assert_eq!(
        refused(&mut w, Action::RenameCluster { id: id("c-9"), name: "X".into() }),
        DomainError::NotFound(Field::Cluster)
    );
    assert_eq!(
        refused(&mut w, Action::CreateCluster { id: id("c-1"), name: "X".into() }),
        DomainError::DuplicateId(Field::Cluster)
    );
}

#[test]
fn moving_cards_puts_each_in_exactly_one_cluster() {
    let mut w = clustered();
    ok(&mut w, Action::MoveCards { cards: vec![id("k-1"), id("k-5")], to: Some(id("c-plan")) });
    assert_eq!(cards_in(&w, Some("c-norm")), ["k-2"]);
    assert_eq!(cards_in(&w, Some("c-plan")), ["k-1", "k-4", "k-5"]);
    ok(&mut w, Action::MoveCards { cards: vec![id("k-4")], to: None });
    assert_eq!(cards_in(&w, None), ["k-4"]);
    // Every card counted once over all clusters and "not grouped".
    let total: usize =
        [Some("c-norm"), Some("c-prev"), Some("c-plan"), None].iter().map(|c| cards_in(&w, *c).len()).sum();
    assert_eq!(total, w.cards.len());
}

#[test]
fn moving_nothing_or_an_unknown_card_or_to_an_unknown_cluster_is_refused() {
    let mut w = clustered();
    assert_eq!(
        refused(&mut w, Action::MoveCards { cards: vec![], to: Some(id("c-norm")) }),
        DomainError::NothingSelected
    );
    assert_eq!(
        refused(&mut w, Action::MoveCards { cards: vec![id("k-1"), id("k-weg")], to: Some(id("c-plan")) }),
        DomainError::NotFound(Field::Card)
    );
    assert_eq!(
        refused(&mut w, Action::MoveCards { cards: vec![id("k-1")], to: Some(id("c-weg")) }),
        DomainError::NotFound(Field::Cluster)
    );
    assert_eq!(
        refused(&mut w, Action::ClusterCards { id: id("c-new"), name: "Nieuw".into(), cards: vec![] }),
        DomainError::NothingSelected
    );
    assert_eq!(
        refused(&mut w, Action::ClusterCards { id: id("c-new"), name: "Nieuw".into(), cards: vec![id("k-weg")] }),
        DomainError::NotFound(Field::Card)
    );
    assert_eq!(
        refused(&mut w, Action::ClusterCards { id: id("c-norm"), name: "Nieuw".into(), cards: vec![id("k-5")] }),
        DomainError::DuplicateId(Field::Cluster)
    );
    assert_eq!(
        refused(&mut w, Action::ClusterCards { id: id("c-new"), name: "".into(), cards: vec![id("k-5")] }),
        DomainError::Empty(Field::Cluster)
    );
}

#[test]
fn splitting_a_cluster_moves_only_the_selected_cards() {
    let mut w = clustered();
    ok(&mut w, Action::ClusterCards { id: id("c-split"), name: "Niemand is normaal".into(), cards: vec![id("k-1")] });
    assert_eq!(cards_in(&w, Some("c-norm")), ["k-2"]);
    assert_eq!(cards_in(&w, Some("c-split")), ["k-1"]);
    assert_eq!(w.clusters.len(), 4);
}

#[test]
fn merging_two_clusters_keeps_every_card() {
    let mut w = clustered();
    let cards_before = w.cards.len();
    ok(&mut w, Action::MergeClusters { from: id("c-prev"), into: id("c-norm") });
    assert!(w.cluster(&id("c-prev")).is_none());
    assert_eq!(cards_in(&w, Some("c-norm")), ["k-1", "k-2", "k-3"]);
    assert_eq!(w.cards.len(), cards_before);
    assert_eq!(w.check(), Ok(()));
}

#[test]
fn merging_a_cluster_with_itself_or_an_unknown_one_is_refused() {
    let mut w = clustered();
    assert_eq!(
        refused(&mut w, Action::MergeClusters { from: id("c-norm"), into: id("c-norm") }),
        DomainError::SameCluster
    );
    assert_eq!(
        refused(&mut w, Action::MergeClusters { from: id("c-weg"), into: id("c-norm") }),
        DomainError::NotFound(Field::Cluster)
    );
    assert_eq!(
        refused(&mut w, Action::MergeClusters { from: id("c-norm"), into: id("c-weg") }),
        DomainError::NotFound(Field::Cluster)
    );
}

#[test]
fn merging_clusters_moves_the_dots_within_the_per_cluster_maximum() {
    let mut w = clustered();
    ok(&mut w, Action::SetVoteRules { dots_per_voter: 5, max_per_cluster: 2 });
    cast(&mut w, "v-anna", "c-norm");
    cast(&mut w, "v-anna", "c-prev");
    cast(&mut w, "v-anna", "c-prev");
    cast(&mut w, "v-bram", "c-prev");
    ok(&mut w, Action::MergeClusters { from: id("c-prev"), into: id("c-norm") });
    // Anna had 1 + 2 but may place at most 2 on one cluster; Bram's dot follows his card.
    assert_eq!(w.voting.dots_on(&id("c-norm")), 3);
    assert_eq!(w.voting.dots_used(&id("v-anna")), 2);
    assert_eq!(w.voting.dots_used(&id("v-bram")), 1);
    assert_eq!(w.voting.dots_on(&id("c-prev")), 0);
    assert_eq!(w.check(), Ok(()));
}

#[test]
fn ungrouping_returns_the_cards_and_drops_the_dots_on_it() {
    let mut w = clustered();
    cast(&mut w, "v-anna", "c-norm");
    cast(&mut w, "v-anna", "c-plan");
    ok(&mut w, Action::Ungroup { id: id("c-norm") });
    assert!(w.cluster(&id("c-norm")).is_none());
    assert_eq!(cards_in(&w, None), ["k-1", "k-2", "k-5"]);
    assert_eq!(w.voting.dots_used(&id("v-anna")), 1);
    assert_eq!(refused(&mut w, Action::Ungroup { id: id("c-norm") }), DomainError::NotFound(Field::Cluster));
    assert_eq!(w.check(), Ok(()));
}

#[test]
fn accepting_a_suggestion_is_one_undoable_step() {
    let start = collected();
    let mut h = History::new(start.clone());
    h.apply(Action::AcceptSuggestion {
        id: id("c-sug"),
        name: "Normaliseren".into(),
        cards: vec![id("k-1"), id("k-2")],
    })
    .expect("suggestion accepted");
    assert_eq!(cards_in(h.present(), Some("c-sug")), ["k-1", "k-2"]);
    assert!(h.undo());
    assert_eq!(*h.present(), start);
    assert!(!h.can_undo());
}

// --- Kiezen (vote) ----------------------------------------------------------------------------

#[test]
fn each_voter_places_only_their_own_dots() {
    let mut w = clustered();
    ok(&mut w, Action::SetVoteRules { dots_per_voter: 3, max_per_cluster: 2 });
    cast(&mut w, "v-anna", "c-norm");
    cast(&mut w, "v-anna", "c-norm");
    cast(&mut w, "v-anna", "c-plan");
    assert_eq!(
        refused(&mut w, Action::CastDot { voter: id("v-anna"), cluster: id("c-prev") }),
        DomainError::NoDotsLeft
    );
    // Bram's dots are his own.
    cast(&mut w, "v-bram", "c-prev");
    assert_eq!(w.voting.dots_used(&id("v-anna")), 3);
    assert_eq!(w.voting.dots_used(&id("v-bram")), 1);
}

#[test]
fn a_voter_places_at_most_the_maximum_on_one_cluster() {
    let mut w = clustered();
    ok(&mut w, Action::SetVoteRules { dots_per_voter: 5, max_per_cluster: 2 });
    cast(&mut w, "v-anna", "c-norm");
    cast(&mut w, "v-anna", "c-norm");
    assert_eq!(
        refused(&mut w, Action::CastDot { voter: id("v-anna"), cluster: id("c-norm") }),
        DomainError::MaxPerCluster(2)
    );
    let mut w = clustered(); // default rules: one dot per cluster
    cast(&mut w, "v-anna", "c-norm");
    assert_eq!(
        refused(&mut w, Action::CastDot { voter: id("v-anna"), cluster: id("c-norm") }),
        DomainError::MaxPerCluster(1)
    );
}

#[test]
fn a_dot_needs_a_known_voter_and_cluster() {
    let mut w = clustered();
    assert_eq!(
        refused(&mut w, Action::CastDot { voter: id("v-weg"), cluster: id("c-norm") }),
        DomainError::NotFound(Field::Voter)
    );
    assert_eq!(
        refused(&mut w, Action::CastDot { voter: id("v-anna"), cluster: id("c-weg") }),
        DomainError::NotFound(Field::Cluster)
    );
    assert_eq!(refused(&mut w, Action::AddVoter { id: id("v-3"), name: " ".into() }), DomainError::Empty(Field::Voter));
    assert_eq!(
        refused(&mut w, Action::AddVoter { id: id("v-anna"), name: "Anna".into() }),
        DomainError::DuplicateId(Field::Voter)
    );
}

#[test]
fn a_dot_is_withdrawn_and_only_a_placed_one() {
    let mut w = clustered();
    ok(&mut w, Action::SetVoteRules { dots_per_voter: 5, max_per_cluster: 2 });
    cast(&mut w, "v-anna", "c-norm");
    cast(&mut w, "v-anna", "c-norm");
    ok(&mut w, Action::WithdrawDot { voter: id("v-anna"), cluster: id("c-norm") });
    assert_eq!(w.voting.dots_on(&id("c-norm")), 1);
    ok(&mut w, Action::WithdrawDot { voter: id("v-anna"), cluster: id("c-norm") });
    assert!(w.voting.votes.is_empty(), "no vote entry with zero dots stays behind");
    assert_eq!(
        refused(&mut w, Action::WithdrawDot { voter: id("v-anna"), cluster: id("c-norm") }),
        DomainError::NoDotToWithdraw
    );
    assert_eq!(
        refused(&mut w, Action::WithdrawDot { voter: id("v-bram"), cluster: id("c-plan") }),
        DomainError::NoDotToWithdraw
    );
}

#[test]
fn the_rules_are_locked_once_dots_are_cast() {
    let mut w = clustered();
    ok(&mut w, Action::SetVoteRules { dots_per_voter: 3, max_per_cluster: 1 });
    assert_eq!((w.voting.dots_per_voter, w.voting.max_per_cluster), (3, 1));
    cast(&mut w, "v-anna", "c-norm");
    assert_eq!(
        refused(&mut w, Action::SetVoteRules { dots_per_voter: 6, max_per_cluster: 2 }),
        DomainError::VotesAlreadyCast
    );
    // Withdrawing the last dot unlocks them again.
    ok(&mut w, Action::WithdrawDot { voter: id("v-anna"), cluster: id("c-norm") });
    ok(&mut w, Action::SetVoteRules { dots_per_voter: 6, max_per_cluster: 2 });
}

#[test]
fn vote_rules_outside_the_range_are_refused() {
    let mut w = Workshop::default();
    let (lo, hi) = (limits::DOTS_MIN, limits::DOTS_MAX);
    for dots in [0, hi + 1] {
        assert_eq!(
            refused(&mut w, Action::SetVoteRules { dots_per_voter: dots, max_per_cluster: 1 }),
            DomainError::OutOfRange { what: Field::Voter, min: lo, max: hi }
        );
    }
    for max in [0, 4] {
        assert_eq!(
            refused(&mut w, Action::SetVoteRules { dots_per_voter: 3, max_per_cluster: max }),
            DomainError::OutOfRange { what: Field::Cluster, min: 1, max: 3 }
        );
    }
    ok(&mut w, Action::SetVoteRules { dots_per_voter: hi, max_per_cluster: hi });
    ok(&mut w, Action::SetVoteRules { dots_per_voter: lo, max_per_cluster: 1 });
}

#[test]
fn removing_a_voter_removes_their_dots() {
    let mut w = clustered();
    cast(&mut w, "v-anna", "c-norm");
    cast(&mut w, "v-bram", "c-norm");
    ok(&mut w, Action::RemoveVoter { id: id("v-anna") });
    assert_eq!(w.voting.dots_on(&id("c-norm")), 1);
    assert!(w.voting.votes.iter().all(|v| v.voter == id("v-bram")));
    assert_eq!(refused(&mut w, Action::RemoveVoter { id: id("v-anna") }), DomainError::NotFound(Field::Voter));
}

#[test]
fn results_stay_hidden_until_revealed() {
    let mut w = clustered();
    assert!(!w.voting.revealed);
    ok(&mut w, Action::RevealVotes { revealed: true });
    assert!(w.voting.revealed);
    ok(&mut w, Action::RevealVotes { revealed: false });
    assert!(!w.voting.revealed);
}

#[test]
fn the_ranking_puts_most_dots_first_and_keeps_board_order_on_ties() {
    let mut w = clustered();
    add_voter(&mut w, "v-carla", "Carla");
    cast(&mut w, "v-anna", "c-plan");
    cast(&mut w, "v-bram", "c-plan");
    cast(&mut w, "v-carla", "c-plan");
    cast(&mut w, "v-anna", "c-prev");
    let ranked: Vec<(String, u32)> = w.ranking().iter().map(|(c, n)| (c.id.to_string(), *n)).collect();
    assert_eq!(ranked, [("c-plan".to_string(), 3), ("c-prev".to_string(), 1), ("c-norm".to_string(), 0)]);
    // A tie keeps the board order: c-norm comes before c-prev on the board.
    cast(&mut w, "v-bram", "c-norm");
    let ranked: Vec<String> = w.ranking().iter().map(|(c, _)| c.id.to_string()).collect();
    assert_eq!(ranked, ["c-plan", "c-norm", "c-prev"]);
}

// --- Promote ----------------------------------------------------------------------------------

#[test]
fn promoting_a_cluster_titles_the_principle_with_its_name() {
    let mut w = clustered();
    ok(&mut w, Action::Promote { id: id("p-1"), cluster: id("c-norm") });
    let p = &w.principles[0];
    assert_eq!(p.title, "Normaliseren");
    assert_eq!(p.from_cluster, Some(id("c-norm")));
    assert_eq!(p.kind, PrincipleKind::TransformationGoal);
    assert_eq!(p.outcome, None);
}

#[test]
fn a_long_cluster_name_is_cut_to_the_charter_line() {
    let mut w = collected();
    let name = format!("{} {}", "a".repeat(limits::PRINCIPLE_TITLE - 1), "b".repeat(15));
    ok(&mut w, Action::CreateCluster { id: id("c-1"), name: name.clone() });
    ok(&mut w, Action::Promote { id: id("p-1"), cluster: id("c-1") });
    let title = &w.principles[0].title;
    assert!(title.chars().count() <= limits::PRINCIPLE_TITLE);
    assert_eq!(*title, "a".repeat(limits::PRINCIPLE_TITLE - 1), "cut, then trimmed");
    assert_eq!(w.check(), Ok(()));
}

#[test]
fn a_cluster_cannot_be_promoted_twice() {
    let mut w = clustered();
    ok(&mut w, Action::Promote { id: id("p-1"), cluster: id("c-norm") });
    assert_eq!(refused(&mut w, Action::Promote { id: id("p-2"), cluster: id("c-norm") }), DomainError::AlreadyPromoted);
    assert_eq!(
        refused(&mut w, Action::Promote { id: id("p-1"), cluster: id("c-plan") }),
        DomainError::DuplicateId(Field::Principle)
    );
    assert_eq!(
        refused(&mut w, Action::Promote { id: id("p-2"), cluster: id("c-weg") }),
        DomainError::NotFound(Field::Cluster)
    );
}

#[test]
fn a_promoted_cluster_cannot_be_ungrouped_or_merged_away() {
    let mut w = clustered();
    ok(&mut w, Action::Promote { id: id("p-1"), cluster: id("c-norm") });
    assert_eq!(refused(&mut w, Action::Ungroup { id: id("c-norm") }), DomainError::ClusterIsPrinciple);
    assert_eq!(
        refused(&mut w, Action::MergeClusters { from: id("c-norm"), into: id("c-plan") }),
        DomainError::ClusterIsPrinciple
    );
    // Another cluster may still be merged into it; its cards join the principle's provenance.
    ok(&mut w, Action::MergeClusters { from: id("c-prev"), into: id("c-norm") });
    assert_eq!(cards_in(&w, Some("c-norm")), ["k-1", "k-2", "k-3"]);
    // Once the principle is removed, the cluster is free again.
    ok(&mut w, Action::RemovePrinciple { id: id("p-1") });
    ok(&mut w, Action::Ungroup { id: id("c-norm") });
    assert_eq!(w.check(), Ok(()));
}

// --- Concretiseren (principles) ---------------------------------------------------------------

/// Every field, from the table of principle fields (a new field is tested without a change here).
fn every_field() -> Vec<PrincipleField> {
    PrincipleField::all().collect()
}

fn read(p: &Principle, field: PrincipleField) -> &str {
    field.text(p).unwrap_or_else(|| panic!("{field:?} is in the table"))
}

#[test]
fn the_table_of_principle_fields_names_each_field_once_with_its_own_key() {
    use std::collections::HashSet;
    let fields: HashSet<PrincipleField> = PrincipleField::all().collect();
    let keys: HashSet<&str> = PRINCIPLE_FIELDS.iter().map(|s| s.key).collect();
    assert_eq!(fields.len(), PRINCIPLE_FIELDS.len());
    assert_eq!(keys.len(), PRINCIPLE_FIELDS.len());
    assert_eq!(
        every_field().len(),
        23,
        "title, meaning, 4 implications, 2 theory, 6 questions, head/heart/hands, the 80/15/5 lens (6)"
    );
    // Only the title and the meaning are on the one-page charter.
    let on_charter: Vec<PrincipleField> = PRINCIPLE_FIELDS.iter().filter(|s| s.on_charter).map(|s| s.field).collect();
    assert_eq!(on_charter, [PrincipleField::Title, PrincipleField::Meaning]);
    assert_eq!(PrincipleField::Closing(6).spec(), None);
}

#[test]
fn each_principle_field_is_edited_into_its_own_place() {
    let mut w = with_principles(1);
    for (n, field) in every_field().into_iter().enumerate() {
        ok(&mut w, Action::EditPrinciple { id: id("p-0"), field, value: format!(" tekst {n} ") });
    }
    for (n, field) in every_field().into_iter().enumerate() {
        assert_eq!(read(&w.principles[0], field), format!("tekst {n}"), "{field:?}");
    }
}

#[test]
fn each_principle_field_refuses_text_over_its_limit() {
    let expected = |field: PrincipleField| match field {
        PrincipleField::Title => (Field::Principle, limits::PRINCIPLE_TITLE),
        PrincipleField::Meaning => (Field::PrincipleText, limits::PRINCIPLE_MEANING),
        PrincipleField::Closing(_) | PrincipleField::Head | PrincipleField::Heart | PrincipleField::Hands => {
            (Field::PrincipleText, limits::PRINCIPLE_ANSWER)
        }
        _ => (Field::PrincipleText, limits::PRINCIPLE_PART),
    };
    for field in every_field() {
        let (f, max) = expected(field);
        let mut w = with_principles(1);
        ok(&mut w, Action::EditPrinciple { id: id("p-0"), field, value: "ï".repeat(max) });
        let err = refused(&mut w, Action::EditPrinciple { id: id("p-0"), field, value: "ï".repeat(max + 1) });
        assert_eq!(err, DomainError::TooLong { field: f, max }, "{field:?}");
    }
}

#[test]
fn a_principle_needs_a_title_but_its_other_fields_may_be_emptied() {
    let mut w = with_principles(1);
    assert_eq!(
        refused(&mut w, Action::EditPrinciple { id: id("p-0"), field: PrincipleField::Title, value: "  ".into() }),
        DomainError::Empty(Field::Principle)
    );
    assert_eq!(
        refused(&mut w, Action::AddPrinciple { id: id("p-9"), title: "".into() }),
        DomainError::Empty(Field::Principle)
    );
    ok(
        &mut w,
        Action::EditPrinciple { id: id("p-0"), field: PrincipleField::Meaning, value: "Gewoon waar het kan".into() },
    );
    ok(&mut w, Action::EditPrinciple { id: id("p-0"), field: PrincipleField::Meaning, value: "".into() });
    assert_eq!(w.principles[0].text.meaning, "");
    assert_eq!(
        refused(&mut w, Action::EditPrinciple { id: id("p-9"), field: PrincipleField::Meaning, value: "x".into() }),
        DomainError::NotFound(Field::Principle)
    );
}

#[test]
fn the_closing_questions_are_numbered_zero_to_five() {
    let mut w = with_principles(1);
    for n in 0..=5u8 {
        ok(
            &mut w,
            Action::EditPrinciple {
                id: id("p-0"),
                field: PrincipleField::Closing(n),
                value: format!("Antwoord {}", n + 1),
            },
        );
    }
    assert_eq!(w.principles[0].text.closing[5], "Antwoord 6");
    for n in [6u8, 7, u8::MAX] {
        let err = refused(
            &mut w,
            Action::EditPrinciple { id: id("p-0"), field: PrincipleField::Closing(n), value: "Zevende".into() },
        );
        assert_eq!(err, DomainError::OutOfRange { what: Field::PrincipleText, min: 0, max: 5 });
    }
}

#[test]
fn a_principle_is_a_transformation_goal_or_a_value() {
    let mut w = with_principles(1);
    ok(&mut w, Action::SetPrincipleKind { id: id("p-0"), kind: PrincipleKind::Value });
    assert_eq!(w.principles[0].kind, PrincipleKind::Value);
    ok(&mut w, Action::SetPrincipleKind { id: id("p-0"), kind: PrincipleKind::TransformationGoal });
    assert_eq!(w.principles[0].kind, PrincipleKind::TransformationGoal);
    assert_eq!(
        refused(&mut w, Action::SetPrincipleKind { id: id("p-9"), kind: PrincipleKind::Value }),
        DomainError::NotFound(Field::Principle)
    );
}

#[test]
fn a_principle_is_linked_to_a_known_outcome() {
    let mut w = with_principles(1);
    ok(&mut w, Action::AddOutcome { id: id("o-1"), text: "Inwoners doen mee".into() });
    ok(&mut w, Action::SetPrincipleOutcome { id: id("p-0"), outcome: Some(id("o-1")) });
    assert_eq!(w.principles[0].outcome, Some(id("o-1")));
    assert_eq!(
        refused(&mut w, Action::SetPrincipleOutcome { id: id("p-0"), outcome: Some(id("o-9")) }),
        DomainError::NotFound(Field::Outcome)
    );
    assert_eq!(
        refused(&mut w, Action::SetPrincipleOutcome { id: id("p-9"), outcome: None }),
        DomainError::NotFound(Field::Principle)
    );
    ok(&mut w, Action::SetPrincipleOutcome { id: id("p-0"), outcome: None });
    assert_eq!(w.principles[0].outcome, None);
}

fn order(w: &Workshop) -> Vec<String> {
    w.principles.iter().map(|p| p.id.to_string()).collect()
}

#[test]
fn principles_move_up_and_down_one_place_in_the_charter() {
    let mut w = with_principles(3);
    ok(&mut w, Action::MovePrinciple { id: id("p-2"), by: -1 });
    assert_eq!(order(&w), ["p-0", "p-2", "p-1"]);
    ok(&mut w, Action::MovePrinciple { id: id("p-0"), by: 1 });
    assert_eq!(order(&w), ["p-2", "p-0", "p-1"]);
    // One place at a time, whatever the step size.
    ok(&mut w, Action::MovePrinciple { id: id("p-1"), by: -100 });
    assert_eq!(order(&w), ["p-2", "p-1", "p-0"]);
    // At the edges nothing moves.
    let before = w.clone();
    ok(&mut w, Action::MovePrinciple { id: id("p-2"), by: -1 });
    ok(&mut w, Action::MovePrinciple { id: id("p-0"), by: 1 });
    assert_eq!(w, before);
    assert_eq!(
        refused(&mut w, Action::MovePrinciple { id: id("p-9"), by: 1 }),
        DomainError::NotFound(Field::Principle)
    );
}

#[test]
fn removing_a_principle_also_removes_its_tensions() {
    let mut w = with_principles(3);
    for (t, a, b) in [("t-01", "p-0", "p-1"), ("t-12", "p-1", "p-2"), ("t-02", "p-0", "p-2")] {
        ok(&mut w, Action::SetTension { id: id(t), a: id(a), b: id(b), note: String::new(), priority: None });
    }
    ok(&mut w, Action::RemovePrinciple { id: id("p-1") });
    let left: Vec<String> = w.tensions.iter().map(|t| t.id.to_string()).collect();
    assert_eq!(left, ["t-02"]);
    assert_eq!(w.check(), Ok(()));
    assert_eq!(refused(&mut w, Action::RemovePrinciple { id: id("p-1") }), DomainError::NotFound(Field::Principle));
}

// --- Spanningen (tensions) --------------------------------------------------------------------

fn tension(t: &str, a: &str, b: &str, priority: Option<&str>) -> Action {
    Action::SetTension {
        id: id(t),
        a: id(a),
        b: id(b),
        note: "Zorg dichtbij of keuzevrijheid".into(),
        priority: priority.map(id),
    }
}

#[test]
fn a_tension_names_two_principles_and_which_goes_first() {
    let mut w = with_principles(2);
    ok(&mut w, tension("t-1", "p-0", "p-1", Some("p-1")));
    let t = &w.tensions[0];
    assert_eq!((&t.a, &t.b, &t.priority), (&id("p-0"), &id("p-1"), &Some(id("p-1"))));
    assert_eq!(t.note, "Zorg dichtbij of keuzevrijheid");
}

#[test]
fn a_tension_needs_two_different_known_principles() {
    let mut w = with_principles(2);
    assert_eq!(refused(&mut w, tension("t-1", "p-0", "p-0", None)), DomainError::TensionNeedsTwo);
    assert_eq!(refused(&mut w, tension("t-1", "p-0", "p-9", None)), DomainError::NotFound(Field::Principle));
    assert_eq!(refused(&mut w, tension("t-1", "p-9", "p-0", None)), DomainError::NotFound(Field::Principle));
    let long = Action::SetTension {
        id: id("t-1"),
        a: id("p-0"),
        b: id("p-1"),
        note: "n".repeat(limits::TENSION_NOTE + 1),
        priority: None,
    };
    assert_eq!(refused(&mut w, long), DomainError::TooLong { field: Field::Tension, max: limits::TENSION_NOTE });
    assert_eq!(refused(&mut w, tension("p-0", "p-0", "p-1", None)), DomainError::DuplicateId(Field::Tension));
}

#[test]
fn one_tension_per_pair_in_either_order() {
    let mut w = with_principles(3);
    ok(&mut w, tension("t-1", "p-0", "p-1", None));
    assert_eq!(refused(&mut w, tension("t-2", "p-0", "p-1", None)), DomainError::TensionExists);
    assert_eq!(refused(&mut w, tension("t-2", "p-1", "p-0", None)), DomainError::TensionExists);
    ok(&mut w, tension("t-2", "p-1", "p-2", None));
    // Updating t-2 to the pair t-1 already holds is refused too.
    assert_eq!(refused(&mut w, tension("t-2", "p-1", "p-0", None)), DomainError::TensionExists);
}

#[test]
fn the_priority_must_be_one_of_the_two() {
    let mut w = with_principles(3);
    assert_eq!(refused(&mut w, tension("t-1", "p-0", "p-1", Some("p-2"))), DomainError::PriorityNotInTension);
    ok(&mut w, tension("t-1", "p-0", "p-1", Some("p-0")));
    assert_eq!(refused(&mut w, tension("t-1", "p-0", "p-1", Some("p-9"))), DomainError::PriorityNotInTension);
}

#[test]
fn a_tension_is_updated_by_its_id() {
    let mut w = with_principles(3);
    ok(&mut w, tension("t-1", "p-0", "p-1", None));
    ok(
        &mut w,
        Action::SetTension {
            id: id("t-1"),
            a: id("p-1"),
            b: id("p-0"),
            note: "Eerst dichtbij".into(),
            priority: Some(id("p-0")),
        },
    );
    assert_eq!(w.tensions.len(), 1);
    assert_eq!(w.tensions[0].note, "Eerst dichtbij");
    assert_eq!(w.tensions[0].priority, Some(id("p-0")));
    ok(&mut w, tension("t-1", "p-1", "p-2", None));
    assert_eq!(w.tensions.len(), 1);
    assert_eq!((&w.tensions[0].a, &w.tensions[0].b), (&id("p-1"), &id("p-2")));
    ok(&mut w, Action::RemoveTension { id: id("t-1") });
    assert!(w.tensions.is_empty());
    assert_eq!(refused(&mut w, Action::RemoveTension { id: id("t-1") }), DomainError::NotFound(Field::Tension));
}

// --- Charter: finalise and reopen -------------------------------------------------------------

#[test]
fn finalising_outside_five_to_eight_needs_a_reason() {
    for n in 0..=10 {
        let mut w = with_principles(n);
        let in_range = (limits::SET_MIN..=limits::SET_MAX).contains(&n);
        assert_eq!(w.set_size_ok(), in_range, "{n} principles");
        if in_range {
            ok(&mut w, Action::Finalise { reason: None });
            assert_eq!(w.finalised, Some(Finalised { reason: None }));
        } else {
            assert_eq!(
                refused(&mut w, Action::Finalise { reason: None }),
                DomainError::ReasonRequired,
                "{n} principles"
            );
            assert_eq!(refused(&mut w, Action::Finalise { reason: Some("   ".into()) }), DomainError::ReasonRequired);
            ok(&mut w, Action::Finalise { reason: Some(" We evalueren na een jaar ".into()) });
            assert_eq!(w.finalised, Some(Finalised { reason: Some("We evalueren na een jaar".into()) }));
        }
    }
}

#[test]
fn five_and_eight_principles_are_final_without_a_reason() {
    for n in [limits::SET_MIN, limits::SET_MAX] {
        let mut w = with_principles(n);
        ok(&mut w, Action::Finalise { reason: None });
        assert!(w.finalised.is_some());
    }
    assert_eq!((limits::SET_MIN, limits::SET_MAX), (5, 8));
}

#[test]
fn a_reason_longer_than_the_limit_is_refused() {
    let mut w = with_principles(3);
    assert_eq!(
        refused(&mut w, Action::Finalise { reason: Some("r".repeat(limits::REASON + 1)) }),
        DomainError::TooLong { field: Field::Reason, max: limits::REASON }
    );
    ok(&mut w, Action::Finalise { reason: Some("r".repeat(limits::REASON)) });
}

#[test]
fn reopening_a_final_set_makes_it_editable_again() {
    let mut w = with_principles(5);
    ok(&mut w, Action::Finalise { reason: None });
    ok(&mut w, Action::Reopen);
    assert_eq!(w.finalised, None);
}

// --- Refused means unchanged ------------------------------------------------------------------

#[test]
fn every_refused_action_leaves_the_workshop_exactly_as_it_was() {
    let mut w = clustered();
    ok(&mut w, Action::Promote { id: id("p-1"), cluster: id("c-norm") });
    add_principle(&mut w, "p-2", "Zorg dichtbij");
    ok(&mut w, tension("t-1", "p-1", "p-2", None));
    cast(&mut w, "v-anna", "c-norm");
    use Action::*;
    let cases: Vec<(Action, DomainError)> = vec![
        (
            EditSetup { field: SetupField::Date, value: "d".repeat(41) },
            DomainError::TooLong { field: Field::Date, max: 40 },
        ),
        (AddOutcome { id: id("o-2"), text: "".into() }, DomainError::Empty(Field::Outcome)),
        (RemoveOutcome { id: id("o-9") }, DomainError::NotFound(Field::Outcome)),
        (AddGroup { id: id("g-inw"), name: "Dubbel".into() }, DomainError::DuplicateId(Field::Group)),
        (RemoveGroup { id: id("g-bel") }, DomainError::GroupInUse { cards: 2 }),
        (RemoveSource { id: id("s-weg") }, DomainError::NotFound(Field::Source)),
        (
            AddCard { id: id("k-9"), source: id("s-ede"), group: None, text: " ".into() },
            DomainError::Empty(Field::Card),
        ),
        (RemoveCard { id: id("k-weg") }, DomainError::NotFound(Field::Card)),
        (MoveCards { cards: vec![id("k-1"), id("k-weg")], to: None }, DomainError::NotFound(Field::Card)),
        (
            ClusterCards { id: id("c-x"), name: "X".into(), cards: vec![id("k-1"), id("k-weg")] },
            DomainError::NotFound(Field::Card),
        ),
        (AcceptSuggestion { id: id("c-x"), name: "X".into(), cards: vec![] }, DomainError::NothingSelected),
        (MergeClusters { from: id("c-norm"), into: id("c-plan") }, DomainError::ClusterIsPrinciple),
        (Ungroup { id: id("c-norm") }, DomainError::ClusterIsPrinciple),
        (SetVoteRules { dots_per_voter: 4, max_per_cluster: 1 }, DomainError::VotesAlreadyCast),
        (CastDot { voter: id("v-anna"), cluster: id("c-norm") }, DomainError::MaxPerCluster(1)),
        (WithdrawDot { voter: id("v-bram"), cluster: id("c-norm") }, DomainError::NoDotToWithdraw),
        (RemoveVoter { id: id("v-weg") }, DomainError::NotFound(Field::Voter)),
        (Promote { id: id("p-3"), cluster: id("c-norm") }, DomainError::AlreadyPromoted),
        (RemovePrinciple { id: id("p-9") }, DomainError::NotFound(Field::Principle)),
        (MovePrinciple { id: id("p-9"), by: 1 }, DomainError::NotFound(Field::Principle)),
        (tension("t-2", "p-2", "p-1", None), DomainError::TensionExists),
        (tension("t-2", "p-1", "p-1", None), DomainError::TensionNeedsTwo),
        (tension("t-1", "p-1", "p-2", Some("p-9")), DomainError::PriorityNotInTension),
        (RemoveTension { id: id("t-9") }, DomainError::NotFound(Field::Tension)),
        (
            EditPrinciple { id: id("p-1"), field: PrincipleField::Closing(6), value: "x".into() },
            DomainError::OutOfRange { what: Field::PrincipleText, min: 0, max: 5 },
        ),
        (
            EditPrinciple { id: id("p-1"), field: PrincipleField::Title, value: "t".repeat(61) },
            DomainError::TooLong { field: Field::Principle, max: 60 },
        ),
        (SetPrincipleKind { id: id("p-9"), kind: PrincipleKind::Value }, DomainError::NotFound(Field::Principle)),
        (SetPrincipleOutcome { id: id("p-1"), outcome: Some(id("o-9")) }, DomainError::NotFound(Field::Outcome)),
        (Finalise { reason: None }, DomainError::ReasonRequired),
        (Merge { other: Box::new(damaged()) }, DomainError::OtherFileDamaged),
    ];
    for (action, expected) in cases {
        let err = refused(&mut w, action.clone());
        assert_eq!(err, expected, "{action:?}");
    }
}

/// A workshop whose card names a source that does not exist.
fn damaged() -> Workshop {
    let mut w = collected();
    w.sources.clear();
    w
}

// --- Undo and redo ----------------------------------------------------------------------------

#[test]
fn undo_and_redo_walk_back_and_forth_through_the_session() {
    let start = collected();
    let mut h = History::new(start.clone());
    assert!(!h.can_undo() && !h.can_redo());
    h.apply(Action::ClusterCards { id: id("c-1"), name: "Normaliseren".into(), cards: vec![id("k-1"), id("k-2")] })
        .unwrap();
    let one = h.present().clone();
    h.apply(Action::RenameCluster { id: id("c-1"), name: "Gewoon opgroeien".into() }).unwrap();
    let two = h.present().clone();
    assert!(h.undo());
    assert_eq!(*h.present(), one);
    assert!(h.undo());
    assert_eq!(*h.present(), start);
    assert!(!h.undo(), "nothing more to undo");
    assert!(h.redo());
    assert!(h.redo());
    assert_eq!(*h.present(), two);
    assert!(!h.redo(), "nothing more to redo");
}

#[test]
fn a_new_action_after_undo_forgets_the_redo() {
    let mut h = History::new(collected());
    h.apply(Action::CreateCluster { id: id("c-1"), name: "Een".into() }).unwrap();
    assert!(h.undo());
    assert!(h.can_redo());
    h.apply(Action::CreateCluster { id: id("c-2"), name: "Twee".into() }).unwrap();
    assert!(!h.can_redo());
    assert!(h.present().cluster(&id("c-1")).is_none());
}

#[test]
fn a_refused_action_changes_nothing_not_even_redo() {
    let mut h = History::new(collected());
    h.apply(Action::CreateCluster { id: id("c-1"), name: "Een".into() }).unwrap();
    assert!(h.undo());
    let before = h.clone();
    assert_eq!(h.apply(Action::RemoveCard { id: id("k-weg") }), Err(DomainError::NotFound(Field::Card)));
    assert_eq!(h, before);
    assert!(h.can_redo());
}

#[test]
fn an_action_that_changes_nothing_is_not_an_undo_step() {
    let mut h = History::new(clustered());
    h.apply(Action::RenameCluster { id: id("c-norm"), name: "Normaliseren".into() }).unwrap();
    assert!(!h.can_undo());
}

#[test]
fn history_keeps_at_most_its_limit_of_steps() {
    let mut h = History::new(Workshop::default());
    for n in 0..History::LIMIT + 5 {
        h.apply(Action::EditSetup { field: SetupField::Title, value: format!("Versie {n}") }).unwrap();
    }
    let mut undone = 0;
    while h.undo() {
        undone += 1;
    }
    assert_eq!(undone, History::LIMIT);
    assert_eq!(h.present().setup.title, "Versie 4");
}

// --- Random sessions --------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(256), ..ProptestConfig::default() })]

    /// Any session keeps the invariants; a refused step changes nothing; undo-then-redo is
    /// exact; undoing everything returns to the start.
    #[test]
    fn any_session_keeps_the_workshop_sound_and_undo_is_exact(steps in proptest::collection::vec(step(), 1..=60)) {
        let start = seeded();
        prop_assert_eq!(start.check(), Ok(()));
        let mut h = History::new(start.clone());
        let mut recorded = 0usize;
        for step in steps {
            match step {
                Step::Do(action) => {
                    let before = h.clone();
                    // The workshop itself refuses without changing, as History relies on.
                    let mut direct = before.present().clone();
                    let direct_result = direct.apply(action.clone());
                    if direct_result.is_err() {
                        prop_assert_eq!(&direct, before.present());
                    }
                    match h.apply(action.clone()) {
                        Err(e) => {
                            prop_assert_eq!(Err(e), direct_result);
                            prop_assert_eq!(&h, &before, "refused {:?} changed history", action);
                        }
                        Ok(applied) => {
                            // History passes on what the workshop said happened.
                            prop_assert_eq!(Ok(applied), direct_result);
                            prop_assert_eq!(h.present(), &direct);
                            if h.present() != before.present() {
                                recorded += 1;
                                let after = h.present().clone();
                                prop_assert!(h.undo());
                                prop_assert_eq!(h.present(), before.present());
                                prop_assert!(h.redo());
                                prop_assert_eq!(h.present(), &after);
                                prop_assert!(!h.can_redo());
                            } else {
                                prop_assert_eq!(&h, &before, "a no-op was recorded");
                            }
                        }
                    }
                }
                Step::Undo => {
                    let now = h.present().clone();
                    if h.undo() {
                        let back = h.present().clone();
                        prop_assert!(h.redo());
                        prop_assert_eq!(h.present(), &now);
                        prop_assert!(h.undo());
                        prop_assert_eq!(h.present(), &back);
                    } else {
                        prop_assert!(!h.can_undo());
                        prop_assert_eq!(h.present(), &now);
                    }
                }
                Step::Redo => {
                    let now = h.present().clone();
                    if h.redo() {
                        let ahead = h.present().clone();
                        prop_assert!(h.undo());
                        prop_assert_eq!(h.present(), &now);
                        prop_assert!(h.redo());
                        prop_assert_eq!(h.present(), &ahead);
                    } else {
                        prop_assert!(!h.can_redo());
                        prop_assert_eq!(h.present(), &now);
                    }
                }
            }
            let w = h.present();
            prop_assert_eq!(w.check(), Ok(()), "after a step: {:?}", w);
            // Every card sits in at most one cluster, and that cluster exists.
            for card in &w.cards {
                if let Some(c) = &card.cluster {
                    prop_assert!(w.cluster(c).is_some());
                }
            }
        }
        prop_assert!(recorded <= History::LIMIT);
        while h.undo() {}
        prop_assert_eq!(h.present(), &start);
    }
}

// --- Facilitation: locked stages

#[test]
fn a_locked_collect_stage_refuses_new_cards_and_unlocking_allows_them_again() {
    let mut w = collected();
    let mut ids = CountingIds(1000);
    let source = w.sources[0].id.clone();
    ok(&mut w, Action::SetLock { stage: Stage::Collect, locked: true });
    let add = Action::AddCard { id: ids.next_id("card"), source: source.clone(), group: None, text: "Nog een".into() };
    assert_eq!(refused(&mut w, add.clone()), DomainError::Locked(Stage::Collect));
    // Other stages go on: clustering is allowed while collecting is locked.
    ok(&mut w, Action::CreateCluster { id: ids.next_id("cl"), name: "Dichtbij".into() });
    ok(&mut w, Action::SetLock { stage: Stage::Collect, locked: false });
    ok(&mut w, add);
    assert!(w.locks.is_empty());
}

#[test]
fn locks_are_saved_in_the_file_and_listed_once() {
    let mut w = Workshop::default();
    ok(&mut w, Action::SetLock { stage: Stage::Cluster, locked: true });
    ok(&mut w, Action::SetLock { stage: Stage::Cluster, locked: true });
    ok(&mut w, Action::SetLock { stage: Stage::Setup, locked: true });
    assert_eq!(w.locks, vec![Stage::Setup, Stage::Cluster]);
    assert_eq!(leidraad::format::from_json(&leidraad::format::to_json(&w)), Ok(w));
}

#[test]
fn a_final_set_that_gains_a_principle_is_a_draft_again() {
    let mut w = with_principles(5);
    ok(&mut w, Action::Finalise { reason: None });
    assert!(w.finalised.is_some());
    ok(&mut w, Action::AddPrinciple { id: CountingIds(5000).next_id("pr"), title: "Vertrouwen".into() });
    assert_eq!(w.finalised, None);
}

#[test]
fn the_set_never_grows_past_what_one_charter_page_holds() {
    let mut w = with_principles(limits::SET_HARD_MAX);
    let err = refused(&mut w, Action::AddPrinciple { id: CountingIds(7000).next_id("pr"), title: "Nog één".into() });
    assert_eq!(err, DomainError::SetFull(limits::SET_HARD_MAX));
}
