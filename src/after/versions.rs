//! Versions of the charter (1.0, 2.0 ...): what changed between two of them.

use crate::export::date::date;
use crate::export::markdown::md;
use crate::i18n::principle_kind as kind_label;
use crate::i18n::{AfterText, Lang, Text};
use crate::workshop::{Id, PrincipleSnapshot, Workshop};

/// One side of a comparison: a saved version or the set as it is now.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum VersionRef {
    Current,
    Saved(Id),
}

impl VersionRef {
    /// The principles on this side, with a display name; `None` for a version that is gone.
    pub fn resolve(&self, w: &Workshop, lang: Lang) -> Option<(String, Vec<PrincipleSnapshot>)> {
        match self {
            VersionRef::Current => Some((AfterText::CurrentSet.get(lang).to_string(), snapshot(w))),
            VersionRef::Saved(id) => w.after.versions.iter().find(|v| &v.id == id).map(|v| {
                let name = if v.date.trim().is_empty() {
                    v.name.clone()
                } else {
                    format!("{} ({})", v.name, date(&v.date, lang))
                };
                (name, v.principles.clone())
            }),
        }
    }
}

/// The current set as a version would save it.
pub fn snapshot(w: &Workshop) -> Vec<PrincipleSnapshot> {
    w.principles
        .iter()
        .map(|p| PrincipleSnapshot {
            id: p.id.clone(),
            title: p.title.clone(),
            meaning: p.text.meaning.clone(),
            kind: p.kind,
        })
        .collect()
}

/// A principle in both versions whose words changed.
#[derive(Clone, Debug, PartialEq)]
pub struct Reworded {
    pub before: PrincipleSnapshot,
    pub after: PrincipleSnapshot,
    pub title_changed: bool,
    pub meaning_changed: bool,
    pub kind_changed: bool,
}

/// What changed from `a` (earlier) to `b` (later). Principles are matched by id, so a reworded
/// principle is told apart from one removed and another added.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct VersionDiff {
    /// In `b` only, in `b`'s order.
    pub added: Vec<PrincipleSnapshot>,
    /// In `a` only, in `a`'s order.
    pub removed: Vec<PrincipleSnapshot>,
    /// In both with another title, meaning or type, in `b`'s order.
    pub reworded: Vec<Reworded>,
    /// In both, the same (spaces at the ends do not count), in `b`'s order.
    pub unchanged: Vec<PrincipleSnapshot>,
}

impl VersionDiff {
    /// True when nothing was added, removed or reworded.
    pub fn is_same(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.reworded.is_empty()
    }
}

/// Compares two versions.
pub fn compare(a: &[PrincipleSnapshot], b: &[PrincipleSnapshot]) -> VersionDiff {
    let mut d = VersionDiff::default();
    for old in a {
        if !b.iter().any(|p| p.id == old.id) {
            d.removed.push(old.clone());
        }
    }
    for new in b {
        match a.iter().find(|p| p.id == new.id) {
            None => d.added.push(new.clone()),
            Some(old) => {
                let title_changed = old.title.trim() != new.title.trim();
                let meaning_changed = old.meaning.trim() != new.meaning.trim();
                let kind_changed = old.kind != new.kind;
                if title_changed || meaning_changed || kind_changed {
                    d.reworded.push(Reworded {
                        before: old.clone(),
                        after: new.clone(),
                        title_changed,
                        meaning_changed,
                        kind_changed,
                    });
                } else {
                    d.unchanged.push(new.clone());
                }
            }
        }
    }
    d
}

/// The comparison as Markdown, for the council or the 2.0 publication.
pub fn compare_markdown(d: &VersionDiff, a_name: &str, b_name: &str, lang: Lang) -> String {
    let t = |k: &dyn Text| k.text(lang);
    let mut out = format!("# {}: {} → {}\n", t(&AfterText::VersionsTitle), md(a_name), md(b_name));
    let line = |p: &PrincipleSnapshot| {
        if p.meaning.trim().is_empty() {
            format!("- **{}**\n", md(&p.title))
        } else {
            format!("- **{}**: {}\n", md(&p.title), md(&p.meaning))
        }
    };
    for (key, list) in [(AfterText::Added, &d.added), (AfterText::Removed, &d.removed)] {
        out.push_str(&format!("\n## {} ({})\n\n", t(&key), list.len()));
        if list.is_empty() {
            out.push_str(&format!("{}\n", t(&AfterText::NoneHere)));
        }
        for p in list {
            out.push_str(&line(p));
        }
    }
    out.push_str(&format!("\n## {} ({})\n\n", t(&AfterText::Reworded), d.reworded.len()));
    if d.reworded.is_empty() {
        out.push_str(&format!("{}\n", t(&AfterText::NoneHere)));
    }
    for r in &d.reworded {
        out.push_str(&format!("- **{}**\n", md(&r.after.title)));
        if r.title_changed {
            out.push_str(&format!(
                "  - {} {}: {}\n",
                t(&AfterText::Principle),
                t(&AfterText::Was),
                md(&r.before.title)
            ));
        }
        if r.meaning_changed {
            out.push_str(&format!(
                "  - {} {}: {}\n",
                t(&AfterText::Meaning),
                t(&AfterText::Was),
                md(&r.before.meaning)
            ));
            out.push_str(&format!("  - {} {}: {}\n", t(&AfterText::Meaning), t(&AfterText::Now), md(&r.after.meaning)));
        }
        if r.kind_changed {
            out.push_str(&format!(
                "  - {}: {} → {}\n",
                t(&AfterText::Kind),
                kind_label(r.before.kind, lang),
                kind_label(r.after.kind, lang)
            ));
        }
    }
    out.push_str(&format!("\n## {} ({})\n\n", t(&AfterText::Unchanged), d.unchanged.len()));
    if d.unchanged.is_empty() {
        out.push_str(&format!("{}\n", t(&AfterText::NoneHere)));
    }
    for p in &d.unchanged {
        out.push_str(&line(p));
    }
    out
}

/// `yyyy-mm-dd` one year later (29 February becomes 28 February); `None` for other text.
pub fn one_year_after(day: &str) -> Option<String> {
    let parts: Vec<&str> = day.trim().split('-').collect();
    let [y, m, d] = parts.as_slice() else { return None };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (y, m, d): (u32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) || y >= 9999 {
        return None;
    }
    let y2 = y + 1;
    let leap = (y2 % 4 == 0 && y2 % 100 != 0) || y2 % 400 == 0;
    let d2 = if m == 2 && d == 29 && !leap { 28 } else { d };
    Some(format!("{y2:04}-{m:02}-{d2:02}"))
}

/// The line the charter shows for the planned evaluation ("Evaluatie gepland op 12 maart 2027"),
/// or `None` when no date is planned.
pub fn evaluation_line(w: &Workshop, lang: Lang) -> Option<String> {
    let d = w.after.evaluation_date.trim();
    (!d.is_empty()).then(|| format!("{} {}", AfterText::EvaluationOn.get(lang), date(d, lang)))
}
