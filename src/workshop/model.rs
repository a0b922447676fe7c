//! The workshop as data: what a group builds up, from setup to a set of principles.
//!
//! Every field is plain data with serde, so the same struct is the autosave, the export and
//! the import. Invariants (unique ids, no dangling reference) are kept by [`super::Workshop::apply`]
//! and checked by [`Workshop::check`] for anything read from outside.

use std::sync::Arc;

use serde::Serialize;

pub use super::fields::PrincipleText;
use super::variants::{named_variants, read_struct};
use super::Id;

/// The whole workshop (*werksessie*): setup, collected material, clusters, votes and the set.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Workshop {
    /// Title, organisation, date, facilitator, outcomes and groups (*voorbereiden*).
    pub setup: Setup,
    /// Cases, data sources and appreciative examples (*verzamelen*).
    pub sources: Vec<Source>,
    /// Candidate principles written on cards, each under a source.
    pub cards: Vec<Card>,
    /// Named groups of overlapping cards (*clusteren*). Order is the board's order.
    pub clusters: Vec<Cluster>,
    /// Dot voting on clusters (*kiezen*).
    pub voting: Voting,
    /// The chosen set (*leidende principes*), in charter order.
    pub principles: Vec<Principle>,
    /// Named tensions between two chosen principles (*spanningen*).
    pub tensions: Vec<Tension>,
    /// Whether the group has declared the set final, and why if outside five to eight.
    pub finalised: Option<Finalised>,
    /// Stages the facilitator has locked (*vergrendeld*): their actions are refused until unlocked.
    pub locks: Vec<Stage>,
    /// Yardstick, congruence, doorfluister-check and versions (*na het charter*).
    pub after: super::after::Aftercare,
    /// What was deleted, so a merged file does not bring it back (ids and when only).
    /// Left out of the file while empty, so files stay as they were.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub deleted: Vec<super::merge::Tombstone>,
    /// Texts a merged file words differently, waiting for the group to choose.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub disagreements: Vec<super::merge::Disagreement>,
    /// Differences the group decided on, so the same file does not ask again (which text and a
    /// fingerprint of the other words). Left out of the file while empty.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub settled: Vec<super::merge::Settled>,
}

read_struct!(
    Workshop = default {
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
        deleted,
        disagreements,
        settled
    }
);

/// A stage of the workshop that the facilitator can lock, e.g. no new cards once clustering starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case", try_from = "String")]
pub enum Stage {
    /// Voorbereiden: title, outcomes, groups.
    Setup,
    /// Verzamelen: sources and cards.
    Collect,
    /// Clusteren: clusters and moving cards.
    Cluster,
    /// Kiezen: voting, the set and tensions.
    Reduce,
    /// Concretiseren: the texts of each principle.
    Concretise,
}

named_variants!(Stage { Setup = "setup", Collect = "collect", Cluster = "cluster", Reduce = "reduce", Concretise = "concretise" });

impl Stage {
    /// All stages in workshop order.
    pub const ALL: [Stage; 5] = [Stage::Setup, Stage::Collect, Stage::Cluster, Stage::Reduce, Stage::Concretise];
}

/// Workshop setup (*voorbereiden*).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Setup {
    /// Workshop title, shown on the charter.
    pub title: String,
    /// The municipality or partnership (*organisatie*).
    pub organisation: String,
    /// Date as the user typed or picked it (ISO `yyyy-mm-dd` from the date picker).
    pub date: String,
    /// Who leads the session (*begeleider*).
    pub facilitator: String,
    /// Intended societal outcomes (*maatschappelijke resultaten*).
    pub outcomes: Vec<Outcome>,
    /// The groups at the table (*inwoners, beleid, uitvoering, partners*).
    pub groups: Vec<Group>,
}

read_struct!(Setup = default { title, organisation, date, facilitator, outcomes, groups });

/// An intended societal outcome (*maatschappelijk resultaat*): the "what" principles serve.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Outcome {
    pub id: Id,
    pub text: String,
}

read_struct!(Outcome { id, text });

/// A group at the table (*inwoners, beleid, uitvoering, maatschappelijke partners*).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Group {
    pub id: Id,
    pub name: String,
}

read_struct!(Group { id, name });

/// The three routes to candidate principles (*aanvliegroutes*).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case", try_from = "String")]
pub enum SourceKind {
    /// A real case discussed by the group (*casus*).
    Case,
    /// Data, figures or felt frictions (*bron*).
    Data,
    /// A success story from appreciative inquiry (*waarderend voorbeeld*).
    Appreciative,
}

named_variants!(SourceKind { Case = "case", Data = "data", Appreciative = "appreciative" });

impl SourceKind {
    /// All kinds, in the order the method lists them.
    pub const ALL: [SourceKind; 3] = [SourceKind::Case, SourceKind::Data, SourceKind::Appreciative];

    /// The route's own questions (its script), in the order the group follows them.
    pub fn questions(self) -> [RouteQuestion; 3] {
        use RouteQuestion::*;
        match self {
            SourceKind::Case => [CaseStory, CaseOutsider, CaseKeep],
            SourceKind::Data => [DataSee, DataFriction, DataValues],
            SourceKind::Appreciative => [AppreciativeWorked, AppreciativeWhy, AppreciativeRecurring],
        }
    }
}

/// One question of a route's script (*aanvliegroute*), named in the file by a stable key, never
/// by its wording (the words are in `i18n`, in both languages).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case", try_from = "String")]
pub enum RouteQuestion {
    /// Situatie: what happened, and what did the people around the resident do?
    CaseStory,
    /// Situatie: an outsider names the principles they saw; would we want to work so in future?
    CaseOutsider,
    /// Situatie: which of those principles the group keeps, and which it drops.
    CaseKeep,
    /// Gegevens: what do you see in the data, and what do you think of it?
    DataSee,
    /// Gegevens: where do people feel friction, confusion or dissatisfaction?
    DataFriction,
    /// Gegevens: which values lie under that?
    DataValues,
    /// Goed voorbeeld: an interview in pairs about a success; what worked?
    AppreciativeWorked,
    /// Goed voorbeeld: thanks to what did it work?
    AppreciativeWhy,
    /// Goed voorbeeld: the working elements that keep coming back across the examples.
    AppreciativeRecurring,
}

impl TryFrom<String> for RouteQuestion {
    type Error = serde::de::value::Error;
    fn try_from(name: String) -> Result<RouteQuestion, Self::Error> {
        let at = RouteQuestion::KEYS.iter().position(|k| *k == name);
        at.map(|i| RouteQuestion::ALL[i]).ok_or_else(|| serde::de::Error::unknown_variant(&name, &RouteQuestion::KEYS))
    }
}

impl RouteQuestion {
    /// Every question, route by route.
    pub const ALL: [RouteQuestion; 9] = {
        use RouteQuestion::*;
        [
            CaseStory,
            CaseOutsider,
            CaseKeep,
            DataSee,
            DataFriction,
            DataValues,
            AppreciativeWorked,
            AppreciativeWhy,
            AppreciativeRecurring,
        ]
    };

    /// The route this question belongs to.
    pub fn kind(self) -> SourceKind {
        use RouteQuestion::*;
        match self {
            CaseStory | CaseOutsider | CaseKeep => SourceKind::Case,
            DataSee | DataFriction | DataValues => SourceKind::Data,
            AppreciativeWorked | AppreciativeWhy | AppreciativeRecurring => SourceKind::Appreciative,
        }
    }

    /// Its number within its route, from 1 (the mark on a card: "V2").
    pub fn number(self) -> usize {
        self.kind().questions().iter().position(|q| *q == self).map_or(1, |i| i + 1)
    }

    /// The keys in the file, in the order of [`RouteQuestion::ALL`].
    pub const KEYS: [&'static str; 9] = [
        "case_story",
        "case_outsider",
        "case_keep",
        "data_see",
        "data_friction",
        "data_values",
        "appreciative_worked",
        "appreciative_why",
        "appreciative_recurring",
    ];

    /// Its stable key in the file.
    pub fn key(self) -> &'static str {
        Self::KEYS[self as usize]
    }
}

/// The group's answer to one of its route's questions, kept on the source (format version 4).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RouteAnswer {
    pub question: RouteQuestion,
    pub text: String,
}

read_struct!(RouteAnswer { question, text });

/// A case, data source or appreciative example that cards are harvested from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Source {
    pub id: Id,
    pub kind: SourceKind,
    pub title: String,
    pub notes: String,
    /// The answers to the route's questions, in question order; an empty answer is not kept.
    /// Left out of the file while empty (format version 4).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub answers: Vec<RouteAnswer>,
}

read_struct!(Source { id, kind, title, notes = default, answers = default });

impl Source {
    /// The answer to one of the route's questions; empty when not answered.
    pub fn answer(&self, question: RouteQuestion) -> &str {
        self.answers.iter().find(|a| a.question == question).map_or("", |a| a.text.as_str())
    }
}

/// A candidate principle on a card (*kaart*): its fields ([`CardData`]) behind a shared pointer.
/// A copy of the workshop (the undo history makes one for every action, the screens keep the
/// one they show) copies a pointer per card, not its texts; two copies compare by pointer first,
/// so a move compares and copies one card, not three thousand. Reading a field goes through
/// `Deref`; changing one (`DerefMut`) copies that card first while another copy still shares it.
/// Read and written as its fields: the file format does not change. `Arc`, not `Rc`: the live
/// room's server keeps workshops on several threads (in the wasm both cost the same).
#[derive(Clone, Debug, Eq)]
pub struct Card(Arc<CardData>);

/// What a card keeps: where it came from and who wrote it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CardData {
    pub id: Id,
    pub text: String,
    /// The source it was harvested from.
    pub source: Id,
    /// The group that wrote it, if known.
    pub group: Option<Id>,
    /// The cluster it is in; `None` while not yet grouped. One field, so a card is in at most one.
    pub cluster: Option<Id>,
    /// The route question it answered, if it was harvested from one (format version 4).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub question: Option<RouteQuestion>,
}

read_struct!(CardData { id, text, source, group = default, cluster = default, question = default });

impl Card {
    /// The card's fields as its own (copied only while another copy of the workshop shares them).
    pub fn into_data(self) -> CardData {
        Arc::unwrap_or_clone(self.0)
    }

    /// Whether two copies of a card share their fields (one was copied from the other and
    /// neither changed since).
    pub fn shares(&self, other: &Card) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl From<CardData> for Card {
    fn from(data: CardData) -> Card {
        Card(Arc::new(data))
    }
}

impl std::ops::Deref for Card {
    type Target = CardData;
    fn deref(&self) -> &CardData {
        &self.0
    }
}

impl std::ops::DerefMut for Card {
    /// The card's own fields, copied first if another copy of the workshop shares them.
    fn deref_mut(&mut self) -> &mut CardData {
        Arc::make_mut(&mut self.0)
    }
}

impl PartialEq for Card {
    fn eq(&self, other: &Card) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || self.0 == other.0
    }
}

impl Serialize for Card {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

impl<'de> serde::Deserialize<'de> for Card {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Card, D::Error> {
        CardData::deserialize(d).map(Card::from)
    }
}

/// A named group of overlapping cards (*cluster*).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Cluster {
    pub id: Id,
    pub name: String,
}

read_struct!(Cluster { id, name });

/// Dot-voting rules and the dots cast (*stemmen met stippen*).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Voting {
    /// Dots each voter may place.
    pub dots_per_voter: u32,
    /// At most this many of one voter's dots on one cluster.
    pub max_per_cluster: u32,
    /// Who votes: named participants, or the groups at the table.
    pub voters: Vec<Voter>,
    /// Dots placed: one entry per voter and cluster with a count.
    pub votes: Vec<Vote>,
    /// Results stay hidden until the facilitator reveals them (the dots and the recognition).
    pub revealed: bool,
    /// The recognition round (*herkenning*): how strongly each voter recognises each cluster,
    /// one mark per voter and cluster. Left out of the file while empty, so files stay as they were.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub marks: Vec<Mark>,
}

read_struct!(Voting = default { dots_per_voter, max_per_cluster, voters, votes, revealed, marks });

impl Default for Voting {
    fn default() -> Self {
        Voting {
            dots_per_voter: 5,
            max_per_cluster: 1,
            voters: Vec::new(),
            votes: Vec::new(),
            revealed: false,
            marks: Vec::new(),
        }
    }
}

/// Someone who votes: a participant, or a group taking its turn on the shared laptop.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Voter {
    pub id: Id,
    pub name: String,
    /// The group at the table this voter belongs to, if any: the split by group counts it there.
    /// Left out of the file when none, so files stay as they were.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<Id>,
}

read_struct!(Voter { id, name, group = default });

/// How strongly someone recognises a candidate (*herken ik sterk / een beetje / niet*).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case", try_from = "String")]
pub enum Recognition {
    Strong,
    Little,
    Not,
}

named_variants!(Recognition { Strong = "strong", Little = "little", Not = "not" });

impl Recognition {
    /// All marks, strongest first.
    pub const ALL: [Recognition; 3] = [Recognition::Strong, Recognition::Little, Recognition::Not];

    /// Its name in the file.
    pub fn name(self) -> &'static str {
        match self {
            Recognition::Strong => "strong",
            Recognition::Little => "little",
            Recognition::Not => "not",
        }
    }
}

/// One voter's recognition of one cluster.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Mark {
    pub voter: Id,
    pub cluster: Id,
    pub level: Recognition,
}

read_struct!(Mark { voter, cluster, level });

/// `dots` of one voter on one cluster.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Vote {
    pub voter: Id,
    pub cluster: Id,
    pub dots: u32,
}

read_struct!(Vote { voter, cluster, dots });

/// The two types of principle the method distinguishes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case", try_from = "String")]
pub enum PrincipleKind {
    /// A goal of the transformation (*transformatiedoel*): normaliseren, zorg dichtbij.
    #[default]
    TransformationGoal,
    /// Who we want to be (*waarde / identiteit*): betrouwbaar, wendbaar.
    Value,
}

named_variants!(PrincipleKind { TransformationGoal = "transformation_goal", Value = "value" });

/// A chosen guiding principle (*leidend principe*), made concrete.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Principle {
    pub id: Id,
    /// The cluster it was promoted from (provenance: its cards and sources).
    pub from_cluster: Option<Id>,
    /// The short title: the charter line.
    pub title: String,
    pub kind: PrincipleKind,
    /// Every free-text field of the concretisation, keyed by field.
    pub text: PrincipleText,
    /// The societal outcome its policy theory says it brings closer.
    pub outcome: Option<Id>,
}

read_struct!(Principle { id, from_cluster = default, title, kind = default, text = default, outcome = default });

/// A tension between two chosen principles and which one goes first (*spanning*).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Tension {
    pub id: Id,
    pub a: Id,
    pub b: Id,
    pub note: String,
    /// `a` or `b`; `None` while the group has not chosen.
    pub priority: Option<Id>,
}

read_struct!(Tension { id, a, b, note = default, priority = default });

/// The set was declared final; `reason` is required when it holds fewer than five or more than eight.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finalised {
    pub reason: Option<String>,
}

read_struct!(Finalised { reason = default });
