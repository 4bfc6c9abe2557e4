// Random HTTP requests for the exam handler, shared by tests/server/fuzz.test.ts
// (a few thousand, in the test run) and scripts/fuzz-server.ts (10^5 and more).
import fc from 'fast-check';
import { type AttemptStore, type ExamHandler, createExamHandler, createMemoryStore } from 'quizkit/server';
import { quiz, weatherModule } from '../attempts/fixtures.js';

const BASE = 'http://exam.test';

/** A handler with one learner and one attempt, so that random requests also reach real routes. */
export async function fuzzTarget(store: AttemptStore = createMemoryStore()) {
  const handle = createExamHandler({ modules: [weatherModule], store, maxAttempts: 1_000_000, maxOpenAttempts: 1_000_000, maxBodyBytes: 4_096 });
  const issued = await handle(new Request(`${BASE}/v1/learners`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }));
  const { token } = (await issued.json()) as { token: string };
  const started = await handle(
    new Request(`${BASE}/v1/quizzes/${quiz.id}/attempts`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: '{}' }),
  );
  const attemptId = started.ok ? ((await started.json()) as { attemptId: string }).attemptId : 'AAAAAAAAAAAAAAAAAAAAAA';
  return { handle, token, attemptId };
}

const percentBytes = fc.uint8Array({ maxLength: 6 }).map((bytes) => Array.from(bytes, (byte) => `%${byte.toString(16).padStart(2, '0')}`).join(''));

function segment(attemptId: string) {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom('v1', 'learners', 'quizzes', 'attempts', 'answers', 'submit', 'review', 'grade', quiz.id, attemptId, 'q-single', 'q-order', 'q-match') },
    { weight: 1, arbitrary: fc.constantFrom('%ff', '%', '%2', '%2F', '%00', '..', '.', '[', '%E0%A4%A', '__proto__', 'constructor', 'v2', '') },
    { weight: 1, arbitrary: percentBytes },
    { weight: 1, arbitrary: fc.string({ maxLength: 12, unit: 'binary' }).map(encodeURIComponent) },
    { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  );
}

function body() {
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ response: fc.jsonValue({ maxDepth: 3 }) }).map((value) => JSON.stringify(value)) },
    { weight: 2, arbitrary: fc.constantFrom('{}', '[]', 'null', '{"response":null}', '{"response":"nimbostratus"}', '{"response":["a","b","c","d"]}', '{"response":{"puffy":"cumulus"}}') },
    { weight: 2, arbitrary: fc.json({ maxDepth: 4 }) },
    { weight: 1, arbitrary: fc.string({ maxLength: 100, unit: 'binary' }) },
    { weight: 1, arbitrary: fc.nat({ max: 20_000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth % 3 === 0 ? depth : 0)}`) },
    { weight: 1, arbitrary: fc.nat({ max: 12_000 }).map((size) => JSON.stringify({ response: 'x'.repeat(size) })) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }) },
  );
}

/** One random request: method, path, query, headers, body. */
export function requestArbitrary(token: string, attemptId: string) {
  return fc.record({
    method: fc.oneof({ weight: 4, arbitrary: fc.constantFrom('GET', 'POST', 'PUT') }, fc.constantFrom('DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'PROPFIND', 'post')),
    segments: fc.oneof(
      fc.constantFrom(
        ['v1', 'learners'],
        ['v1', 'quizzes', quiz.id, 'attempts'],
        ['v1', 'quizzes', quiz.id, 'grade'],
        ['v1', 'attempts', attemptId],
        ['v1', 'attempts', attemptId, 'answers', 'q-single'],
        ['v1', 'attempts', attemptId, 'answers', 'q-order'],
        ['v1', 'attempts', attemptId, 'submit'],
        ['v1', 'attempts', attemptId, 'review'],
      ),
      fc.array(segment(attemptId), { maxLength: 7 }),
    ),
    trailingSlash: fc.boolean(),
    query: fc.option(fc.constantFrom('?method=highest', '?method=best', '?method=%ff', '?a=1&a=2', '?__proto__=1', '?%zz'), { nil: '' }),
    contentType: fc.option(
      fc.oneof(
        { weight: 4, arbitrary: fc.constant('application/json') },
        fc.constantFrom('application/json; charset=utf-8', 'APPLICATION/JSON', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', ';;', ''),
      ),
      { nil: undefined, freq: 5 },
    ),
    authorization: fc.option(
      fc.oneof(
        { weight: 6, arbitrary: fc.constant(`Bearer ${token}`) },
        fc.constant(`bearer ${token}`),
        fc.constant(`Bearer ${token.slice(0, -1)}A`),
        fc.string({ maxLength: 80 }).filter((value) => /^[\x20-\x7e]*$/.test(value)),
        fc.constant(`Bearer ${'x'.repeat(300)}`),
      ),
      { nil: undefined, freq: 6 },
    ),
    contentLength: fc.option(fc.constantFrom('0', '5', '99999999999', '-1', 'abc'), { nil: undefined, freq: 10 }),
    body: body(),
  });
}

export type FuzzRequest = ReturnType<typeof requestArbitrary> extends fc.Arbitrary<infer T> ? T : never;

/** Builds the Request, or `undefined` when fetch itself refuses the combination (never reaches a server). */
export function toRequest(spec: FuzzRequest): Request | undefined {
  const headers = new Headers();
  try {
    if (spec.contentType !== undefined) headers.set('content-type', spec.contentType);
    if (spec.authorization !== undefined) headers.set('authorization', spec.authorization);
    if (spec.contentLength !== undefined) headers.set('content-length', spec.contentLength);
  } catch {
    return undefined;
  }
  const path = `/${spec.segments.join('/')}${spec.trailingSlash ? '/' : ''}${spec.query}`;
  const withBody = spec.method !== 'GET' && spec.method !== 'HEAD';
  try {
    return new Request(BASE + path, { method: spec.method, headers, ...(withBody ? { body: spec.body } : {}) });
  } catch {
    return undefined;
  }
}

/** Sends one request; resolves to its status, or throws when the handler threw or answered without a JSON error body. */
export async function check(handle: ExamHandler, request: Request, allow5xx: boolean): Promise<number> {
  const response = await handle(request);
  const text = await response.text();
  if (response.status >= 500 && !allow5xx) throw new Error(`${request.method} ${request.url} → ${response.status} ${text.slice(0, 200)}`);
  if (response.status >= 400) {
    const parsed = JSON.parse(text) as { error?: { code?: unknown; message?: unknown; issues?: unknown } };
    if (typeof parsed.error?.code !== 'string' || typeof parsed.error.message !== 'string' || !Array.isArray(parsed.error.issues)) {
      throw new Error(`${request.method} ${request.url} → ${response.status} without an error body: ${text.slice(0, 200)}`);
    }
  }
  return response.status;
}

/** A store whose every call fails, as a database that went away does. */
export function failingStore(): AttemptStore {
  const fail = async (): Promise<never> => {
    throw new Error('injected store failure');
  };
  return { create: fail, get: fail, update: fail, listByLearnerQuiz: fail, countOpen: fail, close: async () => undefined };
}
