//! The facilitator's side of a live workshop, on the workshop page: going live, the join
//! screen for the projector, opening writing and voting, downloading and stopping.

use super::{Lang, Text};
use crate::live::UndoError;

texts! {
    HostText;
    Menu => "Live", "Live";
    MenuHelp => "Zet de werksessie live. Dan doet iedereen mee op een eigen telefoon of laptop.", "Take the workshop live. Then everyone takes part on their own phone or laptop.";
    GoLive => "Live zetten", "Go live";
    GoingLive => "Bezig met live zetten…", "Going live…";
    SaveFirst => "Live zetten kan pas als de werksessie op dit apparaat is opgeslagen. Kijk eerst naar de melding over opslaan. Alles staat nog op deze pagina.", "Going live needs the workshop saved on this device first. First look at the message about saving. Everything is still on this page.";
    NotLive => "Live zetten lukt nu niet. Probeer het zo nog eens. Alles staat nog op dit apparaat.", "Going live does not work now. Try again in a moment. Everything is still on this device.";
    IsLive => "Deze werksessie is live.", "This workshop is live.";
    ShowCode => "Code laten zien", "Show the code";
    JoinHeading => "Doe mee op uw eigen telefoon of laptop", "Take part on your own phone or laptop";
    GoTo => "Ga naar", "Go to";
    TypeCode => "Vul deze code in", "Type this code";
    OrScan => "Of scan de QR-code met de camera van uw telefoon.", "Or scan the QR code with your phone's camera.";
    QrAlt => "QR-code met het adres om mee te doen", "QR code with the address to take part";
    BackToWork => "Terug naar de werksessie", "Back to the workshop";
    WritingFor => "Deelnemers schrijven kaarten bij", "Participants write cards for";
    WritingClosed => "Niemand (schrijven is dicht)", "Nobody (writing is closed)";
    VotingOpen => "Deelnemers mogen stemmen", "Participants may vote";
    Download => "Werksessie downloaden", "Download the workshop";
    DownloadFailed => "Downloaden van de server lukt nu niet. Alles staat nog op dit apparaat.", "Downloading from the server does not work now. Everything is still on this device.";
    Stop => "Live stoppen", "Stop live";
    StopHelp => "Download eerst de werksessie. Daarna haalt Leidraad de werksessie van de server. Op dit apparaat blijft alles staan.", "Download the workshop first. Then Leidraad removes it from the server. Everything stays on this device.";
    StopNow => "Stoppen en van de server halen", "Stop and remove from the server";
    Cancel => "Annuleren", "Cancel";
    Stopped => "De werksessie is niet meer live. Alles staat nog op dit apparaat.", "The workshop is no longer live. Everything is still on this device.";
    StopFailed => "Stoppen lukt nu niet. De werksessie is nog live. Probeer het zo nog eens.", "Stopping does not work now. The workshop is still live. Try again in a moment.";
    Gone => "Deze werksessie staat niet meer op de server. Alles staat nog op dit apparaat.", "This workshop is no longer on the server. Everything is still on this device.";
    UndoNothing => "U heeft hier niets meer om ongedaan te maken.", "There is nothing of yours left to undo here.";
    UndoKind => "Dit kan Leidraad in een live werksessie niet ongedaan maken.", "Leidraad cannot undo this in a live workshop.";
    UndoChanged => "Dit kan Leidraad niet meer ongedaan maken. Iemand anders heeft het intussen veranderd.", "This can no longer be undone. Someone else has changed it since.";
    NoRedo => "In een live werksessie kan Leidraad niets opnieuw doen. Doe het gewoon nog een keer.", "In a live workshop Leidraad cannot redo. Just do it again.";
    Tables => "Tafels laten meedoen", "Let tables take part";
    TablesHelp => "Een laptop aan een tafel kan alles in de werksessie. Alleen vergrendelen, de uitslag tonen, de set afronden en bestanden openen doet u zelf. Open de tafellink op die laptop.", "A laptop at a table can do everything in the workshop. Only locking, showing the result, finishing the set and opening files are up to you. Open the table link on that laptop.";
    TablesSecret => "Laat de tafellink niet op het grote scherm zien. Wie de link heeft, doet mee als tafel.", "Do not show the table link on the big screen. Whoever has the link takes part as a table.";
    TableLink => "Tafellink", "Table link";
    CopyTableLink => "Tafellink kopiëren", "Copy the table link";
    TableLinkCopied => "De tafellink is gekopieerd. Stuur hem naar de laptops aan tafel, bijvoorbeeld per mail of chat.", "The table link is copied. Send it to the laptops at the tables, for example by email or chat.";
    TableLinkNotCopied => "Kopiëren lukt niet. Kopieer de tafellink zelf uit het veld.", "Copying does not work. Copy the table link from the field yourself.";
    JoinAsTable => "Meedoen als tafel", "Join as a table";
    JoinAsTableHelp => "Heeft u een tafellink van de begeleider? Plak hem hier. Of open de link op deze laptop.", "Do you have a table link from the facilitator? Paste it here. Or open the link on this laptop.";
    NotTableLink => "Dit is geen tafellink. Vraag de begeleider om de tafellink.", "This is not a table link. Ask the facilitator for the table link.";
    TableCode => "Code van de werksessie", "Code of the workshop";
    TableReplaces => "De werksessie van de begeleider komt dan in plaats van wat nu op deze laptop staat. Wilt u dat houden? Download het dan eerst bij Bestand.", "The facilitator's workshop then takes the place of what is on this laptop now. Do you want to keep that? Download it first under File.";
    NotNow => "Niet meedoen", "Do not join";
    TableMenu => "Live als tafel", "Live as a table";
    IsTable => "Deze laptop doet mee als tafel.", "This laptop takes part as a table.";
    TableMay => "U kunt alles doen, behalve vergrendelen, de uitslag tonen, de set afronden en bestanden openen. Dat doet de begeleider.", "You can do everything except locking, showing the result, finishing the set and opening files. The facilitator does that.";
    LeaveTable => "Stoppen als tafel", "Stop as a table";
    LeftTable => "Deze laptop doet niet meer mee. Alles staat nog op dit apparaat.", "This laptop no longer takes part. Everything is still on this device.";
    OnlyLock => "Alleen de begeleider kan een stap vergrendelen.", "Only the facilitator can lock a step.";
    OnlyUnlock => "Alleen de begeleider kan deze stap weer openen.", "Only the facilitator can open this step again.";
    OnlyReveal => "Alleen de begeleider kan de uitslag tonen.", "Only the facilitator can show the result.";
    OnlyFinalise => "Alleen de begeleider kan de set afronden of weer openen.", "Only the facilitator can finish the set or reopen it.";
    OnlyFiles => "In een live werksessie opent of voegt alleen de begeleider een bestand samen.", "In a live workshop only the facilitator opens or merges a file.";
}

/// Why an undo in a live workshop did not happen, in plain words.
pub fn undo_error(e: &UndoError, lang: Lang) -> String {
    match e {
        UndoError::Nothing => HostText::UndoNothing.text(lang).into(),
        UndoError::NotThisKind => HostText::UndoKind.text(lang).into(),
        UndoError::ChangedSince => HostText::UndoChanged.text(lang).into(),
        UndoError::Refused(r) => super::live::refusal(r, lang),
    }
}
