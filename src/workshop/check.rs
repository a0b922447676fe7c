//! Integrity of a workshop read from a file: unique ids, no dangling reference, sane votes,
//! texts within the charter's limits. `apply` keeps these by construction; files are checked.

use std::collections::{HashMap, HashSet};

use super::error::Field;
use super::fields::PRINCIPLE_FIELDS;
use super::limits;
use super::model::Workshop;
use super::Id;

/// What is wrong with a workshop from outside (first problem found).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Integrity {
    /// The same id is used twice.
    DuplicateId(Id),
    /// A reference names nothing (`field` says what kind of thing it should name).
    Dangling { field: Field, id: Id },
    /// A text is longer than allowed.
    TooLong { field: Field, max: usize },
    /// Voting rules or dots out of range.
    BadVotes,
    /// Two principles from one cluster, or a tension that is not between two principles.
    BadSet,
}

impl Workshop {
    /// Checks every invariant; `Ok` means the workshop is safe to use and to merge.
    ///
    /// Linear in the size of the workshop: every list is walked once and every reference is
    /// looked up in a hash set of borrowed ids, so a file with tens of thousands of voters or
    /// cards opens without a pause. Nothing here may scan a list per item of another list.
    pub fn check(&self) -> Result<(), Integrity> {
        let mut seen = HashSet::with_capacity(self.all_ids().size_hint().0);
        for id in self.all_ids() {
            if !seen.insert(id) {
                return Err(Integrity::DuplicateId(id.clone()));
            }
        }
        fn ids<'a>(items: impl Iterator<Item = &'a Id>) -> HashSet<&'a Id> {
            items.collect()
        }
        let sources = ids(self.sources.iter().map(|x| &x.id));
        let groups = ids(self.setup.groups.iter().map(|x| &x.id));
        let clusters = ids(self.clusters.iter().map(|x| &x.id));
        let voters = ids(self.voting.voters.iter().map(|x| &x.id));
        let outcomes = ids(self.setup.outcomes.iter().map(|x| &x.id));
        let principles = ids(self.principles.iter().map(|x| &x.id));
        let dangling = |field: Field, id: &Id| Err(Integrity::Dangling { field, id: id.clone() });

        let s = &self.setup;
        len(&s.title, Field::Title, limits::TITLE)?;
        len(&s.organisation, Field::Organisation, limits::ORGANISATION)?;
        len(&s.date, Field::Date, limits::DATE)?;
        len(&s.facilitator, Field::Facilitator, limits::FACILITATOR)?;
        for o in &s.outcomes {
            len(&o.text, Field::Outcome, limits::OUTCOME)?;
        }
        for g in &s.groups {
            len(&g.name, Field::Group, limits::GROUP)?;
        }
        for src in &self.sources {
            len(&src.title, Field::Source, limits::SOURCE_TITLE)?;
            len(&src.notes, Field::SourceNotes, limits::SOURCE_NOTES)?;
        }
        for card in &self.cards {
            len(&card.text, Field::Card, limits::CARD)?;
            if !sources.contains(&card.source) {
                return dangling(Field::Source, &card.source);
            }
            if let Some(g) = &card.group {
                if !groups.contains(&g) {
                    return dangling(Field::Group, g);
                }
            }
            if let Some(c) = &card.cluster {
                if !clusters.contains(&c) {
                    return dangling(Field::Cluster, c);
                }
            }
        }
        for c in &self.clusters {
            len(&c.name, Field::Cluster, limits::CLUSTER)?;
        }

        let v = &self.voting;
        if !(limits::DOTS_MIN..=limits::DOTS_MAX).contains(&v.dots_per_voter)
            || !(1..=v.dots_per_voter).contains(&v.max_per_cluster)
        {
            return Err(Integrity::BadVotes);
        }
        // Dots per voter in one pass over the votes (asking each voter's total separately
        // would scan every vote once per voter).
        let mut used: HashMap<&Id, u32> = HashMap::with_capacity(v.voters.len());
        for vote in &v.votes {
            let n = used.entry(&vote.voter).or_insert(0);
            *n = n.saturating_add(vote.dots);
        }
        for voter in &v.voters {
            len(&voter.name, Field::Voter, limits::VOTER)?;
            if used.get(&voter.id).copied().unwrap_or(0) > v.dots_per_voter {
                return Err(Integrity::BadVotes);
            }
        }
        let mut pairs = HashSet::with_capacity(v.votes.len());
        for vote in &v.votes {
            if !voters.contains(&vote.voter) {
                return dangling(Field::Voter, &vote.voter);
            }
            if !clusters.contains(&vote.cluster) {
                return dangling(Field::Cluster, &vote.cluster);
            }
            if vote.dots == 0 || vote.dots > v.max_per_cluster || !pairs.insert((&vote.voter, &vote.cluster)) {
                return Err(Integrity::BadVotes);
            }
        }

        if self.principles.len() > limits::SET_HARD_MAX {
            return Err(Integrity::BadSet);
        }
        let mut promoted = HashSet::new();
        for p in &self.principles {
            for f in PRINCIPLE_FIELDS {
                len(f.field.text(p).unwrap_or_default(), f.field.error_field(), f.limit)?;
            }
            if let Some(c) = &p.from_cluster {
                if !clusters.contains(&c) {
                    return dangling(Field::Cluster, c);
                }
                if !promoted.insert(c) {
                    return Err(Integrity::BadSet);
                }
            }
            if let Some(o) = &p.outcome {
                if !outcomes.contains(&o) {
                    return dangling(Field::Outcome, o);
                }
            }
        }
        let mut tension_pairs = HashSet::new();
        for t in &self.tensions {
            len(&t.note, Field::Tension, limits::TENSION_NOTE)?;
            for end in [&t.a, &t.b] {
                if !principles.contains(&end) {
                    return dangling(Field::Principle, end);
                }
            }
            let pair = if t.a < t.b { (&t.a, &t.b) } else { (&t.b, &t.a) };
            if t.a == t.b || !tension_pairs.insert(pair) {
                return Err(Integrity::BadSet);
            }
            if let Some(p) = &t.priority {
                if p != &t.a && p != &t.b {
                    return Err(Integrity::BadSet);
                }
            }
        }
        let a = &self.after;
        let options = ids(a.options.iter().map(|x| &x.id));
        for o in &a.options {
            len(&o.title, Field::BudgetOption, limits::OPTION_TITLE)?;
            len(&o.description, Field::Note, limits::OPTION_DESCRIPTION)?;
            len(&o.amount, Field::Note, limits::OPTION_AMOUNT)?;
        }
        let mut verdicts = HashSet::new();
        for v in &a.assessments {
            len(&v.reason, Field::Note, limits::AFTER_NOTE)?;
            if !options.contains(&v.option) {
                return dangling(Field::BudgetOption, &v.option);
            }
            if !principles.contains(&v.principle) {
                return dangling(Field::Principle, &v.principle);
            }
            if !verdicts.insert((&v.option, &v.principle)) {
                return Err(Integrity::BadSet);
            }
        }
        let mut answers = HashSet::new();
        for c in &a.congruence {
            len(&c.note, Field::Note, limits::AFTER_NOTE)?;
            if !principles.contains(&c.principle) {
                return dangling(Field::Principle, &c.principle);
            }
            if c.question >= c.area.questions() || !answers.insert((&c.principle, c.area, c.question)) {
                return Err(Integrity::BadSet);
            }
        }
        for w in &a.whispers {
            len(&w.text, Field::Whisper, limits::WHISPER)?;
            len(&w.author, Field::Whisper, limits::WHISPER_AUTHOR)?;
            if !principles.contains(&w.principle) {
                return dangling(Field::Principle, &w.principle);
            }
        }
        for v in &a.versions {
            len(&v.name, Field::Version, limits::VERSION_NAME)?;
            len(&v.date, Field::Date, limits::DATE)?;
            for p in &v.principles {
                len(&p.title, Field::Principle, limits::PRINCIPLE_TITLE)?;
                len(&p.meaning, Field::PrincipleText, limits::PRINCIPLE_MEANING)?;
            }
        }
        len(&a.evaluation_date, Field::Date, limits::DATE)?;

        let mut stages = HashSet::new();
        if !self.locks.iter().all(|s| stages.insert(*s)) {
            return Err(Integrity::BadSet);
        }
        if let Some(f) = &self.finalised {
            if let Some(r) = &f.reason {
                len(r, Field::Reason, limits::REASON)?;
            }
        }
        self.check_merge_parts()
    }
}

pub(super) fn len(text: &str, field: Field, max: usize) -> Result<(), Integrity> {
    // A text of at most `max` bytes has at most `max` characters: no need to count them.
    if text.len() > max && text.chars().count() > max {
        Err(Integrity::TooLong { field, max })
    } else {
        Ok(())
    }
}
