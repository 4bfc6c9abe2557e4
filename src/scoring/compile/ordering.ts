import type { ReadonlyOrderingQuestion } from '../../schema/types.js';
import { type ListRead, isEntries } from '../read-response.js';
import { type CompiledQuestion, INVALID, Stamps, UNANSWERED, indexOf } from './tally.js';

/**
 * Ordering: every rule of `measureOrdering` as a count over a fixed
 * denominator, on scratch buffers owned by the plan (no user code runs while
 * they are in use: the response was read before). Linear, or n log n for
 * pairwise-order and the longest ordered subsequence.
 */
export function compileOrdering(question: ReadonlyOrderingQuestion): CompiledQuestion<ListRead> | undefined {
  const n = question.items.length;
  const rule = question.rule.name;
  const denominator =
    rule === 'position-distance' || rule === 'pairwise-order'
      ? n * (n - 1)
      : rule === 'next-item'
        ? n - 1
        : rule === 'previous-and-next'
          ? 2 * n
          : n;
  if (denominator <= 0 || !Number.isSafeInteger(denominator)) return undefined;
  const correctIndex = indexOf(question.correctOrder);
  const seen = new Stamps(n);
  const positions = new Int32Array(n);
  const scratch = new Int32Array(n + 1);
  return {
    denominator,
    tally(read) {
      if (!isEntries(read)) return read.kind === 'value' && (read.value === undefined || read.value === null) ? UNANSWERED : INVALID;
      const items = read;
      if (items.length === 0) return UNANSWERED;
      seen.next();
      for (let i = 0; i < items.length; i++) {
        const id = items[i];
        const position = typeof id === 'string' ? correctIndex.get(id) : undefined;
        if (position === undefined || !seen.mark(position)) return INVALID;
        positions[i] = position;
      }
      // Distinct known ids: fewer than n is an incomplete order.
      if (items.length < n) return INVALID;
      return count(rule, positions, scratch);
    },
  };
}

/** The rule's numerator for a permutation `positions` of 0 … n−1 (see `measures.ts` for each rule's Moodle origin). */
function count(rule: ReadonlyOrderingQuestion['rule']['name'], positions: Int32Array, scratch: Int32Array): number {
  const n = positions.length;
  const last = n - 1;
  let total = 0;
  switch (rule) {
    case 'all-or-nothing':
    case 'exact-position':
      for (let i = 0; i < n; i++) if (positions[i] === i) total++;
      return rule === 'all-or-nothing' && total < n ? 0 : total;
    case 'position-distance':
      for (let i = 0; i < n; i++) total += Math.max(0, last - Math.abs(positions[i]! - i));
      return total;
    case 'next-item':
    case 'next-item-and-last':
      for (let i = 0; i < last; i++) if (positions[i + 1] === positions[i]! + 1) total++;
      return rule === 'next-item-and-last' && positions[last] === last ? total + 1 : total;
    case 'previous-and-next':
      for (let i = 0; i < n; i++) {
        const value = positions[i]!;
        if (i === 0 ? value === 0 : positions[i - 1] === value - 1) total++;
        if (i === last ? value === last : positions[i + 1] === value + 1) total++;
      }
      return total;
    case 'pairwise-order': {
      // Fenwick tree over values: larger values placed before each one are its inversions.
      scratch.fill(0);
      let inversions = 0;
      for (let i = 0; i < n; i++) {
        const value = positions[i]!;
        let smallerBefore = 0;
        for (let k = value; k > 0; k -= k & -k) smallerBefore += scratch[k]!;
        for (let k = value + 1; k <= n; k += k & -k) scratch[k] = scratch[k]! + 1;
        inversions += i - smallerBefore;
      }
      return n * last - 2 * inversions;
    }
    case 'longest-ordered-subsequence': {
      // Patience sorting: scratch[0 … length) holds the least tail of an increasing run of each length.
      let length = 0;
      for (let i = 0; i < n; i++) {
        const value = positions[i]!;
        let lo = 0;
        let hi = length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (scratch[mid]! < value) lo = mid + 1;
          else hi = mid;
        }
        scratch[lo] = value;
        if (lo === length) length++;
      }
      // Moodle keeps no one-item subset.
      return length < 2 ? 0 : length;
    }
    default: {
      // longest-consecutive-run: chains v, v+1, … placed in increasing response positions.
      for (let i = 0; i < n; i++) scratch[positions[i]!] = i;
      let best = 1;
      let run = 1;
      for (let v = 1; v < n; v++) {
        run = scratch[v]! > scratch[v - 1]! ? run + 1 : 1;
        if (run > best) best = run;
      }
      return best < 2 ? 0 : best;
    }
  }
}
