//! Making user text safe for Markdown, and dates readable.

use crate::i18n::Lang;

/// User text for running Markdown: one line (newlines and tabs become spaces), and every
/// character Markdown or HTML could read as syntax is escaped with a backslash, so a card can
/// never become a link, an image, raw HTML, a heading, a list or a table cell break.
pub fn md(text: &str) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(flat.len() + 8);
    for (i, c) in flat.chars().enumerate() {
        let always =
            matches!(c, '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' | '!' | '$');
        // These only mean something at the start of a line (lists, setext headings, quotes).
        let at_start = i == 0 && matches!(c, '-' | '+' | '=' | ':');
        if always || at_start {
            out.push('\\');
        }
        out.push(c);
    }
    // "1. text" or "1) text" at the start would become an ordered list.
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && matches!(out[digits..].chars().next(), Some('.' | ')')) {
        out.insert(digits, '\\');
    }
    out
}

/// User text for a Markdown table cell: as [`md`], and a leading `=`, `+`, `-` or `@` is
/// neutralised with an apostrophe, so a spreadsheet pasting the table never runs a formula.
pub fn md_cell(text: &str) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if matches!(flat.chars().next(), Some('=' | '+' | '-' | '@')) {
        format!("'{}", md(&flat))
    } else {
        md(&flat)
    }
}

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
