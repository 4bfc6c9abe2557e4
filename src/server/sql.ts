import type { StoredAttempt } from './store.js';

/**
 * The attempts table, in SQL that SQLite and PostgreSQL both run: one row per
 * attempt, its saved text and the version every write compares and sets; the
 * unique key makes attempt numbers (and so attempt caps) race-free.
 *
 * @internal
 */
export function attemptsTableSql(table: string): readonly string[] {
  return [
    `CREATE TABLE IF NOT EXISTS ${table} (
    id TEXT PRIMARY KEY,
    learner_id TEXT NOT NULL,
    quiz_id TEXT NOT NULL,
    attempt_number INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('in-progress', 'submitted')),
    saved TEXT NOT NULL,
    version INTEGER NOT NULL,
    UNIQUE (learner_id, quiz_id, attempt_number)
  )`,
    `CREATE INDEX IF NOT EXISTS ${table}_by_learner_status ON ${table} (learner_id, status)`,
  ];
}

/**
 * A row of the attempts table as a stored attempt.
 *
 * @internal
 */
export const storedAttemptFrom = (row: Readonly<Record<string, unknown>>): StoredAttempt => ({
  id: String(row.id),
  learnerId: String(row.learner_id),
  quizId: String(row.quiz_id),
  attemptNumber: Number(row.attempt_number),
  status: row.status === 'submitted' ? 'submitted' : 'in-progress',
  saved: String(row.saved),
  version: Number(row.version),
});
