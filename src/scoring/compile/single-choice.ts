import { ONE, fraction } from '../../fraction/fraction.js';
import type { ReadonlySingleChoiceQuestion } from '../../schema/types.js';
import { optionCredit } from '../../questions/single-choice/score.js';
import type { Plain } from '../read-response.js';
import { type CompiledQuestion, INVALID, UNANSWERED, indexOf, onCommonDenominator } from './tally.js';

/** Single choice: the chosen option's credit (or 1 / −1/(k−1) under correction for guessing), as a numerator. */
export function compileSingleChoice(question: ReadonlySingleChoiceQuestion): CompiledQuestion<Plain> | undefined {
  const { options } = question;
  const wrong = fraction(-1, Math.max(1, options.length - 1));
  const guessing = question.rule.name === 'correction-for-guessing';
  const credits = onCommonDenominator(options.map((option) => (guessing ? (option.correct ? ONE : wrong) : optionCredit(option))));
  if (!credits) return undefined;
  const index = indexOf(options.map((option) => option.id));
  const { numerators } = credits;
  return {
    denominator: credits.denominator,
    tally(value) {
      if (value === undefined || value === null) return UNANSWERED;
      const chosen = typeof value === 'string' ? index.get(value) : undefined;
      return chosen === undefined ? INVALID : numerators[chosen]!;
    },
  };
}
