/**
 * A small static server for the player, with the strict CSP header, on
 * 127.0.0.1 and a free port. In exam mode it also forwards the exam server's
 * routes (`/v1/…`), so the page talks to its own origin
 * (`connect-src 'self'`) and the exam server needs no CORS.
 *
 * ```sh
 * npx tsup                                   # the player is bundled from dist/
 * npx tsx examples/player/serve.ts           # practice mode, the built-in module
 * npx tsx examples/player/serve.ts --exam    # exam mode, with examples/exam-server
 * ```
 */
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { PLAYER_HEADERS, configuredIndex } from '../../src/cli/player-page.js';
import { type PlayerFile, buildPlayer } from './build.js';

/** The options of {@link createPlayerServer}. */
export interface PlayerServerOptions {
  /** The built player (from `buildPlayer`). */
  readonly files: ReadonlyMap<string, PlayerFile>;
  /** Settings written onto `<body>` as `data-*` attributes: `mode`, `quiz`, `module`, … */
  readonly config?: Readonly<Record<string, string>>;
  /** Extra files to serve, e.g. `module.json`. */
  readonly extra?: ReadonlyMap<string, PlayerFile>;
  /** The exam server's URL: its routes are forwarded to it. */
  readonly examServer?: string;
}

/** A running player server. */
export interface PlayerServer {
  /** The page's URL, e.g. `http://127.0.0.1:54321/`. */
  readonly url: string;
  /** Stops the server. */
  close(): Promise<void>;
}

const EXAM_ROUTES = /^\/v1(\/|$)/;

/**
 * Serves the player on 127.0.0.1 and a free port.
 *
 * @param options - The files, the page settings, and the exam server to forward to.
 * @returns The running server.
 */
export async function createPlayerServer(options: PlayerServerOptions): Promise<PlayerServer> {
  const files = new Map(options.files);
  for (const [name, file] of options.extra ?? []) files.set(name, file);
  const index = files.get('index.html');
  if (!index) throw new Error('The player has no index.html');
  const page = Buffer.from(configuredIndex(Buffer.from(index.contents).toString('utf8'), options.config ?? {}));
  files.set('index.html', { contents: page, type: index.type });

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (options.examServer !== undefined && EXAM_ROUTES.test(url.pathname)) {
      forward(request, response, new URL(url.pathname + url.search, options.examServer)).catch(() => {
        if (!response.headersSent) response.writeHead(502, { 'content-type': 'application/json' });
        response.end('{"error":{"code":"bad_gateway","message":"The exam server did not answer"}}');
      });
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD', ...PLAYER_HEADERS }).end();
      return;
    }
    const name = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
    const file = files.get(name);
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...PLAYER_HEADERS }).end('Not found');
      return;
    }
    response.writeHead(200, { 'content-type': file.type, 'content-length': file.contents.length, ...PLAYER_HEADERS });
    response.end(request.method === 'HEAD' ? undefined : file.contents);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((done, fail) => {
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : done()));
      }),
  };
}

/** Forwards one request to the exam server and its answer back. */
async function forward(request: IncomingMessage, response: ServerResponse, target: URL): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const method = request.method ?? 'GET';
  const headers: Record<string, string> = {};
  for (const name of ['content-type', 'authorization'] as const) {
    const value = request.headers[name];
    if (value !== undefined) headers[name] = value;
  }
  const answer = await fetch(target, {
    method,
    headers,
    ...(method === 'GET' || method === 'HEAD' ? {} : { body: Buffer.concat(chunks) }),
  });
  const body = Buffer.from(await answer.arrayBuffer());
  response.writeHead(answer.status, {
    'content-type': answer.headers.get('content-type') ?? 'application/json',
    'content-length': body.length,
    ...PLAYER_HEADERS,
  });
  response.end(body);
}

// `tsx examples/player/serve.ts [--exam] [--quiz id]`
if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { exam: { type: 'boolean' }, quiz: { type: 'string' } } });
  const { northKoreaChina } = await import('quizkit/modules');
  const { files } = await buildPlayer();
  let exam: { url: string; close(): Promise<void> } | undefined;
  const config: Record<string, string> = {};
  if (values.exam) {
    const { createExamServer } = await import('../exam-server/server.js');
    exam = await createExamServer(northKoreaChina);
    Object.assign(config, { mode: 'exam', quiz: values.quiz ?? northKoreaChina.quizzes[0].id });
  } else if (values.quiz !== undefined) {
    config.quiz = values.quiz;
  }
  const server = await createPlayerServer({ files, config, ...(exam ? { examServer: exam.url } : {}) });
  console.log(`quizkit player (${values.exam ? 'exam' : 'practice'} mode): ${server.url}  (Ctrl-C to stop)`);
  process.once('SIGINT', () => {
    void Promise.all([server.close(), exam?.close()]).then(() => process.exit(0));
  });
}
