//! Average-linkage clustering that chooses the number of groups itself.
//!
//! 1. **Dendrogram.** Agglomerative clustering with *average linkage* on a similarity matrix
//!    (the similarity of two groups is the mean similarity of their members), computed with the
//!    nearest-neighbour-chain algorithm: O(n²) time and one n×n matrix, so 1000 statements take a
//!    few milliseconds.
//! 2. **Cut.** The merges are replayed from most to least similar, and the partition kept is the
//!    one with the highest *modularity* of the weighted similarity graph: the share of similarity
//!    that falls inside groups minus the share expected if similarity were spread at random over
//!    the same degrees. Merging groups `a` and `b` changes modularity by
//!    `2·(w_ab/W − γ·d_a·d_b/W²)`, where `w_ab = height·|a|·|b|` is the total similarity between
//!    them (exact for average linkage), `d` are summed degrees and `W` the total. No count is
//!    given in advance: groups stop growing when merging is no longer better than chance.
//!    Merges of near-duplicates (similarity ≥ [`DUPLICATE`]) are always kept, and pairs with no
//!    similarity at all are never merged.

/// One merge of the dendrogram: the groups containing `a` and `b` joined at similarity `height`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Merge {
    pub a: usize,
    pub b: usize,
    pub height: f32,
}

/// Similarity at or above which two groups are always merged (near-identical statements).
pub const DUPLICATE: f32 = 0.95;

/// Average-linkage dendrogram of `n` items from a row-major `n×n` similarity matrix (the
/// diagonal is ignored). Returns `n-1` merges sorted from most to least similar (for `n ≥ 1`).
pub fn average_linkage(sim: &[f32], n: usize) -> Vec<Merge> {
    if n < 2 || sim.len() < n * n {
        return Vec::new();
    }
    let mut s: Vec<f32> = sim[..n * n].iter().map(|v| if v.is_finite() { *v } else { 0.0 }).collect();
    let mut active = vec![true; n];
    let mut size = vec![1usize; n];
    let mut merges = Vec::with_capacity(n - 1);
    let mut chain: Vec<usize> = Vec::with_capacity(n);
    let mut remaining = n;
    while remaining > 1 {
        if chain.is_empty() {
            match active.iter().position(|&a| a) {
                Some(i) => chain.push(i),
                None => break,
            }
        }
        // Grow the chain until its top two are each other's nearest neighbours.
        let (x, y) = loop {
            let x = match chain.last() {
                Some(&x) => x,
                None => break (usize::MAX, usize::MAX),
            };
            let prev = if chain.len() >= 2 { Some(chain[chain.len() - 2]) } else { None };
            let row = &s[x * n..x * n + n];
            // Ties go to the previous chain element, so the chain cannot cycle.
            let mut best = prev;
            let mut best_s = prev.map(|p| row[p]).unwrap_or(f32::NEG_INFINITY);
            for (k, &v) in row.iter().enumerate() {
                if k != x && active[k] && v > best_s {
                    best_s = v;
                    best = Some(k);
                }
            }
            match best {
                Some(y) if Some(y) == prev => break (x, y),
                Some(y) => chain.push(y),
                None => break (usize::MAX, usize::MAX),
            }
        };
        if x == usize::MAX {
            break;
        }
        chain.pop();
        chain.pop();
        let height = s[x * n + y];
        // Lance-Williams update for average linkage; the merged group lives on in row `y`.
        let (sx, sy) = (size[x] as f32, size[y] as f32);
        for k in 0..n {
            if active[k] && k != x && k != y {
                let v = (sx * s[x * n + k] + sy * s[y * n + k]) / (sx + sy);
                s[y * n + k] = v;
                s[k * n + y] = v;
            }
        }
        active[x] = false;
        size[y] += size[x];
        remaining -= 1;
        merges.push(Merge { a: x, b: y, height });
    }
    crate::order::sort_by(&mut merges, |p, q| q.height.partial_cmp(&p.height).unwrap_or(std::cmp::Ordering::Equal));
    merges
}

/// Minimal union-find over `0..n`.
struct Sets {
    parent: Vec<usize>,
}

impl Sets {
    fn new(n: usize) -> Sets {
        Sets { parent: (0..n).collect() }
    }
    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }
    /// Joins the sets of `a` and `b`; returns (new root, old other root) or None if already one.
    fn union(&mut self, a: usize, b: usize) -> Option<(usize, usize)> {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return None;
        }
        let (root, child) = if ra < rb { (ra, rb) } else { (rb, ra) };
        self.parent[child] = root;
        Some((root, child))
    }
}

/// How many of the (sorted) merges to keep: the prefix with the highest modularity at
/// resolution `gamma` (1.0 is standard; higher gives more, smaller groups).
pub fn modularity_cut(sim: &[f32], n: usize, merges: &[Merge], gamma: f64) -> usize {
    if n < 2 || sim.len() < n * n {
        return 0;
    }
    let mut deg = vec![0f64; n];
    for i in 0..n {
        let row = &sim[i * n..i * n + n];
        deg[i] =
            row.iter().enumerate().filter(|&(j, v)| j != i && v.is_finite() && *v > 0.0).map(|(_, v)| *v as f64).sum();
    }
    let total: f64 = deg.iter().sum();
    let mut sets = Sets::new(n);
    let mut size = vec![1f64; n];
    let mut q = 0f64;
    let (mut best_q, mut best_t) = (0f64, 0usize);
    for (t, m) in merges.iter().enumerate() {
        if m.height.is_nan() || m.height <= 0.0 || total <= 0.0 || m.a >= n || m.b >= n {
            break;
        }
        let (ra, rb) = (sets.find(m.a), sets.find(m.b));
        let Some((root, _)) = sets.union(ra, rb) else { continue };
        let w_ab = m.height as f64 * size[ra] * size[rb];
        q += 2.0 * (w_ab / total - gamma * deg[ra] * deg[rb] / (total * total));
        size[root] = size[ra] + size[rb];
        deg[root] = deg[ra] + deg[rb];
        if m.height >= DUPLICATE || q > best_q + 1e-12 {
            best_q = best_q.max(q);
            best_t = t + 1;
        }
    }
    best_t
}

/// Replays the first `keep` merges; returns groups (members ascending, groups ordered by their
/// first member) that cover `0..n` exactly once.
pub fn groups_from_merges(n: usize, merges: &[Merge], keep: usize) -> Vec<Vec<usize>> {
    let mut sets = Sets::new(n);
    for m in merges.iter().take(keep) {
        if m.a < n && m.b < n {
            sets.union(m.a, m.b);
        }
    }
    let mut index_of_root = vec![usize::MAX; n];
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for i in 0..n {
        let r = sets.find(i);
        if index_of_root[r] == usize::MAX {
            index_of_root[r] = groups.len();
            groups.push(Vec::new());
        }
        groups[index_of_root[r]].push(i);
    }
    groups
}

/// Groups by average linkage, cut where modularity is highest.
pub fn cluster_by_modularity(sim: &[f32], n: usize, gamma: f64) -> Vec<Vec<usize>> {
    let merges = average_linkage(sim, n);
    let keep = modularity_cut(sim, n, &merges, gamma);
    groups_from_merges(n, &merges, keep)
}

/// Groups by average linkage, keeping every merge at similarity ≥ `threshold` (the fixed-cut
/// variant, as in word-overlap tools).
pub fn cluster_by_threshold(sim: &[f32], n: usize, threshold: f32) -> Vec<Vec<usize>> {
    let merges = average_linkage(sim, n);
    let keep = merges.iter().take_while(|m| m.height >= threshold && m.height > 0.0).count();
    groups_from_merges(n, &merges, keep)
}
