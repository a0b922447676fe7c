//! After the charter (*na het charter*): the tools a municipality uses in the months after the
//! workshop, kept in the same file. The yardstick (*meetlat*, as Ede weighs budget options),
//! the congruence check, the doorfluister-check (does the "why" reach practice?) and versions;
//! and (version 3) the set in practice: owners, adoption, actions, the results monitor and the
//! evaluation after a year.

use serde::Serialize;

use super::variants::{named_variants, read_struct};
use super::Id;

/// Everything made after the charter. Missing in files of format version 1 (every part
/// reads as empty when missing).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Aftercare {
    /// Options to weigh against the principles (e.g. budget cuts).
    pub options: Vec<BudgetOption>,
    /// One verdict per option and principle.
    pub assessments: Vec<Assessment>,
    /// Answers to the congruence questions, per principle.
    pub congruence: Vec<CongruenceAnswer>,
    /// Participants' own words on why a principle exists.
    pub whispers: Vec<Whisper>,
    /// Saved versions of the charter (1.0, 2.0 ...).
    pub versions: Vec<CharterVersion>,
    /// When the set will be evaluated (Vlissingen: after a year); shown on the charter.
    pub evaluation_date: String,
    /// Version 3: per principle its owner and ambassadors.
    pub owners: Vec<Ownership>,
    /// Version 3: who adopts the set, when, and the decision.
    pub adoption: Adoption,
    /// Version 3: concrete actions from the principles' implications.
    pub tasks: Vec<Task>,
    /// Version 3: the results monitor, indicators per intended outcome.
    pub indicators: Vec<Indicator>,
    /// Version 3: per principle, whether the policy theory's assumption still holds.
    pub assumptions: Vec<AssumptionCheck>,
    /// Version 3: the evaluation after a year.
    pub evaluation: Evaluation,
}

read_struct!(
    Aftercare = default {
        options,
        assessments,
        congruence,
        whispers,
        versions,
        evaluation_date,
        owners,
        adoption,
        tasks,
        indicators,
        assumptions,
        evaluation,
    }
);

/// An option weighed against the principles (*optie*), e.g. a budget cut.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BudgetOption {
    pub id: Id,
    pub title: String,
    pub description: String,
    /// Free text, so "€ 250.000" or "2 fte" both fit.
    pub amount: String,
}

read_struct!(BudgetOption { id, title, description = default, amount = default });

/// How an option relates to a principle, as on Ede's yardstick.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case", try_from = "String")]
pub enum Verdict {
    /// *In lijn*: the option supports the principle.
    InLine,
    /// *Belemmerend*: the option works against it.
    Obstructing,
    /// *Neutraal*.
    Neutral,
}

named_variants!(Verdict { InLine = "in_line", Obstructing = "obstructing", Neutral = "neutral" });

/// One verdict with its reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Assessment {
    pub option: Id,
    pub principle: Id,
    pub verdict: Verdict,
    pub reason: String,
}

read_struct!(Assessment { option, principle, verdict, reason = default });

/// The four levels the method asks congruence questions about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case", try_from = "String")]
pub enum Area {
    /// *Visie*.
    Vision,
    /// *Beleid*.
    Policy,
    /// *Inrichting*: procurement and contracts, the access team's assignment.
    Organisation,
    /// *Uitvoering*.
    Practice,
}

named_variants!(Area { Vision = "vision", Policy = "policy", Organisation = "organisation", Practice = "practice" });

impl Area {
    pub const ALL: [Area; 4] = [Area::Vision, Area::Policy, Area::Organisation, Area::Practice];

    /// How many yes/no questions the method asks for this area (texts in `i18n`).
    pub fn questions(self) -> u8 {
        match self {
            Area::Vision => 2,
            Area::Policy => 2,
            Area::Organisation => 3,
            Area::Practice => 2,
        }
    }
}

/// An answer to a congruence question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case", try_from = "String")]
pub enum Answer {
    Yes,
    Partly,
    No,
}

named_variants!(Answer { Yes = "yes", Partly = "partly", No = "no" });

/// The answer for one principle, area and question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CongruenceAnswer {
    pub principle: Id,
    pub area: Area,
    pub question: u8,
    pub answer: Answer,
    pub note: String,
}

read_struct!(CongruenceAnswer { principle, area, question, answer, note = default });

/// The layers the doorfluister-check asks, from board to residents (seed 004).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case", try_from = "String")]
pub enum Layer {
    /// *Bestuur*.
    Board,
    /// *Beleid*.
    Policy,
    /// *Uitvoering*.
    Practice,
    /// *Partners*.
    Partners,
    /// *Inwoners*.
    Residents,
}

named_variants!(Layer { Board = "board", Policy = "policy", Practice = "practice", Partners = "partners", Residents = "residents" });

impl Layer {
    pub const ALL: [Layer; 5] = [Layer::Board, Layer::Policy, Layer::Practice, Layer::Partners, Layer::Residents];
}

/// One participant's own words on why a principle exists (*waarom*).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Whisper {
    pub id: Id,
    pub principle: Id,
    pub layer: Layer,
    /// Name or role; may be empty for anonymous answers.
    pub author: String,
    pub text: String,
}

read_struct!(Whisper { id, principle, layer, author = default, text });

/// A saved charter version: the set as it was, with a name and date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CharterVersion {
    pub id: Id,
    pub name: String,
    pub date: String,
    pub principles: Vec<PrincipleSnapshot>,
}

read_struct!(CharterVersion { id, name, date, principles });

/// A principle as it stood in a saved version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PrincipleSnapshot {
    /// The principle's id then (so rewording is told apart from replacing).
    pub id: Id,
    pub title: String,
    pub meaning: String,
    pub kind: super::PrincipleKind,
}

read_struct!(PrincipleSnapshot { id, title, meaning = default, kind = default });

// --- In practice (format version 3): owners, adoption, actions, the results monitor and the
// evaluation after a year. Every part reads as empty from older files.

/// Who adopts the set (*vaststellen*): the group finishes it, one of these decides.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case", try_from = "String")]
pub enum Adopter {
    /// *Het college van B en W*.
    College,
    /// *De gemeenteraad*.
    Council,
}

named_variants!(Adopter { College = "college", Council = "council" });

/// The set's adoption route: who adopts it and when it is planned; once adopted, the
/// decision's date and reference (*kenmerk*). Dates are `YYYY-MM-DD` or empty.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Adoption {
    pub by: Option<Adopter>,
    pub planned: String,
    pub decided: String,
    pub reference: String,
}

read_struct!(Adoption = default { by, planned, decided, reference });

impl Adoption {
    /// Whether the set has been adopted: who decided and on which date are both known.
    pub fn adopted(&self) -> Option<(Adopter, &str)> {
        self.by.filter(|_| !self.decided.is_empty()).map(|by| (by, self.decided.as_str()))
    }
}

/// Who carries a principle: one owner (*eigenaar*) and its ambassadors (*ambassadeurs*).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Ownership {
    pub principle: Id,
    pub owner: String,
    pub ambassadors: Vec<String>,
}

read_struct!(Ownership { principle, owner = default, ambassadors = default });

/// The four implications of a principle an action comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case", try_from = "String")]
pub enum Implication {
    /// *Aanbod en activiteiten*.
    Offer,
    /// *Toegang*.
    Access,
    /// *Handelen*.
    Conduct,
    /// *Inkoop en contracten*.
    Procurement,
}

named_variants!(Implication { Offer = "offer", Access = "access", Conduct = "conduct", Procurement = "procurement" });

impl Implication {
    pub const ALL: [Implication; 4] =
        [Implication::Offer, Implication::Access, Implication::Conduct, Implication::Procurement];
}

/// How far an action is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case", try_from = "String")]
pub enum Progress {
    /// *Open*: not started.
    #[default]
    Open,
    /// *Bezig*.
    Busy,
    /// *Klaar*.
    Done,
}

named_variants!(Progress { Open = "open", Busy = "busy", Done = "done" });

impl Progress {
    pub const ALL: [Progress; 3] = [Progress::Open, Progress::Busy, Progress::Done];
}

/// A concrete action from a principle's implication: who does what, by when, and how far.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Task {
    pub id: Id,
    pub principle: Id,
    pub implication: Implication,
    pub who: String,
    pub what: String,
    /// `YYYY-MM-DD`, or empty when no date is set.
    pub due: String,
    pub status: Progress,
}

read_struct!(Task { id, principle, implication, who = default, what, due = default, status = default });

/// An indicator of an intended outcome (*indicator*): where it started (*nulmeting*), where it
/// should go, and the value measured at the evaluation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Indicator {
    pub id: Id,
    pub outcome: Id,
    pub name: String,
    /// Where the figures come from (CBS, cliëntervaringsonderzoek ...).
    pub source: String,
    /// Values are free text, so "62 %" and "1 op 5" both fit.
    pub baseline: String,
    pub baseline_date: String,
    pub target: String,
    /// The value at the evaluation, beside the baseline.
    pub measured: String,
    pub measured_date: String,
}

read_struct!(Indicator {
    id,
    outcome,
    name,
    source = default,
    baseline = default,
    baseline_date = default,
    target = default,
    measured = default,
    measured_date = default,
});

/// At the evaluation, per principle: does the policy theory's assumption still hold?
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AssumptionCheck {
    pub principle: Id,
    pub answer: Answer,
    pub note: String,
}

read_struct!(AssumptionCheck { principle, answer, note = default });

/// What the evaluation decides about the set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case", try_from = "String")]
pub enum Decision {
    /// The set stays as it is.
    Keep,
    /// The set gets a new version (2.0).
    Revise,
}

named_variants!(Decision { Keep = "keep", Revise = "revise" });

/// The evaluation after a year: its date and the decision it came to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Evaluation {
    pub held: String,
    pub decision: Option<Decision>,
    pub note: String,
}

read_struct!(Evaluation = default { held, decision, note });
