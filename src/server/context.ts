import {
  type Attempt,
  type SubmittedAttempt,
  learnerView,
  parseAttempt,
  serializeAttempt,
  timeRemaining,
} from '../attempts/index.js';
import type { Quiz, ReadonlyQuiz } from '../schema/types.js';
import { HttpError } from './errors.js';
import { type LearnerTokens, bearerLearner, learnerTokens } from './identity.js';
import type { ExamHandlerOptions, PerQuiz } from './options.js';
import { EXAM_REVIEW_POLICY, reviewAttempt, reviewVisibility } from '../attempts/index.js';
import type { StoredAttempt } from './store.js';

/** A store failure: answered 503, and reported to `onError`. */
export class StoreFailure extends Error {
  constructor(readonly original: unknown) {
    super('The attempt store failed');
  }
}

const MAX_LEARNER_ID_LENGTH = 256;

/** What every route needs: the settings, the quizzes, who is asking, and the store calls that turn failures into answers. */
export type ExamContext = ReturnType<typeof createContext>;

/** Checks the handler's options once and builds the {@link ExamContext} its routes share. */
export function createContext(options: ExamHandlerOptions) {
  const { store } = options;
  const now = options.now ?? Date.now;
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024;
  const maxOpenAttempts = options.maxOpenAttempts ?? 3;
  const policy = options.review ?? EXAM_REVIEW_POLICY;
  const submitOptions = options.graceSeconds === undefined ? {} : { graceSeconds: options.graceSeconds };
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes < 2) throw new RangeError(`maxBodyBytes must be an integer ≥ 2; found ${String(maxBodyBytes)}`);
  if (!Number.isSafeInteger(maxOpenAttempts) || maxOpenAttempts < 1) throw new RangeError(`maxOpenAttempts must be a positive integer; found ${String(maxOpenAttempts)}`);

  const quizzes = new Map<string, ReadonlyQuiz>();
  for (const module of options.modules) {
    for (const quiz of module.quizzes) {
      if (quizzes.has(quiz.id)) throw new RangeError(`Quiz id "${quiz.id}" is in two modules; quiz ids must be unique across the handler's modules`);
      quizzes.set(quiz.id, quiz);
    }
  }
  const perQuiz = (setting: PerQuiz<number> | undefined, quiz: ReadonlyQuiz, name: string, fallback?: number): number | undefined => {
    const value = typeof setting === 'function' ? setting(quiz) : (setting ?? fallback);
    if (value !== undefined && (!Number.isSafeInteger(value) || value < 1)) throw new RangeError(`${name} for quiz "${quiz.id}" must be a positive integer; found ${String(value)}`);
    return value;
  };
  const maxAttemptsOf = (quiz: ReadonlyQuiz) => perQuiz(options.maxAttempts, quiz, 'maxAttempts', 1);
  const closesAtOf = (quiz: ReadonlyQuiz) => perQuiz(options.closesAt, quiz, 'closesAt');

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

  function quizOf(quizId: string): ReadonlyQuiz {
    const quiz = quizzes.get(quizId);
    if (!quiz) throw new HttpError(404, 'unknown_quiz', `No quiz "${quizId}"`);
    return quiz;
  }

  /** The learner's attempt, parsed; 404 for an unknown id and for another learner's attempt alike. */
  async function load(attemptId: string, learnerId: string): Promise<{ record: StoredAttempt; attempt: Attempt; quiz: ReadonlyQuiz }> {
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
  async function reviewOf(record: StoredAttempt, attempt: SubmittedAttempt, quiz: ReadonlyQuiz, clock: number) {
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

  function attemptBody(record: StoredAttempt, attempt: Attempt, quiz: ReadonlyQuiz, clock: number) {
    const remaining = attempt.status === 'in-progress' ? timeRemaining(attempt, clock) : undefined;
    return { attemptId: record.id, view: learnerView(quiz, attempt), ...(remaining === undefined ? {} : { timeRemainingMs: remaining }) };
  }

  function assertOpen(quiz: ReadonlyQuiz, clock: number): void {
    const closesAt = closesAtOf(quiz);
    if (closesAt !== undefined && clock >= closesAt) throw new HttpError(409, 'quiz_closed', `Quiz "${quiz.id}" is closed`);
  }

  return { store, now, maxBodyBytes, maxOpenAttempts, policy, submitOptions, tokens, learnerOf, stored, quizOf, load, write, reviewOf, attemptBody, assertOpen, maxAttemptsOf, closesAtOf };
}
