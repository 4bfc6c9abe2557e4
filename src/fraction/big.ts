import type { Fraction } from './fraction.js';

/**
 * BigInt arithmetic for validation only: it bounds what scoring can ever
 * compute, so it must itself never overflow. Scoring stays on numbers.
 */

export function gcdBig(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** The least common multiple of positive integers (1 for none). */
export function lcmBig(values: Iterable<bigint>): bigint {
  let result = 1n;
  for (const value of values) result = (result / gcdBig(result, value)) * value;
  return result;
}

/** A reduced fraction with BigInt parts. */
export interface BigFraction {
  readonly n: bigint;
  readonly d: bigint;
}

/** Sums fractions exactly, in BigInt, reduced. */
export function sumBig(values: Iterable<Fraction>): BigFraction {
  let n = 0n;
  let d = 1n;
  for (const value of values) {
    const vd = BigInt(value.d);
    n = n * vd + BigInt(value.n) * d;
    d *= vd;
    const g = gcdBig(n, d) || 1n;
    n /= g;
    d /= g;
  }
  return { n, d };
}

/** The smallest integer ≥ `x`. */
export const ceilBig = (x: BigFraction): bigint => (x.n >= 0n ? (x.n + x.d - 1n) / x.d : -(-x.n / x.d));
