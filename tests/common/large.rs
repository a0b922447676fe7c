//! A made-up workshop as large as a big municipality's, shared by the large-file tests and the
//! `open_bench` example (included by path in both, so the two measure the same thing).

use leidraad::workshop::{Card, CardData, Cluster, Id, Source, SourceKind, Vote, Voter, Workshop};

/// An id from valid text.
pub fn id(text: &str) -> Id {
    Id::parse(text).unwrap_or_else(|| panic!("made-up ids are valid: {text}"))
}

/// A workshop with `voters` voters, each with one dot on one of 40 clusters, and `cards` cards.
pub fn workshop(voters: usize, cards: usize) -> Workshop {
    let mut w = Workshop::default();
    w.sources.push(Source {
        id: id("src-1"),
        kind: SourceKind::Case,
        title: "Casus".into(),
        notes: String::new(),
        answers: Vec::new(),
    });
    for c in 0..40 {
        w.clusters.push(Cluster { id: id(&format!("cl-{c}")), name: format!("Cluster {c}") });
    }
    for i in 0..cards {
        w.cards.push(Card::from(CardData {
            id: id(&format!("card-{i}")),
            text: format!("Eigen regie, kaart {i}"),
            source: id("src-1"),
            group: None,
            cluster: (i % 5 != 0).then(|| id(&format!("cl-{}", i % 40))),
            question: None,
        }));
    }
    w.voting.dots_per_voter = 3;
    w.voting.max_per_cluster = 2;
    for v in 0..voters {
        let voter = id(&format!("v-{v}"));
        w.voting.voters.push(Voter { id: voter.clone(), name: format!("D{v}"), group: None });
        w.voting.votes.push(Vote { voter, cluster: id(&format!("cl-{}", v % 40)), dots: 1 });
    }
    w
}
