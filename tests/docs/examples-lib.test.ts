// The example checker itself: a wrong `//=>` or a missing throw must fail.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { beginRun, endRun } from './example-runtime.js';
import { ROOT, examplesOf, instrument, isTypeOnly, markdownBlocks, removeScratch, scratchDir, writeSnippet } from './examples-lib.js';

const dir = scratchDir('docs-examples-self-test');
const runtime = join(ROOT, 'tests/docs/example-runtime.ts');
afterAll(() => removeScratch(dir));
let count = 0;

async function run(code: string): Promise<void> {
  const { code: instrumented, claims } = instrument(code, runtime);
  const file = writeSnippet(dir, `snippet-${++count}`, instrumented);
  beginRun(claims);
  await import(/* @vite-ignore */ pathToFileURL(file).href);
  await endRun();
}

describe('examplesOf', () => {
  it('reads the fenced code of each @example and counts tags without a fence', () => {
    const doc = ['/**', ' * Adds.', ' *', ' * @example', ' * ```ts', ' * add(1, 2); //=> 3', ' * ```', ' *', ' * @example', ' * add(0, 0)', ' * @returns The sum.', ' */'].join('\n');
    expect(examplesOf(doc)).toEqual({ examples: ['add(1, 2); //=> 3'], unfenced: 1 });
  });
});

describe('instrument', () => {
  it('passes a true //=> claim, on the same line or the next', async () => {
    await run("const x = { n: 1, d: 3 };\nx; //=> { n: 1, d: 3 }\n[x.n,\n x.d];\n//=> [1, 3]");
  });

  it('fails a false //=> claim', async () => {
    await expect(run('1 + 1; //=> 3')).rejects.toThrow(/expected 2 to deeply equal 3/);
  });

  it('compares what console.log prints with the text after //=>', async () => {
    await run("console.log('a', 1); //=> a 1");
    await expect(run("console.log('a'); //=> b")).rejects.toThrow(/expected 'a' to be 'b'/);
  });

  it('checks claims inside branches, and fails when one is never reached', async () => {
    await run('if (true) 2; //=> 2');
    await expect(run('if (false) 2; //=> 2')).rejects.toThrow(/never reached/);
  });

  it('checks `// throws`, for throws and for rejections', async () => {
    await run("JSON.parse('{'); // throws SyntaxError");
    await run("Promise.reject(new RangeError('no')); // throws RangeError");
    await expect(run("JSON.parse('{}'); // throws SyntaxError")).rejects.toThrow(/expected it to throw SyntaxError/);
    await expect(run("JSON.parse('{'); // throws RangeError")).rejects.toThrow(/throws RangeError/);
  });

  it('refuses a claim that follows no expression statement', () => {
    expect(() => instrument('const x = 1; //=> 1', runtime)).toThrow(/must follow an expression statement/);
  });

  it('refuses a claim that is not an expression', () => {
    expect(() => instrument('1; //=> one two', runtime)).toThrow(/not a JavaScript expression/);
  });
});

describe('isTypeOnly', () => {
  it('is true for snippets that declare values', () => {
    expect(isTypeOnly('declare const x: number;\nx + 1;')).toBe(true);
    expect(isTypeOnly('const x = 1;')).toBe(false);
  });
});

describe('markdownBlocks', () => {
  it('returns each fenced block with its language and first line', () => {
    expect(markdownBlocks('# T\n\n```ts\na;\n```\n\n```\nb\n```\n')).toEqual([
      { lang: 'ts', line: 4, code: 'a;' },
      { lang: '', line: 8, code: 'b' },
    ]);
  });
});
