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
//!
//! The app uses the **sparse** form ([`cluster_graph_by_modularity`]): the same average linkage
//! and the same cut on a graph that lists only the pairs with some similarity (a missing pair
//! is similarity 0, exactly as a 0 in the matrix). On a graph that holds every non-zero pair it
//! gives the matrix version's groups; its memory is the edges, not n².

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
    average_linkage_owned(sim[..n * n].to_vec(), n)
}

/// [`average_linkage`] on a matrix it may overwrite (no copy of n² values).
///
/// Merged-away items and the diagonal hold `-∞`, so finding a row's nearest active neighbour is
/// a plain maximum over the row; the Lance-Williams update then works on whole rows (`-∞` stays
/// `-∞`), and only the merged group's column is written back one value per row.
fn average_linkage_owned(mut s: Vec<f32>, n: usize) -> Vec<Merge> {
    if n < 2 || s.len() < n * n {
        return Vec::new();
    }
    s.truncate(n * n);
    for v in s.iter_mut() {
        if !v.is_finite() {
            *v = 0.0;
        }
    }
    for i in 0..n {
        s[i * n + i] = f32::NEG_INFINITY;
    }
    let mut active = vec![true; n];
    let mut size = vec![1usize; n];
    let mut merges = Vec::with_capacity(n - 1);
    let mut chain: Vec<usize> = Vec::with_capacity(n);
    let mut merged: Vec<f32> = Vec::with_capacity(n);
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
                if v > best_s {
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
        {
            let (row_x, row_y) = if x < y {
                let (a, b) = s.split_at_mut(y * n);
                (&a[x * n..x * n + n], &mut b[..n])
            } else {
                let (a, b) = s.split_at_mut(x * n);
                (&b[..n], &mut a[y * n..y * n + n])
            };
            for (vy, &vx) in row_y.iter_mut().zip(row_x) {
                *vy = (sx * vx + sy * *vy) / (sx + sy);
            }
        }
        // The merged row becomes the merged column too (the matrix stays symmetric), and `x`'s
        // column is no one's neighbour any more.
        merged.clear();
        merged.extend_from_slice(&s[y * n..y * n + n]);
        for (row, &v) in s.chunks_exact_mut(n).zip(&merged) {
            row[y] = v;
            row[x] = f32::NEG_INFINITY;
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
    modularity_cut_by_degrees(matrix_degrees(sim, n), merges, gamma)
}

/// Each item's summed positive similarity to the others, from the matrix.
fn matrix_degrees(sim: &[f32], n: usize) -> Vec<f64> {
    let mut deg = vec![0f64; n];
    for i in 0..n {
        let row = &sim[i * n..i * n + n];
        deg[i] =
            row.iter().enumerate().filter(|&(j, v)| j != i && v.is_finite() && *v > 0.0).map(|(_, v)| *v as f64).sum();
    }
    deg
}

/// [`modularity_cut`] given each item's degree (its summed similarity to all others).
fn modularity_cut_by_degrees(mut deg: Vec<f64>, merges: &[Merge], gamma: f64) -> usize {
    let n = deg.len();
    if n < 2 {
        return 0;
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

/// [`cluster_by_modularity`] on a matrix it may overwrite: the same groups without a copy of it.
pub fn cluster_matrix_by_modularity(sim: Vec<f32>, n: usize, gamma: f64) -> Vec<Vec<usize>> {
    if n < 2 || sim.len() < n * n {
        return groups_from_merges(n, &[], 0);
    }
    let deg = matrix_degrees(&sim, n);
    let merges = average_linkage_owned(sim, n);
    let keep = modularity_cut_by_degrees(deg, &merges, gamma);
    groups_from_merges(n, &merges, keep)
}

/// Groups by average linkage, keeping every merge at similarity ≥ `threshold` (the fixed-cut
/// variant, as in word-overlap tools).
pub fn cluster_by_threshold(sim: &[f32], n: usize, threshold: f32) -> Vec<Vec<usize>> {
    let merges = average_linkage(sim, n);
    let keep = merges.iter().take_while(|m| m.height >= threshold && m.height > 0.0).count();
    groups_from_merges(n, &merges, keep)
}

/// One pair of items with their similarity; `a < b`.
pub type Edge = (u32, u32, f32);

/// A small, fast hash for `u32` keys (multiply and take the high bits); the keys are indices,
/// not attacker-chosen, and the standard hasher would dominate the sparse linkage's time.
#[derive(Default, Clone, Copy)]
struct IndexHasher(u64);

impl std::hash::Hasher for IndexHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn write_u32(&mut self, i: u32) {
        self.0 = (u64::from(i) ^ self.0).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

type IndexMap = std::collections::HashMap<u32, f64, std::hash::BuildHasherDefault<IndexHasher>>;

/// Degree of each of `n` items in the similarity graph `edges` (items outside `0..n`, loops and
/// non-positive or non-finite similarities are ignored, as in the matrix version).
pub fn degrees(n: usize, edges: &[Edge]) -> Vec<f64> {
    let mut deg = vec![0f64; n];
    for &(a, b, s) in edges {
        let (a, b) = (a as usize, b as usize);
        if a != b && a < n && b < n && s.is_finite() && s > 0.0 {
            deg[a] += f64::from(s);
            deg[b] += f64::from(s);
        }
    }
    deg
}

/// Average-linkage dendrogram of `n` items on a sparse similarity graph (each pair at most once;
/// a missing pair has similarity 0). Nearest-neighbour chain as in [`average_linkage`], with
/// each group's summed similarity to its neighbouring groups in a hash map; merging moves the
/// smaller map into the larger. Only merges at positive similarity are returned (the cut never
/// keeps the others), sorted from most to least similar. Ties go to the previous chain element,
/// then to the lower index, so the result does not depend on hash order.
pub fn sparse_average_linkage(n: usize, edges: &[Edge]) -> Vec<Merge> {
    let mut adj: Vec<IndexMap> = vec![IndexMap::default(); n];
    for &(a, b, s) in edges {
        let (ua, ub) = (a as usize, b as usize);
        if ua != ub && ua < n && ub < n && s.is_finite() && s > 0.0 {
            *adj[ua].entry(b).or_insert(0.0) += f64::from(s);
            *adj[ub].entry(a).or_insert(0.0) += f64::from(s);
        }
    }
    let mut size = vec![1f64; n];
    let mut active = vec![true; n];
    let mut merges = Vec::with_capacity(n.saturating_sub(1));
    let mut chain: Vec<usize> = Vec::new();
    // Items before `start` are merged away or have no neighbour left; neither ever changes back.
    let mut start = 0usize;
    loop {
        if chain.is_empty() {
            while start < n && (!active[start] || adj[start].is_empty()) {
                start += 1;
            }
            if start >= n {
                break;
            }
            chain.push(start);
        }
        let Some(&x) = chain.last() else { break };
        let prev = chain.len().checked_sub(2).and_then(|i| chain.get(i)).copied();
        let mut best: Option<(usize, f64)> =
            prev.and_then(|p| adj[x].get(&(p as u32)).map(|w| (p, w / (size[x] * size[p]))));
        for (&k, &w) in &adj[x] {
            let k = k as usize;
            if Some(k) == prev {
                continue;
            }
            let s = w / (size[x] * size[k]);
            let better = match best {
                Some((b, bs)) => s > bs || (s == bs && Some(b) != prev && k < b),
                None => true,
            };
            if better {
                best = Some((k, s));
            }
        }
        let Some((y, height)) = best else {
            // No neighbour (only possible for a chain of one): nothing to merge it with.
            chain.clear();
            start += 1;
            continue;
        };
        if Some(y) != prev {
            chain.push(y);
            continue;
        }
        chain.truncate(chain.len().saturating_sub(2));
        let (big, small) = if adj[x].len() >= adj[y].len() { (x, y) } else { (y, x) };
        let moved = std::mem::take(&mut adj[small]);
        adj[big].remove(&(small as u32));
        for (k, w) in moved {
            let ku = k as usize;
            if ku == big {
                continue;
            }
            *adj[big].entry(k).or_insert(0.0) += w;
            let theirs = &mut adj[ku];
            theirs.remove(&(small as u32));
            *theirs.entry(big as u32).or_insert(0.0) += w;
        }
        size[big] += size[small];
        active[small] = false;
        merges.push(Merge { a: small, b: big, height: height as f32 });
    }
    crate::order::sort_by(&mut merges, |p, q| q.height.partial_cmp(&p.height).unwrap_or(std::cmp::Ordering::Equal));
    merges
}

/// Groups by average linkage on a sparse similarity graph, cut where modularity is highest:
/// [`cluster_by_modularity`] without the n×n matrix.
pub fn cluster_graph_by_modularity(n: usize, edges: &[Edge], gamma: f64) -> Vec<Vec<usize>> {
    let merges = sparse_average_linkage(n, edges);
    let keep = modularity_cut_by_degrees(degrees(n, edges), &merges, gamma);
    groups_from_merges(n, &merges, keep)
}
