//! Markdown that user text cannot break: escaping for running text and table cells, and the
//! tables themselves. Every Markdown export (the charter, the yardstick, the congruence check,
//! the doorfluister-check, the version comparison) writes user text through these.

/// One line of visible text: hidden control characters and direction overrides dropped (they
/// could hide or reorder what is read), every run of white space one space.
fn flat(text: &str) -> String {
    let visible: String = text.chars().filter(|c| !crate::workshop::limits::is_hidden(*c)).collect();
    visible.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// User text for running Markdown: one line (newlines and tabs become spaces), and every
/// character Markdown or HTML could read as syntax is escaped with a backslash, so a card can
/// never become a link, an image, raw HTML, a heading, a list or a table cell break.
pub fn md(text: &str) -> String {
    let flat = flat(text);
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
    let flat = flat(text);
    if matches!(flat.chars().next(), Some('=' | '+' | '-' | '@')) {
        format!("'{}", md(&flat))
    } else {
        md(&flat)
    }
}

/// How a table column is aligned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// A table's header row and its alignment row: `| a | b |\n|---|--:|\n`. The headers are the
/// app's own texts, written as they are.
pub fn table_head(columns: &[(&str, Align)]) -> String {
    let mut out = table_row(columns.iter().map(|c| c.0));
    out.push('|');
    for (_, align) in columns {
        out.push_str(match align {
            Align::Left => "---|",
            Align::Right => "--:|",
        });
    }
    out.push('\n');
    out
}

/// One table row, `| a | b |\n`. Cells must already be safe: user text through [`md_cell`].
pub fn table_row<S: AsRef<str>>(cells: impl IntoIterator<Item = S>) -> String {
    let mut out = String::from("|");
    for c in cells {
        out.push(' ');
        out.push_str(c.as_ref());
        out.push_str(" |");
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_has_its_header_alignment_and_rows() {
        let head = table_head(&[("Optie", Align::Left), ("Score", Align::Right)]);
        assert_eq!(head, "| Optie | Score |\n|---|--:|\n");
        assert_eq!(table_row([md_cell("=1+1"), "3".to_string()]), "| '\\=1+1 | 3 |\n");
        assert_eq!(table_row([md_cell("a | b")]), "| a \\| b |\n");
    }

    #[test]
    fn hidden_characters_never_reach_markdown() {
        assert_eq!(md("Zorg\u{202e} dichtbij\u{0}"), "Zorg dichtbij");
        assert_eq!(md_cell("\u{2067} =1+1"), "'\\=1+1");
        assert_eq!(md("\u{1b}[31mrood"), "\\[31mrood");
    }
}
