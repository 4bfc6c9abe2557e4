// Every exported file is checked by an independent validator: xmllint with the
// IMS QTI 3.0 schemas (items and tests against the ASI schema, the manifest
// against the content-packaging schema), read from ../shared/interop-xsd.
// Compiling the schemas takes seconds, so all files go through one xmllint
// run per schema, and each test then reads the verdicts for its own files.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { northKoreaChina } from 'quizkit/modules';
import { type QtiFile, toQtiFiles } from 'quizkit/qti';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awkward, everyRule } from './fixtures.js';
import { SAMPLES, type Verdicts, hasSamples, hasSchemas, hasXmllint, schemaFor, skipReason, writeFiles, xmllint } from './xmllint.js';

if (skipReason) console.warn(skipReason);

const packages: Record<string, readonly QtiFile[]> = {
  'article module, exact scoring': toQtiFiles(northKoreaChina),
  'article module, standard templates only': toQtiFiles(northKoreaChina, { responseProcessing: 'templates' }),
  'one quiz of the article module on its own': toQtiFiles(northKoreaChina.quizzes[1]),
  'every rule of every question type': toQtiFiles(everyRule),
  'every rule, templates only, no shuffling, lang de-CH': toQtiFiles(everyRule, { responseProcessing: 'templates', shuffle: false, lang: 'de-CH' }),
  'awkward text, and ids that clash with QTI variables, file names or each other': toQtiFiles(awkward, { noMatchText: 'Niemand & <keiner>' }),
};

// Broken on purpose, to prove the validator rejects what it should.
const everyRuleFiles = packages['every rule of every question type']!;
const sampleItem = everyRuleFiles.find((file) => file.path === 'items/mc-weighted-credit.xml')!.content;
const sampleManifest = everyRuleFiles[0]!.content;
const broken: Record<string, QtiFile> = {
  'a QTI 2 camelCase attribute': { path: 'items/camel.xml', content: sampleItem.replace('max-choices=', 'maxChoices=') },
  'an unknown base-type': { path: 'items/base-type.xml', content: sampleItem.replace('base-type="identifier"', 'base-type="pair-directed"') },
  'a missing response-identifier': { path: 'items/no-response.xml', content: sampleItem.replace(/ response-identifier="RESPONSE"/, '') },
  'a manifest with a duplicate resource identifier': {
    path: 'broken/imsmanifest.xml',
    content: sampleManifest.replace('identifier="test-every-rule"', 'identifier="item-sc-plain"'),
  },
};

const folder = (name: string) => name.replace(/[^a-z0-9]+/gi, '-');
const all: QtiFile[] = [
  ...Object.entries(packages).flatMap(([name, files]) => files.map((file) => ({ path: `${folder(name)}/${file.path}`, content: file.content }))),
  ...Object.values(broken),
];

// The hand-written samples of the design notes: the good ones must pass, the broken ones fail.
const samples = (sub: string) => (hasSamples ? readdirSync(join(SAMPLES, sub)).map((name) => join(SAMPLES, sub, name)) : []);
const goodSamples = samples('qti30');
const badSamples = samples('invalid').filter((path) => path.includes('qti30'));

let verdicts: Verdicts = new Map();
let dir = '';
const verdictOf = (path: string) => verdicts.get(join(dir, path));

describe('CI', () => {
  it.runIf(!!process.env.CI && hasSchemas)('has xmllint, so the schema checks below run (.ci/run installs libxml2-utils)', () => {
    expect(hasXmllint).toBe(true);
  });
});

describe.skipIf(skipReason !== undefined)('QTI 3.0 schema validation (xmllint --nonet, ../shared/interop-xsd)', () => {
  let remove = () => {};
  beforeAll(() => {
    const written = writeFiles(all);
    ({ dir, remove } = written);
    const groups = new Map<string, { catalog: string; files: string[] }>();
    for (const path of [...written.paths(), ...goodSamples, ...badSamples]) {
      const { schema, catalog } = schemaFor(path);
      const group = groups.get(schema) ?? { catalog, files: [] };
      group.files.push(path);
      groups.set(schema, group);
    }
    const merged = new Map<string, true | string[]>();
    for (const [schema, { catalog, files }] of groups) for (const [file, verdict] of xmllint(schema, files, catalog)) merged.set(file, verdict);
    verdicts = merged;
  }, 120_000);
  afterAll(() => remove());

  it.each(Object.keys(packages))('accepts every file: %s', (name) => {
    const rejected = packages[name]!.map((file) => `${folder(name)}/${file.path}`).filter((path) => verdictOf(path) !== true);
    expect(rejected.map((path) => [path, verdictOf(path)])).toEqual([]);
  });

  it.each(Object.keys(broken))('rejects an export broken on purpose: %s', (name) => {
    expect(verdictOf(broken[name]!.path)).toEqual(expect.arrayContaining([expect.stringContaining('fails to validate')]));
  });

  it.skipIf(!hasSamples)('validates the hand-written QTI 3.0 samples and rejects the broken ones (the check itself)', () => {
    expect(goodSamples.length).toBeGreaterThan(0);
    expect(badSamples.length).toBeGreaterThan(0);
    expect(goodSamples.filter((path) => verdicts.get(path) !== true)).toEqual([]);
    expect(badSamples.filter((path) => verdicts.get(path) === true)).toEqual([]);
  });
});
