import { type Fraction, formatFraction } from '../fraction/fraction.js';

/** The decimals `scaled` keeps at least: cmi5's masteryScore has up to 4. */
export const SCALED_DECIMALS = 4;

/** `x` rounded half away from zero to 4 decimals (quizkit's display rounding), as a number. */
export const decimal = (x: Fraction): number => Number(formatFraction(x, 4));

/**
 * `x` rounded down (towards −∞) to `decimals` places, as a number. Flooring
 * never overstates a score, and keeps every comparison with a threshold of at
 * most `decimals` places exactly as on the exact value.
 */
export function floorDecimal(x: Fraction, decimals: number): number {
  return Number(floorScaled(x, decimals)) / 10 ** decimals + 0;
}

/** ⌊x · 10^decimals⌋, exactly. */
function floorScaled(x: Fraction, decimals: number): bigint {
  const n = BigInt(x.n) * 10n ** BigInt(decimals);
  const d = BigInt(x.d);
  return n >= 0n ? n / d : -((-n + d - 1n) / d);
}

/**
 * The xAPI `scaled` of an exact share `x` (points earned / possible) whose
 * lowest possible value is `lowest` (lowest points / possible, ≤ 0): `x`
 * floored to `decimals` places, so that `scaled ≥ t` holds exactly when
 * `x ≥ t` for any threshold `t ≥ 0` of at most `decimals` places. Flooring a
 * negative share can go below `lowest` (−1/3 → −0.3334, issue #13.11); then
 * the share is rounded toward zero instead, which stays in [lowest, 0] — with
 * more places when that would give 0 for a share below 0, so that a pass mark
 * of 0 still fails it. The result always lies in [max(lowest, −1), 1] when `x`
 * lies in [lowest, 1] and
 * lowest ≥ −1.
 */
export function scaledDecimal(x: Fraction, lowest: Fraction, decimals: number): number {
  // floored ≥ lowest, compared exactly: ⌊x·10^decimals⌋ · lowest.d ≥ lowest.n · 10^decimals.
  if (floorScaled(x, decimals) * BigInt(lowest.d) >= BigInt(lowest.n) * 10n ** BigInt(decimals)) return floorDecimal(x, decimals);
  for (let places = decimals; places <= 15; places++) {
    const towardZero = -floorDecimal({ n: -x.n, d: x.d }, places) + 0;
    if (towardZero !== 0) return Math.max(towardZero, -1);
  }
  return 0;
}

/** How many decimals `x` needs to be written exactly, or `undefined` when more than 12 (e.g. 1/3). */
export function decimalsOf(x: Fraction): number | undefined {
  const n = BigInt(x.n);
  const d = BigInt(x.d);
  for (let places = 0n; places <= 12n; places++) {
    if ((n * 10n ** places) % d === 0n) return Number(places);
  }
  return undefined;
}

/**
 * An ISO 8601 duration from milliseconds, to the hundredth of a second (the
 * precision xAPI compares), e.g. `PT1M40.5S`, `PT2H0.07S`, `PT0S`.
 */
export function isoDuration(ms: number): string {
  const hundredths = Math.floor(ms / 10);
  const hours = Math.floor(hundredths / 360_000);
  const minutes = Math.floor((hundredths % 360_000) / 6_000);
  const rest = hundredths % 6_000;
  const seconds = `${Math.floor(rest / 100)}${rest % 100 ? `.${String(rest % 100).padStart(2, '0').replace(/0$/, '')}` : ''}`;
  const time = `${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${rest || !(hours || minutes) ? `${seconds}S` : ''}`;
  return `PT${time}`;
}

/** A UTC timestamp with milliseconds, `2025-09-01T10:00:00.000Z`. */
export const utc = (ms: number): string => new Date(ms).toISOString();
