//! File names for downloads: one rule for every file the app writes, so the same workshop's
//! files are named alike (`leidraad-sociaal-domein.json`, `meetlat-sociaal-domein.csv`).

use crate::suggest::normalise::fold;

/// The name part for a workshop without a title.
pub const UNTITLED: &str = "werksessie";
/// Longest name part taken from a title, in characters (cut between words).
const MAX_SLUG: usize = 40;

/// A file name part from a workshop title: lowercase ASCII letters and digits, words joined by
/// dashes, accents dropped ("Één plan" = "een-plan"), at most 40 characters, cut between words;
/// [`UNTITLED`] when nothing is left.
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    for word in fold(title).split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()) {
        let extra = if out.is_empty() { word.len() } else { word.len() + 1 };
        if out.len() + extra > MAX_SLUG {
            if out.is_empty() {
                out.push_str(&word[..MAX_SLUG]);
            }
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        UNTITLED.to_string()
    } else {
        out
    }
}

/// The name of a download: `stem-slug.ext`, e.g. `file_name("meetlat", "Sociaal domein", "csv")`
/// = `meetlat-sociaal-domein.csv`.
pub fn file_name(stem: &str, title: &str, ext: &str) -> String {
    format!("{stem}-{}.{ext}", slug(title))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_becomes_a_short_plain_name() {
        assert_eq!(slug("Leidende principes Sociaal Domein"), "leidende-principes-sociaal-domein");
        assert_eq!(slug("  Één plan, één regisseur!  "), "een-plan-een-regisseur");
        assert_eq!(slug("<script>alert(1)</script>"), "script-alert-1-script");
        assert_eq!(slug(""), UNTITLED);
        assert_eq!(slug("👩‍👩‍👧 ?!"), UNTITLED);
        let long = slug("Leidende principes voor het sociaal domein van de gemeente Voorbeeld 2027");
        assert_eq!(long, "leidende-principes-voor-het-sociaal");
        assert!(long.len() <= 40);
        assert_eq!(slug(&"x".repeat(90)).len(), 40);
    }

    #[test]
    fn every_download_of_a_workshop_is_named_alike() {
        assert_eq!(file_name("leidraad", "Sociaal domein", "json"), "leidraad-sociaal-domein.json");
        assert_eq!(file_name("leidraad", "Sociaal domein", "md"), "leidraad-sociaal-domein.md");
        assert_eq!(file_name("meetlat", "Sociaal domein", "csv"), "meetlat-sociaal-domein.csv");
        assert_eq!(file_name("leidraad", "", "json"), "leidraad-werksessie.json");
    }
}
