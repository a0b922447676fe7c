//! Measuring suggestions against labelled principle sets.
//!
//! - [`Dataset`]: the shape of `data/principles-dev.json`.
//! - [`adjusted_rand_index`]: the standard ARI (Hubert and Arabie) of two labellings.
//! - [`resolve_ambiguous`]: fair labels for ambiguous statements. A statement labelled
//!   `ambiguous` fits its `theme` and its `alt_theme` about equally, so either counts as right:
//!   for each one we take the label that agrees best with the group it was put in, that is the
//!   one held (as primary `theme`) by more of the *other* members of its predicted group (ties and
//!   singletons keep `theme`). Then the standard ARI is computed on those labels.
//! - [`word_overlap_clusters`]: the baseline of peer tools: word sets (lower case, stop words
//!   dropped, no stemming, no lexicon), Jaccard similarity, average linkage.

use super::cluster;
use super::lexicon::{Lexicon, CONCEPTS};
use super::normalise::{content_stems, fold, is_stop_word, stem, tokenize_with, Stems, Token};
use super::{suggest_clusters_with, Options};
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::Arc;

/// One theme of the labelled data.
#[derive(Debug, Clone, Deserialize)]
pub struct Theme {
    pub id: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub definition: String,
}

/// One labelled statement.
#[derive(Debug, Clone, Deserialize)]
pub struct Principle {
    pub title: String,
    #[serde(default)]
    pub explanation: Option<String>,
    pub theme: String,
    #[serde(default)]
    pub ambiguous: bool,
    #[serde(default)]
    pub alt_theme: Option<String>,
}

impl Principle {
    /// Title and, if `with_explanation` and there is one, the explanation on the next line.
    pub fn text(&self, with_explanation: bool) -> String {
        match (&self.explanation, with_explanation) {
            // A line break between them: the suggestions weigh the first line (the title) above
            // the rest (see `Options::explanation_weight`).
            (Some(e), true) if !e.trim().is_empty() => format!("{}\n{}", self.title, e),
            _ => self.title.clone(),
        }
    }

    /// The second acceptable theme, if the statement is ambiguous.
    pub fn alternative(&self) -> Option<&str> {
        if self.ambiguous {
            self.alt_theme.as_deref()
        } else {
            None
        }
    }
}

/// One published set of principles.
#[derive(Debug, Clone, Deserialize)]
pub struct PrincipleSet {
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub source: Option<String>,
    pub principles: Vec<Principle>,
}

/// A labelled data file.
#[derive(Debug, Clone, Deserialize)]
pub struct Dataset {
    #[serde(default)]
    pub themes: Vec<Theme>,
    pub sets: Vec<PrincipleSet>,
}

impl Dataset {
    /// Parse the JSON of a data file.
    pub fn from_json(json: &str) -> Result<Dataset, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    /// All statements, set after set.
    pub fn principles(&self) -> Vec<&Principle> {
        self.sets.iter().flat_map(|s| s.principles.iter()).collect()
    }
}

fn comb2(x: usize) -> f64 {
    let x = x as f64;
    x * (x - 1.0) / 2.0
}

/// Adjusted Rand Index of two labellings of the same items (1 = identical partitions, about 0 =
/// chance). Returns 1.0 for fewer than two items or when both partitions are trivial alike.
pub fn adjusted_rand_index<A: Eq + std::hash::Hash, B: Eq + std::hash::Hash>(truth: &[A], pred: &[B]) -> f64 {
    let n = truth.len().min(pred.len());
    if n < 2 {
        return 1.0;
    }
    let mut t_ids: HashMap<&A, usize> = HashMap::new();
    let mut p_ids: HashMap<&B, usize> = HashMap::new();
    let mut cells: HashMap<(usize, usize), usize> = HashMap::new();
    let mut rows: Vec<usize> = Vec::new();
    let mut cols: Vec<usize> = Vec::new();
    for i in 0..n {
        let tn = t_ids.len();
        let t = *t_ids.entry(&truth[i]).or_insert(tn);
        let pn = p_ids.len();
        let p = *p_ids.entry(&pred[i]).or_insert(pn);
        if t == rows.len() {
            rows.push(0);
        }
        if p == cols.len() {
            cols.push(0);
        }
        rows[t] += 1;
        cols[p] += 1;
        *cells.entry((t, p)).or_insert(0) += 1;
    }
    let index: f64 = cells.values().map(|&c| comb2(c)).sum();
    let a: f64 = rows.iter().map(|&c| comb2(c)).sum();
    let b: f64 = cols.iter().map(|&c| comb2(c)).sum();
    let expected = a * b / comb2(n);
    let max = (a + b) / 2.0;
    if (max - expected).abs() < 1e-12 {
        return 1.0;
    }
    (index - expected) / (max - expected)
}

/// Group number of each item, from a list of groups.
pub fn labels_from_groups(n: usize, groups: &[Vec<usize>]) -> Vec<usize> {
    let mut labels = vec![usize::MAX; n];
    for (g, members) in groups.iter().enumerate() {
        for &m in members {
            if m < n {
                labels[m] = g;
            }
        }
    }
    labels
}

/// The reference label of each item given the predicted groups: `theme`, or for an ambiguous
/// item its `alt_theme` when more of the other members of its group have that theme.
pub fn resolve_ambiguous(items: &[&Principle], groups: &[Vec<usize>]) -> Vec<String> {
    let mut labels: Vec<String> = items.iter().map(|p| p.theme.clone()).collect();
    for members in groups {
        for &m in members {
            let Some(item) = items.get(m) else { continue };
            let Some(alt) = item.alternative() else { continue };
            let count = |theme: &str| {
                members.iter().filter(|&&o| o != m && items.get(o).map(|p| p.theme == theme).unwrap_or(false)).count()
            };
            if count(alt) > count(&item.theme) {
                labels[m] = alt.to_string();
            }
        }
    }
    labels
}

/// ARI and group counts of a prediction.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Score {
    pub ari: f64,
    /// Number of groups, singletons included.
    pub groups: usize,
    /// Number of groups with two or more members.
    pub multi: usize,
}

/// Score predicted `groups` against the themes of `items` (ambiguity resolved as documented).
pub fn score(items: &[&Principle], groups: &[Vec<usize>]) -> Score {
    let truth = resolve_ambiguous(items, groups);
    let pred = labels_from_groups(items.len(), groups);
    Score {
        ari: adjusted_rand_index(&truth, &pred),
        groups: groups.len(),
        multi: groups.iter().filter(|g| g.len() > 1).count(),
    }
}

/// The baseline's words: lower case, split on non-alphanumerics, stop words dropped, no stemming.
pub fn word_set(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    let mut words: Vec<String> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !is_stop_word(&fold(w)))
        .map(|w| w.to_string())
        .collect();
    crate::order::sort(&mut words);
    words.dedup();
    words
}

/// Row-major Jaccard similarity matrix of the word sets (diagonal 0).
pub fn word_overlap_matrix(texts: &[&str]) -> Vec<f32> {
    let sets: Vec<Vec<String>> = texts.iter().map(|t| word_set(t)).collect();
    let n = texts.len();
    let mut sim = vec![0f32; n * n];
    for i in 0..n {
        for j in (i + 1)..n {
            let (a, b) = (&sets[i], &sets[j]);
            let inter = a.iter().filter(|w| b.binary_search(w).is_ok()).count();
            let union = a.len() + b.len() - inter;
            let s = if union == 0 { 0.0 } else { inter as f32 / union as f32 };
            sim[i * n + j] = s;
            sim[j * n + i] = s;
        }
    }
    sim
}

/// Where the baseline cuts its dendrogram.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cut {
    /// At the highest modularity, with the same resolution as the suggestion.
    Modularity,
    /// At a fixed similarity.
    Threshold(f32),
}

/// The word-overlap baseline: Jaccard on word sets, average linkage.
pub fn word_overlap_clusters(texts: &[&str], cut: Cut) -> Vec<Vec<usize>> {
    let sim = word_overlap_matrix(texts);
    match cut {
        Cut::Modularity => cluster::cluster_by_modularity(&sim, texts.len(), super::Options::default().resolution),
        Cut::Threshold(t) => cluster::cluster_by_threshold(&sim, texts.len(), t),
    }
}

// ---------- leave-one-set-out cross-validation ----------

/// Pair counts of two labellings over the pairs `include` accepts: `[same in both, same theme
/// only, same group only, apart in both]`.
pub fn pair_counts(truth: &[String], pred: &[usize], include: &dyn Fn(usize, usize) -> bool) -> [f64; 4] {
    let n = truth.len().min(pred.len());
    let mut c = [0f64; 4];
    for i in 0..n {
        for j in (i + 1)..n {
            if !include(i, j) {
                continue;
            }
            let (t, p) = (truth[i] == truth[j], pred[i] == pred[j]);
            let k = match (t, p) {
                (true, true) => 0,
                (true, false) => 1,
                (false, true) => 2,
                (false, false) => 3,
            };
            c[k] += 1.0;
        }
    }
    c
}

/// The adjusted Rand index from pair counts (as [`pair_counts`] gives them). Over all pairs it
/// equals [`adjusted_rand_index`]; over a subset of pairs (those with a held-out statement) it is
/// the same agreement-beyond-chance measured on those pairs only.
pub fn ari_from_pairs(c: [f64; 4]) -> f64 {
    let [a, b, c, d] = c;
    let den = (a + b) * (b + d) + (a + c) * (c + d);
    if den.abs() < 1e-12 {
        return 1.0;
    }
    2.0 * (a * d - b * c) / den
}

/// One lexicon term and where its wording occurs: in the method's own texts (then it counts as
/// general knowledge) and in which labelled sets.
#[derive(Debug, Clone)]
pub struct TermOrigin {
    /// Index into [`CONCEPTS`].
    pub concept: usize,
    /// The term as written in the lexicon.
    pub term: &'static str,
    /// The wording occurs in the method texts (`data/method/`).
    pub general: bool,
    /// Per labelled set: the wording occurs in one of its statements (title or explanation).
    pub in_set: Vec<bool>,
}

/// A wording that a general Dutch resource ties to the method's texts (a row of
/// `data/lexicon-dictionary.tsv`, made by `scripts/lexicon-dictionary.py`): `freedict`, a Dutch
/// synonym (through a shared English translation) of a concept's term found in a method text;
/// `simplemma`, a term whose wording, lemmatised, is in a method text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DictionaryWord {
    /// The concept's id ([`super::lexicon::Concept::id`]).
    pub concept: String,
    /// The Dutch word (folded).
    pub word: String,
    /// What it was found from: the lexicon term (`freedict`) or the method text's words
    /// (`simplemma`).
    pub via: String,
    /// The method text that has `via` (`METHOD.md` or a seed).
    pub via_source: String,
    /// The resource: `freedict` or `simplemma`.
    pub resource: String,
}

impl DictionaryWord {
    /// The source as `data/lexicon-sources.tsv` names it: `freedict (gezamenlijk* in seed-001.txt)`.
    pub fn source(&self) -> String {
        format!("{} ({} in {})", self.resource, self.via, self.via_source)
    }
}

/// The rows of `data/lexicon-dictionary.tsv` (comments and malformed lines skipped).
pub fn parse_dictionary(tsv: &str) -> Vec<DictionaryWord> {
    tsv.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut f = l.split('\t');
            Some(DictionaryWord {
                concept: f.next()?.to_string(),
                word: f.next()?.to_string(),
                via: f.next()?.to_string(),
                via_source: f.next()?.to_string(),
                resource: f.next()?.to_string(),
            })
        })
        .collect()
}

/// Where each lexicon term occurs. A term is *general* if its wording is found in the method's
/// texts; any other term may have been written from the dev statements, so for a held-out set
/// in which it occurs it counts as tuned on that set.
pub fn term_origins(data: &Dataset, method_texts: &[String]) -> Vec<TermOrigin> {
    term_origins_with(data, method_texts, &[])
}

/// [`term_origins`], where a term also counts as general if its wording is one of the
/// `dictionary`'s synonyms of its own concept.
pub fn term_origins_with(data: &Dataset, method_texts: &[String], dictionary: &[DictionaryWord]) -> Vec<TermOrigin> {
    let mut stems = Stems::default();
    let method: Vec<Vec<Token>> = method_texts.iter().map(|t| tokenize_with(t, &mut stems)).collect();
    let sets: Vec<Vec<Vec<Token>>> = data
        .sets
        .iter()
        .map(|s| s.principles.iter().map(|p| tokenize_with(&p.text(true), &mut stems)).collect())
        .collect();
    let mut out = Vec::new();
    for (ci, c) in CONCEPTS.iter().enumerate() {
        let synonyms: Vec<Vec<Token>> =
            dictionary.iter().filter(|d| d.concept == c.id).map(|d| tokenize_with(&d.word, &mut stems)).collect();
        for term in c.terms() {
            let lex = Lexicon::build_filtered(&|k, r| k == ci && r == term);
            let occurs = |docs: &[Vec<Token>]| docs.iter().any(|t| !lex.find(t).0.is_empty());
            out.push(TermOrigin {
                concept: ci,
                term,
                general: occurs(&method) || occurs(&synonyms),
                in_set: sets.iter().map(|s| occurs(s)).collect(),
            });
        }
    }
    out
}

/// Where one lexicon term came from: the first of the method's texts in which its wording is
/// found (`METHOD.md`, then the seeds), or none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermSource {
    /// The concept's id ([`super::lexicon::Concept::id`]).
    pub concept: &'static str,
    /// The term as written in the lexicon.
    pub term: &'static str,
    /// The name of the first method text in which the wording is found; `None`: no general
    /// source, the term was written by hand with the dev set in view.
    pub source: Option<String>,
    /// In how many labelled sets the wording occurs.
    pub dev_sets: usize,
}

/// The source of every lexicon term, in lexicon order, from the method's texts as (file name,
/// text), searched in the order given. A term has a source exactly when [`term_origins`] counts
/// it as general.
pub fn term_sources(data: &Dataset, method: &[(String, String)]) -> Vec<TermSource> {
    term_sources_with(data, method, &[])
}

/// [`term_sources`], with the dictionary's synonyms as a further source: a term not found in the
/// method texts whose wording is a synonym of its concept gets the source
/// [`DictionaryWord::source`] of the first row that has it.
pub fn term_sources_with(
    data: &Dataset,
    method: &[(String, String)],
    dictionary: &[DictionaryWord],
) -> Vec<TermSource> {
    let mut stems = Stems::default();
    let texts: Vec<(&str, Vec<Token>)> =
        method.iter().map(|(name, text)| (name.as_str(), tokenize_with(text, &mut stems))).collect();
    let synonyms: Vec<(&DictionaryWord, Vec<Token>)> =
        dictionary.iter().map(|d| (d, tokenize_with(&d.word, &mut stems))).collect();
    let all: Vec<String> = method.iter().map(|(_, text)| text.clone()).collect();
    term_origins_with(data, &all, dictionary)
        .into_iter()
        .map(|o| {
            let lex = Lexicon::build_filtered(&|k, r| k == o.concept && r == o.term);
            let concept = CONCEPTS.get(o.concept).map(|c| c.id).unwrap_or("");
            let source =
                texts.iter().find(|(_, t)| !lex.find(t).0.is_empty()).map(|(name, _)| name.to_string()).or_else(|| {
                    synonyms
                        .iter()
                        .find(|(d, t)| d.concept == concept && !lex.find(t).0.is_empty())
                        .map(|(d, _)| d.source())
                });
            TermSource { concept, term: o.term, source, dev_sets: o.in_set.iter().filter(|&&b| b).count() }
        })
        .collect()
}

/// The weak (field-generic) words as stems, sorted, with for each whether it occurs in the
/// method texts and in which sets, in the manner of [`term_origins`].
fn weak_origins(data: &Dataset, method_texts: &[String]) -> Vec<(String, bool, Vec<bool>)> {
    let stems_of = |text: &str| -> Vec<String> { content_stems(text) };
    let method: Vec<String> = method_texts.iter().flat_map(|t| stems_of(t)).collect();
    let sets: Vec<Vec<String>> =
        data.sets.iter().map(|s| s.principles.iter().flat_map(|p| stems_of(&p.text(true))).collect()).collect();
    let mut weak: Vec<String> = super::WEAK_WORDS.split_whitespace().map(|w| stem(&fold(w))).collect();
    crate::order::sort(&mut weak);
    weak.dedup();
    weak.into_iter()
        .map(|w| {
            let general = method.contains(&w);
            let in_set = sets.iter().map(|s| s.contains(&w)).collect();
            (w, general, in_set)
        })
        .collect()
}

/// The options for one fold: the lexicon and weak words without anything that may have been
/// written from set `held_out` (terms not in the method texts that occur in it).
fn fold_options(
    base: &Options,
    origins: &[TermOrigin],
    weak: &[(String, bool, Vec<bool>)],
    held_out: &[usize],
) -> Options {
    let in_any = |in_set: &[bool]| held_out.iter().any(|&k| in_set.get(k).copied().unwrap_or(false));
    let allowed = |o: &TermOrigin| o.general || !in_any(&o.in_set);
    let lex = Lexicon::build_filtered(&|ci, raw| {
        origins.iter().find(|o| o.concept == ci && o.term == raw).map(allowed).unwrap_or(false)
    });
    let weak_stems: Vec<String> =
        weak.iter().filter(|(_, general, in_set)| *general || !in_any(in_set)).map(|(w, _, _)| w.clone()).collect();
    Options { custom_lexicon: Some(Arc::new(lex)), weak_stems: Some(Arc::new(weak_stems)), ..base.clone() }
}

/// The knobs the cross-validation tunes per fold, on the other sets only.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Knobs {
    /// [`Options::concept_weight`].
    pub concept_weight: f32,
    /// [`Options::resolution`].
    pub resolution: f64,
    /// [`Options::explanation_weight`].
    pub explanation_weight: f32,
    /// [`Options::compound_weight`].
    pub compound_weight: f32,
}

impl Knobs {
    fn apply(&self, base: &Options) -> Options {
        Options {
            concept_weight: self.concept_weight,
            resolution: self.resolution,
            explanation_weight: self.explanation_weight,
            compound_weight: self.compound_weight,
            ..base.clone()
        }
    }
}

/// The explanation weights tried (title + explanation only), after the grid.
pub const EXPLANATION_WEIGHTS: &[f32] = &[0.25, 0.5, 0.75, 1.0];

/// The compound weights tried, after the grid.
pub const COMPOUND_WEIGHTS: &[f32] = &[0.0, 0.5, 1.0];

const fn k(concept_weight: f32, resolution: f64) -> Knobs {
    Knobs { concept_weight, resolution, explanation_weight: 0.5, compound_weight: 0.5 }
}

/// The grid the concept weight and resolution are chosen from (then the explanation and
/// compound weights, one after the other, at the best of these).
pub const KNOB_GRID: &[Knobs] = &[
    k(1.0, 1.0),
    k(1.0, 1.5),
    k(1.0, 2.0),
    k(1.5, 1.0),
    k(1.5, 1.5),
    k(1.5, 2.0),
    k(2.0, 1.0),
    k(2.0, 1.5),
    k(2.0, 2.0),
    k(3.0, 1.5),
    k(3.0, 2.5),
];

/// The result of a leave-one-set-out cross-validation.
#[derive(Debug, Clone)]
pub struct CrossValidated {
    /// ARI over all pairs with at least one held-out statement, pooled over the folds.
    pub ari: f64,
    /// Per fold: the held-out set's pair ARI (NaN where it has fewer than two statements of
    /// different themes to tell apart) and the knobs chosen on the other sets.
    pub folds: Vec<(f64, Knobs)>,
    /// Lexicon terms left out, summed over the folds (those not in the method texts that occur
    /// in the held-out set).
    pub terms_left_out: usize,
}

/// Leave-one-set-out cross-validation of the suggestions. For each set `k`: the lexicon and
/// weak words lose every entry that may have been written from `k` (see [`term_origins`]); the
/// knobs are chosen from [`KNOB_GRID`] by the ARI on the other sets' statements alone; then all
/// statements (the other sets' and `k`'s) are clustered together with those options and the
/// pairs with at least one statement of `k` are scored. The pair counts of all folds are pooled
/// into one ARI (a pair of two held-out sets counts in both folds).
pub fn cross_validate(data: &Dataset, method_texts: &[String], with_explanation: bool) -> CrossValidated {
    cross_validate_with(data, method_texts, &[], with_explanation)
}

/// [`cross_validate`], where a term also counts as general if its wording is one of the
/// `dictionary`'s synonyms of its concept (see [`term_origins_with`]).
pub fn cross_validate_with(
    data: &Dataset,
    method_texts: &[String],
    dictionary: &[DictionaryWord],
    with_explanation: bool,
) -> CrossValidated {
    cross_validate_knobs(data, method_texts, dictionary, with_explanation, Tuning::Plain)
}

/// How a fold chooses its knobs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Tuning {
    /// By the ARI on the other sets, each of them scored as if it too were unseen: for each
    /// other set `j`, all the other sets' statements clustered with the lexicon and weak words
    /// also without what may have been written from `j`, the pairs with a statement of `j`
    /// counted, pooled: the knobs are chosen under the conditions they will meet. Measured, not
    /// adopted: better for titles, worse with explanations (`suggest_eval -- --nested`).
    Nested,
    /// By the ARI on the other sets clustered with the fold's lexicon, which still has every
    /// term that may have been written from them (the default).
    Plain,
    /// These knobs in every fold (to see which settings hold: `suggest_eval -- --sweep`).
    Fixed(Knobs),
}

/// [`cross_validate_with`], with the knobs chosen as `tuning` says.
pub fn cross_validate_knobs(
    data: &Dataset,
    method_texts: &[String],
    dictionary: &[DictionaryWord],
    with_explanation: bool,
    tuning: Tuning,
) -> CrossValidated {
    let fixed = match tuning {
        Tuning::Fixed(k) => Some(k),
        _ => None,
    };
    let origins = term_origins_with(data, method_texts, dictionary);
    let weak = weak_origins(data, method_texts);
    let items: Vec<&Principle> = data.principles();
    let texts: Vec<String> = items.iter().map(|p| p.text(with_explanation)).collect();
    let set_of: Vec<usize> =
        data.sets.iter().enumerate().flat_map(|(k, s)| std::iter::repeat_n(k, s.principles.len())).collect();
    let mut pooled = [0f64; 4];
    let mut folds = Vec::new();
    let mut terms_left_out = 0;
    for k in 0..data.sets.len() {
        terms_left_out += origins.iter().filter(|o| !o.general && o.in_set.get(k).copied().unwrap_or(false)).count();
        let base = fold_options(&Options::default(), &origins, &weak, &[k]);
        let train: Vec<usize> = (0..items.len()).filter(|&i| set_of[i] != k).collect();
        let train_items: Vec<&Principle> = train.iter().map(|&i| items[i]).collect();
        let train_texts: Vec<&str> = train.iter().map(|&i| texts[i].as_str()).collect();
        let inner: Vec<(usize, Options)> = match tuning {
            Tuning::Nested => (0..data.sets.len())
                .filter(|&j| j != k)
                .map(|j| (j, fold_options(&Options::default(), &origins, &weak, &[k, j])))
                .collect(),
            _ => Vec::new(),
        };
        let train_score = |knobs: &Knobs| {
            if inner.is_empty() {
                return score(&train_items, &suggest_clusters_with(&train_texts, &knobs.apply(&base))).ari;
            }
            let mut pooled = [0f64; 4];
            for (j, opts) in &inner {
                let groups = suggest_clusters_with(&train_texts, &knobs.apply(opts));
                let truth = resolve_ambiguous(&train_items, &groups);
                let pred = labels_from_groups(train_items.len(), &groups);
                let of = |i: usize| train.get(i).map(|&t| set_of[t] == *j).unwrap_or(false);
                let c = pair_counts(&truth, &pred, &|a, b| of(a) || of(b));
                for (p, x) in pooled.iter_mut().zip(c) {
                    *p += x;
                }
            }
            ari_from_pairs(pooled)
        };
        let mut best: Option<(f64, Knobs)> = fixed.map(|k| (f64::INFINITY, k));
        let consider = |knobs: Knobs, best: &mut Option<(f64, Knobs)>| {
            let s = train_score(&knobs);
            if best.map(|(b, _)| s > b + 1e-12).unwrap_or(true) {
                *best = Some((s, knobs));
            }
        };
        for &knobs in KNOB_GRID.iter().filter(|_| fixed.is_none()) {
            consider(knobs, &mut best);
        }
        if let (None, Some((_, b))) = (fixed, best) {
            for &compound_weight in COMPOUND_WEIGHTS {
                consider(Knobs { compound_weight, ..b }, &mut best);
            }
        }
        if let (true, None, Some((_, b))) = (with_explanation, fixed, best) {
            for &explanation_weight in EXPLANATION_WEIGHTS {
                consider(Knobs { explanation_weight, ..b }, &mut best);
            }
        }
        let Some((_, knobs)) = best else { continue };
        let opts = knobs.apply(&base);
        let all: Vec<&str> = texts.iter().map(|s| s.as_str()).collect();
        let groups = suggest_clusters_with(&all, &opts);
        let truth = resolve_ambiguous(&items, &groups);
        let pred = labels_from_groups(items.len(), &groups);
        let c = pair_counts(&truth, &pred, &|i, j| set_of[i] == k || set_of[j] == k);
        for (p, x) in pooled.iter_mut().zip(c) {
            *p += x;
        }
        let own = pair_counts(&truth, &pred, &|i, j| set_of[i] == k && set_of[j] == k);
        let own_ari = if own[0] + own[1] > 0.0 && own[2] + own[3] > 0.0 { ari_from_pairs(own) } else { f64::NAN };
        folds.push((own_ari, knobs));
    }
    CrossValidated { ari: ari_from_pairs(pooled), folds, terms_left_out }
}
