import type { ReadonlyQuestion, ReadonlyQuiz } from '../schema/types.js';
import { keyOf } from './registry.js';
import type { ResponseFor, Responses } from './responses.js';

/**
 * The response that earns full credit on a question. It reveals the answer
 * key: use it on a server, in review after submission, or in tests — never
 * in a learner-facing view before submission.
 *
 * @example
 * ```ts
 * import { correctResponse } from 'quizkit';
 * import { northKoreaChina } from 'quizkit/modules';
 * correctResponse(northKoreaChina.quizzes[0].questions[0]); // the right option id
 * ```
 */
export function correctResponse<Q extends ReadonlyQuestion>(question: Q): ResponseFor<Q> {
  return keyOf(question) as ResponseFor<Q>;
}

/**
 * The full-credit responses to every question of a quiz (the answer key).
 *
 * @example
 * ```ts
 * import { correctResponses, scoreQuiz } from 'quizkit';
 * import { northKoreaChina } from 'quizkit/modules';
 * const quiz = northKoreaChina.quizzes[0];
 * scoreQuiz(quiz, correctResponses(quiz)).passed; //=> true
 * ```
 */
export function correctResponses<Q extends ReadonlyQuiz>(quiz: Q): Responses<Q> {
  return Object.fromEntries(quiz.questions.map((question) => [question.id, keyOf(question)])) as Responses<Q>;
}
