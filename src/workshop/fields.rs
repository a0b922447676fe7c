//! The fields of a principle (*concretiseren*), in one table: each field's key, length limit,
//! section of the form, and whether it is on the one-page charter and in the Markdown export.
//! The form, the limits, `apply`, the file checks and the Markdown export all read this table,
//! so a new field is added here (struct field, variant, row, the two accessor arms) and its
//! label in `i18n`.

use serde::{Deserialize, Serialize};

use super::error::Field;
use super::limits;
use super::model::Principle;
use super::variants::read_struct;

/// The free-text parts of a principle. Every field may be missing (it reads as empty), so every
/// file written before a field existed still reads.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct PrincipleText {
    /// One line in plain words: what we mean.
    pub meaning: String,
    /// What it means for the offer (*aanbod en activiteiten*).
    pub offer: String,
    /// ... for access (*toegang*).
    pub access: String,
    /// ... for professional conduct (*handelen*).
    pub conduct: String,
    /// ... for procurement and contracts (*inkoop*).
    pub procurement: String,
    /// Policy theory: "because we assume ..." (*veronderstelling*).
    pub assumption: String,
    /// Policy theory: "... this way of working ..." (*werkwijze*).
    pub way_of_working: String,
    /// The six closing questions of the method, answers in order.
    pub closing: [String; 6],
    /// Head (*hoofd*): what we know.
    pub head: String,
    /// Heart (*hart*): what moves us.
    pub heart: String,
    /// Hands (*handen*): what we do.
    pub hands: String,
    /// The 80/15/5 lens (format version 4): what the principle means for residents who manage
    /// on their own (about 80 %) ...
    #[serde(skip_serializing_if = "String::is_empty")]
    pub lens_own: String,
    /// ... and which kind of service fits them;
    #[serde(skip_serializing_if = "String::is_empty")]
    pub lens_own_service: String,
    /// ... for residents who may become vulnerable (about 15 %) ...
    #[serde(skip_serializing_if = "String::is_empty")]
    pub lens_at_risk: String,
    /// ... and the service that fits them;
    #[serde(skip_serializing_if = "String::is_empty")]
    pub lens_at_risk_service: String,
    /// ... for residents who are vulnerable (about 5 %) ...
    #[serde(skip_serializing_if = "String::is_empty")]
    pub lens_vulnerable: String,
    /// ... and the service that fits them. Each left out of the file while empty.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub lens_vulnerable_service: String,
}

read_struct!(
    PrincipleText = default {
        meaning,
        offer,
        access,
        conduct,
        procurement,
        assumption,
        way_of_working,
        closing,
        head,
        heart,
        hands,
        lens_own,
        lens_own_service,
        lens_at_risk,
        lens_at_risk_service,
        lens_vulnerable,
        lens_vulnerable_service
    }
);

/// Which free-text part of a principle is being edited (*concretiseren*).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PrincipleField {
    Title,
    Meaning,
    Offer,
    Access,
    Conduct,
    Procurement,
    Assumption,
    WayOfWorking,
    /// One of the six closing questions, 0..=5.
    Closing(u8),
    Head,
    Heart,
    Hands,
    /// The 80/15/5 lens: residents who manage on their own, and the service that fits.
    LensOwn,
    LensOwnService,
    /// ... residents who may become vulnerable.
    LensAtRisk,
    LensAtRiskService,
    /// ... residents who are vulnerable.
    LensVulnerable,
    LensVulnerableService,
}

/// Where a field sits in the form and in the Markdown export.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    /// The title and the one-line meaning, at the top (and on the charter).
    Core,
    /// What the principle means for offer, access, conduct, procurement (*implicaties*).
    Implications,
    /// The policy theory (*beleidstheorie*): a sentence with the outcome it brings closer.
    Theory,
    /// The method's closing questions (folded away, to deepen).
    Closing,
    /// Head, heart and hands (folded away, to deepen).
    HeadHeartHands,
    /// The 80/15/5 lens (folded away, optional; in the Markdown, not on the one-page charter).
    Lens,
}

/// One row of the table of principle fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldSpec {
    /// The field.
    pub field: PrincipleField,
    /// A stable name for the form's element ids and `data-field` (tests use it).
    pub key: &'static str,
    /// Most characters, so the charter fits one A4 page.
    pub limit: usize,
    /// Where it sits in the form and the export.
    pub section: Section,
    /// Printed on the one-page charter.
    pub on_charter: bool,
    /// Written in the Markdown export.
    pub in_markdown: bool,
}

const fn row(field: PrincipleField, key: &'static str, limit: usize, section: Section) -> FieldSpec {
    let on_charter = matches!(section, Section::Core);
    FieldSpec { field, key, limit, section, on_charter, in_markdown: true }
}

/// Every field of a principle, in form order (which is also the order files are checked in).
pub const PRINCIPLE_FIELDS: &[FieldSpec] = {
    use PrincipleField::*;
    &[
        row(Title, "title", limits::PRINCIPLE_TITLE, Section::Core),
        row(Meaning, "meaning", limits::PRINCIPLE_MEANING, Section::Core),
        row(Offer, "offer", limits::PRINCIPLE_PART, Section::Implications),
        row(Access, "access", limits::PRINCIPLE_PART, Section::Implications),
        row(Conduct, "conduct", limits::PRINCIPLE_PART, Section::Implications),
        row(Procurement, "procurement", limits::PRINCIPLE_PART, Section::Implications),
        row(Assumption, "assumption", limits::PRINCIPLE_PART, Section::Theory),
        row(WayOfWorking, "way", limits::PRINCIPLE_PART, Section::Theory),
        row(Closing(0), "q1", limits::PRINCIPLE_ANSWER, Section::Closing),
        row(Closing(1), "q2", limits::PRINCIPLE_ANSWER, Section::Closing),
        row(Closing(2), "q3", limits::PRINCIPLE_ANSWER, Section::Closing),
        row(Closing(3), "q4", limits::PRINCIPLE_ANSWER, Section::Closing),
        row(Closing(4), "q5", limits::PRINCIPLE_ANSWER, Section::Closing),
        row(Closing(5), "q6", limits::PRINCIPLE_ANSWER, Section::Closing),
        row(Head, "head", limits::PRINCIPLE_ANSWER, Section::HeadHeartHands),
        row(Heart, "heart", limits::PRINCIPLE_ANSWER, Section::HeadHeartHands),
        row(Hands, "hands", limits::PRINCIPLE_ANSWER, Section::HeadHeartHands),
        row(LensOwn, "lens-own", limits::PRINCIPLE_PART, Section::Lens),
        row(LensOwnService, "lens-own-service", limits::PRINCIPLE_PART, Section::Lens),
        row(LensAtRisk, "lens-at-risk", limits::PRINCIPLE_PART, Section::Lens),
        row(LensAtRiskService, "lens-at-risk-service", limits::PRINCIPLE_PART, Section::Lens),
        row(LensVulnerable, "lens-vulnerable", limits::PRINCIPLE_PART, Section::Lens),
        row(LensVulnerableService, "lens-vulnerable-service", limits::PRINCIPLE_PART, Section::Lens),
    ]
};

impl PrincipleField {
    /// Every field, in form order.
    pub fn all() -> impl Iterator<Item = PrincipleField> {
        PRINCIPLE_FIELDS.iter().map(|s| s.field)
    }

    /// The fields of one section, in form order.
    pub fn in_section(section: Section) -> impl Iterator<Item = &'static FieldSpec> {
        PRINCIPLE_FIELDS.iter().filter(move |s| s.section == section)
    }

    /// This field's row; `None` for a closing question past the sixth.
    pub fn spec(self) -> Option<&'static FieldSpec> {
        PRINCIPLE_FIELDS.iter().find(|s| s.field == self)
    }

    /// Most characters. Every closing question has the same limit, also one out of range
    /// (which `apply` refuses for its number, after its length).
    pub fn limit(self) -> usize {
        match self {
            PrincipleField::Closing(_) => limits::PRINCIPLE_ANSWER,
            f => f.spec().map_or(limits::PRINCIPLE_ANSWER, |s| s.limit),
        }
    }

    /// What an error about this field names: the principle itself for its title.
    pub fn error_field(self) -> Field {
        if self == PrincipleField::Title {
            Field::Principle
        } else {
            Field::PrincipleText
        }
    }

    /// The text of this field; `None` for a closing question past the sixth.
    pub fn text(self, p: &Principle) -> Option<&str> {
        let t = &p.text;
        Some(match self {
            PrincipleField::Title => &p.title,
            PrincipleField::Meaning => &t.meaning,
            PrincipleField::Offer => &t.offer,
            PrincipleField::Access => &t.access,
            PrincipleField::Conduct => &t.conduct,
            PrincipleField::Procurement => &t.procurement,
            PrincipleField::Assumption => &t.assumption,
            PrincipleField::WayOfWorking => &t.way_of_working,
            PrincipleField::Closing(n) => t.closing.get(usize::from(n))?,
            PrincipleField::Head => &t.head,
            PrincipleField::Heart => &t.heart,
            PrincipleField::Hands => &t.hands,
            PrincipleField::LensOwn => &t.lens_own,
            PrincipleField::LensOwnService => &t.lens_own_service,
            PrincipleField::LensAtRisk => &t.lens_at_risk,
            PrincipleField::LensAtRiskService => &t.lens_at_risk_service,
            PrincipleField::LensVulnerable => &t.lens_vulnerable,
            PrincipleField::LensVulnerableService => &t.lens_vulnerable_service,
        })
    }

    /// Where `apply` writes this field; `None` for a closing question past the sixth.
    pub(super) fn slot(self, p: &mut Principle) -> Option<&mut String> {
        let t = &mut p.text;
        Some(match self {
            PrincipleField::Title => &mut p.title,
            PrincipleField::Meaning => &mut t.meaning,
            PrincipleField::Offer => &mut t.offer,
            PrincipleField::Access => &mut t.access,
            PrincipleField::Conduct => &mut t.conduct,
            PrincipleField::Procurement => &mut t.procurement,
            PrincipleField::Assumption => &mut t.assumption,
            PrincipleField::WayOfWorking => &mut t.way_of_working,
            PrincipleField::Closing(n) => t.closing.get_mut(usize::from(n))?,
            PrincipleField::Head => &mut t.head,
            PrincipleField::Heart => &mut t.heart,
            PrincipleField::Hands => &mut t.hands,
            PrincipleField::LensOwn => &mut t.lens_own,
            PrincipleField::LensOwnService => &mut t.lens_own_service,
            PrincipleField::LensAtRisk => &mut t.lens_at_risk,
            PrincipleField::LensAtRiskService => &mut t.lens_at_risk_service,
            PrincipleField::LensVulnerable => &mut t.lens_vulnerable,
            PrincipleField::LensVulnerableService => &mut t.lens_vulnerable_service,
        })
    }
}
