//! The workshop file: one versioned JSON format for autosave, export and import.
//!
//! ```json
//! { "format": "leidraad-workshop", "version": 1, "workshop": { ... } }
//! ```
//! Reading checks, in order: size, JSON, format name, version (older ones are migrated,
//! newer ones refused), shape, and the workshop's integrity. Any failure is a typed
//! [`FileError`] and nothing is changed by the caller.

use serde::Serialize;
use serde_json::Value;

use crate::workshop::{Integrity, Workshop};

/// The `format` field of every Leidraad file.
pub const FORMAT: &str = "leidraad-workshop";
/// The version this build writes. 2 added `after` (yardstick, congruence, doorfluister-check,
/// versions); version 1 files are migrated on reading.
pub const VERSION: u32 = 2;
/// Largest file accepted (a workshop of thousands of cards is well under 1 MB).
pub const MAX_BYTES: usize = 5 * 1024 * 1024;

/// Why a file could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FileError {
    #[error("the file is larger than {max} bytes")]
    TooLarge { max: usize },
    #[error("the file is not JSON: {0}")]
    NotJson(String),
    #[error("the file is not a Leidraad workshop")]
    WrongFormat,
    #[error("the file was made by a newer version ({0})")]
    NewerVersion(u64),
    #[error("the file is damaged: {0}")]
    BadShape(String),
    #[error("the file is damaged: {0:?}")]
    Broken(Integrity),
}

#[derive(Serialize)]
struct Envelope<'a> {
    format: &'static str,
    version: u32,
    workshop: &'a Workshop,
}

/// The file text for a workshop (pretty-printed, so people can read and diff it).
pub fn to_json(workshop: &Workshop) -> String {
    let envelope = Envelope { format: FORMAT, version: VERSION, workshop };
    // Serialising plain structs with string keys cannot fail.
    serde_json::to_string_pretty(&envelope).unwrap_or_default()
}

/// Reads a workshop file of this or an older version.
pub fn from_json(text: &str) -> Result<Workshop, FileError> {
    if text.len() > MAX_BYTES {
        return Err(FileError::TooLarge { max: MAX_BYTES });
    }
    let value: Value =
        serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| FileError::NotJson(e.to_string()))?;
    let Value::Object(mut map) = value else { return Err(FileError::WrongFormat) };
    if map.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(FileError::WrongFormat);
    }
    let version = map.get("version").and_then(Value::as_u64).ok_or(FileError::WrongFormat)?;
    if version > u64::from(VERSION) {
        return Err(FileError::NewerVersion(version));
    }
    let body = map.remove("workshop").ok_or_else(|| FileError::BadShape("no workshop".into()))?;
    let body = migrate(version, body)?;
    let workshop: Workshop = serde_json::from_value(body).map_err(|e| FileError::BadShape(e.to_string()))?;
    workshop.check().map_err(FileError::Broken)?;
    Ok(workshop)
}

/// Brings an older file's workshop up to [`VERSION`], one version at a time.
fn migrate(version: u64, body: Value) -> Result<Value, FileError> {
    let mut body = body;
    let mut version = version;
    while version < u64::from(VERSION) {
        body = match version {
            1 => v1_to_v2(body)?,
            _ => return Err(FileError::WrongFormat),
        };
        version += 1;
    }
    if version == u64::from(VERSION) {
        Ok(body)
    } else {
        Err(FileError::WrongFormat)
    }
}

/// Version 2 added the tools used after the charter; a version 1 workshop has none of them.
/// A version 1 file that somehow carries an `after` part is refused rather than trusted.
fn v1_to_v2(body: Value) -> Result<Value, FileError> {
    let Value::Object(mut map) = body else { return Err(FileError::BadShape("workshop is not an object".into())) };
    if map.contains_key("after") {
        return Err(FileError::BadShape("version 1 has no 'after'".into()));
    }
    map.insert("after".into(), Value::Object(Default::default()));
    Ok(Value::Object(map))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_workshop_reads_back_the_same() {
        let mut w = Workshop::default();
        w.setup.title = "Sociaal domein <2027>".into();
        assert_eq!(from_json(&to_json(&w)), Ok(w));
    }

    #[test]
    fn a_version_1_file_is_migrated_and_saved_as_version_2() {
        let v1 = r#"{"format":"leidraad-workshop","version":1,"workshop":{"setup":{"title":"Eerste sessie"}}}"#;
        let w = from_json(v1).expect("version 1 reads");
        assert_eq!(w.setup.title, "Eerste sessie");
        assert_eq!(w.after, crate::workshop::Aftercare::default());
        assert!(to_json(&w).contains("\"version\": 2"));
        let odd = r#"{"format":"leidraad-workshop","version":1,"workshop":{"after":{}}}"#;
        assert!(matches!(from_json(odd), Err(FileError::BadShape(_))));
    }

    #[test]
    fn wrong_files_get_a_typed_error() {
        assert!(matches!(from_json("hallo"), Err(FileError::NotJson(_))));
        assert_eq!(from_json("[]"), Err(FileError::WrongFormat));
        assert_eq!(from_json(r#"{"format":"iets","version":1,"workshop":{}}"#), Err(FileError::WrongFormat));
        assert_eq!(
            from_json(r#"{"format":"leidraad-workshop","version":9,"workshop":{}}"#),
            Err(FileError::NewerVersion(9))
        );
        assert!(matches!(
            from_json(r#"{"format":"leidraad-workshop","version":2,"workshop":{"cards":3}}"#),
            Err(FileError::BadShape(_))
        ));
        let big = " ".repeat(MAX_BYTES + 1);
        assert_eq!(from_json(&big), Err(FileError::TooLarge { max: MAX_BYTES }));
    }

    #[test]
    fn a_card_naming_a_missing_source_is_refused() {
        let text = r#"{"format":"leidraad-workshop","version":1,"workshop":{
            "cards":[{"id":"card-1","text":"Eigen regie","source":"src-9"}]}}"#;
        assert!(matches!(from_json(text), Err(FileError::Broken(Integrity::Dangling { .. }))));
    }
}
