//! The Yew components rendered natively (server-side rendering), without a browser: the shell
//! renders in both languages, and text a user typed comes out as text, never as HTML; each page
//! shows its own steps; the host's configuration makes a new workshop through `apply`.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use leidraad::i18n::Lang;
use leidraad::ui::pages::{AfterApp, WorkshopApp};
use leidraad::ui::{fresh_workshop, Config, Page, Phase};
use leidraad::workshop::{Action, CountingIds, IdSource, SetupField, Workshop};

async fn render(workshop: Workshop, lang: Lang) -> String {
    let config = Config { lang: Some(lang), start: Some(Rc::new(workshop)), ..Config::default() };
    yew::LocalServerRenderer::<WorkshopApp>::with_props(config).render().await
}

fn workshop_with_title(title: &str) -> Workshop {
    let mut w =
        Workshop::with_default_groups(&mut CountingIds::default(), ["Inwoners", "Beleid", "Uitvoering", "Partners"]);
    w.apply(Action::EditSetup { field: SetupField::Title, value: title.into() }).expect("title fits");
    w
}

#[tokio::test]
async fn the_shell_speaks_dutch_first_and_english_on_request() {
    let nl = render(workshop_with_title("Sociaal domein"), Lang::Nl).await;
    for word in ["Voorbereiden", "Verzamelen", "Clusteren", "Ongedaan maken", "Groepen aan tafel", "lang=\"nl\""] {
        assert!(nl.contains(word), "missing {word} in Dutch render");
    }
    let en = render(workshop_with_title("Social domain"), Lang::En).await;
    for word in ["Set up", "Collect", "Cluster", "Undo", "Groups at the table", "lang=\"en\""] {
        assert!(en.contains(word), "missing {word} in English render");
    }
}

#[tokio::test]
async fn a_title_that_looks_like_html_is_rendered_as_text() {
    let html = render(workshop_with_title("<img src=x onerror=alert(1)>"), Lang::Nl).await;
    assert!(!html.contains("<img src=x"), "raw HTML leaked into the page");
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"), "title not shown literally");
}

#[tokio::test]
async fn the_groups_of_the_method_are_there_at_the_start() {
    let mut ids = CountingIds::default();
    let w = Workshop::with_default_groups(&mut ids, ["Inwoners", "Beleid", "Uitvoering", "Maatschappelijke partners"]);
    assert_eq!(w.setup.groups.len(), 4);
    assert!(ids.next_id("x").as_str().ends_with('5'));
    let html = render(w, Lang::Nl).await;
    assert!(html.contains("Maatschappelijke partners"));
}

#[tokio::test]
async fn each_page_shows_its_own_steps_and_links_to_the_other() {
    let w = workshop_with_title("Sociaal domein");
    let workshop = render(w.clone(), Lang::Nl).await;
    assert!(workshop.contains("data-phase=\"setup\""), "the workshop page starts at set-up");
    assert!(workshop.contains("href=\"after.html\""), "the workshop page links to the after page");
    assert!(!workshop.contains("Terug naar de werksessie"));

    let config = Config {
        lang: Some(Lang::Nl),
        start: Some(Rc::new(w)),
        workshop_href: Some("/werksessie/".into()),
        ..Config::default()
    };
    let after = yew::LocalServerRenderer::<AfterApp>::with_props(config).render().await;
    assert!(after.contains("data-phase=\"after\""), "the after page shows its one step");
    assert!(after.contains("href=\"/werksessie/\""), "the way back follows data-workshop-href");
    assert!(after.contains("Terug naar de werksessie"));
    assert!(!after.contains("Voorbereiden"), "the workshop's steps are not on the after page");
}

#[test]
fn the_host_may_show_some_steps_of_a_page_but_never_none() {
    let some = Config { phases: Some(vec![Phase::Cluster, Phase::Collect, Phase::After]), ..Config::default() };
    assert_eq!(some.shown_phases(Page::Workshop), vec![Phase::Collect, Phase::Cluster]);
    assert_eq!(some.shown_phases(Page::After), vec![Phase::After]);
    let other_page_only = Config { phases: Some(vec![Phase::After]), ..Config::default() };
    assert_eq!(other_page_only.shown_phases(Page::Workshop).len(), 6);
}

#[test]
fn a_new_workshop_takes_the_hosts_groups_through_apply_or_else_the_methods_four() {
    let config = Config {
        groups: Some(vec!["Jongeren".into(), " ".into(), "Ouders".into()]),
        title: Some("Jeugd".into()),
        ..Config::default()
    };
    let w = fresh_workshop(&config, Lang::Nl, &mut CountingIds::default());
    let names: Vec<&str> = w.setup.groups.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(names, ["Jongeren", "Ouders"], "a blank name is refused by the domain, the others come");
    assert_eq!(w.setup.title, "Jeugd");

    let refused = Config { groups: Some(vec![" ".into()]), ..Config::default() };
    let w = fresh_workshop(&refused, Lang::En, &mut CountingIds::default());
    let names: Vec<&str> = w.setup.groups.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(names, ["Residents", "Policy", "Practice", "Community partners"]);
}

/// The charter step alone (as a host showing only that step would), rendered natively.
async fn render_charter(workshop: Workshop) -> String {
    use leidraad::ui::Phase;
    let config = Config {
        lang: Some(Lang::Nl),
        start: Some(Rc::new(workshop)),
        phases: Some(vec![Phase::Charter]),
        ..Config::default()
    };
    yew::LocalServerRenderer::<WorkshopApp>::with_props(config).render().await
}

#[tokio::test]
async fn the_charter_shows_the_evaluation_date_with_or_without_a_workshop_date() {
    let mut w = workshop_with_title("Sociaal domein");
    w.apply(Action::SetEvaluationDate { date: "2027-03-12".into() }).expect("a date");
    let without = render_charter(w.clone()).await;
    assert!(without.contains("ld-sheet"), "the charter step is shown");
    assert!(without.contains("12 maart 2027"), "the evaluation date without a workshop date");
    w.apply(Action::EditSetup { field: SetupField::Date, value: "2026-03-12".into() }).expect("a date");
    let with = render_charter(w).await;
    assert!(with.contains("12 maart 2026") && with.contains("12 maart 2027"), "both dates");
}
