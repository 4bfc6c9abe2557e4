// Only validation needs this (src/schema/exactness.ts), so it lives apart from the
// rules in score.ts and stays out of the scoring bundle. Keep it in step with them.
import { lcmBig } from '../../fraction/big.js';
import type { DeepReadonly, MultipleChoiceQuestion } from '../../schema/types.js';

type Question = DeepReadonly<MultipleChoiceQuestion>;

/**
 * A multiple of every denominator the question's fraction of credit (and each
 * part's) can take, for k correct of n options: 1 under `all-or-nothing`; the
 * credits' and k under `weighted-credit` (a sum of credits, clamped); k under
 * `right-minus-wrong`; n under the two per-decision rules.
 */
export function multipleChoiceDenominator(question: Question): bigint {
  const n = BigInt(question.options.length);
  const k = BigInt(question.options.filter((option) => option.correct).length || 1);
  switch (question.rule.name) {
    case 'all-or-nothing':
      return 1n;
    case 'weighted-credit':
      return lcmBig([k, ...question.options.map((option) => BigInt(option.credit?.d ?? 1))]);
    case 'right-minus-wrong':
      return k;
    default:
      return n;
  }
}
