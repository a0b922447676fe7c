//! The result split by group (dots and recognition), and the plain note when one group gave
//! more than half: on the Kiezen step after the reveal, and on the projector.

use yew::prelude::*;

use crate::i18n::{ChooseText, Lang};
use crate::workshop::{Dominance, Recognition, Tally, Workshop};

/// The table: a row per cluster, a column per group and one for voters without a group, and a
/// row of totals. Only a revealed result: the caller shows it after the reveal.
pub fn split_table(w: &Workshop, lang: Lang) -> Html {
    let split = w.split();
    let any_marks = !w.voting.marks.is_empty();
    let cell = |t: &Tally| {
        let marks = any_marks.then(|| Recognition::ALL.map(|l| t.of(l)));
        ChooseText::tally(t.dots, marks, lang)
    };
    let names = split
        .groups
        .iter()
        .map(|g| w.group(g).map(|g| g.name.clone()).unwrap_or_default())
        .chain(std::iter::once(ChooseText::NoGroup.get(lang).to_string()));
    html! {
        <div class="ld-table-wrap ld-split">
            <table class="ld-table">
                <caption>{ ChooseText::ByGroupTable.get(lang) }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ ChooseText::Clusters.get(lang) }</th>
                        { for names.map(|n| html! { <th scope="col">{ n }</th> }) }
                    </tr>
                </thead>
                <tbody>
                    { for split.rows.iter().map(|(c, cells)| html! {
                        <tr key={c.as_str()} data-cluster-id={c.to_string()}>
                            <th scope="row">{ w.cluster(c).map(|c| c.name.clone()).unwrap_or_default() }</th>
                            { for cells.iter().map(|t| html! { <td>{ cell(t) }</td> }) }
                        </tr>
                    }) }
                    <tr class="ld-split-total">
                        <th scope="row">{ ChooseText::Total.get(lang) }</th>
                        { for split.totals().iter().map(|t| html! { <td>{ cell(t) }</td> }) }
                    </tr>
                </tbody>
            </table>
        </div>
    }
}

/// The notes for a group that gave more than half of the dots or of the recognition answers;
/// nothing when no group did.
pub fn dominance_notes(w: &Workshop, lang: Lang) -> Html {
    let split = w.split();
    let note = |d: Option<Dominance>, in_dots: bool| match d {
        Some(d) => {
            let name = w.group(&d.group).map(|g| g.name.as_str()).unwrap_or_default();
            html! { <p class="ld-split-note">{ ChooseText::dominance(name, d.part, d.of, in_dots, lang) }</p> }
        }
        None => html! {},
    };
    html! {
        <>
            { note(split.dominant_in_dots(), true) }
            { note(split.dominant_in_marks(), false) }
        </>
    }
}
