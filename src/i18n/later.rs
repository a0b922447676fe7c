//! Texts of the later phases: Kiezen (reduce), Concretiseren, Charter, and the file menu.

use super::Lang;
use crate::workshop::{Field, MergeReport, PrincipleField};

texts! {
    L;
    PhaseReduce => "Kiezen", "Choose";
    PhaseConcretise => "Concretiseren", "Make concrete";
    PhaseCharter => "Charter", "Charter";

    // The set's size (after "5 principes: ")
    NoPrinciplesYet => "Nog geen principes gekozen", "No principles chosen yet";
    SetGood => "een goede set. De methode raadt 5 tot 8 principes aan.", "a good set. The method advises 5 to 8 principles.";
    SetTooFew => "dat is te weinig. De methode raadt 5 tot 8 principes aan. Met minder dan 5 geven de principes te weinig richting aan al het werk in het sociaal domein.", "that is too few. The method advises 5 to 8 principles. With fewer than 5, the principles give too little direction to all the work in the social domain.";
    SetTooMany => "dat zijn er te veel. De methode raadt 5 tot 8 principes aan. Met meer dan 8 onthoudt niemand ze, en dan sturen ze niet meer.", "that is too many. The method advises 5 to 8 principles. With more than 8, nobody remembers them, and then they no longer steer.";

    // Reduce: voting
    ReduceIntro => "Kies samen de 5 tot 8 principes die het zwaarst wegen. Stem eerst met stippen op de clusters. Bespreek de uitslag en maak van de beste clusters een principe.", "Together, choose the 5 to 8 principles that matter most. First vote with dots on the clusters. Discuss the result and make the best clusters into principles.";
    VoteRules => "Regels voor het stemmen", "Voting rules";
    DotsPerVoter => "Stippen per stemmer (1 tot 20)", "Dots per voter (1 to 20)";
    MaxPerCluster => "Hoogstens zoveel stippen van één stemmer op één cluster", "At most this many dots from one voter on one cluster";
    SaveRules => "Regels opslaan", "Save rules";
    RulesLocked => "Er is al gestemd. De regels veranderen kan pas als alle stippen weg zijn.", "Votes have been cast. The rules can change only when all dots are removed.";
    Voters => "Wie stemt?", "Who votes?";
    VotersHelp => "Stem per groep of per persoon. Op één gedeelde laptop stemt iedereen om de beurt.", "Vote per group or per person. On one shared laptop, everyone takes turns.";
    UseGroups => "De groepen aan tafel laten stemmen", "Let the groups at the table vote";
    NewVoter => "Naam van een deelnemer", "Name of a participant";
    AddVoter => "Stemmer toevoegen", "Add voter";
    NoVoters => "Nog geen stemmers. Laat de groepen stemmen of voeg deelnemers toe.", "No voters yet. Let the groups vote or add participants.";
    RemoveVoterConfirm => "Deze stemmer heeft al stippen gegeven. Weghalen haalt die stippen ook weg. Doorgaan?", "This voter has already placed dots. Removing the voter removes those dots too. Continue?";
    Turn => "Wie is aan de beurt?", "Whose turn is it?";
    NobodyTurn => "Niemand (stippen verborgen)", "Nobody (dots hidden)";
    NextTurn => "Volgende stemmer", "Next voter";
    TurnHelp => "Wie aan de beurt is, ziet alleen de eigen stippen. De rest blijft verborgen tot u de uitslag toont.", "Whoever's turn it is sees only their own dots. The rest stays hidden until you show the result.";
    ChooseTurn => "Kies wie aan de beurt is om te stemmen.", "Choose whose turn it is to vote.";
    Clusters => "Clusters", "Clusters";
    NoClusters => "Nog geen clusters. Maak ze bij Clusteren.", "No clusters yet. Make them in Cluster.";
    DotAdd => "Stip geven", "Give a dot";
    DotRemove => "Stip weghalen", "Remove a dot";
    Promote => "Maak er een principe van", "Make it a principle";
    IsPrinciple => "Is een principe", "Is a principle";
    Results => "Uitslag", "Result";
    Reveal => "Uitslag tonen", "Show the result";
    Hide => "Uitslag verbergen", "Hide the result";
    ResultsHidden => "De uitslag is verborgen tot iedereen heeft gestemd.", "The result is hidden until everyone has voted.";
    Ranked => "Clusters op volgorde van stippen", "Clusters ranked by dots";

    // Reduce: the set
    ChosenSet => "De gekozen principes", "The chosen principles";
    NoPrinciples => "Nog geen principes gekozen.", "No principles chosen yet.";
    MoveUp => "Omhoog", "Move up";
    MoveDown => "Omlaag", "Move down";
    RemovePrinciple => "Weghalen", "Remove";
    RemovePrincipleConfirm => "Dit principe heeft al uitgewerkte tekst. Weghalen? Met Ongedaan maken zet u het terug.", "This principle already has written text. Remove it? Undo brings it back.";
    OwnPrinciple => "Eigen principe toevoegen (niet uit een cluster)", "Add your own principle (not from a cluster)";
    AddPrinciple => "Principe toevoegen", "Add principle";

    // Tensions
    Tensions => "Spanningen", "Tensions";
    TensionsHelp => "Twee principes kunnen botsen, zoals zorg dichtbij en keuzevrijheid. Kies een vakje om de spanning te beschrijven en te kiezen wat voorgaat.", "Two principles can clash, such as care close to home and freedom of choice. Choose a cell to describe the tension and choose which goes first.";
    TensionsNeedTwo => "Kies eerst minstens twee principes.", "Choose at least two principles first.";
    TensionMatrix => "Spanningen tussen de principes", "Tensions between the principles";
    TensionNote => "Toelichting", "Note";
    GoesFirst => "Wat gaat voor?", "Which goes first?";
    NotChosen => "Nog niet gekozen", "Not chosen yet";
    SaveTension => "Spanning opslaan", "Save tension";
    RemoveTension => "Spanning weghalen", "Remove tension";
    TensionAdd => "Spanning toevoegen", "Add tension";
    TensionEdit => "Spanning wijzigen", "Edit tension";
    Between => "tussen", "between";
    And => "en", "and";
    First => "gaat voor", "goes first";
    Recorded => "Vastgelegde spanningen", "Recorded tensions";

    // Concretise
    ConcretiseIntro => "Maak elk principe concreet, één voor één. Teksten worden bewaard als u het veld verlaat.", "Make each principle concrete, one at a time. Texts are kept when you leave the field.";
    PickPrinciple => "Kies een principe", "Choose a principle";
    Previous => "Vorige", "Previous";
    Next => "Volgende", "Next";
    ShortTitle => "Korte titel (de regel op het charter)", "Short title (the line on the charter)";
    Meaning => "Wat bedoelen we? (één zin, gewone woorden)", "What do we mean? (one sentence, plain words)";
    Kind => "Soort principe", "Kind of principle";
    KindGoal => "Transformatiedoel", "Transformation goal";
    KindValue => "Waarde / identiteit", "Value / identity";
    KindGoalHelp => "Een doel van de verandering, zoals normaliseren of zorg dichtbij.", "A goal of the change, such as normalising or care close to home.";
    KindValueHelp => "Wie we willen zijn, zoals betrouwbaar of wendbaar.", "Who we want to be, such as reliable or agile.";
    Implications => "Wat betekent het voor…", "What does it mean for…";
    Offer => "Aanbod en activiteiten", "Offer and activities";
    Access => "Toegang", "Access";
    Conduct => "Handelen van professionals", "Conduct of professionals";
    Procurement => "Inkoop en contracten", "Procurement and contracts";
    Theory => "Beleidstheorie", "Policy theory";
    TheoryBecause => "Omdat we aannemen dat", "Because we assume that";
    TheoryWorking => "brengt deze werkwijze:", "this way of working:";
    TheoryCloser => "ons dichter bij:", "brings us closer to:";
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
    Provenance => "Waar het vandaan komt", "Where it comes from";
    ProvenanceNone => "Dit principe komt niet uit een cluster.", "This principle does not come from a cluster.";
    FromCluster => "Uit cluster", "From cluster";
    GoToReduce => "Kies eerst principes bij Kiezen.", "Choose principles in Choose first.";

    // Charter
    CharterIntro => "Dit is de pagina die u afdrukt of als PDF bewaart. Alles past altijd op één A4.", "This is the page you print or save as PDF. Everything always fits on one A4 page.";
    CharterUntitled => "Leidende principes", "Guiding principles";
    CharterPrinciples => "Onze leidende principes", "Our guiding principles";
    CharterOutcomes => "Wat we willen bereiken", "What we want to achieve";
    CharterTensions => "Spanningen en wat voorgaat", "Tensions and what goes first";
    CharterWho => "Wie deden mee", "Who took part";
    MoreNotShown => "Meer in het Markdown-bestand:", "More in the Markdown file:";
    DraftMark => "Concept.", "Draft.";
    DraftExplain => "Deze set is nog niet vastgesteld.", "This set has not been finalised yet.";
    ReasonOnCharter => "Afwijking van 5 tot 8 principes:", "Departure from 5 to 8 principles:";
    Finalise => "Set vaststellen", "Finalise the set";
    FinaliseAnyway => "Toch vaststellen, met deze reden", "Finalise anyway, with this reason";
    Reason => "Waarom kiest u toch voor dit aantal? (komt op het charter)", "Why do you still choose this number? (shown on the charter)";
    Finalised => "De set is vastgesteld.", "The set is final.";
    Reopen => "Weer openen", "Reopen";
    PrintPdf => "Afdrukken of PDF bewaren", "Print or save as PDF";
    PrintHelp => "Kies bij de printer \"Opslaan als PDF\" voor een PDF-bestand.", "Choose \"Save as PDF\" as the printer to get a PDF file.";
    DownloadMarkdown => "Download Markdown", "Download Markdown";
    Preview => "Voorbeeld van de pagina", "Preview of the page";
    Participants => "Deelnemers:", "Participants:";

    // Markdown
    MdOrganisation => "Organisatie", "Organisation";
    MdDate => "Datum", "Date";
    MdFacilitator => "Begeleider", "Facilitator";
    MdStatus => "Stand", "Status";
    MdPrincipleA => "Principe", "Principle";
    MdPrincipleB => "Botst met", "Clashes with";
    MdFooter => "Gemaakt met Leidraad.", "Made with Leidraad.";

    // File menu
    Files => "Bestand", "File";
    FileMenuLabel => "Bestand: opslaan, openen, samenvoegen", "File: save, open, merge";
    DownloadJson => "Download werksessie (JSON)", "Download workshop (JSON)";
    DownloadJsonHelp => "Bewaar het bestand. Een collega kan het openen op een andere laptop.", "Keep the file. A colleague can open it on another laptop.";
    OpenFile => "Open een bestand", "Open a file";
    OpenFileHelp => "Vervangt de werksessie op dit scherm. Met Ongedaan maken gaat u terug.", "Replaces the workshop on this screen. Undo takes you back.";
    MergeFile => "Voeg een bestand samen", "Merge a file";
    MergeFileHelp => "Voegt het werk van een andere laptop toe. Er verdwijnt niets.", "Adds the work of another laptop. Nothing is lost.";
    ReplaceConfirm => "Het geopende bestand vervangt de werksessie op dit scherm. Met Ongedaan maken kunt u terug. Doorgaan?", "The file replaces the workshop on this screen. Undo takes you back. Continue?";
    FileUnreadable => "Dit bestand kan niet worden gelezen. Er is niets veranderd.", "This file cannot be read. Nothing was changed.";
    Opened => "Het bestand is geopend.", "The file is open.";
}

impl L {
    /// The label of a principle field in the form and the Markdown export.
    pub fn principle_field(field: PrincipleField) -> L {
        match field {
            PrincipleField::Title => L::ShortTitle,
            PrincipleField::Meaning => L::Meaning,
            PrincipleField::Offer => L::Offer,
            PrincipleField::Access => L::Access,
            PrincipleField::Conduct => L::Conduct,
            PrincipleField::Procurement => L::Procurement,
            PrincipleField::Assumption => L::TheoryBecause,
            PrincipleField::WayOfWorking => L::TheoryWorking,
            // Only six questions exist; `apply` refuses a number past them.
            PrincipleField::Closing(n) => [L::Q1, L::Q2, L::Q3, L::Q4, L::Q5, L::Q6][usize::from(n.min(5))],
            PrincipleField::Head => L::Head,
            PrincipleField::Heart => L::Heart,
            PrincipleField::Hands => L::Hands,
        }
    }

    /// A kind of item, with its count, for the merge report ("3 kaarten").
    pub fn items(field: Field, n: usize, lang: Lang) -> String {
        use Field::*;
        let (nl, en) = match field {
            Outcome => (("resultaat", "resultaten"), ("outcome", "outcomes")),
            Group => (("groep", "groepen"), ("group", "groups")),
            Source => (("bron", "bronnen"), ("source", "sources")),
            Card => (("kaart", "kaarten"), ("card", "cards")),
            Cluster => (("cluster", "clusters"), ("cluster", "clusters")),
            Voter => (("stemmer", "stemmers"), ("voter", "voters")),
            Principle => (("principe", "principes"), ("principle", "principles")),
            Tension => (("spanning", "spanningen"), ("tension", "tensions")),
            Title => (("titel", "titels"), ("title", "titles")),
            Organisation => (("organisatie", "organisaties"), ("organisation", "organisations")),
            Date => (("datum", "datums"), ("date", "dates")),
            Facilitator => (("begeleider", "begeleiders"), ("facilitator", "facilitators")),
            _ => (("tekst", "teksten"), ("text", "texts")),
        };
        super::plural(n as u64, nl, en, lang)
    }

    /// What a merge did, in plain words: what was added, where the files differed, what was left out.
    pub fn merge_report(r: &MergeReport, lang: Lang) -> String {
        let nl = lang == Lang::Nl;
        let mut parts = Vec::new();
        if r.added.is_empty() {
            parts.push(if nl {
                "Samengevoegd. Er was niets nieuws in het andere bestand.".to_string()
            } else {
                "Merged. The other file held nothing new.".to_string()
            });
        } else {
            let list: Vec<String> = r.added.iter().map(|(f, n)| L::items(*f, *n, lang)).collect();
            parts.push(if nl {
                format!("Samengevoegd. Toegevoegd: {}.", list.join(", "))
            } else {
                format!("Merged. Added: {}.", list.join(", "))
            });
        }
        if !r.conflicts.is_empty() {
            let list = tally(r.conflicts.iter().map(|c| c.field), lang);
            parts.push(if nl {
                format!("Verschillend in de twee bestanden: {list}. Daar is de versie op dit scherm gehouden.")
            } else {
                format!("Different in the two files: {list}. The version on this screen was kept there.")
            });
        }
        if !r.skipped.is_empty() {
            let list = tally(r.skipped.iter().map(|c| c.field), lang);
            parts.push(if nl {
                format!("Niet overgenomen: {list}, omdat hetzelfde cluster hier al een principe is.")
            } else {
                format!("Not taken over: {list}, because the same cluster is already a principle here.")
            });
        }
        parts.join(" ")
    }
}

fn tally(fields: impl Iterator<Item = Field>, lang: Lang) -> String {
    let mut counts: Vec<(Field, usize)> = Vec::new();
    for f in fields {
        match counts.iter_mut().find(|(x, _)| *x == f) {
            Some((_, n)) => *n += 1,
            None => counts.push((f, 1)),
        }
    }
    counts.iter().map(|(f, n)| L::items(*f, *n, lang)).collect::<Vec<_>>().join(", ")
}
