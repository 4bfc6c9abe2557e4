// Issue #15: the exam server checks tries. The try is recorded on the server
// (the key never leaves it); the learner gets what the behaviour allows.
import { describe, expect, it } from 'vitest';
import { createExamHandler, createMemoryStore } from 'quizkit/server';
import { correctResponses } from 'quizkit';
import { T0, moduleInput } from '../attempts/fixtures.js';
import { parseModule } from 'quizkit/schema';
import { api } from './helpers.js';

const practice = parseModule({
  ...moduleInput,
  quizzes: [{ ...moduleInput.quizzes[0], behaviour: { name: 'interactive', tries: 2, hints: [{ text: 'Think about the shape.' }] } }],
});
const quiz = practice.quizzes[0]!;
const key = correctResponses(quiz) as Record<string, unknown>;

describe('POST /v1/attempts/:attemptId/checks/:questionId', () => {
  const serve = () => {
    const clock = { now: T0 };
    const handle = createExamHandler({ modules: [practice], store: createMemoryStore(), now: () => clock.now });
    return { clock, a: api(handle) };
  };

  it('records a try, answers with its outcome and the hint, never the key; the submission marks by the behaviour', async () => {
    const { clock, a } = serve();
    const token = await a.learner();
    const { attemptId } = (await a.start(token, quiz.id)).json;
    const single = quiz.questions.find((q) => q.type === 'single-choice')!;
    const wrong = single.type === 'single-choice' ? single.options.find((o) => !o.correct)!.id : '';
    clock.now += 1_000;
    const first = await a.call('POST', `/v1/attempts/${attemptId}/checks/${single.id}`, { token, body: { response: wrong } });
    expect(first.status).toBe(200);
    expect(first.json.outcome).toMatchObject({ status: 'incorrect', triesLeft: 1, finished: false, hint: { text: 'Think about the shape.' } });
    for (const field of ['"correct"', '"correctResponse"', '"explanation"', '"quote"']) expect(first.text).not.toContain(field);
    clock.now += 1_000;
    const second = await a.call('POST', `/v1/attempts/${attemptId}/checks/${single.id}`, { token, body: { response: key[single.id] } });
    expect(second.json.outcome).toMatchObject({ status: 'correct', finished: true, fraction: { n: 2, d: 3 } });
    clock.now += 1_000;
    const again = await a.call('POST', `/v1/attempts/${attemptId}/checks/${single.id}`, { token, body: { response: wrong } });
    expect([again.status, again.json.error.code]).toEqual([409, 'question_finished']);
    const view = await a.view(token, attemptId);
    expect(view.json.view.checks[single.id]).toEqual({ tries: 2, triesLeft: 0, finished: true });
    const done = await a.submit(token, attemptId);
    const marked = done.json.result.questions.find((q: { questionId: string }) => q.questionId === single.id);
    expect(marked.earned).toEqual({ n: 2 * single.points.n, d: 3 * single.points.d });
  });

  it('refuses a check without a response (400) and one under a deferred behaviour (409 not_checkable)', async () => {
    const { a } = serve();
    const token = await a.learner();
    const { attemptId } = (await a.start(token, quiz.id)).json;
    const missing = await a.call('POST', `/v1/attempts/${attemptId}/checks/${quiz.questions[0]!.id}`, { token, body: {} });
    expect([missing.status, missing.json.error.code]).toEqual([400, 'bad_request']);
    const deferred = parseModule(moduleInput);
    const handle = createExamHandler({ modules: [deferred], store: createMemoryStore(), now: () => T0 });
    const b = api(handle);
    const other = await b.learner();
    const started = (await b.start(other, deferred.quizzes[0]!.id)).json;
    const refused = await b.call('POST', `/v1/attempts/${started.attemptId}/checks/${deferred.quizzes[0]!.questions[0]!.id}`, { token: other, body: { response: 'x' } });
    expect([refused.status, refused.json.error.code]).toEqual([409, 'not_checkable']);
  });
});
