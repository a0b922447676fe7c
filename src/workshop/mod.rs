//! The workshop domain: plain Rust, no browser. State, actions, the one `apply`, undo/redo,
//! integrity checks for files, and merging files from several laptops.

mod action;
mod after;
mod applied;
mod apply;
mod check;
mod error;
mod fields;
mod history;
mod id;
pub mod limits;
mod merge;
mod merge_practice;
mod model;
mod split;
pub(crate) mod variants;
mod wording_read;

pub use action::{Action, SetupField};
pub use after::*;
pub use applied::{Applied, CardMove, Change};
pub use check::{checks_run, Checked, Integrity};
pub use error::{DomainError, Field};
pub use fields::{FieldSpec, PrincipleField, Section, PRINCIPLE_FIELDS};
pub use history::History;
pub use id::{CountingIds, Id, IdSource};
pub use merge::{
    fingerprint, merged, Conflict, Disagreement, Item, Keep, MergeReport, Merged, Settled, Tombstone, Wording,
};
pub use merge_practice::Practice;
pub use model::*;
pub use split::{dominant, Dominance, Split, Tally};

impl Workshop {
    /// A new workshop with the four groups the method names, ready to edit.
    pub fn with_default_groups(ids: &mut impl IdSource, names: [&str; 4]) -> Workshop {
        Workshop::with_groups(ids, names)
    }

    /// A new workshop with these groups at the table (as a host page presets them), each
    /// added through `apply`: a name that is empty or too long is left out.
    pub fn with_groups<'a>(ids: &mut impl IdSource, names: impl IntoIterator<Item = &'a str>) -> Workshop {
        let mut w = Workshop::default();
        for name in names {
            // A refused name changes nothing; the others still count.
            let _ = w.apply(Action::AddGroup { id: ids.next_id("grp"), name: name.to_string() });
        }
        w
    }

    /// A new workshop for a host page's preset: its groups when at least one is usable, else
    /// the four the method names; its title when it fits. Everything goes through `apply`.
    pub fn preset<'a>(
        ids: &mut impl IdSource,
        default_groups: [&str; 4],
        groups: Option<impl IntoIterator<Item = &'a str>>,
        title: Option<&str>,
    ) -> Workshop {
        let mut w = groups.map(|g| Workshop::with_groups(ids, g)).unwrap_or_default();
        if w.setup.groups.is_empty() {
            w = Workshop::with_default_groups(ids, default_groups);
        }
        if let Some(title) = title {
            let _ = w.apply(Action::EditSetup { field: SetupField::Title, value: title.to_string() });
        }
        w
    }

    /// Whether replacing this workshop loses nothing: it holds only what `fresh` (a new
    /// workshop, as this page would start one) holds. Groups are compared by name, since a new
    /// workshop draws new ids. Every part is named, so a part added later must be decided here.
    pub fn is_untouched(&self, fresh: &Workshop) -> bool {
        // `deleted` only remembers what is gone (for merges): a workshop holding nothing else has
        // nothing on screen to lose; `settled` only what was decided. Wordings still waiting for
        // a decision are work.
        let Workshop {
            setup,
            sources,
            cards,
            clusters,
            voting,
            principles,
            tensions,
            finalised,
            locks,
            after,
            deleted: _,
            disagreements,
            settled: _,
        } = self;
        let Setup { title, organisation, date, facilitator, outcomes, groups } = setup;
        let names = |g: &[Group]| g.iter().map(|g| g.name.clone()).collect::<Vec<_>>();
        *title == fresh.setup.title
            && *organisation == fresh.setup.organisation
            && *date == fresh.setup.date
            && *facilitator == fresh.setup.facilitator
            && *outcomes == fresh.setup.outcomes
            && names(groups) == names(&fresh.setup.groups)
            && *sources == fresh.sources
            && *cards == fresh.cards
            && *clusters == fresh.clusters
            && *voting == fresh.voting
            && *principles == fresh.principles
            && *tensions == fresh.tensions
            && *finalised == fresh.finalised
            && *locks == fresh.locks
            && *after == fresh.after
            && disagreements.is_empty()
    }

    /// Every id in the workshop, of every kind.
    pub fn all_ids(&self) -> impl Iterator<Item = &Id> {
        self.setup
            .outcomes
            .iter()
            .map(|x| &x.id)
            .chain(self.setup.groups.iter().map(|x| &x.id))
            .chain(self.sources.iter().map(|x| &x.id))
            .chain(self.cards.iter().map(|x| &x.id))
            .chain(self.clusters.iter().map(|x| &x.id))
            .chain(self.voting.voters.iter().map(|x| &x.id))
            .chain(self.principles.iter().map(|x| &x.id))
            .chain(self.tensions.iter().map(|x| &x.id))
            .chain(self.after.options.iter().map(|x| &x.id))
            .chain(self.after.whispers.iter().map(|x| &x.id))
            .chain(self.after.versions.iter().map(|x| &x.id))
            .chain(self.after.tasks.iter().map(|x| &x.id))
            .chain(self.after.indicators.iter().map(|x| &x.id))
    }

    /// Cards in a cluster (or not grouped, with `None`), in board order.
    pub fn cards_in<'a>(&'a self, cluster: Option<&'a Id>) -> impl Iterator<Item = &'a Card> + 'a {
        self.cards.iter().filter(move |c| c.cluster.as_ref() == cluster)
    }

    /// Looks up a source by id.
    pub fn source(&self, id: &Id) -> Option<&Source> {
        self.sources.iter().find(|s| &s.id == id)
    }

    /// Looks up a group by id.
    pub fn group(&self, id: &Id) -> Option<&Group> {
        self.setup.groups.iter().find(|g| &g.id == id)
    }

    /// Looks up a cluster by id.
    pub fn cluster(&self, id: &Id) -> Option<&Cluster> {
        self.clusters.iter().find(|c| &c.id == id)
    }

    /// Clusters ranked by dots, most first; ties keep board order.
    pub fn ranking(&self) -> Vec<(&Cluster, u32)> {
        let mut ranked: Vec<(&Cluster, u32)> = self.clusters.iter().map(|c| (c, self.voting.dots_on(&c.id))).collect();
        crate::order::sort_by_key(&mut ranked, |r| std::cmp::Reverse(r.1));
        ranked
    }
}
