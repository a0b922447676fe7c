//! Voorbereiden: what the session is about, the outcomes it serves and who is at the table.

use yew::prelude::*;

use super::platform::new_id;
use super::widgets::{input_value, TextField};
use super::{use_ctx, Shared};
use crate::i18n::{CommonText, SetupText};
use crate::workshop::{limits, Action, Id, SetupField};

#[derive(Properties, PartialEq)]
pub struct SetupProps {
    pub workshop: Shared,
}

/// The setup form. Texts are saved when a field is left (one undo step per field).
#[function_component(SetupView)]
pub fn setup_view(p: &SetupProps) -> Html {
    let ctx = use_ctx();
    let s = &p.workshop.setup;
    let field = |id: &'static str, label: SetupText, value: &str, f: SetupField, max: usize, kind: &'static str| {
        let ctx2 = ctx.clone();
        let onchange = Callback::from(move |e: Event| ctx2.act(Action::EditSetup { field: f, value: input_value(&e) }));
        html! {
            <div class="ld-field">
                <label for={id}>{ ctx.t(label) }</label>
                <input id={id} type={kind} value={value.to_string()} maxlength={max.to_string()} {onchange} />
            </div>
        }
    };
    html! {
        <section class="ld-phase ld-setup" aria-labelledby="ld-setup-h">
            <h2 id="ld-setup-h">{ ctx.t(CommonText::PhaseSetup) }</h2>
            <p class="ld-intro">{ ctx.t(SetupText::SetupIntro) }</p>
            <div class="ld-grid-2">
                { field("ld-title", SetupText::Title, &s.title, SetupField::Title, limits::TITLE, "text") }
                { field("ld-org", SetupText::Organisation, &s.organisation, SetupField::Organisation, limits::ORGANISATION, "text") }
                { field("ld-date", SetupText::Date, &s.date, SetupField::Date, limits::DATE, "date") }
                { field("ld-facilitator", SetupText::Facilitator, &s.facilitator, SetupField::Facilitator, limits::FACILITATOR, "text") }
            </div>
            <div class="ld-grid-2">
                <NamedList
                    heading={ctx.t(SetupText::Outcomes)} help={ctx.t(SetupText::OutcomesHelp)} empty={ctx.t(SetupText::NoOutcomes)}
                    new_label={ctx.t(SetupText::NewOutcome)} add_label={ctx.t(SetupText::AddOutcome)} id_prefix="ld-outcome"
                    max={limits::OUTCOME}
                    items={s.outcomes.iter().map(|o| (o.id.clone(), AttrValue::from(o.text.clone()))).collect::<Vec<_>>()}
                    on_add={ctx.dispatch.to_callback().reform(|text: String| super::Msg::Do(Action::AddOutcome { id: new_id("out"), text }))}
                    on_edit={ctx.dispatch.to_callback().reform(|(id, text): (Id, String)| super::Msg::Do(Action::EditOutcome { id, text }))}
                    on_remove={ctx.dispatch.to_callback().reform(|id: Id| super::Msg::Do(Action::RemoveOutcome { id }))}
                />
                <NamedList
                    heading={ctx.t(SetupText::Groups)} help={ctx.t(SetupText::GroupsHelp)} empty=""
                    new_label={ctx.t(SetupText::NewGroup)} add_label={ctx.t(SetupText::AddGroup)} id_prefix="ld-group"
                    max={limits::GROUP}
                    items={s.groups.iter().map(|g| (g.id.clone(), AttrValue::from(g.name.clone()))).collect::<Vec<_>>()}
                    on_add={ctx.dispatch.to_callback().reform(|name: String| super::Msg::Do(Action::AddGroup { id: new_id("grp"), name }))}
                    on_edit={ctx.dispatch.to_callback().reform(|(id, name): (Id, String)| super::Msg::Do(Action::RenameGroup { id, name }))}
                    on_remove={ctx.dispatch.to_callback().reform(|id: Id| super::Msg::Do(Action::RemoveGroup { id }))}
                />
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct NamedListProps {
    heading: &'static str,
    help: &'static str,
    empty: &'static str,
    new_label: &'static str,
    add_label: &'static str,
    id_prefix: &'static str,
    max: usize,
    items: Vec<(Id, AttrValue)>,
    on_add: Callback<String>,
    on_edit: Callback<(Id, String)>,
    on_remove: Callback<Id>,
}

/// An editable list of short texts (outcomes, groups): edit in place, remove, add.
#[function_component(NamedList)]
fn named_list(p: &NamedListProps) -> Html {
    let ctx = use_ctx();
    let draft = use_state(String::new);
    let heading_id = format!("{}-h", p.id_prefix);
    let onsubmit = {
        let draft = draft.clone();
        let on_add = p.on_add.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if !draft.trim().is_empty() {
                on_add.emit((*draft).clone());
                draft.set(String::new());
            }
        })
    };
    html! {
        <section class="ld-card-box" aria-labelledby={heading_id.clone()}>
            <h3 id={heading_id}>{ p.heading }</h3>
            <p class="ld-hint">{ p.help }</p>
            if p.items.is_empty() && !p.empty.is_empty() {
                <p class="ld-empty">{ p.empty }</p>
            }
            <ul class="ld-plain-list">
            { for p.items.iter().enumerate().map(|(i, (id, text))| {
                let input_id = format!("{}-{}", p.id_prefix, i + 1);
                let (id1, id2) = (id.clone(), id.clone());
                let on_edit = p.on_edit.reform(move |e: Event| (id1.clone(), input_value(&e)));
                let on_remove = p.on_remove.reform(move |_| id2.clone());
                let label = format!("{} {}", p.heading, i + 1);
                html! {
                    <li key={id.as_str()} class="ld-row">
                        <label class="ld-visually-hidden" for={input_id.clone()}>{ label.clone() }</label>
                        <input id={input_id} type="text" value={text.clone()} onchange={on_edit} maxlength={p.max.to_string()} />
                        <button type="button" class="ld-button ld-quiet" onclick={on_remove}
                            aria-label={format!("{}: {}", ctx.t(CommonText::Delete), text)}>{ ctx.t(CommonText::Delete) }</button>
                    </li>
                }
            }) }
            </ul>
            <form class="ld-add" {onsubmit}>
                <TextField id={format!("{}-new", p.id_prefix)} label={p.new_label} value={(*draft).clone()}
                    max={p.max} oninput={{ let d = draft.clone(); Callback::from(move |v| d.set(v)) }} />
                <button type="submit" class="ld-button">{ p.add_label }</button>
            </form>
        </section>
    }
}
