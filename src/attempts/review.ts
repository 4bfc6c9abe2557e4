import type { Fraction } from '../fraction/fraction.js';
import type { ReadonlyQuiz } from '../schema/types.js';
import { correctResponse } from '../scoring/answer-key.js';
import type { AnyResponse } from '../scoring/responses.js';
import type { BehaviourMarks, Breakdown, PartResult, QuestionResult, QuestionStatus, QuizResult, ResponseIssue, Statistic } from '../scoring/types.js';
import { assertSameQuiz, assertTime } from './guards.js';
import { AttemptError } from './errors.js';
import type { Attempt, EpochMillis } from './types.js';
import { type LearnerQuestionView, learnerQuestionView } from './view.js';

/**
 * When a review shows one kind of information, as Moodle's quiz review
 * options do:
 *
 * - `after-each-attempt`: as soon as the attempt is submitted;
 * - `after-last-attempt`: once the learner has used every allowed attempt
 *   (`maxAttempts`), or once the quiz has closed (`closesAt`);
 * - `after-close`: only once the quiz has closed;
 * - `never`.
 *
 * @example
 * ```ts
 * import type { ReviewTiming } from 'quizkit/attempts';
 * const timing: ReviewTiming = 'after-last-attempt';
 * ```
 */
export type ReviewTiming = 'after-each-attempt' | 'after-last-attempt' | 'after-close' | 'never';

/**
 * What a review shows, and when (see {@link reviewVisibility}). Moodle's
 * review options, grouped: `marks` (status, points, percent, pass), `feedback`
 * (the author's feedback on the learner's response), `explanation` (why the
 * answer is right, and the source quote, Moodle's general feedback), and
 * `correctResponse` (the right answer, and everything that gives it away: each
 * part's correct flag and points, and the rule's statistic). The learner's
 * own responses and the questions as shown are always in a review.
 *
 * @example
 * ```ts
 * import type { ReviewPolicy } from 'quizkit/attempts';
 * const policy: ReviewPolicy = { marks: 'after-each-attempt', feedback: 'after-each-attempt', explanation: 'after-close', correctResponse: 'after-close' };
 * ```
 */
export interface ReviewPolicy {
  /** When status, points, percent and the pass decision are shown. */
  readonly marks: ReviewTiming;
  /** When the author's feedback on the learner's responses is shown. */
  readonly feedback: ReviewTiming;
  /** When each question's explanation and source quote are shown. */
  readonly explanation: ReviewTiming;
  /** When the right answers (and per-part correct flags and points, and statistics) are shown. */
  readonly correctResponse: ReviewTiming;
}

/**
 * What one review shows: the outcome of a {@link ReviewPolicy} at one moment
 * (see {@link reviewVisibility}), passed to {@link reviewAttempt}.
 *
 * @example
 * ```ts
 * import type { ReviewShow } from 'quizkit/attempts';
 * const show: ReviewShow = { marks: true, feedback: false, explanation: false, correctResponse: false };
 * ```
 */
export interface ReviewShow {
  /** Show status, points, percent and the pass decision. */
  readonly marks: boolean;
  /** Show the author's feedback on the learner's responses. */
  readonly feedback: boolean;
  /** Show explanations and source quotes. */
  readonly explanation: boolean;
  /** Show the right answers, per-part correct flags and points, and statistics. */
  readonly correctResponse: boolean;
}

/**
 * Where a learner stands, for {@link reviewVisibility}.
 *
 * @example
 * ```ts
 * import type { ReviewState } from 'quizkit/attempts';
 * const state: ReviewState = { attemptsUsed: 1, maxAttempts: 2, now: Date.parse('2025-09-01T10:00:00Z') };
 * ```
 */
export interface ReviewState {
  /** The learner's submitted attempts at the quiz, this one included. */
  readonly attemptsUsed: number;
  /** How many attempts the learner may make; no limit when absent. */
  readonly maxAttempts?: number | undefined;
  /** When the quiz closes; never when absent. */
  readonly closesAt?: EpochMillis | undefined;
  /** The current time. */
  readonly now: EpochMillis;
}

/**
 * The review policy for grades that count: marks after each attempt;
 * feedback, explanations and the right answers only after the last allowed
 * attempt or after the quiz closes — so a learner cannot read the key in one
 * attempt and use it in the next. Without `maxAttempts` and `closesAt` the
 * key is never shown.
 *
 * @example
 * ```ts
 * import { EXAM_REVIEW_POLICY } from 'quizkit/attempts';
 * EXAM_REVIEW_POLICY.correctResponse; //=> 'after-last-attempt'
 * ```
 */
export const EXAM_REVIEW_POLICY: ReviewPolicy = Object.freeze({
  marks: 'after-each-attempt',
  feedback: 'after-last-attempt',
  explanation: 'after-last-attempt',
  correctResponse: 'after-last-attempt',
});

/**
 * The review policy for practice: everything after each attempt.
 *
 * @example
 * ```ts
 * import { PRACTICE_REVIEW_POLICY } from 'quizkit/attempts';
 * PRACTICE_REVIEW_POLICY.correctResponse; //=> 'after-each-attempt'
 * ```
 */
export const PRACTICE_REVIEW_POLICY: ReviewPolicy = Object.freeze({
  marks: 'after-each-attempt',
  feedback: 'after-each-attempt',
  explanation: 'after-each-attempt',
  correctResponse: 'after-each-attempt',
});

/**
 * Show everything: what {@link reviewAttempt} shows by default.
 *
 * @example
 * ```ts
 * import { REVIEW_SHOW_ALL } from 'quizkit/attempts';
 * REVIEW_SHOW_ALL; //=> { marks: true, feedback: true, explanation: true, correctResponse: true }
 * ```
 */
export const REVIEW_SHOW_ALL: ReviewShow = Object.freeze({ marks: true, feedback: true, explanation: true, correctResponse: true });

/**
 * What a review shows now, under a policy: `after-each-attempt` is always
 * true (a review is of a submitted attempt); `after-last-attempt` is true
 * when `maxAttempts` is set and `attemptsUsed ≥ maxAttempts`, or when
 * `closesAt` is set and `now ≥ closesAt`; `after-close` only the latter;
 * `never` is false. Throws a `RangeError` for a count or time out of range.
 *
 * @param policy - The review policy.
 * @param state - Attempts used and allowed, the closing time, the clock.
 * @returns What to show, for {@link reviewAttempt}.
 *
 * @example
 * ```ts
 * import { EXAM_REVIEW_POLICY, reviewVisibility } from 'quizkit/attempts';
 * reviewVisibility(EXAM_REVIEW_POLICY, { attemptsUsed: 1, maxAttempts: 2, now: 0 }).correctResponse; //=> false
 * reviewVisibility(EXAM_REVIEW_POLICY, { attemptsUsed: 2, maxAttempts: 2, now: 0 }).correctResponse; //=> true
 * reviewVisibility(EXAM_REVIEW_POLICY, { attemptsUsed: 1, closesAt: 1_000, now: 1_000 }).correctResponse; //=> true
 * ```
 */
export function reviewVisibility(policy: ReviewPolicy, state: ReviewState): ReviewShow {
  const { attemptsUsed, maxAttempts, closesAt, now } = state;
  if (!Number.isSafeInteger(attemptsUsed) || attemptsUsed < 0) throw new RangeError(`attemptsUsed must be a non-negative integer; found ${String(attemptsUsed)}`);
  if (maxAttempts !== undefined && (!Number.isSafeInteger(maxAttempts) || maxAttempts < 1)) {
    throw new RangeError(`maxAttempts must be a positive integer; found ${String(maxAttempts)}`);
  }
  assertTime(now, 'now');
  if (closesAt !== undefined) assertTime(closesAt, 'closesAt');
  const closed = closesAt !== undefined && now >= closesAt;
  const usedUp = maxAttempts !== undefined && attemptsUsed >= maxAttempts;
  const when = (timing: ReviewTiming): boolean => {
    switch (timing) {
      case 'after-each-attempt':
        return true;
      case 'after-last-attempt':
        return usedUp || closed;
      case 'after-close':
        return closed;
      case 'never':
        return false;
      default:
        throw new RangeError(`Unknown review timing "${String(timing)}"; use after-each-attempt, after-last-attempt, after-close or never`);
    }
  };
  return { marks: when(policy.marks), feedback: when(policy.feedback), explanation: when(policy.explanation), correctResponse: when(policy.correctResponse) };
}

/**
 * One part (option, item, statement) of a reviewed question's result: the
 * learner's decision always; `correct` with the right answer; points with
 * marks and the right answer; feedback with feedback.
 *
 * @example
 * ```ts
 * import type { ReviewedPartResult } from 'quizkit/attempts';
 * const part: ReviewedPartResult = { id: 'cumulus', kind: 'option', response: true };
 * ```
 */
export interface ReviewedPartResult {
  /** The option, item or statement id. */
  readonly id: string;
  /** What the part is. */
  readonly kind: PartResult['kind'];
  /** The learner's answer for this part. */
  readonly response?: boolean | number | string | null;
  /** Whether the learner's decision on this part is right (with `correctResponse`). */
  readonly correct?: boolean;
  /** What this part earned (with `marks` and `correctResponse`). */
  readonly earned?: Fraction;
  /** What this part could earn (with `marks` and `correctResponse`). */
  readonly possible?: Fraction;
  /** The author's feedback for this part (with `feedback`). */
  readonly feedback?: string;
}

/**
 * A question's scored result as a review shows it: a `QuestionResult` with
 * what the {@link ReviewShow} hides left out.
 *
 * @example
 * ```ts
 * import type { ReviewedQuestionResult } from 'quizkit/attempts';
 * const result: ReviewedQuestionResult = { questionId: 'q1', type: 'single-choice', rule: 'all-or-nothing', parts: [] };
 * ```
 */
export interface ReviewedQuestionResult {
  /** The question's id. */
  readonly questionId: string;
  /** The question's type. */
  readonly type: QuestionResult['type'];
  /** The scoring rule's name. */
  readonly rule: string;
  /** How the question came out (with `marks`). */
  readonly status?: QuestionStatus;
  /** The share of full credit (with `marks`). */
  readonly fraction?: Fraction;
  /** Points earned (with `marks`). */
  readonly earned?: Fraction;
  /** Points possible (with `marks`). */
  readonly possible?: Fraction;
  /** The rule's raw figure (with `marks` and `correctResponse`: it narrows down the key). */
  readonly statistic?: Statistic;
  /** Each part. */
  readonly parts: readonly ReviewedPartResult[];
  /** The feedback that applies (with `feedback`). */
  readonly feedback?: readonly string[];
  /** Why the response is invalid (with `marks`). */
  readonly issues?: readonly ResponseIssue[];
  /** Under a behaviour that checks tries: each try's raw mark, its penalty and which counted (with `marks`). */
  readonly behaviour?: BehaviourMarks;
}

/**
 * A quiz's scored result as a review shows it: a `QuizResult` with what the
 * {@link ReviewShow} hides left out.
 *
 * @example
 * ```ts
 * import type { ReviewedQuizResult } from 'quizkit/attempts';
 * const result: ReviewedQuizResult = { quizId: 'weather', passMark: { n: 60, d: 1 }, questions: [] };
 * ```
 */
export interface ReviewedQuizResult {
  /** The quiz's id. */
  readonly quizId: string;
  /** The pass mark, in percent (public: the learner view shows it too). */
  readonly passMark: Fraction;
  /** Total points earned (with `marks`). */
  readonly earned?: Fraction;
  /** Total points possible (with `marks`). */
  readonly possible?: Fraction;
  /** The percentage (with `marks`). */
  readonly percent?: Fraction;
  /** Whether the attempt passed (with `marks`). */
  readonly passed?: boolean;
  /** Each question's result, in quiz order. */
  readonly questions: readonly ReviewedQuestionResult[];
  /** Points per learning objective (with `marks`). */
  readonly byObjective?: Readonly<Record<string, Breakdown>>;
  /** Points per reading section (with `marks`). */
  readonly bySection?: Readonly<Record<string, Breakdown>>;
  /** Problems with the responses as a whole (with `marks`). */
  readonly issues?: readonly ResponseIssue[];
}

/**
 * One question of a submitted attempt, as far as the review shows it: always
 * the question as shown and the learner's response; the rest as the
 * {@link ReviewShow} allows (a hidden field is absent, not null).
 *
 * @example
 * ```ts
 * import { reviewAttempt, startAttempt, submitAttempt, type QuestionReview } from 'quizkit/attempts';
 * import { northKoreaChina } from 'quizkit/modules';
 * const quiz = northKoreaChina.quizzes[0];
 * const done = submitAttempt(startAttempt(quiz, { seed: 'abc', now: 0 }), quiz, 60_000);
 * const review: QuestionReview = reviewAttempt(quiz, done).questions[0]!;
 * `${review.status}, see ${review.source.section}`; //=> 'unanswered, see beijing-meeting'
 * ```
 */
export interface QuestionReview {
  /** The question id. */
  readonly questionId: string;
  /** The question as it was shown, parts in the attempt's order. */
  readonly question: LearnerQuestionView;
  /** How the question came out (with `marks`). */
  readonly status?: QuestionStatus;
  /** The learner's response; absent when the question was left unanswered. */
  readonly response?: AnyResponse;
  /** When the learner last answered; absent when unanswered. */
  readonly answeredAt?: EpochMillis;
  /** The response that earns full credit (with `correctResponse`). */
  readonly correctResponse?: AnyResponse;
  /** Points earned (with `marks`). */
  readonly earned?: Fraction;
  /** Points possible (with `marks`). */
  readonly possible?: Fraction;
  /** The feedback that applies to the learner's response (with `feedback`). */
  readonly feedback?: readonly string[];
  /** Why the correct answer is right (with `explanation`). */
  readonly explanation?: string;
  /** The reading section the question rests on; the quote that answers it with `explanation`. */
  readonly source: { readonly section: string; readonly quote?: string };
  /** The scored result, as far as shown: rule, statistic, per-part scores, issues. */
  readonly result: ReviewedQuestionResult;
}

/**
 * A question review with everything shown: what {@link reviewAttempt}
 * returns without a `show` option (its type says so; a `show` option gives a
 * {@link QuestionReview}, whatever the flags).
 *
 * @example
 * ```ts
 * import { reviewAttempt, startAttempt, submitAttempt, type CompleteQuestionReview } from 'quizkit/attempts';
 * import { northKoreaChina } from 'quizkit/modules';
 * const quiz = northKoreaChina.quizzes[0];
 * const done = submitAttempt(startAttempt(quiz, { seed: 'abc', now: 0 }), quiz, 60_000);
 * const review: CompleteQuestionReview = reviewAttempt(quiz, done).questions[0]!;
 * review.correctResponse; //=> 'foreign-ministers'
 * ```
 */
export interface CompleteQuestionReview extends QuestionReview {
  /** How the question came out. */
  readonly status: QuestionStatus;
  /** The response that earns full credit. */
  readonly correctResponse: AnyResponse;
  /** Points earned. */
  readonly earned: Fraction;
  /** Points possible. */
  readonly possible: Fraction;
  /** The feedback that applies to the learner's response. */
  readonly feedback: readonly string[];
  /** Why the correct answer is right. */
  readonly explanation: string;
  /** The passage of the reading that answers the question. */
  readonly source: { readonly section: string; readonly quote: string };
  /** The full scored result. */
  readonly result: QuestionResult;
}

/**
 * The review of a submitted attempt: the attempt's times, what the review
 * shows (`show`), the result and each question, as far as shown.
 *
 * @example
 * ```ts
 * import { EXAM_REVIEW_POLICY, answer, reviewAttempt, reviewVisibility, startAttempt, submitAttempt, type AttemptReview } from 'quizkit/attempts';
 * import { northKoreaChina } from 'quizkit/modules';
 * const quiz = northKoreaChina.quizzes[0];
 * const attempt = answer(startAttempt(quiz, { seed: 'abc', now: 0 }), quiz, 'who-met-in-beijing', 'foreign-ministers', 5_000);
 * const show = reviewVisibility(EXAM_REVIEW_POLICY, { attemptsUsed: 1, maxAttempts: 3, now: 60_000 });
 * const review: AttemptReview = reviewAttempt(quiz, submitAttempt(attempt, quiz, 60_000), { show });
 * review.result.earned; //=> { n: 1, d: 1 }
 * review.questions.some((q) => 'correctResponse' in q || 'explanation' in q); //=> false
 * ```
 */
export interface AttemptReview {
  /** The quiz id. */
  readonly quizId: string;
  /** Which attempt this was. */
  readonly attemptNumber: number;
  /** When it started. */
  readonly startedAt: EpochMillis;
  /** When it was submitted. */
  readonly submittedAt: EpochMillis;
  /** Whether it was submitted late. */
  readonly late: boolean;
  /** What this review shows. */
  readonly show: ReviewShow;
  /** The score, as far as shown. */
  readonly result: ReviewedQuizResult;
  /** Each question, in quiz order. */
  readonly questions: readonly QuestionReview[];
}

/**
 * An attempt review with everything shown: what {@link reviewAttempt}
 * returns without a `show` option.
 *
 * @example
 * ```ts
 * import { reviewAttempt, startAttempt, submitAttempt, type CompleteAttemptReview } from 'quizkit/attempts';
 * import { northKoreaChina } from 'quizkit/modules';
 * const quiz = northKoreaChina.quizzes[0];
 * const review: CompleteAttemptReview = reviewAttempt(quiz, submitAttempt(startAttempt(quiz, { seed: 'abc', now: 0 }), quiz, 60_000));
 * review.result.passed; //=> false
 * ```
 */
export interface CompleteAttemptReview extends AttemptReview {
  /** The full score. */
  readonly result: QuizResult;
  /** Each question, in quiz order, with everything shown. */
  readonly questions: readonly CompleteQuestionReview[];
}

/**
 * The options of {@link reviewAttempt}.
 *
 * @example
 * ```ts
 * import { EXAM_REVIEW_POLICY, reviewVisibility, type ReviewOptions } from 'quizkit/attempts';
 * const options: ReviewOptions = { show: reviewVisibility(EXAM_REVIEW_POLICY, { attemptsUsed: 1, maxAttempts: 2, now: 0 }) };
 * ```
 */
export interface ReviewOptions {
  /** What to show; everything ({@link REVIEW_SHOW_ALL}) when absent. A flag that is not `true` hides. */
  readonly show?: ReviewShow;
}

// Reviews are built from allow-lists, field by field, never by spreading a
// result or a question: a field added to the scorer's results later stays out
// of every review until it is listed here, under the flag that shows it.

function reviewPart(part: PartResult, show: ReviewShow): ReviewedPartResult {
  return {
    id: part.id,
    kind: part.kind,
    ...(part.response !== undefined ? { response: part.response } : {}),
    ...(show.correctResponse ? { correct: part.correct } : {}),
    ...(show.marks && show.correctResponse ? { earned: part.earned, possible: part.possible } : {}),
    ...(show.feedback && part.feedback !== undefined ? { feedback: part.feedback } : {}),
  };
}

function reviewQuestionResult(result: QuestionResult, show: ReviewShow): ReviewedQuestionResult {
  return {
    questionId: result.questionId,
    type: result.type,
    rule: result.rule,
    ...(show.marks ? { status: result.status, fraction: result.fraction, earned: result.earned, possible: result.possible } : {}),
    ...(show.marks && show.correctResponse && result.statistic !== undefined
      ? { statistic: { name: result.statistic.name, value: result.statistic.value, of: result.statistic.of, text: result.statistic.text } }
      : {}),
    parts: result.parts.map((part) => reviewPart(part, show)),
    ...(show.feedback ? { feedback: [...result.feedback] } : {}),
    ...(show.marks ? { issues: result.issues } : {}),
    // Tries and penalties are marks: shown with them (issue #15), never the responses' correctness beyond that.
    ...(show.marks && result.behaviour !== undefined ? { behaviour: result.behaviour } : {}),
  };
}

function reviewQuizResult(result: QuizResult, questions: readonly ReviewedQuestionResult[], show: ReviewShow): ReviewedQuizResult {
  return {
    quizId: result.quizId,
    ...(show.marks ? { earned: result.earned, possible: result.possible, percent: result.percent } : {}),
    passMark: result.passMark,
    ...(show.marks ? { passed: result.passed } : {}),
    questions,
    ...(show.marks ? { byObjective: result.byObjective, bySection: result.bySection, issues: result.issues } : {}),
  };
}

/** Only `true` shows: a missing or malformed flag hides. */
const normalized = (show: ReviewShow | undefined): ReviewShow =>
  show === undefined
    ? REVIEW_SHOW_ALL
    : { marks: show.marks === true, feedback: show.feedback === true, explanation: show.explanation === true, correctResponse: show.correctResponse === true };

/**
 * Reviews a submitted attempt: per question the question as shown, the
 * learner's response and when it was given — and, as `show` allows, the
 * status and points (`marks`), the feedback that applies (`feedback`), the
 * explanation and source quote (`explanation`), and the correct response with
 * everything that gives it away: per-part correct flags and points, the
 * rule's statistic (`correctResponse`). A hidden field is left out of the
 * review entirely, the embedded result included. Without `show` everything
 * is shown. Get `show` from a policy with {@link reviewVisibility}.
 *
 * Refused before submission (`not_submitted`), and against a quiz other than
 * the one scored (`wrong_quiz`, `quiz_changed`). The scores are the
 * attempt's `result`; the review does not re-score (use `rescoreAttempt`).
 *
 * @param quiz - The quiz the attempt was scored against.
 * @param attempt - A submitted attempt.
 * @param options - What to show.
 * @returns The review.
 *
 * @example
 * ```ts
 * import { answer, reviewAttempt, startAttempt, submitAttempt } from 'quizkit/attempts';
 * import { northKoreaChina } from 'quizkit/modules';
 * const quiz = northKoreaChina.quizzes[0];
 * const started = answer(startAttempt(quiz, { seed: 'abc', now: 0 }), quiz, 'who-met-in-beijing', 'kim-and-xi', 5_000);
 * reviewAttempt(quiz, started); // throws AttemptError
 * const done = submitAttempt(started, quiz, 60_000);
 * const [first] = reviewAttempt(quiz, done).questions;
 * first?.status; //=> 'incorrect'
 * first?.correctResponse; //=> 'foreign-ministers'
 * const hidden = reviewAttempt(quiz, done, { show: { marks: true, feedback: false, explanation: false, correctResponse: false } });
 * hidden.questions[0]?.correctResponse; //=> undefined
 * hidden.questions[0]?.status; //=> 'incorrect'
 * ```
 */
export function reviewAttempt(quiz: ReadonlyQuiz, attempt: Attempt, options?: { readonly show?: undefined }): CompleteAttemptReview;
export function reviewAttempt(quiz: ReadonlyQuiz, attempt: Attempt, options: ReviewOptions): AttemptReview;
export function reviewAttempt(quiz: ReadonlyQuiz, attempt: Attempt, options: ReviewOptions | { readonly show?: undefined } = {}): AttemptReview {
  if (attempt.status !== 'submitted') {
    throw new AttemptError('not_submitted', 'The review shows the answer key, so it is available only after submission');
  }
  assertSameQuiz(attempt, quiz);
  const show = normalized(options.show);
  const results = new Map(attempt.result.questions.map((result) => [result.questionId, result]));
  const questions = quiz.questions.map((question): QuestionReview => {
    const result = results.get(question.id);
    if (!result) {
      throw new AttemptError('invalid_attempt', `The recorded result has no score for question "${question.id}"`);
    }
    const recorded = Object.hasOwn(attempt.answers, question.id) ? attempt.answers[question.id] : undefined;
    return {
      questionId: question.id,
      question: learnerQuestionView(question, attempt.seed, quiz.id),
      ...(show.marks ? { status: result.status } : {}),
      ...(recorded ? { response: recorded.response, answeredAt: recorded.at } : {}),
      ...(show.correctResponse ? { correctResponse: correctResponse(question) as AnyResponse } : {}),
      ...(show.marks ? { earned: result.earned, possible: result.possible } : {}),
      ...(show.feedback ? { feedback: [...result.feedback] } : {}),
      ...(show.explanation ? { explanation: question.explanation } : {}),
      source: show.explanation ? { section: question.source.section, quote: question.source.quote } : { section: question.source.section },
      result: reviewQuestionResult(result, show),
    };
  });
  return {
    quizId: attempt.quizId,
    attemptNumber: attempt.attemptNumber,
    startedAt: attempt.startedAt,
    submittedAt: attempt.submittedAt,
    late: attempt.late,
    show,
    result: reviewQuizResult(attempt.result, questions.map((question) => question.result), show),
    questions,
  };
}
