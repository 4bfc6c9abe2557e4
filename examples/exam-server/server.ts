/**
 * Exam mode, server side: a small Node `http` server that holds the quizzes
 * with their answer keys, starts attempts, sends the learner only the
 * key-free learner view, records answers, scores on submission and only then
 * returns the result and the review.
 *
 * Routes (JSON in, JSON out):
 *
 * | method | path | body | answer |
 * |---|---|---|---|
 * | POST | `/attempts` | `{ quizId, learnerId }` | `201 { attemptId, view }` |
 * | GET | `/attempts/:attemptId` | — | `{ view }`, plus `{ result, review }` once submitted |
 * | PUT | `/attempts/:attemptId/answers/:questionId` | `{ response }` | `{ answered, timeRemainingMs? }` |
 * | POST | `/attempts/:attemptId/submit` | — | `{ late, result, review }` |
 * | GET | `/learners/:learnerId/quizzes/:quizId/grade?method=highest` | — | `{ grade }` |
 *
 * Errors are `{ error: { code, message, issues } }` with a 4xx status.
 *
 * This is an example, not a product: there is no authentication (a real
 * server takes the learner from its session, not the request body), and
 * attempts live in memory. It stores each attempt as the text of
 * `serializeAttempt` and reads it back with `parseAttempt(…, { quiz })`, as a
 * server with a database would.
 *
 * Run the whole thing with `npx tsx examples/exam-server/demo.ts`.
 */
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { nanoid } from 'nanoid';
import type { DeepReadonly, Module, Quiz } from 'quizkit';
// In an app: `from 'quizkit'`.
import {
  type Attempt,
  type GradeMethod,
  type SubmittedAttempt,
  answer,
  combineGrades,
  isAttemptError,
  learnerView,
  parseAttempt,
  reviewAttempt,
  serializeAttempt,
  startAttempt,
  submitAttempt,
  timeRemaining,
} from 'quizkit/attempts';

/** The options of {@link createExamServer}. */
export interface ExamServerOptions {
  /** The clock, in epoch milliseconds; `Date.now` by default. Tests pass a fake one. */
  readonly now?: () => number;
  /** Seconds after the deadline a submission is still on time (default: quizkit's 30). */
  readonly graceSeconds?: number;
  /** The largest request body accepted, in bytes (default 64 KiB). */
  readonly maxBodyBytes?: number;
}

/** A running exam server. */
export interface ExamServer {
  /** The base URL, e.g. `http://127.0.0.1:54321`. */
  readonly url: string;
  /** Stops the server. */
  close(): Promise<void>;
}

/** An error that becomes a JSON error response. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: readonly unknown[] = [],
  ) {
    super(message);
  }
}

const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  unknown_question: 404,
  invalid_response: 422,
  already_submitted: 409,
  not_submitted: 409,
  time_expired: 409,
  wrong_quiz: 409,
  quiz_changed: 409,
};

/** One stored attempt: who it belongs to, and the saved text. */
interface Stored {
  readonly learnerId: string;
  readonly quizId: string;
  saved: string;
}

/**
 * Starts an exam server for a module's quizzes on 127.0.0.1, on a free port.
 *
 * @param module - The learning module whose quizzes learners can take.
 * @param options - Clock, grace period and body limit.
 * @returns The running server: its URL and `close()`.
 *
 * @example
 * ```ts
 * const server = await createExamServer(module);
 * console.log(server.url); //=> 'http://127.0.0.1:54321'
 * await server.close();
 * ```
 */
export async function createExamServer(module: DeepReadonly<Module>, options: ExamServerOptions = {}): Promise<ExamServer> {
  const now = options.now ?? Date.now;
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024;
  const submitOptions = options.graceSeconds === undefined ? {} : { graceSeconds: options.graceSeconds };
  const quizzes = new Map<string, DeepReadonly<Quiz>>(module.quizzes.map((quiz) => [quiz.id, quiz]));
  const attempts = new Map<string, Stored>();

  const quizOf = (quizId: string) => {
    const quiz = quizzes.get(quizId);
    if (!quiz) throw new HttpError(404, 'unknown_quiz', `No quiz "${quizId.slice(0, 64)}"`);
    return quiz;
  };
  const load = (attemptId: string): { stored: Stored; attempt: Attempt; quiz: DeepReadonly<Quiz> } => {
    const stored = attempts.get(attemptId);
    if (!stored) throw new HttpError(404, 'unknown_attempt', 'No such attempt');
    const quiz = quizOf(stored.quizId);
    return { stored, attempt: parseAttempt(stored.saved, { quiz }), quiz };
  };

  async function route(method: string, path: string[], query: URLSearchParams, request: IncomingMessage): Promise<[number, unknown]> {
    // POST /attempts
    if (method === 'POST' && path.length === 1 && path[0] === 'attempts') {
      const body = await readJson(request, maxBodyBytes);
      const quizId = stringField(body, 'quizId');
      const learnerId = stringField(body, 'learnerId');
      const quiz = quizOf(quizId);
      const previous = [...attempts.values()].filter((s) => s.learnerId === learnerId && s.quizId === quizId).length;
      // The seed stays here: with it and the view, a client could undo the shuffle and see the authored order.
      const attempt = startAttempt(quiz, { now: now(), seed: nanoid(), attemptNumber: previous + 1 });
      const attemptId = nanoid();
      attempts.set(attemptId, { learnerId, quizId, saved: serializeAttempt(attempt) });
      return [201, { attemptId, view: learnerView(quiz, attempt) }];
    }
    // GET /attempts/:id
    if (method === 'GET' && path.length === 2 && path[0] === 'attempts') {
      const { attempt, quiz } = load(path[1]!);
      const view = learnerView(quiz, attempt);
      return [200, attempt.status === 'submitted' ? { view, result: attempt.result, review: reviewAttempt(quiz, attempt) } : { view }];
    }
    // PUT /attempts/:id/answers/:questionId
    if (method === 'PUT' && path.length === 4 && path[0] === 'attempts' && path[2] === 'answers') {
      const { stored, attempt, quiz } = load(path[1]!);
      const body = await readJson(request, maxBodyBytes);
      if (!Object.hasOwn(body, 'response')) throw new HttpError(400, 'bad_request', 'Send { "response": … } (null clears the answer)');
      const clock = now();
      const next = answer(attempt, quiz, path[3]!, body.response, clock);
      stored.saved = serializeAttempt(next);
      const remaining = timeRemaining(next, clock);
      return [200, { answered: Object.keys(next.answers), ...(remaining === undefined ? {} : { timeRemainingMs: remaining }) }];
    }
    // POST /attempts/:id/submit
    if (method === 'POST' && path.length === 3 && path[0] === 'attempts' && path[2] === 'submit') {
      const { stored, attempt, quiz } = load(path[1]!);
      const done = submitAttempt(attempt, quiz, now(), submitOptions);
      stored.saved = serializeAttempt(done);
      return [200, { late: done.late, result: done.result, review: reviewAttempt(quiz, done) }];
    }
    // GET /learners/:learnerId/quizzes/:quizId/grade?method=highest
    if (method === 'GET' && path.length === 5 && path[0] === 'learners' && path[2] === 'quizzes' && path[4] === 'grade') {
      const [, learnerId, , quizId] = path as [string, string, string, string];
      const quiz = quizOf(quizId);
      const gradeMethod = query.get('method') ?? 'highest';
      if (!['highest', 'average', 'first', 'last'].includes(gradeMethod)) {
        throw new HttpError(400, 'bad_request', 'method is one of highest, average, first, last');
      }
      const submitted = [...attempts.values()]
        .filter((s) => s.learnerId === learnerId && s.quizId === quizId)
        .map((s) => parseAttempt(s.saved, { quiz }))
        .filter((a): a is SubmittedAttempt => a.status === 'submitted');
      return [200, { grade: combineGrades(submitted, gradeMethod as GradeMethod) ?? null }];
    }
    throw new HttpError(404, 'not_found', `No route ${method} /${path.join('/')}`);
  }

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const path = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    route(request.method ?? 'GET', path, url.searchParams, request)
      .then(([status, body]) => send(response, status, body))
      .catch((error: unknown) => {
        if (error instanceof HttpError) {
          send(response, error.status, { error: { code: error.code, message: error.message, issues: error.issues } });
        } else if (isAttemptError(error)) {
          send(response, STATUS_BY_CODE[error.code] ?? 500, { error: { code: error.code, message: error.message, issues: error.issues } });
        } else {
          send(response, 500, { error: { code: 'internal', message: 'Internal error' } });
        }
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  response.end(text);
}

async function readJson(request: IncomingMessage, maxBytes: number): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  // Past the limit the rest is read and dropped, so the client gets the 413 rather than a reset connection.
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size <= maxBytes) chunks.push(chunk as Buffer);
  }
  if (size > maxBytes) throw new HttpError(413, 'too_large', `The request body is over ${maxBytes} bytes`);
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'invalid_json', 'The request body is not JSON');
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, 'bad_request', 'Expected a JSON object');
  return body as Record<string, unknown>;
}

function stringField(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (typeof value !== 'string' || value.length === 0 || value.length > 200) {
    throw new HttpError(400, 'bad_request', `"${name}" must be a non-empty string`);
  }
  return value;
}
