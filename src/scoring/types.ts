import type { Fraction } from '../fraction/fraction.js';
import type { Question, QuestionType } from '../schema/types.js';

/**
 * How a question came out: `correct` (full credit), `partial`, `incorrect`
 * (no credit, or less), `unanswered` (no response), or `invalid` (a malformed
 * response, which scores 0 and carries issues explaining why).
 *
 * @example
 * ```ts
 * import type { QuestionStatus } from 'quizkit';
 * const status: QuestionStatus = 'partial';
 * ```
 */
export type QuestionStatus = 'correct' | 'partial' | 'incorrect' | 'unanswered' | 'invalid';

/**
 * A problem with a learner's response: it is never scored as a plain wrong
 * answer, but marked `invalid` with these issues.
 *
 * @example
 * ```ts
 * import type { ResponseIssue } from 'quizkit';
 * const issue: ResponseIssue = {
 *   code: 'unknown_choice', questionId: 'q1', path: ['q1', 0],
 *   message: 'Option "zz" is not an option of question "q1"',
 * };
 * ```
 */
export interface ResponseIssue {
  /** A stable code, one of `RESPONSE_ISSUE_CODES`. */
  readonly code: ResponseIssueCode;
  /** The question the response was for, when known. */
  readonly questionId?: string;
  /** From the root of the responses object to the offending value. */
  readonly path: readonly (string | number)[];
  /** What is wrong. */
  readonly message: string;
}

/**
 * Every code a response problem can carry.
 *
 * @example
 * ```ts
 * import { RESPONSE_ISSUE_CODES } from 'quizkit';
 * RESPONSE_ISSUE_CODES.includes('unknown_question'); //=> true
 * ```
 */
export const RESPONSE_ISSUE_CODES = [
  'invalid_shape',
  'unknown_question',
  'unknown_choice',
  'duplicate_choice',
  'incomplete_order',
  'too_many',
  'forbidden_key',
  'no_match_not_allowed',
] as const;

/**
 * The code of a response problem.
 *
 * @example
 * ```ts
 * import type { ResponseIssueCode } from 'quizkit';
 * const code: ResponseIssueCode = 'unknown_choice';
 * ```
 */
export type ResponseIssueCode = (typeof RESPONSE_ISSUE_CODES)[number];

/**
 * The score of one part of a question: an option, an ordering item, or a
 * matching statement, in the part's own units (before question points).
 *
 * @example
 * ```ts
 * import type { PartResult } from 'quizkit';
 * const part: PartResult = { id: 'summit', kind: 'item', earned: { n: 4, d: 1 }, possible: { n: 5, d: 1 }, correct: false };
 * ```
 */
export interface PartResult {
  /** The option, item or statement id. */
  readonly id: string;
  /** What the part is. */
  readonly kind: 'option' | 'item' | 'statement';
  /** What this part earned under the rule (may be negative for penalised options). */
  readonly earned: Fraction;
  /** What this part could earn under the rule (0 for a part the rule does not score). */
  readonly possible: Fraction;
  /** Whether the learner's decision on this part is right. */
  readonly correct: boolean;
  /** The learner's answer for this part: chosen or not, its position, the actor given. */
  readonly response?: boolean | number | string | null;
  /** The author's feedback for this part, when it applies to the learner's answer. */
  readonly feedback?: string;
}

/**
 * The raw figure behind a score, e.g. `{ name: 'inversions', value: 1, of: 15 }`.
 *
 * @example
 * ```ts
 * import type { Statistic } from 'quizkit';
 * const s: Statistic = { name: 'inversions', value: 1, of: 15, text: '1 inversion of 15 pairs' };
 * ```
 */
export interface Statistic {
  /** What is counted. */
  readonly name: string;
  /** The count. */
  readonly value: number;
  /** Out of how many. */
  readonly of: number;
  /** The same in words. */
  readonly text: string;
}

/**
 * A scored question that explains itself.
 *
 * @example
 * ```ts
 * import { scoreQuestion, formatFraction, type QuestionResult } from 'quizkit';
 * declare const result: QuestionResult;
 * `${formatFraction(result.earned)} / ${formatFraction(result.possible)} (${result.status})`;
 * ```
 */
export interface QuestionResult {
  /** The question's id. */
  readonly questionId: string;
  /** The question's type. */
  readonly type: QuestionType;
  /** The name of the scoring rule applied. */
  readonly rule: string;
  /** How the question came out. */
  readonly status: QuestionStatus;
  /** The exact score as a share of full credit (negative only where the author set negative credit). */
  readonly fraction: Fraction;
  /** Points earned: `fraction × possible`, exactly. */
  readonly earned: Fraction;
  /** Points the question is worth. */
  readonly possible: Fraction;
  /** The raw figure the rule counted, where there is one. */
  readonly statistic?: Statistic;
  /** Each option, item or statement with its own score. */
  readonly parts: readonly PartResult[];
  /** The feedback that applies: the question's by outcome, then each part's. */
  readonly feedback: readonly string[];
  /** Why the response is `invalid`; empty otherwise. */
  readonly issues: readonly ResponseIssue[];
  /**
   * How a behaviour marked the question, when the attempt took it under one
   * (`immediate`, `interactive`, `adaptive` or a CBM behaviour; see
   * `quizkit/behaviours`): every try, what it cost, and which one counted.
   * `fraction` and `earned` are then the behaviour's mark, not the rule's.
   */
  readonly behaviour?: BehaviourMarks;
}

/**
 * A question's tries as a behaviour marked them: why "2 of 3" and not 3.
 *
 * @example
 * ```ts
 * import type { BehaviourMarks } from 'quizkit';
 * const marks: BehaviourMarks = {
 *   name: 'interactive',
 *   tries: [
 *     { raw: { n: 0, d: 1 }, penalty: { n: 0, d: 1 }, mark: { n: 0, d: 1 }, counted: false, ignored: false },
 *     { raw: { n: 1, d: 1 }, penalty: { n: 1, d: 3 }, mark: { n: 2, d: 3 }, counted: true, ignored: false },
 *   ],
 * };
 * ```
 */
export interface BehaviourMarks {
  /** The behaviour's name, e.g. `interactive`. */
  readonly name: string;
  /** Each try in order: its raw fraction by the rule, the penalty taken off, its mark, whether it counted or was ignored. */
  readonly tries: readonly {
    readonly raw: Fraction;
    readonly penalty: Fraction;
    readonly mark: Fraction;
    readonly counted: boolean;
    readonly ignored: boolean;
  }[];
  /** Under CBM: the counted try's fraction before certainty scaled it. */
  readonly accuracy?: Fraction;
  /** Under CBM: the counted try's certainty. */
  readonly certainty?: 1 | 2 | 3;
}

/**
 * Points earned and possible over a group of questions (an objective, a section).
 *
 * @example
 * ```ts
 * import type { Breakdown } from 'quizkit';
 * const b: Breakdown = { earned: { n: 3, d: 2 }, possible: { n: 2, d: 1 }, questionIds: ['q1', 'q2'] };
 * ```
 */
export interface Breakdown {
  /** Points earned in the group. */
  readonly earned: Fraction;
  /** Points possible in the group. */
  readonly possible: Fraction;
  /** The questions in the group. */
  readonly questionIds: readonly string[];
}

/**
 * A scored quiz: exact totals, the pass decision, every question's result,
 * and breakdowns per learning objective and per reading section.
 *
 * @example
 * ```ts
 * import { formatFraction, type QuizResult } from 'quizkit';
 * declare const result: QuizResult;
 * `${formatFraction(result.percent)}% ${result.passed ? 'passed' : 'not passed'}`;
 * ```
 */
export interface QuizResult {
  /** The quiz's id. */
  readonly quizId: string;
  /** Total points earned: exactly the sum of the questions' `earned`. */
  readonly earned: Fraction;
  /** Total points possible. */
  readonly possible: Fraction;
  /** `earned / possible × 100`, exactly. */
  readonly percent: Fraction;
  /** The pass mark in percent. */
  readonly passMark: Fraction;
  /** Whether `percent ≥ passMark`, decided on exact values. */
  readonly passed: boolean;
  /** Each question's result, in quiz order. */
  readonly questions: readonly QuestionResult[];
  /** Points per learning objective id. */
  readonly byObjective: Readonly<Record<string, Breakdown>>;
  /** Points per reading section id. */
  readonly bySection: Readonly<Record<string, Breakdown>>;
  /** Problems with the responses object itself (unknown question ids, a non-object). */
  readonly issues: readonly ResponseIssue[];
}

/** What a rule computes from a checked response; the engine adds points, status and feedback. */
export interface RuleOutcome {
  readonly fraction: Fraction;
  readonly parts: readonly PartResult[];
  readonly statistic?: Statistic;
}

/** The question of a given type. */
export type QuestionOf<T extends QuestionType> = Extract<Question, { type: T }>;

/** `T` with its readonly keys writable: for building a result before handing it out. */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };
