import type { DeepReadonly, Question, Quiz } from '../schema/types.js';
import { checkWith } from './registry.js';
import type { Responses } from './responses.js';
import type { ResponseIssue } from './types.js';

/**
 * Checks one response against its question without scoring it, so an app can
 * refuse bad input up front with the same issues `scoreQuestion` would report.
 * An unanswered question (nothing given) has no issues.
 *
 * @returns The issues; empty when the response is acceptable.
 *
 * @example
 * ```ts
 * import { checkResponse } from 'quizkit';
 * import { northKoreaChina } from 'quizkit/modules';
 * const question = northKoreaChina.quizzes[0].questions[0];
 * checkResponse(question, 42)[0]?.code; //=> 'invalid_shape'
 * ```
 */
export function checkResponse(
  question: DeepReadonly<Question>,
  response: unknown,
  path: readonly (string | number)[] = [question.id],
): readonly ResponseIssue[] {
  const checked = checkWith(question, response, path);
  return checked.kind === 'invalid' ? checked.issues : [];
}

/**
 * Checks untrusted responses (e.g. a request body) against a quiz and, when
 * they are all acceptable, returns them typed for `scoreQuiz`.
 *
 * @example
 * ```ts
 * import { checkResponses } from 'quizkit';
 * import { northKoreaChina } from 'quizkit/modules';
 * const quiz = northKoreaChina.quizzes[0];
 * const checked = checkResponses(quiz, JSON.parse('{"nope": "a"}'));
 * checked.ok; //=> false
 * ```
 */
export function checkResponses<Q extends DeepReadonly<Quiz>>(
  quiz: Q,
  input: unknown,
): { readonly ok: true; readonly responses: Responses<Q> } | { readonly ok: false; readonly issues: readonly ResponseIssue[] } {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, issues: [{ code: 'invalid_shape', path: [], message: 'Expected an object from question ids to responses' }] };
  }
  const record = input as Record<string, unknown>;
  const byId = new Map(quiz.questions.map((question) => [question.id, question]));
  const issues: ResponseIssue[] = [];
  for (const key of Object.keys(record)) {
    const question = byId.get(key);
    if (!question) {
      issues.push({ code: key === '__proto__' ? 'forbidden_key' : 'unknown_question', path: [key], message: `"${key.slice(0, 40)}" is not a question of quiz "${quiz.id}"` });
      if (issues.length >= 20) break;
      continue;
    }
    issues.push(...checkResponse(question, record[key], [key]));
  }
  return issues.length ? { ok: false, issues } : { ok: true, responses: record as Responses<Q> };
}
