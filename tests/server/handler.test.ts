import { describe, expect, it } from 'vitest';
import { correctResponses } from 'quizkit';
import { PRACTICE_REVIEW_POLICY } from 'quizkit/attempts';
import { T0, quiz, secretTexts } from '../attempts/fixtures.js';
import { api, setup } from './helpers.js';

const key = correctResponses(quiz) as Record<string, unknown>;

/** Fails if a body holds anything that gives the key away. */
function expectNoKey(body: string) {
  for (const field of ['correct', 'credit', 'correctOrder', 'correctResponse', 'actor', 'weight', 'feedback', 'explanation', 'quote', 'seed', 'quizHash', 'result', 'review']) {
    expect(body, `field "${field}"`).not.toContain(`"${field}"`);
  }
  for (const secret of secretTexts(quiz)) expect(body).not.toContain(secret);
  expect(body).not.toContain('SECRET');
  expect(body).not.toContain(JSON.stringify(key['q-match']));
}

describe('the exam handler', () => {
  it('runs a full attempt: key-free until submission, scored on the server, reviewed by policy', async () => {
    const { api: a } = setup({ maxAttempts: 2 });
    const token = await a.learner();
    const seen: string[] = [];
    const started = await a.start(token, quiz.id);
    expect(started.status).toBe(201);
    seen.push(started.text);
    const { attemptId } = started.json;
    for (const question of quiz.questions) {
      const response = question.type === 'matching' ? { puffy: 'cumulus', rainy: 'cirrus', funnel: null } : key[question.id];
      const answered = await a.answer(token, attemptId, question.id, response);
      expect(answered.status).toBe(200);
      seen.push(answered.text);
    }
    const resumed = await a.view(token, attemptId);
    seen.push(resumed.text);
    expect(resumed.json.view.responses['q-multi']).toEqual(key['q-multi']);
    // The leak test: nothing before submission gives the key away.
    for (const body of seen) expectNoKey(body);

    const done = await a.submit(token, attemptId);
    expect(done.status).toBe(200);
    // 1 + 2 + 3 + 1/2 of 1 point = 6.5 of 7, passed; marks are shown after each attempt.
    expect(done.json.result).toMatchObject({ earned: { n: 13, d: 2 }, passed: true });
    expect(done.json.late).toBe(false);
    // One of two attempts used: the exam policy hides the right answers, feedback and explanations.
    const { show: _show, ...shown } = done.json.review;
    const visible = JSON.stringify([shown, done.json.result]);
    for (const hidden of ['"correctResponse":', '"correct":', '"feedback":', '"explanation":', '"statistic":', 'SECRET']) expect(visible).not.toContain(hidden);
    expect(done.json.review.show).toEqual({ marks: true, feedback: false, explanation: false, correctResponse: false });
    // The view of the submitted attempt carries the same filtered review.
    const after = await a.view(token, attemptId);
    expect(after.json.review).toEqual(done.json.review);

    // The second and last attempt: now the review tells all.
    const second = await a.start(token, quiz.id);
    expect(second.json.view.attemptNumber).toBe(2);
    const last = await a.submit(token, second.json.attemptId);
    const match = last.json.review.questions.find((q: { questionId: string }) => q.questionId === 'q-match');
    expect(match).toMatchObject({ correctResponse: key['q-match'] });
    expect(match.explanation).toContain('SECRET-EXPLANATION-4');
    expect((await a.grade(token, quiz.id)).json.grade).toMatchObject({ percent: { n: 650, d: 7 }, counted: [0] });
  });

  it('starting again while an attempt is in progress resumes it', async () => {
    const { api: a } = setup({ maxAttempts: 3 });
    const token = await a.learner();
    const first = await a.start(token, quiz.id);
    const again = await a.start(token, quiz.id);
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.json.attemptId).toBe(first.json.attemptId);
  });

  it('refuses invalid answers, unknown questions and answers after submission', async () => {
    const { api: a } = setup();
    const token = await a.learner();
    const { attemptId } = (await a.start(token, quiz.id)).json;
    const invalid = await a.answer(token, attemptId, 'q-single', 'hail');
    expect([invalid.status, invalid.json.error.code]).toEqual([422, 'invalid_response']);
    expectNoKey(JSON.stringify(invalid.json.error.issues));
    expect((await a.answer(token, attemptId, 'q-nope', 'x')).status).toBe(404);
    expect((await a.answer(token, 'no-such-attempt', 'q-single', 'x')).json.error.code).toBe('unknown_attempt');
    expect((await a.start(token, 'no-such-quiz')).json.error.code).toBe('unknown_quiz');
    await a.submit(token, attemptId);
    expect((await a.answer(token, attemptId, 'q-single', 'cumulus')).json.error.code).toBe('already_submitted');
    expect((await a.submit(token, attemptId)).status).toBe(409);
  });

  it('enforces the time limit with its own clock and marks late submissions', async () => {
    const { api: a, clock } = setup({ graceSeconds: 10 });
    const token = await a.learner();
    const { attemptId, view } = (await a.start(token, quiz.id)).json;
    expect(view.deadline).toBe(T0 + 600_000);
    clock.now = T0 + 599_000;
    expect((await a.answer(token, attemptId, 'q-single', key['q-single'])).json.timeRemainingMs).toBe(1_000);
    clock.now = T0 + 600_001;
    expect((await a.answer(token, attemptId, 'q-multi', key['q-multi'])).json.error.code).toBe('time_expired');
    clock.now = T0 + 610_001;
    const done = await a.submit(token, attemptId);
    expect(done.json.late).toBe(true);
    expect(done.json.result.earned).toEqual({ n: 1, d: 1 });
  });

  it('closes a quiz at closesAt, and then shows the right answers', async () => {
    const { api: a, clock } = setup({ closesAt: T0 + 1_000, maxAttempts: 5 });
    const token = await a.learner();
    const { attemptId } = (await a.start(token, quiz.id)).json;
    clock.now = T0 + 1_000;
    expect((await a.answer(token, attemptId, 'q-single', 'cumulus')).json.error.code).toBe('quiz_closed');
    expect((await a.start(await a.learner(), quiz.id)).json.error.code).toBe('quiz_closed');
    const done = await a.submit(token, attemptId);
    expect(done.json.review.show.correctResponse).toBe(true);
  });

  it('hides another learner’s attempt as if it did not exist, and needs a valid token', async () => {
    const { api: a } = setup();
    const alice = await a.learner();
    const mallory = await a.learner();
    const { attemptId } = (await a.start(alice, quiz.id)).json;
    for (const response of [await a.view(mallory, attemptId), await a.answer(mallory, attemptId, 'q-single', 'cumulus'), await a.submit(mallory, attemptId)]) {
      expect([response.status, response.json.error.code]).toEqual([404, 'unknown_attempt']);
    }
    expect((await a.view(alice, 'AAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
    // A forged token: another learner id with a signature that is not the server's.
    const forged = `${alice.split('.')[0]}.${'A'.repeat(43)}`;
    expect((await a.view(forged, attemptId)).status).toBe(401);
    expect((await a.view(alice.replace(/^l_./, 'l_Z'), attemptId)).status).toBe(401);
    // A token from another server (another secret) is refused.
    const other = setup();
    expect((await a.view(await other.api.learner(), attemptId)).status).toBe(401);
    expect((await a.call('GET', `/v1/attempts/${attemptId}`)).headers.get('www-authenticate')).toBe('Bearer');
  });

  it('uses the identify hook instead of tokens when given one', async () => {
    const { api: a } = setup({ identify: async (request) => request.headers.get('x-user') ?? undefined });
    expect((await a.call('POST', '/v1/learners', { body: {} })).status).toBe(404);
    const started = await a.call('POST', `/v1/quizzes/${quiz.id}/attempts`, { body: {}, headers: { 'x-user': 'u1' } });
    expect(started.status).toBe(201);
    expect((await a.call('GET', `/v1/attempts/${started.json.attemptId}`, { headers: { 'x-user': 'u2' } })).status).toBe(404);
    expect((await a.call('GET', `/v1/attempts/${started.json.attemptId}`)).status).toBe(401);
  });

  it('answers 405 with Allow, 404 for unknown routes, 400 for bad grading methods', async () => {
    const { api: a } = setup();
    const token = await a.learner();
    const wrong = await a.call('DELETE', '/v1/learners');
    expect([wrong.status, wrong.headers.get('allow')]).toEqual([405, 'POST']);
    expect((await a.call('GET', '/v2/learners')).status).toBe(404);
    expect((await a.call('GET', '/v1/attempts/x/y/z/w')).status).toBe(404);
    expect((await a.grade(token, quiz.id, 'best')).status).toBe(400);
    expect((await a.grade(token, quiz.id)).json.grade).toBeNull();
    expect((await a.call('GET', `/v1/quizzes/${'x'.repeat(200)}/attempts`, { token })).status).toBe(400);
  });

  it('shows everything after each attempt under the practice policy', async () => {
    const { api: a } = setup({ review: PRACTICE_REVIEW_POLICY, maxAttempts: 10 });
    const token = await a.learner();
    const { attemptId } = (await a.start(token, quiz.id)).json;
    const done = await a.submit(token, attemptId);
    expect(done.json.review.questions[0].correctResponse).toEqual(key[done.json.review.questions[0].questionId]);
  });

  it('answers 503 with a JSON body when the store fails, and never leaks the error', async () => {
    const failing = {
      ...setup().store,
      get: async () => {
        throw new Error('disk on fire at /var/secret/path');
      },
    };
    const errors: unknown[] = [];
    const { api: a } = setup({ store: failing, onError: (error) => errors.push(error) });
    const token = await a.learner();
    const response = await a.view(token, 'AAAAAAAAAAAAAAAAAAAAAA');
    expect([response.status, response.json.error.code]).toEqual([503, 'store_unavailable']);
    expect(response.text).not.toContain('fire');
    expect(errors).toHaveLength(1);
  });

  it('refuses options that make no sense', () => {
    expect(() => setup({ maxBodyBytes: 0 })).toThrow(RangeError);
    expect(() => setup({ secret: 'short' })).toThrow(/at least 32 bytes/);
    expect(() => api(setup({ maxOpenAttempts: 0 }).handle)).toThrow(RangeError);
  });
});
