// Only validation needs this (src/schema/exactness.ts), so it lives apart from the
// rules in score.ts and stays out of the scoring bundle. Keep it in step with them.
import { lcmBig } from '../../fraction/big.js';
import type { DeepReadonly, SingleChoiceQuestion } from '../../schema/types.js';
import { optionCredit } from './score.js';

type Question = DeepReadonly<SingleChoiceQuestion>;

/**
 * A multiple of every denominator the question's fraction of credit can take:
 * the credits' under `option-credit`, k − 1 under `correction-for-guessing`.
 */
export function singleChoiceDenominator(question: Question): bigint {
  if (question.rule.name === 'correction-for-guessing') return BigInt(question.options.length - 1);
  return lcmBig(question.options.map((option) => BigInt(optionCredit(option).d)));
}
