//! Undo at scale: what the steps keep grows with what changed, not with the workshop, and a
//! copy of the history (the app's state is copied on every message) copies no step.

#[path = "common/large.rs"]
mod large;

use large::id;
use leidraad::workshop::{Action, History};

/// Edit `n` of a workshop of `cards` cards: a card's text changed, then a card moved to another
/// cluster, in turn.
fn edit(n: usize, cards: usize) -> Action {
    let card = id(&format!("card-{}", n * 97 % cards));
    if n % 2 == 0 {
        Action::EditCard { id: card, text: format!("Eigen regie, herschreven {n}"), group: None }
    } else {
        Action::MoveCards { cards: vec![card], to: Some(id(&format!("cl-{}", n % 40))) }
    }
}

#[test]
fn two_hundred_edits_at_20000_cards_keep_bytes_for_what_changed_only() {
    let start = large::workshop(0, 20_000);
    let whole = serde_json::to_vec(&start).expect("a workshop serialises").len();
    let mut h = History::new(start.clone());
    for n in 0..200 {
        h.apply(edit(n, 20_000)).expect("every edit is allowed");
    }
    assert_eq!(h.undo_steps(), 200, "all 200 steps are kept");
    let kept = h.kept_bytes();
    println!(
        "200 edits at 20,000 cards: {kept} bytes kept for undo ({} per step); the workshop is {whole} bytes",
        kept / 200
    );
    // About a kilobyte a step (the patch's frame and one card); one copy of the workshop per
    // step, as before, would be 200 times the whole (over 400 MB here).
    assert!(kept <= 200 * 2048, "{kept} bytes kept");
    assert!(kept < whole / 4, "{kept} bytes kept, the workshop is {whole}");
    while h.undo() {}
    assert_eq!(*h.present(), start, "undoing all 200 returns the start exactly");
    while h.redo() {}
    assert_eq!(h.undo_steps(), 200);
}

#[test]
fn a_step_copies_only_the_card_it_changes_and_undo_brings_back_the_very_card() {
    let mut h = History::new(large::workshop(0, 3_000));
    let before = h.present_rc();
    // Edit 1 moves card-97 to another cluster.
    h.apply(edit(1, 3_000)).expect("the move is allowed");
    let shared = |a: &leidraad::workshop::Workshop, b: &leidraad::workshop::Workshop| {
        a.cards.iter().zip(&b.cards).filter(|(x, y)| x.shares(y)).count()
    };
    assert_eq!(shared(&before, h.present()), 2_999, "every card but the moved one is shared, not copied");
    assert!(h.undo());
    assert_eq!(*h.present(), *before);
    assert_eq!(shared(&before, h.present()), 3_000, "undo puts back the card as it was, not a copy of it");
}

#[test]
fn a_copy_of_the_history_shares_its_steps_until_one_of_them_changes() {
    let start = large::workshop(0, 200);
    let mut h = History::new(start.clone());
    for n in 0..5 {
        h.apply(edit(n, 200)).expect("allowed");
    }
    let copy = h.clone();
    assert!(copy.shares_steps(&h), "a copy made for a message that changes no step copies none");
    let after = h.present().clone();
    // Undo in one copy leaves the other as it was, exactly.
    assert!(h.undo());
    assert!(!copy.shares_steps(&h));
    assert_eq!(*copy.present(), after);
    assert_eq!((copy.undo_steps(), copy.can_redo()), (5, false));
    let mut other = copy.clone();
    while other.undo() {}
    assert_eq!(*other.present(), start);
    while h.undo() {}
    assert_eq!(*h.present(), start);
    while h.redo() {}
    assert_eq!(*h.present(), after);
}

#[test]
fn a_message_to_the_app_that_touches_no_step_copies_no_step() {
    use leidraad::i18n::Lang;
    use leidraad::ui::{AppState, Msg, Storage};
    use std::rc::Rc;
    use yew::Reducible;

    let mut state = Rc::new(AppState::new(large::workshop(0, 200), Lang::Nl, Storage::Ok));
    for n in 0..5 {
        state = state.reduce(Msg::Do(edit(n, 200)));
    }
    assert_eq!(state.history.undo_steps(), 5);
    // The keyboard carry announces every step; the language, the notice: none touches undo.
    for msg in [Msg::Announce("Kaart opgepakt".into()), Msg::SetLang(Lang::En), Msg::DismissNotice] {
        let next = Rc::clone(&state).reduce(msg);
        assert!(next.history.shares_steps(&state.history));
        state = next;
    }
    let undone = Rc::clone(&state).reduce(Msg::Undo);
    assert_eq!(undone.history.undo_steps(), 4);
    assert_eq!(state.history.undo_steps(), 5, "the state before the undo keeps its steps");
}
