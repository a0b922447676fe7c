//! Integrity of a workshop read from a file: unique ids, no dangling reference, sane votes,
//! and every text as the interface would have stored it. `apply` keeps these by construction;
//! files are checked, once, by [`Workshop::checked`], which makes the [`Checked`] workshop
//! that `Action::Replace` takes without checking again.

use std::cell::Cell;
use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::error::{DomainError, Field};
use super::fields::{PrincipleField, PRINCIPLE_FIELDS};
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
    /// A text the interface would refuse (empty where required, a line break in a title), with
    /// the interface's own reason, so the message is the same.
    Refused(DomainError),
    /// Voting rules or dots out of range.
    BadVotes,
    /// Two principles from one cluster, or a tension that is not between two principles.
    BadSet,
}

impl std::fmt::Display for Integrity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the workshop is damaged: {self:?}")
    }
}

impl From<DomainError> for Integrity {
    fn from(e: DomainError) -> Integrity {
        match e {
            DomainError::TooLong { field, max } => Integrity::TooLong { field, max },
            e => Integrity::Refused(e),
        }
    }
}

/// A workshop that passed [`Workshop::checked`]: every text as the interface would store it
/// and every invariant holding. Only `checked` (or reading one, which checks) makes one, so
/// whoever takes a `Checked` need not check again. Reads as the workshop it holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "Workshop", into = "Workshop")]
pub struct Checked(Workshop);

impl Checked {
    /// The workshop itself.
    pub fn into_inner(self) -> Workshop {
        self.0
    }
}

impl std::ops::Deref for Checked {
    type Target = Workshop;
    fn deref(&self) -> &Workshop {
        &self.0
    }
}

impl TryFrom<Workshop> for Checked {
    type Error = Integrity;
    fn try_from(w: Workshop) -> Result<Checked, Integrity> {
        w.checked()
    }
}

impl From<Checked> for Workshop {
    fn from(c: Checked) -> Workshop {
        c.0
    }
}

thread_local! {
    static RUNS: Cell<usize> = const { Cell::new(0) };
}

/// How many times this thread has checked a whole workshop: opening a file should cost one.
pub fn checks_run() -> usize {
    RUNS.with(Cell::get)
}

/// The rule a text is held to: the same functions `apply` uses, so a file is refused for what
/// the interface refuses, with the same reason.
#[derive(Clone, Copy)]
struct Rule {
    field: Field,
    max: usize,
    needed: bool,
    one_line: bool,
}

impl Rule {
    fn take(self, text: &str) -> Result<String, DomainError> {
        match (self.one_line, self.needed) {
            (true, needed) => limits::one_line(text, self.field, self.max, needed),
            (false, true) => limits::required(text, self.field, self.max),
            (false, false) => limits::optional(text, self.field, self.max),
        }
    }
}

/// A one-line text (a title, a name); `needed` when it may not be empty.
const fn line(field: Field, max: usize, needed: bool) -> Rule {
    Rule { field, max, needed, one_line: true }
}

/// A text that may span lines.
const fn lines(field: Field, max: usize, needed: bool) -> Rule {
    Rule { field, max, needed, one_line: false }
}

fn principle_rule(f: PrincipleField, limit: usize) -> Rule {
    if f == PrincipleField::Title {
        line(f.error_field(), limit, true)
    } else {
        lines(f.error_field(), limit, false)
    }
}

/// Calls `visit(text, rule)` for every text in a workshop, with the rule `apply` holds it to;
/// the first refusal stops the walk.
fn each_text(
    w: &mut Workshop,
    visit: &mut dyn FnMut(&mut String, Rule) -> Result<(), DomainError>,
) -> Result<(), DomainError> {
    use Field as F;
    let s = &mut w.setup;
    visit(&mut s.title, line(F::Title, limits::TITLE, false))?;
    visit(&mut s.organisation, line(F::Organisation, limits::ORGANISATION, false))?;
    visit(&mut s.date, line(F::Date, limits::DATE, false))?;
    visit(&mut s.facilitator, line(F::Facilitator, limits::FACILITATOR, false))?;
    for o in &mut s.outcomes {
        visit(&mut o.text, line(F::Outcome, limits::OUTCOME, true))?;
    }
    for g in &mut s.groups {
        visit(&mut g.name, line(F::Group, limits::GROUP, true))?;
    }
    for src in &mut w.sources {
        visit(&mut src.title, line(F::Source, limits::SOURCE_TITLE, true))?;
        visit(&mut src.notes, lines(F::SourceNotes, limits::SOURCE_NOTES, false))?;
        // `apply` keeps no empty answer: a file with one is refused with the same reason.
        for a in &mut src.answers {
            visit(&mut a.text, lines(F::Answer, limits::ROUTE_ANSWER, true))?;
        }
    }
    for card in &mut w.cards {
        visit(&mut card.text, lines(F::Card, limits::CARD, true))?;
    }
    for c in &mut w.clusters {
        visit(&mut c.name, line(F::Cluster, limits::CLUSTER, true))?;
    }
    for v in &mut w.voting.voters {
        visit(&mut v.name, line(F::Voter, limits::VOTER, true))?;
    }
    for p in &mut w.principles {
        for f in PRINCIPLE_FIELDS {
            if let Some(t) = f.field.slot(p) {
                visit(t, principle_rule(f.field, f.limit))?;
            }
        }
    }
    for t in &mut w.tensions {
        visit(&mut t.note, lines(F::Tension, limits::TENSION_NOTE, false))?;
    }
    let a = &mut w.after;
    for o in &mut a.options {
        visit(&mut o.title, line(F::BudgetOption, limits::OPTION_TITLE, true))?;
        visit(&mut o.description, lines(F::Note, limits::OPTION_DESCRIPTION, false))?;
        visit(&mut o.amount, line(F::Note, limits::OPTION_AMOUNT, false))?;
    }
    for v in &mut a.assessments {
        visit(&mut v.reason, lines(F::Note, limits::AFTER_NOTE, false))?;
    }
    for c in &mut a.congruence {
        visit(&mut c.note, lines(F::Note, limits::AFTER_NOTE, false))?;
    }
    for wh in &mut a.whispers {
        visit(&mut wh.text, lines(F::Whisper, limits::WHISPER, true))?;
        visit(&mut wh.author, line(F::Whisper, limits::WHISPER_AUTHOR, false))?;
    }
    for v in &mut a.versions {
        visit(&mut v.name, line(F::Version, limits::VERSION_NAME, true))?;
        visit(&mut v.date, line(F::Date, limits::DATE, false))?;
        for p in &mut v.principles {
            visit(&mut p.title, line(F::Principle, limits::PRINCIPLE_TITLE, true))?;
            visit(&mut p.meaning, lines(F::PrincipleText, limits::PRINCIPLE_MEANING, false))?;
        }
    }
    visit(&mut a.evaluation_date, line(F::Date, limits::DATE, false))?;
    // In practice (version 3). Dates are held to `limits::iso_date` in `check_links`.
    for o in &mut a.owners {
        visit(&mut o.owner, line(F::Person, limits::PERSON, false))?;
        for name in &mut o.ambassadors {
            visit(name, line(F::Person, limits::PERSON, true))?;
        }
    }
    visit(&mut a.adoption.reference, line(F::Reference, limits::DECISION_REFERENCE, false))?;
    for t in &mut a.tasks {
        visit(&mut t.what, line(F::Task, limits::TASK_WHAT, true))?;
        visit(&mut t.who, line(F::Task, limits::TASK_WHO, false))?;
    }
    for i in &mut a.indicators {
        visit(&mut i.name, line(F::Indicator, limits::INDICATOR_NAME, true))?;
        visit(&mut i.source, line(F::Indicator, limits::INDICATOR_SOURCE, false))?;
        for value in [&mut i.baseline, &mut i.target, &mut i.measured] {
            visit(value, line(F::Indicator, limits::INDICATOR_VALUE, false))?;
        }
    }
    for c in &mut a.assumptions {
        visit(&mut c.note, lines(F::Note, limits::AFTER_NOTE, false))?;
    }
    visit(&mut a.evaluation.note, lines(F::Note, limits::AFTER_NOTE, false))?;
    if let Some(f) = &mut w.finalised {
        if let Some(r) = &mut f.reason {
            visit(r, lines(F::Reason, limits::REASON, false))?;
        }
    }
    Ok(())
}

impl Workshop {
    /// Checks every invariant; `Ok` means the workshop is safe to use and to merge.
    ///
    /// Linear in the size of the workshop: every list is walked once and every reference is
    /// looked up in a hash set of borrowed ids, so a file with tens of thousands of voters or
    /// cards opens without a pause. Nothing here may scan a list per item of another list.
    pub fn check(&self) -> Result<(), Integrity> {
        // One walk over the texts, the one that normalises them, on a copy: only a merged-in
        // workshop is checked this way, and one copy of code is less to download.
        self.clone().checked().map(|_| ())
    }

    /// Checks every invariant once and makes every text what the interface would have stored
    /// (trimmed, without hidden control characters), so a file from outside is used exactly
    /// as typed work would be. A text the interface would refuse refuses the whole workshop.
    pub fn checked(mut self) -> Result<Checked, Integrity> {
        RUNS.with(|n| n.set(n.get() + 1));
        each_text(&mut self, &mut |text, rule| {
            *text = rule.take(text)?;
            Ok(())
        })?;
        self.check_links()?;
        Ok(Checked(self))
    }

    /// Ids, references, votes and the set: everything but the texts.
    fn check_links(&self) -> Result<(), Integrity> {
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

        for src in &self.sources {
            // One answer per question (`apply` keeps one).
            let mut asked = HashSet::with_capacity(src.answers.len());
            if !src.answers.iter().all(|a| asked.insert(a.question)) {
                return Err(Integrity::Refused(DomainError::DuplicateId(Field::Answer)));
            }
        }
        for card in &self.cards {
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
        // The recognition round: at most one mark per voter and cluster, on both that are here;
        // a voter's group is one of the groups at the table.
        let mut marked = HashSet::with_capacity(v.marks.len());
        for mark in &v.marks {
            if !voters.contains(&mark.voter) {
                return dangling(Field::Voter, &mark.voter);
            }
            if !clusters.contains(&mark.cluster) {
                return dangling(Field::Cluster, &mark.cluster);
            }
            if !marked.insert((&mark.voter, &mark.cluster)) {
                return Err(Integrity::BadVotes);
            }
        }
        for voter in &v.voters {
            if let Some(g) = voter.group.as_ref().filter(|g| !groups.contains(g)) {
                return dangling(Field::Group, g);
            }
        }

        if self.principles.len() > limits::SET_HARD_MAX {
            return Err(Integrity::BadSet);
        }
        let mut promoted = HashSet::new();
        for p in &self.principles {
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
        let mut verdicts = HashSet::new();
        for v in &a.assessments {
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
            if !principles.contains(&c.principle) {
                return dangling(Field::Principle, &c.principle);
            }
            if c.question >= c.area.questions() || !answers.insert((&c.principle, c.area, c.question)) {
                return Err(Integrity::BadSet);
            }
        }
        for w in &a.whispers {
            if !principles.contains(&w.principle) {
                return dangling(Field::Principle, &w.principle);
            }
        }
        self.check_practice(&principles, &outcomes)?;

        let mut stages = HashSet::new();
        if !self.locks.iter().all(|s| stages.insert(*s)) {
            return Err(Integrity::BadSet);
        }
        self.check_merge_parts()
    }
}

impl Workshop {
    /// The parts of version 3 (the set in practice): each names a principle or outcome that is
    /// there, at most one entry per principle, lists within their limits, and dates that are
    /// calendar dates, as `apply` keeps them.
    fn check_practice(&self, principles: &HashSet<&Id>, outcomes: &HashSet<&Id>) -> Result<(), Integrity> {
        let a = &self.after;
        let dangling = |field: Field, id: &Id| Err(Integrity::Dangling { field, id: id.clone() });
        let date = |d: &str| -> Result<(), Integrity> {
            limits::iso_date(d, Field::Date).map(|_| ()).map_err(Integrity::from)
        };
        let mut owned = HashSet::new();
        for o in &a.owners {
            if !principles.contains(&o.principle) {
                return dangling(Field::Principle, &o.principle);
            }
            if !owned.insert(&o.principle) || o.ambassadors.len() > limits::AMBASSADORS {
                return Err(Integrity::BadSet);
            }
        }
        date(&a.adoption.planned)?;
        date(&a.adoption.decided)?;
        if a.tasks.len() > limits::TASKS || a.indicators.len() > limits::INDICATORS {
            return Err(Integrity::BadSet);
        }
        for t in &a.tasks {
            if !principles.contains(&t.principle) {
                return dangling(Field::Principle, &t.principle);
            }
            date(&t.due)?;
        }
        for i in &a.indicators {
            if !outcomes.contains(&i.outcome) {
                return dangling(Field::Outcome, &i.outcome);
            }
            date(&i.baseline_date)?;
            date(&i.measured_date)?;
        }
        let mut checked = HashSet::new();
        for c in &a.assumptions {
            if !principles.contains(&c.principle) {
                return dangling(Field::Principle, &c.principle);
            }
            if !checked.insert(&c.principle) {
                return Err(Integrity::BadSet);
            }
        }
        date(&a.evaluation.held)
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
