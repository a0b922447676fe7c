//! This device: saving in the browser, storage trouble, clearing a shared laptop.

use super::Lang;

texts! {
    DeviceText;
    // Storage
    StorageUnreadable => "Leidraad kan de opgeslagen werksessie op dit apparaat niet lezen. Er is niets overschreven.", "Leidraad cannot read the workshop saved on this device. Nothing has been overwritten.";
    SavingAside => "Wat u nu doet, slaat Leidraad apart op dit apparaat op. De oude tekst blijft zoals hij is.", "Leidraad saves what you do now separately on this device. The old text stays as it is.";
    SavedAside => "Uw werk van daarna staat apart op dit apparaat en is hier geopend. De oude tekst blijft zoals hij is.", "Your later work is saved separately on this device and is open here. The old text stays as it is.";
    Loading => "Leidraad laadt de werksessie…", "Leidraad is loading the workshop…";
    SpaceLow => "Deze werksessie is bijna te groot voor wat deze browser kan opslaan. Download hem als bestand, zodat er niets verloren gaat.", "This workshop is almost too large for what this browser can save. Download it as a file, so nothing is lost.";
    DownloadRaw => "Download de opgeslagen tekst", "Download the saved text";
    StartNew => "Begin een nieuwe werksessie", "Start a new workshop";
    StartNewConfirm => "Weet u het zeker? Dan vervangt Leidraad de oude tekst op dit apparaat. Download hem eerst.", "Are you sure? Leidraad then replaces the old text on this device. Download it first.";
    StorageFailed => "Opslaan op dit apparaat lukt niet. Uw werk staat nog in dit venster: download het als bestand.", "Saving on this device failed. Your work is still in this window: download it as a file.";
    OtherTab => "Deze werksessie is in een ander tabblad gewijzigd. Herlaad om die versie te zien; dit tabblad slaat niet meer op tot u kiest.", "This workshop was changed in another tab. Reload to see that version; this tab stops saving until you choose.";
    Reload => "Herladen", "Reload";
    KeepThis => "Deze versie houden", "Keep this version";
    DownloadWorkshop => "Download werksessie (JSON)", "Download workshop (JSON)";
    ThisDevice => "Dit apparaat", "This device";
    ThisDeviceHelp => "Uw werk staat alleen in deze browser. Op een gedeelde laptop: download het en wis het daarna.", "Your work is only in this browser. On a shared laptop: download it, then clear it.";
    DownloadFirst => "Download de werksessie", "Download the workshop";
    ClearDevice => "Wis alles van dit apparaat", "Clear everything from this device";
    ClearDeviceConfirm => "Leidraad wist alles van deze werksessie van dit apparaat. Dat kunt u niet ongedaan maken. Heeft u het bestand gedownload? Doorgaan?", "Leidraad clears everything of this workshop from this device. You cannot undo that. Have you downloaded the file? Continue?";
    DeviceCleared => "Alles is van dit apparaat gewist.", "Everything has been cleared from this device.";
    DeviceNotCleared => "Wissen lukte niet helemaal: deze browser staat het niet toe. Sluit alle vensters van de browser.", "Clearing did not fully work: this browser does not allow it. Close all browser windows.";
    Crashed => "Er ging iets mis in Leidraad. Uw laatste opgeslagen werk staat nog op dit apparaat.", "Something went wrong in Leidraad. Your last saved work is still on this device.";
}
