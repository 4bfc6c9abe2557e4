/**
 * Exact rational arithmetic in BigInt for the fuzz oracles, written apart
 * from src/fraction so that a bug there cannot hide itself here.
 */
import type { Fraction } from 'quizkit';

export interface Big {
  readonly n: bigint;
  readonly d: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
};

export const big = (n: bigint, d = 1n): Big => {
  if (d === 0n) throw new Error('zero denominator');
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
};

/** Problems with a fraction the engine returned: it must be reduced, d > 0, both safe integers. */
export function fractionProblems(x: unknown, what: string): string[] {
  if (x === null || typeof x !== 'object') return [`${what} is not a fraction: ${String(x)}`];
  const { n, d } = x as Fraction;
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d)) return [`${what} = ${n}/${d} is not made of safe integers`];
  if (d <= 0) return [`${what} = ${n}/${d} has a denominator ≤ 0`];
  if (gcd(BigInt(n), BigInt(d)) !== 1n) return [`${what} = ${n}/${d} is not reduced`];
  return [];
}

export const toBig = (x: Fraction): Big => big(BigInt(x.n), BigInt(x.d));
export const add = (a: Big, b: Big): Big => big(a.n * b.d + b.n * a.d, a.d * b.d);
export const mul = (a: Big, b: Big): Big => big(a.n * b.n, a.d * b.d);
export const div = (a: Big, b: Big): Big => big(a.n * b.d, a.d * b.n);
export const cmp = (a: Big, b: Big): number => {
  const diff = a.n * b.d - b.n * a.d;
  return diff < 0n ? -1 : diff > 0n ? 1 : 0;
};
export const ZERO: Big = { n: 0n, d: 1n };
export const ONE: Big = { n: 1n, d: 1n };
export const show = (x: Big): string => (x.d === 1n ? `${x.n}` : `${x.n}/${x.d}`);
