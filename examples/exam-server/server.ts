/**
 * Exam mode, server side: `quizkit/server`'s handler under `node:http`, on
 * 127.0.0.1 and a free port. The handler holds the quizzes with their answer
 * keys, issues learner tokens, and serves the `/v1/` exam API (see
 * `docs/server.md`); this file only picks a store and a port.
 *
 * Run the whole thing with `npx tsx examples/exam-server/demo.ts`; for a
 * course, `quizkit serve quizzes/ --db attempts.sqlite` does the same with a
 * SQLite file and the reference player.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DeepReadonly, Module } from 'quizkit';
// In an app: `from 'quizkit/server'` and `from 'quizkit/server/node'`.
import { type AttemptStore, type ExamHandlerOptions, createExamHandler, createMemoryStore } from 'quizkit/server';
import { toNodeListener } from 'quizkit/server/node';

/** The options of {@link createExamServer}: the handler's, with the store optional (in memory by default). */
export type ExamServerOptions = Partial<Omit<ExamHandlerOptions, 'modules'>> & { readonly store?: AttemptStore };

/** A running exam server. */
export interface ExamServer {
  /** The base URL, e.g. `http://127.0.0.1:54321`. */
  readonly url: string;
  /** Stops the server and closes the store. */
  close(): Promise<void>;
}

/**
 * Starts an exam server for a module's quizzes on 127.0.0.1, on a free port.
 *
 * @param module - The learning module whose quizzes learners can take.
 * @param options - The store (in memory by default), clock, limits, review policy.
 * @returns The running server: its URL and `close()`.
 *
 * @example
 * ```ts
 * const server = await createExamServer(module, { maxAttempts: 2 });
 * console.log(server.url); //=> 'http://127.0.0.1:54321'
 * await server.close();
 * ```
 */
export async function createExamServer(module: DeepReadonly<Module>, options: ExamServerOptions = {}): Promise<ExamServer> {
  const store = options.store ?? createMemoryStore();
  const server = createServer(toNodeListener(createExamHandler({ ...options, modules: [module], store })));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      await store.close();
    },
  };
}
