/**
 * The embedded attempt store: one SQLite file, through `node-sqlite3-wasm`
 * (SQLite compiled to WebAssembly, writing the real file through Node's `fs`:
 * it installs on any Node ≥ 20 without a compiler or a download, unlike
 * native bindings). Node-only. See `docs/server.md` for why this driver.
 *
 * @packageDocumentation
 * @module quizkit/server/sqlite
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import sqlite from 'node-sqlite3-wasm';
import { attemptsTableSql, storedAttemptFrom } from './sql.js';
import type { AttemptStore } from './store.js';


type Row = Record<string, unknown>;

/** The database files this process has open: the pid check cannot tell them apart from a previous life's. */
const openHere = new Set<string>();

/**
 * Whether process `pid` runs. Our own pid counts as not running: a lock that
 * names it is from a previous life of a container whose server is always
 * pid 1, since this process has not opened the file yet.
 */
function running(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Clears the lock a killed process left. The driver locks a database with a
 * `<file>.lock` directory; SQLite would wait for it forever after a SIGKILL.
 * We hold the lock for the store's whole life (`locking_mode=EXCLUSIVE`) and
 * write our pid beside it, so a lock whose owner no longer runs is stale.
 */
function clearStaleLock(path: string): void {
  if (openHere.has(resolve(path))) throw new Error(`The attempt database ${path} is already open in this process; one store per database file`);
  const lock = `${path}.lock`;
  if (!existsSync(lock)) return;
  const owner = `${path}.owner`;
  const pid = existsSync(owner) ? Number(readFileSync(owner, 'utf8').trim()) : Number.NaN;
  if (running(pid)) throw new Error(`The attempt database ${path} is in use by process ${pid}; one server per database file`);
  rmSync(lock, { recursive: true, force: true });
}

/**
 * An {@link AttemptStore} in a SQLite file, created if missing. Each write
 * is one transaction committed with `synchronous=FULL` and a rollback journal
 * (`journal_mode=DELETE`: WAL needs shared memory the WebAssembly build does
 * not have), so a write is on disk (fsync) before its promise resolves: an
 * acknowledged answer survives a SIGKILL or a power cut. One process owns the
 * file (`locking_mode=EXCLUSIVE`); a second one is refused, and a lock left by
 * a killed process is cleared on the next open.
 *
 * @param path - The database file, e.g. `attempts.sqlite`.
 * @returns The store; `close()` it on shutdown.
 *
 * @example
 * ```ts
 * import { mkdtempSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { createSqliteStore } from 'quizkit/server/sqlite';
 * const path = join(mkdtempSync(join(tmpdir(), 'quizkit-')), 'attempts.sqlite');
 * const store = createSqliteStore(path);
 * await store.create({ id: 'a1', learnerId: 'l1', quizId: 'q1', attemptNumber: 1, status: 'in-progress', saved: '{}' });
 * await store.close();
 * const reopened = createSqliteStore(path);
 * (await reopened.get('a1'))?.version; //=> 1
 * await reopened.close();
 * ```
 */
export function createSqliteStore(path: string): AttemptStore {
  clearStaleLock(path);
  const db = new sqlite.Database(path);
  try {
    db.exec('PRAGMA locking_mode = EXCLUSIVE; PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL;');
    for (const statement of attemptsTableSql('attempts')) db.exec(statement);
    writeFileSync(`${path}.owner`, String(process.pid));
    openHere.add(resolve(path));
  } catch (error) {
    db.close();
    throw error;
  }
  const get = (id: string) => {
    const row = db.get('SELECT * FROM attempts WHERE id = ?', [id]) as Row | null;
    return row ? storedAttemptFrom(row) : undefined;
  };
  return {
    async create(attempt) {
      const { changes } = db.run(
        'INSERT INTO attempts (id, learner_id, quiz_id, attempt_number, status, saved, version) VALUES (?, ?, ?, ?, ?, ?, 1) ON CONFLICT DO NOTHING',
        [attempt.id, attempt.learnerId, attempt.quizId, attempt.attemptNumber, attempt.status, attempt.saved],
      );
      return changes === 1 ? { ...attempt, version: 1 } : undefined;
    },
    async get(id) {
      return get(id);
    },
    async update(id, expectedVersion, change) {
      const { changes } = db.run('UPDATE attempts SET status = ?, saved = ?, version = version + 1 WHERE id = ? AND version = ?', [
        change.status,
        change.saved,
        id,
        expectedVersion,
      ]);
      return changes === 1 ? get(id) : undefined;
    },
    async listByLearnerQuiz(learnerId, quizId) {
      const rows = db.all('SELECT * FROM attempts WHERE learner_id = ? AND quiz_id = ? ORDER BY attempt_number', [learnerId, quizId]) as Row[];
      return rows.map(storedAttemptFrom);
    },
    async countOpen(learnerId) {
      const row = db.get("SELECT count(*) AS n FROM attempts WHERE learner_id = ? AND status = 'in-progress'", [learnerId]) as Row | null;
      return Number(row?.n ?? 0);
    },
    async close() {
      if (!db.isOpen) return;
      db.close();
      rmSync(`${path}.owner`, { force: true });
      openHere.delete(resolve(path));
    },
  };
}
