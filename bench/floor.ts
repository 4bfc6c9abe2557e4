/**
 * The floor: a plain hand-written scorer for the same quiz and the same rules
 * as quizkit, in floating point, with no response checks, no per-part
 * results, no feedback and no breakdowns. It is what an app would write for
 * itself if it trusted its input and wanted only the total; nothing that
 * checks its input can be faster.
 *
 * The answer key is compiled once per quiz (as a hand-written scorer would
 * hard-code it); each attempt is then a few loops over small arrays.
 */
import type { Quiz } from '../dist/index.js';
import type { Attempt } from './quiz.js';

type Key =
  | { kind: 'single'; id: string; points: number; credit: Record<string, number> }
  | { kind: 'multiple'; id: string; points: number; rule: string; credit: Record<string, number>; correct: Record<string, boolean>; k: number; n: number }
  | { kind: 'ordering'; id: string; points: number; rule: string; position: Record<string, number> }
  | {
      kind: 'matching';
      id: string;
      points: number;
      allOrNothing: boolean;
      actor: Record<string, string | null>;
      weight: Record<string, number>;
      total: number;
      actors: ReadonlySet<string>;
    };

export interface FloorKey {
  readonly questions: readonly Key[];
  /** For the checked variant: question ids, and each question's allowed ids (options, items or statements). */
  readonly ids: ReadonlySet<string>;
  readonly allowed: readonly ReadonlyMap<string, number>[];
}

const num = (x: { n: number; d: number }) => x.n / x.d;

/** Compiles the answer key of a parsed quiz. */
export function compileFloor(quiz: Quiz): FloorKey {
  const questions = quiz.questions.map((question): Key => {
    const points = num(question.points);
    switch (question.type) {
      case 'single-choice': {
        const k = question.options.length;
        const credit: Record<string, number> = {};
        for (const option of question.options) {
          credit[option.id] =
            question.rule.name === 'option-credit'
              ? option.credit ? num(option.credit) : option.correct ? 1 : 0
              : option.correct ? 1 : -1 / (k - 1);
        }
        return { kind: 'single', id: question.id, points, credit };
      }
      case 'multiple-choice': {
        const n = question.options.length;
        const k = question.options.filter((option) => option.correct).length;
        const credit: Record<string, number> = {};
        const correct: Record<string, boolean> = {};
        for (const option of question.options) {
          credit[option.id] = option.credit ? num(option.credit) : option.correct ? 1 / k : -1 / k;
          correct[option.id] = option.correct;
        }
        return { kind: 'multiple', id: question.id, points, rule: question.rule.name, credit, correct, k, n };
      }
      case 'ordering': {
        const position: Record<string, number> = {};
        question.correctOrder.forEach((id, index) => (position[id] = index));
        return { kind: 'ordering', id: question.id, points, rule: question.rule.name, position };
      }
      case 'matching': {
        const actor: Record<string, string | null> = {};
        const weight: Record<string, number> = {};
        let total = 0;
        for (const statement of question.statements) {
          actor[statement.id] = statement.actor;
          weight[statement.id] = statement.weight ? num(statement.weight) : 1;
          total += weight[statement.id]!;
        }
        return {
          kind: 'matching',
          id: question.id,
          points,
          allOrNothing: question.rule.name === 'all-or-nothing',
          actor,
          weight,
          total,
          actors: new Set(question.actors.map((a) => a.id)),
        };
      }
    }
  });
  const allowed = quiz.questions.map((question) => {
    const ids =
      question.type === 'ordering'
        ? question.items.map((item) => item.id)
        : question.type === 'matching'
          ? question.statements.map((statement) => statement.id)
          : question.options.map((option) => option.id);
    return new Map(ids.map((id, index) => [id, index]));
  });
  return { questions, ids: new Set(quiz.questions.map((question) => question.id)), allowed };
}

/** Length of the longest increasing subsequence (patience sorting; n is small). */
export function lis(values: readonly number[]): number {
  const tails: number[] = [];
  for (const value of values) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (tails[mid]! < value) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = value;
  }
  return tails.length;
}

function scoreOrdering(key: Extract<Key, { kind: 'ordering' }>, order: readonly string[]): number {
  const n = order.length;
  const values = new Array<number>(n);
  for (let i = 0; i < n; i++) values[i] = key.position[order[i]!]!;
  switch (key.rule) {
    case 'pairwise-order': {
      let inversions = 0;
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (values[i]! > values[j]!) inversions++;
      return 1 - (2 * inversions) / (n * (n - 1));
    }
    case 'longest-ordered-subsequence': {
      const best = lis(values);
      return best >= 2 ? best / n : 0;
    }
    case 'exact-position':
    case 'all-or-nothing': {
      let hits = 0;
      for (let i = 0; i < n; i++) if (values[i] === i) hits++;
      return key.rule === 'all-or-nothing' ? (hits === n ? 1 : 0) : hits / n;
    }
    default:
      throw new Error(`the floor does not implement ordering rule ${key.rule}`);
  }
}

function scoreMultiple(key: Extract<Key, { kind: 'multiple' }>, chosen: readonly string[]): number {
  let right = 0;
  let wrong = 0;
  let credit = 0;
  for (const id of chosen) {
    if (key.correct[id]) right++;
    else wrong++;
    credit += key.credit[id]!;
  }
  switch (key.rule) {
    case 'all-or-nothing':
      return right === key.k && wrong === 0 ? 1 : 0;
    case 'weighted-credit':
      return Math.min(1, Math.max(0, credit));
    case 'right-minus-wrong':
      return Math.max(0, right - wrong) / key.k;
    case 'every-decision-counts':
      return (right + (key.n - key.k - wrong)) / key.n;
    default:
      throw new Error(`the floor does not implement multiple-choice rule ${key.rule}`);
  }
}

function scoreMatching(key: Extract<Key, { kind: 'matching' }>, given: Readonly<Record<string, string>>): number {
  let earned = 0;
  for (const statement in key.actor) if (given[statement] === key.actor[statement]) earned += key.weight[statement]!;
  return key.allOrNothing ? (earned === key.total ? 1 : 0) : earned / key.total;
}

/**
 * Scores one attempt: Σ points × fraction, in floating point. When `fractions`
 * is given, each question's fraction is written into it (for the cross-check).
 */
export function scoreFloor(key: FloorKey, attempt: Attempt, fractions?: number[]): number {
  let total = 0;
  const questions = key.questions;
  for (let q = 0; q < questions.length; q++) {
    const question = questions[q]!;
    const response = attempt[question.id];
    let fraction = 0;
    if (response !== undefined) {
      switch (question.kind) {
        case 'single':
          fraction = question.credit[response as string]!;
          break;
        case 'multiple':
          fraction = scoreMultiple(question, response as readonly string[]);
          break;
        case 'ordering':
          fraction = scoreOrdering(question, response as readonly string[]);
          break;
        case 'matching':
          fraction = scoreMatching(question, response as Record<string, string>);
          break;
      }
    }
    if (fractions) fractions[q] = fraction;
    total += question.points * fraction;
  }
  return total;
}

/** A list of distinct known ids, at most `max` long (exactly `max` when `complete`). */
function validIdList(response: unknown, allowed: ReadonlyMap<string, number>, complete: boolean): boolean {
  if (!Array.isArray(response)) return false;
  const max = allowed.size;
  if (response.length > max || (complete && response.length !== max)) return false;
  let seen = 0;
  for (const id of response) {
    const index = typeof id === 'string' ? allowed.get(id) : undefined;
    if (index === undefined || seen & (1 << index)) return false;
    seen |= 1 << index;
  }
  return true;
}

/** A plain object from known statements to known actors. */
function validMatching(response: unknown, key: Extract<Key, { kind: 'matching' }>, allowed: ReadonlyMap<string, number>): boolean {
  if (response === null || typeof response !== 'object' || Array.isArray(response)) return false;
  let count = 0;
  for (const statement in response) {
    if (!Object.hasOwn(response, statement)) continue;
    const actor: unknown = (response as Record<string, unknown>)[statement];
    if (++count > allowed.size || !allowed.has(statement) || typeof actor !== 'string' || !key.actors.has(actor)) return false;
  }
  return true;
}

/**
 * quizkit's response checks, hand-written: the responses are a plain object
 * with no unknown question ids; each response has the right shape, known ids,
 * no duplicates, and an ordering lists every item. Ids are limited to 31 per
 * question (a bit set), which the benchmark quiz respects.
 */
export function validAttempt(key: FloorKey, attempt: unknown): attempt is Attempt {
  if (attempt === null || typeof attempt !== 'object' || Array.isArray(attempt)) return false;
  for (const id in attempt) if (Object.hasOwn(attempt, id) && !key.ids.has(id)) return false;
  const record = attempt as Record<string, unknown>;
  const questions = key.questions;
  for (let q = 0; q < questions.length; q++) {
    const question = questions[q]!;
    const response = Object.hasOwn(record, question.id) ? record[question.id] : undefined;
    if (response === undefined || response === null) continue;
    const allowed = key.allowed[q]!;
    switch (question.kind) {
      case 'single':
        if (typeof response !== 'string' || !allowed.has(response)) return false;
        break;
      case 'multiple':
        if (!validIdList(response, allowed, false)) return false;
        break;
      case 'ordering':
        if (!validIdList(response, allowed, true)) return false;
        break;
      case 'matching':
        if (!validMatching(response, question, allowed)) return false;
        break;
    }
  }
  return true;
}

/**
 * The floor with the response checks added, still in floating point and
 * returning only the total (`NaN` flags a malformed attempt; no issue
 * objects). This shows what checking itself costs, apart from exactness and
 * from building an explainable result.
 */
export function scoreFloorChecked(key: FloorKey, attempt: unknown): number {
  return validAttempt(key, attempt) ? scoreFloor(key, attempt) : Number.NaN;
}
