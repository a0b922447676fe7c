//! The yardstick (*meetlat*): options weighed against every principle, as Ede did with its
//! budget-cut options. A summary per option, sorting keys, and exports.

use std::cmp::Ordering;

use crate::export::csv::{self, Separator};
use crate::export::markdown::{md, md_cell, table_head, table_row, Align};
use crate::i18n::{AfterText, Lang, Text};
use crate::workshop::{Assessment, BudgetOption, Id, Verdict, Workshop};

/// What the verdicts on one option add up to.
#[derive(Clone, Debug, PartialEq)]
pub struct OptionSummary {
    pub option: Id,
    /// Place in the order of entry (0-based), the default sort.
    pub order: usize,
    pub title: String,
    pub description: String,
    pub amount: String,
    /// The amount read as a number (`€ 250.000` = 250000, `1,5 fte` = 1.5), for sorting.
    pub amount_value: Option<f64>,
    pub in_line: usize,
    pub obstructing: usize,
    pub neutral: usize,
    /// Principles without a verdict yet.
    pub open: usize,
    /// `in_line - obstructing`: from minus the number of principles to plus it.
    pub score: i64,
}

/// What the overview can be sorted on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SortKey {
    Order,
    Title,
    Amount,
    InLine,
    Obstructing,
    Neutral,
    Open,
    Score,
}

impl SortKey {
    /// Every key, in the order of the overview's columns.
    pub const ALL: [SortKey; 8] = [
        SortKey::Order,
        SortKey::Title,
        SortKey::Amount,
        SortKey::InLine,
        SortKey::Obstructing,
        SortKey::Neutral,
        SortKey::Open,
        SortKey::Score,
    ];
}

/// The summary of every option, in order of entry.
pub fn summaries(w: &Workshop) -> Vec<OptionSummary> {
    w.after.options.iter().enumerate().map(|(order, o)| summary(w, o, order)).collect()
}

fn summary(w: &Workshop, o: &BudgetOption, order: usize) -> OptionSummary {
    let (mut in_line, mut obstructing, mut neutral) = (0, 0, 0);
    for p in &w.principles {
        match verdict(w, &o.id, &p.id).map(|a| a.verdict) {
            Some(Verdict::InLine) => in_line += 1,
            Some(Verdict::Obstructing) => obstructing += 1,
            Some(Verdict::Neutral) => neutral += 1,
            None => {}
        }
    }
    OptionSummary {
        option: o.id.clone(),
        order,
        title: o.title.clone(),
        description: o.description.clone(),
        amount: o.amount.clone(),
        amount_value: amount_value(&o.amount),
        in_line,
        obstructing,
        neutral,
        open: w.principles.len() - in_line - obstructing - neutral,
        score: in_line as i64 - obstructing as i64,
    }
}

/// The verdict on an option for a principle, if given.
pub fn verdict<'a>(w: &'a Workshop, option: &Id, principle: &Id) -> Option<&'a Assessment> {
    w.after.assessments.iter().find(|a| &a.option == option && &a.principle == principle)
}

/// Sorts summaries on a key; ties keep the order of entry. Options without a readable amount
/// come last either way.
pub fn sort(list: &mut [OptionSummary], key: SortKey, descending: bool) {
    crate::order::sort_by(list, |a, b| {
        let by = match key {
            SortKey::Order => a.order.cmp(&b.order),
            SortKey::Title => a.title.to_lowercase().cmp(&b.title.to_lowercase()),
            SortKey::Amount => match (a.amount_value, b.amount_value) {
                (Some(x), Some(y)) => x.partial_cmp(&y).unwrap_or(Ordering::Equal),
                (Some(_), None) => return Ordering::Less,
                (None, Some(_)) => return Ordering::Greater,
                (None, None) => Ordering::Equal,
            },
            SortKey::InLine => a.in_line.cmp(&b.in_line),
            SortKey::Obstructing => a.obstructing.cmp(&b.obstructing),
            SortKey::Neutral => a.neutral.cmp(&b.neutral),
            SortKey::Open => a.open.cmp(&b.open),
            SortKey::Score => a.score.cmp(&b.score),
        };
        let by = if descending { by.reverse() } else { by };
        by.then(a.order.cmp(&b.order))
    });
}

/// Reads a free-text amount as a number, the Dutch way first: `€ 250.000` = 250000,
/// `€ 1.250.000,50` = 1250000.5, `1,5 fte` = 1.5; `2.5` (one to two decimals) = 2.5;
/// `-40.000` = -40000. `None` when there are no digits.
pub fn amount_value(text: &str) -> Option<f64> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let negative = text[..start].trim_end().ends_with(['-', '−']);
    let num: String = text[start..].chars().take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',').collect();
    let num = num.trim_end_matches(['.', ',']);
    let plain = if num.contains(',') {
        // Dutch: dots group thousands, the comma is the decimal sign.
        num.replace('.', "").replacen(',', ".", 1).replace(',', "")
    } else {
        let groups: Vec<&str> = num.split('.').collect();
        if groups.len() > 1 && groups[1..].iter().all(|g| g.len() == 3) {
            groups.concat()
        } else if groups.len() == 2 {
            num.to_string()
        } else {
            groups.concat()
        }
    };
    let value: f64 = plain.parse().ok()?;
    Some(if negative { -value } else { value })
}

fn verdict_name(v: Option<Verdict>, lang: Lang) -> &'static str {
    v.map(|v| AfterText::verdict(v).get(lang)).unwrap_or("")
}

/// The yardstick as CSV: one row per option with every verdict and reason, then the counts.
/// Dutch files use `;` (what a Dutch spreadsheet expects), English ones `,`. Every cell is safe
/// against formula injection (see [`super::csv`]).
pub fn yardstick_csv(w: &Workshop, lang: Lang) -> String {
    let sep = match lang {
        Lang::Nl => Separator::Semicolon,
        Lang::En => Separator::Comma,
    };
    let t = |k: &dyn Text| k.text(lang).to_string();
    let mut header = vec![t(&AfterText::Option), t(&AfterText::Description), t(&AfterText::Amount)];
    for p in &w.principles {
        header.push(p.title.clone());
        header.push(format!("{}: {}", p.title, AfterText::Reason.get(lang).to_lowercase()));
    }
    header.extend([
        t(&AfterText::InLine),
        t(&AfterText::Obstructing),
        t(&AfterText::Neutral),
        t(&AfterText::Open),
        t(&AfterText::Score),
    ]);
    let mut rows = vec![header];
    for s in summaries(w) {
        let mut r = vec![s.title.clone(), s.description.clone(), s.amount.clone()];
        for p in &w.principles {
            let a = verdict(w, &s.option, &p.id);
            r.push(verdict_name(a.map(|a| a.verdict), lang).to_string());
            r.push(a.map(|a| a.reason.clone()).unwrap_or_default());
        }
        r.extend([s.in_line, s.obstructing, s.neutral, s.open].map(|n| n.to_string()));
        r.push(s.score.to_string());
        rows.push(r);
    }
    csv::file(&rows, sep)
}

/// The yardstick as Markdown: the overview table, then every option with its verdicts and reasons.
pub fn yardstick_markdown(w: &Workshop, lang: Lang) -> String {
    let t = |k: &dyn Text| k.text(lang);
    let mut out = format!("# {}", t(&AfterText::YardstickTitle));
    if !w.setup.title.trim().is_empty() {
        out.push_str(&format!(": {}", md(&w.setup.title)));
    }
    out.push_str("\n\n");
    if !w.setup.organisation.trim().is_empty() {
        out.push_str(&format!("{}\n\n", md(&w.setup.organisation)));
    }
    out.push_str(&format!("## {}\n\n", t(&AfterText::Legend)));
    for (i, p) in w.principles.iter().enumerate() {
        out.push_str(&format!("{}\\. {}\n", i + 1, md(&p.title)));
    }
    out.push_str(&format!("\n## {}\n\n", t(&AfterText::Overview)));
    let (l, r) = (Align::Left, Align::Right);
    out.push_str(&table_head(&[
        (t(&AfterText::Option), l),
        (t(&AfterText::Amount), l),
        (t(&AfterText::InLine), r),
        (t(&AfterText::Obstructing), r),
        (t(&AfterText::Neutral), r),
        (t(&AfterText::Open), r),
        (t(&AfterText::Score), r),
    ]));
    let list = summaries(w);
    for s in &list {
        out.push_str(&table_row([
            md_cell(&s.title),
            md_cell(&s.amount),
            s.in_line.to_string(),
            s.obstructing.to_string(),
            s.neutral.to_string(),
            s.open.to_string(),
            signed(s.score),
        ]));
    }
    out.push_str(&format!("\n{}\n", t(&AfterText::ScoreHelp)));
    for s in &list {
        out.push_str(&format!("\n## {}\n\n", md(&s.title)));
        if !s.description.trim().is_empty() {
            out.push_str(&format!("{}\n\n", md(&s.description)));
        }
        if !s.amount.trim().is_empty() {
            out.push_str(&format!("{}: {}\n\n", t(&AfterText::Amount), md(&s.amount)));
        }
        for (i, p) in w.principles.iter().enumerate() {
            let a = verdict(w, &s.option, &p.id);
            let name = a.map(|a| AfterText::verdict(a.verdict).get(lang)).unwrap_or(t(&AfterText::NoVerdict));
            out.push_str(&format!("- {}\\. {}: **{}**", i + 1, md(&p.title), name));
            if let Some(a) = a.filter(|a| !a.reason.trim().is_empty()) {
                out.push_str(&format!(" — {}", md(&a.reason)));
            }
            out.push('\n');
        }
    }
    out
}

/// A score with its sign: `+2`, `0`, `-1`.
pub fn signed(n: i64) -> String {
    if n > 0 {
        format!("+{n}")
    } else {
        n.to_string()
    }
}
