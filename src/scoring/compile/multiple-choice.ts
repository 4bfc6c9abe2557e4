import { fraction } from '../../fraction/fraction.js';
import type { ReadonlyMultipleChoiceQuestion } from '../../schema/types.js';
import { type ListRead, isEntries } from '../read-response.js';
import { type CompiledQuestion, INVALID, Stamps, UNANSWERED, indexOf, onCommonDenominator } from './tally.js';

const clamp = (x: number, most: number) => (x < 0 ? 0 : x > most ? most : x);

/**
 * Multiple choice, with k correct of n options, R right and W wrong chosen and
 * D = R + (n − k − W) right decisions (the rules of `scoreMultipleChoice`):
 * all-or-nothing 1 or 0 over 1; weighted-credit the clamped sum of credits;
 * right-minus-wrong max(0, R − W) over k; every-decision-counts D over n;
 * correction-for-guessing max(0, 2D − n) over n.
 */
export function compileMultipleChoice(question: ReadonlyMultipleChoiceQuestion): CompiledQuestion<ListRead> | undefined {
  const { options, rule } = question;
  const n = options.length;
  const k = options.filter((option) => option.correct).length;
  if (k === 0 && rule.name !== 'all-or-nothing' && rule.name !== 'every-decision-counts' && rule.name !== 'correction-for-guessing') return undefined;
  const credits =
    rule.name === 'weighted-credit' ? onCommonDenominator(options.map((option) => option.credit ?? fraction(option.correct ? 1 : -1, k))) : undefined;
  // A sum of n credits must stay a safe integer too.
  if (rule.name === 'weighted-credit' && (!credits || credits.denominator * n > Number.MAX_SAFE_INTEGER)) return undefined;
  const denominator = credits ? credits.denominator : rule.name === 'all-or-nothing' ? 1 : rule.name === 'right-minus-wrong' ? k : n;
  const index = indexOf(options.map((option) => option.id));
  const correct = options.map((option) => option.correct);
  const seen = new Stamps(n);
  return {
    denominator,
    tally(read) {
      if (!isEntries(read)) return read.kind === 'value' && (read.value === undefined || read.value === null) ? UNANSWERED : INVALID;
      const items = read;
      if (items.length === 0) return UNANSWERED;
      seen.next();
      let right = 0;
      let wrong = 0;
      let credit = 0;
      for (let i = 0; i < items.length; i++) {
        const id = items[i];
        const chosen = typeof id === 'string' ? index.get(id) : undefined;
        if (chosen === undefined || !seen.mark(chosen)) return INVALID;
        if (correct[chosen]) right++;
        else wrong++;
        if (credits) credit += credits.numerators[chosen]!;
      }
      const decisions = right + (n - k - wrong);
      switch (rule.name) {
        case 'all-or-nothing':
          return right === k && wrong === 0 ? 1 : 0;
        case 'weighted-credit':
          return clamp(credit, denominator);
        case 'right-minus-wrong':
          return clamp(right - wrong, k);
        case 'every-decision-counts':
          return decisions;
        default:
          return clamp(2 * decisions - n, n);
      }
    },
  };
}
