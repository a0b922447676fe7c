//! One sort for the whole app.
//!
//! The standard library's sorts are generic: every element type and every comparison closure
//! gets its own copy of the whole algorithm in the wasm (each several KB; sixteen call sites
//! made fourteen copies, about 60 KB). Here the sorting itself is one plain function over
//! indices, with the comparison behind `dyn`; what stays generic per call site is a few lines
//! that compare two elements and swap them into place.
//!
//! Every sort here is **stable**: equal elements keep their order, as with `slice::sort_by`.
//! So replacing `v.sort_by(f)` with `order::sort_by(&mut v, f)` never changes a result.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, stably (like `slice::sort_by`).
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let order = stable_order(v.len(), &mut |a, b| cmp(&v[a], &v[b]));
    rearrange(&order, &mut |a, b| v.swap(a, b));
}

/// Sorts `v` by a key, stably (like `slice::sort_by_key`).
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in its natural order (like `slice::sort`; for elements that are equal only when
/// they are the same, such as numbers or strings, also the same as `sort_unstable`).
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// The stable sorted order of `0..n` under `cmp`: position `k` of the result is the index of
/// the element that belongs at `k`. A bottom-up merge sort: O(n log n), and equal elements
/// keep their index order because a merge takes from the left run on ties.
fn stable_order(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut from: Vec<usize> = (0..n).collect();
    let mut to: Vec<usize> = vec![0; n];
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j) = (start, mid);
            for slot in &mut to[start..end] {
                // Take from the right run only when it is strictly smaller: stability.
                let take_right = i >= mid || (j < end && cmp(from[j], from[i]) == Ordering::Less);
                if take_right {
                    *slot = from[j];
                    j += 1;
                } else {
                    *slot = from[i];
                    i += 1;
                }
            }
            start = end;
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    from
}

/// Puts the elements in `order` (see [`stable_order`]) with at most `n - 1` swaps.
fn rearrange(order: &[usize], swap: &mut dyn FnMut(usize, usize)) {
    let n = order.len();
    // `at[p]`: the original index of the element now at position p; `pos[x]`: where the
    // element with original index x is now.
    let mut at: Vec<usize> = (0..n).collect();
    let mut pos: Vec<usize> = (0..n).collect();
    for (k, &want) in order.iter().enumerate() {
        let j = pos[want];
        if j != k {
            swap(k, j);
            let displaced = at[k];
            at[k] = want;
            at[j] = displaced;
            pos[want] = k;
            pos[displaced] = j;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_keys_keep_their_order() {
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e'), (2, 'f')];
        sort_by_key(&mut v, |e| e.0);
        assert_eq!(v, vec![(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c'), (2, 'f')]);
        sort_by_key(&mut v, |e| std::cmp::Reverse(e.0));
        assert_eq!(v, vec![(2, 'a'), (2, 'c'), (2, 'f'), (1, 'b'), (1, 'd'), (0, 'e')]);
    }

    #[test]
    fn empty_and_single_lists_stay_as_they_are() {
        let mut empty: Vec<u8> = Vec::new();
        sort(&mut empty);
        assert!(empty.is_empty());
        let mut one = vec!["één"];
        sort(&mut one);
        assert_eq!(one, vec!["één"]);
    }

    proptest::proptest! {
        /// The same result as the standard library's stable sort, for any list and any
        /// comparison that has ties (keys compared on a few values only).
        #[test]
        fn the_same_order_as_the_standard_stable_sort(v in proptest::collection::vec((0u8..6, 0u16..1000), 0..200)) {
            let mut ours = v.clone();
            let mut std_sorted = v.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            std_sorted.sort_by_key(|a| a.0);
            proptest::prop_assert_eq!(&ours, &std_sorted);
            let mut ours = v.clone();
            let mut std_sorted = v;
            sort(&mut ours);
            std_sorted.sort();
            proptest::prop_assert_eq!(ours, std_sorted);
        }
    }
}
