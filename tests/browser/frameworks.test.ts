// Issue #14: a plain page, a React 19 app and a Vue 3 app each show the article
// quiz with <quizkit-player> in at most 10 lines of integration code. Each
// example in examples/frameworks/ is bundled with esbuild against the built
// package (dist/, through package.json exports, as an app's bundler would),
// served under the player's strict CSP, and taken to its result in Chromium.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterEach, expect, it } from 'vitest';
import { correctResponses } from 'quizkit';
import { northKoreaChina } from 'quizkit/modules';
import { type PlayerServer, createPlayerServer } from '../../examples/player/serve.js';
import { POLL, answerAll, describeInBrowser, formShown, submit, useBrowser } from './helpers.js';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const EXAMPLES = join(ROOT, 'examples/frameworks');
const [quiz] = northKoreaChina.quizzes;

const APPS = [
  { name: 'a plain page', dir: 'plain', entry: 'main.ts' },
  { name: 'a React 19 app', dir: 'react', entry: 'main.tsx' },
  { name: 'a Vue 3 app', dir: 'vue', entry: 'main.ts' },
] as const;

/** Lines of integration code: neither blank nor a comment. */
const codeLines = (source: string) => source.split('\n').filter((line) => line.trim() !== '' && !line.trim().startsWith('//'));

/** The app bundled for the browser from dist/ (no tsconfig paths), production builds of React and Vue. */
async function bundleApp(dir: string, entry: string) {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [join(EXAMPLES, dir, entry)],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    outfile: 'main.js',
    logLevel: 'silent',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"', __VUE_OPTIONS_API__: 'true', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' },
    tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true, jsx: 'react-jsx' } },
  });
  const js = result.outputFiles.find((file) => file.path.endsWith('.js'))!;
  return new Map([
    ['index.html', { contents: readFileSync(join(EXAMPLES, dir, 'index.html')), type: 'text/html; charset=utf-8' }],
    ['main.js', { contents: js.contents, type: 'text/javascript; charset=utf-8' }],
  ]);
}

describeInBrowser('issue #14: <quizkit-player> in a plain page, React 19 and Vue 3 (Chromium)', () => {
  const browser = useBrowser();
  let server: PlayerServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it.each(APPS)('$name integrates it in at most 10 lines', ({ dir, entry }) => {
    const lines = codeLines(readFileSync(join(EXAMPLES, dir, entry), 'utf8'));
    expect(lines.length).toBeLessThanOrEqual(10);
    expect(lines.join('\n')).toContain('quizkit-player');
  });

  it.each(APPS)('$name shows the article quiz, takes it to the result, and hears the result event', async ({ dir, entry }) => {
    server = await createPlayerServer({ files: await bundleApp(dir, entry) });
    const results: string[] = [];
    const { page } = await browser.open(server.url, (p) => p.on('console', (message) => message.text().startsWith('result') && results.push(message.text())));
    await formShown(page);
    await answerAll(page, quiz, correctResponses(quiz) as Record<string, unknown>);
    await submit(page);
    expect(await page.locator('#score').textContent()).toMatch(/· 100% · passed/);
    await expect.poll(() => results, POLL).toEqual(['result {n: 100, d: 1}']);
  });
});
