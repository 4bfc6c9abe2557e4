import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseModuleSource } from 'quizkit/node';
import { evaluate, HTML_NAME, INJECTED_NAME, INJECTED_TITLE, rawHtml } from '../node/generated.js';
import { inProcess, root, tempDir } from './helpers.js';

const fixture = readFileSync(join(root, 'tests/fixtures/valid-module.yaml'), 'utf8');

describe('issue #13.8: quizkit build from hostile file names and titles', { timeout: 30_000 }, () => {
  it('writes module code that runs nothing when imported, and pages without raw HTML', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'quizzes'));
    // The title is quoted in YAML; the file name carries a newline and a backtick.
    const injected = fixture.replace('title: The Beijing meeting', `title: ${JSON.stringify(INJECTED_TITLE)}`);
    writeFileSync(join(dir, 'quizzes', INJECTED_NAME), injected);
    writeFileSync(join(dir, 'quizzes', HTML_NAME), fixture.replace('id: beijing-meeting', 'id: html-name'));

    const run = await inProcess(['build'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);

    const code = (file: string) => readFileSync(join(dir, 'src/modules', file), 'utf8');
    const modules: Record<string, unknown> = {};
    for (const [id, name] of [['beijing-meeting', 'beijingMeeting'], ['html-name', 'htmlName']] as const) {
      const { exports, ran } = evaluate(code(`${id}.ts`));
      expect(ran).toEqual([]);
      modules[`./${id}.js`] = exports;
      const source = id === 'html-name' ? fixture.replace('id: beijing-meeting', 'id: html-name') : injected;
      const parsed = parseModuleSource(source, { file: 'm.yaml' });
      expect(parsed.success && exports[name]).toEqual(parsed.success && parsed.data);
    }
    const index = evaluate(code('index.ts'), modules);
    expect(index.ran).toEqual([]);
    expect(Object.keys(index.exports).sort()).toEqual(['beijingMeeting', 'htmlName']);

    for (const page of readdirSync(join(dir, 'docs/modules'))) {
      expect(rawHtml(readFileSync(join(dir, 'docs/modules', page), 'utf8'))).toEqual([]);
    }
  });
});
