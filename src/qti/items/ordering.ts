import { ZERO } from '../../fraction/fraction.js';
import type { RuleName } from '../../schema/types.js';
import { IdentifierPool } from '../identifiers.js';
import {
  RESPONSE,
  SCORE,
  condition,
  customProcessing,
  float,
  index,
  integer,
  matchCorrect,
  op,
  outcome,
  responseDeclaration,
  setOutcome,
  variable,
} from '../processing.js';
import { type XmlElement, el } from '../xml.js';
import { type ItemBuilder, notes } from './parts.js';

const RAW = 'RAW';
const RUN = 'RUN';
const pos = (i: number) => `POS_${i}`;
const lis = (i: number) => `LIS_${i}`;

const increment = (identifier: string, by = 1) => setOutcome(identifier, op('sum', variable(identifier), integer(by)));
const same = (a: XmlElement, b: XmlElement) => op('match', a, b);
/** `RAW / denominator` into SCORE (an integer count over an integer: one exact division). */
const scoreOver = (denominator: number) => setOutcome(SCORE, op('divide', variable(RAW), integer(denominator)));
/** `RAW / n` into SCORE if RAW ≥ 2, else 0: the two longest-* rules, where a run of 1 scores 0. */
const scoreRun = (n: number) => condition(op('gte', variable(RAW), integer(2)), [scoreOver(n)], [setOutcome(SCORE, float(ZERO))]);
const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);

/**
 * The rules after the positions are known: POS_i is the (1-based) position in
 * the response of the item that is i-th in the correct order. Each returns its
 * rules and the working variables it declares besides POS_i.
 */
const measures: Record<Exclude<RuleName<'ordering'>, 'all-or-nothing'>, (n: number) => { rules: XmlElement[]; outcomes: XmlElement[] }> = {
  // #{i : POS_i = i} / n
  'exact-position': (n) => ({
    rules: [setOutcome(RAW, integer(0)), ...range(1, n).map((i) => condition(same(variable(pos(i)), integer(i)), [increment(RAW)])), scoreOver(n)],
    outcomes: [outcome(RAW, 'integer', '0')],
  }),
  // Σ max(0, (n − 1) − |POS_i − i|) / n(n − 1)
  'position-distance': (n) => ({
    rules: [
      setOutcome(RAW, integer(0)),
      ...range(1, n).map((i) =>
        setOutcome(
          RAW,
          op(
            'sum',
            variable(RAW),
            op('max', integer(0), op('subtract', integer(n - 1), op('max', op('subtract', variable(pos(i)), integer(i)), op('subtract', integer(i), variable(pos(i)))))),
          ),
        ),
      ),
      scoreOver(n * (n - 1)),
    ],
    outcomes: [outcome(RAW, 'integer', '0')],
  }),
  // kept successions / (n − 1): item i + 1 right after item i
  'next-item': (n) => ({
    rules: [setOutcome(RAW, integer(0)), ...successions(n, 1), scoreOver(n - 1)],
    outcomes: [outcome(RAW, 'integer', '0')],
  }),
  // (kept successions + [last item last]) / n
  'next-item-and-last': (n) => ({
    rules: [setOutcome(RAW, integer(0)), ...successions(n, 1), condition(same(variable(pos(n)), integer(n)), [increment(RAW)]), scoreOver(n)],
    outcomes: [outcome(RAW, 'integer', '0')],
  }),
  // (2 · kept successions + [first item first] + [last item last]) / 2n: a kept
  // succession gives one item its right successor and the next its right predecessor.
  'previous-and-next': (n) => ({
    rules: [
      setOutcome(RAW, integer(0)),
      ...successions(n, 2),
      condition(same(variable(pos(1)), integer(1)), [increment(RAW)]),
      condition(same(variable(pos(n)), integer(n)), [increment(RAW)]),
      scoreOver(2 * n),
    ],
    outcomes: [outcome(RAW, 'integer', '0')],
  }),
  // pairs in the right relative order / C(n, 2) = 1 − inversions / C(n, 2)
  'pairwise-order': (n) => ({
    rules: [
      setOutcome(RAW, integer(0)),
      ...range(1, n).flatMap((i) => range(i + 1, n).map((j) => condition(op('lt', variable(pos(i)), variable(pos(j))), [increment(RAW)]))),
      scoreOver((n * (n - 1)) / 2),
    ],
    outcomes: [outcome(RAW, 'integer', '0')],
  }),
  // Longest increasing subsequence of POS_1 … POS_n (the same length as the
  // longest subsequence of the response in correct order): LIS_i = 1 + the
  // largest LIS_h with h < i and POS_h < POS_i.
  'longest-ordered-subsequence': (n) => ({
    rules: [
      ...range(1, n).flatMap((i) => [
        setOutcome(lis(i), integer(1)),
        ...range(1, i - 1).map((h) =>
          condition(op('and', op('lt', variable(pos(h)), variable(pos(i))), op('gte', variable(lis(h)), variable(lis(i)))), [
            setOutcome(lis(i), op('sum', variable(lis(h)), integer(1))),
          ]),
        ),
      ]),
      setOutcome(RAW, op('max', ...range(1, n).map((i) => variable(lis(i))))),
      scoreRun(n),
    ],
    outcomes: [outcome(RAW, 'integer', '0'), ...range(1, n).map((i) => outcome(lis(i), 'integer', '1'))],
  }),
  // Longest run of items consecutive in the correct order whose positions increase.
  'longest-consecutive-run': (n) => ({
    rules: [
      setOutcome(RUN, integer(1)),
      setOutcome(RAW, integer(1)),
      ...range(2, n).flatMap((i) => [
        condition(op('gt', variable(pos(i)), variable(pos(i - 1))), [increment(RUN)], [setOutcome(RUN, integer(1))]),
        setOutcome(RAW, op('max', variable(RAW), variable(RUN))),
      ]),
      scoreRun(n),
    ],
    outcomes: [outcome(RAW, 'integer', '0'), outcome(RUN, 'integer', '1')],
  }),
};

/** For each i < n: if item i + 1 sits right after item i, RAW += by. */
function successions(n: number, by: number): XmlElement[] {
  return range(1, n - 1).map((i) => condition(same(variable(pos(i + 1)), op('sum', variable(pos(i)), integer(1))), [increment(RAW, by)]));
}

/**
 * Ordering → `qti-order-interaction`, cardinality ordered, the correct order
 * as the correct response. `all-or-nothing` → `match_correct`. No standard
 * template gives partial credit on an order (a mapping maps values, not
 * positions), so the other eight rules get custom response processing: it
 * scores 0 unless the response is a permutation of the items (n values, each
 * item a `qti-member`), finds each item's position with `qti-index`, then
 * counts what the rule counts, in integers, and divides once. With `responseProcessing:
 * 'templates'` they fall back to `match_correct`.
 */
export const orderingItem: ItemBuilder<'ordering'> = (question, options) => {
  const ids = new IdentifierPool();
  const identifierOf = new Map(question.items.map((item) => [item.id, ids.take(item.id)]));
  const correct = question.correctOrder.map((id) => identifierOf.get(id)!);
  const n = correct.length;
  const interaction = el(
    'qti-order-interaction',
    { 'response-identifier': RESPONSE, shuffle: options.shuffle },
    el('qti-prompt', {}, question.prompt),
    question.items.map((item) => el('qti-simple-choice', { identifier: identifierOf.get(item.id)! }, item.text)),
  );
  const declaration = responseDeclaration('ordered', 'identifier', correct);
  const renamed = ids.note();
  const rule = question.rule.name;
  if (rule === 'all-or-nothing' || !options.exact) {
    const fallback =
      rule === 'all-or-nothing'
        ? undefined
        : `No standard template gives partial credit on an order; ${rule} exported as match_correct (all or nothing): the correct order still earns full credit, but partial credit is lost.`;
    return {
      declaration,
      outcomes: [],
      interaction,
      processing: matchCorrect(),
      scoring: { processing: 'match_correct', exact: !fallback, note: notes(fallback, renamed) },
    };
  }
  const { rules, outcomes } = measures[rule](n);
  // POS_i := p where the response's p-th value is item i (one if/else-if chain per position).
  const positions = range(1, n).map((p) => {
    const [first, ...rest] = range(1, n).map(
      (i) => [same(index(p, variable(RESPONSE)), el('qti-base-value', { 'base-type': 'identifier' }, correct[i - 1]!)), [setOutcome(pos(i), integer(p))]] as const,
    );
    return condition(first![0], first![1], undefined, rest);
  });
  const zero = [setOutcome(SCORE, float(ZERO))];
  // Every item is a member of the response. With n values besides, that makes the response a
  // permutation (n distinct items in n places), so an empty slot ("", which a player such as
  // qti-components keeps) or a repeated item fails it: read as position 0 they would earn credit.
  const everyItem = op('and', ...correct.map((item) => op('member', el('qti-base-value', { 'base-type': 'identifier' }, item), variable(RESPONSE))));
  return {
    declaration,
    outcomes: [...range(1, n).map((i) => outcome(pos(i), 'integer', '0')), ...outcomes],
    interaction,
    processing: customProcessing(
      // NULL (unanswered) or anything but a complete order of the n items (which quizkit calls invalid) scores 0.
      condition(op('is-null', variable(RESPONSE)), zero, [...range(1, n).map((i) => setOutcome(pos(i), integer(0))), ...positions, ...rules], [
        [op('not', same(op('container-size', variable(RESPONSE)), integer(n))), zero],
        [op('not', everyItem), zero],
      ]),
    ),
    scoring: { processing: 'custom', exact: true, note: notes(renamed) },
  };
};
