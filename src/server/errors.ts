import { isAttemptError } from '../attempts/errors.js';

/**
 * Every error code the exam handler answers with, besides the codes of
 * `AttemptError` (`invalid_response`, `already_submitted`, `time_expired`, …),
 * which it passes through. Error bodies are
 * `{ error: { code, message, issues } }`; the codes are stable, messages are
 * for people.
 *
 * - `bad_request` (400): the URL, a path segment, a query parameter or a body field is malformed.
 * - `body_not_json` (400): the body is not JSON, or not a JSON object.
 * - `unauthorized` (401): no learner: the `Authorization: Bearer` token is missing or not valid.
 * - `not_found` (404): no such route.
 * - `unknown_quiz` (404): no quiz with that id.
 * - `unknown_attempt` (404): no such attempt, or it belongs to another learner.
 * - `method_not_allowed` (405): the route exists, the method does not; `Allow` lists the methods.
 * - `conflict` (409): the attempt changed between this request's read and write (another request won); retry.
 * - `attempt_limit` (409): the learner has used every allowed attempt at the quiz.
 * - `open_attempt_limit` (409): the learner has too many attempts in progress.
 * - `quiz_closed` (409): the quiz closed (`closesAt`); no attempts start and no answers are taken.
 * - `body_too_large` (413): the body is over `maxBodyBytes`; reading stopped at the limit.
 * - `unsupported_media_type` (415): a body must be sent as `application/json`.
 * - `internal` (500): an unexpected error; nothing about it is sent.
 * - `store_unavailable` (503): the attempt store failed; the request changed nothing it acknowledged.
 *
 * @example
 * ```ts
 * import { SERVER_ERROR_CODES } from 'quizkit/server';
 * SERVER_ERROR_CODES.includes('conflict'); //=> true
 * ```
 */
export const SERVER_ERROR_CODES = [
  'bad_request',
  'body_not_json',
  'unauthorized',
  'not_found',
  'unknown_quiz',
  'unknown_attempt',
  'method_not_allowed',
  'conflict',
  'attempt_limit',
  'open_attempt_limit',
  'quiz_closed',
  'body_too_large',
  'unsupported_media_type',
  'internal',
  'store_unavailable',
] as const;

/**
 * A code from {@link SERVER_ERROR_CODES}.
 *
 * @example
 * ```ts
 * import type { ServerErrorCode } from 'quizkit/server';
 * const code: ServerErrorCode = 'attempt_limit';
 * ```
 */
export type ServerErrorCode = (typeof SERVER_ERROR_CODES)[number];

/**
 * One problem in an error body: a code, the path to the value concerned, and a message.
 *
 * @example
 * ```ts
 * import type { ServerIssue } from 'quizkit/server';
 * const issue: ServerIssue = { code: 'bad_request', path: ['response'], message: 'Send { "response": … }' };
 * ```
 */
export interface ServerIssue {
  /** A stable machine-readable code. */
  readonly code: string;
  /** Where the problem is: keys from the root of the body, or `['url']`, `['headers', name]`. */
  readonly path: readonly (string | number)[];
  /** What is wrong. */
  readonly message: string;
}

/**
 * The body of every error response.
 *
 * @example
 * ```ts
 * import type { ErrorBody } from 'quizkit/server';
 * const body: ErrorBody = { error: { code: 'unknown_quiz', message: 'No quiz "x"', issues: [] } };
 * ```
 */
export interface ErrorBody {
  /** The error. */
  readonly error: {
    /** A code from {@link SERVER_ERROR_CODES}, or an `AttemptError` code. */
    readonly code: string;
    /** What went wrong, for people. */
    readonly message: string;
    /** Details, possibly none. */
    readonly issues: readonly ServerIssue[];
  };
}

/** An error the handler turns into a JSON error response. Internal. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ServerErrorCode,
    message: string,
    readonly issues: readonly ServerIssue[] = [],
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

// Refusals of a learner's request (bad answer, too late, already submitted) and
// saved data the server cannot use any more (the quiz changed, the text was
// corrupted) are the learner's or the operator's to fix, never a server crash:
// all 4xx. A code added to AttemptError later lands on the default.
const ATTEMPT_STATUS: Readonly<Record<string, number>> = {
  unknown_question: 404,
  invalid_response: 422,
  already_submitted: 409,
  not_submitted: 409,
  time_expired: 409,
  clock_went_back: 409,
  wrong_quiz: 409,
  quiz_changed: 409,
  invalid_json: 409,
  too_large: 409,
  unsupported_version: 409,
  invalid_attempt: 409,
  inconsistent_attempt: 409,
  tampered: 409,
  not_checkable: 409,
  question_finished: 409,
};

/** The HTTP status for an `AttemptError` code: always 4xx; 422 for a code this version does not know. */
export function attemptErrorStatus(code: string): number {
  return Object.hasOwn(ATTEMPT_STATUS, code) ? ATTEMPT_STATUS[code]! : 422;
}

/** The status and body for anything thrown while handling a request. */
export function errorResponse(error: unknown): { status: number; body: ErrorBody; headers: Readonly<Record<string, string>> } {
  if (error instanceof HttpError) {
    return { status: error.status, body: { error: { code: error.code, message: error.message, issues: error.issues } }, headers: error.headers };
  }
  if (isAttemptError(error)) {
    const issues = error.issues.map((issue) => ({ code: issue.code, path: issue.path, message: issue.message }));
    return { status: attemptErrorStatus(error.code), body: { error: { code: error.code, message: error.message, issues } }, headers: {} };
  }
  return { status: 500, body: { error: { code: 'internal', message: 'Internal error', issues: [] } }, headers: {} };
}
