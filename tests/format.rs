//! The workshop file: what is saved reads back the same; anything else gets a typed error
//! and never a panic.

mod common;

use common::*;
use leidraad::format::{self, FileError, FORMAT, MAX_BYTES, VERSION};
use leidraad::i18n::Lang;
use leidraad::workshop::limits;
use leidraad::workshop::*;
use proptest::prelude::*;
use serde_json::{json, Value};

/// A workshop with something in every part: setup, material, clusters, votes, set, tension,
/// every principle field, and the final verdict.
fn rich() -> Workshop {
    let mut w = clustered();
    ok(&mut w, Action::EditSetup { field: SetupField::Date, value: "2027-03-14".into() });
    ok(&mut w, Action::EditSetup { field: SetupField::Facilitator, value: "Movisie & NJi <\"team\">".into() });
    ok(&mut w, Action::SetVoteRules { dots_per_voter: 4, max_per_cluster: 2 });
    cast(&mut w, "v-anna", "c-norm");
    cast(&mut w, "v-anna", "c-norm");
    cast(&mut w, "v-bram", "c-plan");
    ok(&mut w, Action::RevealVotes { revealed: true });
    ok(&mut w, Action::Promote { id: id("p-norm"), cluster: id("c-norm") });
    ok(&mut w, Action::Promote { id: id("p-plan"), cluster: id("c-plan") });
    ok(&mut w, Action::SetPrincipleKind { id: id("p-plan"), kind: PrincipleKind::Value });
    ok(&mut w, Action::SetPrincipleOutcome { id: id("p-norm"), outcome: Some(id("o-1")) });
    for (n, field) in
        [PrincipleField::Meaning, PrincipleField::Assumption, PrincipleField::Closing(5), PrincipleField::Hands]
            .into_iter()
            .enumerate()
    {
        ok(
            &mut w,
            Action::EditPrinciple {
                id: id("p-norm"),
                field,
                value: format!("Regel {n}\nmet \"aanhalingstekens\" en één é"),
            },
        );
    }
    ok(
        &mut w,
        Action::SetTension {
            id: id("t-1"),
            a: id("p-norm"),
            b: id("p-plan"),
            note: "Wie gaat voor?".into(),
            priority: Some(id("p-plan")),
        },
    );
    ok(&mut w, Action::Finalise { reason: Some("Twee principes is genoeg voor nu".into()) });
    w
}

fn as_value(w: &Workshop) -> Value {
    serde_json::from_str(&format::to_json(w)).expect("our own file is JSON")
}

/// The file of `rich()` with one change made at a JSON pointer.
fn file_with(pointer: &str, value: Value) -> String {
    let mut v = as_value(&rich());
    *v.pointer_mut(pointer).unwrap_or_else(|| panic!("{pointer} exists")) = value;
    v.to_string()
}

fn broken(text: &str) -> Integrity {
    match format::from_json(text) {
        Err(FileError::Broken(i)) => i,
        other => panic!("expected a broken file, got {other:?}"),
    }
}

#[test]
fn a_saved_workshop_reads_back_the_same() {
    let w = rich();
    assert_eq!(w.check(), Ok(()));
    assert_eq!(format::from_json(&format::to_json(&w)), Ok(w.clone()));
    assert_eq!(format::from_json(&format::to_json(&Workshop::default())), Ok(Workshop::default()));
    // The file names itself, so another program's JSON is not mistaken for it.
    let v = as_value(&w);
    assert_eq!(v["format"], json!(FORMAT));
    assert_eq!(v["version"], json!(VERSION));
    assert_eq!(v["workshop"]["principles"][1]["kind"], json!("value"));
}

#[test]
fn a_file_that_starts_with_a_byte_order_mark_is_read() {
    let w = rich();
    let text = format!("\u{feff}{}", format::to_json(&w));
    assert_eq!(format::from_json(&text), Ok(w));
}

#[test]
fn a_file_that_is_not_json_is_refused() {
    for text in ["", "hallo", "{", "{\"format\": \"leidraad-workshop\",}", "\u{feff}", "leidraad-workshop 1"] {
        assert!(matches!(format::from_json(text), Err(FileError::NotJson(_))), "{text:?}");
    }
    let mut text = format::to_json(&rich());
    text.truncate(text.len() / 2);
    assert!(matches!(format::from_json(&text), Err(FileError::NotJson(_))));
}

#[test]
fn a_file_of_another_kind_is_refused() {
    for text in [
        "[]",
        "42",
        "\"leidraad-workshop\"",
        "null",
        "{}",
        r#"{"format":"trello-board","version":1,"workshop":{}}"#,
        r#"{"format":"leidraad-workshop","workshop":{}}"#,
        r#"{"format":"leidraad-workshop","version":"1","workshop":{}}"#,
        r#"{"format":"leidraad-workshop","version":-1,"workshop":{}}"#,
        r#"{"format":"leidraad-workshop","version":1.5,"workshop":{}}"#,
        r#"{"format":"leidraad-workshop","version":0,"workshop":{}}"#,
    ] {
        assert_eq!(format::from_json(text), Err(FileError::WrongFormat), "{text}");
    }
}

#[test]
fn a_file_from_a_newer_version_is_refused_with_its_version() {
    assert_eq!(
        format::from_json(&file_with("/version", json!(VERSION + 1))),
        Err(FileError::NewerVersion(u64::from(VERSION) + 1))
    );
    assert_eq!(format::from_json(&file_with("/version", json!(u64::MAX))), Err(FileError::NewerVersion(u64::MAX)));
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_reading() {
    let big = " ".repeat(MAX_BYTES + 1);
    assert_eq!(format::from_json(&big), Err(FileError::TooLarge { max: MAX_BYTES }));
    // At the limit it is read (and found empty).
    let at_limit = " ".repeat(MAX_BYTES);
    assert!(matches!(format::from_json(&at_limit), Err(FileError::NotJson(_))));
    // The limit counts bytes: a valid file padded with multi-byte text past it is refused.
    let padded = format!("{}{}", format::to_json(&rich()), "\u{a0}".repeat(MAX_BYTES / 2));
    assert_eq!(format::from_json(&padded), Err(FileError::TooLarge { max: MAX_BYTES }));
}

#[test]
fn a_file_of_the_wrong_shape_is_refused() {
    let shapes = [
        r#"{"format":"leidraad-workshop","version":1}"#.to_string(),
        file_with("/workshop/cards", json!(3)),
        file_with("/workshop/cards/0/id", json!("<script>")),
        file_with("/workshop/cards/0/id", json!("")),
        file_with("/workshop/cards/0/id", json!("x".repeat(65))),
        file_with("/workshop/principles/0/text/closing", json!(["een", "twee", "drie", "vier", "vijf"])),
        file_with("/workshop/principles/0/kind", json!("wens")),
        file_with("/workshop/sources/0/kind", json!("gerucht")),
        file_with("/workshop/voting/votes/0/dots", json!(-1)),
        file_with("/workshop/voting/votes/0/dots", json!(u64::from(u32::MAX) + 1)),
        file_with("/workshop/cards/0/text", json!(null)),
    ];
    for text in &shapes {
        assert!(matches!(format::from_json(text), Err(FileError::BadShape(_))), "{text}");
    }
}

#[test]
fn a_file_with_a_card_in_a_missing_cluster_is_refused() {
    assert_eq!(
        broken(&file_with("/workshop/cards/0/cluster", json!("c-weg"))),
        Integrity::Dangling { field: Field::Cluster, id: id("c-weg") }
    );
}

#[test]
fn a_file_with_a_card_from_a_missing_source_is_refused() {
    assert_eq!(
        broken(&file_with("/workshop/cards/0/source", json!("s-weg"))),
        Integrity::Dangling { field: Field::Source, id: id("s-weg") }
    );
    assert_eq!(
        broken(&file_with("/workshop/cards/0/group", json!("g-weg"))),
        Integrity::Dangling { field: Field::Group, id: id("g-weg") }
    );
}

#[test]
fn a_file_with_dots_of_a_missing_voter_or_on_a_missing_cluster_is_refused() {
    assert_eq!(
        broken(&file_with("/workshop/voting/votes/0/voter", json!("v-weg"))),
        Integrity::Dangling { field: Field::Voter, id: id("v-weg") }
    );
    assert_eq!(
        broken(&file_with("/workshop/voting/votes/0/cluster", json!("c-weg"))),
        Integrity::Dangling { field: Field::Cluster, id: id("c-weg") }
    );
}

#[test]
fn a_file_with_a_tension_on_a_missing_principle_is_refused() {
    assert_eq!(
        broken(&file_with("/workshop/tensions/0/b", json!("p-weg"))),
        Integrity::Dangling { field: Field::Principle, id: id("p-weg") }
    );
    let mut v = as_value(&rich());
    v["workshop"]["tensions"][0]["b"] = json!("p-norm");
    v["workshop"]["tensions"][0]["priority"] = json!(null);
    assert_eq!(broken(&v.to_string()), Integrity::BadSet, "a tension of a principle with itself");
    let mut v = as_value(&rich());
    let mut twin = v["workshop"]["tensions"][0].clone();
    twin["id"] = json!("t-2");
    twin["a"] = json!("p-plan");
    twin["b"] = json!("p-norm");
    v["workshop"]["tensions"].as_array_mut().unwrap().push(twin);
    assert_eq!(broken(&v.to_string()), Integrity::BadSet, "two tensions on one pair");
    assert_eq!(broken(&file_with("/workshop/tensions/0/priority", json!("p-norm-x"))), Integrity::BadSet);
}

#[test]
fn a_file_with_a_principle_from_a_missing_cluster_or_outcome_is_refused() {
    assert_eq!(
        broken(&file_with("/workshop/principles/0/from_cluster", json!("c-weg"))),
        Integrity::Dangling { field: Field::Cluster, id: id("c-weg") }
    );
    assert_eq!(
        broken(&file_with("/workshop/principles/0/outcome", json!("o-weg"))),
        Integrity::Dangling { field: Field::Outcome, id: id("o-weg") }
    );
    assert_eq!(
        broken(&file_with("/workshop/principles/1/from_cluster", json!("c-norm"))),
        Integrity::BadSet,
        "two principles from one cluster"
    );
}

#[test]
fn a_file_that_uses_one_id_twice_is_refused() {
    assert_eq!(broken(&file_with("/workshop/cards/1/id", json!("k-1"))), Integrity::DuplicateId(id("k-1")));
    assert_eq!(broken(&file_with("/workshop/clusters/0/id", json!("k-1"))), Integrity::DuplicateId(id("k-1")));
}

#[test]
fn a_file_with_votes_outside_the_rules_is_refused() {
    assert_eq!(
        broken(&file_with("/workshop/voting/votes/0/dots", json!(3))),
        Integrity::BadVotes,
        "over the per-cluster maximum"
    );
    assert_eq!(broken(&file_with("/workshop/voting/votes/0/dots", json!(0))), Integrity::BadVotes);
    assert_eq!(broken(&file_with("/workshop/voting/dots_per_voter", json!(0))), Integrity::BadVotes);
    assert_eq!(broken(&file_with("/workshop/voting/dots_per_voter", json!(21))), Integrity::BadVotes);
    assert_eq!(broken(&file_with("/workshop/voting/max_per_cluster", json!(5))), Integrity::BadVotes);
    let mut v = as_value(&rich());
    let first = v["workshop"]["voting"]["votes"][0].clone();
    v["workshop"]["voting"]["votes"].as_array_mut().unwrap().push(first);
    assert_eq!(broken(&v.to_string()), Integrity::BadVotes, "the same voter and cluster twice");
}

#[test]
fn a_file_with_absurd_dot_counts_is_refused_not_a_panic() {
    // Two huge counts for one voter would overflow a plain sum.
    let mut v = as_value(&rich());
    let votes = &mut v["workshop"]["voting"]["votes"];
    votes[0]["dots"] = json!(u32::MAX);
    let mut second = votes[0].clone();
    second["cluster"] = json!("c-prev");
    votes.as_array_mut().unwrap().push(second);
    assert_eq!(broken(&v.to_string()), Integrity::BadVotes);
}

#[test]
fn a_file_with_text_over_the_limits_is_refused() {
    assert_eq!(
        broken(&file_with("/workshop/cards/0/text", json!("é".repeat(limits::CARD + 1)))),
        Integrity::TooLong { field: Field::Card, max: limits::CARD }
    );
    assert_eq!(
        broken(&file_with("/workshop/principles/0/title", json!("t".repeat(limits::PRINCIPLE_TITLE + 1)))),
        Integrity::TooLong { field: Field::Principle, max: limits::PRINCIPLE_TITLE }
    );
    assert_eq!(
        broken(&file_with("/workshop/principles/0/text/closing/5", json!("a".repeat(limits::PRINCIPLE_ANSWER + 1)))),
        Integrity::TooLong { field: Field::PrincipleText, max: limits::PRINCIPLE_ANSWER }
    );
    assert_eq!(
        broken(&file_with("/workshop/setup/title", json!("t".repeat(limits::TITLE + 1)))),
        Integrity::TooLong { field: Field::Title, max: limits::TITLE }
    );
    assert_eq!(
        broken(&file_with("/workshop/finalised/reason", json!("r".repeat(limits::REASON + 1)))),
        Integrity::TooLong { field: Field::Reason, max: limits::REASON }
    );
    // At the limit is fine.
    assert!(format::from_json(&file_with("/workshop/cards/0/text", json!("é".repeat(limits::CARD)))).is_ok());
}

#[test]
fn a_file_whose_workshop_is_not_an_object_is_refused() {
    let text = format!(r#"{{"format":"{FORMAT}","version":{VERSION},"workshop":[]}}"#);
    assert!(matches!(format::from_json(&text), Err(FileError::BadShape(_))));
}

#[test]
fn a_file_is_refused_for_what_the_interface_refuses_with_its_reason() {
    let refused = |pointer: &str, value: Value| match broken(&file_with(pointer, value)) {
        Integrity::Refused(e) => e,
        other => panic!("{pointer}: expected the interface's refusal, got {other:?}"),
    };
    assert_eq!(refused("/workshop/cards/0/text", json!("")), DomainError::Empty(Field::Card));
    assert_eq!(refused("/workshop/cards/0/text", json!("  \n ")), DomainError::Empty(Field::Card));
    assert_eq!(refused("/workshop/clusters/0/name", json!(" ")), DomainError::Empty(Field::Cluster));
    assert_eq!(refused("/workshop/principles/0/title", json!("")), DomainError::Empty(Field::Principle));
    assert_eq!(refused("/workshop/setup/title", json!("Twee\nregels")), DomainError::NotOneLine(Field::Title));
    assert_eq!(refused("/workshop/clusters/0/name", json!("Een\r\nnaam")), DomainError::NotOneLine(Field::Cluster));
    assert_eq!(
        refused("/workshop/principles/0/title", json!("Titel\nop twee regels")),
        DomainError::NotOneLine(Field::Principle)
    );
    // The interface refuses the same, for the same reason.
    let mut w = rich();
    let cluster = w.clusters[0].id.clone();
    assert_eq!(
        w.apply(Action::RenameCluster { id: cluster, name: "Een\nnaam".into() }),
        Err(DomainError::NotOneLine(Field::Cluster))
    );
    // And says it in the same words.
    for lang in [Lang::Nl, Lang::En] {
        let e = DomainError::Empty(Field::Card);
        let message = leidraad::i18n::file_error(&FileError::Broken(Integrity::Refused(e.clone())), lang);
        assert!(message.contains(&leidraad::i18n::error(&e, lang)), "{message}");
    }
    // Line breaks where the interface allows them stay.
    let read = format::from_json(&file_with("/workshop/cards/0/text", json!("Eerst dit,\n\tdan dat"))).expect("reads");
    assert_eq!(read.cards[0].text, "Eerst dit,\n\tdan dat");
}

#[test]
fn hidden_control_characters_and_direction_overrides_are_dropped_on_reading() {
    let text = file_with("/workshop/cards/0/text", json!("\u{0}Eigen\u{202e} regie\u{2066}\u{7}"));
    let read = format::from_json(&text).expect("reads");
    assert_eq!(read.cards[0].text, "Eigen regie");
    let text = file_with("/workshop/setup/title", json!("\u{202d}Sociaal domein\u{1b}"));
    assert_eq!(format::from_json(&text).expect("reads").setup.title, "Sociaal domein");
    // Typed text is held to the same rule.
    let mut w = rich();
    let card = w.cards[0].id.clone();
    ok(&mut w, Action::EditCard { id: card, text: "Zorg\u{202e} dichtbij\u{0}".into(), group: None });
    assert_eq!(w.cards[0].text, "Zorg dichtbij");
}

#[test]
fn opening_a_file_checks_the_workshop_once() {
    let text = format::to_json(&rich());
    let before = checks_run();
    let read = format::read(&text).expect("reads");
    let mut history = History::new(Workshop::default());
    history.apply(Action::Replace { workshop: Box::new(read) }).expect("replaces");
    assert_eq!(checks_run() - before, 1, "read and replace check the workshop once between them");
    assert_eq!(history.present(), &rich());
}

#[test]
fn missing_optional_parts_take_their_defaults() {
    let text = r#"{"format":"leidraad-workshop","version":1,"workshop":{
        "sources":[{"id":"s-1","kind":"case","title":"Casus"}],
        "cards":[{"id":"k-1","text":"Eigen regie","source":"s-1"}]}}"#;
    let w = format::from_json(text).expect("a minimal file reads");
    assert_eq!(w.cards[0].cluster, None);
    assert_eq!(w.cards[0].group, None);
    assert_eq!(w.sources[0].notes, "");
    assert_eq!((w.voting.dots_per_voter, w.voting.max_per_cluster), (5, 1));
}

// --- Random files -----------------------------------------------------------------------------

/// JSON pointers to every node of a value.
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    out.push(at.clone());
    match v {
        Value::Array(items) => {
            for (n, x) in items.iter().enumerate() {
                pointers(x, format!("{at}/{n}"), out);
            }
        }
        Value::Object(map) => {
            for (k, x) in map {
                pointers(x, format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")), out);
            }
        }
        _ => {}
    }
}

fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        Just(Value::from(u32::MAX)),
        (-3i64..25).prop_map(Value::from),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
        proptest::sample::select(pool()).prop_map(Value::from),
        "\\PC{0,12}".prop_map(Value::from),
        (0usize..700).prop_map(|n| Value::from("é".repeat(n))),
        Just(json!("case")),
        Just(json!("value")),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            proptest::collection::btree_map("[a-z_]{1,10}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

#[derive(Clone, Debug)]
enum Mutation {
    /// Replace the node at a (wrapped) index with a value.
    Replace(usize, Value),
    /// Remove an object key or array item at a (wrapped) index.
    Remove(usize),
    /// Copy one node over another (makes duplicate ids and stray references).
    Copy(usize, usize),
    /// Edit the text: delete some characters at a position and insert others.
    Splice(usize, usize, String),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => (any::<usize>(), any_json()).prop_map(|(at, v)| Mutation::Replace(at, v)),
        2 => any::<usize>().prop_map(Mutation::Remove),
        2 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::Copy(a, b)),
        2 => (any::<usize>(), 0usize..8, "\\PC{0,4}|[\\[\\]{}\":,\\\\]{1,3}")
            .prop_map(|(at, del, ins)| Mutation::Splice(at, del, ins)),
    ]
}

fn mutate(text: String, m: &Mutation) -> String {
    if let Mutation::Splice(at, del, ins) = m {
        let chars: Vec<char> = text.chars().collect();
        let at = at % (chars.len() + 1);
        let end = (at + del).min(chars.len());
        let mut out: String = chars[..at].iter().collect();
        out.push_str(ins);
        out.extend(&chars[end..]);
        return out;
    }
    let Ok(mut v) = serde_json::from_str::<Value>(text.trim_start_matches('\u{feff}')) else { return text };
    let mut all = Vec::new();
    pointers(&v, String::new(), &mut all);
    let pick = |n: usize| all[n % all.len()].clone();
    match m {
        Mutation::Replace(at, value) => {
            if let Some(slot) = v.pointer_mut(&pick(*at)) {
                *slot = value.clone();
            }
        }
        Mutation::Copy(from, to) => {
            let value = v.pointer(&pick(*from)).cloned();
            if let (Some(value), Some(slot)) = (value, v.pointer_mut(&pick(*to))) {
                *slot = value;
            }
        }
        Mutation::Remove(at) => {
            let target = pick(*at);
            if let Some((parent, key)) = target.rsplit_once('/') {
                match v.pointer_mut(parent) {
                    Some(Value::Object(map)) => {
                        map.remove(&key.replace("~1", "/").replace("~0", "~"));
                    }
                    Some(Value::Array(items)) => {
                        if let Ok(n) = key.parse::<usize>() {
                            if n < items.len() {
                                items.remove(n);
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
        Mutation::Splice(..) => unreachable!(),
    }
    v.to_string()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(256), ..ProptestConfig::default() })]

    /// Any workshop a session can build is saved and read back exactly, also with a BOM.
    #[test]
    fn every_workshop_a_session_builds_reads_back_the_same(w in played(60)) {
        prop_assert_eq!(w.check(), Ok(()));
        let text = format::to_json(&w);
        prop_assert_eq!(format::from_json(&text), Ok(w.clone()));
        prop_assert_eq!(format::from_json(&format!("\u{feff}{text}")), Ok(w));
    }

    /// Arbitrary text is refused or read, never a panic.
    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
        let _ = format::from_json(&text);
    }

    /// A damaged file is refused or read, never a panic; what is read is a sound workshop
    /// that saves and reads back the same.
    #[test]
    fn a_damaged_file_never_panics_and_what_is_read_is_sound(
        w in played(30),
        mutations in proptest::collection::vec(mutation(), 1..=4),
    ) {
        let mut text = format::to_json(&w);
        for m in &mutations {
            text = mutate(text, m);
        }
        if let Ok(read) = format::from_json(&text) {
            prop_assert_eq!(read.check(), Ok(()));
            prop_assert_eq!(format::from_json(&format::to_json(&read)), Ok(read.clone()));
            // A sound file can also be merged into any open workshop without panicking.
            let _ = merged(&w, &read);
            let _ = merged(&read, &w);
        }
    }
}

// --- File format version 4: the routes' own questions and the 80/15/5 lens -------------------

/// [`rich`] with a route answer on each source, a card from a question and the whole lens.
fn with_routes() -> Workshop {
    let mut w = rich();
    ok(
        &mut w,
        Action::AnswerRoute {
            source: id("s-ede"),
            question: RouteQuestion::DataSee,
            text: "Veel diagnoses\nop twee scholen".into(),
        },
    );
    ok(
        &mut w,
        Action::AnswerRoute { source: id("s-casus"), question: RouteQuestion::CaseOutsider, text: "Eén plan".into() },
    );
    ok(
        &mut w,
        Action::AddAnswerCard {
            id: id("k-q"),
            source: id("s-casus"),
            question: RouteQuestion::CaseKeep,
            group: None,
            text: "Eén regisseur".into(),
        },
    );
    for (n, field) in PrincipleField::in_section(Section::Lens).map(|s| s.field).enumerate() {
        ok(&mut w, Action::EditPrinciple { id: id("p-plan"), field, value: format!("Deel {n} van de blik") });
    }
    w
}

#[test]
fn a_version_4_file_with_answers_question_marks_and_the_lens_reads_back_the_same() {
    let w = with_routes();
    let text = format::to_json(&w);
    assert!(text.contains("\"version\":4"));
    // Keys, not words: the question is named by its stable key.
    assert!(text.contains("\"question\":\"case_keep\"") && text.contains("\"question\":\"data_see\""));
    assert!(text.contains("\"lens_vulnerable_service\":\"Deel 5 van de blik\""));
    assert_eq!(format::from_json(&text), Ok(w));
}

#[test]
fn a_version_3_file_reads_with_the_new_parts_empty() {
    // What version 3 wrote: no answers, no question on cards, no lens (`rich` has none of them).
    let mut v = as_value(&rich());
    v["version"] = json!(3);
    let text = v.to_string();
    assert!(!text.contains("answers") && !text.contains("\"question\"") && !text.contains("lens_"));
    let w = format::from_json(&text).expect("a version 3 file reads");
    assert_eq!(w, rich());
    assert!(w.sources.iter().all(|s| s.answers.is_empty()) && w.cards.iter().all(|c| c.question.is_none()));
    assert!(w.principles.iter().all(|p| p.text.lens_own.is_empty() && p.text.lens_vulnerable_service.is_empty()));
    assert!(format::to_json(&w).contains("\"version\":4"));
    // Versions 1 and 2 still read (their own parts tested in tests/practice.rs).
    for old in [1, 2] {
        let mut v = as_value(&rich());
        v["version"] = json!(old);
        v["workshop"].as_object_mut().expect("object").remove("after");
        assert_eq!(format::from_json(&v.to_string()).map(|w| w.cards.len()), Ok(rich().cards.len()), "version {old}");
    }
}

#[test]
fn a_version_3_file_that_claims_version_4_parts_is_refused() {
    let v4 = as_value(&with_routes());
    for part in ["answers", "question", "lens_own"] {
        let mut v = v4.clone();
        v["version"] = json!(3);
        // Only this part left: take the other two kinds away.
        for s in v["workshop"]["sources"].as_array_mut().expect("sources") {
            if part != "answers" {
                s.as_object_mut().expect("object").remove("answers");
            }
        }
        for c in v["workshop"]["cards"].as_array_mut().expect("cards") {
            if part != "question" {
                c.as_object_mut().expect("object").remove("question");
            }
        }
        for p in v["workshop"]["principles"].as_array_mut().expect("principles") {
            let t = p["text"].as_object_mut().expect("text");
            t.retain(|k, _| !k.starts_with("lens_") || (part == "lens_own" && k == "lens_own"));
        }
        assert!(matches!(format::from_json(&v.to_string()), Err(FileError::BadShape(_))), "{part}");
    }
}

#[test]
fn a_file_with_a_bad_answer_or_question_is_refused_with_the_interfaces_reason() {
    let base = as_value(&with_routes());
    let at = |f: &dyn Fn(&mut Value)| {
        let mut v = base.clone();
        f(&mut v);
        v.to_string()
    };
    // Too long: the same words as when typed.
    let long = at(&|v| v["workshop"]["sources"][0]["answers"][0]["text"] = json!("x".repeat(limits::ROUTE_ANSWER + 1)));
    assert_eq!(broken(&long), Integrity::TooLong { field: Field::Answer, max: limits::ROUTE_ANSWER });
    let said = |text: &str| leidraad::i18n::file_error(&format::from_json(text).expect_err("refused"), Lang::Nl);
    assert!(said(&long).contains("het antwoord langer dan 600 tekens"), "{}", said(&long));
    // Empty: `apply` keeps none; the file is refused with the interface's own words.
    let empty = at(&|v| v["workshop"]["sources"][0]["answers"][0]["text"] = json!("  "));
    let typed = DomainError::Empty(Field::Answer);
    assert_eq!(broken(&empty), Integrity::Refused(typed.clone()));
    assert!(said(&empty).contains(&leidraad::i18n::error(&typed, Lang::Nl)), "{}", said(&empty));
    // The same question answered twice on one source.
    let twice = at(&|v| {
        let a = v["workshop"]["sources"][0]["answers"][0].clone();
        v["workshop"]["sources"][0]["answers"].as_array_mut().expect("answers").push(a);
    });
    assert_eq!(broken(&twice), Integrity::Refused(DomainError::DuplicateId(Field::Answer)));
    // A question named by words, or by a key that does not exist, is not read at all.
    for wrong in [json!("Wat ziet u in de gegevens?"), json!("data_zie"), json!(3)] {
        let text = at(&|v| {
            v["workshop"]["cards"].as_array_mut().expect("cards").last_mut().expect("card")["question"] = wrong.clone()
        });
        assert!(matches!(format::from_json(&text), Err(FileError::BadShape(_))), "{wrong}");
    }
}
