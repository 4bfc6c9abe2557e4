import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { QuizIssue } from '../../errors/quiz-validation-error.js';
import { formatIssue } from '../../node/format.js';
import { parseCommand, stringFlag } from '../args.js';
import { type CliIo, Output, UsageError, stopSignal } from '../io.js';
import { PLAYER_HEADERS, configuredIndex, escapeHtml } from '../player-page.js';
import { type AnyModule, loadModuleAt, requirePath } from '../load.js';

export const PREVIEW_HELP = `Usage: quizkit preview <module file> [--port n] [--quiz id]

Serves the quiz player for a module file at http://127.0.0.1:<port>/, so you
can take its quizzes as a learner will. The file is validated again on every
page load: edit it, then reload the page. While it has problems, the page lists
them as

  file:line:column  code  message

The page runs in practice mode: the answer key is in the page, and progress is
saved in the browser. Stop the preview with Ctrl-C.

Options:
  --port <n>   The port to listen on (default 0: a free port; the URL is printed).
  --quiz <id>  The quiz to open (default: the module's first quiz).
  -h, --help   Show this help.

Exit status: 0 stopped, 1 the player could not be served, 2 usage error.

Examples:
  quizkit preview quizzes/my-module.yaml
  quizkit preview quizzes/my-module.yaml --quiz my-module-check --port 8080`;

/** One file of the built player. */
interface Asset {
  readonly contents: Uint8Array;
  readonly type: string;
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};
const typeOf = (name: string) => TYPES[name.slice(name.lastIndexOf('.'))] ?? 'application/octet-stream';

function readTree(dir: string, base = dir, files = new Map<string, Asset>()): Map<string, Asset> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) readTree(path, base, files);
    else files.set(relative(base, path).split('\\').join('/'), { contents: readFileSync(path), type: typeOf(entry.name) });
  }
  return files;
}

/**
 * The built player: `player/` next to the CLI (dist/player/, built with the
 * package), or, in a quizkit checkout without it, bundled now from
 * examples/player/ with esbuild (a devDependency; dist/ must be built).
 */
export async function playerAssets(): Promise<ReadonlyMap<string, Asset>> {
  const here = dirname(fileURLToPath(import.meta.url));
  const prebuilt = join(here, 'player');
  if (existsSync(join(prebuilt, 'index.html'))) return readTree(prebuilt);
  for (let dir = here, up = 0; up < 4; up++, dir = dirname(dir)) {
    const script = join(dir, 'examples/player/build.ts');
    if (!existsSync(script)) continue;
    try {
      // A computed specifier, so the CLI bundle neither includes the build script nor esbuild.
      const build = (await import(pathToFileURL(script).href)) as typeof import('../../../examples/player/build.js');
      return (await build.buildPlayer()).files;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`Cannot bundle the player from ${script}: ${reason}`);
    }
  }
  throw new Error(`The quiz player is missing (looked for ${prebuilt}); reinstall quizkit`);
}


/** The page shown while the file has problems: no script, every issue at its file:line:column. */
export function problemsPage(file: string, issues: readonly QuizIssue[]): string {
  const items = issues
    .map((issue) => {
      const where = `${issue.file ?? file}:${issue.line ?? 1}:${issue.column ?? 1}`;
      return `<li><code class="issue"><span class="where">${escapeHtml(where)}</span>  <span class="code">${escapeHtml(issue.code)}</span>  ${escapeHtml(issue.message)}</code></li>`;
    })
    .join('\n');
  const count = `${issues.length} problem${issues.length === 1 ? '' : 's'}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(file)}: ${count} · quizkit preview</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="player.css">
</head>
<body class="error-page">
<main id="main">
<h1>${escapeHtml(file)} has ${count}</h1>
<p>Fix the file, then reload this page. <code>quizkit validate ${escapeHtml(file)}</code> lists the same problems.</p>
<ol class="issue-list" aria-label="Problems">
${items}
</ol>
</main>
</body>
</html>
`;
}

/** The options of {@link startPreview}. */
export interface PreviewOptions {
  /** The port (default 0: a free one). */
  readonly port?: number;
  /** The quiz to open first. */
  readonly quiz?: string;
  /** Called after each validation with its outcome (the CLI prints changes). */
  readonly onValidate?: (outcome: { readonly ok: true } | { readonly ok: false; readonly issues: readonly QuizIssue[] }) => void;
}

/** A running preview. */
export interface PreviewServer {
  /** The page's URL, e.g. `http://127.0.0.1:54321/`. */
  readonly url: string;
  /** Stops the server. */
  close(): Promise<void>;
}

/**
 * Serves the player for a module file on 127.0.0.1. Each load of the page
 * validates the file again; the page then either runs the player on that
 * module (`module.json`) or lists the file's problems.
 *
 * @param cwd - The directory `file` is relative to.
 * @param file - The module file, as the user named it (issues carry it so).
 * @param options - Port, first quiz, and a validation hook.
 * @returns The running server.
 */
export async function startPreview(cwd: string, file: string, options: PreviewOptions = {}): Promise<PreviewServer> {
  const assets = await playerAssets();
  const index = assets.get('index.html');
  if (!index) throw new Error('The quiz player has no index.html');
  const config = { module: 'module.json', ...(options.quiz !== undefined ? { quiz: options.quiz } : {}) };
  const page = Buffer.from(configuredIndex(Buffer.from(index.contents).toString('utf8'), config));
  let module: AnyModule | undefined;

  const validate = async () => {
    const loaded = await loadModuleAt(cwd, file);
    module = loaded.ok ? loaded.module : undefined;
    options.onValidate?.(loaded.ok ? { ok: true } : { ok: false, issues: loaded.issues });
    return loaded;
  };
  const send = (response: ServerResponse, status: number, type: string, body: Uint8Array | string, head: boolean) => {
    const bytes = typeof body === 'string' ? Buffer.from(body) : body;
    response.writeHead(status, { 'content-type': type, 'content-length': bytes.length, ...PLAYER_HEADERS });
    response.end(head ? undefined : bytes);
  };
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const head = request.method === 'HEAD';
    if (request.method !== 'GET' && !head) return send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed', false);
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === '/' || path === '/index.html') {
      const loaded = await validate();
      return loaded.ok ? send(response, 200, index.type, page, head) : send(response, 200, 'text/html; charset=utf-8', problemsPage(file, loaded.issues), head);
    }
    if (path === '/module.json') {
      // The module checked when the page loaded, so the page and its module agree.
      const current = module ?? ((await validate()).ok ? module : undefined);
      if (!current) return send(response, 422, 'application/json; charset=utf-8', JSON.stringify({ error: `${file} has problems: reload the page` }), head);
      return send(response, 200, 'application/json; charset=utf-8', JSON.stringify(current), head);
    }
    const asset = assets.get(decodeURIComponent(path.slice(1)));
    if (!asset || path.slice(1) === 'index.html') return send(response, 404, 'text/plain; charset=utf-8', 'Not found', head);
    return send(response, 200, asset.type, asset.contents, head);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', `Internal error: ${error instanceof Error ? error.message : String(error)}`, false);
      else response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * `quizkit preview`: serves until Ctrl-C (SIGINT) or SIGTERM.
 *
 * @param args - The arguments after `preview`.
 * @param io - The CLI's streams, working directory and environment.
 * @param stop - Resolves when the preview should stop (tests pass their own).
 * @returns The exit status.
 */
export async function previewCommand(args: readonly string[], io: CliIo, stop: () => Promise<void> = stopSignal): Promise<number> {
  const out = new Output(io);
  const { flags, positionals } = parseCommand('preview', args, { port: { type: 'string' }, quiz: { type: 'string' } }, { min: 1, max: 1, what: 'a module file' });
  if (flags.help) {
    out.print(PREVIEW_HELP);
    return 0;
  }
  const file = positionals[0]!;
  const absolute = requirePath(io.cwd, file, 'Module file', 'preview');
  if (statSync(absolute).isDirectory()) throw new UsageError(`"${file}" is a folder; give one module file`, 'Run: quizkit preview --help');
  const portFlag = stringFlag(flags, 'port');
  const port = portFlag === undefined ? 0 : Number(portFlag);
  if (!/^\d+$/.test(portFlag ?? '0') || port > 65_535) throw new UsageError(`--port must be a number from 0 to 65535, not "${portFlag}"`, 'Run: quizkit preview --help');
  const quiz = stringFlag(flags, 'quiz');

  const e = out.err;
  let last = '';
  const onValidate: PreviewOptions['onValidate'] = (outcome) => {
    const now = outcome.ok ? 'ok' : outcome.issues.map(formatIssue).join('\n');
    if (now === last) return;
    last = now;
    if (outcome.ok) {
      out.error(e.green(`✓ ${file} is valid`));
      return;
    }
    for (const issue of outcome.issues) out.error(formatIssue(issue));
    out.error(e.red(`✗ ${file}: ${outcome.issues.length} problem${outcome.issues.length === 1 ? '' : 's'}, listed in the page too; fix and reload`));
  };
  const initial = await loadModuleAt(io.cwd, file);
  if (initial.ok && quiz !== undefined && !initial.module.quizzes.some((q) => q.id === quiz)) {
    throw new UsageError(`Module "${initial.module.id}" has no quiz "${quiz}"; its quizzes: ${initial.module.quizzes.map((q) => q.id).join(', ')}`, 'Run: quizkit preview --help');
  }
  onValidate(initial.ok ? { ok: true } : { ok: false, issues: initial.issues });

  let server: PreviewServer;
  try {
    server = await startPreview(io.cwd, file, { port, onValidate, ...(quiz !== undefined ? { quiz } : {}) });
  } catch (error) {
    out.error(e.red(`quizkit: ${error instanceof Error ? error.message : String(error)}`));
    return 1;
  }
  out.print(`Previewing ${file} at ${server.url}`);
  out.error(e.dim('Reload the page after editing the file. Ctrl-C stops.'));
  await stop();
  await server.close();
  out.error('Stopped.');
  return 0;
}
