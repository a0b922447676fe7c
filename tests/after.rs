//! The tools after the charter. Yardstick (summary, sorting, CSV without formula
//! injection, Markdown escaping), congruence gaps, the doorfluister-check on a realistic example,
//! version comparison, and the migration of a version 1 file.

use leidraad::after::doorfluister::{missing_words, similarity, KEPT_FROM, LOST_BELOW};
use leidraad::after::yardstick::{amount_value, sort};
use leidraad::after::*;
use leidraad::export::csv::{self as csvw, Separator};
use leidraad::format;
use leidraad::i18n::{AfterText, Lang};
use leidraad::workshop::*;

fn id(text: &str) -> Id {
    Id::parse(text).expect("a valid test id")
}

#[track_caller]
fn ok(w: &mut Workshop, action: Action) {
    if let Err(e) = w.apply(action.clone()) {
        panic!("{action:?} was refused: {e:?}");
    }
}

/// Five principles with meaning and policy theory, as a municipality would have them.
fn five() -> Workshop {
    let mut w = Workshop::default();
    w.setup.title = "Leidende principes Sociaal Domein".into();
    w.setup.organisation = "Gemeente Voorbeeld".into();
    let set = [
        (
            "p-1",
            "Zo lang mogelijk zelfstandig thuis",
            "Inwoners wonen zo lang mogelijk zelfstandig thuis, met steun van hun eigen netwerk.",
            "Omdat we aannemen dat mensen gezonder en gelukkiger blijven in hun eigen huis en buurt,",
            "zetten we in op een boodschappendienst, een klussendienst en burenhulp.",
        ),
        ("p-2", "Zorg dichtbij", "Hulp is dichtbij, in de wijk, bij het wijkteam.", "", ""),
        ("p-3", "Eén gezin, één plan", "Eén gezin heeft één plan en één regisseur.", "", ""),
        ("p-4", "Preventie eerst", "We voorkomen dat problemen groter worden.", "", ""),
        ("p-5", "Vertrouwen in de professional", "Professionals krijgen ruimte om te doen wat nodig is.", "", ""),
    ];
    for (pid, title, meaning, assumption, way) in set {
        ok(&mut w, Action::AddPrinciple { id: id(pid), title: title.into() });
        for (field, value) in [
            (PrincipleField::Meaning, meaning),
            (PrincipleField::Assumption, assumption),
            (PrincipleField::WayOfWorking, way),
        ] {
            if !value.is_empty() {
                ok(&mut w, Action::EditPrinciple { id: id(pid), field, value: value.into() });
            }
        }
    }
    w
}

fn add_option(w: &mut Workshop, oid: &str, title: &str, amount: &str) {
    ok(
        w,
        Action::AddOption {
            id: id(oid),
            title: title.into(),
            description: format!("Omschrijving van {title}"),
            amount: amount.into(),
        },
    );
}

fn assess(w: &mut Workshop, o: &str, p: &str, v: Verdict, reason: &str) {
    ok(w, Action::Assess { option: id(o), principle: id(p), verdict: Some(v), reason: reason.into() });
}

/// Five principles and six options, every verdict given (the figures in the report use this).
fn six_options() -> Workshop {
    let mut w = five();
    let options = [
        ("o-1", "Wijkteams samenvoegen", "€ 400.000"),
        ("o-2", "Klussendienst stoppen", "€ 120.000"),
        ("o-3", "Eigen bijdrage huishoudelijke hulp", "€ 1.250.000"),
        ("o-4", "=SUM(1) formule", "-40.000"),
        ("o-5", "Minder inhuur", "2 fte"),
        ("o-6", "Preventieprogramma jeugd uitbreiden", ""),
    ];
    let verdicts = [Verdict::InLine, Verdict::Obstructing, Verdict::Neutral];
    for (k, (oid, title, amount)) in options.iter().enumerate() {
        add_option(&mut w, oid, title, amount);
        for (j, p) in ["p-1", "p-2", "p-3", "p-4", "p-5"].iter().enumerate() {
            assess(&mut w, oid, p, verdicts[(k + j) % 3], "Korte reden, met een komma; en \"aanhalingstekens\"");
        }
    }
    w
}

// --- Yardstick

#[test]
fn the_summary_counts_each_verdict_and_scores_in_line_minus_obstructing() {
    let mut w = five();
    add_option(&mut w, "o-1", "Wijkteams samenvoegen", "€ 400.000");
    add_option(&mut w, "o-2", "Klussendienst stoppen", "€ 120.000");
    assess(&mut w, "o-1", "p-1", Verdict::InLine, "");
    assess(&mut w, "o-1", "p-2", Verdict::Obstructing, "Verder weg");
    assess(&mut w, "o-1", "p-3", Verdict::Obstructing, "");
    assess(&mut w, "o-1", "p-4", Verdict::Neutral, "");
    assess(&mut w, "o-2", "p-1", Verdict::Obstructing, "Minder hulp thuis");
    let s = summaries(&w);
    assert_eq!((s[0].in_line, s[0].obstructing, s[0].neutral, s[0].open, s[0].score), (1, 2, 1, 1, -1));
    assert_eq!((s[1].in_line, s[1].obstructing, s[1].neutral, s[1].open, s[1].score), (0, 1, 0, 4, -1));
    // Clearing a verdict opens it again; removing a principle drops its verdicts.
    ok(&mut w, Action::Assess { option: id("o-1"), principle: id("p-4"), verdict: None, reason: String::new() });
    ok(&mut w, Action::RemovePrinciple { id: id("p-2") });
    let s = summaries(&w);
    assert_eq!((s[0].in_line, s[0].obstructing, s[0].neutral, s[0].open, s[0].score), (1, 1, 0, 2, 0));
}

#[test]
fn the_overview_sorts_on_every_key_and_ties_keep_the_order_of_entry() {
    let w = six_options();
    let mut s = summaries(&w);
    sort(&mut s, SortKey::Amount, true);
    let titles: Vec<&str> = s.iter().map(|x| x.title.as_str()).collect();
    assert_eq!(titles[0], "Eigen bijdrage huishoudelijke hulp");
    assert_eq!(titles[5], "Preventieprogramma jeugd uitbreiden", "no amount comes last");
    sort(&mut s, SortKey::Amount, false);
    assert_eq!(s[0].title, "=SUM(1) formule", "a negative amount is smallest");
    assert_eq!(s[5].title, "Preventieprogramma jeugd uitbreiden", "no amount comes last either way");
    sort(&mut s, SortKey::Score, true);
    assert!(s.windows(2).all(|p| p[0].score >= p[1].score));
    for pair in s.windows(2) {
        if pair[0].score == pair[1].score {
            assert!(pair[0].order < pair[1].order, "ties keep the order of entry");
        }
    }
    sort(&mut s, SortKey::Title, false);
    assert_eq!(s[0].title, "=SUM(1) formule");
    sort(&mut s, SortKey::Order, false);
    assert_eq!(s.iter().map(|x| x.order).collect::<Vec<_>>(), vec![0, 1, 2, 3, 4, 5]);
    for key in SortKey::ALL {
        sort(&mut s, key, true);
        assert_eq!(s.len(), 6);
    }
}

#[test]
fn amounts_are_read_the_dutch_way() {
    assert_eq!(amount_value("€ 250.000"), Some(250_000.0));
    assert_eq!(amount_value("€ 1.250.000,50"), Some(1_250_000.5));
    assert_eq!(amount_value("1,5 fte"), Some(1.5));
    assert_eq!(amount_value("2.5"), Some(2.5));
    assert_eq!(amount_value("-40.000"), Some(-40_000.0));
    assert_eq!(amount_value("ca. € 3 mln"), Some(3.0));
    assert_eq!(amount_value("onbekend"), None);
    assert_eq!(amount_value(""), None);
}

#[test]
fn csv_cells_that_start_a_formula_are_neutralised_and_quoted_properly() {
    let s = Separator::Semicolon;
    assert_eq!(csvw::cell("=SUM(1)", s), "'=SUM(1)");
    assert_eq!(csvw::cell("+31 6", s), "'+31 6");
    assert_eq!(csvw::cell("-40.000", s), "'-40.000");
    assert_eq!(csvw::cell("@cmd", s), "'@cmd");
    assert_eq!(csvw::cell("\tx", s), "'\tx");
    assert_eq!(csvw::cell("\rx", s), "\"'\rx\"");
    assert_eq!(csvw::cell("a;b", s), "\"a;b\"");
    assert_eq!(csvw::cell("a,b", s), "a,b");
    assert_eq!(csvw::cell("a,b", Separator::Comma), "\"a,b\"");
    assert_eq!(csvw::cell("zei \"ja\"", s), "\"zei \"\"ja\"\"\"");
    assert_eq!(csvw::cell("=1;2", s), "\"'=1;2\"");
    assert_eq!(csvw::cell("regel\nnog een", s), "\"regel\nnog een\"");
    assert_eq!(csvw::cell("gewoon", s), "gewoon");
    assert_eq!(csvw::cell("", s), "");
}

/// A small RFC 4180 reader, to prove the file splits back into the same cells.
fn parse_csv(text: &str, sep: char) -> Vec<Vec<String>> {
    let text = text.trim_start_matches('\u{feff}');
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    cell.push('"');
                    chars.next();
                } else {
                    quoted = false;
                }
            } else {
                cell.push(c);
            }
        } else if c == '"' {
            quoted = true;
        } else if c == sep {
            row.push(std::mem::take(&mut cell));
        } else if c == '\r' && chars.peek() == Some(&'\n') {
            chars.next();
            row.push(std::mem::take(&mut cell));
            rows.push(std::mem::take(&mut row));
        } else {
            cell.push(c);
        }
    }
    rows
}

#[test]
fn the_yardstick_csv_has_a_row_per_option_and_no_live_formula() {
    let mut w = six_options();
    ok(
        &mut w,
        Action::EditPrinciple { id: id("p-5"), field: PrincipleField::Title, value: "@Vertrouwen; ruimte".into() },
    );
    for (lang, sep) in [(Lang::Nl, ';'), (Lang::En, ',')] {
        let text = yardstick_csv(&w, lang);
        assert!(text.starts_with('\u{feff}'));
        let rows = parse_csv(&text, sep);
        assert_eq!(rows.len(), 7, "a header and six options");
        assert!(rows.iter().all(|r| r.len() == 3 + 2 * 5 + 5), "every row has every column");
        assert_eq!(rows[4][0], "'=SUM(1) formule");
        assert_eq!(rows[4][2], "'-40.000");
        assert_eq!(rows[0][3 + 8], "'@Vertrouwen; ruimte");
        for r in &rows {
            for c in r {
                assert!(!matches!(c.chars().next(), Some('=' | '+' | '-' | '@' | '\t' | '\r')), "live formula: {c}");
            }
        }
        assert_eq!(rows[1][4], "Korte reden, met een komma; en \"aanhalingstekens\"");
    }
    let nl = yardstick_csv(&w, Lang::Nl);
    assert!(nl.contains("In lijn") && nl.contains("Belemmerend") && nl.contains("Neutraal"));
}

#[test]
fn the_yardstick_markdown_escapes_user_text() {
    let mut w = six_options();
    ok(
        &mut w,
        Action::AddOption {
            id: id("o-7"),
            title: "<img src=x onerror=alert(1)> [klik](javascript:alert(1))".into(),
            description: "# kop\n- lijst | cel".into(),
            amount: "=1+1".into(),
        },
    );
    let md = yardstick_markdown(&w, Lang::Nl);
    assert!(!md.contains(" <img") && !md.contains("\n<img"), "raw HTML escaped");
    assert!(md.contains("\\<img src=x onerror=alert(1)\\> \\[klik\\](javascript:alert(1))"));
    assert!(md.contains("\\# kop - lijst \\| cel"), "one line, no heading, no cell break");
    assert!(md.contains("| '\\=1+1 |"), "a table cell cannot start a formula");
    assert!(md.contains("## Overzicht") && md.contains("| Wijkteams samenvoegen | € 400.000 |"));
    let en = yardstick_markdown(&w, Lang::En);
    assert!(en.starts_with("# Choices beside the principles (yardstick)"));
}

// --- Congruence

#[test]
fn congruence_gaps_are_every_answer_not_yet_yes_and_the_unanswered() {
    let mut w = five();
    let answer = |w: &mut Workshop, p: &str, area, q, a, note: &str| {
        ok(w, Action::AnswerCongruence { principle: id(p), area, question: q, answer: Some(a), note: note.into() })
    };
    answer(&mut w, "p-1", Area::Vision, 0, Answer::Yes, "");
    answer(&mut w, "p-1", Area::Organisation, 0, Answer::No, "Contracten belonen productie");
    answer(&mut w, "p-1", Area::Organisation, 1, Answer::Partly, "");
    answer(&mut w, "p-2", Area::Practice, 1, Answer::Yes, "");
    let o = congruence_overview(&w);
    assert_eq!(o.total, 5 * 9);
    assert_eq!((o.yes, o.partly, o.no, o.unanswered), (2, 1, 1, 41));
    let answered: Vec<&Gap> = o.answered_gaps().collect();
    assert_eq!(answered.len(), 2);
    assert_eq!((answered[0].area, answered[0].question, answered[0].answer), (Area::Organisation, 0, Some(Answer::No)));
    assert_eq!(answered[0].note, "Contracten belonen productie");
    assert_eq!(o.gaps.len(), 43);
    assert_eq!(o.unanswered_of(&id("p-1")), 6);
    assert_eq!(o.unanswered_of(&id("p-3")), 9);
    // The method's question counts, and a question past them is refused.
    assert_eq!(Area::ALL.iter().map(|a| a.questions() as usize).sum::<usize>(), 9);
    assert!(w
        .apply(Action::AnswerCongruence {
            principle: id("p-1"),
            area: Area::Vision,
            question: 2,
            answer: Some(Answer::Yes),
            note: String::new()
        })
        .is_err());
    let md = congruence_markdown(&w, Lang::Nl);
    assert!(md.contains("Passen inkoop en contracten bij het principe?"));
    assert!(md.contains("| Zo lang mogelijk zelfstandig thuis | Inrichting |"));
    assert!(md.contains("Eén gezin, één plan: 9 nog niet beantwoord"));
}

#[test]
fn every_congruence_question_has_a_text_in_both_languages() {
    for area in Area::ALL {
        for q in 0..area.questions() {
            let k = AfterText::question(area, q).expect("a text");
            assert!(k.get(Lang::Nl).ends_with('?') && k.get(Lang::En).ends_with('?'));
        }
    }
}

// --- Doorfluister-check

fn whisper(w: &mut Workshop, wid: &str, p: &str, layer: Layer, text: &str) {
    ok(w, Action::AddWhisper { id: id(wid), principle: id(p), layer, author: String::new(), text: text.into() });
}

#[test]
fn the_doorfluister_check_flags_the_why_that_got_lost() {
    let mut w = five();
    // Seed 004: practice does the right thing (a klussendienst) but no longer knows why.
    whisper(
        &mut w,
        "w-1",
        "p-1",
        Layer::Board,
        "Zodat inwoners langer zelfstandig thuis kunnen wonen, met steun van buren en hun eigen netwerk.",
    );
    whisper(
        &mut w,
        "w-2",
        "p-1",
        Layer::Policy,
        "Mensen blijven gezonder en gelukkiger als ze in hun eigen huis en buurt kunnen blijven wonen.",
    );
    whisper(&mut w, "w-3", "p-1", Layer::Practice, "We hebben een klussendienst omdat de subsidie dat vraagt.");
    whisper(&mut w, "w-4", "p-1", Layer::Partners, "Om geld te besparen op de begroting van de gemeente.");
    whisper(&mut w, "w-5", "p-1", Layer::Residents, "Geen idee, ik heb er nooit van gehoord.");
    whisper(
        &mut w,
        "w-6",
        "p-2",
        Layer::Practice,
        "Omdat hulp in de wijk dichtbij inwoners moet zijn, via het wijkteam.",
    );
    let r = doorfluister(&w);
    let p1 = &r.principles[0];
    let scores: Vec<(Layer, f32, Band)> =
        p1.whispers.iter().map(|x| (x.layer, x.similarity.unwrap_or(-1.0), x.band.expect("a band"))).collect();
    eprintln!("{scores:?}");
    assert_eq!(p1.whispers.iter().map(|x| x.layer).collect::<Vec<_>>(), Layer::ALL.to_vec(), "board to residents");
    assert_eq!(scores[0].2, Band::Kept, "board kept the why: {scores:?}");
    assert_eq!(scores[1].2, Band::Kept, "policy kept the why: {scores:?}");
    assert_ne!(scores[2].2, Band::Kept, "practice does the deed without the why: {scores:?}");
    assert_eq!(scores[3].2, Band::Lost, "{scores:?}");
    assert_eq!(scores[4].2, Band::Lost, "{scores:?}");
    assert_eq!(p1.lost, 2 + usize::from(scores[2].2 == Band::Lost));
    // What did not travel to practice: the point of it, living independently at home.
    let missing = &p1.whispers[2].missing;
    eprintln!("missing in practice: {missing:?}");
    assert!(missing.iter().any(|m| m.contains("zelfstandig")), "{missing:?}");
    assert!(missing.iter().any(|m| m == "thuis"), "{missing:?}");
    assert!(!missing.iter().any(|m| m == "klussendienst"), "{missing:?}");
    assert!(r.principles[1].whispers[0].similarity.unwrap_or(0.0) >= KEPT_FROM, "{:?}", r.principles[1].whispers[0]);
    // Per layer: practice averages over its two answers.
    let practice = r.layers.iter().find(|l| l.layer == Layer::Practice).expect("practice");
    assert_eq!(practice.count, 2);
    let board = r.layers.iter().find(|l| l.layer == Layer::Board).expect("board");
    assert!(
        board.average.unwrap_or(0.0)
            > r.layers.iter().find(|l| l.layer == Layer::Residents).and_then(|l| l.average).unwrap_or(1.0)
    );
    // A principle without a stated why is not scored.
    let mut w2 = w.clone();
    ok(&mut w2, Action::AddPrinciple { id: id("p-6"), title: "Eenvoud".into() });
    whisper(&mut w2, "w-7", "p-6", Layer::Board, "Omdat regels simpel moeten zijn.");
    let r2 = doorfluister(&w2);
    assert_eq!(r2.principles[5].whispers[0].similarity, None);
    assert!(r2.principles[5].whispers[0].missing.is_empty());
    // Markdown export.
    let md = doorfluister_markdown(&w, Lang::Nl);
    assert!(md.contains("**De bedoeling volgens het charter:** Inwoners wonen zo lang mogelijk zelfstandig thuis"));
    assert!(md.contains("| Uitvoering |  | We hebben een klussendienst omdat de subsidie dat vraagt. |"));
    assert!(md.contains("Lijkt niet op het waarom") && md.contains("## Per laag"));
}

#[test]
fn a_score_does_not_change_when_someone_else_answers() {
    let mut w = five();
    whisper(&mut w, "w-1", "p-1", Layer::Board, "Zodat inwoners langer zelfstandig thuis kunnen wonen.");
    let before = doorfluister(&w).principles[0].whispers[0].similarity;
    whisper(&mut w, "w-2", "p-1", Layer::Residents, "Zelfstandig thuis wonen, dat willen inwoners zelf ook.");
    assert_eq!(doorfluister(&w).principles[0].whispers[0].similarity, before);
}

#[test]
fn missing_words_know_the_concepts_of_the_field() {
    let why = "Inwoners versterken hun eigen kracht.";
    assert!(!missing_words(why, "Meer zelfredzaamheid van inwoners.").iter().any(|m| m.contains("kracht")));
    assert!(missing_words(why, "Sneller een indicatie.").len() >= 2);
    assert_eq!(similarity(why, ""), 0.0);
    const { assert!(LOST_BELOW < KEPT_FROM) };
}

// --- Versions

#[test]
fn comparing_versions_finds_added_removed_reworded_and_unchanged() {
    let mut w = five();
    ok(&mut w, Action::SaveVersion { id: id("v-1"), name: "1.0".into(), date: "2026-03-12".into() });
    ok(
        &mut w,
        Action::EditPrinciple { id: id("p-2"), field: PrincipleField::Title, value: "Zorg en steun dichtbij".into() },
    );
    ok(
        &mut w,
        Action::EditPrinciple { id: id("p-4"), field: PrincipleField::Meaning, value: "We zijn er vroeg bij.".into() },
    );
    ok(&mut w, Action::RemovePrinciple { id: id("p-5") });
    ok(&mut w, Action::AddPrinciple { id: id("p-6"), title: "Eenvoud".into() });
    ok(&mut w, Action::SaveVersion { id: id("v-2"), name: "2.0".into(), date: "2027-03-12".into() });
    let (a_name, a) = VersionRef::Saved(id("v-1")).resolve(&w, Lang::Nl).expect("1.0");
    let (b_name, b) = VersionRef::Saved(id("v-2")).resolve(&w, Lang::Nl).expect("2.0");
    assert_eq!(a_name, "1.0 (12 maart 2026)");
    let d = compare(&a, &b);
    assert_eq!(d.added.iter().map(|p| p.title.as_str()).collect::<Vec<_>>(), vec!["Eenvoud"]);
    assert_eq!(d.removed.iter().map(|p| p.title.as_str()).collect::<Vec<_>>(), vec!["Vertrouwen in de professional"]);
    assert_eq!(d.reworded.len(), 2);
    assert!(d.reworded[0].title_changed && !d.reworded[0].meaning_changed);
    assert_eq!(d.reworded[0].before.title, "Zorg dichtbij");
    assert!(!d.reworded[1].title_changed && d.reworded[1].meaning_changed);
    assert_eq!(d.unchanged.len(), 2);
    assert!(!d.is_same());
    // The current set equals 2.0.
    let (_, now) = VersionRef::Current.resolve(&w, Lang::Nl).expect("current");
    assert!(compare(&b, &now).is_same());
    assert_eq!(VersionRef::Saved(id("v-9")).resolve(&w, Lang::Nl), None);
    let md = compare_markdown(&d, &a_name, &b_name, Lang::Nl);
    assert!(md.starts_with("# Versies vergeleken: 1\\.0 (12 maart 2026) → 2\\.0 (12 maart 2027)"), "{md}");
    assert!(md.contains("## Anders verwoord (2)") && md.contains("  - Principe was: Zorg dichtbij"));
    assert!(md.contains("## Toegevoegd (1)\n\n- **Eenvoud**"));
}

#[test]
fn the_evaluation_date_is_planned_a_year_on() {
    assert_eq!(one_year_after("2026-03-12").as_deref(), Some("2027-03-12"));
    assert_eq!(one_year_after("2028-02-29").as_deref(), Some("2029-02-28"));
    assert_eq!(one_year_after("12 maart"), None);
    let mut w = five();
    ok(&mut w, Action::SetEvaluationDate { date: "2027-03-12".into() });
    assert_eq!(w.after.evaluation_date, "2027-03-12");
    assert_eq!(evaluation_line(&w, Lang::Nl).as_deref(), Some("Evaluatie gepland op 12 maart 2027"));
    assert_eq!(evaluation_line(&w, Lang::En).as_deref(), Some("Evaluation planned on 12 March 2027"));
    assert_eq!(evaluation_line(&five(), Lang::Nl), None);
}

// --- File format

#[test]
fn a_version_1_file_with_principles_migrates_to_the_current_version_keeping_everything() {
    let v1 = r#"{"format":"leidraad-workshop","version":1,"workshop":{
        "setup":{"title":"Sessie 2025","organisation":"Gemeente Ede","date":"2025-05-01","facilitator":"","outcomes":[],"groups":[{"id":"g-1","name":"Inwoners"}]},
        "sources":[{"id":"s-1","kind":"case","title":"Gezin met schulden","notes":""}],
        "cards":[{"id":"k-1","text":"Eigen regie","source":"s-1","group":"g-1","cluster":"c-1"}],
        "clusters":[{"id":"c-1","name":"Eigen regie"}],
        "voting":{"dots_per_voter":5,"max_per_cluster":1,"voters":[],"votes":[],"revealed":false},
        "principles":[{"id":"p-1","from_cluster":"c-1","title":"Eigen regie","kind":"value","text":{"meaning":"Inwoners houden de regie."},"outcome":null},
                      {"id":"p-2","title":"Zorg dichtbij"}],
        "tensions":[{"id":"t-1","a":"p-1","b":"p-2","note":"Soms botst het","priority":"p-1"}],
        "finalised":{"reason":null}}}"#;
    let w = format::from_json(v1).expect("version 1 reads");
    assert_eq!(w.principles.len(), 2);
    assert_eq!(w.principles[0].text.meaning, "Inwoners houden de regie.");
    assert_eq!(w.principles[0].kind, PrincipleKind::Value);
    assert_eq!(w.tensions[0].priority, Some(id("p-1")));
    assert_eq!(w.cards[0].cluster, Some(id("c-1")));
    assert!(w.finalised.is_some());
    assert_eq!(w.after, Aftercare::default());
    let text = format::to_json(&w);
    assert!(text.contains(&format!("\"version\":{}", format::VERSION)) && text.contains("\"after\""));
    // Saved again and read back: the same, and the tools work on it.
    let mut again = format::from_json(&text).expect("the current version reads");
    assert_eq!(again, w);
    ok(
        &mut again,
        Action::AddOption { id: id("o-1"), title: "Optie".into(), description: String::new(), amount: String::new() },
    );
    ok(
        &mut again,
        Action::Assess {
            option: id("o-1"),
            principle: id("p-2"),
            verdict: Some(Verdict::InLine),
            reason: String::new(),
        },
    );
    let back = format::from_json(&format::to_json(&again)).expect("with after");
    assert_eq!(back.after.assessments.len(), 1);
}

#[test]
fn export_sizes_for_five_principles_and_six_options() {
    let mut w = six_options();
    for (i, (p, l)) in
        [("p-1", Layer::Board), ("p-1", Layer::Practice), ("p-2", Layer::Residents)].into_iter().enumerate()
    {
        whisper(&mut w, &format!("w-{i}"), p, l, "Zodat inwoners langer zelfstandig thuis kunnen wonen.");
    }
    ok(&mut w, Action::SaveVersion { id: id("v-1"), name: "1.0".into(), date: "2026-03-12".into() });
    let d = compare(&w.after.versions[0].principles, &snapshot(&w));
    let sizes = [
        ("yardstick.csv", yardstick_csv(&w, Lang::Nl).len()),
        ("yardstick.md", yardstick_markdown(&w, Lang::Nl).len()),
        ("congruence.md", congruence_markdown(&w, Lang::Nl).len()),
        ("doorfluister.md", doorfluister_markdown(&w, Lang::Nl).len()),
        ("versions.md", compare_markdown(&d, "1.0", "2.0", Lang::Nl).len()),
        ("workshop.json", format::to_json(&w).len()),
    ];
    eprintln!("export sizes: {sizes:?}");
    for (name, n) in sizes {
        assert!(n > 100 && n < 64 * 1024, "{name}: {n}");
    }
}

#[test]
fn whispers_from_two_laptops_merge_into_one_comparison() {
    let base = five();
    let mut laptop_a = base.clone();
    let mut laptop_b = base.clone();
    whisper(&mut laptop_a, "w-a1", "p-1", Layer::Board, "Zodat inwoners langer zelfstandig thuis kunnen wonen.");
    whisper(&mut laptop_b, "w-b1", "p-1", Layer::Residents, "Om geld te besparen.");
    ok(&mut laptop_a, Action::Merge { other: Box::new(laptop_b) });
    let r = doorfluister(&laptop_a);
    let layers: Vec<Layer> = r.principles[0].whispers.iter().map(|x| x.layer).collect();
    assert_eq!(layers, vec![Layer::Board, Layer::Residents]);
    assert_eq!(r.principles[0].whispers[1].band, Some(Band::Lost));
    assert_eq!(r.principles[0].lost, 1);
}

#[test]
fn the_planned_evaluation_shows_on_the_charter_and_in_its_markdown() {
    let mut w = leidraad::workshop::Workshop::default();
    w.apply(leidraad::workshop::Action::SetEvaluationDate { date: "2027-03-12".into() }).expect("a date fits");
    let c = leidraad::charter::Charter::of(&w, leidraad::i18n::Lang::Nl);
    let line = c.evaluation.expect("an evaluation line");
    assert!(line.contains("12 maart 2027"), "{line}");
    assert!(leidraad::charter::to_markdown(&w, leidraad::i18n::Lang::Nl).contains("12 maart 2027"));
}
