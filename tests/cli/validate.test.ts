import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SPAWN_TIMEOUT, inProcess, quizkit, tempDir } from './helpers.js';

/** A valid module; the comments give each line's number. */
const VALID = [
  'id: m', //                                                1
  'title: M', //                                             2
  'source: { title: T, attribution: A }', //                 3
  'reading:', //                                             4
  '  - id: s1', //                                           5
  '    heading: H', //                                       6
  '    text: Kim met Xi in Beijing.', //                     7
  'quizzes:', //                                             8
  '  - id: quiz', //                                         9
  '    title: Q', //                                        10
  '    questions:', //                                      11
  '      - id: q1', //                                      12
  '        type: single-choice', //                         13
  '        prompt: Where?', //                              14
  '        explanation: Beijing.', //                       15
  '        source: { section: s1, quote: in Beijing }', //  16
  '        options:', //                                    17
  '          - { id: a, text: Beijing, correct: true }', // 18
  '          - { id: b, text: Seoul }', //                  19
];
const text = (lines: readonly string[]) => `${lines.join('\n')}\n`;
const replace = (line: number, by: string) => VALID.map((text, i) => (i === line - 1 ? by : text));

/** A folder of module files: two broken in several ways, one valid. */
function brokenSet(): string {
  const dir = tempDir();
  // Two problems in one file: a section that does not exist, and no correct option.
  writeFileSync(
    join(dir, 'refs.yaml'),
    text(replace(16, '        source: { section: s2, quote: in Beijing }').map((line, i) => (i === 17 ? '          - { id: a, text: Beijing }' : line))),
  );
  writeFileSync(join(dir, 'syntax.yaml'), text(replace(2, 'id: again')));
  writeFileSync(join(dir, 'typo.json'), '{\n  "id": "m",\n  "title": "M",\n}\n');
  writeFileSync(join(dir, 'good.yaml'), text(VALID));
  return dir;
}

describe('quizkit validate', { timeout: SPAWN_TIMEOUT }, () => {
  it('prints every problem of every file as file:line:column  code  message, and exits 1', () => {
    const dir = brokenSet();
    const run = quizkit(['validate', 'refs.yaml', 'syntax.yaml', 'typo.json', 'good.yaml'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout.split('\n').filter(Boolean)).toEqual([
      'refs.yaml:16:28  unknown_section  Section "s2" is not in the reading; use one of: s1',
      'refs.yaml:18:11  correct_option_count  Mark exactly one option `correct: true`; found 0',
      'syntax.yaml:2:1  invalid_syntax  Duplicate key "id": a key may appear only once in a mapping',
      'typo.json:3:15  invalid_syntax  JSON allows no trailing comma: remove it',
    ]);
    expect(run.stderr).toBe('✗ 3 of 4 files invalid, 4 problems\n');
  });

  it('checks the module files of a folder, recursively, in name order', () => {
    const dir = brokenSet();
    mkdirSync(join(dir, 'more'));
    writeFileSync(join(dir, 'more', 'unknown.yaml'), text([...VALID, '        shuffle: true']));
    writeFileSync(join(dir, 'notes.md'), '# not a module');
    const run = quizkit(['validate', '.'], { cwd: dir });
    expect(run.status).toBe(1);
    const files = run.stdout.split('\n').filter(Boolean).map((line) => line.split(':')[0]);
    expect([...new Set(files)]).toEqual(['more/unknown.yaml', 'refs.yaml', 'syntax.yaml', 'typo.json']);
    expect(run.stdout).toMatch(/^more\/unknown\.yaml:20:9 {2}unknown_field {2}/m);
  });

  it('exits 0 when every file is valid', () => {
    const dir = brokenSet();
    const run = quizkit(['validate', 'good.yaml', join(process.cwd(), 'quizzes')], { cwd: dir });
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/✓ 2 files valid/);
    expect(run.status).toBe(0);
  });

  it('exits 2 with a one-line hint on usage errors: no arguments, a missing path, an empty folder', () => {
    const dir = tempDir();
    const none = quizkit(['validate'], { cwd: dir });
    expect(none.status).toBe(2);
    expect(none.stderr).toBe('quizkit: quizkit validate needs at least one file or folder\nRun: quizkit validate --help\n');
    const missing = quizkit(['validate', 'nope.yaml'], { cwd: dir });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^quizkit: Path "nope\.yaml" does not exist\n/);
    expect(missing.stdout).toBe('');
  });

  it('reports as JSON with --json', async () => {
    const dir = brokenSet();
    const run = await inProcess(['validate', 'refs.yaml', 'good.yaml', '--json'], { cwd: dir });
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.valid).toBe(false);
    expect(report.summary).toEqual({ files: 2, invalid: 1, issues: 2, warnings: 0, unreadable: 0 });
    expect(report.unreadable).toEqual([]);
    expect(report.files[1]).toEqual({ file: 'good.yaml', valid: true, issues: [], warnings: [] });
    expect(report.files[0].issues[0]).toEqual({
      code: 'unknown_section',
      path: ['quizzes', 0, 'questions', 0, 'source', 'section'],
      message: 'Section "s2" is not in the reading; use one of: s1',
      file: 'refs.yaml',
      line: 16,
      column: 28,
    });
    expect((await inProcess(['validate', '--json'], { cwd: dir })).status).toBe(2);
    expect((await inProcess(['validate', 'empty'], { cwd: dir, input: '' })).status).toBe(2);
  });

  it('refuses an empty folder', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'empty'));
    const run = await inProcess(['validate', 'empty'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/No \.yaml, \.yml or \.json files in folder "empty"/);
  });
});
