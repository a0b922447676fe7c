//! Verzamelen (collect): cases, sources, good examples and the cards harvested from them.

use super::Lang;
use crate::workshop::RouteQuestion;

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
    // The routes' own questions
    RouteQuestions => "Vragen voor het gesprek", "Questions for the talk";
    RouteHint => "Volg de vragen met de groep en schrijf de antwoorden op. Leidraad slaat een antwoord op als u het veld verlaat.", "Follow the questions with the group and write down the answers. Leidraad saves an answer when you leave the field.";
    CardForQuestion => "Kaart bij deze vraag", "Card for this question";
    ForQuestion => "Bij vraag", "For question";
    NoQuestion => "Geen vraag", "No question";
    QuestionMark => "Vraag", "Question";
    CaseStory => "Vertel over de situatie. Wat gebeurde er? Wat deden de mensen om de inwoner heen?", "Tell about the case. What happened? What did the people around the resident do?";
    CaseOutsider => "Iemand van buiten de groep luistert mee. Welke principes hoorde die in het gesprek? Wilt u in de toekomst zo werken?", "Someone from outside the group listens in. Which principles did they hear in the talk? Would you want to work this way in future?";
    CaseKeep => "Welke van die principes houdt de groep? Welke niet, en waarom?", "Which of those principles does the group keep? Which not, and why?";
    DataSee => "Wat ziet u in de gegevens? En wat vindt u daarvan?", "What do you see in the data? And what do you think of it?";
    DataFriction => "Waar voelen medewerkers of inwoners wrijving, onduidelijkheid of onvrede?", "Where do staff or residents feel friction, confusion or dissatisfaction?";
    DataValues => "Wat vinden mensen daarbij belangrijk? Welke waarden liggen eronder?", "What do people find important there? Which values lie beneath?";
    AppreciativeWorked => "Interview elkaar in tweetallen over iets dat goed ging. Wat werkte er?", "Interview each other in pairs about something that went well. What worked?";
    AppreciativeWhy => "Waardoor werkte het? Wat deed u zelf, en wat deden anderen?", "Thanks to what did it work? What did you do, and what did others do?";
    AppreciativeRecurring => "Leg de goede voorbeelden naast elkaar. Wat komt steeds terug?", "Put the good examples side by side. What keeps coming back?";
}

impl CollectText {
    /// The words of a route's question.
    pub fn question(q: RouteQuestion) -> CollectText {
        use RouteQuestion::*;
        match q {
            CaseStory => CollectText::CaseStory,
            CaseOutsider => CollectText::CaseOutsider,
            CaseKeep => CollectText::CaseKeep,
            DataSee => CollectText::DataSee,
            DataFriction => CollectText::DataFriction,
            DataValues => CollectText::DataValues,
            AppreciativeWorked => CollectText::AppreciativeWorked,
            AppreciativeWhy => CollectText::AppreciativeWhy,
            AppreciativeRecurring => CollectText::AppreciativeRecurring,
        }
    }
}
