import type { Fraction, QuestionResult } from 'quizkit';
import {
  QuestionSchema,
  parseQuiz,
  type MatchingQuestion,
  type MultipleChoiceQuestion,
  type OrderingQuestion,
  type QuestionInput,
  type QuestionType,
  type Quiz,
  type QuizInput,
  type SingleChoiceQuestion,
} from 'quizkit/schema';
import { expect } from 'vitest';

/** The fields every question needs but no scoring test cares about. */
export const BOILERPLATE = {
  prompt: 'Which one?',
  explanation: 'Because the reading says so.',
  source: { section: 'intro', quote: 'A quote from the reading.' },
} as const;

type InputOf<T extends QuestionType> = Extract<QuestionInput, { type: T }>;
type Boilerplate = 'type' | 'id' | 'prompt' | 'explanation' | 'source';
/** A question as a test writes it: only what matters, the rest filled in. */
export type Authored<T extends QuestionType> = Omit<InputOf<T>, Boilerplate> & Partial<Pick<InputOf<T>, Exclude<Boilerplate, 'type'>>>;

function build<T extends QuestionType>(type: T, input: Authored<T>) {
  // Parsed through the schema, so defaults (rule, points, correct: false) and exact numbers are applied.
  return QuestionSchema.parse({ id: 'q', ...BOILERPLATE, ...input, type });
}

export const singleChoice = (input: Authored<'single-choice'>) => build('single-choice', input) as SingleChoiceQuestion;
export const multipleChoice = (input: Authored<'multiple-choice'>) => build('multiple-choice', input) as MultipleChoiceQuestion;
export const ordering = (input: Authored<'ordering'>) => build('ordering', input) as OrderingQuestion;
export const matching = (input: Authored<'matching'>) => build('matching', input) as MatchingQuestion;

/** Options `a`, `b`, … from a pattern such as `'x..'` (x marks a correct option), with optional extras per id. */
export function options(pattern: string, extra: Record<string, Record<string, unknown>> = {}) {
  return [...pattern].map((mark, index) => {
    const id = String.fromCharCode(97 + index);
    return { id, text: `Option ${id.toUpperCase()}`, ...(mark === 'x' ? { correct: true } : {}), ...extra[id] };
  });
}

/** Ordering items from a string of one-letter ids, e.g. `items('ABCD')`. */
export const items = (ids: string) => [...ids].map((id) => ({ id, text: `Item ${id}` }));

/** A quiz with boilerplate filled into the quiz and each question. */
export function quiz(input: Omit<QuizInput, 'id' | 'title' | 'questions'> & { questions: readonly Record<string, unknown>[] }): Quiz {
  return parseQuiz({
    id: 'quiz',
    title: 'A quiz',
    ...input,
    questions: input.questions.map((question) => ({ ...BOILERPLATE, ...question })),
  });
}

/** The reduced fraction n/d, written the way the engine stores it. */
export function frac(n: number, d = 1): Fraction {
  const g = gcd(n, d);
  const sign = d < 0 ? -1 : 1;
  return { n: (sign * n) / g + 0, d: (sign * d) / g };
}

function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b) [a, b] = [b, a % b];
  return a || 1;
}

/** Asserts status, fraction and earned (= fraction × possible) of a result in one line. */
export function expectScore(result: QuestionResult, status: QuestionResult['status'], fraction: Fraction, earned?: Fraction): void {
  expect({ status: result.status, fraction: result.fraction }).toEqual({ status, fraction });
  if (earned) expect(result.earned).toEqual(earned);
}

/** The parts of a result as `id: earned/possible` strings, for compact assertions. */
export const partScores = (result: QuestionResult) =>
  result.parts.map((part) => `${part.id}: ${part.earned.n}/${part.earned.d} of ${part.possible.n}/${part.possible.d}`);
