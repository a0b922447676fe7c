//! Small shared pieces: labelled fields with a visible character counter, and the area of a
//! step's controls that a facilitator's lock disables.

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::Ctx;
use crate::i18n;
use crate::workshop::{DomainError, Stage, Workshop};

/// Props of [`TextField`].
#[derive(Properties, PartialEq, Clone)]
pub struct TextFieldProps {
    /// The element id; the label points at it.
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    /// Called with every keystroke's value.
    pub oninput: Callback<String>,
    /// Most characters; shows a counter when set.
    #[prop_or_default]
    pub max: Option<usize>,
    #[prop_or_default]
    pub multiline: bool,
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
    #[prop_or_default]
    pub required: bool,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    #[prop_or_default]
    pub input_type: Option<AttrValue>,
}

/// A text input or textarea with a real `<label>`, an optional hint and a counter.
/// The counter allows typing past the limit (so pasting never silently cuts text) and
/// turns red; the domain refuses the action with a clear message.
#[function_component(TextField)]
pub fn text_field(p: &TextFieldProps) -> Html {
    let count = p.value.chars().count();
    let over = p.max.is_some_and(|m| count > m);
    let counter_id = format!("{}-count", p.id);
    let hint_id = format!("{}-hint", p.id);
    let described = {
        let mut ids = Vec::new();
        if p.hint.is_some() {
            ids.push(hint_id.clone());
        }
        if p.max.is_some() {
            ids.push(counter_id.clone());
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    };
    let oninput_area = p.oninput.reform(|e: InputEvent| e.target_unchecked_into::<HtmlTextAreaElement>().value());
    let oninput_line = p.oninput.reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
    html! {
        <div class={classes!("ld-field", over.then_some("ld-field-over"))}>
            <label for={p.id.clone()}>{ &p.label }</label>
            if let Some(h) = &p.hint {
                <p class="ld-hint" id={hint_id}>{ h }</p>
            }
            if p.multiline {
                <textarea id={p.id.clone()} value={p.value.clone()} oninput={oninput_area}
                    placeholder={p.placeholder.clone()} required={p.required} rows="3"
                    aria-describedby={described.clone()} aria-invalid={over.then_some("true")} />
            } else {
                <input id={p.id.clone()} type={p.input_type.clone().unwrap_or_else(|| "text".into())}
                    value={p.value.clone()} oninput={oninput_line}
                    placeholder={p.placeholder.clone()} required={p.required}
                    aria-describedby={described} aria-invalid={over.then_some("true")} />
            }
            if let Some(max) = p.max {
                <p class="ld-counter" id={counter_id} aria-live={over.then_some("polite")}>{ format!("{count} / {max}") }</p>
            }
        </div>
    }
}

/// Props of [`CommitField`].
#[derive(Properties, PartialEq)]
pub struct CommitProps {
    pub id: AttrValue,
    pub label: AttrValue,
    /// The text as the workshop has it.
    pub value: String,
    pub max: usize,
    #[prop_or_default]
    pub multiline: bool,
    /// The wrapper's `data-field` (tests find a field by it).
    pub name: AttrValue,
    /// Called with the text when the field is left changed.
    pub oncommit: Callback<String>,
}

/// A [`TextField`] that keeps what is typed locally and hands it on once, when the field is
/// left, so each edit is one undo step. Follows the workshop on undo or import.
#[function_component(CommitField)]
pub fn commit_field(p: &CommitProps) -> Html {
    let draft = use_state(|| p.value.clone());
    {
        let draft = draft.clone();
        use_effect_with(p.value.clone(), move |v| draft.set(v.clone()));
    }
    let onfocusout = {
        let (draft, value, oncommit) = (draft.clone(), p.value.clone(), p.oncommit.clone());
        Callback::from(move |_: FocusEvent| {
            if *draft != value {
                oncommit.emit((*draft).clone());
            }
        })
    };
    html! {
        <div class="ld-commit" {onfocusout} data-field={p.name.clone()}>
            <TextField id={p.id.clone()} label={p.label.clone()} value={(*draft).clone()}
                max={p.max} multiline={p.multiline}
                oninput={{ let d = draft.clone(); Callback::from(move |v| d.set(v)) }} />
        </div>
    }
}

/// Reads the value of the `<select>` an event came from.
pub fn select_value(e: &Event) -> String {
    e.target_unchecked_into::<web_sys::HtmlSelectElement>().value()
}

/// Reads the value of the `<input>` an event came from.
pub fn input_value(e: &Event) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

/// Controls of a step the facilitator can lock. While it is locked every control inside is
/// disabled (a disabled fieldset), so nothing can be typed that the lock would then refuse, and
/// the reason, in the words of the refusal, describes the group for screen readers (the lock
/// bar above the step shows it on screen). One per step on screen, so its reason has one fixed id. A plain function,
/// not a component: each component costs code in the wasm.
pub fn locked_area(ctx: &Ctx, w: &Workshop, stage: Stage, children: Html) -> Html {
    let locked = w.locks.contains(&stage);
    html! {
        <fieldset class="ld-lockable" disabled={locked} aria-describedby={locked.then_some("ld-locked-reason")}>
            if locked {
                // Read out with the disabled controls; not shown again, since the lock bar right
                // above the step already says it.
                <p class="ld-locked-note ld-visually-hidden" id="ld-locked-reason">{ i18n::error(&DomainError::Locked(stage), ctx.lang) }</p>
            }
            { children }
        </fieldset>
    }
}

/// How strongly someone recognises a cluster: a radio group of three (the arrow keys move
/// between them; each label is a target of at least 44 px, see `.ld-rec-option`). `labels` are
/// strong, a little and not, in the page's language; `pick` gets the chosen level.
pub fn recognition_radios(
    legend: &str,
    cluster: &crate::workshop::Cluster,
    now: Option<crate::workshop::Recognition>,
    labels: [&str; 3],
    pick: Callback<crate::workshop::Recognition>,
) -> Html {
    use crate::workshop::Recognition;
    let name = format!("ld-rec-{}", cluster.id);
    html! {
        <fieldset class="ld-recognise">
            <legend>{ legend }<span class="ld-visually-hidden">{ format!(" {}", cluster.name) }</span></legend>
            { for Recognition::ALL.into_iter().zip(labels).map(|(level, text)| html! {
                <label class="ld-rec-option">
                    <input type="radio" name={name.clone()} value={level.name()} checked={now == Some(level)}
                        onchange={pick.reform(move |_: Event| level)} />
                    { text.to_string() }
                </label>
            }) }
        </fieldset>
    }
}
