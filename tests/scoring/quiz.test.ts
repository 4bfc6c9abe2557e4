import { correctResponses, formatFraction, scoreQuiz } from 'quizkit';
import { describe, expect, it } from 'vitest';
import { frac, items, options, quiz } from '../helpers/builders.js';

const section = (id: string) => ({ section: id, quote: 'A quote from the reading.' });

// Points 2 + 1/3 + 3/2 + 1/4 = (24 + 4 + 18 + 3) / 12 = 49/12.
const mixed = quiz({
  passMark: 75,
  questions: [
    { id: 'q1', type: 'single-choice', points: 2, objectives: ['o1'], source: section('s1'), options: options('x..') },
    {
      id: 'q2',
      type: 'multiple-choice',
      points: '1/3',
      rule: { name: 'weighted-credit' },
      objectives: ['o1', 'o2'],
      source: section('s1'),
      options: options('xxx.'),
    },
    {
      id: 'q3',
      type: 'matching',
      points: 1.5,
      objectives: ['o2'],
      source: section('s2'),
      actors: [
        { id: 'kim', name: 'Kim' },
        { id: 'xi', name: 'Xi' },
      ],
      statements: ['s1', 's2', 's3', 's4'].map((id, i) => ({ id, text: `Statement ${i}`, actor: i % 2 ? 'xi' : 'kim' })),
    },
    { id: 'q4', type: 'ordering', points: 0.25, source: section('s2'), items: items('ABC'), correctOrder: ['A', 'B', 'C'] },
  ],
});

// q1 right: 1 × 2 = 2; q2 a, b of 3 at 1/3 each: 2/3 × 1/3 = 2/9; q3 three of four: 3/4 × 3/2 = 9/8; q4 unanswered: 0.
const responses = { q1: 'a', q2: ['a', 'b'], q3: { s1: 'kim', s2: 'xi', s3: 'kim', s4: 'kim' } };

describe('totals', () => {
  const result = scoreQuiz(mixed, responses);

  it('reads points given as integers, decimals and "1/3" exactly', () => {
    expect(mixed.questions.map((q) => q.points)).toEqual([frac(2), frac(1, 3), frac(3, 2), frac(1, 4)]);
    expect(result.possible).toEqual(frac(49, 12));
  });

  it('earns fraction × points per question', () => {
    expect(result.questions.map((q) => [q.questionId, q.status, q.earned])).toEqual([
      ['q1', 'correct', frac(2)],
      ['q2', 'partial', frac(2, 9)],
      ['q3', 'partial', frac(9, 8)],
      ['q4', 'unanswered', frac(0)],
    ]);
  });

  it('totals the exact sum of the questions', () => {
    // 2 + 2/9 + 9/8 = (144 + 16 + 81) / 72 = 241/72
    expect(result.earned).toEqual(frac(241, 72));
  });

  it('computes percent exactly and rounds only for display', () => {
    // (241/72) / (49/12) × 100 = 241 × 12 × 100 / (72 × 49) = 12050/147 ≈ 81.97
    expect(result.percent).toEqual(frac(12050, 147));
    expect(formatFraction(result.percent)).toBe('81.97');
    expect(formatFraction(result.percent, 0)).toBe('82');
  });

  it('decides the pass on the exact percentage', () => {
    expect(result.passMark).toEqual(frac(75));
    expect(result.passed).toBe(true);
  });

  it('returns the quiz id, the questions in quiz order and no issues', () => {
    expect(result.quizId).toBe('quiz');
    expect(result.questions.map((q) => q.questionId)).toEqual(['q1', 'q2', 'q3', 'q4']);
    expect(result.issues).toEqual([]);
  });
});

describe('breakdowns', () => {
  const result = scoreQuiz(mixed, responses);

  it('sums points per learning objective; a question may serve several', () => {
    expect(result.byObjective).toEqual({
      // q1 + q2: earned 2 + 2/9 = 20/9; possible 2 + 1/3 = 7/3
      o1: { earned: frac(20, 9), possible: frac(7, 3), questionIds: ['q1', 'q2'] },
      // q2 + q3: earned 2/9 + 9/8 = (16 + 81)/72 = 97/72; possible 1/3 + 3/2 = 11/6
      o2: { earned: frac(97, 72), possible: frac(11, 6), questionIds: ['q2', 'q3'] },
    });
  });

  it('sums points per reading section; every question counts in exactly one', () => {
    expect(result.bySection).toEqual({
      // q1 + q2
      s1: { earned: frac(20, 9), possible: frac(7, 3), questionIds: ['q1', 'q2'] },
      // q3 + q4: earned 9/8 + 0; possible 3/2 + 1/4 = 7/4
      s2: { earned: frac(9, 8), possible: frac(7, 4), questionIds: ['q3', 'q4'] },
    });
  });

  it('counts a question that lists an objective twice once', () => {
    const twice = quiz({ questions: [{ id: 'q1', type: 'single-choice', objectives: ['o1', 'o1'], options: options('x.') }] });
    expect(scoreQuiz(twice, { q1: 'a' }).byObjective).toEqual({ o1: { earned: frac(1), possible: frac(1), questionIds: ['q1'] } });
  });

  it('leaves out questions with no objectives', () => {
    const none = quiz({ questions: [{ id: 'q1', type: 'single-choice', options: options('x.') }] });
    expect(scoreQuiz(none, { q1: 'a' }).byObjective).toEqual({});
  });
});

describe('unanswered questions', () => {
  it('scores an empty attempt as 0 of the possible points', () => {
    const result = scoreQuiz(mixed, {});
    expect(result.questions.every((q) => q.status === 'unanswered')).toBe(true);
    expect(result.earned).toEqual(frac(0));
    expect(result.possible).toEqual(frac(49, 12));
    expect(result.percent).toEqual(frac(0));
    expect(result.passed).toBe(false);
    expect(result.byObjective.o1).toEqual({ earned: frac(0), possible: frac(7, 3), questionIds: ['q1', 'q2'] });
  });

  it('counts unanswered questions as possible but not earned', () => {
    const result = scoreQuiz(mixed, { q1: 'a' });
    // 2 of 49/12 → 2 × 12/49 × 100 = 2400/49 ≈ 48.98
    expect(result.percent).toEqual(frac(2400, 49));
    expect(formatFraction(result.percent)).toBe('48.98');
  });

  it('scores the answer key at 100%', () => {
    const result = scoreQuiz(mixed, correctResponses(mixed));
    expect(result.earned).toEqual(frac(49, 12));
    expect(result.percent).toEqual(frac(100));
    expect(result.passed).toBe(true);
  });
});

describe('the pass mark', () => {
  // Four 1-point questions: three right is 75%.
  const fourWith = (passMark: number | string) =>
    quiz({ passMark, questions: [1, 2, 3, 4].map((i) => ({ id: `q${i}`, type: 'single-choice', options: options('x.') })) });
  const threeRight = { q1: 'a', q2: 'a', q3: 'a', q4: 'b' };

  it('passes exactly at the pass mark', () => {
    expect(scoreQuiz(fourWith(75), threeRight).passed).toBe(true);
    expect(scoreQuiz(fourWith('75'), threeRight).passed).toBe(true);
    expect(scoreQuiz(fourWith(75.0), threeRight).passed).toBe(true);
  });

  it('fails a hair above it and passes a hair below it', () => {
    expect(scoreQuiz(fourWith(75.000000001), threeRight).passed).toBe(false);
    expect(scoreQuiz(fourWith(74.999999999), threeRight).passed).toBe(true);
  });

  it('defaults to 50', () => {
    const result = scoreQuiz(quiz({ questions: [1, 2].map((i) => ({ id: `q${i}`, type: 'single-choice', options: options('x.') })) }), { q1: 'a' });
    expect(result.passMark).toEqual(frac(50));
    // 1 of 2 = 50% = the default pass mark
    expect(result.passed).toBe(true);
  });

  it('passes everyone at 0 and needs full marks at 100', () => {
    expect(scoreQuiz(fourWith(0), {}).passed).toBe(true);
    expect(scoreQuiz(fourWith(100), threeRight).passed).toBe(false);
    expect(scoreQuiz(fourWith(100), { ...threeRight, q4: 'a' }).passed).toBe(true);
  });

  it('is exact where floats are not: 0.1 + 0.7 points of 1.6 is exactly 50%', () => {
    // As doubles, (0.1 + 0.7) / (0.1 + 0.7 + 0.8) × 100 = 49.99999999999999, short of a 50% pass mark.
    expect(((0.1 + 0.7) / (0.1 + 0.7 + 0.8)) * 100).toBeLessThan(50);
    const result = scoreQuiz(
      quiz({
        passMark: 50,
        questions: [
          { id: 'q1', type: 'single-choice', points: 0.1, options: options('x.') },
          { id: 'q2', type: 'single-choice', points: 0.7, options: options('x.') },
          { id: 'q3', type: 'single-choice', points: 0.8, options: options('x.') },
        ],
      }),
      { q1: 'a', q2: 'a', q3: 'b' },
    );
    // 1/10 + 7/10 = 4/5 of 8/5
    expect(result.earned).toEqual(frac(4, 5));
    expect(result.possible).toEqual(frac(8, 5));
    expect(result.percent).toEqual(frac(50));
    expect(result.passed).toBe(true);
  });

  it('handles thirds exactly: 1/3 + 1/3 + 1/3 points of 1 is 100%', () => {
    const thirds = quiz({
      passMark: 100,
      questions: [1, 2, 3].map((i) => ({ id: `q${i}`, type: 'single-choice', points: '1/3', options: options('x.') })),
    });
    const result = scoreQuiz(thirds, { q1: 'a', q2: 'a', q3: 'a' });
    expect(result.earned).toEqual(frac(1));
    expect(result.percent).toEqual(frac(100));
    expect(result.passed).toBe(true);
  });
});

describe('negative scores', () => {
  const penalised = quiz({
    questions: [
      { id: 'q1', type: 'single-choice', options: options('x..', { c: { credit: -0.5 } }) },
      { id: 'q2', type: 'single-choice', rule: { name: 'correction-for-guessing' }, options: options('x.') },
    ],
  });

  it('carry into the total, as in Moodle', () => {
    // q1 → c: -1/2 × 1; q2 right: 1. Total 1/2 of 2 = 25%.
    const result = scoreQuiz(penalised, { q1: 'c', q2: 'a' });
    expect(result.questions.map((q) => q.earned)).toEqual([frac(-1, 2), frac(1)]);
    expect(result.earned).toEqual(frac(1, 2));
    expect(result.percent).toEqual(frac(25));
    expect(result.passed).toBe(false);
  });

  it('can make the total and the percentage negative', () => {
    // q1 → c: -1/2; q2 → b: -1/(2-1) = -1. Total -3/2 of 2 = -75%.
    const result = scoreQuiz(penalised, { q1: 'c', q2: 'b' });
    expect(result.earned).toEqual(frac(-3, 2));
    expect(result.percent).toEqual(frac(-75));
    expect(formatFraction(result.percent)).toBe('-75');
    expect(result.passed).toBe(false);
  });

  it('also carry into the breakdowns', () => {
    const result = scoreQuiz(penalised, { q1: 'c' });
    expect(result.bySection.intro).toEqual({ earned: frac(-1, 2), possible: frac(2), questionIds: ['q1', 'q2'] });
  });
});
