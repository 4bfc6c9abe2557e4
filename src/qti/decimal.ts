import type { Fraction } from '../fraction/fraction.js';

/**
 * Decimal places of the fractional numbers the QTI export writes (mapped
 * values, weights, the pass cut). A fraction that terminates within them is
 * written exactly; any other is rounded away from zero at the last place, so
 * a mapped item's score is within a few 10⁻¹⁰ of quizkit's, and exactly 1 at
 * full credit.
 *
 * @example
 * ```ts
 * import { QTI_DECIMALS, toQtiItem } from 'quizkit/qti';
 * import { northKoreaChina } from 'quizkit/modules';
 * QTI_DECIMALS; //=> 10
 * toQtiItem(northKoreaChina.quizzes[0].questions[0]).includes('mapped-value="-0.3333333334"'); //=> true
 * ```
 */
export const QTI_DECIMALS = 10;

const SCALE = 10n ** BigInt(QTI_DECIMALS);

/**
 * Writes an exact fraction as a QTI decimal: exact when it terminates within
 * {@link QTI_DECIMALS} places (0.25, -0.5, 2), otherwise rounded *away from
 * zero* at the last place (1/3 → 0.3333333334, -1/3 → -0.3333333334), with
 * trailing zeros dropped.
 *
 * Away from zero, not to nearest, on purpose: the mapped values of an answer
 * key then add up to at least full credit, and the mapping's `upper-bound`
 * clamps that to exactly 1 (three thirds give 1.0000000002 → 1, never
 * 0.9999999999), while a right and a wrong choice of equal weight still
 * cancel exactly.
 */
export function qtiDecimal(x: Fraction, direction: 'away' | 'down' = 'away'): string {
  const negative = x.n < 0;
  const d = BigInt(x.d);
  const magnitude = BigInt(Math.abs(x.n)) * SCALE;
  // 'down' rounds towards −∞: away from zero for negatives, towards zero for positives.
  const up = direction === 'away' ? true : negative;
  const scaled = up ? (magnitude + d - 1n) / d : magnitude / d;
  return negative && scaled !== 0n ? `-${written(scaled)}` : written(scaled);
}

/** A non-negative count of units of the last place, written as a decimal without trailing zeros. */
function written(scaled: bigint): string {
  const whole = scaled / SCALE;
  const digits = (scaled % SCALE).toString().padStart(QTI_DECIMALS, '0').replace(/0+$/, '');
  return digits ? `${whole}.${digits}` : `${whole}`;
}

/**
 * A positive fraction written strictly above its value, by at most one unit
 * of the last of {@link QTI_DECIMALS} places: mapped values whose float sum
 * must reach the upper bound (1) for the answer key, whatever the order the
 * player adds them in; the bound then cuts the excess.
 */
export function qtiDecimalAbove(x: Fraction): string {
  return written((BigInt(x.n) * SCALE) / BigInt(x.d) + 1n);
}
