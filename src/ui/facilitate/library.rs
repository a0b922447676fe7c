//! The inspiration library in Collect: browse and search published principle sets, and take
//! one over as a card under a source (kind *Bron*) named after the owner and year.
//!
//! The search is the library's literal one, run here; where that finds nothing, the search by
//! other word forms and the same idea in other words (`library::normalised`) runs in the
//! suggestion module, which this panel starts fetching when it opens, beside the library itself.
//! While the module loads the panel says it is still searching; if it cannot load, it says that
//! searching by other word forms is not possible now, and the literal search works as always.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::i18n::FacilitateText;
use crate::library::{self, Hit, Library, Unavailable};
use crate::ui::platform::{self, new_id};
use crate::ui::suggest_panel;
use crate::ui::{use_ctx, Ctx, Msg, Shared};
use crate::workshop::{Action, SourceKind, Stage, Workshop};

#[derive(Properties, PartialEq)]
pub struct LibraryPanelProps {
    pub workshop: Shared,
}

/// A closed panel until asked for: the library is fetched only then.
#[function_component(LibraryPanel)]
pub fn library_panel(p: &LibraryPanelProps) -> Html {
    let ctx = use_ctx();
    let open = use_state(|| false);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    html! {
        <section class="ld-card-box ld-library" aria-labelledby="ld-library-h">
            <div class="ld-library-head">
                <h3 id="ld-library-h">{ ctx.t(FacilitateText::Library) }</h3>
                <button type="button" class="ld-button" aria-expanded={(*open).to_string()} aria-controls="ld-library-body"
                    onclick={toggle}>
                    { ctx.t(if *open { FacilitateText::LibraryClose } else { FacilitateText::LibraryOpen }) }
                </button>
            </div>
            if *open {
                <LibraryBody workshop={p.workshop.clone()} />
            }
        </section>
    }
}

thread_local! {
    /// The library once fetched, kept for the rest of the visit: opening it again asks the
    /// network nothing, so it keeps working offline.
    static FETCHED: RefCell<Option<Rc<Library>>> = const { RefCell::new(None) };
}

/// Where the library is for the panel.
#[derive(Clone)]
enum Load {
    Loading,
    Ready(Rc<Library>),
    Failed(Unavailable),
}

/// Fetches [`library::FILE`] once per visit; `done` gets the library or why it is not there.
/// A failed fetch is not kept, so "try again" (or opening the panel again) asks once more.
fn load(done: impl FnOnce(Result<Rc<Library>, Unavailable>) + 'static) {
    if let Some(lib) = FETCHED.with(|f| f.borrow().clone()) {
        done(Ok(lib));
        return;
    }
    yew::platform::spawn_local(async move {
        let text = fetch_text(&platform::asset_url(library::FILE)).await;
        let result = library::from_fetched(text.as_deref()).map(Rc::new);
        if let Ok(lib) = &result {
            FETCHED.with(|f| *f.borrow_mut() = Some(lib.clone()));
        }
        done(result);
    });
}

/// The text at `url` (same origin, so the CSP's `default-src 'self'` allows it), or `None`
/// when there is no answer or not a good one (offline, server gone, not found).
async fn fetch_text(url: &str) -> Option<String> {
    use wasm_bindgen_futures::JsFuture;
    let response = JsFuture::from(web_sys::window()?.fetch_with_str(url)).await.ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?).await.ok()?.as_string()
}

/// Where the suggestion module is for the search by other word forms.
#[derive(Clone, Copy, PartialEq)]
enum Forms {
    Loading,
    Ready,
    Failed,
}

#[function_component(LibraryBody)]
fn library_body(p: &LibraryPanelProps) -> Html {
    let ctx = use_ctx();
    let query = use_state(String::new);
    let state = use_state(|| FETCHED.with(|f| f.borrow().clone()).map_or(Load::Loading, Load::Ready));
    let forms = use_state(|| if suggest_panel::module_ready() { Forms::Ready } else { Forms::Loading });
    // Counts the attempts, so "try again" starts a new fetch (of the library and of the module).
    let attempt = use_state(|| 0u32);
    {
        let (state, forms) = (state.clone(), forms.clone());
        use_effect_with(*attempt, move |_| {
            if matches!(*state, Load::Loading) {
                load(move |result| state.set(result.map_or_else(Load::Failed, Load::Ready)));
            }
            // The module in parallel with the library: asked only when the literal search
            // finds nothing, but then it is (nearly) there.
            if *forms != Forms::Ready {
                if *forms == Forms::Failed {
                    forms.set(Forms::Loading);
                }
                suggest_panel::load_module(Callback::from(move |loaded| {
                    forms.set(if loaded { Forms::Ready } else { Forms::Failed })
                }));
            }
        });
    }
    let lib = match &*state {
        Load::Ready(lib) => lib.clone(),
        Load::Loading => {
            return html! {
                <p id="ld-library-body" class="ld-hint" role="status">{ ctx.t(FacilitateText::LibraryLoading) }</p>
            };
        }
        Load::Failed(why) => {
            let retry = {
                let (state, attempt) = (state.clone(), attempt.clone());
                Callback::from(move |_| {
                    state.set(Load::Loading);
                    attempt.set(*attempt + 1);
                })
            };
            let text = match why {
                Unavailable::Unreachable => FacilitateText::LibraryOffline,
                Unavailable::Broken => FacilitateText::LibraryBroken,
            };
            return html! {
                <div id="ld-library-body" class="ld-library-body">
                    <p class="ld-notice ld-notice-error" role="alert">{ ctx.t(text) }</p>
                    <button type="button" class="ld-button" onclick={retry}>{ ctx.t(FacilitateText::LibraryRetry) }</button>
                </div>
            };
        }
    };
    // The literal search here; where it finds nothing, the module's search by other word forms.
    let literal = lib.search_words(&query);
    let (hits, forms_note) = if !literal.is_empty() || query.trim().is_empty() {
        (literal, None)
    } else {
        match *forms {
            Forms::Ready => match suggest_panel::library_search(&lib, &query) {
                Some(hits) => (hits, None),
                None => (literal, Some(FacilitateText::LibraryFormsUnavailable)),
            },
            Forms::Loading => (literal, Some(FacilitateText::LibrarySearching)),
            Forms::Failed => (literal, Some(FacilitateText::LibraryFormsUnavailable)),
        }
    };
    let locked = p.workshop.locks.contains(&Stage::Collect);
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| query.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().value()))
    };
    html! {
        <div id="ld-library-body" class="ld-library-body">
            <p class="ld-hint">{ ctx.t(FacilitateText::LibraryIntro) }</p>
            <div class="ld-field ld-library-search">
                <label for="ld-library-q">{ ctx.t(FacilitateText::LibrarySearch) }</label>
                <input id="ld-library-q" type="search" value={(*query).clone()} {oninput}
                    placeholder={ctx.t(FacilitateText::LibrarySearchHint)} aria-describedby="ld-library-count" autocomplete="off" />
            </div>
            <p id="ld-library-count" class="ld-library-count" role="status">
                { match forms_note {
                    Some(note) => ctx.t(note).to_string(),
                    None if hits.is_empty() => ctx.t(FacilitateText::NoHits).to_string(),
                    None => FacilitateText::hits(hits.len(), ctx.lang),
                } }
            </p>
            if locked {
                <p class="ld-notice">{ ctx.t(FacilitateText::LibraryLocked) }</p>
            }
            <ul class="ld-library-list">
                { for hits.iter().map(|&hit| library_item(&ctx, &lib, hit, &p.workshop, locked)) }
            </ul>
        </div>
    }
}

/// The source a library set's cards go under, if it is already in the workshop.
fn existing_source<'a>(w: &'a Workshop, title: &str) -> Option<&'a crate::workshop::Source> {
    w.sources.iter().find(|s| s.kind == SourceKind::Data && s.title == title)
}

/// One principle of the library, with its source and the button that takes it over. A plain
/// function, not a component: it has no state of its own, and each component costs code.
fn library_item(ctx: &Ctx, lib: &Rc<Library>, hit: Hit, workshop: &Shared, locked: bool) -> Html {
    let Some((set, entry)) = lib.get(hit) else { return html! {} };
    let source_title = set.source_title();
    let card_text = entry.card_text();
    let already = existing_source(workshop, &source_title)
        .is_some_and(|s| workshop.cards.iter().any(|c| c.source == s.id && c.text == card_text));
    let onclick = {
        let (ctx, w, lib) = (ctx.clone(), workshop.clone(), lib.clone());
        Callback::from(move |_| {
            let Some((set, entry)) = lib.get(hit) else { return };
            let title = set.source_title();
            let text = entry.card_text();
            if existing_source(&w, &title).is_some_and(|s| w.cards.iter().any(|c| c.source == s.id && c.text == text)) {
                return;
            }
            if locked {
                // Let the domain say why, in the same words as everywhere else.
                ctx.act(Action::AddCard { id: new_id("card"), source: new_id("src"), group: None, text });
                return;
            }
            let source = match existing_source(&w, &title) {
                Some(s) => s.id.clone(),
                None => {
                    let id = new_id("src");
                    ctx.act(Action::AddSource {
                        id: id.clone(),
                        kind: SourceKind::Data,
                        title: title.clone(),
                        notes: set.source_notes(),
                    });
                    id
                }
            };
            // "Added" only once the card is there; a refusal is told instead.
            let action = Action::AddCard { id: new_id("card"), source, group: None, text };
            ctx.send(Msg::DoSay(action, FacilitateText::card_added(&title, ctx.lang), Callback::noop()));
        })
    };
    let year = set.year.map(|y| y.to_string()).unwrap_or_else(|| ctx.t(FacilitateText::NoYear).to_string());
    html! {
        <li class="ld-library-item" key={format!("{}-{}", hit.set, hit.principle)} data-owner={set.owner.clone()}>
            <p class="ld-library-title">{ &entry.title }</p>
            if let Some(x) = &entry.explanation {
                <p class="ld-library-explanation">{ x }</p>
            }
            <p class="ld-library-meta">
                <span class="ld-kind ld-kind-data">{ &set.owner }</span>
                { format!(" {year} · ") }
                <a href={set.source.clone()} target="_blank" rel="noopener noreferrer"
                    aria-label={format!("{}: {} {}", ctx.t(FacilitateText::SourceLink), set.owner, ctx.t(FacilitateText::OpensNewTab))}>
                    { ctx.t(FacilitateText::SourceLink) }
                </a>
            </p>
            // Stays a focusable button once added, so keyboard focus is not lost.
            <button type="button" class={classes!("ld-button", "ld-small", if already { "ld-quiet" } else { "ld-primary" })}
                aria-disabled={already.then_some("true")}
                aria-label={format!("{}: {}", ctx.t(if already { FacilitateText::AlreadyCard } else { FacilitateText::AddAsCard }), entry.title)}
                {onclick}>
                { if already { format!("✓ {}", ctx.t(FacilitateText::AlreadyCard)) } else { ctx.t(FacilitateText::AddAsCard).to_string() } }
            </button>
        </li>
    }
}
