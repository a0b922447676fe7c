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
/// The group's answer to one of its route's questions (as long as a closing question's).
pub const ROUTE_ANSWER: usize = 600;
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
/// Most decided differences remembered (the oldest are forgotten first): about 150 KiB of file at most.
pub const SETTLED: usize = 2000;

/// Trims a required text and checks its length in characters.
pub fn required(text: &str, field: Field, max: usize) -> Result<String, super::DomainError> {
    let text = optional(text, field, max)?;
    if text.is_empty() {
        return Err(super::DomainError::Empty(field));
    }
    Ok(text)
}

/// Trims an optional text and checks its length in characters. Invisible control characters
/// (NUL and the like) and the bidirectional overrides that can make a line read backwards
/// are dropped first: they are never meant, and they would pass into the charter and every
/// export. Tabs and line breaks stay; one-line fields refuse line breaks with [`one_line`].
pub fn optional(text: &str, field: Field, max: usize) -> Result<String, super::DomainError> {
    let text = if text.chars().any(is_hidden) {
        std::borrow::Cow::Owned(text.chars().filter(|c| !is_hidden(*c)).collect::<String>())
    } else {
        std::borrow::Cow::Borrowed(text)
    };
    let text = text.trim();
    // A text of at most `max` bytes has at most `max` characters: no need to count them.
    if text.len() > max && text.chars().count() > max {
        return Err(super::DomainError::TooLong { field, max });
    }
    Ok(text.to_string())
}

/// A text that is one line in the interface (a title, a name): as [`required`] or
/// [`optional`], and a line break is refused (an `<input>` cannot hold one, so only a file
/// could bring it).
pub fn one_line(text: &str, field: Field, max: usize, needed: bool) -> Result<String, super::DomainError> {
    let text = if needed { required(text, field, max)? } else { optional(text, field, max)? };
    if text.contains(['\n', '\r']) {
        return Err(super::DomainError::NotOneLine(field));
    }
    Ok(text)
}

/// A character no one types on purpose and that can hide or reorder what others read: the
/// control characters except tab and line breaks, and the bidirectional embeddings, overrides
/// and isolates (U+202A–U+202E, U+2066–U+2069).
pub fn is_hidden(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
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

// --- In practice (after the workshop): owners, adoption, actions, the results monitor.
/// An owner's or ambassador's name.
pub const PERSON: usize = 60;
/// Most ambassadors per principle.
pub const AMBASSADORS: usize = 12;
/// The adoption decision's reference (*kenmerk*).
pub const DECISION_REFERENCE: usize = 60;
/// Who does an action.
pub const TASK_WHO: usize = 80;
/// What an action is.
pub const TASK_WHAT: usize = 300;
/// Most actions (each principle's four implications, several each).
pub const TASKS: usize = 500;
/// An indicator's name and its data source.
pub const INDICATOR_NAME: usize = 120;
pub const INDICATOR_SOURCE: usize = 120;
/// A measured value or target ("62 %", "1 op 5").
pub const INDICATOR_VALUE: usize = 40;
/// Most indicators.
pub const INDICATORS: usize = 200;

/// A calendar date as an `<input type="date">` gives it, `YYYY-MM-DD`, or empty: what an
/// overdue action is compared by. Anything else is refused with [`super::DomainError::NotADate`].
pub fn iso_date(text: &str, field: Field) -> Result<String, super::DomainError> {
    let text = one_line(text, field, DATE, false)?;
    if text.is_empty() || is_iso_date(&text) {
        Ok(text)
    } else {
        Err(super::DomainError::NotADate(field))
    }
}

/// Whether a text is a real calendar date `YYYY-MM-DD` (leap years counted).
pub fn is_iso_date(text: &str) -> bool {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num =
        |r: std::ops::Range<usize>| text.get(r).filter(|s| s.bytes().all(|c| c.is_ascii_digit()))?.parse::<u32>().ok();
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    y > 0 && (1..=days).contains(&d)
}
