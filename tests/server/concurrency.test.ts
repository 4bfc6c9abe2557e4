// N = 200 concurrent answers and submits on one attempt (issue #12): exactly one
// submit wins, and every write acknowledged with 200 is in the final attempt.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type AttemptStore, createMemoryStore } from 'quizkit/server';
import { createSqliteStore } from 'quizkit/server/sqlite';
import { quiz } from '../attempts/fixtures.js';
import { setup } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'quizkit-race-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const N = 200;

/**
 * The store with latency on every call (a seeded 0–3 ms), as a disk or a
 * network gives it: requests then really interleave between reading an
 * attempt and writing it, instead of running one by one.
 */
function withLatency(store: AttemptStore): AttemptStore {
  let seed = 42;
  const pause = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return new Promise((done) => setTimeout(done, seed % 4));
  };
  const slow =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      await pause();
      const result = await call(...args);
      await pause();
      return result;
    };
  return {
    create: slow(store.create),
    get: slow(store.get),
    update: slow(store.update),
    listByLearnerQuiz: slow(store.listByLearnerQuiz),
    countOpen: slow(store.countOpen),
    close: store.close,
  };
}
const SINGLE = ['nimbostratus', 'cumulus', 'cirrus', 'stratus'];
const MULTI = [['fog'], ['cumulus'], ['cumulus', 'nimbostratus'], ['monsoon', 'tornado']];

describe.each([
  { name: 'memory', open: (): AttemptStore => createMemoryStore() },
  { name: 'sqlite', open: (): AttemptStore => createSqliteStore(join(dir, 'race.sqlite')) },
])('issue #12: $name store under 200 concurrent answers and submits', ({ open }) => {
  it('has exactly one winning submit and loses no acknowledged answer', { timeout: 30_000 }, async () => {
    const store = open();
    try {
      const { api } = setup({ store: withLatency(store) });
      const token = await api.learner();
      const { attemptId } = (await api.start(token, quiz.id)).json;
      // Every 20th request is a submit; the others answer q-single or q-multi with varying responses.
      const requests = Array.from({ length: N }, (_, i) =>
        i % 20 === 10
          ? { kind: 'submit' as const, run: () => api.submit(token, attemptId) }
          : i % 2 === 0
            ? { kind: 'answer' as const, questionId: 'q-single', response: SINGLE[i % 4], run: () => api.answer(token, attemptId, 'q-single', SINGLE[i % 4]) }
            : { kind: 'answer' as const, questionId: 'q-multi', response: MULTI[i % 4], run: () => api.answer(token, attemptId, 'q-multi', MULTI[i % 4]) },
      );
      // Clients send a request refused with `conflict` again, as examples/exam-server/client.ts does.
      let conflicts = 0;
      const withRetry = async (run: () => ReturnType<typeof api.submit>) => {
        for (let tries = 0; ; tries++) {
          const result = await run();
          if (!(result.status === 409 && result.json.error.code === 'conflict' && tries < 1_000)) return result;
          conflicts++;
        }
      };
      const results = await Promise.all(requests.map((request) => withRetry(request.run)));

      const submits = results.filter((_, i) => requests[i]!.kind === 'submit');
      expect(submits.filter((result) => result.status === 200)).toHaveLength(1);
      for (const result of results) {
        expect([200, 409]).toContain(result.status);
        if (result.status === 409) expect(result.json.error.code).toBe('already_submitted');
      }
      const final = (await api.view(token, attemptId)).json;
      expect(final.view.status).toBe('submitted');
      const record = await store.get(attemptId);
      const acknowledged = results.flatMap((result, i) => (result.status === 200 && requests[i]!.kind === 'answer' ? [{ ...requests[i]!, version: result.json.version as number }] : []));
      // Each acknowledged write made its own version, from 2 up to the submit's: none overwrote another.
      expect(record!.version).toBe(1 + acknowledged.length + 1);
      expect(new Set(acknowledged.map((answer) => answer.version)).size).toBe(acknowledged.length);
      // Per question, the last acknowledged answer is the one in the submitted attempt.
      for (const questionId of ['q-single', 'q-multi']) {
        const last = acknowledged.filter((answer) => 'questionId' in answer && answer.questionId === questionId).sort((a, b) => b.version - a.version)[0];
        if (last && 'response' in last) expect(final.view.responses[questionId]).toEqual(last.response);
        else expect(final.view.responses).not.toHaveProperty(questionId);
      }
      expect(acknowledged.length).toBeGreaterThan(0);
      // The latency made requests collide: the compare-and-set was exercised.
      expect(conflicts).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  });
});
