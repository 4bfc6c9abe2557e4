import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SaveRefused, type SaveStatus, backoffDelay, createSaveQueue } from '../../src/player/storage/save-queue.js';

/** A save call the test settles by hand, one request at a time. */
function manualSaves() {
  const calls: { questionId: string; response: string | null; resolve: () => void; reject: (error: unknown) => void }[] = [];
  const save = (questionId: string, response: string | null) =>
    new Promise<void>((resolve, reject) => {
      calls.push({ questionId, response, resolve, reject });
    });
  return { calls, save };
}

const networkDown = () => new TypeError('Failed to fetch');

describe('issue #12.8: the save queue never loses an answer silently (fake clock)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function setup() {
    const { calls, save } = manualSaves();
    const statuses: [string, SaveStatus['state']][] = [];
    // random 1: the top of the jitter range, so the delays are exactly 0.5 s, 1 s, 2 s …
    const queue = createSaveQueue<string>({ save, onStatus: (id, status) => statuses.push([id, status.state]), random: () => 1 });
    return { calls, statuses, queue };
  }

  it('sends one request at a time, and per question only the latest response', async () => {
    const { calls, queue } = setup();
    queue.set('q1', 'a');
    queue.set('q2', 'x');
    queue.set('q1', 'b');
    queue.set('q1', 'c');
    expect(calls.map((c) => [c.questionId, c.response])).toEqual([['q1', 'a']]);
    expect(queue.status('q1').state).toBe('saving');
    calls[0]!.resolve();
    await vi.advanceTimersByTimeAsync(0);
    // 'a' is saved but outdated: q1 stays "saving" and is queued behind q2 (changed after q2).
    expect(queue.status('q1').state).toBe('saving');
    expect(calls.map((c) => [c.questionId, c.response])).toEqual([['q1', 'a'], ['q2', 'x']]);
    calls[1]!.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((c) => [c.questionId, c.response])).toEqual([['q1', 'a'], ['q2', 'x'], ['q1', 'c']]);
    calls[2]!.resolve();
    await queue.settled();
    expect(queue.unsaved()).toEqual([]);
    expect([queue.status('q1').state, queue.status('q2').state]).toEqual(['saved', 'saved']);
  });

  it('retries a failed save with exponential backoff, shows it not saved meanwhile, and then saved', async () => {
    const { calls, queue, statuses } = setup();
    queue.set('q1', 'a');
    const sentAt: number[] = [Date.now()];
    for (let failure = 0; failure < 7; failure++) {
      calls.at(-1)!.reject(networkDown());
      await vi.advanceTimersByTimeAsync(0);
      const status = queue.status('q1');
      expect(status.state).toBe('unsaved');
      expect(queue.unsaved()).toEqual(['q1']);
      const count = calls.length;
      await vi.advanceTimersByTimeAsync((status as { retryAt: number }).retryAt - Date.now() - 1);
      expect(calls).toHaveLength(count); // not before its time
      await vi.advanceTimersByTimeAsync(1);
      expect(calls).toHaveLength(count + 1);
      sentAt.push(Date.now());
    }
    const delays = sentAt.slice(1).map((at, i) => at - sentAt[i]!);
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 15_000, 15_000]);
    calls.at(-1)!.resolve();
    await queue.settled();
    expect(queue.status('q1').state).toBe('saved');
    // "Not saved" from the first failure until a retry succeeds: no flicker back to "saving" on each retry.
    expect(statuses).toEqual([['q1', 'saving'], ...Array.from({ length: 7 }, () => ['q1', 'unsaved']), ['q1', 'saved']]);
  });

  it('while it waits for the network, the other answers wait too, and "Retry now" sends them at once', async () => {
    const { calls, queue } = setup();
    queue.set('q1', 'a');
    calls[0]!.reject(networkDown());
    await vi.advanceTimersByTimeAsync(0);
    queue.set('q2', 'x');
    expect(queue.status('q2').state).toBe('unsaved');
    expect(calls).toHaveLength(1);
    await queue.settled(); // nothing in flight: a submission would now see two unsaved answers
    expect(queue.unsaved()).toEqual(['q1', 'q2']);
    queue.retryNow();
    expect(calls.map((c) => c.questionId)).toEqual(['q1', 'q1']);
    calls[1]!.resolve();
    await vi.advanceTimersByTimeAsync(0);
    calls[2]!.resolve();
    await queue.settled();
    expect(calls.map((c) => c.questionId)).toEqual(['q1', 'q1', 'q2']);
    expect(queue.unsaved()).toEqual([]);
    // The backoff timer was cleared: nothing more is sent later.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(3);
  });

  it('does not retry a final refusal, shows its message, and sends again once the learner answers again', async () => {
    const { calls, queue } = setup();
    queue.set('q1', 'bad');
    calls[0]!.reject(new SaveRefused('The response is not one of the options.'));
    await queue.settled();
    expect(queue.status('q1')).toEqual({ state: 'refused', message: 'The response is not one of the options.' });
    expect(queue.unsaved()).toEqual(['q1']);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(1);
    queue.set('q1', 'good');
    expect(calls.map((c) => c.response)).toEqual(['bad', 'good']);
    calls[1]!.resolve();
    await queue.settled();
    expect(queue.status('q1').state).toBe('saved');
  });

  it('a newer response during a failed save is what gets retried', async () => {
    const { calls, queue } = setup();
    queue.set('q1', 'a');
    queue.set('q1', 'b');
    calls[0]!.reject(networkDown());
    await vi.advanceTimersByTimeAsync(500);
    expect(calls.map((c) => c.response)).toEqual(['a', 'b']);
  });

  it('settled() waits for the save in flight', async () => {
    const { calls, queue } = setup();
    queue.set('q1', 'a');
    let settled = false;
    void queue.settled().then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(1000);
    expect(settled).toBe(false);
    calls[0]!.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(true);
  });

  it('stops retrying once stopped', async () => {
    const { calls, queue } = setup();
    queue.set('q1', 'a');
    calls[0]!.reject(networkDown());
    await vi.advanceTimersByTimeAsync(0);
    queue.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(1);
  });
});

describe('backoffDelay', () => {
  it('doubles from the base up to the cap, with jitter in the upper half', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (failures, random) => {
        const full = Math.min(15_000, 500 * 2 ** (failures - 1));
        const delay = backoffDelay(failures, random);
        expect(delay).toBeGreaterThanOrEqual(Math.floor(full / 2));
        expect(delay).toBeLessThanOrEqual(full);
        expect(backoffDelay(failures + 1, random)).toBeGreaterThanOrEqual(delay);
      }),
      { seed: 1234, numRuns: 500 },
    );
  });
});
