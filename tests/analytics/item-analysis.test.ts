// Issue #16: item analysis, exact, mergeable, with Moodle's definitions checked by hand.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreQuiz } from 'quizkit';
import { addToItemAnalysis, createItemAnalysis, itemAnalysis, mergeItemAnalysis } from 'quizkit/analytics';
import { parseQuiz } from 'quizkit/schema';

const source = { section: 's', quote: 'q' };
const quiz = parseQuiz({
  id: 'three', title: 'Three',
  questions: ['q1', 'q2', 'q3'].map((id) => ({
    id, type: 'single-choice', prompt: id, explanation: 'e', source,
    options: [{ id: 'r', text: 'Right', correct: true }, { id: 'w', text: 'Wrong' }],
  })),
});
const attempt = (marks: string) => scoreQuiz(quiz, Object.fromEntries([...marks].map((mark, i) => [`q${i + 1}`, mark === '1' ? 'r' : 'w'])));

/** The worked example of docs/analytics.md: five attempts, marks per question. */
const WORKED = ['111', '110', '100', '000', '101'];
const analyse = (patterns: readonly string[]) => {
  const state = createItemAnalysis(quiz);
  for (const pattern of patterns) addToItemAnalysis(state, attempt(pattern));
  return state;
};

describe('issue #16: the worked example, by hand (docs/analytics.md)', () => {
  const report = itemAnalysis(analyse(WORKED));

  it('quiz statistics: Moodle quiz_statistics\\calculator', () => {
    expect([report.attempts, report.mean?.exact, report.median?.exact]).toEqual([5, '8/5', '2']);
    expect(report.sd?.value).toBeCloseTo(Math.sqrt(1.3), 12);
    expect(report.skewness?.value).toBeCloseTo(-0.6 / Math.pow(1.3, 1.5), 12);
    expect(report.kurtosis?.exact).toBe('-30/169');
    expect(report.cronbachAlpha?.exact).toBe('750/13');
    expect(report.errorRatio?.value).toBeCloseTo(100 * Math.sqrt(11 / 26), 12);
    expect(report.standardError?.value).toBeCloseTo(Math.sqrt(11 / 26) * Math.sqrt(1.3), 12);
    expect(report.distribution.map((row) => [row.total.exact, row.attempts])).toEqual([['0', 1], ['1', 1], ['2', 2], ['3', 1]]);
  });

  it('question statistics: Moodle core_question\\statistics\\questions\\calculator', () => {
    const [q1, q2] = report.questions;
    expect([q1?.facility?.exact, q2?.facility?.exact, q1?.intendedWeight.exact]).toEqual(['80', '40', '100/3']);
    expect(q1?.sd?.value).toBeCloseTo(100 * Math.sqrt(0.2), 12);
    expect(q1?.discriminationIndex?.value).toBeCloseTo((100 * 0.2) / Math.sqrt(0.2 * 0.7), 12);
    expect(q1?.discriminativeEfficiency?.exact).toBe('100');
  });

  it('options by the bottom and top thirds', () => {
    const q2 = report.questions[1]!;
    const byId = Object.fromEntries(q2.options.map((option) => [option.optionId, option]));
    expect([byId.r?.chosen, byId.r?.topThird?.exact, byId.r?.bottomThird?.exact, byId.r?.strongerChoose]).toEqual([2, '1', '0', true]);
    expect([byId.w?.chosen, byId.w?.topThird?.exact, byId.w?.bottomThird?.exact, byId.w?.strongerChoose]).toEqual([3, '0', '1', false]);
  });

  it('leaves empty what Moodle leaves empty', () => {
    const one = itemAnalysis(analyse(['111']));
    expect([one.sd, one.skewness, one.cronbachAlpha, one.questions[0]?.discriminationIndex]).toEqual([null, null, null, null]);
    expect(() => addToItemAnalysis(createItemAnalysis(quiz), { ...attempt('111'), quizId: 'other' })).toThrow(RangeError);
  });
});

describe('issue #16: shards merge exactly', () => {
  const patterns = fc.array(fc.stringMatching(/^[01]{3}$/), { minLength: 0, maxLength: 40 });

  it('merging shards equals one pass over all attempts, in any order', () => {
    fc.assert(
      fc.property(patterns, patterns, patterns, (a, b, c) => {
        const whole = itemAnalysis(analyse([...a, ...b, ...c]));
        const left = mergeItemAnalysis(mergeItemAnalysis(analyse(a), analyse(b)), analyse(c));
        const right = mergeItemAnalysis(analyse(c), mergeItemAnalysis(analyse(b), analyse(a)));
        expect(itemAnalysis(left)).toEqual(whole);
        expect(itemAnalysis(right)).toEqual(whole);
      }),
      { seed: 1616, numRuns: 60 },
    );
  });
});
