/**
 * One attempt as a store keeps it: who it belongs to, the saved text (from
 * `serializeAttempt`), and the version that optimistic concurrency compares.
 *
 * @example
 * ```ts
 * import type { StoredAttempt } from 'quizkit/server';
 * const stored: StoredAttempt = { id: 'a1', learnerId: 'l1', quizId: 'q1', attemptNumber: 1, status: 'in-progress', saved: '{…}', version: 1 };
 * ```
 */
export interface StoredAttempt {
  /** The attempt id (random, unguessable). */
  readonly id: string;
  /** Who it belongs to. */
  readonly learnerId: string;
  /** The quiz. */
  readonly quizId: string;
  /** 1 for the learner's first attempt at the quiz, … Unique per learner and quiz. */
  readonly attemptNumber: number;
  /** Whether it still takes answers. Kept beside the text so open attempts are counted by index. */
  readonly status: 'in-progress' | 'submitted';
  /** The attempt, as `serializeAttempt` wrote it. */
  readonly saved: string;
  /** 1 when created, +1 on every write. */
  readonly version: number;
}

/**
 * A new attempt for {@link AttemptStore.create}: a stored attempt without its version.
 *
 * @example
 * ```ts
 * import type { NewAttempt } from 'quizkit/server';
 * const fresh: NewAttempt = { id: 'a1', learnerId: 'l1', quizId: 'q1', attemptNumber: 1, status: 'in-progress', saved: '{…}' };
 * ```
 */
export type NewAttempt = Omit<StoredAttempt, 'version'>;

/**
 * A change for {@link AttemptStore.update}: the new text and status.
 *
 * @example
 * ```ts
 * import type { AttemptChange } from 'quizkit/server';
 * const change: AttemptChange = { status: 'submitted', saved: '{…}' };
 * ```
 */
export interface AttemptChange {
  /** The new status. */
  readonly status: StoredAttempt['status'];
  /** The new saved text. */
  readonly saved: string;
}

/**
 * Where the exam handler keeps attempts. Every write is a compare-and-set:
 * `update` names the version it read, and a store refuses (returns
 * `undefined`) when the attempt has moved on since, so two requests that read
 * the same attempt can never both write it — the loser answers 409
 * `conflict` and its client retries. `create` refuses a second attempt with
 * the same learner, quiz and attempt number, which makes the attempt cap hold
 * under concurrent starts. A write the store has acknowledged (its promise
 * resolved) must survive a crash of the process.
 *
 * Lookups go by index (attempt id; learner and quiz; learner and status),
 * never by scanning every attempt. Ship: {@link createMemoryStore} here,
 * `createSqliteStore` in `quizkit/server/sqlite`, `createPostgresStore` in
 * `quizkit/server/postgres`. A store method that throws makes the handler
 * answer 503 `store_unavailable`.
 *
 * @example
 * ```ts
 * import { createMemoryStore, type AttemptStore } from 'quizkit/server';
 * const store: AttemptStore = createMemoryStore();
 * await store.create({ id: 'a1', learnerId: 'l1', quizId: 'q1', attemptNumber: 1, status: 'in-progress', saved: '{}' });
 * (await store.update('a1', 1, { status: 'submitted', saved: '{}' }))?.version; //=> 2
 * await store.update('a1', 1, { status: 'in-progress', saved: '{}' }); //=> undefined
 * ```
 */
export interface AttemptStore {
  /** Adds an attempt at version 1; `undefined` when that learner already has that attempt number at that quiz. */
  create(attempt: NewAttempt): Promise<StoredAttempt | undefined>;
  /** The attempt with this id, if any. */
  get(id: string): Promise<StoredAttempt | undefined>;
  /** Writes a change if the attempt is still at `expectedVersion`; the new record, or `undefined` when it was not (or is gone). */
  update(id: string, expectedVersion: number, change: AttemptChange): Promise<StoredAttempt | undefined>;
  /** The learner's attempts at the quiz, by attempt number. */
  listByLearnerQuiz(learnerId: string, quizId: string): Promise<readonly StoredAttempt[]>;
  /** How many of the learner's attempts (at any quiz) are in progress. */
  countOpen(learnerId: string): Promise<number>;
  /** Releases the store's resources (files, connections). */
  close(): Promise<void>;
}

/**
 * An {@link AttemptStore} in memory, for tests and demos: a restart loses
 * everything. Indexed by id and by learner and quiz.
 *
 * @returns A new, empty store.
 *
 * @example
 * ```ts
 * import { createMemoryStore } from 'quizkit/server';
 * const store = createMemoryStore();
 * await store.create({ id: 'a1', learnerId: 'l1', quizId: 'q1', attemptNumber: 1, status: 'in-progress', saved: '{}' });
 * await store.countOpen('l1'); //=> 1
 * (await store.listByLearnerQuiz('l1', 'q1')).length; //=> 1
 * ```
 */
export function createMemoryStore(): AttemptStore {
  const byId = new Map<string, StoredAttempt>();
  const byLearnerQuiz = new Map<string, StoredAttempt[]>();
  const open = new Map<string, Set<string>>();
  const pairKey = (learnerId: string, quizId: string) => JSON.stringify([learnerId, quizId]);
  const setOpen = (record: StoredAttempt) => {
    const ids = open.get(record.learnerId) ?? new Set<string>();
    if (record.status === 'in-progress') ids.add(record.id);
    else ids.delete(record.id);
    open.set(record.learnerId, ids);
  };
  return {
    async create(attempt) {
      const key = pairKey(attempt.learnerId, attempt.quizId);
      const list = byLearnerQuiz.get(key) ?? [];
      if (byId.has(attempt.id) || list.some((other) => other.attemptNumber === attempt.attemptNumber)) return undefined;
      const record: StoredAttempt = { ...attempt, version: 1 };
      byId.set(record.id, record);
      byLearnerQuiz.set(key, [...list, record].sort((a, b) => a.attemptNumber - b.attemptNumber));
      setOpen(record);
      return record;
    },
    async get(id) {
      return byId.get(id);
    },
    async update(id, expectedVersion, change) {
      const current = byId.get(id);
      if (!current || current.version !== expectedVersion) return undefined;
      const record: StoredAttempt = { ...current, status: change.status, saved: change.saved, version: current.version + 1 };
      byId.set(id, record);
      const key = pairKey(record.learnerId, record.quizId);
      byLearnerQuiz.set(key, (byLearnerQuiz.get(key) ?? []).map((other) => (other.id === id ? record : other)));
      setOpen(record);
      return record;
    },
    async listByLearnerQuiz(learnerId, quizId) {
      return byLearnerQuiz.get(pairKey(learnerId, quizId)) ?? [];
    },
    async countOpen(learnerId) {
      return open.get(learnerId)?.size ?? 0;
    },
    async close() {},
  };
}
