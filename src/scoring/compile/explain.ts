import { type Fraction, ZERO, add, compare, divide, fraction, multiply } from '../../fraction/fraction.js';
import type { ReadonlyQuestion, ReadonlyQuiz } from '../../schema/types.js';
import { perQuestion } from '../check.js';
import { questionResult } from '../question-result.js';
import { readerOf, runScorerOnRead } from '../registry.js';
import { type ResponsesObject, readAnswer, readResponsesObject } from '../responses-object.js';
import type { Breakdown, QuestionResult, QuizResult } from '../types.js';

type AnyQuiz = ReadonlyQuiz;
type AnyQuestion = ReadonlyQuestion;

const HUNDRED = fraction(100);

/** Questions of one objective or section, and their points. */
interface Group {
  readonly key: string;
  readonly members: readonly number[];
  readonly possible: Fraction;
  /** Frozen: every result shares it. */
  readonly questionIds: readonly string[];
}

/**
 * What every result of a quiz shares, derived once per (frozen) quiz: the
 * readers, the possible points, and the objective and section groups. Builds
 * full results from responses read once.
 */
export class Explainer {
  readonly possible: Fraction;
  readonly readers: readonly ((response: unknown) => unknown)[];
  private readonly everyQuestion: readonly number[];
  private readonly objectives: readonly Group[];
  private readonly sections: readonly Group[];

  constructor(readonly quiz: AnyQuiz) {
    let possible = ZERO;
    for (const question of quiz.questions) possible = add(possible, question.points);
    this.possible = possible;
    this.readers = quiz.questions.map(readerOf);
    this.everyQuestion = quiz.questions.map((_, i) => i);
    this.objectives = groups(quiz, (question) => question.objectives);
    this.sections = groups(quiz, (question) => [question.source.section]);
  }

  /** Reads the responses object and each question's response, once. */
  read(responses: unknown): { top: ResponsesObject; reads: unknown[] } {
    const top = readResponsesObject(this.quiz, responses);
    const { questions } = this.quiz;
    const reads: unknown[] = new Array(questions.length);
    for (let i = 0; i < questions.length; i++) reads[i] = this.readers[i]!(readAnswer(top.record, questions[i]!.id));
    return { top, reads };
  }

  /**
   * The full result from copies read once: every question explained, totals
   * and breakdowns summed exactly, by fractions or by the plan's `sum`.
   */
  explain(top: ResponsesObject, reads: readonly unknown[], sum: SumEarned = sumByFractions): QuizResult {
    const { quiz } = this;
    const questions = quiz.questions.map((question, i) => questionResult(question, runScorerOnRead(question, reads[i], [question.id])));
    return this.total(questions, top.issues ? [...top.issues] : [], sum);
  }

  /**
   * The whole-quiz result from each question's result, in quiz order. With
   * `possibleOf`, the points possible are summed from the results too (a
   * behaviour's marks may change them); otherwise they are the questions' points.
   */
  total(questions: QuestionResult[], issues: QuizResult['issues'], sum: SumEarned = sumByFractions, possibleOf?: SumEarned): QuizResult {
    const { quiz } = this;
    const earned = sum(questions, this.everyQuestion);
    const possible = possibleOf ? possibleOf(questions, this.everyQuestion) : this.possible;
    const percent = percentOf(earned, possible);
    return {
      quizId: quiz.id,
      earned,
      possible,
      percent,
      passMark: quiz.passMark,
      passed: compare(percent, quiz.passMark) >= 0,
      questions,
      byObjective: breakdowns(this.objectives, questions, sum, possibleOf),
      bySection: breakdowns(this.sections, questions, sum, possibleOf),
      issues,
    };
  }
}

/** `earned / possible × 100`, exactly; 0 when nothing is possible. */
export const percentOf = (earned: Fraction, possible: Fraction): Fraction =>
  possible.n === 0 ? ZERO : multiply(divide(earned, possible), HUNDRED);

/** Σ earned over some of the questions' results, exactly. */
export type SumEarned = (results: readonly QuestionResult[], members: readonly number[]) => Fraction;

/** Σ earned by exact fractions. */
export const sumByFractions: SumEarned = (results, members) => {
  let total = ZERO;
  for (const i of members) total = add(total, results[i]!.earned);
  return total;
};

/** Σ possible by exact fractions, from the results. */
const sumPossible: SumEarned = (results, members) => {
  let total = ZERO;
  for (const i of members) total = add(total, results[i]!.possible);
  return total;
};

function breakdowns(list: readonly Group[], results: readonly QuestionResult[], sum: SumEarned, possibleOf?: SumEarned): Record<string, Breakdown> {
  return Object.fromEntries(
    list.map((group) => [
      group.key,
      { earned: sum(results, group.members), possible: possibleOf ? possibleOf(results, group.members) : group.possible, questionIds: group.questionIds },
    ]),
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

/** The explainer of a quiz, cached per deeply frozen quiz object. */
export const explainerOf = /* @__PURE__ */ perQuestion((quiz: AnyQuiz) => new Explainer(quiz));

/** The full result of one attempt (`scoreQuiz`'s engine). */
export function explainQuiz(quiz: AnyQuiz, responses: unknown): QuizResult {
  const explainer = explainerOf(quiz);
  const { top, reads } = explainer.read(responses);
  return explainer.explain(top, reads);
}

/**
 * The whole-quiz result from each question's result, in quiz order: the exact
 * totals, the percentage, the pass decision and the breakdowns per objective
 * and section, with the points possible summed from the results. Attempts
 * whose questions are marked by a behaviour use it (their marks replace the rule's).
 *
 * @internal
 */
export function quizResultOf(quiz: AnyQuiz, questions: QuestionResult[], issues: QuizResult['issues']): QuizResult {
  return explainerOf(quiz).total(questions, issues, sumByFractions, sumPossible);
}
