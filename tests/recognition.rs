//! The recognition round beside dot voting, and the split of dots and marks by group: apply,
//! undo, the file check, merging, what a live participant may do, and the dominance rule.

mod common;

use common::*;
use leidraad::format;
use leidraad::live::*;
use leidraad::workshop::*;
use serde_json::json;

fn mark(voter: &str, cluster: &str, level: Option<Recognition>) -> Action {
    Action::Recognise { voter: id(voter), cluster: id(cluster), level }
}

fn in_group(voter: &str, group: Option<&str>) -> Action {
    Action::SetVoterGroup { voter: id(voter), group: group.map(id) }
}

/// `seeded` (groups g-1 Inwoners and g-2 Beleid, clusters c-1 and c-2, voters v-1 and v-2 with
/// a dot each) with v-1 in Inwoners and v-2 in Beleid.
fn grouped() -> Workshop {
    let mut w = seeded();
    ok(&mut w, in_group("v-1", Some("g-1")));
    ok(&mut w, in_group("v-2", Some("g-2")));
    w
}

#[test]
fn a_voter_marks_each_cluster_once_changes_it_and_clears_it() {
    let mut w = grouped();
    ok(&mut w, mark("v-1", "c-1", Some(Recognition::Strong)));
    ok(&mut w, mark("v-1", "c-2", Some(Recognition::Not)));
    ok(&mut w, mark("v-1", "c-1", Some(Recognition::Little)));
    assert_eq!(w.voting.mark(&id("v-1"), &id("c-1")), Some(Recognition::Little));
    assert_eq!(w.voting.marks.len(), 2, "one mark per voter and cluster");
    ok(&mut w, mark("v-1", "c-1", None));
    assert_eq!(w.voting.mark(&id("v-1"), &id("c-1")), None);
    assert_eq!(w.voting.marks.len(), 1);
    // Clearing what is not marked changes nothing and is no error.
    let before = w.clone();
    ok(&mut w, mark("v-2", "c-1", None));
    assert_eq!(w, before);
}

#[test]
fn a_mark_needs_a_known_voter_and_cluster_and_a_group_must_exist() {
    let mut w = grouped();
    assert_eq!(refused(&mut w, mark("v-weg", "c-1", Some(Recognition::Strong))), DomainError::NotFound(Field::Voter));
    assert_eq!(refused(&mut w, mark("v-1", "c-weg", Some(Recognition::Strong))), DomainError::NotFound(Field::Cluster));
    assert_eq!(refused(&mut w, in_group("v-1", Some("g-weg"))), DomainError::NotFound(Field::Group));
    assert_eq!(refused(&mut w, in_group("v-weg", None)), DomainError::NotFound(Field::Voter));
}

#[test]
fn marks_and_groups_are_refused_while_kiezen_is_locked() {
    let mut w = grouped();
    ok(&mut w, Action::SetLock { stage: Stage::Reduce, locked: true });
    assert_eq!(refused(&mut w, mark("v-1", "c-1", Some(Recognition::Strong))), DomainError::Locked(Stage::Reduce));
    assert_eq!(refused(&mut w, in_group("v-1", None)), DomainError::Locked(Stage::Reduce));
}

#[test]
fn removing_a_voter_or_a_cluster_removes_its_marks_and_a_removed_group_frees_its_voters() {
    let mut w = grouped();
    ok(&mut w, mark("v-1", "c-1", Some(Recognition::Strong)));
    ok(&mut w, mark("v-2", "c-1", Some(Recognition::Little)));
    ok(&mut w, mark("v-2", "c-2", Some(Recognition::Not)));
    ok(&mut w, Action::RemoveVoter { id: id("v-1") });
    assert!(w.voting.marks.iter().all(|m| m.voter != id("v-1")));
    ok(&mut w, Action::RemovePrinciple { id: id("p-1") });
    ok(&mut w, Action::Ungroup { id: id("c-2") });
    assert_eq!(w.voting.marks, [Mark { voter: id("v-2"), cluster: id("c-1"), level: Recognition::Little }]);
    // Groups without cards can go; their voters then belong to no group.
    ok(&mut w, Action::EditCard { id: id("k-3"), text: "Eigen regie".into(), group: None });
    ok(&mut w, Action::RemoveGroup { id: id("g-2") });
    assert_eq!(w.voting.voters[0].group, None);
    assert_eq!(w.check(), Ok(()));
}

#[test]
fn merging_clusters_carries_a_mark_unless_the_voter_marked_the_other_one() {
    let mut w = grouped();
    ok(&mut w, Action::RemovePrinciple { id: id("p-1") });
    ok(&mut w, mark("v-1", "c-1", Some(Recognition::Strong)));
    ok(&mut w, mark("v-2", "c-2", Some(Recognition::Not)));
    ok(&mut w, mark("v-2", "c-1", Some(Recognition::Little)));
    ok(&mut w, Action::MergeClusters { from: id("c-1"), into: id("c-2") });
    let mut marks: Vec<(String, String, Recognition)> =
        w.voting.marks.iter().map(|m| (m.voter.to_string(), m.cluster.to_string(), m.level)).collect();
    marks.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        marks,
        [("v-1".into(), "c-2".into(), Recognition::Strong), ("v-2".into(), "c-2".into(), Recognition::Not)]
    );
    assert_eq!(w.check(), Ok(()));
}

#[test]
fn marks_and_groups_are_undone_and_redone_exactly() {
    let mut h = History::new(seeded());
    let start = h.present().clone();
    for action in
        [in_group("v-1", Some("g-1")), mark("v-1", "c-1", Some(Recognition::Strong)), mark("v-1", "c-1", None)]
    {
        h.apply(action).expect("accepted");
    }
    let end = h.present().clone();
    for _ in 0..3 {
        assert!(h.undo());
    }
    assert_eq!(*h.present(), start);
    for _ in 0..3 {
        assert!(h.redo());
    }
    assert_eq!(*h.present(), end);
}

#[test]
fn the_file_keeps_marks_and_groups_and_an_older_file_reads_without_them() {
    let mut w = grouped();
    ok(&mut w, mark("v-1", "c-2", Some(Recognition::Little)));
    let text = format::to_json(&w);
    assert_eq!(format::from_json(&text).expect("reads back"), w);
    // A file without them (as every file before the recognition round): none, no group.
    let plain = format::to_json(&seeded());
    let v: serde_json::Value = serde_json::from_str(&plain).unwrap();
    assert_eq!(v["workshop"]["voting"].get("marks"), None, "files stay as they were");
    assert_eq!(v["workshop"]["voting"]["voters"][0].get("group"), None, "files stay as they were");
    let read = format::from_json(&plain).expect("an older file reads");
    assert!(read.voting.marks.is_empty() && read.voting.voters.iter().all(|v| v.group.is_none()));
    // Each level by its name in the file.
    for level in Recognition::ALL {
        assert_eq!(serde_json::to_string(&level).unwrap(), format!("\"{}\"", level.name()));
    }
}

/// The file of `w` with the JSON value at `pointer` (inside the workshop) replaced.
fn file_with(w: &Workshop, pointer: &str, value: serde_json::Value) -> String {
    let mut v: serde_json::Value = serde_json::from_str(&format::to_json(w)).unwrap();
    *v.pointer_mut(&format!("/workshop{pointer}")).unwrap_or_else(|| panic!("{pointer} is in the file")) = value;
    v.to_string()
}

#[test]
fn a_file_with_a_mark_on_something_missing_twice_marked_or_a_missing_group_is_refused() {
    let mut w = grouped();
    ok(&mut w, mark("v-1", "c-1", Some(Recognition::Strong)));
    ok(&mut w, mark("v-2", "c-1", Some(Recognition::Not)));
    let broken = |text: String| match format::from_json(&text) {
        Err(format::FileError::Broken(i)) => i,
        other => panic!("expected a damaged file, got {other:?}"),
    };
    assert_eq!(
        broken(file_with(&w, "/voting/marks/0/voter", json!("v-weg"))),
        Integrity::Dangling { field: Field::Voter, id: id("v-weg") }
    );
    assert_eq!(
        broken(file_with(&w, "/voting/marks/0/cluster", json!("c-weg"))),
        Integrity::Dangling { field: Field::Cluster, id: id("c-weg") }
    );
    assert_eq!(broken(file_with(&w, "/voting/marks/1/voter", json!("v-1"))), Integrity::BadVotes);
    assert_eq!(
        broken(file_with(&w, "/voting/voters/0/group", json!("g-weg"))),
        Integrity::Dangling { field: Field::Group, id: id("g-weg") }
    );
    assert!(format::from_json(&file_with(&w, "/voting/marks/0/level", json!("heel"))).is_err(), "an unknown level");
}

#[test]
fn merging_keeps_our_marks_and_lets_a_differing_mark_and_group_wait_side_by_side() {
    let mut ours = grouped();
    ok(&mut ours, mark("v-1", "c-1", Some(Recognition::Strong)));
    let mut theirs = grouped();
    ok(&mut theirs, mark("v-1", "c-1", Some(Recognition::Not)));
    ok(&mut theirs, mark("v-1", "c-2", Some(Recognition::Little)));
    ok(&mut theirs, in_group("v-2", None));
    add_voter(&mut theirs, "v-new", "Noor");
    ok(&mut theirs, in_group("v-new", Some("g-1")));
    ok(&mut theirs, mark("v-new", "c-2", Some(Recognition::Strong)));

    let mut w = ours.clone();
    ok(&mut w, Action::Merge { other: Box::new(theirs) });
    // Ours stays; a new voter comes with their group and marks.
    assert_eq!(w.voting.mark(&id("v-1"), &id("c-1")), Some(Recognition::Strong));
    assert_eq!(w.voting.mark(&id("v-1"), &id("c-2")), None);
    assert_eq!(w.voting.mark(&id("v-new"), &id("c-2")), Some(Recognition::Strong));
    assert_eq!(w.voting.voters.iter().find(|v| v.id == id("v-new")).unwrap().group, Some(id("g-1")));
    let waiting: Vec<(&Wording, &str)> = w.disagreements.iter().map(|d| (&d.about, d.theirs.as_str())).collect();
    let c = |voter: &str, cluster: &str| Wording::Mark { voter: id(voter), cluster: id(cluster) };
    assert!(waiting.contains(&(&c("v-1", "c-1"), "not")), "{waiting:?}");
    assert!(waiting.contains(&(&c("v-1", "c-2"), "little")), "{waiting:?}");
    assert!(waiting.contains(&(&Wording::VoterGroup(id("v-2")), "")), "{waiting:?}");
    assert_eq!(w.check(), Ok(()));

    // Taking theirs sets it through the action; the file check agrees all along.
    ok(&mut w, Action::Decide { about: c("v-1", "c-1"), theirs: "not".into(), keep: Keep::Theirs });
    assert_eq!(w.voting.mark(&id("v-1"), &id("c-1")), Some(Recognition::Not));
    ok(&mut w, Action::Decide { about: Wording::VoterGroup(id("v-2")), theirs: String::new(), keep: Keep::Theirs });
    assert_eq!(w.voting.voters.iter().find(|v| v.id == id("v-2")).unwrap().group, None);
    ok(&mut w, Action::Decide { about: c("v-1", "c-2"), theirs: "little".into(), keep: Keep::Ours });
    assert_eq!(w.voting.mark(&id("v-1"), &id("c-2")), None);
    assert!(w.disagreements.is_empty());
    assert_eq!(w.check(), Ok(()));
    // A waiting mark goes when its voter goes.
    let mut again = ours.clone();
    let mut other = grouped();
    ok(&mut other, mark("v-1", "c-2", Some(Recognition::Little)));
    ok(&mut again, Action::Merge { other: Box::new(other) });
    assert_eq!(again.disagreements.len(), 2, "c-1 marked here only, c-2 there only");
    ok(&mut again, Action::RemoveVoter { id: id("v-1") });
    assert!(again.disagreements.is_empty());
}

#[test]
fn a_restored_voter_comes_back_in_their_group() {
    let mut ours = grouped();
    let theirs = ours.clone();
    ok(&mut ours, Action::RemoveVoter { id: id("v-1") });
    let merged = leidraad::workshop::merged(&ours, &theirs).expect("merges");
    let item = merged.report.restorable.iter().find(|i| i.id() == &id("v-1")).expect("offered back").clone();
    ok(&mut ours, Action::Restore { item: Box::new(item) });
    assert_eq!(ours.voting.voters.iter().find(|v| v.id == id("v-1")).unwrap().group, Some(id("g-1")));
}

#[test]
fn a_live_participant_sets_only_their_own_marks_and_only_while_voting_is_open() {
    const FAC: Author = 1;
    const ANNA: Author = 2;
    const BRAM: Author = 3;
    let mut live = Live::new(seeded());
    let open = |voting| Op::Floor(Floor { input: None, voting });
    live.submit(Role::Facilitator, FAC, open(true)).unwrap();
    live.submit(Role::Participant, ANNA, Op::Act(Action::AddVoter { id: id("v-anna"), name: "Anna".into() })).unwrap();
    let strong = |voter: &str| Op::Act(mark(voter, "c-1", Some(Recognition::Strong)));
    live.submit(Role::Participant, ANNA, strong("v-anna")).unwrap();
    assert_eq!(live.workshop.voting.mark(&id("v-anna"), &id("c-1")), Some(Recognition::Strong));
    let before = live.clone();
    assert_eq!(live.submit(Role::Participant, BRAM, strong("v-anna")), Err(Refusal::NotYours));
    assert_eq!(live.submit(Role::Participant, ANNA, strong("v-1")), Err(Refusal::NotYours));
    // A participant says which group they belong to: their own voter only.
    let group = |voter: &str| Op::Act(in_group(voter, Some("g-1")));
    assert_eq!(live.submit(Role::Participant, ANNA, group("v-1")), Err(Refusal::NotYours));
    assert_eq!(live, before, "a refused step changes nothing");
    live.submit(Role::Participant, ANNA, group("v-anna")).unwrap();
    live.submit(Role::Facilitator, FAC, open(false)).unwrap();
    let closed = live.clone();
    assert_eq!(live.submit(Role::Participant, ANNA, strong("v-anna")), Err(Refusal::VotingClosed));
    assert_eq!(live.submit(Role::Participant, ANNA, group("v-anna")), Err(Refusal::VotingClosed));
    assert_eq!(live, closed, "a refused step changes nothing");
    live.submit(Role::Table, BRAM, group("v-1")).unwrap();
}

#[test]
fn the_split_counts_dots_and_marks_per_group_and_no_group() {
    let mut w = grouped(); // v-1 (Inwoners) a dot on c-1, v-2 (Beleid) a dot on c-2
    add_voter(&mut w, "v-3", "Carla"); // no group
    cast(&mut w, "v-3", "c-1");
    ok(&mut w, mark("v-1", "c-1", Some(Recognition::Strong)));
    ok(&mut w, mark("v-2", "c-1", Some(Recognition::Not)));
    ok(&mut w, mark("v-3", "c-1", Some(Recognition::Strong)));
    ok(&mut w, mark("v-3", "c-2", Some(Recognition::Little)));
    let s = w.split();
    assert_eq!(s.groups, [id("g-1"), id("g-2")]);
    let t = |dots, strong, little, not| Tally { dots, strong, little, not };
    assert_eq!(s.rows[0], (id("c-1"), vec![t(1, 1, 0, 0), t(0, 0, 0, 1), t(1, 1, 0, 0)]));
    assert_eq!(s.rows[1], (id("c-2"), vec![t(0, 0, 0, 0), t(1, 0, 0, 0), t(0, 0, 1, 0)]));
    assert_eq!(s.totals(), [t(1, 1, 0, 0), t(1, 0, 0, 1), t(1, 1, 1, 0)]);
    // Every dot and mark is counted once.
    let dots: u32 = s.totals().iter().map(|x| x.dots).sum();
    assert_eq!(dots, w.voting.votes.iter().map(|v| v.dots).sum::<u32>());
    assert_eq!(s.totals().iter().map(Tally::marks).sum::<u32>() as usize, w.voting.marks.len());
    assert_eq!(s.dominant_in_dots(), None, "one dot each");
}

#[test]
fn one_group_dominates_when_it_gives_more_than_half_while_others_take_part() {
    // Counts per column: groups first, the last is "no group".
    assert_eq!(dominant(&[3, 1, 1]), Some(0), "3 of 5");
    assert_eq!(dominant(&[2, 2, 0]), None, "exactly half is not more than half");
    assert_eq!(dominant(&[0, 4, 0]), None, "nobody else took part");
    assert_eq!(dominant(&[0, 3, 2]), Some(1), "voters without a group take part too");
    assert_eq!(dominant(&[1, 0, 5]), None, "no group is not a group that dominates");
    assert_eq!(dominant(&[0, 0, 0]), None);
    assert_eq!(dominant(&[7]), None, "only voters without a group");
    assert_eq!(dominant(&[]), None);

    let mut w = grouped();
    ok(&mut w, Action::WithdrawDot { voter: id("v-1"), cluster: id("c-1") });
    ok(&mut w, Action::WithdrawDot { voter: id("v-2"), cluster: id("c-2") });
    ok(&mut w, Action::SetVoteRules { dots_per_voter: 5, max_per_cluster: 3 });
    for (voter, cluster) in [("v-1", "c-1"), ("v-1", "c-1"), ("v-1", "c-2"), ("v-2", "c-2")] {
        cast(&mut w, voter, cluster);
    }
    let d = w.split().dominant_in_dots().expect("Inwoners gave 3 of 4 dots");
    assert_eq!(d, Dominance { group: id("g-1"), part: 3, of: 4 });
    assert_eq!(w.split().dominant_in_marks(), None, "no marks yet");
}
