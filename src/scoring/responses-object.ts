import type { ReadonlyQuiz } from '../schema/types.js';
import { FORBIDDEN_KEYS, clip, describeValue, perQuestion } from './check.js';
import { ABSENT, UNREADABLE, notPlainObject, readOwnValue, readValue } from './read-response.js';
import type { ResponseIssue } from './types.js';

type AnyQuiz = ReadonlyQuiz;

/** The responses object after one defensive look: the object to read answers from, and its own problems. */
export interface ResponsesObject {
  /** The plain object to read each question's answer from; `undefined` when there is none to read. */
  readonly record: object | undefined;
  /** Problems of the object itself (not a plain object, unknown or forbidden keys); `undefined` when none, so a clean read allocates no list. */
  readonly issues: ResponseIssue[] | undefined;
}

const NOTHING: ResponsesObject = { record: undefined, issues: undefined };

export const questionIds = /* @__PURE__ */ perQuestion((quiz: AnyQuiz) => new Set(quiz.questions.map((question) => question.id)));

/**
 * Reads the responses object defensively: a plain object only, and its own
 * non-forbidden keys only; a key that is not a question is reported (at most
 * 20, so a forged object with a million keys yields a short list). Shared by
 * `scoreQuiz`, `compileQuiz` and `checkResponses`, so all report the same issues.
 */
export function readResponsesObject(quiz: AnyQuiz, responses: unknown): ResponsesObject {
  if (responses === undefined || responses === null) return NOTHING;
  const problem = typeof responses === 'object' ? notPlainObject(responses) : readValue(responses);
  if (problem !== undefined) return shapeProblem(describeValue(problem));
  const known = questionIds(quiz);
  let issues: ResponseIssue[] | undefined;
  try {
    for (const key in responses) {
      if (!Object.hasOwn(responses, key) || known.has(key)) continue;
      issues ??= [];
      if (issues.length === 20) break;
      issues.push(
        FORBIDDEN_KEYS.has(key)
          ? { code: 'forbidden_key', path: [key], message: `"${key}" is not allowed as a key` }
          : { code: 'unknown_question', path: [key], message: `"${clip(key)}" is not a question of quiz "${quiz.id}"` },
      );
    }
  } catch {
    return shapeProblem(UNREADABLE.found);
  }
  return { record: responses, issues };
}

const shapeProblem = (found: string): ResponsesObject => ({
  record: undefined,
  issues: [{ code: 'invalid_shape', path: [], message: `Expected an object from question ids to responses, found ${found}` }],
});

/** One question's answer, read once through its own property descriptor: a getter that throws makes it unreadable, hence invalid. */
export function readAnswer(record: object | undefined, id: string): unknown {
  if (record === undefined) return undefined;
  const value = readOwnValue(record, id);
  return value === ABSENT ? undefined : value;
}
