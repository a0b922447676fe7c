//! Plain Dutch (B1) that cannot drift back: every Dutch interface text is held to a proxy for
//! B1 that a machine can check. The proxy is written down in `docs/glossary.md` ("De B1-toets");
//! in short:
//!
//! 1. **Short sentences**: at most [`MAX_SENTENCE`] words in one sentence.
//! 2. **Common words**: no word longer than [`MAX_WORD`] letters (Dutch glues words together;
//!    longer ones are almost always office words).
//! 3. **Jargon only with its plain label**: a method word ([`JARGON`]) appears only in a text
//!    that also carries its plain label, e.g. "Waarom werkt dit? (beleidstheorie)".
//! 4. **One word per thing, "u" throughout**: words the glossary does not use ([`AVOIDED`]) do
//!    not appear, and a resident is never "je" or "jij".
//! 5. **Active voice**: no "wordt"/"worden" (the usual passive); say who does it.
//!
//! Run with `--nocapture` to see the figures over all texts.

use leidraad::i18n::{self, every_text, Lang};
use leidraad::workshop::{DomainError, Field, Stage};

/// The most words one sentence may have.
const MAX_SENTENCE: usize = 20;
/// The most letters one word may have.
const MAX_WORD: usize = 18;

/// Method words and the plain label each needs beside it (compared in lower case).
const JARGON: &[(&str, &str)] = &[
    ("beleidstheorie", "waarom werkt dit?"),
    ("congruentie", "doen we wat we zeggen?"),
    ("doorfluister", "komt het waarom aan?"),
    ("transformatiedoel", "doel van de verandering"),
    ("meetlat", "keuze"),
    ("casus", "situatie"),
    ("maatschappelijke result", "wat we willen bereiken"),
    ("maatschappelijk result", "wat we willen bereiken"),
    ("waarderend", "goed voorbeeld"),
];

/// Words the glossary chose against, with the word it uses instead. A word ending in `*` is
/// every word that starts so; "vaststellen" is allowed where the text names who does it (the
/// college or the raad), because only they adopt the set.
const AVOIDED: &[(&str, &str)] = &[
    ("verwijder*", "weghalen (or wissen: everything off this device)"),
    ("bewaar*", "opslaan"),
    ("bewaren", "opslaan"),
    ("print", "afdrukken"),
    ("printen", "afdrukken"),
    ("vastgesteld", "afronden; only the college or the raad stelt vast"),
    ("vaststellen", "afronden; only the college or the raad stelt vast"),
];

/// Phrases the glossary chose against.
const AVOIDED_PHRASES: &[(&str, &str)] = &[("mag leeg", "(niet verplicht)")];

/// Informal "you": Leidraad says "u".
const INFORMAL: &[&str] = &["je", "jij", "jouw", "jullie"];

/// Passive auxiliaries.
const PASSIVE: &[&str] = &["wordt", "worden"];

/// Every Dutch text the interface shows: the fixed texts and the refusals (one of each).
fn dutch_texts() -> Vec<(String, String)> {
    let mut all: Vec<(String, String)> = every_text().into_iter().map(|(k, nl, _)| (k, nl.to_string())).collect();
    let errors = [
        DomainError::Empty(Field::Card),
        DomainError::TooLong { field: Field::Card, max: 280 },
        DomainError::NotOneLine(Field::Title),
        DomainError::NotFound(Field::Cluster),
        DomainError::GroupInUse { cards: 3 },
        DomainError::SameCluster,
        DomainError::NothingSelected,
        DomainError::ClusterIsPrinciple,
        DomainError::NoDotsLeft,
        DomainError::MaxPerCluster(3),
        DomainError::NoDotToWithdraw,
        DomainError::VotesAlreadyCast,
        DomainError::TensionNeedsTwo,
        DomainError::TensionExists,
        DomainError::PriorityNotInTension,
        DomainError::ReasonRequired,
        DomainError::OtherFileDamaged,
        DomainError::IdClash,
        DomainError::AlreadyPromoted,
        DomainError::SetFull(12),
        DomainError::MergeSetTooLarge { together: 14, max: 12 },
        DomainError::MergeLocked(Stage::Collect),
        DomainError::Locked(Stage::Cluster),
        DomainError::BothValues,
        DomainError::NotADate(Field::Date),
        DomainError::TooMany { what: Field::Task, max: 500 },
    ];
    for e in errors {
        all.push((format!("error {e:?}"), i18n::error(&e, Lang::Nl)));
    }
    all.push(("too_many_loose_cards".into(), i18n::too_many_loose_cards(23_171, 20_000, Lang::Nl)));
    for in_dots in [true, false] {
        let text = i18n::ChooseText::dominance("Inwoners", 7, 12, in_dots, Lang::Nl);
        all.push((format!("dominance in_dots={in_dots}"), text));
    }
    all.push(("tally".into(), i18n::ChooseText::tally(3, Some([2, 1, 0]), Lang::Nl)));
    for (key, report) in sample_merge_reports() {
        all.push((format!("merge report: {key}"), FilesText::merge_report(&report, Lang::Nl)));
    }
    all
}

/// Merge reports as the app writes them (built from parts with `format!`), with sample items:
/// every part at once, and each part alone. Names are one or two words, as cards and clusters
/// mostly are, so the proxy measures the report's own words.
fn sample_merge_reports() -> Vec<(&'static str, MergeReport)> {
    let card = Card {
        id: id("k-1"),
        text: "Eigen regie".into(),
        source: id("s-1"),
        group: None,
        cluster: None,
        question: None,
    };
    let full = MergeReport {
        added: vec![(Field::Card, 3), (Field::Cluster, 1), (Field::Voter, 2), (Field::Task, 2), (Field::Person, 1)],
        conflicts: vec![
            Conflict { field: Field::Card, id: Some(id("k-2")) },
            Conflict { field: Field::Voter, id: Some(id("v-1")) },
            Conflict { field: Field::Title, id: None },
            Conflict { field: Field::Task, id: Some(id("t-1")) },
            Conflict { field: Field::Adoption, id: None },
        ],
        skipped: vec![Conflict { field: Field::Principle, id: Some(id("p-9")) }],
        restorable: vec![Item::Card(card.clone())],
        disagreements: 3,
        named: vec![
            (Field::Card, "Normaliseren".into()),
            (Field::Voter, "Bram".into()),
            (Field::Title, "Principes Ede".into()),
            (Field::Task, "Folder maken".into()),
            (Field::Adoption, String::new()),
        ],
        full: vec![Conflict { field: Field::Task, id: Some(id("t-9")) }],
    };
    let only = |f: &dyn Fn(&mut MergeReport)| {
        let mut r = MergeReport::default();
        f(&mut r);
        r
    };
    vec![
        ("nothing new", MergeReport::default()),
        ("everything", full.clone()),
        ("added", only(&|r| r.added = full.added.clone())),
        (
            "conflicts",
            only(&|r| {
                r.conflicts = full.conflicts.clone();
                r.named = full.named.clone();
                r.disagreements = 2;
            }),
        ),
        ("skipped", only(&|r| r.skipped = full.skipped.clone())),
        ("full", only(&|r| r.full = full.full.clone())),
        (
            "restorable",
            only(&|r| {
                r.restorable =
                    vec![Item::Card(card.clone()), Item::Cluster(Cluster { id: id("c-9"), name: "Dichtbij".into() })]
            }),
        ),
    ]
}

/// The sentences of a text: split after . ! ? ; followed by a space or the end (so "€ 250.000"
/// and "1.0" stay whole).
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (i, &(at, c)) in chars.iter().enumerate() {
        let next_is_space = chars.get(i + 1).is_none_or(|&(_, n)| n.is_whitespace());
        if matches!(c, '.' | '!' | '?' | ';' | '…') && next_is_space {
            out.push(&text[start..at + c.len_utf8()]);
            start = at + c.len_utf8();
        }
    }
    if !text[start..].trim().is_empty() {
        out.push(&text[start..]);
    }
    out
}

/// The words of a text: runs of letters and digits (a hyphenated word is one word).
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .map(|w| w.trim_matches('-').to_lowercase())
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect()
}

/// What one text breaks, in words a reviewer can act on.
fn problems(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for s in sentences(text) {
        let n = words(s).len();
        if n > MAX_SENTENCE {
            out.push(format!("sentence of {n} words: {}", s.trim()));
        }
    }
    let ws = words(text);
    for w in &ws {
        if w.chars().count() > MAX_WORD {
            out.push(format!("long word: {w}"));
        }
    }
    let lower = text.to_lowercase();
    for (jargon, label) in JARGON {
        if lower.contains(jargon) && !lower.contains(label) {
            out.push(format!("jargon without its plain label: {jargon} (needs \"{label}\")"));
        }
    }
    let names_adopter = lower.contains("college") || lower.contains("raad");
    for (avoided, instead) in AVOIDED {
        let hit = |w: &String| match avoided.strip_suffix('*') {
            Some(stem) => w.starts_with(stem),
            None => w == avoided,
        };
        let adopting = avoided.starts_with("vast") && names_adopter;
        if ws.iter().any(hit) && !adopting {
            out.push(format!("avoided word: {avoided} (use {instead})"));
        }
    }
    for (avoided, instead) in AVOIDED_PHRASES {
        if lower.contains(avoided) {
            out.push(format!("avoided word: {avoided} (use {instead})"));
        }
    }
    for w in &ws {
        if INFORMAL.contains(&w.as_str()) {
            out.push(format!("informal you: {w} (use u)"));
        }
        if PASSIVE.contains(&w.as_str()) {
            out.push(format!("passive: {w} (say who does it)"));
        }
    }
    out
}

#[test]
fn every_dutch_text_passes_the_b1_proxy() {
    let texts = dutch_texts();
    let mut failing = Vec::new();
    let (mut sentences_n, mut words_n, mut longest) = (0, 0, 0);
    for (key, text) in &texts {
        for s in sentences(text) {
            let n = words(s).len();
            sentences_n += 1;
            words_n += n;
            longest = longest.max(n);
        }
        let p = problems(text);
        if !p.is_empty() {
            failing.push(format!("{key}: {}", p.join("; ")));
        }
    }
    println!(
        "B1 proxy over {} Dutch texts: {} sentences, {:.1} words per sentence on average, longest {} words; {} texts fail",
        texts.len(),
        sentences_n,
        words_n as f64 / sentences_n.max(1) as f64,
        longest,
        failing.len()
    );
    for f in &failing {
        println!("  {f}");
    }
    assert!(failing.is_empty(), "{} Dutch texts are above the B1 proxy:\n{}", failing.len(), failing.join("\n"));
}

#[test]
fn the_proxy_catches_what_it_says_it_catches() {
    let long = "Dit is een zin met heel veel woorden die maar doorgaat en doorgaat zodat niemand hem nog in een keer kan lezen.";
    assert!(problems(long).iter().any(|p| p.starts_with("sentence of")), "{long}");
    assert!(problems("Bekijk de bestuursverantwoordingsrapportage.").iter().any(|p| p.starts_with("long word")));
    assert!(problems("Beleidstheorie").iter().any(|p| p.starts_with("jargon")));
    assert!(problems("Waarom werkt dit? (beleidstheorie)").is_empty());
    assert!(problems("Versie verwijderen").iter().any(|p| p.starts_with("avoided")));
    assert!(problems("Bedrag (mag leeg)").iter().any(|p| p.starts_with("avoided")));
    assert!(problems("Wat vind jij?").iter().any(|p| p.starts_with("informal")));
    assert!(problems("De werksessie wordt geladen.").iter().any(|p| p.starts_with("passive")));
    assert!(problems("Kost € 250.000 per jaar. Versie 1.0 blijft.").is_empty());
    assert!(problems("Set vaststellen").iter().any(|p| p.starts_with("avoided")));
    assert!(problems("De raad moet de set nog vaststellen.").is_empty());
    assert!(problems("Kies de printer.").is_empty());
}

// --- The policy theory as three questions, and who adopts a finished set ---------------------

mod common;

use common::{id, ok, with_principles};
use leidraad::charter::to_markdown;
use leidraad::i18n::{CharterText, ConcretiseText, FilesText};
use leidraad::workshop::{Action, Card, Cluster, Conflict, Item, MergeReport, PrincipleField};

#[test]
fn the_policy_theory_is_three_questions_that_read_well_alone_and_together() {
    let questions = [ConcretiseText::TheoryBecause, ConcretiseText::TheoryWorking, ConcretiseText::TheoryCloser];
    for lang in [Lang::Nl, Lang::En] {
        let together: Vec<&str> = questions.iter().map(|q| q.get(lang)).collect();
        // Each is a whole question of its own: a capital first, a question mark last.
        for q in &together {
            assert!(q.starts_with(char::is_uppercase) && q.ends_with('?'), "{q:?} is not a question");
        }
        assert!(ConcretiseText::Theory.get(lang).contains('?'), "the legend asks too");
        assert!(problems(&together.join(" ")).is_empty(), "{together:?}");
    }
}

#[test]
fn the_markdown_leaves_unanswered_policy_theory_questions_out() {
    let mut w = with_principles(1);
    let assumption = "Mensen redden zich beter in hun eigen buurt";
    ok(&mut w, Action::EditPrinciple { id: id("p-0"), field: PrincipleField::Assumption, value: assumption.into() });
    let md = to_markdown(&w, Lang::Nl);
    let because = ConcretiseText::TheoryBecause.get(Lang::Nl);
    assert!(md.contains(&format!("- **{because}** {assumption}")), "{md}");
    assert!(md.contains(ConcretiseText::Theory.get(Lang::Nl)), "{md}");
    for unanswered in [ConcretiseText::TheoryWorking, ConcretiseText::TheoryCloser] {
        assert!(!md.contains(unanswered.get(Lang::Nl)), "{unanswered:?} has no answer yet:\n{md}");
    }
    assert!(!md.contains('…'), "no empty part printed as dots:\n{md}");
    // Nothing answered: no policy theory at all.
    let md = to_markdown(&with_principles(1), Lang::Nl);
    assert!(!md.contains(ConcretiseText::Theory.get(Lang::Nl)), "{md}");
}

#[test]
fn a_finished_set_says_the_college_or_the_council_still_adopts_it() {
    let mut w = with_principles(5);
    let md = to_markdown(&w, Lang::Nl);
    assert!(md.contains("> **Concept.** Deze set is nog niet afgerond."), "{md}");
    assert!(!md.contains(CharterText::StillToAdopt.get(Lang::Nl)), "a draft is not yet for the college:\n{md}");
    ok(&mut w, Action::Finalise { reason: None });
    for lang in [Lang::Nl, Lang::En] {
        let md = to_markdown(&w, lang);
        let line = format!("> **{}** {}", CharterText::Finalised.get(lang), CharterText::StillToAdopt.get(lang));
        assert!(md.contains(&line), "{line:?} missing from:\n{md}");
    }
    assert_eq!(CharterText::Finalise.get(Lang::Nl), "Set afronden");
    assert!(CharterText::StillToAdopt.get(Lang::Nl).contains("college of de gemeenteraad"));
}
