//! Dragging a card with mouse, pen or touch (pointer events). The drag itself lives outside
//! Yew state, so moving the card under the pointer re-renders nothing; only the drop is told
//! to the board, as the [`Target`] under the pointer.
//!
//! Drop zones are the board's columns, marked `data-drop` with [`Target::drop_name`] (the
//! cluster id), so a drop names a cluster, never a column position.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use super::carry::Target;

/// How far (in CSS pixels, squared) the pointer must move before a press becomes a drag, so a
/// click on the card still ticks or focuses.
const DRAG_START: i32 = 36;

/// A pointer drag in progress.
struct Drag {
    pointer: i32,
    start: (i32, i32),
    active: bool,
    element: HtmlElement,
    over: Option<Element>,
}

/// The pointer handlers for one draggable card.
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

/// Makes the element behind `node` draggable; `on_drop` gets the drop zone under the pointer
/// (`None` outside every zone). Drops after a plain click (no movement) are not reported.
#[hook]
pub fn use_pointer_drag(node: NodeRef, on_drop: Callback<Option<Target>>) -> PointerDrag {
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
            // Yew delegates events to the root, so `current_target` is not the card: use the ref.
            let Some(el) = node.cast::<HtmlElement>() else { return };
            let _ = el.set_pointer_capture(e.pointer_id());
            *drag.borrow_mut() = Some(Drag {
                pointer: e.pointer_id(),
                start: (e.client_x(), e.client_y()),
                active: false,
                element: el,
                over: None,
            });
        })
    };
    let moved = {
        let drag = drag.clone();
        Callback::from(move |e: PointerEvent| {
            let mut d = drag.borrow_mut();
            let Some(d) = d.as_mut().filter(|d| d.pointer == e.pointer_id()) else { return };
            let (dx, dy) = (e.client_x() - d.start.0, e.client_y() - d.start.1);
            if !d.active && dx * dx + dy * dy < DRAG_START {
                return;
            }
            if !d.active {
                d.active = true;
                let _ = d.element.set_attribute("data-dragging", "");
            }
            // No preventDefault: Yew listens passively; the grip's `touch-action: none` stops scrolling.
            let _ = d.element.style().set_property("transform", &format!("translate({dx}px, {dy}px)"));
            let over = drop_zone_at(e.client_x(), e.client_y(), &d.element);
            if over != d.over {
                if let Some(old) = &d.over {
                    let _ = old.remove_attribute("data-over");
                }
                if let Some(new) = &over {
                    let _ = new.set_attribute("data-over", "");
                }
                d.over = over;
            }
        })
    };
    let end = move |e: PointerEvent, dropped: bool| {
        let Some(d) = drag.borrow_mut().take().filter(|d| d.pointer == e.pointer_id()) else { return };
        let _ = d.element.style().remove_property("transform");
        let _ = d.element.remove_attribute("data-dragging");
        if let Some(old) = &d.over {
            let _ = old.remove_attribute("data-over");
        }
        if d.active && dropped {
            let zone = drop_zone_at(e.client_x(), e.client_y(), &d.element)
                .and_then(|zone| zone.get_attribute("data-drop"))
                .and_then(|name| Target::from_drop_name(&name));
            on_drop.emit(zone);
        }
    };
    let up = {
        let end = end.clone();
        Callback::from(move |e: PointerEvent| end(e, true))
    };
    let cancel = Callback::from(move |e: PointerEvent| end(e, false));
    PointerDrag { down, moved, up, cancel }
}

/// The drop zone under a point, looking past the dragged card itself.
fn drop_zone_at(x: i32, y: i32, dragged: &HtmlElement) -> Option<Element> {
    let doc = web_sys::window()?.document()?;
    let hits = doc.elements_from_point(x as f32, y as f32);
    hits.iter()
        .filter_map(|h| h.dyn_into::<Element>().ok())
        .filter(|el| !dragged.contains(Some(el)))
        .find_map(|el| el.closest("[data-drop]").ok().flatten())
}
