import { scoreQuestion } from 'quizkit';
import { describe, expect, it } from 'vitest';
import { sum } from '../../src/fraction/fraction.js';
import { expectScore, frac, options, partScores, singleChoice } from '../helpers/builders.js';

// Four options, `a` correct, worth 2 points.
const plain = singleChoice({ id: 'sc', points: 2, options: options('x...') });

describe('option-credit (the default; Moodle single-answer multichoice)', () => {
  it('is the default rule', () => {
    expect(plain.rule).toEqual({ name: 'option-credit' });
    expect(scoreQuestion(plain, 'a').rule).toBe('option-credit');
  });

  it('gives full credit for the correct option', () => {
    const result = scoreQuestion(plain, 'a');
    // fraction = credit of a = 1; earned = 1 × 2 points = 2
    expectScore(result, 'correct', frac(1), frac(2));
    expect(result.possible).toEqual(frac(2));
    expect(result.issues).toEqual([]);
    expect(result.questionId).toBe('sc');
    expect(result.type).toBe('single-choice');
  });

  it('gives 0 for a wrong option with no credit set', () => {
    // fraction = credit of c = 0; earned = 0 × 2 = 0
    expectScore(scoreQuestion(plain, 'c'), 'incorrect', frac(0), frac(0));
  });

  it('reports every option as a part: chosen or not, its credit, and whether the decision was right', () => {
    const result = scoreQuestion(plain, 'c');
    expect(result.parts).toEqual([
      { id: 'a', kind: 'option', response: false, correct: false, earned: frac(0), possible: frac(1) },
      { id: 'b', kind: 'option', response: false, correct: true, earned: frac(0), possible: frac(0) },
      { id: 'c', kind: 'option', response: true, correct: false, earned: frac(0), possible: frac(0) },
      { id: 'd', kind: 'option', response: false, correct: true, earned: frac(0), possible: frac(0) },
    ]);
    // Single choice has no raw count behind its score.
    expect(result.statistic).toBeUndefined();
  });

  it('gives the chosen option\'s partial credit', () => {
    const question = singleChoice({ points: 2, options: options('x...', { b: { credit: 0.5 }, c: { credit: '1/3' } }) });
    // b: fraction 1/2, earned 1/2 × 2 = 1
    expectScore(scoreQuestion(question, 'b'), 'partial', frac(1, 2), frac(1));
    // c: fraction exactly 1/3 (not 0.3333333), earned 1/3 × 2 = 2/3
    expectScore(scoreQuestion(question, 'c'), 'partial', frac(1, 3), frac(2, 3));
    expect(partScores(scoreQuestion(question, 'c'))).toEqual(['a: 0/1 of 1/1', 'b: 0/1 of 0/1', 'c: 1/3 of 0/1', 'd: 0/1 of 0/1']);
  });

  it('gives negative credit where the author sets it, as Moodle single-answer does', () => {
    // SCORING-ANCHORS §2: the fraction is the chosen answer's fraction, which may be negative.
    const question = singleChoice({ points: 2, options: options('x...', { c: { credit: -0.5 }, d: { credit: '-1' } }) });
    // c: fraction -1/2, earned -1/2 × 2 = -1
    expectScore(scoreQuestion(question, 'c'), 'incorrect', frac(-1, 2), frac(-1));
    // d: fraction -1, earned -1 × 2 = -2 (−possible is the floor)
    expectScore(scoreQuestion(question, 'd'), 'incorrect', frac(-1), frac(-2));
    expect(scoreQuestion(question, 'c').parts[2]).toMatchObject({ id: 'c', earned: frac(-1, 2), possible: frac(0), correct: false });
  });

  it('scores points given as a decimal or a ratio exactly', () => {
    const decimal = singleChoice({ points: 1.5, options: options('x..', { b: { credit: '1/3' } }) });
    // 1/3 × 3/2 = 1/2
    expectScore(scoreQuestion(decimal, 'b'), 'partial', frac(1, 3), frac(1, 2));
    const ratio = singleChoice({ points: '1/3', options: options('x..', { b: { credit: 0.5 } }) });
    // 1/2 × 1/3 = 1/6
    expectScore(scoreQuestion(ratio, 'b'), 'partial', frac(1, 2), frac(1, 6));
  });
});

describe('correction-for-guessing (formula scoring)', () => {
  const four = singleChoice({ points: 3, rule: { name: 'correction-for-guessing' }, options: options('x...') });

  it('gives 1 for the right option', () => {
    // fraction 1, earned 1 × 3 = 3
    expectScore(scoreQuestion(four, 'a'), 'correct', frac(1), frac(3));
  });

  it('gives -1/(k-1) for a wrong option, with k options', () => {
    // k = 4: fraction -1/3, earned -1/3 × 3 = -1
    expectScore(scoreQuestion(four, 'b'), 'incorrect', frac(-1, 3), frac(-1));
    const two = singleChoice({ rule: { name: 'correction-for-guessing' }, options: options('.x') });
    // k = 2: fraction -1/(2-1) = -1
    expectScore(scoreQuestion(two, 'a'), 'incorrect', frac(-1), frac(-1));
  });

  it('makes blind guessing worth 0 on average', () => {
    // Expected fraction of a uniform guess over k = 4 options: (1 + 3 × (-1/3)) / 4 = 0.
    // Summed exactly: as doubles, 1 - 1/3 - 1/3 - 1/3 is 1.1e-16, not 0.
    expect(sum(['a', 'b', 'c', 'd'].map((id) => scoreQuestion(four, id).fraction))).toEqual(frac(0));
  });

  it('gives 0 when unanswered, not the wrong-answer penalty', () => {
    expectScore(scoreQuestion(four, undefined), 'unanswered', frac(0), frac(0));
  });

  it('ignores per-option credit, which belongs to option-credit', () => {
    const question = singleChoice({ rule: { name: 'correction-for-guessing' }, options: options('x..', { b: { credit: 0.5 } }) });
    // k = 3: b is wrong, so -1/2 whatever its credit
    expectScore(scoreQuestion(question, 'b'), 'incorrect', frac(-1, 2));
  });
});

describe('unanswered and invalid', () => {
  it('treats undefined and null as unanswered: no credit, no parts, no issues', () => {
    for (const response of [undefined, null]) {
      const result = scoreQuestion(plain, response);
      expect(result).toEqual({
        questionId: 'sc',
        type: 'single-choice',
        rule: 'option-credit',
        status: 'unanswered',
        fraction: frac(0),
        earned: frac(0),
        possible: frac(2),
        parts: [],
        feedback: [],
        issues: [],
      });
    }
  });

  it('marks an unknown option id invalid, with a typed issue', () => {
    const result = scoreQuestion(plain, 'zz');
    expectScore(result, 'invalid', frac(0), frac(0));
    expect(result.issues).toEqual([
      { code: 'unknown_choice', questionId: 'sc', path: ['sc'], message: expect.stringContaining('"zz"') },
    ]);
    expect(result.parts).toEqual([]);
  });
});

describe('feedback', () => {
  const question = singleChoice({
    options: options('x..', { a: { feedback: 'Yes, a.' }, b: { feedback: 'Not b.', credit: 0.5 }, c: { feedback: 'Not c.' } }),
    feedback: { correct: 'Well done.', partial: 'Nearly.', incorrect: 'No.' },
  });

  it('gives the outcome feedback first, then the chosen option\'s', () => {
    expect(scoreQuestion(question, 'a').feedback).toEqual(['Well done.', 'Yes, a.']);
    expect(scoreQuestion(question, 'b').feedback).toEqual(['Nearly.', 'Not b.']);
    expect(scoreQuestion(question, 'c').feedback).toEqual(['No.', 'Not c.']);
    expect(scoreQuestion(question, 'c').parts[2]?.feedback).toBe('Not c.');
    expect(scoreQuestion(question, 'c').parts[0]?.feedback).toBeUndefined();
  });

  it('gives no feedback when unanswered or invalid', () => {
    expect(scoreQuestion(question, undefined).feedback).toEqual([]);
    expect(scoreQuestion(question, 42).feedback).toEqual([]);
  });
});
