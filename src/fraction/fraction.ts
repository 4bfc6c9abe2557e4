/**
 * An exact rational number `n / d`, always reduced, with `d > 0`.
 *
 * Scores are kept as fractions from the first count to the quiz total, so
 * three thirds make exactly one. Convert to a `number` only at the edge,
 * with {@link fractionToNumber} or {@link formatFraction}.
 *
 * @example
 * ```ts
 * import type { Fraction } from 'quizkit';
 * const twoThirds: Fraction = { n: 2, d: 3 };
 * ```
 */
export interface Fraction {
  /** The numerator, a safe integer (may be negative). */
  readonly n: number;
  /** The denominator, a positive safe integer. */
  readonly d: number;
}

export const ZERO: Fraction = { n: 0, d: 1 };
export const ONE: Fraction = { n: 1, d: 1 };

function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  // A temporary, not `[a, b] = [b, a % b]`: this runs for every score and must not allocate.
  while (b !== 0) {
    const r = a % b;
    a = b;
    b = r;
  }
  return a;
}

function gcdBig(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/**
 * Builds the reduced fraction `n / d` from integers. Falls back to BigInt when
 * an intermediate product leaves the safe-integer range, and only throws when
 * the *reduced* result cannot be held exactly (a quiz far beyond the schema's limits).
 */
export function fraction(n: number | bigint, d: number | bigint = 1): Fraction {
  if (typeof n === 'number' && typeof d === 'number' && Number.isSafeInteger(n) && Number.isSafeInteger(d)) {
    if (d === 0) throw new RangeError('Fraction with a zero denominator');
    const g = gcd(n, d) || 1;
    const sign = d < 0 ? -1 : 1;
    // `+ 0` turns -0 into 0 so equal fractions are also deep-equal.
    return { n: (sign * n) / g + 0, d: (sign * d) / g };
  }
  let bn = BigInt(n);
  let bd = BigInt(d);
  if (bd === 0n) throw new RangeError('Fraction with a zero denominator');
  if (bd < 0n) [bn, bd] = [-bn, -bd];
  const g = gcdBig(bn, bd) || 1n;
  bn /= g;
  bd /= g;
  const small = Number(bn);
  const smallD = Number(bd);
  if (!Number.isSafeInteger(small) || !Number.isSafeInteger(smallD)) {
    throw new RangeError(`Fraction ${bn}/${bd} exceeds exact number precision`);
  }
  return { n: small, d: smallD };
}

const safe = (x: number) => Number.isSafeInteger(x);

/** `a + b`, exactly. */
export function add(a: Fraction, b: Fraction): Fraction {
  if (a.d === b.d) {
    const n = a.n + b.n;
    if (safe(n)) return fraction(n, a.d);
  }
  const n = a.n * b.d + b.n * a.d;
  const d = a.d * b.d;
  if (safe(n) && safe(d) && safe(a.n * b.d) && safe(b.n * a.d)) return fraction(n, d);
  return fraction(BigInt(a.n) * BigInt(b.d) + BigInt(b.n) * BigInt(a.d), BigInt(a.d) * BigInt(b.d));
}

/** `a - b`, exactly. */
export function subtract(a: Fraction, b: Fraction): Fraction {
  return add(a, { n: -b.n, d: b.d });
}

/** `a × b`, exactly. */
export function multiply(a: Fraction, b: Fraction): Fraction {
  const n = a.n * b.n;
  const d = a.d * b.d;
  if (safe(n) && safe(d)) return fraction(n, d);
  return fraction(BigInt(a.n) * BigInt(b.n), BigInt(a.d) * BigInt(b.d));
}

/** `a ÷ b`, exactly; throws `RangeError` when `b` is zero. */
export function divide(a: Fraction, b: Fraction): Fraction {
  if (b.n === 0) throw new RangeError('Division of a fraction by zero');
  return multiply(a, { n: b.d, d: b.n });
}

/** Compares exactly: negative when `a < b`, 0 when equal, positive when `a > b`. */
export function compare(a: Fraction, b: Fraction): number {
  const l = a.n * b.d;
  const r = b.n * a.d;
  if (safe(l) && safe(r)) return l - r;
  const diff = BigInt(a.n) * BigInt(b.d) - BigInt(b.n) * BigInt(a.d);
  return diff < 0n ? -1 : diff > 0n ? 1 : 0;
}

/** Clamps `x` into `[lo, hi]`. */
export function clamp(x: Fraction, lo: Fraction, hi: Fraction): Fraction {
  if (compare(x, lo) < 0) return lo;
  if (compare(x, hi) > 0) return hi;
  return x;
}

/** Sums a list of fractions exactly. */
export function sum(values: Iterable<Fraction>): Fraction {
  let total = ZERO;
  for (const value of values) total = add(total, value);
  return total;
}

export function isZero(x: Fraction): boolean {
  return x.n === 0;
}

export function equals(a: Fraction, b: Fraction): boolean {
  return a.n === b.n && a.d === b.d;
}

/**
 * The nearest `number` to a fraction: the one place where exactness ends.
 *
 * @example
 * ```ts
 * import { fractionToNumber } from 'quizkit';
 * fractionToNumber({ n: 1, d: 4 }); //=> 0.25
 * ```
 */
export function fractionToNumber(x: Fraction): number {
  return x.n / x.d;
}

/**
 * Formats a fraction as a decimal string with at most `decimals` digits,
 * rounding half away from zero on the exact value (never on a float), and
 * dropping trailing zeros. This is quizkit's one rounding policy for display.
 *
 * @example
 * ```ts
 * import { formatFraction } from 'quizkit';
 * formatFraction({ n: 2, d: 3 }); //=> '0.67'
 * formatFraction({ n: 1, d: 8 }, 3); //=> '0.125'
 * ```
 */
export function formatFraction(x: Fraction, decimals = 2): string {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 12) {
    throw new RangeError('decimals must be an integer from 0 to 12');
  }
  const scale = 10n ** BigInt(decimals);
  const negative = x.n < 0;
  const n = BigInt(Math.abs(x.n)) * scale;
  const d = BigInt(x.d);
  const rounded = (2n * n + d) / (2n * d);
  const whole = rounded / scale;
  let digits = (rounded % scale).toString().padStart(decimals, '0').replace(/0+$/, '');
  const text = digits ? `${whole}.${digits}` : `${whole}`;
  return negative && rounded !== 0n ? `-${text}` : text;
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;
const RATIO = /^(-?\d+)\s*\/\s*(\d+)$/;

/**
 * Reads an authored number exactly: a JS number (by its shortest decimal form,
 * so `0.1` is 1/10, not the binary double) or a string `"1/3"` or `"0.25"`.
 * Returns `undefined` for anything else (NaN, Infinity, exponents, `"1/0"`).
 */
export function parseFraction(value: number | string): Fraction | undefined {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value.trim();
  const ratio = RATIO.exec(text);
  if (ratio) {
    const n = Number(ratio[1]);
    const d = Number(ratio[2]);
    return d === 0 || !safe(n) || !safe(d) ? undefined : fraction(n, d);
  }
  const decimal = DECIMAL.exec(text);
  if (!decimal) return undefined;
  const [, sign, whole, frac = ''] = decimal;
  if (frac.length > 9 || (whole?.length ?? 0) > 9) return undefined;
  const n = Number(`${whole}${frac}`) * (sign ? -1 : 1);
  // 18 digits do not fit a double exactly; refuse rather than round silently.
  return Number.isSafeInteger(n) ? fraction(n, 10 ** frac.length) : undefined;
}
