/**
 * Practice mode: the whole module, key included, is in the browser, and
 * attempts run here with quizkit's attempt functions. Progress is saved with
 * `serializeAttempt` in `localStorage` and resumed with `parseAttempt`, so a
 * reload shows the same attempt in the same (seeded) order.
 *
 * Anyone can read the key in this mode (see docs/delivery.md); use exam mode
 * for grades that count.
 */
import type { DeepReadonly, Module, Quiz } from 'quizkit';
import {
  type Attempt,
  type SubmittedAttempt,
  answer,
  learnerView,
  reviewAttempt,
  safeParseAttempt,
  serializeAttempt,
  startAttempt,
  submitAttempt,
} from 'quizkit/attempts';
import { type Backend, SaveRefused, type Session, type Submitted, storageKey } from './backend.js';
import type { KeyValueStore } from './storage.js';

/** Where the module comes from: a URL of its JSON, or the one bundled with the player. */
export async function loadModule(url: string | undefined): Promise<DeepReadonly<Module>> {
  if (url === undefined || url === '') return (await import('./bundled-module.js')).bundledModule;
  const response = await fetch(url, { headers: { accept: 'application/json' }, cache: 'no-store' });
  if (!response.ok) throw new Error(`Could not load the module from ${url}: HTTP ${response.status}`);
  // The JSON is a module already validated where it was made (quizkit build, quizkit preview):
  // the player ships no schema code.
  return (await response.json()) as DeepReadonly<Module>;
}

const messages: Readonly<Record<string, string>> = {
  quiz_changed: 'The quiz has changed since your saved attempt, so a new attempt has started.',
  wrong_quiz: 'The saved attempt was for another quiz, so a new attempt has started.',
};

/**
 * Creates practice mode for one quiz of a module.
 *
 * @param module - The module, with its key.
 * @param quizId - The quiz to take; the module's first quiz when absent or unknown.
 * @param storage - Where to save progress (`localStorage`, guarded: it never throws).
 * @param now - The clock.
 * @returns The backend.
 */
export function createPracticeBackend(
  module: DeepReadonly<Module>,
  quizId: string | undefined,
  storage: KeyValueStore,
  now: () => number = Date.now,
): Backend {
  const quiz: DeepReadonly<Quiz> = module.quizzes.find((candidate) => candidate.id === quizId) ?? module.quizzes[0]!;
  const key = storageKey('practice', module.id, quiz.id);
  let attempt: Attempt | undefined;

  const save = (next: Attempt) => {
    attempt = next;
    // The store never throws: when it is full or disabled, the player says so and the attempt goes on.
    storage.setItem(key, serializeAttempt(next));
  };
  const submitted = (done: SubmittedAttempt): Submitted => ({ result: done.result, review: reviewAttempt(quiz, done), late: done.late });
  const session = (current: Attempt, notice?: string): Session => ({
    view: learnerView(quiz, current),
    ...(current.status === 'submitted' ? { submitted: submitted(current) } : {}),
    ...(notice !== undefined ? { notice } : {}),
  });
  const current = (): Attempt => {
    if (!attempt) throw new Error('No attempt is open');
    return attempt;
  };

  return {
    mode: 'practice',
    quizId: quiz.id,
    module: {
      title: module.title,
      quizzes: module.quizzes.map((q) => ({ id: q.id, title: q.title })),
      reading: module.reading.map((section) => ({ id: section.id, heading: section.heading, text: section.text })),
      sourceTitle: module.source.title,
    },
    async open() {
      const saved = storage.getItem(key);
      let notice: string | undefined;
      if (saved !== null) {
        const parsed = safeParseAttempt(saved, { quiz });
        if (parsed.success) {
          attempt = parsed.attempt;
          return session(parsed.attempt);
        }
        notice = messages[parsed.error.code] ?? 'Your saved attempt could not be read, so a new attempt has started.';
      }
      save(startAttempt(quiz, { now: now() }));
      return session(current(), notice);
    },
    async answer(questionId, response) {
      let next: Attempt;
      try {
        next = answer(current(), quiz, questionId, response, now());
      } catch (error) {
        // The engine's refusal (time is up, the attempt is submitted) is the same on every retry.
        throw new SaveRefused(error instanceof Error ? error.message : String(error));
      }
      save(next);
    },
    async submit() {
      const done = submitAttempt(current(), quiz, now());
      save(done);
      return submitted(done);
    },
    async restart() {
      save(startAttempt(quiz, { now: now(), attemptNumber: current().attemptNumber + 1 }));
      return session(current());
    },
  };
}

