/// <reference lib="dom" />
// Issue #14: the drop-in player, tried as a learner on a desktop, a phone
// (375×667, touch) and a screen reader's tree. Each finding of the issue is
// a test here; axe-core checks every screen in light and dark.
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterEach, expect, it } from 'vitest';
import { type ReadonlyModule, correctResponses } from 'quizkit';
import { northKoreaChina } from 'quizkit/modules';
import { PLAYER_MESSAGES_FR } from 'quizkit/player';
import { type PlayerServer, createPlayerServer } from '../../examples/player/serve.js';
import { POLL, activeId, answerQuestion, describeInBrowser, formShown, itemOrder, startExamPlayer, submit, useBrowser } from './helpers.js';

const [first] = northKoreaChina.quizzes;
const key = correctResponses(first) as Record<string, unknown>;
const axeSource = createRequire(import.meta.url)('axe-core').source as string;

/** Runs axe-core (WCAG 2.0–2.2 A and AA rules) on the page, inside the player's shadow root too. */
async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the page's CSP (no inline script) does not apply to it.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const { violations } = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`);
  });
}

/** axe-core's violations on the quiz, then the submit summary, then the review, each screen labelled. */
async function violationsOnEveryScreen(page: Page): Promise<string[]> {
  await formShown(page);
  const found = (await axeViolations(page)).map((v) => `quiz: ${v}`);
  await page.locator('#submit').click();
  await page.locator('#confirm-heading').waitFor();
  found.push(...(await axeViolations(page)).map((v) => `summary: ${v}`));
  await page.locator('#submit-now').click();
  await page.locator('#result').waitFor();
  found.push(...(await axeViolations(page)).map((v) => `review: ${v}`));
  return found;
}

/** The article module, changed by `change`, served as the page's module. */
const variant = (change: (module: Record<string, any>) => void): ReadonlyModule => {
  const module = structuredClone(northKoreaChina) as unknown as Record<string, any>;
  change(module);
  return module as unknown as ReadonlyModule;
};

/** The saved practice attempt in this page's localStorage. */
const savedAttempt = (page: Page) =>
  page.evaluate(() => {
    const text = Object.entries(localStorage).find(([name]) => name.startsWith('quizkit-player:practice:'))?.[1];
    return text === undefined ? undefined : (JSON.parse(text) as { status: string; answers: Record<string, { response: unknown }> });
  });

const PHONE = { viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 } as const;

describeInBrowser('issue #14: the drop-in player for learners (Chromium)', () => {
  const browser = useBrowser();
  let server: PlayerServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const serve = async (module?: ReadonlyModule, config: Record<string, string> = {}) => {
    const extra = module ? new Map([['module.json', { contents: Buffer.from(JSON.stringify(module)), type: 'application/json' }]]) : undefined;
    server = await createPlayerServer({ files: browser.bundle().files, config: { ...(module ? { module: 'module.json' } : {}), ...config }, ...(extra ? { extra } : {}) });
    return server.url;
  };

  it('Enter on a radio button or a checkbox never submits; Submit opens a summary of what is unanswered first', async () => {
    const { page } = await browser.open(await serve());
    await formShown(page);
    await page.locator('[id="who-met-in-beijing--foreign-ministers"]').check();
    await page.locator('[id="who-met-in-beijing--foreign-ministers"]').press('Enter');
    const multiple = first.questions.find((q) => q.type === 'multiple-choice')!;
    await page.locator(`[id="${multiple.id}--${multiple.options[0]!.id}"]`).press('Enter');
    await page.locator('select').first().press('Enter');
    expect(await page.locator('#result').count()).toBe(0);
    expect(await page.locator('#confirm').isVisible()).toBe(false);
    expect((await savedAttempt(page))?.status).toBe('in-progress');

    // Submit asks first, listing each unanswered question; "Keep answering" goes back.
    await page.locator('#submit').click();
    await expect.poll(() => activeId(page), POLL).toBe('confirm-heading');
    expect(await page.locator('#confirm').textContent()).toContain(`You have not answered ${first.questions.length - 1} of ${first.questions.length} questions`);
    expect(await page.locator('#confirm .unanswered-list li').count()).toBe(first.questions.length - 1);
    await page.locator('#keep-answering').click();
    expect(await page.locator('#confirm').isVisible()).toBe(false);
    expect(await activeId(page)).toBe('submit');
    // A question in the list takes the learner to it.
    await page.locator('#submit').click();
    await page.locator('#confirm .unanswered-list button').first().click();
    expect(await activeId(page)).toMatch(/^heading-/);
    expect((await savedAttempt(page))?.status).toBe('in-progress');
  });

  it('clears a single choice with "Clear my choice", and says on the question that wrong answers cost points', async () => {
    const { page } = await browser.open(await serve());
    await formShown(page);
    // Only the question with correction for guessing can go below 0.
    expect(await page.locator('.cost').count()).toBe(1);
    expect(await page.locator('[id="question-who-met-in-beijing"] .cost').textContent()).toContain('Wrong answers cost points');
    await page.locator('[id="who-met-in-beijing--kim-and-xi"]').check();
    await expect.poll(async () => (await savedAttempt(page))?.answers['who-met-in-beijing']?.response, POLL).toBe('kim-and-xi');
    await page.locator('#clear-who-met-in-beijing').click();
    await expect.poll(() => page.locator('[id="state-who-met-in-beijing"]').textContent(), POLL).toBe('Not answered');
    await expect.poll(async () => (await savedAttempt(page))?.answers['who-met-in-beijing'], POLL).toBeUndefined();
    expect(await page.locator('[id="question-who-met-in-beijing"] input:checked').count()).toBe(0);
    expect(await page.locator('#clear-who-met-in-beijing').isVisible()).toBe(false);
    await submit(page);
    // Unanswered costs nothing: no "−0.33".
    expect(await page.locator('#score').textContent()).toMatch(/^0 \/ 9 points · 0% /);
  });

  it('on a touch phone: Move up tapped twice at one spot moves the same item twice, and the handle drags by touch', async () => {
    const { page } = await browser.open(await serve(), undefined, PHONE);
    await formShown(page);
    const question = first.questions.find((q) => q.id === 'order-parade-chain')!;
    const order = await itemOrder(page, question.id);
    const last = order.at(-1)!;
    const up = page.locator(`[id="order-${question.id}"] > li[data-id="${last}"] .move-up`);
    await up.scrollIntoViewIfNeeded();
    const box = (await up.boundingBox())!;
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await page.touchscreen.tap(x, y);
    await page.touchscreen.tap(x, y);
    expect((await itemOrder(page, question.id)).indexOf(last)).toBe(order.length - 3);

    // Drag the first item's handle by touch (DevTools touch events become pointer events) below the second item.
    const firstId = (await itemOrder(page, question.id))[0]!;
    const gripLocator = page.locator(`[id="order-${question.id}"] > li[data-id="${firstId}"] .grip`);
    await gripLocator.scrollIntoViewIfNeeded();
    const grip = (await gripLocator.boundingBox())!;
    const end = (await page.locator(`[id="order-${question.id}"] > li:nth-child(2)`).boundingBox())!;
    const cdp = await page.context().newCDPSession(page);
    const point = (py: number) => [{ x: grip.x + grip.width / 2, y: py }];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(grip.y + grip.height / 2) });
    for (let step = 1; step <= 8; step++) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(grip.y + ((end.y + end.height - 2 - grip.y) * step) / 8) });
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await expect.poll(async () => (await itemOrder(page, question.id))[1], POLL).toBe(firstId);
    await expect.poll(() => page.locator(`[id="state-${question.id}"]`).textContent(), POLL).toBe('Answered');
    // The hint no longer promises plain dragging; it names the handle.
    expect(await page.locator(`[id="hint-${question.id}"]`).textContent()).toContain('handle');
  });

  it('moves an ordering item with the keyboard: Space lifts, arrows move, Space drops, Escape cancels — each announced', async () => {
    const { page } = await browser.open(await serve());
    await formShown(page);
    const question = first.questions.find((q) => q.id === 'order-parade-chain')!;
    const order = await itemOrder(page, question.id);
    const grip = page.locator(`[id="order-${question.id}"] > li[data-id="${order[0]}"] .grip`);
    await grip.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('#announcer').textContent(), POLL).toContain('lifted');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect((await itemOrder(page, question.id)).indexOf(order[0]!)).toBe(2);
    await page.keyboard.press('Escape');
    expect(await itemOrder(page, question.id)).toEqual(order);
    await expect.poll(() => page.locator('#announcer').textContent(), POLL).toContain('Move cancelled');
    expect(await page.locator(`[id="state-${question.id}"]`).textContent()).toBe('Not answered');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('#announcer').textContent(), POLL).toContain(`dropped at position 2 of ${order.length}`);
    expect((await itemOrder(page, question.id))[1]).toBe(order[0]);
    await expect.poll(() => page.locator(`[id="state-${question.id}"]`).textContent(), POLL).toBe('Answered');
    expect((await activeId(page)) ?? '').toBe('');
    expect(await page.evaluate(() => document.querySelector('quizkit-player')!.shadowRoot!.activeElement?.classList.contains('grip'))).toBe(true);
  });

  it('has no horizontal scroll at 320 px with 2,000-character words in a prompt, an option and an actor name', async () => {
    const long = 'Unbreakable'.repeat(182).slice(0, 2000);
    const module = variant((m) => {
      const quiz = m.quizzes[0];
      quiz.questions[0].prompt = `${long} ${quiz.questions[0].prompt}`;
      quiz.questions[0].options[0].text = long;
      const matching = quiz.questions.find((q: { type: string }) => q.type === 'matching');
      matching.actors[0].name = long;
      matching.statements[0].text = long;
    });
    const { page } = await browser.open(await serve(module), undefined, { viewport: { width: 320, height: 640 } });
    await formShown(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    // The review, with the long answer in it, fits too.
    await page.locator(`[id="${first.questions[0]!.id}--${first.questions[0]!.type === 'single-choice' ? first.questions[0]!.options[0]!.id : ''}"]`).check();
    await submit(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });

  it('sets lang and dir from the module: Arabic lays out right to left', async () => {
    const module = variant((m) => {
      m.language = 'ar';
      m.quizzes[0].questions[0].prompt = 'من التقى في بكين؟';
    });
    const { page } = await browser.open(await serve(module));
    await formShown(page);
    const player = page.locator('.player');
    expect(await player.getAttribute('lang')).toBe('ar');
    expect(await player.getAttribute('dir')).toBe('rtl');
    expect(await page.locator('.question').first().evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    // The question number sits at the right edge of its card.
    const card = (await page.locator('.question').first().boundingBox())!;
    const number = (await page.locator('.q-number').first().boundingBox())!;
    expect(card.x + card.width - (number.x + number.width)).toBeLessThan(card.width / 3);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('speaks French with locale="fr": every interface text from the French table, statistics included', async () => {
    const { page } = await browser.open(await serve(undefined, { locale: 'fr' }));
    await formShown(page);
    expect(await page.locator('#submit').textContent()).toBe(PLAYER_MESSAGES_FR.submit);
    expect(await page.locator('#progress').textContent()).toBe(PLAYER_MESSAGES_FR.progress(0, first.questions.length));
    expect(await page.locator('.player').getAttribute('lang')).toBe('fr');
    const matching = first.questions.find((q) => q.type === 'matching')!;
    for (const [statement, actor] of Object.entries(key[matching.id] as Record<string, string>)) await page.locator(`[id="${matching.id}--${statement}"]`).selectOption(actor);
    await expect.poll(() => page.locator(`[id="state-${matching.id}"]`).textContent(), POLL).toBe(PLAYER_MESSAGES_FR.answered);
    await page.locator('#submit').click();
    await page.locator('#submit-now').click();
    await page.locator('#result').waitFor();
    expect(await page.locator(`[id="review-${matching.id}"] .review-status`).textContent()).toContain('bien attribuées');
    expect(await page.locator('#result-heading').textContent()).toBe(PLAYER_MESSAGES_FR.resultHeading);
  });

  it('keeps the timer in view on a phone, warns at the configured points, and "Time is up" is not overwritten by "Submitted"', async () => {
    const module = variant((m) => (m.quizzes[0].timeLimitSeconds = 600));
    const { page } = await browser.open(await serve(module, { 'time-warnings': '300 120' }), (p) => void p.clock.install(), PHONE);
    await formShown(page);
    await page.locator('#submit').scrollIntoViewIfNeeded();
    const timer = (await page.locator('#timer').boundingBox())!;
    expect(timer.y).toBeGreaterThanOrEqual(0);
    expect(timer.y + timer.height).toBeLessThanOrEqual(667);
    await page.clock.runFor('05:01');
    await expect.poll(() => page.locator('#time-announcer').textContent(), POLL).toBe('5 minutes left.');
    await page.clock.runFor('03:00');
    await expect.poll(() => page.locator('#time-announcer').textContent(), POLL).toBe('2 minutes left.');
    await page.clock.runFor('02:00');
    await page.locator('#result').waitFor();
    expect(await page.locator('#time-announcer').textContent()).toBe('Time is up: your answers are being submitted.');
    await expect.poll(() => page.locator('#announcer').textContent(), POLL).toMatch(/^Submitted\./);
  });

  it('gives a learner who needs it extra time (extra-time="300"): the timer counts from the longer limit', async () => {
    const module = variant((m) => (m.quizzes[0].timeLimitSeconds = 600));
    const { page } = await browser.open(await serve(module, { 'extra-time': '300' }), (p) => void p.clock.install());
    await formShown(page);
    expect(await page.locator('#timer').textContent()).toBe('Time left: 15:00');
    await page.clock.runFor('10:30');
    // Past the quiz's own limit, the attempt still takes answers. (force: the actionability checks wait on
    // animation frames, which the paused fake clock may hold back; the answer must still be saved.)
    await page.locator(`[id="who-met-in-beijing--foreign-ministers"]`).check({ force: true });
    await expect.poll(() => page.locator('[id="save-who-met-in-beijing"]').textContent(), POLL).toBe('Saved');
    expect(await page.locator('#result').count()).toBe(0);
    expect(await page.locator('#timer').textContent()).toMatch(/^Time left: 4:/);
  });

  it('follows a reading link without losing the learner’s place: focus on the section, and back to the question', async () => {
    const { page } = await browser.open(await serve());
    await formShown(page);
    const question = first.questions[2]!;
    const link = page.locator(`[id="question-${question.id}"] .source-link`);
    await link.click();
    expect(await activeId(page)).toBe(`section-heading-${question.source.section}`);
    await page.locator(`#back-${question.source.section}`).click();
    expect(await page.evaluate(() => document.querySelector('quizkit-player')!.shadowRoot!.activeElement?.classList.contains('source-link'))).toBe(true);
    await page.keyboard.press('Tab');
    // The next Tab goes on from the question's link, not back to question 1.
    expect(await activeId(page)).not.toMatch(/^who-met-in-beijing--/);
  });

  it('two practice tabs: the second tab’s answers are never overwritten silently; the learner chooses', async () => {
    const url = await serve();
    const { page: a } = await browser.open(url);
    await formShown(a);
    const b = await a.context().newPage();
    await b.goto(url);
    await formShown(b);
    await answerQuestion(b, first.questions[0]!, key[first.questions[0]!.id]);
    // Tab A hears of it at once and asks.
    await expect.poll(() => a.locator('#tab-conflict').textContent(), POLL).toContain('open in another tab');
    const bSaved = await savedAttempt(b);
    // An answer in A now is kept in A but not written over B's.
    const other = first.questions.find((q) => q.type === 'multiple-choice')!;
    await a.locator(`[id="${other.id}--${other.options[0]!.id}"]`).check();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await savedAttempt(a)).toEqual(bSaved);
    // Submitting waits for the choice.
    await a.locator('#submit').click();
    expect(await a.locator('#alert').textContent()).toContain('Choose which answers to keep');
    await a.locator('#use-other-tab').click();
    await expect.poll(() => a.locator(`[id="state-${first.questions[0]!.id}"]`).textContent(), POLL).toBe('Answered');
    expect(await a.locator('#tab-conflict').textContent()).toBe('');
    await b.close();
  });

  it('tells the learner when progress cannot be kept (storage disabled) in practice mode, and still works', async () => {
    const { page } = await browser.open(await serve(), (p) => {
      void p.addInitScript(() => {
        Object.defineProperty(window, 'localStorage', {
          get() {
            throw new DOMException('Access is denied for this document.', 'SecurityError');
          },
        });
      });
    });
    await formShown(page);
    await expect.poll(() => page.locator('#storage-notice').textContent(), POLL).toContain("Your progress can't be kept on this device");
    await answerQuestion(page, first.questions[0]!, key[first.questions[0]!.id]);
    await submit(page);
    expect(await page.locator('#score').textContent()).toMatch(/^1 \/ 9 points/);
  });

  it('gives each question a heading with a separated name, and the review marks each wrong part', async () => {
    const { page } = await browser.open(await serve());
    await formShown(page);
    expect(await page.locator('.question h2.q-heading').count()).toBe(first.questions.length);
    const name = await page.locator('.question legend').first().textContent();
    expect(name).toMatch(/^Question 1 of 9\. .+ \(1 point\)$/);
    const multiple = first.questions.find((q) => q.type === 'multiple-choice')!;
    const wrong = multiple.options.find((option) => !option.correct)!;
    await answerQuestion(page, multiple, [wrong.id]);
    await submit(page);
    const review = page.locator(`[id="review-${multiple.id}"] .your-answer`);
    expect(await review.locator('[data-part="wrong"]').textContent()).toContain(wrong.text);
    expect(await review.locator('[data-part="missed"]').count()).toBe(multiple.options.filter((option) => option.correct).length);
  });

  it('on a phone, every question type can be finished by touch alone, through the summary to the review', async () => {
    const { page } = await browser.open(await serve(), undefined, PHONE);
    await formShown(page);
    for (const question of first.questions) {
      const response = key[question.id];
      const at = (suffix: string) => page.locator(`[id="${question.id}--${suffix}"]`);
      if (question.type === 'single-choice') await at(response as string).tap();
      else if (question.type === 'multiple-choice') for (const id of response as string[]) await at(id).tap();
      else if (question.type === 'matching') {
        // A tapped select opens the phone's own picker, which is not part of the page: choose as the picker would.
        for (const [statement, actor] of Object.entries(response as Record<string, string>)) {
          await at(statement).tap();
          await at(statement).selectOption(actor);
        }
      } else {
        const target = response as string[];
        for (const [position, id] of target.entries()) {
          const up = page.locator(`[id="order-${question.id}"] > li[data-id="${id}"] .move-up`);
          for (let from = (await itemOrder(page, question.id)).indexOf(id); from > position; from--) await up.tap();
        }
        if ((await page.locator(`[id="state-${question.id}"]`).textContent()) !== 'Answered') await page.locator(`[id="keep-${question.id}"]`).tap();
      }
      await expect.poll(() => page.locator(`[id="state-${question.id}"]`).textContent(), POLL).toBe('Answered');
    }
    await page.locator('#submit').tap();
    await page.locator('#submit-now').tap();
    await page.locator('#result').waitFor();
    expect(await page.locator('#score').textContent()).toMatch(/^9 \/ 9 points · 100% · passed/);
  });

  it('in forced-colours mode a disabled Move button looks disabled; the review names each question once', async () => {
    const { page } = await browser.open(await serve());
    await page.emulateMedia({ forcedColors: 'active' });
    await formShown(page);
    const list = page.locator('ol.ordering').first();
    const colour = (selector: string) => list.locator(selector).first().evaluate((el) => getComputedStyle(el).color);
    // The first item's Move up is disabled (aria-disabled), the second's is not: they must not look the same.
    expect(await list.locator('li:first-child .move-up').getAttribute('aria-disabled')).toBe('true');
    expect(await colour('li:first-child .move-up')).not.toBe(await colour('li:nth-child(2) .move-up'));
    await submit(page);
    // No aria-labelledby on a reviewed question: a screen reader reads its prompt once, as the heading.
    expect(await page.locator('.review-item[aria-labelledby]').count()).toBe(0);
    expect(await page.locator('.review-item h3').count()).toBe(first.questions.length);
  });

  it('axe-core finds no violation in exam mode either: the quiz, the summary and the review', async () => {
    const served = await startExamPlayer(browser.bundle(), { quiz: first.id, learner: 'learner-axe' });
    try {
      const { page } = await browser.open(served.player.url);
      expect(await violationsOnEveryScreen(page)).toEqual([]);
    } finally {
      await served.close();
    }
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`axe-core finds no WCAG 2.2 AA violation on the quiz, the summary and the review, ${colorScheme}, on a phone`, async () => {
      const { page } = await browser.open(await serve(), undefined, { ...PHONE, colorScheme });
      expect(await violationsOnEveryScreen(page)).toEqual([]);
    });
  }
});

describeInBrowser('issue #15: checking tries in the player (Chromium)', () => {
  const browser = useBrowser();
  let server: PlayerServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('interactive: Check, a hint after a wrong try, Try again, the penalised mark, kept after a reload and in the result', async () => {
    const module = variant((m) => {
      m.quizzes[0].behaviour = { name: 'interactive', tries: 3, hints: [{ text: 'Reread the first sentence.' }] };
    });
    const extra = new Map([['module.json', { contents: Buffer.from(JSON.stringify(module)), type: 'application/json' }]]);
    server = await createPlayerServer({ files: browser.bundle().files, config: { module: 'module.json' }, extra });
    const { page } = await browser.open(server.url);
    await formShown(page);
    const id = 'who-met-in-beijing';
    expect(await page.locator(`#rule-${id}`).textContent()).toContain('You have 3 tries');
    await page.locator(`[id="${id}--kim-and-xi"]`).check();
    await page.locator(`#check-${id}`).click();
    await expect.poll(() => page.locator(`#outcome-${id}`).textContent(), POLL).toContain('Hint: Reread the first sentence.');
    expect(await page.locator(`#outcome-${id}`).textContent()).toContain('2 tries left.');
    await page.locator(`[id="${id}--foreign-ministers"]`).check();
    await page.locator(`#check-${id}`).click();
    // Right on the second try, penalty 1/3: 2/3 of the point; the question is then finished.
    await expect.poll(() => page.locator(`#outcome-${id}`).textContent(), POLL).toContain('Done: 0.67 of 1 point.');
    expect(await page.locator(`[id="${id}--kim-and-xi"]`).isDisabled()).toBe(true);
    await page.reload();
    await formShown(page);
    expect(await page.locator(`[id="${id}--kim-and-xi"]`).isDisabled()).toBe(true);
    await submit(page);
    expect(await page.locator(`[id="review-${id}"] .review-status`).textContent()).toContain('Partly correct 0.67 / 1 point');
    // The tries and the penalty behind the mark: try 1 wrong (−1/3 by correction for guessing), try 2 right less 1/3.
    expect(await page.locator(`[id="review-${id}"] .tries li`).allTextContents()).toEqual(['Try 1: -0.33', 'Try 2: 1 − 0.33 penalty (counted)']);
  });
});
