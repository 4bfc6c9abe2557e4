import fc from 'fast-check';
import { type Fraction, scoreQuestion } from 'quizkit';
import { MOODLE_FRACTIONS, moodleWeights, snapToMoodleFraction } from 'quizkit/gift';
import { type MultipleChoiceQuestion, QuestionSchema, type SingleChoiceQuestion } from 'quizkit/schema';
import { describe, expect, it } from 'vitest';
import { authored, multipleChoiceInput, responseTo, singleChoiceInput } from '../helpers/arbitraries.js';
import { frac, multipleChoice, options, singleChoice } from '../helpers/builders.js';

const value = (x: Fraction) => x.n / x.d;
const inList = (x: Fraction) => MOODLE_FRACTIONS.some((listed) => listed.n === x.n && listed.d === x.d);
const add = (a: Fraction, b: Fraction) => frac(a.n * b.d + b.n * a.d, a.d * b.d);

describe('MOODLE_FRACTIONS', () => {
  it("is Moodle's fraction_options_full(): the 20 listed grades, 0 and their negatives, as 7-decimal values", () => {
    const decimals = MOODLE_FRACTIONS.map((x) => value(x).toFixed(7));
    expect(decimals.slice(0, 21)).toEqual([
      '1.0000000', '0.9000000', '0.8333333', '0.8000000', '0.7500000', '0.7000000', '0.6666667', '0.6000000', '0.5000000',
      '0.4000000', '0.3333333', '0.3000000', '0.2500000', '0.2000000', '0.1666667', '0.1428571', '0.1250000', '0.1111111',
      '0.1000000', '0.0500000', '0.0000000',
    ]);
    expect(MOODLE_FRACTIONS.slice(21).map((x) => -value(x))).toEqual(MOODLE_FRACTIONS.slice(0, 20).map(value).reverse());
  });
});

describe('snapToMoodleFraction', () => {
  // intended weight → the weight written (percent), and whether a score changes.
  it.each([
    [frac(1), '100', false],
    [frac(1, 3), '33.33333', false],
    [frac(-1, 3), '-33.33333', false],
    [frac(1, 7), '14.28571', false],
    [frac(1, 8), '12.5', false],
    [frac(5, 6), '83.33333', false],
    [frac(37, 100), '40', true],
    [frac(35, 100), '33.33333', true],
    [frac(2, 7), '30', true],
    [frac(1, 11), '10', true],
    [frac(-1, 11), '-10', true],
    [frac(3, 8), '40', true],
    [frac(1, 100), '0', true],
    // Ties go toward zero: less credit, less penalty.
    [frac(95, 100), '90', true],
    [frac(-95, 100), '-90', true],
    [frac(3, 40), '5', true],
    [frac(1, 40), '0', true],
    // An author's 0.3333333 is not 1/3: it moves by 1/30000000.
    [frac(3333333, 10000000), '33.33333', true],
  ])('snaps %o to %s%% (changes a score: %s)', (intended, percent, changes) => {
    const snapped = snapToMoodleFraction(intended);
    expect(((snapped.n / snapped.d) * 100).toFixed(5).replace(/\.?0+$/, '')).toBe(percent);
    expect(snapped.n !== intended.n || snapped.d !== intended.d).toBe(changes);
  });

  it('keeps within the range it is given', () => {
    expect(snapToMoodleFraction(frac(97, 100), { max: frac(9, 10) })).toEqual(frac(9, 10));
    expect(snapToMoodleFraction(frac(1, 100), { min: frac(1, 20) })).toEqual(frac(1, 20));
  });

  it('returns a member of the list, no farther than any other member', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 1, max: 997 }), (n, d) => {
        const x = frac(n, d);
        const snapped = snapToMoodleFraction(x);
        expect(inList(snapped)).toBe(true);
        const distance = Math.abs(value(snapped) - value(x));
        for (const listed of MOODLE_FRACTIONS) expect(distance).toBeLessThanOrEqual(Math.abs(value(listed) - value(x)) + 1e-12);
      }),
    );
  });
});

describe('moodleWeights', () => {
  it('splits the positive weights of a multiple-answer question into listed values adding up to exactly 1', () => {
    const weightsOf = (credits: (string | number)[]) =>
      moodleWeights(
        multipleChoice({ rule: { name: 'weighted-credit' }, options: credits.map((credit, i) => ({ id: `o${i}`, text: `O${i}`, correct: !String(credit).startsWith('-'), credit })) }),
      ).options.map((option) => option.percent);
    expect(weightsOf(['1/2', '3/8', '1/8', -1])).toEqual(['50', '40', '10', '-100']);
    expect(weightsOf(['1/3', '1/3', '1/3', '-1/7'])).toEqual(['33.33333', '33.33333', '33.33333', '-14.28571']);
    expect(weightsOf(Array(20).fill('1/20'))).toEqual(Array(20).fill('5'));
    expect(weightsOf(['0.7', '0.3'])).toEqual(['70', '30']);
    expect(weightsOf(['1/6', '1/6', '2/3'])).toEqual(['16.66667', '16.66667', '66.66667']);
  });

  it('gives the rules Moodle cannot express the closest weights and says why', () => {
    const of = (name: MultipleChoiceQuestion['rule']['name']) => moodleWeights(multipleChoice({ rule: { name }, options: options('xx..') }));
    expect(of('all-or-nothing').options.map((o) => o.percent)).toEqual(['50', '50', '-100', '-100']);
    expect(of('all-or-nothing').approximation).toMatch(/partial credit in Moodle/);
    expect(of('right-minus-wrong').options).toEqual(of('weighted-credit').options);
    expect(of('right-minus-wrong').approximation).toBeUndefined();
    expect(of('every-decision-counts').options.map((o) => o.percent)).toEqual(['50', '50', '-50', '-50']);
    expect(of('every-decision-counts').approximation).toMatch(/cannot credit options left alone/);
    expect(of('correction-for-guessing').approximation).toMatch(/cannot credit options left alone/);
  });

  it('writes single choice as one 100% answer, the others snapped below 100%', () => {
    const question = singleChoice({ options: options('x...', { b: { credit: '97/100' }, c: { credit: '-1/11' } }) });
    const weights = moodleWeights(question);
    expect(weights.single).toBe(true);
    expect(weights.options.map((o) => o.percent)).toEqual(['100', '90', '-10', '0']);
    expect(weights.snapped).toBe(true);
  });

  it('always yields Moodle-valid weights: listed, positive ones adding up to 1 (multiple) or one 100% (single)', () => {
    fc.assert(
      fc.property(fc.oneof(singleChoiceInput, multipleChoiceInput), (input) => {
        const question = QuestionSchema.parse(authored(input)) as SingleChoiceQuestion | MultipleChoiceQuestion;
        const { single, options: weights } = moodleWeights(question);
        for (const { weight } of weights) expect(inList(weight)).toBe(true);
        if (single) {
          expect(weights.filter(({ weight }) => weight.n === weight.d)).toHaveLength(1);
        } else {
          const positive = weights.map(({ weight }) => weight).filter((weight) => weight.n > 0);
          expect(positive.reduce(add, frac(0))).toEqual(frac(1));
        }
      }),
    );
  });

  it("scores in Moodle exactly as quizkit does whenever no weight was snapped and the rule has a Moodle form", () => {
    // Moodle: single answer = the chosen answer's fraction; multiple = clamp(Σ chosen fractions, 0, 1).
    const moodleScore = (question: SingleChoiceQuestion | MultipleChoiceQuestion, response: unknown): Fraction => {
      const { single, options: weights } = moodleWeights(question);
      const chosen = single ? [response] : (response as string[]);
      const total = weights.filter((w) => chosen.includes(w.optionId)).reduce((sum, w) => add(sum, w.weight), frac(0));
      if (single) return total;
      return total.n < 0 ? frac(0) : total.n > total.d ? frac(1) : total;
    };
    let compared = 0;
    fc.assert(
      fc.property(
        fc.oneof(singleChoiceInput, multipleChoiceInput).chain((input) => {
          const question = QuestionSchema.parse(authored(input)) as SingleChoiceQuestion | MultipleChoiceQuestion;
          return fc.tuple(fc.constant(question), responseTo(question));
        }),
        ([question, response]) => {
          const weights = moodleWeights(question);
          const result = scoreQuestion(question, response);
          if (weights.snapped || weights.approximation || result.status === 'unanswered') return;
          compared++;
          expect(moodleScore(question, response)).toEqual(result.fraction);
        },
      ),
      { numRuns: 500 },
    );
    expect(compared).toBeGreaterThan(50);
  });
});
