import * as z from 'zod';
import { IdSchema, partFeedback, questionBase, ruleOf, text } from '../../schema/common.js';
import { issueParams } from '../../schema/codes.js';
import { LIMITS } from '../../schema/limits.js';
import { duplicateIds } from '../../schema/refine.js';

/**
 * Scoring rules an ordering question accepts: Moodle's nine grading types,
 * named for what they measure, selected by `name` (default
 * `all-or-nothing`). See `docs/scoring.md` for each formula.
 *
 * @example
 * ```ts
 * import { OrderingRuleSchema } from 'quizkit/schema';
 * OrderingRuleSchema.parse({ name: 'pairwise-order' }); //=> { name: 'pairwise-order' }
 * OrderingRuleSchema.safeParse({ name: 'kendall-tau' }).success; //=> false
 * ```
 */
export const OrderingRuleSchema = z.discriminatedUnion('name', [
  ruleOf('all-or-nothing', 'Full credit only for the exact order (Moodle ALL_OR_NOTHING, QTI match_correct).'),
  ruleOf('exact-position', 'Share of items in their exact position (Moodle ABSOLUTE_POSITION).'),
  ruleOf(
    'position-distance',
    'Each item earns n-1 minus its distance from its correct position, floored at 0, over n(n-1) (Moodle RELATIVE_TO_CORRECT).',
  ),
  ruleOf(
    'next-item',
    'Share of the n-1 correct successions: an item followed by the item that follows it in the correct order (Moodle RELATIVE_NEXT_EXCLUDE_LAST, H5P transitions).',
  ),
  ruleOf(
    'next-item-and-last',
    'Correct successions plus the correct last item, over n (Moodle RELATIVE_NEXT_INCLUDE_LAST).',
  ),
  ruleOf(
    'previous-and-next',
    'Each item earns a point for the right predecessor and for the right successor (nothing, at the ends), over 2n (Moodle RELATIVE_ONE_PREVIOUS_AND_NEXT).',
  ),
  ruleOf(
    'pairwise-order',
    'Share of item pairs in the right relative order: 1 - inversions / C(n,2), the Kendall tau concordance (Moodle RELATIVE_ALL_PREVIOUS_AND_NEXT).',
  ),
  ruleOf(
    'longest-ordered-subsequence',
    'Length of the longest subsequence in correct relative order, over n; a run of 1 scores 0 (Moodle LONGEST_ORDERED_SUBSET).',
  ),
  ruleOf(
    'longest-consecutive-run',
    'Length of the longest run of items consecutive in the correct order that the response keeps in order (not necessarily adjacent), over n; a run of 1 scores 0 (Moodle LONGEST_CONTIGUOUS_SUBSET).',
  ),
]);

/**
 * One item to put in order; the question's `correctOrder` lists item ids.
 *
 * @example
 * ```ts
 * import { OrderingItemSchema } from 'quizkit/schema';
 * OrderingItemSchema.parse({ id: 'summit', text: 'Kim–Xi summit', feedback: 'The summit came first.' }).id; //=> 'summit'
 * ```
 */
export const OrderingItemSchema = z
  .strictObject({
    id: IdSchema.describe('Item id, unique in the question.'),
    text: text(LIMITS.shortText, 'The item as the learner reads it.'),
    feedback: partFeedback,
  })
  .describe('An item to put in order.');

/**
 * A question where the learner puts items in order.
 *
 * @example
 * ```ts
 * import { OrderingQuestionSchema } from 'quizkit/schema';
 * const q = OrderingQuestionSchema.parse({
 *   id: 'q3', type: 'ordering', prompt: 'Put the events in order.',
 *   explanation: 'The meeting came shortly after the summit.',
 *   source: { section: 'meeting', quote: 'shortly after an unprecedented summit' },
 *   items: [{ id: 'meeting', text: 'Ministers meet' }, { id: 'summit', text: 'Kim-Xi summit' }],
 *   correctOrder: ['summit', 'meeting'],
 *   rule: { name: 'pairwise-order' },
 * });
 * q.correctOrder; //=> ['summit', 'meeting']
 * ```
 */
export const OrderingQuestionSchema = z
  .strictObject({
    ...questionBase,
    type: z.literal('ordering'),
    items: z
      .array(OrderingItemSchema)
      .min(2, { message: 'Give at least 2 items to order' })
      .max(LIMITS.itemsPerOrdering)
      .superRefine((items, ctx) => duplicateIds(items, ctx, 'item')),
    correctOrder: z
      .array(IdSchema)
      .max(LIMITS.itemsPerOrdering)
      .describe('Every item id exactly once, in the correct order.'),
    rule: OrderingRuleSchema.default({ name: 'all-or-nothing' }),
  })
  .superRefine((question, ctx) => {
    const ids = new Set(question.items.map((item) => item.id));
    const seen = new Set<string>();
    question.correctOrder.forEach((id, index) => {
      if (!ids.has(id)) {
        ctx.addIssue({
          code: 'custom',
          params: issueParams('ordering_not_permutation'),
          path: ['correctOrder', index],
          message: `"${id}" is not an item of this question; use one of: ${[...ids].join(', ')}`,
        });
      } else if (seen.has(id)) {
        ctx.addIssue({
          code: 'custom',
          params: issueParams('ordering_not_permutation'),
          path: ['correctOrder', index],
          message: `"${id}" appears twice in correctOrder; list each item once`,
        });
      }
      seen.add(id);
    });
    const missing = [...ids].filter((id) => !seen.has(id));
    if (missing.length) {
      ctx.addIssue({
        code: 'custom',
        params: issueParams('ordering_not_permutation'),
        path: ['correctOrder'],
        message: `correctOrder must list every item once; missing: ${missing.join(', ')}`,
      });
    }
  })
  .describe('A question where the learner puts items in order.');
