/**
 * Exam mode, learner side: a plain `fetch` client for the exam server. It
 * never sees the answer key: before submission it only receives learner views
 * and the list of answered questions. It imports quizkit for types only, so
 * it ships no scoring code and no key.
 */
// In an app: `from 'quizkit'`.
import type {
  AttemptReview,
  CombinedGrade,
  GradeMethod,
  LearnerQuestionView,
  LearnerView,
} from 'quizkit/attempts';
import type { QuizResult } from 'quizkit';

/** What the client saw of one exchange, for logging or auditing. */
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

/** The options of {@link createExamClient}. */
export interface ExamClientOptions {
  /** Called with every response the client receives. */
  readonly onResponse?: (exchange: Exchange) => void;
}

/** A refusal from the server: `{ error: { code, message, issues } }` with a 4xx status. */
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

/** The exam client's calls. */
export interface ExamClient {
  /** Starts an attempt; the view holds no key. */
  start(quizId: string, learnerId: string): Promise<{ attemptId: string; view: LearnerView }>;
  /** Reloads an attempt (after a page reload); with result and review once submitted. */
  resume(attemptId: string): Promise<{ view: LearnerView; result?: QuizResult; review?: AttemptReview }>;
  /** Sends one answer (`null` clears it). */
  answer(attemptId: string, questionId: string, response: unknown): Promise<{ answered: string[]; timeRemainingMs?: number }>;
  /** Submits; the server scores and returns the result and the review. */
  submit(attemptId: string): Promise<{ late: boolean; result: QuizResult; review: AttemptReview }>;
  /** The learner's combined grade over their submitted attempts. */
  grade(learnerId: string, quizId: string, method?: GradeMethod): Promise<{ grade: CombinedGrade | null }>;
}

/**
 * Creates a client for an exam server.
 *
 * @param baseUrl - The server's URL.
 * @param options - A hook that sees every response.
 * @returns The client.
 *
 * @example
 * ```ts
 * const client = createExamClient('http://127.0.0.1:54321');
 * const { attemptId, view } = await client.start('weather-check', 'learner-1');
 * await client.answer(attemptId, view.questions[0].id, 'nimbostratus');
 * const { result } = await client.submit(attemptId);
 * ```
 */
export function createExamClient(baseUrl: string, options: ExamClientOptions = {}): ExamClient {
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(new URL(path, baseUrl), {
      method,
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    const text = await response.text();
    options.onResponse?.({ method, path, status: response.status, body: text });
    const parsed = JSON.parse(text) as { error?: { code: string; message: string; issues?: unknown[] } };
    if (!response.ok) {
      const error = parsed.error ?? { code: 'http_error', message: `HTTP ${response.status}` };
      throw new ExamClientError(response.status, error.code, error.message, error.issues ?? []);
    }
    return parsed as T;
  }
  const id = encodeURIComponent;
  return {
    start: (quizId, learnerId) => call('POST', '/attempts', { quizId, learnerId }),
    resume: (attemptId) => call('GET', `/attempts/${id(attemptId)}`),
    answer: (attemptId, questionId, response) => call('PUT', `/attempts/${id(attemptId)}/answers/${id(questionId)}`, { response }),
    submit: (attemptId) => call('POST', `/attempts/${id(attemptId)}/submit`),
    grade: (learnerId, quizId, method = 'highest') =>
      call('GET', `/learners/${id(learnerId)}/quizzes/${id(quizId)}/grade?method=${method}`),
  };
}

/**
 * Takes a whole attempt as a learner would: start, answer each question with
 * `choose` (which sees only the learner view of the question; return
 * `undefined` to skip it), then submit.
 *
 * @param client - The exam client.
 * @param quizId - The quiz to take.
 * @param learnerId - Who takes it.
 * @param choose - Picks a response for a question from what the learner sees.
 * @returns The attempt id, the starting view and the submission's outcome.
 *
 * @example
 * ```ts
 * const outcome = await takeExam(client, 'weather-check', 'learner-1', (q) =>
 *   q.type === 'ordering' ? q.items.map((item) => item.id) : undefined,
 * );
 * outcome.result.percent;
 * ```
 */
export async function takeExam(
  client: ExamClient,
  quizId: string,
  learnerId: string,
  choose: (question: LearnerQuestionView) => unknown,
): Promise<{ attemptId: string; view: LearnerView; late: boolean; result: QuizResult; review: AttemptReview }> {
  const { attemptId, view } = await client.start(quizId, learnerId);
  for (const question of view.questions) {
    const response = choose(question);
    if (response !== undefined) await client.answer(attemptId, question.id, response);
  }
  return { attemptId, view, ...(await client.submit(attemptId)) };
}
