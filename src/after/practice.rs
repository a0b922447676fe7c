//! The set in practice, after the workshop: actions from the principles' implications (overdue
//! ones told apart), the results monitor per intended outcome, and the evaluation after a year,
//! which walks through the monitor, the congruence check, the doorfluister-check and the
//! actions before the decision on a 2.0. Today's date always comes from the caller (the
//! browser edge): nothing here reads a clock.

use crate::export::csv::{self, Separator};
use crate::export::date::date;
use crate::export::markdown::{md, md_cell, table_head, table_row, Align};
use crate::i18n::{AfterText, Lang, PracticeText};
use crate::workshop::{Answer, Id, Implication, Indicator, Principle, Progress, Task, Workshop};

/// Whether an action is overdue on `today` (`YYYY-MM-DD`): it has a date before today and is
/// not done. ISO dates compare as text; an empty date or today is never overdue.
pub fn overdue(task: &Task, today: &str) -> bool {
    task.status != Progress::Done
        && !task.due.is_empty()
        && crate::workshop::limits::is_iso_date(today)
        && *task.due < *today
}

/// The text of a principle's implication an action comes from (what the principle asks there).
pub fn implication_text(p: &Principle, i: Implication) -> &str {
    match i {
        Implication::Offer => &p.text.offer,
        Implication::Access => &p.text.access,
        Implication::Conduct => &p.text.conduct,
        Implication::Procurement => &p.text.procurement,
    }
}

/// The actions in the charter's order of principles, then by implication, then as entered.
pub fn tasks_in_order(w: &Workshop) -> Vec<(&Principle, &Task)> {
    let mut out = Vec::with_capacity(w.after.tasks.len());
    for p in &w.principles {
        for i in Implication::ALL {
            out.extend(w.after.tasks.iter().filter(|t| t.principle == p.id && t.implication == i).map(|t| (p, t)));
        }
    }
    out
}

/// How the actions stand: counts per status and how many are overdue on `today`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TaskCounts {
    pub open: usize,
    pub busy: usize,
    pub done: usize,
    pub overdue: usize,
}

/// Counts the actions by status, and the overdue ones on `today`.
pub fn task_counts(w: &Workshop, today: &str) -> TaskCounts {
    let mut c = TaskCounts::default();
    for t in &w.after.tasks {
        match t.status {
            Progress::Open => c.open += 1,
            Progress::Busy => c.busy += 1,
            Progress::Done => c.done += 1,
        }
        c.overdue += usize::from(overdue(t, today));
    }
    c
}

/// The header row the action exports share.
fn task_header(lang: Lang) -> [&'static str; 6] {
    let t = |k: PracticeText| k.get(lang);
    [
        AfterText::Principle.get(lang),
        t(PracticeText::Implication),
        t(PracticeText::Who),
        t(PracticeText::What),
        t(PracticeText::Due),
        t(PracticeText::Status),
    ]
}

/// The status an export shows: "Open", or "Open — te laat" when overdue on `today`.
fn status_label(task: &Task, today: &str, lang: Lang) -> String {
    let status = PracticeText::progress(task.status).get(lang);
    if overdue(task, today) {
        format!("{status} — {}", PracticeText::Overdue.get(lang).to_lowercase())
    } else {
        status.to_string()
    }
}

/// The actions as CSV for a spreadsheet: formula-safe, through [`crate::export::csv`]. Dates
/// stay `YYYY-MM-DD`, which every spreadsheet sorts.
pub fn tasks_csv(w: &Workshop, today: &str, lang: Lang, sep: Separator) -> String {
    let mut rows: Vec<Vec<String>> = vec![task_header(lang).iter().map(|s| s.to_string()).collect()];
    for (p, t) in tasks_in_order(w) {
        rows.push(vec![
            p.title.clone(),
            PracticeText::implication(t.implication).get(lang).to_string(),
            t.who.clone(),
            t.what.clone(),
            t.due.clone(),
            status_label(t, today, lang),
        ]);
    }
    csv::file(&rows, sep)
}

/// The actions as Markdown: one table, user text escaped through [`crate::export::markdown`].
pub fn tasks_markdown(w: &Workshop, today: &str, lang: Lang) -> String {
    let mut out = format!("# {}", PracticeText::ActionsTitle.get(lang));
    if !w.setup.title.trim().is_empty() {
        out.push_str(&format!(": {}", md(&w.setup.title)));
    }
    out.push_str("\n\n");
    let list = tasks_in_order(w);
    if list.is_empty() {
        out.push_str(&format!("{}\n", PracticeText::NoActions.get(lang)));
        return out;
    }
    let head = task_header(lang);
    out.push_str(&table_head(&head.map(|h| (h, Align::Left))));
    for (p, t) in list {
        out.push_str(&table_row([
            md_cell(&p.title),
            PracticeText::implication(t.implication).get(lang).to_string(),
            md_cell(&t.who),
            md_cell(&t.what),
            md_cell(&date(&t.due, lang)),
            status_label(t, today, lang),
        ]));
    }
    out
}

/// One intended outcome in the results monitor: its indicators and the principles whose
/// policy theory points to it.
#[derive(Clone, Debug, PartialEq)]
pub struct MonitorOutcome<'a> {
    pub outcome: Id,
    pub text: &'a str,
    pub indicators: Vec<&'a Indicator>,
    pub principles: Vec<&'a Principle>,
}

/// The results monitor: every intended outcome (in setup order) with its indicators and the
/// principles that serve it.
pub fn monitor(w: &Workshop) -> Vec<MonitorOutcome<'_>> {
    w.setup
        .outcomes
        .iter()
        .map(|o| MonitorOutcome {
            outcome: o.id.clone(),
            text: &o.text,
            indicators: w.after.indicators.iter().filter(|i| i.outcome == o.id).collect(),
            principles: w.principles.iter().filter(|p| p.outcome.as_ref() == Some(&o.id)).collect(),
        })
        .collect()
}

/// The outcome a principle's policy theory points to, with its indicators.
pub fn outcome_of<'a>(w: &'a Workshop, p: &Principle) -> Option<(&'a str, Vec<&'a Indicator>)> {
    let id = p.outcome.as_ref()?;
    let o = w.setup.outcomes.iter().find(|o| &o.id == id)?;
    Some((&o.text, w.after.indicators.iter().filter(|i| &i.outcome == id).collect()))
}

/// What the one-page evaluation summary shows, step by step, computed from the workshop and
/// today's date.
#[derive(Clone, Debug, PartialEq)]
pub struct EvaluationSummary {
    /// Indicators in all, and how many have a new value.
    pub indicators: usize,
    pub measured: usize,
    /// Congruence answers: questions in all, yes, and not yet yes (partly, no, unanswered).
    pub questions: usize,
    pub yes: usize,
    pub gaps: usize,
    /// Doorfluister answers compared, and those that did not look like the why.
    pub whispers: usize,
    pub lost: usize,
    /// The actions.
    pub tasks: TaskCounts,
    /// Per principle: does the assumption still hold (`None`: not asked again yet)?
    pub assumptions: Vec<(Id, Option<Answer>)>,
}

/// The evaluation's figures on `today`.
pub fn evaluation_summary(w: &Workshop, today: &str) -> EvaluationSummary {
    let c = super::congruence_overview(w);
    let d = super::doorfluister(w);
    EvaluationSummary {
        indicators: w.after.indicators.len(),
        measured: w.after.indicators.iter().filter(|i| !i.measured.is_empty()).count(),
        questions: c.total,
        yes: c.yes,
        gaps: c.total - c.yes,
        whispers: d.layers.iter().map(|l| l.count).sum(),
        lost: d.layers.iter().map(|l| l.lost).sum(),
        tasks: task_counts(w, today),
        assumptions: w
            .principles
            .iter()
            .map(|p| {
                let a = w.after.assumptions.iter().find(|a| a.principle == p.id).map(|a| a.answer);
                (p.id.clone(), a)
            })
            .collect(),
    }
}

/// "3 van 5": a part of a whole, for the summary.
pub fn of(part: usize, whole: usize, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("{part} van {whole}"),
        Lang::En => format!("{part} of {whole}"),
    }
}

/// The actions' standing in one line: "Open 2 · Bezig 1 · Klaar 3 · Te laat 1".
pub fn tasks_line(c: TaskCounts, lang: Lang) -> String {
    let t = |k: PracticeText| k.get(lang);
    format!(
        "{} {} · {} {} · {} {} · {} {}",
        t(PracticeText::StatusOpen),
        c.open,
        t(PracticeText::StatusBusy),
        c.busy,
        t(PracticeText::StatusDone),
        c.done,
        t(PracticeText::Overdue),
        c.overdue
    )
}

/// The name of an answer to "does the assumption still hold?", or "not asked again yet".
pub fn assumption_label(a: Option<Answer>, lang: Lang) -> &'static str {
    match a {
        Some(a) => AfterText::answer(a).get(lang),
        None => AfterText::NotAnswered.get(lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workshop::{Id, Implication, Progress, Task};

    fn task(due: &str, status: Progress) -> Task {
        Task {
            id: Id::parse("t-1").expect("an id"),
            principle: Id::parse("p-1").expect("an id"),
            implication: Implication::Offer,
            who: String::new(),
            what: "Iets doen".into(),
            due: due.into(),
            status,
        }
    }

    #[test]
    fn overdue_is_a_date_before_today_and_not_done() {
        assert!(overdue(&task("2027-03-11", Progress::Open), "2027-03-12"));
        assert!(overdue(&task("2026-12-31", Progress::Busy), "2027-01-01"));
        assert!(!overdue(&task("2027-03-12", Progress::Open), "2027-03-12"), "due today is not late");
        assert!(!overdue(&task("2027-03-11", Progress::Done), "2027-03-12"), "done is never late");
        assert!(!overdue(&task("", Progress::Open), "2027-03-12"), "no date, no lateness");
        assert!(!overdue(&task("2027-03-11", Progress::Open), ""), "without today nothing is late");
    }
}
