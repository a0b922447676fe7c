//! Dates as people read them, for the charter and every export.

use crate::i18n::Lang;

/// `2026-03-12` as "12 maart 2026" / "12 March 2026"; anything else is shown as typed.
pub fn date(text: &str, lang: Lang) -> String {
    let parts: Vec<&str> = text.trim().split('-').collect();
    if let [y, m, d] = parts.as_slice() {
        if let (Ok(y), Ok(m), Ok(d)) = (y.parse::<u32>(), m.parse::<usize>(), d.parse::<u32>()) {
            if let (Some(month), true) = (crate::i18n::month(m, lang), (1..=31).contains(&d) && y > 0) {
                return format!("{d} {month} {y}");
            }
        }
    }
    text.trim().to_string()
}
