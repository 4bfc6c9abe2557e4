// A server process for the crash test: the exam handler over a SQLite file or a
// PGlite data directory, on a free port it prints. The test SIGKILLs it.
//   node --import tsx tests/server/crash-child.ts sqlite|postgres <path>
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createExamHandler } from 'quizkit/server';
import { toNodeListener } from 'quizkit/server/node';
import { weatherModule } from '../attempts/fixtures.js';

const [kind, path] = process.argv.slice(2) as [string, string];
let store;
if (kind === 'sqlite') {
  const { createSqliteStore } = await import('quizkit/server/sqlite');
  store = createSqliteStore(path);
} else {
  const { PGlite } = await import('@electric-sql/pglite');
  const { createPostgresStore } = await import('quizkit/server/postgres');
  store = await createPostgresStore(new PGlite(path));
}
const handler = createExamHandler({ modules: [weatherModule], store, secret: 'crash-test-secret-of-at-least-32-bytes!' });
const server = createServer(toNodeListener(handler));
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
});
