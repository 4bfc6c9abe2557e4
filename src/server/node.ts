/**
 * The exam handler under `node:http` (and Express, Fastify or Koa, which give
 * the same `req`/`res`). Node-only, so it has its own entry and the handler
 * entry stays runtime-agnostic.
 *
 * @packageDocumentation
 * @module quizkit/server/node
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { ExamHandler } from './handler.js';

const BAD_URL = '{"error":{"code":"bad_request","message":"The request URL is malformed","issues":[]}}';
const NOT_ALLOWED = '{"error":{"code":"method_not_allowed","message":"Method not allowed","issues":[]}}';
const INTERNAL = '{"error":{"code":"internal","message":"Internal error","issues":[]}}';

/**
 * Adapts a web-standard handler (`createExamHandler`) to a `node:http`
 * listener. The request URL is always read as a path on this server (a
 * request line `GET //[` is a 400, never a throw); the body is streamed to
 * the handler, which stops reading it at its limit; nothing thrown escapes.
 *
 * @param handler - The `Request → Response` handler.
 * @returns A `(req, res)` listener for `http.createServer`.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * import { createExamHandler, createMemoryStore } from 'quizkit/server';
 * import { toNodeListener } from 'quizkit/server/node';
 * import { northKoreaChina } from 'quizkit/modules';
 * const server = createServer(toNodeListener(createExamHandler({ modules: [northKoreaChina], store: createMemoryStore() })));
 * await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
 * const { port } = server.address() as { port: number };
 * (await fetch(`http://127.0.0.1:${port}/v1/attempts/nope`)).status; //=> 401
 * server.close();
 * ```
 */
export function toNodeListener(handler: ExamHandler): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    serve(handler, req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json; charset=utf-8', connection: 'close' });
      res.end(res.headersSent ? undefined : INTERNAL);
    });
  };
}

async function serve(handler: ExamHandler, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const target = req.url ?? '/';
  let url: URL | undefined;
  try {
    // Origin-form (`/path`) is glued to a fixed origin, so `//host/…` stays a path.
    url = target.startsWith('/') ? new URL(`http://localhost${target}`) : undefined;
  } catch {
    url = undefined;
  }
  if (!url) {
    res.writeHead(400, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(BAD_URL), connection: 'close' });
    res.end(BAD_URL);
    return;
  }
  const method = req.method ?? 'GET';
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    try {
      for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
    } catch {
      // A header value fetch's Headers refuses is dropped, like an absent header.
    }
  }
  const hasBody = method !== 'GET' && method !== 'HEAD';
  let request: Request;
  try {
    request = new Request(url, {
      method,
      headers,
      ...(hasBody ? { body: Readable.toWeb(req) as unknown as ReadableStream<Uint8Array>, duplex: 'half' } : {}),
    } as RequestInit);
  } catch {
    // fetch refuses some methods outright (TRACE, TRACK, CONNECT): none is an exam route.
    res.writeHead(405, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(NOT_ALLOWED), connection: 'close' });
    res.end(NOT_ALLOWED);
    return;
  }
  const response = await handler(request);
  const body = Buffer.from(await response.arrayBuffer());
  const out: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    out[name] = value;
  });
  out['content-length'] = String(body.length);
  res.writeHead(response.status, out);
  res.end(method === 'HEAD' ? undefined : body);
}
