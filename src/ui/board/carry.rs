//! Carrying a card by keyboard, as plain data: no browser, no Yew, so every step is tested
//! natively. The board turns a key on a card's grip into an [`Intent`], asks [`step`] what
//! happens, keeps the new [`Carry`] and does what the [`Outcome`] says.
//!
//! A carried card aims at a [`Target`]: "not grouped" or a cluster **by id**. Columns are only
//! positions on the screen, and an undo during a carry can add or remove a cluster and shift
//! them; the id keeps pointing at the cluster the person chose. If that cluster is gone when
//! the card is dropped, the carry stops and says so instead of guessing.

use crate::workshop::{Id, Workshop};

/// Where a card can be put on the board: the column of loose cards or a cluster.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// "Nog niet ingedeeld": the card belongs to no cluster.
    Unclustered,
    /// A cluster, by id.
    Cluster(Id),
}

impl Target {
    /// Where a card is now; `None` if the workshop has no such card.
    pub fn of_card(w: &Workshop, card: &Id) -> Option<Target> {
        let card = w.cards.iter().find(|c| &c.id == card)?;
        Some(Target::from(card.cluster.clone()))
    }

    /// The target in a board column: column 0 holds the loose cards, column i cluster i-1.
    pub fn at_column(w: &Workshop, column: usize) -> Option<Target> {
        match column {
            0 => Some(Target::Unclustered),
            n => w.clusters.get(n - 1).map(|c| Target::Cluster(c.id.clone())),
        }
    }

    /// The board column this target is in now; `None` if its cluster no longer exists.
    pub fn column(&self, w: &Workshop) -> Option<usize> {
        match self {
            Target::Unclustered => Some(0),
            Target::Cluster(id) => w.clusters.iter().position(|c| &c.id == id).map(|i| i + 1),
        }
    }

    /// The cluster id, as `Action::MoveCards` takes it (`None` is "not grouped").
    pub fn cluster(&self) -> Option<&Id> {
        match self {
            Target::Unclustered => None,
            Target::Cluster(id) => Some(id),
        }
    }

    /// The name of a drop zone in the page (`data-drop`): empty for the loose cards, else the
    /// cluster id. Ids are never empty, so the two cannot be confused.
    pub fn drop_name(&self) -> String {
        self.cluster().map(Id::to_string).unwrap_or_default()
    }

    /// Reads a drop zone's name back (see [`Target::drop_name`]); `None` if it is not one.
    pub fn from_drop_name(name: &str) -> Option<Target> {
        if name.is_empty() {
            Some(Target::Unclustered)
        } else {
            Id::parse(name).map(Target::Cluster)
        }
    }
}

impl From<Option<Id>> for Target {
    fn from(cluster: Option<Id>) -> Target {
        cluster.map_or(Target::Unclustered, Target::Cluster)
    }
}

/// A card being carried by keyboard, and where it would land.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Carry {
    /// The carried card.
    pub card: Id,
    /// Where it lands on [`Intent::Drop`].
    pub target: Target,
}

/// What a person asks with a key on a card's grip.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Intent {
    /// Pick this card up (Enter or Space while nothing is carried).
    PickUp,
    /// Aim at the previous column (ArrowLeft).
    MoveLeft,
    /// Aim at the next column (ArrowRight).
    MoveRight,
    /// Aim at the previous column (ArrowUp): columns wrap, so up is left.
    MoveUp,
    /// Aim at the next column (ArrowDown).
    MoveDown,
    /// Put the carried card where it aims (Enter or Space while carrying).
    Drop,
    /// Stop carrying; the card stays where it was (Escape).
    Cancel,
}

impl Intent {
    /// The intent of a key (`KeyboardEvent.key`), or `None` for keys the carry leaves alone
    /// (they keep their usual meaning, e.g. Tab and Ctrl+Z).
    pub fn from_key(key: &str, carrying: bool) -> Option<Intent> {
        Some(match key {
            "Enter" | " " if carrying => Intent::Drop,
            "Enter" | " " => Intent::PickUp,
            "ArrowLeft" => Intent::MoveLeft,
            "ArrowRight" => Intent::MoveRight,
            "ArrowUp" => Intent::MoveUp,
            "ArrowDown" => Intent::MoveDown,
            "Escape" => Intent::Cancel,
            _ => return None,
        })
    }
}

/// What the board should say; it turns this into words in the person's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Announcement {
    /// The card was picked up; it is in `at`, column `position` of `of` (counted from 1).
    PickedUp { card: Id, at: Target, position: usize, of: usize },
    /// The card now aims at `target`, column `position` of `of` (counted from 1).
    Aiming { target: Target, position: usize, of: usize },
    /// The carry was stopped by the person; nothing moved.
    Cancelled,
    /// The cluster the card aimed at is gone (an undo removed it); nothing moved.
    TargetGone,
}

/// What the board should do after a step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing: the key was for a card that is not carried, or nothing is carried.
    Nothing,
    /// Only say something.
    Announce(Announcement),
    /// Move the card (with the rest of the selection, if it is selected) and say where.
    Move { card: Id, to: Target },
}

/// One step of the carry: the intent `intent` on the grip of `card`, with `carry` being carried
/// in workshop `w`. Returns the carry after the step and what to do.
pub fn step(carry: Option<&Carry>, card: &Id, intent: Intent, w: &Workshop) -> (Option<Carry>, Outcome) {
    let unchanged = || (carry.cloned(), Outcome::Nothing);
    match (carry, intent) {
        (None, Intent::PickUp) => {
            let Some(at) = Target::of_card(w, card) else { return unchanged() };
            let position = at.column(w).unwrap_or(0) + 1;
            let said = Announcement::PickedUp { card: card.clone(), at: at.clone(), position, of: columns(w) };
            (Some(Carry { card: card.clone(), target: at }), Outcome::Announce(said))
        }
        (Some(c), Intent::MoveLeft | Intent::MoveRight | Intent::MoveUp | Intent::MoveDown) if &c.card == card => {
            let forward = matches!(intent, Intent::MoveRight | Intent::MoveDown);
            let target = aim(w, c, forward);
            let position = target.column(w).unwrap_or(0) + 1;
            let said = Announcement::Aiming { target: target.clone(), position, of: columns(w) };
            (Some(Carry { card: card.clone(), target }), Outcome::Announce(said))
        }
        (Some(c), Intent::Drop) if &c.card == card => {
            if c.target.column(w).is_none() {
                (None, Outcome::Announce(Announcement::TargetGone))
            } else {
                (None, Outcome::Move { card: card.clone(), to: c.target.clone() })
            }
        }
        // Escape stops any carry, from whichever grip has focus.
        (Some(_), Intent::Cancel) => (None, Outcome::Announce(Announcement::Cancelled)),
        _ => unchanged(),
    }
}

/// The number of columns on the board: the loose cards and one per cluster.
fn columns(w: &Workshop) -> usize {
    w.clusters.len() + 1
}

/// The next (or previous) column from where the carry aims now, wrapping around. If the aimed
/// cluster is gone, counting starts from the card's own column.
fn aim(w: &Workshop, carry: &Carry, forward: bool) -> Target {
    let n = columns(w);
    let from =
        carry.target.column(w).or_else(|| Target::of_card(w, &carry.card).and_then(|t| t.column(w))).unwrap_or(0);
    let to = if forward { (from + 1) % n } else { (from + n - 1) % n };
    Target::at_column(w, to).unwrap_or(Target::Unclustered)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workshop::{Action, SourceKind};

    fn id(text: &str) -> Id {
        Id::parse(text).expect("test ids are valid")
    }

    /// A board with clusters `cl-a`, `cl-b`, `cl-c` (in that order) and the loose card `card-1`.
    fn board() -> Workshop {
        let mut w = Workshop::default();
        let (source, kind) = (id("src-1"), SourceKind::Case);
        w.apply(Action::AddSource { id: source.clone(), kind, title: "Casus".into(), notes: String::new() })
            .expect("source");
        w.apply(Action::AddCard { id: id("card-1"), source, text: "Eigen regie".into(), group: None }).expect("card");
        for (cluster, name) in [("cl-a", "A"), ("cl-b", "B"), ("cl-c", "C")] {
            w.apply(Action::CreateCluster { id: id(cluster), name: name.into() }).expect("cluster");
        }
        w
    }

    fn carrying(target: Target) -> Carry {
        Carry { card: id("card-1"), target }
    }

    #[test]
    fn keys_become_intents_and_enter_depends_on_carrying() {
        assert_eq!(Intent::from_key("Enter", false), Some(Intent::PickUp));
        assert_eq!(Intent::from_key(" ", false), Some(Intent::PickUp));
        assert_eq!(Intent::from_key("Enter", true), Some(Intent::Drop));
        assert_eq!(Intent::from_key(" ", true), Some(Intent::Drop));
        assert_eq!(Intent::from_key("ArrowRight", true), Some(Intent::MoveRight));
        assert_eq!(Intent::from_key("ArrowUp", true), Some(Intent::MoveUp));
        assert_eq!(Intent::from_key("Escape", true), Some(Intent::Cancel));
        assert_eq!(Intent::from_key("Tab", true), None);
        assert_eq!(Intent::from_key("z", true), None);
    }

    #[test]
    fn picking_up_a_card_starts_where_it_is_and_says_so() {
        let w = board();
        let (carry, outcome) = step(None, &id("card-1"), Intent::PickUp, &w);
        assert_eq!(carry, Some(carrying(Target::Unclustered)));
        let said = Announcement::PickedUp { card: id("card-1"), at: Target::Unclustered, position: 1, of: 4 };
        assert_eq!(outcome, Outcome::Announce(said));
    }

    #[test]
    fn picking_up_a_card_that_does_not_exist_does_nothing() {
        let (carry, outcome) = step(None, &id("card-9"), Intent::PickUp, &board());
        assert_eq!((carry, outcome), (None, Outcome::Nothing));
    }

    #[test]
    fn carrying_a_card_right_targets_the_next_cluster() {
        let w = board();
        let (carry, outcome) = step(Some(&carrying(Target::Unclustered)), &id("card-1"), Intent::MoveRight, &w);
        assert_eq!(carry, Some(carrying(Target::Cluster(id("cl-a")))));
        let said = Announcement::Aiming { target: Target::Cluster(id("cl-a")), position: 2, of: 4 };
        assert_eq!(outcome, Outcome::Announce(said));
        let (carry, _) = step(carry.as_ref(), &id("card-1"), Intent::MoveDown, &w);
        assert_eq!(carry, Some(carrying(Target::Cluster(id("cl-b")))));
    }

    #[test]
    fn carrying_left_from_the_loose_cards_wraps_to_the_last_cluster_and_back() {
        let w = board();
        let (carry, _) = step(Some(&carrying(Target::Unclustered)), &id("card-1"), Intent::MoveLeft, &w);
        assert_eq!(carry, Some(carrying(Target::Cluster(id("cl-c")))));
        let (carry, _) = step(carry.as_ref(), &id("card-1"), Intent::MoveDown, &w);
        assert_eq!(carry, Some(carrying(Target::Unclustered)));
        let (carry, _) = step(carry.as_ref(), &id("card-1"), Intent::MoveUp, &w);
        assert_eq!(carry, Some(carrying(Target::Cluster(id("cl-c")))));
    }

    #[test]
    fn dropping_moves_the_card_to_the_cluster_it_aims_at() {
        let (carry, outcome) =
            step(Some(&carrying(Target::Cluster(id("cl-b")))), &id("card-1"), Intent::Drop, &board());
        assert_eq!(carry, None);
        assert_eq!(outcome, Outcome::Move { card: id("card-1"), to: Target::Cluster(id("cl-b")) });
    }

    #[test]
    fn cancel_returns_the_card_where_it_was() {
        let w = board();
        let (carry, outcome) = step(Some(&carrying(Target::Cluster(id("cl-b")))), &id("card-1"), Intent::Cancel, &w);
        assert_eq!((carry, outcome), (None, Outcome::Announce(Announcement::Cancelled)));
        assert_eq!(Target::of_card(&w, &id("card-1")), Some(Target::Unclustered));
    }

    #[test]
    fn keys_on_another_card_leave_the_carry_alone_except_escape() {
        let w = board();
        let c = carrying(Target::Cluster(id("cl-a")));
        for intent in [Intent::Drop, Intent::MoveRight, Intent::MoveLeft, Intent::PickUp] {
            assert_eq!(step(Some(&c), &id("card-2"), intent, &w), (Some(c.clone()), Outcome::Nothing));
        }
        assert_eq!(step(Some(&c), &id("card-2"), Intent::Cancel, &w).0, None);
    }

    #[test]
    fn keys_without_a_carry_other_than_pick_up_do_nothing() {
        let w = board();
        for intent in [Intent::Drop, Intent::MoveRight, Intent::Cancel] {
            assert_eq!(step(None, &id("card-1"), intent, &w), (None, Outcome::Nothing));
        }
    }

    #[test]
    fn an_undo_that_shifts_the_columns_keeps_the_cluster_the_card_aims_at() {
        // Cluster A was merged away: the columns are loose, B, C. Aim at C, the third column.
        let undone = board();
        let mut merged = undone.clone();
        merged.apply(Action::Ungroup { id: id("cl-a") }).expect("ungroup");
        let mut carry = Some(carrying(Target::Unclustered));
        for _ in 0..2 {
            carry = step(carry.as_ref(), &id("card-1"), Intent::MoveRight, &merged).0;
        }
        assert_eq!(carry, Some(carrying(Target::Cluster(id("cl-c")))));
        // The undo brings A back: the third column is now B, but the card still aims at C.
        assert_eq!(Target::at_column(&undone, 2), Some(Target::Cluster(id("cl-b"))));
        let (_, outcome) = step(carry.as_ref(), &id("card-1"), Intent::Drop, &undone);
        assert_eq!(outcome, Outcome::Move { card: id("card-1"), to: Target::Cluster(id("cl-c")) });
        // The arrows count from where C is now (the fourth column of four).
        let (left, said) = step(carry.as_ref(), &id("card-1"), Intent::MoveLeft, &undone);
        assert_eq!(left, Some(carrying(Target::Cluster(id("cl-b")))));
        assert_eq!(
            said,
            Outcome::Announce(Announcement::Aiming { target: Target::Cluster(id("cl-b")), position: 3, of: 4 })
        );
    }

    #[test]
    fn dropping_on_a_cluster_that_is_gone_stops_the_carry_and_says_so() {
        let mut w = board();
        w.apply(Action::Ungroup { id: id("cl-c") }).expect("ungroup");
        let (carry, outcome) = step(Some(&carrying(Target::Cluster(id("cl-c")))), &id("card-1"), Intent::Drop, &w);
        assert_eq!((carry, outcome), (None, Outcome::Announce(Announcement::TargetGone)));
    }

    #[test]
    fn arrows_after_the_aimed_cluster_is_gone_count_from_the_cards_own_column() {
        let mut w = board();
        w.apply(Action::Ungroup { id: id("cl-b") }).expect("ungroup");
        let (carry, _) = step(Some(&carrying(Target::Cluster(id("cl-b")))), &id("card-1"), Intent::MoveRight, &w);
        assert_eq!(carry, Some(carrying(Target::Cluster(id("cl-a")))));
    }

    #[test]
    fn drop_names_round_trip_and_never_confuse_loose_cards_with_a_cluster() {
        for target in [Target::Unclustered, Target::Cluster(id("cl-a")), Target::Cluster(id("none"))] {
            assert_eq!(Target::from_drop_name(&target.drop_name()), Some(target));
        }
        assert_eq!(Target::from_drop_name("not an id"), None);
    }
}
