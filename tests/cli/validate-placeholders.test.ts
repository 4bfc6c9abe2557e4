// Issue #18.7: placeholders (`TODO`) that `new`, `import` and drafts leave are
// reported by `validate` as warnings at their place, and as errors with --strict.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPlaceholders } from '../../src/node/index.js';
import { northKoreaChina } from '../../src/modules/index.js';
import { inProcess, root, seedArticle, tempDir } from './helpers.js';

const fixture = join(root, 'tests/fixtures/valid-module.yaml');

describe('issue #18.7: validate reports TODO placeholders', () => {
  it('warns at the line and column of every placeholder a new module holds, and still exits 0', async () => {
    const dir = tempDir();
    await inProcess(['new', 'module', 'korea', '--from', seedArticle], { cwd: dir });
    const run = await inProcess(['validate', 'quizzes/korea.yaml'], { cwd: dir });
    expect(run.status).toBe(0);
    const yaml = readFileSync(join(dir, 'quizzes/korea.yaml'), 'utf8').split('\n');
    const warnings = [...run.stdout.matchAll(/^quizzes\/korea\.yaml:(\d+):(\d+)  warning todo_placeholder  Placeholder left to replace: "(.+)"$/gm)];
    expect(warnings.map(([, line]) => yaml[Number(line) - 1]!.trim().split(':')[0])).toEqual(['attribution', 'explanation']);
    for (const [, line, column, text] of warnings) {
      // The position is where the placeholder's value starts (after a quote, when quoted).
      const rest = yaml[Number(line) - 1]!.slice(Number(column) - 1).replace(/^["']/, '');
      expect(rest.startsWith(text!.slice(0, 10))).toBe(true);
    }
    expect(run.stderr).toMatch(new RegExp(`✓ 1 file valid, ${warnings.length} warnings \\(placeholders left\\)`));
  });

  it('fails under --strict, and lists the warnings in the JSON report', async () => {
    const dir = tempDir();
    await inProcess(['new', 'module', 'korea', '--from', seedArticle], { cwd: dir });
    const strict = await inProcess(['validate', 'quizzes/korea.yaml', '--strict'], { cwd: dir });
    expect(strict.status).toBe(1);
    expect(strict.stderr).toMatch(/--strict refuses them/);
    const json = JSON.parse((await inProcess(['validate', 'quizzes/korea.yaml', '--json', '--strict'], { cwd: dir })).stdout);
    expect(json.valid).toBe(false);
    expect(json.summary.warnings).toBe(json.files[0].warnings.length);
    expect(json.files[0].warnings[0]).toMatchObject({ code: 'todo_placeholder', file: 'quizzes/korea.yaml' });
  });

  it('says nothing of a finished module, strict or not', async () => {
    const run = await inProcess(['validate', fixture, '--strict']);
    expect([run.status, run.stdout]).toEqual([0, '']);
    expect(findPlaceholders(northKoreaChina)).toEqual([]);
  });

  it('finds the word TODO in any text, not lowercase "todo" ids', () => {
    const module = { ...northKoreaChina, reading: [{ id: 'todo', heading: 'Reading', text: 'Say what is TODO later.' }] };
    expect(findPlaceholders(module as never).map((issue) => issue.path)).toEqual([['reading', 0, 'text']]);
  });
});
