//! A poster per principle (the method's Haarlem example: the principles on the office wall).
//! [`posters`] gives the content, shown and printed as HTML by the after-the-charter page;
//! [`poster_svg`] writes one poster as an SVG file, built as text: every user text goes through
//! [`xml`], so anything typed stays text in the file, never markup.

use std::fmt::Write;

use crate::i18n::{HomeText, Lang};
use crate::workshop::Workshop;

/// One poster: one principle, with what it means and why, and where it comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Poster {
    /// 1-based place in the set.
    pub number: usize,
    pub title: String,
    pub meaning: String,
    /// Why it exists, in full (the policy theory's assumption): the poster has room for it.
    pub why: String,
    /// The outcome it serves; empty when none is named.
    pub serves: String,
    /// The workshop's name (its title, or the organisation's plain default).
    pub workshop: String,
    /// Readable date of the workshop ("12 maart 2026"); empty when not filled in.
    pub date: String,
}

/// The posters of a workshop, one per principle, in set order.
pub fn posters(w: &Workshop, lang: Lang) -> Vec<Poster> {
    // Not through the charter (`Charter::of`): its page-fitting code would come along into the
    // after-the-charter page, which only needs the title and the date.
    let title = title_or_default(w, lang);
    let organisation = w.setup.organisation.trim();
    let workshop = if organisation.is_empty() { title } else { format!("{title} · {organisation}") };
    let date = crate::export::date::date(&w.setup.date, lang);
    w.principles
        .iter()
        .enumerate()
        .map(|(i, p)| Poster {
            number: i + 1,
            title: p.title.clone(),
            meaning: p.text.meaning.trim().to_string(),
            why: p.text.assumption.trim().to_string(),
            serves: super::served_outcome(w, p),
            workshop: workshop.clone(),
            date: date.clone(),
        })
        .collect()
}

/// The workshop's title, or the plain default when it has none.
pub fn title_or_default(w: &Workshop, lang: Lang) -> String {
    let title = w.setup.title.trim();
    if title.is_empty() {
        HomeText::Untitled.get(lang).to_string()
    } else {
        title.to_string()
    }
}

/// Text made safe for XML: the five special characters escaped, and the control characters
/// XML 1.0 does not allow dropped (tab and line breaks become spaces).
pub fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

/// `text` in lines of at most `width` characters, broken between words; a word longer than a
/// line (a URL) is broken inside itself, so nothing runs off the poster.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        while word.len() > width {
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            lines.push(word.drain(..width).collect());
        }
        let word: String = word.into_iter().collect();
        let len = line.chars().count();
        if len > 0 && len + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

// Lengths on the poster are whole tenths of a millimetre (the viewBox is 2100 by 2970): whole
// numbers keep float formatting, which is large in WebAssembly, out of the page.

/// Width of the text on the poster (A4, 20 mm margins), in tenths of a millimetre.
const TEXT_WIDTH: usize = 1700;
/// Average character width as a percentage of the type size (generous, as on the charter).
const CHAR_PERCENT: usize = 55;

/// Lines of `text` at a type size (in tenths of a millimetre).
fn lines_at(text: &str, size: usize) -> Vec<String> {
    wrap(text, TEXT_WIDTH * 100 / (size.max(1) * CHAR_PERCENT))
}

/// The largest of `sizes` at which `text` takes at most `max_lines`, else the smallest.
fn fitting(text: &str, sizes: &[usize], max_lines: usize) -> (usize, Vec<String>) {
    let smallest = sizes.last().copied().unwrap_or(50);
    sizes
        .iter()
        .map(|&s| (s, lines_at(text, s)))
        .find(|(_, l)| l.len() <= max_lines)
        .unwrap_or_else(|| (smallest, lines_at(text, smallest)))
}

/// One poster as an SVG file (A4 portrait): the title large, then what it means, why, and the
/// outcome it serves, with the workshop's name and date at the foot.
pub fn poster_svg(p: &Poster, lang: Lang) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail; the results are ignored on purpose.
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"210mm\" height=\"297mm\" viewBox=\"0 0 2100 2970\" \
         font-family=\"Liberation Sans, Arial, Helvetica, sans-serif\" lang=\"{}\">\n<title>{}</title>\n\
         <rect width=\"2100\" height=\"2970\" fill=\"#ffffff\"/>\n<rect width=\"80\" height=\"2970\" fill=\"#1f4e79\"/>\n",
        lang.code(),
        xml(&p.title)
    );
    let mut y = 300;
    let _ = writeln!(
        out,
        "<text x=\"200\" y=\"{y}\" font-size=\"90\" font-weight=\"700\" fill=\"#1f4e79\">{}</text>",
        p.number
    );
    y += 80;
    let (size, title) = fitting(&p.title, &[180, 150, 120, 100], 4);
    y = text_block(&mut out, &title, y + size, size, "800", "#111418");
    let parts = [
        (HomeText::PosterMeaning, &p.meaning, [80, 70, 60]),
        (HomeText::PosterWhy, &p.why, [70, 60, 50]),
        (HomeText::ServesOnPoster, &p.serves, [60, 55, 50]),
    ];
    for (label, text, sizes) in parts {
        if text.is_empty() {
            continue;
        }
        y += 100;
        let _ = writeln!(
            out,
            "<text x=\"200\" y=\"{y}\" font-size=\"50\" font-weight=\"700\" fill=\"#1f4e79\">{}</text>",
            xml(label.get(lang))
        );
        let (size, lines) = fitting(text, &sizes, 7);
        y = text_block(&mut out, &lines, y + size * 13 / 10, size, "400", "#111418");
    }
    let foot = if p.date.is_empty() { p.workshop.clone() } else { format!("{} · {}", p.workshop, p.date) };
    let foot_lines = lines_at(&foot, 45);
    let top = 2800 - 58 * foot_lines.len().saturating_sub(1);
    let _ = writeln!(out, "<rect x=\"200\" y=\"{}\" width=\"1700\" height=\"4\" fill=\"#9aa3ae\"/>", top - 70);
    text_block(&mut out, &foot_lines, top, 45, "400", "#3d4550");
    out.push_str("</svg>\n");
    out
}

/// Writes lines of text from baseline `y`; returns the baseline of the last line.
fn text_block(out: &mut String, lines: &[String], y: usize, size: usize, weight: &str, fill: &str) -> usize {
    let mut at = y;
    for (i, l) in lines.iter().enumerate() {
        if i > 0 {
            at += size * 13 / 10;
        }
        let _ = writeln!(
            out,
            "<text x=\"200\" y=\"{at}\" font-size=\"{size}\" font-weight=\"{weight}\" fill=\"{fill}\">{}</text>",
            xml(l)
        );
    }
    at
}

/// The file name of a poster: `poster-3-slug-of-the-title.svg`.
pub fn poster_file_name(p: &Poster) -> String {
    crate::export::name::file_name(&format!("poster-{}", p.number), &p.title, "svg")
}
