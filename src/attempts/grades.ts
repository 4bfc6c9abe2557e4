import { type Fraction, compare, divide, fraction, sum } from '../fraction/fraction.js';
import type { QuizResult } from '../scoring/types.js';
import type { SubmittedAttempt } from './types.js';

/**
 * How several attempts make one grade, as Moodle's quiz `grademethod`:
 * `highest` grade, `average` grade, `first` attempt, `last` attempt.
 *
 * @example
 * ```ts
 * import type { GradeMethod } from 'quizkit/attempts';
 * const method: GradeMethod = 'highest';
 * ```
 */
export type GradeMethod = 'highest' | 'average' | 'first' | 'last';

/**
 * The grade over several attempts.
 *
 * @example
 * ```ts
 * import { combineGrades, startAttempt, submitAttempt } from 'quizkit/attempts';
 * import { northKoreaChina } from 'quizkit/modules';
 * const quiz = northKoreaChina.quizzes[0];
 * const done = submitAttempt(startAttempt(quiz, { seed: 'abc', now: 0 }), quiz, 60_000);
 * combineGrades([done], 'last'); //=> { method: 'last', percent: { n: 0, d: 1 }, passMark: { n: 70, d: 1 }, passed: false, attempts: 1, counted: [0] }
 * combineGrades([], 'last'); //=> undefined
 * ```
 */
export interface CombinedGrade {
  /** The method used. */
  readonly method: GradeMethod;
  /** The combined grade in percent, exactly. */
  readonly percent: Fraction;
  /** The pass mark, in percent, of the latest attempt's quiz. */
  readonly passMark: Fraction;
  /** Whether `percent ≥ passMark`, decided on exact values. */
  readonly passed: boolean;
  /** How many attempts there were. */
  readonly attempts: number;
  /** The indexes (into the list given) of the attempts the grade comes from. */
  readonly counted: readonly number[];
}

/**
 * Combines the grades of several attempts at one quiz, exactly, as Moodle's
 * grading methods do: `highest` (the best percentage; the earliest on ties),
 * `average` (the mean of the percentages), `first` or `last`. Grades are
 * compared and averaged as percentages, so attempts scored against different
 * versions of the quiz still combine sensibly.
 *
 * Give either results in the order the attempts were taken, or submitted
 * attempts in any order (they are ordered by `attemptNumber`). Returns
 * `undefined` when there is no attempt; throws a `RangeError` when the
 * results are for different quizzes.
 *
 * @param results - The attempts' results, or the submitted attempts.
 * @param method - The grading method.
 * @returns The combined grade, or `undefined` without attempts.
 *
 * @example
 * ```ts
 * import { formatFraction, scoreQuiz } from 'quizkit';
 * import { combineGrades } from 'quizkit/attempts';
 * import { northKoreaChina } from 'quizkit/modules';
 * const quiz = northKoreaChina.quizzes[0]; // nine questions, one point each
 * const first = scoreQuiz(quiz, {}); // 0 %
 * const second = scoreQuiz(quiz, { 'who-met-in-beijing': 'foreign-ministers', 'outlook-spotlight': 'china-delegation', 'china-involvement': 'remains-to-be-seen' }); // 3 of 9
 * formatFraction(combineGrades([first, second], 'highest')!.percent); //=> '33.33'
 * formatFraction(combineGrades([first, second], 'average')!.percent); //=> '16.67'
 * ```
 */
export function combineGrades(
  results: readonly QuizResult[] | readonly SubmittedAttempt[],
  method: GradeMethod,
): CombinedGrade | undefined {
  const entries = (results as readonly (QuizResult | SubmittedAttempt)[]).map((entry, index) =>
    'status' in entry ? { index, order: entry.attemptNumber, result: entry.result } : { index, order: index, result: entry },
  );
  if (entries.length === 0) return undefined;
  const quizIds = new Set(entries.map((entry) => entry.result.quizId));
  if (quizIds.size > 1) throw new RangeError(`combineGrades takes attempts at one quiz; found ${[...quizIds].join(', ')}`);
  // Stable sort: attempts with equal numbers keep the order given.
  const ordered = [...entries].sort((a, b) => a.order - b.order);
  const first = ordered[0]!;
  const last = ordered[ordered.length - 1]!;
  let percent: Fraction;
  let counted: number[];
  switch (method) {
    case 'first':
      percent = first.result.percent;
      counted = [first.index];
      break;
    case 'last':
      percent = last.result.percent;
      counted = [last.index];
      break;
    case 'highest': {
      let best = first;
      for (const entry of ordered) if (compare(entry.result.percent, best.result.percent) > 0) best = entry;
      percent = best.result.percent;
      counted = [best.index];
      break;
    }
    case 'average':
      percent = divide(sum(ordered.map((entry) => entry.result.percent)), fraction(ordered.length));
      counted = ordered.map((entry) => entry.index);
      break;
    default:
      throw new RangeError(`Unknown grade method "${String(method)}"; use highest, average, first or last`);
  }
  const passMark = last.result.passMark;
  return { method, percent, passMark, passed: compare(percent, passMark) >= 0, attempts: entries.length, counted };
}
