//! The merge panel, under the header on every step: each text a merged file words
//! differently, side by side (this screen, the file) with keep this / take theirs / keep both,
//! and each value it holds differently (a card's cluster, a dot count, ...) with keep this /
//! take theirs, and each record of the set in practice (an action, owners, ...) by the parts
//! that differ (owners also with keep both), until decided; and what the file still had that was deleted here, each with Restore. It
//! only renders state and dispatches `Decide` and `Restore`: the rule is in the domain.

use std::rc::Rc;

use yew::prelude::*;

use super::platform::{self, BrowserIds};
use super::{use_ctx, Shared};
use crate::i18n::{self, ConcretiseText, FilesText, Lang, Text};
use crate::workshop::{
    Action, Disagreement, Field, Id, IdSource, Item, Keep, MergeReport, PrincipleKind, SourceKind, Wording, Workshop,
};

/// Props of [`MergePanel`].
#[derive(Properties, PartialEq)]
pub struct Props {
    pub workshop: Shared,
    /// The last merge's report, for what the file still had.
    pub report: Option<Rc<MergeReport>>,
}

/// The panel; nothing when no text waits and nothing is left to restore.
#[function_component(MergePanel)]
pub fn merge_panel(p: &Props) -> Html {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let l = |k: &dyn Text| k.text(lang);
    let w: &Workshop = &p.workshop;
    // What the file had that is still not here (restoring one takes it off the list).
    let restorable: Vec<&Item> = p
        .report
        .as_deref()
        .map(|r| r.restorable.iter().filter(|i| !w.all_ids().any(|x| x == i.id())).collect())
        .unwrap_or_default();
    // Closing the list of deleted items hides it until the next merge; waiting texts stay.
    let closed = use_state(|| None::<Rc<MergeReport>>);
    let show_restorable = !restorable.is_empty() && *closed != p.report;
    // A new merge that leaves something to choose brings the user here: the file menu it was
    // chosen from closes (it would cover the texts side by side) and focus moves to the panel.
    // The report itself stays in the notice under the header.
    let waits = p.report.as_deref().is_some_and(|r| r.disagreements > 0 || !restorable.is_empty());
    use_effect_with(p.report.as_ref().map(Rc::as_ptr), move |_| {
        if waits {
            platform::close_menus(|menu| menu.class_list().contains("ld-file-menu"));
            platform::focus("#ld-merge-title");
        }
    });
    if w.disagreements.is_empty() && !show_restorable {
        return html! {};
    }
    let decide = |d: &Disagreement, keep: fn() -> Keep| {
        let (ctx, about, theirs) = (ctx.clone(), d.about.clone(), d.theirs.clone());
        Callback::from(move |_: MouseEvent| {
            ctx.act(Action::Decide { about: about.clone(), theirs: theirs.clone(), keep: keep() })
        })
    };
    let text_or_empty = |t: &str| if t.is_empty() { l(&FilesText::EmptyText).to_string() } else { t.to_string() };
    let differences = w.disagreements.iter().enumerate().map(|(n, d)| {
        let ours = d.about.ours(w).unwrap_or_default();
        let (ours, theirs) = if d.about.is_text() {
            (text_or_empty(&ours), text_or_empty(&d.theirs))
        } else if let Wording::Practice(_) = &d.about {
            super::merge_practice::sides(w, &ours, &d.theirs, lang)
        } else {
            (shown(w, &d.about, &ours, lang), shown(w, &d.about, &d.theirs, lang))
        };
        let mut what = FilesText::noun(d.about.field(), lang);
        if let Wording::Principle(id, field) = &d.about {
            let title = w.principles.iter().find(|x| &x.id == id).map(|x| x.title.as_str()).unwrap_or_default();
            what = format!("{what} „{title}”: {}", l(&ConcretiseText::principle_field(*field)).to_lowercase());
        } else if let Wording::Dots { voter, cluster } = &d.about {
            let (voter, cluster) = (w.label(voter).unwrap_or_default(), w.label(cluster).unwrap_or_default());
            let of = FilesText::noun(Field::Cluster, lang);
            what = format!("{} „{voter}”, {of} „{cluster}”", l(&FilesText::PartDots));
        } else if let Some(name) = d.about.item().and_then(|id| w.label(id)).filter(|_| !matches!(d.about, Wording::SourceNotes(_))) {
            what = format!("{what} „{name}”");
        }
        if let Some(part) = FilesText::part(&d.about).filter(|_| !matches!(d.about, Wording::Dots { .. })) {
            what = format!("{what}: {}", l(&part));
        }
        let both = if matches!(d.about, Wording::Card(_)) { FilesText::KeepBothCard } else { FilesText::KeepBoth };
        let (keep_ours, keep_theirs) = if d.about.is_text() {
            (FilesText::KeepOurs, FilesText::KeepTheirs)
        } else {
            (FilesText::KeepOursValue, FilesText::KeepTheirsValue)
        };
        let heading = format!("ld-merge-diff-{n}");
        html! {
            <li class="ld-merge-diff" aria-labelledby={heading.clone()}>
                <p class="ld-merge-what" id={heading.clone()}>{ what }</p>
                <div class="ld-merge-sides">
                    <div class="ld-merge-side" data-side="ours">
                        <p class="ld-merge-side-label">{ l(&FilesText::OnThisScreen) }</p>
                        <p class="ld-merge-text">{ ours }</p>
                    </div>
                    <div class="ld-merge-side" data-side="theirs">
                        <p class="ld-merge-side-label">{ l(&FilesText::InTheFile) }</p>
                        <p class="ld-merge-text">{ theirs }</p>
                    </div>
                </div>
                <div class="ld-merge-choices" role="group" aria-labelledby={heading}>
                    <button type="button" class="ld-button" data-keep="ours" onclick={decide(d, || Keep::Ours)}>{ l(&keep_ours) }</button>
                    <button type="button" class="ld-button" data-keep="theirs" onclick={decide(d, || Keep::Theirs)}>{ l(&keep_theirs) }</button>
                    if d.about.keeps_both() {
                        <button type="button" class="ld-button" data-keep="both" onclick={decide(d, || Keep::Both(BrowserIds.next_id("card")))}>{ l(&both) }</button>
                    }
                </div>
            </li>
        }
    });
    let restore_list = restorable.iter().map(|item| {
        let restore = {
            let (ctx, item) = (ctx.clone(), (*item).clone());
            Callback::from(move |_: MouseEvent| ctx.act(Action::Restore { item: Box::new(item.clone()) }))
        };
        html! {
            <li class="ld-merge-deleted">
                <span>{ format!("{} „{}”", FilesText::noun(item.field(), lang), item.label()) }</span>
                <button type="button" class="ld-button" onclick={restore}>{ l(&FilesText::Restore) }</button>
            </li>
        }
    });
    let close = {
        let (closed, report) = (closed.clone(), p.report.clone());
        Callback::from(move |_: MouseEvent| closed.set(report.clone()))
    };
    html! {
        <section class="ld-banner ld-merge-panel" aria-labelledby="ld-merge-title">
            <h2 id="ld-merge-title" tabindex="-1">{ l(&FilesText::MergeTitle) }</h2>
            if !w.disagreements.is_empty() {
                <p>{ l(&FilesText::DiffersIntro) }</p>
                <ul class="ld-merge-diffs">{ for differences }</ul>
            }
            if show_restorable {
                <p>{ l(&FilesText::DeletedIntro) }</p>
                <ul class="ld-merge-deleted-list">{ for restore_list }</ul>
                <button type="button" class="ld-button ld-quiet" onclick={close}>{ l(&crate::i18n::CommonText::Close) }</button>
            }
        </section>
    }
}

/// A value of a [`Wording`] (as the domain writes it) in the user's words: a type's name, a
/// number of dots, or the name of the item an id refers to.
fn shown(w: &Workshop, about: &Wording, value: &str, lang: Lang) -> String {
    let unknown = || value.to_string();
    match about {
        Wording::SourceKind(_) => {
            SourceKind::try_from(value.to_string()).map_or_else(|_| unknown(), |k| i18n::source_kind(k, lang).into())
        }
        Wording::PrincipleKind(_) => PrincipleKind::try_from(value.to_string())
            .map_or_else(|_| unknown(), |k| i18n::principle_kind(k, lang).into()),
        Wording::Dots { .. } => value.parse().map_or_else(|_| unknown(), |n| i18n::dots(n, lang)),
        _ if value.is_empty() => FilesText::NoValue.get(lang).to_string(),
        _ => Id::parse(value).and_then(|id| w.label(&id)).unwrap_or_else(unknown),
    }
}
