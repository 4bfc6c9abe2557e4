import { lcmBig } from '../../fraction/big.js';
import { type Fraction, ZERO, add, compare, fraction } from '../../fraction/fraction.js';
import type { ReadonlyQuiz } from '../../schema/types.js';
import { perQuestion } from '../check.js';
import { type ResponsesObject, readAnswer, readResponsesObject } from '../responses-object.js';
import type { QuestionStatus, QuizResult } from '../types.js';
import { compileWith } from './compilers.js';
import { type Explainer, type SumEarned, explainerOf, percentOf, sumByFractions } from './explain.js';
import { type CompiledQuestion, INVALID, UNANSWERED } from './tally.js';

type AnyQuiz = ReadonlyQuiz;

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
  /** Σ earned as integers over `denominator`, reduced once. */
  readonly sum: SumEarned;
}

/** Sums earned points as integers over `denominator` (every question's earned denominator divides it), reduced once. */
const sumOn =
  (denominator: number): SumEarned =>
  (results, members) => {
    let total = 0;
    for (const i of members) {
      const { n, d } = results[i]!.earned;
      // Always whole on a compiled plan; if not, fractions, never a rounded sum.
      if (denominator % d !== 0) return sumByFractions(results, members);
      total += n * (denominator / d);
    }
    return fraction(total, denominator);
  };

/**
 * A quiz compiled for scoring many attempts: made by {@link compileQuiz}.
 *
 * @example
 * ```ts
 * import { compileQuiz, type QuizPlan } from 'quizkit';
 * import { northKoreaChina } from 'quizkit/modules';
 * const plan: QuizPlan = compileQuiz(northKoreaChina.quizzes[0]);
 * plan.quizId; //=> 'actors-and-events'
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

class Plan implements QuizPlan {
  readonly quizId: string;

  constructor(
    readonly explainer: Explainer,
    readonly integers: Integers | undefined,
  ) {
    this.quizId = explainer.quiz.id;
  }

  score(responses: unknown): QuizScore {
    const { explainer, integers } = this;
    const top = readResponsesObject(explainer.quiz, responses);
    const { questions } = explainer.quiz;
    const count = questions.length;
    const reads: unknown[] = new Array(count);
    let valid = top.issues === undefined;
    if (!integers) {
      for (let i = 0; i < count; i++) reads[i] = explainer.readers[i]!(readAnswer(top.record, questions[i]!.id));
      const result = explainer.explain(top, reads);
      valid &&= result.questions.every((question) => question.status !== 'invalid');
      return new Score(this, top, reads, valid, Number.NaN, result);
    }
    let earned = 0;
    for (let i = 0; i < count; i++) {
      // Read once; the tally, the statuses and any later explanation all work on this copy.
      const read = explainer.readers[i]!(readAnswer(top.record, questions[i]!.id));
      reads[i] = read;
      const tally = integers.questions[i]!.tally(read);
      if (tally === INVALID) valid = false;
      else if (tally !== UNANSWERED) earned += tally * integers.multipliers[i]!;
    }
    return new Score(this, top, reads, valid, earned, undefined);
  }
}

class Score implements QuizScore {
  constructor(
    private readonly plan: Plan,
    private readonly top: ResponsesObject,
    private readonly reads: readonly unknown[],
    readonly valid: boolean,
    /** The total's numerator over the plan's denominator (integer plans). */
    private readonly numerator: number,
    /** The result, for plans that score through fractions. */
    private readonly result: QuizResult | undefined,
  ) {}

  /** Tallied again from the copies when asked (pure, no user code runs), so the totals path allocates no list of statuses. */
  get statuses(): readonly QuestionStatus[] {
    if (this.result) return this.result.questions.map((question) => question.status);
    const { questions } = this.plan.integers!;
    return this.reads.map((read, i) => {
      const compiled = questions[i]!;
      const tally = compiled.tally(read);
      if (tally === INVALID) return 'invalid';
      if (tally === UNANSWERED) return 'unanswered';
      return tally === compiled.denominator ? 'correct' : tally > 0 ? 'partial' : 'incorrect';
    });
  }

  get earned(): Fraction {
    return this.result ? this.result.earned : fraction(this.numerator, this.plan.integers!.denominator);
  }

  get possible(): Fraction {
    return this.plan.explainer.possible;
  }

  get percent(): Fraction {
    return this.result ? this.result.percent : percentOf(this.earned, this.possible);
  }

  get passed(): boolean {
    return this.result ? this.result.passed : this.numerator >= this.plan.integers!.passAt;
  }

  explain(): QuizResult {
    const { explainer, integers } = this.plan;
    return integers ? explainer.explain(this.top, this.reads, integers.sum) : explainer.explain(this.top, this.reads);
  }
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
  return { questions, multipliers: multipliers.map(Number), denominator: Number(denominator), passAt: Number(passAt), sum: sumOn(Number(denominator)) };
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
export const compileQuiz: (quiz: ReadonlyQuiz) => QuizPlan = /* @__PURE__ */ perQuestion((quiz: AnyQuiz) => new Plan(explainerOf(quiz), integersOf(quiz)));

