//! A column of the board (the loose cards or one cluster) and a cluster's own menu.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::card::{BoardCard, CardView};
use super::carry::Target;
use crate::i18n::{self, ClusterText};
use crate::ui::use_ctx;
use crate::ui::widgets::{input_value, select_value};
use crate::workshop::{limits, Action, Cluster, Id};

/// The props of [`Column`].
#[derive(Properties, PartialEq)]
pub struct ColumnProps {
    /// The position on the board, for the heading's id only: drops name the cluster.
    pub index: usize,
    /// The cluster, or `None` for the column of loose cards.
    pub cluster: Option<Cluster>,
    /// The cards in this column, in board order: the same list (compared by pointer first) for
    /// as long as the column's cards do not change.
    pub cards: Rc<Vec<CardView>>,
    /// Which of these cards are ticked, by position in `cards`; empty when none is, so ticking a
    /// card re-renders only its own column.
    pub ticked: Vec<usize>,
    /// The position in `cards` of the card carried by keyboard, when it is in this column.
    pub picked: Option<usize>,
    /// Whether the card carried by keyboard would land here.
    pub is_target: bool,
    /// Whether the column is asleep (see [`super::wake`]): each card a light stand-in.
    pub asleep: bool,
    /// Whether this cluster's menu is open: the board keeps at most one open.
    pub menu_open: bool,
    /// The clusters to merge into, only while this cluster's menu is open: one list on the
    /// board, not one per cluster (300 clusters would carry 90,000 options).
    pub merge_into: Option<Rc<[(Id, AttrValue)]>>,
    /// Told when this cluster's menu opens (`true`) or closes (`false`).
    pub on_menu: Callback<(Id, bool)>,
}

/// A column of the board and a drop zone named after its cluster.
#[function_component(Column)]
pub fn column(p: &ColumnProps) -> Html {
    let ctx = use_ctx();
    let heading_id = format!("ld-col-{}", p.index);
    let drop_name = Target::from(p.cluster.as_ref().map(|c| c.id.clone())).drop_name();
    let name = match &p.cluster {
        Some(c) => c.name.clone(),
        None => ctx.t(ClusterText::Unclustered).to_string(),
    };
    html! {
        <section class={classes!("ld-column", p.cluster.is_none().then_some("ld-column-loose"), p.is_target.then_some("ld-column-target"))}
            data-drop={drop_name} aria-labelledby={heading_id.clone()} data-asleep={p.asleep.then_some("")}>
            <header class="ld-column-head">
                <h3 id={heading_id}>{ &name }</h3>
                <span class="ld-count">{ i18n::cards(p.cards.len(), ctx.lang) }</span>
            </header>
            if let Some(c) = &p.cluster {
                <ClusterMenu cluster={c.clone()} open={p.menu_open} merge_into={p.merge_into.clone()} on_menu={p.on_menu.clone()} />
            }
            <ul class="ld-column-cards">
                if p.asleep {
                    { for p.cards.iter().enumerate().map(|(i, v)| v.stand_in(p.ticked.contains(&i), ctx.lang)) }
                } else {
                    { for p.cards.iter().enumerate().map(|(i, v)| html! {
                        <BoardCard key={v.id.as_str()} view={v.clone()} selected={p.ticked.contains(&i)} picked={p.picked == Some(i)} lang={ctx.lang} />
                    }) }
                }
            </ul>
            if p.cards.is_empty() && p.cluster.is_some() {
                <p class="ld-empty ld-small">{ ctx.t(ClusterText::EmptyCluster) }</p>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ClusterMenuProps {
    cluster: Cluster,
    open: bool,
    merge_into: Option<Rc<[(Id, AttrValue)]>>,
    on_menu: Callback<(Id, bool)>,
}

/// Rename, merge and ungroup, folded away so forty clusters stay calm. Only the summary is on
/// the page until the menu opens: its body is built then, for the one open menu.
#[function_component(ClusterMenu)]
fn cluster_menu(p: &ClusterMenuProps) -> Html {
    let ctx = use_ctx();
    let c = &p.cluster;
    let merge_into = use_state(String::new);
    let ontoggle = {
        let (on_menu, id) = (p.on_menu.clone(), c.id.clone());
        Callback::from(move |e: Event| {
            let open =
                e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).is_some_and(|d| d.has_attribute("open"));
            on_menu.emit((id.clone(), open));
        })
    };
    let summary = html! {
        <summary aria-label={format!("{}: {}", ctx.t(ClusterText::ClusterActions), c.name)}>{ ctx.t(ClusterText::ClusterActions) }</summary>
    };
    if !p.open {
        return html! { <details class="ld-menu" {ontoggle}>{ summary }</details> };
    }
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
    let others = p.merge_into.as_deref().unwrap_or_default();
    html! {
        <details class="ld-menu" open=true {ontoggle}>
            { summary }
            <div class="ld-menu-body">
                <div class="ld-field">
                    <label for={rename_id.clone()}>{ ctx.t(ClusterText::ClusterName) }</label>
                    <input id={rename_id} type="text" value={c.name.clone()} maxlength={limits::CLUSTER.to_string()} onchange={on_rename} />
                </div>
                if !others.is_empty() {
                    <form class="ld-row ld-row-end" onsubmit={on_merge}>
                        <div class="ld-field">
                            <label for={merge_id.clone()}>{ ctx.t(ClusterText::MergeWith) }</label>
                            <select id={merge_id} onchange={{ let m = merge_into.clone(); Callback::from(move |e: Event| m.set(select_value(&e))) }}>
                                <option value="" selected={merge_into.is_empty()} disabled=true>{ ctx.t(ClusterText::ChooseCluster) }</option>
                                { for others.iter().map(|(id, name)| html! {
                                    <option value={id.to_string()} selected={*merge_into == id.as_str()}>{ name }</option>
                                }) }
                            </select>
                        </div>
                        <button type="submit" class="ld-button" disabled={merge_into.is_empty()}>{ ctx.t(ClusterText::Merge) }</button>
                    </form>
                }
                <button type="button" class="ld-button ld-quiet" onclick={on_ungroup}>{ ctx.t(ClusterText::Ungroup) }</button>
                <p class="ld-hint">{ ctx.t(ClusterText::Split) }</p>
            </div>
        </details>
    }
}
