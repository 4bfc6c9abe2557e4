// Issue #17: quizkit lint over files, --strict, --json, and one module id in two files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASE_MODULE } from '../helpers/module-source.js';
import { inProcess, tempDir } from './helpers.js';

describe('issue #17: quizkit lint', () => {
  it('prints warnings at file:line:column, exits 0, and 1 under --strict', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'quizzes'));
    writeFileSync(join(dir, 'quizzes/a.yaml'), BASE_MODULE);
    const run = await inProcess(['lint'], { cwd: dir });
    expect(run.stdout).toBe('quizzes/a.yaml:41:11  warning two-item-ordering  Two items: add items, or ask it as a single-choice question\n');
    expect([run.status, run.stderr]).toEqual([0, '✓ 1 file linted, 1 warning\n']);
    expect((await inProcess(['lint', 'quizzes', '--strict'], { cwd: dir })).status).toBe(1);
  });

  it('flags one module id used by two files, and reports JSON', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), BASE_MODULE);
    writeFileSync(join(dir, 'b.yaml'), BASE_MODULE);
    const json = JSON.parse((await inProcess(['lint', 'a.yaml', 'b.yaml', '--json'], { cwd: dir })).stdout);
    expect(json.files[1].warnings.map((w: { code: string }) => w.code)).toEqual(['two-item-ordering', 'duplicate-module-id']);
    expect(json.files[1].warnings[1].message).toBe('Module id "m" is also the id of a.yaml');
  });

  it('does not lint an invalid file: it reports it as validate does, and exits 1', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.yaml'), 'id: m\n');
    const run = await inProcess(['lint', 'bad.yaml'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^bad\.yaml:1:1 {2}missing_field/m);
  });
});
