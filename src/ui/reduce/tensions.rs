//! Spanningen: a compact matrix of the chosen principles; each cell above the diagonal opens
//! an editor for that pair's tension (a note, and which principle goes first).

use yew::prelude::*;

use super::super::platform::{self, new_id};
use super::super::widgets::TextField;
use super::super::{use_ctx, Shared};
use crate::i18n::{ChooseText, CommonText, Lang};
use crate::workshop::{limits, Action, Id, Principle, Tension, Workshop};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub workshop: Shared,
}

fn tension_of<'a>(w: &'a Workshop, a: &Id, b: &Id) -> Option<&'a Tension> {
    w.tensions.iter().find(|t| (&t.a == a && &t.b == b) || (&t.a == b && &t.b == a))
}

fn title<'a>(w: &'a Workshop, id: &Id) -> &'a str {
    w.principles.iter().find(|p| &p.id == id).map(|p| p.title.as_str()).unwrap_or("")
}

fn pair_label(a: &str, b: &str, lang: Lang) -> String {
    format!("{} {a} {} {b}", ChooseText::Between.get(lang), ChooseText::And.get(lang))
}

/// The matrix, the editor for the chosen pair, and the list of recorded tensions.
#[function_component(TensionMatrix)]
pub fn tension_matrix(p: &Props) -> Html {
    let ctx = use_ctx();
    let w: &Workshop = &p.workshop;
    let lang = ctx.lang;
    let editing = use_state(|| None::<(Id, Id)>);
    let live = editing
        .as_ref()
        .filter(|(a, b)| w.principles.iter().any(|x| &x.id == a) && w.principles.iter().any(|x| &x.id == b))
        .cloned();
    {
        let open = live.is_some();
        use_effect_with(live.clone(), move |_| {
            if open {
                platform::focus("#ld-tension-note");
            }
        });
    }
    let ps = &w.principles;
    html! {
        <section class="ld-card-box ld-tensions" aria-labelledby="ld-tensions-h">
            <h3 id="ld-tensions-h">{ ChooseText::Tensions.get(lang) }</h3>
            if ps.len() < 2 {
                <p class="ld-empty">{ ChooseText::TensionsNeedTwo.get(lang) }</p>
            } else {
                <p class="ld-hint">{ ChooseText::TensionsHelp.get(lang) }</p>
                <div class="ld-matrix-wrap">
                <table class="ld-matrix">
                    <caption class="ld-visually-hidden">{ ChooseText::TensionMatrix.get(lang) }</caption>
                    <thead>
                        <tr>
                            <td class="ld-matrix-corner"></td>
                            { for ps.iter().enumerate().map(|(j, b)| html! {
                                <th key={b.id.as_str()} scope="col">
                                    <span aria-hidden="true">{ j + 1 }</span>
                                    <span class="ld-visually-hidden">{ format!("{}. {}", j + 1, b.title) }</span>
                                </th>
                            }) }
                        </tr>
                    </thead>
                    <tbody>
                    { for ps.iter().enumerate().map(|(i, a)| html! {
                        <tr key={a.id.as_str()}>
                            <th scope="row" class="ld-matrix-row">{ format!("{}. {}", i + 1, a.title) }</th>
                            { for ps.iter().enumerate().map(|(j, b)| cell(w, i, j, a, b, &editing, lang)) }
                        </tr>
                    }) }
                    </tbody>
                </table>
                </div>
                if let Some((a, b)) = live {
                    <Editor key={format!("{a}-{b}")} workshop={p.workshop.clone()} a={a.clone()} b={b.clone()}
                        on_close={{ let e = editing.clone(); Callback::from(move |_| e.set(None)) }} />
                }
                if !w.tensions.is_empty() {
                    <h4 class="ld-small-head">{ ChooseText::Recorded.get(lang) }</h4>
                    <ul class="ld-tension-list">
                    { for w.tensions.iter().map(|t| html! {
                        <li key={t.id.as_str()}>
                            <strong>{ format!("{} ↔ {}", title(w, &t.a), title(w, &t.b)) }</strong>
                            { " — " }
                            { match &t.priority {
                                Some(first) => format!("{} {}", title(w, first), ChooseText::First.get(lang)),
                                None => ChooseText::NotChosen.get(lang).to_string(),
                            } }
                            if !t.note.is_empty() {
                                <span class="ld-tension-note">{ format!(". {}", t.note) }</span>
                            }
                        </li>
                    }) }
                    </ul>
                }
            }
        </section>
    }
}

fn cell(
    w: &Workshop,
    i: usize,
    j: usize,
    a: &Principle,
    b: &Principle,
    editing: &UseStateHandle<Option<(Id, Id)>>,
    lang: Lang,
) -> Html {
    let key = b.id.to_string();
    if i == j {
        return html! { <td key={key} class="ld-matrix-self"></td> };
    }
    if i > j {
        return html! { <td key={key} class="ld-matrix-mirror"></td> };
    }
    let t = tension_of(w, &a.id, &b.id);
    let selected = editing.as_ref() == Some(&(a.id.clone(), b.id.clone()));
    let (text, label) = match t {
        None => {
            ("+".to_string(), format!("{} {}", ChooseText::TensionAdd.get(lang), pair_label(&a.title, &b.title, lang)))
        }
        Some(t) => {
            let first = t.priority.as_ref().map(|f| if f == &a.id { i + 1 } else { j + 1 });
            let text = match first {
                Some(n) => format!("⚖ {n}"),
                None => "⚖".to_string(),
            };
            let state = match &t.priority {
                Some(f) => format!("{} {}", title(w, f), ChooseText::First.get(lang)),
                None => ChooseText::NotChosen.get(lang).to_string(),
            };
            (text, format!("{} {}: {state}", ChooseText::TensionEdit.get(lang), pair_label(&a.title, &b.title, lang)))
        }
    };
    let onclick = {
        let (editing, pair) = (editing.clone(), (a.id.clone(), b.id.clone()));
        Callback::from(move |_| editing.set(Some(pair.clone())))
    };
    html! {
        <td key={key} class={classes!(t.is_some().then_some("ld-matrix-has"))}>
            <button type="button" class={classes!("ld-matrix-cell", selected.then_some("ld-matrix-selected"))}
                aria-expanded={selected.to_string()} {onclick}>
                <span aria-hidden="true">{ text }</span>
                <span class="ld-visually-hidden">{ label }</span>
            </button>
        </td>
    }
}

#[derive(Properties, PartialEq)]
struct EditorProps {
    workshop: Shared,
    a: Id,
    b: Id,
    on_close: Callback<()>,
}

#[function_component(Editor)]
fn editor(p: &EditorProps) -> Html {
    let ctx = use_ctx();
    let w: &Workshop = &p.workshop;
    let lang = ctx.lang;
    let existing = tension_of(w, &p.a, &p.b).cloned();
    let note = use_state(|| existing.as_ref().map(|t| t.note.clone()).unwrap_or_default());
    let first = use_state(|| existing.as_ref().and_then(|t| t.priority.clone()));
    let (ta, tb) = (title(w, &p.a).to_string(), title(w, &p.b).to_string());
    let onsubmit = {
        let (ctx, note, first, existing, a, b, close) =
            (ctx.clone(), note.clone(), first.clone(), existing.clone(), p.a.clone(), p.b.clone(), p.on_close.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (id, a, b) = match &existing {
                Some(t) => (t.id.clone(), t.a.clone(), t.b.clone()),
                None => (new_id("ten"), a.clone(), b.clone()),
            };
            ctx.act(Action::SetTension { id, a, b, note: (*note).clone(), priority: (*first).clone() });
            if note.trim().chars().count() <= limits::TENSION_NOTE {
                close.emit(());
            }
        })
    };
    let remove = existing.as_ref().map(|t| {
        let (ctx, id, close) = (ctx.clone(), t.id.clone(), p.on_close.clone());
        Callback::from(move |_| {
            ctx.act(Action::RemoveTension { id: id.clone() });
            close.emit(());
        })
    });
    let radio = |value: Option<Id>, label: String, n: &'static str| {
        let checked = *first == value;
        let set = {
            let (first, value) = (first.clone(), value.clone());
            Callback::from(move |_| first.set(value.clone()))
        };
        let id = format!("ld-first-{n}");
        html! {
            <div class="ld-radio">
                <input type="radio" name="ld-first" id={id.clone()} {checked} onchange={set} />
                <label for={id}>{ label }</label>
            </div>
        }
    };
    html! {
        <form class="ld-tension-editor" {onsubmit} aria-labelledby="ld-tension-h">
            <h4 id="ld-tension-h">{ format!("{}: {ta} ↔ {tb}", ChooseText::Tensions.get(lang)) }</h4>
            <TextField id="ld-tension-note" label={ChooseText::TensionNote.get(lang)} value={(*note).clone()} max={limits::TENSION_NOTE}
                multiline=true oninput={{ let n = note.clone(); Callback::from(move |v| n.set(v)) }} />
            <fieldset>
                <legend>{ ChooseText::GoesFirst.get(lang) }</legend>
                <div class="ld-kinds">
                    { radio(Some(p.a.clone()), ta.clone(), "a") }
                    { radio(Some(p.b.clone()), tb.clone(), "b") }
                    { radio(None, ChooseText::NotChosen.get(lang).to_string(), "none") }
                </div>
            </fieldset>
            <div class="ld-row">
                <button type="submit" class="ld-button ld-primary">{ ChooseText::SaveTension.get(lang) }</button>
                if let Some(remove) = remove {
                    <button type="button" class="ld-button ld-quiet" onclick={remove}>{ ChooseText::RemoveTension.get(lang) }</button>
                }
                <button type="button" class="ld-button ld-quiet" onclick={p.on_close.reform(|_| ())}>{ CommonText::Cancel.get(lang) }</button>
            </div>
        </form>
    }
}
