import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const dir = fileURLToPath(new URL('../../src/attempts/', import.meta.url));

describe('the attempts core', () => {
  it('bundles for the browser without zod, node:* or DOM globals', async () => {
    const result = await build({
      entryPoints: [`${dir}index.ts`],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'browser',
      logLevel: 'silent',
      metafile: true,
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((path) => path.includes('zod'))).toEqual([]);
    expect(inputs.filter((path) => path.includes('yaml'))).toEqual([]);
    const code = result.outputFiles[0]!.text;
    expect(code).not.toMatch(/from\s*["']node:/);
    expect(code).not.toMatch(/\b(window|document|localStorage)\./);
  });

  it('reads no clock and no global randomness (nanoid only for a default seed)', () => {
    for (const file of readdirSync(dir)) {
      // Comments may mention Date.now() in examples; the code may not call it.
      const source = readFileSync(`${dir}${file}`, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
      expect(source, file).not.toMatch(/Date\.now\(|Math\.random\(|performance\.now\(/);
    }
  });
});
