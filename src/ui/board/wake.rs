//! Which columns have their cards built. Opening Clusteren with thousands of cards would build
//! every card's grip, text, marks and tick box at once; a column starts asleep instead: each card
//! is a light stand-in (its grip and its text as plain text, at about the card's size), so the
//! page is as long as it will be, find-in-page finds every card and a screen reader reads them.
//! A column wakes, and builds its real cards, once it nears the window (one
//! `IntersectionObserver` for the board, 600 px ahead), when the focus enters it (Tab, or a
//! stand-in's grip: its focus moves to the real grip), and when a keyboard carry or a drop lands
//! a card in it. A column never falls asleep again. The board opens at its top, so its first
//! columns (up to [`FIRST`] cards) are awake from the start: building their stand-ins only to
//! replace them a frame later, once the observer has seen them, cost opening Clusteren a second
//! round of building and drawing.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;

use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// How far ahead of the window a column wakes (CSS margin of the observer's root).
const AHEAD: &str = "600px 600px";

/// How many cards the first columns may hold together to be awake when the board opens: about
/// what a window of 1366 x 768 shows of the board and the 600 px after it (a column too many
/// builds a few cards in vain; a column too few waits for the observer, as before).
pub const FIRST: usize = 160;

/// The columns awake, by drop name (`""`: the loose cards), shared with the observer's callback.
pub type Awake = Rc<RefCell<BTreeSet<String>>>;

/// The board's observer and the callback it calls (kept alive as long as the observer).
type Observer = (web_sys::IntersectionObserver, Closure<dyn FnMut(js_sys::Array, web_sys::IntersectionObserver)>);

/// What the board needs to keep its columns awake.
pub struct Wake {
    /// The columns awake now.
    pub awake: Awake,
    /// The board element: its asleep columns are observed.
    pub node: NodeRef,
    /// Re-renders the board (after the set of awake columns grew).
    pub refresh: Callback<()>,
    /// The observer, once the board is on the page.
    observer: Rc<RefCell<Option<Observer>>>,
    /// Whether the first columns were woken (on the board's first render).
    opened: Rc<RefCell<bool>>,
}

impl Wake {
    /// Whether the column named `drop` is awake.
    pub fn is_awake(&self, drop: &str) -> bool {
        self.awake.borrow().contains(drop)
    }

    /// On the board's first render only: wakes its first columns (by drop name, with how many
    /// cards each holds), in board order, while they hold [`FIRST`] cards together; the first
    /// column (the loose cards, at the top) always.
    pub fn wake_first(&self, columns: impl IntoIterator<Item = (String, usize)>) {
        if self.opened.replace(true) {
            return;
        }
        let mut awake = self.awake.borrow_mut();
        let mut cards = 0;
        for (i, (drop, n)) in columns.into_iter().enumerate() {
            cards += n;
            if i > 0 && cards > FIRST {
                break;
            }
            awake.insert(drop);
        }
    }
}

/// The board's set of awake columns and its observer (see [`use_observe_asleep`]): a column
/// nearing the window wakes and the board re-renders.
#[hook]
pub fn use_wake() -> Wake {
    let awake: Awake = use_mut_ref(BTreeSet::<String>::new);
    let node = use_node_ref();
    let force = use_force_update();
    let observer = use_mut_ref(|| None::<Observer>);
    let opened = use_mut_ref(|| false);
    {
        let (observer, awake, force) = (observer.clone(), awake.clone(), force.clone());
        use_effect_with((), move |_| {
            let callback = Closure::<dyn FnMut(js_sys::Array, web_sys::IntersectionObserver)>::new(
                move |entries: js_sys::Array, io: web_sys::IntersectionObserver| {
                    let mut woke = false;
                    for entry in entries.iter() {
                        let Ok(entry) = entry.dyn_into::<web_sys::IntersectionObserverEntry>() else { continue };
                        if !entry.is_intersecting() {
                            continue;
                        }
                        let target = entry.target();
                        io.unobserve(&target);
                        if let Some(drop) = target.get_attribute("data-drop") {
                            woke |= awake.borrow_mut().insert(drop);
                        }
                    }
                    if woke {
                        force.force_update();
                    }
                },
            );
            let init = web_sys::IntersectionObserverInit::new();
            init.set_root_margin(AHEAD);
            let made = web_sys::IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &init).ok();
            *observer.borrow_mut() = made.map(|io| (io, callback));
            move || {
                if let Some((io, _)) = observer.borrow_mut().take() {
                    io.disconnect();
                }
            }
        });
    }
    Wake { awake, node, refresh: Callback::from(move |()| force.force_update()), observer, opened }
}

/// After a render that changed which columns are asleep (`asleep`: their clusters, `None` for
/// the loose cards), the observer is given the columns asleep now (observing one twice does
/// nothing). Not after every render: finding and observing three hundred columns again took
/// about a tenth of a keyboard move on a board of 3,000 cards in 300 clusters.
#[hook]
pub fn use_observe_asleep(wake: &Wake, asleep: Vec<Option<crate::workshop::Id>>) {
    let (observer, node) = (wake.observer.clone(), wake.node.clone());
    use_effect_with(asleep, move |_| {
        let board = node.cast::<web_sys::Element>();
        if let (Some(board), Some((io, _))) = (board, observer.borrow().as_ref()) {
            if let Ok(asleep) = board.query_selector_all("[data-asleep]") {
                for i in 0..asleep.length() {
                    if let Some(el) = asleep.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                        io.observe(&el);
                    }
                }
            }
        }
    });
}
