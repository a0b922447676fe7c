//! How the merge panel shows a record of the set in practice that differs (an action, an
//! indicator, a principle's owners, the adoption, an assumption check, the evaluation): only
//! the parts that differ, one per line as "part: value", in the user's words. The domain keeps
//! the record whole as JSON (see `workshop::Practice`); this only reads it to show it.

use serde_json::{Map, Value};

use crate::i18n::{FilesText, Lang};
use crate::workshop::{Id, Workshop};

/// This screen's record and the file's, each as its differing parts.
pub fn sides(w: &Workshop, ours: &str, theirs: &str, lang: Lang) -> (String, String) {
    let object = |text: &str| match serde_json::from_str(text) {
        Ok(Value::Object(map)) => Some(map),
        _ => None,
    };
    let (mine, other) = (object(ours), object(theirs));
    let empty = Map::new();
    let (a, b) = (mine.as_ref().unwrap_or(&empty), other.as_ref().unwrap_or(&empty));
    let keys: Vec<&String> = b.keys().chain(a.keys().filter(|k| !b.contains_key(*k))).collect();
    let differ: Vec<&String> = keys.into_iter().filter(|k| a.get(*k) != b.get(*k) && label(k).is_some()).collect();
    let side = |map: Option<&Map<String, Value>>| match map {
        None => FilesText::EmptyText.get(lang).to_string(),
        Some(map) => differ
            .iter()
            .filter_map(|k| Some(format!("{}: {}", label(k)?.get(lang), value(w, k, map.get(*k), lang))))
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
fn value(w: &Workshop, key: &str, v: Option<&Value>, lang: Lang) -> String {
    use FilesText::*;
    let none = || NoValue.get(lang).to_string();
    let text = match v {
        Some(Value::String(s)) if s.is_empty() => return none(),
        Some(Value::String(s)) => s.as_str(),
        Some(Value::Array(names)) if !names.is_empty() => {
            return names.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(", ")
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
