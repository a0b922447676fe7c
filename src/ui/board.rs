//! Clusteren: the board. Cards move between clusters in three complete ways:
//! - drag and drop with mouse, pen or touch (pointer events; on touch, hold the grip);
//! - keyboard: focus a card's grip, Enter, arrow keys to choose a cluster, Enter (Escape stops),
//!   every step announced in a live region;
//! - single clicks without dragging (WCAG 2.2, 2.5.7): tick cards, then "Move to" a cluster.
//!
//! Callbacks handed to cards are stable and read the latest state from a shared cell, so a
//! board of hundreds of cards re-renders only the cards whose props changed.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use super::collect::kind_class;
use super::platform::{self, new_id};
use super::suggest_panel::SuggestPanel;
use super::widgets::{input_value, select_value, TextField};
use super::{use_ctx, Ctx, Msg, Shared};
use crate::i18n::{self, Lang, T};
use crate::workshop::{limits, Action, Card, Cluster, Id, Workshop};

/// A card being carried by keyboard: which card, and the column it would land in.
#[derive(Clone, Debug, PartialEq)]
struct Picked {
    card: Id,
    target: usize,
}

/// What a card tells the board.
#[derive(Clone, Debug, PartialEq)]
pub enum CardEvent {
    Toggle(Id),
    Key { card: Id, key: String },
    Dropped { card: Id, column: Option<usize> },
}

/// The latest board state, read by the stable callbacks.
struct Latest {
    workshop: Shared,
    selected: BTreeSet<Id>,
    picked: Option<Picked>,
    ctx: Ctx,
}

#[derive(Properties, PartialEq)]
pub struct BoardProps {
    pub workshop: Shared,
}

/// Column 0 is "not grouped"; column i is cluster i-1.
fn column_target(w: &Workshop, column: usize) -> Option<Option<Id>> {
    if column == 0 {
        Some(None)
    } else {
        w.clusters.get(column - 1).map(|c| Some(c.id.clone()))
    }
}

fn column_name(w: &Workshop, column: usize, lang: Lang) -> String {
    match column {
        0 => T::Unclustered.get(lang).to_string(),
        n => w.clusters.get(n - 1).map(|c| c.name.clone()).unwrap_or_default(),
    }
}

fn column_of(w: &Workshop, card: &Id) -> usize {
    let cluster = w.cards.iter().find(|c| &c.id == card).and_then(|c| c.cluster.clone());
    match cluster {
        None => 0,
        Some(id) => w.clusters.iter().position(|c| c.id == id).map(|i| i + 1).unwrap_or(0),
    }
}

fn card_text(w: &Workshop, card: &Id) -> String {
    w.cards.iter().find(|c| &c.id == card).map(|c| c.text.clone()).unwrap_or_default()
}

/// The board of the cluster phase.
#[function_component(Board)]
pub fn board(p: &BoardProps) -> Html {
    let ctx = use_ctx();
    let w = &p.workshop;
    let lang = ctx.lang;
    let selected = use_state(BTreeSet::<Id>::new);
    let picked = use_state(|| None::<Picked>);
    let focus_after = use_state(|| None::<Id>);
    let new_name = use_state(String::new);
    let move_target = use_state(String::new);

    // Forget selected cards that no longer exist (undo, delete elsewhere).
    let live_selected: BTreeSet<Id> =
        selected.iter().filter(|id| w.cards.iter().any(|c| &c.id == *id)).cloned().collect();

    let latest = use_mut_ref(|| Latest {
        workshop: p.workshop.clone(),
        selected: BTreeSet::new(),
        picked: None,
        ctx: ctx.clone(),
    });
    {
        let mut l = latest.borrow_mut();
        l.workshop = p.workshop.clone();
        l.selected = live_selected.clone();
        l.picked = (*picked).clone();
        l.ctx = ctx.clone();
    }

    {
        let focus_after = focus_after.clone();
        use_effect_with((*focus_after).clone(), move |id| {
            if let Some(id) = id {
                platform::focus(&format!("[data-grip=\"{id}\"]"));
                focus_after.set(None);
            }
        });
    }

    let on_card = {
        let latest = latest.clone();
        let (sel, pick, focus) = (selected.setter(), picked.setter(), focus_after.setter());
        use_callback((), move |ev: CardEvent, _| {
            let l = latest.borrow();
            // The carry's steps are spoken through the app's one live region; a move's outcome
            // is spoken by the reducer once `apply` has said what happened (or why it was refused).
            let say = |text: String| l.ctx.send(Msg::Announce(text));
            let w = &l.workshop;
            let lang = l.ctx.lang;
            let columns = w.clusters.len() + 1;
            match ev {
                CardEvent::Toggle(id) => {
                    let mut s = l.selected.clone();
                    if !s.remove(&id) {
                        s.insert(id);
                    }
                    sel.set(s);
                }
                CardEvent::Key { card, key } => match (&l.picked, key.as_str()) {
                    (None, "Enter" | " ") => {
                        let target = column_of(w, &card);
                        say(msg_picked(&card_text(w, &card), &column_name(w, target, lang), target, columns, lang));
                        pick.set(Some(Picked { card, target }));
                    }
                    (Some(pk), "ArrowRight" | "ArrowDown" | "ArrowLeft" | "ArrowUp") if pk.card == card => {
                        let forward = matches!(key.as_str(), "ArrowRight" | "ArrowDown");
                        let target =
                            if forward { (pk.target + 1) % columns } else { (pk.target + columns - 1) % columns };
                        say(msg_target(&column_name(w, target, lang), target, columns, lang));
                        pick.set(Some(Picked { card, target }));
                    }
                    (Some(pk), "Enter" | " ") if pk.card == card => {
                        if let Some(to) = column_target(w, pk.target) {
                            l.ctx.act(Action::MoveCards { cards: moving(&l.selected, &card), to });
                            sel.set(BTreeSet::new());
                            focus.set(Some(card));
                        }
                        pick.set(None);
                    }
                    (Some(_), "Escape") => {
                        say(match lang {
                            Lang::Nl => "Verplaatsen gestopt. De kaart blijft waar hij was.".into(),
                            Lang::En => "Move cancelled. The card stays where it was.".into(),
                        });
                        pick.set(None);
                    }
                    _ => {}
                },
                CardEvent::Dropped { card, column } => {
                    if let Some(to) = column.and_then(|c| column_target(w, c)) {
                        let target = column.unwrap_or(0);
                        if target != column_of(w, &card) || l.selected.contains(&card) {
                            l.ctx.act(Action::MoveCards { cards: moving(&l.selected, &card), to });
                            sel.set(BTreeSet::new());
                        }
                    }
                }
            }
        })
    };

    let on_new_cluster = {
        let (ctx, new_name, selected) = (ctx.clone(), new_name.clone(), selected.clone());
        let chosen: Vec<Id> = live_selected.iter().cloned().collect();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let name = (*new_name).clone();
            if chosen.is_empty() {
                ctx.act(Action::CreateCluster { id: new_id("cl"), name });
            } else {
                ctx.act(Action::ClusterCards { id: new_id("cl"), name, cards: chosen.clone() });
                selected.set(BTreeSet::new());
            }
            if !new_name.trim().is_empty() && new_name.chars().count() <= limits::CLUSTER {
                new_name.set(String::new());
            }
        })
    };
    let on_move_selected = {
        let (ctx, selected, move_target) = (ctx.clone(), selected.clone(), move_target.clone());
        let chosen: Vec<Id> = live_selected.iter().cloned().collect();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if move_target.is_empty() {
                return;
            }
            let to = if *move_target == "none" { None } else { Id::parse(&move_target) };
            ctx.act(Action::MoveCards { cards: chosen.clone(), to });
            selected.set(BTreeSet::new());
        })
    };

    let picked_now = (*picked).clone();
    let n_sel = live_selected.len();
    let columns = std::iter::once(None).chain(w.clusters.iter().map(Some));

    html! {
        <section class="ld-phase ld-cluster" aria-labelledby="ld-cluster-h">
            <h2 id="ld-cluster-h">{ ctx.t(T::PhaseCluster) }</h2>
            <p class="ld-intro">{ ctx.t(T::ClusterIntro) }</p>
            <p class="ld-hint" id="ld-board-howto">{ ctx.t(T::ClusterHowTo) }</p>
            <div class="ld-board-tools">
                <form class="ld-row ld-row-end" onsubmit={on_new_cluster}>
                    <TextField id="ld-new-cluster" label={ctx.t(T::NewClusterName)} value={(*new_name).clone()} max={limits::CLUSTER}
                        oninput={{ let n = new_name.clone(); Callback::from(move |v| n.set(v)) }} />
                    <button type="submit" class="ld-button ld-primary">
                        { if n_sel == 0 { ctx.t(T::CreateCluster).to_string() } else { format!("{} ({})", ctx.t(T::ClusterFromSelection), n_sel) } }
                    </button>
                </form>
                if n_sel > 0 {
                    <form class="ld-row ld-row-end ld-selection" onsubmit={on_move_selected}>
                        <p class="ld-selection-count">{ msg_selected(n_sel, lang) }</p>
                        <div class="ld-field">
                            <label for="ld-move-target">{ ctx.t(T::MoveTo) }</label>
                            <select id="ld-move-target" onchange={{ let m = move_target.clone(); Callback::from(move |e: Event| m.set(select_value(&e))) }}>
                                <option value="" selected={move_target.is_empty()} disabled=true>{ ctx.t(T::ChooseCluster) }</option>
                                <option value="none" selected={*move_target == "none"}>{ ctx.t(T::Unclustered) }</option>
                                { for w.clusters.iter().map(|c| html! {
                                    <option value={c.id.to_string()} selected={*move_target == c.id.as_str()}>{ &c.name }</option>
                                }) }
                            </select>
                        </div>
                        <button type="submit" class="ld-button ld-primary" disabled={move_target.is_empty()}>{ ctx.t(T::Move) }</button>
                        <button type="button" class="ld-button ld-quiet" onclick={{ let s = selected.clone(); Callback::from(move |_| s.set(BTreeSet::new())) }}>
                            { ctx.t(T::ClearSelection) }
                        </button>
                    </form>
                }
            </div>
            <SuggestPanel workshop={p.workshop.clone()} />
            if w.cards.is_empty() {
                <p class="ld-empty">{ ctx.t(T::NoCardsYet) }</p>
            }
            <div class="ld-board">
            { for columns.enumerate().map(|(i, cluster)| {
                let cards: Vec<CardView> = w.cards_in(cluster.map(|c| &c.id)).map(|c| CardView::of(w, c, &live_selected, picked_now.as_ref())).collect();
                let key = cluster.map(|c| c.id.to_string()).unwrap_or_else(|| "none".into());
                html! {
                    <Column key={key} index={i} cluster={cluster.cloned()} cards={cards}
                        is_target={picked_now.as_ref().is_some_and(|pk| pk.target == i)}
                        others={w.clusters.iter().filter(|c| Some(*c) != cluster).map(|c| (c.id.clone(), AttrValue::from(c.name.clone()))).collect::<Vec<_>>()}
                        on_card={on_card.clone()} />
                }
            }) }
            </div>
        </section>
    }
}

fn moving(selected: &BTreeSet<Id>, card: &Id) -> Vec<Id> {
    if selected.contains(card) {
        selected.iter().cloned().collect()
    } else {
        vec![card.clone()]
    }
}

fn msg_picked(text: &str, column: &str, at: usize, of: usize, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!(
            "Kaart opgepakt: {text}. Nu in: {column} ({} van {of}). Kies met de pijltjes een cluster, druk op Enter om te plaatsen of Escape om te stoppen.",
            at + 1
        ),
        Lang::En => format!(
            "Card picked up: {text}. Now in: {column} ({} of {of}). Choose a cluster with the arrow keys, press Enter to place or Escape to stop.",
            at + 1
        ),
    }
}

fn msg_target(column: &str, at: usize, of: usize, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("Naar: {column} ({} van {of}).", at + 1),
        Lang::En => format!("To: {column} ({} of {of}).", at + 1),
    }
}

fn msg_selected(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("{} geselecteerd", i18n::cards(n, lang)),
        Lang::En => format!("{} selected", i18n::cards(n, lang)),
    }
}

/// What a card on the board shows: its text, source and group, and its selection.
#[derive(Clone, Debug, PartialEq)]
pub struct CardView {
    card: Card,
    source_kind: Option<crate::workshop::SourceKind>,
    source_title: AttrValue,
    group: Option<AttrValue>,
    selected: bool,
    picked: bool,
}

impl CardView {
    fn of(w: &Workshop, c: &Card, selected: &BTreeSet<Id>, picked: Option<&Picked>) -> CardView {
        let source = w.source(&c.source);
        CardView {
            card: c.clone(),
            source_kind: source.map(|s| s.kind),
            source_title: source.map(|s| AttrValue::from(s.title.clone())).unwrap_or_default(),
            group: c.group.as_ref().and_then(|g| w.group(g)).map(|g| AttrValue::from(g.name.clone())),
            selected: selected.contains(&c.id),
            picked: picked.is_some_and(|p| p.card == c.id),
        }
    }
}

#[derive(Properties, PartialEq)]
struct ColumnProps {
    index: usize,
    cluster: Option<Cluster>,
    cards: Vec<CardView>,
    is_target: bool,
    others: Vec<(Id, AttrValue)>,
    on_card: Callback<CardEvent>,
}

#[function_component(Column)]
fn column(p: &ColumnProps) -> Html {
    let ctx = use_ctx();
    let heading_id = format!("ld-col-{}", p.index);
    let name = match &p.cluster {
        Some(c) => c.name.clone(),
        None => ctx.t(T::Unclustered).to_string(),
    };
    html! {
        <section class={classes!("ld-column", p.cluster.is_none().then_some("ld-column-loose"), p.is_target.then_some("ld-column-target"))}
            data-drop={p.index.to_string()} aria-labelledby={heading_id.clone()}>
            <header class="ld-column-head">
                <h3 id={heading_id}>{ &name }</h3>
                <span class="ld-count">{ i18n::cards(p.cards.len(), ctx.lang) }</span>
            </header>
            if let Some(c) = &p.cluster {
                <ClusterMenu cluster={c.clone()} others={p.others.clone()} />
            }
            <ul class="ld-column-cards">
                { for p.cards.iter().map(|v| html! { <BoardCard key={v.card.id.as_str()} view={v.clone()} on={p.on_card.clone()} /> }) }
            </ul>
            if p.cards.is_empty() && p.cluster.is_some() {
                <p class="ld-empty ld-small">{ ctx.t(T::EmptyCluster) }</p>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ClusterMenuProps {
    cluster: Cluster,
    others: Vec<(Id, AttrValue)>,
}

/// Rename, merge and ungroup, folded away so forty clusters stay calm.
#[function_component(ClusterMenu)]
fn cluster_menu(p: &ClusterMenuProps) -> Html {
    let ctx = use_ctx();
    let c = &p.cluster;
    let merge_into = use_state(String::new);
    let rename_id = format!("ld-rename-{}", c.id);
    let merge_id = format!("ld-merge-{}", c.id);
    let on_rename = {
        let (ctx, id) = (ctx.clone(), c.id.clone());
        Callback::from(move |e: Event| ctx.act(Action::RenameCluster { id: id.clone(), name: input_value(&e) }))
    };
    let on_merge = {
        let (ctx, from, into) = (ctx.clone(), c.id.clone(), merge_into.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(into) = Id::parse(&into) {
                ctx.act(Action::MergeClusters { from: from.clone(), into });
            }
        })
    };
    let on_ungroup = {
        let (ctx, id) = (ctx.clone(), c.id.clone());
        Callback::from(move |_| ctx.act(Action::Ungroup { id: id.clone() }))
    };
    html! {
        <details class="ld-menu">
            <summary aria-label={format!("{}: {}", ctx.t(T::ClusterActions), c.name)}>{ ctx.t(T::ClusterActions) }</summary>
            <div class="ld-menu-body">
                <div class="ld-field">
                    <label for={rename_id.clone()}>{ ctx.t(T::ClusterName) }</label>
                    <input id={rename_id} type="text" value={c.name.clone()} maxlength={limits::CLUSTER.to_string()} onchange={on_rename} />
                </div>
                if !p.others.is_empty() {
                    <form class="ld-row ld-row-end" onsubmit={on_merge}>
                        <div class="ld-field">
                            <label for={merge_id.clone()}>{ ctx.t(T::MergeWith) }</label>
                            <select id={merge_id} onchange={{ let m = merge_into.clone(); Callback::from(move |e: Event| m.set(select_value(&e))) }}>
                                <option value="" selected={merge_into.is_empty()} disabled=true>{ ctx.t(T::ChooseCluster) }</option>
                                { for p.others.iter().map(|(id, name)| html! {
                                    <option value={id.to_string()} selected={*merge_into == id.as_str()}>{ name }</option>
                                }) }
                            </select>
                        </div>
                        <button type="submit" class="ld-button" disabled={merge_into.is_empty()}>{ ctx.t(T::Merge) }</button>
                    </form>
                }
                <button type="button" class="ld-button ld-quiet" onclick={on_ungroup}>{ ctx.t(T::Ungroup) }</button>
                <p class="ld-hint">{ ctx.t(T::Split) }</p>
            </div>
        </details>
    }
}

/// Pointer drag in progress (kept outside Yew state: moving the card re-renders nothing).
struct Drag {
    pointer: i32,
    start: (i32, i32),
    active: bool,
    element: HtmlElement,
    over: Option<Element>,
}

#[derive(Properties, PartialEq)]
struct BoardCardProps {
    view: CardView,
    on: Callback<CardEvent>,
}

#[function_component(BoardCard)]
fn board_card(p: &BoardCardProps) -> Html {
    let ctx = use_ctx();
    let v = &p.view;
    let id = v.card.id.clone();
    let drag: Rc<RefCell<Option<Drag>>> = use_mut_ref(|| None);
    // Yew delegates events to the root, so `current_target` is not the card: keep a ref.
    let node = use_node_ref();

    let onpointerdown = {
        let drag = drag.clone();
        let node = node.clone();
        Callback::from(move |e: PointerEvent| {
            if e.button() != 0 || !e.is_primary() {
                return;
            }
            let target = e.target().and_then(|t| t.dyn_into::<Element>().ok());
            let on_control =
                target.as_ref().and_then(|t| t.closest("input, select, textarea, a, summary").ok().flatten()).is_some();
            if on_control {
                return;
            }
            let Some(el) = node.cast::<HtmlElement>() else { return };
            let _ = el.set_pointer_capture(e.pointer_id());
            *drag.borrow_mut() = Some(Drag {
                pointer: e.pointer_id(),
                start: (e.client_x(), e.client_y()),
                active: false,
                element: el,
                over: None,
            });
        })
    };
    let onpointermove = {
        let drag = drag.clone();
        Callback::from(move |e: PointerEvent| {
            let mut d = drag.borrow_mut();
            let Some(d) = d.as_mut().filter(|d| d.pointer == e.pointer_id()) else { return };
            let (dx, dy) = (e.client_x() - d.start.0, e.client_y() - d.start.1);
            if !d.active && dx * dx + dy * dy < 36 {
                return;
            }
            if !d.active {
                d.active = true;
                let _ = d.element.set_attribute("data-dragging", "");
            }
            // No preventDefault: Yew listens passively; the grip's `touch-action: none` stops scrolling.
            let _ = d.element.style().set_property("transform", &format!("translate({dx}px, {dy}px)"));
            let over = drop_column_at(e.client_x(), e.client_y(), &d.element);
            if over != d.over {
                if let Some(old) = &d.over {
                    let _ = old.remove_attribute("data-over");
                }
                if let Some(new) = &over {
                    let _ = new.set_attribute("data-over", "");
                }
                d.over = over;
            }
        })
    };
    let end = {
        let (drag, on, id) = (drag.clone(), p.on.clone(), id.clone());
        move |e: PointerEvent, dropped: bool| {
            let Some(d) = drag.borrow_mut().take().filter(|d| d.pointer == e.pointer_id()) else { return };
            let _ = d.element.style().remove_property("transform");
            let _ = d.element.remove_attribute("data-dragging");
            if let Some(old) = &d.over {
                let _ = old.remove_attribute("data-over");
            }
            if d.active && dropped {
                let column = drop_column_at(e.client_x(), e.client_y(), &d.element)
                    .and_then(|c| c.get_attribute("data-drop"))
                    .and_then(|s| s.parse().ok());
                on.emit(CardEvent::Dropped { card: id.clone(), column });
            }
        }
    };
    let onpointerup = {
        let end = end.clone();
        Callback::from(move |e: PointerEvent| end(e, true))
    };
    let onpointercancel = Callback::from(move |e: PointerEvent| end(e, false));

    let onkeydown = {
        let (on, id) = (p.on.clone(), id.clone());
        Callback::from(move |e: KeyboardEvent| {
            let key = e.key();
            if matches!(key.as_str(), "Enter" | " " | "ArrowRight" | "ArrowLeft" | "ArrowUp" | "ArrowDown" | "Escape") {
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
            {onpointerdown} {onpointermove} {onpointerup} {onpointercancel}>
            <div class="ld-board-card-top">
                <button type="button" class="ld-grip" data-grip={v.card.id.to_string()}
                    aria-label={format!("{}: {}", ctx.t(T::DragHandle), v.card.text)}
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
                        <span>{ ctx.t(T::Select) }</span>
                        <span class="ld-visually-hidden">{ format!(": {}", v.card.text) }</span>
                    </label>
                </span>
            </div>
        </li>
    }
}

/// The drop column under a point, looking past the dragged card itself.
fn drop_column_at(x: i32, y: i32, dragged: &HtmlElement) -> Option<Element> {
    let doc = web_sys::window()?.document()?;
    let hits = doc.elements_from_point(x as f32, y as f32);
    hits.iter()
        .filter_map(|h| h.dyn_into::<Element>().ok())
        .filter(|el| !dragged.contains(Some(el)))
        .find_map(|el| el.closest("[data-drop]").ok().flatten())
}
