//! Concretiseren: one principle at a time. Title, meaning, type, what it means for offer,
//! access, conduct and procurement, the policy theory, the optional deeper questions, and
//! where it came from. A text is saved when its field is left: one undo step per edit.

use yew::prelude::*;

use super::collect::kind_class;
use super::widgets::{locked_area, select_value, CommitField};
use super::{use_ctx, Shared};
use crate::i18n::{self, ConcretiseText, Lang, Text};
use crate::workshop::{Action, Id, Principle, PrincipleField, PrincipleKind, Section, Stage, Workshop};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub workshop: Shared,
}

/// The concretise phase.
#[function_component(ConcretiseView)]
pub fn view(p: &Props) -> Html {
    let ctx = use_ctx();
    let w: &Workshop = &p.workshop;
    let lang = ctx.lang;
    let chosen = use_state(|| None::<Id>);
    let at = chosen.as_ref().and_then(|id| w.principles.iter().position(|x| &x.id == id)).unwrap_or(0);
    let l = |k: &dyn Text| k.text(lang);
    let go = |i: usize| {
        let (chosen, id) = (chosen.clone(), w.principles.get(i).map(|x| x.id.clone()));
        Callback::from(move |_| chosen.set(id.clone()))
    };
    html! {
        <section class="ld-phase ld-concretise" aria-labelledby="ld-concretise-h">
            <h2 id="ld-concretise-h">{ l(&ConcretiseText::StepHeading) }</h2>
            <p class="ld-intro">{ l(&ConcretiseText::ConcretiseIntro) }</p>
            if w.principles.is_empty() {
                <p class="ld-empty">{ l(&ConcretiseText::GoToReduce) }</p>
            } else {
                <div class="ld-concretise-grid">
                    <nav class="ld-picker" aria-label={l(&ConcretiseText::PickPrinciple)}>
                        <ol>
                        { for w.principles.iter().enumerate().map(|(i, pr)| {
                            let current = i == at;
                            html! {
                                <li key={pr.id.as_str()}>
                                    <button type="button" class={classes!("ld-pick", current.then_some("ld-pick-current"))}
                                        aria-current={current.then_some("true")} onclick={go(i)}>
                                        <span class="ld-principle-n" aria-hidden="true">{ i + 1 }</span>
                                        <span>{ &pr.title }</span>
                                    </button>
                                </li>
                            }
                        }) }
                        </ol>
                        <div class="ld-row">
                            <button type="button" class="ld-button ld-quiet" disabled={at == 0} onclick={go(at.saturating_sub(1))}>
                                { "← " }{ l(&ConcretiseText::Previous) }
                            </button>
                            <button type="button" class="ld-button ld-quiet" disabled={at + 1 >= w.principles.len()} onclick={go(at + 1)}>
                                { l(&ConcretiseText::Next) }{ " →" }
                            </button>
                        </div>
                    </nav>
                    // Choosing another principle stays possible while the step is locked: only its texts are.
                    if let Some(pr) = w.principles.get(at) {
                        { locked_area(&ctx, w, Stage::Concretise, html! {
                            <PrincipleForm key={pr.id.as_str()} workshop={p.workshop.clone()} principle={pr.clone()} number={at + 1} />
                        }) }
                    }
                </div>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct FormProps {
    workshop: Shared,
    principle: Principle,
    number: usize,
}

#[function_component(PrincipleForm)]
fn principle_form(p: &FormProps) -> Html {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let w: &Workshop = &p.workshop;
    let pr = &p.principle;
    let l = |k: &dyn Text| k.text(lang);
    // Every field of a section, as the table of principle fields lists them; only the title is one line.
    let fields = |section: Section| -> Html {
        PrincipleField::in_section(section)
            .map(|s| {
                let (f, value) = (s.field, s.field.text(pr).unwrap_or_default().to_string());
                let (ctx, id) = (ctx.clone(), pr.id.clone());
                let oncommit = Callback::from(move |value| ctx.act(Action::EditPrinciple { id: id.clone(), field: f, value }));
                html! { <CommitField id={format!("ld-pf-{}", s.key)} name={s.key} label={l(&ConcretiseText::principle_field(f))} {value}
                    max={f.limit()} multiline={f != PrincipleField::Title} {oncommit} /> }
            })
            .collect()
    };
    let kind_radio = |kind: PrincipleKind, label: ConcretiseText, help: ConcretiseText, n: &'static str| {
        let (ctx2, id) = (ctx.clone(), pr.id.clone());
        let onchange = Callback::from(move |_| ctx2.act(Action::SetPrincipleKind { id: id.clone(), kind }));
        let input_id = format!("ld-kind-{n}");
        html! {
            <div class="ld-radio">
                <input type="radio" name="ld-kind" id={input_id.clone()} checked={pr.kind == kind} {onchange} />
                <label for={input_id}><strong>{ l(&label) }</strong><span class="ld-hint">{ l(&help) }</span></label>
            </div>
        }
    };
    let on_outcome = {
        let (ctx, id) = (ctx.clone(), pr.id.clone());
        Callback::from(move |e: Event| {
            ctx.act(Action::SetPrincipleOutcome { id: id.clone(), outcome: Id::parse(&select_value(&e)) })
        })
    };
    html! {
        <article class="ld-card-box ld-principle-form" aria-labelledby="ld-pf-h">
            <h3 id="ld-pf-h"><span class="ld-principle-n" aria-hidden="true">{ p.number }</span>{ &pr.title }</h3>
            { fields(Section::Core) }
            <fieldset>
                <legend>{ l(&ConcretiseText::Kind) }</legend>
                <div class="ld-kinds">
                    { kind_radio(PrincipleKind::TransformationGoal, ConcretiseText::KindGoal, ConcretiseText::KindGoalHelp, "goal") }
                    { kind_radio(PrincipleKind::Value, ConcretiseText::KindValue, ConcretiseText::KindValueHelp, "value") }
                </div>
            </fieldset>
            <fieldset>
                <legend>{ l(&ConcretiseText::Implications) }</legend>
                <div class="ld-grid-2">
                    { fields(Section::Implications) }
                </div>
            </fieldset>
            <fieldset class="ld-theory">
                <legend>{ l(&ConcretiseText::Theory) }</legend>
                { fields(Section::Theory) }
                <div class="ld-field">
                    <label for="ld-outcome">{ l(&ConcretiseText::TheoryCloser) }</label>
                    if w.setup.outcomes.is_empty() {
                        <p class="ld-hint">{ l(&ConcretiseText::NoOutcomesSetup) }</p>
                    }
                    <select id="ld-outcome" onchange={on_outcome} disabled={w.setup.outcomes.is_empty()}>
                        <option value="" selected={pr.outcome.is_none()}>{ l(&ConcretiseText::NoOutcome) }</option>
                        { for w.setup.outcomes.iter().map(|o| html! {
                            <option key={o.id.as_str()} value={o.id.to_string()} selected={pr.outcome.as_ref() == Some(&o.id)}>{ &o.text }</option>
                        }) }
                    </select>
                </div>
            </fieldset>
            <details class="ld-deepen">
                <summary>{ l(&ConcretiseText::Deepen) }</summary>
                <h4>{ l(&ConcretiseText::ClosingQuestions) }</h4>
                { fields(Section::Closing) }
                <h4>{ l(&ConcretiseText::HeadHeartHands) }</h4>
                { fields(Section::HeadHeartHands) }
            </details>
            // Open once anything is in it, so what the group wrote is in view.
            <details class="ld-deepen ld-lens" open={PrincipleField::in_section(Section::Lens).any(|s| !s.field.text(pr).unwrap_or_default().is_empty())}>
                <summary>{ l(&ConcretiseText::Lens) }</summary>
                <p class="ld-hint">{ l(&ConcretiseText::LensIntro) }</p>
                <div class="ld-grid-2">
                    { fields(Section::Lens) }
                </div>
            </details>
            <Provenance workshop={p.workshop.clone()} cluster={pr.from_cluster.clone()} />
        </article>
    }
}

#[derive(Properties, PartialEq)]
struct ProvenanceProps {
    workshop: Shared,
    cluster: Option<Id>,
}

/// The cards of the cluster a principle came from, with their source and group.
#[function_component(Provenance)]
fn provenance(p: &ProvenanceProps) -> Html {
    let ctx = use_ctx();
    let lang: Lang = ctx.lang;
    let w: &Workshop = &p.workshop;
    let cluster = p.cluster.as_ref().and_then(|c| w.cluster(c));
    html! {
        <section class="ld-provenance" aria-labelledby="ld-prov-h">
            <h4 id="ld-prov-h">{ ConcretiseText::Provenance.get(lang) }</h4>
            if let Some(c) = cluster {
                <p>{ format!("{}: ", ConcretiseText::FromCluster.get(lang)) }<strong>{ &c.name }</strong></p>
                <ul class="ld-card-list">
                { for w.cards_in(Some(&c.id)).map(|card| {
                    let source = w.source(&card.source);
                    let group = card.group.as_ref().and_then(|g| w.group(g));
                    html! {
                        <li key={card.id.as_str()} class="ld-card-row">
                            <p class="ld-card-text">{ &card.text }</p>
                            if let Some(s) = source {
                                <span class={classes!("ld-kind", kind_class(s.kind))}>{ i18n::source_kind(s.kind, lang) }</span>
                                <span class="ld-source-name">{ &s.title }</span>
                            }
                            if let Some(g) = group {
                                <span class="ld-group-tag">{ &g.name }</span>
                            }
                        </li>
                    }
                }) }
                </ul>
            } else {
                <p class="ld-empty">{ ConcretiseText::ProvenanceNone.get(lang) }</p>
            }
        </section>
    }
}
