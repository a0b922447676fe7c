//! Meetlat: options weighed against every principle (Ede), a summary per option, a sortable
//! overview that prints on one page, CSV and Markdown.

use yew::prelude::*;

use super::{download, field_value, file_name, select_value};
use crate::after::yardstick::{signed, sort, summaries, verdict, OptionSummary, SortKey};
use crate::after::{yardstick_csv, yardstick_markdown};
use crate::i18n::{AfterText, Lang, Text};
use crate::ui::platform::{confirm, new_id};
use crate::ui::widgets::TextField;
use crate::ui::{use_ctx, Shared};
use crate::workshop::{limits, Action, BudgetOption, Verdict};

#[derive(Properties, PartialEq)]
pub struct YardstickProps {
    pub workshop: Shared,
}

fn verdict_value(v: Verdict) -> &'static str {
    match v {
        Verdict::InLine => "in_line",
        Verdict::Obstructing => "obstructing",
        Verdict::Neutral => "neutral",
    }
}

fn verdict_from(value: &str) -> Option<Verdict> {
    [Verdict::InLine, Verdict::Obstructing, Verdict::Neutral].into_iter().find(|v| verdict_value(*v) == value)
}

/// The whole yardstick tab.
#[function_component(YardstickView)]
pub fn yardstick_view(p: &YardstickProps) -> Html {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let t = |k: &dyn Text| k.text(lang);
    let w = &p.workshop;
    let csv = {
        let w = w.clone();
        Callback::from(move |_| {
            download(&file_name("meetlat", &w.setup.title, "csv"), "text/csv;charset=utf-8", &yardstick_csv(&w, lang))
        })
    };
    let md = {
        let w = w.clone();
        Callback::from(move |_| {
            download(
                &file_name("meetlat", &w.setup.title, "md"),
                "text/markdown;charset=utf-8",
                &yardstick_markdown(&w, lang),
            )
        })
    };
    let print = super::print_page();
    html! {
        <div class="ld-yardstick">
            <p class="ld-hint ld-noprint">{ t(&AfterText::YardstickIntro) }</p>
            <NewOption />
            if w.after.options.is_empty() {
                <p class="ld-empty ld-noprint">{ t(&AfterText::NoOptions) }</p>
            } else {
                <ol class="ld-options ld-noprint">
                    { for w.after.options.iter().enumerate().map(|(i, o)| html! {
                        <OptionCard key={o.id.as_str()} workshop={w.clone()} option={o.clone()} number={i + 1} />
                    }) }
                </ol>
                <Overview workshop={w.clone()} />
                <div class="ld-actions ld-noprint">
                    <button type="button" class="ld-button" onclick={csv}>{ t(&AfterText::DownloadCsv) }</button>
                    <button type="button" class="ld-button" onclick={md}>{ t(&AfterText::DownloadMarkdown) }</button>
                    <button type="button" class="ld-button" onclick={print}>{ t(&AfterText::PrintOverview) }</button>
                </div>
            }
        </div>
    }
}

/// The form for a new option (title, short description, optional amount).
#[function_component(NewOption)]
fn new_option() -> Html {
    let ctx = use_ctx();
    let t = |k: &dyn Text| k.text(ctx.lang);
    let title = use_state(String::new);
    let description = use_state(String::new);
    let amount = use_state(String::new);
    let onsubmit = {
        let (title, description, amount, ctx) = (title.clone(), description.clone(), amount.clone(), ctx.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if title.trim().is_empty() {
                return;
            }
            ctx.act(Action::AddOption {
                id: new_id("opt"),
                title: (*title).clone(),
                description: (*description).clone(),
                amount: (*amount).clone(),
            });
            title.set(String::new());
            description.set(String::new());
            amount.set(String::new());
        })
    };
    let setter = |s: &UseStateHandle<String>| {
        let s = s.clone();
        Callback::from(move |v: String| s.set(v))
    };
    html! {
        <form class="ld-card-box ld-new-option ld-noprint" {onsubmit} aria-labelledby="ld-new-option-h">
            <h3 id="ld-new-option-h">{ t(&AfterText::NewOption) }</h3>
            <div class="ld-grid-2">
                <TextField id="ld-option-title" label={t(&AfterText::OptionTitle)} value={(*title).clone()} oninput={setter(&title)}
                    max={limits::OPTION_TITLE} required=true />
                <TextField id="ld-option-amount" label={t(&AfterText::OptionAmount)} value={(*amount).clone()} oninput={setter(&amount)}
                    max={limits::OPTION_AMOUNT} hint={t(&AfterText::OptionAmountHint)} />
            </div>
            <TextField id="ld-option-description" label={t(&AfterText::OptionDescription)} value={(*description).clone()}
                oninput={setter(&description)} max={limits::OPTION_DESCRIPTION} multiline=true />
            <button type="submit" class="ld-button ld-primary">{ t(&AfterText::AddOption) }</button>
        </form>
    }
}

#[derive(Properties, PartialEq)]
struct OptionCardProps {
    workshop: Shared,
    option: BudgetOption,
    number: usize,
}

/// One option: its texts (saved when a field is left), a verdict and reason per principle, and
/// its summary.
#[function_component(OptionCard)]
fn option_card(p: &OptionCardProps) -> Html {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let t = |k: &dyn Text| k.text(lang);
    let o = &p.option;
    let base = format!("ld-opt-{}", p.number);
    let edit = |which: u8| {
        let (ctx, o) = (ctx.clone(), o.clone());
        Callback::from(move |e: Event| {
            let v = field_value(&e);
            let (mut title, mut description, mut amount) = (o.title.clone(), o.description.clone(), o.amount.clone());
            match which {
                0 => title = v,
                1 => description = v,
                _ => amount = v,
            }
            ctx.act(Action::EditOption { id: o.id.clone(), title, description, amount });
        })
    };
    let remove = {
        let (ctx, id) = (ctx.clone(), o.id.clone());
        Callback::from(move |_| {
            if confirm(AfterText::ConfirmRemoveOption.get(ctx.lang)) {
                ctx.act(Action::RemoveOption { id: id.clone() });
            }
        })
    };
    let summary = summaries(&p.workshop).into_iter().find(|s| s.option == o.id);
    let heading = format!("{} {}: {}", t(&AfterText::Option), p.number, o.title);
    html! {
        <li class="ld-card-box ld-option" aria-labelledby={format!("{base}-h")}>
            <h3 id={format!("{base}-h")}>{ heading.clone() }</h3>
            <div class="ld-grid-2">
                <div class="ld-field">
                    <label for={format!("{base}-title")}>{ t(&AfterText::OptionTitle) }</label>
                    <input id={format!("{base}-title")} type="text" value={o.title.clone()} required=true
                        maxlength={limits::OPTION_TITLE.to_string()} onchange={edit(0)} />
                </div>
                <div class="ld-field">
                    <label for={format!("{base}-amount")}>{ t(&AfterText::OptionAmount) }</label>
                    <input id={format!("{base}-amount")} type="text" value={o.amount.clone()}
                        maxlength={limits::OPTION_AMOUNT.to_string()} onchange={edit(2)} />
                </div>
            </div>
            <div class="ld-field">
                <label for={format!("{base}-desc")}>{ t(&AfterText::OptionDescription) }</label>
                <textarea id={format!("{base}-desc")} rows="2" value={o.description.clone()}
                    maxlength={limits::OPTION_DESCRIPTION.to_string()} onchange={edit(1)} />
            </div>
            <table class="ld-table ld-verdicts">
                <caption class="ld-visually-hidden">{ heading.clone() }</caption>
                <thead><tr>
                    <th scope="col">{ t(&AfterText::Principle) }</th>
                    <th scope="col">{ t(&AfterText::Verdict) }</th>
                    <th scope="col">{ t(&AfterText::Reason) }</th>
                </tr></thead>
                <tbody>
                { for p.workshop.principles.iter().enumerate().map(|(j, pr)| {
                    let a = verdict(&p.workshop, &o.id, &pr.id);
                    let current = a.map(|a| a.verdict);
                    let reason = a.map(|a| a.reason.clone()).unwrap_or_default();
                    let sel_id = format!("{base}-v-{}", j + 1);
                    let reason_id = format!("{base}-r-{}", j + 1);
                    let on_verdict = {
                        let (ctx, option, principle, reason) = (ctx.clone(), o.id.clone(), pr.id.clone(), reason.clone());
                        Callback::from(move |e: Event| {
                            let verdict = verdict_from(&select_value(&e));
                            let reason = if verdict.is_some() { reason.clone() } else { String::new() };
                            ctx.act(Action::Assess { option: option.clone(), principle: principle.clone(), verdict, reason });
                        })
                    };
                    let on_reason = {
                        let (ctx, option, principle) = (ctx.clone(), o.id.clone(), pr.id.clone());
                        Callback::from(move |e: Event| {
                            if current.is_some() {
                                ctx.act(Action::Assess { option: option.clone(), principle: principle.clone(), verdict: current, reason: field_value(&e) });
                            }
                        })
                    };
                    html! {
                        <tr key={pr.id.as_str()} class={classes!(current.map(|v| format!("ld-v-{}", verdict_value(v))))}>
                            <th scope="row">{ format!("{}. {}", j + 1, pr.title) }</th>
                            <td>
                                <label class="ld-visually-hidden" for={sel_id.clone()}>{ format!("{}: {}", t(&AfterText::Verdict), pr.title) }</label>
                                <select id={sel_id} onchange={on_verdict}>
                                    <option value="" selected={current.is_none()}>{ t(&AfterText::NoVerdict) }</option>
                                    { for [Verdict::InLine, Verdict::Obstructing, Verdict::Neutral].into_iter().map(|v| html! {
                                        <option value={verdict_value(v)} selected={current == Some(v)}>{ AfterText::verdict(v).get(lang) }</option>
                                    }) }
                                </select>
                            </td>
                            <td>
                                <label class="ld-visually-hidden" for={reason_id.clone()}>{ format!("{}: {}", t(&AfterText::Reason), pr.title) }</label>
                                <input id={reason_id} type="text" value={reason} disabled={current.is_none()}
                                    maxlength={limits::AFTER_NOTE.to_string()} onchange={on_reason}
                                    title={current.is_none().then(|| t(&AfterText::ReasonHint))}
                                    placeholder={current.is_none().then(|| t(&AfterText::ReasonHint))} />
                            </td>
                        </tr>
                    }
                }) }
                </tbody>
            </table>
            if let Some(s) = summary {
                <p class="ld-option-summary"><strong>{ format!("{}: ", t(&AfterText::Summary)) }</strong>{ summary_line(&s, lang) }</p>
            }
            <button type="button" class="ld-button ld-danger ld-small" onclick={remove}
                aria-label={format!("{}: {}", t(&AfterText::RemoveOption), o.title)}>{ t(&AfterText::RemoveOption) }</button>
        </li>
    }
}

/// "In lijn 2 · Belemmerend 1 · Neutraal 1 · Open 1 · Score +1".
fn summary_line(s: &OptionSummary, lang: Lang) -> String {
    format!(
        "{} {} · {} {} · {} {} · {} {} · {} {}",
        AfterText::InLine.get(lang),
        s.in_line,
        AfterText::Obstructing.get(lang),
        s.obstructing,
        AfterText::Neutral.get(lang),
        s.neutral,
        AfterText::Open.get(lang),
        s.open,
        AfterText::Score.get(lang),
        signed(s.score)
    )
}

#[derive(Properties, PartialEq)]
struct OverviewProps {
    workshop: Shared,
}

fn key_label(key: SortKey) -> AfterText {
    match key {
        SortKey::Order => AfterText::SortOrder,
        SortKey::Title => AfterText::Option,
        SortKey::Amount => AfterText::Amount,
        SortKey::InLine => AfterText::InLine,
        SortKey::Obstructing => AfterText::Obstructing,
        SortKey::Neutral => AfterText::Neutral,
        SortKey::Open => AfterText::Open,
        SortKey::Score => AfterText::Score,
    }
}

/// The overview: every option against every principle, sortable by its column buttons.
/// This is what prints, on one page.
#[function_component(Overview)]
fn overview(p: &OverviewProps) -> Html {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let t = |k: &dyn Text| k.text(lang);
    let sorting = use_state(|| (SortKey::Order, false));
    let (key, desc) = *sorting;
    let mut list = summaries(&p.workshop);
    sort(&mut list, key, desc);
    let w = &p.workshop;
    let header = |k: SortKey, class: &'static str| {
        let active = k == key;
        let sorting = sorting.clone();
        let onclick = Callback::from(move |_| {
            let (cur, d) = *sorting;
            // A new column starts with what people look for first: highest score, biggest amount.
            let first_desc = !matches!(k, SortKey::Order | SortKey::Title);
            sorting.set(if cur == k { (k, !d) } else { (k, first_desc) });
        });
        let aria_sort = if active { Some(if desc { "descending" } else { "ascending" }) } else { None };
        let arrow = if active {
            if desc {
                " ▼"
            } else {
                " ▲"
            }
        } else {
            ""
        };
        let label = if k == SortKey::Order { "#" } else { t(&key_label(k)) };
        html! {
            <th scope="col" class={class} aria-sort={aria_sort}>
                <button type="button" class="ld-sort" {onclick}
                    aria-label={format!("{} {}", t(&AfterText::SortBy), t(&key_label(k)).to_lowercase())}>
                    { label }<span aria-hidden="true">{ arrow }</span>
                </button>
            </th>
        }
    };
    let mark = |v: Option<Verdict>| match v {
        Some(Verdict::InLine) => ("+", AfterText::InLine.get(lang), "ld-v-in_line"),
        Some(Verdict::Obstructing) => ("−", AfterText::Obstructing.get(lang), "ld-v-obstructing"),
        Some(Verdict::Neutral) => ("0", AfterText::Neutral.get(lang), "ld-v-neutral"),
        None => ("·", AfterText::NoVerdict.get(lang), "ld-v-none"),
    };
    html! {
        <section class="ld-yardstick-overview" aria-labelledby="ld-overview-h">
            <h3 id="ld-overview-h">{ format!("{}: {}", t(&AfterText::YardstickTitle), t(&AfterText::Overview).to_lowercase()) }
                if !w.setup.title.trim().is_empty() { <span class="ld-print-only">{ format!(" — {}", w.setup.title) }</span> }
            </h3>
            <div class="ld-table-wrap">
            <table class="ld-table ld-overview-table">
                <thead><tr>
                    { header(SortKey::Order, "ld-num") }
                    { header(SortKey::Title, "") }
                    { header(SortKey::Amount, "ld-num") }
                    { for w.principles.iter().enumerate().map(|(j, pr)| html! {
                        <th scope="col" key={pr.id.as_str()} class="ld-pcol">
                            <span aria-hidden="true">{ format!("P{}", j + 1) }</span>
                            <span class="ld-visually-hidden">{ format!("{}. {}", j + 1, pr.title) }</span>
                        </th>
                    }) }
                    { header(SortKey::InLine, "ld-num") }
                    { header(SortKey::Obstructing, "ld-num") }
                    { header(SortKey::Neutral, "ld-num") }
                    { header(SortKey::Open, "ld-num") }
                    { header(SortKey::Score, "ld-num") }
                </tr></thead>
                <tbody>
                { for list.iter().map(|s| html! {
                    <tr key={s.option.as_str()}>
                        <td class="ld-num">{ s.order + 1 }</td>
                        <th scope="row">
                            { &s.title }
                            if !s.description.trim().is_empty() { <span class="ld-overview-desc">{ &s.description }</span> }
                        </th>
                        <td class="ld-num">{ &s.amount }</td>
                        { for w.principles.iter().map(|pr| {
                            let (sym, word, class) = mark(verdict(w, &s.option, &pr.id).map(|a| a.verdict));
                            html! {
                                <td key={pr.id.as_str()} class={classes!("ld-mark", class)}>
                                    <span aria-hidden="true">{ sym }</span><span class="ld-visually-hidden">{ word }</span>
                                </td>
                            }
                        }) }
                        <td class="ld-num">{ s.in_line }</td>
                        <td class="ld-num">{ s.obstructing }</td>
                        <td class="ld-num">{ s.neutral }</td>
                        <td class="ld-num">{ s.open }</td>
                        <td class="ld-num ld-score">{ signed(s.score) }</td>
                    </tr>
                }) }
                </tbody>
            </table>
            </div>
            <div class="ld-legend">
                <h4>{ t(&AfterText::Legend) }</h4>
                <ol class="ld-legend-list">
                    { for w.principles.iter().enumerate().map(|(j, pr)| html! {
                        <li key={pr.id.as_str()}>{ format!("P{} {}", j + 1, pr.title) }</li>
                    }) }
                </ol>
                <p class="ld-hint">{ format!("+ {} · − {} · 0 {} · · {}. {}", t(&AfterText::InLine), t(&AfterText::Obstructing), t(&AfterText::Neutral), t(&AfterText::NoVerdict), t(&AfterText::ScoreHelp)) }</p>
            </div>
        </section>
    }
}
