//! The charter (*charter*): the chosen set on one A4 page, as plain data, plus the Markdown
//! export. No browser here: the view (`ui::charter`) renders [`Charter`] as text nodes, so
//! nothing a user typed can become HTML.
//!
//! One page, always: every text on the charter has a limit (`workshop::limits`), the lists are
//! capped ([`MAX_TENSIONS`], [`MAX_OUTCOMES`], [`MAX_GROUPS`]), and [`Charter::density`]
//! estimates the height at each type size and picks the largest that fits. The view checks the
//! real height in the browser and steps down further if the estimate was too hopeful.

mod markdown;
pub mod poster;
pub mod residents;

pub use markdown::to_markdown;

use crate::i18n::{CharterText, ChooseText, Lang};
use crate::workshop::{limits, PrincipleKind, Workshop};

/// Most tensions shown on the page (those with a priority first); all are in the Markdown.
pub const MAX_TENSIONS: usize = 5;
/// Most outcomes shown on the page.
pub const MAX_OUTCOMES: usize = 8;
/// Most group names shown on the page.
pub const MAX_GROUPS: usize = 12;
/// Density steps: 0 is the largest type; [`COMPACT`] also leaves out the tension notes.
pub const DENSITIES: u8 = 6;
/// The last step: smallest type (8 pt) and tension notes left out (they stay in the Markdown).
pub const COMPACT: u8 = DENSITIES - 1;

/// How the size of the set compares with the method's advice of five to eight.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SetSize {
    TooFew,
    Good,
    TooMany,
}

impl SetSize {
    /// The verdict for a number of principles.
    pub fn of(n: usize) -> SetSize {
        if n < limits::SET_MIN {
            SetSize::TooFew
        } else if n > limits::SET_MAX {
            SetSize::TooMany
        } else {
            SetSize::Good
        }
    }
}

/// The status line about the set's size, in plain words, with the method's reason.
pub fn set_status(n: usize, lang: Lang) -> String {
    let count = match n {
        0 => ChooseText::NoPrinciplesYet.get(lang).to_string(),
        n => crate::i18n::principles(n, lang),
    };
    let verdict = match SetSize::of(n) {
        SetSize::Good => ChooseText::SetGood,
        SetSize::TooFew => ChooseText::SetTooFew,
        SetSize::TooMany => ChooseText::SetTooMany,
    };
    format!("{count}: {}", verdict.get(lang))
}

/// One principle as the charter shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CharterPrinciple {
    /// 1-based place in the set.
    pub number: usize,
    pub title: String,
    pub meaning: String,
    /// "Doel van de verandering" or "Waarde".
    pub kind: &'static str,
    /// Why it exists, from the policy theory (the assumption): the charter is where the why has
    /// to travel. Shortened (see [`SHORTEN`]) only when the page cannot hold it; the full text
    /// is in the Markdown and on the posters. Empty when not filled in, or left out.
    pub why: String,
    /// The outcome it serves (*maatschappelijk resultaat*), shortened like the why; empty when
    /// none is named.
    pub serves: String,
}

/// A tension as the charter shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CharterTension {
    pub a: String,
    pub b: String,
    /// The title of the principle that goes first, if chosen.
    pub first: Option<String>,
    pub note: String,
}

/// The charter as data: what the printed page holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Charter {
    pub title: String,
    pub organisation: String,
    /// Readable date ("12 maart 2026").
    pub date: String,
    pub principles: Vec<CharterPrinciple>,
    /// The outcomes the principles serve (all outcomes when no principle names one).
    pub outcomes: Vec<String>,
    pub outcomes_more: usize,
    /// The top tensions: those with a priority first, in the order they were recorded.
    pub tensions: Vec<CharterTension>,
    pub tensions_more: usize,
    /// Who took part: the groups at the table.
    pub groups: Vec<String>,
    pub groups_more: usize,
    pub size: SetSize,
    /// Not (validly) declared final yet: marked "Concept" on the page.
    pub draft: bool,
    /// Why the set is final although outside five to eight.
    pub reason: Option<String>,
    /// "Evaluatie gepland op 12 maart 2027" (Vlissingen evaluates after a year).
    pub evaluation: Option<String>,
    /// Once the college or the council adopted the finished set: "Vastgesteld door het college
    /// op 12 maart 2027 (kenmerk 2027/123)." in place of the line that it still has to be.
    pub adopted: Option<String>,
    /// More than eight principles and no room for every why: the whys are left out and the
    /// page says where they are (the Markdown and the posters).
    pub whys_left_out: bool,
}

/// A part of the printed page, top to bottom.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// Organisation, title, date, and the draft mark or reason.
    Header,
    /// The principles.
    Principles,
    /// The outcomes.
    Outcomes,
    /// The tensions.
    Tensions,
    /// Who took part (the groups at the table).
    Participants,
}

impl Part {
    /// Every part, top to bottom.
    pub const ALL: [Part; 5] = [Part::Header, Part::Principles, Part::Outcomes, Part::Tensions, Part::Participants];

    /// A stable name (the page's `data-part`, which the view measures by).
    pub fn key(self) -> &'static str {
        match self {
            Part::Header => "header",
            Part::Principles => "principles",
            Part::Outcomes => "outcomes",
            Part::Tensions => "tensions",
            Part::Participants => "participants",
        }
    }
}

/// How the charter fits one page (see [`Charter::fit`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fit {
    /// The density step to print at.
    pub density: u8,
    /// The parts that do not fit even at the smallest type, top to bottom; empty when all fit.
    pub cut: Vec<Part>,
}

/// "Vastgesteld door het college op 12 maart 2027 (kenmerk 2027/123).": who adopted the set,
/// when, and the decision's reference when there is one; `None` until it is adopted.
pub fn adoption_line(w: &Workshop, lang: Lang) -> Option<String> {
    let a = &w.after.adoption;
    let (by, on) = a.adopted()?;
    let text = match by {
        crate::workshop::Adopter::College => CharterText::AdoptedByCollege,
        crate::workshop::Adopter::Council => CharterText::AdoptedByCouncil,
    };
    let reference = if a.reference.is_empty() {
        String::new()
    } else {
        format!(" ({} {})", CharterText::Reference.get(lang), a.reference)
    };
    Some(text.get(lang).replace("{date}", &crate::export::date::date(on, lang)).replace("{reference}", &reference))
}

/// The name of a principle type.
pub fn kind_label(kind: PrincipleKind, lang: Lang) -> &'static str {
    crate::i18n::principle_kind(kind, lang)
}

impl Charter {
    /// The charter of a workshop, in a language.
    pub fn of(w: &Workshop, lang: Lang) -> Charter {
        let s = &w.setup;
        let title = if s.title.trim().is_empty() {
            CharterText::CharterUntitled.get(lang).to_string()
        } else {
            s.title.clone()
        };
        let principles = w
            .principles
            .iter()
            .enumerate()
            .map(|(i, p)| CharterPrinciple {
                number: i + 1,
                title: p.title.clone(),
                meaning: p.text.meaning.clone(),
                kind: kind_label(p.kind, lang),
                why: p.text.assumption.trim().to_string(),
                serves: served_outcome(w, p),
            })
            .collect();

        let served: Vec<String> = s
            .outcomes
            .iter()
            .filter(|o| w.principles.iter().any(|p| p.outcome.as_ref() == Some(&o.id)))
            .map(|o| o.text.clone())
            .collect();
        let all_outcomes = if served.is_empty() { s.outcomes.iter().map(|o| o.text.clone()).collect() } else { served };
        // A set larger than eight (finalised with a reason) leaves less room for the rest.
        let big = w.principles.len() > limits::SET_MAX;
        let (outcomes, outcomes_more) = capped(all_outcomes, if big { MAX_OUTCOMES / 2 } else { MAX_OUTCOMES });

        let title_of = |id: &crate::workshop::Id| {
            w.principles.iter().find(|p| &p.id == id).map(|p| p.title.clone()).unwrap_or_default()
        };
        let mut ordered: Vec<_> = w.tensions.iter().filter(|t| t.priority.is_some()).collect();
        ordered.extend(w.tensions.iter().filter(|t| t.priority.is_none()));
        let all_tensions: Vec<CharterTension> = ordered
            .into_iter()
            .map(|t| CharterTension {
                a: title_of(&t.a),
                b: title_of(&t.b),
                first: t.priority.as_ref().map(&title_of),
                note: t.note.clone(),
            })
            .collect();
        let (tensions, tensions_more) = capped(all_tensions, if big { MAX_TENSIONS - 2 } else { MAX_TENSIONS });
        let (groups, groups_more) = capped(s.groups.iter().map(|g| g.name.clone()).collect(), MAX_GROUPS);

        let size = SetSize::of(w.principles.len());
        let reason = final_reason(w);
        let draft = is_draft(w);
        let mut charter = Charter {
            title,
            organisation: s.organisation.clone(),
            date: crate::export::date::date(&s.date, lang),
            evaluation: crate::after::evaluation_line(w, lang),
            principles,
            outcomes,
            outcomes_more,
            tensions,
            tensions_more,
            groups,
            groups_more,
            size,
            draft,
            reason: if size == SetSize::Good { None } else { reason },
            adopted: if draft { None } else { adoption_line(w, lang) },
            whys_left_out: false,
        };
        // The whys and outcomes in full when the page holds them; else shortened, a step at a
        // time, at a word and marked "…" (the full texts are in the Markdown and on the posters).
        let full: Vec<(String, String)> =
            charter.principles.iter().map(|p| (p.why.clone(), p.serves.clone())).collect();
        for (why, serves) in SHORTEN {
            for (p, (w, o)) in charter.principles.iter_mut().zip(&full) {
                p.why = clip(w, why);
                p.serves = clip(o, serves);
            }
            if charter.fit().cut.is_empty() {
                return charter;
            }
        }
        // Above eight the page may not hold every why: then it leaves them all out (not some,
        // which would look like some principles have none) and says where they are.
        if big && charter.principles.iter().any(|p| !p.why.is_empty()) {
            charter.principles.iter_mut().for_each(|p| p.why.clear());
            charter.whys_left_out = true;
        }
        // Still too much: the outcomes go back to a short list of their own, named once each.
        if big && !charter.fit().cut.is_empty() {
            charter.principles.iter_mut().for_each(|p| p.serves.clear());
        }
        charter
    }

    /// Whether the outcomes get a section of their own: only when no principle shows the
    /// outcome it serves (otherwise each outcome is already on the page, with its principle).
    pub fn outcomes_apart(&self) -> bool {
        !self.outcomes.is_empty() && self.principles.iter().all(|p| p.serves.is_empty())
    }

    /// The largest type (lowest step) whose estimated height fits one A4 page.
    pub fn density(&self) -> u8 {
        self.fit().density
    }

    /// How the charter fits one page: the largest type whose estimated height fits, or, when
    /// even the smallest does not, the smallest type and the parts that fall off the page (in
    /// page order), so the screen can say what to shorten instead of cutting silently.
    pub fn fit(&self) -> Fit {
        let room = PAGE_HEIGHT_MM * 0.94;
        if let Some(density) = (0..DENSITIES).find(|&d| self.estimated_height(d) <= room) {
            return Fit { density, cut: Vec::new() };
        }
        let mut bottom = 0.0;
        let mut cut = Vec::new();
        for (part, h) in self.parts(COMPACT) {
            bottom += h;
            if bottom > room && h > 0.0 {
                cut.push(part);
            }
        }
        Fit { density: COMPACT, cut }
    }

    /// A careful estimate of the charter's height in millimetres at a density step, using the
    /// same sizes as `styles/charter.css` and a generous character width.
    pub fn estimated_height(&self, density: u8) -> f64 {
        self.parts(density).iter().map(|(_, h)| h).sum()
    }

    /// The estimated height of each part of the page, top to bottom, at a density step.
    fn parts(&self, density: u8) -> [(Part, f64); 5] {
        let step = usize::from(density.min(COMPACT));
        let pt = FONT_PT[step];
        let lh = LINE_HEIGHT[step];
        let cols = principle_columns(self.principles.len());
        let gap = 4.0;
        let col_w = (PAGE_WIDTH_MM - gap * (cols as f64 - 1.0)) / cols as f64;
        let half_w = (PAGE_WIDTH_MM - gap) / 2.0;
        let mut h = 0.0;
        let mut parts = [
            (Part::Header, 0.0),
            (Part::Principles, 0.0),
            (Part::Outcomes, 0.0),
            (Part::Tensions, 0.0),
            (Part::Participants, 0.0),
        ];
        // Header: organisation, title (1.6em bold), date, evaluation date.
        h += block(&self.organisation, PAGE_WIDTH_MM, small(pt, 0.9), lh, false) + 1.0;
        h += block(&self.title, PAGE_WIDTH_MM, pt * 1.6, 1.15, true) + 1.0;
        h += block(&self.date, PAGE_WIDTH_MM, small(pt, 0.9), lh, false) + 3.0;
        if let Some(e) = &self.evaluation {
            h += block(e, PAGE_WIDTH_MM, small(pt, 0.9), lh, false);
        }
        // Always one status line: the draft mark, or who still has to adopt the finished set.
        let reason = self.reason.as_deref().unwrap_or("");
        let status = self.adopted.clone().unwrap_or_else(|| "x".repeat(80));
        h += block(&format!("{status} {reason}"), PAGE_WIDTH_MM - 6.0, pt, lh, false) + 4.0;
        parts[0].1 = std::mem::take(&mut h);
        // Principles, in a grid.
        h += heading(pt, lh);
        let cells: Vec<f64> = self
            .principles
            .iter()
            .map(|p| {
                let label = "x".repeat(11);
                // The type follows the title on its line, in small capitals.
                block(&format!("{} {}", p.title, "x".repeat(p.kind.chars().count())), col_w - 9.0, pt * 1.1, 1.2, true)
                    + block(&p.meaning, col_w - 9.0, pt, lh, false)
                    + if p.why.is_empty() {
                        0.0
                    } else {
                        block(&format!("{label} {}", p.why), col_w - 9.0, small(pt, 0.9), lh, false) + 0.3
                    }
                    + if p.serves.is_empty() {
                        0.0
                    } else {
                        block(&format!("{label} {}", p.serves), col_w - 9.0, small(pt, 0.9), lh, false) + 0.3
                    }
                    + 3.5
            })
            .collect();
        h += cells.chunks(cols).map(|row| row.iter().cloned().fold(0.0, f64::max) + 2.5).sum::<f64>();
        parts[1].1 = std::mem::take(&mut h);
        // Outcomes, two columns.
        if self.outcomes_apart() {
            h += heading(pt, lh);
            let items: Vec<f64> = self.outcomes.iter().map(|o| block(o, half_w - 5.0, pt, lh, false) + 1.0).collect();
            h += items.chunks(2).map(|r| r.iter().cloned().fold(0.0, f64::max)).sum::<f64>();
            if self.outcomes_more > 0 {
                h += line(pt, lh);
            }
        }
        parts[2].1 = std::mem::take(&mut h);
        // Tensions, full width.
        if !self.tensions.is_empty() {
            h += heading(pt, lh);
            for t in &self.tensions {
                let first = t.first.as_deref().unwrap_or("");
                let head = format!("{} ↔ {} — {} {first}", t.a, t.b, "x".repeat(12));
                h += block(&head, PAGE_WIDTH_MM - 4.0, pt, lh, true);
                if step < usize::from(COMPACT) && !t.note.is_empty() {
                    h += block(&t.note, PAGE_WIDTH_MM - 4.0, small(pt, 0.95), lh, false);
                }
                h += 1.2;
            }
            if self.tensions_more > 0 {
                h += line(pt, lh);
            }
        }
        parts[3].1 = std::mem::take(&mut h);
        // Who took part, one paragraph.
        if !self.groups.is_empty() {
            let groups = self.groups.join(", ");
            let text = format!("{} {groups} {}", "x".repeat(22), "x".repeat(20));
            parts[4].1 = 2.0 + block(&text, PAGE_WIDTH_MM, small(pt, 0.9), lh, false);
        }
        parts
    }
}

/// The printable area of the sheet (A4 minus 12 mm margins left/right, 11 mm top/bottom).
pub const PAGE_WIDTH_MM: f64 = 186.0;
pub const PAGE_HEIGHT_MM: f64 = 275.0;
/// The base type size of each density step, in points (kept in step with `styles/charter.css`).
pub const FONT_PT: [f64; DENSITIES as usize] = [11.0, 10.0, 9.25, 8.5, 8.0, 8.0];
/// The line height of each step.
pub const LINE_HEIGHT: [f64; DENSITIES as usize] = [1.35, 1.3, 1.28, 1.25, 1.2, 1.2];

/// Principles sit in two columns; a set larger than eight (finalised with a reason) in three.
pub fn principle_columns(n: usize) -> usize {
    if n > limits::SET_MAX {
        3
    } else {
        2
    }
}

const MM_PER_PT: f64 = 0.3528;
/// Average character width as a share of the type size, for Dutch text in Arial or Liberation
/// Sans (calibrated against Chromium: the estimate stays above the measured height).
const CHAR_EM: f64 = 0.47;

/// The smallest type on the page, in points: below it the charter is no longer readable.
pub const MIN_PT: f64 = 8.0;

/// A smaller type (a share of the base), never below [`MIN_PT`] (the CSS says `max(…, 8pt)`).
fn small(pt: f64, share: f64) -> f64 {
    (pt * share).max(MIN_PT)
}

fn line(pt: f64, lh: f64) -> f64 {
    pt * lh * MM_PER_PT
}

fn heading(pt: f64, lh: f64) -> f64 {
    line(pt * 1.15, lh) + 2.5
}

fn block(text: &str, width_mm: f64, pt: f64, lh: f64, bold: bool) -> f64 {
    if text.is_empty() {
        return 0.0;
    }
    // In average characters: a capital or a wide character (emoji, Chinese) counts for more.
    let chars: f64 = text.chars().map(width).sum();
    let char_mm = pt * MM_PER_PT * CHAR_EM * if bold { 1.08 } else { 1.0 };
    let per_line = (width_mm / char_mm).floor().max(1.0);
    // Words wrap, not characters: allow for the ragged right edge.
    let lines = (chars / (per_line * 0.95)).ceil();
    lines * line(pt, lh)
}

/// A character's width in average characters ([`CHAR_EM`]): capitals and a few wide letters
/// are half as wide again, emoji and East Asian characters (a full em, or more) two and a half.
fn width(c: char) -> f64 {
    match c {
        'A'..='Z' | 'm' | 'w' | '@' | '%' => 1.5,
        '\u{1100}'..='\u{115f}'
        | '\u{2e80}'..='\u{a4cf}'
        | '\u{ac00}'..='\u{d7a3}'
        | '\u{f900}'..='\u{faff}'
        | '\u{fe30}'..='\u{fe4f}'
        | '\u{ff00}'..='\u{ff60}'
        | '\u{ffe0}'..='\u{ffe6}'
        | '\u{2600}'..='\u{27bf}'
        | '\u{1f000}'..='\u{1faff}'
        | '\u{20000}'..='\u{3fffd}' => 2.6,
        _ => 1.0,
    }
}

/// How far the whys and the outcomes on the principles may be shortened, in characters, step
/// by step until the page fits: first the whys (to about one line in a column at the smallest
/// type), then the outcomes. `usize::MAX` is the full text.
pub const SHORTEN: [(usize, usize); 6] = [
    (usize::MAX, usize::MAX),
    (160, usize::MAX),
    (100, usize::MAX),
    (WHY_CHARS, usize::MAX),
    (WHY_CHARS, 100),
    (WHY_CHARS, 60),
];

/// The shortest a why gets on the charter: about one line in a column at the smallest type.
pub const WHY_CHARS: usize = 50;

/// `text` cut to at most `max` characters at a word, with "…" when anything was cut. A single
/// word longer than `max` (a URL) is cut inside the word.
pub fn clip(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_string();
    }
    let head: String = text.chars().take(max.saturating_sub(1)).collect();
    let cut = match head.rfind(char::is_whitespace) {
        Some(i) if i > head.len() / 2 => head[..i].trim_end(),
        _ => head.as_str(),
    };
    format!("{cut}…")
}

/// Why the set was declared final although outside five to eight, if a reason was given.
fn final_reason(w: &Workshop) -> Option<String> {
    w.finalised.as_ref().and_then(|f| f.reason.clone()).filter(|r| !r.trim().is_empty())
}

/// Whether the set is still a draft: not declared final, or outside five to eight without a
/// reason.
pub fn is_draft(w: &Workshop) -> bool {
    w.finalised.is_none() || (SetSize::of(w.principles.len()) != SetSize::Good && final_reason(w).is_none())
}

/// The text of the outcome a principle serves; empty when it names none.
pub fn served_outcome(w: &Workshop, p: &crate::workshop::Principle) -> String {
    let outcome = p.outcome.as_ref().and_then(|o| w.setup.outcomes.iter().find(|x| &x.id == o));
    outcome.map(|o| o.text.clone()).unwrap_or_default()
}

fn capped<T>(mut items: Vec<T>, max: usize) -> (Vec<T>, usize) {
    let more = items.len().saturating_sub(max);
    items.truncate(max);
    (items, more)
}
