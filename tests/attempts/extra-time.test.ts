import { describe, expect, it } from 'vitest';
import { MAX_EXTRA_TIME_SECONDS, answer, isAttemptError, parseAttempt, serializeAttempt, startAttempt, submitAttempt } from 'quizkit/attempts';
import { T0, quiz } from './fixtures.js';

// The fixture quiz has a 600-second limit. Issue #14: a learner who needs more time gets it, and keeps it after a reload.
describe('extra time for a learner (issue #14)', () => {
  const extra = startAttempt(quiz, { seed: 's', now: T0, extraTimeSeconds: 300 });

  it('moves the deadline by the extra time, and accepts answers until then', () => {
    expect(extra.deadline).toBe(T0 + 900_000);
    expect(extra.extraTimeSeconds).toBe(300);
    expect(answer(extra, quiz, 'q-multi', ['fog'], T0 + 899_000).answers['q-multi']).toBeDefined();
    const refused = (() => {
      try {
        answer(extra, quiz, 'q-multi', ['fog'], T0 + 900_001);
        return undefined;
      } catch (error) {
        return isAttemptError(error) ? error.code : error;
      }
    })();
    expect(refused).toBe('time_expired');
  });

  it('judges lateness from the extended deadline', () => {
    expect(submitAttempt(extra, quiz, T0 + 800_000, { graceSeconds: 0 }).late).toBe(false);
    expect(submitAttempt(extra, quiz, T0 + 900_001, { graceSeconds: 0 }).late).toBe(true);
  });

  it('is saved with the attempt: a reload keeps the deadline, submitted or not', () => {
    const answered = answer(extra, quiz, 'q-multi', ['fog'], T0 + 700_000);
    const text = serializeAttempt(answered);
    expect(JSON.parse(text).extraTimeSeconds).toBe(300);
    expect(parseAttempt(text, { quiz })).toEqual(answered);
    const done = submitAttempt(answered, quiz, T0 + 850_000);
    expect(parseAttempt(serializeAttempt(done), { quiz })).toEqual(done);
  });

  it('leaves attempts without extra time as they were (no field written)', () => {
    const plain = startAttempt(quiz, { seed: 's', now: T0 });
    expect('extraTimeSeconds' in plain).toBe(false);
    expect(JSON.parse(serializeAttempt(plain))).not.toHaveProperty('extraTimeSeconds');
    expect('extraTimeSeconds' in startAttempt(quiz, { seed: 's', now: T0, extraTimeSeconds: 0 })).toBe(false);
  });

  it.each([-1, 1.5, Number.NaN, MAX_EXTRA_TIME_SECONDS + 1])('refuses extra time of %s seconds', (seconds) => {
    expect(() => startAttempt(quiz, { seed: 's', now: T0, extraTimeSeconds: seconds })).toThrow(RangeError);
  });

  it.each([0, -5, 2.5, '300', MAX_EXTRA_TIME_SECONDS + 1])('refuses a saved attempt whose extraTimeSeconds is %j, at that field', (value) => {
    const saved = { ...JSON.parse(serializeAttempt(extra)), extraTimeSeconds: value };
    let caught: unknown;
    try {
      parseAttempt(JSON.stringify(saved), { quiz });
    } catch (error) {
      caught = error;
    }
    expect(isAttemptError(caught) && caught.issues.map((issue) => issue.path.join('.'))).toEqual(['extraTimeSeconds']);
  });
});
