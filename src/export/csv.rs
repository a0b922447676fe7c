//! CSV writing that a spreadsheet cannot be tricked by.
//!
//! Two dangers: a cell that *starts* with `=`, `+`, `-`, `@`, a tab or a carriage return is run as
//! a formula by Excel, LibreOffice and Google Sheets (OWASP "CSV injection"); and a cell with the
//! separator, a quote or a line break would split the row. The first is neutralised with a leading
//! apostrophe (the cell then shows as text), the second with RFC 4180 quoting.

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
    if matches!(text.chars().next(), Some('=' | '+' | '-' | '@' | '\t' | '\r')) {
        value.push('\'');
    }
    value.push_str(text);
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
