//! How the merge panel shows a record of the set in practice that differs (an action, an
//! indicator, a principle's owners, the adoption, an assumption check, the evaluation): only
//! the parts that differ, one per line as "part: value", in the user's words. The domain keeps
//! the record whole as JSON (see `workshop::Practice`); this only reads it to show it.
//!
//! The record is read flat, by a small reader of its own: each named part as a text, a list or
//! something else (no `serde_json::Value` tree; its reader cost the page about 8 KB raw wasm).

use std::fmt;

use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use crate::i18n::{FilesText, Lang};
use crate::workshop::{Id, Workshop};

/// One part's value as the file has it. The records hold texts, lists of texts and `null`.
#[derive(PartialEq)]
enum Part {
    Text(String),
    List(Vec<Part>),
    /// `null`, a number, `true`/`false` or an object: shown as "(geen)". (Two different
    /// numbers count as the same here; no record has one.)
    Other,
}

/// A record's named parts (ids left out: they never differ), in the order of their names.
struct Record(Vec<(String, Part)>);

impl Record {
    fn get(&self, key: &str) -> Option<&Part> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }
}

/// Reads a part's value, whatever its kind (one visitor for all of them).
struct PartVisitor;

impl<'de> Visitor<'de> for PartVisitor {
    type Value = Part;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a value")
    }
    fn visit_str<E>(self, v: &str) -> Result<Part, E> {
        Ok(Part::Text(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Part, E> {
        Ok(Part::Text(v))
    }
    fn visit_unit<E>(self) -> Result<Part, E> {
        Ok(Part::Other)
    }
    fn visit_bool<E>(self, _: bool) -> Result<Part, E> {
        Ok(Part::Other)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Part, E> {
        Ok(Part::Other)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Part, E> {
        Ok(Part::Other)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Part, E> {
        Ok(Part::Other)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Part, A::Error> {
        let mut list = Vec::new();
        while let Some(part) = seq.next_element()? {
            list.push(part);
        }
        Ok(Part::List(list))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Part, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Part::Other)
    }
}

impl<'de> Deserialize<'de> for Part {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Part, D::Error> {
        d.deserialize_any(PartVisitor)
    }
}

impl<'de> Deserialize<'de> for Record {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Record, D::Error> {
        struct RecordVisitor;
        impl<'de> Visitor<'de> for RecordVisitor {
            type Value = Record;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Record, A::Error> {
                let mut parts: Vec<(String, Part)> = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    let value = map.next_value::<Part>()?;
                    if label(&key).is_none() {
                        continue;
                    }
                    // In the order of the names; a name given twice keeps its last value.
                    match parts.binary_search_by(|(k, _)| k.as_str().cmp(&key)) {
                        Ok(at) => parts[at].1 = value,
                        Err(at) => parts.insert(at, (key, value)),
                    }
                }
                Ok(Record(parts))
            }
        }
        d.deserialize_map(RecordVisitor)
    }
}

/// This screen's record and the file's, each as its differing parts.
pub fn sides(w: &Workshop, ours: &str, theirs: &str, lang: Lang) -> (String, String) {
    let object = |text: &str| serde_json::from_str::<Record>(text).ok();
    let (mine, other) = (object(ours), object(theirs));
    let empty = Record(Vec::new());
    let (a, b) = (mine.as_ref().unwrap_or(&empty), other.as_ref().unwrap_or(&empty));
    let keys = b.0.iter().map(|(k, _)| k).chain(a.0.iter().map(|(k, _)| k).filter(|k| b.get(k).is_none()));
    let differ: Vec<&String> = keys.filter(|k| a.get(k) != b.get(k)).collect();
    let side = |record: Option<&Record>| match record {
        None => FilesText::EmptyText.get(lang).to_string(),
        Some(record) => differ
            .iter()
            .filter_map(|k| Some(format!("{}: {}", label(k)?.get(lang), value(w, k, record.get(k), lang))))
            .collect::<Vec<_>>()
            .join("\n"),
    };
    (side(mine.as_ref()), side(other.as_ref()))
}

/// The name of a part, by its name in the file (`None`: an id that never differs).
fn label(key: &str) -> Option<FilesText> {
    use FilesText::*;
    Some(match key {
        "what" => RecWhat,
        "who" => RecWho,
        "due" => RecDue,
        "status" => RecStatus,
        "implication" => RecImplication,
        "principle" => RecPrinciple,
        "outcome" => RecOutcome,
        "name" => RecName,
        "source" => RecSource,
        "baseline" => RecBaseline,
        "baseline_date" => RecBaselineDate,
        "target" => RecTarget,
        "measured" => RecMeasured,
        "measured_date" => RecMeasuredDate,
        "owner" => RecOwner,
        "ambassadors" => RecAmbassadors,
        "by" => RecBy,
        "planned" => RecPlanned,
        "decided" => RecDecided,
        "reference" => RecReference,
        "answer" => RecAnswer,
        "note" => RecNote,
        "held" => RecHeld,
        "decision" => RecDecision,
        _ => return None,
    })
}

/// A part's value in words: a type by its name, a principle or outcome by its words, a list
/// of names with commas, "(geen)" for nothing.
fn value(w: &Workshop, key: &str, v: Option<&Part>, lang: Lang) -> String {
    use FilesText::*;
    let none = || NoValue.get(lang).to_string();
    let text = match v {
        Some(Part::Text(s)) if s.is_empty() => return none(),
        Some(Part::Text(s)) => s.as_str(),
        Some(Part::List(names)) if !names.is_empty() => {
            let names = names.iter().filter_map(|n| if let Part::Text(s) = n { Some(s.as_str()) } else { None });
            return names.collect::<Vec<_>>().join(", ");
        }
        _ => return none(),
    };
    let named = match (key, text) {
        ("status", "open") => ValOpen,
        ("status", "busy") => ValBusy,
        ("status", "done") => ValDone,
        ("implication", "offer") => ValOffer,
        ("implication", "access") => ValAccess,
        ("implication", "conduct") => ValConduct,
        ("implication", "procurement") => ValProcurement,
        ("by", "college") => ValCollege,
        ("by", "council") => ValCouncil,
        ("decision", "keep") => ValKeep,
        ("decision", "revise") => ValRevise,
        ("answer", "yes") => ValYes,
        ("answer", "partly") => ValPartly,
        ("answer", "no") => ValNo,
        ("principle" | "outcome", id) => return Id::parse(id).and_then(|id| w.label(&id)).unwrap_or_else(|| id.into()),
        _ => return text.to_string(),
    };
    named.get(lang).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn both(ours: &str, theirs: &str) -> (String, String) {
        sides(&Workshop::default(), ours, theirs, Lang::Nl)
    }

    #[test]
    fn only_the_parts_that_differ_in_the_order_of_their_names() {
        let ours = r#"{"principle":"p-1","owner":"Anna","ambassadors":["Bram"]}"#;
        let theirs = r#"{"principle":"p-1","owner":"Carla","ambassadors":["Bram","Dirk"]}"#;
        let expected =
            ("Ambassadeurs: Bram\nEigenaar: Anna".to_string(), "Ambassadeurs: Bram, Dirk\nEigenaar: Carla".to_string());
        assert_eq!(both(ours, theirs), expected);
    }

    #[test]
    fn values_in_words_and_parts_on_one_side() {
        let ours = r#"{"id":"t-1","who":"","status":"open","due":null,"extra":1}"#;
        let theirs = r#"{"id":"t-2","who":"Team","status":"busy","what":"Plan","what":"Plannen"}"#;
        // Ids and unknown names never show; an empty text, `null` or a missing part is "(geen)";
        // a name given twice counts with its last value.
        let expected = (
            "Stand: open\nWat: (geen)\nWie: (geen)\nKlaar op: (geen)".to_string(),
            "Stand: bezig\nWat: Plannen\nWie: Team\nKlaar op: (geen)".to_string(),
        );
        assert_eq!(both(ours, theirs), expected);
    }

    #[test]
    fn a_side_that_is_not_a_record_is_empty() {
        let (ours, theirs) = both("null", r#"{"owner":"Anna","ambassadors":[]}"#);
        assert_eq!(ours, "(leeg)");
        assert_eq!(theirs, "Ambassadeurs: (geen)\nEigenaar: Anna");
    }
}
