/**
 * The save queue: sends the learner's answers to the backend so that none is
 * lost silently. It holds no DOM and reads no clock of its own (timers and
 * randomness are injected), so its logic is unit-tested with a fake clock.
 *
 * - Per question, the latest response wins: while one save is in flight, a
 *   newer response waits as the question's one pending value, and older
 *   pending values are dropped, never sent.
 * - One request at a time, in the order answered, so answers to one attempt
 *   never race each other on the server.
 * - A failure that may pass (network, 5xx) pauses the queue and retries with
 *   exponential backoff and jitter (0.5 s, 1 s, 2 s … at most 15 s);
 *   `retryNow()` retries at once. One backoff for the whole queue, not one per
 *   question: when the network is down it is down for every answer.
 * - A final refusal (the backend throws {@link SaveRefused}: time is up, the
 *   attempt is submitted, the answer is invalid) is not retried; the question
 *   shows the server's message until the learner answers it again.
 */

import { SaveRefused } from '../modes/backend.js';

export { SaveRefused };

/** Where one question's answer stands. */
export type SaveStatus =
  | { readonly state: 'saved' }
  /** Queued or in flight. */
  | { readonly state: 'saving' }
  /**
   * A save failed and will be retried (`retryAt`, by the injected clock), or
   * now with `retryNow()`. It stays so while retried, until a retry succeeds,
   * so the learner does not see it flicker back to "saving".
   */
  | { readonly state: 'unsaved'; readonly message: string; readonly retryAt: number }
  /** Refused for good; the learner has to change the answer. */
  | { readonly state: 'refused'; readonly message: string };

/** The timers the queue uses; the browser's by default, a fake clock's in tests. */
export interface QueueClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The options of {@link createSaveQueue}. */
export interface SaveQueueOptions<R> {
  /** Saves one response (`null` clears it); throws {@link SaveRefused} for a final refusal. */
  readonly save: (questionId: string, response: R | null) => Promise<void>;
  /** Called whenever a question's status changes. */
  readonly onStatus: (questionId: string, status: SaveStatus) => void;
  /** The clock; the browser's by default. */
  readonly clock?: QueueClock;
  /** A number in [0, 1) for the jitter; `Math.random` by default. */
  readonly random?: () => number;
  /** The first retry's delay in ms (500). */
  readonly baseDelayMs?: number;
  /** The longest delay in ms (15 000). */
  readonly maxDelayMs?: number;
}

/** The save queue's calls. */
export interface SaveQueue<R> {
  /** Records a question's latest response and saves it. */
  set(questionId: string, response: R | null): void;
  /** Retries every failed save at once, refused ones included (the server may have changed its mind). */
  retryNow(): void;
  /** The questions whose latest response is not saved (saving, unsaved or refused), in the order answered. */
  unsaved(): string[];
  /** A question's status (`saved` when it was never changed). */
  status(questionId: string): SaveStatus;
  /** Resolves once nothing is queued or in flight (every answer is saved, waiting for a retry, or refused). */
  settled(): Promise<void>;
  /** Stops the retry timer (e.g. after submission). */
  stop(): void;
}

const browserClock: QueueClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

/**
 * The delay before retry number `failures` (1, 2, …): `base · 2^(failures−1)`,
 * capped at `max`, then spread over [½, 1] of itself so that many pages cut
 * off at once do not come back in step.
 */
export function backoffDelay(failures: number, random: number, base = 500, max = 15_000): number {
  const full = Math.min(max, base * 2 ** Math.min(30, Math.max(0, failures - 1)));
  return Math.round(full / 2 + (full / 2) * random);
}

/**
 * Creates a save queue.
 *
 * @param options - The save call, the status callback and, for tests, the clock.
 * @returns The queue.
 */
export function createSaveQueue<R>(options: SaveQueueOptions<R>): SaveQueue<R> {
  const clock = options.clock ?? browserClock;
  const random = options.random ?? Math.random;
  /** The latest response of each question not yet saved, in the order first changed. */
  const latest = new Map<string, R | null>();
  const statuses = new Map<string, SaveStatus>();
  let inFlight: string | undefined;
  let failures = 0;
  let retryTimer: unknown;
  let stopped = false;
  let waiters: (() => void)[] = [];

  const setStatus = (questionId: string, status: SaveStatus) => {
    statuses.set(questionId, status);
    options.onStatus(questionId, status);
  };
  const paused = () => retryTimer !== undefined;
  /** The next answer to send: the first changed that is not refused. */
  const next = () => [...latest.keys()].find((id) => statuses.get(id)?.state !== 'refused');
  const wake = () => {
    if (inFlight !== undefined) return;
    if (!stopped && !paused() && next() !== undefined) return;
    const ready = waiters;
    waiters = [];
    for (const resolve of ready) resolve();
  };

  const pump = (): void => {
    if (stopped || inFlight !== undefined || paused()) return wake();
    const questionId = next();
    if (questionId === undefined) return wake();
    const response = latest.get(questionId)!;
    inFlight = questionId;
    options.save(questionId, response).then(
      () => {
        inFlight = undefined;
        failures = 0;
        // A newer response came in meanwhile: it stays queued (still "saving").
        if (latest.get(questionId) === response) {
          latest.delete(questionId);
          setStatus(questionId, { state: 'saved' });
        }
        pump();
      },
      (error: unknown) => {
        inFlight = undefined;
        const message = error instanceof Error ? error.message : String(error);
        const outdated = latest.get(questionId) !== response; // the newer response is what gets sent next
        if (error instanceof SaveRefused) {
          if (!outdated) setStatus(questionId, { state: 'refused', message });
        } else {
          failures += 1;
          const delay = backoffDelay(failures, random(), options.baseDelayMs, options.maxDelayMs);
          const retryAt = clock.now() + delay;
          retryTimer = clock.setTimeout(() => {
            retryTimer = undefined;
            resume();
          }, delay);
          // Everything waiting is now waiting for the network: say so.
          for (const id of latest.keys()) if (statuses.get(id)?.state !== 'refused') setStatus(id, { state: 'unsaved', message, retryAt });
        }
        pump();
      },
    );
  };

  const resume = () => pump();

  return {
    set(questionId, response) {
      if (stopped) return;
      latest.delete(questionId); // moves it to the end of the order
      latest.set(questionId, response);
      // While the queue waits for the network, a new answer waits with the others.
      const waiting = paused() ? [...statuses.values()].find((status) => status.state === 'unsaved') : undefined;
      setStatus(questionId, waiting ?? { state: 'saving' });
      pump();
    },
    retryNow() {
      if (stopped) return;
      if (retryTimer !== undefined) clock.clearTimeout(retryTimer);
      retryTimer = undefined;
      for (const id of latest.keys()) if (statuses.get(id)?.state === 'refused') setStatus(id, { state: 'saving' });
      resume();
    },
    unsaved: () => [...latest.keys()],
    status: (questionId) => statuses.get(questionId) ?? { state: 'saved' },
    settled() {
      return new Promise((resolve) => {
        waiters.push(resolve);
        wake();
      });
    },
    stop() {
      stopped = true;
      if (retryTimer !== undefined) clock.clearTimeout(retryTimer);
      retryTimer = undefined;
      wake();
    },
  };
}
