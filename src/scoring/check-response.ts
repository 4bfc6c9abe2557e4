import type { ReadonlyQuestion, ReadonlyQuiz } from '../schema/types.js';
import { checkWith, checkedResponse } from './registry.js';
import { readResponses } from './score.js';
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
  question: ReadonlyQuestion,
  response: unknown,
  path: readonly (string | number)[] = [question.id],
): readonly ResponseIssue[] {
  const checked = checkWith(question, response, path);
  return checked.kind === 'invalid' ? checked.issues : [];
}

/**
 * Checks untrusted responses (e.g. a request body) against a quiz and, when
 * they are all acceptable, returns them typed for `scoreQuiz`. The issues are
 * exactly those `scoreQuiz` would report: its `issues` (unknown or forbidden
 * question ids, a non-object), then each question's, in quiz order. As in
 * `scoreQuiz`, `null` or `undefined` means no responses at all. The input is
 * read once; the responses returned are a plain copy of what was checked
 * (answered questions only), so a getter or Proxy cannot answer differently
 * when they are scored.
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
export function checkResponses<Q extends ReadonlyQuiz>(
  quiz: Q,
  input: unknown,
): { readonly ok: true; readonly responses: Responses<Q> } | { readonly ok: false; readonly issues: readonly ResponseIssue[] } {
  // The same reading and the same checks as `scoreQuiz`, so the issues are exactly the ones scoring reports.
  const { lookup, issues } = readResponses(quiz, input);
  const copy: [string, unknown][] = [];
  for (const question of quiz.questions) {
    const checked = checkedResponse(question, lookup(question.id), [question.id]);
    if (checked.kind === 'invalid') issues.push(...checked.issues);
    else if (checked.kind === 'answered') copy.push([question.id, checked.value]);
  }
  // The copy, not the input: what was checked is exactly what `scoreQuiz` will score.
  return issues.length ? { ok: false, issues } : { ok: true, responses: Object.fromEntries(copy) as Responses<Q> };
}
