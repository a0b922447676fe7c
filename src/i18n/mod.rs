//! Every word the interface shows, Dutch first (plain B1 Dutch), English second.
//!
//! Fixed texts are organised by step, one enum each ([`SetupText`], [`CollectText`],
//! [`ClusterText`], [`ChooseText`], [`ConcretiseText`], [`CharterText`], [`AfterText`]), plus
//! [`CommonText`] for what every step shares and [`FilesText`], [`DeviceText`] and
//! [`FacilitateText`] for the tools around the steps. Every key has a Dutch and an English text,
//! or it does not compile. All of them are [`Text`], so one call (`ctx.t(CollectText::AddCard)`)
//! takes any key. Counts use the one [`plural`] helper; texts with names are functions beside
//! their enum. Domain errors are told in the user's language by [`error`] and [`file_error`].

use crate::format::FileError;
use crate::workshop::{DomainError, Field, Integrity, SourceKind, Stage};

/// The interface language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    Nl,
    En,
}

impl Lang {
    /// The `lang` attribute value.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    /// Reads `nl` or `en` (as in a `data-lang` attribute); anything else is Dutch.
    pub fn from_code(code: &str) -> Lang {
        if code.trim().eq_ignore_ascii_case("en") {
            Lang::En
        } else {
            Lang::Nl
        }
    }
}

/// A fixed interface text in both languages: every text enum is one.
pub trait Text {
    /// The text in a language.
    fn text(&self, lang: Lang) -> &'static str;
}

impl<K: Text + ?Sized> Text for &K {
    fn text(&self, lang: Lang) -> &'static str {
        (**self).text(lang)
    }
}

/// Every fixed text as (key, Dutch, English), for checks over all of them.
pub fn every_text() -> Vec<(String, &'static str, &'static str)> {
    fn of<K: Text + std::fmt::Debug>(all: &[K]) -> impl Iterator<Item = (String, &'static str, &'static str)> + '_ {
        all.iter().map(|k| (format!("{k:?}"), k.text(Lang::Nl), k.text(Lang::En)))
    }
    let mut out = Vec::new();
    out.extend(of(CommonText::ALL));
    out.extend(of(SetupText::ALL));
    out.extend(of(CollectText::ALL));
    out.extend(of(ClusterText::ALL));
    out.extend(of(ChooseText::ALL));
    out.extend(of(ConcretiseText::ALL));
    out.extend(of(CharterText::ALL));
    out.extend(of(FilesText::ALL));
    out.extend(of(DeviceText::ALL));
    out.extend(of(FacilitateText::ALL));
    out.extend(of(AfterText::ALL));
    out.extend(of(HomeText::ALL));
    out.extend(of(PracticeText::ALL));
    out.extend(of(LiveText::ALL));
    out.extend(of(HostText::ALL));
    out
}

/// Defines an enum of fixed texts: `texts! { Name; Key => "nl", "en"; ... }`.
macro_rules! texts {
    ($name:ident; $($key:ident => $nl:expr, $en:expr;)*) => {
        /// A fixed interface text.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name { $($key),* }

        impl $name {
            /// Every key, for tests that check both languages are complete.
            pub const ALL: &'static [$name] = &[$($name::$key),*];

            /// The text in a language.
            pub fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $(($name::$key, Lang::Nl) => $nl, ($name::$key, Lang::En) => $en,)*
                }
            }
        }

        impl $crate::i18n::Text for $name {
            fn text(&self, lang: Lang) -> &'static str {
                self.get(lang)
            }
        }
    };
}

mod common;
pub use common::CommonText;
mod setup;
pub use setup::SetupText;
mod collect;
pub use collect::CollectText;
mod cluster;
pub use cluster::ClusterText;
mod choose;
pub use choose::ChooseText;
mod concretise;
pub use concretise::ConcretiseText;
mod charter;
pub use charter::CharterText;
mod files;
pub use files::FilesText;
mod device;
pub use device::DeviceText;
mod facilitate;
pub use facilitate::FacilitateText;
mod after;
pub use after::{AfterText, HomeText, PracticeText};
pub mod live;
pub use live::LiveText;
pub mod host;
pub use host::HostText;

/// The name of a kind of source.
pub fn source_kind(kind: SourceKind, lang: Lang) -> &'static str {
    match kind {
        SourceKind::Case => CollectText::KindCase,
        SourceKind::Data => CollectText::KindData,
        SourceKind::Appreciative => CollectText::KindAppreciative,
    }
    .get(lang)
}

/// The thing itself, where [`field`] names its text: a reference points at a source, not at
/// its title.
fn thing(f: Field, lang: Lang) -> &'static str {
    match (f, lang) {
        (Field::Source, Lang::Nl) => "de bron",
        (Field::Source, Lang::En) => "the source",
        _ => field(f, lang),
    }
}

/// "die" or "dat": the Dutch relative pronoun for a noun with its article ("het cluster dat").
fn which(noun: &str) -> &'static str {
    if noun.starts_with("het ") {
        "dat"
    } else {
        "die"
    }
}

/// The name of a kind of principle ("Waarde", "Transformatiedoel"), for the charter and the
/// version comparison alike.
pub fn principle_kind(kind: crate::workshop::PrincipleKind, lang: Lang) -> &'static str {
    match kind {
        crate::workshop::PrincipleKind::TransformationGoal => ConcretiseText::KindGoal.get(lang),
        crate::workshop::PrincipleKind::Value => ConcretiseText::KindValue.get(lang),
    }
}

fn field(f: Field, lang: Lang) -> &'static str {
    use Field::*;
    match (f, lang) {
        (Title, Lang::Nl) => "de titel",
        (Title, Lang::En) => "the title",
        (Organisation, Lang::Nl) => "de organisatie",
        (Organisation, Lang::En) => "the organisation",
        (Date, Lang::Nl) => "de datum",
        (Date, Lang::En) => "the date",
        (Facilitator, Lang::Nl) => "de begeleider",
        (Facilitator, Lang::En) => "the facilitator",
        (Outcome, Lang::Nl) => "het resultaat",
        (Outcome, Lang::En) => "the outcome",
        (Group, Lang::Nl) => "de groep",
        (Group, Lang::En) => "the group",
        (Source, Lang::Nl) => "de titel van de bron",
        (Source, Lang::En) => "the source title",
        (SourceNotes, Lang::Nl) => "de aantekeningen",
        (SourceNotes, Lang::En) => "the notes",
        (Card, Lang::Nl) => "de kaart",
        (Card, Lang::En) => "the card",
        (Cluster, Lang::Nl) => "het cluster",
        (Cluster, Lang::En) => "the cluster",
        (Voter, Lang::Nl) => "de stemmer",
        (Voter, Lang::En) => "the voter",
        (Principle, Lang::Nl) => "het principe",
        (Principle, Lang::En) => "the principle",
        (PrincipleText, Lang::Nl) => "de tekst",
        (PrincipleText, Lang::En) => "the text",
        (Tension, Lang::Nl) => "de spanning",
        (Tension, Lang::En) => "the tension",
        (Reason, Lang::Nl) => "de reden",
        (Reason, Lang::En) => "the reason",
        (BudgetOption, Lang::Nl) => "de optie",
        (BudgetOption, Lang::En) => "the option",
        (Note, Lang::Nl) => "de toelichting",
        (Note, Lang::En) => "the note",
        (Whisper, Lang::Nl) => "het antwoord",
        (Whisper, Lang::En) => "the answer",
        (Version, Lang::Nl) => "de versie",
        (Version, Lang::En) => "the version",
        (Question, Lang::Nl) => "de vraag",
        (Question, Lang::En) => "the question",
        (Person, Lang::Nl) => "de naam",
        (Person, Lang::En) => "the name",
        (Reference, Lang::Nl) => "het kenmerk",
        (Reference, Lang::En) => "the reference",
        (Task, Lang::Nl) => "de actie",
        (Task, Lang::En) => "the action",
        (Indicator, Lang::Nl) => "de indicator",
        (Indicator, Lang::En) => "the indicator",
        (Answer, Lang::Nl) => "het antwoord",
        (Answer, Lang::En) => "the answer",
        (Adoption, Lang::Nl) => "het besluit over de set",
        (Adoption, Lang::En) => "the decision on the set",
        (Assumption, Lang::Nl) => "de veronderstelling",
        (Assumption, Lang::En) => "the assumption",
        (Evaluation, Lang::Nl) => "de evaluatie",
        (Evaluation, Lang::En) => "the evaluation",
    }
}

/// Why an action was refused, in plain words.
pub fn error(e: &DomainError, lang: Lang) -> String {
    use DomainError::*;
    let nl = lang == Lang::Nl;
    match e {
        Empty(f) => {
            if nl {
                format!("Vul {} in.", field(*f, lang))
            } else {
                format!("Please fill in {}.", field(*f, lang))
            }
        }
        TooLong { field: f, max } => {
            if nl {
                format!("Maak {} korter: hoogstens {max} tekens.", field(*f, lang))
            } else {
                format!("Please shorten {}: {max} characters at most.", field(*f, lang))
            }
        }
        NotOneLine(f) => {
            if nl {
                format!("Zet {} op één regel.", field(*f, lang))
            } else {
                format!("Please put {} on one line.", field(*f, lang))
            }
        }
        NotFound(f) => {
            if nl {
                let noun = thing(*f, lang);
                format!("Kan {noun} niet meer vinden. Misschien is {} net weggehaald.", which(noun))
            } else {
                format!("Cannot find {} any more. Perhaps it was just removed.", thing(*f, lang))
            }
        }
        DuplicateId(_) => pick(lang, "Dit bestaat al. Probeer het nog eens.", "This already exists. Please try again."),
        GroupInUse { cards } => {
            if nl {
                format!("Deze groep staat nog op {cards} kaart(en). Kies eerst bij die kaarten een andere groep.")
            } else {
                format!("This group is still on {cards} card(s). Choose another group on those cards first.")
            }
        }
        SameCluster => {
            pick(lang, "Kies een ander cluster om mee samen te voegen.", "Choose another cluster to merge with.")
        }
        NothingSelected => pick(lang, "Kies eerst een of meer kaarten.", "Choose one or more cards first."),
        ClusterIsPrinciple => pick(
            lang,
            "Dit cluster is al een principe. Haal het principe eerst weg bij Kiezen.",
            "This cluster is already a principle. Remove the principle in Choose first.",
        ),
        NoDotsLeft => pick(lang, "Alle stippen zijn op.", "All dots have been used."),
        MaxPerCluster(n) => {
            if nl {
                format!("Op één cluster mogen hoogstens {n} stippen.")
            } else {
                format!("At most {n} dots on one cluster.")
            }
        }
        NoDotToWithdraw => pick(lang, "Hier staat geen stip om weg te halen.", "There is no dot here to remove."),
        OutOfRange { min, max, .. } => {
            if nl {
                format!("Kies een getal van {min} tot en met {max}.")
            } else {
                format!("Choose a number from {min} to {max}.")
            }
        }
        VotesAlreadyCast => pick(
            lang,
            "Er is al gestemd. Haal eerst alle stippen weg om de regels te veranderen.",
            "Votes have been cast. Remove all dots first to change the rules.",
        ),
        TensionNeedsTwo => pick(lang, "Kies twee verschillende principes.", "Choose two different principles."),
        TensionExists => {
            pick(lang, "Voor deze twee principes is al een spanning.", "These two principles already have a tension.")
        }
        PriorityNotInTension => {
            pick(lang, "Kies een van de twee principes als voorrang.", "Choose one of the two principles to go first.")
        }
        ReasonRequired => pick(
            lang,
            "Schrijf op waarom u minder dan 5 of meer dan 8 principes kiest.",
            "Write down why you choose fewer than 5 or more than 8 principles.",
        ),
        OtherFileDamaged => pick(
            lang,
            "Het andere bestand is beschadigd. Er is niets veranderd.",
            "The other file is damaged. Nothing was changed.",
        ),
        IdClash => pick(
            lang,
            "De twee bestanden passen niet bij elkaar. Er is niets veranderd.",
            "The two files do not fit together. Nothing was changed.",
        ),
        AlreadyPromoted => pick(lang, "Dit cluster is al een principe.", "This cluster is already a principle."),
        BothValues => pick(
            lang,
            "Hier kan één van de twee blijven. Kies er een.",
            "Only one of the two can stay here. Choose one.",
        ),
        SetFull(n) => {
            if nl {
                format!("Er kunnen hoogstens {n} principes in de set: meer past niet op één charter. De methode raadt 5 tot 8 aan.")
            } else {
                format!("The set holds at most {n} principles: more does not fit on one charter. The method advises 5 to 8.")
            }
        }
        MergeSetTooLarge { together, max } => {
            if nl {
                format!("Samen hebben de twee bestanden {together} verschillende principes. Er passen er hoogstens {max} op één charter. Haal eerst principes weg in een van de twee. Er is niets veranderd.")
            } else {
                format!("Together the two files have {together} different principles. At most {max} fit on one charter. Remove principles in one of the two first. Nothing was changed.")
            }
        }
        MergeLocked(stage) => {
            let name = stage_name(*stage, lang);
            if nl {
                format!("Samenvoegen kan nu niet: het bestand verandert iets bij {name}, en die stap is vergrendeld door de begeleider. Vraag de begeleider om hem te openen. Er is niets veranderd.")
            } else {
                format!("Cannot merge now: the file changes something in {name}, and the facilitator has locked that step. Ask the facilitator to unlock it. Nothing was changed.")
            }
        }
        NotADate(f) => {
            if nl {
                format!("Kies {} in de kalender, of schrijf hem als jaar-maand-dag: 2027-03-12.", field(*f, lang))
            } else {
                format!("Pick {} in the calendar, or write it as year-month-day: 2027-03-12.", field(*f, lang))
            }
        }
        TooMany { what, max } => {
            if nl {
                format!("Er kunnen hoogstens {max} keer {} in. Haal er eerst een weg.", field(*what, lang))
            } else {
                format!("There is room for at most {max} of {}. Remove one first.", field(*what, lang))
            }
        }
        Locked(stage) => {
            let name = stage_name(*stage, lang);
            if nl {
                format!("De stap {name} is vergrendeld door de begeleider. Vraag de begeleider om hem te openen.")
            } else {
                format!("The step {name} is locked by the facilitator. Ask the facilitator to unlock it.")
            }
        }
    }
}

/// The name of a stage, as in the step bar.
pub fn stage_name(stage: Stage, lang: Lang) -> &'static str {
    match stage {
        Stage::Setup => CommonText::PhaseSetup.get(lang),
        Stage::Collect => CommonText::PhaseCollect.get(lang),
        Stage::Cluster => CommonText::PhaseCluster.get(lang),
        Stage::Reduce => CommonText::PhaseReduce.get(lang),
        Stage::Concretise => CommonText::PhaseConcretise.get(lang),
    }
}

/// Why a file could not be opened, in plain words. Always ends by saying nothing changed.
pub fn file_error(e: &FileError, lang: Lang) -> String {
    let what = match (e, lang) {
        (FileError::TooLarge { .. }, Lang::Nl) => "Dit bestand is te groot voor een werksessie.".to_string(),
        (FileError::TooLarge { .. }, Lang::En) => "This file is too large for a workshop.".to_string(),
        (FileError::NotJson(_), Lang::Nl) => "Dit is geen Leidraad-bestand (geen JSON).".to_string(),
        (FileError::NotJson(_), Lang::En) => "This is not a Leidraad file (not JSON).".to_string(),
        (FileError::WrongFormat, Lang::Nl) => "Dit bestand is geen werksessie van Leidraad.".to_string(),
        (FileError::WrongFormat, Lang::En) => "This file is not a Leidraad workshop.".to_string(),
        (FileError::NewerVersion(v), Lang::Nl) => {
            format!("Dit bestand komt uit een nieuwere versie van Leidraad (versie {v}). Gebruik die versie.")
        }
        (FileError::NewerVersion(v), Lang::En) => {
            format!("This file comes from a newer version of Leidraad (version {v}). Please use that version.")
        }
        (FileError::BadShape(_), Lang::Nl) => {
            "Dit bestand is beschadigd: er ontbreekt iets of iets klopt niet.".to_string()
        }
        (FileError::BadShape(_), Lang::En) => "This file is damaged: something is missing or wrong.".to_string(),
        (FileError::Broken(i), _) => integrity(i, lang),
    };
    match lang {
        Lang::Nl => format!("{what} Er is niets veranderd."),
        Lang::En => format!("{what} Nothing was changed."),
    }
}

fn integrity(i: &Integrity, lang: Lang) -> String {
    match (i, lang) {
        (Integrity::DuplicateId(_), Lang::Nl) => "Dit bestand is beschadigd: iets staat er twee keer in.".into(),
        (Integrity::DuplicateId(_), Lang::En) => "This file is damaged: something appears twice.".into(),
        (Integrity::Dangling { field: f, .. }, Lang::Nl) => {
            let noun = thing(*f, lang);
            format!("Dit bestand is beschadigd: het verwijst naar {noun} {} er niet is.", which(noun))
        }
        (Integrity::Dangling { field: f, .. }, Lang::En) => {
            format!("This file is damaged: it refers to {} that is not there.", thing(*f, lang))
        }
        (Integrity::TooLong { field: f, max }, Lang::Nl) => {
            format!("In dit bestand is {} langer dan {max} tekens.", field(*f, lang))
        }
        (Integrity::TooLong { field: f, max }, Lang::En) => {
            format!("In this file {} is longer than {max} characters.", field(*f, lang))
        }
        (Integrity::Refused(e), Lang::Nl) => format!("Iets in dit bestand kan niet in Leidraad. {}", error(e, lang)),
        (Integrity::Refused(e), Lang::En) => {
            format!("Something in this file is not allowed in Leidraad. {}", error(e, lang))
        }
        (Integrity::BadVotes, Lang::Nl) => "Dit bestand is beschadigd: de stemmen kloppen niet.".into(),
        (Integrity::BadVotes, Lang::En) => "This file is damaged: the votes do not add up.".into(),
        (Integrity::BadSet, Lang::Nl) => "Dit bestand is beschadigd: de principes of spanningen kloppen niet.".into(),
        (Integrity::BadSet, Lang::En) => "This file is damaged: the principles or tensions do not add up.".into(),
    }
}

/// The one plural helper: "1 kaart" / "3 kaarten", a count with the right form of its word.
/// `nl` and `en` are each (one, many).
pub fn plural(n: impl Into<u64>, nl: (&str, &str), en: (&str, &str), lang: Lang) -> String {
    let n = n.into();
    let (one, many) = match lang {
        Lang::Nl => nl,
        Lang::En => en,
    };
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Number of cards.
pub fn cards(n: usize, lang: Lang) -> String {
    plural(n as u64, ("kaart", "kaarten"), ("card", "cards"), lang)
}

/// Number of principles ("5 principes").
pub fn principles(n: usize, lang: Lang) -> String {
    plural(n as u64, ("principe", "principes"), ("principle", "principles"), lang)
}

/// Number of dots ("3 stippen").
pub fn dots(n: u32, lang: Lang) -> String {
    plural(n, ("stip", "stippen"), ("dot", "dots"), lang)
}

/// A month's name (1 = January), for dates written out ("12 maart 2027").
pub fn month(m: usize, lang: Lang) -> Option<&'static str> {
    const NL: [&str; 12] = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let names = match lang {
        Lang::Nl => &NL,
        Lang::En => &EN,
    };
    m.checked_sub(1).and_then(|i| names.get(i)).copied()
}

/// "Anna is aan de beurt. Nog 3 van 5 stippen over."
pub fn dots_left(name: &str, left: u32, of: u32, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("{name} is aan de beurt. Nog {left} van {of} stippen over."),
        Lang::En => format!("It is {name}'s turn. {left} of {of} dots left."),
    }
}

/// The dots a voter has put on one cluster in this turn (for screen readers).
pub fn dots_this_turn(n: u32, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("{} in deze beurt", dots(n, lang)),
        Lang::En => format!("{} this turn", dots(n, lang)),
    }
}

/// The button that turns a suggestion into a cluster: "Maak cluster (3 kaarten)".
pub fn make_cluster_of(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("Maak cluster ({})", cards(n, lang)),
        Lang::En => format!("Make cluster ({})", cards(n, lang)),
    }
}

/// "2 kaarten verplaatst naar Dichtbij.": said once a move is done.
pub fn cards_moved(n: usize, column: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("{} verplaatst naar {column}.", cards(n, lang)),
        Lang::En => format!("{} moved to {column}.", cards(n, lang)),
    }
}

/// Why no suggestions were made on a board with more loose cards than the suggestions handle,
/// and what to do instead.
pub fn too_many_loose_cards(cards: usize, max: usize, lang: Lang) -> String {
    let (cards, max) = (grouped(cards, lang), grouped(max, lang));
    match lang {
        Lang::Nl => format!(
            "Te veel losse kaarten voor voorstellen: {cards}, en Leidraad doet voorstellen tot {max}. \
             Deel eerst zelf een deel van de kaarten in een cluster in en kies dan opnieuw voorstellen."
        ),
        Lang::En => format!(
            "Too many loose cards for suggestions: {cards}, and Leidraad suggests for up to {max}. \
             Put some of the cards in a cluster yourself first, then choose Suggest again."
        ),
    }
}

/// A whole number with thousands separated as the language writes them: 20.000 / 20,000.
fn grouped(n: usize, lang: Lang) -> String {
    let digits = n.to_string();
    let sep = match lang {
        Lang::Nl => '.',
        Lang::En => ',',
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

fn pick(lang: Lang, nl: &str, en: &str) -> String {
    match lang {
        Lang::Nl => nl.to_string(),
        Lang::En => en.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn too_many_loose_cards_names_both_numbers_and_what_to_do() {
        let nl = too_many_loose_cards(23_171, 20_000, Lang::Nl);
        assert!(nl.contains("23.171") && nl.contains("20.000") && nl.contains("cluster"), "{nl}");
        let en = too_many_loose_cards(23_171, 20_000, Lang::En);
        assert!(en.contains("23,171") && en.contains("20,000") && en.contains("cluster"), "{en}");
        assert_eq!(grouped(999, Lang::Nl), "999");
        assert_eq!(grouped(1_000_000, Lang::En), "1,000,000");
    }

    #[test]
    fn every_text_exists_in_both_languages() {
        for (key, nl, en) in every_text() {
            assert!(!nl.trim().is_empty(), "{key} nl");
            assert!(!en.trim().is_empty(), "{key} en");
        }
    }

    #[test]
    fn a_missing_reference_is_named_with_the_right_dutch_words() {
        let dangling = |field| {
            file_error(
                &FileError::Broken(Integrity::Dangling { field, id: crate::workshop::Id::parse("x").expect("an id") }),
                Lang::Nl,
            )
        };
        assert!(dangling(Field::Cluster).contains("naar het cluster dat er niet is"), "{}", dangling(Field::Cluster));
        assert!(dangling(Field::Principle).contains("naar het principe dat er niet is"));
        assert!(dangling(Field::Outcome).contains("naar het resultaat dat er niet is"));
        assert!(dangling(Field::Whisper).contains("naar het antwoord dat er niet is"));
        assert!(dangling(Field::Source).contains("naar de bron die er niet is"), "{}", dangling(Field::Source));
        assert!(dangling(Field::Card).contains("naar de kaart die er niet is"));
        let gone = error(&DomainError::NotFound(Field::Cluster), Lang::Nl);
        assert!(gone.contains("het cluster niet meer vinden. Misschien is dat net weggehaald"), "{gone}");
    }

    #[test]
    fn file_errors_say_nothing_changed() {
        let msg = file_error(&FileError::WrongFormat, Lang::Nl);
        assert!(msg.ends_with("Er is niets veranderd."), "{msg}");
    }
}
