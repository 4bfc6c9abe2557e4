/**
 * Exam server throughput: answers/s and submits/s through quizkit/server's
 * handler (in-process `Request` → `Response`, no sockets) with the SQLite
 * store on a real file (rollback journal, synchronous=FULL: every answer is
 * fsynced before it is acknowledged). `npm run bench:server` (builds nothing:
 * run `npm run build` first; it times the built dist/ as users get it).
 *
 * Options: --rounds=7 --answers=400 --submits=200 --parallel=8
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { median } from './harness.js';

const args = new Map(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]));
const rounds = Number(args.get('rounds') ?? 7);
const answersPerRound = Number(args.get('answers') ?? 400);
const submitsPerRound = Number(args.get('submits') ?? 200);
const parallel = Number(args.get('parallel') ?? 8);

const root = join(import.meta.dirname, '..');
if (!existsSync(join(root, 'dist/server.js'))) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}
const dist = (name: string) => import(pathToFileURL(join(root, 'dist', name)).href);
const { createExamHandler } = (await dist('server.js')) as typeof import('../src/server/index.js');
const { createSqliteStore } = (await dist('server-sqlite.js')) as typeof import('../src/server/sqlite.js');
const { northKoreaChina } = (await dist('modules.js')) as typeof import('../src/modules/index.js');
const quiz = northKoreaChina.quizzes[0];

const dir = mkdtempSync(join(tmpdir(), 'quizkit-bench-server-'));
const store = createSqliteStore(join(dir, 'bench.sqlite'));
const handle = createExamHandler({ modules: [northKoreaChina], store, maxAttempts: 1_000_000, maxOpenAttempts: 1_000_000 });
const json = { 'content-type': 'application/json' };
const call = async (method: string, path: string, token?: string, body?: unknown) => {
  const response = await handle(
    new Request(`http://bench${path}`, { method, headers: { ...json, ...(token ? { authorization: `Bearer ${token}` } : {}) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) }),
  );
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
};
const learner = async () => (await call('POST', '/v1/learners', undefined, {})).token as string;
const start = async (token: string) => (await call('POST', `/v1/quizzes/${quiz.id}/attempts`, token, {})).attemptId as string;
// A valid answer that changes each time: the first single-choice question, cycling its options.
const question = quiz.questions.find((q) => q.type === 'single-choice')!;
const options = question.type === 'single-choice' ? question.options.map((o) => o.id) : [];

async function answersPerSecond(lanes: number): Promise<number> {
  const sessions = await Promise.all(Array.from({ length: lanes }, async () => {
    const token = await learner();
    return { token, attemptId: await start(token) };
  }));
  const each = Math.ceil(answersPerRound / lanes);
  const began = performance.now();
  await Promise.all(
    sessions.map(async ({ token, attemptId }) => {
      for (let i = 0; i < each; i++) await call('PUT', `/v1/attempts/${attemptId}/answers/${question.id}`, token, { response: options[i % options.length] });
    }),
  );
  return (each * lanes) / ((performance.now() - began) / 1000);
}

async function submitsPerSecond(): Promise<number> {
  const open = [];
  for (let i = 0; i < submitsPerRound; i++) {
    const token = await learner();
    open.push({ token, attemptId: await start(token) });
  }
  const began = performance.now();
  for (const { token, attemptId } of open) await call('POST', `/v1/attempts/${attemptId}/submit`, token, {});
  return submitsPerRound / ((performance.now() - began) / 1000);
}

const samples = { answers: [] as number[], answersParallel: [] as number[], submits: [] as number[] };
await answersPerSecond(1); // warm-up
for (let round = 0; round < rounds; round++) {
  samples.answers.push(await answersPerSecond(1));
  samples.answersParallel.push(await answersPerSecond(parallel));
  samples.submits.push(await submitsPerSecond());
}
await store.close();
rmSync(dir, { recursive: true, force: true });

const fmt = (values: number[]) => `${Math.round(median(values)).toLocaleString('en-US')}/s (min ${Math.round(Math.min(...values))}, max ${Math.round(Math.max(...values))})`;
console.log(`quizkit/server + SQLite (node-sqlite3-wasm, journal_mode=DELETE, synchronous=FULL), quiz "${quiz.id}" (${quiz.questions.length} questions)`);
console.log(`Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}; median of ${rounds} rounds`);
console.log(`answers, one at a time:            ${fmt(samples.answers)}  (${answersPerRound} per round)`);
console.log(`answers, ${parallel} learners at once:      ${fmt(samples.answersParallel)}`);
console.log(`submits (score + review), one at a time: ${fmt(samples.submits)}  (${submitsPerRound} per round)`);
