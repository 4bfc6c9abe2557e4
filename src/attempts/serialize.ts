import { LIMITS } from '../schema/limits.js';
import type { ReadonlyQuiz } from '../schema/types.js';
import { checkWith } from '../scoring/registry.js';
import { DEFAULT_GRACE_SECONDS, MAX_EXTRA_TIME_SECONDS, MAX_SEED_LENGTH } from './attempt.js';
import { type AttemptIssue, AttemptError } from './errors.js';
import { type AttemptFacts, contradictions, fromFacts } from './facts.js';
import { MAX_EPOCH_MILLIS, assertSameQuiz } from './guards.js';
import { QUIZ_HASH_PATTERN } from './hash.js';
import { type AttemptKey, SEAL_FIELD, seal, unseal } from './seal.js';
import { MAX_SAVED_ATTEMPT_LENGTH } from './size.js';
import type { Attempt } from './types.js';
import { BAD, type Check, Issues, either, id, integer, list, object, oneOf, optional, record, text } from './validate.js';

/**
 * The version of the saved-attempt format that {@link serializeAttempt}
 * writes and {@link parseAttempt} reads. Older versions are upgraded through
 * {@link ATTEMPT_MIGRATIONS}. Version 2 holds facts only; version 1 also held
 * the deadline, `late` and the result, which version 2 recomputes instead.
 *
 * @example
 * ```ts
 * import { ATTEMPT_FORMAT_VERSION } from 'quizkit/attempts';
 * ATTEMPT_FORMAT_VERSION; //=> 2
 * ```
 */
export const ATTEMPT_FORMAT_VERSION = 2;

/**
 * A step that upgrades saved-attempt data from version N (the key in
 * {@link AttemptMigrations}) to version N + 1. It receives the parsed JSON
 * object with `formatVersion: N` and returns a new object with
 * `formatVersion: N + 1`; it must not mutate its input.
 *
 * @example
 * ```ts
 * import type { AttemptMigration } from 'quizkit/attempts';
 * const addTimeZone: AttemptMigration = (saved) => ({ ...saved, formatVersion: 3, timeZone: 'UTC' });
 * ```
 */
export type AttemptMigration = (saved: Readonly<Record<string, unknown>>) => Record<string, unknown>;

/**
 * Migrations by the version they upgrade from.
 *
 * @example
 * ```ts
 * import type { AttemptMigrations } from 'quizkit/attempts';
 * const migrations: AttemptMigrations = { 2: (saved) => ({ ...saved, formatVersion: 3 }) };
 * ```
 */
export type AttemptMigrations = Readonly<Record<number, AttemptMigration>>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Version 1 → 2: drops what version 2 derives (`deadline`, `late`, `result`)
 * and, for a submitted attempt, records the grace period it was judged with.
 * Version 1 did not save that, so the default ({@link DEFAULT_GRACE_SECONDS})
 * is assumed; the saved `late` is not trusted, as no derived value is. A
 * caller who submitted with another grace period can pass its own step 1.
 */
const dropDerivedFields: AttemptMigration = (saved) => {
  const { formatVersion: _version, deadline: _deadline, late: _late, result: _result, ...facts } = saved;
  return { formatVersion: 2, ...facts, ...(facts.status === 'submitted' ? { graceSeconds: DEFAULT_GRACE_SECONDS } : {}) };
};

/**
 * quizkit's own migrations of saved attempts: step 1 turns a version-1 text
 * (which saved the deadline, `late` and the result) into version 2 (facts
 * only: those are recomputed from the quiz). When the format changes again,
 * version N's step is added here under key N and
 * {@link ATTEMPT_FORMAT_VERSION} becomes N + 1.
 *
 * @example
 * ```ts
 * import { ATTEMPT_MIGRATIONS } from 'quizkit/attempts';
 * Object.keys(ATTEMPT_MIGRATIONS); //=> ['1']
 * const v2 = ATTEMPT_MIGRATIONS[1]!({ formatVersion: 1, status: 'in-progress', deadline: 5, answers: {} });
 * v2; //=> { formatVersion: 2, status: 'in-progress', answers: {} }
 * ```
 */
export const ATTEMPT_MIGRATIONS: AttemptMigrations = Object.freeze({ 1: dropDerivedFields });

/**
 * The options of {@link migrateSavedAttempt}.
 *
 * @example
 * ```ts
 * import type { MigrateOptions } from 'quizkit/attempts';
 * const options: MigrateOptions = { targetVersion: 2 };
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
 * const v3 = migrateSavedAttempt({ formatVersion: 2 }, {
 *   targetVersion: 3,
 *   migrations: { 2: (saved) => ({ ...saved, formatVersion: 3 }) },
 * });
 * v3.formatVersion; //=> 3
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

const maxParts = Math.max(LIMITS.optionsPerQuestion, LIMITS.itemsPerOrdering, LIMITS.statementsPerMatching);

// A response as recorded: an option id, a list of ids, or statement id → actor id / null.
const response = either(
  [(value) => typeof value === 'string', id],
  [Array.isArray, list(id, maxParts)],
  [(value) => isRecord(value), record(either([(value) => value === null, () => null], [() => true, id]), LIMITS.statementsPerMatching)],
);

const time = integer(0, MAX_EPOCH_MILLIS);

/** The most tries kept per question: far beyond any behaviour's (interactive allows 10), and a bound on a saved text. */
const MAX_TRIES_SAVED = 100;

const quizHash: Check<string> = (value, path, issues) =>
  typeof value === 'string' && QUIZ_HASH_PATTERN.test(value) ? value : issues.add(path, 'Expected a quiz hash, "cyrb64:" and 16 hex digits');

const graceSeconds: Check<number> = (value, path, issues) =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value + 0 : issues.add(path, 'Expected a non-negative number of seconds');

// The facts, and only the facts: a field derived from them (deadline, late,
// result) is an unknown field here, so a text that claims one is refused.
const base = {
  formatVersion: integer(1),
  quizId: id,
  quizHash,
  seed: text(MAX_SEED_LENGTH, 1),
  attemptNumber: integer(1),
  startedAt: time,
  extraTimeSeconds: optional(integer(1, MAX_EXTRA_TIME_SECONDS)),
  answers: record(object({ response, at: time }), LIMITS.questionsPerQuiz),
  tries: optional(record(list(object({ response, at: time, certainty: optional(integer(2, 3)) }), MAX_TRIES_SAVED), LIMITS.questionsPerQuiz)),
};

const inProgress = object({ ...base, status: oneOf(['in-progress']) });
const submitted = object({ ...base, status: oneOf(['submitted']), submittedAt: time, graceSeconds });

const savedAttempt: Check<unknown> = (value, path, issues) =>
  isRecord(value) && value.status === 'submitted'
    ? submitted(value, path, issues)
    : isRecord(value) && value.status === 'in-progress'
      ? inProgress(value, path, issues)
      : issues.add([...path, 'status'], 'Expected status "in-progress" or "submitted"');

/**
 * The options of {@link serializeAttempt}.
 *
 * @example
 * ```ts
 * import type { SerializeAttemptOptions } from 'quizkit/attempts';
 * const options: SerializeAttemptOptions = { key: crypto.getRandomValues(new Uint8Array(32)) };
 * ```
 */
export interface SerializeAttemptOptions {
  /**
   * The server's secret key. With a key the text is sealed (HMAC-SHA-256) and
   * `serializeAttempt` returns a Promise; without one it returns the text.
   */
  readonly key?: AttemptKey | undefined;
}

function savedText(attempt: Attempt): string {
  // Built field by field: only the facts are written, never the derived deadline, late or result.
  const answers = Object.fromEntries(Object.entries(attempt.answers).map(([questionId, recorded]) => [questionId, { response: recorded.response, at: recorded.at }]));
  const facts = {
    formatVersion: ATTEMPT_FORMAT_VERSION,
    quizId: attempt.quizId,
    quizHash: attempt.quizHash,
    seed: attempt.seed,
    attemptNumber: attempt.attemptNumber,
    startedAt: attempt.startedAt,
    ...(attempt.extraTimeSeconds !== undefined ? { extraTimeSeconds: attempt.extraTimeSeconds } : {}),
    answers,
    ...(attempt.tries !== undefined && Object.keys(attempt.tries).length > 0
      ? { tries: Object.fromEntries(Object.entries(attempt.tries).map(([id, tries]) => [id, tries.map((t) => ({ response: t.response, at: t.at, ...(t.certainty !== undefined ? { certainty: t.certainty } : {}) }))])) }
      : {}),
    status: attempt.status,
  };
  return JSON.stringify(
    attempt.status === 'submitted' ? { ...facts, submittedAt: attempt.submittedAt, graceSeconds: attempt.graceSeconds } : facts,
  );
}

/**
 * Saves an attempt as JSON text: its facts only — quiz id and content hash,
 * seed, attempt number, start time, answers with their times, status, and
 * once submitted the submission time and grace period — plus
 * `formatVersion` ({@link ATTEMPT_FORMAT_VERSION}). The deadline, `late` and
 * the result are not written: {@link parseAttempt} recomputes them from the
 * facts and the quiz, so a saved text cannot claim a score. Its length is at
 * most {@link MAX_SAVED_ATTEMPT_LENGTH}, whatever the quiz's content.
 *
 * With `{ key }` the text is sealed with HMAC-SHA-256 (Web Crypto) and the
 * result is a Promise: use that for text that passes through hands you do not
 * trust (a client of a stateless server, browser storage). The text holds the
 * seed either way; sealing authenticates it, it does not hide it.
 *
 * @param attempt - The attempt.
 * @param options - `{ key }` to seal.
 * @returns JSON text that {@link parseAttempt} reads back to an equal attempt (a Promise of it with a key).
 *
 * @example
 * ```ts
 * import { serializeAttempt, parseAttempt, startAttempt } from 'quizkit/attempts';
 * import { northKoreaChina } from 'quizkit/modules';
 * const quiz = northKoreaChina.quizzes[0];
 * const attempt = startAttempt(quiz, { seed: 'abc', now: 0 });
 * const saved = serializeAttempt(attempt);
 * JSON.parse(saved).formatVersion; //=> 2
 * parseAttempt(saved, { quiz }); //=> attempt
 * const key = crypto.getRandomValues(new Uint8Array(32));
 * const sealed = await serializeAttempt(attempt, { key });
 * (await parseAttempt(sealed, { quiz, key })).seed; //=> 'abc'
 * ```
 */
export function serializeAttempt(attempt: Attempt, options?: { readonly key?: undefined }): string;
export function serializeAttempt(attempt: Attempt, options: { readonly key: AttemptKey }): Promise<string>;
export function serializeAttempt(attempt: Attempt, options?: SerializeAttemptOptions): string | Promise<string>;
export function serializeAttempt(attempt: Attempt, options: SerializeAttemptOptions = {}): string | Promise<string> {
  if (options.key === undefined) return savedText(attempt);
  const key = options.key;
  return (async () => seal(savedText(attempt), key))();
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
  /**
   * The quiz the attempt is at. Required: the attempt must be for this quiz,
   * unchanged (`wrong_quiz`, `quiz_changed`); an in-progress attempt's
   * recorded responses must check against its questions (`invalid_attempt`);
   * and the deadline, `late` and the result are recomputed from it.
   */
  readonly quiz: ReadonlyQuiz;
  /** The longest text accepted, in characters (default {@link MAX_SAVED_ATTEMPT_LENGTH}). */
  readonly maxLength?: number;
  /** Migrations to use instead of {@link ATTEMPT_MIGRATIONS}. */
  readonly migrations?: AttemptMigrations;
  /**
   * The key the text was sealed with. With a key only a sealed, unchanged
   * text is accepted (`tampered` otherwise) and `parseAttempt` returns a
   * Promise; without one a sealed text is refused (`invalid_attempt`).
   */
  readonly key?: AttemptKey | undefined;
}

/**
 * The outcome of {@link safeParseAttempt}: the attempt, or the error.
 *
 * @example
 * ```ts
 * import { safeParseAttempt, type SafeParseAttemptResult } from 'quizkit/attempts';
 * import { northKoreaChina } from 'quizkit/modules';
 * const parsed: SafeParseAttemptResult = safeParseAttempt('{', { quiz: northKoreaChina.quizzes[0] });
 * if (!parsed.success) parsed.error.code; //=> 'invalid_json'
 * ```
 */
export type SafeParseAttemptResult =
  | { readonly success: true; readonly attempt: Attempt }
  | { readonly success: false; readonly error: AttemptError };

/**
 * Reads a saved attempt, never throwing an {@link AttemptError} (it returns
 * it instead): see {@link parseAttempt}. With a `key` it returns a Promise.
 *
 * @param json - The saved text.
 * @param options - The quiz, and optionally the key, size limit and migrations.
 * @returns `{ success: true, attempt }` or `{ success: false, error }`.
 *
 * @example
 * ```ts
 * import { safeParseAttempt } from 'quizkit/attempts';
 * import { northKoreaChina } from 'quizkit/modules';
 * safeParseAttempt('{"formatVersion": 99}', { quiz: northKoreaChina.quizzes[0] }).success; //=> false
 * ```
 */
export function safeParseAttempt(json: unknown, options: ParseAttemptOptions & { readonly key?: undefined }): SafeParseAttemptResult;
export function safeParseAttempt(json: unknown, options: ParseAttemptOptions & { readonly key: AttemptKey }): Promise<SafeParseAttemptResult>;
export function safeParseAttempt(json: unknown, options: ParseAttemptOptions): SafeParseAttemptResult | Promise<SafeParseAttemptResult>;
export function safeParseAttempt(json: unknown, options: ParseAttemptOptions): SafeParseAttemptResult | Promise<SafeParseAttemptResult> {
  const failure = (error: unknown): SafeParseAttemptResult => {
    if (error instanceof AttemptError) return { success: false, error };
    throw error;
  };
  if (options?.key !== undefined) {
    return parseAttempt(json, { ...options, key: options.key }).then((attempt): SafeParseAttemptResult => ({ success: true, attempt }), failure);
  }
  try {
    return { success: true, attempt: parseAttempt(json, { ...options, key: undefined }) };
  } catch (error) {
    return failure(error);
  }
}

/**
 * Reads a saved attempt back. In order: checks the size (`too_large`); with
 * a `key`, checks the seal (`tampered`); parses the JSON (`invalid_json`);
 * upgrades old format versions through the migrations
 * (`unsupported_version`); validates every field by hand, strictly — unknown
 * fields (a saved `deadline`, `late` or `result` among them) are refused
 * (`invalid_attempt`, an issue per problem with its path); checks the
 * attempt is at this unchanged quiz (`wrong_quiz`, `quiz_changed`) and, in
 * progress, that every recorded response fits its question; checks the facts
 * agree (`inconsistent_attempt`: an answer before the start or after the
 * deadline, a submission before the start or before the last answer); then
 * rebuilds the attempt, recomputing the deadline, `late` and the result from
 * the facts and the quiz.
 *
 * Without a key it returns the attempt; with a key, a Promise of it.
 *
 * @param json - The saved text, from {@link serializeAttempt}.
 * @param options - The quiz, and optionally the key, size limit and migrations.
 * @returns The attempt (a Promise of it with a key).
 *
 * @example
 * ```ts
 * import { parseAttempt, isAttemptError } from 'quizkit/attempts';
 * import { northKoreaChina } from 'quizkit/modules';
 * const quiz = northKoreaChina.quizzes[0];
 * try {
 *   parseAttempt('{"formatVersion": 2, "status": "paused"}', { quiz });
 * } catch (error) {
 *   if (isAttemptError(error)) error.code; //=> 'invalid_attempt'
 * }
 * ```
 */
export function parseAttempt(json: unknown, options: ParseAttemptOptions & { readonly key?: undefined }): Attempt;
export function parseAttempt(json: unknown, options: ParseAttemptOptions & { readonly key: AttemptKey }): Promise<Attempt>;
export function parseAttempt(json: unknown, options: ParseAttemptOptions): Attempt | Promise<Attempt>;
export function parseAttempt(json: unknown, options: ParseAttemptOptions): Attempt | Promise<Attempt> {
  if (!isRecord(options) || !isRecord(options.quiz)) {
    throw new TypeError('parseAttempt needs { quiz }: the deadline, late and the result are recomputed from the quiz');
  }
  if (options.key === undefined) return parseText(checkedText(json, options), options);
  const key = options.key;
  return (async () => parseText(await unseal(checkedText(json, options), key), options))();
}

function checkedText(json: unknown, options: ParseAttemptOptions): string {
  const maxLength = options.maxLength ?? MAX_SAVED_ATTEMPT_LENGTH;
  if (typeof json !== 'string') throw new AttemptError('invalid_json', `Expected the saved attempt as a JSON string, found ${typeof json}`);
  if (json.length > maxLength) {
    throw new AttemptError('too_large', `The saved attempt is ${json.length} characters; the limit is ${maxLength}`);
  }
  return json;
}

function invalid(issues: readonly AttemptIssue[], code: 'invalid_attempt' | 'inconsistent_attempt' = 'invalid_attempt'): AttemptError {
  const [first] = issues as [AttemptIssue, ...AttemptIssue[]];
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return new AttemptError(code, `${first.path.join('.')}: ${first.message}${more}`, issues);
}

function parseText(json: string, options: ParseAttemptOptions): Attempt {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new AttemptError('invalid_json', `The saved attempt is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (isRecord(raw) && typeof raw.formatVersion === 'number') {
    // JSON.parse reads 1.0 and 1e0 as 1; the text itself must say 1.
    const written = topLevelNumber(json, 'formatVersion');
    if (written !== undefined && !/^[1-9][0-9]*$/.test(written)) {
      throw invalid([{ code: 'invalid_attempt', path: ['formatVersion'], message: `Expected a whole number written without a fraction or exponent, found ${written}` }]);
    }
  }
  if (options.key === undefined && isRecord(raw) && Object.hasOwn(raw, SEAL_FIELD)) {
    throw invalid([{ code: 'invalid_attempt', path: [SEAL_FIELD], message: 'This attempt is sealed: read it with the key that sealed it, parseAttempt(text, { quiz, key })' }]);
  }
  const migrated = migrateSavedAttempt(raw, options.migrations ? { migrations: options.migrations } : {});
  const issues = new Issues();
  const checked = savedAttempt(migrated, [], issues);
  if (checked === BAD) throw invalid(issues.list);
  const { formatVersion: _version, ...facts } = checked as Record<string, unknown>;
  return fromSavedFacts(facts as unknown as AttemptFacts, options.quiz);
}

function fromSavedFacts(facts: AttemptFacts, quiz: ReadonlyQuiz): Attempt {
  assertSameQuiz(facts, quiz);
  // A submitted attempt keeps responses that no longer fit (after a deliberate
  // re-score they score `invalid`); an in-progress one must fit, to go on.
  if (facts.status === 'in-progress') {
    const issues = responseIssues(facts, quiz);
    if (issues.length) throw new AttemptError('invalid_attempt', `The saved answers do not fit quiz "${quiz.id}"`, issues);
  }
  const contradicting = contradictions(facts, quiz);
  if (contradicting.length) throw invalid(contradicting, 'inconsistent_attempt');
  return fromFacts(facts, quiz);
}

function responseIssues(facts: AttemptFacts, quiz: ReadonlyQuiz): AttemptIssue[] {
  const byId = new Map(quiz.questions.map((question) => [question.id, question]));
  const issues: AttemptIssue[] = [];
  for (const [questionId, recorded] of Object.entries(facts.answers)) {
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
  for (const [questionId, tries] of Object.entries(facts.tries ?? {})) {
    const question = byId.get(questionId);
    if (!question) {
      issues.push({ code: 'unknown_question', path: ['tries', questionId], message: `"${questionId}" is not a question of quiz "${quiz.id}"` });
      continue;
    }
    tries.forEach((tried, index) => {
      const checked = checkWith(question, tried.response, ['tries', questionId, index, 'response']);
      if (checked.kind === 'invalid') issues.push(...checked.issues);
      if (checked.kind === 'unanswered') issues.push({ code: 'invalid_shape', path: ['tries', questionId, index, 'response'], message: 'A checked try must not be empty' });
    });
  }
  return issues;
}

/**
 * The text of the number a top-level member of a JSON object has (the last
 * one, as JSON.parse keeps the last of duplicate keys), or undefined. Only
 * called on text JSON.parse has accepted, so the scan need not validate.
 */
function topLevelNumber(json: string, name: string): string | undefined {
  let depth = 0;
  let found: string | undefined;
  for (let i = 0; i < json.length; i++) {
    const char = json[i];
    if (char === '"') {
      const start = i;
      for (i++; json[i] !== '"'; i++) if (json[i] === '\\') i++;
      if (depth !== 1) continue;
      let next = i + 1;
      while (/\s/.test(json[next] ?? '')) next++;
      if (json[next] !== ':') continue;
      if (JSON.parse(json.slice(start, i + 1)) !== name) continue;
      next++;
      while (/\s/.test(json[next] ?? '')) next++;
      const number = /-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
      number.lastIndex = next;
      found = number.exec(json)?.[0];
    } else if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') depth--;
  }
  return found;
}
