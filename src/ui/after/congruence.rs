//! Congruentie: per principle the method's yes/no questions for visie, beleid, inrichting and
//! uitvoering, with notes, and an overview of where the answer is not yet "yes".

use yew::prelude::*;

use super::{download, field_value, file_name, select_value};
use crate::after::congruence::answer_of;
use crate::after::{congruence_markdown, congruence_overview};
use crate::i18n::{AfterText, Text};
use crate::ui::{use_ctx, Shared};
use crate::workshop::{limits, Action, Answer, Area, Id};

#[derive(Properties, PartialEq)]
pub struct CongruenceProps {
    pub workshop: Shared,
}

fn answer_value(a: Answer) -> &'static str {
    match a {
        Answer::Yes => "yes",
        Answer::Partly => "partly",
        Answer::No => "no",
    }
}

fn answer_from(value: &str) -> Option<Answer> {
    [Answer::Yes, Answer::Partly, Answer::No].into_iter().find(|a| answer_value(*a) == value)
}

fn area_slug(a: Area) -> &'static str {
    match a {
        Area::Vision => "vision",
        Area::Policy => "policy",
        Area::Organisation => "organisation",
        Area::Practice => "practice",
    }
}

/// The congruence tab: a principle picker, its questions, and the gaps of the whole set.
#[function_component(CongruenceView)]
pub fn congruence_view(p: &CongruenceProps) -> Html {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let t = |k: &dyn Text| k.text(lang);
    let w = &p.workshop;
    let chosen = use_state(|| None::<Id>);
    // The chosen principle, or the first when none is chosen or it was removed.
    let Some(principle) =
        chosen.as_ref().and_then(|id| w.principles.iter().find(|p| &p.id == id)).or_else(|| w.principles.first())
    else {
        return html! {};
    };
    let on_choose = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| chosen.set(crate::workshop::Id::parse(&select_value(&e))))
    };
    let overview = congruence_overview(w);
    let md = {
        let w = w.clone();
        Callback::from(move |_| {
            download(
                &file_name("congruentie", &w.setup.title, "md"),
                "text/markdown;charset=utf-8",
                &congruence_markdown(&w, lang),
            )
        })
    };
    html! {
        <div class="ld-congruence">
            <p class="ld-hint">{ t(&AfterText::CongruenceIntro) }</p>
            <div class="ld-field ld-principle-pick">
                <label for="ld-cong-principle">{ t(&AfterText::ChoosePrinciple) }</label>
                <select id="ld-cong-principle" onchange={on_choose}>
                    { for w.principles.iter().enumerate().map(|(i, pr)| html! {
                        <option key={pr.id.as_str()} value={pr.id.as_str().to_string()} selected={pr.id == principle.id}>
                            { format!("{}. {} ({} {})", i + 1, pr.title, overview.unanswered_of(&pr.id), t(&AfterText::Open).to_lowercase()) }
                        </option>
                    }) }
                </select>
            </div>
            <div class="ld-areas">
            { for Area::ALL.into_iter().map(|area| html! {
                <fieldset key={area_slug(area)} class="ld-card-box ld-area">
                    <legend>{ format!("{}: {}", AfterText::area(area).get(lang), principle.title) }</legend>
                    { for (0..area.questions()).map(|q| {
                        let a = answer_of(w, &principle.id, area, q);
                        let current = a.map(|a| a.answer);
                        let note = a.map(|a| a.note.clone()).unwrap_or_default();
                        let base = format!("ld-cong-{}-{}", area_slug(area), q + 1);
                        let text = AfterText::question(area, q).map(|k| k.get(lang)).unwrap_or("");
                        let on_answer = {
                            let (ctx, pid, note) = (ctx.clone(), principle.id.clone(), note.clone());
                            Callback::from(move |e: Event| {
                                let answer = answer_from(&select_value(&e));
                                let note = if answer.is_some() { note.clone() } else { String::new() };
                                ctx.act(Action::AnswerCongruence { principle: pid.clone(), area, question: q, answer, note });
                            })
                        };
                        let on_note = {
                            let (ctx, pid) = (ctx.clone(), principle.id.clone());
                            Callback::from(move |e: Event| {
                                if current.is_some() {
                                    ctx.act(Action::AnswerCongruence { principle: pid.clone(), area, question: q, answer: current, note: field_value(&e) });
                                }
                            })
                        };
                        html! {
                            <div key={q} class={classes!("ld-question", current.map(|a| format!("ld-a-{}", answer_value(a))))}>
                                <label for={format!("{base}-a")}>{ text }</label>
                                <div class="ld-question-row">
                                    <select id={format!("{base}-a")} onchange={on_answer}>
                                        <option value="" selected={current.is_none()}>{ t(&AfterText::NotAnswered) }</option>
                                        { for [Answer::Yes, Answer::Partly, Answer::No].into_iter().map(|x| html! {
                                            <option value={answer_value(x)} selected={current == Some(x)}>{ AfterText::answer(x).get(lang) }</option>
                                        }) }
                                    </select>
                                    <label class="ld-visually-hidden" for={format!("{base}-n")}>{ format!("{}: {}", t(&AfterText::Note), text) }</label>
                                    <input id={format!("{base}-n")} type="text" value={note} disabled={current.is_none()}
                                        maxlength={limits::AFTER_NOTE.to_string()} onchange={on_note}
                                        title={current.is_none().then(|| t(&AfterText::NoteHint))} placeholder={t(&AfterText::Note)} />
                                </div>
                            </div>
                        }
                    }) }
                </fieldset>
            }) }
            </div>
            <section class="ld-gaps" aria-labelledby="ld-gaps-h">
                <h3 id="ld-gaps-h">{ t(&AfterText::Gaps) }</h3>
                <p class="ld-gap-counts">{ format!("{}: {} · {}: {} · {}: {} · {}: {}",
                    t(&AfterText::Yes), overview.yes, t(&AfterText::Partly), overview.partly, t(&AfterText::No), overview.no, t(&AfterText::NotAnswered), overview.unanswered) }</p>
                if overview.gaps.is_empty() {
                    <p class="ld-ok">{ t(&AfterText::NoGaps) }</p>
                }
                if overview.answered_gaps().next().is_some() {
                    <div class="ld-table-wrap">
                    <table class="ld-table ld-gap-table">
                        <thead><tr>
                            <th scope="col">{ t(&AfterText::Principle) }</th>
                            <th scope="col">{ t(&AfterText::Area) }</th>
                            <th scope="col">{ t(&AfterText::Question) }</th>
                            <th scope="col">{ t(&AfterText::Answer) }</th>
                            <th scope="col">{ t(&AfterText::Note) }</th>
                        </tr></thead>
                        <tbody>
                        { for overview.answered_gaps().map(|g| html! {
                            <tr key={format!("{}-{}-{}", g.principle.as_str(), area_slug(g.area), g.question)}>
                                <th scope="row">{ &g.principle_title }</th>
                                <td>{ AfterText::area(g.area).get(lang) }</td>
                                <td>{ AfterText::question(g.area, g.question).map(|k| k.get(lang)).unwrap_or("") }</td>
                                <td class={g.answer.map(|a| format!("ld-a-{}", answer_value(a)))}>
                                    { g.answer.map(|a| AfterText::answer(a).get(lang)).unwrap_or("") }</td>
                                <td>{ &g.note }</td>
                            </tr>
                        }) }
                        </tbody>
                    </table>
                    </div>
                }
                if overview.unanswered > 0 {
                    <ul class="ld-open-list">
                        { for w.principles.iter().filter(|pr| overview.unanswered_of(&pr.id) > 0).map(|pr| html! {
                            <li key={pr.id.as_str()}>{ format!("{}: {} {}", pr.title, overview.unanswered_of(&pr.id), t(&AfterText::NotAnswered).to_lowercase()) }</li>
                        }) }
                    </ul>
                }
                <div class="ld-actions">
                    <button type="button" class="ld-button" onclick={md}>{ t(&AfterText::DownloadMarkdown) }</button>
                </div>
            </section>
        </div>
    }
}
