import type { Fraction } from '../fraction/fraction.js';
import type { DeepReadonly, Quiz } from '../schema/types.js';
import { correctResponse } from '../scoring/answer-key.js';
import type { AnyResponse } from '../scoring/responses.js';
import type { QuestionResult, QuestionStatus, QuizResult } from '../scoring/types.js';
import { assertSameQuiz } from './guards.js';
import { AttemptError } from './errors.js';
import type { Attempt, EpochMillis } from './types.js';
import { type LearnerQuestionView, learnerQuestionView } from './view.js';

/**
 * One question of a submitted attempt, with everything the learner may now
 * see: their response, the correct response, the score, feedback, explanation
 * and source quote.
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
  /** How the question came out. */
  readonly status: QuestionStatus;
  /** The learner's response; absent when the question was left unanswered. */
  readonly response?: AnyResponse;
  /** When the learner last answered; absent when unanswered. */
  readonly answeredAt?: EpochMillis;
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
  /** The full scored result: rule, statistic, per-part scores, issues. */
  readonly result: QuestionResult;
}

/**
 * The review of a submitted attempt: the recorded result and each question
 * explained.
 *
 * @example
 * ```ts
 * import { answer, reviewAttempt, startAttempt, submitAttempt, type AttemptReview } from 'quizkit/attempts';
 * import { northKoreaChina } from 'quizkit/modules';
 * const quiz = northKoreaChina.quizzes[0];
 * const attempt = answer(startAttempt(quiz, { seed: 'abc', now: 0 }), quiz, 'who-met-in-beijing', 'foreign-ministers', 5_000);
 * const review: AttemptReview = reviewAttempt(quiz, submitAttempt(attempt, quiz, 60_000));
 * review.questions.filter((q) => q.status !== 'correct').map((q) => q.explanation).length; //=> 8
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
  /** The score recorded at submission (or at the last deliberate re-score). */
  readonly result: QuizResult;
  /** Each question, in quiz order. */
  readonly questions: readonly QuestionReview[];
}

/**
 * Reviews a submitted attempt: for each question the learner's response, the
 * correct response, status, points, feedback, explanation and source. It shows
 * the answer key, so it is refused before submission (`not_submitted`), and
 * against a quiz other than the one scored (`wrong_quiz`, `quiz_changed`).
 *
 * The scores are the ones recorded in `attempt.result`; the review does not
 * re-score (use `rescoreAttempt` for that).
 *
 * @param quiz - The quiz the attempt was scored against.
 * @param attempt - A submitted attempt.
 * @returns The review.
 *
 * @example
 * ```ts
 * import { answer, reviewAttempt, startAttempt, submitAttempt } from 'quizkit/attempts';
 * import { northKoreaChina } from 'quizkit/modules';
 * const quiz = northKoreaChina.quizzes[0];
 * const started = answer(startAttempt(quiz, { seed: 'abc', now: 0 }), quiz, 'who-met-in-beijing', 'kim-and-xi', 5_000);
 * reviewAttempt(quiz, started); // throws AttemptError
 * const [first] = reviewAttempt(quiz, submitAttempt(started, quiz, 60_000)).questions;
 * first?.status; //=> 'incorrect'
 * first?.correctResponse; //=> 'foreign-ministers'
 * ```
 */
export function reviewAttempt(quiz: DeepReadonly<Quiz>, attempt: Attempt): AttemptReview {
  if (attempt.status !== 'submitted') {
    throw new AttemptError('not_submitted', 'The review shows the answer key, so it is available only after submission');
  }
  assertSameQuiz(attempt, quiz);
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
      status: result.status,
      ...(recorded ? { response: recorded.response, answeredAt: recorded.at } : {}),
      correctResponse: correctResponse(question) as AnyResponse,
      earned: result.earned,
      possible: result.possible,
      feedback: result.feedback,
      explanation: question.explanation,
      source: { section: question.source.section, quote: question.source.quote },
      result,
    };
  });
  return {
    quizId: attempt.quizId,
    attemptNumber: attempt.attemptNumber,
    startedAt: attempt.startedAt,
    submittedAt: attempt.submittedAt,
    late: attempt.late,
    result: attempt.result,
    questions,
  };
}
