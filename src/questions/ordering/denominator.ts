// Only validation needs this (src/schema/exactness.ts), so it lives apart from the
// rules in score.ts and stays out of the scoring bundle. Keep it in step with them.
import type { DeepReadonly, OrderingQuestion } from '../../schema/types.js';

type Question = DeepReadonly<OrderingQuestion>;

/**
 * A multiple of every denominator the question's fraction of credit can take,
 * for n items (see `measureOrdering`): n(n − 1) for `position-distance` and
 * `pairwise-order`, n − 1 for `next-item`, 2n for `previous-and-next`, n otherwise.
 */
export function orderingDenominator(question: Question): bigint {
  const n = BigInt(question.items.length);
  switch (question.rule.name) {
    case 'position-distance':
    case 'pairwise-order':
      return n * (n - 1n);
    case 'next-item':
      return n - 1n;
    case 'previous-and-next':
      return 2n * n;
    default:
      return n;
  }
}
