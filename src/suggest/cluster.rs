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
/// `-∞`), and only the merged group's column is written back one value per row. Once half the
/// rows are merged away the matrix is compacted to the active ones (in the same order, so ties
/// still go to the lowest index): every later step reads and writes half as much.
fn average_linkage_owned(mut s: Vec<f32>, n: usize) -> Vec<Merge> {
    if n < 2 || s.len() < n * n {
        return Vec::new();
    }
    prepare(&mut s, n);
    linkage_prepared(s, n)
}

/// Makes the `n`×`n` matrix `s` ready for [`linkage_prepared`] (non-finite values 0, the
/// diagonal `-∞`) and returns each item's degree as [`matrix_degrees`] gives it, in one pass.
fn prepare(s: &mut Vec<f32>, n: usize) -> Vec<f64> {
    s.truncate(n * n);
    let mut deg = vec![0f64; n];
    for (i, (row, d)) in s.chunks_exact_mut(n).zip(deg.iter_mut()).enumerate() {
        let mut sum = 0f64;
        for (j, v) in row.iter_mut().enumerate() {
            if !v.is_finite() {
                *v = 0.0;
            }
            // Added in the same order as `matrix_degrees`, so the sum is the same (adding 0 to a
            // positive sum changes nothing).
            sum += if j != i && *v > 0.0 { f64::from(*v) } else { 0.0 };
        }
        *d = sum;
        if let Some(v) = row.get_mut(i) {
            *v = f32::NEG_INFINITY;
        }
    }
    deg
}

/// The position of the largest value of `row`, as a scan from the start that keeps the first
/// strictly larger value would find it, starting from `prev` (ties go to `prev`, then to the
/// lowest position): the maximum is found first with four independent running maxima, then its
/// position. `None` if every value is `-∞` and there is no `prev`. No value may be NaN.
fn nearest(row: &[f32], prev: Option<usize>) -> Option<usize> {
    let up = |m: f32, v: f32| if v > m { v } else { m };
    let mut m = [f32::NEG_INFINITY; 4];
    let mut chunks = row.chunks_exact(4);
    for c in &mut chunks {
        if let [a, b, c, d] = *c {
            m = [up(m[0], a), up(m[1], b), up(m[2], c), up(m[3], d)];
        }
    }
    let max = chunks.remainder().iter().fold(up(up(m[0], m[1]), up(m[2], m[3])), |a, &v| up(a, v));
    if let Some(p) = prev {
        if row.get(p).is_some_and(|&v| v >= max) {
            return Some(p);
        }
    }
    if max == f32::NEG_INFINITY {
        return prev;
    }
    row.iter().position(|&v| v == max)
}

/// [`average_linkage_owned`] on a matrix that [`prepare`] has made ready.
fn linkage_prepared(mut s: Vec<f32>, n: usize) -> Vec<Merge> {
    // The matrix is `w`×`w`; position `p` holds item `item[p]`.
    let mut w = n;
    let mut item: Vec<usize> = (0..n).collect();
    let mut active = vec![true; n];
    let mut size = vec![1usize; n];
    let mut merges = Vec::with_capacity(n - 1);
    let mut chain: Vec<usize> = Vec::with_capacity(n);
    let mut merged: Vec<f32> = Vec::with_capacity(n);
    let mut remaining = n;
    while remaining > 1 {
        if remaining * 2 <= w && w >= 32 {
            compact(&mut s, &mut w, &mut item, &mut active, &mut size, &mut chain);
        }
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
            // Ties go to the previous chain element, so the chain cannot cycle.
            match nearest(&s[x * w..x * w + w], prev) {
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
        let height = s[x * w + y];
        // Lance-Williams update for average linkage; the merged group lives on in row `y`.
        let (sx, sy) = (size[x] as f32, size[y] as f32);
        {
            let (row_x, row_y) = if x < y {
                let (a, b) = s.split_at_mut(y * w);
                (&a[x * w..x * w + w], &mut b[..w])
            } else {
                let (a, b) = s.split_at_mut(x * w);
                (&b[..w], &mut a[y * w..y * w + w])
            };
            for (vy, &vx) in row_y.iter_mut().zip(row_x) {
                *vy = (sx * vx + sy * *vy) / (sx + sy);
            }
        }
        // The merged row becomes the merged column too (the matrix stays symmetric), and `x`'s
        // column is no one's neighbour any more.
        merged.clear();
        merged.extend_from_slice(&s[y * w..y * w + w]);
        for (row, &v) in s.chunks_exact_mut(w).zip(&merged) {
            row[y] = v;
            row[x] = f32::NEG_INFINITY;
        }
        active[x] = false;
        size[y] += size[x];
        remaining -= 1;
        merges.push(Merge { a: item[x], b: item[y], height });
    }
    crate::order::sort_by(&mut merges, |p, q| q.height.partial_cmp(&p.height).unwrap_or(std::cmp::Ordering::Equal));
    merges
}

/// Keeps only the active rows and columns of the `w`×`w` matrix `s`, in their order, and
/// renumbers the positions in `item`, `size` and the chain to match.
fn compact(
    s: &mut Vec<f32>,
    w: &mut usize,
    item: &mut Vec<usize>,
    active: &mut Vec<bool>,
    size: &mut Vec<usize>,
    chain: &mut [usize],
) {
    let old = *w;
    let keep: Vec<usize> = (0..old).filter(|&p| active[p]).collect();
    let m = keep.len();
    // In place: the new place of a value is never after its old place, and values are moved in
    // order, so none is overwritten before it is read.
    for (i, &ki) in keep.iter().enumerate() {
        for (j, &kj) in keep.iter().enumerate() {
            s[i * m + j] = s[ki * old + kj];
        }
    }
    s.truncate(m * m);
    let mut new_pos = vec![usize::MAX; old];
    for (i, &k) in keep.iter().enumerate() {
        new_pos[k] = i;
    }
    for c in chain.iter_mut() {
        *c = new_pos[*c];
    }
    *item = keep.iter().map(|&k| item[k]).collect();
    *size = keep.iter().map(|&k| size[k]).collect();
    *active = vec![true; m];
    *w = m;
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
    let mut sim = sim;
    let deg = prepare(&mut sim, n);
    let merges = linkage_prepared(sim, n);
    let keep = modularity_cut_by_degrees(deg, &merges, gamma);
    groups_from_merges(n, &merges, keep)
}

/// [`cluster_matrix_by_modularity`] on a matrix that is ready for the linkage (every value
/// finite, the diagonal `-∞`) with each item's degree, as [`prepare`] would give them: the
/// suggestions make both while computing the matrix.
pub(crate) fn cluster_prepared_by_modularity(sim: Vec<f32>, deg: Vec<f64>, n: usize, gamma: f64) -> Vec<Vec<usize>> {
    if n < 2 || sim.len() < n * n || deg.len() != n {
        return groups_from_merges(n, &[], 0);
    }
    let merges = linkage_prepared(sim, n);
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

/// A small, fast hash (multiply and take the high bits, eight bytes at a time); the keys are
/// indices and the board's own words, not attacker-chosen, and the standard hasher would
/// dominate the sparse linkage's time and reading the cards.
#[derive(Default, Clone, Copy)]
pub(crate) struct IndexHasher(u64);

impl IndexHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl std::hash::Hasher for IndexHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(c);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    fn write_u32(&mut self, i: u32) {
        self.0 = (u64::from(i) ^ self.0).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

/// A hash map with [`IndexHasher`].
pub(crate) type FastMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<IndexHasher>>;

type IndexMap = FastMap<u32, f64>;

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

#[cfg(test)]
mod tests {
    use super::*;

    /// The scan [`nearest`] replaces: keep the first strictly larger value, starting at `prev`.
    fn scan(row: &[f32], prev: Option<usize>) -> Option<usize> {
        let mut best = prev;
        let mut best_s = prev.map(|p| row[p]).unwrap_or(f32::NEG_INFINITY);
        for (k, &v) in row.iter().enumerate() {
            if v > best_s {
                best_s = v;
                best = Some(k);
            }
        }
        best
    }

    #[test]
    fn nearest_is_the_scan_with_its_ties() {
        // Few distinct values, so ties (with `prev` and among others) and rows of only -∞ occur.
        let values = [f32::NEG_INFINITY, 0.0, 0.25, 0.5];
        let mut state: u64 = 7;
        for len in 0..12 {
            for _ in 0..200 {
                let row: Vec<f32> = (0..len)
                    .map(|_| {
                        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                        values[(state >> 62) as usize]
                    })
                    .collect();
                for prev in std::iter::once(None).chain((0..len).map(Some)) {
                    assert_eq!(nearest(&row, prev), scan(&row, prev), "{row:?} from {prev:?}");
                }
            }
        }
    }

    #[test]
    fn prepare_gives_the_degrees_of_the_matrix() {
        let n = 4;
        let mut s = vec![
            0.5,
            0.2,
            f32::NAN,
            0.1, //
            0.2,
            0.0,
            0.3,
            f32::INFINITY, //
            f32::NAN,
            0.3,
            1.0,
            -0.5, //
            0.1,
            f32::INFINITY,
            -0.5,
            0.0,
        ];
        let deg = matrix_degrees(&s, n);
        assert_eq!(prepare(&mut s, n), deg);
        assert!(s.iter().all(|v| !v.is_nan() && *v != f32::INFINITY));
        assert!((0..n).all(|i| s[i * n + i] == f32::NEG_INFINITY));
    }
}
