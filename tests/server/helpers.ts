import { type AttemptStore, type ExamHandler, type ExamHandlerOptions, createExamHandler, createMemoryStore } from 'quizkit/server';
import { T0, weatherModule } from '../attempts/fixtures.js';

export const BASE = 'http://exam.test';

/** A handler over the weather module with a clock the test moves by hand. */
export function setup(options: Partial<ExamHandlerOptions> & { store?: AttemptStore } = {}) {
  const clock = { now: T0 };
  const store = options.store ?? createMemoryStore();
  const handle = createExamHandler({ modules: [weatherModule], now: () => clock.now, ...options, store });
  return { clock, store, handle, api: api(handle) };
}

export interface Call {
  readonly token?: string;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

/** Calls the handler in-process; returns status and parsed JSON. */
export function api(handle: ExamHandler) {
  const call = async (method: string, path: string, options: Call = {}) => {
    const headers: Record<string, string> = { ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}), ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const response = await handle(
      new Request(BASE + path, { method, headers, ...(options.body !== undefined ? { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) } : {}) }),
    );
    const text = await response.text();
    return { status: response.status, text, json: JSON.parse(text) as any, headers: response.headers };
  };
  return {
    call,
    /** A new learner's token. */
    learner: async () => (await call('POST', '/v1/learners', { body: {} })).json.token as string,
    start: (token: string, quizId: string) => call('POST', `/v1/quizzes/${quizId}/attempts`, { token, body: {} }),
    view: (token: string, attemptId: string) => call('GET', `/v1/attempts/${attemptId}`, { token }),
    answer: (token: string, attemptId: string, questionId: string, response: unknown) =>
      call('PUT', `/v1/attempts/${attemptId}/answers/${questionId}`, { token, body: { response } }),
    submit: (token: string, attemptId: string) => call('POST', `/v1/attempts/${attemptId}/submit`, { token, body: {} }),
    grade: (token: string, quizId: string, method = 'highest') => call('GET', `/v1/quizzes/${quizId}/grade?method=${method}`, { token }),
  };
}

/** A request body we release by hand: the test decides when (and whether) each chunk arrives. */
export function heldBody() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
    pull() {
      pulled++;
    },
  });
  return {
    stream,
    pulls: () => pulled,
    send(text: string) {
      controller.enqueue(new TextEncoder().encode(text));
    },
    end() {
      controller.close();
    },
  };
}

/** A request with a streamed body. */
export function streamedRequest(method: string, path: string, body: ReadableStream<Uint8Array>, headers: Record<string, string>): Request {
  return new Request(BASE + path, { method, headers, body, duplex: 'half' } as RequestInit);
}
