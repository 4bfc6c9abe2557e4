import type { Quiz, ReadonlyModule, ReadonlyQuiz } from '../schema/types.js';
import type { ReviewPolicy } from '../attempts/index.js';
import type { AttemptStore } from './store.js';

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
export type PerQuiz<T> = T | ((quiz: ReadonlyQuiz) => T | undefined);

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
  readonly modules: readonly ReadonlyModule[];
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
