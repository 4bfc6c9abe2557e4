import { type BigFraction, addBig, compareBig, mulBig } from '../fraction/big.js';

/**
 * Exact counts of exact values, keyed by `n/d`: scores take finitely many
 * values, so medians and sorted pairings stay exact.
 *
 * @example
 * ```ts
 * import type { Histogram } from 'quizkit/analytics';
 * const empty: Histogram = new Map();
 * ```
 */
export type Histogram = Map<string, { readonly value: BigFraction; count: number }>;

const keyOf = (value: BigFraction) => `${value.n}/${value.d}`;

export function count(histogram: Histogram, value: BigFraction, times = 1): void {
  const key = keyOf(value);
  const entry = histogram.get(key);
  if (entry) entry.count += times;
  else histogram.set(key, { value, count: times });
}

export function mergeHistograms(a: Histogram, b: Histogram): Histogram {
  const merged: Histogram = new Map();
  for (const source of [a, b]) for (const { value, count: times } of source.values()) count(merged, value, times);
  return merged;
}

/** The values in ascending order, with their counts. */
export const ascending = (histogram: Histogram) => [...histogram.values()].sort((x, y) => compareBig(x.value, y.value));

/** The median, exactly: the middle value, or the mean of the two middle ones (Moodle's quiz_statistics median). */
export function median(histogram: Histogram, n: number): BigFraction | undefined {
  if (n === 0) return undefined;
  const wanted = n % 2 === 0 ? [n / 2 - 1, n / 2] : [(n - 1) / 2];
  const picked: BigFraction[] = [];
  let seen = 0;
  for (const { value, count: times } of ascending(histogram)) {
    for (const rank of wanted) if (rank >= seen && rank < seen + times) picked.push(value);
    seen += times;
  }
  const sum = picked.reduce(addBig);
  return mulBig(sum, { n: 1n, d: BigInt(picked.length) });
}

/**
 * Σ aᵢ·bᵢ with both lists sorted ascending, from their histograms (each
 * holding n values): the pairing Moodle's discriminative efficiency divides by.
 */
export function sortedProductSum(a: Histogram, b: Histogram): BigFraction {
  const left = ascending(a).map((entry) => ({ ...entry }));
  const right = ascending(b).map((entry) => ({ ...entry }));
  let sum: BigFraction = { n: 0n, d: 1n };
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    const take = Math.min(left[i]!.count, right[j]!.count);
    sum = addBig(sum, mulBig(mulBig(left[i]!.value, right[j]!.value), { n: BigInt(take), d: 1n }));
    left[i]!.count -= take;
    right[j]!.count -= take;
    if (left[i]!.count === 0) i++;
    if (right[j]!.count === 0) j++;
  }
  return sum;
}
