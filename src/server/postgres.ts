/**
 * The attempt store for deployments that outgrow one machine: PostgreSQL,
 * through any client with a `query(text, params)` method — `pg`'s `Pool` or
 * `Client`, or `@electric-sql/pglite`. quizkit depends on neither.
 *
 * @packageDocumentation
 * @module quizkit/server/postgres
 */
import { attemptsTableSql, storedAttemptFrom } from './sql.js';
import type { AttemptStore } from './store.js';

/**
 * What the store needs of a PostgreSQL client: parameterized queries
 * (`$1, $2, …`) returning rows. `pg`'s `Pool` and PGlite both fit.
 *
 * @example
 * ```ts
 * import type { PostgresClient } from 'quizkit/server/postgres';
 * declare const pool: PostgresClient; // new pg.Pool({ connectionString }) or new PGlite()
 * ```
 */
export interface PostgresClient {
  /** Runs one statement. */
  query(text: string, params?: unknown[]): Promise<{ rows: readonly Record<string, unknown>[] }>;
}



/**
 * An {@link AttemptStore} in PostgreSQL, in the table `quizkit_attempts`
 * (created if missing). Writes are single statements — compare-and-set is
 * `UPDATE … WHERE id = $ AND version = $` — so any number of server processes
 * can share the database; an acknowledged write is committed (with the
 * default `synchronous_commit = on`, on disk). `close()` leaves the client
 * open: it is yours (`pool.end()`).
 *
 * @param client - A `pg` Pool or Client, or a PGlite instance.
 * @returns The store, once its table exists.
 *
 * @example
 * ```ts
 * import { PGlite } from '@electric-sql/pglite';
 * import { createPostgresStore } from 'quizkit/server/postgres';
 * const db = new PGlite();
 * const store = await createPostgresStore(db);
 * await store.create({ id: 'a1', learnerId: 'l1', quizId: 'q1', attemptNumber: 1, status: 'in-progress', saved: '{}' });
 * (await store.update('a1', 1, { status: 'submitted', saved: '{}' }))?.status; //=> 'submitted'
 * await store.countOpen('l1'); //=> 0
 * await db.close();
 * ```
 */
export async function createPostgresStore(client: PostgresClient): Promise<AttemptStore> {
  for (const statement of attemptsTableSql('quizkit_attempts')) await client.query(statement);
  return {
    async create(attempt) {
      const { rows } = await client.query(
        `INSERT INTO quizkit_attempts (id, learner_id, quiz_id, attempt_number, status, saved, version)
         VALUES ($1, $2, $3, $4, $5, $6, 1) ON CONFLICT DO NOTHING RETURNING *`,
        [attempt.id, attempt.learnerId, attempt.quizId, attempt.attemptNumber, attempt.status, attempt.saved],
      );
      return rows[0] ? storedAttemptFrom(rows[0]) : undefined;
    },
    async get(id) {
      const { rows } = await client.query('SELECT * FROM quizkit_attempts WHERE id = $1', [id]);
      return rows[0] ? storedAttemptFrom(rows[0]) : undefined;
    },
    async update(id, expectedVersion, change) {
      const { rows } = await client.query(
        'UPDATE quizkit_attempts SET status = $1, saved = $2, version = version + 1 WHERE id = $3 AND version = $4 RETURNING *',
        [change.status, change.saved, id, expectedVersion],
      );
      return rows[0] ? storedAttemptFrom(rows[0]) : undefined;
    },
    async listByLearnerQuiz(learnerId, quizId) {
      const { rows } = await client.query('SELECT * FROM quizkit_attempts WHERE learner_id = $1 AND quiz_id = $2 ORDER BY attempt_number', [learnerId, quizId]);
      return rows.map(storedAttemptFrom);
    },
    async countOpen(learnerId) {
      const { rows } = await client.query("SELECT count(*)::int AS n FROM quizkit_attempts WHERE learner_id = $1 AND status = 'in-progress'", [learnerId]);
      return Number(rows[0]?.n ?? 0);
    },
    async close() {},
  };
}
