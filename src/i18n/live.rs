//! The live room: the participant page (`live.html`), the connection, refusals from the room.

use super::{Lang, Text};
use crate::live::{Problem, Refusal};

texts! {
    LiveText;
    // Joining
    PageTitle => "Meedoen met de werksessie", "Join the workshop";
    JoinIntro => "Vul de code in die op het scherm staat.", "Type the code shown on the screen.";
    Code => "Code", "Code";
    CodeHelp => "Zes letters en cijfers, bijvoorbeeld K7XM3P.", "Six letters and digits, for example K7XM3P.";
    CodeInvalid => "Deze code klopt niet. Kijk nog eens op het scherm: zes letters en cijfers.", "This code is not right. Look at the screen again: six letters and digits.";
    YourName => "Uw naam (niet verplicht)", "Your name (optional)";
    YourGroup => "Uw groep", "Your group";
    NoGroup => "Geen groep", "No group";
    Join => "Meedoen", "Join";
    Anonymous => "Anoniem", "Anonymous";
    // Connection
    Connecting => "Verbinden…", "Connecting…";
    Connected => "Verbonden", "Connected";
    Offline => "Geen verbinding. Wat u nu doet, blijft op dit apparaat. Leidraad verstuurt het zodra er weer verbinding is.", "No connection. What you do now stays on this device. Leidraad sends it once the connection is back.";
    Waiting => "Nog niet verstuurd", "Not sent yet";
    // Writing
    WriteHeading => "Schrijf een kaart", "Write a card";
    WriteUnder => "Bij", "About";
    CardText => "Uw idee voor een principe", "Your idea for a principle";
    AddCard => "Kaart toevoegen", "Add card";
    WritingClosed => "Schrijven is nu dicht. De begeleider zet het open als het zover is.", "Writing is closed now. The facilitator opens it when it is time.";
    MyCards => "Uw kaarten", "Your cards";
    NoCards => "U heeft nog geen kaarten geschreven.", "You have not written any cards yet.";
    Edit => "Wijzigen", "Edit";
    Save => "Opslaan", "Save";
    Cancel => "Annuleren", "Cancel";
    Delete => "Weghalen", "Remove";
    // Voting
    VoteHeading => "Stemmen", "Vote";
    VotingClosed => "Stemmen is nu dicht.", "Voting is closed now.";
    StartVoting => "Ik ga stemmen", "Start voting";
    AddDot => "Stip erbij", "Add a dot";
    RemoveDot => "Stip eraf", "Remove a dot";
    Hidden => "De uitslag blijft verborgen tot de begeleider hem laat zien.", "The result stays hidden until the facilitator shows it.";
    Total => "Totaal", "Total";
    // The recognition round, beside the dots
    Recognise => "Herkent u dit?", "Do you recognise this?";
    RecStrong => "Sterk", "Strongly";
    RecLittle => "Een beetje", "A little";
    RecNot => "Niet", "Not";
    // Refusals
    RefusedHeading => "Dit is niet gelukt", "This did not work";
    Dismiss => "Gelezen", "Got it";
    NotYourRole => "Dat mag alleen de begeleider doen.", "Only the facilitator may do that.";
    NotYours => "U kunt alleen uw eigen kaarten en stippen veranderen.", "You can only change your own cards and dots.";
    TooFast => "Dat ging te snel. Probeer het zo nog eens.", "That was too fast. Please try again in a moment.";
    // Problems with the connection
    UnknownRoom => "Deze werksessie bestaat niet (meer). Kijk of de code goed is.", "This workshop does not exist (any more). Check the code.";
    RoomClosed => "De begeleider heeft de werksessie gesloten. Dank u wel voor het meedoen!", "The facilitator has closed the workshop. Thank you for taking part!";
    RoomFull => "Er doen al zoveel mensen mee als kan. Vraag de begeleider.", "As many people have joined as can. Ask the facilitator.";
    TooManyJoins => "Te veel pogingen. Wacht een minuut en probeer het opnieuw.", "Too many tries. Wait a minute and try again.";
    ServerTrouble => "De verbinding gaf een fout. Leidraad probeert het opnieuw.", "The connection gave an error. Trying again.";
    LeaveRoom => "Andere code", "Other code";
}

/// Why the room refused a step, in plain words.
pub fn refusal(r: &Refusal, lang: Lang) -> String {
    match r {
        Refusal::Domain(e) => super::error(e, lang),
        Refusal::NotYourRole => LiveText::NotYourRole.text(lang).into(),
        Refusal::Locked(stage) => match lang {
            Lang::Nl => format!("De begeleider heeft de stap {} op slot gezet.", super::stage_name(*stage, lang)),
            Lang::En => format!("The facilitator has locked the step {}.", super::stage_name(*stage, lang)),
        },
        Refusal::NotYours => LiveText::NotYours.text(lang).into(),
        Refusal::WritingClosed => LiveText::WritingClosed.text(lang).into(),
        Refusal::VotingClosed => LiveText::VotingClosed.text(lang).into(),
        Refusal::TooFast => LiveText::TooFast.text(lang).into(),
    }
}

/// What went wrong with the connection, in plain words.
pub fn problem(p: Problem, lang: Lang) -> &'static str {
    match p {
        Problem::UnknownRoom | Problem::WrongKey => LiveText::UnknownRoom,
        Problem::Closed => LiveText::RoomClosed,
        Problem::RoomFull | Problem::ServerFull => LiveText::RoomFull,
        Problem::TooManyJoins => LiveText::TooManyJoins,
        Problem::BadFrame | Problem::NotJoined | Problem::Flood => LiveText::ServerTrouble,
    }
    .text(lang)
}

/// "Nog 3 stippen over" / "3 dots left".
pub fn dots_left(left: u32, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("Nog {} over", super::dots(left, lang)),
        Lang::En => format!("{} left", super::dots(left, lang)),
    }
}

/// "Uw stippen: 2" / "Your dots: 2" for one cluster.
pub fn your_dots(n: u32, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("Uw stippen: {n}"),
        Lang::En => format!("Your dots: {n}"),
    }
}
