//! Clusteren (cluster): the board, moving cards, merging clusters, suggestions.

use super::Lang;

texts! {
    ClusterText;
    // Cluster
    // The step's heading: a plain label first, the method's word (the step bar's name) after it.
    StepHeading => "Kaarten ordenen (clusteren)", "Sort the cards (Cluster)";
    ClusterIntro => "Leg kaarten die hetzelfde zeggen bij elkaar en geef elk cluster een naam.", "Put cards that say the same thing together and name each cluster.";
    ClusterHowTo => "Sleep een kaart aan de greep ⠿. Of met het toetsenbord: ga naar een kaart en druk op Enter. Kies met de pijltjes een cluster en druk op Enter. Of vink kaarten aan en kies Verplaats naar.", "Drag a card by its grip ⠿. Or with the keyboard: go to a card and press Enter. Choose a cluster with the arrow keys and press Enter. Or tick cards and choose Move to.";
    Unclustered => "Nog niet ingedeeld", "Not grouped yet";
    NewCluster => "Nieuw cluster", "New cluster";
    ClusterName => "Naam van het cluster", "Cluster name";
    NewClusterName => "Naam voor een nieuw cluster", "Name for a new cluster";
    CreateCluster => "Cluster maken", "Create cluster";
    ClusterFromSelection => "Nieuw cluster van selectie", "New cluster from selection";
    MoveTo => "Verplaats naar", "Move to";
    Move => "Verplaats", "Move";
    ClearSelection => "Vinkjes weghalen", "Untick all";
    MergeWith => "Samenvoegen met", "Merge with";
    Merge => "Samenvoegen", "Merge";
    Ungroup => "Cluster opheffen", "Ungroup";
    Select => "Selecteer", "Select";
    NoCardsYet => "Nog geen kaarten. Maak ze bij Verzamelen.", "No cards yet. Make them in Collect.";
    EmptyCluster => "Leeg. Sleep hier kaarten heen.", "Empty. Drop cards here.";
    DragHandle => "Sleep om te verplaatsen", "Drag to move";
    CarryCancelled => "Verplaatsen gestopt. De kaart blijft waar hij was.", "Move cancelled. The card stays where it was.";
    CarryTargetGone => "Het gekozen cluster bestaat niet meer. Verplaatsen gestopt, de kaart blijft waar hij was.", "The chosen cluster no longer exists. Move cancelled, the card stays where it was.";
    ChooseCluster => "Kies een cluster", "Choose a cluster";
    SuggestClusters => "Stel clusters voor", "Suggest clusters";
    SuggestHelp => "Leidraad zoekt kaarten die hetzelfde zeggen. U kiest zelf.", "Leidraad looks for cards that say the same. You decide.";
    Suggestions => "Voorstellen", "Suggestions";
    SuggestAgain => "Opnieuw voorstellen", "Suggest again";
    SuggestExplain => "Alleen losse kaarten. Neem een voorstel over of wijs het af. Uw eigen clusters blijven zoals ze zijn.", "Only loose cards. Accept or reject each proposal. Your own clusters stay as they are.";
    NoSuggestions => "Geen voorstellen: er zijn geen losse kaarten die op elkaar lijken.", "No suggestions: no loose cards look alike.";
    NoMoreSuggestions => "Geen nieuwe voorstellen. Afgewezen voorstellen komen pas terug als u Opnieuw voorstellen kiest.", "No new suggestions. Rejected suggestions only come back when you choose Suggest again.";
    SharedWords => "Wat ze delen:", "What they share:";
    Reject => "Afwijzen", "Reject";
    ClusterActions => "Acties", "Actions";
    BoardZoom => "Grootte van het bord", "Board size";
    Split => "Splitsen: vink kaarten aan en kies Nieuw cluster van selectie.", "Split: tick cards and choose New cluster from selection.";
    AlsoFits => "Past ook bij:", "Also fits:";
    // The suggestions are a part of the app that is fetched the first time they are asked for.
    SuggestLoading => "Leidraad laadt de voorstellen. Een moment…", "Leidraad is loading the suggestions. One moment…";
    SuggestUnavailable => "Leidraad kan de voorstellen nu niet laden. Misschien is er geen internet. Er is niets verloren: u kunt de kaarten zelf ordenen, of het later opnieuw proberen.", "Leidraad cannot load the suggestions now. Maybe there is no internet. Nothing is lost: you can sort the cards yourself, or try again later.";
}

impl ClusterText {
    /// Spoken when a card is picked up by keyboard.
    pub fn carry_picked_up(text: &str, column: &str, position: usize, of: usize, lang: Lang) -> String {
        match lang {
            Lang::Nl => format!(
                "Kaart opgepakt: {text}. Nu in: {column} ({position} van {of}). Kies met de pijltjes een cluster, druk op Enter om te plaatsen of Escape om te stoppen."
            ),
            Lang::En => format!(
                "Card picked up: {text}. Now in: {column} ({position} of {of}). Choose a cluster with the arrow keys, press Enter to place or Escape to stop."
            ),
        }
    }

    /// Spoken while a carried card aims at a column.
    pub fn carry_aiming(column: &str, position: usize, of: usize, lang: Lang) -> String {
        match lang {
            Lang::Nl => format!("Naar: {column} ({position} van {of})."),
            Lang::En => format!("To: {column} ({position} of {of})."),
        }
    }

    /// "3 kaarten geselecteerd".
    pub fn cards_selected(n: usize, lang: Lang) -> String {
        match lang {
            Lang::Nl => format!("{} geselecteerd", super::cards(n, lang)),
            Lang::En => format!("{} selected", super::cards(n, lang)),
        }
    }
}
