//! Dates as people read them, for the charter and every export.

use crate::i18n::Lang;

const MONTHS_NL: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `2026-03-12` as "12 maart 2026" / "12 March 2026"; anything else is shown as typed.
pub fn date(text: &str, lang: Lang) -> String {
    let parts: Vec<&str> = text.trim().split('-').collect();
    if let [y, m, d] = parts.as_slice() {
        if let (Ok(y), Ok(m), Ok(d)) = (y.parse::<u32>(), m.parse::<usize>(), d.parse::<u32>()) {
            if (1..=12).contains(&m) && (1..=31).contains(&d) && y > 0 {
                let month = match lang {
                    Lang::Nl => MONTHS_NL[m - 1],
                    Lang::En => MONTHS_EN[m - 1],
                };
                return format!("{d} {month} {y}");
            }
        }
    }
    text.trim().to_string()
}
