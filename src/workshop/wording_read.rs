//! The reader of a [`Wording`] (what a waiting difference is about), written by hand.
//!
//! It reads exactly what serde's derived reader read, `{"card":"c-1"}`, `{"principle":["p-1",
//! "Title"]}`, `{"dots":{"voter":"v-1","cluster":"c-1"}}`, with the same messages, but the
//! derived one had a copy of serde's variant machinery per variant (twiggy: about 9 KB raw wasm
//! on every page); here the variants that carry one id share one line.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, EnumAccess, VariantAccess, Visitor};

use super::merge::Wording;
use super::Id;

/// The names as the file writes them (`rename_all = "snake_case"` on [`Wording`]).
const VARIANTS: &[&str] = &[
    "setup",
    "outcome",
    "group",
    "source_title",
    "source_notes",
    "source_answer",
    "card",
    "cluster",
    "principle",
    "tension",
    "card_cluster",
    "card_group",
    "card_source",
    "source_kind",
    "dots",
    "principle_kind",
    "principle_outcome",
    "tension_priority",
    "mark",
    "voter_group",
    "practice",
];

/// The variants that carry one id, by name.
fn with_id(name: &str) -> Option<fn(Id) -> Wording> {
    let make: fn(Id) -> Wording = match name {
        "outcome" => Wording::Outcome,
        "group" => Wording::Group,
        "source_title" => Wording::SourceTitle,
        "source_notes" => Wording::SourceNotes,
        "card" => Wording::Card,
        "cluster" => Wording::Cluster,
        "tension" => Wording::Tension,
        "card_cluster" => Wording::CardCluster,
        "card_group" => Wording::CardGroup,
        "card_source" => Wording::CardSource,
        "source_kind" => Wording::SourceKind,
        "principle_kind" => Wording::PrincipleKind,
        "principle_outcome" => Wording::PrincipleOutcome,
        "tension_priority" => Wording::TensionPriority,
        "voter_group" => Wording::VoterGroup,
        _ => return None,
    };
    Some(make)
}

/// The fields of `dots` and `mark`.
#[derive(serde::Deserialize)]
struct VoterCluster {
    voter: Id,
    cluster: Id,
}

struct WordingVisitor;

impl<'de> Visitor<'de> for WordingVisitor {
    type Value = Wording;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("enum Wording")
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Wording, A::Error> {
        let (name, v): (String, _) = data.variant()?;
        if let Some(make) = with_id(&name) {
            return v.newtype_variant().map(make);
        }
        Ok(match name.as_str() {
            "setup" => Wording::Setup(v.newtype_variant()?),
            "source_answer" => {
                let (id, question) = v.newtype_variant()?;
                Wording::SourceAnswer(id, question)
            }
            "principle" => {
                let (id, field) = v.newtype_variant()?;
                Wording::Principle(id, field)
            }
            "dots" | "mark" => {
                let VoterCluster { voter, cluster } = v.newtype_variant()?;
                if name == "dots" {
                    Wording::Dots { voter, cluster }
                } else {
                    Wording::Mark { voter, cluster }
                }
            }
            "practice" => Wording::Practice(v.newtype_variant()?),
            _ => return Err(de::Error::unknown_variant(&name, VARIANTS)),
        })
    }
}

impl<'de> Deserialize<'de> for Wording {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Wording, D::Error> {
        d.deserialize_enum("Wording", VARIANTS, WordingVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workshop::{Practice, PrincipleField, RouteQuestion, SetupField};

    fn id(s: &str) -> Id {
        Id::parse(s).expect("an id")
    }

    /// Every variant, written by the derived writer and read back by this reader.
    #[test]
    fn reads_what_the_writer_writes() {
        let ids: Vec<Wording> = VARIANTS.iter().filter_map(|n| with_id(n)).map(|make| make(id("x-1"))).collect();
        assert_eq!(ids.len(), 15);
        let mut all = ids;
        all.extend([
            Wording::Setup(SetupField::Title),
            Wording::SourceAnswer(id("s-1"), RouteQuestion::ALL[0]),
            Wording::Principle(id("p-1"), PrincipleField::Title),
            Wording::Dots { voter: id("v-1"), cluster: id("c-1") },
            Wording::Mark { voter: id("v-2"), cluster: id("c-2") },
            Wording::Practice(Practice::Owners(id("p-2"))),
            Wording::Practice(Practice::Evaluation),
        ]);
        let mut names = std::collections::BTreeSet::new();
        for w in &all {
            let text = serde_json::to_string(w).expect("writes");
            assert_eq!(&serde_json::from_str::<Wording>(&text).expect("reads"), w, "{text}");
            let name = text.trim_start_matches("{\"").split('"').next().unwrap_or_default().to_string();
            assert!(VARIANTS.contains(&name.as_str()), "{name} is listed");
            names.insert(name);
        }
        assert_eq!(names.len(), VARIANTS.len(), "every variant is read back");
    }

    #[test]
    fn the_files_shapes_and_messages() {
        let read = |t: &str| serde_json::from_str::<Wording>(t).map_err(|e| e.to_string());
        assert_eq!(read(r#"{"principle":["p-1","Title"]}"#), Ok(Wording::Principle(id("p-1"), PrincipleField::Title)));
        assert_eq!(
            read(r#"{"dots":{"cluster":"c-1","voter":"v-1","extra":1}}"#),
            Ok(Wording::Dots { voter: id("v-1"), cluster: id("c-1") })
        );
        let unknown = read(r#"{"stip":"c-1"}"#).expect_err("an unknown kind");
        assert!(unknown.starts_with("unknown variant `stip`, expected one of `setup`, `outcome`"), "{unknown}");
        let missing = read(r#"{"mark":{"voter":"v-1"}}"#).expect_err("no cluster");
        assert!(missing.starts_with("missing field `cluster`"), "{missing}");
        assert!(read(r#""card""#).is_err(), "a kind without its id");
        assert!(read(r#"{"card":7}"#).is_err(), "an id that is not text");
    }
}
