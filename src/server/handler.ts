import { createContext, StoreFailure } from './context.js';
import { HttpError, errorResponse } from './errors.js';
import { internalError, json, pathSegments } from './http.js';
import type { ExamHandler, ExamHandlerOptions } from './options.js';
import { route } from './routes.js';

export type { ExamHandler, ExamHandlerOptions, PerQuiz } from './options.js';

/**
 * Creates the exam API as a web-standard request handler: start an attempt,
 * view it, answer, submit, review, grade — under `/v1/`, JSON in and out,
 * error bodies `{ error: { code, message, issues } }` (see
 * `SERVER_ERROR_CODES`). The answer key never leaves the server before
 * submission, and after it only as the review policy allows.
 *
 * Hardened: every malformed URL, header or body is a 4xx, never a throw
 * (an unexpected error is a bodyless 500 `internal`); bodies must be
 * `application/json` and are cut off at `maxBodyBytes` while streaming;
 * every write is compare-and-set on the attempt's version, with the body read
 * before the attempt is loaded, so concurrent requests cannot undo each other
 * (the loser gets 409 `conflict`).
 *
 * @param options - The modules, the store, limits, identity and review policy.
 * @returns The handler.
 *
 * @example
 * ```ts
 * import { createExamHandler, createMemoryStore } from 'quizkit/server';
 * import { northKoreaChina } from 'quizkit/modules';
 * const handle = createExamHandler({ modules: [northKoreaChina], store: createMemoryStore() });
 * const issued = await handle(new Request('http://exam/v1/learners', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }));
 * const { token } = (await issued.json()) as { token: string };
 * const started = await handle(new Request(`http://exam/v1/quizzes/${northKoreaChina.quizzes[0].id}/attempts`, {
 *   method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: '{}',
 * }));
 * started.status; //=> 201
 * (await handle(new Request('http://exam/%ff'))).status; //=> 400
 * ```
 */
export function createExamHandler(options: ExamHandlerOptions): ExamHandler {
  const context = createContext(options);

  async function handle(request: Request): Promise<Response> {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      throw new HttpError(400, 'bad_request', 'The request URL is malformed');
    }
    const found = route(pathSegments(url), url.searchParams, context);
    if (!found) throw new HttpError(404, 'not_found', 'No such route');
    const method = Object.hasOwn(found.methods, request.method) ? found.methods[request.method] : undefined;
    if (!method) {
      const allow = Object.keys(found.methods).join(', ');
      throw new HttpError(405, 'method_not_allowed', `Use ${allow}`, [], { allow });
    }
    return method(request);
  }

  return async (request) => {
    try {
      return await handle(request);
    } catch (error) {
      try {
        if (error instanceof StoreFailure) {
          options.onError?.(error.original);
          return json(503, { error: { code: 'store_unavailable', message: 'The attempt store is unavailable; try again', issues: [] } }, { 'retry-after': '1' });
        }
        const { status, body, headers } = errorResponse(error);
        if (status >= 500) options.onError?.(error);
        return json(status, body, headers);
      } catch {
        return internalError();
      }
    }
  };
}
