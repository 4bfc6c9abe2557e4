/**
 * Every code an {@link AttemptError} can carry.
 *
 * - `unknown_question`: the question id is not in the quiz.
 * - `invalid_response`: the response fails `checkResponse`; `issues` say why.
 * - `already_submitted`: the attempt is submitted; it takes no more answers or submissions.
 * - `not_submitted`: a review was asked for before submission.
 * - `time_expired`: an answer came after the attempt's deadline.
 * - `clock_went_back`: `now` is before the attempt's start or its latest recorded answer (time is monotonic within an attempt).
 * - `wrong_quiz`: the quiz passed in is not the attempt's quiz (another id).
 * - `quiz_changed`: the quiz's content hash differs from the one the attempt was started on.
 * - `invalid_json`: saved text is not JSON.
 * - `too_large`: saved text is longer than the limit.
 * - `unsupported_version`: saved data has a `formatVersion` this quizkit cannot read or migrate.
 * - `invalid_attempt`: saved data is JSON but not a valid attempt; `issues` give the paths.
 * - `inconsistent_attempt`: saved facts contradict each other or the quiz (an answer before the start or after the deadline, a submission before the start or before the last answer); `issues` give the paths.
 * - `tampered`: a sealed saved attempt (see `serializeAttempt` with a `key`) was changed, is not sealed, or was sealed with another key.
 *
 * @example
 * ```ts
 * import { ATTEMPT_ERROR_CODES } from 'quizkit/attempts';
 * ATTEMPT_ERROR_CODES.includes('quiz_changed'); //=> true
 * ```
 */
export const ATTEMPT_ERROR_CODES = [
  'unknown_question',
  'invalid_response',
  'already_submitted',
  'not_submitted',
  'time_expired',
  'clock_went_back',
  'wrong_quiz',
  'quiz_changed',
  'invalid_json',
  'too_large',
  'unsupported_version',
  'invalid_attempt',
  'inconsistent_attempt',
  'tampered',
  'not_checkable',
  'question_finished',
] as const;

/**
 * The code of an {@link AttemptError}.
 *
 * @example
 * ```ts
 * import type { AttemptErrorCode } from 'quizkit/attempts';
 * const code: AttemptErrorCode = 'time_expired';
 * ```
 */
export type AttemptErrorCode = (typeof ATTEMPT_ERROR_CODES)[number];

/**
 * One problem behind an {@link AttemptError}: a code (a response issue code
 * such as `unknown_choice`, or the error's own code), the path to the value,
 * and a message.
 *
 * @example
 * ```ts
 * import type { AttemptIssue } from 'quizkit/attempts';
 * const issue: AttemptIssue = { code: 'invalid_attempt', path: ['answers', 'q1', 'at'], message: 'Expected a time in epoch milliseconds' };
 * ```
 */
export interface AttemptIssue {
  /** A stable machine-readable code. */
  readonly code: string;
  /** Keys and indexes from the root of the response or saved document to the problem. */
  readonly path: readonly (string | number)[];
  /** What is wrong. */
  readonly message: string;
  /** The question concerned, when there is one. */
  readonly questionId?: string;
}

/**
 * Thrown when an attempt transition is refused (an invalid answer, an answer
 * after the deadline or after submission, a changed quiz) or saved data cannot
 * be read. The attempt passed in is never changed.
 *
 * @example
 * ```ts
 * import { answer, isAttemptError, startAttempt } from 'quizkit/attempts';
 * import { northKoreaChina } from 'quizkit/modules';
 * const quiz = northKoreaChina.quizzes[0];
 * try {
 *   answer(startAttempt(quiz, { seed: 'abc', now: 0 }), quiz, 'who-met-in-beijing', 'no-such-option', 5_000);
 * } catch (error) {
 *   if (isAttemptError(error)) error.code; //=> 'invalid_response'
 * }
 * ```
 */
export class AttemptError extends Error {
  override readonly name = 'AttemptError';
  /** Why the operation was refused. */
  readonly code: AttemptErrorCode;
  /** The problems found, at least one. */
  readonly issues: readonly [AttemptIssue, ...AttemptIssue[]];

  constructor(code: AttemptErrorCode, message: string, issues?: readonly AttemptIssue[]) {
    const list: readonly [AttemptIssue, ...AttemptIssue[]] =
      issues && issues.length > 0 ? (issues as [AttemptIssue, ...AttemptIssue[]]) : [{ code, path: [], message }];
    super(message);
    this.code = code;
    this.issues = list;
    Error.captureStackTrace?.(this, AttemptError);
  }
}

/**
 * True when `error` is an {@link AttemptError}, even one from another copy of
 * quizkit (where `instanceof` would fail).
 *
 * @example
 * ```ts
 * import { isAttemptError } from 'quizkit/attempts';
 * isAttemptError(new Error('x')); //=> false
 * ```
 */
export function isAttemptError(error: unknown): error is AttemptError {
  return (
    error instanceof AttemptError ||
    (error instanceof Error &&
      error.name === 'AttemptError' &&
      typeof (error as { code?: unknown }).code === 'string' &&
      Array.isArray((error as { issues?: unknown }).issues))
  );
}
