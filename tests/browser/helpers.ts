/// <reference lib="dom" />
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, type BrowserContextOptions, type Page, chromium } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DeepReadonly, Module, Quiz } from 'quizkit';
import { northKoreaChina } from 'quizkit/modules';
import { createExamServer } from '../../examples/exam-server/server.js';
import { type PlayerBundle, buildPlayer } from '../../examples/player/build.js';
import { type PlayerServer, createPlayerServer } from '../../examples/player/serve.js';

/**
 * Debian's Chromium (`apt-get install -y chromium`); never a browser Playwright
 * downloads. `QUIZKIT_CHROMIUM` points elsewhere (another machine's Chromium).
 */
export const CHROMIUM = process.env.QUIZKIT_CHROMIUM || '/usr/bin/chromium';

/** How long to wait for the page to catch up (an answer saved, a result announced) on a busy machine. */
export const POLL = { timeout: 10_000 } as const;

/** The flags every run uses (DEVELOPERS.md, docs/player.md). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));

/** Browser tests take seconds each on a busy 2-core machine. */
export const BROWSER_TIMEOUT = 60_000;

const missing = existsSync(CHROMIUM)
  ? undefined
  : `Chromium is not installed at ${CHROMIUM} (install it with: apt-get install -y chromium)`;

/**
 * A `describe` for tests that need Chromium. Without Chromium it is skipped
 * with the reason printed, except in CI (`CI` set), where .ci/run installs
 * Chromium: there a missing browser fails instead of passing silently.
 */
export function describeInBrowser(name: string, body: () => void): void {
  if (missing === undefined) {
    describe(name, { timeout: BROWSER_TIMEOUT }, body);
  } else if (process.env.CI) {
    describe(name, () => {
      it('has Chromium to run in', () => {
        throw new Error(`${missing}. In CI (CI is set) this fails instead of skipping: .ci/run must install Chromium.`);
      });
    });
  } else {
    console.warn(`[${name}] ${missing}: the browser tests are skipped.`);
    describe.skip(name, body);
  }
}

/** A page that records console errors, uncaught exceptions and CSP violations. */
export interface WatchedPage {
  readonly page: Page;
  /** Every console error and uncaught exception, in order. */
  readonly errors: string[];
}

/**
 * One Chromium per test file, launched once. Playwright starts it with a
 * fresh, temporary `--user-data-dir` of its own (and refuses one in `args`);
 * each test gets a new context, so no storage is shared between tests.
 */
export function useBrowser(): {
  bundle: () => PlayerBundle;
  open: (url: string, setup?: (page: Page) => void, options?: BrowserContextOptions) => Promise<WatchedPage>;
} {
  let browser: Browser | undefined;
  let bundle: PlayerBundle | undefined;
  const contexts: BrowserContext[] = [];
  const watched: WatchedPage[] = [];

  beforeAll(async () => {
    [browser, bundle] = await Promise.all([chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS }), buildPlayer()]);
  }, BROWSER_TIMEOUT);
  afterEach(async () => {
    // No console errors on any page a test opened (CSP violations are console errors too).
    const errors = watched.splice(0).flatMap((w) => w.errors);
    await Promise.all(contexts.splice(0).map((context) => context.close()));
    expect(errors).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
  });

  return {
    bundle: () => bundle!,
    async open(url, setup, options) {
      const context = await browser!.newContext({ viewport: { width: 1024, height: 800 }, ...options });
      contexts.push(context);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      setup?.(page);
      await page.goto(url);
      const entry = { page, errors };
      watched.push(entry);
      return entry;
    },
  };
}

/** A running exam backend: the server the player in exam mode talks to. */
export interface ExamBackend {
  /** Its URL. */
  readonly url: string;
  /** Stops it. */
  close(): Promise<void>;
}

/**
 * Starts the exam backend for `module`. The one place the browser tests name
 * the exam server, so swapping the server touches only this function.
 */
export async function startExamBackend(module: DeepReadonly<Module> = northKoreaChina): Promise<ExamBackend> {
  const server = await createExamServer(module);
  return { url: server.url, close: () => server.close() };
}

/** The player in exam mode, served against an exam backend; `close` stops both. */
export async function startExamPlayer(bundle: PlayerBundle, config: Readonly<Record<string, string>>, module?: DeepReadonly<Module>): Promise<{ exam: ExamBackend; player: PlayerServer; close(): Promise<void> }> {
  const exam = await startExamBackend(module);
  const player = await createPlayerServer({ files: bundle.files, config: { mode: 'exam', ...config }, examServer: exam.url });
  return { exam, player, close: async () => void (await Promise.all([player.close(), exam.close()])) };
}

/** Whether a request is the player saving one answer (a `PUT` to `…/answers/<question id>`). */
export function isAnswerSave(method: string, url: string): boolean {
  return method === 'PUT' && /\/answers\/[^/]+$/.test(new URL(url).pathname);
}

/**
 * Takes console errors a test caused on purpose (a refused or failed request
 * logs "Failed to load resource") off the page's list, so that `afterEach`
 * still fails on any other.
 */
export function allowConsoleErrors(watched: WatchedPage, pattern: RegExp): void {
  const others = watched.errors.filter((error) => !pattern.test(error));
  watched.errors.splice(0, watched.errors.length, ...others);
}

/** Waits until the quiz (its questions and submit button) is shown. */
export async function formShown(page: Page): Promise<void> {
  await page.locator('#quiz').waitFor();
}

/** The id of the focused element, inside the player's shadow root where focus is there. */
export async function activeId(page: Page): Promise<string | undefined> {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.id;
  });
}

/** The ids of a question's options, items or statements and actors, in the order shown. */
export async function shownOrder(page: Page, questionId: string): Promise<string[]> {
  return page.locator(`[id="question-${questionId}"]`).evaluate((li) => {
    const ids = (selector: string, attribute: string) => [...li.querySelectorAll(selector)].map((e) => e.getAttribute(attribute) ?? '');
    const type = li.getAttribute('data-type');
    if (type === 'ordering') return ids('li.order-item', 'data-id');
    if (type === 'matching') return [...ids('select', 'data-statement'), '|', ...ids('select:first-of-type option', 'value')];
    return ids('input', 'value');
  });
}

/** The order of an ordering question's items as shown. */
export async function itemOrder(page: Page, questionId: string): Promise<string[]> {
  return page.locator(`[id="order-${questionId}"] > li`).evaluateAll((items) => items.map((li) => li.getAttribute('data-id') ?? ''));
}

/** Puts an ordering question in `target` order with its Move up buttons (keyboard: Enter on each). */
export async function orderWithButtons(page: Page, questionId: string, target: readonly string[]): Promise<number> {
  let moves = 0;
  for (const [position, id] of target.entries()) {
    const from = (await itemOrder(page, questionId)).indexOf(id);
    const up = page.locator(`[id="order-${questionId}"] > li[data-id="${id}"] .move-up`);
    for (let i = from; i > position; i--, moves++) await up.press('Enter');
  }
  expect(await itemOrder(page, questionId)).toEqual(target);
  return moves;
}

/** Puts an ordering question in `target` order by dragging each item's handle (pointer events) above the one in its place. */
export async function orderWithDrag(page: Page, questionId: string, target: readonly string[]): Promise<number> {
  let moves = 0;
  for (const [position, id] of target.entries()) {
    const current = await itemOrder(page, questionId);
    if (current[position] === id) continue;
    const list = page.locator(`[id="order-${questionId}"]`);
    await list.locator(`li[data-id="${id}"] .grip`).dragTo(list.locator(`li[data-id="${current[position]}"]`), { targetPosition: { x: 40, y: 4 } });
    moves++;
  }
  expect(await itemOrder(page, questionId)).toEqual(target);
  return moves;
}

/**
 * Answers one question through the interface; ordering with the Move up
 * buttons or by dragging. Then waits until the answer is saved, unless
 * `waitUntilSaved` is false.
 */
export async function answerQuestion(
  page: Page,
  question: DeepReadonly<Quiz>['questions'][number],
  response: unknown,
  ordering: 'buttons' | 'drag' = 'buttons',
  waitUntilSaved = true,
): Promise<void> {
  const at = (suffix: string) => page.locator(`[id="${question.id}--${suffix}"]`);
  switch (question.type) {
    case 'single-choice':
      await at(response as string).check();
      break;
    case 'multiple-choice':
      for (const option of question.options) await at(option.id).setChecked((response as string[]).includes(option.id));
      break;
    case 'ordering': {
      const moved =
        ordering === 'drag' ? await orderWithDrag(page, question.id, response as string[]) : await orderWithButtons(page, question.id, response as string[]);
      // Shown in the wanted order already: nothing to move, so say that this order is the answer.
      if (moved === 0) await page.locator(`[id="keep-${question.id}"]`).click();
      break;
    }
    case 'matching':
      for (const [statement, actor] of Object.entries(response as Record<string, string | null>)) {
        await at(statement).selectOption(actor === null ? { label: 'None of these' } : actor);
      }
      break;
  }
  await expect.poll(() => page.locator(`[id="state-${question.id}"]`).textContent(), POLL).toBe('Answered');
  if (waitUntilSaved) await expect.poll(() => saveState(page, question.id), POLL).toBe('Saved');
}

/** What a question says about saving its answer: "Saving…", "Saved", "Not saved — …". */
export async function saveState(page: Page, questionId: string): Promise<string | null> {
  return page.locator(`[id="save-${questionId}"]`).textContent();
}

/** Answers the questions that have a response, in quiz order. */
export async function answerAll(page: Page, quiz: DeepReadonly<Quiz>, responses: Readonly<Record<string, unknown>>, ordering: 'buttons' | 'drag' = 'buttons'): Promise<void> {
  for (const question of quiz.questions) {
    if (Object.hasOwn(responses, question.id)) await answerQuestion(page, question, responses[question.id], ordering);
  }
}

/** Submits (the button, then "Submit now" in the summary) and waits for the result. */
export async function submit(page: Page): Promise<void> {
  await page.locator('#submit').click();
  await page.locator('#submit-now').click();
  await page.locator('#result').waitFor();
}

/** Each reviewed question's status, by question id. */
export async function reviewedStatuses(page: Page): Promise<Record<string, string>> {
  const entries = await page.locator('.review-item').evaluateAll((items) => items.map((li) => [li.id.replace(/^review-/, ''), li.getAttribute('data-status') ?? '']));
  return Object.fromEntries(entries);
}

/** Saves a full-page screenshot under tests/browser/artifacts/. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, name);
  await page.screenshot({ path, fullPage: true });
  return path;
}
