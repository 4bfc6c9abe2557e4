// Only validation needs this (src/schema/exactness.ts), so it lives apart from the
// rules in score.ts and stays out of the scoring bundle. Keep it in step with them.
import { lcmBig, sumBig } from '../../fraction/big.js';
import { ONE } from '../../fraction/fraction.js';
import type { DeepReadonly, MatchingQuestion } from '../../schema/types.js';

type Question = DeepReadonly<MatchingQuestion>;

/**
 * A multiple of every denominator the question's fraction of credit can take.
 * Under `per-statement` it is S / W, for S a sum of some weights (so a
 * multiple of 1/L, L the lcm of the weights' denominators) and W = w/v the sum
 * of all: S / W = s·v / (L·w), whose denominator divides L·w.
 */
export function matchingDenominator(question: Question): bigint {
  if (question.rule.name === 'all-or-nothing') return 1n;
  const weights = question.statements.map((statement) => statement.weight ?? ONE);
  return lcmBig(weights.map((weight) => BigInt(weight.d))) * sumBig(weights).n;
}
