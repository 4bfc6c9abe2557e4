/**
 * Exam mode as a service: a web-standard `Request → Response` handler for the
 * exam API (start, view, answer, submit, review, grade), the
 * {@link AttemptStore} contract with optimistic concurrency, and an in-memory
 * store. The node:http adapter is in `quizkit/server/node`; SQLite and
 * PostgreSQL stores are in `quizkit/server/sqlite` and
 * `quizkit/server/postgres`, so this entry pulls no driver and runs on every
 * runtime. See `docs/server.md`.
 *
 * @packageDocumentation
 * @module quizkit/server
 */
export { createExamHandler, type ExamHandler, type ExamHandlerOptions, type PerQuiz } from './handler.js';
export { SERVER_ERROR_CODES, type ErrorBody, type ServerErrorCode, type ServerIssue } from './errors.js';
export { createMemoryStore, type AttemptChange, type AttemptStore, type NewAttempt, type StoredAttempt } from './store.js';
