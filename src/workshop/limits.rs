//! How long each text may be: short enough that the charter fits one A4 page.

use super::error::Field;

pub const TITLE: usize = 120;
pub const ORGANISATION: usize = 120;
pub const DATE: usize = 40;
pub const FACILITATOR: usize = 80;
pub const OUTCOME: usize = 160;
pub const GROUP: usize = 40;
pub const SOURCE_TITLE: usize = 120;
pub const SOURCE_NOTES: usize = 2000;
pub const CARD: usize = 200;
pub const CLUSTER: usize = 80;
pub const VOTER: usize = 40;
pub const TENSION_NOTE: usize = 200;
pub const REASON: usize = 300;
/// The charter line.
pub const PRINCIPLE_TITLE: usize = 60;
/// The one-line meaning shown on the charter.
pub const PRINCIPLE_MEANING: usize = 160;
/// Implications and policy theory parts.
pub const PRINCIPLE_PART: usize = 300;
/// Answers to the closing questions and head/heart/hands.
pub const PRINCIPLE_ANSWER: usize = 600;

/// Most dots a voter may have, and the fewest.
pub const DOTS_MIN: u32 = 1;
pub const DOTS_MAX: u32 = 20;

/// The method's advice: five to at most eight principles.
pub const SET_MIN: usize = 5;
pub const SET_MAX: usize = 8;
/// Never more than this, even with a reason: beyond it the charter cannot fit one A4 page.
pub const SET_HARD_MAX: usize = 12;

/// Most deletions remembered (the oldest are forgotten first): about 80 KiB of file at most.
pub const TOMBSTONES: usize = 1000;
/// Most wording differences waiting for a decision.
pub const DISAGREEMENTS: usize = 2000;

/// Trims a required text and checks its length in characters.
pub fn required(text: &str, field: Field, max: usize) -> Result<String, super::DomainError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(super::DomainError::Empty(field));
    }
    optional(text, field, max)
}

/// Trims an optional text and checks its length in characters.
pub fn optional(text: &str, field: Field, max: usize) -> Result<String, super::DomainError> {
    let text = text.trim();
    if text.chars().count() > max {
        return Err(super::DomainError::TooLong { field, max });
    }
    Ok(text.to_string())
}

/// Yardstick options.
pub const OPTION_TITLE: usize = 120;
pub const OPTION_DESCRIPTION: usize = 600;
pub const OPTION_AMOUNT: usize = 40;
/// A verdict's or congruence answer's reason.
pub const AFTER_NOTE: usize = 300;
/// A participant's "why" in their own words.
pub const WHISPER: usize = 600;
pub const WHISPER_AUTHOR: usize = 60;
/// A version's name ("1.0", "2.0 na evaluatie").
pub const VERSION_NAME: usize = 60;
