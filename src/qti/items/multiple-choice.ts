import { type Fraction, ONE, ZERO, fraction } from '../../fraction/fraction.js';
import { IdentifierPool } from '../identifiers.js';
import {
  RESPONSE,
  SCORE,
  condition,
  customProcessing,
  float,
  mapResponse,
  mapping,
  matchCorrect,
  op,
  responseDeclaration,
  setOutcome,
  variable,
} from '../processing.js';
import { type XmlElement, el } from '../xml.js';
import { type ItemBuilder, type ItemParts, notes } from './parts.js';

/**
 * Multiple choice → `qti-choice-interaction max-choices="0"`, cardinality multiple.
 * With n options, k correct, R right and W wrong options chosen:
 * - `all-or-nothing` → `match_correct`;
 * - `weighted-credit` → `map_response`, entries = credits (default ±1/k), bounds [0, 1];
 * - `right-minus-wrong` → `map_response`, entries +1/k and −1/k, bounds [0, 1];
 * - `every-decision-counts` → custom: SCORE = (mapResponse + n − k) / n with
 *   entries ±1, i.e. (R − W + n − k) / n = right decisions / n;
 * - `correction-for-guessing` → custom: SCORE = max(0, (mapResponse + n − 2k) / n)
 *   with entries ±2, i.e. max(0, (2D − n) / n) for D right decisions.
 * The last two credit options left alone, which `map_response` cannot (it
 * only sums over chosen values); with `responseProcessing: 'templates'` they
 * fall back to `match_correct`.
 */
export const multipleChoiceItem: ItemBuilder<'multiple-choice'> = (question, options) => {
  const ids = new IdentifierPool();
  const n = question.options.length;
  const choices = question.options.map((option) => ({ option, identifier: ids.take(option.id) }));
  const k = choices.filter(({ option }) => option.correct).length;
  const key = choices.filter(({ option }) => option.correct).map(({ identifier }) => identifier);
  const interaction = el(
    'qti-choice-interaction',
    { 'response-identifier': RESPONSE, shuffle: options.shuffle, 'max-choices': 0 },
    el('qti-prompt', {}, question.prompt),
    choices.map(({ option, identifier }) => el('qti-simple-choice', { identifier }, option.text)),
  );
  const renamed = ids.note();
  // One map entry per option whose value is not 0 (the mapping's default).
  const entries = (value: (option: (typeof question.options)[number]) => Fraction) =>
    choices.map(({ option, identifier }) => [identifier, value(option)] as const).filter(([, v]) => v.n !== 0);
  const mapped = (map: XmlElement): ItemParts => ({
    declaration: responseDeclaration('multiple', 'identifier', key, map),
    outcomes: [],
    interaction,
    processing: mapResponse(),
    scoring: { processing: 'map_response', exact: true, note: notes(renamed) },
  });
  const allOrNothing = (note?: string): ItemParts => ({
    declaration: responseDeclaration('multiple', 'identifier', key),
    outcomes: [],
    interaction,
    processing: matchCorrect(),
    scoring: { processing: 'match_correct', exact: !note, note: notes(note, renamed) },
  });
  const custom = (perOption: number, offset: number, floor: boolean): ItemParts => {
    // SCORE = (Σ ±perOption over the chosen options + offset) / n: whole numbers until the one division.
    let score = op('divide', op('sum', el('qti-map-response', { identifier: RESPONSE }), float(fraction(offset))), float(fraction(n)));
    if (floor) score = op('max', float(ZERO), score);
    return {
      declaration: responseDeclaration('multiple', 'identifier', key, mapping(entries((option) => fraction(option.correct ? perOption : -perOption)))),
      outcomes: [],
      interaction,
      processing: customProcessing(
        condition(op('is-null', variable(RESPONSE)), [setOutcome(SCORE, float(ZERO))], [setOutcome(SCORE, score)]),
      ),
      scoring: { processing: 'custom', exact: true, note: notes(renamed) },
    };
  };
  const fallback = `No standard template scores ${question.rule.name}: it credits options left alone, and map_response sums only over chosen options. Exported as match_correct (all or nothing): the answer key still earns full credit, but partial credit is lost.`;
  switch (question.rule.name) {
    case 'all-or-nothing':
      return allOrNothing();
    case 'weighted-credit':
      return mapped(sumsToOne(entries((option) => option.credit ?? fraction(option.correct ? 1 : -1, k))));
    case 'right-minus-wrong':
      return mapped(sumsToOne(entries((option) => fraction(option.correct ? 1 : -1, k))));
    case 'every-decision-counts':
      return options.exact ? custom(1, n - k, false) : allOrNothing(fallback);
    case 'correction-for-guessing':
      return options.exact ? custom(2, n - 2 * k, true) : allOrNothing(fallback);
  }
};

/**
 * A mapping bounded to [0, 1] whose right options' values the player adds in
 * floats: binary fractions (½, ¼) add exactly; any other positive value is
 * written just above itself, so the answer key reaches the upper bound 1
 * (0.15 + 0.25 + 0.1 + 0.2 + 0.1 + 0.1 + 0.1 is 0.9999999999999999 in floats).
 */
function sumsToOne(entries: readonly (readonly [string, Fraction])[]) {
  const binary = entries.every(([, value]) => value.n <= 0 || Number.isInteger(Math.log2(value.d)));
  return mapping(entries, { lower: ZERO, upper: ONE }, !binary);
}
