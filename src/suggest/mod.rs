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
//! 4. **Similarity**: cosine of two vectors (0..1), computed only for pairs that share a feature
//!    (found through the inverted index), and kept for each statement's most similar others:
//!    every similar pair up to about 390 statements ([`EDGE_BUDGET`]), at least [`MIN_NEIGHBOURS`]
//!    beyond. Features so common that walking their postings would pass [`POSTINGS_BUDGET`] do
//!    not make candidates (they carry little information). No n×n matrix is built: memory and
//!    time grow with the cards, not their square.
//! 5. **Clustering** ([`cluster`]): average linkage on that sparse graph, cut where modularity
//!    (resolution [`Options::resolution`] = 1.5) is highest, so the number of groups follows
//!    from the data. Up to [`DENSE_UP_TO`] cards the matrix itself is used (a few MB, and its
//!    linkage is faster there); above [`MAX_LOOSE_CARDS`] the board gets
//!    [`Suggested::TooManyCards`].
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
pub mod compound;
pub mod eval;
pub mod lexicon;
pub mod normalise;
pub mod wire;

use compound::Known;
use lexicon::{Lexicon, CONCEPTS};
use normalise::{Stems, Token};
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

/// One proposed group with the words that explain it (shown to the user as "why").
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// The statements of the group (indices into the texts), ascending.
    pub members: Vec<usize>,
    /// Readable words that explain the group, most widely shared first.
    pub shared_terms: Vec<String>,
    /// Members with a second idea: they also name what another proposed group is about.
    pub also_fits: Vec<AlsoFits>,
}

/// "Past ook bij ...": a member of one group that also names the main idea of another group.
/// The card stays in its group; the note lets the group decide.
#[derive(Debug, Clone, PartialEq)]
pub struct AlsoFits {
    /// The statement (index into the texts).
    pub card: usize,
    /// The other group's explaining words, as in its [`Suggestion::shared_terms`].
    pub terms: Vec<String>,
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
    /// Weight of the explanation (every line after the first) relative to the title.
    pub explanation_weight: f32,
    /// Weight of a compound's parts relative to a whole word; 0 leaves compounds whole.
    pub compound_weight: f32,
    /// A lexicon other than the shipped one: the cross-validation leaves out, for each held-out
    /// set, the terms that may have been written from it. `None` is [`Lexicon::get`].
    pub custom_lexicon: Option<Arc<Lexicon>>,
    /// Field-generic words (as stems, sorted) other than the shipped [`WEAK_WORDS`], for the same
    /// reason. `None` is the shipped list.
    pub weak_stems: Option<Arc<Vec<String>>>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            lexicon: true,
            stemming: true,
            // Concept weight 1.0 (was 1.5) and explanation weight 0.25 (was 0.5): with the same
            // knobs in every fold they hold better on held-out sets (cross-validated 0.732 / 0.728
            // against 0.711 / 0.728, strict 0.511 / 0.508 against 0.447 / 0.462; `suggest_eval --
            // --sweep` and `--knobs=1.0,1.5,0.25,0.5`, docs/suggest.md), and a shared idea in the
            // titles still outweighs a shared phrase in an explanation.
            concept_weight: 1.0,
            resolution: 1.5,
            explanation_weight: 0.25,
            compound_weight: 0.5,
            custom_lexicon: None,
            weak_stems: None,
        }
    }
}

impl Options {
    fn lexicon(&self) -> &Lexicon {
        match &self.custom_lexicon {
            Some(l) => l,
            None => Lexicon::get(),
        }
    }

    fn weak(&self) -> &[String] {
        match &self.weak_stems {
            Some(w) => w.as_slice(),
            None => weak_stems().as_slice(),
        }
    }
}

/// Minimum cosine similarity for [`similar`] to report a card.
pub const SIMILAR_THRESHOLD: f32 = 0.3;

/// Largest board grouped on the full n×n similarity matrix (1,500² `f32` is 9 MB, twice that
/// during the linkage): there it is faster than the sparse graph and gives the same groups.
/// Larger boards use the sparse neighbour graph only.
pub const DENSE_UP_TO: usize = 1_500;

/// Most loose cards [`suggest_for_board`] groups; above it the board is asked to cluster some
/// by hand first.
pub const MAX_LOOSE_CARDS: usize = 20_000;

/// How many (card, neighbour) pairs the similarity graph may hold in all: each card keeps its
/// `EDGE_BUDGET / n` most similar others (at least [`MIN_NEIGHBOURS`]), so up to about 390 cards
/// every similar pair is kept.
pub const EDGE_BUDGET: usize = 150_000;

/// Fewest neighbours a card keeps, however large the board.
pub const MIN_NEIGHBOURS: usize = 20;

/// Most steps spent walking the inverted index to find candidate pairs (the sum of the squared
/// document frequencies of the features used). Features found in very many cards are skipped
/// first: they carry little information anyway.
pub const POSTINGS_BUDGET: u64 = 4_000_000;

/// Neighbours kept per card on a board of `n` cards.
fn neighbours_for(n: usize) -> usize {
    (EDGE_BUDGET / n.max(1)).max(MIN_NEIGHBOURS).min(n.saturating_sub(1))
}

/// What building the similarity graph cost: the figures that stay bounded at any size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct GraphStats {
    /// Statements grouped.
    pub cards: usize,
    /// Most similar others kept per statement.
    pub neighbours: usize,
    /// Pairs in the graph (each pair once); at most `cards × neighbours`.
    pub edges: usize,
    /// Features too common to make candidates.
    pub skipped_terms: usize,
    /// Steps spent in the inverted index; at most [`POSTINGS_BUDGET`].
    pub postings_visited: u64,
}

/// Weight of words that nearly every statement of the field uses.
const WEAK_WEIGHT: f32 = 0.35;

/// Words too common in the social domain to tell principles apart (compared by stem).
pub const WEAK_WORDS: &str = "\
hulp zorg ondersteuning ondersteunen jeugdhulp jeugdzorg jeugd jeugdige jeugdigen jongeren \
kinderen kind mensen inwoner inwoners burger burgers gemeente gemeenten sociaal sociale \
domein principe uitgangspunt beleid werken aanpak staan gaan komen laten zetten bieden goed \
goede meer minder iedereen mogelijk nodig wmo jeugdwet elkaar zelf eigen niet beter betere \
sterk sterke altijd moeten ga gaat zet doen dat ondersteuningsvraag hulpvraag hulpvrager";

fn weak_stems() -> &'static Vec<String> {
    static WEAK: OnceLock<Vec<String>> = OnceLock::new();
    WEAK.get_or_init(|| {
        let mut v: Vec<String> = WEAK_WORDS.split_whitespace().map(|w| normalise::stem(&normalise::fold(w))).collect();
        crate::order::sort(&mut v);
        v.dedup();
        v
    })
}

/// A feature of a statement, as a key of the [`Reader`] that read it: below
/// `CONCEPTS.len()` a lexicon concept, above it a content word (its stem, or the folded word
/// without stemming), numbered as the reader first met it.
type Key = u32;

/// A string table for the reader: words, features and readable forms, each numbered once.
type Names = cluster::FastMap<String, u32>;

/// One feature of a statement: (feature, weight, readable form, kind).
type Analysed = (Key, f32, u32, Kind);

/// Adds `f`, or raises its weight if it is already there (a feature counts once, at its best).
fn push(f: Key, w: f32, form: u32, kind: Kind, out: &mut Vec<Analysed>) {
    if let Some(e) = out.iter_mut().find(|e| e.0 == f) {
        if w > e.1 {
            e.1 = w;
        }
    } else {
        out.push((f, w, form, kind));
    }
}

/// A written word as the reader first worked it out: every later occurrence reuses it.
struct Word {
    token: Token,
    /// A stop word or shorter than two letters: no feature of its own.
    skip: bool,
    /// Its feature as a content word, with the word's kind and weight.
    key: Key,
    kind: Kind,
    weight: f32,
    /// Its readable form (the surface).
    form: u32,
    /// What it adds as a compound, outside and inside a lexicon hit (an index into
    /// `Reader::parts`), once worked out.
    parts: [Option<u32>; 2],
    /// The lexicon's terms that may start at this word ([`Lexicon::starts`]; empty without
    /// the lexicon).
    starts: Vec<u32>,
}

/// Reads statements into features. A board repeats its words: each written word is folded,
/// stemmed, weighed and split once, features and readable forms are numbered instead of
/// compared as strings, and reading a statement then costs a table look-up per word and the
/// lexicon's phrase matching.
struct Reader<'a> {
    opts: &'a Options,
    stems: Stems,
    /// Written word -> index into `words`.
    written: Names,
    words: Vec<Word>,
    /// Content word features (stem or folded word) -> key minus `CONCEPTS.len()`.
    keys: Names,
    key_names: Vec<String>,
    /// Readable forms (words as written, concept labels).
    forms: Names,
    form_names: Vec<String>,
    /// What compounds add (weights before the part's scale).
    parts: Vec<Vec<Analysed>>,
    /// Each concept's readable form (its label), once numbered.
    concept_forms: Vec<Option<u32>>,
    scratch: String,
}

/// A statement read: its title's and its explanation's words (indices into `Reader::words`).
struct Read {
    title: Vec<u32>,
    rest: Vec<u32>,
}

/// Number of `name` in a string table, adding it if new.
fn intern(table: &mut Names, names: &mut Vec<String>, name: &str) -> u32 {
    if let Some(&i) = table.get(name) {
        return i;
    }
    let i = names.len() as u32;
    table.insert(name.to_string(), i);
    names.push(name.to_string());
    i
}

impl<'a> Reader<'a> {
    fn new(opts: &'a Options) -> Reader<'a> {
        Reader {
            opts,
            stems: Stems::default(),
            written: Names::default(),
            words: Vec::new(),
            keys: Names::default(),
            key_names: Vec::new(),
            forms: Names::default(),
            form_names: Vec::new(),
            parts: Vec::new(),
            concept_forms: Vec::new(),
            scratch: String::new(),
        }
    }

    fn form(&mut self, name: &str) -> u32 {
        intern(&mut self.forms, &mut self.form_names, name)
    }

    /// The key of a content word feature.
    fn word_key(&mut self, name: &str) -> Key {
        CONCEPTS.len() as Key + intern(&mut self.keys, &mut self.key_names, name)
    }

    /// The key and weight of a word as a feature, by its stem and folded form, with its kind.
    fn word_feature(&mut self, stem: &str, folded: &str) -> (Key, f32, Kind) {
        let (key, kind) = if self.opts.stemming {
            (self.word_key(stem), word_kind(self.opts.weak(), stem))
        } else {
            (self.word_key(folded), word_kind(self.opts.weak(), &normalise::stem(folded)))
        };
        (key, if kind == Kind::Weak { WEAK_WEIGHT } else { 1.0 }, kind)
    }

    /// The word written as `raw` (from [`normalise::split_words`]), worked out once.
    fn word(&mut self, raw: &str) -> u32 {
        if let Some(&i) = self.written.get(raw) {
            return i;
        }
        let (folded, surface) = normalise::fold_word(raw, &mut self.scratch);
        let stop = normalise::is_stop_word(&folded);
        let stem = self.stems.stem(&folded);
        let skip = stop || folded.chars().count() < 2;
        let (key, weight, kind) = if skip { (0, 0.0, Kind::Weak) } else { self.word_feature(&stem, &folded) };
        let form = self.form(&surface);
        let token = Token { folded, stem, surface, stop };
        let starts = if self.opts.lexicon { self.opts.lexicon().starts(&token) } else { Vec::new() };
        let i = self.words.len() as u32;
        self.words.push(Word { token, skip, key, kind, weight, form, parts: [None; 2], starts });
        self.written.insert(raw.to_string(), i);
        i
    }

    /// The words of a text, in order.
    fn tokens(&mut self, text: &str) -> Vec<u32> {
        let mut ids = Vec::new();
        let mut split = String::new();
        normalise::split_words(text, &mut split, |raw, _| ids.push(self.word(raw)));
        ids
    }

    /// A statement's tokens: the first line is its title, further lines its explanation.
    fn read(&mut self, text: &str) -> Read {
        let (title, rest) = text.split_once('\n').unwrap_or((text, ""));
        Read { title: self.tokens(title), rest: self.tokens(rest) }
    }

    /// The words a board knows, for splitting compounds: every content word read so far (as
    /// written and as stem), which the stemmer has remembered.
    fn known_words(&self) -> Known {
        Known::new(self.stems.words().filter(|(w, _)| !normalise::is_stop_word(w)).flat_map(|(w, s)| [w, s]))
    }

    /// A statement as features: (feature, base weight, readable form, kind). The title counts
    /// in full; the explanation at [`Options::explanation_weight`], so it sharpens a suggestion
    /// but never outweighs the title. With `known`, compounds of known words also give their
    /// parts (at [`Options::compound_weight`]): see [`compound`].
    fn analyse(&mut self, read: &Read, known: Option<&Known>) -> Vec<Analysed> {
        let mut out: Vec<Analysed> = Vec::new();
        self.analyse_part(&read.title, 1.0, known, &mut out);
        self.analyse_part(&read.rest, self.opts.explanation_weight, known, &mut out);
        out
    }

    /// The features of one part of a statement (title or explanation), each at `scale` times
    /// its weight.
    fn analyse_part(&mut self, ids: &[u32], scale: f32, known: Option<&Known>, out: &mut Vec<Analysed>) {
        let opts = self.opts;
        let lex = opts.lexicon();
        let (hits, used) = if opts.lexicon {
            let words: Vec<(&Token, &[u32])> = ids
                .iter()
                .filter_map(|&i| self.words.get(i as usize))
                .map(|w| (&w.token, w.starts.as_slice()))
                .collect();
            lex.find_words(&words)
        } else {
            (Vec::new(), vec![false; ids.len()])
        };
        for h in &hits {
            self.add_concept(h.concept, opts.concept_weight * scale, out);
        }
        for (i, &id) in ids.iter().enumerate() {
            let Some(word) = self.words.get(id as usize) else { continue };
            if word.skip {
                continue;
            }
            let in_hit = used.get(i).copied().unwrap_or(false);
            if !in_hit {
                push(word.key, word.weight * scale, word.form, word.kind, out);
            }
            // A compound also counts as its parts, and a part may name a concept.
            let Some(known) = known else { continue };
            if opts.compound_weight <= 0.0 {
                continue;
            }
            let parts = match word.parts[usize::from(in_hit)] {
                Some(p) => p,
                None => {
                    let folded = word.token.folded.clone();
                    let list = self.compound_parts(&folded, in_hit, known);
                    let p = self.parts.len() as u32;
                    self.parts.push(list);
                    if let Some(w) = self.words.get_mut(id as usize) {
                        w.parts[usize::from(in_hit)] = Some(p);
                    }
                    p
                }
            };
            for &(f, w, form, kind) in self.parts.get(parts as usize).map(Vec::as_slice).unwrap_or(&[]) {
                push(f, w * scale, form, kind, out);
            }
        }
    }

    /// What the compound `folded` adds to a statement (weights before the part's scale): its
    /// parts' concepts (unless the word is inside a lexicon hit already) and its parts as words,
    /// in the order they are added. Empty for a word that is no compound of known words.
    fn compound_parts(&mut self, folded: &str, in_hit: bool, known: &Known) -> Vec<Analysed> {
        let opts = self.opts;
        let lex = opts.lexicon();
        let mut out = Vec::new();
        let parts = known.split(folded);
        if parts.is_empty() {
            return out;
        }
        let part_tokens: Vec<Token> = parts
            .into_iter()
            .map(|p| {
                let stem = self.stems.stem(&p);
                Token { stop: normalise::is_stop_word(&p), folded: p.clone(), stem, surface: p }
            })
            .collect();
        let (part_hits, part_used) =
            if opts.lexicon && !in_hit { lex.find(&part_tokens) } else { (Vec::new(), vec![false; part_tokens.len()]) };
        for h in &part_hits {
            self.add_concept(h.concept, opts.concept_weight * opts.compound_weight, &mut out);
        }
        for (j, p) in part_tokens.into_iter().enumerate() {
            if p.stop || part_used.get(j).copied().unwrap_or(false) {
                continue;
            }
            let kind = word_kind(opts.weak(), &p.stem);
            let w = if kind == Kind::Weak { WEAK_WEIGHT } else { 1.0 };
            let key = if opts.stemming { self.word_key(&p.stem) } else { self.word_key(&p.folded) };
            let form = self.form(&p.surface);
            push(key, w * opts.compound_weight, form, kind, &mut out);
        }
        out
    }

    /// A concept at weight `w`, and its broader concept at half that.
    fn add_concept(&mut self, c: usize, w: f32, out: &mut Vec<Analysed>) {
        let label = self.concept_form(c);
        push(c as Key, w, label, Kind::Concept, out);
        if let Some(b) = self.opts.lexicon().broader(c) {
            let label = self.concept_form(b);
            push(b as Key, w * 0.5, label, Kind::Concept, out);
        }
    }

    /// The readable form of concept `c` (its label).
    fn concept_form(&mut self, c: usize) -> u32 {
        if let Some(&Some(f)) = self.concept_forms.get(c) {
            return f;
        }
        let f = self.form(CONCEPTS.get(c).map(|c| c.label).unwrap_or(""));
        if self.concept_forms.len() <= c {
            self.concept_forms.resize(c + 1, None);
        }
        self.concept_forms[c] = Some(f);
        f
    }
}

/// A weak (field-generic) word or an ordinary one, by its stem.
fn word_kind(weak: &[String], stem: &str) -> Kind {
    if weak.binary_search_by(|w| w.as_str().cmp(stem)).is_ok() {
        Kind::Weak
    } else {
        Kind::Word
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Concept,
    Word,
    Weak,
}

/// No feature id (yet).
const NO_ID: u32 = u32::MAX;

/// Statements as weighted, normalised sparse vectors over a shared vocabulary.
#[derive(Debug, Clone)]
struct Corpus {
    /// Content word features (stem or folded word) -> the reader's key minus `CONCEPTS.len()`.
    keys: Names,
    /// The reader's key -> feature id (ids are numbered in the order the statements have them).
    id_of_key: Vec<u32>,
    /// Number of statements containing each feature.
    df: Vec<u32>,
    /// Per statement: (feature id, weight), sorted by id, L2-normalised.
    vectors: Vec<Vec<(u32, f32)>>,
    /// Per statement: (feature id, readable form as an index into `forms`).
    surfaces: Vec<Vec<(u32, u32)>>,
    /// The readable forms, each once.
    forms: Vec<String>,
    /// Per feature: the statements containing it with their weight.
    postings: Vec<Vec<(u32, f32)>>,
    /// Per feature: a lexicon concept, a content word or a weak (field-generic) word.
    kinds: Vec<Kind>,
    n: usize,
    opts: Options,
    /// The board's words, to split compounds in a query as on the board.
    known: Option<Known>,
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
        Corpus::new_marked(texts, opts, &mut |_| {})
    }

    /// [`Corpus::new`], calling `mark` with the name of each step as it ends (for the profile).
    fn new_marked(texts: &[&str], opts: &Options, mark: &mut dyn FnMut(&'static str)) -> Corpus {
        let mut id_of_key: Vec<u32> = Vec::new();
        let mut df: Vec<u32> = Vec::new();
        let mut raw: Vec<Vec<(u32, f32)>> = Vec::with_capacity(texts.len());
        let mut surfaces = Vec::with_capacity(texts.len());
        let mut kinds: Vec<Kind> = Vec::new();
        let mut reader = Reader::new(opts);
        // First read every card (once), so that compounds can be split into words of the whole
        // board.
        let read: Vec<Read> = texts.iter().map(|t| reader.read(t)).collect();
        let known = (opts.compound_weight > 0.0).then(|| reader.known_words());
        mark("read: tokenise, stem, known words");
        for r in &read {
            let feats = reader.analyse(r, known.as_ref());
            let mut v = Vec::with_capacity(feats.len());
            let mut s = Vec::with_capacity(feats.len());
            for (key, w, form, f_kind) in feats {
                let k = key as usize;
                if id_of_key.len() <= k {
                    id_of_key.resize(k + 1, NO_ID);
                }
                if id_of_key[k] == NO_ID {
                    id_of_key[k] = df.len() as u32;
                    df.push(0);
                    kinds.push(f_kind);
                }
                let id = id_of_key[k];
                if let Some(d) = df.get_mut(id as usize) {
                    *d += 1;
                }
                v.push((id, w));
                s.push((id, form));
            }
            raw.push(v);
            surfaces.push(s);
        }
        mark("features: concepts, compounds, words");
        let n = texts.len();
        let idfs: Vec<f32> = df.iter().map(|&d| idf(n, d)).collect();
        let mut postings: Vec<Vec<(u32, f32)>> = df.iter().map(|&d| Vec::with_capacity(d as usize)).collect();
        let mut vectors = Vec::with_capacity(n);
        for (doc, mut v) in raw.into_iter().enumerate() {
            for e in v.iter_mut() {
                e.1 *= idfs.get(e.0 as usize).copied().unwrap_or(0.0);
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
        mark("vectors: idf, norm, postings");
        Corpus {
            keys: reader.keys,
            id_of_key,
            df,
            vectors,
            surfaces,
            forms: reader.form_names,
            postings,
            kinds,
            n,
            opts: opts.clone(),
            known,
        }
    }

    /// Vectorise a new text against this corpus (unknown features count in the norm only).
    fn vectorise(&self, text: &str) -> Vec<(Option<u32>, f32)> {
        let mut reader = Reader::new(&self.opts);
        let read = reader.read(text);
        let feats = reader.analyse(&read, self.known.as_ref());
        let mut v: Vec<(Option<u32>, f32)> = feats
            .into_iter()
            .map(|(key, w, _, _)| {
                // The reader's key as this corpus numbers it.
                let concepts = CONCEPTS.len() as Key;
                let key = if key < concepts {
                    Some(key)
                } else {
                    reader
                        .key_names
                        .get((key - concepts) as usize)
                        .and_then(|name| self.keys.get(name))
                        .map(|&k| k + concepts)
                };
                let id = key.and_then(|k| self.id_of_key.get(k as usize).copied()).filter(|&i| i != NO_ID);
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

    /// The similarity graph the clustering uses, without an n×n matrix: each statement's
    /// `neighbours` most similar others, found through the inverted index (only statements that
    /// share a feature are ever compared). Features so common that walking their postings would
    /// exceed [`POSTINGS_BUDGET`] (the most common first) do not make statements candidates;
    /// they still count in the similarity of candidates, which is the exact cosine. On boards
    /// where nothing is skipped and `neighbours ≥ n - 1` this is every non-zero pair of the
    /// matrix, with the same values.
    fn neighbour_graph(&self, neighbours: usize) -> (Vec<cluster::Edge>, GraphStats) {
        let n = self.n;
        let mut stats = GraphStats { cards: n, neighbours, ..GraphStats::default() };
        // Walking a feature's postings once per statement that has it costs df² steps.
        let cost = |df: u32| u64::from(df) * u64::from(df);
        let mut work: u64 = self.df.iter().map(|&d| cost(d)).sum();
        let mut by_df: Vec<usize> = (0..self.df.len()).collect();
        crate::order::sort_by(&mut by_df, |&a, &b| self.df[b].cmp(&self.df[a]).then(a.cmp(&b)));
        let mut skip = vec![false; self.df.len()];
        for f in by_df {
            if work <= POSTINGS_BUDGET {
                break;
            }
            skip[f] = true;
            work -= cost(self.df[f]);
            stats.skipped_terms += 1;
        }
        stats.postings_visited = work;
        // Per statement its skipped features (one flat list, `skipped_at[i]..skipped_at[i + 1]`),
        // to add their share to a candidate's similarity.
        let is_skipped = |f: u32| skip.get(f as usize).copied().unwrap_or(false);
        let mut skipped: Vec<(u32, f32)> = Vec::new();
        let mut skipped_at: Vec<usize> = Vec::with_capacity(n + 1);
        for v in &self.vectors {
            skipped_at.push(skipped.len());
            skipped.extend(v.iter().copied().filter(|&(f, _)| is_skipped(f)));
        }
        skipped_at.push(skipped.len());
        let skipped_of = |i: usize| {
            skipped_at.get(i).zip(skipped_at.get(i + 1)).and_then(|(&a, &b)| skipped.get(a..b)).unwrap_or(&[])
        };
        // This statement's weight of each skipped feature (0 where it has none).
        let mut mine = vec![0f32; self.df.len()];
        let mut acc = vec![0f32; n];
        let mut stamp = vec![u32::MAX; n];
        let mut touched: Vec<u32> = Vec::new();
        let mut best: Vec<(u32, f32)> = Vec::new();
        let mut edges: Vec<cluster::Edge> = Vec::new();
        for (i, v) in self.vectors.iter().enumerate() {
            let me = i as u32;
            for &(f, w) in v {
                if skip.get(f as usize).copied().unwrap_or(true) {
                    continue;
                }
                for &(doc, dw) in self.postings.get(f as usize).map(Vec::as_slice).unwrap_or(&[]) {
                    if doc == me {
                        continue;
                    }
                    let d = doc as usize;
                    if stamp[d] != me {
                        stamp[d] = me;
                        acc[d] = 0.0;
                        touched.push(doc);
                    }
                    acc[d] += w * dw;
                }
            }
            let own = skipped_of(i);
            for &(f, w) in own {
                if let Some(m) = mine.get_mut(f as usize) {
                    *m = w;
                }
            }
            best.clear();
            for &doc in &touched {
                let d = doc as usize;
                let mut s = acc[d];
                if !own.is_empty() {
                    for &(f, dw) in skipped_of(d) {
                        s += mine.get(f as usize).copied().unwrap_or(0.0) * dw;
                    }
                }
                let s = s.clamp(0.0, 1.0);
                if s > 0.0 {
                    best.push((doc, s));
                }
            }
            touched.clear();
            for &(f, _) in own {
                if let Some(m) = mine.get_mut(f as usize) {
                    *m = 0.0;
                }
            }
            if best.len() > neighbours {
                let order = |a: &(u32, f32), b: &(u32, f32)| {
                    b.1.partial_cmp(&a.1).unwrap_or(std::cmp::Ordering::Equal).then(a.0.cmp(&b.0))
                };
                if neighbours == 0 {
                    best.clear();
                } else {
                    best.select_nth_unstable_by(neighbours - 1, order);
                    best.truncate(neighbours);
                }
            }
            edges.extend(best.iter().map(|&(doc, s)| (me.min(doc), me.max(doc), s)));
        }
        // A pair found from both ends has the same similarity (the products are the same).
        edges.sort_unstable_by_key(|a| (a.0, a.1));
        edges.dedup_by(|a, b| (a.0, a.1) == (b.0, b.1));
        stats.edges = edges.len();
        (edges, stats)
    }

    /// Groups of the statements: average linkage on the neighbour graph, cut at the best
    /// modularity.
    fn groups(&self) -> Vec<Vec<usize>> {
        if self.n <= DENSE_UP_TO {
            // Small boards: the matrix is at most a few MB and its linkage is the faster one.
            let (sim, deg) = self.linkage_matrix();
            return cluster::cluster_prepared_by_modularity(sim, deg, self.n, self.opts.resolution);
        }
        self.sparse_groups().0
    }

    /// [`Corpus::groups`] on the sparse neighbour graph, at any size, with its cost.
    fn sparse_groups(&self) -> (Vec<Vec<usize>>, GraphStats) {
        let (edges, stats) = self.neighbour_graph(neighbours_for(self.n));
        (cluster::cluster_graph_by_modularity(self.n, &edges, self.opts.resolution), stats)
    }

    /// Row-major n×n cosine similarity matrix (diagonal 0).
    fn similarity_matrix(&self) -> Vec<f32> {
        let mut sim = self.linkage_matrix().0;
        for (i, row) in sim.chunks_exact_mut(self.n.max(1)).enumerate() {
            if let Some(v) = row.get_mut(i) {
                *v = 0.0;
            }
        }
        sim
    }

    /// The similarity matrix as the dense linkage takes it (the diagonal `-∞`), with each
    /// statement's degree (its summed similarity to the others), both made row by row while the
    /// row is at hand: [`cluster::cluster_prepared_by_modularity`]'s input.
    fn linkage_matrix(&self) -> (Vec<f32>, Vec<f64>) {
        let n = self.n;
        let mut sim = vec![0f32; n * n];
        let mut deg = vec![0f64; n];
        for ((i, v), row) in self.vectors.iter().enumerate().zip(sim.chunks_exact_mut(n.max(1))) {
            for &(id, w) in v {
                if let Some(p) = self.postings.get(id as usize) {
                    for &(doc, dw) in p {
                        if let Some(r) = row.get_mut(doc as usize) {
                            *r += w * dw;
                        }
                    }
                }
            }
            if let Some(d) = row.get_mut(i) {
                *d = 0.0;
            }
            let mut sum = 0f64;
            for s in row.iter_mut() {
                *s = s.clamp(0.0, 1.0);
                // Every value is in 0..1 and the diagonal 0: the sum of the positive ones, in
                // order, as `cluster::degrees` of the matrix would give it.
                sum += f64::from(*s);
            }
            if let Some(d) = deg.get_mut(i) {
                *d = sum;
            }
            if let Some(d) = row.get_mut(i) {
                *d = f32::NEG_INFINITY;
            }
        }
        (sim, deg)
    }

    /// What kind of feature `id` is.
    fn kind(&self, id: u32) -> Kind {
        self.kinds.get(id as usize).copied().unwrap_or(Kind::Weak)
    }

    /// Readable terms shared by most members of a group (for singletons: its concepts), with
    /// their feature.
    fn shared_terms(&self, members: &[usize]) -> Vec<(u32, String)> {
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
        let mut out: Vec<(u32, String)> = Vec::new();
        for (id, _, _) in ids {
            // The most common readable form among the members (forms are numbered once, so
            // the same number is the same text).
            let mut forms: Vec<(u32, usize)> = Vec::new();
            for &m in members {
                if let Some(s) = self.surfaces.get(m).and_then(|s| s.iter().find(|e| e.0 == id)) {
                    match forms.iter_mut().find(|f| f.0 == s.1) {
                        Some(f) => f.1 += 1,
                        None => forms.push((s.1, 1)),
                    }
                }
            }
            crate::order::sort_by_key(&mut forms, |f| std::cmp::Reverse(f.1));
            if let Some(form) = forms.first().and_then(|f| self.forms.get(f.0 as usize)) {
                if !form.is_empty() && !out.iter().any(|o| o.1 == *form) {
                    out.push((id, form.clone()));
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
    Corpus::new(texts, opts).groups()
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
    let corpus = Corpus::new(texts, &Options::default());
    let groups = corpus.groups();
    with_reasons(&corpus, groups)
}

/// [`suggest_with_reasons`], always on the sparse neighbour graph (as boards above
/// [`DENSE_UP_TO`] cards are), with what building the graph cost: for tests and the benchmark,
/// to show the bounds hold and that the graph gives the matrix's groups.
pub fn suggest_with_stats(texts: &[&str]) -> (Vec<Suggestion>, GraphStats) {
    let corpus = Corpus::new(texts, &Options::default());
    let (groups, stats) = corpus.sparse_groups();
    (with_reasons(&corpus, groups), stats)
}

fn with_reasons(corpus: &Corpus, groups: Vec<Vec<usize>>) -> Vec<Suggestion> {
    let shared: Vec<Vec<(u32, String)>> = groups.iter().map(|m| corpus.shared_terms(m)).collect();
    // The main idea of each group of two or more: its most widely shared term, if a concept.
    let main: Vec<Option<u32>> = groups
        .iter()
        .zip(&shared)
        .map(|(m, s)| s.first().map(|t| t.0).filter(|&id| m.len() > 1 && corpus.kind(id) == Kind::Concept))
        .collect();
    groups
        .iter()
        .zip(&shared)
        .enumerate()
        .map(|(g, (members, terms))| {
            let mut also_fits = Vec::new();
            if members.len() > 1 {
                for &m in members {
                    let Some(v) = corpus.vectors.get(m) else { continue };
                    // The other group whose main idea this card names most strongly, unless its
                    // own group shares that idea already (ties: the first such group).
                    let mut best: Option<(usize, f32)> = None;
                    for &(c, w) in v {
                        if corpus.kind(c) != Kind::Concept || terms.iter().any(|t| t.0 == c) {
                            continue;
                        }
                        let Some(h) = (0..main.len()).find(|&h| h != g && main[h] == Some(c)) else {
                            continue;
                        };
                        if best.map(|(bh, bw)| w > bw || (w == bw && h < bh)).unwrap_or(true) {
                            best = Some((h, w));
                        }
                    }
                    if let Some((h, _)) = best {
                        let terms = shared.get(h).map(|s| s.iter().map(|t| t.1.clone()).collect()).unwrap_or_default();
                        also_fits.push(AlsoFits { card: m, terms });
                    }
                }
            }
            Suggestion {
                members: members.clone(),
                shared_terms: terms.iter().map(|t| t.1.clone()).collect(),
                also_fits,
            }
        })
        .collect()
}

/// The steps of [`suggest_for_board`] on `texts`, each with the time it took: where the time
/// goes, for `examples/suggest_bench.rs`. Native only (the browser has no `Instant`); see
/// [`profile_steps_with`] for any clock.
#[cfg(not(target_arch = "wasm32"))]
pub fn profile_steps(texts: &[&str]) -> Vec<(&'static str, std::time::Duration)> {
    let start = std::time::Instant::now();
    profile_steps_with(texts, &mut || start.elapsed().as_secs_f64() * 1e3)
        .into_iter()
        .map(|(name, ms)| (name, std::time::Duration::from_secs_f64(ms / 1e3)))
        .collect()
}

/// [`profile_steps`] with the clock `now` (in milliseconds): each step with its time in ms, so
/// the same split can be measured in wasm (`performance.now()`).
pub fn profile_steps_with(texts: &[&str], now: &mut dyn FnMut() -> f64) -> Vec<(&'static str, f64)> {
    let mut marks: Vec<(&'static str, f64)> = vec![("", now())];
    let corpus = Corpus::new_marked(texts, &Options::default(), &mut |name| marks.push((name, now())));
    let groups = if corpus.n <= DENSE_UP_TO {
        let (sim, deg) = corpus.linkage_matrix();
        marks.push(("similarity matrix", now()));
        let g = cluster::cluster_prepared_by_modularity(sim, deg, corpus.n, corpus.opts.resolution);
        marks.push(("average linkage and cut", now()));
        g
    } else {
        let (edges, _) = corpus.neighbour_graph(neighbours_for(corpus.n));
        marks.push(("neighbour graph", now()));
        let g = cluster::cluster_graph_by_modularity(corpus.n, &edges, corpus.opts.resolution);
        marks.push(("sparse linkage and cut", now()));
        g
    };
    std::hint::black_box(with_reasons(&corpus, groups));
    marks.push(("reasons", now()));
    marks.windows(2).map(|w| (w[1].0, w[1].1 - w[0].1)).collect()
}

/// What the board gets when it asks for suggestions.
#[derive(Debug, Clone, PartialEq)]
pub enum Suggested {
    /// The groups, as [`suggest_with_reasons`] gives them.
    Groups(Vec<Suggestion>),
    /// More loose cards than suggestions are made for (`cards` loose, at most `max`): a board
    /// that large is better clustered by hand first, and the wait would be too long.
    TooManyCards { cards: usize, max: usize },
}

/// Suggestions for the loose cards of a board, or [`Suggested::TooManyCards`] above
/// [`MAX_LOOSE_CARDS`]. Never panics, and its memory grows linearly with the cards.
pub fn suggest_for_board(texts: &[&str]) -> Suggested {
    if texts.len() > MAX_LOOSE_CARDS {
        Suggested::TooManyCards { cards: texts.len(), max: MAX_LOOSE_CARDS }
    } else {
        Suggested::Groups(suggest_with_reasons(texts))
    }
}

/// The row-major cosine similarity matrix (diagonal 0), for inspection and tests on small boards:
/// it is n×n, so the suggestions themselves never build it.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_linkage_matrix_gives_the_groups_and_degrees_of_the_similarity_matrix() {
        let texts = [
            "Eigen regie bij de inwoner",
            "Zelfredzaamheid voorop",
            "Hulp dichtbij, in de wijk",
            "Lokaal wat lokaal kan",
            "Eén gezin, één plan",
            "Integraal werken over de schotten",
            "Iets heel anders",
            "",
        ];
        let corpus = Corpus::new(&texts, &Options::default());
        let n = texts.len();
        let sim = corpus.similarity_matrix();
        let (prepared, deg) = corpus.linkage_matrix();
        assert_eq!(deg, cluster::degrees(n, &matrix_edges(&sim, n)));
        assert_eq!(
            cluster::cluster_prepared_by_modularity(prepared, deg, n, 1.5),
            cluster::cluster_matrix_by_modularity(sim, n, 1.5)
        );
    }

    /// The upper triangle of a matrix as edges, in row order.
    fn matrix_edges(sim: &[f32], n: usize) -> Vec<cluster::Edge> {
        (0..n).flat_map(|i| (i + 1..n).map(move |j| (i as u32, j as u32, sim[i * n + j]))).collect()
    }
}
