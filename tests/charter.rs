//! Kiezen, the charter and the files: dot voting as the screen drives it, the five-to-eight
//! rule, tensions, the charter as data, the Markdown export and its escaping, import errors,
//! merging two tables' files, and the one-page estimate.

mod common;

use common::*;
use leidraad::charter::{self, to_markdown, Charter, Part, SetSize, COMPACT, PAGE_HEIGHT_MM};
use leidraad::export::{
    date::date,
    markdown::{md, md_cell},
};
use leidraad::format::{self, FileError};
use leidraad::i18n::{self, CharterText, ConcretiseText, FilesText, Lang};
use leidraad::workshop::*;

const A: &str = "Zorg dichtbij, in de wijk, met ruimte voor de professional en vertrouwen in inwoners. ";

/// Text of exactly `n` characters made of ordinary Dutch words.
fn exact(n: usize) -> String {
    let mut s: String = A.chars().cycle().take(n).collect();
    if s.ends_with(' ') {
        s.pop();
        s.push('.');
    }
    s
}

/// A workshop at every charter limit: `n` principles with maximal titles, meanings and whys
/// (the policy theory's assumption), as many
/// outcomes as principles (each served), a maximal tension between every pair, many groups.
fn full(n: usize) -> Workshop {
    let mut w = Workshop::default();
    ok(&mut w, Action::EditSetup { field: SetupField::Title, value: exact(limits::TITLE) });
    ok(&mut w, Action::EditSetup { field: SetupField::Organisation, value: exact(limits::ORGANISATION) });
    ok(&mut w, Action::EditSetup { field: SetupField::Date, value: "2026-03-12".into() });
    for g in 0..20 {
        ok(&mut w, Action::AddGroup { id: id(&format!("g-{g}")), name: exact(limits::GROUP) });
    }
    for i in 0..n {
        ok(&mut w, Action::AddOutcome { id: id(&format!("o-{i}")), text: exact(limits::OUTCOME) });
        add_principle(&mut w, &format!("p-{i}"), &exact(limits::PRINCIPLE_TITLE));
        let pid = id(&format!("p-{i}"));
        ok(
            &mut w,
            Action::EditPrinciple {
                id: pid.clone(),
                field: PrincipleField::Meaning,
                value: exact(limits::PRINCIPLE_MEANING),
            },
        );
        ok(
            &mut w,
            Action::EditPrinciple {
                id: pid.clone(),
                field: PrincipleField::Assumption,
                value: exact(limits::PRINCIPLE_PART),
            },
        );
        ok(&mut w, Action::SetPrincipleOutcome { id: pid, outcome: Some(id(&format!("o-{i}"))) });
    }
    let mut t = 0;
    for i in 0..n {
        for j in i + 1..n {
            ok(
                &mut w,
                Action::SetTension {
                    id: id(&format!("t-{t}")),
                    a: id(&format!("p-{i}")),
                    b: id(&format!("p-{j}")),
                    note: exact(limits::TENSION_NOTE),
                    priority: Some(id(&format!("p-{i}"))),
                },
            );
            t += 1;
        }
    }
    w
}

// --- Dot voting -------------------------------------------------------------------------------

#[test]
fn groups_vote_in_turns_and_the_ranking_follows_the_dots() {
    let mut w = clustered();
    ok(&mut w, Action::SetVoteRules { dots_per_voter: 3, max_per_cluster: 2 });
    for (v, c) in [("v-anna", "c-prev"), ("v-anna", "c-prev"), ("v-anna", "c-norm"), ("v-bram", "c-prev")] {
        cast(&mut w, v, c);
    }
    // Anna used all three dots; a fourth is refused, and so is a third on one cluster.
    assert_eq!(
        refused(&mut w, Action::CastDot { voter: id("v-anna"), cluster: id("c-plan") }),
        DomainError::NoDotsLeft
    );
    cast(&mut w, "v-bram", "c-prev");
    assert_eq!(
        refused(&mut w, Action::CastDot { voter: id("v-bram"), cluster: id("c-prev") }),
        DomainError::MaxPerCluster(2)
    );
    let ranked: Vec<(String, u32)> = w.ranking().iter().map(|(c, n)| (c.id.to_string(), *n)).collect();
    assert_eq!(ranked, vec![("c-prev".into(), 4), ("c-norm".into(), 1), ("c-plan".into(), 0)]);
    // Rules are fixed once dots are placed, so the count stays fair.
    assert_eq!(
        refused(&mut w, Action::SetVoteRules { dots_per_voter: 5, max_per_cluster: 1 }),
        DomainError::VotesAlreadyCast
    );
    ok(&mut w, Action::WithdrawDot { voter: id("v-anna"), cluster: id("c-norm") });
    assert_eq!(w.voting.dots_used(&id("v-anna")), 2);
}

#[test]
fn votes_stay_hidden_until_revealed_and_promoting_twice_is_refused() {
    let mut w = clustered();
    assert!(!w.voting.revealed);
    ok(&mut w, Action::RevealVotes { revealed: true });
    assert!(w.voting.revealed);
    ok(&mut w, Action::Promote { id: id("p-1"), cluster: id("c-norm") });
    assert_eq!(w.principles[0].title, "Normaliseren");
    assert_eq!(refused(&mut w, Action::Promote { id: id("p-2"), cluster: id("c-norm") }), DomainError::AlreadyPromoted);
}

// --- Five to eight ----------------------------------------------------------------------------

#[test]
fn the_status_line_says_too_few_good_or_too_many_and_why() {
    assert_eq!(SetSize::of(4), SetSize::TooFew);
    assert_eq!(SetSize::of(5), SetSize::Good);
    assert_eq!(SetSize::of(8), SetSize::Good);
    assert_eq!(SetSize::of(9), SetSize::TooMany);
    let few = charter::set_status(3, Lang::Nl);
    assert!(few.starts_with("3 principes: dat is te weinig."), "{few}");
    assert!(few.contains("5 tot 8"), "{few}");
    let many = charter::set_status(10, Lang::Nl);
    assert!(many.contains("te veel") && many.contains("onthoudt niemand"), "{many}");
    assert!(charter::set_status(6, Lang::Nl).contains("een goede set"));
    assert!(charter::set_status(1, Lang::En).starts_with("1 principle: that is too few."));
    assert!(charter::set_status(0, Lang::Nl).starts_with("Nog geen principes"));
}

#[test]
fn charter_refuses_more_than_eight_without_a_reason() {
    let mut w = with_principles(9);
    assert_eq!(refused(&mut w, Action::Finalise { reason: None }), DomainError::ReasonRequired);
    assert_eq!(refused(&mut w, Action::Finalise { reason: Some("   ".into()) }), DomainError::ReasonRequired);
    assert!(Charter::of(&w, Lang::Nl).draft);
    ok(&mut w, Action::Finalise { reason: Some("Twee wethouders, elk met een eigen <b>opdracht</b>".into()) });
    let c = Charter::of(&w, Lang::Nl);
    assert!(!c.draft);
    assert_eq!(c.size, SetSize::TooMany);
    assert_eq!(c.reason.as_deref(), Some("Twee wethouders, elk met een eigen <b>opdracht</b>"));
}

#[test]
fn a_set_of_five_to_eight_is_a_draft_until_finalised_and_needs_no_reason() {
    let mut w = with_principles(5);
    assert!(Charter::of(&w, Lang::Nl).draft);
    ok(&mut w, Action::Finalise { reason: None });
    let c = Charter::of(&w, Lang::Nl);
    assert!(!c.draft && c.reason.is_none());
    // Removing one afterwards makes it a draft again: the page never hides the problem.
    ok(&mut w, Action::RemovePrinciple { id: id("p-0") });
    assert!(Charter::of(&w, Lang::Nl).draft);
}

// --- Tensions ---------------------------------------------------------------------------------

#[test]
fn a_tension_is_one_per_pair_with_a_priority_from_the_pair() {
    let mut w = with_principles(3);
    let set = |t: &str, a: &str, b: &str, first: Option<&str>| Action::SetTension {
        id: id(t),
        a: id(a),
        b: id(b),
        note: "Zorg dichtbij tegenover keuzevrijheid".into(),
        priority: first.map(id),
    };
    ok(&mut w, set("t-1", "p-0", "p-1", Some("p-1")));
    assert_eq!(refused(&mut w, set("t-2", "p-1", "p-0", None)), DomainError::TensionExists);
    assert_eq!(refused(&mut w, set("t-2", "p-0", "p-2", Some("p-1"))), DomainError::PriorityNotInTension);
    assert_eq!(refused(&mut w, set("t-2", "p-2", "p-2", None)), DomainError::TensionNeedsTwo);
    // Editing the same tension (as the matrix editor does) keeps its id.
    ok(&mut w, set("t-1", "p-0", "p-1", Some("p-0")));
    assert_eq!(w.tensions.len(), 1);
    assert_eq!(w.tensions[0].priority, Some(id("p-0")));
}

#[test]
fn the_charter_shows_the_top_tensions_with_a_priority_first() {
    let mut w = with_principles(5);
    let mut n = 0;
    for i in 0..5 {
        for j in i + 1..5 {
            let priority = (n % 3 == 0).then(|| id(&format!("p-{j}")));
            ok(
                &mut w,
                Action::SetTension {
                    id: id(&format!("t-{n}")),
                    a: id(&format!("p-{i}")),
                    b: id(&format!("p-{j}")),
                    note: String::new(),
                    priority,
                },
            );
            n += 1;
        }
    }
    let c = Charter::of(&w, Lang::Nl);
    assert_eq!(c.tensions.len(), charter::MAX_TENSIONS);
    assert_eq!(c.tensions_more, 10 - charter::MAX_TENSIONS);
    // t-0, t-3, t-6, t-9 have a priority: they come first.
    assert!(c.tensions[..4].iter().all(|t| t.first.is_some()));
    assert_eq!(c.tensions[0].first.as_deref(), Some("Principe 1"));
    assert!(c.tensions[4].first.is_none());
}

// --- The charter as data ----------------------------------------------------------------------

#[test]
fn the_charter_holds_title_organisation_date_principles_outcomes_and_groups() {
    let mut w = clustered();
    ok(&mut w, Action::EditSetup { field: SetupField::Date, value: "2026-03-12".into() });
    ok(&mut w, Action::Promote { id: id("p-1"), cluster: id("c-norm") });
    ok(&mut w, Action::SetPrincipleKind { id: id("p-1"), kind: PrincipleKind::Value });
    ok(
        &mut w,
        Action::EditPrinciple {
            id: id("p-1"),
            field: PrincipleField::Meaning,
            value: "Gewoon opgroeien is het uitgangspunt".into(),
        },
    );
    ok(&mut w, Action::AddOutcome { id: id("o-2"), text: "Niet gekozen resultaat".into() });
    let c = Charter::of(&w, Lang::Nl);
    assert_eq!(c.title, "Leidende principes sociaal domein");
    assert_eq!(c.organisation, "Gemeente Ede");
    assert_eq!(c.date, "12 maart 2026");
    assert_eq!(c.principles.len(), 1);
    assert_eq!(c.principles[0].kind, "Waarde");
    assert_eq!(c.principles[0].meaning, "Gewoon opgroeien is het uitgangspunt");
    // No principle names an outcome yet: all are shown.
    assert_eq!(c.outcomes.len(), 2);
    ok(&mut w, Action::SetPrincipleOutcome { id: id("p-1"), outcome: Some(id("o-1")) });
    assert_eq!(Charter::of(&w, Lang::Nl).outcomes, vec!["Meer jeugdigen groeien gezond op".to_string()]);
    assert_eq!(c.groups, vec!["Inwoners".to_string(), "Beleid".to_string()]);
    assert_eq!(Charter::of(&w, Lang::En).date, "12 March 2026");
    assert_eq!(Charter::of(&Workshop::default(), Lang::Nl).title, CharterText::CharterUntitled.get(Lang::Nl));
}

#[test]
fn dates_that_are_not_iso_are_shown_as_typed() {
    assert_eq!(date("2026-1-5", Lang::Nl), "5 januari 2026");
    assert_eq!(date("voorjaar 2026", Lang::Nl), "voorjaar 2026");
    assert_eq!(date("2026-13-01", Lang::En), "2026-13-01");
}

// --- Fits one page ----------------------------------------------------------------------------

#[test]
fn five_and_eight_principles_at_every_limit_fit_one_page_by_estimate() {
    for n in [5, 8] {
        let c = Charter::of(&full(n), Lang::Nl);
        assert_eq!(c.principles.len(), n);
        assert_eq!(c.tensions.len(), charter::MAX_TENSIONS);
        assert_eq!(c.groups.len(), charter::MAX_GROUPS);
        let d = c.density();
        let h = c.estimated_height(d);
        assert!(h <= PAGE_HEIGHT_MM, "{n} principles: density {d}, {h:.0} mm");
        assert!(d <= COMPACT);
        eprintln!("{n} principles: density {d}, estimated {h:.0} mm of {PAGE_HEIGHT_MM} mm");
    }
}

#[test]
fn a_small_charter_keeps_the_largest_type() {
    let c = Charter::of(&with_principles(5), Lang::Nl);
    assert_eq!(c.density(), 0);
    assert!(Charter::of(&full(8), Lang::Nl).density() > 0);
}

#[test]
fn more_than_eight_principles_finalised_with_a_reason_still_fit_by_estimate() {
    let mut w = full(12);
    ok(&mut w, Action::Finalise { reason: Some(exact(limits::REASON)) });
    let c = Charter::of(&w, Lang::Nl);
    assert_eq!(charter::principle_columns(12), 3);
    let h = c.estimated_height(c.density());
    assert!(h <= PAGE_HEIGHT_MM, "{h:.0} mm");
}

/// `full(n)` with every letter of every text on the charter written as `c` (a capital, an
/// emoji), the words kept: as wide as a page can get within the limits.
fn wide(n: usize, c: char) -> Workshop {
    let mut w = full(n);
    let fill = |t: &mut String| *t = t.chars().map(|x| if x == ' ' { x } else { c }).collect();
    fill(&mut w.setup.title);
    fill(&mut w.setup.organisation);
    w.setup.outcomes.iter_mut().for_each(|o| fill(&mut o.text));
    w.setup.groups.iter_mut().for_each(|g| fill(&mut g.name));
    for p in &mut w.principles {
        fill(&mut p.title);
        fill(&mut p.text.meaning);
    }
    w.tensions.iter_mut().for_each(|t| fill(&mut t.note));
    w
}

#[test]
fn a_charter_that_cannot_fit_says_which_parts_fall_off_the_page() {
    for c in ['W', '🏠'] {
        let w = wide(8, c);
        assert_eq!(w.check(), Ok(()), "still within every limit");
        let fit = Charter::of(&w, Lang::Nl).fit();
        assert_eq!(fit.density, COMPACT, "{c}: the smallest type");
        assert!(fit.cut.contains(&Part::Participants), "{c}: the participants line falls off: {fit:?}");
        let order: Vec<usize> = fit.cut.iter().map(|p| Part::ALL.iter().position(|q| q == p).unwrap_or(9)).collect();
        assert!(order.windows(2).all(|w| w[0] < w[1]), "top to bottom: {fit:?}");
        assert!(!fit.cut.contains(&Part::Header));
    }
    // What fits says nothing is cut.
    for n in [5, 8] {
        assert_eq!(Charter::of(&full(n), Lang::Nl).fit().cut, Vec::<Part>::new());
    }
}

// --- Markdown ---------------------------------------------------------------------------------

#[test]
fn markdown_escapes_links_images_html_headings_and_table_breaks() {
    assert_eq!(md("<img src=x onerror=alert(1)>"), "\\<img src=x onerror=alert(1)\\>");
    assert_eq!(md("[x](javascript:alert(1))"), "\\[x\\](javascript:alert(1))");
    assert_eq!(md("# kop"), "\\# kop");
    assert_eq!(md("- lijst"), "\\- lijst");
    assert_eq!(md("1. lijst"), "1\\. lijst");
    assert_eq!(md("a | b"), "a \\| b");
    assert_eq!(md("regel\n# kop\n\n<script>"), "regel \\# kop \\<script\\>");
    assert_eq!(md("**vet** _schuin_ `code` \\"), "\\*\\*vet\\*\\* \\_schuin\\_ \\`code\\` \\\\");
    assert_eq!(md("&lt;b&gt;"), "\\&lt;b\\&gt;");
    assert_eq!(md("![plaatje](x.png)"), "\\!\\[plaatje\\](x.png)");
    assert_eq!(md_cell("=SUM(A1)"), "'\\=SUM(A1)");
    assert_eq!(md_cell("+31 6"), "'\\+31 6");
    assert_eq!(md_cell("-1"), "'\\-1");
    assert_eq!(md_cell("@user"), "'@user");
    assert_eq!(md_cell("gewoon"), "gewoon");
    assert_eq!(md("Zorg dichtbij, in de wijk."), "Zorg dichtbij, in de wijk.");
}

/// How often `c` occurs without a backslash before it.
fn unescaped(text: &str, c: char) -> usize {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len()).filter(|&i| chars[i] == c && (i == 0 || chars[i - 1] != '\\')).count()
}

fn hostile() -> Workshop {
    let mut w = clustered();
    let evil = "<img src=x onerror=alert(1)> [x](javascript:alert(1))";
    ok(&mut w, Action::EditSetup { field: SetupField::Title, value: format!("# Titel {evil}") });
    ok(&mut w, Action::Promote { id: id("p-1"), cluster: id("c-norm") });
    ok(&mut w, Action::EditPrinciple { id: id("p-1"), field: PrincipleField::Title, value: "Normaal | =1+1".into() });
    ok(&mut w, Action::EditPrinciple { id: id("p-1"), field: PrincipleField::Meaning, value: evil.into() });
    ok(
        &mut w,
        Action::EditPrinciple { id: id("p-1"), field: PrincipleField::Offer, value: "regel 1\n## kop\n- punt".into() },
    );
    ok(
        &mut w,
        Action::EditPrinciple { id: id("p-1"), field: PrincipleField::Closing(0), value: "Antwoord <b>vet</b>".into() },
    );
    add_principle(&mut w, "p-2", "=HYPERLINK(\"http://x\")");
    ok(
        &mut w,
        Action::SetTension {
            id: id("t-1"),
            a: id("p-1"),
            b: id("p-2"),
            note: "a | b\n| c |".into(),
            priority: Some(id("p-2")),
        },
    );
    w
}

#[test]
fn every_principle_field_meant_for_the_markdown_is_in_it_with_its_label() {
    let mut w = with_principles(1);
    for spec in PRINCIPLE_FIELDS {
        let value = format!("Tekst van {}", spec.key);
        ok(&mut w, Action::EditPrinciple { id: id("p-0"), field: spec.field, value });
    }
    let md = to_markdown(&w, Lang::Nl);
    for spec in PRINCIPLE_FIELDS.iter().filter(|s| s.in_markdown) {
        let line = md.lines().find(|l| l.contains(&format!("Tekst van {}", spec.key)));
        let line = line.unwrap_or_else(|| panic!("{:?} missing from:\n{md}", spec.field));
        if !matches!(spec.field, PrincipleField::Title | PrincipleField::Meaning) {
            let label = ConcretiseText::principle_field(spec.field).get(Lang::Nl);
            assert!(line.contains(label), "{:?} without its label {label:?}: {line}", spec.field);
        }
    }
}

#[test]
fn the_markdown_export_holds_the_set_and_nothing_typed_becomes_markup() {
    let w = hostile();
    let md = to_markdown(&w, Lang::Nl);
    assert!(md.starts_with("# \\# Titel \\<img"), "{md}");
    // Our own block quotes ("> **Concept.**") aside.
    let body: String = md.lines().map(|l| l.strip_prefix("> ").unwrap_or(l)).collect::<Vec<_>>().join("\n");
    for c in ['<', '>', '[', ']', '|', '`', '*', '_'] {
        // Every such character from user text is escaped (table pipes and bold are ours).
        if c != '|' && c != '*' {
            assert_eq!(unescaped(&body, c), 0, "unescaped {c} in:\n{md}");
        }
    }
    assert!(!md.contains("\n## kop"), "a heading from user text in:\n{md}");
    assert!(md.contains("### 1. Normaal \\| =1+1"));
    assert!(md.contains("### 2. \\=HYPERLINK"));
    // The tension table has exactly one row, with the formula neutralised and pipes escaped.
    let rows: Vec<&str> = md.lines().filter(|l| l.starts_with("| ")).collect();
    assert_eq!(rows.len(), 2, "{md}");
    assert!(rows[1].contains("'\\=HYPERLINK"), "{}", rows[1]);
    assert!(rows[1].contains("a \\| b \\| c \\|"), "{}", rows[1]);
    // Every row keeps four cells: no cell break came from user text.
    assert!(rows.iter().all(|r| r.matches(" | ").count() == 3), "{rows:?}");
    // Provenance: the cards of the cluster with their source and group.
    assert!(md.contains("**Waar het vandaan komt:** Normaliseren"));
    assert!(md.contains("- Niemand is normaal (Gegevens: Veel diagnoses op sommige scholen; Inwoners)"));
    assert!(md.contains("> **Concept.**"));
}

#[test]
fn the_markdown_export_has_every_principle_and_tension_at_full_size() {
    let w = full(8);
    let md = to_markdown(&w, Lang::En);
    assert_eq!(md.lines().filter(|l| l.starts_with("### ")).count(), 8);
    assert_eq!(md.lines().filter(|l| l.starts_with("| ")).count(), 1 + 28);
    assert!(md.contains("## Tensions"));
    eprintln!("Markdown for 8 principles at every limit: {} bytes", md.len());
    eprintln!("JSON for 8 principles at every limit: {} bytes", format::to_json(&w).len());
}

// --- Files: import errors and merge -----------------------------------------------------------

#[test]
fn the_full_workshop_file_reads_back_the_same() {
    let w = full(8);
    assert_eq!(format::from_json(&format::to_json(&w)), Ok(w));
}

/// What an error must look like.
type Expect = fn(&FileError) -> bool;

#[test]
fn wrong_files_are_refused_with_a_message_that_says_nothing_changed() {
    let good = format::to_json(&clustered());
    let dangling = good.replace("\"cluster\":\"c-norm\"", "\"cluster\":\"c-weg\"");
    assert_ne!(dangling, good);
    let too_long = format::to_json(&{
        let mut w = clustered();
        w.setup.title = "x".repeat(limits::TITLE + 1);
        w
    });
    let cases: Vec<(String, Expect)> = vec![
        ("dit is geen json".into(), |e| matches!(e, FileError::NotJson(_))),
        ("{\"format\":\"iets anders\",\"version\":1}".into(), |e| *e == FileError::WrongFormat),
        (
            good.replace(&format!("\"version\":{}", format::VERSION), &format!("\"version\":{}", format::VERSION + 1)),
            |e| *e == FileError::NewerVersion(u64::from(format::VERSION) + 1),
        ),
        (" ".repeat(format::MAX_BYTES + 1), |e| matches!(e, FileError::TooLarge { .. })),
        (dangling, |e| matches!(e, FileError::Broken(Integrity::Dangling { .. }))),
        (too_long, |e| matches!(e, FileError::Broken(Integrity::TooLong { .. }))),
    ];
    for (text, expected) in cases {
        let e = format::from_json(&text).expect_err("refused");
        assert!(expected(&e), "{e:?}");
        for lang in [Lang::Nl, Lang::En] {
            let msg = i18n::file_error(&e, lang);
            assert!(msg.ends_with("Er is niets veranderd.") || msg.ends_with("Nothing was changed."), "{msg}");
        }
    }
}

#[test]
fn merging_two_tables_files_gives_the_union_and_a_plain_report() {
    let ours = seeded();
    let theirs = format::from_json(&format::to_json(&other_laptop())).expect("a good file");
    let m = merged(&ours, &theirs).expect("merge");
    for id_ in ["s-3", "k-6", "c-3", "v-3", "p-5"] {
        assert!(m.workshop.all_ids().any(|x| x.as_str() == id_), "{id_} missing");
    }
    // Nothing doubled: every id once.
    let mut ids: Vec<&str> = m.workshop.all_ids().map(|x| x.as_str()).collect();
    let before = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), before);
    // Carla's dot came along; ours stayed.
    assert_eq!(m.workshop.voting.dots_on(&id("c-3")), 1);
    assert_eq!(m.workshop.voting.dots_on(&id("c-1")), 1);
    // The renamed cluster is a conflict: ours is kept and it is reported.
    assert_eq!(m.workshop.cluster(&id("c-1")).map(|c| c.name.as_str()), Some("Normaliseren"));
    let report = FilesText::merge_report(&m.report, Lang::Nl);
    assert!(report.starts_with("Samengevoegd. Toegevoegd:"), "{report}");
    assert!(report.contains("1 kaart") && report.contains("1 principe"), "{report}");
    // The report names the item whose wording differs (the other wording waits for a decision).
    assert!(report.contains("Anders in het bestand: cluster „Normaliseren”"), "{report}");
    assert_eq!(m.workshop.disagreements.len(), 1);
    // Merging the same file again adds nothing.
    let again = merged(&m.workshop, &theirs).expect("merge again");
    assert_eq!(again.workshop, m.workshop);
    assert!(FilesText::merge_report(&again.report, Lang::En).starts_with("Merged. The other file held nothing new."));
    // Through the one apply, as the file menu does it.
    let mut w = ours.clone();
    ok(&mut w, Action::Merge { other: Box::new(theirs) });
    assert_eq!(w, m.workshop);
}

#[test]
fn every_later_text_exists_in_both_languages() {
    for (key, nl, en) in i18n::every_text() {
        assert!(!nl.trim().is_empty() && !en.trim().is_empty(), "{key}");
    }
}

// --- The why travels with each principle -------------------------------------------------------

/// One principle with a meaning, a why and an outcome, through `apply` as the screen does.
fn principle_with_why(w: &mut Workshop, n: usize, title: &str, meaning: &str, why: &str, outcome: Option<&str>) {
    let pid = format!("p-{n}");
    add_principle(w, &pid, title);
    for (field, value) in [(PrincipleField::Meaning, meaning), (PrincipleField::Assumption, why)] {
        ok(w, Action::EditPrinciple { id: id(&pid), field, value: value.into() });
    }
    if let Some(o) = outcome {
        ok(w, Action::AddOutcome { id: id(&format!("o-{n}")), text: o.into() });
        ok(w, Action::SetPrincipleOutcome { id: id(&pid), outcome: Some(id(&format!("o-{n}"))) });
    }
}

#[test]
fn each_principle_on_the_charter_carries_its_meaning_why_and_outcome() {
    let mut w = Workshop::default();
    principle_with_why(
        &mut w,
        1,
        "Dichtbij",
        "Hulp in de buurt",
        "mensen sneller hulp vragen bij iemand die ze kennen",
        Some("Meer inwoners vragen op tijd hulp"),
    );
    principle_with_why(&mut w, 2, "Gewoon", "Kleine vragen klein houden", "", None);
    let c = Charter::of(&w, Lang::Nl);
    assert_eq!(c.principles[0].meaning, "Hulp in de buurt");
    assert_eq!(c.principles[0].why, "mensen sneller hulp vragen bij iemand die ze kennen");
    assert_eq!(c.principles[0].serves, "Meer inwoners vragen op tijd hulp");
    assert_eq!((c.principles[1].why.as_str(), c.principles[1].serves.as_str()), ("", ""));
    assert!(!c.whys_left_out);
    // The outcome is on the page with its principle, so it gets no section of its own.
    assert_eq!(c.outcomes, vec!["Meer inwoners vragen op tijd hulp".to_string()]);
    assert!(!c.outcomes_apart());
    // Without any principle naming an outcome, the outcomes keep their own section.
    let mut w = Workshop::default();
    ok(&mut w, Action::AddOutcome { id: id("o-9"), text: "Gezond opgroeien".into() });
    principle_with_why(&mut w, 1, "Dichtbij", "Hulp in de buurt", "", None);
    assert!(Charter::of(&w, Lang::Nl).outcomes_apart());
}

#[test]
fn a_why_is_shortened_at_a_word_and_a_long_word_inside_itself() {
    assert_eq!(charter::clip("kort genoeg", 20), "kort genoeg");
    let cut = charter::clip("mensen vragen sneller hulp bij iemand die ze kennen", 30);
    assert_eq!(cut, "mensen vragen sneller hulp…");
    assert!(cut.chars().count() <= 30);
    let url = format!("https://example.org/{}", "a".repeat(200));
    let cut = charter::clip(&url, 50);
    assert_eq!(cut.chars().count(), 50);
    assert!(cut.ends_with('…'));
}

#[test]
fn at_every_limit_five_and_eight_principles_keep_a_why_and_an_outcome_each_and_fit() {
    for n in [5, 8] {
        let c = Charter::of(&full(n), Lang::Nl);
        assert_eq!(c.fit().cut, Vec::<Part>::new(), "{n} principles fit");
        for p in &c.principles {
            assert!(p.why.chars().count() >= charter::WHY_CHARS / 2, "{n}: a why on every principle: {p:?}");
            assert!(!p.serves.is_empty(), "{n}: an outcome on every principle");
        }
        assert!(!c.whys_left_out);
    }
    // A why that fits is not shortened.
    let mut w = Workshop::default();
    let why = exact(limits::PRINCIPLE_PART);
    for i in 0..5 {
        principle_with_why(&mut w, i, "Dichtbij", "Hulp in de buurt", &why, None);
    }
    assert!(Charter::of(&w, Lang::Nl).principles.iter().all(|p| p.why == why));
}

#[test]
fn above_eight_the_whys_may_go_but_the_page_says_where_they_are() {
    let mut w = full(12);
    ok(&mut w, Action::Finalise { reason: Some(exact(limits::REASON)) });
    let c = Charter::of(&w, Lang::Nl);
    assert!(c.whys_left_out, "twelve principles at every limit leave the whys out");
    assert!(c.principles.iter().all(|p| p.why.is_empty()));
    assert!(c.estimated_height(c.density()) <= PAGE_HEIGHT_MM);
    let note = CharterText::WhysElsewhere.get(Lang::Nl);
    assert!(note.contains("Markdown") && note.contains("poster"), "{note}");
    // The Markdown still has every why in full.
    let md = to_markdown(&w, Lang::Nl);
    assert!(md.contains(&exact(limits::PRINCIPLE_PART)));
}

#[test]
fn no_type_on_the_charter_is_below_eight_points() {
    assert!(charter::FONT_PT.iter().all(|&pt| pt >= charter::MIN_PT));
    // Every smaller text on the sheet says max(…, 8pt), so the smallest step stays at 8 pt.
    let css = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/styles/charter.css")).unwrap_or_default();
    let sheet_rules: Vec<&str> = css.lines().filter(|l| l.contains(".ld-sheet")).collect();
    assert!(!sheet_rules.is_empty(), "styles/charter.css is readable");
    for rule in sheet_rules {
        for size in rule.split("font-size:").skip(1) {
            let value = size.split(';').next().unwrap_or("").trim();
            let shrinks = value.ends_with("em") && value.trim_end_matches("em").parse::<f64>().is_ok_and(|x| x < 1.0);
            assert!(!shrinks, "a smaller type without an 8 pt floor: {rule}");
        }
    }
}

/// The published Dutch sets of `data/principles-dev.json`: (owner, principle texts, why).
fn published_sets() -> Vec<(String, Vec<(String, String)>)> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/principles-dev.json");
    let data: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap_or_default()).unwrap_or_default();
    let themes = data["themes"].as_array().cloned().unwrap_or_default();
    let theme = |id: &str| {
        themes.iter().find(|t| t["id"] == id).and_then(|t| t["definition"].as_str()).unwrap_or("").to_string()
    };
    let sets = data["sets"].as_array().cloned().unwrap_or_default();
    sets.iter()
        .map(|s| {
            let owner = s["owner"].as_str().unwrap_or("").to_string();
            let principles = s["principles"].as_array().cloned().unwrap_or_default();
            let texts = principles
                .iter()
                .map(|p| {
                    let title = p["title"].as_str().unwrap_or("").to_string();
                    (title, theme(p["theme"].as_str().unwrap_or("")))
                })
                .collect();
            (owner, texts)
        })
        .collect()
}

#[test]
fn real_published_sets_with_their_whys_fit_one_page() {
    let sets = published_sets();
    assert!(sets.len() >= 10, "the published sets are there");
    let mut tried = 0;
    for (owner, texts) in sets.iter().filter(|(_, t)| t.len() >= 5) {
        for n in [5, 8.min(texts.len())] {
            let mut w = Workshop::default();
            ok(&mut w, Action::EditSetup { field: SetupField::Title, value: charter::clip(owner, limits::TITLE) });
            ok(&mut w, Action::EditSetup { field: SetupField::Date, value: "2026-03-12".into() });
            for (i, (text, why)) in texts.iter().take(n).enumerate() {
                // The published text is the meaning; its first words the title; the theme the why.
                principle_with_why(
                    &mut w,
                    i,
                    &charter::clip(text, limits::PRINCIPLE_TITLE),
                    &charter::clip(text, limits::PRINCIPLE_MEANING),
                    &charter::clip(why, limits::PRINCIPLE_PART),
                    Some(&charter::clip(text, limits::OUTCOME)),
                );
            }
            let c = Charter::of(&w, Lang::Nl);
            let fit = c.fit();
            assert_eq!(fit.cut, Vec::<Part>::new(), "{owner}, {n} principles");
            assert!(c.principles.iter().all(|p| !p.why.is_empty()), "{owner}: every why on the page");
            eprintln!(
                "{owner:.40}: {n} principles, density {}, {:.0} mm",
                fit.density,
                c.estimated_height(fit.density)
            );
            tried += 1;
        }
    }
    assert!(tried >= 10, "{tried} sets tried");
}
