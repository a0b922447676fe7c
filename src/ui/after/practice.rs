//! The set in practice, after the workshop: owners and adoption, actions, the results monitor
//! and the guided evaluation after a year, one tab each. Every change is an `Action`; today's
//! date (for overdue actions) is read here, at the browser edge, and handed to the domain.

use yew::prelude::*;

use super::{download, field_value, file_name, select_value, Tool};
use crate::after::practice::{
    assumption_label, evaluation_summary, implication_text, monitor, of, outcome_of, overdue, tasks_csv,
    tasks_in_order, tasks_line, tasks_markdown,
};
use crate::after::{congruence_overview, doorfluister};
use crate::charter::adoption_line;
use crate::export::csv::Separator;
use crate::export::date::date;
use crate::i18n::{AfterText, CharterText, Lang, PracticeText as P, Text};
use crate::ui::platform::{confirm, new_id};
use crate::ui::widgets::TextField;
use crate::ui::{use_ctx, Shared};
use crate::workshop::{
    limits, Action, Adopter, Adoption, Answer, Decision, Evaluation, Id, Implication, Indicator, Ownership, Progress,
    Task, Workshop,
};

#[derive(Properties, PartialEq)]
pub struct PracticeProps {
    pub workshop: Shared,
}

/// Today as `YYYY-MM-DD` in the user's time zone: the browser edge's one clock.
pub fn today() -> String {
    if cfg!(not(target_arch = "wasm32")) {
        return String::new();
    }
    let d = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", d.get_full_year(), d.get_month() + 1, d.get_date())
}

fn slug_implication(i: Implication) -> &'static str {
    match i {
        Implication::Offer => "offer",
        Implication::Access => "access",
        Implication::Conduct => "conduct",
        Implication::Procurement => "procurement",
    }
}

fn slug_progress(p: Progress) -> &'static str {
    match p {
        Progress::Open => "open",
        Progress::Busy => "busy",
        Progress::Done => "done",
    }
}

fn slug_answer(a: Answer) -> &'static str {
    match a {
        Answer::Yes => "yes",
        Answer::Partly => "partly",
        Answer::No => "no",
    }
}

fn slug_adopter(a: Adopter) -> &'static str {
    match a {
        Adopter::College => "college",
        Adopter::Council => "council",
    }
}

fn slug_decision(d: Decision) -> &'static str {
    match d {
        Decision::Keep => "keep",
        Decision::Revise => "revise",
    }
}

/// A state setter for a text field.
fn set(s: &UseStateHandle<String>) -> Callback<String> {
    let s = s.clone();
    Callback::from(move |v| s.set(v))
}

// --- Owners and adoption ------------------------------------------------------------------------

/// Owners and ambassadors per principle, and the set's adoption route.
#[function_component(OwnersView)]
pub fn owners_view(p: &PracticeProps) -> Html {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let t = |k: &dyn Text| k.text(lang);
    let w = &p.workshop;
    let a = &w.after.adoption;
    let by = use_state(|| a.by);
    let planned = use_state(|| a.planned.clone());
    let decided = use_state(|| a.decided.clone());
    let reference = use_state(|| a.reference.clone());
    let onsubmit = {
        let (ctx, by, planned, decided, reference) =
            (ctx.clone(), by.clone(), planned.clone(), decided.clone(), reference.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            ctx.act(Action::SetAdoption(Adoption {
                by: *by,
                planned: (*planned).clone(),
                decided: (*decided).clone(),
                reference: (*reference).clone(),
            }));
        })
    };
    let on_by = {
        let by = by.clone();
        Callback::from(move |e: Event| {
            let v = select_value(&e);
            by.set([Adopter::College, Adopter::Council].into_iter().find(|a| slug_adopter(*a) == v));
        })
    };
    let line = adoption_line(w, lang);
    html! {
        <div class="ld-practice ld-owners">
            <p class="ld-hint">{ t(&P::OwnersIntro) }</p>
            <ol class="ld-owner-list">
            { for w.principles.iter().enumerate().map(|(i, pr)| {
                let o = w.after.owners.iter().find(|o| o.principle == pr.id);
                let owner = o.map(|o| o.owner.clone()).unwrap_or_default();
                let ambassadors = o.map(|o| o.ambassadors.join(", ")).unwrap_or_default();
                let n = i + 1;
                let on_owner = {
                    let (ctx, pid, list) = (ctx.clone(), pr.id.clone(), o.map(|o| o.ambassadors.clone()).unwrap_or_default());
                    Callback::from(move |e: Event| ctx.act(Action::SetOwners(Ownership { principle: pid.clone(), owner: field_value(&e), ambassadors: list.clone() })))
                };
                let on_ambassadors = {
                    let (ctx, pid, owner) = (ctx.clone(), pr.id.clone(), owner.clone());
                    Callback::from(move |e: Event| {
                        let names = field_value(&e).split([',', ';']).map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
                        ctx.act(Action::SetOwners(Ownership { principle: pid.clone(), owner: owner.clone(), ambassadors: names }))
                    })
                };
                html! {
                    <li key={pr.id.as_str()} class="ld-card-box ld-owner">
                        <h3>{ format!("{n}. {}", pr.title) }</h3>
                        <div class="ld-grid-2">
                            <div class="ld-field">
                                <label for={format!("ld-owner-{n}")}>{ t(&P::Owner) }</label>
                                <input id={format!("ld-owner-{n}")} type="text" value={owner} maxlength={limits::PERSON.to_string()}
                                    autocomplete="off" onchange={on_owner} />
                            </div>
                            <div class="ld-field">
                                <label for={format!("ld-ambassadors-{n}")}>{ t(&P::Ambassadors) }</label>
                                <p class="ld-hint" id={format!("ld-ambassadors-{n}-hint")}>{ t(&P::AmbassadorsHint) }</p>
                                <input id={format!("ld-ambassadors-{n}")} type="text" value={ambassadors} autocomplete="off"
                                    aria-describedby={format!("ld-ambassadors-{n}-hint")} onchange={on_ambassadors} />
                            </div>
                        </div>
                    </li>
                }
            }) }
            </ol>
            <form class="ld-card-box ld-adoption" {onsubmit} aria-labelledby="ld-adoption-h">
                <h3 id="ld-adoption-h">{ t(&P::AdoptionTitle) }</h3>
                <p class="ld-hint">{ t(&P::AdoptionIntro) }</p>
                <div class="ld-grid-2">
                    <div class="ld-field">
                        <label for="ld-adoption-by">{ t(&P::AdoptedBy) }</label>
                        <select id="ld-adoption-by" onchange={on_by}>
                            <option value="" selected={by.is_none()}>{ t(&P::NotChosen) }</option>
                            { for [Adopter::College, Adopter::Council].into_iter().map(|a| html! {
                                <option value={slug_adopter(a)} selected={*by == Some(a)}>{ P::adopter(a).get(lang) }</option>
                            }) }
                        </select>
                    </div>
                    <TextField id="ld-adoption-planned" label={t(&P::PlannedDate)} value={(*planned).clone()}
                        input_type={AttrValue::from("date")} oninput={set(&planned)} />
                    <TextField id="ld-adoption-decided" label={t(&P::DecidedDate)} value={(*decided).clone()}
                        input_type={AttrValue::from("date")} hint={AttrValue::from(t(&P::DecidedHint))} oninput={set(&decided)} />
                    <TextField id="ld-adoption-reference" label={t(&P::DecisionReference)} value={(*reference).clone()}
                        max={limits::DECISION_REFERENCE} oninput={set(&reference)} />
                </div>
                <button type="submit" class="ld-button ld-primary">{ t(&P::Save) }</button>
                <p class="ld-adoption-line"><strong>{ t(&P::OnCharter) }</strong>{ " " }
                    { line.unwrap_or_else(|| t(&P::NotYetAdopted).to_string()) }</p>
            </form>
        </div>
    }
}

// --- Actions ----------------------------------------------------------------------------------

/// Actions from the principles' implications: a form, the list with status and overdue ones,
/// and the exports.
#[function_component(ActionsView)]
pub fn actions_view(p: &PracticeProps) -> Html {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let t = |k: &dyn Text| k.text(lang);
    let w = &p.workshop;
    let today = today();
    let principle = use_state(|| None::<Id>);
    let implication = use_state(|| Implication::Offer);
    let who = use_state(String::new);
    let what = use_state(String::new);
    let due = use_state(String::new);
    let chosen =
        principle.as_ref().and_then(|id| w.principles.iter().find(|p| &p.id == id)).or_else(|| w.principles.first());
    let Some(chosen) = chosen else { return html! {} };
    let onsubmit = {
        let (ctx, pid, implication, who, what, due) =
            (ctx.clone(), chosen.id.clone(), implication.clone(), who.clone(), what.clone(), due.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let action = Action::SetTask(Box::new(Task {
                id: new_id("act"),
                principle: pid.clone(),
                implication: *implication,
                who: (*who).clone(),
                what: (*what).clone(),
                due: (*due).clone(),
                status: Progress::Open,
            }));
            let (who, what, due) = (who.clone(), what.clone(), due.clone());
            ctx.act_then(
                action,
                Callback::from(move |_| {
                    who.set(String::new());
                    what.set(String::new());
                    due.set(String::new());
                }),
            );
        })
    };
    let on_principle = {
        let principle = principle.clone();
        Callback::from(move |e: Event| principle.set(Id::parse(&select_value(&e))))
    };
    let on_implication = {
        let implication = implication.clone();
        Callback::from(move |e: Event| {
            let v = select_value(&e);
            if let Some(i) = Implication::ALL.into_iter().find(|i| slug_implication(*i) == v) {
                implication.set(i);
            }
        })
    };
    let asks = implication_text(chosen, *implication).trim().to_string();
    let csv = {
        let (w, today) = (w.clone(), today.clone());
        Callback::from(move |_| {
            let sep = if lang == Lang::Nl { Separator::Semicolon } else { Separator::Comma };
            download(
                &file_name("acties", &w.setup.title, "csv"),
                "text/csv;charset=utf-8",
                &tasks_csv(&w, &today, lang, sep),
            )
        })
    };
    let md = {
        let (w, today) = (w.clone(), today.clone());
        Callback::from(move |_| {
            download(
                &file_name("acties", &w.setup.title, "md"),
                "text/markdown;charset=utf-8",
                &tasks_markdown(&w, &today, lang),
            )
        })
    };
    let list = tasks_in_order(w);
    html! {
        <div class="ld-practice ld-tasks">
            <p class="ld-hint">{ t(&P::ActionsIntro) }</p>
            <form class="ld-card-box ld-new-task" {onsubmit} aria-labelledby="ld-new-task-h">
                <h3 id="ld-new-task-h">{ t(&P::NewAction) }</h3>
                <div class="ld-grid-2">
                    <div class="ld-field">
                        <label for="ld-task-principle">{ t(&AfterText::Principle) }</label>
                        <select id="ld-task-principle" onchange={on_principle}>
                            { for w.principles.iter().enumerate().map(|(i, pr)| html! {
                                <option key={pr.id.as_str()} value={pr.id.as_str().to_string()} selected={pr.id == chosen.id}>{ format!("{}. {}", i + 1, pr.title) }</option>
                            }) }
                        </select>
                    </div>
                    <div class="ld-field">
                        <label for="ld-task-implication">{ t(&P::Implication) }</label>
                        <select id="ld-task-implication" onchange={on_implication} aria-describedby="ld-task-asks">
                            { for Implication::ALL.into_iter().map(|i| html! {
                                <option value={slug_implication(i)} selected={*implication == i}>{ P::implication(i).get(lang) }</option>
                            }) }
                        </select>
                    </div>
                </div>
                <p class="ld-hint ld-task-asks" id="ld-task-asks">
                    <strong>{ t(&P::PrincipleAsks) }</strong>{ " " }
                    { if asks.is_empty() { t(&P::NoAssumption).to_string() } else { asks } }
                </p>
                <TextField id="ld-task-what" label={t(&P::What)} value={(*what).clone()} max={limits::TASK_WHAT} required=true oninput={set(&what)} />
                <div class="ld-grid-2">
                    <TextField id="ld-task-who" label={t(&P::Who)} value={(*who).clone()} max={limits::TASK_WHO} oninput={set(&who)} />
                    <TextField id="ld-task-due" label={t(&P::Due)} value={(*due).clone()} input_type={AttrValue::from("date")} oninput={set(&due)} />
                </div>
                <button type="submit" class="ld-button ld-primary">{ t(&P::AddAction) }</button>
            </form>
            <section class="ld-card-box" aria-labelledby="ld-task-list-h">
                <h3 id="ld-task-list-h">{ t(&P::TabActions) }</h3>
                <p class="ld-task-counts">{ tasks_line(crate::after::practice::task_counts(w, &today), lang) }</p>
                if list.is_empty() {
                    <p class="ld-empty">{ t(&P::NoActions) }</p>
                }
                <ol class="ld-task-list">
                { for list.iter().enumerate().map(|(i, (pr, task))| {
                    let n = i + 1;
                    let late = overdue(task, &today);
                    let edit = |field: u8| {
                        let (ctx, task) = (ctx.clone(), (*task).clone());
                        Callback::from(move |e: Event| {
                            let v = field_value(&e);
                            let mut t = task.clone();
                            match field {
                                0 => t.what = v,
                                1 => t.who = v,
                                _ => t.due = v,
                            }
                            ctx.act(Action::SetTask(Box::new(t)));
                        })
                    };
                    let on_status = {
                        let (ctx, task) = (ctx.clone(), (*task).clone());
                        Callback::from(move |e: Event| {
                            let v = select_value(&e);
                            if let Some(status) = Progress::ALL.into_iter().find(|s| slug_progress(*s) == v) {
                                ctx.act(Action::SetTask(Box::new(Task { status, ..task.clone() })));
                            }
                        })
                    };
                    let remove = {
                        let (ctx, id) = (ctx.clone(), task.id.clone());
                        let question = t(&P::ConfirmRemoveAction);
                        Callback::from(move |_| {
                            if confirm(question) {
                                ctx.act(Action::RemoveTask(id.clone()));
                            }
                        })
                    };
                    html! {
                        <li key={task.id.as_str()} class={classes!("ld-task", late.then_some("ld-task-late"), format!("ld-task-{}", slug_progress(task.status)))}>
                            <p class="ld-task-head">
                                <strong>{ &pr.title }</strong>{ " · " }{ P::implication(task.implication).get(lang) }
                                if late { { " " }<span class="ld-late">{ t(&P::Overdue) }</span> }
                            </p>
                            <div class="ld-task-fields">
                                <div class="ld-field ld-task-what">
                                    <label for={format!("ld-task-{n}-what")}>{ t(&P::What) }</label>
                                    <input id={format!("ld-task-{n}-what")} type="text" value={task.what.clone()} onchange={edit(0)} />
                                </div>
                                <div class="ld-field">
                                    <label for={format!("ld-task-{n}-who")}>{ t(&P::Who) }</label>
                                    <input id={format!("ld-task-{n}-who")} type="text" value={task.who.clone()} onchange={edit(1)} />
                                </div>
                                <div class="ld-field">
                                    <label for={format!("ld-task-{n}-due")}>{ t(&P::Due) }</label>
                                    <input id={format!("ld-task-{n}-due")} type="date" value={task.due.clone()} onchange={edit(2)} />
                                </div>
                                <div class="ld-field">
                                    <label for={format!("ld-task-{n}-status")}>{ t(&P::Status) }</label>
                                    <select id={format!("ld-task-{n}-status")} onchange={on_status}>
                                        { for Progress::ALL.into_iter().map(|s| html! {
                                            <option value={slug_progress(s)} selected={task.status == s}>{ P::progress(s).get(lang) }</option>
                                        }) }
                                    </select>
                                </div>
                            </div>
                            <button type="button" class="ld-button ld-quiet ld-small" onclick={remove}
                                aria-label={format!("{}: {}", t(&P::RemoveAction), task.what)}>{ t(&P::RemoveAction) }</button>
                        </li>
                    }
                }) }
                </ol>
                <div class="ld-actions">
                    <button type="button" class="ld-button" onclick={csv}>{ t(&AfterText::DownloadCsv) }</button>
                    <button type="button" class="ld-button" onclick={md}>{ t(&AfterText::DownloadMarkdown) }</button>
                </div>
            </section>
        </div>
    }
}

// --- Results monitor --------------------------------------------------------------------------

/// Indicators per intended outcome, with baseline, source and target.
#[function_component(MonitorView)]
pub fn monitor_view(p: &PracticeProps) -> Html {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let t = |k: &dyn Text| k.text(lang);
    let w = &p.workshop;
    let outcome = use_state(|| None::<Id>);
    let name = use_state(String::new);
    let source = use_state(String::new);
    let baseline = use_state(String::new);
    let baseline_date = use_state(String::new);
    let target = use_state(String::new);
    let outcomes = monitor(w);
    let Some(chosen) = outcome
        .as_ref()
        .filter(|o| outcomes.iter().any(|m| &m.outcome == *o))
        .cloned()
        .or_else(|| outcomes.first().map(|m| m.outcome.clone()))
    else {
        return html! { <p class="ld-empty">{ t(&P::NoOutcomes) }</p> };
    };
    let onsubmit = {
        let (ctx, chosen) = (ctx.clone(), chosen.clone());
        let fields = [name.clone(), source.clone(), baseline.clone(), baseline_date.clone(), target.clone()];
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let [n, s, b, d, g] = fields.clone();
            let action = Action::SetIndicator(Box::new(Indicator {
                id: new_id("ind"),
                outcome: chosen.clone(),
                name: (*n).clone(),
                source: (*s).clone(),
                baseline: (*b).clone(),
                baseline_date: (*d).clone(),
                target: (*g).clone(),
                measured: String::new(),
                measured_date: String::new(),
            }));
            let clear = fields.clone();
            ctx.act_then(action, Callback::from(move |_| clear.iter().for_each(|f| f.set(String::new()))));
        })
    };
    let on_outcome = {
        let outcome = outcome.clone();
        Callback::from(move |e: Event| outcome.set(Id::parse(&select_value(&e))))
    };
    html! {
        <div class="ld-practice ld-monitor">
            <p class="ld-hint">{ t(&P::MonitorIntro) }</p>
            { for outcomes.iter().enumerate().map(|(oi, m)| html! {
                <section key={m.outcome.as_str()} class="ld-card-box ld-monitor-outcome" aria-labelledby={format!("ld-outcome-{}-h", oi + 1)}>
                    <h3 id={format!("ld-outcome-{}-h", oi + 1)}>{ m.text }</h3>
                    <p class="ld-hint">
                        if m.principles.is_empty() {
                            { t(&P::NoneServe) }
                        } else {
                            <strong>{ t(&P::ServedBy) }</strong>{ " " }
                            { m.principles.iter().map(|p| p.title.as_str()).collect::<Vec<_>>().join(", ") }
                        }
                    </p>
                    if m.indicators.is_empty() {
                        <p class="ld-empty">{ t(&P::NoIndicators) }</p>
                    } else {
                        <div class="ld-table-wrap">
                        <table class="ld-table ld-indicator-table">
                            <thead><tr>
                                <th scope="col">{ t(&P::Indicator) }</th>
                                <th scope="col">{ t(&P::DataSource) }</th>
                                <th scope="col">{ t(&P::Baseline) }</th>
                                <th scope="col">{ t(&P::Target) }</th>
                                <th scope="col">{ t(&P::Measured) }</th>
                                <th scope="col"><span class="ld-visually-hidden">{ t(&P::RemoveIndicator) }</span></th>
                            </tr></thead>
                            <tbody>
                            { for m.indicators.iter().map(|i| {
                                let remove = {
                                    let (ctx, id) = (ctx.clone(), i.id.clone());
                                    let question = t(&P::ConfirmRemoveIndicator);
                                    Callback::from(move |_| if confirm(question) { ctx.act(Action::RemoveIndicator(id.clone())) })
                                };
                                html! {
                                    <tr key={i.id.as_str()}>
                                        <th scope="row">{ &i.name }</th>
                                        <td>{ &i.source }</td>
                                        <td>{ value_on(&i.baseline, &i.baseline_date, lang) }</td>
                                        <td>{ &i.target }</td>
                                        <td>{ if i.measured.is_empty() { t(&P::NotMeasured).to_string() } else { value_on(&i.measured, &i.measured_date, lang) } }</td>
                                        <td><button type="button" class="ld-button ld-quiet ld-small" onclick={remove}
                                            aria-label={format!("{}: {}", t(&P::RemoveIndicator), i.name)}>{ t(&P::RemoveIndicator) }</button></td>
                                    </tr>
                                }
                            }) }
                            </tbody>
                        </table>
                        </div>
                    }
                </section>
            }) }
            <form class="ld-card-box ld-new-indicator" {onsubmit} aria-labelledby="ld-new-indicator-h">
                <h3 id="ld-new-indicator-h">{ t(&P::AddIndicator) }</h3>
                <div class="ld-field">
                    <label for="ld-indicator-outcome">{ t(&CharterText::CharterOutcomes) }</label>
                    <select id="ld-indicator-outcome" onchange={on_outcome}>
                        { for outcomes.iter().map(|m| html! {
                            <option key={m.outcome.as_str()} value={m.outcome.as_str().to_string()} selected={m.outcome == chosen}>{ m.text }</option>
                        }) }
                    </select>
                </div>
                <div class="ld-grid-2">
                    <TextField id="ld-indicator-name" label={t(&P::Indicator)} value={(*name).clone()} max={limits::INDICATOR_NAME} required=true oninput={set(&name)} />
                    <TextField id="ld-indicator-source" label={t(&P::DataSource)} value={(*source).clone()} max={limits::INDICATOR_SOURCE}
                        hint={AttrValue::from(t(&P::DataSourceHint))} oninput={set(&source)} />
                    <TextField id="ld-indicator-baseline" label={t(&P::Baseline)} value={(*baseline).clone()} max={limits::INDICATOR_VALUE}
                        hint={AttrValue::from(t(&P::BaselineHint))} oninput={set(&baseline)} />
                    <TextField id="ld-indicator-baseline-date" label={t(&P::BaselineDate)} value={(*baseline_date).clone()}
                        input_type={AttrValue::from("date")} oninput={set(&baseline_date)} />
                    <TextField id="ld-indicator-target" label={t(&P::Target)} value={(*target).clone()} max={limits::INDICATOR_VALUE} oninput={set(&target)} />
                </div>
                <button type="submit" class="ld-button ld-primary">{ t(&P::AddIndicator) }</button>
            </form>
        </div>
    }
}

/// "62 % (1 januari 2026)", or the value alone.
fn value_on(value: &str, on: &str, lang: Lang) -> String {
    if on.is_empty() {
        value.to_string()
    } else {
        format!("{value} ({})", date(on, lang))
    }
}

// --- The evaluation after a year ---------------------------------------------------------------

#[derive(Properties, PartialEq)]
pub struct EvaluationProps {
    pub workshop: Shared,
    /// Opens another tab (the congruence check, the whispers, the actions, the versions).
    pub open: Callback<Tool>,
}

/// One place that walks through the evaluation in order, with a one-page summary to print.
#[function_component(EvaluationView)]
pub fn evaluation_view(p: &EvaluationProps) -> Html {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let t = |k: &dyn Text| k.text(lang);
    let w: &Workshop = &p.workshop;
    let today = today();
    let e = &w.after.evaluation;
    let held = use_state(|| e.held.clone());
    let decision = use_state(|| e.decision);
    let note = use_state(|| e.note.clone());
    let summary = evaluation_summary(w, &today);
    let cong = congruence_overview(w);
    let whispers = doorfluister(w);
    let open = |tool: Tool| {
        let cb = p.open.clone();
        Callback::from(move |_: MouseEvent| cb.emit(tool))
    };
    let onsubmit = {
        let (ctx, held, decision, note) = (ctx.clone(), held.clone(), decision.clone(), note.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            ctx.act(Action::SetEvaluation(Evaluation {
                held: (*held).clone(),
                decision: *decision,
                note: (*note).clone(),
            }));
        })
    };
    let print = super::print_page();
    html! {
        <div class="ld-practice ld-evaluation">
            <p class="ld-hint ld-noprint">{ t(&P::EvaluationIntro) }</p>
            <ol class="ld-eval-steps ld-noprint">
                <li class="ld-card-box">
                    <h3>{ t(&P::Step1) }</h3>
                    if w.after.indicators.is_empty() {
                        <p class="ld-empty">{ t(&P::NoIndicators) }</p>
                    }
                    { for w.after.indicators.iter().enumerate().map(|(n, i)| {
                        let n = n + 1;
                        let measure = |which: u8| {
                            let (ctx, i) = (ctx.clone(), i.clone());
                            Callback::from(move |e: Event| {
                                let mut i = i.clone();
                                *(if which == 0 { &mut i.measured } else { &mut i.measured_date }) = field_value(&e);
                                ctx.act(Action::SetIndicator(Box::new(i)));
                            })
                        };
                        html! {
                            <div key={i.id.as_str()} class="ld-eval-indicator">
                                <p><strong>{ &i.name }</strong>{ format!(" — {}: {} · {}: {}", t(&P::Baseline), value_on(&i.baseline, &i.baseline_date, lang), t(&P::Target), i.target) }</p>
                                <div class="ld-grid-2">
                                    <div class="ld-field">
                                        <label for={format!("ld-measure-{n}")}>{ format!("{}: {}", t(&P::Measured), i.name) }</label>
                                        <input id={format!("ld-measure-{n}")} type="text" value={i.measured.clone()} onchange={measure(0)}
                                            maxlength={limits::INDICATOR_VALUE.to_string()} />
                                    </div>
                                    <div class="ld-field">
                                        <label for={format!("ld-measure-{n}-date")}>{ t(&P::MeasuredDate) }</label>
                                        <input id={format!("ld-measure-{n}-date")} type="date" value={i.measured_date.clone()} onchange={measure(1)} />
                                    </div>
                                </div>
                            </div>
                        }
                    }) }
                    { for w.principles.iter().enumerate().map(|(n, pr)| {
                        let n = n + 1;
                        let check = w.after.assumptions.iter().find(|a| a.principle == pr.id);
                        let current = check.map(|c| c.answer);
                        let note = check.map(|c| c.note.clone()).unwrap_or_default();
                        let on_answer = {
                            let (ctx, pid, note) = (ctx.clone(), pr.id.clone(), note.clone());
                            Callback::from(move |e: Event| {
                                let v = select_value(&e);
                                let answer = [Answer::Yes, Answer::Partly, Answer::No].into_iter().find(|a| slug_answer(*a) == v);
                                ctx.act(Action::CheckAssumption { principle: pid.clone(), answer, note: if answer.is_some() { note.clone() } else { String::new() } });
                            })
                        };
                        let on_note = {
                            let (ctx, pid) = (ctx.clone(), pr.id.clone());
                            Callback::from(move |e: Event| {
                                if current.is_some() {
                                    ctx.act(Action::CheckAssumption { principle: pid.clone(), answer: current, note: field_value(&e) });
                                }
                            })
                        };
                        let theory = pr.text.assumption.trim();
                        let points = outcome_of(w, pr);
                        html! {
                            <fieldset key={pr.id.as_str()} class="ld-eval-assumption">
                                <legend>{ format!("{n}. {}", pr.title) }</legend>
                                <p class="ld-hint"><strong>{ t(&P::Assumption) }</strong>{ " " }
                                    { if theory.is_empty() { t(&P::NoAssumption) } else { theory } }</p>
                                if let Some((outcome, indicators)) = points {
                                    <p class="ld-hint"><strong>{ format!("{}:", t(&CharterText::CharterOutcomes)) }</strong>{ format!(" {outcome}") }
                                        { for indicators.iter().map(|i| html! { <>{ " · " }{ &i.name }</> }) }</p>
                                }
                                <div class="ld-question-row">
                                    <label for={format!("ld-assume-{n}")}>{ t(&P::AssumptionHolds) }</label>
                                    <select id={format!("ld-assume-{n}")} onchange={on_answer}>
                                        <option value="" selected={current.is_none()}>{ t(&AfterText::NotAnswered) }</option>
                                        { for [Answer::Yes, Answer::Partly, Answer::No].into_iter().map(|a| html! {
                                            <option value={slug_answer(a)} selected={current == Some(a)}>{ AfterText::answer(a).get(lang) }</option>
                                        }) }
                                    </select>
                                    <label class="ld-visually-hidden" for={format!("ld-assume-{n}-note")}>{ format!("{}: {}", t(&AfterText::Note), pr.title) }</label>
                                    <input id={format!("ld-assume-{n}-note")} type="text" value={note} disabled={current.is_none()}
                                        maxlength={limits::AFTER_NOTE.to_string()} placeholder={t(&AfterText::Note)} onchange={on_note} />
                                </div>
                            </fieldset>
                        }
                    }) }
                </li>
                <li class="ld-card-box">
                    <h3>{ t(&P::Step2) }</h3>
                    <p>{ format!("{}: {} · {}: {}", t(&P::CongruenceYes), of(cong.yes, cong.total, lang), t(&P::Gaps), cong.total - cong.yes) }</p>
                    <button type="button" class="ld-button" onclick={open(Tool::Congruence)}>{ t(&P::AnswerAgain) }</button>
                </li>
                <li class="ld-card-box">
                    <h3>{ t(&P::Step3) }</h3>
                    <p>{ format!("{}: {} · {}: {}", t(&P::Answers), summary.whispers, t(&P::LostWhy), summary.lost) }</p>
                    <ul class="ld-eval-layers">
                        { for whispers.layers.iter().filter(|l| l.count > 0).map(|l| html! {
                            <li>{ format!("{}: {} · {}", AfterText::layer(l.layer).get(lang), l.count, l.average.map(crate::after::doorfluister::percent).unwrap_or_default()) }</li>
                        }) }
                    </ul>
                    <button type="button" class="ld-button" onclick={open(Tool::Whispers)}>{ t(&P::AskAgain) }</button>
                </li>
                <li class="ld-card-box">
                    <h3>{ t(&P::Step4) }</h3>
                    <p>{ tasks_line(summary.tasks, lang) }</p>
                    <ul class="ld-eval-late">
                        { for tasks_in_order(w).into_iter().filter(|(_, task)| overdue(task, &today)).map(|(pr, task)| html! {
                            <li key={task.id.as_str()}><span class="ld-late">{ t(&P::Overdue) }</span>{ format!(" {} — {} ({})", pr.title, task.what, date(&task.due, lang)) }</li>
                        }) }
                    </ul>
                    <button type="button" class="ld-button" onclick={open(Tool::Actions)}>{ t(&P::TabActions) }</button>
                </li>
                <li class="ld-card-box">
                    <h3 id="ld-decision-h">{ t(&P::Step5) }</h3>
                    <form {onsubmit} aria-labelledby="ld-decision-h">
                        <TextField id="ld-eval-held" label={t(&P::EvaluationHeld)} value={(*held).clone()} input_type={AttrValue::from("date")} oninput={set(&held)} />
                        <fieldset class="ld-decision">
                            <legend>{ t(&P::Decision) }</legend>
                            { for [Decision::Keep, Decision::Revise].into_iter().map(|d| {
                                let decision = decision.clone();
                                html! {
                                    <label class="ld-radio" key={slug_decision(d)}>
                                        <input type="radio" name="ld-decision" value={slug_decision(d)} checked={*decision == Some(d)}
                                            onchange={Callback::from(move |_| decision.set(Some(d)))} />
                                        { " " }{ P::decision(d).get(lang) }
                                    </label>
                                }
                            }) }
                        </fieldset>
                        <TextField id="ld-eval-note" label={t(&AfterText::Note)} value={(*note).clone()} max={limits::AFTER_NOTE} multiline=true oninput={set(&note)} />
                        <button type="submit" class="ld-button ld-primary">{ t(&P::Save) }</button>
                    </form>
                    if e.decision == Some(Decision::Revise) {
                        <p class="ld-hint">{ t(&P::ReviseHint) }</p>
                        <button type="button" class="ld-button" onclick={open(Tool::Versions)}>{ t(&P::SaveAsVersion) }</button>
                    }
                </li>
            </ol>
            <div class="ld-actions ld-noprint">
                <button type="button" class="ld-button" onclick={print}>{ t(&P::PrintSummary) }</button>
            </div>
            { evaluation_sheet(w, &today, lang) }
        </div>
    }
}

/// The one-page summary of the evaluation: what prints. Every user text is a text node.
fn evaluation_sheet(w: &Workshop, today: &str, lang: Lang) -> Html {
    let t = |k: &dyn Text| k.text(lang);
    let s = evaluation_summary(w, today);
    let e = &w.after.evaluation;
    html! {
        <section class="ld-eval-sheet" aria-labelledby="ld-eval-sheet-h">
            <h3 id="ld-eval-sheet-h">{ t(&P::SummaryTitle) }
                if !w.setup.title.trim().is_empty() { { format!(" — {}", w.setup.title) } }</h3>
            <p class="ld-eval-sheet-meta">
                if !w.setup.organisation.trim().is_empty() { { &w.setup.organisation }{ " · " } }
                { format!("{}: {}", t(&P::EvaluationHeld), if e.held.is_empty() { date(today, lang) } else { date(&e.held, lang) }) }
            </p>
            <h4>{ t(&P::Step1) }</h4>
            if w.after.indicators.is_empty() {
                <p>{ t(&P::NoIndicators) }</p>
            } else {
                <table class="ld-table ld-eval-sheet-table">
                    <thead><tr>
                        <th scope="col">{ t(&P::Indicator) }</th>
                        <th scope="col">{ t(&P::Baseline) }</th>
                        <th scope="col">{ t(&P::Measured) }</th>
                        <th scope="col">{ t(&P::Target) }</th>
                    </tr></thead>
                    <tbody>
                    { for monitor(w).iter().flat_map(|m| m.indicators.clone()).map(|i| html! {
                        <tr key={i.id.as_str()}>
                            <th scope="row">{ &i.name }</th>
                            <td>{ value_on(&i.baseline, &i.baseline_date, lang) }</td>
                            <td>{ if i.measured.is_empty() { t(&P::NotMeasured).to_string() } else { value_on(&i.measured, &i.measured_date, lang) } }</td>
                            <td>{ &i.target }</td>
                        </tr>
                    }) }
                    </tbody>
                </table>
            }
            <p class="ld-eval-sheet-h">{ t(&P::AssumptionHolds) }</p>
            <ul class="ld-eval-sheet-list">
                { for w.principles.iter().zip(&s.assumptions).map(|(pr, (_, a))| html! {
                    <li key={pr.id.as_str()}>{ format!("{}: {}", pr.title, assumption_label(*a, lang)) }</li>
                }) }
            </ul>
            <h4>{ t(&P::Step2) }</h4>
            <p>{ format!("{}: {} · {}: {}", t(&P::CongruenceYes), of(s.yes, s.questions, lang), t(&P::Gaps), s.gaps) }</p>
            <h4>{ t(&P::Step3) }</h4>
            <p>{ format!("{}: {} · {}: {}", t(&P::Answers), s.whispers, t(&P::LostWhy), s.lost) }</p>
            <h4>{ t(&P::Step4) }</h4>
            <p>{ tasks_line(s.tasks, lang) }</p>
            <h4>{ t(&P::Step5) }</h4>
            <p>
                <strong>{ e.decision.map(|d| P::decision(d).get(lang)).unwrap_or(t(&P::NoDecision)) }</strong>
                if !e.note.is_empty() { { " — " }{ &e.note } }
            </p>
        </section>
    }
}
