//! The session timer as plain data: computed from timestamps, never from counted ticks, so it
//! stays right when a background tab's timers are slowed down or the laptop sleeps.
//!
//! Times are milliseconds since the epoch (`Date.now()` in the browser), passed in by the
//! caller, so this module is pure and tested natively.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::workshop::variants::read_struct;

/// The shortest and longest time a facilitator can set, in minutes.
pub const MIN_MINUTES: u32 = 1;
pub const MAX_MINUTES: u32 = 180;
/// The time a new timer starts with.
pub const DEFAULT_MINUTES: u32 = 10;

const MINUTE_MS: f64 = 60_000.0;

/// One countdown: how long, when it was last started (if running), and time used before that.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Timer {
    pub duration_ms: f64,
    /// When it was (re)started; `None` while paused or not started.
    pub started_at: Option<f64>,
    /// Time used in earlier runs (before the last pause).
    pub elapsed_before_ms: f64,
}

// Read by the app's small record reader (see `workshop::variants`), not serde's derive.
read_struct!(Timer { duration_ms, started_at = default, elapsed_before_ms });

impl Default for Timer {
    fn default() -> Self {
        Timer::minutes(DEFAULT_MINUTES)
    }
}

impl Timer {
    /// A timer of `m` minutes (kept within 1..=180), not started.
    pub fn minutes(m: u32) -> Timer {
        Timer {
            duration_ms: f64::from(m.clamp(MIN_MINUTES, MAX_MINUTES)) * MINUTE_MS,
            started_at: None,
            elapsed_before_ms: 0.0,
        }
    }

    /// The set length in whole minutes.
    pub fn set_minutes(&self) -> u32 {
        (self.duration_ms / MINUTE_MS).round() as u32
    }

    /// Time used so far. A clock that went backwards counts as no time, never negative.
    pub fn elapsed_ms(&self, now: f64) -> f64 {
        let running = self.started_at.map(|s| (now - s).max(0.0)).unwrap_or(0.0);
        (self.elapsed_before_ms + running).min(self.duration_ms)
    }

    /// Time left, down to zero.
    pub fn remaining_ms(&self, now: f64) -> f64 {
        (self.duration_ms - self.elapsed_ms(now)).max(0.0)
    }

    pub fn is_running(&self) -> bool {
        self.started_at.is_some()
    }

    /// Started (now or before a pause) and not reset.
    pub fn is_started(&self) -> bool {
        self.started_at.is_some() || self.elapsed_before_ms > 0.0
    }

    /// The time is up: the end signal shows.
    pub fn is_over(&self, now: f64) -> bool {
        self.is_started() && self.remaining_ms(now) <= 0.0
    }

    /// Starts, or resumes after a pause. Nothing happens when running or over.
    pub fn start(&mut self, now: f64) {
        if !self.is_running() && !self.is_over(now) {
            self.started_at = Some(now);
        }
    }

    /// Pauses, keeping the time used.
    pub fn pause(&mut self, now: f64) {
        if self.started_at.is_some() {
            self.elapsed_before_ms = self.elapsed_ms(now);
            self.started_at = None;
        }
    }

    /// Back to the full time, not running.
    pub fn reset(&mut self) {
        self.started_at = None;
        self.elapsed_before_ms = 0.0;
    }

    /// The countdown as shown: `09:59`, or `1:05:00` from an hour; seconds round up, so it
    /// reads `00:01` until the very end and `00:00` only when the time is up.
    pub fn clock(&self, now: f64) -> String {
        let secs = (self.remaining_ms(now) / 1000.0).ceil() as u64;
        let (h, m, s) = (secs / 3600, (secs / 60) % 60, secs % 60);
        if h > 0 {
            format!("{h}:{m:02}:{s:02}")
        } else {
            format!("{m:02}:{s:02}")
        }
    }

    /// Makes values read from storage or another window safe: finite, within range.
    fn sanitised(mut self) -> Timer {
        let max = f64::from(MAX_MINUTES) * MINUTE_MS;
        if !self.duration_ms.is_finite() || self.duration_ms < MINUTE_MS || self.duration_ms > max {
            self.duration_ms = f64::from(DEFAULT_MINUTES) * MINUTE_MS;
        }
        if !self.elapsed_before_ms.is_finite() || self.elapsed_before_ms < 0.0 {
            self.elapsed_before_ms = 0.0;
        }
        self.elapsed_before_ms = self.elapsed_before_ms.min(self.duration_ms);
        if self.started_at.is_some_and(|s| !s.is_finite() || s < 0.0) {
            self.started_at = None;
        }
        self
    }
}

/// A timer per phase (by the phase's slug), and whether the end makes a sound.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Timers {
    pub phases: BTreeMap<String, Timer>,
    /// Off unless the facilitator switches it on.
    pub sound: bool,
}

read_struct!(Timers = default { phases, sound });

impl Timers {
    /// The timer of a phase (a fresh one if it was never set).
    pub fn get(&self, phase: &str) -> Timer {
        self.phases.get(phase).cloned().unwrap_or_default()
    }

    /// Changes the timer of a phase.
    pub fn update(&mut self, phase: &str, change: impl FnOnce(&mut Timer)) {
        let mut t = self.get(phase);
        change(&mut t);
        self.phases.insert(phase.to_string(), t);
    }

    /// Text for storage and for the projector.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads stored text; anything unreadable gives fresh timers (the timer is not precious).
    pub fn from_json(text: &str) -> Timers {
        serde_json::from_str::<Timers>(text).map(Timers::sanitised).unwrap_or_default()
    }

    /// Every timer made safe (see [`Timer`]); at most one per known phase name length.
    pub fn sanitised(mut self) -> Timers {
        self.phases.retain(|k, _| !k.is_empty() && k.len() <= 20);
        // In place (no collect into a new map, which would sort again): the first 12 by name stay.
        while self.phases.len() > 12 {
            self.phases.pop_last();
        }
        self.phases.values_mut().for_each(|t| *t = t.clone().sanitised());
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T0: f64 = 1_700_000_000_000.0;

    #[test]
    fn counts_down_from_timestamps() {
        let mut t = Timer::minutes(1);
        assert_eq!(t.clock(T0), "01:00");
        t.start(T0);
        assert_eq!(t.clock(T0 + 1.0), "01:00");
        assert_eq!(t.clock(T0 + 1_000.0), "00:59");
        // A background tab that did not tick for 50 s still shows the right time.
        assert_eq!(t.clock(T0 + 50_000.0), "00:10");
        assert!(!t.is_over(T0 + 59_999.0));
        assert!(t.is_over(T0 + 60_000.0));
        assert_eq!(t.clock(T0 + 600_000.0), "00:00");
    }

    #[test]
    fn pause_keeps_time_and_resume_goes_on() {
        let mut t = Timer::minutes(2);
        t.start(T0);
        t.pause(T0 + 30_000.0);
        assert!(!t.is_running());
        assert_eq!(t.clock(T0 + 500_000.0), "01:30");
        t.start(T0 + 500_000.0);
        assert_eq!(t.clock(T0 + 510_000.0), "01:20");
        t.reset();
        assert_eq!(t.clock(T0 + 999_000.0), "02:00");
        assert!(!t.is_started());
    }

    #[test]
    fn an_over_timer_does_not_restart_until_reset() {
        let mut t = Timer::minutes(1);
        t.start(T0);
        t.pause(T0 + 70_000.0);
        t.start(T0 + 80_000.0);
        assert!(!t.is_running());
        assert!(t.is_over(T0 + 80_000.0));
    }

    #[test]
    fn clock_going_backwards_never_adds_time() {
        let mut t = Timer::minutes(1);
        t.start(T0);
        assert_eq!(t.clock(T0 - 5_000.0), "01:00");
    }

    #[test]
    fn long_timers_show_hours_and_minutes_are_clamped() {
        assert_eq!(Timer::minutes(90).clock(T0), "1:30:00");
        assert_eq!(Timer::minutes(0).set_minutes(), 1);
        assert_eq!(Timer::minutes(10_000).set_minutes(), 180);
    }

    #[test]
    fn stored_text_is_read_safely() {
        let mut timers = Timers::default();
        timers.update("collect", |t| t.start(T0));
        timers.sound = true;
        assert_eq!(Timers::from_json(&timers.to_json()), timers);
        assert_eq!(Timers::from_json("nonsense"), Timers::default());
        let odd =
            Timers::from_json(r#"{"phases":{"collect":{"duration_ms":-5,"started_at":-1,"elapsed_before_ms":1e300}}}"#);
        let t = odd.get("collect");
        assert_eq!(t.set_minutes(), DEFAULT_MINUTES);
        assert_eq!(t.started_at, None);
        assert!(t.elapsed_before_ms <= t.duration_ms);
        // A timer without its start reads as paused, sound missing as off; a missing time is unreadable.
        let paused = Timers::from_json(r#"{"phases":{"reduce":{"duration_ms":120000,"elapsed_before_ms":0}}}"#);
        assert_eq!((paused.get("reduce").set_minutes(), paused.sound), (2, false));
        assert_eq!(Timers::from_json(r#"{"phases":{"reduce":{"duration_ms":120000}}}"#), Timers::default());
    }
}
