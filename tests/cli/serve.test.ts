import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createExamClient } from '../../src/player/modes/exam-client.js';
import { HELP } from '../../src/cli/main.js';
import { SPAWN_TIMEOUT, cliEntry, inProcess, root, tempDir } from './helpers.js';

const tsxLoader = pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href;
const fixture = join(root, 'tests/fixtures/valid-module.yaml');

let children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

/** Starts `quizkit serve` as a user would and resolves with its URL once it listens. */
function serve(args: readonly string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', tsxLoader, cliEntry, 'serve', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (match) resolve({ child, url: match[1]! });
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`quizkit serve exited (${code}) before listening: ${err}`)));
  });
}

const killed = (child: ChildProcess) => new Promise<void>((done) => (child.exitCode !== null || child.signalCode !== null ? done() : child.once('exit', () => done())));

describe('quizkit serve', { timeout: SPAWN_TIMEOUT * 2 }, () => {
  it('runs a full attempt over HTTP, and after a SIGKILL and a restart on the same --db the attempt is there', async () => {
    const db = join(tempDir(), 'attempts.sqlite');
    const first = await serve([fixture, '--db', db, '--port', '0', '--max-attempts', '2']);
    let token = '';
    const client = createExamClient(first.url, { onToken: (issued) => (token = issued) });
    const { attemptId, view } = await client.start('check');
    const question = view.questions[0]!;
    const response = question.type === 'single-choice' ? question.options[0]!.id : null;
    await client.answer(attemptId, question.id, response);
    const page = await fetch(first.url);
    expect([200, 503]).toContain(page.status);
    if (page.status === 200) expect(await page.text()).toContain('data-mode="exam"');
    // Killed right after the acknowledgement: no shutdown, no flush.
    first.child.kill('SIGKILL');
    await killed(first.child);

    const second = await serve([fixture, '--db', db, '--port', '0', '--max-attempts', '2']);
    const again = createExamClient(second.url, { token });
    const resumed = await again.resume(attemptId);
    expect(resumed.view.responses).toEqual({ [question.id]: response });
    const done = await again.submit(attemptId);
    expect(done.review.attemptNumber).toBe(1);
    second.child.kill('SIGKILL');
    await killed(second.child);

    const third = await serve([fixture, '--db', db]);
    expect((await createExamClient(third.url, { token }).resume(attemptId)).view.status).toBe('submitted');
    // Another learner cannot see it.
    await expect(createExamClient(third.url).resume(attemptId)).rejects.toMatchObject({ status: 404 });
  });

  it('is listed in the help, and refuses invalid modules and bad flags', async () => {
    expect(HELP).toMatch(/^ {2}serve /m);
    expect((await inProcess(['serve'])).status).toBe(2);
    expect((await inProcess(['serve', fixture, '--port', 'x'])).stderr).toMatch(/--port must be a number/);
    expect((await inProcess(['serve', fixture, '--quiz', 'nope'])).stderr).toMatch(/No quiz "nope"/);
  });
});
