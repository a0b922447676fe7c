//! One card on the board: its grip (keyboard carry, touch drag), its text, source and group,
//! and the tick box for moving by clicks. It only reports to the board what happened.

use yew::prelude::*;

use super::carry::Target;
use crate::i18n::{self, ClusterText, Lang};
use crate::ui::collect::kind_class;
use crate::workshop::{Card, Id, SourceKind, Workshop};

/// What a card tells the board.
#[derive(Clone, Debug, PartialEq)]
pub enum CardEvent {
    /// The tick box was ticked or unticked.
    Toggle(Id),
    /// A carry key (see [`super::carry::Intent::from_key`]) on the card's grip.
    Key { card: Id, key: String },
    /// The card was dragged and dropped on a zone (`None`: outside every zone).
    Dropped { card: Id, on: Option<Target> },
}

/// What a card on the board shows: its text, source and group. Its tick and carry marks are
/// props of their own, so ticking a card rebuilds nothing but that card. Texts are shared
/// (`AttrValue`), so handing a view to a card copies no text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CardView {
    /// The card's id.
    pub id: Id,
    text: AttrValue,
    source_kind: Option<SourceKind>,
    source_title: AttrValue,
    group: Option<AttrValue>,
}

impl CardView {
    /// The view of card `c`.
    pub fn of(w: &Workshop, c: &Card) -> CardView {
        let source = w.source(&c.source);
        CardView {
            id: c.id.clone(),
            text: AttrValue::from(c.text.clone()),
            source_kind: source.map(|s| s.kind),
            source_title: source.map(|s| AttrValue::from(s.title.clone())).unwrap_or_default(),
            group: c.group.as_ref().and_then(|g| w.group(g)).map(|g| AttrValue::from(g.name.clone())),
        }
    }

    /// Whether this view still shows card `c` as it is in `w`, checked without copying any text:
    /// after a move, the columns it did not touch keep their views (and are not re-rendered).
    pub fn shows(&self, w: &Workshop, c: &Card) -> bool {
        let source = w.source(&c.source);
        self.id == c.id
            && *self.text == *c.text
            && self.source_kind == source.map(|s| s.kind)
            && *self.source_title == *source.map_or("", |s| s.title.as_str())
            && self.group.as_deref() == c.group.as_ref().and_then(|g| w.group(g)).map(|g| g.name.as_str())
    }

    /// The card in a column that is asleep (see [`super::wake`]): the grip (so Tab and the
    /// keyboard carry reach it, and its focus wakes the column) and the text, three elements
    /// instead of a dozen, and no component. Sized like the card (`ld-stand-in`). A grip's sign
    /// (⠿) is drawn by the style sheet (`.ld-grip::before`), not a text node in every grip: one
    /// node and one string from the wasm (not ASCII, so decoded the slow way) fewer per card.
    pub fn stand_in(&self, selected: bool, lang: Lang) -> Html {
        html! {
            <li key={self.id.as_str()} class={classes!("ld-board-card", "ld-stand-in", selected.then_some("ld-selected"))} data-card-id={self.id.to_string()}>
                <button type="button" class="ld-grip" data-grip={self.id.to_string()}
                    aria-label={format!("{}: {}", ClusterText::DragHandle.get(lang), self.text)}
                    aria-describedby="ld-board-howto" aria-pressed="false"></button>
                <p class="ld-card-text">{ self.text.clone() }</p>
            </li>
        }
    }
}

/// The props of [`BoardCard`].
#[derive(Properties, PartialEq)]
pub struct BoardCardProps {
    /// What the card shows.
    pub view: CardView,
    /// Whether the card is ticked (for moving by clicks).
    pub selected: bool,
    /// Whether the card is being carried by keyboard.
    pub picked: bool,
    /// The interface language (a prop, not the context: thousands of cards, one subscription).
    pub lang: Lang,
}

/// A card on the board. It has no handlers of its own: the board listens for its grip's keys,
/// its tick box and its drags, and finds the card by `data-card-id` (see [`CardEvent`]).
#[function_component(BoardCard)]
pub fn board_card(p: &BoardCardProps) -> Html {
    let (v, lang) = (&p.view, p.lang);
    let check_id = format!("ld-sel-{}", v.id);
    // Compact: source and group are small marks after the text (the source's kind as a coloured
    // letter, its full name for screen readers and on hover); the tick box shows when selecting.
    let source = v.source_kind.map(|k| (k, i18n::source_kind(k, lang)));
    let source_name =
        source.map(|(_, kind)| format!("{kind}: {}", v.source_title)).unwrap_or_else(|| v.source_title.to_string());
    html! {
        <li class={classes!("ld-board-card", p.selected.then_some("ld-selected"), p.picked.then_some("ld-picked"))}
            data-card-id={v.id.to_string()}>
            <button type="button" class="ld-grip" data-grip={v.id.to_string()}
                aria-label={format!("{}: {}", ClusterText::DragHandle.get(lang), v.text)}
                aria-describedby="ld-board-howto" aria-pressed={if p.picked { "true" } else { "false" }}></button>
            <div class="ld-board-card-body">
                <p class="ld-card-text">{ v.text.clone() }</p>
                <span class="ld-board-card-meta">
                    if let Some((k, kind)) = source {
                        <span class={classes!("ld-mark", kind_class(k))} title={source_name.clone()} aria-hidden="true">{ kind.chars().next().unwrap_or(' ') }</span>
                    }
                    <span class="ld-visually-hidden">{ source_name }</span>
                    if let Some(g) = &v.group {
                        <span class="ld-group-tag">{ g }</span>
                    }
                </span>
            </div>
            <span class="ld-card-check">
                <input type="checkbox" id={check_id.clone()} checked={p.selected} data-card={v.id.to_string()} />
                <label for={check_id} class="ld-visually-hidden">{ format!("{}: {}", ClusterText::Select.get(lang), v.text) }</label>
            </span>
        </li>
    }
}
