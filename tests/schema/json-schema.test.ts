import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { toModuleJsonSchema } from 'quizkit/schema';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const committed = readFileSync(new URL('../../quiz.schema.json', import.meta.url), 'utf8');
const goodModule = (): Record<string, any> =>
  parse(readFileSync(new URL('../fixtures/valid-module.yaml', import.meta.url), 'utf8'));

describe('quiz.schema.json', () => {
  it('is what toModuleJsonSchema() generates now', () => {
    expect(committed, 'quiz.schema.json is stale: run `npx tsx scripts/generate-json-schema.ts`').toBe(
      `${JSON.stringify(toModuleJsonSchema(), null, 2)}\n`,
    );
  });

  // `format: "uri"` needs ajv-formats, which editors bring themselves; the zod schema checks URLs.
  const ajv = new Ajv2020({ strict: true, allErrors: true, validateFormats: false });
  const validate = ajv.compile(JSON.parse(committed));

  it('accepts a valid module file, and its JSON twin with $schema', () => {
    expect(validate(goodModule()), ajv.errorsText(validate.errors)).toBe(true);
    const twin = JSON.parse(readFileSync(new URL('../fixtures/valid-module.json', import.meta.url), 'utf8'));
    expect(validate(twin), ajv.errorsText(validate.errors)).toBe(true);
  });

  const bad: [string, (module: Record<string, any>) => void, { keyword: string; instancePath: string }][] = [
    ['a missing field', (m) => delete m.title, { keyword: 'required', instancePath: '' }],
    ['an unknown field', (m) => (m.quizzes[0].colour = 'red'), { keyword: 'additionalProperties', instancePath: '/quizzes/0' }],
    ['a wrong type', (m) => (m.reading[0].heading = 42), { keyword: 'type', instancePath: '/reading/0/heading' }],
    ['an unknown question type', (m) => (m.quizzes[0].questions[0].type = 'essay'), { keyword: 'oneOf', instancePath: '/quizzes/0/questions/0' }],
    ['an unsafe id', (m) => (m.id = 'bad id'), { keyword: 'pattern', instancePath: '/id' }],
  ];
  it.each(bad)('rejects %s', (_, spoil, expected) => {
    const module = goodModule();
    spoil(module);
    expect(validate(module)).toBe(false);
    expect(validate.errors).toContainEqual(expect.objectContaining(expected));
  });
});
