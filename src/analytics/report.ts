import { type BigFraction, ZERO_BIG, addBig, bigOf, bigToNumber, compareBig, divBig, mulBig, subBig } from '../fraction/big.js';
import type { ItemAnalysisState, QuestionSums } from './accumulator.js';
import { ascending, median, sortedProductSum } from './histogram.js';

/**
 * A statistic: its value as a number and, where it is rational, exactly
 * (`"7/4"`). `null` where Moodle leaves it empty (too few attempts, no variance).
 *
 * @example
 * ```ts
 * import type { Stat } from 'quizkit/analytics';
 * const facility: Stat = { value: 0.75, exact: '3/4' };
 * ```
 */
export interface Stat {
  readonly value: number;
  /** The exact value, `n/d`, for rational statistics; absent where a square root is involved. */
  readonly exact?: string;
}

/**
 * How often one option was chosen, overall and by the bottom and top thirds
 * of attempts ranked by total score.
 *
 * @example
 * ```ts
 * import type { OptionUse } from 'quizkit/analytics';
 * const use: OptionUse = { optionId: 'b', chosen: 12, share: { value: 0.4, exact: '2/5' }, bottomThird: { value: 0.5 }, topThird: { value: 0.6 }, strongerChoose: true };
 * ```
 */
export interface OptionUse {
  readonly optionId: string;
  readonly chosen: number;
  /** chosen / attempts. */
  readonly share: Stat;
  /** Share of the bottom third (the ⌊n/3⌋ lowest totals; ties at the edge counted in part) that chose it. */
  readonly bottomThird: Stat | null;
  readonly topThird: Stat | null;
  /** Whether the top third chose it more often than the bottom third: for a wrong option, a distractor that misleads strong learners. */
  readonly strongerChoose: boolean;
}

/**
 * One question's statistics, as Moodle's quiz statistics report defines them
 * (`core_question\statistics\questions\calculator`): docs/analytics.md.
 *
 * @example
 * ```ts
 * import type { QuestionAnalysis } from 'quizkit/analytics';
 * const review = (q: QuestionAnalysis) => (q.discriminationIndex?.value ?? 0) < 20;
 * ```
 */
export interface QuestionAnalysis {
  readonly questionId: string;
  readonly attempts: number;
  /** Mean mark / max mark, in percent. */
  readonly facility: Stat | null;
  /** Standard deviation of the mark (s − 1), in percent of the max mark. */
  readonly sd: Stat | null;
  /** Max mark / quiz total, in percent. */
  readonly intendedWeight: Stat;
  /** 100·√cov(mark, total) / Σ √cov(mark, total); null when its covariance is negative. */
  readonly effectiveWeight: Stat | null;
  /** 100·cov(mark, rest) / √(var(mark)·var(rest)): the correlation with the rest of the test. */
  readonly discriminationIndex: Stat | null;
  /** 100·cov(mark, rest) / cov(sorted marks, sorted rests). */
  readonly discriminativeEfficiency: Stat | null;
  /** Choice questions: each chosen option's use. */
  readonly options: readonly OptionUse[];
}

/**
 * The whole quiz's statistics, as Moodle's `quiz_statistics\calculator`.
 *
 * @example
 * ```ts
 * import type { QuizAnalysis } from 'quizkit/analytics';
 * const reliable = (quiz: QuizAnalysis) => (quiz.cronbachAlpha?.value ?? 0) >= 75;
 * ```
 */
export interface QuizAnalysis {
  readonly quizId: string;
  readonly attempts: number;
  readonly mean: Stat | null;
  readonly median: Stat | null;
  readonly sd: Stat | null;
  readonly skewness: Stat | null;
  readonly kurtosis: Stat | null;
  /** Coefficient of internal consistency (Cronbach's α), in percent. */
  readonly cronbachAlpha: Stat | null;
  /** 100·√(1 − α/100). */
  readonly errorRatio: Stat | null;
  /** errorRatio · sd / 100, in marks. */
  readonly standardError: Stat | null;
  /** Each total reached, and how many attempts reached it, ascending. */
  readonly distribution: readonly { readonly total: Stat; readonly attempts: number }[];
  readonly questions: readonly QuestionAnalysis[];
}

const exact = (x: BigFraction): Stat => ({ value: bigToNumber(x), exact: x.d === 1n ? String(x.n) : `${x.n}/${x.d}` });
const real = (x: number): Stat | null => (Number.isFinite(x) ? { value: x } : null);
const big = (n: number): BigFraction => bigOf(n);
const HUNDRED = big(100);
const isZero = (x: BigFraction) => x.n === 0n;

/** Σ(x − mean)² from Σx and Σx² over n values. */
const centred2 = (sum: BigFraction, sumSquares: BigFraction, n: number) => subBig(sumSquares, divBig(mulBig(sum, sum), big(n)));

function questionSums(q: QuestionSums, state: ItemAnalysisState) {
  const n = big(state.attempts);
  const [sumTotal, sumTotalSquared] = state.sums;
  const sumOther = subBig(sumTotal, q.sumMark);
  const sumOtherSquared = addBig(subBig(sumTotalSquared, mulBig(big(2), q.sumMarkTimesTotal)), q.sumMarkSquared);
  const sumMarkOther = subBig(q.sumMarkTimesTotal, q.sumMarkSquared);
  return {
    markVarianceSum: centred2(q.sumMark, q.sumMarkSquared, state.attempts),
    otherVarianceSum: centred2(sumOther, sumOtherSquared, state.attempts),
    covarianceSum: subBig(sumMarkOther, divBig(mulBig(q.sumMark, sumOther), n)),
    covarianceMaxSum: subBig(sortedProductSum(q.marks, q.others), divBig(mulBig(q.sumMark, sumOther), n)),
    covarianceWithTotalSum: subBig(q.sumMarkTimesTotal, divBig(mulBig(q.sumMark, sumTotal), n)),
  };
}

/** The share of attempts in the bottom (or top) third that chose an option, ties at the edge counted in part. */
function thirdShare(totals: ItemAnalysisState['totals'], chosenByTotal: ItemAnalysisState['totals'], size: number, top: boolean): BigFraction | undefined {
  if (size === 0) return undefined;
  const values = ascending(totals);
  if (top) values.reverse();
  let remaining = size;
  let chosen: BigFraction = ZERO_BIG;
  for (const { value, count } of values) {
    if (remaining === 0) break;
    const take = Math.min(count, remaining);
    const here = [...chosenByTotal.values()].find((entry) => compareBig(entry.value, value) === 0)?.count ?? 0;
    chosen = addBig(chosen, mulBig(big(here), { n: BigInt(take), d: BigInt(count) }));
    remaining -= take;
  }
  return divBig(chosen, big(size));
}

/**
 * The statistics of everything fed into the state, exact where the statistic
 * is rational (means, facility, variances, α, the median) and computed from
 * exact sums where a square root is needed. Definitions and their Moodle
 * sources: docs/analytics.md.
 *
 * @param state - The state, after the attempts were fed in.
 * @returns The quiz's and each question's statistics.
 *
 * @example
 * ```ts
 * import { scoreQuiz, correctResponses } from 'quizkit';
 * import { addToItemAnalysis, createItemAnalysis, itemAnalysis } from 'quizkit/analytics';
 * import { northKoreaChina } from 'quizkit/modules';
 * const quiz = northKoreaChina.quizzes[0];
 * const state = createItemAnalysis(quiz);
 * addToItemAnalysis(state, scoreQuiz(quiz, correctResponses(quiz)));
 * addToItemAnalysis(state, scoreQuiz(quiz, {}));
 * const report = itemAnalysis(state);
 * [report.attempts, report.mean?.exact, report.questions[1]?.facility?.exact]; //=> [2, '9/2', '50']
 * ```
 */
export function itemAnalysis(state: ItemAnalysisState): QuizAnalysis {
  const s = state.attempts;
  const n = big(s);
  const [sum1, sum2, sum3, sum4] = state.sums;
  const mean = s > 0 ? divBig(sum1, n) : undefined;
  const p = state.questions.length;
  const perQuestion = state.questions.map((q) => (s > 1 ? questionSums(q, state) : undefined));
  const sumMarkVariance = perQuestion.reduce((sum, q) => (q ? addBig(sum, divBig(q.markVarianceSum, big(s - 1))) : sum), ZERO_BIG);
  const sqrtCovSum = perQuestion.reduce((sum, q) => {
    const cov = q ? bigToNumber(q.covarianceWithTotalSum) / (s - 1) : -1;
    return cov >= 0 ? sum + Math.sqrt(cov) : sum;
  }, 0);

  let sd: Stat | null = null;
  let skewness: Stat | null = null;
  let kurtosis: Stat | null = null;
  let cronbachAlpha: Stat | null = null;
  let errorRatio: Stat | null = null;
  let standardError: Stat | null = null;
  if (mean && s > 1) {
    // Central power sums from raw ones, exactly: Σ(x − μ)^k expanded.
    const power2 = subBig(sum2, mulBig(mean, sum1));
    sd = real(Math.sqrt(bigToNumber(divBig(power2, big(s - 1)))));
    if (s > 2) {
      const mean2 = mulBig(mean, mean);
      const power3 = addBig(subBig(sum3, mulBig(mulBig(big(3), mean), sum2)), subBig(mulBig(mulBig(big(3), mean2), sum1), mulBig(n, mulBig(mean2, mean))));
      const power4 = addBig(
        subBig(addBig(subBig(sum4, mulBig(mulBig(big(4), mean), sum3)), mulBig(mulBig(big(6), mean2), sum2)), mulBig(mulBig(big(4), mulBig(mean2, mean)), sum1)),
        mulBig(n, mulBig(mean2, mean2)),
      );
      const m2 = divBig(power2, n);
      const m3 = divBig(power3, n);
      const m4 = divBig(power4, n);
      const k2 = divBig(mulBig(n, m2), big(s - 1));
      const k3 = divBig(mulBig(mulBig(n, n), m3), big((s - 1) * (s - 2)));
      if (!isZero(k2)) {
        skewness = real(bigToNumber(k3) / Math.pow(bigToNumber(k2), 3 / 2));
        if (s > 3) {
          const k4 = divBig(mulBig(mulBig(n, n), subBig(mulBig(big(s + 1), m4), mulBig(big(3 * (s - 1)), mulBig(m2, m2)))), big((s - 1) * (s - 2) * (s - 3)));
          kurtosis = exact(divBig(k4, mulBig(k2, k2)));
        }
        if (p > 1) {
          const alpha = mulBig(divBig(mulBig(HUNDRED, big(p)), big(p - 1)), subBig(big(1), divBig(sumMarkVariance, k2)));
          cronbachAlpha = exact(alpha);
          const ratio = 100 * Math.sqrt(1 - bigToNumber(alpha) / 100);
          errorRatio = real(ratio);
          if (errorRatio && sd) standardError = real((ratio * sd.value) / 100);
        }
      }
    }
  }

  return {
    quizId: state.quizId,
    attempts: s,
    mean: mean ? exact(mean) : null,
    median: s > 0 ? exact(median(state.totals, s)!) : null,
    sd,
    skewness,
    kurtosis,
    cronbachAlpha,
    errorRatio,
    standardError,
    distribution: ascending(state.totals).map(({ value, count }) => ({ total: exact(value), attempts: count })),
    questions: state.questions.map((q, index) => {
      const sums = perQuestion[index];
      const facility = s > 0 && !isZero(q.maxMark) ? exact(divBig(mulBig(HUNDRED, q.sumMark), mulBig(n, q.maxMark))) : null;
      const markVariance = sums ? bigToNumber(sums.markVarianceSum) / (s - 1) : NaN;
      const otherVariance = sums ? bigToNumber(sums.otherVarianceSum) / (s - 1) : NaN;
      const covariance = sums ? divBig(sums.covarianceSum, big(s - 1)) : undefined;
      const covarianceMax = sums ? divBig(sums.covarianceMaxSum, big(s - 1)) : undefined;
      const covWithTotal = sums ? bigToNumber(sums.covarianceWithTotalSum) / (s - 1) : NaN;
      const third = Math.floor(s / 3);
      return {
        questionId: q.questionId,
        attempts: s,
        facility,
        sd: sums && !isZero(q.maxMark) ? real((100 * Math.sqrt(markVariance)) / bigToNumber(q.maxMark)) : null,
        intendedWeight: exact(divBig(mulBig(HUNDRED, q.maxMark), state.maxTotal)),
        effectiveWeight: sqrtCovSum > 0 && covWithTotal >= 0 ? real((100 * Math.sqrt(covWithTotal)) / sqrtCovSum) : null,
        discriminationIndex: covariance && markVariance * otherVariance > 0 ? real((100 * bigToNumber(covariance)) / Math.sqrt(markVariance * otherVariance)) : null,
        discriminativeEfficiency: covariance && covarianceMax && !isZero(covarianceMax) ? exact(divBig(mulBig(HUNDRED, covariance), covarianceMax)) : null,
        options: [...q.chosen.entries()].map(([optionId, byTotal]): OptionUse => {
          const chosen = [...byTotal.values()].reduce((sum, entry) => sum + entry.count, 0);
          const bottom = thirdShare(state.totals, byTotal, third, false);
          const top = thirdShare(state.totals, byTotal, third, true);
          return {
            optionId,
            chosen,
            share: exact({ n: BigInt(chosen), d: BigInt(s) }),
            bottomThird: bottom ? exact(bottom) : null,
            topThird: top ? exact(top) : null,
            strongerChoose: bottom !== undefined && top !== undefined && compareBig(top, bottom) > 0,
          };
        }),
      };
    }),
  };
}
