//! The inspiration library in Collect: browse and search published principle sets, and take
//! one over as a card under a source (kind *Bron*) named after the owner and year.

use yew::prelude::*;

use super::FText;
use crate::i18n::F;
use crate::library::{Hit, Library};
use crate::ui::platform::new_id;
use crate::ui::{use_ctx, Msg, Shared};
use crate::workshop::{Action, SourceKind, Stage, Workshop};

#[derive(Properties, PartialEq)]
pub struct LibraryPanelProps {
    pub workshop: Shared,
}

/// A closed panel until asked for: the library is parsed only then.
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
                <h3 id="ld-library-h">{ ctx.t_f(F::Library) }</h3>
                <button type="button" class="ld-button" aria-expanded={(*open).to_string()} aria-controls="ld-library-body"
                    onclick={toggle}>
                    { ctx.t_f(if *open { F::LibraryClose } else { F::LibraryOpen }) }
                </button>
            </div>
            if *open {
                <LibraryBody workshop={p.workshop.clone()} />
            }
        </section>
    }
}

#[function_component(LibraryBody)]
fn library_body(p: &LibraryPanelProps) -> Html {
    let ctx = use_ctx();
    let query = use_state(String::new);
    let Some(lib) = Library::bundled() else {
        return html! { <p id="ld-library-body" class="ld-notice ld-notice-error">{ ctx.t_f(F::LibraryBroken) }</p> };
    };
    let hits = lib.search(&query);
    let locked = p.workshop.locks.contains(&Stage::Collect);
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| query.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().value()))
    };
    html! {
        <div id="ld-library-body" class="ld-library-body">
            <p class="ld-hint">{ ctx.t_f(F::LibraryIntro) }</p>
            <div class="ld-field ld-library-search">
                <label for="ld-library-q">{ ctx.t_f(F::LibrarySearch) }</label>
                <input id="ld-library-q" type="search" value={(*query).clone()} {oninput}
                    placeholder={ctx.t_f(F::LibrarySearchHint)} aria-describedby="ld-library-count" autocomplete="off" />
            </div>
            <p id="ld-library-count" class="ld-library-count" role="status">
                { if hits.is_empty() { ctx.t_f(F::NoHits).to_string() } else { F::hits(hits.len(), ctx.lang) } }
            </p>
            if locked {
                <p class="ld-notice">{ ctx.t_f(F::LibraryLocked) }</p>
            }
            <ul class="ld-library-list">
                { for hits.iter().map(|h| html! {
                    <LibraryItem key={format!("{}-{}", h.set, h.principle)} hit={*h} workshop={p.workshop.clone()} {locked} />
                }) }
            </ul>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ItemProps {
    hit: Hit,
    workshop: Shared,
    locked: bool,
}

/// The source a library set's cards go under, if it is already in the workshop.
fn existing_source<'a>(w: &'a Workshop, title: &str) -> Option<&'a crate::workshop::Source> {
    w.sources.iter().find(|s| s.kind == SourceKind::Data && s.title == title)
}

#[function_component(LibraryItem)]
fn library_item(p: &ItemProps) -> Html {
    let ctx = use_ctx();
    let Some((set, entry)) = Library::bundled().and_then(|lib| lib.get(p.hit)) else { return html! {} };
    let source_title = set.source_title();
    let card_text = entry.card_text();
    let already = existing_source(&p.workshop, &source_title)
        .is_some_and(|s| p.workshop.cards.iter().any(|c| c.source == s.id && c.text == card_text));
    let onclick = {
        let (ctx, w, hit, locked) = (ctx.clone(), p.workshop.clone(), p.hit, p.locked);
        Callback::from(move |_| {
            let Some((set, entry)) = Library::bundled().and_then(|lib| lib.get(hit)) else { return };
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
            ctx.act(Action::AddCard { id: new_id("card"), source, group: None, text });
            ctx.send(Msg::Say(F::card_added(&title, ctx.lang)));
        })
    };
    let year = set.year.map(|y| y.to_string()).unwrap_or_else(|| ctx.t_f(F::NoYear).to_string());
    html! {
        <li class="ld-library-item" data-owner={set.owner.clone()}>
            <p class="ld-library-title">{ &entry.title }</p>
            if let Some(x) = &entry.explanation {
                <p class="ld-library-explanation">{ x }</p>
            }
            <p class="ld-library-meta">
                <span class="ld-kind ld-kind-data">{ &set.owner }</span>
                { format!(" {year} · ") }
                <a href={set.source.clone()} target="_blank" rel="noopener noreferrer"
                    aria-label={format!("{}: {} {}", ctx.t_f(F::SourceLink), set.owner, ctx.t_f(F::OpensNewTab))}>
                    { ctx.t_f(F::SourceLink) }
                </a>
            </p>
            // Stays a focusable button once added, so keyboard focus is not lost.
            <button type="button" class={classes!("ld-button", "ld-small", if already { "ld-quiet" } else { "ld-primary" })}
                aria-disabled={already.then_some("true")}
                aria-label={format!("{}: {}", ctx.t_f(if already { F::AlreadyCard } else { F::AddAsCard }), entry.title)}
                {onclick}>
                { if already { format!("✓ {}", ctx.t_f(F::AlreadyCard)) } else { ctx.t_f(F::AddAsCard).to_string() } }
            </button>
        </li>
    }
}
