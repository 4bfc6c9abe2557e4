/**
 * Exam mode, learner side: a plain `fetch` client for the `quizkit/server`
 * exam API (`/v1/…`). It never sees the answer key: before submission it only
 * receives learner views and the list of answered questions; after it, the
 * review as the server's review policy allows. It imports quizkit for types
 * only, so it ships no scoring code and no key.
 *
 * Identity: the server issues a signed learner token (`POST /v1/learners`) on
 * first use; keep it (`onToken`) and pass it back (`token`) to resume after a
 * reload. A host app that authenticates learners itself needs no token.
 */

import type { AttemptReview, CheckOutcome, CombinedGrade, GradeMethod, LearnerQuestionView, LearnerView } from '../../attempts/index.js';

/** What the client saw of one exchange, for logging or auditing.  *
 * @example
 * ```ts
 * import type { Exchange } from 'quizkit/player';
 * const log = (exchange: Exchange) => `${exchange.method} ${exchange.path} → ${exchange.status}`;
 * ```
 */
export interface Exchange {
  /** The HTTP method. */
  readonly method: string;
  /** The path requested. */
  readonly path: string;
  /** The HTTP status. */
  readonly status: number;
  /** The response body, as received. */
  readonly body: string;
}

/** The options of {@link createExamClient}.  *
 * @example
 * ```ts
 * import type { ExamClientOptions } from 'quizkit/player';
 * const options: ExamClientOptions = { retries: 5, timeoutMs: 10_000, storage: null };
 * ```
 */
export interface ExamClientOptions {
  /** Called with every response the client receives. */
  readonly onResponse?: (exchange: Exchange) => void;
  /** A learner token from an earlier session; without one the client asks the server for a new learner. */
  readonly token?: string;
  /** Called when the server issues a token: keep it to stay the same learner after a reload. */
  readonly onToken?: (token: string) => void;
  /**
   * Where the token is kept between page loads when `token` is not given:
   * `localStorage` by default where there is one (under
   * `quizkit:exam-token:<base URL>`); `null` keeps it in memory only. A
   * storage that refuses (full, disabled) is ignored: the exam goes on, and
   * a reload then starts as a new learner.
   */
  readonly storage?: Pick<Storage, 'getItem' | 'setItem'> | null;
  /** Send no token at all: the host app identifies learners (a session cookie). */
  readonly anonymous?: boolean;
  /** How often a request refused with 409 `conflict` (another request won a race) is sent again (default 3). */
  readonly retries?: number;
  /**
   * How long a request may take, in milliseconds, before it is abandoned as a
   * network failure (default 15,000): a request that never answers would
   * otherwise keep an answer "saving" and the submit button waiting forever.
   */
  readonly timeoutMs?: number;
}

/** A refusal from the server: `{ error: { code, message, issues } }` with a 4xx/5xx status.  *
 * @example
 * ```ts
 * import { ExamClientError } from 'quizkit/player';
 * const error = new ExamClientError(409, 'already_submitted', 'The attempt is submitted', []);
 * error.status; //=> 409
 * ```
 */
export class ExamClientError extends Error {
  override readonly name = 'ExamClientError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: readonly unknown[],
  ) {
    super(message);
  }
}

/** A submitted attempt's score, as far as the review policy shows it.  *
 * @example
 * ```ts
 * import type { ReviewedResult } from 'quizkit/player';
 * const passed = (result: ReviewedResult) => result.passed === true;
 * ```
 */
export type ReviewedResult = AttemptReview['result'];

/** The exam client's calls.  *
 * @example
 * ```ts
 * import { createExamClient, type ExamClient } from 'quizkit/player';
 * const client: ExamClient = createExamClient('https://exams.example.org/', { storage: null });
 * ```
 */
export interface ExamClient {
  /** The learner token, asking the server for one the first time. */
  learner(): Promise<string>;
  /** Starts an attempt (or, when one is in progress, resumes it); the view holds no key. The second argument is ignored: the server knows the learner. */
  start(quizId: string, ignoredLearnerId?: string): Promise<{ attemptId: string; view: LearnerView; timeRemainingMs?: number }>;
  /** Reloads an attempt (after a page reload); with the result and review once submitted. */
  resume(attemptId: string): Promise<{ attemptId: string; view: LearnerView; timeRemainingMs?: number; late?: boolean; result?: ReviewedResult; review?: AttemptReview }>;
  /** Sends one answer (`null` clears it). */
  answer(attemptId: string, questionId: string, response: unknown): Promise<{ answered: string[]; version: number; timeRemainingMs?: number }>;
  /** Checks one try at a question under a behaviour that checks tries; the outcome holds no key. */
  check(attemptId: string, questionId: string, response: unknown, certainty?: 1 | 2 | 3): Promise<{ outcome: CheckOutcome; version: number }>;
  /** Submits; the server scores and returns the result and the review, as its policy allows. */
  submit(attemptId: string): Promise<{ attemptId: string; late: boolean; result: ReviewedResult; review: AttemptReview }>;
  /** The learner's attempts at a quiz, and the cap. */
  attempts(quizId: string): Promise<{ quizId: string; attempts: { attemptId: string; attemptNumber: number; status: string }[]; maxAttempts?: number }>;
  /** The learner's combined grade over their submitted attempts (`null` without any). */
  grade(quizId: string, method?: GradeMethod): Promise<{ grade: CombinedGrade | null }>;
}

/**
 * Creates a client for a `quizkit/server` exam API.
 *
 * @param baseUrl - The server's URL (its `/v1/` routes are under it).
 * @param options - A token to reuse, a hook for new tokens, a hook that sees every response.
 * @returns The client.
 *
 * @example
 * ```ts
 * import { createExamClient } from 'quizkit/player';
 * declare const saved: string; // a token kept from an earlier session
 * const client = createExamClient('http://127.0.0.1:54321', { token: saved, onToken: (token) => console.log('keep', token) });
 * const { attemptId, view } = await client.start('weather-check');
 * await client.answer(attemptId, view.questions[0]!.id, 'nimbostratus');
 * const { review } = await client.submit(attemptId);
 * ```
 */
export function createExamClient(baseUrl: string, options: ExamClientOptions = {}): ExamClient {
  const storage = options.storage === undefined ? defaultStorage() : options.storage;
  const storageKey = `quizkit:exam-token:${baseUrl}`;
  let token = options.token ?? tryStorage(() => storage?.getItem(storageKey) ?? undefined);
  let issuing: Promise<string> | undefined;
  const retries = options.retries ?? 3;

  async function send<T>(method: string, path: string, body: unknown, authorization: string | undefined): Promise<T> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (authorization !== undefined) headers.authorization = `Bearer ${authorization}`;
    const response = await fetch(new URL(path, baseUrl), {
      method,
      headers,
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    options.onResponse?.({ method, path, status: response.status, body: text });
    let parsed: { error?: { code: string; message: string; issues?: unknown[] } };
    try {
      parsed = JSON.parse(text) as typeof parsed;
    } catch {
      throw new ExamClientError(response.status, 'http_error', `HTTP ${response.status} without a JSON body`, []);
    }
    if (!response.ok) {
      const error = parsed.error ?? { code: 'http_error', message: `HTTP ${response.status}` };
      throw new ExamClientError(response.status, error.code, error.message, error.issues ?? []);
    }
    return parsed as T;
  }

  function learner(): Promise<string> {
    if (token !== undefined) return Promise.resolve(token);
    issuing ??= send<{ token: string }>('POST', '/v1/learners', {}, undefined).then(
      (issued) => {
        token = issued.token;
        tryStorage(() => storage?.setItem(storageKey, issued.token));
        options.onToken?.(issued.token);
        return issued.token;
      },
      (error: unknown) => {
        issuing = undefined;
        throw error;
      },
    );
    return issuing;
  }

  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const authorization = options.anonymous ? undefined : await learner();
    for (let attempt = 0; ; attempt++) {
      try {
        return await send<T>(method, path, body, authorization);
      } catch (error) {
        // Another request wrote the attempt between our read and our write: nothing was saved, so sending again is safe.
        if (!(error instanceof ExamClientError && error.code === 'conflict' && error.status === 409 && attempt < retries)) throw error;
      }
    }
  }

  const id = encodeURIComponent;
  return {
    learner,
    start: (quizId) => call('POST', `/v1/quizzes/${id(quizId)}/attempts`, {}),
    resume: (attemptId) => call('GET', `/v1/attempts/${id(attemptId)}`),
    answer: (attemptId, questionId, response) => call('PUT', `/v1/attempts/${id(attemptId)}/answers/${id(questionId)}`, { response }),
    check: (attemptId, questionId, response, certainty) =>
      call('POST', `/v1/attempts/${id(attemptId)}/checks/${id(questionId)}`, certainty === undefined ? { response } : { response, certainty }),
    submit: (attemptId) => call('POST', `/v1/attempts/${id(attemptId)}/submit`, {}),
    attempts: (quizId) => call('GET', `/v1/quizzes/${id(quizId)}/attempts`),
    grade: (quizId, method = 'highest') => call('GET', `/v1/quizzes/${id(quizId)}/grade?method=${method}`),
  };
}

/** `localStorage` where the runtime has one and allows it. */
function defaultStorage(): Pick<Storage, 'getItem' | 'setItem'> | null {
  return tryStorage(() => (globalThis as { localStorage?: Storage }).localStorage) ?? null;
}

/** Storage throws when disabled or full: the token then lives in memory only. */
function tryStorage<T>(use: () => T): T | undefined {
  try {
    return use();
  } catch {
    return undefined;
  }
}

/**
 * Takes a whole attempt as a learner would: start, answer each question with
 * `choose` (which sees only the learner view of the question; return
 * `undefined` to skip it), then submit.
 *
 * @param client - The exam client.
 * @param quizId - The quiz to take.
 * @param choose - Picks a response for a question from what the learner sees.
 * @returns The attempt id, the starting view and the submission's outcome.
 *
 * @example
 * ```ts
 * const outcome = await takeExam(client, 'weather-check', (q) =>
 *   q.type === 'ordering' ? q.items.map((item) => item.id) : undefined,
 * );
 * outcome.review.result.percent;
 * ```
 */
export async function takeExam(
  client: ExamClient,
  quizId: string,
  choose: (question: LearnerQuestionView) => unknown,
): Promise<{ attemptId: string; view: LearnerView; late: boolean; result: ReviewedResult; review: AttemptReview }> {
  const { attemptId, view } = await client.start(quizId);
  for (const question of view.questions) {
    const response = choose(question);
    if (response !== undefined) await client.answer(attemptId, question.id, response);
  }
  const { late, result, review } = await client.submit(attemptId);
  return { attemptId, view, late, result, review };
}
