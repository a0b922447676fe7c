//! Concretiseren (make concrete): the fields of a principle.

use super::Lang;
use crate::workshop::PrincipleField;

texts! {
    ConcretiseText;
    // Concretise
    // The step's heading: a plain label first, the method's word (the step bar's name) after it.
    StepHeading => "Principes uitwerken (concretiseren)", "Work out the principles (Make concrete)";
    ConcretiseIntro => "Schrijf bij elk principe op wat het betekent en wat er anders gaat, één voor één. Leidraad slaat een tekst op als u het veld verlaat.", "For each principle, write down what it means and what changes, one at a time. Leidraad saves a text when you leave the field.";
    PickPrinciple => "Kies een principe", "Choose a principle";
    Previous => "Vorige", "Previous";
    Next => "Volgende", "Next";
    ShortTitle => "Korte titel (de regel op het charter)", "Short title (the line on the charter)";
    Meaning => "Wat bedoelen we? (één zin, gewone woorden)", "What do we mean? (one sentence, plain words)";
    Kind => "Soort principe", "Type of principle";
    KindGoal => "Doel van de verandering", "Goal of the change";
    KindValue => "Waarde", "Value";
    KindGoalHelp => "Een doel van de verandering (transformatiedoel), zoals normaliseren of zorg dichtbij.", "A goal of the change (transformation goal), such as normalising or care close to home.";
    KindValueHelp => "Wie we willen zijn (onze identiteit), zoals betrouwbaar of wendbaar.", "Who we want to be (our identity), such as reliable or agile.";
    Implications => "Wat betekent het voor…", "What does it mean for…";
    Offer => "Aanbod en activiteiten", "Offer and activities";
    Access => "Toegang", "Access";
    Conduct => "Handelen van professionals", "Conduct of professionals";
    Procurement => "Inkoop en contracten", "Procurement and contracts";
    Theory => "Waarom werkt dit? (beleidstheorie)", "Why does this work? (policy theory)";
    TheoryBecause => "Waar gaan we van uit?", "What do we assume?";
    TheoryWorking => "Wat doen we daarom?", "So what do we do?";
    TheoryCloser => "Welk resultaat komt daardoor dichterbij?", "Which outcome does that bring closer?";
    NoOutcome => "Kies een resultaat", "Choose an outcome";
    NoOutcomesSetup => "Er zijn nog geen resultaten. Vul ze in bij Voorbereiden.", "There are no outcomes yet. Add them in Set up.";
    Deepen => "Verder uitwerken (niet verplicht)", "Work out further (optional)";
    ClosingQuestions => "De zes slotvragen", "The six closing questions";
    Q1 => "Voor welke vragen van inwoners is dit principe een oplossing?", "For which questions of residents is this principle a solution?";
    Q2 => "Wat zien we in de praktijk als we het waarmaken?", "What do we see in practice when we realise it?";
    Q3 => "Wat vraagt het van de betrokken partijen?", "What does applying it ask of the parties involved?";
    Q4 => "Hoe ziet de praktijk eruit als we het helemaal toepassen?", "What does practice look like when we apply it fully?";
    Q5 => "Welke kennis, vaardigheden, samenwerking en afspraken hebben we nodig?", "What knowledge, skills, cooperation and agreements do we need?";
    Q6 => "Hoe blijven we erover in gesprek, zodat we blijven leren?", "How do we keep talking about it, so that we keep learning?";
    HeadHeartHands => "Hoofd, hart en handen", "Head, heart and hands";
    Head => "Hoofd: wat betekent het in uw werk, waar ziet u het?", "Head: what does it mean in your work, where do you see it?";
    Heart => "Hart: waarom is het belangrijk voor uw werk en voor inwoners?", "Heart: why does it matter for your work and for residents?";
    Hands => "Handen: hoe maakt u het waar? Wat zegt en vraagt u?", "Hands: how do you realise it? What do you say and ask?";
    Lens => "Voor welke inwoners? De 80/15/5-blik (niet verplicht)", "For which residents? The 80/15/5 lens (optional)";
    LensIntro => "Niet alle inwoners hebben hetzelfde nodig. De meesten redden het zelf. Sommigen raken misschien kwetsbaar. Een kleine groep is kwetsbaar.", "Not all residents need the same. Most manage on their own. Some may become vulnerable. A small group is vulnerable.";
    LensOwn => "Wat betekent het voor inwoners die het zelf redden (ongeveer 80 procent)?", "What does it mean for residents who manage on their own (about 80 percent)?";
    LensOwnService => "Welke dienstverlening past bij inwoners die het zelf redden?", "Which kind of service fits residents who manage on their own?";
    LensAtRisk => "Wat betekent het voor inwoners die misschien kwetsbaar raken (ongeveer 15 procent)?", "What does it mean for residents who may become vulnerable (about 15 percent)?";
    LensAtRiskService => "Welke dienstverlening past bij inwoners die misschien kwetsbaar raken?", "Which kind of service fits residents who may become vulnerable?";
    LensVulnerable => "Wat betekent het voor inwoners die kwetsbaar zijn (ongeveer 5 procent)?", "What does it mean for residents who are vulnerable (about 5 percent)?";
    LensVulnerableService => "Welke dienstverlening past bij inwoners die kwetsbaar zijn?", "Which kind of service fits residents who are vulnerable?";
    Provenance => "Waar het vandaan komt", "Where it comes from";
    ProvenanceNone => "Dit principe komt niet uit een cluster.", "This principle does not come from a cluster.";
    FromCluster => "Uit cluster", "From cluster";
    GoToReduce => "Kies eerst principes bij Kiezen.", "Choose principles in Choose first.";
}

impl ConcretiseText {
    /// The label of a principle field in the form and the Markdown export.
    pub fn principle_field(field: PrincipleField) -> ConcretiseText {
        match field {
            PrincipleField::Title => ConcretiseText::ShortTitle,
            PrincipleField::Meaning => ConcretiseText::Meaning,
            PrincipleField::Offer => ConcretiseText::Offer,
            PrincipleField::Access => ConcretiseText::Access,
            PrincipleField::Conduct => ConcretiseText::Conduct,
            PrincipleField::Procurement => ConcretiseText::Procurement,
            PrincipleField::Assumption => ConcretiseText::TheoryBecause,
            PrincipleField::WayOfWorking => ConcretiseText::TheoryWorking,
            // Only six questions exist; `apply` refuses a number past them.
            PrincipleField::Closing(n) => [
                ConcretiseText::Q1,
                ConcretiseText::Q2,
                ConcretiseText::Q3,
                ConcretiseText::Q4,
                ConcretiseText::Q5,
                ConcretiseText::Q6,
            ][usize::from(n.min(5))],
            PrincipleField::Head => ConcretiseText::Head,
            PrincipleField::Heart => ConcretiseText::Heart,
            PrincipleField::Hands => ConcretiseText::Hands,
            PrincipleField::LensOwn => ConcretiseText::LensOwn,
            PrincipleField::LensOwnService => ConcretiseText::LensOwnService,
            PrincipleField::LensAtRisk => ConcretiseText::LensAtRisk,
            PrincipleField::LensAtRiskService => ConcretiseText::LensAtRiskService,
            PrincipleField::LensVulnerable => ConcretiseText::LensVulnerable,
            PrincipleField::LensVulnerableService => ConcretiseText::LensVulnerableService,
        }
    }
}
