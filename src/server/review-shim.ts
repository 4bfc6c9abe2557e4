// TEMPORARY: the review-policy contract of the `attempts` branch (issue #12,
// item 5), copied here with exactly its names so the server can code against
// it before that branch lands. The coordinator deletes this file when merging
// and points the imports at 'quizkit/attempts'. Not exported from any entry.
import type { DeepReadonly, Quiz } from '../schema/types.js';
import { reviewAttempt as completeReview } from '../attempts/review.js';
import type { Attempt, EpochMillis } from '../attempts/types.js';

export type ReviewTiming = 'after-each-attempt' | 'after-last-attempt' | 'after-close' | 'never';
export interface ReviewPolicy {
  readonly marks: ReviewTiming;
  readonly feedback: ReviewTiming;
  readonly explanation: ReviewTiming;
  readonly correctResponse: ReviewTiming;
}
export interface ReviewShow {
  readonly marks: boolean;
  readonly feedback: boolean;
  readonly explanation: boolean;
  readonly correctResponse: boolean;
}
export interface ReviewState {
  readonly attemptsUsed: number;
  readonly maxAttempts?: number;
  readonly closesAt?: EpochMillis;
  readonly now: EpochMillis;
}

export const EXAM_REVIEW_POLICY: ReviewPolicy = Object.freeze({
  marks: 'after-each-attempt',
  feedback: 'after-last-attempt',
  explanation: 'after-last-attempt',
  correctResponse: 'after-last-attempt',
});
export const PRACTICE_REVIEW_POLICY: ReviewPolicy = Object.freeze({
  marks: 'after-each-attempt',
  feedback: 'after-each-attempt',
  explanation: 'after-each-attempt',
  correctResponse: 'after-each-attempt',
});

export function reviewVisibility(policy: ReviewPolicy, state: ReviewState): ReviewShow {
  const closed = state.closesAt !== undefined && state.now >= state.closesAt;
  const usedUp = state.maxAttempts !== undefined && state.attemptsUsed >= state.maxAttempts;
  const when = (timing: ReviewTiming): boolean =>
    timing === 'after-each-attempt' ? true : timing === 'after-last-attempt' ? usedUp || closed : timing === 'after-close' ? closed : false;
  return { marks: when(policy.marks), feedback: when(policy.feedback), explanation: when(policy.explanation), correctResponse: when(policy.correctResponse) };
}

/** A review as far as `show` allows: hidden parts are left out, the embedded result included. */
export type AttemptReview = Readonly<Record<string, unknown>>;

type Row = Readonly<Record<string, unknown>>;
const pick = (row: Row, keys: readonly string[]): Record<string, unknown> =>
  Object.fromEntries(keys.filter((key) => row[key] !== undefined).map((key) => [key, row[key]]));

export function reviewAttempt(quiz: DeepReadonly<Quiz>, attempt: Attempt, options: { readonly show?: ReviewShow } = {}): AttemptReview {
  const full = completeReview(quiz, attempt);
  const show = options.show ?? { marks: true, feedback: true, explanation: true, correctResponse: true };
  const marks = show.marks === true;
  const key = show.correctResponse === true;
  const feedback = show.feedback === true;
  const explanation = show.explanation === true;
  const part = (p: Row) => ({
    ...pick(p, ['id', 'kind', 'response']),
    ...(key ? pick(p, ['correct']) : {}),
    ...(marks && key ? pick(p, ['earned', 'possible']) : {}),
    ...(feedback ? pick(p, ['feedback']) : {}),
  });
  const questionResult = (r: Row) => ({
    ...pick(r, ['questionId', 'type', 'rule']),
    ...(marks ? pick(r, ['status', 'fraction', 'earned', 'possible', 'issues']) : {}),
    ...(marks && key ? pick(r, ['statistic']) : {}),
    parts: (r.parts as Row[]).map(part),
    ...(feedback ? pick(r, ['feedback']) : {}),
  });
  const result = full.result as unknown as Row;
  return {
    quizId: full.quizId,
    attemptNumber: full.attemptNumber,
    startedAt: full.startedAt,
    submittedAt: full.submittedAt,
    late: full.late,
    show: { marks, feedback, explanation, correctResponse: key },
    result: {
      quizId: result.quizId,
      passMark: result.passMark,
      ...(marks ? pick(result, ['earned', 'possible', 'percent', 'passed', 'byObjective', 'bySection', 'issues']) : {}),
      questions: (result.questions as Row[]).map(questionResult),
    },
    questions: full.questions.map((q) => ({
      questionId: q.questionId,
      question: q.question,
      ...(q.response !== undefined ? { response: q.response, answeredAt: q.answeredAt } : {}),
      ...(marks ? { status: q.status, earned: q.earned, possible: q.possible } : {}),
      ...(key ? { correctResponse: q.correctResponse } : {}),
      ...(feedback ? { feedback: q.feedback } : {}),
      ...(explanation ? { explanation: q.explanation, source: q.source } : {}),
      result: questionResult(q.result as unknown as Row),
    })),
  };
}
