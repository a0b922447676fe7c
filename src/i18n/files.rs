//! The file menu: download, open and merge workshop files.

use super::Lang;
use crate::workshop::{Field, MergeReport, Wording};

texts! {
    FilesText;
    // File menu
    Files => "Bestand", "File";
    FileMenuLabel => "Bestand: opslaan, openen, samenvoegen", "File: save, open, merge";
    DownloadJson => "Download werksessie (JSON)", "Download workshop (JSON)";
    DownloadJsonHelp => "Sla het bestand op. Een collega kan het openen op een andere laptop.", "Save the file. A colleague can open it on another laptop.";
    OpenFile => "Open een bestand", "Open a file";
    OpenFileHelp => "Vervangt de werksessie op dit scherm. Met Ongedaan maken gaat u terug.", "Replaces the workshop on this screen. Undo takes you back.";
    MergeFile => "Voeg een bestand samen", "Merge a file";
    MergeFileHelp => "Voegt het werk van een andere laptop toe. Er verdwijnt niets.", "Adds the work of another laptop. Nothing is lost.";
    ReplaceConfirm => "Het geopende bestand vervangt de werksessie op dit scherm. Met Ongedaan maken kunt u terug. Doorgaan?", "The file replaces the workshop on this screen. Undo takes you back. Continue?";
    FileUnreadable => "Leidraad kan dit bestand niet lezen. Er is niets veranderd.", "Leidraad cannot read this file. Nothing was changed.";
    Opened => "Het bestand is geopend.", "The file is open.";
    // The merge panel
    MergeTitle => "Samenvoegen: kies wat blijft", "Merge: choose what stays";
    DiffersIntro => "Dit is anders in het samengevoegde bestand. Tot u kiest, blijft staan wat op dit scherm staat.", "This is different in the merged file. Until you choose, what is on this screen stays.";
    OnThisScreen => "Op dit scherm", "On this screen";
    InTheFile => "In het bestand", "In the file";
    KeepOurs => "Houd deze tekst", "Keep this text";
    KeepTheirs => "Neem de tekst uit het bestand", "Take the file's text";
    KeepBoth => "Houd allebei", "Keep both";
    KeepBothCard => "Houd allebei (als twee kaarten)", "Keep both (as two cards)";
    EmptyText => "(leeg)", "(empty)";
    // A value that differs (not a text): one of the two stays
    KeepOursValue => "Houd deze", "Keep this one";
    KeepTheirsValue => "Neem die uit het bestand", "Take the one from the file";
    NoValue => "(geen)", "(none)";
    PartCluster => "cluster", "cluster";
    PartGroup => "geschreven door", "written by";
    PartSource => "bron", "source";
    PartKind => "soort", "type";
    PartOutcome => "resultaat", "outcome";
    PartPriority => "wat voorgaat", "what goes first";
    PartDots => "stippen van", "dots of";
    DeletedIntro => "Het bestand had dit nog, maar het is hier weggehaald. Het blijft weg, tenzij u het terugzet.", "The file still had this, but it was removed here. It stays removed unless you restore it.";
    Restore => "Zet terug", "Restore";
    // The set in practice in the merge panel: each part of a record that differs
    RecWhat => "Wat", "What";
    RecWho => "Wie", "Who";
    RecDue => "Klaar op", "Due";
    RecStatus => "Stand", "Status";
    RecImplication => "Gevolg voor", "Implication for";
    RecPrinciple => "Principe", "Principle";
    RecOutcome => "Resultaat", "Outcome";
    RecName => "Naam", "Name";
    RecSource => "Herkomst van de cijfers", "Where the figures come from";
    RecBaseline => "Nulmeting", "Baseline";
    RecBaselineDate => "Datum nulmeting", "Baseline date";
    RecTarget => "Gewenste waarde", "Target";
    RecMeasured => "Nieuwe meting", "New value";
    RecMeasuredDate => "Datum meting", "Date measured";
    RecOwner => "Eigenaar", "Owner";
    RecAmbassadors => "Ambassadeurs", "Ambassadors";
    RecBy => "Wie besluit", "Who decides";
    RecPlanned => "Geplande datum", "Planned date";
    RecDecided => "Datum van het besluit", "Date of the decision";
    RecReference => "Kenmerk", "Reference";
    RecAnswer => "Klopt het nog", "Does it still hold";
    RecNote => "Toelichting", "Note";
    RecHeld => "Datum van de evaluatie", "Date of the evaluation";
    RecDecision => "Besluit", "Decision";
    ValOpen => "open", "open";
    ValBusy => "bezig", "in progress";
    ValDone => "klaar", "done";
    ValOffer => "aanbod en activiteiten", "offer and activities";
    ValAccess => "toegang", "access";
    ValConduct => "handelen van professionals", "conduct of professionals";
    ValProcurement => "inkoop en contracten", "procurement and contracts";
    ValCollege => "het college", "the municipal executive";
    ValCouncil => "de gemeenteraad", "the municipal council";
    ValKeep => "de set blijft", "the set stays";
    ValRevise => "een nieuwe versie", "a new version";
    ValYes => "ja", "yes";
    ValPartly => "deels", "partly";
    ValNo => "nee", "no";
}

impl FilesText {
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
            SourceNotes => (("aantekening", "aantekeningen"), ("note", "notes")),
            BudgetOption => (("optie", "opties"), ("option", "options")),
            Whisper => (("antwoord", "antwoorden"), ("answer", "answers")),
            Version => (("versie", "versies"), ("version", "versions")),
            Task => (("actie", "acties"), ("action", "actions")),
            Indicator => (("indicator", "indicatoren"), ("indicator", "indicators")),
            Person => (("eigenaar", "eigenaren"), ("owner", "owners")),
            Adoption => {
                (("besluit over de set", "besluiten over de set"), ("decision on the set", "decisions on the set"))
            }
            Assumption => (("veronderstelling", "veronderstellingen"), ("assumption", "assumptions")),
            Evaluation => (("evaluatie", "evaluaties"), ("evaluation", "evaluations")),
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
            let list: Vec<String> = r.added.iter().map(|(f, n)| FilesText::items(*f, *n, lang)).collect();
            parts.push(if nl {
                format!("Samengevoegd. Toegevoegd: {}.", list.join(", "))
            } else {
                format!("Merged. Added: {}.", list.join(", "))
            });
        }
        if !r.conflicts.is_empty() {
            let list = named(&r.named, lang);
            parts.push(if nl {
                format!("Anders in het bestand: {list}. Hier blijft staan wat op dit scherm stond.")
            } else {
                format!("Different in the file: {list}. What was on this screen stays.")
            });
            if r.disagreements > 0 {
                parts.push(if nl { "Kies hieronder wat blijft." } else { "Choose below what stays." }.to_string());
            }
        }
        if !r.skipped.is_empty() {
            let list = tally(r.skipped.iter().map(|c| c.field), lang);
            parts.push(if nl {
                format!("Niet overgenomen: {list}, omdat hetzelfde cluster hier al een principe is.")
            } else {
                format!("Not taken over: {list}, because the same cluster is already a principle here.")
            });
        }
        if !r.full.is_empty() {
            let list = tally(r.full.iter().map(|c| c.field), lang);
            parts.push(if nl {
                format!("Niet overgenomen: {list}, omdat er niet meer bij passen.")
            } else {
                format!("Not taken over: {list}, because no more fit.")
            });
        }
        if !r.restorable.is_empty() {
            let list: Vec<(Field, String)> = r.restorable.iter().map(|i| (i.field(), i.label().to_string())).collect();
            let list = named(&list, lang);
            parts.push(if nl {
                format!("Het bestand had nog wat hier is weggehaald: {list}. Dat blijft weg, tenzij u het hieronder terugzet.")
            } else {
                format!("The file still had what was removed here: {list}. That stays removed unless you restore it below.")
            });
        }
        parts.join(" ")
    }

    /// Which value of an item differs (`None`: a text, named by its item alone).
    pub fn part(about: &Wording) -> Option<FilesText> {
        Some(match about {
            Wording::CardCluster(_) => FilesText::PartCluster,
            Wording::CardGroup(_) => FilesText::PartGroup,
            Wording::CardSource(_) => FilesText::PartSource,
            Wording::SourceKind(_) | Wording::PrincipleKind(_) => FilesText::PartKind,
            Wording::PrincipleOutcome(_) => FilesText::PartOutcome,
            Wording::TensionPriority(_) => FilesText::PartPriority,
            Wording::Dots { .. } => FilesText::PartDots,
            _ => return None,
        })
    }

    /// The name of a kind of thing, without a count ("kaart").
    pub fn noun(field: Field, lang: Lang) -> String {
        FilesText::items(field, 1, lang).trim_start_matches("1 ").to_string()
    }
}

/// Each item as its kind and its words: `kaart „Normaliseren”`.
fn named(items: &[(Field, String)], lang: Lang) -> String {
    let each = items.iter().map(|(f, name)| {
        let noun = FilesText::noun(*f, lang);
        if name.is_empty() {
            noun
        } else {
            format!("{noun} „{name}”")
        }
    });
    each.collect::<Vec<_>>().join(", ")
}

fn tally(fields: impl Iterator<Item = Field>, lang: Lang) -> String {
    let mut counts: Vec<(Field, usize)> = Vec::new();
    for f in fields {
        match counts.iter_mut().find(|(x, _)| *x == f) {
            Some((_, n)) => *n += 1,
            None => counts.push((f, 1)),
        }
    }
    counts.iter().map(|(f, n)| FilesText::items(*f, *n, lang)).collect::<Vec<_>>().join(", ")
}
