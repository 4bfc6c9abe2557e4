import type { Quiz, ReadonlyQuiz } from '../schema/types.js';
import { AttemptError } from './errors.js';
import { hashQuiz } from './hash.js';
import type { Attempt, EpochMillis } from './types.js';

// Checks shared by every function that takes an attempt and a clock (attempts,
// xAPI). Kept apart from attempt.ts so importing them does not pull in nanoid.

/**
 * The latest time an attempt function accepts: 9999-12-31T23:59:59.999Z, in
 * epoch milliseconds (253402300799999), the last instant `Date#toISOString`
 * writes with a four-digit year. Every time an attempt holds stays at or
 * below it plus the longest time limit a quiz may set (7 days), far inside
 * `Number.MAX_SAFE_INTEGER` (about 9.0 × 10¹⁵): so `startedAt + timeLimit`,
 * a deadline plus a grace period, and a saved attempt's times never leave
 * the range where integers are exact, and a saved attempt always reads back.
 *
 * @example
 * ```ts
 * import { MAX_EPOCH_MILLIS } from 'quizkit/attempts';
 * new Date(MAX_EPOCH_MILLIS).toISOString(); //=> '9999-12-31T23:59:59.999Z'
 * ```
 */
export const MAX_EPOCH_MILLIS = 253_402_300_799_999;

/** Throws a `RangeError` unless `value` is a time in epoch milliseconds, from 0 to {@link MAX_EPOCH_MILLIS}. */
export function assertTime(value: unknown, name: string): asserts value is EpochMillis {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0 || value > MAX_EPOCH_MILLIS) {
    throw new RangeError(
      `${name} must be a time in epoch milliseconds (an integer from 0 to ${MAX_EPOCH_MILLIS}, the end of year 9999); found ${String(value)}`,
    );
  }
}

/** The latest time recorded in an attempt: its start or its latest answer. */
export function latestActivity(attempt: Attempt): EpochMillis {
  let latest = attempt.startedAt;
  for (const recorded of Object.values(attempt.answers)) if (recorded.at > latest) latest = recorded.at;
  for (const tries of Object.values(attempt.tries ?? {})) for (const tried of tries) if (tried.at > latest) latest = tried.at;
  return latest;
}

/** Refuses a clock that runs backwards within an attempt (`clock_went_back`). */
export function assertMonotonic(attempt: Attempt, now: EpochMillis): void {
  const latest = latestActivity(attempt);
  if (now < latest) {
    const what = latest === attempt.startedAt ? 'the attempt started' : 'its latest recorded answer';
    throw new AttemptError(
      'clock_went_back',
      `now (${now}) is before ${what} (${latest}); time within an attempt only moves forward`,
      [{ code: 'clock_went_back', path: ['now'], message: `Expected a time at or after ${latest}` }],
    );
  }
}

/** Refuses a quiz that is not the one the attempt was started on. */
export function assertSameQuiz(attempt: Pick<Attempt, 'quizId' | 'quizHash'>, quiz: ReadonlyQuiz): void {
  if (quiz.id !== attempt.quizId) {
    throw new AttemptError('wrong_quiz', `This attempt is at quiz "${attempt.quizId}", not "${quiz.id}"`);
  }
  const hash = hashQuiz(quiz);
  if (hash !== attempt.quizHash) {
    throw new AttemptError(
      'quiz_changed',
      `Quiz "${quiz.id}" has changed since this attempt started (hash ${attempt.quizHash}, now ${hash}); use rescoreAttempt with acknowledgeQuizChange to go on deliberately`,
    );
  }
}

/** The deadline of an attempt at `quiz` started at `startedAt`; undefined without a time limit. */
export function deadlineOf(quiz: ReadonlyQuiz, startedAt: EpochMillis, extraTimeSeconds = 0): EpochMillis | undefined {
  if (quiz.timeLimitSeconds === undefined) return undefined;
  const deadline = startedAt + (quiz.timeLimitSeconds + extraTimeSeconds) * 1000;
  if (!Number.isSafeInteger(deadline) || quiz.timeLimitSeconds <= 0) {
    throw new RangeError(`timeLimitSeconds must be a positive whole number of seconds (at most 7 days, as the quiz schema says); found ${quiz.timeLimitSeconds}`);
  }
  return deadline;
}

/** Whether a submission at `submittedAt` is late: after the deadline plus the grace period. */
export function isLate(deadline: EpochMillis | undefined, submittedAt: EpochMillis, graceSeconds: number): boolean {
  return deadline !== undefined && submittedAt > deadline + graceSeconds * 1000;
}
