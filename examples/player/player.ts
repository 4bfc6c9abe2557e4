/// <reference lib="dom" />
/**
 * The reference player page: `<quizkit-player>` from `quizkit/player`,
 * configured from `data-*` attributes on `<body>`, overridden by the query
 * string (`?mode=exam&quiz=…`). This is also what `quizkit preview` serves.
 *
 * - `mode`: `practice` (default: attempts run in the page, key included) or
 *   `exam` (the exam server holds the key; the page gets learner views only).
 * - `module`: practice mode: the URL of a module's JSON; without it, the
 *   built-in article module.
 * - `quiz`: the quiz id (default: the module's first quiz; required in exam mode).
 * - `api`: exam mode: the exam server's URL (default: this page's origin).
 * - `learner`: exam mode: the learner id (default: a random id kept in `localStorage`).
 * - `locale`: the interface language (`en`, `fr`).
 *
 * See docs/player.md.
 */
import type { ReadonlyModule } from 'quizkit';
import { definePlayer } from 'quizkit/player';

const params = new URLSearchParams(location.search);
const setting = (name: string): string | undefined => {
  const value = params.get(name) ?? document.body.dataset[name];
  return value === null || value === undefined || value === '' ? undefined : value;
};

/** Where the module comes from: a URL of its JSON, or the one bundled with the page (its own chunk, never loaded in exam mode). */
async function loadModule(url: string | undefined): Promise<ReadonlyModule> {
  if (url === undefined) return (await import('./bundled-module.js')).bundledModule;
  const response = await fetch(url, { headers: { accept: 'application/json' }, cache: 'no-store' });
  if (!response.ok) throw new Error(`Could not load the module from ${url}: HTTP ${response.status}`);
  // A module already validated where it was made (quizkit build, quizkit preview): the page ships no schema code.
  return (await response.json()) as ReadonlyModule;
}

async function start(): Promise<void> {
  definePlayer();
  const player = document.createElement('quizkit-player');
  player.id = 'player';
  const locale = setting('locale');
  if (locale !== undefined) {
    player.setAttribute('locale', locale);
    document.documentElement.lang = locale;
  }
  const warnings = setting('timeWarnings');
  if (warnings !== undefined) player.setAttribute('time-warnings', warnings);
  const extra = setting('extraTime');
  if (extra !== undefined) player.setAttribute('extra-time', extra);
  const quiz = setting('quiz');
  if (quiz !== undefined) player.quizId = quiz;
  const main = document.getElementById('main')!;
  try {
    if (setting('mode') === 'exam') {
      if (quiz === undefined) throw new Error('Exam mode needs a quiz id: add ?quiz=… to the address, or data-quiz to <body>.');
      const learner = setting('learner');
      player.exam = { quizId: quiz, api: new URL(setting('api') ?? '/', location.href).href, ...(learner !== undefined ? { learnerId: learner } : {}) };
    } else {
      player.module = await loadModule(setting('module'));
    }
    main.replaceChildren(player);
  } catch (error) {
    const heading = document.createElement('h1');
    heading.textContent = 'The quiz could not be shown';
    const message = document.createElement('p');
    message.className = 'alert';
    message.setAttribute('role', 'alert');
    message.textContent = error instanceof Error ? error.message : String(error);
    main.replaceChildren(heading, message);
  }
}

void start();
