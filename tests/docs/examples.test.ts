// Every public export of every entry point has a TSDoc `@example`, and every
// example runs (checking its `//=>` and `// throws` comments) and typechecks.
// Entry points come from tsconfig `paths` (`quizkit`, `quizkit/schema`, …);
// examples import the package by name and run against the sources through
// vitest's aliases. An example that uses `declare const` is typechecked only.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { beginRun, endRun } from './example-runtime.js';
import { ROOT, entryPoints, instrument, isTypeOnly, publicExports, removeScratch, scratchDir, typecheck, writeSnippet } from './examples-lib.js';

const { exports, missing } = publicExports();
const dir = scratchDir('docs-examples');
const runtime = join(ROOT, 'tests/docs/example-runtime.ts');
afterAll(() => removeScratch(dir));

// An export re-exported from two entries (QuizValidationError, the model types) is documented once.
const byDeclaration = new Map<string, (typeof exports)[number]>();
for (const item of exports) {
  const key = item.name === '(module)' ? `${item.entry} (module)` : `${item.file}#${item.name}`;
  if (!byDeclaration.has(key)) byDeclaration.set(key, item);
}
const documented = [...byDeclaration.values()];
const snippets = documented.flatMap((item) =>
  item.examples.map((code, index) => ({
    id: `${item.entry} ${item.name}${item.examples.length > 1 ? ` #${index + 1}` : ''}`,
    file: item.file,
    code,
  })),
);

describe('public exports', () => {
  it('every entry point in tsconfig paths has its source file', () => {
    expect(missing).toEqual([]);
  });

  it.each(entryPoints().filter((entry) => existsSync(entry.file)))('$name: the compiler and the runtime agree on its values', async ({ name }) => {
    const runtimeKeys = Object.keys(await import(/* @vite-ignore */ name)).sort();
    const values = exports
      .filter((item) => item.entry === name && item.kind === 'value')
      .map((item) => item.name)
      .sort();
    expect(runtimeKeys).toEqual(values);
  });

  it('every export has an @example with a ```ts fence', () => {
    const missing = exports
      .filter((item) => item.name !== '(module)' && item.examples.length === 0)
      .map((item) => `${item.entry} ${item.name} (${item.file})${item.unfenced ? ': its @example has no ```ts fence' : ''}`);
    expect(missing).toEqual([]);
  });
});

describe('examples run', () => {
  it('examples that cannot run (they `declare` values) make no //=> claims, which nothing would check', () => {
    const unchecked = snippets.filter((snippet) => isTypeOnly(snippet.code) && /\/\/\s*(=>|throws\b)/.test(snippet.code));
    expect(unchecked.map((snippet) => `${snippet.id} (${snippet.file})`)).toEqual([]);
  });


  const runnable = snippets.filter((snippet) => !isTypeOnly(snippet.code));
  it.each(runnable.map((snippet) => [snippet.id, snippet] as const))('%s', async (_, snippet) => {
    const { code, claims } = instrument(snippet.code, runtime);
    const file = writeSnippet(dir, `run-${snippet.id}`, code);
    beginRun(claims);
    await import(/* @vite-ignore */ pathToFileURL(file).href);
    await endRun();
    // Some examples start a real engine (PGlite, SQLite): seconds on a busy 2-core machine.
  }, 60_000);
});

describe('examples typecheck', () => {
  it('every example compiles under the repository tsconfig', { timeout: 120_000 }, () => {
    const written = snippets.map((snippet) => ({
      snippet,
      file: writeSnippet(dir, `check-${snippet.id}`, `${snippet.code}\nexport {};\n`),
    }));
    const errors = typecheck(written.map((w) => w.file)).map((error) => {
      const { snippet } = written.find((w) => w.file === error.file) ?? { snippet: undefined };
      // The snippet's line, counted from the first line of the example's code.
      return snippet ? `${snippet.id} (${snippet.file}) ${error.message.replace(/^\S+?:(\d+):(\d+)/, 'example line $1:$2')}` : error.message;
    });
    expect(errors).toEqual([]);
  });
});
