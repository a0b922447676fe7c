//! Files at the size of a big municipality: tens of thousands of voters or cards open, and the
//! integrity check still finds the one thing wrong among them. The check walks every list once
//! (a check that scanned all votes per voter took minutes here); the timing is in
//! `cargo run --release --example open_bench`.

use leidraad::format::{self, FileError};
use leidraad::workshop::{Action, History, Integrity, Vote, Voter, Workshop};

#[path = "common/large.rs"]
mod large;

use large::{id, workshop};

fn file(w: &Workshop) -> String {
    serde_json::json!({ "format": format::FORMAT, "version": format::VERSION, "workshop": w }).to_string()
}

#[test]
fn sixty_thousand_voters_open_and_the_one_who_overspent_is_found() {
    let w = workshop(60_000, 0);
    let text = file(&w);
    assert!(text.len() <= format::MAX_BYTES, "the test file fits the size limit ({} bytes)", text.len());
    let read = format::read(&text).expect("60,000 voters open");
    assert_eq!(read.voting.voters.len(), 60_000);
    let mut history = History::new(Workshop::default());
    history.apply(Action::Replace { workshop: Box::new(read) }).expect("and replace the workshop");
    assert_eq!(history.present().voting.votes.len(), 60_000);

    // The last voter places two more dots (three in all, the limit): still fine.
    let mut w = w;
    let last = id("v-59999");
    w.voting.votes.push(Vote { voter: last.clone(), cluster: id("cl-0"), dots: 2 });
    assert_eq!(w.check(), Ok(()));
    // One more dot, on a third cluster, is one too many.
    w.voting.votes.push(Vote { voter: last, cluster: id("cl-1"), dots: 1 });
    assert_eq!(w.check(), Err(Integrity::BadVotes));
    assert_eq!(format::from_json(&file(&w)), Err(FileError::Broken(Integrity::BadVotes)));
}

#[test]
fn a_vote_by_no_voter_and_a_reused_id_are_found_among_sixty_thousand() {
    let mut w = workshop(60_000, 0);
    w.voting.votes.push(Vote { voter: id("v-60000"), cluster: id("cl-3"), dots: 1 });
    assert!(matches!(w.check(), Err(Integrity::Dangling { .. })));
    let mut w = workshop(60_000, 0);
    w.voting.voters.push(Voter { id: id("cl-7"), name: "Dubbel".into(), group: None });
    assert_eq!(w.check(), Err(Integrity::DuplicateId(id("cl-7"))));
}

#[test]
fn twenty_thousand_cards_open() {
    let w = workshop(0, 20_000);
    let read = format::from_json(&file(&w)).expect("20,000 cards open");
    assert_eq!(read, w);
}

/// The app writes a workshop of 20,000 cards of accented text at the card limit (about what a
/// big municipality reaches), as its autosave and its download; that very text opens again.
#[test]
fn the_file_the_app_writes_for_twenty_thousand_accented_cards_opens_again() {
    let mut w = workshop(0, 20_000);
    for (i, card) in w.cards.iter_mut().enumerate() {
        let text: String =
            format!("{i} Één gezin, één plan: coördinatie dichtbij, zó geregeld. ").chars().cycle().take(200).collect();
        card.text = text;
    }
    let text = format::to_json(&w);
    eprintln!("20,000 accented cards of 200 characters: {} bytes as written", text.len());
    assert!(text.len() <= format::MAX_BYTES, "{} bytes written, {} accepted", text.len(), format::MAX_BYTES);
    assert_eq!(format::from_json(&text), Ok(w));
}
