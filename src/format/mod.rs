//! The workshop file: one versioned JSON format for autosave, export and import.
//!
//! ```json
//! { "format": "leidraad-workshop", "version": 3, "workshop": { ... } }
//! ```
//! Reading checks, in order: size, JSON, format name, version (older ones are migrated,
//! newer ones refused), shape, and the workshop's integrity. Any failure is a typed
//! [`FileError`] and nothing is changed by the caller.

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::value::RawValue;

use crate::workshop::{Checked, Integrity, Workshop};

/// The `format` field of every Leidraad file.
pub const FORMAT: &str = "leidraad-workshop";
/// The version this build writes; older files are migrated on reading ([`migrate`]).
/// 2 added `after` (yardstick, congruence, doorfluister-check, versions); 3 added the set in
/// practice to `after` (owners, adoption, actions, the results monitor, the evaluation); 4 added
/// the routes' own questions (a source's `answers`, a card's `question`) and the 80/15/5 lens
/// (a principle's `lens_*` texts). Parts added without a new version (read as empty when
/// missing) need no step here.
pub const VERSION: u32 = 4;
/// Largest file accepted, in bytes of UTF-8. Far above what the app writes for a real workshop
/// (20,000 cards of accented text: about 5 MB), so every file it saved or offered for download
/// opens again; the autosave warns before a workshop comes near it (`ui::hooks`).
pub const MAX_BYTES: usize = 16 * 1024 * 1024;

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

/// The file text for a workshop, the same for the autosave and every download: compact (a
/// pretty-printed file was a quarter larger, and a larger text is what stopped big workshops
/// from being stored and read back), so what is saved is never larger than what opens.
pub fn to_json(workshop: &Workshop) -> String {
    let envelope = Envelope { format: FORMAT, version: VERSION, workshop };
    // Serialising plain structs with string keys cannot fail.
    serde_json::to_string(&envelope).unwrap_or_default()
}

/// The envelope as read: each part kept as its JSON text, so the format and version are known
/// before the workshop is read into its types (no `serde_json::Value` in between: that tree
/// and its code were a large part of the app's download). A part that is present, even as
/// `null`, is `Some`.
#[derive(Deserialize)]
struct Head<'a> {
    #[serde(default, borrow, deserialize_with = "present")]
    format: Option<&'a RawValue>,
    #[serde(default, borrow, deserialize_with = "present")]
    version: Option<&'a RawValue>,
    #[serde(default, borrow, deserialize_with = "present")]
    workshop: Option<&'a RawValue>,
}

/// A version 1 workshop, only to see whether it has an `after` part (it must not).
#[derive(Deserialize)]
struct Version1<'a> {
    #[serde(default, borrow, deserialize_with = "present")]
    after: Option<&'a RawValue>,
}

/// A version 2 workshop's `after` part, only to see that it has none of version 3's parts.
#[derive(Deserialize)]
struct Version2After<'a> {
    #[serde(default, borrow, deserialize_with = "present")]
    owners: Option<&'a RawValue>,
    #[serde(default, borrow, deserialize_with = "present")]
    adoption: Option<&'a RawValue>,
    #[serde(default, borrow, deserialize_with = "present")]
    tasks: Option<&'a RawValue>,
    #[serde(default, borrow, deserialize_with = "present")]
    indicators: Option<&'a RawValue>,
    #[serde(default, borrow, deserialize_with = "present")]
    assumptions: Option<&'a RawValue>,
    #[serde(default, borrow, deserialize_with = "present")]
    evaluation: Option<&'a RawValue>,
}

/// A version 3 workshop's lists that version 4 added to, only to look inside them.
#[derive(Deserialize)]
struct Version3<'a> {
    #[serde(default, borrow, deserialize_with = "present")]
    sources: Option<&'a RawValue>,
    #[serde(default, borrow, deserialize_with = "present")]
    cards: Option<&'a RawValue>,
    #[serde(default, borrow, deserialize_with = "present")]
    principles: Option<&'a RawValue>,
}

/// What version 4 added to a source (`answers`), a card (`question`) or a principle's text
/// (the lens), in one shape: an item of version 3 has none of them.
#[derive(Deserialize)]
struct Added4<'a> {
    #[serde(default, borrow, deserialize_with = "present")]
    answers: Option<&'a RawValue>,
    #[serde(default, borrow, deserialize_with = "present")]
    question: Option<&'a RawValue>,
    #[serde(default, borrow, deserialize_with = "present")]
    text: Option<&'a RawValue>,
    #[serde(default, borrow, deserialize_with = "present")]
    lens_own: Option<&'a RawValue>,
    #[serde(default, borrow, deserialize_with = "present")]
    lens_own_service: Option<&'a RawValue>,
    #[serde(default, borrow, deserialize_with = "present")]
    lens_at_risk: Option<&'a RawValue>,
    #[serde(default, borrow, deserialize_with = "present")]
    lens_at_risk_service: Option<&'a RawValue>,
    #[serde(default, borrow, deserialize_with = "present")]
    lens_vulnerable: Option<&'a RawValue>,
    #[serde(default, borrow, deserialize_with = "present")]
    lens_vulnerable_service: Option<&'a RawValue>,
}

impl Added4<'_> {
    /// Whether it carries any part of version 4 (a principle's lens is inside its `text`).
    fn any(&self) -> bool {
        let lens = [
            self.lens_own,
            self.lens_own_service,
            self.lens_at_risk,
            self.lens_at_risk_service,
            self.lens_vulnerable,
            self.lens_vulnerable_service,
        ];
        self.answers.is_some() || self.question.is_some() || lens.iter().any(Option::is_some)
    }
}

/// A field that is there, whatever its value (`Option`'s own reading would make `null` absent).
fn present<'de, D: Deserializer<'de>>(d: D) -> Result<Option<&'de RawValue>, D::Error> {
    <&RawValue>::deserialize(d).map(Some)
}

/// Reads a workshop file of this or an older version.
pub fn from_json(text: &str) -> Result<Workshop, FileError> {
    read(text).map(Checked::into_inner)
}

/// Reads a workshop file of this or an older version, checked once: what `Action::Replace`
/// takes. Every text comes out as the interface would have stored it (trimmed, hidden control
/// characters and direction overrides dropped); a text the interface would refuse refuses
/// the file, with the interface's reason.
pub fn read(text: &str) -> Result<Checked, FileError> {
    if text.len() > MAX_BYTES {
        return Err(FileError::TooLarge { max: MAX_BYTES });
    }
    // First the whole text as JSON, so damaged JSON is told apart from JSON of another kind.
    let whole: &RawValue =
        serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| FileError::NotJson(e.to_string()))?;
    if !is_object(whole) {
        return Err(FileError::WrongFormat);
    }
    let head: Head = serde_json::from_str(whole.get()).map_err(|_| FileError::WrongFormat)?;
    let format = head.format.and_then(|f| serde_json::from_str::<String>(f.get()).ok());
    if format.as_deref() != Some(FORMAT) {
        return Err(FileError::WrongFormat);
    }
    let version = head.version.and_then(|v| serde_json::from_str::<u64>(v.get()).ok()).ok_or(FileError::WrongFormat)?;
    if version > u64::from(VERSION) {
        return Err(FileError::NewerVersion(version));
    }
    let body = head.workshop.ok_or_else(|| FileError::BadShape("no workshop".into()))?;
    // serde would read a list as the workshop's fields in order (`[]` as an empty workshop).
    if !is_object(body) {
        return Err(FileError::BadShape("workshop is not an object".into()));
    }
    migrate(version, body)?;
    let workshop: Workshop = serde_json::from_str(body.get()).map_err(|e| FileError::BadShape(shape_error(&e)))?;
    workshop.checked().map_err(FileError::Broken)
}

/// Whether a JSON value is an object (the text of a value starts at its first character).
fn is_object(value: &RawValue) -> bool {
    value.get().trim_start().starts_with('{')
}

/// serde's message without serde_json's "at line 1 column 9": the position is within the
/// workshop part, not the file, so it would mislead.
fn shape_error(e: &serde_json::Error) -> String {
    let message = e.to_string();
    let position = format!(" at line {} column {}", e.line(), e.column());
    message.strip_suffix(&position).map(str::to_string).unwrap_or(message)
}

/// Checks that an older file's workshop can be read as [`VERSION`], one version at a time.
/// Every change so far only added parts that default to empty, so reading needs no rewriting.
fn migrate(version: u64, body: &RawValue) -> Result<(), FileError> {
    for from in version..u64::from(VERSION) {
        match from {
            1 => v1_to_v2(body)?,
            2 => v2_to_v3(body)?,
            3 => v3_to_v4(body)?,
            _ => return Err(FileError::WrongFormat),
        }
    }
    Ok(())
}

/// Version 2 added the tools used after the charter; a version 1 workshop has none of them
/// (they read as empty). A version 1 file that somehow carries an `after` part is refused
/// rather than trusted.
fn v1_to_v2(body: &RawValue) -> Result<(), FileError> {
    let not_object = || FileError::BadShape("workshop is not an object".into());
    if !is_object(body) {
        return Err(not_object());
    }
    let v1: Version1 = serde_json::from_str(body.get()).map_err(|_| not_object())?;
    if v1.after.is_some() {
        return Err(FileError::BadShape("version 1 has no 'after'".into()));
    }
    Ok(())
}

/// Version 3 added the set in practice inside `after` (owners, adoption, actions, indicators,
/// assumption checks, the evaluation); a version 2 workshop has none of them (they read as
/// empty). A version 2 file that carries one is refused rather than trusted.
fn v2_to_v3(body: &RawValue) -> Result<(), FileError> {
    let not_object = || FileError::BadShape("workshop is not an object".into());
    let v2: Version1 = serde_json::from_str(body.get()).map_err(|_| not_object())?;
    let Some(after) = v2.after else { return Ok(()) };
    if !is_object(after) {
        // Reading the workshop will say what is wrong with it.
        return Ok(());
    }
    let a: Version2After = serde_json::from_str(after.get()).map_err(|_| not_object())?;
    let parts = [a.owners, a.adoption, a.tasks, a.indicators, a.assumptions, a.evaluation];
    if parts.iter().any(Option::is_some) {
        return Err(FileError::BadShape("version 2 has no owners, adoption, actions or indicators".into()));
    }
    Ok(())
}

/// Version 4 added the routes' questions and the 80/15/5 lens; a version 3 workshop has none
/// of them (they read as empty). A version 3 file that carries one is refused rather than
/// trusted. Lists of another shape are left for reading the workshop to name.
fn v3_to_v4(body: &RawValue) -> Result<(), FileError> {
    let not_object = || FileError::BadShape("workshop is not an object".into());
    let v3: Version3 = serde_json::from_str(body.get()).map_err(|_| not_object())?;
    fn items(list: Option<&RawValue>) -> Vec<Added4<'_>> {
        list.and_then(|l| serde_json::from_str::<Vec<Added4>>(l.get()).ok()).unwrap_or_default()
    }
    let texts = items(v3.principles);
    let lens = texts.iter().filter_map(|p| p.text).filter_map(|t| serde_json::from_str::<Added4>(t.get()).ok());
    let added = items(v3.sources).iter().chain(&items(v3.cards)).any(Added4::any) || lens.into_iter().any(|t| t.any());
    if added {
        return Err(FileError::BadShape("version 3 has no route answers, card questions or lens".into()));
    }
    Ok(())
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
    fn a_version_1_file_is_migrated_and_saved_as_the_current_version() {
        let v1 = r#"{"format":"leidraad-workshop","version":1,"workshop":{"setup":{"title":"Eerste sessie"}}}"#;
        let w = from_json(v1).expect("version 1 reads");
        assert_eq!(w.setup.title, "Eerste sessie");
        assert_eq!(w.after, crate::workshop::Aftercare::default());
        assert!(to_json(&w).contains("\"version\":4"));
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
