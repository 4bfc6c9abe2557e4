import { type Fraction, ONE, ZERO, compare, formatFraction, fraction, multiply, subtract } from '../fraction/fraction.js';

// Moodle's grade list, `question_bank::fraction_options_full()` (question/engine/bank.php):
// p/q for q ≤ 6, p/10, 1/q for q ≤ 10, and 1/20, with their negatives. Kept exact here;
// Moodle stores them as 7-decimal floats (0.3333333) and compares with a 0.00001 tolerance.
const POSITIVE: readonly Fraction[] = [
  [1, 1],
  [9, 10],
  [5, 6],
  [4, 5],
  [3, 4],
  [7, 10],
  [2, 3],
  [3, 5],
  [1, 2],
  [2, 5],
  [1, 3],
  [3, 10],
  [1, 4],
  [1, 5],
  [1, 6],
  [1, 7],
  [1, 8],
  [1, 9],
  [1, 10],
  [1, 20],
].map(([n, d]) => fraction(n as number, d as number));

/**
 * The answer weights Moodle accepts for a choice, matching or short-answer
 * answer (`question_bank::fraction_options_full()`), exactly, from 1 down to
 * −1: 1, 9/10, 5/6, 4/5, 3/4, 7/10, 2/3, 3/5, 1/2, 2/5, 1/3, 3/10, 1/4, 1/5,
 * 1/6, 1/7, 1/8, 1/9, 1/10, 1/20, 0 and the same negatives. Moodle's importers
 * refuse any other weight (`match_grade_options`, mode "error").
 *
 * @example
 * ```ts
 * import { MOODLE_FRACTIONS } from 'quizkit/gift';
 * MOODLE_FRACTIONS.length; //=> 41
 * MOODLE_FRACTIONS[10]; //=> { n: 1, d: 3 }
 * ```
 */
export const MOODLE_FRACTIONS: readonly Fraction[] = [
  ...POSITIVE,
  ZERO,
  ...[...POSITIVE].reverse().map((value) => fraction(-value.n, value.d)),
];

const absDiff = (a: Fraction, b: Fraction): Fraction => {
  const diff = subtract(a, b);
  return diff.n < 0 ? fraction(-diff.n, diff.d) : diff;
};

/**
 * The value of Moodle's grade list nearest to `value`, within `[min, max]`
 * when given. A tie goes to the value nearer zero (less credit, less penalty).
 *
 * @param value The exact weight to snap.
 * @param range Optional bounds the result must stay within.
 *
 * @returns A member of {@link MOODLE_FRACTIONS}; `value` itself when it is one.
 *
 * @example
 * ```ts
 * import { snapToMoodleFraction } from 'quizkit/gift';
 * snapToMoodleFraction({ n: 1, d: 3 }); //=> { n: 1, d: 3 }
 * snapToMoodleFraction({ n: 37, d: 100 }); //=> { n: 2, d: 5 }
 * snapToMoodleFraction({ n: -1, d: 11 }); //=> { n: -1, d: 10 }
 * ```
 */
export function snapToMoodleFraction(value: Fraction, range: { readonly min?: Fraction; readonly max?: Fraction } = {}): Fraction {
  let best: Fraction | undefined;
  let bestDistance: Fraction | undefined;
  for (const candidate of MOODLE_FRACTIONS) {
    if (range.min && compare(candidate, range.min) < 0) continue;
    if (range.max && compare(candidate, range.max) > 0) continue;
    const distance = absDiff(candidate, value);
    const order = bestDistance ? compare(distance, bestDistance) : -1;
    if (order < 0 || (order === 0 && best && Math.abs(candidate.n / candidate.d) < Math.abs(best.n / best.d))) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (!best) throw new RangeError('No Moodle grade lies within the given range');
  return best;
}

// Every value of the list is a multiple of 1/2520 (2520 = lcm(1…10)), so a set
// of weights adds up to exactly 1 when their counts of 1/2520 add up to 2520.
const UNIT = 2520;
const POSITIVE_UNITS = POSITIVE.map((value) => (value.n * UNIT) / value.d);

/**
 * Snaps the positive weights of a multiple-answer question so that they stay
 * in Moodle's list *and* add up to exactly 1, as Moodle requires, moving them
 * as little as possible in total (a small dynamic programme over multiples of
 * 1/2520). Weights already in the list that add up to 1 come back unchanged.
 */
export function snapPositiveWeights(credits: readonly Fraction[]): Fraction[] {
  const count = credits.length;
  if (count === 0) return [];
  // cost[i][s]: least total distance for the first i weights adding up to s units.
  const cost: Float64Array[] = Array.from({ length: count + 1 }, () => new Float64Array(UNIT + 1).fill(Infinity));
  const choice: Int16Array[] = Array.from({ length: count + 1 }, () => new Int16Array(UNIT + 1).fill(-1));
  (cost[0] as Float64Array)[0] = 0;
  for (let i = 0; i < count; i++) {
    const credit = credits[i] as Fraction;
    const target = (credit.n / credit.d) * UNIT;
    const from = cost[i] as Float64Array;
    const to = cost[i + 1] as Float64Array;
    const picked = choice[i + 1] as Int16Array;
    for (let s = 0; s <= UNIT; s++) {
      const base = from[s] as number;
      if (base === Infinity) continue;
      POSITIVE_UNITS.forEach((units, index) => {
        const total = s + units;
        if (total > UNIT) return;
        const next = base + Math.abs(units - target);
        if (next < (to[total] as number)) {
          to[total] = next;
          picked[total] = index;
        }
      });
    }
  }
  const result: Fraction[] = new Array<Fraction>(count);
  let s = UNIT;
  for (let i = count; i > 0; i--) {
    const index = (choice[i] as Int16Array)[s] as number;
    // With at most 20 weights (LIMITS.optionsPerQuestion) a solution always exists: 20 × 1/20 = 1.
    if (index < 0) throw new RangeError(`Cannot split full credit over ${count} answers with Moodle's weights`);
    result[i - 1] = POSITIVE[index] as Fraction;
    s -= POSITIVE_UNITS[index] as number;
  }
  return result;
}

/**
 * A weight as GIFT writes it, in percent with at most 5 decimals, as Moodle's
 * own exporter does: 1/3 → `33.33333`, −1/2 → `-50`, 1/8 → `12.5`.
 */
export const giftPercent = (weight: Fraction): string => formatFraction(multiply(weight, fraction(100)), 5);

/** A weight as Moodle XML stores it, a fraction with at most 7 decimals: 1/3 → `0.3333333`. */
export const moodleDecimal = (weight: Fraction): string => formatFraction(weight, 7);

export const isOne = (value: Fraction): boolean => compare(value, ONE) === 0;
