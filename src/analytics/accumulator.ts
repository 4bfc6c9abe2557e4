import { type BigFraction, ZERO_BIG, addBig, bigOf, mulBig, subBig } from '../fraction/big.js';
import type { DeepReadonly, Quiz } from '../schema/types.js';
import type { QuizResult } from '../scoring/types.js';
import { type Histogram, count, mergeHistograms } from './histogram.js';

/**
 * What one question has gathered: exact sums of its marks against the totals, and histograms.
 *
 * @example
 * ```ts
 * import { createItemAnalysis } from 'quizkit/analytics';
 * import { northKoreaChina } from 'quizkit/modules';
 * createItemAnalysis(northKoreaChina.quizzes[0]).questions[0]?.sumMark; //=> { n: 0n, d: 1n }
 * ```
 */
export interface QuestionSums {
  readonly questionId: string;
  /** The question's points (Moodle's maxmark). */
  readonly maxMark: BigFraction;
  sumMark: BigFraction;
  sumMarkSquared: BigFraction;
  /** Σ mark × the attempt's total. */
  sumMarkTimesTotal: BigFraction;
  /** Each mark, counted. */
  readonly marks: Histogram;
  /** Each "rest of the test" (total − mark), counted. */
  readonly others: Histogram;
  /** Per option (choice questions): the attempts' totals when it was chosen, counted. */
  readonly chosen: Map<string, Histogram>;
}

/**
 * The state of an item analysis: exact sums over the attempts fed in so far.
 * Memory grows with questions × distinct scores, never with attempts, and
 * two states of the same quiz merge exactly ({@link mergeItemAnalysis}).
 *
 * @example
 * ```ts
 * import { createItemAnalysis } from 'quizkit/analytics';
 * import { northKoreaChina } from 'quizkit/modules';
 * createItemAnalysis(northKoreaChina.quizzes[0]).attempts; //=> 0
 * ```
 */
export interface ItemAnalysisState {
  readonly quizId: string;
  /** The quiz's total points. */
  readonly maxTotal: BigFraction;
  attempts: number;
  /** Σ total, Σ total², Σ total³, Σ total⁴. */
  readonly sums: [BigFraction, BigFraction, BigFraction, BigFraction];
  readonly totals: Histogram;
  readonly questions: QuestionSums[];
}

/**
 * A new, empty item analysis of a quiz.
 *
 * @param quiz - The quiz whose attempts will be fed in.
 * @returns The empty state.
 *
 * @example
 * ```ts
 * import { createItemAnalysis } from 'quizkit/analytics';
 * import { northKoreaChina } from 'quizkit/modules';
 * createItemAnalysis(northKoreaChina.quizzes[0]).questions.length; //=> 9
 * ```
 */
export function createItemAnalysis(quiz: DeepReadonly<Quiz>): ItemAnalysisState {
  return {
    quizId: quiz.id,
    maxTotal: quiz.questions.reduce((sum, question) => addBig(sum, bigOf(question.points)), ZERO_BIG),
    attempts: 0,
    sums: [ZERO_BIG, ZERO_BIG, ZERO_BIG, ZERO_BIG],
    totals: new Map(),
    questions: quiz.questions.map((question) => ({
      questionId: question.id,
      maxMark: bigOf(question.points),
      sumMark: ZERO_BIG,
      sumMarkSquared: ZERO_BIG,
      sumMarkTimesTotal: ZERO_BIG,
      marks: new Map(),
      others: new Map(),
      // Every option from the start, in the question's order: a distractor nobody chose is reported too.
      chosen: new Map(question.type === 'single-choice' || question.type === 'multiple-choice' ? question.options.map((option) => [option.id, new Map()] as const) : []),
    })),
  };
}

/**
 * Feeds one scored attempt (a `QuizResult` of the same quiz) into the state,
 * in place: streaming millions of attempts allocates no list of them.
 * Throws a `RangeError` for a result of another quiz.
 *
 * @param state - The state, changed in place.
 * @param result - One attempt's result, as `scoreQuiz` or a submitted attempt gives it.
 * @returns The same state, for chaining.
 *
 * @example
 * ```ts
 * import { scoreQuiz, correctResponses } from 'quizkit';
 * import { addToItemAnalysis, createItemAnalysis } from 'quizkit/analytics';
 * import { northKoreaChina } from 'quizkit/modules';
 * const quiz = northKoreaChina.quizzes[0];
 * const state = addToItemAnalysis(createItemAnalysis(quiz), scoreQuiz(quiz, correctResponses(quiz)));
 * state.attempts; //=> 1
 * ```
 */
export function addToItemAnalysis(state: ItemAnalysisState, result: DeepReadonly<QuizResult>): ItemAnalysisState {
  if (result.quizId !== state.quizId || result.questions.length !== state.questions.length) {
    throw new RangeError(`A result of quiz "${result.quizId}" cannot join the analysis of quiz "${state.quizId}"`);
  }
  const total = bigOf(result.earned);
  state.attempts += 1;
  let power = total;
  for (let k = 0; k < 4; k++) {
    state.sums[k] = addBig(state.sums[k]!, power);
    power = mulBig(power, total);
  }
  count(state.totals, total);
  result.questions.forEach((question, index) => {
    const sums = state.questions[index]!;
    if (question.questionId !== sums.questionId) throw new RangeError(`Question "${question.questionId}" is not question ${index + 1} of quiz "${state.quizId}"`);
    const mark = bigOf(question.earned);
    sums.sumMark = addBig(sums.sumMark, mark);
    sums.sumMarkSquared = addBig(sums.sumMarkSquared, mulBig(mark, mark));
    sums.sumMarkTimesTotal = addBig(sums.sumMarkTimesTotal, mulBig(mark, total));
    count(sums.marks, mark);
    count(sums.others, subBig(total, mark));
    for (const part of question.parts) {
      if (part.kind !== 'option' || part.response !== true) continue;
      let byTotal = sums.chosen.get(part.id);
      if (!byTotal) sums.chosen.set(part.id, (byTotal = new Map()));
      count(byTotal, total);
    }
  });
  return state;
}

/**
 * Two states of the same quiz as one, exactly as if every attempt had been
 * fed into one state: merging is associative and commutative, so shards of
 * attempts can be analysed apart and combined. Neither input is changed.
 *
 * @param a - A state.
 * @param b - A state of the same quiz.
 * @returns The merged state.
 *
 * @example
 * ```ts
 * import { createItemAnalysis, mergeItemAnalysis } from 'quizkit/analytics';
 * import { northKoreaChina } from 'quizkit/modules';
 * const quiz = northKoreaChina.quizzes[0];
 * mergeItemAnalysis(createItemAnalysis(quiz), createItemAnalysis(quiz)).attempts; //=> 0
 * ```
 */
export function mergeItemAnalysis(a: ItemAnalysisState, b: ItemAnalysisState): ItemAnalysisState {
  if (a.quizId !== b.quizId || a.questions.length !== b.questions.length) throw new RangeError(`Analyses of quizzes "${a.quizId}" and "${b.quizId}" cannot merge`);
  return {
    quizId: a.quizId,
    maxTotal: a.maxTotal,
    attempts: a.attempts + b.attempts,
    sums: a.sums.map((sum, k) => addBig(sum, b.sums[k]!)) as ItemAnalysisState['sums'],
    totals: mergeHistograms(a.totals, b.totals),
    questions: a.questions.map((q, index) => {
      const r = b.questions[index]!;
      const chosen = new Map<string, Histogram>();
      for (const id of new Set([...q.chosen.keys(), ...r.chosen.keys()])) chosen.set(id, mergeHistograms(q.chosen.get(id) ?? new Map(), r.chosen.get(id) ?? new Map()));
      return {
        questionId: q.questionId,
        maxMark: q.maxMark,
        sumMark: addBig(q.sumMark, r.sumMark),
        sumMarkSquared: addBig(q.sumMarkSquared, r.sumMarkSquared),
        sumMarkTimesTotal: addBig(q.sumMarkTimesTotal, r.sumMarkTimesTotal),
        marks: mergeHistograms(q.marks, r.marks),
        others: mergeHistograms(q.others, r.others),
        chosen,
      };
    }),
  };
}
