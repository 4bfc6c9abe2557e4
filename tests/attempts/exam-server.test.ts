import { afterEach, describe, expect, it } from 'vitest';
import { correctResponses, formatFraction } from 'quizkit';
import { type Exchange, ExamClientError, createExamClient, takeExam } from '../../examples/exam-server/client.js';
import { type ExamServer, createExamServer } from '../../examples/exam-server/server.js';
import { T0, quiz, secretTexts, weatherModule } from './fixtures.js';

const key = correctResponses(quiz) as Record<string, unknown>;

let server: ExamServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Starts a server with a clock the test moves by hand. */
async function start(options: { graceSeconds?: number } = {}) {
  const clock = { now: T0 };
  server = await createExamServer(weatherModule, { now: () => clock.now, ...options });
  const seen: Exchange[] = [];
  const client = createExamClient(server.url, { onResponse: (exchange) => seen.push(exchange) });
  return { clock, client, seen, url: server.url };
}

/** Fails if a body holds anything that gives the key away. */
function expectNoKey(body: string) {
  for (const field of ['correct', 'credit', 'correctOrder', 'actor', 'weight', 'feedback', 'explanation', 'quote', 'seed', 'quizHash', 'result', 'review']) {
    expect(body, `field "${field}"`).not.toContain(`"${field}"`);
  }
  for (const secret of secretTexts(quiz)) expect(body).not.toContain(secret);
  expect(body).not.toContain('SECRET');
  expect(body).not.toContain(JSON.stringify(key['q-order']));
  expect(body).not.toContain(JSON.stringify(key['q-match']));
}

async function refusal(promise: Promise<unknown>): Promise<ExamClientError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ExamClientError) return error;
    throw error;
  }
  throw new Error('expected the server to refuse');
}

describe('the exam server', () => {
  it('runs a full attempt: key-free until submission, scored on the server', async () => {
    const { client, seen } = await start();
    const outcome = await takeExam(client, quiz.id, 'learner-1', (question) =>
      // The learner gets everything right but one statement of the matching question.
      question.type === 'matching' ? { puffy: 'cumulus', rainy: 'cirrus', funnel: null } : key[question.id],
    );
    const submitIndex = seen.findIndex((exchange) => exchange.path.endsWith('/submit'));
    expect(submitIndex).toBe(seen.length - 1);
    const before = seen.slice(0, submitIndex);
    expect(before.map((exchange) => `${exchange.method} ${exchange.status}`)).toEqual(['POST 201', 'PUT 200', 'PUT 200', 'PUT 200', 'PUT 200']);
    for (const exchange of before) expectNoKey(exchange.body);

    // The ordering question started in a wrong order.
    const ordering = outcome.view.questions.find((q) => q.type === 'ordering');
    expect(ordering?.type === 'ordering' && ordering.items.map((i) => i.id)).not.toEqual(key['q-order']);

    // 1 + 2 + 3 + 1/2 of 1 point (the weight-2 statement missed) = 6.5 of 7.
    expect(outcome.result.earned).toEqual({ n: 13, d: 2 });
    expect(formatFraction(outcome.result.percent)).toBe('92.86');
    expect(outcome.result.passed).toBe(true);
    expect(outcome.late).toBe(false);
    // After submission the review tells all.
    const match = outcome.review.questions.find((q) => q.questionId === 'q-match')!;
    expect(match).toMatchObject({ status: 'partial', correctResponse: key['q-match'], feedback: ['SECRET-FB-rainy'] });
    expect(match.explanation).toContain('SECRET-EXPLANATION-4');
  });

  it('resumes an attempt with the learner’s answers, still without the key', async () => {
    const { client } = await start();
    const { attemptId } = await client.start(quiz.id, 'learner-2');
    await client.answer(attemptId, 'q-multi', ['fog']);
    const resumed = await client.resume(attemptId);
    expect(resumed.view.responses).toEqual({ 'q-multi': ['fog'] });
    expect(resumed.result).toBeUndefined();
    expectNoKey(JSON.stringify(resumed));
    const done = await client.submit(attemptId);
    const after = await client.resume(attemptId);
    expect(after.result).toEqual(done.result);
  });

  it('refuses invalid answers, unknown questions and answers after submission', async () => {
    const { client } = await start();
    const { attemptId } = await client.start(quiz.id, 'learner-3');
    const invalid = await refusal(client.answer(attemptId, 'q-single', 'hail'));
    expect([invalid.status, invalid.code]).toEqual([422, 'invalid_response']);
    const incomplete = await refusal(client.answer(attemptId, 'q-order', ['collect']));
    expect(incomplete.code).toBe('invalid_response');
    expectNoKey(JSON.stringify(incomplete.issues));
    expect((await refusal(client.answer(attemptId, 'q-nope', 'x'))).status).toBe(404);
    expect((await refusal(client.answer('no-such-attempt', 'q-single', 'x'))).code).toBe('unknown_attempt');
    expect((await refusal(client.start('no-such-quiz', 'learner-3'))).code).toBe('unknown_quiz');
    await client.submit(attemptId);
    expect((await refusal(client.answer(attemptId, 'q-single', 'cumulus'))).code).toBe('already_submitted');
    expect((await refusal(client.submit(attemptId))).status).toBe(409);
  });

  it('enforces the time limit with its own clock and marks late submissions', async () => {
    const { client, clock } = await start({ graceSeconds: 10 });
    const { attemptId, view } = await client.start(quiz.id, 'learner-4');
    expect(view.deadline).toBe(T0 + 600_000);
    clock.now = T0 + 599_000;
    expect((await client.answer(attemptId, 'q-single', 'nimbostratus')).timeRemainingMs).toBe(1_000);
    clock.now = T0 + 600_001;
    expect((await refusal(client.answer(attemptId, 'q-multi', key['q-multi']))).code).toBe('time_expired');
    clock.now = T0 + 610_001;
    const done = await client.submit(attemptId);
    expect(done.late).toBe(true);
    expect(done.result.earned).toEqual({ n: 1, d: 1 });
  });

  it('numbers attempts per learner and combines their grades', async () => {
    const { client } = await start();
    const first = await takeExam(client, quiz.id, 'learner-5', (q) => (q.id === 'q-single' ? key[q.id] : undefined));
    const second = await takeExam(client, quiz.id, 'learner-5', (q) => key[q.id]);
    const other = await client.start(quiz.id, 'learner-6');
    expect([first.view.attemptNumber, second.view.attemptNumber, other.view.attemptNumber]).toEqual([1, 2, 1]);
    expect((await client.grade('learner-5', quiz.id, 'highest')).grade).toMatchObject({ percent: { n: 100, d: 1 }, counted: [1] });
    expect((await client.grade('learner-5', quiz.id, 'first')).grade).toMatchObject({ percent: { n: 100, d: 7 } });
    // (100/7 + 100) / 2 = 400/7 = 57.1 %, under the 60 % pass mark
    expect((await client.grade('learner-5', quiz.id, 'average')).grade).toMatchObject({ percent: { n: 400, d: 7 }, passed: false });
    expect((await client.grade('learner-6', quiz.id)).grade).toBeNull();
  });

  it('refuses bad bodies', async () => {
    const { url } = await start();
    const post = (body: string) => fetch(`${url}/attempts`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    expect((await post('{')).status).toBe(400);
    expect((await post('[]')).status).toBe(400);
    expect((await post(JSON.stringify({ quizId: quiz.id }))).status).toBe(400);
    expect((await post(JSON.stringify({ quizId: quiz.id, learnerId: 'x', pad: 'x'.repeat(70_000) }))).status).toBe(413);
    expect((await fetch(`${url}/nowhere`)).status).toBe(404);
  });
});
