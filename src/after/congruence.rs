//! The congruence check (*congruentie*): per principle the method's yes/no questions for visie,
//! beleid, inrichting and uitvoering, and where the answer is not yet "yes".

use crate::export::markdown::{md, md_cell, table_head, table_row, Align::Left};
use crate::i18n::{AfterText, Lang, Text};
use crate::workshop::{Answer, Area, CongruenceAnswer, Id, Workshop};

/// A question whose answer is not yet "yes": `answer` is `None` when nobody answered it.
#[derive(Clone, Debug, PartialEq)]
pub struct Gap {
    pub principle: Id,
    pub principle_title: String,
    pub area: Area,
    pub question: u8,
    pub answer: Option<Answer>,
    pub note: String,
}

/// Counts over every principle and question, and the gaps in charter order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CongruenceOverview {
    /// Principles times questions per principle (9).
    pub total: usize,
    pub yes: usize,
    pub partly: usize,
    pub no: usize,
    pub unanswered: usize,
    /// Every question answered "partly" or "no", then (per principle, in order) the unanswered.
    pub gaps: Vec<Gap>,
}

impl CongruenceOverview {
    /// Answered gaps only (partly or no): what needs action.
    pub fn answered_gaps(&self) -> impl Iterator<Item = &Gap> {
        self.gaps.iter().filter(|g| g.answer.is_some())
    }

    /// How many questions of a principle are still unanswered.
    pub fn unanswered_of(&self, principle: &Id) -> usize {
        self.gaps.iter().filter(|g| &g.principle == principle && g.answer.is_none()).count()
    }
}

/// Every (area, question) in the order of the method.
pub fn questions() -> impl Iterator<Item = (Area, u8)> {
    Area::ALL.into_iter().flat_map(|a| (0..a.questions()).map(move |q| (a, q)))
}

/// The answer for a principle, area and question, if given.
pub fn answer_of<'a>(w: &'a Workshop, principle: &Id, area: Area, question: u8) -> Option<&'a CongruenceAnswer> {
    w.after.congruence.iter().find(|c| &c.principle == principle && c.area == area && c.question == question)
}

/// The overview of the whole set.
pub fn congruence_overview(w: &Workshop) -> CongruenceOverview {
    let mut o = CongruenceOverview::default();
    let mut unanswered = Vec::new();
    for p in &w.principles {
        for (area, question) in questions() {
            o.total += 1;
            let a = answer_of(w, &p.id, area, question);
            let gap = |answer: Option<Answer>, note: &str| Gap {
                principle: p.id.clone(),
                principle_title: p.title.clone(),
                area,
                question,
                answer,
                note: note.to_string(),
            };
            match a.map(|a| a.answer) {
                Some(Answer::Yes) => o.yes += 1,
                Some(x) => {
                    if x == Answer::No {
                        o.no += 1;
                    } else {
                        o.partly += 1;
                    }
                    o.gaps.push(gap(Some(x), a.map(|a| a.note.as_str()).unwrap_or("")));
                }
                None => {
                    o.unanswered += 1;
                    unanswered.push(gap(None, ""));
                }
            }
        }
    }
    o.gaps.extend(unanswered);
    o
}

fn question_text(area: Area, q: u8, lang: Lang) -> &'static str {
    AfterText::question(area, q).map(|k| k.get(lang)).unwrap_or("")
}

/// The congruence check as Markdown: counts, the answered gaps, what is still open, then every
/// answer per principle.
pub fn congruence_markdown(w: &Workshop, lang: Lang) -> String {
    let t = |k: &dyn Text| k.text(lang);
    let o = congruence_overview(w);
    let mut out = format!("# {}", t(&AfterText::CongruenceTitle));
    if !w.setup.title.trim().is_empty() {
        out.push_str(&format!(": {}", md(&w.setup.title)));
    }
    out.push_str(&format!(
        "\n\n{}: {} · {}: {} · {}: {} · {}: {}\n\n## {}\n\n",
        t(&AfterText::Yes),
        o.yes,
        t(&AfterText::Partly),
        o.partly,
        t(&AfterText::No),
        o.no,
        t(&AfterText::NotAnswered),
        o.unanswered,
        t(&AfterText::Gaps)
    ));
    let answered: Vec<&Gap> = o.answered_gaps().collect();
    if answered.is_empty() && o.unanswered == 0 {
        out.push_str(&format!("{}\n", t(&AfterText::NoGaps)));
    }
    if !answered.is_empty() {
        out.push_str(&table_head(&[
            (t(&AfterText::Principle), Left),
            (t(&AfterText::Area), Left),
            (t(&AfterText::Question), Left),
            (t(&AfterText::Answer), Left),
            (t(&AfterText::Note), Left),
        ]));
        for g in answered {
            out.push_str(&table_row([
                md_cell(&g.principle_title),
                AfterText::area(g.area).get(lang).to_string(),
                question_text(g.area, g.question, lang).to_string(),
                g.answer.map(|a| AfterText::answer(a).get(lang)).unwrap_or("").to_string(),
                md_cell(&g.note),
            ]));
        }
        out.push('\n');
    }
    for p in &w.principles {
        let open = o.unanswered_of(&p.id);
        if open > 0 {
            out.push_str(&format!("- {}: {} {}\n", md(&p.title), open, t(&AfterText::NotAnswered).to_lowercase()));
        }
    }
    for p in &w.principles {
        out.push_str(&format!("\n## {}\n", md(&p.title)));
        for area in Area::ALL {
            out.push_str(&format!("\n### {}\n\n", AfterText::area(area).get(lang)));
            for q in 0..area.questions() {
                let a = answer_of(w, &p.id, area, q);
                let ans = a.map(|a| AfterText::answer(a.answer).get(lang)).unwrap_or(t(&AfterText::NotAnswered));
                out.push_str(&format!("- {} **{}**", question_text(area, q, lang), ans));
                if let Some(a) = a.filter(|a| !a.note.trim().is_empty()) {
                    out.push_str(&format!(" — {}", md(&a.note)));
                }
                out.push('\n');
            }
        }
    }
    out
}
