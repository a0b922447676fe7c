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

use leidraad::after::practice::{tasks_line, TaskCounts};
use leidraad::format::FileError;
use leidraad::i18n::{self, every_text, Lang};
use leidraad::i18n::{ClusterText, FacilitateText};
use leidraad::live::{Refusal, UndoError};
use leidraad::workshop::{DomainError, Field, Integrity, Stage};

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

/// Every Dutch text the interface shows: the fixed texts and every message built with
/// arguments, rendered with realistic samples ([`formatted_messages`]).
fn dutch_texts() -> Vec<(String, String)> {
    let mut all: Vec<(String, String)> = every_text().into_iter().map(|(k, nl, _)| (k, nl.to_string())).collect();
    for (f, sample, text) in formatted_messages() {
        all.push((format!("{f}({sample})"), text));
    }
    all
}

// --- Every formatted message, with realistic sample arguments ---------------------------------

/// A sample of each kind of thing a message can name (the fields of [`Field`]), checked against
/// the enum in `src/workshop/error.rs` by [`every_formatted_message_has_a_sample`].
const FIELDS: &[Field] = &[
    Field::Title,
    Field::Organisation,
    Field::Date,
    Field::Facilitator,
    Field::Outcome,
    Field::Group,
    Field::Source,
    Field::SourceNotes,
    Field::Card,
    Field::Cluster,
    Field::Voter,
    Field::Principle,
    Field::PrincipleText,
    Field::Tension,
    Field::Reason,
    Field::BudgetOption,
    Field::Note,
    Field::Whisper,
    Field::Version,
    Field::Question,
    Field::Person,
    Field::Reference,
    Field::Task,
    Field::Indicator,
    Field::Answer,
    Field::Adoption,
    Field::Assumption,
    Field::Evaluation,
];

/// Every refusal the domain can give, with realistic arguments; a variant that names a kind of
/// thing comes once per kind, a count comes as one and as many.
fn sample_errors() -> Vec<DomainError> {
    use DomainError::*;
    let mut out = vec![
        SameCluster,
        NothingSelected,
        ClusterIsPrinciple,
        NoDotsLeft,
        NoDotToWithdraw,
        VotesAlreadyCast,
        TensionNeedsTwo,
        TensionExists,
        PriorityNotInTension,
        ReasonRequired,
        OtherFileDamaged,
        IdClash,
        AlreadyPromoted,
        BothValues,
        GroupInUse { cards: 1 },
        GroupInUse { cards: 3 },
        MaxPerCluster(1),
        MaxPerCluster(3),
        SetFull(12),
        MergeSetTooLarge { together: 14, max: 12 },
        OutOfRange { what: Field::Voter, min: 1, max: 10 },
    ];
    for &f in FIELDS {
        out.extend([
            Empty(f),
            NotOneLine(f),
            TooLong { field: f, max: 280 },
            NotFound(f),
            DuplicateId(f),
            NotADate(f),
            TooMany { what: f, max: 500 },
        ]);
    }
    for stage in Stage::ALL {
        out.extend([Locked(stage), MergeLocked(stage)]);
    }
    out
}

/// Every reason a file cannot be opened.
fn sample_file_errors() -> Vec<FileError> {
    let mut out = vec![
        FileError::TooLarge { max: 20_000_000 },
        FileError::NotJson("expected value at line 1 column 1".into()),
        FileError::WrongFormat,
        FileError::NewerVersion(9),
        FileError::BadShape("missing field `cards`".into()),
        FileError::Broken(Integrity::DuplicateId(id("k-1"))),
        FileError::Broken(Integrity::BadVotes),
        FileError::Broken(Integrity::BadSet),
    ];
    for &f in FIELDS {
        out.push(FileError::Broken(Integrity::Dangling { field: f, id: id("k-9") }));
        out.push(FileError::Broken(Integrity::TooLong { field: f, max: 280 }));
    }
    out.extend(sample_errors().into_iter().map(|e| FileError::Broken(Integrity::Refused(e))));
    out
}

/// Every refusal of a live room, and every reason an undo in a live room did not happen.
fn sample_refusals() -> Vec<Refusal> {
    let mut out =
        vec![Refusal::NotYourRole, Refusal::NotYours, Refusal::WritingClosed, Refusal::VotingClosed, Refusal::TooFast];
    out.extend(Stage::ALL.iter().map(|&s| Refusal::Locked(s)));
    out.push(Refusal::Domain(DomainError::NoDotsLeft));
    out
}

fn sample_undo_errors() -> Vec<UndoError> {
    let mut out = vec![UndoError::Nothing, UndoError::NotThisKind, UndoError::ChangedSince];
    out.extend(sample_refusals().into_iter().map(UndoError::Refused));
    out
}

/// Every Dutch message built with arguments, as (function, sample, Dutch text). The function
/// names are checked against the source: a new `pub fn … lang: Lang) -> String` outside the
/// documents needs its samples here (see [`every_formatted_message_has_a_sample`]). Names are
/// realistic: one to four words, as cards, clusters, sources and people mostly are.
fn formatted_messages() -> Vec<(&'static str, String, String)> {
    let nl = Lang::Nl;
    let mut out: Vec<(&'static str, String, String)> = Vec::new();
    let mut add = |f: &'static str, sample: String, text: String| out.push((f, sample, text));
    for e in sample_errors() {
        add("error", format!("{e:?}"), i18n::error(&e, nl));
    }
    for e in sample_file_errors() {
        add("file_error", format!("{e:?}"), i18n::file_error(&e, nl));
    }
    for r in sample_refusals() {
        add("refusal", format!("{r:?}"), i18n::live::refusal(&r, nl));
    }
    for u in sample_undo_errors() {
        add("undo_error", format!("{u:?}"), i18n::host::undo_error(&u, nl));
    }
    for n in [0usize, 1, 3, 20_000] {
        add("plural", format!("{n}"), i18n::plural(n as u64, ("stip", "stippen"), ("dot", "dots"), nl));
        add("cards", format!("{n}"), i18n::cards(n, nl));
        add("principles", format!("{n}"), i18n::principles(n, nl));
        add("dots", format!("{n}"), i18n::dots(n as u32, nl));
        add("dots_this_turn", format!("{n}"), i18n::dots_this_turn(n as u32, nl));
        add("make_cluster_of", format!("{n}"), i18n::make_cluster_of(n, nl));
        add("cards_moved", format!("{n}"), i18n::cards_moved(n, "Dichtbij in de wijk", nl));
        add("cards_selected", format!("{n}"), ClusterText::cards_selected(n, nl));
        add("hits", format!("{n}"), FacilitateText::hits(n, nl));
        add("live dots_left", format!("{n}"), i18n::live::dots_left(n as u32, nl));
        add("your_dots", format!("{n}"), i18n::live::your_dots(n as u32, nl));
        add("of", format!("{n}"), leidraad::after::practice::of(n.min(5), 5, nl));
    }
    for n in [0usize, 1, 3, 5, 8, 9, 12] {
        add("set_status", format!("{n}"), leidraad::charter::set_status(n, nl));
    }
    add("dots_left", "Anna, 3 of 5".into(), i18n::dots_left("Anna de Vries", 3, 5, nl));
    add("dots_left", "Bram, 1 of 1".into(), i18n::dots_left("Bram", 1, 1, nl));
    add("too_many_loose_cards", "23171, 20000".into(), i18n::too_many_loose_cards(23_171, 20_000, nl));
    add(
        "carry_picked_up",
        "card, column".into(),
        ClusterText::carry_picked_up("De inwoner houdt zelf de regie", "Eigen regie", 2, 7, nl),
    );
    add("carry_aiming", "column".into(), ClusterText::carry_aiming("Losse kaarten", 1, 7, nl));
    add("card_added", "source".into(), FacilitateText::card_added("Gemeente Zutphen (2017)", nl));
    for &f in FIELDS {
        for n in [1, 3] {
            add("items", format!("{f:?} {n}"), FilesText::items(f, n, nl));
        }
        add("noun", format!("{f:?}"), FilesText::noun(f, nl));
    }
    for (key, report) in sample_merge_reports() {
        add("merge_report", key.into(), FilesText::merge_report(&report, nl));
    }
    add("tasks_line", "counts".into(), tasks_line(TaskCounts { open: 2, busy: 1, done: 3, overdue: 1 }, nl));
    add("date", "2027-03-12".into(), leidraad::export::date::date("2027-03-12", nl));
    add("title_or_default", "no title".into(), leidraad::charter::poster::title_or_default(&Default::default(), nl));
    for in_dots in [true, false] {
        add("dominance", format!("in_dots={in_dots}"), i18n::ChooseText::dominance("Inwoners", 7, 12, in_dots, nl));
    }
    add("tally", "3 dots, marks".into(), i18n::ChooseText::tally(3, Some([2, 1, 0]), nl));
    add("tally", "1 dot, no marks".into(), i18n::ChooseText::tally(1, None, nl));
    out
}

/// Whole documents built from the fixed texts and the user's own words (Markdown, CSV, SVG):
/// their own words are fixed texts, held to the proxy above; what the user typed is not ours.
fn is_document(name: &str) -> bool {
    name.ends_with("_markdown") || name.ends_with("_csv") || name.ends_with("_svg")
}

/// The names of `pub fn`s in `src/` (the UI aside: it composes the texts here with names) that
/// take a `Lang` and return a `String`: the formatted messages.
fn formatting_functions() -> Vec<(String, String)> {
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                if !path.ends_with("ui") {
                    walk(&path, out);
                }
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    walk(&root.join("src"), &mut files);
    let mut out = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        for (at, _) in text.match_indices("pub fn ") {
            let rest = &text[at + 7..];
            let signature = &rest[..rest.find('{').unwrap_or(rest.len())];
            let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            if signature.contains("Lang") && signature.trim_end().ends_with("-> String") && !is_document(&name) {
                let path = file.strip_prefix(root).unwrap_or(&file).display().to_string();
                out.push((path, name));
            }
        }
    }
    out
}

/// The variants of `pub enum name` in a source file.
fn variants(file: &str, name: &str) -> Vec<String> {
    let text = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file)).unwrap_or_default();
    let start = text.find(&format!("pub enum {name} {{")).map(|i| i + name.len() + 11).unwrap_or(text.len());
    let body = &text[start..start + text[start..].find("\n}").unwrap_or(0)];
    body.lines()
        .map(str::trim)
        .filter(|l| l.starts_with(|c: char| c.is_ascii_uppercase()))
        .map(|l| l.chars().take_while(|c| c.is_alphanumeric()).collect())
        .collect()
}

#[test]
fn every_formatted_message_has_a_sample() {
    let messages = formatted_messages();
    let missing: Vec<String> = formatting_functions()
        .into_iter()
        .filter(|(_, name)| !messages.iter().any(|(f, _, _)| f == name || f.ends_with(&format!(" {name}"))))
        .map(|(path, name)| format!("{path}: {name}"))
        .collect();
    assert!(missing.is_empty(), "formatted messages without a sample in formatted_messages():\n{}", missing.join("\n"));
    // Every variant of every refusal, and every kind of thing, has a sample.
    let debug: Vec<&String> = messages.iter().map(|(_, sample, _)| sample).collect();
    for (file, name, prefix) in [
        ("src/workshop/error.rs", "DomainError", ""),
        ("src/format/mod.rs", "FileError", ""),
        ("src/workshop/check.rs", "Integrity", "Broken("),
        ("src/live/mod.rs", "Refusal", ""),
        ("src/live/host.rs", "UndoError", ""),
    ] {
        let all = variants(file, name);
        assert!(all.len() >= 4, "{name} read from {file}: {all:?}");
        for v in all {
            assert!(
                debug.iter().any(|d| d.starts_with(&v) || d.starts_with(&format!("{prefix}{v}"))),
                "{name}::{v} has no sample in formatted_messages()"
            );
        }
    }
    let fields = variants("src/workshop/error.rs", "Field");
    assert_eq!(fields, FIELDS.iter().map(|f| format!("{f:?}")).collect::<Vec<_>>(), "FIELDS lists every Field");
}

/// Merge reports as the app writes them (built from parts with `format!`), with sample items:
/// every part at once, and each part alone. Names are one or two words, as cards and clusters
/// mostly are, so the proxy measures the report's own words.
fn sample_merge_reports() -> Vec<(&'static str, MergeReport)> {
    let card = Card::from(CardData {
        id: id("k-1"),
        text: "Eigen regie".into(),
        source: id("s-1"),
        group: None,
        cluster: None,
        question: None,
    });
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
use leidraad::workshop::{Action, Card, CardData, Cluster, Conflict, Item, MergeReport, PrincipleField};

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

// --- The method's step names: a plain label first where the step starts ------------------------

#[test]
fn clusteren_and_concretiseren_start_with_a_plain_label_and_a_one_line_explanation() {
    use leidraad::i18n::CommonText;
    let mut steps = Vec::new();
    for lang in [Lang::Nl, Lang::En] {
        steps.push((
            lang,
            CommonText::PhaseCluster,
            ClusterText::StepHeading.get(lang),
            ClusterText::ClusterIntro.get(lang),
        ));
        steps.push((
            lang,
            CommonText::PhaseConcretise,
            ConcretiseText::StepHeading.get(lang),
            ConcretiseText::ConcretiseIntro.get(lang),
        ));
    }
    for (lang, step, heading, intro) in steps {
        let name = step.get(lang);
        // "Kaarten ordenen (clusteren)": the plain label, then the step bar's name in brackets.
        let (plain, method) = heading.split_once(" (").expect("a plain label, then the method's word in brackets");
        assert_eq!(method.trim_end_matches(')').to_lowercase(), name.to_lowercase(), "{heading}");
        assert!(
            !plain.to_lowercase().contains(&name.to_lowercase()[..5]),
            "the label is not the method's word: {heading}"
        );
        // The explanation right under it is one sentence the proxy accepts (plus, in Make
        // concrete, the note on saving).
        assert!(problems(heading).is_empty() && problems(intro).is_empty(), "{heading} / {intro}");
        assert!(words(sentences(intro)[0]).len() <= MAX_SENTENCE, "{intro}");
    }
}
