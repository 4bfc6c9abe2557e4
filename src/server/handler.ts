import {
  type Attempt,
  type GradeMethod,
  type SubmittedAttempt,
  answer,
  combineGrades,
  learnerView,
  parseAttempt,
  serializeAttempt,
  startAttempt,
  submitAttempt,
  timeRemaining,
} from '../attempts/index.js';
import type { DeepReadonly, Module, Quiz } from '../schema/types.js';
import { HttpError, errorResponse } from './errors.js';
import { idParameter, internalError, json, pathSegments, readJsonObject } from './http.js';
import { type LearnerTokens, bearerLearner, learnerTokens, randomId } from './identity.js';
import { EXAM_REVIEW_POLICY, type ReviewPolicy, reviewAttempt, reviewVisibility } from './review-shim.js';
import type { AttemptStore, StoredAttempt } from './store.js';

/**
 * A web-standard request handler: what {@link createExamHandler} returns.
 * Mount it on anything that speaks `Request`/`Response` (Deno, Bun, Hono,
 * edge runtimes), or on `node:http` with `toNodeListener` from
 * `quizkit/server/node`.
 *
 * @example
 * ```ts
 * import type { ExamHandler } from 'quizkit/server';
 * const notFound: ExamHandler = async () => new Response(null, { status: 404 });
 * ```
 */
export type ExamHandler = (request: Request) => Promise<Response>;

/**
 * A per-quiz setting: one value for every quiz, or a function of the quiz
 * (return `undefined` for "no limit" / "never").
 *
 * @example
 * ```ts
 * import type { PerQuiz } from 'quizkit/server';
 * const maxAttempts: PerQuiz<number> = (quiz) => (quiz.id === 'final-exam' ? 1 : 3);
 * ```
 */
export type PerQuiz<T> = T | ((quiz: DeepReadonly<Quiz>) => T | undefined);

/**
 * The options of {@link createExamHandler}.
 *
 * @example
 * ```ts
 * import { createMemoryStore, type ExamHandlerOptions } from 'quizkit/server';
 * import { northKoreaChina } from 'quizkit/modules';
 * const options: ExamHandlerOptions = { modules: [northKoreaChina], store: createMemoryStore(), maxAttempts: 2 };
 * ```
 */
export interface ExamHandlerOptions {
  /** The parsed modules whose quizzes learners can take. Quiz ids must be unique across them. */
  readonly modules: readonly DeepReadonly<Module>[];
  /** Where attempts are kept. */
  readonly store: AttemptStore;
  /** The clock, in epoch milliseconds (default `Date.now`). */
  readonly now?: () => number;
  /** Seconds after the deadline a submission is still on time (default: quizkit's 30). */
  readonly graceSeconds?: number;
  /** Attempts a learner may start at a quiz (default 1). */
  readonly maxAttempts?: PerQuiz<number>;
  /** Attempts a learner may have in progress at once, over all quizzes (default 3). */
  readonly maxOpenAttempts?: number;
  /** When a quiz closes, in epoch milliseconds: no attempt starts and no answer is taken after it (default: never). */
  readonly closesAt?: PerQuiz<number>;
  /** What reviews show, and when (default `EXAM_REVIEW_POLICY`: the right answers only once attempts are used up or the quiz closed). */
  readonly review?: ReviewPolicy;
  /** The largest request body, in bytes (default 64 KiB). */
  readonly maxBodyBytes?: number;
  /**
   * Who makes a request: the host application's authentication (a session,
   * a verified JWT…). Return the learner id, or `undefined` for a 401.
   * Without it the handler issues signed learner tokens (`POST /v1/learners`)
   * and expects `Authorization: Bearer <token>`.
   */
  readonly identify?: (request: Request) => Promise<string | undefined>;
  /** The secret that signs learner tokens (≥ 32 bytes); random per handler when absent, so tokens then die with it. */
  readonly secret?: string | Uint8Array;
  /** Sees every unexpected error (500) and store failure (503), e.g. to log it. Nothing of it reaches the client. */
  readonly onError?: (error: unknown) => void;
}

/** A store failure: answered 503, and reported to `onError`. */
class StoreFailure extends Error {
  constructor(readonly original: unknown) {
    super('The attempt store failed');
  }
}

const GRADE_METHODS: readonly GradeMethod[] = ['highest', 'average', 'first', 'last'];
const MAX_LEARNER_ID_LENGTH = 256;

/**
 * Creates the exam API as a web-standard request handler: start an attempt,
 * view it, answer, submit, review, grade — under `/v1/`, JSON in and out,
 * error bodies `{ error: { code, message, issues } }` (see
 * `SERVER_ERROR_CODES`). The answer key never leaves the server before
 * submission, and after it only as the review policy allows.
 *
 * Hardened: every malformed URL, header or body is a 4xx, never a throw
 * (an unexpected error is a bodyless 500 `internal`); bodies must be
 * `application/json` and are cut off at `maxBodyBytes` while streaming;
 * every write is compare-and-set on the attempt's version, with the body read
 * before the attempt is loaded, so concurrent requests cannot undo each other
 * (the loser gets 409 `conflict`).
 *
 * @param options - The modules, the store, limits, identity and review policy.
 * @returns The handler.
 *
 * @example
 * ```ts
 * import { createExamHandler, createMemoryStore } from 'quizkit/server';
 * import { northKoreaChina } from 'quizkit/modules';
 * const handle = createExamHandler({ modules: [northKoreaChina], store: createMemoryStore() });
 * const issued = await handle(new Request('http://exam/v1/learners', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }));
 * const { token } = (await issued.json()) as { token: string };
 * const started = await handle(new Request(`http://exam/v1/quizzes/${northKoreaChina.quizzes[0].id}/attempts`, {
 *   method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: '{}',
 * }));
 * started.status; //=> 201
 * (await handle(new Request('http://exam/%ff'))).status; //=> 400
 * ```
 */
export function createExamHandler(options: ExamHandlerOptions): ExamHandler {
  const { store } = options;
  const now = options.now ?? Date.now;
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024;
  const maxOpenAttempts = options.maxOpenAttempts ?? 3;
  const policy = options.review ?? EXAM_REVIEW_POLICY;
  const submitOptions = options.graceSeconds === undefined ? {} : { graceSeconds: options.graceSeconds };
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes < 2) throw new RangeError(`maxBodyBytes must be an integer ≥ 2; found ${String(maxBodyBytes)}`);
  if (!Number.isSafeInteger(maxOpenAttempts) || maxOpenAttempts < 1) throw new RangeError(`maxOpenAttempts must be a positive integer; found ${String(maxOpenAttempts)}`);

  const quizzes = new Map<string, DeepReadonly<Quiz>>();
  for (const module of options.modules) {
    for (const quiz of module.quizzes) {
      if (quizzes.has(quiz.id)) throw new RangeError(`Quiz id "${quiz.id}" is in two modules; quiz ids must be unique across the handler's modules`);
      quizzes.set(quiz.id, quiz);
    }
  }
  const perQuiz = (setting: PerQuiz<number> | undefined, quiz: DeepReadonly<Quiz>, name: string, fallback?: number): number | undefined => {
    const value = typeof setting === 'function' ? setting(quiz) : (setting ?? fallback);
    if (value !== undefined && (!Number.isSafeInteger(value) || value < 1)) throw new RangeError(`${name} for quiz "${quiz.id}" must be a positive integer; found ${String(value)}`);
    return value;
  };
  const maxAttemptsOf = (quiz: DeepReadonly<Quiz>) => perQuiz(options.maxAttempts, quiz, 'maxAttempts', 1);
  const closesAtOf = (quiz: DeepReadonly<Quiz>) => perQuiz(options.closesAt, quiz, 'closesAt');

  const tokens: LearnerTokens | undefined = options.identify ? undefined : learnerTokens(options.secret ?? crypto.getRandomValues(new Uint8Array(32)));
  async function learnerOf(request: Request): Promise<string> {
    if (tokens) return bearerLearner(request, tokens);
    const learnerId = await options.identify!(request);
    if (learnerId === undefined) throw new HttpError(401, 'unauthorized', 'Not signed in');
    if (typeof learnerId !== 'string' || learnerId.length === 0 || learnerId.length > MAX_LEARNER_ID_LENGTH) {
      throw new TypeError('identify() must return a learner id of 1 to 256 characters, or undefined');
    }
    return learnerId;
  }

  /** Every store call goes through here: a failure becomes 503, never a half-answered request. */
  async function stored<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw new StoreFailure(error);
    }
  }

  function quizOf(quizId: string): DeepReadonly<Quiz> {
    const quiz = quizzes.get(quizId);
    if (!quiz) throw new HttpError(404, 'unknown_quiz', `No quiz "${quizId}"`);
    return quiz;
  }

  /** The learner's attempt, parsed; 404 for an unknown id and for another learner's attempt alike. */
  async function load(attemptId: string, learnerId: string): Promise<{ record: StoredAttempt; attempt: Attempt; quiz: DeepReadonly<Quiz> }> {
    const record = await stored(() => store.get(attemptId));
    if (!record || record.learnerId !== learnerId) throw new HttpError(404, 'unknown_attempt', 'No such attempt');
    const quiz = quizOf(record.quizId);
    return { record, attempt: parseAttempt(record.saved, { quiz }), quiz };
  }

  async function write(record: StoredAttempt, attempt: Attempt): Promise<StoredAttempt> {
    const next = await stored(() => store.update(record.id, record.version, { status: attempt.status, saved: serializeAttempt(attempt) }));
    if (!next) throw new HttpError(409, 'conflict', 'The attempt changed while this request was handled; send it again');
    return next;
  }

  /** The review of a submitted attempt, as far as the policy shows it now. */
  async function reviewOf(record: StoredAttempt, attempt: SubmittedAttempt, quiz: DeepReadonly<Quiz>, clock: number) {
    const all = await stored(() => store.listByLearnerQuiz(record.learnerId, record.quizId));
    const attemptsUsed = all.filter((other) => other.status === 'submitted' || other.id === record.id).length;
    const maxAttempts = maxAttemptsOf(quiz);
    const closesAt = closesAtOf(quiz);
    const show = reviewVisibility(policy, {
      attemptsUsed,
      now: clock,
      ...(maxAttempts === undefined ? {} : { maxAttempts }),
      ...(closesAt === undefined ? {} : { closesAt }),
    });
    return reviewAttempt(quiz, attempt, { show });
  }

  function attemptBody(record: StoredAttempt, attempt: Attempt, quiz: DeepReadonly<Quiz>, clock: number) {
    const remaining = attempt.status === 'in-progress' ? timeRemaining(attempt, clock) : undefined;
    return { attemptId: record.id, view: learnerView(quiz, attempt), ...(remaining === undefined ? {} : { timeRemainingMs: remaining }) };
  }

  function assertOpen(quiz: DeepReadonly<Quiz>, clock: number): void {
    const closesAt = closesAtOf(quiz);
    if (closesAt !== undefined && clock >= closesAt) throw new HttpError(409, 'quiz_closed', `Quiz "${quiz.id}" is closed`);
  }

  type Route = { readonly methods: Readonly<Record<string, (request: Request) => Promise<Response>>> };

  function route(segments: readonly string[], query: URLSearchParams): Route | undefined {
    const [version, collection, id, action, questionId, ...rest] = segments;
    if (version !== 'v1' || rest.length > 0) return undefined;
    if (collection === 'learners' && id === undefined) {
      return {
        methods: {
          POST: async (request) => {
            if (!tokens) throw new HttpError(404, 'not_found', 'This server identifies learners itself; it issues no tokens');
            await readJsonObject(request, maxBodyBytes);
            const { learnerId, token } = await tokens.issue();
            return json(201, { learnerId, token });
          },
        },
      };
    }
    if (collection === 'quizzes' && id !== undefined && action === 'attempts' && questionId === undefined) {
      return {
        methods: {
          POST: async (request) => {
            const learnerId = await learnerOf(request);
            await readJsonObject(request, maxBodyBytes);
            const quiz = quizOf(idParameter(id, 'quizId'));
            const clock = now();
            assertOpen(quiz, clock);
            const previous = await stored(() => store.listByLearnerQuiz(learnerId, quiz.id));
            // One attempt in progress per quiz: starting again resumes it.
            const open = previous.find((record) => record.status === 'in-progress');
            if (open) return json(200, attemptBody(open, parseAttempt(open.saved, { quiz }), quiz, clock));
            const maxAttempts = maxAttemptsOf(quiz);
            if (maxAttempts !== undefined && previous.length >= maxAttempts) {
              throw new HttpError(409, 'attempt_limit', `All ${maxAttempts} allowed attempt(s) at quiz "${quiz.id}" are used`);
            }
            if ((await stored(() => store.countOpen(learnerId))) >= maxOpenAttempts) {
              throw new HttpError(409, 'open_attempt_limit', `Submit an attempt in progress first: at most ${maxOpenAttempts} at once`);
            }
            const attemptNumber = previous.reduce((max, record) => Math.max(max, record.attemptNumber), 0) + 1;
            // The seed stays on the server: with it and the view a client could undo the shuffle.
            const attempt = startAttempt(quiz, { now: clock, seed: randomId(16), attemptNumber });
            const record = await stored(() =>
              store.create({ id: randomId(16), learnerId, quizId: quiz.id, attemptNumber, status: 'in-progress', saved: serializeAttempt(attempt) }),
            );
            // Another request started this attempt number first.
            if (!record) throw new HttpError(409, 'conflict', 'Another attempt was started at the same time; send the request again');
            return json(201, attemptBody(record, attempt, quiz, clock));
          },
          GET: async (request) => {
            const learnerId = await learnerOf(request);
            const quiz = quizOf(idParameter(id, 'quizId'));
            const records = await stored(() => store.listByLearnerQuiz(learnerId, quiz.id));
            const maxAttempts = maxAttemptsOf(quiz);
            return json(200, {
              quizId: quiz.id,
              attempts: records.map((record) => ({ attemptId: record.id, attemptNumber: record.attemptNumber, status: record.status })),
              ...(maxAttempts === undefined ? {} : { maxAttempts }),
            });
          },
        },
      };
    }
    if (collection === 'quizzes' && id !== undefined && action === 'grade' && questionId === undefined) {
      return {
        methods: {
          GET: async (request) => {
            const learnerId = await learnerOf(request);
            const quiz = quizOf(idParameter(id, 'quizId'));
            const method = query.get('method') ?? 'highest';
            if (!(GRADE_METHODS as readonly string[]).includes(method)) {
              throw new HttpError(400, 'bad_request', 'method is one of highest, average, first, last', [{ code: 'bad_request', path: ['query', 'method'], message: 'Unknown grading method' }]);
            }
            const records = await stored(() => store.listByLearnerQuiz(learnerId, quiz.id));
            const submitted = records.filter((record) => record.status === 'submitted');
            const maxAttempts = maxAttemptsOf(quiz);
            const closesAt = closesAtOf(quiz);
            const show = reviewVisibility(policy, {
              attemptsUsed: submitted.length,
              now: now(),
              ...(maxAttempts === undefined ? {} : { maxAttempts }),
              ...(closesAt === undefined ? {} : { closesAt }),
            });
            if (!show.marks) return json(200, { grade: null, hidden: true });
            const attempts = submitted.map((record) => parseAttempt(record.saved, { quiz })).filter((a): a is SubmittedAttempt => a.status === 'submitted');
            return json(200, { grade: combineGrades(attempts, method as GradeMethod) ?? null });
          },
        },
      };
    }
    if (collection === 'attempts' && id !== undefined) {
      if (action === undefined) {
        return {
          methods: {
            GET: async (request) => {
              const learnerId = await learnerOf(request);
              const { record, attempt, quiz } = await load(idParameter(id, 'attemptId'), learnerId);
              const clock = now();
              const body = attemptBody(record, attempt, quiz, clock);
              if (attempt.status !== 'submitted') return json(200, body);
              const review = await reviewOf(record, attempt, quiz, clock);
              return json(200, { ...body, late: attempt.late, result: review.result, review });
            },
          },
        };
      }
      if (action === 'answers' && questionId !== undefined) {
        return {
          methods: {
            PUT: async (request) => {
              const learnerId = await learnerOf(request);
              idParameter(id, 'attemptId');
              idParameter(questionId, 'questionId');
              // The body first, then the attempt: a slow body can never carry a stale attempt into the write.
              const body = await readJsonObject(request, maxBodyBytes);
              if (!Object.hasOwn(body, 'response')) {
                throw new HttpError(400, 'bad_request', 'Send { "response": … } (null clears the answer)', [{ code: 'bad_request', path: ['response'], message: 'Required' }]);
              }
              const { record, attempt, quiz } = await load(id, learnerId);
              const clock = now();
              if (attempt.status === 'in-progress') assertOpen(quiz, clock);
              const next = answer(attempt, quiz, questionId, body.response, clock);
              const written = await write(record, next);
              const remaining = timeRemaining(next, clock);
              return json(200, { answered: Object.keys(next.answers), version: written.version, ...(remaining === undefined ? {} : { timeRemainingMs: remaining }) });
            },
          },
        };
      }
      if (action === 'submit' && questionId === undefined) {
        return {
          methods: {
            POST: async (request) => {
              const learnerId = await learnerOf(request);
              idParameter(id, 'attemptId');
              await readJsonObject(request, maxBodyBytes);
              const { record, attempt, quiz } = await load(id, learnerId);
              const clock = now();
              const done = submitAttempt(attempt, quiz, clock, submitOptions);
              const written = await write(record, done);
              const review = await reviewOf(written, done, quiz, clock);
              return json(200, { attemptId: record.id, late: done.late, result: review.result, review });
            },
          },
        };
      }
      if (action === 'review' && questionId === undefined) {
        return {
          methods: {
            GET: async (request) => {
              const learnerId = await learnerOf(request);
              const { record, attempt, quiz } = await load(idParameter(id, 'attemptId'), learnerId);
              if (attempt.status !== 'submitted') throw new HttpError(409, 'conflict', 'The review is available after submission');
              return json(200, { review: await reviewOf(record, attempt, quiz, now()) });
            },
          },
        };
      }
    }
    return undefined;
  }

  async function handle(request: Request): Promise<Response> {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      throw new HttpError(400, 'bad_request', 'The request URL is malformed');
    }
    const found = route(pathSegments(url), url.searchParams);
    if (!found) throw new HttpError(404, 'not_found', 'No such route');
    const method = Object.hasOwn(found.methods, request.method) ? found.methods[request.method] : undefined;
    if (!method) {
      const allow = Object.keys(found.methods).join(', ');
      throw new HttpError(405, 'method_not_allowed', `Use ${allow}`, [], { allow });
    }
    return method(request);
  }

  return async (request) => {
    try {
      return await handle(request);
    } catch (error) {
      try {
        if (error instanceof StoreFailure) {
          options.onError?.(error.original);
          return json(503, { error: { code: 'store_unavailable', message: 'The attempt store is unavailable; try again', issues: [] } }, { 'retry-after': '1' });
        }
        const { status, body, headers } = errorResponse(error);
        if (status >= 500) options.onError?.(error);
        return json(status, body, headers);
      } catch {
        return internalError();
      }
    }
  };
}
