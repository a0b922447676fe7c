//! What the host page configures (`data-` attributes on the mount element), and the new
//! workshop it asks for.

use std::rc::Rc;

use yew::prelude::*;

use super::steps::{Page, Phase};
use crate::i18n::{Lang, SetupText};
use crate::workshop::{IdSource, Workshop};

/// What the host page configures (from `data-` attributes on the mount element).
#[derive(Clone, Debug, Default, PartialEq, Properties)]
pub struct Config {
    /// Interface language; otherwise the user's last choice, otherwise Dutch.
    #[prop_or_default]
    pub lang: Option<Lang>,
    /// Starts from this workshop instead of reading storage (tests, server-side rendering).
    #[prop_or_default]
    pub start: Option<Rc<Workshop>>,
    /// Title for a new workshop (`data-title`).
    #[prop_or_default]
    pub title: Option<String>,
    /// Groups at the table for a new workshop (`data-groups`, comma-separated).
    #[prop_or_default]
    pub groups: Option<Vec<String>>,
    /// Which phases the step bar shows (`data-phases`, e.g. `collect,cluster`); all when unset.
    #[prop_or_default]
    pub phases: Option<Vec<Phase>>,
    /// The after-the-charter page (`data-after-href`, default `after.html`).
    #[prop_or_default]
    pub after_href: Option<String>,
    /// The workshop page, for the link back (`data-workshop-href`, default `index.html`).
    #[prop_or_default]
    pub workshop_href: Option<String>,
    /// Served by the live room's server (`data-live`, which only that server sets): the
    /// facilitator may take the workshop live.
    #[prop_or_default]
    pub live: bool,
    /// Panics after the first render: only for the test of the crash message (`data-crash-test`).
    #[prop_or_default]
    pub crash_test: bool,
}

impl Config {
    /// The phases a page shows, in workshop order: those the host asked for, or all of the
    /// page's phases when it asked for none of them.
    pub fn shown_phases(&self, page: Page) -> Vec<Phase> {
        match &self.phases {
            Some(list) if list.iter().any(|p| p.page() == page) => page.phases().filter(|p| list.contains(p)).collect(),
            _ => page.phases().collect(),
        }
    }

    /// The number the step bar gives this page's first shown step: the steps the host shows on
    /// the pages before it come first, so `data-phases="setup,collect,cluster"` numbers 1, 2, 3
    /// and the after-the-charter link 4 (not 7).
    pub fn first_number(&self, page: Page) -> usize {
        1 + Page::ALL.into_iter().take_while(|p| *p != page).map(|p| self.shown_phases(p).len()).sum::<usize>()
    }

    /// A shown step's number and the number of steps shown in all, as the step bar counts them
    /// (the projector says "Stap 2 / 3" when the host shows three steps, not "Stap 4 / 7").
    pub fn numbering(&self, page: Page, phase: Phase) -> (usize, usize) {
        let shown = self.shown_phases(page);
        let number = shown.iter().position(|p| *p == phase).map_or(phase.number(), |i| self.first_number(page) + i);
        let total = Page::ALL.into_iter().map(|p| self.shown_phases(p).len()).sum::<usize>();
        (number, total.max(number))
    }

    /// Where a page is: the host's address for it, or its file next to this one.
    pub fn href(&self, page: Page) -> AttrValue {
        let (set, default) = match page {
            Page::Workshop => (&self.workshop_href, "index.html"),
            Page::After => (&self.after_href, "after.html"),
        };
        AttrValue::from(set.clone().unwrap_or_else(|| default.to_string()))
    }
}

/// A new workshop with the host page's preset title and groups, or the four groups of the
/// method, named in the user's language. Built through `apply`, like every other change.
pub fn fresh_workshop(config: &Config, lang: Lang, ids: &mut impl IdSource) -> Workshop {
    let method =
        [SetupText::GroupResidents, SetupText::GroupPolicy, SetupText::GroupPractice, SetupText::GroupPartners]
            .map(|t| t.get(lang));
    Workshop::preset(ids, method, config.groups.as_ref().map(|g| g.iter().map(String::as_str)), config.title.as_deref())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_phases(slugs: &[&str]) -> Config {
        Config { phases: Some(slugs.iter().filter_map(|s| Phase::from_slug(s)).collect()), ..Config::default() }
    }

    #[test]
    fn the_step_bar_numbers_the_shown_steps_from_one() {
        let all = Config::default();
        assert_eq!((all.first_number(Page::Workshop), all.first_number(Page::After)), (1, 7));
        // Three steps shown: the after-the-charter link is the fourth, not the seventh.
        let three = with_phases(&["setup", "collect", "cluster"]);
        assert_eq!((three.first_number(Page::Workshop), three.first_number(Page::After)), (1, 4));
        assert_eq!(three.numbering(Page::Workshop, Phase::Cluster), (3, 4), "three steps and the after page");
        assert_eq!(Config::default().numbering(Page::Workshop, Phase::Cluster), (Phase::Cluster.number(), 7));
        let two = with_phases(&["cluster", "collect"]);
        assert_eq!(two.shown_phases(Page::Workshop), vec![Phase::Collect, Phase::Cluster]);
        assert_eq!(two.first_number(Page::After), 3);
    }
}
