/**
 * The two subset searches behind Moodle's LONGEST_ORDERED_SUBSET and
 * LONGEST_CONTIGUOUS_SUBSET grading types, in O(n log n) and O(n).
 *
 * Moodle enumerates candidate subsets one by one (its list can grow
 * exponentially: 1,0,3,2,5,4,… doubles it every two items) and keeps the
 * *first* longest one in its list. The fraction only needs the length, but the
 * per-item scores say which items are in that particular subset, so both
 * functions below reproduce Moodle's choice among equally long subsets, not
 * just any longest one. The equivalences are stated on each function and
 * checked against a port of Moodle's enumeration in
 * `tests/questions/ordering-measures.test.ts`.
 *
 * Input everywhere: `values[i]` is the correct position of the item at
 * response position `i`, a permutation of `0 … n-1`.
 */

/**
 * The response positions of Moodle's best ordered subset: a longest strictly
 * increasing subsequence of `values`, and among those the lexicographically
 * smallest list of positions (take the earliest item that can still start or
 * continue a longest one). That is the subset Moodle's enumeration lists first:
 * an exhaustive comparison for n ≤ 8 and random ones up to n = 40 agree.
 *
 * Returns the positions in ascending order; `[]` when the longest is a single
 * item, because Moodle ignores one-item subsets (`$bestcount = 1`).
 */
export function moodleLongestOrderedSubset(values: readonly number[]): number[] {
  const n = values.length;
  // startLength[i]: length of the longest increasing subsequence that starts at i.
  // Patience sorting run right to left: tails[k] is the largest first value of
  // an increasing subsequence of length k + 1 in the suffix seen so far, so
  // tails is strictly decreasing and a binary search places each value.
  const startLength = new Int32Array(n);
  const tails: number[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const value = values[i]!;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (tails[mid]! > value) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = value;
    startLength[i] = lo + 1;
  }
  const longest = tails.length;
  if (longest < 2) return [];
  // Greedy left-to-right pick: the first position that can carry the rest of a
  // longest subsequence after the last one taken.
  const picked: number[] = [];
  let need = longest;
  let last = -1;
  for (let i = 0; i < n && need > 0; i++) {
    const value = values[i]!;
    if (value > last && startLength[i] === need) {
      picked.push(i);
      last = value;
      need--;
    }
  }
  return picked;
}

/**
 * The response positions of Moodle's best "contiguous" subset: the longest run
 * of correct positions k, k+1, …, k+m-1 whose items appear in increasing
 * response positions (they need not be adjacent in the response). Such runs
 * split `0 … n-1` into maximal chains, breaking between v and v+1 whenever v+1
 * was placed before v; Moodle lists the chains in the order their first item
 * appears in the response and keeps the first longest, so ties go to the chain
 * that starts earliest in the response.
 *
 * Returns the positions in ascending order; `[]` when no chain has 2 items.
 */
export function moodleLongestConsecutiveRun(values: readonly number[]): number[] {
  const n = values.length;
  const positionOf = new Int32Array(n);
  for (let i = 0; i < n; i++) positionOf[values[i]!] = i;
  let bestStart = 0;
  let bestLength = 1;
  let start = 0;
  for (let v = 1; v <= n; v++) {
    if (v < n && positionOf[v]! > positionOf[v - 1]!) continue;
    // The chain start … v-1 ended.
    const length = v - start;
    if (length > bestLength || (length === bestLength && length > 1 && positionOf[start]! < positionOf[bestStart]!)) {
      bestStart = start;
      bestLength = length;
    }
    start = v;
  }
  if (bestLength < 2) return [];
  const picked: number[] = [];
  for (let v = bestStart; v < bestStart + bestLength; v++) picked.push(positionOf[v]!);
  return picked; // Ascending: the chain's positions increase by construction.
}
