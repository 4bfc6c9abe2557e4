import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { formatIssue } from '../../node/format.js';
import { createExamHandler } from '../../server/handler.js';
import { randomId } from '../../server/identity.js';
import { toNodeListener } from '../../server/node.js';
import { parseCommand, stringFlag } from '../args.js';
import { type CliIo, Output, UsageError, stopSignal } from '../io.js';
import { type AnyModule, loadModuleAt, requirePath } from '../load.js';
import { type Unreadable, moduleFilesUnder } from '../module-files.js';
import { PLAYER_HEADERS, configuredIndex } from '../player-page.js';
import { playerAssets } from './preview.js';

export const SERVE_HELP = `Usage: quizkit serve <module files or folders…> [--db file] [--port n] [--host addr]

Runs exam mode for learners: the exam API of quizkit/server (/v1/…) with its
attempts in a SQLite file, and the quiz player in exam mode on the same
origin. The answer key stays on the server; learners get key-free views, and
their review as the exam review policy allows (marks after each attempt; the
right answers once their attempts are used up).

Every answer is on disk before it is acknowledged: stop or kill the server,
start it again with the same --db, and learners resume where they were.
Open http://<host>:<port>/?quiz=<quiz id> for a quiz other than the first.

Options:
  --db <file>           The attempts database (default attempts.sqlite); its
                        learner-token key is kept beside it in <file>.key.
  --port <n>            The port (default 0: a free port; the URL is printed).
  --host <addr>         The address to listen on (default 127.0.0.1).
  --quiz <id>           The quiz the page opens (default: the first).
  --max-attempts <n>    Attempts per learner and quiz (default 1).
  -h, --help            Show this help.

Exit status: 0 stopped, 1 a module file is invalid or the server could not
start, 2 usage error or a module file or folder that cannot be read.

Examples:
  quizkit serve quizzes/
  quizkit serve quizzes/north-korea-china.yaml --db exam.sqlite --port 8080`;

/** The key that signs learner tokens: kept beside the database, so tokens outlive a restart. */
function tokenKey(db: string): string {
  const path = `${db}.key`;
  if (existsSync(path)) {
    const key = readFileSync(path, 'utf8').trim();
    if (key.length >= 32) return key;
  }
  const key = randomId(32);
  writeFileSync(path, `${key}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
  return key;
}

/**
 * `quizkit serve`: serves until Ctrl-C (SIGINT) or SIGTERM.
 *
 * @param args - The arguments after `serve`.
 * @param io - The CLI's streams, working directory and environment.
 * @param stop - Resolves when the server should stop (tests pass their own).
 * @returns The exit status.
 */
export async function serveCommand(args: readonly string[], io: CliIo, stop: () => Promise<void> = stopSignal): Promise<number> {
  const out = new Output(io);
  const e = out.err;
  const { flags, positionals } = parseCommand(
    'serve',
    args,
    { db: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, quiz: { type: 'string' }, 'max-attempts': { type: 'string' } },
    { min: 1, max: Infinity, what: 'module files or a folder' },
  );
  if (flags.help) {
    out.print(SERVE_HELP);
    return 0;
  }
  const portFlag = stringFlag(flags, 'port') ?? '0';
  if (!/^\d{1,5}$/.test(portFlag) || Number(portFlag) > 65_535) throw new UsageError(`--port must be a number from 0 to 65535, not "${portFlag}"`, 'Run: quizkit serve --help');
  const attemptsFlag = stringFlag(flags, 'max-attempts') ?? '1';
  if (!/^\d{1,6}$/.test(attemptsFlag) || Number(attemptsFlag) < 1) throw new UsageError(`--max-attempts must be a positive number, not "${attemptsFlag}"`, 'Run: quizkit serve --help');
  const host = stringFlag(flags, 'host') ?? '127.0.0.1';
  const db = resolve(io.cwd, stringFlag(flags, 'db') ?? 'attempts.sqlite');

  const files: string[] = [];
  const unreadable: Unreadable[] = [];
  for (const target of positionals) {
    const absolute = requirePath(io.cwd, target, 'Path', 'serve');
    if (statSync(absolute).isDirectory()) {
      const inside = moduleFilesUnder(absolute, target, unreadable);
      if (inside.length === 0) throw new UsageError(`No .yaml, .yml or .json files in folder "${target}"`, 'Give module files or a folder that holds some');
      files.push(...inside);
    } else {
      files.push(target);
    }
  }
  // Serving a course with a module silently missing would be worse than not serving it.
  if (unreadable.length > 0) {
    for (const { file, reason } of unreadable) out.error(`quizkit: cannot read "${file}": ${reason}`);
    return 2;
  }
  const modules: AnyModule[] = [];
  let problems = 0;
  for (const file of files) {
    const loaded = await loadModuleAt(io.cwd, file);
    if (loaded.ok) modules.push(loaded.module);
    else {
      for (const issue of loaded.issues) out.error(formatIssue(issue));
      problems += loaded.issues.length;
    }
  }
  if (problems > 0) {
    out.error(e.red(`✗ ${problems} problem${problems === 1 ? '' : 's'}: fix the module files, then serve again`));
    return 1;
  }
  const quizIds = modules.flatMap((module) => module.quizzes.map((quiz) => quiz.id));
  const quiz = stringFlag(flags, 'quiz') ?? quizIds[0]!;
  if (!quizIds.includes(quiz)) throw new UsageError(`No quiz "${quiz}"; the quizzes: ${quizIds.join(', ')}`, 'Run: quizkit serve --help');

  let store;
  let handler;
  try {
    // Loaded here, not at start-up: no other command pays for the SQLite driver.
    const { createSqliteStore } = await import('../../server/sqlite.js');
    store = createSqliteStore(db);
    handler = toNodeListener(createExamHandler({ modules, store, secret: tokenKey(db), maxAttempts: Number(attemptsFlag), onError: (error) => out.error(e.red(`quizkit serve: ${String(error)}`)) }));
  } catch (error) {
    store?.close();
    out.error(e.red(`quizkit: ${error instanceof Error ? error.message : String(error)}`));
    return 1;
  }

  // The player is optional: without a built one the API still serves (a custom front end, a script).
  let page: Buffer | undefined;
  let assets: Awaited<ReturnType<typeof playerAssets>> = new Map();
  try {
    assets = await playerAssets();
    const index = assets.get('index.html');
    if (index) page = Buffer.from(configuredIndex(Buffer.from(index.contents).toString('utf8'), { mode: 'exam', quiz }));
  } catch (error) {
    out.error(e.yellow(`The player is not available (${error instanceof Error ? error.message : String(error)}); serving the API only`));
  }
  const send = (response: ServerResponse, status: number, type: string, body: Uint8Array | string, head: boolean) => {
    const bytes = typeof body === 'string' ? Buffer.from(body) : body;
    response.writeHead(status, { 'content-type': type, 'content-length': bytes.length, ...PLAYER_HEADERS });
    response.end(head ? undefined : bytes);
  };
  const staticFile = (request: IncomingMessage, response: ServerResponse) => {
    const head = request.method === 'HEAD';
    if (request.method !== 'GET' && !head) return send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed', false);
    const path = (request.url ?? '/').split('?')[0]!;
    if (path === '/' || path === '/index.html') {
      return page ? send(response, 200, 'text/html; charset=utf-8', page, head) : send(response, 503, 'text/plain; charset=utf-8', 'The player is not built (npm run build); the exam API is under /v1/', head);
    }
    const asset = /^\/[A-Za-z0-9._-]+$/.test(path) && path !== '/index.html' ? assets.get(path.slice(1)) : undefined;
    return asset ? send(response, 200, asset.type, asset.contents, head) : send(response, 404, 'text/plain; charset=utf-8', 'Not found', head);
  };
  const server = createServer((request, response) => {
    if ((request.url ?? '').startsWith('/v1/')) return handler(request, response);
    try {
      staticFile(request, response);
    } catch {
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'Internal error', false);
    }
  });
  try {
    await new Promise<void>((done, fail) => {
      server.once('error', fail);
      server.listen(Number(portFlag), host, () => {
        server.off('error', fail);
        done();
      });
    });
  } catch (error) {
    await store.close();
    out.error(e.red(`quizkit: cannot listen on ${host}:${portFlag}: ${error instanceof Error ? error.message : String(error)}`));
    return 1;
  }
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  out.print(`Serving ${quizIds.length} quiz${quizIds.length === 1 ? '' : 'zes'} in exam mode at http://${shownHost}:${port}/ (attempts in ${db})`);
  out.error(e.dim('Ctrl-C stops.'));
  await stop();
  server.closeAllConnections();
  await new Promise<void>((done) => server.close(() => done()));
  await store.close();
  out.error('Stopped.');
  return 0;
}
