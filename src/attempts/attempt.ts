import { nanoid } from 'nanoid';
import type { ReadonlyQuestion, ReadonlyQuiz } from '../schema/types.js';
import { checkWith, checkedResponse } from '../scoring/registry.js';
import type { Responses } from '../scoring/responses.js';
import { AttemptError } from './errors.js';
import { contradictions, fromFacts, responsesOf } from './facts.js';
import { assertMonotonic, assertSameQuiz, assertTime, deadlineOf } from './guards.js';
import { hashQuiz } from './hash.js';
import { checkStates } from './tries.js';
import type { Attempt, EpochMillis, InProgressAttempt, RecordedAnswer, SubmittedAttempt } from './types.js';

type AnyQuiz = ReadonlyQuiz;
type AnyQuestion = ReadonlyQuestion;

/** The longest seed accepted, in characters. */
export const MAX_SEED_LENGTH = 256;

/**
 * The most extra time an attempt may be granted, in seconds: 7 days, the
 * longest time limit a quiz may have.
 *
 * @example
 * ```ts
 * import { MAX_EXTRA_TIME_SECONDS } from 'quizkit/attempts';
 * MAX_EXTRA_TIME_SECONDS; //=> 604800
 * ```
 */
export const MAX_EXTRA_TIME_SECONDS = 7 * 24 * 3600;

/**
 * The grace period, in seconds, after the deadline during which a submission
 * is still on time: 30 s, for the network and the learner's last click.
 * Answers are never accepted after the deadline itself.
 *
 * @example
 * ```ts
 * import { DEFAULT_GRACE_SECONDS } from 'quizkit/attempts';
 * DEFAULT_GRACE_SECONDS; //=> 30
 * ```
 */
export const DEFAULT_GRACE_SECONDS = 30;

/**
 * The options of {@link startAttempt}.
 *
 * @example
 * ```ts
 * import type { StartAttemptOptions } from 'quizkit/attempts';
 * const options: StartAttemptOptions = { now: Date.now(), seed: 'learner-42:1', attemptNumber: 1 };
 * ```
 */
export interface StartAttemptOptions {
  /** The current time. */
  readonly now: EpochMillis;
  /** The seed for every presentation order; a fresh `nanoid()` when left out. */
  readonly seed?: string;
  /** Which attempt of this learner at this quiz it is, from 1 (default 1). */
  readonly attemptNumber?: number;
  /**
   * Extra time for this learner (an accommodation), in whole seconds, added
   * to the quiz's time limit (at most 7 days; default none). It is kept with
   * the attempt's facts, so a saved attempt keeps its deadline.
   */
  readonly extraTimeSeconds?: number;
}

/**
 * Starts an attempt at a quiz. The attempt records the quiz's content hash,
 * the seed its presentation orders derive from, and, when the quiz has a time
 * limit, the deadline. Pure when `seed` is given; otherwise the seed is a
 * fresh `nanoid()`.
 *
 * @param quiz - A parsed quiz.
 * @param options - The clock, and optionally the seed and attempt number.
 * @returns A new attempt, in progress, with no answers.
 *
 * @example
 * ```ts
 * import { startAttempt } from 'quizkit/attempts';
 * import { northKoreaChina } from 'quizkit/modules';
 * const quiz = { ...northKoreaChina.quizzes[0], timeLimitSeconds: 600 };
 * const attempt = startAttempt(quiz, { seed: 'abc', now: 1_000 });
 * attempt.deadline; //=> 601000
 * attempt.answers; //=> {}
 * ```
 */
export function startAttempt(quiz: AnyQuiz, options: StartAttemptOptions): InProgressAttempt {
  assertTime(options.now, 'now');
  const extra = options.extraTimeSeconds;
  if (extra !== undefined && (!Number.isSafeInteger(extra) || extra < 0 || extra > MAX_EXTRA_TIME_SECONDS)) {
    throw new RangeError(`extraTimeSeconds must be a whole number of seconds from 0 to ${MAX_EXTRA_TIME_SECONDS}; found ${String(extra)}`);
  }
  const deadline = deadlineOf(quiz, options.now, extra);
  const seed = options.seed ?? nanoid();
  if (typeof seed !== 'string' || seed.length === 0 || seed.length > MAX_SEED_LENGTH) {
    throw new RangeError(`seed must be a non-empty string of at most ${MAX_SEED_LENGTH} characters`);
  }
  const attemptNumber = options.attemptNumber ?? 1;
  if (!Number.isSafeInteger(attemptNumber) || attemptNumber < 1) {
    throw new RangeError(`attemptNumber must be a positive integer; found ${String(attemptNumber)}`);
  }
  return {
    quizId: quiz.id,
    quizHash: hashQuiz(quiz),
    seed,
    attemptNumber,
    startedAt: options.now,
    ...(extra !== undefined && extra > 0 ? { extraTimeSeconds: extra } : {}),
    ...(deadline !== undefined ? { deadline } : {}),
    answers: {},
    status: 'in-progress',
  };
}


function findQuestion(quiz: AnyQuiz, questionId: unknown): AnyQuestion {
  const question = typeof questionId === 'string' ? quiz.questions.find((q) => q.id === questionId) : undefined;
  if (!question) {
    const shown = typeof questionId === 'string' ? questionId.slice(0, 64) : String(questionId);
    throw new AttemptError('unknown_question', `"${shown}" is not a question of quiz "${quiz.id}"`);
  }
  return question;
}

/**
 * Records the learner's response to one question and returns the new attempt;
 * the attempt passed in is unchanged. The response is checked as
 * `checkResponse` does. A `null` response, or one that counts as no answer
 * (an empty selection, an empty ordering, no statement matched), clears the
 * question back to unanswered.
 *
 * Refused with an {@link AttemptError}, leaving the attempt as it was, when:
 * the attempt is submitted (`already_submitted`); the quiz is another one
 * (`wrong_quiz`) or has changed (`quiz_changed`); the question is not in the
 * quiz (`unknown_question`); `now` is before the start or before the latest
 * recorded answer (`clock_went_back`: time within an attempt only moves
 * forward); `now` is after the deadline (`time_expired`); or the response is
 * malformed (`invalid_response`, with the issues). A `now` that is not a time
 * from 0 to `MAX_EPOCH_MILLIS` throws a `RangeError`.
 *
 * @param attempt - The attempt.
 * @param quiz - The quiz it was started on.
 * @param questionId - The question answered.
 * @param response - The learner's response, untrusted: it is checked here.
 * @param now - The current time.
 * @returns The attempt with the answer recorded.
 *
 * @example
 * ```ts
 * import { startAttempt, answer } from 'quizkit/attempts';
 * import { northKoreaChina } from 'quizkit/modules';
 * const quiz = northKoreaChina.quizzes[0];
 * const started = startAttempt(quiz, { seed: 'abc', now: 0 });
 * const next = answer(started, quiz, 'who-met-in-beijing', 'foreign-ministers', 5_000);
 * next.answers['who-met-in-beijing']; //=> { response: 'foreign-ministers', at: 5000 }
 * started.answers['who-met-in-beijing']; //=> undefined
 * ```
 */
export function answer(attempt: Attempt, quiz: AnyQuiz, questionId: string, response: unknown, now: EpochMillis): InProgressAttempt {
  assertTime(now, 'now');
  if (attempt.status === 'submitted') {
    throw new AttemptError('already_submitted', 'This attempt has been submitted; it takes no more answers');
  }
  assertSameQuiz(attempt, quiz);
  const question = findQuestion(quiz, questionId);
  assertMonotonic(attempt, now);
  if (attempt.deadline !== undefined && now > attempt.deadline) {
    throw new AttemptError('time_expired', `The time limit ended at ${new Date(attempt.deadline).toISOString()}; answers are no longer accepted`);
  }
  if ((checkStates(quiz, attempt)[question.id]?.finished ?? false)) {
    throw new AttemptError('question_finished', `Question "${question.id}" takes no more tries, so its answer cannot change`);
  }
  // Read once, into plain data: what is checked is what is stored. (An ordering's
  // missing items are listed sorted by id, so the message never hints at the key.)
  const checked = checkedResponse(question, response, [question.id]);
  if (checked.kind === 'invalid') {
    throw new AttemptError('invalid_response', checked.issues[0]?.message ?? 'Invalid response', checked.issues);
  }
  const kept = Object.entries(attempt.answers).filter(([id]) => id !== question.id);
  const recorded: RecordedAnswer | undefined = checked.kind === 'answered' ? { response: checked.value, at: now } : undefined;
  // fromEntries defines own properties, so no id can reach Object.prototype.
  const answers = Object.fromEntries(recorded ? [...kept, [question.id, recorded] as const] : kept);
  return { ...attempt, answers };
}

/**
 * The options of {@link submitAttempt}.
 *
 * @example
 * ```ts
 * import type { SubmitOptions } from 'quizkit/attempts';
 * const options: SubmitOptions = { graceSeconds: 60 };
 * ```
 */
export interface SubmitOptions {
  /**
   * Seconds after the deadline a submission still counts as on time (default
   * {@link DEFAULT_GRACE_SECONDS}): a non-negative number. It is recorded in
   * the attempt (`graceSeconds`), so `late` can be recomputed from the facts.
   */
  readonly graceSeconds?: number;
}

/**
 * The attempt's responses by question id, as `scoreQuiz` and `scoreQuestion`
 * take them — e.g. for instant feedback in practice mode.
 *
 * @param attempt - The attempt.
 * @returns The responses of the answered questions.
 *
 * @example
 * ```ts
 * import { scoreQuestion } from 'quizkit';
 * import { answer, attemptResponses, startAttempt } from 'quizkit/attempts';
 * import { northKoreaChina } from 'quizkit/modules';
 * const quiz = northKoreaChina.quizzes[0];
 * const attempt = answer(startAttempt(quiz, { seed: 'abc', now: 0 }), quiz, 'who-met-in-beijing', 'foreign-ministers', 5_000);
 * attemptResponses(attempt); //=> { 'who-met-in-beijing': 'foreign-ministers' }
 * scoreQuestion(quiz.questions[0], attemptResponses(attempt)['who-met-in-beijing']).status; //=> 'correct'
 * ```
 */
export function attemptResponses(attempt: Attempt): Responses<AnyQuiz> {
  return responsesOf(attempt.answers);
}

/**
 * Submits an attempt and scores it with `scoreQuiz`. Submission is never
 * refused for time: answers after the deadline were already refused, so the
 * score counts only answers given in time. A submission later than
 * `deadline + graceSeconds` is marked `late: true` — what a late attempt is
 * worth is the caller's policy.
 *
 * Refused with an {@link AttemptError} when the attempt is already submitted
 * (`already_submitted`), the quiz is another one (`wrong_quiz`) or has
 * changed (`quiz_changed`), or `now` is before the start or the latest
 * recorded answer (`clock_went_back`).
 *
 * @param attempt - The attempt.
 * @param quiz - The quiz it was started on.
 * @param now - The current time.
 * @param options - The grace period.
 * @returns The submitted attempt with its `result`, `late` and the `graceSeconds` it was judged with.
 *
 * @example
 * ```ts
 * import { formatFraction } from 'quizkit';
 * import { answer, startAttempt, submitAttempt } from 'quizkit/attempts';
 * import { northKoreaChina } from 'quizkit/modules';
 * const quiz = northKoreaChina.quizzes[0]; // nine questions, one point each
 * const attempt = answer(startAttempt(quiz, { seed: 'abc', now: 0 }), quiz, 'who-met-in-beijing', 'foreign-ministers', 5_000);
 * const done = submitAttempt(attempt, quiz, 60_000);
 * formatFraction(done.result.percent); //=> '11.11'
 * done.late; //=> false
 * ```
 */
export function submitAttempt(attempt: Attempt, quiz: AnyQuiz, now: EpochMillis, options: SubmitOptions = {}): SubmittedAttempt {
  assertTime(now, 'now');
  const graceSeconds = options.graceSeconds ?? DEFAULT_GRACE_SECONDS;
  if (typeof graceSeconds !== 'number' || !Number.isFinite(graceSeconds) || graceSeconds < 0) {
    throw new RangeError(`graceSeconds must be a non-negative number; found ${String(graceSeconds)}`);
  }
  if (attempt.status === 'submitted') {
    throw new AttemptError('already_submitted', 'This attempt has already been submitted');
  }
  assertSameQuiz(attempt, quiz);
  assertMonotonic(attempt, now);
  return fromFacts({ ...factsOf(attempt), status: 'submitted', submittedAt: now, graceSeconds: graceSeconds + 0 }, quiz) as SubmittedAttempt;
}

/** The facts every attempt shares (everything but the derived deadline and the submission). */
function factsOf(attempt: Attempt) {
  return {
    quizId: attempt.quizId,
    quizHash: attempt.quizHash,
    seed: attempt.seed,
    attemptNumber: attempt.attemptNumber,
    startedAt: attempt.startedAt,
    ...(attempt.extraTimeSeconds !== undefined ? { extraTimeSeconds: attempt.extraTimeSeconds } : {}),
    answers: attempt.answers,
    ...(attempt.tries !== undefined ? { tries: attempt.tries } : {}),
  };
}

/**
 * How long the attempt still takes answers, in milliseconds (0 once the
 * deadline has passed), or `undefined` when the quiz has no time limit.
 *
 * @param attempt - The attempt.
 * @param now - The current time.
 * @returns Milliseconds left, or `undefined`.
 *
 * @example
 * ```ts
 * import { startAttempt, timeRemaining } from 'quizkit/attempts';
 * import { northKoreaChina } from 'quizkit/modules';
 * const quiz = northKoreaChina.quizzes[0]; // no time limit
 * timeRemaining(startAttempt(quiz, { seed: 'abc', now: 0 }), 60_000); //=> undefined
 * const timed = startAttempt({ ...quiz, timeLimitSeconds: 600 }, { seed: 'abc', now: 0 });
 * timeRemaining(timed, 60_000); //=> 540000
 * timeRemaining(timed, 700_000); //=> 0
 * ```
 */
export function timeRemaining(attempt: Attempt, now: EpochMillis): number | undefined {
  assertTime(now, 'now');
  if (attempt.deadline === undefined) return undefined;
  return attempt.status === 'submitted' ? 0 : Math.max(0, attempt.deadline - now);
}

/**
 * The options of {@link rescoreAttempt}: the caller says, in code, that it
 * knows the quiz changed.
 *
 * @example
 * ```ts
 * import type { RescoreOptions } from 'quizkit/attempts';
 * const options: RescoreOptions = { acknowledgeQuizChange: true };
 * ```
 */
export interface RescoreOptions {
  /** Must be `true`: re-scoring against changed content is deliberate. */
  readonly acknowledgeQuizChange: true;
}

/**
 * Moves an attempt onto a changed version of its quiz, deliberately (after a
 * key fix, a reworded option, a changed time limit). Both kinds of attempt get
 * the new quiz's hash, so `answer`, `submitAttempt` and `reviewAttempt` accept
 * the new quiz from then on.
 *
 * - A submitted attempt is re-scored: its `result` is recomputed from the
 *   recorded responses against the new quiz (a response that no longer fits,
 *   e.g. naming a removed option, scores `invalid`). `submittedAt` and
 *   `graceSeconds` stay as they were; the deadline and `late` follow the new
 *   time limit (they are always derived from the quiz, as `parseAttempt` does).
 * - An in-progress attempt keeps the answers that still check against the new
 *   quiz and drops the others (the learner answers those again); its deadline
 *   is recomputed from the new time limit.
 *
 * A new time limit so short that a recorded answer would come after the new
 * deadline is refused (`inconsistent_attempt`): no answer is ever accepted
 * after the deadline, and quizkit does not drop answers the learner gave in time.
 *
 * Presentation orders follow the new quiz (a question whose parts changed may
 * show them in a new order). Refused with `wrong_quiz` when the quiz id differs.
 *
 * @param attempt - The attempt.
 * @param quiz - The changed quiz.
 * @param options - `{ acknowledgeQuizChange: true }`.
 * @returns The attempt bound to the new quiz.
 *
 * @example
 * ```ts
 * import { rescoreAttempt, reviewAttempt, startAttempt, submitAttempt } from 'quizkit/attempts';
 * import { northKoreaChina } from 'quizkit/modules';
 * const quiz = northKoreaChina.quizzes[0];
 * const done = submitAttempt(startAttempt(quiz, { seed: 'abc', now: 0 }), quiz, 60_000);
 * const fixedQuiz = { ...quiz, passMark: { n: 50, d: 1 } };
 * reviewAttempt(fixedQuiz, done); // throws AttemptError
 * const rescored = rescoreAttempt(done, fixedQuiz, { acknowledgeQuizChange: true });
 * rescored.result.passMark; //=> { n: 50, d: 1 }
 * ```
 */
export function rescoreAttempt(attempt: SubmittedAttempt, quiz: AnyQuiz, options: RescoreOptions): SubmittedAttempt;
export function rescoreAttempt(attempt: InProgressAttempt, quiz: AnyQuiz, options: RescoreOptions): InProgressAttempt;
export function rescoreAttempt(attempt: Attempt, quiz: AnyQuiz, options: RescoreOptions): Attempt;
export function rescoreAttempt(attempt: Attempt, quiz: AnyQuiz, options: RescoreOptions): Attempt {
  if (options?.acknowledgeQuizChange !== true) {
    throw new TypeError('rescoreAttempt needs { acknowledgeQuizChange: true }: re-scoring against a changed quiz must be deliberate');
  }
  if (quiz.id !== attempt.quizId) {
    throw new AttemptError('wrong_quiz', `This attempt is at quiz "${attempt.quizId}", not "${quiz.id}"`);
  }
  const quizHash = hashQuiz(quiz);
  const byId = new Map(quiz.questions.map((question) => [question.id, question]));
  const answers =
    attempt.status === 'submitted'
      ? attempt.answers
      : Object.fromEntries(
          Object.entries(attempt.answers).filter(([id, recorded]) => {
            const question = byId.get(id);
            return question !== undefined && checkWith(question, recorded.response, [id]).kind === 'answered';
          }),
        );
  const facts =
    attempt.status === 'submitted'
      ? { ...factsOf(attempt), quizHash, answers, status: 'submitted' as const, submittedAt: attempt.submittedAt, graceSeconds: attempt.graceSeconds }
      : { ...factsOf(attempt), quizHash, answers, status: 'in-progress' as const };
  const issues = contradictions(facts, quiz);
  if (issues.length > 0) {
    throw new AttemptError('inconsistent_attempt', `The new quiz's time limit would put recorded answers after the deadline: ${issues[0]!.message}`, issues);
  }
  return fromFacts(facts, quiz);
}
