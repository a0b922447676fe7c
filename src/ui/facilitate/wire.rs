//! What the working window tells the projector window (and back), as plain data. Sent as JSON
//! text over the `BroadcastChannel` "leidraad" (same laptop, same origin: nothing leaves it).

use serde::{Deserialize, Serialize};

use super::clock::Timers;
use crate::i18n::Lang;
use crate::ui::Phase;
use crate::workshop::variants::read_struct;

/// The BroadcastChannel name.
pub const CHANNEL: &str = "leidraad";
/// Local-storage key of the timers (transient, not part of the workshop file).
pub const TIMER_KEY: &str = "leidraad.timer";
/// Local-storage key of what the working window shows: phase and language.
pub const VIEW_KEY: &str = "leidraad.view";

/// What the working window shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct View {
    pub phase: String,
    pub lang: String,
    /// The step's number and how many steps the host shows, as the step bar counts them
    /// (absent in a view saved by an older version: the projector then counts all steps).
    pub number: Option<(usize, usize)>,
}

// Read by the app's small record reader (see `workshop::variants`), not serde's derive.
read_struct!(View { phase, lang, number = default });

impl View {
    pub fn new(phase: Phase, lang: Lang, number: (usize, usize)) -> View {
        View { phase: phase.slug().to_string(), lang: lang.code().to_string(), number: Some(number) }
    }

    /// The step's number and the number of steps, as the working window's step bar shows them.
    pub fn numbering(&self) -> Option<(usize, usize)> {
        self.number.or_else(|| self.phase().map(|p| (p.number(), Phase::ALL.len())))
    }

    /// The phase, if the name is known.
    pub fn phase(&self) -> Option<Phase> {
        Phase::from_slug(&self.phase)
    }

    pub fn lang(&self) -> Lang {
        Lang::from_code(&self.lang)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn from_json(text: &str) -> Option<View> {
        serde_json::from_str(text).ok()
    }
}

/// One message on the channel.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
// Externally tagged (`{"state": {...}}`, `"ping"`): much less code in the wasm than an
// internally tagged enum, which must buffer every message before reading it.
#[serde(rename_all = "snake_case")]
pub enum Wire {
    /// A working window started: any projector, say hello.
    Ping,
    /// A projector is listening: working windows, send what you show.
    Hello,
    /// What the working window shows, with the workshop file text (checked again on reading).
    State { view: View, workshop: String },
    /// The timers changed.
    Timers { timers: Timers },
}

impl Wire {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a message; anything else on the channel is ignored.
    pub fn from_json(text: &str) -> Option<Wire> {
        let wire: Wire = serde_json::from_str(text).ok()?;
        Some(match wire {
            Wire::Timers { timers } => Wire::Timers { timers: timers.sanitised() },
            other => other,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_round_trip_and_strangers_are_ignored() {
        let m = Wire::State { view: View::new(Phase::Cluster, Lang::En, (2, 3)), workshop: "{}".into() };
        assert_eq!(Wire::from_json(&m.to_json()), Some(m));
        assert_eq!(Wire::from_json(&Wire::Hello.to_json()), Some(Wire::Hello));
        assert_eq!(Wire::from_json(r#"{"kind":"other"}"#), None);
        assert_eq!(Wire::from_json("not json"), None);
    }

    #[test]
    fn a_view_saved_without_its_number_still_reads() {
        let old = View::from_json(r#"{"phase":"cluster","lang":"nl","extra":1}"#).expect("reads");
        assert_eq!((old.phase(), old.number), (Some(Phase::Cluster), None));
        assert_eq!(View::from_json(r#"{"phase":"cluster"}"#), None, "no language");
    }
}
