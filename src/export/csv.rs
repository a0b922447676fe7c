//! CSV writing that a spreadsheet cannot be tricked by.
//!
//! Three dangers: a cell that *starts* with `=`, `+`, `-`, `@`, a tab or a carriage return, also
//! after spaces, is run as a formula by Excel, LibreOffice and Google Sheets (OWASP "CSV
//! injection"); a cell with the separator, a quote or a line break would split the row; and
//! hidden control characters or direction overrides would hide or reorder what is read. The
//! first is neutralised with a leading apostrophe (the cell then shows as text), the second with
//! RFC 4180 quoting, the third by dropping those characters.

use crate::workshop::limits::is_hidden;

/// The separator of a CSV file. Dutch spreadsheets expect `;` (the comma is the decimal sign),
/// English ones `,`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Separator {
    Comma,
    Semicolon,
}

impl Separator {
    /// The separator character.
    pub fn char(self) -> char {
        match self {
            Separator::Comma => ',',
            Separator::Semicolon => ';',
        }
    }
}

/// One cell, neutralised and quoted where needed.
pub fn cell(text: &str, sep: Separator) -> String {
    let mut value = String::with_capacity(text.len() + 3);
    // Spreadsheets skip leading spaces before they look for a formula; so does this.
    let first = text.chars().filter(|c| !is_hidden(*c)).find(|c| !c.is_whitespace() || matches!(c, '\t' | '\r'));
    if matches!(first, Some('=' | '+' | '-' | '@' | '\t' | '\r')) {
        value.push('\'');
    }
    value.extend(text.chars().filter(|c| !is_hidden(*c)));
    let needs_quotes = value.contains(sep.char()) || value.contains(['"', '\n', '\r']);
    if needs_quotes {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// One row (without the line break).
pub fn row<S: AsRef<str>>(cells: &[S], sep: Separator) -> String {
    let mut out = String::new();
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            out.push(sep.char());
        }
        out.push_str(&cell(c.as_ref(), sep));
    }
    out
}

/// A whole file: a UTF-8 byte order mark (so Excel reads accents right) and CRLF line ends.
pub fn file(rows: &[Vec<String>], sep: Separator) -> String {
    let mut out = String::from('\u{feff}');
    for r in rows {
        out.push_str(&row(r, sep));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_formula_after_spaces_or_hidden_characters_is_still_neutralised() {
        let sep = Separator::Semicolon;
        assert_eq!(cell("=1+1", sep), "'=1+1");
        assert_eq!(cell("   =HYPERLINK(\"x\")", sep), "\"'   =HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell(" \u{a0}+31 6", sep), "' \u{a0}+31 6");
        assert_eq!(cell("  @SUM(A1)", sep), "'  @SUM(A1)");
        assert_eq!(cell(" \t-2", sep), "' \t-2");
        assert_eq!(cell("\u{0}=1", sep), "'=1");
        assert_eq!(cell("Eigen regie - ook thuis", sep), "Eigen regie - ook thuis");
    }

    #[test]
    fn hidden_control_characters_and_direction_overrides_are_dropped() {
        let sep = Separator::Comma;
        assert_eq!(cell("Zorg\u{202e} dichtbij\u{0}\u{7}", sep), "Zorg dichtbij");
        assert_eq!(cell("a\u{2066}b\u{2069}", sep), "ab");
        // Line breaks stay, quoted.
        assert_eq!(cell("twee\nregels", sep), "\"twee\nregels\"");
    }
}
