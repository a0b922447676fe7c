//! The Yew components rendered natively (server-side rendering), without a browser: the shell
//! renders in both languages, and text a user typed comes out as text, never as HTML.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use leidraad::i18n::Lang;
use leidraad::ui::{App, Config};
use leidraad::workshop::{Action, CountingIds, IdSource, SetupField, Workshop};

async fn render(workshop: Workshop, lang: Lang) -> String {
    let config = Config { lang: Some(lang), start: Some(Rc::new(workshop)), ..Config::default() };
    yew::LocalServerRenderer::<App>::with_props(config).render().await
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
