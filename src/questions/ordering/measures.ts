import { type Fraction, fraction } from '../../fraction/fraction.js';
import type { RuleName } from '../../schema/types.js';
import type { Statistic } from '../../scoring/types.js';
import { countInversions } from './inversions.js';
import { moodleLongestConsecutiveRun, moodleLongestOrderedSubset } from './lis.js';

/** The names of the ordering rules. */
export type OrderingRuleName = RuleName<'ordering'>;

/** One response position's own score under a rule, as Moodle's grading details show it. */
export interface ItemScore {
  readonly earned: number;
  readonly possible: number;
}

/** What an ordering rule measured on one response. */
export interface OrderingMeasure {
  /** The exact fraction of full credit, in [0, 1]. */
  readonly fraction: Fraction;
  /** The raw count behind it (inversions, items in place, …). */
  readonly statistic: Statistic;
  /** Per response position. */
  readonly items: readonly ItemScore[];
}

/**
 * Measures a response under an ordering rule. `response[i]` is the correct
 * (0-based) position of the item the learner put at position `i`: a
 * permutation of `0 … n-1`, n ≥ 2, already checked by the caller.
 *
 * `fraction` is exactly Moodle `qtype_ordering`'s `countcorrect / countanswers`
 * for the matching grading type (see `OrderingRuleSchema`), as a reduced
 * fraction. `items[i]` is Moodle's per-item `(score, maxscore)` for response
 * position `i`; an item Moodle leaves unscored ("No score") has `possible: 0`.
 * That happens only under `next-item`, and it is the item that is *last in the
 * correct order*, wherever the learner put it (Moodle has no correct successor
 * to compare it with). Except under `all-or-nothing`, the fraction equals
 * Σ earned / Σ possible over `items`.
 *
 * Every rule runs in O(n log n) or better.
 */
export function measureOrdering(rule: OrderingRuleName, response: readonly number[]): OrderingMeasure {
  switch (rule) {
    case 'all-or-nothing':
      return exactPosition(response, true);
    case 'exact-position':
      return exactPosition(response, false);
    case 'position-distance':
      return positionDistance(response);
    case 'next-item':
      return nextItem(response, false);
    case 'next-item-and-last':
      return nextItem(response, true);
    case 'previous-and-next':
      return previousAndNext(response);
    case 'pairwise-order':
      return pairwiseOrder(response);
    case 'longest-ordered-subsequence':
      return longestSubset(response, false);
    case 'longest-consecutive-run':
      return longestSubset(response, true);
    default:
      return unknownRule(rule);
  }
}

function unknownRule(rule: never): never {
  throw new RangeError(`Unknown ordering rule: ${String(rule)}`);
}

/** `count` and the noun, singular or plural to agree with it. */
function counted(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/** "items" or "item" for the total, "their" or "its" for the count, so the text reads right at 1. */
function ofItems(value: number, of: number): { noun: string; their: string } {
  return { noun: of === 1 ? 'item' : 'items', their: value === 1 ? 'its' : 'their' };
}

function statistic(name: string, value: number, of: number, text: string): Statistic {
  return { name, value, of, text };
}

// ALL_OR_NOTHING and ABSOLUTE_POSITION: Moodle counts items in their exact slot
// for both and zeroes the count for all-or-nothing unless every item is in place.
// Its per-item scores stay the plain slot matches either way (it just hides them).
function exactPosition(response: readonly number[], allOrNothing: boolean): OrderingMeasure {
  const n = response.length;
  const items: ItemScore[] = new Array(n);
  let inPlace = 0;
  for (let i = 0; i < n; i++) {
    const hit = response[i] === i ? 1 : 0;
    inPlace += hit;
    items[i] = { earned: hit, possible: 1 };
  }
  const earned = allOrNothing && inPlace < n ? 0 : inPlace;
  const { their } = ofItems(inPlace, n);
  return {
    fraction: fraction(earned, n),
    statistic: statistic('items-in-place', inPlace, n, `${inPlace} of ${n} items in ${their} exact position`),
    items,
  };
}

// RELATIVE_TO_CORRECT: each item earns (n-1) - |distance|, floored at 0, out of n-1.
// The floor only bites for distances of n-1 or more, which is why a full
// reversal still earns a lot (0.4 for 6 items; Moodle's own test calls it generous).
function positionDistance(response: readonly number[]): OrderingMeasure {
  const n = response.length;
  const most = n - 1;
  const items: ItemScore[] = new Array(n);
  let points = 0;
  for (let i = 0; i < n; i++) {
    const earned = Math.max(0, most - Math.abs(response[i]! - i));
    points += earned;
    items[i] = { earned, possible: most };
  }
  const of = n * most;
  return {
    fraction: fraction(points, of),
    statistic: statistic(
      'position-points',
      points,
      of,
      `${points} of ${of} points for closeness to the correct position (${most} per item, less its distance)`,
    ),
    items,
  };
}

// RELATIVE_NEXT_EXCLUDE_LAST / _INCLUDE_LAST. Moodle maps every item to the item
// after it (in the correct order and in the response) and counts agreements.
// Excluding the last, the correct map has no entry for the correct-last item,
// so that item is unscored, and the response's last item has no successor, so
// it scores 0 unless it is that unscored item. Including the last, both maps
// send their last item to a "nothing" sentinel, which agree when the correct
// last item is placed last.
function nextItem(response: readonly number[], includeLast: boolean): OrderingMeasure {
  const n = response.length;
  const last = n - 1;
  const items: ItemScore[] = new Array(n);
  let agreements = 0;
  for (let i = 0; i < n; i++) {
    const value = response[i]!;
    let earned: number;
    if (i < last) earned = response[i + 1] === value + 1 ? 1 : 0;
    else earned = includeLast && value === last ? 1 : 0;
    const possible = !includeLast && value === last ? 0 : 1;
    agreements += earned;
    items[i] = { earned, possible };
  }
  const of = includeLast ? n : n - 1;
  const { noun, their } = ofItems(agreements, of);
  const text = includeLast
    ? `${agreements} of ${of} ${noun} followed by ${their} correct successor (by nothing, for the last item)`
    : `${agreements} of ${of} ${noun} followed by ${their} correct successor`;
  return {
    fraction: fraction(agreements, of),
    statistic: statistic(includeLast ? 'correct-successors-and-last' : 'correct-successors', agreements, of, text),
    items,
  };
}

// RELATIVE_ONE_PREVIOUS_AND_NEXT: each item earns a point for the right
// predecessor and one for the right successor, out of 2. Moodle pads both ends
// with the same sentinel, so the correct first item placed first (or last placed
// last) earns its edge point.
function previousAndNext(response: readonly number[]): OrderingMeasure {
  const n = response.length;
  const last = n - 1;
  const items: ItemScore[] = new Array(n);
  let points = 0;
  for (let i = 0; i < n; i++) {
    const value = response[i]!;
    const previousOk = i === 0 ? value === 0 : response[i - 1] === value - 1;
    const nextOk = i === last ? value === last : response[i + 1] === value + 1;
    const earned = (previousOk ? 1 : 0) + (nextOk ? 1 : 0);
    points += earned;
    items[i] = { earned, possible: 2 };
  }
  const of = 2 * n;
  return {
    fraction: fraction(points, of),
    statistic: statistic(
      'correct-neighbours',
      points,
      of,
      `${points} of ${of} neighbours right (each item's predecessor and successor, or the end of the list)`,
    ),
    items,
  };
}

// RELATIVE_ALL_PREVIOUS_AND_NEXT: Moodle intersects each item's before/after sets
// in the response with those in the correct order. An item agrees with every
// other item except those it forms an inversion with, so it earns
// (n-1) - (its inversions), and the total is n(n-1) - 2·inversions, i.e.
// 1 - inversions / C(n,2), Kendall's tau concordance.
function pairwiseOrder(response: readonly number[]): OrderingMeasure {
  const n = response.length;
  const most = n - 1;
  const { total, perPosition } = countInversions(response);
  const items: ItemScore[] = new Array(n);
  for (let i = 0; i < n; i++) items[i] = { earned: most - perPosition[i]!, possible: most };
  const pairs = (n * most) / 2;
  return {
    fraction: fraction(n * most - 2 * total, n * most),
    statistic: statistic('inversions', total, pairs, `${counted(total, 'inversion')} of ${counted(pairs, 'pair')}`),
    items,
  };
}

// LONGEST_ORDERED_SUBSET / LONGEST_CONTIGUOUS_SUBSET: the items in Moodle's best
// subset earn 1 each, out of n. A best length of 1 earns nothing, because
// Moodle starts its search at `$bestcount = 1` and keeps an empty subset.
function longestSubset(response: readonly number[], consecutive: boolean): OrderingMeasure {
  const n = response.length;
  const best = consecutive ? moodleLongestConsecutiveRun(response) : moodleLongestOrderedSubset(response);
  const items: ItemScore[] = Array.from({ length: n }, () => ({ earned: 0, possible: 1 }));
  for (const position of best) items[position] = { earned: 1, possible: 1 };
  // Every permutation has an ordered subset (and a run) of at least one item,
  // so an empty best means the longest had exactly one.
  const length = Math.max(best.length, 1);
  const short = length < 2 ? ' (a single item earns no credit)' : '';
  const name = consecutive ? 'longest-consecutive-run' : 'longest-ordered-subsequence';
  const what = consecutive ? 'consecutive run' : 'ordered subsequence';
  const kept = consecutive ? ' kept in order' : '';
  return {
    fraction: fraction(best.length, n),
    statistic: statistic(name, length, n, `a longest ${what} of ${length} of ${n} items${kept}${short}`),
    items,
  };
}
