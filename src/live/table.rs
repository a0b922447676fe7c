//! A laptop at a table in a room, without the browser: the table link the facilitator hands
//! out (the workshop page's address with the room's code and the table key in the fragment,
//! never on the projector), and which controls a page offers for its role, held by a test to the
//! very same [`permit`](super::permit) the server runs: a page offers nothing the room refuses.

use super::{normalise_code, Op, Role};
use crate::workshop::{Action, Stage};

/// What the fragment of a table link starts with: `…/#table=K7XM3P.<table key>`.
pub const TABLE_FRAGMENT: &str = "table=";

/// The table link for `page` (the workshop page's address; any query or fragment is dropped).
pub fn table_link(page: &str, code: &str, table_key: &str) -> String {
    let base = page.split(['?', '#']).next().unwrap_or(page);
    format!("{base}#{TABLE_FRAGMENT}{code}.{table_key}")
}

/// The room code and table key in a table link, a pasted link or just its fragment; `None`
/// when it is not one (a participant's `join.html#CODE` is not: it carries no key).
pub fn parse_table_link(text: &str) -> Option<(String, String)> {
    let text = text.trim();
    let fragment = text.rsplit_once('#').map_or(text, |(_, f)| f);
    let (code, key) = fragment.strip_prefix(TABLE_FRAGMENT)?.split_once('.')?;
    let code = normalise_code(code)?;
    // The server's keys are long hexadecimal strings; anything else is a typing or copy error.
    let key_ok = key.len() >= 32 && key.bytes().all(|b| b.is_ascii_hexdigit());
    key_ok.then(|| (code, key.to_ascii_lowercase()))
}

/// The kinds of step a page offers a control for that not every role may take.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Control {
    /// Lock or unlock a step.
    Lock,
    /// Show or hide the dots.
    Reveal,
    /// Declare the set final, or reopen it.
    Finalise,
    /// Open a workshop file in place of this one, or merge one in.
    Files,
    /// Open writing and voting for participants, and stop the room.
    Room,
}

impl Control {
    /// Every control, for tests and lists.
    pub const ALL: [Control; 5] = [Control::Lock, Control::Reveal, Control::Finalise, Control::Files, Control::Room];

    /// A step of this kind: [`offers`] must agree with what [`permit`](super::permit) says of it (tested).
    pub fn sample(self) -> Op {
        let step = match self {
            Control::Lock => Action::SetLock { stage: Stage::Collect, locked: true },
            Control::Reveal => Action::RevealVotes { revealed: true },
            Control::Finalise => Action::Finalise { reason: None },
            Control::Files => Action::Merge { other: Box::default() },
            Control::Room => return Op::Floor(super::Floor::default()),
        };
        Op::Act(step)
    }
}

/// Whether a page in `role` (`None`: not in a room) offers `control`: only when the room would
/// take such a step from it, as [`permit`](super::permit) says on an open room (a lock, which refuses everyone
/// but the facilitator, is shown by the lock bar). Every control here is the facilitator's
/// alone; a plain match, so a page does not link a whole room to ask (the test
/// `a_page_offers_only_the_controls_its_role_may_use` holds it to `permit`).
pub fn offers(role: Option<Role>, _control: Control) -> bool {
    matches!(role, None | Some(Role::Facilitator))
}
