//! Running a session in front of a room: phase locks, a timer per phase, a projector view in a
//! second window, and the inspiration library in Collect.
//!
//! Locks live in the workshop (`Action::SetLock`, saved in the file). The timer is transient
//! (local storage `leidraad.timer`), computed from timestamps. The projector is the same app
//! page opened with `?leidraad=projector`; the working window feeds it over a BroadcastChannel.

pub mod clock;
mod edge;
mod library;
mod locks;
mod projector;
mod timer;
pub mod wire;

pub use library::LibraryPanel;
pub use locks::{is_locked, lock_mark, LockBar, LockToggle};
pub use projector::{use_projector_feed, Projector, ProjectorButton, ProjectorProps};
pub use timer::TimerControl;
