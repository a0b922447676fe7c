//! Clusteren: the board. Cards move between clusters in three complete ways:
//! - drag and drop with mouse, pen or touch (pointer events; on touch, hold the grip): [`drag`];
//! - keyboard: focus a card's grip, Enter, arrow keys to choose a cluster, Enter (Escape stops),
//!   every step announced in a live region: the steps are plain data in [`carry`];
//! - single clicks without dragging (WCAG 2.2, 2.5.7): tick cards, then "Move to" a cluster.
//!
//! Every way names where a card goes by cluster id ([`carry::Target`]), never by column
//! position, since an undo can add or remove a cluster while a card is on its way.
//!
//! Cards have no handlers: the board listens once for every card's grip keys, tick box and
//! drags (finding the card by `data-card-id`) and reads the latest state from a shared cell, so
//! a board of thousands of cards re-renders only the cards whose props changed. A column builds
//! its cards only once it nears the window or the focus or a move reaches it ([`wake`]).

mod card;
mod carry;
mod column;
mod drag;
mod wake;

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use self::card::{CardEvent, CardView};
use self::carry::{Announcement, Carry, Intent, Outcome, Target};
use self::column::Column;
use self::drag::use_pointer_drag;
use self::wake::{use_observe_asleep, use_wake};
use super::platform::{self, new_id};
use super::suggest_panel::SuggestPanel;
use super::widgets::{select_value, TextField};
use super::{use_ctx, Ctx, Msg, Shared};
use crate::i18n::{ClusterText, Lang};
use crate::workshop::{limits, Action, Id, Workshop};

/// Where this device remembers the board's zoom (a setting of the screen, not of the workshop).
const ZOOM_KEY: &str = "leidraad.board-zoom";
/// The zoom levels the facilitator can choose, in percent; 100 is the default.
const ZOOMS: [u16; 4] = [70, 85, 100, 125];

/// The latest board state, read by the stable callbacks.
struct Latest {
    workshop: Shared,
    selected: BTreeSet<Id>,
    carry: Option<Carry>,
    ctx: Ctx,
}

/// The props of [`Board`].
#[derive(Properties, PartialEq)]
pub struct BoardProps {
    /// The workshop shown on the board.
    pub workshop: Shared,
}

/// The board of the cluster phase.
#[function_component(Board)]
pub fn board(p: &BoardProps) -> Html {
    let ctx = use_ctx();
    let w = &p.workshop;
    let lang = ctx.lang;
    let selected = use_state(BTreeSet::<Id>::new);
    let carry = use_state(|| None::<Carry>);
    // The card whose grip takes the focus after the next render (a moved card, or a stand-in's
    // grip in a column that woke). A cell, not a state: a move renders the board anyway, and a
    // state would render all of it once more only to clear itself.
    let focus_after = use_mut_ref(|| None::<Id>);
    let new_name = use_state(String::new);
    let move_target = use_state(String::new);
    let menu = use_state(|| None::<Id>);
    let wake = use_wake();
    let zoom = use_state(|| {
        platform::setting(ZOOM_KEY).and_then(|z| z.parse::<u16>().ok()).filter(|z| ZOOMS.contains(z)).unwrap_or(100)
    });
    let on_zoom = {
        let zoom = zoom.clone();
        Callback::from(move |e: Event| {
            if let Some(z) = select_value(&e).parse::<u16>().ok().filter(|z| ZOOMS.contains(z)) {
                platform::set_setting(ZOOM_KEY, &z.to_string());
                zoom.set(z);
            }
        })
    };

    // Each column's cards, kept between renders (see [`Columns`]); then which cards are ticked
    // or carried, per column, and the selected cards that still exist (an undo or a delete
    // elsewhere can take a ticked card away).
    let carry_now = (*carry).clone();
    let cache = use_mut_ref(Columns::default);
    let columns = cache.borrow_mut().update(&p.workshop);
    wake.wake_first(
        columns.iter().map(|(cluster, cards)| (cluster.as_ref().map(Id::to_string).unwrap_or_default(), cards.len())),
    );
    // Which columns are asleep; the observer looks for them again only when that changes.
    let asleep: Vec<bool> =
        columns.iter().map(|(cluster, _)| !wake.is_awake(cluster.as_ref().map_or("", |id| id.as_str()))).collect();
    use_observe_asleep(
        &wake,
        columns.iter().zip(&asleep).filter(|(_, asleep)| **asleep).map(|((cluster, _), _)| cluster.clone()).collect(),
    );
    let mut live_selected = BTreeSet::new();
    let marks: Vec<(Vec<usize>, Option<usize>)> = columns
        .iter()
        .map(|(_, cards)| {
            let (mut ticked, mut picked) = (Vec::new(), None);
            if !selected.is_empty() || carry_now.is_some() {
                for (i, v) in cards.iter().enumerate() {
                    if selected.contains(&v.id) {
                        ticked.push(i);
                        live_selected.insert(v.id.clone());
                    }
                    if carry_now.as_ref().is_some_and(|c| c.card == v.id) {
                        picked = Some(i);
                    }
                }
            }
            (ticked, picked)
        })
        .collect();

    let latest = use_mut_ref(|| Latest {
        workshop: p.workshop.clone(),
        selected: BTreeSet::new(),
        carry: None,
        ctx: ctx.clone(),
    });
    {
        let mut l = latest.borrow_mut();
        l.workshop = p.workshop.clone();
        l.selected = live_selected.clone();
        l.carry = (*carry).clone();
        l.ctx = ctx.clone();
    }

    {
        let focus_after = focus_after.clone();
        use_effect(move || {
            let id = focus_after.borrow_mut().take();
            if let Some(id) = id {
                platform::focus_before_next_frame(format!("[data-grip=\"{id}\"]"));
            }
        });
    }

    let on_card = {
        let (latest, awake) = (latest.clone(), wake.awake.clone());
        let (sel, set_carry, focus) = (selected.setter(), carry.setter(), focus_after.clone());
        use_callback((), move |ev: CardEvent, _| {
            let l = latest.borrow();
            let w = &l.workshop;
            match ev {
                CardEvent::Toggle(id) => {
                    let mut s = l.selected.clone();
                    if !s.remove(&id) {
                        s.insert(id);
                    }
                    sel.set(s);
                }
                CardEvent::Key { card, key } => {
                    let Some(intent) = Intent::from_key(&key, l.carry.is_some()) else { return };
                    let (next, outcome) = carry::step(l.carry.as_ref(), &card, intent, w);
                    match outcome {
                        Outcome::Nothing => {}
                        // The carry's steps go to the app's one live region; a move's outcome is
                        // spoken by the reducer once `apply` has said what happened (or why not).
                        Outcome::Announce(said) => l.ctx.send(Msg::Announce(announcement_text(&said, w, l.ctx.lang))),
                        Outcome::Move { card, to } => {
                            // The focus follows the card: its new column is built. Its grip gives
                            // up the focus now, while the page's style is up to date: removed
                            // with the focus during the render, it made the browser bring the
                            // page's style up to date in the middle of it (slow on a big board).
                            if Target::of_card(w, &card).as_ref() != Some(&to) {
                                platform::blur_active();
                            }
                            awake.borrow_mut().insert(to.drop_name());
                            move_cards(&l.ctx, moving(&l.selected, &card), &to);
                            sel.set(BTreeSet::new());
                            *focus.borrow_mut() = Some(card);
                        }
                    }
                    set_carry.set(next);
                }
                CardEvent::Dropped { card, on } => {
                    // A zone whose cluster is gone (an undo during the drag) takes nothing.
                    let Some(to) = on.filter(|to| to.column(w).is_some()) else { return };
                    if Some(&to) != Target::of_card(w, &card).as_ref() || l.selected.contains(&card) {
                        awake.borrow_mut().insert(to.drop_name());
                        move_cards(&l.ctx, moving(&l.selected, &card), &to);
                        sel.set(BTreeSet::new());
                    }
                }
            }
        })
    };

    let drag = use_pointer_drag({
        let on_card = on_card.clone();
        Callback::from(move |(card, on): (Id, Option<Target>)| on_card.emit(CardEvent::Dropped { card, on }))
    });
    // Keys on a card's grip: whether Enter picks up or drops is the carry's to decide.
    let onkeydown = {
        let on_card = on_card.clone();
        Callback::from(move |e: KeyboardEvent| {
            let Some(card) = card_of(&e, "[data-grip]", "data-grip") else { return };
            let key = e.key();
            if Intent::from_key(&key, false).is_some() {
                e.prevent_default();
                on_card.emit(CardEvent::Key { card, key });
            }
        })
    };
    // A card's tick box (other fields on the board, such as a cluster's name, are not cards').
    let onchange = {
        let on_card = on_card.clone();
        Callback::from(move |e: Event| {
            if let Some(card) = card_of(&e, ".ld-card-check input", "data-card") {
                on_card.emit(CardEvent::Toggle(card));
            }
        })
    };

    // The focus entering a column asleep wakes it; a stand-in's grip hands its focus to the real one.
    let onfocusin = {
        let (awake, refresh, focus) = (wake.awake.clone(), wake.refresh.clone(), focus_after.clone());
        Callback::from(move |e: FocusEvent| {
            let Some(target) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
            let Some(column) = target.closest("[data-asleep]").ok().flatten() else { return };
            if !awake.borrow_mut().insert(column.get_attribute("data-drop").unwrap_or_default()) {
                return;
            }
            if let Some(grip) = target.get_attribute("data-grip").and_then(|id| Id::parse(&id)) {
                *focus.borrow_mut() = Some(grip);
            }
            refresh.emit(());
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
        let (focus, awake) = (focus_after.clone(), wake.awake.clone());
        let chosen: Vec<Id> = live_selected.iter().cloned().collect();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let to = match move_target.as_str() {
                "" => return,
                "none" => Target::Unclustered,
                id => match Id::parse(id) {
                    Some(id) => Target::Cluster(id),
                    None => return,
                },
            };
            move_cards(&ctx, chosen.clone(), &to);
            // The bar hides with the selection: its button gives up the focus now, and the
            // first moved card's grip takes it (where the cards now are), as after a keyboard
            // move, instead of the focus staying on a hidden button.
            platform::blur_active();
            awake.borrow_mut().insert(to.drop_name());
            *focus.borrow_mut() = chosen.first().cloned();
            selected.set(BTreeSet::new());
        })
    };

    let n_sel = live_selected.len();
    let on_target = {
        let set = move_target.setter();
        use_callback((), move |e: Event, _| set.set(select_value(&e)))
    };
    // The clusters "Verplaats naar" offers: the same list for as long as their ids and names stay.
    let targets = use_mut_ref(|| Rc::<[(Id, AttrValue)]>::from(Vec::new()));
    let targets = {
        let mut kept = targets.borrow_mut();
        let same = kept.len() == w.clusters.len()
            && kept.iter().zip(&w.clusters).all(|((id, name), c)| *id == c.id && **name == *c.name);
        if !same {
            *kept = w.clusters.iter().map(|c| (c.id.clone(), AttrValue::from(c.name.clone()))).collect();
        }
        Rc::clone(&kept)
    };
    let on_menu = {
        let menu = menu.clone();
        use_callback((), move |(id, open): (Id, bool), _| {
            if open {
                menu.set(Some(id));
            } else if menu.as_ref() == Some(&id) {
                menu.set(None);
            }
        })
    };
    // The open menu's merge list, built only while a menu is open (and its cluster is there).
    let open_menu = menu.as_ref().filter(|id| w.clusters.iter().any(|c| &c.id == *id));
    let merge_into: Option<Rc<[(Id, AttrValue)]>> = open_menu.map(|open| {
        w.clusters.iter().filter(|c| &c.id != open).map(|c| (c.id.clone(), AttrValue::from(c.name.clone()))).collect()
    });

    html! {
        <section class="ld-phase ld-cluster" aria-labelledby="ld-cluster-h">
            <h2 id="ld-cluster-h">{ ctx.t(ClusterText::StepHeading) }</h2>
            <p class="ld-intro">{ ctx.t(ClusterText::ClusterIntro) }</p>
            <p class="ld-hint" id="ld-board-howto">{ ctx.t(ClusterText::ClusterHowTo) }</p>
            <div class="ld-board-tools">
                <form class="ld-row ld-row-end" onsubmit={on_new_cluster}>
                    <TextField id="ld-new-cluster" label={ctx.t(ClusterText::NewClusterName)} value={(*new_name).clone()} max={limits::CLUSTER}
                        oninput={{ let n = new_name.clone(); Callback::from(move |v| n.set(v)) }} />
                    <button type="submit" class="ld-button ld-primary">
                        { if n_sel == 0 { ctx.t(ClusterText::CreateCluster).to_string() } else { format!("{} ({})", ctx.t(ClusterText::ClusterFromSelection), n_sel) } }
                    </button>
                </form>
                // Hidden while no card is ticked, not taken away: the first tick only shows it, and
                // does not build one option per cluster each time (301 at 300 clusters).
                <form class="ld-row ld-row-end ld-selection" onsubmit={on_move_selected} hidden={n_sel == 0}>
                    <p class="ld-selection-count" role="status">{ if n_sel > 0 { ClusterText::cards_selected(n_sel, lang) } else { String::new() } }</p>
                    <div class="ld-field">
                        <label for="ld-move-target">{ ctx.t(ClusterText::MoveTo) }</label>
                        <MoveTargets clusters={targets} value={(*move_target).clone()} onchange={on_target} />
                    </div>
                    <button type="submit" class="ld-button ld-primary" disabled={move_target.is_empty()}>{ ctx.t(ClusterText::Move) }</button>
                    <button type="button" class="ld-button ld-quiet" onclick={{ let s = selected.clone(); Callback::from(move |_| s.set(BTreeSet::new())) }}>
                        { ctx.t(ClusterText::ClearSelection) }
                    </button>
                </form>
                <div class="ld-field ld-zoom">
                    <label for="ld-board-zoom">{ ctx.t(ClusterText::BoardZoom) }</label>
                    <select id="ld-board-zoom" onchange={on_zoom}>
                        { for ZOOMS.iter().map(|z| html! { <option value={z.to_string()} selected={*z == *zoom}>{ format!("{z}%") }</option> }) }
                    </select>
                </div>
            </div>
            <SuggestPanel workshop={p.workshop.clone()} />
            if w.cards.is_empty() {
                <p class="ld-empty">{ ctx.t(ClusterText::NoCardsYet) }</p>
            }
            <div class={classes!("ld-board", (n_sel > 0).then_some("ld-selecting"))} data-zoom={zoom.to_string()} ref={wake.node.clone()}
                {onkeydown} {onchange} {onfocusin} onpointerdown={drag.down} onpointermove={drag.moved} onpointerup={drag.up} onpointercancel={drag.cancel}>
            { for column_groups(&columns, marks, asleep, w, carry_now.as_ref(), open_menu).into_iter().enumerate().map(|(g, columns)| {
                let menu_here = columns.iter().any(|c| c.menu_open);
                html! {
                    <ColumnGroup key={g} {columns} merge_into={merge_into.clone().filter(|_| menu_here)} on_menu={on_menu.clone()} />
                }
            }) }
            </div>
        </section>
    }
}

/// How many columns one [`ColumnGroup`] holds. A render of the board (a move, a carry step, a
/// tick) goes through twenty groups instead of three hundred columns: a group whose columns are
/// all as they were is skipped at once, and Yew neither schedules nor compares its columns.
const GROUP: usize = 16;

/// What the board gives one [`Column`] (see [`ColumnProps`]).
#[derive(Clone, PartialEq)]
struct ColumnArgs {
    index: usize,
    cluster: Option<crate::workshop::Cluster>,
    cards: Rc<Vec<CardView>>,
    ticked: Vec<usize>,
    picked: Option<usize>,
    is_target: bool,
    asleep: bool,
    menu_open: bool,
}

/// The board's columns in groups of [`GROUP`], in board order.
fn column_groups(
    columns: &ColumnCards,
    marks: Vec<(Vec<usize>, Option<usize>)>,
    asleep: Vec<bool>,
    w: &Workshop,
    carry: Option<&Carry>,
    open_menu: Option<&Id>,
) -> Vec<Vec<ColumnArgs>> {
    let mut groups: Vec<Vec<ColumnArgs>> = Vec::new();
    for (index, (((_, cards), (ticked, picked)), asleep)) in columns.iter().zip(marks).zip(asleep).enumerate() {
        let cluster = index.checked_sub(1).and_then(|i| w.clusters.get(i));
        let args = ColumnArgs {
            index,
            cluster: cluster.cloned(),
            cards: Rc::clone(cards),
            ticked,
            picked,
            is_target: carry.is_some_and(|c| c.target.cluster() == cluster.map(|c| &c.id)),
            asleep,
            menu_open: cluster.is_some_and(|c| open_menu == Some(&c.id)),
        };
        match groups.last_mut() {
            Some(group) if group.len() < GROUP => group.push(args),
            _ => groups.push(vec![args]),
        }
    }
    groups
}

/// The props of [`ColumnGroup`].
#[derive(Properties, PartialEq)]
struct ColumnGroupProps {
    columns: Vec<ColumnArgs>,
    /// The clusters to merge into, only while a menu of this group is open.
    merge_into: Option<Rc<[(Id, AttrValue)]>>,
    on_menu: Callback<(Id, bool)>,
}

/// A run of the board's columns, side by side in the board itself (no element of its own).
#[function_component(ColumnGroup)]
fn column_group(p: &ColumnGroupProps) -> Html {
    html! {
        { for p.columns.iter().map(|c| {
            let key = c.cluster.as_ref().map(|c| c.id.to_string()).unwrap_or_else(|| "none".into());
            html! {
                <Column key={key} index={c.index} cluster={c.cluster.clone()} cards={c.cards.clone()} ticked={c.ticked.clone()}
                    picked={c.picked} is_target={c.is_target} asleep={c.asleep} menu_open={c.menu_open}
                    merge_into={p.merge_into.clone().filter(|_| c.menu_open)} on_menu={p.on_menu.clone()} />
            }
        }) }
    }
}

/// The props of [`MoveTargets`].
#[derive(Properties, PartialEq)]
struct MoveTargetsProps {
    /// The clusters, by id and name, in board order (compared by pointer first).
    clusters: Rc<[(Id, AttrValue)]>,
    /// The chosen value: `""` none yet, `"none"` the loose cards, else a cluster id.
    value: String,
    onchange: Callback<Event>,
}

/// The select of "Verplaats naar": a component of its own, so the board's renders (a tick, a
/// move) do not go through its options unless the clusters or the choice changed.
#[function_component(MoveTargets)]
fn move_targets(p: &MoveTargetsProps) -> Html {
    let ctx = use_ctx();
    html! {
        <select id="ld-move-target" onchange={p.onchange.clone()}>
            <option value="" selected={p.value.is_empty()} disabled=true>{ ctx.t(ClusterText::ChooseCluster) }</option>
            <option value="none" selected={p.value == "none"}>{ ctx.t(ClusterText::Unclustered) }</option>
            { for p.clusters.iter().map(|(id, name)| html! {
                <option value={id.to_string()} selected={p.value == id.as_str()}>{ name.clone() }</option>
            }) }
        </select>
    }
}

/// Each column's cluster (`None`: the loose cards) and cards, the loose cards first, then each
/// cluster in board order.
type ColumnCards = Rc<Vec<(Option<Id>, Rc<Vec<CardView>>)>>;

/// The board's columns of card views, kept from one render to the next. Ticking a card or a carry
/// step does not touch them; a change of the workshop rebuilds only the columns whose cards
/// changed, and every other column keeps its very list, so Yew skips it: a move re-renders two
/// columns, not three hundred.
#[derive(Default)]
struct Columns {
    /// The workshop these columns show.
    workshop: Option<Shared>,
    columns: ColumnCards,
}

impl Columns {
    /// The columns of workshop `w`, from before where they still show the same.
    fn update(&mut self, w: &Shared) -> ColumnCards {
        if self.workshop.as_ref() != Some(w) && !self.update_few(w) {
            let column_of: BTreeMap<&Id, usize> = w.clusters.iter().enumerate().map(|(i, c)| (&c.id, i + 1)).collect();
            let mut cards: Vec<Vec<&crate::workshop::Card>> = vec![Vec::new(); w.clusters.len() + 1];
            for c in &w.cards {
                // A card of a cluster that is not there is not shown (the file check prevents it).
                let column = match &c.cluster {
                    None => Some(0),
                    Some(id) => column_of.get(id).copied(),
                };
                if let Some(column) = column {
                    cards[column].push(c);
                }
            }
            let columns = cards
                .into_iter()
                .enumerate()
                .map(|(i, cards)| {
                    let key = i.checked_sub(1).and_then(|i| w.clusters.get(i)).map(|c| c.id.clone());
                    // New clusters come last, so a column is found at its old place.
                    let old = self.columns.get(i).filter(|(old_key, _)| *old_key == key).map(|(_, old)| old);
                    (key, kept_or_built(old, w, &cards))
                })
                .collect();
            self.columns = Rc::new(columns);
            self.workshop = Some(w.clone());
        }
        Rc::clone(&self.columns)
    }

    /// The common case of a change (a move, an edit of a card): the same clusters, sources and
    /// groups, and a few cards changed in place, found by pointer (the cards are shared, see
    /// [`crate::workshop::Card`]). Only the columns those cards left or joined are rebuilt, and
    /// the others are not looked at: no lookup of every card's cluster. `false` (nothing done)
    /// when the change is not of that kind.
    fn update_few(&mut self, w: &Shared) -> bool {
        /// More changed cards than this and the whole board is rebuilt as usual.
        const FEW: usize = 16;
        let Some(old) = &self.workshop else { return false };
        if old.cards.len() != w.cards.len()
            || self.columns.len() != w.clusters.len() + 1
            || old.clusters != w.clusters
            || old.sources != w.sources
            || old.setup.groups != w.setup.groups
        {
            return false;
        }
        let mut changed = Vec::new();
        for (i, (a, b)) in old.cards.iter().zip(&w.cards).enumerate() {
            if !a.shares(b) {
                if changed.len() == FEW {
                    return false;
                }
                changed.push(i);
            }
        }
        // The column a cluster (`None`: the loose cards) is shown in; a card of a cluster that is
        // not there is not shown (the file check prevents it).
        let column = |cluster: &Option<Id>| match cluster {
            None => Some(0),
            Some(id) => w.clusters.iter().position(|c| &c.id == id).map(|i| i + 1),
        };
        // (A list searched by hand, not sorted: a sort of its own would add a copy of the sort
        // code to the wasm, see `crate::order`.)
        let mut dirty: Vec<usize> = Vec::new();
        for &i in &changed {
            for d in [column(&old.cards[i].cluster), column(&w.cards[i].cluster)].into_iter().flatten() {
                if !dirty.contains(&d) {
                    dirty.push(d);
                }
            }
        }
        let columns = Rc::make_mut(&mut self.columns);
        for d in dirty {
            let cluster = d.checked_sub(1).map(|i| &w.clusters[i].id);
            let cards: Vec<&crate::workshop::Card> = w.cards.iter().filter(|c| c.cluster.as_ref() == cluster).collect();
            let (_, views) = &mut columns[d];
            *views = kept_or_built(Some(views), w, &cards);
        }
        self.workshop = Some(w.clone());
        true
    }
}

/// A column's card views: the `old` ones while they still show these `cards`, in this order
/// (the same list, so its column is not drawn again), else new ones.
fn kept_or_built(old: Option<&Rc<Vec<CardView>>>, w: &Workshop, cards: &[&crate::workshop::Card]) -> Rc<Vec<CardView>> {
    match old {
        Some(old) if old.len() == cards.len() && old.iter().zip(cards).all(|(view, card)| view.shows(w, card)) => {
            Rc::clone(old)
        }
        _ => Rc::new(cards.iter().map(|c| CardView::of(w, c)).collect()),
    }
}

/// The card an event happened in: the id in `attribute` of the element matching `selector`
/// around the event's target (the grip for keys, the card for its tick box).
fn card_of(e: &Event, selector: &str, attribute: &str) -> Option<Id> {
    let target = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok())?;
    let found = target.closest(selector).ok().flatten()?;
    found.get_attribute(attribute).and_then(|id| Id::parse(&id))
}

/// The cards a move takes: the whole selection if the card is in it, else only the card.
fn moving(selected: &BTreeSet<Id>, card: &Id) -> Vec<Id> {
    if selected.contains(card) {
        selected.iter().cloned().collect()
    } else {
        vec![card.clone()]
    }
}

/// Moves cards: the one place the board sends a move (keyboard drop, pointer drop and "Move to"
/// all come here). It says nothing itself: the reducer announces the move once `apply` has
/// said where the cards went, or the refusal (a locked step) instead.
fn move_cards(ctx: &Ctx, cards: Vec<Id>, to: &Target) {
    ctx.act(Action::MoveCards { cards, to: to.cluster().cloned() });
}

/// The words for what the keyboard carry has to say.
fn announcement_text(said: &Announcement, w: &Workshop, lang: Lang) -> String {
    match said {
        Announcement::PickedUp { card, at, position, of } => {
            let text = w.cards.iter().find(|c| &c.id == card).map(|c| c.text.as_str()).unwrap_or_default();
            ClusterText::carry_picked_up(text, &target_name(w, at, lang), *position, *of, lang)
        }
        Announcement::Aiming { target, position, of } => {
            ClusterText::carry_aiming(&target_name(w, target, lang), *position, *of, lang)
        }
        Announcement::Cancelled => ClusterText::CarryCancelled.get(lang).to_string(),
        Announcement::TargetGone => ClusterText::CarryTargetGone.get(lang).to_string(),
    }
}

/// The name of a column as the board shows it.
fn target_name(w: &Workshop, target: &Target, lang: Lang) -> String {
    match target {
        Target::Unclustered => ClusterText::Unclustered.get(lang).to_string(),
        Target::Cluster(id) => w.cluster(id).map(|c| c.name.clone()).unwrap_or_default(),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use std::rc::Rc;

    use super::*;
    use crate::ui::{AppState, Storage};
    use crate::workshop::SourceKind;

    #[derive(Properties, PartialEq)]
    struct HostProps {
        workshop: Shared,
    }

    /// The board with the context `App` would give it.
    #[function_component(Host)]
    fn host(p: &HostProps) -> Html {
        let state = use_reducer(|| AppState::new((*p.workshop.0).clone(), Lang::Nl, Storage::Ok));
        let ctx = Ctx { lang: Lang::Nl, dispatch: state.dispatcher(), role: None };
        html! { <ContextProvider<Ctx> context={ctx}><Board workshop={p.workshop.clone()} /></ContextProvider<Ctx>> }
    }

    fn id(text: &str) -> Id {
        Id::parse(text).expect("test ids are valid")
    }

    /// An empty workshop with one source, `src-1`.
    fn with_source() -> Workshop {
        let mut w = Workshop::default();
        let kind = SourceKind::Case;
        w.apply(Action::AddSource { id: id("src-1"), kind, title: "Casus".into(), notes: String::new() })
            .expect("source");
        w
    }

    /// The board of workshop `w` rendered as HTML.
    async fn render(w: Workshop) -> String {
        let props = HostProps { workshop: Shared(Rc::new(w)) };
        yew::LocalServerRenderer::<Host>::with_props(props).render().await
    }

    #[test]
    fn after_a_move_the_columns_are_those_of_the_new_workshop_and_the_others_are_kept() {
        let mut w = with_source();
        for n in 1..=40 {
            let card = id(&format!("card-{n}"));
            w.apply(Action::AddCard { id: card, source: id("src-1"), text: format!("Kaart {n}"), group: None })
                .expect("card");
        }
        for c in 1..=4 {
            let cluster = id(&format!("cl-{c}"));
            w.apply(Action::CreateCluster { id: cluster.clone(), name: format!("C{c}") }).expect("cluster");
            let cards = (1..=40).filter(|n| n % 5 == c).map(|n| id(&format!("card-{n}"))).collect();
            w.apply(Action::MoveCards { cards, to: Some(cluster) }).expect("move");
        }
        let mut history = crate::workshop::History::new(w);
        let mut columns = Columns::default();
        let before = columns.update(&Shared(history.present_rc()));
        let steps = [
            Action::MoveCards { cards: vec![id("card-1")], to: Some(id("cl-2")) },
            Action::MoveCards { cards: vec![id("card-2"), id("card-5")], to: None },
            Action::EditCard { id: id("card-3"), text: "Anders".into(), group: None },
            Action::CreateCluster { id: id("cl-5"), name: "C5".into() },
            Action::MoveCards { cards: vec![id("card-4")], to: Some(id("cl-5")) },
        ];
        let mut last = before;
        for action in steps {
            history.apply(action.clone()).expect("allowed");
            let now = Shared(history.present_rc());
            let kept = columns.update(&now);
            let fresh = Columns::default().update(&now);
            assert_eq!(kept, fresh, "after {action:?} the columns show the workshop as it is");
            // Columns whose cards did not change keep their very list (their component is skipped).
            let same = last.iter().zip(kept.iter()).filter(|((_, a), (_, b))| Rc::ptr_eq(a, b)).count();
            let equal = last.iter().zip(kept.iter()).filter(|((_, a), (_, b))| a == b).count();
            assert_eq!(same, equal, "after {action:?} every unchanged column keeps its list");
            last = kept;
        }
        assert!(history.undo());
        let now = Shared(history.present_rc());
        assert_eq!(columns.update(&now), Columns::default().update(&now), "and after an undo");
    }

    #[tokio::test]
    async fn drop_zones_are_named_by_cluster_id_not_by_position() {
        let mut w = with_source();
        w.apply(Action::AddCard { id: id("card-1"), source: id("src-1"), text: "Kaart".into(), group: None })
            .expect("card");
        for (cluster, name) in [("cl-b", "B"), ("cl-a", "A")] {
            w.apply(Action::CreateCluster { id: id(cluster), name: name.into() }).expect("cluster");
        }
        let html = render(w).await;
        let zones: Vec<&str> = html.split("data-drop=\"").skip(1).filter_map(|rest| rest.split('"').next()).collect();
        assert_eq!(zones, ["", "cl-b", "cl-a"], "the loose cards, then each cluster by id, in board order");
    }

    #[tokio::test]
    async fn the_board_opens_with_its_first_columns_built_up_to_a_window_of_cards() {
        let mut w = with_source();
        // 3 loose cards, 150 in A, 20 in B, none in C: the loose cards and A hold fewer than
        // `wake::FIRST` cards together, with B more.
        let mut n = 0;
        let sizes = [(None, 3), (Some("cl-a"), 150), (Some("cl-b"), 20)];
        assert!(sizes[0].1 + sizes[1].1 <= wake::FIRST && sizes[0].1 + sizes[1].1 + sizes[2].1 > wake::FIRST);
        for (cluster, count) in sizes {
            let mut cards = Vec::new();
            for _ in 0..count {
                n += 1;
                let card = id(&format!("card-{n}"));
                w.apply(Action::AddCard {
                    id: card.clone(),
                    source: id("src-1"),
                    text: format!("Kaart {n}"),
                    group: None,
                })
                .expect("card");
                cards.push(card);
            }
            if let Some(cluster) = cluster {
                w.apply(Action::CreateCluster { id: id(cluster), name: cluster.into() }).expect("cluster");
                w.apply(Action::MoveCards { cards, to: Some(id(cluster)) }).expect("move");
            }
        }
        w.apply(Action::CreateCluster { id: id("cl-c"), name: "C".into() }).expect("cluster");
        let html = render(w).await;
        let columns: Vec<(&str, bool)> = html
            .split("<section")
            .filter_map(|s| {
                Some((s.split("data-drop=\"").nth(1)?.split('"').next()?, s.split('>').next()?.contains("data-asleep")))
            })
            .collect();
        let asleep = |c: bool| if c { "asleep" } else { "built" };
        let said: Vec<String> = columns.iter().map(|(drop, a)| format!("{drop}: {}", asleep(*a))).collect();
        assert_eq!(said, [": built", "cl-a: built", "cl-b: asleep", "cl-c: asleep"]);
        // Built: real cards, with their tick boxes; asleep: stand-ins.
        assert_eq!(html.matches("type=\"checkbox\"").count(), 153);
        assert_eq!(html.matches("ld-stand-in").count(), 20);
    }
}
