//! For the facilitator: locks, the timer, the projector view and the inspiration library.

use super::Lang;

texts! {
    FacilitateText;
    // Locks
    Locked => "Vergrendeld", "Locked";
    LockedStep => "vergrendeld", "locked";
    LockStep => "Vergrendel deze stap", "Lock this step";
    UnlockStep => "Ontgrendel deze stap", "Unlock this step";
    LockedHelp => "De begeleider heeft deze stap vergrendeld. U kunt kijken, maar niets veranderen.", "The facilitator has locked this step. You can look, but not change anything.";
    OpenHelp => "Deze stap is open: iedereen kan hier werken.", "This step is open: everyone can work here.";
    LockHint => "Vergrendel een stap als de groep verder gaat, bijvoorbeeld geen nieuwe kaarten meer tijdens het clusteren.", "Lock a step when the group moves on, for example no new cards while clustering.";
    NothingToLock => "Het charter zelf kunt u niet vergrendelen; het volgt uit de stappen ervoor.", "The charter itself cannot be locked; it follows from the steps before.";
    // The facilitator's menu in the header: timer, projector, lock.
    Facilitate => "Begeleiden", "Facilitate";
    // Timer
    Timer => "Timer", "Timer";
    TimerFor => "Timer voor", "Timer for";
    Start => "Start", "Start";
    Resume => "Verder", "Resume";
    Pause => "Pauze", "Pause";
    Reset => "Terugzetten", "Reset";
    TimerSettings => "Instellen", "Settings";
    Minutes => "Minuten", "Minutes";
    SetMinutes => "Zet de tijd", "Set the time";
    Sound => "Geluid aan het eind", "Sound at the end";
    TimeUp => "Tijd is om", "Time is up";
    TimeLeft => "Tijd over", "Time left";
    Paused => "gepauzeerd", "paused";
    TimerHelp => "De timer loopt door als u een ander tabblad opent. Aan het eind kleurt hij rustig; geluid alleen als u dat aanzet.", "The timer keeps running when you open another tab. At the end it changes colour calmly; sound only if you switch it on.";
    // Projector
    OpenProjector => "Projectiescherm", "Projector view";
    OpenProjectorLabel => "Open het projectiescherm in een nieuw venster", "Open the projector view in a new window";
    ProjectorBlocked => "De browser hield het nieuwe venster tegen. Open dit adres in een tweede venster:", "The browser blocked the new window. Open this address in a second window:";
    ProjectorTitle => "Projectiescherm", "Projector view";
    ProjectorWaiting => "Wacht op het werkvenster. Open Leidraad in een ander venster op deze laptop.", "Waiting for the working window. Open Leidraad in another window on this laptop.";
    ProjectorReadOnly => "Alleen kijken: de begeleider werkt in het andere venster.", "View only: the facilitator works in the other window.";
    Step => "Stap", "Step";
    NoCardsShown => "Nog geen kaarten.", "No cards yet.";
    NotGrouped => "Nog niet ingedeeld", "Not grouped yet";
    ResultHidden => "De uitslag is nog verborgen.", "The result is still hidden.";
    ChosenSet => "Gekozen principes", "Chosen principles";
    NoSetYet => "Nog geen principes gekozen.", "No principles chosen yet.";
    Outcomes => "Wat we willen bereiken", "What we want to achieve";
    Groups => "Aan tafel", "At the table";
    Value => "Waarde", "Value";
    Goal => "Doel van de verandering", "Goal of the change";
    // Library
    Library => "Inspiratie uit andere gemeenten", "Inspiration from other municipalities";
    LibraryOpen => "Bekijk de inspiratie", "Show the inspiration";
    LibraryClose => "Verberg de inspiratie", "Hide the inspiration";
    LibraryIntro => "Echte principes van gemeenten en regio's, letterlijk. Neem er een over als kaart: die komt onder een bron met de naam van de gemeente.", "Real principles of Dutch municipalities and regions, word for word. Take one over as a card: it goes under a source named after the municipality.";
    LibrarySearch => "Zoek in de inspiratie", "Search the inspiration";
    LibrarySearchHint => "Bijvoorbeeld: eigen regie, dichtbij, preventie", "For example: eigen regie, dichtbij, preventie";
    AddAsCard => "Neem over als kaart", "Add as a card";
    AlreadyCard => "Staat al als kaart", "Already a card";
    SourceLink => "Lees het origineel", "Read the original";
    NoYear => "jaar onbekend", "year unknown";
    NoHits => "Niets gevonden. Probeer een ander woord.", "Nothing found. Try another word.";
    // While the literal search finds nothing and the search by other word forms (the suggestion
    // module) is still loading; and when that module cannot load.
    LibrarySearching => "Leidraad zoekt ook op andere vormen van de woorden. Een moment…", "Leidraad is also searching by other forms of the words. One moment…";
    LibraryFormsUnavailable => "Niets gevonden. Zoeken op andere vormen van een woord kan nu niet. Misschien is er geen internet. Zoeken op precies deze woorden werkt wel.", "Nothing found. Searching by other forms of a word is not possible now. Maybe there is no internet. Searching by exactly these words still works.";
    LibraryBroken => "Leidraad kan de inspiratie niet lezen.", "Leidraad cannot read the inspiration.";
    LibraryLoading => "Leidraad laadt de inspiratie…", "Leidraad is loading the inspiration…";
    LibraryOffline => "Zonder internet kan Leidraad de inspiratie niet laden. Probeer het later opnieuw.", "Without internet, Leidraad cannot load the inspiration. Try again later.";
    LibraryRetry => "Opnieuw proberen", "Try again";
    FromLibrary => "Overgenomen uit de inspiratie", "Taken from the inspiration";
    LibraryLocked => "Verzamelen is vergrendeld: overnemen kan pas als de begeleider de stap opent.", "Collect is locked: adding cards is possible once the facilitator unlocks the step.";
    OpensNewTab => "(opent in een nieuw tabblad)", "(opens in a new tab)";
}

impl FacilitateText {
    /// "12 principes gevonden" / "1 principle found".
    pub fn hits(n: usize, lang: Lang) -> String {
        match lang {
            Lang::Nl => format!("{} gevonden", super::principles(n, lang)),
            Lang::En => format!("{} found", super::principles(n, lang)),
        }
    }

    /// "Kaart toegevoegd onder Gemeente Zutphen (2017)."
    pub fn card_added(source: &str, lang: Lang) -> String {
        match lang {
            Lang::Nl => format!("Kaart toegevoegd onder de bron {source}."),
            Lang::En => format!("Card added under the source {source}."),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_facilitation_text_exists_in_both_languages() {
        for t in FacilitateText::ALL {
            assert!(!t.get(Lang::Nl).trim().is_empty(), "{t:?} nl");
            assert!(!t.get(Lang::En).trim().is_empty(), "{t:?} en");
        }
    }
}
