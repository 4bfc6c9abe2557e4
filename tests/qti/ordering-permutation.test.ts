// Fixes #13.10: the exported ordering items credit only a complete order.
// A QTI 3 player (@citolab/qti-components 7.27.4) keeps "" in an empty slot, so
// the response still has n values; the custom processing used to read a
// missing item as position 0 and give credit for the rest.
import fc from 'fast-check';
import { scoreQuestion } from 'quizkit';
import { toQtiItem } from 'quizkit/qti';
import { QuestionSchema, RULE_NAMES, type Question } from 'quizkit/schema';
import { describe, expect, it } from 'vitest';
import { authored, orderingInput } from '../helpers/arbitraries.js';
import { evaluateItem, qtiResponse } from './evaluate.js';
import { everyRule } from './fixtures.js';

const ordered = (...values: string[]) => ({ cardinality: 'ordered' as const, values });
const orderingQuestions = (everyRule.questions as readonly Question[]).filter((question) => question.type === 'ordering' && question.items.length === 5);

/** Correct order A, B, C, D, E; every response here has a slot that is not one of the other items. */
const INCOMPLETE = {
  'first slot empty, the rest right': ['', 'B', 'C', 'D', 'E'],
  'last slot empty, the rest right': ['A', 'B', 'C', 'D', ''],
  'a duplicate (A, B, C, D, A)': ['A', 'B', 'C', 'D', 'A'],
  'an unknown item in the last slot': ['A', 'B', 'C', 'D', 'Z'],
  'a missing item (4 values)': ['B', 'C', 'D', 'E'],
  'one item too many': ['A', 'B', 'C', 'D', 'E', 'A'],
};

describe('issue #13.10: QTI export credits incomplete orderings', () => {
  it('covers every ordering rule', () => {
    expect(orderingQuestions.map((question) => question.rule.name)).toEqual([...RULE_NAMES.ordering]);
  });

  describe.each(orderingQuestions.map((question) => [question.rule.name, question] as const))('%s', (_, question) => {
    const exact = toQtiItem(question);
    const templates = toQtiItem(question, { responseProcessing: 'templates' });
    it.each(Object.entries(INCOMPLETE))('scores %s 0, as quizkit does', (_, values) => {
      expect(evaluateItem(exact, ordered(...values))).toBe(0);
      expect(evaluateItem(templates, ordered(...values))).toBe(0);
      expect(scoreQuestion(question, values).fraction).toEqual({ n: 0, d: 1 });
    });
    it('still gives the correct order full credit', () => {
      expect(evaluateItem(exact, ordered('A', 'B', 'C', 'D', 'E'))).toBe(1);
    });
  });
});

describe('exported ordering items (property)', () => {
  /** A random ordering question and a response of 0 to n + 1 values drawn from its items, "" and an unknown id. */
  const questionAndResponse = orderingInput
    .map((input) => QuestionSchema.parse(authored(input)) as Extract<Question, { type: 'ordering' }>)
    .chain((question) => {
      const ids = question.items.map((item) => item.id);
      const anyValues = fc.array(fc.constantFrom(...ids, '', 'zz'), { maxLength: ids.length + 1 });
      const permutation = fc.shuffledSubarray(ids, { minLength: ids.length, maxLength: ids.length });
      return fc.tuple(fc.constant(question), fc.oneof(anyValues, permutation));
    });
  const isPermutation = (question: Extract<Question, { type: 'ordering' }>, values: readonly string[]) =>
    values.length === question.items.length && question.items.every((item) => values.includes(item.id));

  it('scores any response that is not a permutation of the items 0, and any permutation as scoreQuestion does', () => {
    fc.assert(
      fc.property(questionAndResponse, ([question, values]) => {
        const qti = evaluateItem(toQtiItem(question), values.length === 0 ? null : qtiResponse(question, values));
        const engine = scoreQuestion(question, values);
        if (isPermutation(question, values)) {
          expect(Math.abs(qti - engine.fraction.n / engine.fraction.d)).toBeLessThanOrEqual(1e-12);
        } else {
          expect(qti).toBe(0);
          expect(engine.fraction.n).toBe(0);
        }
      }),
      { seed: 1234, numRuns: 1_000 },
    );
    // 1,000 exported items built and evaluated: about 2 s alone, more on a shared machine (issue #18.6).
  }, 30_000);
});
