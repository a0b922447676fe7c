//! Versies: save the set as a named, dated version; compare two versions side by side; plan the
//! evaluation (Vlissingen evaluates after a year).

use yew::prelude::*;

use super::{download, field_value, file_name, select_value};
use crate::after::versions::Reworded;
use crate::after::{compare, compare_markdown, one_year_after, VersionRef};
use crate::export::date::date;
use crate::i18n::{AfterText, Lang, Text};
use crate::ui::platform::{confirm, new_id};
use crate::ui::widgets::TextField;
use crate::ui::{use_ctx, Shared};
use crate::workshop::{limits, Action, Id, PrincipleSnapshot};

#[derive(Properties, PartialEq)]
pub struct VersionsProps {
    pub workshop: Shared,
}

fn ref_value(r: &VersionRef) -> String {
    match r {
        VersionRef::Current => "current".to_string(),
        VersionRef::Saved(id) => id.as_str().to_string(),
    }
}

fn ref_from(value: &str) -> Option<VersionRef> {
    if value == "current" {
        Some(VersionRef::Current)
    } else {
        Id::parse(value).map(VersionRef::Saved)
    }
}

/// The versions tab.
#[function_component(VersionsView)]
pub fn versions_view(p: &VersionsProps) -> Html {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let t = |k: &dyn Text| k.text(lang);
    let w = &p.workshop;
    let name = use_state(String::new);
    let day = use_state(String::new);
    let left = use_state(|| None::<VersionRef>);
    let right = use_state(|| None::<VersionRef>);
    let exists = |r: &VersionRef| r.resolve(w, lang).is_some();
    // Defaults: the oldest version against the current set.
    let a = left
        .as_ref()
        .filter(|r| exists(r))
        .cloned()
        .or_else(|| w.after.versions.first().map(|v| VersionRef::Saved(v.id.clone())));
    let b = right.as_ref().filter(|r| exists(r)).cloned().unwrap_or(VersionRef::Current);
    let onsubmit = {
        let (ctx, name, day) = (ctx.clone(), name.clone(), day.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if name.trim().is_empty() {
                return;
            }
            ctx.act(Action::SaveVersion { id: new_id("ver"), name: (*name).clone(), date: (*day).clone() });
            name.set(String::new());
        })
    };
    let on_eval = {
        let ctx = ctx.clone();
        Callback::from(move |e: Event| ctx.act(Action::SetEvaluationDate { date: field_value(&e) }))
    };
    let year_later = w.after.versions.iter().rev().find_map(|v| one_year_after(&v.date));
    let choices = |selected: Option<&VersionRef>, with_current: bool| -> Html {
        let mut refs: Vec<(VersionRef, String)> =
            w.after.versions.iter().map(|v| (VersionRef::Saved(v.id.clone()), label(&v.name, &v.date, lang))).collect();
        if with_current {
            refs.push((VersionRef::Current, t(&AfterText::CurrentSet).to_string()));
        }
        html! {
            { for refs.into_iter().map(|(r, text)| html! {
                <option key={ref_value(&r)} value={ref_value(&r)} selected={selected == Some(&r)}>{ text }</option>
            }) }
        }
    };
    let diff = a.as_ref().and_then(|a| Some((a.resolve(w, lang)?, b.resolve(w, lang)?)));
    html! {
        <div class="ld-versions">
            <p class="ld-hint">{ t(&AfterText::VersionsIntro) }</p>
            <div class="ld-grid-2">
                <section class="ld-card-box" aria-labelledby="ld-eval-h">
                    <h3 id="ld-eval-h">{ t(&AfterText::PlanEvaluation) }</h3>
                    <div class="ld-field">
                        <label for="ld-eval-date">{ t(&AfterText::EvaluationDate) }</label>
                        <p class="ld-hint" id="ld-eval-hint">{ t(&AfterText::EvaluationHint) }</p>
                        <input id="ld-eval-date" type="date" value={w.after.evaluation_date.clone()}
                            aria-describedby="ld-eval-hint" onchange={on_eval} />
                    </div>
                    if let Some(d) = year_later.filter(|d| *d != w.after.evaluation_date) {
                        <button type="button" class="ld-button ld-small" onclick={{
                            let (ctx, d) = (ctx.clone(), d.clone());
                            Callback::from(move |_| ctx.act(Action::SetEvaluationDate { date: d.clone() }))
                        }}>{ format!("{} ({})", t(&AfterText::InAYear), date(&d, lang)) }</button>
                    }
                    if !w.after.evaluation_date.trim().is_empty() {
                        <p class="ld-eval-on">{ format!("{} {}", t(&AfterText::EvaluationOn), date(&w.after.evaluation_date, lang)) }</p>
                    }
                </section>
                <form class="ld-card-box" {onsubmit} aria-labelledby="ld-save-version-h">
                    <h3 id="ld-save-version-h">{ t(&AfterText::SaveVersion) }</h3>
                    <TextField id="ld-version-name" label={t(&AfterText::VersionName)} value={(*name).clone()} max={limits::VERSION_NAME}
                        required=true placeholder={AttrValue::from("2.0")}
                        oninput={{ let s = name.clone(); Callback::from(move |v| s.set(v)) }} />
                    <TextField id="ld-version-date" label={t(&AfterText::VersionDate)} value={(*day).clone()} input_type={AttrValue::from("date")}
                        oninput={{ let s = day.clone(); Callback::from(move |v| s.set(v)) }} />
                    <button type="submit" class="ld-button ld-primary">{ t(&AfterText::SaveVersion) }</button>
                </form>
            </div>
            <section class="ld-card-box" aria-labelledby="ld-versions-h">
                <h3 id="ld-versions-h">{ t(&AfterText::SavedVersions) }</h3>
                if w.after.versions.is_empty() {
                    <p class="ld-empty">{ t(&AfterText::NoVersions) }</p>
                }
                <ul class="ld-plain-list ld-version-list">
                { for w.after.versions.iter().map(|v| {
                    let remove = {
                        let (ctx, id) = (ctx.clone(), v.id.clone());
                        Callback::from(move |_| {
                            if confirm(AfterText::ConfirmRemoveVersion.get(ctx.lang)) {
                                ctx.act(Action::RemoveVersion { id: id.clone() });
                            }
                        })
                    };
                    html! {
                        <li key={v.id.as_str()} class="ld-row">
                            <span>{ format!("{} · {} {}", label(&v.name, &v.date, lang), v.principles.len(), t(&AfterText::Legend).to_lowercase()) }</span>
                            <button type="button" class="ld-button ld-quiet ld-small" onclick={remove}
                                aria-label={format!("{}: {}", t(&AfterText::RemoveVersion), v.name)}>{ t(&AfterText::RemoveVersion) }</button>
                        </li>
                    }
                }) }
                </ul>
            </section>
            <section class="ld-card-box ld-compare" aria-labelledby="ld-compare-h">
                <h3 id="ld-compare-h">{ t(&AfterText::Compare) }</h3>
                if w.after.versions.is_empty() {
                    <p class="ld-empty">{ t(&AfterText::NeedTwo) }</p>
                } else {
                    <div class="ld-grid-2">
                        <div class="ld-field">
                            <label for="ld-compare-a">{ t(&AfterText::Before) }</label>
                            <select id="ld-compare-a" onchange={{ let s = left.clone(); Callback::from(move |e: Event| s.set(ref_from(&select_value(&e)))) }}>
                                { choices(a.as_ref(), true) }
                            </select>
                        </div>
                        <div class="ld-field">
                            <label for="ld-compare-b">{ t(&AfterText::After) }</label>
                            <select id="ld-compare-b" onchange={{ let s = right.clone(); Callback::from(move |e: Event| s.set(ref_from(&select_value(&e)))) }}>
                                { choices(Some(&b), true) }
                            </select>
                        </div>
                    </div>
                    if let Some(((a_name, a_list), (b_name, b_list))) = diff {
                        { diff_view(&w.setup.title, (a_name.as_str(), a_list.as_slice()), (b_name.as_str(), b_list.as_slice()), lang) }
                    }
                }
            </section>
        </div>
    }
}

fn label(name: &str, day: &str, lang: Lang) -> String {
    if day.trim().is_empty() {
        name.to_string()
    } else {
        format!("{name} ({})", date(day, lang))
    }
}

/// The comparison: four lists side by side, and a Markdown download.
/// `title` is the workshop's, for the download's name.
fn diff_view(
    title: &str,
    (a_name, a): (&str, &[PrincipleSnapshot]),
    (b_name, b): (&str, &[PrincipleSnapshot]),
    lang: Lang,
) -> Html {
    let t = |k: &dyn Text| k.text(lang);
    let d = compare(a, b);
    let md_text = compare_markdown(&d, a_name, b_name, lang);
    let name = file_name("versies", title, "md");
    let md = Callback::from(move |_| download(&name, "text/markdown;charset=utf-8", &md_text));
    let simple = |class: &'static str, key: AfterText, list: &[PrincipleSnapshot]| {
        html! {
            <section class={classes!("ld-diff", class)}>
                <h4>{ format!("{} ({})", t(&key), list.len()) }</h4>
                if list.is_empty() { <p class="ld-empty">{ t(&AfterText::NoneHere) }</p> }
                <ul>
                    { for list.iter().map(|p| html! {
                        <li key={p.id.as_str()}><strong>{ &p.title }</strong>
                            if !p.meaning.trim().is_empty() { <span class="ld-diff-meaning">{ format!(": {}", p.meaning) }</span> }
                        </li>
                    }) }
                </ul>
            </section>
        }
    };
    let reworded = |r: &Reworded| {
        html! {
            <li key={r.after.id.as_str()}>
                <div class="ld-side-by-side">
                    <div><span class="ld-diff-tag">{ t(&AfterText::Was) }</span><strong>{ &r.before.title }</strong>
                        if !r.before.meaning.is_empty() { <span class="ld-diff-meaning">{ format!(": {}", r.before.meaning) }</span> }</div>
                    <div><span class="ld-diff-tag">{ t(&AfterText::Now) }</span><strong>{ &r.after.title }</strong>
                        if !r.after.meaning.is_empty() { <span class="ld-diff-meaning">{ format!(": {}", r.after.meaning) }</span> }</div>
                </div>
            </li>
        }
    };
    html! {
        <div class="ld-diff-result" aria-live="polite">
            <p><strong>{ a_name.to_string() }</strong>{ " → " }<strong>{ b_name.to_string() }</strong></p>
            <div class="ld-diff-grid">
                { simple("ld-diff-added", AfterText::Added, &d.added) }
                { simple("ld-diff-removed", AfterText::Removed, &d.removed) }
                <section class="ld-diff ld-diff-reworded">
                    <h4>{ format!("{} ({})", t(&AfterText::Reworded), d.reworded.len()) }</h4>
                    if d.reworded.is_empty() { <p class="ld-empty">{ t(&AfterText::NoneHere) }</p> }
                    <ul>{ for d.reworded.iter().map(reworded) }</ul>
                </section>
                { simple("ld-diff-unchanged", AfterText::Unchanged, &d.unchanged) }
            </div>
            <div class="ld-actions">
                <button type="button" class="ld-button" onclick={md}>{ t(&AfterText::DownloadMarkdown) }</button>
            </div>
        </div>
    }
}
