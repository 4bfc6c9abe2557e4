// Not from attempt.ts: it imports nanoid, whose Node build imports node:crypto.
import { assertSameQuiz, assertTime } from '../attempts/guards.js';
import type { Attempt, EpochMillis } from '../attempts/types.js';
import { type Fraction, ONE, ZERO, add, clamp, compare, divide, fraction, multiply, parseFraction } from '../fraction/fraction.js';
import type { ReadonlyModule, ReadonlyQuiz } from '../schema/types.js';
import { scoreQuestion } from '../scoring/score.js';
import type { QuestionResult } from '../scoring/types.js';
import { SCALED_DECIMALS, decimal, decimalsOf, floorDecimal, isoDuration, scaledDecimal, utc } from './format.js';
import { type ActivityIds, lowestFraction, moduleActivities, questionActivity, quizActivity, xapiResponse } from './interactions.js';
import type { XapiActivity, XapiAgent, XapiContext, XapiResult, XapiScore, XapiStatement } from './types.js';
import { UUID, uuidV5 } from './uuid.js';

type AnyQuiz = ReadonlyQuiz;

/**
 * The cmi5 IRIs the statements use: the two context categories and the
 * session id and masteryScore context extensions.
 *
 * @example
 * ```ts
 * import { CMI5_IRIS } from 'quizkit/xapi';
 * CMI5_IRIS.sessionId; //=> 'https://w3id.org/xapi/cmi5/context/extensions/sessionid'
 * ```
 */
export const CMI5_IRIS = {
  /** Category of every "cmi5 defined" statement. */
  category: 'https://w3id.org/xapi/cmi5/context/categories/cmi5',
  /** Category of cmi5 defined statements whose result has `success` or `completion`. */
  moveOn: 'https://w3id.org/xapi/cmi5/context/categories/moveon',
  /** Context extension holding the LMS's session id. */
  sessionId: 'https://w3id.org/xapi/cmi5/context/extensions/sessionid',
  /** Context extension on passed/failed judged against the LMS's masteryScore. */
  masteryScore: 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore',
} as const;

const VERBS = ['attempted', 'answered', 'completed', 'passed', 'failed', 'initialized', 'terminated'] as const;
type VerbName = (typeof VERBS)[number];
const verb = (name: VerbName) => ({ id: `http://adlnet.gov/expapi/verbs/${name}`, display: { 'en-US': name } });

/**
 * What an assignable unit has already sent in this registration, and in this
 * session, so `attemptStatements` keeps cmi5's ordering rules: one
 * `completed` and one `passed` per registration, no `failed` after a
 * `passed`, and at most one of `passed`/`failed` per session.
 *
 * @example
 * ```ts
 * import type { Cmi5Prior } from 'quizkit/xapi';
 * // A second attempt in the same session, after a first that completed and failed:
 * const prior: Cmi5Prior = { completed: true, judgedInSession: true };
 * ```
 */
export interface Cmi5Prior {
  /** A cmi5 `completed` was already sent for this AU in this registration. */
  readonly completed?: boolean;
  /** A cmi5 `passed` was already sent for this AU in this registration. */
  readonly passed?: boolean;
  /** A cmi5 `passed` or `failed` was already sent in this session. */
  readonly judgedInSession?: boolean;
}

/**
 * The launch mode the LMS gave the assignable unit: only `Normal` records
 * `completed`, `passed` and `failed`.
 *
 * @example
 * ```ts
 * import type { Cmi5LaunchMode } from 'quizkit/xapi';
 * const mode: Cmi5LaunchMode = 'Review';
 * ```
 */
export type Cmi5LaunchMode = 'Normal' | 'Browse' | 'Review';

/**
 * The cmi5 launch data `attemptStatements` needs: from the launch URL
 * (`activityId`) and from the `LMS.LaunchData` state document
 * (`contextTemplate`, `launchMode`, `masteryScore`).
 *
 * @example
 * ```ts
 * import type { Cmi5Options } from 'quizkit/xapi';
 * const cmi5: Cmi5Options = {
 *   activityId: 'https://lms.example.com/au/7f3e',
 *   contextTemplate: {
 *     contextActivities: { grouping: [{ objectType: 'Activity', id: 'https://quizzes.example.com/course/au/actors-and-events' }] },
 *     extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': 'session-1' },
 *   },
 *   masteryScore: 0.7,
 * };
 * ```
 */
export interface Cmi5Options {
  /** The AU's activity id from the launch URL: the object of every cmi5 defined statement. */
  readonly activityId: string;
  /** `contextTemplate` from `LMS.LaunchData`: kept whole in every statement (session id, publisher id grouping). */
  readonly contextTemplate: XapiContext;
  /** `launchMode` from `LMS.LaunchData` (default `Normal`). */
  readonly launchMode?: Cmi5LaunchMode;
  /** `masteryScore` from `LMS.LaunchData`, 0–1: when given, it decides passed/failed instead of the quiz's pass mark. */
  readonly masteryScore?: number;
  /** What was already sent in this registration and session. */
  readonly prior?: Cmi5Prior;
}

/**
 * The parameters of {@link attemptStatements}.
 *
 * @example
 * ```ts
 * import type { XapiOptions } from 'quizkit/xapi';
 * const options: XapiOptions = {
 *   actor: { account: { homePage: 'https://lms.example.com', name: 'learner-42' } },
 *   registration: 'ec531277-b57b-4c15-8d91-d292c5b2b8f7',
 *   activityBase: 'https://quizzes.example.com/north-korea-china',
 *   language: 'en',
 * };
 * ```
 */
export interface XapiOptions {
  /** The learner: an Agent with exactly one identifier (cmi5: an `account`). */
  readonly actor: XapiAgent;
  /** The registration, a UUID on every statement and the namespace of the statement ids (cmi5: from the launch URL). */
  readonly registration: string;
  /** An absolute IRI: quizzes are `{activityBase}/quizzes/{quizId}`, questions `…/questions/{questionId}`. */
  readonly activityBase: string;
  /** The RFC 5646 tag of the quiz text, for language maps and `context.language` (default `en`). */
  readonly language?: string;
  /** Milliseconds the learner spent on each question, by question id, when the player measures it: sets `result.duration` on `answered`. */
  readonly questionDurations?: Readonly<Record<string, number>>;
  /** Statements for a cmi5 assignable unit instead of plain xAPI. */
  readonly cmi5?: Cmi5Options;
}

/**
 * The parameters of {@link cmi5Initialized} and {@link cmi5Terminated}; an
 * {@link XapiOptions} with `cmi5` set will do.
 *
 * @example
 * ```ts
 * import type { Cmi5SessionOptions } from 'quizkit/xapi';
 * const options: Cmi5SessionOptions = {
 *   actor: { account: { homePage: 'https://lms.example.com', name: 'learner-42' } },
 *   registration: 'ec531277-b57b-4c15-8d91-d292c5b2b8f7',
 *   cmi5: { activityId: 'https://lms.example.com/au/7f3e', contextTemplate: { extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': 'session-1' } } },
 * };
 * ```
 */
export interface Cmi5SessionOptions {
  /** The learner, with an `account` (from the launch URL). */
  readonly actor: XapiAgent;
  /** The registration (from the launch URL). */
  readonly registration: string;
  /** The RFC 5646 tag for `context.language` (default `en`). */
  readonly language?: string;
  /** The AU's activity id and context template. */
  readonly cmi5: Pick<Cmi5Options, 'activityId' | 'contextTemplate'>;
}

/**
 * The parameters of {@link xapiActivityDefinitions}.
 *
 * @example
 * ```ts
 * import type { XapiDefinitionOptions } from 'quizkit/xapi';
 * const options: XapiDefinitionOptions = { activityBase: 'https://quizzes.example.com/north-korea-china' };
 * ```
 */
export interface XapiDefinitionOptions {
  /** The same absolute IRI as {@link XapiOptions.activityBase}. */
  readonly activityBase: string;
  /** The RFC 5646 tag of the quiz text (default `en`). */
  readonly language?: string;
}

// ---------------------------------------------------------------- validation

const IRI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$/;
const LANGUAGE = /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/;
const IFIS = ['mbox', 'mbox_sha1sum', 'openid', 'account'] as const;

function languageOf(language: unknown = 'en'): string {
  if (typeof language !== 'string' || !LANGUAGE.test(language)) {
    throw new RangeError(`language must be an RFC 5646 tag such as "en" or "en-GB"; found ${String(language)}`);
  }
  return language;
}

function activityIds(activityBase: unknown, language: unknown): ActivityIds {
  if (typeof activityBase !== 'string' || !IRI.test(activityBase) || /[?#]/.test(activityBase)) {
    throw new RangeError(`activityBase must be an absolute IRI without query or fragment, e.g. https://quizzes.example.com/my-module; found ${String(activityBase)}`);
  }
  return { base: activityBase.replace(/\/+$/, ''), language: languageOf(language) };
}

/** The actor's one identifier, as a list, for statement-id names. */
function identify(actor: XapiAgent): (string | undefined)[] {
  const record = (actor ?? {}) as Record<string, unknown>;
  const present = IFIS.filter((key) => record[key] !== undefined);
  if (present.length !== 1) {
    throw new TypeError(`actor needs exactly one of mbox, mbox_sha1sum, openid or account; found ${present.length ? present.join(', ') : 'none'}`);
  }
  const key = present[0]!;
  if (key === 'account') {
    const account = record.account as Partial<Record<'homePage' | 'name', unknown>>;
    if (typeof account?.homePage !== 'string' || !IRI.test(account.homePage) || typeof account.name !== 'string' || !account.name) {
      throw new TypeError('actor.account needs a homePage IRI and a non-empty name');
    }
    return ['account', account.homePage, account.name];
  }
  const value = record[key];
  if (typeof value !== 'string' || (key === 'mbox' && !value.startsWith('mailto:'))) {
    throw new TypeError(`actor.${key} must be a string${key === 'mbox' ? ' starting with "mailto:"' : ''}`);
  }
  return [key, value];
}

interface Cmi5Setup {
  readonly activityId: string;
  readonly template: XapiContext;
  readonly sessionId: string;
  readonly launchMode: Cmi5LaunchMode;
  readonly mastery?: Fraction;
  readonly prior: Cmi5Prior;
}

interface Setup {
  readonly actor: XapiAgent;
  readonly registration: string;
  readonly language: string;
  readonly who: readonly (string | undefined)[];
  readonly cmi5?: Cmi5Setup;
}

function setup(options: Cmi5SessionOptions | XapiOptions, language: string): Setup {
  const who = identify(options.actor);
  const { registration } = options;
  if (typeof registration !== 'string' || !UUID.test(registration)) {
    throw new RangeError(`registration must be a UUID such as ec531277-b57b-4c15-8d91-d292c5b2b8f7; found ${String(registration)}`);
  }
  const actor = { objectType: 'Agent', ...options.actor } as XapiAgent;
  const cmi5 = options.cmi5 && setupCmi5(options.cmi5, who, registration);
  return { actor, registration, language, who, ...(cmi5 ? { cmi5 } : {}) };
}

function setupCmi5(options: Cmi5Options, who: readonly (string | undefined)[], registration: string): Cmi5Setup {
  if (who[0] !== 'account') throw new TypeError('cmi5 requires the actor to be identified by an account (use the launch URL\'s actor)');
  if (typeof options.activityId !== 'string' || !IRI.test(options.activityId)) {
    throw new RangeError(`cmi5.activityId must be the IRI from the launch URL; found ${String(options.activityId)}`);
  }
  const template = options.contextTemplate;
  const sessionId = template?.extensions?.[CMI5_IRIS.sessionId];
  if (typeof sessionId !== 'string' || sessionId === '') {
    throw new TypeError(`cmi5.contextTemplate must be LMS.LaunchData's contextTemplate, with the session id extension ${CMI5_IRIS.sessionId}`);
  }
  if (template.registration !== undefined && template.registration.toLowerCase() !== registration.toLowerCase()) {
    throw new RangeError('cmi5.contextTemplate names another registration');
  }
  const launchMode = options.launchMode ?? 'Normal';
  if (!['Normal', 'Browse', 'Review'].includes(launchMode)) throw new RangeError(`cmi5.launchMode must be Normal, Browse or Review; found ${String(launchMode)}`);
  let mastery: Fraction | undefined;
  if (options.masteryScore !== undefined) {
    mastery = typeof options.masteryScore === 'number' ? parseFraction(options.masteryScore) : undefined;
    if (!mastery || mastery.n < 0 || compare(mastery, ONE) > 0) {
      throw new RangeError(`cmi5.masteryScore must be a decimal from 0 to 1; found ${String(options.masteryScore)}`);
    }
  }
  return { activityId: options.activityId, template, sessionId, launchMode, ...(mastery ? { mastery } : {}), prior: options.prior ?? {} };
}

// ---------------------------------------------------------------- building blocks

const ref = (id: string): XapiActivity => ({ objectType: 'Activity', id });

/** A statement whose id is the v5 UUID of `key` (with the mode and actor) in the registration's namespace. */
function build(s: Setup, key: readonly (string | number)[], name: VerbName, at: EpochMillis, object: XapiActivity, context: XapiContext, result?: XapiResult): XapiStatement {
  const id = uuidV5(s.registration, JSON.stringify(['quizkit', s.cmi5 ? 'cmi5' : 'xapi', s.who, ...key]));
  return { id, timestamp: utc(at), actor: s.actor, verb: verb(name), object, ...(result ? { result } : {}), context };
}

/** A plain xAPI context: registration, language, and the question's quiz as parent. */
const plainContext = (s: Setup, parent?: XapiActivity): XapiContext => ({
  registration: s.registration,
  language: s.language,
  ...(parent ? { contextActivities: { parent: [parent] } } : {}),
});

/**
 * A cmi5 context: the LMS's template, whole, plus the registration, the
 * language (unless the template sets one), `parent` and `category` entries
 * appended to the template's lists, and `extensions` the template lacks.
 */
function cmi5Context(s: Setup, add: { parent?: XapiActivity; category?: readonly string[]; extensions?: Record<string, unknown> }): XapiContext {
  const template = s.cmi5!.template;
  const lists = template.contextActivities ?? {};
  const contextActivities = {
    ...lists,
    ...(add.parent ? { parent: [...(lists.parent ?? []), add.parent] } : {}),
    ...(add.category?.length ? { category: [...(lists.category ?? []), ...add.category.map(ref)] } : {}),
  };
  return {
    registration: s.registration,
    language: s.language,
    ...template,
    ...(Object.keys(contextActivities).length ? { contextActivities } : {}),
    extensions: { ...add.extensions, ...template.extensions },
  };
}

/**
 * Points as decimals and `scaled` floored but never below the lowest possible
 * share (see {@link scaledDecimal}). raw, min and max are the same monotonic
 * rounding of exact values with lowest ≤ earned ≤ possible, so min ≤ raw ≤ max
 * holds after rounding too; they are left out if rounding would make min ≥ max.
 */
function score(earned: Fraction, lowest: Fraction, possible: Fraction, decimals: number): XapiScore {
  const scaled = scaledDecimal(divide(earned, possible), divide(lowest, possible), decimals);
  const [raw, min, max] = [decimal(earned), decimal(lowest), decimal(possible)];
  return min < max ? { scaled, raw, min, max } : { scaled };
}

/**
 * A cmi5 score: `scaled` clamped to [0, 1]; `raw`/`min`/`max` only when all
 * three are whole numbers and `raw` is not negative, else `scaled` alone.
 */
function cmi5Score(share: Fraction, earned: Fraction, lowest: Fraction, possible: Fraction, decimals: number): XapiScore {
  const scaled = floorDecimal(share, decimals);
  const whole = earned.d === 1 && lowest.d === 1 && possible.d === 1 && earned.n >= 0;
  return whole ? { scaled, raw: earned.n, min: lowest.n, max: possible.n } : { scaled };
}

/** Enough decimals that `scaled ≥ threshold` holds exactly when the exact share reaches it. */
const decimalsFor = (threshold: Fraction) => Math.max(SCALED_DECIMALS, decimalsOf(threshold) ?? SCALED_DECIMALS);

function durationOf(questionId: string, durations: XapiOptions['questionDurations']): string | undefined {
  const ms = durations?.[questionId];
  if (ms === undefined) return undefined;
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
    throw new RangeError(`questionDurations["${questionId}"] must be a non-negative number of milliseconds; found ${String(ms)}`);
  }
  return isoDuration(ms);
}

// ---------------------------------------------------------------- public functions

/**
 * The xAPI 1.0.3 statements of an attempt, as far as it has gone, in
 * timestamp order. Pure: every time comes from the attempt (`startedAt`, each
 * answer's `at`, `submittedAt`), which recorded the clock you passed in.
 *
 * - `attempted` the quiz, at `startedAt` (plain xAPI only; cmi5 has no `attempted`).
 * - `answered` each question with a recorded answer, at the answer's time:
 *   a `cmi.interaction` activity (`choice`, `sequencing` or `matching`) with
 *   its components in authored order and the full-credit
 *   `correctResponsesPattern`, and `result.response` (see {@link xapiResponse}),
 *   `success` (full credit), `score` and, from `questionDurations`, `duration`.
 *   Unanswered questions get no statement; a response that no longer fits the
 *   quiz (after `rescoreAttempt`) gets one without `response`. A question
 *   taken under a behaviour that checks tries also gets one `answered` per
 *   try, at its time, scored by the rule alone, with the try number in
 *   `result.extensions["<activityBase>/extensions/try"]`; its final
 *   `answered` carries the behaviour's mark once submitted.
 * - Once submitted, `completed` — only when every question was answered —
 *   and `passed` or `failed`, at `submittedAt`, with `duration` from `startedAt`.
 *
 * Scores: `raw` = points earned, `min` = the fewest points the answers could
 * earn (below 0 where a rule penalises), `max` = points possible, as decimals
 * rounded half away from zero to 4 places; `scaled` = raw / max on the exact
 * values, floored to 4 places — more when the pass threshold has more — so it
 * never overstates a score and `scaled ≥ threshold` exactly when passed; a
 * negative share is rounded toward zero where flooring would put it below the
 * lowest possible share (−1/3 → −0.3333, not −0.3334), so min ≤ raw ≤ max and
 * lowest / possible ≤ scaled ≤ 1 hold on the exact bounds.
 *
 * Statement ids are version-5 UUIDs in the registration's namespace, named by
 * the JSON of `["quizkit", mode, actor identifier, quizId, quizHash,
 * attemptNumber, startedAt, verb]` (plus `questionId, answeredAt` for
 * `answered`): building the statements again gives the same ids, so a retry
 * (PUT, or POST of the same statement) is idempotent, while another
 * attempt, a changed answer or a re-scored quiz gets new ids.
 *
 * With `cmi5`, the statements follow cmi5 for an assignable unit: the AU's
 * `activityId` is the object of `completed`/`passed`/`failed`, which carry
 * the cmi5 category (plus `moveon`), the context template whole, and
 * `completion: true` or `success` alone; `passed`/`failed` are judged by
 * `masteryScore` when given (and say so in the masteryscore extension), else
 * by the quiz's pass mark; their score is `scaled` in [0, 1], with
 * `raw`/`min`/`max` only when all are whole numbers. `answered` statements
 * are "cmi5 allowed": the template, the AU as parent, no cmi5 category.
 * `prior` and `launchMode` suppress what cmi5 forbids. Send
 * {@link cmi5Initialized} before and {@link cmi5Terminated} after.
 *
 * @param quiz - The quiz the attempt is at.
 * @param attempt - The attempt, in progress or submitted.
 * @param options - Actor, registration, activity IRI base, language, and optionally durations and cmi5 launch data.
 * @returns The statements, oldest first.
 *
 * @example
 * ```ts
 * import { attemptStatements } from 'quizkit/xapi';
 * import { answer, startAttempt, submitAttempt } from 'quizkit/attempts';
 * import { correctResponses } from 'quizkit';
 * import { northKoreaChina } from 'quizkit/modules';
 * const quiz = northKoreaChina.quizzes[0];
 * const start = Date.parse('2025-09-01T10:00:00Z');
 * let attempt = startAttempt(quiz, { seed: 'learner-42:1', now: start });
 * Object.entries(correctResponses(quiz)).forEach(([id, response], index) => {
 *   attempt = answer(attempt, quiz, id, response, start + (index + 1) * 20_000);
 * });
 * const done = submitAttempt(attempt, quiz, start + 200_000);
 * const statements = attemptStatements(quiz, done, {
 *   actor: { account: { homePage: 'https://lms.example.com', name: 'learner-42' } },
 *   registration: 'ec531277-b57b-4c15-8d91-d292c5b2b8f7',
 *   activityBase: 'https://quizzes.example.com/north-korea-china',
 * });
 * statements.map((statement) => statement.verb.display['en-US']).join(' ');
 * //=> 'attempted answered answered answered answered answered answered answered answered answered completed passed'
 * statements[2]?.result?.response; //=> 'north-korean-leader[.]kim[,]chinese-president[.]xi[,]north-korean-foreign-minister[.]choe[,]chinese-foreign-minister[.]wang'
 * statements.at(-1)?.result; //=> { score: { scaled: 1, raw: 9, min: -0.3333, max: 9 }, success: true, completion: true, duration: 'PT3M20S' }
 * ```
 */
export function attemptStatements(quiz: ReadonlyQuiz, attempt: Attempt, options: XapiOptions): XapiStatement[] {
  const ids = activityIds(options.activityBase, options.language);
  const s = setup(options, ids.language);
  assertSameQuiz(attempt, quiz);
  const submitted = attempt.status === 'submitted' ? attempt : undefined;
  const results = new Map<string, QuestionResult>(
    quiz.questions.map((question, index) => [
      question.id,
      submitted?.result.questions[index] ?? scoreQuestion(question, attempt.answers[question.id]?.response),
    ]),
  );
  const key = (name: VerbName, ...more: (string | number)[]) => [attempt.quizId, attempt.quizHash, attempt.attemptNumber, attempt.startedAt, name, ...more];
  const quizObject = quizActivity(ids, quiz);
  const statements: XapiStatement[] = [];
  if (!s.cmi5) statements.push(build(s, key('attempted'), 'attempted', attempt.startedAt, quizObject, plainContext(s)));

  const answered = quiz.questions
    .map((question, index) => ({ question, index, recorded: attempt.answers[question.id], result: results.get(question.id)! }))
    .filter((entry) => entry.recorded !== undefined && entry.result.status !== 'unanswered')
    .sort((a, b) => a.recorded!.at - b.recorded!.at || a.index - b.index);
  // Each checked try (behaviours that check tries, issue #15): an `answered` of its own, scored by the rule
  // alone, with its number as a result extension. The final `answered` below carries the behaviour's mark.
  const tryIri = `${ids.base}/extensions/try`;
  const during: { at: EpochMillis; statement: XapiStatement }[] = [];
  const tries = quiz.questions.flatMap((question, index) =>
    (attempt.tries?.[question.id] ?? []).map((tried, n) => ({ question, index, tried, n: n + 1 })),
  );
  for (const { question, tried, n } of tries.sort((a, b) => a.tried.at - b.tried.at || a.index - b.index || a.n - b.n)) {
    const raw = scoreQuestion(question, tried.response);
    const response = xapiResponse(question, tried.response);
    const outcome: XapiResult = {
      ...(response === undefined ? {} : { response }),
      success: raw.status === 'correct',
      score: score(raw.earned, multiply(lowestFraction(question), question.points), raw.possible, SCALED_DECIMALS),
      extensions: { [tryIri]: n },
    };
    const parent = s.cmi5 ? ref(s.cmi5.activityId) : ref(quizObject.id);
    const context = s.cmi5 ? cmi5Context(s, { parent }) : plainContext(s, parent);
    during.push({ at: tried.at, statement: build(s, key('answered', question.id, 'try', n, tried.at), 'answered', tried.at, questionActivity(ids, quiz, question), context, outcome) });
  }
  for (const { question, recorded, result } of answered) {
    const response = xapiResponse(question, recorded!.response);
    const duration = durationOf(question.id, options.questionDurations);
    const outcome: XapiResult = {
      ...(response === undefined ? {} : { response }),
      success: result.status === 'correct',
      score: score(result.earned, multiply(lowestFraction(question), question.points), result.possible, SCALED_DECIMALS),
      ...(duration === undefined ? {} : { duration }),
    };
    const parent = s.cmi5 ? ref(s.cmi5.activityId) : ref(quizObject.id);
    const context = s.cmi5 ? cmi5Context(s, { parent }) : plainContext(s, parent);
    during.push({ at: recorded!.at, statement: build(s, key('answered', question.id, recorded!.at), 'answered', recorded!.at, questionActivity(ids, quiz, question), context, outcome) });
  }
  // In timestamp order; a try and the final answer at the same time keep the try first (the sort is stable).
  statements.push(...during.sort((a, b) => a.at - b.at).map((entry) => entry.statement));

  if (!submitted) return statements;
  const { result, submittedAt } = submitted;
  const duration = isoDuration(submittedAt - attempt.startedAt);
  const complete = submitted.result.questions.every((question) => question.status !== 'unanswered');
  const lowest = quiz.questions.reduce((total, question) => add(total, multiply(lowestFraction(question), question.points)), ZERO);
  const passMark = divide(result.passMark, fraction(100));

  if (!s.cmi5) {
    if (complete) statements.push(build(s, key('completed'), 'completed', submittedAt, quizObject, plainContext(s), { completion: true, duration }));
    const judged = result.passed ? 'passed' : 'failed';
    const outcome = { score: score(result.earned, lowest, result.possible, decimalsFor(passMark)), success: result.passed, completion: complete, duration };
    statements.push(build(s, key(judged), judged, submittedAt, quizObject, plainContext(s), outcome));
    return statements;
  }

  const { mastery, prior, launchMode, activityId } = s.cmi5;
  if (launchMode !== 'Normal') return statements;
  const au = ref(activityId);
  const moveOn = [CMI5_IRIS.category, CMI5_IRIS.moveOn];
  if (complete && !prior.completed) {
    statements.push(build(s, key('completed'), 'completed', submittedAt, au, cmi5Context(s, { category: moveOn }), { completion: true, duration }));
  }
  if (prior.passed || prior.judgedInSession) return statements;
  const share = clamp(divide(result.earned, result.possible), ZERO, ONE);
  const passed = mastery ? compare(share, mastery) >= 0 : result.passed;
  const judged = passed ? 'passed' : 'failed';
  const extensions = mastery ? { [CMI5_IRIS.masteryScore]: options.cmi5!.masteryScore } : {};
  const outcome = { score: cmi5Score(share, result.earned, lowest, result.possible, decimalsFor(mastery ?? passMark)), success: passed, duration };
  statements.push(build(s, key(judged), judged, submittedAt, au, cmi5Context(s, { category: moveOn, extensions }), outcome));
  return statements;
}

function sessionStatement(options: Cmi5SessionOptions, name: 'initialized' | 'terminated', now: EpochMillis, result?: XapiResult): XapiStatement {
  if (!options?.cmi5) throw new TypeError(`cmi5${name[0]!.toUpperCase()}${name.slice(1)} needs options.cmi5 (activityId and contextTemplate)`);
  const s = setup(options, languageOf(options.language));
  const context = cmi5Context(s, { category: [CMI5_IRIS.category] });
  return build(s, [s.cmi5!.sessionId, name], name, now, ref(s.cmi5!.activityId), context, result);
}

/**
 * The cmi5 `initialized` statement that must open every AU session, before
 * any statement of {@link attemptStatements}. Its id is derived from the
 * session id, so sending it again is idempotent.
 *
 * @param options - Actor, registration and the cmi5 launch data.
 * @param now - When the AU was ready for the learner, in epoch milliseconds.
 * @returns The statement.
 *
 * @example
 * ```ts
 * import { cmi5Initialized } from 'quizkit/xapi';
 * const statement = cmi5Initialized({
 *   actor: { account: { homePage: 'https://lms.example.com', name: 'learner-42' } },
 *   registration: 'ec531277-b57b-4c15-8d91-d292c5b2b8f7',
 *   cmi5: { activityId: 'https://lms.example.com/au/7f3e', contextTemplate: { extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': 'session-1' } } },
 * }, Date.parse('2025-09-01T09:59:58Z'));
 * statement.timestamp; //=> '2025-09-01T09:59:58.000Z'
 * statement.context.contextActivities?.category; //=> [{ objectType: 'Activity', id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' }]
 * ```
 */
export function cmi5Initialized(options: Cmi5SessionOptions, now: EpochMillis): XapiStatement {
  assertTime(now, 'now');
  return sessionStatement(options, 'initialized', now);
}

/**
 * The cmi5 `terminated` statement that must close every AU session, after
 * every other statement, with the session's duration.
 *
 * @param options - Actor, registration and the cmi5 launch data.
 * @param now - When the session ended, in epoch milliseconds.
 * @param initializedAt - When it was initialized (the `now` given to {@link cmi5Initialized}).
 * @returns The statement.
 *
 * @example
 * ```ts
 * import { cmi5Terminated } from 'quizkit/xapi';
 * const statement = cmi5Terminated({
 *   actor: { account: { homePage: 'https://lms.example.com', name: 'learner-42' } },
 *   registration: 'ec531277-b57b-4c15-8d91-d292c5b2b8f7',
 *   cmi5: { activityId: 'https://lms.example.com/au/7f3e', contextTemplate: { extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': 'session-1' } } },
 * }, Date.parse('2025-09-01T10:03:25Z'), Date.parse('2025-09-01T09:59:58Z'));
 * statement.result; //=> { duration: 'PT3M27S' }
 * ```
 */
export function cmi5Terminated(options: Cmi5SessionOptions, now: EpochMillis, initializedAt: EpochMillis): XapiStatement {
  assertTime(now, 'now');
  assertTime(initializedAt, 'initializedAt');
  if (initializedAt > now) throw new RangeError('initializedAt is after now');
  return sessionStatement(options, 'terminated', now, { duration: isoDuration(now - initializedAt) });
}

/**
 * The xAPI activities of a module — each quiz (an assessment) followed by its
 * questions (`cmi.interaction` definitions with components and
 * `correctResponsesPattern`) — with the same ids and definitions as the
 * statements of {@link attemptStatements}: what `quizkit export --format
 * xapi-definitions` writes, e.g. to register the activities with an LRS or
 * to review them. They contain the answer key.
 *
 * @param module - A parsed module.
 * @param options - The activity IRI base and the language.
 * @returns The activities, quiz by quiz.
 *
 * @example
 * ```ts
 * import { xapiActivityDefinitions } from 'quizkit/xapi';
 * import { northKoreaChina } from 'quizkit/modules';
 * const activities = xapiActivityDefinitions(northKoreaChina, { activityBase: 'https://quizzes.example.com/north-korea-china' });
 * activities.length; //=> 20
 * activities[6]?.id; //=> 'https://quizzes.example.com/north-korea-china/quizzes/actors-and-events/questions/order-summit-meeting-anniversary'
 * activities[6]?.definition?.correctResponsesPattern; //=> ['kim-xi-summit[,]ministers-meet[,]party-anniversary']
 * ```
 */
export function xapiActivityDefinitions(module: ReadonlyModule, options: XapiDefinitionOptions): XapiActivity[] {
  return moduleActivities(activityIds(options.activityBase, options.language), module);
}
