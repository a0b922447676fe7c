//! The doorfluister-check (seed 004, the telephone game): people from every layer write in their
//! own words why a principle exists; their answers are set beside the charter's stated "why".
//!
//! # Method
//! - **Stated why** ([`stated_why`]): the principle's meaning, assumption and way of working
//!   (its policy theory) joined into one text.
//! - **Similarity**: the cosine of the two texts as [`crate::suggest`] sees them: Dutch words
//!   folded, stop words dropped, stemmed, and social-domain concepts from its lexicon
//!   (`eigen kracht` = `zelfredzaamheid`), each weighted with IDF. The IDF is taken over the
//!   *pair* (stated why, one answer) only, never over all answers: a corpus of a handful of texts
//!   makes IDF swing with every answer added, so one person's score would change when someone
//!   else writes. Over a pair, a shared feature gets weight 1 and a feature of one text 1.41;
//!   that is stable and lowers scores a little, which the thresholds below take into account.
//! - **The hint**: from [`LOOKS_LIKE_FROM`] (0.01) an answer *looks like* the why, below it it
//!   *does not look like it*. Tuned on the pairs in `tests/data/whisper-pairs.tsv` by a rule
//!   checked on held-out pairs (`tests/doorfluister.rs`). What the score can and cannot see: an
//!   answer about something else shares no feature and scores 0; a paraphrase and an answer on
//!   the same subject that says the opposite both share features (0.05 to 0.9), so the hint
//!   separates "about the why" from "about something else", not agreement from disagreement.
//! - **Bands** (the colour of an answer): below [`LOST_BELOW`] (= the hint's threshold) the why
//!   *got lost*; from [`KEPT_FROM`] (0.30) it *comes across*; between: *partly*.
//! - **Missing key words**: the concepts and content words of the stated why that the answer
//!   lacks (a concept counts as present when the answer names it, its broader or a narrower one).
//!   This is the part people read: "zelfstandig" and "langer thuis wonen" did not travel.

use crate::export::markdown::{md, md_cell, table_head, table_row, Align};
use crate::i18n::{AfterText, Lang, Text};
use crate::suggest::lexicon::{Lexicon, CONCEPTS};
use crate::suggest::normalise::tokenize;
use crate::suggest::similarity_matrix;
use crate::workshop::{Id, Layer, Principle, Workshop};

/// Below this similarity the "why" got lost: the hint's "lijkt niet op", so the counts of lost
/// answers agree with the hint.
pub const LOST_BELOW: f32 = LOOKS_LIKE_FROM;
/// From this similarity on the "why" comes across (*komt over*).
pub const KEPT_FROM: f32 = 0.30;
/// From this similarity on an answer *looks like* the charter's why (*lijkt op*), below it
/// it *does not look like it* (*lijkt niet op*): a hint to start the conversation, never a
/// verdict on a person. Chosen on the pairs in `tests/data/whisper-pairs.tsv` by the rule in
/// `tests/doorfluister.rs` (most pairs right; on a tie, fewest paraphrases called "lijkt niet
/// op"), which holds on held-out pairs: right on 50 of 60, 2 of 30 paraphrases called "lijkt
/// niet op". In effect: an answer that shares no concept or content word with the why does not
/// look like it.
pub const LOOKS_LIKE_FROM: f32 = 0.01;

/// Whether an answer with this similarity looks like the charter's why (see [`LOOKS_LIKE_FROM`]).
pub fn looks_like(similarity: f32) -> bool {
    similarity >= LOOKS_LIKE_FROM
}

/// The hint in words: "Lijkt op het waarom" or "Lijkt niet op het waarom".
pub fn hint_label(similarity: f32, lang: Lang) -> &'static str {
    if looks_like(similarity) {
        AfterText::BandKept.get(lang)
    } else {
        AfterText::BandLost.get(lang)
    }
}

/// At most this many missing key words are listed per answer.
pub const MAX_MISSING: usize = 8;

/// How well an answer carries the stated why.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Band {
    Kept,
    Partly,
    Lost,
}

impl Band {
    /// The band of a similarity.
    pub fn of(similarity: f32) -> Band {
        if similarity < LOST_BELOW {
            Band::Lost
        } else if similarity < KEPT_FROM {
            Band::Partly
        } else {
            Band::Kept
        }
    }

    /// Its name.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Band::Kept => AfterText::BandKept.get(lang),
            Band::Partly => AfterText::BandPartly.get(lang),
            Band::Lost => AfterText::BandLost.get(lang),
        }
    }
}

/// One answer compared with the stated why.
#[derive(Clone, Debug, PartialEq)]
pub struct WhisperScore {
    pub whisper: Id,
    pub layer: Layer,
    pub author: String,
    pub text: String,
    /// 0..1; `None` when the principle has no stated why to compare with.
    pub similarity: Option<f32>,
    pub band: Option<Band>,
    /// Key words and concepts of the stated why the answer does not have.
    pub missing: Vec<String>,
}

/// One principle: its stated why and every answer, from board to residents.
#[derive(Clone, Debug, PartialEq)]
pub struct WhyCheck {
    pub principle: Id,
    pub title: String,
    pub why: String,
    pub whispers: Vec<WhisperScore>,
    pub average: Option<f32>,
    pub lost: usize,
}

/// The average per layer, over all principles.
#[derive(Clone, Debug, PartialEq)]
pub struct LayerAverage {
    pub layer: Layer,
    /// Answers that could be compared.
    pub count: usize,
    pub average: Option<f32>,
    pub lost: usize,
}

/// The whole comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct DoorfluisterReport {
    pub principles: Vec<WhyCheck>,
    pub layers: Vec<LayerAverage>,
}

/// The charter's "why" of a principle: meaning, assumption and way of working.
pub fn stated_why(p: &Principle) -> String {
    [&p.text.meaning, &p.text.assumption, &p.text.way_of_working]
        .into_iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Similarity of an answer to a stated why (0..1), IDF over the pair (see the module docs).
pub fn similarity(why: &str, answer: &str) -> f32 {
    if why.trim().is_empty() || answer.trim().is_empty() {
        return 0.0;
    }
    similarity_matrix(&[why, answer]).get(1).copied().unwrap_or(0.0).clamp(0.0, 1.0)
}

#[derive(Clone, Debug, PartialEq)]
enum Key {
    Concept(usize),
    Stem(String),
}

/// Words too general to be a key word of a "why" ("zo lang mogelijk", "eigen", "we nemen aan").
const FILLER: &[&str] = &[
    "mogelijk", "lang", "langer", "eigen", "goed", "goede", "meer", "minder", "veel", "altijd", "nodig", "zelf",
    "gaan", "gaat", "komen", "komt", "doen", "doet", "willen", "wil", "kunnen", "kan", "maken", "zetten", "zet",
    "nemen", "blijven", "blijft", "omdat", "aannemen", "nemen", "ervan", "uitgaan", "daarom", "zodat", "waardoor",
];

fn is_filler(folded: &str) -> bool {
    FILLER.contains(&folded)
}

/// The key terms of a text in order of appearance: (position, key, readable form).
fn key_terms(text: &str) -> Vec<(usize, Key, String)> {
    let tokens = tokenize(text);
    let (hits, used) = Lexicon::get().find(&tokens);
    let mut out: Vec<(usize, Key, String)> = Vec::new();
    for h in &hits {
        if out.iter().any(|(_, k, _)| *k == Key::Concept(h.concept)) {
            continue;
        }
        let at = h.tokens.iter().copied().min().unwrap_or(0);
        // The words as the charter wrote them ("zelfstandig"), not the concept's label.
        let mut at_sorted = h.tokens.clone();
        crate::order::sort(&mut at_sorted);
        let words: Vec<&str> = at_sorted.iter().filter_map(|&i| tokens.get(i)).map(|t| t.surface.as_str()).collect();
        let label = if words.is_empty() {
            CONCEPTS.get(h.concept).map(|c| c.label).unwrap_or("").to_string()
        } else {
            words.join(" ")
        };
        out.push((at, Key::Concept(h.concept), label));
    }
    for (i, t) in tokens.iter().enumerate() {
        if t.stop || used.get(i).copied().unwrap_or(false) || t.folded.chars().count() < 3 || is_filler(&t.folded) {
            continue;
        }
        if out.iter().any(|(_, k, _)| matches!(k, Key::Stem(s) if *s == t.stem)) {
            continue;
        }
        out.push((i, Key::Stem(t.stem.clone()), t.surface.clone()));
    }
    crate::order::sort_by_key(&mut out, |e| e.0);
    out
}

/// The key words of `why` that `answer` lacks, in the order `why` has them.
pub fn missing_words(why: &str, answer: &str) -> Vec<String> {
    let lex = Lexicon::get();
    let tokens = tokenize(answer);
    let (hits, _) = lex.find(&tokens);
    let stems: Vec<&str> = tokens.iter().filter(|t| !t.stop).map(|t| t.stem.as_str()).collect();
    let concepts: Vec<usize> = hits.iter().map(|h| h.concept).collect();
    let has_concept =
        |c: usize| concepts.iter().any(|&x| x == c || lex.broader(x) == Some(c) || lex.broader(c) == Some(x));
    let mut out: Vec<String> = Vec::new();
    for (_, key, label) in key_terms(why) {
        let present = match &key {
            Key::Concept(c) => has_concept(*c),
            Key::Stem(s) => stems.contains(&s.as_str()),
        };
        if !present && !label.is_empty() && !out.contains(&label) {
            out.push(label);
        }
        if out.len() >= MAX_MISSING {
            break;
        }
    }
    out
}

fn mean(values: &[f32]) -> Option<f32> {
    (!values.is_empty()).then(|| values.iter().sum::<f32>() / values.len() as f32)
}

/// The comparison for every principle, with averages per layer.
pub fn doorfluister(w: &Workshop) -> DoorfluisterReport {
    let mut principles = Vec::with_capacity(w.principles.len());
    let mut per_layer: Vec<(Layer, Vec<f32>)> = Layer::ALL.iter().map(|&l| (l, Vec::new())).collect();
    for p in &w.principles {
        let why = stated_why(p);
        let mut whispers: Vec<WhisperScore> = Vec::new();
        for layer in Layer::ALL {
            for wh in w.after.whispers.iter().filter(|x| x.principle == p.id && x.layer == layer) {
                let similarity = (!why.is_empty()).then(|| similarity(&why, &wh.text));
                if let (Some(s), Some(slot)) = (similarity, per_layer.iter_mut().find(|e| e.0 == layer)) {
                    slot.1.push(s);
                }
                whispers.push(WhisperScore {
                    whisper: wh.id.clone(),
                    layer,
                    author: wh.author.clone(),
                    text: wh.text.clone(),
                    similarity,
                    band: similarity.map(Band::of),
                    missing: if why.is_empty() { Vec::new() } else { missing_words(&why, &wh.text) },
                });
            }
        }
        let scores: Vec<f32> = whispers.iter().filter_map(|x| x.similarity).collect();
        principles.push(WhyCheck {
            principle: p.id.clone(),
            title: p.title.clone(),
            average: mean(&scores),
            lost: whispers.iter().filter(|x| x.band == Some(Band::Lost)).count(),
            why,
            whispers,
        });
    }
    let layers = per_layer
        .into_iter()
        .map(|(layer, v)| LayerAverage {
            layer,
            count: v.len(),
            average: mean(&v),
            lost: v.iter().filter(|&&s| Band::of(s) == Band::Lost).count(),
        })
        .collect();
    DoorfluisterReport { principles, layers }
}

/// A similarity as a whole percentage: `0.42` = `42%`.
pub fn percent(s: f32) -> String {
    format!("{}%", (s * 100.0).round() as i64)
}

/// The comparison as Markdown: per principle the stated why and each answer, then per layer.
pub fn doorfluister_markdown(w: &Workshop, lang: Lang) -> String {
    let t = |k: &dyn Text| k.text(lang);
    let r = doorfluister(w);
    let mut out = format!("# {}", t(&AfterText::WhispersTitle));
    if !w.setup.title.trim().is_empty() {
        out.push_str(&format!(": {}", md(&w.setup.title)));
    }
    out.push_str("\n\n");
    for c in &r.principles {
        out.push_str(&format!("## {}\n\n", md(&c.title)));
        if c.why.is_empty() {
            out.push_str(&format!("{}\n\n", t(&AfterText::NoStatedWhy)));
        } else {
            out.push_str(&format!("**{}:** {}\n\n", t(&AfterText::StatedWhy), md(&c.why)));
        }
        if c.whispers.is_empty() {
            out.push_str(&format!("{}\n\n", t(&AfterText::NoWhispers)));
            continue;
        }
        let (l, r) = (Align::Left, Align::Right);
        out.push_str(&table_head(&[
            (t(&AfterText::Layer), l),
            (t(&AfterText::Author), l),
            (t(&AfterText::Answers), l),
            (t(&AfterText::Match), r),
            (t(&AfterText::Verdict), l),
            (t(&AfterText::Missing), l),
        ]));
        for x in &c.whispers {
            out.push_str(&table_row([
                AfterText::layer(x.layer).get(lang).to_string(),
                md_cell(&x.author),
                md_cell(&x.text),
                x.similarity.map(percent).unwrap_or_default(),
                x.similarity.map(|s| hint_label(s, lang)).unwrap_or("").to_string(),
                md_cell(&x.missing.join(", ")),
            ]));
        }
        out.push('\n');
    }
    out.push_str(&format!("## {}\n\n", t(&AfterText::PerLayer)));
    let (left, right) = (Align::Left, Align::Right);
    out.push_str(&table_head(&[
        (t(&AfterText::Layer), left),
        (t(&AfterText::Answers), right),
        (t(&AfterText::Average), right),
        (t(&AfterText::BandLost), right),
    ]));
    for l in &r.layers {
        out.push_str(&table_row([
            AfterText::layer(l.layer).get(lang).to_string(),
            l.count.to_string(),
            l.average.map(percent).unwrap_or_else(|| "–".into()),
            l.lost.to_string(),
        ]));
    }
    out.push_str(&format!("\n{}\n", t(&AfterText::MethodNote)));
    out
}
