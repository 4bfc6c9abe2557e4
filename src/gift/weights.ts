import { type Fraction, ONE, ZERO, equals, fraction } from '../fraction/fraction.js';
import type { MultipleChoiceQuestion, ReadonlyMultipleChoiceQuestion, ReadonlySingleChoiceQuestion } from '../schema/types.js';
import { giftPercent, isOne, snapPositiveWeights, snapToMoodleFraction } from './moodle-fractions.js';

/**
 * One option's weight in Moodle: what quizkit's rule gives it, and what is
 * written.
 *
 * @example
 * ```ts
 * import type { MoodleOptionWeight } from 'quizkit/gift';
 * const weight: MoodleOptionWeight = { optionId: 'b', intended: { n: 37, d: 100 }, weight: { n: 2, d: 5 }, percent: '40' };
 * ```
 */
export interface MoodleOptionWeight {
  /** The option's id. */
  readonly optionId: string;
  /** The credit quizkit's rule gives for choosing this option alone, exactly. */
  readonly intended: Fraction;
  /** The weight written, a member of Moodle's grade list. */
  readonly weight: Fraction;
  /** The weight in percent as GIFT writes it (`33.33333`, `-50`). */
  readonly percent: string;
}

/**
 * How a choice question is written for Moodle: single or multiple answer, one
 * weight per option, and what (if anything) could not be carried exactly.
 *
 * @example
 * ```ts
 * import type { MoodleChoiceWeights } from 'quizkit/gift';
 * const weights = (w: MoodleChoiceWeights) => w.options.map((option) => option.percent);
 * ```
 */
export interface MoodleChoiceWeights {
  /** True for Moodle's "one answer only" (`<single>true`, a `=` answer in GIFT). */
  readonly single: boolean;
  /** One entry per option, in the question's order. */
  readonly options: readonly MoodleOptionWeight[];
  /** True when at least one weight differs from its intended credit. */
  readonly snapped: boolean;
  /** Why the rule cannot be expressed with Moodle's weights, when it cannot. */
  readonly approximation?: string;
}

/** Credits a rule with no Moodle form falls back to: +1/k for a correct option, −1/k for a wrong one. */
const plusMinus = (correct: boolean, k: number): Fraction => fraction(correct ? 1 : -1, k);

const APPROXIMATIONS: Partial<Record<MultipleChoiceQuestion['rule']['name'], (k: number) => string>> = {
  'all-or-nothing': () =>
    'rule all-or-nothing has no Moodle form: correct answers share 100% and each wrong answer is -100%, so a wrong tick still scores 0 but ticking only some of the correct answers earns partial credit in Moodle',
  'every-decision-counts': (k) =>
    `rule every-decision-counts has no Moodle form (Moodle cannot credit options left alone): written as right-minus-wrong weights, +${giftPercent(fraction(1, k))}% / -${giftPercent(fraction(1, k))}%`,
  'correction-for-guessing': (k) =>
    `rule correction-for-guessing has no Moodle form (Moodle cannot credit options left alone): written as right-minus-wrong weights, +${giftPercent(fraction(1, k))}% / -${giftPercent(fraction(1, k))}%`,
};

/** The credit each option of a multiple-choice question earns alone, under its rule or the closest Moodle can do. */
function multipleIntended(question: ReadonlyMultipleChoiceQuestion): Fraction[] {
  const k = question.options.filter((option) => option.correct).length;
  switch (question.rule.name) {
    case 'weighted-credit':
      return question.options.map((option) => option.credit ?? plusMinus(option.correct, k));
    case 'all-or-nothing':
      return question.options.map((option) => (option.correct ? fraction(1, k) : fraction(-1)));
    default:
      // right-minus-wrong is exactly this (max(0, R − W)/k = clamp(Σ ±1/k, 0, 1)); the others are approximations.
      return question.options.map((option) => plusMinus(option.correct, k));
  }
}

function singleIntended(question: ReadonlySingleChoiceQuestion): Fraction[] {
  const k = question.options.length;
  return question.options.map((option) => {
    if (option.correct) return ONE;
    return question.rule.name === 'correction-for-guessing' ? fraction(-1, k - 1) : (option.credit ?? ZERO);
  });
}

const MAX_BELOW_ONE = fraction(9, 10);

/**
 * The weights a single- or multiple-choice question gets in Moodle (GIFT
 * `~%n%` and Moodle XML `fraction`), snapped to Moodle's grade list.
 *
 * - Single choice: the correct option is 100% (`=`); every other option's
 *   credit (under `correction-for-guessing`, −1/(k−1)) is snapped to the
 *   nearest listed value below 100%. −1/(k−1) is exact up to 11 options.
 * - Multiple choice: `weighted-credit` uses the options' credits (default
 *   ±1/k) and `right-minus-wrong` ±1/k, which is the same score. The positive
 *   weights are snapped together so that they stay in the list and add up to
 *   exactly 100%, as Moodle requires; the others are snapped one by one.
 *   `all-or-nothing` becomes +1/k and −100%; `every-decision-counts` and
 *   `correction-for-guessing` become ±1/k, with `approximation` saying why.
 *
 * Snapping changes a score only when it moves a weight: 1/3, 1/7, 1/8 stay
 * exact (Moodle stores 0.3333333, and counts 3 × 0.3333333 as full credit
 * through its 0.000001 tolerance), 0.37 becomes 0.4, so choosing that option
 * earns 3 points in 100 more in Moodle.
 *
 * @param question A parsed single- or multiple-choice question.
 *
 * @returns The weights, whether any moved, and the approximation, if any.
 *
 * @example
 * ```ts
 * import { moodleWeights } from 'quizkit/gift';
 * import { QuestionSchema } from 'quizkit/schema';
 * const question = QuestionSchema.parse({
 *   id: 'q', type: 'multiple-choice', prompt: 'Which?', explanation: 'Because.',
 *   source: { section: 's', quote: 'q' }, rule: { name: 'right-minus-wrong' },
 *   options: [{ id: 'a', text: 'A', correct: true }, { id: 'b', text: 'B', correct: true }, { id: 'c', text: 'C', correct: true }, { id: 'd', text: 'D' }],
 * });
 * if (question.type === 'multiple-choice') moodleWeights(question).options.map((o) => o.percent);
 * //=> ['33.33333', '33.33333', '33.33333', '-33.33333']
 * ```
 */
export function moodleWeights(question: ReadonlySingleChoiceQuestion | ReadonlyMultipleChoiceQuestion): MoodleChoiceWeights {
  const single = question.type === 'single-choice';
  const intended = single ? singleIntended(question) : multipleIntended(question);
  const weights = intended.map((credit) => (single ? (isOne(credit) ? ONE : snapToMoodleFraction(credit, { max: MAX_BELOW_ONE })) : credit));
  if (!single) {
    const positive = intended.flatMap((credit, index) => (credit.n > 0 ? [index] : []));
    const snapped = snapPositiveWeights(positive.map((index) => intended[index] as Fraction));
    intended.forEach((credit, index) => {
      if (credit.n <= 0) weights[index] = snapToMoodleFraction(credit, { max: ZERO });
    });
    positive.forEach((index, i) => (weights[index] = snapped[i] as Fraction));
  }
  const options = question.options.map((option, index) => {
    const weight = weights[index] as Fraction;
    return { optionId: option.id, intended: intended[index] as Fraction, weight, percent: giftPercent(weight) };
  });
  const approximation = single ? undefined : APPROXIMATIONS[question.rule.name]?.(intended.filter((credit) => credit.n > 0).length);
  return {
    single,
    options,
    snapped: options.some((option) => !equals(option.weight, option.intended)),
    ...(approximation ? { approximation } : {}),
  };
}

/** A one-line summary of the weights that moved, grouped by change, for notes and comments. */
export function describeSnapping(weights: MoodleChoiceWeights): string {
  const groups = new Map<string, string[]>();
  for (const option of weights.options) {
    if (equals(option.weight, option.intended)) continue;
    const { n, d } = option.intended;
    const change = `${n}${d === 1 ? '' : `/${d}`} → ${option.percent}%`;
    groups.set(change, [...(groups.get(change) ?? []), `"${option.optionId}"`]);
  }
  const list = [...groups].map(([change, ids]) => `${change} (${ids.join(', ')})`).join('; ');
  return `weights snapped to Moodle's grade list, so scores change where these options are chosen: ${list}`;
}
