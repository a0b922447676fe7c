//! The set in practice, after the workshop (file format version 3): owners and ambassadors,
//! the adoption route and its line on the charter, actions with overdue ones and their
//! exports, the results monitor, and the evaluation after a year. Every change goes through
//! `Workshop::apply`; a refusal changes nothing.

mod common;

use common::*;
use leidraad::after::practice::{
    evaluation_summary, monitor, outcome_of, overdue, task_counts, tasks_csv, tasks_markdown, TaskCounts,
};
use leidraad::charter::{to_markdown, Charter};
use leidraad::export::csv::Separator;
use leidraad::format::{self, FileError, VERSION};
use leidraad::i18n::{CharterText, Lang};
use leidraad::workshop::limits;
use leidraad::workshop::*;
use serde_json::{json, Value};

/// The parts version 3 added to `after`.
const V3_PARTS: [&str; 6] = ["owners", "adoption", "tasks", "indicators", "assumptions", "evaluation"];

/// Two principles (`p-0`, `p-1`) serving one outcome `o-1`, finished.
fn set() -> Workshop {
    let mut w = with_principles(5);
    ok(&mut w, Action::AddOutcome { id: id("o-1"), text: "Inwoners doen mee".into() });
    ok(&mut w, Action::AddOutcome { id: id("o-2"), text: "Minder zware zorg".into() });
    ok(&mut w, Action::SetPrincipleOutcome { id: id("p-0"), outcome: Some(id("o-1")) });
    ok(&mut w, Action::EditPrinciple { id: id("p-0"), field: PrincipleField::Offer, value: "Meer in de wijk".into() });
    ok(&mut w, Action::Finalise { reason: None });
    w
}

/// [`set`] with something in every part version 3 added.
fn in_practice() -> Workshop {
    let mut w = set();
    ok(
        &mut w,
        Action::SetOwners(Ownership {
            principle: id("p-0"),
            owner: "Wethouder Jansen".into(),
            ambassadors: vec!["Anna".into(), "Bram".into()],
        }),
    );
    ok(&mut w, adopted_by_the_college());
    ok(&mut w, task_action("t-1", "p-0", "2027-04-01"));
    ok(&mut w, set_task(Task { status: Progress::Busy, ..task("t-1", "p-0", "2027-04-01") }));
    ok(
        &mut w,
        set_indicator(Indicator {
            id: id("i-1"),
            outcome: id("o-1"),
            name: "Inwoners die meedoen".into(),
            source: "CBS".into(),
            baseline: "62 %".into(),
            baseline_date: "2026-01-01".into(),
            target: "70 %".into(),
            measured: String::new(),
            measured_date: String::new(),
        }),
    );
    let mut measured = w.after.indicators[0].clone();
    (measured.measured, measured.measured_date) = ("66 %".into(), "2027-01-01".into());
    ok(&mut w, set_indicator(measured));
    ok(&mut w, Action::CheckAssumption { principle: id("p-0"), answer: Some(Answer::Partly), note: "Deels".into() });
    ok(
        &mut w,
        Action::SetEvaluation(Evaluation {
            held: "2027-03-12".into(),
            decision: Some(Decision::Revise),
            note: "Op naar 2.0".into(),
        }),
    );
    w
}

/// The college adopted the set on 12 March 2027, reference 2027/123.
fn adopted_by_the_college() -> Action {
    Action::SetAdoption(Adoption {
        by: Some(Adopter::College),
        planned: "2027-02-01".into(),
        decided: "2027-03-12".into(),
        reference: "2027/123".into(),
    })
}

/// An open action for the offer, by Team Zuid.
fn task(tid: &str, principle: &str, due: &str) -> Task {
    Task {
        id: id(tid),
        principle: id(principle),
        implication: Implication::Offer,
        who: "Team Zuid".into(),
        what: "Spreekuur in de bibliotheek".into(),
        due: due.into(),
        status: Progress::Open,
    }
}

fn set_task(t: Task) -> Action {
    Action::SetTask(Box::new(t))
}

fn set_indicator(i: Indicator) -> Action {
    Action::SetIndicator(Box::new(i))
}

fn task_action(tid: &str, principle: &str, due: &str) -> Action {
    set_task(task(tid, principle, due))
}

/// The file of a workshop as an older version wrote it: `version` set and, for versions before
/// 3, none of version 3's parts (for version 1, no `after` at all).
fn older_file(w: &Workshop, version: u32) -> String {
    let mut v: Value = serde_json::from_str(&format::to_json(w)).expect("the file is JSON");
    v["version"] = json!(version);
    let after = v["workshop"].as_object_mut().expect("a workshop object");
    if version == 1 {
        after.remove("after");
    } else if let Some(a) = after.get_mut("after").and_then(Value::as_object_mut) {
        for part in V3_PARTS {
            a.remove(part);
        }
    }
    v.to_string()
}

// --- File format version 3 --------------------------------------------------------------------

#[test]
fn the_current_version_is_4() {
    // 4 added the routes' questions and the 80/15/5 lens (tests/format.rs).
    assert_eq!(VERSION, 4);
    assert!(format::to_json(&Workshop::default()).contains("\"version\":4"));
}

#[test]
fn a_version_1_file_reads_into_version_3_unchanged_otherwise() {
    // What a version 1 file can hold: everything but `after`.
    let mut w = set();
    ok(&mut w, Action::EditSetup { field: SetupField::Title, value: "Sociaal domein <2027>".into() });
    let read = format::from_json(&older_file(&w, 1)).expect("a version 1 file reads");
    assert_eq!(read, w);
    assert_eq!(read.after, Aftercare::default());
    assert!(format::to_json(&read).contains(&format!("\"version\":{VERSION}")));
}

#[test]
fn a_version_2_file_reads_into_version_3_unchanged_otherwise() {
    // Everything a version 2 file holds, after the charter too.
    let mut w = set();
    ok(
        &mut w,
        Action::AddOption {
            id: id("opt-1"),
            title: "Korten op vervoer".into(),
            description: String::new(),
            amount: "€ 250.000".into(),
        },
    );
    ok(
        &mut w,
        Action::Assess {
            option: id("opt-1"),
            principle: id("p-0"),
            verdict: Some(Verdict::Obstructing),
            reason: "Verder weg".into(),
        },
    );
    ok(
        &mut w,
        Action::AnswerCongruence {
            principle: id("p-1"),
            area: Area::Policy,
            question: 1,
            answer: Some(Answer::No),
            note: String::new(),
        },
    );
    ok(
        &mut w,
        Action::AddWhisper {
            id: id("wh-1"),
            principle: id("p-0"),
            layer: Layer::Residents,
            author: String::new(),
            text: "Dichtbij".into(),
        },
    );
    ok(&mut w, Action::SaveVersion { id: id("ver-1"), name: "1.0".into(), date: "2026-03-12".into() });
    ok(&mut w, Action::SetEvaluationDate { date: "2027-03-12".into() });
    let text = older_file(&w, 2);
    assert!(!text.contains("\"owners\""), "a real version 2 file has no owners");
    let read = format::from_json(&text).expect("a version 2 file reads");
    assert_eq!(read, w, "nothing of version 2 changes");
    assert!(read.after.owners.is_empty() && read.after.tasks.is_empty() && read.after.indicators.is_empty());
    assert_eq!(read.after.adoption, Adoption::default());
    assert_eq!(read.after.evaluation, Evaluation::default());
}

#[test]
fn a_version_3_file_written_and_read_back_is_equal() {
    let w = in_practice();
    let text = format::to_json(&w);
    for part in V3_PARTS {
        assert!(text.contains(&format!("\"{part}\"")), "{part} is in the file");
    }
    assert_eq!(format::from_json(&text), Ok(w));
}

#[test]
fn a_version_2_file_that_claims_version_3_parts_is_refused() {
    let w = in_practice();
    let mut v: Value = serde_json::from_str(&format::to_json(&w)).expect("JSON");
    v["version"] = json!(2);
    assert!(matches!(format::from_json(&v.to_string()), Err(FileError::BadShape(_))));
}

#[test]
fn a_file_with_practice_parts_that_do_not_hold_is_refused() {
    let good: Value = serde_json::from_str(&format::to_json(&in_practice())).expect("JSON");
    let with = |pointer: &str, value: Value| {
        let mut v = good.clone();
        *v.pointer_mut(pointer).expect("the part exists") = value;
        format::from_json(&v.to_string())
    };
    let dangling = |r: Result<Workshop, FileError>, field: Field| {
        assert!(matches!(r, Err(FileError::Broken(Integrity::Dangling { field: f, .. })) if f == field), "{r:?}");
    };
    dangling(with("/workshop/after/tasks/0/principle", json!("p-9")), Field::Principle);
    dangling(with("/workshop/after/owners/0/principle", json!("p-9")), Field::Principle);
    dangling(with("/workshop/after/indicators/0/outcome", json!("o-9")), Field::Outcome);
    dangling(with("/workshop/after/assumptions/0/principle", json!("p-9")), Field::Principle);
    let refused = |r: Result<Workshop, FileError>| {
        assert!(matches!(r, Err(FileError::Broken(Integrity::Refused(DomainError::NotADate(_))))), "{r:?}");
    };
    refused(with("/workshop/after/tasks/0/due", json!("morgen")));
    refused(with("/workshop/after/adoption/decided", json!("2027-02-30")));
    refused(with("/workshop/after/indicators/0/baseline_date", json!("1-1-2026")));
    assert!(matches!(with("/workshop/after/tasks/0/status", json!("half")), Err(FileError::BadShape(_))));
    let long = "x".repeat(limits::PERSON + 1);
    assert!(matches!(
        with("/workshop/after/owners/0/owner", json!(long)),
        Err(FileError::Broken(Integrity::TooLong { field: Field::Person, .. }))
    ));
    // A file's text is stored as the interface would have: trimmed.
    let read = with("/workshop/after/tasks/0/what", json!("  Spreekuur  ")).expect("reads");
    assert_eq!(read.after.tasks[0].what, "Spreekuur");
}

// --- Owners and adoption ----------------------------------------------------------------------

#[test]
fn a_principle_gets_an_owner_and_ambassadors_and_loses_them_with_the_principle() {
    let mut w = set();
    ok(
        &mut w,
        Action::SetOwners(Ownership {
            principle: id("p-1"),
            owner: "  Petra  ".into(),
            ambassadors: vec!["Anna".into(), " ".into(), "Anna".into(), "Bram ".into()],
        }),
    );
    let o = &w.after.owners[0];
    assert_eq!((o.owner.as_str(), o.ambassadors.clone()), ("Petra", vec!["Anna".to_string(), "Bram".to_string()]));
    // Again for the same principle: replaced, not added.
    ok(&mut w, Action::SetOwners(Ownership { principle: id("p-1"), owner: "Kees".into(), ambassadors: vec![] }));
    assert_eq!(w.after.owners.len(), 1);
    assert_eq!(w.after.owners[0].owner, "Kees");
    // Nothing left: the entry goes.
    ok(&mut w, Action::SetOwners(Ownership { principle: id("p-1"), owner: String::new(), ambassadors: vec![] }));
    assert!(w.after.owners.is_empty());

    let too_long = "x".repeat(limits::PERSON + 1);
    let e =
        refused(&mut w, Action::SetOwners(Ownership { principle: id("p-1"), owner: too_long, ambassadors: vec![] }));
    assert_eq!(e, DomainError::TooLong { field: Field::Person, max: limits::PERSON });
    let many = (0..=limits::AMBASSADORS).map(|i| format!("Naam {i}")).collect();
    let e =
        refused(&mut w, Action::SetOwners(Ownership { principle: id("p-1"), owner: "Kees".into(), ambassadors: many }));
    assert_eq!(e, DomainError::TooMany { what: Field::Person, max: limits::AMBASSADORS });
    let e = refused(
        &mut w,
        Action::SetOwners(Ownership { principle: id("p-9"), owner: "Kees".into(), ambassadors: vec![] }),
    );
    assert_eq!(e, DomainError::NotFound(Field::Principle));

    let mut w = in_practice();
    ok(&mut w, Action::RemovePrinciple { id: id("p-0") });
    assert!(w.after.owners.is_empty() && w.after.tasks.is_empty() && w.after.assumptions.is_empty());
    assert!(w.check().is_ok());
}

#[test]
fn the_charter_says_who_adopted_the_set_once_it_is_adopted() {
    let mut w = set();
    let still = CharterText::StillToAdopt.get(Lang::Nl);
    assert!(to_markdown(&w, Lang::Nl).contains(still));
    // Planned, not yet decided: still to adopt.
    ok(
        &mut w,
        Action::SetAdoption(Adoption {
            by: Some(Adopter::Council),
            planned: "2027-02-01".into(),
            decided: String::new(),
            reference: String::new(),
        }),
    );
    assert!(to_markdown(&w, Lang::Nl).contains(still));
    assert_eq!(Charter::of(&w, Lang::Nl).adopted, None);

    ok(&mut w, adopted_by_the_college());
    let nl = "Vastgesteld door het college op 12 maart 2027 (kenmerk 2027/123).";
    assert_eq!(Charter::of(&w, Lang::Nl).adopted.as_deref(), Some(nl));
    let md = to_markdown(&w, Lang::Nl);
    assert!(md.contains(&format!("> **{}** {}", CharterText::Finalised.get(Lang::Nl), nl)), "{md}");
    assert!(!md.contains(still), "{md}");
    let en = Charter::of(&w, Lang::En).adopted.expect("adopted");
    assert_eq!(en, "Adopted by the municipal executive on 12 March 2027 (reference 2027/123).");

    // The council, without a reference.
    ok(
        &mut w,
        Action::SetAdoption(Adoption {
            by: Some(Adopter::Council),
            planned: String::new(),
            decided: "2027-03-12".into(),
            reference: String::new(),
        }),
    );
    assert_eq!(
        Charter::of(&w, Lang::Nl).adopted.as_deref(),
        Some("Vastgesteld door de gemeenteraad op 12 maart 2027.")
    );
    // A set that changed since is a draft again: no adoption line on a draft.
    ok(&mut w, Action::RemovePrinciple { id: id("p-4") });
    assert_eq!(Charter::of(&w, Lang::Nl).adopted, None);

    let e = refused(
        &mut w,
        Action::SetAdoption(Adoption {
            by: None,
            planned: "volgende week".into(),
            decided: String::new(),
            reference: String::new(),
        }),
    );
    assert_eq!(e, DomainError::NotADate(Field::Date));
    let e = refused(
        &mut w,
        Action::SetAdoption(Adoption {
            by: None,
            planned: String::new(),
            decided: String::new(),
            reference: "x".repeat(61),
        }),
    );
    assert_eq!(e, DomainError::TooLong { field: Field::Reference, max: limits::DECISION_REFERENCE });
}

#[test]
fn dates_are_calendar_dates() {
    for good in ["2027-03-12", "2024-02-29", "2000-02-29", "1999-12-31"] {
        assert!(limits::is_iso_date(good), "{good}");
    }
    for bad in [
        "2027-02-29",
        "1900-02-29",
        "2027-13-01",
        "2027-00-10",
        "2027-1-1",
        "12-03-2027",
        "2027-03-12x",
        "0000-01-01",
        "२०२७-०३-१२",
    ] {
        assert!(!limits::is_iso_date(bad), "{bad}");
    }
}

// --- Actions ---------------------------------------------------------------------------------

#[test]
fn an_action_is_added_edited_and_set_done_and_refused_when_incomplete() {
    let mut w = set();
    ok(&mut w, task_action("t-1", "p-0", "2027-04-01"));
    let t = &w.after.tasks[0];
    assert_eq!((t.status, t.due.as_str(), t.who.as_str()), (Progress::Open, "2027-04-01", "Team Zuid"));
    // The same id again changes that action: no second one.
    let edited = Task {
        implication: Implication::Access,
        who: " Wijkteam ".into(),
        what: "Inloop".into(),
        due: String::new(),
        ..task("t-1", "p-0", "")
    };
    ok(&mut w, set_task(edited));
    assert_eq!(w.after.tasks.len(), 1);
    let t = &w.after.tasks[0];
    assert_eq!(
        (t.implication, t.who.as_str(), t.what.as_str(), t.due.as_str()),
        (Implication::Access, "Wijkteam", "Inloop", "")
    );
    let done = Task { status: Progress::Done, ..w.after.tasks[0].clone() };
    ok(&mut w, set_task(done));
    assert_eq!(w.after.tasks[0].status, Progress::Done);

    let no_what = Task { what: " ".into(), ..task("t-2", "p-0", "") };
    assert_eq!(refused(&mut w, set_task(no_what)), DomainError::Empty(Field::Task));
    assert_eq!(refused(&mut w, task_action("t-2", "p-0", "1 april")), DomainError::NotADate(Field::Date));
    assert_eq!(refused(&mut w, task_action("t-2", "p-9", "")), DomainError::NotFound(Field::Principle));
    // An id that names something else is not taken over.
    assert_eq!(refused(&mut w, task_action("p-1", "p-0", "")), DomainError::DuplicateId(Field::Task));
    assert_eq!(refused(&mut w, Action::RemoveTask(id("t-9"))), DomainError::NotFound(Field::Task));
    ok(&mut w, Action::RemoveTask(id("t-1")));
    assert!(w.after.tasks.is_empty());
    // A removed action is remembered, so a merged file does not bring it back unasked.
    assert!(w.deleted.iter().any(|t| t.id == id("t-1")), "{:?}", w.deleted);
}

#[test]
fn overdue_actions_are_told_apart_by_today_from_outside() {
    let mut w = set();
    ok(&mut w, task_action("t-late", "p-0", "2027-03-01"));
    ok(&mut w, task_action("t-due", "p-0", "2027-03-12"));
    ok(&mut w, task_action("t-done", "p-1", "2027-01-01"));
    ok(&mut w, set_task(Task { status: Progress::Done, ..task("t-done", "p-1", "2027-01-01") }));
    ok(&mut w, task_action("t-none", "p-1", ""));
    let today = "2027-03-12";
    let late: Vec<&str> = w.after.tasks.iter().filter(|t| overdue(t, today)).map(|t| t.id.as_str()).collect();
    assert_eq!(late, ["t-late"]);
    assert_eq!(task_counts(&w, today), TaskCounts { open: 3, busy: 0, done: 1, overdue: 1 });
    // A day later the one due today is late too: the date is the caller's, not a clock's.
    assert_eq!(task_counts(&w, "2027-03-13").overdue, 2);
}

#[test]
fn the_actions_export_to_formula_safe_csv_and_escaped_markdown() {
    let mut w = set();
    ok(&mut w, Action::EditPrinciple { id: id("p-0"), field: PrincipleField::Title, value: "=Zorg dichtbij".into() });
    ok(
        &mut w,
        set_task(Task {
            id: id("t-1"),
            principle: id("p-0"),
            implication: Implication::Procurement,
            who: "@inkoop".into(),
            what: "+Contract; herzien <b>nu</b>".into(),
            due: "2027-03-01".into(),
            status: Progress::Open,
        }),
    );
    ok(&mut w, task_action("t-2", "p-1", "2027-12-01"));
    let csv = tasks_csv(&w, "2027-03-12", Lang::Nl, Separator::Semicolon);
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines[0], "Principe;Wat betekent het voor…;Wie;Wat;Klaar op;Stand");
    assert_eq!(
        lines[1],
        "'=Zorg dichtbij;Inkoop en contracten;'@inkoop;\"'+Contract; herzien <b>nu</b>\";2027-03-01;Open — te laat"
    );
    assert_eq!(lines[2], "Principe 1;Aanbod en activiteiten;Team Zuid;Spreekuur in de bibliotheek;2027-12-01;Open");
    let md = tasks_markdown(&w, "2027-03-12", Lang::En);
    assert!(md.contains("| '\\=Zorg dichtbij | Procurement and contracts | '@inkoop | '\\+Contract; herzien \\<b\\>nu\\</b\\> | 1 March 2027 | Open — overdue |"), "{md}");
    assert!(!md.contains("<b>"), "{md}");
}

// --- The results monitor ------------------------------------------------------------------------

#[test]
fn indicators_belong_to_an_outcome_and_the_policy_theory_points_to_them() {
    let mut w = in_practice();
    let m = monitor(&w);
    assert_eq!(m.len(), 2);
    assert_eq!(m[0].indicators.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(), ["i-1"]);
    assert_eq!(m[0].principles.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), ["p-0"]);
    assert!(m[1].indicators.is_empty() && m[1].principles.is_empty());
    let (outcome, indicators) = outcome_of(&w, &w.principles[0]).expect("p-0 points to o-1");
    assert_eq!((outcome, indicators.len()), ("Inwoners doen mee", 1));
    assert!(outcome_of(&w, &w.principles[1]).is_none());
    let i = &w.after.indicators[0];
    assert_eq!((i.baseline.as_str(), i.measured.as_str(), i.target.as_str()), ("62 %", "66 %", "70 %"));

    let add = |oid: &str, name: &str, date: &str| {
        set_indicator(Indicator {
            id: id("i-2"),
            outcome: id(oid),
            name: name.into(),
            source: String::new(),
            baseline: String::new(),
            baseline_date: date.into(),
            target: String::new(),
            measured: String::new(),
            measured_date: String::new(),
        })
    };
    assert_eq!(refused(&mut w, add("o-9", "Iets", "")), DomainError::NotFound(Field::Outcome));
    assert_eq!(refused(&mut w, add("o-1", " ", "")), DomainError::Empty(Field::Indicator));
    assert_eq!(refused(&mut w, add("o-1", "Iets", "gisteren")), DomainError::NotADate(Field::Date));
    let too_long = Indicator { measured: "x".repeat(41), ..w.after.indicators[0].clone() };
    let e = refused(&mut w, set_indicator(too_long));
    assert_eq!(e, DomainError::TooLong { field: Field::Indicator, max: limits::INDICATOR_VALUE });
    // An outcome taken away takes its indicators along; the workshop stays whole.
    ok(&mut w, Action::RemoveOutcome { id: id("o-1") });
    assert!(w.after.indicators.is_empty());
    assert!(w.check().is_ok());
}

// --- The evaluation after a year -------------------------------------------------------------

#[test]
fn the_evaluation_sums_up_every_step_and_records_its_decision() {
    let mut w = in_practice();
    ok(
        &mut w,
        Action::AnswerCongruence {
            principle: id("p-0"),
            area: Area::Vision,
            question: 0,
            answer: Some(Answer::Yes),
            note: String::new(),
        },
    );
    ok(&mut w, task_action("t-2", "p-1", "2027-01-01"));
    let s = evaluation_summary(&w, "2027-03-12");
    assert_eq!((s.indicators, s.measured), (1, 1));
    assert_eq!(s.questions, 5 * 9);
    assert_eq!((s.yes, s.gaps), (1, 5 * 9 - 1));
    assert_eq!(s.tasks, TaskCounts { open: 1, busy: 1, done: 0, overdue: 1 });
    assert_eq!(s.assumptions[0], (id("p-0"), Some(Answer::Partly)));
    assert_eq!(s.assumptions[1], (id("p-1"), None));
    assert_eq!(w.after.evaluation.decision, Some(Decision::Revise));

    ok(&mut w, Action::CheckAssumption { principle: id("p-0"), answer: None, note: String::new() });
    assert!(w.after.assumptions.is_empty());
    let e = refused(
        &mut w,
        Action::SetEvaluation(Evaluation { held: "maart".into(), decision: None, note: String::new() }),
    );
    assert_eq!(e, DomainError::NotADate(Field::Date));
    let e = refused(
        &mut w,
        Action::CheckAssumption { principle: id("p-9"), answer: Some(Answer::Yes), note: String::new() },
    );
    assert_eq!(e, DomainError::NotFound(Field::Principle));
}

#[test]
fn undo_brings_back_what_an_after_the_workshop_action_changed() {
    let before = set();
    let mut h = History::new(before.clone());
    h.apply(task_action("t-1", "p-0", "2027-04-01")).expect("accepted");
    h.apply(Action::RemoveOutcome { id: id("o-2") }).expect("accepted");
    assert_eq!(h.present().after.tasks.len(), 1);
    assert!(h.undo() && h.undo());
    assert_eq!(*h.present(), before);
}
