//! Ids that stay unique across laptops, so files from several tables can be merged.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A stable identifier: a short random string, made at the browser edge (see `ui::ids`) and
/// carried inside the action, so `apply` stays deterministic and testable.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Id(String);

impl TryFrom<String> for Id {
    type Error = String;
    fn try_from(text: String) -> Result<Id, String> {
        Id::parse(&text).ok_or_else(|| "invalid id".to_string())
    }
}

impl From<Id> for String {
    fn from(id: Id) -> String {
        id.0
    }
}

impl Id {
    /// Longest id accepted from a file.
    pub const MAX_LEN: usize = 64;

    /// An id from text, if it is 1..=64 ASCII letters, digits, `-` or `_`.
    pub fn parse(text: &str) -> Option<Id> {
        let ok = !text.is_empty()
            && text.len() <= Self::MAX_LEN
            && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        ok.then(|| Id(text.to_string()))
    }

    /// An id from 96 random bits and a prefix naming what it is for (`card`, `cl`, ...).
    /// Base-32 (Crockford alphabet), so ids are readable in exported files.
    pub fn from_random(prefix: &str, bits: [u8; 12]) -> Id {
        const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";
        let mut out = String::with_capacity(prefix.len() + 21);
        out.push_str(prefix);
        out.push('-');
        let mut acc: u32 = 0;
        let mut n = 0;
        for b in bits {
            acc = (acc << 8) | u32::from(b);
            n += 8;
            while n >= 5 {
                n -= 5;
                out.push(ALPHABET[((acc >> n) & 31) as usize] as char);
            }
        }
        if n > 0 {
            out.push(ALPHABET[((acc << (5 - n)) & 31) as usize] as char);
        }
        Id(out)
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Makes ids. The browser uses `crypto.getRandomValues`; tests use a counter.
pub trait IdSource {
    /// A fresh id with the given prefix.
    fn next_id(&mut self, prefix: &str) -> Id;
}

/// Deterministic ids for tests and tools: `prefix-1`, `prefix-2`, ...
#[derive(Debug, Default, Clone)]
pub struct CountingIds(pub u64);

impl IdSource for CountingIds {
    fn next_id(&mut self, prefix: &str) -> Id {
        self.0 += 1;
        Id(format!("{prefix}-{}", self.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_ids_are_parseable_and_readable() {
        let id = Id::from_random("card", [0xff; 12]);
        assert_eq!(id.as_str().len(), "card-".len() + 20);
        assert_eq!(Id::parse(id.as_str()), Some(id));
    }

    #[test]
    fn ids_from_files_are_checked() {
        assert!(Id::parse("").is_none());
        assert!(Id::parse("a b").is_none());
        assert!(Id::parse("<script>").is_none());
        assert!(Id::parse(&"x".repeat(65)).is_none());
        assert!(Id::parse("card-01abc_Z").is_some());
    }
}
