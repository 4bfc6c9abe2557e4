// The exam-delivery findings of issue #12, each replayed against quizkit/server.
import { createServer } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { correctResponses } from 'quizkit';
import { type AttemptStore, createMemoryStore } from 'quizkit/server';
import { toNodeListener } from 'quizkit/server/node';
import { quiz } from '../attempts/fixtures.js';
import { BASE, heldBody, setup, streamedRequest } from './helpers.js';

const key = correctResponses(quiz) as Record<string, unknown>;

/** Sends raw bytes to a server and returns the status line of its answer. */
function raw(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    let data = '';
    socket.on('data', (chunk) => {
      data += chunk.toString('latin1');
      if (data.includes('\r\n')) {
        resolve(data.split('\r\n')[0]!);
        socket.destroy();
      }
    });
    socket.on('error', reject);
  });
}

describe('issue #12: malformed URLs crashed the example server', () => {
  it('answers 400 through the handler for a percent-encoding that does not decode', async () => {
    const { api } = setup();
    for (const path of ['/%ff', '/v1/attempts/%ff', '/v1/quizzes/%E0%A4%A/attempts', '/v1/attempts/%']) {
      const response = await api.call('GET', path);
      expect([path, response.status, response.json.error.code]).toEqual([path, 400, 'bad_request']);
    }
  });

  it('survives `GET //[` and `GET /%ff` under node:http, and keeps serving', async () => {
    const { handle } = setup();
    const server = createServer(toNodeListener(handle));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const { port } = server.address() as AddressInfo;
    try {
      expect(await raw(port, 'GET //[ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).toMatch(/^HTTP\/1\.1 4\d\d/);
      expect(await raw(port, 'GET /%ff HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).toBe('HTTP/1.1 400 Bad Request');
      expect(await raw(port, 'GET //evil.example/v1/learners HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).toMatch(/^HTTP\/1\.1 404/);
      expect(await raw(port, 'TRACE /v1/learners HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).toMatch(/^HTTP\/1\.1 405/);
      const learner = await fetch(`http://127.0.0.1:${port}/v1/learners`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(learner.status).toBe(201);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

describe('issue #12: a held answer body un-submitted an attempt', () => {
  it('PUT headers, hold the body, submit, release: the attempt stays submitted and the late answer is refused', async () => {
    const { api, handle } = setup({ maxAttempts: 2 });
    const token = await api.learner();
    const { attemptId } = (await api.start(token, quiz.id)).json;
    const body = heldBody();
    const put = handle(
      streamedRequest('PUT', `/v1/attempts/${attemptId}/answers/q-single`, body.stream, { 'content-type': 'application/json', authorization: `Bearer ${token}` }),
    );
    const submitted = await api.submit(token, attemptId);
    expect(submitted.status).toBe(200);
    expect(submitted.json.review.questions[0].correctResponse).toBeUndefined();
    body.send(JSON.stringify({ response: key['q-single'] }));
    body.end();
    const late = await put;
    expect(late.status).toBe(409);
    expect((await late.json()).error.code).toBe('already_submitted');
    const after = await api.view(token, attemptId);
    expect(after.json.view.status).toBe('submitted');
    expect(after.json.view.responses).toEqual({});
    expect(after.json.result.earned).toEqual({ n: 0, d: 1 });
  });

  it('two slow concurrent PUTs: never both 200 with one answer lost', async () => {
    // Both requests load the attempt before either writes: a barrier in the store makes the interleaving certain.
    const inner = createMemoryStore();
    let waiting: (() => void)[] = [];
    let barrier = false;
    const store: AttemptStore = {
      ...inner,
      get: async (id) => {
        const record = await inner.get(id);
        if (barrier) {
          await new Promise<void>((release) => {
            waiting.push(release);
            if (waiting.length === 2) {
              for (const go of waiting) go();
              waiting = [];
            }
          });
        }
        return record;
      },
    };
    const { api, handle } = setup({ store });
    const token = await api.learner();
    const { attemptId } = (await api.start(token, quiz.id)).json;
    barrier = true;
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const first = heldBody();
    const second = heldBody();
    const a = handle(streamedRequest('PUT', `/v1/attempts/${attemptId}/answers/q-single`, first.stream, headers));
    const b = handle(streamedRequest('PUT', `/v1/attempts/${attemptId}/answers/q-multi`, second.stream, headers));
    first.send(JSON.stringify({ response: 'cumulus' }));
    second.send(JSON.stringify({ response: ['fog'] }));
    first.end();
    second.end();
    const statuses = [(await a).status, (await b).status];
    barrier = false;
    expect([...statuses].sort()).toEqual([200, 409]);
    const saved = (await api.view(token, attemptId)).json.view.responses;
    const acknowledged = ['q-single', 'q-multi'].filter((_, index) => statuses[index] === 200);
    expect(statuses.every((status) => status === 200 || status === 409)).toBe(true);
    expect(acknowledged.length).toBeGreaterThan(0);
    for (const questionId of acknowledged) expect(saved).toHaveProperty(questionId);
    expect(Object.keys(saved).sort()).toEqual([...acknowledged].sort());
  });
});

describe('issue #12: the body size limit was enforced only after reading everything', () => {
  it('stops reading a 50 MB streamed body at the limit and answers 413 at once', async () => {
    const { api, handle } = setup();
    const token = await api.learner();
    const { attemptId } = (await api.start(token, quiz.id)).json;
    const chunk = new Uint8Array(16 * 1024).fill(0x20);
    let sent = 0;
    const fifty = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 50 * 1024 * 1024) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const response = await handle(
      streamedRequest('PUT', `/v1/attempts/${attemptId}/answers/q-single`, fifty, { 'content-type': 'application/json', authorization: `Bearer ${token}` }),
    );
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe('body_too_large');
    // 64 KiB limit: the handler pulled a few chunks past it at most, never the 50 MB.
    expect(sent).toBeLessThan(256 * 1024);
  });

  it('answers 413 without reading when content-length is over the limit', async () => {
    const { api, handle } = setup({ maxBodyBytes: 1_000 });
    const body = heldBody();
    const response = await handle(streamedRequest('POST', '/v1/learners', body.stream, { 'content-type': 'application/json', 'content-length': '50000000' }));
    expect(response.status).toBe(413);
    expect(body.pulls()).toBeLessThanOrEqual(1);
    expect((await api.call('POST', '/v1/learners', { body: { pad: 'x'.repeat(2_000) } })).status).toBe(413);
  });
});

describe('issue #12: text/plain and form posts were accepted', () => {
  it('answers 415 to every non-JSON body and changes nothing', async () => {
    const { api } = setup();
    const token = await api.learner();
    const { attemptId } = (await api.start(token, quiz.id)).json;
    const body = JSON.stringify({ response: key['q-single'] });
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', 'application/jsonp']) {
      const response = await api.call('PUT', `/v1/attempts/${attemptId}/answers/q-single`, { token, body, headers: { 'content-type': type } });
      expect([type, response.status, response.json.error.code]).toEqual([type, 415, 'unsupported_media_type']);
    }
    const none = await api.call('POST', `/v1/attempts/${attemptId}/submit`, { token });
    expect(none.status).toBe(415);
    expect((await api.view(token, attemptId)).json.view).toMatchObject({ status: 'in-progress', responses: {} });
  });
});

describe('issue #12: unlimited anonymous attempts with O(n) scans, and no attempt cap', () => {
  it('submit an empty attempt 1, read the key, start attempt 2: the key is not shown and attempt 2 is refused', async () => {
    const { api } = setup();
    const token = await api.learner();
    const { attemptId } = (await api.start(token, quiz.id)).json;
    const review = (await api.submit(token, attemptId)).json.review;
    // One attempt allowed by default, now used: the exam policy shows the key, but there is no attempt left to use it in.
    expect(review.show.correctResponse).toBe(true);
    const second = await api.start(token, quiz.id);
    expect([second.status, second.json.error.code]).toEqual([409, 'attempt_limit']);
  });

  it('with attempts left, the review of attempt 1 carries no right answer', async () => {
    const { api } = setup({ maxAttempts: 3 });
    const token = await api.learner();
    const { attemptId } = (await api.start(token, quiz.id)).json;
    const done = await api.submit(token, attemptId);
    const { show: _show, ...review } = done.json.review;
    expect(JSON.stringify(review)).not.toMatch(/"correctResponse":|"correct":|SECRET/);
    expect((await api.start(token, quiz.id)).status).toBe(201);
  });

  it('caps attempts in progress per learner', async () => {
    const { api } = setup({ maxOpenAttempts: 1, modules: [{ ...(await import('../attempts/fixtures.js')).weatherModule, quizzes: [quiz, { ...quiz, id: 'second-quiz' }] }] });
    const token = await api.learner();
    expect((await api.start(token, quiz.id)).status).toBe(201);
    const refused = await api.start(token, 'second-quiz');
    expect([refused.status, refused.json.error.code]).toEqual([409, 'open_attempt_limit']);
  });

  it('looks attempts up by index: a request never reads other learners’ attempts', async () => {
    const inner = createMemoryStore();
    let largestList = 0;
    const store: AttemptStore = {
      ...inner,
      listByLearnerQuiz: async (learnerId, quizId) => {
        const list = await inner.listByLearnerQuiz(learnerId, quizId);
        largestList = Math.max(largestList, list.length);
        return list;
      },
    };
    const { api } = setup({ store, maxAttempts: 2 });
    for (let i = 0; i < 300; i++) {
      const token = await api.learner();
      await api.start(token, quiz.id);
    }
    const token = await api.learner();
    const { attemptId } = (await api.start(token, quiz.id)).json;
    await api.submit(token, attemptId);
    expect(largestList).toBe(1);
    expect(BASE).toBe('http://exam.test');
  });
});
