//! One card on the board: its grip (keyboard carry, touch drag), its text, source and group,
//! and the tick box for moving by clicks. It only reports to the board what happened.

use std::collections::BTreeSet;

use yew::prelude::*;

use super::carry::{Carry, Intent, Target};
use super::drag::use_pointer_drag;
use crate::i18n::{self, ClusterText};
use crate::ui::collect::kind_class;
use crate::ui::use_ctx;
use crate::workshop::{Card, Id, SourceKind, Workshop};

/// What a card tells the board.
#[derive(Clone, Debug, PartialEq)]
pub enum CardEvent {
    /// The tick box was ticked or unticked.
    Toggle(Id),
    /// A carry key (see [`Intent::from_key`]) on the card's grip.
    Key { card: Id, key: String },
    /// The card was dragged and dropped on a zone (`None`: outside every zone).
    Dropped { card: Id, on: Option<Target> },
}

/// What a card on the board shows: its text, source and group, and its selection.
#[derive(Clone, Debug, PartialEq)]
pub struct CardView {
    /// The card itself.
    pub card: Card,
    source_kind: Option<SourceKind>,
    source_title: AttrValue,
    group: Option<AttrValue>,
    selected: bool,
    picked: bool,
}

impl CardView {
    /// The view of card `c`, ticked if it is in `selected`, marked if it is being carried.
    pub fn of(w: &Workshop, c: &Card, selected: &BTreeSet<Id>, carry: Option<&Carry>) -> CardView {
        let source = w.source(&c.source);
        CardView {
            card: c.clone(),
            source_kind: source.map(|s| s.kind),
            source_title: source.map(|s| AttrValue::from(s.title.clone())).unwrap_or_default(),
            group: c.group.as_ref().and_then(|g| w.group(g)).map(|g| AttrValue::from(g.name.clone())),
            selected: selected.contains(&c.id),
            picked: carry.is_some_and(|p| p.card == c.id),
        }
    }
}

/// The props of [`BoardCard`].
#[derive(Properties, PartialEq)]
pub struct BoardCardProps {
    /// What the card shows.
    pub view: CardView,
    /// Where the card reports what happened (the board's one stable callback).
    pub on: Callback<CardEvent>,
}

/// A card on the board.
#[function_component(BoardCard)]
pub fn board_card(p: &BoardCardProps) -> Html {
    let ctx = use_ctx();
    let v = &p.view;
    let id = v.card.id.clone();
    let node = use_node_ref();
    let on_drop = {
        let (on, id) = (p.on.clone(), id.clone());
        Callback::from(move |zone: Option<Target>| on.emit(CardEvent::Dropped { card: id.clone(), on: zone }))
    };
    let drag = use_pointer_drag(node.clone(), on_drop);

    let onkeydown = {
        let (on, id) = (p.on.clone(), id.clone());
        Callback::from(move |e: KeyboardEvent| {
            let key = e.key();
            // Whether Enter picks up or drops is the board's to decide; any carry key is ours.
            if Intent::from_key(&key, false).is_some() {
                e.prevent_default();
                on.emit(CardEvent::Key { card: id.clone(), key });
            }
        })
    };
    let ontoggle = {
        let (on, id) = (p.on.clone(), id.clone());
        Callback::from(move |_: Event| on.emit(CardEvent::Toggle(id.clone())))
    };
    let check_id = format!("ld-sel-{}", v.card.id);
    html! {
        <li class={classes!("ld-board-card", v.selected.then_some("ld-selected"), v.picked.then_some("ld-picked"))}
            data-card-id={v.card.id.to_string()} ref={node}
            onpointerdown={drag.down} onpointermove={drag.moved} onpointerup={drag.up} onpointercancel={drag.cancel}>
            <div class="ld-board-card-top">
                <button type="button" class="ld-grip" data-grip={v.card.id.to_string()}
                    aria-label={format!("{}: {}", ctx.t(ClusterText::DragHandle), v.card.text)}
                    aria-describedby="ld-board-howto" aria-pressed={if v.picked { "true" } else { "false" }}
                    {onkeydown}>
                    <span aria-hidden="true">{ "⠿" }</span>
                </button>
                <p class="ld-card-text">{ &v.card.text }</p>
            </div>
            <div class="ld-board-card-meta">
                if let Some(k) = v.source_kind {
                    <span class={classes!("ld-kind", "ld-small", kind_class(k))}>{ i18n::source_kind(k, ctx.lang) }</span>
                }
                <span class="ld-source-name">{ &v.source_title }</span>
                if let Some(g) = &v.group {
                    <span class="ld-group-tag">{ g }</span>
                }
                <span class="ld-check">
                    <input type="checkbox" id={check_id.clone()} checked={v.selected} onchange={ontoggle} />
                    <label for={check_id}>
                        <span>{ ctx.t(ClusterText::Select) }</span>
                        <span class="ld-visually-hidden">{ format!(": {}", v.card.text) }</span>
                    </label>
                </span>
            </div>
        </li>
    }
}
