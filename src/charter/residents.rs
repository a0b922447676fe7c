//! The set in plain words for residents, the people the principles are about: no method words
//! (no *transformatiedoel*, *beleidstheorie* or *maatschappelijk resultaat*), only what each
//! principle means, why, and what it should bring. As data for the after-the-charter page to
//! show and print, and as Markdown; user text goes through [`md`].

use std::fmt::Write;

use crate::export::markdown::md;
use crate::i18n::{HomeText, Lang};
use crate::workshop::Workshop;

/// One principle, for residents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResidentItem {
    pub title: String,
    pub meaning: String,
    pub why: String,
    /// What it should bring (the outcome it serves); empty when none is named.
    pub brings: String,
}

/// The whole set, for residents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Residents {
    /// The workshop's title (or the plain default) and organisation.
    pub title: String,
    pub organisation: String,
    pub items: Vec<ResidentItem>,
    /// "We kijken op 12 maart 2027 of het werkt." when an evaluation date is set.
    pub evaluation: Option<String>,
    /// The set is not final yet.
    pub draft: bool,
}

/// The residents' version of a workshop's set.
pub fn residents(w: &Workshop, lang: Lang) -> Residents {
    let items = w
        .principles
        .iter()
        .map(|p| ResidentItem {
            title: p.title.clone(),
            meaning: p.text.meaning.trim().to_string(),
            why: p.text.assumption.trim().to_string(),
            brings: super::served_outcome(w, p),
        })
        .collect();
    let d = w.after.evaluation_date.trim();
    let evaluation = (!d.is_empty())
        .then(|| HomeText::ResidentsEvaluation.get(lang).replace("{date}", &crate::export::date::date(d, lang)));
    Residents {
        title: super::poster::title_or_default(w, lang),
        organisation: w.setup.organisation.trim().to_string(),
        items,
        evaluation,
        draft: super::is_draft(w),
    }
}

/// The residents' version as Markdown.
pub fn residents_markdown(w: &Workshop, lang: Lang) -> String {
    let r = residents(w, lang);
    let t = |k: HomeText| k.get(lang);
    let mut out = String::new();
    // Writing to a String cannot fail; the results are ignored on purpose.
    let _ = writeln!(out, "# {}\n", md(&r.title));
    if !r.organisation.is_empty() {
        let _ = writeln!(out, "{}\n", md(&r.organisation));
    }
    let _ = writeln!(out, "{}\n", t(HomeText::ResidentsIntro));
    if r.draft {
        let _ = writeln!(out, "> {}\n", t(HomeText::ResidentsDraft));
    }
    for (i, item) in r.items.iter().enumerate() {
        let _ = writeln!(out, "## {}. {}\n", i + 1, md(&item.title));
        for (label, text) in [
            (HomeText::PosterMeaning, &item.meaning),
            (HomeText::PosterWhy, &item.why),
            (HomeText::ResidentsBrings, &item.brings),
        ] {
            if !text.is_empty() {
                let _ = writeln!(out, "**{}** {}\n", t(label), md(text));
            }
        }
    }
    if let Some(e) = &r.evaluation {
        let _ = writeln!(out, "{e}\n");
    }
    let _ = writeln!(out, "{}", t(HomeText::ResidentsQuestions));
    out
}
