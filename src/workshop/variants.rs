//! Smaller readers for the workshop file's types, where serde's derive costs the most wasm.
//!
//! Named choices (stage, source kind, verdict ...): serde's derived `Deserialize` gives every
//! enum its own copy of serde_json's enum reader (about 1 KB of wasm each, eight enums). Read
//! as a `String` instead (one reader shared with every text field) and matched here, each costs
//! a few bytes. Writing is still serde's derive with `rename_all = "snake_case"`; a test per
//! enum checks that both sides use the same names.
//!
//! Records (the after-the-charter data): serde's derive reads a struct from a JSON object and
//! also from a JSON array of its fields; the array form is never written, but its reader is in
//! the wasm for every struct. [`read_struct!`] reads the object form only, with serde's own
//! messages for a missing or repeated field.

/// Implements `TryFrom<String>` for a unit enum from its `snake_case` names, so the enum reads
/// with `#[serde(try_from = "String")]`. An unknown name gets serde's own message
/// ("unknown variant `x`, expected one of ...").
macro_rules! named_variants {
    ($ty:ident { $($variant:ident = $name:literal),+ $(,)? }) => {
        impl TryFrom<String> for $ty {
            type Error = serde::de::value::Error;
            fn try_from(name: String) -> Result<$ty, Self::Error> {
                match name.as_str() {
                    $($name => Ok($ty::$variant),)+
                    _ => Err(serde::de::Error::unknown_variant(&name, &[$($name),+])),
                }
            }
        }
    };
}
pub(crate) use named_variants;

/// Defines a unit enum whose names in the file are its variants' own names (`Title`), with
/// `ALL` (every variant, in order) and a `TryFrom<String>` as [`named_variants!`] makes, so it reads
/// with `#[serde(try_from = "String")]`: one list, no second copy of the names to forget.
macro_rules! own_names {
    ($(#[$m:meta])* $vis:vis enum $ty:ident { $($(#[$vm:meta])* $variant:ident),+ $(,)? }) => {
        $(#[$m])*
        $vis enum $ty { $($(#[$vm])* $variant),+ }
        impl $ty {
            /// Every variant, in order.
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];
        }
        impl TryFrom<String> for $ty {
            type Error = serde::de::value::Error;
            fn try_from(name: String) -> Result<$ty, Self::Error> {
                match name.as_str() {
                    $(stringify!($variant) => Ok($ty::$variant),)+
                    _ => Err(serde::de::Error::unknown_variant(&name, &[$(stringify!($variant)),+])),
                }
            }
        }
    };
}
pub(crate) use own_names;

/// Implements `Deserialize` for a struct from a JSON object: `read_struct!(T { a, b = default })`
/// reads field `a` (required: missing is an error) and `b` (missing reads as its `Default`);
/// `read_struct!(T = default { a, b })` is for a struct whose every field may be missing (a
/// missing one keeps its value in `T::default()`). Unknown fields are skipped, as with serde's
/// derive. Either form names every field of the struct (a struct literal, or a pattern
/// without `..`), so a field left out of the list does not compile.
macro_rules! read_struct {
    ($ty:ident { $($field:ident $(= $default:ident)?),+ $(,)? }) => {
        $crate::workshop::variants::read_struct!(@reader $ty, map => {
            $(let mut $field = None;)+
            while let Some(key) = map.next_key::<String>()? {
                match key.as_str() {
                    $(stringify!($field) => {
                        if $field.is_some() {
                            return Err(serde::de::Error::duplicate_field(stringify!($field)));
                        }
                        $field = Some(map.next_value()?);
                    })+
                    _ => {
                        map.next_value::<serde::de::IgnoredAny>()?;
                    }
                }
            }
            Ok($ty { $($field: $crate::workshop::variants::read_struct!(@take $field $($default)?),)+ })
        });
    };
    // A struct whose every field may be missing (serde's `#[serde(default)]` on the struct): a
    // missing field keeps its value in the struct's own `Default`.
    ($ty:ident = default { $($field:ident),+ $(,)? }) => {
        $crate::workshop::variants::read_struct!(@reader $ty, map => {
            let mut out = <$ty>::default();
            // A pattern without `..`: a field missing from the list does not compile.
            let $ty { $($field: _),+ } = &out;
            let mut seen = [false; [$(stringify!($field)),+].len()];
            while let Some(key) = map.next_key::<String>()? {
                let mut i = 0;
                $(
                    if key == stringify!($field) {
                        if std::mem::replace(&mut seen[i], true) {
                            return Err(serde::de::Error::duplicate_field(stringify!($field)));
                        }
                        out.$field = map.next_value()?;
                        continue;
                    }
                    i += 1;
                )+
                let _ = i;
                map.next_value::<serde::de::IgnoredAny>()?;
            }
            Ok(out)
        });
    };
    // The `Deserialize` impl both forms share: a visitor that reads a map with `$body`.
    (@reader $ty:ident, $map:ident => $body:block) => {
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<$ty, D::Error> {
                struct Fields;
                impl<'de> serde::de::Visitor<'de> for Fields {
                    type Value = $ty;
                    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                        f.write_str(concat!("struct ", stringify!($ty)))
                    }
                    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut $map: A) -> Result<$ty, A::Error> $body
                }
                d.deserialize_map(Fields)
            }
        }
    };
    (@take $field:ident default) => { $field.unwrap_or_default() };
    (@take $field:ident) => {
        match $field {
            Some(value) => value,
            None => return Err(serde::de::Error::missing_field(stringify!($field))),
        }
    };
}
pub(crate) use read_struct;

#[cfg(test)]
mod tests {
    use crate::workshop::*;
    use serde::{de::DeserializeOwned, Serialize};

    /// Each value writes as its name and reads back as itself.
    fn round_trip<T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug>(all: &[T]) {
        for v in all {
            let text = serde_json::to_string(v).expect("a name writes");
            assert_eq!(&serde_json::from_str::<T>(&text).expect("its own name reads"), v, "{text}");
        }
    }

    #[test]
    fn every_named_choice_reads_back_as_itself() {
        round_trip(&Stage::ALL);
        round_trip(&SourceKind::ALL);
        round_trip(&RouteQuestion::ALL);
        for q in RouteQuestion::ALL {
            assert_eq!(serde_json::to_string(&q).expect("writes"), format!("\"{}\"", q.key()));
        }
        round_trip(&[PrincipleKind::TransformationGoal, PrincipleKind::Value]);
        round_trip(&[Verdict::InLine, Verdict::Obstructing, Verdict::Neutral]);
        round_trip(&Area::ALL);
        round_trip(&[Answer::Yes, Answer::Partly, Answer::No]);
        round_trip(&Layer::ALL);
        round_trip(&Recognition::ALL);
        round_trip(SetupField::ALL);
        round_trip(Field::ALL);
        assert_eq!(Field::ALL.len(), 28);
    }

    #[test]
    fn a_record_reads_its_fields_defaults_the_optional_ones_and_skips_unknown_ones() {
        let o: BudgetOption = serde_json::from_str(r#"{"id":"opt-1","title":"Minder uren","extra":[1,{"a":2}]}"#)
            .expect("an option with only its required fields reads");
        assert_eq!(
            (o.id.as_str(), o.title.as_str(), o.description.as_str(), o.amount.as_str()),
            ("opt-1", "Minder uren", "", "")
        );
        let after: Aftercare = serde_json::from_str(r#"{"evaluation_date":"2027-06-01"}"#).expect("defaults");
        assert_eq!(after, Aftercare { evaluation_date: "2027-06-01".into(), ..Aftercare::default() });
        assert_eq!(serde_json::from_str::<Aftercare>("{}").expect("all default"), Aftercare::default());
    }

    #[test]
    fn a_record_missing_a_field_or_naming_one_twice_gets_serdes_message() {
        let missing = serde_json::from_str::<BudgetOption>(r#"{"id":"opt-1"}"#).expect_err("no title");
        assert!(missing.to_string().starts_with("missing field `title`"), "{missing}");
        let twice =
            serde_json::from_str::<Whisper>(r#"{"id":"w-1","principle":"p-1","layer":"board","text":"a","text":"b"}"#)
                .expect_err("text twice");
        assert!(twice.to_string().starts_with("duplicate field `text`"), "{twice}");
        let bad_id = serde_json::from_str::<Assessment>(r#"{"option":"o 1","principle":"p","verdict":"neutral"}"#);
        assert!(bad_id.is_err(), "an invalid id is refused inside a record too");
        assert!(serde_json::from_str::<BudgetOption>(r#"["opt-1","x"]"#).is_err(), "only the object form is read");
    }

    #[test]
    fn an_unknown_name_is_refused_with_serdes_message() {
        let e = serde_json::from_str::<Verdict>(r#""maybe""#).expect_err("not a verdict");
        assert!(
            e.to_string().starts_with("unknown variant `maybe`, expected one of `in_line`, `obstructing`, `neutral`"),
            "{e}"
        );
        assert!(serde_json::from_str::<Stage>("3").is_err());
        assert!(serde_json::from_str::<SourceKind>("null").is_err());
    }
}
