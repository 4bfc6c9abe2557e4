import type * as z from 'zod';
import { ceilBig, lcmBig, sumBig } from '../fraction/big.js';
import { matchingDenominator } from '../questions/matching/denominator.js';
import { multipleChoiceDenominator } from '../questions/multiple-choice/denominator.js';
import { orderingDenominator } from '../questions/ordering/denominator.js';
import { singleChoiceDenominator } from '../questions/single-choice/denominator.js';
import type { QuestionOf } from '../scoring/types.js';
import { issueParams } from './codes.js';
import type { DeepReadonly, QuestionType, ReadonlyQuestion } from './types.js';

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Each type's rule denominators, next to its rules in `src/questions/<type>/`. Kept
 * out of `src/scoring/registry.ts` so that scoring does not carry validation code;
 * checked by `satisfies`, so a new type without one does not compile.
 */
const denominators = {
  'single-choice': singleChoiceDenominator,
  'multiple-choice': multipleChoiceDenominator,
  ordering: orderingDenominator,
  matching: matchingDenominator,
} satisfies { [T in QuestionType]: (question: DeepReadonly<QuestionOf<T>>) => bigint };

/** A multiple of every denominator the question's fraction of credit can take (before points). */
const denominatorOf = (question: ReadonlyQuestion): bigint =>
  (denominators[question.type] as (question: ReadonlyQuestion) => bigint)(question);

/**
 * The largest denominator an authored number (points, credit, weight) may
 * have: a billion, as many as nine decimals give. Larger ones are refused at
 * the field itself.
 */
export const MAX_DENOMINATOR = 1_000_000_000;

/**
 * Refuses a quiz whose scores could not be kept exact in safe integers, so a
 * quiz that validates never makes scoring throw.
 *
 * Every score a quiz produces (a question's fraction and points, the totals,
 * each breakdown, the percent) is a multiple of 1/L, where L is the lcm, over
 * its questions, of the question's rule denominator (`denominators`) times
 * its points' denominator; no magnitude exceeds 100 × the quiz's total points
 * T (the percent is 100·a/b with b = T·L at most). So when
 * L × 100 × max(⌈T⌉, 1) ≤ 2^53 − 1, every reduced result is a pair of safe
 * integers. The bound is computed in BigInt, once, at validation.
 *
 * The issue is reported at the first question that pushes L over the bound.
 */
export function checkExactScores(questions: readonly ReadonlyQuestion[], ctx: z.RefinementCtx): void {
  const total = ceilBig(sumBig(questions.map((question) => question.points)));
  const budget = MAX_SAFE / (100n * (total > 1n ? total : 1n));
  let scale = 1n;
  for (const [index, question] of questions.entries()) {
    scale = lcmBig([scale, denominatorOf(question) * BigInt(question.points.d)]);
    if (scale > budget) {
      ctx.addIssue({
        code: 'custom',
        params: issueParams('limit_exceeded'),
        path: [index],
        message:
          `Scores in this quiz cannot be kept exact: with question "${question.id}", the denominators of its points, credits, ` +
          `weights and rules need a common denominator of ${scale}, more than the ${budget} safe integers allow here. ` +
          'Use fewer distinct fractions (e.g. the same points for every question).',
      });
      return;
    }
  }
}
