import type { Page } from 'playwright-core';
import { afterEach, expect, it } from 'vitest';
import { correctResponses, formatFraction, scoreQuiz } from 'quizkit';
import { northKoreaChina } from 'quizkit/modules';
import { createExamClient } from '../../src/player/modes/exam-client.js';
import {
  POLL,
  allowConsoleErrors,
  answerAll,
  answerQuestion,
  describeInBrowser,
  formShown,
  isAnswerSave,
  reviewedStatuses,
  saveState,
  screenshot,
  startExamPlayer,
  submit,
  useBrowser,
} from './helpers.js';

const [quiz] = northKoreaChina.quizzes;
const key = correctResponses(quiz) as Record<string, unknown>;
const question = (id: string) => quiz.questions.find((q) => q.id === id)!;
const NOT_SAVED = 'Not saved — retrying. Check your connection.';
/** What Chromium logs for a request that failed or was refused; the tests cause these on purpose. */
const FAILED_REQUEST = /Failed to load resource/;

/** Answer saves fail at the network level while `down` is true; every attempt to save is counted. */
async function flakyAnswers(page: Page): Promise<{ down: boolean; tried: number; failed: number; submits: number }> {
  const network = { down: true, tried: 0, failed: 0, submits: 0 };
  await page.route(
    (url) => url.pathname.endsWith('/submit'),
    (route) => {
      network.submits += 1;
      return route.continue();
    },
  );
  await page.route(
    () => true,
    (route) => {
      const request = route.request();
      if (!isAnswerSave(request.method(), request.url())) return route.fallback();
      network.tried += 1;
      if (!network.down) return route.continue();
      network.failed += 1;
      return route.abort('failed');
    },
  );
  return network;
}

/** Whether leaving the page now would ask the learner first (`beforeunload` cancelled). */
const leavingAsks = (page: Page) =>
  page.evaluate(() => {
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  });

const fullScore = () => {
  const expected = scoreQuiz(quiz, key);
  return `${formatFraction(expected.earned)} / ${formatFraction(expected.possible)} points · 100% · passed (pass mark 70%)`;
};

describeInBrowser('issue #12.8: the player in exam mode never loses an answer silently (Chromium)', () => {
  const browser = useBrowser();
  let served: Awaited<ReturnType<typeof startExamPlayer>> | undefined;
  afterEach(async () => {
    await served?.close();
    served = undefined;
  });

  it('retries a save that failed on the network by itself, showing "not saved" until it is saved', async () => {
    served = await startExamPlayer(browser.bundle(), { quiz: quiz.id, learner: 'learner-retry' });
    const watched = await browser.open(served.player.url);
    const { page } = watched;
    await formShown(page);
    const network = await flakyAnswers(page);

    const first = question('who-met-in-beijing');
    await answerQuestion(page, first, key[first.id], 'buttons', false);
    await expect.poll(() => saveState(page, first.id), POLL).toBe(NOT_SAVED);
    expect(await page.locator(`[id="retry-${first.id}"]`).isVisible()).toBe(true);
    // Backoff: it tries again on its own (0.5 s, then 1 s later …).
    await expect.poll(() => network.failed, POLL).toBeGreaterThanOrEqual(2);
    expect(await saveState(page, first.id)).toBe(NOT_SAVED);
    network.down = false;
    await expect.poll(() => saveState(page, first.id), { timeout: 20_000 }).toBe('Saved');
    expect(await page.locator(`[id="retry-${first.id}"]`).isVisible()).toBe(false);
    expect(network.tried).toBe(network.failed + 1);

    await answerAll(page, quiz, Object.fromEntries(Object.entries(key).filter(([id]) => id !== first.id)));
    await submit(page);
    expect(await page.locator('#score').textContent()).toBe(fullScore());
    expect((await reviewedStatuses(page))[first.id]).toBe('correct');
    allowConsoleErrors(watched, FAILED_REQUEST);
  });

  it('blocks submission while an answer is not saved, lists it with "Retry now", and the result counts it once saved', async () => {
    served = await startExamPlayer(browser.bundle(), { quiz: quiz.id, learner: 'learner-blocked' });
    const watched = await browser.open(served.player.url);
    const { page } = watched;
    await formShown(page);
    const network = await flakyAnswers(page);
    network.down = false;
    const rest = Object.fromEntries(Object.entries(key).filter(([id]) => id !== 'china-involvement'));
    await answerAll(page, quiz, rest);
    expect(await leavingAsks(page)).toBe(false);

    // The repro: this answer's save fails ("Failed to fetch"), but the UI says it is answered.
    network.down = true;
    const lost = question('china-involvement');
    await answerQuestion(page, lost, key[lost.id], 'buttons', false);
    await expect.poll(() => saveState(page, lost.id), POLL).toBe(NOT_SAVED);
    expect(await leavingAsks(page)).toBe(true);

    await page.locator('#submit').click();
    const block = page.locator('#unsaved-block');
    await expect.poll(() => block.textContent(), POLL).toContain(`Question ${quiz.questions.indexOf(lost) + 1} of ${quiz.questions.length}: ${lost.prompt}`);
    expect(await block.textContent()).toContain("You can't submit yet");
    expect(await page.locator('#result').count()).toBe(0);
    expect(network.submits).toBe(0);
    await screenshot(page, 'unsaved-answer.png');

    // The network is back: "Retry now" saves it at once, and then the submission goes through.
    network.down = false;
    await page.locator('#retry-all').click();
    await expect.poll(() => saveState(page, lost.id), POLL).toBe('Saved');
    expect(await block.textContent()).toBe('All your answers are saved now. You can submit.');
    expect(await leavingAsks(page)).toBe(false);
    await submit(page);
    expect(network.submits).toBe(1);
    expect(await page.locator('#score').textContent()).toBe(fullScore());
    expect((await reviewedStatuses(page))[lost.id]).toBe('correct');
    allowConsoleErrors(watched, FAILED_REQUEST);
  });

  it('shows a final refusal with the server’s message and does not retry it', async () => {
    served = await startExamPlayer(browser.bundle(), { quiz: quiz.id, learner: 'learner-refused' });
    const watched = await browser.open(served.player.url);
    const { page } = watched;
    await formShown(page);
    const network = await flakyAnswers(page);
    network.down = false;
    const first = question('who-met-in-beijing');
    await answerQuestion(page, first, key[first.id]);

    // The attempt gets submitted elsewhere (another tab): the server now refuses answers for good.
    const attemptId = await page.evaluate(() => Object.entries(localStorage).find(([k]) => k.startsWith('quizkit-player:exam:'))?.[1]);
    // The same learner, on another device: the page's learner token, not a new identity.
    const token = await page.evaluate(() => Object.entries(localStorage).find(([k]) => k.startsWith('quizkit:exam-token:'))?.[1]);
    const client = createExamClient(served.exam.url, { token: token!, storage: null });
    await client.submit(attemptId!);
    const refusal = await client.answer(attemptId!, 'parade-commemorated', 'x').then(
      () => undefined,
      (error: unknown) => (error as Error).message,
    );
    expect(refusal).toBeTruthy();

    const second = question('parade-commemorated');
    const tried = network.tried;
    await answerQuestion(page, second, key[second.id], 'buttons', false);
    await expect.poll(() => saveState(page, second.id), POLL).toBe(`Not saved: ${refusal}`);
    await page.waitForTimeout(1500); // three times the first backoff: a retry would have happened
    expect(network.tried).toBe(tried + 1);
    allowConsoleErrors(watched, FAILED_REQUEST);
  });

  it('when time runs out with an answer unsaved, submits anyway and says which answer did not count', async () => {
    const timed = { ...northKoreaChina, quizzes: [{ ...quiz, timeLimitSeconds: 8 }, ...northKoreaChina.quizzes.slice(1)] };
    served = await startExamPlayer(browser.bundle(), { quiz: quiz.id, learner: 'learner-timed' }, timed);
    const watched = await browser.open(served.player.url);
    const { page } = watched;
    await formShown(page);
    const network = await flakyAnswers(page);
    network.down = false;
    const first = question('who-met-in-beijing');
    await answerQuestion(page, first, key[first.id]);
    network.down = true;
    const lost = question('china-involvement');
    await answerQuestion(page, lost, key[lost.id], 'buttons', false);
    await expect.poll(() => saveState(page, lost.id), POLL).toBe(NOT_SAVED);

    await page.locator('#result').waitFor({ timeout: 20_000 }); // the 8-second limit runs from the attempt's start
    expect(await page.locator('#notice').textContent()).toBe(
      `Time ran out before your answer to question ${quiz.questions.indexOf(lost) + 1} could be saved, so it was not counted.`,
    );
    const statuses = await reviewedStatuses(page);
    expect([statuses[first.id], statuses[lost.id]]).toEqual(['correct', 'unanswered']);
    allowConsoleErrors(watched, FAILED_REQUEST);
  });

  it('opens and works with localStorage full, and says that progress cannot be kept', async () => {
    served = await startExamPlayer(browser.bundle(), { quiz: quiz.id, learner: 'learner-full' });
    // The repro: localStorage filled to its quota before the player starts, so `setItem` throws QuotaExceededError.
    const watched = await browser.open(served.player.url, (page) => {
      void page.addInitScript(() => {
        if (localStorage.getItem('filler-0') !== null) return;
        let n = 0;
        for (const size of [1 << 20, 1 << 14, 1 << 10, 64, 1]) {
          const piece = 'x'.repeat(size);
          try {
            for (;;) localStorage.setItem(`filler-${n++}`, piece);
          } catch {
            // full at this size: try smaller pieces
          }
        }
      });
    });
    const { page } = watched;
    await formShown(page);
    const full = await page.evaluate(() => {
      try {
        localStorage.setItem('probe', 'x');
        return false;
      } catch (error) {
        return (error as DOMException).name;
      }
    });
    expect(full).toBe('QuotaExceededError');
    await expect.poll(() => page.locator('#storage-notice').textContent(), POLL).toContain("Your progress can't be kept on this device");
    expect(await page.locator('#storage-notice').isVisible()).toBe(true);
    await answerAll(page, quiz, key);
    await submit(page);
    expect(await page.locator('#score').textContent()).toBe(fullScore());
  });

  it('opens and works with storage disabled (even reading window.localStorage throws)', async () => {
    served = await startExamPlayer(browser.bundle(), { quiz: quiz.id }); // no learner: the player makes one up and would keep it
    const watched = await browser.open(served.player.url, (page) => {
      void page.addInitScript(() => {
        Object.defineProperty(window, 'localStorage', {
          get() {
            throw new DOMException('Access is denied for this document.', 'SecurityError');
          },
        });
      });
    });
    const { page } = watched;
    await formShown(page);
    expect(await page.locator('#storage-notice').isVisible()).toBe(true);
    await answerAll(page, quiz, key);
    await submit(page);
    expect(await page.locator('#score').textContent()).toBe(fullScore());
  });
});
