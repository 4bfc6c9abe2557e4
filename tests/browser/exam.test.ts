import { afterEach, expect, it } from 'vitest';
import { type DeepReadonly, type Quiz, correctResponses, formatFraction, scoreQuiz } from 'quizkit';
import { northKoreaChina } from 'quizkit/modules';
import { POLL, answerAll, describeInBrowser, formShown, shownOrder, startExamPlayer, submit, useBrowser } from './helpers.js';

const [quiz] = northKoreaChina.quizzes;
const key = correctResponses(quiz) as Record<string, unknown>;

/**
 * Text that gives the key away: every explanation, source quote and piece of
 * feedback, cut at quote marks, backslashes and line breaks (which a JSON or
 * JavaScript string escapes) into pieces long enough to be unambiguous.
 */
function secretPieces(q: DeepReadonly<Quiz>): string[] {
  const texts: string[] = [];
  for (const question of q.questions) {
    texts.push(question.explanation, question.source.quote);
    for (const value of Object.values(question.feedback ?? {})) if (typeof value === 'string') texts.push(value);
    const parts: readonly { readonly feedback?: string | undefined }[] =
      question.type === 'ordering' ? question.items : question.type === 'matching' ? question.statements : question.options;
    for (const part of parts) if (part.feedback) texts.push(part.feedback);
  }
  return [...new Set(texts.flatMap((text) => text.split(/["'`\\\n\r]/)).filter((piece) => piece.length >= 16))];
}

/**
 * The key as a script would hold it as data: correct flags, orders and
 * mappings, minified or not. (The engine's code, which the page may load,
 * reads fields such as `.correctOrder` but holds no values.)
 */
function scriptKeyPatterns(q: DeepReadonly<Quiz>): string[] {
  const orders = q.questions.flatMap((question) => (question.type === 'ordering' ? [JSON.stringify(question.correctOrder).slice(1, -1)] : []));
  return ['correctOrder:[', 'correctOrder: [', '"correctOrder":[', 'correct:!0', 'correct: true', '"correct":true', 'actor:"', 'actor: "', '"actor":"', ...orders];
}

/** Field names that only the key has, as they appear in JSON. */
const KEY_FIELDS = ['correct', 'credit', 'correctOrder', 'actor', 'weight', 'feedback', 'explanation', 'quote', 'seed', 'quizHash', 'result', 'review'];

interface Received {
  readonly url: string;
  readonly method: string;
  readonly kind: string;
  readonly body: string;
}

describeInBrowser('the player in exam mode (Chromium)', () => {
  const browser = useBrowser();
  let served: Awaited<ReturnType<typeof startExamPlayer>> | undefined;
  afterEach(async () => {
    await served?.close();
    served = undefined;
  });

  it('the probes find the key in practice mode’s bundled module (so they would find a leak)', () => {
    const chunk = [...browser.bundle().files].find(([name]) => name.includes('bundled-module'));
    const text = Buffer.from(chunk![1].contents).toString('utf8');
    for (const piece of secretPieces(quiz)) expect(text).toContain(piece);
    for (const pattern of ['correctOrder:[', 'correct:!0', 'actor:"', ...scriptKeyPatterns(quiz).slice(-1)]) expect(text).toContain(pattern);
  });

  it('takes an exam on the server: no key before submission, same attempt and order after a reload, the engine’s score', async () => {
    served = await startExamPlayer(browser.bundle(), { quiz: quiz.id, learner: 'learner-1' });
    const { player } = served;
    const received: Promise<Received>[] = [];
    const { page } = await browser.open(player.url, (p) =>
      p.on('response', (response) => {
        const request = response.request();
        received.push(response.body().then((body) => ({ url: response.url(), method: request.method(), kind: request.resourceType(), body: body.toString('utf8') })));
      }),
    );
    await formShown(page);
    expect(await page.locator('.meta').textContent()).toContain('exam mode');
    const orders = async () => Object.fromEntries(await Promise.all(quiz.questions.map(async (q) => [q.id, await shownOrder(page, q.id)] as const)));
    const before = await orders();

    // Some answers, a reload: the same attempt (server-side seed), the same order, the answers back.
    const early = { 'who-met-in-beijing': key['who-met-in-beijing'], 'parade-appearance': ['kim', 'xi'], 'who-is-who': { 'north-korean-leader': 'kim' } };
    await answerAll(page, quiz, early);
    await page.reload();
    await formShown(page);
    expect(await orders()).toEqual(before);
    expect(await page.locator('[id="who-met-in-beijing--foreign-ministers"]').isChecked()).toBe(true);
    expect(await page.locator('[id="who-is-who--north-korean-leader"]').inputValue()).toBe('kim');
    await expect.poll(() => page.locator('#progress').textContent(), POLL).toBe('3 of 9 questions answered');

    // The rest, with known mistakes; the server scores.
    const responses: Record<string, unknown> = { ...key, ...early };
    responses['china-involvement'] = 'leads-it';
    delete responses['outlook-spotlight'];
    const rest = Object.fromEntries(Object.entries(responses).filter(([id]) => !Object.hasOwn(early, id)));
    await answerAll(page, quiz, rest);
    await submit(page);
    const expected = scoreQuiz(quiz, responses);
    expect(await page.locator('#score').textContent()).toBe(
      `${formatFraction(expected.earned)} / ${formatFraction(expected.possible)} points · ${formatFraction(expected.percent)}% · ${expected.passed ? 'passed' : 'not passed'} (pass mark 70%)`,
    );

    // Everything the page received before the submission's answer: no key.
    const all = await Promise.all(received);
    const submitAt = all.findIndex((r) => r.method === 'POST' && r.url.endsWith('/submit'));
    expect(submitAt).toBeGreaterThan(0);
    const beforeSubmit = all.slice(0, submitAt);
    const calls = beforeSubmit.filter((r) => r.kind === 'fetch').map((r) => `${r.method} ${new URL(r.url).pathname.replace(/\/attempts\/[^/]+/, '/attempts/:id')}`);
    expect(calls.slice(0, 2)).toEqual(['POST /v1/learners', `POST /v1/quizzes/${quiz.id}/attempts`]);
    expect(calls.filter((call) => call === 'GET /v1/attempts/:id')).toHaveLength(1);
    expect(new Set(calls.filter((call) => call.startsWith('PUT ')))).toEqual(new Set(Object.keys(responses).map((id) => `PUT /v1/attempts/:id/answers/${id}`)));
    const pieces = secretPieces(quiz);
    for (const response of beforeSubmit) {
      for (const piece of pieces) expect(response.body, `${response.url} holds “${piece}”`).not.toContain(piece);
      if (response.kind === 'fetch') for (const field of KEY_FIELDS) expect(response.body, `${response.url} has "${field}"`).not.toContain(`"${field}"`);
    }
    const scripts = all.filter((r) => r.kind === 'script');
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.map((r) => r.url).filter((url) => /bundled-module|practice/.test(url))).toEqual([]);
    for (const script of scripts) for (const pattern of scriptKeyPatterns(quiz)) expect(script.body, `${script.url} holds ${pattern}`).not.toContain(pattern);

    // After submission the review is the learner's to see, also after a reload.
    await page.reload();
    await page.locator('#result').waitFor();
    expect(await page.locator('#score').textContent()).toContain(`${formatFraction(expected.percent)}%`);
    expect(await page.locator('.review-item').count()).toBe(quiz.questions.length);
  });
});
