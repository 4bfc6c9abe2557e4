/**
 * Building a course: 1,000 generated module files (YAML, each a reading, four
 * objectives and one 10-question quiz) written to a temp folder, then read,
 * parsed and validated one by one, as a build step would. Timed through
 * `quizkit/node`'s loader (with line and column mapping for issues) and
 * through the plain path, `yaml` + `safeParseModule`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { safeParseModule } from '../dist/schema.js';
import { fmt, median, now, table } from './harness.js';
import { moduleInput } from './quiz.js';

type Loader = (path: string) => Promise<{ success: boolean }>;

async function nodeLoader(): Promise<Loader | string> {
  try {
    const node = (await import('../dist/node.js')) as { safeLoadModuleFile?: Loader };
    return node.safeLoadModuleFile ?? 'quizkit/node exports no safeLoadModuleFile';
  } catch (error) {
    return `dist/node.js failed to load: ${error instanceof Error ? error.message : String(error)}`;
  }
}

export async function runFiles({ files }: { files: number }): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'quizkit-bench-'));
  try {
    let start = now();
    const paths: string[] = [];
    let bytes = 0;
    for (let i = 0; i < files; i++) {
      const path = join(dir, `module-${String(i).padStart(4, '0')}.quiz.yaml`);
      const text = stringify(moduleInput(`module-${i}`));
      bytes += text.length;
      writeFileSync(path, text);
      paths.push(path);
    }
    const generateMs = now() - start;

    const rows: string[][] = [];
    const rounds = 3;
    const loader = await nodeLoader();
    if (typeof loader === 'function') {
      const times: number[] = [];
      for (let round = 0; round < rounds; round++) {
        start = now();
        for (const path of paths) {
          const result = await loader(path);
          if (!result.success) throw new Error(`${path} failed validation: ${JSON.stringify(result)}`);
        }
        times.push(now() - start);
      }
      const ms = median(times);
      rows.push(['quizkit/node safeLoadModuleFile (read + YAML + validate + positions)', fmt(ms), fmt((files * 1000) / ms), fmt(ms / files)]);
    }

    const plain: number[] = [];
    const readMs: number[] = [];
    const yamlMs: number[] = [];
    const validateMs: number[] = [];
    for (let round = 0; round < rounds; round++) {
      let read = 0;
      let yaml = 0;
      let validate = 0;
      start = now();
      for (const path of paths) {
        const t0 = now();
        const text = await readFile(path, 'utf8');
        const t1 = now();
        const value: unknown = parse(text);
        const t2 = now();
        const result = safeParseModule(value);
        const t3 = now();
        if (!result.success) throw new Error(`${path} failed validation: ${JSON.stringify(result.issues[0])}`);
        read += t1 - t0;
        yaml += t2 - t1;
        validate += t3 - t2;
      }
      plain.push(now() - start);
      readMs.push(read);
      yamlMs.push(yaml);
      validateMs.push(validate);
    }
    const ms = median(plain);
    rows.push(
      ['readFile + yaml.parse + safeParseModule', fmt(ms), fmt((files * 1000) / ms), fmt(ms / files)],
      ['  of which readFile', fmt(median(readMs)), '', fmt(median(readMs) / files)],
      ['  of which yaml.parse', fmt(median(yamlMs)), '', fmt(median(yamlMs) / files)],
      ['  of which safeParseModule', fmt(median(validateMs)), '', fmt(median(validateMs) / files)],
    );
    return [
      `${fmt(files)} files, ${fmt(bytes / files / 1024)} KiB each on average, generated in ${fmt(generateMs)} ms; each path timed ${rounds} times (median), files one after another.`,
      ...(typeof loader === 'string' ? [`(${loader}; only the plain path was timed)`] : []),
      '',
      table(['path', 'ms for all files', 'files/s', 'ms/file'], rows),
    ].join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
