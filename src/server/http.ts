/** The HTTP edge of the exam handler: paths, bodies and JSON responses, hardened against malformed input. */
import { type ErrorBody, HttpError } from './errors.js';

const SEGMENT = /^[A-Za-z0-9_-]{1,128}$/;

/** The decoded segments of a URL path; 400 for a percent-encoding that does not decode. */
export function pathSegments(url: URL): string[] {
  return url.pathname
    .split('/')
    .filter((segment) => segment.length > 0)
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        throw new HttpError(400, 'bad_request', 'The URL path has a malformed percent-encoding', [{ code: 'bad_request', path: ['url'], message: 'Malformed percent-encoding' }]);
      }
    });
}

/** An id from the path: letters, digits, `_` and `-`, at most 128; else 400 naming the parameter. */
export function idParameter(value: string, name: string): string {
  if (!SEGMENT.test(value)) {
    throw new HttpError(400, 'bad_request', `The ${name} in the path is not a valid id`, [{ code: 'bad_request', path: ['url', name], message: 'Expected letters, digits, "_" or "-", at most 128' }]);
  }
  return value;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a JSON object body: `content-type: application/json` (else 415), at
 * most `maxBytes` (413 as soon as the stream passes the limit, or at once
 * when `content-length` says so: the rest is never read), UTF-8 JSON (else 400).
 */
export async function readJsonObject(request: Request, maxBytes: number): Promise<Record<string, unknown>> {
  const type = request.headers.get('content-type');
  const [mediaType, ...parameters] = (type ?? '').split(';').map((part) => part.trim().toLowerCase());
  const charset = parameters.find((parameter) => parameter.startsWith('charset='));
  if (mediaType !== 'application/json' || (charset !== undefined && !/^charset="?utf-8"?$/.test(charset))) {
    await discard(request);
    throw new HttpError(415, 'unsupported_media_type', 'Send the body as "content-type: application/json" (UTF-8)', [
      { code: 'unsupported_media_type', path: ['headers', 'content-type'], message: `Found ${type === null ? 'none' : JSON.stringify(type.slice(0, 100))}` },
    ]);
  }
  const tooLarge = () => new HttpError(413, 'body_too_large', `The request body is over ${maxBytes} bytes`, [], { connection: 'close' });
  const length = request.headers.get('content-length');
  if (length !== null && /^\d+$/.test(length) && Number(length) > maxBytes) {
    await discard(request);
    throw tooLarge();
  }
  const bytes = new Uint8Array(maxBytes);
  let size = 0;
  if (request.body !== null) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read().catch((): never => {
        throw new HttpError(400, 'bad_request', 'The request body broke off before its end');
      });
      if (done) break;
      if (size + value.byteLength > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      bytes.set(value, size);
      size += value.byteLength;
    }
  }
  let body: unknown;
  try {
    body = JSON.parse(decoder.decode(bytes.subarray(0, size)));
  } catch {
    throw new HttpError(400, 'body_not_json', 'The request body is not UTF-8 JSON');
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, 'body_not_json', 'The request body must be a JSON object');
  return body as Record<string, unknown>;
}

/** Cancels a body we will not read, so the runtime stops receiving it. */
async function discard(request: Request): Promise<void> {
  await request.body?.cancel().catch(() => undefined);
}

const JSON_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

/** A JSON response. */
export function json(status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } });
}

/** The response for an unexpected exception: 500 `internal`, nothing about the exception. */
export function internalError(): Response {
  const body: ErrorBody = { error: { code: 'internal', message: 'Internal error', issues: [] } };
  return json(500, body);
}
