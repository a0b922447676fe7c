//! Verzamelen: cases, sources and appreciative examples, each with the principles harvested from it.

use yew::prelude::*;

use super::platform::{self, new_id};
use super::suggest_panel;
use super::widgets::{locked_area, select_value, CommitField, TextField};
use super::{use_ctx, Shared};
use crate::i18n::{self, CollectText, CommonText};
use crate::workshop::{limits, Action, Card, Id, RouteQuestion, Source, SourceKind, Stage};

#[derive(Properties, PartialEq)]
pub struct CollectProps {
    pub workshop: Shared,
}

/// The collect phase: a form for a new source and every source with its cards.
#[function_component(Collect)]
pub fn collect(p: &CollectProps) -> Html {
    let ctx = use_ctx();
    let w = &p.workshop;
    // "Looks like a card already there" while typing, computed by the suggestion module: fetched
    // once the step shows cards while online (never with the page's first load), the hint shows
    // once it is there and not at all if it cannot load. A new number for the cards per change of the
    // workshop: the module indexes them again at the next typed text.
    let cards = use_memo(p.workshop.clone(), |_| CARDS_SEEN.with(|n| n.replace(n.get() + 1) + 1));
    let ready = use_state(suggest_panel::module_ready);
    {
        let ready = ready.clone();
        use_effect_with(!w.cards.is_empty(), move |&any| {
            // Not while the browser knows it is offline: a fetch that cannot come is only noise.
            if any && platform::online() && !*ready {
                suggest_panel::load_module(Callback::from(move |loaded| {
                    if loaded {
                        ready.set(true);
                    }
                }));
            }
        });
    }
    let index = Similar { cards: *cards, ready: *ready };
    html! {
        <section class="ld-phase ld-collect" aria-labelledby="ld-collect-h">
            <h2 id="ld-collect-h">{ ctx.t(CommonText::PhaseCollect) }</h2>
            <p class="ld-intro">{ ctx.t(CollectText::CollectIntro) }</p>
            // Outside the locked area: a locked step can still be browsed for inspiration (the
            // library says itself why nothing can be taken over).
            <super::facilitate::LibraryPanel workshop={p.workshop.clone()} />
            { locked_area(&ctx, w, Stage::Collect, html! { <>
                <NewSource />
                if w.sources.is_empty() {
                    <p class="ld-empty">{ ctx.t(CollectText::NoSources) }</p>
                }
                <ol class="ld-sources">
                { for w.sources.iter().map(|s| html! {
                    <SourceBox key={s.id.as_str()} source={s.clone()} workshop={p.workshop.clone()} {index} />
                }) }
                </ol>
            </> }) }
        </section>
    }
}

#[function_component(NewSource)]
fn new_source() -> Html {
    let ctx = use_ctx();
    let kind = use_state(|| SourceKind::Case);
    let title = use_state(String::new);
    let notes = use_state(String::new);
    let onsubmit = {
        let (ctx, kind, title, notes) = (ctx.clone(), kind.clone(), title.clone(), notes.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let id = new_id("src");
            let action =
                Action::AddSource { id: id.clone(), kind: *kind, title: (*title).clone(), notes: (*notes).clone() };
            // Emptied only once the source is there: a refused form keeps what was typed.
            let (title, notes) = (title.clone(), notes.clone());
            ctx.act_then(
                action,
                Callback::from(move |()| {
                    title.set(String::new());
                    notes.set(String::new());
                    // Straight on to writing its first card.
                    focus_soon(format!("[id=\"ld-card-new-{id}\"]"));
                }),
            );
        })
    };
    html! {
        <form class="ld-card-box ld-new-source" {onsubmit} aria-labelledby="ld-new-source-h">
            <h3 id="ld-new-source-h">{ ctx.t(CollectText::NewSource) }</h3>
            <fieldset class="ld-kinds">
                <legend>{ ctx.t(CollectText::SourceKind) }</legend>
                { for SourceKind::ALL.iter().map(|k| {
                    let k = *k;
                    let id = format!("ld-kind-{k:?}").to_ascii_lowercase(); // variant names are ASCII
                    let help = match k {
                        SourceKind::Case => CollectText::KindCaseHelp,
                        SourceKind::Data => CollectText::KindDataHelp,
                        SourceKind::Appreciative => CollectText::KindAppreciativeHelp,
                    };
                    let kind = kind.clone();
                    html! {
                        <div class="ld-radio">
                            <input type="radio" name="ld-kind" id={id.clone()} checked={*kind == k}
                                onchange={Callback::from(move |_| kind.set(k))} />
                            <label for={id}>
                                <span class={classes!("ld-kind", kind_class(k))}>{ i18n::source_kind(k, ctx.lang) }</span>
                                <span class="ld-hint">{ ctx.t(help) }</span>
                            </label>
                        </div>
                    }
                }) }
            </fieldset>
            <TextField id="ld-source-title" label={ctx.t(CollectText::SourceTitle)} value={(*title).clone()} max={limits::SOURCE_TITLE}
                required=true oninput={{ let t = title.clone(); Callback::from(move |v| t.set(v)) }} />
            <TextField id="ld-source-notes" label={format!("{} {}", ctx.t(CollectText::SourceNotes), ctx.t(CommonText::Optional))}
                value={(*notes).clone()} max={limits::SOURCE_NOTES} multiline=true
                oninput={{ let n = notes.clone(); Callback::from(move |v| n.set(v)) }} />
            <button type="submit" class="ld-button ld-primary">{ ctx.t(CollectText::AddSource) }</button>
        </form>
    }
}

/// Moves the focus once the screen shows the change just made (after the reducer's render).
fn focus_soon(selector: String) {
    gloo::timers::callback::Timeout::new(0, move || platform::focus(&selector)).forget();
}

/// The CSS class that colours a source kind (colour is never the only cue: the name is shown).
pub fn kind_class(k: SourceKind) -> &'static str {
    match k {
        SourceKind::Case => "ld-kind-case",
        SourceKind::Data => "ld-kind-data",
        SourceKind::Appreciative => "ld-kind-appreciative",
    }
}

thread_local! {
    /// Numbers the versions of the cards Collect has shown (see [`Similar`]).
    static CARDS_SEEN: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// What "looks like" needs as props: the cards' version (see `suggest_panel::looks_like`) and
/// whether the suggestion module is there.
#[derive(Clone, Copy, PartialEq)]
struct Similar {
    cards: u32,
    ready: bool,
}

#[derive(Properties, PartialEq)]
struct SourceProps {
    source: Source,
    workshop: Shared,
    index: Similar,
}

#[function_component(SourceBox)]
fn source_box(p: &SourceProps) -> Html {
    let ctx = use_ctx();
    let s = &p.source;
    let editing = use_state(|| false);
    let title = use_state(|| s.title.clone());
    let notes = use_state(|| s.notes.clone());
    let card_text = use_state(String::new);
    // The group writing cards under this source: chosen here, for this source only, so a table
    // picks it once and every card after it carries it.
    let group = use_state(|| None::<Id>);
    let group_select = use_node_ref();
    // The route question the next cards answer, chosen like the group (and by "Kaart bij deze
    // vraag"); `None`: a card of its own.
    let question = use_state(|| None::<RouteQuestion>);
    let question_select = use_node_ref();
    let heading_id = format!("ld-src-{}", s.id);
    let cards: Vec<&Card> = p.workshop.cards.iter().filter(|c| c.source == s.id).collect();

    let on_delete = {
        let (ctx, id) = (ctx.clone(), s.id.clone());
        let many = !cards.is_empty();
        Callback::from(move |_| {
            if !many || platform::confirm(ctx.t(CollectText::RemoveSourceConfirm)) {
                ctx.act(Action::RemoveSource { id: id.clone() });
            }
        })
    };
    let on_save = {
        let (ctx, id, title, notes, editing) =
            (ctx.clone(), s.id.clone(), title.clone(), notes.clone(), editing.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let editing = editing.clone();
            let action = Action::EditSource { id: id.clone(), title: (*title).clone(), notes: (*notes).clone() };
            ctx.act_then(action, Callback::from(move |()| editing.set(false)));
        })
    };
    let card_input_id = format!("ld-card-new-{}", s.id);
    // Two actions per card: type it, press Enter. The field is emptied only once the card is
    // there (a refused card keeps its text), and the focus stays in it for the next card.
    let add_card = {
        let (ctx, source, text, group, select, field) =
            (ctx.clone(), s.id.clone(), card_text.clone(), group.clone(), group_select.clone(), card_input_id.clone());
        let (question, question_select) = (question.clone(), question_select.clone());
        Callback::from(move |()| {
            // What the select shows is what is saved: read it, not what we believe it shows.
            let shown = match select.cast::<web_sys::HtmlSelectElement>() {
                Some(el) => Id::parse(&el.value()),
                None => (*group).clone(),
            };
            let asked = match question_select.cast::<web_sys::HtmlSelectElement>() {
                Some(el) => RouteQuestion::try_from(el.value()).ok(),
                None => *question,
            };
            let (id, source, typed) = (new_id("card"), source.clone(), (*text).clone());
            let action = match asked {
                Some(question) => Action::AddAnswerCard { id, source, question, group: shown, text: typed },
                None => Action::AddCard { id, source, group: shown, text: typed },
            };
            let (text, field) = (text.clone(), field.clone());
            ctx.act_then(
                action,
                Callback::from(move |()| {
                    text.set(String::new());
                    focus_soon(format!("[id=\"{field}\"]"));
                }),
            );
        })
    };
    let on_add_card = add_card.reform(|e: SubmitEvent| e.prevent_default());
    // Enter in the card's field adds it; Shift+Enter is a new line, and an input method's Enter
    // (composing a character) stays the input method's.
    let on_card_key = Callback::from(move |e: KeyboardEvent| {
        let in_field = e.target_dyn_into::<web_sys::HtmlTextAreaElement>().is_some();
        if in_field && e.key() == "Enter" && !e.shift_key() && !e.is_composing() {
            e.prevent_default();
            add_card.emit(());
        }
    });
    let on_group = {
        let group = group.clone();
        Callback::from(move |e: Event| group.set(Id::parse(&select_value(&e))))
    };
    let group_select_id = format!("ld-card-group-{}", s.id);
    let question_select_id = format!("ld-card-question-{}", s.id);
    // The route's questions, and any answered question of another route (a merge can change a
    // source's type): what the group wrote stays in view.
    let mut questions = s.kind.questions().to_vec();
    questions.extend(s.answers.iter().map(|a| a.question).filter(|q| q.kind() != s.kind));
    let route = html! {
        <details class="ld-route" open=true>
            <summary>{ ctx.t(CollectText::RouteQuestions) }</summary>
            <p class="ld-hint">{ ctx.t(CollectText::RouteHint) }</p>
            <ol class="ld-route-questions">
            { for questions.iter().map(|&q| {
                let (ctx2, source) = (ctx.clone(), s.id.clone());
                let oncommit = Callback::from(move |text| ctx2.act(Action::AnswerRoute { source: source.clone(), question: q, text }));
                let pick = {
                    let (question, field) = (question.clone(), card_input_id.clone());
                    Callback::from(move |_| {
                        question.set(Some(q));
                        focus_soon(format!("[id=\"{field}\"]"));
                    })
                };
                html! {
                    <li key={q.key()} data-question={q.key()}>
                        <CommitField id={format!("ld-answer-{}-{}", s.id, q.key())} name={q.key()} label={ctx.t(CollectText::question(q))}
                            value={s.answer(q).to_string()} max={limits::ROUTE_ANSWER} multiline=true {oncommit} />
                        // Only the route's own questions take new cards (`apply` holds to it).
                        if q.kind() == s.kind {
                            <button type="button" class="ld-button ld-quiet ld-small" onclick={pick}
                                aria-label={format!("{}: {}", ctx.t(CollectText::CardForQuestion), ctx.t(CollectText::question(q)))}>
                                { ctx.t(CollectText::CardForQuestion) }
                            </button>
                        }
                    </li>
                }
            }) }
            </ol>
        </details>
    };
    let lookalikes: Vec<&Card> = if p.index.ready && card_text.trim().chars().count() >= 4 {
        let texts = || p.workshop.cards.iter().map(|c| c.text.as_str()).collect();
        suggest_panel::looks_like(p.index.cards, texts, &card_text)
            .into_iter()
            .take(3)
            .filter_map(|(i, _)| p.workshop.cards.get(i))
            .collect()
    } else {
        Vec::new()
    };

    html! {
        <li class="ld-card-box ld-source" data-source-id={s.id.to_string()}>
            <article aria-labelledby={heading_id.clone()}>
            if *editing {
                <form onsubmit={on_save}>
                    <TextField id={format!("ld-edit-title-{}", s.id)} label={ctx.t(CollectText::SourceTitle)} value={(*title).clone()}
                        max={limits::SOURCE_TITLE} oninput={{ let t = title.clone(); Callback::from(move |v| t.set(v)) }} />
                    <TextField id={format!("ld-edit-notes-{}", s.id)} label={ctx.t(CollectText::SourceNotes)} value={(*notes).clone()}
                        max={limits::SOURCE_NOTES} multiline=true oninput={{ let n = notes.clone(); Callback::from(move |v| n.set(v)) }} />
                    <div class="ld-row">
                        <button type="submit" class="ld-button ld-primary">{ ctx.t(CommonText::Save) }</button>
                        <button type="button" class="ld-button ld-quiet" onclick={{ let e = editing.clone(); Callback::from(move |_| e.set(false)) }}>{ ctx.t(CommonText::Cancel) }</button>
                    </div>
                </form>
                <h3 id={heading_id} class="ld-visually-hidden">{ &s.title }</h3>
            } else {
                <header class="ld-source-head">
                    <span class={classes!("ld-kind", kind_class(s.kind))}>{ i18n::source_kind(s.kind, ctx.lang) }</span>
                    <h3 id={heading_id}>{ &s.title }</h3>
                    <div class="ld-row">
                        <button type="button" class="ld-button ld-quiet" aria-label={format!("{}: {}", ctx.t(CommonText::Edit), s.title)}
                            onclick={{
                                let (e, t, n, src) = (editing.clone(), title.clone(), notes.clone(), s.clone());
                                Callback::from(move |_| { t.set(src.title.clone()); n.set(src.notes.clone()); e.set(true) })
                            }}>{ ctx.t(CommonText::Edit) }</button>
                        <button type="button" class="ld-button ld-quiet" aria-label={format!("{}: {}", ctx.t(CommonText::Delete), s.title)}
                            onclick={on_delete}>{ ctx.t(CommonText::Delete) }</button>
                    </div>
                </header>
                if !s.notes.is_empty() {
                    <p class="ld-notes">{ &s.notes }</p>
                }
            }
            { route }
            <h4 class="ld-small-head">{ format!("{} ({})", ctx.t(CollectText::Cards), cards.len()) }</h4>
            <ul class="ld-card-list">
                { for cards.iter().map(|c| html! { <CardRow key={c.id.as_str()} card={(*c).clone()} workshop={p.workshop.clone()} /> }) }
            </ul>
            <form class="ld-add-card" onsubmit={on_add_card} onkeydown={on_card_key}>
                // The group first: chosen once for this source, in view while its cards are typed.
                <div class="ld-field ld-card-group">
                    <label for={group_select_id.clone()}>{ ctx.t(CollectText::WrittenBy) }</label>
                    <select id={group_select_id} ref={group_select} onchange={on_group}>
                        <option value="" selected={group.is_none()}>{ ctx.t(CollectText::NoGroup) }</option>
                        { for p.workshop.setup.groups.iter().map(|g| html! {
                            <option value={g.id.to_string()} selected={group.as_ref() == Some(&g.id)}>{ &g.name }</option>
                        }) }
                    </select>
                </div>
                <div class="ld-field ld-card-question">
                    <label for={question_select_id.clone()}>{ ctx.t(CollectText::ForQuestion) }</label>
                    <select id={question_select_id} ref={question_select}
                        onchange={{ let q = question.clone(); Callback::from(move |e: Event| q.set(RouteQuestion::try_from(select_value(&e)).ok())) }}>
                        <option value="" selected={question.is_none()}>{ ctx.t(CollectText::NoQuestion) }</option>
                        { for s.kind.questions().iter().map(|&q| html! {
                            <option value={q.key()} selected={*question == Some(q)}>
                                { format!("{} {}: {}", ctx.t(CollectText::QuestionMark), q.number(), ctx.t(CollectText::question(q))) }
                            </option>
                        }) }
                    </select>
                </div>
                <TextField id={card_input_id} label={ctx.t(CollectText::NewCard)} value={(*card_text).clone()} max={limits::CARD}
                    multiline=true placeholder={ctx.t(CollectText::CardPlaceholder)} hint={ctx.t(CollectText::EnterAdds)}
                    oninput={{ let t = card_text.clone(); Callback::from(move |v| t.set(v)) }} />
                <div class="ld-lookalike" aria-live="polite">
                    if !lookalikes.is_empty() {
                        <p class="ld-hint">{ ctx.t(CollectText::LooksLike) }</p>
                        <ul>
                            { for lookalikes.iter().map(|c| html! { <li key={c.id.as_str()}>{ &c.text }</li> }) }
                        </ul>
                    }
                </div>
                <div class="ld-row ld-row-end">
                    <button type="submit" class="ld-button ld-primary">{ ctx.t(CollectText::AddCard) }</button>
                </div>
            </form>
            </article>
        </li>
    }
}

#[derive(Properties, PartialEq)]
struct CardRowProps {
    card: Card,
    workshop: Shared,
}

#[function_component(CardRow)]
fn card_row(p: &CardRowProps) -> Html {
    let ctx = use_ctx();
    let c = &p.card;
    let editing = use_state(|| false);
    let text = use_state(|| c.text.clone());
    let group = use_state(|| c.group.clone());
    let group_name = c.group.as_ref().and_then(|g| p.workshop.group(g)).map(|g| g.name.clone());
    if *editing {
        let on_save = {
            let (ctx, id, text, group, editing) =
                (ctx.clone(), c.id.clone(), text.clone(), group.clone(), editing.clone());
            Callback::from(move |e: SubmitEvent| {
                e.prevent_default();
                let editing = editing.clone();
                let action = Action::EditCard { id: id.clone(), text: (*text).clone(), group: (*group).clone() };
                ctx.act_then(action, Callback::from(move |()| editing.set(false)));
            })
        };
        let select_id = format!("ld-card-edit-group-{}", c.id);
        return html! {
            <li class="ld-card-row">
                <form onsubmit={on_save}>
                    <TextField id={format!("ld-card-edit-{}", c.id)} label={ctx.t(CollectText::CardText)} value={(*text).clone()}
                        max={limits::CARD} multiline=true oninput={{ let t = text.clone(); Callback::from(move |v| t.set(v)) }} />
                    <div class="ld-field">
                        <label for={select_id.clone()}>{ ctx.t(CollectText::WrittenBy) }</label>
                        <select id={select_id} onchange={{ let g = group.clone(); Callback::from(move |e: Event| g.set(Id::parse(&select_value(&e)))) }}>
                            <option value="" selected={group.is_none()}>{ ctx.t(CollectText::NoGroup) }</option>
                            { for p.workshop.setup.groups.iter().map(|g| html! {
                                <option value={g.id.to_string()} selected={group.as_ref() == Some(&g.id)}>{ &g.name }</option>
                            }) }
                        </select>
                    </div>
                    <div class="ld-row">
                        <button type="submit" class="ld-button ld-primary">{ ctx.t(CommonText::Save) }</button>
                        <button type="button" class="ld-button ld-quiet" onclick={{ let e = editing.clone(); Callback::from(move |_| e.set(false)) }}>{ ctx.t(CommonText::Cancel) }</button>
                    </div>
                </form>
            </li>
        };
    }
    let start_edit = {
        let (e, t, g, card) = (editing.clone(), text.clone(), group.clone(), c.clone());
        Callback::from(move |_| {
            t.set(card.text.clone());
            g.set(card.group.clone());
            e.set(true)
        })
    };
    let remove = {
        let (ctx, id) = (ctx.clone(), c.id.clone());
        Callback::from(move |_| ctx.act(Action::RemoveCard { id: id.clone() }))
    };
    html! {
        <li class="ld-card-row" data-card-id={c.id.to_string()}>
            <p class="ld-card-text">{ &c.text }</p>
            if let Some(g) = group_name {
                <span class="ld-group-tag">{ g }</span>
            }
            if let Some(q) = c.question {
                // The full question is read out and shown on hover; the mark itself stays short.
                <span class="ld-question-tag" data-question={q.key()} title={ctx.t(CollectText::question(q))}>
                    { format!("{} {}", ctx.t(CollectText::QuestionMark), q.number()) }
                    <span class="ld-visually-hidden">{ format!(": {}", ctx.t(CollectText::question(q))) }</span>
                </span>
            }
            <div class="ld-row">
                <button type="button" class="ld-button ld-quiet ld-small" aria-label={format!("{}: {}", ctx.t(CommonText::Edit), c.text)} onclick={start_edit}>{ ctx.t(CommonText::Edit) }</button>
                <button type="button" class="ld-button ld-quiet ld-small" aria-label={format!("{}: {}", ctx.t(CommonText::Delete), c.text)} onclick={remove}>{ ctx.t(CommonText::Delete) }</button>
            </div>
        </li>
    }
}
