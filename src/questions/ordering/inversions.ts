/**
 * Inversions of a permutation, in total and per element, with one Fenwick-tree
 * pass: O(n log n), so pairwise-order stays fast for thousands of items where
 * Moodle's own before/after set intersections are O(n²).
 */

/** The inversion count of a permutation and how many inversions each position takes part in. */
export interface Inversions {
  /** Pairs `i < j` with `values[i] > values[j]`. */
  readonly total: number;
  /** `perPosition[i]`: inversions that involve position `i` (each inversion counts at both ends). */
  readonly perPosition: Int32Array;
}

/**
 * Counts inversions of `values`, a permutation of `0 … n-1`.
 *
 * For the value v at position i, let `smallerBefore` be how many values left of
 * i are below v. Then `i - smallerBefore` larger values precede it, and because
 * exactly v values in the whole permutation are below v, `v - smallerBefore`
 * smaller values follow it. One left-to-right pass therefore gives both sides.
 */
export function countInversions(values: readonly number[]): Inversions {
  const n = values.length;
  // 1-based Fenwick tree over values: tree counts the values seen so far.
  const tree = new Int32Array(n + 1);
  const perPosition = new Int32Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const value = values[i]!;
    let smallerBefore = 0;
    for (let k = value; k > 0; k -= k & -k) smallerBefore += tree[k]!;
    for (let k = value + 1; k <= n; k += k & -k) tree[k] = tree[k]! + 1;
    const largerBefore = i - smallerBefore;
    const smallerAfter = value - smallerBefore;
    perPosition[i] = largerBefore + smallerAfter;
    total += largerBefore;
  }
  return { total, perPosition };
}
