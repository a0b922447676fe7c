//! What goes home besides the charter: a poster per principle (SVG built as text, everything
//! typed escaped) and the set in plain words for residents (no method words), as data and
//! Markdown.

mod common;

use common::*;
use leidraad::charter::poster::{poster_file_name, poster_svg, posters, wrap, xml};
use leidraad::charter::residents::{residents, residents_markdown};
use leidraad::i18n::{HomeText, Lang};
use leidraad::workshop::*;

/// Five principles with meanings, whys and an outcome; the second one hostile.
fn set() -> Workshop {
    let mut w = Workshop::default();
    ok(&mut w, Action::EditSetup { field: SetupField::Title, value: "Samen sterk in Ede".into() });
    ok(&mut w, Action::EditSetup { field: SetupField::Organisation, value: "Gemeente Ede".into() });
    ok(&mut w, Action::EditSetup { field: SetupField::Date, value: "2026-03-12".into() });
    ok(&mut w, Action::AddOutcome { id: id("o-1"), text: "Meer inwoners vragen op tijd hulp".into() });
    let titles = ["Dichtbij", "<script>alert('x')</script> & \"co\"", "Gewoon", "Samen", "Eén plan"];
    for (i, title) in titles.iter().enumerate() {
        let pid = format!("p-{i}");
        add_principle(&mut w, &pid, title);
        let meaning = format!("Wat principe {i} betekent: hulp in de buurt");
        let why = format!("mensen sneller hulp vragen bij iemand die ze kennen ({i})");
        for (field, value) in [(PrincipleField::Meaning, meaning), (PrincipleField::Assumption, why)] {
            ok(&mut w, Action::EditPrinciple { id: id(&pid), field, value });
        }
    }
    ok(&mut w, Action::SetPrincipleOutcome { id: id("p-0"), outcome: Some(id("o-1")) });
    w
}

/// The text of an SVG's `<text>` lines, joined by spaces (as a reader sees it).
fn svg_text(svg: &str) -> String {
    let lines = svg.lines().filter(|l| l.starts_with("<text"));
    lines.map(|l| l.split('>').nth(1).unwrap_or("").split('<').next().unwrap_or("")).collect::<Vec<_>>().join(" ")
}

#[test]
fn there_is_a_poster_per_principle_with_title_meaning_why_workshop_and_date() {
    let w = set();
    let all = posters(&w, Lang::Nl);
    assert_eq!(all.len(), 5);
    let p = &all[0];
    assert_eq!((p.number, p.title.as_str()), (1, "Dichtbij"));
    assert_eq!(p.meaning, "Wat principe 0 betekent: hulp in de buurt");
    assert_eq!(p.why, "mensen sneller hulp vragen bij iemand die ze kennen (0)");
    assert_eq!(p.serves, "Meer inwoners vragen op tijd hulp");
    assert_eq!(p.workshop, "Samen sterk in Ede · Gemeente Ede");
    assert_eq!(p.date, "12 maart 2026");
    let svg = poster_svg(p, Lang::Nl);
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.trim_end().ends_with("</svg>"));
    let words = svg_text(&svg);
    for text in ["Dichtbij", "hulp in de buurt", "iemand die ze kennen", "12 maart 2026", "Gemeente Ede"] {
        assert!(words.contains(text), "{text} on the poster: {words}");
    }
    assert!(svg.contains(HomeText::PosterWhy.get(Lang::Nl)));
    assert_eq!(poster_file_name(p), "poster-1-dichtbij.svg");
}

#[test]
fn everything_typed_on_a_poster_stays_text() {
    let all = posters(&set(), Lang::Nl);
    let svg = poster_svg(&all[1], Lang::Nl);
    assert!(!svg.contains("<script"), "no element from a title");
    assert!(svg.contains("&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; &quot;co&quot;"));
    // Every & in the file starts an entity: the file is well-formed XML.
    for (i, _) in svg.match_indices('&') {
        let rest = &svg[i..];
        assert!(["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"].iter().any(|e| rest.starts_with(e)), "bare & at {i}");
    }
    assert_eq!(xml("a\u{1}b\tc"), "ab c", "control characters XML forbids are dropped");
}

#[test]
fn long_words_and_urls_are_broken_so_nothing_runs_off_the_poster() {
    let url = format!("https://example.org/{}", "x".repeat(200));
    let lines = wrap(&format!("zie {url} voor meer"), 30);
    assert!(lines.iter().all(|l| l.chars().count() <= 30), "{lines:?}");
    assert_eq!(lines.concat().replace(' ', ""), format!("zie{url}voormeer"), "nothing lost");
    let mut w = set();
    ok(&mut w, Action::EditPrinciple { id: id("p-2"), field: PrincipleField::Assumption, value: url.clone() });
    let svg = poster_svg(&posters(&w, Lang::Nl)[2], Lang::Nl);
    assert!(svg.contains(&url[..20]));
    for line in svg.lines().filter(|l| l.starts_with("<text")) {
        let text = line.split('>').nth(1).unwrap_or("").split('<').next().unwrap_or("");
        assert!(text.chars().count() <= 70, "a line no longer than the poster is wide: {line}");
    }
}

/// The method's words a resident does not know, Dutch and English.
const JARGON: &[&str] = &[
    "beleidstheorie",
    "transformatiedoel",
    "congruentie",
    "doorfluister",
    "meetlat",
    "casus",
    "maatschappelijk",
    "veronderstelling",
    "werkwijze",
    "waarde / identiteit",
    "policy theory",
    "transformation",
    "congruence",
    "yardstick",
    "societal",
];

#[test]
fn the_residents_version_has_every_principle_in_plain_words_and_no_method_words() {
    let mut w = set();
    ok(&mut w, Action::SetEvaluationDate { date: "2027-03-12".into() });
    let r = residents(&w, Lang::Nl);
    assert_eq!(r.items.len(), 5);
    assert_eq!(r.items[0].brings, "Meer inwoners vragen op tijd hulp");
    assert_eq!(r.evaluation.as_deref(), Some("Op 12 maart 2027 kijken we of het werkt."));
    assert!(r.draft);
    for lang in [Lang::Nl, Lang::En] {
        let md = residents_markdown(&w, lang);
        for p in &w.principles {
            assert!(md.contains(&p.text.meaning) && md.contains(&p.text.assumption), "{lang:?}: meaning and why");
        }
        let lower = md.to_lowercase();
        for word in JARGON {
            assert!(!lower.contains(word), "{lang:?}: method word {word:?} in the residents' version");
        }
        // Typed text stays text in Markdown too.
        assert!(!md.contains("<script>"), "{lang:?}: escaped");
    }
    // Sentences stay short (the B1 rule of thumb: at most 20 words).
    for k in [HomeText::ResidentsIntro, HomeText::ResidentsDraft, HomeText::ResidentsQuestions] {
        for lang in [Lang::Nl, Lang::En] {
            for sentence in k.get(lang).split(['.', '?']) {
                assert!(sentence.split_whitespace().count() <= 20, "{sentence}");
            }
        }
    }
}
