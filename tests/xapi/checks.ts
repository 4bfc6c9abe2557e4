// What the xAPI tests check, written independently of src/xapi: Learning
// Locker's validator for the statement structure, and our own readers for
// what it does not check — response-pattern syntax, ids that exist in the
// component lists, canonical order, scores, timestamps and cmi5's rules.
import { createRequire } from 'node:module';
import { correctResponses, type Quiz } from 'quizkit';
import { answer, startAttempt, submitAttempt, type Attempt } from 'quizkit/attempts';
import type { DeepReadonly, Question } from 'quizkit';
import type { XapiActivityDefinition, XapiOptions, XapiStatement } from 'quizkit/xapi';

const require = createRequire(import.meta.url);
const validate = (require('@learninglocker/xapi-validation') as { default: (statement: unknown) => { path?: string[]; constructor: { name: string } }[] }).default;

/** Learning Locker's warnings for a statement, as readable strings (none means valid xAPI 1.0.x). */
export function xapiWarnings(statement: unknown): string[] {
  return validate(JSON.parse(JSON.stringify(statement))).map(
    (warning) => `${(warning.path ?? []).join('.')}: ${warning.constructor.name} ${JSON.stringify(warning).slice(0, 200)}`,
  );
}

export const VERB = (name: string) => `http://adlnet.gov/expapi/verbs/${name}`;
export const verbName = (statement: XapiStatement) => statement.verb.id.replace('http://adlnet.gov/expapi/verbs/', '');

export const ACTOR = { account: { homePage: 'https://lms.example.com', name: 'learner-42' } } as const;
export const REGISTRATION = 'ec531277-b57b-4c15-8d91-d292c5b2b8f7';
export const BASE = 'https://quizzes.example.com/north-korea-china';
export const OPTIONS: XapiOptions = { actor: ACTOR, registration: REGISTRATION, activityBase: BASE, language: 'en' };
export const START = Date.parse('2025-09-01T10:00:00Z');

type AnyQuiz = DeepReadonly<Quiz>;
type AnyQuestion = DeepReadonly<Question>;

/** A response that is wrong in part: one wrong option, two items swapped, two actors swapped. */
export function partlyWrong(question: AnyQuestion): unknown {
  switch (question.type) {
    case 'single-choice':
      return question.options.find((option) => !option.correct)!.id;
    case 'multiple-choice': {
      const right = question.options.filter((option) => option.correct).map((option) => option.id);
      const wrong = question.options.find((option) => !option.correct)!.id;
      return [wrong, ...right.slice(1)];
    }
    case 'ordering': {
      const [first, second, ...rest] = question.correctOrder;
      return [second, first, ...rest];
    }
    case 'matching': {
      const entries = question.statements.map((statement) => [statement.id, statement.actor] as [string, string | null]);
      const [a, b] = [entries[0]!, entries.find(([, actor]) => actor !== entries[0]![1])!];
      [a[1], b[1]] = [b[1], a[1]];
      return Object.fromEntries(entries);
    }
  }
}

/**
 * An attempt answering every question (in quiz order, 20 s apart), fully
 * correct or — every other question — partly wrong; `skip` leaves questions out.
 */
export function takeQuiz(quiz: AnyQuiz, kind: 'correct' | 'partly-wrong', { skip = [] as string[], attemptNumber = 1, start = START } = {}): Attempt & { status: 'submitted' } {
  const key = correctResponses(quiz) as Record<string, unknown>;
  let attempt: Attempt = startAttempt(quiz, { seed: `learner-42:${attemptNumber}`, now: start, attemptNumber });
  quiz.questions.forEach((question, index) => {
    if (skip.includes(question.id)) return;
    const response = kind === 'partly-wrong' && index % 2 === 0 ? partlyWrong(question) : key[question.id];
    attempt = answer(attempt, quiz, question.id, response, start + (index + 1) * 20_000);
  });
  return submitAttempt(attempt, quiz, start + (quiz.questions.length + 1) * 20_000) as Attempt & { status: 'submitted' };
}

// ---------------------------------------------------------------- response patterns (xAPI 1.0.3 §2.4.4.1)

const ID = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * Reads a response or correct-response string for a definition, per the
 * xAPI syntax, and returns it in quizkit's response shape — or throws saying
 * what is wrong: a malformed delimiter, an id not in the component list, a
 * repeated id, or ids out of canonical (component-list) order.
 */
export function readPattern(definition: XapiActivityDefinition, pattern: string, single: boolean): unknown {
  const items = pattern === '' ? [] : pattern.split('[,]');
  const ids = (list: readonly { id: string }[] | undefined) => (list ?? []).map((component) => component.id);
  const need = (ok: boolean, message: string) => {
    if (!ok) throw new Error(`${message} in ${JSON.stringify(pattern)}`);
  };
  const inOrder = (positions: number[]) => positions.every((position, index) => index === 0 || position > positions[index - 1]!);
  switch (definition.interactionType) {
    case 'choice': {
      const choices = ids(definition.choices);
      items.forEach((item) => need(ID.test(item) && choices.includes(item), `"${item}" is not a choice id`));
      need(new Set(items).size === items.length, 'a choice is repeated');
      need(inOrder(items.map((item) => choices.indexOf(item))), 'choices are not in canonical order');
      if (single) {
        need(items.length === 1 && !pattern.includes('['), 'a single choice is one id with no delimiter');
        return items[0];
      }
      return items;
    }
    case 'sequencing': {
      const choices = ids(definition.choices);
      items.forEach((item) => need(ID.test(item) && choices.includes(item), `"${item}" is not an item id`));
      need(new Set(items).size === items.length && items.length === choices.length, 'not every item exactly once');
      return items;
    }
    case 'matching': {
      const [sources, targets] = [ids(definition.source), ids(definition.target)];
      const pairs = items.map((item) => {
        const parts = item.split('[.]');
        need(parts.length === 2, `"${item}" is not one source[.]target pair`);
        const [source, target] = parts as [string, string];
        need(ID.test(source) && sources.includes(source), `"${source}" is not a source id`);
        need(ID.test(target) && targets.includes(target), `"${target}" is not a target id`);
        return [source, target] as const;
      });
      need(new Set(pairs.map(([source]) => source)).size === pairs.length, 'a source is matched twice');
      need(inOrder(pairs.map(([source]) => sources.indexOf(source))), 'pairs are not in canonical (source) order');
      return Object.fromEntries(pairs);
    }
    default:
      throw new Error(`unexpected interactionType ${String(definition.interactionType)}`);
  }
}

/** A quizkit response as `readPattern` returns it: choice sets sorted as the options are, matching without "none" entries. */
export function normalise(question: AnyQuestion, response: unknown): unknown {
  switch (question.type) {
    case 'multiple-choice':
      return question.options.map((option) => option.id).filter((id) => (response as string[]).includes(id));
    case 'matching':
      return Object.fromEntries(Object.entries(response as Record<string, string | null>).filter(([, actor]) => actor !== null && actor !== undefined));
    default:
      return response;
  }
}

// ---------------------------------------------------------------- cmi5 (cmi5_spec.md, Quartz)

export const CMI5_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
export const MOVEON_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
export const SESSION_ID = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
export const MASTERY_SCORE = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';
const DEFINED = ['initialized', 'completed', 'passed', 'failed', 'terminated'];

export interface LaunchData {
  readonly activityId: string;
  readonly contextTemplate: { contextActivities?: { grouping?: { id: string }[] }; extensions: Record<string, unknown> };
  readonly masteryScore?: number;
}

const categories = (statement: XapiStatement) => (statement.context.contextActivities?.category ?? []).map((activity) => activity.id);
const isDefined = (statement: XapiStatement) => categories(statement).includes(CMI5_CATEGORY);

/**
 * Every cmi5 rule an AU's statements can break, for one session (a list
 * opening with initialized and closing with terminated) or several sessions
 * of one registration. Returns the broken rules, empty when all hold.
 */
export function cmi5Violations(sessions: readonly (readonly XapiStatement[])[], launch: LaunchData): string[] {
  const problems: string[] = [];
  const fail = (statement: XapiStatement | undefined, rule: string) => problems.push(`${statement ? `${verbName(statement)} ${statement.id}: ` : ''}${rule}`);
  const registration: string[] = [];
  for (const session of sessions) {
    const sessionId = session[0]?.context.extensions?.[SESSION_ID];
    if (verbName(session[0]!) !== 'initialized' || !isDefined(session[0]!)) fail(session[0], 'the first statement of a session is a cmi5 initialized');
    if (verbName(session.at(-1)!) !== 'terminated' || !isDefined(session.at(-1)!)) fail(session.at(-1), 'the last statement of a session is a cmi5 terminated');
    const times = session.map((statement) => Date.parse(statement.timestamp));
    if (times.some((time, index) => index > 0 && time < times[index - 1]!)) fail(undefined, 'timestamps follow the order of the statements');
    const definedVerbs = session.filter(isDefined).map(verbName);
    if (new Set(definedVerbs).size !== definedVerbs.length) fail(undefined, `verbs are not duplicated in a session: ${definedVerbs.join(', ')}`);
    if (definedVerbs.filter((name) => name === 'passed' || name === 'failed').length > 1) fail(undefined, 'at most one of passed/failed per session');
    registration.push(...definedVerbs);
    for (const statement of session) {
      const name = verbName(statement);
      const { context, result } = statement;
      if (!('account' in statement.actor)) fail(statement, 'the actor is an Agent with an account');
      if (name === 'attempted') fail(statement, 'cmi5 has no attempted');
      if (!/Z$/.test(statement.timestamp) || new Date(statement.timestamp).toISOString() !== statement.timestamp) fail(statement, 'timestamps are UTC');
      if (context.registration !== REGISTRATION) fail(statement, 'the registration is the launch registration');
      if (context.extensions?.[SESSION_ID] !== sessionId) fail(statement, 'the session id extension is on every statement');
      for (const grouping of launch.contextTemplate.contextActivities?.grouping ?? []) {
        if (!context.contextActivities?.grouping?.some((activity) => activity.id === grouping.id)) fail(statement, 'the template grouping (publisher id) is kept');
      }
      for (const [key, value] of Object.entries(launch.contextTemplate.extensions)) {
        if (JSON.stringify(context.extensions?.[key]) !== JSON.stringify(value)) fail(statement, `template extension ${key} is kept unchanged`);
      }
      const cats = categories(statement);
      if (!isDefined(statement)) {
        // "cmi5 allowed": any verb, the template, no cmi5 category.
        if (DEFINED.includes(name)) fail(statement, 'cmi5 verbs carry the cmi5 category');
        if (cats.includes(MOVEON_CATEGORY)) fail(statement, 'moveon only on cmi5 defined statements');
        continue;
      }
      if (statement.object.id !== launch.activityId) fail(statement, 'the object of a cmi5 defined statement is the AU activityId');
      const hasMoveOn = result?.success !== undefined || result?.completion !== undefined;
      if (hasMoveOn !== cats.includes(MOVEON_CATEGORY)) fail(statement, 'moveon category exactly when result has success or completion');
      if (result?.score && name !== 'passed' && name !== 'failed') fail(statement, 'score only on passed/failed');
      if (result?.success !== undefined && name !== 'passed' && name !== 'failed') fail(statement, 'success only on passed/failed');
      if (name === 'passed' && result?.success !== true) fail(statement, 'passed has success true');
      if (name === 'failed' && result?.success !== false) fail(statement, 'failed has success false');
      if (result?.completion !== undefined && name !== 'completed') fail(statement, 'completion only on completed');
      if (name === 'completed' && result?.completion !== true) fail(statement, 'completed has completion true');
      if (['completed', 'passed', 'failed', 'terminated'].includes(name) && !result?.duration) fail(statement, 'duration is required');
      const score = result?.score;
      if (score) {
        if (score.scaled !== undefined && !(score.scaled >= 0 && score.scaled <= 1)) fail(statement, 'scaled is in [0, 1]');
        if (score.raw !== undefined) {
          if (![score.raw, score.min, score.max].every(Number.isInteger)) fail(statement, 'raw, min and max are integers, and min and max come with raw');
        } else if (score.min !== undefined || score.max !== undefined) fail(statement, 'min and max only with raw');
      }
      if (name === 'passed' || name === 'failed') {
        const mastery = context.extensions?.[MASTERY_SCORE];
        if (launch.masteryScore !== undefined) {
          if (mastery !== launch.masteryScore) fail(statement, 'passed/failed judged on masteryScore carry it');
          if (score?.scaled !== undefined && (name === 'passed') !== score.scaled >= launch.masteryScore) {
            fail(statement, 'passed ⇔ scaled ≥ masteryScore');
          }
        } else if (mastery !== undefined) fail(statement, 'no masteryscore extension without a masteryScore');
      }
    }
  }
  const count = (name: string) => registration.filter((verb) => verb === name).length;
  if (count('completed') > 1) fail(undefined, 'one completed per registration');
  if (count('passed') > 1) fail(undefined, 'one passed per registration');
  const firstPassed = registration.indexOf('passed');
  if (firstPassed >= 0 && registration.slice(firstPassed).includes('failed')) fail(undefined, 'no failed after passed in a registration');
  return problems;
}
