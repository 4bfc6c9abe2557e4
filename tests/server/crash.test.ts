// issue #12: SIGKILL the server right after acknowledgements, restart it on the
// same storage, and every acknowledged answer is there (SQLite and PostgreSQL).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createExamClient } from '../../src/player/modes/exam-client.js';
import { quiz } from '../attempts/fixtures.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsxLoader = pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href;
const child = join(root, 'tests/server/crash-child.ts');
const dir = mkdtempSync(join(tmpdir(), 'quizkit-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let running: ChildProcess[] = [];
afterEach(() => {
  for (const process of running.splice(0)) process.kill('SIGKILL');
});

function start(kind: string, path: string): Promise<{ process: ChildProcess; url: string }> {
  const server = spawn(process.execPath, ['--import', tsxLoader, child, kind, path], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(server);
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening (\d+)/.exec(out);
      if (match) resolve({ process: server, url: `http://127.0.0.1:${match[1]}` });
    });
    server.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    server.once('exit', (code) => reject(new Error(`the server exited (${code}): ${err}`)));
  });
}

const exited = (server: ChildProcess) => new Promise<void>((done) => (server.exitCode !== null || server.signalCode !== null ? done() : server.once('exit', () => done())));

// Responses that are all valid, cycling per question, so each acknowledgement changes the stored answer.
const CHOICES: Record<string, unknown[]> = {
  'q-single': ['nimbostratus', 'cumulus', 'cirrus', 'stratus'],
  'q-multi': [['fog'], ['cumulus'], ['cumulus', 'nimbostratus'], ['tornado']],
  'q-order': [
    ['evaporate', 'condense', 'precipitate', 'collect'],
    ['collect', 'precipitate', 'condense', 'evaporate'],
  ],
  'q-match': [{ puffy: 'cumulus' }, { rainy: 'nimbostratus', funnel: null }],
};
const QUESTIONS = Object.keys(CHOICES);

describe.each([
  { kind: 'sqlite', path: () => join(dir, 'crash.sqlite') },
  { kind: 'postgres', path: () => join(dir, 'pgdata') },
])('issue #12: SIGKILL and restart ($kind)', ({ kind, path }) => {
  it('loses no acknowledged answer', { timeout: 90_000 }, async () => {
    const storage = path();
    const first = await start(kind, storage);
    let token = '';
    const client = createExamClient(first.url, { onToken: (issued) => (token = issued) });
    const { attemptId } = await client.start(quiz.id);
    const acknowledged = new Map<string, unknown>();
    for (let i = 0; i < 24; i++) {
      const questionId = QUESTIONS[i % QUESTIONS.length]!;
      const response = CHOICES[questionId]![Math.floor(i / QUESTIONS.length) % CHOICES[questionId]!.length];
      await client.answer(attemptId, questionId, response);
      acknowledged.set(questionId, response);
    }
    // One more answer in flight as the process dies: it may or may not have been saved, but it was never acknowledged.
    const inFlight = { questionId: 'q-single', response: 'stratus' };
    const pending = client.answer(attemptId, inFlight.questionId, inFlight.response).catch(() => undefined);
    first.process.kill('SIGKILL');
    await exited(first.process);
    await pending;

    const second = await start(kind, storage);
    const resumed = await createExamClient(second.url, { token }).resume(attemptId);
    for (const [questionId, response] of acknowledged) {
      const saved = resumed.view.responses[questionId];
      if (questionId === inFlight.questionId && JSON.stringify(saved) === JSON.stringify(inFlight.response)) continue;
      expect([questionId, saved]).toEqual([questionId, response]);
    }
    expect(Object.keys(resumed.view.responses).sort()).toEqual([...QUESTIONS].sort());
  });
});
