//! The Markdown export: the whole set with its concretisation, for intranet pages and minutes.
//! Every user text goes through [`md`] or [`md_cell`]; fixed texts come from `i18n`.

use std::fmt::Write;

use super::{kind_label, set_status, Charter};
use crate::export::markdown::{md, md_cell};
use crate::i18n::{self, CharterText, ChooseText, CollectText, ConcretiseText, Lang, Text};
use crate::workshop::{Principle, PrincipleField, Section, Workshop};

/// The workshop as a Markdown document.
pub fn to_markdown(w: &Workshop, lang: Lang) -> String {
    let c = Charter::of(w, lang);
    let t = |k: &dyn Text| k.text(lang);
    let mut out = String::new();
    // Writing to a String cannot fail; the results are ignored on purpose.
    let _ = writeln!(out, "# {}\n", md(&c.title));
    let s = &w.setup;
    for (label, value) in [
        (CharterText::MdOrganisation, &s.organisation),
        (CharterText::MdDate, &c.date),
        (CharterText::MdFacilitator, &s.facilitator),
    ] {
        if !value.trim().is_empty() {
            let _ = writeln!(out, "- **{}:** {}", t(&label), md(value));
        }
    }
    let _ = writeln!(out, "- **{}:** {}", t(&CharterText::MdStatus), md(&set_status(w.principles.len(), lang)));
    if let Some(e) = &c.evaluation {
        let _ = writeln!(out, "- {}", md(e));
    }
    out.push('\n');
    // The group finishes the set; adopting it is the college's or the council's decision.
    let (mark, note) = if c.draft {
        (CharterText::DraftMark, t(&CharterText::DraftExplain).to_string())
    } else {
        let still = || t(&CharterText::StillToAdopt).to_string();
        (CharterText::Finalised, c.adopted.as_deref().map(md).unwrap_or_else(still))
    };
    let _ = writeln!(out, "> **{}** {}\n", t(&mark), note);
    if let Some(reason) = &c.reason {
        let _ = writeln!(out, "> **{}** {}\n", t(&CharterText::ReasonOnCharter), md(reason));
    }

    let _ = writeln!(out, "## {}\n", t(&CharterText::CharterPrinciples));
    if w.principles.is_empty() {
        let _ = writeln!(out, "{}\n", t(&ChooseText::NoPrinciples));
    }
    for (i, p) in w.principles.iter().enumerate() {
        principle(&mut out, w, p, i + 1, lang);
    }

    if !w.tensions.is_empty() {
        let _ = writeln!(out, "## {}\n", t(&ChooseText::Tensions));
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            t(&CharterText::MdPrincipleA),
            t(&CharterText::MdPrincipleB),
            t(&ChooseText::GoesFirst),
            t(&ChooseText::TensionNote)
        );
        out.push_str("|---|---|---|---|\n");
        let title = |id| w.principles.iter().find(|p| &p.id == id).map(|p| p.title.as_str()).unwrap_or("");
        for x in &w.tensions {
            let first = x.priority.as_ref().map(title).unwrap_or(t(&ChooseText::NotChosen));
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                md_cell(title(&x.a)),
                md_cell(title(&x.b)),
                md_cell(first),
                md_cell(&x.note)
            );
        }
        out.push('\n');
    }

    if !s.outcomes.is_empty() {
        let _ = writeln!(out, "## {}\n", t(&CharterText::CharterOutcomes));
        for o in &s.outcomes {
            let _ = writeln!(out, "- {}", md(&o.text));
        }
        out.push('\n');
    }
    if !s.groups.is_empty() {
        let _ = writeln!(out, "## {}\n", t(&CharterText::CharterWho));
        for g in &s.groups {
            let _ = writeln!(out, "- {}", md(&g.name));
        }
        out.push('\n');
    }
    route_answers(&mut out, w, lang);
    let _ = writeln!(out, "---\n\n{}", t(&CharterText::MdFooter));
    out
}

/// What the groups answered to their routes' questions, per source (only sources with answers),
/// in the order of the route's questions.
fn route_answers(out: &mut String, w: &Workshop, lang: Lang) {
    let t = |k: &dyn Text| k.text(lang);
    let answered: Vec<_> = w.sources.iter().filter(|s| !s.answers.is_empty()).collect();
    if answered.is_empty() {
        return;
    }
    let _ = writeln!(out, "## {}\n", t(&CharterText::MdRouteAnswers));
    for src in answered {
        let _ = writeln!(out, "### {}: {}\n", i18n::source_kind(src.kind, lang), md(&src.title));
        for a in &src.answers {
            let _ = writeln!(out, "- *{}* {}", t(&CollectText::question(a.question)), md(&a.text));
        }
        out.push('\n');
    }
}

fn principle(out: &mut String, w: &Workshop, p: &Principle, n: usize, lang: Lang) {
    let t = |k: &dyn Text| k.text(lang);
    let x = &p.text;
    let _ = writeln!(out, "### {n}. {}\n", md(&p.title));
    let _ = writeln!(out, "*{}*\n", kind_label(p.kind, lang));
    if !x.meaning.is_empty() {
        let _ = writeln!(out, "{}\n", md(&x.meaning));
    }
    // The fields of a section that the table of principle fields sends to the Markdown.
    let fields = |section: Section| {
        PrincipleField::in_section(section)
            .filter(|s| s.in_markdown)
            .filter_map(|s| Some((s.field, ConcretiseText::principle_field(s.field), s.field.text(p)?)))
    };
    let mut any = false;
    for (_, label, value) in fields(Section::Implications).filter(|(_, _, v)| !v.is_empty()) {
        let _ = writeln!(out, "- **{}:** {}", t(&label), md(value));
        any = true;
    }
    if any {
        out.push('\n');
    }
    // The policy theory as its three questions, each with its answer; a question not yet
    // answered is left out rather than printed with an empty answer.
    let outcome = p.outcome.as_ref().and_then(|o| w.setup.outcomes.iter().find(|x| &x.id == o));
    let mut theory = String::new();
    for (question, answer) in [
        (ConcretiseText::TheoryBecause, md(&x.assumption)),
        (ConcretiseText::TheoryWorking, md(&x.way_of_working)),
        (ConcretiseText::TheoryCloser, outcome.map(|o| md(&o.text)).unwrap_or_default()),
    ] {
        if !answer.trim().is_empty() {
            let _ = writeln!(theory, "- **{}** {answer}", t(&question));
        }
    }
    if !theory.is_empty() {
        let _ = writeln!(out, "**{}**\n\n{theory}", t(&ConcretiseText::Theory));
    }
    // Fields the heading, the meaning and the policy-theory questions do not carry (a field
    // added to the table later) still reach the export, as labelled lines.
    use PrincipleField::{Assumption, Meaning, Title, WayOfWorking};
    let further = fields(Section::Core).chain(fields(Section::Theory));
    let further = further.filter(|(f, _, v)| ![Title, Meaning, Assumption, WayOfWorking].contains(f) && !v.is_empty());
    let mut any = false;
    for (_, label, value) in further {
        let _ = writeln!(out, "- **{}:** {}", t(&label), md(value));
        any = true;
    }
    if any {
        out.push('\n');
    }
    let answers = fields(Section::Closing).chain(fields(Section::HeadHeartHands)).chain(fields(Section::Lens));
    for (_, q, a) in answers.filter(|(_, _, a)| !a.trim().is_empty()) {
        let _ = writeln!(out, "- *{}* {}", t(&q), md(a));
    }
    if let Some(cluster) = p.from_cluster.as_ref().and_then(|c| w.cluster(c)) {
        let _ = writeln!(out, "\n**{}:** {}", t(&ConcretiseText::Provenance), md(&cluster.name));
        for card in w.cards_in(Some(&cluster.id)) {
            let mut from = Vec::new();
            if let Some(src) = w.source(&card.source) {
                from.push(format!("{}: {}", i18n::source_kind(src.kind, lang), md(&src.title)));
            }
            if let Some(g) = card.group.as_ref().and_then(|g| w.group(g)) {
                from.push(md(&g.name));
            }
            // The route question the card answered, in its words (the file keeps its key).
            if let Some(q) = card.question {
                from.push(format!("{}: {}", t(&CollectText::ForQuestion), t(&CollectText::question(q))));
            }
            let _ = writeln!(out, "- {} ({})", md(&card.text), from.join("; "));
        }
    }
    out.push('\n');
}
