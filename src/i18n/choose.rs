//! Kiezen (choose): dot voting, the set of five to eight, tensions.

use super::Lang;

texts! {
    ChooseText;
    // The set's size (after "5 principes: ")
    NoPrinciplesYet => "Nog geen principes gekozen", "No principles chosen yet";
    SetGood => "een goede set. De methode raadt 5 tot 8 principes aan.", "a good set. The method advises 5 to 8 principles.";
    SetTooFew => "dat is te weinig. De methode raadt 5 tot 8 principes aan. Met minder dan 5 geven ze te weinig richting.", "that is too few. The method advises 5 to 8 principles. With fewer than 5, they give too little direction.";
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
    NoDotsLeft => "Uw stippen zijn op.", "Your dots are used up.";
    MostOnCluster => "Meer stippen op dit cluster mag niet.", "No more dots are allowed on this cluster.";
    Promote => "Maak er een principe van", "Make it a principle";
    IsPrinciple => "Is een principe", "Is a principle";
    Results => "Uitslag", "Result";
    Reveal => "Uitslag tonen", "Show the result";
    Hide => "Uitslag verbergen", "Hide the result";
    ResultsHidden => "De uitslag is verborgen tot iedereen heeft gestemd.", "The result is hidden until everyone has voted.";
    Ranked => "Clusters op volgorde van stippen", "Clusters ranked by dots";
    // Reduce: the recognition round and the split by group
    VoterGroup => "Groep", "Group";
    NoGroup => "Geen groep", "No group";
    VoterGroupHelp => "Zet elke stemmer in een groep aan tafel. Dan ziet u straks de uitslag per groep.", "Put each voter in a group at the table. Then you can see the result by group.";
    Recognise => "Herkent u dit?", "Do you recognise this?";
    RecogniseHelp => "Geef ook bij elk cluster aan hoe sterk u het herkent: sterk, een beetje of niet.", "For each cluster, also say how strongly you recognise it: strongly, a little or not.";
    RecStrong => "Sterk", "Strongly";
    RecLittle => "Een beetje", "A little";
    RecNot => "Niet", "Not";
    ByGroup => "Per groep", "By group";
    ByGroupHelp => "Zo ziet u wie wat koos en herkende. Herkennen inwoners wat professionals kozen? En andersom?", "This shows who chose and recognised what. Do residents recognise what professionals chose? And the other way round?";
    ByGroupTable => "Stippen en herkenning per groep", "Dots and recognition by group";
    Total => "Samen", "Together";
    // Reduce: the set
    ChosenSet => "De gekozen principes", "The chosen principles";
    NoPrinciples => "Nog geen principes gekozen.", "No principles chosen yet.";
    MoveUp => "Omhoog", "Move up";
    MoveDown => "Omlaag", "Move down";
    RemovePrinciple => "Weghalen", "Remove";
    RemovePrincipleConfirm => "Dit principe heeft al uitgewerkte tekst. Weghalen? Met Ongedaan maken zet u het terug.", "This principle already has written text. Remove it? Undo brings it back.";
    ReopenConfirm => "De set is afgerond. Weer openen maakt het charter weer een concept. Doorgaan?", "The set is finished. Reopening makes the charter a draft again. Continue?";
    OwnPrinciple => "Eigen principe toevoegen (niet uit een cluster)", "Add your own principle (not from a cluster)";
    AddPrinciple => "Principe toevoegen", "Add principle";
    // Tensions
    Tensions => "Spanningen", "Tensions";
    TensionsHelp => "Twee principes kunnen botsen, zoals zorg dichtbij en keuzevrijheid. Kies een vakje: beschrijf de spanning en kies wat voorgaat.", "Two principles can clash, such as care close to home and freedom of choice. Choose a cell: describe the tension and choose which goes first.";
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
}

impl ChooseText {
    /// What a group gave to a cluster: "3 stippen · sterk 2 · een beetje 1 · niet 0" (the
    /// recognition only when anyone marked).
    pub fn tally(dots: u32, marks: Option<[u32; 3]>, lang: Lang) -> String {
        let mut out = super::dots(dots, lang);
        if let Some([strong, little, not]) = marks {
            let (s, l, n) = match lang {
                Lang::Nl => ("sterk", "een beetje", "niet"),
                Lang::En => ("strongly", "a little", "not"),
            };
            out.push_str(&format!(" · {s} {strong} · {l} {little} · {n} {not}"));
        }
        out
    }

    /// One group gave more than half (see `workshop::split`), said plainly, not as a verdict.
    pub fn dominance(group: &str, part: u32, of: u32, in_dots: bool, lang: Lang) -> String {
        match (lang, in_dots) {
            (Lang::Nl, true) => format!(
                "{group} gaf {part} van de {of} stippen. Dat is meer dan de helft. Kijk samen of de andere groepen genoeg meetellen."
            ),
            (Lang::Nl, false) => format!(
                "{group} gaf {part} van de {of} antwoorden bij herkennen. Dat is meer dan de helft. Kijk samen of de andere groepen genoeg meetellen."
            ),
            (Lang::En, true) => format!(
                "{group} gave {part} of the {of} dots. That is more than half. Check together whether the other groups count enough."
            ),
            (Lang::En, false) => format!(
                "{group} gave {part} of the {of} recognition answers. That is more than half. Check together whether the other groups count enough."
            ),
        }
    }
}
