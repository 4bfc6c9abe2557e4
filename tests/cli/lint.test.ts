import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SPAWN_TIMEOUT, inProcess, quizkit, tempDir } from './helpers.js';

/** A valid module with one two-item ordering (rule two-item-ordering) at line 16; the comments give line numbers. */
const MODULE = [
  'id: m', //                                                        1
  'title: M', //                                                     2
  'source: { title: T, attribution: A }', //                         3
  'reading:', //                                                     4
  '  - id: s1', //                                                   5
  '    heading: H', //                                               6
  '    text: Kim met Xi in Beijing.', //                             7
  'quizzes:', //                                                     8
  '  - id: quiz', //                                                 9
  '    title: Q', //                                                10
  '    questions:', //                                              11
  '      - id: o1', //                                              12
  '        type: ordering', //                                      13
  '        prompt: Put them in order.', //                          14
  '        explanation: E.', //                                     15
  '        items: [{ id: a, text: First }, { id: b, text: Second }]', // 16
  '        correctOrder: [a, b]', //                                17
  '        source: { section: s1, quote: in Beijing }', //          18
];
const text = (lines: readonly string[]) => `${lines.join('\n')}\n`;
const CLEAN = MODULE.map((line, i) => (i === 15 ? '        items: [{ id: a, text: First }, { id: b, text: Second }, { id: c, text: Third }]' : i === 16 ? '        correctOrder: [a, b, c]' : line));

describe('quizkit lint', { timeout: SPAWN_TIMEOUT }, () => {
  it('prints each warning as file:line:column  rule  message. Why: … See docs/…, and exits 0 without --strict', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'm.yaml'), text(MODULE));
    const run = quizkit(['lint', 'm.yaml'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      'm.yaml:16:16  two-item-ordering  Ordering question "o1" has 2 items; add a third, or ask it as a single choice. ' +
        'Why: An ordering of two items is a true-or-false question in disguise: half of all blind guesses are right. See docs/authoring.md#two-item-ordering\n',
    );
    expect(run.stderr).toBe('! 1 file: 1 warning (use --strict to fail on warnings)\n');
  });

  it('--strict exits 1 on any warning, and 0 on a clean file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'm.yaml'), text(MODULE));
    writeFileSync(join(dir, 'clean.yaml'), text(CLEAN).replace('id: m\n', 'id: clean\n'));
    expect((await inProcess(['lint', '--strict', 'm.yaml'], { cwd: dir })).status).toBe(1);
    const clean = await inProcess(['lint', '--strict', 'clean.yaml'], { cwd: dir });
    expect(clean.status).toBe(0);
    expect(clean.stdout).toBe('');
    expect(clean.stderr).toBe('✓ 1 file: 0 warnings\n');
  });

  it('lints quizzes/ by default, and flags two files with the same module id', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'quizzes'));
    writeFileSync(join(dir, 'quizzes', 'a.yaml'), text(CLEAN));
    writeFileSync(join(dir, 'quizzes', 'b.yaml'), text(CLEAN));
    const run = await inProcess(['lint'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^quizzes\/b\.yaml:1:5  duplicate-module-id  Module id "m" is already used by quizzes\/a\.yaml\. Why: /);
  });

  it('reports an invalid file as validate does and exits 1; a missing path is a usage error (2)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.yaml'), 'id: m\n');
    const bad = await inProcess(['lint', 'bad.yaml'], { cwd: dir });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/^bad\.yaml:1:1  missing_field  /);
    const missing = await inProcess(['lint', 'nope.yaml'], { cwd: dir });
    expect(missing.status).toBe(2);
  });

  it('--json gives every warning with its rule, why, docs and position', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'm.yaml'), text(MODULE));
    const run = await inProcess(['lint', '--json', 'm.yaml'], { cwd: dir });
    const report = JSON.parse(run.stdout);
    expect(report.summary).toEqual({ files: 1, invalid: 0, issues: 0, warnings: 1, unreadable: 0 });
    expect(report.files[0].warnings[0]).toMatchObject({ rule: 'two-item-ordering', docs: 'docs/authoring.md#two-item-ordering', file: 'm.yaml', line: 16, column: 16 });
  });

  it('--wrong-tick-threshold takes a share, and refuses anything else with exit 2', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'm.yaml'), text(CLEAN));
    expect((await inProcess(['lint', '--wrong-tick-threshold', '1/2', 'm.yaml'], { cwd: dir })).status).toBe(0);
    const wrong = await inProcess(['lint', '--wrong-tick-threshold', 'lots', 'm.yaml'], { cwd: dir });
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/--wrong-tick-threshold must be a share from 0 to 1/);
  });
});

describe('issue #17: quizkit lint --strict on the first edition of the article module', { timeout: SPAWN_TIMEOUT }, () => {
  it('fails, listing the findings of the review', async () => {
    const run = await inProcess(['lint', '--strict', 'tests/node/lint/fixtures/north-korea-china-issue17.yaml']);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/north-korea-china-issue17\.yaml:\d+:\d+  undisclosed-penalty  Question "who-met-in-beijing"/);
    expect(run.stdout).toMatch(/wrong-tick-credit  Under every-decision-counts, ticking only the wrong option "parade" earns 2\/5 of question "confrontation-issues"/);
  });
});
