//! The steps of the workshop, described once: what each is called (slug and label), which
//! domain [`Stage`] it locks, which page shows it and what the projector shows during it. The
//! step bar, the locks, the projector, the host's `data-phases` and each page's routing read
//! this table; plain data, no browser, tested natively.
//!
//! Adding a step: a variant of [`Phase`], a row in [`STEPS`], its label text in `src/i18n/`,
//! its view (a component) and one arm in its page's `view` (`src/ui/pages/`). A lockable step
//! also needs its [`Stage`] and the stage of its actions (`src/workshop/model.rs`, `action.rs`).

use crate::i18n::{AfterText, CommonText, Lang};
use crate::workshop::Stage;

/// A step of the workshop, as shown in the step bar (*fase*).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Phase {
    Setup,
    Collect,
    Cluster,
    Reduce,
    Concretise,
    Charter,
    /// Na het charter: yardstick, congruence, doorfluister-check, versions.
    After,
}

/// A page of the app: one binary (`src/bin/`), one HTML file in `dist/`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Page {
    /// `index.html`: the workshop itself, from set-up to charter.
    Workshop,
    /// `after.html`: the tools used once the charter is there.
    After,
}

/// What the projector window shows while the working window is at a step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Screen {
    /// Title, outcomes and groups.
    Setup,
    /// The cards collected so far.
    Collect,
    /// The clusters with their cards.
    Board,
    /// The ranking of the dot vote.
    Reduce,
    /// The chosen principles.
    Set,
}

/// One row of the step table.
#[derive(Clone, Copy, Debug)]
pub struct Step {
    /// The step this row describes (its position in [`STEPS`] is its number minus one).
    pub phase: Phase,
    /// A stable name: `data-phase`, `data-phases`, the projector's view, the timer's key.
    pub slug: &'static str,
    /// The name in the step bar, in a language.
    pub label: fn(Lang) -> &'static str,
    /// The domain stage whose actions the facilitator's lock on this step refuses, if any.
    pub stage: Option<Stage>,
    /// The page that shows the step.
    pub page: Page,
    /// What the projector shows during the step.
    pub screen: Screen,
}

/// Every step, in workshop order.
pub const STEPS: [Step; 7] = [
    Step {
        phase: Phase::Setup,
        slug: "setup",
        label: |l| CommonText::PhaseSetup.get(l),
        stage: Some(Stage::Setup),
        page: Page::Workshop,
        screen: Screen::Setup,
    },
    Step {
        phase: Phase::Collect,
        slug: "collect",
        label: |l| CommonText::PhaseCollect.get(l),
        stage: Some(Stage::Collect),
        page: Page::Workshop,
        screen: Screen::Collect,
    },
    Step {
        phase: Phase::Cluster,
        slug: "cluster",
        label: |l| CommonText::PhaseCluster.get(l),
        stage: Some(Stage::Cluster),
        page: Page::Workshop,
        screen: Screen::Board,
    },
    Step {
        phase: Phase::Reduce,
        slug: "reduce",
        label: |l| CommonText::PhaseReduce.get(l),
        stage: Some(Stage::Reduce),
        page: Page::Workshop,
        screen: Screen::Reduce,
    },
    Step {
        phase: Phase::Concretise,
        slug: "concretise",
        label: |l| CommonText::PhaseConcretise.get(l),
        stage: Some(Stage::Concretise),
        page: Page::Workshop,
        screen: Screen::Set,
    },
    // The charter has no actions of its own to lock: finalising belongs to concretising.
    Step {
        phase: Phase::Charter,
        slug: "charter",
        label: |l| CommonText::PhaseCharter.get(l),
        stage: None,
        page: Page::Workshop,
        screen: Screen::Set,
    },
    Step {
        phase: Phase::After,
        slug: "after",
        label: |l| AfterText::PhaseAfter.get(l),
        stage: None,
        page: Page::After,
        screen: Screen::Set,
    },
];

// Rows are looked up by position: a row out of order does not compile.
const _: () = {
    let mut i = 0;
    while i < STEPS.len() {
        assert!(STEPS[i].phase as usize == i, "STEPS must list the phases in declaration order");
        i += 1;
    }
};

impl Phase {
    /// All phases in workshop order.
    pub const ALL: [Phase; 7] = {
        let mut all = [Phase::Setup; 7];
        let mut i = 0;
        while i < STEPS.len() {
            all[i] = STEPS[i].phase;
            i += 1;
        }
        all
    };

    /// This phase's row of the step table.
    pub fn step(self) -> &'static Step {
        &STEPS[self as usize]
    }

    /// Its number in the step bar, counting from one.
    pub fn number(self) -> usize {
        self as usize + 1
    }

    /// The name shown in the step bar.
    pub fn label(self, lang: Lang) -> &'static str {
        (self.step().label)(lang)
    }

    /// A stable name for tests and the `data-phase` attribute.
    pub fn slug(self) -> &'static str {
        self.step().slug
    }

    /// The phase named by its slug (as in `data-phases`).
    pub fn from_slug(slug: &str) -> Option<Phase> {
        STEPS.iter().find(|s| s.slug == slug).map(|s| s.phase)
    }

    /// The domain stage a lock on this phase refuses; `None` when it cannot be locked.
    pub fn stage(self) -> Option<Stage> {
        self.step().stage
    }

    /// The page that shows this phase.
    pub fn page(self) -> Page {
        self.step().page
    }

    /// What the projector shows during this phase.
    pub fn screen(self) -> Screen {
        self.step().screen
    }
}

impl Page {
    /// Every page, in the order of their steps.
    pub const ALL: [Page; 2] = [Page::Workshop, Page::After];

    /// A stable name, for the step this page's tab last showed (`leidraad.step.workshop`).
    pub fn name(self) -> &'static str {
        match self {
            Page::Workshop => "workshop",
            Page::After => "after",
        }
    }

    /// The page's steps, in workshop order.
    pub fn phases(self) -> impl Iterator<Item = Phase> {
        Phase::ALL.into_iter().filter(move |p| p.page() == self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_slug_reads_back_and_is_unique() {
        for p in Phase::ALL {
            assert_eq!(Phase::from_slug(p.slug()), Some(p));
        }
        assert_eq!(Phase::from_slug("nope"), None);
    }

    #[test]
    fn every_lockable_stage_has_exactly_one_step() {
        for stage in Stage::ALL {
            let steps: Vec<Phase> = Phase::ALL.into_iter().filter(|p| p.stage() == Some(stage)).collect();
            assert_eq!(steps.len(), 1, "{stage:?} is locked from {steps:?}");
        }
    }

    #[test]
    fn pages_split_the_steps_in_order() {
        assert_eq!(Page::Workshop.phases().count(), 6);
        assert_eq!(Page::After.phases().collect::<Vec<_>>(), vec![Phase::After]);
        assert_eq!(Phase::Charter.number(), 6);
        assert_eq!(Phase::After.number(), 7);
    }

    #[test]
    fn every_step_has_a_label_in_both_languages() {
        for p in Phase::ALL {
            assert!(!p.label(Lang::Nl).is_empty() && !p.label(Lang::En).is_empty(), "{p:?}");
        }
        assert_eq!(Phase::Cluster.label(Lang::Nl), "Clusteren");
    }
}
