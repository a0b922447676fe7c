//! Dragging a card with mouse, pen or touch (pointer events). The drag itself lives outside
//! Yew state, so moving the card under the pointer re-renders nothing; only the drop is told
//! to the board, as the card and the [`Target`] under the pointer. The handlers sit on the
//! board, not on each card: a board of thousands of cards carries four listeners, not 4,000s.
//!
//! Drop zones are the board's columns, marked `data-drop` with [`Target::drop_name`] (the
//! cluster id), so a drop names a cluster, never a column position.
//!
//! Near the window's edges the page scrolls while the card is held (mouse and touch alike), so
//! a cluster off screen can be reached; the card moves along and stays under the pointer. While
//! the page scrolls, the clusters slide under a pointer that stands still: a drop then lands
//! nowhere (the card goes back), so it never lands in a cluster the user did not point at.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Interval;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use super::carry::Target;
use crate::workshop::Id;

/// How far (in CSS pixels, squared) the pointer must move before a press becomes a drag, so a
/// click on the card still ticks or focuses.
const DRAG_START: i32 = 36;
/// How close (CSS pixels) to a window edge the pointer scrolls the page while dragging.
const EDGE: f64 = 48.0;
/// How far the page scrolls per tick at the very edge (less further in).
const SCROLL_STEP: f64 = 24.0;
/// Milliseconds between two scroll steps (about one frame).
const SCROLL_TICK: u32 = 16;

/// A pointer drag in progress.
struct Drag {
    pointer: i32,
    card: Id,
    /// Where the press was, in page coordinates (so a scrolled page keeps the card under the pointer).
    start: (f64, f64),
    /// Where the pointer is now, in window coordinates.
    at: (f64, f64),
    active: bool,
    element: HtmlElement,
    /// The translation the card has now.
    shift: (f64, f64),
    over: Option<Element>,
    /// Scrolls the page while the pointer is near an edge; dropped (stopped) when it leaves.
    scroller: Option<Interval>,
    /// Whether the last scroll step moved the page: a drop then lands nowhere.
    scrolling: bool,
}

impl Drag {
    /// Moves the card with the pointer, kept inside the window, and marks the zone under the
    /// pointer (none while scrolling).
    fn follow(&mut self) {
        let (sx, sy) = scroll();
        let (width, height) = viewport();
        let r = self.element.get_bounding_client_rect();
        let (left, top) = (r.left() - self.shift.0, r.top() - self.shift.1);
        // Whole pixels (formatting an f64 would link in float printing, kilobytes of wasm),
        // rounded inwards at the window's edges so a card at a fractional position stays inside.
        let keep = |d: f64, start: f64, size: f64, room: f64| {
            d.round().min((room - size - start).floor()).max((-start).ceil())
        };
        let dx = keep(self.at.0 + sx - self.start.0, left, r.width(), width);
        let dy = keep(self.at.1 + sy - self.start.1, top, r.height(), height);
        let (x, y) = (dx as i32, dy as i32);
        self.shift = (f64::from(x), f64::from(y));
        let _ = self.element.style().set_property("transform", &format!("translate({x}px, {y}px)"));
        let over = if self.scrolling { None } else { drop_zone_at(self.at.0, self.at.1, &self.element) };
        if over != self.over {
            if let Some(old) = &self.over {
                let _ = old.remove_attribute("data-over");
            }
            if let Some(new) = &over {
                let _ = new.set_attribute("data-over", "");
            }
            self.over = over;
        }
    }
}

/// The window's scroll position.
fn scroll() -> (f64, f64) {
    web_sys::window().map(|w| (w.scroll_x().unwrap_or(0.0), w.scroll_y().unwrap_or(0.0))).unwrap_or((0.0, 0.0))
}

/// The window's inner width and height.
fn viewport() -> (f64, f64) {
    let Some(w) = web_sys::window() else { return (0.0, 0.0) };
    let size = |v: Result<wasm_bindgen::JsValue, _>| v.ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
    (size(w.inner_width()), size(w.inner_height()))
}

/// How far to scroll per tick for a pointer at `at`: towards the nearest edge within [`EDGE`].
fn edge_speed(at: (f64, f64)) -> (f64, f64) {
    let (width, height) = viewport();
    let axis = |pos: f64, len: f64| {
        if pos < EDGE {
            -SCROLL_STEP * (EDGE - pos.max(0.0)) / EDGE
        } else if pos > len - EDGE {
            SCROLL_STEP * (pos.min(len) - (len - EDGE)) / EDGE
        } else {
            0.0
        }
    };
    (axis(at.0, width), axis(at.1, height))
}

/// The pointer handlers of the board, for every card on it.
pub struct PointerDrag {
    /// Starts a possible drag (primary button, not on a control inside the card).
    pub down: Callback<PointerEvent>,
    /// Moves the card with the pointer and marks the drop zone under it.
    pub moved: Callback<PointerEvent>,
    /// Drops the card on the zone under the pointer.
    pub up: Callback<PointerEvent>,
    /// Puts the card back: the browser took the pointer (scrolling, a system gesture).
    pub cancel: Callback<PointerEvent>,
}

/// Makes the cards (`[data-card-id]`) inside the element these handlers are on draggable;
/// `on_drop` gets the card and the drop zone under the pointer (`None` outside every zone).
/// Drops after a plain click (no movement) are not reported.
#[hook]
pub fn use_pointer_drag(on_drop: Callback<(Id, Option<Target>)>) -> PointerDrag {
    let drag: Rc<RefCell<Option<Drag>>> = use_mut_ref(|| None);

    let down = {
        let drag = drag.clone();
        Callback::from(move |e: PointerEvent| {
            if e.button() != 0 || !e.is_primary() {
                return;
            }
            let target = e.target().and_then(|t| t.dyn_into::<Element>().ok());
            let on_control =
                target.as_ref().and_then(|t| t.closest("input, select, textarea, a, summary").ok().flatten()).is_some();
            if on_control {
                return;
            }
            let Some(el) = target.and_then(|t| t.closest("[data-card-id]").ok().flatten()) else { return };
            let Some(card) = el.get_attribute("data-card-id").and_then(|id| Id::parse(&id)) else { return };
            let Ok(el) = el.dyn_into::<HtmlElement>() else { return };
            let _ = el.set_pointer_capture(e.pointer_id());
            let (sx, sy) = scroll();
            let at = (f64::from(e.client_x()), f64::from(e.client_y()));
            *drag.borrow_mut() = Some(Drag {
                pointer: e.pointer_id(),
                card,
                start: (at.0 + sx, at.1 + sy),
                at,
                active: false,
                element: el,
                shift: (0.0, 0.0),
                over: None,
                scroller: None,
                scrolling: false,
            });
        })
    };
    let moved = {
        let drag = drag.clone();
        Callback::from(move |e: PointerEvent| {
            let mut guard = drag.borrow_mut();
            let Some(d) = guard.as_mut().filter(|d| d.pointer == e.pointer_id()) else { return };
            d.at = (f64::from(e.client_x()), f64::from(e.client_y()));
            let (sx, sy) = scroll();
            let (dx, dy) = (d.at.0 + sx - d.start.0, d.at.1 + sy - d.start.1);
            if !d.active && dx * dx + dy * dy < f64::from(DRAG_START) {
                return;
            }
            if !d.active {
                d.active = true;
                let _ = d.element.set_attribute("data-dragging", "");
                // Its column is drawn while the card is away from it (see board.css): marked
                // here, not found by a `:has()` rule, which would slow every change to the board.
                if let Ok(Some(column)) = d.element.closest("[data-drop]") {
                    let _ = column.set_attribute("data-drag-from", "");
                }
            }
            // No preventDefault: Yew listens passively; the grip's `touch-action: none` stops scrolling.
            let speed = edge_speed(d.at);
            if speed == (0.0, 0.0) {
                d.scroller = None;
                d.scrolling = false;
            } else if d.scroller.is_none() {
                let drag = drag.clone();
                d.scroller = Some(Interval::new(SCROLL_TICK, move || scroll_step(&drag)));
            }
            d.follow();
        })
    };
    let end = move |e: PointerEvent, dropped: bool| {
        // Release the borrow before the drag (and its scroller) is dropped.
        let taken = drag.borrow_mut().take();
        let Some(d) = taken.filter(|d| d.pointer == e.pointer_id()) else { return };
        let _ = d.element.style().remove_property("transform");
        let _ = d.element.remove_attribute("data-dragging");
        if let Ok(Some(column)) = d.element.closest("[data-drop]") {
            let _ = column.remove_attribute("data-drag-from");
        }
        if let Some(old) = &d.over {
            let _ = old.remove_attribute("data-over");
        }
        if d.active && dropped && !d.scrolling {
            let zone = drop_zone_at(f64::from(e.client_x()), f64::from(e.client_y()), &d.element)
                .and_then(|zone| zone.get_attribute("data-drop"))
                .and_then(|name| Target::from_drop_name(&name));
            on_drop.emit((d.card, zone));
        }
    };
    let up = {
        let end = end.clone();
        Callback::from(move |e: PointerEvent| end(e, true))
    };
    let cancel = Callback::from(move |e: PointerEvent| end(e, false));
    PointerDrag { down, moved, up, cancel }
}

/// One scroll step of a drag near an edge: scrolls the window, keeps the card under the pointer.
fn scroll_step(drag: &Rc<RefCell<Option<Drag>>>) {
    let Ok(mut guard) = drag.try_borrow_mut() else { return };
    let Some(d) = guard.as_mut() else { return };
    let Some(window) = web_sys::window() else { return };
    let (speed, before) = (edge_speed(d.at), scroll());
    window.scroll_by_with_x_and_y(speed.0.round(), speed.1.round());
    d.scrolling = scroll() != before;
    d.follow();
}

/// The drop zone under a point, looking past the dragged card itself.
fn drop_zone_at(x: f64, y: f64, dragged: &HtmlElement) -> Option<Element> {
    let doc = web_sys::window()?.document()?;
    let hits = doc.elements_from_point(x as f32, y as f32);
    hits.iter()
        .filter_map(|h| h.dyn_into::<Element>().ok())
        .filter(|el| !dragged.contains(Some(el)))
        .find_map(|el| el.closest("[data-drop]").ok().flatten())
}
