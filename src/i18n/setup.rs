//! Voorbereiden (set up): title, organisation, outcomes, groups at the table.

use super::Lang;

texts! {
    SetupText;
    // Setup
    SetupIntro => "Vul in waar de werksessie over gaat en wie er aan tafel zitten.", "Say what the workshop is about and who is at the table.";
    Title => "Titel van de werksessie", "Workshop title";
    Organisation => "Organisatie (gemeente of samenwerking)", "Organisation (municipality or partnership)";
    Date => "Datum", "Date";
    Facilitator => "Begeleider", "Facilitator";
    Outcomes => "Wat we willen bereiken (maatschappelijke resultaten)", "What we want to achieve (societal outcomes)";
    OutcomesHelp => "Wat moet er beter gaan voor inwoners? De principes gaan over hoe we dat doen.", "What should go better for residents? The principles are about how we do that.";
    NewOutcome => "Nieuw resultaat", "New outcome";
    AddOutcome => "Resultaat toevoegen", "Add outcome";
    NoOutcomes => "Nog geen resultaten.", "No outcomes yet.";
    Groups => "Groepen aan tafel", "Groups at the table";
    GroupsHelp => "Zo ziet iedereen wie welke kaart schreef.", "So everyone sees which group wrote which card.";
    NewGroup => "Nieuwe groep", "New group";
    AddGroup => "Groep toevoegen", "Add group";
    GroupResidents => "Inwoners", "Residents";
    GroupPolicy => "Beleid", "Policy";
    GroupPractice => "Uitvoering", "Practice";
    GroupPartners => "Maatschappelijke partners", "Community partners";
    Rename => "Naam wijzigen", "Rename";
}
