//! Texts every step shares: the app's name, the step names, undo, the common buttons.

use super::Lang;

texts! {
    CommonText;
    AppName => "Leidraad", "Leidraad";
    AppTagline => "Samen leidende principes maken voor het sociaal domein", "Writing guiding principles for the social domain, together";
    SkipToContent => "Naar de inhoud", "Skip to content";
    Language => "Taal", "Language";
    SwitchLanguage => "English", "Nederlands";
    SwitchLanguageLabel => "Switch to English", "Schakel naar Nederlands";
    Phases => "Stappen", "Steps";
    PhaseSetup => "Voorbereiden", "Set up";
    PhaseCollect => "Verzamelen", "Collect";
    PhaseCluster => "Clusteren", "Cluster";
    Undo => "Ongedaan maken", "Undo";
    BackToWorkshop => "← Terug naar de werksessie", "← Back to the workshop";
    Redo => "Opnieuw doen", "Redo";
    Saved => "Opgeslagen op dit apparaat", "Saved on this device";
    Saving => "Opslaan…", "Saving…";
    Close => "Sluiten", "Close";
    Save => "Opslaan", "Save";
    Cancel => "Annuleren", "Cancel";
    Edit => "Wijzigen", "Edit";
    Delete => "Weghalen", "Remove";
    Add => "Toevoegen", "Add";
    Optional => "(niet verplicht)", "(optional)";
    PhaseReduce => "Kiezen", "Choose";
    PhaseConcretise => "Concretiseren", "Make concrete";
    PhaseCharter => "Charter", "Charter";
}
