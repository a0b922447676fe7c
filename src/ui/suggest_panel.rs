//! "Stel clusters voor": proposed groups for the cards not yet grouped, each with the shared
//! words that explain it. The user accepts (one undoable action) or rejects each group;
//! cards already in a cluster are never touched.
//!
//! The suggestions are computed by a wasm module of their own (`src/bin/suggest.rs`, built for
//! speed; this page is built for size), fetched from beside `boot.js` the first time they are
//! asked for and kept for the visit. While it loads the panel says so; if it cannot load
//! (offline before first use, file missing) the panel says that, and the board works by hand.

use std::cell::Cell;
use std::collections::BTreeSet;

use wasm_bindgen::prelude::*;
use yew::prelude::*;

use super::platform::{self, new_id};
use super::{use_ctx, Shared};
use crate::i18n::{self, ClusterText, CommonText};
use crate::library::{self, Hit, Library};
use crate::suggest::{wire, Suggested};
use crate::workshop::{limits, Action, Id};

/// One proposed group as shown: its cards and the words that explain it.
#[derive(Clone, Debug, PartialEq)]
struct Proposal {
    key: usize,
    cards: Vec<(Id, String)>,
    terms: Vec<String>,
    /// Per card (by id): the other proposal's words it also fits ("past ook bij ...").
    also: Vec<(Id, String)>,
}

#[derive(Properties, PartialEq)]
pub struct SuggestProps {
    pub workshop: Shared,
}

// The suggestion module's JS glue, imported when first needed (`import()` of a same-origin
// script: the CSP's `script-src 'self'` allows it). The build bundles this snippet into the
// page's own JS glue, so it costs no request of its own. One fetch at a time, shared by the
// board's panel, Collect and the inspiration library; after a failure the next ask tries again.
#[wasm_bindgen(inline_js = "let m, p;\
export function ld_suggest_load(glue, wasm) {\
  if (!p) {\
    p = import(glue).then((g) => g.default({ module_or_path: wasm }).then(() => { m = g; }));\
    p.catch(() => { p = undefined; });\
  }\
  return p;\
}\
export function ld_suggest_run(texts, lens) { return m.suggest(texts, lens); }\
export function ld_similar_index(texts, lens) { m.similar_index(texts, lens); }\
export function ld_similar_query(typed) { return m.similar_query(typed); }\
export function ld_library_index(texts, lens) { m.library_index(texts, lens); }\
export function ld_library_search(query) { return m.library_search(query); }")]
extern "C" {
    fn ld_suggest_load(glue: &str, wasm: &str) -> js_sys::Promise;
    #[wasm_bindgen(catch)]
    fn ld_suggest_run(texts: &str, lens: &[u32]) -> Result<String, JsValue>;
    #[wasm_bindgen(catch)]
    fn ld_similar_index(texts: &str, lens: &[u32]) -> Result<(), JsValue>;
    #[wasm_bindgen(catch)]
    fn ld_similar_query(typed: &str) -> Result<Vec<u32>, JsValue>;
    #[wasm_bindgen(catch)]
    fn ld_library_index(texts: &str, lens: &[u32]) -> Result<(), JsValue>;
    #[wasm_bindgen(catch)]
    fn ld_library_search(query: &str) -> Result<Vec<u32>, JsValue>;
}

/// The suggestion module's files, as `scripts/build.sh` names them in `dist/`.
const MODULE_GLUE: &str = "leidraad-suggest.js";
const MODULE_WASM: &str = "leidraad-suggest_bg.wasm";

thread_local! {
    /// Whether the suggestion module is loaded (it stays for the visit).
    static MODULE_READY: Cell<bool> = const { Cell::new(false) };
    /// Which cards the module has indexed for "looks like" (see [`looks_like`]; 0: none yet).
    static INDEXED: Cell<u32> = const { Cell::new(0) };
    /// Whether the module has indexed the inspiration library (see [`library_search`]).
    static LIBRARY_INDEXED: Cell<bool> = const { Cell::new(false) };
}

/// Whether the suggestion module is loaded.
pub(crate) fn module_ready() -> bool {
    MODULE_READY.with(Cell::get)
}

/// Loads the suggestion module from beside `boot.js`, once for the visit (callers at the same
/// time share one fetch), then tells `done` whether it is there. A failure is the caller's to
/// show, or not. (A callback, not an `async fn`: one future in the wasm for both callers.)
pub(crate) fn load_module(done: Callback<bool>) {
    if module_ready() {
        done.emit(true);
        return;
    }
    yew::platform::spawn_local(async move {
        let loaded = wasm_bindgen_futures::JsFuture::from(ld_suggest_load(
            &platform::asset_url(MODULE_GLUE),
            &platform::asset_url(MODULE_WASM),
        ))
        .await
        .is_ok();
        if loaded {
            MODULE_READY.with(|r| r.set(true));
        }
        done.emit(loaded);
    });
}

/// Collect's "looks like a card already there": the cards like `typed`, (index in `texts`,
/// similarity) best first, as `SimilarIndex::query` gives them, computed by the loaded module.
/// `cards` names the cards' version (a new number for every change of them); only when it is
/// not the one indexed are `texts` sent to be indexed again. Nothing while the module is not
/// loaded, or if it fails: the hint then just does not show.
pub(crate) fn looks_like<'a>(cards: u32, texts: impl FnOnce() -> Vec<&'a str>, typed: &str) -> Vec<(usize, f32)> {
    if !module_ready() {
        return Vec::new();
    }
    if INDEXED.with(Cell::get) != cards {
        let (all, lens) = wire::encode_texts(&texts());
        if ld_similar_index(&all, &lens).is_err() {
            return Vec::new();
        }
        INDEXED.with(|i| i.set(cards));
    }
    ld_similar_query(typed).map(|a| wire::decode_similar(&a)).unwrap_or_default()
}

/// The inspiration library's search by other word forms and the same idea in other words
/// (`library::normalised`), computed by the loaded module: the library's principles found, best
/// first, as `Library::search_normalised` gives them. The library is sent to be indexed the
/// first time (it does not change during a visit). `None` while the module is not loaded, or if
/// it fails.
pub(crate) fn library_search(lib: &Library, query: &str) -> Option<Vec<Hit>> {
    if !module_ready() {
        return None;
    }
    if !LIBRARY_INDEXED.with(Cell::get) {
        let (all, lens) = library::wire::texts(lib);
        ld_library_index(&all, &lens).ok()?;
        LIBRARY_INDEXED.with(|i| i.set(true));
    }
    ld_library_search(query).ok().map(|a| library::wire::decode(lib, &a))
}

/// Where the suggestion module is loading, as the panel shows it.
#[derive(Clone, Copy, PartialEq)]
enum Load {
    /// Not asked for yet, or loaded.
    Idle,
    Loading,
    /// The last attempt failed: the panel says so; asking again tries again.
    Failed,
}

/// The suggestions for `texts` from the loaded module: the whole call across the two modules
/// (writing the texts, the call, reading the answer). `None` if the module failed.
fn suggest_in_module(texts: &[&str]) -> Option<Suggested> {
    let (all, lens) = wire::encode_texts(texts);
    wire::decode_answer(&ld_suggest_run(&all, &lens).ok()?)
}

fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or(0.0)
}

/// A name from the explaining words: the first term with a capital, cut to the limit.
/// The capital comes from the browser's `toUpperCase` (the same Unicode mapping as Rust's
/// `char::to_uppercase`), so the wasm does not carry Rust's uppercase tables (about 13 KB)
/// for this one letter.
fn proposed_name(terms: &[String], fallback: &str) -> String {
    let first = terms.first().map(String::as_str).unwrap_or(fallback);
    let mut chars = first.chars();
    let name: String = match chars.next() {
        Some(c) => {
            let capital: String = js_sys::JsString::from(c).to_upper_case().into();
            capital + chars.as_str()
        }
        None => fallback.to_string(),
    };
    name.chars().take(limits::CLUSTER).collect()
}

/// The suggestion panel on the board.
#[function_component(SuggestPanel)]
pub fn suggest_panel(p: &SuggestProps) -> Html {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let proposals = use_state(|| None::<(Vec<Proposal>, u64)>);
    // Set when the board had more loose cards than suggestions are made for: (cards, max).
    let refused = use_state(|| None::<(usize, usize)>);
    // Counts suggestion runs, so a benchmark can tell one run's timing from the next.
    let runs = use_mut_ref(|| 0u32);
    // Whether the last run proposed anything, so an emptied list says "no new suggestions".
    let had_any = use_mut_ref(|| false);
    let names = use_state(std::collections::HashMap::<usize, String>::new);

    let load = use_state(|| Load::Idle);
    // The first fetch of the module, in hundredths of a millisecond (reported apart).
    let load_ms = use_mut_ref(|| None::<u64>);

    // Computes the suggestions for the board's loose cards with the loaded module.
    let run = {
        let (w, proposals, names, runs, had_any, refused, load) = (
            p.workshop.clone(),
            proposals.clone(),
            names.clone(),
            runs.clone(),
            had_any.clone(),
            refused.clone(),
            load.clone(),
        );
        std::rc::Rc::new(move || {
            let loose: Vec<(&Id, &str)> =
                w.cards.iter().filter(|c| c.cluster.is_none()).map(|c| (&c.id, c.text.as_str())).collect();
            let texts: Vec<&str> = loose.iter().map(|(_, t)| *t).collect();
            let t0 = now_ms();
            let Some(suggested) = suggest_in_module(&texts) else {
                load.set(Load::Failed);
                return;
            };
            // In hundredths of a millisecond: shown without float formatting, which is large in wasm.
            let ms = ((now_ms() - t0).max(0.0) * 100.0 + 0.5) as u64;
            *runs.borrow_mut() += 1;
            let groups = match suggested {
                Suggested::Groups(groups) => {
                    refused.set(None);
                    groups
                }
                Suggested::TooManyCards { cards, max } => {
                    refused.set(Some((cards, max)));
                    Vec::new()
                }
            };
            let list: Vec<Proposal> = groups
                .into_iter()
                .filter(|g| g.members.len() >= 2)
                .enumerate()
                .map(|(key, g)| Proposal {
                    key,
                    cards: g
                        .members
                        .iter()
                        .filter_map(|&i| loose.get(i))
                        .map(|(id, t)| ((*id).clone(), t.to_string()))
                        .collect(),
                    terms: g.shared_terms,
                    also: g
                        .also_fits
                        .iter()
                        .filter_map(|a| loose.get(a.card).map(|(id, _)| ((*id).clone(), a.terms.join(", "))))
                        .collect(),
                })
                .collect();
            *had_any.borrow_mut() = !list.is_empty();
            names.set(
                list.iter().map(|pr| (pr.key, proposed_name(&pr.terms, ClusterText::NewCluster.get(lang)))).collect(),
            );
            load.set(Load::Idle);
            proposals.set(Some((list, ms)));
        })
    };

    let on_suggest = {
        let (load, load_ms) = (load.clone(), load_ms.clone());
        Callback::from(move |_| {
            if module_ready() {
                run();
                return;
            }
            if *load == Load::Loading {
                return;
            }
            load.set(Load::Loading);
            let (run, load, load_ms) = (run.clone(), load.clone(), load_ms.clone());
            let t0 = now_ms();
            load_module(Callback::from(move |loaded| {
                if loaded {
                    *load_ms.borrow_mut() = Some(((now_ms() - t0).max(0.0) * 100.0 + 0.5) as u64);
                    run();
                } else {
                    load.set(Load::Failed);
                }
            }));
        })
    };
    let status = match *load {
        Load::Idle => html! {},
        Load::Loading => {
            html! { <p class="ld-hint" role="status" data-suggest="loading">{ ctx.t(ClusterText::SuggestLoading) }</p> }
        }
        Load::Failed => {
            html! { <p class="ld-empty" role="alert" data-suggest="unavailable">{ ctx.t(ClusterText::SuggestUnavailable) }</p> }
        }
    };

    let Some((list, ms)) = (*proposals).clone() else {
        return html! {
            <div class="ld-suggest">
                <button type="button" class="ld-button" onclick={on_suggest}>{ ctx.t(ClusterText::SuggestClusters) }</button>
                <span class="ld-hint">{ ctx.t(ClusterText::SuggestHelp) }</span>
                { status }
            </div>
        };
    };
    // Cards that were grouped meanwhile (by hand or an accepted group) leave the proposals.
    // `extend`, not `collect`: collecting into a BTreeSet sorts first, a copy of the sort in the wasm.
    // Owned ids, not `&Id`: the board keeps a `BTreeSet<Id>` too, and one key type is one copy
    // of the tree's code in the wasm.
    let mut still_loose: BTreeSet<Id> = BTreeSet::new();
    still_loose.extend(p.workshop.cards.iter().filter(|c| c.cluster.is_none()).map(|c| c.id.clone()));
    let visible: Vec<Proposal> = list
        .iter()
        .map(|pr| Proposal {
            cards: pr.cards.iter().filter(|(id, _)| still_loose.contains(id)).cloned().collect(),
            ..pr.clone()
        })
        .filter(|pr| pr.cards.len() >= 2)
        .collect();
    let close = {
        let proposals = proposals.clone();
        Callback::from(move |_| proposals.set(None))
    };
    html! {
        <section class="ld-suggest ld-card-box" aria-labelledby="ld-suggest-h" data-ms={format!("{}.{:02}", ms / 100, ms % 100)} data-run={runs.borrow().to_string()}
            data-load-ms={load_ms.borrow().map(|ms| format!("{}.{:02}", ms / 100, ms % 100))}>
            <div class="ld-row">
                <h3 id="ld-suggest-h">{ ctx.t(ClusterText::Suggestions) }</h3>
                <button type="button" class="ld-button ld-quiet ld-small" onclick={on_suggest}>{ ctx.t(ClusterText::SuggestAgain) }</button>
                <button type="button" class="ld-button ld-quiet ld-small" onclick={close}>{ ctx.t(CommonText::Close) }</button>
            </div>
            <p class="ld-hint">{ ctx.t(ClusterText::SuggestExplain) }</p>
            { status }
            if let Some((cards, max)) = *refused {
                <p class="ld-empty" data-refused="too-many">{ i18n::too_many_loose_cards(cards, max, lang) }</p>
            } else if visible.is_empty() {
                <p class="ld-empty">{ ctx.t(if *had_any.borrow() { ClusterText::NoMoreSuggestions } else { ClusterText::NoSuggestions }) }</p>
            }
            <ol class="ld-proposals">
            { for visible.iter().map(|pr| {
                let key = pr.key;
                let name = names.get(&key).cloned().unwrap_or_default();
                let input_id = format!("ld-proposal-{key}");
                let accept = {
                    let (ctx, names, cards) = (ctx.clone(), names.clone(), pr.cards.iter().map(|(id, _)| id.clone()).collect::<Vec<_>>());
                    Callback::from(move |e: SubmitEvent| {
                        e.prevent_default();
                        let name = names.get(&key).cloned().unwrap_or_default();
                        ctx.act(Action::AcceptSuggestion { id: new_id("cl"), name, cards: cards.clone() });
                    })
                };
                let reject = {
                    let proposals = proposals.clone();
                    Callback::from(move |_| {
                        if let Some((list, ms)) = (*proposals).clone() {
                            proposals.set(Some((list.into_iter().filter(|x| x.key != key).collect(), ms)));
                        }
                    })
                };
                let on_name = {
                    let names = names.clone();
                    Callback::from(move |e: InputEvent| {
                        let mut n = (*names).clone();
                        n.insert(key, e.target_unchecked_into::<web_sys::HtmlInputElement>().value());
                        names.set(n);
                    })
                };
                html! {
                    <li key={key} class="ld-proposal">
                        <form onsubmit={accept}>
                            <p class="ld-why"><strong>{ ctx.t(ClusterText::SharedWords) }</strong>{ " " }{ pr.terms.join(", ") }</p>
                            <ul class="ld-proposal-cards">
                                { for pr.cards.iter().map(|(id, text)| {
                                    let also = pr.also.iter().find(|a| &a.0 == id).map(|a| a.1.clone());
                                    html! { <li key={id.as_str()}>{ text }{ for also.map(|a| html! {
                                        <span class="ld-hint ld-also">{ " " }{ ctx.t(ClusterText::AlsoFits) }{ " " }{ a }</span>
                                    }) }</li> }
                                }) }
                            </ul>
                            <div class="ld-row ld-row-end">
                                <div class="ld-field">
                                    <label for={input_id.clone()}>{ ctx.t(ClusterText::ClusterName) }</label>
                                    <input id={input_id} type="text" value={name} oninput={on_name} maxlength={limits::CLUSTER.to_string()} />
                                </div>
                                <button type="submit" class="ld-button ld-primary">{ i18n::make_cluster_of(pr.cards.len(), lang) }</button>
                                <button type="button" class="ld-button ld-quiet" onclick={reject}>{ ctx.t(ClusterText::Reject) }</button>
                            </div>
                        </form>
                    </li>
                }
            }) }
            </ol>
        </section>
    }
}
