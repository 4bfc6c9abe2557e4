import type { DeepReadonly, Quiz } from '../schema/types.js';
import { AttemptError } from './errors.js';
import { hashQuiz } from './hash.js';
import type { Attempt, EpochMillis } from './types.js';

// Checks shared by every function that takes an attempt and a clock (attempts,
// xAPI). Kept apart from attempt.ts so importing them does not pull in nanoid.

/** Throws a `RangeError` unless `value` is a time in epoch milliseconds. */
export function assertTime(value: unknown, name: string): asserts value is EpochMillis {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a time in epoch milliseconds (a non-negative integer); found ${String(value)}`);
  }
}

/** Refuses a quiz that is not the one the attempt was started on. */
export function assertSameQuiz(attempt: Attempt, quiz: DeepReadonly<Quiz>): void {
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
