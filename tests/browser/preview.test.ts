import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { correctResponses } from 'quizkit';
import { formatIssue, loadModuleFile, safeLoadModuleFile } from 'quizkit/node';
import { type PreviewServer, startPreview } from '../../src/cli/commands/preview.js';
import { answerAll, describeInBrowser, formShown, submit, useBrowser } from './helpers.js';

const fixture = fileURLToPath(new URL('../fixtures/valid-module.yaml', import.meta.url));

describeInBrowser('quizkit preview in the browser (Chromium)', () => {
  const browser = useBrowser();
  let server: PreviewServer | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    server = dir = undefined;
  });

  it('lists the file’s problems in the page, then runs the player once the file is fixed and the page reloaded', async () => {
    dir = mkdtempSync(join(tmpdir(), 'quizkit-preview-'));
    const path = join(dir, 'module.yaml');
    const text = readFileSync(fixture, 'utf8');
    writeFileSync(path, text.replace('passMark: 60', 'passMark: 160'));
    server = await startPreview(dir, 'module.yaml');

    const { page } = await browser.open(server.url);
    const result = await safeLoadModuleFile(path);
    if (result.success) throw new Error('expected the broken module to be invalid');
    expect(await page.locator('code.issue').allTextContents()).toEqual(result.issues.map((issue) => formatIssue({ ...issue, file: 'module.yaml' })));
    expect(await page.locator('h1').textContent()).toMatch(/^module\.yaml has \d+ problems?$/);

    writeFileSync(path, text);
    await page.reload();
    await formShown(page);
    const module = await loadModuleFile(path);
    const quiz = module.quizzes[0]!;
    expect(await page.locator('h1').textContent()).toBe(quiz.title);
    await answerAll(page, quiz, correctResponses(quiz) as Record<string, unknown>);
    await submit(page);
    expect(await page.locator('#score').textContent()).toMatch(/· 100% · passed/);
  });
});
