// The package as a whole: which files, how they refer to each other (which the
// XSDs cannot check), the zip, the options, escaping and clashing ids.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { northKoreaChina } from 'quizkit/modules';
import { QTI_DECIMALS, type QtiFile, qtiScoring, toQtiFiles, toQtiItem, toQtiTest, toQtiZip } from 'quizkit/qti';
import type { Question, Quiz } from 'quizkit/schema';
import { describe, expect, it } from 'vitest';
import { qtiDecimal } from '../../src/qti/decimal.js';
import { escapeAttribute, escapeText } from '../../src/qti/xml.js';
import { evaluateItem } from './evaluate.js';
import { NASTY_PROMPT, awkward, everyRule } from './fixtures.js';
import { type XmlNode, find, findAll, parseXml } from './xml.js';
import { writeFiles } from './xmllint.js';

const article = toQtiFiles(northKoreaChina);
const articleQuizzes = northKoreaChina.quizzes as unknown as readonly Quiz[];
const byPath = (files: readonly QtiFile[]) => new Map(files.map((file) => [file.path, parseXml(file.content)]));
const hasUnzip = spawnSync('unzip', ['-v']).status === 0;

/** Resolves `href` relative to the file at `from`, inside the package. */
function resolveHref(from: string, href: string): string {
  const parts = from.split('/').slice(0, -1);
  for (const part of href.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  return parts.join('/');
}

/** The identifiers of an item's choices, and the values its response declaration uses. */
function crossReferences(item: XmlNode) {
  const declaration = find(item, 'qti-response-declaration');
  const values = [
    ...findAll(find(declaration, 'qti-correct-response'), 'qti-value').map((value) => value.text),
    ...findAll(declaration, 'qti-map-entry').map((entry) => entry.attributes['map-key']!),
  ];
  const sets = findAll(item, 'qti-simple-match-set');
  const choices = findAll(item, 'qti-simple-choice').map((choice) => choice.attributes.identifier!);
  return { baseType: declaration.attributes['base-type'], values, choices, sets: sets.map((set) => findAll(set, 'qti-simple-associable-choice').map((c) => c.attributes.identifier!)) };
}

describe('the files of a package', () => {
  it('are the manifest, a test per quiz, then an item per question, in order', () => {
    expect(article.map((file) => file.path)).toEqual([
      'imsmanifest.xml',
      ...articleQuizzes.map((quiz) => `tests/${quiz.id}.xml`),
      ...articleQuizzes.flatMap((quiz) => quiz.questions.map((question) => `items/${question.id}.xml`)),
    ]);
    expect(article.every((file) => file.content.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n') && file.content.endsWith('>\n'))).toBe(true);
  });

  it('are the same for the same input (deterministic)', () => {
    expect(toQtiFiles(northKoreaChina)).toEqual(article);
  });

  it('hold a manifest whose resources are exactly the files, with every dependency resolved', () => {
    for (const files of [article, toQtiFiles(everyRule), toQtiFiles(awkward)]) {
      const manifest = parseXml(files[0]!.content);
      const resources = findAll(manifest, 'resource');
      const ids = resources.map((resource) => resource.attributes.identifier!);
      expect(new Set(ids).size).toBe(ids.length);
      expect(resources.map((resource) => resource.attributes.href).sort()).toEqual(files.slice(1).map((file) => file.path).sort());
      for (const resource of resources) expect(find(resource, 'file').attributes.href).toBe(resource.attributes.href);
      for (const dependency of findAll(manifest, 'dependency')) expect(ids).toContain(dependency.attributes.identifierref);
      expect(resources.map((resource) => resource.attributes.type)).toEqual(
        files.slice(1).map((file) => (file.path.startsWith('tests/') ? 'imsqti_test_xmlv3p0' : 'imsqti_item_xmlv3p0')),
      );
    }
  });

  it('hold tests whose item references reach the items, weighted by points, in quiz order', () => {
    const files = byPath(article);
    for (const quiz of articleQuizzes) {
      const test = files.get(`tests/${quiz.id}.xml`)!;
      expect(test.attributes).toMatchObject({ identifier: quiz.id, title: quiz.title });
      const refs = findAll(test, 'qti-assessment-item-ref');
      expect(refs.map((ref) => ref.attributes.identifier)).toEqual(quiz.questions.map((question) => question.id));
      for (const ref of refs) {
        const item = files.get(resolveHref(`tests/${quiz.id}.xml`, ref.attributes.href!));
        expect(item?.attributes.identifier).toBe(ref.attributes.identifier);
        expect(find(ref, 'qti-weight').attributes).toEqual({ identifier: 'W', value: '1' });
      }
    }
    const weights = findAll(parseXml(toQtiTest(everyRule)), 'qti-weight').map((weight) => weight.attributes.value);
    expect(weights.slice(0, 4)).toEqual(['2', '0.3333333334', '1', '1']);
    expect(weights[4]).toBe('0.25');
  });

  it('hold items whose correct responses and map keys name their own choices (what the XSD cannot check)', () => {
    for (const files of [article, toQtiFiles(everyRule), toQtiFiles(awkward)]) {
      for (const file of files.filter((f) => f.path.startsWith('items/'))) {
        const { baseType, values, choices, sets } = crossReferences(parseXml(file.content));
        if (baseType === 'directedPair') {
          const [sources, targets] = sets as [string[], string[]];
          for (const pair of values) {
            const [source, target, ...rest] = pair.split(' ');
            expect(rest, `${file.path}: ${pair}`).toEqual([]);
            expect(sources, `${file.path}: ${pair}`).toContain(source);
            expect(targets, `${file.path}: ${pair}`).toContain(target);
          }
          expect(new Set([...sources, ...targets]).size, file.path).toBe(sources.length + targets.length);
        } else {
          for (const value of values) expect(choices, `${file.path}: ${value}`).toContain(value);
          expect(new Set(choices).size, file.path).toBe(choices.length);
        }
      }
    }
  });

  it('write the interaction each question type maps to', () => {
    const files = byPath(article);
    const interaction = (id: string) => find(files.get(`items/${id}.xml`)!, 'qti-item-body').children[0]!;
    expect(interaction('who-met-in-beijing').attributes).toEqual({ 'response-identifier': 'RESPONSE', shuffle: 'true', 'max-choices': '1' });
    expect(interaction('parade-appearance').attributes).toEqual({ 'response-identifier': 'RESPONSE', shuffle: 'true', 'max-choices': '0' });
    expect(interaction('order-parade-chain').name).toBe('qti-order-interaction');
    const match = interaction('opposition-who-said');
    expect(match.attributes).toEqual({ 'response-identifier': 'RESPONSE', shuffle: 'true', 'max-associations': '5' });
    const [statements, actors] = findAll(match, 'qti-simple-match-set');
    expect(findAll(statements!, 'qti-simple-associable-choice').map((c) => c.attributes['match-max'])).toEqual(Array(5).fill('1'));
    // Every actor may take every statement (so the limits give nothing away), and "None of these" comes last.
    expect(findAll(actors!, 'qti-simple-associable-choice').map((c) => [c.attributes.identifier, c.attributes['match-max'], c.text])).toEqual([
      ['wang', '5', 'Wang Yi'],
      ['choe', '5', 'Choe Son Hui'],
      ['north-korea', '5', 'North Korea'],
      ['chinese-media', '5', 'Chinese media'],
      ['ap-news', '5', 'AP News'],
      ['none-of-these', '5', 'None of these'],
    ]);
  });
});

describe('the zip', () => {
  const zip = toQtiZip(northKoreaChina);

  it('unzips to exactly the files of toQtiFiles, in order', () => {
    const unzipped = unzipSync(zip);
    expect(Object.keys(unzipped)).toEqual(article.map((file) => file.path));
    expect(Object.entries(unzipped).map(([path, bytes]) => ({ path, content: strFromU8(bytes) }))).toEqual(article);
  });

  it.skipIf(!hasUnzip)('is read by Info-ZIP unzip: entries test good and list the same names', () => {
    const written = writeFiles([]);
    try {
      const path = join(written.dir, 'package.zip');
      writeFileSync(path, zip);
      expect(spawnSync('unzip', ['-tq', path], { encoding: 'utf8' }).status).toBe(0);
      expect(spawnSync('unzip', ['-Z1', path], { encoding: 'utf8' }).stdout.trim().split('\n')).toEqual(article.map((file) => file.path));
      const manifest = spawnSync('unzip', ['-p', path, 'imsmanifest.xml'], { encoding: 'utf8' }).stdout;
      expect(manifest).toBe(article[0]!.content);
    } finally {
      written.remove();
    }
  });

  it('is the same bytes for the same input, and stamps entries with options.mtime', () => {
    expect(toQtiZip(northKoreaChina)).toEqual(zip);
    const stamped = toQtiZip(northKoreaChina, { mtime: new Date(2026, 10, 27, 12, 30) });
    expect(stamped).not.toEqual(zip);
    expect(Object.keys(unzipSync(stamped))).toEqual(article.map((file) => file.path));
    expect(() => toQtiZip(northKoreaChina, { mtime: new Date(1970, 0, 1) })).toThrow(RangeError);
  });

  it('exports one quiz as well as a module', () => {
    const quiz = articleQuizzes[0]!;
    expect(Object.keys(unzipSync(toQtiZip(quiz)))).toEqual(['imsmanifest.xml', `tests/${quiz.id}.xml`, ...quiz.questions.map((q) => `items/${q.id}.xml`)]);
  });
});

describe('options', () => {
  const question = articleQuizzes[0]!.questions[0] as Question;

  it('set xml:lang, shuffling and the "none of these" text', () => {
    const item = parseXml(toQtiItem(question, { lang: 'en-GB', shuffle: false }));
    expect(item.attributes['xml:lang']).toBe('en-GB');
    expect(find(item, 'qti-choice-interaction').attributes.shuffle).toBe('false');
    const matching = everyRule.questions.find((q) => q.id === 'match-none')!;
    expect(toQtiItem(matching, { noMatchText: 'Niemand' })).toContain('<qti-simple-associable-choice identifier="none-of-these" match-max="5">Niemand</qti-simple-associable-choice>');
  });

  it('refuse a language tag xml:lang would not accept, or an unknown processing mode', () => {
    expect(() => toQtiItem(question, { lang: 'english please' })).toThrow(RangeError);
    expect(() => toQtiFiles(northKoreaChina, { lang: '' })).toThrow(RangeError);
    expect(() => toQtiZip(northKoreaChina, { lang: 'en_GB' })).toThrow(RangeError);
    expect(() => qtiScoring(question, { responseProcessing: 'custom' as never })).toThrow(RangeError);
  });
});

describe('text and ids', () => {
  const files = byPath(toQtiFiles(awkward, { noMatchText: 'Niemand & <keiner>' }));
  const item = (path: string) => files.get(path)!;

  it('escapes markup and quotes, and replaces characters XML cannot hold with U+FFFD', () => {
    const prompt = find(item('items/quiz.xml'), 'qti-prompt').text;
    expect(prompt).toBe(NASTY_PROMPT.replace('\u0007', '\uFFFD'));
    expect(findAll(item('items/quiz.xml'), 'qti-simple-choice').map((choice) => choice.text)).toEqual(['<b>not bold</b>', 'a & b', '"quoted"']);
    expect(item('tests/quiz.xml').attributes.title).toBe('Tricky <text> & "ids"');
    expect(find(item('tests/quiz.xml'), 'p').text).toBe('Fish & chips < 5 €');
    expect(escapeText('a]]>b\u0000\uD800c\uFFFE')).toBe('a]]&gt;b\uFFFD\uFFFDc\uFFFD');
    expect(escapeAttribute('line\nbreak\t"x" & <y>')).toBe('line&#10;break&#9;&quot;x&quot; &amp; &lt;y&gt;');
  });

  it('makes the item title the prompt on one line, cut at a word boundary after at most 120 characters', () => {
    expect(item('items/quiz.xml').attributes.title).toBe(NASTY_PROMPT.replace('\u0007', '\uFFFD').replace(/\s+/g, ' '));
    const long = articleQuizzes.flatMap((quiz) => quiz.questions).find((question) => question.prompt.length > 120)!;
    const title = parseXml(toQtiItem(long as Question)).attributes.title!;
    expect(title.endsWith('…')).toBe(true);
    expect(Array.from(title).length).toBeLessThanOrEqual(120);
    expect(long.prompt.startsWith(`${title.slice(0, -1)} `)).toBe(true);
  });

  it('renames choice ids that clash with item variables or each other, and says so', () => {
    const choices = findAll(item('items/quiz.xml'), 'qti-simple-choice').map((choice) => choice.attributes.identifier);
    expect(choices).toEqual(['SCORE-2', 'RESPONSE-2', 'duration-2']);
    expect(qtiScoring(awkward.questions[0]!).note).toBe('Identifiers renamed to stay unique in the item: SCORE → SCORE-2, RESPONSE → RESPONSE-2, duration → duration-2.');
    const matching = item('items/part-1.xml');
    const [statements, actors] = findAll(matching, 'qti-simple-match-set');
    expect(findAll(statements!, 'qti-simple-associable-choice').map((c) => c.attributes.identifier)).toEqual(['same', 's2']);
    expect(findAll(actors!, 'qti-simple-associable-choice').map((c) => [c.attributes.identifier, c.text])).toEqual([
      ['same-2', 'Actor & co'],
      ['none-of-these', 'An actor whose id is none-of-these'],
      ['none-of-these-2', 'Niemand & <keiner>'],
    ]);
    expect(findAll(matching, 'qti-value').map((value) => value.text)).toContain('s2 none-of-these-2');
    expect(findAll(item('items/q1-2.xml'), 'qti-simple-choice').map((choice) => choice.attributes.identifier)).toEqual(['POS_1-2', 'RAW-2']);
  });

  it('still scores renamed items right', () => {
    const [single, matching, , ordering] = awkward.questions as readonly Question[];
    const xml = (question: Question) => toQtiItem(question);
    expect(evaluateItem(xml(single!), 'SCORE-2')).toBe(1);
    expect(evaluateItem(xml(single!), 'RESPONSE-2')).toBe(0);
    expect(evaluateItem(xml(matching!), { cardinality: 'multiple', values: ['same same-2', 's2 none-of-these-2'] })).toBe(1);
    expect(evaluateItem(xml(matching!), { cardinality: 'multiple', values: ['same none-of-these', 's2 none-of-these-2'] })).toBe(0.5);
    expect(evaluateItem(xml(ordering!), { cardinality: 'ordered', values: ['POS_1-2', 'RAW-2'] })).toBe(1);
    expect(evaluateItem(xml(ordering!), { cardinality: 'ordered', values: ['RAW-2', 'POS_1-2'] })).toBe(0);
  });

  it('keeps files apart whose ids differ only in case, and test ids apart from question ids', () => {
    expect([...files.keys()]).toEqual(['imsmanifest.xml', 'tests/quiz.xml', 'items/quiz.xml', 'items/part-1.xml', 'items/Q1.xml', 'items/q1-2.xml', 'items/section-1.xml']);
    const test = item('tests/quiz.xml');
    expect(find(test, 'qti-test-part').attributes.identifier).toBe('part-1-2');
    expect(find(test, 'qti-assessment-section').attributes.identifier).toBe('section-1-2');
    expect(find(test, 'qti-time-limits').attributes).toEqual({ 'max-time': '600' });
    expect(findAll(item('imsmanifest.xml'), 'resource').map((r) => r.attributes.identifier)).toEqual([
      'test-quiz',
      'item-quiz',
      'item-part-1',
      'item-Q1',
      'item-q1',
      'item-section-1',
    ]);
  });
});

describe('decimals', () => {
  it(`writes exact fractions to ${QTI_DECIMALS} places, rounding away from zero (or down, for the pass cut)`, () => {
    const d = (n: number, den = 1, direction?: 'down') => qtiDecimal({ n, d: den }, direction);
    expect([d(1, 3), d(-1, 3), d(2, 3), d(1, 4), d(-1, 2), d(2), d(0), d(1, 6)]).toEqual([
      '0.3333333334',
      '-0.3333333334',
      '0.6666666667',
      '0.25',
      '-0.5',
      '2',
      '0',
      '0.1666666667',
    ]);
    expect([d(1, 3, 'down'), d(-1, 3, 'down'), d(7, 10, 'down'), d(-1, 1_000_000_000_000, 'down'), d(1, 1_000_000_000_000)]).toEqual([
      '0.3333333333',
      '-0.3333333334',
      '0.7',
      '-0.0000000001',
      '0.0000000001',
    ]);
  });

  it('makes an answer key of thirds add up to exactly 1 after the upper bound, and a right and a wrong third cancel', () => {
    const question = everyRule.questions.find((q) => q.id === 'match-thirds')!;
    const templates = toQtiItem(question, { responseProcessing: 'templates' });
    expect(templates).toContain('mapped-value="0.3333333334"');
    expect(evaluateItem(templates, { cardinality: 'multiple', values: ['s1 kim', 's2 xi', 's3 xi'] })).toBe(1);
    // The exact export maps whole-number weights and divides once: no rounding at all.
    expect(evaluateItem(toQtiItem(question), { cardinality: 'multiple', values: ['s1 kim', 's2 xi', 's3 xi'] })).toBe(1);
    const rmw = toQtiItem(everyRule.questions.find((q) => q.id === 'mc-right-minus-wrong')!);
    expect(evaluateItem(rmw, { cardinality: 'multiple', values: ['a', 'c'] })).toBe(0);
  });
});
