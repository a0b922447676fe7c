//! Merging a workshop file from another laptop into the open one.
//!
//! Rule, so the result is predictable and nothing anyone typed is lost:
//! - everything is united by id;
//! - what was deleted here stays deleted (its tombstone says so): the other file's copy is not
//!   added but listed in the report, so the group can restore it ([`Action::Restore`]);
//! - what the other file deleted but this workshop still has stays (the open workshop's items
//!   are never removed by a merge); its tombstone is kept only for ids neither side still has;
//! - an item both sides have with a different wording keeps this workshop's words and records
//!   the other words as a [`Disagreement`] in the workshop, until the group decides
//!   ([`Action::Decide`]): keep this, keep theirs, or keep both;
//! - other differences (a card in another cluster or group, another source type, another
//!   dot count, a principle's type or outcome, a tension's priority) keep this version too and
//!   wait the same way, as the other file's value, until the group keeps this one or takes theirs;
//! - a decided difference is remembered ([`Settled`]: which text and a fingerprint of the
//!   declined words), so merging the same file again asks nothing new; a new wording still waits;
//! - setup texts left empty here are taken from the other file; votes of a voter known on both
//!   sides stay as they are here (so nobody gets more dots than allowed).
//!
//! The rule is plain domain code, so a live room can use the same one.

use std::borrow::Cow;
use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::action::{Action, SetupField};
use super::after::{BudgetOption, CharterVersion, CongruenceAnswer, Indicator, Task, Whisper};
use super::check::Integrity;
use super::error::{DomainError, Field};
use super::fields::PrincipleField;
use super::limits;
use super::merge_practice::{self, Practice};
use super::model::*;
use super::variants::read_struct;
use super::Id;

/// An item both files had, with different content; the open workshop's version was kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    pub field: Field,
    pub id: Option<Id>,
}

/// What a merge added and where the two files disagreed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MergeReport {
    /// Items added from the other file, by kind.
    pub added: Vec<(Field, usize)>,
    /// Every item both sides hold with different content; this workshop's version was kept
    /// (and, for a different wording, the other words wait in `Workshop::disagreements`).
    pub conflicts: Vec<Conflict>,
    /// Items of the other file that were left out, with why (see `Conflict::field`).
    pub skipped: Vec<Conflict>,
    /// Items the other file still had that were deleted here (or hang on one that was):
    /// kept deleted, and offered for restoring.
    pub restorable: Vec<Item>,
    /// How many new wording differences now wait for a decision.
    pub disagreements: usize,
    /// Each of `conflicts` by its kind and its words here, so the report can name it.
    pub named: Vec<(Field, String)>,
    /// New items of the other file left out because no more fit (actions, indicators).
    pub full: Vec<Conflict>,
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

/// A deletion, remembered so a merge does not bring the item back. Only the id and when:
/// bounded, and nothing of the deleted words stays behind.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Tombstone {
    /// The id of what was deleted (of any kind).
    pub id: Id,
    /// When, as a count of deletions (a Lamport clock: one more than the latest this workshop
    /// knows, also from merged files). The domain has no wall clock; a count orders deletions
    /// the same way on every laptop, and the oldest are forgotten first.
    pub at: u64,
}

read_struct!(Tombstone { id, at });

/// One text or value a merge found different in the other file.
///
/// For a value (the variants from `CardCluster` on) the other file's value is written as text:
/// an id, or empty for none; a type by its name in the file (`case`); a number of dots.
///
/// Read by a reader of its own (`wording_read`), which reads what this writes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Wording {
    Setup(SetupField),
    Outcome(Id),
    Group(Id),
    SourceTitle(Id),
    SourceNotes(Id),
    /// The answer to one of a source's route questions.
    SourceAnswer(Id, RouteQuestion),
    Card(Id),
    Cluster(Id),
    Principle(Id, PrincipleField),
    /// A tension's note.
    Tension(Id),
    /// The cluster a card is in.
    CardCluster(Id),
    /// The group that wrote a card.
    CardGroup(Id),
    /// The source a card was harvested from.
    CardSource(Id),
    /// A source's type.
    SourceKind(Id),
    /// A voter's dots on a cluster.
    Dots {
        voter: Id,
        cluster: Id,
    },
    /// A principle's type.
    PrincipleKind(Id),
    /// The outcome a principle serves.
    PrincipleOutcome(Id),
    /// Which of a tension's two principles goes first.
    TensionPriority(Id),
    /// A voter's recognition of a cluster (its name in the file, or empty for no mark).
    Mark {
        voter: Id,
        cluster: Id,
    },
    /// The group a voter belongs to.
    VoterGroup(Id),
    /// A record of the set in practice, whole (see `merge_practice`).
    Practice(Practice),
}

/// A difference the group decided on: never asked again for the same words or value of the
/// other file. Like a tombstone, bounded, and nothing of the declined words stays behind.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Settled {
    /// Which text or value.
    pub about: Wording,
    /// [`fingerprint`] of the other file's words or value.
    pub theirs: String,
    /// When, as a count of decisions (a Lamport clock, as for [`Tombstone::at`]).
    pub at: u64,
}

read_struct!(Settled { about, theirs, at });

/// A short, stable fingerprint of a text: 64-bit FNV-1a as 16 hex digits (the same on every
/// laptop and every version of Rust).
pub fn fingerprint(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// A source type's name in the file.
fn source_kind_name(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::Case => "case",
        SourceKind::Data => "data",
        SourceKind::Appreciative => "appreciative",
    }
}

/// A principle type's name in the file.
fn principle_kind_name(kind: PrincipleKind) -> &'static str {
    match kind {
        PrincipleKind::TransformationGoal => "transformation_goal",
        PrincipleKind::Value => "value",
    }
}

/// An optional reference as text: its id, or empty.
fn reference(id: &Option<Id>) -> &str {
    id.as_ref().map(Id::as_str).unwrap_or_default()
}

/// An optional reference read back from text (`None` for empty; `Err` when not an id).
fn read_reference(text: &str) -> Result<Option<Id>, ()> {
    if text.is_empty() {
        Ok(None)
    } else {
        Id::parse(text).map(Some).ok_or(())
    }
}

/// A wording difference that waits for the group: this workshop shows its own words, the
/// other file's words are kept here until someone decides.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Disagreement {
    /// Which text.
    pub about: Wording,
    /// The other file's words.
    pub theirs: String,
}

read_struct!(Disagreement { about, theirs });

impl Disagreement {
    /// Whether there is still something to choose here: its item is here, and the file's value
    /// names something that is here too.
    pub fn can_wait(&self, w: &Workshop) -> bool {
        self.about.ours(w).is_some() && self.about.takes(w, &self.theirs)
    }
}

/// What to keep of a [`Disagreement`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Keep {
    /// The words on this screen; the other words are dropped.
    Ours,
    /// The other file's words replace these.
    Theirs,
    /// Both: a card becomes two cards (the other one gets this id, in the same cluster);
    /// any other text gets the other words added after its own.
    Both(Id),
}

/// Something the other file still had that was deleted here, whole, so it can be restored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Item {
    Outcome(Outcome),
    Group(Group),
    Source(Source),
    Card(Card),
    Cluster(Cluster),
    Voter(Voter),
    /// Boxed: a principle is much larger than the other items.
    Principle(Box<Principle>),
    Tension(Tension),
    BudgetOption(BudgetOption),
    Whisper(Whisper),
    Version(CharterVersion),
    /// An action of the set in practice.
    Task(Task),
    /// An indicator of the results monitor.
    Indicator(Indicator),
}

impl Item {
    /// Its id.
    pub fn id(&self) -> &Id {
        match self {
            Item::Outcome(x) => &x.id,
            Item::Group(x) => &x.id,
            Item::Source(x) => &x.id,
            Item::Card(x) => &x.id,
            Item::Cluster(x) => &x.id,
            Item::Voter(x) => &x.id,
            Item::Principle(x) => &x.id,
            Item::Tension(x) => &x.id,
            Item::BudgetOption(x) => &x.id,
            Item::Whisper(x) => &x.id,
            Item::Version(x) => &x.id,
            Item::Task(x) => &x.id,
            Item::Indicator(x) => &x.id,
        }
    }

    /// What kind of thing it is, to name it.
    pub fn field(&self) -> Field {
        match self {
            Item::Outcome(_) => Field::Outcome,
            Item::Group(_) => Field::Group,
            Item::Source(_) => Field::Source,
            Item::Card(_) => Field::Card,
            Item::Cluster(_) => Field::Cluster,
            Item::Voter(_) => Field::Voter,
            Item::Principle(_) => Field::Principle,
            Item::Tension(_) => Field::Tension,
            Item::BudgetOption(_) => Field::BudgetOption,
            Item::Whisper(_) => Field::Whisper,
            Item::Version(_) => Field::Version,
            Item::Task(_) => Field::Task,
            Item::Indicator(_) => Field::Indicator,
        }
    }

    /// Its words, to show it (a tension shows its note).
    pub fn label(&self) -> &str {
        match self {
            Item::Outcome(x) => &x.text,
            Item::Group(x) => &x.name,
            Item::Source(x) => &x.title,
            Item::Card(x) => &x.text,
            Item::Cluster(x) => &x.name,
            Item::Voter(x) => &x.name,
            Item::Principle(x) => &x.title,
            Item::Tension(x) => &x.note,
            Item::BudgetOption(x) => &x.title,
            Item::Whisper(x) => &x.text,
            Item::Version(x) => &x.name,
            Item::Task(x) => &x.what,
            Item::Indicator(x) => &x.name,
        }
    }

    /// The stage whose lock also locks restoring it (`None`: after the charter, never locked).
    pub fn stage(&self) -> Option<Stage> {
        match self {
            Item::Outcome(_) | Item::Group(_) => Some(Stage::Setup),
            Item::Source(_) | Item::Card(_) => Some(Stage::Collect),
            Item::Cluster(_) => Some(Stage::Cluster),
            Item::Voter(_) | Item::Principle(_) | Item::Tension(_) => Some(Stage::Reduce),
            Item::BudgetOption(_) | Item::Whisper(_) | Item::Version(_) | Item::Task(_) | Item::Indicator(_) => None,
        }
    }
}

impl Wording {
    /// The item this text belongs to (`None`: a setup text).
    pub fn item(&self) -> Option<&Id> {
        match self {
            Wording::Setup(_) => None,
            Wording::Outcome(id)
            | Wording::Group(id)
            | Wording::SourceTitle(id)
            | Wording::SourceNotes(id)
            | Wording::SourceAnswer(id, _)
            | Wording::Card(id)
            | Wording::Cluster(id)
            | Wording::Principle(id, _)
            | Wording::Tension(id)
            | Wording::CardCluster(id)
            | Wording::CardGroup(id)
            | Wording::CardSource(id)
            | Wording::SourceKind(id)
            | Wording::PrincipleKind(id)
            | Wording::PrincipleOutcome(id)
            | Wording::TensionPriority(id)
            | Wording::VoterGroup(id) => Some(id),
            // Named by its cluster; the voter is in `ids`.
            Wording::Dots { cluster, .. } | Wording::Mark { cluster, .. } => Some(cluster),
            Wording::Practice(p) => p.item(),
        }
    }

    /// Every item it depends on: when one of them goes, so does the difference.
    pub fn ids(&self) -> Vec<&Id> {
        match self {
            Wording::Dots { voter, cluster } | Wording::Mark { voter, cluster } => vec![voter, cluster],
            other => other.item().into_iter().collect(),
        }
    }

    /// Whether it is a text (with "keep both"); otherwise a value, where one of the two stays.
    pub fn is_text(&self) -> bool {
        !matches!(
            self,
            Wording::CardCluster(_)
                | Wording::CardGroup(_)
                | Wording::CardSource(_)
                | Wording::SourceKind(_)
                | Wording::Dots { .. }
                | Wording::Mark { .. }
                | Wording::VoterGroup(_)
                | Wording::PrincipleKind(_)
                | Wording::PrincipleOutcome(_)
                | Wording::TensionPriority(_)
                | Wording::Practice(_)
        )
    }

    /// Whether "keep both" makes sense: for a text, and for a principle's owners.
    pub fn keeps_both(&self) -> bool {
        match self {
            Wording::Practice(p) => p.keeps_both(),
            other => other.is_text(),
        }
    }

    /// What kind of thing it is, to name it.
    pub fn field(&self) -> Field {
        match self {
            Wording::Setup(SetupField::Title) => Field::Title,
            Wording::Setup(SetupField::Organisation) => Field::Organisation,
            Wording::Setup(SetupField::Date) => Field::Date,
            Wording::Setup(SetupField::Facilitator) => Field::Facilitator,
            Wording::Outcome(_) => Field::Outcome,
            Wording::Group(_) => Field::Group,
            Wording::SourceTitle(_) => Field::Source,
            Wording::SourceNotes(_) => Field::SourceNotes,
            Wording::SourceAnswer(..) => Field::Answer,
            Wording::Card(_) => Field::Card,
            Wording::Cluster(_) => Field::Cluster,
            Wording::Principle(..) => Field::Principle,
            Wording::Tension(_) => Field::Tension,
            Wording::CardCluster(_) | Wording::CardGroup(_) | Wording::CardSource(_) => Field::Card,
            Wording::SourceKind(_) => Field::Source,
            Wording::Dots { .. } | Wording::Mark { .. } | Wording::VoterGroup(_) => Field::Voter,
            Wording::PrincipleKind(_) | Wording::PrincipleOutcome(_) => Field::Principle,
            Wording::TensionPriority(_) => Field::Tension,
            Wording::Practice(p) => p.field(),
        }
    }

    /// The stage whose lock also locks deciding it (`None`: after the charter, never locked).
    pub fn stage(&self) -> Option<Stage> {
        Some(match self {
            Wording::Setup(_) | Wording::Outcome(_) | Wording::Group(_) => Stage::Setup,
            Wording::SourceTitle(_)
            | Wording::SourceNotes(_)
            | Wording::SourceAnswer(..)
            | Wording::Card(_)
            | Wording::CardGroup(_)
            | Wording::CardSource(_)
            | Wording::SourceKind(_) => Stage::Collect,
            Wording::Cluster(_) | Wording::CardCluster(_) => Stage::Cluster,
            Wording::Tension(_)
            | Wording::TensionPriority(_)
            | Wording::Dots { .. }
            | Wording::Mark { .. }
            | Wording::VoterGroup(_) => Stage::Reduce,
            Wording::Principle(..) | Wording::PrincipleKind(_) | Wording::PrincipleOutcome(_) => Stage::Concretise,
            Wording::Practice(_) => return None,
        })
    }

    /// Most characters the text may have.
    pub fn limit(&self) -> usize {
        match self {
            Wording::Setup(SetupField::Title) => limits::TITLE,
            Wording::Setup(SetupField::Organisation) => limits::ORGANISATION,
            Wording::Setup(SetupField::Date) => limits::DATE,
            Wording::Setup(SetupField::Facilitator) => limits::FACILITATOR,
            Wording::Outcome(_) => limits::OUTCOME,
            Wording::Group(_) => limits::GROUP,
            Wording::SourceTitle(_) => limits::SOURCE_TITLE,
            Wording::SourceNotes(_) => limits::SOURCE_NOTES,
            Wording::SourceAnswer(..) => limits::ROUTE_ANSWER,
            Wording::Card(_) => limits::CARD,
            Wording::Cluster(_) => limits::CLUSTER,
            Wording::Principle(_, f) => f.limit(),
            Wording::Tension(_) => limits::TENSION_NOTE,
            Wording::Practice(_) => merge_practice::RECORD,
            // A value: an id, a type's name or a number.
            _ => Id::MAX_LEN,
        }
    }

    /// This workshop's words or value for it (a value written as in [`Wording`]); `None` when
    /// the item is gone.
    pub fn ours<'a>(&self, w: &'a Workshop) -> Option<Cow<'a, str>> {
        let s = &w.setup;
        let card = |id: &Id| w.cards.iter().find(|x| &x.id == id);
        let principle = |id: &Id| w.principles.iter().find(|x| &x.id == id);
        Some(Cow::Borrowed(match self {
            Wording::Setup(SetupField::Title) => &s.title,
            Wording::Setup(SetupField::Organisation) => &s.organisation,
            Wording::Setup(SetupField::Date) => &s.date,
            Wording::Setup(SetupField::Facilitator) => &s.facilitator,
            Wording::Outcome(id) => &s.outcomes.iter().find(|x| &x.id == id)?.text,
            Wording::Group(id) => &w.group(id)?.name,
            Wording::SourceTitle(id) => &w.source(id)?.title,
            Wording::SourceNotes(id) => &w.source(id)?.notes,
            Wording::SourceAnswer(id, q) => w.source(id)?.answer(*q),
            Wording::Card(id) => &card(id)?.text,
            Wording::Cluster(id) => &w.cluster(id)?.name,
            Wording::Principle(id, f) => f.text(principle(id)?)?,
            Wording::Tension(id) => &w.tensions.iter().find(|x| &x.id == id)?.note,
            Wording::CardCluster(id) => reference(&card(id)?.cluster),
            Wording::CardGroup(id) => reference(&card(id)?.group),
            Wording::CardSource(id) => card(id)?.source.as_str(),
            Wording::SourceKind(id) => source_kind_name(w.source(id)?.kind),
            Wording::Dots { voter, cluster } => {
                w.voting.voters.iter().find(|v| &v.id == voter)?;
                w.cluster(cluster)?;
                return Some(Cow::Owned(dots_of(&w.voting, voter, cluster).to_string()));
            }
            Wording::Mark { voter, cluster } => {
                w.voting.voters.iter().find(|v| &v.id == voter)?;
                w.cluster(cluster)?;
                mark_of(&w.voting, voter, cluster).map_or("", Recognition::name)
            }
            Wording::VoterGroup(id) => reference(&w.voting.voters.iter().find(|v| &v.id == id)?.group),
            Wording::PrincipleKind(id) => principle_kind_name(principle(id)?.kind),
            Wording::PrincipleOutcome(id) => reference(&principle(id)?.outcome),
            Wording::TensionPriority(id) => reference(&w.tensions.iter().find(|x| &x.id == id)?.priority),
            Wording::Practice(p) => return p.ours(w).map(Cow::Owned),
        }))
    }

    /// Whether `theirs` is a value this workshop can take: a text always is (its length is
    /// checked apart); a reference must name an item of the right kind here (or be empty where
    /// that is allowed), a type a known name, dots a number.
    pub fn takes(&self, w: &Workshop, theirs: &str) -> bool {
        let refers = |ok: &dyn Fn(&Id) -> bool, may_be_empty: bool| match read_reference(theirs) {
            Ok(Some(id)) => ok(&id),
            Ok(None) => may_be_empty,
            Err(()) => false,
        };
        match self {
            Wording::CardCluster(_) => refers(&|id| w.cluster(id).is_some(), true),
            Wording::CardGroup(_) => refers(&|id| w.group(id).is_some(), true),
            Wording::CardSource(_) => refers(&|id| w.source(id).is_some(), false),
            Wording::SourceKind(_) => SourceKind::try_from(theirs.to_string()).is_ok(),
            Wording::Dots { .. } => theirs.parse::<u32>().is_ok(),
            Wording::Mark { .. } => theirs.is_empty() || Recognition::try_from(theirs.to_string()).is_ok(),
            Wording::VoterGroup(_) => refers(&|id| w.group(id).is_some(), true),
            Wording::PrincipleKind(_) => PrincipleKind::try_from(theirs.to_string()).is_ok(),
            Wording::PrincipleOutcome(_) => refers(&|id| s_outcome(w, id), true),
            Wording::TensionPriority(t) => {
                let pair = w.tensions.iter().find(|x| &x.id == t);
                refers(&|id| pair.is_some_and(|x| &x.a == id || &x.b == id), true)
            }
            Wording::Practice(p) => p.take(w, theirs).is_some(),
            _ => true,
        }
    }

    /// The action that writes `text` here, as if typed.
    fn edit(&self, w: &Workshop, text: String) -> Option<Action> {
        Some(match self {
            Wording::Setup(field) => Action::EditSetup { field: *field, value: text },
            Wording::Outcome(id) => Action::EditOutcome { id: id.clone(), text },
            Wording::Group(id) => Action::RenameGroup { id: id.clone(), name: text },
            Wording::SourceTitle(id) => {
                Action::EditSource { id: id.clone(), title: text, notes: w.source(id)?.notes.clone() }
            }
            Wording::SourceNotes(id) => {
                Action::EditSource { id: id.clone(), title: w.source(id)?.title.clone(), notes: text }
            }
            Wording::SourceAnswer(id, q) => Action::AnswerRoute { source: id.clone(), question: *q, text },
            Wording::Card(id) => {
                let card = w.cards.iter().find(|x| &x.id == id)?;
                Action::EditCard { id: id.clone(), text, group: card.group.clone() }
            }
            Wording::Cluster(id) => Action::RenameCluster { id: id.clone(), name: text },
            Wording::Principle(id, field) => Action::EditPrinciple { id: id.clone(), field: *field, value: text },
            Wording::Tension(id) => {
                let t = w.tensions.iter().find(|x| &x.id == id)?;
                Action::SetTension {
                    id: id.clone(),
                    a: t.a.clone(),
                    b: t.b.clone(),
                    note: text,
                    priority: t.priority.clone(),
                }
            }
            Wording::CardCluster(id) => Action::MoveCards { cards: vec![id.clone()], to: read_reference(&text).ok()? },
            Wording::CardGroup(id) => {
                let card = w.cards.iter().find(|x| &x.id == id)?;
                Action::EditCard { id: id.clone(), text: card.text.clone(), group: read_reference(&text).ok()? }
            }
            Wording::PrincipleKind(id) => {
                Action::SetPrincipleKind { id: id.clone(), kind: PrincipleKind::try_from(text).ok()? }
            }
            Wording::PrincipleOutcome(id) => {
                Action::SetPrincipleOutcome { id: id.clone(), outcome: read_reference(&text).ok()? }
            }
            Wording::TensionPriority(id) => {
                let t = w.tensions.iter().find(|x| &x.id == id)?;
                Action::SetTension {
                    id: id.clone(),
                    a: t.a.clone(),
                    b: t.b.clone(),
                    note: t.note.clone(),
                    priority: read_reference(&text).ok()?,
                }
            }
            Wording::Mark { voter, cluster } => Action::Recognise {
                voter: voter.clone(),
                cluster: cluster.clone(),
                level: if text.is_empty() { None } else { Some(Recognition::try_from(text).ok()?) },
            },
            Wording::VoterGroup(id) => Action::SetVoterGroup { voter: id.clone(), group: read_reference(&text).ok()? },
            Wording::Practice(p) => return p.take(w, &text),
            // No action of their own: see `Workshop::take_value`.
            Wording::CardSource(_) | Wording::SourceKind(_) | Wording::Dots { .. } => return None,
        })
    }
}

/// Whether `id` names one of the workshop's outcomes.
fn s_outcome(w: &Workshop, id: &Id) -> bool {
    w.setup.outcomes.iter().any(|x| &x.id == id)
}

impl Workshop {
    /// Remembers that these ids (the items before an action) are gone if they are no longer
    /// here, and forgets the decisions remembered about them (the differences still waiting
    /// on them go in `drop_moot_disagreements`, which `apply` runs after every action). Keeps
    /// at most [`limits::TOMBSTONES`], forgetting the oldest.
    pub(super) fn bury(&mut self, before: Vec<Id>) {
        let now: HashSet<&Id> = self.all_ids().collect();
        let gone: Vec<Id> = before.into_iter().filter(|id| !now.contains(id)).collect();
        if gone.is_empty() {
            return;
        }
        let at = self.deleted.iter().map(|t| t.at).max().unwrap_or(0) + 1;
        self.settled.retain(|d| d.about.ids().iter().all(|id| !gone.contains(id)));
        self.deleted.retain(|t| !gone.contains(&t.id));
        self.deleted.extend(gone.into_iter().map(|id| Tombstone { id, at }));
        forget_oldest(&mut self.deleted);
    }

    /// Drops the waiting differences an action made moot: their item is gone, or the file's
    /// value names something no longer here (a cluster merged away, a principle no longer in
    /// the tension's pair), so there is nothing left to choose.
    pub(super) fn drop_moot_disagreements(&mut self) {
        if self.disagreements.is_empty() {
            return;
        }
        let mut waiting = std::mem::take(&mut self.disagreements);
        waiting.retain(|d| d.can_wait(self));
        self.disagreements = waiting;
    }

    /// Settles a disagreement (see [`Keep`]) and remembers it ([`Settled`]); refused when the
    /// text no longer fits, a value no longer fits the rules (dots), its item is gone, or "both"
    /// is asked of a value; and then nothing changes.
    pub(super) fn decide(&mut self, about: &Wording, theirs: &str, keep: Keep) -> Result<(), DomainError> {
        let missing = DomainError::NotFound(about.field());
        let at =
            self.disagreements.iter().position(|d| &d.about == about && d.theirs == theirs).ok_or(missing.clone())?;
        let mut next = self.clone();
        next.disagreements.remove(at);
        let ours = about.ours(&next).ok_or(missing.clone())?.into_owned();
        match (keep, about) {
            (Keep::Ours, _) => {}
            (Keep::Both(_), Wording::Practice(p)) if p.keeps_both() => {
                let both = p.both(&next, theirs).ok_or(missing.clone())?;
                next.apply_unlocked(both)?;
            }
            (Keep::Both(_), about) if !about.is_text() => return Err(DomainError::BothValues),
            (Keep::Theirs, about) if !about.is_text() => next.take_value(about, theirs)?,
            (Keep::Both(new), Wording::Card(id)) => {
                let card = next.cards.iter().find(|c| &c.id == id).ok_or(missing)?.clone().into_data();
                let add = next.card_action(new.clone(), card.source, card.group, theirs.to_string(), card.question);
                next.apply_unlocked(add)?;
                if card.cluster.is_some() {
                    next.apply_unlocked(Action::MoveCards { cards: vec![new], to: card.cluster })?;
                }
            }
            (keep, _) => {
                let text = match keep {
                    Keep::Both(_) if !ours.trim().is_empty() => {
                        // Long texts get a blank line between the two; names and titles a slash.
                        let between = if about.limit() > limits::CARD { "\n\n" } else { " / " };
                        format!("{ours}{between}{theirs}")
                    }
                    _ => theirs.to_string(),
                };
                let edit = about.edit(&next, text).ok_or(missing)?;
                next.apply_unlocked(edit)?;
            }
        }
        next.remember(about, theirs);
        *self = next;
        Ok(())
    }

    /// Takes the other file's value (see [`Wording`]), through the actions that set it where
    /// there is one, so their rules hold (a dot count within the voting rules).
    fn take_value(&mut self, about: &Wording, theirs: &str) -> Result<(), DomainError> {
        let missing = DomainError::NotFound(about.field());
        if !about.takes(self, theirs) {
            return Err(missing);
        }
        match about {
            Wording::CardSource(id) => {
                let source = Id::parse(theirs).ok_or(missing.clone())?;
                self.cards.iter_mut().find(|c| &c.id == id).ok_or(missing)?.source = source;
            }
            Wording::SourceKind(id) => {
                let kind = SourceKind::try_from(theirs.to_string()).map_err(|_| missing.clone())?;
                self.sources.iter_mut().find(|s| &s.id == id).ok_or(missing)?.kind = kind;
            }
            Wording::Dots { voter, cluster } => {
                let want: u32 = theirs.parse().map_err(|_| missing)?;
                let now = |w: &Workshop| {
                    w.voting.votes.iter().find(|v| &v.voter == voter && &v.cluster == cluster).map_or(0, |v| v.dots)
                };
                let (voter, cluster) = (voter.clone(), cluster.clone());
                while now(self) > want {
                    self.apply_unlocked(Action::WithdrawDot { voter: voter.clone(), cluster: cluster.clone() })?;
                }
                while now(self) < want {
                    self.apply_unlocked(Action::CastDot { voter: voter.clone(), cluster: cluster.clone() })?;
                }
            }
            _ => {
                let edit = about.edit(self, theirs.to_string()).ok_or(missing)?;
                self.apply_unlocked(edit)?;
            }
        }
        Ok(())
    }

    /// The action that adds a card, keeping the route question it answered while its source is
    /// still of that route (a merge can change a source's type).
    fn card_action(
        &self,
        id: Id,
        source: Id,
        group: Option<Id>,
        text: String,
        question: Option<RouteQuestion>,
    ) -> Action {
        let fits = |q: &RouteQuestion| self.source(&source).is_some_and(|s| s.kind == q.kind());
        match question.filter(fits) {
            Some(question) => Action::AddAnswerCard { id, source, question, group, text },
            None => Action::AddCard { id, source, group, text },
        }
    }

    /// Remembers that the group decided on these words or this value of the other file.
    /// Keeps at most [`limits::SETTLED`], forgetting the oldest.
    fn remember(&mut self, about: &Wording, theirs: &str) {
        let theirs = fingerprint(theirs);
        self.settled.retain(|s| !(&s.about == about && s.theirs == theirs));
        let at = self.settled.iter().map(|s| s.at).max().unwrap_or(0) + 1;
        self.settled.push(Settled { about: about.clone(), theirs, at });
        if self.settled.len() > limits::SETTLED {
            self.settled.drain(..self.settled.len() - limits::SETTLED);
        }
    }

    /// Whether the group already decided on these words or this value of the other file.
    fn has_settled(&self, about: &Wording, theirs: &str) -> bool {
        let theirs = fingerprint(theirs);
        self.settled.iter().any(|s| &s.about == about && s.theirs == theirs)
    }

    /// Brings back an item the other file still had (see [`MergeReport::restorable`]), checked
    /// like a new one; a reference to something that is not here is left empty. A card needs
    /// its source and a tension its two principles: restore those first.
    pub(super) fn restore(&mut self, item: Item) -> Result<(), DomainError> {
        let mut next = self.clone();
        next.deleted.retain(|t| &t.id != item.id());
        match item {
            Item::Outcome(o) => next.apply_unlocked(Action::AddOutcome { id: o.id, text: o.text })?,
            Item::Group(g) => next.apply_unlocked(Action::AddGroup { id: g.id, name: g.name })?,
            Item::Source(s) => {
                let id = s.id.clone();
                next.apply_unlocked(Action::AddSource { id: s.id, kind: s.kind, title: s.title, notes: s.notes })?;
                for a in s.answers {
                    next.apply_unlocked(Action::AnswerRoute {
                        source: id.clone(),
                        question: a.question,
                        text: a.text,
                    })?;
                }
                super::applied::Change::Done
            }
            Item::Card(c) => {
                let c = c.into_data();
                let group = c.group.filter(|g| next.group(g).is_some());
                let cluster = c.cluster.filter(|x| next.cluster(x).is_some());
                let add = next.card_action(c.id.clone(), c.source, group, c.text, c.question);
                next.apply_unlocked(add)?;
                if cluster.is_some() {
                    next.apply_unlocked(Action::MoveCards { cards: vec![c.id], to: cluster })?;
                }
                super::applied::Change::Done
            }
            Item::Cluster(c) => next.apply_unlocked(Action::CreateCluster { id: c.id, name: c.name })?,
            Item::Voter(v) => {
                next.apply_unlocked(Action::AddVoter { id: v.id.clone(), name: v.name })?;
                let group = v.group.filter(|g| next.group(g).is_some());
                next.apply_unlocked(Action::SetVoterGroup { voter: v.id, group })?
            }
            Item::Principle(p) => {
                let p = *p;
                next.apply_unlocked(Action::AddPrinciple { id: p.id.clone(), title: p.title.clone() })?;
                for field in PrincipleField::all().filter(|f| *f != PrincipleField::Title) {
                    let value = field.text(&p).unwrap_or_default().to_string();
                    next.apply_unlocked(Action::EditPrinciple { id: p.id.clone(), field, value })?;
                }
                next.apply_unlocked(Action::SetPrincipleKind { id: p.id.clone(), kind: p.kind })?;
                let outcome = p.outcome.filter(|o| next.setup.outcomes.iter().any(|x| &x.id == o));
                next.apply_unlocked(Action::SetPrincipleOutcome { id: p.id.clone(), outcome })?;
                let from = p.from_cluster.filter(|c| {
                    next.cluster(c).is_some() && !next.principles.iter().any(|x| x.from_cluster.as_ref() == Some(c))
                });
                if let Some(restored) = next.principles.iter_mut().find(|x| x.id == p.id) {
                    restored.from_cluster = from;
                }
                super::applied::Change::Done
            }
            Item::Tension(t) => next.apply_unlocked(Action::SetTension {
                id: t.id,
                a: t.a,
                b: t.b,
                note: t.note,
                priority: t.priority,
            })?,
            Item::BudgetOption(o) => next.apply_unlocked(Action::AddOption {
                id: o.id,
                title: o.title,
                description: o.description,
                amount: o.amount,
            })?,
            Item::Whisper(x) => next.apply_unlocked(Action::AddWhisper {
                id: x.id,
                principle: x.principle,
                layer: x.layer,
                author: x.author,
                text: x.text,
            })?,
            Item::Version(v) => {
                limits::required(&v.name, Field::Version, limits::VERSION_NAME)?;
                limits::optional(&v.date, Field::Date, limits::DATE)?;
                for p in &v.principles {
                    limits::optional(&p.title, Field::Principle, limits::PRINCIPLE_TITLE)?;
                    limits::optional(&p.meaning, Field::PrincipleText, limits::PRINCIPLE_MEANING)?;
                }
                if next.all_ids().any(|x| x == &v.id) {
                    return Err(DomainError::DuplicateId(Field::Version));
                }
                next.after.versions.push(v);
                super::applied::Change::Done
            }
            Item::Task(_) | Item::Indicator(_) => {
                let set = merge_practice::restore_action(&item).ok_or(DomainError::NotFound(item.field()))?;
                next.apply_unlocked(set)?
            }
        };
        *self = next;
        Ok(())
    }
}

impl Workshop {
    /// The words that name an item of any kind (a tension: its two principles), to name it in
    /// a report; `None` when no item has this id.
    pub fn label(&self, id: &Id) -> Option<String> {
        let title = |p: &Id| self.principles.iter().find(|x| &x.id == p).map(|x| x.title.clone()).unwrap_or_default();
        let s = &self.setup;
        let found = s
            .outcomes
            .iter()
            .find(|x| &x.id == id)
            .map(|x| x.text.clone())
            .or_else(|| self.group(id).map(|x| x.name.clone()))
            .or_else(|| self.source(id).map(|x| x.title.clone()))
            .or_else(|| self.cards.iter().find(|x| &x.id == id).map(|x| x.text.clone()))
            .or_else(|| self.cluster(id).map(|x| x.name.clone()))
            .or_else(|| self.voting.voters.iter().find(|x| &x.id == id).map(|x| x.name.clone()))
            .or_else(|| self.principles.iter().find(|x| &x.id == id).map(|x| x.title.clone()))
            .or_else(|| {
                self.tensions.iter().find(|x| &x.id == id).map(|t| format!("{} – {}", title(&t.a), title(&t.b)))
            })
            .or_else(|| self.after.options.iter().find(|x| &x.id == id).map(|x| x.title.clone()))
            .or_else(|| self.after.whispers.iter().find(|x| &x.id == id).map(|x| x.text.clone()))
            .or_else(|| self.after.versions.iter().find(|x| &x.id == id).map(|x| x.name.clone()))
            .or_else(|| self.after.tasks.iter().find(|x| &x.id == id).map(|x| x.what.clone()))
            .or_else(|| self.after.indicators.iter().find(|x| &x.id == id).map(|x| x.name.clone()));
        found
    }
}

impl Workshop {
    /// The merge's own parts of a file: bounded, and each waiting text about an item that is
    /// here, no longer than that text may be.
    pub(super) fn check_merge_parts(&self) -> Result<(), Integrity> {
        if self.deleted.len() > limits::TOMBSTONES
            || self.disagreements.len() > limits::DISAGREEMENTS
            || self.settled.len() > limits::SETTLED
        {
            return Err(Integrity::BadSet);
        }
        let hex = |t: &str| t.len() == 16 && t.bytes().all(|b| b.is_ascii_hexdigit());
        if self.settled.iter().any(|s| !hex(&s.theirs)) {
            return Err(Integrity::BadSet);
        }
        for d in &self.disagreements {
            if !d.can_wait(self) {
                let id = d.about.item().cloned().unwrap_or_else(|| Id::from_random("x", [0; 12]));
                return Err(Integrity::Dangling { field: d.about.field(), id });
            }
            super::check::len(&d.theirs, d.about.field(), d.about.limit())?;
        }
        Ok(())
    }
}

/// Keeps the newest [`limits::TOMBSTONES`] tombstones (the list is kept in order of `at`).
fn forget_oldest(deleted: &mut Vec<Tombstone>) {
    if deleted.len() > limits::TOMBSTONES {
        deleted.drain(..deleted.len() - limits::TOMBSTONES);
    }
}

/// Unites `theirs` into `ours` without changing either. Fails (and nothing happens) when
/// `theirs` is broken, when the two use one id for different kinds of thing, or when the
/// principles together are more than a charter holds.
pub fn merged(ours: &Workshop, theirs: &Workshop) -> Result<Merged, DomainError> {
    theirs.check().map_err(|_| DomainError::OtherFileDamaged)?;
    let mut w = ours.clone();
    let mut r = MergeReport::default();
    let buried: HashSet<Id> = ours.deleted.iter().map(|t| t.id.clone()).collect();

    for (mine, other, field) in [
        (&mut w.setup.title, &theirs.setup.title, SetupField::Title),
        (&mut w.setup.organisation, &theirs.setup.organisation, SetupField::Organisation),
        (&mut w.setup.date, &theirs.setup.date, SetupField::Date),
        (&mut w.setup.facilitator, &theirs.setup.facilitator, SetupField::Facilitator),
    ] {
        if mine.is_empty() {
            mine.clone_from(other);
        } else if !other.is_empty() && mine != other {
            r.conflicts.push(Conflict { field: Wording::Setup(field).field(), id: None });
        }
    }
    unite(&mut w.setup.outcomes, &theirs.setup.outcomes, |x| &x.id, (&buried, Field::Outcome, Item::Outcome), &mut r);
    unite(&mut w.setup.groups, &theirs.setup.groups, |x| &x.id, (&buried, Field::Group, Item::Group), &mut r);
    unite(&mut w.sources, &theirs.sources, |x| &x.id, (&buried, Field::Source, Item::Source), &mut r);
    unite(&mut w.clusters, &theirs.clusters, |x| &x.id, (&buried, Field::Cluster, Item::Cluster), &mut r);
    unite(&mut w.cards, &theirs.cards, |x| &x.id, (&buried, Field::Card, Item::Card), &mut r);

    let known_voters: Vec<Id> = w.voting.voters.iter().map(|v| v.id.clone()).collect();
    unite(&mut w.voting.voters, &theirs.voting.voters, |x| &x.id, (&buried, Field::Voter, Item::Voter), &mut r);
    for vote in &theirs.voting.votes {
        if !known_voters.contains(&vote.voter) {
            let mut vote = vote.clone();
            vote.dots = vote.dots.min(w.voting.max_per_cluster);
            w.voting.votes.push(vote);
        }
    }
    // The marks of a voter new to us come along; a known voter's marks stay as they are here
    // (a different mark waits, see `disagree`).
    w.voting.marks.extend(theirs.voting.marks.iter().filter(|m| !known_voters.contains(&m.voter)).cloned());
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
    // Each voter known on both sides whose dots differ on a cluster both have, named once (also
    // when the name differs too).
    for voter in theirs.voting.voters.iter().filter(|v| known_voters.contains(&v.id)) {
        let differ = theirs
            .clusters
            .iter()
            .filter(|c| w.cluster(&c.id).is_some())
            .any(|c| dots_of(&ours.voting, &voter.id, &c.id) != dots_of(&theirs.voting, &voter.id, &c.id));
        let c = Conflict { field: Field::Voter, id: Some(voter.id.clone()) };
        if differ && !r.conflicts.contains(&c) {
            r.conflicts.push(c);
        }
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
            None if buried.contains(&p.id) => r.restorable.push(Item::Principle(Box::new(p.clone()))),
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
    if w.principles.len() > limits::SET_HARD_MAX {
        return Err(DomainError::MergeSetTooLarge { together: w.principles.len(), max: limits::SET_HARD_MAX });
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
            None if buried.contains(&t.id) => r.restorable.push(Item::Tension(t.clone())),
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
    unite(
        &mut w.after.options,
        &theirs.after.options,
        |x| &x.id,
        (&buried, Field::BudgetOption, Item::BudgetOption),
        &mut r,
    );
    unite(&mut w.after.versions, &theirs.after.versions, |x| &x.id, (&buried, Field::Version, Item::Version), &mut r);
    let their_whispers: Vec<Whisper> =
        theirs.after.whispers.iter().filter(|x| !skipped(&x.principle)).cloned().collect();
    unite(&mut w.after.whispers, &their_whispers, |x| &x.id, (&buried, Field::Whisper, Item::Whisper), &mut r);
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
    merge_practice::unite_practice(&mut w, theirs, &buried, &skipped_principles, &mut r);
    settle(&mut w, &mut r);
    r.disagreements = disagree(ours, theirs, &mut w);
    unite_tombstones(&mut w, theirs);

    if w.finalised.is_none() && theirs.finalised.is_some() && w.principles == theirs.principles {
        w.finalised = theirs.finalised.clone();
    }

    w.check().map_err(|_| DomainError::IdClash)?;
    r.named = r
        .conflicts
        .iter()
        .map(|c| {
            let name = match (&c.id, c.field) {
                (Some(id), _) => w.label(id).unwrap_or_default(),
                (None, Field::Title) => w.setup.title.clone(),
                (None, Field::Organisation) => w.setup.organisation.clone(),
                (None, Field::Date) => w.setup.date.clone(),
                (None, Field::Facilitator) => w.setup.facilitator.clone(),
                (None, _) => String::new(),
            };
            (c.field, name)
        })
        .collect();
    Ok(Merged { workshop: w, report: r })
}

/// Their items that hang on something deleted here: a card without its source, a tension
/// without both principles, a whisper without its principle go to the report (restorable);
/// a reference that may be empty (a card's cluster or group, a principle's cluster or
/// outcome) is emptied; votes and verdicts on what is gone are dropped. Only their new
/// items can hang loose: ours were whole.
fn settle(w: &mut Workshop, r: &mut MergeReport) {
    let ids: HashSet<Id> = w.all_ids().cloned().collect();
    let here = |id: &Id| ids.contains(id);
    let restorable = &mut r.restorable;
    w.cards.retain(|c| {
        here(&c.source) || {
            restorable.push(Item::Card(c.clone()));
            false
        }
    });
    for c in &mut w.cards {
        c.cluster = c.cluster.take().filter(|x| here(x));
        c.group = c.group.take().filter(|x| here(x));
    }
    w.voting.votes.retain(|v| here(&v.voter) && here(&v.cluster));
    w.voting.marks.retain(|m| here(&m.voter) && here(&m.cluster));
    for v in &mut w.voting.voters {
        v.group = v.group.take().filter(|x| here(x));
    }
    for p in &mut w.principles {
        p.from_cluster = p.from_cluster.take().filter(|x| here(x));
        p.outcome = p.outcome.take().filter(|x| here(x));
    }
    w.tensions.retain(|t| {
        here(&t.a) && here(&t.b) || {
            restorable.push(Item::Tension(t.clone()));
            false
        }
    });
    w.after.whispers.retain(|x| {
        here(&x.principle) || {
            restorable.push(Item::Whisper(x.clone()));
            false
        }
    });
    w.after.assessments.retain(|a| here(&a.option) && here(&a.principle));
    w.after.congruence.retain(|c| here(&c.principle));
    merge_practice::settle_practice(w, &here, restorable);
}

/// Records each text the other file words differently, and each value it holds differently,
/// as a [`Disagreement`] (once, however often the file is merged, and not again once decided)
/// and returns how many are new. A text they left empty is no disagreement: nothing of theirs
/// would be lost.
fn disagree(ours: &Workshop, theirs: &Workshop, w: &mut Workshop) -> usize {
    let mut found: Vec<Disagreement> = Vec::new();
    let mut note = |about: Wording, mine: &str, other: &str| {
        if !other.trim().is_empty() && mine != other {
            found.push(Disagreement { about, theirs: other.to_string() });
        }
    };
    let s = (&ours.setup, &theirs.setup);
    for (field, mine, other) in [
        (SetupField::Title, &s.0.title, &s.1.title),
        (SetupField::Organisation, &s.0.organisation, &s.1.organisation),
        (SetupField::Date, &s.0.date, &s.1.date),
        (SetupField::Facilitator, &s.0.facilitator, &s.1.facilitator),
    ] {
        // A setup text empty here was simply taken from them.
        if !mine.is_empty() {
            note(Wording::Setup(field), mine, other);
        }
    }
    for x in &theirs.setup.outcomes {
        if let Some(m) = ours.setup.outcomes.iter().find(|m| m.id == x.id) {
            note(Wording::Outcome(x.id.clone()), &m.text, &x.text);
        }
    }
    for x in &theirs.setup.groups {
        if let Some(m) = ours.group(&x.id) {
            note(Wording::Group(x.id.clone()), &m.name, &x.name);
        }
    }
    for x in &theirs.sources {
        if let Some(m) = ours.source(&x.id) {
            note(Wording::SourceTitle(x.id.clone()), &m.title, &x.title);
            note(Wording::SourceNotes(x.id.clone()), &m.notes, &x.notes);
            for a in &x.answers {
                note(Wording::SourceAnswer(x.id.clone(), a.question), m.answer(a.question), &a.text);
            }
        }
    }
    for x in &theirs.cards {
        if let Some(m) = ours.cards.iter().find(|m| m.id == x.id) {
            note(Wording::Card(x.id.clone()), &m.text, &x.text);
        }
    }
    for x in &theirs.clusters {
        if let Some(m) = ours.cluster(&x.id) {
            note(Wording::Cluster(x.id.clone()), &m.name, &x.name);
        }
    }
    for x in &theirs.principles {
        if let Some(m) = ours.principles.iter().find(|m| m.id == x.id) {
            for f in PrincipleField::all() {
                note(Wording::Principle(x.id.clone(), f), f.text(m).unwrap_or_default(), f.text(x).unwrap_or_default());
            }
        }
    }
    for x in &theirs.tensions {
        let same_pair = |m: &&Tension| m.id == x.id || (m.a == x.a && m.b == x.b) || (m.a == x.b && m.b == x.a);
        if let Some(m) = ours.tensions.iter().find(same_pair) {
            note(Wording::Tension(m.id.clone()), &m.note, &x.note);
        }
    }
    // Values: only where theirs can be taken here (what it names is here).
    let mut value = |about: Wording, mine: &str, other: &str| {
        if mine != other && about.takes(w, other) {
            found.push(Disagreement { about, theirs: other.to_string() });
        }
    };
    for x in &theirs.cards {
        if let Some(m) = ours.cards.iter().find(|m| m.id == x.id) {
            value(Wording::CardCluster(x.id.clone()), reference(&m.cluster), reference(&x.cluster));
            value(Wording::CardGroup(x.id.clone()), reference(&m.group), reference(&x.group));
            value(Wording::CardSource(x.id.clone()), m.source.as_str(), x.source.as_str());
        }
    }
    for x in &theirs.sources {
        if let Some(m) = ours.source(&x.id) {
            value(Wording::SourceKind(x.id.clone()), source_kind_name(m.kind), source_kind_name(x.kind));
        }
    }
    let dots = |v: &Voting, voter: &Id, cluster: &Id| dots_of(v, voter, cluster).to_string();
    // A voter known on both sides keeps this screen's dots (also on a cluster new from them).
    for voter in theirs.voting.voters.iter().filter(|v| ours.voting.voters.iter().any(|m| m.id == v.id)) {
        for cluster in theirs.clusters.iter().filter(|c| w.cluster(&c.id).is_some()) {
            let (mine, other) = (dots(&w.voting, &voter.id, &cluster.id), dots(&theirs.voting, &voter.id, &cluster.id));
            value(Wording::Dots { voter: voter.id.clone(), cluster: cluster.id.clone() }, &mine, &other);
            let mark = |v: &Voting| mark_of(v, &voter.id, &cluster.id).map_or("", Recognition::name);
            let (mine, other) = (mark(&w.voting), mark(&theirs.voting));
            value(Wording::Mark { voter: voter.id.clone(), cluster: cluster.id.clone() }, mine, other);
        }
        if let Some(m) = ours.voting.voters.iter().find(|m| m.id == voter.id) {
            value(Wording::VoterGroup(voter.id.clone()), reference(&m.group), reference(&voter.group));
        }
    }
    for x in &theirs.principles {
        if let Some(m) = ours.principles.iter().find(|m| m.id == x.id) {
            value(Wording::PrincipleKind(x.id.clone()), principle_kind_name(m.kind), principle_kind_name(x.kind));
            value(Wording::PrincipleOutcome(x.id.clone()), reference(&m.outcome), reference(&x.outcome));
        }
    }
    for x in &theirs.tensions {
        let same_pair = |m: &&Tension| m.id == x.id || (m.a == x.a && m.b == x.b) || (m.a == x.b && m.b == x.a);
        if let Some(m) = ours.tensions.iter().find(same_pair) {
            value(Wording::TensionPriority(m.id.clone()), reference(&m.priority), reference(&x.priority));
        }
    }
    found.extend(merge_practice::practice_disagreements(ours, theirs, w));
    let mut new = 0;
    for d in found {
        if !w.disagreements.contains(&d) && !w.has_settled(&d.about, &d.theirs) {
            w.disagreements.push(d);
            new += 1;
        }
    }
    new
}

/// A voter's dots on a cluster (0 without a vote).
fn dots_of(v: &Voting, voter: &Id, cluster: &Id) -> u32 {
    v.votes.iter().find(|x| &x.voter == voter && &x.cluster == cluster).map_or(0, |x| x.dots)
}

/// A voter's recognition of a cluster, if marked.
fn mark_of(v: &Voting, voter: &Id, cluster: &Id) -> Option<Recognition> {
    v.mark(voter, cluster)
}

/// Their tombstones for ids that neither side still has join ours, so a third file does
/// not bring those back either. One for an item this workshop still has is not taken: a
/// merge never removes what is on this screen.
fn unite_tombstones(w: &mut Workshop, theirs: &Workshop) {
    let live: HashSet<&Id> = w.all_ids().collect();
    let known: HashSet<&Id> = w.deleted.iter().map(|t| &t.id).collect();
    let new: Vec<Tombstone> =
        theirs.deleted.iter().filter(|t| !live.contains(&t.id) && !known.contains(&t.id)).cloned().collect();
    if new.is_empty() {
        return;
    }
    w.deleted.extend(new);
    crate::order::sort_by_key(&mut w.deleted, |t| t.at);
    forget_oldest(&mut w.deleted);
}

/// Adds their items this workshop lacks; theirs deleted here go to the report, whole.
pub(super) fn unite<T: Clone + PartialEq>(
    ours: &mut Vec<T>,
    theirs: &[T],
    key: impl Fn(&T) -> &Id,
    (buried, field, wrap): (&HashSet<Id>, Field, fn(T) -> Item),
    report: &mut MergeReport,
) {
    let mut added = 0;
    for item in theirs {
        match ours.iter().find(|x| key(x) == key(item)) {
            Some(mine) if mine != item => report.conflicts.push(Conflict { field, id: Some(key(item).clone()) }),
            Some(_) => {}
            None if buried.contains(key(item)) => report.restorable.push(wrap(item.clone())),
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
