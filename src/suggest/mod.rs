//! Cluster suggestions for candidate principles: which cards say the same thing?
//!
//! Runs entirely in the browser (pure Rust, no OS or browser calls), knows the vocabulary of the
//! social domain, and only *suggests*: the group decides.
//!
//! # Method
//! 1. **Normalise** ([`normalise`]): lower case, diacritics folded (`één` = `een`), words split on
//!    anything that is not a letter or digit, Dutch stop words dropped, each word reduced to its
//!    Snowball (Dutch) stem (`wijken` = `wijk`, `zelfredzaamheid` = `zelfredzam`).
//! 2. **Concepts** ([`lexicon`]): a curated lexicon of the field maps wordings to 17 concepts
//!    (`eigen regie`, `zelfredzaamheid` and `eigen kracht` are one concept; so are `dichtbij`,
//!    `in de wijk` and `nabij`; `integraal`, `ontschot` and `één gezin één plan`). Phrases match
//!    with small gaps, prefixes catch compounds (`wijk*` finds `wijkgerichtheid`).
//! 3. **Vector**: each statement becomes a sparse vector of its concepts (weight
//!    [`Options::concept_weight`], a narrower concept also gives half weight to its broader one)
//!    and of its remaining content stems (weight 1, or 0.35 for words every principle in the field
//!    uses: `zorg`, `hulp`, `inwoner`, `gemeente` ...), each times a smoothed IDF over the
//!    statements at hand, L2-normalised.
//! 4. **Similarity**: cosine of two vectors (0..1).
//! 5. **Clustering** ([`cluster`]): average linkage, cut where modularity (resolution
//!    [`Options::resolution`] = 1.5) is highest, so the number of groups follows from the data.
//!
//! The two knobs (concept weight 1.5, resolution 1.5) were set on a coarse grid over the dev set
//! (`data/principles-dev.json`); results sit on a plateau (resolution 1.0 to 2.5 all give
//! ARI 0.78 to 0.81 there). The measured figures and the evaluation protocol are in
//! `docs/suggest.md`; `cargo run --release --example suggest_eval` reproduces them.
//!
//! # API
//! - [`suggest_clusters`]: a partition (every index exactly once);
//! - [`suggest_with_reasons`]: the same with the shared words that explain each group;
//! - [`similar`] / [`SimilarIndex`]: "this looks like a card already on the board" while typing.

pub mod cluster;
pub mod eval;
pub mod lexicon;
pub mod normalise;

use lexicon::{Lexicon, CONCEPTS};
use normalise::{tokenize_with, Stems, Token};
use std::collections::HashMap;
use std::sync::OnceLock;

/// One proposed group with the words that explain it (shown to the user as "why").
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    pub members: Vec<usize>,
    pub shared_terms: Vec<String>,
}

/// Knobs of the method; [`Options::default`] is what the public functions use. The evaluation
/// uses the others for ablations (stems only, no lexicon).
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Use the lexicon's concepts.
    pub lexicon: bool,
    /// Reduce words to their Snowball stem (else the folded word is the feature).
    pub stemming: bool,
    /// Weight of a concept feature relative to a word (before IDF).
    pub concept_weight: f32,
    /// Modularity resolution: above 1 gives more, smaller groups.
    pub resolution: f64,
}

impl Default for Options {
    fn default() -> Self {
        Options { lexicon: true, stemming: true, concept_weight: 1.5, resolution: 1.5 }
    }
}

/// Minimum cosine similarity for [`similar`] to report a card.
pub const SIMILAR_THRESHOLD: f32 = 0.3;

/// Weight of words that nearly every statement of the field uses.
const WEAK_WEIGHT: f32 = 0.35;

/// Words too common in the social domain to tell principles apart (compared by stem).
const WEAK_WORDS: &[&str] = &[
    "hulp",
    "zorg",
    "ondersteuning",
    "ondersteunen",
    "jeugdhulp",
    "jeugdzorg",
    "jeugd",
    "jeugdige",
    "jeugdigen",
    "jongeren",
    "kinderen",
    "kind",
    "mensen",
    "inwoner",
    "inwoners",
    "burger",
    "burgers",
    "gemeente",
    "gemeenten",
    "sociaal",
    "sociale",
    "domein",
    "principe",
    "uitgangspunt",
    "beleid",
    "werken",
    "aanpak",
    "staan",
    "gaan",
    "komen",
    "laten",
    "zetten",
    "bieden",
    "goed",
    "goede",
    "meer",
    "minder",
    "iedereen",
    "mogelijk",
    "nodig",
    "wmo",
    "jeugdwet",
    "elkaar",
    "zelf",
    "eigen",
    "niet",
    "beter",
    "betere",
    "sterk",
    "sterke",
    "altijd",
    "moeten",
    "ga",
    "gaat",
    "zet",
    "doen",
    "dat",
    "ondersteuningsvraag",
    "hulpvraag",
    "hulpvrager",
];

fn weak_stems() -> &'static Vec<String> {
    static WEAK: OnceLock<Vec<String>> = OnceLock::new();
    WEAK.get_or_init(|| {
        let mut v: Vec<String> = WEAK_WORDS.iter().map(|w| normalise::stem(&normalise::fold(w))).collect();
        crate::order::sort(&mut v);
        v.dedup();
        v
    })
}

/// A feature of a statement: a lexicon concept or a content word (stem).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Feature {
    Concept(usize),
    Word(String),
}

/// A statement as features: (feature, base weight, human-readable form).
fn analyse(text: &str, opts: &Options, stems: &mut Stems) -> Vec<(Feature, f32, String)> {
    let tokens: Vec<Token> = tokenize_with(text, stems);
    let (hits, used) =
        if opts.lexicon { Lexicon::get().find(&tokens) } else { (Vec::new(), vec![false; tokens.len()]) };
    let mut out: Vec<(Feature, f32, String)> = Vec::new();
    let push = |f: Feature, w: f32, s: String, out: &mut Vec<(Feature, f32, String)>| {
        if let Some(e) = out.iter_mut().find(|e| e.0 == f) {
            if w > e.1 {
                e.1 = w;
            }
        } else {
            out.push((f, w, s));
        }
    };
    let lex = Lexicon::get();
    for h in &hits {
        let label = CONCEPTS.get(h.concept).map(|c| c.label).unwrap_or("").to_string();
        push(Feature::Concept(h.concept), opts.concept_weight, label, &mut out);
        if let Some(b) = lex.broader(h.concept) {
            let label = CONCEPTS.get(b).map(|c| c.label).unwrap_or("").to_string();
            push(Feature::Concept(b), opts.concept_weight * 0.5, label, &mut out);
        }
    }
    let weak = weak_stems();
    for (i, t) in tokens.iter().enumerate() {
        if t.stop || used.get(i).copied().unwrap_or(false) || t.folded.chars().count() < 2 {
            continue;
        }
        let key = if opts.stemming { t.stem.clone() } else { t.folded.clone() };
        let stem_for_weak = if opts.stemming { key.clone() } else { normalise::stem(&t.folded) };
        let w = if weak.binary_search(&stem_for_weak).is_ok() { WEAK_WEIGHT } else { 1.0 };
        push(Feature::Word(key), w, t.surface.clone(), &mut out);
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Concept,
    Word,
    Weak,
}

/// Statements as weighted, normalised sparse vectors over a shared vocabulary.
#[derive(Debug, Clone)]
struct Corpus {
    vocab: HashMap<Feature, u32>,
    /// Number of statements containing each feature.
    df: Vec<u32>,
    /// Per statement: (feature id, weight), sorted by id, L2-normalised.
    vectors: Vec<Vec<(u32, f32)>>,
    /// Per statement: (feature id, readable form).
    surfaces: Vec<Vec<(u32, String)>>,
    /// Per feature: the statements containing it with their weight.
    postings: Vec<Vec<(u32, f32)>>,
    /// Per feature: a lexicon concept, a content word or a weak (field-generic) word.
    kinds: Vec<Kind>,
    n: usize,
    opts: Options,
}

fn idf(n: usize, df: u32) -> f32 {
    (((1 + n) as f32) / ((1 + df) as f32)).ln() + 1.0
}

fn normalise_vec(v: &mut [(u32, f32)]) {
    let norm: f32 = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 && norm.is_finite() {
        for e in v.iter_mut() {
            e.1 /= norm;
        }
    }
}

impl Corpus {
    fn new(texts: &[&str], opts: &Options) -> Corpus {
        let mut vocab: HashMap<Feature, u32> = HashMap::new();
        let mut df: Vec<u32> = Vec::new();
        let mut raw: Vec<Vec<(u32, f32)>> = Vec::with_capacity(texts.len());
        let mut surfaces = Vec::with_capacity(texts.len());
        let mut kinds: Vec<Kind> = Vec::new();
        let mut stems = Stems::default();
        for text in texts {
            let feats = analyse(text, opts, &mut stems);
            let mut v = Vec::with_capacity(feats.len());
            let mut s = Vec::with_capacity(feats.len());
            for (f, w, surface) in feats {
                let f_kind = match f {
                    Feature::Concept(_) => Kind::Concept,
                    Feature::Word(_) if w < 1.0 => Kind::Weak,
                    Feature::Word(_) => Kind::Word,
                };
                let next = vocab.len() as u32;
                let id = *vocab.entry(f).or_insert(next);
                if id as usize == df.len() {
                    df.push(0);
                    kinds.push(f_kind);
                }
                if let Some(d) = df.get_mut(id as usize) {
                    *d += 1;
                }
                v.push((id, w));
                s.push((id, surface));
            }
            raw.push(v);
            surfaces.push(s);
        }
        let n = texts.len();
        let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); df.len()];
        let mut vectors = Vec::with_capacity(n);
        for (doc, mut v) in raw.into_iter().enumerate() {
            for e in v.iter_mut() {
                e.1 *= idf(n, df.get(e.0 as usize).copied().unwrap_or(0));
            }
            normalise_vec(&mut v);
            crate::order::sort_by_key(&mut v, |e| e.0);
            for &(id, w) in &v {
                if let Some(p) = postings.get_mut(id as usize) {
                    p.push((doc as u32, w));
                }
            }
            vectors.push(v);
        }
        Corpus { vocab, df, vectors, surfaces, postings, kinds, n, opts: opts.clone() }
    }

    /// Vectorise a new text against this corpus (unknown features count in the norm only).
    fn vectorise(&self, text: &str) -> Vec<(Option<u32>, f32)> {
        let mut v: Vec<(Option<u32>, f32)> = analyse(text, &self.opts, &mut Stems::default())
            .into_iter()
            .map(|(f, w, _)| {
                let id = self.vocab.get(&f).copied();
                let d = id.and_then(|i| self.df.get(i as usize).copied()).unwrap_or(0);
                (id, w * idf(self.n, d))
            })
            .collect();
        let norm: f32 = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        if norm > 0.0 && norm.is_finite() {
            for e in v.iter_mut() {
                e.1 /= norm;
            }
        }
        v
    }

    /// Cosine similarity of `text` with every statement.
    fn scores(&self, text: &str) -> Vec<f32> {
        let mut acc = vec![0f32; self.n];
        for (id, w) in self.vectorise(text) {
            if let Some(p) = id.and_then(|i| self.postings.get(i as usize)) {
                for &(doc, dw) in p {
                    if let Some(a) = acc.get_mut(doc as usize) {
                        *a += w * dw;
                    }
                }
            }
        }
        acc
    }

    /// Row-major n×n cosine similarity matrix (diagonal 0).
    fn similarity_matrix(&self) -> Vec<f32> {
        let n = self.n;
        let mut sim = vec![0f32; n * n];
        for (i, v) in self.vectors.iter().enumerate() {
            let row = &mut sim[i * n..(i + 1) * n];
            for &(id, w) in v {
                if let Some(p) = self.postings.get(id as usize) {
                    for &(doc, dw) in p {
                        if let Some(r) = row.get_mut(doc as usize) {
                            *r += w * dw;
                        }
                    }
                }
            }
            row[i] = 0.0;
        }
        for s in sim.iter_mut() {
            *s = s.clamp(0.0, 1.0);
        }
        sim
    }

    /// Readable terms shared by most members of a group (for singletons: its concepts).
    fn shared_terms(&self, members: &[usize]) -> Vec<String> {
        let mut count: HashMap<u32, (usize, f32)> = HashMap::new();
        for &m in members {
            if let Some(v) = self.vectors.get(m) {
                for &(id, w) in v {
                    let e = count.entry(id).or_insert((0, 0.0));
                    e.0 += 1;
                    e.1 += w;
                }
            }
        }
        let min = if members.len() <= 1 { 1 } else { 2.max((members.len() + 1) / 3) };
        let mut ids: Vec<(u32, usize, f32)> =
            count.into_iter().filter(|&(_, (c, _))| c >= min).map(|(id, (c, w))| (id, c, w)).collect();
        let kind = |id: u32| self.kinds.get(id as usize).copied().unwrap_or(Kind::Weak);
        ids.retain(|&(id, _, _)| match kind(id) {
            Kind::Concept => true,
            Kind::Word => members.len() > 1,
            Kind::Weak => false,
        });
        crate::order::sort_by(&mut ids, |a, b| {
            b.1.cmp(&a.1).then(b.2.partial_cmp(&a.2).unwrap_or(std::cmp::Ordering::Equal)).then(a.0.cmp(&b.0))
        });
        let mut out: Vec<String> = Vec::new();
        for (id, _, _) in ids {
            // The most common readable form among the members.
            let mut forms: Vec<(String, usize)> = Vec::new();
            for &m in members {
                if let Some(s) = self.surfaces.get(m).and_then(|s| s.iter().find(|e| e.0 == id)) {
                    match forms.iter_mut().find(|f| f.0 == s.1) {
                        Some(f) => f.1 += 1,
                        None => forms.push((s.1.clone(), 1)),
                    }
                }
            }
            crate::order::sort_by_key(&mut forms, |f| std::cmp::Reverse(f.1));
            if let Some((form, _)) = forms.into_iter().next() {
                if !form.is_empty() && !out.contains(&form) {
                    out.push(form);
                }
            }
            if out.len() >= 5 {
                break;
            }
        }
        out
    }
}

/// Suggested groups with explicit [`Options`]. Every index of `texts` is in exactly one group;
/// members ascend, groups are ordered by their first member.
pub fn suggest_clusters_with(texts: &[&str], opts: &Options) -> Vec<Vec<usize>> {
    let corpus = Corpus::new(texts, opts);
    let sim = corpus.similarity_matrix();
    cluster::cluster_by_modularity(&sim, texts.len(), opts.resolution)
}

/// Suggested groups of statements that say much the same thing. Every index of `texts` is in
/// exactly one group (a statement like no other is a group of one); members ascend, groups are
/// ordered by their first member.
pub fn suggest_clusters(texts: &[&str]) -> Vec<Vec<usize>> {
    suggest_clusters_with(texts, &Options::default())
}

/// Like [`suggest_clusters`], but with explanations; singletons included. `shared_terms` are
/// readable: the lexicon's Dutch label for a concept (`"eigen kracht"`) or the word as written
/// (`"wijk"`), most widely shared first, at most five. A singleton lists its own concepts.
pub fn suggest_with_reasons(texts: &[&str]) -> Vec<Suggestion> {
    let opts = Options::default();
    let corpus = Corpus::new(texts, &opts);
    let sim = corpus.similarity_matrix();
    cluster::cluster_by_modularity(&sim, texts.len(), opts.resolution)
        .into_iter()
        .map(|members| {
            let shared_terms = corpus.shared_terms(&members);
            Suggestion { members, shared_terms }
        })
        .collect()
}

/// The row-major similarity matrix the clustering uses (diagonal 0), for inspection and tests.
pub fn similarity_matrix(texts: &[&str]) -> Vec<f32> {
    Corpus::new(texts, &Options::default()).similarity_matrix()
}

/// Precomputed vectors of the cards on the board, for fast "looks like" queries while typing.
#[derive(Debug, Clone)]
pub struct SimilarIndex {
    corpus: Corpus,
    threshold: f32,
}

impl SimilarIndex {
    /// Index the cards (one pass; a query then costs microseconds even for 1000 cards).
    pub fn new(texts: &[&str]) -> SimilarIndex {
        SimilarIndex { corpus: Corpus::new(texts, &Options::default()), threshold: SIMILAR_THRESHOLD }
    }

    /// The same with another reporting threshold (cosine, 0..1).
    pub fn with_threshold(texts: &[&str], threshold: f32) -> SimilarIndex {
        SimilarIndex { corpus: Corpus::new(texts, &Options::default()), threshold }
    }

    /// Number of indexed cards.
    pub fn len(&self) -> usize {
        self.corpus.n
    }

    /// True if no cards are indexed.
    pub fn is_empty(&self) -> bool {
        self.corpus.n == 0
    }

    /// Cards that look like `new_text`: (index, similarity), above the threshold, best first
    /// (ties by index).
    pub fn query(&self, new_text: &str) -> Vec<(usize, f32)> {
        let mut out: Vec<(usize, f32)> = self
            .corpus
            .scores(new_text)
            .into_iter()
            .enumerate()
            .map(|(i, s)| (i, s.clamp(0.0, 1.0)))
            .filter(|&(_, s)| s >= self.threshold)
            .collect();
        crate::order::sort_by(&mut out, |a, b| {
            b.1.partial_cmp(&a.1).unwrap_or(std::cmp::Ordering::Equal).then(a.0.cmp(&b.0))
        });
        out
    }
}

/// Cards among `texts` that look like `new_text`: (index, cosine similarity) at or above
/// [`SIMILAR_THRESHOLD`], best first. For repeated queries against the same cards build a
/// [`SimilarIndex`] once instead.
pub fn similar(texts: &[&str], new_text: &str) -> Vec<(usize, f32)> {
    SimilarIndex::new(texts).query(new_text)
}
