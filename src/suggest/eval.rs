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
use super::normalise::{fold, is_stop_word};
use serde::Deserialize;
use std::collections::HashMap;

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
    /// Title and, if `with_explanation` and there is one, the explanation after it.
    pub fn text(&self, with_explanation: bool) -> String {
        match (&self.explanation, with_explanation) {
            (Some(e), true) if !e.trim().is_empty() => format!("{} {}", self.title, e),
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
