import * as z from 'zod';
import { CreditSchema, IdSchema, partFeedback, text } from '../schema/common.js';
import { LIMITS } from '../schema/limits.js';
import { duplicateIds } from '../schema/refine.js';

/**
 * One option of a single- or multiple-choice question.
 *
 * @example
 * ```ts
 * import { ChoiceOptionSchema } from 'quizkit/schema';
 * ChoiceOptionSchema.parse({ id: 'kim', text: 'Kim Jong Un', correct: true }).correct; //=> true
 * ```
 */
export const ChoiceOptionSchema = z
  .strictObject({
    id: IdSchema.describe('Option id, unique in the question.'),
    text: text(LIMITS.shortText, 'The option as the learner reads it.'),
    correct: z.boolean().default(false).describe('Whether choosing this option is right.'),
    credit: CreditSchema.optional().describe(
      'Exact credit for choosing this option, in [-1, 1] ("1/3", 0.5, -0.25). Defaults depend on the rule.',
    ),
    feedback: partFeedback,
  })
  .describe('An option the learner can choose.');

export const choiceOptions = z
  .array(ChoiceOptionSchema)
  .min(2, { message: 'Give at least 2 options' })
  .max(LIMITS.optionsPerQuestion)
  .superRefine((options, ctx) => duplicateIds(options, ctx, 'option'));
