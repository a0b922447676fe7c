//! The connection at the browser edge: one WebSocket to the room's server, its events turned
//! into messages for the page's reducer. It keeps no room state; `live::Client` (or a participant's `live::Seated`) does.

use std::cell::RefCell;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, WebSocket};
use yew::Callback;

use crate::live::ClientFrame;

/// What the socket tells the page.
#[derive(Clone, Debug, PartialEq)]
pub enum LinkEvent {
    /// The connection is open: say hello.
    Open,
    /// A frame from the server, as text.
    Frame(String),
    /// The connection closed or could not be made.
    Closed,
}

/// A socket event handler, kept alive as long as its socket.
type Handler = Closure<dyn FnMut(web_sys::Event)>;

/// One socket at a time, with the handlers that keep it talking to the page.
#[derive(Default)]
pub struct Link {
    socket: RefCell<Option<WebSocket>>,
    handlers: RefCell<Vec<Handler>>,
}

impl PartialEq for Link {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl std::fmt::Debug for Link {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Link")
    }
}

/// The room server's WebSocket address: the page's own host, `ws:` or `wss:` to match.
fn address() -> Option<String> {
    let location = web_sys::window()?.location();
    let scheme = if location.protocol().ok()? == "https:" { "wss" } else { "ws" };
    Some(format!("{scheme}://{}/live/ws", location.host().ok()?))
}

impl Link {
    /// Opens a new connection (closing any old one without telling the page); every event goes
    /// to `to_page`. When no socket can be made, the page hears `Closed` and tries again later.
    pub fn open(&self, to_page: Callback<LinkEvent>) {
        self.close();
        let Some(socket) = address().and_then(|a| WebSocket::new(&a).ok()) else {
            to_page.emit(LinkEvent::Closed);
            return;
        };
        let on = |event: LinkEvent| {
            let to_page = to_page.clone();
            Handler::new(move |_: web_sys::Event| to_page.emit(event.clone()))
        };
        let open = on(LinkEvent::Open);
        let closed = on(LinkEvent::Closed);
        let to_page = to_page.clone();
        let message = Handler::new(move |e: web_sys::Event| {
            if let Some(text) = e.dyn_ref::<MessageEvent>().and_then(|m| m.data().as_string()) {
                to_page.emit(LinkEvent::Frame(text));
            }
        });
        socket.set_onopen(Some(open.as_ref().unchecked_ref()));
        socket.set_onclose(Some(closed.as_ref().unchecked_ref()));
        socket.set_onmessage(Some(message.as_ref().unchecked_ref()));
        *self.handlers.borrow_mut() = vec![open, closed, message];
        *self.socket.borrow_mut() = Some(socket);
    }

    /// Sends a frame; `false` when the connection is not open (the step stays queued).
    pub fn send(&self, frame: &ClientFrame) -> bool {
        serde_json::to_string(frame).is_ok_and(|text| self.send_text(&text))
    }

    /// Sends a frame already written (the participant page writes its own few).
    pub fn send_text(&self, text: &str) -> bool {
        let socket = self.socket.borrow();
        let Some(socket) = socket.as_ref().filter(|s| s.ready_state() == WebSocket::OPEN) else { return false };
        socket.send_with_str(text).is_ok()
    }

    /// Closes the connection without telling the page.
    pub fn close(&self) {
        if let Some(old) = self.socket.borrow_mut().take() {
            old.set_onopen(None);
            old.set_onclose(None);
            old.set_onmessage(None);
            let _ = old.close();
        }
        self.handlers.borrow_mut().clear();
    }
}
