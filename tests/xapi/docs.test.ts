// The "xAPI and cmi5" section of docs/interop.md runs as written: its ```ts
// blocks typecheck, the first one runs (checking its //=> claims), and the
// ```json blocks are exactly the statements that snippet builds.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { northKoreaChina } from 'quizkit/modules';
import { attemptStatements, type XapiStatement } from 'quizkit/xapi';
import { afterAll, describe, expect, it } from 'vitest';
import { beginRun, endRun } from '../docs/example-runtime.js';
import { ROOT, instrument, markdownBlocks, removeScratch, scratchDir, typecheck, writeSnippet } from '../docs/examples-lib.js';
import { OPTIONS, takeQuiz, xapiWarnings } from './checks.js';

const markdown = readFileSync(join(ROOT, 'docs/interop.md'), 'utf8');
const start = markdown.indexOf('\n## xAPI and cmi5');
const end = markdown.indexOf('\n## ', start + 1);
const section = markdown.slice(start, end < 0 ? undefined : end);
const blocks = markdownBlocks(section);
const code = blocks.filter((block) => block.lang === 'ts');
const json = blocks.filter((block) => block.lang === 'json').map((block) => JSON.parse(block.code) as XapiStatement);
const dir = scratchDir('docs-interop-xapi');
afterAll(() => removeScratch(dir));

describe('docs/interop.md, xAPI and cmi5', () => {
  it('has the section, two TypeScript blocks and two JSON statements', () => {
    expect(start).toBeGreaterThan(0);
    expect([code.length, json.length]).toEqual([2, 2]);
  });

  it('runs the worked example, whose statements are the JSON shown, and valid xAPI', async () => {
    const { code: instrumented, claims } = instrument(code[0]!.code, join(ROOT, 'tests/docs/example-runtime.ts'));
    const file = writeSnippet(dir, 'worked-example', `${instrumented}\nexport { statements };\n`);
    beginRun(claims);
    const { statements } = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as { statements: XapiStatement[] };
    await endRun();
    expect(json).toEqual([statements[1], statements[2]]);
    expect(json.flatMap(xapiWarnings)).toEqual([]);
  });

  it('typechecks every TypeScript block', { timeout: 120_000 }, () => {
    const files = code.map((block, index) => writeSnippet(dir, `check-${index}`, `${block.code}\nexport {};\n`));
    expect(typecheck(files).map((error) => error.message)).toEqual([]);
  });

  it('quotes the scores the article module really gets', () => {
    const [first, second] = northKoreaChina.quizzes;
    const plain = attemptStatements(first, takeQuiz(first, 'correct'), OPTIONS).at(-1)!.result!.score;
    const cmi5 = attemptStatements(second, takeQuiz(second, 'correct'), {
      ...OPTIONS,
      cmi5: { activityId: 'https://lms.example.com/au/1', contextTemplate: { extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': 's' } } },
    }).at(-1)!.result!.score;
    const quoted = (score: unknown) => `\`${JSON.stringify(score).replace(/,/g, ', ').replace(/:/g, ': ').replace(/^\{/, '{ ').replace(/\}$/, ' }')}\``;
    expect(section).toContain(quoted(plain));
    expect(section).toContain(quoted(cmi5));
  });
});
