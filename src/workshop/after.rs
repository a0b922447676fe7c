//! After the charter (*na het charter*): the tools a municipality uses in the months after the
//! workshop, kept in the same file. The yardstick (*meetlat*, as Ede weighs budget options),
//! the congruence check, the doorfluister-check (does the "why" reach practice?) and versions.

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
}

read_struct!(Aftercare = default { options, assessments, congruence, whispers, versions, evaluation_date });

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
