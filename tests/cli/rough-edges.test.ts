// Issue #18.9 and #18.10: the CLI's rough edges a new author met.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inProcess, seedArticle, tempDir } from './helpers.js';

const GIFT = '::capital::What is the capital of France?{=Paris ~Lyon}\n';

describe('issue #18.9: import writes a $schema reference that resolves from where the file is', () => {
  it('points up out of quizzes/ to node_modules, and beside the file from the root', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bank.gift'), GIFT);
    mkdirSync(join(dir, 'quizzes'));
    expect((await inProcess(['import', 'bank.gift', '--out', 'quizzes/bank.yaml'], { cwd: dir })).status).toBe(0);
    expect(readFileSync(join(dir, 'quizzes/bank.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=\.\.\/node_modules\/quizkit\/quiz\.schema\.json\n/);
    await inProcess(['import', 'bank.gift', '--out', 'bank.yaml'], { cwd: dir });
    expect(readFileSync(join(dir, 'bank.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=\.\/node_modules\/quizkit\/quiz\.schema\.json\n/);
  });

  it('writes nothing when no question could be imported', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'empty.gift'), '// only a comment\n');
    const run = await inProcess(['import', 'empty.gift', '--out', 'bank.yaml'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/no question could be imported; bank\.yaml was not written/);
    expect(existsSync(join(dir, 'bank.yaml'))).toBe(false);
  });
});

describe('issue #18.10: CLI rough edges', () => {
  it('export says what it wrote', async () => {
    const dir = tempDir();
    const file = await inProcess(['export', 'north-korea-china', '--format', 'gift', '--out', 'out.gift'], { cwd: dir });
    expect(file.status).toBe(0);
    const size = (readFileSync(join(dir, 'out.gift')).byteLength / 1024).toFixed(1);
    expect(file.stderr).toContain(`✓ wrote out.gift (gift, ${size} kB)`);
    const folder = await inProcess(['export', 'north-korea-china', '--format', 'qti', '--out', 'qti'], { cwd: dir });
    expect(folder.stderr).toMatch(/✓ wrote \d+ files under qti \(qti, [\d.]+ kB\)/);
    // To stdout, the data is the output and nothing is claimed as written.
    expect((await inProcess(['export', 'north-korea-china', '--format', 'gift'], { cwd: dir })).stderr).not.toMatch(/✓ wrote/);
  });

  it('the GIFT export tells a CLI user how to export what GIFT cannot carry', async () => {
    const run = await inProcess(['export', 'north-korea-china', '--format', 'gift', '--out', 'x.gift'], { cwd: tempDir() });
    expect(run.stderr).toMatch(/GIFT has no ordering type; export it as Moodle XML instead \("quizkit export --format moodle-xml"/);
  });

  it('new names the quiz after the module, so xAPI activity ids of two modules differ', async () => {
    const dir = tempDir();
    await inProcess(['new', 'module', 'korea', '--from', seedArticle], { cwd: dir });
    expect(readFileSync(join(dir, 'quizzes/korea.yaml'), 'utf8')).toMatch(/^ {2}- id: korea-check$/m);
  });

  it("build in an author's project documents importing its own files, not quizkit/modules", async () => {
    const dir = tempDir();
    await inProcess(['new', 'module', 'korea', '--from', seedArticle], { cwd: dir });
    expect((await inProcess(['build'], { cwd: dir })).status).toBe(0);
    const index = readFileSync(join(dir, 'src/modules/index.ts'), 'utf8');
    const code = readFileSync(join(dir, 'src/modules/korea.ts'), 'utf8');
    expect(index).toContain("import { korea } from './src/modules/index.js';");
    expect(code).toContain("import { korea } from './src/modules/index.js';");
    expect(`${index}${code}`).not.toMatch(/quizkit\/modules/);
  });
});
