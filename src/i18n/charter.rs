//! The one-page charter and its Markdown.

use super::Lang;

texts! {
    CharterText;
    // Charter
    CharterIntro => "Dit is de pagina die u afdrukt of als PDF opslaat. Alles past altijd op één A4.", "This is the page you print or save as PDF. Everything always fits on one A4 page.";
    CharterUntitled => "Leidende principes", "Guiding principles";
    CharterPrinciples => "Onze leidende principes", "Our guiding principles";
    CharterOutcomes => "Wat we willen bereiken", "What we want to achieve";
    CharterTensions => "Spanningen en wat voorgaat", "Tensions and what goes first";
    CharterWho => "Wie deden mee", "Who took part";
    MoreNotShown => "Meer in het Markdown-bestand:", "More in the Markdown file:";
    DraftMark => "Concept.", "Draft.";
    DraftExplain => "Deze set is nog niet afgerond.", "This set is not finished yet.";
    ReasonOnCharter => "Afwijking van 5 tot 8 principes:", "Departure from 5 to 8 principles:";
    Finalise => "Set afronden", "Finish the set";
    FinaliseAnyway => "Toch afronden, met deze reden", "Finish anyway, with this reason";
    Reason => "Waarom kiest u toch voor dit aantal? (komt op het charter)", "Why do you still choose this number? (shown on the charter)";
    Finalised => "De set is afgerond.", "The set is finished.";
    Reopen => "Weer openen", "Reopen";
    PrintPdf => "Afdrukken of als PDF opslaan", "Print or save as PDF";
    PrintHelp => "Kies bij de printer \"Opslaan als PDF\" voor een PDF-bestand.", "Choose \"Save as PDF\" as the printer to get a PDF file.";
    DownloadMarkdown => "Download Markdown", "Download Markdown";
    Preview => "Voorbeeld van de pagina", "Preview of the page";
    Participants => "Deelnemers:", "Participants:";
    DoesNotFit => "Dit past niet op één A4, ook niet met de kleinste letters. Van de pagina valt af:", "This does not fit on one A4 page, not even in the smallest type. Falling off the page:";
    ShortenAdvice => "Maak eerst teksten korter, dan past alles: titels, uitleg, resultaten, spanningen of namen van groepen.", "Shorten texts first, then everything fits: titles, meanings, outcomes, tensions or group names.";
    PartHeader => "de kop", "the heading";
    PartPrinciples => "de principes", "the principles";
    PartOutcomes => "de resultaten", "the outcomes";
    PartTensions => "de spanningen", "the tensions";
    PartParticipants => "de deelnemers", "the participants";
    // Markdown
    MdOrganisation => "Organisatie", "Organisation";
    MdDate => "Datum", "Date";
    MdFacilitator => "Begeleider", "Facilitator";
    MdStatus => "Stand", "Status";
    MdPrincipleA => "Principe", "Principle";
    MdPrincipleB => "Botst met", "Clashes with";
    MdFooter => "Gemaakt met Leidraad.", "Made with Leidraad.";
    MdRouteAnswers => "Antwoorden op de vragen bij de bronnen", "Answers to the questions on the sources";
    // Who adopts a finished set: the group finishes it, the college or the council adopts it.
    StillToAdopt => "Het college of de gemeenteraad moet de set nog vaststellen.", "The municipal executive or the council still has to adopt the set.";
    // Once adopted ({reference} is " (kenmerk …)" or nothing).
    AdoptedByCollege => "Vastgesteld door het college op {date}{reference}.", "Adopted by the municipal executive on {date}{reference}.";
    AdoptedByCouncil => "Vastgesteld door de gemeenteraad op {date}{reference}.", "Adopted by the municipal council on {date}{reference}.";
    Reference => "kenmerk", "reference";
    // The why on the charter
    CharterWhy => "Waarom:", "Why:";
    CharterServes => "Helpt bij:", "Helps towards:";
    WhysElsewhere => "(waarom elk principe er is: zie het Markdown-bestand en de posters)", "(why each principle exists: see the Markdown file and the posters)";
}
