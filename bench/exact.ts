/**
 * The checked floor with exact totals: the same response checks, then every
 * question's fraction and the quiz total as reduced rationals (gcd after each
 * step, as quizkit's `fraction.ts` does), still returning only the total.
 * Between the checked floor and this, the cost of exactness shows by itself.
 */
import type { Fraction, Quiz } from '../dist/index.js';
import { type FloorKey, lis, validAttempt } from './floor.js';
import type { Attempt } from './quiz.js';

function gcd(a: number, b: number): number {
  a = Math.abs(a);
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}
const ratio = (n: number, d: number): Fraction => {
  const g = gcd(n, d) || 1;
  return { n: n / g, d: d / g };
};
const add = (a: Fraction, b: Fraction): Fraction => (a.d === b.d ? ratio(a.n + b.n, a.d) : ratio(a.n * b.d + b.n * a.d, a.d * b.d));
const multiply = (a: Fraction, b: Fraction): Fraction => ratio(a.n * b.n, a.d * b.d);
const ZERO: Fraction = { n: 0, d: 1 };
const ONE: Fraction = { n: 1, d: 1 };

type ExactKey =
  | { kind: 'single'; id: string; points: Fraction; credit: Record<string, Fraction> }
  | { kind: 'multiple'; id: string; points: Fraction; rule: string; credit: Record<string, Fraction>; correct: Record<string, boolean>; k: number }
  | { kind: 'ordering'; id: string; points: Fraction; rule: string; position: Record<string, number> }
  | { kind: 'matching'; id: string; points: Fraction; actor: Record<string, string | null>; weight: Record<string, Fraction>; total: Fraction };

export interface ExactFloorKey {
  readonly floor: FloorKey;
  readonly questions: readonly ExactKey[];
}

/** Compiles the exact answer key (per-question rationals) next to the floor's key. */
export function compileExact(quiz: Quiz, floor: FloorKey): ExactFloorKey {
  const questions = quiz.questions.map((question): ExactKey => {
    const points = question.points;
    switch (question.type) {
      case 'single-choice': {
        const k = question.options.length;
        const credit: Record<string, Fraction> = {};
        for (const option of question.options) {
          credit[option.id] =
            question.rule.name === 'option-credit'
              ? (option.credit ?? (option.correct ? ONE : ZERO))
              : option.correct ? ONE : ratio(-1, k - 1);
        }
        return { kind: 'single', id: question.id, points, credit };
      }
      case 'multiple-choice': {
        const k = question.options.filter((option) => option.correct).length;
        const credit: Record<string, Fraction> = {};
        const correct: Record<string, boolean> = {};
        for (const option of question.options) {
          credit[option.id] = option.credit ?? ratio(option.correct ? 1 : -1, k);
          correct[option.id] = option.correct;
        }
        return { kind: 'multiple', id: question.id, points, rule: question.rule.name, credit, correct, k };
      }
      case 'ordering': {
        const position: Record<string, number> = {};
        question.correctOrder.forEach((id, index) => (position[id] = index));
        return { kind: 'ordering', id: question.id, points, rule: question.rule.name, position };
      }
      case 'matching': {
        const actor: Record<string, string | null> = {};
        const weight: Record<string, Fraction> = {};
        let total = ZERO;
        for (const statement of question.statements) {
          actor[statement.id] = statement.actor;
          weight[statement.id] = statement.weight ?? ONE;
          total = add(total, weight[statement.id]!);
        }
        return { kind: 'matching', id: question.id, points, actor, weight, total };
      }
    }
  });
  return { floor, questions };
}

function orderingFraction(key: Extract<ExactKey, { kind: 'ordering' }>, order: readonly string[]): Fraction {
  const n = order.length;
  const values = order.map((id) => key.position[id]!);
  if (key.rule === 'pairwise-order') {
    let inversions = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (values[i]! > values[j]!) inversions++;
    return ratio(n * (n - 1) - 2 * inversions, n * (n - 1));
  }
  if (key.rule !== 'longest-ordered-subsequence') throw new Error(`the exact floor does not implement ordering rule ${key.rule}`);
  const longest = lis(values);
  return ratio(longest >= 2 ? longest : 0, n);
}

function multipleFraction(key: Extract<ExactKey, { kind: 'multiple' }>, chosen: readonly string[]): Fraction {
  let sum = ZERO;
  let right = 0;
  let wrong = 0;
  for (const id of chosen) {
    sum = add(sum, key.credit[id]!);
    if (key.correct[id]) right++;
    else wrong++;
  }
  if (key.rule === 'weighted-credit') return sum.n < 0 ? ZERO : sum.n > sum.d ? ONE : sum;
  if (key.rule === 'right-minus-wrong') return ratio(Math.max(0, right - wrong), key.k);
  throw new Error(`the exact floor does not implement multiple-choice rule ${key.rule}`);
}

/** Checks like the checked floor, then scores exactly: the total as a reduced rational, or `undefined` when a response is malformed. */
export function scoreExactChecked(key: ExactFloorKey, attempt: unknown): Fraction | undefined {
  if (!validAttempt(key.floor, attempt)) return undefined;
  let total = ZERO;
  for (const question of key.questions) {
    const response = attempt[question.id];
    if (response === undefined) continue;
    let fraction: Fraction;
    switch (question.kind) {
      case 'single':
        fraction = question.credit[response as string]!;
        break;
      case 'multiple':
        fraction = multipleFraction(question, response as readonly string[]);
        break;
      case 'ordering':
        fraction = orderingFraction(question, response as readonly string[]);
        break;
      case 'matching': {
        let earned = ZERO;
        const given = response as Record<string, string>;
        for (const statement in question.actor) if (given[statement] === question.actor[statement]) earned = add(earned, question.weight[statement]!);
        fraction = multiply(earned, { n: question.total.d, d: question.total.n });
        break;
      }
    }
    total = add(total, multiply(fraction, question.points));
  }
  return total;
}
