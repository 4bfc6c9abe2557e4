import type { Fraction } from '../fraction/fraction.js';
import { qtiDecimal, qtiDecimalAbove } from './decimal.js';
import { type XmlChild, type XmlElement, el } from './xml.js';

// Building blocks of QTI 3 response processing. Every item has one response
// variable, RESPONSE, and writes its score, a fraction of full credit, to SCORE.

export const RESPONSE = 'RESPONSE';
export const SCORE = 'SCORE';
export const MAXSCORE = 'MAXSCORE';

const TEMPLATES = 'https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/';

/** `<qti-response-processing template="…/match_correct.xml"/>`: SCORE = 1 if RESPONSE matches the correct response, else 0. */
export const matchCorrect = (): XmlElement => el('qti-response-processing', { template: `${TEMPLATES}match_correct.xml` });

/** `<qti-response-processing template="…/map_response.xml"/>`: SCORE = 0 if RESPONSE is NULL, else mapResponse(RESPONSE). */
export const mapResponse = (): XmlElement => el('qti-response-processing', { template: `${TEMPLATES}map_response.xml` });

/** Custom response processing made of the given rules. */
export const customProcessing = (...rules: readonly XmlChild[]): XmlElement => el('qti-response-processing', {}, ...rules);

export const variable = (identifier: string): XmlElement => el('qti-variable', { identifier });
export const integer = (value: number): XmlElement => el('qti-base-value', { 'base-type': 'integer' }, String(value));
export const float = (value: Fraction): XmlElement => el('qti-base-value', { 'base-type': 'float' }, qtiDecimal(value));
export const setOutcome = (identifier: string, expression: XmlElement): XmlElement =>
  el('qti-set-outcome-value', { identifier }, expression);
export const op = (name: string, ...operands: readonly XmlChild[]): XmlElement => el(`qti-${name}`, {}, ...operands);
export const index = (n: number, container: XmlElement): XmlElement => el('qti-index', { n }, container);

/**
 * `if (test) then… else…` as a `qti-response-condition`; `elseIfs` are
 * `[test, rules]` pairs tried in order.
 */
export function condition(
  test: XmlElement,
  then: readonly XmlChild[],
  otherwise?: readonly XmlChild[],
  elseIfs: readonly (readonly [XmlElement, readonly XmlChild[]])[] = [],
): XmlElement {
  return el(
    'qti-response-condition',
    {},
    el('qti-response-if', {}, test, ...then),
    elseIfs.map(([elseTest, rules]) => el('qti-response-else-if', {}, elseTest, ...rules)),
    otherwise && el('qti-response-else', {}, ...otherwise),
  );
}

/** An outcome declaration with a default value. */
export function outcome(identifier: string, baseType: 'float' | 'integer', defaultValue: string): XmlElement {
  return el(
    'qti-outcome-declaration',
    { identifier, cardinality: 'single', 'base-type': baseType },
    el('qti-default-value', {}, el('qti-value', {}, defaultValue)),
  );
}

/**
 * A `qti-mapping` from keys to exact values, written with `qtiDecimal`; with
 * `above`, positive values are written strictly above (`qtiDecimalAbove`).
 */
export function mapping(
  entries: readonly (readonly [string, Fraction])[],
  bounds: { lower?: Fraction; upper?: Fraction } = {},
  above = false,
): XmlElement {
  return el(
    'qti-mapping',
    {
      'lower-bound': bounds.lower && qtiDecimal(bounds.lower),
      'upper-bound': bounds.upper && qtiDecimal(bounds.upper),
      'default-value': '0',
    },
    entries.map(([key, value]) => el('qti-map-entry', { 'map-key': key, 'mapped-value': above && value.n > 0 ? qtiDecimalAbove(value) : qtiDecimal(value) })),
  );
}

/** The response declaration, with its correct response and, when given, its mapping. */
export function responseDeclaration(
  cardinality: 'single' | 'multiple' | 'ordered',
  baseType: 'identifier' | 'directedPair',
  correct: readonly string[],
  map?: XmlElement,
): XmlElement {
  return el(
    'qti-response-declaration',
    { identifier: RESPONSE, cardinality, 'base-type': baseType },
    el('qti-correct-response', {}, correct.map((value) => el('qti-value', {}, value))),
    map,
  );
}
