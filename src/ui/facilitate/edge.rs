//! The browser edge of facilitation: the BroadcastChannel between windows, the projector
//! window and flag, the clock, and the optional end-of-time tone. Nothing here leaves the laptop.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;

use super::clock::Timers;
use super::wire::{View, Wire, CHANNEL, TIMER_KEY, VIEW_KEY};
use crate::ui::platform;

/// The query parameter that opens the app page as the projector: `?leidraad=projector` (boot.js
/// starts the projector's own build for it, src/bin/projector.rs).
pub const PROJECTOR_QUERY: &str = "leidraad=projector";

/// Milliseconds since the epoch: the timer is computed from this, never from ticks.
pub fn now() -> f64 {
    if cfg!(not(target_arch = "wasm32")) {
        // Natively (tests, server-side rendering) time starts at zero: nothing is running.
        return 0.0;
    }
    js_sys::Date::now()
}

/// The address of the projector view: this page, without query or fragment, plus the flag.
pub fn projector_url() -> Option<String> {
    let href = web_sys::window()?.location().href().ok()?;
    let base = href.split(['?', '#']).next().unwrap_or(&href).to_string();
    Some(format!("{base}?{PROJECTOR_QUERY}"))
}

/// Opens the projector view in a new window; `false` when the browser blocked it.
pub fn open_projector() -> bool {
    let (Some(window), Some(url)) = (web_sys::window(), projector_url()) else { return false };
    matches!(window.open_with_url_and_target(&url, "leidraad-projector"), Ok(Some(_)))
}

/// Whether the projector's content is taller than the room it has on the screen (the
/// projector then makes its type smaller).
pub fn projector_overflows() -> bool {
    let main = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(".ld-projector .ld-proj-main").ok().flatten());
    main.is_some_and(|m| m.client_height() > 0 && m.scroll_height() > m.client_height() + 1)
}

/// Calls `on` with the window's size (width, height) whenever it changes; dropping the
/// listener stops it.
pub fn on_resize(on: impl Fn((i32, i32)) + 'static) -> Option<EventListener> {
    let window = web_sys::window()?;
    let target = window.clone();
    Some(EventListener::new(&target, "resize", move |_| {
        let px = |v: Result<wasm_bindgen::JsValue, _>| v.ok().and_then(|v| v.as_f64()).unwrap_or(0.0) as i32;
        on((px(window.inner_width()), px(window.inner_height())));
    }))
}

/// The channel between the working window and projector windows of this app on this laptop.
#[derive(Clone)]
pub struct Channel(web_sys::BroadcastChannel);

impl Channel {
    /// `None` in browsers without BroadcastChannel: the projector then shows what was saved.
    pub fn open() -> Option<Channel> {
        // Natively (tests, server-side rendering) there is no other window to talk to.
        if cfg!(not(target_arch = "wasm32")) {
            return None;
        }
        web_sys::BroadcastChannel::new(CHANNEL).ok().map(Channel)
    }

    /// Sends a message to every other window listening.
    pub fn post(&self, wire: &Wire) {
        let _ = self.0.post_message(&wire.to_json().into());
    }

    /// Calls `on` with every readable message; dropping the listener stops it.
    pub fn listen(&self, on: impl Fn(Wire) + 'static) -> EventListener {
        EventListener::new(&self.0, "message", move |e| {
            let text = e.dyn_ref::<web_sys::MessageEvent>().and_then(|m| m.data().as_string());
            if let Some(wire) = text.as_deref().and_then(Wire::from_json) {
                on(wire);
            }
        })
    }
}

/// The timers as stored (fresh ones when nothing or something unreadable is there).
pub fn load_timers() -> Timers {
    platform::setting(TIMER_KEY).map(|t| Timers::from_json(&t)).unwrap_or_default()
}

/// Stores the timers, so a reload or a projector opened later finds them.
pub fn save_timers(timers: &Timers) {
    platform::set_setting(TIMER_KEY, &timers.to_json());
}

/// What the working window last showed.
pub fn load_view() -> Option<View> {
    platform::setting(VIEW_KEY).and_then(|t| View::from_json(&t))
}

/// Stores what the working window shows.
pub fn save_view(view: &View) {
    platform::set_setting(VIEW_KEY, &view.to_json());
}

/// A short, soft two-note tone made with the Web Audio API (no sound file). Only called when
/// the facilitator switched sound on; failures are silent.
pub fn chime() {
    let Ok(ctx) = web_sys::AudioContext::new() else { return };
    let t = ctx.current_time();
    for (i, freq) in [660.0_f32, 880.0].into_iter().enumerate() {
        let (Ok(osc), Ok(gain)) = (ctx.create_oscillator(), ctx.create_gain()) else { return };
        let start = t + i as f64 * 0.35;
        osc.frequency().set_value(freq);
        let g = gain.gain();
        let _ = g.set_value_at_time(0.0, start);
        let _ = g.linear_ramp_to_value_at_time(0.15, start + 0.04);
        let _ = g.linear_ramp_to_value_at_time(0.0, start + 0.6);
        if osc.connect_with_audio_node(&gain).is_err() || gain.connect_with_audio_node(&ctx.destination()).is_err() {
            return;
        }
        let _ = osc.start_with_when(start);
        let _ = osc.stop_with_when(start + 0.65);
    }
    // Let the tone finish, then free the audio device.
    gloo::timers::callback::Timeout::new(1_500, move || {
        let _ = ctx.close();
    })
    .forget();
}
