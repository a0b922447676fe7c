//! The three routes' own questions (answers kept on the source, cards that keep which question
//! they answered) and the 80/15/5 lens on a principle: through `apply`, undoable, bounded,
//! merged like other texts, and in the Markdown export.

mod common;

use common::*;
use leidraad::charter::to_markdown;
use leidraad::i18n::{self, CharterText, CollectText, ConcretiseText, Lang};
use leidraad::workshop::*;

/// [`collected`]: `s-ede` is data (gegevens), `s-casus` a case (situatie).
fn answer(source: &str, question: RouteQuestion, text: &str) -> Action {
    Action::AnswerRoute { source: id(source), question, text: text.into() }
}

fn answer_card(cid: &str, source: &str, question: RouteQuestion, text: &str) -> Action {
    Action::AddAnswerCard { id: id(cid), source: id(source), question, group: Some(id("g-inw")), text: text.into() }
}

fn source<'a>(w: &'a Workshop, sid: &str) -> &'a Source {
    w.source(&id(sid)).expect("the source is there")
}

#[test]
fn each_route_has_its_own_three_questions_with_stable_keys() {
    for kind in SourceKind::ALL {
        let qs = kind.questions();
        assert!(qs.iter().all(|q| q.kind() == kind), "{kind:?}");
        assert_eq!(qs.iter().map(|q| q.number()).collect::<Vec<_>>(), [1, 2, 3]);
    }
    // The file names a question by its key, never by its words.
    let key = serde_json::to_string(&RouteQuestion::DataSee).expect("writes");
    assert_eq!(key, "\"data_see\"");
    assert!(!key.contains(CollectText::question(RouteQuestion::DataSee).get(Lang::Nl)));
    assert!(serde_json::from_str::<RouteQuestion>("\"wat_ziet_u\"").is_err());
}

#[test]
fn an_answer_is_saved_on_its_source_in_question_order_and_emptied_away() {
    let mut w = collected();
    ok(&mut w, answer("s-casus", RouteQuestion::CaseKeep, "  We houden: één plan.  "));
    ok(&mut w, answer("s-casus", RouteQuestion::CaseStory, "Vier hulpverleners, geen regie."));
    let s = source(&w, "s-casus");
    assert_eq!(s.answer(RouteQuestion::CaseKeep), "We houden: één plan.");
    let order: Vec<RouteQuestion> = s.answers.iter().map(|a| a.question).collect();
    assert_eq!(order, [RouteQuestion::CaseStory, RouteQuestion::CaseKeep]);
    // Changing it keeps one answer; an empty text takes it away.
    ok(&mut w, answer("s-casus", RouteQuestion::CaseKeep, "Anders"));
    assert_eq!(source(&w, "s-casus").answers.len(), 2);
    ok(&mut w, answer("s-casus", RouteQuestion::CaseKeep, "   "));
    assert_eq!(source(&w, "s-casus").answer(RouteQuestion::CaseKeep), "");
    assert_eq!(source(&w, "s-casus").answers.len(), 1);
}

#[test]
fn a_question_of_another_route_too_long_an_answer_or_a_missing_source_is_refused_unchanged() {
    let mut w = collected();
    // `s-ede` is data: a case's question is not its own.
    assert_eq!(
        refused(&mut w, answer("s-ede", RouteQuestion::CaseStory, "Iets")),
        DomainError::NotFound(Field::Question)
    );
    let long = "é".repeat(limits::ROUTE_ANSWER + 1);
    assert_eq!(
        refused(&mut w, answer("s-ede", RouteQuestion::DataSee, &long)),
        DomainError::TooLong { field: Field::Answer, max: limits::ROUTE_ANSWER }
    );
    ok(&mut w, answer("s-ede", RouteQuestion::DataSee, &"é".repeat(limits::ROUTE_ANSWER)));
    assert_eq!(refused(&mut w, answer("s-weg", RouteQuestion::DataSee, "Iets")), DomainError::NotFound(Field::Source));
    // The refusals in plain words, in both languages.
    let nl = i18n::error(&DomainError::TooLong { field: Field::Answer, max: 600 }, Lang::Nl);
    assert_eq!(nl, "Maak het antwoord korter: hoogstens 600 tekens.");
    let en = i18n::error(&DomainError::TooLong { field: Field::Answer, max: 600 }, Lang::En);
    assert_eq!(en, "Please shorten the answer: 600 characters at most.");
}

#[test]
fn a_card_harvested_from_a_question_keeps_which_one() {
    let mut w = collected();
    ok(&mut w, answer_card("k-9", "s-ede", RouteQuestion::DataFriction, "Minder papierwerk"));
    let card = w.cards.iter().find(|c| c.id == id("k-9")).expect("added");
    assert_eq!((card.question, card.group.clone()), (Some(RouteQuestion::DataFriction), Some(id("g-inw"))));
    // A card of its own has none; one from another route's question is refused.
    ok(&mut w, Action::AddCard { id: id("k-10"), source: id("s-ede"), group: None, text: "Los".into() });
    assert_eq!(w.cards.last().map(|c| c.question), Some(None));
    assert_eq!(
        refused(&mut w, answer_card("k-11", "s-ede", RouteQuestion::AppreciativeWhy, "Nee")),
        DomainError::NotFound(Field::Question)
    );
    // Held to the same rules as any card.
    assert_eq!(
        refused(&mut w, answer_card("k-12", "s-ede", RouteQuestion::DataSee, "  ")),
        DomainError::Empty(Field::Card)
    );
    assert_eq!(
        refused(&mut w, answer_card("k-9", "s-ede", RouteQuestion::DataSee, "Dubbel")),
        DomainError::DuplicateId(Field::Card)
    );
}

#[test]
fn answers_and_answer_cards_are_one_undo_step_each_and_locked_with_collect() {
    let mut h = History::new(collected());
    h.apply(answer("s-ede", RouteQuestion::DataSee, "Veel diagnoses")).expect("answered");
    h.apply(answer_card("k-9", "s-ede", RouteQuestion::DataSee, "Niemand is normaal")).expect("card");
    assert!(h.undo());
    assert!(h.present().cards.iter().all(|c| c.id != id("k-9")));
    assert_eq!(source(h.present(), "s-ede").answer(RouteQuestion::DataSee), "Veel diagnoses");
    assert!(h.undo());
    assert!(source(h.present(), "s-ede").answers.is_empty());
    assert!(h.redo() && h.redo());
    assert_eq!(h.present().cards.last().and_then(|c| c.question), Some(RouteQuestion::DataSee));

    let mut w = collected();
    ok(&mut w, Action::SetLock { stage: Stage::Collect, locked: true });
    assert_eq!(refused(&mut w, answer("s-ede", RouteQuestion::DataSee, "x")), DomainError::Locked(Stage::Collect));
    assert_eq!(
        refused(&mut w, answer_card("k-9", "s-ede", RouteQuestion::DataSee, "x")),
        DomainError::Locked(Stage::Collect)
    );
}

#[test]
fn removing_a_source_takes_its_answers_and_undo_brings_them_back() {
    let mut h = History::new(collected());
    h.apply(answer("s-casus", RouteQuestion::CaseOutsider, "Eén plan gezien")).expect("answered");
    h.apply(Action::RemoveSource { id: id("s-casus") }).expect("removed");
    assert!(h.present().source(&id("s-casus")).is_none());
    assert!(h.undo());
    assert_eq!(source(h.present(), "s-casus").answer(RouteQuestion::CaseOutsider), "Eén plan gezien");
}

#[test]
fn a_differently_answered_question_waits_for_the_group_like_a_source_s_notes() {
    let mut ours = collected();
    ok(&mut ours, answer("s-ede", RouteQuestion::DataSee, "Veel diagnoses op twee scholen"));
    let mut theirs = collected();
    ok(&mut theirs, answer("s-ede", RouteQuestion::DataSee, "Hoge cijfers in Noord"));
    ok(&mut theirs, answer("s-ede", RouteQuestion::DataValues, "Gewoon meedoen"));
    ok(&mut theirs, answer_card("k-9", "s-ede", RouteQuestion::DataValues, "Niemand is normaal"));
    ok(&mut ours, Action::Merge { other: Box::new(theirs.clone()) });
    // Ours stays; theirs waits, for each answer it words differently.
    assert_eq!(source(&ours, "s-ede").answer(RouteQuestion::DataSee), "Veel diagnoses op twee scholen");
    let waiting: Vec<&Wording> = ours.disagreements.iter().map(|d| &d.about).collect();
    assert!(waiting.contains(&&Wording::SourceAnswer(id("s-ede"), RouteQuestion::DataSee)), "{waiting:?}");
    assert!(waiting.contains(&&Wording::SourceAnswer(id("s-ede"), RouteQuestion::DataValues)), "{waiting:?}");
    // Their new card comes with its question.
    assert_eq!(ours.cards.iter().find(|c| c.id == id("k-9")).and_then(|c| c.question), Some(RouteQuestion::DataValues));
    // Keeping both joins the two answers; taking theirs fills the empty one.
    let about = Wording::SourceAnswer(id("s-ede"), RouteQuestion::DataSee);
    ok(&mut ours, Action::Decide { about, theirs: "Hoge cijfers in Noord".into(), keep: Keep::Both(id("unused")) });
    assert_eq!(
        source(&ours, "s-ede").answer(RouteQuestion::DataSee),
        "Veel diagnoses op twee scholen\n\nHoge cijfers in Noord"
    );
    let about = Wording::SourceAnswer(id("s-ede"), RouteQuestion::DataValues);
    ok(&mut ours, Action::Decide { about, theirs: "Gewoon meedoen".into(), keep: Keep::Theirs });
    assert_eq!(source(&ours, "s-ede").answer(RouteQuestion::DataValues), "Gewoon meedoen");
    // Merging the same file again asks nothing new.
    ok(&mut ours, Action::Merge { other: Box::new(theirs) });
    assert!(ours.disagreements.is_empty(), "{:?}", ours.disagreements);
}

#[test]
fn a_deleted_answer_card_restored_from_the_other_file_keeps_its_question() {
    let mut ours = collected();
    ok(&mut ours, answer_card("k-9", "s-casus", RouteQuestion::CaseKeep, "Eén plan"));
    let theirs = ours.clone();
    ok(&mut ours, Action::RemoveCard { id: id("k-9") });
    ok(&mut ours, Action::Merge { other: Box::new(theirs.clone()) });
    assert!(ours.cards.iter().all(|c| c.id != id("k-9")), "deleted here stays deleted");
    let card = theirs.cards.iter().find(|c| c.id == id("k-9")).expect("theirs has it").clone();
    ok(&mut ours, Action::Restore { item: Box::new(Item::Card(card)) });
    assert_eq!(ours.cards.iter().find(|c| c.id == id("k-9")).and_then(|c| c.question), Some(RouteQuestion::CaseKeep));
}

#[test]
fn the_lens_is_six_optional_principle_fields_in_markdown_but_not_on_the_charter() {
    let lens: Vec<&FieldSpec> = PrincipleField::in_section(Section::Lens).collect();
    assert_eq!(lens.len(), 6);
    assert!(lens.iter().all(|s| !s.on_charter && s.in_markdown && s.limit == limits::PRINCIPLE_PART));

    let mut w = clustered();
    ok(&mut w, Action::Promote { id: id("p-norm"), cluster: id("c-norm") });
    let value = "Zij vinden zelf de weg: informatie in de wijk.";
    ok(&mut w, Action::EditPrinciple { id: id("p-norm"), field: PrincipleField::LensOwn, value: value.into() });
    ok(
        &mut w,
        Action::EditPrinciple {
            id: id("p-norm"),
            field: PrincipleField::LensVulnerableService,
            value: "Eén vaste hulpverlener".into(),
        },
    );
    assert_eq!(w.principles[0].text.lens_own, value);
    let too_long = "x".repeat(limits::PRINCIPLE_PART + 1);
    assert_eq!(
        refused(&mut w, Action::EditPrinciple { id: id("p-norm"), field: PrincipleField::LensAtRisk, value: too_long }),
        DomainError::TooLong { field: Field::PrincipleText, max: limits::PRINCIPLE_PART }
    );
    // In the Markdown, with its question; an empty part is left out.
    for lang in [Lang::Nl, Lang::En] {
        let md = to_markdown(&w, lang);
        assert!(md.contains(&format!("- *{}* {value}", ConcretiseText::LensOwn.get(lang))), "{md}");
        assert!(md.contains(ConcretiseText::LensVulnerableService.get(lang)));
        assert!(!md.contains(ConcretiseText::LensAtRisk.get(lang)));
    }
}

#[test]
fn the_markdown_names_the_question_a_listed_card_answered() {
    let mut w = collected();
    ok(&mut w, answer_card("k-9", "s-ede", RouteQuestion::DataValues, "Gewoon meedoen"));
    cluster_cards(&mut w, "c-mee", "Meedoen", &["k-9", "k-1"]);
    ok(&mut w, Action::Promote { id: id("p-mee"), cluster: id("c-mee") });
    for lang in [Lang::Nl, Lang::En] {
        let md = to_markdown(&w, lang);
        let line = md.lines().find(|l| l.starts_with("- Gewoon meedoen")).unwrap_or_else(|| panic!("{md}"));
        let named = format!(
            "{}: {}",
            CollectText::ForQuestion.get(lang),
            CollectText::question(RouteQuestion::DataValues).get(lang)
        );
        assert!(line.contains(&named), "{line}");
        // A card of its own names no question.
        let other = md.lines().find(|l| l.starts_with("- Niemand is normaal")).expect("listed");
        assert!(!other.contains(CollectText::ForQuestion.get(lang)), "{other}");
    }
}

#[test]
fn the_markdown_keeps_the_answers_to_the_routes_questions_per_source() {
    let mut w = collected();
    // No answers: no section.
    for lang in [Lang::Nl, Lang::En] {
        assert!(!to_markdown(&w, lang).contains(CharterText::MdRouteAnswers.get(lang)));
    }
    ok(&mut w, answer("s-casus", RouteQuestion::CaseKeep, "We houden: *één* plan."));
    ok(&mut w, answer("s-casus", RouteQuestion::CaseStory, "Vier hulpverleners, geen regie."));
    for lang in [Lang::Nl, Lang::En] {
        let md = to_markdown(&w, lang);
        let at = md.find(&format!("## {}", CharterText::MdRouteAnswers.get(lang))).unwrap_or_else(|| panic!("{md}"));
        let section = &md[at..];
        let story = format!(
            "- *{}* Vier hulpverleners, geen regie.",
            CollectText::question(RouteQuestion::CaseStory).get(lang)
        );
        let keep = section.find(CollectText::question(RouteQuestion::CaseKeep).get(lang)).expect("the kept answer");
        assert!(section.find(&story).expect("the story") < keep, "in the route's order: {section}");
        // What the group typed is data: Markdown's own marks are escaped.
        assert!(section.contains(r"\*één\*"), "{section}");
        // The data source has no answers, so it has no heading here.
        assert!(!section.contains("Veel diagnoses op sommige scholen"), "{section}");
    }
}
