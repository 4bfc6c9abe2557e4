// quizkit/qti must run in browsers: it bundles for the browser platform (where
// esbuild cannot resolve `node:*`) and pulls in no package but fflate (no zod).
// Bundled from the sources; its size budget lives with the others in
// tests/package/bundle.test.ts, measured on the built entry.
import { build } from 'esbuild';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

async function bundle(contents: string) {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    minify: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.text;
  const inputs = Object.keys(result.metafile.inputs);
  const packages = [...new Set(inputs.flatMap((input) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? []))].sort();
  return { gzip: gzipSync(code).length, code, inputs, packages };
}

describe('quizkit/qti in a browser bundle', () => {
  it('bundles for the browser with fflate as its only package', async () => {
    const { packages, inputs } = await bundle(`import * as qti from './src/qti/index.ts'; console.log(qti);`);
    expect(packages).toEqual(['fflate']);
    expect(inputs.filter((input) => input.startsWith('node:') || input.includes('zod'))).toEqual([]);
  });

  it('leaves the zip code out when only the file list is imported', async () => {
    const [files, whole] = await Promise.all([
      bundle(`import { toQtiFiles } from './src/qti/index.ts'; console.log(toQtiFiles);`),
      bundle(`import * as qti from './src/qti/index.ts'; console.log(qti);`),
    ]);
    expect(files.gzip).toBeLessThan(whole.gzip - 3_000);
  });
});
