import type { AnyResponse } from '../scoring/responses.js';
import type { QuizResult } from '../scoring/types.js';

/**
 * A point in time, in milliseconds since 1970-01-01T00:00:00Z (what
 * `Date.now()` returns): a non-negative safe integer. Every attempt function
 * takes the clock as this number instead of reading it.
 *
 * @example
 * ```ts
 * import type { EpochMillis } from 'quizkit/attempts';
 * const now: EpochMillis = Date.parse('2025-09-01T10:00:00Z');
 * now; //=> 1756720800000
 * ```
 */
export type EpochMillis = number;

/**
 * A response the learner gave, and when.
 *
 * @example
 * ```ts
 * import type { RecordedAnswer } from 'quizkit/attempts';
 * const recorded: RecordedAnswer = { response: ['b', 'a', 'c'], at: 1756720860000 };
 * ```
 */
export interface RecordedAnswer {
  /** The response, as checked against the question when it was given. */
  readonly response: AnyResponse;
  /** When it was given. */
  readonly at: EpochMillis;
}

/**
 * One try checked with `checkAnswer`.
 *
 * @example
 * ```ts
 * import type { RecordedTry } from 'quizkit/attempts';
 * const tried: RecordedTry = { response: 'foreign-ministers', at: 5_000 };
 * ```
 */
export interface RecordedTry {
  /** The response checked, as recorded (plain data). */
  readonly response: AnyResponse;
  /** When it was checked. */
  readonly at: EpochMillis;
  /** The certainty given with it (CBM behaviours), 1 to 3. */
  readonly certainty?: 1 | 2 | 3;
}

/**
 * What every attempt records.
 *
 * @example
 * ```ts
 * import { answer, startAttempt, type AttemptBase } from 'quizkit/attempts';
 * import { northKoreaChina } from 'quizkit/modules';
 * const quiz = northKoreaChina.quizzes[0];
 * const attempt: AttemptBase = answer(startAttempt(quiz, { seed: 'abc', now: 0 }), quiz, 'who-met-in-beijing', 'foreign-ministers', 5_000);
 * Object.keys(attempt.answers); //=> ['who-met-in-beijing']
 * ```
 */
export interface AttemptBase {
  /** The quiz's id. */
  readonly quizId: string;
  /** The content hash of the quiz the attempt was started on (see `hashQuiz`). */
  readonly quizHash: string;
  /** The seed every presentation order is derived from. Keep it on the server in exam mode. */
  readonly seed: string;
  /** 1 for a learner's first attempt at the quiz, 2 for the second, … */
  readonly attemptNumber: number;
  /** When the attempt started. */
  readonly startedAt: EpochMillis;
  /**
   * Extra time granted to this learner (an accommodation), in whole seconds,
   * added to the quiz's time limit; absent when none was granted. Ignored
   * when the quiz has no time limit.
   */
  readonly extraTimeSeconds?: number;
  /**
   * When answers stop being accepted: `startedAt + (timeLimitSeconds + extraTimeSeconds) × 1000`;
   * absent without a time limit. Derived from the quiz: a saved attempt does
   * not hold it, and `parseAttempt` recomputes it.
   */
  readonly deadline?: EpochMillis;
  /**
   * The answered questions only, by question id. A question the learner never
   * answered — including an ordering question left in its shuffled order — is
   * absent, and scores as unanswered.
   */
  readonly answers: Readonly<Record<string, RecordedAnswer>>;
  /**
   * The tries checked with `checkAnswer`, by question id, in order: only for
   * questions taken under a behaviour that checks (`immediate`, `interactive`,
   * `adaptive`, `immediate-cbm`); absent when there are none. Saved with the
   * attempt: a reload keeps the tries made and the penalties they cost.
   */
  readonly tries?: Readonly<Record<string, readonly RecordedTry[]>>;
}

/**
 * An attempt still taking answers.
 *
 * @example
 * ```ts
 * import { startAttempt, type InProgressAttempt } from 'quizkit/attempts';
 * import { northKoreaChina } from 'quizkit/modules';
 * const attempt: InProgressAttempt = startAttempt(northKoreaChina.quizzes[0], { seed: 'abc', now: 0 });
 * attempt.status; //=> 'in-progress'
 * attempt.answers; //=> {}
 * ```
 */
export interface InProgressAttempt extends AttemptBase {
  /** The attempt's state. */
  readonly status: 'in-progress';
}

/**
 * A submitted attempt, with its score. It takes no more answers. `late` and
 * `result` are derived from the facts (the answers, `submittedAt`,
 * `graceSeconds`) and the quiz: a saved attempt does not hold them, and
 * `parseAttempt` recomputes them.
 *
 * @example
 * ```ts
 * import { formatFraction } from 'quizkit';
 * import { startAttempt, submitAttempt, type SubmittedAttempt } from 'quizkit/attempts';
 * import { northKoreaChina } from 'quizkit/modules';
 * const quiz = northKoreaChina.quizzes[0];
 * const done: SubmittedAttempt = submitAttempt(startAttempt(quiz, { seed: 'abc', now: 0 }), quiz, 60_000);
 * `${formatFraction(done.result.percent)}%${done.late ? ' (late)' : ''}`; //=> '0%'
 * ```
 */
export interface SubmittedAttempt extends AttemptBase {
  /** The attempt's state. */
  readonly status: 'submitted';
  /** When it was submitted. */
  readonly submittedAt: EpochMillis;
  /** The grace period, in seconds, the submission was judged with (see `SubmitOptions`). */
  readonly graceSeconds: number;
  /** Whether it was submitted after the deadline plus the grace period. */
  readonly late: boolean;
  /** The score of the answers given before the deadline. */
  readonly result: QuizResult;
}

/**
 * An attempt at a quiz: in progress or submitted. Plain, JSON-ready data;
 * every function returns a new attempt and leaves the old one unchanged.
 *
 * @example
 * ```ts
 * import { startAttempt, submitAttempt, type Attempt } from 'quizkit/attempts';
 * import { northKoreaChina } from 'quizkit/modules';
 * const quiz = northKoreaChina.quizzes[0];
 * const attempt: Attempt = submitAttempt(startAttempt(quiz, { seed: 'abc', now: 0 }), quiz, 60_000);
 * if (attempt.status === 'submitted') attempt.result.passed; //=> false
 * ```
 */
export type Attempt = InProgressAttempt | SubmittedAttempt;
