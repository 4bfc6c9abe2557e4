import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type QuizResult, formatFraction, scoreQuiz } from 'quizkit';
import { type SubmittedAttempt, answer, combineGrades, startAttempt, submitAttempt } from 'quizkit/attempts';
import { T0, quiz } from './fixtures.js';

/** A submitted attempt that answered only the single-choice question, with `option`. */
function attemptWith(option: 'nimbostratus' | 'cirrus' | 'cumulus', attemptNumber: number): SubmittedAttempt {
  const started = startAttempt(quiz, { seed: `g${attemptNumber}`, now: T0, attemptNumber });
  return submitAttempt(answer(started, quiz, 'q-single', option, T0 + 1), quiz, T0 + 2);
}

// Out of 7 points: 1 (1/7 = 100/7 %), 1/4 (25/7 %), 0.
const right = attemptWith('nimbostratus', 1).result;
const quarter = attemptWith('cirrus', 2).result;
const wrong = attemptWith('cumulus', 3).result;

describe('combineGrades', () => {
  it('combines exactly by each method', () => {
    const results = [quarter, right, wrong];
    expect(combineGrades(results, 'highest')).toMatchObject({ percent: { n: 100, d: 7 }, counted: [1], attempts: 3 });
    expect(combineGrades(results, 'first')).toMatchObject({ percent: { n: 25, d: 7 }, counted: [0] });
    expect(combineGrades(results, 'last')).toMatchObject({ percent: { n: 0, d: 1 }, counted: [2] });
    // (100/7 + 25/7 + 0) / 3 = 125/21, exactly.
    expect(combineGrades(results, 'average')).toMatchObject({ percent: { n: 125, d: 21 }, counted: [0, 1, 2] });
    expect(formatFraction(combineGrades(results, 'average')!.percent)).toBe('5.95');
  });

  it('decides the pass on the exact combined grade', () => {
    const full = scoreQuiz(quiz, { 'q-single': 'nimbostratus', 'q-multi': ['cumulus', 'nimbostratus'], 'q-order': ['evaporate', 'condense', 'precipitate', 'collect'] });
    // 6/7 = 85.7 % and 1/7 = 14.3 %: highest passes (60 %), average (50 %) does not.
    expect(combineGrades([full, right], 'highest')).toMatchObject({ passed: true, passMark: { n: 60, d: 1 } });
    expect(combineGrades([full, right], 'average')).toMatchObject({ percent: { n: 50, d: 1 }, passed: false });
  });

  it('orders submitted attempts by attempt number', () => {
    const attempts = [attemptWith('cumulus', 3), attemptWith('nimbostratus', 1), attemptWith('cirrus', 2)];
    expect(combineGrades(attempts, 'first')).toMatchObject({ percent: { n: 100, d: 7 }, counted: [1] });
    expect(combineGrades(attempts, 'last')).toMatchObject({ percent: { n: 0, d: 1 }, counted: [0] });
  });

  it('takes the earliest of equal highest grades', () => {
    expect(combineGrades([wrong, right, right], 'highest')!.counted).toEqual([1]);
  });

  it('gives no grade without attempts, and refuses mixed quizzes and unknown methods', () => {
    expect(combineGrades([], 'highest')).toBeUndefined();
    expect(() => combineGrades([right, { ...wrong, quizId: 'other' }], 'average')).toThrow(RangeError);
    expect(() => combineGrades([right], 'median' as never)).toThrow(RangeError);
  });

  it('keeps highest ≥ average ≥ lowest, and average within the range', () => {
    const pool: QuizResult[] = [right, quarter, wrong];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 10 }), (results) => {
        const value = (method: 'highest' | 'average' | 'first' | 'last') => {
          const p = combineGrades(results, method)!.percent;
          return p.n / p.d;
        };
        const lowest = Math.min(...results.map((r) => r.percent.n / r.percent.d));
        expect(value('highest')).toBeGreaterThanOrEqual(value('average'));
        expect(value('average')).toBeGreaterThanOrEqual(lowest - 1e-12);
        expect(value('first')).toBe(results[0]!.percent.n / results[0]!.percent.d);
      }),
    );
  });
});
