import { formatFraction, scoreQuestion } from 'quizkit';
import { QuestionSchema, type MultipleChoiceQuestion } from 'quizkit/schema';
import { describe, expect, it } from 'vitest';
import { expectScore, frac, multipleChoice, options, partScores } from '../helpers/builders.js';

type Rule = MultipleChoiceQuestion['rule']['name'];

// n = 5 options; a, b, c correct (k = 3); d, e wrong. Worth 3 points.
const question = (rule: Rule, extra: Parameters<typeof options>[1] = {}) =>
  multipleChoice({ id: 'mc', points: 3, rule: { name: rule }, options: options('xxx..', extra) });

describe('all-or-nothing (the default; QTI match_correct, PrairieLearn without partial credit)', () => {
  const q = question('all-or-nothing');

  it('is the default rule', () => {
    expect(multipleChoice({ options: options('x.') }).rule).toEqual({ name: 'all-or-nothing' });
  });

  it('gives full credit for exactly the correct set, in any order', () => {
    // R = 3 = k, W = 0 → 1; earned 1 × 3 = 3
    expectScore(scoreQuestion(q, ['a', 'b', 'c']), 'correct', frac(1), frac(3));
    expectScore(scoreQuestion(q, ['c', 'a', 'b']), 'correct', frac(1), frac(3));
  });

  it('gives 0 for a subset or a superset', () => {
    // R = 2 < k → 0
    expectScore(scoreQuestion(q, ['a', 'b']), 'incorrect', frac(0), frac(0));
    // W = 1 > 0 → 0
    expectScore(scoreQuestion(q, ['a', 'b', 'c', 'd']), 'incorrect', frac(0), frac(0));
  });

  it('still explains each decision in the parts', () => {
    // Each option is one yes/no decision worth 1: a, b, d, e right; c (not ticked) wrong.
    const result = scoreQuestion(q, ['a', 'b']);
    expect(partScores(result)).toEqual(['a: 1/1 of 1/1', 'b: 1/1 of 1/1', 'c: 0/1 of 1/1', 'd: 1/1 of 1/1', 'e: 1/1 of 1/1']);
    expect(result.parts.map((part) => [part.id, part.response, part.correct])).toEqual([
      ['a', true, true],
      ['b', true, true],
      ['c', false, false],
      ['d', false, true],
      ['e', false, true],
    ]);
  });
});

describe('weighted-credit (Moodle multichoice, multiple answers)', () => {
  const q = question('weighted-credit');

  it('sums three default credits of 1/3 to exactly 1: correct, without Moodle\'s 0.9999999', () => {
    // 1/3 + 1/3 + 1/3 = 1 exactly; earned 1 × 3 = 3
    const result = scoreQuestion(q, ['a', 'b', 'c']);
    expectScore(result, 'correct', frac(1), frac(3));
    expect(partScores(result)).toEqual(['a: 1/3 of 1/3', 'b: 1/3 of 1/3', 'c: 1/3 of 1/3', 'd: 0/1 of 0/1', 'e: 0/1 of 0/1']);
  });

  it('sums explicit "1/3" credits to exactly 1 as well', () => {
    const explicit = question('weighted-credit', { a: { credit: '1/3' }, b: { credit: '1/3' }, c: { credit: '1/3' } });
    expectScore(scoreQuestion(explicit, ['a', 'b', 'c']), 'correct', frac(1), frac(3));
  });

  it('refuses 0.3333333 × 3 at authoring time: the positive credits must add up to exactly 1 (write "1/3")', () => {
    // Moodle accepts 0.9999999 and counts it as right only because it is > 0.999999; quizkit
    // uses no epsilon, so it refuses the credits instead of letting the key score 9999999/10000000.
    const sevenDigits = QuestionSchema.safeParse({
      id: 'mc',
      type: 'multiple-choice',
      prompt: 'Which?',
      explanation: 'Because.',
      source: { section: 's', quote: 'q' },
      rule: { name: 'weighted-credit' },
      options: options('xxx..', { a: { credit: 0.3333333 }, b: { credit: 0.3333333 }, c: { credit: 0.3333333 } }),
    });
    expect(sevenDigits.success).toBe(false);
    expect(sevenDigits.error?.issues.map((issue) => (issue as { params?: unknown }).params)).toContainEqual({ quizkitCode: 'credit_out_of_range' });
  });

  it('gives partial credit for some right options', () => {
    // 1/3 + 1/3 = 2/3; earned 2/3 × 3 = 2
    expectScore(scoreQuestion(q, ['a', 'b']), 'partial', frac(2, 3), frac(2));
  });

  it('subtracts the default -1/k for each wrong option chosen', () => {
    // 1/3 - 1/3 = 0
    expectScore(scoreQuestion(q, ['a', 'd']), 'incorrect', frac(0), frac(0));
    // 3 × 1/3 - 1/3 = 2/3
    expectScore(scoreQuestion(q, ['a', 'b', 'c', 'd']), 'partial', frac(2, 3), frac(2));
  });

  it('clamps the sum at 0: wrong ticks never make the question negative', () => {
    // -1/3 - 1/3 = -2/3 → clamped to 0
    const result = scoreQuestion(q, ['d', 'e']);
    expectScore(result, 'incorrect', frac(0), frac(0));
    // The parts still show the deductions.
    expect(result.parts[3]?.earned).toEqual(frac(-1, 3));
  });

  it('uses the author\'s credits, as Moodle does', () => {
    // a 1/2, b 1/4, c 1/4 (Σ positive = 1); d -1, e 0
    const custom = question('weighted-credit', {
      a: { credit: 0.5 },
      b: { credit: 0.25 },
      c: { credit: '1/4' },
      d: { credit: -1 },
      e: { credit: 0 },
    });
    // a + b = 1/2 + 1/4 = 3/4; earned 3/4 × 3 = 9/4
    expectScore(scoreQuestion(custom, ['a', 'b']), 'partial', frac(3, 4), frac(9, 4));
    // a + e = 1/2 + 0 = 1/2
    expectScore(scoreQuestion(custom, ['a', 'e']), 'partial', frac(1, 2));
    // a + b + c + d = 1 - 1 = 0
    expectScore(scoreQuestion(custom, ['a', 'b', 'c', 'd']), 'incorrect', frac(0));
    expect(partScores(scoreQuestion(custom, ['d']))).toEqual([
      'a: 0/1 of 1/2',
      'b: 0/1 of 1/4',
      'c: 0/1 of 1/4',
      'd: -1/1 of 0/1',
      'e: 0/1 of 0/1',
    ]);
  });
});

describe('right-minus-wrong (H5P multichoice, PrairieLearn "PC")', () => {
  const q = question('right-minus-wrong');

  it('is max(0, R - W) / k', () => {
    // R = 3, W = 0 → 3/3 = 1
    expectScore(scoreQuestion(q, ['a', 'b', 'c']), 'correct', frac(1), frac(3));
    // R = 2, W = 0 → 2/3: leaving a correct option unticked costs nothing extra
    expectScore(scoreQuestion(q, ['a', 'b']), 'partial', frac(2, 3), frac(2));
    // R = 2, W = 1 → 1/3; earned 1/3 × 3 = 1
    expectScore(scoreQuestion(q, ['a', 'b', 'd']), 'partial', frac(1, 3), frac(1));
    // R = 3, W = 2 → 1/3 (ticking everything does not pay)
    expectScore(scoreQuestion(q, ['a', 'b', 'c', 'd', 'e']), 'partial', frac(1, 3), frac(1));
    // R = 1, W = 2 → max(0, -1/3) = 0
    expectScore(scoreQuestion(q, ['a', 'd', 'e']), 'incorrect', frac(0), frac(0));
  });

  it('ignores per-option credits', () => {
    const withCredits = question('right-minus-wrong', { a: { credit: 0.9 }, d: { credit: -0.1 } });
    // Still (1 - 1) / 3 = 0 and (1 - 0) / 3 = 1/3
    expectScore(scoreQuestion(withCredits, ['a', 'd']), 'incorrect', frac(0));
    expectScore(scoreQuestion(withCredits, ['a']), 'partial', frac(1, 3));
  });
});

describe('every-decision-counts (PrairieLearn "EDC": (t + f) / n)', () => {
  const q = question('every-decision-counts');

  it('counts right decisions over all n options', () => {
    // t = 3 ticked right, f = 2 wrong left alone → 5/5
    expectScore(scoreQuestion(q, ['a', 'b', 'c']), 'correct', frac(1), frac(3));
    // t = 2, f = 2 → 4/5; earned 4/5 × 3 = 12/5
    expectScore(scoreQuestion(q, ['a', 'b']), 'partial', frac(4, 5), frac(12, 5));
    // t = 3, f = 0 → 3/5
    expectScore(scoreQuestion(q, ['a', 'b', 'c', 'd', 'e']), 'partial', frac(3, 5), frac(9, 5));
    // t = 0, f = 1 → 1/5
    expectScore(scoreQuestion(q, ['d']), 'partial', frac(1, 5), frac(3, 5));
    // t = 0, f = 0 → 0
    expectScore(scoreQuestion(q, ['d', 'e']), 'incorrect', frac(0), frac(0));
    expect(partScores(scoreQuestion(q, ['a', 'd']))).toEqual(['a: 1/5 of 1/5', 'b: 0/1 of 1/5', 'c: 0/1 of 1/5', 'd: 0/1 of 1/5', 'e: 1/5 of 1/5']);
  });

  it('gives nothing for ticking nothing: an empty selection is unanswered, not 2/5', () => {
    // Left alone, d and e would be 2 right decisions of 5; quizkit does not score an empty answer.
    expectScore(scoreQuestion(q, []), 'unanswered', frac(0), frac(0));
  });
});

describe('correction-for-guessing (each option a true/false item with formula scoring)', () => {
  const q = question('correction-for-guessing');

  it('is max(0, (D - (n - D)) / n) for D right decisions of n', () => {
    // D = 5 → (5 - 0)/5 = 1
    expectScore(scoreQuestion(q, ['a', 'b', 'c']), 'correct', frac(1), frac(3));
    // a, b ticked; d, e left: D = 4 → (4 - 1)/5 = 3/5; earned 9/5
    expectScore(scoreQuestion(q, ['a', 'b']), 'partial', frac(3, 5), frac(9, 5));
    // everything ticked: D = 3 → (3 - 2)/5 = 1/5
    expectScore(scoreQuestion(q, ['a', 'b', 'c', 'd', 'e']), 'partial', frac(1, 5), frac(3, 5));
    // only a: D = 3 (a, d, e) → 1/5
    expectScore(scoreQuestion(q, ['a']), 'partial', frac(1, 5));
    // only d: D = 1 (e) → (1 - 4)/5 → 0
    expectScore(scoreQuestion(q, ['d']), 'incorrect', frac(0), frac(0));
    expect(partScores(scoreQuestion(q, ['a', 'd']))).toEqual(['a: 1/5 of 1/5', 'b: -1/5 of 1/5', 'c: -1/5 of 1/5', 'd: -1/5 of 1/5', 'e: 1/5 of 1/5']);
  });

  it('averages 0 over all 2^n selections before the floor (random ticking earns nothing)', () => {
    // Each decision is right with probability 1/2, so E[D - (n - D)] = 0; check by enumeration.
    const ids = ['a', 'b', 'c', 'd', 'e'];
    let total = 0;
    for (let mask = 1; mask < 2 ** ids.length; mask++) {
      const chosen = ids.filter((_, i) => mask & (1 << i));
      const right = ids.filter((id, i) => Boolean(mask & (1 << i)) === ['a', 'b', 'c'].includes(id)).length;
      total += 2 * right - ids.length;
      const expected = Math.max(0, 2 * right - ids.length);
      expect(scoreQuestion(q, chosen).fraction).toEqual(frac(expected, ids.length));
    }
    // The empty selection (mask 0, D = 2) would add 2 - 3 = -1; with it the sum over all 32 is 0.
    expect(total + (2 * 2 - 5)).toBe(0);
  });
});

describe('every rule', () => {
  const rules: Rule[] = ['all-or-nothing', 'weighted-credit', 'right-minus-wrong', 'every-decision-counts', 'correction-for-guessing'];

  it('reports the right options chosen as the statistic', () => {
    for (const rule of rules) {
      expect(scoreQuestion(question(rule), ['a', 'b', 'd']).statistic).toEqual({
        name: 'right-options-chosen',
        value: 2,
        of: 3,
        text: '2 of 3 correct options chosen, 1 wrong option chosen',
      });
    }
    expect(scoreQuestion(question('all-or-nothing'), ['a']).statistic?.text).toBe('1 of 3 correct options chosen, 0 wrong options chosen');
    const single = multipleChoice({ options: options('x.') });
    expect(scoreQuestion(single, ['a']).statistic?.text).toBe('1 of 1 correct option chosen, 0 wrong options chosen');
  });

  it('does not depend on the order of the chosen ids', () => {
    for (const rule of rules) {
      const q = question(rule);
      expect(scoreQuestion(q, ['e', 'b', 'a'])).toEqual(scoreQuestion(q, ['a', 'b', 'e']));
    }
  });

  it('treats an empty selection, undefined and null as unanswered', () => {
    for (const rule of rules) {
      for (const response of [[], undefined, null]) {
        const result = scoreQuestion(question(rule), response);
        expectScore(result, 'unanswered', frac(0), frac(0));
        expect(result.parts).toEqual([]);
      }
    }
  });

  it('marks a repeated option invalid rather than counting it twice', () => {
    for (const rule of rules) {
      const result = scoreQuestion(question(rule), ['a', 'b', 'a']);
      expectScore(result, 'invalid', frac(0), frac(0));
      expect(result.issues).toEqual([
        { code: 'duplicate_choice', questionId: 'mc', path: ['mc', 2], message: expect.stringContaining('"a"') },
      ]);
    }
  });
});

describe('feedback', () => {
  const q = multipleChoice({
    rule: { name: 'right-minus-wrong' },
    options: options('xx.', { a: { feedback: 'Yes, a.' }, b: { feedback: 'Yes, b.' }, c: { feedback: 'Not c.' } }),
    feedback: { correct: 'All right.', partial: 'Some right.', incorrect: 'None right.' },
  });

  it('gives the outcome feedback, then each chosen option\'s, in option order', () => {
    expect(scoreQuestion(q, ['b', 'a']).feedback).toEqual(['All right.', 'Yes, a.', 'Yes, b.']);
    // R = 1, W = 0 → 1/2
    expect(scoreQuestion(q, ['a']).feedback).toEqual(['Some right.', 'Yes, a.']);
    // R = 1, W = 1 → 0
    expect(scoreQuestion(q, ['c', 'a']).feedback).toEqual(['None right.', 'Yes, a.', 'Not c.']);
  });
});

describe('the example at the top of docs/scoring.md', () => {
  it('scores Kim and Putin of three at 2/3 under right-minus-wrong', () => {
    const question = QuestionSchema.parse({
      id: 'q2',
      type: 'multiple-choice',
      prompt: 'Who appeared at the parade?',
      explanation: 'Kim, Xi and Putin appeared together.',
      source: { section: 'united-front', quote: 'joint appearance of Kim Jong Un, Xi Jinping, and Vladimir Putin' },
      rule: { name: 'right-minus-wrong' },
      options: [
        { id: 'kim', text: 'Kim Jong Un', correct: true },
        { id: 'xi', text: 'Xi Jinping', correct: true },
        { id: 'putin', text: 'Vladimir Putin', correct: true },
        { id: 'biden', text: 'Joe Biden' },
      ],
    });
    const result = scoreQuestion(question, ['kim', 'putin']);
    expect(result.status).toBe('partial');
    expect(result.fraction).toEqual({ n: 2, d: 3 });
    expect(formatFraction(result.fraction)).toBe('0.67');
    expect(result.statistic?.text).toBe('2 of 3 correct options chosen, 0 wrong options chosen');
  });
});
