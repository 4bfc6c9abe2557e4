/// <reference lib="dom" />
import { afterEach, expect, it } from 'vitest';
import { correctResponses, formatFraction, scoreQuiz, type QuizResult } from 'quizkit';
import { PLAYER_MESSAGES_EN } from 'quizkit/player';
import { northKoreaChina } from 'quizkit/modules';
import { type PlayerServer, createPlayerServer } from '../../examples/player/serve.js';
import {
  answerAll,
  activeId,
  answerQuestion,
  describeInBrowser,
  formShown,
  itemOrder,
  reviewedStatuses,
  screenshot,
  shownOrder,
  submit,
  POLL,
  useBrowser,
} from './helpers.js';

const [first, second] = northKoreaChina.quizzes;

/** The score line the player shows, computed from the engine's result. */
const expectedScore = (result: QuizResult) =>
  `${formatFraction(result.earned)} / ${formatFraction(result.possible)} ${result.possible.n === result.possible.d ? 'point' : 'points'} · ` +
  `${formatFraction(result.percent)}% · ${result.passed ? 'passed' : 'not passed'} (pass mark ${formatFraction(result.passMark)}%)`;

describeInBrowser('the player in practice mode (Chromium)', () => {
  const browser = useBrowser();
  let server: PlayerServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const serve = async () => {
    server = await createPlayerServer({ files: browser.bundle().files });
    return server.url;
  };

  it('is bundled from the built package (dist/), not from src/', () => {
    const inputs = Object.keys(browser.bundle().metafile.inputs);
    expect(inputs.filter((input) => input.startsWith('src/'))).toEqual([]);
    expect(inputs).toEqual(expect.arrayContaining(['dist/player.js', 'dist/modules.js']));
  });

  it('scores the article module answered fully correctly at 100%, both quizzes', async () => {
    const url = await serve();
    for (const quiz of [first, second]) {
      const { page } = await browser.open(`${url}?quiz=${quiz.id}`);
      await formShown(page);
      await answerAll(page, quiz, correctResponses(quiz) as Record<string, unknown>);
      await expect.poll(() => page.locator('#progress').textContent(), POLL).toBe(`${quiz.questions.length} of ${quiz.questions.length} questions answered`);
      await submit(page);
      expect(await page.locator('#score').textContent()).toBe(expectedScore(scoreQuiz(quiz, correctResponses(quiz))));
      expect(await page.locator('#score').textContent()).toMatch(/· 100% · passed/);
      expect(Object.values(await reviewedStatuses(page))).toEqual(quiz.questions.map(() => 'correct'));
      // The result is announced in the live region, and focus moves to it.
      await expect.poll(() => page.locator('#announcer').textContent(), POLL).toMatch(/^Submitted\. Your score: \d+ of \d+ points, 100%\. Passed\./);
      expect(await activeId(page)).toBe('result-heading');
    }
  });

  it('shows exactly the engine’s partial score for known wrong answers (ordering by drag and drop), and saves a screenshot', async () => {
    const responses: Record<string, unknown> = { ...(correctResponses(first) as Record<string, unknown>) };
    responses['who-met-in-beijing'] = 'kim-and-xi'; // wrong, with correction for guessing: −1/3
    responses['who-is-who'] = { 'north-korean-leader': 'kim', 'chinese-president': 'putin' }; // 1 of 4
    responses['parade-appearance'] = ['kim', 'xi', 'choe']; // one wrong tick
    delete responses['parade-commemorated']; // unanswered
    const chain = [...(responses['order-parade-chain'] as string[])];
    [chain[1], chain[2]] = [chain[2]!, chain[1]!];
    responses['order-parade-chain'] = chain; // two neighbours swapped: a longest ordered run of 3 of 4
    const expected = scoreQuiz(first, responses);

    const { page } = await browser.open(await serve());
    await formShown(page);
    await answerAll(page, first, responses, 'drag');
    await submit(page);

    expect(await page.locator('#score').textContent()).toBe(expectedScore(expected));
    expect(await reviewedStatuses(page)).toEqual(Object.fromEntries(expected.questions.map((q) => [q.questionId, q.status])));
    for (const question of expected.questions) {
      const status = await page.locator(`[id="review-${question.questionId}"] .review-status`).textContent();
      expect(status).toContain(`${formatFraction(question.earned)} / ${formatFraction(question.possible)} point`);
      if (question.statistic) {
        const wrong = question.parts.filter((part) => part.response === true && !part.correct).length;
        expect(status).toContain(PLAYER_MESSAGES_EN.statistic({ ...question.statistic, ...(question.statistic.name === 'right-options-chosen' ? { wrong } : {}) }));
      }
      for (const feedback of question.feedback) await expect.poll(() => page.locator(`[id="review-${question.questionId}"] .feedback`).textContent(), POLL).toContain(feedback);
    }
    expect(new Set(expected.questions.map((q) => q.status))).toEqual(new Set(['correct', 'partial', 'incorrect', 'unanswered']));
    await screenshot(page, 'result.png');
  });

  it('solves an ordering question with the keyboard alone, keeping focus on the moved item', async () => {
    const { page } = await browser.open(await serve());
    await formShown(page);
    const question = first.questions.find((q) => q.id === 'order-parade-chain')!;
    const target = correctResponses(first)[question.id] as readonly string[];
    const button = (id: string) => `[id="order-${question.id}"] > li[data-id="${id}"] .move-up`;
    const focused = () =>
      page.evaluate(() => {
        const active = document.querySelector('quizkit-player')!.shadowRoot!.activeElement;
        return { id: active?.closest('li')?.getAttribute('data-id'), up: active?.classList.contains('move-up') };
      });

    for (const [position, id] of target.entries()) {
      const from = (await itemOrder(page, question.id)).indexOf(id);
      if (from === position) continue;
      // Tab (forwards only: every item still to place is below the last one moved) to the item's Move up button.
      for (let presses = 0; !(await page.locator(button(id)).evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)); presses++) {
        expect(presses, `Tab never reached ${id}`).toBeLessThan(200);
        await page.keyboard.press('Tab');
      }
      for (let at = from; at > position; at--) {
        await page.keyboard.press('Enter');
        expect(await focused()).toEqual({ id, up: true });
        await expect.poll(() => page.locator('#announcer').textContent(), POLL).toContain(`moved to position ${at} of ${target.length}`);
      }
    }
    expect(await itemOrder(page, question.id)).toEqual(target);
    // Focus is visible: the focused button draws an outline.
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('quizkit-player')!.shadowRoot!.activeElement!).outlineStyle)).not.toBe('none');
    await expect.poll(() => page.locator(`[id="state-${question.id}"]`).textContent(), POLL).toBe('Answered');

    // Submit with the keyboard too: the button opens the summary, whose "Submit now" submits.
    for (const target of ['submit', 'submit-now']) {
      for (let presses = 0; (await activeId(page)) !== target; presses++) {
        expect(presses).toBeLessThan(300);
        await page.keyboard.press('Tab');
      }
      await page.keyboard.press('Enter');
    }
    await page.locator('#result').waitFor();
    expect((await reviewedStatuses(page))[question.id]).toBe('correct');
    expect(await page.locator('#score').textContent()).toMatch(/^1 \/ 9 points/);
  });

  it('issue #12: takes an ordering as shown, unmoved, with "Use this order" (the start is never steered away from the key)', async () => {
    const { page } = await browser.open(await serve());
    await formShown(page);
    const question = first.questions.find((q) => q.type === 'ordering')!;
    const shown = await itemOrder(page, question.id);
    expect(await page.locator(`[id="state-${question.id}"]`).textContent()).toBe('Not answered');
    await page.locator(`[id="keep-${question.id}"]`).click();
    await expect.poll(() => page.locator(`[id="state-${question.id}"]`).textContent(), POLL).toBe('Answered');
    const saved = await page.evaluate(() => Object.entries(localStorage).find(([name]) => name.startsWith('quizkit-player:practice:'))?.[1]);
    expect(JSON.parse(saved!).answers[question.id].response).toEqual(shown);
  });

  it('resumes the same attempt in the same order after a reload', async () => {
    const { page } = await browser.open(await serve());
    await formShown(page);
    const orders = async () => Object.fromEntries(await Promise.all(first.questions.map(async (q) => [q.id, await shownOrder(page, q.id)] as const)));
    const before = await orders();
    const key = correctResponses(first) as Record<string, unknown>;
    const given = { 'who-met-in-beijing': key['who-met-in-beijing'], 'who-is-who': { 'chinese-president': 'xi' }, 'order-summit-meeting-anniversary': key['order-summit-meeting-anniversary'] };
    await answerAll(page, first, given);
    const saved = await page.evaluate(() => Object.entries(localStorage).find(([name]) => name.startsWith('quizkit-player:practice:'))?.[1]);
    expect(JSON.parse(saved!)).toMatchObject({ quizId: first.id, status: 'in-progress', answers: { 'who-met-in-beijing': { response: 'foreign-ministers' } } });

    await page.reload();
    await formShown(page);
    const after = await orders();
    // The answered ordering question shows the learner's order; everything else shows the attempt's seeded order.
    expect({ ...after, 'order-summit-meeting-anniversary': before['order-summit-meeting-anniversary'] }).toEqual(before);
    expect(after['order-summit-meeting-anniversary']).toEqual(key['order-summit-meeting-anniversary']);
    expect(await page.locator('[id="who-met-in-beijing--foreign-ministers"]').isChecked()).toBe(true);
    expect(await page.locator('[id="who-is-who--chinese-president"]').inputValue()).toBe('xi');
    await expect.poll(() => page.locator('#progress').textContent(), POLL).toBe('3 of 9 questions answered');
    expect(await page.evaluate(() => Object.entries(localStorage).find(([name]) => name.startsWith('quizkit-player:practice:'))?.[1])).toBe(saved);

    await answerQuestion(page, first.questions.find((q) => q.id === 'outlook-spotlight')!, key['outlook-spotlight']);
    await submit(page);
    const expected = scoreQuiz(first, { ...given, 'outlook-spotlight': key['outlook-spotlight'] } as Record<string, unknown>);
    expect(await page.locator('#score').textContent()).toBe(expectedScore(expected));

    // A submitted attempt reloads as its result; a new attempt gets the next number.
    await page.reload();
    await page.locator('#result').waitFor();
    expect(await page.locator('#score').textContent()).toBe(expectedScore(expected));
    await page.locator('#again').click();
    await formShown(page);
    expect(await page.locator('.meta').textContent()).toContain('attempt 2');
    expect(await activeId(page)).toBe('quiz-title');
  });

  it('labels every control, groups each question in a fieldset with a legend, and names every button', async () => {
    const { page } = await browser.open(await serve());
    await formShown(page);
    const problems = await page.evaluate(() => {
      const found: string[] = [];
      const document = window.document.querySelector('quizkit-player')!.shadowRoot!;
      for (const control of document.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')) {
        if (!control.labels?.length || !control.labels[0]!.textContent?.trim()) found.push(`unlabelled ${control.id}`);
      }
      for (const fieldset of document.querySelectorAll('fieldset')) if (!fieldset.querySelector(':scope > legend')?.textContent?.trim()) found.push('fieldset without legend');
      for (const button of document.querySelectorAll('button')) if (!(button.getAttribute('aria-label') ?? button.textContent)?.trim()) found.push('unnamed button');
      if (document.querySelector('[style]') || window.document.querySelector('[style]')) found.push('inline style');
      return found;
    });
    expect(problems).toEqual([]);
    expect(await page.locator('#announcer').getAttribute('aria-live')).toBe('polite');
    expect(await page.locator('.q-state').count()).toBe(first.questions.length);
  });
});
