import { lcmBig } from '../../fraction/big.js';
import { type Fraction, ZERO, add, compare, divide, fraction, multiply } from '../../fraction/fraction.js';
import type { DeepReadonly, Question, Quiz } from '../../schema/types.js';
import { perQuestion } from '../check.js';
import { compileWith, readWith, runScorerOnRead } from '../registry.js';
import { type ResponsesObject, readAnswer, readResponsesObject } from '../responses-object.js';
import { questionResult } from '../question-result.js';
import type { Breakdown, QuestionResult, QuestionStatus, QuizResult } from '../types.js';
import { type CompiledQuestion, INVALID, UNANSWERED } from './tally.js';

type AnyQuiz = DeepReadonly<Quiz>;
type AnyQuestion = DeepReadonly<Question>;

const HUNDRED = fraction(100);
const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * A quiz's scores as whole numbers: question i earns `tally × multipliers[i]`
 * over the quiz's one `denominator`, so an attempt's total is a sum of
 * products of small integers, reduced to a fraction only when asked for.
 */
interface Integers {
  readonly questions: readonly CompiledQuestion<unknown>[];
  readonly multipliers: readonly number[];
  readonly denominator: number;
  /** The least total numerator that passes, decided once on exact values. */
  readonly passAt: number;
}

/** Questions of one objective or section, and their points. */
interface Group {
  readonly key: string;
  readonly members: readonly number[];
  readonly possible: Fraction;
  readonly questionIds: readonly string[];
}

/**
 * A quiz compiled for scoring many attempts: made by {@link compileQuiz}.
 *
 * @example
 * ```ts
 * import { compileQuiz, type QuizPlan } from 'quizkit';
 * import { northKoreaChina } from 'quizkit/modules';
 * const plan: QuizPlan = compileQuiz(northKoreaChina.quizzes[0]);
 * plan.quizId; //=> 'check-understanding'
 * ```
 */
export interface QuizPlan {
  /** The quiz's id. */
  readonly quizId: string;
  /**
   * Reads untrusted responses once, checks them as `scoreQuiz` does and
   * scores them: exact totals and each question's status at once, the full
   * result on demand with `explain()`. Never throws on learner input.
   */
  score(responses: unknown): QuizScore;
}

/**
 * One attempt scored by a {@link QuizPlan}: the totals, decided exactly, and
 * the full `QuizResult` on demand, built from the same copy of the responses.
 *
 * @example
 * ```ts
 * import { compileQuiz, correctResponses, formatFraction, type QuizScore } from 'quizkit';
 * import { northKoreaChina } from 'quizkit/modules';
 * const quiz = northKoreaChina.quizzes[0];
 * const score: QuizScore = compileQuiz(quiz).score(correctResponses(quiz));
 * formatFraction(score.percent); //=> '100'
 * ```
 */
export interface QuizScore {
  /** Total points earned, exactly. */
  readonly earned: Fraction;
  /** Total points possible. */
  readonly possible: Fraction;
  /** `earned / possible × 100`, exactly (0 when nothing is possible). */
  readonly percent: Fraction;
  /** Whether `percent ≥ passMark`, decided on exact values. */
  readonly passed: boolean;
  /** Each question's status, in quiz order. */
  readonly statuses: readonly QuestionStatus[];
  /** Whether the responses had no issue at all (no invalid question, no unknown key). */
  readonly valid: boolean;
  /** The full result, deep-equal to `scoreQuiz` on the same responses; built afresh on each call. */
  explain(): QuizResult;
}

/** The result is made of plain fractions shared with nothing mutable; group id lists are frozen because every result shares them. */
class Plan implements QuizPlan {
  readonly quizId: string;
  readonly possible: Fraction;
  readonly objectives: readonly Group[];
  readonly sections: readonly Group[];

  constructor(
    readonly quiz: AnyQuiz,
    readonly integers: Integers | undefined,
  ) {
    this.quizId = quiz.id;
    let possible = ZERO;
    for (const question of quiz.questions) possible = add(possible, question.points);
    this.possible = possible;
    this.objectives = groups(quiz, (question) => question.objectives);
    this.sections = groups(quiz, (question) => [question.source.section]);
  }

  /** The full result at once, without the tally: what `scoreQuiz` needs. */
  explain(responses: unknown): QuizResult {
    const top = readResponsesObject(this.quiz, responses);
    return explain(this, top, this.quiz.questions.map((question) => readWith(question, readAnswer(top.record, question.id))));
  }

  score(responses: unknown): QuizScore {
    const top = readResponsesObject(this.quiz, responses);
    const { questions } = this.quiz;
    const reads: unknown[] = new Array(questions.length);
    const statuses: QuestionStatus[] = new Array(questions.length);
    let valid = top.issues === undefined;
    const integers = this.integers;
    if (!integers) {
      for (let i = 0; i < questions.length; i++) reads[i] = readWith(questions[i]!, readAnswer(top.record, questions[i]!.id));
      const result = explain(this, top, reads);
      result.questions.forEach((question, i) => (statuses[i] = question.status));
      return new Score(this, top, reads, statuses, valid && statuses.every((status) => status !== 'invalid'), Number.NaN, result);
    }
    let earned = 0;
    for (let i = 0; i < questions.length; i++) {
      const question = questions[i]!;
      // Read once; the tally and any later explanation both work on this copy.
      const read = readWith(question, readAnswer(top.record, question.id));
      reads[i] = read;
      const compiled = integers.questions[i]!;
      const tally = compiled.tally(read);
      if (tally === INVALID) {
        statuses[i] = 'invalid';
        valid = false;
      } else if (tally === UNANSWERED) {
        statuses[i] = 'unanswered';
      } else {
        statuses[i] = tally === compiled.denominator ? 'correct' : tally > 0 ? 'partial' : 'incorrect';
        earned += tally * integers.multipliers[i]!;
      }
    }
    return new Score(this, top, reads, statuses, valid, earned, undefined);
  }
}

class Score implements QuizScore {
  constructor(
    private readonly plan: Plan,
    private readonly top: ResponsesObject,
    private readonly reads: readonly unknown[],
    readonly statuses: readonly QuestionStatus[],
    readonly valid: boolean,
    /** The total's numerator over the plan's denominator (integer plans). */
    private readonly numerator: number,
    /** The result, for plans that score through fractions. */
    private readonly result: QuizResult | undefined,
  ) {}

  get earned(): Fraction {
    return this.result ? this.result.earned : fraction(this.numerator, this.plan.integers!.denominator);
  }

  get possible(): Fraction {
    return this.plan.possible;
  }

  get percent(): Fraction {
    return this.result ? this.result.percent : percentOf(this.earned, this.plan.possible);
  }

  get passed(): boolean {
    return this.result ? this.result.passed : this.numerator >= this.plan.integers!.passAt;
  }

  explain(): QuizResult {
    return explain(this.plan, this.top, this.reads);
  }
}

const percentOf = (earned: Fraction, possible: Fraction) => (possible.n === 0 ? ZERO : multiply(divide(earned, possible), HUNDRED));

/** The full result from the copy read once: every question explained, totals and breakdowns summed exactly. */
function explain(plan: Plan, top: ResponsesObject, reads: readonly unknown[]): QuizResult {
  const { quiz, integers } = plan;
  const questions = quiz.questions.map((question, i) => questionResult(question, runScorerOnRead(question, reads[i], [question.id])));
  const earned = sumEarned(questions, plan.quiz.questions.map((_, i) => i), integers);
  const percent = percentOf(earned, plan.possible);
  return {
    quizId: quiz.id,
    earned,
    possible: plan.possible,
    percent,
    passMark: quiz.passMark,
    passed: compare(percent, quiz.passMark) >= 0,
    questions,
    byObjective: breakdowns(plan.objectives, questions, integers),
    bySection: breakdowns(plan.sections, questions, integers),
    issues: top.issues ? [...top.issues] : [],
  };
}

/**
 * Σ earned over some questions: on an integer plan as integers over the quiz
 * denominator (each `earned.d` divides it), reduced once; else exactly, by fractions.
 */
function sumEarned(results: readonly QuestionResult[], members: readonly number[], integers: Integers | undefined): Fraction {
  if (integers) {
    const { denominator } = integers;
    let total = 0;
    for (const i of members) {
      const { n, d } = results[i]!.earned;
      // Always whole: every question's denominator divides the quiz's.
      if (denominator % d !== 0) return sumEarned(results, members, undefined);
      total += n * (denominator / d);
    }
    return fraction(total, denominator);
  }
  let total = ZERO;
  for (const i of members) total = add(total, results[i]!.earned);
  return total;
}

function breakdowns(list: readonly Group[], results: readonly QuestionResult[], integers: Integers | undefined): Record<string, Breakdown> {
  return Object.fromEntries(
    list.map((group) => [group.key, { earned: sumEarned(results, group.members, integers), possible: group.possible, questionIds: group.questionIds }]),
  );
}

/** Groups question indexes by key, in order of first appearance; a key listed twice on one question counts once. */
function groups(quiz: AnyQuiz, keysOf: (question: AnyQuestion) => readonly string[]): Group[] {
  const byKey = new Map<string, number[]>();
  quiz.questions.forEach((question, i) => {
    for (const key of new Set(keysOf(question))) {
      const members = byKey.get(key);
      if (members) members.push(i);
      else byKey.set(key, [i]);
    }
  });
  return [...byKey].map(([key, members]) => {
    let possible = ZERO;
    for (const i of members) possible = add(possible, quiz.questions[i]!.points);
    return { key, members, possible, questionIds: Object.freeze(members.map((i) => quiz.questions[i]!.id)) };
  });
}

/**
 * The integer form of a quiz, when every question compiles and every total an
 * attempt (or a breakdown) can reach is a safe integer over one denominator:
 * L = lcm(question denominator × points denominator), and |total| ≤ Σ |points| × L.
 */
function integersOf(quiz: AnyQuiz): Integers | undefined {
  const questions: CompiledQuestion<unknown>[] = [];
  for (const question of quiz.questions) {
    const compiled = compileWith(question);
    if (!compiled) return undefined;
    questions.push(compiled);
  }
  const scale = (i: number) => BigInt(questions[i]!.denominator) * BigInt(quiz.questions[i]!.points.d);
  const denominator = lcmBig(questions.map((_, i) => scale(i)));
  const multipliers = questions.map((_, i) => (BigInt(quiz.questions[i]!.points.n) * denominator) / scale(i));
  let bound = 0n;
  questions.forEach((question, i) => {
    const m = multipliers[i]!;
    bound += BigInt(question.denominator) * (m < 0n ? -m : m);
  });
  if (denominator > SAFE || bound > SAFE) return undefined;
  // passed ⇔ (E / L) / possible × 100 ≥ passMark ⇔ E ≥ passMark × possible × L / 100.
  const possible = quiz.questions.reduce((sum, question) => add(sum, question.points), ZERO);
  const { passMark } = quiz;
  let passAt: bigint;
  if (possible.n === 0) passAt = compare(ZERO, passMark) >= 0 ? -bound - 1n : bound + 1n;
  else {
    const n = BigInt(passMark.n) * BigInt(possible.n) * denominator;
    const d = BigInt(passMark.d) * BigInt(possible.d) * 100n;
    passAt = n >= 0n ? (n + d - 1n) / d : -(-n / d);
    if (passAt > bound + 1n) passAt = bound + 1n;
    if (passAt < -bound - 1n) passAt = -bound - 1n;
  }
  return { questions, multipliers: multipliers.map(Number), denominator: Number(denominator), passAt: Number(passAt) };
}

/**
 * Compiles a quiz once for scoring many attempts. The plan keeps each
 * question's credits as integer numerators over one common denominator, so an
 * attempt's totals are integer sums, exact, and its checks allocate no sets or
 * maps; `score(responses).explain()` gives the full result, deep-equal to
 * `scoreQuiz`. A quiz whose totals could leave the safe-integer range is
 * scored through exact fractions instead (same results, slower). Plans are
 * cached per quiz object when the quiz is deeply frozen (every parsed quiz is);
 * a hand-built quiz is compiled afresh on each call.
 *
 * @param quiz - A parsed quiz.
 * @returns The plan: `plan.score(responses)`.
 *
 * @example
 * ```ts
 * import { compileQuiz, correctResponses } from 'quizkit';
 * import { northKoreaChina } from 'quizkit/modules';
 * const quiz = northKoreaChina.quizzes[0];
 * const plan = compileQuiz(quiz);
 * const score = plan.score(correctResponses(quiz));
 * score.passed; //=> true
 * plan.score({ nope: 'a' }).valid; //=> false
 * score.explain().questions.length === quiz.questions.length; //=> true
 * ```
 */
export const compileQuiz: (quiz: DeepReadonly<Quiz>) => QuizPlan = perQuestion((quiz: AnyQuiz) => new Plan(quiz, integersOf(quiz)));

/** The full result of one attempt through the quiz's plan (`scoreQuiz`'s engine). */
export const explainQuiz = (quiz: DeepReadonly<Quiz>, responses: unknown): QuizResult => (compileQuiz(quiz) as Plan).explain(responses);
