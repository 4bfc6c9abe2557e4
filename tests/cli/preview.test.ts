import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { formatIssue, safeLoadModuleFile } from 'quizkit/node';
import { PLAYER_CSP } from '../../examples/player/build.js';
import { PREVIEW_HELP, type PreviewServer, previewCommand, problemsPage, startPreview } from '../../src/cli/commands/preview.js';
import { type CliIo, UsageError } from '../../src/cli/io.js';
import { HELP } from '../../src/cli/main.js';
import { SPAWN_TIMEOUT, cliEntry, root, tempDir } from './helpers.js';

/** Whether src/cli/main.ts registers `preview` yet (until then the end-to-end test is skipped). */

/** In-process streams for a command, and what it wrote. */
function fakeIo(cwd: string) {
  const stdin = Object.assign(new PassThrough(), { isTTY: false });
  const stdout = Object.assign(new PassThrough(), { isTTY: false });
  const stderr = Object.assign(new PassThrough(), { isTTY: false });
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const io: CliIo = { stdin, stdout, stderr, cwd, env: {}, now: () => 1_000_000 };
  return { io, out: () => out, err: () => err };
}

const fixture = join(root, 'tests/fixtures/valid-module.yaml');

/** A temporary folder holding `module.yaml`, a valid module. */
function moduleDir(): string {
  const dir = tempDir();
  copyFileSync(fixture, join(dir, 'module.yaml'));
  return dir;
}

/** The module with its pass mark out of range: a problem at a known line and column. */
const broken = (text: string) => text.replace('passMark: 60', 'passMark: 160');

let servers: PreviewServer[] = [];
let children: ChildProcess[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function preview(dir: string, options: Parameters<typeof startPreview>[2] = {}): Promise<PreviewServer> {
  const server = await startPreview(dir, 'module.yaml', options);
  servers.push(server);
  return server;
}

describe('quizkit preview', { timeout: SPAWN_TIMEOUT }, () => {
  it('serves the player for a valid module on 127.0.0.1, under the player’s CSP, with the module as JSON', async () => {
    const dir = moduleDir();
    const server = await preview(dir, { quiz: 'check' });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);

    const page = await fetch(server.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(PLAYER_CSP);
    const html = await page.text();
    expect(html).toContain('<body data-module="module.json" data-quiz="check">');
    expect(html).toContain('<script type="module" src="player.js"></script>');
    expect(html).toContain('<link rel="icon" href="data:,">');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/);

    const module = await (await fetch(new URL('module.json', server.url))).json();
    const loaded = await safeLoadModuleFile(join(dir, 'module.yaml'));
    expect(loaded.success && module).toEqual(loaded.success && JSON.parse(JSON.stringify(loaded.data)));

    const script = await fetch(new URL('player.js', server.url));
    expect([script.status, script.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8']);
    expect((await fetch(new URL('player.css', server.url))).status).toBe(200);
    expect((await fetch(new URL('nothing-here.js', server.url))).status).toBe(404);
    expect((await fetch(server.url, { method: 'POST' })).status).toBe(405);
  });

  it('validates the file again on each page load and lists its problems at file:line:column', async () => {
    const dir = moduleDir();
    const path = join(dir, 'module.yaml');
    const text = readFileSync(path, 'utf8');
    const outcomes: boolean[] = [];
    const server = await preview(dir, { onValidate: (outcome) => outcomes.push(outcome.ok) });
    expect(await (await fetch(server.url)).text()).toContain('src="player.js"');

    writeFileSync(path, broken(text));
    const result = await safeLoadModuleFile(path);
    if (result.success) throw new Error('expected the broken module to be invalid');
    const issues = result.issues.map((issue) => ({ ...issue, file: 'module.yaml' }));
    const shown = await (await fetch(server.url)).text();
    expect(shown).toBe(problemsPage('module.yaml', issues));
    expect(shown).not.toContain('<script');
    // Each problem reads exactly as `quizkit validate` prints it.
    const lines = [...shown.matchAll(/<code class="issue">(.*?)<\/code>/g)].map((match) => match[1]!.replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
    expect(lines).toEqual(issues.map(formatIssue));
    expect(lines[0]).toMatch(/^module\.yaml:\d+:\d+ {2}\S+ {2}/);

    writeFileSync(path, text);
    expect(await (await fetch(server.url)).text()).toContain('src="player.js"');
    expect(outcomes).toEqual([true, false, true]);
  });

  it('escapes what it shows of the file', () => {
    const page = problemsPage('<x>.yaml', [{ code: 'invalid_syntax', path: [], message: 'Unexpected "<script>" & more', file: '<x>.yaml', line: 2, column: 3 }]);
    expect(page).toContain('&lt;x&gt;.yaml:2:3</span>  <span class="code">invalid_syntax</span>  Unexpected &quot;&lt;script&gt;&quot; &amp; more');
    expect(page).not.toContain('<script>');
  });

  it('runs as a command: prints the URL, serves until stopped, then exits 0', async () => {
    const dir = moduleDir();
    const run = fakeIo(dir);
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const running = previewCommand(['module.yaml'], run.io, () => stopped);
    const printed = /^Previewing module\.yaml at (http:\/\/127\.0\.0\.1:\d+\/)\n$/;
    await expect.poll(run.out, { timeout: 20_000 }).toMatch(printed);
    const url = printed.exec(run.out())![1]!;
    expect(await (await fetch(url)).text()).toContain('data-module="module.json"');
    stop();
    expect(await running).toBe(0);
    expect(run.err()).toBe('✓ module.yaml is valid\nReload the page after editing the file. Ctrl-C stops.\nStopped.\n');
    await expect(fetch(url)).rejects.toThrow();
  });

  it('prints its help, and refuses bad arguments with a usage error', async () => {
    const dir = moduleDir();
    const help = fakeIo(dir);
    expect(await previewCommand(['--help'], help.io)).toBe(0);
    expect(help.out()).toBe(`${PREVIEW_HELP}\n`);
    const refused = async (args: string[], message: string) => {
      const error: unknown = await previewCommand(args, fakeIo(dir).io).then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).message).toBe(message);
      expect((error as UsageError).hint).toMatch(/quizkit preview --help$/);
    };
    await refused([], 'quizkit preview needs a module file');
    await refused(['module.yaml', 'extra.yaml'], 'Unexpected argument "extra.yaml"');
    await refused(['missing.yaml'], 'Module file "missing.yaml" does not exist');
    await refused(['.'], '"." is a folder; give one module file');
    await refused(['module.yaml', '--port', 'http'], '--port must be a number from 0 to 65535, not "http"');
    await refused(['module.yaml', '--port', '70000'], '--port must be a number from 0 to 65535, not "70000"');
    await refused(['module.yaml', '--quiz', 'nope'], 'Module "beijing-meeting" has no quiz "nope"; its quizzes: check');
  });

  it('reports a port in use and exits 1', async () => {
    const dir = moduleDir();
    const taken = await preview(dir);
    const run = fakeIo(dir);
    expect(await previewCommand(['module.yaml', '--port', new URL(taken.url).port], run.io, () => Promise.resolve())).toBe(1);
    expect(run.err()).toMatch(/^✓ module\.yaml is valid\nquizkit: listen EADDRINUSE/);
  });

  it('is the `quizkit preview` command: prints the URL, serves, and stops on Ctrl-C', async () => {
    const dir = moduleDir();
    const tsx = pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href;
    const child = spawn(process.execPath, ['--import', tsx, cliEntry, 'preview', 'module.yaml'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    children.push(child);
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const found = /Previewing module\.yaml at (http:\/\/127\.0\.0\.1:\d+\/)\n/.exec(stdout);
        if (found) resolve(found[1]!);
      });
      child.once('exit', (code) => reject(new Error(`preview exited with ${code}: ${stderr}`)));
    });
    expect(await (await fetch(url)).text()).toContain('data-module="module.json"');
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stderr).toContain('✓ module.yaml is valid');
    expect(stderr).toMatch(/Stopped\.\n$/);
    expect(HELP).toMatch(/^ {2}preview /m);
  });
});
