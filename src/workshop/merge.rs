//! Merging a workshop file from another laptop into the open one.
//!
//! Rule, so the result is predictable: everything is united by id; an item both sides have
//! but with different content keeps the open workshop's version and is reported as a conflict.
//! Setup texts left empty here are taken from the other file. Votes of a voter known on both
//! sides stay as they are here (so nobody gets more dots than allowed).

use super::after::{CongruenceAnswer, Whisper};
use super::error::{DomainError, Field};
use super::model::*;
use super::Id;

/// An item both files had, with different content; the open workshop's version was kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    pub field: Field,
    pub id: Option<Id>,
}

/// What a merge added and where the two files disagreed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Items added from the other file, by kind.
    pub added: Vec<(Field, usize)>,
    /// Differences resolved in favour of the open workshop.
    pub conflicts: Vec<Conflict>,
    /// Items of the other file that were left out, with why (see `Conflict::field`).
    pub skipped: Vec<Conflict>,
}

impl MergeReport {
    /// Total number of items added.
    pub fn added_total(&self) -> usize {
        self.added.iter().map(|(_, n)| n).sum()
    }
}

/// The union and its report.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    pub workshop: Workshop,
    pub report: MergeReport,
}

/// Unites `theirs` into `ours` without changing either. Fails (and nothing happens) when
/// `theirs` is broken, or when the two use one id for different kinds of thing.
pub fn merged(ours: &Workshop, theirs: &Workshop) -> Result<Merged, DomainError> {
    theirs.check().map_err(|_| DomainError::OtherFileDamaged)?;
    let mut w = ours.clone();
    let mut r = MergeReport::default();

    for (mine, other, field) in [
        (&mut w.setup.title, &theirs.setup.title, Field::Title),
        (&mut w.setup.organisation, &theirs.setup.organisation, Field::Organisation),
        (&mut w.setup.date, &theirs.setup.date, Field::Date),
        (&mut w.setup.facilitator, &theirs.setup.facilitator, Field::Facilitator),
    ] {
        if mine.is_empty() {
            mine.clone_from(other);
        } else if !other.is_empty() && mine != other {
            r.conflicts.push(Conflict { field, id: None });
        }
    }
    unite(&mut w.setup.outcomes, &theirs.setup.outcomes, |x| &x.id, Field::Outcome, &mut r);
    unite(&mut w.setup.groups, &theirs.setup.groups, |x| &x.id, Field::Group, &mut r);
    unite(&mut w.sources, &theirs.sources, |x| &x.id, Field::Source, &mut r);
    unite(&mut w.clusters, &theirs.clusters, |x| &x.id, Field::Cluster, &mut r);
    unite(&mut w.cards, &theirs.cards, |x| &x.id, Field::Card, &mut r);

    let known_voters: Vec<Id> = w.voting.voters.iter().map(|v| v.id.clone()).collect();
    unite(&mut w.voting.voters, &theirs.voting.voters, |x| &x.id, Field::Voter, &mut r);
    let mut votes_differ = false;
    for vote in &theirs.voting.votes {
        if known_voters.contains(&vote.voter) {
            votes_differ |= !ours.voting.votes.contains(vote);
        } else {
            let mut vote = vote.clone();
            vote.dots = vote.dots.min(w.voting.max_per_cluster);
            w.voting.votes.push(vote);
        }
    }
    // A voter new to us may still have more dots than our rules allow: trim from the end.
    for voter in theirs.voting.voters.iter().filter(|v| !known_voters.contains(&v.id)) {
        while w.voting.dots_used(&voter.id) > w.voting.dots_per_voter {
            let Some(at) = w.voting.votes.iter().rposition(|v| v.voter == voter.id) else { break };
            w.voting.votes[at].dots -= 1;
            if w.voting.votes[at].dots == 0 {
                w.voting.votes.remove(at);
            }
        }
    }
    if votes_differ {
        r.conflicts.push(Conflict { field: Field::Voter, id: None });
    }

    let mut skipped_principles = Vec::new();
    let mut added = 0;
    for p in &theirs.principles {
        match w.principles.iter().find(|x| x.id == p.id) {
            Some(mine) => {
                if mine != p {
                    r.conflicts.push(Conflict { field: Field::Principle, id: Some(p.id.clone()) });
                }
            }
            None => {
                let twin = p.from_cluster.is_some() && w.principles.iter().any(|x| x.from_cluster == p.from_cluster);
                if twin {
                    skipped_principles.push(p.id.clone());
                    r.skipped.push(Conflict { field: Field::Principle, id: Some(p.id.clone()) });
                } else {
                    w.principles.push(p.clone());
                    added += 1;
                }
            }
        }
    }
    if added > 0 {
        r.added.push((Field::Principle, added));
    }
    let mut added = 0;
    for t in &theirs.tensions {
        if skipped_principles.contains(&t.a) || skipped_principles.contains(&t.b) {
            r.skipped.push(Conflict { field: Field::Tension, id: Some(t.id.clone()) });
            continue;
        }
        let same_pair = |x: &Tension| (x.a == t.a && x.b == t.b) || (x.a == t.b && x.b == t.a);
        match w.tensions.iter().find(|x| x.id == t.id || same_pair(x)) {
            Some(mine) if mine != t => r.conflicts.push(Conflict { field: Field::Tension, id: Some(t.id.clone()) }),
            Some(_) => {}
            None => {
                w.tensions.push(t.clone());
                added += 1;
            }
        }
    }
    if added > 0 {
        r.added.push((Field::Tension, added));
    }
    // After the charter: options, whispers and versions by id; verdicts and answers by what
    // they are about (ours win); nothing about a principle that was skipped above.
    let skipped = |id: &Id| skipped_principles.contains(id);
    unite(&mut w.after.options, &theirs.after.options, |x| &x.id, Field::BudgetOption, &mut r);
    unite(&mut w.after.versions, &theirs.after.versions, |x| &x.id, Field::Version, &mut r);
    let their_whispers: Vec<Whisper> =
        theirs.after.whispers.iter().filter(|x| !skipped(&x.principle)).cloned().collect();
    unite(&mut w.after.whispers, &their_whispers, |x| &x.id, Field::Whisper, &mut r);
    for a in theirs.after.assessments.iter().filter(|a| !skipped(&a.principle)) {
        match w.after.assessments.iter().find(|x| x.option == a.option && x.principle == a.principle) {
            Some(mine) if mine != a => r.conflicts.push(Conflict { field: Field::Note, id: Some(a.option.clone()) }),
            Some(_) => {}
            None => w.after.assessments.push(a.clone()),
        }
    }
    for c in theirs.after.congruence.iter().filter(|c| !skipped(&c.principle)) {
        let same = |x: &&CongruenceAnswer| x.principle == c.principle && x.area == c.area && x.question == c.question;
        match w.after.congruence.iter().find(same) {
            Some(mine) if mine != c => {
                r.conflicts.push(Conflict { field: Field::Question, id: Some(c.principle.clone()) })
            }
            Some(_) => {}
            None => w.after.congruence.push(c.clone()),
        }
    }
    if w.after.evaluation_date.is_empty() {
        w.after.evaluation_date.clone_from(&theirs.after.evaluation_date);
    }

    if w.finalised.is_none() && theirs.finalised.is_some() && w.principles == theirs.principles {
        w.finalised = theirs.finalised.clone();
    }

    w.check().map_err(|_| DomainError::IdClash)?;
    Ok(Merged { workshop: w, report: r })
}

fn unite<T: Clone + PartialEq>(
    ours: &mut Vec<T>,
    theirs: &[T],
    key: impl Fn(&T) -> &Id,
    field: Field,
    report: &mut MergeReport,
) {
    let mut added = 0;
    for item in theirs {
        match ours.iter().find(|x| key(x) == key(item)) {
            Some(mine) if mine != item => report.conflicts.push(Conflict { field, id: Some(key(item).clone()) }),
            Some(_) => {}
            None => {
                ours.push(item.clone());
                added += 1;
            }
        }
    }
    if added > 0 {
        report.added.push((field, added));
    }
}
