//! Voorbereiden (set up): title, organisation, outcomes, groups at the table.

use super::Lang;

texts! {
    SetupText;
    // Setup
    SetupIntro => "Vul in waar de werksessie over gaat en wie er aan tafel zitten.", "Say what the session is about and who is at the table.";
    Title => "Titel van de werksessie", "Session title";
    Organisation => "Organisatie (gemeente of samenwerking)", "Organisation (municipality or partnership)";
    Date => "Datum", "Date";
    Facilitator => "Begeleider", "Facilitator";
    Outcomes => "Maatschappelijke resultaten", "Intended societal outcomes";
    OutcomesHelp => "Wat willen we bereiken voor inwoners? De principes gaan over hoe.", "What do we want to achieve for residents? The principles are about how.";
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
