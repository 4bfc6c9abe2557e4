import type { Fraction } from './fraction.js';

/**
 * BigInt arithmetic where sums must never overflow: validation (it bounds
 * what scoring can ever compute) and item analysis (sums over any number of
 * attempts). Scoring itself stays on numbers.
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

/**
 * A reduced fraction with BigInt parts, for sums that must never overflow
 * (item analysis over any number of attempts).
 *
 * @example
 * ```ts
 * import type { BigFraction } from 'quizkit/analytics';
 * const third: BigFraction = { n: 1n, d: 3n };
 * ```
 */
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

const reduce = (n: bigint, d: bigint): BigFraction => {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcdBig(n, d) || 1n;
  return { n: n / g, d: d / g };
};

export const ZERO_BIG: BigFraction = { n: 0n, d: 1n };
export const bigOf = (x: Fraction | number | bigint): BigFraction =>
  typeof x === 'object' ? reduce(BigInt(x.n), BigInt(x.d)) : { n: BigInt(x), d: 1n };
export const addBig = (a: BigFraction, b: BigFraction): BigFraction => (a.d === b.d ? reduce(a.n + b.n, a.d) : reduce(a.n * b.d + b.n * a.d, a.d * b.d));
export const subBig = (a: BigFraction, b: BigFraction): BigFraction => addBig(a, { n: -b.n, d: b.d });
export const mulBig = (a: BigFraction, b: BigFraction): BigFraction => reduce(a.n * b.n, a.d * b.d);
export const divBig = (a: BigFraction, b: BigFraction): BigFraction => reduce(a.n * b.d, a.d * b.n);
export const compareBig = (a: BigFraction, b: BigFraction): number => {
  const left = a.n * b.d;
  const right = b.n * a.d;
  return left < right ? -1 : left > right ? 1 : 0;
};
/** The nearest double, without overflowing on huge parts. */
export function bigToNumber(x: BigFraction): number {
  const whole = x.n / x.d;
  const rest = x.n - whole * x.d;
  // Scale the remainder so its quotient keeps about 16 significant digits.
  const scale = 10n ** 18n;
  return Number(whole) + Number((rest * scale) / x.d) / 1e18;
}
