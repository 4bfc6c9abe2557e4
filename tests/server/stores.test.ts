// One contract, three stores: memory, SQLite (a real file) and PostgreSQL (PGlite, a real engine in-process).
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { type AttemptStore, type NewAttempt, createMemoryStore } from 'quizkit/server';
import { createPostgresStore } from 'quizkit/server/postgres';
import { createSqliteStore } from 'quizkit/server/sqlite';

const dir = mkdtempSync(join(tmpdir(), 'quizkit-stores-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

const stores: { name: string; open: () => Promise<AttemptStore> }[] = [
  { name: 'memory', open: async () => createMemoryStore() },
  { name: 'sqlite', open: async () => createSqliteStore(join(dir, `s${files++}.sqlite`)) },
  {
    name: 'postgres (PGlite)',
    open: async () => {
      const db = new PGlite();
      const store = await createPostgresStore(db);
      return { ...store, close: () => db.close() };
    },
  },
];

const fresh = (id: string, attemptNumber = 1, learnerId = 'l1', quizId = 'q1'): NewAttempt => ({
  id,
  learnerId,
  quizId,
  attemptNumber,
  status: 'in-progress',
  saved: `{"n":"${id}"}`,
});

describe.each(stores)('the $name attempt store', { timeout: 30_000 }, ({ open }) => {
  it('creates, reads and compare-and-sets', async () => {
    const store = await open();
    try {
      expect(await store.get('a1')).toBeUndefined();
      const created = await store.create(fresh('a1'));
      expect(created).toEqual({ ...fresh('a1'), version: 1 });
      expect(await store.get('a1')).toEqual(created);
      const updated = await store.update('a1', 1, { status: 'submitted', saved: '{"done":true}' });
      expect(updated).toEqual({ ...fresh('a1'), status: 'submitted', saved: '{"done":true}', version: 2 });
      // A stale write is refused and changes nothing.
      expect(await store.update('a1', 1, { status: 'in-progress', saved: '{}' })).toBeUndefined();
      expect(await store.get('a1')).toEqual(updated);
      expect(await store.update('nope', 1, { status: 'in-progress', saved: '{}' })).toBeUndefined();
    } finally {
      await store.close();
    }
  });

  it('refuses a second attempt with the same number, lists by learner and quiz, counts open attempts', async () => {
    const store = await open();
    try {
      await store.create(fresh('a2', 2));
      await store.create(fresh('a1', 1));
      expect(await store.create(fresh('dup', 1))).toBeUndefined();
      expect(await store.create(fresh('a1', 3))).toBeUndefined();
      await store.create(fresh('b1', 1, 'l2'));
      await store.create(fresh('c1', 1, 'l1', 'q2'));
      expect((await store.listByLearnerQuiz('l1', 'q1')).map((record) => record.id)).toEqual(['a1', 'a2']);
      expect(await store.listByLearnerQuiz('l3', 'q1')).toEqual([]);
      expect(await store.countOpen('l1')).toBe(3);
      await store.update('a1', 1, { status: 'submitted', saved: '{}' });
      expect(await store.countOpen('l1')).toBe(2);
      expect(await store.countOpen('l2')).toBe(1);
    } finally {
      await store.close();
    }
  });

  it('lets exactly one of many concurrent writers of one version win', async () => {
    const store = await open();
    try {
      await store.create(fresh('a1'));
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => store.update('a1', 1, { status: 'in-progress', saved: `{"w":${i}}` })));
      expect(results.filter((result) => result !== undefined)).toHaveLength(1);
      expect((await store.get('a1'))?.version).toBe(2);
    } finally {
      await store.close();
    }
  });
});

describe('the SQLite store', () => {
  it('keeps attempts across reopening, refuses a second process-level owner, clears a dead owner’s lock', async () => {
    const path = join(dir, 'owned.sqlite');
    const store = createSqliteStore(path);
    await store.create(fresh('a1'));
    // A second store on the same file while the first holds it: refused, naming the owner.
    expect(() => createSqliteStore(path)).toThrow(/already open in this process/);
    await store.close();
    const again = createSqliteStore(path);
    expect((await again.get('a1'))?.saved).toBe('{"n":"a1"}');
    await again.close();
    // What a SIGKILLed server leaves behind: the lock directory and the pid of a process that no longer runs.
    mkdirSync(`${path}.lock`);
    writeFileSync(`${path}.owner`, '2147483646');
    const recovered = createSqliteStore(path);
    expect((await recovered.get('a1'))?.version).toBe(1);
    await recovered.close();
    expect(existsSync(`${path}.owner`)).toBe(false);
  });
});
