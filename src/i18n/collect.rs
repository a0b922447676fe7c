//! Verzamelen (collect): cases, sources, good examples and the cards harvested from them.

use super::Lang;

texts! {
    CollectText;
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
    EnterAdds => "Enter voegt de kaart toe. Shift+Enter is een nieuwe regel.", "Enter adds the card. Shift+Enter is a new line.";
    WrittenBy => "Geschreven door", "Written by";
    NoGroup => "Geen groep", "No group";
    AddCard => "Kaart toevoegen", "Add card";
    Cards => "Kaarten", "Cards";
    RemoveSourceConfirm => "Verwijder deze bron met alle kaarten? Met Ongedaan maken zet u alles terug.", "Delete this source with all its cards? Undo brings everything back.";
    LooksLike => "Lijkt op een kaart die er al is:", "Looks like a card already there:";
}
