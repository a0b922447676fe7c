//! Verzamelen (collect): cases, sources, good examples and the cards harvested from them.

use super::Lang;

texts! {
    CollectText;
    // Collect
    CollectIntro => "Bespreek situaties, gegevens en goede voorbeelden. Schrijf bij elk op een kaart wat u belangrijk vindt: een idee voor een principe.", "Discuss cases, data and good examples. For each, write on a card what you find important: an idea for a principle.";
    KindCase => "Situatie", "Case";
    KindData => "Gegevens", "Data";
    KindAppreciative => "Goed voorbeeld", "Good example";
    KindCaseHelp => "Een echte situatie van een inwoner of gezin (een casus).", "A real situation of a resident or family.";
    KindDataHelp => "Cijfers, signalen of een visiestuk.", "Figures, signals or a vision document.";
    KindAppreciativeHelp => "Iets dat goed ging: wat werkte daar?", "Something that went well: what worked?";
    NewSource => "Nieuwe bron: situatie, gegevens of goed voorbeeld", "New source: case, data or good example";
    SourceKind => "Soort", "Type";
    SourceTitle => "Titel", "Title";
    SourceNotes => "Aantekeningen", "Notes";
    AddSource => "Toevoegen", "Add";
    NoSources => "Nog niets verzameld. Begin met een situatie, gegevens of een goed voorbeeld.", "Nothing collected yet. Start with a case, data or a good example.";
    NewCard => "Nieuwe kaart", "New card";
    CardText => "Tekst op de kaart", "Card text";
    CardPlaceholder => "Bijvoorbeeld: Eigen regie bij de inwoner", "For example: Residents in control";
    EnterAdds => "Enter voegt de kaart toe. Shift+Enter is een nieuwe regel.", "Enter adds the card. Shift+Enter is a new line.";
    WrittenBy => "Geschreven door", "Written by";
    NoGroup => "Geen groep", "No group";
    AddCard => "Kaart toevoegen", "Add card";
    Cards => "Kaarten", "Cards";
    RemoveSourceConfirm => "Deze bron met alle kaarten weghalen? Met Ongedaan maken zet u alles terug.", "Remove this source with all its cards? Undo brings everything back.";
    LooksLike => "Lijkt op een kaart die er al is:", "Looks like a card already there:";
}
