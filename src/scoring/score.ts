import type { ReadonlyQuestion, ReadonlyQuiz } from '../schema/types.js';
import { explainQuiz } from './compile/explain.js';
import { questionResult } from './question-result.js';
import { readWith, runScorerOnRead } from './registry.js';
import { readAnswer, readResponsesObject } from './responses-object.js';
import type { Responses } from './responses.js';
import type { QuestionResult, QuizResult, ResponseIssue } from './types.js';

export { quizResultOf } from './compile/explain.js';

type AnyQuiz = ReadonlyQuiz;

/**
 * Scores one question. Never throws on learner input: a malformed response
 * (unknown ids, duplicates, wrong shape, forbidden keys, oversized lists)
 * scores 0 with status `invalid` and the issues that explain why.
 *
 * @param question - A parsed question (from `parseModule`, `parseQuiz` or a built-in module).
 * @param response - The learner's response: untrusted, of any shape.
 * @param path - Where the response sits in a larger document, for issue paths.
 * @returns The result: status, exact fraction and points, parts, statistic and feedback.
 *
 * @example
 * ```ts
 * import { scoreQuestion } from 'quizkit';
 * import { northKoreaChina } from 'quizkit/modules';
 * const question = northKoreaChina.quizzes[0].questions[0];
 * scoreQuestion(question, 'nonsense').status; //=> 'invalid'
 * ```
 */
export function scoreQuestion(
  question: ReadonlyQuestion,
  response: unknown,
  path: readonly (string | number)[] = [question.id],
): QuestionResult {
  return questionResult(question, runScorerOnRead(question, readWith(question, response), path));
}

/**
 * Reads the responses object defensively (see `readResponsesObject`), each
 * question's response once through its property descriptor. Shared with
 * `checkResponses`, so checking and scoring report the same issues.
 */
export function readResponses(quiz: AnyQuiz, responses: unknown): { lookup: (id: string) => unknown; issues: ResponseIssue[] } {
  const { record, issues } = readResponsesObject(quiz, responses);
  return { lookup: (id) => readAnswer(record, id), issues: issues ?? [] };
}

/**
 * Scores a whole quiz exactly: each question by its rule, the total as the
 * exact sum of the question scores, the percentage, the pass decision on exact
 * values, and breakdowns per objective and per reading section. Never throws
 * on learner input; unknown question ids are reported in `issues`.
 *
 * @param quiz - A parsed quiz.
 * @param responses - Responses keyed by question id; typed against the quiz when it is `as const`.
 * @returns The quiz result.
 *
 * @example
 * ```ts
 * import { scoreQuiz, correctResponses, formatFraction } from 'quizkit';
 * import { northKoreaChina } from 'quizkit/modules';
 * const quiz = northKoreaChina.quizzes[0];
 * const result = scoreQuiz(quiz, correctResponses(quiz));
 * formatFraction(result.percent); //=> '100'
 * ```
 */
export function scoreQuiz<Q extends ReadonlyQuiz>(quiz: Q, responses: Responses<Q>): QuizResult {
  // The same reading, checks and totals as the plan's fast path; cached per frozen quiz.
  return explainQuiz(quiz, responses);
}
