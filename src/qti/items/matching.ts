import { ONE, ZERO, divide, sum } from '../../fraction/fraction.js';
import { IdentifierPool } from '../identifiers.js';
import { RESPONSE, mapResponse, mapping, matchCorrect, responseDeclaration } from '../processing.js';
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
  const map = perStatement
    ? mapping(
        statements.map(({ statement }, i) => [pairs[i]!, divide(statement.weight ?? ONE, total)] as const),
        { lower: ZERO, upper: ONE },
      )
    : undefined;
  const target = (identifier: string, text: string) => el('qti-simple-associable-choice', { identifier, 'match-max': count }, text);
  return {
    declaration: responseDeclaration('multiple', 'directedPair', pairs, map),
    outcomes: [],
    interaction: el(
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
    ),
    processing: perStatement ? mapResponse() : matchCorrect(),
    scoring: {
      processing: perStatement ? 'map_response' : 'match_correct',
      exact: true,
      note: notes(none && `"None of these" is the extra target ${none}.`, ids.note()),
    },
  };
};
