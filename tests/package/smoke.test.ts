// Packs the tarball we would publish, installs it into a throw-away consumer
// project, and uses it as users do: ESM `import`, CJS `require`, and the
// README's examples verbatim. Needs `dist/` (npm test builds first).
import { execFileSync, execSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
let consumer = '';

const run = (file: string) => execFileSync(process.execPath, [file], { cwd: consumer, encoding: 'utf8' });

/** Every ```js block of the README that is followed by a ```text block of its output. */
function readmeExamples(): { code: string; output: string }[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const examples = [...readme.matchAll(/```js\n([\s\S]*?)```\s*```text\n([\s\S]*?)```/g)].map(([, code, output]) => ({
    code: code!,
    output: output!,
  }));
  if (examples.length === 0) throw new Error('README.md has no ```js example followed by a ```text block of its output');
  return examples;
}

beforeAll(() => {
  if (!existsSync(join(root, 'dist/index.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  const work = mkdtempSync(join(tmpdir(), 'quizkit-smoke-'));
  const tarball = execSync(`npm pack --silent --pack-destination ${work}`, { cwd: root, encoding: 'utf8' }).trim().split('\n').pop()!;
  consumer = join(work, 'consumer');
  mkdirSync(consumer);
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  execSync(`npm install --no-audit --no-fund --prefer-offline ${join(work, tarball)}`, { cwd: consumer, stdio: 'pipe' });
}, 180_000);

describe('the packed tarball', { timeout: 60_000 }, () => {
  it('ships the changelog, the JSON Schema and no sources or tests', () => {
    const files = execSync('npm pack --dry-run --json', { cwd: root, encoding: 'utf8' });
    const paths = (JSON.parse(files)[0].files as { path: string }[]).map((file) => file.path);
    expect(paths).toContain('CHANGELOG.md');
    expect(paths).toContain('quiz.schema.json');
    expect(paths).toContain('LICENSE');
    expect(paths.filter((path) => path.startsWith('src/') || path.startsWith('tests/'))).toEqual([]);
  });

  it('ships every file the README links to, so its links work in node_modules/quizkit (issue #18.2)', () => {
    const readme = readFileSync(join(consumer, 'node_modules/quizkit/README.md'), 'utf8');
    const links = [...readme.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map(([, target]) => target!).filter((target) => !/^[a-z]+:/i.test(target));
    expect(links.length).toBeGreaterThan(5);
    expect(links.filter((target) => !existsSync(join(consumer, 'node_modules/quizkit', target)))).toEqual([]);
  });

  it('works from an ES module consumer', () => {
    writeFileSync(
      join(consumer, 'esm.mjs'),
      `import { scoreQuiz, formatFraction, isQuizValidationError } from 'quizkit';
import { parseQuiz, safeParseModule } from 'quizkit/schema';
const quiz = parseQuiz({ id: 'q', title: 'Q', questions: [{ id: 'a', type: 'single-choice', prompt: 'p', explanation: 'e',
  source: { section: 's', quote: 'q' }, options: [{ id: 'x', text: 'X', correct: true }, { id: 'y', text: 'Y' }] }] });
const result = scoreQuiz(quiz, { a: 'x' });
let caught = false;
try { parseQuiz({}); } catch (error) { caught = isQuizValidationError(error); }
console.log(formatFraction(result.percent), caught, safeParseModule({}).success);`,
    );
    expect(run('esm.mjs').trim()).toBe('100 true false');
  });

  it('works from a CommonJS consumer, with one shared error class across entry points', () => {
    writeFileSync(
      join(consumer, 'cjs.cjs'),
      `const { scoreQuiz, formatFraction, QuizValidationError } = require('quizkit');
const { parseQuiz } = require('quizkit/schema');
const quiz = parseQuiz({ id: 'q', title: 'Q', questions: [{ id: 'a', type: 'multiple-choice', prompt: 'p', explanation: 'e',
  source: { section: 's', quote: 'q' }, rule: { name: 'right-minus-wrong' },
  options: [{ id: 'x', text: 'X', correct: true }, { id: 'y', text: 'Y', correct: true }, { id: 'z', text: 'Z' }] }] });
let sameClass = false;
try { parseQuiz({}); } catch (error) { sameClass = error instanceof QuizValidationError; }
console.log(formatFraction(scoreQuiz(quiz, { a: ['x'] }).percent), sameClass);`,
    );
    expect(run('cjs.cjs').trim()).toBe('50 true');
  });

  it('loads every CommonJS entry without require(esm), as Jest and older Node do (issue #18.1)', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports: Record<string, { require?: unknown }> };
    const entries = Object.keys(pkg.exports).filter((key) => pkg.exports[key]!.require !== undefined).map((key) => key.replace(/^\./, 'quizkit'));
    expect(entries).toContain('quizkit/attempts');
    const script = `for (const entry of ${JSON.stringify(entries)}) require(entry);\nconst { startAttempt } = require('quizkit/attempts');\nconsole.log(typeof startAttempt, ${entries.length});`;
    writeFileSync(join(consumer, 'no-require-esm.cjs'), script);
    const out = execFileSync(process.execPath, ['--no-experimental-require-module', 'no-require-esm.cjs'], { cwd: consumer, encoding: 'utf8' });
    expect(out.trim()).toBe(`function ${entries.length}`);
  });

  it('runs under Jest 29 (CommonJS, no require(esm)) from the installed package', () => {
    writeFileSync(
      join(consumer, 'attempts.test.js'),
      `const { startAttempt, learnerView } = require('quizkit/attempts');
const { northKoreaChina } = require('quizkit/modules');
test('a learner view of the built-in quiz', () => {
  const quiz = northKoreaChina.quizzes[0];
  const view = learnerView(quiz, startAttempt(quiz, { now: 0 }));
  expect(view.questions.map((question) => question.id).sort()).toEqual(quiz.questions.map((question) => question.id).sort());
});`,
    );
    const jest = join(root, 'node_modules/jest/bin/jest.js');
    const run = spawnSync(process.execPath, [jest, '--rootDir', consumer, '--ci', 'attempts.test.js'], { cwd: consumer, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(run.stderr).toMatch(/Tests: +1 passed, 1 total/);
    expect(run.status).toBe(0);
  });

  it('installs the quizkit bin, which validates a module file', () => {
    const bin = join(consumer, 'node_modules/.bin/quizkit');
    expect(execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim()).toBe(
      JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version,
    );
    const file = join(root, 'quizzes/north-korea-china.yaml');
    expect(execFileSync(bin, ['validate', file], { cwd: consumer, encoding: 'utf8' })).toBe('');
  });

  it('runs the exam handler over the SQLite store from the installed package (ESM and CJS)', () => {
    const program = (imports: string) => `${imports}
const path = join(mkdtempSync(join(tmpdir(), 'consumer-')), 'attempts.sqlite');
const store = createSqliteStore(path);
const handle = createExamHandler({ modules: [northKoreaChina], store });
const json = { 'content-type': 'application/json' };
const main = async () => {
  const { token } = await (await handle(new Request('http://x/v1/learners', { method: 'POST', headers: json, body: '{}' }))).json();
  const started = await handle(new Request('http://x/v1/quizzes/' + northKoreaChina.quizzes[0].id + '/attempts', { method: 'POST', headers: { ...json, authorization: 'Bearer ' + token }, body: '{}' }));
  await store.close();
  const again = createSqliteStore(path);
  const { attemptId } = await started.json();
  console.log(started.status, (await again.get(attemptId)).version, typeof toNodeListener(handle));
  await again.close();
};
main();`;
    writeFileSync(
      join(consumer, 'server.mjs'),
      program(`import { mkdtempSync } from 'node:fs'; import { tmpdir } from 'node:os'; import { join } from 'node:path';
import { createExamHandler } from 'quizkit/server'; import { createSqliteStore } from 'quizkit/server/sqlite';
import { toNodeListener } from 'quizkit/server/node'; import { northKoreaChina } from 'quizkit/modules';`),
    );
    writeFileSync(
      join(consumer, 'server.cjs'),
      program(`const { mkdtempSync } = require('node:fs'); const { tmpdir } = require('node:os'); const { join } = require('node:path');
const { createExamHandler } = require('quizkit/server'); const { createSqliteStore } = require('quizkit/server/sqlite');
const { toNodeListener } = require('quizkit/server/node'); const { northKoreaChina } = require('quizkit/modules');`),
    );
    expect(run('server.mjs').trim()).toBe('201 1 function');
    expect(run('server.cjs').trim()).toBe('201 1 function');
  });

  it('runs every README example and prints what the README says', () => {
    readmeExamples().forEach(({ code, output }, index) => {
      writeFileSync(join(consumer, `readme-${index}.mjs`), code);
      expect(run(`readme-${index}.mjs`).trim()).toBe(output.trim());
    });
  });
});
