//! Na het charter: meetlat, congruentie, doorfluister-check and versies.

use super::Lang;
use crate::workshop::{Adopter, Answer, Area, Decision, Implication, Layer, Progress, Verdict};

texts! {
    AfterText;
    PhaseAfter => "Na het charter", "After the charter";
    AfterIntro => "Houd de principes levend. Kijk of keuzes passen, of we doen wat we zeggen en of het waarom aankomt.", "Keep the principles alive. Check whether choices fit, whether we do what we say and whether the why gets through.";
    Tools => "Onderdelen", "Tools";
    TabYardstick => "Past deze keuze? (meetlat)", "Does this choice fit? (yardstick)";
    TabCongruence => "Doen we wat we zeggen? (congruentie)", "Do we do what we say? (congruence)";
    TabWhispers => "Komt het waarom aan? (doorfluister-check)", "Does the why get through? (whisper check)";
    TabVersions => "Versies", "Versions";
    NoPrinciples => "Er zijn nog geen principes. Kies eerst een set in de stap Kiezen.", "There are no principles yet. First choose a set in the Choose step.";
    // Yardstick
    YardstickIntro => "Zet opties naast de principes, zoals Ede deed met bezuinigingen. Zeg per principe of de optie in lijn is, belemmert of neutraal is, met een korte reden.", "Set options beside the principles, as Ede did with budget cuts. For each principle, say if the option is in line, obstructs or is neutral, with a short reason.";
    NewOption => "Nieuwe optie", "New option";
    OptionTitle => "Titel van de optie", "Option title";
    OptionDescription => "Korte omschrijving", "Short description";
    OptionAmount => "Bedrag (niet verplicht)", "Amount (optional)";
    OptionAmountHint => "Bijvoorbeeld € 250.000 of 2 fte.", "For example € 250,000 or 2 FTE.";
    AddOption => "Optie toevoegen", "Add option";
    NoOptions => "Nog geen opties. Voeg hierboven de eerste toe.", "No options yet. Add the first one above.";
    RemoveOption => "Optie weghalen", "Remove option";
    ConfirmRemoveOption => "Deze optie en alle oordelen erover weghalen?", "Remove this option and all verdicts on it?";
    Verdict => "Oordeel", "Verdict";
    NoVerdict => "Nog geen oordeel", "No verdict yet";
    InLine => "In lijn", "In line";
    Obstructing => "Belemmerend", "Obstructing";
    Neutral => "Neutraal", "Neutral";
    Reason => "Reden", "Reason";
    ReasonHint => "Kies eerst een oordeel; daarna kunt u een reden geven.", "Choose a verdict first; then you can give a reason.";
    Principle => "Principe", "Principle";
    Option => "Optie", "Option";
    Amount => "Bedrag", "Amount";
    Description => "Omschrijving", "Description";
    Open => "Open", "Open";
    Score => "Score", "Score";
    ScoreHelp => "Score = aantal keer in lijn min aantal keer belemmerend. Neutraal telt niet mee.", "Score = times in line minus times obstructing. Neutral does not count.";
    Overview => "Overzicht", "Overview";
    SortBy => "Sorteer op", "Sort by";
    SortOrder => "Volgorde van invoer", "Order of entry";
    Ascending => "oplopend", "ascending";
    Descending => "aflopend", "descending";
    Legend => "Principes", "Principles";
    DownloadCsv => "Download CSV", "Download CSV";
    DownloadMarkdown => "Download Markdown", "Download Markdown";
    PrintOverview => "Druk het overzicht af", "Print the overview";
    YardstickTitle => "Keuzes naast de principes (meetlat)", "Choices beside the principles (yardstick)";
    Summary => "Samenvatting", "Summary";
    // Congruence
    CongruenceIntro => "Kunnen we per principe ja zeggen op deze vragen? Alles wat nog geen ja is, komt in het overzicht van de gaten.", "Can we say yes to these questions for each principle? Everything that is not yet yes appears in the overview of gaps.";
    ChoosePrinciple => "Kies een principe", "Choose a principle";
    Answer => "Antwoord", "Answer";
    NotAnswered => "Nog niet beantwoord", "Not answered yet";
    Yes => "Ja", "Yes";
    Partly => "Deels", "Partly";
    No => "Nee", "No";
    Note => "Toelichting", "Note";
    NoteHint => "Kies eerst een antwoord; daarna kunt u een toelichting geven.", "Choose an answer first; then you can add a note.";
    Gaps => "Waar is het nog geen ja?", "Where is it not yet yes?";
    NoGaps => "Overal ja. Mooi!", "Yes everywhere. Well done!";
    Area => "Niveau", "Level";
    Question => "Vraag", "Question";
    AreaVision => "Visie", "Vision";
    AreaPolicy => "Beleid", "Policy";
    AreaOrganisation => "Inrichting", "Organisation";
    AreaPractice => "Uitvoering", "Practice";
    QVision0 => "Staat het principe in de visie of het beleidsplan?", "Is the principle in the vision or the policy plan?";
    QVision1 => "Weet het bestuur waarom dit principe er is?", "Does the board know why this principle exists?";
    QPolicy0 => "Passen de beleidsafspraken bij het principe?", "Do the policy agreements fit the principle?";
    QPolicy1 => "Passen de subsidies bij het principe?", "Do the subsidies fit the principle?";
    QOrganisation0 => "Passen inkoop en contracten bij het principe?", "Do procurement and contracts fit the principle?";
    QOrganisation1 => "Past de opdracht aan het wijkteam (de toegang) bij het principe?", "Does the assignment of the access team (wijkteam) fit the principle?";
    QOrganisation2 => "Passen verantwoording en monitor bij het principe?", "Do accountability and the monitor fit the principle?";
    QPractice0 => "Handelen professionals naar het principe?", "Do professionals act on the principle?";
    QPractice1 => "Merken inwoners iets van het principe?", "Do residents notice the principle?";
    CongruenceTitle => "Doen we wat we zeggen? (congruentie)", "Do we do what we say? (congruence)";
    // Doorfluister-check
    WhispersIntro => "Vraag mensen uit elke laag waarom een principe er is, in eigen woorden. Leidraad legt hun antwoord naast het charter. Schrijf om de beurt op één laptop, of voeg bestanden van andere laptops samen (Bestand).", "Ask people from each layer why a principle exists, in their own words. Leidraad sets their answer beside the charter. Write in turns on one laptop, or merge files from other laptops (File).";
    NewWhisper => "Nieuw antwoord", "New answer";
    Layer => "Laag", "Layer";
    Author => "Naam of rol (niet verplicht)", "Name or role (optional)";
    WhyText => "Waarom is dit principe er, in uw eigen woorden?", "Why does this principle exist, in your own words?";
    AddWhisper => "Antwoord toevoegen", "Add answer";
    WhisperAdded => "Antwoord opgeslagen. De volgende is aan de beurt.", "Answer saved. Next person, please.";
    HideAnswers => "Verberg de antwoorden zolang mensen nog schrijven", "Hide the answers while people are still writing";
    LayerBoard => "Bestuur", "Board";
    LayerPolicy => "Beleid", "Policy";
    LayerPractice => "Uitvoering", "Practice";
    LayerPartners => "Partners", "Partners";
    LayerResidents => "Inwoners", "Residents";
    StatedWhy => "De bedoeling volgens het charter", "The purpose according to the charter";
    NoStatedWhy => "Vul eerst bij Concretiseren de betekenis of Waarom werkt dit? in. Dan kan Leidraad vergelijken.", "First fill in the meaning or Why does this work? in Make concrete. Then Leidraad can compare.";
    NoWhispers => "Nog geen antwoorden.", "No answers yet.";
    Match => "Overeenkomst", "Match";
    Missing => "Ontbreekt", "Missing";
    BandKept => "Lijkt op het waarom", "Looks like the why";
    BandPartly => "Lijkt er een beetje op", "Looks a little like it";
    BandLost => "Lijkt niet op het waarom", "Does not look like the why";
    PerLayer => "Per laag", "Per layer";
    Answers => "Antwoorden", "Answers";
    Average => "Gemiddeld", "Average";
    RemoveWhisper => "Antwoord weghalen", "Remove answer";
    ConfirmRemoveWhisper => "Dit antwoord weghalen?", "Remove this answer?";
    MethodNote => "Hoe Leidraad vergelijkt: het zoekt woorden en begrippen die in beide teksten staan. Ook als ze anders zijn gezegd (eigen kracht = zelfredzaamheid). Het percentage is het gemiddelde per laag. Lijkt een antwoord niet op het waarom, dan is dat een vraag voor het gesprek. Het is geen oordeel over wie het schreef.", "How Leidraad compares: it looks for words and concepts of the social domain that both texts have, also in other words (eigen kracht = zelfredzaamheid). The percentage is the average per layer. If an answer does not look like the why, that is a question for the conversation. It is not a verdict on the person who wrote it.";
    WhispersTitle => "Komt het waarom aan? (doorfluister-check)", "Does the why get through? (whisper check)";
    // Versions
    VersionsIntro => "Sla de set op als versie met een naam en datum. Vergelijk later twee versies naast elkaar, bijvoorbeeld 1.0 en 2.0.", "Save the set as a version with a name and date. Later compare two versions side by side, for example 1.0 and 2.0.";
    SaveVersion => "Versie opslaan", "Save version";
    VersionName => "Naam van de versie", "Version name";
    VersionDate => "Datum", "Date";
    SavedVersions => "Opgeslagen versies", "Saved versions";
    NoVersions => "Nog geen versies opgeslagen.", "No versions saved yet.";
    RemoveVersion => "Versie weghalen", "Remove version";
    ConfirmRemoveVersion => "Deze versie weghalen? De principes zelf blijven.", "Remove this version? The principles themselves stay.";
    Compare => "Vergelijken", "Compare";
    Before => "Eerder", "Earlier";
    After => "Later", "Later";
    CurrentSet => "De huidige set", "The current set";
    Added => "Toegevoegd", "Added";
    Removed => "Weggehaald", "Removed";
    Reworded => "Anders verwoord", "Reworded";
    Unchanged => "Ongewijzigd", "Unchanged";
    NoneHere => "Geen.", "None.";
    Was => "was", "was";
    Now => "nu", "now";
    Meaning => "Betekenis", "Meaning";
    Kind => "Soort", "Type";
    EvaluationDate => "Evaluatiedatum", "Evaluation date";
    PlanEvaluation => "Evaluatie plannen", "Plan the evaluation";
    EvaluationHint => "Vlissingen evalueert na een jaar. De datum staat op het charter.", "Vlissingen evaluates after a year. The date is shown on the charter.";
    InAYear => "Over een jaar na de laatste versie", "A year after the last version";
    EvaluationOn => "Evaluatie gepland op", "Evaluation planned on";
    VersionsTitle => "Versies vergeleken", "Versions compared";
    NeedTwo => "Sla eerst een versie op om te kunnen vergelijken.", "Save a version first to be able to compare.";
    // Posters and the residents' version
    TabPosters => "Posters", "Posters";
    TabResidents => "Voor inwoners", "For residents";
    PostersIntro => "Eén poster per principe, om op te hangen. Druk ze allemaal af (één per pagina) of download elke poster als SVG.", "One poster per principle, to put on the wall. Print them all (one per page) or download each poster as SVG.";
    PrintPosters => "Alle posters afdrukken", "Print all posters";
    PosterSize => "Formaat van de posters", "Poster size";
    PosterA4 => "A4", "A4";
    PosterA3 => "A3 (groter, voor aan de muur)", "A3 (larger, for the wall)";
    DownloadPoster => "Download poster", "Download poster";
    ResidentsTabIntro => "De set in gewone woorden, voor de inwoners om wie het gaat. Zonder vaktaal.", "The set in plain words, for the residents it is about. Without jargon.";
    PrintResidents => "Afdrukken", "Print";
    // The doorfluister hint
    HintNote => "Een hint voor het gesprek, geen oordeel.", "A hint for the conversation, not a verdict.";
    BlindNote => "De antwoorden en het waarom uit het charter blijven verborgen tot iedereen zijn eigen antwoord heeft geschreven. Haal dan het vinkje weg om te vergelijken.", "The answers and the charter's why stay hidden until everyone has written their own answer. Then untick the box to compare.";
}

texts! {
    HomeText;
    // The posters and the residents' version: a table of their own, so the workshop page,
    // which never shows them, does not carry these texts.
    PosterMeaning => "Wat bedoelen we?", "What do we mean?";
    PosterWhy => "Waarom doen we dit?", "Why do we do this?";
    ResidentsIntro => "De gemeente en haar partners hebben samen deze principes gekozen. Ze zeggen hoe wij werken als u hulp of steun nodig heeft. Per principe leest u wat we bedoelen en waarom.", "The municipality and its partners chose these principles together. They say how we work when you need help or support. For each principle you read what we mean and why.";
    ResidentsDraft => "Dit is nog een concept. De principes kunnen nog veranderen.", "This is still a draft. The principles may still change.";
    ResidentsBrings => "Wat willen we bereiken?", "What do we want to achieve?";
    ResidentsEvaluation => "Op {date} kijken we of het werkt.", "On {date} we check whether it works.";
    ResidentsQuestions => "Heeft u een vraag of een idee? Laat het ons weten.", "Do you have a question or an idea? Let us know.";
    ServesOnPoster => "Dit helpt bij:", "This helps towards:";
    Untitled => "Leidende principes", "Guiding principles";
}

impl AfterText {
    /// The name of a verdict.
    pub fn verdict(v: Verdict) -> AfterText {
        match v {
            Verdict::InLine => AfterText::InLine,
            Verdict::Obstructing => AfterText::Obstructing,
            Verdict::Neutral => AfterText::Neutral,
        }
    }

    /// The name of an answer.
    pub fn answer(a: Answer) -> AfterText {
        match a {
            Answer::Yes => AfterText::Yes,
            Answer::Partly => AfterText::Partly,
            Answer::No => AfterText::No,
        }
    }

    /// The name of an area.
    pub fn area(a: Area) -> AfterText {
        match a {
            Area::Vision => AfterText::AreaVision,
            Area::Policy => AfterText::AreaPolicy,
            Area::Organisation => AfterText::AreaOrganisation,
            Area::Practice => AfterText::AreaPractice,
        }
    }

    /// The name of a layer.
    pub fn layer(l: Layer) -> AfterText {
        match l {
            Layer::Board => AfterText::LayerBoard,
            Layer::Policy => AfterText::LayerPolicy,
            Layer::Practice => AfterText::LayerPractice,
            Layer::Partners => AfterText::LayerPartners,
            Layer::Residents => AfterText::LayerResidents,
        }
    }

    /// The congruence question `q` (0-based) of an area; `None` past [`Area::questions`].
    pub fn question(area: Area, q: u8) -> Option<AfterText> {
        Some(match (area, q) {
            (Area::Vision, 0) => AfterText::QVision0,
            (Area::Vision, 1) => AfterText::QVision1,
            (Area::Policy, 0) => AfterText::QPolicy0,
            (Area::Policy, 1) => AfterText::QPolicy1,
            (Area::Organisation, 0) => AfterText::QOrganisation0,
            (Area::Organisation, 1) => AfterText::QOrganisation1,
            (Area::Organisation, 2) => AfterText::QOrganisation2,
            (Area::Practice, 0) => AfterText::QPractice0,
            (Area::Practice, 1) => AfterText::QPractice1,
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_area_has_exactly_its_questions() {
        for area in Area::ALL {
            for q in 0..area.questions() {
                assert!(AfterText::question(area, q).is_some(), "{area:?} {q}");
            }
            assert!(AfterText::question(area, area.questions()).is_none());
        }
    }

    #[test]
    fn both_languages_are_filled() {
        for k in AfterText::ALL {
            assert!(!k.get(Lang::Nl).is_empty() && !k.get(Lang::En).is_empty(), "{k:?}");
        }
        for k in HomeText::ALL {
            assert!(!k.get(Lang::Nl).is_empty() && !k.get(Lang::En).is_empty(), "{k:?}");
        }
        for k in PracticeText::ALL {
            assert!(!k.get(Lang::Nl).is_empty() && !k.get(Lang::En).is_empty(), "{k:?}");
        }
    }
}

texts! {
    PracticeText;
    // The set in practice, after the workshop: a table of its own, so the workshop page,
    // which never shows these, does not carry them.
    TabOwners => "Eigenaren en besluit", "Owners and adoption";
    TabActions => "Acties", "Actions";
    TabMonitor => "Resultaten volgen", "Results monitor";
    TabEvaluation => "Evaluatie na een jaar", "Evaluation after a year";
    // Owners and adoption
    OwnersIntro => "Geef elk principe een eigenaar en ambassadeurs. Zij houden het principe levend in hun deel van de organisatie.", "Give each principle an owner and ambassadors. They keep the principle alive in their part of the organisation.";
    Owner => "Eigenaar", "Owner";
    Ambassadors => "Ambassadeurs", "Ambassadors";
    AmbassadorsHint => "Namen met een komma ertussen.", "Names with a comma between them.";
    Save => "Opslaan", "Save";
    NoOwner => "Nog geen eigenaar", "No owner yet";
    AdoptionTitle => "Wie stelt de set vast?", "Who adopts the set?";
    AdoptionIntro => "De groep rondt de set af. Daarna besluit het college of de gemeenteraad erover. Houd hier bij wie dat doet en wanneer.", "The group finishes the set. Then the municipal executive or the council decides on it. Keep track here of who does that and when.";
    AdoptedBy => "Wie besluit?", "Who decides?";
    College => "Het college", "The municipal executive";
    Council => "De gemeenteraad", "The municipal council";
    NotChosen => "Nog niet gekozen", "Not chosen yet";
    PlannedDate => "Geplande datum", "Planned date";
    DecidedDate => "Datum van het besluit", "Date of the decision";
    DecidedHint => "Vul deze datum in als het college of de raad heeft besloten. Dan staat het besluit op het charter.", "Fill in this date once the executive or the council has decided. Then the decision is shown on the charter.";
    DecisionReference => "Kenmerk van het besluit (niet verplicht)", "Reference of the decision (optional)";
    OnCharter => "Op het charter:", "On the charter:";
    NotYetAdopted => "Nog geen besluit.", "No decision yet.";
    // Actions
    ActionsIntro => "Maak de gevolgen van elk principe concreet. Wie doet wat, en wanneer is het klaar?", "Make each principle's implications concrete. Who does what, and when is it done?";
    Implication => "Wat betekent het voor…", "What does it mean for…";
    ImplOffer => "Aanbod en activiteiten", "Offer and activities";
    ImplAccess => "Toegang", "Access";
    ImplConduct => "Handelen van professionals", "Conduct of professionals";
    ImplProcurement => "Inkoop en contracten", "Procurement and contracts";
    PrincipleAsks => "Wat het principe hier vraagt:", "What the principle asks here:";
    Who => "Wie", "Who";
    What => "Wat", "What";
    Due => "Klaar op", "Due";
    Status => "Stand", "Status";
    StatusOpen => "Open", "Open";
    StatusBusy => "Bezig", "In progress";
    StatusDone => "Klaar", "Done";
    AddAction => "Actie toevoegen", "Add action";
    NewAction => "Nieuwe actie", "New action";
    RemoveAction => "Actie weghalen", "Remove action";
    ConfirmRemoveAction => "Deze actie weghalen?", "Remove this action?";
    NoActions => "Nog geen acties.", "No actions yet.";
    Overdue => "Te laat", "Overdue";
    ActionsTitle => "Acties bij de principes", "Actions for the principles";
    // Results monitor
    MonitorIntro => "Kies per resultaat een of meer indicatoren. Schrijf op waar u begint (nulmeting), waar u heen wilt en waar de cijfers vandaan komen.", "Choose one or more indicators for each outcome. Write down where you start (baseline), where you want to go and where the figures come from.";
    NoOutcomes => "Er zijn nog geen resultaten. Vul ze in bij Voorbereiden.", "There are no outcomes yet. Fill them in at Set up.";
    Indicator => "Indicator", "Indicator";
    DataSource => "Herkomst van de cijfers", "Where the figures come from";
    DataSourceHint => "Bijvoorbeeld CBS of een onderzoek onder cliënten.", "For example CBS or a client survey.";
    Baseline => "Nulmeting", "Baseline";
    BaselineHint => "De eerste meting: waar u begint.", "The first measurement: where you start.";
    BaselineDate => "Datum nulmeting", "Baseline date";
    Target => "Gewenste waarde", "Target";
    Measured => "Nieuwe meting", "New value";
    MeasuredDate => "Datum meting", "Date measured";
    AddIndicator => "Indicator toevoegen", "Add indicator";
    RemoveIndicator => "Indicator weghalen", "Remove indicator";
    ConfirmRemoveIndicator => "Deze indicator weghalen?", "Remove this indicator?";
    NoIndicators => "Nog geen indicatoren.", "No indicators yet.";
    ServedBy => "Principes die hieraan bijdragen:", "Principles that help towards this:";
    NoneServe => "Nog geen principe wijst naar dit resultaat. Kies het bij Concretiseren.", "No principle points to this outcome yet. Choose it in Make concrete.";
    // The evaluation after a year
    EvaluationIntro => "Kijk na een jaar terug, in vijf stappen. Loop ze in deze volgorde door.", "Look back after a year, in five steps. Go through them in this order.";
    Step1 => "1. Resultaten naast de nulmeting", "1. Results beside the baseline";
    Step2 => "2. Doen we wat we zeggen? (congruentie)", "2. Do we do what we say? (congruence)";
    Step3 => "3. Komt het waarom aan? (doorfluister-check)", "3. Does the why get through? (whisper check)";
    Step4 => "4. Hoe staan de acties ervoor?", "4. How are the actions doing?";
    Step5 => "5. Blijft de set, of komt er een versie 2.0?", "5. Does the set stay, or is there a version 2.0?";
    Assumption => "Waarom werkt dit? (beleidstheorie)", "Why does this work? (policy theory)";
    NoAssumption => "Nog niet ingevuld bij Concretiseren.", "Not filled in yet in Make concrete.";
    AssumptionHolds => "Klopt de veronderstelling nog?", "Does the assumption still hold?";
    AnswerAgain => "Beantwoord de vragen opnieuw", "Answer the questions again";
    AskAgain => "Vraag het opnieuw", "Ask again";
    NotMeasured => "Nog niet gemeten", "Not measured yet";
    EvaluationHeld => "Datum van de evaluatie", "Date of the evaluation";
    Decision => "Besluit", "Decision";
    DecisionKeep => "De set blijft zoals hij is", "The set stays as it is";
    DecisionRevise => "We maken een nieuwe versie (2.0)", "We make a new version (2.0)";
    NoDecision => "Nog geen besluit", "No decision yet";
    ReviseHint => "Pas de principes aan in de werksessie. Sla daarna de nieuwe set op bij Versies als 2.0.", "Change the principles in the workshop. Then save the new set at Versions as 2.0.";
    SaveAsVersion => "Sla de huidige set op als versie", "Save the current set as a version";
    PrintSummary => "Druk de samenvatting af", "Print the summary";
    SummaryTitle => "Evaluatie van de leidende principes", "Evaluation of the guiding principles";
    CongruenceYes => "Ja", "Yes";
    Gaps => "Nog geen ja", "Not yet yes";
    Answers => "Antwoorden", "Answers";
    LostWhy => "Waarom niet herkend", "Why not recognised";
}

impl PracticeText {
    /// The name of an implication.
    pub fn implication(i: Implication) -> PracticeText {
        match i {
            Implication::Offer => PracticeText::ImplOffer,
            Implication::Access => PracticeText::ImplAccess,
            Implication::Conduct => PracticeText::ImplConduct,
            Implication::Procurement => PracticeText::ImplProcurement,
        }
    }

    /// The name of an action's status.
    pub fn progress(p: Progress) -> PracticeText {
        match p {
            Progress::Open => PracticeText::StatusOpen,
            Progress::Busy => PracticeText::StatusBusy,
            Progress::Done => PracticeText::StatusDone,
        }
    }

    /// Who adopts the set.
    pub fn adopter(a: Adopter) -> PracticeText {
        match a {
            Adopter::College => PracticeText::College,
            Adopter::Council => PracticeText::Council,
        }
    }

    /// The evaluation's decision.
    pub fn decision(d: Decision) -> PracticeText {
        match d {
            Decision::Keep => PracticeText::DecisionKeep,
            Decision::Revise => PracticeText::DecisionRevise,
        }
    }
}
