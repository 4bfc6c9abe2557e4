import * as z from 'zod';
import { sumBig } from '../../fraction/big.js';
import { fraction } from '../../fraction/fraction.js';
import { questionBase, ruleOf } from '../../schema/common.js';
import { issueParams } from '../../schema/codes.js';
import { choiceOptions } from '../choice-options.js';

/**
 * Scoring rules a multiple-choice (multiple-answer) question accepts,
 * selected by `name` (default `all-or-nothing`). See `docs/scoring.md` for
 * each formula.
 *
 * @example
 * ```ts
 * import { MultipleChoiceRuleSchema } from 'quizkit/schema';
 * MultipleChoiceRuleSchema.options.map((rule) => rule.shape.name.value);
 * //=> ['all-or-nothing', 'weighted-credit', 'right-minus-wrong', 'every-decision-counts', 'correction-for-guessing']
 * ```
 */
export const MultipleChoiceRuleSchema = z.discriminatedUnion('name', [
  ruleOf('all-or-nothing', 'Full credit only for exactly the set of correct options (QTI match_correct).'),
  ruleOf(
    'weighted-credit',
    'Sum of the chosen options\' credits, clamped to [0, 1] (Moodle multichoice). Defaults: a correct option 1/k, a wrong one -1/k, for k correct options.',
  ),
  ruleOf('right-minus-wrong', '(right chosen - wrong chosen) / k, floored at 0, for k correct options (H5P multichoice).'),
  ruleOf(
    'every-decision-counts',
    'Each option is a yes/no decision: right decisions / options (PrairieLearn EDC: correct options chosen plus wrong options left alone).',
  ),
  ruleOf(
    'correction-for-guessing',
    'Each option is a true/false item with formula scoring: (right decisions - wrong decisions) / options, floored at 0, so random ticking averages about 0.',
  ),
]);

/**
 * A question where the learner chooses every option that applies.
 *
 * @example
 * ```ts
 * import { MultipleChoiceQuestionSchema } from 'quizkit/schema';
 * const q = MultipleChoiceQuestionSchema.parse({
 *   id: 'q2', type: 'multiple-choice', prompt: 'Who appeared at the parade?',
 *   explanation: 'Kim, Xi and Putin appeared together.',
 *   source: { section: 'united-front', quote: 'joint appearance of Kim Jong Un, Xi Jinping, and Vladimir Putin' },
 *   options: [
 *     { id: 'kim', text: 'Kim Jong Un', correct: true },
 *     { id: 'putin', text: 'Vladimir Putin', correct: true },
 *     { id: 'biden', text: 'Joe Biden' },
 *   ],
 *   rule: { name: 'right-minus-wrong' },
 * });
 * q.options.filter((o) => o.correct).length; //=> 2
 * ```
 */
export const MultipleChoiceQuestionSchema = z
  .strictObject({
    ...questionBase,
    type: z.literal('multiple-choice'),
    options: choiceOptions,
    rule: MultipleChoiceRuleSchema.default({ name: 'all-or-nothing' }),
  })
  .superRefine((question, ctx) => {
    if (!question.options.some((option) => option.correct)) {
      ctx.addIssue({
        code: 'custom',
        params: issueParams('no_correct_option'),
        path: ['options'],
        message: 'Mark at least one option `correct: true`',
      });
    }
    if (question.rule.name === 'weighted-credit' && question.options.some((option) => option.credit)) {
      // As in Moodle, the positive credits must add up to exactly 1, or the key could not earn full marks.
      const k = question.options.filter((option) => option.correct).length;
      // In BigInt: a sum of credits with large coprime denominators must be refused, not overflow.
      const positive = sumBig(
        question.options.map((option) => option.credit ?? fraction(option.correct ? 1 : -1, k)).filter((credit) => credit.n > 0),
      );
      if (positive.n !== positive.d) {
        ctx.addIssue({
          code: 'custom',
          params: issueParams('credit_out_of_range'),
          path: ['options'],
          message: `Under weighted-credit the positive credits must add up to 1; they add up to ${positive.n}/${positive.d}`,
        });
      }
    }
  })
  .describe('A multiple-choice question where any number of options may be right.');
