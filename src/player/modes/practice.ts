/**
 * Practice mode: the whole module, key included, is in the browser, and
 * attempts run here with quizkit's attempt functions. Progress is saved with
 * `serializeAttempt` in `localStorage` and resumed with `parseAttempt`, so a
 * reload shows the same attempt in the same (seeded) order.
 *
 * Anyone can read the key in this mode (see docs/delivery.md); use exam mode
 * for grades that count.
 */
/// <reference lib="dom" />
import type { ReadonlyModule, ReadonlyQuiz } from '../../index.js';
import {
  type Attempt,
  type SubmittedAttempt,
  answer,
  checkAnswer,
  learnerView,
  reviewAttempt,
  safeParseAttempt,
  serializeAttempt,
  startAttempt,
  submitAttempt,
} from '../../attempts/index.js';
import { type Backend, SaveRefused, type Session, type SessionNotice, type Submitted, storageKey } from './backend.js';
import type { KeyValueStore } from '../storage/guarded.js';

/**
 * Creates practice mode for one quiz of a module. Progress is saved under one
 * key per module and quiz; another tab saving the same key is noticed (the
 * `storage` event, and a check before every save), and this tab then saves
 * nothing until the learner chooses whose answers to keep.
 *
 * @param module - The module, with its key.
 * @param quizId - The quiz to take; the module's first quiz when absent or unknown.
 * @param storage - Where to save progress (`localStorage`, guarded: it never throws).
 * @param now - The clock.
 * @param extraTimeSeconds - Extra time for this learner, added to the quiz's time limit in every attempt started here.
 * @returns The backend.
 */
export function createPracticeBackend(
  module: ReadonlyModule,
  quizId: string | undefined,
  storage: KeyValueStore,
  now: () => number = Date.now,
  extraTimeSeconds?: number,
): Backend {
  const quiz: ReadonlyQuiz = module.quizzes.find((candidate) => candidate.id === quizId) ?? module.quizzes[0]!;
  const key = storageKey('practice', module.id, quiz.id);
  let attempt: Attempt | undefined;
  /** The text this tab last read or wrote under `key`: anything else there was written by another tab. */
  let ours: string | null = null;
  /** Another tab changed the attempt, and the learner has not yet chosen whose answers to keep. */
  let conflicted = false;
  let onOtherTab: (() => void) | undefined;

  const otherTabWrote = () => {
    if (conflicted) return;
    conflicted = true;
    onOtherTab?.();
  };
  const write = (next: Attempt) => {
    attempt = next;
    ours = serializeAttempt(next);
    // The store never throws: when it is full or disabled, the player says so and the attempt goes on.
    storage.setItem(key, ours);
  };
  const save = (next: Attempt) => {
    const stored = storage.getItem(key);
    if (stored !== null && stored !== ours) otherTabWrote();
    // Nothing is written over another tab's attempt: the learner chooses first (settleTabs).
    if (conflicted) throw new Error('Another tab changed this attempt: choose which answers to keep.');
    write(next);
  };
  const submitted = (done: SubmittedAttempt): Submitted => ({ result: done.result, review: reviewAttempt(quiz, done), late: done.late });
  const session = (current: Attempt, notice?: SessionNotice): Session => ({
    view: learnerView(quiz, current),
    ...(current.status === 'submitted' ? { submitted: submitted(current) } : {}),
    ...(notice !== undefined ? { notice } : {}),
  });
  const current = (): Attempt => {
    if (!attempt) throw new Error('No attempt is open');
    return attempt;
  };
  const load = (): Session => {
    const saved = storage.getItem(key);
    let notice: SessionNotice | undefined;
    if (saved !== null) {
      const parsed = safeParseAttempt(saved, { quiz });
      if (parsed.success) {
        attempt = parsed.attempt;
        ours = saved;
        return session(parsed.attempt);
      }
      const code = parsed.error.code;
      notice = code === 'quiz_changed' || code === 'wrong_quiz' ? code : 'unreadable';
    }
    write(startAttempt(quiz, { now: now(), ...(extraTimeSeconds ? { extraTimeSeconds } : {}) }));
    return session(current(), notice);
  };

  return {
    mode: 'practice',
    quizId: quiz.id,
    module: {
      title: module.title,
      quizzes: module.quizzes.map((q) => ({ id: q.id, title: q.title })),
      reading: module.reading.map((section) => ({ id: section.id, heading: section.heading, text: section.text })),
      sourceTitle: module.source.title,
      ...(module.language !== undefined ? { language: module.language } : {}),
      ...(module.direction !== undefined ? { direction: module.direction } : {}),
    },
    async open() {
      return load();
    },
    async answer(questionId, response) {
      let next: Attempt;
      try {
        next = answer(current(), quiz, questionId, response, now());
      } catch (error) {
        // The engine's refusal (time is up, the attempt is submitted) is the same on every retry.
        throw new SaveRefused(error instanceof Error ? error.message : String(error));
      }
      // Refused while another tab's change is unsettled: the save queue keeps the answer and tries again.
      save(next);
    },
    async check(questionId, response, certainty) {
      let checked: ReturnType<typeof checkAnswer>;
      try {
        checked = checkAnswer(current(), quiz, questionId, response, now(), certainty === undefined ? {} : { certainty });
      } catch (error) {
        throw new SaveRefused(error instanceof Error ? error.message : String(error));
      }
      save(checked.attempt);
      return checked.outcome;
    },
    async submit() {
      const done = submitAttempt(current(), quiz, now());
      save(done);
      return submitted(done);
    },
    async restart() {
      save(startAttempt(quiz, { now: now(), attemptNumber: current().attemptNumber + 1, ...(extraTimeSeconds ? { extraTimeSeconds } : {}) }));
      return session(current());
    },
    watchOtherTabs(onChange) {
      onOtherTab = onChange;
      const listener = (event: StorageEvent) => {
        // `storage` fires in every other tab of the origin when one tab writes.
        if (event.key === key && event.newValue !== null && event.newValue !== ours) otherTabWrote();
      };
      globalThis.addEventListener?.('storage', listener);
      return () => {
        onOtherTab = undefined;
        globalThis.removeEventListener?.('storage', listener);
      };
    },
    async settleTabs(keep) {
      conflicted = false;
      if (keep === 'other') return load();
      write(current());
      return session(current());
    },
  };
}
