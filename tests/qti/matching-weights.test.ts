// Found by `npm run fuzz` (export-qti): per-statement weights whose shares are
// exact decimals (0.3, 0.32, 0.3, 0.08) summed to 0.9999999999999999 in a QTI
// player's floats, so the answer key did not earn full credit.
import fc from 'fast-check';
import { correctResponse, scoreQuestion } from 'quizkit';
import { toQtiItem } from 'quizkit/qti';
import { QuestionSchema, type Question } from 'quizkit/schema';
import { describe, expect, it } from 'vitest';
import { evaluateItem, qtiResponse } from './evaluate.js';

const matching = (weights: readonly (number | string)[]): Question =>
  QuestionSchema.parse({
    id: 'q',
    type: 'matching',
    points: 0.1,
    prompt: 'Who said it?',
    explanation: 'The reading says so.',
    source: { section: 's', quote: 'q' },
    rule: { name: 'per-statement' },
    actors: [
      { id: 'a0', name: 'Actor 0' },
      { id: 'a1', name: 'Actor 1' },
    ],
    statements: weights.map((weight, i) => ({ id: `s${i}`, text: `Statement ${i}`, actor: 'a0', weight })),
  });

describe('issue #13: a per-statement matching exported to QTI scores exactly', () => {
  it('gives the answer key exactly 1 with weights 2.5, 8/3, 2.5, 2/3', () => {
    const question = matching([2.5, '16/6', 2.5, '2/3']);
    expect(evaluateItem(toQtiItem(question), qtiResponse(question, correctResponse(question)))).toBe(1);
  });

  it('scores every response as the engine does, to the nearest float (property)', () => {
    const weight = fc.oneof(fc.integer({ min: 1, max: 9 }), fc.constantFrom(0.1, 0.25, 2.5, '1/3', '2/3', '8/3', '5/7'));
    fc.assert(
      fc.property(fc.array(weight, { minLength: 2, maxLength: 6 }), fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }), (weights, right) => {
        const question = matching(weights);
        const response = Object.fromEntries(weights.map((_, i) => [`s${i}`, right[i] ? 'a0' : 'a1']));
        const exact = scoreQuestion(question, response).fraction;
        expect(evaluateItem(toQtiItem(question), qtiResponse(question, response))).toBe(exact.n / exact.d);
      }),
      { seed: 1234, numRuns: 300 },
    );
  });
});

describe('issue #13: a weighted-credit multiple choice exported to QTI gives its key exactly 1', () => {
  it('with credits 3/20, 5/20, 2/20, 4/20, 2/20, 2/20, 2/20 (a float sum of 0.9999999999999999)', () => {
    const question = QuestionSchema.parse({
      id: 'q',
      type: 'multiple-choice',
      points: 0.1,
      prompt: 'Which ones?',
      explanation: 'The reading says so.',
      source: { section: 's', quote: 'q' },
      rule: { name: 'weighted-credit' },
      options: [
        ...['3/20', '5/20', '2/20', '4/20', '2/20', '2/20', '2/20'].map((credit, i) => ({ id: `o${i}`, text: `Option ${i}`, correct: true, credit })),
        { id: 'o7', text: 'Option 7' },
      ],
    });
    expect(evaluateItem(toQtiItem(question), qtiResponse(question, correctResponse(question)))).toBe(1);
    expect(evaluateItem(toQtiItem(question, { responseProcessing: 'templates' }), qtiResponse(question, correctResponse(question)))).toBe(1);
  });
});
