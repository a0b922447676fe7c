//! The live room's pages: the participant page (its own binary, `src/bin/live.rs`) and the
//! connection they share. Only the pages that use a room link this in.

mod link;
mod participant;

pub use participant::{Participant, ParticipantProps};
