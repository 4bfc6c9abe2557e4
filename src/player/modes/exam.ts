/**
 * Exam mode: the quiz, its key, the attempts and their seeds stay on the exam
 * server (`examples/exam-server/`). The page holds only the attempt id (in
 * `localStorage`, to resume after a reload) and receives only learner views
 * until it submits; the result and the review come back from the server.
 *
 * This chunk imports no quizkit code at run time: it talks to the server
 * through the example's plain `fetch` client.
 */
import type { AttemptReview, CheckOutcome, LearnerView } from '../../attempts/index.js';
import { type Backend, SaveRefused, type Session, storageKey } from './backend.js';
import type { KeyValueStore } from '../storage/guarded.js';

/**
 * Whether the server's refusal is final: a 4xx other than 408 (timeout) and
 * 429 (too many requests) will be the same answer next time (time is up, the
 * attempt is submitted, the answer is invalid). A network failure (`fetch`
 * rejects with a `TypeError`) or a 5xx may pass, so the save queue retries it.
 */
const statusOf = (error: unknown): number | undefined => {
  const status: unknown = error instanceof Error ? (error as Error & { status?: unknown }).status : undefined;
  return typeof status === 'number' ? status : undefined;
};
const isFinal = (error: unknown): error is Error => {
  const status = statusOf(error);
  return status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 429;
};

/**
 * What exam mode needs from the host: the calls of a `quizkit/server` exam API
 * client (`examples/exam-server/client.ts` `createExamClient` is one). A call
 * that the server refuses rejects with an `Error` carrying the HTTP `status`.
  *
 * @example
 * ```ts
 * import { createExamClient, type ExamTransport } from 'quizkit/player';
 * const transport: ExamTransport = createExamClient('https://exams.example.org/');
 * ```
 */
export interface ExamTransport {
  /** Starts an attempt, or resumes the one in progress. */
  start(quizId: string, learnerId?: string): Promise<{ attemptId: string; view: LearnerView }>;
  /** Reloads an attempt; with the result and review once submitted. */
  resume(attemptId: string): Promise<{ view: LearnerView; result?: AttemptReview['result']; review?: AttemptReview }>;
  /** Sends one answer (`null` clears it). */
  answer(attemptId: string, questionId: string, response: unknown): Promise<unknown>;
  /** Checks one try (behaviours that check tries); without it, exam mode shows no Check button. */
  check?(attemptId: string, questionId: string, response: unknown, certainty?: 1 | 2 | 3): Promise<{ outcome: CheckOutcome }>;
  /** Submits; returns the result and review as the server's policy allows. */
  submit(attemptId: string): Promise<{ late: boolean; result: AttemptReview['result']; review: AttemptReview }>;
}

/**
 * Creates exam mode for one quiz.
 *
 * @param client - The transport to the exam server.
 * @param quizId - The quiz to take.
 * @param learnerId - Who takes it (a real server takes this from its session).
 * @param storage - Where to keep the attempt id (`localStorage`, guarded: it never throws).
 * @returns The backend.
 *
 * @example
 * ```ts
 * const backend = createExamBackend(createExamClient('https://exam.example'), 'final', 'learner-1', guardedStorage(() => localStorage, () => {}));
 * ```
 */
export function createExamBackend(client: ExamTransport, quizId: string, learnerId: string, storage: KeyValueStore): Backend {
  const key = storageKey('exam', quizId, learnerId);
  let attemptId: string | undefined;

  const started = async (): Promise<Session> => {
    const { attemptId: id, view } = await client.start(quizId, learnerId);
    attemptId = id;
    storage.setItem(key, id);
    return { view };
  };
  const current = (): string => {
    if (attemptId === undefined) throw new Error('No attempt is open');
    return attemptId;
  };

  return {
    mode: 'exam',
    quizId,
    async open() {
      const saved = storage.getItem(key);
      if (saved !== null) {
        try {
          const { view, result, review } = await client.resume(saved);
          attemptId = saved;
          return result && review ? { view, submitted: { result, review, late: review.late } } : { view };
        } catch (error) {
          // The server no longer knows the attempt (it restarted): start a new one.
          if (statusOf(error) !== 404) throw error;
          return { ...(await started()), notice: 'exam_gone' };
        }
      }
      return started();
    },
    async answer(questionId, response) {
      try {
        await client.answer(current(), questionId, response);
      } catch (error) {
        throw isFinal(error) ? new SaveRefused(error.message) : error;
      }
    },
    ...(client.check
      ? {
          async check(questionId: string, response: unknown, certainty?: 1 | 2 | 3) {
            try {
              return (await client.check!(current(), questionId, response, certainty)).outcome;
            } catch (error) {
              throw isFinal(error) ? new SaveRefused(error.message) : error;
            }
          },
        }
      : {}),
    async submit() {
      const { late, result, review } = await client.submit(current());
      return { late, result, review };
    },
    restart: started,
  };
}
