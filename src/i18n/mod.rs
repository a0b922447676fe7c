//! Every word the interface shows, Dutch first (plain B1 Dutch), English second.
//!
//! Fixed texts are keys of [`T`]; texts with numbers or names are functions below.
//! Domain errors are told in the user's language by [`error`] and [`file_error`].

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
    };
}

mod later;
pub use later::L;
mod facilitate;
pub use facilitate::F;
mod after;
pub use after::A;

texts! {
    T;
    AppName => "Leidraad", "Leidraad";
    AppTagline => "Samen leidende principes maken voor het sociaal domein", "Writing guiding principles for the social domain, together";
    SkipToContent => "Naar de inhoud", "Skip to content";
    Language => "Taal", "Language";
    SwitchLanguage => "English", "Nederlands";
    SwitchLanguageLabel => "Switch to English", "Schakel naar Nederlands";
    Phases => "Stappen", "Steps";
    PhaseSetup => "Voorbereiden", "Set up";
    PhaseCollect => "Verzamelen", "Collect";
    PhaseCluster => "Clusteren", "Cluster";
    Undo => "Ongedaan maken", "Undo";
    BackToWorkshop => "← Terug naar de werksessie", "← Back to the workshop";
    Redo => "Opnieuw doen", "Redo";
    Saved => "Opgeslagen op dit apparaat", "Saved on this device";
    Saving => "Opslaan…", "Saving…";
    Close => "Sluiten", "Close";
    Save => "Opslaan", "Save";
    Cancel => "Annuleren", "Cancel";
    Edit => "Wijzigen", "Edit";
    Delete => "Verwijderen", "Delete";
    Add => "Toevoegen", "Add";
    Optional => "(niet verplicht)", "(optional)";

    // Setup
    SetupIntro => "Vul in waar de werksessie over gaat en wie er aan tafel zitten.", "Say what the session is about and who is at the table.";
    Title => "Titel van de werksessie", "Session title";
    Organisation => "Organisatie (gemeente of samenwerking)", "Organisation (municipality or partnership)";
    Date => "Datum", "Date";
    Facilitator => "Begeleider", "Facilitator";
    Outcomes => "Maatschappelijke resultaten", "Intended societal outcomes";
    OutcomesHelp => "Wat willen we bereiken voor inwoners? De principes gaan over hoe.", "What do we want to achieve for residents? The principles are about how.";
    NewOutcome => "Nieuw resultaat", "New outcome";
    AddOutcome => "Resultaat toevoegen", "Add outcome";
    NoOutcomes => "Nog geen resultaten.", "No outcomes yet.";
    Groups => "Groepen aan tafel", "Groups at the table";
    GroupsHelp => "Zo ziet iedereen wie welke kaart schreef.", "So everyone sees which group wrote which card.";
    NewGroup => "Nieuwe groep", "New group";
    AddGroup => "Groep toevoegen", "Add group";
    GroupResidents => "Inwoners", "Residents";
    GroupPolicy => "Beleid", "Policy";
    GroupPractice => "Uitvoering", "Practice";
    GroupPartners => "Maatschappelijke partners", "Community partners";
    Rename => "Naam wijzigen", "Rename";

    // Collect
    CollectIntro => "Bespreek casussen, bronnen en goede voorbeelden. Schrijf bij elk de principes op die u ziet.", "Discuss cases, sources and good examples. Write down the principles you see in each.";
    KindCase => "Casus", "Case";
    KindData => "Bron", "Source";
    KindAppreciative => "Waarderend voorbeeld", "Appreciative example";
    KindCaseHelp => "Een echte situatie van een inwoner of gezin.", "A real situation of a resident or family.";
    KindDataHelp => "Cijfers, signalen of een visiestuk.", "Figures, signals or a vision document.";
    KindAppreciativeHelp => "Iets dat goed ging: wat werkte daar?", "Something that went well: what worked?";
    NewSource => "Nieuwe casus, bron of voorbeeld", "New case, source or example";
    SourceKind => "Soort", "Kind";
    SourceTitle => "Titel", "Title";
    SourceNotes => "Aantekeningen", "Notes";
    AddSource => "Toevoegen", "Add";
    NoSources => "Nog niets verzameld. Begin met een casus, een bron of een goed voorbeeld.", "Nothing collected yet. Start with a case, a source or a good example.";
    NewCard => "Nieuw principe op een kaart", "New principle on a card";
    CardText => "Principe", "Principle";
    CardPlaceholder => "Bijvoorbeeld: Eigen regie bij de inwoner", "For example: Residents in control";
    WrittenBy => "Geschreven door", "Written by";
    NoGroup => "Geen groep", "No group";
    AddCard => "Kaart toevoegen", "Add card";
    Cards => "Kaarten", "Cards";
    RemoveSourceConfirm => "Verwijder deze bron met alle kaarten? Met Ongedaan maken zet u alles terug.", "Delete this source with all its cards? Undo brings everything back.";
    LooksLike => "Lijkt op een kaart die er al is:", "Looks like a card already there:";

    // Cluster
    ClusterIntro => "Leg kaarten die hetzelfde zeggen bij elkaar en geef elk cluster een naam.", "Put cards that say the same thing together and name each cluster.";
    ClusterHowTo => "Slepen kan met muis of vinger (pak de greep ⠿). Met het toetsenbord: ga naar een kaart, druk op Enter, kies met de pijltjes een cluster en druk weer op Enter. Of vink kaarten aan en kies Verplaats naar.", "Drag with mouse or finger (hold the grip ⠿). With the keyboard: go to a card, press Enter, choose a cluster with the arrow keys and press Enter again. Or tick cards and choose Move to.";
    Unclustered => "Nog niet ingedeeld", "Not grouped yet";
    NewCluster => "Nieuw cluster", "New cluster";
    ClusterName => "Naam van het cluster", "Cluster name";
    NewClusterName => "Naam voor een nieuw cluster", "Name for a new cluster";
    CreateCluster => "Cluster maken", "Create cluster";
    ClusterFromSelection => "Nieuw cluster van selectie", "New cluster from selection";
    MoveTo => "Verplaats naar", "Move to";
    Move => "Verplaats", "Move";
    ClearSelection => "Selectie wissen", "Clear selection";
    MergeWith => "Samenvoegen met", "Merge with";
    Merge => "Samenvoegen", "Merge";
    Ungroup => "Cluster opheffen", "Ungroup";
    Select => "Selecteer", "Select";
    NoCardsYet => "Nog geen kaarten. Maak ze bij Verzamelen.", "No cards yet. Make them in Collect.";
    EmptyCluster => "Leeg. Sleep hier kaarten heen.", "Empty. Drop cards here.";
    DragHandle => "Sleep om te verplaatsen", "Drag to move";
    ChooseCluster => "Kies een cluster", "Choose a cluster";
    SuggestClusters => "Stel clusters voor", "Suggest clusters";
    SuggestHelp => "Leidraad zoekt kaarten die hetzelfde zeggen. U kiest zelf.", "Leidraad looks for cards that say the same. You decide.";
    Suggestions => "Voorstellen", "Suggestions";
    SuggestAgain => "Opnieuw voorstellen", "Suggest again";
    SuggestExplain => "Alleen kaarten die nog niet zijn ingedeeld. Neem een voorstel over of wijs het af; uw eigen clusters blijven zoals ze zijn.", "Only cards not yet grouped. Accept or reject each proposal; your own clusters stay as they are.";
    NoSuggestions => "Geen voorstellen: er zijn geen losse kaarten die op elkaar lijken.", "No suggestions: no loose cards look alike.";
    NoMoreSuggestions => "Geen nieuwe voorstellen. Afgewezen voorstellen komen pas terug als u Opnieuw voorstellen kiest.", "No new suggestions. Rejected suggestions only come back when you choose Suggest again.";
    SharedWords => "Wat ze delen:", "What they share:";
    Reject => "Afwijzen", "Reject";
    ClusterActions => "Acties", "Actions";
    Split => "Splitsen: vink kaarten aan en kies Nieuw cluster van selectie.", "Split: tick cards and choose New cluster from selection.";

    // Storage
    StorageUnreadable => "De opgeslagen werksessie op dit apparaat kan niet worden gelezen. Er is niets overschreven.", "The workshop saved on this device cannot be read. Nothing has been overwritten.";
    DownloadRaw => "Download de opgeslagen tekst", "Download the saved text";
    StartNew => "Begin een nieuwe werksessie", "Start a new workshop";
    StartNewConfirm => "Weet u het zeker? De oude tekst op dit apparaat wordt dan vervangen. Download hem eerst.", "Are you sure? The old text on this device will be replaced. Download it first.";
    StorageFailed => "Opslaan op dit apparaat lukt niet. Uw werk staat nog in dit venster: download het als bestand.", "Saving on this device failed. Your work is still in this window: download it as a file.";
    OtherTab => "Deze werksessie is in een ander tabblad gewijzigd. Herlaad om die versie te zien; dit tabblad slaat niet meer op tot u kiest.", "This workshop was changed in another tab. Reload to see that version; this tab stops saving until you choose.";
    Reload => "Herladen", "Reload";
    KeepThis => "Deze versie houden", "Keep this version";
    DownloadWorkshop => "Download werksessie (JSON)", "Download workshop (JSON)";
    ThisDevice => "Dit apparaat", "This device";
    ThisDeviceHelp => "Uw werk staat alleen in deze browser. Op een gedeelde laptop: download het en wis het daarna.", "Your work is only in this browser. On a shared laptop: download it, then clear it.";
    DownloadFirst => "Download de werksessie", "Download the workshop";
    ClearDevice => "Wis alles van dit apparaat", "Clear everything from this device";
    ClearDeviceConfirm => "Alles van deze werksessie wordt van dit apparaat gewist. Dat kan niet ongedaan worden gemaakt. Heeft u het bestand gedownload? Doorgaan?", "Everything of this workshop will be removed from this device. This cannot be undone. Have you downloaded the file? Continue?";
    DeviceCleared => "Alles is van dit apparaat gewist.", "Everything has been removed from this device.";
    DeviceNotCleared => "Wissen lukte niet helemaal: deze browser staat het niet toe. Sluit alle vensters van de browser.", "Clearing did not fully work: this browser does not allow it. Close all browser windows.";
    Crashed => "Er ging iets mis in Leidraad. Uw laatste opgeslagen werk staat nog op dit apparaat.", "Something went wrong in Leidraad. Your last saved work is still on this device.";
}

/// The name of a kind of source.
pub fn source_kind(kind: SourceKind, lang: Lang) -> &'static str {
    match kind {
        SourceKind::Case => T::KindCase,
        SourceKind::Data => T::KindData,
        SourceKind::Appreciative => T::KindAppreciative,
    }
    .get(lang)
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
        NotFound(f) => {
            if nl {
                format!("Kan {} niet meer vinden. Misschien is het net verwijderd.", field(*f, lang))
            } else {
                format!("Cannot find {} any more. Perhaps it was just deleted.", field(*f, lang))
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
        SetFull(n) => {
            if nl {
                format!("Er kunnen hoogstens {n} principes in de set: meer past niet op één charter. De methode raadt 5 tot 8 aan.")
            } else {
                format!("The set holds at most {n} principles: more does not fit on one charter. The method advises 5 to 8.")
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
        Stage::Setup => T::PhaseSetup.get(lang),
        Stage::Collect => T::PhaseCollect.get(lang),
        Stage::Cluster => T::PhaseCluster.get(lang),
        Stage::Reduce => L::PhaseReduce.get(lang),
        Stage::Concretise => L::PhaseConcretise.get(lang),
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
            format!("Dit bestand is beschadigd: het verwijst naar {} die er niet is.", field(*f, lang))
        }
        (Integrity::Dangling { field: f, .. }, Lang::En) => {
            format!("This file is damaged: it refers to {} that is not there.", field(*f, lang))
        }
        (Integrity::TooLong { field: f, max }, Lang::Nl) => {
            format!("In dit bestand is {} langer dan {max} tekens.", field(*f, lang))
        }
        (Integrity::TooLong { field: f, max }, Lang::En) => {
            format!("In this file {} is longer than {max} characters.", field(*f, lang))
        }
        (Integrity::BadVotes, Lang::Nl) => "Dit bestand is beschadigd: de stemmen kloppen niet.".into(),
        (Integrity::BadVotes, Lang::En) => "This file is damaged: the votes do not add up.".into(),
        (Integrity::BadSet, Lang::Nl) => "Dit bestand is beschadigd: de principes of spanningen kloppen niet.".into(),
        (Integrity::BadSet, Lang::En) => "This file is damaged: the principles or tensions do not add up.".into(),
    }
}

/// "3 kaarten" / "1 card".
pub fn count(n: usize, one: (&str, &str), many: (&str, &str), lang: Lang) -> String {
    let (o, m) = match lang {
        Lang::Nl => (one.0, many.0),
        Lang::En => (one.1, many.1),
    };
    format!("{n} {}", if n == 1 { o } else { m })
}

/// Number of cards.
pub fn cards(n: usize, lang: Lang) -> String {
    count(n, ("kaart", "card"), ("kaarten", "cards"), lang)
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
        for t in T::ALL {
            assert!(!t.get(Lang::Nl).trim().is_empty(), "{t:?} nl");
            assert!(!t.get(Lang::En).trim().is_empty(), "{t:?} en");
        }
        for t in L::ALL {
            assert!(!t.get(Lang::Nl).trim().is_empty(), "{t:?} nl");
            assert!(!t.get(Lang::En).trim().is_empty(), "{t:?} en");
        }
    }

    #[test]
    fn file_errors_say_nothing_changed() {
        let msg = file_error(&FileError::WrongFormat, Lang::Nl);
        assert!(msg.ends_with("Er is niets veranderd."), "{msg}");
    }
}
