import * as z from 'zod';
import { IdSchema, WeightSchema, partFeedback, questionBase, ruleOf, text } from '../../schema/common.js';
import { issueParams } from '../../schema/codes.js';
import { LIMITS } from '../../schema/limits.js';
import { duplicateIds } from '../../schema/refine.js';

/**
 * Scoring rules a matching question accepts, selected by `name` (default
 * `per-statement`). See `docs/scoring.md` for each formula.
 *
 * @example
 * ```ts
 * import { MatchingRuleSchema } from 'quizkit/schema';
 * MatchingRuleSchema.options.map((rule) => rule.shape.name.value); //=> ['per-statement', 'all-or-nothing']
 * ```
 */
export const MatchingRuleSchema = z.discriminatedUnion('name', [
  ruleOf(
    'per-statement',
    'Weight of the correctly matched statements over the total weight; with equal weights, right / statements (Moodle match, QTI map_response on directedPair).',
  ),
  ruleOf('all-or-nothing', 'Full credit only when every statement is matched correctly.'),
]);

/**
 * Someone a statement can be attributed to: a person, a side, or a medium
 * that reported it. An actor may own several statements, or none (a distractor).
 *
 * @example
 * ```ts
 * import { ActorSchema } from 'quizkit/schema';
 * ActorSchema.parse({ id: 'ap-news', name: 'AP News' }); //=> { id: 'ap-news', name: 'AP News' }
 * ```
 */
export const ActorSchema = z
  .strictObject({
    id: IdSchema.describe('Actor id, unique in the question.'),
    name: text(LIMITS.shortText, 'The actor as the learner reads it.'),
  })
  .describe('An actor statements can be matched to; an actor may own several statements or none (a distractor).');

/**
 * A statement to attribute to an actor: `actor` is the right answer, or
 * `null` for "none of these" (the question must set `allowNoMatch`). Under
 * the `per-statement` rule a statement counts by its `weight` (default 1).
 *
 * @example
 * ```ts
 * import { StatementSchema } from 'quizkit/schema';
 * const statement = StatementSchema.parse({ id: 'resist', text: 'Resist unilateralism', actor: 'north-korea', weight: '3/2' });
 * statement.weight; //=> { n: 3, d: 2 }
 * ```
 */
export const StatementSchema = z
  .strictObject({
    id: IdSchema.describe('Statement id, unique in the question.'),
    text: text(LIMITS.shortText, 'The statement as the learner reads it.'),
    actor: IdSchema.nullable().describe(
      'Id of the actor the statement belongs to, or null when the right answer is "none of these" (needs allowNoMatch).',
    ),
    weight: WeightSchema.optional(),
    feedback: partFeedback,
  })
  .describe('A statement the learner attributes to an actor.');

/**
 * A question where the learner matches statements to the actors who made them.
 *
 * @example
 * ```ts
 * import { MatchingQuestionSchema } from 'quizkit/schema';
 * const q = MatchingQuestionSchema.parse({
 *   id: 'q4', type: 'matching', prompt: 'Who said what?',
 *   explanation: 'Choe spoke of ties; Wang of strategic communication.',
 *   source: { section: 'commitments', quote: 'Chinese Foreign Minister Wang Yi echoed this sentiment' },
 *   actors: [{ id: 'choe', name: 'Choe Son Hui' }, { id: 'wang', name: 'Wang Yi' }, { id: 'putin', name: 'Vladimir Putin' }],
 *   statements: [
 *     { id: 's1', text: 'Unwavering dedication to ties with China', actor: 'choe' },
 *     { id: 's2', text: 'Strategic communications are necessary', actor: 'wang' },
 *   ],
 * });
 * q.rule.name; //=> 'per-statement'
 * ```
 */
export const MatchingQuestionSchema = z
  .strictObject({
    ...questionBase,
    type: z.literal('matching'),
    actors: z
      .array(ActorSchema)
      .min(2, { message: 'Give at least 2 actors' })
      .max(LIMITS.actorsPerMatching)
      .superRefine((actors, ctx) => duplicateIds(actors, ctx, 'actor')),
    statements: z
      .array(StatementSchema)
      .min(1, { message: 'Give at least 1 statement' })
      .max(LIMITS.statementsPerMatching)
      .superRefine((statements, ctx) => duplicateIds(statements, ctx, 'statement')),
    allowNoMatch: z
      .boolean()
      .default(false)
      .describe('Offer the learner an explicit "none of these" answer for each statement.'),
    rule: MatchingRuleSchema.default({ name: 'per-statement' }),
  })
  .superRefine((question, ctx) => {
    const actors = new Set(question.actors.map((actor) => actor.id));
    question.statements.forEach((statement, index) => {
      if (statement.actor === null) {
        if (!question.allowNoMatch) {
          ctx.addIssue({
            code: 'custom',
            params: issueParams('no_match_not_allowed'),
            path: ['statements', index, 'actor'],
            message: `Statement "${statement.id}" has no actor; set allowNoMatch: true on the question or name an actor`,
          });
        }
      } else if (!actors.has(statement.actor)) {
        ctx.addIssue({
          code: 'custom',
          params: issueParams('unknown_actor'),
          path: ['statements', index, 'actor'],
          message: `Statement "${statement.id}" names actor "${statement.actor}", which is not one of: ${[...actors].join(', ')}`,
        });
      }
    });
  })
  .describe('A question where the learner attributes statements to actors.');
