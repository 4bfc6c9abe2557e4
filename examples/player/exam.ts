/**
 * Exam mode: the quiz, its key, the attempts and their seeds stay on the exam
 * server (`examples/exam-server/`). The page holds only the attempt id (in
 * `localStorage`, to resume after a reload) and receives only learner views
 * until it submits; the result and the review come back from the server.
 *
 * This chunk imports no quizkit code at run time: it talks to the server
 * through the example's plain `fetch` client.
 */
import { ExamClientError, createExamClient } from '../exam-server/client.js';
import { type Backend, SaveRefused, type Session, storageKey } from './backend.js';
import type { KeyValueStore } from './storage.js';

/**
 * Whether the server's refusal is final: a 4xx other than 408 (timeout) and
 * 429 (too many requests) will be the same answer next time (time is up, the
 * attempt is submitted, the answer is invalid). A network failure (`fetch`
 * rejects with a `TypeError`) or a 5xx may pass, so the save queue retries it.
 */
const isFinal = (error: unknown): error is ExamClientError =>
  error instanceof ExamClientError && error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429;

/**
 * Creates exam mode for one quiz.
 *
 * @param apiBase - The exam server's URL; it serves `/attempts…` at its root (same origin as the page, under the CSP).
 * @param quizId - The quiz to take.
 * @param learnerId - Who takes it (a real server takes this from its session).
 * @param storage - Where to keep the attempt id (`localStorage`, guarded: it never throws).
 * @returns The backend.
 */
export function createExamBackend(apiBase: string, quizId: string, learnerId: string, storage: KeyValueStore): Backend {
  const client = createExamClient(apiBase);
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
          if (!(error instanceof ExamClientError && error.status === 404)) throw error;
          return { ...(await started()), notice: 'Your earlier attempt is no longer on the server, so a new attempt has started.' };
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
    async submit() {
      const { late, result, review } = await client.submit(current());
      return { late, result, review };
    },
    restart: started,
  };
}
