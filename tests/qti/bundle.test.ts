// quizkit/qti must run in browsers: it bundles for the browser platform (where
// esbuild cannot resolve `node:*`), pulls in no package but fflate (no zod),
// and stays within a byte budget. Bundled from the sources, so it runs before
// the package is built; tests/package/ measures the built entries.
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

// gzip bytes of `import * as qti from 'quizkit/qti'`, set at 12,000 when it
// measured 10,446: the exporter (~6 kB) plus fflate's zipSync and deflate
// (4,474 B on their own), about 15% headroom.
const QTI_BUDGET = 12_000;

describe('quizkit/qti in a browser bundle', () => {
  it('bundles for the browser with fflate as its only package, and within its budget', async () => {
    const { gzip, packages, inputs } = await bundle(`import * as qti from './src/qti/index.ts'; console.log(qti);`);
    console.log(`quizkit/qti (whole entry): ${gzip} B gzip (budget ${QTI_BUDGET}), packages: ${packages.join(', ')}`);
    expect(packages).toEqual(['fflate']);
    expect(inputs.filter((input) => input.startsWith('node:') || input.includes('zod'))).toEqual([]);
    expect(gzip).toBeLessThanOrEqual(QTI_BUDGET);
  });

  it('leaves the zip code out when only the file list is imported', async () => {
    const [files, whole] = await Promise.all([
      bundle(`import { toQtiFiles } from './src/qti/index.ts'; console.log(toQtiFiles);`),
      bundle(`import * as qti from './src/qti/index.ts'; console.log(qti);`),
    ]);
    expect(files.gzip).toBeLessThan(whole.gzip - 3_000);
  });
});
