import { LIMITS } from '../schema/limits.js';
import type { DeepReadonly, Quiz } from '../schema/types.js';
import { checkWith } from '../scoring/registry.js';
import { RESPONSE_ISSUE_CODES } from '../scoring/types.js';
import { MAX_SEED_LENGTH } from './attempt.js';
import { assertSameQuiz } from './guards.js';
import { type AttemptIssue, AttemptError } from './errors.js';
import type { Attempt } from './types.js';
import {
  BAD,
  type Check,
  Issues,
  boolean,
  either,
  finite,
  fraction,
  id,
  integer,
  list,
  object,
  oneOf,
  optional,
  record,
  text,
} from './validate.js';

/**
 * The version of the saved-attempt format that {@link serializeAttempt}
 * writes and {@link parseAttempt} reads. Older versions are upgraded through
 * {@link ATTEMPT_MIGRATIONS}.
 *
 * @example
 * ```ts
 * import { ATTEMPT_FORMAT_VERSION } from 'quizkit/attempts';
 * ATTEMPT_FORMAT_VERSION; //=> 1
 * ```
 */
export const ATTEMPT_FORMAT_VERSION = 1;

/**
 * The longest saved attempt {@link parseAttempt} reads by default, in
 * characters (2,000,000): far above a submitted 200-question attempt with
 * its result and feedback, and small enough that a hostile upload costs little.
 *
 * @example
 * ```ts
 * import { MAX_SAVED_ATTEMPT_LENGTH } from 'quizkit/attempts';
 * MAX_SAVED_ATTEMPT_LENGTH; //=> 2000000
 * ```
 */
export const MAX_SAVED_ATTEMPT_LENGTH = 2_000_000;

/**
 * A step that upgrades saved-attempt data from version N (the key in
 * {@link AttemptMigrations}) to version N + 1. It receives the parsed JSON
 * object with `formatVersion: N` and returns a new object with
 * `formatVersion: N + 1`; it must not mutate its input.
 *
 * @example
 * ```ts
 * import type { AttemptMigration } from 'quizkit/attempts';
 * const addTimeZone: AttemptMigration = (saved) => ({ ...saved, formatVersion: 2, timeZone: 'UTC' });
 * ```
 */
export type AttemptMigration = (saved: Readonly<Record<string, unknown>>) => Record<string, unknown>;

/**
 * Migrations by the version they upgrade from.
 *
 * @example
 * ```ts
 * import type { AttemptMigrations } from 'quizkit/attempts';
 * const migrations: AttemptMigrations = { 1: (saved) => ({ ...saved, formatVersion: 2 }) };
 * ```
 */
export type AttemptMigrations = Readonly<Record<number, AttemptMigration>>;

/**
 * quizkit's own migrations of saved attempts. Empty: version 1 is the first
 * format. When the format changes, version N's step is added here under key N
 * and {@link ATTEMPT_FORMAT_VERSION} becomes N + 1.
 *
 * @example
 * ```ts
 * import { ATTEMPT_MIGRATIONS } from 'quizkit/attempts';
 * Object.keys(ATTEMPT_MIGRATIONS); //=> []
 * ```
 */
export const ATTEMPT_MIGRATIONS: AttemptMigrations = Object.freeze({});

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The options of {@link migrateSavedAttempt}.
 *
 * @example
 * ```ts
 * import type { MigrateOptions } from 'quizkit/attempts';
 * const options: MigrateOptions = { targetVersion: 1 };
 * ```
 */
export interface MigrateOptions {
  /** Migrations to use; by default {@link ATTEMPT_MIGRATIONS}. */
  readonly migrations?: AttemptMigrations;
  /** The version to reach; by default {@link ATTEMPT_FORMAT_VERSION}. */
  readonly targetVersion?: number;
}

/**
 * Upgrades parsed saved-attempt data to the target version by applying the
 * migrations N → N + 1 in order. Data at the target version is returned as
 * is. Throws an {@link AttemptError}: `unsupported_version` when the data is
 * newer than the target or a step is missing, `invalid_attempt` when
 * `formatVersion` is not a positive integer or a step fails or does not
 * advance the version by exactly one.
 *
 * @param saved - The parsed JSON of a saved attempt.
 * @param options - The migrations and target version.
 * @returns The data at the target version.
 *
 * @example
 * ```ts
 * import { migrateSavedAttempt } from 'quizkit/attempts';
 * const v2 = migrateSavedAttempt({ formatVersion: 1 }, {
 *   targetVersion: 2,
 *   migrations: { 1: (saved) => ({ ...saved, formatVersion: 2 }) },
 * });
 * v2.formatVersion; //=> 2
 * ```
 */
export function migrateSavedAttempt(saved: unknown, options: MigrateOptions = {}): Record<string, unknown> {
  const migrations = options.migrations ?? ATTEMPT_MIGRATIONS;
  const target = options.targetVersion ?? ATTEMPT_FORMAT_VERSION;
  if (!isRecord(saved)) throw new AttemptError('invalid_attempt', 'A saved attempt is a JSON object');
  let version = saved.formatVersion;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
    throw new AttemptError('invalid_attempt', 'A saved attempt needs formatVersion, a positive integer', [
      { code: 'invalid_attempt', path: ['formatVersion'], message: 'Expected a positive integer' },
    ]);
  }
  if (version > target) {
    throw new AttemptError(
      'unsupported_version',
      `This attempt was saved in format version ${version}; this quizkit reads up to version ${target} — update quizkit`,
    );
  }
  let data: Record<string, unknown> = saved;
  while (version < target) {
    const step = Object.hasOwn(migrations, version) ? migrations[version] : undefined;
    if (!step) throw new AttemptError('unsupported_version', `No migration from attempt format version ${version} to ${version + 1}`);
    let next: unknown;
    try {
      next = step(data);
    } catch (error) {
      throw new AttemptError('invalid_attempt', `Migration from version ${version} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!isRecord(next) || next.formatVersion !== version + 1) {
      throw new AttemptError('invalid_attempt', `Migration from version ${version} must return an object with formatVersion ${version + 1}`);
    }
    data = next;
    version += 1;
  }
  return data;
}

const longText = text(20_000);
const maxParts = Math.max(LIMITS.optionsPerQuestion, LIMITS.itemsPerOrdering, LIMITS.statementsPerMatching);

// A response as recorded: an option id, a list of ids, or statement id → actor id / null.
const response = either(
  [(value) => typeof value === 'string', id],
  [Array.isArray, list(id, maxParts)],
  [(value) => isRecord(value), record(either([(value) => value === null, () => null], [() => true, id]), LIMITS.statementsPerMatching)],
);

const responseIssue = object({
  code: oneOf(RESPONSE_ISSUE_CODES),
  questionId: optional(text(200)),
  path: list(either([(value) => typeof value === 'number', integer(0)], [() => true, text(200)]), 10),
  message: longText,
});

const partResult = object({
  id: text(200),
  kind: oneOf(['option', 'item', 'statement']),
  earned: fraction,
  possible: fraction,
  correct: boolean,
  response: optional(
    either(
      [(value) => value === null, () => null],
      [(value) => typeof value === 'boolean', boolean],
      [(value) => typeof value === 'number', finite],
      [() => true, text(200)],
    ),
  ),
  feedback: optional(longText),
});

const questionResult = object({
  questionId: id,
  type: oneOf(['single-choice', 'multiple-choice', 'ordering', 'matching']),
  rule: text(100),
  status: oneOf(['correct', 'partial', 'incorrect', 'unanswered', 'invalid']),
  fraction,
  earned: fraction,
  possible: fraction,
  statistic: optional(object({ name: text(100), value: finite, of: finite, text: text(1_000) })),
  parts: list(partResult, maxParts),
  feedback: list(longText, maxParts + 1),
  issues: list(responseIssue, 200),
});

const breakdown = object({ earned: fraction, possible: fraction, questionIds: list(id, LIMITS.questionsPerQuiz) });

const quizResult = object({
  quizId: id,
  earned: fraction,
  possible: fraction,
  percent: fraction,
  passMark: fraction,
  passed: boolean,
  questions: list(questionResult, LIMITS.questionsPerQuiz),
  byObjective: record(breakdown, LIMITS.objectivesPerModule * 10),
  bySection: record(breakdown, LIMITS.sectionsPerModule),
  issues: list(responseIssue, 200),
});

const base = {
  formatVersion: integer(1),
  quizId: id,
  quizHash: text(100, 1),
  seed: text(MAX_SEED_LENGTH, 1),
  attemptNumber: integer(1),
  startedAt: integer(0),
  deadline: optional(integer(0)),
  answers: record(object({ response, at: integer(0) }), LIMITS.questionsPerQuiz),
};

const inProgress = object({ ...base, status: oneOf(['in-progress']) });
const submitted = object({
  ...base,
  status: oneOf(['submitted']),
  submittedAt: integer(0),
  late: boolean,
  result: quizResult,
});

const savedAttempt: Check<unknown> = (value, path, issues) =>
  isRecord(value) && value.status === 'submitted'
    ? submitted(value, path, issues)
    : isRecord(value) && value.status === 'in-progress'
      ? inProgress(value, path, issues)
      : issues.add([...path, 'status'], 'Expected status "in-progress" or "submitted"');

/**
 * Saves an attempt as a JSON string: the attempt's fields plus
 * `formatVersion` ({@link ATTEMPT_FORMAT_VERSION}). The quiz is not included,
 * only its content hash (`quizHash`), so resuming checks the quiz is unchanged.
 * The text holds the seed (and, once submitted, the result): in exam mode keep
 * it on the server.
 *
 * @param attempt - The attempt.
 * @returns JSON text that {@link parseAttempt} reads back to an equal attempt.
 *
 * @example
 * ```ts
 * import { serializeAttempt, parseAttempt, startAttempt } from 'quizkit/attempts';
 * import { northKoreaChina } from 'quizkit/modules';
 * const attempt = startAttempt(northKoreaChina.quizzes[0], { seed: 'abc', now: 0 });
 * const saved = serializeAttempt(attempt);
 * JSON.parse(saved).formatVersion; //=> 1
 * parseAttempt(saved); //=> attempt
 * ```
 */
export function serializeAttempt(attempt: Attempt): string {
  // Built field by field so only the format's fields are written.
  const common = {
    formatVersion: ATTEMPT_FORMAT_VERSION,
    quizId: attempt.quizId,
    quizHash: attempt.quizHash,
    seed: attempt.seed,
    attemptNumber: attempt.attemptNumber,
    startedAt: attempt.startedAt,
    ...(attempt.deadline !== undefined ? { deadline: attempt.deadline } : {}),
    answers: attempt.answers,
    status: attempt.status,
  };
  return JSON.stringify(
    attempt.status === 'submitted'
      ? { ...common, submittedAt: attempt.submittedAt, late: attempt.late, result: attempt.result }
      : common,
  );
}

/**
 * The options of {@link parseAttempt}.
 *
 * @example
 * ```ts
 * import type { ParseAttemptOptions } from 'quizkit/attempts';
 * import { northKoreaChina } from 'quizkit/modules';
 * const options: ParseAttemptOptions = { quiz: northKoreaChina.quizzes[0], maxLength: 100_000 };
 * ```
 */
export interface ParseAttemptOptions {
  /** The longest text accepted, in characters (default {@link MAX_SAVED_ATTEMPT_LENGTH}). */
  readonly maxLength?: number;
  /** Migrations to use instead of {@link ATTEMPT_MIGRATIONS}. */
  readonly migrations?: AttemptMigrations;
  /**
   * The quiz to resume against. When given, the attempt must be for this
   * quiz, unchanged (`wrong_quiz`, `quiz_changed`), and every recorded
   * response must check against its question (`invalid_attempt`).
   */
  readonly quiz?: DeepReadonly<Quiz>;
}

/**
 * The outcome of {@link safeParseAttempt}: the attempt, or the error.
 *
 * @example
 * ```ts
 * import { safeParseAttempt, type SafeParseAttemptResult } from 'quizkit/attempts';
 * const parsed: SafeParseAttemptResult = safeParseAttempt('{');
 * if (!parsed.success) parsed.error.code; //=> 'invalid_json'
 * ```
 */
export type SafeParseAttemptResult =
  | { readonly success: true; readonly attempt: Attempt }
  | { readonly success: false; readonly error: AttemptError };

/**
 * Reads a saved attempt, never throwing: see {@link parseAttempt}.
 *
 * @param json - The saved text.
 * @param options - Size limit, migrations, and the quiz to check against.
 * @returns `{ success: true, attempt }` or `{ success: false, error }`.
 *
 * @example
 * ```ts
 * import { safeParseAttempt } from 'quizkit/attempts';
 * safeParseAttempt('{"formatVersion": 99}').success; //=> false
 * ```
 */
export function safeParseAttempt(json: unknown, options: ParseAttemptOptions = {}): SafeParseAttemptResult {
  try {
    return { success: true, attempt: parseAttempt(json, options) };
  } catch (error) {
    if (error instanceof AttemptError) return { success: false, error };
    throw error;
  }
}

/**
 * Reads a saved attempt back: checks the size, parses the JSON, upgrades old
 * format versions through the migrations, then validates every field by hand
 * (strictly: unknown fields are refused) and rebuilds the attempt from the
 * accepted values only. Throws an {@link AttemptError} with code `too_large`,
 * `invalid_json`, `unsupported_version` or `invalid_attempt` (with an issue
 * per problem, each with its path) — and, when `options.quiz` is given,
 * `wrong_quiz` or `quiz_changed`.
 *
 * @param json - The saved text, from {@link serializeAttempt}.
 * @param options - Size limit, migrations, and the quiz to check against.
 * @returns The attempt.
 *
 * @example
 * ```ts
 * import { parseAttempt, isAttemptError } from 'quizkit/attempts';
 * try {
 *   parseAttempt('{"formatVersion": 1, "status": "paused"}');
 * } catch (error) {
 *   if (isAttemptError(error)) error.code; //=> 'invalid_attempt'
 * }
 * ```
 */
export function parseAttempt(json: unknown, options: ParseAttemptOptions = {}): Attempt {
  const maxLength = options.maxLength ?? MAX_SAVED_ATTEMPT_LENGTH;
  if (typeof json !== 'string') throw new AttemptError('invalid_json', `Expected the saved attempt as a JSON string, found ${typeof json}`);
  if (json.length > maxLength) {
    throw new AttemptError('too_large', `The saved attempt is ${json.length} characters; the limit is ${maxLength}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new AttemptError('invalid_json', `The saved attempt is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const migrated = migrateSavedAttempt(raw, options.migrations ? { migrations: options.migrations } : {});
  const issues = new Issues();
  const checked = savedAttempt(migrated, [], issues);
  if (checked === BAD) {
    const [first] = issues.list as [AttemptIssue, ...AttemptIssue[]];
    const more = issues.list.length > 1 ? ` (and ${issues.list.length - 1} more)` : '';
    throw new AttemptError('invalid_attempt', `${first.path.join('.')}: ${first.message}${more}`, issues.list);
  }
  const { formatVersion: _version, ...attempt } = checked as Record<string, unknown>;
  const result = attempt as unknown as Attempt;
  if (options.quiz) checkAgainstQuiz(result, options.quiz);
  return result;
}

function checkAgainstQuiz(attempt: Attempt, quiz: DeepReadonly<Quiz>): void {
  assertSameQuiz(attempt, quiz);
  const byId = new Map(quiz.questions.map((question) => [question.id, question]));
  const issues: AttemptIssue[] = [];
  for (const [questionId, recorded] of Object.entries(attempt.answers)) {
    const question = byId.get(questionId);
    if (!question) {
      issues.push({ code: 'unknown_question', path: ['answers', questionId], message: `"${questionId}" is not a question of quiz "${quiz.id}"` });
      continue;
    }
    const checked = checkWith(question, recorded.response, ['answers', questionId, 'response']);
    if (checked.kind === 'invalid') issues.push(...checked.issues);
    if (checked.kind === 'unanswered') {
      issues.push({ code: 'invalid_shape', path: ['answers', questionId, 'response'], message: 'A recorded answer must not be empty' });
    }
  }
  if (issues.length) throw new AttemptError('invalid_attempt', `The saved answers do not fit quiz "${quiz.id}"`, issues);
}
