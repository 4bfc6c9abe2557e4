// A tiny QTI 3 response-processing engine, written from the semantics in
// SCORING-ANCHORS.md §4.3 (match_correct, map_response, mapResponse) and the
// QTI expression definitions, independently of the exporter. It runs what an
// exported item says, in doubles as a delivery engine would, so the tests can
// compare an item's SCORE with quizkit's exact fraction. It knows exactly the
// elements the export may write and throws on any other, so an exporter change
// that writes something new cannot slip past it.
import type { Question } from 'quizkit/schema';
import { find, findAll, parseXml, type XmlNode } from './xml.js';

type Single = string | number | boolean;
interface Container {
  readonly cardinality: 'multiple' | 'ordered';
  readonly values: readonly Single[];
}
/** A QTI value: NULL, a single value, or a container (an empty container is NULL). */
export type Value = null | Single | Container;

const isContainer = (value: Value): value is Container => typeof value === 'object' && value !== null;
const isNull = (value: Value) => value === null || (isContainer(value) && value.values.length === 0);

const TEMPLATES = 'https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/';

function parseSingle(baseType: string, text: string): Single {
  switch (baseType) {
    case 'float':
    case 'integer':
      return Number(text);
    case 'boolean':
      return text.trim() === 'true';
    case 'identifier':
    case 'directedPair':
      return text.trim();
    default:
      throw new Error(`base-type ${baseType} is not one the export writes`);
  }
}

interface Mapping {
  readonly entries: ReadonlyMap<string, number>;
  readonly lower?: number;
  readonly upper?: number;
  readonly defaultValue: number;
}

function readMapping(node: XmlNode | undefined): Mapping | undefined {
  if (!node) return undefined;
  const { attributes } = node;
  return {
    entries: new Map(findAll(node, 'qti-map-entry').map((entry) => [entry.attributes['map-key']!, Number(entry.attributes['mapped-value'])])),
    ...(attributes['lower-bound'] !== undefined ? { lower: Number(attributes['lower-bound']) } : {}),
    ...(attributes['upper-bound'] !== undefined ? { upper: Number(attributes['upper-bound']) } : {}),
    defaultValue: Number(attributes['default-value'] ?? 0),
  };
}

/**
 * mapResponse: a single value maps to its entry or the default; a container
 * sums over its DISTINCT values (each mapped or the default); then the sum is
 * clamped to the bounds. Called on NULL it gives the default (qti-sdk), which
 * the map_response template avoids by testing isNull first.
 */
export function mapResponse(mapping: Mapping, value: Value): number {
  if (value === null) return mapping.defaultValue;
  const valueOf = (key: Single) => mapping.entries.get(String(key)) ?? mapping.defaultValue;
  let sum = isContainer(value) ? [...new Set(value.values)].reduce<number>((total, key) => total + valueOf(key), 0) : valueOf(value);
  if (mapping.lower !== undefined && sum < mapping.lower) sum = mapping.lower;
  if (mapping.upper !== undefined && sum > mapping.upper) sum = mapping.upper;
  return sum;
}

/** match: NULL if either side is NULL; multisets for multiple, sequences for ordered. */
function match(a: Value, b: Value): boolean | null {
  if (isNull(a) || isNull(b)) return null;
  if (!isContainer(a) || !isContainer(b)) return !isContainer(a) && !isContainer(b) && a === b;
  if (a.cardinality !== b.cardinality || a.values.length !== b.values.length) return false;
  if (a.cardinality === 'ordered') return a.values.every((value, i) => value === b.values[i]);
  const count = (list: readonly Single[]) => list.reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map<Single, number>());
  const [ca, cb] = [count(a.values), count(b.values)];
  return [...ca].every(([value, n]) => cb.get(value) === n);
}

const numbers = (values: readonly Value[]): number[] | null => {
  if (values.some(isNull)) return null;
  return values.flatMap((value): readonly (Single | null)[] => (isContainer(value) ? value.values : [value])).map((value) => {
    if (typeof value !== 'number') throw new Error(`Expected a number, found ${String(value)}`);
    return value;
  });
};

// Property tests evaluate the same few items thousands of times: parse each once.
// The tree is only read below. Bounded, because the fuzz evaluates ever-new items.
const parsedItems = new Map<string, XmlNode>();
const PARSED_ITEMS_KEPT = 64;
function parseItem(xml: string): XmlNode {
  let item = parsedItems.get(xml);
  if (!item) {
    item = parseXml(xml);
    if (parsedItems.size >= PARSED_ITEMS_KEPT) parsedItems.delete(parsedItems.keys().next().value!);
    parsedItems.set(xml, item);
  }
  return item;
}

/** Runs one exported item's response processing on a response and returns its SCORE. */
export function evaluateItem(xml: string, response: Value): number {
  const item = parseItem(xml);
  const declaration = find(item, 'qti-response-declaration');
  const cardinality = declaration.attributes.cardinality!;
  const baseType = declaration.attributes['base-type']!;
  const correctValues = findAll(find(declaration, 'qti-correct-response'), 'qti-value').map((value) => parseSingle(baseType, value.text));
  const correct: Value = cardinality === 'single' ? correctValues[0]! : { cardinality: cardinality as Container['cardinality'], values: correctValues };
  const mapping = readMapping(declaration.children.find((child) => child.name === 'qti-mapping'));

  const variables = new Map<string, Value>([['RESPONSE', isNull(response) ? null : response]]);
  for (const outcome of findAll(item, 'qti-outcome-declaration')) {
    const value = outcome.children.find((child) => child.name === 'qti-default-value');
    variables.set(outcome.attributes.identifier!, value ? parseSingle(outcome.attributes['base-type']!, find(value, 'qti-value').text) : null);
  }

  const evaluate = (node: XmlNode): Value => {
    const args = () => node.children.map(evaluate);
    switch (node.name) {
      case 'qti-variable': {
        if (!variables.has(node.attributes.identifier!)) throw new Error(`Undeclared variable ${node.attributes.identifier}`);
        return variables.get(node.attributes.identifier!)!;
      }
      case 'qti-base-value':
        return parseSingle(node.attributes['base-type']!, node.text);
      case 'qti-is-null':
        return isNull(evaluate(node.children[0]!));
      case 'qti-map-response': {
        if (!mapping || node.attributes.identifier !== 'RESPONSE') throw new Error('mapResponse without a mapping');
        return mapResponse(mapping, variables.get('RESPONSE')!);
      }
      case 'qti-sum': {
        const list = numbers(args());
        return list && list.reduce((a, b) => a + b, 0);
      }
      case 'qti-subtract': {
        const list = numbers(args());
        return list && list[0]! - list[1]!;
      }
      case 'qti-divide': {
        const list = numbers(args());
        return list && list[1] !== 0 ? list[0]! / list[1]! : null;
      }
      case 'qti-max': {
        const list = numbers(args());
        return list && Math.max(...list);
      }
      case 'qti-lt':
      case 'qti-gt':
      case 'qti-gte': {
        const list = numbers(args());
        if (!list) return null;
        const [a, b] = list as [number, number];
        return node.name === 'qti-lt' ? a < b : node.name === 'qti-gt' ? a > b : a >= b;
      }
      case 'qti-match': {
        const [a, b] = args() as [Value, Value];
        return match(a, b);
      }
      case 'qti-index': {
        const container = evaluate(node.children[0]!);
        if (isNull(container)) return null;
        if (!isContainer(container) || container.cardinality !== 'ordered') throw new Error('index needs an ordered container');
        return container.values[Number(node.attributes.n) - 1] ?? null;
      }
      case 'qti-member': {
        // QTI 3 member: a single value and a multiple or ordered container of the same base-type;
        // true if the value is in the container, NULL if either side is NULL.
        const [value, container] = args() as [Value, Value];
        if (isNull(value) || isNull(container)) return null;
        if (isContainer(value) || !isContainer(container)) throw new Error('member needs a single value and a container');
        return container.values.includes(value as Single);
      }
      case 'qti-container-size': {
        const container = evaluate(node.children[0]!);
        return isNull(container) ? 0 : isContainer(container) ? container.values.length : 1;
      }
      case 'qti-and': {
        const list = args();
        if (list.some((value) => value === false)) return false;
        return list.some(isNull) ? null : true;
      }
      case 'qti-not': {
        const value = evaluate(node.children[0]!);
        return isNull(value) ? null : !value;
      }
      default:
        throw new Error(`Expression <${node.name}> is not one the export writes`);
    }
  };

  const run = (rule: XmlNode): void => {
    if (rule.name === 'qti-set-outcome-value') {
      variables.set(rule.attributes.identifier!, evaluate(rule.children[0]!));
    } else if (rule.name === 'qti-response-condition') {
      for (const branch of rule.children) {
        const [test, ...rules] = branch.name === 'qti-response-else' ? [undefined, ...branch.children] : branch.children;
        if (test === undefined || evaluate(test) === true) {
          rules.forEach((child) => run(child!));
          return;
        }
      }
    } else {
      throw new Error(`Rule <${rule.name}> is not one the export writes`);
    }
  };

  const processing = find(item, 'qti-response-processing');
  const template = processing.attributes.template;
  if (template === `${TEMPLATES}match_correct.xml`) {
    variables.set('SCORE', match(variables.get('RESPONSE')!, correct) === true ? 1 : 0);
  } else if (template === `${TEMPLATES}map_response.xml`) {
    if (!mapping) throw new Error('map_response without a mapping');
    const value = variables.get('RESPONSE')!;
    variables.set('SCORE', isNull(value) ? 0 : mapResponse(mapping, value));
  } else if (template === undefined) {
    processing.children.forEach(run);
  } else {
    throw new Error(`Unknown template ${template}`);
  }
  const score = variables.get('SCORE');
  if (typeof score !== 'number') throw new Error(`SCORE is ${String(score)}`);
  return score;
}

/**
 * A quizkit response as the QTI response variable of the exported item:
 * an option id, a set of option ids, an ordered list of item ids, or a set of
 * directed pairs "statement actor" ("none-of-these" for `null`). Unanswered → NULL.
 */
export function qtiResponse(question: Question, response: unknown, none = 'none-of-these'): Value {
  if (response === undefined || response === null) return null;
  switch (question.type) {
    case 'single-choice':
      return response as string;
    case 'multiple-choice':
      return { cardinality: 'multiple', values: response as string[] };
    case 'ordering':
      return { cardinality: 'ordered', values: response as string[] };
    case 'matching':
      return {
        cardinality: 'multiple',
        values: Object.entries(response as Record<string, string | null | undefined>)
          .filter(([, actor]) => actor !== undefined)
          .map(([statement, actor]) => `${statement} ${actor ?? none}`),
      };
  }
}
