import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, inject } from 'vitest';
import { main } from '../../src/cli/main.js';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const cliEntry = join(root, 'src/cli/index.ts');
export const seedArticle = join(root, 'tests/cli/fixtures/seed-article.txt');
const tsxLoader = pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href;

/** Spawning through tsx takes 1–2 s on a busy 2-core box; each test gets room for several. */
export const SPAWN_TIMEOUT = 30_000;

export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Whether the run was killed for taking too long (it hung). */
  readonly timedOut: boolean;
}

/**
 * Runs the real CLI as a user would, in its own process: the bundle that
 * tests/cli/global-setup.ts built from src/cli for this run (or, without it,
 * `node --import tsx src/cli/index.ts …`), in `cwd`, with stdin a pipe (not a
 * terminal) fed `input` and then closed.
 */
export function quizkit(args: readonly string[], options: { cwd?: string; input?: string; env?: Record<string, string> } = {}): Run {
  const env = { ...process.env, ...options.env };
  delete env.FORCE_COLOR;
  const bundle = inject('quizkitCli');
  const command = bundle ? [bundle, ...args] : ['--import', tsxLoader, cliEntry, ...args];
  const run = spawnSync(process.execPath, command, {
    cwd: options.cwd ?? root,
    input: options.input ?? '',
    encoding: 'utf8',
    env,
    timeout: 20_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, timedOut: run.error !== undefined || run.signal !== null };
}

/** Runs `main` in-process with fake streams; `tty` makes stdin and stdout claim to be a terminal. */
export async function inProcess(
  args: readonly string[],
  options: { cwd?: string; input?: string; tty?: boolean; env?: Record<string, string>; now?: number } = {},
): Promise<{ status: number; stdout: string; stderr: string }> {
  const stdin = Object.assign(new PassThrough(), { isTTY: options.tty ?? false });
  const stdout = Object.assign(new PassThrough(), { isTTY: options.tty ?? false });
  const stderr = Object.assign(new PassThrough(), { isTTY: options.tty ?? false });
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  stdin.end(options.input ?? '');
  const status = await main(args, { stdin, stdout, stderr, cwd: options.cwd ?? root, env: options.env ?? {}, now: () => options.now ?? 1_000_000 });
  return { status, stdout: out, stderr: err };
}

const temporary: string[] = [];
/** A fresh temporary folder, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'quizkit-cli-'));
  temporary.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Whether text carries ANSI colour codes. */
export const hasAnsi = (text: string) => text.includes('\u001b[');
