import * as z from 'zod';
import { ONE, equals, type Fraction } from '../../fraction/fraction.js';
import { questionBase, ruleOf } from '../../schema/common.js';
import { issueParams } from '../../schema/codes.js';
import { choiceOptions } from '../choice-options.js';

const isOne = (credit: Fraction) => equals(credit, ONE);

/**
 * Scoring rules a single-choice question accepts, selected by `name`
 * (default `option-credit`). See `docs/scoring.md` for each formula.
 *
 * @example
 * ```ts
 * import { SingleChoiceRuleSchema } from 'quizkit/schema';
 * SingleChoiceRuleSchema.options.map((rule) => rule.shape.name.value); //=> ['option-credit', 'correction-for-guessing']
 * ```
 */
export const SingleChoiceRuleSchema = z.discriminatedUnion('name', [
  ruleOf(
    'option-credit',
    "The chosen option's credit: 1 for the correct option, 0 otherwise unless the author sets `credit` (may be partial or negative, as Moodle allows).",
  ),
  ruleOf(
    'correction-for-guessing',
    'Formula scoring: 1 if right, -1/(k-1) if wrong with k options, 0 if unanswered, so blind guessing averages 0.',
  ),
]);

/**
 * A question with exactly one correct option.
 *
 * @example
 * ```ts
 * import { SingleChoiceQuestionSchema } from 'quizkit/schema';
 * const q = SingleChoiceQuestionSchema.parse({
 *   id: 'q1', type: 'single-choice', prompt: 'Where was the meeting held?',
 *   explanation: 'The article opens in Beijing.',
 *   source: { section: 'meeting', quote: 'In a pivotal meeting held in Beijing' },
 *   options: [{ id: 'beijing', text: 'Beijing', correct: true }, { id: 'pyongyang', text: 'Pyongyang' }],
 * });
 * q.rule.name; //=> 'option-credit'
 * ```
 */
export const SingleChoiceQuestionSchema = z
  .strictObject({
    ...questionBase,
    type: z.literal('single-choice'),
    options: choiceOptions,
    rule: SingleChoiceRuleSchema.default({ name: 'option-credit' }),
  })
  .superRefine((question, ctx) => {
    const marked = question.options.filter((option) => option.correct);
    if (marked.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        params: issueParams('correct_option_count'),
        path: ['options'],
        message: `Mark exactly one option \`correct: true\`; found ${marked.length}${marked.length ? ` (${marked.map((o) => o.id).join(', ')})` : ''}`,
      });
    }
    question.options.forEach((option, index) => {
      // Only the correct option may earn full credit; the others may earn partial or negative credit.
      if (option.credit && option.correct !== isOne(option.credit)) {
        ctx.addIssue({
          code: 'custom',
          params: issueParams('credit_out_of_range'),
          path: ['options', index, 'credit'],
          message: option.correct
            ? `Option "${option.id}" is the correct one, so its credit must be 1 (or left out)`
            : `Only the correct option earns credit 1; give option "${option.id}" less, or mark it correct`,
        });
      }
    });
  })
  .describe('A multiple-choice question with one best answer.');
