import { lcmBig } from '../../fraction/big.js';
import { ONE, ZERO, divide, fraction, sum } from '../../fraction/fraction.js';
import { IdentifierPool } from '../identifiers.js';
import { RESPONSE, SCORE, customProcessing, condition, float, mapResponse, mapping, matchCorrect, op, responseDeclaration, setOutcome, variable } from '../processing.js';
import { el } from '../xml.js';
import { type ItemBuilder, notes } from './parts.js';

/** The identifier asked for the "none of these" target; renamed if an id takes it. */
const NONE = 'none-of-these';

/**
 * Matching → `qti-match-interaction`, cardinality multiple, base type
 * `directedPair` from statement (first match set) to actor (second set).
 * - `per-statement` → `map_response`: each right pair mapped to its weight
 *   over the total weight, bounds [0, 1], default 0;
 * - `all-or-nothing` → `match_correct` on the set of right pairs.
 * Each statement may take one actor (`match-max="1"`); each actor may take
 * every statement (`match-max` = number of statements), so the limits give
 * nothing of the key away, and distractor actors look like the others. With
 * `allowNoMatch`, an extra target "None of these" stands for `null`: pairing a
 * statement with it is quizkit's explicit "no match", and leaving a statement
 * unpaired is leaving it unanswered, as in quizkit.
 */
export const matchingItem: ItemBuilder<'matching'> = (question, options) => {
  const ids = new IdentifierPool();
  const statements = question.statements.map((statement) => ({ statement, identifier: ids.take(statement.id) }));
  const actorOf = new Map(question.actors.map((actor) => [actor.id, ids.take(actor.id)]));
  const none = question.allowNoMatch ? ids.take(NONE) : undefined;
  const targetOf = (actor: string | null) => (actor === null ? none! : actorOf.get(actor)!);
  const pairs = statements.map(({ statement, identifier }) => `${identifier} ${targetOf(statement.actor)}`);
  const count = statements.length;
  const total = sum(question.statements.map((statement) => statement.weight ?? ONE));
  const perStatement = question.rule.name === 'per-statement';
  const target = (identifier: string, text: string) => el('qti-simple-associable-choice', { identifier, 'match-max': count }, text);
  const interaction = () =>
    el(
      'qti-match-interaction',
      { 'response-identifier': RESPONSE, shuffle: options.shuffle, 'max-associations': count },
      el('qti-prompt', {}, question.prompt),
      el(
        'qti-simple-match-set',
        {},
        statements.map(({ statement, identifier }) => el('qti-simple-associable-choice', { identifier, 'match-max': 1 }, statement.text)),
      ),
      el(
        'qti-simple-match-set',
        {},
        question.actors.map((actor) => target(actorOf.get(actor.id)!, actor.name)),
        none && target(none, options.noMatchText),
      ),
    );
  // The standard template sums each right pair's share in floats: exact when every share is
  // a binary fraction (¼, ½, ⅛), else not (0.3 + 0.32 + 0.3 + 0.08 is 0.9999999999999999).
  // Otherwise, in exact mode, each right pair maps to its weight as a whole number and
  // SCORE is their sum divided once by the total.
  const shares = question.statements.map((statement) => divide(statement.weight ?? ONE, total));
  const binary = shares.every((share) => Number.isInteger(Math.log2(share.d)));
  const whole = perStatement && options.exact && !binary ? wholeWeights(question.statements.map((statement) => statement.weight ?? ONE)) : undefined;
  if (whole) {
    return {
      declaration: responseDeclaration('multiple', 'directedPair', pairs, mapping(pairs.map((pair, i) => [pair, fraction(whole.weights[i]!)] as const))),
      outcomes: [],
      interaction: interaction(),
      processing: customProcessing(
        condition(
          op('is-null', variable(RESPONSE)),
          [setOutcome(SCORE, float(ZERO))],
          [setOutcome(SCORE, op('divide', el('qti-map-response', { identifier: RESPONSE }), float(fraction(whole.total))))],
        ),
      ),
      scoring: { processing: 'custom', exact: true, note: notes(none && `"None of these" is the extra target ${none}.`, ids.note()) },
    };
  }
  const map = perStatement
    ? mapping(
        statements.map((_, i) => [pairs[i]!, shares[i]!] as const),
        { lower: ZERO, upper: ONE },
        // Shares that are not binary fractions are written just above, so the key's float sum reaches 1.
        !binary,
      )
    : undefined;
  return {
    declaration: responseDeclaration('multiple', 'directedPair', pairs, map),
    outcomes: [],
    interaction: interaction(),
    processing: perStatement ? mapResponse() : matchCorrect(),
    scoring: {
      processing: perStatement ? 'map_response' : 'match_correct',
      exact: true,
      note: notes(none && `"None of these" is the extra target ${none}.`, ids.note()),
    },
  };
};

/**
 * The weights as whole numbers on one common denominator, or `undefined` when
 * a sum of them could leave the integers a float holds exactly.
 */
function wholeWeights(weights: readonly { readonly n: number; readonly d: number }[]): { weights: number[]; total: number } | undefined {
  const common = lcmBig(weights.map((w) => BigInt(w.d)));
  const scaled = weights.map((w) => (BigInt(w.n) * common) / BigInt(w.d));
  const total = scaled.reduce((a, b) => a + b, 0n);
  return total <= BigInt(Number.MAX_SAFE_INTEGER) ? { weights: scaled.map(Number), total: Number(total) } : undefined;
}
