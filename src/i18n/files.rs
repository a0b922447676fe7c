//! The file menu: download, open and merge workshop files.

use super::Lang;
use crate::workshop::{Field, MergeReport};

texts! {
    FilesText;
    // File menu
    Files => "Bestand", "File";
    FileMenuLabel => "Bestand: opslaan, openen, samenvoegen", "File: save, open, merge";
    DownloadJson => "Download werksessie (JSON)", "Download workshop (JSON)";
    DownloadJsonHelp => "Bewaar het bestand. Een collega kan het openen op een andere laptop.", "Keep the file. A colleague can open it on another laptop.";
    OpenFile => "Open een bestand", "Open a file";
    OpenFileHelp => "Vervangt de werksessie op dit scherm. Met Ongedaan maken gaat u terug.", "Replaces the workshop on this screen. Undo takes you back.";
    MergeFile => "Voeg een bestand samen", "Merge a file";
    MergeFileHelp => "Voegt het werk van een andere laptop toe. Er verdwijnt niets.", "Adds the work of another laptop. Nothing is lost.";
    ReplaceConfirm => "Het geopende bestand vervangt de werksessie op dit scherm. Met Ongedaan maken kunt u terug. Doorgaan?", "The file replaces the workshop on this screen. Undo takes you back. Continue?";
    FileUnreadable => "Dit bestand kan niet worden gelezen. Er is niets veranderd.", "This file cannot be read. Nothing was changed.";
    Opened => "Het bestand is geopend.", "The file is open.";
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
            let list = tally(r.conflicts.iter().map(|c| c.field), lang);
            parts.push(if nl {
                format!("Verschillend in de twee bestanden: {list}. Daar is de versie op dit scherm gehouden.")
            } else {
                format!("Different in the two files: {list}. The version on this screen was kept there.")
            });
        }
        if !r.skipped.is_empty() {
            let list = tally(r.skipped.iter().map(|c| c.field), lang);
            parts.push(if nl {
                format!("Niet overgenomen: {list}, omdat hetzelfde cluster hier al een principe is.")
            } else {
                format!("Not taken over: {list}, because the same cluster is already a principle here.")
            });
        }
        parts.join(" ")
    }
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
