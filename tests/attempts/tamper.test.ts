// Fixes #12: saved attempts that could be forged, and clocks that could run backwards.
import { describe, expect, it } from 'vitest';
import { formatFraction } from 'quizkit';
import {
  type Attempt,
  MAX_EPOCH_MILLIS,
  answer,
  parseAttempt,
  serializeAttempt,
  startAttempt,
  submitAttempt,
  timeRemaining,
} from 'quizkit/attempts';
import { T0, quiz } from './fixtures.js';
import { asVersion1, asyncCodeOf, codeOf } from './helpers.js';

const DEADLINE = T0 + 600_000;
const DAY = 86_400_000;
const key = new Uint8Array(32).fill(7);

/** One question right of four (1 of 7 points): 14.29 %, under the 60 % pass mark. */
const started = answer(startAttempt(quiz, { seed: 's', now: T0 }), quiz, 'q-single', 'nimbostratus', T0 + 1_000);
const onTime = submitAttempt(started, quiz, T0 + 2_000);
const aDayLate = submitAttempt(started, quiz, DEADLINE + DAY);

/** The saved (version 2) document of an attempt. */
const saved = (attempt: Attempt): Record<string, unknown> => JSON.parse(serializeAttempt(attempt));

/** A saved document, changed, as text. */
const edit = (doc: Record<string, unknown>, change: (doc: any) => void) => {
  const copy = structuredClone(doc);
  change(copy);
  return JSON.stringify(copy);
};

describe('issue #12: parseAttempt recomputes what a saved attempt could forge', () => {
  it.each<[string, (doc: any) => void]>([
    ['result.passed = true at 14 %', (d) => (d.result = { ...onTime.result, passed: true })],
    ['a forged earned', (d) => (d.result = { ...onTime.result, earned: { n: 7, d: 1 } })],
    ['another result.quizId', (d) => (d.result = { ...onTime.result, quizId: 'other' })],
    ['a per-question status', (d) => (d.result = { ...onTime.result, questions: onTime.result.questions.map((q) => ({ ...q, status: 'correct' })) })],
    ['late: false', (d) => (d.late = false)],
    ['an extended deadline', (d) => (d.deadline = DEADLINE + 10 * DAY)],
  ])('version 2 refuses a text that claims %s (derived fields are not part of the format)', (_name, change) => {
    expect(codeOf(() => parseAttempt(edit(saved(aDayLate), change), { quiz }))).toBe('invalid_attempt');
  });

  it.each<[string, (doc: any) => void]>([
    ['result.passed = true at 14 %', (d) => (d.result.passed = true)],
    ['a forged earned', (d) => (d.result.earned = { n: 7, d: 1 })],
    ['another result.quizId', (d) => (d.result.quizId = 'other')],
    ['a per-question status', (d) => (d.result.questions[1].status = 'correct')],
    ['late: false a day late', (d) => (d.late = false)],
    ['a deleted deadline', (d) => delete d.deadline],
    ['an extended deadline', (d) => (d.deadline = DEADLINE + 10 * DAY)],
  ])('a version-1 text that claims %s has no effect: the value is recomputed', (_name, change) => {
    const restored = parseAttempt(edit(asVersion1(aDayLate), change), { quiz });
    expect(restored).toStrictEqual(aDayLate);
    expect(restored.status === 'submitted' && [restored.late, restored.deadline, restored.result.passed, formatFraction(restored.result.percent)]).toEqual([
      true,
      DEADLINE,
      false,
      '14.29',
    ]);
  });

  it('refuses answers timed after the deadline, whatever deadline the text claims', () => {
    const late = (doc: any) => (doc.answers['q-multi'] = { response: ['cumulus', 'nimbostratus'], at: DEADLINE + 1 });
    const inconsistent = (text: string) => codeOf(() => parseAttempt(text, { quiz }));
    expect(inconsistent(edit(saved(started), late))).toBe('inconsistent_attempt');
    expect(inconsistent(edit(saved(aDayLate), late))).toBe('inconsistent_attempt');
    expect(inconsistent(edit(asVersion1(started), (d) => (late(d), (d.deadline = DEADLINE + DAY))))).toBe('inconsistent_attempt');
    expect(inconsistent(edit(asVersion1(started), (d) => (late(d), delete d.deadline)))).toBe('inconsistent_attempt');
    // At the deadline itself an answer still counts, as answer() accepts it.
    expect(inconsistent(edit(saved(started), (d) => (d.answers['q-multi'] = { response: ['fog'], at: DEADLINE })))).toBe('ok');
  });

  it('refuses facts that contradict each other, with the path', () => {
    const cases: [string, string, (string | number)[]][] = [
      ['submittedAt < startedAt', edit(saved(onTime), (d) => (d.submittedAt = T0 - 1)), ['submittedAt']],
      ['submittedAt before the last answer', edit(saved(onTime), (d) => (d.submittedAt = T0 + 999)), ['submittedAt']],
      ['an answer before the start', edit(saved(started), (d) => (d.answers['q-single'].at = T0 - 1)), ['answers', 'q-single', 'at']],
    ];
    for (const [name, text, path] of cases) {
      try {
        parseAttempt(text, { quiz });
        expect.fail(`${name} was accepted`);
      } catch (error) {
        expect((error as { code: string }).code, name).toBe('inconsistent_attempt');
        expect((error as { issues: { path: unknown }[] }).issues[0]!.path, name).toEqual(path);
      }
    }
  });

  it('refuses formatVersion 2.0 and 2e0 (JSON.parse would read them as 2)', () => {
    const text = serializeAttempt(onTime);
    expect(codeOf(() => parseAttempt(text.replace('"formatVersion":2', '"formatVersion":2.0'), { quiz }))).toBe('invalid_attempt');
    expect(codeOf(() => parseAttempt(text.replace('"formatVersion":2', '"formatVersion":2e0'), { quiz }))).toBe('invalid_attempt');
    expect(codeOf(() => parseAttempt(text.replace('"formatVersion":2', '"formatVersion" : 2'), { quiz }))).toBe('ok');
    // The version-1 form of the finding: 1.0.
    expect(codeOf(() => parseAttempt(JSON.stringify(asVersion1(onTime)).replace('"formatVersion":1', '"formatVersion":1.0'), { quiz }))).toBe('invalid_attempt');
    // A duplicate key: JSON.parse keeps the last, and so does the check.
    expect(codeOf(() => parseAttempt(text.replace('{"formatVersion":2', '{"formatVersion":2.0,"formatVersion":2'), { quiz }))).toBe('ok');
    expect(codeOf(() => parseAttempt(text.replace('{"formatVersion":2', '{"formatVersion":2,"formatVersion":2.0'), { quiz }))).toBe('invalid_attempt');
  });

  it('cannot stop an unsealed text from changing its facts: that takes a seal', async () => {
    // A submitted attempt turned back into in-progress, or a larger grace period, are facts a
    // text can state consistently; only the seal (or keeping the text on the server) stops them.
    const reopened = edit(saved(onTime), (d) => (delete d.submittedAt, delete d.graceSeconds, (d.status = 'in-progress')));
    expect(codeOf(() => parseAttempt(reopened, { quiz }))).toBe('ok');
    const sealed = await serializeAttempt(onTime, { key });
    const reopenedSealed = sealed.replace(/,"submittedAt":\d+,"graceSeconds":\d+/, '').replace('"submitted"', '"in-progress"');
    expect(reopenedSealed).not.toBe(sealed);
    expect(await asyncCodeOf(parseAttempt(reopenedSealed, { quiz, key }))).toBe('tampered');
    const forgiving = (await serializeAttempt(aDayLate, { key })).replace('"graceSeconds":30', '"graceSeconds":999999');
    expect(await asyncCodeOf(parseAttempt(forgiving, { quiz, key }))).toBe('tampered');
  });
});

describe('issue #12: time within an attempt is monotonic and in range', () => {
  it('refuses answer and submit with now before the start or the latest answer', () => {
    const fresh = startAttempt(quiz, { seed: 's', now: T0 });
    expect(codeOf(() => answer(fresh, quiz, 'q-single', 'cumulus', T0 - 1))).toBe('clock_went_back');
    expect(codeOf(() => submitAttempt(fresh, quiz, T0 - 1))).toBe('clock_went_back');
    expect(codeOf(() => answer(started, quiz, 'q-multi', ['fog'], T0 + 999))).toBe('clock_went_back');
    expect(codeOf(() => submitAttempt(started, quiz, T0 + 999))).toBe('clock_went_back');
    // The same instant is fine.
    expect(codeOf(() => answer(started, quiz, 'q-multi', ['fog'], T0 + 1_000))).toBe('ok');
    expect(codeOf(() => submitAttempt(started, quiz, T0 + 1_000))).toBe('ok');
  });

  it('refuses clock values past the year 9999 (MAX_EPOCH_MILLIS), such as 2^53 − 1, with a RangeError', () => {
    expect(new Date(MAX_EPOCH_MILLIS).toISOString()).toBe('9999-12-31T23:59:59.999Z');
    expect(() => startAttempt(quiz, { seed: 's', now: 2 ** 53 - 1 })).toThrow(RangeError);
    expect(() => startAttempt(quiz, { seed: 's', now: MAX_EPOCH_MILLIS + 1 })).toThrow(RangeError);
    expect(() => answer(started, quiz, 'q-multi', ['fog'], 2 ** 53 - 1)).toThrow(RangeError);
    expect(() => submitAttempt(started, quiz, 2 ** 53 - 1)).toThrow(RangeError);
    expect(() => timeRemaining(started, 2 ** 53)).toThrow(RangeError);
  });

  it('keeps an attempt started at the last instant re-readable through its whole life', () => {
    let attempt: Attempt = startAttempt(quiz, { seed: 's', now: MAX_EPOCH_MILLIS });
    expect(attempt.deadline).toBe(MAX_EPOCH_MILLIS + 600_000);
    expect(Number.isSafeInteger(attempt.deadline)).toBe(true);
    attempt = answer(attempt, quiz, 'q-single', 'cumulus', MAX_EPOCH_MILLIS);
    expect(parseAttempt(serializeAttempt(attempt), { quiz })).toStrictEqual(attempt);
    const done = submitAttempt(attempt, quiz, MAX_EPOCH_MILLIS);
    expect(parseAttempt(serializeAttempt(done), { quiz })).toStrictEqual(done);
  });
});
