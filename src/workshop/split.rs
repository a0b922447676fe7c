//! Representation made visible: the dots and the recognition round split by the group each
//! voter belongs to, and whether one group dominates.
//!
//! The rule for "one group dominates", said plainly: one group at the table gave more than half
//! of all dots (or of all recognition marks) while voters outside that group took part too.
//! Voters without a group are never a dominating group, but they do count as "others taking
//! part". It is a signal for the facilitator, not a verdict: the screen says what it sees.

use super::model::{Recognition, Voting, Workshop};
use super::Id;

/// What one group gave to one cluster: dots, and how many marked it strong, a little or not.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub dots: u32,
    pub strong: u32,
    pub little: u32,
    pub not: u32,
}

impl Tally {
    /// How many marked this level.
    pub fn of(&self, level: Recognition) -> u32 {
        match level {
            Recognition::Strong => self.strong,
            Recognition::Little => self.little,
            Recognition::Not => self.not,
        }
    }

    /// How many recognition marks in all.
    pub fn marks(&self) -> u32 {
        self.strong.saturating_add(self.little).saturating_add(self.not)
    }

    fn add(&mut self, other: &Tally) {
        self.dots = self.dots.saturating_add(other.dots);
        self.strong = self.strong.saturating_add(other.strong);
        self.little = self.little.saturating_add(other.little);
        self.not = self.not.saturating_add(other.not);
    }
}

/// The table: one row per cluster (board order), one column per group at the table (setup
/// order) and a last column for voters without a group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Split {
    /// The groups, in setup order; the column after them is "no group".
    pub groups: Vec<Id>,
    /// Per cluster, its tallies: one per group, then "no group".
    pub rows: Vec<(Id, Vec<Tally>)>,
}

impl Split {
    /// Each column's totals over all clusters (groups, then "no group").
    pub fn totals(&self) -> Vec<Tally> {
        let mut totals = vec![Tally::default(); self.groups.len() + 1];
        for (_, cells) in &self.rows {
            for (t, c) in totals.iter_mut().zip(cells) {
                t.add(c);
            }
        }
        totals
    }

    /// The group that gave more than half of all dots while others gave dots too, if any.
    pub fn dominant_in_dots(&self) -> Option<Dominance> {
        self.dominant(|t| t.dots)
    }

    /// The group that gave more than half of all recognition marks while others marked too.
    pub fn dominant_in_marks(&self) -> Option<Dominance> {
        self.dominant(Tally::marks)
    }

    fn dominant(&self, count: impl Fn(&Tally) -> u32) -> Option<Dominance> {
        let counts: Vec<u32> = self.totals().iter().map(count).collect();
        let at = dominant(&counts)?;
        Some(Dominance { group: self.groups[at].clone(), part: counts[at], of: counts.iter().sum() })
    }
}

/// One group gave `part` of all `of` (dots or marks): more than half.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dominance {
    pub group: Id,
    pub part: u32,
    pub of: u32,
}

/// The rule on counts per column (groups first, the last column "no group"): the index of the
/// group with more than half of the total, when some other column has a count too.
pub fn dominant(counts: &[u32]) -> Option<usize> {
    let total: u64 = counts.iter().map(|&n| u64::from(n)).sum();
    let groups = counts.len().checked_sub(1)?;
    let (at, &most) = counts[..groups].iter().enumerate().max_by_key(|(_, n)| **n)?;
    let others_took_part = u64::from(most) < total;
    (u64::from(most) * 2 > total && others_took_part).then_some(at)
}

impl Workshop {
    /// The dots and recognition marks split by the group of each voter (see [`Split`]).
    pub fn split(&self) -> Split {
        let groups: Vec<Id> = self.setup.groups.iter().map(|g| g.id.clone()).collect();
        let column = |voter: &Id| -> Option<usize> {
            let v = self.voting.voters.iter().find(|v| &v.id == voter)?;
            Some(match &v.group {
                Some(g) => groups.iter().position(|x| x == g).unwrap_or(groups.len()),
                None => groups.len(),
            })
        };
        let Voting { votes, marks, .. } = &self.voting;
        let mut rows: Vec<(Id, Vec<Tally>)> =
            self.clusters.iter().map(|c| (c.id.clone(), vec![Tally::default(); groups.len() + 1])).collect();
        let place = |voter: &Id, cluster: &Id| -> Option<(usize, usize)> {
            Some((self.clusters.iter().position(|c| &c.id == cluster)?, column(voter)?))
        };
        for v in votes {
            if let Some((r, c)) = place(&v.voter, &v.cluster) {
                let t = &mut rows[r].1[c];
                t.dots = t.dots.saturating_add(v.dots);
            }
        }
        for m in marks {
            if let Some((r, c)) = place(&m.voter, &m.cluster) {
                let t = &mut rows[r].1[c];
                let n = match m.level {
                    Recognition::Strong => &mut t.strong,
                    Recognition::Little => &mut t.little,
                    Recognition::Not => &mut t.not,
                };
                *n = n.saturating_add(1);
            }
        }
        Split { groups, rows }
    }
}
